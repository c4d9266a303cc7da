"""Trade data flash (外贸数据点评): the monthly note on China's exports and imports, from data.

Modelled on a broker flash on the December 2025 trade release (seed 000, 16
figures). The recipe runs in two steps: :func:`compute` does all the arithmetic
and the nowcast once and returns a language-free :class:`TradeFlashResults`;
:func:`render` writes it up in one language. ``build(inputs, as_of, lang)`` does
both and writes, for the release month ``as_of``:

1. 出口 — headline YoY vs the prior print, two-year compound growth and Jan–Feb
   combined YoY (Figure 1); the level's MoM against the same month of earlier years
   (Figure 2) and the seasonal lines by year (super-seasonal reading);
   peers (Vietnam, Korea: YoY, partner/product contributions, first 20 days;
   :mod:`macrodesk.analyses.trade.peers`);
   contributions by region and by product group with their marginal change and
   two-year growth; price vs volume for single products and the export price index.
2. 进口 — headline, imports vs commodity price indices, the base of coming months.
3. 展望 — the high-frequency nowcast of next month's export YoY.
4. 数据说明 — one notice naming the inputs that were missing.

Every number in the text is computed from the series listed in :data:`REQUIRED`
and :data:`OPTIONAL` (ids and units: :mod:`macrodesk.models.trade.ids`). Sections
whose inputs are absent are left out; nothing is invented.

High-frequency indicators (:data:`HF_IDS`) are dated series whose useful part lies
*after* the release month (the first days of the next month), so the store must
hand them over up to the end of ``as_of + HF_LOOKAHEAD_MONTHS``. The nowcast itself
reads them only as they stood on the flash's date
(:func:`~macrodesk.models.nowcast.trade.release_date`, day 14 of the next month,
minus the indicator's publication lag), so a flash rebuilt later says what it said then.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from macrodesk.analyses._common import Inputs, input_status, missing_notice
from macrodesk.analyses.trade.levels import Breakdown, breakdown, usd
from macrodesk.analyses.trade.peers import PEER_MAX_LAG, PeersResults, compute_peers, render_peers
from macrodesk.exceptions import ModelError, ReportError
from macrodesk.models._base import NotComputable, is_computable
from macrodesk.models.nowcast.exports import ExportNowcast, ExportNowcaster
from macrodesk.models.nowcast.trade import TradeNowcast, TradeNowcaster, TradeSpec, release_date
from macrodesk.models.trade import ids as I
from macrodesk.models.trade.headline import SeasonalComparison, TradeHeadline, seasonal_comparison, trade_headline
from macrodesk.models.trade.imports import ImportsCommodities, imports_vs_commodities
from macrodesk.models.trade.prices import IndexPriceVolume, ItemPriceVolume, index_price_volume, item_price_volume
from macrodesk.plotting import HALF_FIGSIZE
from macrodesk.reports.exhibits import exhibit
from macrodesk.reports.model import Figure, Notice, Paragraph, Report, Section, Table
from macrodesk.reports.views import trade as V
from macrodesk.reports.views import trade_structure as VS
from macrodesk.reports.views._common import not_computable_text
from macrodesk.reports.views.freshness import Staleness
from macrodesk.reports.views.nowcast import export_nowcast_text, trade_fit_text, trade_nowcast_chart, trade_nowcast_text
from macrodesk.series import MacroSeries, parse_period
from macrodesk.text import format as F
from macrodesk.text import label, source_line, tr

__all__ = ["REQUIRED", "OPTIONAL", "HF_IDS", "HF_LOOKAHEAD_MONTHS", "PEER_MAX_LAG", "REGION_MAX_LAG", "TradeFlashResults",
           "compute", "render", "build"]

#: Series the report cannot do without, and those it uses when present.
REQUIRED: tuple[str, ...] = ("exports_usd_yoy", "exports_usd_level")
OPTIONAL: tuple[str, ...] = I.all_optional_ids()
#: Dated high-frequency series, needed up to the end of the month after ``as_of``.
HF_IDS: tuple[str, ...] = tuple(i for i, *_ in I.HF_INDICATORS)
HF_LOOKAHEAD_MONTHS = 1
#: Exports by partner that end before the report month (the bundled ones end in 2025-03) are
#: shown, labelled with their own last month, when not older than this many months.
REGION_MAX_LAG = PEER_MAX_LAG


# ---------------------------------------------------------------- results
@dataclass(frozen=True)
class Trend:
    """The headline's direction, as the title writes it: ``base`` is 'high', 'low' or '' (last
    year's YoY in this month against last year's mean), ``move`` one of 'flat', 'up',
    'up_further', 'down', 'down_further' (this print against the prior and the one before)."""

    base: str
    move: str


@dataclass(frozen=True)
class ImportsResults:
    """Imports: the headline, imports vs commodity prices (None if not computable), the import price
    index split when it reaches back no more than two years, and the series behind the chart."""

    headline: TradeHeadline
    commodities: ImportsCommodities | None
    price_volume: IndexPriceVolume | None
    series: tuple[MacroSeries, ...]


@dataclass(frozen=True)
class PriceVolumeResults:
    """Price vs volume: single products with value and quantity, and the customs export price index."""

    items: ItemPriceVolume | None
    items_series: tuple[MacroSeries, ...]
    index: IndexPriceVolume | None
    index_series: tuple[MacroSeries, ...]


@dataclass(frozen=True)
class NowcastResults:
    """The export nowcast for ``target`` from the high-frequency ``indicator`` (names zh, en):
    the prediction (or NotComputable), or the ModelError's message when it could not run."""

    indicator: str
    name: tuple[str, str]
    target: pd.Period
    prediction: TradeNowcast | NotComputable | None
    error: str | None
    series: tuple[MacroSeries, ...]


