"""Inflation outlook: the annual CPI/PPI outlook of seed 003, rebuilt from data.

``macrodesk report inflation-outlook --as-of 2025-12`` reviews the year to the
as-of month and looks at the next one:

1. review — CPI and PPI cumulative MoM against seasonal norms
   (:func:`~macrodesk.analyses.inflation_review.seasonal_review`), CPI by
   component with weight × change, PPI by major group and by industry against
   revenue weights;
2. CPI outlook — basket re-weighting at the rotation and price-method drift,
   the pig cycle (up-cycle episodes, breeding-sow lead), seasonality with the
   Spring Festival, next year's carry-over;
3. PPI outlook — next year's carry-over, M1 lead, CRB pass-through, the
   commodity factor model, inventory cycles by industry;
4. scenarios (filled by :mod:`macrodesk.scenarios` through :func:`_scenario_blocks`);
5. risks drawn from the models' own diagnostics.

Every sentence is filled from computed numbers. A section whose inputs are
missing is left out, and one notice line lists what to import; nothing is
invented. The series ids each section uses are listed in :data:`SECTION_INPUTS`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from macrodesk import models as M
from macrodesk import transforms as T
from macrodesk.analyses._common import Inputs
from macrodesk.text import source_line, tr
from macrodesk.analyses.inflation_review import carryover_review, seasonal_review
from macrodesk.exceptions import MacrodeskError
from macrodesk.models.components import CPI_CATEGORIES, CPI_COMPONENTS, component_name
from macrodesk.models.inventory import phase_label
from macrodesk.models.ppi_industry import INDUSTRIES, PPI_GROUPS, annual_value, industry_name
from macrodesk.plotting import charts
from macrodesk.text import format as F
from macrodesk.reports.model import Bullets, Figure, Notice, Paragraph, Report, Section, Table
from macrodesk.reports.views.factor import factor_chart, factor_contribution_chart, factor_table, factor_text
from macrodesk.series import MacroSeries

__all__ = ["REQUIRED", "OPTIONAL", "SECTION_INPUTS", "build"]

#: Series the report cannot do without.
REQUIRED = ("cpi_yoy", "cpi_mom")

_FACTORS: dict[str, tuple[str, str, str]] = {  # factor -> (series id, Chinese, English)
    "coal": ("thermal_coal_qhd_q5500_cny", "动力煤", "Thermal coal"),
    "rebar": ("rebar_hrb_25mm_cny", "螺纹钢", "Rebar"),
    "diesel": ("diesel_0_cny", "柴油", "Diesel"),
    "copper": ("copper_lme_usd", "铜", "Copper"),
}
_OIL_FALLBACK = ("brent_usd", "原油", "Crude oil")

#: Section -> the series ids (or id patterns, ``<code>`` from the model catalogues) it uses, with units.
SECTION_INPUTS: dict[str, list[tuple[str, str]]] = {
    "review: CPI and PPI against seasonal norms": [("cpi_mom", "pct_mom"), ("cpi_yoy", "pct_yoy"),
                                                   ("ppi_mom", "pct_mom"), ("ppi_yoy", "pct_yoy")],
    "review: CPI by component": [("cpi_<code>_mom", "pct_mom"), ("cpi_<code>_mom_index", "index_prev_month_100"),
                                 ("cpi_weight_<code>", "pct")],
    "review: PPI by group": [("ppi_<group>_mom", "pct_mom")],
    "review: PPI by industry": [("ppi_<code>_mom", "pct_mom"), ("industry_revenue_<code>", "cny_100m"),
                                ("industry_revenue_total", "cny_100m")],
    "CPI outlook: basket rotation": [("hh_spending_share_<category>", "pct"), ("cpi_weight_<category>", "pct")],
    "CPI outlook: pork weight drift": [("cpi_weight_pork", "pct"), ("cpi_pork_mom", "pct_mom"), ("cpi_mom", "pct_mom")],
    "CPI outlook: pig cycle": [("hog_spot_price_index_zhuyi", "index"), ("cpi_pork_mom", "pct_mom"),
                               ("cpi_pork_yoy", "pct_yoy"), ("breeding_sow_inventory", "10k_head"),
                               ("breeding_sow_inventory_q", "10k_head")],
    "CPI outlook: seasonality, carry-over": [("cpi_mom", "pct_mom"), ("cpi_yoy", "pct_yoy")],
    "PPI outlook: carry-over": [("ppi_mom", "pct_mom"), ("ppi_yoy", "pct_yoy")],
    "PPI outlook: M1 lead": [("m1_yoy", "pct_yoy"), ("ppi_yoy", "pct_yoy")],
    "PPI outlook: CRB pass-through": [("crb_spot_index", "index"), ("ppi_yoy", "pct_yoy")],
    "PPI outlook: factor model": [(sid, "cny_per_t" if sid.endswith("cny") else "usd_per_t")
                                  for sid, _, _ in _FACTORS.values()] + [("brent_usd", "usd_per_bbl")],
    "PPI outlook: inventory cycles": [("industry_revenue_yoy_<code>", "pct_yoy"),
                                      ("industry_inventory_yoy_<code>", "pct_yoy"),
                                      ("industry_inventory_<code>", "cny_100m")],
}

#: Series used when present.
#: Nowcast targets whose real-time backtest goes into the report, and its length in months.
NOWCAST_TARGETS = ("cpi_yoy", "ppi_yoy")
NOWCAST_MONTHS = 96


def _nowcast_ids(target: str) -> tuple[str, ...]:
    """Series the bridge nowcaster of ``target`` reads, plus the consensus it is compared with."""
    from macrodesk.models.nowcast import make_model

    return (*make_model("bridge", target).series_ids(), f"{target}_consensus")


OPTIONAL: tuple[str, ...] = tuple(dict.fromkeys(
    ["ppi_yoy", "ppi_mom", "m1_yoy", "crb_spot_index", "hog_spot_price_index_zhuyi", "breeding_sow_inventory",
     "breeding_sow_inventory_q", "cpi_pork_mom", "cpi_pork_yoy", "industry_revenue_total", "brent_usd",
     "wb_crude_oil_brent", "wb_copper"]
    + [sid for sid, _, _ in _FACTORS.values()]
    + [f"cpi_{c}_mom" for c in CPI_COMPONENTS] + [f"cpi_{c}_mom_index" for c in CPI_COMPONENTS]
    + [f"cpi_weight_{c}" for c in CPI_COMPONENTS]
    + [f"hh_spending_share_{c}" for c in CPI_CATEGORIES]
    + [f"ppi_{g}_mom" for g in PPI_GROUPS]
    + [f"ppi_{c}_mom" for c in INDUSTRIES] + [f"industry_revenue_{c}" for c in INDUSTRIES]
    + [f"industry_revenue_yoy_{c}" for c in INDUSTRIES] + [f"industry_inventory_yoy_{c}" for c in INDUSTRIES]
    + [f"industry_inventory_{c}" for c in INDUSTRIES]
    + [sid for t in ("cpi_yoy", "ppi_yoy") for sid in _nowcast_ids(t)]
))

#: Factor-model window start (the seed: "2016年以来").
FACTOR_START = "2016-01"
#: Pass-through window start.
PASSTHROUGH_START = "2010-01"


# ---------------------------------------------------------------- bookkeeping
@dataclass
class _Gaps:
    """What the report could not use: missing inputs (one notice line) and results not computable."""

    missing: list[str] = field(default_factory=list)
    not_computable: list[str] = field(default_factory=list)

    def need(self, label: str) -> None:
        if label not in self.missing:
            self.missing.append(label)

    def failed(self, text: str) -> None:
        if text not in self.not_computable:
            self.not_computable.append(text)

    def notices(self, lang: str) -> list[Notice]:
        out = []
        if self.missing:
            out.append(Notice(tr(
                "以下输入数据缺失或不完整，相应内容未生成（导入后重新运行即可）：" + "；".join(self.missing),
                "Missing or incomplete inputs, the sections that need them were skipped (import them and re-run): "
                + "; ".join(self.missing),
                lang,
            )))
        if self.not_computable:
            out.append(Notice(tr("未能计算：", "Not computable: ", lang) + tr("；", "; ", lang).join(self.not_computable)))
        return out


def _mom(s: MacroSeries) -> pd.Series:
    return s.to_fraction()


def _latest_value(s: MacroSeries) -> float:
    obs = s.observations()
    return float(obs.iloc[-1]) if len(obs) else float("nan")


#: Publishers whose bundled source text has no Chinese name in the shared source-line table.
def _sources(S: Mapping[str, MacroSeries], ids, lang: str) -> str:
    return source_line([S[i] for i in ids if i in S], lang)


def _month_names(idx, lang: str) -> list[str]:
    return [f"{p.month}月" if lang == "zh" else p.strftime("%b") for p in idx]


def _component_mom(inputs: Inputs, code: str) -> pd.Series | None:
    """A component's MoM (fraction) from cpi_<code>_mom, filled from cpi_<code>_mom_index."""
    parts = [_mom(inputs[i]) for i in (f"cpi_{code}_mom", f"cpi_{code}_mom_index") if inputs.has(i)]
    if not parts:
        return None
    s = parts[0]
    for p in parts[1:]:
        s = s.combine_first(p)
    return s


