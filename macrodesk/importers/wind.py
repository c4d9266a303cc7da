"""Read Wind EDB (万得经济数据库) Excel exports (.xlsx and .xls) into :class:`MacroSeries`.

Layout understood (one block per sheet, one column per series)::

    <optional title / blank rows>
    指标名称 | CPI:当月同比 | PPI:全部工业品:当月同比 | ...
    频率     | 月           | 月                      | ...
    单位     | %            | %                       | ...
    指标ID   | M0000612     | ...                     | ...
    来源     | 国家统计局   | ...                     | ...
    <other label rows are tolerated: 时间区间, 更新时间, 数据来源, 国家, 状态 ...>
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

import calendar
import datetime as _dt
import math
import os
import re
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from macrodesk._typing import FREQ_NAMES, PERIOD_FREQS
from macrodesk.exceptions import (
    FrequencyError,
    InputFileError,
    MacrodeskWarning,
    UnitError,
)
from macrodesk.importers.mapping import Mapping, MappingEntry, load_mapping
from macrodesk.series._container import MacroSeries, SeriesMeta
from macrodesk.series import units as _units

__all__ = ["read_wind", "interpret_unit", "WIND_UNITS", "WIND_FREQS"]

# --------------------------------------------------------------------------
# tables

#: Wind 单位 text → unit code, for units that do not depend on the series name.
WIND_UNITS: dict[str, str] = {
    # money
    "亿元": "cny_100m",
    "万元": "cny_10k",
    "十亿元": "cny_bn",
    "亿美元": "usd_100m",
    "万美元": "usd_10k",
    "千美元": "usd_thousand",
    "百万美元": "usd_mn",
    "十亿美元": "usd_bn",
    "十亿日元": "jpy_bn",
    # prices
    "美元/桶": "usd_per_bbl",
    "美元/吨": "usd_per_t",
    "美元/盎司": "usd_per_oz",
    "美元/金衡盎司": "usd_per_troy_oz",
    "美元/千克": "usd_per_kg",
    "美元/公斤": "usd_per_kg",
    "美元/百万英热": "usd_per_mmbtu",
    "美元/百万英热单位": "usd_per_mmbtu",
    "美元/干吨度": "usd_per_dmtu",
    "美元/立方米": "usd_per_m3",
    "美分/张": "usc_per_sheet",
    "元/吨": "cny_per_t",
    "元/公斤": "cny_per_kg",
    "元/千克": "cny_per_kg",
    "元/美元": "cny_per_usd",
    # indices
    "点": "index",
    "指数": "index",
    "上年同月=100": "index_prev_year_100",
    "上年同期=100": "index_prev_year_100",
    "上年=100": "index_prev_year_100",
    "上月=100": "index_prev_month_100",
    "2010年=100": "index_2010_100",
    "2005年12月=100": "index_2005m12_100",
    # quantities
    "万头": "10k_head",
    "万吨": "10k_t",
    "吨": "t",
    "个": "units",
    "万个": "10k_units",
    "天": "days",
    "百分点": "pp_change",
}

#: Wind 频率 text → frequency code.
WIND_FREQS: dict[str, str] = {
    "日": "D", "日度": "D", "daily": "D",
    "周": "W", "周度": "W", "weekly": "W",
    "旬": "X", "旬度": "X",
    "月": "M", "月度": "M", "monthly": "M",
    "季": "Q", "季度": "Q", "quarterly": "Q",
    "年": "A", "年度": "A", "annual": "A", "yearly": "A",
}
_UNSUPPORTED_FREQS = {"半年", "半年度", "semi-annual", "semiannual"}

# header label (normalised) → field
_LABELS: dict[str, str] = {
    "指标名称": "name",
    "频率": "freq",
    "单位": "unit",
    "指标id": "id",
    "来源": "source",
    "数据来源": "source2",
    "indicatorname": "name",
    "frequency": "freq",
    "unit": "unit",
    "indicatorid": "id",
    "source": "source",
}
_LABEL_ZH = {"name": "指标名称", "freq": "频率", "unit": "单位", "id": "指标ID", "source": "来源", "source2": "数据来源"}

_FOOTER_RE = re.compile(r"^(数据来源|资料来源|来源|备注|注|说明|source|wind)", re.IGNORECASE)
_DATE_RE = re.compile(
    r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*(?:[-/.月]\s*(?:(\d{1,2})\s*日?)?)?"
    r"(?:[ T]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$"
)
_QUARTER_RE = re.compile(r"^(\d{4})\s*[Qq]\s*([1-4])$")

_EXCEL_EPOCH = np.datetime64("1899-12-30", "D")
_MAX_SERIAL = 2958465  # 9999-12-31

_BLANK, _DATE, _BADDATE, _TEXT = 0, 1, 2, 3

_PERIOD_NAMES = {"M": ("month", "month-end"), "Q": ("quarter", "quarter-end"), "A": ("year", "year-end")}


# --------------------------------------------------------------------------
# public API


def interpret_unit(unit_text: str, name: str = "", freq: str | None = None) -> str | None:
    """The unit code for a Wind 单位 cell read with the series name, or ``None`` if unknown.

    ``%`` depends on the name: PMI → ``index_50``; 累计同比 → ``pct_yoy_ytd``;
    同比 (当月同比) → ``pct_yoy``; 环比 → ``pct_mom`` (``pct_qoq`` for a quarterly
    series); otherwise ``pct``. Other units are looked up in :data:`WIND_UNITS`
    (亿元 → ``cny_100m``, 上年同月=100 → ``index_prev_year_100`` …). A unit code
    itself (``pct_yoy``) is accepted too.
    """
    u = _norm_unit(unit_text)
    if not u:
        return None
    if u in ("%", "percent", "百分比"):
        n = name or ""
        if "PMI" in n.upper():
            return "index_50"
        if "累计同比" in n:
            return "pct_yoy_ytd"
        if "同比" in n:
            return "pct_yoy"
        if "环比" in n:
            return "pct_qoq" if freq == "Q" else "pct_mom"
        return "pct"
    if u in WIND_UNITS:
        return WIND_UNITS[u]
    if u in _units.UNITS:
        return u
    return None


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
    sheets = _read_workbook(p, fname)

    out: list[MacroSeries] = []
    seen: dict[str, tuple[str, str]] = {}  # series id -> (sheet, column letter)
    any_data = False
    for sheet, rows, start in sheets:
        arr = _to_array(rows)
        if arr is None:
            continue
        any_data = True
        for ms, col in _read_sheet(fname, sheet, arr, start, mapping):
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


# --------------------------------------------------------------------------
# workbook


def _read_workbook(p: Path, fname: str) -> list[tuple[str, list[list[Any]], tuple[int, int]]]:
    if not p.exists():
        raise InputFileError("file not found", file=fname)
    if p.is_dir():
        raise InputFileError("is a directory, not an Excel workbook", file=fname)
    from python_calamine import CalamineWorkbook

    try:
        wb = CalamineWorkbook.from_path(str(p))
    except (KeyboardInterrupt, SystemExit, GeneratorExit):
        raise
    except BaseException as exc:  # calamine errors (and Rust panics) must not leak
        raise InputFileError(
            f"not a readable Excel workbook (.xlsx or .xls): {_short(exc)}", file=fname
        ) from None
    out = []
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


def _to_array(rows: list[list[Any]]) -> np.ndarray | None:
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


# --------------------------------------------------------------------------
# one sheet


@dataclass
class _Col:
    k: int  # index into the value block (sheet column = k + 1)
    letter: str
    id: str
    key: str  # the Wind key shown in messages (指标ID or 指标名称)
    name: str
    unit_text: str
    freq: str | None
    source: str
    entry: MappingEntry | None


def _read_sheet(
    fname: str,
    sheet: str,
    arr: np.ndarray,
    start: tuple[int, int],
    mapping: Mapping | None,
) -> list[tuple[MacroSeries, str]]:
    r0, c0 = start
    nrows, ncols = arr.shape

    def rownum(i: int) -> int:
        return r0 + i + 1

    def letter(j: int) -> str:
        return _col_letter(c0 + j)

    def err(msg: str, i: int | None = None, sid: str | None = None) -> InputFileError:
        return InputFileError(msg, file=fname, sheet=sheet, row=None if i is None else rownum(i), series_id=sid)

    # ---- first column: labels, then dates, then footer
    kinds, dates = _classify_first_column(arr[:, 0])
    is_date_like = (kinds == _DATE) | (kinds == _BADDATE)
    if not is_date_like.any():
        raise err(
            "no data rows: expected rows whose first cell "
            f"(column {letter(0)}) is a date below the 指标名称/指标ID rows"
        )
    ds = int(np.argmax(is_date_like))
    end = nrows
    for i in range(ds, nrows):
        if kinds[i] == _TEXT and _FOOTER_RE.match(str(arr[i, 0]).strip()):
            end = i
            break

    # ---- header
    label_rows: dict[str, int] = {}
    for i in range(ds):
        if kinds[i] == _TEXT:
            field = _LABELS.get(_norm_label(arr[i, 0]))
            if field is not None and field not in label_rows:
                label_rows[field] = i

    # ---- values (vectorised); checked before the dates so blank-date rows can be judged
    block = arr[ds:end, 1:]
    vals, nonblank, bad = _to_numbers(block)
    row_has_values = nonblank.any(axis=1) | bad.any(axis=1)

    # ---- the date column of the data block
    for i in range(ds, end):
        kd = kinds[i]
        if kd == _DATE:
            continue
        if kd == _BLANK:
            if row_has_values[i - ds]:
                raise err(f"the row has values but no date in column {letter(0)}", i)
            continue
        raise err(f"{_show(arr[i, 0])} is not a date", i)
    keep_rows = kinds[ds:end] == _DATE
    data_idx = np.flatnonzero(keep_rows) + ds  # sheet-array row index of each data row
    block, vals, nonblank, bad = block[keep_rows], vals[keep_rows], nonblank[keep_rows], bad[keep_rows]
    dts = dates[data_idx]  # datetime64[D]
    ndata = len(data_idx)
    if ndata == 0:  # pragma: no cover - ds is a date row, so there is one
        raise err("no data rows")

    dup = pd.Index(dts).duplicated()
    if dup.any():
        k = int(np.argmax(dup))
        first = int(np.argmax(dts == dts[k]))
        raise err(
            f"duplicate date {_iso(dts[k])} (also in row {rownum(int(data_idx[first]))})",
            int(data_idx[k]),
        )

    # ---- columns
    header = {f: arr[i, 1:] for f, i in label_rows.items()}
    col_has_data = nonblank.any(axis=0) | bad.any(axis=0)
    cols: list[_Col] = []
    for k in range(ncols - 1):
        name = _text(header["name"][k]) if "name" in header else ""
        wid = _text(header["id"][k]) if "id" in header else ""
        if not (name or wid or col_has_data[k]):
            continue  # an empty spacer column
        L = letter(k + 1)
        entry = None
        if mapping is not None:
            entry = mapping.lookup(wid) if wid else None
            if entry is None and name:
                entry = mapping.lookup(name)
        if entry is not None:
            sid = entry.id
        elif wid:
            sid = wid
        else:
            i_hdr = label_rows.get("id", label_rows.get("name"))
            if name:
                hint = (
                    "the mapping file has no entry for its name"
                    if mapping is not None
                    else "no mapping file was given"
                )
                raise err(
                    f"column {L} ('{name}') has no 指标ID and {hint}; add "
                    f"[series.\"{name}\"] with id = \"...\" to a mapping file",
                    i_hdr,
                )
            raise err(
                f"column {L} has values but no 指标ID and no 指标名称; "
                "re-export with the 指标ID row or delete the column",
                i_hdr,
            )
        freq_text = _text(header["freq"][k]) if "freq" in header else ""
        freq = None
        if freq_text:
            ft = freq_text.lower()
            if ft in WIND_FREQS:
                freq = WIND_FREQS[ft]
            elif ft in _UNSUPPORTED_FREQS:
                raise err(
                    f"column {L}: 频率 '{freq_text}' (semi-annual) is not supported; "
                    "macrodesk reads 日, 周, 旬, 月, 季 and 年 series — remove the column",
                    label_rows["freq"],
                    sid,
                )
            else:
                raise err(
                    f"column {L}: unknown 频率 '{freq_text}'; expected one of 日, 周, 旬, 月, 季, 年",
                    label_rows["freq"],
                    sid,
                )
        source = _text(header["source"][k]) if "source" in header else ""
        if not source and "source2" in header:
            source = _text(header["source2"][k])
        unit_text = _text(header["unit"][k]) if "unit" in header else ""
        cols.append(_Col(k, L, sid, wid or name, name, unit_text, freq, source, entry))

    # text in a number column (first bad cell in sheet order)
    if bad.any():
        i, k = (int(x) for x in np.argwhere(bad)[0])
        sid = next((c.id for c in cols if c.k == k), None)
        raise err(
            f"cell {letter(k + 1)}{rownum(int(data_idx[i]))}: {_show(block[i, k])} is not a number "
            "(leave a cell blank for a missing value)",
            int(data_idx[i]),
            sid,
        )

    if not cols:
        raise err("the sheet has dates but no series columns")

    # ---- frequencies
    di = pd.DatetimeIndex(dts)
    if any(c.freq is None for c in cols):
        inferred = _infer_freq(di)
        if inferred is None:
            raise err(
                "cannot tell the frequency: there is no 频率 row (or a 频率 cell is blank) and the "
                "dates do not follow a regular pattern; add a 频率 row (日/周/旬/月/季/年)"
            )
        for c in cols:
            if c.freq is None:
                c.freq = inferred
    grids = {
        "M": np.asarray(di.is_month_end),
        "Q": np.asarray(di.is_quarter_end),
        "A": np.asarray(di.is_year_end),
    }
    freqs = {c.freq for c in cols}
    period_freqs = [f for f in ("M", "Q", "A") if f in freqs]
    merged = len(freqs) > 1 or any(not grids[f].all() for f in period_freqs)

    # ---- units (after ids and frequencies so the messages can name both)
    units: dict[int, str] = {}
    for c in cols:
        if c.entry is not None and c.entry.unit:
            units[c.k] = c.entry.unit
            continue
        code = interpret_unit(c.unit_text, c.name, c.freq)
        if code is None:
            what = f"unknown unit '{c.unit_text}'" if c.unit_text else "no 单位 (unit)"
            key = _toml_key(c.key)
            e = UnitError(
                f"file '{fname}', sheet '{sheet}', column {c.letter}, series '{c.id}'"
                + (f" ({c.name})" if c.name and c.name != c.id else "")
                + f": {what}; set `unit` for it in a mapping file, e.g. [series.{key}] "
                f"id = \"{c.id}\" unit = \"<code>\" (known units: {', '.join(sorted(_units.UNITS))})"
            )
            _attach(e, fname, sheet, rownum(label_rows["unit"]) if "unit" in label_rows else None, c.id)
            raise e
        units[c.k] = code

    # ---- observations off their frequency's grid
    for f in period_freqs:
        fcols = [c for c in cols if c.freq == f]
        ks = np.array([c.k for c in fcols])
        sub_nb = nonblank[:, ks]
        off = (~grids[f])[:, None] & sub_nb
        if merged:
            off &= vals[:, ks] != 0
        if off.any():
            i, j = (int(x) for x in np.argwhere(off)[0])
            c = fcols[j]
            what, grid = _PERIOD_NAMES[f]
            e = FrequencyError(
                f"file '{fname}', sheet '{sheet}', row {rownum(int(data_idx[i]))}, series '{c.id}': "
                f"cell {c.letter}{rownum(int(data_idx[i]))} holds {_num(vals[i, c.k])} on {_iso(dts[i])}, "
                f"which is not a {grid}; a {FREQ_NAMES[f][1]} series ({FREQ_NAMES[f][0]}) has its "
                f"observations on {grid} rows — check the date or the 频率 row"
            )
            _attach(e, fname, sheet, rownum(int(data_idx[i])), c.id)
            raise e

    # ---- a monthly/quarterly/annual-only sheet must not skip a period
    order = np.argsort(dts, kind="stable")
    if not merged and len(freqs) == 1 and period_freqs and ndata > 1:
        f = period_freqs[0]
        per = di[order].to_period(PERIOD_FREQS[f])
        ords = per.asi8
        gaps = np.flatnonzero(np.diff(ords) > 1)
        if gaps.size:
            g = int(gaps[0])
            a, b = per[g], per[g + 1]
            first_missing, last_missing = a + 1, b - 1
            n_missing = int(ords[g + 1] - ords[g] - 1)
            what = _PERIOD_NAMES[f][0]
            miss = _plabel(first_missing, f)
            if n_missing > 1:
                miss += f" to {_plabel(last_missing, f)}, {n_missing} {what}s,"
            ra, rb = rownum(int(data_idx[order[g]])), rownum(int(data_idx[order[g + 1]]))
            raise err(
                f"the date column skips {miss} (between {_plabel(a, f)} in row {ra} and "
                f"{_plabel(b, f)} in row {rb}); a {FREQ_NAMES[f][1]} sheet needs a row for every "
                f"{what} — re-export the full range or add the missing row with blank cells",
                int(data_idx[order[g + 1]]),
            )

    # ---- build the series
    dts_s = dts[order]
    vals_s = vals[order]
    nb_s = nonblank[order]
    grids_s = {f: g[order] for f, g in grids.items()}
    origin = f"{fname}:{sheet}"
    out: list[tuple[MacroSeries, str]] = []
    for c in cols:
        col = vals_s[:, c.k]
        keep = nb_s[:, c.k]
        if c.freq in PERIOD_FREQS:
            keep = keep & grids_s[c.freq]
        elif merged:
            keep = keep & (col != 0)
        if not keep.any():
            warnings.warn(
                MacrodeskWarning(
                    f"file '{fname}', sheet '{sheet}', column {c.letter}, series '{c.id}': "
                    "no values; the column is skipped"
                ),
                stacklevel=3,
            )
            continue
        obs = col[keep]
        if merged and c.freq in PERIOD_FREQS and obs.size >= 2:
            if (obs[0] == 0 and obs[1] == 0) or (obs[-1] == 0 and obs[-2] == 0):
                warnings.warn(
                    MacrodeskWarning(
                        f"file '{fname}', sheet '{sheet}', column {c.letter}, series '{c.id}': "
                        f"starts or ends with several 0.0 values on {_PERIOD_NAMES[c.freq][1]} rows of a "
                        "mixed-frequency sheet; they are kept as values, but they may be Wind fillers "
                        "outside the series' range — check, or export this series on its own sheet"
                    ),
                    stacklevel=3,
                )
        e = c.entry
        meta = SeriesMeta(
            id=c.id,
            unit=units[c.k],
            freq=c.freq,  # type: ignore[arg-type]
            name_zh=(e.name_zh if e is not None and e.name_zh else c.name),
            name_en=(e.name_en if e is not None and e.name_en else ""),
            source=(e.source if e is not None and e.source else c.source),
            origin=origin,
        )
        data = pd.Series(obs, index=pd.DatetimeIndex(dts_s[keep]))
        out.append((MacroSeries(meta, data), c.letter))
    return out


# --------------------------------------------------------------------------
# helpers


def _classify_first_column(col0: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Kinds (blank/date/bad date/text) and dates (datetime64[D], NaT if none) of the first column."""
    n = len(col0)
    kinds = np.zeros(n, dtype=np.int8)
    days = np.full(n, np.datetime64("NaT"), dtype="datetime64[D]")
    for i, v in enumerate(col0):
        if v is None:
            continue
        if isinstance(v, _dt.datetime):
            kinds[i], days[i] = _DATE, np.datetime64(v.date(), "D")
        elif isinstance(v, _dt.date):
            kinds[i], days[i] = _DATE, np.datetime64(v, "D")
        elif isinstance(v, bool):
            kinds[i] = _TEXT
        elif isinstance(v, (int, float)):
            if isinstance(v, float) and not math.isfinite(v):
                kinds[i] = _BADDATE
            elif 61 <= v <= _MAX_SERIAL:
                kinds[i], days[i] = _DATE, _EXCEL_EPOCH + np.timedelta64(int(v), "D")
            else:
                kinds[i] = _BADDATE
        elif isinstance(v, str):
            s = v.strip()
            if not s:
                continue
            d = _parse_text_date(s)
            if d is None:
                kinds[i] = _TEXT
            elif d is False:
                kinds[i] = _BADDATE
            else:
                kinds[i], days[i] = _DATE, np.datetime64(d, "D")
        else:  # time, timedelta, error values …
            kinds[i] = _BADDATE
    return kinds, days


