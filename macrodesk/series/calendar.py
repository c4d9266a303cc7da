"""The release calendar: when each statistical body publishes a month (numbers only, no text).

Release bodies and their rules are data (``release_rules.toml``); past NBS CPI/PPI release
days read from republished release texts are in ``release_dates_nbs_prices.toml``. For a
month without a known date the rule gives an estimate (``estimated=True``):

* NBS CPI/PPI: about the 9th of m+1; the 13th in October (National Day); moved to after the
  Spring Festival holiday when it falls in it.
* NBS activity (industrial production, retail sales, FAI): about the 15th of m+1 (18th in
  October); January is published with February, in March.
* NBS PMI: the last day of the reference month.
* GACC trade: about the 9th of m+1 (13th in October); January and February together on about
  7 March.
* PBoC money and credit: about the 12th of m+1 (14th in October), after the Spring Festival.

:func:`release_body` says which body publishes a series (from its id; None: unknown),
:func:`release_date` gives one period's release, :func:`backfill_released` the release date of
each period of a series (for importers and sources to fill ``released`` where a file has none),
:func:`next_release` the first release after a day.
"""

from __future__ import annotations

import calendar as _cal
import datetime as _dt
import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Iterable

import pandas as pd

from macrodesk.exceptions import DataError
from macrodesk.series.periods import parse_period

__all__ = ["BODIES", "Release", "backfill_released", "body_name", "next_release", "release_body", "release_date"]

#: Series id patterns of each release body, checked in order (first match wins).
_ID_RULES: tuple[tuple[str, str], ...] = (
    (r"^(cpi|ppi|ppirm)_(?!.*consensus)", "nbs_prices"),
    (r"^pmi_(?!.*caixin)", "nbs_pmi"),
    (r"^(industrial_va|retail_sales|fai)_", "nbs_activity"),
    (r"^(exports|imports|trade)_(usd|cny)_", "gacc_trade"),
    (r"^(m0|m1|m2)_|^(new_rmb_loans|new_loans_|tsf_)", "pboc_credit"),
)


@cache
def _rules() -> dict[str, Any]:
    with resources.files("macrodesk.series").joinpath("release_rules.toml").open("rb") as f:
        return tomllib.load(f)


@cache
def _known() -> dict[str, dict[str, _dt.date]]:
    with resources.files("macrodesk.series").joinpath("release_dates_nbs_prices.toml").open("rb") as f:
        data = tomllib.load(f)
    return {body: {k: _dt.date.fromisoformat(v["released"]) for k, v in rows.items()} for body, rows in data.items()}


BODIES: tuple[str, ...] = ("nbs_prices", "nbs_activity", "nbs_pmi", "gacc_trade", "pboc_credit")


@dataclass(frozen=True)
class Release:
    """The release of ``period`` (a month, 'YYYY-MM') by ``body`` on ``date``; ``estimated``: from the rule."""

    body: str
    period: str
    date: _dt.date
    estimated: bool

    def to_dict(self) -> dict[str, Any]:
        return {"body": self.body, "period": self.period, "date": self.date.isoformat(), "estimated": self.estimated}


def release_body(series_id: str) -> str | None:
    """The body that publishes ``series_id`` (one of :data:`BODIES`), or None when not known."""
    for pattern, body in _ID_RULES:
        if re.search(pattern, series_id):
            return body
    return None


def body_name(body: str, lang: str = "zh") -> str:
    """The body's display name in ``lang`` ('zh' or 'en')."""
    spec = _spec(body)
    return str(spec["name_en" if lang == "en" else "name_zh"])


def _spec(body: str) -> dict[str, Any]:
    if body not in BODIES:
        raise DataError(f"unknown release body '{body}'; known: {', '.join(BODIES)}")
    return dict(_rules()[body])


def _spring_festival(year: int) -> _dt.date | None:
    text = _rules()["spring_festival"].get(str(year))
    return _dt.date.fromisoformat(text) if text else None


def _rule_date(body: str, period: pd.Period) -> _dt.date:
    spec = _spec(body)
    if spec.get("jan_with_feb") and period.month == 1:
        period = period + 1  # published together with February
    target = period + int(spec["lag_months"])
    year, month = target.year, target.month
    last = _cal.monthrange(year, month)[1]
    if spec.get("jan_with_feb") and period.month == 2 and "jan_feb_day" in spec:
        day = int(spec["jan_feb_day"])
    elif month == 10 and "october_day" in spec:
        day = int(spec["october_day"])
    else:
        day = int(spec["day"])
    date = _dt.date(year, month, min(day, last))
    if spec.get("after_spring_festival"):
        festival = _spring_festival(year)
        if festival is not None and festival - _dt.timedelta(days=1) <= date <= festival + _dt.timedelta(days=7):
            date = festival + _dt.timedelta(days=8)
    return date


def release_date(body: str, period: Any) -> Release:
    """The release of month ``period`` by ``body``: the known date, else the rule's estimate."""
    p = parse_period(period, "M", name="period")
    key = p.strftime("%Y-%m")
    known = _known().get(body, {}).get(key)
    if known is not None:
        return Release(body, key, known, False)
    return Release(body, key, _rule_date(body, p), True)


def backfill_released(series_id: str, periods: Iterable[Any], *, known_only: bool = False) -> pd.Series:
    """The release date of each period of ``series_id`` (known, else estimated), indexed like ``periods``.

    All NaT when the series' body is unknown; with ``known_only`` NaT also where the date is
    only the rule's estimate. Importers fill a series' ``released`` from it where the file has
    none (:func:`macrodesk.importers.read_paths`, known dates only); the estimated flag per
    period is in :func:`release_date`.
    """
    idx = list(periods)
    body = release_body(series_id)
    values: list[Any] = []
    for p in idx:
        r = release_date(body, p) if body else None
        values.append(pd.Timestamp(r.date) if r is not None and not (known_only and r.estimated) else pd.NaT)
    return pd.Series(values, index=pd.Index(idx), dtype="datetime64[ns]", name="released")


def next_release(body: str, after: Any) -> Release:
    """The first release by ``body`` strictly after the day ``after`` (a date or 'YYYY-MM-DD')."""
    day = pd.Timestamp(after).date()
    p = pd.Period(day, "M") - 2
    for _ in range(6):
        r = release_date(body, p)
        if r.date > day:
            return r
        p += 1
    raise DataError(f"no release of '{body}' found after {day}")  # pragma: no cover - rules always give one
