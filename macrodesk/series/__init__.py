"""Series container, units, catalogue of known series, the checks and parsers below them, and the DuckDB store."""

from macrodesk.series._container import MacroSeries, SeriesMeta, period_key
from macrodesk.series.catalogue import catalogue
from macrodesk.series.frequency import infer_freq
from macrodesk.series.periods import parse_period
from macrodesk.series.units import UNITS, Unit, convert, get_unit, is_rate, to_fraction

__all__ = [
    "MacroSeries",
    "SeriesMeta",
    "UNITS",
    "Unit",
    "catalogue",
    "convert",
    "get_unit",
    "infer_freq",
    "is_rate",
    "parse_period",
    "period_key",
    "to_fraction",
]
