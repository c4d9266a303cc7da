"""Views of the CPI models: components, basket weights and seasonality, in one language.

Each function reads a results object of :mod:`macrodesk.models.inflation`
(:class:`~macrodesk.models.inflation.components.ComponentReview`,
:class:`~macrodesk.models.inflation.weights.PriceMethodDrift`,
:class:`~macrodesk.models.inflation.weights.Rotation`,
:class:`~macrodesk.models.inflation.seasonality.Seasonality`) and returns a
sentence, a table with labels or a chart.
"""

from __future__ import annotations

from typing import Any, cast

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from macrodesk.models.inflation.components import CPI_COMPONENTS, ComponentReview
from macrodesk.models.inflation.seasonality import Seasonality
from macrodesk.models.inflation.weights import PriceMethodDrift, Rotation
from macrodesk.plotting import charts
from macrodesk.text import MONTHS_EN as _MONTHS_EN
from macrodesk.text import format as F
from macrodesk.text import tr

__all__ = [
    "component_chart",
    "component_label",
    "component_name",
    "component_table",
    "component_text",
    "drift_chart",
    "drift_text",
    "rotation_chart",
    "rotation_table",
    "rotation_text",
    "seasonality_chart",
    "seasonality_text",
]


# ---------------------------------------------------------------- components
def component_name(code: str, lang: str = "zh") -> str:
    """The name of a CPI component code of :data:`CPI_COMPONENTS` (the code itself if unknown)."""
    zh, en, _ = CPI_COMPONENTS.get(code, (code, code, None))
    return tr(zh, en, lang)


def component_label(res: ComponentReview, code: str, lang: str = "zh") -> str:
    """A component's name: the review's own ``names`` first, then the catalogue."""
    if code in res.names:
        zh, en = res.names[code]
        return tr(zh, en, lang)
    return component_name(code, lang)


def component_table(res: ComponentReview, lang: str = "zh") -> pd.DataFrame:
    """The table as printed in the seed: weight (%), cumulative (%), gap (%), contribution (pp)."""
    t = res.table
    out = pd.DataFrame(index=pd.Index([component_label(res, c, lang) for c in t.index],
                                      name=tr("CPI分项", "Component", lang)))
    out[tr("权重(%)", "Weight (%)", lang)] = t["weight"].to_numpy() * 100
    out[tr(f"{res.year}年(%)", f"{res.year} (%)", lang)] = t["actual"].to_numpy() * 100
    for w in res.windows:
        out[tr(f"{w}年(%)", f"{w} (%)", lang)] = t[f"norm:{w}"].to_numpy() * 100
    out[tr("超季节性(%)", "Gap (%)", lang)] = t["gap"].to_numpy() * 100
    out[tr(f"{res.year}年×权重(pp)", f"{res.year} × weight (pp)", lang)] = t["contribution"].to_numpy() * 100
    return out


def component_text(res: ComponentReview, lang: str = "zh") -> str:
    """The three largest pulls on the headline (or, without weights, the three largest gaps)."""
    span = F.span_label(res.start_month, res.end_month, lang)
    t = res.table
    w0 = res.windows[0] if res.windows else None
    contrib = t["contribution"].dropna()
    parts: list[str] = []
    for code in contrib.abs().sort_values(ascending=False).index[:3]:
        r = t.loc[code]
        share = r["share"]
        share_zh = f"，贡献率{F.num(share * 100, 0)}%" if np.isfinite(share) else ""
        share_en = f", {F.num(share * 100, 0)}% of the headline change" if np.isfinite(share) else ""
        parts.append(tr(
            f"{component_label(res, code)}累计{F.pct(r['actual'] * 100)}，拉动CPI{F.pp(r['contribution'] * 100, 2)}{share_zh}",
            f"{component_label(res, code, 'en')} {F.pct(r['actual'] * 100)} cumulatively, "
            f"{F.pp(r['contribution'] * 100, 2, lang='en')} on CPI{share_en}",
            lang,
        ))
    if not parts:  # no weights: talk about the gaps instead
        gaps = t["gap"].dropna()
        for code in gaps.abs().sort_values(ascending=False).index[:3]:
            r = t.loc[code]
            parts.append(tr(
                f"{component_label(res, code)}累计{F.pct(r['actual'] * 100)}（较{w0}年均值{F.pp(r['gap'] * 100, 1)}）",
                f"{component_label(res, code, 'en')} {F.pct(r['actual'] * 100)} "
                f"({F.pp(r['gap'] * 100, 1, lang='en')} vs the {w0} mean)",
                lang,
            ))
    if not parts:
        return tr(f"{res.year}年{span}没有可计算的CPI分项。", f"No CPI component is computable for {span} {res.year}.", lang)
    head = tr(f"{res.year}年{span}，", f"In {span} {res.year}: ", lang)
    return head + tr("；", "; ", lang).join(parts) + tr("。", ".", lang)


