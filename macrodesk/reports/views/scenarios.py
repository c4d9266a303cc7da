"""Words, tables, charts and report blocks for scenario runs (:mod:`macrodesk.scenarios`).

The outlook report includes a scenario section with::

    from macrodesk.scenarios import load_spec, run
    from macrodesk.reports.views.scenarios import scenario_blocks

    res = run(load_spec("cpi_2026.toml"), inputs.series, as_of)
    Section("CPI全年节奏推演", scenario_blocks(res, lang))

Labels: :func:`scenario_label`, :func:`target_name`, :func:`file_title`,
:func:`commodity_name`… pick the file's Chinese or English names; the
sentences are :func:`scenarios_text` (intro, each scenario, notes), the
monthly table :func:`scenarios_table`, the figures :func:`scenarios_chart` and
:func:`commodity_chart`, and :func:`scenario_json` the CLI's JSON (percent).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import SimpleNamespace
from typing import Any, Protocol

import numpy as np
import pandas as pd
from matplotlib.figure import Figure as MplFigure

from macrodesk.exceptions import ScenarioError
from macrodesk.plotting import charts
from macrodesk.reports.model import Block, Bullets, Figure, Notice, Paragraph, Table
from macrodesk.reports.views.freshness import Staleness
from macrodesk.scenarios.results import CommodityResult, ScenarioResult, ScenarioSetResult
from macrodesk.scenarios.spec import Adjustment, Baseline, CommodityPathSpec, ScenarioFile, ScenarioSpec, Shock
from macrodesk.scenarios.tracking import TrackResult
from macrodesk.series import period_key
from macrodesk.text import MONTHS_EN, source_line, tr
from macrodesk.text import format as F

__all__ = [
    "adjustment_label",
    "baseline_text",
    "commodity_chart",
    "commodity_name",
    "commodity_unit",
    "component_label",
    "file_title",
    "horizon_label",
    "months_label",
    "scenario_blocks",
    "scenario_describe",
    "scenario_json",
    "scenario_label",
    "scenario_pair_blocks",
    "scenario_text",
    "scenarios_chart",
    "scenarios_intro",
    "scenarios_notes",
    "scenarios_table",
    "scenarios_text",
    "shock_label",
    "source_text",
    "target_name",
    "track_json",
]


class _Labelled(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def label_zh(self) -> str: ...
    @property
    def label_en(self) -> str: ...


# --------------------------------------------------------------------------- names and labels
def scenario_label(s: _Labelled, lang: str = "zh") -> str:
    """A scenario's label (a :class:`ScenarioSpec` or :class:`ScenarioResult`), falling back to its name."""
    return tr(s.label_zh or s.label_en or s.name, s.label_en or s.name, lang)


def target_name(spec: ScenarioFile, lang: str = "zh") -> str:
    """Display name of the target (e.g. 'CPI')."""
    return tr(spec.name_zh or spec.name_en or spec.target.upper(), spec.name_en or spec.name_zh or spec.target.upper(),
              lang)


def file_title(spec: ScenarioFile, lang: str = "zh") -> str:
    return tr(spec.title_zh or f"{target_name(spec, 'zh')}情景推演", spec.title_en or f"{target_name(spec, 'en')} scenarios",
              lang)


def source_text(spec: ScenarioFile, lang: str = "zh") -> str:
    """Where the assumptions come from, in ``lang`` (falls back to the other language)."""
    return tr(spec.source or spec.source_en, spec.source_en or spec.source, lang)


def commodity_name(c: CommodityPathSpec, lang: str = "zh") -> str:
    return tr(c.name_zh or c.name_en or c.key, c.name_en or c.name_zh or c.key, lang)


def commodity_unit(c: CommodityPathSpec, lang: str = "zh") -> str:
    return tr(c.unit_zh or c.unit_en, c.unit_en or c.unit_zh, lang)


def shock_label(k: Shock, lang: str = "zh") -> str:
    return tr(k.label_zh or k.label_en or k.component, k.label_en or k.component, lang)


def adjustment_label(a: Adjustment, lang: str = "zh") -> str:
    return tr(a.label_zh or a.label_en or "调整", a.label_en or "adjustment", lang)


def component_label(res: ScenarioSetResult, s: ScenarioResult, key: str, lang: str = "zh") -> str:
    """Label of a column of ``s.components`` ('baseline', 'shock:pork', 'adjust:0', 'commodity:copper'…)."""
    kind, i = s.component_kinds.get(key, ("", 0))
    sc = s.spec
    if kind == "baseline":
        return tr("基准环比", "Baseline MoM", lang)
    if sc is None or not kind:
        return key
    if kind == "shock":
        return tr(f"{shock_label(sc.shocks[i], 'zh')}冲击", f"{shock_label(sc.shocks[i], 'en')} shock", lang)
    if kind == "adjust":
        return adjustment_label(sc.adjustments[i], lang)
    lk = sc.commodities[i]
    c = res.spec.commodity(lk.path)
    return tr(f"{lk.label_zh or commodity_name(c, 'zh')}拉动", f"{lk.label_en or commodity_name(c, 'en')} contribution",
              lang)


