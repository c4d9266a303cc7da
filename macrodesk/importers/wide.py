"""A generic wide table (one date column, one column per series) read with a small TOML layout.

For downloads from vendors without an importer of their own (CEIC, Macrobond, Bloomberg
Excel, a hand-kept sheet): the layout file says where things are and what each column is::

    sheet = "Data"            # Excel: the worksheet (default: the first one); ignored for CSV
    header_row = 1            # the row holding the column headings (1 = the first row)
    first_data_row = 2        # optional: default header_row + 1
    date_column = "A"         # the heading of the date column, or its letter (default A)
    date_format = "%Y-%m"     # optional strptime format; default: Excel dates and texts such as
                              # 2025-12-31, 2025/12, 2025-12, 2025年12月, 2025Q4, 2025
    source = "CEIC"           # optional: the source of every column unless a column says

    [columns."China CPI YoY"] # a column by its heading (or give column = "C" instead)
    id = "cpi_yoy"
    unit = "pct_yoy"          # a unit code of macrodesk.series.units
    freq = "M"                # M, Q, A, W, D or X (10-day)
    name_zh = "CPI:当月同比"   # optional, as are name_en and source

Columns the layout does not name are ignored; a named column the file lacks is an error.
Each M/Q/A value belongs to the period holding its date (a monthly value dated 2025-12-01 or
2025-12-31 is 2025-12). Blank rows are skipped; a row whose date cell holds text that is not
a date and whose value cells are empty (a footer such as "Source: …") ends the table.

Every layout problem (invalid TOML, an unknown key, a wrong type, an unknown unit or
frequency, two columns with one id) is an :class:`~macrodesk.exceptions.InputFileError`
naming the layout file and the key; every data problem (text in a number cell, a date
given twice, a skipped month) names the file, sheet, row and series.
"""

from __future__ import annotations

import csv as _csv
import datetime as _dt
import io
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from macrodesk._typing import FREQS, PERIOD_FREQS
from macrodesk.exceptions import DataError, InputFileError, UnitError
from macrodesk.importers.csv import read_frame
from macrodesk.importers.detect import decode_text
from macrodesk.importers.mapping import quote_key
from macrodesk.importers.wind._cells import col_letter
from macrodesk.series import units as _units
from macrodesk.series._container import MacroSeries, check_id
from macrodesk.series.checks import find_duplicate, find_gap, to_numbers
from macrodesk.series.periods import read_period_text

__all__ = ["Layout", "LayoutColumn", "load_layout", "parse_layout", "read_wide"]

_TOP: dict[str, type] = {"sheet": str, "header_row": int, "first_data_row": int, "date_column": str, "date_format": str,
        "source": str, "columns": dict}
_COL: dict[str, type] = {"id": str, "unit": str, "freq": str, "column": str, "name_zh": str, "name_en": str, "source": str}
_LETTERS = re.compile(r"^[A-Za-z]{1,3}$")


@dataclass(frozen=True)
class LayoutColumn:
    """One series column: the heading (or letter) it is found by and what it holds."""

    key: str
    id: str
    unit: str
    freq: str
    column: str | None = None
    name_zh: str | None = None
    name_en: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class Layout:
    """A validated layout file (see the module docstring)."""

    columns: tuple[LayoutColumn, ...]
    sheet: str | None = None
    header_row: int = 1
    first_data_row: int | None = None
    date_column: str = "A"
    date_format: str | None = None
    source: str = ""
    path: str = field(default="", compare=False)


def load_layout(path: str | os.PathLike[str]) -> Layout:
    """Read and validate a layout file."""
    p = Path(path).expanduser()
    try:
        raw = p.read_bytes()
    except FileNotFoundError:
        raise InputFileError("layout file not found", file=p.name) from None
    except OSError as exc:
        raise InputFileError(f"cannot read the layout file: {exc.strerror or exc}", file=p.name) from None
    return parse_layout(raw, p.name, path=str(p))


