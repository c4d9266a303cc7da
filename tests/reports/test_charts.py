"""Chart functions: house style, Chinese text, and the specific behaviour of each chart."""

from __future__ import annotations

import re
import warnings

import matplotlib
import numpy as np
import pandas as pd
import pytest
from matplotlib import font_manager
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.text import Text

from macrodesk.exceptions import ReportError
from macrodesk.plotting import _fonts, charts

RED = "#C00000"


def _months(start="2024-01", n=24):
    return pd.period_range(start, periods=n, freq="M")


def _drawn(fig: Figure) -> Figure:
    """Draw (as savefig would) and fail on any missing-glyph warning."""
    with warnings.catch_warnings():
        warnings.filterwarnings("error", message=".*missing from font.*")
        warnings.filterwarnings("error", message=".*Glyph.*")
        fig.canvas.draw()
    return fig


def _legend_texts(fig: Figure) -> list[str]:
    assert len(fig.legends) == 1, "one figure-level legend expected"
    return [t.get_text() for t in fig.legends[0].get_texts()]


def _zero_lines(ax) -> list[Line2D]:
    return [ln for ln in ax.get_lines() if list(ln.get_ydata()) == [0, 0] and list(ln.get_xdata()) == [0, 1]]


def _assert_house_style(fig: Figure) -> None:
    ax = fig.axes[0]
    assert not ax.spines["top"].get_visible()
    assert not ax.spines["right"].get_visible()
    leg = fig.legends[0]
    assert not leg.get_frame_on()
    renderer = fig.canvas.get_renderer()
    # legend sits below the plot area
    assert leg.get_window_extent(renderer).y1 <= ax.get_window_extent(renderer).y0 + 1


def test_font_is_noto_sans_cjk_from_mplfonts():
    path = _fonts.cjk_font_path()
    assert path.name == "NotoSansCJKsc-Regular.otf"
    assert path.parent.parent.name == "mplfonts"
    _fonts.setup_matplotlib()
    assert matplotlib.rcParams["font.sans-serif"][0] == "Noto Sans CJK SC"
    assert matplotlib.rcParams["axes.unicode_minus"] is False
    found = font_manager.findfont(font_manager.FontProperties(family=["sans-serif"]))
    assert found.endswith("NotoSansCJKsc-Regular.otf")
    # Typst gets a directory holding only the Noto file (never SimHei)
    assert [p.name for p in _fonts.font_dir().iterdir()] == ["NotoSansCJKsc-Regular.otf"]


def test_line_chart_style_dates_and_right_axis():
    idx = _months("2019-01", 84)
    df = pd.DataFrame(
        {"CPI同比": np.sin(np.arange(84) / 8) * 2, "核心CPI": np.linspace(1, 2, 84), "PPI同比": np.linspace(-5, 3, 84)},
        index=idx,
    )
    fig = _drawn(charts.line_chart(df, right="PPI同比", ylabel="%", right_ylabel="%"))
    assert isinstance(fig, Figure)
    assert tuple(fig.get_size_inches()) == pytest.approx(charts.FIGSIZE)
    _assert_house_style(fig)
    assert _legend_texts(fig) == ["CPI同比", "核心CPI", "PPI同比（右轴）"]
    assert len(fig.axes) == 2
    ax = fig.axes[0]
    assert [ln.get_color() for ln in ax.get_lines()][0] == RED
    ticks = [t.get_text() for t in ax.get_xticklabels() if t.get_text()]
    assert ticks and all(re.fullmatch(r"\d{4}", t) for t in ticks), ticks  # 7 years: a yearly step, ticked '2020'
    assert len(ticks) <= 9
    assert len(_zero_lines(ax)) == 1  # CPI crosses zero

    en = _drawn(charts.line_chart(df, right=["PPI同比"], lang="en"))
    assert _legend_texts(en)[-1] == "PPI同比 (RHS)"