@dataclass(frozen=True)
class TradeFlashResults:
    """Everything the trade flash says, as numbers and results objects (no language).

    ``surplus`` is (this month, a year earlier) in 亿美元 when both flows have a level;
    ``missing`` the input ids (or id patterns) that were absent, for the data notice;
    ``sources`` the export series every export figure cites; ``status`` each input's last
    period and months behind ``month`` (:func:`~macrodesk.analyses._common.input_status`).
    """

    month: pd.Period
    exports: TradeHeadline
    seasonal: SeasonalComparison | None
    trend: Trend
    imports: ImportsResults | None
    surplus: tuple[float, float] | None
    peers: PeersResults
    regions: Breakdown | None
    products: Breakdown | None
    price_volume: PriceVolumeResults
    nowcast: NowcastResults | None
    missing: tuple[str, ...]
    sources: tuple[MacroSeries, ...]
    status: pd.DataFrame | None = None
    exports_nowcast: ExportNowcast | NotComputable | None = None


# ---------------------------------------------------------------- compute
def _frac(inputs: Inputs, sid: str) -> pd.Series | None:
    return inputs[sid].to_fraction() if inputs.has(sid) else None


def compute(inputs: Inputs, month: Any) -> TradeFlashResults:
    """All the numbers of the flash for release month ``month`` (a Period or 'YYYY-MM'), once."""
    S = inputs.series
    m = parse_period(month, "M", name="as_of", error=ReportError)
    ex_yoy_s, ex_lv_s = S["exports_usd_yoy"], S["exports_usd_level"]
    ex_yoy = ex_yoy_s.to_fraction()
    if not np.isfinite(ex_yoy.get(m, np.nan)):
        last = ex_yoy.dropna().index[-1]
        raise ReportError(
            f"series 'exports_usd_yoy' has no value for {m} (latest: {last}); "
            f"build the flash for {last} or import the {m} release"
        )
    ex_lv = usd(ex_lv_s)
    missing: list[str] = []
    exh = trade_headline(ex_lv, m, yoy=ex_yoy, ytd_yoy=_frac(inputs, "exports_usd_ytd_yoy"),
                         headline_yoy=_frac(inputs, "exports_usd_yoy_headline"), name=("出口", "exports"))
    if not is_computable(exh):
        raise ReportError(not_computable_text(exh, "en"))
    seas = seasonal_comparison(ex_lv, m, years=5, lines=5, name=("出口", "exports"))
    seas = seas if is_computable(seas) else None
    imh = _imports_headline(inputs, m, missing)
    surplus = None
    if imh is not None and np.isfinite(exh.level_last) and np.isfinite(imh.level_last):
        surplus = (exh.level_last - imh.level_last, _balance(exh, imh, m - 12))
    peers = compute_peers(inputs, m, missing)
    exports = ("出口", "exports")
    regions = breakdown(inputs, I.REGIONS, I.region_id, ex_lv, ex_lv_s, m, name=exports, what=("地区", "Region"),
                        missing=missing, missing_id="exports_usd_region_*", max_lag=REGION_MAX_LAG, janfeb=True)
    products = breakdown(inputs, I.PRODUCT_GROUPS, I.product_id, ex_lv, ex_lv_s, m, name=exports,
                         what=("产品", "Product"), missing=missing, missing_id="exports_usd_product_*", janfeb=True)
    pv = _price_volume(inputs, m, missing)
    imports = _imports(inputs, imh, m, missing) if imh is not None else None
    now = _nowcast(inputs, m, missing)
    return TradeFlashResults(m, exh, seas, _trend(exh), imports, surplus, peers, regions, products, pv, now,
                             tuple(missing), (ex_yoy_s, ex_lv_s), input_status(inputs, m, REQUIRED[0]),
                             _exports_nowcast(inputs, m))


