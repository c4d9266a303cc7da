"""Fixed strings in zh and en."""

from __future__ import annotations

import pytest

from macrodesk.exceptions import ReportError
from macrodesk.text.labels import LABELS, SUPPORTED_LANGS, as_label, caption_label, count_en, label, with_article


def test_label_zh_en():
    assert label("figure") == "图"
    assert label("figure", "en") == "Figure"
    assert label("table", "zh") == "表"
    assert label("source", "zh") == "数据来源："
    assert label("source", "en") == "Source: "
    assert label("note", "zh") == "注："
    assert label("note", "en") == "Note: "
    assert label("contents", "zh") == "目录"
    assert label("key_points", "zh") == "要点"
    assert label("key_points", "en") == "Key points"


def test_every_label_has_every_language():
    for key, texts in LABELS.items():
        assert set(texts) == set(SUPPORTED_LANGS), key


def test_caption_label():
    assert caption_label("figure", 1, "出口同比延续回升") == "图1：出口同比延续回升"
    assert caption_label("table", 2, "权重") == "表2：权重"
    assert caption_label("figure", 3, "Exports", "en") == "Figure 3: Exports"
    with pytest.raises(ReportError, match="unknown caption kind 'chart'"):
        caption_label("chart", 1, "x")


def test_unknown_lang_and_key():
    with pytest.raises(ReportError, match=r"unsupported report language 'ja'; supported languages: zh, en"):
        label("figure", "ja")
    with pytest.raises(ReportError, match=r"unknown report label 'nope'; known labels: .*figure"):
        label("nope", "zh")


def test_as_label_drops_the_article_and_capitalises():
    assert as_label("the hog price") == "Hog price"
    assert as_label("the pork wholesale price") == "Pork wholesale price"
    assert as_label("breeding-sow inventory YoY") == "Breeding-sow inventory YoY"
    assert as_label("M1 YoY") == "M1 YoY" and as_label("theme park visits") == "Theme park visits"


def test_count_en_and_place_articles():
    assert count_en(1, "month") == "1 month" and count_en(15, "month") == "15 months"
    assert count_en(0, "quarter") == "0 quarters" and count_en(2, "industry", "industries") == "2 industries"
    assert [with_article(n) for n in ("US", "EU", "UK", "Philippines", "Korea", "ASEAN")] == [
        "the US", "the EU", "the UK", "the Philippines", "Korea", "ASEAN"]
