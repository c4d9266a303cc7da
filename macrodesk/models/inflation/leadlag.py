"""Lead-lag: how many periods ``x`` leads ``y``, by cross-correlation.

The seed outlook reads two such relations off charts: M1 YoY leads PPI YoY by
about 9 months (Figure 16) and breeding-sow inventory YoY leads pork prices by
about 7 months, with the opposite sign (Figure 13). :func:`lead_lag` measures
the correlation of ``x_{t-k}`` with ``y_t`` for every lead ``k`` and returns a
:class:`LeadLag` with the best lead, its correlation, and ``x`` shifted
forward by that lead (:meth:`LeadLag.shifted`: its last values show where
``y`` is heading).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar, cast

import numpy as np
import pandas as pd

from macrodesk.exceptions import ModelError
from macrodesk.models._base import NotComputable, ResultsMixin, check_series, freq_code, months_per_period, period_arg, pindex

__all__ = ["LeadLag", "lead_lag"]

_SIGNS = ("abs", "positive", "negative")


@dataclass(frozen=True)
class LeadLag(ResultsMixin):
    """Cross-correlations of ``x_{t-k}`` with ``y_t`` and the best lead.

    ``correlations`` and ``nobs`` are indexed by the lead ``k`` in periods of the
    data (months, or quarters for quarterly data); ``best_lead`` maximises the
    correlation in the direction chosen by ``sign``. ``x_name``/``y_name`` label
    the series (``*_zh``: their Chinese names; each falls back to the other).
    """

    x: pd.Series
    y: pd.Series
    correlations: pd.Series
    nobs: pd.Series
    best_lead: int
    best_corr: float
    sign: str
    x_name: str = "x"
    y_name: str = "y"
    scale: float = 100.0
    x_name_zh: str = ""
    y_name_zh: str = ""
    computable: ClassVar[bool] = True

    @property
    def months_per_period(self) -> int:
        """1 for monthly data, 3 for quarterly."""
        return months_per_period(pindex(self.y))

    @property
    def best_lead_months(self) -> int:
        """The best lead in months."""
        return self.best_lead * self.months_per_period

    @property
    def n(self) -> int:
        """Observations behind the best correlation."""
        return int(self.nobs.loc[self.best_lead])

    @property
    def sample(self) -> tuple[pd.Period, pd.Period]:
        """First and last period of ``y`` used at the best lead."""
        both = pd.concat([self.x.shift(self.best_lead), self.y], axis=1).dropna()
        return both.index[0], both.index[-1]

    def shifted(self) -> pd.DataFrame:
        """``y`` and ``x`` moved forward by the best lead, on one index reaching past ``y``'s end."""
        k = self.best_lead
        xs = self.x.dropna()
        end = max(self.y.dropna().index[-1], xs.index[-1] + k)
        start = min(self.y.dropna().index[0], xs.index[0] + k)
        idx = pd.period_range(start, end, freq=pindex(self.y).freq)
        moved = pd.Series(xs.to_numpy(), index=xs.index + k)
        return pd.DataFrame({"y": self.y.reindex(idx), "x_shifted": moved.reindex(idx)})

    def to_frame(self) -> pd.DataFrame:
        """Correlation and observations at each lead (index: the lead in periods)."""
        return pd.DataFrame({"correlation": self.correlations, "nobs": self.nobs})

    def summary(self) -> pd.DataFrame:
        """The best lead: periods, months, correlation, observations and the sample (one row)."""
        s0, s1 = self.sample
        return pd.DataFrame({"best_lead": [self.best_lead], "best_lead_months": [self.best_lead_months],
                             "correlation": [self.best_corr], "nobs": [self.n], "start": [str(s0)], "end": [str(s1)]},
                            index=pd.Index([f"{self.x_name} -> {self.y_name}"], name="relation"))


