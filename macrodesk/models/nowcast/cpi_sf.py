"""CPI nowcast with a Spring-Festival-aware seasonal norm (model ``"sf"``).

The bridge model (:mod:`.bridge`) explains CPI MoM with wholesale food and fuel
prices plus a same-month mean of what they leave over. That mean ignores where
the Spring Festival fell: a February norm built from Februaries that held the
holiday is wrong for one that did not. Here the equation has the days of the
month before, during and after the holiday
(:func:`~macrodesk.models.nowcast.holiday.spring_festival_days`)::

    m_t = sum_i b_i d_i x_{i,t} + sum_w g_w s_{w,t} + a_{month(t)} + e_t

(fractions; ``x`` the like-for-like log changes of the inputs, ``d`` the basket
weight drift, ``s_w`` the share of the month's days in window ``w``: pre-holiday
shopping, the holiday week, the post-holiday weeks, whose coefficient carries the
reversal of services prices after the holiday). The seasonal norm ``a`` of the
target's calendar month is the mean over the last ``norm_years`` same months of
what is left after the inputs *and the holiday terms*: a February's norm is its
usual level for the days it holds before/after the festival, not the mean of past
Februaries.

With ``SFSpec(split=True)`` the model has one such equation for food
(``cpi_food_mom``) and one for non-food (``cpi_nonfood_mom``), each with its own
norm and holiday terms, aggregated as ``cpi = w food + (1 - w) nonfood`` with the
least-squares weight ``w`` of the last ``weight_months`` published months (so it
follows the basket rotations without a hand-typed table). On the 2015–2022
real-time backtest the split scored worse than one equation on headline CPI
(MAE 0.174 against 0.160 pp), so the default is the one equation; the split also
falls back to it where a block's history is missing.

Model ``"sfg"`` (:class:`SFGroupNowcaster`) is the split whose non-food norm is built
bottom-up: each of the seven non-food groups (``NONFOOD_GROUPS``, published MoM from
1995 or 2016) gets its own Spring-Festival-aware same-month norm (holiday terms and
calendar months fitted on its last ``group_years`` years), the norms are weighted by the
non-negative least-squares weights of non-food MoM on the groups' MoM over the last
``group_weight_months`` published months, and the mean same-month contribution of the
block's inputs is taken off (the groups' norms already hold the usual fuel and gold
moves). Real-time 2015–2022 (printed, rounded to 0.1): MAE 0.173 alone; as a third
member of the ``evidence`` combination 0.150 against 0.155 without it, but 0.163 with a
24-month and 0.156 with a 60-month weight window, so the gain is not robust and the
default keeps its two members.

The figures above were measured before the wholesale food prices' window cut
(:data:`~macrodesk.models.nowcast.data.WINDOW_CUTS`); with it the one-equation ``sf``
scores 0.154 and the default ``evidence`` 0.149 over 2015–2022.

Estimation at each origin uses only months released by then: the last
``years`` years (ridge regression; the inputs' priors are basket weight x
pass-through as in :data:`~macrodesk.models.nowcast.bridge.CPI_BRIDGE`; the holiday
and calendar-month terms lean on a first fit of the target on its own history
net of the priors, worth ``seasonal_prior_years`` years of data).

Fuel: the store holds the NBS 10-day wholesale prices of gasoline and diesel
(``gasoline_92_cny``, ``diesel_0_cny``). The NDRC's announced maximum retail
prices are a *known* input for the month (each adjustment is announced before it
takes effect); when imported as ``gasoline_retail_max_cny`` /
``diesel_retail_max_cny`` (price after each adjustment, dated on the day it takes
effect) the month's day-weighted mean of that step function is used instead of
the wholesale prices. The bundled sample has no such series.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import ClassVar

import numpy as np
import pandas as pd

from macrodesk.exceptions import ModelError
from macrodesk.models._base import NotComputable, ResultsMixin
from macrodesk.models.nowcast.base import (
    _ANCHOR_ROUNDING_VAR,
    Nowcast,
    TargetSpec,
    anchor_of,
    contributions_frame,
)
from macrodesk.models.nowcast.bridge import BridgeInput, input_matrix, ridge_prior
from macrodesk.models.nowcast.data import InfoSet
from macrodesk.models.nowcast.holiday import SF_WINDOWS, spring_festival_days
from macrodesk.models.nowcast.nowcaster import Nowcaster
from macrodesk.models.nowcast.ppi_groups import group_weights

__all__ = [
    "SFBlock",
    "SFSpec",
    "CPI_SF",
    "RETAIL_FUEL",
    "SFFit",
    "SFNowcaster",
    "SFGroupNowcaster",
    "CPI_SF_GROUPS",
    "NONFOOD_GROUPS",
    "step_month_mean",
]

#: Announced retail fuel prices (NDRC maximum retail price after each adjustment, dated on the
#: day it takes effect) → the wholesale series they replace when present.
RETAIL_FUEL: dict[str, str] = {
    "gasoline_retail_max_cny": "gasoline_92_cny",
    "diesel_retail_max_cny": "diesel_0_cny",
}


@dataclass(frozen=True)
class SFBlock:
    """One equation of the model: the block's published MoM id and its inputs."""

    key: str
    mom_id: str
    inputs: tuple[BridgeInput, ...]
    windows: tuple[tuple[str, int, int], ...] = SF_WINDOWS
    years: int = 12
    prior_months: float = 60.0
    seasonal_prior_years: float = 2.0
    min_obs: int = 12
    min_rows: int = 24
    norm_years: int | None = 5
    min_weight_rows: int = 18
    groups: tuple[str, ...] = ()
    group_years: int = 12
    group_weight_months: int = 36


