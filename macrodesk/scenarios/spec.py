"""Scenario specifications: a TOML file read into frozen dataclasses, validated.

A scenario is data, not code. One file describes one *target* (a price index
published as MoM and YoY, e.g. CPI) over a *horizon* of months and one or more
named scenarios for it. Every rate in the file is in **percent** (as analysts
write them); the engine converts to fractions.

File layout::

    target = "cpi"                      # short name, used in labels
    name_zh = "CPI"                     # optional display names
    name_en = "CPI"
    mom = "cpi_mom"                     # series id of the MoM (pct_mom)
    yoy = "cpi_yoy"                     # series id of the published YoY (pct_yoy)
    horizon = ["2026-01", "2026-12"]    # first and last month of the scenario
    yoy_method = "published"            # or "chained" (see the engine)
    assume = { "2025-12" = 0.0 }        # MoM (percent) for months not yet published
    title_zh = "…"; title_en = "…"             # optional
    source = "…"; source_en = "…"               # optional: where the assumptions come from

    [commodities.copper]                # optional commodity price paths
    series = "wb_copper"                # monthly (or daily: averaged to months) levels
    name_zh = "铜"; name_en = "Copper"
    levels = { "2026-12" = 13500.0 }    # level targets; linear from the last
                                        # observed month, flat after the last target

    [scenarios.neutral]
    label_zh = "中性"; label_en = "Neutral"
    baseline = { window = [2021, 2025], stat = "mean", window_by_month = { "12" = [2021, 2024] } }
    set = [ { mom_pct = -0.2, months = "2026Q1" } ]          # replaces the baseline
    shocks = [ { component = "pork", shock_pct = 3.0, weight_pct = 2.0,
                 months = "2026-02..2026-07" } ]             # + weight x shock
    adjust = [ { pp = -0.04, months = "2026" } ]             # + a flat pp a month
    commodity = [ { path = "copper", elasticity = 0.0141 } ] # + elasticity x commodity MoM

    [scenarios.optimistic]
    extends = "neutral"                 # inherit everything, then add/override

Month selectors (``months``): ``"2026-03"``, ``"2026Q1"``, ``"2026H2"``,
``"2026"``, a range ``"2026-02..2026-07"`` / ``"2026Q2..2026Q4"``, or a list of
these. Every selector must fall inside the horizon.

``extends`` copies the parent's baseline, ``set`` entries and overlays; the
child's own ``baseline`` replaces the parent's, its ``set`` entries replace the
parent's for the months they name, and its overlays are added to the parent's.

Every problem raises :class:`~macrodesk.exceptions.ScenarioError` naming the
file and the key (``cpi_2026.toml: scenarios.optimistic.shocks[0].weight_pct:
…``). Unknown keys are errors too, so a typo never silently drops an assumption.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import pandas as pd

from macrodesk.exceptions import ScenarioError
from macrodesk.text import MONTHS_EN as _MONTH_EN

__all__ = [
    "Baseline",
    "Setting",
    "Shock",
    "Adjustment",
    "CommodityLink",
    "CommodityPath",
    "ScenarioSpec",
    "ScenarioFile",
    "YOY_METHODS",
    "BASELINE_STATS",
    "load_spec",
    "parse_spec",
    "spec_from_dict",
    "shipped_files",
    "resolve_spec_path",
    "parse_months",
    "months_label",
]

#: How a YoY path is formed from a MoM path (see :mod:`macrodesk.scenarios.engine`).
YOY_METHODS: tuple[str, ...] = ("published", "chained")
#: Statistics a seasonal baseline can use.
BASELINE_STATS: tuple[str, ...] = ("mean", "median")

_FILE_KEYS = (
    "target", "name_zh", "name_en", "mom", "yoy", "horizon", "yoy_method", "assume",
    "title_zh", "title_en", "source", "source_en", "commodities", "scenarios",
)
_SCENARIO_KEYS = ("label_zh", "label_en", "extends", "baseline", "set", "shocks", "adjust", "commodity", "note")
_BASELINE_KEYS = ("window", "stat", "window_by_month")
_SET_KEYS = ("mom_pct", "months")
_SHOCK_KEYS = ("component", "shock_pct", "weight_pct", "months", "label_zh", "label_en")
_ADJUST_KEYS = ("pp", "months", "label_zh", "label_en")
_LINK_KEYS = ("path", "elasticity", "label_zh", "label_en")
_COMMODITY_KEYS = ("series", "name_zh", "name_en", "unit_zh", "unit_en", "levels")
_NAME_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_\-]*$")


# --------------------------------------------------------------------------- errors
class _Where:
    """Builds 'file: key: message' errors."""

    def __init__(self, file: str) -> None:
        self.file = file

    def err(self, key: str, message: str) -> ScenarioError:
        return ScenarioError(f"{self.file}: {key}: {message}" if key else f"{self.file}: {message}")


# --------------------------------------------------------------------------- month selectors
_TOKEN_RE = re.compile(r"^(\d{4})(?:-(\d{1,2})|[Qq]([1-4])|[Hh]([12]))?$")


def _token_span(token: str) -> tuple[pd.Period, pd.Period] | None:
    m = _TOKEN_RE.match(token.strip())
    if not m:
        return None
    year = int(m.group(1))
    if m.group(2) is not None:
        month = int(m.group(2))
        if not 1 <= month <= 12:
            return None
        p = pd.Period(year=year, month=month, freq="M")
        return p, p
    if m.group(3) is not None:
        q = int(m.group(3))
        return pd.Period(year=year, month=3 * q - 2, freq="M"), pd.Period(year=year, month=3 * q, freq="M")
    if m.group(4) is not None:
        h = int(m.group(4))
        return pd.Period(year=year, month=6 * h - 5, freq="M"), pd.Period(year=year, month=6 * h, freq="M")
    return pd.Period(year=year, month=1, freq="M"), pd.Period(year=year, month=12, freq="M")


def parse_months(value: Any, where: str = "months", file: str = "<spec>") -> tuple[pd.Period, ...]:
    """Months named by a selector (or a list of selectors), sorted and unique.

    >>> [str(p) for p in parse_months("2026Q1")]
    ['2026-01', '2026-02', '2026-03']
    """
    w = _Where(file)
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not items:
        raise w.err(where, f"expected a month selector such as \"2026Q1\" or \"2026-02..2026-07\" "
                           f"(or a list of them), got {value!r}")
    out: set[pd.Period] = set()
    for item in items:
        if not isinstance(item, str):
            raise w.err(where, f"expected a month selector string, got {item!r}")
        a, sep, b = item.partition("..")
        lo = _token_span(a)
        hi = _token_span(b) if sep else lo
        if lo is None or hi is None:
            raise w.err(where, f"cannot read {item!r} as months; use \"2026-03\", \"2026Q1\", \"2026H2\", "
                               "\"2026\" or a range such as \"2026-02..2026-07\"")
        start, end = lo[0], hi[1]
        if start > end:
            raise w.err(where, f"range {item!r} starts after it ends")
        out.update(pd.period_range(start, end, freq="M"))
    return tuple(sorted(out))


# --------------------------------------------------------------------------- dataclasses
@dataclass(frozen=True)
class Baseline:
    """Seasonal-norm MoM by calendar month: ``stat`` of the same month over ``window`` years.

    ``window_by_month`` overrides the window for given calendar months, e.g.
    ``((12, (2021, 2024)),)`` when December of the last window year is not yet known.
    """

    window: tuple[int, int]
    stat: str = "mean"
    window_by_month: tuple[tuple[int, tuple[int, int]], ...] = ()

    def years(self, month: int) -> tuple[int, int]:
        """The (first, last) window years used for calendar ``month``."""
        return dict(self.window_by_month).get(month, self.window)

    def describe(self, lang: str = "zh") -> str:
        a, b = self.window
        stat_zh = {"mean": "均值", "median": "中位数"}[self.stat]
        text = f"{a}-{b}年同月环比{stat_zh}" if lang == "zh" else f"{self.stat} MoM of the same month in {a}-{b}"
        extra = []
        for month, (c, d) in self.window_by_month:
            extra.append(f"{month}月为{c}-{d}年" if lang == "zh" else f"{_MONTH_EN[month - 1]}: {c}-{d}")
        if extra:
            text += ("（" + "，".join(extra) + "）") if lang == "zh" else " (" + ", ".join(extra) + ")"
        return text




@dataclass(frozen=True)
class Setting:
    """A MoM (percent) that replaces the baseline in ``months``."""

    mom_pct: float
    months: tuple[pd.Period, ...]
    selector: str = ""


@dataclass(frozen=True)
class Shock:
    """A component's MoM shock (percent) at a basket weight (percent): adds ``weight × shock`` to MoM.

    ``pork, shock_pct=3, weight_pct=2`` adds 3% × 2% = 0.06 pp to the headline MoM in each month.
    """

    component: str
    shock_pct: float
    weight_pct: float
    months: tuple[pd.Period, ...]
    selector: str = ""
    label_zh: str = ""
    label_en: str = ""

    @property
    def pp(self) -> float:
        """Headline MoM added each month, in percentage points."""
        return self.shock_pct * self.weight_pct / 100.0

    def label(self, lang: str = "zh") -> str:
        if lang == "zh":
            return self.label_zh or self.label_en or self.component
        return self.label_en or self.component


@dataclass(frozen=True)
class Adjustment:
    """A flat addition to MoM, in percentage points a month."""

    pp: float
    months: tuple[pd.Period, ...]
    selector: str = ""
    label_zh: str = ""
    label_en: str = ""

    def label(self, lang: str = "zh") -> str:
        if lang == "zh":
            return self.label_zh or self.label_en or "调整"
        return self.label_en or "adjustment"


@dataclass(frozen=True)
class CommodityLink:
    """Feeds a commodity path into the target: adds ``elasticity × commodity MoM`` to the target MoM.

    ``elasticity`` is pp of target per 1% of the commodity (a YoY-on-YoY factor
    loading such as the seed's 0.0141 for copper applies unchanged, since a YoY
    is the compound of twelve MoMs).
    """

    path: str
    elasticity: float
    label_zh: str = ""
    label_en: str = ""


@dataclass(frozen=True)
class CommodityPath:
    """A commodity's level path: targets by month, linear from the last observed month."""

    key: str
    series: str
    targets: tuple[tuple[pd.Period, float], ...]
    name_zh: str = ""
    name_en: str = ""
    unit_zh: str = ""
    unit_en: str = ""

    def name(self, lang: str = "zh") -> str:
        if lang == "zh":
            return self.name_zh or self.name_en or self.key
        return self.name_en or self.name_zh or self.key

    def unit(self, lang: str = "zh") -> str:
        return (self.unit_zh or self.unit_en) if lang == "zh" else (self.unit_en or self.unit_zh)


