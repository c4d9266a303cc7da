"""Pass-through: the OLS slope of one YoY rate on another (PPI on a commodity index).

The seed outlook reads "CRB工业原料现货指数同比每涨1%带动PPI同比上涨约0.24%"
off a regression of PPI YoY on CRB YoY (Figure 17). :func:`pass_through`
estimates ``y_t = a + b x_t + e_t`` with heteroskedasticity- and
autocorrelation-robust (Newey–West) standard errors and returns a
:class:`PassThrough`.

:func:`commodity_elasticities` is the month-on-month version the linked scenarios
use: the target's MoM on the log changes of commodity price levels,
``m_t = a + sum_k b_k ln(P_{k,t} / P_{k,t-1}) + e_t`` (fractions, OLS with
Newey–West errors), so ``b_k`` is pp of target MoM per 1% of commodity ``k``.
"""

from __future__ import annotations

from dataclasses import dataclass
from collections.abc import Mapping
from typing import Any, ClassVar

import numpy as np
import pandas as pd

from macrodesk.exceptions import ModelError
from macrodesk.models._base import NotComputable, ResultsMixin, check_series
from macrodesk.models.factor import FactorModel, FactorResult

__all__ = ["PassThrough", "pass_through", "CommodityElasticities", "commodity_elasticities"]


class _FitStats:
    """The fit's R² and number of months, for results that hold a :class:`FactorResult` as ``fit``."""

    fit: FactorResult

    @property
    def rsquared(self) -> float:
        return self.fit.rsquared

    @property
    def nobs(self) -> int:
        return self.fit.nobs


@dataclass(frozen=True)
class PassThrough(_FitStats, ResultsMixin):
    """``y = a + b x``: slope ``b`` (pp of ``y`` per pp of ``x``), with the underlying fit.

    ``x_name``/``y_name`` label the series (``*_zh``: their Chinese names; each falls back to the other).
    """

    fit: FactorResult
    x_name: str
    y_name: str
    x_name_zh: str = ""
    y_name_zh: str = ""
    computable: ClassVar[bool] = True

    @property
    def slope(self) -> float:
        return float(self.fit.params.iloc[1])

    @property
    def intercept(self) -> float:
        """Intercept as a fraction."""
        return float(self.fit.params.iloc[0])

    @property
    def slope_se(self) -> float:
        return float(self.fit.std_err.iloc[1])

    def effect(self, x_change: float) -> float:
        """Change in ``y`` implied by a change ``x_change`` in ``x`` (same units): ``b * dx``."""
        return self.slope * float(x_change)

    def to_frame(self) -> pd.DataFrame:
        """Coefficient, standard error and t value of the intercept and the slope."""
        return pd.DataFrame({"coef": self.fit.params, "std_err": self.fit.std_err, "t": self.fit.tvalues})

    def summary(self) -> pd.DataFrame:
        """Slope, its standard error, R², observations and the sample (one row)."""
        s0, s1 = self.fit.sample
        return pd.DataFrame({"slope": [self.slope], "slope_se": [self.slope_se], "rsquared": [self.rsquared],
                             "nobs": [self.nobs], "start": [str(s0)], "end": [str(s1)]},
                            index=pd.Index([f"{self.x_name} -> {self.y_name}"], name="relation"))


