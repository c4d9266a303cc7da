"""Helpers that write small Wind-EDB-style workbooks (.xlsx with openpyxl, .xls with xlwt)."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import pytest

Cell = Any  # None = leave the cell empty
Rows = list[list[Cell]]


@dataclass
class WindCol:
    """One series column of a Wind export: the header cells and the values (None = blank)."""

    name: str | None
    freq: str | None
    unit: str | None
    id: str | None
    values: list[Cell] = field(default_factory=list)
    source: str | None = "国家统计局"


def month_ends(start: str, n: int) -> list[dt.date]:
    """``n`` month-end dates from ``start`` ('YYYY-MM')."""
    y, m = (int(x) for x in start.split("-"))
    out = []
    for _ in range(n):
        out.append(dt.date(y, m, calendar.monthrange(y, m)[1]))
        m += 1
        if m == 13:
            y, m = y + 1, 1
    return out


def wind_rows(
    cols: list[WindCol],
    dates: list[Cell],
    *,
    title: str | None = None,
    labels: tuple[str, ...] = ("指标名称", "频率", "单位", "指标ID", "来源"),
    extra_header: list[list[Cell]] | None = None,
    blank_before_data: bool = False,
    footer: tuple[str, ...] = ("数据来源：Wind",),
) -> Rows:
    """The rows of a Wind EDB export sheet (labels in column A, one column per series)."""
    rows: Rows = []
    if title is not None:
        rows.append([title])
        rows.append([])
    attr = {"指标名称": "name", "频率": "freq", "单位": "unit", "指标ID": "id", "来源": "source"}
    for label in labels:
        rows.append([label] + [getattr(c, attr[label]) for c in cols])
    for extra in extra_header or []:
        rows.append(list(extra))
    if blank_before_data:
        rows.append([])
    for i, d in enumerate(dates):
        rows.append([d] + [c.values[i] if i < len(c.values) else None for c in cols])
    for f in footer:
        rows.append([f])
    return rows


def write_workbook(path: Path, sheets: dict[str, Rows]) -> Path:
    """Write ``sheets`` (name -> rows) to ``path``; .xlsx via openpyxl, .xls via xlwt."""
    if path.suffix == ".xls":
        import xlwt

        wb = xlwt.Workbook(encoding="utf-8")
        date_style = xlwt.easyxf(num_format_str="yyyy-mm-dd")
        for name, rows in sheets.items():
            ws = wb.add_sheet(name)
            for i, row in enumerate(rows):
                for j, v in enumerate(row):
                    if v is None:
                        continue
                    if isinstance(v, dt.date):
                        ws.write(i, j, v, date_style)
                    else:
                        ws.write(i, j, v)
        wb.save(str(path))
    else:
        import openpyxl

        wb = openpyxl.Workbook()
        wb.remove(wb.active)
        for name, rows in sheets.items():
            ws = wb.create_sheet(name)
            for i, row in enumerate(rows, start=1):
                for j, v in enumerate(row, start=1):
                    if v is None:
                        continue
                    cell = ws.cell(row=i, column=j, value=v)
                    if isinstance(v, dt.date):
                        cell.number_format = "yyyy-mm-dd"
        wb.save(str(path))
    return path


@pytest.fixture
def make_workbook(tmp_path: Path) -> Callable[..., Path]:
    """``make_workbook("cpi.xlsx", rows)`` or ``make_workbook("cpi.xls", {"Sheet1": rows, ...})``."""

    def make(filename: str, sheets: Rows | dict[str, Rows]) -> Path:
        if not isinstance(sheets, dict):
            sheets = {"Sheet1": sheets}
        return write_workbook(tmp_path / filename, sheets)

    return make


@pytest.fixture
def write_mapping(tmp_path: Path) -> Callable[[str, str], Path]:
    def write(text: str, filename: str = "mapping.toml") -> Path:
        p = tmp_path / filename
        p.write_text(text, encoding="utf-8")
        return p

    return write
