"""The customs online-query CSV (海关统计数据在线查询) → the trade flash's ids.

Partner files carry real values: China's exports by partner, single months, as GACC first
published them (USD thousand; a Choice export of GACC's 国别(地区) tables), written here as the
site writes a partner-only query (美元 in dollars with thousands separators, GBK). Product files
are small hand-made numbers (the shared data hold no China exports by HS code); every expected
figure below is a hand sum written out next to it.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from macrodesk.exceptions import InputFileError
from macrodesk.importers.customs import FORMAT, read_customs, sniff
from macrodesk.importers.mapping import parse_mapping
from macrodesk.models.trade.ids import PV_ITEMS, REGIONS, product_id, quantity_id, region_id
from macrodesk.models.trade.prices import item_price_volume

HEADER = ["数据年月", "商品编码", "商品名称", "贸易伙伴编码", "贸易伙伴名称",
          "第一数量", "第一计量单位", "第二数量", "第二计量单位", "美元"]

# China exports by partner, USD thousand, GACC first release (2019-12 is EU28, 2020-01 EU27).
REAL = {
    "2019-12": {"us": 34573938.0, "eu": 40317935.0, "asean": 37532245.0, "japan": 12418263.0,
                "korea": 10084838.0, "hong_kong": 27354798.0, "taiwan": 5271101.0, "india": 6925566.0,
                "uk": 5793158.0, "russia": 4918635.0, "africa": 12338765.0, "latin_america": 15422651.0,
                "australia": 4484501.0, "canada": 3402725.0, "new_zealand": 487309.0, "macau": 274299.0,
                "germany": 7556668.0, "france": 3115068.0, "vietnam": 9999880.0},
    "2020-01": {"us": 32495748.175, "eu": 34270753.585, "asean": 29918473.861, "japan": 12065461.137,
                "korea": 8682581.435, "hong_kong": 18725973.441, "taiwan": 4529845.466,
                "india": 6947942.044, "uk": 5184182.404, "russia": 4449182.393, "africa": 11112540.804,
                "latin_america": 13721075.947, "australia": 4094847.677, "canada": 3139043.819,
                "new_zealand": 532451.417, "macau": 177043.123, "germany": 7287883.03,
                "france": 3343784.53, "vietnam": 7149341.3},
    "2025-03": {"us": 40061118.996, "eu": 43056641.147, "asean": 58982476.95, "japan": 13910553.934,
                "korea": 12901846.728, "hong_kong": 27898515.649, "taiwan": 6714194.729,
                "india": 10805053.826, "uk": 6617448.471, "russia": 7768825.815,
                "africa": 17361708.336, "latin_america": 23389968.826, "australia": 5658219.694,
                "canada": 3959959.526, "new_zealand": 636858.246, "macau": 334753.949},
}
# How the site names and codes these partners (regions without a code are the site's totals).
PARTNER = {"us": ("502", "美国"), "eu": ("", "欧盟"), "asean": ("", "东盟"), "japan": ("116", "日本"),
           "korea": ("133", "韩国"), "hong_kong": ("110", "中国香港"), "taiwan": ("143", "中国台湾"),
           "india": ("111", "印度"), "uk": ("303", "英国"), "russia": ("344", "俄罗斯联邦"),
           "africa": ("", "非洲"), "latin_america": ("", "拉丁美洲"), "australia": ("601", "澳大利亚"),
           "canada": ("501", "加拿大"), "new_zealand": ("609", "新西兰"), "macau": ("121", "中国澳门"),
           "germany": ("304", "德国"), "france": ("305", "法国"), "vietnam": ("141", "越南")}


def money(x: float) -> str:
    """A number as the site prints it: thousands separators."""
    return f"{x:,.0f}"


def write(path: Path, rows: list[list[str]], header: list[str] = HEADER, encoding: str = "gbk") -> Path:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(header)
    w.writerows(rows)
    path.write_bytes(buf.getvalue().encode(encoding))
    return path


def partner_rows(total_word: str = "") -> list[list[str]]:
    rows = []
    for month, vals in REAL.items():
        for key, v in vals.items():
            code, name = PARTNER[key]
            rows.append([month.replace("-", ""), total_word, "", code, name, "", "", "", "",
                         money(round(v * 1000))])
    return rows


def by_id(series):
    return {s.id: s for s in series}


@pytest.fixture(scope="module")
def partners_file(tmp_path_factory) -> Path:
    return write(tmp_path_factory.mktemp("customs") / "出口_国别_2019-2025.csv", partner_rows())


# ---------------------------------------------------------------- partners (real values)
def test_partner_totals_are_the_real_gacc_values(partners_file):
    got = by_id(read_customs(partners_file))
    for month, vals in REAL.items():
        for key, v in vals.items():
            s = got[region_id(key)]
            assert s.unit == "usd_thousand" and s.freq == "M"
            assert s.data[pd.Period(month, "M")] == pytest.approx(v, rel=1e-12), (key, month)
    # every region the flash reads is there; the months between are missing, not zero
    assert {region_id(k) for k, _, _ in REGIONS} <= set(got)
    us = got[region_id("us")].data
    assert us.index[0] == pd.Period("2019-12", "M") and us.index[-1] == pd.Period("2025-03", "M")
    assert np.isnan(us[pd.Period("2022-06", "M")])
    assert got[region_id("us")].meta.source == "海关总署"
    assert got[region_id("us")].name("zh") == "美国:出口金额:当月值"


def test_a_region_total_wins_over_its_members(partners_file):
    # the file has 东盟 (the real total) and 越南 (a member): ASEAN is the total, not Vietnam alone
    got = by_id(read_customs(partners_file))
    assert got[region_id("asean")].data[pd.Period("2019-12", "M")] == pytest.approx(37532245.0)
    assert got[region_id("eu")].data[pd.Period("2020-01", "M")] == pytest.approx(34270753.585)


def test_total_word_and_utf8_bom_read_the_same(tmp_path, partners_file):
    a = by_id(read_customs(partners_file))
    b = by_id(read_customs(write(tmp_path / "export.csv", partner_rows("总值"), encoding="utf-8-sig")))
    assert set(a) == set(b)
    for sid in a:
        pd.testing.assert_series_equal(a[sid].data, b[sid].data)


def test_eu_is_summed_from_members_by_month(tmp_path):
    # hand-made: UK counts in the EU to 2019-12 only; Croatia from 2013-07; Norway never
    rows = []
    for month in ("201306", "201307", "201912", "202001"):
        for code, name, v in (("304", "德国", 100), ("303", "英国", 20), ("351", "克罗地亚", 3),
                              ("326", "挪威", 7), ("136", "泰国", 11), ("224", "肯尼亚", 5),
                              ("410", "巴西", 9), ("502", "美国", 1000)):
            rows.append([month, "", "", code, name, "", "", "", "", money(v * 1000)])
    got = by_id(read_customs(write(tmp_path / "出口.csv", rows)))
    eu = got[region_id("eu")].data
    assert eu[pd.Period("2013-06", "M")] == 120  # 德国 100 + 英国 20
    assert eu[pd.Period("2013-07", "M")] == 123  # + 克罗地亚 3
    assert eu[pd.Period("2019-12", "M")] == 123
    assert eu[pd.Period("2020-01", "M")] == 103  # EU27: 德国 100 + 克罗地亚 3
    assert got[region_id("uk")].data.dropna().tolist() == [20.0] * 4
    assert got[region_id("asean")].data[pd.Period("2020-01", "M")] == 11
    assert got[region_id("africa")].data[pd.Period("2020-01", "M")] == 5  # code 224 (2xx)
    assert got[region_id("latin_america")].data[pd.Period("2020-01", "M")] == 9  # code 410 (4xx)
    assert region_id("germany") in got and "exports_usd_region_norway" not in got


def test_imports_from_a_flow_column_and_cumulative_from_the_name(tmp_path):
    header = ["数据年月", "进出口", "贸易伙伴编码", "贸易伙伴名称", "美元"]
    rows = [["202502", "出口", "502", "美国", "5,000"], ["202502", "进口", "502", "美国", "2,000"],
            ["202502", "出口", "", "总值", "9,000"]]
    got = by_id(read_customs(write(tmp_path / "累计.csv", rows, header)))
    assert got["exports_usd_region_us_ytd"].data.tolist() == [5.0]
    assert got["imports_usd_region_us_ytd"].data.tolist() == [2.0]
    assert got["exports_usd_level_ytd"].data.tolist() == [9.0]


def test_rmb_values_get_cny_ids(tmp_path):
    header = HEADER[:-1] + ["人民币"]
    got = by_id(read_customs(write(tmp_path / "出口.csv", [["202501", "", "", "502", "美国", "", "", "", "",
                                                              "123,450,000"]], header)))
    s = got["exports_cny_region_us"]
    assert s.unit == "cny_10k" and s.data.tolist() == [12345.0]


# ---------------------------------------------------------------- products (hand-made numbers)
def product_rows() -> list[list[str]]:
    """Two Januaries of small made-up numbers; (code, name, qty, unit, USD) per month."""
    spec = {
        "202401": [("85423100", "处理器及控制器", "1,000", "个", "50,000"), ("85423900", "其他集成电路", "3,000", "个", "30,000"),
                   ("85171300", "智能手机", "200", "台", "40,000"), ("85171400", "其他手机", "100", "台", "2,000"),
                   ("84713000", "便携式计算机", "50", "台", "25,000"), ("87032300", "小轿车", "10", "辆", "150,000"),
                   ("72085100", "热轧板", "2,000,000", "千克", "1,200,000"), ("73041900", "管", "500,000", "千克", "400,000"),
                   ("28053011", "稀土金属", "1,000", "千克", "90,000"), ("28469019", "稀土化合物", "4,000", "千克", "10,000"),
                   ("89011010", "客船", "1", "艘", "700,000"), ("84151021", "空调", "30", "台", "9,000"),
                   ("10011100", "小麦", "5,000", "千克", "1,500")],
        "202501": [("85423100", "处理器及控制器", "1,100", "个", "66,000"), ("85423900", "其他集成电路", "3,900", "个", "34,000"),
                   ("85171300", "智能手机", "180", "台", "45,000"), ("85171400", "其他手机", "120", "台", "3,000"),
                   ("84713000", "便携式计算机", "60", "台", "27,000"), ("87032300", "小轿车", "12", "辆", "168,000"),
                   ("72085100", "热轧板", "2,400,000", "千克", "1,300,000"), ("73041900", "管", "600,000", "千克", "500,000"),
                   ("28053011", "稀土金属", "900", "千克", "99,000"), ("28469019", "稀土化合物", "4,100", "千克", "11,000"),
                   ("89011010", "客船", "2", "艘", "1,500,000"), ("84151021", "空调", "40", "台", "10,000"),
                   ("10011100", "小麦", "6,000", "千克", "1,800")],
    }
    return [[m, code, name, "", "", q, u, "", "", usd] for m, rows in spec.items() for code, name, q, u, usd in rows]


@pytest.fixture(scope="module")
def products_file(tmp_path_factory) -> Path:
    return write(tmp_path_factory.mktemp("customs") / "export_hs8.csv", product_rows())


def test_products_are_hand_sums(products_file):
    got = by_id(read_customs(products_file))
    jan24, jan25 = pd.Period("2024-01", "M"), pd.Period("2025-01", "M")

    def at(sid):
        d = got[sid].data
        return d[jan24], d[jan25]

    assert at(product_id("ics")) == (80.0, 100.0)  # (50,000 + 30,000) / 1000; (66,000 + 34,000) / 1000
    assert at(quantity_id("ics")) == (4000.0, 5000.0)
    assert got[quantity_id("ics")].unit == "units"
    assert at(product_id("phones")) == (42.0, 48.0)
    assert at(quantity_id("phones")) == (300.0, 300.0)
    assert at(product_id("computers")) == (25.0, 27.0)
    assert at(product_id("autos")) == (150.0, 168.0)
    assert at(quantity_id("autos")) == (10.0, 12.0)
    assert at(product_id("steel")) == (1600.0, 1800.0)  # 72085100 + 73041900
    assert at(quantity_id("steel")) == (2500.0, 3000.0)  # kg → t
    assert got[quantity_id("steel")].unit == "t"
    assert at(product_id("rare_earths")) == (100.0, 110.0)
    assert at(quantity_id("rare_earths")) == pytest.approx((5.0, 5.0))
    assert at(product_id("ships")) == (700.0, 1500.0)
    assert at(product_id("home_appliances")) == (9.0, 10.0)
    assert at(product_id("consumer_electronics")) == (67.0, 75.0)  # phones 42 + laptops 25; 48 + 27
    assert "exports_qty_product_ships" not in got and "exports_usd_product_labour_intensive" not in got
    assert got[product_id("ics")].unit == "usd_thousand"
    # nothing by region from product rows
    assert not any(s.startswith("exports_usd_region_") for s in got)


def test_price_vs_volume_reads_the_ids(products_file):
    got = by_id(read_customs(products_file))
    keys = [k for k, _, _ in PV_ITEMS]
    assert all(product_id(k) in got and quantity_id(k) in got for k in keys)
    vals = pd.DataFrame({k: got[product_id(k)].data for k in keys})
    qtys = pd.DataFrame({k: got[quantity_id(k)].data for k in keys})
    pv = item_price_volume(vals, qtys, "2025-01")
    t = pv.table
    # ICs: value 100/80 - 1 = 25 %, quantity 5000/4000 - 1 = 25 %, unit value unchanged
    assert t.loc["ics", "value"] == pytest.approx(0.25)
    assert t.loc["ics", "quantity"] == pytest.approx(0.25)
    assert t.loc["ics", "price"] == pytest.approx(0.0, abs=1e-12)
    # steel: value 1800/1600 - 1 = 12.5 %, tonnes 3000/2500 - 1 = 20 %, price 1.125/1.2 - 1 = -6.25 %
    assert t.loc["steel", "price"] == pytest.approx(-0.0625)
    # autos: 168/150 = 1.12, 12/10 = 1.2, price 1.12/1.2 - 1
    assert t.loc["autos", "price"] == pytest.approx(1.12 / 1.2 - 1)


def test_a_coarser_file_does_not_build_finer_products(tmp_path):
    rows = [["202501", "8517", "电话机", "300", "台", "", "", "48,000"],
            ["202501", "8542", "集成电路", "5,000", "个", "", "", "100,000"]]
    header = ["数据年月", "商品编码", "商品名称", "第一数量", "第一计量单位", "第二数量", "第二计量单位", "美元"]
    got = by_id(read_customs(write(tmp_path / "出口_4位.csv", rows, header)))
    assert product_id("ics") in got
    assert product_id("phones") not in got and product_id("consumer_electronics") not in got


def test_products_by_partner_are_summed_over_countries_not_region_totals(tmp_path):
    rows = [["202501", "85423100", "", "502", "美国", "10", "个", "", "", "1,000"],
            ["202501", "85423100", "", "304", "德国", "20", "个", "", "", "2,000"],
            ["202501", "85423100", "", "", "欧盟", "20", "个", "", "", "2,000"]]
    got = by_id(read_customs(write(tmp_path / "出口.csv", rows)))
    assert got[product_id("ics")].data.tolist() == [3.0]
    assert got[quantity_id("ics")].data.tolist() == [30.0]


def test_mapping_renames_and_converts(tmp_path, partners_file):
    m = parse_mapping(b'[series.exports_usd_region_us]\nid = "my_us"\nunit = "usd_bn"\n', "m.toml")
    got = by_id(read_customs(partners_file, mapping=m))
    assert got["my_us"].unit == "usd_bn"
    assert got["my_us"].data[pd.Period("2019-12", "M")] == pytest.approx(34.573938)


def test_sniff_and_format(partners_file):
    assert FORMAT == "customs"
    assert sniff(partners_file.read_bytes().decode("gbk")[:300])
    assert sniff("\ufeff数据年月,商品编码,商品名称,第一数量,第一计量单位,人民币\n")
    assert not sniff("series_id,date,value,unit,source,origin\n")
    assert not sniff("指标名称,CPI:当月同比\n频率,月\n")
    assert not sniff("")


# ---------------------------------------------------------------- malformed files
def _err(path: Path) -> InputFileError:
    with pytest.raises(InputFileError) as ei:
        read_customs(path)
    assert ei.value.file == path.name
    return ei.value


def test_utf16_is_refused(tmp_path):
    e = _err(write(tmp_path / "出口.csv", partner_rows()[:2], encoding="utf-16"))
    assert "UTF-16" in str(e)


def test_undecodable_bytes_are_refused(tmp_path):
    p = tmp_path / "出口.csv"
    p.write_bytes("数据年月,贸易伙伴名称,美元\n".encode("gbk") + b"202501,\xff\xfe\xff,1\n")
    assert "neither GBK" in str(_err(p))


def test_missing_value_column(tmp_path):
    e = _err(write(tmp_path / "出口.csv", [r[:-1] for r in partner_rows()[:2]], HEADER[:-1]))
    assert "美元 (or 人民币)" in str(e) and e.row == 1


def test_bad_month(tmp_path):
    rows = partner_rows()[:3]
    rows[2][0] = "202513"
    e = _err(write(tmp_path / "出口.csv", rows))
    assert e.row == 4 and "202513" in str(e)


def test_text_in_usd(tmp_path):
    rows = partner_rows()[:3]
    rows[1][-1] = "n/a"
    e = _err(write(tmp_path / "出口.csv", rows))
    assert e.row == 3 and e.series_id == "贸易伙伴 欧盟" and "'n/a' is not a number" in str(e)


def test_duplicate_row(tmp_path):
    rows = partner_rows()[:3]
    rows.append(list(rows[0]))
    e = _err(write(tmp_path / "出口.csv", rows))
    assert e.row == 5 and "rows 2 and 5" in str(e) and e.series_id == "贸易伙伴 美国"


def test_quantity_unit_change_within_a_product(tmp_path):
    rows = product_rows()
    rows[1][6] = "千克"  # 85423900 in 千克 while 85423100 is in 个
    e = _err(write(tmp_path / "出口.csv", rows))
    assert e.row == 3 and e.series_id == quantity_id("ics") and "'千克' differs from '个'" in str(e)


def test_two_code_levels(tmp_path):
    rows = product_rows()[:2] + [["202401", "8542", "集成电路", "", "", "4,000", "个", "", "", "80,000"]]
    e = _err(write(tmp_path / "出口.csv", rows))
    assert "8542" in str(e) and "85423100" in str(e)


def test_no_direction(tmp_path):
    e = _err(write(tmp_path / "海关查询.csv", partner_rows()[:2]))
    assert "出口/export" in str(e)


def test_nothing_for_the_flash(tmp_path):
    rows = [["202501", "10011100", "小麦", "", "", "6,000", "千克", "", "", "1,800"]]
    assert "no row feeds" in str(_err(write(tmp_path / "出口.csv", rows)))


def test_trade_modes_are_summed_and_only_a_repeat_of_all_keys_is_a_duplicate(tmp_path):
    header = ["数据年月", "商品编码", "商品名称", "贸易伙伴编码", "贸易伙伴名称", "贸易方式编码", "贸易方式名称",
              "第一数量", "第一计量单位", "第二数量", "第二计量单位", "美元"]
    rows = [["202501", "87032300", "小轿车", "502", "美国", "10", "一般贸易", "3", "辆", "", "", "45,000"],
            ["202501", "87032300", "小轿车", "502", "美国", "14", "进料加工贸易", "1", "辆", "", "", "15,000"]]
    got = by_id(read_customs(write(tmp_path / "出口.csv", rows, header)))
    assert got[product_id("autos")].data.tolist() == [60.0]  # 45 + 15 USD thousand
    assert got[quantity_id("autos")].data.tolist() == [4.0]
    rows.append(list(rows[1]))
    e = _err(write(tmp_path / "出口2.csv", rows, header))
    assert "rows 3 and 4" in str(e) and "贸易方式" in str(e)
