"""Trade data flash (外贸数据点评): the monthly note on China's exports and imports, from data.

Modelled on a broker flash on the December 2025 trade release (seed 000, 16
figures). ``build(inputs, as_of, lang)`` writes, for the release month ``as_of``:

1. 出口 — headline YoY vs the prior print, two-year compound growth and Jan–Feb
   combined YoY (Figure 1); the level's MoM against the same month of earlier years
   (Figure 2) and the seasonal lines by year (super-seasonal reading);
   peers (Vietnam, Korea: YoY, partner/product contributions, first 20 days);
   contributions by region and by product group with their marginal change and
   two-year growth; price vs volume for single products and the export price index.
2. 进口 — headline, imports vs commodity price indices, the base of coming months.
3. 展望 — the high-frequency nowcast of next month's export YoY.
4. 数据说明 — one notice naming the inputs that were missing.

Every number in the text is computed from the series listed in :data:`REQUIRED`
and :data:`OPTIONAL` (ids and units: :mod:`macrodesk.analyses.trade.ids`). Sections
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
from typing import Any

import numpy as np
import pandas as pd

from macrodesk.analyses._common import Inputs, missing_notice
from macrodesk.text import source_line, tr
from macrodesk.analyses.trade import (
    imports_vs_commodities,
    index_price_volume,
    item_price_volume,
    seasonal_comparison,
    trade_contributions,
    trade_headline,
)
from macrodesk.analyses.trade import ids as I
from macrodesk.analyses.trade.headline import month_word
from macrodesk.exceptions import ModelError, ReportError, UnitError
from macrodesk.models._base import is_computable
from macrodesk.models.nowcast.trade import TradeNowcaster, TradeSpec, release_date
from macrodesk.text import format as F
from macrodesk.reports.model import Figure, Notice, Paragraph, Report, Section, Table
from macrodesk.reports.views.nowcast import trade_fit_text, trade_nowcast_chart, trade_nowcast_text
from macrodesk.series import MacroSeries

__all__ = ["REQUIRED", "OPTIONAL", "HF_IDS", "HF_LOOKAHEAD_MONTHS", "build"]

#: Series the report cannot do without, and those it uses when present.
REQUIRED: tuple[str, ...] = ("exports_usd_yoy", "exports_usd_level")
OPTIONAL: tuple[str, ...] = I.all_optional_ids()
#: Dated high-frequency series, needed up to the end of the month after ``as_of``.
HF_IDS: tuple[str, ...] = tuple(i for i, *_ in I.HF_INDICATORS)
HF_LOOKAHEAD_MONTHS = 1

#: Korea or Vietnam data older than this many months before ``as_of`` are not shown.
PEER_MAX_LAG = 11

# publishers not in _common's table, as a Chinese source line writes them
# ---------------------------------------------------------------- helpers
def _para(text: str, lead: str, lang: str) -> Paragraph:
    """A paragraph with a bold lead. In English the text starts with a space: the HTML and PDF
    templates put nothing between lead and text (Markdown adds the gap only before a letter)."""
    return Paragraph((" " + text) if lang == "en" else text, lead=lead)


def _frac(inputs: Inputs, sid: str) -> pd.Series | None:
    return inputs[sid].to_fraction() if inputs.has(sid) else None


def _usd(s: MacroSeries, unit: str = "usd_100m") -> pd.Series:
    """A USD value in ``unit`` (亿美元 by default); other units are an error naming the series."""
    if s.unit not in I.USD_LEVEL_UNITS:
        raise UnitError(
            f"series '{s.id}' has unit '{s.unit}'; the trade flash needs USD values "
            f"({', '.join(I.USD_LEVEL_UNITS)}). Re-import it with a USD unit."
        )
    bn = s.convert("usd_bn").data  # every USD unit has a conversion to usd_bn
    return bn * 10.0 if unit == "usd_100m" else bn if unit == "usd_bn" else s.convert(unit).data


def _frame(inputs: Inputs, keys: Sequence[tuple[str, str, str]], make_id) -> tuple[pd.DataFrame, dict, list]:
    """Levels (亿美元) of the parts present, their labels and series."""
    cols, labels, used = {}, {}, []
    for k, zh, en in keys:
        sid = make_id(k)
        if inputs.has(sid):
            cols[k] = _usd(inputs[sid])
            labels[k] = (zh, en)
            used.append(inputs[sid])
    return pd.DataFrame(cols), labels, used


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
        sep = "、" if self.lang == "zh" else ". "
        self.sections.append(Section(f"{self.n1}{sep}{tr(zh, en, self.lang)}", tuple(blocks), level=1))

    def h2(self, zh: str, en: str, blocks: Sequence[Any]) -> None:
        self.n2 += 1
        sep = "、" if self.lang == "zh" else " "
        self.sections.append(Section(f"{self.n1}.{self.n2}{sep}{tr(zh, en, self.lang)}", tuple(blocks), level=2))


def _trend_phrase(head, lang: str) -> str:
    """'高基数下出口同比延续回升' from the YoY path and the base."""
    q, p = head.quoted, head.prior
    pp_ = float(head.yoy.get(head.month - 2, np.nan)) if not head.is_janfeb else np.nan
    n = head.name[0] if lang == "zh" else head.name[1]
    base = head.base
    prev_year = head.yoy[(head.yoy.index > head.month - 24) & (head.yoy.index <= head.month - 12)]
    base_word = ""
    if np.isfinite(base) and prev_year.notna().sum() >= 6:
        gap = base - float(prev_year.mean())
        if gap > 0.02:
            base_word = tr("高基数下", "against a high base", lang)
        elif gap < -0.02:
            base_word = tr("低基数下", "against a low base", lang)
    if not np.isfinite(p) or abs(q - p) < 0.0005:
        verb_zh, verb_en = "同比持平", "growth held steady"
    elif q > p:
        cont = np.isfinite(pp_) and p > pp_
        verb_zh, verb_en = ("同比延续回升", "growth rose further") if cont else ("同比回升", "growth picked up")
    else:
        cont = np.isfinite(pp_) and p < pp_
        verb_zh, verb_en = ("同比延续回落", "growth slowed further") if cont else ("同比回落", "growth slowed")
    if lang == "zh":
        return f"{base_word}{n}{verb_zh}"
    noun = {"exports": "Export", "imports": "Import"}.get(n, n[:1].upper() + n[1:])
    return f"{noun} {verb_en}" + (f" {base_word}" if base_word else "")


# ---------------------------------------------------------------- the report
def build(inputs: Inputs, as_of: pd.Period, lang: str = "zh") -> Report:
    """The ``trade-flash`` report for release month ``as_of``."""
    S = inputs.series
    month = as_of if isinstance(as_of, pd.Period) else pd.Period(str(as_of), freq="M")
    ex_yoy_s, ex_lv_s = S["exports_usd_yoy"], S["exports_usd_level"]
    ex_yoy = ex_yoy_s.to_fraction()
    if not np.isfinite(ex_yoy.get(month, np.nan)):
        last = ex_yoy.dropna().index[-1]
        raise ReportError(
            f"series 'exports_usd_yoy' has no value for {month} (latest: {last}); "
            f"build the flash for {last} or import the {month} release"
        )
    ex_lv = _usd(ex_lv_s)
    missing: list[str] = []
    gacc = [ex_yoy_s, ex_lv_s]
    out = _Outline(lang)
    figs_note_jf = tr("为排除春节错月效应影响，1-2月采取合并计算方式", "Jan and Feb combined to remove the Spring Festival effect", lang)

    exh = trade_headline(ex_lv, month, yoy=ex_yoy, ytd_yoy=_frac(inputs, "exports_usd_ytd_yoy"),
                         headline_yoy=_frac(inputs, "exports_usd_yoy_headline"), name=("出口", "exports"))
    if not is_computable(exh):
        raise ReportError(exh.summary("en"))
    seas = seasonal_comparison(ex_lv, month, years=5, lines=5, name=("出口", "exports"))

    imh = None
    if inputs.has("imports_usd_yoy", "imports_usd_level"):
        imh = trade_headline(_usd(S["imports_usd_level"]), month, yoy=S["imports_usd_yoy"].to_fraction(),
                             ytd_yoy=_frac(inputs, "imports_usd_ytd_yoy"),
                             headline_yoy=_frac(inputs, "imports_usd_yoy_headline"), name=("进口", "imports"))
        imh = imh if is_computable(imh) else None
    else:
        missing += [i for i in ("imports_usd_yoy", "imports_usd_level") if not inputs.has(i)]

    event = tr("事件：以美元计，中国", "Release: in USD terms, China's ", lang) + exh.event(lang)
    if imh is not None:
        event += tr("；", "; ", lang) + imh.event(lang)
    event += tr("。", ".", lang)
    trend = _trend_phrase(exh, lang)

    # ------------------------------------------------ 1.1 headline
    blocks: list[Any] = []
    text = exh.summary(lang)
    if is_computable(seas):
        text += tr("", " ", lang) + tr("从出口绝对金额看（按海关公布的美元金额计算），", "In levels (from the published USD values): ", lang) + seas.summary(lang, with_name=False)
    if imh is not None and np.isfinite(exh.level_last) and np.isfinite(imh.level_last):
        bal = exh.level_last - imh.level_last
        text += tr(
            f"{month_word(month, lang)}贸易顺差{F.num(bal, 0)}亿美元（上年同期{F.num(_bal(exh, imh, month - 12), 0)}亿美元）。",
            f" The trade surplus was USD {F.num(bal / 10, 1)} bn (USD {F.num(_bal(exh, imh, month - 12) / 10, 1)} bn a year earlier).",
            lang,
        )
    blocks.append(_para(text, trend + tr("。", ".", lang), lang))
    blocks.append(Figure(exh.chart(lang), tr(f"出口同比与两年复合增速（{month_word(month, lang)}同比{F.pct(exh.quoted * 100)}）",
                                               f"Export YoY and two-year compound growth ({F.pct(exh.quoted * 100)} in {month.strftime('%B')})", lang),
                         source=source_line(gacc, lang), note=figs_note_jf + tr("；两年复合增速 = √((1+本月同比)(1+上年同月同比)) − 1",
                                                                        "; 2-year CAGR = sqrt((1+YoY)(1+YoY a year earlier)) − 1", lang)))
    if is_computable(seas):
        mom_note = tr("环比按海关公布的美元计月度金额（保留一位小数的十亿美元）计算",
                      "MoM from the published monthly USD values (USD bn, one decimal)", lang)
        gap = seas.mom - seas.last_year
        cmp = (tr("持平于", "level with", lang) if abs(gap) < 0.0005 else
               tr("超出" if gap > 0 else "低于", "above" if gap > 0 else "below", lang))
        blocks.append(Figure(seas.chart_mom(lang),
                             tr(f"{month.year}年{month.month}月出口环比{cmp}{month.year - 1}年同期",
                                f"Export MoM in {month.strftime('%B %Y')} {cmp} the same month of {month.year - 1}", lang),
                             source=source_line(gacc, lang), note=mom_note))
        blocks.append(Figure(seas.chart(lang, ylabel=tr("亿美元", "USD 100m", lang)),
                             tr("出口金额的季节性：各年分月走势", "Export value by calendar month, one line per year", lang),
                             source=source_line(gacc, lang)))
    out.h1("出口：" + trend, "Exports: " + trend)
    out.h2("总量：出口金额与季节性", "Headline and seasonality", blocks)

    # ------------------------------------------------ 1.2 peers: Vietnam and Korea
    peer_blocks, peer_summary, peers = _peers(inputs, month, lang, missing)
    if peer_blocks:
        zh = "与".join(p[0] for p in peers)
        en = " and ".join(p[1] for p in peers)
        out.h2(f"外部指标：{zh}出口", f"Peers: {en}", peer_blocks)

    # ------------------------------------------------ 1.3 regions
    region_summary = None
    parts, labels, used = _frame(inputs, I.REGIONS, I.region_id)
    if len(parts.columns):
        rc = trade_contributions(parts, ex_lv, month, labels=labels, name=("出口", "exports"), what=("地区", "Region"))
        if is_computable(rc):
            region_summary = rc.summary(lang)
            src = source_line([ex_lv_s, *used], lang)
            out.h2("地区结构", "By destination", [
                Paragraph(region_summary),
                Figure(rc.chart(lang), tr("分地区对出口同比的拉动", "Contributions to export YoY by destination", lang), source=src,
                       note=tr("拉动 =（本月金额 − 上年同月金额）/ 上年同月出口总额；其他 = 出口同比 − 各地区拉动之和；"
                               "此处出口同比按金额计算，可能与海关公布的同比（按修订后的上年数据）略有差异",
                               "contribution = (X_i,t − X_i,t−12) / total_t−12; other = total YoY − sum of regions; the YoY here "
                               "is computed from the values and can differ slightly from the published YoY (revised base)", lang)),
                Figure(rc.chart_marginal(lang), tr("分地区拉动：本月与上月", "Contributions by destination: this month vs last", lang), source=src),
                Table(rc.display_table(lang), tr(f"{F.month_label(month, lang)}分地区出口", f"Exports by destination, {F.month_label(month, lang)}", lang),
                      source=src, formats={c: F.signed1 for c in rc.display_table(lang).columns}),
            ])
    else:
        missing.append("exports_usd_region_*")

    # ------------------------------------------------ 1.4 products
    product_summary = None
    parts, labels, used = _frame(inputs, I.PRODUCT_GROUPS, I.product_id)
    if len(parts.columns):
        pc = trade_contributions(parts, ex_lv, month, labels=labels, name=("出口", "exports"), what=("产品", "Product"))
        if is_computable(pc):
            product_summary = pc.summary(lang)
            src = source_line([ex_lv_s, *used], lang)
            out.h2("产品结构", "By product", [
                Paragraph(product_summary),
                Figure(pc.chart(lang), tr("分产品对出口同比的拉动", "Contributions to export YoY by product group", lang), source=src,
                       note=tr("出口同比按金额计算，可能与海关公布的同比略有差异",
                               "YoY computed from the values; can differ slightly from the published YoY", lang)),
                Figure(pc.chart_cagr(lang), tr("分产品出口两年复合增速：本月与上月", "Two-year compound growth by product: this month vs last", lang),
                       source=src, note=tr("增速为两年复合同比", "growth is the two-year compound rate", lang)),
                Table(pc.display_table(lang), tr(f"{F.month_label(month, lang)}分产品出口", f"Exports by product, {F.month_label(month, lang)}", lang),
                      source=src, formats={c: F.signed1 for c in pc.display_table(lang).columns}),
            ])
    else:
        missing.append("exports_usd_product_*")

    # ------------------------------------------------ 1.5 price vs volume
    pv_blocks = _price_volume(inputs, month, lang, missing)
    if pv_blocks:
        out.h2("价格与数量", "Price vs volume", pv_blocks)

    # ------------------------------------------------ 2. imports
    im_blocks: list[Any] = []
    im_outlook = None
    if imh is not None:
        change = imh.quoted - imh.prior
        flat = not np.isfinite(change) or abs(change) < 0.0005
        word = "持平" if flat else ("回升" if change > 0 else "回落")
        if lang == "zh":
            lead = f"{month_word(month, lang)}进口同比{'持平' if flat else '有所' + word}。"
            txt = f"{imh.label(lang)}进口同比{F.pct(imh.quoted * 100)}，"
            txt += (f"与前值（{F.pct(imh.prior * 100)}）持平。" if flat else
                    f"较前值（{F.pct(imh.prior * 100)}）{word}{F.pp(abs(change) * 100, 1, signed=False)}。")
        else:
            verb = "held steady" if flat else ("picked up" if change > 0 else "slowed")
            lead = f"Import growth {verb} in {month.strftime('%B')}."
            txt = imh.summary(lang)
        com = {k: S[k].data for k, _, _ in I.COMMODITY_INDICES if inputs.has(k)}
        if not com:
            missing += [k for k, _, _ in I.COMMODITY_INDICES]
        ipi = S["import_price_index_hs2"].to_fraction() if inputs.has("import_price_index_hs2") else None
        ic = imports_vs_commodities(imh.yoy, com, month, labels={k: (zh, en) for k, zh, en in I.COMMODITY_INDICES},
                                    import_price_yoy=ipi, janfeb_yoy=imh.janfeb)
        if is_computable(ic):
            im_outlook = tr(imh.event(lang) + "；" + ic.outlook(lang),
                            imh.event(lang)[:1].upper() + imh.event(lang)[1:] + ". " + ic.outlook(lang), lang)
            txt += tr("", " ", lang) + ic.summary(lang)
        if ipi is not None:
            ipv = index_price_volume(imh.yoy, ipi, month, name=("进口", "import"))
            if is_computable(ipv) and ipv.last >= month - 24:
                txt += tr("", " ", lang) + ipv.summary(lang)
        im_blocks.append(_para(txt, lead, lang))
        if is_computable(ic):
            srcs = [S["imports_usd_yoy"]] + [S[k] for k in com] + ([S["import_price_index_hs2"]] if ipi is not None else [])
            im_blocks.append(Figure(ic.chart(lang), tr("进口同比与国际大宗商品价格同比", "Import YoY and commodity price YoY", lang),
                                    source=source_line(srcs, lang)))
        out.h1("进口：同比" + word, "Imports: growth " + ("held steady" if flat else ("picked up" if change > 0 else "slowed")),
               im_blocks)

    # ------------------------------------------------ 3. outlook: high-frequency nowcast
    now_blocks, now_summary = _nowcast(inputs, month, lang, missing)
    if now_blocks:
        out.h1("展望：高频数据", "Outlook: high-frequency data", now_blocks)

    notice = missing_notice(missing, lang)
    if notice:
        out.sections.append(Section(tr("数据说明", "Data notes", lang), (Notice(notice),)))

    summary = [event, exh.summary(lang)]
    if is_computable(seas):
        summary.append(seas.summary(lang))
    for s in (peer_summary, region_summary, product_summary):
        if s:
            summary.append(s)
    if now_summary:
        summary.append(now_summary)
    elif im_outlook:
        summary.append(im_outlook)
    return Report(
        title=tr(f"{F.month_label(month)}外贸数据点评：{trend}", f"China trade, {F.month_label(month, 'en')}: {trend}", lang),
        subtitle=tr("宏观经济点评", "Macro data flash", lang),
        date=tr(f"数据截至{F.month_label(month)}", f"Data to {F.month_label(month, 'en')}", lang),
        author="macrodesk",
        lang=lang,
        summary=tuple(summary),
        sections=tuple(out.sections),
        disclaimer=tr(
            "本报告由 macrodesk 根据公开数据自动生成，所有数字均由数据计算得出，不构成投资建议。",
            "Generated by macrodesk from published data; every number is computed from the data. Not investment advice.",
            lang,
        ),
    )


def _bal(exh, imh, p: pd.Period) -> float:
    return float(exh.level.get(p, np.nan) - imh.level.get(p, np.nan))


# ---------------------------------------------------------------- peers
def _peer_month(s: pd.Series, month: pd.Period) -> pd.Period | None:
    obs = s.dropna()
    obs = obs[obs.index <= month]
    if not len(obs) or obs.index[-1] < month - PEER_MAX_LAG:
        return None
    return obs.index[-1]


def _peers(inputs: Inputs, month: pd.Period, lang: str, missing: list[str]):
    """Vietnam and Korea: blocks for the peers sub-section, one summary sentence, the peers shown."""
    blocks: list[Any] = []
    bits: list[str] = []
    shown: list[tuple[str, str]] = []
    for peer, names in ((_vietnam, ("越南", "Vietnam")), (_korea, ("韩国", "Korea"))):
        b, event = peer(inputs, month, lang, missing)
        blocks += b
        if b:
            shown.append(names)
        if event:
            bits.append(event)
    summary = None
    if bits:
        summary = tr("外部指标看，", "Peers: ", lang) + tr("；", "; ", lang).join(bits) + tr("。", ".", lang)
    return blocks, summary, shown


def _lag_lead(pm: pd.Period, month: pd.Period, zh: str, en: str, lang: str) -> str:
    if pm == month:
        return ""
    return tr(f"{zh}数据最新为{F.month_label(pm)}：", f"{en} data end in {F.month_label(pm, 'en')}. ", lang)


def _vietnam(inputs: Inputs, month: pd.Period, lang: str, missing: list[str]) -> tuple[list[Any], str | None]:
    S = inputs.series
    if not inputs.has("vn_exports_world"):
        missing += [i for i in ("vn_exports_world", "vn_exports_us") if not inputs.has(i)]
        return [], None
    vn = _usd(S["vn_exports_world"])
    vm = _peer_month(vn, month)
    if vm is None:
        return [], None
    h = trade_headline(vn, vm, name=("越南出口", "Vietnam's exports"), long_label=vm != month)
    if not is_computable(h):
        return [], None
    text = _lag_lead(vm, month, "越南", "Vietnam", lang) + h.summary(lang)
    figs: list[Any] = []
    for sid, zh, en in (("vn_exports_us", "越南对美出口", "Vietnam's exports to the US"),
                        ("vn_exports_world", "越南总出口", "Vietnam's total exports")):
        if not inputs.has(sid):
            missing.append(sid)
            continue
        sc = seasonal_comparison(_usd(S[sid]), vm, name=(zh, en))
        if is_computable(sc):
            text += tr("", " ", lang) + sc.summary(lang)
            figs.append(Figure(sc.chart(lang, ylabel=tr("亿美元", "USD 100m", lang)),
                               tr(f"{zh}：各年分月金额", f"{en}: value by calendar month", lang), source=source_line([S[sid]], lang)))
    blocks: list[Any] = [Paragraph(text), *figs]
    parts, labels, used = _frame(inputs, I.VN_PRODUCTS, lambda k: f"vn_exports_product_{k}")
    if len(parts.columns):
        c = trade_contributions(parts, vn, vm, labels=labels, name=("越南出口", "Vietnam's exports"), what=("产品", "Product"))
        if is_computable(c):
            blocks.append(Paragraph(c.summary(lang)))
            blocks.append(Figure(c.chart(lang), tr("越南出口分产品拉动", "Vietnam: contributions to export YoY by product", lang),
                                 source=source_line([S["vn_exports_world"], *used], lang)))
    else:
        missing.append("vn_exports_product_*")
    return blocks, h.event(lang)  # a lagging month carries its year ("2025年6月")


def _korea(inputs: Inputs, month: pd.Period, lang: str, missing: list[str]) -> tuple[list[Any], str | None]:
    from macrodesk import transforms as T

    S = inputs.series
    if not inputs.has("kr_exports_world"):
        missing.append("kr_exports_world")
        return [], None
    kr_s = S["kr_exports_world"]
    kr = _usd(kr_s)
    km = _peer_month(kr, month)
    h = trade_headline(kr, km, name=("韩国出口", "Korea's exports"), long_label=km != month) if km is not None else None
    blocks: list[Any] = []
    event = None
    if km is not None and h is not None and is_computable(h):
        event = h.event(lang)
        blocks.append(Paragraph(_lag_lead(km, month, "韩国", "Korea", lang) + h.summary(lang)))
        parts, labels, used = _frame(inputs, I.KR_PARTNERS, lambda k: f"kr_exports_{k}")
        if len(parts.columns):
            c = trade_contributions(parts, kr, km, labels=labels, name=("韩国出口", "Korea's exports"), what=("地区", "Partner"))
            if is_computable(c):
                blocks.append(Paragraph(c.summary(lang)))
                blocks.append(Figure(c.chart(lang), tr("韩国出口分地区拉动", "Korea: contributions to export YoY by partner", lang),
                                     source=source_line([kr_s, *used], lang),
                                     note=tr("其他 = 出口同比 − 所列地区拉动之和（含当月未单列的地区）",
                                             "other = total YoY − listed partners (incl. partners not reported that month)", lang)))
        parts, labels, used = _frame(inputs, I.KR_PRODUCTS, lambda k: f"kr_exports_product_{k}")
        if len(parts.columns):
            c = trade_contributions(parts, kr, km, labels=labels, name=("韩国出口", "Korea's exports"), what=("产品", "Product"))
            if is_computable(c):
                blocks.append(Paragraph(c.summary(lang)))
                blocks.append(Figure(c.chart_cagr(lang), tr("韩国出口分产品两年复合增速", "Korea: two-year compound export growth by product", lang),
                                     source=source_line([kr_s, *used], lang), note=tr("增速为两年复合同比", "two-year compound growth", lang)))
        else:
            missing.append("kr_exports_product_*")
    # the first-20-days release of the report month
    if inputs.has("kr_exports_20d_world") and np.isfinite(_usd(S["kr_exports_20d_world"]).get(month, np.nan)):
        k20 = _usd(S["kr_exports_20d_world"])
        h20 = trade_headline(k20, month, name=("韩国前20日出口", "Korea's first-20-day exports"))
        if is_computable(h20):
            text = h20.summary(lang)
            fig = None
            parts, labels, used = _frame(inputs, I.KR_PRODUCTS, lambda k: f"kr_exports_20d_product_{k}")
            if len(parts.columns):
                c = trade_contributions(parts, k20, month, labels=labels, name=("韩国前20日出口", "Korea's first-20-day exports"),
                                        what=("产品", "Product"))
                if is_computable(c):
                    text += tr("", " ", lang) + c.summary(lang)
                    fig = Figure(c.chart_marginal(lang), tr(f"韩国{month.month}月前20日出口分产品拉动",
                                                            f"Korea, first 20 days of {month.strftime('%B')}: contributions by product", lang),
                                 source=source_line([S["kr_exports_20d_world"], *used], lang))
            blocks.append(Paragraph(text))
            if fig is not None:
                blocks.append(fig)
            event = event or h20.event(lang)
    elif not inputs.has("kr_exports_20d_world"):
        missing.append("kr_exports_20d_*")
    # semiconductor prices vs volume
    if inputs.has("kr_export_price_semiconductors", "kr_exports_product_semiconductors"):
        v = _usd(S["kr_exports_product_semiconductors"])
        ipv = index_price_volume(T.yoy(v), T.yoy(S["kr_export_price_semiconductors"].data), month,
                                 name=("韩国半导体出口", "Korea's semiconductor exports"))
        if is_computable(ipv) and ipv.last >= month - PEER_MAX_LAG:
            c2 = T.cagr2y(S["kr_export_price_semiconductors"].data).get(ipv.last, np.nan)
            extra = ""
            if np.isfinite(c2):
                extra = tr(f"韩国半导体出口价格两年复合增速{F.pct(c2 * 100)}。",
                           f" Korea's semiconductor export prices rose at a two-year compound rate of {F.pct(c2 * 100)}.", lang)
            blocks.append(Paragraph(ipv.summary(lang) + extra))
            blocks.append(Figure(ipv.chart(lang), tr("韩国半导体出口：数量与价格贡献", "Korea's semiconductor exports: volume vs price", lang),
                                 source=source_line([S["kr_exports_product_semiconductors"], S["kr_export_price_semiconductors"]], lang)))
    elif not inputs.has("kr_export_price_semiconductors"):
        missing.append("kr_export_price_semiconductors")
    return blocks, event


# ---------------------------------------------------------------- price vs volume
def _price_volume(inputs: Inputs, month: pd.Period, lang: str, missing: list[str]) -> list[Any]:
    S = inputs.series
    blocks: list[Any] = []
    vals, qtys, labels, used = {}, {}, {}, []
    for k, zh, en in I.PV_ITEMS:
        if inputs.has(I.product_id(k), I.quantity_id(k)):
            vals[k] = _usd(S[I.product_id(k)])
            qtys[k] = S[I.quantity_id(k)].data
            labels[k] = (zh, en)
            used += [S[I.product_id(k)], S[I.quantity_id(k)]]
    if vals:
        pv = item_price_volume(pd.DataFrame(vals), pd.DataFrame(qtys), month, labels=labels)
        if is_computable(pv):
            src = source_line(used, lang)
            text = pv.summary(lang) + tr("", " ", lang) + tr("", " ", lang).join(pv.sentence(k, lang) for k in pv.table.index)
            blocks.append(Paragraph(text))
            blocks.append(Figure(pv.chart(lang), tr(f"{month_word(month, lang)}主要产品出口金额同比：数量与价格贡献",
                                                    f"Export value YoY of main products in {month.strftime('%B')}: quantity vs price", lang),
                                 source=src, note=tr("单价同比 =（1+金额同比）/（1+数量同比）− 1；按对数分解为数量与价格贡献",
                                                     "unit value = (1+value YoY)/(1+quantity YoY) − 1; split in logs", lang)))
            key = "ics" if "ics" in pv.table.index else pv.table.index[0]
            blocks.append(Figure(pv.chart_item(key, lang), tr(f"{pv.label(key)}出口金额同比：数量与价格贡献",
                                                              f"{pv.label(key, 'en')} exports: quantity vs price", lang), source=src))
    else:
        missing.append("exports_qty_product_*")
    if inputs.has("export_price_index_hs2"):
        epi = S["export_price_index_hs2"].to_fraction()
        ipv = index_price_volume(S["exports_usd_yoy"].to_fraction(), epi, month, name=("出口", "export"))
        if is_computable(ipv) and ipv.last >= month - 24:
            blocks.append(Paragraph(ipv.summary(lang)))
            blocks.append(Figure(ipv.chart(lang), tr("出口金额同比：数量与价格贡献（海关出口价格指数）",
                                                     "Export value YoY: volume vs price (customs export price index)", lang),
                                 source=source_line([S["exports_usd_yoy"], S["export_price_index_hs2"]], lang),
                                 note=tr("数量 =（1+金额同比）/（1+价格指数同比）− 1", "volume = (1+value YoY)/(1+price YoY) − 1", lang)))
    return blocks


# ---------------------------------------------------------------- nowcast
def _nowcast(inputs: Inputs, month: pd.Period, lang: str, missing: list[str]) -> tuple[list[Any], str | None]:
    """The export nowcast for the month after ``month`` from what was known on the flash's date."""
    S = inputs.series
    hf = next(((i, zh, en) for i, zh, en, _ in I.HF_INDICATORS if inputs.has(i)), None)
    if hf is None:
        missing.append(" / ".join(HF_IDS))
        return [], None
    sid, zh, en = hf
    target = month + 1
    model = TradeNowcaster(TradeSpec(indicator=sid, window=36, min_obs=12, name_zh=zh, name_en=en))
    try:
        pred = model.predict(model.info_set(S, release_date(month), ids=model.series_ids()))
    except ModelError as exc:
        return [Paragraph(tr(f"高频指标{sid}无法用于预测：{exc}", f"The indicator {sid} cannot be used: {exc}", lang))], None
    if not is_computable(pred):
        return [Paragraph(tr(f"{zh}：高频预测无法计算，{pred.reason_zh or pred.reason}。",
                             f"{en[:1].upper() + en[1:]}: no nowcast, {pred.reason}.", lang))], None
    text = trade_nowcast_text(pred, lang)
    span = tr(f"{target.month}月前{pred.day}日", f"the first {pred.day} days of {target.strftime('%B')}", lang)
    fig = Figure(trade_nowcast_chart(pred, lang),
                 tr(f"{zh}指向{span}出口同比在{F.pct(pred.point * 100)}左右",
                    f"{(en[:1].upper() + en[1:])} point to export YoY of about {F.pct(pred.point * 100)} in {span}", lang),
                 source=source_line([S[sid], S["exports_usd_yoy"]], lang),
                 note=tr(f"出口同比对{zh}同比（每月前{pred.day}日、与上年同期对齐）的OLS回归；区间为{int(round((1 - pred.alpha) * 100))}%预测区间",
                         f"OLS of export YoY on the indicator's YoY over the first {pred.day} days of each month; "
                         f"{int(round((1 - pred.alpha) * 100))}% prediction interval", lang))
    lead = tr(f"高频数据指向{span}出口同比在{F.pct(pred.point * 100)}左右。",
              f"High-frequency data point to export YoY of about {F.pct(pred.point * 100)} in {span}.", lang)
    return [_para(text + tr("", " ", lang) + trade_fit_text(pred.fit, lang), lead, lang), fig], lead
