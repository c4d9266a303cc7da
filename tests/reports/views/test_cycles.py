"""Views of the cycle models: up-cycles, overlays, lead-lag and pass-through sentences."""

from __future__ import annotations

import pandas as pd
import pytest

from macrodesk.models import constant_path, lead_lag, overlay, pass_through, upcycles
from macrodesk.reports.views import cycles as V
from tests.models.inflation.test_leadlag import X, monthly


def test_upcycles_text_reports_the_current_decline():
    lv = pd.Series([100.0, 120, 140, 120, 110, 100, 95], index=pd.period_range("2020-01", periods=7, freq="M"))
    up = upcycles(lv, min_rise=0.3, name="the price", name_zh="价格")
    # the rise from the first observation is not datable (it may have begun earlier): no episode;
    # peak Mar 2020 (140), four months down to 95: 95 / 140 - 1 = -32.1%
    assert V.upcycles_text(up, "zh") == "2020年1月以来价格没有涨幅≥30%的上涨周期。本轮自2020年3月见顶后已下跌4个月，累计-32.1%。"
    assert V.upcycles_text(up, "en").startswith("Since Jan 2020, the price has had no up-cycle of 30% or more.")


def test_upcycles_table_is_numbered():
    lv = pd.Series([100.0, 80, 90, 100, 120, 96], index=pd.period_range("2020-01", periods=6, freq="M"))
    up = upcycles(lv, min_rise=0.3)
    t = V.upcycles_table(up, "zh")
    # trough Feb (80) -> peak May (120): +50% in 3 months
    assert list(t.index) == ["第一轮"] and t.iloc[0]["上涨幅度(%)"] == pytest.approx(50.0)


def test_seed_pork_overlay_text():
    # 0.02 x 0.03 = 0.06 pp a month, 0.36 pp over six months
    o = overlay(constant_path(0.03, "2026-02", 6), 0.02, name="猪肉")
    assert "每月拉动CPI环比约+0.06个百分点，合计约+0.36个百分点" in V.overlay_text(o, "zh")


def test_leadlag_text_by_hand():
    # y_t = x_{t-3} + 10: correlation 1 at lead 3, over 13 observations
    r = lead_lag(monthly(X), monthly([float("nan")] * 3 + [v + 10 for v in X[:-3]]), max_lead=6, min_obs=5,
                 x_name="x", x_name_zh="甲", y_name="y", y_name_zh="乙")
    assert V.leadlag_text(r, "zh").startswith("甲领先乙约3个月：甲滞后3期与乙的相关系数为1.00（2020年4月至2021年4月，13个样本）")
    assert V.leadlag_text(r, "en").startswith("X leads y by about 3 months: the correlation of x lagged 3 months "
                                              "with y is 1.00 (Apr 2020 to Apr 2021, 13 observations)")


def test_m1_leads_ppi_by_about_nine_months(sample_series):
    # Seed 003, Figure 16: "M1同比领先PPI同比约9个月"
    by = {s.id: s for s in sample_series}
    r = lead_lag(by["m1_yoy"].to_fraction(), by["ppi_yoy"].to_fraction(), max_lead=18, sign="positive")
    assert "领先" in V.leadlag_text(r, "zh") and "9个月" in V.leadlag_text(r, "zh")


def test_passthrough_text_by_hand():
    # y = 0.24 x exactly: slope 0.24, R² 100%
    x = monthly([float(v) for v in range(1, 31)])
    pt = pass_through(x * 0.24, x, x_name="CRB YoY", x_name_zh="CRB同比", y_name="PPI YoY", y_name_zh="PPI同比")
    assert V.passthrough_text(pt, "zh").startswith("2020年1月至2022年6月，CRB同比每上涨1个百分点，PPI同比平均上涨约0.24个百分点")
    assert "R² 100.0%, 30 observations" in V.passthrough_text(pt, "en")
