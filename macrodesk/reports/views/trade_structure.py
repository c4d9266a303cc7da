"""Views of the trade models' breakdowns: contributions of parts and price vs volume, in one language.

Each function reads a :class:`~macrodesk.models.trade.structure.Contributions`,
:class:`~macrodesk.models.trade.prices.ItemPriceVolume` or
:class:`~macrodesk.models.trade.prices.IndexPriceVolume` and returns a sentence,
a table with labels or a chart.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import cast

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from macrodesk.models.trade.prices import IndexPriceVolume, ItemPriceVolume, split_parts
from macrodesk.models.trade.structure import OTHER, Contributions
from macrodesk.plotting import charts
from macrodesk.reports.views.trade import flow_name, grew, month_word, name_of
from macrodesk.text import format as F
from macrodesk.text import tr, with_article

__all__ = [
    "contributions_cagr_chart",
    "contributions_chart",
    "contributions_marginal_chart",
    "contributions_table",
    "contributions_text",
    "coverage_text",
    "has_residual",
    "index_pv_chart",
    "index_pv_text",
    "item_chart",
    "item_sentence",
    "items_chart",
    "items_text",
    "part_label",
    "period_label",
]


# ---------------------------------------------------------------- contributions
def part_label(res: Contributions, key: str, lang: str = "zh") -> str:
    """The name of part ``key`` ("其他" / "Other" for the residual)."""
    if key == OTHER:
        return tr("其他", "Other", lang)
    return name_of(res.labels, key, lang)


def period_label(res: Contributions, lang: str = "zh", prior: bool = False) -> str:
    """'2025年3月' / 'Mar 2025' for the result's month (or its prior month); '2025年1-2月' /
    'Jan–Feb 2025' when February stands for January and February combined."""
    m = res.prior_month if prior else res.month
    if res.janfeb and m.month == 2:
        return tr(f"{m.year}年1-2月", f"{F.span_label(1, 2, 'en')} {m.year}", lang)
    return F.month_label(m, lang)


def _list(res: Contributions, s: pd.Series, lang: str, digits: int = 1) -> str:
    return tr("、", ", ", lang).join(tr(f"{part_label(res, str(k), lang)}（{F.pp(v * 100, digits)}）",
                                        f"{with_article(part_label(res, str(k), lang))} "
                                        f"({F.pp(v * 100, digits, lang='en')})", lang)
                                     for k, v in s.items())


def _text_zh(res: Contributions, pos: pd.Series, neg: pd.Series, up: pd.Series, down: pd.Series, d: pd.Series) -> str:
    lang, total = "zh", res.total
    what = res.what[0]
    sign = "为正" if total >= 0 else "为负"
    text = f"从绝对贡献来看，{period_label(res)}{res.name[0]}同比{F.pct(total * 100)}，"
    if total >= 0 and len(pos):
        text += f"{sign}主要由{_list(res, pos, lang)}支撑"
        if len(neg):
            text += f"，{_list(res, neg, lang)}形成拖累"
    elif total < 0 and len(neg):
        text += f"{sign}主要受{_list(res, neg, lang)}拖累"
        if len(pos):
            text += f"，{_list(res, pos, lang)}仍有正贡献"
    else:
        text += "各" + what + "贡献均较小"
    if len(d):
        bits = []
        if len(down):
            bits.append(f"{_list(res, down, lang)}贡献较上月回落")
        if len(up):
            bits.append(f"{_list(res, up, lang)}贡献较上月改善")
        text += "；从边际变化来看，" + ("，".join(bits) if bits else f"各{what}贡献与上月持平")
    return text + "。"


def _text_en(res: Contributions, pos: pd.Series, neg: pd.Series, up: pd.Series, down: pd.Series, d: pd.Series) -> str:
    lang, n = "en", res.name[1]
    when = "January–February " + str(res.month.year) if res.is_janfeb else res.month.strftime("%B %Y")
    text = f"{n[:1].upper() + n[1:]} {grew(res.total)} YoY in {when}"
    if len(pos):
        text += f"; the largest positive contributions came from {_list(res, pos, lang)}"
    if len(neg):
        text += f"; the largest drags were {_list(res, neg, lang)}"
    if len(d):
        bits = []
        if len(up):
            bits.append(f"improved most for {_list(res, up, lang)}")
        if len(down):
            bits.append(f"weakened most for {_list(res, down, lang)}")
        text += "; from the prior month, contributions " + (" and ".join(bits) if bits else "were unchanged")
    return text + "."


#: A contribution (fraction) below this prints as "0.0 pp" at one decimal: not listed as a pull or a drag.
_PRINTS_AS_ZERO = 0.0005


def contributions_text(res: Contributions, lang: str = "zh", top: int = 3) -> str:
    """The ``top`` largest supports and drags, and the largest changes from the prior month."""
    parts = res.table.drop(index=OTHER, errors="ignore")
    c = parts["contribution"].dropna().sort_values(ascending=False)
    d = parts["marginal"].dropna().sort_values(ascending=False)
    # "0.0 pp" is neither a pull nor a drag, nor a change; all changes that small read "unchanged"
    c, moved = c[c.abs() >= _PRINTS_AS_ZERO], d[d.abs() >= _PRINTS_AS_ZERO]
    pos, neg = c[c > 0].head(top), c[c < 0].sort_values().head(top)
    up, down = moved[moved > 0].head(top), moved[moved < 0].sort_values().head(top)
    return tr(_text_zh, _text_en, lang)(res, pos, neg, up, down, d)


def coverage_text(n: int, share: float, pull: float, rest: float, total: tuple[str, str], lang: str = "zh") -> str:
    """How much of a total ``n`` listed parts are and what they and the rest contributed to its YoY
    ('所列9个地区占韩国出口的45%，合计拉动韩国出口同比-0.3个百分点，其余地区拉动+4.6个百分点。')."""
    return tr(
        f"所列{n}个地区占{total[0]}的{F.num(share * 100, 0)}%，合计拉动{total[0]}同比{F.pp(pull * 100, 1)}，"
        f"其余地区拉动{F.pp(rest * 100, 1)}。",
        f"The {n} listed partners were {F.num(share * 100, 0)}% of {total[1]} and contributed "
        f"{F.pp(pull * 100, 1, lang='en')} to its YoY; the other partners {F.pp(rest * 100, 1, lang='en')}.",
        lang,
    )


def has_residual(res: Contributions, months: int = 13) -> bool:
    """True when the residual "other" is not zero in the chart's window (parts missing in some month)."""
    h = res.history[(res.history.index > res.month - months) & (res.history.index <= res.month)]
    return OTHER in h.columns and bool((h[OTHER].abs() > 1e-9).any())


