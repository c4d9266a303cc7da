"""Inflation review: the review half of an annual CPI/PPI outlook, from data.

Analyses (each takes data, returns a frozen results object with ``summary()``
and a chart) and the ``inflation-review`` report recipe built from them:

* :func:`seasonal_review` — cumulative MoM from January to the latest month
  against the same span's norm over windows of years (e.g. 2021–2024 and
  2015–2019) and the super-seasonal gap (seed 003, Figure 1 and Table 1).
* :func:`carryover_review` — carry-over (翘尾) and new-price effects by month,
  checked against the published YoY, and next year's carry-over.
* the report: CPI and PPI YoY history, the seasonal comparison, component YoY
  where data exists, carry-over vs new-price bars and a narrative paragraph in
  which every number is computed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from macrodesk import transforms as T
from macrodesk.analyses._common import Inputs, missing_notice
from macrodesk.text import source_line, tr
from macrodesk.exceptions import ModelError
from macrodesk.plotting import charts
from macrodesk.text import format as F
from macrodesk.reports.model import Figure, Notice, Paragraph, Report, Section, Table

__all__ = [
    "SeasonalReview",
    "seasonal_review",
    "CarryoverReview",
    "carryover_review",
    "REQUIRED",
    "OPTIONAL",
    "build",
]

#: Series the report cannot do without, and those it uses when present.
REQUIRED = ("cpi_yoy", "cpi_mom")
OPTIONAL = (
    "ppi_yoy",
    "ppi_mom",
    "cpi_food_yoy",
    "cpi_nonfood_yoy",
    "cpi_core_yoy",
    "cpi_services_yoy",
    "cpi_consumer_goods_yoy",
    "cpi_pork_yoy",
    "cpi_fresh_veg_yoy",
    "ppi_mining_yoy",
    "ppi_mining_index",
    "ppi_raw_materials_yoy",
    "ppi_processing_yoy",
    "ppi_consumer_goods_yoy",
)

#: Default comparison windows, as in the seed outlook.
DEFAULT_WINDOWS: dict[str, range] = {"2021-2024": range(2021, 2025), "2015-2019": range(2015, 2020)}


# ---------------------------------------------------------------- seasonal review
@dataclass(frozen=True)
class SeasonalReview:
    """Cumulative MoM over months ``start_month..end_month`` of ``year`` vs norms.

    All values are fractions. ``by_year`` holds the cumulative change of every
    year with complete data; ``norms`` maps a window label to its mean/min/max.
    """

    name: str
    year: int
    start_month: int
    end_month: int
    by_year: pd.Series
    norms: Mapping[str, pd.Series]

    @property
    def actual(self) -> float:
        return float(self.by_year.get(self.year, np.nan))

    @property
    def previous(self) -> float:
        return float(self.by_year.get(self.year - 1, np.nan))

    def gap(self, window: str) -> float:
        """Super-seasonal gap: actual − the window's mean."""
        return self.actual - float(self.norms[window]["mean"])

    def table(self, lang: str = "zh") -> pd.DataFrame:
        """Rows: this year, last year, each window's mean; columns: value and gap (percent)."""
        rows = {F.num(self.year, 0) + tr("年", "", lang): self.actual, F.num(self.year - 1, 0) + tr("年", "", lang): self.previous}
        for w, st in self.norms.items():
            rows[tr(f"{w}年均值", f"{w} mean", lang)] = float(st["mean"])
        df = pd.DataFrame({tr("环比累计(%)", "Cumulative (%)", lang): pd.Series(rows) * 100})
        df[tr(f"{self.year}年高出(pp)", f"{self.year} above (pp)", lang)] = (self.actual - pd.Series(rows)) * 100
        df.iloc[0, 1] = np.nan
        return df

    def summary(self, lang: str = "zh") -> str:
        span = F.span_label(self.start_month, self.end_month, lang)
        parts = []
        for w in self.norms:
            mean = float(self.norms[w]["mean"]) * 100
            gap = self.gap(w) * 100
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
            f"{self.year}年{span}{self.name}环比累计{F.pct(self.actual * 100)}，",
            f"In {span} {self.year}, {self.name} {'rose' if self.actual >= 0 else 'fell'} "
            f"{F.pct(abs(self.actual) * 100, signed=False)} cumulatively (MoM), ",
            lang,
        )
        tail = tr(
            f"；{self.year - 1}年同期为{F.pct(self.previous * 100)}。",
            f"; {F.pct(self.previous * 100)} in the same months of {self.year - 1}.",
            lang,
        )
        return head + tr("，", ", ", lang).join(parts) + tail

    def chart(self, lang: str = "zh"):
        ranges = _window_ranges(self.norms)
        first = min(min(r) for r in ranges) if ranges else self.year - 10
        years = [y for y in self.by_year.index if y >= first]
        s = self.by_year.loc[years] * 100
        df = pd.DataFrame({tr("环比累计", "Cumulative MoM", lang): s})
        df.index = [str(y) for y in df.index]
        for w, st in self.norms.items():
            df[tr(f"{w}年均值", f"{w} mean", lang)] = float(st["mean"]) * 100
        fig = charts.bar_chart(df.iloc[:, [0]], value_labels=True, lang=lang, ylabel="%")
        ax = fig.axes[0]
        styles = ["--", ":"]
        for i, w in enumerate(self.norms):
            ax.axhline(float(self.norms[w]["mean"]) * 100, color=["#1F3864", "#7F7F7F"][i % 2],
                       linestyle=styles[i % 2], linewidth=1.2, label=tr(f"{w}年均值", f"{w} mean", lang))
        handles, labels = ax.get_legend_handles_labels()
        for lg in fig.legends:
            lg.remove()
        charts._legend_below(fig, handles, labels)
        # highlight the review year
        for patch, y in zip(ax.patches, years):
            if y == self.year:
                patch.set_color("#C00000")
            else:
                patch.set_color("#A6A6A6")
        return fig