# --------------------------------------------------------------------------- months
_Q_ZH = ("一", "二", "三", "四")


def months_label(months: Iterable[pd.Period], lang: str = "zh") -> str:
    """Readable label of a set of months: '2026年一季度', '2026年二至四季度', '2026年2-7月' / '2026Q1', 'Feb–Jul 2026'."""
    ms = sorted(set(months))
    if not ms:
        return ""
    runs: list[list[pd.Period]] = [[ms[0]]]
    for p in ms[1:]:
        if p == runs[-1][-1] + 1:
            runs[-1].append(p)
        else:
            runs.append([p])
    return tr("、", ", ", lang).join(_run_label(r[0], r[-1], lang) for r in runs)


def _run_label(a: pd.Period, b: pd.Period, lang: str) -> str:
    if a.year == b.year:
        y = a.year
        if a.month == 1 and b.month == 12:
            return tr(f"{y}年", str(y), lang)
        if (a.month, b.month) in ((1, 6), (7, 12)):
            h = 1 if a.month == 1 else 2
            return tr(f"{y}年{'上' if h == 1 else '下'}半年", f"{y}H{h}", lang)
        if a.month % 3 == 1 and b.month % 3 == 0:
            q0, q1 = (a.month + 2) // 3, b.month // 3
            if q0 == q1:
                return tr(f"{y}年{_Q_ZH[q0 - 1]}季度", f"{y}Q{q0}", lang)
            return tr(f"{y}年{_Q_ZH[q0 - 1]}至{_Q_ZH[q1 - 1]}季度", f"{y}Q{q0}–Q{q1}", lang)
        if a == b:
            return tr(f"{y}年{a.month}月", f"{MONTHS_EN[a.month - 1]} {y}", lang)
        return tr(f"{y}年{a.month}-{b.month}月", f"{MONTHS_EN[a.month - 1]}–{MONTHS_EN[b.month - 1]} {y}", lang)
    return tr(f"{a.year}年{a.month}月-{b.year}年{b.month}月",
              f"{MONTHS_EN[a.month - 1]} {a.year}–{MONTHS_EN[b.month - 1]} {b.year}", lang)


def horizon_label(h: tuple[pd.Period, pd.Period], lang: str = "zh") -> str:
    """'2026年' / '2026' for a calendar year, else the span of months."""
    a, b = h
    if a.year == b.year and a.month == 1 and b.month == 12:
        return tr(f"{a.year}年", f"{a.year}", lang)
    return F.span_label(a, b, lang)


def _mlabel(p: pd.Period, lang: str) -> str:
    return tr(f"{p.month}月", p.strftime("%b"), lang)


# --------------------------------------------------------------------------- what a scenario assumes
def baseline_text(bl: Baseline, lang: str = "zh") -> str:
    """'2021-2025年同月环比均值（12月为2021-2024年）' / 'mean MoM of the same month in 2021-2025 (Dec: 2021-2024)'."""
    a, b = bl.window
    stat_zh = {"mean": "均值", "median": "中位数"}[bl.stat]
    text = tr(f"{a}-{b}年同月环比{stat_zh}", f"{bl.stat} MoM of the same month in {a}-{b}", lang)
    extra = []
    for month, (c, d) in bl.window_by_month:
        extra.append(tr(f"{month}月为{c}-{d}年", f"{MONTHS_EN[month - 1]}: {c}-{d}", lang))
    if extra:
        text += tr("（" + "，".join(extra) + "）", " (" + ", ".join(extra) + ")", lang)
    return text


