"""Importers: files in, :class:`~macrodesk.series.MacroSeries` out.

* :func:`read_csv` — tidy long CSV (``series_id,date,value,unit,source,origin``).
* :func:`read_wind` — EDB Excel exports (Wind, Choice, iFinD; .xlsx, .xls), read with python-calamine.
* :func:`read_nbs` — NBS data portal downloads (CSV or xls), :mod:`macrodesk.importers.nbs`.
* customs online-query CSVs, :mod:`macrodesk.importers.customs` (when present).
* :func:`read_wide` — a generic wide table read with a TOML layout, :mod:`macrodesk.importers.wide`.
* :func:`read_paths` — any mix of such files and folders of them; each file's format is
  detected from its content (:func:`~macrodesk.importers.detect.detect`), or forced. Monthly
  values without a release date in the file get the day the release calendar knows
  (:func:`with_release_dates`).
* :func:`read_source_frame` — a live source's tidy frame (:mod:`macrodesk.sources`) as series,
  checked as a tidy CSV and given the same known release days.

Importers only read and validate; writing is the store's job, so a bad file
never leaves a store half-written.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

import numpy as np
import pandas as pd

from macrodesk.exceptions import InputFileError, UnitError
from macrodesk.importers.csv import read_csv, read_frame
from macrodesk.importers.detect import FORMATS, customs_module, detect
from macrodesk.series._container import MacroSeries
from macrodesk.series.checks import implausible, implausible_message

__all__ = ["read_csv", "read_wind", "read_nbs", "read_wide", "read_paths", "merge_series", "with_release_dates",
           "read_source_frame", "SUPPORTED_SUFFIXES", "FORMATS"]

SUPPORTED_SUFFIXES = (".csv", ".csv.gz", ".xlsx", ".xls", ".xlsm")


def read_wind(path, mapping=None):  # thin re-export; imported lazily to keep start-up fast
    from macrodesk.importers.wind import read_wind as _read_wind

    return _read_wind(path, mapping=mapping)


def read_nbs(path, mapping=None):  # lazily imported, as read_wind
    from macrodesk.importers.nbs import read_nbs as _read_nbs

    return _read_nbs(path, mapping=mapping)


def read_wide(path, layout):
    from macrodesk.importers.wide import read_wide as _read_wide

    return _read_wide(path, layout)


def _suffix(p: Path) -> str:
    name = p.name.lower()
    return ".csv.gz" if name.endswith(".csv.gz") else p.suffix.lower()


def _expand(paths: Iterable[str | os.PathLike]) -> list[Path]:
    files: list[Path] = []
    for raw in paths:
        p = Path(raw).expanduser()
        if p.is_dir():
            found = sorted(
                f for f in p.rglob("*")
                if f.is_file() and _suffix(f) in SUPPORTED_SUFFIXES and not f.name.startswith(("~$", "."))
            )
            if not found:
                raise InputFileError(
                    f"folder has no importable files ({', '.join(SUPPORTED_SUFFIXES)})", file=str(p)
                )
            files.extend(found)
        elif p.is_file():
            if _suffix(p) not in SUPPORTED_SUFFIXES:
                raise InputFileError(
                    f"unsupported file type '{_suffix(p) or p.name}'; importable: {', '.join(SUPPORTED_SUFFIXES)}",
                    file=str(p),
                )
            files.append(p)
        else:
            raise InputFileError("no such file or folder", file=str(p))
    return files


def read_paths(
    paths: Iterable[str | os.PathLike],
    *,
    mapping=None,
    progress=None,
    layout=None,
    format: str | None = None,
) -> list[MacroSeries]:
    """Read files and folders (recursively) into one list of series, merged by id.

    Each file's format is detected from its content (:func:`~macrodesk.importers.detect.detect`);
    ``format`` (a key of :data:`FORMATS`) forces one for every file. ``layout`` (a layout file's
    path or a :class:`~macrodesk.importers.wide.Layout`) reads every file as a generic wide table.
    ``mapping`` is a user mapping (see :mod:`macrodesk.importers.mapping`), laid over the shipped
    code tables; ``progress`` an optional callable ``(path)`` called before each file.
    """
    if format is not None and format not in FORMATS:
        raise InputFileError(f"unknown format '{format}'; formats: {', '.join(FORMATS)}")
    if layout is not None:
        if format not in (None, "wide"):
            raise InputFileError(f"a layout file reads wide tables; it cannot be used with format '{format}'")
        from macrodesk.importers.wide import Layout, load_layout

        if not isinstance(layout, Layout):
            layout = load_layout(layout)
        format = "wide"
    elif format == "wide":
        raise InputFileError("format 'wide' needs a layout file (--layout)")
    out: list[MacroSeries] = []
    for f in _expand(paths):
        if progress is not None:
            progress(f)
        got = _read_one(f, format or detect(f), mapping, layout)
        _check_plausible(got, f.name)
        out.extend(got)
    return [with_release_dates(s) for s in merge_series(out)]


def read_source_frame(frame: pd.DataFrame, name: str) -> list[MacroSeries]:
    """A live source's tidy rows (``Source.fetch``) as checked series (one per id), with the release day
    the calendar knows for each month the source gave none (:func:`with_release_dates`, as a file import)."""
    return [with_release_dates(s) for s in read_frame(frame, name)]


def with_release_dates(s: MacroSeries) -> MacroSeries:
    """``s`` with the release day the calendar knows for each monthly period the file gave none
    (:func:`~macrodesk.series.calendar.backfill_released`, known dates only: NBS CPI/PPI release days
    read from the release texts); a date in the file stands, an estimate is never stored."""
    from macrodesk.series.calendar import backfill_released, release_body

    if s.freq != "M" or release_body(s.id) is None:
        return s
    have = s.released_observations()
    gaps = have.index[have.isna().to_numpy()]
    if len(gaps) == 0:
        return s
    known = backfill_released(s.id, gaps, known_only=True).dropna()
    if known.empty:
        return s
    released = have.copy()
    released[known.index] = known.to_numpy()
    return s.with_data(s.data, released=released)


def _check_plausible(series: list[MacroSeries], fname: str) -> None:
    """Every value small enough for its unit (:func:`~macrodesk.series.checks.implausible`), whatever the format."""
    for s in series:
        obs = s.observations()
        huge = implausible(obs.to_numpy(), s.unit)
        if huge.any():
            i = int(np.argmax(huge))
            raise InputFileError(f"{obs.index[i]}: {implausible_message(float(obs.iloc[i]), s.unit)}", file=fname,
                                 series_id=s.id)


def _read_one(f: Path, fmt: str, mapping, layout) -> list[MacroSeries]:
    if fmt == "csv":
        return read_csv(f)
    if fmt == "nbs":
        return read_nbs(f, mapping=mapping)
    if fmt == "wide":
        return read_wide(f, layout)
    if fmt == "customs":
        customs = customs_module()
        if customs is None:
            raise InputFileError("the customs importer is not available in this version", file=f.name)
        result: list[MacroSeries] = customs.read_customs(f, mapping)
        return result
    return read_wind(f, mapping=mapping)


def merge_series(series: Iterable[MacroSeries]) -> list[MacroSeries]:
    """Combine series that share an id (from several files) into one.

    Units and frequencies must agree; a date present in two inputs must carry
    the same value, else :class:`InputFileError` names both origins.
    """
    by_id: dict[str, MacroSeries] = {}
    for s in series:
        prev = by_id.get(s.id)
        if prev is None:
            by_id[s.id] = s
            continue
        if prev.unit != s.unit or prev.freq != s.freq:
            raise UnitError(
                f"series '{s.id}' is '{prev.unit}'/{prev.freq} in {prev.meta.origin} but "
                f"'{s.unit}'/{s.freq} in {s.meta.origin}"
            )
        a, b = prev.observations(), s.observations()
        both = a.index.intersection(b.index)
        clash = both[(a[both] - b[both]).abs().to_numpy() > 1e-9]
        if len(clash):
            raise InputFileError(
                f"date {clash[0]} has {a[clash[0]]} in '{prev.meta.origin}' but {b[clash[0]]} in "
                f"'{s.meta.origin}'; import the files separately to record a revision",
                series_id=s.id,
            )
        combined = pd.concat([a, b[b.index.difference(a.index)]]).sort_index()
        origin = prev.meta.origin if s.meta.origin in prev.meta.origin else f"{prev.meta.origin} | {s.meta.origin}"
        ra, rb = prev.released_observations(), s.released_observations()
        released = pd.concat([ra, rb[rb.index.difference(ra.index)]]).reindex(combined.index)
        released = released.fillna(rb.reindex(combined.index))  # a date known only in the later file
        by_id[s.id] = prev.with_data(combined, released=released if released.notna().any() else None, origin=origin)
    return list(by_id.values())
