"""A report assembled from a TOML file: own figures, built-in exhibits, sections of built-in reports, text.

``macrodesk report custom my_report.toml`` reads a file like::

    [report]
    title = "猪价与美元"               # title_en, subtitle, subtitle_en optional
    title_en = "Hogs and the dollar"
    as_of = "2025-12"                 # optional; --as-of wins; default: the latest month of the data

    [[figure]]                        # own figures, in the format of macrodesk.reports.exhibits
    id = "hog_price"
    title = "生猪价格指数同比"
    series = [{ id = "hog_spot_price_index_zhuyi", transform = "yoy", label = "生猪价格同比" }]

    [[section]]
    heading = "猪周期"                 # heading_en optional
    blocks = [
      { text = "本节回顾猪价。", text_en = "This section reviews hog prices." },
      { figure = "hog_price" },                        # an own figure
      { exhibit = "hog_profit" },                      # a built-in exhibit (exhibits.toml)
      { report = "inflation-review", section = "翘尾" }, # sections of a built-in report whose heading contains it
    ]

Everything is checked before anything is built; an error names the file and the key
(``my_report.toml: section[0].blocks[2].exhibit: unknown built-in exhibit 'x'; available: …``).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from macrodesk.exceptions import MacrodeskError, ReportError
from macrodesk.reports.exhibits import ExhibitSpec, builtin_exhibits, parse_exhibits, toml_keys, toml_str
from macrodesk.reports.model import Block, Paragraph, Report, Section
from macrodesk.text import format as F
from macrodesk.text import label, tr

__all__ = ["CustomReport", "build_custom", "load_custom", "parse_custom"]

_NUMBER = re.compile(r"^(?:[一二三四五六七八九十]+、|\d+(?:\.\d+)*\.?\s+)")  # "四、", "4. ", "2.1 "
_REPORT_KEYS = {"title", "title_en", "subtitle", "subtitle_en", "as_of"}
_SECTION_KEYS = {"heading", "heading_en", "blocks"}
_BLOCK_KINDS = {"text": {"text", "text_en"}, "figure": {"figure"}, "exhibit": {"exhibit"},
                "report": {"report", "section", "section_en"}}


@dataclass(frozen=True)
class _Block:
    kind: str  # text | figure | exhibit | report
    value: Mapping[str, str]
    where: str


@dataclass(frozen=True)
class _Section:
    heading: str
    heading_en: str
    blocks: tuple[_Block, ...]
    where: str


@dataclass(frozen=True)
class CustomReport:
    """A parsed custom report file; :func:`build_custom` turns it into a :class:`Report`."""

    file: str
    title: str
    title_en: str
    subtitle: str | None
    subtitle_en: str | None
    as_of: str | None
    figures: Mapping[str, ExhibitSpec]
    sections: tuple[_Section, ...]

    def exhibits(self) -> list[ExhibitSpec]:
        """Every figure the report draws (own and built-in), in order of appearance."""
        builtin = builtin_exhibits()
        return [self.figures[b.value["figure"]] if b.kind == "figure" else builtin[b.value["exhibit"]]
                for s in self.sections for b in s.blocks if b.kind in ("figure", "exhibit")]

    def reports(self) -> list[str]:
        """The built-in reports whose sections it includes."""
        return list(dict.fromkeys(b.value["report"] for s in self.sections for b in s.blocks if b.kind == "report"))


def _block(item: Any, where: str, figures: Mapping[str, ExhibitSpec]) -> _Block:
    from macrodesk.analyses import REPORTS

    if not isinstance(item, Mapping):
        raise ReportError(f"{where}: must be a table such as {{ figure = \"my_figure\" }}, got {item!r}")
    kinds = [k for k in _BLOCK_KINDS if k in item]
    if len(kinds) != 1:
        raise ReportError(f"{where}: give exactly one of {', '.join(_BLOCK_KINDS)}"
                          + (f" (got {', '.join(kinds)})" if kinds else ""))
    kind = kinds[0]
    toml_keys(item, _BLOCK_KINDS[kind], where)
    value = {k: toml_str(item, k, where) for k in _BLOCK_KINDS[kind] if k in item}
    if kind == "figure" and value["figure"] not in figures:
        raise ReportError(f"{where}.figure: no [[figure]] with id '{value['figure']}' in the file"
                          + (f"; ids: {', '.join(figures)}" if figures else ""))
    if kind == "exhibit" and value["exhibit"] not in builtin_exhibits():
        raise ReportError(f"{where}.exhibit: unknown built-in exhibit '{value['exhibit']}'; "
                          f"available: {', '.join(builtin_exhibits())}")
    if kind == "report":
        if value["report"] not in REPORTS:
            raise ReportError(f"{where}.report: unknown report '{value['report']}'; available: {', '.join(REPORTS)}")
        if "section" not in value and "section_en" not in value:
            raise ReportError(f"{where}: give 'section' (text of the section heading to include)")
    return _Block(kind, {k: v for k, v in value.items() if v is not None}, where)


def parse_custom(data: Mapping[str, Any], file: str = "report.toml") -> CustomReport:
    """A :class:`CustomReport` from the parsed TOML ``data``; errors name ``file`` and the key."""
    toml_keys(data, {"report", "figure", "section"}, file)
    head = data.get("report")
    if not isinstance(head, Mapping):
        raise ReportError(f"{file}: a [report] table with a title is missing")
    where = f"{file}: report"
    toml_keys(head, _REPORT_KEYS, where)
    title = toml_str(head, "title", where, required=True)
    assert title is not None
    as_of = toml_str(head, "as_of", where)
    if as_of is not None:
        try:
            pd.Period(as_of, freq="M")
        except ValueError:
            raise ReportError(f"{where}.as_of: must be a month like 2025-12, got '{as_of}'") from None
    figures = parse_exhibits(data.get("figure"), file)
    raw = data.get("section")
    if not isinstance(raw, list) or not raw:
        raise ReportError(f"{file}: no [[section]] — a report needs at least one section with blocks")
    sections = []
    for i, s in enumerate(raw):
        sw = f"{file}: section[{i}]"
        if not isinstance(s, Mapping):
            raise ReportError(f"{sw}: must be a table ([[section]])")
        toml_keys(s, _SECTION_KEYS, sw)
        heading = toml_str(s, "heading", sw, required=True)
        assert heading is not None
        blocks = s.get("blocks")
        if not isinstance(blocks, list) or not blocks:
            raise ReportError(f"{sw}.blocks: give a list of blocks, e.g. blocks = [{{ figure = \"my_figure\" }}]")
        sections.append(_Section(heading, toml_str(s, "heading_en", sw) or heading,
                                 tuple(_block(b, f"{sw}.blocks[{j}]", figures) for j, b in enumerate(blocks)), sw))
    return CustomReport(file, title, toml_str(head, "title_en", where) or title, toml_str(head, "subtitle", where),
                        toml_str(head, "subtitle_en", where), as_of, figures, tuple(sections))


#: The commented example report file shipped with the package (the README's custom report).
EXAMPLE_REPORT = Path(__file__).resolve().parents[1] / "reports" / "custom_report_example.toml"


def load_custom(path: str | Path) -> CustomReport:
    """Read and check a custom report file."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ReportError(f"cannot read the report file '{p}': no such file; to start from the shipped example: "
                          f"cp {EXAMPLE_REPORT} {p}") from None
    except OSError as exc:
        raise ReportError(f"cannot read the report file '{p}': {exc.strerror or exc}") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ReportError(f"{p.name}: not valid TOML: {exc}") from None
    return parse_custom(data, p.name)