# ---------------------------------------------------------------- 1. review
def _review(inputs: Inputs, year: int, end_month: int, gaps: _Gaps, lang: str) -> tuple[list[Section], list[str]]:
    S = inputs.series
    cpi_mom = _mom(S["cpi_mom"])
    key: list[str] = []
    sections: list[Section] = []
    span = F.span_label(1, end_month, lang)

    # 1.1 CPI against norms (seed Figure 1) and by component (Table 1, Figure 2)
    try:
        rev = seasonal_review(cpi_mom, year, end_month, name="CPI")
    except MacrodeskError as exc:
        gaps.failed(str(exc))
        return sections, key
    key.append(rev.summary(lang))
    src_cpi = _sources(S, ["cpi_mom"], lang)
    cpi_yoy = S["cpi_yoy"].data
    ytd = cpi_yoy[(cpi_yoy.index.year == year) & (cpi_yoy.index.month <= end_month)].dropna()
    lead = tr(
        f"{year}年{span}CPI同比均值{F.pct(ytd.mean(), 2)}，区间{F.pct(ytd.min())}至{F.pct(ytd.max())}。",
        f"CPI YoY averaged {F.pct(ytd.mean(), 2)} in {span} {year}, between {F.pct(ytd.min())} and {F.pct(ytd.max())}.",
        lang,
    )
    blocks: list = [Paragraph(rev.summary(lang), lead=lead)]
    if rev.norms:  # the review's chart needs at least one norm window
        blocks.append(Figure(rev.chart(lang), tr(f"{year}年{span}CPI环比累计涨幅与季节性对比",
                                                 f"CPI cumulative MoM, {span} of each year, against seasonal norms", lang),
                             source=src_cpi, note=tr("环比累计 = ∏(1+环比)−1", "cumulative = prod(1+MoM)−1", lang)))
    else:
        gaps.failed(tr(f"CPI环比历史不足，无法计算{span}季节性均值", f"CPI MoM history too short for {span} norms", lang))
    comp = {c: s for c in CPI_COMPONENTS if (s := _component_mom(inputs, c)) is not None}
    weights = {c: _latest_value(S[f"cpi_weight_{c}"]) / 100 for c in CPI_COMPONENTS if inputs.has(f"cpi_weight_{c}")}
    if comp:
        cr = M.component_review(pd.DataFrame(comp), year, end_month, weights=weights or None,
                                total_change=rev.actual)
        if cr.computable:
            ids = [i for c in cr.table.index for i in (f"cpi_{c}_mom", f"cpi_{c}_mom_index") if i in S]
            blocks += [
                Paragraph(cr.summary(lang)),
                Figure(cr.chart(lang), tr(f"CPI各分项{span}环比累计对比", f"CPI components: cumulative MoM, {span}", lang),
                       source=_sources(S, ids, lang)),
            ]
            disp = cr.display(lang)
            if not weights:
                disp = disp.drop(columns=[disp.columns[0], disp.columns[-1]])
            blocks.append(Table(disp, tr(f"CPI各分项{year}年{span}环比累计涨跌幅与权重",
                                         f"CPI components: cumulative MoM, {span} {year}, and weights", lang),
                                source=_sources(S, ids, lang), formats={c: ".1f" for c in disp.columns[:-1]}
                                | {disp.columns[-1]: ".2f"} if weights else {c: ".1f" for c in disp.columns}))
            if cr.not_computable:
                gaps.need(tr(f"CPI分项环比（{year}年{span}不完整：{len(cr.not_computable)}项）",
                             f"CPI component MoM ({span} {year} incomplete: {len(cr.not_computable)})", lang))
        else:
            gaps.need(tr(f"cpi_<分项>_mom（{year}年{span}无完整分项）", f"cpi_<code>_mom (no complete component, {span} {year})",
                         lang))
    else:
        gaps.need(tr("cpi_<分项>_mom 或 cpi_<分项>_mom_index（分项环比）", "cpi_<code>_mom or cpi_<code>_mom_index (component MoM)", lang))
    if not weights:
        gaps.need(tr("cpi_weight_<分项>（分项权重，%）", "cpi_weight_<code> (component weights, %)", lang))
    sections.append(Section(tr(f"CPI：{year}年{span}环比累计与季节性", "CPI against its seasonal norm", lang), blocks, level=2))

    # 1.2 PPI
    pblocks: list = []
    if inputs.has("ppi_mom"):
        ppi_mom = _mom(S["ppi_mom"])
        try:
            prev = seasonal_review(ppi_mom, year, end_month, name="PPI")
        except MacrodeskError as exc:
            gaps.failed(str(exc))
        else:
            key.append(prev.summary(lang))
            pblocks += [Paragraph(prev.summary(lang)),
                        Table(prev.table(lang), tr(f"PPI {span}环比累计与季节性", f"PPI cumulative MoM {span} vs norms", lang),
                              source=_sources(S, ["ppi_mom"], lang), formats={c: F.signed2 for c in prev.table(lang).columns})]
    else:
        gaps.need("ppi_mom")
    groups = {g: _mom(S[f"ppi_{g}_mom"]) for g in PPI_GROUPS if inputs.has(f"ppi_{g}_mom")}
    if groups:
        gr = M.ppi_group_review(pd.DataFrame(groups), year, end_month)
        if gr.computable:
            pblocks += [Paragraph(gr.summary(lang)),
                        Figure(gr.chart(lang), tr("PPI分大类环比走势", "PPI MoM by major group", lang),
                               source=_sources(S, [f"ppi_{g}_mom" for g in groups], lang),
                               note=tr("圆点为公布值；缺失月份之间以直线连接", "dots: published months; gaps bridged", lang))]
    else:
        gaps.need(tr("ppi_<大类>_mom（分大类环比）", "ppi_<group>_mom (major-group MoM)", lang))
    ind = {c: _mom(S[f"ppi_{c}_mom"]) for c in INDUSTRIES if inputs.has(f"ppi_{c}_mom")}
    wts, wyear = _revenue_weights(inputs, year)
    if ind and wts is not None:
        total = None
        if inputs.has("ppi_mom"):
            total = float(T.cumulative(_mom(S["ppi_mom"]), 1, end_month).get(year, np.nan))
        ir = M.ppi_industry_review(pd.DataFrame(ind), wts, year, end_month, total_change=total)
        if ir.computable:
            ids = [f"ppi_{c}_mom" for c in ir.table.index] + [f"industry_revenue_{c}" for c in ir.table.index]
            pblocks += [
                Paragraph(ir.summary(lang)),
                Figure(ir.chart(lang), tr(f"PPI各行业{year}年{span}环比累计涨跌幅与权重分布",
                                          f"PPI by industry: cumulative MoM, {span} {year}, against weight", lang),
                       source=_sources(S, ids, lang),
                       note=tr(f"权重按{wyear}年营业收入占比估计", f"weights: shares of {wyear} revenue", lang)),
                Table(ir.display(lang), tr(f"PPI分行业权重、{span}环比累计与拉动", "PPI by industry: weight, cumulative MoM and pull", lang),
                      source=_sources(S, ids, lang), formats={c: ".2f" for c in ir.display(lang).columns}),
            ]
        else:
            gaps.failed(ir.summary(lang))
    else:
        if not ind:
            gaps.need(tr("ppi_<行业>_mom（行业环比）", "ppi_<code>_mom (industry MoM)", lang))
        if wts is None:
            gaps.need(tr("industry_revenue_<行业>（行业营收，亿元）", "industry_revenue_<code> (revenue, CNY 100m)", lang))
    if pblocks:
        sections.append(Section(tr("PPI：分大类与分行业", "PPI by group and industry", lang), pblocks, level=2))
    return sections, key


