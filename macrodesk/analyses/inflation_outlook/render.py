"""The rendering step of the ``inflation-outlook`` report: results in, a :class:`Report` in one language.

:func:`render` reads an :class:`~macrodesk.analyses.inflation_outlook.compute.OutlookResults`
and writes the chapters (:mod:`.render_review`, :mod:`.render_outlook`), the
scenario and nowcast sections, the risks and the data notes. Nothing is
estimated here: every number comes from the results.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from macrodesk.analyses.inflation_outlook._notes import _Gaps, _src
from macrodesk.analyses.inflation_outlook.compute import OutlookResults
from macrodesk.analyses.inflation_outlook.render_outlook import cpi_sections, ppi_sections
from macrodesk.analyses.inflation_outlook.render_review import review_sections
from macrodesk.exceptions import MacrodeskError, ModelError
from macrodesk.plotting import charts
from macrodesk.reports.exhibits import exhibit
from macrodesk.reports.model import Bullets, Figure, Notice, Paragraph, Report, Section
from macrodesk.reports.views.freshness import Staleness
from macrodesk.text import format as F
from macrodesk.text import label, tr

__all__ = ["render"]


# ---------------------------------------------------------------- scenarios and nowcasts
def _scenario_blocks(res: OutlookResults, lang: str, fr: Staleness) -> list:
    """Blocks of the scenario section from the shipped files run in :mod:`.compute` (empty: no section).

    Two sets over one horizon (CPI and PPI) read as one passage, their charts side by side and their
    monthly paths in one table (:func:`~macrodesk.reports.views.scenarios.scenario_pair_blocks`).
    """
    from macrodesk.reports.views.scenarios import scenario_blocks, scenario_pair_blocks, target_name

    runs = list(res.extensions.scenarios) if res.extensions is not None else []
    done = [out for _, out in runs if not isinstance(out, str)]
    if len(runs) == 2 and len(done) == 2 and done[0].spec.horizon == done[1].spec.horizon:
        return scenario_pair_blocks(done[0], done[1], lang, staleness=fr)
    blocks: list = []
    for spec, out in runs:
        if isinstance(out, str):
            blocks.append(Notice(tr(f"{target_name(spec, 'zh')}情景未能计算：{out}",
                                    f"{target_name(spec, 'en')} scenarios not computed: {out}", lang)))
            continue
        blocks += scenario_blocks(out, lang, staleness=fr)
    return blocks


def _scenario_points(res: OutlookResults, lang: str) -> list[str]:
    """The key points of the scenario sets: the centres of each, and the method."""
    from macrodesk.reports.views.scenarios import scenario_key_point

    return [scenario_key_point(out, lang) for _, out in (res.extensions.scenarios if res.extensions is not None else ())
            if not isinstance(out, str)]


def _nowcast_blocks(res: OutlookResults, lang: str, fr: Staleness) -> list:
    """Blocks of the real-time nowcast backtests computed in :mod:`.compute`."""
    from macrodesk.reports.views.nowcast import backtest_blocks

    ext = res.extensions
    if ext is None:
        return []
    if ext.nowcast_error is not None:
        raise ModelError(ext.nowcast_error)  # recorded in the data notes by the guard, as before
    return backtest_blocks(list(ext.nowcasts), lang, staleness=fr) if ext.nowcasts else []


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


def _intro(res: OutlookResults, gaps: _Gaps, lang: str) -> tuple[Section, str]:
    """The opening chapter's first section: the latest CPI and PPI YoY and ten years of history."""
    inputs, S, month = res.inputs, res.inputs.series, res.month
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
        gaps.need("ppi", "ppi_yoy")
    intro = Section(
        tr(f"{res.year}年通胀回顾", f"{res.year} in review", lang),
        [Paragraph(head), exhibit("cpi_ppi_history").figure(S, month, lang, staleness=Staleness(res.status, month, lang))],
    )
    return intro, head


def render(res: OutlookResults, lang: str = "zh") -> Report:
    """The ``inflation-outlook`` report in ``lang`` from computed results."""
    month = res.month
    nxt = res.year + 1
    gaps = _Gaps()
    fr = Staleness(res.status, month, lang)
    intro, head = _intro(res, gaps, lang)
    # each chapter is guarded: data a model cannot use are reported, never fatal
    review, key1 = _guarded(gaps, ([], []), review_sections, res, gaps, lang)
    cpi_sections_, key2 = _guarded(gaps, ([], []), cpi_sections, res, gaps, lang)
    ppi_sections_, key3, risks = _guarded(gaps, ([], [], []), ppi_sections, res, gaps, lang)

    sections: list[Section] = [intro, *review]
    sections.append(Section(tr(f"{nxt}年CPI展望", f"CPI outlook for {nxt}", lang), []))
    sections += cpi_sections_
    sections.append(Section(tr(f"{nxt}年PPI展望", f"PPI outlook for {nxt}", lang), []))
    sections += ppi_sections_
    scen = _scenario_blocks(res, lang, fr)
    if scen:
        sections.append(Section(tr(f"{nxt}年CPI与PPI情景推演", f"CPI and PPI scenarios for {nxt}", lang), scen))
    nowcasts = _guarded(gaps, [], _nowcast_blocks, res, lang, fr)
    if nowcasts:
        sections.append(Section(tr("CPI与PPI实时预测模型回测", "Real-time CPI and PPI nowcasts: backtest", lang), nowcasts))
    risks.insert(0, tr(
        "以上领先关系、传导系数与因子弹性均为历史统计规律，政策（如“反内卷”）或经济结构变化可能使其失效。",
        "The leads, pass-through and elasticities above are historical regularities; policy or structural change may break them.",
        lang,
    ))
    risk_blocks: list = [Bullets(risks)]
    uncovered = gaps.uncovered(lang)
    if uncovered:
        risk_blocks.append(Paragraph(uncovered))
    sections.append(Section(tr("风险提示", "Risks", lang), risk_blocks))
    notes = gaps.notices(lang)

    kept = fr.relabel_sections(_numbered(sections, lang))
    kept.append(fr.box())
    if notes:
        kept.append(Section(tr("附录：数据说明", "Appendix: data notes", lang), notes))

    summary = [head] + _scenario_points(res, lang) + [k for k in key1 + key2 + key3][:6]
    return Report(
        title=tr(f"{nxt}年通胀展望", f"Inflation outlook for {nxt}", lang),
        subtitle=tr("CPI与PPI：回顾、猪周期、翘尾、M1与商品因子、库存周期",
                    "CPI and PPI: review, pig cycle, carry-over, M1 and commodity factors, inventory cycles", lang),
        date=tr(f"数据截至{F.month_label(month)}", f"Data to {F.month_label(month, 'en')}", lang),
        lang=lang,
        summary=summary,
        sections=kept,
        disclaimer=label("generated_disclaimer", lang),
    )