def _balance(exh: TradeHeadline, imh: TradeHeadline, p: pd.Period) -> float:
    return float(exh.level.get(p, np.nan) - imh.level.get(p, np.nan))


def _trend(head: TradeHeadline) -> Trend:
    """The YoY path and the base behind the title ('高基数下出口同比延续回升')."""
    q, p = head.quoted, head.prior
    pp_ = float(head.yoy.get(head.month - 2, np.nan)) if not head.is_janfeb else np.nan
    prev_year = head.yoy[(head.yoy.index > head.month - 24) & (head.yoy.index <= head.month - 12)]
    base = ""
    if np.isfinite(head.base) and prev_year.notna().sum() >= 6:
        gap = head.base - float(prev_year.mean())
        base = "high" if gap > 0.02 else "low" if gap < -0.02 else ""
    if not np.isfinite(p) or abs(q - p) < 0.0005:
        return Trend(base, "flat")
    if q > p:
        return Trend(base, "up_further" if np.isfinite(pp_) and p > pp_ else "up")
    return Trend(base, "down_further" if np.isfinite(pp_) and p < pp_ else "down")


def _imports_headline(inputs: Inputs, month: pd.Period, missing: list[str]) -> TradeHeadline | None:
    if not inputs.has("imports_usd_yoy", "imports_usd_level"):
        missing += [i for i in ("imports_usd_yoy", "imports_usd_level") if not inputs.has(i)]
        return None
    S = inputs.series
    imh = trade_headline(usd(S["imports_usd_level"]), month, yoy=S["imports_usd_yoy"].to_fraction(),
                         ytd_yoy=_frac(inputs, "imports_usd_ytd_yoy"),
                         headline_yoy=_frac(inputs, "imports_usd_yoy_headline"), name=("进口", "imports"))
    return imh if is_computable(imh) else None


def _imports(inputs: Inputs, imh: TradeHeadline, month: pd.Period, missing: list[str]) -> ImportsResults:
    """Imports against commodity prices and the import price index."""
    S = inputs.series
    com = {k: S[k].data for k, _, _ in I.COMMODITY_INDICES if inputs.has(k)}
    if not com:
        missing += [k for k, _, _ in I.COMMODITY_INDICES]
    ipi = S["import_price_index_hs2"].to_fraction() if inputs.has("import_price_index_hs2") else None
    ic = imports_vs_commodities(imh.yoy, com, month, labels={k: (zh, en) for k, zh, en in I.COMMODITY_INDICES},
                                import_price_yoy=ipi, janfeb_yoy=imh.janfeb)
    ipv = None
    if ipi is not None:
        ipv = index_price_volume(imh.yoy, ipi, month, name=("进口", "import"))
        ipv = ipv if is_computable(ipv) and ipv.last >= month - 24 else None
    series = (S["imports_usd_yoy"], *(S[k] for k in com), *([S["import_price_index_hs2"]] if ipi is not None else []))
    return ImportsResults(imh, ic if is_computable(ic) else None, ipv, series)


def _price_volume(inputs: Inputs, month: pd.Period, missing: list[str]) -> PriceVolumeResults:
    """Value vs quantity of single products, and export value vs the customs export price index."""
    S = inputs.series
    vals, qtys, labels, used = {}, {}, {}, []
    for k, zh, en in I.PV_ITEMS:
        if inputs.has(I.product_id(k), I.quantity_id(k)):
            vals[k] = usd(S[I.product_id(k)])
            qtys[k] = S[I.quantity_id(k)].data
            labels[k] = (zh, en)
            used += [S[I.product_id(k)], S[I.quantity_id(k)]]
    items = None
    if vals:
        pv = item_price_volume(pd.DataFrame(vals), pd.DataFrame(qtys), month, labels=labels)
        items = pv if is_computable(pv) else None
    else:
        missing.append("exports_qty_product_*")
    index = None
    index_series: tuple[MacroSeries, ...] = ()
    if inputs.has("export_price_index_hs2"):
        epi = S["export_price_index_hs2"].to_fraction()
        ipv = index_price_volume(S["exports_usd_yoy"].to_fraction(), epi, month, name=("出口", "export"))
        if is_computable(ipv) and ipv.last >= month - 24:
            index, index_series = ipv, (S["exports_usd_yoy"], S["export_price_index_hs2"])
    return PriceVolumeResults(items, tuple(used), index, index_series)


