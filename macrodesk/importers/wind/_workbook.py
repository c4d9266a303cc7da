"""Open a Wind workbook with python-calamine and hand back each worksheet's cells.

Excel error cells (``#DIV/0!``, ``#N/A`` …) and formulas saved without a computed value reach
calamine's Python side as blanks, which would make a broken cell look like a missing value. For an
.xlsx, :func:`_xlsx_broken_cells` finds them in the sheet XML and they are handed on as their text
(``#DIV/0!``, ``=1/0``), so the readers reject them as "not a number" like any other text cell.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from macrodesk.exceptions import InputFileError

__all__ = ["Sheet", "read_workbook", "to_array"]

#: A worksheet: its name, its rows of cells, and the (row, column) of its first cell.
Sheet = tuple[str, list[list[Any]], tuple[int, int]]


def read_workbook(p: Path, fname: str) -> list[Sheet]:
    """Every worksheet of the workbook at ``p``; :class:`InputFileError` if it cannot be read."""
    if not p.exists():
        raise InputFileError("file not found", file=fname)
    if p.is_dir():
        raise InputFileError("is a directory, not an Excel workbook", file=fname)
    from python_calamine import CalamineWorkbook

    from macrodesk.importers.detect import check_workbook

    broken = check_workbook(p)
    if broken is not None:
        raise InputFileError(broken, file=fname)
    try:
        wb = CalamineWorkbook.from_path(str(p))
    except (KeyboardInterrupt, SystemExit, GeneratorExit):
        raise
    except BaseException as exc:  # calamine errors (and Rust panics) must not leak
        raise InputFileError(
            f"not a readable Excel workbook (.xlsx or .xls): {_short(exc)}", file=fname
        ) from None
    out: list[Sheet] = []
    try:
        try:
            names = [m.name for m in wb.sheets_metadata if str(m.typ).endswith("WorkSheet")]
        except Exception:  # pragma: no cover - older calamine without metadata
            names = list(wb.sheet_names)
        for name in names:
            try:
                sh = wb.get_sheet_by_name(name)
                rows = sh.to_python()
                start = sh.start or (0, 0)
            except (KeyboardInterrupt, SystemExit, GeneratorExit):
                raise
            except BaseException as exc:
                raise InputFileError(f"cannot read the sheet: {_short(exc)}", file=fname, sheet=name) from None
            out.append((name, rows, (int(start[0]), int(start[1]))))
    finally:
        try:
            wb.close()
        except Exception:  # pragma: no cover - closing is best effort
            pass
    if out and _is_zip(p):
        marked = _xlsx_broken_cells(p, fname)
        for name, rows, start in out:
            for (r, c), shown in marked.get(name, {}).items():
                _put(rows, r - start[0], c - start[1], shown)
    return out


def _is_zip(p: Path) -> bool:
    with open(p, "rb") as fh:
        return fh.read(4) == b"PK\x03\x04"


def _put(rows: list[list[Any]], i: int, j: int, value: str) -> None:
    """Cell (i, j) of the used area set to ``value`` (the area grown if the cell lies outside it)."""
    if i < 0 or j < 0:  # before the used area's first cell: calamine never left it out
        return
    while len(rows) <= i:
        rows.append([])
    row = rows[i]
    if len(row) <= j:
        row.extend([""] * (j + 1 - len(row)))
    row[j] = value


_NS_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_NS_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_NS_PKG = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_REF = re.compile(r"([A-Z]{1,3})(\d{1,7})$")


def _xlsx_broken_cells(p: Path, fname: str) -> dict[str, dict[tuple[int, int], str]]:
    """Per sheet name, the (0-based row, column) of each error cell (its text, e.g. ``#N/A``) and of each formula
    saved without a value (``=`` and the formula). A sheet part without either is only scanned, not parsed."""
    import zipfile
    import xml.etree.ElementTree as ET

    out: dict[str, dict[tuple[int, int], str]] = {}
    try:
        with zipfile.ZipFile(p) as zf:
            parts = _sheet_parts(zf)
            for sheet, part in parts.items():
                if part not in zf.namelist() or not _has_marks(zf, part):
                    continue
                found: dict[tuple[int, int], str] = {}
                row_i, col_j = -1, -1
                with zf.open(part) as fh:
                    for _, el in ET.iterparse(fh, events=("end",)):
                        tag = el.tag
                        if tag == _NS_MAIN + "row":
                            el.clear()
                            continue
                        if tag != _NS_MAIN + "c":
                            continue
                        ref = _REF.match(el.get("r") or "")
                        if ref:
                            row_i, col_j = int(ref.group(2)) - 1, _col_index(ref.group(1))
                        else:
                            col_j += 1
                        shown = _broken(el)
                        if shown is not None:
                            found[(row_i, col_j)] = shown
                        el.clear()
                if found:
                    out[sheet] = found
    except (zipfile.BadZipFile, KeyError, OSError, EOFError, ET.ParseError, ValueError) as exc:
        raise InputFileError(f"not a readable Excel workbook (.xlsx): {_short(exc)}", file=fname) from None
    return out


def _broken(c: Any) -> str | None:
    """The text an error cell or a formula without a saved value stands for, or None for any other cell."""
    v = c.find(_NS_MAIN + "v")
    value = (v.text or "").strip() if v is not None else ""
    if c.get("t") == "e":
        return value or "#ERROR"
    f = c.find(_NS_MAIN + "f")
    if f is not None and not value and c.get("t") not in ("str", "inlineStr", "s"):
        return "=" + (f.text or "…")
    return None


def _has_marks(zf: Any, part: str) -> bool:
    """Whether the sheet part holds an error cell or a formula at all (a streaming byte scan)."""
    tail = b""
    with zf.open(part) as fh:
        while chunk := fh.read(1 << 20):
            block = tail + chunk
            if b't="e"' in block or b"<f" in block or b":f" in block:
                return True
            tail = block[-8:]
    return False


def _sheet_parts(zf: Any) -> dict[str, str]:
    """Sheet name -> the zip path of its XML part, from xl/workbook.xml and its relationships."""
    import posixpath
    import xml.etree.ElementTree as ET

    book = ET.fromstring(zf.read("xl/workbook.xml"))
    rels = ET.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
    target = {r.get("Id"): r.get("Target") or "" for r in rels.iter(_NS_PKG + "Relationship")}
    out: dict[str, str] = {}
    for sh in book.iter(_NS_MAIN + "sheet"):
        t = target.get(sh.get(_NS_REL + "id"), "")
        if t:
            out[sh.get("name") or ""] = t.lstrip("/") if t.startswith("/") else posixpath.normpath("xl/" + t)
    return out


def _col_index(letters: str) -> int:
    j = 0
    for ch in letters:
        j = j * 26 + ord(ch) - 64
    return j - 1


def _short(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text if len(text) <= 200 else text[:200] + "…"


def to_array(rows: list[list[Any]]) -> np.ndarray | None:
    """The used area as a 2-D object array, or None if the sheet has no cells."""
    if not rows:
        return None
    width = max(len(r) for r in rows)
    if width == 0:
        return None
    if any(len(r) != width for r in rows):
        rows = [list(r) + [""] * (width - len(r)) for r in rows]
    arr = np.empty((len(rows), width), dtype=object)
    arr[:, :] = rows
    filled = ~((arr == "") | pd.isna(arr))
    if not filled.any():
        return None
    return arr
