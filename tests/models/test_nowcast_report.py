"""Report blocks from a backtest: paragraph, chart and error table, in Chinese and English."""

from __future__ import annotations

import pytest

from macrodesk.models.nowcast import backtest_blocks, make_model
from macrodesk.reports.model import Figure, Paragraph, Report, Section, Table


@pytest.fixture(scope="module")
def result(sample_series):
    model = make_model("bridge", "cpi_yoy")
    ids = set(model.series_ids()) | {"cpi_yoy_consensus"}
    data = {s.id: s for s in sample_series if s.id in ids}
    return model.backtest(data, "2022-01", "2022-06")


def test_blocks_zh(result):
    blocks = backtest_blocks(result, "zh")
    assert [type(b) for b in blocks] == [Paragraph, Figure, Table]
    para, fig, tbl = blocks
    assert para.text.startswith("2022年1月至2022年6月CPI同比实时回测（6个月）：桥接模型平均绝对误差")
    assert fig.caption == "CPI同比：桥接模型实时预测、实际值与一致预期"
    assert fig.source == "国家统计局、Wind一致预期、macrodesk计算"
    assert tbl.caption == "CPI同比实时回测误差（百分点）"
    assert list(tbl.data.index) == ["2022", "全样本"]
    assert int(tbl.data.loc["全样本", "月数"]) == 6
    assert list(tbl.data.columns)[:2] == ["月数", "模型MAE"]


def test_blocks_en_and_in_a_report(result):
    blocks = backtest_blocks([result], "en", periods={"H1 2022": ("2022-01", "2022-06")})
    assert blocks[1].caption == "CPI YoY: real-time bridge model nowcast, actual and consensus"
    assert list(blocks[2].data.index) == ["H1 2022", "All"]
    rep = Report("Nowcast", lang="en", sections=[Section("Backtest", blocks)])
    assert len(rep.figures()) == 1 and len(rep.tables()) == 1