@dataclass(frozen=True)
class ScenarioSpec:
    """One named scenario, with ``extends`` already resolved."""

    name: str
    label_zh: str = ""
    label_en: str = ""
    baseline: Baseline | None = None
    settings: tuple[Setting, ...] = ()
    shocks: tuple[Shock, ...] = ()
    adjustments: tuple[Adjustment, ...] = ()
    commodities: tuple[CommodityLink, ...] = ()
    extends: str | None = None
    note: str = ""

    def label(self, lang: str = "zh") -> str:
        if lang == "zh":
            return self.label_zh or self.label_en or self.name
        return self.label_en or self.name

    def describe(self, lang: str = "zh", commodity_names: Mapping[str, str] | None = None) -> str:
        """One line saying what the scenario assumes, e.g. for a figure note."""
        from macrodesk.text import format as F

        parts: list[str] = []
        if self.baseline is not None:
            parts.append(("基准环比取" if lang == "zh" else "baseline: ") + self.baseline.describe(lang))
        for s in sorted(self.settings, key=lambda x: x.months[0]):
            sel = months_label(s.months, lang)
            parts.append(f"{sel}环比{F.pct(s.mom_pct)}" if lang == "zh" else f"MoM {F.pct(s.mom_pct)} in {sel}")
        for k in self.shocks:
            sel = months_label(k.months, lang)
            if lang == "zh":
                parts.append(f"{k.label('zh')}环比{F.pct(k.shock_pct)}×权重{F.pct(k.weight_pct, signed=False)}"
                             f"（{sel}，每月{F.pp(k.pp, 2)}）")
            else:
                parts.append(f"{k.label('en')} MoM {F.pct(k.shock_pct)} x weight {F.pct(k.weight_pct, signed=False)}"
                             f" ({sel}, {F.pp(k.pp, 2, lang='en')} a month)")
        for a in self.adjustments:
            sel = months_label(a.months, lang)
            if lang == "zh":
                parts.append(f"{a.label('zh')}每月{F.pp(a.pp, 2)}（{sel}）")
            else:
                parts.append(f"{a.label('en')} {F.pp(a.pp, 2, lang='en')} a month ({sel})")
        for c in self.commodities:
            nm = (commodity_names or {}).get(c.path, c.path)
            if lang == "zh":
                parts.append(f"{nm}路径×弹性{F.num(c.elasticity, 4)}")
            else:
                parts.append(f"{nm} path x elasticity {F.num(c.elasticity, 4)}")
        return ("；" if lang == "zh" else "; ").join(parts)


