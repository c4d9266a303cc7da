"""The scenario engine: a :class:`~macrodesk.scenarios.spec.ScenarioFile` + data -> paths.

For each scenario the engine builds a monthly MoM path from the month after the
last published YoY (the *anchor* ``T``) to the end of the horizon, then a YoY
path, its annual average (中枢), range, and carry-over / new-price split.

MoM path, month by month (all vectorised over months)::

    m_t = baseline_t                      seasonal norm of calendar month t (window of years)
          (or the `set` MoM for t)        replaces the baseline
        + sum_shocks  weight x shock      e.g. 2% x 3% = 0.06 pp
        + sum_adjust  pp                  e.g. -0.04 pp
        + sum_links   elasticity x c_t    c_t: commodity MoM implied by its level path

Months after ``T`` that are already published (``T`` < as-of) keep their published
MoM; months listed under ``assume`` that are not yet published at the as-of month
(e.g. the seed's Dec 2025 PPI MoM = 0) take the assumed value. ``assume`` only
fills months: a published value always wins, and ``assumed`` in the result lists
the entries actually used.

YoY path (``yoy_method``):

* ``"published"`` (default): ``(1+y_t) = (1+y_{t-1})(1+m_t)/(1+m_{t-12})`` anchored on
  the last *published* YoY (:func:`macrodesk.transforms.project_yoy`).
* ``"chained"``: ``1+y_t = prod_{k=t-11..t}(1+m_k)``, the YoY of the index chained
  from published MoMs = carry-over x new price. Published YoY and the chained
  index disagree by the rounding of the published MoMs; the two paths differ by
  a constant factor ``(1+y_T)/(1+y^c_T)``, which the result reports as
  ``anchor_gap`` (and both paths are kept: ``yoy`` and ``yoy_alt``).

``as_of`` cuts every input at that month: nothing published after it is used.

Commodity paths (:func:`macrodesk.models.factor.commodity_path`): monthly levels
(daily data averaged to months) up to as-of, then linear to each level target
and flat after the last one; MoM and YoY of the combined levels. ``elasticities``
passed to :func:`run` override the file's, so factor-model loadings can be
plugged in (``run(..., elasticities=fit.params)``).

Linked commodities in ``"deviation"`` mode (a ``reference`` in the commodity
table): the scenario's MoMs hold under the reference path, and the target MoM
moves by ``elasticity x (path MoM - reference MoM)``. A path equal to the
reference changes nothing; ``levels`` passed to :func:`run` replace a
commodity's path targets (``run(..., levels={"brent": {"2026-03": 66.0}})``),
so an oil shock moves every scenario linked to Brent.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from macrodesk.exceptions import ScenarioError
from macrodesk.scenarios._inputs import as_of_month, rate
from macrodesk.scenarios._paths import build_commodity, components
from macrodesk.scenarios._yoy import chained_anchor, decompose, yoy_paths
from macrodesk.scenarios.results import CommodityResult, ScenarioResult, ScenarioSetResult
from macrodesk.scenarios.spec import YOY_METHODS, ScenarioFile
from macrodesk.series import MacroSeries, SeriesMeta

__all__ = ["run"]

_Data = Mapping[str, "MacroSeries | pd.Series"]


@dataclass(frozen=True)
class _Info:
    """The information set of a run: published rates up to ``as_of`` and the anchor month."""

    as_of: pd.Period
    mom_pub: pd.Series
    yoy_pub: pd.Series
    anchor: pd.Period
    anchor_yoy: float
    metas: tuple[SeriesMeta, ...]


@dataclass(frozen=True)
class _Bridge:
    """Months up to the anchor (``mom_hist``) and the months to project with their fixed MoMs."""

    hist_idx: pd.PeriodIndex
    mom_hist: pd.Series
    path_idx: pd.PeriodIndex
    fixed: pd.Series
    source: pd.Series
    used: dict[pd.Period, float]


def run(
    spec: ScenarioFile,
    data: _Data,
    as_of: pd.Period | str | None = None,
    *,
    method: str | None = None,
    elasticities: Mapping[str, float] | None = None,
    levels: Mapping[str, Mapping[Any, float]] | None = None,
) -> ScenarioSetResult:
    """Run every scenario of ``spec`` on ``data`` cut at ``as_of``.

    Parameters
    ----------
    spec : ScenarioFile
        From :func:`~macrodesk.scenarios.load_spec` (or ``spec_from_dict``).
    data : mapping series id -> MacroSeries (or pandas Series)
        Must hold ``spec.mom`` and ``spec.yoy`` (a plain Series is read as
        percent on a monthly PeriodIndex) and the commodity series the scenarios
        link to. Commodity series the scenarios do not use are optional.
    as_of : 'YYYY-MM' or Period, optional
        The information set: data after this month are ignored. Default: the
        last month with a published YoY.
    method : {'published', 'chained'}, optional
        Overrides the file's ``yoy_method``.
    elasticities : mapping commodity key -> float, optional
        Overrides the file's elasticities (pp of target per 1% of the
        commodity), e.g. coefficients from a factor model.
    levels : mapping commodity key -> {month: level}, optional
        Replaces the file's ``levels`` of those commodity paths (not their
        ``reference``), e.g. ``{"brent": {"2026-03": 66.0, "2026-12": 66.0}}``.

    Returns
    -------
    ScenarioSetResult

    Raises
    ------
    ScenarioError
        A month the path needs has no MoM (not published, not assumed, no
        baseline), a baseline window lacks data at the as-of month, a linked
        commodity has no path, the target MoM series is a YoY series (or the
        reverse). Messages name the file, scenario and month.
    UnknownSeriesError
        A required series is not in ``data``.
    """
    method = method or spec.yoy_method
    if method not in YOY_METHODS:
        raise ScenarioError(f"{spec.file}: yoy method must be one of {', '.join(YOY_METHODS)}, got {method!r}")
    elast = _elasticities(spec, elasticities)
    spec = _with_levels(spec, levels)
    info = _information_set(spec, data, as_of)
    br = _bridge(spec, info)
    commodities = tuple(build_commodity(c, data, info.as_of, spec) for c in spec.commodities)
    moms, comps = _scenario_moms(spec, info, br, {c.key: c for c in commodities}, elast)

    paths = pd.DataFrame(moms, index=br.path_idx)
    yoy_hist = info.yoy_pub.reindex(br.hist_idx)
    primary = yoy_paths(method, paths, yoy_hist, br.mom_hist, spec, info.as_of)
    try:
        alt: pd.DataFrame | None = yoy_paths("chained" if method == "published" else "published",
                                             paths, yoy_hist, br.mom_hist, spec, info.as_of)
    except ScenarioError:
        alt = None
    results = _results(spec, info, br, moms, comps, primary, alt)
    linked = {lk.path for sc in spec.scenarios for lk in sc.commodities}
    return ScenarioSetResult(
        spec=spec, as_of=info.as_of, method=method, anchor=info.anchor, anchor_yoy=info.anchor_yoy,
        anchor_chained=chained_anchor(br.mom_hist),
        history=info.yoy_pub.dropna()[lambda s: s.index <= info.anchor],
        scenarios=results, commodities=commodities, assumed=dict(sorted(br.used.items())),
        elasticities={k: elast.get(k, _file_elasticity(spec, k)) for k in sorted(linked)}, inputs=info.metas,
    )


def _elasticities(spec: ScenarioFile, given: Mapping[str, float] | None) -> dict[str, float]:
    keys = {c.key for c in spec.commodities}
    out = {}
    for k, v in dict(given or {}).items():
        if k not in keys:
            raise ScenarioError(f"{spec.file}: elasticity given for '{k}', which is not a commodity path in the file "
                                f"({', '.join(sorted(keys)) or 'none defined'})")
        out[k] = float(v)
    return out


def _with_levels(spec: ScenarioFile, given: Mapping[str, Mapping[Any, float]] | None) -> ScenarioFile:
    """``spec`` with the path targets of the commodities in ``given`` replaced."""
    if not given:
        return spec
    keys = {c.key for c in spec.commodities}
    new = {}
    for k, targets in given.items():
        if k not in keys:
            raise ScenarioError(f"{spec.file}: levels given for '{k}', which is not a commodity path in the file "
                                f"({', '.join(sorted(keys)) or 'none defined'})")
        if not isinstance(targets, Mapping) or not targets:
            raise ScenarioError(f"{spec.file}: levels for '{k}' must map months to levels, e.g. {{'2026-03': 66.0}}")
        out = []
        for m, v in targets.items():
            try:
                p = as_of_month(m, pd.Series(dtype=float), spec.file, k)
                val = float(v)
            except (TypeError, ValueError, ScenarioError):
                raise ScenarioError(f"{spec.file}: levels for '{k}': expected month 'YYYY-MM' = positive level, "
                                    f"got {m!r} = {v!r}") from None
            if not val > 0 or val == float("inf"):
                raise ScenarioError(f"{spec.file}: levels for '{k}': a price level must be positive, got {v!r}")
            out.append((p, val))
        new[k] = tuple(sorted(out))
    comms = tuple(dataclasses.replace(c, targets=new[c.key]) if c.key in new else c for c in spec.commodities)
    return dataclasses.replace(spec, commodities=comms)


def _file_elasticity(spec: ScenarioFile, key: str) -> float:
    for sc in spec.scenarios:
        for lk in sc.commodities:
            if lk.path == key:
                return lk.elasticity
    return float("nan")


def _information_set(spec: ScenarioFile, data: _Data, as_of: pd.Period | str | None) -> _Info:
    """The target MoM and YoY published up to ``as_of``, and the anchor (last published YoY)."""
    file = spec.file
    mom_all, mom_meta = rate(data, spec.mom, file, "target MoM")
    yoy_all, yoy_meta = rate(data, spec.yoy, file, "target YoY")
    month = as_of_month(as_of, yoy_all, file, spec.yoy)
    mom_pub = mom_all[mom_all.index <= month]
    yoy_pub = yoy_all[yoy_all.index <= month]
    yv = yoy_pub.dropna()
    if yv.empty:
        raise ScenarioError(f"{file}: series '{spec.yoy}' has no published value up to {month.strftime('%Y-%m')}")
    anchor = pd.Period(yv.index[-1], freq="M")
    h0 = spec.horizon[0]
    if anchor < h0 - 24:
        raise ScenarioError(
            f"{file}: the last published {spec.yoy} up to {month.strftime('%Y-%m')} is {anchor.strftime('%Y-%m')}, "
            f"more than two years before the horizon starts ({h0.strftime('%Y-%m')}); use a later as-of month"
        )
    metas = tuple(m for m in (yoy_meta, mom_meta) if m is not None)
    return _Info(month, mom_pub, yoy_pub, anchor, float(yv.iloc[-1]), metas)


def _bridge(spec: ScenarioFile, info: _Info) -> _Bridge:
    """MoM history to the anchor and the fixed MoMs after it; ``assume`` fills only unpublished months."""
    assume = {p: v / 100.0 for p, v in spec.assume}
    mom_pub, anchor = info.mom_pub, info.anchor
    first = mom_pub.dropna().index[0] if mom_pub.notna().any() else anchor
    hist_idx = pd.period_range(min(first, anchor - 24), anchor, freq="M")
    mom_hist = mom_pub.reindex(hist_idx)
    h1 = spec.horizon[1]
    path_idx = pd.period_range(anchor + 1, h1, freq="M") if anchor < h1 else pd.PeriodIndex([], freq="M")
    fixed = mom_pub.reindex(path_idx)  # published after the anchor (anchor < as-of)
    source = np.where(fixed.notna().to_numpy(), "published", "scenario").astype(object)
    used: dict[pd.Period, float] = {}
    hist_gaps = set(hist_idx[mom_hist.isna().to_numpy()])
    for p, v in assume.items():
        if p in hist_gaps:
            mom_hist.at[p] = v
            used[p] = v
    path_gaps = set(path_idx[fixed.isna().to_numpy()])
    for p, v in assume.items():
        if p in path_gaps:
            fixed.at[p] = v
            source[path_idx.get_loc(p)] = "assumed"
            used[p] = v
    return _Bridge(hist_idx, mom_hist, path_idx, fixed, pd.Series(source, index=path_idx, dtype=object), used)


def _scenario_moms(
    spec: ScenarioFile, info: _Info, br: _Bridge, commodities: Mapping[str, CommodityResult],
    elast: Mapping[str, float],
) -> tuple[dict[str, pd.Series], dict[str, tuple[pd.DataFrame, dict[str, tuple[str, int]]]]]:
    """Each scenario's MoM on the path months: fixed where published or assumed, its components elsewhere."""
    moms: dict[str, pd.Series] = {}
    comps = {}
    for sc in spec.scenarios:
        comp, kinds = components(spec, sc, br.path_idx, br.source, info.mom_pub, info.as_of, commodities, elast)
        total = comp.sum(axis=1, skipna=False).to_numpy(dtype=float)
        vals = np.where(br.source.to_numpy() == "scenario", total, br.fixed.to_numpy(dtype=float))
        bad = np.isnan(vals)
        if bad.any():
            miss = [p.strftime("%Y-%m") for p in br.path_idx[bad]]
            raise ScenarioError(
                f"{spec.file}: scenarios.{sc.name}: no MoM for {', '.join(miss)} (after the last published "
                f"{spec.yoy} {info.anchor.strftime('%Y-%m')}, before the horizon starts "
                f"{spec.horizon[0].strftime('%Y-%m')}); state it in `assume` "
                f"(e.g. assume = {{ \"{miss[0]}\" = 0.0 }}) or give the scenario a baseline"
            )
        moms[sc.name] = pd.Series(vals, index=br.path_idx, name=sc.name)
        comps[sc.name] = (comp, kinds)
    return moms, comps