def _typed(spec: dict[str, Any], types: dict[str, type], where: str, fname: str, key: str | None) -> None:
    unknown = sorted(k for k in spec if k not in types)
    if unknown:
        raise InputFileError(
            f"{where}unknown key '{unknown[0]}'; allowed keys: {', '.join(types)}", file=fname, series_id=key
        )
    for k, v in spec.items():
        t = types[k]
        if not isinstance(v, t) or (t is int and isinstance(v, bool)):
            kind = {str: "a string", int: "an integer", dict: "a table"}[t]
            raise InputFileError(f"{where}{k} must be {kind}, got {v!r}", file=fname, series_id=key)


def parse_layout(raw: bytes, fname: str, *, path: str = "") -> Layout:
    """Validate the bytes of a layout file; errors name ``fname`` and the key."""
    try:
        doc = tomllib.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise InputFileError("the layout file is not UTF-8 text", file=fname) from None
    except tomllib.TOMLDecodeError as exc:
        raise InputFileError(f"not valid TOML: {exc}", file=fname) from None
    _typed(doc, _TOP, "", fname, None)
    for k in ("header_row", "first_data_row"):
        if k in doc and doc[k] < 1:
            raise InputFileError(f"{k} must be 1 or more (rows count from 1), got {doc[k]}", file=fname)
    header_row = doc.get("header_row", 1)
    if doc.get("first_data_row", header_row + 1) <= header_row:
        raise InputFileError("first_data_row must come after header_row", file=fname)
    tables = doc.get("columns")
    if not tables:
        raise InputFileError(
            'no [columns."<heading>"] tables; write e.g. [columns."CPI YoY"] with id, unit and freq', file=fname
        )
    cols: list[LayoutColumn] = []
    ids: dict[str, str] = {}
    for raw_key, spec in tables.items():
        key = raw_key.strip()
        where = f"[columns.{quote_key(key)}]: "
        if not isinstance(spec, dict):
            raise InputFileError(f"{where}must be a table with id, unit and freq", file=fname, series_id=key)
        _typed(spec, _COL, where, fname, key)
        for need in ("id", "unit", "freq"):
            if not str(spec.get(need, "")).strip():
                raise InputFileError(f"{where}missing {need} = \"…\"", file=fname, series_id=key)
        sid, unit, freq = spec["id"].strip(), spec["unit"].strip(), spec["freq"].strip().upper()
        try:
            check_id(sid)
        except DataError as exc:
            raise InputFileError(f"{where}{exc}", file=fname, series_id=key) from None
        try:
            _units.get_unit(unit)
        except UnitError as exc:
            raise InputFileError(f"{where}{exc}", file=fname, series_id=key) from None
        if freq not in FREQS:
            raise InputFileError(f"{where}unknown freq '{spec['freq']}'; use one of {', '.join(FREQS)}",
                                 file=fname, series_id=key)
        letter = spec.get("column")
        if letter is not None and not _LETTERS.match(letter.strip()):
            raise InputFileError(f"{where}column must be a letter such as \"C\", got {letter!r}",
                                 file=fname, series_id=key)
        if sid in ids:
            raise InputFileError(f"{where}id '{sid}' is already used by [columns.{quote_key(ids[sid])}]",
                                 file=fname, series_id=key)
        ids[sid] = key
        cols.append(LayoutColumn(key, sid, unit, freq, letter.strip().upper() if letter else None,
                                 spec.get("name_zh"), spec.get("name_en"), spec.get("source")))
    return Layout(
        columns=tuple(cols), sheet=doc.get("sheet"), header_row=header_row, first_data_row=doc.get("first_data_row"),
        date_column=doc.get("date_column", "A").strip(), date_format=doc.get("date_format"),
        source=doc.get("source", ""), path=path,
    )


def _col_index(letters: str) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + (ord(ch) - 64)
    return n - 1



