"""User mapping files: Wind 指标ID (or 指标名称) → a friendlier series id, with overrides.

A mapping file is TOML with one ``[series.<key>]`` table per series::

    [series.M0000612]            # a Wind 指标ID ...
    id = "cpi_yoy"
    unit = "pct_yoy"             # optional: overrides the unit read from 单位
    name_en = "CPI YoY"          # optional
    name_zh = "CPI:当月同比"      # optional: overrides 指标名称
    source = "国家统计局"          # optional: overrides 来源

    [series."PPI:全部工业品:当月同比"]   # ... or the exact 指标名称 of a column without 指标ID
    id = "ppi_yoy"

Keys are matched exactly (after stripping surrounding spaces). Every problem —
invalid TOML, an entry without ``id``, an unknown unit code, an unknown field,
two keys mapped to the same id — is an :class:`~macrodesk.exceptions.InputFileError`
naming the mapping file and the key.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from macrodesk.exceptions import InputFileError, UnitError
from macrodesk.series import units as _units

__all__ = ["MappingEntry", "Mapping", "load_mapping", "parse_mapping", "layered", "quote_key"]

_FIELDS = ("id", "unit", "name_en", "name_zh", "source")


@dataclass(frozen=True)
class MappingEntry:
    """One mapped series: the Wind key it applies to and the values that replace Wind's."""

    key: str
    id: str
    unit: str | None = None
    name_en: str | None = None
    name_zh: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class Mapping:
    """A loaded mapping file. Look entries up by Wind 指标ID or 指标名称 with :meth:`lookup`."""

    entries: dict[str, MappingEntry] = field(default_factory=dict)
    path: str = ""

    def lookup(self, wind_id: str | None) -> MappingEntry | None:
        """The entry for a Wind 指标ID (or 指标名称), or ``None`` if the file does not map it."""
        if wind_id is None:
            return None
        return self.entries.get(str(wind_id).strip())

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key.strip() in self.entries


def load_mapping(path: str | os.PathLike[str]) -> Mapping:
    """Read and validate a mapping file (see the module docstring for the format)."""
    p = Path(path).expanduser()
    fname = p.name
    try:
        raw = p.read_bytes()
    except FileNotFoundError:
        raise InputFileError("mapping file not found", file=fname) from None
    except OSError as exc:
        raise InputFileError(f"cannot read the mapping file: {exc.strerror or exc}", file=fname) from None
    return parse_mapping(raw, fname, path=str(p))


def parse_mapping(raw: bytes, fname: str, *, path: str = "") -> Mapping:
    """Validate the bytes of a mapping file; errors name ``fname`` (see the module docstring)."""
    try:
        doc = tomllib.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise InputFileError("the mapping file is not UTF-8 text", file=fname) from None
    except tomllib.TOMLDecodeError as exc:
        raise InputFileError(f"not valid TOML: {exc}", file=fname) from None

    extra = sorted(k for k in doc if k != "series")
    if extra:
        raise InputFileError(
            f"unexpected top-level key '{extra[0]}'; a mapping file holds only [series.<指标ID>] tables",
            file=fname,
        )
    tables = doc.get("series")
    if not isinstance(tables, dict) or not tables:
        raise InputFileError(
            "no [series.<指标ID>] tables found; write e.g. [series.M0000612] with id = \"cpi_yoy\"",
            file=fname,
        )

    entries: dict[str, MappingEntry] = {}
    by_target: dict[str, str] = {}
    for raw_key, spec in tables.items():
        key = raw_key.strip()
        where = f"[series.{quote_key(key)}]"
        if not isinstance(spec, dict):
            raise InputFileError(
                f"{where} must be a table with at least id = \"...\"", file=fname, series_id=key
            )
        unknown = sorted(k for k in spec if k not in _FIELDS)
        if unknown:
            raise InputFileError(
                f"{where}: unknown field '{unknown[0]}'; allowed fields: {', '.join(_FIELDS)}",
                file=fname,
                series_id=key,
            )
        for k, v in spec.items():
            if not isinstance(v, str):
                raise InputFileError(
                    f"{where}: {k} must be a string, got {v!r}", file=fname, series_id=key
                )
        target = spec.get("id", "").strip()
        if not target:
            raise InputFileError(f"{where}: missing id = \"...\"", file=fname, series_id=key)
        unit = spec.get("unit")
        if unit is not None:
            unit = unit.strip()
            try:
                _units.get_unit(unit)
            except UnitError as exc:
                raise InputFileError(f"{where}: {exc}", file=fname, series_id=key) from None
        if target in by_target:
            other = by_target[target]
            raise InputFileError(
                f"{where}: id '{target}' is already used by [series.{quote_key(other)}]; "
                "every series needs its own id",
                file=fname,
                series_id=key,
            )
        if key in entries:  # keys that differ only by surrounding spaces
            raise InputFileError(f"{where} appears twice", file=fname, series_id=key)
        by_target[target] = key
        entries[key] = MappingEntry(
            key=key,
            id=target,
            unit=unit,
            name_en=_opt(spec.get("name_en")),
            name_zh=_opt(spec.get("name_zh")),
            source=_opt(spec.get("source")),
        )
    return Mapping(entries=entries, path=path)


def _opt(v: str | None) -> str | None:
    if v is None:
        return None
    v = v.strip()
    return v or None


def quote_key(key: str) -> str:
    """``key`` as a TOML key: bare when it can be, else a quoted string."""
    bare = key and all(c.isascii() and (c.isalnum() or c in "_-") for c in key)
    return key if bare else '"' + key.replace("\\", "\\\\").replace('"', '\\"') + '"'


def layered(user: Mapping | None, shipped: Mapping) -> Mapping:
    """One mapping from a user's file laid over a shipped code table: the user's entry wins per key.

    A shipped entry whose target id the user's file already gives to another key is dropped,
    so the user's choice of which column is ``cpi_yoy`` stands.
    """
    if user is None or not user.entries:
        return shipped
    taken = {e.id for e in user.entries.values()}
    entries = {k: e for k, e in shipped.entries.items() if k not in user.entries and e.id not in taken}
    entries.update(user.entries)
    return Mapping(entries=entries, path=user.path)
