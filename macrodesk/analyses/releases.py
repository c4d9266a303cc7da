"""The release calendar of a store: the next release that changes each report, and per series its last
and next release (numbers and dates; ``macrodesk calendar`` and the web desk word them)."""

from __future__ import annotations

import datetime as _dt
from typing import Any

__all__ = ["release_rows"]


def release_rows(store: Any, start: _dt.date) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """``(reports, series)``: for each report the first release on or after ``start`` that changes it
    (body, period, date, estimated); per stored monthly series with a known publisher its last
    release (the stored date where known, else the rule's) and the next one expected."""
    import pandas as pd

    from macrodesk.analyses import REPORTS
    from macrodesk.series.calendar import next_release, release_body, release_date

    after = start - _dt.timedelta(days=1)
    listing = store.list()
    series_rows: list[dict[str, Any]] = []
    wanted = [r for r in listing.itertuples(index=False)
              if release_body(r.series_id) and r.freq == "M" and not pd.isna(r.last)]
    # the release date stored for each series' last value (one query, not every series read in full)
    released = store.last_released([r.series_id for r in wanted]) if wanted else {}
    for rec in wanted:
        body = release_body(rec.series_id)
        assert body is not None
        last = pd.Period(pd.Timestamp(rec.last), "M")
        last_date, known = released.get(rec.series_id, (None, None))
        if known is not None and last_date is not None and pd.Period(last_date, "M") == last:
            last_rel = {"date": known.isoformat(), "estimated": False}
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
