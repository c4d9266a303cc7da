"""The scenario engine: a :class:`~macrodesk.scenarios.spec.ScenarioFile` + data -> paths.

For each scenario the engine builds a monthly MoM path from the month after the
last published YoY (the *anchor* ``T``) to the end of the horizon, then a YoY
path, its annual average (中枢), range, and carry-over / new-price split.

MoM path, month by month (all vectorised over months)::

    m_t = baseline_t                      seasonal norm of calendar month t (window of years)
          (or the `set` MoM for t)        replaces the baseline
        + sum_shocks  weight x shock      e.g. 2% x 3% = 0.06 pp
        + sum_adjust  pp                  e.g. -0.04 pp
        + sum_links   elasticity x c_t    c_t: commodity MoM implied by its level path

Months after ``T`` that are already published (``T`` < as-of) keep their published
MoM; months listed under ``assume`` (not yet published, e.g. the seed's Dec 2025
PPI MoM = 0) take the assumed value; published values always win.

YoY path (``yoy_method``):

* ``"published"`` (default): ``(1+y_t) = (1+y_{t-1})(1+m_t)/(1+m_{t-12})`` anchored on
  the last *published* YoY (:func:`macrodesk.transforms.project_yoy`).
* ``"chained"``: ``1+y_t = prod_{k=t-11..t}(1+m_k)``, the YoY of the index chained
  from published MoMs = carry-over x new price. Published YoY and the chained
  index disagree by the rounding of the published MoMs; the two paths differ by
  a constant factor ``(1+y_T)/(1+y^c_T)``, which the result reports as
  ``anchor_gap`` (and both paths are kept: ``yoy`` and ``yoy_alt``).

``as_of`` cuts every input at that month: nothing published after it is used.

Commodity paths: monthly levels (daily data averaged to months) up to as-of,
then linear to each level target and flat after the last one; MoM and YoY of
the combined levels. ``elasticities`` passed to :func:`run` override the file's,
so factor-model loadings can be plugged in (``run(..., elasticities=fit.params)``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from macrodesk import transforms as T
from macrodesk.exceptions import ScenarioError, TransformError, UnknownSeriesError
from macrodesk.text import format as F
from macrodesk.scenarios.spec import YOY_METHODS, CommodityPath, ScenarioFile, ScenarioSpec
from macrodesk.series import MacroSeries, SeriesMeta, period_key
from macrodesk.text import tr

__all__ = ["run", "ScenarioResult", "ScenarioSetResult", "CommodityResult"]


# --------------------------------------------------------------------------- results
@dataclass(frozen=True)
class CommodityResult:
    """A commodity's level path and the MoM / YoY it implies (fractions).

    ``levels`` holds observed months up to ``last_observed`` then the path;
    ``yoy`` and ``mom`` cover the same months (NaN where not computable).
    ``reason`` is set (and the series are empty) when the path could not be
    built, e.g. the series is not in the data or stops before the as-of month.
    """

    key: str
    series_id: str
    name_zh: str
    name_en: str
    unit_zh: str
    unit_en: str
    levels: pd.Series
    mom: pd.Series
    yoy: pd.Series
    last_observed: pd.Period | None
    horizon: tuple[pd.Period, pd.Period]
    reason: str = ""
    meta: SeriesMeta | None = None

    @property
    def ok(self) -> bool:
        return not self.reason

    def name(self, lang: str = "zh") -> str:
        return (self.name_zh or self.name_en or self.key) if lang == "zh" else (self.name_en or self.name_zh or self.key)

    def unit(self, lang: str = "zh") -> str:
        return (self.unit_zh or self.unit_en) if lang == "zh" else (self.unit_en or self.unit_zh)

    def _h(self, s: pd.Series) -> pd.Series:
        return s[(s.index >= self.horizon[0]) & (s.index <= self.horizon[1])]

    @property
    def mean_level(self) -> float:
        """Average level over the horizon."""
        return float(self._h(self.levels).mean())

    @property
    def mean_yoy(self) -> float:
        """Average of the monthly YoY over the horizon (fraction)."""
        return float(self._h(self.yoy).mean())

    @property
    def end_yoy(self) -> float:
        """YoY in the last horizon month (fraction)."""
        return float(self._h(self.yoy).iloc[-1])

    def to_json(self, digits: int = 4) -> dict[str, Any]:
        if not self.ok:
            return {"series_id": self.series_id, "reason": self.reason}
        h = self._h
        return {
            "series_id": self.series_id,
            "last_observed": self.last_observed.strftime("%Y-%m") if self.last_observed is not None else None,
            "levels": _json_values(h(self.levels), digits, scale=1.0),
            "yoy": _json_values(h(self.yoy), digits),
            "mean_level": _r(self.mean_level, digits, 1.0),
            "mean_yoy": _r(self.mean_yoy, digits),
        }


@dataclass(frozen=True)
class ScenarioResult:
    """One scenario's paths. Rates are fractions; ``*_pct`` helpers give percent.

    ``mom``: MoM from the month after the anchor to the end of the horizon.
    ``source``: per month of ``mom``, 'published', 'assumed' or 'scenario'.
    ``components``: the pieces of ``mom`` (column 'baseline' = seasonal norm or
    `set` MoM, then one column per overlay; rows sum to ``mom`` where source is
    'scenario'); ``component_labels`` maps each column to (zh, en) labels.
    ``yoy``: YoY over the horizon, published where the month is already out,
    projected after (``projected`` marks which). ``yoy_alt``: the same with the
    other ``yoy_method``. ``decomposition``: carry-over, new-price and implied
    YoY by horizon month (None with ``decomposition_reason`` if not computable).
    """

    name: str
    label_zh: str
    label_en: str
    mom: pd.Series
    source: pd.Series
    components: pd.DataFrame
    component_labels: Mapping[str, tuple[str, str]]
    yoy: pd.Series
    yoy_alt: pd.Series | None
    projected: pd.Series
    decomposition: pd.DataFrame | None
    decomposition_reason: str = ""
    spec: ScenarioSpec | None = None

    def label(self, lang: str = "zh") -> str:
        return (self.label_zh or self.label_en or self.name) if lang == "zh" else (self.label_en or self.name)

    @property
    def mean(self) -> float:
        """Annual average (中枢) of the YoY path over the horizon."""
        return float(self.yoy.mean())

    @property
    def min(self) -> float:
        return float(self.yoy.min())

    @property
    def max(self) -> float:
        return float(self.yoy.max())

    @property
    def argmin(self) -> pd.Period:
        return self.yoy.idxmin()

    @property
    def argmax(self) -> pd.Period:
        return self.yoy.idxmax()

    @property
    def end(self) -> float:
        """YoY in the last month of the horizon."""
        return float(self.yoy.iloc[-1])

    @property
    def mean_alt(self) -> float:
        return float(self.yoy_alt.mean()) if self.yoy_alt is not None else float("nan")

    @property
    def carryover_mean(self) -> float:
        """Average carry-over (翘尾) over the horizon months (fraction)."""
        if self.decomposition is None:
            return float("nan")
        return float(self.decomposition["carryover"].mean())

    @property
    def new_price_mean(self) -> float:
        if self.decomposition is None:
            return float("nan")
        return float(self.decomposition["new_price"].mean())

    def component_label(self, key: str, lang: str = "zh") -> str:
        zh, en = self.component_labels.get(key, (key, key))
        return zh if lang == "zh" else en

    def summary(self, lang: str = "zh") -> str:
        """'中性：中枢+0.96%，区间+0.59%至+1.09%（1月最低、2月最高），12月+0.89%'."""
        lo, hi, last = self.argmin, self.argmax, self.yoy.index[-1]
        if lang == "zh":
            return (f"{self.label('zh')}：中枢{F.pct(self.mean * 100, 2)}，区间{F.pct(self.min * 100)}至"
                    f"{F.pct(self.max * 100)}（{_mlabel(lo, 'zh')}最低、{_mlabel(hi, 'zh')}最高），"
                    f"{_mlabel(last, 'zh')}{F.pct(self.end * 100)}")
        return (f"{self.label('en')}: average {F.pct(self.mean * 100, 2)}, range {F.pct(self.min * 100)} "
                f"({_mlabel(lo, 'en')}) to {F.pct(self.max * 100)} ({_mlabel(hi, 'en')}), "
                f"{F.pct(self.end * 100)} in {_mlabel(last, 'en')}")

    def to_json(self, digits: int = 4) -> dict[str, Any]:
        out: dict[str, Any] = {
            "label": self.label("zh"),
            "label_en": self.label("en"),
            "path": _json_values(self.yoy, digits),
            "mean": _r(self.mean, digits),
            "min": _r(self.min, digits),
            "max": _r(self.max, digits),
            "end": _r(self.end, digits),
            "projected_from": _first_projected(self.projected),
            "mom": _json_values(self.mom, digits),
            "mom_source": dict(zip(period_key(self.source.index), self.source.tolist())),
        }
        if self.yoy_alt is not None:
            out["path_alt"] = _json_values(self.yoy_alt, digits)
            out["mean_alt"] = _r(self.mean_alt, digits)
        if self.decomposition is not None:
            out["carryover"] = _json_values(self.decomposition["carryover"], digits)
            out["new_price"] = _json_values(self.decomposition["new_price"], digits)
            out["carryover_mean"] = _r(self.carryover_mean, digits)
        return out


@dataclass(frozen=True)
class ScenarioSetResult:
    """All scenarios of one file, run on one information set.

    ``anchor``: the last month with a published YoY at or before ``as_of``;
    ``anchor_yoy`` its value (fraction). ``anchor_chained``: the YoY of the
    index chained from published MoMs at the anchor; ``anchor_gap`` =
    ``anchor_yoy - anchor_chained`` (what separates the two ``yoy_method`` s).
    ``assumed``: the ``assume`` entries actually used (month -> MoM fraction).
    ``history``: published YoY up to the anchor (fractions).
    """

    spec: ScenarioFile
    as_of: pd.Period
    method: str
    anchor: pd.Period
    anchor_yoy: float
    anchor_chained: float
    history: pd.Series
    scenarios: tuple[ScenarioResult, ...]
    commodities: tuple[CommodityResult, ...] = ()
    assumed: Mapping[pd.Period, float] = field(default_factory=dict)
    elasticities: Mapping[str, float] = field(default_factory=dict)
    inputs: tuple[SeriesMeta, ...] = ()

    # -- access -----------------------------------------------------------
    @property
    def names(self) -> tuple[str, ...]:
        return tuple(s.name for s in self.scenarios)

    def __getitem__(self, name: str) -> ScenarioResult:
        for s in self.scenarios:
            if s.name == name:
                return s
        raise KeyError(f"no scenario '{name}'; scenarios: {', '.join(self.names)}")

    def __iter__(self):
        return iter(self.scenarios)

    def __len__(self) -> int:
        return len(self.scenarios)

    @property
    def anchor_gap(self) -> float:
        return self.anchor_yoy - self.anchor_chained

    @property
    def horizon(self) -> tuple[pd.Period, pd.Period]:
        return self.spec.horizon

    def paths(self) -> pd.DataFrame:
        """YoY paths (fractions): horizon months x scenario names."""
        return pd.DataFrame({s.name: s.yoy for s in self.scenarios})

    def stats(self) -> pd.DataFrame:
        """mean / min / max / end of each scenario's YoY path (fractions)."""
        return pd.DataFrame(
            {s.name: {"mean": s.mean, "min": s.min, "max": s.max, "end": s.end} for s in self.scenarios}
        ).T

    # -- presentation -----------------------------------------------------
    def table(self, lang: str = "zh") -> pd.DataFrame:
        """Monthly YoY paths in percent, one column per scenario, then mean/min/max rows."""
        df = self.paths() * 100
        df.columns = [s.label(lang) for s in self.scenarios]
        df.index = [_mlabel_full(p, lang) for p in df.index]
        extra = pd.DataFrame(
            [[s.mean * 100 for s in self.scenarios], [s.min * 100 for s in self.scenarios],
             [s.max * 100 for s in self.scenarios]],
            index=tr(["全年中枢", "最低", "最高"], ["Average", "Min", "Max"], lang),
            columns=df.columns,
        )
        out = pd.concat([df, extra])
        out.index.name = tr(f"{self.spec.name('zh')}同比（%）", f"{self.spec.name('en')} YoY (%)", lang)
        return out

    def summary(self, lang: str = "zh") -> str:
        """Narrative: the anchor, each scenario's centre and range, carry-over, and the method gap."""
        nm = self.spec.name(lang)
        year_txt = _horizon_text(self.spec.horizon, lang)
        parts = [s.summary(lang) for s in self.scenarios]
        if lang == "zh":
            text = self.intro(lang) + f"{year_txt}{nm}同比：" + "；".join(parts) + "。"
        else:
            text = self.intro(lang) + f" {nm} YoY over {year_txt}: " + "; ".join(parts) + "."
        notes = self.notes(lang)
        return text + (notes if lang == "zh" else (" " + notes if notes else ""))

    def intro(self, lang: str = "zh") -> str:
        """The starting point and method, e.g. '以2025年12月CPI同比+0.8%为起点、以公布同比为锚逐月递推，'."""
        nm = self.spec.name(lang)
        if lang == "zh":
            method = "以公布同比为锚逐月递推" if self.method == "published" else "按环比链式指数计算同比"
            return f"以{F.month_label(self.anchor)}{nm}同比{F.pct(self.anchor_yoy * 100)}为起点、{method}，"
        method = ("rolling forward from the published YoY" if self.method == "published"
                  else "computing YoY from the index chained from MoMs")
        return f"Starting from {nm} YoY of {F.pct(self.anchor_yoy * 100)} in {F.month_label(self.anchor, 'en')} and {method}."

    def notes(self, lang: str = "zh") -> str:
        """Carry-over, assumptions used, and the published-vs-chained gap at the anchor (if >= 0.05 pp)."""
        nm = self.spec.name(lang)
        out: list[str] = []
        co = [s.carryover_mean for s in self.scenarios if np.isfinite(s.carryover_mean)]
        if co and np.allclose(co, co[0], atol=1e-9):
            out.append(tr(f"各情景翘尾因素平均约{F.pct(co[0] * 100, 2)}。",
                            f"The carry-over effect averages {F.pct(co[0] * 100, 2)}.", lang))
        if self.assumed:
            items = "、".join(f"{_mlabel_full(p, 'zh')}环比{F.pct(v * 100)}" for p, v in self.assumed.items())
            items_en = ", ".join(f"MoM {F.pct(v * 100)} in {_mlabel_full(p, 'en')}" for p, v in self.assumed.items())
            out.append(tr(f"尚未公布的月份按假设计算：{items}。", f"Months not yet published are assumed: {items_en}.", lang))
        gap = self.anchor_gap * 100
        if np.isfinite(gap) and abs(gap) >= 0.05:
            alt = "chained" if self.method == "published" else "published"
            alt_means = "、".join(f"{s.label(lang)}{F.pct(s.mean_alt * 100, 2)}" for s in self.scenarios) if lang == "zh" \
                else ", ".join(f"{s.label(lang)} {F.pct(s.mean_alt * 100, 2)}" for s in self.scenarios)
            side_zh = "低" if gap > 0 else "高"
            side_en = "below" if gap > 0 else "above"
            basis_zh = "环比链式" if alt == "chained" else "公布同比"
            if lang == "zh":
                out.append(f"注意：按已公布环比链式推算，{F.month_label(self.anchor)}{nm}同比为"
                           f"{F.pct(self.anchor_chained * 100, 2)}，比公布值{side_zh}{F.pp(abs(gap), 2, signed=False)}"
                           f"（公布环比保留一位小数等所致）；若按{basis_zh}口径，各情景中枢依次为{alt_means}。")
            else:
                out.append(f"Note: chaining the published MoMs gives {F.pct(self.anchor_chained * 100, 2)} for "
                           f"{F.month_label(self.anchor, 'en')}, {F.pp(abs(gap), 2, signed=False, lang='en')} {side_en} "
                           f"the published YoY (the MoMs are published to one decimal); on the {alt} basis the "
                           f"averages are {alt_means}.")
        return ("" if lang == "zh" else " ").join(out)

    def chart(self, lang: str = "zh", *, history_months: int = 36):
        """History (published YoY) and each scenario's projected path (seed Figures 15 and 38)."""
        from macrodesk.plotting import charts

        start = self.spec.horizon[0] - history_months
        hist = self.history[self.history.index >= start] * 100
        hist.name = tr(f"{self.spec.name('zh')}同比（实际）", f"{self.spec.name('en')} YoY (actual)", lang)
        paths = {}
        for s in self.scenarios:
            p = s.yoy[s.projected.reindex(s.yoy.index, fill_value=False).to_numpy(dtype=bool)] * 100
            paths[s.label(lang)] = p
        return charts.scenario_paths(hist, paths, lang=lang, ylabel="%")

    def commodity_chart(self, key: str, lang: str = "zh", *, history_months: int = 24):
        """One commodity: observed YoY and its assumed path's YoY (seed Figures 20 and 24)."""
        from macrodesk.plotting import charts

        c = next((c for c in self.commodities if c.key == key), None)
        if c is None or not c.ok:
            raise ScenarioError(f"{self.spec.file}: commodity path '{key}' is not available"
                                + (f" ({c.reason})" if c is not None else ""))
        start = self.spec.horizon[0] - history_months
        obs = c.yoy[(c.yoy.index >= start) & (c.yoy.index <= c.last_observed)] * 100
        obs.name = tr(f"{c.name('zh')}同比（实际）", f"{c.name('en')} YoY (actual)", lang)
        path = c.yoy[(c.yoy.index > c.last_observed) & (c.yoy.index <= self.spec.horizon[1])] * 100
        return charts.scenario_paths(obs, {tr(f"{c.name('zh')}同比（假设路径）", f"{c.name('en')} YoY (assumed path)", lang): path},
                                     lang=lang, ylabel="%")

    def blocks(self, lang: str = "zh", **kwargs: Any) -> list:
        """Report blocks for a scenario section; see :func:`macrodesk.scenarios.scenario_blocks`."""
        from macrodesk.scenarios.blocks import scenario_blocks

        return scenario_blocks(self, lang, **kwargs)

    def to_json(self, digits: int = 4) -> dict[str, Any]:
        """``{"scenarios": {NAME: {"path": {"2026-01": …}, "mean": …, "min": …, "max": …}}, …}`` in percent."""
        chained = self.anchor_chained
        return {
            "file": self.spec.file,
            "target": self.spec.target,
            "unit": "pct",
            "yoy_method": self.method,
            "as_of": self.as_of.strftime("%Y-%m"),
            "horizon": [self.spec.horizon[0].strftime("%Y-%m"), self.spec.horizon[1].strftime("%Y-%m")],
            "anchor": {
                "month": self.anchor.strftime("%Y-%m"),
                "yoy": _r(self.anchor_yoy, digits),
                "yoy_chained": _r(chained, digits),
                "gap_pp": _r(self.anchor_gap, digits),
            },
            "assumed": {p.strftime("%Y-%m"): _r(v, digits) for p, v in self.assumed.items()},
            "elasticities": {k: float(v) for k, v in self.elasticities.items()},
            "scenarios": {s.name: s.to_json(digits) for s in self.scenarios},
            "commodities": {c.key: c.to_json(digits) for c in self.commodities},
        }


