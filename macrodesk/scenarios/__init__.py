"""Scenarios: monthly MoM assumptions in a TOML file -> YoY paths, centres and their statistics.

A scenario is data, not code (see :mod:`macrodesk.scenarios.spec` for the file
format and :mod:`macrodesk.scenarios.engine` for the method)::

    from macrodesk.scenarios import load_spec, run

    spec = load_spec("cpi_2026.toml")            # shipped file, or a path
    res = run(spec, {"cpi_mom": mom, "cpi_yoy": yoy}, as_of="2025-12")
    res["neutral"].mean                          # annual average (fraction)
    res.summary()                                # mean / min / max / end … by scenario

:func:`track` re-runs a file month by month as actuals arrive (path vs print,
the error, the centre re-anchored on actuals to date).

Results are numbers only; the paragraph, figure and table of a report section
come from :func:`macrodesk.reports.views.scenarios.scenario_blocks`.

Shipped files: ``cpi_2026.toml`` and ``ppi_2026.toml`` (the three CPI and
three PPI scenarios of seed 003, each parameter quoting the sentence it
comes from).
"""

from macrodesk._lazy import lazy_exports

# name -> defining module, imported on first use (keeps the CLI start-up light)
_EXPORTS: dict[str, str] = {
    "CommodityResult": "results",
    "ScenarioResult": "results",
    "ScenarioSetResult": "results",
    "TrackResult": "tracking",
    "run": "engine",
    "track": "tracking",
    "Adjustment": "spec",
    "Baseline": "spec",
    "CommodityLink": "spec",
    "CommodityPathSpec": "spec",
    "ScenarioFile": "spec",
    "ScenarioSpec": "spec",
    "Setting": "spec",
    "Shock": "spec",
    "load_spec": "_parse",
    "parse_months": "_parse",
    "parse_spec": "_parse",
    "resolve_spec_path": "_parse",
    "shipped_files": "_parse",
    "spec_from_dict": "_parse",
}
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, globals())

__all__ = [
    "Adjustment",
    "Baseline",
    "CommodityLink",
    "CommodityPathSpec",
    "CommodityResult",
    "ScenarioFile",
    "ScenarioResult",
    "ScenarioSetResult",
    "ScenarioSpec",
    "Setting",
    "Shock",
    "TrackResult",
    "load_spec",
    "parse_months",
    "parse_spec",
    "resolve_spec_path",
    "run",
    "shipped_files",
    "spec_from_dict",
    "track",
]
