"""Real-time information sets: what an analyst could see on the as-of date.

A nowcast of month ``t`` made on date ``as_of`` may use only

* **official monthly figures already released**: NBS publishes CPI and PPI for
  month ``m`` between the 9th and the 15th of month ``m+1``. The rule used here is
  conservative and the same for every monthly series: the figure for ``m`` is
  known from day :data:`RELEASE_DAY` (15) of ``m+1`` on. The *target month* of an
  information set is the first month not yet released: on 2022-03-31 it is March
  2022 (February is out); on 2022-03-10 it is February 2022.
* **high-frequency observations already published**: an observation dated ``d``
  is usable when ``d + lag <= as_of``, with ``lag`` the publication delay in days
  (:data:`PUBLICATION_LAGS`; daily market prices 0, the NBS 10-day means-of-
  production prices 5, the MOFCOM weekly index 5), plus the window cut of
  :data:`WINDOW_CUTS` (the wholesale food prices stop six days before the as-of date).

Nothing else: the analyst consensus (any id containing ``consensus``) is never
part of an information set, so no model can read it, and the target's own value
for month ``t`` is cut away like every other unreleased figure.

Monthly inputs from daily data are **like-for-like partial months**: with a cut
``c(m)`` (the last usable day of the target month carried over to every month,
counted from the month's end when the as-of date is a month end, from its start
otherwise), the input change of month ``m`` is

    x_m = ln( mean{P_d : d in m, day(d) <= c(m)} / mean{P_d : d in m-1} )

so a model is estimated on inputs built exactly as the one it is applied to, and a
monthly mean never contains a day after the as-of date. The first calendar month of
a dated series is treated as incomplete (a series may start mid-month). An input may
be **sampled on some days of the month** only (``days``, inclusive day-of-month ranges
such as ``((1, 10), (16, 25))``): both means then keep only the observations on those
days, in every month alike.

The target's month-on-month history is reconciled explicitly where a print is
missing (PPI MoM 2017-11): ``m_t = (1+y_t)/(1+y_{t-1}) (1+m_{t-12}) - 1`` from the
published YoY, and the filled months are listed in :attr:`TargetHistory.reconciled`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd

from macrodesk.exceptions import DataError, ModelError
from macrodesk.series._container import MacroSeries

__all__ = [
    "RELEASE_DAY",
    "PUBLICATION_LAGS",
    "DEFAULT_LAGS",
    "WINDOW_CUTS",
    "EXCLUDED_MARKERS",
    "InfoSet",
    "TargetHistory",
    "as_timestamp",
    "target_month",
    "released_through",
    "reconcile_mom",
    "spring_festival_share",
    "drift_factor",
    "collect",
    "DayRanges",
    "check_days",
]

#: Day of month ``m+1`` from which the official figure of month ``m`` counts as released.
RELEASE_DAY = 15

#: Publication delay in days of dated series (observation date + lag <= as-of date).
PUBLICATION_LAGS: dict[str, int] = {
    "gasoline_92_cny": 5,  # NBS 流通领域重要生产资料市场价格, 10-day, out ~4-5 days after the period
    "diesel_0_cny": 5,
    "means_of_production_price_index_weekly": 5,  # MOFCOM weekly index, out early the next week
}

#: Days before the as-of date after which a dated series stops entering the information set, on top
#: of its publication delay: the CPI's retail food prices follow the wholesale market with a delay,
#: so the like-for-like window of the MOA wholesale food prices ends six days before the as-of date
#: (at a month-end origin: days 1..n-6 of the target month against the whole previous month). In the
#: 2015-2022 real-time CPI backtest cuts of 4, 6, 8 and 12 days all lowered the unrounded MAE of the bridge,
#: the Spring Festival model and the default combination; six gave the combination's lowest (0.153 ->
#: 0.147; printed, rounded to 0.1: 0.155 -> 0.149).
WINDOW_CUTS: dict[str, int] = {
    "pork_wholesale_cny": 6,
    "vegetables28_wholesale_cny": 6,
    "fruits6_wholesale_cny": 6,
    "egg_wholesale_cny": 6,
    "beef_wholesale_cny": 6,
}

#: Default publication delay by frequency for dated series not in :data:`PUBLICATION_LAGS`.
DEFAULT_LAGS: dict[str, int] = {"D": 0, "W": 0, "X": 5}

#: Series whose id contains one of these never enter an information set.
EXCLUDED_MARKERS: tuple[str, ...] = ("consensus",)


_DATE_TEXT = re.compile(r"^\d{4}[-/]\d{1,2}([-/]\d{1,2})?$|^\d{8}$")


def as_timestamp(value: Any, name: str = "as_of") -> pd.Timestamp:
    """A date ('2022-03-31', a Timestamp, a date) or a month ('2022-03' → its last day)."""
    if isinstance(value, pd.Period):
        return value.asfreq("D", how="end").to_timestamp().normalize()
    text = str(value).strip()
    if isinstance(value, str) and not _DATE_TEXT.match(text):
        raise ModelError(f"{name} must be a date like 2022-03-31 or a month like 2022-03; got {value!r}")
    try:
        if len(text) == 7 and text[4] == "-":
            return pd.Period(text, freq="M").asfreq("D", how="end").to_timestamp().normalize()
        ts = pd.Timestamp(value)
    except (ValueError, TypeError):
        raise ModelError(f"{name} must be a date like 2022-03-31 or a month like 2022-03; got {value!r}") from None
    if pd.isna(ts):
        raise ModelError(f"{name} must be a date like 2022-03-31; got {value!r}")
    return ts.tz_localize(None).normalize() if ts.tz is not None else ts.normalize()


def released_through(as_of: Any, release_day: int = RELEASE_DAY) -> pd.Period:
    """The last month whose official figure is out on ``as_of``.

    ``m`` is released on day ``release_day`` of ``m+1``: on 2022-03-15 February
    2022 is known, on 2022-03-14 only January.
    """
    ts = as_timestamp(as_of)
    month = pd.Period(ts, freq="M")
    return month - 1 if ts.day >= release_day else month - 2


def target_month(as_of: Any, release_day: int = RELEASE_DAY) -> pd.Period:
    """The month a nowcast made on ``as_of`` is about: the first one not yet released."""
    return released_through(as_of, release_day) + 1


def reconcile_mom(yoy: pd.Series, mom: pd.Series) -> tuple[pd.Series, tuple[pd.Period, ...]]:
    """Fill missing MoM from the YoY recursion; return the filled series and the filled months.

    ``m_t = (1 + y_t) / (1 + y_{t-1}) * (1 + m_{t-12}) - 1`` (fractions), applied
    where ``m_t`` is missing but ``y_t``, ``y_{t-1}`` and ``m_{t-12}`` exist. Missing
    months inside the MoM history that cannot be reconciled stay NaN.
    """
    if len(mom) == 0:
        return mom, ()
    end = max(mom.index[-1], yoy.index[-1]) if len(yoy) else mom.index[-1]
    idx = pd.period_range(min(mom.index[0], yoy.index[0]) if len(yoy) else mom.index[0], end, freq="M")
    m = mom.reindex(idx)
    y = yoy.reindex(idx)
    implied = (1.0 + y) / (1.0 + y.shift(1)) * (1.0 + m.shift(12)) - 1.0
    first = pd.Period(mom.first_valid_index(), freq="M")  # type: ignore[arg-type]  # a Period (pandas-stubs)
    gap = np.asarray(m.isna() & implied.notna()) & np.asarray(idx >= first)
    filled = m.where(~gap, implied)
    filled = filled.loc[first:]
    return filled, tuple(idx[gap])


def spring_festival_share(index: pd.PeriodIndex, before: int = 21, after: int = 6) -> pd.Series:
    """Share of each month's days inside the Spring Festival window.

    The window runs from ``before`` days before the Spring Festival (正月初一) to
    ``after`` days after it (pre-holiday buying, the holiday itself and its
    aftermath). ``S_m = #{days of m in the window} / days_in_month(m)``; zero
    outside January-March.
    """
    out = pd.Series(0.0, index=index, name="spring_festival")
    if len(index) == 0:
        return out
    vals = np.zeros(len(index))
    first = index[0]
    if isinstance(index, pd.PeriodIndex) and index.freqstr == "M" and index.is_monotonic_increasing and (
            index[-1].ordinal - first.ordinal + 1 == len(index)):
        # consecutive months (every backtest refit): a month's position is its distance from the first
        n, o0 = len(index), first.ordinal
        for year in range(first.year, index[-1].year + 1):
            for o, share in _sf_share_ordinals(year, before, after):
                if 0 <= o - o0 < n:
                    vals[o - o0] += share
    else:
        pos = {p: i for i, p in enumerate(index)}
        for year in range(index.min().year, index.max().year + 1):
            for p, share in _sf_shares(year, before, after):
                i = pos.get(p)
                if i is not None:
                    vals[i] += share
    out[:] = vals
    return out


@lru_cache(maxsize=512)
def _sf_shares(year: int, before: int, after: int) -> tuple[tuple[pd.Period, float], ...]:
    from macrodesk.transforms import spring_festival

    d = pd.Timestamp(spring_festival(year))
    days = pd.date_range(d - pd.Timedelta(days=before), d + pd.Timedelta(days=after))
    per = days.to_period("M")
    return tuple((p, float((per == p).sum()) / p.days_in_month) for p in per.unique())


@lru_cache(maxsize=512)
def _sf_share_ordinals(year: int, before: int, after: int) -> tuple[tuple[int, float], ...]:
    """:func:`_sf_shares` with each month as its ordinal."""
    return tuple((int(p.ordinal), share) for p, share in _sf_shares(year, before, after))


def _base_year(year: int) -> int:
    """NBS rotates the CPI base every five years (2011, 2016, 2021, 2026…); the base is the year before."""
    return 2001 + 5 * ((year - 2001) // 5) - 1


def drift_factor(levels: pd.Series) -> pd.Series:
    """Laspeyres weight drift ("price method") of a basket item from its price level.

    For month ``m`` the factor is ``P_{m-1} / mean(P over the base year of m)``: within
    a base period the effective weight of an item is its base weight times its
    price relative to the base year. Base years are the years before NBS' base
    rotations (2010, 2015, 2020, 2025). Where the base year is not complete in the
    data, the first twelve complete months stand in for it.
    """
    lv = levels.astype("float64")
    if len(lv) == 0:
        return lv
    years = np.asarray(pd.PeriodIndex(lv.index).year)
    valid = lv.notna().to_numpy()
    uy = np.unique(years)
    means = {int(y): float(lv.to_numpy()[(years == y) & valid].mean()) for y in uy if ((years == y) & valid).sum() == 12}
    first12 = lv.dropna().iloc[:12]
    fallback = float(first12.mean()) if len(first12) == 12 else np.nan
    ref_by_year = {int(y): means.get(_base_year(int(y)), fallback) for y in uy}
    ref = np.array([ref_by_year[int(y)] for y in years])
    return pd.Series(lv.shift(1).to_numpy() / ref, index=lv.index, name=levels.name)


#: Inclusive day-of-month ranges an input is sampled on (empty: every day).
DayRanges = tuple[tuple[int, int], ...]


def check_days(days: Any, what: str = "days") -> DayRanges:
    """``days`` as a tuple of inclusive day-of-month ranges ``(lo, hi)`` with 1 <= lo <= hi <= 31, or ModelError."""
    try:
        out = tuple((int(lo), int(hi)) for lo, hi in days)
    except (TypeError, ValueError):
        raise ModelError(f"{what} must be day-of-month ranges like ((1, 10), (16, 25)); got {days!r}") from None
    for lo, hi in out:
        if not 1 <= lo <= hi <= 31:
            raise ModelError(f"{what}: each range needs 1 <= first <= last <= 31; got ({lo}, {hi})")
    return out


# ---------------------------------------------------------------- dated series as arrays
@dataclass(frozen=True)
class _Dated:
    """A dated series as sorted day numbers and values (fast monthly means)."""

    days: np.ndarray  # datetime64[D]
    values: np.ndarray

    @classmethod
    def of(cls, s: pd.Series, days: DayRanges = ()) -> "_Dated":
        """The observed values of ``s``; with ``days``, only those on these days of the month."""
        obs = s.dropna()
        d = obs.index.to_numpy().astype("datetime64[D]")
        v = obs.to_numpy(dtype="float64")
        if days:
            dom = (d - d.astype("datetime64[M]").astype("datetime64[D]")).astype(np.int64) + 1
            keep = np.zeros(len(d), dtype=bool)
            for lo, hi in days:
                keep |= (dom >= lo) & (dom <= hi)
            d, v = d[keep], v[keep]
        return cls(d, v)



def _month_codes(days: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(month code = months since 1970-01, day of month, days in month) per date."""
    months = days.astype("datetime64[M]")
    code = months.astype(np.int64)
    dom = (days - months.astype("datetime64[D]")).astype(np.int64) + 1
    dim = ((months + 1).astype("datetime64[D]") - months.astype("datetime64[D]")).astype(np.int64)
    return code, dom, dim


