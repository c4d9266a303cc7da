"""Views of the CPI/PPI flash: sentences, tables and charts from :class:`~macrodesk.analyses.cpi_ppi_flash.FlashResults`.

Every function reads numbers computed in :func:`macrodesk.analyses.cpi_ppi_flash.compute` (fractions)
and returns text, a labelled table (percent) or a chart, in one language. Nothing is estimated here.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TypeAlias

import numpy as np
import pandas as pd

from macrodesk.models.inflation.pulls import ImpliedSplit
from macrodesk.models.inflation.review import CarryoverReview, SeasonalReview
from macrodesk.models.nowcast.base import Nowcast, round_print
from macrodesk.reports.model import Section
from macrodesk.reports.views._common import not_computable_text
from macrodesk.reports.views.freshness import Staleness
from macrodesk.reports.views.nowcast import input_label
from macrodesk.text import format as F
from macrodesk.text import tr

if TYPE_CHECKING:
    from matplotlib.figure import Figure as MplFigure

#: The flash's results (:class:`macrodesk.analyses.cpi_ppi_flash.FlashResults`, ``Headline``, ``FlashNowcast``):
#: typed loosely here, as views sit below the recipes.
FlashResults: TypeAlias = Any
Headline: TypeAlias = Any
FlashNowcast: TypeAlias = Any

__all__ = [
    "carryover_month_text", "carryover_table", "components_table", "components_text", "event_text", "groups_table",
    "groups_text", "headline_note", "headline_table", "headline_text", "next_note", "next_nowcast_text",
    "next_summary", "next_table", "numeral", "pulls_chart", "pulls_note", "renumber", "seasonal_month_text",
    "seasonal_table", "title_phrase",
]

_NUMERALS = "一二三四五六七八九十"


def numeral(n: int, lang: str) -> str:
    """The chapter number: "三" (zh) or "3" (en)."""
    return _NUMERALS[n - 1] if lang == "zh" and 1 <= n <= 10 else str(n)


def renumber(sections: Sequence[Section], lang: str) -> list[Section]:
    """Number chapter headings in order ("一、…" / "1. …"): the flash leaves out chapters without data."""
    sep = tr("、", ". ", lang)
    return [Section(f"{numeral(i, lang)}{sep}{s.heading}", s.blocks, level=s.level) for i, s in enumerate(sections, 1)]


def _p(x: float) -> float:
    """A fraction in percent (NaN stays NaN)."""
    return float(x) * 100 if x is not None and np.isfinite(x) else float("nan")


def _move(now: float, prior: float, lang: str, unit: str = "pp") -> str:
    """"较上月回升0.1个百分点" / "up 0.1 pp from the prior month" (percent inputs)."""
    d = now - prior
    if not np.isfinite(d):
        return ""
    if abs(d) < 0.05:
        return tr("与上月持平", "unchanged from the prior month", lang)
    return tr(f"较上月{'回升' if d > 0 else '回落'}{F.pp(abs(d), 1, signed=False)}",
              f"{'up' if d > 0 else 'down'} {F.pp(abs(d), 1, signed=False, lang='en')} from the prior month", lang)


# ---------------------------------------------------------------- headline
def _nowcast_of(h: Headline) -> Nowcast | None:
    n = h.nowcast
    return n.result if n is not None and isinstance(n.result, Nowcast) else None


def headline_table(cpi: Headline, ppi: Headline | None, lang: str) -> pd.DataFrame:
    """Rows: CPI YoY, CPI MoM (PPI likewise); columns: actual, prior, consensus, nowcast and the two surprises (percent)."""
    rows, names = [], []
    for h in (cpi, ppi):
        if h is None:
            continue
        nc = _nowcast_of(h)
        now_yoy = h.nowcast_print
        now_mom = round_print(nc.mom * 100) if nc is not None else np.nan
        rows.append([_p(h.yoy), _p(h.yoy_prior), _p(h.consensus), now_yoy])
        rows.append([_p(h.mom), _p(h.mom_prior), np.nan, now_mom])
        names += [tr(f"{h.name}同比", f"{h.name} YoY", lang), tr(f"{h.name}环比", f"{h.name} MoM", lang)]
    cols = [tr("实际值", "Actual", lang), tr("前值", "Prior", lang), tr("一致预期", "Consensus", lang),
            tr("模型预测", "Nowcast", lang)]
    df = pd.DataFrame(rows, columns=cols, index=pd.Index(names, name=tr("指标（%）", "Indicator (%)", lang)))
    df[tr("较一致预期(pp)", "vs consensus (pp)", lang)] = df[cols[0]] - df[cols[2]]
    df[tr("较模型预测(pp)", "vs nowcast (pp)", lang)] = df[cols[0]] - df[cols[3]]
    return df


def _versus(h: Headline, lang: str) -> str:
    """"高于Wind一致预期（+0.70%）0.1个百分点，与macrodesk发布前的模型预测（+0.8%）一致" with what is known.

    In English the comparisons join with "and" and a missing consensus is its own clause after a semicolon
    ("…, and in line with macrodesk's pre-release nowcast (+0.8%); no consensus is stored for the month").
    """
    y = _p(h.yoy)
    parts = []
    no_consensus = None
    if np.isfinite(h.consensus):
        parts.append(_gap_words(y, _p(h.consensus), tr("Wind一致预期", "the Wind consensus", lang), 2, lang))
    else:
        no_consensus = tr("本月一致预期未入库", "no consensus is stored for the month", lang)
        if lang == "zh":
            parts.append(no_consensus)
    if np.isfinite(h.nowcast_print):
        parts.append(_gap_words(y, h.nowcast_print, tr("macrodesk发布前的模型预测", "macrodesk's pre-release nowcast", lang),
                                1, lang))
    if lang == "zh":
        return "，".join(parts)
    text = _and_list(parts)
    if no_consensus:
        text = f"{text}; {no_consensus}" if text else no_consensus
    return text


def _and_list(parts: list[str]) -> str:
    """"a", "a and b", "a, b and c"."""
    return " and ".join([", ".join(parts[:-1]), parts[-1]]) if len(parts) > 1 else "".join(parts)


def _gap_words(y: float, ref: float, what: str, digits: int, lang: str) -> str:
    gap = y - ref
    if abs(gap) < 0.05:
        return tr(f"与{what}（{F.pct(ref, digits)}）一致", f"in line with {what} ({F.pct(ref, digits)})", lang)
    return tr(f"{'高于' if gap > 0 else '低于'}{what}（{F.pct(ref, digits)}）{F.pp(abs(gap), 1, signed=False)}",
              f"{F.pp(abs(gap), 1, signed=False, lang='en')} {'above' if gap > 0 else 'below'} {what} "
              f"({F.pct(ref, digits)})", lang)


def headline_text(h: Headline, month: pd.Period, lang: str) -> str:
    """"12月CPI同比+0.8%，前值+0.7%，较上月回升0.1个百分点，与…一致（+0.8%）；环比+0.2%，前值-0.1%。" """
    y, yp = _p(h.yoy), _p(h.yoy_prior)
    vs = _versus(h, lang)
    ml = tr(f"{month.month}月", month.strftime("%B"), lang)
    text = tr(f"{ml}{h.name}同比{F.pct(y)}，前值{F.pct(yp)}，{_move(y, yp, lang)}",
              f"{h.name} YoY was {F.pct(y)} in {ml} (prior {F.pct(yp)}), {_move(y, yp, lang)}", lang)
    if vs:
        text += tr("，", "; " if vs.startswith("no consensus") else ", ", lang) + vs
    text += tr(f"；环比{F.pct(_p(h.mom))}，前值{F.pct(_p(h.mom_prior))}。",
               f". MoM was {F.pct(_p(h.mom))} (prior {F.pct(_p(h.mom_prior))}).", lang)
    return text


def headline_note(release: _dt.date, estimated: bool, lang: str) -> str:
    eve = release - _dt.timedelta(days=1)
    day, eve_s = F.day_label(release, lang), F.day_label(eve, lang)
    est = tr("（按国家统计局发布规律估计）", " (estimated from the NBS release pattern)", lang) if estimated else ""
    return tr(f"发布日{day}{est}；模型预测为桥接模型按发布前一日（{eve_s}）可得的数据所作的实时预测（取一位小数），不含当月公布值和一致预期；"
              "一致预期为Wind一致预期（未入库时为“—”）",
              f"released {day}{est}; the nowcast is the bridge model's real-time nowcast from the data available on "
              f"the eve of the release ({eve_s}), rounded to one decimal, without the month's print or the consensus; "
              "consensus: Wind (— when not stored)", lang)


def event_text(res: FlashResults, lang: str) -> str:
    """The first key point: both headlines with prior, consensus and nowcast."""
    m = res.month
    parts = [_event_part(res.cpi, lang)]
    if res.ppi is not None:
        parts.append(_event_part(res.ppi, lang))
    return tr(f"事件：{F.month_label(m)}", f"Release: in {F.month_label(m, 'en')}, ", lang) + tr("；", "; ", lang).join(parts) \
        + tr("。", ".", lang)


def _event_part(h: Headline, lang: str) -> str:
    bits = [tr(f"前值{F.pct(_p(h.yoy_prior))}", f"prior {F.pct(_p(h.yoy_prior))}", lang)]
    if np.isfinite(h.consensus):
        bits.append(tr(f"一致预期{F.pct(_p(h.consensus), 2)}", f"consensus {F.pct(_p(h.consensus), 2)}", lang))
    if np.isfinite(h.nowcast_print):
        bits.append(tr(f"模型预测{F.pct(h.nowcast_print)}", f"nowcast {F.pct(h.nowcast_print)}", lang))
    return tr(f"{h.name}同比{F.pct(_p(h.yoy))}（{'，'.join(bits)}），环比{F.pct(_p(h.mom))}",
              f"{h.name} {F.pct(_p(h.yoy))} YoY ({', '.join(bits)}), {F.pct(_p(h.mom))} MoM", lang)


def title_phrase(res: FlashResults, lang: str) -> str:
    """"CPI同比回升，PPI降幅收窄" from the direction of the two YoY prints."""
    out = [_direction(res.cpi, lang)]
    if res.ppi is not None:
        out.append(_direction(res.ppi, lang))
    return tr("，", ", ", lang).join(out)


def _direction(h: Headline, lang: str) -> str:
    y, yp = round(_p(h.yoy), 1), round(_p(h.yoy_prior), 1)
    if not np.isfinite(yp) or abs(y - yp) < 0.05:
        return tr(f"{h.name}同比持平", f"{h.name} steady", lang)
    up = y > yp
    if y < 0 and yp < 0:
        return tr(f"{h.name}降幅{'收窄' if up else '扩大'}", f"{h.name} decline {'narrows' if up else 'deepens'}", lang)
    return tr(f"{h.name}同比{'回升' if up else '回落'}", f"{h.name} {'picks up' if up else 'eases'}", lang)


# ---------------------------------------------------------------- components and pulls
def _names(res: FlashResults, lang: str) -> dict[str, str]:
    """Display names of the components and groups (``res.names``: id -> (Chinese, English))."""
    return {i: tr(zh, en, lang) for i, (zh, en) in res.names.items()}


def _pulls(res: FlashResults) -> dict[str, float]:
    """Pull (fraction) of each component with one: the implied splits and the weighted items."""
    out: dict[str, float] = {}
    for s in res.splits:
        if isinstance(s, ImpliedSplit):
            out[s.names[0]] = s.pull_a
            out[s.names[1]] = s.pull_b
    for k, r in res.items.table.iterrows():
        out[str(k)] = float(r["pull"])
    return out


def components_table(res: FlashResults, lang: str) -> pd.DataFrame:
    """Rows: the components printed for the month; columns: YoY, prior, change (pp), pull on CPI YoY (pp)."""
    S, m = res.inputs.series, res.month
    names, pulls = _names(res, lang), _pulls(res)
    rows = []
    for i in res.components:
        s = S[i].to_fraction()
        rows.append([_p(s.get(m, np.nan)), _p(s.get(m - 1, np.nan)), _p(pulls.get(i, np.nan))])
    df = pd.DataFrame(rows, columns=[tr("同比(%)", "YoY (%)", lang), tr("前值(%)", "Prior (%)", lang),
                                     tr("拉动CPI(pp)", "Pull on CPI (pp)", lang)],
                      index=pd.Index([names[i] for i in res.components], name=tr("分项", "Component", lang)))
    df.insert(2, tr("变动(pp)", "Change (pp)", lang), df.iloc[:, 0] - df.iloc[:, 1])
    return df


#: Components named in the key point (the table and the chapter name every one printed).
_SHORT = ("cpi_food_yoy", "cpi_nonfood_yoy", "cpi_core_yoy", "cpi_pork_yoy", "cpi_fresh_veg_yoy", "cpi_energy_yoy")


def components_text(res: FlashResults, lang: str, short: bool = False) -> str:
    """"分项看，食品同比-…（拉动CPI约…个百分点）…；核心CPI…；猪肉…。" (``short``: the main ones only)."""
    S, m = res.inputs.series, res.month
    names, pulls = _names(res, lang), _pulls(res)
    bits = []
    for i in res.components:
        if short and i not in _SHORT:
            continue
        v = _p(S[i].to_fraction().get(m, np.nan))
        b = tr(f"{names[i]}同比{F.pct(v)}", f"{names[i]} {F.pct(v)}", lang)
        if i in pulls and np.isfinite(pulls[i]):
            b += tr(f"（拉动CPI约{F.pp(_p(pulls[i]), 2)}）", f" (pulling CPI by about {F.pp(_p(pulls[i]), 2, lang='en')})", lang)
        bits.append(b)
    text = tr(f"分项看，{m.month}月" + "，".join(bits) + "。", f"By component in {m.strftime('%B')}: " + ", ".join(bits) + ".",
              lang)
    movers = components_table(res, lang).iloc[:, 2].dropna().sort_values()
    if len(movers) >= 2:
        text += tr(f"较上月回升最多的是{movers.index[-1]}（{F.pp(movers.iloc[-1], 1)}），回落最多的是{movers.index[0]}（{F.pp(movers.iloc[0], 1)}）。",
                   f" The largest rise from the prior month was {movers.index[-1]} ({F.pp(movers.iloc[-1], 1, lang='en')}), "
                   f"the largest fall {movers.index[0]} ({F.pp(movers.iloc[0], 1, lang='en')}).", lang)
    return text


def pulls_note(res: FlashResults, lang: str) -> str:
    """How each pull was computed, and which weights are not in the store."""
    names = _names(res, lang)
    bits = []
    for s in res.splits:
        if isinstance(s, ImpliedSplit):
            a, b = names[s.names[0]], names[s.names[1]]
            bits.append(tr(f"{a}与{b}的拉动 = 隐含权重 × 同比，{a}隐含权重{F.num(s.weight * 100, 1)}%（近{s.months}个月CPI、{a}、{b}同比的最小二乘估计）",
                           f"{a} and {b}: implied weight × YoY, {a} weight {F.num(s.weight * 100, 1)}% (least squares on "
                           f"the last {s.months} months of CPI, {a} and {b} YoY)", lang))
    if len(res.items.table):
        bits.append(tr("单项拉动 = 入库的篮子权重 × 同比", "items: stored basket weight × YoY", lang))
    lacking = [names[k] for k, why in res.items.not_computable.items() if why == "no basket weight"]
    if lacking:
        bits.append(tr(f"{'、'.join(lacking)}的篮子权重未入库（cpi_weight_<分项>），未计算拉动",
                       f"no stored basket weight (cpi_weight_<item>) for {', '.join(lacking)}, so no pull", lang))
    return tr("；", "; ", lang).join(bits) if bits else tr("分项权重未入库，未计算拉动", "no weights stored, so no pulls", lang)


def pulls_chart(res: FlashResults, split: ImpliedSplit, total: pd.Series, lang: str) -> MplFigure:
    """Stacked pulls of the two parts by month with the headline YoY as a line (percent)."""
    from macrodesk.plotting import charts

    names = _names(res, lang)
    df = split.pulls.rename(columns={"a": names[split.names[0]], "b": names[split.names[1]]}) * 100
    y = (total.reindex(df.index) * 100).rename(tr("CPI同比", "CPI YoY", lang))
    df.index = pd.Index([F.month_label(p, lang) if i == 0 or p.month == 1 else tr(f"{p.month}月", p.strftime("%b"), lang)
                         for i, p in enumerate(df.index)])
    y.index = df.index
    return charts.stacked_contributions(df, y, lang=lang, ylabel="%")


# ---------------------------------------------------------------- carry-over
def _next_carry(co: CarryoverReview, month: pd.Period) -> float:
    """Carry-over of the month after ``month`` (fraction): from last year's MoMs, or next year's January."""
    nxt = month + 1
    if nxt.year == co.year:
        return float(co.table["carryover"].get(nxt, np.nan))
    if co.next_year is not None:
        return float(co.next_year.get(nxt, np.nan))
    return float("nan")


def carryover_table(res: FlashResults, lang: str) -> pd.DataFrame:
    """Rows CPI (and PPI); columns: YoY, carry-over, new price, next month's carry-over (percent)."""
    m = res.month
    rows, names = [], []
    for co in (res.carryover, res.ppi_carryover):
        if co is None:
            continue
        r = co.table.loc[m]
        rows.append([_p(r["published"]), _p(r["carryover"]), _p(r["new_price"]), _p(_next_carry(co, m))])
        names.append(co.name)
    return pd.DataFrame(rows, index=pd.Index(names, name=tr("指标（%）", "Index (%)", lang)),
                        columns=[tr("同比", "YoY", lang), tr("翘尾因素", "Carry-over", lang), tr("新涨价因素", "New price", lang),
                                 tr(f"{(m + 1).month}月翘尾", f"Carry-over, {(m + 1).strftime('%b')}", lang)])