def test_line_chart_no_zero_line_when_positive_and_errors():
    df = pd.DataFrame({"a": np.linspace(1, 2, 12)}, index=_months("2025-01", 12))
    fig = _drawn(charts.line_chart(df))
    assert _zero_lines(fig.axes[0]) == []
    with pytest.raises(ReportError, match="right-axis columns not in the data: b"):
        charts.line_chart(df, right="b")
    with pytest.raises(ReportError, match="unsupported report language 'fr'"):
        charts.line_chart(df, lang="fr")
    with pytest.raises(ReportError, match="must be a pandas DataFrame or Series"):
        charts.line_chart([1, 2, 3])


def test_charts_are_not_registered_with_pyplot():
    import matplotlib.pyplot as plt

    before = plt.get_fignums()
    charts.bar_chart(pd.Series([1.0, -2.0, 3.0], index=["甲", "乙", "丙"], name="值"))
    assert plt.get_fignums() == before


def test_seasonal_lines_month_axis_and_latest_year():
    rng = np.random.default_rng(1)
    df = pd.DataFrame({y: rng.normal(0, 1, 12).cumsum() for y in (2022, 2023, 2024, 2025)}, index=range(1, 13))
    df.loc[12, 2025] = np.nan
    fig = _drawn(charts.seasonal_lines(df))
    _assert_house_style(fig)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_xticklabels()] == [f"{m}月" for m in range(1, 13)]
    assert _legend_texts(fig) == ["2022年", "2023年", "2024年", "2025年"]
    lines = ax.get_lines()
    latest = lines[3]
    assert latest.get_color() == RED
    assert latest.get_linewidth() > max(ln.get_linewidth() for ln in lines[:3])
    en = _drawn(charts.seasonal_lines(df, lang="en"))
    assert [t.get_text() for t in en.axes[0].get_xticklabels()][:3] == ["Jan", "Feb", "Mar"]
    with pytest.raises(ReportError, match="calendar month 1..12"):
        charts.seasonal_lines(pd.DataFrame({2025: [1.0, 2.0]}, index=[0, 13]))


def test_bar_chart_grouped_stacked_horizontal():
    df = pd.DataFrame(
        {"2025年": [3.8, -0.1, 2.3], "2021-2024年均值": [-2.4, 0.4, 2.6]},
        index=["食品烟酒", "居住", "生活用品及服务"],
    )
    fig = _drawn(charts.bar_chart(df, value_labels=True))
    _assert_house_style(fig)
    assert _legend_texts(fig) == ["2025年", "2021-2024年均值"]
    ax = fig.axes[0]
    assert len(ax.patches) == 6
    assert len(_zero_lines(ax)) == 1
    assert "3.8" in [t.get_text() for t in ax.texts]
    _drawn(charts.bar_chart(df, stacked=True))
    h = _drawn(charts.bar_chart(df, horizontal=True))
    assert [t.get_text() for t in h.axes[0].get_yticklabels()] == list(df.index)
    with pytest.raises(ReportError, match="empty"):
        charts.bar_chart(pd.DataFrame({"a": []}))


def test_stacked_contributions_stacks_negatives_separately():
    idx = _months("2025-01", 3)
    contrib = pd.DataFrame({"食品": [0.5, -0.2, 0.1], "能源": [-0.3, -0.4, 0.2], "服务": [0.2, 0.1, -0.1]}, index=idx)
    total = contrib.sum(axis=1).rename("CPI同比")
    fig = _drawn(charts.stacked_contributions(contrib, total=total))
    _assert_house_style(fig)
    assert _legend_texts(fig) == ["食品", "能源", "服务", "CPI同比"]
    ax = fig.axes[0]
    bars = ax.patches  # column by column: 食品 x3, 能源 x3, 服务 x3
    # period 2: 食品 -0.2 from 0, 能源 -0.4 stacked below it (bottom -0.2), 服务 +0.1 from 0
    assert bars[1].get_y() == pytest.approx(0.0) and bars[1].get_height() == pytest.approx(-0.2)
    assert bars[4].get_y() == pytest.approx(-0.2) and bars[4].get_height() == pytest.approx(-0.4)
    assert bars[7].get_y() == pytest.approx(0.0) and bars[7].get_height() == pytest.approx(0.1)
    line = [ln for ln in ax.get_lines() if ln.get_marker() == "o"][0]
    assert line.get_color() == RED
    assert list(line.get_ydata()) == pytest.approx(list(total))
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2025-01", "2025-02", "2025-03"]
    # total defaults to the sum, labelled 合计 / Total
    assert _legend_texts(charts.stacked_contributions(contrib))[-1] == "合计"
    assert _legend_texts(charts.stacked_contributions(contrib, lang="en"))[-1] == "Total"