_Q_ZH = ("一", "二", "三", "四")


def months_label(months: Iterable[pd.Period], lang: str = "zh") -> str:
    """Readable label of a set of months: '2026年一季度', '2026年二至四季度', '2026年2-7月' / '2026Q1', 'Feb–Jul 2026'."""
    ms = sorted(set(months))
    if not ms:
        return ""
    runs: list[list[pd.Period]] = [[ms[0]]]
    for p in ms[1:]:
        if p == runs[-1][-1] + 1:
            runs[-1].append(p)
        else:
            runs.append([p])
    return ("、" if lang == "zh" else ", ").join(_run_label(r[0], r[-1], lang) for r in runs)


def _run_label(a: pd.Period, b: pd.Period, lang: str) -> str:
    if a.year == b.year:
        y = a.year
        if a.month == 1 and b.month == 12:
            return f"{y}年" if lang == "zh" else str(y)
        if (a.month, b.month) in ((1, 6), (7, 12)):
            h = 1 if a.month == 1 else 2
            return f"{y}年{'上' if h == 1 else '下'}半年" if lang == "zh" else f"{y}H{h}"
        if a.month % 3 == 1 and b.month % 3 == 0:
            q0, q1 = (a.month + 2) // 3, b.month // 3
            if lang == "zh":
                return f"{y}年{_Q_ZH[q0 - 1]}季度" if q0 == q1 else f"{y}年{_Q_ZH[q0 - 1]}至{_Q_ZH[q1 - 1]}季度"
            return f"{y}Q{q0}" if q0 == q1 else f"{y}Q{q0}–Q{q1}"
        if lang == "zh":
            return f"{y}年{a.month}月" if a == b else f"{y}年{a.month}-{b.month}月"
        return f"{_MONTH_EN[a.month - 1]} {y}" if a == b else f"{_MONTH_EN[a.month - 1]}–{_MONTH_EN[b.month - 1]} {y}"
    if lang == "zh":
        return f"{a.year}年{a.month}月-{b.year}年{b.month}月"
    return f"{_MONTH_EN[a.month - 1]} {a.year}–{_MONTH_EN[b.month - 1]} {b.year}"