def _parse_text_date(s: str) -> _dt.date | None | bool:
    """A date; ``None`` if the text does not look like a date; ``False`` if it looks like one but is invalid."""
    m = _DATE_RE.match(s)
    if m:
        y, mo = int(m.group(1)), int(m.group(2))
        if not 1 <= mo <= 12:
            return False
        if m.group(3) is None:
            return _dt.date(y, mo, calendar.monthrange(y, mo)[1])
        try:
            return _dt.date(y, mo, int(m.group(3)))
        except ValueError:
            return False
    m = _QUARTER_RE.match(s)
    if m:
        y, q = int(m.group(1)), int(m.group(2))
        mo = 3 * q
        return _dt.date(y, mo, calendar.monthrange(y, mo)[1])
    return None


def _to_numbers(block: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Floats, a non-blank mask and a not-a-number mask for an object block, vectorised."""
    shape = block.shape
    if block.size == 0:
        z = np.zeros(shape, dtype=bool)
        return np.full(shape, np.nan), z, z.copy()
    flat = block.ravel()
    blank = (flat == "") | pd.isna(flat)
    num = np.array(
        pd.to_numeric(pd.Series(flat, dtype=object, copy=False), errors="coerce").to_numpy(
            dtype=np.float64, na_value=np.nan
        ),
        dtype=np.float64,
        copy=True,
    )
    blank = np.array(blank, dtype=bool, copy=True)
    bad = ~blank & ~np.isfinite(num)
    if bad.any():
        for idx in np.flatnonzero(bad):  # only the (few) cells that are not numbers
            v = flat[idx]
            if isinstance(v, str) and not v.strip():
                bad[idx] = False
                blank[idx] = True
    num[blank | bad] = np.nan
    return num.reshape(shape), (~blank & ~bad).reshape(shape), bad.reshape(shape)


def _infer_freq(di: pd.DatetimeIndex) -> str | None:
    """Frequency of a date column: A, Q, M by period ends, then X, W, D by spacing."""
    d = di.unique().sort_values()
    if len(d) < 2:
        return None
    if d.is_year_end.all():
        return "A"
    if d.is_quarter_end.all():
        return "Q"
    if d.is_month_end.all():
        return "M"
    gaps = np.diff(d.values).astype("timedelta64[D]").astype(np.int64)
    med = float(np.median(gaps))
    if 8 <= med <= 11 and bool(np.all((d.day == 10) | (d.day == 20) | d.is_month_end)):
        return "X"
    if 5 <= med <= 9:
        return "W"
    if med <= 4:
        return "D"
    return None


def _norm_label(v: Any) -> str:
    s = re.sub(r"\s+", "", str(v)).rstrip(":：")
    return s.lower()


def _norm_unit(v: str) -> str:
    s = str(v).strip()
    for a, b in (("％", "%"), ("／", "/"), ("＝", "="), ("（", "("), ("）", ")")):
        s = s.replace(a, b)
    s = re.sub(r"\s+", "", s)
    return s.lower() if s.isascii() else s


def _text(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        if not math.isfinite(v):
            return ""
        return str(int(v)) if v.is_integer() else str(v)
    if isinstance(v, (_dt.date, _dt.datetime)):
        return v.isoformat()
    return str(v).strip()


def _show(v: Any) -> str:
    if isinstance(v, _dt.datetime):
        v = v.date() if v.time() == _dt.time() else v
        return f"'{v.isoformat()}'"
    if isinstance(v, _dt.date):
        return f"'{v.isoformat()}'"
    if isinstance(v, float) and v.is_integer():
        return f"'{int(v)}'"
    return f"'{v}'"


def _num(x: float) -> str:
    return f"{x:g}"


def _iso(d: np.datetime64) -> str:
    return str(np.datetime64(d, "D"))


def _plabel(p: pd.Period, f: str) -> str:
    if f == "M":
        return p.strftime("%Y-%m")
    return str(p)


def _col_letter(j: int) -> str:
    s = ""
    j += 1
    while j:
        j, r = divmod(j - 1, 26)
        s = chr(65 + r) + s
    return s


def _toml_key(key: str) -> str:
    bare = key and all(c.isascii() and (c.isalnum() or c in "_-") for c in key)
    return key if bare else '"' + key.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _attach(e: Exception, file: str, sheet: str, row: int | None, sid: str | None) -> None:
    """Give a UnitError/FrequencyError the same location attributes an InputFileError has."""
    e.file, e.sheet, e.row, e.series_id = file, sheet, row, sid  # type: ignore[attr-defined]
