"""The report layer: describe a report once, render it as HTML, PDF and Markdown.

Build a :class:`Report` from :class:`Section` s holding :class:`Paragraph`,
:class:`Bullets`, :class:`Figure` (made from the chart functions in
:mod:`macrodesk.reports.charts`), :class:`Table` and :class:`Notice` blocks,
then call :func:`render`::

    from macrodesk.reports import Figure, Paragraph, Report, Section, line_chart, render

    fig = Figure(line_chart(cpi[["CPI同比", "核心CPI同比"]], ylabel="%"), "CPI同比温和回升", source="Wind")
    rpt = Report("股债之锚", summary=["12月CPI同比+0.8%"], sections=[Section("CPI", [Paragraph("…"), fig])])
    render(rpt, "out/")  # -> {"html": out/report.html, "pdf": out/report.pdf, "md": out/report.md}

Chinese text renders with Noto Sans CJK SC from the mplfonts package (OFL).
"""

from macrodesk.reports._fonts import cjk_font_path, font_dir, setup_matplotlib
from macrodesk.reports.charts import (
    FIGSIZE,
    PALETTE,
    band_chart,
    bar_chart,
    carryover_bars,
    line_chart,
    scatter_labeled,
    scenario_paths,
    seasonal_lines,
    stacked_contributions,
)
from macrodesk.reports.format import month_label, num, pct, pp, span_label
from macrodesk.reports.labels import SUPPORTED_LANGS, caption_label, label
from macrodesk.reports.model import Block, Bullets, Figure, Notice, Paragraph, Report, Section, Table
from macrodesk.reports.render import SUPPORTED_FORMATS, escape_markdown, escape_typst, render

__all__ = [
    "Block",
    "Bullets",
    "FIGSIZE",
    "Figure",
    "Notice",
    "PALETTE",
    "Paragraph",
    "Report",
    "SUPPORTED_FORMATS",
    "SUPPORTED_LANGS",
    "Section",
    "Table",
    "band_chart",
    "bar_chart",
    "caption_label",
    "carryover_bars",
    "cjk_font_path",
    "escape_markdown",
    "escape_typst",
    "font_dir",
    "label",
    "line_chart",
    "month_label",
    "num",
    "pct",
    "pp",
    "render",
    "scatter_labeled",
    "scenario_paths",
    "seasonal_lines",
    "setup_matplotlib",
    "span_label",
    "stacked_contributions",
]
