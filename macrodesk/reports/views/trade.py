"""Views of the trade models: headline, seasonal comparison and imports, in one language.

Each function reads a results object of :mod:`macrodesk.models.trade` and returns
a sentence or a chart; contributions and price vs volume are in
:mod:`macrodesk.reports.views.trade_structure`.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from macrodesk import transforms as T
from macrodesk.models.trade._frames import months as _months
from macrodesk.models.trade.headline import SeasonalComparison, TradeHeadline
from macrodesk.models.trade.imports import ImportsCommodities
from macrodesk.plotting import charts
from macrodesk.reports.views.freshness import as_of_label
from macrodesk.text import format as F
from macrodesk.text import tr

__all__ = [
    "data_to",
    "flow_name",
    "grew",
    "headline_chart",
    "headline_event",
    "headline_label",
    "headline_text",
    "imports_chart",
    "imports_outlook_text",
    "imports_text",
    "month_word",
    "name_of",
    "seasonal_mom_chart",
    "seasonal_text",
]


def grew(x: float, digits: int = 1) -> str:
    """English verb phrase for a growth rate in fractions: 'grew 6.6%' / 'fell 2.1%'."""
    if not np.isfinite(x):
        return "changed by an unknown amount"
    return ("grew " if x >= 0 else "fell ") + F.pct(abs(x) * 100, digits, signed=False)


def month_word(p: pd.Period, lang: str) -> str:
    """'12月' / 'December' — the month as the flash writes it."""
    return tr(f"{p.month}月", p.strftime("%B"), lang)


def data_to(data_month: pd.Period, month: pd.Period, lang: str) -> str:
    """'（截至2025年3月）' / ' (to Mar 2025)' when an exhibit's data end before the report month, else ''."""
    return "" if data_month == month else as_of_label(data_month, lang)


def name_of(labels: Any, key: str, lang: str = "zh") -> str:
    """The name of ``key`` in a mapping key -> (zh, en) (the key itself when absent)."""
    zh, en = labels.get(key, (key, key))
    return tr(zh, en, lang)


def flow_name(name: tuple[str, str], lang: str) -> str:
    """The zh or en one of a (zh, en) name."""
    return tr(name[0], name[1], lang)


def _dir(change: float, lang: str) -> str:
    """'回升'/'回落'/'持平' (zh) or 'up'/'down'/'flat' for a change in fractions."""
    if not np.isfinite(change) or abs(change) < 0.0005:
        return tr("持平", "unchanged", lang)
    return tr("回升", "up", lang) if change > 0 else tr("回落", "down", lang)


# ---------------------------------------------------------------- headline
def headline_label(res: TradeHeadline, lang: str = "zh") -> str:
    """'12月' or '1-2月' (zh); 'December' or 'January–February' (en); with the year if ``long_label``."""
    if res.is_janfeb:
        short = tr("1-2月", "January–February", lang)
    else:
        short = month_word(res.month, lang)
    if not res.long_label:
        return short
    return tr(f"{res.month.year}年{short}", f"{short} {res.month.year}", lang)


def headline_event(res: TradeHeadline, lang: str = "zh", mark: str = "") -> str:
    """'12月出口同比+6.6%，前值+5.9%' / 'exports +6.6% YoY in December (prior +5.9%)'.

    ``mark`` is the as-of mark of a flow whose data end before the report month: it follows the
    name and replaces the month ('韩国出口（截至2025年6月）同比+4.3%'; Jan–Feb keeps '1-2月')."""
    q, p = res.quoted * 100, res.prior * 100
    n = flow_name(res.name, lang)
    label = headline_label(res, lang)
    prior = tr(f"，前值{F.pct(p)}", f" (prior {F.pct(p)})", lang) if np.isfinite(p) else ""
    if mark:
        jf = res.is_janfeb
        return tr(f"{'1-2月' if jf else ''}{n}{mark}同比{F.pct(q)}",
                  f"{n}{mark} {F.pct(q)} YoY" + (" in January–February" if jf else ""), lang) + prior
    return tr(f"{label}{n}同比{F.pct(q)}", f"{n} {F.pct(q)} YoY in {label}", lang) + prior


