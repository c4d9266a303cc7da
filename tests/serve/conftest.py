"""The web desk over the bundled sample: one app per session, a project folder with one report file."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason='the web desk tests need the serve extra: pip install "macrodesk[serve]"')


@pytest.fixture(scope="session")
def desk_project(tmp_path_factory, sample_store_path) -> Path:
    """A project folder naming the sample store, with one report folder holding a Markdown report."""
    root = tmp_path_factory.mktemp("desk")
    (root / "macrodesk.toml").write_text(
        f'store = "{sample_store_path.as_posix()}"\n\n[[report]]\nname = "inflation-review"\n'
        'out = "reports/inflation-review"\nformats = ["md"]\n', encoding="utf-8")
    out = root / "reports" / "inflation-review"
    out.mkdir(parents=True)
    (out / "inflation-review.md").write_text("# 2025年12月通胀数据回顾\n", encoding="utf-8")
    (root / "secret.txt").write_text("outside the report folder\n", encoding="utf-8")
    return root


@pytest.fixture(scope="session")
def desk_app(sample_store_path, desk_project):
    from macrodesk.project import load_project
    from macrodesk.serve import create_app

    return create_app(sample_store_path, load_project(desk_project / "macrodesk.toml"))


@pytest.fixture(scope="session")
def client(desk_app):
    from fastapi.testclient import TestClient

    with TestClient(desk_app, base_url="http://127.0.0.1") as c:
        yield c
