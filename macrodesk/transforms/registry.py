"""Catalogue transforms runnable on one stored series (``macrodesk calc``, the web desk's explorer).

Each entry reads a :class:`~macrodesk.series.MacroSeries` in its published unit,
brings it to the form the transform needs (a level, or MoM as a fraction), runs
the pure function from :mod:`macrodesk.transforms` and returns a
:class:`CalcResult` whose rates are back in percent.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, cast

import numpy as np
import pandas as pd

from macrodesk import transforms as T
from macrodesk.exceptions import TransformError
from macrodesk.series import MacroSeries, period_key
from macrodesk.series.units import get_unit, rate_unit_of

__all__ = ["TRANSFORMS", "VIEWS", "CalcResult", "run", "as_mom", "as_level", "view"]


@dataclass
class CalcResult:
    """The output of one transform: a series or a small table, in ``unit``."""

    series_id: str
    transform: str
    unit: str
    data: pd.Series | pd.DataFrame
    note: str = ""
    params: dict[str, Any] = field(default_factory=dict)
    #: extra JSON fields (e.g. ``overridden``) and the matching one-line messages printed under the table
    extra: dict[str, Any] = field(default_factory=dict)
    flags: list[str] = field(default_factory=list)

    def keys(self, index: pd.Index) -> list[str]:
        """Row labels: period keys (2025-12) for a time index, else the index as text."""
        if isinstance(index, (pd.PeriodIndex, pd.DatetimeIndex)):
            return period_key(index)
        return [str(i) for i in index]

    def to_json(self, digits: int = 4) -> dict[str, Any]:
        def clean(s: pd.Series) -> dict[str, float | None]:
            return {
                k: (None if pd.isna(v) else round(float(v), digits)) for k, v in zip(self.keys(s.index), s.to_numpy())
            }

        out: dict[str, Any] = {"series_id": self.series_id, "transform": self.transform, "unit": self.unit}
        if self.params:
            out["params"] = self.params
        out.update(self.extra)
        if isinstance(self.data, pd.Series):
            out["values"] = clean(self.data)
        else:
            out["columns"] = {str(c): clean(self.data[c]) for c in self.data.columns}
        if self.note:
            out["note"] = self.note
        return out


# ---------------------------------------------------------------- inputs
def as_mom(s: MacroSeries, transform: str) -> pd.Series:
    """MoM as a fraction: from pct_mom, from an index_prev_month_100, or computed from a level."""
    kind = get_unit(s.unit).kind
    if s.unit == "pct_mom" or rate_unit_of(s.unit) == "pct_mom":
        return s.to_fraction()
    if kind in ("level", "price", "count", "ratio") or s.unit in ("index", "index_2010_100", "index_2005m12_100"):
        if s.freq != "M":
            raise TransformError(f"'{transform}' needs a monthly series; '{s.id}' is {s.freq}")
        return T.mom(s.data)
    raise TransformError(
        f"'{transform}' needs a month-on-month series (pct_mom, index_prev_month_100) or a level; "
        f"'{s.id}' is {s.unit}"
    )


def as_level(s: MacroSeries, transform: str) -> pd.Series:
    """The values of a level/price/index series; a rate is refused with a hint."""
    kind = get_unit(s.unit).kind
    if kind == "rate" or rate_unit_of(s.unit) is not None:
        raise TransformError(
            f"'{transform}' needs a level or index series; '{s.id}' is already a rate ({s.unit})"
        )
    if s.freq not in ("M", "Q"):
        raise TransformError(
            f"'{transform}' needs a monthly or quarterly series; '{s.id}' is {s.freq} — "
            f"run `macrodesk calc resample {s.id}` first"
        )
    return s.data


def _years(text: str | None, default: tuple[int, int] | None = None) -> range:
    if text is None:
        if default is None:
            raise TransformError("this transform needs --years, e.g. --years 2021-2024")
        return range(default[0], default[1] + 1)
    try:
        a, _, b = text.partition("-")
        lo, hi = int(a), int(b or a)
    except ValueError:
        raise TransformError(f"--years must look like 2021-2024, got '{text}'") from None
    if lo > hi:
        raise TransformError(f"--years {text}: the first year is after the last")
    if not (1000 <= lo and hi <= 9999):
        raise TransformError(f"--years {text}: years must lie in 1000..9999")
    if hi - lo + 1 > MAX_WINDOW_YEARS:
        raise TransformError(f"--years {text}: a window of {hi - lo + 1} years; at most {MAX_WINDOW_YEARS}")
    return range(lo, hi + 1)


#: The longest --years window a seasonal norm takes.
MAX_WINDOW_YEARS = 200


def _with_data_in(s: Any, yrs: range) -> None:
    """A TransformError unless series ``s`` has an observation in one of the years ``yrs``."""
    obs = s.data.dropna()
    years = np.asarray(obs.index.year) if len(obs) else np.array([], dtype=int)
    if not ((years >= yrs[0]) & (years <= yrs[-1])).any():
        runs = f"it runs {obs.index[0]}..{obs.index[-1]}" if len(obs) else "it has no values"
        raise TransformError(f"--years {yrs[0]}-{yrs[-1]}: series '{s.id}' has no values in those years ({runs})")


def _months(text: str | None) -> tuple[int, int]:
    if text is None:
        return 1, 12
    try:
        a, _, b = text.partition("-")
        lo, hi = int(a), int(b or a)
    except ValueError:
        raise TransformError(f"--months must look like 1-11, got '{text}'") from None
    if not (1 <= lo <= hi <= 12):
        raise TransformError(f"--months {text}: need 1 <= first <= last <= 12")
    return lo, hi


def _month_values(items: list[str], option: str) -> dict[str, float]:
    """``{'YYYY-MM': MoM fraction}`` from ``--assume``/``--override`` items ``YYYY-MM=PERCENT``."""
    out = {}
    for item in items:
        k, sep, v = item.partition("=")
        try:
            if not sep:
                raise ValueError
            out[str(pd.Period(k.strip(), freq="M"))] = float(v) / 100.0
        except ValueError:
            raise TransformError(f"{option} takes YYYY-MM=PERCENT, e.g. 2025-12=0; got '{item}'") from None
    return out


def _pct(fraction: float) -> float:
    return round(float(fraction) * 100, 4)


@dataclass(frozen=True)
class _Inputs:
    """The user's MoM inputs for a carry-over: what the library gets, and what the output reports."""

    assume: dict[str, float]
    override: dict[str, float]
    extra: dict[str, Any]
    flags: list[str]


