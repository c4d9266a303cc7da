"""Tests for the Wind EDB Excel importer and the mapping file.

All numbers are real published values (see the provenance comments); they were
cross-checked against the bundled sample data. M0000612 is Wind's 指标ID for
CPI:当月同比 (the shipped code table maps it to ``cpi_yoy``); every other 指标ID here is a
made-up "TEST…" id.
"""

from __future__ import annotations

import datetime as dt
import re

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from macrodesk.exceptions import FrequencyError, InputFileError, MacrodeskWarning, UnitError
from macrodesk.importers.mapping import Mapping, MappingEntry, load_mapping
from macrodesk.importers.wind import interpret_unit, read_wind

from .conftest import WindCol, month_ends, wind_rows

D = dt.date

# China CPI YoY, %, NBS monthly releases: 2025-07 .. 2025-12
CPI_YOY_2025H2 = [0.0, -0.4, -0.3, 0.2, 0.7, 0.8]
# China PPI YoY, %, NBS: 2025-07 .. 2025-12
PPI_YOY_2025H2 = [-3.6, -2.9, -2.3, -2.1, -2.2, -1.9]
# China CPI YoY, %, NBS: 2023-05 0.2, 2023-06 0.0, 2023-07 -0.3
CPI_YOY_2023 = {D(2023, 5, 31): 0.2, D(2023, 6, 30): 0.0, D(2023, 7, 31): -0.3}
# ICE Brent front month settlement, USD/bbl (via akshare), trading days around the 2023 mid-year month-ends
BRENT_2023 = {
    D(2023, 5, 29): 77.09, D(2023, 5, 30): 73.84, D(2023, 5, 31): 72.13,
    D(2023, 6, 1): 74.29, D(2023, 6, 2): 76.2, D(2023, 6, 28): 73.83,
    D(2023, 6, 29): 74.34, D(2023, 6, 30): 75.19, D(2023, 7, 3): 74.89,
    D(2023, 7, 4): 76.1, D(2023, 7, 5): 76.47, D(2023, 7, 28): 84.32,
    D(2023, 7, 31): 85.25,
}
# Baltic Dry Index (daily), SCFI (weekly, Fridays), NBS manufacturing PMI 2025-06 49.7,
# NBS breeding-sow inventory end-2025Q2 4010 万头 (CCB Futures compilation)
BDI_2025 = {
    D(2025, 6, 23): 1674.0, D(2025, 6, 24): 1681.0, D(2025, 6, 25): 1665.0,
    D(2025, 6, 26): 1553.0, D(2025, 6, 27): 1521.0, D(2025, 6, 30): 1489.0,
    D(2025, 7, 1): 1458.0, D(2025, 7, 2): 1443.0, D(2025, 7, 3): 1434.0,
    D(2025, 7, 4): 1436.0,
}
SCFI_2025 = {D(2025, 6, 20): 1869.59, D(2025, 6, 27): 1861.51, D(2025, 7, 4): 1763.49}
PMI_2025_06 = 49.7
SOWS_2025Q2 = 4010.0


def monthly_index(start: str, n: int) -> pd.PeriodIndex:
    return pd.period_range(start, periods=n, freq="M")


def cpi_col(values=CPI_YOY_2025H2) -> WindCol:
    return WindCol("中国:CPI:当月同比", "月", "%", "M0000612", list(values))


def ppi_col(values=PPI_YOY_2025H2) -> WindCol:
    return WindCol("中国:PPI:全部工业品:当月同比", "月", "%", "TEST0001", list(values))


def by_id(series):
    return {s.id: s for s in series}


# --------------------------------------------------------------------------
# plain monthly exports


def test_plain_monthly_export(make_workbook):
    rows = wind_rows(
        [cpi_col(), ppi_col()],
        month_ends("2025-07", 6),
        title="宏观数据 (Wind EDB)",
        extra_header=[["时间区间", "2025-07:2025-12", "2025-07:2025-12"], ["更新时间", "2026-01-09", "2026-01-09"]],
        blank_before_data=True,
    )
    out = read_wind(make_workbook("cpi.xlsx", rows))
    assert [s.id for s in out] == ["cpi_yoy", "TEST0001"]
    cpi, ppi = out
    assert cpi.meta.unit == "pct_yoy" and cpi.meta.freq == "M"
    assert cpi.meta.name_zh == "中国:CPI:当月同比"
    assert cpi.meta.source == "国家统计局"
    assert cpi.meta.origin == "cpi.xlsx:Sheet1"
    assert isinstance(cpi.data.index, pd.PeriodIndex)
    assert cpi.data.index.equals(monthly_index("2025-07", 6))
    assert cpi.data.tolist() == CPI_YOY_2025H2  # the 0.0 of 2025-07 is a value
    assert ppi.data.index.equals(monthly_index("2025-07", 6))
    assert ppi.data.tolist() == PPI_YOY_2025H2
    assert ppi.data.dtype == np.float64


