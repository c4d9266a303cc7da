"""The report layer: describe a report once, render it as HTML, PDF and Markdown.

Build a :class:`Report` from :class:`Section` s holding :class:`Paragraph`,
:class:`Bullets`, :class:`Figure` (made from the chart functions in
:mod:`macrodesk.plotting`), :class:`Table` and :class:`Notice` blocks,
then call :func:`render`::

    from macrodesk.plotting import line_chart
    from macrodesk.reports import Figure, Paragraph, Report, Section, render

    fig = Figure(line_chart(cpi[["CPI同比", "核心CPI同比"]], ylabel="%"), "CPI同比温和回升", source="Wind")
    rpt = Report("股债之锚", summary=["12月CPI同比+0.8%"], sections=[Section("CPI", [Paragraph("…"), fig])])
    render(rpt, "out/")  # -> {"html": out/report.html, "pdf": out/report.pdf, "md": out/report.md}

:mod:`macrodesk.reports.views` turns models' results objects into the
sentences, charts and tables of a report. Figures made inside
``with rendering_batch():`` are rasterised together at its end, in parallel
processes (``MACRODESK_WORKERS``, default ``min(2, CPUs)``) when there are enough.
"""

from macrodesk.reports.model import (
    Block,
    Bullets,
    Figure,
    Notice,
    Paragraph,
    Report,
    Section,
    Table,
    rendering_batch,
)
from macrodesk.reports.render import SUPPORTED_FORMATS, escape_markdown, escape_typst, render

__all__ = [
    "Block",
    "Bullets",
    "Figure",
    "Notice",
    "Paragraph",
    "Report",
    "SUPPORTED_FORMATS",
    "Section",
    "Table",
    "escape_markdown",
    "escape_typst",
    "render",
    "rendering_batch",
]