#: The seven non-food CPI groups (published MoM, percent): the bottom-up norm of the non-food block.
NONFOOD_GROUPS: tuple[str, ...] = (
    "cpi_clothing_mom", "cpi_housing_mom", "cpi_household_goods_services_mom", "cpi_transport_comm_mom",
    "cpi_edu_culture_mom", "cpi_healthcare_mom", "cpi_other_goods_services_mom",
)


_FOOD_INPUTS = (
    BridgeInput("pork_wholesale_cny", 0.10, True, name_zh="猪肉批发价", name_en="Pork (wholesale)"),
    BridgeInput("vegetables28_wholesale_cny", 0.10, True, name_zh="28种蔬菜批发价", name_en="28 vegetables (wholesale)"),
    BridgeInput("fruits6_wholesale_cny", 0.05, True, name_zh="6种水果批发价", name_en="6 fruits (wholesale)"),
    BridgeInput("egg_wholesale_cny", 0.03, True, name_zh="鸡蛋批发价", name_en="Eggs (wholesale)"),
    BridgeInput("beef_wholesale_cny", 0.025, True, name_zh="牛肉批发价", name_en="Beef (wholesale)"),
)
_FUEL_INPUTS = (
    BridgeInput("gasoline_92_cny", 0.006, True, name_zh="92号汽油", name_en="Gasoline 92#"),
    BridgeInput("diesel_0_cny", 0.006, True, name_zh="0号柴油", name_en="Diesel 0#"),
)
_RETAIL_INPUTS = (
    BridgeInput("gasoline_retail_max_cny", 0.02, True, name_zh="汽油最高零售价", name_en="Gasoline retail (NDRC)"),
    BridgeInput("diesel_retail_max_cny", 0.005, True, name_zh="柴油最高零售价", name_en="Diesel retail (NDRC)"),
)
_GOLD = BridgeInput("gold_comex_usd", 0.002, False, name_zh="COMEX黄金", name_en="COMEX gold")


@dataclass(frozen=True)
class SFSpec:
    """The blocks (food, non-food), the fallback one-equation model and the weight window."""

    blocks: tuple[SFBlock, ...]
    headline: SFBlock
    weight_months: int = 36
    min_weight_months: int = 12
    split: bool = False


#: The headline equation keeps the default prior (60 months) and 5-year norm: a prior worth 120 months
#: with an 8-year norm lowers this member's 2015-2022 MAE (0.160 -> 0.155) but raises the default
#: ``evidence`` combination's (0.155 -> 0.157) over the same tuning years, so it is not used.
#: Priors are per block (MoM pp of the block per 1 pp of the input): food ~ 20% of the basket,
#: so pork's ~2% of CPI at 0.8 pass-through is ~0.10 of the food index; fuel ~ 2.5% of non-food
#: at half pass-through; gold jewellery a few tenths of a percent of non-food.
CPI_SF = SFSpec(
    blocks=(
        SFBlock("food", "cpi_food_mom", _FOOD_INPUTS),
        SFBlock("nonfood", "cpi_nonfood_mom", _FUEL_INPUTS + _RETAIL_INPUTS + (_GOLD,)),
    ),
    headline=SFBlock(
        "headline", "cpi_mom",
        tuple(BridgeInput(i.id, i.prior * 0.2, i.drift, i.alternatives, i.name_zh, i.name_en) for i in _FOOD_INPUTS)
        + tuple(BridgeInput(i.id, i.prior * 0.8, i.drift, i.alternatives, i.name_zh, i.name_en)
                for i in _FUEL_INPUTS + _RETAIL_INPUTS + (_GOLD,)),
    ),
)


