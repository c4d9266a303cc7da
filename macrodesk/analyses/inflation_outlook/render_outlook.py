"""Chapters 2 and 3 of the outlook report, the CPI and PPI outlook, in one language.

The sections read the results of :func:`~macrodesk.analyses.inflation_outlook.compute.compute`;
the commodity factor model is estimated in :mod:`.compute` and only labelled here.
"""

from __future__ import annotations

import pandas as pd

from macrodesk.analyses.inflation_outlook._notes import _Gaps, _marked, _src
from macrodesk.analyses.inflation_outlook.compute import CpiChapter, OutlookResults, PpiChapter
from macrodesk.analyses.inflation_outlook.inputs import _FACTORS, OUTLOOK_EXHIBITS, TURNOVER_CODES
from macrodesk.exceptions import ModelError
from macrodesk.models._base import pindex
from macrodesk.models.factor import FactorResult
from macrodesk.models.inflation.components import CPI_CATEGORIES
from macrodesk.models.inflation.cycles import Upcycles
from macrodesk.models.inflation.inventory import turnover_percentiles
from macrodesk.models.inflation.leadlag import LeadLag
from macrodesk.models.inflation.passthrough import PassThrough
from macrodesk.models.inflation.review import CarryoverReview
from macrodesk.plotting import HALF_FIGSIZE
from macrodesk.models.inflation.seasonality import Seasonality
from macrodesk.reports.exhibits import exhibit
from macrodesk.reports.model import Block, Figure, Paragraph, Section, Table
from macrodesk.reports.views import cpi as VC
from macrodesk.reports.views import cycles as VY
from macrodesk.reports.views import demand as VD
from macrodesk.reports.views import inventory as VI
from macrodesk.reports.views import review as VR
from macrodesk.reports.views._common import not_computable_text
from macrodesk.reports.views.freshness import Staleness
from macrodesk.reports.views.factor import factor_chart, factor_contribution_chart, factor_table, factor_text
from macrodesk.text import format as F
from macrodesk.text import tr

__all__ = ["cpi_sections", "ppi_sections"]


# ---------------------------------------------------------------- exhibits drawn from data (exhibits.toml)
def _exhibits(res: OutlookResults, section: str, gaps: _Gaps, lang: str) -> list[Block]:
    """The built-in exhibits of ``section`` (:data:`OUTLOOK_EXHIBITS`) whose series are in the store.

    One left out for want of series adds its ids and title to the analysts' data notes.
    """
    S = res.inputs.series
    fr = Staleness(res.status, res.month, lang)
    blocks: list[Block] = []
    for spec in (exhibit(k) for k in OUTLOOK_EXHIBITS[section]):
        lacking = spec.lacking(S, lang)
        if lacking:
            gaps.lacking(lacking)
        else:
            blocks.append(spec.figure(S, res.month, lang, staleness=fr))
    return blocks


def _engel_text(res: OutlookResults, lang: str) -> str | None:
    """The Engel coefficient of the latest full year and of the year before, when the spending data are in."""
    S = res.inputs.series
    food, total = "hh_consumption_pc_ytd_food_tobacco_liquor", "hh_consumption_pc_ytd_total"
    if food not in S or total not in S:
        return None
    frame = exhibit("engel_coefficient").frame(S, res.month, lang)
    e = frame.iloc[:, 0].dropna()
    if len(e) < 2:
        return None
    y1, y0 = e.index[-1].year, e.index[-2].year
    return tr(f"按住户调查计算，{y1}年恩格尔系数（食品烟酒支出占人均消费支出的比重）为{F.num(e.iloc[-1], 1)}%，"
              f"{y0}年为{F.num(e.iloc[-2], 1)}%。",
              f"From the household survey, the Engel coefficient (food, tobacco and liquor as a share of consumption "
              f"per head) was {F.num(e.iloc[-1], 1)}% in {y1}, against {F.num(e.iloc[-2], 1)}% in {y0}.", lang)


