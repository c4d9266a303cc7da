"""The trade model family: data in, a frozen, language-free results object out.

Each function takes pandas objects — rates as fractions, levels in any one unit —
and returns a results object (statistics as attributes, ``to_frame()``,
``to_json()``, ``summary()`` as a table), or
:class:`~macrodesk.models._base.NotComputable` with a reason when the data do not
allow it. Names carried for the sentences are (zh, en) pairs, data like any other;
the sentences, tables with labels and charts are in
:mod:`macrodesk.reports.views.trade` and :mod:`macrodesk.reports.views.trade_structure`.

* :mod:`~macrodesk.models.trade.headline` — headline YoY, Jan–Feb combined, two-year growth; MoM against earlier years
* :mod:`~macrodesk.models.trade.structure` — contributions of regions, products, partners to a total's YoY
* :mod:`~macrodesk.models.trade.prices` — price vs volume: products with quantities, values with a price index
* :mod:`~macrodesk.models.trade.imports` — imports against commodity prices and the base ahead
* :mod:`~macrodesk.models.trade.ids` — the series ids the trade flash reads, with (zh, en) names
"""

from __future__ import annotations

from macrodesk._lazy import lazy_exports

# name -> defining module; loaded on first use.
_EXPORTS: dict[str, str] = {
    **dict.fromkeys(["SeasonalComparison", "TradeHeadline", "seasonal_comparison", "trade_headline"], "headline"),
    **dict.fromkeys(["ImportsCommodities", "imports_vs_commodities"], "imports"),
    **dict.fromkeys(["IndexPriceVolume", "ItemPriceVolume", "index_price_volume", "item_price_volume", "split_parts"],
                    "prices"),
    **dict.fromkeys(["OTHER", "Contributions", "trade_contributions"], "structure"),
}

__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, globals())

__all__ = sorted(_EXPORTS)