def _revenue_weights(inputs: Inputs, year: int) -> tuple[pd.Series | None, int | None]:
    """Industry weights from the latest complete year of revenue before ``year``."""
    S = inputs.series
    have = [c for c in INDUSTRIES if inputs.has(f"industry_revenue_{c}")]
    if not have:
        return None, None
    for y in (year - 1, year - 2, year):
        rev = {c: annual_value(S[f"industry_revenue_{c}"].data, y) for c in have}
        rev = {c: v for c, v in rev.items() if np.isfinite(v)}
        if rev:
            total = annual_value(S["industry_revenue_total"].data, y) if inputs.has("industry_revenue_total") else None
            total = total if total is not None and np.isfinite(total) else None
            return M.revenue_weights(rev, total=total), y
    return None, None


# ---------------------------------------------------------------- 2. CPI outlook
def _cpi_outlook(inputs: Inputs, year: int, end_month: int, month: pd.Period, gaps: _Gaps,
                 lang: str) -> tuple[list[Section], list[str]]:
    S = inputs.series
    nxt = year + 1
    key: list[str] = []
    sections: list[Section] = []

    # 2.1 basket rotation and price-method drift
    wb: list = []
    shares = {c: S[f"hh_spending_share_{c}"] for c in CPI_CATEGORIES if inputs.has(f"hh_spending_share_{c}")}
    if len(shares) == len(CPI_CATEGORIES):
        rot = _rotation(inputs, shares, lang)
        if rot is not None:
            wb += [Paragraph(rot.summary(lang)),
                   Table(rot.display(lang), tr("基期轮换的权重调整（pct）", "Weight adjustments at base rotations (pct)", lang),
                         source=_sources(S, [f"hh_spending_share_{c}" for c in CPI_CATEGORIES], lang),
                         formats={c: (".1f" if i == list(rot.table.columns).index("new") else F.signed1)
                                  for i, c in enumerate(rot.display(lang).columns)}),
                   Figure(rot.chart(lang), tr("历次基期轮换的权重调整", "Weight adjustments at each rotation", lang),
                          source=_sources(S, [f"hh_spending_share_{c}" for c in CPI_CATEGORIES], lang))]
        else:
            gaps.need(tr("hh_spending_share_<类别>（缺少上一基期年份的支出占比）",
                         "hh_spending_share_<category> (no shares for the last base year)", lang))
    else:
        gaps.need(tr("hh_spending_share_<类别>（居民消费支出占比，%，八大类）",
                     "hh_spending_share_<category> (household spending shares, %, 8 categories)", lang))
    drift = _pork_drift(inputs, month, lang)
    if drift is not None:
        wb += [Paragraph(drift.summary(lang)),
               Figure(drift.chart(lang), tr("猪肉在CPI中的权重（价格法推算）", "Pork weight in the CPI (price method)", lang),
                      source=_sources(S, ["cpi_pork_mom", "cpi_mom"], lang),
                      note=tr("w_t = w_0 ×（猪肉价格相对变化 ÷ CPI相对变化）", "w_t = w_0 × (pork relative price ÷ CPI relative price)", lang))]
    elif not inputs.has("cpi_weight_pork"):
        gaps.need(tr("cpi_weight_pork（猪肉权重，%）", "cpi_weight_pork (pork weight, %)", lang))
    if wb:
        sections.append(Section(tr("基期轮换与权重", "Basket rotation and weights", lang), wb, level=2))

    # 2.2 pig cycle
    pb: list = []
    if inputs.has("hog_spot_price_index_zhuyi"):
        hog = S["hog_spot_price_index_zhuyi"]
        kw = {}
        if inputs.has("cpi_pork_mom"):
            kw["mom"] = _mom(S["cpi_pork_mom"])
        if inputs.has("cpi_pork_yoy"):
            kw["yoy"] = S["cpi_pork_yoy"].to_fraction()
        up = M.upcycles(hog.data, name=tr("生猪价格", "the hog price", lang), mom_name=tr("猪肉CPI", "Pork CPI", lang), **kw)
        if up.computable:
            key.append(up.summary(lang))
            src = _sources(S, ["hog_spot_price_index_zhuyi"] + [i for i in ("cpi_pork_mom", "cpi_pork_yoy") if i in S], lang)
            tbl = up.table(lang)
            pb += [
                Paragraph(up.summary(lang)),
                Table(tbl, tr(f"{F.month_label(hog.observations().index[0])}以来生猪价格的上涨周期",
                              f"Hog price up-cycles since {F.month_label(hog.observations().index[0], 'en')}", lang),
                      source=src,
                      note=tr(f"转折点：反向波动≥{F.num(up.swing * 100, 0)}%确认；上涨周期：涨幅≥{F.num(up.min_rise * 100, 0)}%且≥{up.min_months}个月；"
                              "开始为谷底后一个月",
                              f"turning points confirmed by a {F.num(up.swing * 100, 0)}% reversal; up-cycles rise ≥"
                              f"{F.num(up.min_rise * 100, 0)}% over ≥{up.min_months} months; start = month after the trough", lang),
                      formats={c: (".1f" if "%" in str(c) or "pp" in str(c) else (lambda v: F.num(v, 0))) for c in tbl.columns
                               if pd.api.types.is_numeric_dtype(tbl[c])}),
                Figure(up.chart(lang), tr("生猪价格与上涨周期", "Hog price and its up-cycles", lang),
                       source=_sources(S, ["hog_spot_price_index_zhuyi"], lang),
                       note=tr("阴影为上涨周期（谷底至峰值）", "shaded: up-cycles, trough to peak", lang)),
            ]
        else:
            gaps.failed(up.summary(lang))
        ll = _sow_lead(inputs, lang)
        if ll is not None and ll.computable:
            key.append(ll.summary(lang))
            sow_id = "breeding_sow_inventory" if inputs.has("breeding_sow_inventory") else "breeding_sow_inventory_q"
            pb += [Paragraph(ll.summary(lang)),
                   Figure(ll.chart(lang), tr("能繁母猪存栏同比与生猪价格同比的领先滞后关系",
                                             "Breeding-sow inventory YoY leads the hog price YoY", lang),
                          source=_sources(S, [sow_id, "hog_spot_price_index_zhuyi"], lang),
                          note=tr("季度数据（生猪价格取季度均值）" if sow_id.endswith("_q") else "月度数据",
                                  "quarterly data (hog price: quarterly mean)" if sow_id.endswith("_q") else "monthly data", lang))]
        elif ll is not None:
            gaps.failed(ll.summary(lang))
        else:
            gaps.need("breeding_sow_inventory (10k_head)")
    else:
        gaps.need("hog_spot_price_index_zhuyi")
    if pb:
        sections.append(Section(tr("猪周期", "The pig cycle", lang), pb, level=2))

    # 2.3 seasonality and 2.4 carry-over
    cpi_mom = _mom(S["cpi_mom"])
    se = M.seasonality(cpi_mom, range(year - 10, year), highlight_year=year, outlook_year=nxt, name="CPI")
    sb: list = []
    if se.computable:
        sb += [Paragraph(se.summary(lang)),
               Figure(se.chart(lang), tr("CPI环比的季节性规律", "CPI MoM seasonality", lang),
                      source=_sources(S, ["cpi_mom"], lang),
                      note=tr(f"阴影为{year - 10}-{year - 1}年同月环比最小值至最大值",
                              f"band: min–max of the same month in {year - 10}-{year - 1}", lang))]
    else:
        gaps.failed(se.summary(lang))
    try:
        co, assumed = _carry(cpi_mom, S["cpi_yoy"].to_fraction(), year, end_month, "CPI")
    except MacrodeskError as exc:
        gaps.failed(str(exc))
        co, assumed = None, []
    if co is not None and co.next_year is not None:
        txt = _carry_text(co, assumed, nxt, "CPI", lang)
        key.append(txt)
        sb += [Paragraph(txt),
               Figure(_carry_chart(co.next_year, "CPI", lang), tr(f"{nxt}年CPI翘尾因素（按{year}年环比推算）",
                                                                  f"{nxt} CPI carry-over implied by {year} MoMs", lang),
                      source=_sources(S, ["cpi_mom"], lang), note=_assumed_note(assumed, lang))]
    if sb:
        sections.append(Section(tr(f"季节性与{nxt}年翘尾", f"Seasonality and {nxt} carry-over", lang), sb, level=2))
    return sections, key


