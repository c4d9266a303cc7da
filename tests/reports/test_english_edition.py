"""The English edition as a client reads it: no Chinese left, English wording, the Word and Excel files.

Every test reads the session report fixtures of tests/conftest.py (built once); the files are rendered
from them, not rebuilt.
"""

from __future__ import annotations

import re
import zipfile

import pytest

from macrodesk.reports import render
from macrodesk.reports.docx import column_widths_cm
from macrodesk.reports.exhibits import axis_label, builtin_exhibits
from macrodesk.reports.model import Bullets, Figure, Notice, Paragraph, Table

CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")

#: Report fixtures that reach the same worker group as the other tests of their report.
ENGLISH = ["trade_flash_report_en", "outlook_report_en", "review_report_en", "flash_report_en"]


def _texts(rep) -> list[tuple[str, str]]:
    """(where, text) for every string the report prints, chart labels included (legends: the data columns)."""
    out = [("title", rep.title), ("subtitle", rep.subtitle or ""), ("date", rep.date_text or "")]
    out += [("key point", s) for s in rep.summary]
    for sec in rep.sections:
        out.append(("heading", sec.heading))
        for b in sec.blocks:
            if isinstance(b, Paragraph):
                out.append(("paragraph", (b.lead or "") + b.text))
            elif isinstance(b, Bullets):
                out += [("bullet", t) for t in b.items]
            elif isinstance(b, Notice):
                out.append(("notice", b.text))
            elif isinstance(b, Figure):
                where = f"figure '{b.caption}'"
                out += [(where, b.caption), (where, b.source or ""), (where, b.note or "")]
                out += [(where + " axis", u) for u in b.units]
                if b.data is not None:
                    out += [(where + " legend", str(c)) for c in b.data.columns]
                    out += [(where + " label", v) for v in b.data.index if isinstance(v, str)]
            elif isinstance(b, Table):
                header, rows, _ = b.cells()
                where = f"table '{b.caption}'"
                out += [(where, b.caption), (where, b.source or ""), (where, b.note or "")]
                out += [(where, c) for c in header] + [(where, c) for r in rows for c in r]
    return out


@pytest.mark.parametrize("fixture", ENGLISH)
def test_no_chinese_in_the_english_reports(fixture, request):
    rep = request.getfixturevalue(fixture)
    left = [(w, t) for w, t in _texts(rep) if CJK.search(t)]
    assert not left, left[:5]


def test_no_chinese_in_the_english_markdown(tmp_path, review_report_en):
    md = render(review_report_en, tmp_path, formats="md", basename="review")["md"].read_text(encoding="utf-8")
    assert "Inflation review" in md and not CJK.search(md), CJK.findall(md)[:10]


def test_axis_labels_are_english(outlook_report_en, outlook_report_zh):
    en = {f.caption.split(" (to ")[0]: f for f in outlook_report_en.figures()}
    zh = {f.caption.split("（截至")[0]: f for f in outlook_report_zh.figures()}
    # the hog-farm profit chart: CNY per head on the left, the hog-grain price ratio on the right
    assert en["Hog-farm profit per head and the hog-grain price ratio"].units == ("CNY per head", "Ratio")
    assert zh["生猪养殖利润与猪粮比"].units == ("元/头", "猪粮比")
    assert en["Industrial enterprises: finished-goods turnover days"].units == ("days",)
    assert en["Medium/long-term loans to corporates and manufacturing investment"].units == ("CNY 100m", "%")


def test_every_builtin_exhibit_has_an_english_axis_label():
    for key, spec in builtin_exhibits().items():
        for zh, en in ((spec.ylabel, spec.ylabel_en), (spec.right_ylabel, spec.right_ylabel_en)):
            assert not CJK.search(axis_label(zh, en, "en") or ""), (key, zh)


def test_axis_label_falls_back_on_the_unit_table():
    assert axis_label("亿美元", None, "en") == "USD 100m"  # units.py: usd_100m
    assert axis_label("亿美元", None, "zh") == "亿美元"
    assert axis_label("元/头", "CNY per head", "en") == "CNY per head"
    assert axis_label("%", None, "en") == "%"
    assert axis_label(None, None, "en") is None


def test_outlook_wording(outlook_report_en):
    outlook = " ".join(t for _, t in _texts(outlook_report_en))
    assert " 1 months" not in outlook and "active restocking for 1 month;" in outlook
    assert "lagged 2 quarters with the hog price YoY" in outlook  # not "lagged 2 periods"
    hog_table = next(t for t in outlook_report_en.tables() if t.caption.startswith("Hog price up-cycles"))
    header = hog_table.cells()[0]
    assert "Hog price rise (%)" in header and not [h for h in header if h.lower().startswith("the ")]
    assert "89th percentile" in outlook and "th percentile" in outlook


def test_trade_flash_wording(trade_flash_report_en):
    trade = " ".join(t for _, t in _texts(trade_flash_report_en))
    assert "came from the Philippines (+1.0 pp)" in trade and "for the US (+3.0 pp)" in trade
    assert "Jan-Feb" not in trade and "January-February" not in trade  # spans take an en dash
    assert "Australia (-0.1 pp)" in trade and "(0.0 pp)" not in trade  # 0.0 pp is neither a pull nor a drag
    assert "published by 14 Jan 2026" in trade