def test_xls_and_xlsx_give_identical_series(make_workbook):
    rows = wind_rows([cpi_col(), ppi_col()], month_ends("2025-07", 6))
    a = read_wind(make_workbook("cpi.xlsx", rows))
    b = read_wind(make_workbook("cpi.xls", rows))
    assert len(a) == len(b) == 2
    for x, y in zip(a, b):
        assert x.meta.replace(origin="") == y.meta.replace(origin="")
        assert x.data.equals(y.data)
    assert b[0].meta.origin == "cpi.xls:Sheet1"


def test_descending_dates_text_dates_and_serials(make_workbook):
    dates = month_ends("2025-07", 6)
    asc = read_wind(make_workbook("asc.xlsx", wind_rows([cpi_col()], dates)))[0]
    desc_rows = wind_rows([cpi_col(CPI_YOY_2025H2[::-1])], dates[::-1])
    desc = read_wind(make_workbook("desc.xlsx", desc_rows))[0]
    assert desc.data.equals(asc.data)
    # text dates in the forms Wind and users write, and a plain Excel serial number
    mixed_dates = ["2025-07", "2025/08/31", "2025-09-30", "2025年10月", (D(2025, 11, 30) - D(1899, 12, 30)).days, D(2025, 12, 31)]
    other = read_wind(make_workbook("text.xls", wind_rows([cpi_col()], mixed_dates)))[0]
    assert other.data.equals(asc.data)


def test_blank_cells_are_missing_values(make_workbook):
    # China exports (USD) YoY, %, GACC: 2025-11 5.9, 2025-12 6.6; 2025-10 left blank here
    col = WindCol("中国:出口金额:当月同比", "月", "%", "TEST0002", [-1.2, None, 5.9, 6.6], source="海关总署")
    rows = wind_rows([col, cpi_col(CPI_YOY_2025H2[3:] + [None])], month_ends("2025-09", 4))
    exp, cpi = read_wind(make_workbook("trade.xlsx", rows))
    assert exp.data.index.equals(monthly_index("2025-09", 4))
    assert exp.data.iloc[0] == -1.2 and np.isnan(exp.data.iloc[1])
    assert exp.data.iloc[2:].tolist() == [5.9, 6.6]
    assert exp.meta.source == "海关总署"
    # a trailing blank is not an observation
    assert cpi.data.index.equals(monthly_index("2025-09", 3))
    assert cpi.data.tolist() == [0.2, 0.7, 0.8]


@pytest.mark.parametrize("footer", [("数据来源：Wind",), ("来源：Wind",), ("来源：Wind", "注：本表数据为月度数据", "2099-01-31")])
def test_footer_lines_are_ignored(make_workbook, footer):
    rows = wind_rows([cpi_col()], month_ends("2025-07", 6), footer=footer)
    (cpi,) = read_wind(make_workbook("cpi.xlsx", rows))
    assert cpi.data.index.equals(monthly_index("2025-07", 6))
    assert cpi.data.tolist() == CPI_YOY_2025H2


def test_every_sheet_is_read_and_empty_sheets_skipped(make_workbook):
    path = make_workbook(
        "book.xlsx",
        {
            "CPI": wind_rows([cpi_col()], month_ends("2025-07", 6)),
            "空表": [],
            "PPI": wind_rows([ppi_col()], month_ends("2025-07", 6)),
        },
    )
    out = read_wind(path)
    assert [(s.id, s.meta.origin) for s in out] == [("cpi_yoy", "book.xlsx:CPI"), ("TEST0001", "book.xlsx:PPI")]


def test_cpi_index_prev_year(make_workbook):
    # China CPI (上年同月=100), NBS: 2025-11 100.7, 2025-12 100.8
    col = WindCol("中国:CPI:当月同比(上年同月=100)", "月", "上年同月=100", "TEST0003", [100.7, 100.8])
    (s,) = read_wind(make_workbook("cpi_idx.xlsx", wind_rows([col], month_ends("2025-11", 2))))
    assert s.meta.unit == "index_prev_year_100"
    assert s.data.index.equals(monthly_index("2025-11", 2))
    assert s.data.tolist() == [100.7, 100.8]


# --------------------------------------------------------------------------
# mixed-frequency (merged) exports


