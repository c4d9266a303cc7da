"""A report as a Word document (python-docx, the ``word`` extra).

Title block, key points, headings (numbered when the report numbers its
sections), paragraphs with their bold lead, bullets, notices, figures as PNG
with their numbered caption above ("图1：…") and the source/note line below,
tables as Word tables, the disclaimer at the end. Numbering, captions and
table cells are the ones the other formats print (the layout :mod:`macrodesk.reports.render` makes).
Every style sets an East Asian font (w:eastAsia) so Word shows Chinese text
in a CJK face rather than falling back glyph by glyph.

Layout, as in the PDF: a full-width chart spans the text width; two half-width charts the layout
pairs print side by side (a borderless two-cell table), each at half the width; a caption stays on
the page of its chart or table and a chart on the page of its source line (keep with next); tables
have rules above, below and under the header, no vertical lines, columns as wide as their longest
word or cell needs, the header repeated on each page and short tables kept on one page.
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

_TEXT_WIDTH_CM = 16.0
#: Space between the two charts of a side-by-side pair.
_GUTTER_CM = 0.8  # so a chart (7.6 cm) fits its 8 cm cell inside the cell margins
#: Table text size, and the width one Latin character takes at it (a CJK character takes two).
_TABLE_PT = 8.5
_CHAR_CM = 0.19
_CELL_PAD_CM = 0.45
#: Tables up to this many rows are kept on one page (longer ones break, the header repeated).
_KEEP_ROWS = 22


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


def _keep_with_next(p: Any) -> Any:
    p.paragraph_format.keep_with_next = True
    return p


def _display_len(text: str) -> int:
    """Width of ``text`` in Latin characters: a CJK (wide) character counts two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def column_widths_cm(header: Sequence[str], rows: Sequence[Sequence[str]], total_cm: float) -> list[float]:
    """Column widths (cm) that fit ``total_cm``: each column gets what its widest cell needs, never less
    than its header's longest word (so no word breaks inside); when the table is too wide, the columns
    with room to spare (long headers that can wrap, long cells) give it up first."""
    import re

    floor, want = [], []
    for j, h in enumerate(header):
        cells = [r[j] for r in rows if j < len(r)]
        # Latin words break at spaces and slashes; CJK text between any two characters
        words = re.findall(r"[\u3000-\u9fff\uff00-\uffef]|[^\s/\u3000-\u9fff\uff00-\uffef]+", h) or [""]
        longest_word = max(_display_len(w) for w in words)
        widest_cell = max((_display_len(c) for c in cells), default=0)
        floor.append(max(longest_word, min(widest_cell, 12)) * _CHAR_CM + _CELL_PAD_CM)
        want.append(max(longest_word, widest_cell, min(_display_len(h), 14)) * _CHAR_CM + _CELL_PAD_CM)
    if sum(want) <= total_cm:
        scale = total_cm / sum(want) if sum(want) > total_cm * 0.75 else 1.0
        return [w * scale for w in want]
    spare = sum(w - f for w, f in zip(want, floor))
    over = sum(want) - total_cm
    if spare <= 0:
        return [f * total_cm / sum(floor) for f in floor]
    cut = min(1.0, over / spare)
    out = [w - (w - f) * cut for w, f in zip(want, floor)]
    return [w * total_cm / sum(out) for w in out] if sum(out) > total_cm else out


def _borders(table: Any) -> None:
    """Rules above and below the table and under its header row; no vertical lines."""
    from docx.oxml.ns import qn

    tbl_pr = table._tbl.tblPr
    borders = tbl_pr.makeelement(qn("w:tblBorders"), {})
    for edge, size, colour in (("top", 8, "404040"), ("bottom", 8, "404040"), ("insideH", 2, "D9D9D9")):
        el = borders.makeelement(qn(f"w:{edge}"), {qn("w:val"): "single", qn("w:sz"): str(size),
                                                  qn("w:space"): "0", qn("w:color"): colour})
        borders.append(el)
    for edge in ("left", "right", "insideV"):
        borders.append(borders.makeelement(qn(f"w:{edge}"), {qn("w:val"): "nil"}))
    tbl_pr.append(borders)


