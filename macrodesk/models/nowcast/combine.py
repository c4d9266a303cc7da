"""Combination of nowcasts with inverse-MSE weights estimated on past errors only.

At origin ``t`` every member model's real-time MoM nowcasts of the previous
``window`` months (each made on that month's own information set) are compared
with the published MoM, all of which is released by the end of ``t``::

    MSE_k = mean_{s in t-window..t-1} (m^_{k,s} - m_s)^2,   w_k = (1/MSE_k) / sum_j (1/MSE_j)
    m^_t = sum_k w_k m^_{k,t}

A member needs ``min_errors`` past errors to get a weight; until every available
member has them the first member (the bridge model) is used alone. A member that
cannot nowcast month ``t`` drops out of that month's combination. The uncertainty
is the root mean square of the past errors of the combination with the current
weights.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

import numpy as np
import pandas as pd

from macrodesk.exceptions import ModelError
from macrodesk.models._base import NotComputable, ResultsMixin
from macrodesk.models.nowcast.base import _ANCHOR_ROUNDING_VAR, Nowcast, TargetSpec, contributions_frame
from macrodesk.models.nowcast.data import RELEASE_DAY, InfoSet, collect
from macrodesk.models.nowcast.nowcaster import Nowcaster

__all__ = ["CombinedNowcaster", "inverse_mse_weights", "combine_nowcasts"]


def inverse_mse_weights(errors: pd.DataFrame, min_errors: int = 12) -> dict[str, float] | None:
    """Weights ``w_k = (1/MSE_k) / sum_j (1/MSE_j)`` from a months x models frame of past errors.

    Each column's MSE uses its own non-missing errors; ``None`` when a column has
    fewer than ``min_errors`` of them (the caller falls back to one model). A zero
    MSE gets all the weight.
    """
    if errors.shape[1] == 0:
        return None
    mse = {}
    for c in errors.columns:
        e = errors[c].dropna().to_numpy(float)
        if e.size < min_errors:
            return None
        mse[str(c)] = float(np.mean(e**2))
    zero = [k for k, v in mse.items() if v == 0.0]
    if zero:
        return {k: (1.0 / len(zero) if k in zero else 0.0) for k in mse}
    inv = {k: 1.0 / v for k, v in mse.items()}
    s = sum(inv.values())
    return {k: v / s for k, v in inv.items()}


def combine_nowcasts(
    current: Mapping[str, Nowcast | NotComputable | None],
    past_errors: pd.DataFrame,
    *,
    primary: str,
    target: TargetSpec,
    min_errors: int = 12,
    weigh: Callable[[pd.DataFrame, int], dict[str, float] | None] = inverse_mse_weights,
    name: str = "combo",
) -> Nowcast | NotComputable:
    """Combine the members' nowcasts of one month given their past MoM errors (fractions).

    ``weigh(errors, min_errors)`` gives the weights (default :func:`inverse_mse_weights`);
    ``name`` is the combined nowcast's model name.
    """
    ok = {k: v for k, v in current.items() if isinstance(v, Nowcast)}
    if not ok:
        first = next(iter(current.values()))
        return first if isinstance(first, NotComputable) else NotComputable(
            f"combined nowcast of {target.yoy_id}", "no member model could nowcast this month"
        )
    cols = [k for k in ok if k in past_errors.columns]
    weights = weigh(past_errors[cols], min_errors) if len(cols) == len(ok) else None
    notes: tuple[str, ...] = ()
    if weights is None:
        lead = primary if primary in ok else next(iter(ok))
        weights = {k: (1.0 if k == lead else 0.0) for k in ok}
        notes = (f"fewer than {min_errors} past errors for every model: {lead} alone",)
    base_nc = ok[primary] if primary in ok else next(iter(ok.values()))
    mom = float(sum(weights[k] * ok[k].mom for k in ok))
    err = past_errors[list(ok)].dropna()
    if len(err) >= min_errors:
        comb = err.to_numpy(float) @ np.array([weights[k] for k in ok])
        sigma_mom = float(np.sqrt(np.mean(comb**2)))
        scale = (1.0 + base_nc.anchor_yoy) / (1.0 + base_nc.base_mom)
        sigma = float(np.sqrt(scale**2 * sigma_mom**2 + _ANCHOR_ROUNDING_VAR))
    else:
        sigma = float(np.sqrt(sum(weights[k] * ok[k].sigma ** 2 for k in ok)))
    scale = (1.0 + base_nc.anchor_yoy) / (1.0 + base_nc.base_mom)
    contrib = None
    if base_nc.contributions is not None and base_nc.model in weights:
        c = base_nc.contributions.copy()
        w = weights[base_nc.model]
        names = list(c.index) + [k for k in ok if k != base_nc.model]
        change = list(c["change"]) + [ok[k].mom for k in ok if k != base_nc.model]
        coef = list(c["coef"] * w) + [weights[k] for k in ok if k != base_nc.model]
        moms = list(c["mom"] * w) + [weights[k] * ok[k].mom for k in ok if k != base_nc.model]
        contrib = contributions_frame(names, change, coef, moms, scale)
    missing = tuple(dict.fromkeys(m for v in ok.values() for m in v.missing_inputs))
    reconciled = tuple(sorted(set(p for v in ok.values() for p in v.reconciled)))
    return Nowcast(
        target, name, base_nc.month, base_nc.as_of, mom, base_nc.anchor_yoy, base_nc.base_mom, sigma,
        contributions=contrib, missing_inputs=missing, reconciled=reconciled, weights=weights, notes=notes,
    )


@dataclass(frozen=True, eq=False)
class CombinedFit(ResultsMixin):
    """The members' nowcasts of one month and their past errors; :meth:`predict` combines them."""

    target: TargetSpec
    current: Mapping[str, Any]
    past_errors: pd.DataFrame
    primary: str
    min_errors: int
    computable: ClassVar[bool] = True

    weigh: Callable[[pd.DataFrame, int], dict[str, float] | None] = inverse_mse_weights
    name: str = "combo"

    def predict(self) -> Nowcast | NotComputable:
        return combine_nowcasts(
            self.current, self.past_errors, primary=self.primary, target=self.target, min_errors=self.min_errors,
            weigh=self.weigh, name=self.name,
        )

    def to_frame(self) -> pd.DataFrame:
        """The members' past real-time MoM errors (fractions), months x models."""
        return self.past_errors.copy()


