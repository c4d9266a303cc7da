"""The trade flash's peers: Vietnam's and Korea's exports (section 1.2 of the flash).

:func:`compute_peers` reads the peers' series (USD levels, ids in
:mod:`macrodesk.models.trade.ids`) and returns a language-free
:class:`PeersResults`; :func:`render_peers` turns it into the sub-section's blocks
and its key-point sentence in one language. Data older than :data:`PEER_MAX_LAG`
months before the report month are not shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from macrodesk import transforms as T
from macrodesk.analyses._common import Inputs
from macrodesk.analyses.trade.levels import Breakdown, breakdown, parts_frame, usd
from macrodesk.models._base import is_computable
from macrodesk.models.trade import ids as I
from macrodesk.models.trade.headline import SeasonalComparison, TradeHeadline, seasonal_comparison, trade_headline
from macrodesk.models.trade.prices import IndexPriceVolume, index_price_volume
from macrodesk.reports.exhibits import exhibit
from macrodesk.reports.model import Figure, Paragraph
from macrodesk.reports.views import trade as V
from macrodesk.reports.views import trade_structure as VS
from macrodesk.reports.views.freshness import Staleness
from macrodesk.series import MacroSeries
from macrodesk.text import format as F
from macrodesk.text import source_line, tr

__all__ = ["PEER_MAX_LAG", "PeersResults", "VietnamResults", "KoreaResults", "compute_peers", "render_peers"]

#: Korea or Vietnam data older than this many months before the report month are not shown.
PEER_MAX_LAG = 11


# ---------------------------------------------------------------- results
@dataclass(frozen=True)
class SeasonalLine:
    """One Vietnamese series' seasonal comparison, with its names and series (for the source)."""

    comparison: SeasonalComparison
    name: tuple[str, str]
    series: MacroSeries


@dataclass(frozen=True)
class VietnamResults:
    """Vietnam's exports in ``data_month`` (the latest month not older than :data:`PEER_MAX_LAG`)."""

    data_month: pd.Period
    headline: TradeHeadline
    seasonal: tuple[SeasonalLine, ...]
    products: Breakdown | None


@dataclass(frozen=True)
class PartnerCoverage:
    """How much of Korea's exports the listed partners are in ``month``: ``n`` partners,
    ``share`` of the total (this month), ``pull`` their combined contribution to the total's
    YoY and ``rest`` the contribution of the partners not listed (fractions)."""

    month: pd.Period
    n: int
    share: float
    pull: float
    rest: float


@dataclass(frozen=True)
class KoreaResults:
    """Korea's exports: the monthly release in ``data_month`` (None when too old), the
    first-20-days release of the report month, and semiconductor prices vs volume.

    ``partners`` are contributions to the YoY of Korea's exports to the listed partners
    (their sum), not to the total: the bundled data list 9 partners, under half of Korea's
    exports, so contributions to the total would be mostly a residual. ``coverage`` says
    how much of the total they are and what the rest contributed."""

    data_month: pd.Period | None
    headline: TradeHeadline | None
    partners: Breakdown | None
    products: Breakdown | None
    first20: TradeHeadline | None
    first20_products: Breakdown | None
    semis: IndexPriceVolume | None
    semis_price_cagr2y: float
    semis_series: tuple[MacroSeries, ...]
    coverage: PartnerCoverage | None = None


@dataclass(frozen=True)
class PeersResults:
    month: pd.Period
    vietnam: VietnamResults | None
    korea: KoreaResults | None


# ---------------------------------------------------------------- compute
def _peer_month(s: pd.Series, month: pd.Period) -> pd.Period | None:
    obs = s.dropna()
    obs = obs[obs.index <= month]
    if not len(obs) or obs.index[-1] < month - PEER_MAX_LAG:
        return None
    last: pd.Period = obs.index[-1]
    return last


def compute_peers(inputs: Inputs, month: pd.Period, missing: list[str]) -> PeersResults:
    """Vietnam and Korea for report month ``month``; absent inputs are added to ``missing``."""
    return PeersResults(month, _vietnam(inputs, month, missing), _korea(inputs, month, missing))


