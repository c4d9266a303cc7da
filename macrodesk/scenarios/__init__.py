"""Scenarios: monthly MoM assumptions in a TOML file -> YoY paths, centres and charts.

A scenario is data, not code (see :mod:`macrodesk.scenarios.spec` for the file
format and :mod:`macrodesk.scenarios.engine` for the method)::

    from macrodesk.scenarios import load_spec, run

    spec = load_spec("cpi_2026.toml")            # shipped file, or a path
    res = run(spec, {"cpi_mom": mom, "cpi_yoy": yoy}, as_of="2025-12")
    res["neutral"].mean                          # annual average (fraction)
    res.blocks("zh")                             # Paragraph + Figure + Table for a report

Shipped files: ``cpi_2026.toml`` and ``ppi_2026.toml`` (the three CPI and
three PPI scenarios of seed 003, each parameter quoting the sentence it
comes from).
"""

from macrodesk._lazy import lazy_exports

# name -> defining module, imported on first use (keeps the CLI start-up light)
_EXPORTS: dict[str, str] = {
    "scenario_blocks": "blocks",
    "CommodityResult": "engine",
    "ScenarioResult": "engine",
    "ScenarioSetResult": "engine",
    "run": "engine",
    "Adjustment": "spec",
    "Baseline": "spec",
    "CommodityLink": "spec",
    "CommodityPath": "spec",
    "ScenarioFile": "spec",
    "ScenarioSpec": "spec",
    "Setting": "spec",
    "Shock": "spec",
    "load_spec": "spec",
    "parse_months": "spec",
    "parse_spec": "spec",
    "resolve_spec_path": "spec",
    "shipped_files": "spec",
    "spec_from_dict": "spec",
}
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, globals())

__all__ = [
    "Adjustment",
    "Baseline",
    "CommodityLink",
    "CommodityPath",
    "CommodityResult",
    "ScenarioFile",
    "ScenarioResult",
    "ScenarioSetResult",
    "ScenarioSpec",
    "Setting",
    "Shock",
    "load_spec",
    "parse_months",
    "parse_spec",
    "resolve_spec_path",
    "run",
    "scenario_blocks",
    "shipped_files",
    "spec_from_dict",
]
