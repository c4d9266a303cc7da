"""The Excel workbook (数据底稿) of a report: every exhibit's numbers with a native Excel chart.

One workbook per report, written with ``xlsxwriter`` (the ``excel`` extra):

* a contents sheet ("目录" / "Contents"): title, subtitle, date, author, the key
  points and the list of exhibits, each a hyperlink to its sheet;
* one sheet per figure ("图1"…) and table ("表1"…), numbered as in the other
  formats: the numbered caption, the source and note lines, a figure's units ("Unit: %; right axis:
  CNY 100m"), then the data —
  dates as real Excel dates, numbers as numbers with a number format, column
  headers as in the report. A figure that carries its data (see
  :class:`~macrodesk.reports.model.Figure`) gets a native chart of its kind
  (line, column, bar, stacked, contributions = stacked columns plus a total
  line, scatter), with a secondary axis for its right-axis columns; a figure
  without data gets its PNG and a note saying so. Every sheet prints on A4, one page wide, its
  column headers repeated on each page.
"""

from __future__ import annotations

import datetime as _dt
import io
import math
import re
from pathlib import Path
from typing import Any

from macrodesk.exceptions import ReportError
from macrodesk.reports.model import Figure, Report, Table
from macrodesk.reports.style import HouseStyle, cover
from macrodesk.text.format import MISSING
from macrodesk.text.labels import caption_label, label, tr

__all__ = ["write_xlsx"]

_INSTALL_HINT = 'Excel output needs the "excel" extra: pip install "macrodesk[excel]"'
_HEADER_ROW = 4  # 0-based row of the column headers on an exhibit sheet
_CHART_COLORS = ("#C00000", "#1F3864", "#7F7F7F", "#BF9000", "#2E75B6", "#70AD47", "#ED7D31", "#7030A0",
                 "#A6A6A6", "#264478")


def _xlsxwriter() -> Any:
    try:
        import xlsxwriter
    except ImportError:
        raise ReportError(_INSTALL_HINT) from None
    return xlsxwriter


def _sheet_name(kind: str, number: int, lang: str) -> str:
    return f"{label(kind, lang)}{label('number_sep', lang)}{number}"


def _foot_lines(source: str | None, note: str | None, lang: str) -> list[str]:
    lines = []
    if source:
        lines.append(label("source", lang) + source)
    if note:
        lines.append(label("note", lang) + note)
    return lines


def _unit_line(units: tuple[str, ...], lang: str) -> str | None:
    """"单位：%；右轴：亿元" / "Unit: %; right axis: CNY 100m" from a figure's axis units (None without any)."""
    if not units or not any(units):
        return None
    line = label("unit", lang) + (units[0] or "—")
    if len(units) > 1 and units[1]:
        line += label("source_note_sep", lang) + label("right_axis_unit", lang) + units[1]
    return line


def _text_width(text: str) -> float:
    """Excel column width ``text`` needs at 10 pt: a CJK (wide) character takes about two digit widths."""
    import unicodedata

    return sum(2.0 if unicodedata.east_asian_width(c) in "WF" else 1.1 for c in text)


def _col_name(col: Any) -> str:
    if isinstance(col, tuple):
        return " ".join(str(c) for c in col if str(c))
    return str(col)


def _number(v: Any) -> float | None:
    """``v`` as a finite float, else None (missing, infinite or not a number)."""
    try:
        if v is None or isinstance(v, (str, bool)):
            return None
        f = float(v)
    except (TypeError, ValueError):
        return None
    return f if math.isfinite(f) else None


def _num_format(values: list[float]) -> str:
    """One or two decimals (whole numbers without), the way the report prints them."""
    if not values:
        return "0.0"
    if all(float(v).is_integer() for v in values) and max(abs(v) for v in values) >= 10:
        return "#,##0"
    biggest = max(abs(v) for v in values)
    return "0.00" if biggest < 1 else "#,##0.0"


