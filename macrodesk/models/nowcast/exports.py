"""Export YoY before the customs (GACC) release, from what is published first: the partner nowcaster.

China's customs publish month ``t`` about the 9th of ``t+1`` (January together with
February, about 7 March). By then several things about month ``t`` are already out:

* Korea's exports (``kr_exports_world``) and Korea's imports from China — China's
  exports to Korea as the partner reports them (``kr_imports_china``, before 2020
  ``kr_imports_from_china_kosis``): Korea publishes on the 1st of ``t+1``;
* Vietnam's exports (``vn_exports_world``, GSO's first estimate): by the 6th of ``t+1``;
* the NBS manufacturing PMI (``pmi_mfg``; ``pmi_mfg_new_export_orders`` when imported)
  on the last day of ``t``;
* container freight indices (``ccfi``, ``scfi``, weekly) when their history is long enough;
* the calendar: working days and where the Spring Festival falls.

Model
-----
With ``X`` the export level (USD) and ``m_t = ln X_t - ln X_{t-1}``, the seasonal norm
``n_t`` is the median of ``m`` in the same calendar month of the ``norm_years`` years
before, and ``d_t = m_t - n_t`` the month's surprise. Two OLS regressions of ``d_t``
over the ``window`` months up to the last published month ``L``:

* *calendar*: ``d_t = a + b1 sf_t + b2 wd_t + b3 d_{t-1} + e``;
* *partners*: the same plus each available partner's own surprise
  ``p_t = x_t - median(x same month, partner_norm_years before)``
  (``x`` = log MoM of a level, or the change of an index / 100).

``sf_t`` is the change of the Spring Festival share of the month (days from
``sf_before`` days before to ``sf_after`` days after the festival), ``wd_t`` the log change
of weekdays, each less its own norm. The months from ``L+1`` to the target are
predicted in turn (a predicted ``d`` feeds the next month's ``d_{t-1}``), and

    X̂_t = X_L exp(sum (n_q + d̂_q)),   ŷ_t = X̂_t / X_{t-12} - 1

so a base effect (last year's unusual month) is known, not forecast. The nowcast is
the equal-weight mean of the two members (the calendar member alone where no partner
has enough history). January and February are nowcast as one print, as customs
publish them: ``(X_Jan + X_Feb) / (X_Jan,-1y + X_Feb,-1y) - 1``, stamped at February.

Real time
---------
An observation counts as published on its stored release date (``MacroSeries.released``)
and, where none is stored, on a conservative rule: customs by
:func:`macrodesk.series.calendar.release_date` (``gacc_trade``), the others on day
:attr:`ExportInput.day` of the next month (Korea 2, Vietnam 6, PMI 1, weekly indices the
Monday after the month). :meth:`ExportNowcaster.origin` of month ``t`` is the day
before customs publish it. Tuned on 2019-2022 only (``norm_years`` 3, one lag of
``d``, the equal weights); 2023-2025 is out of sample.
"""

from __future__ import annotations

import calendar
import datetime as _dt
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, ClassVar

import numpy as np
import pandas as pd

from macrodesk.exceptions import ModelError
from macrodesk.models._base import NotComputable, ResultsMixin
from macrodesk.models.nowcast.base import TargetSpec, round_print
from macrodesk.models.nowcast.data import InfoSet, as_timestamp, collect, spring_festival_share
from macrodesk.models.nowcast.nowcaster import Nowcaster
from macrodesk.models.nowcast.results import error_stats
from macrodesk.series._container import MacroSeries

__all__ = [
    "EXPORT_TARGET",
    "EXPORT_INPUTS",
    "ExportInput",
    "ExportSpec",
    "ExportNowcast",
    "ExportNowcaster",
    "ExportBacktest",
    "export_print",
    "published_on",
    "gacc_release",
]

#: The target: export YoY in USD (customs); January and February as one print.
EXPORT_TARGET = TargetSpec("exports", "exports_usd_yoy", "", "exports_usd_yoy_consensus", "出口同比", "Export YoY")
_LEVEL = "exports_usd_level"


@dataclass(frozen=True)
class ExportInput:
    """An input released before customs: its id (``joins``: older ids that continue it
    backwards), ``kind`` ('level': log MoM; 'index': change / 100; 'dated': monthly mean of a
    weekly or daily series, log MoM), names, and ``day`` of the next month from which a month
    counts as published where no release date is stored."""

    id: str
    kind: str
    name_zh: str
    name_en: str
    day: int
    joins: tuple[str, ...] = ()