# --------------------------------------------------------------------------- formatting helpers
def _r(x: float, digits: int, scale: float = 100.0) -> float | None:
    if x is None or not np.isfinite(x):
        return None
    return round(float(x) * scale, digits)


def _json_values(s: pd.Series, digits: int, scale: float = 100.0) -> dict[str, float | None]:
    return {k: _r(v, digits, scale) for k, v in zip(period_key(s.index), s.to_numpy(dtype=float))}


def _first_projected(projected: pd.Series) -> str | None:
    p = projected[projected]
    return p.index[0].strftime("%Y-%m") if len(p) else None


def _mlabel(p: pd.Period, lang: str) -> str:
    return f"{p.month}月" if lang == "zh" else p.strftime("%b")


def _mlabel_full(p: pd.Period, lang: str) -> str:
    return F.month_label(p, lang)


def _horizon_text(h: tuple[pd.Period, pd.Period], lang: str) -> str:
    a, b = h
    if a.year == b.year and a.month == 1 and b.month == 12:
        return f"{a.year}年" if lang == "zh" else str(a.year)
    return F.span_label(a, b, lang)


# --------------------------------------------------------------------------- input handling
def _monthly(s: pd.Series, sid: str, file: str) -> pd.Series:
    idx = s.index
    if isinstance(idx, pd.PeriodIndex):
        if idx.freqstr[0] != "M":
            raise ScenarioError(f"{file}: series '{sid}' must be monthly, got frequency {idx.freqstr}")
        out = s.astype(float)
    elif isinstance(idx, pd.DatetimeIndex):
        out = pd.Series(s.to_numpy(dtype=float), index=idx.to_period("M"), name=sid)
        if out.index.has_duplicates:
            raise ScenarioError(f"{file}: series '{sid}' has several values in one month; pass monthly data")
    else:
        raise ScenarioError(f"{file}: series '{sid}' needs a monthly PeriodIndex, got {type(idx).__name__}")
    out = out.sort_index()
    if len(out):
        out = out.reindex(pd.period_range(out.index[0], out.index[-1], freq="M"))
    return out


