"""Rendering a report to HTML, Markdown and PDF."""

from __future__ import annotations

import re
import shutil
import subprocess

import numpy as np
import pandas as pd
import pytest

from macrodesk.exceptions import ReportError
from macrodesk.plotting import bar_chart, line_chart
from macrodesk.text import pct
from macrodesk.reports import (
    Bullets,
    Figure,
    Notice,
    Paragraph,
    Report,
    Section,
    Table,
    escape_typst,
    render,
)
from macrodesk.reports.render import _compile_typst, typst_source

SPECIAL = "特殊字符 #x $y$ *b* _i_ `r` <l> @ref [a] \\ // 1. - ~"


def _report(lang: str = "zh") -> Report:
    idx = pd.period_range("2023-01", "2025-12", freq="M")
    df = pd.DataFrame(
        {"出口同比": np.sin(np.arange(36) / 5) * 8, "进口同比": np.cos(np.arange(36) / 6) * 5}, index=idx
    )
    fig1 = Figure(line_chart(df, ylabel="%", lang=lang), "高基数下出口同比延续回升", source="Wind、海关总署",
                  note="1-2月合并计算")
    fig2 = Figure(bar_chart(pd.DataFrame({"12月": [2.1, -0.5, 1.2]}, index=["东盟", "美国", "欧盟"]), lang=lang),
                  "对美出口转弱", source="Wind")
    tbl = Table(
        pd.DataFrame({"权重": [26.3, 22.1], "2025年": [0.7, -0.1]}, index=pd.Index(["食品烟酒", "居住"], name="分项")),
        "CPI分项环比累计涨跌幅", source="国家统计局", formats={"权重": "{:.1f}%"},
    )
    return Report(
        title="AI产业需求驱动出口上行",
        subtitle="宏观经济点评",
        date="2026年01月14日",
        author="宏观研究团队",
        lang=lang,
        summary=[f"12月出口同比{pct(6.6)}，前值{pct(5.9)}。", "AI产业链出口或进入下半场。"],
        sections=[
            Section("AI产业需求带动外需明显反弹", [
                Paragraph("12月出口同比+6.6%，较前值延续回升。", lead="高基数下出口同比延续回升。"),
                fig1,
                Paragraph(SPECIAL + " <script>alert(1)</script>"),
            ]),
            Section("分地区", [fig2, tbl, Bullets(["东盟", "欧盟"]), Notice("缺少输入：韩国出口数据")], level=2),
        ],
        disclaimer="仅供参考，不构成投资建议。",
    )


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    out = tmp_path_factory.mktemp("report")
    return out, render(_report(), out)


def test_all_three_files_written(rendered):
    out, paths = rendered
    assert list(paths) == ["html", "pdf", "md"]
    assert paths == {"html": out / "report.html", "pdf": out / "report.pdf", "md": out / "report.md"}
    for p in paths.values():
        assert p.is_file() and p.stat().st_size > 0


def test_html_is_self_contained_and_numbered(rendered):
    _, paths = rendered
    html = paths["html"].read_text(encoding="utf-8")
    i1, i2 = html.find("图1：高基数下出口同比延续回升"), html.find("图2：对美出口转弱")
    assert 0 < i1 < i2
    assert "图3：" not in html
    assert "表1：CPI分项环比累计涨跌幅" in html
    assert "数据来源：Wind、海关总署；注：1-2月合并计算" in html
    assert "数据来源：国家统计局" in html
    imgs = re.findall(r'<img src="data:image/png;base64,([A-Za-z0-9+/=]+)"', html)
    assert len(imgs) == 2 and all(len(b) > 1000 for b in imgs)
    assert "<link" not in html and "<script" not in html  # user text is escaped, no external files
    assert "&lt;script&gt;" in html
    assert "Noto Sans CJK SC" in html and "Microsoft YaHei" in html
    assert "<strong>高基数下出口同比延续回升。</strong>" in html
    assert '<td class="num">26.3%</td>' in html
    assert "要点" in html and "仅供参考" in html
    # the caption comes before its image, the source line after it
    cap, img = html.find("图1："), html.find("data:image/png")
    assert cap < img < html.find("数据来源：Wind、海关总署")