def _inputs(m: pd.Series, o: dict[str, Any]) -> _Inputs:
    """``--assume`` fills only unpublished months (a published one is kept and reported);
    ``--override`` replaces a month, and every override is reported with the published value."""
    assume = _month_values(o["assume"], "--assume")
    override = _month_values(o["override"], "--override")
    published = {str(p): _pct(v) for p, v in m.dropna().items()}
    extra: dict[str, Any] = {}
    flags: list[str] = []
    applied = {k: _pct(v) for k, v in assume.items() if k not in published}
    kept = {k: {"published": published[k], "assumed": _pct(v)} for k, v in assume.items() if k in published}
    if applied:
        extra["assumed"] = applied
        flags += [f"--assume {k}: MoM {v:.2f}% assumed ({k} is not published)" for k, v in applied.items()]
    if kept:
        extra["assume_not_applied"] = kept
        flags += [f"--assume {k}: not applied, {k} is published (MoM {d['published']:.2f}%); "
                  f"use --override {k}=… to replace it" for k, d in kept.items()]
    if override:
        extra["overridden"] = {k: {"published": published.get(k), "used": _pct(v)} for k, v in override.items()}
        flags += [f"--override {k}: MoM {_pct(v):.2f}% used instead of the published {published[k]:.2f}%"
                  if k in published else f"--override {k}: MoM {_pct(v):.2f}% used ({k} is not published)"
                  for k, v in override.items()]
    return _Inputs(assume, override, extra, flags)


