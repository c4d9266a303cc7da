"""House style: who publishes a report and how it looks (institution, analysts, disclaimer, colours, logo).

A style file is TOML::

    institution = "某某证券研究所"          # printed on the cover line
    disclaimer = "本报告仅供……"             # replaces the built-in disclaimer
    risk_warning = "政策变化超预期……"       # printed above the disclaimer
    logo = "logo.png"                      # optional; PNG, JPEG or SVG, relative to this file

    [[analyst]]
    name = "张三"
    certificate = "S0000000000000"         # 证券投资咨询执业证书编号
    email = "zhangsan@example.com"         # optional

    [colours]                              # optional, "#RRGGBB"
    accent = "#C00000"                     # titles, rules, caption lines
    navy = "#1F3864"                       # sub-headings, subtitle

``macrodesk report --style FILE`` or ``style = "house.toml"`` in ``macrodesk.toml`` applies one.
Without a style a report is labelled an internal research draft
(:data:`DRAFT_LABEL`) and names no analyst. Unknown keys, wrong types, a bad colour
or a missing logo raise :class:`~macrodesk.exceptions.InputFileError` naming the
file and the key.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from macrodesk.exceptions import InputFileError
from macrodesk.text.labels import tr

__all__ = ["Analyst", "Cover", "HouseStyle", "DEFAULT_COLOURS", "EXAMPLE_STYLE", "cover", "draft_label", "load_style",
           "parse_style"]

#: The colours of an unstyled report (the template's defaults).
DEFAULT_COLOURS: dict[str, str] = {"accent": "#C00000", "navy": "#1F3864"}

#: An example style file shipped in the package (a starting point to copy, never applied by itself).
EXAMPLE_STYLE = Path(__file__).parent / "style_example.toml"

_TOP_KEYS = ("institution", "disclaimer", "risk_warning", "logo", "analyst", "colours")
_ANALYST_KEYS = ("name", "certificate", "email")
_HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_LOGO_SUFFIXES = (".png", ".jpg", ".jpeg", ".svg")


@dataclass(frozen=True)
class Analyst:
    name: str
    certificate: str
    email: str | None = None

    def line(self, lang: str) -> str:
        """"张三（执业证书编号：S0000000000000）" / "Zhang San (licence no. S0000000000000)"."""
        cert = tr(f"执业证书编号：{self.certificate}", f"licence no. {self.certificate}", lang)
        mail = f"{tr('，', ', ', lang)}{self.email}" if self.email else ""
        return tr(f"{self.name}（{cert}{mail}）", f"{self.name} ({cert}{mail})", lang)


@dataclass(frozen=True)
class HouseStyle:
    """A parsed style file; ``logo`` is absolute."""

    institution: str
    analysts: tuple[Analyst, ...]
    disclaimer: str
    risk_warning: str | None = None
    logo: Path | None = None
    colours: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_COLOURS))
    file: Path | None = None

    def author(self, lang: str) -> str:
        """The analyst line of the cover: every analyst with the certificate number."""
        return tr("；", "; ", lang).join(a.line(lang) for a in self.analysts)

    def fingerprint(self) -> tuple[Any, ...]:
        """Everything that changes the output (for the results cache)."""
        logo = self.logo.read_bytes() if self.logo is not None else b""
        return (self.institution, [(a.name, a.certificate, a.email) for a in self.analysts], self.disclaimer,
                self.risk_warning, sorted(self.colours.items()), logo)


def draft_label(lang: str) -> str:
    """The cover label of a report without a house style."""
    return tr("内部研究草稿，非证券研究报告", "Internal research draft, not investment research", lang)


@dataclass(frozen=True)
class Cover:
    """What every output format prints about who publishes a report: the cover label (the
    institution, or :func:`draft_label` without a style), the analyst line, the risk warning
    and the disclaimer."""

    label: str
    author: str | None
    risk_warning: str | None
    disclaimer: str | None
    styled: bool


def cover(style: HouseStyle | None, lang: str, author: str | None = None, disclaimer: str | None = None) -> Cover:
    """The cover facts of a report in ``lang`` under ``style`` (the one place PDF, HTML, Markdown, Excel and
    Word take them from); without a style: the draft label and the report's own ``author``/``disclaimer``."""
    if style is None:
        return Cover(draft_label(lang), author, None, disclaimer, False)
    return Cover(style.institution, style.author(lang), style.risk_warning, style.disclaimer, True)


