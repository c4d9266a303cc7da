"""Render a :class:`~macrodesk.reports.model.Report` to HTML, PDF and Markdown.

* ``html`` — one self-contained file: inline CSS, charts as base64 PNG data URIs.
* ``md`` — ``<basename>.md`` plus the charts in ``figures/fig01.png``… next to it.
* ``xlsx`` — the workbook (数据底稿): each exhibit's data and a native chart (:mod:`macrodesk.reports.xlsx`).
* ``docx`` — the report as a Word document (:mod:`macrodesk.reports.docx`).
* ``pdf`` — Typst source generated from a template, compiled in-process with
  the ``typst`` package against Noto Sans CJK SC only (system fonts ignored,
  so the PDF looks the same on every machine).

Figures and tables are numbered here, in report order ("图1"…, "表1"…).
All user text is escaped for the target format: HTML by Jinja2's autoescape,
Typst and Markdown by :func:`escape_typst` / :func:`escape_markdown`, applied
to every ``{{ … }}`` substitution of those templates.
"""

from __future__ import annotations

import base64
import re
import tempfile
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import jinja2
from markupsafe import Markup

from macrodesk.exceptions import ReportError
from macrodesk.plotting._fonts import CJK_FONT_FAMILY, EMBEDDED_FAMILY, embedded_font_css, font_dir
from macrodesk.text.labels import caption_label, label
from macrodesk.reports.model import Bullets, Figure, Notice, Paragraph, Report, Table
from macrodesk.reports.style import DEFAULT_COLOURS, HouseStyle, cover

if TYPE_CHECKING:  # pragma: no cover
    from macrodesk._parallel import Background

__all__ = ["SUPPORTED_FORMATS", "escape_markdown", "escape_typst", "html_font", "render", "typst_source"]

#: Output formats :func:`render` can write (xlsx: the ``excel`` extra; docx: the ``word`` extra).
SUPPORTED_FORMATS: tuple[str, ...] = ("html", "pdf", "md", "xlsx", "docx")

_TEMPLATES = Path(__file__).parent / "templates"


# --------------------------------------------------------------------------- escaping


class Raw(str):
    """A string the Typst/Markdown templates insert verbatim (generated code, file names)."""


_TYPST_SPECIAL = set("\\#$*_`<>@[]{}()~/=-+.,:;'\"!?%&|^")


def escape_typst(text: str) -> str:
    """Escape ``text`` for Typst markup so it prints literally.

    Every ASCII punctuation character that Typst markup can give a meaning to
    (``# $ * _ ` < > @ [ ] \\ ~ / = - + . ' "`` …) is backslash-escaped: this
    also defuses line-start markers (``- `` lists, ``1.`` enumerations,
    ``=`` headings, ``//`` comments) and keeps ASCII hyphens from becoming
    minus signs. Newlines become Typst line breaks; tabs become spaces.
    """
    out = []
    for ch in str(text).replace("\r\n", "\n").replace("\r", "\n"):
        if ch in _TYPST_SPECIAL:
            out.append("\\" + ch)
        elif ch == "\n":
            out.append(" \\\n")
        elif ch == "\t":
            out.append(" ")
        else:
            out.append(ch)
    return "".join(out)


_MD_SPECIAL = set("\\`*_[]<>#|~$")


def escape_markdown(text: str) -> str:
    """Escape ``text`` for Markdown (CommonMark/GFM) so it prints literally.

    Backslash-escapes ``\\ ` * _ [ ] < > # | ~ $`` everywhere and ``- + .`` where
    they would start a list at the beginning of a line; newlines become hard
    line breaks.
    """
    lines = []
    for line in str(text).replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        s = "".join("\\" + ch if ch in _MD_SPECIAL else ch for ch in line)
        s = re.sub(r"^(\s*)([-+])(\s)", r"\1\\\2\3", s)
        s = re.sub(r"^(\s*\d+)([.)])(\s|$)", r"\1\\\2\3", s)
        lines.append(s)
    return "  \n".join(lines)


def _finalizer(escape: Any) -> Any:
    def finalize(value: Any) -> Any:
        if value is None:
            return ""
        if isinstance(value, Raw):
            return str(value)
        if isinstance(value, str):
            return escape(value)
        return value

    return finalize