def _need_year(year: int | None, name: str) -> int:
    if year is None:
        raise TransformError(f"'{name}' needs --year, e.g. --year 2026")
    return year


def _window(x: pd.Series, start: str | None, end: str | None) -> pd.Series:
    freq = cast(pd.PeriodIndex, x.index).freqstr
    if start is not None:
        x = x[x.index >= pd.Period(start, freq=freq)]
    if end is not None:
        x = x[x.index <= pd.Period(end, freq=freq)]
    return x


# ---------------------------------------------------------------- transforms
@dataclass(frozen=True)
class TransformSpec:
    help: str
    fn: Callable[..., CalcResult]


def _yoy(s, o):
    return CalcResult(s.id, "yoy", "pct_yoy", _window(T.yoy(as_level(s, "yoy")) * 100, o["start"], o["end"]))


def _mom(s, o):
    return CalcResult(s.id, "mom", "pct_mom", _window(T.mom(as_level(s, "mom")) * 100, o["start"], o["end"]))


def _cagr2y(s, o):
    x = s.to_fraction() if s.unit == "pct_yoy" else None
    r = T.cagr2y_from_yoy(x) if x is not None else T.cagr2y(as_level(s, "cagr2y"))
    return CalcResult(s.id, "cagr2y", "pct_yoy", _window(r * 100, o["start"], o["end"]),
                      note="two-year compound growth: sqrt(X_t / X_{t-24}) - 1")


def _janfeb(s, o):
    r = T.janfeb_yoy(as_level(s, "janfeb")).dropna()
    return CalcResult(s.id, "janfeb", "pct_yoy", _window(r * 100, o["start"], o["end"]),
                      note="Jan–Feb combined YoY, stamped at February")


def _cum(s, o):
    lo, hi = _months(o["months"])
    r = T.cumulative(as_mom(s, "cum"), lo, hi) * 100
    if o["year"] is not None:
        if o["year"] not in r.dropna().index:
            done = r.dropna()
            have = f"{done.index.min()}..{done.index.max()}" if len(done) else "none"
            raise TransformError(f"--year {o['year']}: '{s.id}' does not cover months {lo}-{hi} of {o['year']} "
                                 f"(years it covers: {have})")
        r = r.loc[[o["year"]]]
    return CalcResult(s.id, "cum", "pct", r.dropna(), params={"months": f"{lo}-{hi}"},
                      note=f"cumulative change over months {lo}-{hi}: prod(1+m) - 1")


def _with_inputs(s, o, name: str, fn: Callable[..., Any], note: Callable[[int, Any], str]) -> CalcResult:
    """Run a carry-over transform with the user's ``--assume``/``--override`` MoMs, reporting both."""
    y = _need_year(o["year"], name)
    m = as_mom(s, name)
    inp = _inputs(m, o)
    r = fn(m, y, assume=inp.assume, override=inp.override) * 100
    return CalcResult(s.id, name, "pct_yoy", r, params={"year": y}, extra=inp.extra, flags=inp.flags, note=note(y, r))


def _carryover(s, o):
    return _with_inputs(s, o, "carryover", T.carryover, lambda y, r: (
        f"carry-over (翘尾) of {y} from the MoMs of {y - 1}; average {r.mean():.2f}%"))


def _newprice(s, o):
    y = _need_year(o["year"], "newprice")
    r = T.new_price(as_mom(s, "newprice"), y) * 100
    return CalcResult(s.id, "newprice", "pct_yoy", r, params={"year": y})


def _decompose(s, o):
    return _with_inputs(s, o, "decompose", T.decompose_yoy, lambda y, r: "(1 + YoY) = (1 + carry-over)(1 + new-price)")


