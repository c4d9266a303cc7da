"""CPI/PPI flash (通胀数据点评): the note written on the day NBS releases the month's prices.

The ``cpi-ppi-flash`` recipe, in two steps like the other reports:

* :func:`compute` — every number, language-free, in a frozen :class:`FlashResults`:
  CPI and PPI YoY and MoM against the prior month, the Wind consensus (``*_consensus``,
  where stored) and macrodesk's own nowcast made on the eve of the release (the bridge
  nowcasters of :mod:`macrodesk.models.nowcast`, on an information set cut the day before
  the release: nothing of the month's own print is seen); the pulls of food / non-food and
  goods / services on the headline (:mod:`macrodesk.models.inflation.pulls`) and the
  components' YoY; the carry-over vs new-price split of CPI and PPI
  (:func:`~macrodesk.models.inflation.review.carryover_review`); this month's MoM against
  the same month of the last 5 and 10 years
  (:func:`~macrodesk.models.inflation.review.seasonal_review` over one month); PPI by major
  group; next month's nowcast with its 80% interval, made on the release day.
* :func:`render` — the note in one language (views: :mod:`macrodesk.reports.views.inflation_flash`).

The release day is the one stored with the month's CPI print where known, else the NBS
calendar's (:func:`macrodesk.series.calendar.release_date`). The nowcasts go through the
results cache (:func:`macrodesk.cache.cached`), keyed by the series they read and the date.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from macrodesk import cache
from macrodesk import transforms as T
from macrodesk.analyses._common import Inputs, input_status, missing_notice
from macrodesk.exceptions import MacrodeskError, ReportError
from macrodesk.models._base import NotComputable, pindex
from macrodesk.models.inflation.pulls import ImpliedSplit, ItemPulls, implied_split, item_pulls
from macrodesk.models.inflation.review import CarryoverReview, SeasonalReview, carryover_review, seasonal_review
from macrodesk.models.nowcast.base import Nowcast
from macrodesk.reports.exhibits import exhibit
from macrodesk.reports.model import Block, Figure, Notice, Paragraph, Report, Section, Table
from macrodesk.reports.views import inflation_flash as V
from macrodesk.reports.views import review as VR
from macrodesk.reports.views.freshness import Staleness
from macrodesk.series import parse_period
from macrodesk.series.calendar import release_date
from macrodesk.text import format as F
from macrodesk.text import label, source_line, tr

__all__ = ["COMPONENTS", "FlashNowcast", "FlashResults", "GROUPS", "GROUP_MAX_LAG", "SPLITS", "HF_IDS", "HF_LOOKAHEAD_MONTHS", "Headline",
           "NOWCAST_MODEL", "OPTIONAL", "REQUIRED", "build", "compute", "render"]

#: The model behind the flash's nowcasts (the fast one; the outlook backtests the same model).
NOWCAST_MODEL = "bridge"

#: CPI components shown when printed for the month: (series id, Chinese, English, weight code or None).
#: A weight code names the stored basket weight ``cpi_weight_<code>`` that gives the item's pull.
COMPONENTS: tuple[tuple[str, str, str, str | None], ...] = (
    ("cpi_food_yoy", "食品", "Food", None),
    ("cpi_nonfood_yoy", "非食品", "Non-food", None),
    ("cpi_core_yoy", "核心CPI", "Core CPI", None),
    ("cpi_consumer_goods_yoy", "消费品", "Consumer goods", None),
    ("cpi_services_yoy", "服务", "Services", None),
    ("cpi_pork_yoy", "猪肉", "Pork", "pork"),
    ("cpi_beef_yoy", "牛肉", "Beef", "beef"),
    ("cpi_mutton_yoy", "羊肉", "Mutton", "mutton"),
    ("cpi_fresh_veg_yoy", "鲜菜", "Fresh vegetables", "fresh_veg"),
    ("cpi_fresh_fruit_yoy", "鲜果", "Fresh fruit", "fresh_fruit"),
    ("cpi_eggs_yoy", "蛋类", "Eggs", "eggs"),
    ("cpi_energy_yoy", "能源", "Energy", None),
    ("cpi_gasoline_yoy", "汽油", "Gasoline", None),
    ("cpi_gold_jewelry_yoy", "金饰品", "Gold jewellery", None),
)

#: The two splits of the CPI into parts that add up to it: (part a, part b) ids.
SPLITS: tuple[tuple[str, str], ...] = (("cpi_food_yoy", "cpi_nonfood_yoy"),
                                       ("cpi_consumer_goods_yoy", "cpi_services_yoy"))

#: PPI groups shown when stored: (series id, Chinese, English).
GROUPS: tuple[tuple[str, str, str], ...] = (
    ("ppi_producer_goods_yoy", "生产资料", "Producer goods"),
    ("ppi_mining_yoy", "采掘工业", "Mining"),
    ("ppi_raw_materials_yoy", "原材料工业", "Raw materials"),
    ("ppi_processing_yoy", "加工工业", "Processing"),
    ("ppi_consumer_goods_yoy", "生活资料", "Consumer goods"),
)
_NAMES: dict[str, tuple[str, str]] = {**{i: (zh, en) for i, zh, en, _ in COMPONENTS}, **{i: (zh, en) for i, zh, en in GROUPS}}
#: A group whose last print is more than this many months before the flash's month is left out.
GROUP_MAX_LAG = 6


def _nowcast_ids() -> tuple[str, ...]:
    from macrodesk.models.nowcast import make_model

    return tuple(dict.fromkeys(i for t in ("cpi_yoy", "ppi_yoy") for i in make_model(NOWCAST_MODEL, t).series_ids()))


def _dated_ids() -> tuple[str, ...]:
    from macrodesk.models.nowcast.bridge import BRIDGE_SPECS

    return tuple(dict.fromkeys(sid for spec in BRIDGE_SPECS.values() for inp in spec.inputs
                               for sid in (inp.id, *inp.alternatives)))


#: Series the report cannot do without, and those it uses when present.
REQUIRED: tuple[str, ...] = ("cpi_yoy", "cpi_mom")
OPTIONAL: tuple[str, ...] = tuple(dict.fromkeys(
    ["ppi_yoy", "ppi_mom", "cpi_yoy_consensus", "ppi_yoy_consensus", "ppi_mining_index"]
    + [i for i, *_ in COMPONENTS] + [f"cpi_weight_{w}" for *_, w in COMPONENTS if w]
    + [i for i, _, _ in GROUPS] + list(_nowcast_ids())
))
#: High-frequency inputs of the nowcasts: read up to the release day, in the month after the flash's.
HF_IDS: tuple[str, ...] = _dated_ids()
HF_LOOKAHEAD_MONTHS = 1


# ---------------------------------------------------------------- results
@dataclass(frozen=True)
class FlashNowcast:
    """A nowcast of ``target`` for ``month`` made on ``as_of``: the :class:`Nowcast`, NotComputable, or
    the error text when the model could not run; ``inputs`` the ids of the series it read."""

    target: str
    month: pd.Period
    as_of: pd.Timestamp
    result: Nowcast | NotComputable | str
    inputs: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return isinstance(self.result, Nowcast)


@dataclass(frozen=True)
class Headline:
    """One index in the month (fractions): YoY and MoM, the prior month's, the consensus and the eve nowcast."""

    name: str
    yoy: float
    yoy_prior: float
    mom: float
    mom_prior: float
    consensus: float
    nowcast: FlashNowcast | None

    @property
    def nowcast_print(self) -> float:
        """The nowcast's implied print (percent, one decimal), NaN without a nowcast."""
        n = self.nowcast
        return n.result.yoy_print if n is not None and isinstance(n.result, Nowcast) else float("nan")