def _turnover_blocks(res: OutlookResults, gaps: _Gaps, lang: str) -> list[Block]:
    """Finished-goods turnover days (all industry) and the percentile of each industry's latest."""
    S = res.inputs.series
    blocks: list[Block] = _exhibits(res, "inventory", gaps, lang)
    fg = "industry_finished_goods_inventory_"
    codes = [c for c in TURNOVER_CODES if f"{fg}{c}" in S and f"industry_revenue_ytd_{c}" in S]
    if len(codes) < 3:
        return blocks
    table = turnover_percentiles({c: S[f"{fg}{c}"].data for c in codes},
                                 {c: S[f"industry_revenue_ytd_{c}"].data for c in codes})
    names = {c: _industry_name(S[f"{fg}{c}"].name(lang), lang) for c in table.index}
    last = max(table["last"])
    start = min(S[f"industry_revenue_ytd_{c}"].observations().index[0] for c in codes)
    high = table[table["percentile"] >= 0.9]
    blocks += [
        Paragraph(tr(f"以产成品存货相对营业收入的周转天数（12个月移动平均）衡量，截至{F.month_label(last)}，"
                     f"{len(table)}个工业行业中有{len(high)}个处于{start.year}年以来90%分位以上"
                     + (f"，最高为{names[table.index[0]]}（{F.num(table['percentile'].iloc[0] * 100, 0)}%分位）。" if len(table) else "。"),
                     f"Measured by finished-goods turnover days (inventory against revenue, 12-month average), "
                     f"{len(high)} of {len(table)} industries were above the 90th percentile of their history since "
                     f"{start.year} in {F.month_label(last, 'en')}; the highest was {names[table.index[0]]} "
                     f"({F.ordinal(table['percentile'].iloc[0] * 100)} percentile).", lang)),
        Figure(VI.turnover_percentile_chart(table, names, lang),
               tr(f"各行业产成品周转天数所处{start.year}年以来分位（截至{F.month_label(last)}）",
                  f"Finished-goods turnover days by industry: percentile since {start.year} "
                  f"(to {F.month_label(last, 'en')})", lang),
               **_src(res, [f"{fg}{c}" for c in codes], lang),
               note=tr("周转天数 = 产成品存货 ÷（营业收入累计值 ÷ 年内天数），取12个月移动平均后计算历史分位",
                       "turnover days = finished-goods inventory ÷ (YTD revenue ÷ days elapsed), 12-month average; "
                       "percentile within each industry's own history", lang)),
    ]
    return blocks


def _industry_name(name: str, lang: str) -> str:
    """'农副食品加工业' from the catalogue name '工业企业:农副食品加工业:产成品存货' (English likewise)."""
    if lang == "zh":
        parts = name.split(":")
        return parts[1] if len(parts) >= 3 else name
    head = name.split(":")[0]
    return head.split(", ", 1)[1] if ", " in head else head


# ---------------------------------------------------------------- 2. CPI outlook
def cpi_sections(res: OutlookResults, gaps: _Gaps, lang: str) -> tuple[list[Section], list[str]]:
    """2.1 rotation and weights, 2.2 the pig cycle, 2.3 seasonality and carry-over; and the key points."""
    ch = res.cpi
    if isinstance(ch, str):
        gaps.failed(ch)
        return [], []
    key: list[str] = []
    sections: list[Section] = []
    wb = _weights_blocks(res, ch, gaps, lang)
    if wb:
        sections.append(Section(tr("基期轮换与权重", "Basket rotation and weights", lang), wb, level=2))
    pb = _pig_blocks(res, ch, gaps, key, lang)
    if pb:
        sections.append(Section(tr("猪周期", "The pig cycle", lang), pb, level=2))
    sb = _seasonality_blocks(res, ch, gaps, key, lang)
    if sb:
        nxt = res.year + 1
        sections.append(Section(tr(f"季节性与{nxt}年翘尾", f"Seasonality and {nxt} carry-over", lang), sb, level=2))
    return sections, key