def carryover_month_text(co: CarryoverReview, month: pd.Period, lang: str) -> str:
    """"11月CPI同比+0.7%，其中翘尾因素…，新涨价因素…；12月翘尾因素约…，较本月回落…。" """
    r = co.table.loc[month]  # type: ignore[call-overload]  # a Period label (pandas-stubs)
    y, c, n = _p(r["published"]), _p(r["carryover"]), _p(r["new_price"])
    d = F.digits("carryover")
    ml = tr(f"{month.month}月", month.strftime("%B"), lang)
    if month.month == 12:  # the carry-over of December is zero by definition
        text = tr(f"{ml}{co.name}同比{F.pct(y)}，12月翘尾因素为零，全年环比累计（新涨价因素）{F.pct(n, d)}",
                  f"{co.name} YoY of {F.pct(y)} in {ml}: December has no carry-over, and the year's cumulative MoM "
                  f"(new-price effect) was {F.pct(n, d)}", lang)
    else:
        text = tr(f"{ml}{co.name}同比{F.pct(y)}，其中翘尾因素{F.pct(c, d)}，新涨价因素{F.pct(n, d)}",
                  f"{co.name} YoY of {F.pct(y)} in {ml}: carry-over {F.pct(c, d)}, new-price effect {F.pct(n, d)}", lang)
    nc = _p(_next_carry(co, month))
    if np.isfinite(nc):
        nm = month + 1
        nml = tr(f"{nm.year}年1月" if nm.month == 1 else f"{nm.month}月", nm.strftime("%B %Y") if nm.month == 1
                 else nm.strftime("%B"), lang)
        chg = nc - c
        if abs(chg) < 0.005:
            move = tr("与本月持平", "the same as this month's", lang)
        else:
            move = tr(f"较本月{'抬升' if chg > 0 else '回落'}{F.pp(abs(chg), 2, signed=False)}",
                      f"{F.pp(abs(chg), 2, signed=False, lang='en')} {'higher' if chg > 0 else 'lower'} than this month's",
                      lang)
        text += tr(f"；{nml}翘尾因素约{F.pct(nc, d)}，{move}", f"; the carry-over of {nml} is about {F.pct(nc, d)}, {move}", lang)
    return text + tr("。", ".", lang)