def _check_series(spec: CustomReport, store: Any) -> None:
    """Every required series of every figure is in the store; the error names the file and key."""
    builtin = builtin_exhibits()
    for s in spec.sections:
        for b in s.blocks:
            if b.kind not in ("figure", "exhibit"):
                continue
            fig = spec.figures[b.value["figure"]] if b.kind == "figure" else builtin[b.value["exhibit"]]
            for i, r in enumerate(fig.series):
                for key, sid in (("id", r.id), ("over", r.over)):
                    if sid is None or r.optional or store.has(sid):
                        continue
                    at = f"{fig.where}.series[{i}].{key}" if b.kind == "figure" else f"{b.where}.exhibit '{fig.key}'"
                    raise ReportError(f"{at}: unknown series id '{sid}' (not in the store; "
                                      "import it first: macrodesk data import …)")


def _report_sections(name: str, data: Any, as_of: pd.Period, lang: str, built: dict[str, Report],
                     b: _Block) -> list[Section]:
    from macrodesk.analyses import build_report

    if name not in built:
        built[name] = build_report(name, data, as_of=str(as_of), lang=lang)
    want = b.value.get("section_en" if lang == "en" and "section_en" in b.value else "section") \
        or b.value.get("section_en", "")
    found = [s for s in built[name].sections if want in s.heading]
    if not found:
        heads = "; ".join(s.heading for s in built[name].sections)
        raise ReportError(f"{b.where}.section: no section of {name} ({lang}) has '{want}' in its heading; "
                          f"headings: {heads}")
    return [Section(_NUMBER.sub("", s.heading), s.blocks, level=2) for s in found]


