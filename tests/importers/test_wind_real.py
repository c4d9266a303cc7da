"""Workbooks shaped exactly like real Wind, Choice and iFinD EDB exports, with real published values.

Wind: the plug-in's formula in cell A1 (cached value 0) above the label rows; label rows in Wind's
order with 更新时间 and without 来源 (the CPI export) or with it (the PPI export); one daily date
grid starting mid-month with 0 as filler; monthly values on month-end rows; 上年同月=100 on a
series named 当月同比; empty 单位 and 点 on price indices; a cumulative series; the 万得一致预测
consensus beside the official print; weekly and daily columns. No mapping file: the shipped code
table puts each series under the id the reports read.

Values (NBS, MOA, MOFCOM, CRB, the Wind consensus), 2022-11 and 2022-12:
CPI YoY 1.6, 1.8 (%); CPI consensus 1.63, 1.84; PPI YoY −1.3, −0.7; PPI consensus −1.46, −0.27;
PPI mining (上年同月=100) 96.1, 101.7; PPI year-to-date (上年同期=100) 104.6, 104.1; daily pork
wholesale price (元/公斤), Dated Brent (美元/桶) and the CRB spot index, weekly MOFCOM means-of-
production price index, 2022-11-15 .. 2022-11-30 (below).
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from macrodesk.analyses._common import Inputs
from macrodesk.exceptions import UnitError
from macrodesk.importers.wind import detect_vendor, read_wind

from .conftest import write_workbook

D = dt.date
PORK = {D(2022, 11, 15): 33.59, D(2022, 11, 16): 33.3, D(2022, 11, 17): 33.56, D(2022, 11, 18): 34.0,
        D(2022, 11, 21): 33.53, D(2022, 11, 22): 33.51, D(2022, 11, 23): 33.4, D(2022, 11, 24): 33.45,
        D(2022, 11, 25): 33.23, D(2022, 11, 28): 32.82, D(2022, 11, 29): 32.44, D(2022, 11, 30): 32.18}
BRENT = {D(2022, 11, 15): 94.18, D(2022, 11, 16): 92.42, D(2022, 11, 17): 91.41, D(2022, 11, 18): 88.42,
         D(2022, 11, 21): 83.31, D(2022, 11, 22): 89.6, D(2022, 11, 23): 85.35, D(2022, 11, 24): 85.73,
         D(2022, 11, 25): 85.59, D(2022, 11, 28): 82.73, D(2022, 11, 29): 84.14, D(2022, 11, 30): 86.62}
CRB = {D(2022, 11, 15): 570.05, D(2022, 11, 16): 569.3, D(2022, 11, 17): 564.27, D(2022, 11, 18): 560.92,
       D(2022, 11, 21): 557.08, D(2022, 11, 22): 559.39, D(2022, 11, 23): 560.64, D(2022, 11, 25): 561.49,
       D(2022, 11, 28): 560.08, D(2022, 11, 29): 561.09, D(2022, 11, 30): 564.26}  # no print on Thanksgiving
MEANS_OF_PRODUCTION = {D(2022, 11, 18): 115.93, D(2022, 11, 25): 115.23}
NOV, DEC = D(2022, 11, 30), D(2022, 12, 31)
MONTHLY = {
    "cpi": {NOV: 1.6, DEC: 1.8}, "cpi_cons": {NOV: 1.63, DEC: 1.84},
    "ppi": {NOV: -1.3, DEC: -0.7}, "ppi_cons": {NOV: -1.46, DEC: -0.27},
    "mining": {NOV: 96.1, DEC: 101.7}, "ppi_ytd": {NOV: 104.6, DEC: 104.1},
}
GRID = sorted(set(PORK) | set(BRENT) | set(CRB) | {DEC})  # a daily grid from 2022-11-15, plus Dec's month-end


def _col(values: dict, dates=GRID) -> list:
    return [values.get(d, 0) for d in dates]  # Wind writes 0 where a series has no observation


def _with_cached_zero_formula(path: Path) -> Path:
    """Give the A1 formula the cached value 0 that Wind's plug-in leaves (openpyxl writes none)."""
    tmp = path.with_suffix(".tmp")
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                data = re.sub(rb'(<c r="A1"[^>]*>\s*<f>[^<]*</f>)\s*<v\s*/>', rb"\1<v>0</v>", data)
            zout.writestr(item, data)
    tmp.replace(path)
    return path


