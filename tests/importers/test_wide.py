"""Generic wide tables (CEIC / Macrobond / Bloomberg-style downloads) read with a TOML layout."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pytest

from importers.conftest import month_ends, write_workbook
from macrodesk.exceptions import InputFileError
from macrodesk.importers import read_paths
from macrodesk.importers.wide import load_layout, parse_layout, read_wide

# Published NBS prints for 2025-01 .. 2025-12 (%, YoY).
CPI_YOY = [0.5, -0.7, -0.1, -0.1, -0.1, 0.1, 0.0, -0.4, -0.3, 0.2, 0.7, 0.8]
PPI_YOY = [-2.3, -2.2, -2.5, -2.7, -3.3, -3.6, -3.6, -2.9, -2.3, -2.1, -2.2, -1.9]
# ICE Brent settlement (USD/bbl), last trading days of 2025.
BRENT = [("2025-12-23", 61.91), ("2025-12-24", 61.84), ("2025-12-26", 60.27), ("2025-12-29", 61.22),
         ("2025-12-30", 61.27), ("2025-12-31", 60.9)]

LAYOUT = """\
header_row = 3
date_column = "Date"
source = "CEIC"

[columns."China CPI YoY"]
id = "cpi_yoy"
unit = "pct_yoy"
freq = "M"

