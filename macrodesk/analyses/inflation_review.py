"""Inflation review: the review half of an annual CPI/PPI outlook, from data.

The ``inflation-review`` report recipe, in two steps:

* :func:`compute` — every estimate, language-free: the cumulative MoM of the
  year against its norms (:func:`~macrodesk.models.inflation.review.seasonal_review`),
  the monthly norm band, carry-over and new-price effects of CPI and PPI
  (:func:`~macrodesk.models.inflation.review.carryover_review`); a frozen
  :class:`ReviewResults`.
* :func:`render` — the report in one language from those results: CPI and PPI
  YoY history, the seasonal comparison, component YoY where data exists,
  carry-over vs new-price bars and a narrative paragraph in which every number
  is computed.

:func:`build` runs both; one :class:`ReviewResults` renders in Chinese and in
English without re-estimating.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from macrodesk import transforms as T
from macrodesk.analyses._common import Inputs, input_status, missing_notice, uncovered_text
from macrodesk.models._base import pindex
from macrodesk.models.inflation.review import (
    DEFAULT_WINDOWS,
    CarryoverReview,
    SeasonalReview,
    carryover_review,
    seasonal_review,
)
from macrodesk.plotting import charts
from macrodesk.reports.exhibits import exhibit
from macrodesk.reports.model import Block, Figure, Notice, Paragraph, Report, Section, Table
from macrodesk.reports.views import review as V
from macrodesk.reports.views.freshness import Staleness, as_of_label
from macrodesk.text import format as F
from macrodesk.text import label, source_line, tr

__all__ = [
    "DEFAULT_WINDOWS",
    "OPTIONAL",
    "REQUIRED",
    "CarryoverReview",
    "ReviewResults",
    "SeasonalReview",
    "build",
    "carryover_review",
    "compute",
    "render",
    "seasonal_review",
]

#: Series the report cannot do without, and those it uses when present.
REQUIRED = ("cpi_yoy", "cpi_mom")
OPTIONAL = (
    "ppi_yoy",
    "ppi_mom",
    "cpi_food_yoy",
    "cpi_nonfood_yoy",
    "cpi_core_yoy",
    "cpi_services_yoy",
    "cpi_consumer_goods_yoy",
    "cpi_pork_yoy",
    "cpi_fresh_veg_yoy",
    "ppi_mining_yoy",
    "ppi_mining_index",
    "ppi_raw_materials_yoy",
    "ppi_processing_yoy",
    "ppi_consumer_goods_yoy",
)

#: CPI components shown when present: (series id, Chinese, English).
_COMPONENTS = (
    ("cpi_food_yoy", "食品", "Food"),
    ("cpi_nonfood_yoy", "非食品", "Non-food"),
    ("cpi_core_yoy", "核心CPI", "Core CPI"),
    ("cpi_services_yoy", "服务", "Services"),
    ("cpi_consumer_goods_yoy", "消费品", "Consumer goods"),
    ("cpi_pork_yoy", "猪肉", "Pork"),
    ("cpi_fresh_veg_yoy", "鲜菜", "Fresh vegetables"),
)

#: PPI major groups shown when present: (series id, Chinese, English).
_GROUPS = (
    ("ppi_mining_yoy", "采掘工业", "Mining"),
    ("ppi_raw_materials_yoy", "原材料工业", "Raw materials"),
    ("ppi_processing_yoy", "加工工业", "Processing"),
    ("ppi_consumer_goods_yoy", "生活资料", "Consumer goods"),
)


# ---------------------------------------------------------------- compute
@dataclass(frozen=True)
class ReviewResults:
    """Everything the review estimates, language-free (fractions).

    ``norm`` is the monthly CPI MoM norm (mean/min/max by calendar month) over
    ``norm_years``; ``ppi_carryover`` is None when PPI MoM does not reach ``month``.
    """

    inputs: Inputs
    month: pd.Period
    review: SeasonalReview
    norm: pd.DataFrame
    norm_years: range
    carryover: CarryoverReview
    ppi_carryover: CarryoverReview | None
    ppi_groups: dict[str, pd.Series]
    status: pd.DataFrame | None = None

    @property
    def year(self) -> int:
        return int(self.month.year)

    @property
    def end_month(self) -> int:
        return int(self.month.month)


def compute(inputs: Inputs, as_of: pd.Period) -> ReviewResults:
    """Every estimate of the ``inflation-review`` report from series cut at ``as_of``."""
    S = inputs.series
    cpi_mom = S["cpi_mom"].to_fraction()
    month = cpi_mom.dropna().index[-1]
    year, end_month = month.year, month.month
    review = seasonal_review(cpi_mom, year, end_month, name="CPI")
    norm_years = range(year - 10, year)
    norm = T.monthly_norm(cpi_mom, list(norm_years))
    co = carryover_review(cpi_mom, S["cpi_yoy"].to_fraction(), year, name="CPI")
    pco = None
    if inputs.has("ppi_mom", "ppi_yoy"):
        ppi_mom = S["ppi_mom"].to_fraction()
        if ppi_mom.dropna().index[-1] >= month:
            pco = carryover_review(ppi_mom, S["ppi_yoy"].to_fraction(), year, name="PPI")
    groups = {i: S[i].data for i, _, _ in _GROUPS if inputs.has(i)}
    if "ppi_mining_yoy" in groups and inputs.has("ppi_mining_index"):
        # the release transcripts are sparse; the index (上年同月=100) is dense: index - 100 = YoY
        groups["ppi_mining_yoy"] = groups["ppi_mining_yoy"].combine_first(S["ppi_mining_index"].convert("pct_yoy").data)
    return ReviewResults(inputs, month, review, norm, norm_years, co, pco, groups,
                         input_status(inputs, month, REQUIRED[0]))


# ---------------------------------------------------------------- render
def _headline(res: ReviewResults, lang: str, fr: Staleness) -> tuple[Section, str]:
    """1. CPI and PPI YoY: the latest month, the year's average, ten years of history."""
    S, month, year = res.inputs.series, res.month, res.year
    cpi_yoy = S["cpi_yoy"].data
    has_ppi = res.inputs.has("ppi_yoy")
    cpi_last, cpi_prev = cpi_yoy.get(month, np.nan), cpi_yoy.get(month - 1, np.nan)
    head_text = tr(
        f"{F.month_label(month)}CPI同比{F.pct(cpi_last)}，前值{F.pct(cpi_prev)}",
        f"CPI was {F.pct(cpi_last)} YoY in {F.month_label(month, 'en')} (prior {F.pct(cpi_prev)})",
        lang,
    )
    if has_ppi:
        ppi = S["ppi_yoy"].data
        ppi_last, ppi_prev = ppi.get(month, np.nan), ppi.get(month - 1, np.nan)
        head_text += tr(
            f"；PPI同比{F.pct(ppi_last)}，前值{F.pct(ppi_prev)}。",
            f"; PPI was {F.pct(ppi_last)} (prior {F.pct(ppi_prev)}).",
            lang,
        )
    else:
        head_text += tr("。", ".", lang)
    ytd_cpi = cpi_yoy[(pindex(cpi_yoy).year == year) & (cpi_yoy.index <= month)]
    avg_text = tr(
        f"{year}年1-{res.end_month}月CPI同比均值{F.pct(ytd_cpi.mean(), 2)}，区间{F.pct(ytd_cpi.min())}至{F.pct(ytd_cpi.max())}。",
        f"CPI YoY averaged {F.pct(ytd_cpi.mean(), 2)} in Jan–{month.strftime('%b')} {year}, ranging from "
        f"{F.pct(ytd_cpi.min())} to {F.pct(ytd_cpi.max())}.",
        lang,
    )
    section = Section(
        tr("一、CPI与PPI走势", "1. CPI and PPI", lang),
        [
            Paragraph(head_text + tr("", " ", lang) + avg_text),
            exhibit("cpi_ppi_history").figure(S, month, lang, staleness=fr),
        ],
    )
    return section, head_text