def headline_text(res: TradeHeadline, lang: str = "zh") -> str:
    """The headline sentence: the quoted YoY against the prior print, the base and two-year growth."""
    q, p = res.quoted, res.prior
    change = q - p
    n = flow_name(res.name, lang)
    label = headline_label(res, lang)
    if lang == "zh":
        text = f"{label}{n}同比{F.pct(q * 100)}"
        if np.isfinite(p):
            text += f"，较前值（{F.pct(p * 100)}）"
            text += "持平" if _dir(change, lang) == "持平" else f"{_dir(change, lang)}{F.pp(abs(change) * 100, 1, signed=False)}"
        if np.isfinite(res.base):
            text += f"，上年同期基数为{F.pct(res.base * 100)}"
        if np.isfinite(res.cagr2y_last):
            text += f"；两年复合增速{F.pct(res.cagr2y_last * 100)}（前值{F.pct(res.cagr2y_prior * 100)}）"
        return text + "。"
    text = f"{n[:1].upper() + n[1:]} {grew(q)} YoY in {label}"
    if np.isfinite(p):
        text += f" (prior {F.pct(p * 100)})"
    if np.isfinite(res.base):
        text += f", against a base of {F.pct(res.base * 100)} a year earlier"
    if np.isfinite(res.cagr2y_last):
        text += (f"; two-year compound growth {F.pct(res.cagr2y_last * 100)} "
                 f"(prior {F.pct(res.cagr2y_prior * 100)})")
    return text + "."


def headline_chart(res: TradeHeadline, lang: str = "zh", years: int = 6, *, figsize: tuple[float, float] | None = None) -> Figure:
    """YoY (Jan–Feb combined) and two-year compound growth over the last ``years`` years (Figure 1);
    ``figsize``: :data:`~macrodesk.plotting.HALF_FIGSIZE` for one of a side-by-side pair."""
    start = res.month - (12 * years - 1)
    n = flow_name(res.name, lang)
    df = pd.DataFrame(
        {
            tr(f"{n}同比", f"{(n[:1].upper() + n[1:])} YoY", lang): res.yoy_chart * 100,
            tr(f"{n}两年复合增速", f"{(n[:1].upper() + n[1:])} 2-year CAGR", lang): res.cagr2y * 100,
        }
    )
    df = df[(df.index >= start) & (df.index <= res.month)]
    return charts.line_chart(df, ylabel="%", lang=lang, figsize=figsize)


# ---------------------------------------------------------------- seasonal comparison
def _sf_note(res: SeasonalComparison, lang: str) -> str:
    """Spring Festival dates of this and last year, for January–March."""
    if res.month.month > 3:
        return ""
    y = res.month.year
    a, b = T.spring_festival(y), T.spring_festival(y - 1)
    return tr(f"（{y}年春节为{a.month}月{a.day}日，{y - 1}年为{b.month}月{b.day}日）",
              f" (Spring Festival: {a:%b} {a.day}, {y}; {b:%b} {b.day}, {y - 1})", lang)