def _vietnam(inputs: Inputs, month: pd.Period, missing: list[str]) -> VietnamResults | None:
    S = inputs.series
    if not inputs.has("vn_exports_world"):
        missing += [i for i in ("vn_exports_world", "vn_exports_us") if not inputs.has(i)]
        return None
    vn = usd(S["vn_exports_world"])
    vm = _peer_month(vn, month)
    if vm is None:
        return None
    h = trade_headline(vn, vm, name=("越南出口", "Vietnam's exports"), long_label=vm != month)
    if not is_computable(h):
        return None
    lines: list[SeasonalLine] = []
    for sid, zh, en in (("vn_exports_us", "越南对美出口", "Vietnam's exports to the US"),
                        ("vn_exports_world", "越南总出口", "Vietnam's total exports")):
        if not inputs.has(sid):
            missing.append(sid)
            continue
        sc = seasonal_comparison(usd(S[sid]), vm, name=(zh, en))
        if is_computable(sc):
            lines.append(SeasonalLine(sc, (zh, en), S[sid]))
    products = breakdown(inputs, I.VN_PRODUCTS, lambda k: f"vn_exports_product_{k}", vn, S["vn_exports_world"], vm,
                         name=("越南出口", "Vietnam's exports"), what=("产品", "Product"),
                         missing=missing, missing_id="vn_exports_product_*", janfeb=True)
    return VietnamResults(vm, h, tuple(lines), products)


def _korea(inputs: Inputs, month: pd.Period, missing: list[str]) -> KoreaResults | None:
    S = inputs.series
    if not inputs.has("kr_exports_world"):
        missing.append("kr_exports_world")
        return None
    kr_s = S["kr_exports_world"]
    kr = usd(kr_s)
    km = _peer_month(kr, month)
    h = trade_headline(kr, km, name=("韩国出口", "Korea's exports"), long_label=km != month) if km is not None else None
    partners = products = coverage = None
    if km is not None and h is not None and is_computable(h):
        name = ("韩国出口", "Korea's exports")
        partners, coverage = _korea_partners(inputs, kr, kr_s, km, missing)
        products = breakdown(inputs, I.KR_PRODUCTS, lambda k: f"kr_exports_product_{k}", kr, kr_s, km,
                             name=name, what=("产品", "Product"), missing=missing,
                             missing_id="kr_exports_product_*")
    else:
        h = None
    first20, first20_products = _korea_first20(inputs, month, missing)
    semis, c2, semis_series = _korea_semis(inputs, month, missing)
    return KoreaResults(km, h, partners, products, first20, first20_products, semis, c2, semis_series, coverage)


def _korea_partners(inputs: Inputs, kr: pd.Series, kr_s: MacroSeries, km: pd.Period,
                    missing: list[str]) -> tuple[Breakdown | None, PartnerCoverage | None]:
    """Contributions to the YoY of exports to the listed partners (their sum), and their coverage of the total."""
    parts, _, _ = parts_frame(inputs, I.KR_PARTNERS, lambda k: f"kr_exports_{k}")
    if not len(parts.columns):
        missing.append("kr_exports_<partner>")
        return None, None
    basket = parts.sum(axis=1, min_count=1).reindex(kr.index.union(parts.index))
    c = breakdown(inputs, I.KR_PARTNERS, lambda k: f"kr_exports_{k}", basket, kr_s, km,
                  name=("韩国对所列地区出口", "Korea's exports to the listed partners"), what=("地区", "Partner"),
                  missing=missing)
    if c is None:
        return None, None
    t, b = kr.reindex(basket.index), basket
    prior = km - 12
    share = float(b.get(km, np.nan) / t.get(km, np.nan))
    pull = float((b.get(km, np.nan) - b.get(prior, np.nan)) / t.get(prior, np.nan))
    total = float(t.get(km, np.nan) / t.get(prior, np.nan) - 1)
    n = int(parts.reindex([km]).notna().to_numpy().sum())
    cov = PartnerCoverage(km, n, share, pull, total - pull)
    return c, (cov if np.isfinite(share) and np.isfinite(pull) else None)