def component_chart(res: ComponentReview, lang: str = "zh") -> Figure:
    """Cumulative MoM by component: this year beside the window means (seed Figure 2)."""
    t = res.table
    df = pd.DataFrame({tr(f"{res.year}年", str(res.year), lang): t["actual"] * 100}, index=t.index)
    for w in res.windows:
        df[tr(f"{w}年均值", f"{w} mean", lang)] = t[f"norm:{w}"] * 100
    df.index = pd.Index([component_label(res, c, lang) for c in t.index])
    return charts.bar_chart(df, horizontal=True, lang=lang, ylabel="%")


# ---------------------------------------------------------------- weights
def _drift_label(res: PriceMethodDrift, column: str, lang: str) -> str:
    return tr(res.labels_zh.get(column, column), column, lang)


def drift_text(res: PriceMethodDrift, lang: str = "zh") -> str:
    """Each item's weight at the base and at the last month."""
    w = res.weights.dropna(how="all")
    last = w.index[-1]
    parts_zh, parts_en = [], []
    for c in w.columns:
        a, b = w[c].loc[res.base], w[c].loc[last]  # type: ignore[call-overload]
        parts_zh.append(f"{_drift_label(res, c, 'zh')}权重由{F.month_label(res.base)}的{F.num(a * 100, 2)}%变为"
                        f"{F.month_label(last)}的{F.num(b * 100, 2)}%")
        parts_en.append(f"{_drift_label(res, c, 'en')} from {F.num(a * 100, 2)}% in {F.month_label(res.base, 'en')} to "
                        f"{F.num(b * 100, 2)}% in {F.month_label(last, 'en')}")
    return tr(
        "按价格法，" + "；".join(parts_zh) + "。",
        "With weights drifting by relative prices: " + "; ".join(parts_en) + ".",
        lang,
    )


def drift_chart(res: PriceMethodDrift, lang: str = "zh") -> Figure:
    """The drifted weights (percent) over time."""
    df = res.weights * 100
    df.columns = pd.Index([_drift_label(res, c, lang) for c in df.columns])
    return charts.line_chart(df, ylabel="%", lang=lang)


def _rotation_name(res: Rotation, code: Any, lang: str) -> str:
    zh, en = res.names.get(code, (code, code))
    return tr(zh, en, lang)


def rotation_table(res: Rotation, lang: str = "zh") -> pd.DataFrame:
    """The table as printed (pct), categories named in ``lang``."""
    t = res.table * 100
    yr = f"{res.new_label}年基期" if res.new_label.isdigit() else res.new_label
    cols = {"new": tr("新权重(%)", "New weight (%)", lang),
            "vs_last": tr(f"{yr}调整(pct)", f"{res.new_label} base adjustment (pct)", lang),
            "vs_current": tr("较当前权重(pct)", "vs current weight (pct)", lang)}
    t = t.rename(columns=cols)
    t = t.rename(columns={c: tr(f"{c}年调整(pct)", f"{c} rotation (pct)", lang) for c in t.columns if str(c).isdigit()})
    t.index = pd.Index([_rotation_name(res, c, lang) for c in t.index], name=tr("类别", "Category", lang))
    return t


def rotation_text(res: Rotation, lang: str = "zh") -> str:
    """The categories whose weight the rotation raises and lowers."""
    adj = res.adjustments().dropna().sort_values()
    up, down = adj[adj > 0][::-1], adj[adj < 0]
    zh_up = "、".join(f"{_rotation_name(res, c, 'zh')}{F.num(v * 100, 1, signed=True)}pct" for c, v in up.items())
    zh_dn = "、".join(f"{_rotation_name(res, c, 'zh')}{F.num(v * 100, 1, signed=True)}pct" for c, v in down.items())
    en_up = ", ".join(f"{_rotation_name(res, c, 'en')} {F.num(v * 100, 1, signed=True)} pct" for c, v in up.items())
    en_dn = ", ".join(f"{_rotation_name(res, c, 'en')} {F.num(v * 100, 1, signed=True)} pct" for c, v in down.items())
    base = f"以{res.new_label}年为基期的轮换中" if res.new_label.isdigit() else f"{res.new_label}基期轮换中"
    return tr(
        f"按居民消费支出结构测算，{base}权重上调的有{zh_up or '无'}，下调的有{zh_dn or '无'}。",
        f"From household spending shares, the {res.new_label} rotation raises {en_up or 'none'} and lowers "
        f"{en_dn or 'none'}.",
        lang,
    )


