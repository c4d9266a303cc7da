"""Chapter 1 of the outlook report, the year in review, in one language (no estimation here)."""

from __future__ import annotations

from macrodesk.analyses.inflation_outlook._notes import _Gaps, _src
from macrodesk.analyses.inflation_outlook.compute import OutlookResults, ReviewChapter
from macrodesk.models._base import pindex
from macrodesk.models.inflation.components import ComponentReview
from macrodesk.models.inflation.ppi_industry import PPIGroupReview, PPIIndustryReview
from macrodesk.reports.exhibits import exhibit
from macrodesk.reports.model import Block, Figure, Paragraph, Section, Table
from macrodesk.reports.views import cpi as VC
from macrodesk.reports.views import ppi as VP
from macrodesk.reports.views import review as VR
from macrodesk.reports.views._common import not_computable_text
from macrodesk.reports.views.freshness import Staleness
from macrodesk.text import format as F
from macrodesk.text import tr

__all__ = ["review_sections"]


def review_sections(res: OutlookResults, gaps: _Gaps, lang: str) -> tuple[list[Section], list[str]]:
    """1.1 CPI against its norm and by component; 1.2 PPI by group and industry. Also the key points."""
    ch = res.review
    if isinstance(ch, str):
        gaps.failed(ch)
        return [], []
    key = [VR.seasonal_review_text(ch.cpi, lang)]
    sections = [_cpi_review(res, ch, gaps, lang)]
    pblocks = _ppi_review(res, ch, gaps, key, lang)
    if pblocks:
        sections.append(Section(tr("PPI：分大类与分行业", "PPI by group and industry", lang), pblocks, level=2))
    return sections, key


def _cpi_review(res: OutlookResults, ch: ReviewChapter, gaps: _Gaps, lang: str) -> Section:
    """1.1 CPI against norms (seed Figure 1) and by component (Table 1, Figure 2)."""
    S, year, end_month = res.inputs.series, res.year, res.end_month
    span = F.span_label(1, end_month, lang)
    rev = ch.cpi
    src_cpi = _src(res, ["cpi_mom"], lang)
    cpi_yoy = S["cpi_yoy"].data
    ytd = cpi_yoy[(pindex(cpi_yoy).year == year) & (pindex(cpi_yoy).month <= end_month)].dropna()
    lead = tr(
        f"{year}年{span}CPI同比均值{F.pct(ytd.mean(), 2)}，区间{F.pct(ytd.min())}至{F.pct(ytd.max())}。",
        f"CPI YoY averaged {F.pct(ytd.mean(), 2)} in {span} {year}, between {F.pct(ytd.min())} and {F.pct(ytd.max())}.",
        lang,
    )
    blocks: list[Block] = [Paragraph(VR.seasonal_review_text(rev, lang), lead=lead)]
    if rev.norms:  # the review's chart needs at least one norm window
        blocks.append(Figure(VR.seasonal_review_chart(rev, lang), tr(f"{year}年{span}CPI环比累计涨幅与季节性对比",
                                                                    f"CPI cumulative MoM, {span} of each year, against seasonal norms", lang),
                             **src_cpi, note=tr("环比累计 = ∏(1+环比)−1", "cumulative = prod(1+MoM)−1", lang)))
    else:
        gaps.failed(tr(f"CPI环比历史不足，无法计算{span}季节性均值", f"CPI MoM history too short for {span} norms", lang))
    cr = ch.components
    if isinstance(cr, ComponentReview):
        blocks += _component_blocks(res, cr, bool(ch.weights), gaps, lang)
    elif cr is not None:
        gaps.need("cpi_components", tr(f"cpi_<分项>_mom（{year}年{span}无完整分项）", f"cpi_<code>_mom (no complete component, {span} {year})",
                     lang))
    else:
        gaps.need("cpi_components", tr("cpi_<分项>_mom 或 cpi_<分项>_mom_index（分项环比）", "cpi_<code>_mom or cpi_<code>_mom_index (component MoM)", lang))
    if not ch.weights:
        gaps.need("cpi_components", tr("cpi_weight_<分项>（分项权重，%）", "cpi_weight_<code> (component weights, %)", lang))
    return Section(tr(f"CPI：{year}年{span}环比累计与季节性", "CPI against its seasonal norm", lang), blocks, level=2)