def _rotation(inputs: Inputs, shares: Mapping[str, MacroSeries], lang: str):
    S = inputs.series
    new = {c: float(s.observations().iloc[-1]) / 100 for c, s in shares.items() if len(s.observations())}
    last_obs = max(s.observations().index[-1] for s in shares.values())
    base_year = last_obs.year - 5
    last = {}
    for c, s in shares.items():
        obs = s.observations()
        sel = obs[np.asarray(obs.index.year) == base_year]
        if len(sel):
            last[c] = float(sel.iloc[-1]) / 100
    if len(last) < len(new):
        return None
    current = {c: _latest_value(S[f"cpi_weight_{c}"]) / 100 for c in CPI_CATEGORIES if inputs.has(f"cpi_weight_{c}")}
    past: dict[str, dict[str, float]] = {}
    for c in CPI_CATEGORIES:
        if inputs.has(f"cpi_weight_{c}"):
            w = _rotation_weights(S[f"cpi_weight_{c}"])
            for p, v in w.diff().dropna().items():
                past.setdefault(str(p.year), {})[c] = float(v) / 100
    names = {c: (component_name(c, "zh"), component_name(c, "en")) for c in CPI_CATEGORIES}
    return M.rotation(new, last, current=current or None, past=past or None, label=str(last_obs.year), names=names)


