"""One report written to files, through the results cache: what ``macrodesk report``, ``update`` and the
web desk's rebuild share.

The key of a build (:func:`report_key`) covers the code, the options, the house style and the exact
inputs it reads: each input's values up to the report's month with their release days (a flash prints
the day, a nowcast's information set follows them) and the part of its metadata a report prints
(:func:`printed_meta`: names, unit, frequency, the publisher of its source line), not where the values
were read from (``origin``, the vendor ``key``). A re-import that only relabels the file therefore leaves
a report fixed at an earlier month up to date. The written files are kept in the cache under the key,
so an unchanged report is rewritten from the cache byte for byte.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

__all__ = ["printed_meta", "recipe_inputs", "report_check", "report_key", "write_report"]

_FIG_RE = re.compile(r"\]\((figures/[^)\s]+\.png)\)")


def recipe_inputs(name: str, st: Any, as_of: str | None) -> tuple[Any, Any, Any]:
    """The recipe module of ``name`` and its inputs from ``st`` cut at ``as_of``, as :func:`build_report` reads them."""
    from macrodesk.analyses import recipe_module, report_inputs

    mod = recipe_module(name)
    lookahead = {i: getattr(mod, "HF_LOOKAHEAD_MONTHS", 0) for i in getattr(mod, "HF_IDS", ())}
    inputs, end = report_inputs(st, mod.REQUIRED, mod.OPTIONAL, as_of, lookahead=lookahead)
    return mod, inputs, end


def printed_meta(s: Any) -> tuple[str, ...]:
    """What a report can print of series ``s``'s metadata: id, names, unit, frequency and the publisher its
    source line names in each language (:func:`~macrodesk.text.sources.publisher`: "NBS" and
    "NBS (akshare/EastMoney)" both print 国家统计局/NBS). ``origin`` and the vendor ``key`` are never printed."""
    from macrodesk.text.sources import publisher

    m = s.meta
    src = (publisher(m.source, "zh"), publisher(m.source, "en")) if m.source else ("", "")
    return (m.id, m.name_zh, m.name_en, m.unit, m.freq, *src)


def _input_key(name: str, lang: str, basename: str, formats: tuple[str, ...], end: Any, inputs: Any,
               style: Any = None) -> str:
    """The results-cache key of one build: the code, the options, the house style and the inputs as the report
    reads them (values to its month, their release days and :func:`printed_meta` of each series)."""
    from macrodesk import cache

    series = {k: [list(printed_meta(s)), s.data, s.released] for k, s in inputs.series.items()}
    return cache.fingerprint("report", cache.code_version(), name, lang, basename, list(formats), end,
                             series, sorted(inputs.missing),
                             style.fingerprint() if style is not None else None)


def report_key(name: str, st: Any, as_of: str | None, formats: tuple[str, ...], lang: str,
               basename: str | None = None, style: Any = None) -> tuple[str, Any]:
    """``(key, end month)`` of building report ``name`` from ``st`` now, without building it.

    The key is the one :func:`write_report` caches the written files under, so it changes exactly
    when what the report reads changes (a value up to its month or its release day, a printed name,
    unit or publisher: :func:`printed_meta`), or the options or the code; not when only the file a
    series was read from (``origin``) changes.
    """
    key, end, _ = report_check(name, st, as_of, formats, lang, basename, style=style)
    return key, end


def report_check(name: str, st: Any, as_of: str | None, formats: tuple[str, ...], lang: str,
                 basename: str | None = None, style: Any = None) -> tuple[str, Any, Any]:
    """``(key, end month, input status)``: :func:`report_key` and, from the same read of the inputs, each
    input's last period and staleness against the report's month
    (:func:`~macrodesk.analyses._common.input_status`, anchored on the recipe's first required series)."""
    from macrodesk.analyses._common import input_status

    mod, inputs, end = recipe_inputs(name, st, as_of)
    key = _input_key(name, lang, basename or name, formats, end, inputs, style)
    return key, end, input_status(inputs, end, mod.REQUIRED[0])


def _written_files(paths: dict[str, Path], out: Path) -> dict[str, bytes]:
    """Every file a render wrote, relative to ``out``: the reports and the Markdown's figures."""
    files: dict[str, bytes] = {}
    for fmt, p in paths.items():
        data = p.read_bytes()
        files[p.name] = data
        if fmt == "md":
            for rel in _FIG_RE.findall(data.decode("utf-8")):
                files[rel] = (out / rel).read_bytes()
    return files


def write_report(
    name: str, st: Any, as_of: str | None, out: Path, formats: tuple[str, ...], lang: str, *,
    basename: str | None = None, rcache: Any = None, style: Any = None,
    progress: Callable[[str], None] | None = None,
) -> dict[str, Path]:
    """Build report ``name`` from ``st`` and write it into ``out`` as ``formats``; ``{format: path}``.

    With a results cache (``rcache``) an unchanged build is restored from it; ``progress`` (optional)
    is told what is happening in a few words.
    """
    from macrodesk import cache
    from macrodesk.reports import render, rendering_batch
    from macrodesk.reports.render import html_font

    say = progress or (lambda _text: None)
    basename = basename or name
    mod, inputs, end = recipe_inputs(name, st, as_of)
    key = None
    files: Any = None
    if rcache is not None:
        key = _input_key(name, lang, basename, formats, end, inputs, style)
        _, files = rcache.get(key)
    if files is not None:
        say(f"writing {name} from the cache")
        return _restore(files, out, basename, formats)
    with cache.use(rcache), rendering_batch():
        rep = mod.build(inputs, end, lang=lang)
        # the HTML's font subset needs only the text: made while the figures are drawn
        font = html_font(rep, style) if "html" in formats else None
    say(f"rendering {name} ({', '.join(formats)})")
    paths = render(rep, out, formats=formats, basename=basename, style=style, html_font=font)
    if rcache is not None and key is not None:
        rcache.put(key, _written_files(paths, out))
    return paths


def _restore(files: dict[str, bytes], out: Path, basename: str, formats: tuple[str, ...]) -> dict[str, Path]:
    from macrodesk.exceptions import ReportError

    try:
        for rel, data in files.items():
            p = out / rel
            p.parent.mkdir(parents=True, exist_ok=True)
            p.write_bytes(data)
    except OSError as exc:
        raise ReportError(f"cannot write the report into '{out}': {exc.strerror or exc}") from None
    return {f: out / f"{basename}.{f}" for f in dict.fromkeys(formats)}
