"""``macrodesk calendar``: the next releases that change each report, and per stored series its last and next release."""

from __future__ import annotations

import datetime as _dt
from typing import Annotated, Any, Optional

import typer

from macrodesk.cli._common import JsonOpt, LangOpt, StoreOpt, check_lang, console, open_store, period_arg, print_json

MonthOpt = Annotated[
    Optional[str],
    typer.Option("--month", help="Show the calendar from the first day of this month, YYYY-MM (default: today)."),
]


def _rows(store: Any, start: _dt.date) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    import pandas as pd

    from macrodesk.analyses import REPORTS
    from macrodesk.series.calendar import next_release, release_body, release_date

    after = start - _dt.timedelta(days=1)
    listing = store.list()
    series_rows: list[dict[str, Any]] = []
    wanted = [r for r in listing.itertuples(index=False)
              if release_body(r.series_id) and r.freq == "M" and not pd.isna(r.last)]
    data = store.get_many([r.series_id for r in wanted]) if wanted else {}
    for rec in wanted:
        body = release_body(rec.series_id)
        assert body is not None
        last = pd.Period(pd.Timestamp(rec.last), "M")
        stored = data[rec.series_id].released_observations()
        known = stored.get(last) if last in stored.index else None
        if known is not None and not pd.isna(known):
            last_rel = {"date": pd.Timestamp(known).date().isoformat(), "estimated": False}
        else:
            r = release_date(body, last)
            last_rel = {"date": r.date.isoformat(), "estimated": r.estimated}
        nxt = release_date(body, last + 1)
        series_rows.append({"id": rec.series_id, "body": body, "last_period": str(last),
                            "last_release": last_rel["date"], "last_estimated": last_rel["estimated"],
                            "next_period": nxt.period, "next_release": nxt.date.isoformat(),
                            "next_estimated": nxt.estimated})
    stored_ids = set(listing["series_id"])
    report_rows: list[dict[str, Any]] = []
    import importlib

    for name, recipe in REPORTS.items():
        mod = importlib.import_module(recipe.module)
        ids = [i for i in (*mod.REQUIRED, *mod.OPTIONAL) if i in stored_ids]
        bodies = sorted({b for b in (release_body(i) for i in ids) if b})
        releases = [next_release(b, after) for b in bodies]
        if not releases:
            report_rows.append({"report": name, "body": None, "period": None, "date": None, "estimated": None})
            continue
        first = min(releases, key=lambda r: r.date)
        report_rows.append({"report": name, **first.to_dict()})
    return report_rows, series_rows


def calendar(month: MonthOpt = None, store: StoreOpt = None, json: JsonOpt = False, lang: LangOpt = "zh") -> None:
    """The release calendar: for each report the next release that changes it; per stored series
    the last release (stored date where known, else the rule) and the next expected. Dates marked
    '~' are estimated from the publishing rules."""
    import pandas as pd

    from macrodesk.series.calendar import body_name
    from macrodesk.text import tr

    lang = check_lang(lang)
    period_arg(month, "--month", "a month like 2025-12")
    start = pd.Period(month, "M").start_time.date() if month else _dt.date.today()
    with open_store(store, read_only=True) as st:
        reports, series = _rows(st, start)
    if json:
        print_json({"from": start.isoformat(), "reports": reports, "series": series})
        return
    from rich.table import Table

    def mark(date: str | None, est: bool | None) -> str:
        return "—" if date is None else (f"~{date}" if est else date)

    t = Table(title=tr(f"{start.isoformat()} 起的下一次发布", f"Next releases from {start.isoformat()}", lang))
    for col in (tr("报告", "Report", lang), tr("发布机构", "Release", lang), tr("数据月份", "Period", lang),
                tr("日期", "Date", lang)):
        t.add_column(col)
    for r in reports:
        t.add_row(r["report"], body_name(r["body"], lang) if r["body"] else "—", r["period"] or "—",
                  mark(r["date"], r["estimated"]))
    out = console()
    out.print(t)
    s = Table(title=tr("各序列的发布", "Releases per series", lang))
    for col in (tr("序列", "Series", lang), tr("发布机构", "Release", lang), tr("最新月份", "Last period", lang),
                tr("最近发布", "Last release", lang), tr("下次发布", "Next expected", lang)):
        s.add_column(col)
    for r in series:
        s.add_row(r["id"], body_name(r["body"], lang), r["last_period"], mark(r["last_release"], r["last_estimated"]),
                  f"{r['next_period']}: {mark(r['next_release'], r['next_estimated'])}")
    out.print(s)
    out.print(tr("~ 为按发布规律估计的日期。", "~ marks dates estimated from the publishing rules.", lang))
