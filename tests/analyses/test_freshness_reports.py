"""Stale inputs in the built reports: every key point that uses one carries its as-of mark.

The last periods are those of the bundled data (checked against the CSV
copies the sample is built from): Korea's exports end 2025-06, Vietnam's 2025-02, exports by
destination 2025-03, the CRB index and the factor-model prices 2024-12.
"""

from __future__ import annotations

import re

import pandas as pd
import pytest

from macrodesk.reports.views.freshness import as_of_label

# What a key point says when it uses an input (words of the sentence, independent of the code),
# and the input's real last period in the bundled data.
_TOPICS_ZH = [("韩国出口", "2025-06"), ("越南出口", "2025-02"), ("东盟", "2025-03"), ("CRB", "2024-12"),
              ("动力煤", "2024-12")]
_TOPICS_EN = [("Korea's", "2025-06"), ("Vietnam's", "2025-02"), ("ASEAN", "2025-03"), ("CRB", "2024-12"),
              ("coal", "2024-12")]


def _unlabelled(report, month: str, topics) -> list[str]:
    bad = []
    for point in report.summary:
        for word, last in topics:
            if word in point and pd.Period(last, "M") < pd.Period(month, "M"):
                if as_of_label(last, report.lang) not in point:
                    bad.append(f"{word}: {point}")
    return bad


@pytest.mark.parametrize("fixture, month, topics", [
    ("trade_flash_report_zh", "2025-12", _TOPICS_ZH),
    ("trade_flash_report_en", "2025-12", _TOPICS_EN),
    ("review_report_zh", "2025-11", _TOPICS_ZH),
    ("outlook_report_zh", "2025-11", _TOPICS_ZH),
    ("outlook_report_en", "2025-11", _TOPICS_EN),
])
def test_key_points_never_state_a_stale_input_as_current(request, fixture, month, topics):
    report = request.getfixturevalue(fixture)
    assert _unlabelled(report, month, topics) == []
    # and no key point names an earlier month of data without the mark ('2025年6月韩国出口…')
    if report.lang == "zh":
        for point in report.summary:
            for y, m in re.findall(r"(\d{4})年(\d{1,2})月(?:韩国|越南)", point):
                pytest.fail(f"unmarked earlier month {y}-{m}: {point}")


def test_trade_flash_labels_korea_vietnam_and_regions(trade_flash_report_zh, trade_flash_report_en):
    zh = "\n".join(trade_flash_report_zh.summary)
    assert "韩国出口（截至2025年6月）同比+4.3%" in zh  # Korea's June print (59801.4 / 57241.2 last May)
    assert "1-2月越南出口（截至2025年2月）同比" in zh
    assert "分地区出口（截至2025年3月）：" in zh
    assert "Korea's exports (to Jun 2025) +4.3% YoY" in "\n".join(trade_flash_report_en.summary)
    # the figures carry their inputs' last periods; the Korea partner chart is marked in its caption
    inputs = trade_flash_report_zh.inputs()
    assert inputs["kr_exports_world"] == pd.Period("2025-06", "M")
    assert inputs["export_price_index_hs2"] == pd.Period("2024-12", "M")
    assert "韩国对主要地区出口：分地区拉动（截至2025年6月）" in [f.caption for f in trade_flash_report_zh.figures()]


def test_trade_flash_data_status_box(trade_flash_report_zh):
    box = next(s for s in trade_flash_report_zh.sections if s.heading == "数据状态")
    table = box.blocks[1].data.set_index("数据")
    # months behind December 2025, by hand: Dec 2024 -> 12, Feb 2025 -> 10, Mar 2025 -> 9, Jun 2025 -> 6
    assert table.loc["出口价格指数(HS2,上年同月=100)", "滞后月数"] == 12
    assert table.loc["越南出口总额", "滞后月数"] == 10
    assert table.loc["对美国、欧盟等13个地区出口金额(美元计)", "滞后月数"] == 9  # the regional table: one row
    assert table.loc["韩国对美国、中国等9个地区出口", "滞后月数"] == 6
    assert table.loc["韩国出口总额", "滞后月数"] == 6
    assert table.loc["韩国出口总额", "最新数据"] == "2025年6月"
    assert "出口金额(美元计)" not in table.index  # current inputs are not listed