def seasonal_text(res: SeasonalComparison, lang: str = "zh", *, with_name: bool = True) -> str:
    """This month's MoM against last year's and the range of the window years (super-seasonal or not)."""
    m, y = res.month, res.month.year
    n = flow_name(res.name, lang) if with_name else ""
    w0, w1 = res.window[0], res.window[-1]
    mom, ly = res.mom * 100, res.last_year * 100
    lo, hi, mean = res.low * 100, res.high * 100, res.mean * 100
    if lang == "zh":
        rel = "高于" if res.mom > res.last_year else ("低于" if res.mom < res.last_year else "持平于")
        text = f"{y}年{m.month}月{n}金额环比{F.pct(mom)}，{rel}{y - 1}年同期（{F.pct(ly)}）"
        band = f"{w0}-{w1}年同月环比区间（{F.pct(lo)}至{F.pct(hi)}，均值{F.pct(mean)}）"
        if res.verdict == "above":
            text += f"，超出{band}上沿，呈超季节性"
        elif res.verdict == "below":
            text += f"，低于{band}下沿，弱于季节性"
        else:
            text += f"，处于{band}之内"
        return text + _sf_note(res, lang) + "。"
    rel = "above" if res.mom > res.last_year else ("below" if res.mom < res.last_year else "level with")
    text = (f"{(n + ' ') if n else ''}MoM in {m.strftime('%B')} {y} was {F.pct(mom)}, {rel} the same month of "
            f"{y - 1} ({F.pct(ly)})")
    band = f"the {w0}–{w1} range for {m.strftime('%B')} ({F.pct(lo)} to {F.pct(hi)}, mean {F.pct(mean)})"
    if res.verdict == "above":
        text += f", above {band}: stronger than seasonal"
    elif res.verdict == "below":
        text += f", below {band}: weaker than seasonal"
    else:
        text += f", within {band}"
    return text[0].upper() + text[1:] + _sf_note(res, lang) + "."


def seasonal_mom_chart(res: SeasonalComparison, lang: str = "zh", *, figsize: tuple[float, float] | None = None) -> Figure:
    """MoM of this calendar month in each year, this year highlighted (seed Figure 2); ``figsize``: :data:`~macrodesk.plotting.HALF_FIGSIZE` for one of a side-by-side pair."""
    years = [y for y in res.same_month_mom.index if y >= res.window[0]]
    s = res.same_month_mom.reindex(years) * 100
    df = pd.DataFrame({tr(f"{res.month.month}月环比", f"{res.month.strftime('%b')} MoM", lang): s})
    df.index = pd.Index([tr(f"{y}年", str(y), lang) for y in years])
    fig = charts.bar_chart(df, value_labels=True, lang=lang, ylabel="%", figsize=figsize)
    for lg in list(fig.legends):
        lg.remove()
    ax = fig.axes[0]
    for patch, y in zip(ax.patches, years):
        patch.set_color(charts.PALETTE[0] if y == res.month.year else "#A6A6A6")
    return fig


# ---------------------------------------------------------------- imports vs commodities
def _ahead_items(res: ImportsCommodities, lang: str) -> list[str]:
    """'1-2月-8.4%', '3月-4.3%': January and February merged when they share the combined base."""
    ahead = res.base_ahead.dropna()
    stamps = _months(ahead)
    items, skip = [], False
    for i, (p, v) in enumerate(zip(stamps, ahead.to_numpy())):
        if skip:
            skip = False
            continue
        nxt = stamps[i + 1] if i + 1 < len(ahead) else None
        if p.month == 1 and nxt is not None and nxt.month == 2 and ahead.iloc[i + 1] == v:
            lab, skip = tr("1-2月", "Jan–Feb", lang), True
        else:
            lab = tr(f"{p.month}月", p.strftime("%b"), lang)
        items.append(tr(f"{lab}{F.pct(v * 100)}", f"{lab} {F.pct(v * 100)}", lang))
    return items


def imports_outlook_text(res: ImportsCommodities, lang: str = "zh") -> str:
    """Only the base-effect sentence (for the key points)."""
    ahead = res.base_ahead.dropna()
    if not len(ahead) or not np.isfinite(res.base_now):
        return ""
    falls = float(ahead.mean()) < res.base_now
    items = _ahead_items(res, lang)
    return tr(f"未来{len(ahead)}个月进口同比基数（上年同期同比）分别为" + "、".join(items)
              + f"，{'低于' if falls else '高于'}{F.month_label(res.month - 12)}的{F.pct(res.base_now * 100)}，"
              + ("基数回落对进口同比形成支撑。" if falls else "基数抬升对进口同比形成压制。"),
              f"The base of import YoY over the next {len(ahead)} months is " + ", ".join(items)
              + f", {'below' if falls else 'above'} {F.pct(res.base_now * 100)} in {F.month_label(res.month - 12, 'en')}: "
              + ("a falling base supports import growth." if falls else "a rising base weighs on import growth."),
              lang)


