"""Imports against commodity prices, and the base of the coming months (seed Figure 15).

:func:`imports_vs_commodities` lines import YoY up with the YoY of commodity price
indices (World Bank energy / non-energy, bundled to 2025-12) and the customs import
price index, reports their correlation over a window, and reads the base effect
ahead: last year's YoY in each of the next months against the base of this month
("进口或因基数的回落而有所震荡回升").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

import numpy as np
import pandas as pd

from macrodesk import transforms as T
from macrodesk.analyses.trade._frames import months as _months
from macrodesk.text import tr
from macrodesk.analyses.trade.headline import month_word
from macrodesk.exceptions import ModelError
from macrodesk.models._base import NotComputable
from macrodesk.plotting import charts
from macrodesk.series import parse_period
from macrodesk.text import format as F

__all__ = ["ImportsCommodities", "imports_vs_commodities"]


@dataclass(frozen=True)
class ImportsCommodities:
    """Import YoY, commodity-index YoY and the base ahead (fractions).

    ``commodity_yoy`` has one column per index key; ``corr`` their correlation
    with import YoY over ``window`` months to ``month``; ``bases`` last year's
    YoY for this month and the next ``ahead`` months (Jan–Feb combined where
    given).
    """

    month: pd.Period
    imports_yoy: pd.Series
    commodity_yoy: pd.DataFrame
    labels: Mapping[str, tuple[str, str]]
    corr: pd.Series
    window: int
    bases: pd.Series
    import_price_yoy: pd.Series | None = None
    computable: ClassVar[bool] = True

    def label(self, key: str, lang: str = "zh") -> str:
        zh, en = self.labels.get(key, (key, key))
        return zh if lang == "zh" else en

    @property
    def yoy(self) -> float:
        return float(self.imports_yoy.get(self.month, np.nan))

    @property
    def base_now(self) -> float:
        return float(self.bases.iloc[0])

    @property
    def base_ahead(self) -> pd.Series:
        return self.bases.iloc[1:]

    def _ahead_items(self, lang: str) -> list[str]:
        """'1-2月-8.4%', '3月-4.3%': January and February merged when they share the combined base."""
        ahead = self.base_ahead.dropna()
        stamps = _months(ahead)
        items, skip = [], False
        for i, (p, v) in enumerate(zip(stamps, ahead.to_numpy())):
            if skip:
                skip = False
                continue
            nxt = stamps[i + 1] if i + 1 < len(ahead) else None
            if p.month == 1 and nxt is not None and nxt.month == 2 and ahead.iloc[i + 1] == v:
                lab, skip = tr("1-2月", "Jan–Feb", lang), True
            else:
                lab = tr(f"{p.month}月", p.strftime("%b"), lang)
            items.append(f"{lab}{F.pct(v * 100)}" if lang == "zh" else f"{lab} {F.pct(v * 100)}")
        return items

    def outlook(self, lang: str = "zh") -> str:
        """Only the base-effect sentence (for the key points)."""
        ahead = self.base_ahead.dropna()
        if not len(ahead) or not np.isfinite(self.base_now):
            return ""
        falls = float(ahead.mean()) < self.base_now
        if lang == "zh":
            return (f"未来{len(ahead)}个月进口同比基数（上年同期同比）分别为" + "、".join(self._ahead_items(lang))
                    + f"，{'低于' if falls else '高于'}{month_word(self.month, lang)}的{F.pct(self.base_now * 100)}，"
                    + ("基数回落对进口同比形成支撑。" if falls else "基数抬升对进口同比形成压制。"))
        return (f"The base of import YoY over the next {len(ahead)} months is " + ", ".join(self._ahead_items(lang))
                + f", {'below' if falls else 'above'} {F.pct(self.base_now * 100)} in {self.month.strftime('%B')}: "
                + ("a falling base supports import growth." if falls else "a rising base weighs on import growth."))

    def summary(self, lang: str = "zh") -> str:
        m = self.month
        parts = []
        for k in self.commodity_yoy.columns:
            c = self.commodity_yoy[k]
            now, prev = c.get(m, np.nan), c.get(m - 1, np.nan)
            if np.isfinite(now):
                parts.append((k, now, prev))
        if lang == "zh":
            text = ""
            if parts:
                text += "同期，" + "，".join(
                    f"{self.label(k)}同比{F.pct(v * 100)}（前值{F.pct(p * 100)}）" for k, v, p in parts) + "。"
                cs = [f"{self.label(k)}{F.num(self.corr[k], 2)}" for k in self.corr.index if np.isfinite(self.corr[k])]
                if cs:
                    text += f"近{self.window // 12}年进口同比与商品价格同比的相关系数：" + "，".join(cs) + "。"
            ahead = self.base_ahead.dropna()
            if len(ahead) and np.isfinite(self.base_now):
                falls = float(ahead.mean()) < self.base_now
                text += (
                    "后续来看，未来" + f"{len(ahead)}个月的同比基数（上年同期同比）分别为"
                    + "、".join(self._ahead_items(lang))
                    + f"，{'低于' if falls else '高于'}{month_word(m, lang)}的{F.pct(self.base_now * 100)}，"
                    + ("基数回落对进口同比形成支撑。" if falls else "基数抬升对进口同比形成压制。")
                )
            return text
        text = ""
        if parts:
            text += "Over the same month, " + ", ".join(
                f"the {self.label(k, lang)} {F.pct(v * 100)} YoY (prior {F.pct(p * 100)})" for k, v, p in parts) + ". "
            cs = [f"{self.label(k, lang)} {F.num(self.corr[k], 2)}" for k in self.corr.index if np.isfinite(self.corr[k])]
            if cs:
                text += f"Correlation of import YoY with commodity YoY over {self.window // 12} years: " + ", ".join(cs) + ". "
        ahead = self.base_ahead.dropna()
        if len(ahead) and np.isfinite(self.base_now):
            falls = float(ahead.mean()) < self.base_now
            text += (
                f"Looking ahead, the base (last year's YoY) of the next {len(ahead)} months is "
                + ", ".join(self._ahead_items(lang))
                + f", {'below' if falls else 'above'} {F.pct(self.base_now * 100)} in {m.strftime('%B')}: "
                + ("a falling base supports import growth." if falls else "a rising base weighs on import growth.")
            )
        return text.strip()

    def chart(self, lang: str = "zh", years: int = 5):
        """Import YoY (left axis) and commodity-index YoY (right axis)."""
        start = self.month - (12 * years - 1)
        df = pd.DataFrame({tr("进口同比", "Import YoY", lang): self.imports_yoy * 100})
        right = []
        for k in self.commodity_yoy.columns:
            name = tr(f"{self.label(k, 'zh')}同比", f"{self.label(k, 'en')} YoY", lang)
            df[name] = self.commodity_yoy[k] * 100
            right.append(name)
        if self.import_price_yoy is not None and self.import_price_yoy[self.import_price_yoy.index >= start].notna().any():
            df[tr("进口价格指数同比", "Import price index YoY", lang)] = self.import_price_yoy * 100
        df = df[(df.index >= start) & (df.index <= self.month)]
        df = df.loc[:, df.notna().any()]
        right = [c for c in right if c in df.columns]
        return charts.line_chart(df, right=right or None, ylabel="%", right_ylabel="%" if right else None, lang=lang)


def imports_vs_commodities(
    imports_yoy: pd.Series,
    commodity_levels: Mapping[str, pd.Series],
    month: Any,
    *,
    labels: Mapping[str, tuple[str, str]] | None = None,
    import_price_yoy: pd.Series | None = None,
    janfeb_yoy: pd.Series | None = None,
    window: int = 60,
    ahead: int = 3,
):
    """Import YoY against commodity price indices, and the base of the next months.

    Parameters
    ----------
    imports_yoy : Series
        Import YoY (fractions), monthly.
    commodity_levels : mapping key -> Series
        Commodity price index levels (monthly); their YoY is computed here.
    import_price_yoy : Series, optional
        Import price index YoY (fractions), e.g. ``import_price_index_hs2`` converted.
    janfeb_yoy : Series, optional
        Jan–Feb combined import YoY stamped at February; used as the base of
        January and February (the way the flash quotes them).
    window : int
        Months of the correlation window (default 60).
    ahead : int
        How many coming months' bases to report (default 3).

    Notes
    -----
    Commodity YoY ``P_t / P_{t-12} − 1``; correlation: Pearson over the months of
    the window where both exist; base of month ``t+k`` = YoY of ``t+k−12``.
    """
    if not isinstance(imports_yoy, pd.Series) or not isinstance(imports_yoy.index, pd.PeriodIndex):
        raise ModelError("imports_yoy must be a pandas Series on a monthly PeriodIndex.")
    m = parse_period(month, "M", name="month", error=ModelError)
    y = imports_yoy.astype(float).sort_index()
    if not np.isfinite(y.get(m, np.nan)):
        return NotComputable(what="imports vs commodities", reason=f"no import YoY for {m}", reason_zh=f"{m}没有进口同比数据")
    cy = pd.DataFrame({k: T.yoy(v.astype(float)) for k, v in commodity_levels.items()})
    if len(cy.columns):
        cy = cy[cy.index <= m]
    corr = {}
    lo = m - (window - 1)
    for k in cy.columns:
        both = pd.DataFrame({"y": y, "c": cy[k]})
        both = both[(both.index >= lo) & (both.index <= m)].dropna()
        corr[k] = float(both["y"].corr(both["c"])) if len(both) >= 12 else np.nan
    # the base of month t+k is last year's YoY in t+k (Jan and Feb: the combined figure)
    base_src = y.copy()
    if janfeb_yoy is not None:
        jf = janfeb_yoy.dropna()
        feb, vals = _months(jf), jf.to_numpy(dtype=float)
        jan_feb = pd.Series(np.concatenate([vals, vals]), index=(feb - 1).append(feb))
        base_src = jan_feb.combine_first(base_src)  # the combined figure wins; sorted
    targets = [m + k for k in range(ahead + 1)]
    bases = pd.Series([float(base_src.get(t - 12, np.nan)) for t in targets], index=pd.PeriodIndex(targets, freq="M"))
    ipy = None
    if import_price_yoy is not None:
        ipy = import_price_yoy.astype(float)
        ipy = ipy[ipy.index <= m]
    return ImportsCommodities(m, y[y.index <= m], cy, dict(labels or {}), pd.Series(corr, dtype=float), window, bases, ipy)