def test_outlook_marks_the_factor_model_prices(outlook_report_zh):
    captions = {f.caption: f.note for f in outlook_report_zh.figures()}
    note = captions["PPI同比：实际与四因子模型拟合"]
    assert note is not None and "（截至2024年12月）" in note
    box = next(s for s in outlook_report_zh.sections if s.heading == "数据状态")
    table = box.blocks[1].data.set_index("数据")
    assert table.loc["CRB现货指数", "滞后月数"] == 11  # Nov 2025 − Dec 2024


# ---------------------------------------------------------------- the CPI/PPI flash (December 2025)
# Last periods of the bundled data (shared data README and CSVs): the Wind consensus and the daily
# wholesale food prices end 2022-12; PPI mining / raw materials / processing YoY end 2025-11
# (nbs_releases.csv); the daily commodity prices end 2024-12.
def _box(report, heading):
    box = next(s for s in report.sections if s.heading == heading)
    return box.blocks[1].data.set_index(box.blocks[1].data.columns[0])


def test_flash_key_points_never_state_a_stale_input_as_current(flash_report_zh):
    assert _unlabelled(flash_report_zh, "2025-12", [("一致预期", "2022-12"), ("采掘", "2025-11")]) == []


def test_flash_data_status_box(flash_report_zh, flash_report_en):
    table = _box(flash_report_zh, "数据状态")
    # months behind December 2025, by hand: Dec 2022 -> 36, Dec 2024 -> 12, Nov 2025 -> 1
    assert table.loc["CPI当月同比:Wind一致预期", ["最新数据", "滞后月数"]].tolist() == ["2022年12月", 36]
    assert table.loc["猪肉平均批发价", "滞后月数"] == 36
    assert table.loc["南华工业品指数", "滞后月数"] == 12
    assert table.loc["PPI:采掘工业:当月同比", ["最新数据", "滞后月数"]].tolist() == ["2025年11月", 1]
    assert "CPI:当月同比" not in table.index and "PPI:生产资料:当月同比" not in table.index  # current to 2025-12
    assert _box(flash_report_en, "Data status").loc["CPI YoY consensus (Wind)", "Last period"] == "Dec 2022"
    assert flash_report_zh.sections[-1].heading == "数据状态"  # no appendix: every input is stored


def test_flash_exhibits_mark_the_consensus_nowcast_prices_and_ppi_groups(flash_report_zh):
    notes = {b.caption: b.note or "" for b in [*flash_report_zh.figures(), *flash_report_zh.tables()]}
    head = notes["2025年12月CPI与PPI：实际值、前值、一致预期与模型预测"]
    assert "Wind一致预期" in head.split("滞后数据：")[1] and "（截至2022年12月）" in head
    nxt = notes["2026年1月CPI与PPI同比预测"]
    assert "猪肉平均批发价" in nxt and "（截至2022年12月）" in nxt and "（截至2024年12月）" in nxt
    assert "（截至2025年11月）" in notes["PPI及主要大类同比"]
    assert "滞后数据" not in notes["2025年CPI同比的翘尾因素与新涨价因素"]  # CPI to 2025-12: current
    inputs = flash_report_zh.inputs()
    assert inputs["cpi_yoy_consensus"] == pd.Period("2022-12", "M")
    assert inputs["ppi_mining_yoy"] == pd.Period("2025-11", "M")


def test_outlook_nowcast_and_scenario_exhibits_record_their_inputs(outlook_report_zh):
    figs = {f.caption: f for f in outlook_report_zh.figures()}
    bt = figs["CPI同比：桥接模型实时预测、实际值与一致预期"]
    assert dict(bt.inputs)["cpi_yoy_consensus"] == pd.Period("2022-12", "M")
    assert "Wind一致预期（截至2022年12月）" not in bt.caption and "（截至2022年12月）" in (bt.note or "")
    scen = next(f for c, f in figs.items() if c.endswith("CPI同比情景推演"))
    assert {"cpi_mom", "cpi_yoy"} <= set(dict(scen.inputs))
    table = _box(outlook_report_zh, "数据状态")
    assert table.loc["CPI当月同比:Wind一致预期", "滞后月数"] == 35  # Nov 2025 − Dec 2022
    # an exhibit marked when made is not marked again when the report relabels its sections
    assert all((b.note or "").count("滞后数据") <= 1 for b in [*outlook_report_zh.figures(), *outlook_report_zh.tables()])