@dataclass(frozen=True)
class FlashResults:
    """Everything the flash says, as numbers (no language).

    ``release`` is the release day of ``month`` and whether it is the calendar's estimate;
    ``components`` the component ids printed for the month; ``splits`` the two implied
    splits (food / non-food, goods / services); ``seasonal`` this month's MoM against the
    same month of the last 5 and 10 years; ``groups`` PPI groups' YoY (last print at most
    :data:`GROUP_MAX_LAG` months old); ``next_cpi`` / ``next_ppi`` next month's nowcasts;
    ``status`` each input's last period and staleness against ``month``
    (:func:`~macrodesk.analyses._common.input_status`).
    """

    inputs: Inputs
    month: pd.Period
    release: _dt.date
    release_estimated: bool
    cpi: Headline
    ppi: Headline | None
    components: tuple[str, ...]
    splits: tuple[ImpliedSplit | NotComputable, ...]
    items: ItemPulls
    carryover: CarryoverReview
    ppi_carryover: CarryoverReview | None
    seasonal: SeasonalReview
    ppi_seasonal: SeasonalReview | None
    norm: pd.DataFrame
    norm_years: range
    groups: dict[str, pd.Series]
    next_cpi: FlashNowcast | None
    next_ppi: FlashNowcast | None
    missing: tuple[str, ...]
    names: dict[str, tuple[str, str]]
    status: pd.DataFrame | None = None