#: Section 2's pair of charts: half width, a little shorter than :data:`~macrodesk.plotting.HALF_FIGSIZE`
#: so the pair and the table after it share a page with the section's text.
_PAIR_FIGSIZE = (charts.HALF_FIGSIZE[0], 2.7)


def _seasonal(res: ReviewResults, lang: str, fr: Staleness) -> Section:
    """2. CPI cumulative MoM against its norms (seed Figure 1), and the monthly band."""
    S, year, end_month = res.inputs.series, res.year, res.end_month
    src_cpi = source_line([S["cpi_yoy"], S["cpi_mom"]], lang)
    review = res.review
    table = V.seasonal_review_table(review, lang)
    mn, norm_years = res.norm * 100, res.norm_years
    band = bool(mn["mean"].notna().all())
    # the two charts side by side when both are drawn, the table of the same numbers after them
    size = _PAIR_FIGSIZE if band else None
    blocks: list[Block] = [
        Paragraph(V.seasonal_review_text(review, lang)),
        Figure(
            V.seasonal_review_chart(review, lang, figsize=size),
            **fr.exhibit(tr(
                f"{year}年{F.span_label(1, end_month)}CPI环比累计涨幅与季节性对比",
                f"CPI cumulative MoM, {F.span_label(1, end_month, 'en')} of each year, vs seasonal norms",
                lang,
            ), ("cpi_mom",),
                note=tr("环比累计 = ∏(1+环比)−1；超季节性 = 当年 − 同期均值", "cumulative = prod(1+MoM)−1; gap = year − window mean", lang)),
            source=src_cpi,
        ),
    ]
    if band:
        cpi_mom = S["cpi_mom"].to_fraction()
        this = (cpi_mom[pindex(cpi_mom).year == year] * 100)
        this.index = pindex(this).month
        blocks.append(
            Figure(
                charts.band_chart(
                    mn["mean"], mn["min"], mn["max"], this.reindex(range(1, 13)), lang=lang,
                    mean_label=tr(f"{norm_years[0]}-{norm_years[-1]}年均值", f"{norm_years[0]}-{norm_years[-1]} mean", lang),
                    highlight_label=tr(f"{year}年", str(year), lang), ylabel="%", figsize=size,
                ),
                **fr.exhibit(tr("CPI环比的季节性规律", "CPI MoM seasonality", lang), ("cpi_mom",), note=tr(
                    f"阴影为{norm_years[0]}-{norm_years[-1]}年同月环比最小值至最大值；{_sf_note(year, lang)}",
                    f"band: min–max of the same month in {norm_years[0]}-{norm_years[-1]}; {_sf_note(year, lang)}",
                    lang,
                )),
                source=src_cpi,
            )
        )
    blocks.append(
        Table(
            table,
            **fr.exhibit(tr(f"CPI {F.span_label(1, end_month)}环比累计与季节性", f"CPI cumulative MoM {F.span_label(1, end_month, 'en')} vs norms", lang),
                         ("cpi_mom",)),
            source=src_cpi,
            formats={c: F.signed2 for c in table.columns},
        )
    )
    return Section(tr("二、CPI环比累计与季节性", "2. CPI against its seasonal norm", lang), blocks)