def _named(res: Contributions, df: pd.DataFrame, lang: str) -> pd.DataFrame:
    out = df.copy()
    out.columns = pd.Index([part_label(res, k, lang) for k in df.columns])
    return out


def _part_colors(keys: Iterable[str]) -> list[str]:
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


def contributions_chart(res: Contributions, lang: str = "zh", months: int = 13, max_parts: int = 8) -> Figure:
    """Stacked contributions (pp) over the last ``months`` months with the total YoY line (Figure 7/9).

    At most ``max_parts`` parts (largest mean |contribution| over the window) get their own
    bar; the others are added to "other", so the bars still add up to the total.
    """
    h = res.history[(res.history.index > res.month - months) & (res.history.index <= res.month)] * 100
    h = h.loc[:, h.notna().any()]
    if not has_residual(res, months):  # the parts are the whole total: no "other" bar
        h = h.drop(columns=OTHER, errors="ignore")
    parts = [c for c in h.columns if c != OTHER]
    if len(parts) > max_parts:
        keep = h[parts].abs().mean().sort_values(ascending=False).index[:max_parts]
        rest = [c for c in parts if c not in keep]
        other = h.get(OTHER, 0.0) + h[rest].sum(axis=1, min_count=1).fillna(0.0)
        h = h[[c for c in parts if c in keep]].assign(**{OTHER: other})
    n = tr(res.name[0], res.name[1][:1].upper() + res.name[1][1:], lang)
    total = (res.total_yoy.reindex(h.index) * 100).rename(tr(f"{n}同比", f"{n} YoY", lang))
    return charts.stacked_contributions(_named(res, h, lang), total, lang=lang, ylabel=tr("%，个百分点", "%, pp", lang),
                                        colors=_part_colors(h.columns))


def _this_vs_prior(res: Contributions, t: pd.DataFrame, sort_by: str, lang: str) -> pd.DataFrame:
    t = t.sort_values(sort_by, ascending=False)
    t = pd.concat([t.drop(index=OTHER, errors="ignore"), t.loc[[k for k in t.index if k == OTHER]]])  # "other" last
    t.index = pd.Index([part_label(res, k, lang) for k in t.index])
    t.columns = pd.Index([period_label(res, lang), period_label(res, lang, prior=True)])
    return t.loc[:, t.notna().any()]


