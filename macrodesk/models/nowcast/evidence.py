"""The default nowcast: members weighted by where they beat the others (model ``"evidence"``).

At origin ``t`` each member's real-time MoM nowcasts of the previous ``window``
months (each made on that month's own information set) are compared with the
published MoM, all released by ``t``. A member's weight is the share of those
months in which its error was the smallest in absolute value (ties split)::

    w_k = #{s in t-window..t-1 : |e_{k,s}| < |e_{j,s}| for all j != k} / #{s}

so a member gets weight only in proportion to how often it beat the others over
the trailing window, using only errors known at the origin; one that never won
gets none. Until every member has ``min_errors`` past errors the first member is
used alone. The machinery (real-time member nowcasts, a member that cannot nowcast
a month dropping out of it, the interval) is that of
:class:`~macrodesk.models.nowcast.combine.CombinedNowcaster`.

Default members: CPI — the Spring-Festival-aware model (:mod:`.cpi_sf`) and the
bridge; PPI — the bridge alone (its weight is then one). Over the 2015-2022
real-time backtest the bridge on its own (printed MAE 0.151) beats its win-share
combination with the bottom-up group model (:mod:`.ppi_groups`, 0.164): the group
model seldom wins by enough to pay for the months in which its weight costs
accuracy, so it stays available as model ``"groups"`` but out of the default.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

import numpy as np
import pandas as pd

from macrodesk.models.nowcast.base import TargetSpec, get_target
from macrodesk.models.nowcast.combine import CombinedNowcaster
from macrodesk.models.nowcast.nowcaster import Nowcaster

__all__ = ["EvidenceNowcaster", "win_share_weights", "default_members"]

_TIE = 1e-12


def win_share_weights(errors: pd.DataFrame, min_errors: int = 12) -> dict[str, float] | None:
    """Share of the months (rows with every member's error) in which each member had the smallest |error|.

    Ties split the month equally. ``None`` when fewer than ``min_errors`` months
    have every member's error (the caller falls back to one member).
    """
    if errors.shape[1] == 0:
        return None
    e = errors.dropna()
    if len(e) < min_errors:
        return None
    a = np.abs(e.to_numpy(float))
    best = a.min(axis=1, keepdims=True)
    win = (a <= best + _TIE).astype(float)
    win /= win.sum(axis=1, keepdims=True)
    share = win.sum(axis=0) / len(e)
    return {str(c): float(v) for c, v in zip(e.columns, share)}


def default_members(target: str | TargetSpec) -> tuple[Nowcaster, ...]:
    """The members of the default model for ``target`` (see the module docstring)."""
    from macrodesk.models.nowcast.bridge import BridgeNowcaster

    spec = get_target(target)
    if spec.key == "cpi":
        from macrodesk.models.nowcast.cpi_sf import SFNowcaster

        return (SFNowcaster(spec), BridgeNowcaster(spec))
    return (BridgeNowcaster(spec),)


class EvidenceNowcaster(CombinedNowcaster):
    """Members weighted by their share of wins over the trailing ``window`` months (see the module docstring)."""

    name: ClassVar[str] = "evidence"

    @staticmethod
    def weigh(errors: pd.DataFrame, min_errors: int) -> dict[str, float] | None:
        return win_share_weights(errors, min_errors)

    def __init__(
        self,
        target: str | TargetSpec = "cpi_yoy",
        members: Sequence[Nowcaster] | None = None,
        *,
        window: int = 12,
        min_errors: int = 12,
    ) -> None:
        super().__init__(target, members if members is not None else default_members(target),
                         window=window, min_errors=min_errors)