def _merged_2023_rows(cpi_values: dict[dt.date, float] | None = None):
    dates = sorted(BRENT_2023)
    cpi_vals = cpi_values or CPI_YOY_2023
    cpi = WindCol("中国:CPI:当月同比", "月", "%", "M0000612", [cpi_vals.get(d, 0) for d in dates])
    brent = WindCol("期货结算价(连续):布伦特原油", "日", "美元/桶", "TEST0004", [BRENT_2023[d] for d in dates], source="ICE")
    return wind_rows([cpi, brent], dates)


@pytest.mark.parametrize("suffix", [".xlsx", ".xls"])
def test_mixed_frequency_keeps_genuine_zero_and_drops_fillers(make_workbook, suffix):
    out = by_id(read_wind(make_workbook("merged" + suffix, _merged_2023_rows())))
    cpi, brent = out["cpi_yoy"], out["TEST0004"]
    assert cpi.meta.freq == "M"
    assert cpi.data.index.equals(monthly_index("2023-05", 3))
    assert cpi.data.tolist() == [0.2, 0.0, -0.3]  # 2023-06 0.0 is a real print
    assert brent.meta.freq == "D" and brent.meta.unit == "usd_per_bbl"
    assert isinstance(brent.data.index, pd.DatetimeIndex)
    assert brent.data.index.equals(pd.DatetimeIndex(sorted(BRENT_2023)))
    assert brent.data.tolist() == [BRENT_2023[d] for d in sorted(BRENT_2023)]


def test_mixed_daily_weekly_monthly_quarterly(make_workbook):
    dates = sorted(set(BDI_2025) | set(SCFI_2025))
    cols = [
        WindCol("波罗的海干散货指数(BDI)", "日", "点", "TEST0005", [BDI_2025.get(d, 0) for d in dates], source="波罗的海航运交易所"),
        WindCol("上海出口集装箱运价指数(SCFI)", "周", "点", "TEST0006", [SCFI_2025.get(d, 0) for d in dates], source="上海航运交易所"),
        WindCol("中国:制造业PMI", "月", "%", "TEST0007", [PMI_2025_06 if d == D(2025, 6, 30) else 0 for d in dates]),
        WindCol("中国:能繁母猪存栏", "季", "万头", "TEST0008", [SOWS_2025Q2 if d == D(2025, 6, 30) else 0 for d in dates]),
    ]
    out = by_id(read_wind(make_workbook("shipping.xlsx", wind_rows(cols, dates))))
    bdi, scfi, pmi, sows = (out[k] for k in ("TEST0005", "TEST0006", "TEST0007", "TEST0008"))
    # BDI has no row on 2025-06-20 in this export (a filler 0) -> dropped
    assert bdi.meta.freq == "D" and bdi.meta.unit == "index"
    assert bdi.data.index.equals(pd.DatetimeIndex(sorted(BDI_2025)))
    assert bdi.data.tolist() == [BDI_2025[d] for d in sorted(BDI_2025)]
    assert scfi.meta.freq == "W"
    assert scfi.data.index.equals(pd.DatetimeIndex(sorted(SCFI_2025)))
    assert scfi.data.tolist() == [1869.59, 1861.51, 1763.49]
    assert pmi.meta.unit == "index_50" and pmi.meta.freq == "M"
    assert pmi.data.index.equals(monthly_index("2025-06", 1)) and pmi.data.tolist() == [49.7]
    assert sows.meta.unit == "10k_head" and sows.meta.freq == "Q"
    assert sows.data.index.equals(pd.period_range("2025Q2", periods=1, freq="Q"))
    assert sows.data.tolist() == [4010.0]


def test_mixed_monthly_value_off_month_end_is_frequency_error(make_workbook):
    # -0.3 (the real 2023-07 print) typed on 2023-07-28 instead of the month-end
    cpi = dict(CPI_YOY_2023)
    del cpi[D(2023, 7, 31)]
    cpi[D(2023, 7, 28)] = -0.3
    rows = _merged_2023_rows(cpi)  # labels rows 1-5, data from row 6; 2023-07-28 is the 12th date
    with pytest.raises(
        FrequencyError,
        match=re.escape("file 'merged.xlsx', sheet 'Sheet1', row 17, series 'cpi_yoy': cell B17 holds -0.3 on 2023-07-28, which is not a month-end"),
    ) as ei:
        read_wind(make_workbook("merged.xlsx", rows))
    assert ei.value.row == 17 and ei.value.series_id == "cpi_yoy"


