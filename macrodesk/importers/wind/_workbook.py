"""Open a Wind workbook with python-calamine and hand back each worksheet's cells."""

from __future__ import annotations

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
    return out


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
