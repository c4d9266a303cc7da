"""Views of the trade models: the sentences and charts the trade flash prints, from hand-made results."""

from __future__ import annotations

import pytest

from macrodesk.models.trade import (
    seasonal_comparison,
    trade_contributions,
    trade_headline,
)
from macrodesk.reports.views import trade as V
from macrodesk.reports.views import trade_structure as VS
from macrodesk.reports.views._common import not_computable_text
from tests.models.trade.test_headline import headline_levels, seasonal_levels
from tests.models.trade.test_imports import imports_and_energy
from tests.models.trade.test_prices import export_index_split, phones_and_autos
from tests.models.trade.test_structure import contribution_inputs, many_parts


def test_headline_event_in_february_quotes_janfeb():
    h = trade_headline(headline_levels(), "2025-02")
    # Jan-Feb 2025 (110 + 70) / (100 + 60) - 1 = +12.5%; December 120 / 100 - 1 = +20%
    assert V.headline_event(h, "zh") == "1-2月出口同比+12.5%，前值+20.0%"
    assert V.headline_label(h, "en") == "January–February"


def test_headline_text_march():
    h = trade_headline(headline_levels(), "2025-03")
    # 96 / 80 - 1 = +20%, prior +12.5%: up 7.5 pp; base 80 / 64 - 1 = +25%; sqrt(1.2 x 1.25) - 1 = +22.5%
    assert V.headline_text(h, "zh") == (
        "3月出口同比+20.0%，较前值（+12.5%）回升7.5个百分点，上年同期基数为+25.0%；两年复合增速+22.5%（前值+6.1%）。"
    )


def test_seasonal_text():
    sc = seasonal_comparison(seasonal_levels(), "2025-12", years=5)
    assert V.seasonal_text(sc, "zh") == (
        "2025年12月出口金额环比+6.0%，高于2024年同期（+4.0%），超出2020-2024年同月环比区间"
        "（-1.0%至+5.0%，均值+2.6%）上沿，呈超季节性。"
    )


def test_contributions_text():
    parts, total, labels = contribution_inputs()
    c = trade_contributions(parts, total, "2025-12", labels=labels)
    assert VS.contributions_text(c, "zh") == (
        "从绝对贡献来看，2025年12月出口同比+10.0%，为正主要由东盟（+7.5个百分点）、欧盟（+5.0个百分点）支撑，"
        "美国（-2.5个百分点）形成拖累；从边际变化来看，美国（-2.5个百分点）贡献较上月回落，"
        "东盟（+5.5个百分点）、欧盟（+3.5个百分点）贡献较上月改善。"
    )
    # EU (70 - 60) / 200 = +5 pp in the table, labelled
    table = VS.contributions_table(c, "en")
    assert table.loc["EU", "Contribution (pp)"] == pytest.approx(5.0)
    assert table.index.name == "Region"


def test_contribution_chart_keeps_the_largest_parts_and_folds_the_rest_into_other():
    parts, total = many_parts()
    c = trade_contributions(parts, total, "2025-12")
    fig = VS.contributions_chart(c, "en")
    labels = [t.get_text() for t in fig.legends[0].get_texts()]
    assert sorted(labels) == sorted([f"p{i}" for i in range(4, 12)] + ["Other", "Exports YoY"])


def test_item_price_volume_sentences():
    pv = phones_and_autos()
    assert VS.item_sentence(pv, "phones", "zh") == (
        "12月手机出口金额同比+10.6%，前值-12.6%；出口数量同比-3.6%（前值-5.0%），单价同比+14.7%，金额增长主要由价格上涨驱动。"
    )
    assert VS.items_text(pv, "zh") == "12月，汽车出口金额变化主要由数量贡献，手机主要由价格贡献。"


def test_index_price_volume_text():
    r = export_index_split()
    assert VS.index_pv_text(r, "zh").startswith(
        "出口价格指数最新为2024年12月：2024年12月出口金额同比+10.7%，价格指数同比-5.4%，剔除价格后的数量同比约+17.1%")


def test_imports_outlook_text():
    _, r = imports_and_energy()
    assert V.imports_outlook_text(r, "zh") == (
        "未来3个月进口同比基数（上年同期同比）分别为1-2月-8.4%、3月-4.3%，低于2024年12月的+1.0%，基数回落对进口同比形成支撑。"
    )


def test_a_headline_that_is_not_computable_says_why():
    res = trade_headline(headline_levels(), "2025-06")
    assert not_computable_text(res, "zh") == "exports headline无法计算：2025-06没有同比数据"
    assert not_computable_text(res, "en").startswith("exports headline not computable: no YoY for 2025-06")