def _commodity_parts(res: ImportsCommodities) -> list[tuple[str, float, float]]:
    m = res.month
    parts = []
    for k in res.commodity_yoy.columns:
        c = res.commodity_yoy[k]
        now, prev = c.get(m, np.nan), c.get(m - 1, np.nan)
        if np.isfinite(now):
            parts.append((k, now, prev))
    return parts


def imports_text(res: ImportsCommodities, lang: str = "zh") -> str:
    """Commodity prices in the month, their correlation with imports, and the base ahead."""
    m = res.month
    parts = _commodity_parts(res)
    label = res.labels
    if lang == "zh":
        text = ""
        if parts:
            text += "同期，" + "，".join(
                f"{name_of(label, k)}同比{F.pct(v * 100)}（前值{F.pct(p * 100)}）" for k, v, p in parts) + "。"
            cs = [f"{name_of(label, k)}{F.num(res.corr[k], 2)}" for k in res.corr.index if np.isfinite(res.corr[k])]
            if cs:
                text += f"近{res.window // 12}年进口同比与商品价格同比的相关系数：" + "，".join(cs) + "。"
        ahead = res.base_ahead.dropna()
        if len(ahead) and np.isfinite(res.base_now):
            falls = float(ahead.mean()) < res.base_now
            text += (
                "后续来看，未来" + f"{len(ahead)}个月的同比基数（上年同期同比）分别为"
                + "、".join(_ahead_items(res, lang))
                + f"，{'低于' if falls else '高于'}{F.month_label(m - 12)}的{F.pct(res.base_now * 100)}，"
                + ("基数回落对进口同比形成支撑。" if falls else "基数抬升对进口同比形成压制。")
            )
        return text
    text = ""
    if parts:
        text += "Over the same month, " + ", ".join(
            f"the {name_of(label, k, lang)} {F.pct(v * 100)} YoY (prior {F.pct(p * 100)})" for k, v, p in parts) + ". "
        cs = [f"{name_of(label, k, lang)} {F.num(res.corr[k], 2)}" for k in res.corr.index if np.isfinite(res.corr[k])]
        if cs:
            text += f"Correlation of import YoY with commodity YoY over {res.window // 12} years: " + ", ".join(cs) + ". "
    ahead = res.base_ahead.dropna()
    if len(ahead) and np.isfinite(res.base_now):
        falls = float(ahead.mean()) < res.base_now
        text += (
            f"Looking ahead, the base (last year's YoY) of the next {len(ahead)} months is "
            + ", ".join(_ahead_items(res, lang))
            + f", {'below' if falls else 'above'} {F.pct(res.base_now * 100)} in {F.month_label(m - 12, 'en')}: "
            + ("a falling base supports import growth." if falls else "a rising base weighs on import growth.")
        )
    return text.strip()


def imports_chart(res: ImportsCommodities, lang: str = "zh", years: int = 5) -> Figure:
    """Import YoY (left axis) and commodity-index YoY (right axis)."""
    start = res.month - (12 * years - 1)
    df = pd.DataFrame({tr("进口同比", "Import YoY", lang): res.imports_yoy * 100})
    right = []
    for k in res.commodity_yoy.columns:
        name = tr(f"{name_of(res.labels, k, 'zh')}同比", f"{name_of(res.labels, k, 'en')} YoY", lang)
        df[name] = res.commodity_yoy[k] * 100
        right.append(name)
    ipy = res.import_price_yoy
    if ipy is not None and ipy[ipy.index >= start].notna().any():
        df[tr("进口价格指数同比", "Import price index YoY", lang)] = ipy * 100
    df = df[(df.index >= start) & (df.index <= res.month)]
    df = df.loc[:, df.notna().any()]
    right = [c for c in right if c in df.columns]
    return charts.line_chart(df, right=right or None, ylabel="%", right_ylabel="%" if right else None, lang=lang)