def test_merged_sheet_drops_edge_zero_runs_and_warns_about_a_single_edge_zero(make_workbook):
    # CPI column starting two month-ends after the daily column: Wind fills 0 before its start
    dates = sorted(BRENT_2023)
    cpi = WindCol("中国:CPI:当月同比", "月", "%", "TEST0010", [-0.3 if d == D(2023, 7, 31) else 0 for d in dates])
    brent = WindCol("期货结算价(连续):布伦特原油", "日", "美元/桶", "TEST0004", [BRENT_2023[d] for d in dates])
    out = by_id(read_wind(make_workbook("m.xlsx", wind_rows([cpi, brent], dates))))
    assert out["TEST0010"].data.index.equals(monthly_index("2023-07", 1))
    assert out["TEST0010"].data.tolist() == [-0.3]
    # PPI YoY (NBS) 2023-06 -5.4, 2023-07 -4.4, starting one month-end after the grid: the single
    # leading 0 cannot be told from a real 0.0 print -> kept, with a warning
    ppi = {D(2023, 6, 30): -5.4, D(2023, 7, 31): -4.4}
    ppi_col = WindCol("中国:PPI:全部工业品:当月同比", "月", "%", "TEST0011", [ppi.get(d, 0) for d in dates])
    with pytest.warns(MacrodeskWarning, match="may be a Wind filler"):
        out = by_id(read_wind(make_workbook("m1.xlsx", wind_rows([ppi_col, brent], dates))))
    assert out["TEST0011"].data.tolist() == [0.0, -5.4, -4.4]


# --------------------------------------------------------------------------
# frequency inference without a 频率 row


def test_missing_frequency_row_is_inferred(make_workbook):
    labels = ("指标名称", "单位", "指标ID")
    monthly = wind_rows([cpi_col()], month_ends("2025-07", 6), labels=labels)
    daily_dates = sorted(BRENT_2023)
    daily = wind_rows(
        [WindCol("布伦特原油", None, "美元/桶", "TEST0004", [BRENT_2023[d] for d in daily_dates])], daily_dates, labels=labels
    )
    weekly_dates = sorted(SCFI_2025)
    weekly = wind_rows(
        [WindCol("SCFI", None, "点", "TEST0006", [SCFI_2025[d] for d in weekly_dates])], weekly_dates, labels=labels
    )
    # NBS breeding-sow inventory, 万头, quarter-ends 2025Q1..Q4
    quarterly = wind_rows(
        [WindCol("中国:能繁母猪存栏", None, "万头", "TEST0008", [4030.0, 4010.0, 4030.0, 3960.0])],
        [D(2025, 3, 31), D(2025, 6, 30), D(2025, 9, 30), D(2025, 12, 31)],
        labels=labels,
    )
    out = by_id(read_wind(make_workbook("nofreq.xlsx", {"m": monthly, "d": daily, "w": weekly, "q": quarterly})))
    assert out["cpi_yoy"].meta.freq == "M"
    assert out["cpi_yoy"].data.index.equals(monthly_index("2025-07", 6))
    assert out["TEST0004"].meta.freq == "D"
    assert out["TEST0006"].meta.freq == "W"
    assert out["TEST0008"].meta.freq == "Q"
    assert out["TEST0008"].data.index.equals(pd.period_range("2025Q1", periods=4, freq="Q"))


def test_frequency_cannot_be_inferred_from_one_date(make_workbook):
    rows = wind_rows([cpi_col([0.8])], [D(2025, 12, 31)], labels=("指标名称", "单位", "指标ID"))
    with pytest.raises(InputFileError, match=r"file 'one\.xlsx', sheet 'Sheet1': cannot tell the frequency.*add a 频率 row"):
        read_wind(make_workbook("one.xlsx", rows))


def test_year_end_dates_are_annual(make_workbook):
    # Year-ends are quarter- and month-ends too; the importers (Wind and CSV alike) read them as annual.
    values = [4329.0, 4390.0, 4142.0, 4078.0, 4038.0]  # illustrative year-end stocks, 万头
    dates = [D(y, 12, 31) for y in range(2021, 2026)]
    rows = wind_rows([WindCol("存栏", None, "万头", "TEST0099", values)], dates, labels=("指标名称", "单位", "指标ID"))
    (s,) = read_wind(make_workbook("stocks.xlsx", rows))
    assert s.meta.freq == "A"
    assert s.data.index.equals(pd.period_range("2021", periods=5, freq="Y"))
    assert s.data.tolist() == values


# --------------------------------------------------------------------------
# mapping files


