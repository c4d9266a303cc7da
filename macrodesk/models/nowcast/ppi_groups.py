"""Bottom-up PPI nowcast by major group (model ``"groups"``).

NBS publishes the YoY of the four major groups every month (mining, raw
materials, processing, consumer goods) but their MoM only in some releases, so
each group is modelled in the change of its log YoY, which is its MoM net of the
base month's (fractions)::

    D_{g,t} = ln(1 + y_{g,t}) - ln(1 + y_{g,t-1}) = ln(1 + m_{g,t}) - ln(1 + m_{g,t-12})

and explained by the same difference of its input prices (coal, steel,
non-ferrous metals, crude and oil products, the Nanhua industrial index as the
chemicals proxy, the MOFCOM means-of-production index; like-for-like log changes
``x_{i,t}`` from :meth:`~macrodesk.models.nowcast.data.InfoSet.input_change`)::

    D_{g,t} = c_g + phi_g D_{g,t-1} + sum_i b_{g,i} (x_{i,t} - x_{i,t-12}) + e_{g,t}

Pass-through may drift: at each origin the equation is estimated by weighted
least squares on the months released by then, with weights halving every
``half_life`` months (a recursive estimate with forgetting), and a light ridge
(``ridge``) keeps it solvable with few months. The headline is the weighted sum
of the groups, ``D_t = sum_g w_g D_{g,t}``, with ``w`` the non-negative least-squares
weights of the last ``weight_months`` published months (the groups' value
shares, read off the published data at the origin). Then
``ln(1 + y_t) = ln(1 + y_{t-1}) + D_t``.

No single point of failure: an input missing at the origin drops out of its
groups' equations (listed in ``missing_inputs``), and a group whose YoY of
``t-1`` is not published drops out of the aggregation (the weights are re-estimated
on the remaining groups).
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
from macrodesk.models.nowcast.nowcaster import Nowcaster

__all__ = ["PPIGroup", "PPIGroupSpec", "PPI_GROUPS", "PPIGroupFit", "PPIGroupNowcaster", "group_weights"]

_I = {
    "coal": BridgeInput("thermal_coal_qhd_q5500_cny", name_zh="秦皇岛动力煤", name_en="Thermal coal (QHD 5500)"),
    "brent": BridgeInput("brent_usd", alternatives=("brent_dtd_usd",), name_zh="布伦特原油", name_en="Brent crude"),
    "diesel": BridgeInput("diesel_0_cny", name_zh="0号柴油", name_en="Diesel 0#"),
    "rebar": BridgeInput("rebar_hrb_25mm_cny", name_zh="螺纹钢", name_en="Rebar"),
    "copper": BridgeInput("copper_lme_usd", name_zh="LME铜", name_en="LME copper"),
    "aluminium": BridgeInput("aluminium_lme_usd", name_zh="LME铝", name_en="LME aluminium"),
    "nanhua": BridgeInput("nanhua_industrial_index", name_zh="南华工业品指数", name_en="Nanhua industrials"),
    "cement": BridgeInput("cement_price_index", name_zh="水泥价格指数", name_en="Cement price index"),
    "mofcom": BridgeInput("means_of_production_price_index_weekly", name_zh="商务部生产资料价格指数",
                          name_en="MOFCOM means of production"),
}


@dataclass(frozen=True)
class PPIGroup:
    """One major group: its published YoY id and its input prices."""

    key: str
    yoy_id: str
    inputs: tuple[BridgeInput, ...]
    name_zh: str = ""
    name_en: str = ""


@dataclass(frozen=True)
class PPIGroupSpec:
    """The groups and the estimation settings (see the module docstring)."""

    groups: tuple[PPIGroup, ...]
    half_life: float = 60.0
    ridge: float = 1.0
    min_rows: int = 24
    min_obs: int = 24
    weight_months: int = 48
    min_weight_months: int = 24
    headline_terms: bool = False

    def __post_init__(self) -> None:
        if self.half_life <= 0 or self.ridge < 0:
            raise ModelError(f"half_life must be > 0 and ridge >= 0; got {self.half_life}, {self.ridge}")


#: The four major groups of NBS' PPI and the prices that lead them.
PPI_GROUPS = PPIGroupSpec(
    groups=(
        PPIGroup("mining", "ppi_mining_index", tuple(_I[k] for k in ("coal", "brent", "rebar", "nanhua", "mofcom")),
                 "采掘工业", "Mining"),
        PPIGroup("raw_materials", "ppi_raw_materials_yoy",
                 tuple(_I[k] for k in ("coal", "brent", "diesel", "rebar", "copper", "aluminium", "nanhua", "mofcom")),
                 "原材料工业", "Raw materials"),
        PPIGroup("processing", "ppi_processing_yoy",
                 tuple(_I[k] for k in ("coal", "rebar", "copper", "aluminium", "nanhua", "cement", "mofcom")),
                 "加工工业", "Processing"),
        PPIGroup("consumer_goods", "ppi_consumer_goods_yoy", tuple(_I[k] for k in ("brent", "nanhua", "mofcom")),
                 "生活资料", "Consumer goods"),
    ),
)


def group_weights(headline: np.ndarray, groups: np.ndarray) -> np.ndarray:
    """Non-negative least-squares weights of ``headline ≈ groups @ w`` (columns = groups).

    Exact for a handful of groups: the NNLS solution is the unconstrained least
    squares on some subset of the columns, non-negative there; every subset is tried
    and the feasible one with the smallest residual kept.
    """
    from itertools import combinations

    A = np.asarray(groups, float)
    b = np.asarray(headline, float)
    k = A.shape[1]
    if k > 10:
        raise ModelError(f"group_weights handles up to 10 groups; got {k}")
    best_w, best_r = np.zeros(k), float(b @ b)
    for size in range(1, k + 1):
        for cols in combinations(range(k), size):
            sub, *_ = np.linalg.lstsq(A[:, cols], b, rcond=None)
            if np.all(sub >= 0):
                w = np.zeros(k)
                w[list(cols)] = sub
                r = b - A @ w
                if float(r @ r) < best_r - 1e-15:
                    best_w, best_r = w, float(r @ r)
    return best_w


def _dlog_yoy(info: InfoSet, sid: str) -> pd.Series:
    y = info.series[sid].to_fraction()
    out: pd.Series = np.log1p(y).diff()
    return out


@dataclass(frozen=True)
class _GroupFit:
    key: str
    terms: pd.DataFrame  # index term; columns value, coef, d (contribution to D_g, log fraction)
    sigma: float
    n_obs: int
    missing: tuple[str, ...]

    @property
    def d(self) -> float:
        return float(self.terms["d"].sum())


def _fit_group(group: PPIGroup, spec: PPIGroupSpec, info: InfoSet, X_all: pd.DataFrame,
               head_mom: pd.Series, D_all: pd.Series | None = None) -> _GroupFit | str:
    t = info.month
    if D_all is None:
        if not info.has(group.yoy_id):
            return f"'{group.yoy_id}' is not in the data"
        D_all = _dlog_yoy(info, group.yoy_id)
    obs = D_all.dropna()
    if len(obs) == 0 or obs.index[-1] < t - 1:
        return f"the YoY of {t - 1} of '{group.yoy_id}' is not published"
    idx = pd.period_range(obs.index[0], t, freq="M")
    n = len(idx)
    d = D_all.reindex(idx).to_numpy(float).copy()
    d[-1] = np.nan
    cols = [i.id for i in group.inputs if i.id in X_all.columns]
    absent = [i.id for i in group.inputs if i.id not in X_all.columns]
    xa = X_all[cols].reindex(pd.period_range(idx[0] - 12, t, freq="M")).to_numpy(float)
    z = xa[12:] - xa[:-12]  # x_m - x_{m-12} on idx
    d_ok = np.isfinite(d[:-1])
    usable: list[str] = []
    missing = list(absent)
    keep: list[int] = []
    for j, c in enumerate(cols):
        ok = np.isfinite(z[:-1, j]) & d_ok
        if np.isfinite(z[-1, j]) and int(ok.sum()) >= spec.min_obs:
            usable.append(c)
            keep.append(j)
        else:
            missing.append(c)
    names = usable + ["momentum"]
    parts = [z[:, keep], np.concatenate([[np.nan], d[:-1]])[:, None]]
    if spec.headline_terms:
        hm = head_mom.reindex(pd.period_range(idx[0] - 12, t, freq="M")).to_numpy(float)
        parts.append(hm[11:-1][:, None])  # headline MoM of m-1
        parts.append(hm[:-12][:, None])  # headline MoM of m-12
        names += ["headline_mom_lag1", "base_mom"]
    parts.append(np.ones((n, 1)))
    names.append("constant")
    M = np.hstack(parts)
    rows = np.flatnonzero(np.isfinite(M[:-1]).all(axis=1) & d_ok)
    if len(rows) < spec.min_rows:
        return f"only {len(rows)} months with '{group.yoy_id}' and its inputs before {t} (need {spec.min_rows})"
    if not np.isfinite(M[-1, len(usable)]):
        return f"the YoY change of {t - 1} of '{group.yoy_id}' is missing"
    age = (n - 1 - rows).astype(float)
    sw = np.sqrt(0.5 ** (age / spec.half_life))
    Xs = M[rows]
    ys = d[rows]
    scale = Xs.std(axis=0)
    prec = np.where(scale > 0, spec.ridge * scale**2, 0.0)
    prec[-1] = 0.0  # the constant is free
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        beta = ridge_prior(Xs * sw[:, None], ys * sw, np.zeros(Xs.shape[1]), prec)
    if not np.all(np.isfinite(beta)):
        return "the regression could not be solved (degenerate design)"
    resid = ys - Xs @ beta
    wts = sw**2
    sigma = float(np.sqrt(np.sum(wts * resid**2) / np.sum(wts)))
    xt = M[-1]
    terms = pd.DataFrame({"value": xt, "coef": beta, "d": beta * xt}, index=pd.Index(names, name="term"))
    return _GroupFit(group.key, terms, sigma, len(rows), tuple(missing))


@dataclass(frozen=True, eq=False)
class PPIGroupFit(ResultsMixin):
    """The group equations at one origin and their aggregation weights."""

    target: TargetSpec
    month: pd.Period
    as_of: pd.Timestamp
    groups: tuple[_GroupFit, ...]
    weights: tuple[float, ...]
    anchor_yoy: float
    base_mom: float
    sigma_d: float
    missing_groups: tuple[str, ...] = ()
    reconciled: tuple[pd.Period, ...] = ()
    computable: ClassVar[bool] = True
    name: ClassVar[str] = "groups"

    @property
    def d(self) -> float:
        """The headline's ``D_t`` (change of the log YoY)."""
        return float(sum(w * g.d for w, g in zip(self.weights, self.groups)))

    @property
    def yoy(self) -> float:
        return float(np.expm1(np.log1p(self.anchor_yoy) + self.d))

    def to_frame(self) -> pd.DataFrame:
        """Each group's nowcast change of log YoY (fraction) and its weight."""
        return pd.DataFrame({"d": [g.d for g in self.groups], "weight": list(self.weights),
                             "sigma": [g.sigma for g in self.groups]},
                            index=pd.Index([g.key for g in self.groups], name="group"))

    def predict(self) -> Nowcast:
        mom = (1.0 + self.yoy) * (1.0 + self.base_mom) / (1.0 + self.anchor_yoy) - 1.0
        scale = (1.0 + self.anchor_yoy) / (1.0 + self.base_mom)
        # the MoM nowcast split by group in proportion to each group's share of D_t
        moms = [w * g.d for w, g in zip(self.weights, self.groups)]
        tot = sum(moms)
        carry_mom = self.base_mom  # a zero D_t keeps the YoY: m_t = m_{t-12}
        rest = mom - carry_mom
        parts = [rest * (m / tot) if tot != 0 else rest / len(moms) for m in moms]
        names = [g.key for g in self.groups] + ["base_month"]
        contrib = contributions_frame(names, [g.d for g in self.groups] + [np.nan],
                                      list(self.weights) + [np.nan], parts + [carry_mom], scale)
        sigma = float(np.sqrt((1.0 + self.yoy) ** 2 * self.sigma_d**2 + _ANCHOR_ROUNDING_VAR))
        missing = tuple(dict.fromkeys(m for g in self.groups for m in g.missing)) + self.missing_groups
        notes = tuple(f"group {k} left out" for k in self.missing_groups)
        return Nowcast(self.target, "groups", self.month, self.as_of, mom, self.anchor_yoy, self.base_mom, sigma,
                       contributions=contrib, missing_inputs=missing, reconciled=self.reconciled, notes=notes)


