"""The shared nowcasting results: targets and the :class:`Nowcast` of one month.

Every nowcaster (:class:`~macrodesk.models.nowcast.nowcaster.Nowcaster`) works the
same way (as darts' forecasting models do)::

    model = BridgeNowcaster("cpi_yoy")
    info = InfoSet.build(data, "2022-06-30")   # what was observable on that day
    fit = model.fit(info)                      # -> BridgeFit | NotComputable (frozen)
    nc = fit.predict()                         # -> Nowcast for info.month (June 2022)
    nc = model.predict(info)                   # the same in one call
    bt = model.backtest(data, "2015-01", "2022-12")   # rolling real-time origins

A model nowcasts the target's month-on-month change ``m_t`` and turns it into the
year-on-year rate with the published history (fractions)::

    (1 + y_t) = (1 + y_{t-1}) (1 + m_t) / (1 + m_{t-12})

anchored on the *published* YoY of ``t-1`` (:func:`macrodesk.transforms.project_yoy`).
Because ``y_t`` is linear in ``m_t`` (``1 + y_t = A (1 + m_t)`` with
``A = (1 + y_{t-1}) / (1 + m_{t-12})``), a decomposition of ``m_t`` into input
contributions ``c_i`` carries over exactly: ``y_t = (A - 1) + A * sum_i c_i``.
Published YoY is rounded to 0.1 pp; a nowcast reports the unrounded value and the
print it implies (:attr:`Nowcast.yoy_print`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, ClassVar

import numpy as np
import pandas as pd

from macrodesk.exceptions import ModelError
from macrodesk.models._base import ResultsMixin

__all__ = [
    "TargetSpec",
    "TARGETS",
    "get_target",
    "Nowcast",
    "yoy_from_mom",
    "round_print",
    "Z80",
]

#: Normal quantile of an 80% central interval.
Z80 = 1.2815515655446004

#: Variance (fractions²) the 0.1 pp rounding of the YoY anchor adds to a projected YoY:
#: a uniform error on ±0.05 pp has variance 0.1²/12 pp².
_ANCHOR_ROUNDING_VAR = (0.001**2) / 12.0


@dataclass(frozen=True)
class TargetSpec:
    """A nowcast target: its published YoY and MoM ids and the consensus it is judged against."""

    key: str
    yoy_id: str
    mom_id: str
    consensus_id: str
    name_zh: str
    name_en: str


TARGETS: dict[str, TargetSpec] = {
    "cpi_yoy": TargetSpec("cpi", "cpi_yoy", "cpi_mom", "cpi_yoy_consensus", "CPI同比", "CPI YoY"),
    "ppi_yoy": TargetSpec("ppi", "ppi_yoy", "ppi_mom", "ppi_yoy_consensus", "PPI同比", "PPI YoY"),
}


def get_target(target: str | TargetSpec) -> TargetSpec:
    """``'cpi_yoy'``, ``'cpi'`` or ``'CPI'`` → the CPI target (likewise PPI)."""
    if isinstance(target, TargetSpec):
        return target
    key = str(target).strip().lower()
    if key in TARGETS:
        return TARGETS[key]
    if key + "_yoy" in TARGETS:
        return TARGETS[key + "_yoy"]
    raise ModelError(f"unknown nowcast target {target!r}; choose one of {', '.join(TARGETS)}")


def round_print(x_pct: float, digits: int = 1) -> float:
    """Round half away from zero, as NBS prints (0.25 → 0.3, -0.25 → -0.3)."""
    if x_pct is None or not np.isfinite(x_pct):
        return float("nan")
    q = Decimal(repr(float(x_pct))).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    return float(q) + 0.0


def yoy_from_mom(anchor_yoy: float, mom: float, base_mom: float) -> float:
    """``(1 + y_{t-1}) (1 + m_t) / (1 + m_{t-12}) - 1`` (fractions)."""
    return (1.0 + anchor_yoy) * (1.0 + mom) / (1.0 + base_mom) - 1.0


@dataclass(frozen=True, eq=False)
class Nowcast(ResultsMixin):
    """A nowcast of one month: YoY and MoM (fractions), an interval and where it comes from.

    ``contributions`` (when the model has them) is indexed by input and has the
    columns ``change`` (the input's like-for-like change, fraction), ``coef``,
    ``mom`` (contribution to the MoM nowcast, fraction) and ``yoy`` (contribution to
    the YoY nowcast, fraction); the rows sum to ``mom`` and to ``yoy - carry``.
    ``carry`` is the YoY with a zero MoM, ``(1 + y_{t-1}) / (1 + m_{t-12}) - 1``.
    """

    target: TargetSpec
    model: str
    month: pd.Period
    as_of: pd.Timestamp
    mom: float
    anchor_yoy: float
    base_mom: float
    sigma: float
    contributions: pd.DataFrame | None = None
    missing_inputs: tuple[str, ...] = ()
    reconciled: tuple[pd.Period, ...] = ()
    weights: Mapping[str, float] | None = None
    notes: tuple[str, ...] = ()
    computable: ClassVar[bool] = True

    @property
    def yoy(self) -> float:
        """The unrounded YoY nowcast (fraction)."""
        return yoy_from_mom(self.anchor_yoy, self.mom, self.base_mom)

    @property
    def carry(self) -> float:
        """The YoY if this month's MoM were zero (fraction)."""
        return yoy_from_mom(self.anchor_yoy, 0.0, self.base_mom)

    @property
    def yoy_print(self) -> float:
        """The print the nowcast implies: YoY in percent rounded to 0.1, as NBS prints it."""
        return round_print(self.yoy * 100.0)

    def interval(self, level: float = 0.8) -> tuple[float, float]:
        """Central interval of the YoY in percent (normal, ``sigma`` = YoY standard error)."""
        from statistics import NormalDist

        if not 0 < level < 1:
            raise ModelError(f"level must be in (0, 1); got {level!r}")
        z = NormalDist().inv_cdf(0.5 + level / 2)
        return ((self.yoy - z * self.sigma) * 100.0, (self.yoy + z * self.sigma) * 100.0)

    def to_frame(self) -> pd.DataFrame:
        """One row (the month) of the headline numbers in percent."""
        lo, hi = self.interval()
        row = {
            "nowcast": self.yoy_print,
            "nowcast_unrounded": self.yoy * 100,
            "lower": lo,
            "upper": hi,
            "nowcast_mom": self.mom * 100,
            "previous_yoy": self.anchor_yoy * 100,
            "base_mom": self.base_mom * 100,
            "carry": self.carry * 100,
        }
        return pd.DataFrame([row], index=pd.PeriodIndex([self.month], name="month"))

    def summary(self) -> pd.DataFrame:
        """The decomposition (fractions): each input's change, coefficient and MoM/YoY contribution,
        then the carry and the total; without contributions, :meth:`to_frame`."""
        if self.contributions is None:
            return self.to_frame()
        extra = pd.DataFrame(
            {"change": [np.nan, np.nan], "coef": [np.nan, np.nan], "mom": [np.nan, self.mom],
             "yoy": [self.carry, self.yoy]},
            index=pd.Index(["carry", "total"], name="input"),
        )
        return pd.concat([self.contributions, extra])

    def to_dict(self) -> dict[str, Any]:
        """The nowcast as published numbers (percent, rounded), the shape of ``to_json()``."""
        lo, hi = self.interval()
        out: dict[str, Any] = {
            "target": self.target.yoy_id,
            "model": self.model,
            "month": self.month.strftime("%Y-%m"),
            "as_of": self.as_of.strftime("%Y-%m-%d"),
            "nowcast": self.yoy_print,
            "nowcast_unrounded": round(self.yoy * 100, 4),
            "interval_80": [round(lo, 3), round(hi, 3)],
            "nowcast_mom": round(self.mom * 100, 4),
            "previous_yoy": round(self.anchor_yoy * 100, 4),
            "base_mom": round(self.base_mom * 100, 4),
            "carry": round(self.carry * 100, 4),
        }
        if self.contributions is not None:
            out["contributions"] = [
                {
                    "input": str(k),
                    "change": None if pd.isna(r["change"]) else round(float(r["change"]) * 100, 4),
                    "coef": None if pd.isna(r["coef"]) else round(float(r["coef"]), 6),
                    "mom_pp": round(float(r["mom"]) * 100, 4),
                    "yoy_pp": round(float(r["yoy"]) * 100, 4),
                }
                for k, r in self.contributions.iterrows()
            ]
        if self.weights:
            out["weights"] = {k: round(float(v), 4) for k, v in self.weights.items()}
        if self.missing_inputs:
            out["missing_inputs"] = list(self.missing_inputs)
        if self.reconciled:
            out["reconciled_mom"] = [p.strftime("%Y-%m") for p in self.reconciled]
        if self.notes:
            out["notes"] = list(self.notes)
        return out


def contributions_frame(
    names: list[str], change: list[float], coef: list[float], mom: list[float], scale: float
) -> pd.DataFrame:
    """The contributions table (see :class:`Nowcast`); ``scale`` is ``A = (1+y_{t-1})/(1+m_{t-12})``."""
    df = pd.DataFrame(
        {"change": np.asarray(change, float), "coef": np.asarray(coef, float), "mom": np.asarray(mom, float)},
        index=pd.Index(names, name="input"),
    )
    df["yoy"] = df["mom"] * scale
    return df


def anchor_of(hist: Any, month: pd.Period, what: str = "") -> tuple[float, float]:
    """(published YoY of month-1, MoM of month-12) from a :class:`TargetHistory`, or raise ModelError."""
    prev = month - 1
    y = hist.yoy
    if len(y.dropna()) == 0 or y.dropna().index[-1] < prev or pd.isna(y.get(prev, np.nan)):
        last = y.dropna().index[-1] if len(y.dropna()) else "nothing"
        raise ModelError(
            f"the YoY of {prev} is not published in the information set (published through {last}); "
            "import the latest release or choose an earlier as-of date"
        )
    base = hist.mom.get(month - 12, np.nan)
    if pd.isna(base):
        raise ModelError(f"the MoM of {month - 12} (the base month) is missing and cannot be reconciled")
    return float(y[prev]), float(base)


def annotate(nc: Nowcast, **changes: Any) -> Nowcast:
    """A copy of a nowcast with some fields changed."""
    import dataclasses

    return dataclasses.replace(nc, **changes)