def _get(data: Mapping[str, Any], sid: str, file: str, role: str) -> Any:
    if sid not in data or data[sid] is None:
        raise UnknownSeriesError(sid, f"{file} needs it ({role}); import it first (macrodesk data import …)")
    return data[sid]


def _rate(data: Mapping[str, Any], sid: str, file: str, role: str) -> tuple[pd.Series, SeriesMeta | None]:
    """A rate series as fractions on a complete monthly PeriodIndex (pd.Series inputs are percent)."""
    obj = _get(data, sid, file, role)
    if isinstance(obj, MacroSeries):
        if obj.freq != "M":
            raise ScenarioError(f"{file}: series '{sid}' ({role}) must be monthly, got frequency {obj.freq}")
        return obj.to_fraction(), obj.meta
    if isinstance(obj, pd.Series):
        return _monthly(obj, sid, file) / 100.0, None
    raise ScenarioError(f"{file}: series '{sid}' must be a MacroSeries or a pandas Series, got {type(obj).__name__}")


def _levels(obj: Any, sid: str, file: str) -> tuple[pd.Series, SeriesMeta | None]:
    """Monthly levels: monthly data as is, daily/weekly/10-day averaged to months."""
    if isinstance(obj, MacroSeries):
        if obj.freq == "M":
            return obj.data.astype(float), obj.meta
        if obj.freq in ("D", "W", "X"):
            return T.to_monthly(obj.observations(), "mean"), obj.meta
        raise ScenarioError(f"{file}: commodity series '{sid}' must be monthly or higher frequency, got {obj.freq}")
    if isinstance(obj, pd.Series):
        if isinstance(obj.index, pd.DatetimeIndex) and obj.index.to_period("M").has_duplicates:
            return T.to_monthly(obj.dropna().astype(float), "mean"), None
        return _monthly(obj, sid, file), None
    raise ScenarioError(f"{file}: series '{sid}' must be a MacroSeries or a pandas Series, got {type(obj).__name__}")