def _weights_blocks(res: OutlookResults, ch: CpiChapter, gaps: _Gaps, lang: str) -> list[Block]:
    """2.1 basket rotation and price-method drift."""
    inputs, S = res.inputs, res.inputs.series
    wb: list[Block] = []
    if all(inputs.has(f"hh_spending_share_{c}") for c in CPI_CATEGORIES):
        rot = ch.rotation
        if rot is not None:
            table = VC.rotation_table(rot, lang)
            wb += [Paragraph(VC.rotation_text(rot, lang)),
                   Table(table, tr("基期轮换的权重调整（pct）", "Weight adjustments at base rotations (pct)", lang),
                         **_src(res, [f"hh_spending_share_{c}" for c in CPI_CATEGORIES], lang),
                         formats={c: (".1f" if i == list(rot.table.columns).index("new") else F.signed1)
                                  for i, c in enumerate(table.columns)}),
                   Figure(VC.rotation_chart(rot, lang), tr("历次基期轮换的权重调整", "Weight adjustments at each rotation", lang),
                          **_src(res, [f"hh_spending_share_{c}" for c in CPI_CATEGORIES], lang))]
        else:
            gaps.need("spending", tr("hh_spending_share_<类别>（缺少上一基期年份的支出占比）",
                         "hh_spending_share_<category> (no shares for the last base year)", lang))
    else:
        gaps.need("spending", tr("hh_spending_share_<类别>（居民消费支出占比，%，八大类）",
                     "hh_spending_share_<category> (household spending shares, %, 8 categories)", lang))
    drift = ch.drift
    if drift is not None:
        wb += [Paragraph(VC.drift_text(drift, lang)),
               Figure(VC.drift_chart(drift, lang), tr("猪肉在CPI中的权重（价格法推算）", "Pork weight in the CPI (price method)", lang),
                      **_src(res, ["cpi_pork_mom", "cpi_mom"], lang),
                      note=tr("w_t = w_0 ×（猪肉价格相对变化 ÷ CPI相对变化）", "w_t = w_0 × (pork relative price ÷ CPI relative price)", lang))]
    elif not inputs.has("cpi_weight_pork"):
        gaps.need("pork", tr("cpi_weight_pork（猪肉权重，%）", "cpi_weight_pork (pork weight, %)", lang))
    spending = _exhibits(res, "rotation", gaps, lang)
    engel = _engel_text(res, lang)
    if spending:
        wb += ([Paragraph(engel)] if engel else []) + spending
    return wb


def _upcycle_blocks(res: OutlookResults, up: Upcycles, lang: str) -> list[Block]:
    S = res.inputs.series
    hog = S["hog_spot_price_index_zhuyi"]
    ids = ["hog_spot_price_index_zhuyi"] + [i for i in ("pork_wholesale_cny", "cpi_pork_yoy", "cpi_pork_mom") if i in S]
    src = _src(res, ids, lang)
    tbl = VY.upcycles_table(up, lang)
    spans = {i: (S[i].observations().index[0], S[i].observations().index[-1]) for i in ids[1:]}
    mom = S["cpi_pork_mom"].observations() if "cpi_pork_mom" in S else None
    gaps_by_round = {}
    if mom is not None:
        have = set(pindex(mom))
        for k, (_, r) in enumerate(up.episodes.iterrows()):
            span = pd.period_range(r["start"], r["end"], freq="M")
            miss = [p for p in span if p not in have]
            if 0 < len(miss) <= len(span) // 2:  # mostly covered: say which months are missing
                gaps_by_round[k] = miss
    note = VY.upcycles_note(up, spans, gaps_by_round, lang)
    return [
        Paragraph(VY.upcycles_text(up, lang)),
        Table(tbl, tr(f"{F.month_label(hog.observations().index[0])}以来生猪价格的上涨周期",
                      f"Hog price up-cycles since {F.month_label(hog.observations().index[0], 'en')}", lang),
              **src, note=note,
              formats={c: (".1f" if "%" in str(c) or "pp" in str(c) else (lambda v: F.num(v, 0))) for c in tbl.columns
                       if pd.api.types.is_numeric_dtype(tbl[c])}),
        Figure(VY.upcycles_chart(up, lang), tr("生猪价格与上涨周期", "Hog price and its up-cycles", lang),
               **_src(res, ["hog_spot_price_index_zhuyi"], lang),
               note=tr("阴影为上涨周期（谷底至峰值）", "shaded: up-cycles, trough to peak", lang)),
    ]


