"""Live sources: fetch series over a span as a tidy frame with release dates.

``get("akshare")`` (optional extra ``pip install "macrodesk[akshare]"``), ``get("wind")``
(WindPy ``w.edb``) and ``get("ifind")`` (iFinD ``THS_EDB``) each return a
:class:`~macrodesk.sources.base.Source`; its ``fetch(ids, start, end)`` gives the columns
``series_id, date, value, unit, source, origin, released``. Turn the frame into checked series
with :func:`macrodesk.importers.read_source_frame` (checked as a tidy CSV, the release days the
calendar knows filled in where the source gives none) and write them with ``Store.write``
(``macrodesk data fetch`` and ``macrodesk update --fetch`` do both).
"""

from __future__ import annotations

from typing import Any

from macrodesk.sources.base import COLUMNS, Source, SourceError

__all__ = ["COLUMNS", "Source", "SourceError", "get", "names"]

_SOURCES = {
    "akshare": ("macrodesk.sources.akshare", "AkshareSource"),
    "wind": ("macrodesk.sources.vendors", "WindSource"),
    "ifind": ("macrodesk.sources.vendors", "IFindSource"),
}


def names() -> tuple[str, ...]:
    """The registered source names."""
    return tuple(_SOURCES)


def get(name: str, **options: Any) -> Source:
    """The source called ``name`` (options go to its constructor, e.g. ``functions=`` for akshare)."""
    import importlib

    key = name.strip().lower()
    if key not in _SOURCES:
        raise SourceError(f"unknown source '{name}'; known sources: {', '.join(_SOURCES)}")
    module, cls = _SOURCES[key]
    src: Source = getattr(importlib.import_module(module), cls)(**options)
    return src