def _nowcast(inputs: Inputs, month: pd.Period, missing: list[str]) -> NowcastResults | None:
    """The export nowcast for the month after ``month`` from what was known on the flash's date."""
    S = inputs.series
    hf = next(((i, zh, en) for i, zh, en, _ in I.HF_INDICATORS if inputs.has(i)), None)
    if hf is None:
        missing.append(" / ".join(HF_IDS))
        return None
    sid, zh, en = hf
    model = TradeNowcaster(TradeSpec(indicator=sid, window=36, min_obs=12, name_zh=zh, name_en=en))
    pred, error = None, None
    try:
        pred = model.predict(model.info_set(S, release_date(month), ids=model.series_ids()))
    except ModelError as exc:
        error = str(exc)
    return NowcastResults(sid, (zh, en), month + 1, pred, error, (S[sid], S["exports_usd_yoy"]))


def _exports_nowcast(inputs: Inputs, month: pd.Period) -> ExportNowcast | NotComputable | None:
    """The next customs print nowcast from partner data and the calendar, as known on the flash's date."""
    model = ExportNowcaster()
    try:
        nc = model.predict(model.info_set(inputs.series, release_date(month)))
    except ModelError as exc:
        return NotComputable("export nowcast", str(exc))
    return nc if isinstance(nc, (ExportNowcast, NotComputable)) else None


# ---------------------------------------------------------------- render
def _para(text: str, lead: str, lang: str) -> Paragraph:
    """A paragraph with a bold lead. In English the text starts with a space: the HTML and PDF
    templates put nothing between lead and text (Markdown adds the gap only before a letter)."""
    return Paragraph((" " + text) if lang == "en" else text, lead=lead)


