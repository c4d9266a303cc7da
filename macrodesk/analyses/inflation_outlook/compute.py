"""The estimation step of the ``inflation-outlook`` report: inputs in, language-free results out.

:func:`compute` runs every model of the review and of the CPI and PPI outlook
chapters once and returns an :class:`OutlookResults`; the report in each
language is rendered from it (:mod:`.render`). A chapter whose data a model
cannot use holds the error text instead of its results, and the report says
so, as before. The expensive estimates (the commodity factor model, the shipped
scenarios and the two real-time nowcast backtests) go through the results cache
(:func:`macrodesk.cache.cached`), keyed by exactly the series, cut-off and options
each reads, so an unchanged input set reuses them when a cache is active.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar, cast

import numpy as np
import pandas as pd

from macrodesk import cache
from macrodesk import transforms as T
from macrodesk._parallel import Background, background
from macrodesk.analyses._common import Inputs, input_status
from macrodesk.analyses.inflation_outlook.inputs import (
    _FACTORS,
    _OIL_FALLBACK,
    FACTOR_START,
    NOWCAST_MONTHS,
    NOWCAST_TARGETS,
    PASSTHROUGH_START,
    REQUIRED,
    _component_mom,
    _latest_value,
    _mom,
    inventory_ids,
)
from macrodesk.exceptions import MacrodeskError
from macrodesk.models._base import NotComputable, pindex
from macrodesk.models.factor import FactorModel, FactorResult
from macrodesk.models.inflation.components import CPI_CATEGORIES, CPI_COMPONENTS, ComponentReview, component_review
from macrodesk.models.inflation.cycles import Upcycles, upcycles
from macrodesk.models.inflation.demand import DemandReadings, Reading, latest_reading, loan_flow
from macrodesk.models.inflation.inventory import InventoryPanel, inventory_panel
from macrodesk.models.inflation.leadlag import LeadLag, lead_lag
from macrodesk.models.inflation.passthrough import PassThrough, pass_through
from macrodesk.models.inflation.ppi_industry import (
    INDUSTRIES,
    PPI_GROUPS,
    PPIGroupReview,
    PPIIndustryReview,
    annual_value,
    ppi_group_review,
    ppi_industry_review,
    revenue_weights,
)
from macrodesk.models.inflation.review import CarryoverReview, SeasonalReview, carryover_review, seasonal_review
from macrodesk.models.inflation.seasonality import Seasonality, seasonality
from macrodesk.models.inflation.weights import PriceMethodDrift, Rotation, price_method_drift, rotation
from macrodesk.reports.exhibits import SeriesRef, exhibit
from macrodesk.series import MacroSeries

__all__ = ["CpiChapter", "Extensions", "FactorOutcome", "OutlookResults", "PpiChapter", "ReviewChapter", "compute"]

_R = TypeVar("_R")


# ---------------------------------------------------------------- results
@dataclass(frozen=True)
class ReviewChapter:
    """1. The year in review: CPI and PPI against their norms, CPI components, PPI by group and industry.

    ``ppi`` is None without PPI MoM, or the error text when the review could
    not be made; ``components``, ``groups`` and ``industries`` are None when
    their inputs are absent.
    """

    cpi: SeasonalReview
    components: ComponentReview | NotComputable | None
    weights: Mapping[str, float]
    ppi: SeasonalReview | str | None
    groups: PPIGroupReview | NotComputable | None
    industries: PPIIndustryReview | NotComputable | None
    has_industry_mom: bool
    revenue_weights: pd.Series | None
    weight_year: int | None


@dataclass(frozen=True)
class CpiChapter:
    """2. The CPI outlook: rotation and drift of weights, the pig cycle, seasonality, next year's carry-over.

    ``carryover`` is the error text when the carry-over could not be computed;
    ``assumed`` lists the months whose MoM was assumed zero.
    """

    rotation: Rotation | None
    drift: PriceMethodDrift | None
    upcycles: Upcycles | NotComputable | None
    sow_lead: LeadLag | NotComputable | None
    seasonality: Seasonality | NotComputable
    carryover: CarryoverReview | str
    assumed: tuple[pd.Period, ...]


@dataclass(frozen=True)
class PpiChapter:
    """3. The PPI outlook (less the factor model): carry-over, the M1 lead, CRB pass-through, inventory cycles.

    ``carryover`` is None without PPI MoM and YoY, or the error text;
    ``inventory_codes`` are the industries with revenue and inventory data.
    """

    carryover: CarryoverReview | str | None
    assumed: tuple[pd.Period, ...]
    m1_lead: LeadLag | NotComputable | None
    pass_through: PassThrough | NotComputable | None
    inventory: InventoryPanel | None
    inventory_codes: tuple[str, ...]
    #: (revenue YoY, inventory YoY, inventory level or None) ids read for each of ``inventory_codes``
    inventory_ids: tuple[tuple[str, str, str | None], ...] = ()
    #: latest property / infrastructure / manufacturing investment and MLT-loan readings (3.4), None without any
    demand: DemandReadings | None = None


@dataclass(frozen=True)
class FactorOutcome:
    """3.3 The commodity factor model: the fit (None when it could not be made) and why not.

    ``lacking`` are factor series absent from the store; ``failed`` is the
    estimate that was not computable; ``names`` maps each factor used to its
    (Chinese, English) display name.
    """

    fit: FactorResult | None
    lacking: tuple[str, ...] = ()
    failed: NotComputable | None = None
    names: Mapping[str, tuple[str, str]] | None = None


@dataclass(frozen=True)
class Extensions:
    """The estimates beyond the three chapters: the factor model, the shipped scenarios, the nowcast backtests.

    ``factor`` is the error text when the data stopped the fit; ``scenarios`` holds, per shipped file that applies, ``(spec, result)`` or
    ``(spec, error text)``; ``nowcasts`` the backtest results, or ``nowcast_error``
    the text of the error that stopped them.
    """

    factor: FactorOutcome | str | None
    scenarios: tuple[tuple[Any, Any], ...]
    nowcasts: tuple[Any, ...]
    nowcast_error: str | None = None


@dataclass(frozen=True)
class OutlookResults:
    """Everything :func:`compute` estimated, language-free; a chapter that failed holds its error text."""

    inputs: Inputs
    as_of: pd.Period
    month: pd.Period
    review: ReviewChapter | str
    cpi: CpiChapter | str
    ppi: PpiChapter | str
    extensions: Extensions | None = None
    status: pd.DataFrame | None = None

    @property
    def year(self) -> int:
        return int(self.month.year)

    @property
    def end_month(self) -> int:
        return int(self.month.month)


# ---------------------------------------------------------------- 1. review
def _review(inputs: Inputs, year: int, end_month: int) -> ReviewChapter | str:
    S = inputs.series
    try:
        rev = seasonal_review(_mom(S["cpi_mom"]), year, end_month, name="CPI")
    except MacrodeskError as exc:
        return str(exc)
    comp = {c: s for c in CPI_COMPONENTS if (s := _component_mom(inputs, c)) is not None}
    weights = {c: _latest_value(S[f"cpi_weight_{c}"]) / 100 for c in CPI_COMPONENTS if inputs.has(f"cpi_weight_{c}")}
    cr = None
    if comp:
        cr = component_review(pd.DataFrame(comp), year, end_month, weights=weights or None, total_change=rev.actual)
    ppi: SeasonalReview | str | None = None
    if inputs.has("ppi_mom"):
        try:
            ppi = seasonal_review(_mom(S["ppi_mom"]), year, end_month, name="PPI")
        except MacrodeskError as exc:
            ppi = str(exc)
    groups = {g: _mom(S[f"ppi_{g}_mom"]) for g in PPI_GROUPS if inputs.has(f"ppi_{g}_mom")}
    gr = ppi_group_review(pd.DataFrame(groups), year, end_month) if groups else None
    ind = {c: _mom(S[f"ppi_{c}_mom"]) for c in INDUSTRIES if inputs.has(f"ppi_{c}_mom")}
    wts, wyear = _revenue_weights(inputs, year)
    ir = None
    if ind and wts is not None:
        total = None
        if inputs.has("ppi_mom"):
            total = float(T.cumulative(_mom(S["ppi_mom"]), 1, end_month).get(year, np.nan))
        ir = ppi_industry_review(pd.DataFrame(ind), wts, year, end_month, total_change=total)
    return ReviewChapter(rev, cr, weights, ppi, gr, ir, bool(ind), wts, wyear)


def _revenue_weights(inputs: Inputs, year: int) -> tuple[pd.Series | None, int | None]:
    """Industry weights from the latest complete year of revenue before ``year``."""
    S = inputs.series
    have = [c for c in INDUSTRIES if inputs.has(f"industry_revenue_{c}")]
    if not have:
        return None, None
    for y in (year - 1, year - 2, year):
        rev = {c: annual_value(S[f"industry_revenue_{c}"].data, y) for c in have}
        rev = {c: v for c, v in rev.items() if np.isfinite(v)}
        if rev:
            total: float | None = (annual_value(S["industry_revenue_total"].data, y)
                                   if inputs.has("industry_revenue_total") else None)
            total = total if total is not None and np.isfinite(total) else None
            return revenue_weights(rev, total=total), y
    return None, None


# ---------------------------------------------------------------- 2. CPI outlook
def _cpi_outlook(inputs: Inputs, year: int, end_month: int, month: pd.Period) -> CpiChapter:
    S = inputs.series
    shares = {c: S[f"hh_spending_share_{c}"] for c in CPI_CATEGORIES if inputs.has(f"hh_spending_share_{c}")}
    rot = _rotation(inputs, shares) if len(shares) == len(CPI_CATEGORIES) else None
    drift = _pork_drift(inputs, month)
    up = ll = None
    if inputs.has("hog_spot_price_index_zhuyi"):
        kw: dict[str, Any] = {}
        if inputs.has("cpi_pork_mom"):
            kw["mom"] = _mom(S["cpi_pork_mom"])
        if inputs.has("cpi_pork_yoy"):
            kw["yoy"] = S["cpi_pork_yoy"].to_fraction()
        if inputs.has("pork_wholesale_cny"):
            kw.update(companion=T.to_monthly(S["pork_wholesale_cny"].data), companion_name="the pork wholesale price",
                      companion_name_zh="猪肉批发价")
        up = upcycles(S["hog_spot_price_index_zhuyi"].data, name="the hog price", name_zh="生猪价格",
                      mom_name="Pork CPI", mom_name_zh="猪肉CPI", **kw)
        ll = _sow_lead(inputs)
    cpi_mom = _mom(S["cpi_mom"])
    se = seasonality(cpi_mom, range(year - 10, year), highlight_year=year, outlook_year=year + 1, name="CPI")
    co, assumed = _guard(lambda: _carry(cpi_mom, S["cpi_yoy"].to_fraction(), year, end_month, "CPI"))
    return CpiChapter(rot, drift, up, ll, se, co, assumed)


def _rotation(inputs: Inputs, shares: Mapping[str, MacroSeries]) -> Rotation | None:
    S = inputs.series
    new = {c: float(s.observations().iloc[-1]) / 100 for c, s in shares.items() if len(s.observations())}
    last_obs: pd.Period = max(pindex(s.observations())[-1] for s in shares.values())
    base_year = last_obs.year - 5
    last = {}
    for c, s in shares.items():
        obs = s.observations()
        sel = obs[np.asarray(pindex(obs).year) == base_year]
        if len(sel):
            last[c] = float(sel.iloc[-1]) / 100
    if len(last) < len(new):
        return None
    current = {c: _latest_value(S[f"cpi_weight_{c}"]) / 100 for c in CPI_CATEGORIES if inputs.has(f"cpi_weight_{c}")}
    past: dict[str, dict[str, float]] = {}
    for c in CPI_CATEGORIES:
        if inputs.has(f"cpi_weight_{c}"):
            w = _rotation_weights(S[f"cpi_weight_{c}"])
            for p, v in w.diff().dropna().items():
                past.setdefault(str(cast(pd.Period, p).year), {})[c] = float(v) / 100
    names = {c: (CPI_COMPONENTS[c][0], CPI_COMPONENTS[c][1]) for c in CPI_CATEGORIES}
    return rotation(new, last, current=current or None, past=past or None, label=str(last_obs.year), names=names)


def _rotation_weights(s: MacroSeries) -> pd.Series:
    """The weights set at base rotations: observations dated in a rotation year (2011, 2016, 2021, 2026…)."""
    obs = s.observations()
    return obs[np.asarray(pindex(obs).year) % 5 == 1]


def _pork_drift(inputs: Inputs, month: pd.Period) -> PriceMethodDrift | None:
    """Pork weight drifting from the last rotation (weight dated in the rotation year) to ``month``."""
    if not inputs.has("cpi_weight_pork", "cpi_pork_mom"):
        return None
    S = inputs.series
    w = _rotation_weights(S["cpi_weight_pork"])
    w = w[np.asarray(pindex(w).year) <= month.year]
    if w.empty:
        return None
    base_year = int(pindex(w)[-1].year)
    base = pd.Period(f"{base_year - 1}-12", freq="M")
    span = pd.period_range(base + 1, month, freq="M")
    pm, cm = _mom(S["cpi_pork_mom"]).reindex(span), _mom(S["cpi_mom"]).reindex(span)
    if pm.isna().any() or cm.isna().any():
        return None
    lv = pd.DataFrame({"pork": T.chain(pm), "cpi": T.chain(cm)})
    lv.loc[base] = 100.0
    lv = lv.sort_index()
    res = price_method_drift(float(w.iloc[-1]) / 100, lv["pork"], lv["cpi"], base=base, name="Pork", name_zh="猪肉")
    return res if isinstance(res, PriceMethodDrift) else None


def _sow_lead(inputs: Inputs) -> LeadLag | NotComputable | None:
    S = inputs.series
    hog = S["hog_spot_price_index_zhuyi"].data
    names: dict[str, Any] = dict(x_name="breeding-sow inventory YoY", x_name_zh="能繁母猪存栏同比",
                 y_name="the hog price YoY", y_name_zh="生猪价格同比")
    if inputs.has("breeding_sow_inventory"):
        sow = S["breeding_sow_inventory"].data
        return lead_lag(T.yoy(sow), T.yoy(hog), max_lead=12, sign="negative", **names)
    if inputs.has("breeding_sow_inventory_q"):
        sow = S["breeding_sow_inventory_q"].data
        hq = hog.groupby(pindex(hog).asfreq("Q")).mean()
        hq.index = pd.PeriodIndex(hq.index, freq="Q")
        # a quarter counts only when all three months are observed
        n = hog.groupby(pindex(hog).asfreq("Q")).count()
        hq[n.to_numpy() < 3] = np.nan
        return lead_lag(T.yoy(sow), T.yoy(hq), max_lead=4, sign="negative", **names)
    return None


def _carry(mom: pd.Series, yoy: pd.Series, year: int, end_month: int,
           name: str) -> tuple[CarryoverReview, tuple[pd.Period, ...]]:
    """Carry-over review of ``year``; months after the last published one are assumed 0 (the seed's convention)."""
    last = mom.dropna().index[-1]
    assumed = tuple(p for p in pd.period_range(f"{year}-01", f"{year}-12", freq="M") if p > last)
    co = carryover_review(mom, yoy, year, name=name, assume={str(p): 0.0 for p in assumed})
    return co, assumed


def _guard(fn: Callable[[], tuple[CarryoverReview, tuple[pd.Period, ...]]],
           ) -> tuple[CarryoverReview | str, tuple[pd.Period, ...]]:
    """``fn()``, or the error text (and no assumed months) when the data do not allow it."""
    try:
        return fn()
    except MacrodeskError as exc:
        return str(exc), ()


# ---------------------------------------------------------------- 3. PPI outlook
def _ppi_outlook(inputs: Inputs, year: int, end_month: int, month: pd.Period) -> PpiChapter:
    S = inputs.series
    co: CarryoverReview | str | None = None
    assumed: tuple[pd.Period, ...] = ()
    if inputs.has("ppi_mom", "ppi_yoy"):
        co, assumed = _guard(lambda: _carry(_mom(S["ppi_mom"]), S["ppi_yoy"].to_fraction(), year, end_month, "PPI"))
    ll = None
    if inputs.has("m1_yoy", "ppi_yoy"):
        ll = lead_lag(S["m1_yoy"].to_fraction(), S["ppi_yoy"].to_fraction(), max_lead=18, sign="positive",
                      x_name="M1 YoY", x_name_zh="M1同比", y_name="PPI YoY", y_name_zh="PPI同比")
    pt = None
    if inputs.has("crb_spot_index", "ppi_yoy"):
        crb = T.yoy(T.to_monthly(S["crb_spot_index"].data))
        pt = pass_through(S["ppi_yoy"].to_fraction(), crb, start=PASSTHROUGH_START, end=month,
                          x_name="CRB spot index YoY", x_name_zh="CRB现货指数同比", y_name="PPI YoY", y_name_zh="PPI同比")
    ids = {c: i for c in INDUSTRIES if (i := inventory_ids(inputs, c)) is not None}
    data = {c: tuple([S[r].to_fraction(), S[v].to_fraction()] + ([S[lv].data] if lv else []))
            for c, (r, v, lv) in ids.items()}
    panel = None
    if data:
        panel = inventory_panel(data, names={c: INDUSTRIES[c][1] for c in data},
                                names_zh={c: INDUSTRIES[c][0] for c in data}, two_year=(2020, 2021))
    return PpiChapter(co, assumed, ll, pt, panel, tuple(data), tuple(ids.values()), _demand(inputs, month))


def _demand(inputs: Inputs, month: pd.Period) -> DemandReadings | None:
    """The latest readings of the series 3.4 charts (exhibits ``property_infra_fai`` and ``mlt_loans_mfg_fai``),
    named as the charts' legends name them."""
    S = inputs.series

    def read(ref: SeriesRef) -> Reading | None:
        if not inputs.has(ref.id):
            return None
        return latest_reading(S[ref.id].data, month, ref.label_en or ref.id, ref.label or ref.id)

    fai, mlt = exhibit("property_infra_fai").series, exhibit("mlt_loans_mfg_fai").series
    prop, infra, mfg = read(fai[0]), [r for r in map(read, fai[1:]) if r is not None], read(mlt[1])
    loans = loan_flow(S[mlt[0].id].data, month) if inputs.has(mlt[0].id) else None
    d = DemandReadings(prop, tuple(infra), mfg, loans)
    return None if d.empty else d


# ---------------------------------------------------------------- 3.3 factor model, scenarios, nowcasts
def _factor(inputs: Inputs, month: pd.Period) -> FactorOutcome | None:
    """PPI YoY on the YoY of coal, rebar, diesel (or crude oil) and copper since ``FACTOR_START``."""
    S = inputs.series
    if not inputs.has("ppi_yoy"):
        return None
    cols: dict[str, pd.Series] = {}
    names: dict[str, tuple[str, str]] = {}
    for f, (sid, zh, en) in _FACTORS.items():
        if f == "diesel" and not inputs.has(sid) and inputs.has(_OIL_FALLBACK[0]):
            sid, zh, en = _OIL_FALLBACK
            f = "oil"
        if inputs.has(sid):
            cols[f] = T.yoy(T.to_monthly(S[sid].data)) if S[sid].freq not in ("M",) else T.yoy(S[sid].data)
            names[f] = (zh, en)
    lacking = tuple(sid for f, (sid, _, _) in _FACTORS.items()
                    if not inputs.has(sid) and not (f == "diesel" and inputs.has("brent_usd")))
    if lacking:
        return FactorOutcome(None, lacking=lacking)
    y, x = S["ppi_yoy"].to_fraction(), pd.DataFrame(cols)
    res = cache.cached("outlook.factor", (y, x, FACTOR_START, month),
                       lambda: FactorModel(y, x).fit(start=FACTOR_START, end=month))
    if not res.computable:
        return FactorOutcome(None, failed=cast(NotComputable, res))
    return FactorOutcome(cast(FactorResult, res), names=names)


def _scenarios(inputs: Inputs, as_of: pd.Period) -> tuple[tuple[Any, Any], ...]:
    """The shipped CPI and PPI scenario files whose horizon is the year after ``as_of``, run at ``as_of``."""
    from macrodesk.scenarios import load_spec, run, shipped_files

    out: list[tuple[Any, Any]] = []
    for path in shipped_files():
        spec = load_spec(path)
        if spec.horizon[0].year != as_of.year + 1 or not inputs.has(spec.mom, spec.yoy):
            continue
        out.append((spec, cache.cached("outlook.scenario", (path, inputs.series, as_of),
                                       lambda: _run_scenario(run, spec, inputs, as_of))))
    return tuple(out)


def _run_scenario(run: Callable[..., Any], spec: Any, inputs: Inputs, as_of: pd.Period) -> Any:
    """The scenario result, or the error text that stopped it (cached alike)."""
    try:
        return run(spec, inputs.series, as_of)
    except MacrodeskError as exc:
        return str(exc)


def _nowcasts(inputs: Inputs, as_of: pd.Period,
              pending: "Mapping[str, Background[Any]] | None" = None) -> tuple[Any, ...]:
    """Real-time backtests of the bridge nowcasters over the last ``NOWCAST_MONTHS`` months with inputs.

    The window ends at ``as_of`` or at the last month all of the model's price inputs
    cover, whichever is earlier; a target whose inputs are absent is left out.
    ``pending`` holds each target's backtest started in the background
    (:func:`_start_nowcasts`); without it they are run here, one after the other.
    """
    results = []
    for target in NOWCAST_TARGETS:
        res = pending[target].result() if pending is not None else _nowcast(inputs, as_of, target)
        if res is not None:
            results.append(res)
    return tuple(results)


def _nowcast(inputs: Inputs, as_of: pd.Period, target: str) -> Any:
    """The backtest of one target's bridge nowcaster (see :func:`_nowcasts`); None when it is left out."""
    from macrodesk.models.nowcast import make_model

    model = make_model("bridge", target)
    ids = [i for i in model.series_ids() if i not in (model.target.yoy_id, model.target.mom_id)]
    present = [inputs.series[i] for i in ids if inputs.has(i)]
    if not inputs.has(model.target.yoy_id, model.target.mom_id) or not present:
        return None
    covered = min(pd.Period(s.observations().index[-1], freq="M") for s in present)
    end = min(as_of, covered)
    read = [model.series_ids(), model.target.consensus_id]
    read += [inputs.series[i] for i in (*model.series_ids(), model.target.consensus_id) if inputs.has(i)]
    start = end - (NOWCAST_MONTHS - 1)
    res = cache.cached("outlook.nowcast_backtest", ("bridge", target, start, end, *read),
                       lambda: model.backtest(inputs.series, start, end))
    return None if isinstance(res, NotComputable) else res


def _start_nowcasts(inputs: Inputs, as_of: pd.Period) -> dict[str, "Background[Any]"]:
    """Each target's backtest in a forked process of its own (inline when there is one process).

    A backtest that fails in its process is run again by :meth:`Background.result`, so an
    error is raised exactly as the serial loop of :func:`_nowcasts` raises it.
    """
    return {t: background(lambda t=t: _nowcast(inputs, as_of, t)) for t in NOWCAST_TARGETS}  # type: ignore[misc]


def _extensions(inputs: Inputs, as_of: pd.Period, month: pd.Period,
                nowcasts: "Mapping[str, Background[Any]] | None" = None) -> Extensions:
    factor = _chapter(_factor, inputs, month)
    scen = _scenarios(inputs, as_of)
    try:
        return Extensions(factor, scen, _nowcasts(inputs, as_of, nowcasts))
    except MacrodeskError as exc:
        return Extensions(factor, scen, (), str(exc))
    finally:
        for bg in (nowcasts or {}).values():
            bg.discard()  # a backtest after the one that raised: not wanted, as in the serial loop


# ---------------------------------------------------------------- all of it
def _chapter(fn: Callable[..., _R], *args: Any) -> _R | str:
    """``fn(*args)``; a MacrodeskError (unusable data) gives its text, which the report records in its notes."""
    try:
        return fn(*args)
    except MacrodeskError as exc:
        return str(exc)


def compute(inputs: Inputs, as_of: pd.Period) -> OutlookResults:
    """Every estimate of the ``inflation-outlook`` report from series cut at ``as_of``, language-free."""
    month = _mom(inputs.series["cpi_mom"]).dropna().index[-1]
    year, end_month = month.year, month.month
    # the nowcast backtests (the longest part) run in two more processes while the rest is estimated
    nowcasts = _start_nowcasts(inputs, as_of)
    # each chapter is guarded: data a model cannot use are reported, never fatal
    review = _chapter(_review, inputs, year, end_month)
    cpi = _chapter(_cpi_outlook, inputs, year, end_month, month)
    ppi = _chapter(_ppi_outlook, inputs, year, end_month, month)
    return OutlookResults(inputs, as_of, month, review, cpi, ppi, _extensions(inputs, as_of, month, nowcasts),
                          input_status(inputs, month, REQUIRED[0]))
