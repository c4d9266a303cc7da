"""Nowcast views: the nowcast sentence, backtest blocks (paragraph, chart, error table) and the trade nowcast,
in Chinese and English."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from macrodesk.models.nowcast import TARGETS, Nowcast, TradeNowcaster, TradeSpec, make_model
from macrodesk.reports.model import Figure, Paragraph, Report, Section, Table
from macrodesk.reports.views.nowcast import (
    backtest_blocks,
    input_label,
    input_value_text,
    model_label,
    nowcast_text,
    target_name,
    trade_fit_text,
    trade_nowcast_chart,
    trade_nowcast_text,
)
from macrodesk.series import MacroSeries, SeriesMeta


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


def test_names():
    assert target_name(TARGETS["ppi_yoy"], "zh") == "PPI同比"
    assert model_label("combo", "en") == "Combination"
    assert input_label("pork_wholesale_cny", "zh") == "猪肉批发价"
    assert input_label("seasonal", "en") == "Seasonal norm (other items)"
    assert input_label("unknown_id", "en") == "unknown_id"
    assert input_label("nanhua_industrial_index_lag1", "zh") == "南华工业品指数（上月）"
    assert input_label("nanhua_industrial_index_lag1", "en") == "Nanhua industrials (last month)"


def test_nowcast_sentence_by_hand():
    # anchor +2.1%, MoM +0.1%, base MoM -0.2%: 1.021 x 1.001 / 0.998 - 1 = +2.4069% -> prints +2.4;
    # zero sigma -> the 80% interval is the point
    nc = Nowcast(TARGETS["cpi_yoy"], "bridge", pd.Period("2022-06", "M"), pd.Timestamp("2022-06-30"),
                 mom=0.001, anchor_yoy=0.021, base_mom=-0.002, sigma=0.0, missing_inputs=("beef_wholesale_cny",))
    assert nowcast_text(nc, "zh") == (
        "2022年6月CPI同比预测+2.4%（未取整+2.41%，80%区间+2.4%至+2.4%），前值+2.1%；"
        "环比预测+0.10%，去年同月环比-0.2%。缺少本月数据的输入：牛肉批发价。"
    )
    en = nowcast_text(nc, "en")
    assert en.startswith("CPI YoY for Jun 2022: +2.4% (unrounded +2.41%")
    assert en.endswith(" Inputs without data this month: Beef (wholesale).")


def test_input_values_worded_by_kind():
    # Spring Festival 2026 is 17 February; the window runs 21 days before to 6 days after it
    # (27 January - 23 February): 5 of January's 31 days, 23 of February's 28
    assert input_value_text("spring_festival", 5 / 31, pd.Period("2026-01", "M"), "zh") == "31天中有5天在春节窗口内"
    assert input_value_text("spring_festival", 23 / 28, "2026-02", "en") == "23 of 28 days in the festival window"
    assert input_value_text("momentum", 0.002, "2026-01", "zh") == "+0.20%"
    assert input_value_text("pork_wholesale_cny", -0.0123, "2026-01", "en") == "-1.23%"
    assert input_value_text("seasonal", None, "2026-01", "en") == ""


# ---------------------------------------------------------------- the trade nowcast
@pytest.fixture(scope="module")
def trade_nowcast():
    """Daily indicator: 100 in 2024, 100 (1 + x_m) in 2025, and 1-13 January 2026 at 0.96 x January 2025;
    export YoY y = 0.01 + 0.5 x over 2025 -> slope 0.5, intercept 1%, nowcast 0.01 + 0.5 (-0.04) = -1%."""
    x = np.array([0.10, -0.05, 0.02, 0.08, 0.00, -0.12, 0.06, 0.03, -0.02, 0.15, 0.04, -0.08])
    parts = []
    for m in pd.period_range("2024-01", "2025-12", freq="M"):
        days = pd.date_range(m.start_time, m.end_time.normalize(), freq="D")
        level = 100.0 if m.year == 2024 else 100.0 * (1 + x[m.month - 1])
        parts.append(pd.Series(level, index=days))
    parts.append(pd.Series(0.96 * 110.0, index=pd.date_range("2026-01-01", "2026-01-13", freq="D")))
    y = pd.Series(0.01 + 0.5 * x, index=pd.period_range("2025-01", periods=12, freq="M"))
    data = {
        "ships": MacroSeries(SeriesMeta("ships", "units", "D"), pd.concat(parts)),
        "exports_usd_yoy": MacroSeries(SeriesMeta("exports_usd_yoy", "pct_yoy", "M"), y * 100),
    }
    model = TradeNowcaster(TradeSpec("ships", window=12, name_zh="上海港装载集装箱船数量", name_en="container ships loaded"))
    return model.predict(model.info_set(data, "2026-01-14"))


def test_trade_nowcast_words_the_result(trade_nowcast):
    text = trade_nowcast_text(trade_nowcast, "zh")
    assert "上海港装载集装箱船数量1月前13日同比-4.0%" in text
    assert "指向1月前13日出口同比在-1.0%左右" in text
    # 2025 Spring Festival Jan 29, 2026 Feb 17: the January comparison is distorted
    assert "2025年春节在1月29日、2026年在2月17日" in text
    assert "about -1.0%" in trade_nowcast_text(trade_nowcast, "en")


def test_trade_fit_sentence(trade_nowcast):
    assert trade_fit_text(trade_nowcast.fit, "zh") == (
        "出口同比 = 1.00% + 0.50 × 上海港装载集装箱船数量同比（2025年1月-2025年12月，12个月，R²=1.00，"
        "残差标准差0.0个百分点）。"
    )
    assert trade_fit_text(trade_nowcast.fit, "en").startswith("Exports YoY = 1.00% + 0.50 × container ships loaded YoY")


def test_trade_chart_draws_the_nowcast(trade_nowcast):
    fig = trade_nowcast_chart(trade_nowcast, "en")
    labels = [t.get_text() for t in fig.legends[0].get_texts()]
    assert labels[-1] == "Nowcast (90% interval)"