class _Outline:
    """Numbers headings the way the seed does ("1、", "1.1、") as sections are added."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.sections: list[Section] = []
        self.n1 = 0
        self.n2 = 0

    def h1(self, zh: str, en: str, blocks: Sequence[Any] = ()) -> None:
        self.n1 += 1
        self.n2 = 0
        sep = tr("、", ". ", self.lang)
        self.sections.append(Section(f"{self.n1}{sep}{tr(zh, en, self.lang)}", tuple(blocks), level=1))

    def h2(self, zh: str, en: str, blocks: Sequence[Any]) -> None:
        self.n2 += 1
        sep = tr("、", " ", self.lang)
        self.sections.append(Section(f"{self.n1}.{self.n2}{sep}{tr(zh, en, self.lang)}", tuple(blocks), level=2))


_BASE_WORDS = {"high": ("高基数下", "against a high base"), "low": ("低基数下", "against a low base"), "": ("", "")}
_MOVE_WORDS = {
    "flat": ("同比持平", "growth held steady"),
    "up": ("同比回升", "growth picked up"),
    "up_further": ("同比延续回升", "growth rose further"),
    "down": ("同比回落", "growth slowed"),
    "down_further": ("同比延续回落", "growth slowed further"),
}


def _trend_phrase(trend: Trend, name: tuple[str, str], lang: str) -> str:
    """'高基数下出口同比延续回升' / 'Export growth rose further against a high base'."""
    base_zh, base_en = _BASE_WORDS[trend.base]
    move_zh, move_en = _MOVE_WORDS[trend.move]
    n = name[1]
    noun = {"exports": "Export", "imports": "Import"}.get(n, n[:1].upper() + n[1:])
    return tr(f"{base_zh}{name[0]}{move_zh}", f"{noun} {move_en}" + (f" {base_en}" if base_en else ""), lang)


def render(results: TradeFlashResults, lang: str = "zh") -> Report:
    """The ``trade-flash`` report in ``lang`` from :func:`compute`'s results (nothing is re-estimated)."""
    r, month = results, results.month
    fr = Staleness(r.status, month, lang)
    trend = _trend_phrase(r.trend, r.exports.name, lang)
    out = _Outline(lang)
    out.h1("出口：" + trend, "Exports: " + trend)
    out.h2("总量：出口金额与季节性", "Headline and seasonality", _headline_blocks(r, trend, lang, fr))
    peer_blocks, peer_summary, peers = render_peers(r.peers, lang, fr)
    if peer_blocks:
        out.h2(f"外部指标：{'与'.join(p[0] for p in peers)}出口", f"Peers: {' and '.join(p[1] for p in peers)}",
               peer_blocks)
    region_summary = product_summary = None
    region_point = product_point = None
    if r.regions is not None:
        region_summary = VS.contributions_text(r.regions.result, lang)
        upto = V.data_to(r.regions.result.month, month, lang)
        out.h2("地区结构" + upto, "By destination" + upto, _region_blocks(r.regions, region_summary, month, lang, fr))
        region_point = _breakdown_point(r.regions, region_summary, ("分地区出口", "By destination"), fr, lang)
    if r.products is not None:
        product_summary = VS.contributions_text(r.products.result, lang)
        out.h2("产品结构", "By product", _product_blocks(r.products, product_summary, month, lang, fr))
        product_point = _breakdown_point(r.products, product_summary, ("分产品出口", "By product"), fr, lang)
    pv_blocks = _price_volume_blocks(r.price_volume, month, lang, fr)
    if pv_blocks:
        out.h2("价格与数量", "Price vs volume", pv_blocks)
    if r.imports is not None:
        zh, en, blocks = _imports_section(r.imports, month, lang, fr)
        out.h1(zh, en, blocks)
    now_blocks, now_summary = _nowcast_blocks(r.nowcast, lang, fr) if r.nowcast is not None else ([], None)
    if isinstance(r.exports_nowcast, ExportNowcast):
        text = export_nowcast_text(r.exports_nowcast, lang)
        now_blocks = [Paragraph(text), *now_blocks]
    if now_blocks:
        out.h1("展望：出口预测", "Outlook: export nowcast", now_blocks)
    out.sections.append(fr.box())
    notice = missing_notice(r.missing, lang)
    if notice:
        out.sections.append(Section(tr("数据说明", "Data notes", lang), (Notice(notice, for_analysts=True),)))
    summary = [_event(r, lang), V.headline_text(r.exports, lang)]
    if r.seasonal is not None:
        summary.append(V.seasonal_text(r.seasonal, lang))
    summary += [s for s in (peer_summary, region_point, product_point) if s]
    outlook = now_summary or (_imports_outlook(r.imports, lang) if r.imports is not None else None)
    if outlook:
        summary.append(outlook)
    if isinstance(r.exports_nowcast, ExportNowcast):
        summary.append(export_nowcast_text(r.exports_nowcast, lang, brief=True))
    return _report(month, trend, summary, out.sections, lang)


def _breakdown_point(b: Breakdown, summary: str, what: tuple[str, str], fr: Staleness, lang: str) -> str:
    """The contributions key point; led by '分地区出口（截至2025年3月）：' when the parts end before the report month."""
    mark = fr.mark(b.series[1:])
    return (tr(what[0], what[1], lang) + mark + tr("：", ": ", lang) + summary) if mark else summary


def _report(month: pd.Period, trend: str, summary: list[str], sections: list[Section], lang: str) -> Report:
    return Report(
        title=tr(f"{F.month_label(month)}外贸数据点评：{trend}", f"China trade, {F.month_label(month, 'en')}: {trend}", lang),
        subtitle=tr("宏观经济点评", "Macro data flash", lang),
        date=tr(f"数据截至{F.month_label(month)}", f"Data to {F.month_label(month, 'en')}", lang),
        lang=lang,
        summary=tuple(summary),
        sections=tuple(sections),
        disclaimer=label("generated_disclaimer", lang),
    )


def _event(r: TradeFlashResults, lang: str) -> str:
    """'事件：以美元计，中国12月出口同比+6.6%，前值+5.9%；12月进口同比…。'"""
    event = tr("事件：以美元计，中国", "Release: in USD terms, China's ", lang) + V.headline_event(r.exports, lang)
    if r.imports is not None:
        event += tr("；", "; ", lang) + V.headline_event(r.imports.headline, lang)
    return event + tr("。", ".", lang)


