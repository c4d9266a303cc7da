"""A report as a Word document (python-docx, the ``word`` extra).

Title block, key points, headings (numbered when the report numbers its
sections), paragraphs with their bold lead, bullets, notices, figures as PNG
with their numbered caption above ("图1：…") and the source/note line below,
tables as Word tables, the disclaimer at the end. Numbering, captions and
table cells are the ones the other formats print (the layout :mod:`macrodesk.reports.render` makes).
Every style sets an East Asian font (w:eastAsia) so Word shows Chinese text
in a CJK face rather than falling back glyph by glyph.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from macrodesk.exceptions import ReportError
from macrodesk.reports.model import Report
from macrodesk.reports.style import DEFAULT_COLOURS, HouseStyle, cover
from macrodesk.text.labels import label

__all__ = ["CJK_FONT", "LATIN_FONT", "write_docx"]

_INSTALL_HINT = 'Word output needs the "word" extra: pip install "macrodesk[word]"'

#: East Asian font the document asks for (present on Windows and macOS Office installs).
CJK_FONT = "Microsoft YaHei"
#: Font for Latin text and digits.
LATIN_FONT = "Arial"

_TEXT_WIDTH_CM = 15.5


def _docx() -> Any:
    try:
        import docx
    except ImportError:
        raise ReportError(_INSTALL_HINT) from None
    return docx


def _set_fonts(style_or_run: Any, size_pt: float | None = None, bold: bool | None = None,
               color: str | None = None) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    font = style_or_run.font
    font.name = LATIN_FONT
    if size_pt is not None:
        font.size = Pt(size_pt)
    if bold is not None:
        font.bold = bold
    if color is not None:
        font.color.rgb = RGBColor.from_string(color)
    el = style_or_run.element
    rpr = el.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.insert(0, rfonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        rfonts.attrib.pop(qn(attr), None)
    rfonts.set(qn("w:ascii"), LATIN_FONT)
    rfonts.set(qn("w:hAnsi"), LATIN_FONT)
    rfonts.set(qn("w:eastAsia"), CJK_FONT)


def _styles(doc: Any) -> None:
    st = doc.styles
    _set_fonts(st["Normal"], 10.5)
    _set_fonts(st["Title"], 20, bold=True, color="1F3864")
    for lv, size in ((1, 14), (2, 12), (3, 11)):
        _set_fonts(st[f"Heading {lv}"], size, bold=True, color="1F3864" if lv == 1 else "262626")
    for name in ("Caption", "List Bullet", "Subtitle"):
        if name in [s.name for s in st]:
            _set_fonts(st[name], 10 if name == "Caption" else None,
                       bold=True if name == "Caption" else None, color="262626" if name == "Caption" else None)


def _foot(doc: Any, text: str | None) -> None:
    if not text:
        return
    p = doc.add_paragraph()
    run = p.add_run(text)
    _set_fonts(run, 8.5, color="595959")


def write_docx(report: Report, path: str | Path, layout: Sequence[Any], style: HouseStyle | None = None) -> Path:
    """Write ``report`` as a Word document to ``path``; return the path.

    ``layout`` is the numbered layout :func:`macrodesk.reports.render` makes
    (sections with their captions, foot lines and table cells), so every format
    numbers and prints exhibits the same way; call ``render(report, out, "docx")``.

    Raises:
        ReportError: ``python-docx`` is not installed (the message gives the
            install command), or the file cannot be written.
    """
    docx = _docx()
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    lang = report.lang
    doc = docx.Document()
    _styles(doc)
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(2.5)
    cv = cover(style, lang, report.author, report.disclaimer)
    doc.core_properties.title = report.title
    if cv.author:
        doc.core_properties.author = cv.author
    doc.core_properties.language = "zh-CN" if lang == "zh" else "en-GB"

    colours = style.colours if style is not None else DEFAULT_COLOURS
    _set_fonts(doc.add_paragraph().add_run(cv.label), 9, bold=True,
               color=colours["navy" if cv.styled else "accent"].lstrip("#"))
    doc.add_paragraph(report.title, style="Title")
    if report.subtitle:
        doc.add_paragraph(report.subtitle, style="Subtitle")
    author = f"{label('author', lang)}{cv.author}" if cv.author else None
    meta = "　".join(x for x in (report.date_text, author) if x)
    if meta:
        doc.add_paragraph(meta)
    if report.summary:
        doc.add_heading(label("key_points", lang), level=1)
        for point in report.summary:
            doc.add_paragraph(point, style="List Bullet")

    for s in layout:
        heading = f"{s.number} {s.heading}" if s.number else s.heading
        doc.add_heading(heading, level=s.level)
        for it in s.items:
            if it.kind == "paragraph":
                p = doc.add_paragraph()
                if it.lead:
                    p.add_run(it.lead).bold = True
                p.add_run(it.text)
            elif it.kind == "bullets":
                for b in it.items:
                    doc.add_paragraph(b, style="List Bullet")
            elif it.kind == "notice":
                p = doc.add_paragraph()
                run = p.add_run(f"{label('notice', lang)}{it.text}")
                run.italic = True
            elif it.kind == "figure":
                doc.add_paragraph(it.caption, style="Caption")
                # a half-width chart at half the width, so its text prints at the size of the others
                doc.add_picture(io.BytesIO(it.png), width=Cm(_TEXT_WIDTH_CM / 2 if it.half else _TEXT_WIDTH_CM))
                doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
                _foot(doc, it.foot)
            elif it.kind == "table":
                doc.add_paragraph(it.caption, style="Caption")
                table = doc.add_table(rows=1 + len(it.rows), cols=len(it.header))
                table.style = "Table Grid"
                for j, h in enumerate(it.header):
                    cell = table.rows[0].cells[j]
                    cell.text = h
                    for run in cell.paragraphs[0].runs:
                        run.bold = True
                for i, r in enumerate(it.rows):
                    cells = table.rows[i + 1].cells
                    for j, v in enumerate(r):
                        cells[j].text = v
                        if it.numeric[j]:
                            cells[j].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
                _foot(doc, it.foot)
    for head, text in ((label("risk_warning", lang), cv.risk_warning), (label("disclaimer", lang), cv.disclaimer)):
        if text:
            doc.add_heading(head, level=1)
            p = doc.add_paragraph()
            _set_fonts(p.add_run(text), 8.5, color="595959")
    out = Path(path)
    try:
        doc.save(str(out))
    except OSError as exc:
        raise ReportError(f"cannot write the Word document '{out}': {exc.strerror or exc}") from None
    return out
