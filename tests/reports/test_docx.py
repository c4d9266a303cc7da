"""The Word document: headings, figures with captions, tables, CJK fonts, the missing-extra hint."""

from __future__ import annotations

import re
import sys
import zipfile

import pytest

from macrodesk.exceptions import ReportError
from macrodesk.reports import Report, Section, render

docx = pytest.importorskip("docx")


@pytest.fixture(scope="module")
def review_doc(tmp_path_factory, review_report_zh):
    path = render(review_report_zh, tmp_path_factory.mktemp("docx"), formats="docx", basename="review")["docx"]
    return path, docx.Document(str(path))


def _paragraphs(doc):
    """The body's paragraphs in reading order, a side-by-side pair's (a borderless table holding two charts)
    cell by cell, left then right."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    out = []
    for el in doc.element.body.iterchildren():
        if el.tag.endswith("}p"):
            out.append(Paragraph(el, doc))
        elif el.tag.endswith("}tbl") and _is_pair(el):
            for cell in Table(el, doc).rows[0].cells:
                out += cell.paragraphs
    return out


def _is_pair(tbl) -> bool:
    """A layout table (charts in its cells), not one of the report's tables."""
    return bool(tbl.xpath(".//w:drawing"))


def _data_tables(doc):
    return [t for t in doc.tables if not _is_pair(t._tbl)]


def test_headings_figures_and_captions(review_doc, review_report_zh):
    path, doc = review_doc
    rep = review_report_zh
    paragraphs = _paragraphs(doc)
    assert doc.paragraphs[0].text == "内部研究草稿，非证券研究报告"  # no house style: the draft label leads
    assert doc.paragraphs[1].text == rep.title and doc.paragraphs[1].style.name == "Title"
    headings = [p.text for p in paragraphs if p.style.name.startswith("Heading")]
    expected = [s.heading for s in rep.sections]
    assert [h for h in headings if h in expected] == expected
    assert ("要点" in headings) == bool(rep.summary)
    assert len(doc.inline_shapes) == len(rep.figures())
    captions = [p.text for p in paragraphs if p.style.name == "Caption"]
    assert [c for c in captions if c.startswith("图")] == [f"图{i}：{f.caption}" for i, f in enumerate(rep.figures(), 1)]
    assert any(p.text.startswith("数据来源：") for p in paragraphs)
    assert sum(_is_pair(t._tbl) for t in doc.tables) == 1  # 图2 and 图3 side by side
    if rep.disclaimer:
        assert doc.paragraphs[-1].text == rep.disclaimer


def test_tables_carry_the_report_cells(review_doc, review_report_zh):
    _, doc = review_doc
    tables = review_report_zh.tables()
    assert len(_data_tables(doc)) == len(tables)
    for t, w in zip(tables, _data_tables(doc)):
        header, rows, _ = t.cells()
        assert [c.text for c in w.rows[0].cells] == header
        assert [[c.text for c in r.cells] for r in w.rows[1:]] == rows


def test_cjk_font_is_set_for_east_asian_text(review_doc):
    path, _ = review_doc
    with zipfile.ZipFile(path) as z:
        styles = z.read("word/styles.xml").decode("utf-8")
    normal = re.search(r'<w:style [^>]*w:styleId="Normal".*?</w:style>', styles, re.S).group(0)
    assert 'w:eastAsia="Microsoft YaHei"' in normal
    heading = re.search(r'<w:style [^>]*w:styleId="Heading1".*?</w:style>', styles, re.S).group(0)
    assert 'w:eastAsia="Microsoft YaHei"' in heading and "eastAsiaTheme" not in heading


def test_missing_extra_gives_the_install_hint(monkeypatch, tmp_path, cli, sample_store_path):
    monkeypatch.setitem(sys.modules, "docx", None)
    with pytest.raises(ReportError, match=re.escape('pip install "macrodesk[word]"')):
        render(Report("测试", sections=[Section("一", ["段落"])]), tmp_path, formats="docx")
    code, _, err = cli("report", "inflation-review", "--format", "docx", "--store", sample_store_path)
    assert code == 2 and 'pip install "macrodesk[word]"' in err and "Traceback" not in err