def _headline_blocks(r: TradeFlashResults, trend: str, lang: str, fr: Staleness) -> list[Any]:
    """1.1: the headline paragraph, Figure 1 (YoY and two-year growth), the MoM and seasonal figures."""
    exh, seas, month = r.exports, r.seasonal, r.month
    text = V.headline_text(exh, lang)
    if seas is not None:
        text += tr("", " ", lang) + tr("从出口绝对金额看（按海关公布的美元金额计算），", "In levels (from the published USD values): ", lang) + V.seasonal_text(seas, lang, with_name=False)
    if r.surplus is not None:
        bal, bal_ago = r.surplus
        text += tr(
            f"{V.month_word(month, lang)}贸易顺差{F.num(bal, 0)}亿美元（上年同期{F.num(bal_ago, 0)}亿美元）。",
            f" The trade surplus was USD {F.num(bal / 10, 1)} bn (USD {F.num(bal_ago / 10, 1)} bn a year earlier).",
            lang,
        )
    src = source_line(list(r.sources), lang)
    blocks: list[Any] = [_para(text, trend + tr("。", ".", lang), lang)]
    pair = HALF_FIGSIZE if seas is not None else None  # 图1 beside 图2 (this month's MoM in each year)
    blocks.append(Figure(V.headline_chart(exh, lang, figsize=pair),
                         **fr.exhibit(tr(f"出口同比与两年复合增速（{V.month_word(month, lang)}同比{F.pct(exh.quoted * 100)}）",
                                         f"Export YoY and two-year compound growth ({F.pct(exh.quoted * 100)} in {month.strftime('%B')})", lang),
                                      r.sources,
                                      note=tr("为排除春节错月效应影响，1-2月采取合并计算方式", "Jan and Feb combined to remove the Spring Festival effect", lang)
                                      + tr("；两年复合增速 = √((1+本月同比)(1+上年同月同比)) − 1", "; 2-year CAGR = sqrt((1+YoY)(1+YoY a year earlier)) − 1", lang)),
                         source=src))
    if seas is not None:
        gap = seas.mom - seas.last_year
        cmp = (tr("持平于", "level with", lang) if abs(gap) < 0.0005 else
               tr("超出" if gap > 0 else "低于", "above" if gap > 0 else "below", lang))
        blocks.append(Figure(V.seasonal_mom_chart(seas, lang, figsize=HALF_FIGSIZE),
                             **fr.exhibit(tr(f"{month.year}年{month.month}月出口环比{cmp}{month.year - 1}年同期",
                                             f"Export MoM in {month.strftime('%B %Y')} {cmp} the same month of {month.year - 1}", lang),
                                          r.sources[1:],
                                          note=tr("环比按海关公布的美元计月度金额（保留一位小数的十亿美元）计算",
                                                  "MoM from the published monthly USD values (USD bn, one decimal)", lang)),
                             source=src))
        blocks.append(exhibit("exports_by_month").figure({s.id: s for s in r.sources}, r.month, lang, staleness=fr))
    return blocks


def _region_blocks(b: Breakdown, summary: str, month: pd.Period, lang: str, fr: Staleness) -> list[Any]:
    """1.3: contributions by destination (paragraph, three figures, the table), each title carrying
    the partner data's own last month when it is before the report month ("（截至2025年3月）")."""
    rc, src = b.result, source_line(list(b.series), lang)
    upto = V.data_to(rc.month, month, lang)
    lag = ""
    if rc.month != month:
        lag = tr(f"分地区出口数据最新为{F.month_label(rc.month)}。", f"Exports by destination end in {F.month_label(rc.month, 'en')}. ", lang)
    return [
        Paragraph(lag + summary),
        Figure(VS.contributions_chart(rc, lang), **fr.exhibit(tr("分地区对出口同比的拉动", "Contributions to export YoY by destination", lang) + upto, b.series,
               note=tr("拉动 =（本月金额 − 上年同月金额）/ 上年同月出口总额；其他 = 出口同比 − 各地区拉动之和；"
                       "此处出口同比按金额计算，分地区金额为初值，可能与海关公布的同比（按修订后的上年数据）略有差异",
                       "contribution = (X_i,t − X_i,t−12) / total_t−12; other = total YoY − sum of regions; the YoY here "
                       "is computed from the values (first-release partner values) and can differ slightly from the "
                       "published YoY (revised base)", lang)), source=src),
        Figure(VS.contributions_marginal_chart(rc, lang, figsize=HALF_FIGSIZE),
               **fr.exhibit(tr("分地区拉动：本月与上月", "Contributions by destination: this month vs last", lang) + upto, b.series,
                            note=tr("为排除春节错月效应影响，1-2月采取合并计算方式", "Jan and Feb combined to remove the Spring Festival effect", lang)
                            if rc.month.month in (2, 3) else None), source=src),
        Figure(VS.contributions_cagr_chart(rc, lang, figsize=HALF_FIGSIZE),
               **fr.exhibit(tr("分地区出口两年复合增速：本月与上月", "Two-year compound export growth by destination: this month vs last", lang) + upto,
                            b.series, note=tr("两年复合增速 = √(本月金额 / 两年前同月金额) − 1", "2-year CAGR = sqrt(X_t / X_t−24) − 1", lang)),
               source=src),
        _breakdown_table(b, src, ("分地区出口", "Exports by destination"), rc.month, lang, fr),
    ]