def test_markdown_and_figure_files(rendered):
    out, paths = rendered
    md = paths["md"].read_text(encoding="utf-8")
    assert "![图1：高基数下出口同比延续回升](figures/fig01.png)" in md
    assert "figures/fig02.png" in md
    for name in ("fig01.png", "fig02.png"):
        assert (out / "figures" / name).read_bytes().startswith(b"\x89PNG")
    assert md.index("图1：") < md.index("图2：") < md.index("表1：")
    assert "| 分项 | 权重 | 2025年 |" in md and "|:---|---:|---:|" in md
    assert "数据来源：Wind、海关总署；注：1-2月合并计算" in md
    assert r"\#x \$y\$ \*b\* \_i\_ \`r\` \<l\>" in md  # markdown specials escaped
    assert md.startswith("# AI产业需求驱动出口上行\n")


def _pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


def test_pdf_pages_and_embedded_cjk_font(rendered):
    _, paths = rendered
    pdf = paths["pdf"].read_bytes()
    assert pdf.startswith(b"%PDF")
    pages = _compile_typst(_report(), "png", ppi=10)  # the same document rasterised by Typst
    assert _pdf_pages(pdf) == len(pages) == 2
    fonts = set(re.findall(rb"/BaseFont\s*/([A-Za-z0-9+\-_]+)", pdf))
    assert fonts and all(b"NotoSansCJK" in f for f in fonts), fonts  # only Noto Sans CJK SC embedded
    assert b"/FontFile3" in pdf or b"/FontFile2" in pdf  # glyphs are embedded, not referenced


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_pdf_text_is_chinese_and_literal(rendered):
    _, paths = rendered
    text = subprocess.run(["pdftotext", str(paths["pdf"]), "-"], capture_output=True, text=True, check=True).stdout
    squashed = re.sub(r"\s+", "", text)
    assert "图1：高基数下出口同比延续回升" in squashed
    assert "表1：CPI分项环比累计涨跌幅" in squashed
    assert "数据来源：Wind、海关总署；注：1-2月合并计算" in squashed
    assert re.sub(r"\s+", "", SPECIAL) in squashed  # Typst markup characters printed literally
    assert "第1页/共2页" in squashed


def test_minimal_report_is_one_page(tmp_path):
    paths = render(Report("短报告", sections=[Section("一", [Paragraph("正文。")])]), tmp_path, formats=["pdf"])
    pdf = paths["pdf"].read_bytes()
    assert list(paths) == ["pdf"] and _pdf_pages(pdf) == 1


def test_client_edition_moves_analyst_notes_to_a_file(tmp_path):
    from macrodesk.reports.style import parse_style

    note = "供分析师参考：以下输入序列缺失，相应图表未生成：kr_exports_20d_total"
    rep = Report("短报告", sections=[
        Section("一", [Paragraph("正文。"), Notice("口径提示：1-2月合并。"), Notice(note, for_analysts=True)]),
        Section("附录：数据说明", [Notice(note, for_analysts=True)]),
    ])
    draft = render(rep, tmp_path / "draft", formats=["md", "html"])
    assert list(draft) == ["md", "html"]
    assert draft["md"].read_text(encoding="utf-8").count(note.replace("_", "\\_")) == 2  # Markdown escapes "_"
    house = parse_style('institution = "华东证券研究所"\ndisclaimer = "仅供客户使用。"\n'
                        '[[analyst]]\nname = "王明"\ncertificate = "S0860520010001"\n', tmp_path / "house.toml")
    client = render(rep, tmp_path / "client", formats=["md", "html"], style=house)
    assert list(client) == ["md", "html", "notes"]
    for f in ("md", "html"):
        text = client[f].read_text(encoding="utf-8")
        assert "kr_exports_20d_total" not in text and "附录：数据说明" not in text
        assert "口径提示：1-2月合并。" in text and "正文。" in text
    assert client["notes"].name == "report.notes.txt"
    assert client["notes"].read_text(encoding="utf-8") == f"{note}\n\n{note}\n"


