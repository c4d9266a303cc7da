"""Source lines under figures and tables: "数据来源：国家统计局、macrodesk计算".

A series' ``meta.source`` field names its publisher as imported ("NBS", "GACC
(customs)", "Wind consensus", …); :func:`publisher` turns that into the name a
source line prints in each language, :func:`source_line` joins the publishers
of the series a figure draws on.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from macrodesk.text.labels import tr

__all__ = ["publisher", "source_line"]

# Publishers in a source line: (start of the series' ``source`` field, Chinese, English).
# The longest matching start wins; an unknown publisher prints as written, up to "(".
_PUBLISHERS: list[tuple[str, str, str]] = [
    ("NBS/CFLP", "国家统计局、中国物流与采购联合会", "NBS/CFLP"),
    ("NBS", "国家统计局", "NBS"),
    ("GACC", "海关总署", "GACC"),
    ("PBoC", "中国人民银行", "PBoC"),
    ("MOFCOM", "商务部", "MOFCOM"),
    ("MOF", "财政部", "MOF"),
    ("SAFE", "国家外汇管理局", "SAFE"),
    ("CFETS", "中国外汇交易中心", "CFETS"),
    ("MOA", "农业农村部", "MOA"),
    ("Wind consensus", "Wind一致预期", "Wind consensus"),
    ("Wind", "Wind", "Wind"),
    ("World Bank", "世界银行", "World Bank"),
    ("Korea Customs", "韩国关税厅", "Korea Customs Service"),
    ("KOSIS", "韩国统计厅", "KOSIS"),
    ("Vietnam", "越南海关", "Vietnam Customs"),
    ("GSO", "越南统计局", "GSO"),
    ("SSE", "上海航运交易所", "SSE"),
    ("ICE Brent", "ICE", "ICE"),
    ("ICE US Dollar Index", "洲际交易所（ICE）", "ICE"),
    ("JLC", "金联创", "JLC"),
    ("Nanhua", "南华期货", "Nanhua Futures"),
    ("China Cement Net", "中国水泥网", "China Cement Net"),
    ("Qinhuangdao port", "秦皇岛港", "Qinhuangdao port"),
    ("Caixin", "财新", "Caixin/S&P Global"),
    ("猪易数据", "猪易数据", "Zhuyi"),
    ("US Census", "美国人口普查局", "US Census Bureau"),
    ("Japan Ministry of Finance", "日本财务省", "Japan Ministry of Finance"),
    ("Hainan Price Bureau", "海南省物价局", "Hainan Price Bureau"),
]
_PUBLISHERS.sort(key=lambda p: -len(p[0]))


def publisher(source: str, lang: str) -> str:
    """The publisher of a series' ``source`` field as written in a source line."""
    for start, zh, en in _PUBLISHERS:
        if source.startswith(start):
            return tr(zh, en, lang)
    return source.split("(")[0].strip() or source


def source_line(series: Iterable[Any], lang: str) -> str:
    """'国家统计局、macrodesk计算' from the publishers of ``series`` (first-seen order; None skipped).

    Each item is anything with ``meta.source`` (a :class:`~macrodesk.series.MacroSeries`).
    """
    names: list[str] = []
    for s in series:
        if s is None or not s.meta.source:
            continue
        label = publisher(s.meta.source, lang)
        if label not in names:
            names.append(label)
    names.append(tr("macrodesk计算", "macrodesk calculations", lang))
    return tr("、", ", ", lang).join(names)