EXPORT_INPUTS: tuple[ExportInput, ...] = (
    ExportInput("kr_imports_china", "level", "韩国自中国进口", "Korea's imports from China", 2,
                ("kr_imports_from_china_kosis",)),
    ExportInput("kr_exports_world", "level", "韩国出口", "Korea's exports", 2),
    ExportInput("vn_exports_world", "level", "越南出口", "Vietnam's exports", 6),
    ExportInput("pmi_mfg_new_export_orders", "index", "PMI新出口订单", "PMI new export orders", 1),
    ExportInput("pmi_mfg", "index", "制造业PMI", "manufacturing PMI", 1),
    ExportInput("ccfi", "dated", "CCFI运价指数", "CCFI freight index", 3),
    ExportInput("scfi", "dated", "SCFI运价指数", "SCFI freight index", 3),
)


@dataclass(frozen=True)
class ExportSpec:
    """Design choices (defaults tuned on 2019-2022): norm years of the target and of the
    partners, fit window (months), months an input needs in the fit, Spring Festival window
    (days before, after), lags of the surprise."""

    norm_years: int = 3
    partner_norm_years: int = 3
    window: int = 60
    min_obs: int = 24
    sf_before: int = 10
    sf_after: int = 15
    lags: int = 1
    inputs: tuple[ExportInput, ...] = EXPORT_INPUTS

    def __post_init__(self) -> None:
        for k in ("norm_years", "partner_norm_years", "window", "min_obs"):
            v = getattr(self, k)
            if isinstance(v, bool) or not isinstance(v, (int, np.integer)) or v < 1:
                raise ModelError(f"{k} must be a positive integer; got {v!r}")
        if self.window < self.min_obs + 3:
            raise ModelError(f"window ({self.window}) must exceed min_obs ({self.min_obs}) by at least 3 months")


# ---------------------------------------------------------------- release dates
def gacc_release(month: pd.Period) -> pd.Timestamp:
    """The customs release day of ``month`` (calendar: known date, else the rule's estimate)."""
    return _gacc_release(month.year, month.month)


@lru_cache(maxsize=4096)
def _gacc_release(year: int, month: int) -> pd.Timestamp:
    from macrodesk.series.calendar import release_date

    return pd.Timestamp(release_date("gacc_trade", f"{year:04d}-{month:02d}").date)


def _rule_release(month: pd.Period, day: int) -> pd.Timestamp:
    return _rule_day(month.year, month.month, day)


@lru_cache(maxsize=16384)
def _rule_day(year: int, month: int, day: int) -> pd.Timestamp:
    y, m = (year + 1, 1) if month == 12 else (year, month + 1)
    return pd.Timestamp(_dt.date(y, m, min(day, calendar.monthrange(y, m)[1])))


def published_on(s: MacroSeries, as_of: pd.Timestamp, day: int | None = None) -> pd.Series:
    """The monthly values of ``s`` published by ``as_of``: stored release dates first, else
    the customs calendar (``day`` None) or day ``day`` of the next month."""
    d = s.data.dropna()
    if len(d) == 0:
        return d.astype("float64")
    idx = pd.PeriodIndex(d.index, freq="M")
    stored = getattr(s, "released", None)  # a cut series (InfoSet) may carry no release dates
    rel = stored.reindex(d.index) if stored is not None else pd.Series(pd.NaT, index=d.index)
    if day is None:
        rule = np.array([_gacc_release(y, mo) for y, mo in zip(idx.year, idx.month)], dtype="datetime64[ns]")
    else:  # day ``day`` of the next month, capped at its last day
        nxt = (idx + 1).start_time.to_numpy().astype("datetime64[D]")
        last = ((idx + 2).start_time.to_numpy().astype("datetime64[D]") - np.timedelta64(1, "D"))
        rule = np.minimum(nxt + np.timedelta64(day - 1, "D"), last).astype("datetime64[ns]")
    when = pd.Series(np.where(rel.isna().to_numpy(), rule, rel.to_numpy(dtype="datetime64[ns]")), index=d.index)
    keep = np.asarray(when.to_numpy(dtype="datetime64[ns]") <= np.datetime64(as_of), dtype=bool)
    out = d[keep].astype("float64")
    out.index = pd.PeriodIndex(out.index, freq="M")
    return out


