"""The data-status table and the as-of mark, from a hand-made freshness table."""

from __future__ import annotations

import pandas as pd

from macrodesk.reports.views.freshness import as_of_label, data_status_table


def _table() -> pd.DataFrame:
    t = pd.DataFrame({
        "id": ["cpi_yoy", "kr_exports_world"],
        "last_period": [pd.Period("2025-12", "M"), pd.Period("2025-06", "M")],
        "months_behind": pd.array([0, 6], dtype="Int64"),
        "stale": [False, True],
    })
    return t


def test_as_of_label():
    assert as_of_label(pd.Period("2025-06", "M")) == "（截至2025年6月）"
    assert as_of_label("2025-06", lang="en") == " (to Jun 2025)"


def test_data_status_table_lists_stale_inputs_first():
    tab = data_status_table(_table(), "2025-12", name={"kr_exports_world": "韩国出口", "cpi_yoy": "CPI同比"}.get)
    assert tab.caption == "数据状态（报告月份：2025年12月）"
    assert list(tab.data["数据"]) == ["韩国出口", "CPI同比"]
    assert list(tab.data["最新数据"]) == ["2025年6月", "2025年12月"]
    assert list(tab.data["状态"]) == ["滞后", "最新"]
    en = data_status_table(_table(), "2025-12", lang="en")
    assert list(en.data["Status"]) == ["stale", "current"] and list(en.data["Input"])[0] == "kr_exports_world"


def test_inputs_alike_but_for_one_name_part_are_one_row():
    # four NBS industry tables ending Aug 2023 (27 months before Nov 2025) fold into one row; a fifth industry
    # ending elsewhere and a lone input stay as they are
    names = {"a": "工业企业:煤炭开采和洗选业:产成品存货", "b": "工业企业:汽车制造业:产成品存货",
             "c": "工业企业:电气机械和器材制造业:产成品存货", "d": "工业企业:黑色金属冶炼和压延加工业:产成品存货",
             "e": "工业企业:烟草制品业:产成品存货", "f": "猪肉平均批发价"}
    t = pd.DataFrame({
        "id": list("abcdef"),
        "last_period": [pd.Period("2023-08", "M")] * 4 + [pd.Period("2023-07", "M"), pd.Period("2022-12", "M")],
        "months_behind": pd.array([27, 27, 27, 27, 28, 35], dtype="Int64"),
        "stale": [True] * 6,
    })
    tab = data_status_table(t, "2025-11", name=names.get)
    assert list(tab.data["数据"]) == ["猪肉平均批发价", "工业企业:烟草制品业:产成品存货", "工业企业:4个分项:产成品存货"]
    assert list(tab.data["最新数据"]) == ["2022年12月", "2023年7月", "2023年8月"]
    en = {k: v.replace("工业企业:", "Industrial enterprises, ").replace(":产成品存货", ": inventory") for k, v in names.items()}
    tab = data_status_table(t, "2025-11", name=en.get, lang="en")
    assert list(tab.data["Input"])[-1] == "Industrial enterprises, 4 items: inventory"


def _status() -> pd.DataFrame:
    # last periods of real bundled series: Korea's exports end 2025-06, the export price index 2024-12
    return pd.DataFrame({
        "id": ["exports_usd_level", "kr_exports_world", "export_price_index_hs2"],
        "last_period": [pd.Period("2025-12", "M"), pd.Period("2025-06", "M"), pd.Period("2024-12", "M")],
        "months_behind": pd.array([0, 6, 12], dtype="Int64"),  # Dec 2025 − Jun 2025 = 6, − Dec 2024 = 12
        "allowed": [0, 0, 0],
        "stale": [False, True, True],
        "name_zh": ["出口金额", "韩国出口总额", "出口价格指数"],
        "name_en": ["Exports", "Korea's exports", "Export price index"],
    })