def scenario_describe(sc: ScenarioSpec, lang: str = "zh", commodity_names: Mapping[str, str] | None = None,
                      file: ScenarioFile | None = None) -> str:
    """One line saying what the scenario assumes, e.g. for a figure note.

    With ``file``, commodity links that move nothing (a deviation link whose path
    is its reference) are left out.
    """
    parts: list[str] = []
    if sc.baseline is not None:
        parts.append(tr("基准环比取", "baseline: ", lang) + baseline_text(sc.baseline, lang))
    for s in sorted(sc.settings, key=lambda x: x.months[0]):
        sel = months_label(s.months, lang)
        parts.append(tr(f"{sel}环比{F.pct(s.mom_pct)}", f"MoM {F.pct(s.mom_pct)} in {sel}", lang))
    for k in sc.shocks:
        sel = months_label(k.months, lang)
        parts.append(tr(f"{shock_label(k, 'zh')}环比{F.pct(k.shock_pct)}×权重{F.pct(k.weight_pct, signed=False)}"
                        f"（{sel}，每月{F.pp(k.pp, 2)}）",
                        f"{shock_label(k, 'en')} MoM {F.pct(k.shock_pct)} x weight {F.pct(k.weight_pct, signed=False)}"
                        f" ({sel}, {F.pp(k.pp, 2, lang='en')} a month)", lang))
    for a in sc.adjustments:
        sel = months_label(a.months, lang)
        parts.append(tr(f"{adjustment_label(a, 'zh')}每月{F.pp(a.pp, 2)}（{sel}）",
                        f"{adjustment_label(a, 'en')} {F.pp(a.pp, 2, lang='en')} a month ({sel})", lang))
    for c in sc.commodities:
        if file is not None and file.zero_deviation(c):
            continue
        nm = (commodity_names or {}).get(c.path, c.path)
        if c.deviation:
            parts.append(tr(f"{nm}偏离参考路径×弹性{F.num(c.elasticity, 4)}",
                            f"{nm} deviation from its reference path x elasticity {F.num(c.elasticity, 4)}", lang))
        else:
            parts.append(tr(f"{nm}路径×弹性{F.num(c.elasticity, 4)}", f"{nm} path x elasticity {F.num(c.elasticity, 4)}",
                            lang))
    return tr("；", "; ", lang).join(parts)


# --------------------------------------------------------------------------- sentences
def scenario_text(s: ScenarioResult, lang: str = "zh") -> str:
    """'中性：中枢+0.96%，区间+0.59%至+1.09%（1月最低、2月最高），12月+0.89%'."""
    lo, hi, last = s.argmin, s.argmax, s.yoy.index[-1]
    return tr(f"{scenario_label(s, 'zh')}：中枢{F.qpct('scenario', s.mean * 100)}，区间{F.pct(s.min * 100)}至"
              f"{F.pct(s.max * 100)}（{_mlabel(lo, 'zh')}最低、{_mlabel(hi, 'zh')}最高），"
              f"{_mlabel(last, 'zh')}{F.pct(s.end * 100)}",
              f"{scenario_label(s, 'en')}: average {F.qpct('scenario', s.mean * 100)}, range {F.pct(s.min * 100)} "
              f"({_mlabel(lo, 'en')}) to {F.pct(s.max * 100)} ({_mlabel(hi, 'en')}), "
              f"{F.pct(s.end * 100)} in {_mlabel(last, 'en')}", lang)


def scenarios_text(res: ScenarioSetResult, lang: str = "zh") -> str:
    """Narrative: the anchor, each scenario's centre and range, carry-over, and the method gap."""
    nm = target_name(res.spec, lang)
    year_txt = horizon_label(res.spec.horizon, lang)
    parts = [scenario_text(s, lang) for s in res.scenarios]
    text = scenarios_intro(res, lang) + tr(f"{year_txt}{nm}同比：" + "；".join(parts) + "。",
                                           f" {nm} YoY over {year_txt}: " + "; ".join(parts) + ".", lang)
    notes = scenarios_notes(res, lang)
    return text + tr(notes, " " + notes if notes else "", lang)


def scenarios_intro(res: ScenarioSetResult, lang: str = "zh") -> str:
    """The starting point and method, e.g. '以2025年12月CPI同比+0.8%为起点、以公布同比为锚逐月递推，'."""
    nm = target_name(res.spec, lang)
    if res.method == "published":
        method = tr("以公布同比为锚逐月递推", "roll forward from the published YoY", lang)
    else:
        method = tr("按环比链式指数计算同比", "compute YoY from the index chained from MoMs", lang)
    return tr(f"以{F.month_label(res.anchor)}{nm}同比{F.pct(res.anchor_yoy * 100)}为起点、{method}，",
              f"The scenarios start from {nm} YoY of {F.pct(res.anchor_yoy * 100)} in "
              f"{F.month_label(res.anchor, 'en')} and {method}.", lang)