def _dated_monthly(s: MacroSeries, as_of: pd.Timestamp, day: int) -> pd.Series:
    """Monthly means of a dated series over complete months published by ``as_of``."""
    d = s.data.dropna().astype("float64")
    if isinstance(d.index, pd.PeriodIndex):
        d.index = d.index.to_timestamp()
    d = d[d.index <= as_of]
    if len(d) == 0:
        return pd.Series(dtype="float64", index=pd.PeriodIndex([], freq="M"))
    per = pd.DatetimeIndex(d.index).to_period("M")
    m = d.groupby(per).mean()
    m.index = pd.PeriodIndex(m.index, freq="M")
    ok = [_rule_release(p, day) <= as_of for p in m.index]
    return m[np.asarray(ok, dtype=bool)].iloc[1:]  # the first month may be partial


# ---------------------------------------------------------------- calendar regressors
def _norm(s: pd.Series, years: int, stat: str = "median") -> pd.Series:
    """The same calendar month's ``stat`` over the ``years`` years before (NaN if one is missing)."""
    a = np.column_stack([s.shift(12 * k).to_numpy(dtype=float) for k in range(1, years + 1)])
    v = np.median(a, axis=1) if stat == "median" else a.mean(axis=1)
    return pd.Series(v, index=s.index)


def _calendar(idx: pd.PeriodIndex, spec: ExportSpec) -> pd.DataFrame:
    """Spring Festival and working-day regressors on ``idx`` (each less its own norm)."""
    return _calendar_cached(idx[0].ordinal, len(idx), spec.sf_before, spec.sf_after, spec.norm_years).copy()


@lru_cache(maxsize=64)
def _calendar_cached(first: int, n: int, before: int, after: int, years: int) -> pd.DataFrame:
    idx = pd.period_range(pd.Period(ordinal=first, freq="M"), periods=n, freq="M")
    sf = spring_festival_share(idx, before=before, after=after).diff()
    starts = idx.start_time.to_numpy().astype("datetime64[D]")
    ends = (idx + 1).start_time.to_numpy().astype("datetime64[D]")
    wd = pd.Series(np.log(np.busday_count(starts, ends).astype(float)), index=idx).diff()
    return pd.DataFrame({"spring_festival": sf - _norm(sf, years, "mean"), "working_days": wd - _norm(wd, years, "mean")})


def export_print(level: pd.Series, month: pd.Period) -> float:
    """The YoY customs print for ``month`` from levels (fraction): Feb = Jan–Feb combined."""
    lv = level
    if month.month == 2:
        return float((lv.get(month, np.nan) + lv.get(month - 1, np.nan))
                     / (lv.get(month - 12, np.nan) + lv.get(month - 13, np.nan)) - 1)
    return float(lv.get(month, np.nan) / lv.get(month - 12, np.nan) - 1)


# ---------------------------------------------------------------- results
@dataclass(frozen=True, eq=False)
class ExportNowcast(ResultsMixin):
    """The nowcast of one customs print (fractions): ``month`` (February = Jan–Feb), the
    members' YoY, the partner inputs used, the last published month ``known`` and its print."""

    target: TargetSpec
    model: str
    month: pd.Period
    as_of: pd.Timestamp
    known: pd.Period
    yoy: float
    members: dict[str, float]
    used: tuple[str, ...]
    missing_inputs: tuple[str, ...]
    sigma: float
    previous_yoy: float
    coefficients: dict[str, dict[str, float]] = field(default_factory=dict)
    names: dict[str, tuple[str, str]] = field(default_factory=dict)
    computable: ClassVar[bool] = True
    mom: ClassVar[float] = float("nan")
    reconciled: ClassVar[tuple[pd.Period, ...]] = ()

    @property
    def is_janfeb(self) -> bool:
        return self.month.month == 2

    @property
    def yoy_print(self) -> float:
        return round_print(self.yoy * 100.0)

    def interval(self, level: float = 0.8) -> tuple[float, float]:
        """Central interval in percent (normal on the log YoY, ``sigma`` from the fit residuals)."""
        from statistics import NormalDist

        if not 0 < level < 1:
            raise ModelError(f"level must be in (0, 1); got {level!r}")
        z = NormalDist().inv_cdf(0.5 + level / 2)
        lz = np.log1p(self.yoy)
        return (float(np.expm1(lz - z * self.sigma)) * 100, float(np.expm1(lz + z * self.sigma)) * 100)

    def to_frame(self) -> pd.DataFrame:
        lo, hi = self.interval()
        row = {"nowcast": self.yoy_print, "nowcast_unrounded": self.yoy * 100, "lower": lo, "upper": hi,
               "previous_yoy": self.previous_yoy * 100, **{f"member_{k}": v * 100 for k, v in self.members.items()}}
        return pd.DataFrame([row], index=pd.PeriodIndex([self.month], name="month"))

    def to_dict(self) -> dict[str, Any]:
        lo, hi = self.interval()
        return {"target": self.target.yoy_id, "model": self.model, "month": self.month.strftime("%Y-%m"),
                "janfeb": self.is_janfeb, "as_of": self.as_of.strftime("%Y-%m-%d"),
                "known_through": self.known.strftime("%Y-%m"), "nowcast": self.yoy_print,
                "nowcast_unrounded": round(self.yoy * 100, 4), "interval_80": [round(lo, 3), round(hi, 3)],
                "previous_yoy": round(self.previous_yoy * 100, 4),
                "members": {k: round(v * 100, 4) for k, v in self.members.items()},
                "inputs": list(self.used), "missing_inputs": list(self.missing_inputs)}