def _rotation_weights(s: MacroSeries) -> pd.Series:
    """The weights set at base rotations: observations dated in a rotation year (2011, 2016, 2021, 2026…)."""
    obs = s.observations()
    return obs[np.asarray(obs.index.year) % 5 == 1]


def _pork_drift(inputs: Inputs, month: pd.Period, lang: str):
    """Pork weight drifting from the last rotation (weight dated in the rotation year) to ``month``."""
    if not inputs.has("cpi_weight_pork", "cpi_pork_mom"):
        return None
    S = inputs.series
    w = _rotation_weights(S["cpi_weight_pork"])
    w = w[np.asarray(w.index.year) <= month.year]
    if w.empty:
        return None
    base_year = int(w.index[-1].year)
    base = pd.Period(f"{base_year - 1}-12", freq="M")
    span = pd.period_range(base + 1, month, freq="M")
    pm, cm = _mom(S["cpi_pork_mom"]).reindex(span), _mom(S["cpi_mom"]).reindex(span)
    if pm.isna().any() or cm.isna().any():
        return None
    lv = pd.DataFrame({"pork": T.chain(pm), "cpi": T.chain(cm)})
    lv.loc[base] = 100.0
    lv = lv.sort_index()
    name = tr("猪肉", "Pork", lang)
    res = M.price_method_drift(float(w.iloc[-1]) / 100, lv["pork"], lv["cpi"], base=base, name=name)
    return res if res.computable else None


def _sow_lead(inputs: Inputs, lang: str):
    S = inputs.series
    hog = S["hog_spot_price_index_zhuyi"].data
    names = dict(x_name=tr("能繁母猪存栏同比", "Breeding-sow inventory YoY", lang),
                 y_name=tr("生猪价格同比", "the hog price YoY", lang))
    if inputs.has("breeding_sow_inventory"):
        sow = S["breeding_sow_inventory"].data
        return M.lead_lag(T.yoy(sow), T.yoy(hog), max_lead=12, sign="negative", **names)
    if inputs.has("breeding_sow_inventory_q"):
        sow = S["breeding_sow_inventory_q"].data
        hq = hog.groupby(hog.index.asfreq("Q")).mean()
        hq.index = pd.PeriodIndex(hq.index, freq="Q")
        # a quarter counts only when all three months are observed
        n = hog.groupby(hog.index.asfreq("Q")).count()
        hq[n.to_numpy() < 3] = np.nan
        return M.lead_lag(T.yoy(sow), T.yoy(hq), max_lead=4, sign="negative", **names)
    return None


def _carry(mom: pd.Series, yoy: pd.Series, year: int, end_month: int, name: str):
    """Carry-over review of ``year``; months after the last published one are assumed 0 (the seed's convention)."""
    last = mom.dropna().index[-1]
    assumed = [p for p in pd.period_range(f"{year}-01", f"{year}-12", freq="M") if p > last]
    co = carryover_review(mom, yoy, year, name=name, assume={str(p): 0.0 for p in assumed})
    return co, assumed


def _assumed_note(assumed: list[pd.Period], lang: str) -> str | None:
    if not assumed:
        return None
    months = "、".join(f"{p.month}月" for p in assumed) if lang == "zh" else ", ".join(p.strftime("%b") for p in assumed)
    return tr(f"{assumed[0].year}年{months}环比假设为0", f"MoM in {months} {assumed[0].year} assumed 0", lang)


def _carry_text(co, assumed: list[pd.Period], nxt: int, name: str, lang: str) -> str:
    c = co.next_year * 100
    h1, h2 = float(c.iloc[:6].mean()), float(c.iloc[6:].mean())
    hi, lo = c.idxmax(), c.idxmin()
    base = tr(
        f"按{nxt - 1}年各月环比推算，{nxt}年{name}全年平均翘尾约{F.pct(float(c.mean()), 2)}，上半年平均{F.pct(h1, 2)}、"
        f"下半年{F.pct(h2, 2)}；最高为{hi.month}月（{F.pct(c[hi], 2)}），最低为{lo.month}月（{F.pct(c[lo], 2)}）",
        f"From the {nxt - 1} MoMs, the {nxt} {name} carry-over averages {F.pct(float(c.mean()), 2)} "
        f"({F.pct(h1, 2)} in H1, {F.pct(h2, 2)} in H2), highest in {hi.strftime('%b')} ({F.pct(c[hi], 2)}), "
        f"lowest in {lo.strftime('%b')} ({F.pct(c[lo], 2)})",
        lang,
    )
    note = _assumed_note(assumed, lang)
    return base + (tr(f"；{note}。", f"; {note}.", lang) if note else tr("。", ".", lang))


