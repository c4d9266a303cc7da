"""Factor model: OLS of a YoY rate on the YoY of a few drivers, with Newey–West errors.

The seed outlook's four-factor PPI model (Figure 18)::

    PPI同比 = 9.62% 烟煤 + 8.34% 螺纹钢 + 7.38% 柴油 + 1.41% 电解铜 − 0.33,  R² 95.8% since 2016

is ``y_t = a + sum_i b_i x_{i,t} + e_t`` with ``y`` PPI YoY and ``x_i`` the YoY of
thermal coal, rebar, diesel (or crude oil) and copper prices. A
:class:`FactorModel` is the specification (data); :meth:`FactorModel.fit`
returns a frozen :class:`FactorResult` (coefficients, HAC standard errors, R²,
fitted values, each factor's contribution over time), or
:class:`~macrodesk.models._base.NotComputable` when the sample is too short or
the design is degenerate.

:func:`commodity_path` turns level targets ("copper rising to 13,500 USD/t by
December") into a monthly level and YoY path that :meth:`FactorResult.project`
maps into the dependent variable.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

import numpy as np
import pandas as pd

from macrodesk.exceptions import ModelError
from macrodesk.models._base import NotComputable, ResultsMixin, check_frame, check_series, period_arg

__all__ = ["FactorModel", "FactorResult", "CommodityPath", "commodity_path", "newey_west_lags"]

_COVS = ("HAC", "nonrobust")


def newey_west_lags(n: int) -> int:
    """Rule-of-thumb Newey–West lag length ``floor(4 (n/100)^(2/9))``."""
    return int(np.floor(4.0 * (n / 100.0) ** (2.0 / 9.0)))


@dataclass(frozen=True)
class FactorModel:
    """The specification: dependent series ``y`` and factor columns ``X`` (monthly, fractions).

    Columns of ``X`` name the factors; the same names appear in the results.
    Observations where ``y`` or any factor is missing are dropped (listwise).
    """

    y: pd.Series
    X: pd.DataFrame

    def __post_init__(self) -> None:
        y = check_series(self.y, "y")
        X = check_frame(self.X, "X")
        if X.shape[1] == 0:
            raise ModelError("X has no factor columns; pass at least one regressor.")
        if "const" in X.columns:
            raise ModelError("X must not contain a column named 'const'; the intercept is added by the model.")
        object.__setattr__(self, "y", y)
        object.__setattr__(self, "X", X)

    def fit(
        self,
        *,
        start: Any = None,
        end: Any = None,
        cov: str = "HAC",
        maxlags: int | None = None,
        min_obs: int = 24,
    ) -> "FactorResult | NotComputable":
        """Estimate by OLS over ``start..end`` (default: all overlapping months).

        Parameters
        ----------
        start, end : period-like, optional
            The estimation window, e.g. ``'2016-01'`` and ``'2024-12'``.
        cov : {'HAC', 'nonrobust'}
            Newey–West (HAC) or classical standard errors.
        maxlags : int, optional
            HAC lags; default :func:`newey_west_lags` of the sample size.
        min_obs : int
            Fewest complete observations; fewer gives NotComputable.

        Notes
        -----
        ``y_t = a + sum_i b_i x_{i,t} + e_t``; ``R² = 1 - SSR/SST``; each factor's
        contribution is ``b_i x_{i,t}``, and ``a + sum_i b_i x_{i,t}`` is the fit.
        """
        # the two names from their modules: statsmodels.api would import all of statsmodels (~1 s)
        from statsmodels.regression.linear_model import OLS
        from statsmodels.tools.tools import add_constant

        if cov not in _COVS:
            raise ModelError(f"cov must be one of {list(_COVS)}; got {cov!r}.")
        names = [str(c) for c in self.X.columns]
        what, what_zh = f"factor model {self.y.name or 'y'} ~ {' + '.join(names)}", f"因子模型（{self.y.name or 'y'}）"
        idx = self.y.index.union(self.X.index)
        data = pd.concat([self.y.reindex(idx).rename("__y__"), self.X.reindex(idx)], axis=1)
        p0 = period_arg(start, "start", "M")
        p1 = period_arg(end, "end", "M", how="end")
        if p0 is not None:
            data = data[data.index >= p0]
        if p1 is not None:
            data = data[data.index <= p1]
        used = data.dropna()
        n, k = len(used), len(names)
        if n < max(min_obs, k + 2):
            lacking = [c for c in data.columns if data[c].notna().sum() < max(min_obs, k + 2)]
            hint = f"; short series: {', '.join('y' if c == '__y__' else c for c in lacking)}" if lacking else ""
            return NotComputable(
                what,
                f"only {n} complete observations (need {max(min_obs, k + 2)}){hint}",
                what_zh=what_zh,
                reason_zh=f"完整样本仅{n}个（至少需要{max(min_obs, k + 2)}个）",
            )
        design = add_constant(used[names], has_constant="add")
        if np.linalg.matrix_rank(design.to_numpy()) < k + 1:
            return NotComputable(
                what, "the factors are collinear or constant over the sample", what_zh=what_zh,
                reason_zh="样本内因子共线或为常数",
            )
        lags = newey_west_lags(n) if maxlags is None else int(maxlags)
        model = OLS(used["__y__"], design)
        res = model.fit(cov_type="HAC", cov_kwds={"maxlags": lags}) if cov == "HAC" else model.fit()
        params = pd.Series(res.params.to_numpy(), index=["const"] + names)
        se = pd.Series(res.bse.to_numpy(), index=params.index)
        tv = pd.Series(res.tvalues.to_numpy(), index=params.index)
        pv = pd.Series(res.pvalues.to_numpy(), index=params.index)
        fitted = pd.Series(res.fittedvalues.to_numpy(), index=used.index, name="fitted")
        return FactorResult(
            y=self.y,
            X=self.X,
            params=params,
            std_err=se,
            tvalues=tv,
            pvalues=pv,
            rsquared=float(res.rsquared),
            rsquared_adj=float(res.rsquared_adj),
            nobs=n,
            sample=(used.index[0], used.index[-1]),
            cov_type=cov,
            maxlags=lags if cov == "HAC" else None,
            fitted=fitted,
        )


@dataclass(frozen=True)
class FactorResult(ResultsMixin):
    """A fitted :class:`FactorModel`. Coefficients are pp of ``y`` per pp of a factor."""

    y: pd.Series
    X: pd.DataFrame
    params: pd.Series
    std_err: pd.Series
    tvalues: pd.Series
    pvalues: pd.Series
    rsquared: float
    rsquared_adj: float
    nobs: int
    sample: tuple[pd.Period, pd.Period]
    cov_type: str
    maxlags: int | None
    fitted: pd.Series
    labels: Mapping[str, str] = field(default_factory=dict)
    computable: ClassVar[bool] = True

    @property
    def factors(self) -> list[str]:
        return [c for c in self.params.index if c != "const"]

    @property
    def resid(self) -> pd.Series:
        """Actual minus fitted over the sample."""
        return (self.y.reindex(self.fitted.index) - self.fitted).rename("resid")

    def label(self, factor: str) -> str:
        return self.labels.get(factor, factor)

    def with_labels(self, labels: Mapping[str, str], y_name: str | None = None) -> "FactorResult":
        """The same result with display names for the factors (and ``y``) in text and charts; no re-estimation."""
        import dataclasses

        if y_name is None:
            return dataclasses.replace(self, labels=dict(labels))
        return dataclasses.replace(self, labels=dict(labels), y=self.y.rename(y_name))

    def conf_int(self, alpha: float = 0.05) -> pd.DataFrame:
        """Normal-approximation confidence intervals ``b ± z_{1-alpha/2} se``."""
        from statistics import NormalDist

        z = NormalDist().inv_cdf(1 - alpha / 2)
        return pd.DataFrame({"lower": self.params - z * self.std_err, "upper": self.params + z * self.std_err})

    def contributions(self, X: pd.DataFrame | None = None) -> pd.DataFrame:
        """``b_i x_{i,t}`` per factor plus the constant; rows sum to the fit.

        Over the estimation sample by default, or for other factor values ``X``
        (same columns), e.g. YoY paths from :func:`commodity_path`.
        """
        if X is None:
            X = self.X.reindex(self.fitted.index)
        else:
            X = check_frame(X, "X")
            missing = [c for c in self.factors if c not in X.columns]
            if missing:
                raise ModelError(f"X lacks factor columns {missing}; give a path for every factor.")
        out = X[self.factors].mul(self.params[self.factors], axis=1)
        out.insert(0, "const", self.params["const"])
        return out

    def predict(self, X: pd.DataFrame) -> pd.Series:
        """``a + sum_i b_i x_{i,t}`` for factor values ``X`` (e.g. projected YoY paths)."""
        return self.contributions(X).sum(axis=1, min_count=len(self.factors) + 1).rename("predicted")

    project = predict

    def to_frame(self) -> pd.DataFrame:
        """Actual, fitted and residual over the estimation sample, then each term's contribution."""
        out = pd.DataFrame({"actual": self.y.reindex(self.fitted.index), "fitted": self.fitted, "resid": self.resid})
        return pd.concat([out, self.contributions().add_prefix("contribution:")], axis=1)

    def summary(self) -> pd.DataFrame:
        """Coefficient table: estimate, standard error, t and p value per term (fractions)."""
        return pd.DataFrame(
            {"coef": self.params, "std_err": self.std_err, "t": self.tvalues, "p_value": self.pvalues},
            index=pd.Index(self.params.index, name="term"),
        )