def _component_table(res: ReviewResults, have: list[tuple[str, str, str]], lang: str) -> pd.DataFrame:
    S, month, year = res.inputs.series, res.month, res.year
    tbl = pd.DataFrame(
        {
            tr(F.month_label(month), F.month_label(month, "en"), lang): [S[i].data.get(month, np.nan) for i, _, _ in have],
            tr("前值", "Prior", lang): [S[i].data.get(month - 1, np.nan) for i, _, _ in have],
            tr(f"{year - 1}年12月", f"Dec {year - 1}", lang): [
                S[i].data.get(pd.Period(f"{year - 1}-12", freq="M"), np.nan) for i, _, _ in have
            ],
        },
        index=pd.Index([tr(zh, en, lang) for _, zh, en in have], name=tr("分项（同比，%）", "Component (YoY, %)", lang)),
    )
    tbl[tr("变动(pp)", "Change (pp)", lang)] = tbl.iloc[:, 0] - tbl.iloc[:, 1]
    return tbl


def _components(res: ReviewResults, lang: str, fr: Staleness) -> tuple[Section | None, list[str]]:
    """3. CPI components' YoY (those present in the latest month); the ids lacking."""
    S, month = res.inputs.series, res.month
    have = [(i, zh, en) for i, zh, en in _COMPONENTS if res.inputs.has(i) and month in S[i].data.dropna().index]
    lacking = [i for i, _, _ in _COMPONENTS if all(i != h[0] for h in have)]
    if not have:
        return None, lacking
    drawn = {i: S[i] for i, _, _ in have}  # the components with the month's print
    tbl = _component_table(res, have, lang)
    movers = tbl.iloc[:, 3].dropna().sort_values()
    txt = tr(
        f"分项看，{F.month_label(month)}"
        + "，".join(f"{n}同比{F.pct(v)}" for n, v in tbl.iloc[:, 0].items())
        + f"。较上月回升最多的是{movers.index[-1]}（{F.pp(movers.iloc[-1], 1)}），回落最多的是{movers.index[0]}（{F.pp(movers.iloc[0], 1)}）。",
        f"By component in {F.month_label(month, 'en')}: "
        + ", ".join(f"{n} {F.pct(v)}" for n, v in tbl.iloc[:, 0].items())
        + f". The largest rise from the prior month was {movers.index[-1]} ({F.pp(movers.iloc[-1], 1, lang='en')}), "
        f"the largest fall {movers.index[0]} ({F.pp(movers.iloc[0], 1, lang='en')}).",
        lang,
    )
    comp_blocks: list[Block] = [
        Paragraph(txt),
        exhibit("cpi_components_yoy").figure(drawn, month, lang, staleness=fr),
        Table(
            tbl,
            **fr.exhibit(tr(f"{F.month_label(month)}CPI分项同比", f"CPI components YoY, {F.month_label(month, 'en')}", lang),
                         [i for i, _, _ in have]),
            source=source_line([S[i] for i, _, _ in have], lang),
            formats={c: (".1f" if j < 3 else F.signed1) for j, c in enumerate(tbl.columns)},
        ),
    ]
    return Section(tr("三、CPI分项", "3. CPI components", lang), comp_blocks), lacking