def wind_workbook(path: Path, cols: list[tuple], labels: tuple[str, ...]) -> Path:
    """A Wind export: A1 formula (xlsx) or its cached 0 (xls), label rows, the daily grid, no footer."""
    a1 = '=EDB("M0000612","2022-11-15","2022-12-31")' if path.suffix == ".xlsx" else 0
    rows: list[list] = [[a1]]
    for label in labels:
        i = ("指标名称", "频率", "单位", "指标ID", "来源", "更新时间").index(label)
        rows.append([label] + [c[i] for c in cols])
    rows += [[d] + [c[6][k] for c in cols] for k, d in enumerate(GRID)]
    write_workbook(path, {"Sheet1": rows})
    return _with_cached_zero_formula(path) if path.suffix == ".xlsx" else path


UPDATED = "2023-01-13"
CPI_COLS = [  # name, 频率, 单位, 指标ID, 来源, 更新时间, values
    ("CPI:当月同比", "月", "%", "M0000612", "国家统计局", UPDATED, _col(MONTHLY["cpi"])),
    ("CPI:当月同比:万得一致预测", "月", "%", "M0061676", "Wind", UPDATED, _col(MONTHLY["cpi_cons"])),
    ("平均批发价:猪肉", "日", "元/公斤", "S5065106", "农业农村部", UPDATED, _col(PORK)),
    ("CRB现货指数:综合", "日", "", "S0031505", "CRB", UPDATED, _col(CRB)),
]
PPI_COLS = [
    ("PPI:全部工业品:当月同比", "月", "%", "M0001227", "国家统计局", UPDATED, _col(MONTHLY["ppi"])),
    ("PPI:全部工业品:当月同比:万得一致预测", "月", "%", "M0061677", "Wind", UPDATED, _col(MONTHLY["ppi_cons"])),
    ("PPI:生产资料:采掘工业:当月同比", "月", "上年同月=100", "M0001211", "国家统计局", UPDATED, _col(MONTHLY["mining"])),
    ("PPI:全部工业品:累计值", "月", "上年同期=100", "TEST0100", "国家统计局", UPDATED, _col(MONTHLY["ppi_ytd"])),
    ("现货价:原油:英国布伦特Dtd", "日", "美元/桶", "S5111905", "Wind", UPDATED, _col(BRENT)),
    ("生产资料价格指数", "周", "点", "S0000274", "商务部", UPDATED, _col(MEANS_OF_PRODUCTION)),
]
CPI_LABELS = ("指标名称", "频率", "单位", "指标ID", "更新时间")  # the real CPI export has no 来源 row
PPI_LABELS = ("指标名称", "单位", "指标ID", "频率", "来源", "更新时间")  # another order, with 来源


def _values(s) -> dict:
    return {k: float(v) for k, v in s.observations().items()}


