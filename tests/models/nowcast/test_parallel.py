"""Backtests on several processes (joblib) and on a local two-worker Dask cluster equal the serial run.

The published prints the rows carry are checked against NBS (shared data cpi.csv/ppi.csv): CPI YoY
2022-01..04 = 0.9, 0.9, 1.5, 2.1; PPI YoY 2022-01..04 = 9.1, 8.8, 8.3, 8.0 (percent).
"""

from __future__ import annotations

import sys

import pytest

from macrodesk.exceptions import ModelError
from macrodesk.models.nowcast import GridCell, backtest_grid, make_model
from macrodesk.models.parallel import check_jobs, parallel_map

CPI_2022 = [0.9, 0.9, 1.5, 2.1]
PPI_2022 = [9.1, 8.8, 8.3, 8.0]


@pytest.fixture(scope="module")
def data(sample_series):
    return {s.id: s for s in sample_series}


@pytest.fixture(scope="module")
def serial(data):
    return {t: make_model("bridge", t).backtest(data, "2022-01", "2022-04") for t in ("cpi_yoy", "ppi_yoy")}


def test_the_serial_backtest_carries_the_published_prints(serial):
    assert serial["cpi_yoy"].rows["actual"].tolist() == CPI_2022
    assert serial["ppi_yoy"].rows["actual"].tolist() == PPI_2022
    assert serial["cpi_yoy"].rows["nowcast"].notna().all()


def test_two_jobs_give_the_serial_backtest_and_grid(data, serial):
    joblib = pytest.importorskip("joblib", reason='joblib missing: pip install "macrodesk[parallel]"')
    seen = []
    cells = [GridCell("bridge", "cpi_yoy", "2022-01", "2022-04"), GridCell("bridge", "ppi_yoy", "2022-01", "2022-04")]
    # the suite keeps to threads here (worker processes would import the models afresh: seconds);
    # the process path itself is checked below and measured in benchmarks/bench_store.py
    with joblib.parallel_config(backend="threading"):
        par = make_model("bridge", "cpi_yoy").backtest(data, "2022-01", "2022-04", jobs=2, progress=seen.append)
        grid = backtest_grid(data, cells, jobs=2)
    assert par.to_json() == serial["cpi_yoy"].to_json() and par.rows.equals(serial["cpi_yoy"].rows)
    assert [str(p) for p in seen] == ["2022-01", "2022-02", "2022-03", "2022-04"]
    assert [g.to_json() for g in grid] == [serial["cpi_yoy"].to_json(), serial["ppi_yoy"].to_json()]


@pytest.mark.enable_socket  # the in-process scheduler opens its (unused) HTTP endpoint on this machine
def test_a_local_two_worker_dask_cluster_gives_the_serial_backtest(data, serial):
    pytest.importorskip("distributed", reason='dask.distributed missing: pip install "macrodesk[dask]"')
    from distributed import LocalCluster

    # in-process workers over the inproc transport: a real scheduler and two workers, nothing leaves the machine
    with LocalCluster(n_workers=2, processes=False, dashboard_address=None) as cluster:
        assert len(cluster.workers) == 2
        res = make_model("bridge", "ppi_yoy").backtest(data, "2022-01", "2022-04", scheduler=cluster.scheduler_address)
    assert res.to_json() == serial["ppi_yoy"].to_json()


def test_two_worker_processes_keep_the_order():
    pytest.importorskip("joblib", reason='joblib missing: pip install "macrodesk[parallel]"')
    got: list[int] = []
    assert parallel_map(abs, [-3, 1, -2], jobs=2, on_result=lambda x, r: got.append(x)) == [3, 1, 2]
    assert got == [-3, 1, -2]


def test_parallel_map_keeps_the_order_and_checks_jobs():
    got: list[tuple[int, int]] = []
    assert parallel_map(abs, [-3, 1, -2], on_result=lambda x, r: got.append((x, r))) == [3, 1, 2]
    assert got == [(-3, 3), (1, 1), (-2, 2)]
    assert check_jobs("4") == 4
    for bad in (0, -1, "two", 1.5):
        with pytest.raises(ModelError, match="jobs must be a whole number of at least 1"):
            check_jobs(bad)


def test_missing_joblib_or_dask_is_an_install_hint(monkeypatch):
    monkeypatch.setitem(sys.modules, "joblib", None)
    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(ModelError, match=r'pip install "macrodesk\[parallel\]"'):
        parallel_map(abs, [1, 2], jobs=2)
    with pytest.raises(ModelError, match=r'pip install "macrodesk\[dask\]"'):
        parallel_map(abs, [1, 2], scheduler="tcp://127.0.0.1:8786")