def _window_ranges(norms: Mapping[str, pd.Series]) -> list[range]:
    out = []
    for w in norms:
        a, _, b = w.partition("-")
        out.append(range(int(a), int(b) + 1))
    return out


def seasonal_review(
    mom: pd.Series,
    year: int,
    end_month: int,
    *,
    start_month: int = 1,
    windows: Mapping[str, Sequence[int]] | None = None,
    name: str = "CPI",
) -> SeasonalReview:
    """Compare the cumulative MoM of ``year`` over a span with the same span in other years.

    Parameters
    ----------
    mom : Series
        Monthly MoM as fractions.
    year, end_month : int
        The review year and the last month of the span (e.g. 2025 and 11 for Jan–Nov).
    windows : mapping label -> years
        Norm windows, default 2021–2024 and 2015–2019.

    Notes
    -----
    ``C_Y = prod_{k=start..end}(1+m_{Y,k}) - 1``; norm = mean of ``C_Y`` over the
    window; super-seasonal = ``C_year`` − norm.
    """
    windows = dict(windows or DEFAULT_WINDOWS)
    by_year = T.cumulative(mom, start_month, end_month).dropna()
    if year not in by_year.index:
        raise ModelError(
            f"{name}: no complete MoM data for months {start_month}-{end_month} of {year}"
        )
    norms = {w: T.span_norm(mom, list(yrs), start_month, end_month) for w, yrs in windows.items()}
    norms = {w: st for w, st in norms.items() if not np.isnan(st["mean"])}
    return SeasonalReview(name, year, start_month, end_month, by_year, norms)


