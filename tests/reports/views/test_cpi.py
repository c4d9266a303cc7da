"""Views of the CPI models: the sentences and tables the reports print, from hand-made results."""

from __future__ import annotations

import pandas as pd
import pytest

from macrodesk.models import price_method_drift, rotation, seasonality
from macrodesk.reports.views import cpi as V
from tests.models.inflation.test_components import table1_review  # noqa: F401  (a fixture)
from tests.models.inflation.test_seasonality import fixture as seasonal_fixture
from tests.models.inflation.test_weights import TABLE2, levels


def test_component_text_names_the_largest_pulls(table1_review):  # noqa: F811
    # other goods & services: 3.1% x 13.5% = 0.42 pp, 84% of the +0.5% headline
    text = V.component_text(table1_review, "zh")
    assert text.startswith("2025年1-11月，其他用品和服务累计+13.5%，拉动CPI+0.42个百分点，贡献率84%")
    assert V.component_text(table1_review, "en").startswith(
        "In Jan–Nov 2025: Other goods & services +13.5% cumulatively, +0.42 pp on CPI, 84% of the headline change")


def test_component_table_in_percent(table1_review):  # noqa: F811
    t = V.component_table(table1_review, "en")
    assert list(t.columns) == ["Weight (%)", "2025 (%)", "2021-2024 (%)", "2015-2019 (%)", "Gap (%)", "2025 × weight (pp)"]
    assert t.loc["Other goods & services", "Weight (%)"] == pytest.approx(3.1)
    assert V.component_name("pork", "zh") == "猪肉" and V.component_name("unknown", "en") == "unknown"


def test_drift_text():
    res = price_method_drift(0.02, levels([90, 100, 50]), levels([99, 100, 100]), base="2021-01", name="Pork",
                             name_zh="猪肉")
    # 0.02 x (100 / 90) / (100 / 99) = 0.022 at Jan 2021 is the base itself: 2.00%; Feb 2021: 1.00%
    assert "猪肉权重由2021年1月的2.00%变为2021年2月的1.00%" in V.drift_text(res, "zh")
    assert "Pork from 2.00% in Jan 2021 to 1.00% in Feb 2021" in V.drift_text(res, "en")


def test_rotation_text_and_table():
    rot = rotation({"a": 0.3, "b": 0.7}, {"a": 0.25, "b": 0.75}, current={"a": 0.28, "b": 0.72},
                   names={"a": ("居住", "Housing"), "b": ("食品", "Food")}, label="2025")
    assert V.rotation_text(rot, "zh") == "按居民消费支出结构测算，以2025年为基期的轮换中权重上调的有居住+5.0pct，下调的有食品-5.0pct。"
    assert V.rotation_text(rot, "en") == "From household spending shares, the 2025 rotation raises Housing +5.0 pct and lowers Food -5.0 pct."
    rows = TABLE2.dropna(subset=["share_2020"])
    seed = rotation(rows["share_2025"] / 100, rows["share_2020"] / 100,
                    past={"2016": TABLE2["adj2016"] / 100, "2020": TABLE2["adj2020"] / 100}, label="2025")
    assert V.rotation_table(seed, "zh").columns[0] == "2016年调整(pct)"
    assert list(V.rotation_table(seed, "en").columns) == ["2016 rotation (pct)", "2020 rotation (pct)", "New weight (%)",
                                                          "2025 base adjustment (pct)"]


def test_seasonality_text_states_the_norm_and_festival_dates():
    s = seasonality(seasonal_fixture(), [2023, 2024], outlook_year=2026)
    text = V.seasonality_text(s, "zh")
    # Jan mean (2% + 0) / 2 = 1.00%; Mar (0.1% + 0.3%) / 2 = 0.20%
    assert text.startswith("2023-2024年CPI环比均值以1月最高（+1.00%），3月最低（+0.20%）。")
    # 2026: 17 February; 2025: 29 January (lunar calendar)
    assert text.endswith("2026年春节为2月17日（2025年为1月29日）。")
    assert V.seasonality_text(s, "en").endswith(" The 2026 Spring Festival falls on Feb 17 (2025: Jan 29).")


def test_seasonality_chart_draws():
    s = seasonality(seasonal_fixture(), [2023, 2024], highlight_year=2025)
    fig = V.seasonality_chart(s, "en")
    assert fig.axes and isinstance(s.norm, pd.DataFrame)