@dataclass(frozen=True)
class ScenarioFile:
    """A validated scenario file: the target, horizon, assumptions, commodity paths and scenarios."""

    file: str
    target: str
    mom: str
    yoy: str
    horizon: tuple[pd.Period, pd.Period]
    scenarios: tuple[ScenarioSpec, ...]
    yoy_method: str = "published"
    assume: tuple[tuple[pd.Period, float], ...] = ()
    commodities: tuple[CommodityPath, ...] = ()
    name_zh: str = ""
    name_en: str = ""
    title_zh: str = ""
    title_en: str = ""
    source: str = ""
    source_en: str = ""

    def source_text(self, lang: str = "zh") -> str:
        """Where the assumptions come from, in ``lang`` (falls back to the other language)."""
        return (self.source or self.source_en) if lang == "zh" else (self.source_en or self.source)

    def name(self, lang: str = "zh") -> str:
        """Display name of the target (e.g. 'CPI')."""
        if lang == "zh":
            return self.name_zh or self.name_en or self.target.upper()
        return self.name_en or self.name_zh or self.target.upper()

    def title(self, lang: str = "zh") -> str:
        if lang == "zh":
            return self.title_zh or f"{self.name('zh')}情景推演"
        return self.title_en or f"{self.name('en')} scenarios"

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(s.name for s in self.scenarios)

    def scenario(self, name: str) -> ScenarioSpec:
        for s in self.scenarios:
            if s.name == name:
                return s
        raise ScenarioError(f"{self.file}: no scenario '{name}'; the file defines: {', '.join(self.names)}")

    def commodity(self, key: str) -> CommodityPath:
        for c in self.commodities:
            if c.key == key:
                return c
        raise ScenarioError(f"{self.file}: no commodity path '{key}'")

    @property
    def horizon_months(self) -> pd.PeriodIndex:
        return pd.period_range(self.horizon[0], self.horizon[1], freq="M")

    @property
    def assume_pct(self) -> dict[pd.Period, float]:
        return dict(self.assume)

    def series_ids(self) -> tuple[str, ...]:
        """Series the scenarios read: target MoM and YoY, then the commodity series."""
        ids = [self.mom, self.yoy] + [c.series for c in self.commodities]
        return tuple(dict.fromkeys(ids))

    def required_series(self) -> tuple[str, ...]:
        """Series without which no scenario runs: the target and linked commodity series."""
        linked = {lk.path for s in self.scenarios for lk in s.commodities}
        ids = [self.mom, self.yoy] + [c.series for c in self.commodities if c.key in linked]
        return tuple(dict.fromkeys(ids))