def _product_blocks(b: Breakdown, summary: str, month: pd.Period, lang: str, fr: Staleness) -> list[Any]:
    """1.4: contributions by product group (paragraph, two figures, the table)."""
    pc, src = b.result, source_line(list(b.series), lang)
    return [
        Paragraph(summary),
        Figure(VS.contributions_chart(pc, lang),
               **fr.exhibit(tr("分产品对出口同比的拉动", "Contributions to export YoY by product group", lang), b.series,
                            note=tr("出口同比按金额计算，可能与海关公布的同比略有差异",
                                    "YoY computed from the values; can differ slightly from the published YoY", lang)), source=src),
        Figure(VS.contributions_cagr_chart(pc, lang),
               **fr.exhibit(tr("分产品出口两年复合增速：本月与上月", "Two-year compound growth by product: this month vs last", lang),
                            b.series, note=tr("增速为两年复合同比", "growth is the two-year compound rate", lang)), source=src),
        _breakdown_table(b, src, ("分产品出口", "Exports by product"), month, lang, fr),
    ]


def _breakdown_table(b: Breakdown, src: str, caption: tuple[str, str], month: pd.Period, lang: str,
                     fr: Staleness) -> Table:
    """The contributions table (pp and %), captioned with the month."""
    table = VS.contributions_table(b.result, lang)
    label = VS.period_label(b.result, lang)
    share = table.columns[-1]  # the share a year ago: a level, not a change
    return Table(table, **fr.exhibit(tr(f"{label}{caption[0]}", f"{caption[1]}, {label}", lang), b.series), source=src,
                 formats={c: (lambda v: F.num(v, 1)) if c == share else F.signed1 for c in table.columns})


def _price_volume_blocks(r: PriceVolumeResults, month: pd.Period, lang: str, fr: Staleness) -> list[Any]:
    """1.5: price vs volume of single products, and of all exports with the customs price index."""
    blocks: list[Any] = []
    pv = r.items
    if pv is not None:
        src = source_line(list(r.items_series), lang)
        text = VS.items_text(pv, lang) + tr("", " ", lang) + tr("", " ", lang).join(VS.item_sentence(pv, k, lang) for k in pv.table.index)
        blocks.append(Paragraph(text))
        blocks.append(Figure(VS.items_chart(pv, lang),
                             **fr.exhibit(tr(f"{V.month_word(month, lang)}主要产品出口金额同比：数量与价格贡献",
                                             f"Export value YoY of main products in {month.strftime('%B')}: quantity vs price", lang),
                                          r.items_series,
                                          note=tr("单价同比 =（1+金额同比）/（1+数量同比）− 1；按对数分解为数量与价格贡献",
                                                  "unit value = (1+value YoY)/(1+quantity YoY) − 1; split in logs", lang)),
                             source=src))
        key = "ics" if "ics" in pv.table.index else pv.table.index[0]
        key_series = [s for s in r.items_series if s.id in (I.product_id(key), I.quantity_id(key))]
        blocks.append(Figure(VS.item_chart(pv, key, lang),
                             **fr.exhibit(tr(f"{V.name_of(pv.labels, key)}出口金额同比：数量与价格贡献",
                                             f"{V.name_of(pv.labels, key, 'en')} exports: quantity vs price", lang), key_series),
                             source=src))
    if r.index is not None:
        blocks.append(Paragraph(VS.index_pv_text(r.index, lang)))
        blocks.append(Figure(VS.index_pv_chart(r.index, lang),
                             **fr.exhibit(tr("出口金额同比：数量与价格贡献（海关出口价格指数）",
                                             "Export value YoY: volume vs price (customs export price index)", lang),
                                          r.index_series,
                                          note=tr("数量 =（1+金额同比）/（1+价格指数同比）− 1", "volume = (1+value YoY)/(1+price YoY) − 1", lang)),
                             source=source_line(list(r.index_series), lang)))
    return blocks