def build_custom(spec: CustomReport, data: Any, *, as_of: str | None = None, lang: str = "zh",
                 reports: Mapping[str, Report] | None = None) -> Report:
    """The :class:`Report` of a custom report file from ``data`` (a Store or ``{id: MacroSeries}``).

    ``reports`` holds built-in reports already built at the same month and language, to take
    included sections from (others are built from ``data``).
    """
    from macrodesk.analyses import _source

    store = _source(data)
    _check_series(spec, store)
    figs = spec.exhibits()
    ids = list(dict.fromkeys(i for f in figs for i in f.ids()))
    S = store.get_many(ids, missing="skip")
    month_text = as_of or spec.as_of
    if month_text is not None:
        try:
            end = pd.Period(month_text, freq="M")
        except ValueError:
            raise ReportError(f"--as-of (--month) must be a month like 2025-12, got '{month_text}'") from None
    else:
        firsts = [S[i].observations() for i in ids if i in S and len(S[i])]
        if not firsts:
            raise ReportError(f"{spec.file}: the report draws no figure, so give as_of in [report] or --as-of")
        first = firsts[0]
        end = pd.Period(first.index[-1], freq="M") if not isinstance(first.index[-1], pd.Period) \
            else first.index[-1].asfreq("M", how="E")
    S = {k: v.slice(None, str(end)) for k, v in S.items()}
    built: dict[str, Report] = dict(reports or {})
    sections: list[Section] = []
    for s in spec.sections:
        blocks: list[Block] = []
        subs: list[Section] = []
        for b in s.blocks:
            if b.kind == "text":
                blocks.append(Paragraph(tr(b.value.get("text") or b.value.get("text_en", ""),
                                           b.value.get("text_en") or b.value.get("text", ""), lang)))
            elif b.kind in ("figure", "exhibit"):
                fig = spec.figures[b.value["figure"]] if b.kind == "figure" else builtin_exhibits()[b.value["exhibit"]]
                try:
                    blocks.append(fig.figure(S, end, lang))
                except MacrodeskError as exc:
                    raise ReportError(f"{b.where}: {exc}") from None
            else:
                subs += _report_sections(b.value["report"], data, end, lang, built, b)
        sections.append(Section(tr(s.heading, s.heading_en, lang), blocks))
        sections += subs
    return Report(
        title=tr(spec.title, spec.title_en, lang),
        subtitle=tr(spec.subtitle, spec.subtitle_en or spec.subtitle, lang) if spec.subtitle else None,
        date=tr(f"数据截至{F.month_label(end)}", f"Data to {F.month_label(end, 'en')}", lang),
        lang=lang,
        sections=sections,
        disclaimer=label("generated_disclaimer", lang),
    )