# ---------------------------------------------------------------- commodity paths
@dataclass(frozen=True)
class CommodityPath(ResultsMixin):
    """A monthly level path built from targets, with its MoM and YoY (fractions).

    ``level`` holds the history up to ``last_observed``, then the path; ``mom``
    and ``yoy`` cover the same months (NaN where the base month is missing).
    ``targets`` are the level targets the path runs through.
    """

    name: str
    level: pd.Series
    mom: pd.Series
    yoy: pd.Series
    last_observed: pd.Period
    targets: Mapping[pd.Period, float]
    computable: ClassVar[bool] = True

    @property
    def path_start(self) -> pd.Period:
        """The first projected month."""
        return self.last_observed + 1

    @property
    def path_yoy(self) -> pd.Series:
        """YoY over the projected months."""
        return self.yoy[self.yoy.index >= self.path_start]

    def average_yoy(self, year: int) -> float:
        """Mean YoY over the months of ``year`` (observed and projected)."""
        s = self.yoy[_year(self.yoy) == int(year)].dropna()
        return float(s.mean()) if len(s) else float("nan")

    def average_level(self, year: int) -> float:
        s = self.level[_year(self.level) == int(year)].dropna()
        return float(s.mean()) if len(s) else float("nan")

    def to_frame(self) -> pd.DataFrame:
        return pd.DataFrame({"level": self.level, "mom": self.mom, "yoy": self.yoy})