# ---------------------------------------------------------------- seasonal
def seasonal_table(res: FlashResults, lang: str) -> pd.DataFrame:
    """Rows CPI (and PPI); columns: this month's MoM, each window's mean and the gap, the longer window's min and max."""
    rows, names = [], []
    for s in (res.seasonal, res.ppi_seasonal):
        if s is None:
            continue
        row: dict[str, float] = {tr("本月环比", "MoM", lang): _p(s.actual)}
        for w, st in s.norms.items():
            row[tr(f"{w}年均值", f"{w} mean", lang)] = _p(st["mean"])
            row[tr(f"较{w}年均值", f"vs {w} mean", lang)] = _p(s.gap(w))
        if s.norms:
            w, st = list(s.norms.items())[-1]
            row[tr(f"{w}年最低", f"{w} min", lang)] = _p(st["min"])
            row[tr(f"{w}年最高", f"{w} max", lang)] = _p(st["max"])
        rows.append(row)
        names.append(s.name)
    return pd.DataFrame(rows, index=pd.Index(names, name=tr("指标（%）", "Index (%)", lang)))


def seasonal_month_text(s: SeasonalReview, lang: str) -> str:
    """"12月CPI环比+0.20%，高于近5年同月均值（…）…个百分点，…" """
    m = s.end_month
    ml = tr(f"{m}月", pd.Period(f"2000-{m:02d}", freq="M").strftime("%B"), lang)
    bits = []
    for w, st in s.norms.items():
        gap = _p(s.gap(w))
        yrs = w.split("-")
        n = int(yrs[1]) - int(yrs[0]) + 1
        if abs(gap) < 0.005:
            rel_zh, rel_en = "持平于", "in line with"
        else:
            rel_zh, rel_en = ("高于" if gap > 0 else "低于"), ("above" if gap > 0 else "below")
        tail_zh = "" if abs(gap) < 0.005 else F.pp(abs(gap), 2, signed=False)
        tail_en = "" if abs(gap) < 0.005 else f" by {F.pp(abs(gap), 2, signed=False, lang='en')}"
        bits.append(tr(f"{rel_zh}近{n}年（{w}年）同月均值（{F.pct(_p(st['mean']), 2)}）{tail_zh}",
                       f"{rel_en} the {n}-year ({w}) mean of the month ({F.pct(_p(st['mean']), 2)}){tail_en}", lang))
    text = tr(f"季节性看，{ml}{s.name}环比{F.pct(_p(s.actual), 1)}，" + "，".join(bits),
              f"Seasonally, {s.name} MoM in {ml} was {F.pct(_p(s.actual), 1)}, " + ", ".join(bits), lang)
    if s.norms:
        st = list(s.norms.values())[-1]
        lo, hi = _p(st["min"]), _p(st["max"])
        if _p(s.actual) > hi + 1e-9 or _p(s.actual) < lo - 1e-9:
            text += tr(f"，且超出近10年同月区间（{F.pct(lo)}至{F.pct(hi)}）",
                       f", outside the 10-year range of the month ({F.pct(lo)} to {F.pct(hi)})", lang)
    return text + tr("。", ".", lang)