def _as_of(as_of: Any, yoy: pd.Series, file: str, sid: str) -> pd.Period:
    if as_of is None:
        obs = yoy.dropna()
        if obs.empty:
            raise ScenarioError(f"{file}: series '{sid}' has no published value")
        return obs.index[-1]
    if isinstance(as_of, pd.Period):
        if as_of.freqstr[0] != "M":
            raise ScenarioError(f"as-of must be a month like 2025-12, got {as_of}")
        return as_of
    text = str(as_of).strip()
    m = re.fullmatch(r"(\d{4})-(\d{1,2})", text)
    if not m or not 1 <= int(m.group(2)) <= 12:
        raise ScenarioError(f"as-of must be a month like 2025-12, got {as_of!r}")
    return pd.Period(year=int(m.group(1)), month=int(m.group(2)), freq="M")


# --------------------------------------------------------------------------- commodities
def _commodity(cp: CommodityPath, data: Mapping[str, Any], as_of: pd.Period, spec: ScenarioFile) -> CommodityResult:
    def fail(reason: str) -> CommodityResult:
        empty = pd.Series([], index=pd.PeriodIndex([], freq="M"), dtype=float)
        return CommodityResult(cp.key, cp.series, cp.name_zh, cp.name_en, cp.unit_zh, cp.unit_en,
                               empty, empty, empty, None, spec.horizon, reason)

    obj = data.get(cp.series)
    if obj is None:
        return fail(f"series '{cp.series}' is not in the data")
    lv, meta = _levels(obj, cp.series, spec.file)
    lv = lv[lv.index <= as_of].dropna()
    if lv.empty:
        return fail(f"series '{cp.series}' has no value up to {as_of.strftime('%Y-%m')}")
    last = lv.index[-1]
    if last < as_of:
        return fail(f"series '{cp.series}' is observed only to {last.strftime('%Y-%m')}, before the as-of month "
                    f"{as_of.strftime('%Y-%m')}; its path would have to invent the months in between")
    end = max(spec.horizon[1], cp.targets[-1][0])
    full_idx = pd.period_range(lv.index[0], end, freq="M")
    path_idx = pd.period_range(last + 1, end, freq="M")
    knots = [(last, float(lv.iloc[-1]))] + [(p, v) for p, v in cp.targets if p > last]
    xs = np.array([p.ordinal for p, _ in knots], dtype=float)
    ys = np.array([v for _, v in knots], dtype=float)
    path = pd.Series(np.interp(np.asarray(path_idx.asi8, dtype=float), xs, ys), index=path_idx)
    levels = pd.concat([lv.reindex(pd.period_range(lv.index[0], last, freq="M")), path]).reindex(full_idx)
    v = levels.to_numpy(dtype=float)
    mom = np.full_like(v, np.nan)
    yoy = np.full_like(v, np.nan)
    mom[1:] = v[1:] / v[:-1] - 1.0
    yoy[12:] = v[12:] / v[:-12] - 1.0
    return CommodityResult(
        cp.key, cp.series, cp.name_zh, cp.name_en, cp.unit_zh, cp.unit_en,
        levels, pd.Series(mom, index=full_idx), pd.Series(yoy, index=full_idx), last, spec.horizon, "", meta,
    )