def _year(s: pd.Series) -> np.ndarray:
    return np.asarray(pd.PeriodIndex(s.index).year)


def commodity_path(
    history: pd.Series,
    targets: Mapping[Any, float],
    *,
    end: Any = None,
    name: str = "",
    strict: bool = True,
) -> CommodityPath | NotComputable:
    """A monthly level path from the last observed month through level targets, with its MoM and YoY.

    Parameters
    ----------
    history : Series
        Monthly levels (e.g. ``transforms.to_monthly(copper_daily)``).
    targets : mapping period -> level
        Levels to reach by given months, e.g. ``{'2026-03': 55, '2026-12': 55}``
        for Brent at 55 USD from March, or ``{'2026-12': 13500}`` for copper.
    end : period-like, optional
        Last month of the path (default: the last target); after the last
        target the level stays flat.
    strict : bool
        True (default): every target must lie after the last observation and
        every projected month needs the level twelve months before (else
        NotComputable). False (how a scenario file's targets are read):
        targets at or before the last observation are history and ignored,
        and a projected month without a base has a NaN YoY.

    Returns
    -------
    CommodityPath, or NotComputable (empty history; with ``strict``, a history
    that does not reach 12 months before the first projected month).

    Notes
    -----
    Levels are linear in time between the anchors (last observation, then each
    target); ``mom_t = L_t / L_{t-1} - 1`` and ``yoy_t = L_t / L_{t-12} - 1`` with
    ``L`` the history followed by the path.
    """
    h = check_series(history, "history").dropna()
    if h.empty:
        return NotComputable(f"commodity path {name}", "the history is empty", what_zh=f"商品路径（{name}）",
                             reason_zh="历史数据为空")
    last = h.index[-1]
    tg = _targets(targets, last, strict)
    stop = period_arg(end, "end", "M", how="end") or (max(tg) if tg else last)
    if tg and stop < max(tg):
        raise ModelError(f"end ({stop}) is before the last target ({max(tg)}).")
    months = pd.period_range(last + 1, stop, freq="M")
    knots_x = np.array([0] + [(p - last).n for p in tg], dtype=float)
    knots_y = np.array([float(h.iloc[-1])] + list(tg.values()), dtype=float)
    pos = np.array([(p - last).n for p in months], dtype=float)
    path = pd.Series(np.interp(pos, knots_x, knots_y), index=months)
    full = pd.concat([h.reindex(pd.period_range(h.index[0], last, freq="M")), path])
    v = full.to_numpy(dtype=float)
    mom, yoy = np.full_like(v, np.nan), np.full_like(v, np.nan)
    mom[1:] = v[1:] / v[:-1] - 1.0
    yoy[12:] = v[12:] / v[:-12] - 1.0
    yoy_s = pd.Series(yoy, index=full.index, name=name or "yoy")
    missing = yoy_s.reindex(months).isna()
    if strict and missing.any():
        first = months[missing.to_numpy()][0]
        return NotComputable(
            f"commodity path {name}",
            f"no level for {first - 12}, needed as the base of the YoY in {first}",
            what_zh=f"商品路径（{name}）",
            reason_zh=f"缺少{first - 12}的价格，无法计算{first}的同比",
        )
    return CommodityPath(name, full.rename(name or "level"), pd.Series(mom, index=full.index, name=name or "mom"),
                         yoy_s, last, tg)


def _targets(targets: Mapping[Any, float], last: pd.Period, strict: bool) -> dict[pd.Period, float]:
    """Targets by month, sorted; with ``strict`` each must lie after ``last``, else such ones are dropped."""
    if not isinstance(targets, Mapping) or (strict and not targets):
        raise ModelError("targets must be a non-empty mapping of month -> level, e.g. {'2026-12': 13500}.")
    tg: dict[pd.Period, float] = {}
    for k, v in targets.items():
        p = period_arg(k, "targets key", "M")
        assert p is not None
        if p <= last:
            if strict:
                raise ModelError(f"target month {p} is not after the last observation {last}; targets must lie ahead.")
            continue
        try:
            tg[p] = float(v)
        except (TypeError, ValueError):
            raise ModelError(f"target for {p} must be a number; got {v!r}.") from None
    return dict(sorted(tg.items()))