class CombinedNowcaster(Nowcaster):
    """Inverse-MSE combination of member nowcasters (default: bridge and factor model).

    ``window`` months of past errors, ``min_errors`` of them needed per member.
    """

    name: ClassVar[str] = "combo"

    @staticmethod
    def weigh(errors: pd.DataFrame, min_errors: int) -> dict[str, float] | None:
        """The members' weights from their past errors (here :func:`inverse_mse_weights`)."""
        return inverse_mse_weights(errors, min_errors)

    def __init__(
        self,
        target: str | TargetSpec = "cpi_yoy",
        members: Sequence[Nowcaster] | None = None,
        *,
        window: int = 24,
        min_errors: int = 12,
    ) -> None:
        super().__init__(target)
        if members is None:
            from macrodesk.models.nowcast.bridge import BridgeNowcaster
            from macrodesk.models.nowcast.dfm import DFMNowcaster

            members = (BridgeNowcaster(self.target), DFMNowcaster(self.target))
        if not members:
            raise ModelError("a combination needs at least one member model")
        names = [m.name for m in members]
        if len(set(names)) != len(names):
            raise ModelError(f"member models must have distinct names; got {names}")
        if min_errors < 2 or window < min_errors:
            raise ModelError(f"need 2 <= min_errors <= window; got min_errors={min_errors}, window={window}")
        self.members = tuple(members)
        self.window = int(window)
        self.min_errors = int(min_errors)

    def series_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(i for m in self.members for i in m.series_ids()))

    def _errors(self, past: Mapping[str, Mapping[pd.Period, Any]], months: pd.PeriodIndex, mom: pd.Series) -> pd.DataFrame:
        cols = {}
        for name, ncs in past.items():
            vals = []
            for s in months:
                nc = ncs.get(s)
                m_s = float(mom.get(s, np.nan))
                ok = isinstance(nc, Nowcast) and np.isfinite(m_s)
                vals.append(nc.mom - m_s if isinstance(nc, Nowcast) and ok else np.nan)
            cols[name] = vals
        return pd.DataFrame(cols, index=months)

    def fit(self, info: InfoSet) -> CombinedFit | NotComputable:
        t = info.month
        try:
            hist = info.target(self.target.yoy_id, self.target.mom_id)
        except ModelError as exc:
            return NotComputable(f"combined nowcast of {self.target.yoy_id} for {t}", str(exc))
        months = pd.period_range(t - self.window, t - 1, freq="M")
        past: dict[str, dict[pd.Period, Any]] = {m.name: {} for m in self.members}
        for s in months:
            sub = info.at(s.asfreq("D", how="end"))
            for m in self.members:
                try:
                    past[m.name][s] = m.predict(sub)
                except ModelError:
                    past[m.name][s] = None
        current = {m.name: m.predict(info) for m in self.members}
        return CombinedFit(self.target, current, self._errors(past, months, hist.mom), self.members[0].name,
                           self.min_errors, self.weigh, self.name)

    def nowcasts(self, data: Any, months: pd.PeriodIndex, *, release_day: int | None = None, progress=None):
        """Members' nowcasts over the window before ``months`` and ``months``, then combined month by month."""
        src = collect(data, self.series_ids())
        rd = RELEASE_DAY if release_day is None else release_day
        ext = pd.period_range(months[0] - self.window, months[-1], freq="M")
        member_ncs = {}
        for m in self.members:
            member_ncs[m.name] = m.nowcasts(src, ext, release_day=rd, progress=None)
        out: dict[pd.Period, Nowcast | NotComputable] = {}
        for t in months:
            info = InfoSet.build(src, t.asfreq("D", how="end"), release_day=rd, ids=[self.target.yoy_id, self.target.mom_id])
            try:
                hist = info.target(self.target.yoy_id, self.target.mom_id)
            except ModelError as exc:
                out[t] = NotComputable(f"combined nowcast of {self.target.yoy_id} for {t}", str(exc))
                continue
            window = pd.period_range(t - self.window, t - 1, freq="M")
            errors = self._errors(member_ncs, window, hist.mom)
            current = {k: v.get(t) for k, v in member_ncs.items()}
            out[t] = combine_nowcasts(
                current, errors, primary=self.members[0].name, target=self.target, min_errors=self.min_errors,
                weigh=self.weigh, name=self.name,
            )
            if progress is not None:
                progress(t)
        return out