@pytest.mark.parametrize("suffix", [".xlsx", ".xls"])
def test_real_shaped_wind_exports_land_under_report_ids(tmp_path, suffix):
    cpi_file = wind_workbook(tmp_path / f"CPI_data_raw{suffix}", CPI_COLS, CPI_LABELS)
    ppi_file = wind_workbook(tmp_path / f"PPI_data_raw{suffix}", PPI_COLS, PPI_LABELS)
    out = {s.id: s for f in (cpi_file, ppi_file) for s in read_wind(f)}
    months = {pd.Period("2022-11", "M"): None, pd.Period("2022-12", "M"): None}
    for sid, key in (("cpi_yoy", "cpi"), ("cpi_yoy_consensus", "cpi_cons"), ("ppi_yoy", "ppi"), ("ppi_yoy_consensus", "ppi_cons")):
        s = out[sid]
        assert (s.freq, s.unit) == ("M", "pct_yoy")
        assert list(s.observations().index) == list(months)
        assert s.observations().tolist() == [MONTHLY[key][NOV], MONTHLY[key][DEC]]
    # 上年同月=100 stays an index whatever the name (当月同比) says
    assert (out["ppi_mining_index"].unit, out["ppi_mining_index"].observations().tolist()) == ("index_prev_year_100", [96.1, 101.7])
    # cumulative: 上年同期=100, kept as published, under its raw id
    assert out["TEST0100"].unit == "index_prev_year_100" and out["TEST0100"].observations().tolist() == [104.6, 104.1]
    pork, crb, brent, mop = (out[k] for k in ("pork_wholesale_cny", "crb_spot_index", "brent_dtd_usd", "means_of_production_price_index_weekly"))
    assert (pork.freq, pork.unit) == ("D", "cny_per_kg") and _values(pork) == {pd.Timestamp(d): v for d, v in PORK.items()}
    assert (crb.freq, crb.unit) == ("D", "index") and _values(crb) == {pd.Timestamp(d): v for d, v in CRB.items()}
    assert (brent.freq, brent.unit) == ("D", "usd_per_bbl") and _values(brent) == {pd.Timestamp(d): v for d, v in BRENT.items()}
    assert (mop.freq, mop.unit) == ("W", "index_2005m12_100") and _values(mop) == {pd.Timestamp(d): v for d, v in MEANS_OF_PRODUCTION.items()}
    assert out["cpi_yoy"].meta.name_zh == "CPI:当月同比" and out["cpi_yoy"].meta.source == ""
    assert out["cpi_yoy"].meta.key == "M0000612" and out["cpi_yoy"].meta.name_en == "CPI YoY"  # the Wind code it came from
    assert out["ppi_yoy"].meta.source == "国家统计局"
    assert len(out) == 10


def test_user_mapping_wins_over_the_shipped_table(tmp_path, write_mapping):
    f = wind_workbook(tmp_path / "cpi.xlsx", CPI_COLS, CPI_LABELS)
    mp = write_mapping('[series.M0061676]\nid = "cpi_yoy"\n\n[series.M0000612]\nid = "cpi_yoy_official"\n')
    out = {s.id: s for s in read_wind(f, mapping=mp)}
    assert out["cpi_yoy"].observations().tolist() == [1.63, 1.84]
    assert out["cpi_yoy_official"].observations().tolist() == [1.6, 1.8]
    assert "cpi_yoy_consensus" not in out and "pork_wholesale_cny" in out


def test_report_inputs_serve_a_yoy_id_stored_as_an_index(tmp_path, write_mapping):
    f = wind_workbook(tmp_path / "ppi.xlsx", PPI_COLS, PPI_LABELS)
    (mining,) = [s for s in read_wind(f, mapping=write_mapping('[series.M0001211]\nid = "ppi_mining_yoy"\n')) if s.id == "ppi_mining_yoy"]
    assert mining.unit == "index_prev_year_100"  # stored as published
    served = Inputs({"ppi_mining_yoy": mining}, [])["ppi_mining_yoy"]
    assert served.unit == "pct_yoy"
    assert served.observations().round(6).tolist() == [-3.9, 1.7]  # 96.1 - 100, 101.7 - 100


def test_empty_unit_on_a_non_index_is_still_an_error(tmp_path):
    cols = [CPI_COLS[0], ("平均批发价:猪肉", "日", "", "S5065106", "农业农村部", UPDATED, _col(PORK))]
    f = wind_workbook(tmp_path / "bad.xlsx", cols, CPI_LABELS)
    with pytest.raises(UnitError, match=r"file 'bad\.xlsx', sheet 'Sheet1', column C, series 'pork_wholesale_cny'.*no 单位") as ei:
        read_wind(f)
    assert ei.value.row == 4  # the 单位 row (below the A1 formula)


