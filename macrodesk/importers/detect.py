"""Which importer reads a file, decided from the file's first bytes and rows, never from its name.

:func:`detect` returns one of the format names in :data:`FORMATS`:

* ``csv`` — a tidy long CSV (header with ``series_id``, ``date``, ``value``), plain or gzip;
* ``nbs`` — a download from the NBS data portal (data.stats.gov.cn, 国家数据), CSV or Excel:
  ``数据库：月度数据`` / ``时间：…`` lines, then a row ``指标, 2025年12月, …``;
* ``customs`` — a customs online-query CSV (header 商品编码 … 数据年月), when the customs
  importer is installed (:mod:`macrodesk.importers.customs`);
* ``edb`` — any other Excel workbook, read as an EDB export (Wind, Choice, iFinD) by
  :func:`~macrodesk.importers.read_wind`, which tells the vendors apart itself;
* ``wide`` — a generic wide table; never detected, chosen by giving a layout file.

Text files may be UTF-8 (with or without a BOM) or GBK/GB18030. Only the head of a file
is read to decide (:data:`HEAD_BYTES` bytes, or the first :data:`HEAD_ROWS` rows of an
Excel workbook's first sheet). A file that matches no format is an
:class:`~macrodesk.exceptions.InputFileError` naming it and listing the formats understood.
"""

from __future__ import annotations

import csv as _csv
import gzip
import importlib
import os
import re
from pathlib import Path
from types import ModuleType
from typing import Any

from macrodesk.exceptions import InputFileError

__all__ = [
    "read_file",
    "FORMATS", "HEAD_BYTES", "HEAD_ROWS", "MAX_UNPACKED_BYTES", "detect", "decode_text", "read_head",
    "customs_module", "check_workbook",
]

#: Format name → what it is (used in messages and in the CLI help).
FORMATS: dict[str, str] = {
    "csv": "tidy CSV (series_id,date,value,unit,…)",
    "nbs": "NBS data portal download (数据库：月度/季度/年度数据; CSV or xls)",
    "customs": "customs online-query CSV (商品编码 … 数据年月)",
    "edb": "EDB Excel export (Wind, Choice, iFinD)",
    "wide": "generic wide table (needs a layout file: --layout)",
}

HEAD_BYTES = 16384
HEAD_ROWS = 15

_XLSX_MAGIC = b"PK\x03\x04"
_XLS_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_GZIP_MAGIC = b"\x1f\x8b"

# A period heading of the NBS portal: 2025年12月, 2025年第四季度 / 2025年第4季度, 2025年.
_NBS_PERIOD = re.compile(r"^\s*\d{4}\s*年(\s*\d{1,2}\s*月|\s*第?\s*[一二三四1-4]\s*季度)?\s*$")


#: The most an .xlsx may unpack to (its parts' declared sizes added up).
MAX_UNPACKED_BYTES = 2 * 1024**3


def check_workbook(path: Path) -> str | None:
    """Why the workbook container at ``path`` is broken (an .xls OLE header or .xlsx zip directory that
    does not add up), or None. Checked before the Excel reader sees the file: a corrupt container can
    make it allocate without bound."""
    import struct
    import zipfile

    size = path.stat().st_size
    with open(path, "rb") as fh:
        head = fh.read(512)
    if head.startswith(_XLS_MAGIC):
        if len(head) < 512 or size < 1536:
            return "the .xls file is truncated (shorter than its header)"
        minor, major, order, shift, mini = struct.unpack_from("<HHHHH", head, 24)
        n_fat, first_dir = struct.unpack_from("<II", head, 44)
        if order != 0xFFFE or (major, shift) not in ((3, 9), (4, 12)) or mini != 6:
            return "the .xls file's OLE header is corrupt"
        n_sectors = (size - 512) // (1 << shift) + 1
        if not 0 < n_fat <= n_sectors or first_dir >= n_sectors:
            return "the .xls file's sector tables point outside the file (a corrupt or truncated file)"
        return None
    if head.startswith(_XLSX_MAGIC):
        try:
            with zipfile.ZipFile(path) as zf:
                total = sum(i.file_size for i in zf.infolist())
                names = set(zf.namelist())
        except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
            return f"not a readable .xlsx (its zip directory is broken: {exc})"
        if total > MAX_UNPACKED_BYTES:
            return f"the .xlsx would unpack to {total / 1024**3:.1f} GB (at most {MAX_UNPACKED_BYTES // 1024**3} GB)"
        if "[Content_Types].xml" not in names:
            return "a zip file, not an Excel workbook (no [Content_Types].xml)"
    return None


def customs_module() -> ModuleType | None:
    """The customs importer (``sniff(head)``, ``read_customs(path, mapping)``), or None if absent."""
    try:
        return importlib.import_module("macrodesk.importers.customs")
    except ModuleNotFoundError as exc:
        if exc.name not in ("macrodesk.importers.customs",):
            raise
        return None