@dataclass(frozen=True, eq=False)
class ExportBacktest(ResultsMixin):
    """A real-time backtest: one row per print (percent) — nowcast (rounded to 0.1), actual,
    random walk (the last print out on the origin), seasonal naive (the print a year earlier)."""

    rows: pd.DataFrame
    failed: tuple[str, ...] = ()
    computable: ClassVar[bool] = True

    def stats(self, start: Any = None, end: Any = None) -> pd.DataFrame:
        """MAE, RMSE, bias and n of the nowcast and the benchmarks over ``start..end`` (pp)."""
        r = self.rows
        if start is not None:
            r = r[r.index >= pd.Period(str(start), freq="M")]
        if end is not None:
            r = r[r.index <= pd.Period(str(end), freq="M")]
        r = r.dropna(subset=["nowcast", "actual"])
        out = {c: error_stats(r[c] - r["actual"]) for c in ("nowcast", "random_walk", "seasonal_naive")}
        return pd.DataFrame(out).T[["n", "mae", "rmse", "bias"]]

    def mae_ratio(self, start: Any = None, end: Any = None) -> float:
        """Nowcast MAE / random-walk MAE."""
        s = self.stats(start, end)
        mae = s["mae"].to_numpy(dtype=float)
        return float(mae[list(s.index).index("nowcast")] / mae[list(s.index).index("random_walk")])

    def to_frame(self) -> pd.DataFrame:
        return self.rows.copy()

    def summary(self) -> pd.DataFrame:
        return self.stats()


