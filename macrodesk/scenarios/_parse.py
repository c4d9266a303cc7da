"""Reading a scenario file: TOML -> validated :mod:`macrodesk.scenarios.spec` classes.

The file format is documented in :mod:`macrodesk.scenarios.spec`. Every problem
raises :class:`~macrodesk.exceptions.ScenarioError` naming the file and the key;
unknown keys are errors too.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Iterator, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import pandas as pd

from macrodesk.exceptions import ScenarioError
from macrodesk.scenarios.spec import (
    BASELINE_STATS,
    LINK_MODES,
    YOY_METHODS,
    Adjustment,
    Baseline,
    CommodityLink,
    CommodityPathSpec,
    ScenarioFile,
    ScenarioSpec,
    Setting,
    Shock,
)

__all__ = ["load_spec", "parse_months", "parse_spec", "resolve_spec_path", "shipped_files", "spec_from_dict"]

_FILE_KEYS = (
    "target", "name_zh", "name_en", "mom", "yoy", "horizon", "yoy_method", "assume",
    "title_zh", "title_en", "source", "source_en", "commodities", "scenarios",
)
_SCENARIO_KEYS = ("label_zh", "label_en", "extends", "baseline", "set", "shocks", "adjust", "commodity", "note")
_BASELINE_KEYS = ("window", "stat", "window_by_month")
_LINK_KEYS = ("path", "elasticity", "label_zh", "label_en", "mode", "levels")
_COMMODITY_KEYS = ("series", "name_zh", "name_en", "unit_zh", "unit_en", "levels", "reference")
_NAME_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_\-]*$")

#: The overlays that apply to months: TOML key -> (allowed keys, what ``months`` names, an example selector).
_OVERLAYS: dict[str, tuple[tuple[str, ...], str, str]] = {
    "set": (("mom_pct", "months"), "the months this MoM applies to", "2026Q1"),
    "shocks": (("component", "shock_pct", "weight_pct", "months", "label_zh", "label_en"),
               "the months of the shock", "2026-02..2026-07"),
    "adjust": (("pp", "months", "label_zh", "label_en"), "the months of the adjustment", "2026"),
}

Horizon = tuple[pd.Period, pd.Period]


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


# --------------------------------------------------------------------------- value checks
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


#: (lowest, highest) a number of each kind may be: a monthly change cannot take a price below zero, and
#: nothing near a doubling a month is a scenario for a price index; anything beyond is a typo.
MOM_RANGE = (-100.0, 100.0)
SHOCK_RANGE = (-100.0, 1000.0)
PP_RANGE = (-100.0, 100.0)
ELASTICITY_RANGE = (-100.0, 100.0)
LEVEL_RANGE = (float("-inf"), 1e15)  # and positive, checked with its own message


def _number(w: _Where, key: str, value: Any, what: str, bounds: tuple[float, float] | None = None) -> float:
    """A finite number, within ``bounds`` (lowest excluded, highest included) when given."""
    if value is None:
        raise w.err(key, f"missing (required): {what}")
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise w.err(key, f"expected a number ({what}), got {value!r}")
    try:
        v = float(value)
    except OverflowError:  # an integer of hundreds of digits
        v = float("inf") if value > 0 else float("-inf")
    if v != v or v in (float("inf"), float("-inf")):
        raise w.err(key, f"expected a finite number ({what}), got {_short_number(value)}")
    if bounds is not None and not bounds[0] < v <= bounds[1]:
        raise w.err(key, f"{what} must be above {bounds[0]:g} and at most {bounds[1]:g}, got {v:g}")
    return v


def _short_number(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 30 else f"a number of {len(text)} digits ({text[:12]}…)"


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
    for y in (a, b):
        if not 1900 <= y <= 2200:
            raise w.err(key, f"year {y} is not a plausible calendar year")
    return a, b


def _entries(w: _Where, key: str, value: Any) -> list[dict]:
    if value is None:
        return []
    if isinstance(value, dict):
        value = [value]
    if not isinstance(value, list):
        raise w.err(key, f"expected a list of tables, got {type(value).__name__}")
    return value


def _in_horizon(w: _Where, key: str, months: tuple[pd.Period, ...], horizon: Horizon) -> None:
    out = [p for p in months if p < horizon[0] or p > horizon[1]]
    if out:
        raise w.err(key, f"{out[0].strftime('%Y-%m')} is outside the horizon "
                         f"{horizon[0].strftime('%Y-%m')}..{horizon[1].strftime('%Y-%m')}; "
                         "months before the horizon go in `assume`")


def _selector_text(value: Any) -> str:
    return value if isinstance(value, str) else ", ".join(str(v) for v in value)


def _labels(w: _Where, k: str, e: dict) -> tuple[str, str]:
    return _str(w, f"{k}.label_zh", e.get("label_zh")), _str(w, f"{k}.label_en", e.get("label_en"))


# --------------------------------------------------------------------------- scenario tables
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


def _overlay_entries(
    w: _Where, key: str, t: dict, which: str, horizon: Horizon
) -> Iterator[tuple[str, dict, tuple[pd.Period, ...], str]]:
    """The one validator of month overlays (``set``, ``shocks``, ``adjust``).

    Yields, entry by entry: its key (``scenarios.a.shocks[0]``), the checked
    table, its months (required, inside the horizon) and the selector as written.
    """
    allowed, what, example = _OVERLAYS[which]
    for i, e in enumerate(_entries(w, f"{key}.{which}", t.get(which))):
        k = f"{key}.{which}[{i}]"
        e = _check_keys(w, k, e, allowed)
        if "months" not in e:
            raise w.err(f"{k}.months", f"missing (required): {what}, e.g. \"{example}\"")
        months = parse_months(e["months"], f"{k}.months", w.file)
        _in_horizon(w, f"{k}.months", months, horizon)
        yield k, e, months, _selector_text(e["months"])


def _settings(w: _Where, key: str, t: dict, horizon: Horizon) -> tuple[Setting, ...]:
    settings = [Setting(_number(w, f"{k}.mom_pct", e.get("mom_pct"), "MoM in percent", MOM_RANGE), months, sel)
                for k, e, months, sel in _overlay_entries(w, key, t, "set", horizon)]
    seen: dict[pd.Period, int] = {}
    for i, s in enumerate(settings):
        for p in s.months:
            if p in seen:
                raise w.err(f"{key}.set[{i}].months",
                            f"{p.strftime('%Y-%m')} is already set by {key}.set[{seen[p]}]; each month takes one MoM")
            seen[p] = i
    return tuple(settings)


def _shocks(w: _Where, key: str, t: dict, horizon: Horizon) -> tuple[Shock, ...]:
    out = []
    for k, e, months, sel in _overlay_entries(w, key, t, "shocks", horizon):
        weight = _number(w, f"{k}.weight_pct", e.get("weight_pct"), "basket weight in percent")
        if not 0 < weight <= 100:
            raise w.err(f"{k}.weight_pct", f"a basket weight in percent must be in (0, 100], got {weight:g}")
        out.append(Shock(
            _str(w, f"{k}.component", e.get("component"), required=True),
            _number(w, f"{k}.shock_pct", e.get("shock_pct"), "component MoM in percent", SHOCK_RANGE),
            weight, months, sel, *_labels(w, k, e),
        ))
    return tuple(out)


def _adjustments(w: _Where, key: str, t: dict, horizon: Horizon) -> tuple[Adjustment, ...]:
    return tuple(
        Adjustment(_number(w, f"{k}.pp", e.get("pp"), "percentage points a month", PP_RANGE), months, sel,
                   *_labels(w, k, e))
        for k, e, months, sel in _overlay_entries(w, key, t, "adjust", horizon)
    )


def _links(w: _Where, key: str, t: dict, commodity_keys: set[str],
           with_reference: frozenset[str] = frozenset()) -> tuple[CommodityLink, ...]:
    links = []
    for i, e in enumerate(_entries(w, f"{key}.commodity", t.get("commodity"))):
        k = f"{key}.commodity[{i}]"
        e = _check_keys(w, k, e, _LINK_KEYS)
        path = _str(w, f"{k}.path", e.get("path"), required=True)
        if path not in commodity_keys:
            known = ", ".join(sorted(commodity_keys)) or "none defined"
            raise w.err(f"{k}.path", f"no commodity path '{path}' in [commodities] ({known})")
        elasticity = _number(w, f"{k}.elasticity", e.get("elasticity"), "pp of target per 1% of the commodity",
                             ELASTICITY_RANGE)
        mode = _link_mode(w, k, e.get("mode"), path, path in with_reference)
        own = _level_targets(w, f"{k}.levels", e["levels"]) if "levels" in e else ()
        links.append(CommodityLink(path, elasticity, *_labels(w, k, e), mode=mode, levels=own))
    return tuple(links)


def _link_mode(w: _Where, k: str, value: Any, path: str, has_reference: bool) -> str:
    """'deviation' (default with a reference) or 'mom' (default without); deviation needs the reference."""
    if value is None:
        return "deviation" if has_reference else "mom"
    if value not in LINK_MODES:
        raise w.err(f"{k}.mode", f"expected one of {', '.join(LINK_MODES)}, got {value!r}")
    if value == "deviation" and not has_reference:
        raise w.err(f"{k}.mode", f"a deviation link needs the reference path commodities.{path}.reference "
                                 "(the levels the stated MoMs hold under), which the file does not give; "
                                 f"add it, e.g. reference = {{ \"2026-12\" = 55.0 }}, or use mode = \"mom\"")
    return str(value)


def _parse_scenario_raw(w: _Where, name: str, raw: Any, horizon: Horizon, commodity_keys: set[str],
                        with_reference: frozenset[str] = frozenset()) -> dict:
    key = f"scenarios.{name}"
    if not _NAME_RE.match(name):
        raise w.err(key, "scenario names use letters, digits, '_' and '-' (e.g. neutral, optimistic)")
    t = _check_keys(w, key, raw, _SCENARIO_KEYS)
    return {
        "label_zh": _str(w, f"{key}.label_zh", t.get("label_zh")),
        "label_en": _str(w, f"{key}.label_en", t.get("label_en")),
        "extends": _str(w, f"{key}.extends", t.get("extends")) or None,
        "note": _str(w, f"{key}.note", t.get("note")),
        "baseline": _parse_baseline(w, f"{key}.baseline", t["baseline"]) if "baseline" in t else None,
        "settings": _settings(w, key, t, horizon),
        "shocks": _shocks(w, key, t, horizon),
        "adjustments": _adjustments(w, key, t, horizon),
        "commodities": _links(w, key, t, commodity_keys, with_reference),
    }


def _inherit(name: str, raw: dict, parent: ScenarioSpec) -> ScenarioSpec:
    """A child scenario: the parent's settings for the months the child does not set, overlays added."""
    own = {p for s in raw["settings"] for p in s.months}
    kept = []
    for s in parent.settings:
        months = tuple(p for p in s.months if p not in own)
        if months:
            kept.append(Setting(s.mom_pct, months, s.selector if months == s.months else ""))
    return ScenarioSpec(
        name, raw["label_zh"], raw["label_en"],
        raw["baseline"] if raw["baseline"] is not None else parent.baseline,
        tuple(kept) + raw["settings"],
        parent.shocks + raw["shocks"], parent.adjustments + raw["adjustments"],
        parent.commodities + raw["commodities"], parent.name, raw["note"],
    )


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
            spec = _inherit(name, raw, build(parent_name, chain + (name,)))
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


