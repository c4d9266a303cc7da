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
from macrodesk.analyses.trade._frames import row as _row
from macrodesk.text import tr
from macrodesk.analyses.trade.headline import grew, month_word
from macrodesk.exceptions import ModelError
from macrodesk.models._base import NotComputable, check_frame
from macrodesk.plotting import charts
from macrodesk.series import parse_period
from macrodesk.text import format as F

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


def _driver_zh(d: Any) -> str:
    return {"price": "价格", "quantity": "数量"}.get(d, "—")


@dataclass(frozen=True)
class ItemPriceVolume:
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

    def label(self, key: str, lang: str = "zh") -> str:
        zh, en = self.labels.get(key, (key, key))
        return zh if lang == "zh" else en

    def sentence(self, key: str, lang: str = "zh") -> str:
        """'12月手机出口同比+10.6%，前值-12.6%；出口数量同比-3.6%（前值…），单价同比+14.7%，主要由价格驱动。'"""
        r = cast(pd.Series, self.table.loc[key])  # one row: each product appears once
        mw = month_word(self.month, lang)
        name = self.label(key, lang)
        if lang == "zh":
            drv = "价格上涨" if r["driver"] == "price" and r["price"] > 0 else (
                "价格" if r["driver"] == "price" else "数量")
            return (
                f"{mw}{name}出口金额同比{F.pct(r['value'] * 100)}，前值{F.pct(r['value_prior'] * 100)}；"
                f"出口数量同比{F.pct(r['quantity'] * 100)}（前值{F.pct(r['quantity_prior'] * 100)}），"
                f"单价同比{F.pct(r['price'] * 100)}，金额增长主要由{drv}驱动。"
            )
        return (
            f"Export value of {name[:1].lower() + name[1:]} {grew(r['value'])} YoY in {mw} "
            f"(prior {F.pct(r['value_prior'] * 100)}); quantity {F.pct(r['quantity'] * 100)} "
            f"(prior {F.pct(r['quantity_prior'] * 100)}), unit value {F.pct(r['price'] * 100)}: "
            f"driven mainly by {'price' if r['driver'] == 'price' else 'quantity'}."
        )

    def summary(self, lang: str = "zh") -> str:
        t = self.table.dropna(subset=["value"])
        by_price = [k for k in t.index if t.loc[k, "driver"] == "price"]
        by_qty = [k for k in t.index if t.loc[k, "driver"] == "quantity"]
        sep = "、" if lang == "zh" else ", "
        mw = month_word(self.month, lang)
        if lang == "zh":
            bits = []
            if by_qty:
                bits.append(f"{sep.join(self.label(k, lang) for k in by_qty)}出口金额变化主要由数量贡献")
            if by_price:
                bits.append(f"{sep.join(self.label(k, lang) for k in by_price)}主要由价格贡献")
            text = f"{mw}，" + "，".join(bits) + "。"
        else:
            bits = []
            if by_qty:
                bits.append(f"quantity drove the export value of {sep.join(self.label(k, lang) for k in by_qty)}")
            if by_price:
                bits.append(f"price drove that of {sep.join(self.label(k, lang) for k in by_price)}")
            text = f"In {mw}, " + "; ".join(bits) + "."
        return text

    def chart(self, lang: str = "zh"):
        """Value YoY of each product split into quantity and price parts, this month (Figure 11)."""
        t = self.table.dropna(subset=["value", "quantity"])
        pq, pp_ = split_parts(t["value"].to_numpy(), t["quantity"].to_numpy())
        df = pd.DataFrame(
            {tr("数量贡献", "Quantity", lang): pq * 100, tr("价格贡献", "Price", lang): pp_ * 100},
            index=[self.label(k, lang) for k in t.index],
        )
        fig = charts.bar_chart(df, stacked=True, lang=lang, ylabel=tr("%，个百分点", "%, pp", lang),
                               colors=[charts.PALETTE[1], charts.PALETTE[0]])
        ax = fig.axes[0]
        ax.plot(np.arange(len(df)), t["value"].to_numpy() * 100, linestyle="none", marker="D", markersize=5,
                color=charts.PALETTE[3], zorder=5)
        for lg in list(fig.legends):
            lg.remove()
        from matplotlib.lines import Line2D
        from matplotlib.patches import Patch

        handles = [Patch(facecolor=charts.PALETTE[1]), Patch(facecolor=charts.PALETTE[0]),
                   Line2D([], [], linestyle="none", marker="D", markersize=5, color=charts.PALETTE[3])]
        charts._legend_below(fig, handles, list(df.columns) + [tr("出口金额同比", "Value YoY", lang)])
        return fig

    def chart_item(self, key: str, lang: str = "zh", months: int = 24):
        """One product over time: value YoY as a line, quantity and price parts as stacked bars (Figure 13)."""
        v = self.value[key]
        q = self.quantity[key]
        idx = v.index[(v.index > self.month - months) & (v.index <= self.month)]
        v, q = v.reindex(idx), q.reindex(idx)
        pq, pp_ = split_parts(v.to_numpy(), q.to_numpy())
        df = pd.DataFrame({tr("数量贡献", "Quantity", lang): pq * 100, tr("价格贡献", "Price", lang): pp_ * 100}, index=idx)
        name = self.label(key, lang)
        total = (v * 100).rename(tr(f"{name}出口金额同比", f"{name} export value YoY", lang))
        return charts.stacked_contributions(df, total, lang=lang, ylabel=tr("%，个百分点", "%, pp", lang),
                                            colors=[charts.PALETTE[1], charts.PALETTE[0]])


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
class IndexPriceVolume:
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

    def summary(self, lang: str = "zh") -> str:
        t = self.last
        v, p, q = (float(s.get(t, np.nan)) * 100 for s in (self.value, self.price, self.volume))
        n = self.name[0] if lang == "zh" else self.name[1]
        lag = "" if t == self.month else tr(f"{n}价格指数最新为{F.month_label(t)}：",
                                            f"The {n} price index ends in {F.month_label(t, 'en')}. ", lang)
        if lang == "zh":
            drv = "价格" if abs(np.log1p(p / 100)) > abs(np.log1p(q / 100)) else "数量"
            return (f"{lag}{F.month_label(t)}{n}金额同比{F.pct(v)}，价格指数同比{F.pct(p)}，剔除价格后的数量同比约{F.pct(q)}，"
                    f"金额变化主要由{drv}贡献。")
        drv = "price" if abs(np.log1p(p / 100)) > abs(np.log1p(q / 100)) else "volume"
        return (f"{lag}In {F.month_label(t, 'en')} {n} value {grew(v / 100)} YoY with prices {F.pct(p)}, so volume "
                f"changed by about {F.pct(q)}: driven mainly by {drv}.")

    def chart(self, lang: str = "zh", months: int = 36):
        """Value YoY as a line over quantity and price parts (Figures 12–14)."""
        end = self.last
        idx = self.value.index[(self.value.index > end - months) & (self.value.index <= end)]
        v, q = self.value.reindex(idx), self.volume.reindex(idx)
        pq, pp_ = split_parts(v.to_numpy(), q.to_numpy())
        df = pd.DataFrame({tr("数量贡献", "Volume", lang): pq * 100, tr("价格贡献", "Price", lang): pp_ * 100}, index=idx)
        n = self.name[0] if lang == "zh" else (self.name[1][:1].upper() + self.name[1][1:])
        total = (v * 100).rename(tr(f"{n}金额同比", f"{n} value YoY", lang))
        return charts.stacked_contributions(df, total, lang=lang, ylabel=tr("%，个百分点", "%, pp", lang),
                                            colors=[charts.PALETTE[1], charts.PALETTE[0]])


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
