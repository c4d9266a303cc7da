"""The errors and warnings macrodesk raises.

Every error a user can cause derives from :class:`MacrodeskError`, so a caller
(or the CLI) can catch one class and print a clean message instead of a
traceback. Messages name the file, sheet, row or series involved and say what
to do about it.

Tree::

    MacrodeskError
    ├── DataError                 a series or its values are not usable
    │   ├── UnknownSeriesError    a series id the store does not hold
    │   ├── UnitError             a unit is unknown, or clashes with the stored one
    │   └── FrequencyError        a frequency clash, or a date off the series' grid
    ├── InputFileError            a file could not be parsed (carries file/sheet/row)
    ├── StoreError                the DuckDB store could not be opened or written
    ├── TransformError            a transform was given arguments it cannot use
    ├── ModelError                an estimation could not be carried out
    ├── ScenarioError             a scenario file is invalid
    └── ReportError               a report could not be built or rendered

    MacrodeskWarning              recoverable: revisions, short samples, gaps
    ├── RevisionWarning
    ├── ShortSampleWarning
    └── GapWarning
"""

from __future__ import annotations

__all__ = [
    "MacrodeskError",
    "DataError",
    "UnknownSeriesError",
    "UnitError",
    "FrequencyError",
    "InputFileError",
    "StoreError",
    "TransformError",
    "ModelError",
    "ScenarioError",
    "ReportError",
    "MacrodeskWarning",
    "RevisionWarning",
    "ShortSampleWarning",
    "GapWarning",
]


class MacrodeskError(Exception):
    """Base class of every error macrodesk raises on purpose."""


class DataError(MacrodeskError):
    """A series or its values cannot be used as given."""


class UnknownSeriesError(DataError, KeyError):
    """A series id that the store (or the input) does not hold."""

    def __init__(self, series_id: str, hint: str = "") -> None:
        self.series_id = series_id
        msg = f"unknown series id '{series_id}'"
        if hint:
            msg += f"; {hint}"
        super().__init__(msg)

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0])


class UnitError(DataError):
    """A unit is unknown, cannot be converted, or clashes with the stored one."""


class FrequencyError(DataError):
    """A frequency clash, or observations that do not sit on the series' grid."""


class InputFileError(MacrodeskError):
    """A file could not be read into series.

    Carries where the problem is, so a caller can show it or a test can check it.
    """

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        sheet: str | None = None,
        row: int | None = None,
        series_id: str | None = None,
    ) -> None:
        self.file = file
        self.sheet = sheet
        self.row = row
        self.series_id = series_id
        where = []
        if file is not None:
            where.append(f"file '{file}'")
        if sheet is not None:
            where.append(f"sheet '{sheet}'")
        if row is not None:
            where.append(f"row {row}")
        if series_id is not None:
            where.append(f"series '{series_id}'")
        prefix = ", ".join(where)
        super().__init__(f"{prefix}: {message}" if prefix else message)


class StoreError(MacrodeskError):
    """The store could not be opened, read or written."""


class TransformError(MacrodeskError, ValueError):
    """A transform was given arguments or data it cannot use."""


class ModelError(MacrodeskError):
    """An estimation could not be carried out (too short a sample, singular design...)."""


class ScenarioError(MacrodeskError):
    """A scenario specification is invalid."""


class ReportError(MacrodeskError):
    """A report could not be built or rendered."""


class MacrodeskWarning(UserWarning):
    """Base class of the recoverable conditions macrodesk warns about."""


class RevisionWarning(MacrodeskWarning):
    """Imported values differ from stored ones; a new vintage was written."""


class ShortSampleWarning(MacrodeskWarning):
    """A statistic was computed on fewer observations than it should have."""


class GapWarning(MacrodeskWarning):
    """A series has missing periods inside its range."""