# --------------------------------------------------------------------------- parsing helpers
def _check_keys(w: _Where, key: str, table: Any, allowed: Iterable[str]) -> dict:
    if not isinstance(table, dict):
        raise w.err(key, f"expected a table, got {type(table).__name__} {table!r}")
    allowed = tuple(allowed)
    unknown = [k for k in table if k not in allowed]
    if unknown:
        raise w.err(f"{key}.{unknown[0]}" if key else unknown[0],
                    f"unknown key; allowed here: {', '.join(allowed)}")
    return table


def _str(w: _Where, key: str, value: Any, *, required: bool = False, default: str = "") -> str:
    if value is None:
        if required:
            raise w.err(key, "missing (required)")
        return default
    if not isinstance(value, str) or (required and not value.strip()):
        raise w.err(key, f"expected a non-empty string, got {value!r}")
    return value


def _number(w: _Where, key: str, value: Any, what: str) -> float:
    if value is None:
        raise w.err(key, f"missing (required): {what}")
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise w.err(key, f"expected a number ({what}), got {value!r}")
    v = float(value)
    if v != v or v in (float("inf"), float("-inf")):
        raise w.err(key, f"expected a finite number ({what}), got {value!r}")
    return v


def _month(w: _Where, key: str, value: Any) -> pd.Period:
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{1,2}", value.strip()):
        raise w.err(key, f"expected a month 'YYYY-MM', got {value!r}")
    y, m = value.strip().split("-")
    if not 1 <= int(m) <= 12:
        raise w.err(key, f"expected a month 'YYYY-MM', got {value!r}")
    return pd.Period(year=int(y), month=int(m), freq="M")


def _years(w: _Where, key: str, value: Any) -> tuple[int, int]:
    ok = (
        isinstance(value, list) and len(value) == 2
        and all(isinstance(v, int) and not isinstance(v, bool) for v in value)
    )
    if not ok:
        raise w.err(key, f"expected [first_year, last_year] such as [2021, 2025], got {value!r}")
    a, b = int(value[0]), int(value[1])
    if a > b:
        raise w.err(key, f"first year {a} is after last year {b}")
    if not 1900 <= a <= 2200:
        raise w.err(key, f"year {a} is not a plausible calendar year")
    return a, b


def _entries(w: _Where, key: str, value: Any) -> list[dict]:
    if value is None:
        return []
    if isinstance(value, dict):
        value = [value]
    if not isinstance(value, list):
        raise w.err(key, f"expected a list of tables, got {type(value).__name__}")
    return value


def _in_horizon(w: _Where, key: str, months: tuple[pd.Period, ...], horizon: tuple[pd.Period, pd.Period]) -> None:
    out = [p for p in months if p < horizon[0] or p > horizon[1]]
    if out:
        raise w.err(key, f"{out[0].strftime('%Y-%m')} is outside the horizon "
                         f"{horizon[0].strftime('%Y-%m')}..{horizon[1].strftime('%Y-%m')}; "
                         "months before the horizon go in `assume`")


def _parse_baseline(w: _Where, key: str, raw: Any) -> Baseline:
    t = _check_keys(w, key, raw, _BASELINE_KEYS)
    if "window" not in t:
        raise w.err(f"{key}.window", "missing (required): the years of the seasonal norm, e.g. [2021, 2025]")
    window = _years(w, f"{key}.window", t["window"])
    stat = t.get("stat", "mean")
    if stat not in BASELINE_STATS:
        raise w.err(f"{key}.stat", f"expected one of {', '.join(BASELINE_STATS)}, got {stat!r}")
    by_month: list[tuple[int, tuple[int, int]]] = []
    wbm = t.get("window_by_month", {})
    if not isinstance(wbm, dict):
        raise w.err(f"{key}.window_by_month", f"expected a table such as {{ \"12\" = [2021, 2024] }}, got {wbm!r}")
    for mk, yrs in wbm.items():
        if not (str(mk).isdigit() and 1 <= int(mk) <= 12):
            raise w.err(f"{key}.window_by_month.{mk}", "expected a calendar month number 1..12 as the key")
        by_month.append((int(mk), _years(w, f"{key}.window_by_month.{mk}", yrs)))
    return Baseline(window, stat, tuple(sorted(by_month)))