# ---------------------------------------------------------------- the model
class ExportNowcaster(Nowcaster):
    """Export YoY from partner data, the PMI and the calendar (see the module docstring)."""

    name: ClassVar[str] = "partners"
    release_day: ClassVar[int] = 1  # monthly series are cut per observation in fit()

    def __init__(self, spec: ExportSpec | None = None, target: str | TargetSpec = EXPORT_TARGET) -> None:
        super().__init__(target)
        self.spec = spec or ExportSpec()

    def __repr__(self) -> str:
        return "ExportNowcaster('exports_usd_yoy')"

    def series_ids(self) -> tuple[str, ...]:
        ids = [_LEVEL, self.target.yoy_id]
        for i in self.spec.inputs:
            ids += [i.id, *i.joins]
        return tuple(ids)

    def origin(self, month: pd.Period, release_day: int | None = None) -> pd.Timestamp:
        """The day before customs publish ``month`` (January: with February)."""
        m = month + 1 if month.month == 1 else month
        return gacc_release(m) - pd.Timedelta(days=1)

    def info_set(self, data: Any, as_of: Any, *, release_day: int | None = None, ids: Any = None) -> InfoSet:
        return InfoSet.build(data, as_of, release_day=1, ids=ids if ids is not None else self.series_ids())

    # -- inputs as published on the as-of date -------------------------------------
    def _level(self, info: InfoSet) -> pd.Series:
        if not info.has(_LEVEL):
            raise ModelError(f"the export nowcast needs '{_LEVEL}' (customs, USD); it is not in the data")
        return published_on(info.series[_LEVEL], info.as_of)

    def _input(self, info: InfoSet, inp: ExportInput) -> pd.Series | None:
        parts = []
        for sid in (inp.id, *inp.joins):
            if not info.has(sid):
                continue
            s = info.series[sid]
            if inp.kind == "dated":
                if s.freq == "M":
                    continue
                x = np.log(_dated_monthly(s, info.as_of, inp.day))
            else:
                if s.freq != "M":
                    continue
                v = published_on(s, info.as_of, inp.day)
                x = np.log(v) if inp.kind == "level" else v / 100.0
            x = x[np.isfinite(x)]
            if len(x) > 1:
                full = x.reindex(pd.period_range(x.index[0], x.index[-1], freq="M"))
                parts.append(full.diff())
        if not parts:
            return None
        out = parts[0]
        for p in parts[1:]:
            out = out.combine_first(p)
        return out

    def fit(self, info: InfoSet) -> "_ExportFit | NotComputable":
        spec = self.spec
        lv = self._level(info)
        if len(lv) < 12 * (spec.norm_years + 1) + spec.min_obs:
            return NotComputable(f"export nowcast on {info.as_of.date()}",
                                 f"'{_LEVEL}' has {len(lv)} months published; need {12 * (spec.norm_years + 1) + spec.min_obs}",
                                 "出口预测", f"出口金额仅有{len(lv)}个月数据")
        known = lv.index[-1]
        target = known + 1
        if target.month == 1:
            target = target + 1
        first = target - 1 if target.month == 2 else target
        idx = pd.period_range(lv.index[0], target, freq="M")
        lvl = lv.reindex(idx)
        m = np.log(lvl).diff()
        n = _norm(m, spec.norm_years)
        cols = _calendar(idx, spec)
        cols["lag1"] = (m - n).shift(1)
        for j in range(2, spec.lags + 1):
            cols[f"lag{j}"] = (m - n).shift(j)
        used, missing, names = [], [], {}
        for inp in spec.inputs:
            x = self._input(info, inp)
            if x is None:
                missing.append(inp.id)
                continue
            x = x.reindex(idx)
            p = x - _norm(x, spec.partner_norm_years)
            cols[inp.id] = p
            names[inp.id] = (inp.name_zh, inp.name_en)
        fitm = pd.period_range(known - spec.window + 1, known, freq="M")
        y = (m - n).reindex(fitm)
        ok = y.notna()
        base = [c for c in cols.columns if c in ("spring_festival", "working_days") or c.startswith("lag")]
        for inp in spec.inputs:
            if inp.id in cols.columns and inp.id not in missing:
                x = cols[inp.id]
                if x.loc[first:target].notna().all() and int((x.reindex(fitm).notna() & ok).sum()) >= spec.min_obs:
                    used.append(inp.id)
                else:
                    missing.append(inp.id)
        if not np.isfinite(n.loc[first:target]).all():
            return NotComputable(f"export nowcast for {target}", f"no seasonal norm for {first}..{target}",
                                 "出口预测", "季节性常态无法计算")
        members: dict[str, float] = {}
        coefs: dict[str, dict[str, float]] = {}
        sig: dict[str, float] = {}
        for key, cset in (("calendar", base), ("partners", base + used)):
            if key == "partners" and not used:
                continue
            df = cols.reindex(fitm)[cset].assign(y=y)[ok].dropna()
            if len(df) < spec.min_obs:
                return NotComputable(f"export nowcast for {target}",
                                     f"only {len(df)} months to fit the {key} member; need {spec.min_obs}",
                                     "出口预测", f"拟合样本仅{len(df)}个月")
            Z = np.column_stack([np.ones(len(df)), df[cset].to_numpy()])
            beta = np.linalg.lstsq(Z.T @ Z + 1e-6 * len(df) * np.diag([0.0] + [1.0] * len(cset)),
                                   Z.T @ df["y"].to_numpy(), rcond=None)[0]
            resid = df["y"].to_numpy() - Z @ beta
            sig[key] = float(np.sqrt(np.sum(resid**2) / max(len(df) - Z.shape[1], 1)))
            coefs[key] = dict(zip(["const", *cset], map(float, beta)))
            lx = float(np.log(float(lvl.to_numpy(dtype=float)[idx.get_loc(known)])))
            pred_d: dict[pd.Period, float] = {}
            lev: dict[pd.Period, float] = {}
            for q in pd.period_range(known + 1, target, freq="M"):
                row = pd.Series(cols[cset].to_numpy(dtype=float)[idx.get_loc(q)], index=cset)
                for j in range(1, spec.lags + 1):
                    if q - j > known:
                        row[f"lag{j}"] = pred_d[q - j]
                dq = float(np.r_[1.0, np.nan_to_num(row.to_numpy(dtype=float))] @ beta)
                pred_d[q] = dq
                lx += float(n.to_numpy(dtype=float)[idx.get_loc(q)]) + dq
                lev[q] = np.exp(lx)
            members[key] = export_print(pd.Series(lev).combine_first(lvl), target)
        steps = len(pd.period_range(known + 1, target, freq="M"))
        sigma = float(np.mean(list(sig.values())) * np.sqrt(steps if target.month != 2 else 1.0 + 0.5 * (steps - 1)))
        prev_m = known if known.month != 1 else known - 1
        return _ExportFit(self.target, self.name, target, info.as_of, prev_m, members, tuple(used),
                          tuple(dict.fromkeys(missing)), sigma, self._last_print(info, lvl, prev_m), coefs, names)

    def _last_print(self, info: InfoSet, lvl: pd.Series, month: pd.Period) -> float:
        """The last print as published (the customs YoY) where it is a single month, else from levels."""
        if month.month != 2 and info.has(self.target.yoy_id):
            pub = published_on(info.series[self.target.yoy_id], info.as_of)
            if np.isfinite(pub.get(month, np.nan)):
                return float(pub.to_numpy(dtype=float)[list(pub.index).index(month)]) / 100.0
        return export_print(lvl, month)

    # -- backtest -----------------------------------------------------------------------
    def backtest(self, data: Any, start: Any, end: Any, *, release_day: int | None = None,  # type: ignore[override]  # its own result
                 progress: Any = None) -> ExportBacktest:
        """Real-time backtest over the prints ``start..end`` ('YYYY-MM'; Jan folds into Feb)."""
        from macrodesk.models.nowcast.backtest import month_range

        months = [p for p in month_range(start, end) if p.month != 1]
        src = collect(data, self.series_ids())
        if _LEVEL not in src:
            raise ModelError(f"the backtest needs '{_LEVEL}'; it is not in the data")
        full = src[_LEVEL].data.astype("float64")
        full.index = pd.PeriodIndex(full.index, freq="M")
        rows, failed = [], []
        for t in months:
            origin = self.origin(t)
            info = self.info_set(src, origin)
            nc = self.predict(info)
            prev = published_on(src[_LEVEL], origin).index[-1]
            prev = prev - 1 if prev.month == 1 else prev
            row = {"month": t, "actual": export_print(full, t) * 100, "random_walk": export_print(full, prev) * 100,
                   "seasonal_naive": export_print(full, t - 12) * 100, "nowcast": np.nan, "nowcast_unrounded": np.nan}
            if getattr(nc, "computable", False) and nc.month == t:
                row["nowcast"] = nc.yoy_print
                row["nowcast_unrounded"] = nc.yoy * 100
                for k, v in nc.members.items():
                    row[f"member_{k}"] = v * 100
            else:
                failed.append(f"{t}: {getattr(nc, 'reason', 'target month differs')}")
            rows.append(row)
            if progress is not None:
                progress(t)
        df = pd.DataFrame(rows).set_index("month")
        df.index = pd.PeriodIndex(df.index, freq="M", name="month")
        df["error"] = df["nowcast"] - df["actual"]
        return ExportBacktest(df, tuple(failed))


@dataclass(frozen=True, eq=False)
class _ExportFit:
    """The two fitted members for one print; ``predict()`` combines them (equal weights)."""

    target: TargetSpec
    model: str
    month: pd.Period
    as_of: pd.Timestamp
    known: pd.Period
    members: dict[str, float]
    used: tuple[str, ...]
    missing: tuple[str, ...]
    sigma: float
    previous_yoy: float
    coefficients: dict[str, dict[str, float]]
    names: dict[str, tuple[str, str]]
    computable: ClassVar[bool] = True

    def predict(self) -> ExportNowcast:
        point = float(np.mean(list(self.members.values())))
        return ExportNowcast(self.target, self.model, self.month, self.as_of, self.known, point, dict(self.members),
                             self.used, self.missing, self.sigma, self.previous_yoy, self.coefficients, self.names)
