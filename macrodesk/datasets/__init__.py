"""The bundled sample: real published China macro series, shipped with the package.

Built from the project's shared data folder by ``scripts/build_sample.py``; the
``source`` and ``origin`` columns keep where each value came from. See the README
for what is covered and which periods are withheld (food prices and the analyst
consensus stop at 2022-12 on purpose).
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from macrodesk.importers.csv import read_csv
from macrodesk.series import MacroSeries
from macrodesk.series.catalogue import catalogue

__all__ = ["catalogue", "sample_files", "load", "load_sample"]


def _dir() -> Path:
    return Path(str(resources.files("macrodesk.datasets")))


def sample_files() -> list[Path]:
    """The bundled tidy CSV files (gzip-compressed)."""
    return sorted(_dir().glob("*.csv.gz"))


def load(names: list[str] | None = None) -> list[MacroSeries]:
    """Read the bundled files (all, or those whose stem is in ``names``) as MacroSeries.

    Frequencies and names come from the catalogue of known series
    (:func:`macrodesk.series.catalogue.catalogue`, re-exported here).
    """
    out: list[MacroSeries] = []
    for f in sample_files():
        if names is None or f.name.removesuffix(".csv.gz") in names:
            out.extend(read_csv(f))
    return out


def load_sample() -> dict:
    """The whole bundled sample as ``{series_id: MacroSeries}``, series of one id merged across files."""
    from macrodesk.importers import merge_series

    return {s.id: s for s in merge_series(load())}