def scenarios_notes(res: ScenarioSetResult, lang: str = "zh") -> str:
    """Carry-over, assumptions used, and the published-vs-chained gap at the anchor (if >= 0.05 pp)."""
    out: list[str] = []
    co = [s.carryover_mean for s in res.scenarios if np.isfinite(s.carryover_mean)]
    if co and np.allclose(co, co[0], atol=1e-9):
        out.append(tr(f"各情景翘尾因素平均约{F.qpct('carryover', co[0] * 100)}。",
                      f"The carry-over effect averages {F.qpct('carryover', co[0] * 100)}.", lang))
    if res.assumed:
        items = "、".join(f"{F.month_label(p, 'zh')}环比{F.pct(v * 100)}" for p, v in res.assumed.items())
        items_en = ", ".join(f"MoM {F.pct(v * 100)} in {F.month_label(p, 'en')}" for p, v in res.assumed.items())
        out.append(tr(f"尚未公布的月份按假设计算：{items}。", f"Months not yet published are assumed: {items_en}.", lang))
    gap = res.anchor_gap * 100
    if np.isfinite(gap) and abs(gap) >= 0.05:
        out.append(_gap_note(res, gap, lang))
    return tr("", " ", lang).join(out)


def _gap_note(res: ScenarioSetResult, gap: float, lang: str) -> str:
    nm = target_name(res.spec, lang)
    alt = "chained" if res.method == "published" else "published"
    alt_means = tr("、".join(f"{scenario_label(s, lang)}{F.qpct('scenario', s.mean_alt * 100)}" for s in res.scenarios),
                   ", ".join(f"{scenario_label(s, lang)} {F.qpct('scenario', s.mean_alt * 100)}" for s in res.scenarios), lang)
    side_zh = "低" if gap > 0 else "高"
    side_en = "below" if gap > 0 else "above"
    basis_zh = "环比链式" if alt == "chained" else "公布同比"
    return tr(f"注意：按已公布环比链式推算，{F.month_label(res.anchor)}{nm}同比为"
              f"{F.pct(res.anchor_chained * 100, 2)}，比公布值{side_zh}{F.pp(abs(gap), 2, signed=False)}"
              f"（公布环比保留一位小数等所致）；若按{basis_zh}口径，各情景中枢依次为{alt_means}。",
              f"Note: chaining the published MoMs gives {F.pct(res.anchor_chained * 100, 2)} for "
              f"{F.month_label(res.anchor, 'en')}, {F.pp(abs(gap), 2, signed=False, lang='en')} {side_en} "
              f"the published YoY (the MoMs are published to one decimal); on the {alt} basis the "
              f"averages are {alt_means}.", lang)


def scenario_key_point(res: ScenarioSetResult, lang: str = "zh") -> str:
    """The key point of a scenario set: each scenario's centre, the method used and why, the other method's where they differ.

    E.g. "2026年CPI同比情景中枢：情景一+0.96%、…（以2025年12月公布同比为锚逐月递推，…）；按环比链式口径依次为+0.75%、…"
    """
    nm = target_name(res.spec, lang)
    year_txt = horizon_label(res.spec.horizon, lang)
    centres = [F.qpct("scenario", s.mean * 100) for s in res.scenarios]
    alts = [F.qpct("scenario", s.mean_alt * 100) for s in res.scenarios]
    pairs_zh = "、".join(f"{scenario_label(s, 'zh')}{c}" for s, c in zip(res.scenarios, centres))
    pairs_en = ", ".join(f"{scenario_label(s, 'en')} {c}" for s, c in zip(res.scenarios, centres))
    anchor_zh, anchor_en = F.month_label(res.anchor), F.month_label(res.anchor, "en")
    if res.method == "published":
        why = tr(f"以{anchor_zh}公布同比为锚逐月递推：预测与统计局公布的同比直接可比",
                 f"rolled forward from the published YoY of {anchor_en}, so the forecast compares directly with "
                 f"the NBS print", lang)
        alt_name = tr("按环比链式指数口径", "chaining the published MoMs instead gives", lang)
    else:
        why = tr("按公布环比链式指数计算同比", "YoY of the index chained from the published MoMs", lang)
        alt_name = tr("以公布同比为锚口径", "anchoring on the published YoY instead gives", lang)
    text = tr(f"{year_txt}{nm}同比情景中枢：{pairs_zh}（{why}）",
              f"{nm} YoY over {year_txt}, scenario centres: {pairs_en} ({why})", lang)
    if alts != centres and all(a != F.MISSING for a in alts):
        text += tr(f"；{alt_name}依次为{'、'.join(alts)}", f"; {alt_name} {', '.join(alts)}", lang)
    return text + tr("。", ".", lang)


# --------------------------------------------------------------------------- table and charts
def scenarios_table(res: ScenarioSetResult, lang: str = "zh") -> pd.DataFrame:
    """Monthly YoY paths in percent, one column per scenario, then mean/min/max rows."""
    df = res.to_frame() * 100
    df.columns = pd.Index([scenario_label(s, lang) for s in res.scenarios])
    df.index = pd.Index([F.month_label(p, lang) for p in df.index])
    extra = pd.DataFrame(
        [[s.mean * 100 for s in res.scenarios], [s.min * 100 for s in res.scenarios],
         [s.max * 100 for s in res.scenarios]],
        index=tr(["全年中枢", "最低", "最高"], ["Average", "Min", "Max"], lang),
        columns=df.columns,
    )
    out = pd.concat([df, extra])
    out.index.name = tr(f"{target_name(res.spec, 'zh')}同比（%）", f"{target_name(res.spec, 'en')} YoY (%)", lang)
    return out


