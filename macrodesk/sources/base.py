"""The one small source interface: fetch ids over a span → a tidy frame with release dates.

A :class:`Source` has a ``name`` and ``fetch(ids, start=None, end=None)`` returning a frame
with the columns :data:`COLUMNS` — ``series_id, date, value, unit, source, origin, released``
(``released`` is the calendar date the value was published, ``NaT`` when unknown). The frame
goes through :func:`macrodesk.importers.read_source_frame` (checked exactly as a tidy CSV, the
calendar's known release days filled in where ``released`` is empty) and then
:meth:`Store.write <macrodesk.series.store.Store.write>` in one transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol, runtime_checkable

import pandas as pd

from macrodesk.exceptions import MacrodeskError

__all__ = ["COLUMNS", "Source", "SourceError", "Progress", "empty_frame", "month_span", "one_line"]

COLUMNS = ("series_id", "date", "value", "unit", "source", "origin", "released")

Progress = Callable[[str], None]
"""Called with the name of each remote call (an AKShare function, a vendor code) before it is made."""


class SourceError(MacrodeskError):
    """A live source could not be reached, refused the request, or answered in an unexpected shape."""


@runtime_checkable
class Source(Protocol):
    """A live data source (AKShare, WindPy, iFinD …)."""

    name: str

    def known_ids(self) -> tuple[str, ...]:
        """The macrodesk ids this source can fetch without further configuration."""
        ...

    def fetch(
        self, ids: Sequence[str] | None = None, start: str | None = None, end: str | None = None,
        *, progress: Progress | None = None,
    ) -> pd.DataFrame:
        """Tidy rows (:data:`COLUMNS`) of ``ids`` (every known id when empty) between two months."""
        ...


def empty_frame() -> pd.DataFrame:
    """A frame with the tidy columns and no rows."""
    return pd.DataFrame({c: pd.Series(dtype="datetime64[ns]" if c in ("date", "released") else object)
                         for c in COLUMNS})


def month_span(start: str | None, end: str | None) -> tuple[pd.Timestamp | None, pd.Timestamp | None]:
    """``start``/``end`` (``YYYY-MM`` or a date) as the first and last day they cover (None when open).

    A malformed value is a :class:`SourceError` naming it.
    """
    from macrodesk.series.periods import read_period_text

    out: list[pd.Timestamp | None] = []
    for label, text, how in (("--start", start, "start"), ("--end", end, "end")):
        if text is None:
            out.append(None)
            continue
        try:
            p = read_period_text(str(text))
        except ValueError:
            p = None
        if p is None:
            raise SourceError(f"{label} must be a month like 2025-12 or a date; got '{text}'")
        out.append(p.start_time.normalize() if how == "start" else p.end_time.normalize())
    return out[0], out[1]


def one_line(exc: BaseException) -> str:
    """An exception as one short line: ``ConnectionError: …`` (newlines folded, at most 200 characters)."""
    text = " ".join(str(exc).split())
    if len(text) > 200:
        text = text[:197] + "…"
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