def _grid(p: Path, layout: Layout) -> tuple[list[list[Any]], str | None]:
    """The file's cells as rows (row 0 = file row 1, column 0 = A) and the sheet read (None for CSV)."""
    fname = p.name
    try:
        with open(p, "rb") as fh:
            magic = fh.read(8)
    except FileNotFoundError:
        raise InputFileError("file not found", file=str(p)) from None
    if magic.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        from macrodesk.importers.wind._workbook import read_workbook

        sheets = read_workbook(p, fname)
        if not sheets:
            raise InputFileError("the workbook has no worksheet", file=fname)
        if layout.sheet is None:
            name, rows, (r0, c0) = sheets[0]
        else:
            found = [s for s in sheets if s[0] == layout.sheet]
            if not found:
                raise InputFileError(
                    f"no sheet '{layout.sheet}' (layout key sheet); sheets: {', '.join(s[0] for s in sheets)}",
                    file=fname,
                )
            name, rows, (r0, c0) = found[0]
        return [[] for _ in range(r0)] + [[""] * c0 + list(r) for r in rows], name
    raw = p.read_bytes()
    if raw.startswith(b"\x1f\x8b"):
        import gzip

        try:
            raw = gzip.decompress(raw)
        except (OSError, EOFError) as exc:
            raise InputFileError(f"not a readable gzip file: {exc}", file=fname) from None
    try:
        return [list(r) for r in _csv.reader(io.StringIO(decode_text(raw, fname)))], None
    except _csv.Error as exc:
        raise InputFileError(f"not a readable CSV: {exc}", file=fname) from None


def _cell(rows: list[list[Any]], i: int, j: int) -> Any:
    if i >= len(rows) or j >= len(rows[i]):
        return ""
    v = rows[i][j]
    return "" if v is None else v


def _date(v: Any, fmt: str | None) -> pd.Period | None:
    """A date cell as a period at its own precision (day, month, quarter, year), or None if not a date."""
    if isinstance(v, (_dt.datetime, _dt.date)):
        return pd.Period(pd.Timestamp(v), freq="D")
    if isinstance(v, (int, float)) and not isinstance(v, bool) and float(v).is_integer() and 1000 <= v <= 9999:
        return pd.Period(year=int(v), freq="Y")  # a year typed as a number
    s = str(v).strip()
    if not s:
        return None
    if fmt:
        try:
            return pd.Period(pd.Timestamp(_dt.datetime.strptime(s, fmt)), freq="D")
        except ValueError:
            return None
    try:
        return read_period_text(s)
    except ValueError:
        return None