# --------------------------------------------------------------------------- the engine
def run(
    spec: ScenarioFile,
    data: Mapping[str, MacroSeries | pd.Series],
    as_of: pd.Period | str | None = None,
    *,
    method: str | None = None,
    elasticities: Mapping[str, float] | None = None,
) -> ScenarioSetResult:
    """Run every scenario of ``spec`` on ``data`` cut at ``as_of``.

    Parameters
    ----------
    spec : ScenarioFile
        From :func:`~macrodesk.scenarios.load_spec` (or ``spec_from_dict``).
    data : mapping series id -> MacroSeries (or pandas Series)
        Must hold ``spec.mom`` and ``spec.yoy`` (a plain Series is read as
        percent on a monthly PeriodIndex) and the commodity series the scenarios
        link to. Commodity series the scenarios do not use are optional.
    as_of : 'YYYY-MM' or Period, optional
        The information set: data after this month are ignored. Default: the
        last month with a published YoY.
    method : {'published', 'chained'}, optional
        Overrides the file's ``yoy_method``.
    elasticities : mapping commodity key -> float, optional
        Overrides the file's elasticities (pp of target per 1% of the
        commodity), e.g. coefficients from a factor model.

    Returns
    -------
    ScenarioSetResult

    Raises
    ------
    ScenarioError
        A month the path needs has no MoM (not published, not assumed, no
        baseline), a baseline window lacks data at the as-of month, a linked
        commodity has no path. Messages name the file, scenario and month.
    UnknownSeriesError
        A required series is not in ``data``.
    """
    file = spec.file
    method = method or spec.yoy_method
    if method not in YOY_METHODS:
        raise ScenarioError(f"{file}: yoy method must be one of {', '.join(YOY_METHODS)}, got {method!r}")
    keys = {c.key for c in spec.commodities}
    elast = {}
    for k, v in dict(elasticities or {}).items():
        if k not in keys:
            raise ScenarioError(f"{file}: elasticity given for '{k}', which is not a commodity path in the file "
                                f"({', '.join(sorted(keys)) or 'none defined'})")
        elast[k] = float(v)

    mom_all, mom_meta = _rate(data, spec.mom, file, "target MoM")
    yoy_all, yoy_meta = _rate(data, spec.yoy, file, "target YoY")
    as_of = _as_of(as_of, yoy_all, file, spec.yoy)
    mom_pub = mom_all[mom_all.index <= as_of]
    yoy_pub = yoy_all[yoy_all.index <= as_of]
    yv = yoy_pub.dropna()
    if yv.empty:
        raise ScenarioError(f"{file}: series '{spec.yoy}' has no published value up to {as_of.strftime('%Y-%m')}")
    anchor = yv.index[-1]
    anchor_yoy = float(yv.iloc[-1])
    h0, h1 = spec.horizon
    if anchor < h0 - 24:
        raise ScenarioError(
            f"{file}: the last published {spec.yoy} up to {as_of.strftime('%Y-%m')} is {anchor.strftime('%Y-%m')}, "
            f"more than two years before the horizon starts ({h0.strftime('%Y-%m')}); use a later as-of month"
        )

    # -- MoM history up to the anchor, assumptions filling unpublished months
    assume = {p: v / 100.0 for p, v in spec.assume}
    first = mom_pub.dropna().index[0] if mom_pub.notna().any() else anchor
    hist_idx = pd.period_range(min(first, anchor - 24), anchor, freq="M")
    mom_hist = mom_pub.reindex(hist_idx)
    used: dict[pd.Period, float] = {}
    for p, v in assume.items():
        if p in hist_idx and np.isnan(mom_hist[p]):
            mom_hist[p] = v
            used[p] = v

    # -- the months to project and where their MoM comes from
    path_idx = pd.period_range(anchor + 1, h1, freq="M") if anchor < h1 else pd.PeriodIndex([], freq="M")
    fixed = mom_pub.reindex(path_idx)  # published after the anchor (anchor < as-of)
    source = np.where(fixed.notna().to_numpy(), "published", "scenario").astype(object)
    for p, v in assume.items():
        if p in path_idx and np.isnan(fixed[p]):
            fixed[p] = v
            source[path_idx.get_loc(p)] = "assumed"
            used[p] = v
    source_s = pd.Series(source, index=path_idx, dtype=object)

    commodities = tuple(_commodity(c, data, as_of, spec) for c in spec.commodities)
    com_by_key = {c.key: c for c in commodities}

    moms: dict[str, pd.Series] = {}
    comps: dict[str, tuple[pd.DataFrame, dict[str, tuple[str, str]]]] = {}
    for sc in spec.scenarios:
        comp, labels = _components(spec, sc, path_idx, source_s, mom_pub, as_of, com_by_key, elast)
        total = comp.sum(axis=1, skipna=False).to_numpy(dtype=float)
        vals = np.where(source_s.to_numpy() == "scenario", total, fixed.to_numpy(dtype=float))
        bad = np.isnan(vals)
        if bad.any():
            miss = [p.strftime("%Y-%m") for p in path_idx[bad]]
            raise ScenarioError(
                f"{file}: scenarios.{sc.name}: no MoM for {', '.join(miss)} (after the last published "
                f"{spec.yoy} {anchor.strftime('%Y-%m')}, before the horizon starts {h0.strftime('%Y-%m')}); "
                f"state it in `assume` (e.g. assume = {{ \"{miss[0]}\" = 0.0 }}) or give the scenario a baseline"
            )
        moms[sc.name] = pd.Series(vals, index=path_idx, name=sc.name)
        comps[sc.name] = (comp, labels)

    # -- YoY paths, both methods
    paths = pd.DataFrame(moms, index=path_idx)
    yoy_hist = yoy_pub.reindex(hist_idx)
    chained_anchor = _chained_anchor(mom_hist)
    primary = _yoy_paths(method, paths, yoy_hist, mom_hist, spec, anchor, as_of)
    other = "chained" if method == "published" else "published"
    try:
        alt = _yoy_paths(other, paths, yoy_hist, mom_hist, spec, anchor, as_of)
    except ScenarioError:
        alt = None

    hz = spec.horizon_months
    actual = yoy_pub.reindex(hz)
    projected = pd.Series(hz > anchor, index=hz)
    results = []
    for sc in spec.scenarios:
        y = actual.copy()
        if len(path_idx):
            y[projected.to_numpy()] = primary[sc.name].reindex(hz[projected.to_numpy()]).to_numpy()
        ya = None
        if alt is not None:
            ya = actual.copy()
            if len(path_idx):
                ya[projected.to_numpy()] = alt[sc.name].reindex(hz[projected.to_numpy()]).to_numpy()
        dec, reason = _decompose(mom_hist, moms[sc.name], hz)
        comp, labels = comps[sc.name]
        results.append(ScenarioResult(
            sc.name, sc.label_zh, sc.label_en, moms[sc.name], source_s.copy(), comp, labels,
            y.rename(sc.name), None if ya is None else ya.rename(sc.name), projected.copy(), dec, reason, sc,
        ))
    linked = {lk.path for sc in spec.scenarios for lk in sc.commodities}
    used_elast = {k: elast.get(k, _file_elasticity(spec, k)) for k in sorted(linked)}
    return ScenarioSetResult(
        spec=spec, as_of=as_of, method=method, anchor=anchor, anchor_yoy=anchor_yoy,
        anchor_chained=chained_anchor, history=yoy_pub.dropna()[lambda s: s.index <= anchor],
        scenarios=tuple(results), commodities=commodities, assumed=dict(sorted(used.items())),
        elasticities=used_elast, inputs=tuple(m for m in (yoy_meta, mom_meta) if m is not None),
    )