def test_carryover_bars_labels():
    idx = _months("2025-01", 6)
    c = pd.Series([0.5, 0.3, -0.1, -0.4, 0.2, 0.0], index=idx)
    n = pd.Series([-0.2, 0.1, 0.3, -0.3, -0.5, 0.4], index=idx)
    fig = _drawn(charts.carryover_bars(c, n, yoy=c + n))
    assert _legend_texts(fig) == ["翘尾因素", "新涨价因素", "同比"]
    assert _legend_texts(charts.carryover_bars(c, n, lang="en")) == ["Carry-over effect", "New-price effect", "YoY"]


def test_scatter_labeled_labels_every_point():
    rng = np.random.default_rng(2)
    names = [f"行业{i}" for i in range(12)]
    x, y = rng.uniform(0, 10, 12), rng.normal(0, 5, 12)
    y[0], y[1] = -3, 4  # make sure y crosses zero
    fig = _drawn(charts.scatter_labeled(x, y, names, "权重（%）", "涨跌幅（%）", highlight=["行业3"]))
    ax = fig.axes[0]
    texts = {t.get_text(): t for t in ax.texts}
    assert set(texts) == set(names)
    assert matplotlib.colors.to_hex(texts["行业3"].get_color()).upper() == RED
    assert ax.get_xlabel() == "权重（%）"
    assert len(_zero_lines(ax)) == 1
    with pytest.raises(ReportError, match="differ in length"):
        charts.scatter_labeled([1, 2], [1], ["a", "b"])


def test_scatter_labeled_label_clears_unlabelled_points():
    # A row of unlabelled points just right of the labelled one, where its first-choice
    # position (to the right) would write over them: the label goes elsewhere.
    x = np.array([0.0, 0.4, 0.8, 1.2, 1.6, 2.0, 5.0, -5.0])
    y = np.array([0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 8.0, -8.0])
    names = ["金属制品、机械和设备修理业"] + [f"行业{i}" for i in range(1, 8)]
    fig = _drawn(charts.scatter_labeled(x, y, names, label_only=[names[0]]))
    ax = fig.axes[0]
    renderer = fig.canvas.get_renderer()
    (label,) = [t for t in ax.texts if t.get_text().replace("\n", "") == names[0]]
    bb = Text.get_window_extent(label, renderer)  # the text (a far label's leader line may pass by)
    for px, py in ax.transData.transform(np.column_stack([x[1:], y[1:]])):
        assert not (bb.x0 - 3 <= px <= bb.x1 + 3 and bb.y0 - 3 <= py <= bb.y1 + 3), (px, py, bb)


def test_band_chart():
    m = pd.Series(np.linspace(0, 1, 12), index=range(1, 13))
    lo, hi = m - 0.5, m + 0.5
    hl = pd.Series([0.2, 0.1, -0.3, -0.8], index=range(1, 5), name=2025)
    fig = _drawn(charts.band_chart(m, lo, hi, highlight=hl))
    ax = fig.axes[0]
    assert any(isinstance(c, PolyCollection) for c in ax.collections)
    assert _legend_texts(fig) == ["区间（最小值-最大值）", "均值", "2025年"]
    assert [ln.get_color() for ln in ax.get_lines() if ln.get_marker() == "o"] == [RED]
    assert len(_zero_lines(ax)) == 1
    assert [t.get_text() for t in ax.get_xticklabels()][0] == "1月"