def _pig_blocks(res: OutlookResults, ch: CpiChapter, gaps: _Gaps, key: list[str], lang: str) -> list[Block]:
    """2.2 the pig cycle: up-cycle episodes of the hog price, the breeding-sow lead."""
    inputs, S = res.inputs, res.inputs.series
    pb: list[Block] = []
    if not inputs.has("hog_spot_price_index_zhuyi"):
        gaps.need("pig_cycle", "hog_spot_price_index_zhuyi")
        return pb
    up = ch.upcycles
    if isinstance(up, Upcycles):
        key.append(VY.upcycles_text(up, lang))
        pb += _upcycle_blocks(res, up, lang)
    elif up is not None:
        gaps.failed(not_computable_text(up, lang))
    ll = ch.sow_lead
    if isinstance(ll, LeadLag):
        key.append(VY.leadlag_text(ll, lang))
        sow_id = "breeding_sow_inventory" if inputs.has("breeding_sow_inventory") else "breeding_sow_inventory_q"
        pb += [Paragraph(VY.leadlag_text(ll, lang)),
               Figure(VY.leadlag_chart(ll, lang, figsize=HALF_FIGSIZE), tr("能繁母猪存栏同比与生猪价格同比的领先滞后关系",
                                                     "Breeding-sow inventory YoY leads the hog price YoY", lang),
                      **_src(res, [sow_id, "hog_spot_price_index_zhuyi"], lang),
                      note=tr("季度数据（生猪价格取季度均值）" if sow_id.endswith("_q") else "月度数据",
                              "quarterly data (hog price: quarterly mean)" if sow_id.endswith("_q") else "monthly data", lang))]
    elif ll is not None:
        gaps.failed(not_computable_text(ll, lang))
    else:
        gaps.need("pig_cycle", "breeding_sow_inventory (10k_head)")
    pb += _exhibits(res, "pig_cycle", gaps, lang)
    return pb


def _carry_blocks(res: OutlookResults, co: CarryoverReview, assumed: tuple[pd.Period, ...], sid: str,
                  key: list[str], lang: str) -> list[Block]:
    """Next year's carry-over of CPI or PPI: the sentence (also a key point) and the bars."""
    year, nxt, name = res.year, res.year + 1, co.name
    txt = VR.next_year_carryover_text(co, list(assumed), lang)
    key.append(txt)
    return [Paragraph(txt),
            Figure(VR.next_year_carryover_chart(co, lang), tr(f"{nxt}年{name}翘尾因素（按{year}年环比推算）",
                                                              f"{nxt} {name} carry-over implied by {year} MoMs", lang),
                   **_src(res, [sid], lang), note=VR.assumed_note(list(assumed), lang))]


def _seasonality_blocks(res: OutlookResults, ch: CpiChapter, gaps: _Gaps, key: list[str], lang: str) -> list[Block]:
    """2.3 CPI seasonality with the Spring Festival, and next year's CPI carry-over."""
    S, year = res.inputs.series, res.year
    sb: list[Block] = []
    se = ch.seasonality
    if isinstance(se, Seasonality):
        sb += [Paragraph(VC.seasonality_text(se, lang)),
               Figure(VC.seasonality_chart(se, lang), tr("CPI环比的季节性规律", "CPI MoM seasonality", lang),
                      **_src(res, ["cpi_mom"], lang),
                      note=tr(f"阴影为{year - 10}-{year - 1}年同月环比最小值至最大值",
                              f"band: min–max of the same month in {year - 10}-{year - 1}", lang))]
    else:
        gaps.failed(not_computable_text(se, lang))
    co = ch.carryover
    if isinstance(co, str):
        gaps.failed(co)
    elif co.next_year is not None:
        sb += _carry_blocks(res, co, ch.assumed, "cpi_mom", key, lang)
    return sb


