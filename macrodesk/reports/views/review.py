"""Views of the year's review: cumulative MoM against seasonal norms, carry-over and new price.

Each function reads a :class:`~macrodesk.models.inflation.review.SeasonalReview`
or :class:`~macrodesk.models.inflation.review.CarryoverReview` and returns a
sentence, a table with labels or a chart, in one language.
"""

from __future__ import annotations

from typing import cast

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from macrodesk.models.inflation.review import CarryoverReview, SeasonalReview
from macrodesk.plotting import charts
from macrodesk.text import format as F
from macrodesk.text import tr

__all__ = [
    "assumed_note",
    "carryover_chart",
    "carryover_text",
    "month_names",
    "next_year_carryover_chart",
    "next_year_carryover_text",
    "seasonal_review_chart",
    "seasonal_review_table",
    "seasonal_review_text",
]


def month_names(idx: pd.Index, lang: str) -> list[str]:
    """"1月" … (zh) or "Jan" … (en) for each month of ``idx``."""
    return [tr(f"{p.month}月", p.strftime("%b"), lang) for p in idx]


# ---------------------------------------------------------------- seasonal review
def seasonal_review_table(res: SeasonalReview, lang: str = "zh") -> pd.DataFrame:
    """Rows: this year, last year, each window's mean; columns: value and gap (percent)."""
    rows = {F.num(res.year, 0) + tr("年", "", lang): res.actual, F.num(res.year - 1, 0) + tr("年", "", lang): res.previous}
    for w, st in res.norms.items():
        rows[tr(f"{w}年均值", f"{w} mean", lang)] = float(st["mean"])
    df = pd.DataFrame({tr("环比累计(%)", "Cumulative (%)", lang): pd.Series(rows) * 100})
    df[tr(f"{res.year}年高出(pp)", f"Gap: {res.year} − row (pp)", lang)] = (res.actual - pd.Series(rows)) * 100
    df.iloc[0, 1] = np.nan
    return df


def seasonal_review_text(res: SeasonalReview, lang: str = "zh") -> str:
    """This year's cumulative change against each window's mean, and last year's."""
    span = F.span_label(res.start_month, res.end_month, lang)
    parts = []
    for w in res.norms:
        mean = float(res.norms[w]["mean"]) * 100
        gap = res.gap(w) * 100
        if abs(gap) < 0.05:
            rel_zh, rel_en = "与", "in line with"
            tail_zh = "基本持平"
        else:
            rel_zh, rel_en = ("高于", "above") if gap > 0 else ("低于", "below")
            tail_zh = ""
        parts.append(
            tr(
                f"{rel_zh}{w}年同期均值{F.pct(mean)}{tail_zh}（超季节性{F.pp(gap, 2)}）",
                f"{rel_en} the {w} average of {F.pct(mean)} (gap {F.pp(gap, 2, lang='en')})",
                lang,
            )
        )
    head = tr(
        f"{res.year}年{span}{res.name}环比累计{F.pct(res.actual * 100)}，",
        f"In {span} {res.year}, {res.name} {'rose' if res.actual >= 0 else 'fell'} "
        f"{F.pct(abs(res.actual) * 100, signed=False)} cumulatively (MoM), ",
        lang,
    )
    tail = tr(
        f"；{res.year - 1}年同期为{F.pct(res.previous * 100)}。",
        f"; {F.pct(res.previous * 100)} in the same months of {res.year - 1}.",
        lang,
    )
    return head + tr("，", ", ", lang).join(parts) + tail


def seasonal_review_chart(res: SeasonalReview, lang: str = "zh", figsize: tuple[float, float] | None = None) -> Figure:
    """The cumulative change of each year (the review year in red) with each window's mean as a line
    (``figsize=HALF_FIGSIZE`` for half the text width)."""
    ranges = res.window_ranges()
    first = min(min(r) for r in ranges) if ranges else res.year - 10
    years = [y for y in res.by_year.index if y >= first]
    s = res.by_year.loc[years] * 100
    df = pd.DataFrame({tr("环比累计", "Cumulative MoM", lang): s})
    df.index = pd.Index([str(y) for y in df.index])
    for w, st in res.norms.items():
        df[tr(f"{w}年均值", f"{w} mean", lang)] = float(st["mean"]) * 100
    fig = charts.bar_chart(df.iloc[:, [0]], value_labels=True, lang=lang, ylabel="%", figsize=figsize)
    ax = fig.axes[0]
    styles = ["--", ":"]
    for i, w in enumerate(res.norms):
        ax.axhline(float(res.norms[w]["mean"]) * 100, color=["#1F3864", "#7F7F7F"][i % 2],
                   linestyle=styles[i % 2], linewidth=1.2, label=tr(f"{w}年均值", f"{w} mean", lang))
    handles, labels = ax.get_legend_handles_labels()
    for lg in fig.legends:
        lg.remove()
    charts._legend_below(fig, handles, labels)
    # highlight the review year
    for patch, y in zip(ax.patches, years):
        if y == res.year:
            patch.set_color("#C00000")
        else:
            patch.set_color("#A6A6A6")
    return fig


