"""Contributions of parts (regions, products, partners) to the YoY of a total.

:func:`trade_contributions` computes, for each part ``i``,

* the contribution (拉动, pp) to the total's YoY
  ``c_{i,t} = (X_{i,t} - X_{i,t-12}) / X_{total,t-12}`` (seed Figures 5–7, 9),
* its change from the prior month, the "marginal change" ``c_{i,t} - c_{i,t-1}`` (Figure 8),
* the part's own YoY and two-year compound growth ``sqrt(X_t / X_{t-24}) - 1`` (Figure 10),

plus a residual "other" (``total YoY − Σ c_i``), so the bars always add up to the
total's YoY computed from the same levels. Parts must not overlap; a residual
level below zero means they do, and is an error.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

import numpy as np
import pandas as pd

from macrodesk import transforms as T
from macrodesk.analyses.trade._frames import months as _months
from macrodesk.analyses.trade._frames import row as _row
from macrodesk.text import tr
from macrodesk.analyses.trade.headline import grew
from macrodesk.exceptions import ModelError
from macrodesk.models._base import NotComputable, check_frame
from macrodesk.plotting import charts
from macrodesk.series import parse_period
from macrodesk.text import format as F

__all__ = ["Contributions", "trade_contributions", "OTHER"]

#: Column key of the residual part.
OTHER = "_other"

# Tolerance for a negative residual level (rounding of published parts): 0.5% of the total.
_OVERLAP_TOL = 0.005


@dataclass(frozen=True)
class Contributions:
    """Contributions of parts to a total's YoY in ``month`` (fractions).

    ``history`` holds the contributions of every part (and :data:`OTHER`) by month;
    ``total_yoy`` the total's YoY from levels; ``table`` one row per part with
    ``contribution``, ``prior``, ``marginal``, ``yoy``, ``cagr2y``, ``cagr2y_prior``
    and ``share`` (the part's share of the total a year earlier).
    """

    name: tuple[str, str]
    what: tuple[str, str]
    month: pd.Period
    labels: Mapping[str, tuple[str, str]]
    history: pd.DataFrame
    total_yoy: pd.Series
    table: pd.DataFrame
    computable: ClassVar[bool] = True

    def label(self, key: str, lang: str = "zh") -> str:
        if key == OTHER:
            return tr("其他", "Other", lang)
        zh, en = self.labels.get(key, (key, key))
        return zh if lang == "zh" else en

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

    def _list(self, s: pd.Series, lang: str, digits: int = 1) -> str:
        sep = "、" if lang == "zh" else ", "
        return sep.join(f"{self.label(str(k), lang)}（{F.pp(v * 100, digits)}）" if lang == "zh"
                        else f"{self.label(str(k), lang)} ({F.pp(v * 100, digits, lang='en')})" for k, v in s.items())

    def summary(self, lang: str = "zh", top: int = 3) -> str:
        parts = self.table.drop(index=OTHER, errors="ignore")
        c = parts["contribution"].dropna().sort_values(ascending=False)
        d = parts["marginal"].dropna().sort_values(ascending=False)
        m = self.month
        n = self.name[0] if lang == "zh" else self.name[1]
        total = self.total
        pos, neg = c[c > 0].head(top), c[c < 0].sort_values().head(top)
        up, down = d[d > 0].head(top), d[d < 0].sort_values().head(top)
        if lang == "zh":
            what = self.what[0]
            sign = "为正" if total >= 0 else "为负"
            text = f"从绝对贡献来看，{m.year}年{m.month}月{n}同比{F.pct(total * 100)}，"
            if total >= 0 and len(pos):
                text += f"{sign}主要由{self._list(pos, lang)}支撑"
                if len(neg):
                    text += f"，{self._list(neg, lang)}形成拖累"
            elif total < 0 and len(neg):
                text += f"{sign}主要受{self._list(neg, lang)}拖累"
                if len(pos):
                    text += f"，{self._list(pos, lang)}仍有正贡献"
            else:
                text += "各" + what + "贡献均较小"
            if len(d):
                bits = []
                if len(down):
                    bits.append(f"{self._list(down, lang)}贡献较上月回落")
                if len(up):
                    bits.append(f"{self._list(up, lang)}贡献较上月改善")
                text += "；从边际变化来看，" + ("，".join(bits) if bits else f"各{what}贡献与上月持平")
            return text + "。"
        text = f"{n[:1].upper() + n[1:]} {grew(total)} YoY in {m.strftime('%B %Y')}"
        if len(pos):
            text += f"; the largest positive contributions came from {self._list(pos, lang)}"
        if len(neg):
            text += f"; the largest drags were {self._list(neg, lang)}"
        if len(d):
            bits = []
            if len(up):
                bits.append(f"improved most for {self._list(up, lang)}")
            if len(down):
                bits.append(f"weakened most for {self._list(down, lang)}")
            text += "; from the prior month, contributions " + (" and ".join(bits) if bits else "were unchanged")
        return text + "."

    def _named(self, df: pd.DataFrame, lang: str) -> pd.DataFrame:
        out = df.copy()
        out.columns = [self.label(k, lang) for k in df.columns]
        return out

    def chart(self, lang: str = "zh", months: int = 13, max_parts: int = 8):
        """Stacked contributions (pp) over the last ``months`` months with the total YoY line (Figure 7/9).

        At most ``max_parts`` parts (largest mean |contribution| over the window) get their own
        bar; the others are added to "other", so the bars still add up to the total.
        """
        h = self.history[(self.history.index > self.month - months) & (self.history.index <= self.month)] * 100
        h = h.loc[:, h.notna().any()]
        parts = [c for c in h.columns if c != OTHER]
        if len(parts) > max_parts:
            keep = h[parts].abs().mean().sort_values(ascending=False).index[:max_parts]
            rest = [c for c in parts if c not in keep]
            other = h.get(OTHER, 0.0) + h[rest].sum(axis=1, min_count=1).fillna(0.0)
            h = h[[c for c in parts if c in keep]].assign(**{OTHER: other})
        n = self.name[0] if lang == "zh" else self.name[1][:1].upper() + self.name[1][1:]
        total = (self.total_yoy.reindex(h.index) * 100).rename(tr(f"{n}同比", f"{n} YoY", lang))
        return charts.stacked_contributions(self._named(h, lang), total, lang=lang, ylabel=tr("%，个百分点", "%, pp", lang),
                                            colors=_part_colors(h.columns))

    def chart_marginal(self, lang: str = "zh"):
        """Contribution this month vs the prior month, by part (Figure 8)."""
        t = self.table[["contribution", "prior"]].dropna(how="all") * 100
        t = t.sort_values("contribution", ascending=False)
        t.index = [self.label(k, lang) for k in t.index]
        t.columns = [month_name(self.month, lang), month_name(self.month - 1, lang)]
        t = t.loc[:, t.notna().any()]
        return charts.bar_chart(t, lang=lang, ylabel=tr("个百分点", "pp", lang))

    def chart_cagr(self, lang: str = "zh"):
        """Two-year compound growth this month vs the prior month, by part (Figure 10)."""
        t = self.table.drop(index=OTHER, errors="ignore")[["cagr2y", "cagr2y_prior"]].dropna(how="all") * 100
        t = t.sort_values("cagr2y", ascending=False)
        t.index = [self.label(k, lang) for k in t.index]
        t.columns = [month_name(self.month, lang), month_name(self.month - 1, lang)]
        t = t.loc[:, t.notna().any()]
        return charts.bar_chart(t, lang=lang, ylabel="%")

    def display_table(self, lang: str = "zh") -> pd.DataFrame:
        """The table in percent / pp with labels, for a report Table."""
        t = self.table.copy()
        out = pd.DataFrame(
            {
                tr("拉动(pp)", "Contribution (pp)", lang): t["contribution"] * 100,
                tr("前值(pp)", "Prior (pp)", lang): t["prior"] * 100,
                tr("边际变化(pp)", "Change (pp)", lang): t["marginal"] * 100,
                tr("同比(%)", "YoY (%)", lang): t["yoy"] * 100,
                tr("两年复合(%)", "2-year CAGR (%)", lang): t["cagr2y"] * 100,
                tr("上年占比(%)", "Share a year ago (%)", lang): t["share"] * 100,
            }
        )
        out.index = pd.Index([self.label(k, lang) for k in t.index], name=tr(self.what[0], self.what[1], lang))
        return out


def _part_colors(keys) -> list[str]:
    """Palette without the dark red (kept for the total line); the residual in light grey."""
    pal = [c for c in charts.PALETTE if c != charts.PALETTE[0]] + ["#D9A6A6", "#5B9BD5", "#70AD47", "#FFC000"]
    out, i = [], 0
    for k in keys:
        if k == OTHER:
            out.append("#D0D0D0")
        else:
            out.append(pal[i % len(pal)])
            i += 1
    return out


def month_name(p: pd.Period, lang: str) -> str:
    return F.month_label(p, lang)


def trade_contributions(
    parts: pd.DataFrame,
    total: pd.Series,
    month: Any,
    *,
    labels: Mapping[str, tuple[str, str]] | None = None,
    name: tuple[str, str] = ("出口", "exports"),
    what: tuple[str, str] = ("地区", "Region"),
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
    marg = T.marginal_change(contrib)
    part_yoy = T.yoy(p)
    c2 = T.cagr2y(p)
    base_share = p.shift(12).div(tot.shift(12), axis=0)
    keys = list(p.columns) + [OTHER]
    tbl = pd.DataFrame(
        {
            "contribution": _row(contrib, m)[keys],
            "prior": _row(contrib, m - 1)[keys] if (m - 1) in contrib.index else np.nan,
            "marginal": _row(marg, m)[keys],
            "yoy": _row(part_yoy, m).reindex(keys),
            "cagr2y": _row(c2, m).reindex(keys),
            "cagr2y_prior": _row(c2, m - 1).reindex(keys) if (m - 1) in c2.index else np.nan,
            "share": _row(base_share, m).reindex(keys),
        }
    )
    tbl.loc[OTHER, "share"] = 1.0 - _row(base_share, m).sum(min_count=1)
    tbl = tbl[tbl["contribution"].notna() | tbl["prior"].notna()]
    history = contrib[contrib.index <= m]
    return Contributions(name, what, m, dict(labels or {}), history, ty[ty.index <= m], tbl)