def _korea_first20(inputs: Inputs, month: pd.Period, missing: list[str]) -> tuple[TradeHeadline | None, Breakdown | None]:
    """The first-20-days release of the report month and its products' contributions."""
    S = inputs.series
    if not inputs.has("kr_exports_20d_world"):
        missing.append("kr_exports_20d_*")
        return None, None
    k20 = usd(S["kr_exports_20d_world"])
    if not np.isfinite(k20.get(month, np.nan)):
        return None, None
    name = ("韩国前20日出口", "Korea's first-20-day exports")
    h20 = trade_headline(k20, month, name=name)
    if not is_computable(h20):
        return None, None
    c = breakdown(inputs, I.KR_PRODUCTS, lambda k: f"kr_exports_20d_product_{k}", k20, S["kr_exports_20d_world"], month,
                  name=name, what=("产品", "Product"), missing=missing)
    return h20, c


def _korea_semis(inputs: Inputs, month: pd.Period,
                 missing: list[str]) -> tuple[IndexPriceVolume | None, float, tuple[MacroSeries, ...]]:
    """Semiconductor export value vs the export price index: the split and the prices' two-year growth."""
    S = inputs.series
    if not inputs.has("kr_export_price_semiconductors", "kr_exports_product_semiconductors"):
        if not inputs.has("kr_export_price_semiconductors"):
            missing.append("kr_export_price_semiconductors")
        return None, float("nan"), ()
    vs, ps = S["kr_exports_product_semiconductors"], S["kr_export_price_semiconductors"]
    ipv = index_price_volume(T.yoy(usd(vs)), T.yoy(ps.data), month, name=("韩国半导体出口", "Korea's semiconductor exports"))
    if not (is_computable(ipv) and ipv.last >= month - PEER_MAX_LAG):
        return None, float("nan"), ()
    c2 = float(T.cagr2y(ps.data).get(ipv.last, np.nan))
    return ipv, c2, (vs, ps)


# ---------------------------------------------------------------- render
def render_peers(peers: PeersResults, lang: str,
                 fr: Staleness | None = None) -> tuple[list[Any], str | None, list[tuple[str, str]]]:
    """Blocks for the peers sub-section, one key-point sentence, the peers shown ((zh, en) names).

    ``fr`` marks the inputs that end before the report month (in the key point: '韩国出口（截至2025年6月）…')."""
    fr = fr or Staleness(None, peers.month, lang)
    blocks: list[Any] = []
    bits: list[str] = []
    shown: list[tuple[str, str]] = []
    for b, event, names in ((*_vietnam_blocks(peers.vietnam, peers.month, lang, fr), ("越南", "Vietnam")),
                            (*_korea_blocks(peers.korea, peers.month, lang, fr), ("韩国", "Korea"))):
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


def _vietnam_blocks(vn: VietnamResults | None, month: pd.Period, lang: str,
                    fr: Staleness) -> tuple[list[Any], str | None]:
    if vn is None:
        return [], None
    h = vn.headline
    upto = V.data_to(vn.data_month, month, lang)  # '（截至2025年2月）' when Vietnam's data end earlier
    text = _lag_lead(vn.data_month, month, "越南", "Vietnam", lang) + V.headline_text(h, lang)
    figs: list[Any] = []
    for line in vn.seasonal:
        zh, en = line.name
        text += tr("", " ", lang) + V.seasonal_text(line.comparison, lang)
        # the months drawn end with the comparison's; the caption carries the data's end when it is early
        spec = exhibit(f"{line.series.id}_by_month")
        fig = spec.figure({line.series.id: line.series}, line.comparison.month, lang, staleness=fr)
        figs.append(fig if not upto or upto in fig.caption else fig.with_text(fig.caption + upto, fig.note))
    blocks: list[Any] = [Paragraph(text), *figs]
    if vn.products is not None:
        c = vn.products.result
        blocks.append(Paragraph(VS.contributions_text(c, lang)))
        blocks.append(Figure(VS.contributions_chart(c, lang),
                             **fr.exhibit(tr("越南出口分产品拉动", "Vietnam: contributions to export YoY by product", lang) + upto,
                                          vn.products.series,
                                          note=tr("其他 = 出口同比 − 所列产品拉动之和；越南统计局当月初值，次月修订",
                                                  "other = total YoY − listed products; GSO first estimates, revised the next month", lang)
                                          + (tr("；1-2月合并计算（春节错月）", "; Jan and Feb combined (Tet timing)", lang)
                                             if c.month.month in (2, 3) else "")),
                             source=source_line(list(vn.products.series), lang)))
    return blocks, V.headline_event(h, lang, mark=fr.mark(["vn_exports_world"]))


