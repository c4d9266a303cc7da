"""Trade analyses behind the ``trade-flash`` report (see :mod:`macrodesk.analyses.trade_flash`).

Each function takes data (pandas objects; rates as fractions, levels in any one
unit) and returns a frozen results object with ``summary(lang)`` and
``chart(lang)``, or :class:`~macrodesk.models._base.NotComputable` with the reason
when the data do not allow it.
"""

from macrodesk.analyses.trade.headline import (
    SeasonalComparison,
    TradeHeadline,
    seasonal_comparison,
    trade_headline,
)
from macrodesk.analyses.trade.imports import ImportsCommodities, imports_vs_commodities
from macrodesk.analyses.trade.prices import (
    IndexPriceVolume,
    ItemPriceVolume,
    index_price_volume,
    item_price_volume,
    split_parts,
)
from macrodesk.analyses.trade.structure import OTHER, Contributions, trade_contributions

__all__ = [
    "Contributions",
    "ImportsCommodities",
    "IndexPriceVolume",
    "ItemPriceVolume",
    "OTHER",
    "SeasonalComparison",
    "TradeHeadline",
    "imports_vs_commodities",
    "index_price_volume",
    "item_price_volume",
    "seasonal_comparison",
    "split_parts",
    "trade_contributions",
    "trade_headline",
]