# ---------------------------------------------------------------- compute
def _release(inputs: Inputs, month: pd.Period) -> tuple[_dt.date, bool]:
    """The day ``month``'s CPI was published: as stored with the print, else the NBS calendar's."""
    rel = inputs["cpi_yoy"].released
    day = rel.get(month) if rel is not None else None
    if day is not None and pd.notna(day):
        return pd.Timestamp(day).date(), False
    r = release_date("nbs_prices", month)
    return r.date, r.estimated


def _run_nowcast(target: str, data: dict[str, Any], as_of: pd.Timestamp, release_day: int,
                 month: pd.Period) -> Nowcast | NotComputable | str:
    from macrodesk.models.nowcast import make_model

    model = make_model(NOWCAST_MODEL, target)
    try:
        info = model.info_set(data, as_of, release_day=release_day)
        if info.month != month:
            return f"the information set of {as_of.date()} is about {info.month}, not {month}"
        return model.predict(info)
    except MacrodeskError as exc:
        return str(exc)


def _nowcast(inputs: Inputs, target: str, month: pd.Period, as_of: pd.Timestamp, release_day: int) -> FlashNowcast:
    """The bridge nowcast of ``target`` for ``month`` from what was known on ``as_of`` (cached)."""
    from macrodesk.models.nowcast import make_model

    ids = make_model(NOWCAST_MODEL, target).series_ids()
    data = {i: inputs.series[i] for i in ids if inputs.has(i)}
    res = cache.cached("cpi_ppi_flash.nowcast", (NOWCAST_MODEL, target, month, as_of, release_day, data),
                       lambda: _run_nowcast(target, data, as_of, release_day, month))
    return FlashNowcast(target, month, as_of, res, tuple(data))


def _value(inputs: Inputs, sid: str, p: pd.Period) -> float:
    return float(inputs[sid].to_fraction().get(p, np.nan)) if inputs.has(sid) else float("nan")


def _headline(inputs: Inputs, key: str, month: pd.Period, eve: pd.Timestamp, rday: int) -> Headline:
    yoy, mom = f"{key}_yoy", f"{key}_mom"
    now = _nowcast(inputs, yoy, month, eve, rday) if inputs.has(yoy, mom) else None
    return Headline(key.upper(), _value(inputs, yoy, month), _value(inputs, yoy, month - 1),
                    _value(inputs, mom, month), _value(inputs, mom, month - 1),
                    _value(inputs, f"{key}_yoy_consensus", month), now)


def _groups(inputs: Inputs, month: pd.Period) -> dict[str, pd.Series]:
    S = inputs.series
    out = {}
    for sid, _, _ in GROUPS:
        if not inputs.has(sid):
            continue
        s = S[sid].data
        if sid == "ppi_mining_yoy" and inputs.has("ppi_mining_index"):
            # the release transcripts are sparse; the index (上年同月=100) is dense: index - 100 = YoY
            s = s.combine_first(S["ppi_mining_index"].convert("pct_yoy").data)
        s = s.dropna()
        if len(s) and s.index[-1] >= month - GROUP_MAX_LAG:
            out[sid] = s
    return out


