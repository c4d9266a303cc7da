"""Fault tests: broken store files, re-import, kill -9 mid-import, concurrent imports."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from fuzz.harness import CPI_YOY_2025, HEADER, MONTH_ENDS_2025, dump, run_cli, seed_csv

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture()
def seed(tmp_path):
    p = tmp_path / "seed.csv"
    p.write_text(seed_csv(), encoding="utf-8")
    return p


@pytest.mark.parametrize("content", [b"", b"garbage" * 100, b"series_id,date\n", b"DUCK" + b"\x00" * 8000])
@pytest.mark.parametrize("command", [["data", "show", "cpi_yoy"], ["data", "list"], ["data", "import", "{csv}"]])
def test_a_broken_store_file_is_a_clean_error_and_is_not_overwritten(tmp_path, seed, content, command):
    store = tmp_path / "bad.duckdb"
    store.write_bytes(content)
    o = run_cli([a.replace("{csv}", str(seed)) for a in command] + ["--store", str(store)])
    assert o.code == 2 and not o.crashed and "Traceback" not in o.err, o.crashed or o.err
    assert "bad.duckdb" in o.err
    assert store.read_bytes() == content


def test_reimport_adds_no_vintage(tmp_path, seed):
    store = tmp_path / "s.duckdb"
    assert run_cli(["data", "import", str(seed), "--store", str(store)]).code == 0
    first = dump(store)
    for _ in range(3):
        o = run_cli(["data", "import", str(seed), "--store", str(store)])
        assert o.code == 0 and "No changes" in o.out
    assert dump(store) == first


def test_reimport_of_a_file_with_inf_stays_rejected(tmp_path, seed):
    store = tmp_path / "s.duckdb"
    assert run_cli(["data", "import", str(seed), "--store", str(store)]).code == 0
    before = dump(store)
    bad = tmp_path / "inf.csv"
    bad.write_text(seed_csv().replace("2025-12-31,0.8,", "2025-12-31,1e309,"), encoding="utf-8")
    for _ in range(3):
        o = run_cli(["data", "import", str(bad), "--store", str(store)])
        assert o.code == 2 and "inf.csv" in o.err and "row 13" in o.err
    assert dump(store) == before


def _big_csv(path: Path, n_series: int) -> None:
    # The 2025 CPI YoY prints, repeated under many ids: a large, real-valued import.
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(HEADER)
        for k in range(n_series):
            for d, v in zip(MONTH_ENDS_2025, CPI_YOY_2025):
                fh.write(f"big_{k},{d},{v},pct_yoy,NBS,fuzz\n")


def _cli(*args: str) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.Popen([sys.executable, "-m", "macrodesk", *args], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _ids(store: Path) -> set[str]:
    import duckdb

    con = duckdb.connect(str(store), read_only=True)
    try:
        return {r[0] for r in con.execute("SELECT DISTINCT series_id FROM observations").fetchall()}
    finally:
        con.close()


def test_kill_9_during_a_large_import_leaves_all_or_nothing(tmp_path, seed):
    store = tmp_path / "s.duckdb"
    assert run_cli(["data", "import", str(seed), "--store", str(store)]).code == 0
    big = tmp_path / "big.csv"
    _big_csv(big, 20000)  # 240,000 rows
    p = _cli("data", "import", str(big), "--store", str(store))
    time.sleep(4.0)
    p.send_signal(signal.SIGKILL)
    p.communicate()
    ids = _ids(store)  # the store opens
    big_ids = {i for i in ids if i.startswith("big_")}
    assert {"cpi_yoy", "cpi_mom"} <= ids
    assert len(big_ids) in (0, 20000)


def test_two_concurrent_imports_lose_nothing(tmp_path, seed):
    store = tmp_path / "s.duckdb"
    assert run_cli(["data", "import", str(seed), "--store", str(store)]).code == 0
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    _big_csv(a, 300)
    b.write_text(seed_csv().replace("cpi_", "other_"), encoding="utf-8")
    pa = _cli("data", "import", str(a), "--store", str(store))
    pb = _cli("data", "import", str(b), "--store", str(store))
    outs = [p.communicate(timeout=120) for p in (pa, pb)]
    for p, (_, err) in zip((pa, pb), outs):
        assert p.returncode in (0, 2) and "Traceback" not in err, err
        if p.returncode == 2:
            assert "busy" in err or "lock" in err.lower(), err
    ids = _ids(store)
    assert (pa.returncode == 0) == (len([i for i in ids if i.startswith("big_")]) == 300)
    assert (pb.returncode == 0) == ("other_yoy" in ids)