def test_staleness_marks_captions_notes_and_sentences():
    from macrodesk.reports.views.freshness import Staleness

    fr = Staleness(_status(), pd.Period("2025-12", "M"), "zh")
    assert fr.mark(["exports_usd_level"]) == ""  # current inputs are not labelled
    assert fr.mark(["kr_exports_world", "export_price_index_hs2"]) == "（截至2024年12月）"  # the oldest
    only_stale = fr.exhibit("韩国出口分地区拉动", ["kr_exports_world"])
    assert only_stale["caption"] == "韩国出口分地区拉动（截至2025年6月）" and only_stale["note"] is None
    assert only_stale["inputs"] == (("kr_exports_world", pd.Period("2025-06", "M")),)
    mixed = fr.exhibit("出口金额同比：数量与价格贡献", ["exports_usd_level", "export_price_index_hs2"], note="注")
    assert mixed["caption"] == "出口金额同比：数量与价格贡献"
    assert mixed["note"] == "注；滞后数据：出口价格指数（截至2024年12月）"
    labelled = fr.exhibit("越南出口（截至2025年6月）", ["kr_exports_world"])
    assert labelled["caption"] == "越南出口（截至2025年6月）"  # already carries the mark
    box = fr.box()  # lists the stale inputs used above, oldest first, with months behind
    table = box.blocks[1]
    assert list(table.data["数据"]) == ["出口价格指数", "韩国出口总额"]
    assert list(table.data["滞后月数"]) == [12, 6]
    en = Staleness(_status(), pd.Period("2025-12", "M"), "en")
    assert en.exhibit("Korea", ["kr_exports_world"])["caption"] == "Korea (to Jun 2025)"
    current = Staleness(_status(), pd.Period("2025-12", "M"), "en")
    current.inputs(["exports_usd_level"])
    assert current.box().blocks[0].text == "All data used in this report run to Dec 2025."


def test_allowed_lag_follows_frequency_and_the_release_calendar():
    from macrodesk.series.freshness import allowed_lag, months_behind

    assert months_behind(pd.Period("2025Q3", "Q"), "2025-11") == 2  # Q3 ends in September
    assert allowed_lag("breeding_sow_inventory_q", pd.Period("2025Q3", "Q"), "2025-11") == 2
    # written on CPI day (NBS, about the 9th): December M1 (PBoC, about 12 Jan) and activity (15 Jan) come later
    assert allowed_lag("m1_yoy", pd.Period("2025-11", "M"), "2025-12", report_body="nbs_prices") == 1
    assert allowed_lag("industrial_va_yoy", pd.Period("2025-11", "M"), "2025-12", report_body="nbs_prices") == 1
    # CPI itself, and peers of unknown publishers, get no allowance
    assert allowed_lag("cpi_yoy", pd.Period("2025-11", "M"), "2025-12", report_body="nbs_prices") == 0
    assert allowed_lag("kr_exports_world", pd.Period("2025-06", "M"), "2025-12", report_body="gacc_trade") == 0


def test_lagging_folds_industry_tables_and_counts_every_input():
    from macrodesk.reports.views.freshness import Staleness

    # five NBS industry inventories ending Aug 2023 and Korea's exports ending Jun 2025, in a Dec 2025 report
    inds = ["煤炭开采和洗选业", "汽车制造业", "电气机械和器材制造业", "黑色金属冶炼和压延加工业", "烟草制品业"]
    status = pd.DataFrame({
        "id": [f"inv_{i}" for i in range(5)] + ["kr_exports_world"],
        "last_period": [pd.Period("2023-08", "M")] * 5 + [pd.Period("2025-06", "M")],
        "months_behind": pd.array([28] * 5 + [6], dtype="Int64"),
        "allowed": [0] * 6,
        "stale": [True] * 6,
        "name_zh": [f"工业企业:{n}:产成品存货" for n in inds] + ["韩国出口总额"],
        "name_en": [f"Industrial enterprises, {n}: inventory" for n in inds] + ["Korea's exports"],
    })
    zh = Staleness(status, pd.Period("2025-12", "M"), "zh").lagging(most=4)
    assert zh == "工业企业:5个分项:产成品存货（截至2023年8月）；韩国出口总额（截至2025年6月）"
    en = Staleness(status, pd.Period("2025-12", "M"), "en").lagging(most=4)
    assert en.startswith("Industrial enterprises, 5 items: inventory (to Aug 2023)")