def scenarios_chart(res: ScenarioSetResult, lang: str = "zh", *, history_months: int = 36,
                    figsize: tuple[float, float] | None = None) -> MplFigure:
    """History (published YoY) and each scenario's projected path (seed Figures 15 and 38); ``figsize``:
    :data:`~macrodesk.plotting.HALF_FIGSIZE` for one of a side-by-side pair."""
    start = res.spec.horizon[0] - history_months
    hist = res.history[res.history.index >= start] * 100
    hist.name = tr(f"{target_name(res.spec, 'zh')}同比（实际）", f"{target_name(res.spec, 'en')} YoY (actual)", lang)
    paths = {}
    for s in res.scenarios:
        p = s.yoy[s.projected.reindex(s.yoy.index, fill_value=False).to_numpy(dtype=bool)] * 100
        paths[scenario_label(s, lang)] = p
    return charts.scenario_paths(hist, paths, lang=lang, ylabel="%", figsize=figsize)


def commodity_chart(res: ScenarioSetResult, key: str, lang: str = "zh", *, history_months: int = 24,
                    figsize: tuple[float, float] | None = None) -> MplFigure:
    """One commodity: observed YoY and its assumed path's YoY (seed Figures 20 and 24); ``figsize``:
    :data:`~macrodesk.plotting.HALF_FIGSIZE` for one of a side-by-side pair."""
    c = res.commodity(key)
    if c is None or not c.ok or c.last_observed is None:
        raise ScenarioError(f"{res.spec.file}: commodity path '{key}' is not available"
                            + (f" ({c.reason})" if c is not None else ""))
    nm_zh, nm_en = commodity_name(c.spec, "zh"), commodity_name(c.spec, "en")
    start = res.spec.horizon[0] - history_months
    obs = c.yoy[(c.yoy.index >= start) & (c.yoy.index <= c.last_observed)] * 100
    obs.name = tr(f"{nm_zh}同比（实际）", f"{nm_en} YoY (actual)", lang)
    path = c.yoy[(c.yoy.index > c.last_observed) & (c.yoy.index <= res.spec.horizon[1])] * 100
    return charts.scenario_paths(obs, {tr(f"{nm_zh}同比（假设路径）", f"{nm_en} YoY (assumed path)", lang): path},
                                 lang=lang, ylabel="%", figsize=figsize)


# --------------------------------------------------------------------------- report blocks
def _source(res: ScenarioSetResult, lang: str, metas: Iterable[Any] | None = None) -> str:
    metas = res.inputs if metas is None else metas
    return source_line([SimpleNamespace(meta=m) for m in metas], lang)


def _method_note(res: ScenarioSetResult, lang: str) -> str:
    """The figure note: the YoY method, the assumptions used and the file's source."""
    note_parts = []
    if res.method == "published":
        note_parts.append(tr("同比以公布值为锚递推：(1+同比) = (1+上月同比)×(1+本月环比)/(1+上年同月环比)",
                             "YoY rolled forward from the published value: (1+y_t) = (1+y_t-1)(1+m_t)/(1+m_t-12)", lang))
    else:
        note_parts.append(tr("同比按环比链式指数计算：(1+同比) = 近12个月(1+环比)之积",
                             "YoY of the index chained from MoMs: (1+y_t) = product of the last 12 (1+m)", lang))
    if res.assumed:
        note_parts.append(
            tr("、".join(f"{F.month_label(p)}环比假设为{F.pct(v * 100)}" for p, v in res.assumed.items()),
               ", ".join(f"MoM assumed {F.pct(v * 100)} in {F.month_label(p, 'en')}" for p, v in res.assumed.items()),
               lang)
        )
    if source_text(res.spec, lang):
        src_txt = source_text(res.spec, lang)
        note_parts.append(tr(f"情景假设来自{src_txt}", f"scenario assumptions from {src_txt}", lang))
    return tr("；", "; ", lang).join(note_parts)


def scenario_blocks(
    res: ScenarioSetResult,
    lang: str = "zh",
    *,
    history_months: int = 36,
    commodities: bool = True,
    staleness: Staleness | None = None,
) -> list[Block]:
    """Paragraph + Bullets (assumptions, centres, ranges), Figure (history + paths), Table (monthly paths).

    With ``commodities=True`` each commodity path that could be built adds a
    paragraph and a figure of its YoY; a commodity whose path could not be
    built is named in a Notice. The figure note gives the YoY method, the
    assumptions used for unpublished months and the file's ``source``. With the
    report's ``staleness`` the figures and the table record the series the run read
    (``inputs``) and are marked where one ends before the report month.
    """
    fr = staleness or Staleness(None, None, lang)
    return [*_text_blocks(res, lang), _chart_block(res, lang, fr, history_months),
            _table_block([res], lang, fr), *_commodities(res, lang, fr, commodities)]