class PPIGroupNowcaster(Nowcaster):
    """Bottom-up PPI nowcast by major group (PPI only)."""

    name: ClassVar[str] = "groups"

    def __init__(self, target: str | TargetSpec = "ppi_yoy", spec: PPIGroupSpec | None = None) -> None:
        super().__init__(target)
        if self.target.key != "ppi":
            raise ModelError(f"the group model nowcasts PPI only; got {self.target.yoy_id}")
        self.spec = spec or PPI_GROUPS

    def series_ids(self) -> tuple[str, ...]:
        ids = [self.target.yoy_id, self.target.mom_id]
        for g in self.spec.groups:
            ids.append(g.yoy_id)
            for i in g.inputs:
                ids.extend((i.id, *i.alternatives))
        return tuple(dict.fromkeys(ids))

    def fit(self, info: InfoSet) -> PPIGroupFit | NotComputable:
        t = info.month
        what = f"group nowcast of {self.target.yoy_id} for {t}"
        what_zh = f"{self.target.name_zh}{t}分行业预测"
        try:
            hist = info.target(self.target.yoy_id, self.target.mom_id)
            anchor, base = anchor_of(hist, t, what)
        except ModelError as exc:
            return NotComputable(what, str(exc), what_zh)
        fits: list[_GroupFit] = []
        dropped: list[str] = []
        reasons: list[str] = []
        uniq = tuple({i.id: i for g in self.spec.groups for i in g.inputs}.values())
        X_all, _raw, _res, _absent = input_matrix(info, uniq)
        dlog = {g.key: _dlog_yoy(info, g.yoy_id) for g in self.spec.groups if info.has(g.yoy_id)}
        for g in self.spec.groups:
            f = _fit_group(g, self.spec, info, X_all, hist.mom, dlog.get(g.key)) if g.key in dlog \
                else f"'{g.yoy_id}' is not in the data"
            if isinstance(f, str):
                dropped.append(g.key)
                reasons.append(f"{g.key}: {f}")
            else:
                fits.append(f)
        if not fits:
            return NotComputable(what, "no group could be nowcast (" + "; ".join(reasons) + ")", what_zh)
        head = np.log1p(hist.yoy).diff()
        cols = {f.key: dlog[f.key] for f in fits}
        df = pd.concat([head.rename("headline"), pd.DataFrame(cols)], axis=1).loc[: t - 1].dropna()
        df = df.iloc[-self.spec.weight_months:]
        if len(df) < self.spec.min_weight_months:
            return NotComputable(what, f"only {len(df)} months with the headline and every group's YoY published",
                                 what_zh)
        w = group_weights(df["headline"].to_numpy(), df[[f.key for f in fits]].to_numpy())
        resid = df["headline"].to_numpy() - df[[f.key for f in fits]].to_numpy() @ w
        agg_var = float(np.mean(resid**2))
        sigma_d = float(np.sqrt(sum((wk * f.sigma) ** 2 for wk, f in zip(w, fits)) + agg_var))
        return PPIGroupFit(self.target, t, info.as_of, tuple(fits), tuple(float(v) for v in w), anchor, base,
                           sigma_d, tuple(dropped), hist.reconciled)
