"""Fixed strings in zh and en."""

from __future__ import annotations

import pytest

from macrodesk.exceptions import ReportError
from macrodesk.text.labels import LABELS, SUPPORTED_LANGS, caption_label, label


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