def _korea_blocks(kr: KoreaResults | None, month: pd.Period, lang: str,
                  fr: Staleness) -> tuple[list[Any], str | None]:
    if kr is None:
        return [], None
    blocks: list[Any] = []
    event = None
    if kr.headline is not None and kr.data_month is not None:
        event = V.headline_event(kr.headline, lang, mark=fr.mark(["kr_exports_world"]))
        blocks.append(Paragraph(_lag_lead(kr.data_month, month, "韩国", "Korea", lang) + V.headline_text(kr.headline, lang)))
        if kr.partners is not None:
            c = kr.partners.result
            cov = kr.coverage
            lead = VS.coverage_text(cov.n, cov.share, cov.pull, cov.rest, ("韩国出口", "Korea's exports"), lang) if cov else ""
            blocks.append(Paragraph(lead + tr("", " ", lang) * bool(lead) + VS.contributions_text(c, lang)))
            note = tr("拉动为各地区对所列地区出口合计同比的贡献", "contributions to the YoY of exports to the listed partners combined", lang)
            if cov is not None:
                note += tr(f"；所列{cov.n}个地区占韩国出口的{F.num(cov.share * 100, 0)}%（{F.month_label(cov.month)}），其余地区数据未单列",
                           f"; the {cov.n} partners were {F.num(cov.share * 100, 0)}% of Korea's exports in "
                           f"{F.month_label(cov.month, 'en')}, the others are not reported by partner", lang)
            if VS.has_residual(c):
                note += tr("；其他 = 当月未单列的所列地区", "; other = listed partners not reported that month", lang)
            blocks.append(Figure(VS.contributions_chart(c, lang, max_parts=len(I.KR_PARTNERS)),
                                 **fr.exhibit(tr("韩国对主要地区出口：分地区拉动", "Korea's exports to its main partners: contributions by partner", lang),
                                              kr.partners.series, note=note),
                                 source=source_line(list(kr.partners.series), lang)))
        if kr.products is not None:
            c = kr.products.result
            blocks.append(Paragraph(VS.contributions_text(c, lang)))
            blocks.append(Figure(VS.contributions_cagr_chart(c, lang),
                                 **fr.exhibit(tr("韩国出口分产品两年复合增速", "Korea: two-year compound export growth by product", lang),
                                              kr.products.series, note=tr("增速为两年复合同比", "two-year compound growth", lang)),
                                 source=source_line(list(kr.products.series), lang)))
    if kr.first20 is not None:
        blocks += _first20_blocks(kr.first20, kr.first20_products, month, lang, fr)
        event = event or V.headline_event(kr.first20, lang, mark=fr.mark(["kr_exports_20d_world"]))
    if kr.semis is not None:
        c2 = kr.semis_price_cagr2y
        extra = ""
        if np.isfinite(c2):
            extra = tr(f"韩国半导体出口价格两年复合增速{F.pct(c2 * 100)}。",
                       f" Korea's semiconductor export prices rose at a two-year compound rate of {F.pct(c2 * 100)}.", lang)
        blocks.append(Paragraph(VS.index_pv_text(kr.semis, lang) + extra))
        blocks.append(Figure(VS.index_pv_chart(kr.semis, lang),
                             **fr.exhibit(tr("韩国半导体出口：数量与价格贡献", "Korea's semiconductor exports: volume vs price", lang),
                                          kr.semis_series),
                             source=source_line(list(kr.semis_series), lang)))
    return blocks, event


def _first20_blocks(h20: TradeHeadline, products: Breakdown | None, month: pd.Period, lang: str,
                    fr: Staleness) -> list[Any]:
    text = V.headline_text(h20, lang)
    if products is None:
        return [Paragraph(text)]
    c = products.result
    text += tr("", " ", lang) + VS.contributions_text(c, lang)
    fig = Figure(VS.contributions_marginal_chart(c, lang),
                 **fr.exhibit(tr(f"韩国{month.month}月前20日出口分产品拉动",
                                 f"Korea, first 20 days of {month.strftime('%B')}: contributions by product", lang),
                              products.series),
                 source=source_line(list(products.series), lang))
    return [Paragraph(text), fig]
