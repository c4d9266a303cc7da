"""Figures described as data: series ids, a transform, a chart kind, titles, note and source.

An exhibit is a small table (in TOML, or a dict) that names what to draw; no Python is needed::

    [[figure]]
    id = "hog_profit"
    title = "生猪养殖利润"                 # Chinese title ("title_en" for English)
    title_en = "Hog-farm profit per head"
    kind = "dual"                          # line | bar | dual (line with a right axis) | ranking | seasonal
    start = "2021-01"                      # or: years = 10 (the last ten years to the report month)
    ylabel = "元/头"                       # axis labels (ylabel_en, right_ylabel_en for English)
    ylabel_en = "CNY per head"
    note = "…"                             # optional; note_en
    source = "…"                           # optional: default the publishers of the series
    series = [
      { id = "hog_profit_scale_farm_per_head", label = "规模养殖场", label_en = "Scale farms" },
      { id = "hog_grain_price_ratio", axis = "right", label = "猪粮比", label_en = "Hog-grain ratio" },
    ]

Each series entry has ``id``, optional ``transform`` (one of :data:`TRANSFORMS`, default
``level``), ``over`` (the second series of ``share``/``turnover_days``), ``label``/``label_en``
(default: the series' name), ``fill`` (a second series, converted to this one's unit, whose values fill
the months this one lacks: a dense index beside sparse release prints), ``ma`` (a moving average over that many periods, after the
transform), ``axis`` (``left``/``right``) and ``optional`` (draw without it when
it is missing). ``annual = true`` keeps the year-end values (December, Q4: a year-to-date series'
full year); ``quarterly = true`` draws monthly (and daily, weekly) series at quarter ends, the value
of each quarter's last month, beside quarterly ones. ``ahead_years = 1`` draws past the report
month to December of the next year (published forecasts such as EIA's). ``markers = true`` puts a dot on
each published point of a line (sparse release prints: a missing month is a gap either way). ``kind = "ranking"``
draws the latest value of each series as one horizontal bar, highest first (each industry's
percentile). ``kind = "seasonal"`` draws one monthly series by calendar month, one line per year, the
latest year bold: ``years`` (default 6) calendar years to the last year with data. A series'
``unit`` converts it before the transform (``unit = "usd_100m"``: 亿美元). ``width = "half"`` draws the
chart for half the text column: two half-width figures in a row, with nothing between them, print side
by side in the PDF and HTML. Titles may hold ``{start_year}`` (first year drawn). A figure whose data end
before the report month gets "（截至2023年9月）" after its title.

:func:`parse_exhibit` validates one table, naming the file and key of anything wrong;
:func:`builtin_exhibits` reads the exhibits the built-in reports draw this way
(``exhibits.toml`` beside this module). Values are drawn in display units (percent for rates).
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, cast

import pandas as pd

from macrodesk import transforms as T
from macrodesk.exceptions import MacrodeskError, ReportError
from macrodesk.reports.model import Figure
from macrodesk.reports.views.freshness import Staleness, as_of_label
from macrodesk.series import MacroSeries
from macrodesk.series.units import UNITS, get_unit, rate_unit_of
from macrodesk.text import source_line, tr

__all__ = ["CHART_KINDS", "TRANSFORMS", "ExhibitSpec", "SeriesRef", "builtin_exhibits", "exhibit",
           "parse_exhibit", "parse_exhibits"]

#: Chart kinds an exhibit may ask for.
CHART_KINDS = ("line", "bar", "dual", "ranking", "seasonal")

#: Calendar years a seasonal exhibit draws unless it gives ``years``: the latest and five before.
SEASONAL_YEARS = 6


# ---------------------------------------------------------------- transforms
def _is_rate(s: MacroSeries) -> bool:
    return get_unit(s.unit).kind == "rate" or rate_unit_of(s.unit) is not None


def _periodic(s: MacroSeries) -> pd.Series:
    """Values on a monthly or quarterly calendar: daily, weekly and 10-day series as monthly means."""
    if s.freq in ("D", "W", "X"):
        return T.to_monthly(s.data, how="mean")
    return s.data


def _level(s: MacroSeries, name: str) -> pd.Series:
    if _is_rate(s):
        raise ReportError(f"transform '{name}' needs a level or an index; '{s.id}' is already a rate ({s.unit})")
    return _periodic(s)


def _tf_level(s: MacroSeries, over: MacroSeries | None) -> pd.Series:
    return _periodic(s)


def _tf_yoy(s: MacroSeries, over: MacroSeries | None) -> pd.Series:
    return T.yoy(_level(s, "yoy")) * 100


def _tf_mom(s: MacroSeries, over: MacroSeries | None) -> pd.Series:
    return T.mom(_level(s, "mom")) * 100


def _tf_cagr2y(s: MacroSeries, over: MacroSeries | None) -> pd.Series:
    if s.unit == "pct_yoy":
        return T.cagr2y_from_yoy(s.to_fraction()) * 100
    return T.cagr2y(_level(s, "cagr2y")) * 100


def _tf_percentile(s: MacroSeries, over: MacroSeries | None) -> pd.Series:
    return T.expanding_percentile(_periodic(s)) * 100


def _pair(s: MacroSeries, over: MacroSeries | None, name: str, *, levels: bool = True) -> tuple[pd.Series, pd.Series]:
    assert over is not None  # the parser requires 'over' for these transforms
    if s.unit != over.unit:
        raise ReportError(f"transform '{name}': '{s.id}' is {s.unit} but '{over.id}' is {over.unit}; "
                          "both must be in the same unit")
    if not levels:
        return _periodic(s), _periodic(over)
    return _level(s, name), _level(over, name)


def _tf_share(s: MacroSeries, over: MacroSeries | None) -> pd.Series:
    a, b = _pair(s, over, "share")
    return T.share(a, b) * 100


def _tf_difference(s: MacroSeries, over: MacroSeries | None) -> pd.Series:
    a, b = _pair(s, over, "difference", levels=False)
    return a - b


def _tf_turnover(s: MacroSeries, over: MacroSeries | None) -> pd.Series:
    a, b = _pair(s, over, "turnover_days")
    return T.turnover_days(a, b)


@dataclass(frozen=True)
class _Transform:
    help: str
    fn: Callable[[MacroSeries, MacroSeries | None], pd.Series]
    needs_over: bool = False


#: Transforms an exhibit's series may name (functions of :mod:`macrodesk.transforms`).
TRANSFORMS: dict[str, _Transform] = {
    "level": _Transform("the values as stored (daily/weekly: monthly means)", _tf_level),
    "yoy": _Transform("YoY % from a level: X_t / X_{t-12} - 1", _tf_yoy),
    "mom": _Transform("MoM % from a level", _tf_mom),
    "cagr2y": _Transform("two-year compound growth %, from a level or a pct_yoy series", _tf_cagr2y),
    "percentile": _Transform("percentile (%) of each value within the history to that date (from the figure's "
                             "start when it has one)", _tf_percentile),
    "share": _Transform("100 × id / over (e.g. food spending / all spending: the Engel coefficient)",
                        _tf_share, needs_over=True),
    "difference": _Transform("id − over, in their unit (e.g. exports − imports: net exports)", _tf_difference,
                             needs_over=True),
    "turnover_days": _Transform("id (a stock) in days of over (a year-to-date flow): id / (over / days elapsed)",
                                _tf_turnover, needs_over=True),
}


def _until_start(lang: str) -> str:
    """How :func:`~macrodesk.reports.views.freshness.as_of_label` begins: ``"（截至"`` / ``" (to "``."""
    return tr("（截至", " (to ", lang)


def _quarter_ends(v: pd.Series) -> pd.Series:
    """A monthly series at quarter ends (the value of March, June …) as a quarterly one; others as they are."""
    idx = v.index
    if not isinstance(idx, pd.PeriodIndex) or not idx.freqstr.startswith("M"):
        return v
    q = v[idx.month % 3 == 0]
    return q.set_axis(cast(pd.PeriodIndex, q.index).asfreq("Q", how="E"))


# ---------------------------------------------------------------- the spec
@dataclass(frozen=True)
class SeriesRef:
    """One drawn series of an exhibit."""

    id: str
    transform: str = "level"
    over: str | None = None
    label: str | None = None
    label_en: str | None = None
    axis: str = "left"
    optional: bool = False
    ma: int | None = None
    fill: str | None = None
    unit: str | None = None

    def ids(self) -> list[str]:
        return [self.id] + ([self.over] if self.over else []) + ([self.fill] if self.fill else [])

    def source(self, S: Mapping[str, MacroSeries], where: str) -> MacroSeries:
        """``S[id]``, its gaps filled from ``S[fill]`` (in ``id``'s unit) when that is there."""
        s = S[self.id]
        if self.unit is not None:
            try:
                s = s.convert(self.unit)
            except MacrodeskError as exc:
                raise ReportError(f"{where}: series '{self.id}': unit '{self.unit}': {exc}") from None
        if self.fill is None or self.fill not in S or len(S[self.fill]) == 0:
            return s
        try:
            extra = S[self.fill].convert(s.unit).data
        except MacrodeskError as exc:
            raise ReportError(f"{where}: series '{self.id}': fill '{self.fill}': {exc}") from None
        return s.with_data(s.data.combine_first(extra))

    def name(self, S: Mapping[str, MacroSeries], lang: str) -> str:
        zh = self.label or S[self.id].name("zh")
        en = self.label_en or (S[self.id].name("en") if self.label is None else self.label)
        return tr(zh, en, lang)


@dataclass(frozen=True)
class ExhibitSpec:
    """A figure described as data (see the module docstring); ``where`` names its file and key in errors."""

    key: str
    title: str
    title_en: str
    series: tuple[SeriesRef, ...]
    kind: str = "line"
    start: str | None = None
    years: int | None = None
    annual: bool = False
    quarterly: bool = False
    ahead_years: int = 0
    markers: bool = False
    ylabel: str | None = None
    right_ylabel: str | None = None
    ylabel_en: str | None = None
    right_ylabel_en: str | None = None
    note: str | None = None
    note_en: str | None = None
    source: str | None = None
    source_en: str | None = None
    width: str = "full"
    where: str = ""

    def ids(self) -> list[str]:
        """Every series id the exhibit reads."""
        return list(dict.fromkeys(i for r in self.series for i in r.ids()))

    def drawn(self) -> list[str]:
        """Every id but the ``fill`` ones (the series a line is made of)."""
        return list(dict.fromkeys(i for r in self.series for i in r.ids() if i != r.fill))

    def required(self) -> list[str]:
        """The ids it cannot be drawn without (a ``fill`` is never required)."""
        return list(dict.fromkeys(i for r in self.series if not r.optional for i in r.ids() if i != r.fill))

    def missing(self, S: Mapping[str, MacroSeries]) -> list[str]:
        """Required ids absent (or empty) in ``S``; every id when all series are optional and none is there."""
        drawn = self.drawn()
        absent = [i for i in drawn if i not in S or len(S[i]) == 0]
        if self.required():
            return [i for i in self.required() if i in absent]
        return absent if len(absent) == len(drawn) else []

    def frame(self, S: Mapping[str, MacroSeries], as_of: pd.Period, lang: str = "zh") -> pd.DataFrame:
        """The drawn values, one column per series, cut to the window ending at ``as_of``."""
        miss = self.missing(S)
        if miss:
            raise ReportError(f"{self.where or self.key}: series not available: {', '.join(miss)}")
        cols: dict[str, pd.Series] = {}
        for r in self.series:
            if any(i not in S or len(S[i]) == 0 for i in r.ids() if i != r.fill):
                continue
            src = r.source(S, self.where or self.key)
            if r.transform == "percentile" and self.start is not None:  # the percentile within the window drawn
                src = src.slice(self.start, None)
            try:
                values = TRANSFORMS[r.transform].fn(src, S[r.over] if r.over else None)
                if r.ma is not None:
                    values = T.moving_average(values, r.ma)
            except MacrodeskError as exc:
                raise ReportError(f"{self.where or self.key}: series '{r.id}': {exc}") from None
            cols[r.name(S, lang)] = values
        if self.quarterly:
            cols = {c: _quarter_ends(v) for c, v in cols.items()}
        if any(not isinstance(v.index, pd.PeriodIndex) for v in cols.values()):  # pragma: no cover - transforms keep periods
            raise ReportError(f"{self.where or self.key}: a transform did not give a monthly or quarterly series")
        freqs = {cast(pd.PeriodIndex, v.index).freqstr for v in cols.values()}
        if len(freqs) > 1:
            raise ReportError(f"{self.where or self.key}: the series mix frequencies ({', '.join(sorted(freqs))}); "
                              "draw monthly and quarterly series in separate figures")
        df = pd.DataFrame(cols).sort_index()
        if self.kind == "seasonal":
            return self._by_year(df, as_of)
        idx = cast(pd.PeriodIndex, df.index)
        if self.annual:  # year-end values only (December, Q4), one row per year
            df = df[idx.asfreq("M", how="E").month == 12]
            idx = cast(pd.PeriodIndex, df.index).asfreq("Y", how="E")
            df.index = idx
        freq = idx.freqstr
        horizon = pd.Period(f"{as_of.year + self.ahead_years}-12", freq="M") if self.ahead_years else as_of
        end = horizon.asfreq(freq, how="E")
        df = df[idx <= end]
        if self.years is not None:
            per_year = 4 if freq.startswith("Q") else 1 if freq.startswith(("Y", "A")) else 12
            df = df[df.index > end - per_year * self.years]
        if self.start is not None:
            df = df[df.index >= pd.Period(self.start, freq="M").asfreq(freq, how="E")]
        df = df.dropna(how="all")
        if df.empty:
            raise ReportError(f"{self.where or self.key}: no data in the window to {as_of}")
        # a series ending before the others carries its own last period in the legend
        last_row = df.index[-1]
        marks = {c: c + as_of_label(df[c].last_valid_index(), lang) for c in df.columns
                 if df[c].last_valid_index() is not None and df[c].last_valid_index() < last_row}
        return df.rename(columns=marks) if marks else df

    def _by_year(self, df: pd.DataFrame, as_of: pd.Period) -> pd.DataFrame:
        """``kind = "seasonal"``: the one series by calendar month (index 1..12), one column per year."""
        idx = cast(pd.PeriodIndex, df.index)
        if not idx.freqstr.startswith("M"):
            raise ReportError(f"{self.where or self.key}: a seasonal exhibit draws a monthly series, not {idx.freqstr}")
        v = df.iloc[:, 0]
        v = v[(idx <= as_of)].dropna()
        if v.empty:
            raise ReportError(f"{self.where or self.key}: no data in the window to {as_of}")
        months = cast(pd.PeriodIndex, v.index)
        last = int(months[-1].year)
        out = {str(y): pd.Series(v[months.year == y].to_numpy(), index=months[months.year == y].month).reindex(range(1, 13))
               for y in range(last - (self.years or SEASONAL_YEARS) + 1, last + 1) if (months.year == y).any()}
        by_year = pd.DataFrame(out)
        by_year.index.name = "month"
        return by_year

    def last_period(self, df: pd.DataFrame) -> pd.Period:
        """The last period drawn (a seasonal frame: its last year's last month)."""
        if self.kind == "seasonal":
            col = df.columns[-1]
            return pd.Period(year=int(col), month=int(cast(int, df[col].last_valid_index())), freq="M")
        return df.index[-1]

    def first_year(self, df: pd.DataFrame) -> int:
        """The first year drawn, for ``{start_year}``."""
        return int(df.columns[0]) if self.kind == "seasonal" else int(df.index[0].year)

    def label(self, lang: str = "zh") -> str:
        """The title without data: ``{start_year}`` is the ``start`` year, or its "（…年以来）" is left out."""
        text = tr(self.title, self.title_en, lang)
        if self.start is not None:
            return text.replace("{start_year}", self.start[:4])
        return re.sub(r"[（(][^（）()]*\{start_year\}[^（）()]*[）)]|\s*since \{start_year\}|\{start_year\}", "", text)

    def lacking(self, S: Mapping[str, MacroSeries], lang: str = "zh") -> str | None:
        """The data-status line of an exhibit left out: its title and missing ids; None when it can be drawn.

        Many ids with one stem are shown as the stem (``sw_inventory_turnover_<…>（29项）``).
        """
        miss = self.missing(S)
        if not miss:
            return None
        stem = os.path.commonprefix(miss)
        if len(miss) > 4 and stem.endswith("_"):
            ids = stem + tr(f"<…>（{len(miss)}项）", f"<…> ({len(miss)} series)", lang)
        else:
            ids = tr("、", ", ", lang).join(miss)
        return self.label(lang) + tr("：", ": ", lang) + ids

    def ranking(self, df: pd.DataFrame) -> pd.Series:
        """``kind = "ranking"``: each column's latest value, highest first (named by the first title line)."""
        last = {c: float(df[c].dropna().iloc[-1]) for c in df.columns if df[c].notna().any()}
        return pd.Series(last, name="").sort_values(ascending=False)

    def right_columns(self, S: Mapping[str, MacroSeries], df: pd.DataFrame, lang: str) -> list[str]:
        names = [r.name(S, lang) for r in self.series if r.axis == "right"]
        return [c for c in df.columns if any(c == n or c.startswith(n + _until_start(lang)) for n in names)]

    def caption(self, df: pd.DataFrame, as_of: pd.Period, lang: str) -> str:
        text = tr(self.title, self.title_en, lang).replace("{start_year}", str(self.first_year(df)))
        last = self.last_period(df)
        last_month = last.asfreq("M", how="end") if isinstance(last, pd.Period) else last
        if last_month < as_of:
            text += as_of_label(last, lang)
        return text

    def figure(self, S: Mapping[str, MacroSeries], as_of: pd.Period, lang: str = "zh",
               staleness: Staleness | None = None, width: str | None = None) -> Figure:
        """The report :class:`~macrodesk.reports.model.Figure` drawn from ``S`` up to ``as_of``.

        ``width`` (``"full"``/``"half"``) overrides the spec's, for a report that pairs the exhibit.

        With the report's ``staleness`` the figure records its inputs and is marked by the report's
        rule (:class:`~macrodesk.reports.views.freshness.Staleness`), so the data-status box lists them;
        without it the caption is marked when the data end before ``as_of``.
        """
        from macrodesk.plotting import charts

        df = self.frame(S, as_of, lang)
        right = self.right_columns(S, df, lang) if self.kind != "seasonal" else []
        size = charts.HALF_FIGSIZE if (width or self.width) == "half" else None
        ylabel = axis_label(self.ylabel, self.ylabel_en, lang)
        if self.kind == "seasonal":
            fig = charts.seasonal_lines(df, lang=lang, ylabel=ylabel, figsize=size)
        elif self.kind == "ranking":
            fig = charts.ranking_chart(self.ranking(df), lang=lang, xlabel=ylabel)
        elif self.kind == "bar":
            fig = charts.bar_chart(df, lang=lang, ylabel=ylabel, figsize=size)
        else:
            right_ylabel = axis_label(self.right_ylabel, self.right_ylabel_en, lang) if right else None
            fig = charts.line_chart(df, right=right or None, ylabel=ylabel, right_ylabel=right_ylabel, lang=lang,
                                    figsize=size,
                                    markers=self.markers)
        source = tr(self.source, self.source_en or self.source, lang) if self.source else \
            source_line([S[i] for i in self.ids() if i in S], lang)
        note = tr(self.note, self.note_en or self.note, lang) if self.note else None
        if staleness is not None:
            title = tr(self.title, self.title_en, lang).replace("{start_year}", str(self.first_year(df)))
            # a filler's end does not date the line it fills: the series drawn are the inputs marked
            marked = staleness.exhibit(title, [i for i in self.drawn() if i in S], note)
            return Figure(fig, marked["caption"], source=source, note=marked["note"], inputs=marked["inputs"])
        return Figure(fig, self.caption(df, as_of, lang), source=source, note=note)


def axis_label(zh: str | None, en: str | None, lang: str) -> str | None:
    """An exhibit's axis label in ``lang``: the Chinese one, or the English one — given, else the English
    label of the unit whose Chinese label it is ("亿美元" → "USD 100m"), else the label as written."""
    if zh is None or lang == "zh":
        return zh
    if en is not None:
        return en
    for u in UNITS.values():
        if u.zh == zh:
            return u.en
    return zh


# ---------------------------------------------------------------- parsing
_FIGURE_KEYS = {"id", "title", "title_en", "kind", "series", "start", "years", "annual", "quarterly", "ahead_years",
                "markers", "ylabel", "right_ylabel", "ylabel_en", "right_ylabel_en", "note", "note_en", "source",
                "source_en", "width"}
_SERIES_KEYS = {"id", "transform", "over", "label", "label_en", "axis", "optional", "ma", "fill", "unit"}


def toml_str(table: Mapping[str, Any], key: str, where: str, *, required: bool = False) -> str | None:
    """``table[key]``: a non-empty string, or None when absent (a ReportError naming ``where.key`` otherwise)."""
    v = table.get(key)
    if v is None:
        if required:
            raise ReportError(f"{where}: '{key}' is missing")
        return None
    if not isinstance(v, str) or not v.strip():
        raise ReportError(f"{where}.{key}: must be a non-empty string, got {v!r}")
    return v


def toml_keys(table: Mapping[str, Any], allowed: set[str], where: str) -> None:
    """A ReportError naming ``where`` and the first key of ``table`` not in ``allowed``."""
    bad = sorted(set(table) - allowed)
    if bad:
        raise ReportError(f"{where}: unknown key '{bad[0]}'; allowed: {', '.join(sorted(allowed))}")


def _series_ref(item: Any, where: str) -> SeriesRef:
    if isinstance(item, str):
        item = {"id": item}
    if not isinstance(item, Mapping):
        raise ReportError(f"{where}: must be a series id or a table {{ id = \"…\" }}, got {item!r}")
    toml_keys(item, _SERIES_KEYS, where)
    sid = toml_str(item, "id", where, required=True)
    assert sid is not None
    transform = toml_str(item, "transform", where) or "level"
    if transform not in TRANSFORMS:
        raise ReportError(f"{where}.transform: unknown transform '{transform}'; available: {', '.join(TRANSFORMS)}")
    over = toml_str(item, "over", where)
    if TRANSFORMS[transform].needs_over and over is None:
        raise ReportError(f"{where}: transform '{transform}' needs 'over' (the series to divide by)")
    if over is not None and not TRANSFORMS[transform].needs_over:
        raise ReportError(f"{where}.over: transform '{transform}' takes one series; 'over' is for "
                          + ", ".join(k for k, t in TRANSFORMS.items() if t.needs_over))
    axis = toml_str(item, "axis", where) or "left"
    if axis not in ("left", "right"):
        raise ReportError(f"{where}.axis: must be 'left' or 'right', got '{axis}'")
    optional = item.get("optional", False)
    if not isinstance(optional, bool):
        raise ReportError(f"{where}.optional: must be true or false, got {optional!r}")
    ma = item.get("ma")
    if ma is not None and (not isinstance(ma, int) or isinstance(ma, bool) or ma < 2):
        raise ReportError(f"{where}.ma: must be a whole number of periods ≥ 2 (e.g. 12), got {ma!r}")
    fill = toml_str(item, "fill", where)
    if fill is not None and fill == sid:
        raise ReportError(f"{where}.fill: a series cannot fill its own gaps; name another series")
    unit = toml_str(item, "unit", where)
    if unit is not None:
        try:
            get_unit(unit)
        except MacrodeskError as exc:
            raise ReportError(f"{where}.unit: {exc}") from None
    return SeriesRef(sid, transform, over, toml_str(item, "label", where), toml_str(item, "label_en", where), axis,
                     optional, ma, fill, unit)


def parse_exhibit(table: Any, where: str = "figure") -> ExhibitSpec:
    """An :class:`ExhibitSpec` from one TOML table; a :class:`ReportError` names ``where`` and the key."""
    if not isinstance(table, Mapping):
        raise ReportError(f"{where}: must be a table, got {type(table).__name__}")
    key = toml_str(table, "id", where, required=True)
    assert key is not None
    where = f"{where} '{key}'"
    toml_keys(table, _FIGURE_KEYS, where)
    title = toml_str(table, "title", where, required=True)
    assert title is not None
    kind = toml_str(table, "kind", where) or "line"
    if kind not in CHART_KINDS:
        raise ReportError(f"{where}.kind: unknown chart kind '{kind}'; choose from {', '.join(CHART_KINDS)}")
    raw = table.get("series")
    if not isinstance(raw, list) or not raw:
        raise ReportError(f"{where}.series: give a list of series, e.g. series = [\"cpi_yoy\"]")
    series = tuple(_series_ref(item, f"{where}.series[{i}]") for i, item in enumerate(raw))
    if kind == "dual" and not (any(r.axis == "right" for r in series) and any(r.axis == "left" for r in series)):
        raise ReportError(f"{where}: kind 'dual' needs series on both axes (axis = \"right\" on at least one, "
                          "not all)")
    if kind == "seasonal" and len(series) != 1:
        raise ReportError(f"{where}: kind 'seasonal' draws one series (one line per year); give one in 'series'")
    if kind in ("bar", "ranking", "seasonal") and any(r.axis == "right" for r in series):
        raise ReportError(f"{where}: kind '{kind}' has one axis; use kind = \"dual\" for a right axis")
    start = toml_str(table, "start", where)
    if start is not None:
        try:
            if not re.fullmatch(r"\d{4}-\d{2}", start):
                raise ValueError(start)
            pd.Period(start, freq="M")
        except ValueError:
            raise ReportError(f"{where}.start: must be a month like 2015-01, got '{start}'") from None
    years = table.get("years")
    if years is not None and (not isinstance(years, int) or isinstance(years, bool) or years < 1):
        raise ReportError(f"{where}.years: must be a whole number of years ≥ 1, got {years!r}")
    flags = {}
    for flag in ("annual", "quarterly", "markers"):
        flags[flag] = table.get(flag, False)
        if not isinstance(flags[flag], bool):
            raise ReportError(f"{where}.{flag}: must be true or false, got {flags[flag]!r}")
    if flags["annual"] and flags["quarterly"]:
        raise ReportError(f"{where}: give annual or quarterly, not both")
    width = toml_str(table, "width", where) or "full"
    if width not in ("full", "half"):
        raise ReportError(f"{where}.width: must be 'full' or 'half', got '{width}'")
    if width == "half" and kind == "ranking":
        raise ReportError(f"{where}: a 'ranking' chart is drawn at full width (one bar a row); leave out 'width'")
    if flags["markers"] and kind not in ("line", "dual"):
        raise ReportError(f"{where}.markers: marks the points of a line; kind '{kind}' has none "
                          "(use kind = \"line\" or \"dual\")")
    ahead = table.get("ahead_years", 0)
    if not isinstance(ahead, int) or isinstance(ahead, bool) or not 0 <= ahead <= 5:
        raise ReportError(f"{where}.ahead_years: must be a whole number of years from 0 to 5, got {ahead!r}")
    return ExhibitSpec(
        key=key, annual=flags["annual"], quarterly=flags["quarterly"], markers=flags["markers"], ahead_years=ahead, title=title, title_en=toml_str(table, "title_en", where) or title, series=series, kind=kind,
        start=start, years=years, ylabel=toml_str(table, "ylabel", where), right_ylabel=toml_str(table, "right_ylabel", where),
        ylabel_en=toml_str(table, "ylabel_en", where), right_ylabel_en=toml_str(table, "right_ylabel_en", where),
        note=toml_str(table, "note", where), note_en=toml_str(table, "note_en", where),
        source=toml_str(table, "source", where), source_en=toml_str(table, "source_en", where), width=width,
        where=where,
    )


def parse_exhibits(tables: Any, where: str) -> dict[str, ExhibitSpec]:
    """``{id: spec}`` from a ``[[figure]]`` array; duplicate ids are refused."""
    if tables is None:
        return {}
    if not isinstance(tables, list):
        raise ReportError(f"{where}: 'figure' must be an array of tables ([[figure]])")
    out: dict[str, ExhibitSpec] = {}
    for i, t in enumerate(tables):
        spec = parse_exhibit(t, f"{where}: figure[{i}]")
        if spec.key in out:
            raise ReportError(f"{where}: figure[{i}]: id '{spec.key}' is used twice")
        out[spec.key] = spec
    return out


@lru_cache(maxsize=1)
def builtin_exhibits() -> dict[str, ExhibitSpec]:
    """The exhibits the built-in reports draw from data (``exhibits.toml`` beside this module)."""
    text = resources.files("macrodesk.reports").joinpath("exhibits.toml").read_text(encoding="utf-8")
    return parse_exhibits(tomllib.loads(text).get("figure"), "exhibits.toml")


def exhibit(key: str) -> ExhibitSpec:
    """The built-in exhibit ``key``; unknown keys raise ReportError listing the known ones."""
    specs = builtin_exhibits()
    if key not in specs:
        raise ReportError(f"unknown built-in exhibit '{key}'; available: {', '.join(specs)}")
    return specs[key]


def exhibit_ids(keys: Sequence[str]) -> list[str]:
    """Every series id the built-in exhibits ``keys`` read."""
    return list(dict.fromkeys(i for k in keys for i in exhibit(k).ids()))