# ---------------------------------------------------------------- 3. PPI outlook
def ppi_sections(res: OutlookResults, gaps: _Gaps, lang: str) -> tuple[list[Section], list[str], list[str]]:
    """3.1 carry-over, 3.2 M1 lead and CRB pass-through, 3.3 the factor model, 3.4 inventory cycles.

    Also the key points and the risks drawn from the models.
    """
    ch = res.ppi
    if isinstance(ch, str):
        gaps.failed(ch)
        return [], [], []
    nxt = res.year + 1
    key: list[str] = []
    risks: list[str] = []
    sections: list[Section] = []
    cb = _ppi_carry_blocks(res, ch, gaps, key, lang)
    if cb:
        sections.append(Section(tr(f"{nxt}年PPI翘尾因素", f"PPI carry-over in {nxt}", lang), cb, level=2))
    db = _lead_blocks(res, ch, gaps, key, risks, lang)
    if db:
        sections.append(Section(tr("M1领先与输入性传导", "M1 lead and imported pass-through", lang), db, level=2))
    factor = _factor_section(res, gaps, key, risks, lang)
    if factor is not None:
        sections.append(factor)
    demand = _exhibits(res, "demand", gaps, lang)
    if demand and ch.demand is not None:
        demand.insert(0, Paragraph(VD.demand_text(ch.demand, lang)))
    if demand:
        sections.append(Section(tr("地产、基建与制造业投资", "Property, infrastructure and manufacturing investment", lang),
                                demand, level=2))
    ib = _inventory_blocks(res, ch, gaps, lang) + _turnover_blocks(res, gaps, lang)
    if ib:
        sections.append(Section(tr("库存周期", "Inventory cycles", lang), ib, level=2))
    return sections, key, risks


def _ppi_carry_blocks(res: OutlookResults, ch: PpiChapter, gaps: _Gaps, key: list[str], lang: str) -> list[Block]:
    """3.1 next year's PPI carry-over."""
    inputs, year = res.inputs, res.year
    co = ch.carryover
    if co is None:
        gaps.need("ppi_carryover", "ppi_mom" if not inputs.has("ppi_mom") else "ppi_yoy")
    elif isinstance(co, str):
        gaps.failed(co)
    elif co.next_year is not None:
        return _carry_blocks(res, co, ch.assumed, "ppi_mom", key, lang)
    else:
        gaps.failed(tr(f"{year}年PPI环比不完整，无法推算{year + 1}年翘尾", f"{year} PPI MoM incomplete: no {year + 1} carry-over", lang))
    return []


def _lead_blocks(res: OutlookResults, ch: PpiChapter, gaps: _Gaps, key: list[str], risks: list[str],
                 lang: str) -> list[Block]:
    """3.2 the M1 lead and the CRB pass-through."""
    S, month = res.inputs.series, res.month
    db: list[Block] = []
    ll = ch.m1_lead
    if isinstance(ll, LeadLag):
        key.append(VY.leadlag_text(ll, lang))
        db += [Paragraph(VY.leadlag_text(ll, lang)),
               Figure(VY.leadlag_chart(ll, lang, start=month - 12 * 10 + 1),
                      tr(f"M1同比领先PPI同比约{ll.best_lead_months}个月", f"M1 YoY leads PPI YoY by about {ll.best_lead_months} months", lang),
                      **_src(res, ["m1_yoy", "ppi_yoy"], lang),
                      note=tr("M1自2025年1月起为新口径，使用公布同比", "M1 definition changed in January 2025; published YoY used", lang)
                      if month >= pd.Period("2025-01", freq="M") else None)]
        risks.append(tr(
            f"M1领先关系为历史统计规律（相关系数{F.num(ll.best_corr, 2)}），2025年起M1口径调整，领先时长可能变化。",
            f"The M1 lead is a historical regularity (correlation {F.num(ll.best_corr, 2)}); the 2025 M1 redefinition may change it.",
            lang,
        ))
    elif ll is not None:
        gaps.failed(not_computable_text(ll, lang))
    else:
        gaps.need("m1", "m1_yoy")
    pt = ch.pass_through
    if isinstance(pt, PassThrough):
        key.append(_marked(res, ["crb_spot_index"], ("CRB现货指数", "CRB spot index"), VY.passthrough_text(pt, lang), lang))
        db += [Paragraph(VY.passthrough_text(pt, lang) + tr(
                   f"据此，CRB同比上涨5%约对应PPI同比上行{F.num(pt.effect(0.05) * 100, 2)}个百分点。",
                   f" A 5% rise in CRB YoY would thus go with about {F.num(pt.effect(0.05) * 100, 2)} pp on PPI YoY.", lang)),
               Figure(VY.passthrough_chart(pt, lang, figsize=HALF_FIGSIZE), tr(f"CRB现货指数同比每涨1%带动PPI同比上涨约{F.num(pt.slope, 2)}%",
                                                         f"Each 1% on CRB YoY went with about {F.num(pt.slope, 2)}% on PPI YoY", lang),
                      **_src(res, ["crb_spot_index", "ppi_yoy"], lang),
                      note=tr("CRB为日度数据的月均值", "CRB: monthly mean of daily values", lang))]
    elif pt is not None:
        gaps.failed(not_computable_text(pt, lang))
    else:
        gaps.need("commodity", "crb_spot_index")
    db += _exhibits(res, "imported", gaps, lang)
    return db