def _row_flags(row: Any, header: bool = False) -> None:
    from docx.oxml.ns import qn

    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(tr_pr.makeelement(qn("w:cantSplit"), {}))
    if header:
        tr_pr.append(tr_pr.makeelement(qn("w:tblHeader"), {}))


def _header_rule(cell: Any) -> None:
    from docx.oxml.ns import qn

    tc_pr = cell._tc.get_or_add_tcPr()
    borders = tc_pr.makeelement(qn("w:tcBorders"), {})
    borders.append(borders.makeelement(qn("w:bottom"), {qn("w:val"): "single", qn("w:sz"): "6", qn("w:space"): "0",
                                                        qn("w:color"): "404040"}))
    tc_pr.append(borders)


def _cell_text(cell: Any, text: str, *, bold: bool = False, right: bool = False, keep: bool = False) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    p = cell.paragraphs[0]
    p.paragraph_format.space_after = Pt(0)
    p.paragraph_format.space_before = Pt(0)
    if right:
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if keep:
        p.paragraph_format.keep_with_next = True
    run = p.add_run(text)
    _set_fonts(run, _TABLE_PT, bold=bold or None)


def _table(doc: Any, it: Any) -> None:
    from docx.shared import Cm

    _keep_with_next(doc.add_paragraph(it.caption, style="Caption"))
    table = doc.add_table(rows=1 + len(it.rows), cols=len(it.header))
    table.autofit = False
    _borders(table)
    widths = column_widths_cm(it.header, it.rows, _TEXT_WIDTH_CM)
    for j, col in enumerate(table.columns):  # the grid (LibreOffice reads it) and each cell (Word reads those)
        col.width = Cm(widths[j])
    keep = len(it.rows) <= _KEEP_ROWS
    for i, row in enumerate(table.rows):
        _row_flags(row, header=i == 0)
        values = it.header if i == 0 else it.rows[i - 1]
        for j, cell in enumerate(row.cells):
            cell.width = Cm(widths[j])
            _cell_text(cell, values[j] if j < len(values) else "", bold=i == 0, right=bool(it.numeric[j]),
                       keep=keep and i < len(it.rows))
            if i == 0:
                _header_rule(cell)
    _foot(doc, it.foot)


def _figure(doc: Any, it: Any) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    _keep_with_next(doc.add_paragraph(it.caption, style="Caption"))
    # a lone half-width chart at half the width, so its text prints at the size of the others
    doc.add_picture(io.BytesIO(it.png), width=Cm((_TEXT_WIDTH_CM - _GUTTER_CM) / 2 if it.half else _TEXT_WIDTH_CM))
    pic = doc.paragraphs[-1]
    pic.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if it.foot:
        _keep_with_next(pic)
    _foot(doc, it.foot)


def _pair(doc: Any, a: Any, b: Any) -> None:
    """Two half-width charts side by side: a borderless table of two cells, caption, chart and foot in each."""
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    table = doc.add_table(rows=1, cols=2)
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    borders = tbl_pr.makeelement(qn("w:tblBorders"), {})
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(borders.makeelement(qn(f"w:{edge}"), {qn("w:val"): "nil"}))
    tbl_pr.append(borders)
    _row_flags(table.rows[0])
    width = (_TEXT_WIDTH_CM - _GUTTER_CM) / 2  # each chart; its cell is wider by the gutter, less the cell margins
    for col in table.columns:
        col.width = Cm(_TEXT_WIDTH_CM / 2)
    for cell, it in zip(table.rows[0].cells, (a, b)):
        cell.width = Cm(_TEXT_WIDTH_CM / 2)
        cap = cell.paragraphs[0]
        cap.style = doc.styles["Caption"]
        cap.add_run(it.caption)
        pic = cell.add_paragraph()
        pic.add_run().add_picture(io.BytesIO(it.png), width=Cm(width))
        if it.foot:
            p = cell.add_paragraph()
            p.paragraph_format.space_after = Pt(6)
            _set_fonts(p.add_run(it.foot), 8.5, color="595959")


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
                if it.paired:
                    continue  # printed beside its mate
                if it.mate is not None:
                    _pair(doc, it, it.mate)
                else:
                    _figure(doc, it)
            elif it.kind == "table":
                _table(doc, it)
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