def test_scenario_paths_join_history_and_shade_forecast():
    hist = pd.Series(np.linspace(0.2, 0.8, 24), index=_months("2024-01", 24), name="CPI同比")
    fidx = _months("2026-01", 12)
    scen = {"中性": pd.Series(np.linspace(0.8, 1.0, 12), index=fidx), "悲观": pd.Series(np.linspace(0.7, 0.2, 12), index=fidx)}
    fig = _drawn(charts.scenario_paths(hist, scen))
    ax = fig.axes[0]
    assert _legend_texts(fig) == ["CPI同比", "中性", "悲观"]
    dashed = [ln for ln in ax.get_lines() if ln.get_linestyle() not in ("-", "None")]
    assert len(dashed) == 2
    for ln in dashed:  # each path starts at the last historical point
        assert ln.get_ydata()[0] == pytest.approx(0.8)
    assert any(t.get_text().strip() == "预测" for t in ax.texts)
    assert any(isinstance(p, matplotlib.patches.Rectangle) or isinstance(p, matplotlib.patches.Polygon)
               for p in ax.patches)
    with pytest.raises(ReportError, match="non-empty dict"):
        charts.scenario_paths(hist, {})


def _zero_share(ax) -> float:
    lo, hi = ax.get_ylim()
    return -lo / (hi - lo)


def test_dual_axis_zeros_aligned_when_both_cross_zero():
    idx = pd.period_range("2024-01", periods=6, freq="M")
    df = pd.DataFrame({"ppi": [-2.0, -1.0, 0.5, 1.0, 2.0, 3.0], "m1": [10.0, 20.0, -5.0, 15.0, 25.0, 30.0]}, index=idx)
    ax, ax2 = charts.line_chart(df, right=["m1"]).axes
    assert _zero_share(ax) == pytest.approx(_zero_share(ax2), abs=1e-9)
    # the data still fit on both axes
    assert ax.get_ylim()[0] <= -2.0 and ax2.get_ylim()[1] >= 30.0


def test_dual_axis_level_axis_keeps_its_range():
    idx = pd.period_range("2024-01", periods=4, freq="M")
    df = pd.DataFrame({"yoy": [-1.0, 0.5, 1.0, -0.5], "index": [250.0, 260.0, 255.0, 270.0]}, index=idx)
    ax, ax2 = charts.line_chart(df, right=["index"]).axes
    assert ax2.get_ylim()[0] > 200  # not stretched down to zero


def _line(fig, ax=0):
    """The (x, y) of the one solid line of ``fig`` (not a dot-only Line2D)."""
    (ln,) = [ln for ln in fig.axes[ax].lines if ln.get_linestyle() == "-" and ln.get_xdata().size > 2]
    return ln.get_xdata(), np.asarray(ln.get_ydata(), dtype=float)


def _dots(fig, ax=0):
    """The points drawn as markers only (published points, or a lone value)."""
    return [(pd.Timestamp(x), float(y)) for ln in fig.axes[ax].lines if ln.get_linestyle() == "None"
            for x, y in zip(ln.get_xdata(), ln.get_ydata())]


def test_line_chart_breaks_at_a_missing_month_and_dots_a_lone_value():
    idx = pd.PeriodIndex(["2024-01", "2024-03", "2024-04", "2024-07"], freq="M")  # Feb, May and Jun missing
    fig = charts.line_chart(pd.Series([1.0, 3.0, 5.0, 8.0], index=idx, name="x"))
    x, y = _line(fig)
    assert len(x) == 7 and np.isnan(y[[1, 4, 5]]).all()  # every month on the axis; no value made up
    assert y[[0, 2, 3, 6]].tolist() == [1.0, 3.0, 5.0, 8.0]
    # January and July have no neighbour: a line through them draws nothing, so each gets a dot
    assert _dots(fig) == [(pd.Timestamp("2024-01-01"), 1.0), (pd.Timestamp("2024-07-01"), 8.0)]
    assert fig.macrodesk_data[0].iloc[:, 0].isna().sum() == 3  # the workbook gets the blank months too