def _carry_chart(c: pd.Series, name: str, lang: str):
    s = np.round(c * 100, 2) + 0.0  # no "-0.00" labels
    s.index = _month_names(s.index, lang)
    return charts.bar_chart(s.rename(tr(f"{name}翘尾因素", f"{name} carry-over", lang)).to_frame(),
                            value_labels=True, digits=2, lang=lang, ylabel="%")


# ---------------------------------------------------------------- 3. PPI outlook
def _ppi_outlook(inputs: Inputs, year: int, end_month: int, month: pd.Period, gaps: _Gaps,
                 lang: str) -> tuple[list[Section], list[str], list[str]]:
    S = inputs.series
    nxt = year + 1
    key: list[str] = []
    risks: list[str] = []
    sections: list[Section] = []

    # 3.1 carry-over
    cb: list = []
    if inputs.has("ppi_mom", "ppi_yoy"):
        ppi_mom = _mom(S["ppi_mom"])
        try:
            co, assumed = _carry(ppi_mom, S["ppi_yoy"].to_fraction(), year, end_month, "PPI")
        except MacrodeskError as exc:
            gaps.failed(str(exc))
        else:
            if co.next_year is not None:
                txt = _carry_text(co, assumed, nxt, "PPI", lang)
                key.append(txt)
                cb += [Paragraph(txt),
                       Figure(_carry_chart(co.next_year, "PPI", lang), tr(f"{nxt}年PPI翘尾因素（按{year}年环比推算）",
                                                                          f"{nxt} PPI carry-over implied by {year} MoMs", lang),
                              source=_sources(S, ["ppi_mom"], lang), note=_assumed_note(assumed, lang))]
            else:
                gaps.failed(tr(f"{year}年PPI环比不完整，无法推算{nxt}年翘尾", f"{year} PPI MoM incomplete: no {nxt} carry-over", lang))
    else:
        gaps.need("ppi_mom" if not inputs.has("ppi_mom") else "ppi_yoy")
    if cb:
        sections.append(Section(tr(f"{nxt}年PPI翘尾因素", f"PPI carry-over in {nxt}", lang), cb, level=2))

    # 3.2 M1 lead and CRB pass-through
    db: list = []
    if inputs.has("m1_yoy", "ppi_yoy"):
        ll = M.lead_lag(S["m1_yoy"].to_fraction(), S["ppi_yoy"].to_fraction(), max_lead=18, sign="positive",
                        x_name=tr("M1同比", "M1 YoY", lang), y_name=tr("PPI同比", "PPI YoY", lang))
        if ll.computable:
            key.append(ll.summary(lang))
            db += [Paragraph(ll.summary(lang)),
                   Figure(ll.chart(lang, start=month - 12 * 10 + 1),
                          tr(f"M1同比领先PPI同比约{ll.best_lead_months}个月", f"M1 YoY leads PPI YoY by about {ll.best_lead_months} months", lang),
                          source=_sources(S, ["m1_yoy", "ppi_yoy"], lang),
                          note=tr("M1自2025年1月起为新口径，使用公布同比", "M1 definition changed in January 2025; published YoY used", lang)
                          if month >= pd.Period("2025-01", freq="M") else None)]
            risks.append(tr(
                f"M1领先关系为历史统计规律（相关系数{F.num(ll.best_corr, 2)}），2025年起M1口径调整，领先时长可能变化。",
                f"The M1 lead is a historical regularity (correlation {F.num(ll.best_corr, 2)}); the 2025 M1 redefinition may change it.",
                lang,
            ))
        else:
            gaps.failed(ll.summary(lang))
    else:
        gaps.need("m1_yoy")
    if inputs.has("crb_spot_index", "ppi_yoy"):
        crb = T.yoy(T.to_monthly(S["crb_spot_index"].data))
        pt = M.pass_through(S["ppi_yoy"].to_fraction(), crb, start=PASSTHROUGH_START, end=month,
                            x_name=tr("CRB现货指数同比", "CRB spot index YoY", lang), y_name=tr("PPI同比", "PPI YoY", lang))
        if pt.computable:
            key.append(pt.summary(lang))
            db += [Paragraph(pt.summary(lang) + tr(
                       f"据此，CRB同比上涨5%约对应PPI同比上行{F.num(pt.effect(0.05) * 100, 2)}个百分点。",
                       f" A 5% rise in CRB YoY would thus go with about {F.num(pt.effect(0.05) * 100, 2)} pp on PPI YoY.", lang)),
                   Figure(pt.chart(lang), tr(f"CRB现货指数同比每涨1%带动PPI同比上涨约{F.num(pt.slope, 2)}%",
                                             f"Each 1% on CRB YoY went with about {F.num(pt.slope, 2)}% on PPI YoY", lang),
                          source=_sources(S, ["crb_spot_index", "ppi_yoy"], lang),
                          note=tr("CRB为日度数据的月均值", "CRB: monthly mean of daily values", lang))]
        else:
            gaps.failed(pt.summary(lang))
    else:
        gaps.need("crb_spot_index")
    if db:
        sections.append(Section(tr("M1领先与输入性传导", "M1 lead and imported pass-through", lang), db, level=2))

    # 3.3 factor model
    fb: list = []
    fit = _factor_fit(inputs, month, lang, gaps)
    if fit is not None:
        ids = [sid for sid, _, _ in _FACTORS.values() if sid in S] + (["brent_usd"] if "oil" in fit.factors else [])
        src = _sources(S, ids + ["ppi_yoy"], lang)
        key.append(factor_text(fit, lang))
        last12 = fit.resid.iloc[-12:].abs().mean() * 100
        fb += [Paragraph(factor_text(fit, lang)),
               Table(factor_table(fit, lang), tr("PPI同比对主要商品现货价同比的回归", "PPI YoY regressed on commodity spot price YoY", lang),
                     source=src, note=tr(f"Newey-West稳健标准误（{fit.maxlags}阶）", f"Newey–West standard errors ({fit.maxlags} lags)", lang),
                     formats={c: ".2f" for c in factor_table(fit, lang).columns}),
               Figure(factor_chart(fit, lang), tr("PPI同比：实际与四因子模型拟合", "PPI YoY: actual and the four-factor fit", lang),
                      source=src, note=tr("商品价格为日度或周度数据的月均值", "commodity prices: monthly means of daily or weekly data", lang)),
               Figure(factor_contribution_chart(fit, lang), tr("主要商品对PPI同比的拉动", "Commodity contributions to PPI YoY", lang),
                      source=src)]
        s1 = fit.sample[1]
        risks.append(tr(
            f"因子模型样本截至{F.month_label(s1)}（商品价格数据截至该月），近12个月平均绝对误差{F.num(last12, 2)}个百分点。",
            f"The factor model's sample ends in {F.month_label(s1, 'en')} (the commodity price data end there); its mean "
            f"absolute error over the last 12 months is {F.num(last12, 2)} pp.",
            lang,
        ))
    if fb:
        sections.append(Section(tr("商品因子模型", "Commodity factor model", lang), fb, level=2))

    # 3.4 inventory cycles
    ib: list = []
    data = {c: tuple([S[f"industry_revenue_yoy_{c}"].to_fraction(), S[f"industry_inventory_yoy_{c}"].to_fraction()]
                     + ([S[f"industry_inventory_{c}"].data] if inputs.has(f"industry_inventory_{c}") else []))
            for c in INDUSTRIES if inputs.has(f"industry_revenue_yoy_{c}", f"industry_inventory_yoy_{c}")}
    if data:
        panel = M.inventory_panel(data, names={c: industry_name(c, lang) for c in data}, two_year=(2020, 2021))
        ids = [i for c in data for i in (f"industry_revenue_yoy_{c}", f"industry_inventory_yoy_{c}")]
        if panel.cycles:
            tbl = panel.table(lang)
            ib += [Paragraph(panel.summary(lang)),
                   Figure(panel.chart(lang), tr("各行业库存周期位置", "Industries on the inventory-cycle quadrant", lang),
                          source=_sources(S, ids, lang),
                          note=tr("横轴、纵轴为近3个月营收同比、产成品存货同比的变化；2020-2021年为两年平均增速",
                                  "axes: 3-month change of revenue and inventory YoY; 2020-2021 two-year average growth", lang)),
                   Table(tbl, tr("各行业库存周期阶段", "Inventory-cycle phase by industry", lang), source=_sources(S, ids, lang),
                         formats={c: (".0f" if pd.api.types.is_integer_dtype(tbl[c]) else ".1f")
                                  for c in tbl.columns if pd.api.types.is_numeric_dtype(tbl[c])}),
                   Figure(panel.percentile_chart(lang), tr("各行业库存所处历史分位", "Inventory percentile by industry", lang),
                          source=_sources(S, ids, lang))]
            for c in list(panel.cycles.values())[:2]:
                ib.append(Figure(c.chart(lang), tr(f"{c.name}营收与产成品存货（{phase_label(c.latest_phase)}）",
                                                   f"{c.name}: revenue and inventory ({phase_label(c.latest_phase, 'en')})", lang),
                                 source=_sources(S, [f"industry_revenue_yoy_{k}" for k in data], lang)))
        for nc in panel.not_computable.values():
            gaps.failed(nc.summary(lang))
    else:
        gaps.need(tr("industry_revenue_yoy_<行业>、industry_inventory_yoy_<行业>（营收与产成品存货同比）",
                     "industry_revenue_yoy_<code>, industry_inventory_yoy_<code> (revenue and inventory YoY)", lang))
    if ib:
        sections.append(Section(tr("库存周期", "Inventory cycles", lang), ib, level=2))
    return sections, key, risks


