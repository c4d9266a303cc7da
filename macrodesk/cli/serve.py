"""``macrodesk serve``: the web desk on this machine (series explorer, what's new, nowcast, scenarios, reports)."""

from __future__ import annotations

from typing import Annotated

import typer

from macrodesk.cli._common import StoreOpt, console, current_project, fail, resolve_store

__all__ = ["serve"]


def serve(
    store: StoreOpt = None,
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
    host: Annotated[str, typer.Option(
        "--host", help="Address to bind (default 127.0.0.1: only this machine can connect).")] = "127.0.0.1",
) -> None:
    """Serve the web desk over the store (opened read-only) at http://127.0.0.1:PORT; Ctrl+C stops it."""
    from macrodesk.serve import INSTALL_HINT, create_app, missing_packages

    missing = missing_packages()
    if missing:
        fail(f"macrodesk serve needs {', '.join(missing)}: {INSTALL_HINT}")
    if not 0 < port < 65536:
        fail(f"--port must be a port number 1-65535; got {port}")
    import uvicorn

    path = resolve_store(store)
    hosts = ("127.0.0.1", "localhost", "::1", "[::1]", host)
    app = create_app(path, current_project(), allowed_hosts=hosts)
    shown = f"[{host}]" if ":" in host else host
    console(stderr=True).print(f"macrodesk web desk: http://{shown}:{port}/  (store {path}, read-only; Ctrl+C stops)")
    import threading

    threading.Thread(target=app.state.desk.warm, name="desk-warm", daemon=True).start()
    uvicorn.run(app, host=host, port=port, log_level="warning")