def _env(kind: str) -> jinja2.Environment:
    loader = jinja2.FileSystemLoader(str(_TEMPLATES))
    if kind == "html":
        return jinja2.Environment(loader=loader, autoescape=True, trim_blocks=True, lstrip_blocks=True,
                                  undefined=jinja2.StrictUndefined)
    escape = escape_typst if kind == "typ" else escape_markdown
    return jinja2.Environment(loader=loader, autoescape=False, trim_blocks=True, lstrip_blocks=True,
                              keep_trailing_newline=True, finalize=_finalizer(escape),
                              undefined=jinja2.StrictUndefined)


# --------------------------------------------------------------------------- layout model


#: Page layout of the PDF (A4, 2 cm side margins): the text width, the tallest a chart is printed
#: (a taller one is scaled down to it, so a chart and some text share a page), the number of rows
#: above which a table breaks across pages instead of floating, and the gap between the two
#: charts of a side-by-side pair.
TEXT_WIDTH_CM = 17.0
MAX_FIGURE_CM = 15.0
LONG_TABLE_ROWS = 22
PAIR_GUTTER_CM = 0.8


def _png_size(png: bytes) -> tuple[int, int] | None:
    """Width and height in pixels of a PNG image (from its IHDR chunk); None if not a PNG."""
    if len(png) < 24 or png[:8] != b"\x89PNG\r\n\x1a\n":
        return None
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")


@dataclass
class _Item:
    kind: str  # paragraph | bullets | figure | table | notice
    text: str = ""
    lead: str | None = None
    items: tuple[str, ...] = ()
    number: int = 0
    caption: str = ""  # full numbered caption, "图1：…"
    foot: str | None = None  # "数据来源：…；注：…"
    png: bytes = b""
    filename: str = ""
    header: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    numeric: list[bool] = field(default_factory=list)
    half: bool = False  # a chart drawn for half the text width (Figure.width == "half")
    mate: "_Item | None" = None  # on the first of a side-by-side pair: the second
    paired: bool = False  # the second of a pair: printed with its mate

    @property
    def long(self) -> bool:
        """A table too long to float: it stays in the text and breaks across pages."""
        return len(self.rows) > LONG_TABLE_ROWS

    @property
    def height_cm(self) -> Raw | None:
        """The printed height of a chart taller than :data:`MAX_FIGURE_CM` at full width (else None)."""
        size = _png_size(self.png)
        if size is None or size[0] <= 0:
            return None
        width = (TEXT_WIDTH_CM - PAIR_GUTTER_CM) / 2 if self.half else TEXT_WIDTH_CM
        height = width * size[1] / size[0]
        return Raw(f"{MAX_FIGURE_CM:g}") if height > MAX_FIGURE_CM else None

    @property
    def b64(self) -> str:
        return base64.b64encode(self.png).decode("ascii")


@dataclass
class _Section:
    heading: str
    level: int
    number: str
    anchor: str
    items: list[_Item]


def _foot(source: str | None, note: str | None, lang: str) -> str | None:
    parts = []
    if source:
        parts.append(label("source", lang) + source)
    if note:
        parts.append(label("note", lang) + note)
    return label("source_note_sep", lang).join(parts) if parts else None


def _layout(report: Report, fig_prefix: str, images: bool = True) -> list[_Section]:
    """The numbered sections and items of ``report``; ``images=False`` leaves the figures' PNGs out (not drawn yet)."""
    lang = report.lang
    nfig = ntab = 0
    counters = [0, 0, 0]
    out = []
    for k, sec in enumerate(report.sections):
        lv = sec.level
        counters[lv - 1] += 1
        for i in range(lv, 3):
            counters[i] = 0
        number = ".".join(str(c) for c in counters[:lv]) if report.number_sections else ""
        items = []
        for b in sec.blocks:
            if isinstance(b, Paragraph):
                items.append(_Item("paragraph", text=b.text, lead=b.lead))
            elif isinstance(b, Bullets):
                items.append(_Item("bullets", items=b.items))
            elif isinstance(b, Notice):
                items.append(_Item("notice", text=b.text))
            elif isinstance(b, Figure):
                nfig += 1
                items.append(_Item("figure", number=nfig, caption=caption_label("figure", nfig, b.caption, lang),
                                   foot=_foot(b.source, b.note, lang), png=b.png if images else b"",
                                   filename=Raw(f"{fig_prefix}fig{nfig:02d}.png"), half=b.width == "half"))
            elif isinstance(b, Table):
                ntab += 1
                header, rows, numeric = b.cells()
                items.append(_Item("table", number=ntab, caption=caption_label("table", ntab, b.caption, lang),
                                   foot=_foot(b.source, b.note, lang), header=header, rows=rows, numeric=numeric))
        out.append(_Section(sec.heading, lv, number, f"sec-{k + 1}", _pairs(items)))
    return out