def lead_lag(
    x: pd.Series,
    y: pd.Series,
    *,
    max_lead: int = 18,
    min_lead: int = 0,
    sign: str = "abs",
    start: Any = None,
    end: Any = None,
    min_obs: int = 12,
    x_name: str = "x",
    y_name: str = "y",
    scale: float = 100.0,
    x_name_zh: str = "",
    y_name_zh: str = "",
) -> LeadLag | NotComputable:
    """Cross-correlate ``x_{t-k}`` with ``y_t`` for ``k = min_lead..max_lead``.

    Parameters
    ----------
    x, y : Series
        Same frequency (monthly or quarterly) on a PeriodIndex; any units.
    max_lead, min_lead : int
        Leads tried, in periods of the data.
    sign : {'abs', 'positive', 'negative'}
        Which correlation counts as best: the largest in absolute value, the
        largest, or the most negative (e.g. sow inventory vs pork prices).
    start, end : period-like, optional
        Limit the dates ``t`` of ``y`` used.
    min_obs : int
        Fewest overlapping observations for a lead to be considered.
    x_name, y_name : str
        Labels for the text and the chart; ``x_name_zh``, ``y_name_zh`` their Chinese names.
    scale : float
        Chart multiplier: 100 shows fractions in percent; 1 for data already in percent.

    Returns
    -------
    LeadLag, or NotComputable if no lead has ``min_obs`` overlapping observations.

    Notes
    -----
    ``r_k = corr(x_{t-k}, y_t)`` over the ``t`` where both are observed;
    ``k* = argmax_k r_k`` (or ``|r_k|``, or ``-r_k``).
    """
    xs = check_series(x, "x", freqs=("M", "Q"))
    ys = check_series(y, "y", freqs=("M", "Q"))
    xi, yi = pindex(xs), pindex(ys)
    if freq_code(xi) != freq_code(yi):
        raise ModelError(
            f"x ({x_name}) is {xi.freqstr} but y ({y_name}) is {yi.freqstr}; "
            "bring both to one frequency first (e.g. quarterly means)."
        )
    if sign not in _SIGNS:
        raise ModelError(f"sign must be one of {list(_SIGNS)}; got {sign!r}.")
    for nm, v in (("max_lead", max_lead), ("min_lead", min_lead), ("min_obs", min_obs)):
        if isinstance(v, bool) or not isinstance(v, (int, np.integer)) or v < 0:
            raise ModelError(f"{nm} must be a non-negative integer; got {v!r}.")
    if min_lead > max_lead:
        raise ModelError(f"min_lead ({min_lead}) must not exceed max_lead ({max_lead}).")
    xz, yz = x_name_zh or x_name, y_name_zh or y_name
    what, what_zh = f"lead-lag {x_name} → {y_name}", f"领先滞后（{xz}→{yz}）"
    xo, yo = xs.dropna(), ys.dropna()
    if xo.empty or yo.empty:
        return NotComputable(
            what, f"{x_name if xo.empty else y_name} has no observations", what_zh=what_zh,
            reason_zh=f"{xz if xo.empty else yz}没有数据",
        )
    lo = min(xo.index[0], yo.index[0])
    hi = max(xo.index[-1] + max_lead, yo.index[-1])
    idx = pd.period_range(lo, hi, freq=yi.freq)
    xv, yv = xs.reindex(idx), ys.reindex(idx)
    p0 = period_arg(start, "start", yi.freq)
    p1 = period_arg(end, "end", yi.freq, how="end")
    keep = np.ones(len(idx), dtype=bool)
    if p0 is not None:
        keep &= np.asarray(idx >= p0)
    if p1 is not None:
        keep &= np.asarray(idx <= p1)
    leads = np.arange(min_lead, max_lead + 1)
    shifted = pd.DataFrame({int(k): xv.shift(int(k)) for k in leads})[keep]
    target = yv[keep]
    both = shifted.notna() & target.notna().to_numpy()[:, None]
    nobs = both.sum(axis=0).astype(int)
    corr = shifted.corrwith(target)
    corr[nobs < max(min_obs, 3)] = np.nan
    if corr.notna().sum() == 0:
        return NotComputable(
            what,
            f"no lead in {min_lead}..{max_lead} has {min_obs} overlapping observations of {x_name} and {y_name} "
            f"(most: {int(nobs.max())})",
            what_zh=what_zh,
            reason_zh=f"{xz}与{yz}的重叠样本不足{min_obs}个（最多{int(nobs.max())}个）",
        )
    score = {"abs": corr.abs(), "positive": corr, "negative": -corr}[sign]
    best = int(cast(int, score.idxmax()))
    corr.index.name = "lead"
    nobs.index.name = "lead"
    return LeadLag(xo, yo, corr, nobs, best, float(corr.loc[best]), sign, x_name, y_name, float(scale),
                   x_name_zh, y_name_zh)