def _file_elasticity(spec: ScenarioFile, key: str) -> float:
    for sc in spec.scenarios:
        for lk in sc.commodities:
            if lk.path == key:
                return lk.elasticity
    return float("nan")


def _components(
    spec: ScenarioFile,
    sc: ScenarioSpec,
    idx: pd.PeriodIndex,
    source: pd.Series,
    mom_pub: pd.Series,
    as_of: pd.Period,
    commodities: Mapping[str, CommodityResult],
    elast: Mapping[str, float],
) -> tuple[pd.DataFrame, dict[str, tuple[str, str]]]:
    """The MoM pieces of one scenario on the path months (fractions)."""
    n = len(idx)
    free = (source.to_numpy() == "scenario")
    base = np.full(n, np.nan)
    set_mask = np.zeros(n, dtype=bool)
    for s in sc.settings:
        m = idx.isin(list(s.months))
        base[m] = s.mom_pct / 100.0
        set_mask |= m
    need = free & ~set_mask
    if sc.baseline is not None and need.any():
        base[need] = _baseline(spec, sc, idx[need], mom_pub, as_of)
    cols: dict[str, np.ndarray] = {"baseline": base}
    labels: dict[str, tuple[str, str]] = {"baseline": ("基准环比", "Baseline MoM")}
    for i, k in enumerate(sc.shocks):
        key = f"shock:{k.component}" if f"shock:{k.component}" not in cols else f"shock:{k.component}:{i}"
        cols[key] = np.where(idx.isin(list(k.months)) & free, k.pp / 100.0, 0.0)
        labels[key] = (f"{k.label('zh')}冲击", f"{k.label('en')} shock")
    for i, a in enumerate(sc.adjustments):
        key = f"adjust:{i}"
        cols[key] = np.where(idx.isin(list(a.months)) & free, a.pp / 100.0, 0.0)
        labels[key] = (a.label("zh"), a.label("en"))
    for i, lk in enumerate(sc.commodities):
        c = commodities[lk.path]
        if not c.ok:
            raise ScenarioError(f"{spec.file}: scenarios.{sc.name}.commodity[{i}]: commodity path '{lk.path}' "
                                f"cannot be built: {c.reason}")
        beta = elast.get(lk.path, lk.elasticity)
        in_h = (idx >= spec.horizon[0]) & (idx <= spec.horizon[1]) & free
        cm = c.mom.reindex(idx).to_numpy(dtype=float)
        key = f"commodity:{lk.path}" if f"commodity:{lk.path}" not in cols else f"commodity:{lk.path}:{i}"
        cols[key] = np.where(in_h, beta * cm, 0.0)
        nm_zh = lk.label_zh or c.name("zh")
        nm_en = lk.label_en or c.name("en")
        labels[key] = (f"{nm_zh}拉动", f"{nm_en} contribution")
    comp = pd.DataFrame(cols, index=idx)
    return comp, labels


