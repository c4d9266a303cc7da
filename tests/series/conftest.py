"""The store tests run on both backends: a DuckDB file and a PostgreSQL schema (skipped without a server)."""

from __future__ import annotations

import pytest

from macrodesk.series.store import Store
from tests.pgserver import pg_server, pg_url  # noqa: F401  (fixtures)


@pytest.fixture(params=["duckdb", "postgresql"])
def store(request, tmp_path):
    """An empty writable store: ``t.duckdb`` in tmp_path, or a fresh schema on the test PostgreSQL server."""
    where = tmp_path / "t.duckdb" if request.param == "duckdb" else request.getfixturevalue("pg_url")
    with Store(where) as st:
        yield st


@pytest.fixture()
def duck_store(tmp_path):
    """An empty DuckDB store at ``tmp_path / 't.duckdb'`` (tests about the file itself)."""
    with Store(tmp_path / "t.duckdb") as st:
        yield st