# ---------------------------------------------------------------- carry-over review
@dataclass(frozen=True)
class CarryoverReview:
    """Carry-over and new-price effects by month of ``year`` (fractions).

    ``table`` has columns carryover, new_price, implied (= (1+c)(1+n)−1) and
    published (the published YoY, NaN where absent). ``next_year`` is the
    carry-over of ``year + 1`` from this year's MoMs (None if the year is incomplete).
    """

    name: str
    year: int
    table: pd.DataFrame
    next_year: pd.Series | None = None
    assumed: Mapping[str, float] = field(default_factory=dict)

    @property
    def max_residual(self) -> float:
        r = (self.table["implied"] - self.table["published"]).abs()
        return float(r.max()) if r.notna().any() else np.nan

    def summary(self, lang: str = "zh") -> str:
        last = self.table.dropna(subset=["new_price"]).index[-1]
        row = self.table.loc[last]
        if last.month == 12:  # the carry-over of December is zero by definition
            text = tr(
                f"{F.month_label(last)}{self.name}同比{F.pct(row['published'] * 100)}，12月翘尾因素为零，"
                f"全年环比累计（新涨价因素）{F.pct(row['new_price'] * 100)}。",
                f"In {F.month_label(last, 'en')} {self.name} YoY was {F.pct(row['published'] * 100)}; December has no "
                f"carry-over, and the year's cumulative MoM (new-price effect) was {F.pct(row['new_price'] * 100)}.",
                lang,
            )
        else:
            text = tr(
                f"{F.month_label(last)}{self.name}同比{F.pct(row['published'] * 100)}，其中翘尾因素约"
                f"{F.pct(row['carryover'] * 100)}，新涨价因素约{F.pct(row['new_price'] * 100)}。",
                f"In {F.month_label(last, 'en')} {self.name} YoY was {F.pct(row['published'] * 100)}: carry-over about "
                f"{F.pct(row['carryover'] * 100)}, new-price effect about {F.pct(row['new_price'] * 100)}.",
                lang,
            )
        if self.next_year is not None:
            nxt = self.next_year * 100
            avg = float(nxt.mean())
            hi, lo = nxt.idxmax(), nxt.idxmin()
            text += tr("", " ", lang) + tr(
                f"按{self.year}年环比推算，{self.year + 1}年{self.name}全年平均翘尾约{F.pct(avg)}，"
                f"最高为{hi.month}月{F.pct(nxt[hi])}，最低为{lo.month}月{F.pct(nxt[lo])}。",
                f"From the {self.year} MoMs, the {self.year + 1} carry-over averages {F.pct(avg)}, highest in "
                f"{hi.strftime('%b')} ({F.pct(nxt[hi])}), lowest in {lo.strftime('%b')} ({F.pct(nxt[lo])}).",
                lang,
            )
        return text

    def chart(self, lang: str = "zh"):
        t = self.table.dropna(subset=["new_price"]) * 100
        t.index = [f"{p.month}{tr('月', '', lang)}" if lang == "zh" else p.strftime("%b") for p in t.index]
        return charts.carryover_bars(t["carryover"], t["new_price"], t["published"].rename(
            tr(f"{self.name}同比", f"{self.name} YoY", lang)), lang=lang, ylabel="%")


def carryover_review(
    mom: pd.Series,
    yoy_published: pd.Series,
    year: int,
    *,
    name: str = "CPI",
    assume: Mapping[str, float] | None = None,
) -> CarryoverReview:
    """Split each month's YoY of ``year`` into carry-over and new-price effects.

    ``mom`` and ``yoy_published`` are fractions. ``assume`` (YYYY-MM -> MoM
    fraction) fills months of ``year`` missing for next year's carry-over.

    Notes
    -----
    ``c_{Y,m} = prod_{k=m+1..12}(1+m_{Y-1,k}) - 1``, ``n_{Y,m} = prod_{k<=m}(1+m_{Y,k}) - 1``,
    ``(1+y) = (1+c)(1+n)``.
    """
    dec = T.decompose_yoy(mom, year)
    table = pd.DataFrame(
        {
            "carryover": dec["carryover"],
            "new_price": dec["new_price"],
            "implied": dec["yoy_implied"],
        }
    )
    table["published"] = yoy_published.reindex(table.index)
    nxt = None
    try:
        nxt = T.carryover(mom, year + 1, assume=dict(assume or {}))
    except Exception:  # incomplete year: no next-year carry-over
        nxt = None
    return CarryoverReview(name, year, table, nxt, dict(assume or {}))


