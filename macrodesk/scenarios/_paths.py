"""The MoM pieces of a scenario: seasonal baseline or `set` MoM, overlays, and commodity paths."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from macrodesk import transforms as T
from macrodesk.exceptions import ScenarioError
from macrodesk.models._base import NotComputable
from macrodesk.models.factor import commodity_path
from macrodesk.scenarios._inputs import levels
from macrodesk.scenarios.results import CommodityResult
from macrodesk.scenarios.spec import CommodityLink, CommodityPathSpec, ScenarioFile, ScenarioSpec
from macrodesk.series import SeriesMeta
from macrodesk.series.units import UNITS

__all__ = ["build_commodity", "components", "link_mom"]


def build_commodity(cp: CommodityPathSpec, data: Mapping[str, Any], as_of: pd.Period,
                    spec: ScenarioFile) -> CommodityResult:
    """A ``[commodities.KEY]`` path on the data up to ``as_of``, or why it cannot be built.

    Levels are observed up to ``as_of`` (daily data averaged to months); the path
    runs linearly from the last observed month through the targets after it
    and stays flat after the last one, to the end of the horizon at least.
    """
    def fail(reason: str) -> CommodityResult:
        return CommodityResult(cp, spec.horizon, None, reason)

    obj = data.get(cp.series)
    if obj is None:
        return fail(f"series '{cp.series}' is not in the data")
    lv, meta = levels(obj, cp.series, spec.file)
    _check_unit(cp, meta, spec)
    lv = lv[lv.index <= as_of].dropna()
    if lv.empty:
        return fail(f"series '{cp.series}' has no value up to {as_of.strftime('%Y-%m')}")
    last = lv.index[-1]
    if last < as_of:
        return fail(f"series '{cp.series}' is observed only to {last.strftime('%Y-%m')}, before the as-of month "
                    f"{as_of.strftime('%Y-%m')}; its path would have to invent the months in between")
    path = _path(lv, cp.targets, spec, cp.key)
    if isinstance(path, NotComputable):
        return fail(path.reason)
    ref = None
    if cp.reference:
        ref = _path(lv, cp.reference, spec, cp.key)
        if isinstance(ref, NotComputable):
            return fail(f"the reference path cannot be built: {ref.reason}")
    return CommodityResult(cp, spec.horizon, path, "", meta, ref)


def _path(lv: pd.Series, targets: tuple[tuple[pd.Period, float], ...], spec: ScenarioFile,
          key: str) -> Any:
    """Levels observed in ``lv``, then linear through ``targets``, flat to the end of the horizon at least."""
    end = max(spec.horizon[1], targets[-1][0])
    return commodity_path(lv, dict(targets), end=end, name=key, strict=False)


def _unit_names(code: str) -> set[str]:
    u = UNITS.get(code)
    names = {code} | ({u.en, u.zh} if u is not None else set())
    return {n.replace(" ", "").lower() for n in names}


def _check_unit(cp: CommodityPathSpec, meta: SeriesMeta | None, spec: ScenarioFile) -> None:
    """Refuse a rate series as a commodity level, and a file unit that is not the series' unit."""
    if meta is None or not meta.unit:
        return
    u = UNITS.get(meta.unit)
    if u is not None and u.kind == "rate":
        raise ScenarioError(f"{spec.file}: commodities.{cp.key}.series: series '{cp.series}' is in {meta.unit}, "
                            "a rate; a commodity path needs price levels (e.g. usd_per_bbl)")
    names = _unit_names(meta.unit)
    for field, value in (("unit_en", cp.unit_en), ("unit_zh", cp.unit_zh)):
        if value and value.replace(" ", "").lower() not in names:
            shown = f"{meta.unit} ({u.en}, {u.zh})" if u is not None else meta.unit
            raise ScenarioError(f"{spec.file}: commodities.{cp.key}.{field}: the file says '{value}' but series "
                                f"'{cp.series}' is in {shown}; the level targets must be in the series' unit")