def test_a_series_published_jan_feb_combined_runs_from_december_to_february():
    idx = pd.period_range("2021-12", "2024-03", freq="M")
    jf = pd.Series(np.arange(len(idx), dtype=float), index=idx)
    jf[idx.month == 1] = np.nan  # no January in any year: the Jan–Feb prints are stamped at February
    x, y = _line(charts.line_chart(jf.rename("jf")))
    assert y[13] == pytest.approx((12.0 + 14.0) / 2)  # Jan 2023 drawn between Dec 2022 (12) and Feb 2023 (14)
    assert np.isfinite(y).all()
    once = jf.copy()
    once[pd.Period("2023-01", "M")] = 13.0  # one January printed: a January missing elsewhere is a real gap
    x, y = _line(charts.line_chart(once.rename("once")))
    assert np.isnan(y[1]) and np.isnan(y[25]) and y[13] == 13.0


def test_quarterly_and_annual_lines_break_at_a_missing_period():
    q = pd.Series([1.0, 2.0, np.nan, 4.0, 5.0], index=pd.period_range("2023Q1", periods=5, freq="Q")).drop(
        pd.Period("2023Q3", "Q"))
    x, y = _line(charts.line_chart(q.rename("q")))
    assert len(x) == 5 and np.isnan(y[2]) and y[3] == 4.0
    # an annual series stamped at year ends: six years joined, not six lone points one year apart
    years = pd.DatetimeIndex([f"{yr}-12-31" for yr in range(2018, 2024)])
    x, y = _line(charts.line_chart(pd.Series(np.arange(6.0), index=years, name="a")))
    assert len(x) == 6 and np.isfinite(y).all()
    # quarter-end months of a monthly index, one quarter missing: a gap of one quarter, not of 5 months
    qm = pd.Series([1.0, 2.0, 4.0], index=pd.PeriodIndex(["2024-03", "2024-06", "2024-12"], freq="M"))
    x, y = _line(charts.line_chart(qm.rename("qm")))
    assert len(x) == 4 and np.isnan(y[2])


def test_daily_lines_join_their_points_over_weekends():
    days = pd.bdate_range("2025-03-03", periods=10)  # Mon..Fri twice
    x, y = _line(charts.line_chart(pd.Series(np.arange(10.0), index=days, name="d")))
    assert len(x) == 10 and np.isfinite(y).all()


def test_seasonal_line_breaks_at_a_missing_month():
    by_year = pd.DataFrame({"2024": [1.0, 2.0, np.nan, 4.0, np.nan, 6.0] + [7.0] * 6,
                            "2025": [1.0, 1.5, 2.0] + [np.nan] * 9}, index=range(1, 13))
    fig = charts.seasonal_lines(by_year)
    y24 = next(np.asarray(ln.get_ydata(), float) for ln in fig.axes[0].lines if ln.get_linewidth() == 1.2)
    assert len(y24) == 12 and np.isnan(y24[[2, 4]]).all()
    lone = [ln for ln in fig.axes[0].lines if ln.get_linestyle() == "None"]
    assert [(float(ln.get_xdata()[0]), float(ln.get_ydata()[0])) for ln in lone] == [(4.0, 4.0)]  # April alone


def test_line_chart_markers_only_on_published_points():
    idx = pd.PeriodIndex(["2024-01", "2024-02", "2024-05"], freq="M")
    df = pd.DataFrame({"a": [-1.0, 0.5, 1.0], "b": [0.2, -0.3, 0.1]}, index=idx)
    fig = charts.line_chart(df, markers=True)
    marked = [ln for ln in fig.axes[0].lines if ln.get_marker() == "o"]
    assert len(marked) == 2 and all(len(ln.get_xdata()) == 3 for ln in marked)  # no marker on the zero line


