"""Pass-through: the OLS slope of one YoY rate on another (PPI on a commodity index).

The seed outlook reads "CRB工业原料现货指数同比每涨1%带动PPI同比上涨约0.24%"
off a regression of PPI YoY on CRB YoY (Figure 17). :func:`pass_through`
estimates ``y_t = a + b x_t + e_t`` with heteroskedasticity- and
autocorrelation-robust (Newey–West) standard errors and returns a
:class:`PassThrough`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

import pandas as pd

from macrodesk.text import tr
from macrodesk.models._base import NotComputable, check_series
from macrodesk.models.factor import FactorModel, FactorResult
from macrodesk.plotting import charts
from macrodesk.text import format as F

__all__ = ["PassThrough", "pass_through"]


@dataclass(frozen=True)
class PassThrough:
    """``y = a + b x``: slope ``b`` (pp of ``y`` per pp of ``x``), with the underlying fit."""

    fit: FactorResult
    x_name: str
    y_name: str
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

    @property
    def rsquared(self) -> float:
        return self.fit.rsquared

    @property
    def nobs(self) -> int:
        return self.fit.nobs

    def effect(self, x_change: float) -> float:
        """Change in ``y`` implied by a change ``x_change`` in ``x`` (same units): ``b * dx``."""
        return self.slope * float(x_change)

    def summary(self, lang: str = "zh") -> str:
        s0, s1 = self.fit.sample
        return tr(
            f"{F.month_label(s0)}至{F.month_label(s1)}，{self.x_name}每上涨1个百分点，{self.y_name}平均上涨约"
            f"{F.num(self.slope, 2)}个百分点（斜率标准误{F.num(self.slope_se, 2)}，R²为{F.num(self.rsquared * 100, 1)}%，"
            f"{self.nobs}个样本）。",
            f"From {F.month_label(s0, 'en')} to {F.month_label(s1, 'en')}, each percentage point on {self.x_name} "
            f"went with about {F.num(self.slope, 2)} pp on {self.y_name} (slope s.e. {F.num(self.slope_se, 2)}, "
            f"R² {F.num(self.rsquared * 100, 1)}%, {self.nobs} observations).",
            lang,
        )

    def chart(self, lang: str = "zh"):
        """``y`` (left) and ``x`` (right axis) over the estimation sample, in percent."""
        s0, s1 = self.fit.sample
        y = self.fit.y.loc[s0:s1] * 100
        x = self.fit.X.iloc[:, 0].loc[s0:s1] * 100
        df = pd.DataFrame({self.y_name: y, self.x_name: x})
        return charts.line_chart(df, right=[self.x_name], ylabel="%", right_ylabel="%", lang=lang)


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
    if not fit.computable:
        return NotComputable(
            f"pass-through {x_name} → {y_name}", fit.reason, what_zh=f"传导系数（{x_name}→{y_name}）",
            reason_zh=fit.reason_zh,
        )
    return PassThrough(fit, x_name, y_name)

