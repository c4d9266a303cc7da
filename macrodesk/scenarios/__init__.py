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

from macrodesk.scenarios.blocks import scenario_blocks
from macrodesk.scenarios.engine import CommodityResult, ScenarioResult, ScenarioSetResult, run
from macrodesk.scenarios.spec import (
    Adjustment,
    Baseline,
    CommodityLink,
    CommodityPath,
    ScenarioFile,
    ScenarioSpec,
    Setting,
    Shock,
    load_spec,
    parse_months,
    parse_spec,
    resolve_spec_path,
    shipped_files,
    spec_from_dict,
)

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