def load_style(path: str | Path) -> HouseStyle:
    """Read and validate the style file ``path``."""
    p = Path(path).expanduser()
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputFileError("style file not found", file=str(p)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputFileError(f"cannot read the style file: {exc}", file=str(p)) from None
    return parse_style(text, p)


def _tname(v: Any) -> str:
    return {str: "a string", int: "a number", float: "a number", bool: "true/false", list: "a list",
            dict: "a table"}.get(type(v), type(v).__name__)


def parse_style(text: str, file: str | Path) -> HouseStyle:
    """Validate the TOML ``text`` of the style file ``file`` (a relative logo path resolves against its folder)."""
    f = Path(file)
    where = str(f)

    def err(key: str, message: str) -> InputFileError:
        return InputFileError(f"key '{key}': {message}", file=where)

    def string(table: dict[str, Any], key: str, full: str, required: bool = True) -> str | None:
        v = table.get(key)
        if v is None:
            if required:
                raise err(full, "is required")
            return None
        if not isinstance(v, str) or not v.strip():
            raise err(full, f"must be a non-empty string, got {_tname(v) if not isinstance(v, str) else 'an empty string'}")
        return v.strip()

    def no_unknown(table: dict[str, Any], allowed: tuple[str, ...], prefix: str) -> None:
        for key in table:
            if key not in allowed:
                raise err(f"{prefix}{key}", f"unknown key; allowed here: {', '.join(allowed)}")

    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputFileError(f"not valid TOML: {exc}", file=where) from None
    no_unknown(doc, _TOP_KEYS, "")
    institution = string(doc, "institution", "institution")
    disclaimer = string(doc, "disclaimer", "disclaimer")
    risk = string(doc, "risk_warning", "risk_warning", required=False)

    raw = doc.get("analyst")
    if raw is None:
        raise err("analyst", "is required: at least one [[analyst]] with name and certificate")
    if not isinstance(raw, list) or not raw or not all(isinstance(a, dict) for a in raw):
        raise err("analyst", "must be an array of tables ([[analyst]] blocks)")
    analysts = []
    for i, a in enumerate(raw, start=1):
        k = f"analyst[{i}]"
        no_unknown(a, _ANALYST_KEYS, f"{k}.")
        name = string(a, "name", f"{k}.name")
        cert = string(a, "certificate", f"{k}.certificate")
        email = string(a, "email", f"{k}.email", required=False)
        if email is not None and not _EMAIL.match(email):
            raise err(f"{k}.email", f"is not an e-mail address: {email!r}")
        assert name is not None and cert is not None
        analysts.append(Analyst(name, cert, email))

    colours = dict(DEFAULT_COLOURS)
    raw_c = doc.get("colours", {})
    if not isinstance(raw_c, dict):
        raise err("colours", f"must be a table ([colours]), got {_tname(raw_c)}")
    no_unknown(raw_c, tuple(DEFAULT_COLOURS), "colours.")
    for key, v in raw_c.items():
        if not isinstance(v, str) or not _HEX.match(v):
            raise err(f"colours.{key}", f"must be a colour like \"#C00000\", got {v!r}")
        colours[key] = v.upper()

    logo = None
    raw_logo = string(doc, "logo", "logo", required=False)
    if raw_logo is not None:
        lp = Path(raw_logo).expanduser()
        logo = lp if lp.is_absolute() else f.resolve().parent / lp
        if logo.suffix.lower() not in _LOGO_SUFFIXES:
            raise err("logo", f"must be a PNG, JPEG or SVG file, got '{raw_logo}'")
        if not logo.is_file():
            raise err("logo", f"file not found: '{raw_logo}'")
    assert institution is not None and disclaimer is not None
    return HouseStyle(institution, tuple(analysts), disclaimer, risk, logo, colours, f.resolve())
