"""Views of the PPI models: group, industry and chain sentences, from hand-made results."""

from __future__ import annotations

import numpy as np
import pytest
import pandas as pd

from macrodesk.models import chain_impact, ppi_group_review, ppi_industry_review
from macrodesk.reports.views import ppi as V
from tests.models.inflation.test_ppi_industry import jan_only


def test_group_text_by_hand():
    # mining: -1% in Jan, +2% in Feb, 0 in Mar -> (0.99)(1.02) - 1 = +0.98% over Jan-Mar
    idx = pd.period_range("2025-01", periods=3, freq="M")
    mom = pd.DataFrame({"mining": [-0.01, 0.02, 0.0], "processing": [0.0, np.nan, 0.001]}, index=idx)
    g = ppi_group_review(mom, 2025, 3)
    text = V.ppi_group_text(g, "zh")
    assert "采掘工业2025年3月环比0.0%，2025年1-3月累计+1.0%" in text
    assert text.endswith("（加工工业的环比数据不全，未计算累计涨跌。）")
    assert V.ppi_group_text(g, "en").startswith("By major group: Mining 0.0% MoM in Mar 2025; +1.0% cumulatively in Jan–Mar 2025")


def test_industry_text_and_table_of_the_seed_drag():
    # ferrous smelting: 5.9% x -4.8% = -0.2832 pp
    r = ppi_industry_review(jan_only({"ferrous_smelting": -0.048}), {"ferrous_smelting": 0.059}, 2025, 11)
    assert "黑色金属冶炼和压延加工业（权重5.9%，累计-4.8%，拉动-0.28个百分点）" in V.ppi_industry_text(r, "zh")
    t = V.ppi_industry_table(r, "en")
    assert t.loc["Ferrous smelting & rolling", "Pull on PPI (pp)"] == pytest.approx(-0.059 * 4.8)


def test_chain_text():
    # 6.5% x 15% = 0.975 -> +1.0 pp
    ci = chain_impact({"a": 0.04, "b": 0.025}, {"有色金属链": ["a", "b"]}, {"有色金属链": 0.15})
    assert V.chain_text(ci, "zh") == "有色金属链（权重6.5%，价格+15%）拉动+1.0个百分点；合计+1.0个百分点。"