def compute(inputs: Inputs, as_of: Any) -> FlashResults:
    """Every number of the flash for release month ``as_of`` (a Period or 'YYYY-MM'), once."""
    S = inputs.series
    m = parse_period(as_of, "M", name="month", error=ReportError)
    cpi_mom, cpi_yoy = S["cpi_mom"].to_fraction(), S["cpi_yoy"].to_fraction()
    if not (np.isfinite(cpi_yoy.get(m, np.nan)) and np.isfinite(cpi_mom.get(m, np.nan))):
        last = cpi_yoy.dropna().index[-1]
        raise ReportError(f"series 'cpi_yoy'/'cpi_mom' have no value for {m} (latest: {last}); "
                          f"build the flash for {last} or import the {m} release")
    release, estimated = _release(inputs, m)
    rday = min(max(release.day, 2), 28)
    eve = pd.Timestamp(release) - pd.Timedelta(days=1)
    has_ppi = inputs.has("ppi_yoy", "ppi_mom") and np.isfinite(_value(inputs, "ppi_yoy", m)) \
        and np.isfinite(_value(inputs, "ppi_mom", m))
    cpi = _headline(inputs, "cpi", m, eve, rday)
    ppi = _headline(inputs, "ppi", m, eve, rday) if has_ppi else None
    components = tuple(i for i, *_ in COMPONENTS if inputs.has(i) and np.isfinite(_value(inputs, i, m)))
    splits = tuple(implied_split(cpi_yoy, _frac(inputs, a), _frac(inputs, b), m, names=(a, b)) for a, b in SPLITS)
    weights = {i: float(S[f"cpi_weight_{w}"].observations().iloc[-1]) / 100
               for i, _, _, w in COMPONENTS if w and inputs.has(f"cpi_weight_{w}")}
    items = item_pulls({i: _frac(inputs, i) for i, _, _, w in COMPONENTS if w and i in components}, weights, m)
    year = m.year
    co = carryover_review(cpi_mom, cpi_yoy, year, name="CPI")
    pco = carryover_review(S["ppi_mom"].to_fraction(), S["ppi_yoy"].to_fraction(), year, name="PPI") if has_ppi else None
    windows = {f"{year - 5}-{year - 1}": range(year - 5, year), f"{year - 10}-{year - 1}": range(year - 10, year)}
    seas = seasonal_review(cpi_mom, year, m.month, start_month=m.month, windows=windows, name="CPI")
    pseas = None
    if has_ppi:
        try:
            pseas = seasonal_review(S["ppi_mom"].to_fraction(), year, m.month, start_month=m.month, windows=windows,
                                    name="PPI")
        except MacrodeskError:
            pseas = None
    norm_years = range(year - 10, year)
    norm = T.monthly_norm(cpi_mom, list(norm_years))
    nday = pd.Timestamp(release)
    next_cpi = _nowcast(inputs, "cpi_yoy", m + 1, nday, rday)
    next_ppi = _nowcast(inputs, "ppi_yoy", m + 1, nday, rday) if has_ppi else None
    missing = [i for i in inputs.missing if not i.startswith("cpi_weight_") and i not in _nowcast_ids()]
    return FlashResults(inputs, m, release, estimated, cpi, ppi, components, splits, items, co, pco, seas, pseas,
                        norm, norm_years, _groups(inputs, m), next_cpi, next_ppi, tuple(missing), _NAMES,
                        input_status(inputs, m, REQUIRED[0]))


def _frac(inputs: Inputs, sid: str) -> pd.Series:
    return inputs[sid].to_fraction() if inputs.has(sid) else pd.Series(dtype="float64", index=pd.PeriodIndex([], freq="M"))


# ---------------------------------------------------------------- render
def _src(res: FlashResults, ids: Any, lang: str) -> str:
    S = res.inputs.series
    return source_line([S[i] for i in ids if i in S], lang)


def _nowcast_inputs(*nowcasts: FlashNowcast | None) -> list[str]:
    """The ids the nowcasts read (for an exhibit's inputs)."""
    return list(dict.fromkeys(i for n in nowcasts if n is not None for i in n.inputs))