def _factor_fit(inputs: Inputs, month: pd.Period, lang: str, gaps: _Gaps):
    S = inputs.series
    if not inputs.has("ppi_yoy"):
        return None
    cols: dict[str, pd.Series] = {}
    labels: dict[str, str] = {}
    for f, (sid, zh, en) in _FACTORS.items():
        if f == "diesel" and not inputs.has(sid) and inputs.has(_OIL_FALLBACK[0]):
            sid, zh, en = _OIL_FALLBACK
            f = "oil"
        if inputs.has(sid):
            cols[f] = T.yoy(T.to_monthly(S[sid].data)) if S[sid].freq not in ("M",) else T.yoy(S[sid].data)
            labels[f] = tr(zh, en, lang)
    lacking = [sid for f, (sid, _, _) in _FACTORS.items() if not inputs.has(sid) and not (f == "diesel" and inputs.has("brent_usd"))]
    if lacking:
        gaps.need(", ".join(lacking))
        return None
    y = S["ppi_yoy"].to_fraction().rename(tr("PPI同比", "PPI YoY", lang))
    res = M.FactorModel(y, pd.DataFrame(cols)).fit(start=FACTOR_START, end=month)
    if not res.computable:
        gaps.failed(res.summary(lang))
        return None
    return res.with_labels(labels)


# ---------------------------------------------------------------- scenarios hook
def _scenario_blocks(inputs: Inputs, as_of: pd.Period, lang: str) -> list:
    """Blocks of the scenario section: the shipped CPI and PPI scenario files run at ``as_of``.

    A file is used when its horizon starts in the year after ``as_of`` and its
    target series are present; otherwise it is left out (an empty list leaves
    the section out of the report).
    """
    from macrodesk.reports.views.scenarios import scenario_blocks, target_name
    from macrodesk.scenarios import load_spec, run, shipped_files

    blocks: list = []
    for path in shipped_files():
        spec = load_spec(path)
        if spec.horizon[0].year != as_of.year + 1 or not inputs.has(spec.mom, spec.yoy):
            continue
        try:
            res = run(spec, inputs.series, as_of)
        except MacrodeskError as exc:
            blocks.append(Notice(tr(f"{target_name(spec, 'zh')}情景未能计算：{exc}", f"{target_name(spec, 'en')} scenarios not computed: {exc}", lang)))
            continue
        blocks += scenario_blocks(res, lang)
    return blocks


def _nowcast_blocks(inputs: Inputs, as_of: pd.Period, lang: str) -> list:
    """Real-time backtests of the bridge nowcasters over the last ``NOWCAST_MONTHS`` months with inputs.

    The window ends at ``as_of`` or at the last month all of the model's price inputs
    cover, whichever is earlier; a target whose inputs are absent is left out.
    """
    from macrodesk.models.nowcast import make_model
    from macrodesk.reports.views.nowcast import backtest_blocks

    results = []
    for target in NOWCAST_TARGETS:
        model = make_model("bridge", target)
        ids = [i for i in model.series_ids() if i not in (model.target.yoy_id, model.target.mom_id)]
        present = [inputs.series[i] for i in ids if inputs.has(i)]
        if not inputs.has(model.target.yoy_id, model.target.mom_id) or not present:
            continue
        covered = min(pd.Period(s.observations().index[-1], freq="M") for s in present)
        end = min(as_of, covered)
        start = end - (NOWCAST_MONTHS - 1)
        res = model.backtest(inputs.series, start, end)
        if isinstance(res, M.NotComputable):
            continue
        results.append(res)
    return backtest_blocks(results, lang) if results else []


