"""PostgreSQL beside DuckDB: lossless copies both ways, two writers at once, readers never blocked, URLs.

Real values: China CPI YoY (NBS, percent) 2025-09..12 = -0.3, 0.2, 0.7, 0.8, first printed for
November as 0.6 in the revision case below; PPI YoY 2025-09..12 = -2.3, -2.1, -2.2, -1.9
(shared data cpi.csv, ppi.csv); NBS release days 2025-10-15, 2025-11-09, 2025-12-10, 2026-01-09.
"""

from __future__ import annotations

import datetime as dt
import threading

import pytest

from macrodesk.exceptions import StoreError
from macrodesk.series import SeriesMeta
from macrodesk.series.store import Store
from macrodesk.series.store_backends import display, is_url, location
from macrodesk.series.store_copy import copy_store, dump

# the published prints the store-edit tests use (NBS: CPI/PPI YoY Sep–Dec 2025, with release days)
from .test_store_edit import CPI, CPI_VALUES, MONTHS, PPI, PPI_VALUES, RELEASED, series  # noqa: E402


def fill(st: Store) -> None:
    """Three imports: a first print, a revision with release dates, a wrong import that is undone."""
    st.write([series(CPI, MONTHS[:3], [-0.3, 0.2, 0.6])], label="cpi to Nov")
    st.write([series(CPI, MONTHS, CPI_VALUES, RELEASED), series(PPI, MONTHS, PPI_VALUES)], label="Dec release")
    st.write([series(PPI.replace(name_en="PPI y/y"), MONTHS[-1:], [-1.8])], label="wrong")
    st.undo(3)


def test_urls_are_kept_as_text_and_passwords_are_masked(tmp_path):
    url = "postgresql://analyst:s3cret@db.example:5432/macro"
    assert is_url(url) and location(url) == url and location(str(tmp_path / "a.duckdb")) == tmp_path / "a.duckdb"
    assert display(url) == "postgresql://analyst:***@db.example:5432/macro"
    assert display("postgresql://analyst@db/macro") == "postgresql://analyst@db/macro"
    assert not is_url("postgresql.duckdb")


def test_a_server_that_cannot_be_reached_is_one_clear_error(tmp_path):
    url = f"postgresql://nobody:pw@/nodb?host={tmp_path}&port=1"  # no server on that socket
    with pytest.raises(StoreError, match=r"cannot open store 'postgresql://nobody:\*\*\*@/nodb.*"):
        Store(url)


def test_copy_duckdb_to_postgresql_and_back_is_lossless(tmp_path, pg_url):
    with Store(tmp_path / "a.duckdb") as a:
        fill(a)
        want = dump(a)
        with Store(pg_url) as pg:
            assert copy_store(a, pg) == {"series": 2, "vintages": 3, "observations": 9}  # 3 + 2 (Nov revised, Dec) + 4 PPI; the undone row is gone
            assert dump(pg) == want
            # the copy reads like the original: latest values, as-of reads, point-in-time reads
            assert pg.get("cpi_yoy").data.tolist() == CPI_VALUES
            assert pg.get("cpi_yoy", vintage=1).data.tolist() == [-0.3, 0.2, 0.6]
            assert pg.get("cpi_yoy", known_on="2025-12-10").data.tolist() == [-0.3, 0.2, 0.7]
            assert pg.get("ppi_yoy").data.tolist() == PPI_VALUES and pg.meta("ppi_yoy").name_en == "PPI y/y"  # names are not versioned
            assert pg.last_vintage() == 2 and pg.vintages()["label"].tolist()[-1] == "[undone] wrong"
            assert pg.list().drop(columns="vintage").equals(a.list().drop(columns="vintage"))
            with Store(tmp_path / "b.duckdb") as b:
                copy_store(pg, b)
                assert dump(b) == want
            with pytest.raises(StoreError, match="is not empty"):
                copy_store(a, pg)


def test_the_cli_copies_both_ways_and_refuses_a_full_target(cli, tmp_path, pg_url):
    with Store(tmp_path / "a.duckdb") as a:
        fill(a)
        want = dump(a)
    code, out, err = cli("store", "copy", str(tmp_path / "a.duckdb"), pg_url)
    assert code == 0, err
    assert "Copied 2 series, 3 vintages and 9 stored values" in out
    assert cli("store", "copy", pg_url, str(tmp_path / "b.duckdb"))[0] == 0
    with Store(tmp_path / "b.duckdb", read_only=True) as b:
        assert dump(b) == want
    code, out, err = cli("store", "copy", str(tmp_path / "a.duckdb"), pg_url)
    assert code == 2 and "is not empty (2 series, 3 vintages)" in err and "Traceback" not in err
    code, out, err = cli("data", "show", "cpi_yoy", "--store", pg_url, "--json")
    assert code == 0, err


def test_two_writers_at_once_lose_nothing(pg_url):
    """Two analysts import into one database at the same time: every import is a vintage, none is lost."""
    with Store(pg_url):
        pass  # create the tables once
    n = 4
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    def writer(meta: SeriesMeta, values: list[float]) -> None:
        try:
            with Store(pg_url) as st:
                start.wait()
                for i in range(n):  # month i+1 each time, plus a revision of month 1 (value + i/10)
                    months = MONTHS[: i + 1]
                    vals = [values[0] + i / 10] + values[1: i + 1]
                    st.write([series(meta, months, vals)], label=f"{meta.id} {i}")
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(CPI, CPI_VALUES)),
               threading.Thread(target=writer, args=(PPI, PPI_VALUES))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors, errors
    with Store(pg_url, read_only=True) as st:
        v = st.vintages()
        assert v["vintage"].tolist() == list(range(1, 2 * n + 1))  # 8 imports, 8 consecutive vintages
        assert sorted(v["label"]) == sorted([f"cpi_yoy {i}" for i in range(n)] + [f"ppi_yoy {i}" for i in range(n)])
        assert st.get("cpi_yoy").data.round(10).tolist() == [0.0, 0.2, 0.7, 0.8]  # -0.3 + 3/10
        assert st.get("ppi_yoy").data.round(10).tolist() == [-2.0, -2.1, -2.2, -1.9]  # -2.3 + 3/10
        # each series: month 1 stored 4 times (first print + 3 revisions), months 2-4 once each
        assert len(st.history("cpi_yoy")) == 7 and len(st.history("ppi_yoy")) == 7


def test_a_reader_is_not_blocked_by_an_open_write(pg_url):
    with Store(pg_url) as w:
        w.write([series(CPI, MONTHS[:3], CPI_VALUES[:3])])
        w.con.begin()  # a long import in progress
        w.con.execute("DELETE FROM observations")
        with Store(pg_url, read_only=True) as r:
            t = dt.datetime.now()
            assert r.get("cpi_yoy").data.tolist() == CPI_VALUES[:3]  # the committed state, at once
            assert (dt.datetime.now() - t).total_seconds() < 5
            with pytest.raises(r.con.Error, match="read-only"):
                r.con.execute("DELETE FROM vintages")
        w.con.execute("ROLLBACK")
        assert len(w.get("cpi_yoy")) == 3


def test_a_project_file_can_name_a_postgresql_store(tmp_path):
    from macrodesk.project import load_project, results_cache

    (tmp_path / "macrodesk.toml").write_text('store = "postgresql://analyst@db.example/macro"\n', encoding="utf-8")
    p = load_project(tmp_path / "macrodesk.toml")
    assert p.store == "postgresql://analyst@db.example/macro"
    rc = results_cache(p.store, p)
    assert rc is not None and rc.directory.name.startswith("postgresql-")
