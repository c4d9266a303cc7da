"""Downloads from the NBS data portal (data.stats.gov.cn, 国家数据), CSV and Excel (.xls).

The portal writes (CSV in GBK; UTF-8 with or without a BOM is read too)::

    数据库：月度数据
    时间：最近13个月
    指标,2025年12月,2025年11月,…            ← newest first
    居民消费价格指数(上年同月=100),100.8,100.7,…
    居民消费价格指数(上月=100),100.2,99.9,…
    注：…
    数据来源：国家统计局

The 数据库 line gives the frequency (月度数据 → M, 季度数据 → Q with headings
``2025年第四季度``, 年度数据 → A with headings ``2025年``); without it the headings decide.
Reading stops at the first footer line (注…, 数据来源…). Blank cells are missing values.

Ids: an indicator name (the 指标 cell, exactly) maps through the shipped table
``macrodesk/importers/codes/nbs.toml`` with the user's mapping file laid over it (the user
wins). Names are stored honestly: 居民消费价格指数(上年同月=100) is ``cpi_index_prev_year`` in
``index_prev_year_100`` (97.3 means −2.7% YoY), not ``cpi_yoy``. A name neither table maps is an
error listing every such name with the mapping entry to add: an id made up from a Chinese
name would be unreadable and would change whenever NBS rewords the indicator.

Units: the mapping entry's ``unit`` wins; otherwise the name's last parenthesis —
(上年同月=100), (上月=100), (上年同期=100), (亿元), (万吨) …, and (%) read with the name
(累计增长 → ``pct_yoy_ytd``, 同比 → ``pct_yoy``, 环比 → ``pct_mom``). A parenthesis that says
no more than (元) needs a ``unit`` in the mapping.
"""

from __future__ import annotations

import csv as _csv
import io
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from macrodesk.importers.detect import read_file
from macrodesk.exceptions import InputFileError
from macrodesk.importers.codes import for_vendor
from macrodesk.importers.csv import read_frame
from macrodesk.importers.detect import decode_text
from macrodesk.importers.mapping import Mapping, load_mapping, quote_key
from macrodesk.importers.wind._words import interpret_unit
from macrodesk.series._container import MacroSeries
from macrodesk.series.catalogue import catalogue as _catalogue
from macrodesk.series.checks import find_duplicate, find_gap, to_numbers
from macrodesk.series.periods import read_period_text

__all__ = ["read_nbs", "read_nbs_rows"]

_DATABASES = {"月度数据": "M", "季度数据": "Q", "年度数据": "A"}
_PERIOD_FREQ = {"M": "M", "Q": "Q-DEC", "Y": "Y-DEC", "A": "Y-DEC"}
_CN_DIGITS = {"一": "1", "二": "2", "三": "3", "四": "4"}
_QUARTER = re.compile(r"^(\d{4})\s*年\s*第?\s*([一二三四1-4])\s*季度$")
_YEAR = re.compile(r"^(\d{4})\s*年$")
_UNIT_PAREN = re.compile(r"[(（]([^()（）]*)[)）]\s*$")
_FOOTERS = ("注", "数据来源", "来源")


def read_nbs(
    path: str | os.PathLike[str], mapping: Mapping | str | os.PathLike[str] | None = None
) -> list[MacroSeries]:
    """Read an NBS portal download (CSV, or an Excel workbook's first sheet with the layout).

    ``mapping`` (a :class:`~macrodesk.importers.mapping.Mapping` or a mapping file's path) is
    keyed by indicator name and laid over the shipped ``nbs.toml``.
    """
    p = Path(path).expanduser()
    fname = p.name
    if mapping is not None and not isinstance(mapping, Mapping):
        mapping = load_mapping(mapping)
    raw = read_file(p, fname)
    if raw.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        from macrodesk.importers.wind._workbook import read_workbook

        sheets = read_workbook(p, fname)
        if not sheets:
            raise InputFileError("the workbook has no worksheet", file=fname)
        name, rows, (r0, _) = sheets[0]
        return read_nbs_rows(rows, fname, sheet=name, first_row=r0 + 1, mapping=mapping)
    if raw.startswith(b"\x1f\x8b"):
        import gzip

        try:
            raw = gzip.decompress(raw)
        except (OSError, EOFError) as exc:
            raise InputFileError(f"not a readable gzip file: {exc}", file=fname) from None
    text = decode_text(raw, fname)
    try:
        rows = list(_csv.reader(io.StringIO(text)))
    except _csv.Error as exc:
        raise InputFileError(f"not a readable CSV: {exc}", file=fname) from None
    return read_nbs_rows(rows, fname, mapping=mapping)


