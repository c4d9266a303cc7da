"""The web desk (``macrodesk serve``): search, chart and transform series, see what changed, read the
nowcast, try scenarios and open the reports, in a browser on this machine.

A FastAPI app (:func:`create_app`) over one store opened read-only, Jinja2 pages drawing with the
vendored ECharts build (``static/echarts.min.js``, Apache-2.0) and a JSON API under ``/api/``
(its OpenAPI schema at ``/api/openapi.json``, listed at ``/api``). Needs the ``serve`` extra::

    pip install "macrodesk[serve]"
"""

from __future__ import annotations

from typing import Any

__all__ = ["INSTALL_HINT", "create_app", "missing_packages"]

#: What to run when the extra is missing.
INSTALL_HINT = 'pip install "macrodesk[serve]"'
_PACKAGES = ("fastapi", "uvicorn")


def missing_packages() -> list[str]:
    """The packages of the ``serve`` extra that are not installed."""
    import importlib.util

    return [p for p in _PACKAGES if importlib.util.find_spec(p) is None]


def create_app(*args: Any, **kwargs: Any) -> Any:
    """The FastAPI app (:func:`macrodesk.serve.app.create_app`); ReportError with the install hint when
    the ``serve`` extra is missing."""
    missing = missing_packages()
    if missing:
        from macrodesk.exceptions import ReportError

        raise ReportError(f"the web desk needs {', '.join(missing)}: {INSTALL_HINT}")
    from macrodesk.serve.app import create_app as _create

    return _create(*args, **kwargs)