def contributions_marginal_chart(res: Contributions, lang: str = "zh", *, figsize: tuple[float, float] | None = None) -> Figure:
    """Contribution this month vs the prior month, by part (Figure 8); ``figsize``: :data:`~macrodesk.plotting.HALF_FIGSIZE` for one of a side-by-side pair."""
    t = res.table[["contribution", "prior"]].dropna(how="all") * 100
    return charts.bar_chart(_this_vs_prior(res, t, "contribution", lang), lang=lang, ylabel=tr("个百分点", "pp", lang),
                            figsize=figsize)


def contributions_cagr_chart(res: Contributions, lang: str = "zh", *, figsize: tuple[float, float] | None = None) -> Figure:
    """Two-year compound growth this month vs the prior month, by part (Figure 10); ``figsize``: :data:`~macrodesk.plotting.HALF_FIGSIZE` for one of a side-by-side pair."""
    t = res.table.drop(index=OTHER, errors="ignore")[["cagr2y", "cagr2y_prior"]].dropna(how="all") * 100
    return charts.bar_chart(_this_vs_prior(res, t, "cagr2y", lang), lang=lang, ylabel="%", figsize=figsize)


def contributions_table(res: Contributions, lang: str = "zh") -> pd.DataFrame:
    """The table in percent / pp with labels, for a report Table."""
    t = res.table.copy()
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
    out.index = pd.Index([part_label(res, k, lang) for k in t.index], name=tr(res.what[0], res.what[1], lang))
    return out


# ---------------------------------------------------------------- price vs volume of products
def item_sentence(res: ItemPriceVolume, key: str, lang: str = "zh") -> str:
    """'12月手机出口同比+10.6%，前值-12.6%；出口数量同比-3.6%（前值…），单价同比+14.7%，主要由价格驱动。'"""
    r = cast(pd.Series, res.table.loc[key])  # one row: each product appears once
    mw = month_word(res.month, lang)
    name = name_of(res.labels, key, lang)
    drv = "价格上涨" if r["driver"] == "price" and r["price"] > 0 else (
        "价格" if r["driver"] == "price" else "数量")
    return tr(
        f"{mw}{name}出口金额同比{F.pct(r['value'] * 100)}，前值{F.pct(r['value_prior'] * 100)}；"
        f"出口数量同比{F.pct(r['quantity'] * 100)}（前值{F.pct(r['quantity_prior'] * 100)}），"
        f"单价同比{F.pct(r['price'] * 100)}，金额增长主要由{drv}驱动。",
        f"Export value of {name[:1].lower() + name[1:]} {grew(r['value'])} YoY in {mw} "
        f"(prior {F.pct(r['value_prior'] * 100)}); quantity {F.pct(r['quantity'] * 100)} "
        f"(prior {F.pct(r['quantity_prior'] * 100)}), unit value {F.pct(r['price'] * 100)}: "
        f"driven mainly by {'price' if r['driver'] == 'price' else 'quantity'}.",
        lang,
    )


def items_text(res: ItemPriceVolume, lang: str = "zh") -> str:
    """Which products' export value moved with quantity, and which with price."""
    t = res.table.dropna(subset=["value"])
    by_price = [k for k in t.index if t.loc[k, "driver"] == "price"]
    by_qty = [k for k in t.index if t.loc[k, "driver"] == "quantity"]
    sep = tr("、", ", ", lang)
    mw = month_word(res.month, lang)
    names = {k: name_of(res.labels, k, lang) for k in t.index}
    bits = []
    if by_qty:
        qty = sep.join(names[k] for k in by_qty)
        bits.append(tr(f"{qty}出口金额变化主要由数量贡献", f"quantity drove the export value of {qty}", lang))
    if by_price:
        price = sep.join(names[k] for k in by_price)
        bits.append(tr(f"{price}主要由价格贡献", f"price drove that of {price}", lang))
    return tr(f"{mw}，" + "，".join(bits) + "。", f"In {mw}, " + "; ".join(bits) + ".", lang)