# ---------------------------------------------------------------- PPI groups
def groups_table(res: FlashResults, lang: str) -> pd.DataFrame:
    """Rows: the groups; columns: the month of the last print, YoY, prior, change (percent)."""
    names = _names(res, lang)
    rows = []
    for i, s in res.groups.items():
        last = s.index[-1]
        rows.append([F.month_label(last, lang), float(s.iloc[-1]), float(s.get(last - 1, np.nan))])
    df = pd.DataFrame(rows, index=pd.Index([names[i] for i in res.groups], name=tr("大类", "Group", lang)),
                      columns=[tr("最新月份", "Last month", lang), tr("同比(%)", "YoY (%)", lang), tr("前值(%)", "Prior (%)", lang)])
    df[tr("变动(pp)", "Change (pp)", lang)] = df.iloc[:, 1] - df.iloc[:, 2]
    return df


def groups_text(res: FlashResults, lang: str, fr: Staleness) -> str:
    """"分大类看，生产资料同比…，采掘工业（截至2025年11月）同比…。" — a stale group carries its own month.

    ``fr`` is the report's :class:`~macrodesk.reports.views.freshness.Staleness` (the mark and the data-status box).
    """
    names, m = _names(res, lang), res.month
    bits = []
    for i, s in res.groups.items():
        last = s.index[-1]
        mark = fr.mark([i]) if last < m else ""
        prior = s.get(last - 1, np.nan)
        move = _move(float(s.iloc[-1]), float(prior), lang)
        bits.append(tr(f"{names[i]}{mark}同比{F.pct(float(s.iloc[-1]))}" + (f"，{move}" if move else ""),
                       f"{names[i]}{mark} {F.pct(float(s.iloc[-1]))}" + (f", {move}" if move else ""), lang))
    return tr("分大类看，" + "；".join(bits) + "。", "By group: " + "; ".join(bits) + ".", lang)