def _spec_format(fmt: Any) -> str | None:
    """An Excel number format for a Table column format spec (``".1f"``, ``"+.2f"``, ``".1%"``), else None."""
    if not isinstance(fmt, str) or "{" in fmt:
        if isinstance(fmt, str) and fmt.startswith("{:") and fmt.endswith("}%"):
            inner = _spec_format(fmt[2:-2])
            return None if inner is None else f'{inner}"%"'
        return None
    sign = fmt.startswith("+")
    body = fmt.lstrip("+")
    if len(body) >= 3 and body[0] == "." and body[1].isdigit() and body[2:] in ("f", "%"):
        d = int(body[1])
        base = "0" + ("." + "0" * d if d else "")
        if body[2:] == "%":
            base += "%"
        return f"+{base};-{base};{base}" if sign else base
    return None


def _index_values(index: Any) -> tuple[list[Any], bool]:
    """Index labels as cell values; ``True`` when they are dates."""
    import pandas as pd

    if isinstance(index, pd.PeriodIndex):
        index = index.to_timestamp()
    if isinstance(index, pd.DatetimeIndex):
        return [None if pd.isna(t) else t.to_pydatetime() for t in index], True
    out: list[Any] = []
    for v in index:
        if isinstance(v, pd.Period):
            out.append(str(v))
        elif isinstance(v, tuple):
            out.append(" ".join(str(x) for x in v))
        elif _number(v) is not None and not isinstance(v, bool):
            out.append(v.item() if hasattr(v, "item") else v)
        else:
            out.append(str(v))
    return out, False


_NUM_TEXT = re.compile(r"^([+\-−]?)(\d[\d,]*)(?:\.(\d+))?(%?)$")


def _parse_number_text(text: str) -> tuple[float, str] | None:
    """A table cell printed as a number ("+2.34", "-1.6", "96", "12.5%") as ``(value, Excel format)``."""
    m = _NUM_TEXT.match(text.strip())
    if not m:
        return None
    sign, whole, dec, pct = m.groups()
    value = float(whole.replace(",", "") + ("." + dec if dec else ""))
    if sign in ("-", "−"):
        value = -value
    base = ("#,##0" if "," in whole else "0") + ("." + "0" * len(dec) if dec else "")
    if pct:
        base += '"%"'
    return value, (f"+{base};-{base};{base}" if sign == "+" else base)


def _date_format(dates: list[Any]) -> str:
    ds = [d for d in dates if d is not None]
    if ds and all(d.day == 1 or (d + _dt.timedelta(days=1)).day == 1 for d in ds) and len({d.day for d in ds}) <= 3:
        return "yyyy-mm"
    return "yyyy-mm-dd"


