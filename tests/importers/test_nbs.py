"""NBS data portal downloads (data.stats.gov.cn): CSV (GBK/UTF-8) and xls, monthly and quarterly."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from importers.conftest import write_workbook
from macrodesk.exceptions import InputFileError
from macrodesk.importers import read_paths
from macrodesk.importers.mapping import parse_mapping
from macrodesk.importers.nbs import read_nbs

# Published NBS figures, 2024-07 .. 2025-07 (oldest first), as in the project's shared data:
CPI_Y = [100.5, 100.6, 100.4, 100.3, 100.2, 100.1, 100.5, 99.3, 99.9, 99.9, 99.9, 100.1, 100.0]  # 上年同月=100
CPI_M = [100.5, 100.4, 100.0, 99.7, 99.4, 100.0, 100.7, 99.8, 99.6, 100.1, 99.8, 99.9, 100.4]  # 上月=100
PPI_Y = [99.2, 98.2, 97.2, 97.1, 97.5, 97.7, 97.7, 97.8, 97.5, 97.3, 96.7, 96.4, 96.4]
PPI_PRODUCER = [99.3, 98.0, 96.7, 96.7, 97.1, 97.4, 97.4, 97.5, 97.2, 96.9, 96.0, 95.6, 95.7]
# Published CPI YoY (%) for the same months: the 上年同月=100 index is 100 + YoY, a check independent of the file.
CPI_YOY_PUBLISHED = [0.5, 0.6, 0.4, 0.3, 0.2, 0.1, 0.5, -0.7, -0.1, -0.1, -0.1, 0.1, 0.0]
MONTHS = [str(p) for p in pd.period_range("2024-07", "2025-07", freq="M")]

# NBS household survey, per head, year to date (元): 2022Q1 .. 2023Q3 (oldest first).
QUARTERS = ["2022Q1", "2022Q2", "2022Q3", "2022Q4", "2023Q1", "2023Q2", "2023Q3"]
INCOME = ["10345.18", "18462.89", "27650.17", "36883.28", "10869.65", "19671.60", "29397.85"]
CONSUMPTION = ["6392.67", "11756.04", "17877.91", "24538.22", "6737.57", "12739.16", "19529.87"]
CN_Q = {"1": "一", "2": "二", "3": "三", "4": "四"}

FOOTER = [["注：1.以上数据来源于国家统计局。"], ["数据来源：国家统计局"]]


def month_head(m: str) -> str:
    y, mm = m.split("-")
    return f"{y}年{int(mm)}月"


def monthly_rows(indicators: dict[str, list], months=MONTHS, time="最近13个月") -> list[list]:
    """The portal's layout: newest period first."""
    rows: list[list] = [["数据库：月度数据"], [f"时间：{time}"]]
    rows.append(["指标"] + [month_head(m) for m in reversed(months)])
    for name, vals in indicators.items():
        rows.append([name] + list(reversed(vals)))
    return rows + FOOTER


def quarterly_rows() -> list[list]:
    rows: list[list] = [["数据库：季度数据"], ["时间：2022年第一季度-2023年第三季度"]]
    rows.append(["指标"] + [f"{q[:4]}年第{CN_Q[q[-1]]}季度" for q in reversed(QUARTERS)])
    rows.append(["居民人均可支配收入_累计值(元)"] + list(reversed(INCOME)))
    rows.append(["居民人均消费支出_累计值(元)"] + list(reversed(CONSUMPTION)))
    return rows + FOOTER


def write_csv(path, rows, encoding="gbk"):
    text = "\r\n".join(",".join("" if v is None else str(v) for v in r) for r in rows) + "\r\n"
    path.write_bytes(text.encode(encoding))
    return path


MONTHLY = {
    "居民消费价格指数(上年同月=100)": CPI_Y,
    "居民消费价格指数(上月=100)": CPI_M,
    "工业生产者出厂价格指数(上年同月=100)": PPI_Y,
    "生产资料工业生产者出厂价格指数(上年同月=100)": PPI_PRODUCER,
}


def by_id(series):
    return {s.id: s for s in series}


