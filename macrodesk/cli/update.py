"""``macrodesk update [FILES…] [--fetch]``: import the new release, say what is new, rebuild only what it changed.

Runs in a project folder (``macrodesk.toml``, see ``macrodesk init``):

1. reads FILES (formats detected as by ``data import``) and, with ``--fetch``, the project's
   ``sources``; writes them to the project's store in one transaction;
2. prints each new print (period, value, prior, consensus and surprise where a
   ``<id>_consensus`` is stored) and each revision (old value and vintage → new);
3. for each report of the project (and each of its languages) computes the key of its
   inputs (the values it reads up to its month with their release days, what it prints of each
   series' metadata — not the file a value came from —, the options and the code) without
   building it, and rebuilds it only when that key differs from the one recorded at its
   last ``update`` (in ``.macrodesk/state.json`` beside the project file) or a file it
   writes is missing; each report's inputs that end before its month (stale, by
   :func:`macrodesk.series.freshness.freshness`) are listed with it.

The summary is printed in Chinese (``--lang en``: English); ``--json`` gives the same, language-free.

Without FILES and ``--fetch`` it only brings the reports up to date. A bad file stops
everything before the store is written; nothing is rebuilt.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from macrodesk.cli._builds import _built_entry, _check, _load_state, _reads, _save_state
from macrodesk.cli._common import JsonOpt, check_lang, console, current_project, fail, note, print_json
from macrodesk.project import STATE_FILE

__all__ = ["update", "STATE_FILE"]


def update(
    paths: Annotated[Optional[list[Path]], typer.Argument(
        help="Release files (.csv, .csv.gz, .xlsx, .xls) or folders; each file's format is read from its content.")] = None,
    fetch: Annotated[bool, typer.Option("--fetch", help="Also fetch the project file's sources.")] = False,
    mapping: Annotated[Optional[Path], typer.Option(
        "--map", help="TOML file mapping vendor codes to your own ids and units (as data import).")] = None,
    layout: Annotated[Optional[Path], typer.Option(
        "--layout", help="TOML layout of a generic wide table (as data import).")] = None,
    fmt: Annotated[Optional[str], typer.Option(
        "--format", help="Force the files' format: csv, nbs, customs, edb or wide (as data import).")] = None,
    lang: Annotated[str, typer.Option("--lang", help="Language of the summary printed: zh or en.")] = "zh",
    dry_run: Annotated[bool, typer.Option(
        "--dry-run", help="Show what is new and which reports read it; write nothing, build nothing.")] = False,
    as_json: JsonOpt = False,
) -> None:
    """Import the new data (or fetch it), print what is new, rebuild only the reports it changed."""
    from macrodesk.cli._common import resolve_store

    t0 = time.perf_counter()
    lang = check_lang(lang)
    project = current_project()
    if project is None:
        fail("update works in a project folder: no macrodesk.toml here or in a parent folder "
             "(run macrodesk init to make one)")
    store_path = resolve_store(None)
    series = _read(project, paths or [], fetch, mapping, layout, fmt, quiet=as_json, lang=lang)
    summary_d, news = _import(store_path, series, paths or [], dry_run)
    reports = _reports(project, store_path, news, dry_run, quiet=as_json)
    total = round(time.perf_counter() - t0, 3)
    if as_json:
        print_json({"store": _shown(store_path), "dry_run": dry_run, "import": summary_d, "news": news.to_dict(),
                    "reports": reports, "seconds": total})
        return
    _print(news, reports, lang, dry_run, imported=bool(series), seconds=total)


# ---------------------------------------------------------------- 1. read and write
def _read(project: Any, paths: list[Path], fetch: bool, mapping: Optional[Path], layout: Optional[Path],
          fmt: Optional[str], quiet: bool, lang: str = "zh") -> list[Any]:
    series: list[Any] = []
    if paths:
        from macrodesk.importers import read_paths

        mp = None
        if mapping is not None:
            from macrodesk.importers.mapping import load_mapping

            mp = load_mapping(mapping)
        series = list(read_paths(paths, mapping=mp, layout=layout, format=fmt))
    elif mapping is not None or layout is not None or fmt is not None:
        fail("--map, --layout and --format apply to FILES; give the files to import")
    if fetch:
        if not project.sources:
            fail(f"--fetch: the project file '{project.file}' lists no sources (sources = [\"akshare\"])")
        from macrodesk.importers import merge_series, read_source_frame
        from macrodesk.sources import get
        from macrodesk.text import tr

        for name in project.sources:
            src = get(name)
            if not quiet:
                note(tr(f"正在获取 {src.name}", f"fetching {src.name}", lang))
            frame = src.fetch(None, None, None)
            if not frame.empty:
                series += read_source_frame(frame, src.name)
        series = list(merge_series(series))
    return series


def _import(store_path: Path | str, series: list[Any], paths: list[Path], dry_run: bool) -> tuple[Optional[dict], Any]:
    from macrodesk.series.news import News, news
    from macrodesk.series.store import Store
    from macrodesk.series.store_backends import exists

    if not series:
        return None, News()
    if dry_run:
        if not exists(store_path):
            with Store.in_memory() as st:
                diff = st.diff(series)
                return diff.to_dict()["totals"], news(diff, st)
        with Store(store_path, read_only=True) as st:
            diff = st.diff(series)
            return diff.to_dict()["totals"], news(diff, st)
    label = "update " + " ".join(str(p) for p in paths) if paths else "update --fetch"
    with Store(store_path) as st:
        summary = st.write(series, label=label.strip())
        return summary.to_dict(), news(summary.diff, st)


# ---------------------------------------------------------------- 2. which reports to rebuild
def _reports(project: Any, store_path: Path | str, news: Any, dry_run: bool, quiet: bool) -> list[dict[str, Any]]:
    from macrodesk.cli._common import open_store, results_cache
    from macrodesk.cli.report import _build

    from macrodesk.series.store_backends import display, exists

    if not project.reports:
        return []
    if not exists(store_path):
        fail(f"store '{display(store_path)}' does not exist; give the files to import (macrodesk update FILES…)")
    out: list[dict[str, Any]] = []
    if dry_run:
        changed = news.series_ids
        for r in project.reports:
            hit = sorted(changed & _reads(r.name))
            out.append({"name": r.name, "status": "would rebuild" if hit else "unchanged inputs", "reads": hit})
        return out
    state = _load_state(project)
    built = state.setdefault("reports", {})
    rcache = results_cache(store_path)
    from macrodesk.reports.style import load_style

    house = load_style(project.style) if project.style is not None else None
    with open_store(store_path, read_only=True) as st:
        for r in project.reports:
            for lg in r.langs:
                t = time.perf_counter()
                last = built.get(f"{r.out}/{r.basename(lg)}", {})
                c = _check(r, lg, st, house, last)
                base, slot, files, mark, key, stale = c["base"], c["slot"], c["files"], c["mark"], c["key"], c["stale"]
                check = round(time.perf_counter() - t, 4)
                fresh = last.get("key") == key and all(p.exists() for p in files.values())
                row: dict[str, Any] = {"name": r.name, "lang": lg, "basename": base, "as_of": str(c["as_of"]),
                                       "check_seconds": check, "files": {k: str(v) for k, v in files.items()},
                                       "stale": stale}
                if fresh:
                    row["status"] = "up to date"
                    if last.get("mark") != mark or last.get("stale") != stale:
                        built[slot] = {**last, "mark": mark, "stale": stale}
                        _save_state(project, state)
                else:
                    t = time.perf_counter()
                    _build(r.name, st, r.as_of, r.out, r.formats, lg, quiet=True, basename=base, rcache=rcache,
                           style=house)
                    row["status"] = "rebuilt"
                    row["reason"] = "no record of a build" if not last else (
                        "inputs or code changed" if last.get("key") != key else "output missing")
                    row["build_seconds"] = round(time.perf_counter() - t, 3)
                    built[slot] = _built_entry(r, lg, c)
                    _save_state(project, state)
                out.append(row)
    return out


def _lagging(row: dict[str, Any], lang: str) -> str:
    """A report's stale inputs in words, by the month they end (:meth:`Staleness.lagging`)."""
    import pandas as pd

    from macrodesk.reports.views.freshness import Staleness

    stale = [s for s in row.get("stale", []) if s.get("last_period")]
    if not stale:
        return ""
    status = pd.DataFrame([{**s, "last_period": pd.Period(s["last_period"]), "stale": True, "allowed": 0}
                           for s in stale])
    return Staleness(status, row["as_of"], lang).lagging(most=4)