def scenario_pair_blocks(
    first: ScenarioSetResult,
    second: ScenarioSetResult,
    lang: str = "zh",
    *,
    history_months: int = 36,
    staleness: Staleness | None = None,
) -> list[Block]:
    """Two scenario sets over one horizon (CPI and PPI) as one passage: each set's paragraph and bullets,
    then their two charts side by side, one table of both sets' monthly paths, then the commodity paths.

    The same blocks as :func:`scenario_blocks` for each set, laid out the way broker notes set a pair of
    forecasts; sets over different horizons raise :class:`~macrodesk.exceptions.ScenarioError`.
    """
    if first.spec.horizon != second.spec.horizon:
        raise ScenarioError(f"{first.spec.file} and {second.spec.file}: one table needs one horizon, got "
                            f"{first.spec.horizon[0]}..{first.spec.horizon[1]} and "
                            f"{second.spec.horizon[0]}..{second.spec.horizon[1]}")
    fr = staleness or Staleness(None, None, lang)
    half = charts.HALF_FIGSIZE
    return [*_text_blocks(first, lang), *_text_blocks(second, lang),
            _chart_block(first, lang, fr, history_months, half), _chart_block(second, lang, fr, history_months, half),
            _table_block([first, second], lang, fr),
            *_commodities(first, lang, fr), *_commodities(second, lang, fr)]


def _text_blocks(res: ScenarioSetResult, lang: str) -> list[Block]:
    """The set's paragraph, one bullet per scenario, and its notes."""
    nm = target_name(res.spec, lang)
    hz = horizon_label(res.spec.horizon, lang)
    names = {c.key: commodity_name(c.spec, lang) for c in res.commodities}
    blocks: list[Block] = [Paragraph(
        scenarios_intro(res, lang) + tr(f"{hz}{nm}同比各情景的假设与结果如下：", f" Their assumptions and results for {nm} YoY over {hz}:", lang)
    )]
    blocks.append(Bullets(tuple(_bullet(s, names, lang, res.spec) for s in res.scenarios)))
    notes = scenarios_notes(res, lang)
    if notes:
        blocks.append(Paragraph(notes))
    return blocks


def _chart_block(res: ScenarioSetResult, lang: str, fr: Staleness, history_months: int,
                 figsize: tuple[float, float] | None = None) -> Figure:
    nm = target_name(res.spec, lang)
    hz = horizon_label(res.spec.horizon, lang)
    return Figure(
        scenarios_chart(res, lang, history_months=history_months, figsize=figsize),
        **fr.exhibit(tr(f"{hz}{nm}同比情景推演", f"{nm} YoY scenarios, {hz}", lang), [m.id for m in res.inputs],
                     note=_method_note(res, lang)),
        source=_source(res, lang),
    )


def _table_block(sets: list[ScenarioSetResult], lang: str, fr: Staleness) -> Table:
    """The monthly paths of one set, or of several over one horizon side by side (columns named by target)."""
    hz = horizon_label(sets[0].spec.horizon, lang)
    names = [target_name(r.spec, lang) for r in sets]
    if len(sets) == 1:
        table = scenarios_table(sets[0], lang)
    else:
        parts = []
        for r, nm in zip(sets, names):
            part = scenarios_table(r, lang)
            part.columns = pd.Index([tr(f"{nm}{c}", f"{nm} {c}", lang) for c in part.columns])
            parts.append(part)
        table = pd.concat(parts, axis=1)
        table.index.name = tr("同比（%）", "YoY (%)", lang)
    ids = [m.id for r in sets for m in r.inputs]
    both = tr("与", " and ", lang).join(names)
    metas = {m.id: m for r in sets for m in r.inputs}.values()
    return Table(
        table,
        **fr.exhibit(tr(f"{hz}{both}同比各情景逐月路径（%）", f"{both} YoY by month and scenario, {hz} (%)", lang), ids),
        source=_source(sets[0], lang) if len(sets) == 1 else _source(sets[0], lang, metas),
        formats={c: _fmt2 for c in table.columns},
    )