# --------------------------------------------------------------------------- file-level tables
def _parse_commodity(w: _Where, key: str, raw: Any) -> CommodityPathSpec:
    k = f"commodities.{key}"
    t = _check_keys(w, k, raw, _COMMODITY_KEYS)
    targets = _level_targets(w, f"{k}.levels", t.get("levels"))
    reference = _level_targets(w, f"{k}.reference", t["reference"]) if "reference" in t else ()
    return CommodityPathSpec(
        key, _str(w, f"{k}.series", t.get("series"), required=True), targets,
        _str(w, f"{k}.name_zh", t.get("name_zh")), _str(w, f"{k}.name_en", t.get("name_en")),
        _str(w, f"{k}.unit_zh", t.get("unit_zh")), _str(w, f"{k}.unit_en", t.get("unit_en")),
        reference,
    )


def _level_targets(w: _Where, key: str, levels: Any) -> tuple[tuple[pd.Period, float], ...]:
    """A table of month = positive price level (``levels``, ``reference``), sorted by month."""
    if not isinstance(levels, dict) or not levels:
        raise w.err(key, "missing (required): level targets by month, e.g. { \"2026-12\" = 13500.0 }")
    targets = []
    for mk, v in levels.items():
        p = _month(w, f"{key}.{mk}", mk)
        val = _number(w, f"{key}.{mk}", v, "a price level", LEVEL_RANGE)
        if val <= 0:
            raise w.err(f"{key}.{mk}", f"a price level must be positive, got {val:g}")
        targets.append((p, val))
    return tuple(sorted(targets))