#: The reasons a report is rebuilt (as in ``--json``) and the dry run's statuses, in words.
_WORDS: dict[str, tuple[str, str]] = {
    "no record of a build": ("尚无生成记录", "no record of a build"),
    "inputs or code changed": ("输入或代码有变", "inputs or code changed"),
    "output missing": ("输出文件缺失", "output missing"),
    "would rebuild": ("将重建", "would rebuild"),
    "unchanged inputs": ("输入未变", "unchanged inputs"),
}


def _word(key: str, lang: str) -> str:
    from macrodesk.text import tr

    zh, en = _WORDS.get(key, (key, key))
    return tr(zh, en, lang)


# ---------------------------------------------------------------- 3. printing
def _name(p: Any, lang: str) -> str:
    from macrodesk.text import tr

    return tr(p.name_zh, p.name_en, lang) or p.name_en or p.name_zh or p.series_id


def _print(news: Any, reports: list[dict[str, Any]], lang: str, dry_run: bool, imported: bool,
           seconds: float) -> None:
    from macrodesk.text import tr
    from macrodesk.text.format import num

    con = console()
    if imported and not news.changed:
        con.print(tr("无变化：所有数值均已入库。", "No changes: every value is already stored.", lang))
    if news.prints:
        con.print(tr("新数据：", "New prints:", lang))
        for p in news.prints:
            parts = []
            if p.prior_value is not None:
                parts.append(tr("前值 ", "prior ", lang) + _g(p.prior_value))
            if p.consensus is not None:
                parts.append(tr("预期 ", "consensus ", lang) + _g(p.consensus))
                parts.append(tr("超预期 ", "surprise ", lang) + num(p.surprise, 2, signed=True))
            extra = f" ({', '.join(parts)})" if parts else ""
            rel = tr(f"，{p.released} 发布", f", released {p.released}", lang) if p.released else ""
            con.print(f"  {_name(p, lang)} {p.period}: {_g(p.value)}{extra}{rel}")
    if news.revisions:
        con.print(tr("修订：", "Revisions:", lang))
        for r in news.revisions:
            con.print(f"  {_name(r, lang)} {r.period}: {_g(r.old_value)} (v{r.old_vintage}) → {_g(r.new_value)}")
    if news.new_series:
        con.print(tr("新序列：", "New series:", lang) + " " + ", ".join(news.new_series))
    if dry_run:
        con.print(tr("试运行：未写入、未生成报告。", "Dry run: nothing written, nothing built.", lang))
    for row in reports:
        if dry_run:
            reads = tr(f"（{'、'.join(row['reads'])}）", f" ({', '.join(row['reads'])})", lang) if row["reads"] else ""
            con.print(f"  {row['name']}: {_word(row['status'], lang)}{reads}")
            continue
        label = row["basename"]
        if row["status"] == "rebuilt":
            why = _word(row["reason"], lang)
            con.print(tr(f"已重建 {label}（截至 {row['as_of']}，{why}）",
                         f"rebuilt {label} (data to {row['as_of']}; {why})", lang))
        else:
            con.print(tr(f"无需更新 {label}（截至 {row['as_of']}）", f"up to date {label} (data to {row['as_of']})", lang))
        lagging = _lagging(row, lang)
        if lagging:
            con.print(tr(f"  滞后数据：{lagging}", f"  stale inputs: {lagging}", lang), markup=False)
    if not reports and not dry_run:
        con.print(tr("项目文件未列出报告。", "The project file lists no reports.", lang))
    con.print(tr(f"用时 {seconds:.2f} 秒", f"{seconds:.2f} s", lang))


def _g(x: float) -> str:
    return f"{x:g}"


def _shown(store_path: Path | str) -> str:
    from macrodesk.series.store_backends import display

    return display(store_path)