#: The split model with a bottom-up non-food norm from the seven groups (model ``"sfg"``).
CPI_SF_GROUPS = SFSpec(
    blocks=(
        CPI_SF.blocks[0],
        SFBlock("nonfood", "cpi_nonfood_mom", CPI_SF.blocks[1].inputs, groups=NONFOOD_GROUPS),
    ),
    headline=CPI_SF.headline,
    split=True,
)


# ---------------------------------------------------------------- the known retail fuel input
def step_month_mean(levels: pd.Series, months: pd.PeriodIndex, as_of: pd.Timestamp) -> pd.Series:
    """Day-weighted monthly mean of a price that changes by announced steps.

    ``levels`` is the price after each adjustment, dated on the day it takes
    effect (adjustments announced by ``as_of``, so the series is already cut).
    Each day carries the latest price in force; days after ``as_of`` keep the
    price in force on ``as_of`` (the next adjustment is not known yet). A month
    before the first adjustment is NaN.
    """
    s = levels.dropna().sort_index()
    out = pd.Series(np.nan, index=months, dtype=float)
    if len(s) == 0 or len(months) == 0:
        return out
    days = pd.date_range(months[0].start_time, months[-1].end_time.normalize(), freq="D")
    daily = s.reindex(s.index.union(days)).ffill().reindex(days)
    daily[days < s.index[0]] = np.nan
    by_month = daily.groupby(days.to_period("M")).mean()
    first_full = pd.Period(s.index[0], freq="M") + (0 if s.index[0].day == 1 else 1)
    by_month[by_month.index < first_full] = np.nan
    return by_month.reindex(months)


def _retail_changes(info: InfoSet, months: pd.PeriodIndex) -> dict[str, pd.Series]:
    """``ln(mean_m / mean_{m-1})`` of the announced retail fuel prices present in ``info``."""
    out: dict[str, pd.Series] = {}
    for sid in RETAIL_FUEL:
        if not info.has(sid):
            continue
        s = info.series[sid]
        if s.freq not in ("D", "W", "X"):
            raise ModelError(f"'{sid}' must be dated (the price after each adjustment on the day it takes effect); "
                             f"got frequency {s.freq}")
        ext = pd.period_range(months[0] - 1, months[-1], freq="M")
        mean = step_month_mean(s.data, ext, info.as_of)
        with np.errstate(invalid="ignore", divide="ignore"):
            x = np.log(mean).diff()
        out[sid] = x.reindex(months)
    return out


# ---------------------------------------------------------------- one block
@dataclass(frozen=True)
class _BlockFit:
    key: str
    terms: pd.DataFrame  # index term; columns value, coef, mom (fractions)
    raw_change: pd.Series
    sigma: float
    n_obs: int
    sample: tuple[pd.Period, pd.Period]
    missing: tuple[str, ...]

    @property
    def mom(self) -> float:
        return float(self.terms["mom"].sum())