def _horizon(w: _Where, hz: Any) -> Horizon:
    if not (isinstance(hz, list) and len(hz) == 2):
        raise w.err("horizon", f"expected [\"first month\", \"last month\"] such as [\"2026-01\", \"2026-12\"], got {hz!r}")
    horizon = (_month(w, "horizon[0]", hz[0]), _month(w, "horizon[1]", hz[1]))
    if horizon[0] > horizon[1]:
        raise w.err("horizon", f"starts ({hz[0]}) after it ends ({hz[1]})")
    if len(pd.period_range(*horizon, freq="M")) > 60:
        raise w.err("horizon", "is longer than 60 months; a scenario is a one- to few-year path")
    return horizon


def _assume(w: _Where, raw: Any, horizon: Horizon) -> tuple[tuple[pd.Period, float], ...]:
    """``assume``: MoM (percent) for months not yet published, at or before the end of the horizon."""
    if not isinstance(raw, dict):
        raise w.err("assume", f"expected a table of month = MoM percent, e.g. {{ \"2025-12\" = 0.0 }}, got {raw!r}")
    out = []
    for mk, v in raw.items():
        p = _month(w, f"assume.{mk}", mk)
        if p > horizon[1]:
            raise w.err(f"assume.{mk}", "is after the horizon")
        out.append((p, _number(w, f"assume.{mk}", v, "MoM in percent", MOM_RANGE)))
    return tuple(sorted(out))