@pytest.mark.parametrize("encoding", ["gbk", "utf-8-sig", "utf-8"])
def test_monthly_csv_real_values_ids_and_units(tmp_path, encoding):
    f = write_csv(tmp_path / "月度数据.csv", monthly_rows(MONTHLY), encoding)
    got = by_id(read_paths([f]))
    assert set(got) == {"cpi_index_prev_year", "cpi_mom_index", "ppi_index_prev_year",
                        "ppi_producer_goods_index_prev_year"}
    cpi = got["cpi_index_prev_year"]
    assert cpi.unit == "index_prev_year_100" and cpi.freq == "M"
    assert [str(p) for p in cpi.observations().index] == MONTHS  # newest-first columns come out oldest-first
    assert cpi.observations().round(1).tolist() == [round(100 + y, 1) for y in CPI_YOY_PUBLISHED]
    assert got["cpi_mom_index"].unit == "index_prev_month_100"
    assert got["cpi_mom_index"].observations()["2025-01"] == 100.7
    assert got["ppi_index_prev_year"].observations()["2025-07"] == 96.4
    assert got["ppi_producer_goods_index_prev_year"].observations().tolist() == PPI_PRODUCER
    assert cpi.meta.source == "国家统计局"
    assert cpi.meta.name_zh == "CPI(上年同月=100)"  # the catalogue's name for a known id


def test_monthly_xls_reads_as_the_csv(tmp_path):
    rows = monthly_rows(MONTHLY)
    xls = write_workbook(tmp_path / "月度数据.xls", {"sheet1": rows})
    csv_ = write_csv(tmp_path / "月度数据.csv", rows)
    a, b = by_id(read_paths([xls])), by_id(read_paths([csv_]))
    assert set(a) == set(b)
    for k in a:
        pd.testing.assert_series_equal(a[k].observations(), b[k].observations())


def test_quarterly_database(tmp_path):
    f = write_csv(tmp_path / "季度数据.csv", quarterly_rows())
    got = by_id(read_nbs(f))
    inc = got["hh_disposable_income_pc_ytd"]
    assert inc.freq == "Q" and inc.unit == "cny_per_head"
    assert [str(p) for p in inc.observations().index] == QUARTERS
    assert inc.observations()["2023Q3"] == 29397.85
    assert got["hh_consumption_pc_ytd_total"].observations()["2022Q4"] == 24538.22
    # a known id takes the catalogue's name (the bundled sample's), not the portal's wording
    assert got["hh_consumption_pc_ytd_total"].meta.name_zh == "居民人均消费支出:合计:累计值"


def test_period_headings():
    from macrodesk.importers.nbs import _period

    assert _period("2025年12月") == pd.Period("2025-12", "M")
    assert _period("2025年第四季度") == pd.Period("2025Q4", "Q")
    assert _period("2025年第1季度") == pd.Period("2025Q1", "Q")
    assert _period("2025年") == pd.Period("2025", "Y")
    assert _period("指标") is None and _period("2025年13月") is None


def test_units_from_the_name():
    from macrodesk.importers.nbs import _unit

    assert _unit("工业增加值_累计增长(%)", "M") == "pct_yoy_ytd"
    assert _unit("工业增加值_当期同比增长(%)", "M") == "pct_yoy"
    assert _unit("社会消费品零售总额_当期值(亿元)", "M") == "cny_100m"
    assert _unit("工业生产者出厂价格指数(上年同期=100)", "M") == "index_prev_year_100"
    assert _unit("居民人均可支配收入_累计值(元)", "Q") is None  # 元 alone says too little


def test_user_mapping_wins_and_maps_unknown_names(tmp_path):
    rows = monthly_rows({"居民消费价格指数(上年同月=100)": CPI_Y, "某新指标(亿元)": [1.0] * 13})
    f = write_csv(tmp_path / "m.csv", rows)
    with pytest.raises(InputFileError) as e:
        read_nbs(f)
    msg = str(e.value)
    assert "file 'm.csv'" in msg and "某新指标(亿元)" in msg and '[series."某新指标(亿元)"] id' in msg
    user = parse_mapping('[series."某新指标(亿元)"]\nid = "my_level"\n[series."居民消费价格指数(上年同月=100)"]\n'
                         'id = "cpi_nbs_index"\n'.encode(), "map.toml")
    got = by_id(read_nbs(f, user))
    assert set(got) == {"my_level", "cpi_nbs_index"}
    assert got["my_level"].unit == "cny_100m" and got["cpi_nbs_index"].observations()["2025-02"] == 99.3


def test_blank_cells_are_missing_and_an_empty_unknown_row_is_skipped(tmp_path):
    cpi = list(CPI_Y)
    cpi[5] = ""  # 2024-12 not published in this download
    f = write_csv(tmp_path / "m.csv", monthly_rows({"居民消费价格指数(上年同月=100)": cpi, "无数据指标": [""] * 13}))
    s = read_nbs(f)[0]
    obs = s.observations()
    assert len(obs) == 12 and pd.Period("2024-12", "M") not in obs.index and obs["2025-01"] == 100.5


