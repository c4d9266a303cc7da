"""Pulls (拉动) of CPI components on the headline YoY in one month.

NBS splits the CPI two ways into parts that add up to the whole: food and
non-food, consumer goods and services. Their basket weights are not published
monthly, but they are implied by the prints: with ``y`` the headline YoY and
``a``, ``b`` the YoY of the two parts (fractions),

    y_t = w a_t + (1 - w) b_t + e_t      =>      w = sum (y - b)(a - b) / sum (a - b)^2

over the last ``window`` months where all three are published (least squares
through the origin of ``y - b`` on ``a - b``; ``e`` is the rounding of the
one-decimal prints). The pull of a part is its weight times its YoY
(:func:`macrodesk.transforms.contribution`): ``w a_t`` and ``(1 - w) b_t``; the
two add up to the headline up to ``e_t``. A single item (pork, fresh
vegetables) is pulled the same way when its basket weight is given (a stored
``cpi_weight_<code>`` series).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import ClassVar

import numpy as np
import pandas as pd

from macrodesk import transforms as T
from macrodesk.models._base import NotComputable, ResultsMixin

__all__ = ["DEFAULT_WINDOW", "MIN_MONTHS", "ImpliedSplit", "ItemPulls", "implied_split", "item_pulls"]

#: Months used for an implied weight, and the fewest accepted.
DEFAULT_WINDOW = 12
MIN_MONTHS = 6


@dataclass(frozen=True)
class ImpliedSplit(ResultsMixin):
    """A two-way split of the headline YoY in ``month`` (fractions).

    ``weight`` is the implied weight of part ``a`` (``1 - weight`` that of ``b``),
    estimated on ``months`` months ending ``last``; ``pulls`` holds the pull of
    each part on the headline by month from the first of those months to ``month``
    (columns ``a``, ``b``; NaN in a month a part was not printed), ``residual`` the
    headline minus both pulls (rounding).
    """

    names: tuple[str, str]
    month: pd.Period
    weight: float
    months: int
    last: pd.Period
    pulls: pd.DataFrame
    residual: pd.Series
    computable: ClassVar[bool] = True

    @property
    def pull_a(self) -> float:
        return float(self.pulls["a"].get(self.month, np.nan))

    @property
    def pull_b(self) -> float:
        return float(self.pulls["b"].get(self.month, np.nan))

    def to_frame(self) -> pd.DataFrame:
        return self.pulls.assign(residual=self.residual)


def implied_split(
    total: pd.Series,
    a: pd.Series,
    b: pd.Series,
    month: pd.Period,
    *,
    names: tuple[str, str] = ("a", "b"),
    window: int = DEFAULT_WINDOW,
    min_months: int = MIN_MONTHS,
) -> ImpliedSplit | NotComputable:
    """The implied weight of ``a`` in ``total = w a + (1-w) b`` and the pulls of ``a`` and ``b`` in ``month``.

    All three are YoY fractions on a monthly PeriodIndex. The weight is estimated on the last
    ``window`` months up to ``month`` where all three are published; fewer than
    ``min_months``, a part missing in ``month``, or a weight outside (0, 1) give NotComputable.
    """
    what = f"implied weights of {names[0]} and {names[1]} in {month}"
    frame = pd.DataFrame({"y": total, "a": a, "b": b})
    frame = frame[frame.index <= month].dropna()
    if month not in frame.index:
        return NotComputable(what, f"{names[0]}, {names[1]} or the headline is not published for {month}",
                             reason_zh=f"{month}分项或总指数未公布")
    frame = frame.iloc[-window:]
    if len(frame) < min_months:
        return NotComputable(what, f"only {len(frame)} months with all three prints (need {min_months})",
                             reason_zh=f"三者同时公布的月份仅{len(frame)}个（至少需要{min_months}个）")
    d = (frame["a"] - frame["b"]).to_numpy()
    denom = float(d @ d)
    if denom == 0:
        return NotComputable(what, "the two parts moved identically; the weight is not identified",
                             reason_zh="两分项同比相同，权重无法识别")
    w = float(((frame["y"] - frame["b"]).to_numpy() @ d) / denom)
    if not 0 < w < 1:
        return NotComputable(what, f"the implied weight {w:.3f} is outside (0, 1)",
                             reason_zh=f"隐含权重{w:.3f}不在0至1之间")
    span = pd.period_range(frame.index[0], month, freq="M")  # every month of the window, NaN where a part is not printed
    pulls = pd.DataFrame({"a": T.contribution(w, a.reindex(span)), "b": T.contribution(1 - w, b.reindex(span))})
    residual = total.reindex(span) - pulls["a"] - pulls["b"]
    return ImpliedSplit(names, month, w, len(frame), frame.index[-1], pulls, residual)


@dataclass(frozen=True)
class ItemPulls(ResultsMixin):
    """Pulls of single items with a known basket weight in ``month`` (fractions): columns ``weight``, ``yoy``, ``pull``."""

    month: pd.Period
    table: pd.DataFrame
    not_computable: Mapping[str, str] = field(default_factory=dict)
    computable: ClassVar[bool] = True

    def to_frame(self) -> pd.DataFrame:
        return self.table


def item_pulls(yoy: Mapping[str, pd.Series], weights: Mapping[str, float], month: pd.Period) -> ItemPulls:
    """``weight × YoY`` of each item in ``month``; items without a weight or a print are listed with the reason."""
    rows, bad = {}, {}
    for k, s in yoy.items():
        v = float(s.get(month, np.nan))
        w = weights.get(k)
        if w is None or not np.isfinite(w):
            bad[k] = "no basket weight"
        elif not np.isfinite(v):
            bad[k] = f"no YoY for {month}"
        else:
            rows[k] = {"weight": float(w), "yoy": v, "pull": float(w) * v}  # weight × change, as T.contribution
    table = pd.DataFrame.from_dict(rows, orient="index", columns=["weight", "yoy", "pull"])
    table.index.name = "item"
    return ItemPulls(month, table, bad)
