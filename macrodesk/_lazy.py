"""Lazy package exports (PEP 562), so ``macrodesk --help`` does not import matplotlib or statsmodels."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any


def lazy_exports(package: str, exports: Mapping[str, str], namespace: dict[str, Any]) -> tuple[Callable, Callable]:
    """``(__getattr__, __dir__)`` for ``package`` that import ``name`` from ``package.<module>`` on first use.

    ``exports`` maps an exported name to the submodule (relative to ``package``) defining it;
    the value is cached in ``namespace`` (the package's globals) after the first lookup.
    """

    def __getattr__(name: str) -> Any:
        module = exports.get(name)
        if module is None:
            raise AttributeError(f"module '{package}' has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{module}"), name)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted(set(namespace) | set(exports))

    return __getattr__, __dir__
