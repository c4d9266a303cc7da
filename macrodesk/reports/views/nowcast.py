"""Nowcast views: sentences, charts, tables and report blocks from the nowcast results, in one language.

The models (:mod:`macrodesk.models.nowcast`) return numbers — :class:`~macrodesk.models.nowcast.Nowcast`,
:class:`~macrodesk.models.nowcast.BacktestResult`, :class:`~macrodesk.models.nowcast.TradeNowcast`;
these functions word and draw them::

    nowcast_text(nc, "zh")                 # "2022年6月CPI同比预测+2.4%（未取整…"
    backtest_blocks([bt_cpi, bt_ppi], "en")   # paragraph, chart and error table per backtest
    trade_nowcast_text(nc, "zh"), trade_fit_text(nc.fit, "zh"), trade_nowcast_chart(nc, "zh")
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from macrodesk.models._base import is_computable
from macrodesk.models.nowcast.base import Nowcast, TargetSpec
from macrodesk.models.nowcast.results import BacktestResult
from macrodesk.models.nowcast.trade import TradeFit, TradeNowcast
from macrodesk.reports.views.freshness import Staleness
from macrodesk.text import format as F
from macrodesk.text import source_line, tr

if TYPE_CHECKING:
    from matplotlib.figure import Figure as MplFigure

__all__ = [
    "MODEL_LABELS",
    "TERM_LABELS",
    "model_label",
    "target_name",
    "input_label",
    "input_value_text",
    "nowcast_text",
    "backtest_text",
    "backtest_table",
    "backtest_chart",
    "backtest_source_line",
    "backtest_blocks",
    "trade_nowcast_text",
    "trade_fit_text",
    "trade_nowcast_chart",
]

#: Display names of the models.
MODEL_LABELS: dict[str, tuple[str, str]] = {
    "bridge": ("桥接模型", "Bridge model"),
    "dfm": ("动态因子模型", "Dynamic factor model"),
    "combo": ("组合模型", "Combination"),
    "sf": ("春节调整模型", "Spring Festival model"),
    "sfg": ("春节调整模型（非食品分大类）", "Spring Festival model (non-food by group)"),
    "groups": ("分行业模型", "Bottom-up by group"),
    "evidence": ("择优组合", "Evidence-weighted combination"),
    "consensus": ("Wind一致预期", "Wind consensus"),
    "random_walk": ("随机游走（前值）", "Random walk (previous print)"),
}

#: Labels of the non-input terms of a nowcast decomposition.
TERM_LABELS: dict[str, tuple[str, str]] = {
    "spring_festival": ("春节效应", "Spring Festival"),
    "sf_pre": ("春节前", "Before the Spring Festival"),
    "sf_holiday": ("春节假期", "Spring Festival week"),
    "sf_after": ("春节后回落", "After the Spring Festival"),
    "mining": ("采掘工业", "Mining"),
    "raw_materials": ("原材料工业", "Raw materials"),
    "processing": ("加工工业", "Processing"),
    "consumer_goods": ("生活资料", "Consumer goods"),
    "base_month": ("基期环比", "Base month"),
    "momentum": ("上月环比惯性", "Last month's MoM"),
    "seasonal": ("季节性及其他", "Seasonal norm (other items)"),
    "constant": ("常数项", "Constant"),
    "dfm": ("动态因子模型", "Dynamic factor model"),
    "bridge": ("桥接模型", "Bridge model"),
    "sf": ("春节调整模型", "Spring Festival model"),
    "sfg": ("春节调整模型（非食品分大类）", "Spring Festival model (non-food by group)"),
    "groups": ("分行业模型", "Bottom-up by group"),
}


# ---------------------------------------------------------------- names
def model_label(key: str, lang: str) -> str:
    zh, en = MODEL_LABELS.get(key, (key, key))
    return tr(zh, en, lang)


def target_name(target: TargetSpec, lang: str) -> str:
    """'CPI同比' / 'CPI YoY'."""
    return tr(target.name_zh, target.name_en, lang)


def input_label(key: str, lang: str) -> str:
    """The name of a decomposition term or a bridge input ('猪肉批发价'), else the series' name in the
    catalogue, else the id."""
    from macrodesk.models.nowcast.bridge import BRIDGE_SPECS, LAG_SUFFIX
    from macrodesk.series.catalogue import catalogue

    if key in TERM_LABELS:
        zh, en = TERM_LABELS[key]
        return tr(zh, en, lang)
    if key.endswith(LAG_SUFFIX):
        return input_label(key[: -len(LAG_SUFFIX)], lang) + tr("（上月）", " (last month)", lang)
    for spec in BRIDGE_SPECS.values():
        for inp in spec.inputs:
            if inp.id == key:
                return tr(inp.name_zh, inp.name_en, lang) or inp.id
    known = catalogue()
    row = known[known["series_id"] == key]
    if len(row):
        return tr(row["name_zh"].iloc[0], row["name_en"].iloc[0], lang) or key
    return key


def input_value_text(key: str, change: float | None, month: Any, lang: str) -> str:
    """What a decomposition term's ``change`` (a fraction) was this month, worded for its kind: the days of
    ``month`` in the Spring Festival window for that term ('31天中有5天在春节窗口内', its value is their
    share of the month), else a percent change ('+1.23%': an input's like-for-like change, last month's
    MoM for the momentum term, last month's change for a lagged input); '' for none."""
    if change is None or pd.isna(change):
        return ""
    if key == "spring_festival":
        days = pd.Period(month, "M").days_in_month
        n = int(round(float(change) * days))
        return tr(f"{days}天中有{n}天在春节窗口内", f"{n} of {days} days in the festival window", lang)
    return F.pct(change * 100, 2)


# ---------------------------------------------------------------- one CPI/PPI nowcast
def nowcast_text(nc: Nowcast, lang: str) -> str:
    """The nowcast, its interval, the previous print and the MoM behind it, in one paragraph."""
    lo, hi = nc.interval()
    month = F.month_label(nc.month, lang)
    text = tr(
        f"{month}{nc.target.name_zh}预测{F.pct(nc.yoy_print)}（未取整{F.pct(nc.yoy * 100, 2)}，"
        f"80%区间{F.pct(lo)}至{F.pct(hi)}），前值{F.pct(nc.anchor_yoy * 100)}；"
        f"环比预测{F.pct(nc.mom * 100, 2)}，去年同月环比{F.pct(nc.base_mom * 100)}。",
        f"{nc.target.name_en} for {month}: {F.pct(nc.yoy_print)} (unrounded {F.pct(nc.yoy * 100, 2)}, "
        f"80% interval {F.pct(lo)} to {F.pct(hi)}), previous {F.pct(nc.anchor_yoy * 100)}; "
        f"MoM nowcast {F.pct(nc.mom * 100, 2)} against {F.pct(nc.base_mom * 100)} a year earlier.",
        lang,
    )
    if nc.missing_inputs:
        names = tr("、", ", ", lang).join(input_label(i, lang) for i in nc.missing_inputs)
        text += tr(f"缺少本月数据的输入：{names}。", f" Inputs without data this month: {names}.", lang)
    return text


# ---------------------------------------------------------------- backtests
def backtest_text(res: BacktestResult, lang: str) -> str:
    """MAE, RMSE, bias and hit rate of the model next to the consensus and the random walk."""
    st = res.stats()
    span = tr(
        f"{F.month_label(res.start, 'zh')}至{F.month_label(res.end, 'zh')}",
        f"{F.month_label(res.start, 'en')}–{F.month_label(res.end, 'en')}",
        lang,
    )
    model = model_label(res.model, lang)
    text = tr(
        f"{span}{res.target.name_zh}实时回测（{st['n']}个月）：{model}平均绝对误差"
        f"{F.num(st['mae'], 3)}个百分点，均方根误差{F.num(st['rmse'], 3)}，偏差{F.num(st['bias'], 3, signed=True)}，"
        f"{F.num(st['within_0_1'] * 100, 0)}%的月份误差不超过0.1个百分点",
        f"Real-time backtest of {res.target.name_en}, {span} ({st['n']} months): {model} MAE "
        f"{F.num(st['mae'], 3)} pp, RMSE {F.num(st['rmse'], 3)}, bias {F.num(st['bias'], 3, signed=True)}, "
        f"{F.num(st['within_0_1'] * 100, 0)}% of months within ±0.1 pp",
        lang,
    )
    if st["consensus_n"] and st["consensus_n"] < st["n"]:
        text += tr(
            f"；在Wind一致预期可得的{st['consensus_n']}个月中，模型平均绝对误差"
            f"{F.num(st['model_mae_on_consensus_months'], 3)}个百分点，一致预期{F.num(st['consensus_mae'], 3)}个百分点",
            f"; over the {st['consensus_n']} months with a Wind consensus, model MAE "
            f"{F.num(st['model_mae_on_consensus_months'], 3)} pp vs consensus {F.num(st['consensus_mae'], 3)} pp",
            lang,
        )
    elif st["consensus_n"]:
        text += tr(f"；同期Wind一致预期平均绝对误差{F.num(st['consensus_mae'], 3)}个百分点",
                   f"; Wind consensus MAE {F.num(st['consensus_mae'], 3)} pp over the same months", lang)
    if st["random_walk_n"]:
        text += tr(f"，随机游走（前值）{F.num(st['random_walk_mae'], 3)}个百分点",
                   f", random walk (previous print) {F.num(st['random_walk_mae'], 3)} pp", lang)
    text += tr("。", ".", lang)
    if res.reconciled:
        months = tr("、", ", ", lang).join(F.month_label(p, lang) for p in res.reconciled)
        text += tr(
            f"环比缺失的月份由同比递推补齐：{months}。",
            f" MoM missing and reconciled from the YoY recursion: {months}.",
            lang,
        )
    if res.failed:
        text += tr(
            f"{len(res.failed)}个月无法预测（数据不足）。",
            f" {len(res.failed)} months could not be nowcast (too little data).",
            lang,
        )
    return text


def _table_names(lang: str) -> dict[str, str]:
    return {
        "n": tr("月数", "Months", lang),
        "mae": tr("模型MAE", "MAE", lang),
        "rmse": tr("模型RMSE", "RMSE", lang),
        "bias": tr("偏差", "Bias", lang),
        "within_0_1": tr("误差≤0.1占比(%)", "Within ±0.1 (%)", lang),
        "consensus_mae": tr("一致预期MAE", "Consensus MAE", lang),
        "random_walk_mae": tr("随机游走MAE", "Random walk MAE", lang),
    }


def backtest_table(res: BacktestResult, lang: str, periods: Mapping[str, tuple[Any, Any]] | None = None) -> pd.DataFrame:
    """The error table (pp) as shown in reports: one row per period, labelled columns."""
    out = res.by_period(periods).copy()
    out["within_0_1"] = out["within_0_1"] * 100
    out["n"] = out["n"].astype(int)
    out = out.rename(columns=_table_names(lang))
    out.index = pd.Index([tr("全样本", "All", lang) if i == "all" else i for i in out.index],
                         name=tr("区间", "Period", lang))
    return out


def backtest_chart(res: BacktestResult, lang: str) -> MplFigure:
    """Nowcast vs actual vs consensus (percent), with :func:`macrodesk.plotting.charts.line_chart`."""
    from macrodesk.plotting import charts

    model = model_label(res.model, lang)
    df = pd.DataFrame(
        {
            tr(f"{res.target.name_zh}实际值", f"{res.target.name_en} (actual)", lang): res.rows["actual"],
            tr(f"{model}预测", f"{model} nowcast", lang): res.rows["nowcast"],
        }
    )
    if res.rows["consensus"].notna().any():
        df[model_label("consensus", lang)] = res.rows["consensus"]
    return charts.line_chart(df, ylabel="%", lang=lang, colors=["#1F3864", "#C00000", "#7F7F7F"])


def backtest_source_line(res: BacktestResult, lang: str) -> str:
    """'国家统计局、Wind一致预期、macrodesk计算' from the series the backtest read."""
    return source_line([SimpleNamespace(meta=m) for m in res.sources], lang)


def backtest_blocks(
    results: BacktestResult | Sequence[BacktestResult],
    lang: str = "zh",
    *,
    periods: Mapping[str, tuple[Any, Any]] | None = None,
    staleness: Staleness | None = None,
) -> list:
    """Report blocks for one or more backtests: per result a paragraph, a chart and an error table.

    Drop them into any :class:`~macrodesk.reports.model.Section`; figures and
    tables are numbered by the report. ``periods`` maps a label to ``(start, end)``
    for the table rows (default: calendar years). With the report's ``staleness`` the
    chart and the table record the series the backtest read (``inputs``) and are marked
    where one of them (the consensus, a price input) ends before the report month.
    """
    from macrodesk.reports.model import Figure, Paragraph, Table

    if isinstance(results, BacktestResult):
        results = [results]
    blocks: list = []
    names = _table_names(lang)
    fmt = {
        names["n"]: lambda v: F.num(v, 0),
        names["mae"]: lambda v: F.num(v, 3),
        names["rmse"]: lambda v: F.num(v, 3),
        names["bias"]: lambda v: F.num(v, 3, signed=True),
        names["within_0_1"]: lambda v: F.num(v, 0),
        names["consensus_mae"]: lambda v: F.num(v, 3),
        names["random_walk_mae"]: lambda v: F.num(v, 3),
    }
    fr = staleness or Staleness(None, None, lang)
    for res in results:
        src = backtest_source_line(res, lang)
        name = target_name(res.target, lang)
        model = model_label(res.model, lang)
        ids = res.inputs or tuple(m.id for m in res.sources)
        blocks.append(Paragraph(backtest_text(res, lang)))
        blocks.append(
            Figure(
                backtest_chart(res, lang),
                **fr.exhibit(
                    tr(f"{name}：{model}实时预测、实际值与一致预期",
                       f"{name}: real-time {model.lower()} nowcast, actual and consensus", lang),
                    ids,
                    note=tr(
                        "预测在每月最后一天做出，只使用当日可得的数据；一致预期仅用于比较，不作为模型输入。",
                        "Each nowcast is made on the last day of the month with the data available that day; "
                        "the consensus is shown for comparison only and is not a model input.",
                        lang,
                    ),
                ),
                source=src,
            )
        )
        blocks.append(
            Table(
                backtest_table(res, lang, periods),
                **fr.exhibit(tr(f"{name}实时回测误差（百分点）", f"{name} real-time backtest errors (pp)", lang), ids),
                source=src,
                formats=fmt,
            )
        )
    return blocks


# ---------------------------------------------------------------- the trade nowcast
_TARGET = ("出口", "exports")


def _indicator(fit: TradeFit) -> tuple[str, str]:
    return (fit.spec.name_zh or "高频指标", fit.spec.name_en or "the indicator")


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _spring_festival_caution(month: pd.Period, lang: str) -> str:
    if month.month not in (1, 2):
        return ""
    from macrodesk.transforms import spring_festival

    this, prev = spring_festival(month.year), spring_festival(month.year - 1)
    if this.month == prev.month:
        return ""
    return tr(
        f"注意{month.year - 1}年春节在{prev.month}月{prev.day}日、{month.year}年在"
        f"{this.month}月{this.day}日，春节错位会扭曲{month.month}月同比。",
        f" Caution: the Spring Festival fell on {prev:%b} {prev.day} in {month.year - 1} but falls on "
        f"{this:%b} {this.day} in {month.year}, which distorts the {month:%b} YoY.",
        lang,
    )


def trade_nowcast_text(nc: TradeNowcast, lang: str, target: tuple[str, str] = _TARGET) -> str:
    """'上海港装载集装箱船数量1月前13日同比-4.0%，按月度回归（…）推算，指向1月前13日出口同比在-1.0%左右（…）。'"""
    r = nc.fit
    ind = _indicator(r)
    level = int(round((1 - nc.alpha) * 100))
    span_zh = f"{nc.month.month}月前{nc.day}日" if nc.day else f"{nc.month.month}月"
    span_en = (f"the first {nc.day} days of " if nc.day else "") + F.month_label(nc.month, "en")
    text = tr(
        f"{ind[0]}{span_zh}同比{F.pct(nc.indicator_yoy * 100)}，按月度回归"
        f"（{F.month_label(r.sample.index[0])}-{F.month_label(r.sample.index[-1])}，{r.nobs}个月，"
        f"斜率{F.num(r.slope, 2)}，R²={F.num(r.rsquared, 2)}）推算，指向{span_zh}{target[0]}同比在"
        f"{F.pct(nc.point * 100)}左右（{level}%预测区间{F.pct(nc.lower * 100)}至{F.pct(nc.upper * 100)}）。",
        f"{_cap(ind[1])}: {F.pct(nc.indicator_yoy * 100)} "
        f"YoY in {span_en}; the monthly bridge regression ({F.month_label(r.sample.index[0], 'en')}–"
        f"{F.month_label(r.sample.index[-1], 'en')}, {r.nobs} months, slope {F.num(r.slope, 2)}, "
        f"R² {F.num(r.rsquared, 2)}) points to {target[1]} YoY of about {F.pct(nc.point * 100)} "
        f"({level}% prediction interval {F.pct(nc.lower * 100)} to {F.pct(nc.upper * 100)}).",
        lang,
    )
    return text + _spring_festival_caution(nc.month, lang)


def trade_fit_text(fit: TradeFit, lang: str, target: tuple[str, str] = _TARGET) -> str:
    """The bridge equation with its sample, R² and residual s.d."""
    ind = _indicator(fit)
    a, b = fit.const * 100, fit.slope
    return tr(
        f"{target[0]}同比 = {F.num(a, 2)}% + {F.num(b, 2)} × {ind[0]}同比"
        f"（{F.month_label(fit.sample.index[0])}-{F.month_label(fit.sample.index[-1])}，"
        f"{fit.nobs}个月，R²={F.num(fit.rsquared, 2)}，残差标准差{F.num(fit.resid_std * 100, 1)}个百分点）。",
        f"{_cap(target[1])} YoY = {F.num(a, 2)}% + {F.num(b, 2)} × {ind[1]} YoY "
        f"({F.month_label(fit.sample.index[0], 'en')}–{F.month_label(fit.sample.index[-1], 'en')}, "
        f"{fit.nobs} months, R² {F.num(fit.rsquared, 2)}, residual s.d. {F.num(fit.resid_std * 100, 1)} pp).",
        lang,
    )


def trade_nowcast_chart(nc: TradeNowcast | TradeFit, lang: str, target: tuple[str, str] = _TARGET) -> MplFigure:
    """Actual export YoY and the indicator-implied YoY over the fit sample, the indicator's
    partial-month YoY on the right axis, and the nowcast with its interval (given a nowcast)."""
    from macrodesk.plotting import charts
    from macrodesk.text import label

    fit = nc.fit if isinstance(nc, TradeNowcast) else nc
    pred = nc if isinstance(nc, TradeNowcast) and is_computable(nc) else None
    span = tr(f"前{fit.day}日", f"first {fit.day} days", lang) if fit.day else ""
    tl, il = tr(target[0], target[1], lang), tr(*_indicator(fit), lang)
    s = fit.sample * 100
    fig, ax = charts._new_figure()
    ax2 = ax.twinx()
    charts._style_right_axis(ax2)
    x = pd.PeriodIndex(s.index).to_timestamp()
    (h1,) = ax.plot(x, s["target"], color=charts.PALETTE[0], linewidth=1.6)
    (h2,) = ax.plot(x, s["fitted"], color=charts.PALETTE[1], linewidth=1.4, linestyle=(0, (4, 2)))
    g = fit.indicator_yoy.dropna() * 100
    g = g[g.index >= s.index[0]]
    (h3,) = ax2.plot(pd.PeriodIndex(g.index).to_timestamp(), g.to_numpy(), color=charts.PALETTE[2], linewidth=1.2)
    handles: list[Any] = [h1, h2, h3]
    labels = [
        tr(f"{tl}同比", f"{_cap(tl)} YoY", lang),
        tr("高频指标拟合值", "Implied by the indicator", lang),
        tr(f"{il}{span}同比", f"{_cap(il)} YoY ({span or 'whole month'})", lang) + label("right_axis", lang),
    ]
    end = x[-1]
    if pred is not None:
        px = pred.month.to_timestamp()
        p = pred.point * 100
        err = [[p - pred.lower * 100], [pred.upper * 100 - p]]
        h4 = ax.errorbar([px], [p], yerr=err, fmt="D", color=charts.PALETTE[3],  # type: ignore[arg-type]  # dates
                         markersize=5, capsize=4, linewidth=1.4, zorder=5)
        ax.annotate(f"{p:+.1f}%", (px, p), xytext=(-7, 5), textcoords="offset points", ha="right", va="bottom",
                    fontsize=8.5, color=charts.PALETTE[3])
        level = int(round((1 - pred.alpha) * 100))
        handles.append(h4)
        labels.append(tr(f"预测值（{level}%区间）", f"Nowcast ({level}% interval)", lang))
        end = max(end, px + pd.Timedelta(days=45))  # room for the marker and its interval
    charts._zero_line(ax, np.concatenate([s["target"].to_numpy(), s["fitted"].to_numpy()]))
    charts._date_axis(ax, x[0], end)
    ax.set_ylabel("%", fontsize=9)
    ax2.set_ylabel("%", fontsize=9)
    charts._legend_below(fig, handles, labels)
    return fig


# ---------------------------------------------------------------- the partner export nowcast
def _print_label(nc: Any, lang: str) -> str:
    """'2026年1-2月' / 'Jan–Feb 2026' for a February print, else the month."""
    m = nc.month
    if nc.is_janfeb:
        return tr(f"{m.year}年1-2月", f"Jan–Feb {m.year}", lang)
    return F.month_label(m, lang)


def export_nowcast_text(nc: Any, lang: str, *, brief: bool = False) -> str:
    """The partner/calendar export nowcast (:class:`~macrodesk.models.nowcast.exports.ExportNowcast`):
    point, 80% interval, the last print, the two members and the inputs used or not yet out.

    ``brief``: the first sentence only (point, interval, last print), for the key points.
    """
    lo, hi = nc.interval(0.8)
    when = _print_label(nc, lang)
    prev_zh = f"{nc.known.year}年{nc.known.month}月" if not (nc.known.month == 2) else f"{nc.known.year}年1-2月"
    prev_en = F.month_label(nc.known, "en") if nc.known.month != 2 else f"Jan–Feb {nc.known.year}"
    used = [nc.names.get(k, (k, k)) for k in nc.used]
    members = nc.members
    text = tr(
        f"以{nc.as_of.year}年{nc.as_of.month}月{nc.as_of.day}日已公布的数据推算，{when}出口同比（美元计）约为"
        f"{F.pct(nc.yoy * 100)}（80%区间{F.pct(lo)}至{F.pct(hi)}），前值（{prev_zh}）{F.pct(nc.previous_yoy * 100)}。",
        f"From what was published by {F.day_label(nc.as_of, 'en')}, export YoY (USD) in {when} is nowcast at about "
        f"{F.pct(nc.yoy * 100)} (80% interval {F.pct(lo)} to {F.pct(hi)}); the last print ({prev_en}) was "
        f"{F.pct(nc.previous_yoy * 100)}.",
        lang,
    )
    cal = members.get("calendar")
    if cal is not None and not brief:
        text += tr(f"其中，季节性常态叠加工作日与春节效应的日历模型给出{F.pct(cal * 100)}",
                   f" The calendar member (seasonal norm, working days and the Spring Festival) gives {F.pct(cal * 100)}",
                   lang)
        if "partners" in members:
            text += tr(f"，加入{'、'.join(u[0] for u in used)}的伙伴数据模型给出{F.pct(members['partners'] * 100)}，两者等权平均。",
                       f"; with {', '.join(u[1] for u in used)} the partner member gives "
                       f"{F.pct(members['partners'] * 100)}; the two are averaged.", lang)
        else:
            text += tr("；伙伴数据（韩国、越南出口，PMI）尚未公布或历史不足，未纳入。",
                       "; partner data (Korea's and Vietnam's exports, the PMI) are not out yet or too short, "
                       "so the nowcast is the calendar member alone.", lang)
    return text