def _binned_means(dated: _Dated, kind: str, k: int, last_code: int) -> tuple[int, np.ndarray, np.ndarray]:
    """(first month code, partial-month means, full-month means) of months ``first..last_code``.

    The partial means keep the days of each month allowed by the cut ``(kind, k)``
    (see :meth:`InfoSet._cut`); both are NaN for the first month of the series and
    for months without observations. Each month's mean depends only on that
    month's observations, so the means of a longer series agree, month by month,
    with those of any head of it that covers the month.
    """
    code, dom, dim = _month_codes(dated.days)
    first = int(code[0])
    n = last_code - first + 1
    pos = code - first
    keep = pos < n
    pos, dom, dim, vals = pos[keep], dom[keep], dim[keep], dated.values[keep]
    sums = np.bincount(pos, weights=vals, minlength=n)[:n]
    cnt = np.bincount(pos, minlength=n)[:n]
    with np.errstate(invalid="ignore", divide="ignore"):
        full_means = np.where(cnt > 0, sums / np.maximum(cnt, 1), np.nan)
    if kind == "end":
        mask = dom <= dim - k
    elif kind == "day":
        mask = dom <= k
    else:  # 'full', and 'none' (the target month has no usable day)
        mask = np.ones(len(pos), dtype=bool)
    psum = np.bincount(pos[mask], weights=vals[mask], minlength=n)[:n]
    pcnt = np.bincount(pos[mask], minlength=n)[:n]
    with np.errstate(invalid="ignore", divide="ignore"):
        part = np.where(pcnt > 0, psum / np.maximum(pcnt, 1), np.nan)
    full_means[0] = np.nan
    part[0] = np.nan
    return first, part, full_means


