"""Words and pictures for the commodity factor model and commodity paths (:mod:`macrodesk.models.factor`).

``factor_text(fit, lang)`` is the sentence, ``factor_table(fit, lang)`` the
coefficient table with labels, ``factor_chart`` / ``factor_contribution_chart``
the figures; ``commodity_path_text`` / ``commodity_path_chart`` do the same
for a :class:`~macrodesk.models.factor.CommodityPath`. Factor names come from
the result's ``labels`` (set with ``FactorResult.with_labels``).
"""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from macrodesk.models.factor import CommodityPath, FactorResult
from macrodesk.plotting import charts
from macrodesk.text import format as F
from macrodesk.text import tr

__all__ = [
    "commodity_path_chart",
    "commodity_path_text",
    "factor_chart",
    "factor_contribution_chart",
    "factor_table",
    "factor_text",
]


def _y_name(res: FactorResult) -> str:
    return str(res.y.name or "y")


def factor_table(res: FactorResult, lang: str = "zh") -> pd.DataFrame:
    """Coefficient and standard error ×100 (the seed's "9.62%" style) and the t-statistic per term."""
    rows = [tr("常数项", "Constant", lang)] + [res.label(f) for f in res.factors]
    return pd.DataFrame(
        {
            tr("系数（%）", "Coefficient (%)", lang): res.params.to_numpy() * 100,
            tr("标准误（%）", "Std. error (%)", lang): res.std_err.to_numpy() * 100,
            tr("t值", "t", lang): res.tvalues.to_numpy(),
        },
        index=pd.Index(rows, name=tr("变量", "Term", lang)),
    )


def factor_text(res: FactorResult, lang: str = "zh") -> str:
    """The fit in one sentence: sample, R², coefficients and constant."""
    s0, s1 = res.sample
    terms_zh = "、".join(f"{res.label(f)}{F.num(res.params[f] * 100, 2)}%" for f in res.factors)
    terms_en = ", ".join(f"{res.label(f)} {F.num(res.params[f] * 100, 2)}%" for f in res.factors)
    const = res.params["const"] * 100
    se = tr("Newey-West稳健标准误", "Newey–West standard errors", lang) if res.cov_type == "HAC" else ""
    return tr(
        f"{F.month_label(s0)}至{F.month_label(s1)}，{_y_name(res)}对{len(res.factors)}个因子同比回归的R²为"
        f"{F.num(res.rsquared * 100, 1)}%（{res.nobs}个月，{se}）：系数依次为{terms_zh}，常数项{F.num(const, 2)}。",
        f"From {F.month_label(s0, 'en')} to {F.month_label(s1, 'en')}, regressing {_y_name(res)} on "
        f"{len(res.factors)} factor YoY rates gives R² {F.num(res.rsquared * 100, 1)}% ({res.nobs} months, {se}); "
        f"coefficients {terms_en}, constant {F.num(const, 2)}.",
        lang,
    )


def factor_chart(res: FactorResult, lang: str = "zh", *, figsize: tuple[float, float] | None = None) -> Figure:
    """Actual vs fitted, in percent (``figsize``: :data:`~macrodesk.plotting.HALF_FIGSIZE` for one of a pair)."""
    actual = tr(f"{_y_name(res)}（实际）", f"{_y_name(res)} (actual)", lang)
    fit = tr("模型拟合", "Model fit", lang)
    lo, hi = res.fitted.index[0], res.fitted.index[-1]  # the actual in every month of the sample's span:
    y = res.y[(res.y.index >= lo) & (res.y.index <= hi)]  # a month the model skips is a gap in the fit only
    df = pd.DataFrame({actual: y * 100, fit: res.fitted * 100})
    return charts.line_chart(df, ylabel="%", lang=lang, figsize=figsize)


def factor_contribution_chart(res: FactorResult, lang: str = "zh", last: int | None = 36, *,
                              figsize: tuple[float, float] | None = None) -> Figure:
    """Stacked factor contributions (pp) with the actual series as a line; the last ``last`` months."""
    c = res.contributions() * 100
    c.columns = pd.Index([tr("常数项", "Constant", lang)] + [res.label(f) for f in res.factors])
    actual = (res.y.reindex(c.index) * 100).rename(tr(f"{_y_name(res)}（实际）", f"{_y_name(res)} (actual)", lang))
    if last is not None:
        c, actual = c.iloc[-last:], actual.iloc[-last:]
    return charts.stacked_contributions(c, actual, lang=lang, ylabel=tr("百分点", "pp", lang), figsize=figsize)


def commodity_path_text(p: CommodityPath, lang: str = "zh") -> str:
    """The path's average level and YoY in its last year, and the YoY in its last month."""
    end = p.level.index[-1]
    y = end.year
    return tr(
        f"按目标路径，{p.name}{y}年均值约{F.num(p.average_level(y), 0, thousands=True)}，同比均值"
        f"{F.pct(p.average_yoy(y) * 100)}，{F.month_label(end)}同比{F.pct(p.yoy.iloc[-1] * 100)}。",
        f"On the target path, {p.name} averages {F.num(p.average_level(y), 0, thousands=True)} in {y}, "
        f"{F.pct(p.average_yoy(y) * 100)} YoY on average, {F.pct(p.yoy.iloc[-1] * 100)} YoY in "
        f"{F.month_label(end, 'en')}.",
        lang,
    )


def commodity_path_chart(p: CommodityPath, lang: str = "zh") -> Figure:
    """The last three years of history and the target path, in levels."""
    hist = p.level[p.level.index < p.path_start].rename(tr("历史", "History", lang))
    path = p.level[p.level.index >= p.path_start - 1].rename(tr("目标路径", "Target path", lang))
    return charts.scenario_paths(hist.iloc[-36:], {str(path.name): path}, lang=lang)
