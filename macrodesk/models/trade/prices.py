"""Price versus volume in export growth.

* :func:`item_price_volume` — products with a value and a quantity (ICs, phones, autos,
  steel…): value growth ``v``, quantity growth ``q``, unit-value (price) growth
  ``p = (1 + v) / (1 + q) − 1`` and which of the two drove the value (seed Figures 11, 13).
* :func:`index_price_volume` — a value and a price *index* (customs export price index,
  Korea's semiconductor export prices): the implied volume ``q = (1 + v) / (1 + p) − 1``
  (seed Figures 12, 14; the customs HS2 index in the bundle).

In both, the value growth splits additively in logs, ``ln(1+v) = ln(1+q) + ln(1+p)``;
the charts show the two parts as ``v · ln(1+q)/ln(1+v)`` and ``v · ln(1+p)/ln(1+v)``,
which add up to ``v``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar, cast

import numpy as np
import pandas as pd

from macrodesk import transforms as T
from macrodesk.exceptions import ModelError
from macrodesk.models._base import NotComputable, ResultsMixin, check_frame
from macrodesk.models.trade._frames import row as _row
from macrodesk.series import parse_period

__all__ = ["ItemPriceVolume", "item_price_volume", "IndexPriceVolume", "index_price_volume", "split_parts"]


def split_parts(v: Any, q: Any) -> tuple[Any, Any]:
    """Quantity and price parts of value growth ``v`` that add up to ``v`` (log shares).

    ``part_q = v · ln(1+q) / ln(1+v)``, ``part_p = v − part_q``; where ``v == 0`` the parts
    are ``ln(1+q)`` and ``−ln(1+q)`` (the limit).
    """
    v = np.asarray(v, dtype=float)
    q = np.asarray(q, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        lv = np.log1p(v)
        share = np.where(lv != 0, np.log1p(q) / lv, np.nan)
        pq = np.where(lv != 0, v * share, np.log1p(q))
    return pq, v - pq


@dataclass(frozen=True)
class ItemPriceVolume(ResultsMixin):
    """Value, quantity and unit-value YoY of products (fractions).

    ``value``, ``quantity``, ``price`` are DataFrames (month × product);
    ``table`` has one row per product for ``month``: ``value``, ``value_prior``,
    ``quantity``, ``quantity_prior``, ``price``, ``price_prior``, ``driver``
    ('price' or 'quantity': the larger of |ln(1+p)| and |ln(1+q)|).
    """

    month: pd.Period
    labels: Mapping[str, tuple[str, str]]
    value: pd.DataFrame
    quantity: pd.DataFrame
    price: pd.DataFrame
    table: pd.DataFrame
    computable: ClassVar[bool] = True

    def to_frame(self) -> pd.DataFrame:
        """The table: one row per product for ``month``."""
        return self.table


def item_price_volume(
    values: pd.DataFrame,
    quantities: pd.DataFrame,
    month: Any,
    *,
    labels: Mapping[str, tuple[str, str]] | None = None,
    value_yoy: pd.DataFrame | None = None,
):
    """Price versus volume for products with a value and a quantity.

    Parameters
    ----------
    values, quantities : DataFrame
        Monthly levels, one column per product (same columns). Units do not
        matter: only growth rates are used.
    month : Period or 'YYYY-MM'
    value_yoy : DataFrame, optional
        Published value YoY (fractions) to use instead of the YoY of ``values``.

    Returns
    -------
    ItemPriceVolume, or NotComputable when no product has both YoYs in ``month``.

    Notes
    -----
    ``v = V_t / V_{t-12} − 1``, ``q = Q_t / Q_{t-12} − 1``, ``p = (1 + v) / (1 + q) − 1``.
    """
    V = check_frame(values, "values")
    Q = check_frame(quantities, "quantities")
    common = [c for c in V.columns if c in Q.columns]
    if not common:
        raise ModelError("values and quantities share no product column; name them alike (e.g. 'phones').")
    m = parse_period(month, "M", name="month", error=ModelError)
    v = T.yoy(V[common]) if value_yoy is None else check_frame(value_yoy, "value_yoy")[common]
    q = T.yoy(Q[common])
    full = v.index.union(q.index)
    v, q = v.reindex(full), q.reindex(full)
    pv = T.price_volume(v, q)
    p = cast(pd.DataFrame, pv["price"])  # frames in, so each field is a frame (MultiIndex columns)
    driver = cast(pd.DataFrame, pv["driver"])
    if m not in full or _row(v, m).notna().mul(_row(q, m).notna()).sum() == 0:
        return NotComputable(what="export price vs volume", reason=f"no product has value and quantity YoY in {m}",
                             reason_zh=f"{m}没有同时具备金额与数量同比的产品")
    prev = m - 1

    def at(df: pd.DataFrame, per: pd.Period) -> pd.Series:
        return _row(df, per) if per in df.index else pd.Series(np.nan, index=df.columns)

    tbl = pd.DataFrame(
        {
            "value": at(v, m),
            "value_prior": at(v, prev),
            "quantity": at(q, m),
            "quantity_prior": at(q, prev),
            "price": at(p, m),
            "price_prior": at(p, prev),
            "driver": at(driver, m),
        }
    )
    tbl = tbl[tbl["value"].notna() & tbl["quantity"].notna()]
    return ItemPriceVolume(m, dict(labels or {}), v[v.index <= m], q[q.index <= m], p[p.index <= m], tbl)


@dataclass(frozen=True)
class IndexPriceVolume(ResultsMixin):
    """Value YoY split with a price index: ``value``, ``price`` and implied ``volume`` (Series, fractions)."""

    name: tuple[str, str]
    month: pd.Period
    value: pd.Series
    price: pd.Series
    volume: pd.Series
    computable: ClassVar[bool] = True

    @property
    def last(self) -> pd.Period:
        """Latest month with both value and price (may be before ``month``)."""
        both = self.volume.dropna()
        return both.index[-1]

    def to_frame(self) -> pd.DataFrame:
        """Value, price and implied volume YoY by month (fractions)."""
        return pd.DataFrame({"value": self.value, "price": self.price, "volume": self.volume})

def index_price_volume(
    value_yoy: pd.Series,
    price_yoy: pd.Series,
    month: Any,
    *,
    name: tuple[str, str] = ("出口", "exports"),
):
    """Implied volume from value YoY and price-index YoY (fractions).

    Returns IndexPriceVolume (its ``last`` month may precede ``month`` when the
    price index ends earlier) or NotComputable when they never overlap.

    Notes
    -----
    ``q = (1 + v) / (1 + p) − 1``.
    """
    for s, nm in ((value_yoy, "value_yoy"), (price_yoy, "price_yoy")):
        if not isinstance(s, pd.Series) or not isinstance(s.index, pd.PeriodIndex):
            raise ModelError(f"{nm} must be a pandas Series on a monthly PeriodIndex.")
    m = parse_period(month, "M", name="month", error=ModelError)
    v = value_yoy.astype(float)
    p = price_yoy.astype(float)
    full = v.index.union(p.index)
    full = full[full <= m]
    v, p = v.reindex(full), p.reindex(full)
    q = (1 + v) / (1 + p) - 1
    if q.notna().sum() == 0:
        return NotComputable(what=f"{name[1]} price vs volume", reason="value and price YoY do not overlap",
                             reason_zh="金额与价格同比没有重叠的月份")
    return IndexPriceVolume(name, m, v, p, q)