# ---------------------------------------------------------------- the report
def _guarded(gaps: _Gaps, empty, fn, *args):
    """``fn(*args)``; a MacrodeskError (unusable data) is recorded in the notes and gives ``empty``."""
    try:
        return fn(*args)
    except MacrodeskError as exc:
        gaps.failed(str(exc))
        return empty


_CN_NUM = "一二三四五六七八九十"


def _numbered(sections: list[Section], lang: str) -> list[Section]:
    """Drop chapters left empty and number what remains: 一、/1. for chapters, 1.1 for sub-sections."""
    kept: list[Section] = []
    for i, s in enumerate(sections):
        if s.level == 1 and not s.blocks:
            following = sections[i + 1] if i + 1 < len(sections) else None
            if following is None or following.level == 1:
                continue
        kept.append(s)
    out: list[Section] = []
    chap = sub = 0
    for s in kept:
        if s.level == 1:
            chap, sub = chap + 1, 0
            head = f"{_CN_NUM[chap - 1]}、{s.heading}" if lang == "zh" else f"{chap}. {s.heading}"
        else:
            sub += 1
            head = f"{chap}.{sub} {s.heading}"
        out.append(Section(head, s.blocks, level=s.level))
    return out


def build(inputs: Inputs, as_of: pd.Period, lang: str = "zh") -> Report:
    """The ``inflation-outlook`` report from stored series cut at ``as_of``."""
    S = inputs.series
    cpi_mom = _mom(S["cpi_mom"])
    month = cpi_mom.dropna().index[-1]
    year, end_month = month.year, month.month
    nxt = year + 1
    gaps = _Gaps()

    head = tr(
        f"{F.month_label(month)}CPI同比{F.pct(S['cpi_yoy'].data.get(month, np.nan))}",
        f"CPI {F.pct(S['cpi_yoy'].data.get(month, np.nan))} YoY in {F.month_label(month, 'en')}",
        lang,
    )
    if inputs.has("ppi_yoy"):
        head += tr(f"，PPI同比{F.pct(S['ppi_yoy'].data.get(month, np.nan))}。",
                   f", PPI {F.pct(S['ppi_yoy'].data.get(month, np.nan))}.", lang)
    else:
        head += tr("。", ".", lang)
        gaps.need("ppi_yoy")

    # each chapter is guarded: data a model cannot use are reported, never fatal
    review, key1 = _guarded(gaps, ([], []), _review, inputs, year, end_month, gaps, lang)
    cpi_sections, key2 = _guarded(gaps, ([], []), _cpi_outlook, inputs, year, end_month, month, gaps, lang)
    ppi_sections, key3, risks = _guarded(gaps, ([], [], []), _ppi_outlook, inputs, year, end_month, month, gaps, lang)

    hist = pd.DataFrame({tr("CPI同比", "CPI YoY", lang): S["cpi_yoy"].data})
    if inputs.has("ppi_yoy"):
        hist[tr("PPI同比", "PPI YoY", lang)] = S["ppi_yoy"].data
    hist = hist[(hist.index > month - 120) & (hist.index <= month)]
    intro = Section(
        tr(f"{year}年通胀回顾", f"{year} in review", lang),
        [Paragraph(head),
         Figure(charts.line_chart(hist, ylabel="%", lang=lang),
                tr(f"CPI与PPI同比（{hist.index[0].year}年以来）", f"CPI and PPI YoY since {hist.index[0].year}", lang),
                source=_sources(S, ["cpi_yoy", "ppi_yoy"], lang))],
    )
    sections: list[Section] = [intro, *review]
    sections.append(Section(tr(f"{nxt}年CPI展望", f"CPI outlook for {nxt}", lang), []))
    sections += cpi_sections
    sections.append(Section(tr(f"{nxt}年PPI展望", f"PPI outlook for {nxt}", lang), []))
    sections += ppi_sections
    scen = _scenario_blocks(inputs, as_of, lang)
    if scen:
        sections.append(Section(tr(f"{nxt}年CPI与PPI情景推演", f"CPI and PPI scenarios for {nxt}", lang), scen))
    nowcasts = _guarded(gaps, [], _nowcast_blocks, inputs, as_of, lang)
    if nowcasts:
        sections.append(Section(tr("CPI与PPI实时预测模型回测", "Real-time CPI and PPI nowcasts: backtest", lang), nowcasts))
    risks.insert(0, tr(
        "以上领先关系、传导系数与因子弹性均为历史统计规律，政策（如“反内卷”）或经济结构变化可能使其失效。",
        "The leads, pass-through and elasticities above are historical regularities; policy or structural change may break them.",
        lang,
    ))
    sections.append(Section(tr("风险提示", "Risks", lang), [Bullets(risks)]))
    notes = gaps.notices(lang)

    kept = _numbered(sections, lang)
    if notes:
        kept.append(Section(tr("数据说明", "Data notes", lang), notes))

    summary = [head] + [k for k in key1 + key2 + key3][:6]
    return Report(
        title=tr(f"{nxt}年通胀展望", f"Inflation outlook for {nxt}", lang),
        subtitle=tr("CPI与PPI：回顾、猪周期、翘尾、M1与商品因子、库存周期",
                    "CPI and PPI: review, pig cycle, carry-over, M1 and commodity factors, inventory cycles", lang),
        date=tr(f"数据截至{F.month_label(month)}", f"Data to {F.month_label(month, 'en')}", lang),
        author="macrodesk",
        lang=lang,
        summary=summary,
        sections=kept,
        disclaimer=tr(
            "本报告由 macrodesk 根据公开数据自动生成，所有数字均由数据计算得出，不构成投资建议。",
            "Generated by macrodesk from published data; every number is computed from the data. Not investment advice.",
            lang,
        ),
    )