# ---------------------------------------------------------------- carry-over review
def carryover_text(res: CarryoverReview, lang: str = "zh") -> str:
    """The latest month's YoY split into carry-over and new price, and next year's carry-over."""
    last = res.table.dropna(subset=["new_price"]).index[-1]
    row = res.table.loc[last]
    if last.month == 12:  # the carry-over of December is zero by definition
        text = tr(
            f"{F.month_label(last)}{res.name}同比{F.pct(row['published'] * 100)}，12月翘尾因素为零，"
            f"全年环比累计（新涨价因素）{F.pct(row['new_price'] * 100)}。",
            f"In {F.month_label(last, 'en')} {res.name} YoY was {F.pct(row['published'] * 100)}; December has no "
            f"carry-over, and the year's cumulative MoM (new-price effect) was {F.pct(row['new_price'] * 100)}.",
            lang,
        )
    else:
        text = tr(
            f"{F.month_label(last)}{res.name}同比{F.pct(row['published'] * 100)}，其中翘尾因素约"
            f"{F.pct(row['carryover'] * 100)}，新涨价因素约{F.pct(row['new_price'] * 100)}。",
            f"In {F.month_label(last, 'en')} {res.name} YoY was {F.pct(row['published'] * 100)}: carry-over about "
            f"{F.pct(row['carryover'] * 100)}, new-price effect about {F.pct(row['new_price'] * 100)}.",
            lang,
        )
    if res.next_year is not None:
        nxt = res.next_year * 100
        avg = float(nxt.mean())
        hi, lo = cast(pd.Period, nxt.idxmax()), cast(pd.Period, nxt.idxmin())
        co = F.digits("carryover")
        text += tr("", " ", lang) + tr(
            f"按{res.year}年环比推算，{res.year + 1}年{res.name}全年平均翘尾约{F.pct(avg, co)}，"
            f"最高为{hi.month}月{F.pct(nxt.max(), co)}，最低为{lo.month}月{F.pct(nxt.min(), co)}。",
            f"From the {res.year} MoMs, the {res.year + 1} carry-over averages {F.pct(avg, co)}, highest in "
            f"{hi.strftime('%b')} ({F.pct(nxt.max(), co)}), lowest in {lo.strftime('%b')} ({F.pct(nxt.min(), co)}).",
            lang,
        )
    return text


#: Years of monthly history the "CPI与PPI同比（…年以来）" chart shows, in every report.
HISTORY_YEARS = 10


def recent_history(frame: pd.DataFrame, month: pd.Period, years: int = HISTORY_YEARS) -> pd.DataFrame:
    """The last ``years`` years of ``frame`` up to ``month`` (120 months for 10 years: 2016-01..2025-12)."""
    idx = frame.index
    return frame[(idx > month - 12 * years) & (idx <= month)]


def carryover_chart(res: CarryoverReview, lang: str = "zh") -> Figure:
    """Carry-over and new-price bars by month with the published YoY as a line."""
    t = res.table.dropna(subset=["new_price"]) * 100
    t.index = pd.Index(month_names(t.index, lang))
    return charts.carryover_bars(t["carryover"], t["new_price"], t["published"].rename(
        tr(f"{res.name}同比", f"{res.name} YoY", lang)), lang=lang, ylabel="%")


# ---------------------------------------------------------------- next year's carry-over (outlook)
def assumed_note(assumed: list[pd.Period], lang: str) -> str | None:
    """"2025年12月环比假设为0" for the months whose MoM was assumed zero; None if there are none."""
    if not assumed:
        return None
    months = tr("、".join(f"{p.month}月" for p in assumed), ", ".join(p.strftime("%b") for p in assumed), lang)
    return tr(f"{assumed[0].year}年{months}环比假设为0", f"MoM in {months} {assumed[0].year} assumed 0", lang)


def next_year_carryover_text(res: CarryoverReview, assumed: list[pd.Period], lang: str) -> str:
    """Next year's average carry-over, by half-year, its highest and lowest month, and the assumptions."""
    assert res.next_year is not None
    nxt, name = res.year + 1, res.name
    c = res.next_year * 100
    h1, h2 = float(c.iloc[:6].mean()), float(c.iloc[6:].mean())
    hi, lo = cast(pd.Period, c.idxmax()), cast(pd.Period, c.idxmin())
    co = F.digits("carryover")
    base = tr(
        f"按{nxt - 1}年各月环比推算，{nxt}年{name}全年平均翘尾约{F.pct(float(c.mean()), co)}，上半年平均{F.pct(h1, co)}、"
        f"下半年{F.pct(h2, co)}；最高为{hi.month}月（{F.pct(c.max(), co)}），最低为{lo.month}月（{F.pct(c.min(), co)}）",
        f"From the {nxt - 1} MoMs, the {nxt} {name} carry-over averages {F.pct(float(c.mean()), co)} "
        f"({F.pct(h1, co)} in H1, {F.pct(h2, co)} in H2), highest in {hi.strftime('%b')} ({F.pct(c.max(), co)}), "
        f"lowest in {lo.strftime('%b')} ({F.pct(c.min(), co)})",
        lang,
    )
    note = assumed_note(assumed, lang)
    return base + (tr(f"；{note}。", f"; {note}.", lang) if note else tr("。", ".", lang))


def next_year_carryover_chart(res: CarryoverReview, lang: str) -> Figure:
    """Next year's carry-over by month (percent), bars with values."""
    assert res.next_year is not None
    co = F.digits("carryover")
    s = res.next_year.mul(100).round(co) + 0.0  # no "-0.00" labels
    s.index = pd.Index(month_names(s.index, lang))
    return charts.bar_chart(s.rename(tr(f"{res.name}翘尾因素", f"{res.name} carry-over", lang)).to_frame(),
                            value_labels=True, digits=co, lang=lang, ylabel="%")