def _pairs(items: list[_Item]) -> list[_Item]:
    """Mark side-by-side pairs: two half-width figures in a row, nothing between them, go two across.

    The one place that decides pairing, for every report and output: the first of each pair
    carries the second as ``mate``, the second is ``paired``. A half-width figure without a
    half-width neighbour is printed alone at half width (left, as the first of a pair).
    """
    i = 0
    while i < len(items):
        a = items[i]
        b = items[i + 1] if i + 1 < len(items) else None
        if a.kind == "figure" and a.half and b is not None and b.kind == "figure" and b.half:
            a.mate, b.paired = b, True
            i += 2
        else:
            i += 1
    return items


def _title_lines(title: str, em_per_line: float = 23.5) -> list[str]:
    """The title as printed on the cover: one line, or two broken after its colon when it would wrap.

    A CJK title longer than a line would otherwise wrap wherever the line ends,
    leaving one or two characters alone on the second line.
    """
    def width(s: str) -> float:
        return sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.55 for c in s)

    if width(title) <= em_per_line:
        return [title]
    for sep in ("：", ": "):
        if sep in title:
            head, tail = title.split(sep, 1)
            return [head + sep.strip(), tail]
    return [title]


def _context(report: Report, sections: list[_Section], style: HouseStyle | None = None) -> dict[str, Any]:
    lang = report.lang
    figures = [it for s in sections for it in s.items if it.kind in ("figure", "table")]
    cv = cover(style, lang, report.author, report.disclaimer)
    return {
        "lang": lang,
        "title": report.title,
        "title_lines": _title_lines(report.title),
        "subtitle": report.subtitle,
        "date": report.date_text,
        "author": cv.author,
        "cover_label": cv.label,
        "styled": cv.styled,
        "risk_warning": cv.risk_warning,
        "summary": list(report.summary),
        "sections": sections,
        "exhibits": figures,
        "disclaimer": cv.disclaimer,
        "toc": report.toc,
        "numbered": report.number_sections,
        "colours": {k: Raw(v) for k, v in (style.colours if style is not None else DEFAULT_COLOURS).items()},
        "logo": Raw("logo" + style.logo.suffix.lower()) if style is not None and style.logo is not None else None,
        "font_family": CJK_FONT_FAMILY,
        "embedded_family": EMBEDDED_FAMILY,
        "L": {k: label(k, lang) for k in ("key_points", "contents", "disclaimer", "notice", "author", "date",
                                           "list_of_exhibits", "risk_warning")},
    }


# --------------------------------------------------------------------------- writers


def _render_html(report: Report, out: Path, style: HouseStyle | None = None,
                 font_css: "Background[str] | None" = None) -> Path:
    sections = _layout(report, "")
    template = _env("html").get_template("report.html.j2")
    ctx = _context(report, sections, style)
    if style is not None and style.logo is not None:
        mime = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".svg": "image/svg+xml"}
        ctx["logo"] = f"data:{mime[style.logo.suffix.lower()]};base64," + base64.b64encode(style.logo.read_bytes()).decode()
    css = font_css.result() if font_css is not None else _html_font_css(report, style)
    html = template.render(**ctx, font_css=Markup(css))
    out.write_text(html, encoding="utf-8")
    return out


def _html_font_css(report: Report, style: HouseStyle | None = None) -> str:
    """The HTML's ``@font-face`` rule: the font subset to the characters of the page's text (images left out)."""
    ctx = _context(report, _layout(report, "", images=False), style)
    if style is not None and style.logo is not None:
        ctx["logo"] = ""
    return embedded_font_css(_env("html").get_template("report.html.j2").render(**ctx, font_css=""))


def html_font(report: Report, style: HouseStyle | None = None) -> "Background[str]":
    """Start subsetting the HTML font of ``report`` in a forked process (inline with one process); pass the
    result to :func:`render` as ``html_font``.

    The subset (about a second for the CJK font) depends only on the report's text, so it can be made
    while the figures are still being drawn (inside a :func:`~macrodesk.reports.model.rendering_batch`).
    """
    from macrodesk._parallel import background

    return background(lambda: _html_font_css(report, style))


