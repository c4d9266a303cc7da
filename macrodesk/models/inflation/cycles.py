"""Price cycles: turning points, up-cycle episode tables and MoM overlays (the pig cycle).

The seed outlook's Table 3 lists the pork up-cycles since 2015 — start, end,
rise, change of pork CPI YoY, average pork CPI MoM and the length of the decline
before each — and its neutral case adds a pork overlay: pork CPI MoM +3% a
month for six months at a 2% weight lifts headline CPI by about 0.06 pp a
month (0.36 pp in all).

* :func:`turning_points` — peaks and troughs of a price level (zigzag with a
  minimum swing).
* :func:`upcycles` — the up-cycle episode table (:class:`Upcycles`).
* :func:`overlay` — a component MoM path times its weight, in pp of the
  headline per month (:class:`Overlay`); :func:`constant_path` builds the path.

Conventions (they reproduce the seed's dating): an episode runs from the month
after a trough (``start``) to the peak (``end``); ``months = end - trough``;
``rise = L_end / L_trough - 1 = prod_{start..end}(1 + m) - 1``; the preceding
decline lasts ``trough - previous peak`` months; the YoY change is
``yoy_end - yoy_trough``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

import numpy as np
import pandas as pd

from macrodesk.exceptions import ModelError
from macrodesk.models._base import NotComputable, ResultsMixin, check_series, period_arg

__all__ = ["Overlay", "Upcycles", "constant_path", "overlay", "turning_points", "upcycles"]


# ---------------------------------------------------------------- turning points
def turning_points(level: pd.Series, swing: float = 0.15) -> pd.DataFrame:
    """Peaks and troughs of a level series: a zigzag with a minimum swing.

    Parameters
    ----------
    level : Series
        Monthly price levels (missing months are skipped).
    swing : float
        Minimum move, as a fraction, that confirms a turning point: a peak is
        confirmed once the level has fallen ``swing`` below it, a trough once it
        has risen ``swing`` above it.

    Returns
    -------
    DataFrame
        Index: the turning-point periods in order; columns ``kind`` ('peak' or
        'trough', alternating), ``level`` and ``confirmed`` (False for the last
        extreme when the data end before the reversal that would confirm it,
        and for an extreme at the very first observation, which may be mid-move).

    Notes
    -----
    The search runs once per turning point, each step vectorised: from a trough
    at ``p``, the next peak is ``argmax L[p..j]`` where ``j`` is the first period
    with ``L_j <= (1 - swing) max L[p..j]`` (and symmetrically from a peak).
    """
    s = check_series(level, "level").dropna()
    if not (isinstance(swing, (int, float)) and 0 < swing < 1):
        raise ModelError(f"swing must be a fraction between 0 and 1 (e.g. 0.15); got {swing!r}.")
    if (s <= 0).any():
        raise ModelError("level must be positive (a price or price index); got a value <= 0.")
    v = s.to_numpy()
    n = len(v)
    kinds: list[str] = []
    where: list[int] = []
    confirmed: list[bool] = []
    if n >= 2:
        up = np.flatnonzero(v >= np.minimum.accumulate(v) * (1 + swing))
        dn = np.flatnonzero(v <= np.maximum.accumulate(v) * (1 - swing))
        if len(up) or len(dn):
            first_up = up[0] if len(up) else n
            first_dn = dn[0] if len(dn) else n
            if first_up < first_dn:
                p, mode = int(np.argmin(v[: first_up + 1])), "trough"
            else:
                p, mode = int(np.argmax(v[: first_dn + 1])), "peak"
            kinds.append(mode)
            where.append(p)
            confirmed.append(p > 0)  # an extreme at the first observation may be mid-move: not confirmed
            while True:
                seg = v[p:]
                if mode == "trough":  # look for the next peak
                    hit = np.flatnonzero(seg <= np.maximum.accumulate(seg) * (1 - swing))
                    nxt, kind = (np.argmax(seg[: hit[0] + 1]) if len(hit) else np.argmax(seg)), "peak"
                else:
                    hit = np.flatnonzero(seg >= np.minimum.accumulate(seg) * (1 + swing))
                    nxt, kind = (np.argmin(seg[: hit[0] + 1]) if len(hit) else np.argmin(seg)), "trough"
                if nxt == 0:
                    break
                p = p + int(nxt)
                kinds.append(kind)
                where.append(p)
                confirmed.append(bool(len(hit)))
                mode = kind
                if not len(hit):
                    break
    idx = s.index[where] if where else s.index[:0]
    return pd.DataFrame({"kind": kinds, "level": v[where] if where else [], "confirmed": confirmed}, index=idx)


# ---------------------------------------------------------------- up-cycles
_EPISODE_COLS = ["trough", "start", "end", "rise", "months", "avg_mom", "geo_mom", "yoy_change",
                 "prior_decline", "ongoing", "companion_rise", "companion_avg_mom"]


@dataclass(frozen=True)
class Upcycles(ResultsMixin):
    """Up-cycle episodes of a price series (one row each) and the turning points behind them.

    ``episodes`` columns: ``trough`` (Period), ``start`` (first rising month),
    ``end`` (peak), ``rise`` (fraction), ``months``, ``avg_mom`` (mean of the
    given MoM series over start..end, NaN if any month is missing),
    ``geo_mom`` (``(1 + rise)^(1/months) - 1``), ``yoy_change`` (of the given
    YoY series, end minus trough, fraction), ``prior_decline`` (months from the
    previous peak to the trough), ``ongoing`` (the peak is not yet confirmed),
    ``companion_rise`` and ``companion_avg_mom`` (the rise trough to peak and the mean
    MoM over start..peak of a companion price level, e.g. the pork price against the hog
    price; NaN where it does not cover the episode).
    ``name``/``mom_name``/``companion_name`` label the price, the MoM series and the
    companion (``*_zh``: their Chinese names, for the Chinese text; each falls back to the other).
    """

    level: pd.Series
    episodes: pd.DataFrame
    turning: pd.DataFrame
    swing: float
    min_rise: float
    min_months: int
    name: str = ""
    mom_name: str = ""
    notes: tuple[str, ...] = ()
    name_zh: str = ""
    mom_name_zh: str = ""
    companion_name: str = ""
    companion_name_zh: str = ""
    #: whether a MoM / YoY series was given (their columns are shown even where they do not cover an episode)
    has_mom: bool = False
    has_yoy: bool = False
    computable: ClassVar[bool] = True

    @property
    def current_decline(self) -> tuple[pd.Period, int, float] | None:
        """(last peak, months since it, change since it) if the series is falling from a confirmed peak."""
        tp = self.turning
        peaks = tp[(tp["kind"] == "peak") & tp["confirmed"]]
        if peaks.empty:
            return None
        last_peak = peaks.index[-1]
        later = tp[tp.index > last_peak]
        if len(later) and bool(later["confirmed"].iloc[0]):
            return None  # a confirmed trough came after: not in a decline
        lv = self.level.dropna()
        end = lv.index[-1]
        return last_peak, (end - last_peak).n, float(lv.iloc[-1] / lv.loc[last_peak] - 1)

    def to_frame(self) -> pd.DataFrame:
        """The episode table (one row per up-cycle; fractions and months)."""
        return self.episodes


def upcycles(
    level: pd.Series,
    *,
    swing: float = 0.15,
    min_rise: float = 0.30,
    min_months: int = 3,
    mom: pd.Series | None = None,
    yoy: pd.Series | None = None,
    since: Any = None,
    name: str = "",
    mom_name: str = "",
    name_zh: str = "",
    mom_name_zh: str = "",
    companion: pd.Series | None = None,
    companion_name: str = "",
    companion_name_zh: str = "",
) -> Upcycles | NotComputable:
    """The up-cycle episodes of a price level (seed Table 3).

    Parameters
    ----------
    level : Series
        Monthly price level (e.g. the hog spot price index or the pork price).
    swing : float
        Zigzag threshold for turning points (:func:`turning_points`).
    min_rise, min_months : float, int
        An episode counts when the rise from trough to peak is at least
        ``min_rise`` and it lasts at least ``min_months`` months.
    mom, yoy : Series, optional
        Monthly MoM / YoY (fractions) of a related series, e.g. pork CPI, for the
        ``avg_mom`` and ``yoy_change`` columns.
    since : period-like, optional
        Keep episodes starting on or after this month.
    name, mom_name, name_zh, mom_name_zh : str
        Labels of the price and the MoM series, in English and Chinese (for the views).
    companion : Series, optional
        Monthly level of a related price (e.g. the pork wholesale price) for the
        ``companion_rise`` and ``companion_avg_mom`` columns; ``companion_name(_zh)`` label it.

    Returns
    -------
    Upcycles, or NotComputable if the level has fewer than 3 observations.

    Notes
    -----
    ``rise = L_peak / L_trough - 1``, ``months = peak - trough``,
    ``avg_mom = mean(m_{start..peak})``, ``geo_mom = (1 + rise)^(1/months) - 1``,
    ``prior_decline = trough - previous peak``, ``yoy_change = y_peak - y_trough``.
    """
    s = check_series(level, "level")
    if s.notna().sum() < 3:
        return NotComputable(f"up-cycles of {name}", f"only {int(s.notna().sum())} observations (need 3)",
                             what_zh=f"{name_zh or name}上涨周期", reason_zh=f"仅有{int(s.notna().sum())}个观测值")
    if isinstance(min_months, bool) or not isinstance(min_months, (int, np.integer)) or min_months < 1:
        raise ModelError(f"min_months must be a positive integer; got {min_months!r}.")
    m = check_series(mom, "mom") if mom is not None else None
    y = check_series(yoy, "yoy") if yoy is not None else None
    comp = check_series(companion, "companion") if companion is not None else None
    comp_mom = comp / comp.shift(1, freq="M").reindex(comp.index) - 1 if comp is not None else None
    tp = turning_points(s, swing)
    p0 = period_arg(since, "since", "M")
    rows = []
    notes: list[str] = []
    kinds = tp["kind"].to_numpy()
    for i in np.flatnonzero(kinds == "trough"):
        if i + 1 >= len(tp):
            break
        if not tp["confirmed"].iloc[i]:
            continue  # a trough at the first observation: the rise may have begun earlier
        trough, peak = tp.index[int(i)], tp.index[int(i) + 1]
        rise = float(tp["level"].iloc[i + 1] / tp["level"].iloc[i] - 1)
        months = (peak - trough).n
        if rise < min_rise or months < min_months:
            continue
        start = trough + 1
        if p0 is not None and start < p0:
            continue
        prior = (float((trough - tp.index[int(i) - 1]).n)
                 if i >= 1 and kinds[i - 1] == "peak" and tp["confirmed"].iloc[i - 1] else np.nan)
        avg = np.nan
        if m is not None:
            span = m.reindex(pd.period_range(start, peak, freq="M"))
            if span.notna().all():
                avg = float(span.mean())
            else:
                gaps = [str(p) for p in span.index[span.isna().to_numpy()]]
                notes.append(f"{start}..{peak}: {mom_name or 'mom'} missing {', '.join(gaps[:4])}"
                             + (f" (+{len(gaps) - 4} more)" if len(gaps) > 4 else ""))
        ych = np.nan
        if y is not None:
            a, b = y.get(peak, np.nan), y.get(trough, np.nan)
            ych = float(a - b) if np.isfinite(a) and np.isfinite(b) else np.nan
        c_rise = c_avg = np.nan
        if comp is not None and comp_mom is not None:
            a, b = comp.get(peak, np.nan), comp.get(trough, np.nan)
            c_rise = float(a / b - 1) if np.isfinite(a) and np.isfinite(b) else np.nan
            cm = comp_mom.reindex(pd.period_range(start, peak, freq="M"))
            c_avg = float(cm.mean()) if cm.notna().all() else np.nan
        rows.append({
            "trough": trough, "start": start, "end": peak, "rise": rise, "months": months, "avg_mom": avg,
            "geo_mom": (1 + rise) ** (1 / months) - 1, "yoy_change": ych, "prior_decline": prior,
            "ongoing": not bool(tp["confirmed"].iloc[i + 1]), "companion_rise": c_rise, "companion_avg_mom": c_avg,
        })
    episodes = pd.DataFrame(rows, columns=_EPISODE_COLS)
    return Upcycles(s, episodes, tp, float(swing), float(min_rise), int(min_months), name, mom_name, tuple(notes),
                    name_zh, mom_name_zh, companion_name, companion_name_zh, m is not None, y is not None)


# ---------------------------------------------------------------- overlays
def constant_path(mom: float, start: Any, months: int) -> pd.Series:
    """A MoM path of ``months`` months from ``start``, each ``mom`` (fraction): e.g. ``constant_path(0.03, '2026-02', 6)``."""
    p = period_arg(start, "start", "M")
    if isinstance(months, bool) or not isinstance(months, (int, np.integer)) or months < 1:
        raise ModelError(f"months must be a positive integer; got {months!r}.")
    return pd.Series(float(mom), index=pd.period_range(p, periods=int(months), freq="M"), name="mom")


@dataclass(frozen=True)
class Overlay(ResultsMixin):
    """A component's MoM path and its pull on the headline: ``weight × MoM`` each month (fractions)."""

    mom: pd.Series
    weight: float
    contribution: pd.Series
    name: str = ""
    computable: ClassVar[bool] = True
    meta: dict = field(default_factory=dict)

    @property
    def total(self) -> float:
        """Sum of the monthly contributions (fraction; ×100 for pp)."""
        return float(self.contribution.sum())

    @property
    def per_month(self) -> float:
        """Mean monthly contribution (fraction)."""
        return float(self.contribution.mean())

    def to_frame(self) -> pd.DataFrame:
        """The MoM path and its monthly contribution (fractions)."""
        return pd.DataFrame({"mom": self.mom, "contribution": self.contribution})


def overlay(mom_path: pd.Series, weight: float, *, name: str = "") -> Overlay:
    """The pull of a component's MoM path on the headline: ``c_t = w × m_t``.

    Parameters
    ----------
    mom_path : Series
        The component's MoM by month (fractions), e.g. :func:`constant_path`.
    weight : float
        The component's weight in the basket (fraction, e.g. 0.02).

    Notes
    -----
    ``c_t = w m_t`` (first-order: the weight is held fixed over the path);
    the seed's neutral pork case: ``0.02 × 0.03 = 0.0006`` = 0.06 pp a month,
    0.36 pp over six months.
    """
    m = check_series(mom_path, "mom_path")
    if m.isna().any():
        raise ModelError(f"mom_path is missing {m.index[m.isna().to_numpy()][0]}; give a MoM for every month.")
    try:
        w = float(weight)
    except (TypeError, ValueError):
        raise ModelError(f"weight must be a fraction such as 0.02; got {weight!r}.") from None
    if not 0 <= w <= 1:
        raise ModelError(f"weight must be a fraction between 0 and 1 (0.02 for 2%); got {weight!r}.")
    return Overlay(m, w, (m * w).rename("contribution"), name)