# ---------------------------------------------------------------- next month
def _missing_words(nc: Nowcast, lang: str) -> str:
    if not nc.missing_inputs:
        return ""
    names = [input_label(i, lang) for i in nc.missing_inputs]
    return tr(f"其中{'、'.join(names)}本月无数据（未入库或尚未更新），对应部分按季节性规律处理",
              f"{', '.join(names)} have no data for the month (not stored or not yet updated) and enter at their "
              "seasonal norm", lang)


def next_nowcast_text(n: FlashNowcast, lang: str) -> str:
    """The nowcast of next month with its interval, or why there is none."""
    name = tr("CPI同比", "CPI YoY", lang) if n.target.startswith("cpi") else tr("PPI同比", "PPI YoY", lang)
    ml = F.month_label(n.month, lang)
    day = F.day_label(n.as_of, lang)
    r = n.result
    if isinstance(r, str):
        return tr(f"{ml}{name}：模型无法预测（{r}）。", f"{name}, {ml}: no nowcast ({r}).", lang)
    if not isinstance(r, Nowcast):
        return tr(f"{ml}{name}：", f"{name}, {ml}: ", lang) + not_computable_text(r, lang)
    lo, hi = r.interval()
    text = tr(f"按{day}可得的数据，桥接模型预测{ml}{name}{F.pct(r.yoy_print)}（80%区间{F.pct(lo)}至{F.pct(hi)}），"
              f"本月为{F.pct(_p(r.anchor_yoy))}；对应环比{F.pct(_p(r.mom), 2)}，去年同月环比{F.pct(_p(r.base_mom))}，"
              f"翘尾及基数（环比为零时的同比）{F.pct(_p(r.carry), 2)}",
              f"From the data available on {day}, the bridge model nowcasts {name} for {ml} at {F.pct(r.yoy_print)} "
              f"(80% interval {F.pct(lo)} to {F.pct(hi)}), against {F.pct(_p(r.anchor_yoy))} this month; the MoM behind it "
              f"is {F.pct(_p(r.mom), 2)} against {F.pct(_p(r.base_mom))} a year earlier, and the YoY with a zero MoM "
              f"would be {F.pct(_p(r.carry), 2)}", lang)
    miss = _missing_words(r, lang)
    if miss:
        text += tr("；", "; ", lang) + miss
    return text + tr("。", ".", lang)