def _render_md(report: Report, out: Path, basename: str, style: HouseStyle | None = None) -> Path:
    prefix = "" if basename == "report" else f"{basename}_"
    sections = _layout(report, prefix)
    figdir = out.parent / "figures"
    figs = [it for s in sections for it in s.items if it.kind == "figure"]
    if figs:
        figdir.mkdir(parents=True, exist_ok=True)
        for it in figs:
            (figdir / it.filename).write_bytes(it.png)
            it.filename = Raw(f"figures/{it.filename}")
    ctx = _context(report, sections, style)
    ctx["logo"] = None
    ctx["md_table"] = _md_table
    ctx["md_gap"] = _md_gap
    text = _env("md").get_template("report.md.j2").render(**ctx)
    text = re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
    out.write_text(text, encoding="utf-8")
    return out


def _md_gap(lead: str, text: str) -> Raw:
    """A space between a bold lead ending in punctuation and text starting with a word character.

    CommonMark does not close ``**`` that follows punctuation ("。**") when a
    letter or digit comes right after it, so such a lead would not be bold.
    """
    if lead and text and unicodedata.category(lead[-1]).startswith("P") and text[0].isalnum():
        return Raw(" ")
    return Raw("")


def _md_table(item: _Item) -> Raw:
    def row(cells: Iterable[str]) -> str:
        return "| " + " | ".join(escape_markdown(c).replace("  \n", " ") or " " for c in cells) + " |"

    lines = [row(item.header), "|" + "|".join("---:" if n else ":---" for n in item.numeric) + "|"]
    lines += [row(r) for r in item.rows]
    return Raw("\n".join(lines))


