"""The text kit: number and date formats, bilingual labels, source lines.

The bottom floor of every sentence, table cell and chart label macrodesk
prints. It imports nothing of macrodesk but the error tree:

* :mod:`~macrodesk.text.format` — ``pct``/``pp``/``num``/``month_label``/``span_label``
  (half-away-from-zero rounding, the em dash for missing values);
* :mod:`~macrodesk.text.labels` — :func:`tr`, the one Chinese/English switch,
  the fixed report strings (:func:`label`) and the English month names;
* :mod:`~macrodesk.text.sources` — "数据来源" lines from the series' publishers.
"""

from macrodesk.text.format import MISSING, month_label, num, pct, pp, signed1, signed2, span_label
from macrodesk.text.labels import (LABELS, MONTHS_EN, SUPPORTED_LANGS, as_label, caption_label, check_lang, count_en, label,
                                   sentence_start, tr, with_article)
from macrodesk.text.sources import publisher, source_line

__all__ = [
    "LABELS",
    "MISSING",
    "MONTHS_EN",
    "SUPPORTED_LANGS",
    "as_label",
    "caption_label",
    "check_lang",
    "count_en",
    "label",
    "month_label",
    "num",
    "pct",
    "pp",
    "publisher",
    "sentence_start",
    "signed1",
    "signed2",
    "source_line",
    "span_label",
    "tr",
    "with_article",
]