def components(
    spec: ScenarioFile,
    sc: ScenarioSpec,
    idx: pd.PeriodIndex,
    source: pd.Series,
    mom_pub: pd.Series,
    as_of: pd.Period,
    commodities: Mapping[str, CommodityResult],
    elast: Mapping[str, float],
) -> tuple[pd.DataFrame, dict[str, tuple[str, int]]]:
    """The MoM pieces of one scenario on the path months (fractions), and what each column comes from."""
    free = (source.to_numpy() == "scenario")
    cols: dict[str, np.ndarray] = {"baseline": _base(spec, sc, idx, free, mom_pub, as_of)}
    kinds: dict[str, tuple[str, int]] = {"baseline": ("baseline", 0)}
    for i, k in enumerate(sc.shocks):
        key = f"shock:{k.component}" if f"shock:{k.component}" not in cols else f"shock:{k.component}:{i}"
        cols[key] = np.where(idx.isin(list(k.months)) & free, k.pp / 100.0, 0.0)
        kinds[key] = ("shock", i)
    for i, a in enumerate(sc.adjustments):
        key = f"adjust:{i}"
        cols[key] = np.where(idx.isin(list(a.months)) & free, a.pp / 100.0, 0.0)
        kinds[key] = ("adjust", i)
    for i, lk in enumerate(sc.commodities):
        c = commodities[lk.path]
        key = f"commodity:{lk.path}" if f"commodity:{lk.path}" not in cols else f"commodity:{lk.path}:{i}"
        if not c.ok and spec.zero_deviation(lk):
            cols[key] = np.zeros(len(idx))  # the path is its reference: no deviation, whatever the data
            kinds[key] = ("commodity", i)
            continue
        if not c.ok:
            raise ScenarioError(f"{spec.file}: scenarios.{sc.name}.commodity[{i}]: commodity path '{lk.path}' "
                                f"cannot be built: {c.reason}")
        beta = elast.get(lk.path, lk.elasticity)
        in_h = (idx >= spec.horizon[0]) & (idx <= spec.horizon[1]) & free
        cm = link_mom(spec, sc, i, lk, c).reindex(idx).to_numpy(dtype=float)
        cols[key] = np.where(in_h, beta * cm, 0.0)
        kinds[key] = ("commodity", i)
    return pd.DataFrame(cols, index=idx), kinds


def link_mom(spec: ScenarioFile, sc: ScenarioSpec, i: int, lk: CommodityLink, c: CommodityResult) -> pd.Series:
    """The commodity MoM a link feeds in: the path's (the link's own ``levels`` if any), less the reference's
    in ``"deviation"`` mode."""
    path = c.path
    assert path is not None
    if lk.levels:
        hist = path.level[path.level.index <= path.last_observed]
        own = _path(hist, lk.levels, spec, lk.path)
        if isinstance(own, NotComputable):
            raise ScenarioError(f"{spec.file}: scenarios.{sc.name}.commodity[{i}].levels: {own.reason}")
        path = own
    if not lk.deviation:
        return path.mom
    if c.reference is None:
        raise ScenarioError(f"{spec.file}: scenarios.{sc.name}.commodity[{i}]: a deviation link needs "
                            f"commodities.{lk.path}.reference, which the file does not give")
    return path.mom - c.reference.mom.reindex(path.mom.index)


def _base(spec: ScenarioFile, sc: ScenarioSpec, idx: pd.PeriodIndex, free: np.ndarray, mom_pub: pd.Series,
          as_of: pd.Period) -> np.ndarray:
    """The `set` MoM where the scenario sets one, else the seasonal baseline (months the scenario fills)."""
    base = np.full(len(idx), np.nan)
    set_mask = np.zeros(len(idx), dtype=bool)
    for s in sc.settings:
        m = idx.isin(list(s.months))
        base[m] = s.mom_pct / 100.0
        set_mask |= m
    need = free & ~set_mask
    if sc.baseline is not None and need.any():
        base[need] = _baseline(spec, sc, idx[need], mom_pub, as_of)
    return base


def _baseline(spec: ScenarioFile, sc: ScenarioSpec, months: pd.PeriodIndex, mom_pub: pd.Series,
              as_of: pd.Period) -> np.ndarray:
    """Seasonal-norm MoM (fractions) for ``months`` from published MoM up to as-of."""
    bl = sc.baseline
    assert bl is not None
    out = np.full(len(months), np.nan)
    cal = np.asarray(months.month)
    groups: dict[tuple[int, int], list[int]] = {}
    for mth in sorted(set(cal.tolist())):
        groups.setdefault(bl.years(mth), []).append(mth)
    for (a, b), mths in groups.items():
        years = list(range(a, b + 1))
        norm = T.monthly_norm(mom_pub, years, stats=(bl.stat,))[bl.stat]
        for mth in mths:
            val = float(norm.get(mth, np.nan))
            if np.isnan(val):
                raise _window_error(spec, sc, mom_pub, as_of, mth, a, b)
            out[cal == mth] = val
    return out


def _window_error(spec: ScenarioFile, sc: ScenarioSpec, mom_pub: pd.Series, as_of: pd.Period,
                  mth: int, a: int, b: int) -> ScenarioError:
    bl = sc.baseline
    assert bl is not None
    need = [pd.Period(year=y, month=mth, freq="M") for y in range(a, b + 1)]
    have = mom_pub.reindex(need)
    missing = [p.strftime("%Y-%m") for p, v in zip(need, have.to_numpy()) if np.isnan(v)]
    late = [m for m in missing if pd.Period(m, freq="M") > as_of]
    why = (f"after the as-of month {as_of.strftime('%Y-%m')}" if late else "not in the data")
    key = (f"scenarios.{sc.name}.baseline.window_by_month.{mth}" if mth in dict(bl.window_by_month)
           else f"scenarios.{sc.name}.baseline.window")
    return ScenarioError(
        f"{spec.file}: {key}: the {a}-{b} {bl.stat} of month {mth} needs {spec.mom} for "
        f"{', '.join(missing)}, which is {why}; narrow the window or set "
        f"window_by_month = {{ \"{mth}\" = [{a}, {b - 1}] }}"
    )