# --------------------------------------------------------------------------
# Choice (东方财富) and iFinD (同花顺) exports


def choice_rows(label_source: str = "发布方") -> list[list]:
    # Choice: 指标名称 / 指标ID / 频率 / 单位 / 发布方, dates newest first as YYYY-MM, a footer
    return [
        ["指标名称", "CPI:当月同比", "PPI:全部工业品:当月同比"],
        ["指标ID", "EMM00072301", "EMM00073348"],
        ["频率", "月", "月"],
        ["单位", "%", "%"],
        [label_source, "国家统计局", "国家统计局"],
        ["2022-12", 1.8, -0.7],
        ["2022-11", 1.6, -1.3],
        ["2022-10", 2.1, -1.3],
        ["数据来源：东方财富Choice数据"],
    ]


@pytest.mark.parametrize(("suffix", "label_source"), [(".xlsx", "发布方"), (".xls", "来源")])
def test_choice_export(tmp_path, suffix, label_source):
    f = write_workbook(tmp_path / f"choice{suffix}", {"Sheet1": choice_rows(label_source)})
    out = {s.id: s for s in read_wind(f)}
    assert sorted(out) == ["cpi_yoy", "ppi_yoy"]
    assert out["cpi_yoy"].observations().tolist() == [2.1, 1.6, 1.8]  # CPI YoY 2022-10..12 (NBS)
    assert out["ppi_yoy"].observations().tolist() == [-1.3, -1.3, -0.7]
    assert out["cpi_yoy"].freq == "M" and out["cpi_yoy"].unit == "pct_yoy"
    assert str(out["cpi_yoy"].observations().index[0]) == "2022-10"
    assert out["ppi_yoy"].meta.source == "国家统计局"


def test_vendor_is_told_from_the_file():
    import numpy as np

    def arr(rows):
        width = max(len(r) for r in rows)
        return np.array([r + [None] * (width - len(r)) for r in rows], dtype=object)

    assert detect_vendor([arr(choice_rows())]) == "choice"
    no_footer = choice_rows()[:-1]
    assert detect_vendor([arr(no_footer)]) == "choice"  # EMM ids
    assert detect_vendor([arr([["指标名称", "x"], ["指标ID", "M0000612"]])]) == "wind"
    assert detect_vendor([arr([["指标名称", "x"], ["指标ID", "M001620326"]])]) == "ifind"
    assert detect_vendor([arr([["指标名称", "x"], ["指标ID", "M0000612"], ["数据来源：同花顺iFinD"]])]) == "ifind"
    assert detect_vendor([arr([["指标名称", "x"], ["发布方", "国家统计局"]])]) == "choice"


def test_ifind_export(tmp_path, write_mapping):
    # iFinD: 指标名称 / 指标ID / 频率 / 单位 / 来源 / 更新时间, dates newest first, a footer; no shipped codes yet
    rows = [
        ["指标名称", "中国:CPI:当月同比"],
        ["指标ID", "M001620247"],
        ["频率", "月"],
        ["单位", "%"],
        ["来源", "国家统计局"],
        ["更新时间", "2023-01-12"],
        [D(2022, 12, 31), 1.8],
        [D(2022, 11, 30), 1.6],
        ["数据来源：同花顺iFinD"],
    ]
    f = write_workbook(tmp_path / "ifind.xlsx", {"Sheet1": rows})
    (s,) = read_wind(f)
    assert s.id == "M001620247" and s.unit == "pct_yoy" and s.observations().tolist() == [1.6, 1.8]
    (m,) = read_wind(f, mapping=write_mapping('[series.M001620247]\nid = "cpi_yoy"\n'))
    assert m.id == "cpi_yoy"
