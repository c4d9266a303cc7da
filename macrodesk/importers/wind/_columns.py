"""The header of a Wind sheet: where the label rows are, and what each column says about its series."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TypeVar

import numpy as np

from macrodesk.exceptions import InputFileError, UnitError
from macrodesk.importers.mapping import Mapping, MappingEntry, quote_key
from macrodesk.importers.wind._cells import TEXT, col_letter, text
from macrodesk.importers.wind._words import LABELS, UNSUPPORTED_FREQS, WIND_FREQS, interpret_unit, norm_label
from macrodesk.series import units as _units

__all__ = ["Column", "Where", "data_bounds", "label_rows", "read_columns", "read_units"]

E = TypeVar("E", bound=Exception)

_FOOTER_RE = re.compile(r"^(数据来源|资料来源|来源|备注|注|说明|source|wind)", re.IGNORECASE)


@dataclass(frozen=True)
class Where:
    """Where a sheet is, to turn array positions into the rows and letters a user sees."""

    file: str
    sheet: str
    r0: int  # sheet row of the array's first row (0-based)
    c0: int  # sheet column of the array's first column (0-based)

    def row(self, i: int) -> int:
        """The 1-based sheet row of array row ``i``."""
        return self.r0 + i + 1

    def letter(self, j: int) -> str:
        """The sheet column letter of array column ``j``."""
        return col_letter(self.c0 + j)

    def err(self, msg: str, i: int | None = None, sid: str | None = None) -> InputFileError:
        return InputFileError(msg, file=self.file, sheet=self.sheet, row=None if i is None else self.row(i), series_id=sid)

    def locate(self, e: E, row: int | None, sid: str | None) -> E:
        """``e`` with the location attributes an InputFileError has (file, sheet, 1-based row, series)."""
        e.file, e.sheet, e.row, e.series_id = self.file, self.sheet, row, sid  # type: ignore[attr-defined]
        return e


@dataclass
class Column:
    """One series column: its position, id, and what the header says."""

    k: int  # index into the value block (array column = k + 1)
    letter: str
    id: str
    key: str  # the Wind key shown in messages (指标ID or 指标名称)
    name: str
    unit_text: str
    freq: str | None
    source: str
    entry: MappingEntry | None


def data_bounds(
    w: Where, arr: np.ndarray, kinds: np.ndarray, is_date_like: np.ndarray, start: int = 0
) -> tuple[int, int]:
    """First data row (the first date-like first cell at or below ``start``) and the end of the data.

    ``start`` is the row after the last label row: anything above it (a title, a formula Wind's
    plug-in leaves in cell A1 with its cached value 0, blank filler rows) is not data. The data
    ends at a footer line or at the last row.
    """
    below = is_date_like.copy()
    below[:start] = False
    if not below.any():
        raise w.err(
            "no data rows: expected rows whose first cell "
            f"(column {w.letter(0)}) is a date below the 指标名称/指标ID rows"
        )
    ds = int(np.argmax(below))
    for i in range(ds, arr.shape[0]):
        if kinds[i] == TEXT and _FOOTER_RE.match(str(arr[i, 0]).strip()):
            return ds, i
    return ds, arr.shape[0]


def label_rows(arr: np.ndarray, kinds: np.ndarray, until: int | None = None) -> dict[str, int]:
    """Field → array row of the first label row naming it (指标名称 → 'name', 频率 → 'freq', …).

    Label rows may come in any order; they are looked for above row ``until`` (the first dated row).
    """
    rows: dict[str, int] = {}
    for i in range(arr.shape[0] if until is None else until):
        if kinds[i] == TEXT:
            field = LABELS.get(norm_label(arr[i, 0]))
            if field is not None and field not in rows:
                rows[field] = i
    return rows


def read_columns(
    w: Where, arr: np.ndarray, labels: dict[str, int], has_data: np.ndarray, mapping: Mapping | None
) -> list[Column]:
    """The series columns, left to right; empty spacer columns are skipped."""
    header = {f: arr[i, 1:] for f, i in labels.items()}

    def cell(field: str, k: int) -> str:
        return text(header[field][k]) if field in header else ""

    cols: list[Column] = []
    for k in range(arr.shape[1] - 1):
        name, wid = cell("name", k), cell("id", k)
        if not (name or wid or has_data[k]):
            continue  # an empty spacer column
        letter = w.letter(k + 1)
        entry = _entry(mapping, wid, name)
        sid = entry.id if entry is not None else wid or _no_id(w, letter, name, labels, mapping)
        freq = _freq(w, letter, cell("freq", k), labels, sid)
        source = cell("source", k) or cell("source2", k)
        cols.append(Column(k, letter, sid, wid or name, name, cell("unit", k), freq, source, entry))
    return cols


def _entry(mapping: Mapping | None, wid: str, name: str) -> MappingEntry | None:
    if mapping is None:
        return None
    entry = mapping.lookup(wid) if wid else None
    return entry if entry is not None or not name else mapping.lookup(name)


def _no_id(w: Where, letter: str, name: str, labels: dict[str, int], mapping: Mapping | None) -> str:
    """Raise for a column that has neither a 指标ID nor a mapping entry."""
    i_hdr = labels.get("id", labels.get("name"))
    if name:
        hint = "the mapping file has no entry for its name" if mapping is not None and mapping.path else "no mapping file was given"
        raise w.err(
            f"column {letter} ('{name}') has no 指标ID and {hint}; add "
            f"[series.\"{name}\"] with id = \"...\" to a mapping file",
            i_hdr,
        )
    raise w.err(
        f"column {letter} has values but no 指标ID and no 指标名称; "
        "re-export with the 指标ID row or delete the column",
        i_hdr,
    )


def _freq(w: Where, letter: str, freq_text: str, labels: dict[str, int], sid: str) -> str | None:
    """The frequency code of a 频率 cell (``None`` when blank)."""
    if not freq_text:
        return None
    ft = freq_text.lower()
    if ft in WIND_FREQS:
        return WIND_FREQS[ft]
    if ft in UNSUPPORTED_FREQS:
        raise w.err(
            f"column {letter}: 频率 '{freq_text}' (semi-annual) is not supported; "
            "macrodesk reads 日, 周, 旬, 月, 季 and 年 series — remove the column",
            labels["freq"],
            sid,
        )
    raise w.err(
        f"column {letter}: unknown 频率 '{freq_text}'; expected one of 日, 周, 旬, 月, 季, 年",
        labels["freq"],
        sid,
    )


def read_units(w: Where, cols: list[Column], labels: dict[str, int]) -> dict[int, str]:
    """Column position → unit code: the mapping's unit, else the 单位 read with the name."""
    units: dict[int, str] = {}
    for c in cols:
        if c.entry is not None and c.entry.unit:
            units[c.k] = c.entry.unit
            continue
        code = interpret_unit(c.unit_text, c.name, c.freq)
        if code is None:
            raise _unit_error(w, c, labels)
        units[c.k] = code
    return units


def _unit_error(w: Where, c: Column, labels: dict[str, int]) -> UnitError:
    what = f"unknown unit '{c.unit_text}'" if c.unit_text else "no 单位 (unit)"
    e = UnitError(
        f"file '{w.file}', sheet '{w.sheet}', column {c.letter}, series '{c.id}'"
        + (f" ({c.name})" if c.name and c.name != c.id else "")
        + f": {what}; set `unit` for it in a mapping file, e.g. [series.{quote_key(c.key)}] "
        f"id = \"{c.id}\" unit = \"<code>\" (known units: {', '.join(sorted(_units.UNITS))})"
    )
    return w.locate(e, w.row(labels["unit"]) if "unit" in labels else None, c.id)