def _baseline(spec: ScenarioFile, sc: ScenarioSpec, months: pd.PeriodIndex, mom_pub: pd.Series,
              as_of: pd.Period) -> np.ndarray:
    """Seasonal-norm MoM (fractions) for ``months`` from published MoM up to as-of."""
    bl = sc.baseline
    assert bl is not None
    out = np.full(len(months), np.nan)
    cal = np.asarray(months.month)
    groups: dict[tuple[int, int], list[int]] = {}
    for mth in sorted(set(cal.tolist())):
        groups.setdefault(bl.years(mth), []).append(mth)
    for (a, b), mths in groups.items():
        years = list(range(a, b + 1))
        norm = T.monthly_norm(mom_pub, years, stats=(bl.stat,))[bl.stat]
        for mth in mths:
            val = float(norm.get(mth, np.nan))
            if np.isnan(val):
                need = [pd.Period(year=y, month=mth, freq="M") for y in years]
                have = mom_pub.reindex(need)
                missing = [p.strftime("%Y-%m") for p, v in zip(need, have.to_numpy()) if np.isnan(v)]
                late = [m for m in missing if pd.Period(m, freq="M") > as_of]
                why = (f"after the as-of month {as_of.strftime('%Y-%m')}" if late else "not in the data")
                key = (f"scenarios.{sc.name}.baseline.window_by_month.{mth}" if mth in dict(bl.window_by_month)
                       else f"scenarios.{sc.name}.baseline.window")
                raise ScenarioError(
                    f"{spec.file}: {key}: the {a}-{b} {bl.stat} of month {mth} needs {spec.mom} for "
                    f"{', '.join(missing)}, which is {why}; narrow the window or set "
                    f"window_by_month = {{ \"{mth}\" = [{a}, {b - 1}] }}"
                )
            out[cal == mth] = val
    return out