#: Industries the seed draws one by one (图25 ferrous smelting, 图29 coal mining, 图36 autos, 图37 electrical machinery).
_SEED_INVENTORY_INDUSTRIES = ("ferrous_smelting", "coal_mining", "auto", "electrical_machinery")


def _inventory_blocks(res: OutlookResults, ch: PpiChapter, gaps: _Gaps, lang: str) -> list[Block]:
    """3.4 inventory cycles by industry."""
    panel, codes = ch.inventory, ch.inventory_codes
    ib: list[Block] = []
    if panel is None:
        gaps.need("inventory", tr("industry_revenue_yoy_<行业>、industry_inventory_yoy_<行业>（营收与产成品存货同比）",
                     "industry_revenue_yoy_<code>, industry_inventory_yoy_<code> (revenue and inventory YoY)", lang))
        return ib
    by_code = dict(zip(codes, ch.inventory_ids))
    ids = [i for r, v, _ in ch.inventory_ids for i in (r, v)]
    levels = [lv for _, _, lv in ch.inventory_ids if lv]
    ytd = any("_ytd_yoy_" in r for r, _, _ in ch.inventory_ids)
    basis = tr("营收为累计同比（国家统计局公布口径，1月不单独公布），产成品存货为月末同比；",
               "revenue: year-to-date YoY as published by NBS (no January print); inventory: month-end YoY; ",
               lang) if ytd else ""
    two = tr("2020-2021年为两年平均增速", "2020-2021 two-year average growth", lang)
    if panel.cycles:
        tbl = VI.inventory_panel_table(panel, lang)
        ib += [Paragraph(VI.inventory_panel_text(panel, lang)),
               Figure(VI.inventory_panel_chart(panel, lang, label=_SEED_INVENTORY_INDUSTRIES),
                      tr("各行业库存周期位置", "Industries on the inventory-cycle quadrant", lang),
                      **_src(res, ids, lang),
                      note=basis + tr("横轴、纵轴为近3个月营收同比、产成品存货同比的变化；",
                                      "axes: 3-month change of revenue and inventory YoY; ", lang) + two
                      + VI.inventory_panel_outliers(panel, lang)),
               Table(tbl, tr("各行业库存周期阶段", "Inventory-cycle phase by industry", lang), **_src(res, ids, lang),
                     note=basis + two if basis else None,
                     formats={c: (".0f" if pd.api.types.is_integer_dtype(tbl[c]) else ".1f")
                              for c in tbl.columns if pd.api.types.is_numeric_dtype(tbl[c])}),
               Figure(VI.inventory_percentile_chart(panel, lang), tr("各行业库存所处历史分位", "Inventory percentile by industry", lang),
                      **_src(res, levels or ids, lang),
                      note=tr("产成品存货水平在自身历史中的分位" if levels else "产成品存货同比在自身历史中的分位",
                              "finished-goods inventory level within its own history" if levels
                              else "finished-goods inventory YoY within its own history", lang))]
        shown = [c for c in _SEED_INVENTORY_INDUSTRIES if c in panel.cycles] or list(panel.cycles)[:2]
        texts: list[Block] = []
        charts: list[Block] = []
        for code in shown:  # two industries at a time: their paragraphs, then their charts side by side
            c = panel.cycles[code]
            name = VI.cycle_name(c, lang)
            r, v, _ = by_code[code]
            texts.append(Paragraph(VI.inventory_text(c, lang, ytd="_ytd_yoy_" in r)))
            alone = len(shown) % 2 == 1 and code == shown[-1]  # the odd one out is drawn at full width
            charts.append(Figure(VI.inventory_chart(c, lang, ytd="_ytd_yoy_" in r, figsize=None if alone else HALF_FIGSIZE),
                                 tr(f"{name}营收与产成品存货（{VI.phase_label(c.latest_phase)}）",
                                    f"{name}: revenue and inventory ({VI.phase_label(c.latest_phase, 'en')})", lang),
                                 **_src(res, [r, v], lang), note=(basis if "_ytd_yoy_" in r else "") + two))
            if len(charts) == 2 or code == shown[-1]:
                ib += texts + charts
                texts, charts = [], []
    for nc in panel.not_computable.values():
        gaps.failed(not_computable_text(nc, lang))
    return ib


