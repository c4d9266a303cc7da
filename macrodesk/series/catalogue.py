"""The catalogue of known series: the frequency and names of every series the sample ships,
and of the series the reports read that an analyst imports.

Read by the tidy CSV importer (a file that gives a known id without ``freq`` or
names gets them from here) and by :mod:`macrodesk.datasets`. The catalogue is
``catalogue.toml`` beside this module, one table per series id::

    [cpi_yoy]
    freq = "M"
    name_zh = "CPI:当月同比"
    name_en = "CPI YoY"

It is written by ``scripts/build_sample.py`` (with :func:`catalogue_toml`);
empty names are left out. ``importable.toml`` beside it declares, in the same form plus
``unit`` (the unit code to import with) and ``source`` (the publisher), the series the
reports' exhibits read that the bundled sample does not hold (gold demand, EIA balances,
copper TC/RC …); it is written by hand and an id may not be in both files.
"""

from __future__ import annotations

import json
import tomllib
from functools import lru_cache
from importlib import resources

import pandas as pd

from macrodesk.exceptions import DataError

__all__ = ["COLUMNS", "catalogue", "catalogue_toml", "importable", "search"]

#: The catalogue's columns, in order (``unit`` and ``source``: '' for the sample's series).
COLUMNS = ("series_id", "freq", "name_zh", "name_en", "unit", "source")

_HEADER = (
    "# The catalogue of known series: frequency and names of each series id.\n"
    "# Written by scripts/build_sample.py; read by macrodesk.series.catalogue.\n"
)


def _read(name: str) -> dict[str, dict[str, object]]:
    text = resources.files("macrodesk.series").joinpath(name).read_text(encoding="utf-8")
    return tomllib.loads(text)


@lru_cache(maxsize=1)
def catalogue() -> pd.DataFrame:
    """Known series as a frame of strings: series_id, freq, name_zh, name_en, unit, source ('' when not given).

    The sample's series (``catalogue.toml``) first, then the importable ones (``importable.toml``).
    """
    doc, extra = _read("catalogue.toml"), _read("importable.toml")
    twice = sorted(set(doc) & set(extra))
    if twice:  # pragma: no cover - a packaging error, caught by the catalogue tests
        raise DataError(f"importable.toml: {', '.join(twice)} already in catalogue.toml (the bundled sample)")
    rows = [{"series_id": sid, **{c: str(spec.get(c, "")) for c in COLUMNS[1:]}}
            for sid, spec in {**doc, **extra}.items()]
    return pd.DataFrame(rows, columns=list(COLUMNS))


@lru_cache(maxsize=1)
def importable() -> pd.DataFrame:
    """The series declared for import (``importable.toml``): the rows of :func:`catalogue` not in the sample."""
    cat = catalogue()
    return cat[cat["series_id"].isin(list(_read("importable.toml")))].reset_index(drop=True)


def catalogue_toml(frame: pd.DataFrame) -> str:
    """The TOML text of a catalogue frame (columns :data:`COLUMNS`), sorted by series id."""
    parts = [_HEADER]
    for row in frame.sort_values("series_id").to_dict("records"):
        lines = [f"\n[{_key(str(row['series_id']))}]"]
        for col in COLUMNS[1:]:
            value = "" if pd.isna(row.get(col)) else str(row.get(col))
            if value:
                lines.append(f"{col} = {json.dumps(value, ensure_ascii=False)}")
        parts.append("\n".join(lines) + "\n")
    return "".join(parts)


def _key(sid: str) -> str:
    if not (sid and all(c.isascii() and (c.isalnum() or c in "_-") for c in sid)):
        raise DataError(f"catalogue: series id {sid!r} must be letters, digits, '_' or '-'")
    return sid


def search(frame: pd.DataFrame, text: str, *, ranked: bool = False) -> pd.DataFrame:
    """The rows of a series listing (``Store.list()`` or :func:`catalogue`) whose id, Chinese or English
    name contains ``text`` (plain text, case-insensitive; several words must all appear).

    ``ranked=True`` orders them: the id itself, ids starting with the text, other id matches, then
    name matches (each group shortest id first); else the listing's order is kept.
    """
    words = text.split()
    if not words:
        return frame
    sid = frame["series_id"].astype(str)
    zh = frame["name_zh"].fillna("").astype(str)
    en = frame["name_en"].fillna("").astype(str)
    mask = pd.Series(True, index=frame.index)
    for w in words:
        mask &= (sid.str.contains(w, case=False, regex=False) | zh.str.contains(w, case=False, regex=False)
                 | en.str.contains(w, case=False, regex=False))
    out = frame[mask]
    if not ranked:
        return out
    t = text.strip().lower()
    ids = out["series_id"].astype(str).str.lower()
    rank = 3 - (ids == t).astype(int) - ids.str.startswith(t).astype(int) - ids.str.contains(t, regex=False).astype(int)
    return (out.assign(_rank=rank.to_numpy(), _len=ids.str.len().to_numpy())
            .sort_values(["_rank", "_len", "series_id"], kind="stable").drop(columns=["_rank", "_len"]))