def _typst_str(s: str) -> str:
    """A Typst string literal."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _page_label(lang: str) -> Raw:
    parts = re.split(r"(\{page\}|\{total\})", label("page", lang))
    code = {"{page}": "#counter(page).display()", "{total}": "#counter(page).final().first()"}
    return Raw("".join(code.get(p, escape_typst(p)) for p in parts))


def _typst_caption(caption: str) -> Raw:
    """A caption as Typst markup, its closing "（截至2025年3月）" or else its last four Chinese
    characters kept on one line (a box), so a caption that wraps never leaves a lone "月）" or
    "比" on its second line."""
    m = re.search(r"[（(][^（）()]{1,16}[）)]$", caption) or re.search(r"[\u3400-\u9fff]{2,4}$", caption)
    if m is None or m.start() == 0:
        return Raw(escape_typst(caption))
    return Raw(escape_typst(caption[:m.start()]) + "#box[" + escape_typst(m.group()) + "]")


def typst_source(report: Report, style: HouseStyle | None = None) -> str:
    """The Typst source :func:`render` compiles for ``report`` (figures referenced as fig01.png…)."""
    return _typst_source(report, _layout(report, ""), style)


def _typst_source(report: Report, sections: list[_Section], style: HouseStyle | None = None) -> str:
    ctx = _context(report, sections, style)
    ctx["tstr"] = lambda v: Raw(_typst_str(str(v)))
    ctx["page_label"] = _page_label(report.lang)
    ctx["pair_gutter"] = Raw(f"{PAIR_GUTTER_CM:g}")
    ctx["tcap"] = _typst_caption
    ctx["typst_lang"] = Raw(_typst_str(report.lang))
    ctx["font"] = Raw(_typst_str(CJK_FONT_FAMILY))
    return _env("typ").get_template("report.typ.j2").render(**ctx)


def _compile_typst(report: Report, fmt: Literal["pdf", "png"] = "pdf", ppi: float | None = None,
                   keep_on_error: Path | None = None, style: HouseStyle | None = None) -> Any:
    """Compile ``report`` with Typst: PDF bytes, or a list of PNG pages for ``fmt="png"``."""
    import typst

    sections = _layout(report, "")
    source = _typst_source(report, sections, style)
    fonts = str(font_dir())
    with tempfile.TemporaryDirectory(prefix="macrodesk-typst-") as tmp:
        root = Path(tmp)
        for it in (it for s in sections for it in s.items if it.kind == "figure"):
            (root / it.filename).write_bytes(it.png)
        if style is not None and style.logo is not None:
            (root / f"logo{style.logo.suffix.lower()}").write_bytes(style.logo.read_bytes())
        main = root / "report.typ"
        main.write_text(source, encoding="utf-8")
        try:
            data: Any = typst.compile(str(main), root=str(root), font_paths=[fonts], ignore_system_fonts=True,
                                      format=fmt, ppi=ppi)
        except typst.TypstError as exc:  # pragma: no cover - a template bug, not a user error
            where = ""
            if keep_on_error is not None:
                keep_on_error.write_text(source, encoding="utf-8")
                where = f"\n(the generated source was kept at '{keep_on_error}')"
            detail = getattr(exc, "diagnostic", "") or ""
            raise ReportError(f"Typst could not compile the report '{report.title}': {exc}\n{detail}{where}") from None
    if fmt == "png" and isinstance(data, bytes):
        data = [data]
    if not data:  # pragma: no cover
        raise ReportError("Typst returned no output")
    return data


def _render_pdf(report: Report, out: Path, style: HouseStyle | None = None) -> Path:
    pdf = _compile_typst(report, "pdf", keep_on_error=out.with_suffix(".typ"), style=style)
    out.write_bytes(pdf)
    return out


def render(
    report: Report,
    out_dir: str | Path,
    formats: str | Iterable[str] = ("html", "pdf", "md"),
    basename: str = "report",
    style: HouseStyle | None = None,
    html_font: "Background[str] | None" = None,
) -> dict[str, Path]:
    """Write ``report`` into ``out_dir`` in each of ``formats``; return ``{format: path}``.

    Files: ``<basename>.html``, ``<basename>.pdf``, ``<basename>.md`` (with its
    charts in ``figures/fig01.png``…, prefixed ``<basename>_`` when the
    basename is not "report"). ``out_dir`` is created if needed. ``style`` (a
    :class:`~macrodesk.reports.style.HouseStyle`) sets the institution, analysts,
    disclaimer, risk warning, colours and logo; without one the cover says the
    report is an internal research draft. With a style the report is the client
    edition: its notices for analysts (:attr:`Notice.for_analysts`: missing series
    ids, what could not be computed) are left out of every format and written to
    ``<basename>.notes.txt`` instead (key ``"notes"``). ``html_font`` is the HTML's font subset
    started ahead by :func:`html_font` (default: made here). With more than one
    format and more than one process (:func:`macrodesk._parallel.workers`), the PDF
    is compiled in a forked process while the other files are written.

    Raises:
        ReportError: an unknown format, a bad basename, or a rendering failure.
    """
    if not isinstance(report, Report):
        raise ReportError(f"render() expects a Report, got {type(report).__name__}")
    fmts = [formats] if isinstance(formats, str) else list(formats)
    fmts = [f.lower().lstrip(".") if isinstance(f, str) else f for f in fmts]
    bad = [f for f in fmts if f not in SUPPORTED_FORMATS]
    if bad:
        raise ReportError(
            f"unknown report format {', '.join(repr(b) for b in bad)}; supported formats: {', '.join(SUPPORTED_FORMATS)}"
        )
    if not fmts:
        raise ReportError(f"no report format requested; supported formats: {', '.join(SUPPORTED_FORMATS)}")
    if not basename or any(c in basename for c in "/\\") or basename in (".", ".."):
        raise ReportError(f"invalid report basename {basename!r}: use a plain file name without directories")
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ReportError(f"cannot create the report directory '{out}': {exc}") from None
    written: dict[str, Path] = {}
    fmts = list(dict.fromkeys(fmts))
    notes: list[str] = []
    if style is not None:  # a client edition: the notes for analysts go to a file of their own
        notes, report = report.analyst_notes(), report.client_edition()
    pdf = None
    if "pdf" in fmts and len(fmts) > 1:
        from macrodesk._parallel import background

        pdf = background(lambda: _compile_typst(report, "pdf", keep_on_error=out / f"{basename}.typ", style=style))
    for f in fmts:
        path = out / f"{basename}.{f}"
        if f == "html":
            written[f] = _render_html(report, path, style, html_font)
        elif f == "md":
            written[f] = _render_md(report, path, basename, style)
        elif f == "xlsx":
            from macrodesk.reports.xlsx import write_xlsx

            written[f] = write_xlsx(report, path, style)
        elif f == "docx":
            from macrodesk.reports.docx import write_docx

            written[f] = write_docx(report, path, _layout(report, ""), style)
        elif pdf is None:
            written[f] = _render_pdf(report, path, style)
    if pdf is not None:  # a compile that failed there is run again here, so its error is the inline one
        (out / f"{basename}.pdf").write_bytes(pdf.result())
        written = {f: written.get(f, out / f"{basename}.pdf") for f in fmts}
    if notes:
        written["notes"] = out / f"{basename}.notes.txt"
        written["notes"].write_text("\n\n".join(notes) + "\n", encoding="utf-8")
    return written
