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


def calendar(month: MonthOpt = None, store: StoreOpt = None, json: JsonOpt = False, lang: LangOpt = "zh") -> None:
    """The release calendar: for each report the next release that changes it; per stored series
    the last release (stored date where known, else the rule) and the next expected. Dates marked
    '~' are estimated from the publishing rules."""
    import pandas as pd

    from macrodesk.analyses.releases import release_rows
    from macrodesk.series.calendar import body_name
    from macrodesk.text import tr

    lang = check_lang(lang)
    period_arg(month, "--month", "a month like 2025-12")
    start = pd.Period(month, "M").start_time.date() if month else _dt.date.today()
    with open_store(store, read_only=True) as st:
        reports, series = release_rows(st, start)
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