def _seasonal_norm(s, o):
    yrs = _years(o["years"])
    _with_data_in(s, yrs)
    m = as_mom(s, "seasonal-norm")
    if o["months"] is not None:
        lo, hi = _months(o["months"])
        r = T.span_norm(m, yrs, lo, hi) * 100
        return CalcResult(s.id, "seasonal-norm", "pct", r,
                          params={"years": f"{yrs[0]}-{yrs[-1]}", "months": f"{lo}-{hi}"})
    r = T.monthly_norm(m, yrs) * 100
    return CalcResult(s.id, "seasonal-norm", "pct_mom", r, params={"years": f"{yrs[0]}-{yrs[-1]}"})


def _super_seasonal(s, o):
    y = _need_year(o["year"], "super-seasonal")
    yrs = _years(o["years"])
    _with_data_in(s, yrs)
    lo, hi = _months(o["months"])
    m = as_mom(s, "super-seasonal")
    actual = T.cumulative(m, lo, hi).get(y, np.nan) * 100
    norm = T.span_norm(m, yrs, lo, hi, stats=("mean",))["mean"] * 100
    r = pd.Series({"actual": actual, "norm": norm, "super_seasonal": actual - norm})
    return CalcResult(s.id, "super-seasonal", "pct", r,
                      params={"year": y, "years": f"{yrs[0]}-{yrs[-1]}", "months": f"{lo}-{hi}"})


def _percentile(s, o):
    x = s.data
    if isinstance(x.index, pd.DatetimeIndex):
        raise TransformError(f"'percentile' needs a monthly or quarterly series; '{s.id}' is {s.freq}")
    p = T.percentile_of_last(x, start=o["start"], end=o["end"])
    last = x.loc[:o["end"]].dropna() if o["end"] else x.dropna()
    return CalcResult(s.id, "percentile", "pct", pd.Series({"last": float(last.iloc[-1]), "percentile": p * 100}),
                      note="share of observations in the window at or below the latest value")


def _chain(s, o):
    r = T.chain(as_mom(s, "chain").dropna())
    return CalcResult(s.id, "chain", "index", _window(r, o["start"], o["end"]), note="chained index, base 100")


def _resample(s, o):
    if s.freq not in ("D", "W", "X"):
        raise TransformError(f"'resample' takes a daily, weekly or 10-day series; '{s.id}' is {s.freq}")
    r = T.to_monthly(s.data, how=o["how"])
    return CalcResult(s.id, "resample", s.unit, _window(r, o["start"], o["end"]), params={"how": o["how"]})


TRANSFORMS: dict[str, TransformSpec] = {
    "yoy": TransformSpec("YoY from a level: X_t / X_{t-12} - 1", _yoy),
    "mom": TransformSpec("MoM from a level: X_t / X_{t-1} - 1", _mom),
    "cum": TransformSpec("cumulative MoM per year over --months (default 1-12), optional --year", _cum),
    "carryover": TransformSpec("carry-over (翘尾) by month of --year from the previous year's MoMs "
                               "[--assume 2025-12=0 fills an unpublished month; --override replaces a published one]", _carryover),
    "newprice": TransformSpec("new-price effect (新涨价) by month of --year", _newprice),
    "decompose": TransformSpec("carry-over, new-price and implied YoY by month of --year", _decompose),
    "cagr2y": TransformSpec("two-year compound growth (from a level or a pct_yoy series)", _cagr2y),
    "janfeb": TransformSpec("Jan–Feb combined YoY (Spring Festival), from a level", _janfeb),
    "seasonal-norm": TransformSpec("mean/min/max MoM by calendar month over --years; with --months, of the span", _seasonal_norm),
    "super-seasonal": TransformSpec("--year's cumulative MoM over --months minus the --years norm", _super_seasonal),
    "percentile": TransformSpec("percentile of the latest value within --start..--end", _percentile),
    "chain": TransformSpec("chained index (base 100) from MoM", _chain),
    "resample": TransformSpec("daily/weekly/10-day to monthly (--how mean|last|first|sum|max|min)", _resample),
}


