"""Benchmark: the store on DuckDB and on PostgreSQL (import, query), and a backtest grid on 1 and 2 jobs.

Data: the bundled real sample (``macrodesk.datasets.load()``: every series, all of its history).

Store, each backend in the same run (DuckDB: a new file in a temp folder; PostgreSQL: a new
schema on the server given by --postgres URL, else on a throw-away server started here with
Debian's postgresql binaries, Unix socket only, fsync off):

  import        Store.write of the whole sample into an empty store (one transaction)
  re-import     the same again: a no-op diff of every value
  get_many      every series, latest values
  known_on      every series as published on 2022-12-31 (point-in-time read)
  list          the listing (one row per series)
  copy          macrodesk store copy into the other backend (DuckDB -> PostgreSQL, PostgreSQL -> DuckDB)

Backtest grid: {bridge, dfm} × {cpi_yoy, ppi_yoy} × {2015-2018, 2019-2022} (8 cells, 384 real-time
nowcasts; the bridge cells take well under a second each, the factor-model cells several seconds, so the
grid is big enough for a second worker to pay for its start-up) on the sample as a dict, jobs=1 then jobs=2 (joblib worker processes); the results are
checked to be identical. Figures are best of --repeats (the grid: once each).

Run:  python benchmarks/bench_store.py [--repeats 3] [--postgres postgresql://user@host/db] [--no-grid]
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))
sys.path.insert(1, str(ROOT.parent))
from _common import best_of, print_machine_info, print_table, secs  # noqa: E402


@contextlib.contextmanager
def _server(url: str | None):
    if url:
        yield url
        return
    from tests.pgserver import temporary_server

    with temporary_server() as u:
        yield u


def _schema(server: str) -> str:
    import psycopg

    from tests.pgserver import schema_url

    name = "bench_" + uuid.uuid4().hex[:10]
    with psycopg.connect(server, autocommit=True) as con:
        con.execute(f"CREATE SCHEMA {name}")
    return schema_url(server, name)


def bench_store(repeats: int, pg: str | None) -> None:
    from macrodesk.datasets import load
    from macrodesk.importers import merge_series
    from macrodesk.series.store import Store
    from macrodesk.series.store_copy import copy_store, dump

    series = merge_series(load())
    ids = [s.id for s in series]
    n_obs = sum(len(s.observations()) for s in series)
    print(f"sample: {len(series)} series, {n_obs:,} observations\n")
    tmp = Path(tempfile.mkdtemp(prefix="bench-store-"))
    with _server(pg) as server:
        results: dict[str, dict[str, float]] = {}

        def where(kind: str) -> str | Path:
            return tmp / f"{uuid.uuid4().hex[:8]}.duckdb" if kind == "duckdb" else _schema(server)

        stores = {}
        for kind in ("duckdb", "postgresql"):
            r: dict[str, float] = {}

            def fresh_import(kind=kind):
                with Store(where(kind)) as st:
                    t0 = time.perf_counter()
                    st.write(series, label="sample")
                    return time.perf_counter() - t0

            r["import"] = min(fresh_import() for _ in range(repeats))
            st = Store(where(kind))
            st.write(series, label="sample")
            stores[kind] = st
            r["re-import"] = best_of(lambda: st.write(series, label="again"), repeats)[0]
            r["get_many"] = best_of(lambda: st.get_many(ids), repeats)[0]
            r["known_on"] = best_of(lambda: st.get_many(ids, known_on="2022-12-31"), repeats)[0]
            r["list"] = best_of(lambda: st.list(), repeats)[0]
            results[kind] = r
        for src, dst in (("duckdb", "postgresql"), ("postgresql", "duckdb")):
            def one(src=src, dst=dst):
                with Store(where(dst)) as target:
                    t0 = time.perf_counter()
                    copy_store(stores[src], target)
                    t = time.perf_counter() - t0
                    assert dump(target) == dump(stores[src])
                    return t
            results[src]["copy"] = min(one() for _ in range(repeats))
        for st in stores.values():
            st.close()
    rows = []
    for op in ("import", "re-import", "get_many", "known_on", "list", "copy"):
        d, p = results["duckdb"][op], results["postgresql"][op]
        rows.append([op, secs(d), secs(p), f"{p / d:.2f}"])
    print_table(["operation", "DuckDB s", "PostgreSQL s", "PostgreSQL / DuckDB"], rows)
    print("(copy: from that backend into the other, checked row for row)\n")


def bench_grid() -> None:
    from macrodesk.datasets import load
    from macrodesk.importers import merge_series
    from macrodesk.models.nowcast import GridCell, backtest_grid

    data = {s.id: s for s in merge_series(load())}
    cells = [GridCell(m, t, a, b) for m in ("bridge", "dfm") for t in ("cpi_yoy", "ppi_yoy")
             for a, b in (("2015-01", "2018-12"), ("2019-01", "2022-12"))]
    times, out = {}, {}
    for jobs in (1, 2):
        t0 = time.perf_counter()
        out[jobs] = backtest_grid(data, cells, jobs=jobs)
        times[jobs] = time.perf_counter() - t0
    same = [a.to_json() for a in out[1]] == [b.to_json() for b in out[2]]
    months = sum(len(r.rows) for r in out[1])
    print_table(["backtest grid", "cells", "nowcasts", "wall s", "speed-up vs 1 job"],
                [[f"{j} job{'s' if j > 1 else ''}", len(cells), months, secs(times[j]), f"{times[1] / times[j]:.2f}"]
                 for j in (1, 2)])
    print(f"results identical to the serial run: {same}")
    if not same:
        raise SystemExit("the parallel grid differs from the serial one")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--postgres", default=None, help="a server URL (default: start a throw-away server)")
    ap.add_argument("--no-grid", action="store_true")
    a = ap.parse_args()
    print_machine_info("bench_store: DuckDB vs PostgreSQL store; backtest grid on 1 and 2 jobs",
                       ["duckdb", "psycopg", "joblib", "pandas"])
    bench_store(a.repeats, a.postgres)
    if not a.no_grid:
        bench_grid()


if __name__ == "__main__":
    main()
