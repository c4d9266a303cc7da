"""A throw-away PostgreSQL server for the tests (Debian's postgresql binaries, a Unix socket only).

``pg_server`` (once per test process) runs ``initdb`` and ``pg_ctl start`` in a temporary
folder, as the ``postgres`` user when the tests run as root; ``pg_url`` gives each test a
fresh, empty schema on it as a ``postgresql://`` URL. ``$MACRODESK_TEST_POSTGRES`` (a URL)
uses an existing server instead. Without the binaries (or psycopg) the tests that need a
server are skipped with a message saying how to enable them.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from urllib.parse import quote

import pytest

ENABLE = ("install PostgreSQL (apt-get install postgresql) and psycopg (pip install \"macrodesk[postgres]\"), "
          "or set MACRODESK_TEST_POSTGRES to a server URL")


def _bin(name: str) -> str | None:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found[-1] if found else shutil.which(name)


def _as_owner(cmd: list[str], user: str | None) -> list[str]:
    return cmd if user is None else ["runuser", "-u", user, "--", *cmd]


class NoServer(Exception):
    """No PostgreSQL server can be started here (the message says why and how to enable it)."""


@contextlib.contextmanager
def temporary_server() -> Iterator[str]:
    """Run ``initdb`` + ``pg_ctl start`` in a temporary folder (Unix socket only); yields the server's URL."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        raise NoServer(f"psycopg is not installed; {ENABLE}") from None
    initdb, pg_ctl = _bin("initdb"), _bin("pg_ctl")
    if initdb is None or pg_ctl is None:
        raise NoServer(f"no initdb/pg_ctl found; {ENABLE}")
    user = None
    if os.geteuid() == 0:  # initdb refuses to run as root
        import pwd

        try:
            pwd.getpwnam("postgres")
        except KeyError:
            raise NoServer(f"running as root and there is no 'postgres' user; {ENABLE}") from None
        user = "postgres"
    folder = tempfile.mkdtemp(prefix="macrodesk-pg-")
    if user is not None:
        shutil.chown(folder, user)
    data = os.path.join(folder, "data")
    opts = f"-k {folder} -c listen_addresses='' -c fsync=off -c full_page_writes=off -c synchronous_commit=off"
    try:
        subprocess.run(_as_owner([initdb, "-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"],
                                 user), check=True, capture_output=True, timeout=120)
        subprocess.run(_as_owner([pg_ctl, "-D", data, "-o", opts, "-l", os.path.join(folder, "log"), "-w", "start"],
                                 user), check=True, capture_output=True, timeout=120)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as exc:
        shutil.rmtree(folder, ignore_errors=True)
        raise NoServer(f"the test server did not start ({exc}); {ENABLE}") from None
    try:
        yield f"postgresql://postgres@/postgres?host={quote(folder, safe='')}&port=5432"
    finally:
        subprocess.run(_as_owner([pg_ctl, "-D", data, "-m", "immediate", "-W", "stop"], user), capture_output=True,
                       timeout=60)
        shutil.rmtree(folder, ignore_errors=True)


def schema_url(server: str, schema: str) -> str:
    """``server``'s URL with its tables in ``schema`` (the search path)."""
    sep = "&" if "?" in server else "?"
    return f"{server}{sep}options={quote('-csearch_path=' + schema, safe='')}"


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """The URL of a running PostgreSQL server's ``postgres`` database (skips when none can be started)."""
    env = os.environ.get("MACRODESK_TEST_POSTGRES")
    if env:
        yield env
        return
    try:
        with temporary_server() as url:
            yield url
    except NoServer as exc:
        pytest.skip(f"PostgreSQL store tests skipped: {exc}")


@pytest.fixture()
def pg_url(pg_server: str) -> Iterator[str]:
    """A ``postgresql://`` URL whose tables live in a fresh schema of the test server (dropped afterwards)."""
    import psycopg

    schema = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(pg_server, autocommit=True) as con:
        con.execute(f"CREATE SCHEMA {schema}")
    yield schema_url(pg_server, schema)
    with psycopg.connect(pg_server, autocommit=True) as con:
        con.execute(f"DROP SCHEMA {schema} CASCADE")
