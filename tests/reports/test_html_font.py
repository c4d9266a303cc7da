"""HTML reports embed a subset of Noto Sans CJK SC so they render without Chinese system fonts."""

from __future__ import annotations

import base64
import io
import re

from fontTools.ttLib import TTFont

from macrodesk.reports import Paragraph, Report, Section, render


def test_html_embeds_a_subset_font_covering_the_report_text(tmp_path):
    rep = Report("通胀数据回顾", sections=[Section("一、走势", [Paragraph("12月出口同比+6.6%，前值+5.9%。")])])
    html = render(rep, tmp_path, formats=("html",))["html"].read_text(encoding="utf-8")
    m = re.search(r'@font-face \{ font-family: "macrodesk-cjk"; src: url\(data:font/woff;base64,([A-Za-z0-9+/=]+)\)', html)
    assert m, "the page embeds no @font-face"
    data = base64.b64decode(m.group(1))
    assert data[:4] == b"wOFF"
    cmap = TTFont(io.BytesIO(data)).getBestCmap()
    for ch in "通胀数据回顾出口同比前值，。+6.%":
        assert ord(ch) in cmap, ch
    # a subset, not the 16 MB font: only characters that occur in the page
    assert ord("猪") not in cmap
    assert len(data) < 200_000