def test_mapping_renames_and_overrides_units(make_workbook, write_mapping):
    mp = write_mapping(
        """
        [series.M0000612]
        id = "cpi_yoy"
        name_en = "CPI YoY"

        [series.TEST0001]
        id = "ppi_yoy"
        unit = "pct"            # override what 单位 + name say

        [series."中国:CPI:当月同比(上年同月=100)"]   # a column without 指标ID, by name
        id = "cpi_index_prev_year"
        unit = "index_prev_year_100"
        source = "NBS"
        """
    )
    idx = WindCol("中国:CPI:当月同比(上年同月=100)", "月", "某种单位", None, [None, None, None, None, 100.7, 100.8])
    rows = wind_rows([cpi_col(), ppi_col(), idx], month_ends("2025-07", 6))
    path = make_workbook("cpi.xlsx", rows)
    for mapping in (load_mapping(mp), mp, str(mp)):
        out = by_id(read_wind(path, mapping=mapping))
        assert sorted(out) == ["cpi_index_prev_year", "cpi_yoy", "ppi_yoy"]
        assert out["cpi_yoy"].meta.name_en == "CPI YoY"
        assert out["cpi_yoy"].meta.unit == "pct_yoy"
        assert out["cpi_yoy"].data.tolist() == CPI_YOY_2025H2
        assert out["ppi_yoy"].meta.unit == "pct"
        assert out["cpi_index_prev_year"].meta.unit == "index_prev_year_100"
        assert out["cpi_index_prev_year"].meta.source == "NBS"
        assert out["cpi_index_prev_year"].data.index.equals(monthly_index("2025-11", 2))
        assert out["cpi_index_prev_year"].data.tolist() == [100.7, 100.8]


def test_load_mapping_lookup(write_mapping):
    m = load_mapping(write_mapping('[series.M0000612]\nid = "cpi_yoy"\nunit = "pct_yoy"\nname_en = "CPI YoY"\n'))
    assert isinstance(m, Mapping) and len(m) == 1
    assert m.lookup("M0000612") == MappingEntry(key="M0000612", id="cpi_yoy", unit="pct_yoy", name_en="CPI YoY")
    assert m.lookup("TEST0001") is None


@pytest.mark.parametrize(
    "text, pattern",
    [
        ('[series.M0000612\nid = "cpi_yoy"\n', r"file 'mapping\.toml': not valid TOML"),
        ('[series.M0000612]\nid = "cpi_yoy"\nunit = "percent_yoy"\n',
         r"file 'mapping\.toml', series 'M0000612': \[series\.M0000612\]: unknown unit 'percent_yoy'"),
        ('[series.M0000612]\nid = "cpi_yoy"\n[series.TEST0001]\nid = "cpi_yoy"\n',
         r"file 'mapping\.toml', series 'TEST0001': \[series\.TEST0001\]: id 'cpi_yoy' is already used by \[series\.M0000612\]"),
        ('[series.M0000612]\nunit = "pct_yoy"\n', r"file 'mapping\.toml', series 'M0000612': \[series\.M0000612\]: missing id"),
        ('[series.M0000612]\nid = "cpi_yoy"\nunits = "pct_yoy"\n', r"unknown field 'units'"),
        ('title = "x"\n', r"unexpected top-level key 'title'"),
    ],
)
def test_mapping_errors(write_mapping, text, pattern):
    with pytest.raises(InputFileError, match=pattern):
        load_mapping(write_mapping(text))


def test_mapping_file_not_found(tmp_path):
    with pytest.raises(InputFileError, match=r"file 'nope\.toml': mapping file not found"):
        load_mapping(tmp_path / "nope.toml")


# --------------------------------------------------------------------------
# units