def _fit_block(block: SFBlock, info: InfoSet) -> _BlockFit | str:
    """Fit one block at ``info``; a string says why it cannot be fitted."""
    t = info.month
    if not info.has(block.mom_id):
        return f"'{block.mom_id}' is not in the data"
    y_all = info.series[block.mom_id].to_fraction()
    y_obs = y_all.dropna()
    if len(y_obs) == 0 or y_obs.index[-1] < t - 1:
        return f"'{block.mom_id}' of {t - 1} is not published"
    idx = pd.period_range(y_obs.index[0], t, freq="M")
    y = y_all.reindex(idx)
    y.loc[t] = np.nan  # type: ignore[call-overload]  # a Period label (pandas-stubs)
    retail = _retail_changes(info, idx)
    replaced = {RETAIL_FUEL[k] for k in retail}
    inputs = tuple(i for i in block.inputs if i.id not in replaced and i.id not in RETAIL_FUEL)
    X, raw, _res, absent = input_matrix(info, inputs)
    X, raw = X.reindex(idx), raw.reindex(idx)
    for sid, x in retail.items():
        X[sid] = x.to_numpy()
        raw[sid] = x.to_numpy()
    priors = {i.id: i.prior for i in block.inputs}
    train = idx[:-1]
    win = train[-block.years * 12:]
    usable, missing = [], list(absent)
    for c in X.columns:
        ok = X[c].loc[win].notna() & y.loc[win].notna()
        if np.isfinite(float(X[c].get(t, np.nan))) and int(ok.sum()) >= block.min_obs:
            usable.append(c)
        else:
            missing.append(c)
    S = spring_festival_days(idx, block.windows)
    months = np.asarray(idx.month)
    dummies = pd.DataFrame(np.eye(12)[months - 1], index=idx, columns=[f"month_{m}" for m in range(1, 13)])
    # 1. the holiday and calendar-month terms on the block's own history (a prior for step 2)
    long_rows = win[y.loc[win].notna().to_numpy()]
    if len(long_rows) < block.min_rows:
        return f"only {len(long_rows)} months of '{block.mom_id}' before {t} (need {block.min_rows})"
    Z = pd.concat([S, dummies], axis=1)
    x_prior = X[usable].fillna(0.0).to_numpy(float) @ np.array([priors[c] for c in usable]) if usable else 0.0
    y_net = y.to_numpy(float) - (x_prior if usable else 0.0)
    zl = Z.loc[long_rows].to_numpy(float)
    zc, *_ = np.linalg.lstsq(zl, y_net[idx.get_indexer(long_rows)], rcond=None)
    # 2. the block on the months with every usable input, priors from step 1
    rows = long_rows[X[usable].loc[long_rows].notna().all(axis=1).to_numpy()] if usable else long_rows
    if len(rows) < 12:
        return f"only {len(rows)} months with '{block.mom_id}' and its inputs observed before {t}"
    D = pd.concat([X[usable], Z], axis=1)
    Xs = D.loc[rows].to_numpy(float)
    ys = y.loc[rows].to_numpy(float)
    k = len(usable)
    pm = np.concatenate([[priors[c] for c in usable], zc])
    var_x = Xs[:, :k].var(axis=0) if k else np.zeros(0)
    strength = block.seasonal_prior_years * 12.0
    var_z = np.maximum(zl.var(axis=0), 1e-6) if len(S.columns) else np.zeros(0)
    prec = np.concatenate([block.prior_months * var_x, strength * var_z[: len(S.columns)],
                           np.full(12, block.seasonal_prior_years)])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        beta = ridge_prior(Xs, ys, pm, prec)
    if not np.all(np.isfinite(beta)):
        return "the regression could not be solved (degenerate design)"
    resid = ys - Xs @ beta
    dof = len(ys) - Xs.shape[1]
    sigma = float(np.sqrt(resid @ resid / (dof if dof >= 5 else len(ys))))
    xt = D.loc[[t]].to_numpy(float)[0]
    names = list(D.columns)
    contrib = beta * xt
    terms = pd.DataFrame({"value": xt, "coef": beta, "mom": contrib}, index=pd.Index(names, name="term"))
    seasonal = float(terms.loc[[f"month_{m}" for m in range(1, 13)], "mom"].sum())
    if block.norm_years:
        nk = k + len(S.columns)
        rest = pd.Series(ys - Xs[:, :nk] @ beta[:nk], index=rows)
        same = rest[np.asarray(rows.month) == t.month]
        if len(same):
            seasonal = float(same.iloc[-block.norm_years:].mean())
    if block.groups:
        bottom_up = _group_norm(block, info, t)
        if isinstance(bottom_up, str):
            return bottom_up
        inp = pd.Series(Xs[:, :k] @ beta[:k], index=rows)
        same_inp = inp[np.asarray(rows.month) == t.month].iloc[-(block.norm_years or 5):]
        seasonal = bottom_up - (float(same_inp.mean()) if len(same_inp) else 0.0)
        terms.loc[list(S.columns), ["coef", "mom"]] = 0.0  # the holiday is in the groups' norms
    terms = terms.drop(index=[f"month_{m}" for m in range(1, 13)])
    terms.loc["seasonal"] = [np.nan, np.nan, seasonal]
    raw_t = pd.Series(raw.loc[[t]].to_numpy(float)[0], index=raw.columns).reindex(terms.index) \
        if len(raw.columns) else pd.Series(np.nan, index=terms.index)
    for c in usable:
        rc = float(raw_t.get(c, np.nan))
        if np.isfinite(rc) and rc != 0:
            terms.at[str(c), "coef"] = float(terms["mom"].to_numpy()[list(terms.index).index(c)]) / rc
    for c in S.columns:
        raw_t[c] = terms.at[c, "value"]
    return _BlockFit(block.key, terms, raw_t, sigma, len(rows), (rows[0], rows[-1]), tuple(missing))