def read_file(p: Path, fname: str) -> bytes:
    """The bytes of a data file; :class:`InputFileError` naming it when it is missing or unreadable."""
    try:
        return p.read_bytes()
    except FileNotFoundError:
        raise InputFileError("file not found", file=str(p)) from None
    except OSError as exc:
        raise InputFileError(f"cannot read the file: {exc.strerror or exc}", file=fname) from None


def decode_text(raw: bytes, fname: str, *, head: bool = False) -> str:
    """Bytes of a CSV as text: UTF-8 (BOM or not), else GBK/GB18030.

    With ``head=True`` the bytes may end inside a multi-byte character, which is dropped.
    UTF-16 text is an :class:`InputFileError` saying how to save the file instead.
    """
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputFileError(
            "the file is UTF-16 text; save it as CSV in UTF-8 or GBK", file=fname
        )
    for enc in ("utf-8-sig", "gb18030"):
        for cut in range(4 if head else 1):
            try:
                return raw[: len(raw) - cut].decode(enc)
            except UnicodeDecodeError:
                continue
    raise InputFileError("not text in UTF-8 or GBK/GB18030; save the file as CSV in UTF-8", file=fname)


def read_head(path: Path) -> tuple[str, Any]:
    """``("text", str)`` for a (possibly gzip) text file, ``("excel", rows)`` for a workbook."""
    fname = path.name
    try:
        with open(path, "rb") as fh:
            raw = fh.read(HEAD_BYTES)
    except FileNotFoundError:
        raise InputFileError("file not found", file=str(path)) from None
    except IsADirectoryError:
        raise InputFileError("is a folder, not a file", file=str(path)) from None
    except OSError as exc:
        raise InputFileError(f"cannot read the file: {exc.strerror or exc}", file=fname) from None
    if raw.startswith((_XLSX_MAGIC, _XLS_MAGIC)):
        return "excel", _excel_head(path)
    if raw.startswith(_GZIP_MAGIC):
        try:
            with gzip.open(path, "rb") as gz:
                raw = gz.read(HEAD_BYTES)
        except (OSError, EOFError) as exc:
            raise InputFileError(f"not a readable gzip file: {exc}", file=fname) from None
    return "text", decode_text(raw, fname, head=True)


def _excel_head(path: Path) -> list[list[Any]]:
    """The first rows of the workbook's first worksheet (empty if it cannot be opened: read_wind says why)."""
    from python_calamine import CalamineWorkbook

    if check_workbook(path) is not None:
        return []
    try:
        wb = CalamineWorkbook.from_path(str(path))
        try:
            names = [m.name for m in wb.sheets_metadata if str(m.typ).endswith("WorkSheet")]
            if not names:
                return []
            return [list(r) for r in wb.get_sheet_by_name(names[0]).to_python(nrows=HEAD_ROWS)]
        finally:
            wb.close()
    except (KeyboardInterrupt, SystemExit, GeneratorExit):
        raise
    except BaseException:  # calamine errors (and Rust panics) must not leak; the reader reports them
        return []


def _is_nbs(rows: list[list[Any]]) -> bool:
    """An NBS portal layout: a 数据库/时间 line, or a 指标 row followed by period headings."""
    for row in rows:
        cells = [str(c).strip() for c in row if c is not None and str(c).strip()]
        if not cells:
            continue
        first = cells[0].replace(":", "：")
        if first.startswith(("数据库：", "时间：")):
            return True
        if first == "指标" and len(cells) > 1 and all(_NBS_PERIOD.match(c) for c in cells[1:]):
            return True
    return False


def _is_tidy(first_line: list[str]) -> bool:
    cols = {c.strip().lower() for c in first_line}
    return {"series_id", "date", "value"} <= cols


def detect(path: str | os.PathLike[str]) -> str:
    """The format name (a key of :data:`FORMATS`) of the file at ``path``, read from its head."""
    p = Path(path)
    kind, head = read_head(p)
    if kind == "excel":
        return "nbs" if _is_nbs(head) else "edb"
    text: str = head
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if lines and len(text) >= HEAD_BYTES // 2:
        lines = lines[:-1]  # the last line of a cut head may be partial
    rows = [next(_csv.reader([ln]), []) for ln in lines[:HEAD_ROWS]]
    if rows and _is_tidy(rows[0]):
        return "csv"
    if _is_nbs(rows):
        return "nbs"
    customs = customs_module()
    if customs is not None and customs.sniff(text):
        return "customs"
    understood = "; ".join(f"{k}: {v}" for k, v in FORMATS.items() if k != "customs" or customs is not None)
    raise InputFileError(f"cannot tell what this file is; formats understood — {understood}", file=p.name)