def _headline_section(res: FlashResults, lang: str, fr: Staleness) -> Section:
    m, S = res.month, res.inputs.series
    table = V.headline_table(res.cpi, res.ppi, lang)
    heads = ["cpi_yoy", "cpi_mom", "cpi_yoy_consensus"]
    if res.ppi is not None:
        heads += ["ppi_yoy", "ppi_mom", "ppi_yoy_consensus"]
    blocks: list[Block] = [
        Paragraph(V.headline_text(res.cpi, m, lang)),
    ]
    if res.ppi is not None:
        blocks.append(Paragraph(V.headline_text(res.ppi, m, lang)))
    blocks += [
        Table(table, **fr.exhibit(tr(f"{F.month_label(m)}CPI与PPI：实际值、前值、一致预期与模型预测",
                                     f"CPI and PPI, {F.month_label(m, 'en')}: actual, prior, consensus and nowcast", lang),
                                  [*heads, *_nowcast_inputs(res.cpi.nowcast, res.ppi.nowcast if res.ppi else None)],
                                  note=V.headline_note(res.release, res.release_estimated, lang)),
              source=_src(res, ("cpi_yoy", "cpi_mom", "ppi_yoy", "ppi_mom", "cpi_yoy_consensus"), lang),
              formats={c: F.signed1 for c in table.columns}),
        exhibit("cpi_ppi_recent").figure({k: v for k, v in S.items() if k != "ppi_yoy" or res.ppi is not None}, m, lang,
                                         staleness=fr),
    ]
    return Section(tr("总览：实际值、一致预期与模型预测", "Headline: actual, consensus and nowcast", lang), blocks)


def _components_section(res: FlashResults, lang: str, fr: Staleness) -> Section | None:
    if not res.components:
        return None
    m = res.month
    table = V.components_table(res, lang)
    blocks: list[Block] = [Paragraph(V.components_text(res, lang))]
    split = res.splits[0]
    weights = [f"cpi_weight_{w}" for i, *_, w in COMPONENTS if w and i in res.components]
    blocks.append(Table(table, **fr.exhibit(tr(f"{F.month_label(m)}CPI分项同比与拉动",
                                               f"CPI components and pulls, {F.month_label(m, 'en')}", lang),
                                            ["cpi_yoy", *res.components, *weights], note=V.pulls_note(res, lang)),
                        source=_src(res, ("cpi_yoy", *res.components), lang),
                        formats={c: F.signed1 if j < 3 else F.signed2 for j, c in enumerate(table.columns)}))
    if isinstance(split, ImpliedSplit):
        blocks.append(Figure(V.pulls_chart(res, split, res.inputs["cpi_yoy"].to_fraction(), lang),
                             **fr.exhibit(tr("食品与非食品对CPI同比的拉动", "Pulls of food and non-food on CPI YoY", lang),
                                          ("cpi_yoy", "cpi_food_yoy", "cpi_nonfood_yoy"), note=tr(f"拉动 = 隐含权重 × 分项同比；食品隐含权重{F.num(split.weight * 100, 1)}%"
                                     f"（近{split.months}个月CPI、食品、非食品同比的最小二乘估计）；无柱的月份分项未公布",
                                     f"pull = implied weight × component YoY; implied food weight "
                                     f"{F.num(split.weight * 100, 1)}% (least squares on CPI, food and non-food YoY "
                                     f"over the last {split.months} months); no bars: the components were not published that month",
                                     lang)),
                             source=_src(res, ("cpi_yoy", "cpi_food_yoy", "cpi_nonfood_yoy"), lang)))
    return Section(tr("CPI分项与拉动", "CPI components and their pulls", lang), blocks)