def items_chart(res: ItemPriceVolume, lang: str = "zh") -> Figure:
    """Value YoY of each product split into quantity and price parts, this month (Figure 11)."""
    t = res.table.dropna(subset=["value", "quantity"])
    pq, pp_ = split_parts(t["value"].to_numpy(), t["quantity"].to_numpy())
    df = pd.DataFrame(
        {tr("数量贡献", "Quantity", lang): pq * 100, tr("价格贡献", "Price", lang): pp_ * 100},
        index=[name_of(res.labels, k, lang) for k in t.index],
    )
    fig = charts.bar_chart(df, stacked=True, lang=lang, ylabel=tr("%，个百分点", "%, pp", lang),
                           colors=[charts.PALETTE[1], charts.PALETTE[0]])
    ax = fig.axes[0]
    ax.plot(np.arange(len(df)), t["value"].to_numpy() * 100, linestyle="none", marker="D", markersize=5,
            color=charts.PALETTE[3], zorder=5)
    for lg in list(fig.legends):
        lg.remove()
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    handles = [Patch(facecolor=charts.PALETTE[1]), Patch(facecolor=charts.PALETTE[0]),
               Line2D([], [], linestyle="none", marker="D", markersize=5, color=charts.PALETTE[3])]
    charts._legend_below(fig, handles, list(df.columns) + [tr("出口金额同比", "Value YoY", lang)])
    return fig


def item_chart(res: ItemPriceVolume, key: str, lang: str = "zh", months: int = 24) -> Figure:
    """One product over time: value YoY as a line, quantity and price parts as stacked bars (Figure 13)."""
    v = res.value[key]
    q = res.quantity[key]
    idx = v.index[(v.index > res.month - months) & (v.index <= res.month)]
    v, q = v.reindex(idx), q.reindex(idx)
    pq, pp_ = split_parts(v.to_numpy(), q.to_numpy())
    df = pd.DataFrame({tr("数量贡献", "Quantity", lang): pq * 100, tr("价格贡献", "Price", lang): pp_ * 100}, index=idx)
    name = name_of(res.labels, key, lang)
    total = (v * 100).rename(tr(f"{name}出口金额同比", f"{name} export value YoY", lang))
    return charts.stacked_contributions(df, total, lang=lang, ylabel=tr("%，个百分点", "%, pp", lang),
                                        colors=[charts.PALETTE[1], charts.PALETTE[0]])


# ---------------------------------------------------------------- price vs volume with a price index
def index_pv_text(res: IndexPriceVolume, lang: str = "zh") -> str:
    """Value, price-index and implied volume YoY in the latest month with both, and which drove the value."""
    t = res.last
    v, p, q = (float(s.get(t, np.nan)) * 100 for s in (res.value, res.price, res.volume))
    n = flow_name(res.name, lang)
    lag = "" if t == res.month else tr(f"{n}价格指数最新为{F.month_label(t)}：",
                                       f"The {n} price index ends in {F.month_label(t, 'en')}. ", lang)
    by_price = abs(np.log1p(p / 100)) > abs(np.log1p(q / 100))
    drv = tr("价格", "price", lang) if by_price else tr("数量", "volume", lang)
    return tr(f"{lag}{F.month_label(t)}{n}金额同比{F.pct(v)}，价格指数同比{F.pct(p)}，剔除价格后的数量同比约{F.pct(q)}，"
              f"金额变化主要由{drv}贡献。",
              f"{lag}In {F.month_label(t, 'en')} {n} value {grew(v / 100)} YoY with prices {F.pct(p)}, so volume "
              f"changed by about {F.pct(q)}: driven mainly by {drv}.", lang)


def index_pv_chart(res: IndexPriceVolume, lang: str = "zh", months: int = 36) -> Figure:
    """Value YoY as a line over quantity and price parts (Figures 12–14)."""
    end = res.last
    idx = res.value.index[(res.value.index > end - months) & (res.value.index <= end)]
    v, q = res.value.reindex(idx), res.volume.reindex(idx)
    pq, pp_ = split_parts(v.to_numpy(), q.to_numpy())
    df = pd.DataFrame({tr("数量贡献", "Volume", lang): pq * 100, tr("价格贡献", "Price", lang): pp_ * 100}, index=idx)
    n = tr(res.name[0], res.name[1][:1].upper() + res.name[1][1:], lang)
    total = (v * 100).rename(tr(f"{n}金额同比", f"{n} value YoY", lang))
    return charts.stacked_contributions(df, total, lang=lang, ylabel=tr("%，个百分点", "%, pp", lang),
                                        colors=[charts.PALETTE[1], charts.PALETTE[0]])