def test_contribution_ticks_stay_on_quarter_months_when_a_month_is_missing():
    idx = pd.period_range("2021-12", "2024-12", freq="M").delete(5)  # 2022-05 missing, as in the factor model
    contrib = pd.DataFrame({"a": np.linspace(-1, 1, len(idx))}, index=idx)
    fig = charts.stacked_contributions(contrib)
    labels = [t.get_text() for t in fig.axes[0].get_xticklabels()]
    # 37 months, at most 12 labels: a 6-month step, on each January and July
    assert labels == ["2022-01", "2022-07", "2023-01", "2023-07", "2024-01", "2024-07"]


def test_annual_steps_tick_as_years_monthly_steps_as_months():
    # 10 years of monthly data: a yearly step, so '2016', not '2016-01'
    df = pd.DataFrame({"a": np.linspace(-1, 1, 120)}, index=_months("2015-01", 120))
    ticks = [t.get_text() for t in _drawn(charts.line_chart(df)).axes[0].get_xticklabels() if t.get_text()]
    assert ticks and all(re.fullmatch(r"\d{4}", t) for t in ticks), ticks
    # an annual series stamped at year ends (2014-12-31 ...) ticks as years, on lines and on bars
    years = pd.DatetimeIndex([f"{y}-12-31" for y in range(2014, 2024)])
    ann = pd.DataFrame({"a": np.arange(10.0)}, index=years)
    ticks = [t.get_text() for t in _drawn(charts.line_chart(ann)).axes[0].get_xticklabels() if t.get_text()]
    assert ticks and all(re.fullmatch(r"\d{4}", t) for t in ticks), ticks
    bars = [t.get_text() for t in _drawn(charts.bar_chart(ann)).axes[0].get_xticklabels() if t.get_text()]
    assert bars[0] == "2014" and all(re.fullmatch(r"\d{4}", t) for t in bars), bars
    # bars on a 121-month axis (at most 12 labels: a yearly step): each January labelled with its year
    idx = pd.period_range("2014-12", "2024-12", freq="M")
    fig = charts.stacked_contributions(pd.DataFrame({"a": np.linspace(-1, 1, len(idx))}, index=idx))
    assert [t.get_text() for t in fig.axes[0].get_xticklabels()] == [str(y) for y in range(2015, 2025)]


def test_long_point_labels_break_after_the_enumeration_comma():
    # 13 characters: two lines, broken after the "、" nearest the middle; short names stay on one line
    assert charts._point_label("金属制品、机械和设备修理业") == "金属制品、\n机械和设备修理业"
    assert charts._point_label("汽车制造业") == "汽车制造业"
    assert charts._point_label("计算机通信和其他电子设备制造业") == "计算机通信和其他\n电子设备制造业"  # 15: middle
    x = np.array([0.0, 1.0, -1.0])
    fig = _drawn(charts.scatter_labeled(x, np.array([0.0, 1.0, -1.0]), ["金属制品、机械和设备修理业", "甲", "乙"]))
    assert "金属制品、\n机械和设备修理业" in [t.get_text() for t in fig.axes[0].texts]


def _shown_ticks(fig):
    """The labelled x ticks inside the axis range (a locator also returns ticks just outside it)."""
    ax = fig.axes[0]
    lo, hi = sorted(ax.get_xlim())
    return [t for t, x in zip(ax.get_xticklabels(), ax.get_xticks()) if t.get_text() and lo <= x <= hi]


