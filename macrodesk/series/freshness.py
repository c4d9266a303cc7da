"""Input freshness as numbers: for a report's inputs, how far each input's last period is behind.

:func:`freshness` takes ``{id: MacroSeries}`` (what a recipe reads) and the report's month and
returns one row per input: ``id``, ``last_period`` (the last observed period, a Period, NaT when
the series is empty), ``months_behind`` (report month minus the month holding the last period;
a quarterly or annual input counts from the period's last month) and ``stale``
(``months_behind > tolerance``). Labels and sentences are made from it in report views.
"""

from __future__ import annotations

from typing import Any, Mapping

import pandas as pd

from macrodesk.series._container import MacroSeries
from macrodesk.series.periods import parse_period

__all__ = ["freshness"]

_COLUMNS = ["id", "last_period", "months_behind", "stale"]


def freshness(inputs: Mapping[str, MacroSeries], report_month: Any, *, tolerance: int = 0) -> pd.DataFrame:
    """One row per input: id, last_period, months_behind, stale (``months_behind > tolerance``).

    ``report_month`` is the month the report is dated (e.g. '2025-12'); ``tolerance`` the
    number of months an input may lag and still count as current. Daily and weekly inputs
    count by the month of their last observation. An empty series has no last period
    (``months_behind`` missing) and is stale.
    """
    month = parse_period(report_month, "M", name="report month")
    rows: list[dict[str, Any]] = []
    for sid, series in inputs.items():
        obs = series.observations()
        if obs.empty:
            rows.append({"id": sid, "last_period": None, "months_behind": pd.NA, "stale": True})
            continue
        last = obs.index.max()
        last_month = (last if isinstance(last, pd.Period) else pd.Period(last, "D")).asfreq("M", how="end")
        behind = (month - last_month).n
        rows.append({"id": sid, "last_period": last, "months_behind": behind, "stale": behind > tolerance})
    table = pd.DataFrame(rows, columns=_COLUMNS)
    table["months_behind"] = table["months_behind"].astype("Int64")
    table["stale"] = table["stale"].astype(bool)
    return table