@pytest.mark.parametrize(
    "unit, name, expected",
    [
        ("%", "中国:CPI:当月同比", "pct_yoy"),
        ("%", "中国:出口金额:同比", "pct_yoy"),
        ("%", "中国:社会消费品零售总额:累计同比", "pct_yoy_ytd"),
        ("%", "中国:CPI:环比", "pct_mom"),
        ("%", "中国:城镇调查失业率", "pct"),
        ("％", "中国:CPI:当月同比", "pct_yoy"),
        ("%", "中国:制造业PMI", "index_50"),
        ("上年同月=100", "中国:CPI:当月同比", "index_prev_year_100"),
        ("上年同期=100", "中国:PPI:累计同比", "index_prev_year_100"),
        ("上月=100", "中国:CPI:环比", "index_prev_month_100"),
        ("亿元", "中国:社会消费品零售总额:当月值", "cny_100m"),
        ("万元", "x", "cny_10k"),
        ("亿美元", "中国:出口金额:当月值", "usd_100m"),
        ("万美元", "x", "usd_10k"),
        ("千美元", "x", "usd_thousand"),
        ("百万美元", "x", "usd_mn"),
        ("美元/桶", "期货结算价(连续):布伦特原油", "usd_per_bbl"),
        ("美元/吨", "LME铜", "usd_per_t"),
        ("美元/盎司", "COMEX黄金", "usd_per_oz"),
        ("元/吨", "螺纹钢", "cny_per_t"),
        ("元/公斤", "猪肉平均批发价", "cny_per_kg"),
        ("元/千克", "牛肉平均批发价", "cny_per_kg"),
        ("点", "南华综合指数", "index"),
        ("指数", "x", "index"),
        ("万头", "能繁母猪存栏", "10k_head"),
        ("万吨", "x", "10k_t"),
    ],
)
def test_unit_interpretation(make_workbook, unit, name, expected):
    assert interpret_unit(unit, name) == expected
    # the same through a workbook; the values are the real CPI YoY prints (units are the point here)
    col = WindCol(name, "月", unit, "TEST0009", CPI_YOY_2025H2[4:])
    (s,) = read_wind(make_workbook("u.xlsx", wind_rows([col], month_ends("2025-11", 2))))
    assert s.meta.unit == expected


def test_quarterly_qoq_rate():
    assert interpret_unit("%", "中国:GDP:不变价:环比", "Q") == "pct_qoq"


def test_unknown_unit_is_unit_error(make_workbook, write_mapping):
    col = WindCol("中国:出口金额:当月值", "月", "亿卢布", "TEST0010", [None, 5.9, 6.6])
    path = make_workbook("trade.xlsx", wind_rows([cpi_col(CPI_YOY_2025H2[3:]), col], month_ends("2025-10", 3)))
    with pytest.raises(
        UnitError,
        match=re.escape("file 'trade.xlsx', sheet 'Sheet1', column C, series 'TEST0010' (中国:出口金额:当月值): unknown unit '亿卢布'; set `unit` for it in a mapping file"),
    ) as ei:
        read_wind(path)
    assert ei.value.sheet == "Sheet1" and ei.value.series_id == "TEST0010"
    # a mapping's unit wins over the unknown one
    mp = write_mapping('[series.TEST0010]\nid = "exports_yoy"\nunit = "pct_yoy"\n')
    out = by_id(read_wind(path, mapping=mp))
    assert out["exports_yoy"].meta.unit == "pct_yoy"
    assert out["exports_yoy"].data.tolist() == [5.9, 6.6]


# --------------------------------------------------------------------------
# errors


def _cpi_rows_with_bad_row14(bad_date):
    # row 1 title, row 2 blank, rows 3-7 labels, rows 8-13 2025-07..2025-12, row 14 the bad date
    return wind_rows(
        [cpi_col(CPI_YOY_2025H2 + [0.8])],
        month_ends("2025-07", 6) + [bad_date],
        title="CPI",
    )


def test_non_date_row_in_data_block(make_workbook):
    with pytest.raises(InputFileError, match=re.escape("file 'cpi.xlsx', sheet 'Sheet1', row 14: '2025-13-01' is not a date")) as ei:
        read_wind(make_workbook("cpi.xlsx", _cpi_rows_with_bad_row14("2025-13-01")))
    assert (ei.value.file, ei.value.sheet, ei.value.row) == ("cpi.xlsx", "Sheet1", 14)
    with pytest.raises(InputFileError, match=re.escape("file 'cpi.xls', sheet 'Sheet1', row 14: 'n/a' is not a date")):
        read_wind(make_workbook("cpi.xls", _cpi_rows_with_bad_row14("n/a")))


def test_row_with_values_but_no_date(make_workbook):
    rows = _cpi_rows_with_bad_row14(None)
    with pytest.raises(InputFileError, match=re.escape("file 'cpi.xlsx', sheet 'Sheet1', row 14: the row has values but no date in column A")):
        read_wind(make_workbook("cpi.xlsx", rows))


def test_duplicate_dates_name_both_rows(make_workbook):
    rows = _cpi_rows_with_bad_row14(D(2025, 12, 31))
    with pytest.raises(InputFileError, match=re.escape("file 'cpi.xlsx', sheet 'Sheet1', row 14: duplicate date 2025-12-31 (also in row 13)")):
        read_wind(make_workbook("cpi.xlsx", rows))