def next_table(res: FlashResults, lang: str) -> pd.DataFrame | None:
    """Rows CPI (and PPI): nowcast, 80% interval, this month, MoM nowcast, MoM a year earlier (percent)."""
    rows, names = [], []
    for n in (res.next_cpi, res.next_ppi):
        if n is None or not isinstance(n.result, Nowcast):
            continue
        r = n.result
        lo, hi = r.interval()
        rows.append([r.yoy_print, lo, hi, _p(r.anchor_yoy), _p(r.mom), _p(r.base_mom)])
        names.append(tr(r.target.name_zh, r.target.name_en, lang))
    if not rows:
        return None
    return pd.DataFrame(rows, index=pd.Index(names, name=tr("指标（%）", "Indicator (%)", lang)),
                        columns=[tr("预测", "Nowcast", lang), tr("80%区间下限", "80% low", lang), tr("80%区间上限", "80% high", lang),
                                 tr("本月", "This month", lang), tr("预测环比", "MoM nowcast", lang),
                                 tr("去年同月环比", "MoM a year earlier", lang)])


def next_note(res: FlashResults, lang: str) -> str:
    day = res.release
    d = F.day_label(day, lang)
    return tr(f"桥接模型：高频价格（食品批发价、成品油、大宗商品）的月内均值对环比回归，按已公布的同比递推；"
              f"信息截至{d}（本月数据发布日）；区间由模型残差估计",
              f"bridge model: MoM on month-to-date means of high-frequency prices (wholesale food, fuel, "
              f"commodities), turned into YoY with the published history; data as of {d} (this month's release "
              "day); interval from the model's residuals", lang)


def next_summary(res: FlashResults, lang: str) -> str | None:
    """The key point on next month: both nowcasts with their intervals."""
    bits = []
    for n in (res.next_cpi, res.next_ppi):
        if n is not None and isinstance(n.result, Nowcast):
            r = n.result
            lo, hi = r.interval()
            bits.append(tr(f"{r.target.name_zh}{F.pct(r.yoy_print)}（80%区间{F.pct(lo)}至{F.pct(hi)}）",
                           f"{r.target.name_en} {F.pct(r.yoy_print)} (80% interval {F.pct(lo)} to {F.pct(hi)})", lang))
    if not bits:
        return None
    nm = res.month + 1
    return tr(f"展望：模型预测{F.month_label(nm)}" + "，".join(bits) + "。",
              f"Outlook: the model nowcasts {F.month_label(nm, 'en')} " + " and ".join(bits) + ".", lang)