def _finish_means(series_id: str, first: int, part: np.ndarray, full_means: np.ndarray,
                  kind: str) -> tuple[pd.Series, pd.Series]:
    """The monthly means as Series; the last (target) month's full mean is NaN unless complete."""
    idx = pd.period_range(_period_of(first), periods=len(part), freq="M")
    full_s = pd.Series(full_means, index=idx, name=series_id)
    if kind != "full":
        full_s.iloc[-1] = np.nan  # the target month is not complete
    if kind == "none":
        part = part.copy()
        part[-1] = np.nan
    return pd.Series(part, index=idx, name=series_id), full_s


def _period_of(code: int) -> pd.Period:
    return pd.Period(year=1970 + code // 12, month=code % 12 + 1, freq="M")


# ---------------------------------------------------------------- target history
@dataclass(frozen=True)
class TargetHistory:
    """Published YoY and MoM of the target (fractions) up to the last released month.

    ``mom`` is reconciled where a print is missing; ``reconciled`` lists those months.
    """

    yoy: pd.Series
    mom: pd.Series
    reconciled: tuple[pd.Period, ...] = ()

    @property
    def last(self) -> pd.Period:
        return self.yoy.dropna().index[-1]


# ---------------------------------------------------------------- the information set
@dataclass(frozen=True, eq=False)
class InfoSet:
    """Everything observable on ``as_of`` (see the module docstring for the rules).

    Build with :meth:`build`; ``series`` holds the truncated series in their
    published units. ``month`` is the target month, ``known_through`` the last
    released official month (``month - 1``).
    """

    as_of: pd.Timestamp
    month: pd.Period
    known_through: pd.Period
    series: Mapping[str, MacroSeries]
    lags: Mapping[str, int] = field(default_factory=dict)
    release_day: int = RELEASE_DAY

    # -- construction -------------------------------------------------------------
    @classmethod
    def build(
        cls,
        data: Any,
        as_of: Any,
        *,
        release_day: int = RELEASE_DAY,
        lags: Mapping[str, int] | None = None,
        ids: Iterable[str] | None = None,
    ) -> "InfoSet":
        """Cut ``data`` (a mapping id → MacroSeries, an iterable of them, or a Store) at ``as_of``.

        Monthly series keep the periods released by ``as_of``; dated series the
        observations with ``date + lag <= as_of``; quarterly and annual series and
        any id containing ``consensus`` are left out. ``ids`` restricts the series.
        """
        if not isinstance(release_day, (int, np.integer)) or not 1 <= release_day <= 28:
            raise ModelError(f"release_day must be a day of month 1..28; got {release_day!r}")
        ts = as_timestamp(as_of)
        known = released_through(ts, release_day)
        src = collect(data, ids)
        lag_map = dict(PUBLICATION_LAGS)
        for sid, cut in WINDOW_CUTS.items():
            lag_map[sid] = lag_map.get(sid, 0) + cut
        lag_map.update(lags or {})
        out: dict[str, MacroSeries] = {}
        for sid, s in src.items():
            if any(mark in sid for mark in EXCLUDED_MARKERS):
                continue
            if s.freq == "M":
                d = s.data
                out[sid] = _head(s, int(d.index.searchsorted(known, side="right"))) if len(d) and d.index[-1] > known else s  # type: ignore[call-overload]  # a Period label (pandas-stubs)
            elif s.freq in ("D", "W", "X"):
                lag = int(lag_map.get(sid, DEFAULT_LAGS.get(s.freq, 0)))
                last = ts - pd.Timedelta(days=lag)
                d = s.data
                out[sid] = _head(s, int(d.index.searchsorted(last, side="right"))) if len(d) and d.index[-1] > last else s
        return cls(ts, known + 1, known, out, {k: int(v) for k, v in lag_map.items()}, int(release_day))

    def at(self, as_of: Any) -> "InfoSet":
        """The information set of an earlier date, cut from this one (never later than ``as_of``)."""
        ts = as_timestamp(as_of)
        if ts > self.as_of:
            raise ModelError(f"cannot move an information set forward from {self.as_of.date()} to {ts.date()}")
        return InfoSet.build(self.series, ts, release_day=self.release_day, lags=self.lags)

    # -- access -------------------------------------------------------------------
    def has(self, series_id: str) -> bool:
        s = self.series.get(series_id)
        return s is not None and bool(pd.notna(s.data.to_numpy()).any())

    def __contains__(self, series_id: str) -> bool:
        return self.has(series_id)

    def lag(self, series_id: str) -> int:
        s = self.series[series_id]
        return int(self.lags.get(series_id, DEFAULT_LAGS.get(s.freq, 0)))

    def target(self, yoy_id: str, mom_id: str) -> TargetHistory:
        """The target's published YoY and (reconciled) MoM as fractions, through ``known_through``."""
        for sid in (yoy_id, mom_id):
            if not self.has(sid):
                raise ModelError(
                    f"the nowcast needs '{sid}' released by {self.as_of.date()}; it is not in the data "
                    "(import it, e.g. macrodesk data import …)"
                )
        yoy = self.series[yoy_id].to_fraction()
        mom, filled = reconcile_mom(yoy, self.series[mom_id].to_fraction())
        return TargetHistory(yoy, mom, filled)

    # -- like-for-like monthly inputs ---------------------------------------------------
    def _cut(self, series_id: str) -> tuple[str, int]:
        """How the target month is cut for this series: ('full', 0), ('end', k days before end) or ('day', d)."""
        last = self.as_of - pd.Timedelta(days=self.lag(series_id))
        t = self.month
        if last >= t.end_time.normalize():
            return "full", 0
        if pd.Period(last, freq="M") != t:
            return "none", 0
        as_of_month_end = self.as_of.day == self.as_of.days_in_month
        if as_of_month_end and pd.Period(self.as_of, freq="M") == t:
            return "end", int(t.days_in_month - last.day)
        return "day", int(last.day)

    def monthly_means(self, series_id: str, days: DayRanges = ()) -> tuple[pd.Series, pd.Series]:
        """(like-for-like partial-month means, full-month means) on a monthly PeriodIndex through ``month``.

        Full-month means are NaN for the target month unless it is complete, and
        for the first calendar month of the series. ``days`` (day-of-month ranges)
        keeps only the observations on those days of each month (dated series only).
        """
        s = self.series[series_id]
        if s.freq == "M":
            d = s.data.astype("float64")
            full = d.reindex(pd.period_range(d.index[0], self.month, freq="M")) if len(d) else d
            return full, full
        dated = _Dated.of(s.data, days)
        if len(dated.days) == 0:
            empty = pd.Series(dtype="float64", index=pd.PeriodIndex([], freq="M"))
            return empty, empty
        kind, k = self._cut(series_id)
        last_code = (self.month.year - 1970) * 12 + self.month.month - 1
        first, part, full_means = _binned_means(dated, kind, k, last_code)
        return _finish_means(series_id, first, part, full_means, kind)

    def input_change(self, series_id: str, days: DayRanges = ()) -> pd.Series:
        """``x_m = ln(partial mean of m / full mean of m-1)`` (a fraction), through the target month.

        For a monthly series (no partial months) ``x_m = ln(P_m / P_{m-1})``; ``days``
        as in :meth:`monthly_means`.
        """
        part, full = self.monthly_means(series_id, days)
        with np.errstate(invalid="ignore", divide="ignore"):
            x = np.log(part.to_numpy()) - np.log(full.shift(1).to_numpy())
        x[~np.isfinite(x)] = np.nan
        return pd.Series(x, index=part.index, name=series_id)

    def full_levels(self, series_id: str) -> pd.Series:
        """Full-month means (complete months only)."""
        return self.monthly_means(series_id)[1]


def _head(s: MacroSeries, n: int) -> MacroSeries:
    """The first ``n`` observations of a valid series, without re-validating.

    A head of a sorted, unique, complete series keeps those guarantees; trailing
    NaN padding (a cut inside a gap) is dropped so the last value is observed.
    """
    d = s.data.iloc[:n]
    if len(d) and pd.isna(d.iloc[-1]):
        lv = d.last_valid_index()
        d = d.loc[:lv] if lv is not None else d.iloc[:0]
    out = object.__new__(MacroSeries)
    out.meta = s.meta
    out.data = d
    return out


def collect(data: Any, ids: Iterable[str] | None = None) -> dict[str, MacroSeries]:
    """``data`` as a dict id → MacroSeries: from a mapping, an iterable of MacroSeries or a Store."""
    wanted = list(dict.fromkeys(ids)) if ids is not None else None
    if hasattr(data, "get_many") and hasattr(data, "has"):
        if wanted is None:
            wanted = list(data.list()["series_id"])
        return data.get_many(wanted, missing="skip")
    if isinstance(data, InfoSet):
        data = data.series
    if isinstance(data, Mapping):
        items = dict(data)
    else:
        try:
            items = {s.id: s for s in data}
        except (TypeError, AttributeError):
            raise DataError(
                f"data must be a Store, a mapping id → MacroSeries or a list of MacroSeries; got {type(data).__name__}"
            ) from None
    for k, v in items.items():
        if not isinstance(v, MacroSeries):
            raise DataError(f"data['{k}'] must be a MacroSeries; got {type(v).__name__}")
    if wanted is not None:
        items = {k: items[k] for k in wanted if k in items}
    return items