# ---------------------------------------------------------------- 3.3 the commodity factor model
def _factor_section(res: OutlookResults, gaps: _Gaps, key: list[str], risks: list[str],
                    lang: str) -> Section | None:
    S = res.inputs.series
    fit = _factor_fit(res, lang, gaps)
    if fit is None:
        return None
    ids = [sid for sid, _, _ in _FACTORS.values() if sid in S] + (["brent_usd"] if "oil" in fit.factors else [])
    src = _src(res, ids + ["ppi_yoy"], lang)
    key.append(_marked(res, ids, ("商品因子模型", "Commodity factor model"), factor_text(fit, lang), lang))
    last12 = fit.resid.iloc[-12:].abs().mean() * 100
    table = factor_table(fit, lang)
    fb: list[Block] = [
        Paragraph(factor_text(fit, lang)),
        Table(table, tr("PPI同比对主要商品现货价同比的回归", "PPI YoY regressed on commodity spot price YoY", lang),
              **src, note=tr(f"Newey-West稳健标准误（{fit.maxlags}阶）", f"Newey–West standard errors ({fit.maxlags} lags)", lang),
              formats={c: ".2f" for c in table.columns}),
        Figure(factor_chart(fit, lang, figsize=HALF_FIGSIZE), tr("PPI同比：实际与四因子模型拟合", "PPI YoY: actual and the four-factor fit", lang),
               **src, note=tr("商品价格为日度或周度数据的月均值", "commodity prices: monthly means of daily or weekly data", lang)),
        Figure(factor_contribution_chart(fit, lang, figsize=HALF_FIGSIZE), tr("主要商品对PPI同比的拉动", "Commodity contributions to PPI YoY", lang),
               **src)]
    s1 = fit.sample[1]
    risks.append(tr(
        f"因子模型样本截至{F.month_label(s1)}（商品价格数据截至该月），近12个月平均绝对误差{F.num(last12, 2)}个百分点。",
        f"The factor model's sample ends in {F.month_label(s1, 'en')} (the commodity price data end there); its mean "
        f"absolute error over the last 12 months is {F.num(last12, 2)} pp.",
        lang,
    ))
    return Section(tr("商品因子模型", "Commodity factor model", lang), fb, level=2)


def _factor_fit(res: OutlookResults, lang: str, gaps: _Gaps) -> FactorResult | None:
    """The computed fit with display names in ``lang``; what kept it from being made goes to the notes."""
    out = res.extensions.factor if res.extensions is not None else None
    if isinstance(out, str):
        raise ModelError(out)  # the chapter guard records it, as for any chapter the data stop
    if out is None:
        return None
    if out.lacking:
        gaps.need("factor", ", ".join(out.lacking))
        return None
    if out.fit is None:
        if out.failed is not None:
            gaps.failed(not_computable_text(out.failed, lang))
        return None
    labels = {f: tr(zh, en, lang) for f, (zh, en) in (out.names or {}).items()}
    return out.fit.with_labels(labels, y_name=tr("PPI同比", "PPI YoY", lang))