def pass_through(
    y: pd.Series,
    x: pd.Series,
    *,
    start: Any = None,
    end: Any = None,
    maxlags: int | None = None,
    min_obs: int = 24,
    x_name: str = "x",
    y_name: str = "y",
    x_name_zh: str = "",
    y_name_zh: str = "",
) -> PassThrough | NotComputable:
    """Regress ``y`` on ``x`` (both YoY fractions, monthly) by OLS with Newey–West errors.

    Parameters
    ----------
    y, x : Series
        Monthly YoY rates as fractions (e.g. PPI YoY and CRB YoY from the monthly mean).
    start, end : period-like, optional
        Estimation window (default: the whole overlap).
    maxlags : int, optional
        Newey–West lags (default ``floor(4 (n/100)^(2/9))``).
    min_obs : int
        Fewest overlapping observations.
    x_name, y_name, x_name_zh, y_name_zh : str
        Labels of the series, in English and Chinese (for the views).

    Returns
    -------
    PassThrough, or NotComputable for too short an overlap or a constant ``x``.

    Notes
    -----
    ``y_t = a + b x_t + e_t``; ``b`` is the pass-through: pp of ``y`` per pp of ``x``.
    """
    ys = check_series(y, "y")
    xs = check_series(x, "x")
    model = FactorModel(ys.rename(y_name), xs.rename(x_name).to_frame())
    fit = model.fit(start=start, end=end, maxlags=maxlags, min_obs=min_obs)
    if isinstance(fit, NotComputable):
        return NotComputable(
            f"pass-through {x_name} → {y_name}", fit.reason, what_zh=f"传导系数（{x_name_zh or x_name}→{y_name_zh or y_name}）",
            reason_zh=fit.reason_zh,
        )
    return PassThrough(fit, x_name, y_name, x_name_zh, y_name_zh)


@dataclass(frozen=True)
class CommodityElasticities(_FitStats, ResultsMixin):
    """``m_t = a + sum_k b_k x_{k,t}``: elasticities ``b_k`` of the target MoM to commodity log changes.

    ``elasticities`` maps each commodity key to ``b_k`` (pp of target MoM per 1% of
    the commodity; fractions per fraction); ``std_err`` are Newey–West errors.
    """

    fit: FactorResult
    computable: ClassVar[bool] = True

    @property
    def elasticities(self) -> dict[str, float]:
        return {k: float(self.fit.params[k]) for k in self.fit.factors}

    @property
    def std_err(self) -> dict[str, float]:
        return {k: float(self.fit.std_err[k]) for k in self.fit.factors}

    @property
    def intercept(self) -> float:
        """Mean MoM not explained by the commodities (fraction)."""
        return float(self.fit.params["const"])

    @property
    def sample(self) -> tuple[pd.Period, pd.Period]:
        return self.fit.sample

    def to_frame(self) -> pd.DataFrame:
        """Elasticity, Newey–West standard error and t value per commodity (and the intercept)."""
        return pd.DataFrame({"coef": self.fit.params, "std_err": self.fit.std_err, "t": self.fit.tvalues})

    def summary(self) -> pd.DataFrame:
        return self.to_frame()


def commodity_elasticities(
    target_mom: pd.Series,
    levels: Mapping[str, pd.Series],
    *,
    start: Any = None,
    end: Any = None,
    maxlags: int | None = None,
    min_obs: int = 24,
) -> CommodityElasticities | NotComputable:
    """Regress the target MoM on the commodities' log price changes by OLS with Newey–West errors.

    Parameters
    ----------
    target_mom : Series
        Monthly MoM as fractions (e.g. PPI MoM / 100) on a PeriodIndex.
    levels : mapping key -> Series
        Monthly price levels (e.g. monthly means of Brent in USD/bbl); the
        regressor is ``ln(P_t / P_{t-1})``. Keys name the elasticities.
    start, end : period-like, optional
        Estimation window of the target months (e.g. ``end='2022-12'``: fitted on
        data up to 2022 only).
    maxlags, min_obs :
        Newey–West lags (default rule of thumb) and the fewest complete months.

    Returns
    -------
    CommodityElasticities, or NotComputable (too few months, collinear prices).
    """
    if not levels:
        raise ModelError("commodity_elasticities needs at least one commodity level series")
    y = check_series(target_mom, "target_mom")
    cols = {}
    for k, lv in levels.items():
        s = check_series(lv, f"levels[{k!r}]")
        if (s.dropna() <= 0).any():
            raise ModelError(f"levels[{k!r}] must be positive price levels (got a value <= 0)")
        cols[str(k)] = np.log(s).diff()
    X = pd.DataFrame(cols)
    fit = FactorModel(y.rename("target_mom"), X).fit(start=start, end=end, maxlags=maxlags, min_obs=min_obs)
    if isinstance(fit, NotComputable):
        return fit
    return CommodityElasticities(fit)