@pytest.mark.parametrize(
    "mutate, message",
    [
        (lambda r: r[3].__setitem__(5, "100.2*"), r"row 4, series '居民消费价格指数\(上年同月=100\)': '100.2\*' under 2025-03"),
        (lambda r: r[2].__setitem__(2, "2025年7月"), r"row 3: period 2025-07 heads two columns \(2 and 3\)"),
        (lambda r: (r[2].pop(3), r[3].pop(3), r[4].pop(3)), r"row 3: the headings skip 2025-05"),
        (lambda r: r.__setitem__(4, r[4][:6]), r"row 5, series '居民消费价格指数\(上月=100\)': the row has 6 cells"),
        (lambda r: r.__setitem__(4, ["居民消费价格指数(上年同月=100)"] + r[4][1:]), r"appears twice \(rows 4 and 5\)"),
        (lambda r: r[0].__setitem__(0, "数据库：分省月度数据"), r"row 1: unknown database '分省月度数据'"),
        (lambda r: r[2].__setitem__(0, "地区"), r"no header row starting with 指标"),
    ],
    ids=["text-in-number", "duplicate-period", "missing-month", "truncated-row", "duplicate-indicator",
         "unknown-database", "no-header"],
)
def test_malformed_files_name_file_row_and_series(tmp_path, mutate, message):
    rows = monthly_rows({"居民消费价格指数(上年同月=100)": CPI_Y, "居民消费价格指数(上月=100)": CPI_M})
    mutate(rows)
    f = write_csv(tmp_path / "bad.csv", rows)
    with pytest.raises(InputFileError, match=r"file 'bad.csv'.*" + message):
        read_paths([f])


def test_truncated_download_without_rows(tmp_path):
    f = write_csv(tmp_path / "cut.csv", monthly_rows({})[:3])
    with pytest.raises(InputFileError, match=r"file 'cut.csv', row 3: no indicator rows"):
        read_paths([f])


def test_xls_errors_name_the_sheet(tmp_path):
    rows = monthly_rows({"居民消费价格指数(上年同月=100)": CPI_Y})
    rows[3][2] = "n/a"
    f = write_workbook(tmp_path / "bad.xls", {"sheet1": rows})
    with pytest.raises(InputFileError, match=r"file 'bad.xls', sheet 'sheet1', row 4, .*'n/a' under 2025-06"):
        read_paths([f])


def test_cli_imports_and_a_bad_download_leaves_the_store_untouched(cli, tmp_path):
    store = tmp_path / "s.duckdb"
    good = write_csv(tmp_path / "月度数据.csv", monthly_rows(MONTHLY))
    code, out, _ = cli("data", "import", good, "--store", store, "--json")
    assert code == 0 and json.loads(out)["added"]["cpi_index_prev_year"] == 13
    _, before, _ = cli("data", "list", "--store", store, "--json")
    rows = monthly_rows({"居民消费价格指数(上年同月=100)": CPI_Y, "未知指标(%)": CPI_M})
    code, _, err = cli("data", "import", write_csv(tmp_path / "bad.csv", rows), "--store", store)
    assert code == 2 and "file 'bad.csv'" in err and "未知指标(%)" in err and "Traceback" not in err
    _, after, _ = cli("data", "list", "--store", store, "--json")
    assert after == before


def test_annual_database_with_a_user_mapping(tmp_path):
    # NBS per-head disposable income for the whole year (元): 2021 35128.08, 2022 36883.28.
    rows = [["数据库：年度数据"], ["时间：2021-2022"], ["指标", "2022年", "2021年"],
            ["居民人均可支配收入(元)", "36883.28", "35128.08"]] + FOOTER
    f = write_csv(tmp_path / "年度数据.csv", rows)
    user = parse_mapping('[series."居民人均可支配收入(元)"]\nid = "hh_income_pc"\nunit = "cny_per_head"\n'.encode(), "m.toml")
    (s,) = read_nbs(f, user)
    assert s.freq == "A" and s.unit == "cny_per_head"
    assert {str(p): v for p, v in s.observations().items()} == {"2021": 35128.08, "2022": 36883.28}
    rows[0] = ["数据库：月度数据"]
    with pytest.raises(InputFileError, match=r"row 3: the 数据库 line says frequency M but the headings are A periods"):
        read_nbs(write_csv(tmp_path / "x.csv", rows), user)