def _carryover(res: ReviewResults, lang: str, fr: Staleness) -> Section:
    """4. Carry-over and new-price effects of CPI (and PPI), next year's carry-over."""
    S, year = res.inputs.series, res.year
    src_cpi = source_line([S["cpi_yoy"], S["cpi_mom"]], lang)
    co = res.carryover
    co_blocks: list[Block] = [Paragraph(V.carryover_text(co, lang))]
    if np.isfinite(co.max_residual) and co.max_residual * 100 > 0.15:
        co_blocks.append(
            Notice(
                tr(
                    f"按环比推算的同比与公布同比最大相差{F.pp(co.max_residual * 100, 2)}（基期轮换或四舍五入所致）。",
                    f"YoY implied by the MoMs differs from the published YoY by up to "
                    f"{F.pp(co.max_residual * 100, 2, lang='en')} (base rotation or rounding).",
                    lang,
                )
            )
        )
    co_blocks.append(
        Figure(
            V.carryover_chart(co, lang),
            **fr.exhibit(tr(f"{year}年CPI同比的翘尾因素与新涨价因素", f"CPI YoY in {year}: carry-over vs new-price effects", lang),
                         ("cpi_yoy", "cpi_mom"),
                         note=tr("翘尾 = 上年各月环比在本月之后的累积；新涨价 = 本年1月至本月环比的累积",
                                 "carry-over: last year's MoMs after this month; new price: this year's MoMs to date", lang)),
            source=src_cpi,
        )
    )
    pco = res.ppi_carryover
    if pco is not None:
        co_blocks.append(Paragraph(V.carryover_text(pco, lang)))
        if pco.next_year is not None and co.next_year is not None:
            nxt = pd.DataFrame({"CPI": co.next_year * 100, "PPI": pco.next_year * 100})
            nxt.index = pd.Index(V.month_names(nxt.index, lang))
            co_blocks.append(
                Figure(
                    charts.bar_chart(nxt, lang=lang, ylabel="%"),
                    **fr.exhibit(tr(f"{year + 1}年CPI与PPI翘尾因素（按{year}年环比推算）",
                                    f"{year + 1} carry-over of CPI and PPI implied by {year} MoMs", lang), ("cpi_mom", "ppi_mom")),
                    source=source_line([S["cpi_mom"], S["ppi_mom"]], lang),
                )
            )
    return Section(tr("四、翘尾因素与新涨价因素", "4. Carry-over and new-price effects", lang), co_blocks)


