"""House style: the style file, its validation, and what it changes on the cover and at the end."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from macrodesk.exceptions import InputFileError
from macrodesk.reports import Paragraph, Report, Section, render
from macrodesk.reports.render import _title_lines, typst_source
from macrodesk.reports.style import EXAMPLE_STYLE, load_style, parse_style

STYLE = """
institution = "华东证券研究所"
disclaimer = "本报告仅供华东证券客户使用。"
risk_warning = "政策变化超预期。"
logo = "logo.png"

[[analyst]]
name = "王明"
certificate = "S0860520010001"
email = "wangming@example.com"

[[analyst]]
name = "李华"
certificate = "S0860520010002"

[colours]
accent = "#004b8d"
"""

@pytest.fixture()
def style_file(tmp_path):
    from PIL import Image

    Image.new("RGB", (40, 12), (0, 75, 141)).save(tmp_path / "logo.png")
    f = tmp_path / "house.toml"
    f.write_text(STYLE, encoding="utf-8")
    return f


def _report(lang: str = "zh") -> Report:
    return Report("2025年12月通胀数据回顾", lang=lang, sections=[Section("一、CPI", [Paragraph("CPI同比+0.8%。")])],
                  disclaimer="built-in disclaimer")


def test_parse_style_file(style_file):
    st = load_style(style_file)
    assert st.institution == "华东证券研究所"
    assert [(a.name, a.certificate, a.email) for a in st.analysts] == [
        ("王明", "S0860520010001", "wangming@example.com"), ("李华", "S0860520010002", None)]
    assert st.colours == {"accent": "#004B8D", "navy": "#1F3864"}  # navy keeps its default
    assert st.logo == style_file.parent / "logo.png"
    assert st.author("zh") == "王明（执业证书编号：S0860520010001，wangming@example.com）；李华（执业证书编号：S0860520010002）"
    assert st.author("en").startswith("王明 (licence no. S0860520010001, wangming@example.com); 李华")


def test_shipped_example_parses():
    st = load_style(EXAMPLE_STYLE)
    assert st.analysts and st.disclaimer and st.logo is None


@pytest.mark.parametrize("text, key", [
    ("institution = 'x'\ndisclaimer = 'y'\n", "analyst"),
    ("disclaimer = 'y'\n[[analyst]]\nname='a'\ncertificate='S1'\n", "institution"),
    ("institution = 'x'\ndisclaimer = 'y'\ncolor = 1\n[[analyst]]\nname='a'\ncertificate='S1'\n", "color"),
    ("institution = 'x'\ndisclaimer = 'y'\n[[analyst]]\nname='a'\n", "analyst[1].certificate"),
    ("institution = 'x'\ndisclaimer = 'y'\n[[analyst]]\nname='a'\ncertificate='S1'\nemail='nope'\n", "analyst[1].email"),
    ("institution = 'x'\ndisclaimer = 'y'\n[[analyst]]\nname='a'\ncertificate='S1'\n[colours]\naccent='red'\n",
     "colours.accent"),
    ("institution = 'x'\ndisclaimer = 'y'\n[[analyst]]\nname='a'\ncertificate='S1'\n[colours]\ngold='#000000'\n",
     "colours.gold"),
    ("institution = 'x'\ndisclaimer = 'y'\nlogo = 'missing.png'\n[[analyst]]\nname='a'\ncertificate='S1'\n", "logo"),
    ("institution = 'x'\ndisclaimer = 'y'\nlogo = 'logo.gif'\n[[analyst]]\nname='a'\ncertificate='S1'\n", "logo"),
    ("institution = ''\ndisclaimer = 'y'\n[[analyst]]\nname='a'\ncertificate='S1'\n", "institution"),
])
def test_bad_style_names_file_and_key(tmp_path, text, key):
    f = tmp_path / "bad.toml"
    with pytest.raises(InputFileError) as exc:
        parse_style(text, f)
    assert exc.value.file == str(f)
    assert f"key '{key}'" in str(exc.value)


def test_not_toml_and_missing_file(tmp_path):
    with pytest.raises(InputFileError, match="not valid TOML"):
        parse_style("institution = ", tmp_path / "x.toml")
    with pytest.raises(InputFileError, match="style file not found"):
        load_style(tmp_path / "nope.toml")


def test_unstyled_report_is_a_draft_without_analyst(tmp_path):
    paths = render(_report(), tmp_path, formats=("html", "md"))
    md = paths["md"].read_text(encoding="utf-8")
    assert "*内部研究草稿，非证券研究报告*" in md
    assert "分析师" not in md and "macrodesk" not in md.split("built-in")[0]
    assert "built-in disclaimer" in md
    html = render(_report("en"), tmp_path / "en", formats=("html",))["html"].read_text(encoding="utf-8")
    assert "Internal research draft, not investment research" in html


def test_styled_report_cover_colours_and_end(tmp_path, style_file):
    st = load_style(style_file)
    paths = render(_report(), tmp_path, formats=("html", "md"), style=st)
    md = paths["md"].read_text(encoding="utf-8")
    assert "*华东证券研究所*" in md and "草稿" not in md
    assert "分析师：王明（执业证书编号：S0860520010001" in md
    assert md.index("**风险提示**") < md.index("政策变化超预期") < md.index("**免责声明**") < md.index("仅供华东证券客户使用")
    assert "built-in disclaimer" not in md
    html = paths["html"].read_text(encoding="utf-8")
    assert "--accent: #004B8D" in html and 'class="logo" src="data:image/png;base64,' in html
    src = typst_source(_report(), st)
    assert 'rgb("#004B8D")' in src and 'image("logo.png"' in src


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_pdf_contents_and_list_of_figures_with_pages(tmp_path, style_file):
    import numpy as np
    import pandas as pd

    from macrodesk.plotting import line_chart
    from macrodesk.reports import Figure

    idx = pd.period_range("2024-01", "2025-12", freq="M")
    df = pd.DataFrame({"CPI同比": np.linspace(0.3, 0.8, 24)}, index=idx)
    filler = [Paragraph("正文段落。" * 60) for _ in range(3)]
    rep = Report("测试报告", sections=[
        Section("一、第一章", [*filler, Figure(line_chart(df, ylabel="%"), "第一张图")]),
        Section("二、第二章", [*filler, Figure(line_chart(df, ylabel="%"), "第二张图")]),
    ])
    pdf = render(rep, tmp_path, formats=("pdf",), style=load_style(style_file))["pdf"]
    pages = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                           check=True).stdout.split("\f")
    front = re.sub(r"[\s.]+", "", pages[0])
    assert "目录" in front and "图表目录" in front
    # each list entry ends with the page the figure is really on (found independently by pdftotext)
    for cap in ("图1：第一张图", "图2：第二张图"):
        m = re.search(re.escape(cap) + r"(\d+)", front)
        assert m, front
        listed = int(m.group(1))
        on = [i + 1 for i, p in enumerate(pages) if i > 0 and cap in re.sub(r"\s+", "", p)]
        assert on and listed == on[0], (cap, listed, on)
    assert "华东证券研究所" in pages[0] and "草稿" not in "".join(pages)


def test_long_title_breaks_after_colon():
    assert _title_lines("2025年12月外贸数据点评：出口同比回升，进口同比延续修复") == [
        "2025年12月外贸数据点评：", "出口同比回升，进口同比延续修复"]
    assert _title_lines("2026年通胀展望") == ["2026年通胀展望"]


def test_workbook_and_word_carry_the_house_style_or_the_draft_label(style_file, tmp_path):
    """The Excel 数据底稿 and the Word version print what the PDF prints: institution, analysts with certificate
    numbers, risk warning and disclaimer under a style; the draft label and the built-in disclaimer without one."""
    openpyxl = pytest.importorskip("openpyxl")
    docx = pytest.importorskip("docx")
    pytest.importorskip("xlsxwriter")

    def cells(path):
        ws = openpyxl.load_workbook(path)["目录"]
        return [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]

    def paras(path):
        return [p.text for p in docx.Document(str(path)).paragraphs]

    plain = render(_report(), tmp_path / "plain", formats=("xlsx", "docx"))
    styled = render(_report(), tmp_path / "styled", formats=("xlsx", "docx"), style=load_style(style_file))
    for texts in (cells(plain["xlsx"]), paras(plain["docx"])):
        assert texts[0] == "内部研究草稿，非证券研究报告"
        assert "built-in disclaimer" in texts and not any("执业证书编号" in t for t in texts)
    for texts in (cells(styled["xlsx"]), paras(styled["docx"])):
        assert texts[0] == "华东证券研究所" and not any("草稿" in t for t in texts)
        assert any("王明（执业证书编号：S0860520010001，wangming@example.com）；李华（执业证书编号：S0860520010002）" in t
                   for t in texts)
        assert "政策变化超预期。" in texts and "本报告仅供华东证券客户使用。" in texts
        assert "built-in disclaimer" not in texts
