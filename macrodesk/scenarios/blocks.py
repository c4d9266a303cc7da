"""Report blocks for a scenario section: paragraph with the centres, the paths chart, the monthly table.

The outlook report includes a scenario section with::

    from macrodesk.scenarios import load_spec, run, scenario_blocks

    res = run(load_spec("cpi_2026.toml"), inputs.series, as_of)
    Section("CPI全年节奏推演", scenario_blocks(res, lang))
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import TYPE_CHECKING

from macrodesk.text import source_line, tr
from macrodesk.text import format as F
from macrodesk.reports.model import Block, Bullets, Figure, Notice, Paragraph, Table

if TYPE_CHECKING:  # pragma: no cover
    from macrodesk.scenarios.engine import ScenarioSetResult

__all__ = ["scenario_blocks"]


def _source(res: "ScenarioSetResult", lang: str, metas=None) -> str:
    metas = res.inputs if metas is None else metas
    return source_line([SimpleNamespace(meta=m) for m in metas], lang)


def _horizon_caption(res: "ScenarioSetResult", lang: str) -> str:
    a, b = res.spec.horizon
    if a.year == b.year and a.month == 1 and b.month == 12:
        return tr(f"{a.year}年", f"{a.year}", lang)
    return F.span_label(a, b, lang)


def scenario_blocks(
    res: "ScenarioSetResult",
    lang: str = "zh",
    *,
    history_months: int = 36,
    commodities: bool = True,
) -> list[Block]:
    """Paragraph + Bullets (assumptions, centres, ranges), Figure (history + paths), Table (monthly paths).

    With ``commodities=True`` each commodity path that could be built adds a
    paragraph and a figure of its YoY; a commodity whose path could not be
    built is named in a Notice. The figure note gives the YoY method, the
    assumptions used for unpublished months and the file's ``source``.
    """
    nm = res.spec.name(lang)
    hz = _horizon_caption(res, lang)
    names = {c.key: c.name(lang) for c in res.commodities}
    blocks: list[Block] = [Paragraph(
        res.intro(lang) + tr(f"{hz}{nm}同比各情景的假设与结果如下：", f" The scenarios for {nm} YoY over {hz}:", lang)
    )]
    blocks.append(Bullets([_bullet(s, names, lang) for s in res.scenarios]))
    notes = res.notes(lang)
    if notes:
        blocks.append(Paragraph(notes))
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
    if res.spec.source_text(lang):
        src_txt = res.spec.source_text(lang)
        note_parts.append(tr(f"情景假设来自{src_txt}", f"scenario assumptions from {src_txt}", lang))
    note = ("；" if lang == "zh" else "; ").join(note_parts)
    src = _source(res, lang)
    blocks.append(
        Figure(
            res.chart(lang, history_months=history_months),
            tr(f"{hz}{nm}同比情景推演", f"{nm} YoY scenarios, {hz}", lang),
            source=src,
            note=note,
        )
    )
    table = res.table(lang)
    blocks.append(
        Table(
            table,
            tr(f"{hz}{nm}同比各情景逐月路径（%）", f"{nm} YoY by month and scenario, {hz} (%)", lang),
            source=src,
            formats={c: _fmt2 for c in table.columns},
        )
    )
    if commodities:
        for c in res.commodities:
            if not c.ok:
                continue
            unit = c.unit(lang)
            targets = "、".join(f"{F.month_label(p)}{F.num(v, 0 if v >= 100 else 1, thousands=True)}{unit}"
                               for p, v in res.spec.commodity(c.key).targets) if lang == "zh" else \
                ", ".join(f"{F.num(v, 0 if v >= 100 else 1, thousands=True)} {unit} in {F.month_label(p, 'en')}"
                          for p, v in res.spec.commodity(c.key).targets)
            last = c.levels[c.last_observed]
            text = tr(
                f"{c.name('zh')}：{F.month_label(c.last_observed)}均价{F.num(last, 0 if last >= 100 else 1, thousands=True)}{unit}，"
                f"假设路径为{targets}（其间线性）；{hz}均价{F.num(c.mean_level, 0 if c.mean_level >= 100 else 1, thousands=True)}{unit}，"
                f"同比均值{F.pct(c.mean_yoy * 100)}，年末同比{F.pct(c.end_yoy * 100)}。",
                f"{c.name('en')}: {F.num(last, 0 if last >= 100 else 1, thousands=True)} {unit} on average in "
                f"{F.month_label(c.last_observed, 'en')}; assumed path {targets} (linear in between); average "
                f"{F.num(c.mean_level, 0 if c.mean_level >= 100 else 1, thousands=True)} {unit} over {hz}, YoY "
                f"{F.pct(c.mean_yoy * 100)} on average and {F.pct(c.end_yoy * 100)} at the end.",
                lang,
            )
            blocks.append(Paragraph(text))
            blocks.append(
                Figure(
                    res.commodity_chart(c.key, lang),
                    tr(f"{hz}{c.name('zh')}价格同比路径", f"{c.name('en')} price YoY path, {hz}", lang),
                    source=_source(res, lang, [c.meta] if c.meta is not None else []),
                    note=tr(f"月均价；假设路径：{targets}", f"monthly averages; assumed path: {targets}", lang),
                )
            )
    missing = [c for c in res.commodities if not c.ok]
    if missing and commodities:
        blocks.append(Notice(tr(
            "以下商品路径未生成：" + "；".join(f"{c.name('zh')}（{c.reason}）" for c in missing),
            "Commodity paths not built: " + "; ".join(f"{c.name('en')} ({c.reason})" for c in missing),
            lang,
        )))
    return blocks


def _bullet(s, names, lang: str) -> str:
    """'情景二（乐观）：基准环比取…；猪肉…。全年中枢+1.35%，区间…' (assumption, then result)."""
    lo, hi = s.argmin, s.argmax
    desc = s.spec.describe(lang, names) if s.spec is not None else ""
    ml = (lambda p: f"{p.month}月") if lang == "zh" else (lambda p: p.strftime("%b"))
    if lang == "zh":
        return (f"{s.label('zh')}：{desc}。全年中枢{F.pct(s.mean * 100, 2)}，区间{F.pct(s.min * 100)}（{ml(lo)}）至"
                f"{F.pct(s.max * 100)}（{ml(hi)}），{ml(s.yoy.index[-1])}{F.pct(s.end * 100)}。")
    return (f"{s.label('en')}: {desc}. Average {F.pct(s.mean * 100, 2)}, range {F.pct(s.min * 100)} ({ml(lo)}) to "
            f"{F.pct(s.max * 100)} ({ml(hi)}), {F.pct(s.end * 100)} in {ml(s.yoy.index[-1])}.")


def _fmt2(v: float) -> str:
    return F.num(v, 2, signed=True)