def test_half_width_charts_tick_as_many_labels_as_fit():
    """A chart drawn for half the column (HALF_FIGSIZE) keeps its tick labels apart: fewer dates,
    every other month name, years thinned out rather than broken over two lines."""
    monthly = pd.DataFrame({"a": np.linspace(-1, 1, 36)}, index=_months("2023-01", 36))
    full = _shown_ticks(_drawn(charts.line_chart(monthly)))
    half_fig = _drawn(charts.line_chart(monthly, figsize=charts.HALF_FIGSIZE))
    half = [t.get_text() for t in _shown_ticks(half_fig)]
    # 36 months: a 6-month step at full width (7 labels, at most 8); at 3.7 in, 4 labels of '2023-01' fit
    # (3.7 × 72 × 0.78 = 208 pt; a label 7 × 0.55 × 9 pt + 1.2 em = 45.5 pt): a 12-month step
    assert len(full) == 6 and half == ["2023", "2024", "2025"]
    renderer = half_fig.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in _shown_ticks(half_fig)]
    assert all(a.x1 < b.x0 for a, b in zip(boxes, boxes[1:]))
    seasonal = pd.DataFrame({"2024": np.arange(12.0), "2025": np.arange(12.0)}, index=range(1, 13))
    names = [t.get_text() for t in _drawn(charts.seasonal_lines(seasonal, figsize=charts.HALF_FIGSIZE)).axes[0].get_xticklabels()]
    assert names == ["1月", "", "3月", "", "5月", "", "7月", "", "9月", "", "11月", ""]
    years = pd.DataFrame({"a": np.arange(10.0)}, index=pd.period_range("2013", periods=10, freq="Y"))
    bars = [t.get_text() for t in _drawn(charts.bar_chart(years, figsize=charts.HALF_FIGSIZE)).axes[0].get_xticklabels()]
    assert bars == ["2013", "2015", "2017", "2019", "2021"]  # not "20\n13"
    assert [t.get_text() for t in _drawn(charts.bar_chart(years)).axes[0].get_xticklabels()] == [str(y) for y in range(2013, 2023)]


def test_a_long_ranking_continues_in_a_second_panel():
    """41 bars: the 21 highest down the left panel, the other 20 down the right, on one scale; about half
    as tall as one column of 41 bars, labels ~7.6 pt once the 7.5 in figure is printed 17 cm wide."""
    values = pd.Series([float((7 * i) % 41) for i in range(41)],  # 0..40 in a scrambled order
                       index=[f"行业{i}" for i in range(41)], name="分位（%）")
    fig = _drawn(charts.ranking_chart(values))
    left, right = fig.axes
    assert (len(left.patches), len(right.patches)) == (21, 20)
    widths = [p.get_width() for p in left.patches] + [p.get_width() for p in right.patches]
    assert widths == [float(v) for v in range(40, -1, -1)]  # highest first, continuing on the right
    # 行业i holds 7i mod 41: 40 is 行业35 (7*35 = 245 = 5*41 + 40); 20, the left panel's last, is 行业38
    # (7*38 = 266 = 6*41 + 20); 19, the right panel's first, is 行业32 (7*32 = 224 = 5*41 + 19)
    ticks = [t.get_text() for t in left.get_yticklabels()]
    assert (ticks[0], ticks[-1], right.get_yticklabels()[0].get_text()) == ("行业35", "行业38", "行业32")
    assert left.get_xlim() == right.get_xlim()
    assert [t.get_text() for t in left.texts][:2] == ["40", "39"]
    # one column of 41 bars was 0.9 + 0.2*20 + 0.12*21 = 7.42 in tall; two panels of 21 rows at 0.15 in + 0.85 in
    assert fig.get_size_inches()[1] == pytest.approx(0.85 + 0.15 * 21)
    assert fig.get_size_inches()[1] < 0.6 * 7.42
    printed = left.get_yticklabels()[0].get_fontsize() * 17 / 2.54 / fig.get_size_inches()[0]
    assert 7.5 <= printed <= 8.0
    assert _legend_texts(fig) == ["分位（%）"]


def test_a_short_ranking_is_one_panel_highest_first_missing_last():
    s = pd.Series({"甲": 3.0, "乙": np.nan, "丙": 10.0, "丁": -2.0})
    fig = _drawn(charts.ranking_chart(s, digits=1, xlabel="%"))
    assert len(fig.axes) == 1 and not fig.legends
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["丙", "甲", "丁", "乙"]
    assert [t.get_text() for t in ax.texts] == ["10.0", "3.0", "-2.0", "—"]
    assert [list(ln.get_xdata()) for ln in ax.get_lines()] == [[0, 0]] and ax.get_xlabel() == "%"  # a zero line
    with pytest.raises(ReportError, match="empty"):
        charts.ranking_chart(pd.Series([], dtype=float))
