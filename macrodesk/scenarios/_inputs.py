"""The engine's inputs: target rates and commodity levels read from ``data``, checked, as monthly Series."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import pandas as pd

from macrodesk import transforms as T
from macrodesk.exceptions import ScenarioError, UnknownSeriesError
from macrodesk.series import MacroSeries, SeriesMeta

__all__ = ["as_of_month", "levels", "rate"]

#: A target role -> (the rate it must be, units that are the other rate).
_WRONG_UNITS: dict[str, tuple[str, tuple[str, ...]]] = {
    "target MoM": ("month-on-month", ("pct_yoy", "pct_yoy_ytd", "index_prev_year_100")),
    "target YoY": ("year-on-year", ("pct_mom", "pct_qoq", "index_prev_month_100")),
}
_KEY = {"target MoM": ("mom", "pct_mom"), "target YoY": ("yoy", "pct_yoy")}


def _monthly(s: pd.Series, sid: str, file: str) -> pd.Series:
    idx = s.index
    if isinstance(idx, pd.PeriodIndex):
        if idx.freqstr[0] != "M":
            raise ScenarioError(f"{file}: series '{sid}' must be monthly, got frequency {idx.freqstr}")
        out = s.astype(float)
    elif isinstance(idx, pd.DatetimeIndex):
        out = pd.Series(s.to_numpy(dtype=float), index=idx.to_period("M"), name=sid)
        if out.index.has_duplicates:
            raise ScenarioError(f"{file}: series '{sid}' has several values in one month; pass monthly data")
    else:
        raise ScenarioError(f"{file}: series '{sid}' needs a monthly PeriodIndex, got {type(idx).__name__}")
    out = out.sort_index()
    if len(out):
        out = out.reindex(pd.period_range(out.index[0], out.index[-1], freq="M"))
    return out


def _get(data: Mapping[str, Any], sid: str, file: str, role: str) -> Any:
    if sid not in data or data[sid] is None:
        raise UnknownSeriesError(sid, f"{file} needs it ({role}); import it first (macrodesk data import …)")
    return data[sid]


def _check_unit(meta: SeriesMeta, file: str, role: str) -> None:
    """Refuse a target MoM that is a YoY series (or the reverse): the paths would be nonsense."""
    rule = _WRONG_UNITS.get(role)
    if rule is None or meta.unit not in rule[1]:
        return
    key, want = _KEY[role]
    other = "year-on-year" if role == "target MoM" else "month-on-month"
    raise ScenarioError(
        f"{file}: series '{meta.id}' is the {role} (`{key} = \"{meta.id}\"`) but its unit is {meta.unit}, "
        f"a {other} rate; point `{key}` at a {rule[0]} series (unit {want})"
    )


def rate(data: Mapping[str, Any], sid: str, file: str, role: str) -> tuple[pd.Series, SeriesMeta | None]:
    """A rate series as fractions on a complete monthly PeriodIndex (pd.Series inputs are percent)."""
    obj = _get(data, sid, file, role)
    if isinstance(obj, MacroSeries):
        if obj.freq != "M":
            raise ScenarioError(f"{file}: series '{sid}' ({role}) must be monthly, got frequency {obj.freq}")
        _check_unit(obj.meta, file, role)
        return obj.to_fraction(), obj.meta
    if isinstance(obj, pd.Series):
        return _monthly(obj, sid, file) / 100.0, None
    raise ScenarioError(f"{file}: series '{sid}' must be a MacroSeries or a pandas Series, got {type(obj).__name__}")


def levels(obj: Any, sid: str, file: str) -> tuple[pd.Series, SeriesMeta | None]:
    """Monthly levels: monthly data as is, daily/weekly/10-day averaged to months."""
    if isinstance(obj, MacroSeries):
        if obj.freq == "M":
            return obj.data.astype(float), obj.meta
        if obj.freq in ("D", "W", "X"):
            return T.to_monthly(obj.observations(), "mean"), obj.meta
        raise ScenarioError(f"{file}: commodity series '{sid}' must be monthly or higher frequency, got {obj.freq}")
    if isinstance(obj, pd.Series):
        if isinstance(obj.index, pd.DatetimeIndex) and obj.index.to_period("M").has_duplicates:
            return T.to_monthly(obj.dropna().astype(float), "mean"), None
        return _monthly(obj, sid, file), None
    raise ScenarioError(f"{file}: series '{sid}' must be a MacroSeries or a pandas Series, got {type(obj).__name__}")


def as_of_month(as_of: Any, yoy: pd.Series, file: str, sid: str) -> pd.Period:
    """The information-set month: as given ('YYYY-MM' or a monthly Period), else the last published YoY."""
    if as_of is None:
        obs = yoy.dropna()
        if obs.empty:
            raise ScenarioError(f"{file}: series '{sid}' has no published value")
        return pd.Period(obs.index[-1], freq="M")
    if isinstance(as_of, pd.Period):
        if as_of.freqstr[0] != "M":
            raise ScenarioError(f"as-of must be a month like 2025-12, got {as_of}")
        return as_of
    text = str(as_of).strip()
    m = re.fullmatch(r"(\d{4})-(\d{1,2})", text)
    if not m or not 1 <= int(m.group(2)) <= 12:
        raise ScenarioError(f"as-of must be a month like 2025-12, got {as_of!r}")
    return pd.Period(year=int(m.group(1)), month=int(m.group(2)), freq="M")
