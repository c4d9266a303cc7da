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

from macrodesk.text import tr
from macrodesk.exceptions import ModelError
from macrodesk.models._base import NotComputable, check_series, period_arg
from macrodesk.plotting import charts
from macrodesk.text import format as F

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
                 "prior_decline", "ongoing"]


@dataclass(frozen=True)
class Upcycles:
    """Up-cycle episodes of a price series (one row each) and the turning points behind them.

    ``episodes`` columns: ``trough`` (Period), ``start`` (first rising month),
    ``end`` (peak), ``rise`` (fraction), ``months``, ``avg_mom`` (mean of the
    given MoM series over start..end, NaN if any month is missing),
    ``geo_mom`` (``(1 + rise)^(1/months) - 1``), ``yoy_change`` (of the given
    YoY series, end minus trough, fraction), ``prior_decline`` (months from the
    previous peak to the trough), ``ongoing`` (the peak is not yet confirmed).
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

    def table(self, lang: str = "zh") -> pd.DataFrame:
        """The episode table as printed (percent, months), one row per episode."""
        e = self.episodes
        ordinal = [tr(f"第{_CN_NUM.get(i + 1, str(i + 1))}轮", f"Cycle {i + 1}", lang) for i in range(len(e))]
        out = pd.DataFrame(
            {
                tr("开始", "Start", lang): [str(p) for p in e["start"]],
                tr("结束", "End", lang): [str(p) + (tr("（未确认）", " (open)", lang) if o else "") for p, o in zip(e["end"], e["ongoing"])],
                tr("上涨幅度(%)", "Rise (%)", lang): e["rise"].to_numpy() * 100,
                tr("上涨月数", "Months", lang): e["months"].to_numpy(),
                tr("此前下跌月数", "Prior decline (months)", lang): e["prior_decline"].to_numpy(),
            },
            index=pd.Index(ordinal, name=""),
        )
        if e["yoy_change"].notna().any():
            out.insert(3, tr(f"{self.mom_name}同比变化(pp)", f"{self.mom_name} YoY change (pp)", lang), e["yoy_change"].to_numpy() * 100)
        if e["avg_mom"].notna().any():
            out.insert(len(out.columns) - 2, tr(f"{self.mom_name}环比月均(%)", f"{self.mom_name} avg MoM (%)", lang), e["avg_mom"].to_numpy() * 100)
        return out

    def summary(self, lang: str = "zh") -> str:
        e = self.episodes
        first = F.month_label(self.level.dropna().index[0], lang)
        if e.empty:
            text = tr(
                f"{first}以来{self.name}没有涨幅≥{F.num(self.min_rise * 100, 0)}%的上涨周期。",
                f"Since {first}, {self.name} has had no up-cycle of {F.num(self.min_rise * 100, 0)}% or more.",
                lang,
            )
        else:
            parts_zh, parts_en = [], []
            for _, r in e.iterrows():
                prior_zh = f"，此前下跌{int(r['prior_decline'])}个月" if np.isfinite(r["prior_decline"]) else ""
                prior_en = f", after a {int(r['prior_decline'])}-month decline" if np.isfinite(r["prior_decline"]) else ""
                parts_zh.append(f"{F.month_label(r['start'])}至{F.month_label(r['end'])}上涨{F.pct(r['rise'] * 100, signed=False)}"
                                f"（{int(r['months'])}个月{prior_zh}）")
                parts_en.append(f"{F.month_label(r['start'], 'en')}–{F.month_label(r['end'], 'en')} up "
                                f"{F.pct(r['rise'] * 100, signed=False)} ({int(r['months'])} months{prior_en})")
            text = tr(
                f"{first}以来{self.name}共有{len(e)}轮涨幅≥{F.num(self.min_rise * 100, 0)}%的上涨周期：" + "；".join(parts_zh) + "。",
                f"Since {first}, {self.name} has had {len(e)} up-cycles of {F.num(self.min_rise * 100, 0)}% or more: "
                + "; ".join(parts_en) + ".",
                lang,
            )
            months = e["months"].astype(float)
            text += tr(
                f"上涨期{int(months.min())}-{int(months.max())}个月",
                f" Up-phases lasted {int(months.min())}–{int(months.max())} months",
                lang,
            )
            pd_ = e["prior_decline"].dropna()
            if len(pd_):
                text += tr(
                    f"，此前下跌期{int(pd_.min())}-{int(pd_.max())}个月。",
                    f", the declines before them {int(pd_.min())}–{int(pd_.max())} months.",
                    lang,
                )
            else:
                text += tr("。", ".", lang)
        cur = self.current_decline
        if cur is not None:
            peak, m, chg = cur
            text += tr(
                f"本轮自{F.month_label(peak)}见顶后已下跌{m}个月，累计{F.pct(chg * 100)}。",
                f" The current decline from the {F.month_label(peak, 'en')} peak has lasted {m} months ({F.pct(chg * 100)}).",
                lang,
            )
        return text

    def chart(self, lang: str = "zh"):
        """The price with the up-cycle episodes shaded."""
        lv = self.level.dropna()
        name = self.name or tr("价格", "Price", lang)
        fig = charts.line_chart(lv.rename(name[:1].upper() + name[1:]).to_frame(), lang=lang)
        ax = fig.axes[0]
        for _, r in self.episodes.iterrows():
            ax.axvspan(r["trough"].to_timestamp(), r["end"].to_timestamp(), color="#F4CCCC", linewidth=0, zorder=0)
        return fig


_CN_NUM = {1: "一", 2: "二", 3: "三", 4: "四", 5: "五", 6: "六", 7: "七", 8: "八", 9: "九", 10: "十"}


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
                             what_zh=f"{name}上涨周期", reason_zh=f"仅有{int(s.notna().sum())}个观测值")
    if isinstance(min_months, bool) or not isinstance(min_months, (int, np.integer)) or min_months < 1:
        raise ModelError(f"min_months must be a positive integer; got {min_months!r}.")
    m = check_series(mom, "mom") if mom is not None else None
    y = check_series(yoy, "yoy") if yoy is not None else None
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
        trough, peak = tp.index[i], tp.index[i + 1]
        rise = float(tp["level"].iloc[i + 1] / tp["level"].iloc[i] - 1)
        months = (peak - trough).n
        if rise < min_rise or months < min_months:
            continue
        start = trough + 1
        if p0 is not None and start < p0:
            continue
        prior = (float((trough - tp.index[i - 1]).n)
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
        rows.append({
            "trough": trough, "start": start, "end": peak, "rise": rise, "months": months, "avg_mom": avg,
            "geo_mom": (1 + rise) ** (1 / months) - 1, "yoy_change": ych, "prior_decline": prior,
            "ongoing": not bool(tp["confirmed"].iloc[i + 1]),
        })
    episodes = pd.DataFrame(rows, columns=_EPISODE_COLS)
    return Upcycles(s, episodes, tp, float(swing), float(min_rise), int(min_months), name, mom_name, tuple(notes))


# ---------------------------------------------------------------- overlays
def constant_path(mom: float, start: Any, months: int) -> pd.Series:
    """A MoM path of ``months`` months from ``start``, each ``mom`` (fraction): e.g. ``constant_path(0.03, '2026-02', 6)``."""
    p = period_arg(start, "start", "M")
    if isinstance(months, bool) or not isinstance(months, (int, np.integer)) or months < 1:
        raise ModelError(f"months must be a positive integer; got {months!r}.")
    return pd.Series(float(mom), index=pd.period_range(p, periods=int(months), freq="M"), name="mom")


@dataclass(frozen=True)
class Overlay:
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

    def summary(self, lang: str = "zh") -> str:
        s0, s1 = self.mom.index[0], self.mom.index[-1]
        span_zh = f"{s0.year}年{F.span_label(s0.month, s1.month)}" if s0.year == s1.year else F.span_label(s0, s1)
        span_en = f"{F.span_label(s0.month, s1.month, 'en')} {s0.year}" if s0.year == s1.year else F.span_label(s0, s1, "en")
        avg = float(self.mom.mean()) * 100
        return tr(
            f"假设{span_zh}{self.name}环比月均{F.pct(avg)}、权重{F.num(self.weight * 100, 2)}%，"
            f"则每月拉动CPI环比约{F.pp(self.per_month * 100, 2)}，合计约{F.pp(self.total * 100, 2)}。",
            f"With {self.name} MoM averaging {F.pct(avg)} in {span_en} at a weight of "
            f"{F.num(self.weight * 100, 2)}%, the monthly pull on headline MoM is about "
            f"{F.pp(self.per_month * 100, 2, lang='en')}, {F.pp(self.total * 100, 2, lang='en')} in all.",
            lang,
        )

    def chart(self, lang: str = "zh"):
        c = self.contribution * 100
        c.index = [F.month_label(p, lang) for p in c.index]
        return charts.bar_chart(c.rename(tr("拉动（百分点）", "Pull (pp)", lang)).to_frame(), value_labels=True,
                                digits=2, lang=lang)


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
