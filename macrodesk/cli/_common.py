"""Options and output helpers shared by the ``macrodesk`` command and its sub-apps."""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

__all__ = ["StoreOpt", "JsonOpt", "LangOpt", "console", "print_json", "open_store", "check_lang"]

StoreOpt = Annotated[
    Optional[Path],
    typer.Option("--store", help="Store file (default: $MACRODESK_STORE or the user data directory)."),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print machine-readable JSON (rates in percent).")]
LangOpt = Annotated[str, typer.Option("--lang", help="Label language: zh or en.")]


def console(stderr: bool = False):
    """A rich console (to stderr for progress and errors)."""
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=True)


def _json_default(o: Any) -> Any:
    import numpy as np
    import pandas as pd

    if isinstance(o, np.floating):
        return None if math.isnan(float(o)) else float(o)
    if isinstance(o, np.integer):
        return int(o)
    if isinstance(o, (pd.Timestamp, pd.Period)):
        return str(o)
    return str(o)


def print_json(obj: Any) -> None:
    """JSON to stdout, Chinese kept readable, numpy/pandas scalars converted."""
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=2, default=_json_default) + "\n")


def open_store(path: Optional[Path], read_only: bool = False):
    """The store at ``path`` (default: ``$MACRODESK_STORE`` or the user data directory)."""
    from macrodesk.series.store import Store

    return Store(path, read_only=read_only)


def check_lang(lang: str) -> str:
    """``lang`` if supported, else a ReportError listing the supported languages."""
    from macrodesk.text.labels import check_lang as _check

    return _check(lang)
