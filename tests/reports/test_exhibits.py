"""Exhibits as data: parsing errors name the file and key; built-in exhibits draw the published values."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from macrodesk.exceptions import ReportError
from macrodesk.reports.exhibits import TRANSFORMS, builtin_exhibits, exhibit, parse_exhibit

DEC_2025 = pd.Period("2025-12", "M")


@pytest.fixture(scope="module")
def bundled(sample_series):
    return {s.id: s for s in sample_series}


def _fig(**kw):
    t = {"id": "f", "title": "图", "series": [{"id": "cpi_yoy"}]}
    t.update(kw)
    return t


@pytest.mark.parametrize("table, message", [
    (_fig(kind="pie"), "my.toml: figure 'f'.kind: unknown chart kind 'pie'; choose from line, bar, dual"),
    (_fig(series=[{"id": "cpi_yoy", "transform": "logdiff"}]),
     "my.toml: figure 'f'.series[0].transform: unknown transform 'logdiff'; available: " + ", ".join(TRANSFORMS)),
    (_fig(series=[{"id": "a", "transform": "share"}]), "my.toml: figure 'f'.series[0]: transform 'share' needs 'over'"),
    (_fig(colour="red"), "my.toml: figure 'f': unknown key 'colour'"),
    (_fig(kind="dual"), "my.toml: figure 'f': kind 'dual' needs series on both axes"),
    (_fig(series=[{"id": "cpi_yoy", "axis": "top"}]), "my.toml: figure 'f'.series[0].axis: must be 'left' or 'right'"),
    (_fig(start="Jan 2015"), "my.toml: figure 'f'.start: must be a month like 2015-01"),
    (_fig(years=0), "my.toml: figure 'f'.years: must be a whole number of years"),
    ({"id": "f", "series": ["cpi_yoy"]}, "my.toml: figure 'f': 'title' is missing"),
    (_fig(kind="seasonal", series=["exports_usd_level", "imports_usd_level"]),
     "my.toml: figure 'f': kind 'seasonal' draws one series"),
    (_fig(series=[{"id": "exports_usd_level", "unit": "usd_billion"}]),
     "my.toml: figure 'f'.series[0].unit: unknown unit 'usd_billion'"),
    (_fig(series=[{"id": "ppi_mining_yoy", "fill": "ppi_mining_yoy"}]),
     "my.toml: figure 'f'.series[0].fill: a series cannot fill its own gaps"),
    (_fig(width="third"), "my.toml: figure 'f'.width: must be 'full' or 'half', got 'third'"),
    (_fig(kind="ranking", width="half"), "my.toml: figure 'f': a 'ranking' chart is drawn at full width"),
    (_fig(markers="yes"), "my.toml: figure 'f'.markers: must be true or false, got 'yes'"),
    (_fig(kind="bar", markers=True), "my.toml: figure 'f'.markers: marks the points of a line; kind 'bar' has none"),
])
def test_parse_errors_name_the_file_and_key(table, message):
    with pytest.raises(ReportError) as err:
        parse_exhibit(table, "my.toml: figure")
    assert str(err.value).startswith(message)


#: Built-in exhibits of seed-003 figures whose series the bundled sample lacks (declared in importable.toml).
NEED_IMPORTS = {"gold_jewellery", "central_bank_gold", "eia_liquids_balance", "copper_global_pmi", "copper_tc_rc",
                "copper_balance", "steel_demand_exports", "capacity_utilisation", "sw_inventory_turnover"}


#: Built-in exhibits of series no source provides yet, drawn when a store holds them (Vietnam's exports to the US:
#: the seed's 图3; GSO's table has no partner split in the sample).
UNCATALOGUED = {"vn_exports_us_by_month"}


def test_every_builtin_exhibit_reads_bundled_or_declared_series(bundled):
    from macrodesk.series.catalogue import importable

    declared = set(importable()["series_id"])
    specs = builtin_exhibits()
    assert len(specs) >= 17
    for spec in specs.values():
        if spec.key in UNCATALOGUED:
            continue
        assert set(spec.ids()) <= set(bundled) | declared, spec.key
        assert (spec.missing(bundled) != []) == (spec.key in NEED_IMPORTS), spec.key


def test_cpi_ppi_history_is_ten_years_of_published_prints(bundled):
    df = exhibit("cpi_ppi_history").frame(bundled, DEC_2025)
    assert (str(df.index[0]), str(df.index[-1]), len(df)) == ("2016-01", "2025-12", 120)
    # NBS releases: Dec 2025 CPI +0.8% and PPI -1.9% YoY; Jan 2016 CPI +1.8%, PPI -5.3%
    assert df.loc[DEC_2025].tolist() == [0.8, -1.9]
    assert df.iloc[0].tolist() == [1.8, -5.3]
    assert exhibit("cpi_ppi_history").caption(df, DEC_2025, "zh") == "CPI与PPI同比（2016年以来）"


def test_exhibits_ending_early_carry_their_last_month(bundled):
    spec = exhibit("hog_profit")
    df = spec.frame(bundled, DEC_2025, "en")
    assert spec.caption(df, DEC_2025, "zh") == "生猪养殖利润与猪粮比（截至2023年9月）"
    assert spec.right_columns(bundled, df, "en") == ["Hog-grain price ratio"]
    fai = exhibit("property_infra_fai").frame(bundled, DEC_2025)
    # infrastructure sectors end 2023-10, real estate 2025-03: the legend says so
    assert "交通运输仓储邮政（截至2023年10月）" in fai.columns and str(fai.index[-1]) == "2025-03"


def test_engel_exhibit_is_annual(bundled):
    df = exhibit("engel_coefficient").frame(bundled, DEC_2025)
    assert str(df.index[-1]) == "2022" and round(float(df.iloc[-1, 0]), 1) == 30.5


def test_yoy_transform_refuses_a_rate(bundled):
    spec = parse_exhibit(_fig(series=[{"id": "cpi_yoy", "transform": "yoy"}]), "x.toml: figure")
    with pytest.raises(ReportError, match="x.toml: figure 'f': series 'cpi_yoy': transform 'yoy' needs a level"):
        spec.frame(bundled, DEC_2025)


def test_yoy_of_a_level_by_hand(bundled):
    spec = parse_exhibit(_fig(series=[{"id": "dxy_month_end_close", "transform": "yoy"}], years=1), "x.toml: figure")
    df = spec.frame(bundled, DEC_2025)
    dxy = bundled["dxy_month_end_close"].data
    assert df.iloc[-1, 0] == pytest.approx((dxy[DEC_2025] / dxy[DEC_2025 - 12] - 1) * 100)


def test_the_flash_and_review_draw_their_simple_charts_from_exhibits(bundled, flash_report_zh, review_report_zh):
    from macrodesk.reports.model import Figure

    df = exhibit("cpi_ppi_recent").frame(bundled, DEC_2025)
    assert (str(df.index[0]), len(df)) == ("2023-01", 36) and df.loc[DEC_2025].tolist() == [0.8, -1.9]
    figs = {b.caption: b for s in flash_report_zh.sections for b in s.blocks if isinstance(b, Figure)}
    assert figs["CPI与PPI同比（2023年以来）"].data.iloc[-1].tolist() == [0.8, -1.9]
    review = {b.caption: b for s in review_report_zh.sections for b in s.blocks if isinstance(b, Figure)}
    comp = review["CPI主要分项同比"].data
    assert list(comp.columns) == ["食品", "非食品", "核心CPI", "服务", "消费品"] and len(comp) == 36
    month = comp.index[-1]
    assert comp.loc[month, "核心CPI"] == bundled["cpi_core_yoy"].data[pd.Period(month, "M")]


def test_ppi_group_charts_fill_mining_from_its_index(flash_report_zh, review_report_zh):
    from macrodesk.reports.model import Figure

    def chart(report):
        return next(b for s in report.sections for b in s.blocks
                    if isinstance(b, Figure) and b.caption == "PPI及主要大类同比").data

    review = chart(review_report_zh)  # five years to the review's month, Nov 2025
    assert (str(review.index[0])[:7], str(review.index[-1])[:7], len(review)) == ("2020-12", "2025-11", 60)
    assert list(review.columns) == ["采掘工业", "原材料工业", "加工工业", "生活资料", "PPI"]
    # Mar 2023: no transcript print for mining; its index (上年同月=100) reads 95.3 → −4.7%; Jun 2023: printed −16.2%
    assert review.loc["2023-03-01", "采掘工业"] == pytest.approx(95.3 - 100)
    assert review.loc["2023-06-01", "采掘工业"] == -16.2 and review.loc["2023-03-01", "PPI"] == -2.5
    flash = chart(flash_report_zh)  # three years to Dec 2025; the groups printed to Nov are marked in the legend
    assert (str(flash.index[0])[:7], len(flash)) == ("2023-01", 36)
    assert flash.loc["2023-02-01", "采掘工业（截至2025年11月）"] == pytest.approx(100.3 - 100)
    assert flash.loc["2025-12-01", "PPI"] == -1.9


def test_seasonal_exhibits_draw_one_line_per_calendar_year(bundled, trade_flash_report_zh):
    from macrodesk.reports.model import Figure

    df = exhibit("exports_by_month").frame(bundled, DEC_2025)
    # six calendar years to the report's, in 亿美元 (the bundled level is USD bn: × 10)
    assert list(df.columns) == ["2020", "2021", "2022", "2023", "2024", "2025"] and list(df.index) == list(range(1, 13))
    assert df.loc[12, "2025"] == pytest.approx(3572.0) and df.loc[11, "2025"] == pytest.approx(3300.0)
    assert df.loc[2, "2020"] == pytest.approx(804.0)
    vn = exhibit("vn_exports_world_by_month")  # Vietnam's GSO data end Feb 2025 (USD mn: ÷ 100)
    vdf = vn.frame(bundled, DEC_2025)
    assert vdf["2025"].dropna().tolist() == pytest.approx([330.85291801, 311.09320468])
    assert vn.caption(vdf, DEC_2025, "zh") == "越南总出口：各年分月金额（截至2025年2月）"
    figs = {b.caption: b for s in trade_flash_report_zh.sections for b in s.blocks if isinstance(b, Figure)}
    assert figs["出口金额的季节性：各年分月走势"].data.loc[12, "2025年"] == pytest.approx(3572.0)
    assert "越南总出口：各年分月金额（截至2025年2月）" in figs


def test_half_width_exhibits_are_drawn_for_half_the_column(bundled):
    from macrodesk.plotting import HALF_FIGSIZE

    spec = parse_exhibit(_fig(width="half"), "my.toml")
    assert spec.width == "half" and parse_exhibit(_fig(), "my.toml").width == "full"
    fig = spec.figure(bundled, DEC_2025)
    assert fig.width == "half" and fig.width_px / fig.height_px == pytest.approx(HALF_FIGSIZE[0] / HALF_FIGSIZE[1], rel=0.02)
    assert spec.figure(bundled, DEC_2025, width="full").width == "full"  # a report may draw it full width
    assert exhibit("hog_profit").width == "half" and exhibit("cpi_ppi_history").width == "full"


def test_markers_mark_the_published_points_of_a_line():
    assert parse_exhibit(_fig(markers=True), "x.toml: figure").markers is True
    assert parse_exhibit(_fig(kind="dual", markers=True, series=["cpi_yoy", {"id": "ppi_yoy", "axis": "right"}]),
                         "x.toml: figure").markers is True
    assert parse_exhibit(_fig(), "x.toml: figure").markers is False


def test_ppi_group_mom_lines_break_at_the_months_without_a_print(bundled, monkeypatch):
    from macrodesk.plotting import charts

    drawn = []

    def spy(*args, **kw):  # the lines as drawn (the report's Figure clears the chart once it is a PNG)
        fig = line_chart(*args, **kw)
        drawn.append([(ln.get_linestyle(), ln.get_color(), list(ln.get_xdata()), np.asarray(ln.get_ydata(), float))
                      for ln in fig.axes[0].lines])
        return fig

    line_chart = charts.line_chart
    monkeypatch.setattr(charts, "line_chart", spy)
    nov = pd.Period("2025-11", "M")
    exhibit("ppi_groups_mom").figure(bundled, nov, "zh")
    (lines,) = drawn
    # nbs_releases.csv, ppi_raw_materials_mom from 2023-12 (24 months to Nov 2025): printed for 16 months, the
    # last 2025-07; no print for 2024-04, 2024-10, 2025-01 and 2025-03 (and none after July)
    axis = pd.period_range("2023-12", "2025-07", freq="M")
    (raw,) = [ln for ln in lines if ln[0] == "-" and ln[1] == "#1F3864"]  # the second colour: raw materials
    y = pd.Series(raw[3], index=axis)
    assert int(np.isfinite(y).sum()) == 16
    assert [str(p) for p in y.index[y.isna()]] == ["2024-04", "2024-10", "2025-01", "2025-03"]
    assert y[pd.Period("2024-05", "M")] == 0.9 and y[pd.Period("2023-12", "M")] == -0.5
    # each printed month has its dot, Feb 2025 (between two blank months) too
    (dots,) = [ln for ln in lines if ln[0] == "None" and ln[1] == "#1F3864"]
    assert len(dots[2]) == 16 and pd.Timestamp("2025-02-01") in dots[2]