def _group_norm(block: SFBlock, info: InfoSet, t: pd.Period) -> float | str:
    """``sum_g w_g N_g(t)``: each group's Spring-Festival-aware same-month norm, weighted by the
    non-negative least-squares weights of the block's MoM on the groups' MoM over the last published months."""
    y = info.series[block.mom_id].to_fraction().loc[: t - 1].dropna() if info.has(block.mom_id) else None
    if y is None:
        return f"'{block.mom_id}' is not in the data"
    wmonths = pd.period_range(t - block.group_weight_months, t - 1, freq="M")
    hist: dict[str, pd.Series] = {}
    for g in block.groups:
        if info.has(g):
            h = info.series[g].to_fraction().loc[: t - 1].dropna()
            if h.reindex(wmonths).notna().all() and len(h) >= block.min_rows:
                hist[g] = h
    if not hist:
        return "no non-food group MoM is published over the weight window"
    gx = pd.DataFrame({g: h.reindex(wmonths) for g, h in hist.items()})
    yw = y.reindex(wmonths)
    ok = yw.notna().to_numpy()
    if int(ok.sum()) < max(block.min_weight_rows, len(hist) + 6):
        return f"only {int(ok.sum())} months with '{block.mom_id}' and its groups published before {t}"
    w = group_weights(yw.to_numpy(float)[ok], gx.to_numpy(float)[ok])
    total = 0.0
    for wg, (g, h) in zip(w, hist.items()):
        h = h.loc[t - block.group_years * 12:]
        idx = pd.PeriodIndex(h.index, freq="M")
        S = spring_festival_days(pd.PeriodIndex(list(idx) + [t], freq="M"), block.windows)
        months = np.asarray(idx.month)
        Z = np.hstack([S.to_numpy(float)[:-1], np.eye(12)[months - 1]])
        b, *_ = np.linalg.lstsq(Z, h.to_numpy(float), rcond=None)
        ns = len(S.columns)
        rest = h.to_numpy(float) - Z[:, :ns] @ b[:ns]
        same = rest[months == t.month][-(block.norm_years or 5):]
        if len(same) == 0:
            return f"'{g}' has no {t.month:02d} month before {t}"
        total += float(wg) * (float(same.mean()) + float(S.to_numpy(float)[-1] @ b[:ns]))
    return total


def _food_weight(info: InfoSet, spec: SFSpec, target: TargetSpec) -> float | str:
    """``w`` of ``cpi - nonfood = w (food - nonfood)`` over the last published months."""
    ids = [target.mom_id] + [b.mom_id for b in spec.blocks]
    if not all(info.has(i) for i in ids):
        return "the food/non-food split is not in the data"
    df = pd.concat([info.series[i].to_fraction() for i in ids], axis=1, keys=ids).dropna()
    df = df.loc[: info.month - 1].iloc[-spec.weight_months:]
    if len(df) < spec.min_weight_months:
        return f"only {len(df)} months with CPI, food and non-food MoM published"
    a = (df[ids[1]] - df[ids[2]]).to_numpy()
    b = (df[ids[0]] - df[ids[2]]).to_numpy()
    if float(a @ a) == 0:
        return "food and non-food MoM coincide over the window"
    w = float(a @ b / (a @ a))
    return float(np.clip(w, 0.05, 0.5))


