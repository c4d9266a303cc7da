"""The record of built reports (``.macrodesk/state.json`` beside the project file) and each build's key.

``update`` compares a report's key with the one recorded at its last build to decide whether to
rebuild it; ``demo`` records the builds it has just made (:func:`record_builds`).
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from macrodesk.cli._common import fail
from macrodesk.project import STATE_FILE

__all__ = ["record_builds"]


def _state_path(project: Any) -> Path:
    return Path(project.root) / STATE_FILE


def _load_state(project: Any) -> dict[str, Any]:
    from macrodesk.project import load_state

    return load_state(project)


def _save_state(project: Any, state: dict[str, Any]) -> None:
    p = _state_path(project)
    try:
        p.parent.mkdir(parents=True, exist_ok=True)
        tmp = p.with_suffix(".tmp")
        tmp.write_text(json.dumps(state, ensure_ascii=False, indent=1), encoding="utf-8")
        tmp.replace(p)
    except OSError as exc:
        fail(f"cannot record the built reports in '{p}': {exc.strerror or exc}")


def _reads(name: str) -> set[str]:
    from macrodesk.analyses import REPORTS

    mod = REPORTS[name].load()
    return set(mod.REQUIRED) | set(mod.OPTIONAL) | set(getattr(mod, "HF_IDS", ()))


def _check(r: Any, lg: str, st: Any, house: Any, last: dict[str, Any]) -> dict[str, Any]:
    """One report build's key, without building it: ``mark`` (the stored rows it reads, its options and
    the code), ``key`` (:func:`~macrodesk.analyses.files.report_check`), its month and stale inputs."""
    from macrodesk import cache
    from macrodesk.analyses.files import report_check

    base = r.basename(lg)
    # what the build depends on, without reading the data: the stored rows of the series the report
    # reads (a digest), its options and the code; unchanged since the last build → the report is up
    # to date without rebuilding its inputs for the full key
    mark = cache.fingerprint("update", cache.code_version(), r.name, r.as_of, list(r.formats), lg, base,
                             house.fingerprint() if house is not None else None, st.digest(_reads(r.name)))
    if last.get("mark") == mark and "key" in last and "stale" in last:
        key, end, stale = last["key"], last.get("as_of"), last["stale"]
    else:
        key, end, status = report_check(r.name, st, r.as_of, r.formats, lg, base, style=house)
        stale = _stale_rows(status)
    return {"base": base, "slot": f"{r.out}/{base}", "files": {f: r.out / f"{base}.{f}" for f in r.formats},
            "mark": mark, "key": key, "as_of": end, "stale": stale}


def _built_entry(r: Any, lg: str, c: dict[str, Any]) -> dict[str, Any]:
    return {"name": r.name, "lang": lg, "key": c["key"], "mark": c["mark"], "as_of": str(c["as_of"]),
            "stale": c["stale"], "built_at": time.strftime("%Y-%m-%dT%H:%M:%S")}


def record_builds(project: Any, store_path: Path | str) -> None:
    """Record every report of ``project`` as just built from ``store_path`` (what ``demo`` does after
    building them), so the first ``update`` finds them up to date instead of rebuilding them all."""
    from macrodesk.cli._common import open_store
    from macrodesk.reports.style import load_style

    house = load_style(project.style) if project.style is not None else None
    state = _load_state(project)
    built = state.setdefault("reports", {})
    with open_store(store_path, read_only=True) as st:
        for r in project.reports:
            for lg in r.langs:
                c = _check(r, lg, st, house, {})
                if all(p.exists() for p in c["files"].values()):
                    built[c["slot"]] = _built_entry(r, lg, c)
    _save_state(project, state)


def _stale_rows(status: Any) -> list[dict[str, Any]]:
    """The stale rows of an input-status table, JSON-ready: id, names, last period ('2024-12'), months behind."""
    import pandas as pd

    rows = []
    for r in status[status["stale"]].to_dict("records"):
        last = r["last_period"]
        if last is None or (not isinstance(last, pd.Period) and pd.isna(last)):
            last_s = None
        else:
            last_s = str(last) if isinstance(last, pd.Period) else pd.Timestamp(last).strftime("%Y-%m-%d")
        behind = r["months_behind"]
        rows.append({"id": str(r["id"]), "name_zh": r.get("name_zh"), "name_en": r.get("name_en"), "last_period": last_s,
                     "months_behind": None if pd.isna(behind) else int(behind)})
    return rows
