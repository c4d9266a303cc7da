"""Views of the PPI models: by major group, by industry, chain impacts, in one language.

Each function reads a results object of
:mod:`macrodesk.models.inflation.ppi_industry` and returns a sentence, a
table with labels or a chart.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from macrodesk.models.inflation.ppi_industry import INDUSTRIES, PPI_GROUPS, ChainImpact, PPIGroupReview, PPIIndustryReview
from macrodesk.plotting import charts
from macrodesk.text import format as F
from macrodesk.text import tr

__all__ = [
    "chain_chart",
    "chain_text",
    "industry_name",
    "ppi_group_text",
    "ppi_industry_chart",
    "ppi_industry_table",
    "ppi_industry_text",
]


def industry_name(code: str, lang: str = "zh") -> str:
    """The name of an industry (:data:`INDUSTRIES`) or major group (:data:`PPI_GROUPS`) code."""
    zh, en = INDUSTRIES.get(code, PPI_GROUPS.get(code, (code, code)))
    return tr(zh, en, lang)


# ---------------------------------------------------------------- groups
def ppi_group_text(res: PPIGroupReview, lang: str = "zh") -> str:
    """Each group's latest MoM and its cumulative change; groups with gaps named at the end."""
    parts = []
    for g in res.mom.columns:
        s = res.mom[g].dropna()
        if s.empty:
            continue
        last = s.index[-1]
        cum = res.cumulative.get(g, np.nan)
        cum_zh = f"，{res.year}年1-{res.end_month}月累计{F.pct(cum * 100)}" if np.isfinite(cum) else ""
        cum_en = (f"; {F.pct(cum * 100)} cumulatively in {F.span_label(1, res.end_month, 'en')} {res.year}"
                  if np.isfinite(cum) else "")
        parts.append(tr(f"{industry_name(g)}{F.month_label(last)}环比{F.pct(s.iloc[-1] * 100)}{cum_zh}",
                        f"{industry_name(g, 'en')} {F.pct(s.iloc[-1] * 100)} MoM in {F.month_label(last, 'en')}{cum_en}",
                        lang))
    text = tr("分大类看，", "By major group: ", lang) + tr("；", "; ", lang).join(parts) + tr("。", ".", lang)
    if res.not_computable:
        text += tr(
            f"（{'、'.join(industry_name(g) for g in res.not_computable)}的环比数据不全，未计算累计涨跌。）",
            f" (MoM data incomplete for {', '.join(industry_name(g, 'en') for g in res.not_computable)}: "
            "no cumulative change.)",
            lang,
        )
    return text


# ---------------------------------------------------------------- industries
def ppi_industry_table(res: PPIIndustryReview, lang: str = "zh") -> pd.DataFrame:
    """Weight (%), cumulative change (%) and pull on PPI (pp) by industry, heaviest first."""
    t = res.table.sort_values("weight", ascending=False)
    out = pd.DataFrame(index=pd.Index([industry_name(c, lang) for c in t.index], name=tr("行业", "Industry", lang)))
    out[tr("权重(%)", "Weight (%)", lang)] = t["weight"].to_numpy() * 100
    out[tr(f"1-{res.end_month}月环比累计(%)", f"Cumulative Jan–M{res.end_month} (%)", lang)] = t["cumulative"].to_numpy() * 100
    out[tr("对PPI拉动(pp)", "Pull on PPI (pp)", lang)] = t["contribution"].to_numpy() * 100
    return out


def _industry_item(code: str, r: pd.Series, lang: str) -> str:
    return tr(
        f"{industry_name(code)}（权重{F.num(r['weight'] * 100, 1)}%，累计{F.pct(r['cumulative'] * 100)}，"
        f"拉动{F.pp(r['contribution'] * 100, 2)}）",
        f"{industry_name(code, 'en')} (weight {F.num(r['weight'] * 100, 1)}%, {F.pct(r['cumulative'] * 100)}, "
        f"{F.pp(r['contribution'] * 100, 2, lang='en')})",
        lang,
    )


def ppi_industry_text(res: PPIIndustryReview, lang: str = "zh") -> str:
    """The three largest drags, the two largest positive pulls and the total over the industries."""
    t = res.table.dropna(subset=["contribution"])
    if t.empty:
        return tr("没有同时具备权重与环比的行业。", "No industry has both a weight and MoM data.", lang)
    neg = t.sort_values("contribution").head(3)
    pos = t[t["contribution"] > 0].sort_values("contribution", ascending=False).head(2)
    span = F.span_label(1, res.end_month, lang)
    text = tr(f"{res.year}年{span}，拖累PPI最多的行业是", f"In {span} {res.year}, the largest drags on PPI were ", lang)
    text += tr("、", ", ", lang).join(_industry_item(str(c), r, lang) for c, r in neg.iterrows())
    if len(pos):
        text += tr("；正向拉动最多的是", "; the largest positive pulls ", lang)
        text += tr("、", ", ", lang).join(_industry_item(str(c), r, lang) for c, r in pos.iterrows())
    total = float(t["contribution"].sum())
    text += tr(
        f"。{len(t)}个行业合计拉动{F.pp(total * 100, 2)}",
        f". The {len(t)} industries together: {F.pp(total * 100, 2, lang='en')}",
        lang,
    )
    if res.total_change is not None and np.isfinite(res.total_change):
        text += tr(f"（同期PPI环比累计{F.pct(res.total_change * 100)}）",
                   f" (PPI cumulative {F.pct(res.total_change * 100)})", lang)
    return text + tr("。", ".", lang)


def ppi_industry_chart(res: PPIIndustryReview, lang: str = "zh") -> Figure:
    """Weight (x, %) against cumulative change (y, %), each industry labelled (seed Figure 4)."""
    t = res.table.dropna(subset=["weight", "cumulative"])
    worst = list(t.sort_values("contribution").index[:3])
    labels = [industry_name(c, lang) for c in t.index]
    return charts.scatter_labeled(
        t["weight"] * 100, t["cumulative"] * 100, labels,
        xlabel=tr("权重（%）", "Weight (%)", lang),
        ylabel=tr(f"1-{res.end_month}月环比累计（%）", f"Cumulative MoM Jan–M{res.end_month} (%)", lang),
        highlight=[industry_name(c, lang) for c in worst], lang=lang,
    )


# ---------------------------------------------------------------- chains (seed Table 4)
def chain_text(res: ChainImpact, lang: str = "zh") -> str:
    """Each chain's weight, assumed price change and pull on PPI, and the total."""
    parts = [
        tr(f"{c}（权重{F.num(r['weight'] * 100, 1)}%，价格{F.pct(r['change'] * 100, 0)}）拉动{F.pp(r['impact'] * 100, 1)}",
           f"{c} (weight {F.num(r['weight'] * 100, 1)}%, price {F.pct(r['change'] * 100, 0)}): "
           f"{F.pp(r['impact'] * 100, 1, lang='en')}",
           lang)
        for c, r in res.table.iterrows()
    ]
    return tr("；", "; ", lang).join(parts) + tr(f"；合计{F.pp(res.total * 100, 1)}。",
                                                f"; in all {F.pp(res.total * 100, 1, lang='en')}.", lang)


def chain_chart(res: ChainImpact, lang: str = "zh") -> Figure:
    """The pull of each chain on PPI (pp), bars with values."""
    s = (res.table["impact"] * 100).rename(tr("对PPI拉动（百分点）", "Pull on PPI (pp)", lang))
    return charts.bar_chart(s.to_frame(), value_labels=True, lang=lang)