[columns."China PPI YoY"]
id = "ppi_yoy"
unit = "pct_yoy"
freq = "M"
name_en = "PPI YoY"
"""


def ceic_rows(cpi=CPI_YOY, ppi=PPI_YOY, months=None) -> list[list]:
    """A CEIC-like download: two title lines, the heading row, monthly rows (month-start dates), a footer."""
    months = months or [f"2025-{m:02d}-01" for m in range(1, 13)]
    rows: list[list] = [["CEIC Data Export"], ["Frequency: Monthly"], ["Date", "China CPI YoY", "China PPI YoY", "Note"]]
    for d, a, b in zip(months, cpi, ppi):
        rows.append([d, a, b, "x"])
    rows.append(["Source: National Bureau of Statistics", "", "", ""])
    return rows


def write_csv(path, rows, encoding="utf-8"):
    path.write_text("\n".join(",".join("" if v is None else str(v) for v in r) for r in rows) + "\n", encoding=encoding)
    return path


@pytest.fixture
def layout(tmp_path):
    p = tmp_path / "ceic.toml"
    p.write_text(LAYOUT, encoding="utf-8")
    return p


def test_csv_wide_table_real_values(tmp_path, layout):
    f = write_csv(tmp_path / "ceic.csv", ceic_rows())
    got = {s.id: s for s in read_paths([f], layout=layout)}
    assert set(got) == {"cpi_yoy", "ppi_yoy"}
    cpi = got["cpi_yoy"]
    assert cpi.freq == "M" and cpi.unit == "pct_yoy" and cpi.meta.source == "CEIC"
    assert cpi.observations().tolist() == CPI_YOY
    assert str(cpi.observations().index[0]) == "2025-01"  # a month-start date is its month
    assert got["ppi_yoy"].meta.name_en == "PPI YoY" and got["ppi_yoy"].observations()["2025-06"] == -3.6


def test_excel_sheet_with_dates_and_a_daily_column(tmp_path):
    rows: list[list] = [["Ticker", "CO1 Comdty"], ["Date", "PX_LAST"]]
    rows += [[dt.date.fromisoformat(d), v] for d, v in BRENT]
    f = write_workbook(tmp_path / "bbg.xlsx", {"Cover": [["Bloomberg"]], "Data": rows})
    lay = parse_layout(b'sheet = "Data"\nheader_row = 2\n[columns.PX_LAST]\nid = "brent_usd"\nunit = "usd_per_bbl"\n'
                       b'freq = "D"\n', "bbg.toml")
    (s,) = read_wide(f, lay)
    assert s.freq == "D" and s.observations().tolist() == [v for _, v in BRENT]
    assert s.observations().index[2] == pd.Timestamp("2025-12-26")


def test_column_by_letter_and_date_format(tmp_path):
    rows = [["月份", "值"]] + [[f"{m:02d}/2025", v] for m, v in zip(range(1, 13), CPI_YOY)]
    f = write_csv(tmp_path / "t.csv", rows, encoding="gbk")
    lay = parse_layout('date_format = "%m/%Y"\n[columns.cpi]\ncolumn = "B"\nid = "cpi_yoy"\nunit = "pct_yoy"\n'
                       'freq = "M"\n'.encode(), "t.toml")
    (s,) = read_wide(f, lay)
    assert s.observations()["2025-12"] == 0.8 and len(s.observations()) == 12


def test_quarterly_column_on_a_monthly_grid(tmp_path):
    # NBS per-head disposable income, year to date (元), 2022Q1..2023Q3, on a month-end grid with blanks between.
    income = [10345.18, 18462.89, 27650.17, 36883.28, 10869.65, 19671.60, 29397.85]
    grid = month_ends("2022-01", 21)
    rows = [["Date", "Income"]] + [[d.isoformat(), income[i // 3] if d.month % 3 == 0 else ""] for i, d in enumerate(grid)]
    f = write_csv(tmp_path / "q.csv", rows)
    lay = parse_layout(b'[columns.Income]\nid = "hh_disposable_income_pc_ytd"\nunit = "cny_per_head"\nfreq = "Q"\n', "q.toml")
    (s,) = read_wide(f, lay)
    assert [str(p) for p in s.observations().index] == ["2022Q1", "2022Q2", "2022Q3", "2022Q4", "2023Q1", "2023Q2",
                                                          "2023Q3"]
    assert s.observations().tolist() == income


@pytest.mark.parametrize(
    "text, message",
    [
        ("header_row = 1\nheader = 2\n", r"file 'l.toml'.*unknown key 'header'"),
        ('header_row = "3"\n', r"file 'l.toml'.*header_row must be an integer"),
        ('[columns.a]\nid = "x"\nunit = "percent"\nfreq = "M"\n', r"file 'l.toml', series 'a'.*unknown unit 'percent'"),
        ('[columns.a]\nid = "x"\nunit = "pct"\nfreq = "monthly"\n', r"series 'a'.*unknown freq 'monthly'"),
        ('[columns.a]\nid = "x"\nunit = "pct"\n', r"series 'a'.*missing freq"),
        ('[columns.a]\nid = "x"\nunit = "pct"\nfreq = "M"\nscale = 1\n', r"series 'a'.*unknown key 'scale'"),
        ('[columns.a]\nid = "x"\nunit = "pct"\nfreq = "M"\n[columns.b]\nid = "x"\nunit = "pct"\nfreq = "M"\n',
         r"series 'b'.*id 'x' is already used by \[columns.a\]"),
        ("header_row = 1\n", r"no \[columns"),
        ("header_row = [1\n", r"not valid TOML"),
    ],
)
def test_bad_layouts_name_the_layout_file_and_key(tmp_path, text, message):
    p = tmp_path / "l.toml"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(InputFileError, match=message):
        load_layout(p)


@pytest.mark.parametrize(
    "mutate, message",
    [
        (lambda r: r[5].__setitem__(1, "-0.1%"), r"row 6, series 'cpi_yoy': '-0.1%' in column B"),
        (lambda r: r[6].__setitem__(0, "2025-03-15"), r"row 7, series 'cpi_yoy': 2025-03 is given twice \(rows 6 and 7\)"),
        (lambda r: r.pop(8), r"row 8, series 'cpi_yoy': the dates skip 2025-06 \(after row 8\)"),
        (lambda r: r[4].__setitem__(0, "Feb 2025"), r"row 5: 'Feb 2025' in column A is not a date"),
        (lambda r: r[2].__setitem__(2, "PPI"), r"row 3: column 'China PPI YoY' .* is not a heading of row 3"),
        (lambda r: r.__delitem__(slice(3, None)), r"no dated rows from row 4"),
    ],
    ids=["text-in-number", "duplicate-period", "missing-month", "bad-date", "unknown-column", "truncated"],
)
def test_malformed_tables(tmp_path, layout, mutate, message):
    rows = ceic_rows()
    mutate(rows)
    f = write_csv(tmp_path / "bad.csv", rows)
    with pytest.raises(InputFileError, match=r"file 'bad.csv'.*" + message):
        read_paths([f], layout=layout)


def test_annual_years_typed_as_numbers_and_an_empty_column(tmp_path):
    # NBS per-head disposable income for the whole year (元; the Q4 year-to-date figure): 2021, 2022.
    rows = [["Year", "Income", "Empty"], [2021, 35128.08, None], [2022, 36883.28, None]]
    f = write_workbook(tmp_path / "a.xlsx", {"Sheet1": rows})
    lay = parse_layout(b'date_column = "Year"\n[columns.Income]\nid = "hh_income_pc"\nunit = "cny_per_head"\nfreq = "A"\n',
                       "a.toml")
    (s,) = read_wide(f, lay)
    assert [str(p) for p in s.observations().index] == ["2021", "2022"]
    assert s.observations().tolist() == [35128.08, 36883.28]
    lay2 = parse_layout(b'date_column = "Year"\n[columns.Empty]\nid = "e"\nunit = "pct"\nfreq = "A"\n', "a.toml")
    with pytest.raises(InputFileError, match=r"file 'a.xlsx', sheet 'Sheet1', series 'e': column C \('Empty'\) holds no values"):
        read_wide(f, lay2)


def test_missing_sheet(tmp_path):
    f = write_workbook(tmp_path / "x.xlsx", {"Sheet1": [["Date", "a"], [dt.date(2025, 1, 31), 1.0]]})
    lay = parse_layout(b'sheet = "Data"\n[columns.a]\nid = "a"\nunit = "pct"\nfreq = "M"\n', "x.toml")
    with pytest.raises(InputFileError, match=r"file 'x.xlsx': no sheet 'Data' .*sheets: Sheet1"):
        read_wide(f, lay)


def test_cli_layout_option_and_store_untouched_on_error(cli, tmp_path, layout):
    store = tmp_path / "s.duckdb"
    good = write_csv(tmp_path / "ceic.csv", ceic_rows())
    code, out, _ = cli("data", "import", good, "--layout", layout, "--store", store, "--json")
    assert code == 0 and json.loads(out)["added"] == {"cpi_yoy": 12, "ppi_yoy": 12}
    _, before, _ = cli("data", "list", "--store", store, "--json")
    rows = ceic_rows()
    rows[10][2] = "n.a."
    code, _, err = cli("data", "import", write_csv(tmp_path / "bad.csv", rows), "--layout", layout, "--store", store)
    assert code == 2 and "file 'bad.csv', row 11, series 'ppi_yoy'" in err and "Traceback" not in err
    _, after, _ = cli("data", "list", "--store", store, "--json")
    assert after == before
    code, _, err = cli("data", "import", good, "--format", "wide", "--store", store)
    assert code == 2 and "needs a layout file" in err
