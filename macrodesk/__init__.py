"""macrodesk: a China macro research engine — import data once, rebuild the whole analysis on every release.

The public API, from the bottom up::

    import macrodesk as md

    series = md.load_sample()                      # the bundled real data: {id: MacroSeries}
    cpi = series["cpi_yoy"]                        # MacroSeries: monthly PeriodIndex, unit, metadata
    md.transforms.carryover(series["ppi_mom"].to_fraction(), 2026)
    with md.Store("team.duckdb") as store:         # the DuckDB store with vintages
        store.write(md.read_paths(["exports/"]))   # CSV and Wind Excel readers
    report = md.build_report("inflation-review", series, as_of="2025-11")
    md.render(report, "out/")                      # HTML, PDF and Markdown

Models (:mod:`macrodesk.models`) and scenarios (:mod:`macrodesk.scenarios`) return
frozen, language-free results objects; reports turn them into sentences and charts.
Every error macrodesk raises on purpose derives from :class:`MacrodeskError`.

Names load on first use, so ``import macrodesk`` stays light.
"""

from __future__ import annotations

import importlib
from typing import Any

from macrodesk.exceptions import (
    DataError,
    FrequencyError,
    GapWarning,
    InputFileError,
    MacrodeskError,
    MacrodeskWarning,
    ModelError,
    ReportError,
    RevisionWarning,
    ScenarioError,
    ShortSampleWarning,
    StoreError,
    TransformError,
    UnitError,
    UnknownSeriesError,
)

__version__ = "0.1.0"

# name -> (module, attribute); attribute None exports the module itself.
_LAZY: dict[str, tuple[str, str | None]] = {
    "MacroSeries": ("macrodesk.series", "MacroSeries"),
    "SeriesMeta": ("macrodesk.series", "SeriesMeta"),
    "Store": ("macrodesk.series.store", "Store"),
    "read_csv": ("macrodesk.importers", "read_csv"),
    "read_wind": ("macrodesk.importers", "read_wind"),
    "read_paths": ("macrodesk.importers", "read_paths"),
    "merge_series": ("macrodesk.importers", "merge_series"),
    "load_sample": ("macrodesk.datasets", "load_sample"),
    "transforms": ("macrodesk.transforms", None),
    "models": ("macrodesk.models", None),
    "scenarios": ("macrodesk.scenarios", None),
    "REPORTS": ("macrodesk.analyses", "REPORTS"),
    "build_report": ("macrodesk.analyses", "build_report"),
    "Report": ("macrodesk.reports", "Report"),
    "render": ("macrodesk.reports", "render"),
}


def __getattr__(name: str) -> Any:
    target = _LAZY.get(name)
    if target is None:
        raise AttributeError(f"module 'macrodesk' has no attribute {name!r}")
    module = importlib.import_module(target[0])
    value = module if target[1] is None else getattr(module, target[1])
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


__all__ = [
    "DataError",
    "FrequencyError",
    "GapWarning",
    "InputFileError",
    "MacroSeries",
    "MacrodeskError",
    "MacrodeskWarning",
    "ModelError",
    "REPORTS",
    "Report",
    "ReportError",
    "RevisionWarning",
    "ScenarioError",
    "SeriesMeta",
    "ShortSampleWarning",
    "Store",
    "StoreError",
    "TransformError",
    "UnitError",
    "UnknownSeriesError",
    "__version__",
    "build_report",
    "load_sample",
    "merge_series",
    "models",
    "read_csv",
    "read_paths",
    "read_wind",
    "render",
    "scenarios",
    "transforms",
]
