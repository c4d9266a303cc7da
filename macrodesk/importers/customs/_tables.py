"""The shipped customs tables: partners → regions (``partners.toml``), HS codes → products (``products.toml``)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import pandas as pd

from macrodesk.exceptions import InputFileError

__all__ = ["Region", "Product", "regions", "products", "region_keys_of"]

# A partner cell that stands for "all partners" / a product cell that stands for "all goods".
TOTAL_WORDS = frozenset({"", "总值", "总计", "合计", "全部", "全球", "世界", "-"})


@dataclass(frozen=True)
class Region:
    key: str
    zh: str
    en: str
    names: frozenset[str]
    code: str = ""
    code_prefix: str = ""
    members: frozenset[str] = frozenset()
    member_from: tuple[tuple[str, pd.Period], ...] = ()
    member_until: tuple[tuple[str, pd.Period], ...] = ()

    def has_member(self, name: str, month: pd.Period) -> bool:
        """True when the country ``name`` counts in this region in ``month``."""
        if name not in self.members:
            return False
        lo = dict(self.member_from).get(name)
        hi = dict(self.member_until).get(name)
        return (lo is None or month >= lo) and (hi is None or month <= hi)


@dataclass(frozen=True)
class Product:
    key: str
    zh: str
    en: str
    hs: tuple[str, ...]
    quantity: bool

    def matches(self, code: str) -> bool:
        return code.startswith(self.hs)


def _load(name: str) -> dict[str, Any]:
    res = resources.files(__package__ or __name__).joinpath(name)
    try:
        return tomllib.loads(res.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:  # a packaging defect, but say where
        raise InputFileError(f"not valid TOML: {exc}", file=f"macrodesk/importers/customs/{name}") from None


def _months(spec: dict[str, str]) -> tuple[tuple[str, pd.Period], ...]:
    return tuple((k, pd.Period(v, freq="M")) for k, v in spec.items())


@lru_cache(maxsize=None)
def regions() -> tuple[Region, ...]:
    """The regions of ``partners.toml``, in file order."""
    doc = _load("partners.toml")["region"]
    return tuple(
        Region(
            key=k, zh=v["zh"], en=v["en"], names=frozenset(v.get("names", ())), code=v.get("code", ""),
            code_prefix=v.get("code_prefix", ""), members=frozenset(v.get("members", ())),
            member_from=_months(v.get("member_from", {})), member_until=_months(v.get("member_until", {})),
        )
        for k, v in doc.items()
    )


@lru_cache(maxsize=None)
def products() -> tuple[Product, ...]:
    """Items (with quantity) then groups of ``products.toml``; a key in both must have the same codes."""
    doc = _load("products.toml")
    out: dict[str, Product] = {}
    for kind in ("item", "group"):
        for k, v in doc.get(kind, {}).items():
            p = Product(k, v["zh"], v["en"], tuple(v["hs"]), bool(v.get("quantity", False)))
            prev = out.get(k)
            if prev is not None:
                if prev.hs != p.hs:
                    raise InputFileError(
                        f"product '{k}' is both an item and a group with different HS codes",
                        file="macrodesk/importers/customs/products.toml",
                    )
                continue
            out[k] = p
    return tuple(out.values())


def region_keys_of(name: str, code: str, month: pd.Period) -> tuple[list[str], list[str]]:
    """(regions the partner *is*, regions the partner is a *member* of) in ``month``.

    A partner "is" a region when its name is one of the region's names (a country, or the
    region's own total such as 欧盟), or — without a known name — its code is the region's code.
    It is a member when it is a listed member country, or its code starts with the region's
    ``code_prefix`` (Africa 2xx, Latin America 4xx).
    """
    is_: list[str] = []
    member: list[str] = []
    by_name = [r for r in regions() if name in r.names]
    if by_name:
        is_ = [r.key for r in by_name]
    elif code:
        is_ = [r.key for r in regions() if r.code and r.code == code]
    for r in regions():
        if r.key in is_:
            continue
        if r.has_member(name, month) or (r.code_prefix and code and code.startswith(r.code_prefix)
                                         and len(code) == 3):
            member.append(r.key)
    return is_, member