def _parse_scenario_raw(w: _Where, name: str, raw: Any, horizon, commodity_keys: set[str]) -> dict:
    key = f"scenarios.{name}"
    if not _NAME_RE.match(name):
        raise w.err(key, "scenario names use letters, digits, '_' and '-' (e.g. neutral, optimistic)")
    t = _check_keys(w, key, raw, _SCENARIO_KEYS)
    out: dict[str, Any] = {
        "label_zh": _str(w, f"{key}.label_zh", t.get("label_zh")),
        "label_en": _str(w, f"{key}.label_en", t.get("label_en")),
        "extends": _str(w, f"{key}.extends", t.get("extends")) or None,
        "note": _str(w, f"{key}.note", t.get("note")),
        "baseline": _parse_baseline(w, f"{key}.baseline", t["baseline"]) if "baseline" in t else None,
    }
    settings = []
    for i, e in enumerate(_entries(w, f"{key}.set", t.get("set"))):
        k = f"{key}.set[{i}]"
        e = _check_keys(w, k, e, _SET_KEYS)
        if "months" not in e:
            raise w.err(f"{k}.months", "missing (required): the months this MoM applies to, e.g. \"2026Q1\"")
        months = parse_months(e["months"], f"{k}.months", w.file)
        _in_horizon(w, f"{k}.months", months, horizon)
        settings.append(Setting(_number(w, f"{k}.mom_pct", e.get("mom_pct"), "MoM in percent"), months,
                                _selector_text(e["months"])))
    seen: dict[pd.Period, int] = {}
    for i, s in enumerate(settings):
        for p in s.months:
            if p in seen:
                raise w.err(f"{key}.set[{i}].months",
                            f"{p.strftime('%Y-%m')} is already set by {key}.set[{seen[p]}]; each month takes one MoM")
            seen[p] = i
    out["settings"] = tuple(settings)
    shocks = []
    for i, e in enumerate(_entries(w, f"{key}.shocks", t.get("shocks"))):
        k = f"{key}.shocks[{i}]"
        e = _check_keys(w, k, e, _SHOCK_KEYS)
        if "months" not in e:
            raise w.err(f"{k}.months", "missing (required): the months of the shock, e.g. \"2026-02..2026-07\"")
        months = parse_months(e["months"], f"{k}.months", w.file)
        _in_horizon(w, f"{k}.months", months, horizon)
        weight = _number(w, f"{k}.weight_pct", e.get("weight_pct"), "basket weight in percent")
        if not 0 < weight <= 100:
            raise w.err(f"{k}.weight_pct", f"a basket weight in percent must be in (0, 100], got {weight:g}")
        shocks.append(Shock(
            _str(w, f"{k}.component", e.get("component"), required=True),
            _number(w, f"{k}.shock_pct", e.get("shock_pct"), "component MoM in percent"),
            weight, months, _selector_text(e["months"]),
            _str(w, f"{k}.label_zh", e.get("label_zh")), _str(w, f"{k}.label_en", e.get("label_en")),
        ))
    out["shocks"] = tuple(shocks)
    adjustments = []
    for i, e in enumerate(_entries(w, f"{key}.adjust", t.get("adjust"))):
        k = f"{key}.adjust[{i}]"
        e = _check_keys(w, k, e, _ADJUST_KEYS)
        if "months" not in e:
            raise w.err(f"{k}.months", "missing (required): the months of the adjustment, e.g. \"2026\"")
        months = parse_months(e["months"], f"{k}.months", w.file)
        _in_horizon(w, f"{k}.months", months, horizon)
        adjustments.append(Adjustment(
            _number(w, f"{k}.pp", e.get("pp"), "percentage points a month"), months, _selector_text(e["months"]),
            _str(w, f"{k}.label_zh", e.get("label_zh")), _str(w, f"{k}.label_en", e.get("label_en")),
        ))
    out["adjustments"] = tuple(adjustments)
    links = []
    for i, e in enumerate(_entries(w, f"{key}.commodity", t.get("commodity"))):
        k = f"{key}.commodity[{i}]"
        e = _check_keys(w, k, e, _LINK_KEYS)
        path = _str(w, f"{k}.path", e.get("path"), required=True)
        if path not in commodity_keys:
            known = ", ".join(sorted(commodity_keys)) or "none defined"
            raise w.err(f"{k}.path", f"no commodity path '{path}' in [commodities] ({known})")
        links.append(CommodityLink(
            path, _number(w, f"{k}.elasticity", e.get("elasticity"), "pp of target per 1% of the commodity"),
            _str(w, f"{k}.label_zh", e.get("label_zh")), _str(w, f"{k}.label_en", e.get("label_en")),
        ))
    out["commodities"] = tuple(links)
    return out