def _imports_section(im: ImportsResults, month: pd.Period, lang: str, fr: Staleness) -> tuple[str, str, list[Any]]:
    """2: the imports chapter's heading (zh, en) and blocks."""
    imh, ic = im.headline, im.commodities
    change = imh.quoted - imh.prior
    flat = not np.isfinite(change) or abs(change) < 0.0005
    word = "持平" if flat else ("回升" if change > 0 else "回落")
    verb = "held steady" if flat else ("picked up" if change > 0 else "slowed")
    lead = tr(f"{V.month_word(month, lang)}进口同比{'持平' if flat else '有所' + word}。",
              f"Import growth {verb} in {month.strftime('%B')}.", lang)
    if lang == "zh":
        txt = f"{V.headline_label(imh, lang)}进口同比{F.pct(imh.quoted * 100)}，"
        txt += (f"与前值（{F.pct(imh.prior * 100)}）持平。" if flat else
                f"较前值（{F.pct(imh.prior * 100)}）{word}{F.pp(abs(change) * 100, 1, signed=False)}。")
    else:
        txt = V.headline_text(imh, lang)
    if ic is not None:
        txt += tr("", " ", lang) + V.imports_text(ic, lang)
    if im.price_volume is not None:
        txt += tr("", " ", lang) + VS.index_pv_text(im.price_volume, lang)
    blocks: list[Any] = [_para(txt, lead, lang)]
    if ic is not None:
        blocks.append(Figure(V.imports_chart(ic, lang),
                             **fr.exhibit(tr("进口同比与国际大宗商品价格同比", "Import YoY and commodity price YoY", lang), im.series),
                             source=source_line(list(im.series), lang)))
    return "进口：同比" + word, "Imports: growth " + verb, blocks


def _imports_outlook(im: ImportsResults, lang: str) -> str | None:
    """The imports key point: the print and the base of the coming months."""
    ic, ev = im.commodities, V.headline_event(im.headline, lang)
    if ic is None:
        return None
    return tr(ev + "；" + V.imports_outlook_text(ic, lang), ev[:1].upper() + ev[1:] + ". " + V.imports_outlook_text(ic, lang), lang)


def _nowcast_blocks(n: NowcastResults, lang: str, fr: Staleness) -> tuple[list[Any], str | None]:
    """3: the nowcast paragraph and chart, and its key point (or why there is none)."""
    sid, (zh, en), target, pred = n.indicator, n.name, n.target, n.prediction
    En = en[:1].upper() + en[1:]
    if n.error is not None:
        return [Paragraph(tr(f"高频指标{sid}无法用于预测：{n.error}", f"The indicator {sid} cannot be used: {n.error}", lang))], None
    if not isinstance(pred, TradeNowcast):
        reason, reason_zh = (pred.reason, pred.reason_zh) if pred is not None else ("", "")
        return [Paragraph(tr(f"{zh}：高频预测无法计算，{reason_zh or reason}。", f"{En}: no nowcast, {reason}.", lang))], None
    text = trade_nowcast_text(pred, lang)
    span = tr(f"{target.month}月前{pred.day}日", f"the first {pred.day} days of {target.strftime('%B')}", lang)
    level = int(round((1 - pred.alpha) * 100))
    fig = Figure(trade_nowcast_chart(pred, lang),
                 **fr.exhibit(tr(f"{zh}指向{span}出口同比在{F.pct(pred.point * 100)}左右",
                                 f"{En} point to export YoY of about {F.pct(pred.point * 100)} in {span}", lang),
                              n.series,
                              note=tr(f"出口同比对{zh}同比（每月前{pred.day}日、与上年同期对齐）的OLS回归；区间为{level}%预测区间",
                                      f"OLS of export YoY on the indicator's YoY over the first {pred.day} days of each month; "
                                      f"{level}% prediction interval", lang)),
                 source=source_line(list(n.series), lang))
    lead = tr(f"高频数据指向{span}出口同比在{F.pct(pred.point * 100)}左右。",
              f"High-frequency data point to export YoY of about {F.pct(pred.point * 100)} in {span}.", lang)
    return [_para(text + tr("", " ", lang) + trade_fit_text(pred.fit, lang), lead, lang), fig], lead


# ---------------------------------------------------------------- the report
def build(inputs: Inputs, as_of: pd.Period, lang: str = "zh") -> Report:
    """The ``trade-flash`` report for release month ``as_of``: :func:`compute`, then :func:`render`."""
    return render(compute(inputs, as_of), lang)