class _Writer:
    def __init__(self, report: Report, path: Path, style: HouseStyle | None = None) -> None:
        xw = _xlsxwriter()
        self.report = report
        self.lang = report.lang
        self.cover = cover(style, report.lang, report.author, report.disclaimer)
        self.wb = xw.Workbook(str(path), {"nan_inf_to_errors": False, "strings_to_urls": False})
        font = {"font_name": "Microsoft YaHei", "font_size": 10}
        self.f_text = self.wb.add_format(font)
        self.f_title = self.wb.add_format({**font, "bold": True, "font_size": 14})
        self.f_caption = self.wb.add_format({**font, "bold": True, "font_size": 11})
        self.f_foot = self.wb.add_format({**font, "font_color": "#595959", "font_size": 9})
        self.f_header = self.wb.add_format({**font, "bold": True, "bottom": 1, "text_wrap": True, "valign": "top",
                                            "bg_color": "#F2F2F2"})
        self.f_link = self.wb.add_format({**font, "font_color": "#1F3864", "underline": 1})
        self._formats: dict[str, Any] = {}
        self._font = font

    def fmt(self, num_format: str) -> Any:
        if num_format not in self._formats:
            self._formats[num_format] = self.wb.add_format({**self._font, "num_format": num_format})
        return self._formats[num_format]

    # ------------------------------------------------------------------ sheets
    def write(self) -> None:
        lang = self.lang
        exhibits: list[tuple[str, str, Any]] = []
        nfig = ntab = 0
        for sec in self.report.sections:
            for b in sec.blocks:
                if isinstance(b, Figure):
                    nfig += 1
                    exhibits.append((_sheet_name("figure", nfig, lang), caption_label("figure", nfig, b.caption, lang), b))
                elif isinstance(b, Table):
                    ntab += 1
                    exhibits.append((_sheet_name("table", ntab, lang), caption_label("table", ntab, b.caption, lang), b))
        self.contents(exhibits)
        for name, caption, block in exhibits:
            if isinstance(block, Figure):
                self.figure_sheet(name, caption, block)
            else:
                self.table_sheet(name, caption, block)
        self.wb.close()

    def contents(self, exhibits: list[tuple[str, str, Any]]) -> None:
        r = self.report
        ws = self.wb.add_worksheet(label("contents", self.lang))
        ws.set_column(0, 0, 12)
        ws.set_column(1, 1, 90)
        ws.set_paper(9)
        ws.fit_to_pages(1, 0)
        cv = self.cover
        ws.write(0, 0, cv.label, self.f_caption)
        ws.write(1, 0, r.title, self.f_title)
        row = 2
        author = f"{label('author', self.lang)}{cv.author}" if cv.author else None
        for line in (r.subtitle, r.date_text, author):
            if line:
                ws.write(row, 0, line, self.f_text)
                row += 1
        if r.summary:
            row += 1
            ws.write(row, 0, label("key_points", self.lang), self.f_caption)
            row += 1
            for point in r.summary:
                ws.write(row, 0, "•", self.f_text)
                ws.write(row, 1, point, self.f_text)
                row += 1
        row += 1
        ws.write(row, 0, tr("图表目录", "Exhibits", self.lang), self.f_caption)
        row += 1
        ws.write_row(row, 0, [tr("工作表", "Sheet", self.lang), tr("标题", "Title", self.lang)], self.f_header)
        row += 1
        for name, caption, _ in exhibits:
            ws.write_url(row, 0, f"internal:'{name}'!A1", self.f_link, string=name)
            ws.write(row, 1, caption, self.f_text)
            row += 1
        for head, text in ((label("risk_warning", self.lang), cv.risk_warning), (label("disclaimer", self.lang), cv.disclaimer)):
            if text:
                row += 1
                ws.write(row, 0, head, self.f_caption)
                ws.write(row + 1, 0, text, self.f_foot)
                row += 2

    def _head(self, ws: Any, caption: str, source: str | None, note: str | None,
              units: tuple[str, ...] = ()) -> None:
        ws.write(0, 0, caption, self.f_caption)
        lines = _foot_lines(source, note, self.lang)[:2]
        unit = _unit_line(units, self.lang)
        for i, line in enumerate(lines + [unit] if unit else lines):
            ws.write(1 + i, 0, line, self.f_foot)
        self._print_setup(ws)
        ws.write_url(0, 12, f"internal:'{label('contents', self.lang)}'!A1", self.f_link,
                     string=tr("← 返回目录", "← Contents", self.lang))

    def _print_setup(self, ws: Any) -> None:
        """A4 landscape, one page wide (as many tall as the rows need), the column headers repeated on each page."""
        ws.set_paper(9)
        ws.set_landscape()
        ws.fit_to_pages(1, 0)
        ws.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.6)
        ws.repeat_rows(_HEADER_ROW)

    def _frame(self, ws: Any, df: Any, show_index: bool, index_header: str | None,
               col_formats: dict[int, str | None] | None = None) -> tuple[int, int, bool]:
        """Write ``df`` from the header row; ``(first data row, last data row, index is dates)``."""
        from pandas.api import types as ptypes

        row0 = _HEADER_ROW
        c0 = 0
        is_dates = False
        if show_index:
            values, is_dates = _index_values(df.index)
            header = index_header if index_header is not None else (
                tr("日期", "Date", self.lang) if is_dates
                else tr("月份", "Month", self.lang) if df.index.name == "month"
                else ("" if df.index.name is None else str(df.index.name)))
            ws.write(row0, 0, header, self.f_header)
            dfmt = self.fmt(_date_format(values)) if is_dates else self.f_text
            for i, v in enumerate(values):
                if v is None:
                    ws.write_blank(row0 + 1 + i, 0, None, dfmt)
                elif is_dates:
                    ws.write_datetime(row0 + 1 + i, 0, v, dfmt)
                else:
                    ws.write(row0 + 1 + i, 0, v, dfmt)
            ws.set_column(0, 0, 11 if is_dates else max(10, min(32, max((_text_width(str(v)) + 2 for v in values),
                                                                             default=10))))
            c0 = 1
        for j in range(df.shape[1]):
            s = df.iloc[:, j]
            col = c0 + j
            ws.write(row0, col, _col_name(df.columns[j]), self.f_header)
            numeric = ptypes.is_numeric_dtype(s.dtype) and not ptypes.is_bool_dtype(s.dtype)
            spec = (col_formats or {}).get(j)
            if numeric:
                nums = [_number(v) for v in s]
                present = [v for v in nums if v is not None]
                f = self.fmt(spec or _num_format(present))
                for i, v in enumerate(nums):
                    if v is None:
                        ws.write_blank(row0 + 1 + i, col, None, f)
                    else:
                        ws.write_number(row0 + 1 + i, col, round(v, 10), f)
            else:
                for i, v in enumerate(s):
                    parsed = _parse_number_text(v) if isinstance(v, str) else None
                    if parsed is not None:
                        ws.write_number(row0 + 1 + i, col, parsed[0], self.fmt(parsed[1]))
                    elif v is None or v == MISSING or (not isinstance(v, str) and _number(v) is None
                                                       and str(v) in ("nan", "NaT", "<NA>")):
                        ws.write_blank(row0 + 1 + i, col, None, self.f_text)
                    elif isinstance(v, (_dt.date, _dt.datetime)):
                        ws.write_datetime(row0 + 1 + i, col, v, self.fmt("yyyy-mm-dd"))
                    else:
                        ws.write(row0 + 1 + i, col, v if isinstance(v, (int, float)) else str(v), self.f_text)
            # wide enough for the header on two lines (it wraps), the numbers and any text cells
            texts = [_text_width(v) + 1 for v in s if isinstance(v, str) and _parse_number_text(v) is None]
            ws.set_column(col, col, max(9, min(24, _text_width(_col_name(df.columns[j])) / 2 + 3),
                                        min(40, max(texts, default=0))))
        ws.set_row(row0, 30)
        ws.freeze_panes(row0 + 1, c0)
        return row0 + 1, row0 + len(df), is_dates

    def figure_sheet(self, name: str, caption: str, fig: Figure) -> None:
        ws = self.wb.add_worksheet(name)
        self._head(ws, caption, fig.source, fig.note, fig.units)
        if fig.data is None or fig.data.shape[1] == 0 or len(fig.data) == 0:
            ws.write(3, 0, tr("此图没有随附数据，下面是图片。", "This figure carries no data; its image is below.",
                              self.lang), self.f_foot)
            scale = 640 / max(fig.width_px, 1)
            ws.insert_image(5, 0, f"{name}.png", {"image_data": io.BytesIO(fig.png), "x_scale": scale,
                                                   "y_scale": scale, "object_position": 3})
            return
        df = fig.data
        first, last, is_dates = self._frame(ws, df, True, None)
        self.chart(ws, name, fig, first, last, is_dates, df.shape[1] + 2)

    def chart(self, ws: Any, sheet: str, fig: Figure, first: int, last: int, is_dates: bool, col: int) -> None:
        kind = fig.kind or "line"
        df = fig.data
        assert df is not None
        names = [_col_name(c) for c in df.columns]
        right = set(fig.right)
        if kind == "scatter":
            chart = self.wb.add_chart({"type": "scatter"})
        elif kind in ("line",):
            chart = self.wb.add_chart({"type": "line"})
        elif kind in ("column", "contributions"):
            chart = self.wb.add_chart({"type": "column", "subtype": "stacked"} if kind == "contributions"
                                      else {"type": "column"})
        elif kind == "stacked":
            chart = self.wb.add_chart({"type": "column", "subtype": "stacked"})
        elif kind == "bar":
            chart = self.wb.add_chart({"type": "bar"})
        else:  # stacked_bar
            chart = self.wb.add_chart({"type": "bar", "subtype": "stacked"})
        cats = [sheet, first, 0, last, 0]
        line = None
        if kind == "contributions" and len(names) > 1:
            line = self.wb.add_chart({"type": "line"})
        for j, nm in enumerate(names):
            color = _CHART_COLORS[j % len(_CHART_COLORS)]
            series: dict[str, Any] = {"name": [sheet, _HEADER_ROW, 1 + j], "values": [sheet, first, 1 + j, last, 1 + j]}
            if kind == "scatter":
                if j == 0:
                    continue
                series.update({"categories": [sheet, first, 1, last, 1], "marker": {
                    "type": "circle", "size": 6, "fill": {"color": color}, "border": {"color": color}}})
                chart.add_series(series)
                continue
            series["categories"] = cats
            target = chart
            if line is not None and j == len(names) - 1:
                target = line
                series.update({"line": {"color": _CHART_COLORS[0], "width": 1.75},
                               "marker": {"type": "circle", "size": 4, "fill": {"color": _CHART_COLORS[0]},
                                          "border": {"color": _CHART_COLORS[0]}}})
            elif kind == "line":
                series.update({"line": {"color": color, "width": 1.5}, "marker": {"type": "none"}})
            else:
                series.update({"fill": {"color": _CHART_COLORS[(j + (1 if kind == "contributions" else 0))
                                                                % len(_CHART_COLORS)]}, "border": {"none": True}})
            if nm in right:
                series["y2_axis"] = True
                series["name"] = nm + label("right_axis", self.lang)
            target.add_series(series)
        if line is not None:
            chart.combine(line)
        if kind == "scatter":
            chart.set_x_axis({"name": names[0], "major_gridlines": {"visible": False}})
            chart.set_y_axis({"name": names[1] if len(names) > 1 else "", "major_gridlines": {
                "visible": True, "line": {"color": "#D9D9D9"}}})
        else:
            x_axis: dict[str, Any] = {"num_font": {"rotation": -45 if is_dates else 0}, "label_position": "low"}
            if is_dates:
                x_axis["num_format"] = "yyyy-mm"
            if is_dates and kind == "line":
                x_axis.update({"date_axis": True, "major_unit": 12 if last - first > 48 else 3,
                               "major_unit_type": "months"})
            if kind in ("bar", "stacked_bar"):
                x_axis["reverse"] = True
            chart.set_x_axis(x_axis)
            chart.set_y_axis({"major_gridlines": {"visible": True, "line": {"color": "#D9D9D9"}}})
            if right:
                chart.set_y2_axis({"major_gridlines": {"visible": False}})
        chart.set_legend({"position": "bottom"})
        chart.set_title({"none": True})
        chart.set_size({"width": 720, "height": 380 if kind not in ("bar", "stacked_bar")
                        else max(380, min(900, 24 * (last - first + 1)))})
        ws.insert_chart(_HEADER_ROW, col, chart)

    def table_sheet(self, name: str, caption: str, table: Table) -> None:
        ws = self.wb.add_worksheet(name)
        self._head(ws, caption, table.source, table.note)
        col_formats = {j: _spec_format(table.formats.get(c)) for j, c in enumerate(table.data.columns)}
        df = table.data
        callables = [c for c in df.columns if callable(table.formats.get(c))]
        if callables:  # a column printed by a function: keep the printed text
            df = df.copy()
            rows = table.cells()[1]
            shift = 1 if table.shows_index else 0
            for c in callables:
                j = list(table.data.columns).index(c) + shift
                df[c] = [r[j] for r in rows]
        self._frame(ws, df, table.shows_index, None, col_formats)


def write_xlsx(report: Report, path: str | Path, style: HouseStyle | None = None) -> Path:
    """Write ``report``'s workbook (数据底稿) to ``path``; return the path. The contents sheet carries the
    house ``style``'s institution, analysts, risk warning and disclaimer (the draft label without one).

    Raises:
        ReportError: ``xlsxwriter`` is not installed (the message gives the
            install command), or the file cannot be written.
    """
    out = Path(path)
    xw = _xlsxwriter()
    try:
        _Writer(report, out, style).write()
    except (OSError, xw.exceptions.FileCreateError) as exc:
        raise ReportError(f"cannot write the workbook '{out}': {exc.strerror or exc}") from None
    return out
