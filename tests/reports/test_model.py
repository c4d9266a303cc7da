"""The format-independent report model."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from macrodesk.exceptions import ReportError
from macrodesk.reports import Bullets, Figure, Notice, Paragraph, Report, Section, Table
from macrodesk.reports.model import FIGURE_DPI


@pytest.mark.full_dpi
def test_figure_stores_png_at_200_dpi_and_closes_pyplot_figure():
    import matplotlib.pyplot as plt

    mpl_fig, ax = plt.subplots(figsize=(7.5, 3.6))
    ax.plot([1, 2, 3], [1, -1, 2])
    num = mpl_fig.number
    f = Figure(mpl_fig, "出口同比延续回升", source="Wind")
    assert f.png.startswith(b"\x89PNG\r\n\x1a\n")
    assert FIGURE_DPI == 200
    assert (f.width_px, f.height_px) == (1500, 720)
    assert not plt.fignum_exists(num)
    assert mpl_fig.axes == []  # cleared, so its memory can go
    assert "png" not in repr(f)


def test_figure_from_png_bytes_and_bad_input():
    from macrodesk.plotting.charts import bar_chart

    png = Figure(bar_chart(pd.Series([1.0, 2.0], index=["a", "b"])), "x").png
    assert Figure(png, "again").png == png
    with pytest.raises(ReportError, match="not PNG data"):
        Figure(b"GIF89a....", "x")
    with pytest.raises(ReportError, match="expects a matplotlib Figure or PNG bytes, got str"):
        Figure("chart.png", "x")
    with pytest.raises(ReportError, match="Figure caption must be a string"):
        Figure(png, None)


def test_table_cells_formats_and_alignment():
    df = pd.DataFrame(
        {"权重": [26.3, np.nan], "2025年": [0.7, -5.3], "名称": ["食品", "畜肉"], "拉动": [0.184, -0.156]},
        index=pd.Index(["食品烟酒", "畜肉类"], name="分项"),
    )
    t = Table(df, "CPI分项", source="Wind", formats={"权重": "{:.1f}%", "拉动": "+.2f"})
    header, rows, numeric = t.cells()
    assert header == ["分项", "权重", "2025年", "名称", "拉动"]
    assert rows == [["食品烟酒", "26.3%", "0.7", "食品", "+0.18"], ["畜肉类", "—", "-5.3", "畜肉", "-0.16"]]
    assert numeric == [False, True, True, False, True]
    # a plain RangeIndex is not shown
    h2, r2, _ = Table(df.reset_index(drop=True), "x").cells()
    assert h2 == ["权重", "2025年", "名称", "拉动"]
    # monthly PeriodIndex prints as 2025-12
    h3, r3, _ = Table(pd.DataFrame({"a": [1.0]}, index=pd.PeriodIndex(["2025-12"], freq="M")), "x").cells()
    assert r3 == [["2025-12", "1.0"]]
    # the table keeps its own copy
    df.iloc[0, 0] = 99.0
    assert t.cells()[1][0][1] == "26.3%"


def test_table_errors():
    df = pd.DataFrame({"a": [1.0]})
    with pytest.raises(ReportError, match="formats given for columns not in the table: b"):
        Table(df, "x", formats={"b": ".1f"})
    with pytest.raises(ReportError, match="must be a pandas DataFrame"):
        Table([[1, 2]], "x")
    with pytest.raises(ReportError, match="cannot format 'x' with '.1f'"):
        Table(pd.DataFrame({"a": ["x"]}), "t", formats={"a": ".1f"}).cells()
    with pytest.raises(ReportError, match="has no columns"):
        Table(pd.DataFrame(index=[1, 2]), "empty")


def test_section_and_report_validation():
    s = Section("标题", ["一段文字", Bullets(["a", "b"]), Notice("缺少输入")])
    assert isinstance(s.blocks[0], Paragraph) and s.blocks[0].text == "一段文字"
    assert Bullets(["a"]).items == ("a",)
    with pytest.raises(ReportError, match="block 0 is a int"):
        Section("x", [1])
    with pytest.raises(ReportError, match="level must be 1, 2 or 3"):
        Section("x", [], level=4)
    with pytest.raises(ReportError, match="unsupported report language 'fr'; supported languages: zh, en"):
        Report("t", lang="fr")
    with pytest.raises(ReportError, match=r"sections\[0\] is a str"):
        Report("t", sections=["x"])
    r = Report("t", summary=["a", "b"], sections=[s], date=dt.date(2026, 1, 14))
    assert r.summary == ("a", "b") and r.sections == (s,)
    assert r.date_text == "2026年01月14日"
    assert Report("t", lang="en", date=dt.date(2026, 1, 14)).date_text == "14 Jan 2026"
    assert Report("t", date="2026年1月").date_text == "2026年1月"
    with pytest.raises(Exception):
        r.title = "changed"  # frozen


def test_figure_width_is_the_slot_it_was_drawn_for():
    """A chart drawn no wider than HALF_FIGSIZE is a half-width figure (paired in the PDF), from a
    matplotlib figure or from PNG pixels at their recorded resolution (else FIGURE_DPI)."""
    from macrodesk.plotting import FIGSIZE, HALF_FIGSIZE, line_chart
    from macrodesk.reports.model import _encode_png

    s = pd.Series([1.0, 2.0, 3.0], index=pd.period_range("2025-01", periods=3, freq="M"))
    assert Figure(line_chart(s, figsize=HALF_FIGSIZE), "半").width == "half"
    assert Figure(line_chart(s, figsize=FIGSIZE), "全").width == "full"
    rgba = np.full((10, 740, 4), 255, np.uint8)  # 740 px: 3.7 in at 200 dpi, 7.4 in at 100 dpi
    assert Figure(_encode_png(rgba, 200), "半").width == "half"
    assert Figure(_encode_png(rgba, 100), "全").width == "full"
    assert Figure(_encode_png(np.full((10, 741, 4), 255, np.uint8), 200), "全").width == "full"