def test_flash_wording(flash_report_en):
    flash = " ".join(t for _, t in _texts(flash_report_en))
    assert "released 9 Jan 2026" in flash and " 09 " not in flash
    assert "month, no consensus" not in flash  # no comma splice


def test_review_wording(review_report_en):
    assert review_report_en.summary[0].startswith("CPI was +0.7% YoY in Nov 2025")  # not "rose +0.7%"


def test_chinese_contributions_skip_what_prints_as_zero(trade_flash_report_zh):
    text = " ".join(t for _, t in _texts(trade_flash_report_zh))
    assert "澳大利亚（-0.1个百分点）" in text and "（0.0个百分点）" not in text


# ---------------------------------------------------------------- Word
docx = pytest.importorskip("docx")


@pytest.fixture(scope="module")
def trade_docx(tmp_path_factory, trade_flash_report_en):
    path = render(trade_flash_report_en, tmp_path_factory.mktemp("docx"), formats="docx", basename="trade")["docx"]
    return path, docx.Document(str(path))


def test_docx_figures_at_full_text_width_and_pairs_side_by_side(trade_docx, trade_flash_report_en):
    path, doc = trade_docx
    sec = doc.sections[0]
    text_width = sec.page_width - sec.left_margin - sec.right_margin  # 21 cm − 2 × 2.5 cm
    figs = trade_flash_report_en.figures()
    widths = [s.width for s in doc.inline_shapes]
    assert len(widths) == len(figs)
    half = (text_width - docx.shared.Cm(0.8)) / 2
    for f, w in zip(figs, widths):
        assert abs(w - (half if f.width == "half" else text_width)) < docx.shared.Cm(0.02), f.caption
    pairs = [t for t in doc.tables if len(t.columns) == 2 and any(c._tc.xpath(".//w:drawing") for c in t.rows[0].cells)]
    n_half = sum(f.width == "half" for f in figs)
    assert n_half >= 2 and len(pairs) == n_half // 2  # every half-width chart sits in a side-by-side pair


def test_docx_captions_stay_with_their_exhibit_and_tables_repeat_their_header(trade_docx):
    path, doc = trade_docx
    captions = [p for p in doc.paragraphs if p.style.name == "Caption"]
    assert captions and all(p.paragraph_format.keep_with_next for p in captions)
    with zipfile.ZipFile(path) as z:
        body = z.read("word/document.xml").decode("utf-8")
    data_tables = [t for t in doc.tables if not t._tbl.xpath(".//w:drawing")]
    assert data_tables and body.count("<w:tblHeader/>") == len(data_tables)


def test_docx_column_widths_keep_words_whole():
    header = ["Industry", "Month", "Revenue YoY (%)", "Phase", "Inventory pctile (%)"]
    rows = [["Non-metallic mineral products", "2023-08", "-13.9", "passive destocking", "100.0"]]
    w = column_widths_cm(header, rows, 16.0)
    assert abs(sum(w) - 16.0) < 1e-9
    # "Inventory" (9 letters) and "2023-08" (7) fit on one line: 0.19 cm a letter plus 0.45 cm of cell margins
    assert w[4] >= 9 * 0.19 + 0.45 and w[1] >= 7 * 0.19 + 0.45
    squeezed = column_widths_cm(header * 3, [rows[0] * 3], 16.0)
    assert abs(sum(squeezed) - 16.0) < 1e-9


# ---------------------------------------------------------------- Excel
openpyxl = pytest.importorskip("openpyxl")
pytest.importorskip("xlsxwriter")


@pytest.fixture(scope="module")
def flash_book(tmp_path_factory, flash_report_en):
    path = render(flash_report_en, tmp_path_factory.mktemp("xlsx"), formats="xlsx", basename="flash")["xlsx"]
    return openpyxl.load_workbook(path)


def test_xlsx_sheet_titles_units_and_print_setup(flash_book, flash_report_en):
    wb = flash_book
    assert wb.sheetnames[0] == "Contents"
    exhibits = [b for s in flash_report_en.sections for b in s.blocks if isinstance(b, (Figure, Table))]
    assert len(wb.sheetnames) == 1 + len(exhibits)
    nfig = ntab = 0
    for name, b in zip(wb.sheetnames[1:], exhibits):
        ws = wb[name]
        if isinstance(b, Figure):
            nfig += 1
            assert name == f"Figure {nfig}" and ws["A1"].value == f"Figure {nfig}: {b.caption}"
            lines = [ws.cell(r, 1).value for r in (2, 3, 4)]
            assert f"Source: {b.source}" in lines
            if b.units:  # e.g. "Unit: %" under the source and note
                assert any(isinstance(v, str) and v.startswith("Unit: " + b.units[0]) for v in lines), lines
        else:
            ntab += 1
            assert name == f"Table {ntab}" and ws["A1"].value == f"Table {ntab}: {b.caption}"
        # one page wide (fitToWidth left at its default of 1), as many pages tall as the rows need
        assert ws.page_setup.orientation == "landscape" and ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.page_setup.fitToWidth in (None, 1) and ws.page_setup.fitToHeight == 0
        assert ws.print_title_rows == "$5:$5"  # the column headers repeat on each printed page
        assert not [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str) and CJK.search(c.value)]
    assert nfig and ntab
    first = wb["Figure 1"]
    assert first["A3"].value == "Unit: %"  # CPI and PPI YoY since 2023: percent, under the source (no note)