def _commodities(res: ScenarioSetResult, lang: str, fr: Staleness, commodities: bool = True) -> list[Block]:
    """Each commodity path built: two at a time, their paragraphs then their charts side by side; a Notice
    naming those that could not be built."""
    if not commodities:
        return []
    hz = horizon_label(res.spec.horizon, lang)
    blocks: list[Block] = []
    ok = [c for c in res.commodities if c.ok]
    for i in range(0, len(ok), 2):
        two = [_commodity_blocks(res, c, hz, lang, fr, half=i + 1 < len(ok)) for c in ok[i:i + 2]]
        blocks += [b[0] for b in two] + [b[1] for b in two]
    missing = [c for c in res.commodities if not c.ok]
    if missing:
        blocks.append(Notice(tr(
            "以下商品路径未生成：" + "；".join(f"{commodity_name(c.spec, 'zh')}（{c.reason}）" for c in missing),
            "Commodity paths not built: " + "; ".join(f"{commodity_name(c.spec, 'en')} ({c.reason})" for c in missing),
            lang,
        )))
    return blocks


def _level(v: float) -> str:
    return F.num(v, 0 if v >= 100 else 1, thousands=True)


def _commodity_blocks(res: ScenarioSetResult, c: CommodityResult, hz: str, lang: str,
                      fr: Staleness, half: bool = False) -> list[Block]:
    """A commodity path: paragraph (last level, targets, horizon averages) and its YoY figure (drawn for
    half the width with ``half``, one of a pair)."""
    assert c.last_observed is not None
    unit = commodity_unit(c.spec, lang)
    targets = tr("、".join(f"{F.month_label(p)}{_level(v)}{unit}" for p, v in c.spec.targets),
                 ", ".join(f"{_level(v)} {unit} in {F.month_label(p, 'en')}" for p, v in c.spec.targets), lang)
    last = float(c.levels[c.levels.index == c.last_observed].iloc[0])
    nm_zh, nm_en = commodity_name(c.spec, "zh"), commodity_name(c.spec, "en")
    text = tr(
        f"{nm_zh}：{F.month_label(c.last_observed)}均价{_level(last)}{unit}，"
        f"假设路径为{targets}（其间线性）；{hz}均价{_level(c.mean_level)}{unit}，"
        f"同比均值{F.pct(c.mean_yoy * 100)}，年末同比{F.pct(c.end_yoy * 100)}。",
        f"{nm_en}: {_level(last)} {unit} on average in "
        f"{F.month_label(c.last_observed, 'en')}; assumed path {targets} (linear in between); average "
        f"{_level(c.mean_level)} {unit} over {hz}, YoY "
        f"{F.pct(c.mean_yoy * 100)} on average and {F.pct(c.end_yoy * 100)} at the end.",
        lang,
    )
    return [
        Paragraph(text),
        Figure(
            commodity_chart(res, c.key, lang, figsize=charts.HALF_FIGSIZE if half else None),
            **fr.exhibit(tr(f"{hz}{nm_zh}价格同比路径", f"{nm_en} price YoY path, {hz}", lang),
                         [c.meta.id] if c.meta is not None else [],
                         note=tr(f"月均价；假设路径：{targets}", f"monthly averages; assumed path: {targets}", lang)),
            source=_source(res, lang, [c.meta] if c.meta is not None else []),
        ),
    ]


def _bullet(s: ScenarioResult, names: Mapping[str, str], lang: str, file: ScenarioFile | None = None) -> str:
    """'情景二（乐观）：基准环比取…；猪肉…。全年中枢+1.35%，区间…' (assumption, then result)."""
    lo, hi = s.argmin, s.argmax
    desc = scenario_describe(s.spec, lang, names, file) if s.spec is not None else ""
    def ml(p: pd.Period) -> str:
        return _mlabel(p, lang)
    return tr(f"{scenario_label(s, 'zh')}：{desc}。全年中枢{F.qpct('scenario', s.mean * 100)}，区间{F.pct(s.min * 100)}（{ml(lo)}）至"
              f"{F.pct(s.max * 100)}（{ml(hi)}），{ml(s.yoy.index[-1])}{F.pct(s.end * 100)}。",
              f"{scenario_label(s, 'en')}: {desc}. Average {F.qpct('scenario', s.mean * 100)}, range {F.pct(s.min * 100)} ({ml(lo)}) to "
              f"{F.pct(s.max * 100)} ({ml(hi)}), {F.pct(s.end * 100)} in {ml(s.yoy.index[-1])}.", lang)


def _fmt2(v: float) -> str:
    return F.num(v, 2, signed=True)


# --------------------------------------------------------------------------- JSON for the command line
def _r(x: float | None, digits: int, scale: float = 100.0) -> float | None:
    if x is None or not np.isfinite(x):
        return None
    return round(float(x) * scale, digits)


def _json_values(s: pd.Series, digits: int, scale: float = 100.0) -> dict[str, float | None]:
    return {k: _r(v, digits, scale) for k, v in zip(period_key(s.index), s.to_numpy(dtype=float))}


