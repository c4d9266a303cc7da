"""Factor-model views: the sentence and the coefficient table, on an exact fit."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from macrodesk.models import FactorModel, commodity_path
from macrodesk.reports.views.factor import commodity_path_text, factor_table, factor_text

@pytest.fixture()
def exact():
    # y = 0.01 + 0.5 coal - 0.2 copper exactly, 2016-01..2018-06 (coal and copper not collinear)
    k = np.arange(30)
    X = pd.DataFrame({"coal": np.sin(k) / 10, "copper": np.cos(2 * k) / 20},
                     index=pd.period_range("2016-01", periods=30, freq="M"))
    y = (0.01 + 0.5 * X["coal"] - 0.2 * X["copper"]).rename("PPI")
    return FactorModel(y, X).fit().with_labels({"coal": "煤", "copper": "铜"})


def test_factor_table_in_percent(exact):
    t = factor_table(exact, "zh")
    assert list(t.index) == ["常数项", "煤", "铜"] and t.index.name == "变量"
    assert t["系数（%）"].tolist() == pytest.approx([1.0, 50.0, -20.0])
    assert list(factor_table(exact, "en").columns) == ["Coefficient (%)", "Std. error (%)", "t"]


def test_factor_text(exact):
    zh = factor_text(exact, "zh")
    assert zh.startswith("2016年1月至2018年6月，PPI对2个因子同比回归的R²为100.0%（30个月，Newey-West稳健标准误）")
    assert zh.endswith("系数依次为煤50.00%、铜-20.00%，常数项1.00。")
    assert "coefficients 煤 50.00%, 铜 -20.00%, constant 1.00." in factor_text(exact, "en")


def test_commodity_path_text():
    # 100 through 2025, then 110, 120, 130, 130 in Jan-Apr 2026: 2026 average 122.5 (shown rounded half up: 123), YoY 22.5% on average, 30% in April
    p = commodity_path(pd.Series([100.0] * 12, index=pd.period_range("2025-01", periods=12, freq="M")),
                       {"2026-03": 130}, end="2026-04", name="铜")
    assert commodity_path_text(p, "zh") == "按目标路径，铜2026年均值约123，同比均值+22.5%，2026年4月同比+30.0%。"
