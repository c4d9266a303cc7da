"""Count calls of estimation functions wherever a module has imported them (for the compute-once tests)."""

from __future__ import annotations

import contextlib
import sys
from collections import Counter
from collections.abc import Iterator
from unittest import mock


def inflation_estimators() -> list:
    """Every public function of the inflation model family (the review's models included)."""
    import importlib

    import macrodesk.models.inflation as I

    out = []
    for name in I.__all__:
        mod = importlib.import_module(f"macrodesk.models.inflation.{I._EXPORTS[name]}")
        obj = getattr(mod, name)
        if callable(obj) and not isinstance(obj, type):
            out.append(obj)
    return out


@contextlib.contextmanager
def counting(functions: list) -> Iterator[Counter]:
    """Replace each function in every ``macrodesk`` module that holds it by a counting wrapper."""
    calls: Counter = Counter()
    with contextlib.ExitStack() as stack:
        for fn in functions:
            def wrapper(*args, __fn=fn, **kwargs):
                calls[f"{__fn.__module__}.{__fn.__name__}"] += 1
                return __fn(*args, **kwargs)

            for mod in list(sys.modules.values()):
                if mod is None or not getattr(mod, "__name__", "").startswith("macrodesk"):
                    continue
                for attr, value in list(vars(mod).items()):
                    if value is fn:
                        stack.enter_context(mock.patch.object(mod, attr, wrapper))
        yield calls