def _selector_text(value: Any) -> str:
    return value if isinstance(value, str) else ", ".join(str(v) for v in value)


def _resolve(w: _Where, raws: dict[str, dict]) -> tuple[ScenarioSpec, ...]:
    done: dict[str, ScenarioSpec] = {}

    def build(name: str, chain: tuple[str, ...]) -> ScenarioSpec:
        if name in done:
            return done[name]
        raw = raws[name]
        parent_name = raw["extends"]
        if parent_name is None:
            spec = ScenarioSpec(name, raw["label_zh"], raw["label_en"], raw["baseline"], raw["settings"],
                                raw["shocks"], raw["adjustments"], raw["commodities"], None, raw["note"])
        else:
            if parent_name not in raws:
                raise w.err(f"scenarios.{name}.extends",
                            f"no scenario '{parent_name}' to extend; defined: {', '.join(raws)}")
            if parent_name in chain:
                cycle = " -> ".join(chain + (name, parent_name))
                raise w.err(f"scenarios.{name}.extends", f"circular extends: {cycle}")
            parent = build(parent_name, chain + (name,))
            own = {p for s in raw["settings"] for p in s.months}
            kept = []
            for s in parent.settings:
                months = tuple(p for p in s.months if p not in own)
                if months:
                    kept.append(Setting(s.mom_pct, months, s.selector if months == s.months else ""))
            spec = ScenarioSpec(
                name, raw["label_zh"], raw["label_en"],
                raw["baseline"] if raw["baseline"] is not None else parent.baseline,
                tuple(kept) + raw["settings"],
                parent.shocks + raw["shocks"], parent.adjustments + raw["adjustments"],
                parent.commodities + raw["commodities"], parent_name, raw["note"],
            )
        done[name] = spec
        return spec

    return tuple(build(n, ()) for n in raws)


def _check_coverage(w: _Where, spec: ScenarioSpec, horizon_months: pd.PeriodIndex) -> None:
    if spec.baseline is not None:
        return
    covered = {p for s in spec.settings for p in s.months}
    gaps = [p.strftime("%Y-%m") for p in horizon_months if p not in covered]
    if gaps:
        shown = ", ".join(gaps[:6]) + (" …" if len(gaps) > 6 else "")
        raise w.err(f"scenarios.{spec.name}",
                    f"no baseline and no `set` MoM for {shown}; add a baseline or `set` entries covering the horizon")


def _parse_commodity(w: _Where, key: str, raw: Any) -> CommodityPath:
    k = f"commodities.{key}"
    t = _check_keys(w, k, raw, _COMMODITY_KEYS)
    levels = t.get("levels")
    if not isinstance(levels, dict) or not levels:
        raise w.err(f"{k}.levels", "missing (required): level targets by month, e.g. { \"2026-12\" = 13500.0 }")
    targets = []
    for mk, v in levels.items():
        p = _month(w, f"{k}.levels.{mk}", mk)
        val = _number(w, f"{k}.levels.{mk}", v, "a price level")
        if val <= 0:
            raise w.err(f"{k}.levels.{mk}", f"a price level must be positive, got {val:g}")
        targets.append((p, val))
    targets.sort()
    return CommodityPath(
        key, _str(w, f"{k}.series", t.get("series"), required=True), tuple(targets),
        _str(w, f"{k}.name_zh", t.get("name_zh")), _str(w, f"{k}.name_en", t.get("name_en")),
        _str(w, f"{k}.unit_zh", t.get("unit_zh")), _str(w, f"{k}.unit_en", t.get("unit_en")),
    )