def _ppi_groups(res: ReviewResults, lang: str, fr: Staleness) -> tuple[Section | None, list[str]]:
    """5. PPI and its major groups' YoY; the group ids lacking when the section is left out."""
    S, month, gdata = res.inputs.series, res.month, res.ppi_groups
    gh = [(i, zh, en) for i, zh, en in _GROUPS if i in gdata]
    if not (res.inputs.has("ppi_yoy") and gh):
        return None, [i for i, _, _ in _GROUPS if not res.inputs.has(i)]
    latest = {tr(zh, en, lang): (gdata[i].dropna(), _group_mark(gdata[i], month, lang)) for i, zh, en in gh}
    fr.inputs([i for i, _, _ in gh])
    txt = tr(
        "分大类看，" + "，".join(f"{n}{m}同比{F.pct(v.iloc[-1])}" for n, (v, m) in latest.items()) + "。",
        "By group: " + ", ".join(f"{n}{m} {F.pct(v.iloc[-1])}" for n, (v, m) in latest.items()) + ".",
        lang,
    )
    blocks: list[Block] = [
        Paragraph(txt),
        exhibit("ppi_groups_yoy").figure(S, month, lang, staleness=fr),
    ]
    return Section(tr("五、PPI分大类", "5. PPI by major group", lang), blocks), []


def _group_mark(group: pd.Series, month: pd.Period, lang: str) -> str:
    """The as-of mark of a PPI group whose (combined) data end before the report month."""
    last = group.dropna().index[-1]
    return "" if last >= month else as_of_label(last, lang)


def render(res: ReviewResults, lang: str = "zh") -> Report:
    """The ``inflation-review`` report in ``lang`` from computed results (no estimation here)."""
    month = res.month
    fr = Staleness(res.status, month, lang)
    missing = list(res.inputs.missing)
    headline, head_text = _headline(res, lang, fr)
    sections: list[Section] = [headline, _seasonal(res, lang, fr)]
    uncovered: list[str] = []
    components, lacking = _components(res, lang, fr)
    if components is not None:
        sections.append(components)
    else:
        uncovered.append(tr("CPI分项", "CPI by component", lang))
    missing += lacking
    sections.append(_carryover(res, lang, fr))
    groups, lacking = _ppi_groups(res, lang, fr)
    if groups is not None:
        sections.append(groups)
    else:
        uncovered.append(tr("PPI分大类", "PPI by major group", lang))
    missing += lacking
    words = uncovered_text(uncovered, lang)
    if words:
        sections[-1] = Section(sections[-1].heading, [*sections[-1].blocks, Paragraph(words)], level=sections[-1].level)
    sections.append(fr.box())
    notice = missing_notice(missing, lang)
    if notice:
        sections.append(Section(tr("附录：数据说明", "Appendix: data notes", lang), [Notice(notice, for_analysts=True)]))

    summary = [head_text, V.seasonal_review_text(res.review, lang), V.carryover_text(res.carryover, lang)]
    return Report(
        title=tr(f"{F.month_label(month)}通胀数据回顾", f"Inflation review, {F.month_label(month, 'en')}", lang),
        subtitle=tr("CPI与PPI：季节性、分项与翘尾", "CPI and PPI: seasonality, components and carry-over", lang),
        date=tr(f"数据截至{F.month_label(month)}", f"Data to {F.month_label(month, 'en')}", lang),
        lang=lang,
        summary=summary,
        sections=sections,
        disclaimer=label("generated_disclaimer", lang),
    )


def build(inputs: Inputs, as_of: pd.Period, lang: str = "zh") -> Report:
    """The ``inflation-review`` report from stored series cut at ``as_of``: :func:`compute`, then :func:`render`."""
    return render(compute(inputs, as_of), lang)


def _sf_note(year: int, lang: str) -> str:
    d = T.spring_festival(year)
    prev = T.spring_festival(year - 1)
    return tr(
        f"{year}年春节为{d.month}月{d.day}日（{year - 1}年为{prev.month}月{prev.day}日）",
        f"Spring Festival {year}: {d:%b} {d.day} ({year - 1}: {prev:%b} {prev.day})",
        lang,
    )