def _catalogue_names(pattern: str) -> pd.DataFrame:
    from macrodesk.series.catalogue import catalogue

    c = catalogue()
    return c[c["series_id"].str.fullmatch(pattern)][["series_id", "name_zh", "name_en"]]


def test_partner_tables_fold_into_one_row_by_the_word_that_differs():
    # the catalogue's names of China's exports to 19 partners and Korea's exports to 9 (and in total), as a
    # Dec 2025 trade flash sees them: the regional table ends Mar 2025, Korea's Jun 2025; Vietnam (the last
    # partner id) ends Feb 2025 and so stays on its own row
    regions = _catalogue_names(r"exports_usd_region_[a-z_]+(?<!_yoy)")
    korea = _catalogue_names(r"kr_exports_(?!to_)[a-z]+")
    assert len(regions) == 19 and len(korea) == 10
    ids = list(regions["series_id"]) + list(korea["series_id"])
    last = ["2025-03"] * 18 + ["2025-02"] + ["2025-06"] * 10
    t = pd.DataFrame({"id": ids, "last_period": [pd.Period(p, "M") for p in last],
                      "months_behind": pd.array([9] * 18 + [10] + [6] * 10, dtype="Int64"), "stale": [True] * 29})
    zh = dict(zip(ids, list(regions["name_zh"]) + list(korea["name_zh"])))
    tab = data_status_table(t, "2025-12", name=zh.get)
    assert list(tab.data["数据"]) == ["对越南出口金额(美元计)", "对非洲、东盟等18个地区出口金额(美元计)",
                                    "韩国对澳大利亚、加拿大等9个地区出口", "韩国出口总额"]
    assert list(tab.data["最新数据"]) == ["2025年2月", "2025年3月", "2025年6月", "2025年6月"]
    en = dict(zip(ids, list(regions["name_en"]) + list(korea["name_en"])))
    assert list(data_status_table(t, "2025-12", name=en.get, lang="en").data["Input"]) == [
        "Exports to Vietnam (USD)", "Exports to 18 partners (Africa, ASEAN …) (USD)",
        "Korea exports to 9 partners (Australia, Canada …)", "Korea exports, total"]


def test_notes_fold_the_same_way_and_few_or_unlike_names_stay():
    from macrodesk.reports.views.freshness import Staleness, _grouped

    korea = _catalogue_names(r"kr_exports_(?!to_)[a-z]+")
    status = pd.DataFrame({"id": [*korea["series_id"], "cpi_yoy"],  # Korea ends Jun 2025, the CPI is current
                           "last_period": [pd.Period("2025-06", "M")] * 10 + [pd.Period("2025-12", "M")],
                           "months_behind": pd.array([6] * 10 + [0], dtype="Int64"), "allowed": [0] * 11,
                           "stale": [True] * 10 + [False], "name_zh": [*korea["name_zh"], "CPI同比"],
                           "name_en": [*korea["name_en"], "CPI YoY"]})
    fr = Staleness(status, pd.Period("2025-12", "M"), "zh")
    note = fr.exhibit("韩国对主要地区出口", list(korea["series_id"]) + ["cpi_yoy"])["note"]
    assert note == "滞后数据：韩国对澳大利亚、加拿大等9个地区出口、韩国出口总额（截至2025年6月）"
    # three partners are too few to fold; the two '中国…' partners share '对中国' but are only two
    three = ["对美国出口金额(美元计)", "对中国香港出口金额(美元计)", "对中国台湾出口金额(美元计)"]
    assert _grouped(three, [()] * 3, "zh") == three
    # names that begin with the word that differs are each their own series, in both languages
    prices = ["Pork wholesale price", "28 vegetables wholesale price", "6 fruits wholesale price", "Beef wholesale price"]
    assert _grouped(prices, [()] * 4, "en") == prices
