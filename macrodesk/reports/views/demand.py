"""View of the outlook's demand readings (property, infrastructure, manufacturing investment; MLT loans), in one language.

Reads a :class:`~macrodesk.models.inflation.demand.DemandReadings` and writes the
paragraph above its charts: every value with the months it covers, since the
series end at different months.
"""

from __future__ import annotations

import pandas as pd

from macrodesk.models.inflation.demand import DemandReadings, LoanFlow, Reading
from macrodesk.text import format as F
from macrodesk.text import tr

__all__ = ["demand_text"]

_D = F.digits("published")


def _ytd(month: pd.Period, lang: str, year: bool = True) -> str:
    """"2025年1-3月" / "Jan–Mar 2025": the months a year-to-date figure covers (year left out with ``year=False``)."""
    span = F.span_label(1, int(month.month), lang)
    if not year:
        return span
    return f"{month.year}年{span}" if lang == "zh" else f"{span} {month.year}"


def _change(r: Reading, lang: str) -> str:
    """"，较1-2月回落0.1个百分点" / ", down 0.1 pp from Jan–Feb": the change from the reading before, "" without one."""
    if r.previous is None or r.previous_month is None:
        return ""
    prev = _ytd(r.previous_month, lang, year=r.previous_month.year != r.month.year)
    d = r.value - r.previous
    if F.num(d, _D) == F.num(0, _D):
        return tr(f"，与{prev}持平", f", unchanged from {prev}", lang)
    size = F.pp(abs(d), _D, signed=False, lang=lang)
    return tr(f"，较{prev}{'回升' if d > 0 else '回落'}{size}", f", {'up' if d > 0 else 'down'} {size} from {prev}", lang)


def _investment(r: Reading, zh: str, en: str, lang: str) -> str:
    return tr(f"{zh}{_ytd(r.month, lang)}累计同比{F.pct(r.value, _D)}",
              f"{en} was {F.pct(r.value, _D)} YoY in {_ytd(r.month, lang)}", lang) + _change(r, lang)


def _infrastructure(rs: tuple[Reading, ...], lang: str) -> str:
    sep = tr("、", "; ", lang)  # the English names hold commas
    if len({r.month for r in rs}) == 1:
        parts = sep.join(tr(f"{r.name_zh}{F.pct(r.value, _D)}", f"{r.name} {F.pct(r.value, _D)}", lang) for r in rs)
        return tr(f"基建相关的{len(rs)}个行业数据截至{_ytd(rs[0].month, lang)}，累计同比：{parts}。",
                  f"The {len(rs)} infrastructure sectors' data end in {_ytd(rs[0].month, lang)}, YTD YoY: {parts}.", lang)
    parts = sep.join(tr(f"{r.name_zh}{F.pct(r.value, _D)}（{_ytd(r.month, lang)}）",
                        f"{r.name} {F.pct(r.value, _D)} ({_ytd(r.month, lang)})", lang) for r in rs)
    return tr(f"基建相关行业累计同比：{parts}。", f"Infrastructure sectors, YTD YoY: {parts}.", lang)


def _loans(f: LoanFlow, lang: str) -> str:
    zh = f"{_ytd(f.month, 'zh')}新增企业中长期贷款合计{F.num(f.total, 0)}亿元"
    en = f"New medium/long-term corporate loans totalled CNY {F.num(f.total / 10, 0, thousands=True)}bn in {_ytd(f.month, 'en')}"
    if f.prior is not None:
        d = f.total - f.prior
        zh += f"，较上年同期{'多增' if d > 0 else '少增'}{F.num(abs(d), 0)}亿元" if F.num(d, 0) != "0" else "，与上年同期持平"
        en += (f", CNY {F.num(abs(d) / 10, 0, thousands=True)}bn {'more' if d > 0 else 'less'} than a year earlier"
               if F.num(d / 10, 0) != "0" else ", as much as a year earlier")
    return tr(zh + "。", en + ".", lang)


def demand_text(d: DemandReadings, lang: str = "zh") -> str:
    """The latest readings of 3.4's charts, each with its months and its change from the print before:
    "房地产开发投资2025年1-3月累计同比-9.9%，较1-2月回落0.1个百分点；制造业投资…"."""
    inv = [_investment(r, zh, en, lang) for r, zh, en in
           ((d.realestate, "房地产开发投资", "Real-estate development investment"),
            (d.manufacturing, "制造业投资", "manufacturing investment")) if r is not None]
    out = []
    if inv:
        first = tr("；", "; ", lang).join(inv)
        out.append(tr(first + "。", first[:1].upper() + first[1:] + ".", lang))
    if d.infrastructure:
        out.append(_infrastructure(d.infrastructure, lang))
    if d.loans is not None:
        out.append(_loans(d.loans, lang))
    return tr("", " ", lang).join(out)
