"""Read EDB Excel exports (.xlsx and .xls) of Wind (万得), Choice (东方财富) and iFinD (同花顺) into :class:`MacroSeries`.

The vendor is told from the file (:func:`detect_vendor`) and picks the shipped code table
(:mod:`macrodesk.importers.codes`) that maps its 指标ID to macrodesk ids, under the user's mapping.

Layout understood (one block per sheet, one column per series)::

    <optional title / blank rows / the Wind plug-in's formula in A1 (cached value 0)>
    指标名称 | CPI:当月同比 | PPI:全部工业品:当月同比 | ...
    频率     | 月           | 月                      | ...
    单位     | %            | %                       | ...
    指标ID   | M0000612     | ...                     | ...
    来源     | 国家统计局   | ...                     | ...   (Choice: 发布方)
    <label rows in any order; other label rows are tolerated: 时间区间, 更新时间, 数据来源, 国家, 状态 ...>
    2025-07-31 | 0.0 | -3.6 | ...
    ...
    <optional footer lines: "数据来源：Wind", "来源：Wind", "注：..." — reading stops there>

Rules (see :func:`read_wind` for the details):

* The first column holds the labels and then the dates. A date is an Excel
  date cell, an Excel date serial number, or text such as ``2025-12-31``,
  ``2025/12/31``, ``2025-12`` (read as the month-end) or ``2025年12月``.
  Rows may be in ascending or descending order.
* The series id is the 指标ID unless the mapping file maps it (by 指标ID, or by
  指标名称 for a column without 指标ID).
* Units are read from 单位 together with 指标名称 (``%`` with 同比 in the name is
  ``pct_yoy`` …); see :func:`interpret_unit`. A mapping file's ``unit`` wins.
* Frequency comes from the 频率 row. Without one (or for a blank 频率 cell) it is
  inferred from the sheet's date column: all year-ends → A, all quarter-ends → Q,
  all month-ends → M, dates on the 10th/20th/month-end → X (旬), gaps of about a
  week → W, otherwise D.
* Monthly, quarterly and annual observations must sit on month-, quarter- and
  year-end rows.
* Mixed-frequency ("merged") exports: Wind puts series of different
  frequencies on one date column and fills the days a series has no
  observation with 0. A sheet is treated as merged when its columns have more
  than one frequency, or when its date column has rows off the grid of one of
  its monthly/quarterly/annual columns. In a merged sheet

  - a monthly (quarterly, annual) column is read on its month-end (quarter-end,
    year-end) rows only; a 0 there is a genuine value (CPI YoY was 0.0 in
    2023-06), a 0 on any other row is a filler and dropped, and any other value
    on another row is a :class:`FrequencyError`;
  - zeros in daily, weekly and 10-day columns are fillers and are dropped
    (a genuine 0.0 in such a column cannot be told apart from a filler).

  In a single-frequency sheet every number, 0 included, is a value.
* Blank cells are missing values.
"""

from __future__ import annotations

import os
from pathlib import Path

from macrodesk.exceptions import InputFileError
from macrodesk.importers.codes import for_vendor
from macrodesk.importers.mapping import Mapping, load_mapping
from macrodesk.importers.wind._sheet import read_sheet
from macrodesk.importers.wind._vendor import VENDORS, detect_vendor
from macrodesk.importers.wind._workbook import read_workbook, to_array
from macrodesk.importers.wind._words import WIND_FREQS, WIND_UNITS, interpret_unit
from macrodesk.series._container import MacroSeries

__all__ = ["read_wind", "interpret_unit", "detect_vendor", "VENDORS", "WIND_UNITS", "WIND_FREQS"]


def read_wind(
    path: str | os.PathLike[str],
    mapping: Mapping | str | os.PathLike[str] | None = None,
) -> list[MacroSeries]:
    """Read every sheet of a Wind EDB Excel export (.xlsx or .xls) into series.

    ``mapping`` is a :class:`~macrodesk.importers.mapping.Mapping` or the path of a
    mapping file; it renames series and overrides units and labels.

    Returns the series sheet by sheet, left to right. Each has ``origin``
    ``"<file name>:<sheet>"``. Completely empty sheets are skipped; a workbook
    without any data is an error. A column with a header but no values is skipped
    with a :class:`~macrodesk.exceptions.MacrodeskWarning`.

    Frequency: from the 频率 row (日 D, 周 W, 旬 X, 月 M, 季 Q, 年 A; 半年 is not
    supported). When a sheet has no 频率 row, or a column's 频率 cell is blank,
    the frequency is inferred from the sheet's date column (all year-ends → A,
    all quarter-ends → Q, all month-ends → M, 10th/20th/month-end → X, about a
    week apart → W, otherwise D). A merged mixed-frequency export therefore needs
    its 频率 row: without it every column is read as daily.

    Zeros: in a mixed-frequency (merged) sheet, a monthly/quarterly/annual column
    keeps its values on month-/quarter-/year-end rows — 0.0 included — and drops
    zeros elsewhere (Wind's filler); zeros in daily, weekly and 10-day columns
    are fillers and dropped. In a single-frequency sheet zeros are values.

    Raises :class:`InputFileError` (file, sheet, 1-based row, series) for an
    unreadable or empty workbook, a non-date row in the data block, duplicate
    dates, text in a number column, a monthly (quarterly, annual) sheet that
    skips a period, a column without 指标ID or mapping, two columns with the
    same series id, an unknown or unsupported 频率; :class:`UnitError` for an
    unrecognised 单位; :class:`FrequencyError` for a value off its frequency's
    grid.
    """
    p = Path(path).expanduser()
    fname = p.name
    if mapping is not None and not isinstance(mapping, Mapping):
        mapping = load_mapping(mapping)
    arrays = [(sheet, arr, start) for sheet, rows, start in read_workbook(p, fname) if (arr := to_array(rows)) is not None]
    codes = for_vendor(detect_vendor(arr for _, arr, _ in arrays), mapping)

    out: list[MacroSeries] = []
    seen: dict[str, tuple[str, str]] = {}  # series id -> (sheet, column letter)
    any_data = False
    for sheet, arr, start in arrays:
        any_data = True
        for ms, col in read_sheet(fname, sheet, arr, start, codes):
            if ms.id in seen:
                other_sheet, other_col = seen[ms.id]
                both = (
                    f"columns {other_col} and {col}"
                    if other_sheet == sheet
                    else f"column {other_col} of sheet '{other_sheet}' and column {col} of this sheet"
                )
                raise InputFileError(
                    f"{both} both give series id '{ms.id}'; "
                    "give one of them another id in a mapping file",
                    file=fname,
                    sheet=sheet,
                    series_id=ms.id,
                )
            seen[ms.id] = (sheet, col)
            out.append(ms)
    if not any_data:
        raise InputFileError("the workbook is empty: no sheet has any data", file=fname)
    return out