def _results(
    spec: ScenarioFile, info: _Info, br: _Bridge, moms: Mapping[str, pd.Series],
    comps: Mapping[str, tuple[pd.DataFrame, dict[str, tuple[str, int]]]],
    primary: pd.DataFrame, alt: pd.DataFrame | None,
) -> tuple[ScenarioResult, ...]:
    """Published YoY over the horizon where out, the projected path after; decomposition; one result each."""
    hz = spec.horizon_months
    actual = info.yoy_pub.reindex(hz)
    projected = pd.Series(hz > info.anchor, index=hz)
    mask = projected.to_numpy()

    def horizon_yoy(paths: pd.DataFrame, name: str) -> pd.Series:
        y = actual.copy()
        if len(br.path_idx):
            y[mask] = paths[name].reindex(hz[mask]).to_numpy()
        return y.rename(name)

    out = []
    for sc in spec.scenarios:
        dec, reason = decompose(br.mom_hist, moms[sc.name], hz)
        comp, kinds = comps[sc.name]
        out.append(ScenarioResult(
            sc.name, sc.label_zh, sc.label_en, moms[sc.name], br.source.copy(), comp, kinds,
            horizon_yoy(primary, sc.name), None if alt is None else horizon_yoy(alt, sc.name),
            projected.copy(), dec, reason, sc,
        ))
    return tuple(out)