def _component_blocks(res: OutlookResults, cr: ComponentReview, weights: bool, gaps: _Gaps, lang: str) -> list[Block]:
    S, year = res.inputs.series, res.year
    span = F.span_label(1, res.end_month, lang)
    ids = [i for c in cr.table.index for i in (f"cpi_{c}_mom", f"cpi_{c}_mom_index") if i in S]
    blocks: list[Block] = [
        Paragraph(VC.component_text(cr, lang)),
        Figure(VC.component_chart(cr, lang), tr(f"CPI各分项{span}环比累计对比", f"CPI components: cumulative MoM, {span}", lang),
               **_src(res, ids, lang)),
    ]
    disp = VC.component_table(cr, lang)
    if not weights:
        disp = disp.drop(columns=[disp.columns[0], disp.columns[-1]])
    blocks.append(Table(disp, tr(f"CPI各分项{year}年{span}环比累计涨跌幅与权重",
                                 f"CPI components: cumulative MoM, {span} {year}, and weights", lang),
                        **_src(res, ids, lang), formats={c: ".1f" for c in disp.columns[:-1]}
                        | {disp.columns[-1]: ".2f"} if weights else {c: ".1f" for c in disp.columns}))
    if cr.not_computable:
        gaps.need("cpi_components", tr(f"CPI分项环比（{year}年{span}不完整：{len(cr.not_computable)}项）",
                     f"CPI component MoM ({span} {year} incomplete: {len(cr.not_computable)})", lang))
    return blocks


def _ppi_review(res: OutlookResults, ch: ReviewChapter, gaps: _Gaps, key: list[str], lang: str) -> list[Block]:
    """1.2 PPI against its norm, by major group and by industry (weights from revenue)."""
    S = res.inputs.series
    span = F.span_label(1, res.end_month, lang)
    pblocks: list[Block] = []
    prev = ch.ppi
    if prev is None:
        gaps.need("ppi_mom", "ppi_mom")
    elif isinstance(prev, str):
        gaps.failed(prev)
    else:
        key.append(VR.seasonal_review_text(prev, lang))
        table = VR.seasonal_review_table(prev, lang)
        pblocks += [Paragraph(VR.seasonal_review_text(prev, lang)),
                    Table(table, tr(f"PPI {span}环比累计与季节性", f"PPI cumulative MoM {span} vs norms", lang),
                          **_src(res, ["ppi_mom"], lang), formats={c: F.signed2 for c in table.columns})]
    gr = ch.groups
    if isinstance(gr, PPIGroupReview):
        pblocks += [Paragraph(VP.ppi_group_text(gr, lang)),
                    exhibit("ppi_groups_mom").figure(S, res.month, lang, staleness=Staleness(res.status, res.month, lang))]
    elif gr is None:
        gaps.need("ppi_groups", tr("ppi_<大类>_mom（分大类环比）", "ppi_<group>_mom (major-group MoM)", lang))
    ir = ch.industries
    if isinstance(ir, PPIIndustryReview):
        pblocks += _industry_blocks(res, ir, ch.weight_year, lang)
    elif ir is not None:
        gaps.failed(not_computable_text(ir, lang))
    else:
        if not ch.has_industry_mom:
            gaps.need("ppi_industries", tr("ppi_<行业>_mom（行业环比）", "ppi_<code>_mom (industry MoM)", lang))
        if ch.revenue_weights is None:
            gaps.need("ppi_industries", tr("industry_revenue_<行业>（行业营收，亿元）", "industry_revenue_<code> (revenue, CNY 100m)", lang))
    return pblocks


def _industry_blocks(res: OutlookResults, ir: PPIIndustryReview, wyear: int | None, lang: str) -> list[Block]:
    S, year = res.inputs.series, res.year
    span = F.span_label(1, res.end_month, lang)
    ids = [f"ppi_{c}_mom" for c in ir.table.index] + [f"industry_revenue_{c}" for c in ir.table.index]
    table = VP.ppi_industry_table(ir, lang)
    return [
        Paragraph(VP.ppi_industry_text(ir, lang)),
        Figure(VP.ppi_industry_chart(ir, lang), tr(f"PPI各行业{year}年{span}环比累计涨跌幅与权重分布",
                                                   f"PPI by industry: cumulative MoM, {span} {year}, against weight", lang),
               **_src(res, ids, lang),
               note=tr(f"权重按{wyear}年营业收入占比估计", f"weights: shares of {wyear} revenue", lang)),
        Table(table, tr(f"PPI分行业权重、{span}环比累计与拉动", "PPI by industry: weight, cumulative MoM and pull", lang),
              **_src(res, ids, lang), formats={c: ".2f" for c in table.columns}),
    ]