# ---------------------------------------------------------------- the report
def _cut(s: pd.Series, end: pd.Period) -> pd.Series:
    return s[s.index <= end]


def build(inputs: Inputs, as_of: pd.Period, lang: str = "zh") -> Report:
    """The ``inflation-review`` report from stored series cut at ``as_of``."""
    S = inputs.series
    cpi_yoy = S["cpi_yoy"].data
    cpi_mom_s = S["cpi_mom"]
    cpi_mom = cpi_mom_s.to_fraction()
    month = cpi_mom.dropna().index[-1]
    year, end_month = month.year, month.month
    missing = list(inputs.missing)

    sections: list[Section] = []
    src_cpi = source_line([S["cpi_yoy"], cpi_mom_s], lang)

    # 1. headline history
    hist = pd.DataFrame({tr("CPI同比", "CPI YoY", lang): cpi_yoy})
    has_ppi = inputs.has("ppi_yoy")
    if has_ppi:
        hist[tr("PPI同比", "PPI YoY", lang)] = S["ppi_yoy"].data
    hist = hist[hist.index >= pd.Period(f"{year - 10}-01", freq="M")]
    cpi_last, cpi_prev = cpi_yoy.get(month, np.nan), cpi_yoy.get(month - 1, np.nan)
    head_text = tr(
        f"{F.month_label(month)}CPI同比{F.pct(cpi_last)}，前值{F.pct(cpi_prev)}",
        f"CPI rose {F.pct(cpi_last)} YoY in {F.month_label(month, 'en')} (prior {F.pct(cpi_prev)})",
        lang,
    )
    if has_ppi:
        ppi = S["ppi_yoy"].data
        ppi_last, ppi_prev = ppi.get(month, np.nan), ppi.get(month - 1, np.nan)
        head_text += tr(
            f"；PPI同比{F.pct(ppi_last)}，前值{F.pct(ppi_prev)}。",
            f"; PPI {F.pct(ppi_last)} YoY (prior {F.pct(ppi_prev)}).",
            lang,
        )
    else:
        head_text += tr("。", ".", lang)
    ytd_cpi = cpi_yoy[(cpi_yoy.index.year == year) & (cpi_yoy.index <= month)]
    avg_text = tr(
        f"{year}年1-{end_month}月CPI同比均值{F.pct(ytd_cpi.mean(), 2)}，区间{F.pct(ytd_cpi.min())}至{F.pct(ytd_cpi.max())}。",
        f"CPI YoY averaged {F.pct(ytd_cpi.mean(), 2)} in Jan–{month.strftime('%b')} {year}, ranging from "
        f"{F.pct(ytd_cpi.min())} to {F.pct(ytd_cpi.max())}.",
        lang,
    )
    sections.append(
        Section(
            tr("一、CPI与PPI走势", "1. CPI and PPI", lang),
            [
                Paragraph(head_text + tr("", " ", lang) + avg_text),
                Figure(
                    charts.line_chart(hist, ylabel="%", lang=lang),
                    tr(f"CPI与PPI同比（{hist.index[0].year}年以来）", f"CPI and PPI YoY since {hist.index[0].year}", lang),
                    source=source_line([S[i] for i in ("cpi_yoy", "ppi_yoy") if i in S], lang),
                ),
            ],
        )
    )

    # 2. seasonal comparison (seed Figure 1)
    review = seasonal_review(cpi_mom, year, end_month, name="CPI")
    blocks: list = [Paragraph(review.summary(lang))]
    blocks.append(
        Figure(
            review.chart(lang),
            tr(
                f"{year}年{F.span_label(1, end_month)}CPI环比累计涨幅与季节性对比",
                f"CPI cumulative MoM, {F.span_label(1, end_month, 'en')} of each year, vs seasonal norms",
                lang,
            ),
            source=src_cpi,
            note=tr("环比累计 = ∏(1+环比)−1；超季节性 = 当年 − 同期均值", "cumulative = prod(1+MoM)−1; gap = year − window mean", lang),
        )
    )
    blocks.append(
        Table(
            review.table(lang),
            tr(f"CPI {F.span_label(1, end_month)}环比累计与季节性", f"CPI cumulative MoM {F.span_label(1, end_month, 'en')} vs norms", lang),
            source=src_cpi,
            formats={c: F.signed2 for c in review.table(lang).columns},
        )
    )
    norm_years = range(year - 10, year)
    mn = T.monthly_norm(cpi_mom, list(norm_years)) * 100
    if mn["mean"].notna().all():
        this = (cpi_mom[cpi_mom.index.year == year] * 100)
        this.index = this.index.month
        blocks.append(
            Figure(
                charts.band_chart(
                    mn["mean"], mn["min"], mn["max"], this.reindex(range(1, 13)), lang=lang,
                    mean_label=tr(f"{norm_years[0]}-{norm_years[-1]}年均值", f"{norm_years[0]}-{norm_years[-1]} mean", lang),
                    highlight_label=tr(f"{year}年", str(year), lang), ylabel="%",
                ),
                tr("CPI环比的季节性规律", "CPI MoM seasonality", lang),
                source=src_cpi,
                note=tr(
                    f"阴影为{norm_years[0]}-{norm_years[-1]}年同月环比最小值至最大值；{_sf_note(year, lang)}",
                    f"band: min–max of the same month in {norm_years[0]}-{norm_years[-1]}; {_sf_note(year, lang)}",
                    lang,
                ),
            )
        )
    sections.append(Section(tr("二、CPI环比累计与季节性", "2. CPI against its seasonal norm", lang), blocks))

    # 3. components
    comp_ids = [
        ("cpi_food_yoy", "食品", "Food"),
        ("cpi_nonfood_yoy", "非食品", "Non-food"),
        ("cpi_core_yoy", "核心CPI", "Core CPI"),
        ("cpi_services_yoy", "服务", "Services"),
        ("cpi_consumer_goods_yoy", "消费品", "Consumer goods"),
        ("cpi_pork_yoy", "猪肉", "Pork"),
        ("cpi_fresh_veg_yoy", "鲜菜", "Fresh vegetables"),
    ]
    have = [(i, zh, en) for i, zh, en in comp_ids if inputs.has(i) and month in S[i].data.dropna().index]
    lacking = [i for i, _, _ in comp_ids if all(i != h[0] for h in have)]
    if have:
        start = month - 35
        comp = pd.DataFrame({tr(zh, en, lang): S[i].data for i, zh, en in have})
        comp = comp[(comp.index >= start) & (comp.index <= month)]
        broad = [tr(zh, en, lang) for i, zh, en in have if i not in ("cpi_pork_yoy", "cpi_fresh_veg_yoy")]
        tbl = pd.DataFrame(
            {
                tr(F.month_label(month), F.month_label(month, "en"), lang): [S[i].data.get(month, np.nan) for i, _, _ in have],
                tr("前值", "Prior", lang): [S[i].data.get(month - 1, np.nan) for i, _, _ in have],
                tr(f"{year - 1}年12月", f"Dec {year - 1}", lang): [
                    S[i].data.get(pd.Period(f"{year - 1}-12", freq="M"), np.nan) for i, _, _ in have
                ],
            },
            index=pd.Index([tr(zh, en, lang) for _, zh, en in have], name=tr("分项（同比，%）", "Component (YoY, %)", lang)),
        )
        tbl[tr("变动(pp)", "Change (pp)", lang)] = tbl.iloc[:, 0] - tbl.iloc[:, 1]
        movers = tbl.iloc[:, 3].dropna().sort_values()
        txt = tr(
            f"分项看，{F.month_label(month)}"
            + "，".join(f"{n}同比{F.pct(v)}" for n, v in tbl.iloc[:, 0].items())
            + f"。较上月回升最多的是{movers.index[-1]}（{F.pp(movers.iloc[-1], 1)}），回落最多的是{movers.index[0]}（{F.pp(movers.iloc[0], 1)}）。",
            f"By component in {F.month_label(month, 'en')}: "
            + ", ".join(f"{n} {F.pct(v)}" for n, v in tbl.iloc[:, 0].items())
            + f". The largest rise from the prior month was {movers.index[-1]} ({F.pp(movers.iloc[-1], 1, lang='en')}), "
            f"the largest fall {movers.index[0]} ({F.pp(movers.iloc[0], 1, lang='en')}).",
            lang,
        )
        comp_blocks = [
            Paragraph(txt),
            Figure(
                charts.line_chart(comp[broad], ylabel="%", lang=lang),
                tr("CPI主要分项同比", "CPI components, YoY", lang),
                source=source_line([S[i] for i, _, _ in have], lang),
            ),
            Table(
                tbl,
                tr(f"{F.month_label(month)}CPI分项同比", f"CPI components YoY, {F.month_label(month, 'en')}", lang),
                source=source_line([S[i] for i, _, _ in have], lang),
                formats={c: (".1f" if j < 3 else F.signed1) for j, c in enumerate(tbl.columns)},
            ),
        ]
        sections.append(Section(tr("三、CPI分项", "3. CPI components", lang), comp_blocks))
    missing += lacking

    # 4. carry-over and new price
    co = carryover_review(cpi_mom, S["cpi_yoy"].to_fraction(), year, name="CPI")
    co_blocks: list = [Paragraph(co.summary(lang))]
    if np.isfinite(co.max_residual) and co.max_residual * 100 > 0.15:
        co_blocks.append(
            Notice(
                tr(
                    f"按环比推算的同比与公布同比最大相差{F.pp(co.max_residual * 100, 2)}（基期轮换或四舍五入所致）。",
                    f"YoY implied by the MoMs differs from the published YoY by up to "
                    f"{F.pp(co.max_residual * 100, 2, lang='en')} (base rotation or rounding).",
                    lang,
                )
            )
        )
    co_blocks.append(
        Figure(
            co.chart(lang),
            tr(f"{year}年CPI同比的翘尾因素与新涨价因素", f"CPI YoY in {year}: carry-over vs new-price effects", lang),
            source=src_cpi,
            note=tr("翘尾 = 上年各月环比在本月之后的累积；新涨价 = 本年1月至本月环比的累积",
                    "carry-over: last year's MoMs after this month; new price: this year's MoMs to date", lang),
        )
    )
    if inputs.has("ppi_mom", "ppi_yoy"):
        ppi_mom = S["ppi_mom"].to_fraction()
        if ppi_mom.dropna().index[-1] >= month:
            pco = carryover_review(ppi_mom, S["ppi_yoy"].to_fraction(), year, name="PPI")
            co_blocks.append(Paragraph(pco.summary(lang)))
            if pco.next_year is not None and co.next_year is not None:
                nxt = pd.DataFrame({"CPI": co.next_year * 100, "PPI": pco.next_year * 100})
                nxt.index = [f"{p.month}{tr('月', '', lang)}" if lang == "zh" else p.strftime("%b") for p in nxt.index]
                co_blocks.append(
                    Figure(
                        charts.bar_chart(nxt, lang=lang, ylabel="%"),
                        tr(f"{year + 1}年CPI与PPI翘尾因素（按{year}年环比推算）",
                           f"{year + 1} carry-over of CPI and PPI implied by {year} MoMs", lang),
                        source=source_line([cpi_mom_s, S["ppi_mom"]], lang),
                    )
                )
    sections.append(Section(tr("四、翘尾因素与新涨价因素", "4. Carry-over and new-price effects", lang), co_blocks))

    # 5. PPI groups
    groups = [
        ("ppi_mining_yoy", "采掘工业", "Mining"),
        ("ppi_raw_materials_yoy", "原材料工业", "Raw materials"),
        ("ppi_processing_yoy", "加工工业", "Processing"),
        ("ppi_consumer_goods_yoy", "生活资料", "Consumer goods"),
    ]
    gh = [(i, zh, en) for i, zh, en in groups if inputs.has(i)]
    if has_ppi and gh:
        gdata = {i: S[i].data for i, _, _ in gh}
        if "ppi_mining_yoy" in gdata and inputs.has("ppi_mining_index"):
            # the release transcripts are sparse; the index (上年同月=100) is dense: index - 100 = YoY
            gdata["ppi_mining_yoy"] = gdata["ppi_mining_yoy"].combine_first(S["ppi_mining_index"].convert("pct_yoy").data)
        gdf = pd.DataFrame({tr(zh, en, lang): gdata[i] for i, zh, en in gh})
        gdf[tr("PPI", "PPI", lang)] = S["ppi_yoy"].data
        gdf = gdf[(gdf.index >= month - 59) & (gdf.index <= month)]
        latest = {tr(zh, en, lang): gdata[i].dropna() for i, zh, en in gh}
        txt = tr(
            "分大类看，" + "，".join(f"{n}同比{F.pct(v.iloc[-1])}（{F.month_label(v.index[-1])}）" for n, v in latest.items()) + "。",
            "By group: " + ", ".join(f"{n} {F.pct(v.iloc[-1])} ({F.month_label(v.index[-1], 'en')})" for n, v in latest.items()) + ".",
            lang,
        )
        sections.append(
            Section(
                tr("五、PPI分大类", "5. PPI by major group", lang),
                [
                    Paragraph(txt),
                    Figure(
                        charts.line_chart(
                            gdf, right=[tr("采掘工业", "Mining", lang)] if "ppi_mining_yoy" in gdata else None,
                            ylabel="%", right_ylabel="%", lang=lang,
                        ),
                        tr("PPI及主要大类同比", "PPI and major groups, YoY", lang),
                        source=source_line([S[i] for i, _, _ in gh] + [S["ppi_yoy"]], lang),
                    ),
                ],
            )
        )
    else:
        missing += [i for i, _, _ in groups if not inputs.has(i)]

    notice = missing_notice(missing, lang)
    if notice:
        sections.append(Section(tr("数据说明", "Data notes", lang), [Notice(notice)]))

    summary = [head_text, review.summary(lang), co.summary(lang)]
    return Report(
        title=tr(f"{F.month_label(month)}通胀数据回顾", f"Inflation review, {F.month_label(month, 'en')}", lang),
        subtitle=tr("CPI与PPI：季节性、分项与翘尾", "CPI and PPI: seasonality, components and carry-over", lang),
        date=tr(f"数据截至{F.month_label(month)}", f"Data to {F.month_label(month, 'en')}", lang),
        author="macrodesk",
        lang=lang,
        summary=summary,
        sections=sections,
        disclaimer=tr(
            "本报告由 macrodesk 根据公开数据自动生成，所有数字均由数据计算得出，不构成投资建议。",
            "Generated by macrodesk from published data; every number is computed from the data. Not investment advice.",
            lang,
        ),
    )


def _sf_note(year: int, lang: str) -> str:
    d = T.spring_festival(year)
    prev = T.spring_festival(year - 1)
    return tr(
        f"{year}年春节为{d.month}月{d.day}日（{year - 1}年为{prev.month}月{prev.day}日）",
        f"Spring Festival {year}: {d:%b} {d.day} ({year - 1}: {prev:%b} {prev.day})",
        lang,
    )