def _carryover_section(res: FlashResults, lang: str, fr: Staleness) -> Section:
    m = res.month
    table = V.carryover_table(res, lang)
    blocks: list[Block] = [Paragraph(V.carryover_month_text(res.carryover, m, lang))]
    if res.ppi_carryover is not None:
        blocks.append(Paragraph(V.carryover_month_text(res.ppi_carryover, m, lang)))
    blocks += [
        Table(table, **fr.exhibit(tr(f"{F.month_label(m)}翘尾因素与新涨价因素",
                                     f"Carry-over and new-price effects, {F.month_label(m, 'en')}", lang),
                                  ("cpi_yoy", "cpi_mom", *(("ppi_yoy", "ppi_mom") if res.ppi_carryover else ())),
                                  note=tr("翘尾 = 上年各月环比在本月之后的累积；新涨价 = 本年1月至本月环比的累积；"
                                          "(1+同比) = (1+翘尾)(1+新涨价)",
                                          "carry-over: last year's MoMs after this month; new price: this year's MoMs "
                                          "to date; (1+YoY) = (1+carry-over)(1+new price)", lang)),
              source=_src(res, ("cpi_yoy", "cpi_mom", "ppi_yoy", "ppi_mom"), lang),
              formats={c: F.signed1 if j == 0 else F.signed2 for j, c in enumerate(table.columns)}),
        Figure(VR.carryover_chart(res.carryover, lang),
               **fr.exhibit(tr(f"{m.year}年CPI同比的翘尾因素与新涨价因素",
                               f"CPI YoY in {m.year}: carry-over vs new-price effects", lang), ("cpi_yoy", "cpi_mom")),
               source=_src(res, ("cpi_yoy", "cpi_mom"), lang)),
    ]
    return Section(tr("翘尾因素与新涨价因素", "Carry-over and new-price effects", lang), blocks)


def _seasonal_section(res: FlashResults, lang: str, fr: Staleness) -> Section:
    from macrodesk.plotting import charts

    m, year = res.month, res.month.year
    table = V.seasonal_table(res, lang)
    blocks: list[Block] = [Paragraph(V.seasonal_month_text(res.seasonal, lang))]
    if res.ppi_seasonal is not None:
        blocks.append(Paragraph(V.seasonal_month_text(res.ppi_seasonal, lang)))
    blocks.append(Table(table, **fr.exhibit(tr(f"{m.month}月环比与近5年、近10年同月比较",
                                               f"MoM in {m.strftime('%B')} against the same month of the last 5 and 10 years",
                                               lang), ("cpi_mom", "ppi_mom") if res.ppi_seasonal else ("cpi_mom",)),
                        source=_src(res, ("cpi_mom", "ppi_mom"), lang),
                        formats={c: F.signed2 for c in table.columns}))
    mn, ny = res.norm * 100, res.norm_years
    if mn["mean"].notna().all():
        cpi_mom = res.inputs["cpi_mom"].to_fraction()
        this = cpi_mom[(pindex(cpi_mom).year == year) & (cpi_mom.index <= m)] * 100
        this.index = pd.Index([p.month for p in this.index])
        blocks.append(Figure(
            charts.band_chart(mn["mean"], mn["min"], mn["max"], this.reindex(range(1, 13)), lang=lang,
                              mean_label=tr(f"{ny[0]}-{ny[-1]}年均值", f"{ny[0]}-{ny[-1]} mean", lang),
                              highlight_label=tr(f"{year}年", str(year), lang), ylabel="%"),
            **fr.exhibit(tr("CPI环比的季节性规律", "CPI MoM seasonality", lang), ("cpi_mom",),
                         note=tr(f"阴影为{ny[0]}-{ny[-1]}年同月环比最小值至最大值",
                                 f"band: min–max of the same month in {ny[0]}-{ny[-1]}", lang)),
            source=_src(res, ("cpi_mom",), lang)))
    return Section(tr("季节性对比", "Against the seasonal norm", lang), blocks)