def test_text_in_number_column(make_workbook):
    vals = list(CPI_YOY_2025H2)
    vals[3] = "0.2%"
    rows = wind_rows([ppi_col(), cpi_col(vals)], month_ends("2025-07", 6))  # labels rows 1-5, 2025-10 in row 9
    with pytest.raises(
        InputFileError,
        match=re.escape("file 'cpi.xlsx', sheet 'Sheet1', row 9, series 'cpi_yoy': cell C9: '0.2%' is not a number"),
    ):
        read_wind(make_workbook("cpi.xlsx", rows))


def test_monthly_sheet_missing_month(make_workbook):
    dates = month_ends("2025-07", 6)
    del dates[3]  # no 2025-10 row
    vals = CPI_YOY_2025H2[:3] + CPI_YOY_2025H2[4:]
    with pytest.raises(
        InputFileError,
        match=re.escape("file 'cpi.xlsx', sheet 'Sheet1', row 9: the date column skips 2025-10 (between 2025-09 in row 8 and 2025-11 in row 9)"),
    ):
        read_wind(make_workbook("cpi.xlsx", wind_rows([cpi_col(vals)], dates)))


def test_missing_months_in_a_descending_sheet_and_missing_quarter(make_workbook):
    dates = month_ends("2025-07", 6)[::-1]  # newest first, as Wind can export
    vals = CPI_YOY_2025H2[::-1]
    del dates[2:4], vals[2:4]  # no 2025-10 and 2025-09 rows
    with pytest.raises(
        InputFileError,
        match=re.escape("row 7: the date column skips 2025-09 to 2025-10, 2 months, (between 2025-08 in row 8 and 2025-11 in row 7)"),
    ):
        read_wind(make_workbook("cpi.xlsx", wind_rows([cpi_col(vals)], dates)))
    # NBS breeding-sow inventory, 万头: 2025Q1 4030, (Q2 missing), 2025Q3 4030
    sows = WindCol("中国:能繁母猪存栏", "季", "万头", "TEST0008", [4030.0, 4030.0])
    with pytest.raises(InputFileError, match=re.escape("row 7: the date column skips 2025Q2 (between 2025Q1 in row 6 and 2025Q3 in row 7)")):
        read_wind(make_workbook("sows.xlsx", wind_rows([sows], [D(2025, 3, 31), D(2025, 9, 30)])))


def test_column_without_id_or_mapping(make_workbook, write_mapping):
    col = WindCol("中国:PPI:全部工业品:当月同比", "月", "%", None, PPI_YOY_2025H2)
    path = make_workbook("ppi.xlsx", wind_rows([cpi_col(), col], month_ends("2025-07", 6)))
    pat = re.escape("file 'ppi.xlsx', sheet 'Sheet1', row 4: column C ('中国:PPI:全部工业品:当月同比') has no 指标ID and ")
    with pytest.raises(InputFileError, match=pat + "no mapping file was given"):
        read_wind(path)
    mp = write_mapping('[series.M0000612]\nid = "cpi_yoy"\n')
    with pytest.raises(InputFileError, match=pat + "the mapping file has no entry for its name"):
        read_wind(path, mapping=mp)


def test_two_columns_with_same_series_id(make_workbook, write_mapping):
    rows = wind_rows([cpi_col(), WindCol("CPI 当月同比 (copy)", "月", "%", "M0000612", CPI_YOY_2025H2)], month_ends("2025-07", 6))
    with pytest.raises(InputFileError, match=re.escape("file 'dup.xlsx', sheet 'Sheet1', series 'cpi_yoy': columns B and C both give series id 'cpi_yoy'")):
        read_wind(make_workbook("dup.xlsx", rows))
    # a mapping that sends a column onto another's id, across sheets
    path = make_workbook(
        "dup2.xlsx",
        {"A": wind_rows([cpi_col()], month_ends("2025-07", 6)), "B": wind_rows([ppi_col()], month_ends("2025-07", 6))},
    )
    mp = write_mapping('[series.M0000612]\nid = "TEST0001"\n')
    with pytest.raises(InputFileError, match=re.escape("sheet 'B', series 'TEST0001': column B of sheet 'A' and column B of this sheet both give series id")):
        read_wind(path, mapping=mp)


def test_empty_workbook(make_workbook):
    with pytest.raises(InputFileError, match=re.escape("file 'empty.xlsx': the workbook is empty")):
        read_wind(make_workbook("empty.xlsx", {"Sheet1": [], "Sheet2": []}))
    with pytest.raises(InputFileError, match=re.escape("file 'empty.xls': the workbook is empty")):
        read_wind(make_workbook("empty.xls", {"Sheet1": []}))