def rotation_chart(res: Rotation, lang: str = "zh") -> Figure:
    """Adjustments by category: past rotations beside the new one (pct), horizontal bars."""
    t = rotation_table(res, lang)
    keep = [col for raw, col in zip(res.table.columns, t.columns) if raw not in ("new", "vs_current")]
    return charts.bar_chart(t[keep], horizontal=True, lang=lang, ylabel="pct")


# ---------------------------------------------------------------- seasonality
def seasonality_text(res: Seasonality, lang: str = "zh") -> str:
    """The highest and lowest month of the norm, the Spring Festival split and the outlook year's festival."""
    m = res.norm["mean"] * 100
    hi, lo = int(cast(int, m.idxmax())), int(cast(int, m.idxmin()))
    y0, y1 = res.years[0], res.years[-1]

    def mon(k: int) -> str:
        return tr(f"{k}月", _MONTHS_EN[k - 1], lang)

    if np.isclose(m.max(), m.min()):
        text = tr(f"{y0}-{y1}年{res.name}各月环比均值相同（{F.pct(m[hi], 2)}）。",
                  f"Over {y0}-{y1}, {res.name} MoM averaged {F.pct(m[hi], 2)} in every month.", lang)
    else:
        text = tr(
            f"{y0}-{y1}年{res.name}环比均值以{mon(hi)}最高（{F.pct(m[hi], 2)}），{mon(lo)}最低（{F.pct(m[lo], 2)}）。",
            f"Over {y0}-{y1}, {res.name} MoM averaged highest in {mon(hi)} ({F.pct(m[hi], 2)}) and lowest in "
            f"{mon(lo)} ({F.pct(m[lo], 2)}).",
            lang,
        )
    bf = res.by_festival * 100
    if bf.notna().all().all():
        text += tr(
            f"春节在1月的年份，1月、2月环比均值为{F.pct(bf.loc[1, 'jan'], 2)}、{F.pct(bf.loc[2, 'jan'], 2)}；"
            f"春节在2月的年份为{F.pct(bf.loc[1, 'feb'], 2)}、{F.pct(bf.loc[2, 'feb'], 2)}。",
            f" In years with the Spring Festival in January, Jan and Feb MoM averaged {F.pct(bf.loc[1, 'jan'], 2)} and "
            f"{F.pct(bf.loc[2, 'jan'], 2)}; with it in February, {F.pct(bf.loc[1, 'feb'], 2)} and "
            f"{F.pct(bf.loc[2, 'feb'], 2)}.",
            lang,
        )
    if res.outlook_year is not None:
        d = res.festival(res.outlook_year)
        p = res.festival(res.outlook_year - 1)
        text += tr(
            f"{res.outlook_year}年春节为{d.month}月{d.day}日（{res.outlook_year - 1}年为{p.month}月{p.day}日）。",
            f" The {res.outlook_year} Spring Festival falls on {_MONTHS_EN[d.month - 1]} {d.day} "
            f"({res.outlook_year - 1}: {_MONTHS_EN[p.month - 1]} {p.day}).",
            lang,
        )
    return text


def seasonality_chart(res: Seasonality, lang: str = "zh") -> Figure:
    """The min–max band and mean by calendar month, the highlight year drawn over it (percent)."""
    n = res.norm * 100
    y0, y1 = res.years[0], res.years[-1]
    hl = None
    if res.highlight is not None:
        hl = (res.highlight * 100).rename(str(res.highlight_year))
    return charts.band_chart(
        n["mean"], n["min"], n["max"], hl, lang=lang,
        mean_label=tr(f"{y0}-{y1}年均值", f"{y0}-{y1} mean", lang),
        highlight_label=tr(f"{res.highlight_year}年", str(res.highlight_year), lang) if hl is not None else None,
        ylabel="%",
    )
