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

from macrodesk.models._base import NotComputable, ResultsMixin, check_series
from macrodesk.models.factor import FactorModel, FactorResult

__all__ = ["PassThrough", "pass_through"]


@dataclass(frozen=True)
class PassThrough(ResultsMixin):
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

    @property
    def rsquared(self) -> float:
        return self.fit.rsquared

    @property
    def nobs(self) -> int:
        return self.fit.nobs

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