def _scenarios(w: _Where, t: dict, horizon: Horizon, commodities: tuple[CommodityPathSpec, ...]) -> tuple[ScenarioSpec, ...]:
    sc_raw = t.get("scenarios")
    if not isinstance(sc_raw, dict) or not sc_raw:
        raise w.err("scenarios", "missing (required): at least one [scenarios.NAME] table")
    keys = {c.key for c in commodities}
    refs = frozenset(c.key for c in commodities if c.reference)
    raws = {name: _parse_scenario_raw(w, name, raw, horizon, keys, refs) for name, raw in sc_raw.items()}
    scenarios = _resolve(w, raws)
    months = pd.period_range(*horizon, freq="M")
    for s in scenarios:
        _check_coverage(w, s, months)
    return scenarios


# --------------------------------------------------------------------------- entry points
def spec_from_dict(data: Mapping[str, Any], file: str = "<spec>") -> ScenarioFile:
    """Validate an already-parsed scenario file (a dict as :mod:`tomllib` returns it)."""
    w = _Where(file)
    t = _check_keys(w, "", dict(data), _FILE_KEYS)
    target = _str(w, "target", t.get("target"), required=True)
    mom = _str(w, "mom", t.get("mom"), required=True)
    yoy = _str(w, "yoy", t.get("yoy"), required=True)
    horizon = _horizon(w, t.get("horizon"))
    method = t.get("yoy_method", "published")
    if method not in YOY_METHODS:
        raise w.err("yoy_method", f"expected one of {', '.join(YOY_METHODS)}, got {method!r}")
    assume = _assume(w, t.get("assume", {}), horizon)
    com_raw = t.get("commodities", {})
    if not isinstance(com_raw, dict):
        raise w.err("commodities", f"expected tables [commodities.NAME], got {com_raw!r}")
    commodities = tuple(_parse_commodity(w, k, v) for k, v in com_raw.items())
    return ScenarioFile(
        file=file, target=target, mom=mom, yoy=yoy, horizon=horizon,
        scenarios=_scenarios(w, t, horizon, commodities),
        yoy_method=method, assume=assume, commodities=commodities,
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
