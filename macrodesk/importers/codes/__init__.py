"""Shipped code tables: well-known vendor codes (and names) → macrodesk series ids.

One TOML file per vendor beside this module (``wind.toml``, ``choice.toml``, ``ifind.toml``,
``nbs.toml`` …), in the format of a user mapping file (:mod:`macrodesk.importers.mapping`)::

    [series.M0000612]            # Wind 指标ID
    id = "cpi_yoy"
    unit = "pct_yoy"             # optional: overrides the unit read from 单位

Importers lay a user's mapping file over the vendor's table (:func:`for_vendor`), so a plain
export of standard series lands under the ids the reports read, and a user entry still wins.
A vendor without a table (or with a table that has no entries yet) gets an empty one.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources

from macrodesk.importers.mapping import Mapping, layered, parse_mapping

__all__ = ["shipped", "for_vendor", "vendors"]


def vendors() -> tuple[str, ...]:
    """The vendors with a shipped code table, sorted."""
    root = resources.files(__name__)
    return tuple(sorted(p.name[: -len(".toml")] for p in root.iterdir() if p.name.endswith(".toml")))


@lru_cache(maxsize=None)
def shipped(vendor: str) -> Mapping:
    """The shipped code table of ``vendor`` (empty when there is none)."""
    res = resources.files(__name__).joinpath(f"{vendor}.toml")
    if not res.is_file():
        return Mapping()
    raw = res.read_bytes()
    if "series" not in tomllib.loads(raw.decode("utf-8")):
        return Mapping()  # a table with its header comment only
    return parse_mapping(raw, f"macrodesk/importers/codes/{vendor}.toml")


def for_vendor(vendor: str, user: Mapping | None = None) -> Mapping:
    """The user's mapping laid over the vendor's shipped table (the user's entries win)."""
    return layered(user, shipped(vendor))