def run(name: str, series: MacroSeries, **options: Any) -> CalcResult:
    """Run transform ``name`` on ``series``. Unknown names raise TransformError listing the known ones."""
    spec = TRANSFORMS.get(name)
    if spec is None:
        raise TransformError(f"unknown transform '{name}'; available: {', '.join(TRANSFORMS)}")
    opts: dict[str, Any] = {"year": None, "start": None, "end": None, "months": None, "years": None,
                            "as_of": None, "assume": [], "override": [], "how": "mean"}
    opts.update(options)
    for key in ("start", "end"):
        _check_period(opts[key], f"--{key}")
    if opts["year"] is not None and not 1000 <= int(opts["year"]) <= 9999:
        raise TransformError(f"--year must be a year such as 2026; got {opts['year']}")
    if opts["as_of"] is not None:
        series = series.slice(None, str(_as_of_month(opts["as_of"])))
    result = spec.fn(series, opts)
    if opts["as_of"] is not None:
        result.params["as_of"] = opts["as_of"]
    return result


def _check_period(text: str | None, option: str) -> None:
    if text is None:
        return
    try:
        pd.Period(str(text).strip())
    except ValueError:
        raise TransformError(f"{option} must be a month like 2025-12 (or a date); got '{text}'") from None


def _as_of_month(text: str) -> pd.Period:
    """The last data month of ``--as-of YYYY-MM``."""
    t = str(text).strip()
    try:
        if not re.fullmatch(r"\d{4}-\d{2}", t):
            raise ValueError
        return pd.Period(t, freq="M")
    except ValueError:
        raise TransformError(
            f"--as-of must be a month like 2025-12 (the last month of data to use); got '{text}'"
        ) from None


# ---------------------------------------------------------------- the explorer's views
#: The views of one series the web desk's explorer charts (:func:`view`).
VIEWS = ("level", "yoy", "mom", "ytd", "cagr2y")


def _rate_kind(s: MacroSeries) -> str | None:
    """'pct_yoy' or 'pct_mom' for a YoY or MoM series (percent or 上年/上月=100 index), else None."""
    if s.unit in ("pct_yoy", "pct_mom"):
        return s.unit
    return rate_unit_of(s.unit)


def view(s: MacroSeries, name: str) -> CalcResult:
    """``s`` as stored (``level``), or its YoY, MoM, cumulative MoM from January (``ytd``) or two-year
    compound growth (``cagr2y``) in percent, taking the route its unit allows.

    A YoY series gives itself as ``yoy`` (an index such as 上年同月=100 converted); a MoM series
    gives itself as ``mom`` and its YoY from the chained index; a level gives all four. What the
    unit cannot give (the MoM of a YoY series) raises TransformError naming the series.
    """
    kind = _rate_kind(s)
    if name == "level":
        return CalcResult(s.id, "level", s.unit, s.observations())
    if name == "yoy":
        if kind == "pct_yoy":
            return CalcResult(s.id, "yoy", "pct_yoy", (s.to_fraction() * 100).dropna())
        base = T.chain(as_mom(s, "yoy")) if kind == "pct_mom" else as_level(s, "yoy")
        return CalcResult(s.id, "yoy", "pct_yoy", (T.yoy(base) * 100).dropna())
    if name == "mom":
        r = as_mom(s, "mom") if kind == "pct_mom" else T.mom(as_level(s, "mom"))
        return CalcResult(s.id, "mom", "pct_mom", (r * 100).dropna())
    if name == "ytd":
        return CalcResult(s.id, "ytd", "pct", (T.cumulative_ytd(as_mom(s, "ytd")) * 100).dropna(),
                          note="cumulative MoM from January: prod(1 + m_k) - 1")
    if name == "cagr2y":
        if kind == "pct_mom":
            raise TransformError(f"'cagr2y' needs a level or a YoY series; '{s.id}' is {s.unit}")
        return _cagr2y(s, {"start": None, "end": None})
    raise TransformError(f"unknown view '{name}'; choose one of {', '.join(VIEWS)}")