def _first_projected(projected: pd.Series) -> str | None:
    p = projected[projected]
    return p.index[0].strftime("%Y-%m") if len(p) else None


def _scenario_json(s: ScenarioResult, digits: int) -> dict[str, Any]:
    out: dict[str, Any] = {
        "label": scenario_label(s, "zh"),
        "label_en": scenario_label(s, "en"),
        "path": _json_values(s.yoy, digits),
        "mean": _r(s.mean, digits),
        "min": _r(s.min, digits),
        "max": _r(s.max, digits),
        "end": _r(s.end, digits),
        "projected_from": _first_projected(s.projected),
        "mom": _json_values(s.mom, digits),
        "mom_source": dict(zip(period_key(s.source.index), s.source.tolist())),
    }
    if s.yoy_alt is not None:
        out["path_alt"] = _json_values(s.yoy_alt, digits)
        out["mean_alt"] = _r(s.mean_alt, digits)
    if s.decomposition is not None:
        out["carryover"] = _json_values(s.decomposition["carryover"], digits)
        out["new_price"] = _json_values(s.decomposition["new_price"], digits)
        out["carryover_mean"] = _r(s.carryover_mean, digits)
    return out


def _commodity_json(c: CommodityResult, digits: int) -> dict[str, Any]:
    if not c.ok:
        return {"series_id": c.series_id, "reason": c.reason}
    return {
        "series_id": c.series_id,
        "last_observed": c.last_observed.strftime("%Y-%m") if c.last_observed is not None else None,
        "levels": _json_values(c.in_horizon(c.levels), digits, scale=1.0),
        "yoy": _json_values(c.in_horizon(c.yoy), digits),
        "mean_level": _r(c.mean_level, digits, 1.0),
        "mean_yoy": _r(c.mean_yoy, digits),
    }


def scenario_json(res: ScenarioSetResult, digits: int = 4) -> dict[str, Any]:
    """``{"scenarios": {NAME: {"path": {"2026-01": …}, "mean": …, "min": …, "max": …}}, …}`` in percent."""
    return {
        "file": res.spec.file,
        "target": res.spec.target,
        "unit": "pct",
        "yoy_method": res.method,
        "as_of": res.as_of.strftime("%Y-%m"),
        "horizon": [res.spec.horizon[0].strftime("%Y-%m"), res.spec.horizon[1].strftime("%Y-%m")],
        "anchor": {
            "month": res.anchor.strftime("%Y-%m"),
            "yoy": _r(res.anchor_yoy, digits),
            "yoy_chained": _r(res.anchor_chained, digits),
            "gap_pp": _r(res.anchor_gap, digits),
        },
        "assumed": {p.strftime("%Y-%m"): _r(v, digits) for p, v in res.assumed.items()},
        "elasticities": {k: float(v) for k, v in res.elasticities.items()},
        "scenarios": {s.name: _scenario_json(s, digits) for s in res.scenarios},
        "commodities": {c.key: _commodity_json(c, digits) for c in res.commodities},
    }


def track_json(tr_: TrackResult, digits: int = 4) -> dict[str, Any]:
    """``scenario track --json``: by scenario, month by month path vs actual and the error, in percent."""
    spec, orig = tr_.spec, tr_.original
    summary = tr_.summary()
    out: dict[str, Any] = {
        "file": spec.file, "target": spec.target, "unit": "pct", "yoy_method": orig.method,
        "horizon": [spec.horizon[0].strftime("%Y-%m"), spec.horizon[1].strftime("%Y-%m")],
        "original_as_of": orig.as_of.strftime("%Y-%m"),
        "latest_as_of": tr_.latest.as_of.strftime("%Y-%m") if tr_.latest is not None else None,
        "months": [p.strftime("%Y-%m") for p in tr_.months],
        "scenarios": {},
    }
    for name in tr_.names:
        e = tr_.errors(name)
        vals = e.to_numpy(dtype=float)
        paths = tr_.paths(name)
        row = {k: float(v) for k, v in zip(summary.columns, summary.loc[name].to_numpy(dtype=float))}
        out["scenarios"][name] = {
            "months": {p.strftime("%Y-%m"): {k: _r(vals[i, j], digits) for j, k in enumerate(e.columns)}
                       for i, p in enumerate(e.index)},
            "bias": _r(row["bias"], digits), "mae": _r(row["mae"], digits),
            "centre_original": _r(row["centre_original"], digits),
            "centre_latest": _r(row["centre_latest"], digits),
            "path_original": _json_values(paths["original"], digits),
            "path_reanchored": _json_values(paths["reanchored"], digits),
        }
    return out
