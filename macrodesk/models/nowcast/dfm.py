"""A dynamic factor model nowcast (statsmodels' ``DynamicFactorMQ``), the second model.

The panel is the bridge model's inputs (like-for-like log changes, with the
basket-weight drift for CPI items) and the target's MoM, over the last
``window`` months up to the target month, where the target is missing. For CPI
every series is first taken as a deviation from its own seasonal norm (the mean
of the same calendar month over the previous ``norm_years`` years, using only
earlier years), because a factor model has no calendar; PPI is used as it is.
Each series is standardised with its mean and standard deviation over the months
before the target month. One factor following an AR(1), idiosyncratic errors
AR(1) for PPI (producer prices adjust over several months) and white noise for
CPI; estimated by EM at every origin. The nowcast is the smoothed signal of the
target in the target month, with the smoother's forecast variance as its
uncertainty::

    z_{i,t} = lambda_i f_t + u_{i,t},   f_t = a f_{t-1} + eta_t
    m_t = mu_y + sd_y * lambda_y E[f_t | data] (+ the seasonal norm for CPI)

The estimation window is the last ``window`` months, starting no earlier than the
target's last unbroken stretch of prints. An EM run that diverges (an idiosyncratic variance above 10 for standardised
data, or a non-finite or absurd nowcast) is reported as
:class:`~macrodesk.models._base.NotComputable`, not as a number.
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
)
from macrodesk.models.nowcast.bridge import CPI_BRIDGE, PPI_PRICE_INPUTS, BridgeInput, input_matrix, same_month_norm
from macrodesk.models.nowcast.data import InfoSet
from macrodesk.models.nowcast.nowcaster import Nowcaster

__all__ = ["DFMSpec", "CPI_DFM", "PPI_DFM", "DFM_SPECS", "DFMNowcaster", "DFMFit", "seasonal_deviation"]


@dataclass(frozen=True)
class DFMSpec:
    """The fixed design of the factor model (see the module docstring)."""

    inputs: tuple[BridgeInput, ...]
    seasonal: bool = True
    factors: int = 1
    factor_order: int = 1
    idiosyncratic_ar1: bool = False
    window: int = 120
    min_obs: int = 24
    norm_years: int = 5
    maxiter: int = 200

    def __post_init__(self) -> None:
        if self.factors < 1 or self.factor_order < 1:
            raise ModelError("factors and factor_order must be at least 1")
        if self.window < 24:
            raise ModelError(f"window must be at least 24 months; got {self.window}")


CPI_DFM = DFMSpec(CPI_BRIDGE.inputs, seasonal=True, idiosyncratic_ar1=False)
PPI_DFM = DFMSpec(PPI_PRICE_INPUTS, seasonal=False, idiosyncratic_ar1=True)
DFM_SPECS: dict[str, DFMSpec] = {"cpi": CPI_DFM, "ppi": PPI_DFM}


def seasonal_deviation(x: pd.Series, years: int) -> tuple[pd.Series, pd.Series]:
    """(``x`` minus its same-calendar-month norm over the previous ``years`` years, the norm)."""
    norm = same_month_norm(x, years)
    return x - norm, norm


@dataclass(frozen=True, eq=False)
class DFMFit(ResultsMixin):
    """The factor model estimated on one information set."""

    target: TargetSpec
    spec: DFMSpec
    month: pd.Period
    as_of: pd.Timestamp
    mom: float
    sigma_mom: float
    loadings: pd.Series
    columns: tuple[str, ...]
    anchor_yoy: float
    base_mom: float
    n_obs: int
    missing_inputs: tuple[str, ...] = ()
    reconciled: tuple[pd.Period, ...] = ()
    computable: ClassVar[bool] = True

    def predict(self) -> Nowcast:
        scale = (1.0 + self.anchor_yoy) / (1.0 + self.base_mom)
        sigma = float(np.sqrt(scale**2 * self.sigma_mom**2 + _ANCHOR_ROUNDING_VAR))
        return Nowcast(
            self.target, "dfm", self.month, self.as_of, self.mom, self.anchor_yoy, self.base_mom, sigma,
            missing_inputs=self.missing_inputs, reconciled=self.reconciled,
        )

    def to_frame(self) -> pd.DataFrame:
        """The factor loadings of the panel's series."""
        return self.loadings.rename("loading").to_frame()

    def summary(self) -> pd.DataFrame:
        """The loadings, then the MoM nowcast, its s.d. and the number of target months."""
        extra = pd.Series([self.mom, self.sigma_mom, float(self.n_obs)], index=["mom", "sigma_mom", "n_obs"])
        return pd.concat([self.loadings, extra]).rename("value").to_frame()


