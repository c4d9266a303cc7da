"""Series container, units, catalogue of known series and the DuckDB store."""

from macrodesk.series._container import MacroSeries, SeriesMeta, period_key, to_period
from macrodesk.series.units import UNITS, Unit, convert, get_unit, is_rate, to_fraction

__all__ = [
    "MacroSeries",
    "SeriesMeta",
    "UNITS",
    "Unit",
    "convert",
    "get_unit",
    "is_rate",
    "period_key",
    "to_fraction",
    "to_period",
]
