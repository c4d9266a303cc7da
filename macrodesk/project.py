"""The project file ``macrodesk.toml``: one folder's store, the reports the team keeps, the sources to fetch.

``macrodesk init`` writes one; ``macrodesk demo`` writes one into its output folder.
Every command looks for it in the current folder and then in each parent (as git
looks for ``.git``) and uses its store when neither ``--store`` nor
``$MACRODESK_STORE`` is given. ``macrodesk report`` with no name builds the reports
listed here. The format::

    store = "store.duckdb"              # relative paths are relative to this file
    sources = []                        # what `update --fetch` will fetch (names kept as given)
    style = "house.toml"                # optional house style of the reports (see macrodesk.reports.style)

    [cache]                             # optional
    enabled = true
    dir = "store.duckdb.cache"          # default: <store>.cache beside the store
    max_mb = 512

    [[report]]
    name = "inflation-outlook"          # one of `macrodesk report --help`'s names
    as_of = "latest"                    # "latest" (the store's last month) or "YYYY-MM"
    out = "reports/inflation-outlook"   # default: reports/<name>
    lang = ["zh"]                       # zh and/or en
    formats = ["html", "pdf", "md"]

Unknown keys, wrong types, unknown report names or languages raise
:class:`~macrodesk.exceptions.InputFileError` naming the file and the key.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from macrodesk.exceptions import InputFileError

__all__ = [
    "FILENAME", "STATE_FILE", "Project", "ProjectReport", "find_project", "load_project", "load_state",
    "parse_project", "project_text", "results_cache", "write_project",
]

#: The project file's name.
FILENAME = "macrodesk.toml"
#: Where ``macrodesk update`` keeps the input key of each built report, relative to the project folder.
STATE_FILE = Path(".macrodesk") / "state.json"

_TOP_KEYS = ("store", "sources", "cache", "report", "style")
_CACHE_KEYS = ("enabled", "dir", "max_mb")
_REPORT_KEYS = ("name", "as_of", "out", "lang", "formats")
_LANGS = ("zh", "en")
_FORMATS = ("html", "pdf", "md")  # the default
_KNOWN_FORMATS = ("html", "pdf", "md", "xlsx", "docx")
_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


@dataclass(frozen=True)
class ProjectReport:
    """One report the project keeps: recipe name, as-of rule, output folder (absolute), languages, formats.

    ``as_of`` is None for "latest" (the last month of the report's data).
    """

    name: str
    out: Path
    as_of: str | None = None
    langs: tuple[str, ...] = ("zh",)
    formats: tuple[str, ...] = _FORMATS

    def basename(self, lang: str) -> str:
        """The output file name for ``lang``: ``<name>``, or ``<name>-<lang>`` when the report has several languages."""
        return self.name if len(self.langs) == 1 else f"{self.name}-{lang}"


@dataclass(frozen=True)
class Project:
    """A parsed ``macrodesk.toml``: paths are absolute, resolved against the file's folder."""

    file: Path
    store: Path | str
    reports: tuple[ProjectReport, ...] = ()
    sources: tuple[str, ...] = ()
    cache_enabled: bool = True
    cache_dir: Path | None = None
    cache_max_mb: int = 512
    extra: Mapping[str, Any] = field(default_factory=dict)
    style: Path | None = None

    @property
    def root(self) -> Path:
        return self.file.parent

    def report(self, name: str) -> ProjectReport | None:
        """The project's entry for report ``name`` (the first one), or None."""
        return next((r for r in self.reports if r.name == name), None)


# ---------------------------------------------------------------- finding and reading
def find_project(start: str | Path | None = None) -> Path | None:
    """The nearest ``macrodesk.toml`` in ``start`` (default: the current folder) or one of its parents."""
    here = Path.cwd() if start is None else Path(start)
    here = here.resolve()
    for d in (here, *here.parents):
        p = d / FILENAME
        if p.is_file():
            return p
    return None


def load_project(path: str | Path) -> Project:
    """Read and validate the project file at ``path`` (InputFileError naming the file and key)."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputFileError(f"cannot read the project file: {exc.strerror or exc}", file=str(p)) from None
    return parse_project(text, p)


def parse_project(text: str, file: str | Path) -> Project:
    """Validate the TOML ``text`` of the project file ``file`` (relative paths resolve against its folder)."""
    from macrodesk.analyses import REPORTS

    f = Path(file)
    where = str(f)

    def err(key: str, message: str) -> InputFileError:
        return InputFileError(f"key '{key}': {message}" if key else message, file=where)

    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputFileError(f"not valid TOML: {exc}", file=where) from None
    _no_unknown(doc, _TOP_KEYS, "", err)
    root = f.resolve().parent
    store = _store(doc.get("store", "store.duckdb"), root, err)
    sources = _strings(doc.get("sources", []), "sources", err)
    if len(set(sources)) != len(sources):
        raise err("sources", "lists a source twice")

    cache = doc.get("cache", {})
    if not isinstance(cache, dict):
        raise err("cache", f"must be a table ([cache]), got {_tname(cache)}")
    _no_unknown(cache, _CACHE_KEYS, "cache.", err)
    enabled = cache.get("enabled", True)
    if not isinstance(enabled, bool):
        raise err("cache.enabled", f"must be true or false, got {_tname(enabled)}")
    cache_dir = _path(cache["dir"], "cache.dir", root, err) if "dir" in cache else None
    max_mb = cache.get("max_mb", 512)
    if isinstance(max_mb, bool) or not isinstance(max_mb, int) or max_mb < 1:
        raise err("cache.max_mb", f"must be a whole number of megabytes (1 or more), got {max_mb!r}")

    raw = doc.get("report", [])
    if not isinstance(raw, list) or not all(isinstance(r, dict) for r in raw):
        raise err("report", "must be an array of tables ([[report]] blocks)")
    reports = []
    for i, r in enumerate(raw, start=1):
        k = f"report[{i}]"
        _no_unknown(r, _REPORT_KEYS, f"{k}.", err)
        name = r.get("name")
        if not isinstance(name, str):
            raise err(f"{k}.name", "is required: the report name, e.g. \"inflation-outlook\"")
        if name not in REPORTS:
            raise err(f"{k}.name", f"unknown report '{name}'; available: {', '.join(REPORTS)}")
        as_of = r.get("as_of", "latest")
        if not isinstance(as_of, str) or not (as_of == "latest" or _MONTH.match(as_of)):
            raise err(f"{k}.as_of", f"must be \"latest\" or a month like \"2025-12\", got {as_of!r}")
        out = _path(r.get("out", f"reports/{name}"), f"{k}.out", root, err)
        langs = _choices(r.get("lang", ["zh"]), f"{k}.lang", _LANGS, err)
        formats = _choices(r.get("formats", list(_FORMATS)), f"{k}.formats", _KNOWN_FORMATS, err)
        reports.append(ProjectReport(name, out, None if as_of == "latest" else as_of, langs, formats))
    outs = [(r.out, b) for r in reports for b in map(r.basename, r.langs)]
    dup = next((o for o in outs if outs.count(o) > 1), None)
    if dup is not None:
        raise err("report", f"two reports write '{dup[1]}' into the same folder '{dup[0]}'; give one an 'out'")
    style = _path(doc["style"], "style", root, err) if "style" in doc else None
    return Project(f.resolve(), store, tuple(reports), sources, enabled, cache_dir, max_mb, style=style)


def _tname(v: Any) -> str:
    return {str: "a string", int: "a number", float: "a number", bool: "true/false", list: "a list",
            dict: "a table"}.get(type(v), type(v).__name__)


def _no_unknown(table: Mapping[str, Any], allowed: Iterable[str], prefix: str, err: Any) -> None:
    allowed = tuple(allowed)
    for key in table:
        if key not in allowed:
            raise err(f"{prefix}{key}", f"unknown key; allowed here: {', '.join(allowed)}")


def _store(v: Any, root: Path, err: Any) -> Path | str:
    """The project's store: a ``postgresql://`` URL as written, else a path (relative to the project folder)."""
    from macrodesk.series.store_backends import is_url

    if isinstance(v, str) and is_url(v):
        return v.strip()
    return _path(v, "store", root, err)


def _path(v: Any, key: str, root: Path, err: Any) -> Path:
    if not isinstance(v, str) or not v.strip():
        raise err(key, f"must be a path (a string), got {_tname(v)}")
    p = Path(v).expanduser()
    return p if p.is_absolute() else root / p


def _strings(v: Any, key: str, err: Any) -> tuple[str, ...]:
    if not isinstance(v, list) or not all(isinstance(x, str) and x.strip() for x in v):
        raise err(key, f"must be a list of names (strings), got {v!r}")
    return tuple(x.strip() for x in v)


def _choices(v: Any, key: str, allowed: tuple[str, ...], err: Any) -> tuple[str, ...]:
    vals = [v] if isinstance(v, str) else v
    if not isinstance(vals, list) or not vals or not all(isinstance(x, str) for x in vals):
        raise err(key, f"must be one of {', '.join(allowed)} or a list of them, got {v!r}")
    bad = [x for x in vals if x not in allowed]
    if bad:
        raise err(key, f"unknown value '{bad[0]}'; choose from {', '.join(allowed)}")
    return tuple(dict.fromkeys(vals))


# ---------------------------------------------------------------- writing
def _q(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def project_text(store: str, reports: Iterable[tuple[str, str] | tuple[str, str, str | None]], *,
                 langs: Iterable[str] = ("zh",), formats: Iterable[str] = _FORMATS, sources: Iterable[str] = ()) -> str:
    """The text of a commented ``macrodesk.toml``; ``reports`` are ``(name, out folder[, as_of])`` tuples."""
    lang_list = ", ".join(map(_q, langs))
    fmt_list = ", ".join(map(_q, formats))
    lines = [
        "# macrodesk project file: the commands run in this folder (or below it) use these settings.",
        "# Paths are relative to this file. `macrodesk report` with no name builds every [[report]].",
        "",
        "# The store; --store and $MACRODESK_STORE still win over it.",
        f"store = {_q(store)}",
        "",
        "# Data sources to fetch (kept for `macrodesk update --fetch`).",
        f"sources = [{', '.join(map(_q, sources))}]",
        "",
        "# Results cache: expensive model results and built reports, keyed by their exact inputs.",
        "[cache]",
        "enabled = true",
        "max_mb = 512",
        "# dir = \"cache\"   # default: <store>.cache beside the store",
    ]
    for entry in reports:
        name, out = entry[0], entry[1]
        as_of = entry[2] if len(entry) > 2 else None
        lines += [
            "",
            "[[report]]",
            f"name = {_q(name)}",
            f"as_of = {_q(as_of)}" if as_of else "as_of = \"latest\"   # or a month like \"2025-12\"",
            f"out = {_q(out)}",
            f"lang = [{lang_list}]",
            f"formats = [{fmt_list}]",
        ]
    return "\n".join(lines) + "\n"


def write_project(folder: str | Path, text: str, *, overwrite: bool = False) -> Path:
    """Write ``text`` (validated first) as ``folder/macrodesk.toml``; InputFileError if it exists and not ``overwrite``."""
    d = Path(folder)
    p = d / FILENAME
    if p.exists() and not overwrite:
        raise InputFileError("a project file is already there (use --force to replace it)", file=str(p))
    parse_project(text, p)
    try:
        d.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise InputFileError(f"cannot write the project file: {exc.strerror or exc}", file=str(p)) from None
    return p


# ---------------------------------------------------------------- what the project keeps beside the store
def load_state(project: Project) -> dict[str, Any]:
    """``.macrodesk/state.json`` of the project (``{"reports": {slot: {name, lang, key, as_of, built_at}}}``);
    an empty dict when there is none or it cannot be read."""
    import json

    try:
        data = json.loads((project.root / STATE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) and isinstance(data.get("reports"), dict) else {}


def results_cache(store: str | Path, project: Project | None = None, *, disabled: bool = False) -> Any:
    """The results cache for ``store`` (a :class:`~macrodesk.cache.ResultsCache`), or None when switched off.

    ``$MACRODESK_CACHE`` = ``off`` switches it off and any other value is the cache folder;
    else ``project``'s ``[cache]`` (when the store is the project's); else
    ``<store>.cache`` beside the store. A folder that cannot be written makes it a no-op.
    """
    import os

    from macrodesk.cache import DEFAULT_MAX_BYTES, ResultsCache

    if disabled:
        return None
    env = os.environ.get("MACRODESK_CACHE", "").strip()
    if env.lower() in ("off", "0", "no", "false"):
        return None
    if env:
        return ResultsCache(Path(env).expanduser())
    if project is not None and _same_store(store, project.store):
        if not project.cache_enabled:
            return None
        folder = project.cache_dir or _beside(project.store)
        return ResultsCache(folder, project.cache_max_mb * 1024 * 1024)
    return ResultsCache(_beside(store), DEFAULT_MAX_BYTES)


def _same_store(a: str | Path, b: str | Path) -> bool:
    from macrodesk.series.store_backends import is_url

    if is_url(a) or is_url(b):
        return str(a).strip() == str(b).strip()
    return Path(a).resolve() == Path(b).resolve()


def _beside(store: str | Path) -> Path:
    """``<store>.cache`` beside a store file; for a PostgreSQL store a folder in the user cache directory
    named by a hash of the URL without its password (the database is shared, the cache is per machine)."""
    from macrodesk.series.store_backends import display, is_url

    if is_url(store):
        import hashlib

        import platformdirs

        digest = hashlib.sha256(display(store).encode()).hexdigest()[:16]
        return Path(platformdirs.user_cache_dir("macrodesk", appauthor=False)) / f"postgresql-{digest}"
    return Path(str(store) + ".cache")