class DFMNowcaster(Nowcaster):
    """Dynamic factor model nowcast of ``target``; ``spec`` defaults to :data:`CPI_DFM` / :data:`PPI_DFM`."""

    name: ClassVar[str] = "dfm"

    def __init__(self, target: str | TargetSpec = "cpi_yoy", spec: DFMSpec | None = None) -> None:
        super().__init__(target)
        self.spec = spec or DFM_SPECS[self.target.key]

    def series_ids(self) -> tuple[str, ...]:
        ids = [self.target.yoy_id, self.target.mom_id]
        for inp in self.spec.inputs:
            ids.extend((inp.id, *inp.alternatives))
        return tuple(dict.fromkeys(ids))

    def fit(self, info: InfoSet) -> DFMFit | NotComputable:
        what = f"factor-model nowcast of {self.target.yoy_id} for {info.month}"
        what_zh = f"{self.target.name_zh}{info.month}动态因子模型预测"
        try:
            hist = info.target(self.target.yoy_id, self.target.mom_id)
            anchor, base = anchor_of(hist, info.month, what)
        except ModelError as exc:
            return NotComputable(what, str(exc), what_zh)
        spec = self.spec
        t = info.month
        X, _raw, _res, absent = input_matrix(info, spec.inputs)
        idx = pd.period_range(t - spec.window + 1, t, freq="M")
        # the full history of inputs and target on one monthly index ending at the target month
        first = min([t] + [s.index[0] for s in (hist.mom, X) if len(s.index)])
        y_idx = pd.period_range(first, t, freq="M")
        panel = X.reindex(y_idx)
        y = hist.mom.reindex(y_idx)
        y.loc[t] = np.nan  # type: ignore[call-overload]  # a Period label (pandas-stubs)
        norm_t = 0.0
        if spec.seasonal:
            cols = {}
            for c in panel.columns:
                cols[c] = seasonal_deviation(panel[c], spec.norm_years)[0]
            panel = pd.DataFrame(cols, index=y_idx)
            ydev, ynorm = seasonal_deviation(y, spec.norm_years)
            if not np.isfinite(float(ynorm.get(t, np.nan))):
                return NotComputable(what, f"no earlier {t.strftime('%B')} MoM to form the seasonal norm", what_zh)
            norm_t = float(ynorm.get(t, np.nan))
            y = ydev
        # the window starts where the target's last unbroken stretch of prints starts
        obs = hist.mom.loc[: t - 1]
        gaps = obs.index[obs.isna().to_numpy()]
        if len(gaps):
            idx = idx[idx > gaps[-1]]
        panel = panel.reindex(idx)
        panel["__target__"] = y.reindex(idx)
        train = panel.loc[: t - 1]
        keep = [c for c in panel.columns if int(train[c].notna().sum()) >= spec.min_obs]
        if "__target__" not in keep:
            return NotComputable(
                what,
                f"only {int(train['__target__'].notna().sum())} months of the target in the window (need {spec.min_obs})",
                what_zh,
            )
        inputs_kept = [c for c in keep if c != "__target__"]
        if len(inputs_kept) < 2:
            return NotComputable(what, "fewer than two inputs with enough history for a factor", what_zh)
        missing = tuple(absent) + tuple(c for c in X.columns if c not in inputs_kept or not np.isfinite(float(panel[c].get(t, np.nan))))
        panel = panel[keep]
        first = panel.notna().any(axis=1).to_numpy().argmax()
        panel = panel.iloc[first:]
        mu = panel.loc[: t - 1].mean()
        sd = panel.loc[: t - 1].std()
        if (sd <= 0).any() or sd.isna().any():
            return NotComputable(what, "an input does not vary in the window", what_zh)
        z = (panel - mu) / sd
        z.index = pd.DatetimeIndex(pd.PeriodIndex(z.index).to_timestamp(how="start"), freq="MS")
        z.columns = [str(c) for c in z.columns]
        try:
            from statsmodels.tsa.statespace.dynamic_factor_mq import DynamicFactorMQ

            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                mod = DynamicFactorMQ(
                    z,
                    factors=spec.factors,
                    factor_orders=spec.factor_order,
                    idiosyncratic_ar1=spec.idiosyncratic_ar1,
                    standardize=False,
                )
                res = mod.fit(disp=False, maxiter=spec.maxiter)
        except (np.linalg.LinAlgError, ValueError) as exc:
            return NotComputable(what, f"estimation failed: {exc}", what_zh)
        params = res.params
        s2 = params[[k for k in params.index if k.startswith("sigma2.")]]
        iy = list(z.columns).index("__target__")
        sf = res.smoother_results
        zhat = float(sf.smoothed_forecasts[iy, -1])
        zvar = float(sf.smoothed_forecasts_error_cov[iy, iy, -1])
        if not np.all(np.isfinite(params)) or (s2 > 10).any() or not np.isfinite(zhat) or abs(zhat) > 10 or zvar < 0:
            return NotComputable(what, "the EM estimation diverged (degenerate variances)", what_zh)
        mom = zhat * float(sd["__target__"]) + float(mu["__target__"]) + norm_t
        sigma_mom = float(np.sqrt(zvar)) * float(sd["__target__"])
        loadings = params[[k for k in params.index if k.startswith("loading.")]]
        return DFMFit(
            self.target, spec, t, info.as_of, mom, sigma_mom, loadings, tuple(keep), anchor, base,
            int(panel.loc[: t - 1, "__target__"].notna().sum()), tuple(dict.fromkeys(missing)), hist.reconciled,
        )
