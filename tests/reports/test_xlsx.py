"""The Excel workbook (数据底稿): sheets, real numbers, native charts, hyperlinks, the missing-extra hint."""

from __future__ import annotations

import csv
import gzip
import datetime as dt
import re
import sys
import zipfile
from pathlib import Path

import pytest

from macrodesk.exceptions import ReportError
from macrodesk.reports import Figure, Report, Section, Table, render

openpyxl = pytest.importorskip("openpyxl")
pytest.importorskip("xlsxwriter")

DATA = Path(__file__).resolve().parents[2] / "macrodesk" / "datasets"  # the published CSVs, copied unchanged


def _published(file: str, series_id: str, date: str) -> float:
    """A value straight from the bundled CSV file, read with the csv module (not through macrodesk)."""
    with gzip.open(DATA / (file + ".gz"), "rt", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["series_id"] == series_id and row["date"] == date:
                return float(row["value"])
    raise AssertionError(f"{series_id} {date} not in {file}")


def _book(tmp_path_factory, rep, name: str) -> Path:
    return render(rep, tmp_path_factory.mktemp("xlsx") / name, formats="xlsx", basename=name)["xlsx"]


# one workbook per report, each from that report's session fixture only (so each report's tests stay on one
# xdist worker, see tests/conftest.py)
@pytest.fixture(scope="module")
def review_book(tmp_path_factory, review_report_zh):
    return _book(tmp_path_factory, review_report_zh, "review")


@pytest.fixture(scope="module")
def trade_book(tmp_path_factory, trade_flash_report_zh):
    return _book(tmp_path_factory, trade_flash_report_zh, "trade")


@pytest.fixture(scope="module")
def outlook_book(tmp_path_factory, outlook_report_zh):
    return _book(tmp_path_factory, outlook_report_zh, "outlook")


def _row_for(ws, when: dt.datetime) -> int:
    for r in range(6, ws.max_row + 1):
        if ws.cell(r, 1).value == when:
            return r
    raise AssertionError(f"{when:%Y-%m} not in sheet {ws.title}")


def _chart_xml(path: Path, sheet: str) -> list[str]:
    """The chart parts whose series point at ``sheet``."""
    ref = re.compile(rf"<c:f>'?{re.escape(sheet)}'?!")
    with zipfile.ZipFile(path) as z:
        return [z.read(n).decode("utf-8") for n in z.namelist()
                if n.startswith("xl/charts/chart") and ref.search(z.read(n).decode("utf-8"))]


def test_sheets_follow_the_report_numbering(review_book, review_report_zh):
    wb = openpyxl.load_workbook(review_book)
    n_fig, n_tab = len(review_report_zh.figures()), len(review_report_zh.tables())
    assert wb.sheetnames[0] == "目录"
    assert sorted(wb.sheetnames[1:]) == sorted([f"图{i}" for i in range(1, n_fig + 1)]
                                               + [f"表{i}" for i in range(1, n_tab + 1)])
    assert wb.sheetnames[1:3] == ["图1", "图2"]
    contents = wb["目录"]
    assert contents["A1"].value == "内部研究草稿，非证券研究报告" and contents["A2"].value == review_report_zh.title
    links = {c.value: c.hyperlink.location for row in contents.iter_rows() for c in row if c.hyperlink}
    assert links["图1"] == "'图1'!A1" and links["表1"] == "'表1'!A1"
    assert len(links) == n_fig + n_tab


def test_cpi_ppi_sheet_holds_the_published_prints(review_book):
    ws = openpyxl.load_workbook(review_book)["图1"]
    assert ws["A1"].value.startswith("图1：CPI与PPI同比")
    assert ws["A2"].value.startswith("数据来源：")
    assert [ws.cell(5, c).value for c in (1, 2, 3)] == ["日期", "CPI同比", "PPI同比"]
    r = _row_for(ws, dt.datetime(2025, 11, 1))
    assert ws.cell(r, 2).value == pytest.approx(_published("cpi.csv", "cpi_yoy", "2025-11-30"))  # 0.7
    assert ws.cell(r, 3).value == pytest.approx(_published("ppi.csv", "ppi_yoy", "2025-11-30"))  # -2.2
    assert ws.cell(r, 1).is_date and ws.cell(r, 1).number_format == "yyyy-mm"
    assert ws.cell(r, 2).number_format != "General"
    (chart,) = _chart_xml(review_book, "图1")
    assert "<c:lineChart>" in chart and "<c:dateAx>" in chart


def test_trade_headline_sheet_and_contribution_chart(trade_book):
    wb = openpyxl.load_workbook(trade_book)
    ws = wb["图1"]
    r = _row_for(ws, dt.datetime(2025, 12, 1))
    assert ws.cell(5, 2).value == "出口同比"
    assert ws.cell(r, 2).value == pytest.approx(_published("trade.csv", "exports_usd_yoy", "2025-12-31"))  # 6.6
    contrib = next(n for n in wb.sheetnames if n.startswith("图") and "分地区对出口同比的拉动" in wb[n]["A1"].value)
    (chart,) = _chart_xml(trade_book, contrib)
    assert '<c:grouping val="stacked"/>' in chart and "<c:barChart>" in chart and "<c:lineChart>" in chart
    with zipfile.ZipFile(trade_book) as z:
        n_charts = sum(n.startswith("xl/charts/chart") for n in z.namelist())
    assert n_charts == sum(n.startswith("图") for n in wb.sheetnames)  # every trade figure carries its data


def test_secondary_axis_and_tables_as_numbers(outlook_book, outlook_report_zh):
    wb = openpyxl.load_workbook(outlook_book)
    m1 = next(n for n in wb.sheetnames if "M1同比领先PPI同比" in (wb[n]["A1"].value or ""))
    (chart,) = _chart_xml(outlook_book, m1)
    assert chart.count("<c:valAx>") == 2  # M1 on the right axis
    assert "（右轴）" in chart
    # a table printed as "+1.13" text in the report is a number in the workbook
    ws = wb["表1"]
    numbers = [c.value for row in ws.iter_rows(min_row=6) for c in row[1:] if c.value is not None]
    assert numbers and all(isinstance(v, float) for v in numbers)
    header, rows, _ = outlook_report_zh.tables()[0].cells()
    assert [ws.cell(5, j + 1).value or "" for j in range(len(header))] == header
    assert float(rows[0][1].replace("+", "")) == pytest.approx(ws.cell(6, 2).value)


def test_figure_without_data_gets_its_png(tmp_path):
    import io

    from matplotlib.figure import Figure as MplFigure

    mpl = MplFigure(figsize=(2, 1))
    mpl.add_subplot().plot([1, 2], [3, 4])
    buf = io.BytesIO()
    mpl.savefig(buf, format="png")
    rep = Report("测试", sections=[Section("一", [Figure(buf.getvalue(), "无数据的图")])])
    path = render(rep, tmp_path, formats="xlsx")["xlsx"]
    ws = openpyxl.load_workbook(path)["图1"]
    assert ws["A1"].value == "图1：无数据的图" and "没有随附数据" in ws["A4"].value
    with zipfile.ZipFile(path) as z:
        assert any(n.startswith("xl/media/") for n in z.namelist())
        assert not any(n.startswith("xl/charts/") for n in z.namelist())


def test_explicit_data_kind_and_bad_kind(tmp_path):
    import pandas as pd

    df = pd.DataFrame({"出口": [2.1, -0.5]}, index=["东盟", "美国"])
    with pytest.raises(ReportError, match="unknown kind 'pie'"):
        Figure(b"", "x", data=df, kind="pie")
    rep = Report("测试", sections=[Section("一", [Table(df, "表")])])
    path = render(rep, tmp_path, formats="xlsx")["xlsx"]
    ws = openpyxl.load_workbook(path)["表1"]
    assert [ws["A6"].value, ws["B6"].value, ws["B7"].value] == ["东盟", 2.1, -0.5]


def test_missing_extra_gives_the_install_hint(monkeypatch, tmp_path, cli, sample_store_path):
    monkeypatch.setitem(sys.modules, "xlsxwriter", None)
    rep = Report("测试", sections=[Section("一", ["段落"])])
    with pytest.raises(ReportError, match=re.escape('pip install "macrodesk[excel]"')):
        render(rep, tmp_path, formats="xlsx")
    code, out, err = cli("report", "inflation-review", "--format", "xlsx", "--store", sample_store_path,
                         "--out", tmp_path / "r")
    assert code == 2 and 'pip install "macrodesk[excel]"' in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1 and not (tmp_path / "r").exists()