def test_english_numbering(tmp_path):
    paths = render(_report("en"), tmp_path, formats=("html", "md"), basename="note")
    html = paths["html"].read_text(encoding="utf-8")
    assert html.index("Figure 1: ") < html.index("Figure 2: ")
    assert "Table 1: CPI分项环比累计涨跌幅" in html
    assert "Source: Wind、海关总署; Note: 1-2月合并计算" in html
    assert "Key points" in html and "图1" not in html
    md = paths["md"].read_text(encoding="utf-8")
    assert "(figures/note_fig01.png)" in md and (tmp_path / "figures" / "note_fig02.png").is_file()
    assert paths["md"].name == "note.md"


def test_typst_escaping():
    assert escape_typst("#a $b$ *c*") == r"\#a \$b\$ \*c\*"
    assert escape_typst("_ ` < > @ [ ] \\") == r"\_ \` \< \> \@ \[ \] \\"
    assert escape_typst("1. - x") == r"1\. \- x"
    src = typst_source(_report())
    assert r"\#x \$y\$" in src and "#x $y$" not in src


def test_section_numbering_option(tmp_path):
    r = Report("t", number_sections=True, toc=True,
               sections=[Section("总量", ["a"]), Section("结构", ["b"], level=2), Section("展望", ["c"])])
    html = render(r, tmp_path, formats="html")["html"].read_text(encoding="utf-8")
    assert '<span class="secno">1.1</span>结构' in html and '<span class="secno">2</span>展望' in html
    assert "目录" in html


def test_unknown_format_and_bad_arguments(tmp_path):
    with pytest.raises(ReportError, match=r"unknown report format 'rtf'; supported formats: html, pdf, md, xlsx, docx"):
        render(_report(), tmp_path / "x", formats=("html", "rtf"))
    assert not (tmp_path / "x").exists()  # nothing written when the request is invalid
    with pytest.raises(ReportError, match="expects a Report, got dict"):
        render({}, tmp_path)
    with pytest.raises(ReportError, match="invalid report basename"):
        render(_report(), tmp_path, formats="md", basename="../evil")


def test_typst_layout_keeps_order_breaks_and_caps():
    """Figures and tables stay in reading order (nothing floats above its heading or into the next
    section), a long table breaks with a repeated header, a chart taller than the cap is printed at the cap."""
    from macrodesk.reports.render import MAX_FIGURE_CM, TEXT_WIDTH_CM

    long = pd.DataFrame({"值": np.arange(30, dtype=float)}, index=pd.Index([f"行业{i}" for i in range(30)], name="行业"))
    # 30 horizontal bars: 0.9 + 0.2*20 + 0.12*10 = 6.1 in tall on a 7.5 in width -> 13.8 cm at 17 cm (no cap);
    # a 7.5 x 9 in figure would be 20.4 cm -> capped.
    tall = bar_chart(pd.DataFrame({"x": np.arange(60, dtype=float)}, index=[f"c{i}" for i in range(60)]),
                     horizontal=True)
    assert tall.get_size_inches()[1] == pytest.approx(9.0)  # 0.9 + 4 + 0.12*40 = 9.7, capped at 9 in
    rep = _report()
    rep = Report(title=rep.title, lang="zh", sections=[
        *rep.sections,
        Section("第二章", [Table(long, "长表"), Figure(tall, "高图"), Paragraph("正文。")]),
    ])
    src = typst_source(rep)
    assert "float: true" not in src and "#place" not in src
    assert src.index("高图") < src.index("正文。") and src.index("长表") < src.index("高图")
    assert re.search(r"#block\(width: 100%, breakable: true[^\n]*\n(?:.*\n){0,6}?.*长表", src)
    assert "table.header(repeat: true," in src
    assert TEXT_WIDTH_CM * 9.0 / 7.5 > MAX_FIGURE_CM
    assert f'image("fig03.png", height: {MAX_FIGURE_CM:g}cm)' in src
    assert 'image("fig01.png", width: 100%)' in src


def _half(title: str, **kw) -> Figure:
    from macrodesk.plotting import HALF_FIGSIZE

    df = pd.DataFrame({"出口同比": np.sin(np.arange(24) / 4)}, index=pd.period_range("2024-01", periods=24, freq="M"))
    return Figure(line_chart(df, figsize=HALF_FIGSIZE), title, source="海关总署", **kw)