# ---------------------------------------------------------------- the fit and the model
@dataclass(frozen=True, eq=False)
class SFFit(ResultsMixin):
    """The blocks fitted at one origin and their weights; :meth:`predict` gives the nowcast."""

    target: TargetSpec
    month: pd.Period
    as_of: pd.Timestamp
    blocks: tuple[_BlockFit, ...]
    weights: tuple[float, ...]
    anchor_yoy: float
    base_mom: float
    reconciled: tuple[pd.Period, ...] = ()
    notes: tuple[str, ...] = ()
    model: str = "sf"
    computable: ClassVar[bool] = True
    name: ClassVar[str] = "sf"

    @property
    def mom(self) -> float:
        return float(sum(w * b.mom for w, b in zip(self.weights, self.blocks)))

    def to_frame(self) -> pd.DataFrame:
        """Every block's terms (fractions) with the block and its weight."""
        parts = []
        for w, b in zip(self.weights, self.blocks):
            f = b.terms.copy()
            f.insert(0, "block", b.key)
            f["weight"] = w
            parts.append(f)
        return pd.concat(parts)

    def predict(self) -> Nowcast:
        scale = (1.0 + self.anchor_yoy) / (1.0 + self.base_mom)
        names, change, coef, mom = [], [], [], []
        agg: dict[str, list[float]] = {}
        for w, b in zip(self.weights, self.blocks):
            for term, r in b.terms.iterrows():
                key = str(term) if len(self.blocks) == 1 or not str(term).startswith(("sf_", "seasonal")) \
                    else f"{b.key}_{term}"
                if key in agg:  # an input in two blocks (never by default): add up
                    agg[key][2] += w * float(r["mom"])
                    continue
                agg[key] = [float(b.raw_change.get(term, np.nan)), float(r["coef"]) * w, w * float(r["mom"])]
        for k, (ch, cf, m) in agg.items():
            names.append(k)
            change.append(ch)
            coef.append(cf)
            mom.append(m)
        contrib = contributions_frame(names, change, coef, mom, scale)
        sigma_mom = float(np.sqrt(sum((w * b.sigma) ** 2 for w, b in zip(self.weights, self.blocks))))
        sigma = float(np.sqrt(scale**2 * sigma_mom**2 + _ANCHOR_ROUNDING_VAR))
        missing = tuple(dict.fromkeys(m for b in self.blocks for m in b.missing))
        return Nowcast(
            self.target, self.model, self.month, self.as_of, self.mom, self.anchor_yoy, self.base_mom, sigma,
            contributions=contrib, missing_inputs=missing, reconciled=self.reconciled,
            notes=self.notes,
        )


class SFNowcaster(Nowcaster):
    """CPI nowcast with Spring-Festival-aware norms by food and non-food (CPI only)."""

    name: ClassVar[str] = "sf"

    def __init__(self, target: str | TargetSpec = "cpi_yoy", spec: SFSpec | None = None) -> None:
        super().__init__(target)
        if self.target.key != "cpi":
            raise ModelError(f"the Spring Festival model nowcasts CPI only; got {self.target.yoy_id}")
        self.spec = spec or CPI_SF

    def series_ids(self) -> tuple[str, ...]:
        ids = [self.target.yoy_id, self.target.mom_id]
        for b in (*self.spec.blocks, self.spec.headline):
            ids.append(b.mom_id)
            for i in b.inputs:
                ids.extend((i.id, *i.alternatives))
        return tuple(dict.fromkeys(ids))

    def fit(self, info: InfoSet) -> SFFit | NotComputable:
        what = f"Spring Festival nowcast of {self.target.yoy_id} for {info.month}"
        try:
            hist = info.target(self.target.yoy_id, self.target.mom_id)
            anchor, base = anchor_of(hist, info.month, what)
        except ModelError as exc:
            return NotComputable(what, str(exc), f"{self.target.name_zh}{info.month}春节调整预测")
        w = _food_weight(info, self.spec, self.target) if self.spec.split else "the split is switched off"
        fits = [_fit_block(b, info) for b in self.spec.blocks] if not isinstance(w, str) else []
        notes: tuple[str, ...] = ()
        if isinstance(w, str) or any(isinstance(f, str) for f in fits):
            why = w if isinstance(w, str) else next(f for f in fits if isinstance(f, str))
            head = _fit_block(self.spec.headline, info)
            if isinstance(head, str):
                return NotComputable(what, head, f"{self.target.name_zh}{info.month}春节调整预测")
            return SFFit(self.target, info.month, info.as_of, (head,), (1.0,), anchor, base, hist.reconciled,
                         (f"one equation on headline CPI: {why}",), self.name)
        blocks = tuple(f for f in fits if not isinstance(f, str))
        return SFFit(self.target, info.month, info.as_of, blocks, (float(w), 1.0 - float(w)), anchor, base,
                     hist.reconciled, notes, self.name)


class SFGroupNowcaster(SFNowcaster):
    """The split Spring Festival model whose non-food norm is built bottom-up from the seven groups."""

    name: ClassVar[str] = "sfg"

    def __init__(self, target: str | TargetSpec = "cpi_yoy", spec: SFSpec | None = None) -> None:
        super().__init__(target, spec or CPI_SF_GROUPS)

    def series_ids(self) -> tuple[str, ...]:
        groups = tuple(g for b in self.spec.blocks for g in b.groups)
        return tuple(dict.fromkeys((*super().series_ids(), *groups)))
