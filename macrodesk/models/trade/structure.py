"""Contributions of parts (regions, products, partners) to the YoY of a total.

:func:`trade_contributions` computes, for each part ``i``,

* the contribution (拉动, pp) to the total's YoY
  ``c_{i,t} = (X_{i,t} - X_{i,t-12}) / X_{total,t-12}`` (seed Figures 5–7, 9),
* its change from the prior month, the "marginal change" ``c_{i,t} - c_{i,t-1}`` (Figure 8),
* the part's own YoY and two-year compound growth ``sqrt(X_t / X_{t-24}) - 1`` (Figure 10),

plus a residual "other" (``total YoY − Σ c_i``), so the bars always add up to the
total's YoY computed from the same levels. Parts must not overlap; a residual
level below zero means they do, and is an error.

With ``janfeb=True`` January and February are combined (Spring Festival / Tet
neutral, as the flash's headline): February holds Jan + Feb, January is left out,
and February's prior month is December.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

import numpy as np
import pandas as pd

from macrodesk import transforms as T
from macrodesk.exceptions import ModelError
from macrodesk.models._base import NotComputable, ResultsMixin, check_frame
from macrodesk.models.trade._frames import months as _months
from macrodesk.models.trade._frames import row as _row
from macrodesk.series import parse_period

__all__ = ["Contributions", "trade_contributions", "OTHER"]

#: Column key of the residual part.
OTHER = "_other"

# Tolerance for a negative residual level (rounding of published parts): 0.5% of the total.
_OVERLAP_TOL = 0.005


@dataclass(frozen=True)
class Contributions(ResultsMixin):
    """Contributions of parts to a total's YoY in ``month`` (fractions).

    ``history`` holds the contributions of every part (and :data:`OTHER`) by month;
    ``total_yoy`` the total's YoY from levels; ``table`` one row per part with
    ``contribution``, ``prior``, ``marginal``, ``yoy``, ``cagr2y``, ``cagr2y_prior``
    and ``share`` (the part's share of the total a year earlier). ``name`` (the total),
    ``what`` (what a part is) and ``labels`` (key -> name) are (zh, en) names for the views.
    """

    name: tuple[str, str]
    what: tuple[str, str]
    month: pd.Period
    labels: Mapping[str, tuple[str, str]]
    history: pd.DataFrame
    total_yoy: pd.Series
    table: pd.DataFrame
    janfeb: bool = False
    computable: ClassVar[bool] = True

    @property
    def prior_month(self) -> pd.Period:
        """The month the prior values are for (December when February stands for Jan–Feb)."""
        return self.month - (2 if self.janfeb and self.month.month == 2 else 1)

    @property
    def is_janfeb(self) -> bool:
        """True when ``month`` is February standing for Jan–Feb combined."""
        return self.janfeb and self.month.month == 2

    @property
    def total(self) -> float:
        return float(self.total_yoy.get(self.month, np.nan))

    @property
    def contribution(self) -> pd.Series:
        return self.table["contribution"]

    @property
    def marginal(self) -> pd.Series:
        return self.table["marginal"]

    def check_sum(self) -> float:
        """Σ contributions (incl. other) − total YoY in ``month``; 0 up to float rounding."""
        return float(self.table["contribution"].sum() - self.total)

    def to_frame(self) -> pd.DataFrame:
        """The table: one row per part (and :data:`OTHER`), fractions."""
        return self.table


def trade_contributions(
    parts: pd.DataFrame,
    total: pd.Series,
    month: Any,
    *,
    labels: Mapping[str, tuple[str, str]] | None = None,
    name: tuple[str, str] = ("出口", "exports"),
    what: tuple[str, str] = ("地区", "Region"),
    janfeb: bool = False,
):
    """Contributions of ``parts`` to the YoY of ``total`` in ``month``.

    Parameters
    ----------
    parts : DataFrame
        Levels of the parts, one column per part (same unit as ``total``).
        Missing values (a partner not reported that month) are allowed: that
        part's contribution is NaN and is absorbed by "other".
    total : Series
        Level of the total.
    month : Period or 'YYYY-MM'
    labels : mapping key -> (zh, en), optional
    name, what : (zh, en)
        The total's name ("出口") and what a part is ("地区", "产品").
    janfeb : bool
        Combine January and February (February holds Jan + Feb of both parts and total,
        January is left out, February's prior is December).

    Returns
    -------
    Contributions, or NotComputable when no part has a contribution in ``month``.

    Raises
    ------
    ModelError
        If the parts add up to more than the total (they overlap) in a month used.

    Notes
    -----
    ``c_{i,t} = (X_{i,t} - X_{i,t-12}) / X_{total,t-12}``; ``c_{other,t} = y_t - Σ_i c_{i,t}`` with
    ``y_t = X_{total,t} / X_{total,t-12} - 1``; marginal ``c_{i,t} - c_{i,t-1}``;
    ``g2_{i,t} = sqrt(X_{i,t} / X_{i,t-24}) - 1``.
    """
    p = check_frame(parts, "parts")
    tot = check_frame(total, "total").iloc[:, 0]
    m = parse_period(month, "M", name="month", error=ModelError)
    lo = min(p.index[0], tot.index[0]) if len(p) and len(tot) else m
    hi = max(p.index[-1], tot.index[-1], m) if len(p) and len(tot) else m
    full = pd.period_range(lo, hi, freq="M")
    p, tot = p.reindex(full), tot.reindex(full)
    if janfeb:
        p, tot = _janfeb_levels(p), _janfeb_levels(tot)
    # parts that overlap show up as a negative rest-of-world level
    used = pd.PeriodIndex([q for q in (m, m - 1, m - 12, m - 13) if q in full], freq="M")
    rest = tot[used] - p.loc[used].sum(axis=1, min_count=1)
    bad = rest[rest < -_OVERLAP_TOL * tot[used]]
    if len(bad):
        q = _months(bad)[0]
        raise ModelError(
            f"the parts add up to {_row(p, q).sum():.1f} in {q}, more than the total {tot.get(q):.1f}: "
            "they overlap (drop aggregates such as APEC, RCEP or BRI) or are in another unit."
        )
    contrib = T.part_contribution_to_yoy(p, tot)
    ty = T.yoy(tot)
    contrib[OTHER] = ty - contrib.sum(axis=1, min_count=1).fillna(0.0)
    contrib.loc[ty.isna(), OTHER] = np.nan
    if m not in contrib.index or _row(contrib, m).drop(OTHER).notna().sum() == 0 or not np.isfinite(ty.get(m, np.nan)):
        return NotComputable(
            what=f"{name[1]} contributions by {what[1].lower()}",
            reason=f"no part has a level in both {m} and {m - 12}",
            reason_zh=f"{m}与{m - 12}没有同时具备数据的{what[0]}")
    prior_m = m - (2 if janfeb and m.month == 2 else 1)
    part_yoy = T.yoy(p)
    c2 = T.cagr2y(p)
    base_share = p.shift(12).div(tot.shift(12), axis=0)
    keys = list(p.columns) + [OTHER]
    prior = _row(contrib, prior_m)[keys] if prior_m in contrib.index else pd.Series(np.nan, index=keys)
    tbl = pd.DataFrame(
        {
            "contribution": _row(contrib, m)[keys],
            "prior": prior,
            "marginal": _row(contrib, m)[keys] - prior,  # 边际变化 c_t - c_prior
            "yoy": _row(part_yoy, m).reindex(keys),
            "cagr2y": _row(c2, m).reindex(keys),
            "cagr2y_prior": _row(c2, prior_m).reindex(keys) if prior_m in c2.index else np.nan,
            "share": _row(base_share, m).reindex(keys),
        }
    )
    tbl.loc[OTHER, "share"] = 1.0 - _row(base_share, m).sum(min_count=1)
    tbl = tbl[tbl["contribution"].notna() | tbl["prior"].notna()]
    history = contrib[contrib.index <= m]
    return Contributions(name, what, m, dict(labels or {}), history, ty[ty.index <= m], tbl, janfeb)


def _janfeb_levels(x: pd.DataFrame | pd.Series) -> Any:
    """February := January + February (NaN unless both exist), January := NaN."""
    out = x.copy()
    idx = _months(out)
    feb = np.flatnonzero(idx.month == 2)
    feb = feb[feb > 0]
    vals = out.to_numpy(dtype="float64", copy=True)
    vals[feb] = vals[feb] + vals[feb - 1]
    vals[np.flatnonzero(idx.month == 1)] = np.nan
    if isinstance(out, pd.DataFrame):
        return pd.DataFrame(vals, index=out.index, columns=out.columns)
    return pd.Series(vals, index=out.index, name=out.name)
