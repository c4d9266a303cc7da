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
from macrodesk.scenarios.spec import CommodityPathSpec, ScenarioFile, ScenarioSpec

__all__ = ["build_commodity", "components"]


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
    lv = lv[lv.index <= as_of].dropna()
    if lv.empty:
        return fail(f"series '{cp.series}' has no value up to {as_of.strftime('%Y-%m')}")
    last = lv.index[-1]
    if last < as_of:
        return fail(f"series '{cp.series}' is observed only to {last.strftime('%Y-%m')}, before the as-of month "
                    f"{as_of.strftime('%Y-%m')}; its path would have to invent the months in between")
    end = max(spec.horizon[1], cp.targets[-1][0])
    path = commodity_path(lv, dict(cp.targets), end=end, name=cp.key, strict=False)
    if isinstance(path, NotComputable):
        return fail(path.reason)
    return CommodityResult(cp, spec.horizon, path, "", meta)


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
        if not c.ok:
            raise ScenarioError(f"{spec.file}: scenarios.{sc.name}.commodity[{i}]: commodity path '{lk.path}' "
                                f"cannot be built: {c.reason}")
        beta = elast.get(lk.path, lk.elasticity)
        in_h = (idx >= spec.horizon[0]) & (idx <= spec.horizon[1]) & free
        cm = c.mom.reindex(idx).to_numpy(dtype=float)
        key = f"commodity:{lk.path}" if f"commodity:{lk.path}" not in cols else f"commodity:{lk.path}:{i}"
        cols[key] = np.where(in_h, beta * cm, 0.0)
        kinds[key] = ("commodity", i)
    return pd.DataFrame(cols, index=idx), kinds


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