# --------------------------------------------------------------------------- entry points
def spec_from_dict(data: Mapping[str, Any], file: str = "<spec>") -> ScenarioFile:
    """Validate an already-parsed scenario file (a dict as :mod:`tomllib` returns it)."""
    w = _Where(file)
    t = _check_keys(w, "", dict(data), _FILE_KEYS)
    target = _str(w, "target", t.get("target"), required=True)
    mom = _str(w, "mom", t.get("mom"), required=True)
    yoy = _str(w, "yoy", t.get("yoy"), required=True)
    hz = t.get("horizon")
    if not (isinstance(hz, list) and len(hz) == 2):
        raise w.err("horizon", f"expected [\"first month\", \"last month\"] such as [\"2026-01\", \"2026-12\"], got {hz!r}")
    horizon = (_month(w, "horizon[0]", hz[0]), _month(w, "horizon[1]", hz[1]))
    if horizon[0] > horizon[1]:
        raise w.err("horizon", f"starts ({hz[0]}) after it ends ({hz[1]})")
    if len(pd.period_range(*horizon, freq="M")) > 60:
        raise w.err("horizon", "is longer than 60 months; a scenario is a one- to few-year path")
    method = t.get("yoy_method", "published")
    if method not in YOY_METHODS:
        raise w.err("yoy_method", f"expected one of {', '.join(YOY_METHODS)}, got {method!r}")
    assume_raw = t.get("assume", {})
    if not isinstance(assume_raw, dict):
        raise w.err("assume", f"expected a table of month = MoM percent, e.g. {{ \"2025-12\" = 0.0 }}, got {assume_raw!r}")
    assume = []
    for mk, v in assume_raw.items():
        p = _month(w, f"assume.{mk}", mk)
        if p > horizon[1]:
            raise w.err(f"assume.{mk}", "is after the horizon")
        assume.append((p, _number(w, f"assume.{mk}", v, "MoM in percent")))
    com_raw = t.get("commodities", {})
    if not isinstance(com_raw, dict):
        raise w.err("commodities", f"expected tables [commodities.NAME], got {com_raw!r}")
    commodities = tuple(_parse_commodity(w, k, v) for k, v in com_raw.items())
    sc_raw = t.get("scenarios")
    if not isinstance(sc_raw, dict) or not sc_raw:
        raise w.err("scenarios", "missing (required): at least one [scenarios.NAME] table")
    keys = {c.key for c in commodities}
    raws = {name: _parse_scenario_raw(w, name, raw, horizon, keys) for name, raw in sc_raw.items()}
    scenarios = _resolve(w, raws)
    months = pd.period_range(*horizon, freq="M")
    for s in scenarios:
        _check_coverage(w, s, months)
    return ScenarioFile(
        file=file, target=target, mom=mom, yoy=yoy, horizon=horizon, scenarios=scenarios,
        yoy_method=method, assume=tuple(sorted(assume)), commodities=commodities,
        name_zh=_str(w, "name_zh", t.get("name_zh")), name_en=_str(w, "name_en", t.get("name_en")),
        title_zh=_str(w, "title_zh", t.get("title_zh")), title_en=_str(w, "title_en", t.get("title_en")),
        source=_str(w, "source", t.get("source")), source_en=_str(w, "source_en", t.get("source_en")),
    )


def parse_spec(text: str, file: str = "<spec>") -> ScenarioFile:
    """Parse and validate scenario TOML text; ``file`` names it in error messages."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ScenarioError(f"{file}: not valid TOML: {exc}") from None
    return spec_from_dict(data, file)


def _shipped_dir() -> Path:
    return Path(str(resources.files("macrodesk.scenarios")))


def shipped_files() -> list[Path]:
    """The scenario files that ship with macrodesk (``cpi_2026.toml``, ``ppi_2026.toml``…)."""
    return sorted(_shipped_dir().glob("*.toml"))


def resolve_spec_path(name: str | Path) -> Path:
    """A path as given if it exists, else a shipped file of that name (``.toml`` optional)."""
    p = Path(name)
    if p.is_file():
        return p
    if p.parent == Path("."):
        for cand in (p.name, p.name + ".toml"):
            q = _shipped_dir() / cand
            if q.is_file():
                return q
    shipped = ", ".join(f.name for f in shipped_files())
    raise ScenarioError(f"{name}: no such scenario file (shipped files: {shipped})")


def load_spec(name: str | Path) -> ScenarioFile:
    """Read and validate a scenario file: a path, or the name of a shipped file (``cpi_2026.toml``)."""
    path = resolve_spec_path(name)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ScenarioError(f"{path}: cannot read the file: {exc}") from None
    shown = path.name if path.parent == _shipped_dir() else str(path)
    return parse_spec(text, shown)