def _chained_anchor(mom_hist: pd.Series) -> float:
    last12 = mom_hist.iloc[-12:]
    if len(last12) < 12 or last12.isna().any():
        return float("nan")
    return float(np.prod(1.0 + last12.to_numpy()) - 1.0)


def _yoy_paths(method: str, paths: pd.DataFrame, yoy_hist: pd.Series, mom_hist: pd.Series,
               spec: ScenarioFile, anchor: pd.Period, as_of: pd.Period) -> pd.DataFrame:
    if paths.shape[0] == 0:
        return paths.copy()
    cols = paths.columns
    if method == "published":
        yh = pd.DataFrame({c: yoy_hist for c in cols})
        mh = pd.DataFrame({c: mom_hist for c in cols})
        try:
            return T.project_yoy(yh, mh, paths)
        except TransformError as exc:
            raise ScenarioError(f"{spec.file}: as of {as_of.strftime('%Y-%m')}: {exc} "
                                "(state the month in `assume` if it is not yet published)") from None
    full = pd.concat([pd.DataFrame({c: mom_hist for c in cols}), paths])
    logs = np.log1p(full.to_numpy(dtype=float))
    roll = pd.DataFrame(logs, index=full.index, columns=cols).rolling(12, min_periods=12).sum()
    out = np.expm1(roll.reindex(paths.index))
    if out.isna().to_numpy().any():
        first = out.index[out.isna().any(axis=1).to_numpy()][0]
        window = full.loc[first - 11:first]
        miss = [p.strftime("%Y-%m") for p in window.index[window.isna().any(axis=1).to_numpy()]]
        raise ScenarioError(
            f"{spec.file}: as of {as_of.strftime('%Y-%m')}: the chained YoY of {first.strftime('%Y-%m')} needs "
            f"{spec.mom} for {', '.join(miss)}; state it in `assume` or use yoy_method = \"published\""
        )
    return out


def _decompose(mom_hist: pd.Series, path: pd.Series, hz: pd.PeriodIndex) -> tuple[pd.DataFrame | None, str]:
    full = pd.concat([mom_hist, path])
    full = full[~full.index.duplicated(keep="last")].sort_index()
    frames = []
    try:
        for year in sorted(set(hz.year.tolist())):
            d = T.decompose_yoy(full, int(year))
            frames.append(d.rename(columns={"yoy_implied": "implied"}))
    except TransformError as exc:
        return None, str(exc)
    dec = pd.concat(frames).reindex(hz)
    return dec, ""