def test_sheet_with_header_but_no_data(make_workbook):
    path = make_workbook(
        "book.xlsx",
        {"CPI": wind_rows([cpi_col()], month_ends("2025-07", 6)), "PPI": wind_rows([ppi_col()], [])},
    )
    with pytest.raises(InputFileError, match=re.escape("file 'book.xlsx', sheet 'PPI': no data rows")):
        read_wind(path)


def test_unreadable_files(tmp_path):
    bad = tmp_path / "cpi.xlsx"
    bad.write_text("not a workbook", encoding="utf-8")
    with pytest.raises(InputFileError, match=re.escape("file 'cpi.xlsx': not a readable Excel workbook (.xlsx or .xls)")):
        read_wind(bad)
    bad_xls = tmp_path / "cpi.xls"
    bad_xls.write_bytes(b"\x00\x01garbage" * 100)
    with pytest.raises(InputFileError, match=re.escape("file 'cpi.xls': not a readable Excel workbook")):
        read_wind(bad_xls)
    with pytest.raises(InputFileError, match=re.escape("file 'missing.xlsx': file not found")):
        read_wind(tmp_path / "missing.xlsx")


@pytest.mark.parametrize(
    "freq, pattern",
    [
        ("半年", "column B: 频率 '半年' (semi-annual) is not supported"),
        ("不定期", "column B: unknown 频率 '不定期'"),
    ],
)
def test_unsupported_frequency(make_workbook, freq, pattern):
    col = WindCol("中国:CPI:当月同比", freq, "%", "M0000612", CPI_YOY_2025H2)
    with pytest.raises(InputFileError, match=re.escape(f"file 'f.xlsx', sheet 'Sheet1', row 2, series 'cpi_yoy': {pattern}")):
        read_wind(make_workbook("f.xlsx", wind_rows([col], month_ends("2025-07", 6))))


def test_column_with_header_but_no_values_is_skipped_with_warning(make_workbook):
    rows = wind_rows([cpi_col(), WindCol("停更指标", "月", "%", "TEST0011", [])], month_ends("2025-07", 6))
    with pytest.warns(MacrodeskWarning, match=r"column C, series 'TEST0011': no values"):
        out = read_wind(make_workbook("cpi.xlsx", rows))
    assert [s.id for s in out] == ["cpi_yoy"]


# --------------------------------------------------------------------------
# speed (a smaller version of the benchmark: 300 series x 25 years monthly)


def test_reads_a_wide_sheet(tmp_path):
    import openpyxl

    n_series, dates = 300, month_ends("2001-01", 300)
    # the real CPI and PPI prints of 2025H2, tiled: only the size matters here
    real = np.array(CPI_YOY_2025H2 + PPI_YOY_2025H2)
    vals = np.resize(real, (len(dates), n_series))
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Sheet1")
    ws.append(["指标名称"] + [f"指标{j}:当月同比" for j in range(n_series)])
    ws.append(["频率"] + ["月"] * n_series)
    ws.append(["单位"] + ["%"] * n_series)
    ws.append(["指标ID"] + [f"TEST{j:04d}" for j in range(n_series)])
    for d, row in zip(dates, vals):
        ws.append([d] + row.tolist())
    path = tmp_path / "wide.xlsx"
    wb.save(path)
    out = read_wind(path)
    assert len(out) == n_series
    assert out[7].data.to_numpy().tolist() == vals[:, 7].tolist()


# --------------------------------------------------------------------------
# property: any pattern of blanks, either row order, either file format


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    blanks=st.lists(st.booleans(), min_size=6, max_size=6),
    descending=st.booleans(),
    suffix=st.sampled_from([".xlsx", ".xls"]),
)
def test_blanks_round_trip(make_workbook, blanks, descending, suffix):
    vals = [None if b else v for b, v in zip(blanks, CPI_YOY_2025H2)]
    dates = month_ends("2025-07", 6)
    if descending:
        dates, vals = dates[::-1], vals[::-1]
    path = make_workbook("p" + suffix, wind_rows([cpi_col(vals)], dates))
    if all(blanks):
        with pytest.warns(MacrodeskWarning, match="no values"):
            assert read_wind(path) == []
        return
    (s,) = read_wind(path)
    expected = pd.Series(
        [None if b else v for b, v in zip(blanks, CPI_YOY_2025H2)], index=monthly_index("2025-07", 6), dtype="float64"
    )
    first, last = expected.first_valid_index(), expected.last_valid_index()
    expected = expected[first:last]
    assert s.data.index.equals(expected.index)
    np.testing.assert_array_equal(s.data.to_numpy(), expected.to_numpy())