def _grids(src: str) -> list[str]:
    """The side-by-side blocks of a Typst source: each grid of two columns, up to its closing line."""
    return re.findall(r"#grid\(columns: \(1fr, 1fr\).*?\n  \)\n", src, flags=re.S)


@pytest.fixture(scope="module")
def paired_report():
    full = _report().sections[0].blocks[1]  # a full-width line chart
    return Report(title="成对", lang="zh", toc=True, sections=[
        Section("一", [Paragraph("正文。"), _half("甲图", note="注一"), _half("乙图"),  # a pair
                       Paragraph("之间有文字。"), _half("丙图"), Paragraph("丙之后。"), _half("丁图"),  # not paired
                       full, _half("戊图")]),  # a full-width figure between: not paired either
    ])


def test_two_consecutive_half_width_figures_print_side_by_side(paired_report):
    assert [f.width for f in paired_report.figures()] == ["half", "half", "half", "half", "full", "half"]
    src = typst_source(paired_report)
    grids = _grids(src)
    # 甲乙 share one grid; 丙, 丁 and 戊 each stand alone in the left half (an empty right cell)
    assert len(grids) == 4
    pair = grids[0]
    assert pair.index("图1：甲图") < pair.index("图2：乙图") < pair.index('image("fig01.png"') < pair.index('image("fig02.png"')
    assert "注：注一" in pair and pair.count("exhibit-caption(") == 2 and pair.count("exhibit-foot[") == 2
    for grid, (n, name) in zip(grids[1:], [(3, "丙图"), (4, "丁图"), (6, "戊图")]):
        assert f"图{n}：{name}" in grid and grid.count("exhibit-caption(") == 1 and grid.count("    [],\n") == 3
    assert 'image("fig05.png", width: 100%)' in src and not any("fig05.png" in g for g in grids)
    # the text between stays between, in reading order
    assert src.index("图2：乙图") < src.index("之间有文字") < src.index("图3：丙图") < src.index("丙之后") < src.index("图4：丁图")


def test_paired_figures_keep_their_numbers_in_the_list_of_exhibits(paired_report, tmp_path):
    pdf = render(paired_report, tmp_path, formats="pdf")["pdf"]
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout \
        if shutil.which("pdftotext") else None
    if text is None:
        pytest.skip("pdftotext not available")
    entries = re.findall(r"图\s*(\d)：(\S+?)\s*\.{3,}\s*(\d+)", text)
    assert [(n, t) for n, t, _ in entries] == [("1", "甲图"), ("2", "乙图"), ("3", "丙图"), ("4", "丁图"),
                                               ("5", "高基数下出口同比延续回升"), ("6", "戊图")]
    assert entries[0][2] == entries[1][2]  # the two of a pair are on one page


def test_html_pairs_and_markdown_keeps_reading_order(paired_report, tmp_path):
    paths = render(paired_report, tmp_path, formats=("html", "md"))
    html = paths["html"].read_text(encoding="utf-8")
    assert html.count('<div class="pair">') == 4
    first = html[html.index('<div class="pair">'):]
    assert first.index('id="fig-1"') < first.index('id="fig-2"') < first.index("之间有文字")
    md = paths["md"].read_text(encoding="utf-8")
    assert md.index("图1：甲图") < md.index("图2：乙图") < md.index("之间有文字") < md.index("图3：丙图")


def test_a_caption_keeps_its_closing_bracket_on_one_line():
    from macrodesk.reports.render import _typst_caption

    # "（截至2025年3月）" is one unbreakable box: a wrapped caption cannot leave "月）" alone on a line
    assert _typst_caption("图8：分地区拉动：本月与上月（截至2025年3月）") == "图8：分地区拉动：本月与上月#box[（截至2025年3月）]"
    # else the last (up to) four Chinese characters: no lone "比" under "…与季节性对"
    assert _typst_caption("图2：2025年1-11月CPI环比累计涨幅与季节性对比") == "图2：2025年1\\-11月CPI环比累计涨幅与季#box[节性对比]"
    assert _typst_caption("图1：CPI与PPI同比") == "图1：CPI与PPI#box[同比]"
    assert _typst_caption("图2：a_b (to Mar)") == "图2：a\\_b #box[\\(to Mar\\)]"
