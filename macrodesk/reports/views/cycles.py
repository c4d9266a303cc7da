"""Views of the cycle models: up-cycles, overlays, lead-lag and pass-through, in one language.

Each function reads a results object of :mod:`macrodesk.models.inflation`
(:class:`~macrodesk.models.inflation.cycles.Upcycles`,
:class:`~macrodesk.models.inflation.cycles.Overlay`,
:class:`~macrodesk.models.inflation.leadlag.LeadLag`,
:class:`~macrodesk.models.inflation.passthrough.PassThrough`) and returns a
sentence, a table with labels or a chart. Series names come from the results'
``*_name`` (English) and ``*_name_zh`` (Chinese) fields.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, cast

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from macrodesk.models._base import freq_code, period_arg, pindex
from macrodesk.models.inflation.cycles import Overlay, Upcycles
from macrodesk.models.inflation.leadlag import LeadLag
from macrodesk.models.inflation.passthrough import PassThrough
from macrodesk.plotting import charts
from macrodesk.text import format as F
from macrodesk.text import as_label, count_en, sentence_start, tr

__all__ = [
    "leadlag_chart",
    "leadlag_correlation_chart",
    "leadlag_text",
    "overlay_chart",
    "overlay_text",
    "passthrough_chart",
    "passthrough_text",
    "upcycles_chart",
    "upcycles_note",
    "upcycles_table",
    "upcycles_text",
]

_CN_NUM = {1: "一", 2: "二", 3: "三", 4: "四", 5: "五", 6: "六", 7: "七", 8: "八", 9: "九", 10: "十"}


def _named(en: str, zh: str, lang: str) -> str:
    """A label in ``lang``: the Chinese one falls back to the English one and back."""
    return tr(zh or en, en or zh, lang)


# ---------------------------------------------------------------- up-cycles
def upcycles_table(res: Upcycles, lang: str = "zh") -> pd.DataFrame:
    """The episode table as printed (percent, months), one row per episode."""
    e = res.episodes
    mom_name = _named(res.mom_name, res.mom_name_zh, lang)
    name = _named(res.name, res.name_zh, lang)
    ordinal = [tr(f"第{_CN_NUM.get(i + 1, str(i + 1))}轮", f"Cycle {i + 1}", lang) for i in range(len(e))]
    out = pd.DataFrame(
        {
            tr("开始", "Start", lang): [str(p) for p in e["start"]],
            tr("结束", "End", lang): [str(p) + (tr("（未确认）", " (open)", lang) if o else "")
                                     for p, o in zip(e["end"], e["ongoing"])],
            (tr(f"{name}涨幅(%)", f"{as_label(name)} rise (%)", lang) if name
             else tr("上涨幅度(%)", "Rise (%)", lang)): e["rise"].to_numpy() * 100,
            tr("上涨月数", "Months", lang): e["months"].to_numpy(),
            tr("此前下跌月数", "Prior decline (months)", lang): e["prior_decline"].to_numpy(),
        },
        index=pd.Index(ordinal, name=""),
    )
    at = 3
    if e["companion_rise"].notna().any():
        comp = _named(res.companion_name, res.companion_name_zh, lang)
        out.insert(at, tr(f"{comp}涨幅(%)", f"{as_label(comp)} rise (%)", lang), e["companion_rise"].to_numpy() * 100)
        out.insert(at + 1, tr(f"{comp}环比月均(%)", f"{as_label(comp)} avg MoM (%)", lang),
                   e["companion_avg_mom"].to_numpy() * 100)
        at += 2
    if res.has_yoy or e["yoy_change"].notna().any():
        out.insert(at, tr(f"{mom_name}同比变化(pp)", f"{as_label(mom_name)} YoY change (pp)", lang),
                   e["yoy_change"].to_numpy() * 100)
        at += 1
    if res.has_mom or e["avg_mom"].notna().any():
        out.insert(at, tr(f"{mom_name}环比月均(%)", f"{as_label(mom_name)} avg MoM (%)", lang), e["avg_mom"].to_numpy() * 100)
    return out


def upcycles_note(res: Upcycles, spans: Mapping[str, tuple[Any, Any]], mom_gaps: Mapping[int, Sequence[pd.Period]],
                  lang: str = "zh") -> str:
    """The up-cycle table's note: which price dates the cycles, what each column is measured on and over
    which span (``spans``: series id -> (first, last) observation), the pork CPI MoM months missing in a
    round (``mom_gaps``: episode number from 0 -> months) and the dating rules."""
    name = _named(res.name, res.name_zh, lang)
    bits = [tr(f"周期按{name}（猪易数据生猪现货价格指数）而非猪肉CPI的转折点划分，时点与幅度与按猪肉CPI划分的周期不同",
               f"cycles are dated on {name} (Zhuyi hog spot price index), not on pork CPI, so their dates and sizes "
               "differ from pork-CPI cycles", lang)]
    if "pork_wholesale_cny" in spans:
        a, b = spans["pork_wholesale_cny"]
        bits.append(tr(f"猪肉批发价为农业农村部日度价格的月均值（{F.span_label(a, b)}）",
                       f"pork wholesale price: monthly mean of MOA daily prices ({F.span_label(a, b, 'en')})", lang))
    cpi = [spans[i] for i in ("cpi_pork_yoy", "cpi_pork_mom") if i in spans]
    if cpi:
        a = min(p[0] for p in cpi)
        bits.append(tr(f"猪肉CPI取自国家统计局月度发布稿（{F.month_label(a)}起），同比变化 = 峰值月同比 − 谷底月同比",
                       f"pork CPI from the NBS monthly releases (from {F.month_label(a, 'en')}); YoY change = YoY at the "
                       "peak − YoY at the trough", lang))
    for k, miss in mom_gaps.items():
        months = tr("、", ", ", lang).join(F.month_label(p, lang) for p in miss)
        bits.append(tr(f"第{_CN_NUM.get(k + 1, str(k + 1))}轮猪肉CPI环比缺{months}，不计均值",
                       f"cycle {k + 1}: pork CPI MoM missing for {months}, no average", lang))
    bits.append(tr("“—”为数据未覆盖", "'—': not covered by the data", lang))
    bits.append(tr(f"转折点：反向波动≥{F.num(res.swing * 100, 0)}%确认；上涨周期：涨幅≥{F.num(res.min_rise * 100, 0)}%"
                   f"且≥{res.min_months}个月；开始为谷底后一个月",
                   f"turning points confirmed by a {F.num(res.swing * 100, 0)}% reversal; up-cycles rise ≥"
                   f"{F.num(res.min_rise * 100, 0)}% over ≥{res.min_months} months; start = month after the trough", lang))
    return tr("；", "; ", lang).join(bits)


def _episodes_text(res: Upcycles, name: str, first: str, lang: str) -> str:
    e = res.episodes
    parts_zh, parts_en = [], []
    for _, r in e.iterrows():
        prior_zh = f"，此前下跌{int(r['prior_decline'])}个月" if np.isfinite(r["prior_decline"]) else ""
        prior_en = f", after a {int(r['prior_decline'])}-month decline" if np.isfinite(r["prior_decline"]) else ""
        parts_zh.append(f"{F.month_label(r['start'])}至{F.month_label(r['end'])}上涨{F.pct(r['rise'] * 100, signed=False)}"
                        f"（{int(r['months'])}个月{prior_zh}）")
        parts_en.append(f"{F.month_label(r['start'], 'en')}–{F.month_label(r['end'], 'en')} up "
                        f"{F.pct(r['rise'] * 100, signed=False)} ({count_en(int(r['months']), 'month')}{prior_en})")
    text = tr(
        f"{first}以来{name}共有{len(e)}轮涨幅≥{F.num(res.min_rise * 100, 0)}%的上涨周期：" + "；".join(parts_zh) + "。",
        f"Since {first}, {name} has had {len(e)} up-cycles of {F.num(res.min_rise * 100, 0)}% or more: "
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
        return text + tr(
            f"，此前下跌期{int(pd_.min())}-{int(pd_.max())}个月。",
            f", the declines before them {int(pd_.min())}–{int(pd_.max())} months.",
            lang,
        )
    return text + tr("。", ".", lang)


def upcycles_text(res: Upcycles, lang: str = "zh") -> str:
    """The episodes since the first observation, their lengths, and the current decline if any."""
    name = _named(res.name, res.name_zh, lang)
    first = F.month_label(res.level.dropna().index[0], lang)
    if res.episodes.empty:
        text = tr(
            f"{first}以来{name}没有涨幅≥{F.num(res.min_rise * 100, 0)}%的上涨周期。",
            f"Since {first}, {name} has had no up-cycle of {F.num(res.min_rise * 100, 0)}% or more.",
            lang,
        )
    else:
        text = _episodes_text(res, name, first, lang)
    cur = res.current_decline
    if cur is not None:
        peak, m, chg = cur
        text += tr(
            f"本轮自{F.month_label(peak)}见顶后已下跌{m}个月，累计{F.pct(chg * 100)}。",
            f" The current decline from the {F.month_label(peak, 'en')} peak has lasted {count_en(m, 'month')} "
            f"({F.pct(chg * 100)}).",
            lang,
        )
    return text


def upcycles_chart(res: Upcycles, lang: str = "zh") -> Figure:
    """The price with the up-cycle episodes shaded."""
    lv = res.level.dropna()
    name = _named(res.name, res.name_zh, lang) or tr("价格", "Price", lang)
    fig = charts.line_chart(lv.rename(tr(name, as_label(name), lang)).to_frame(), lang=lang)
    ax = fig.axes[0]
    for _, r in res.episodes.iterrows():
        ax.axvspan(r["trough"].to_timestamp(), r["end"].to_timestamp(), color="#F4CCCC", linewidth=0, zorder=0)
    return fig


# ---------------------------------------------------------------- overlays
def overlay_text(res: Overlay, lang: str = "zh") -> str:
    """The assumed path, the weight and the monthly and total pull on the headline."""
    s0, s1 = res.mom.index[0], res.mom.index[-1]
    span_zh = f"{s0.year}年{F.span_label(s0.month, s1.month)}" if s0.year == s1.year else F.span_label(s0, s1)
    span_en = f"{F.span_label(s0.month, s1.month, 'en')} {s0.year}" if s0.year == s1.year else F.span_label(s0, s1, "en")
    avg = float(res.mom.mean()) * 100
    return tr(
        f"假设{span_zh}{res.name}环比月均{F.pct(avg)}、权重{F.num(res.weight * 100, 2)}%，"
        f"则每月拉动CPI环比约{F.pp(res.per_month * 100, 2)}，合计约{F.pp(res.total * 100, 2)}。",
        f"With {res.name} MoM averaging {F.pct(avg)} in {span_en} at a weight of "
        f"{F.num(res.weight * 100, 2)}%, the monthly pull on headline MoM is about "
        f"{F.pp(res.per_month * 100, 2, lang='en')}, {F.pp(res.total * 100, 2, lang='en')} in all.",
        lang,
    )


def overlay_chart(res: Overlay, lang: str = "zh") -> Figure:
    """The monthly pull (pp), bars with values."""
    c = res.contribution * 100
    c.index = pd.Index([F.month_label(p, lang) for p in c.index])
    return charts.bar_chart(c.rename(tr("拉动（百分点）", "Pull (pp)", lang)).to_frame(), value_labels=True,
                            digits=2, lang=lang)


# ---------------------------------------------------------------- lead-lag
def _plabel(p: pd.Period, lang: str) -> str:
    code = freq_code(pd.PeriodIndex([p]))
    if code == "M":
        return F.month_label(p, lang)
    if code == "Q":
        return tr(f"{p.year}年Q{p.quarter}", f"{p.year}Q{p.quarter}", lang)
    return str(p)


def leadlag_text(res: LeadLag, lang: str = "zh") -> str:
    """The best lead, its correlation and sample, and where the latest ``x`` points."""
    x_name, y_name = _named(res.x_name, res.x_name_zh, lang), _named(res.y_name, res.y_name_zh, lang)
    k, km = res.best_lead, res.best_lead_months
    s0, s1 = res.sample
    unit_zh = f"{km}个月" + (f"（{k}个季度）" if res.months_per_period == 3 else "")
    quarterly = res.months_per_period == 3
    unit_en = count_en(km, "month") + (f" ({count_en(k, 'quarter')})" if quarterly else "")
    last_x = res.x.dropna().index[-1]
    text = tr(
        f"{x_name}领先{y_name}约{unit_zh}：{x_name}滞后{k}期与{y_name}的相关系数为"
        f"{F.num(res.best_corr, 2)}（{_plabel(s0, lang)}至{_plabel(s1, lang)}，{res.n}个样本）",
        f"{sentence_start(x_name)} leads {y_name} by about {unit_en}: the correlation of {x_name} lagged "
        f"{count_en(k, 'quarter' if quarterly else 'month')} with {y_name} is {F.num(res.best_corr, 2)} "
        f"({_plabel(s0, lang)} to {_plabel(s1, lang)}, "
        f"{res.n} observations)",
        lang,
    )
    if res.best_corr < 0:
        text += tr("，方向相反", ": an inverse relation", lang)
    text += tr(
        f"。{x_name}最新值（{_plabel(last_x, lang)}）对应{y_name}的{_plabel(last_x + k, lang)}。",
        f". The latest {x_name} ({_plabel(last_x, lang)}) maps to {y_name} in {_plabel(last_x + k, lang)}.",
        lang,
    )
    return text


def leadlag_chart(res: LeadLag, lang: str = "zh", *, start: Any = None,
                  figsize: tuple[float, float] | None = None) -> Figure:
    """``y`` (left axis) and ``x`` shifted forward by the best lead (right axis, inverted if negative).

    Values are multiplied by ``res.scale`` (100: fractions shown in percent). The
    chart starts where both lines exist, or at ``start``; ``figsize`` as for
    :func:`~macrodesk.plotting.line_chart` (:data:`~macrodesk.plotting.HALF_FIGSIZE` for one of a pair).
    """
    x_name, y_name = _named(res.x_name, res.x_name_zh, lang), _named(res.y_name, res.y_name_zh, lang)
    df = res.shifted() * res.scale
    if start is None:  # from where both lines exist
        start = max(cast(pd.Period, df["y"].first_valid_index()), cast(pd.Period, df["x_shifted"].first_valid_index()))
    p = period_arg(start, "start", pindex(df).freq)
    df = df[df.index >= p]
    km = res.best_lead_months
    inv = res.best_corr < 0
    xcol = tr(
        f"{x_name}（领先{km}个月" + ("，逆序" if inv else "") + "）",
        f"{as_label(x_name)} (led {count_en(km, 'month')}" + (", inverted" if inv else "") + ")",
        lang,
    )
    ycol = tr(y_name, as_label(y_name), lang)
    frame = pd.DataFrame({ycol: df["y"], xcol: df["x_shifted"]})
    fig = charts.line_chart(frame, right=[xcol], ylabel="%", right_ylabel="%", lang=lang, figsize=figsize)
    if inv and len(fig.axes) > 1:
        fig.axes[1].invert_yaxis()
    return fig


def leadlag_correlation_chart(res: LeadLag, lang: str = "zh") -> Figure:
    """Bars of the correlation at each lead."""
    c = res.correlations.copy()
    c.index = pd.Index([str(int(k) * res.months_per_period) for k in c.index])
    name = tr("相关系数（横轴：领先月数）", "Correlation (x axis: lead in months)", lang)
    return charts.bar_chart(c.rename(name).to_frame(), lang=lang)


# ---------------------------------------------------------------- pass-through
def passthrough_text(res: PassThrough, lang: str = "zh") -> str:
    """The slope over the sample, with its standard error, R² and observations."""
    x_name, y_name = _named(res.x_name, res.x_name_zh, lang), _named(res.y_name, res.y_name_zh, lang)
    s0, s1 = res.fit.sample
    return tr(
        f"{F.month_label(s0)}至{F.month_label(s1)}，{x_name}每上涨1个百分点，{y_name}平均上涨约"
        f"{F.num(res.slope, 2)}个百分点（斜率标准误{F.num(res.slope_se, 2)}，R²为{F.num(res.rsquared * 100, 1)}%，"
        f"{res.nobs}个样本）。",
        f"From {F.month_label(s0, 'en')} to {F.month_label(s1, 'en')}, each percentage point on the {x_name} "
        f"went with about {F.num(res.slope, 2)} pp on the {y_name} (slope s.e. {F.num(res.slope_se, 2)}, "
        f"R² {F.num(res.rsquared * 100, 1)}%, {res.nobs} observations).",
        lang,
    )


def passthrough_chart(res: PassThrough, lang: str = "zh", *, figsize: tuple[float, float] | None = None) -> Figure:
    """``y`` (left) and ``x`` (right axis) over the estimation sample, in percent (``figsize``: see
    :func:`leadlag_chart`)."""
    x_name, y_name = _named(res.x_name, res.x_name_zh, lang), _named(res.y_name, res.y_name_zh, lang)
    s0, s1 = res.fit.sample
    y = res.fit.y.loc[s0:s1] * 100
    x = res.fit.X.iloc[:, 0].loc[s0:s1] * 100
    df = pd.DataFrame({y_name: y, x_name: x})
    return charts.line_chart(df, right=[x_name], ylabel="%", right_ylabel="%", lang=lang, figsize=figsize)