def _groups_section(res: FlashResults, lang: str, fr: Staleness) -> Section | None:
    if res.ppi is None or not res.groups:
        return None
    m, S = res.month, res.inputs.series
    table = V.groups_table(res, lang)
    # groups last printed more than GROUP_MAX_LAG months ago are left out of the chart as of the table
    drawn = {k: v for k, v in S.items() if k not in {i for i, _, _ in GROUPS} or k in res.groups}
    blocks: list[Block] = [
        Paragraph(V.groups_text(res, lang, fr)),
        Table(table, **fr.exhibit(tr(f"{F.month_label(m)}PPI分大类同比", f"PPI by group, YoY, {F.month_label(m, 'en')}", lang),
                                  ("ppi_yoy", *res.groups)),
              source=_src(res, ("ppi_yoy", *res.groups), lang),
              formats={c: F.signed1 for c in table.columns if c != table.columns[0]}),
        exhibit("ppi_groups_recent").figure(drawn, m, lang, staleness=fr),
    ]
    return Section(tr("PPI分大类", "PPI by group", lang), blocks)


def _next_section(res: FlashResults, lang: str, number: str, fr: Staleness) -> Section:
    blocks: list[Block] = []
    for n in (res.next_cpi, res.next_ppi):
        if n is not None:
            blocks.append(Paragraph(V.next_nowcast_text(n, lang)))
    table = V.next_table(res, lang)
    if table is not None:
        blocks.append(Table(table, **fr.exhibit(tr(f"{F.month_label(res.month + 1)}CPI与PPI同比预测",
                                                   f"Nowcasts for {F.month_label(res.month + 1, 'en')}", lang),
                                                _nowcast_inputs(res.next_cpi, res.next_ppi), note=V.next_note(res, lang)),
                            source=tr("macrodesk计算", "macrodesk", lang),
                            formats={c: F.signed1 if j < 4 else F.signed2 for j, c in enumerate(table.columns)}))
    return Section(tr(f"{number}、下月展望：模型预测", f"{number}. Next month: nowcast", lang), blocks)


def render(res: FlashResults, lang: str = "zh") -> Report:
    """The ``cpi-ppi-flash`` note in ``lang`` from :func:`compute`'s results (nothing is re-estimated)."""
    m = res.month
    fr = Staleness(res.status, m, lang)
    sections: list[Section] = [_headline_section(res, lang, fr)]
    comp = _components_section(res, lang, fr)
    if comp is not None:
        sections.append(comp)
    sections += [_carryover_section(res, lang, fr), _seasonal_section(res, lang, fr)]
    groups = _groups_section(res, lang, fr)
    if groups is not None:
        sections.append(groups)
    sections = V.renumber(sections, lang)
    sections.append(_next_section(res, lang, V.numeral(len(sections) + 1, lang), fr))
    sections.append(fr.box())
    missing = list(res.missing)
    notice = missing_notice(missing, lang)
    if notice:
        sections.append(Section(tr("附录：数据说明", "Appendix: data notes", lang), [Notice(notice, for_analysts=True)]))
    summary = [V.event_text(res, lang)]
    if res.components:
        summary.append(V.components_text(res, lang, short=True))
    summary.append(V.carryover_month_text(res.carryover, m, lang)
                   + (tr("", " ", lang) + V.carryover_month_text(res.ppi_carryover, m, lang)
                      if res.ppi_carryover is not None else ""))
    summary.append(V.seasonal_month_text(res.seasonal, lang))
    nxt = V.next_summary(res, lang)
    if nxt:
        summary.append(nxt)
    return Report(
        title=tr(f"{F.month_label(m)}通胀数据点评：{V.title_phrase(res, lang)}",
                 f"China inflation, {F.month_label(m, 'en')}: {V.title_phrase(res, lang)}", lang),
        subtitle=tr("CPI与PPI数据点评", "CPI/PPI data flash", lang),
        date=tr(f"数据截至{F.month_label(m)}（{F.day_label(res.release)}发布）",
                f"Data to {F.month_label(m, 'en')} (released {F.day_label(res.release, 'en')})", lang),
        lang=lang,
        summary=summary,
        sections=sections,
        disclaimer=label("generated_disclaimer", lang),
    )


def build(inputs: Inputs, as_of: pd.Period, lang: str = "zh") -> Report:
    """The ``cpi-ppi-flash`` report for release month ``as_of``: :func:`compute`, then :func:`render`."""
    return render(compute(inputs, as_of), lang)


