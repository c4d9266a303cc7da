"""Input freshness as numbers: for a report's inputs, how far each input's last period is behind.

:func:`freshness` takes ``{id: MacroSeries}`` (what a recipe reads) and the report's month and
returns one row per input: ``id``, ``last_period`` (the last observed period, a Period, NaT when
the series is empty), ``months_behind`` (report month minus the month holding the last period;
a quarterly or annual input counts from the period's last month), ``allowed`` (the months it
may lag and still be current) and ``stale`` (``months_behind > allowed``). Labels and sentences
are made from it in report views.

The allowed lag (:func:`allowed_lag`) is the ``tolerance`` given, plus what the input's own
publication rhythm makes unavoidable:

* a quarterly input may end up to 2 months before the report month (the quarter holding the
  report month is not over), an annual one up to 11;
* when the report is written on the release of one body (``report_body``, e.g. ``gacc_trade``
  for the trade flash, ``nbs_prices`` for the inflation reports) and the input's body (from its
  id, :func:`~macrodesk.series.calendar.release_body`) publishes the report month later than
  that (NBS activity on the 15th, PBoC credit on the 12th, against CPI on the 9th), the input
  may be one month behind. Inputs of unknown bodies (peers, commodity prices, vendor series)
  get no such allowance: they are current only when they reach the report month.
"""

from __future__ import annotations

from typing import Any, Mapping

import pandas as pd

from macrodesk.series._container import MacroSeries
from macrodesk.series.periods import parse_period

__all__ = ["FREQ_LAG", "allowed_lag", "freshness", "months_behind"]

_COLUMNS = ["id", "last_period", "months_behind", "allowed", "stale"]

#: Months an input of each frequency may end before the report month because its period is not over.
FREQ_LAG: dict[str, int] = {"Q": 2, "A": 11, "Y": 11}


def _freq_code(last: Any) -> str:
    if isinstance(last, pd.Period):
        return str(last.freqstr)[:1].upper()
    return "D"


def months_behind(last_period: Any, report_month: Any) -> int:
    """Report month minus the month holding ``last_period`` (a Period or a date), in months."""
    month = parse_period(report_month, "M", name="report month")
    last = last_period if isinstance(last_period, pd.Period) else pd.Period(pd.Timestamp(last_period), "D")
    return int((month - last.asfreq("M", how="end")).n)


def allowed_lag(series_id: str, last_period: Any, report_month: Any, *, tolerance: int = 0,
                report_body: str | None = None) -> int:
    """The months ``series_id`` may lag ``report_month`` and still count as current (see the module doc)."""
    lag = tolerance + FREQ_LAG.get(_freq_code(last_period), 0)
    if report_body is not None:
        from macrodesk.series.calendar import release_body, release_date

        body = release_body(series_id)
        if body is not None and body != report_body:
            month = parse_period(report_month, "M", name="report month")
            if release_date(body, month).date > release_date(report_body, month).date:
                lag += 1
    return lag


def freshness(inputs: Mapping[str, MacroSeries], report_month: Any, *, tolerance: int = 0,
              report_body: str | None = None) -> pd.DataFrame:
    """One row per input: id, last_period, months_behind, allowed, stale (``months_behind > allowed``).

    ``report_month`` is the month the report is dated (e.g. '2025-12'); ``tolerance`` the
    number of months any input may lag and still count as current, on top of the lag its
    frequency and (with ``report_body``) its release calendar allow (:func:`allowed_lag`).
    Daily and weekly inputs count by the month of their last observation. An empty series
    has no last period (``months_behind`` missing) and is stale.
    """
    month = parse_period(report_month, "M", name="report month")
    rows: list[dict[str, Any]] = []
    for sid, series in inputs.items():
        obs = series.observations()
        if obs.empty:
            rows.append({"id": sid, "last_period": None, "months_behind": pd.NA, "allowed": tolerance,
                         "stale": True})
            continue
        last = obs.index.max()
        behind = months_behind(last, month)
        allowed = allowed_lag(sid, last, month, tolerance=tolerance, report_body=report_body)
        rows.append({"id": sid, "last_period": last, "months_behind": behind, "allowed": allowed,
                     "stale": behind > allowed})
    table = pd.DataFrame(rows, columns=_COLUMNS)
    table["months_behind"] = table["months_behind"].astype("Int64")
    table["allowed"] = table["allowed"].astype(int)
    table["stale"] = table["stale"].astype(bool)
    return table