@dataclass
class _Table:
    freq: str
    header_row: int  # index into rows
    periods: list[pd.Period]
    columns: list[int]  # the column of each period


def read_nbs_rows(
    rows: list[list[Any]],
    fname: str,
    *,
    sheet: str | None = None,
    first_row: int = 1,
    mapping: Mapping | None = None,
) -> list[MacroSeries]:
    """Series from the cells of an NBS download (``rows`` as read; row ``i`` is file row ``first_row + i``)."""
    cells = [[_text(c) for c in r] for r in rows]
    table = _header(cells, fname, sheet, first_row)
    codes = for_vendor("nbs", mapping)
    cat = _catalogue()
    cat_ids = set(cat["series_id"]) if "series_id" in cat.columns else set(cat.index)
    source = _source(cells[table.header_row + 1:]) or "国家统计局"

    body: list[tuple[int, str, list[Any]]] = []  # (file row, indicator, raw cells)
    width = max(table.columns) + 1
    seen: dict[str, int] = {}
    for i in range(table.header_row + 1, len(rows)):
        row = cells[i]
        label = row[0].strip() if row else ""
        if not any(c.strip() for c in row):
            continue
        if label.startswith(_FOOTERS):
            break
        line = first_row + i
        if not label:
            raise InputFileError("a row of values without an indicator name in the first column",
                                 file=fname, sheet=sheet, row=line)
        if len(rows[i]) < width:
            raise InputFileError(
                f"the row has {len(rows[i])} cells but the header has {width}; the file looks truncated",
                file=fname, sheet=sheet, row=line, series_id=label,
            )
        if label in seen:
            raise InputFileError(f"indicator '{label}' appears twice (rows {seen[label]} and {line})",
                                 file=fname, sheet=sheet, row=line, series_id=label)
        seen[label] = line
        body.append((line, label, [rows[i][j] for j in table.columns]))
    if not body:
        raise InputFileError("no indicator rows under the 指标 header", file=fname, sheet=sheet,
                             row=first_row + table.header_row)

    parsed = []
    for line, label, raw in body:
        block = np.array(["" if v is None else v for v in raw], dtype=object)
        values, present, bad = to_numbers(block, thousands=True)
        if bad.any():
            j = int(np.argmax(bad))
            raise InputFileError(
                f"'{raw[j]}' under {table.periods[j]} is not a number", file=fname, sheet=sheet, row=line,
                series_id=label,
            )
        if present.any():
            parsed.append((line, label, values, present))
    unmapped = [label for _, label, _, _ in parsed if codes.lookup(label) is None]
    if unmapped:
        entries = "; ".join(f'[series.{quote_key(n)}] id = "…"' for n in unmapped[:5])
        more = f" (and {len(unmapped) - 5} more)" if len(unmapped) > 5 else ""
        raise InputFileError(
            f"{len(unmapped)} indicator(s) have no macrodesk id: {', '.join(unmapped)}. Add them to a "
            f"mapping file (--map), e.g. {entries}{more}",
            file=fname, sheet=sheet,
        )

    frames = []
    for line, label, values, present in parsed:
        entry = codes.lookup(label)
        assert entry is not None
        unit = entry.unit or _unit(label, table.freq)
        if unit is None:
            raise InputFileError(
                f"no unit can be read from the name '{label}'; give unit = \"…\" for "
                f"[series.{quote_key(label)}] in a mapping file",
                file=fname, sheet=sheet, row=line, series_id=entry.id,
            )
        name_zh = entry.name_zh or ("" if entry.id in cat_ids else label)
        idx = np.flatnonzero(present)
        frames.append(pd.DataFrame({
            "series_id": entry.id,
            "date": [table.periods[j].end_time.normalize() for j in idx],
            "value": values[idx],
            "unit": unit,
            "freq": table.freq,
            "source": entry.source or source,
            "origin": f"{fname} [{label}]",
            "name_zh": name_zh,
            "name_en": entry.name_en or "",
            "line": line,
        }))
    return read_frame(pd.concat(frames, ignore_index=True), fname)