def read_wide(path: str | os.PathLike[str], layout: Layout | str | os.PathLike[str]) -> list[MacroSeries]:
    """Read a wide table (CSV, plain or gzip, or Excel) with ``layout`` (a :class:`Layout` or its file)."""
    p = Path(path).expanduser()
    fname = p.name
    if not isinstance(layout, Layout):
        layout = load_layout(layout)
    lname = Path(layout.path).name or "layout"
    rows, sheet = _grid(p, layout)
    h = layout.header_row - 1
    if h >= len(rows):
        raise InputFileError(f"the file has {len(rows)} rows; the layout's header_row is {layout.header_row}",
                             file=fname, sheet=sheet)
    heads = [str(_cell(rows, h, j)).strip() for j in range(len(rows[h]))]

    def find(key: str, letter: str | None, what: str) -> int:
        if key in heads and letter is None:
            return heads.index(key)
        if letter is not None:
            return _col_index(letter)
        if what == "date column" and _LETTERS.match(key) and key.isupper():
            return _col_index(key)
        shown = ", ".join(f"'{x}'" for x in heads if x) or "none"
        raise InputFileError(
            f"{what} '{key}' (layout {lname}) is not a heading of row {layout.header_row}; headings: {shown}",
            file=fname, sheet=sheet, row=layout.header_row,
        )

    dcol = find(layout.date_column, None, "date column")
    cols = [(c, find(c.key, c.column, "column")) for c in layout.columns]
    start = (layout.first_data_row or layout.header_row + 1) - 1

    lines: list[int] = []
    dates: list[pd.Period] = []
    cells: list[list[Any]] = []
    for i in range(start, len(rows)):
        raw_date = _cell(rows, i, dcol)
        vals = [_cell(rows, i, j) for _, j in cols]
        empty = all((isinstance(v, str) and not v.strip()) for v in vals)
        d = _date(raw_date, layout.date_format)
        if d is None:
            if empty:
                if str(raw_date).strip():
                    break  # a footer line
                continue
            hint = f" (layout date_format '{layout.date_format}')" if layout.date_format else ""
            raise InputFileError(f"'{raw_date}' in column {col_letter(dcol)} is not a date{hint}",
                                 file=fname, sheet=sheet, row=i + 1)
        lines.append(i + 1)
        dates.append(d)
        cells.append(vals)
    if not lines:
        raise InputFileError(f"no dated rows from row {start + 1}", file=fname, sheet=sheet)

    block = np.array(cells, dtype=object)
    values, present, bad = to_numbers(block, thousands=True)
    if bad.any():
        i, k = (int(x) for x in np.argwhere(bad)[0])
        c, j = cols[k]
        raise InputFileError(f"'{cells[i][k]}' in column {col_letter(j)} ('{c.key}') is not a number",
                             file=fname, sheet=sheet, row=lines[i], series_id=c.id)
    frames = []
    for k, (c, j) in enumerate(cols):
        keys = _keys(dates, c, lines, fname, sheet)
        have = np.flatnonzero(present[:, k])
        if not have.size:
            raise InputFileError(f"column {col_letter(j)} ('{c.key}') holds no values", file=fname, sheet=sheet,
                                 series_id=c.id)
        kidx = pd.Index([keys[i] for i in have])
        dup = find_duplicate(kidx)
        if dup is not None:
            a, b = (lines[int(have[x])] for x in dup.positions[:2])
            raise InputFileError(f"{dup.key} is given twice (rows {a} and {b})", file=fname, sheet=sheet, row=b,
                                 series_id=c.id)
        if c.freq in PERIOD_FREQS:
            lo, hi = min(kidx), max(kidx)
            covered = pd.PeriodIndex(sorted({x for x in keys if lo <= x <= hi}))
            gap = find_gap(covered)
            if gap is not None:
                missing = str(gap.first_missing) if gap.n_missing == 1 else f"{gap.first_missing}..{gap.last_missing}"
                before = lines[keys.index(gap.before)]
                raise InputFileError(f"the dates skip {missing} (after row {before})", file=fname, sheet=sheet,
                                     row=before, series_id=c.id)
        stamps = [keys[i].end_time.normalize() if c.freq in PERIOD_FREQS else keys[i].to_timestamp() for i in have]
        frames.append(pd.DataFrame({
            "series_id": c.id, "date": stamps, "value": values[have, k], "unit": c.unit, "freq": c.freq,
            "source": c.source or layout.source, "origin": f"{fname} [{c.key}]",
            "name_zh": c.name_zh or "", "name_en": c.name_en or "", "line": [lines[i] for i in have],
        }))
    return read_frame(pd.concat(frames, ignore_index=True), fname)


def _keys(dates: list[pd.Period], c: LayoutColumn, lines: list[int], fname: str, sheet: str | None) -> list[pd.Period]:
    """Each row's date as a key of the column's frequency (a period for M/Q/A, a day otherwise)."""
    if c.freq in PERIOD_FREQS:
        target = PERIOD_FREQS[c.freq]
        out = []
        for d, line in zip(dates, lines):
            if d.freqstr[0] not in "DMQY" or _coarser(d, target):
                raise InputFileError(f"the date {d} is coarser than the column's frequency {c.freq}",
                                     file=fname, sheet=sheet, row=line, series_id=c.id)
            out.append(d.asfreq(target))
        return out
    for d, line in zip(dates, lines):
        if d.freqstr[0] != "D":
            raise InputFileError(f"the date {d} is not a day, but the column's frequency is {c.freq}",
                                 file=fname, sheet=sheet, row=line, series_id=c.id)
    return list(dates)


_RANK = {"D": 0, "M": 1, "Q": 2, "Y": 3, "A": 3}


def _coarser(d: pd.Period, target: str) -> bool:
    return _RANK[d.freqstr[0]] > _RANK[target[0]]