def _text(v: Any) -> str:
    if v is None or (isinstance(v, float) and np.isnan(v)):
        return ""
    return str(v)


def _header(cells: list[list[str]], fname: str, sheet: str | None, first_row: int) -> _Table:
    """The 指标 header row, its periods (checked: one frequency, no repeat, no gap) and the frequency."""
    freq_db: str | None = None
    for i, row in enumerate(cells[:50]):
        first = row[0].strip().replace(":", "：") if row else ""
        if first.startswith("数据库："):
            db = first[len("数据库："):].strip()
            if db not in _DATABASES:
                raise InputFileError(
                    f"unknown database '{db}'; understood: {', '.join(_DATABASES)}",
                    file=fname, sheet=sheet, row=first_row + i,
                )
            freq_db = _DATABASES[db]
        if first == "指标":
            return _periods(row, i, freq_db, fname, sheet, first_row)
    raise InputFileError("no header row starting with 指标 (an NBS portal download has one)",
                         file=fname, sheet=sheet)


def _periods(row: list[str], i: int, freq_db: str | None, fname: str, sheet: str | None, first_row: int) -> _Table:
    line = first_row + i
    periods: list[pd.Period] = []
    columns: list[int] = []
    for j, head in enumerate(row[1:], start=1):
        h = head.strip()
        if not h:
            continue
        p = _period(h)
        if p is None:
            raise InputFileError(f"column {j + 1} heading '{h}' is not a period like 2025年12月",
                                 file=fname, sheet=sheet, row=line)
        periods.append(p)
        columns.append(j)
    if not periods:
        raise InputFileError("the 指标 header has no period columns", file=fname, sheet=sheet, row=line)
    kinds = {p.freqstr[0] for p in periods}
    if len(kinds) > 1:
        raise InputFileError(f"the header mixes periods of different frequencies ({', '.join(sorted(kinds))})",
                             file=fname, sheet=sheet, row=line)
    freq = {"M": "M", "Q": "Q", "Y": "A"}[kinds.pop()]
    if freq_db is not None and freq_db != freq:
        raise InputFileError(
            f"the 数据库 line says frequency {freq_db} but the headings are {freq} periods",
            file=fname, sheet=sheet, row=line,
        )
    idx = pd.PeriodIndex(periods)
    dup = find_duplicate(idx)
    if dup is not None:
        a, b = (columns[k] + 1 for k in dup.positions[:2])
        raise InputFileError(f"period {dup.key} heads two columns ({a} and {b})", file=fname, sheet=sheet, row=line)
    gap = find_gap(idx.sort_values())
    if gap is not None:
        missing = str(gap.first_missing) if gap.n_missing == 1 else f"{gap.first_missing}..{gap.last_missing}"
        raise InputFileError(
            f"the headings skip {missing} (between {gap.before} and {gap.after}); download the whole span",
            file=fname, sheet=sheet, row=line,
        )
    return _Table(freq, i, periods, columns)


def _period(h: str) -> pd.Period | None:
    """A portal heading as a period: 2025年12月, 2025年第四季度, 2025年."""
    m = _QUARTER.match(h)
    if m:
        return pd.Period(f"{m.group(1)}Q{_CN_DIGITS.get(m.group(2), m.group(2))}", freq="Q-DEC")
    m = _YEAR.match(h)
    if m:
        return pd.Period(year=int(m.group(1)), freq="Y-DEC")
    try:
        p = read_period_text(h)
    except ValueError:
        return None
    return p if p is not None and p.freqstr[0] == "M" else None


def _unit(label: str, freq: str) -> str | None:
    m = _UNIT_PAREN.search(label)
    if not m:
        return None
    text, name = m.group(1).strip().replace("％", "%"), label[: m.start()]
    if text == "%" and "环比" not in name:
        if "累计" in name:  # 累计增长: year-to-date growth
            return "pct_yoy_ytd"
        if "增长" in name or "同比" in name:  # 当期同比增长
            return "pct_yoy"
    return interpret_unit(text, name, freq)


def _source(rows: list[list[str]]) -> str:
    for row in rows:
        first = row[0].strip().replace(":", "：") if row else ""
        if first.startswith("数据来源："):
            return first[len("数据来源："):].strip()
    return ""
