"""Fault tests: broken store files, re-import, kill -9 mid-import, concurrent imports."""

from __future__ import annotations

import contextlib
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


DAILY = Path(__file__).resolve().parents[2] / "macrodesk" / "datasets" / "commodities_daily.csv.gz"


def _daily_csv(path: Path, n_rows: int) -> set[str]:
    """The first ``n_rows`` rows of the bundled real daily commodity prices (Brent, WTI, gold …); their ids."""
    import gzip

    lines = gzip.decompress(DAILY.read_bytes()).decode("utf-8").splitlines(keepends=True)
    path.write_text("".join(lines[: n_rows + 1]), encoding="utf-8")
    return {ln.split(",", 1)[0] for ln in lines[1: n_rows + 1]}


def test_kill_9_during_the_write_of_a_large_import_leaves_all_or_nothing(tmp_path, seed):
    # Killed as soon as the store file starts to change, i.e. inside the write, not while the file is read.
    store = tmp_path / "s.duckdb"
    assert run_cli(["data", "import", str(seed), "--store", str(store)]).code == 0
    big = tmp_path / "daily.csv"
    new_ids = _daily_csv(big, 5000)
    before = store.stat().st_mtime_ns, store.stat().st_size
    wal = Path(str(store) + ".wal")
    p = _cli("data", "import", str(big), "--store", str(store))
    deadline = time.time() + 120
    while p.poll() is None and time.time() < deadline:
        if wal.exists() or (store.stat().st_mtime_ns, store.stat().st_size) != before:
            p.send_signal(signal.SIGKILL)
            break
        time.sleep(0.002)
    p.communicate()
    ids = _ids(store)  # the store opens
    assert {"cpi_yoy", "cpi_mom"} <= ids
    assert ids - {"cpi_yoy", "cpi_mom"} in (set(), new_ids)  # all of the import or none of it
    if p.returncode == 0:  # it finished before the kill landed: then every row is there
        assert len(dict(dump(store))["observations"]) == 24 + 5000


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
            assert "is busy" in err and "retry" in err, err
    ids = _ids(store)
    assert (pa.returncode == 0) == (len([i for i in ids if i.startswith("big_")]) == 300)
    assert (pb.returncode == 0) == ("other_yoy" in ids)


# ---------------------------------------------------------------- read-only files and folders, a full disk, a busy store
@contextlib.contextmanager
def _read_only(path: Path):
    """``path`` (a file or a folder) unwritable for this process: chmod for a user; for root, who ignores modes,
    the immutable attribute (chattr +i); skipped where neither is possible."""
    if os.geteuid() != 0:
        mode = path.stat().st_mode
        path.chmod(0o555 if path.is_dir() else 0o444)
        try:
            yield
        finally:
            path.chmod(mode)
        return
    if subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode != 0:
        pytest.skip("running as root without chattr: cannot make a file read-only")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)


@pytest.fixture()
def seeded_store(tmp_path, seed):
    folder = tmp_path / "st"
    folder.mkdir()
    store = folder / "s.duckdb"
    assert run_cli(["data", "import", str(seed), "--store", str(store)]).code == 0
    other = tmp_path / "other.csv"
    other.write_text(seed_csv().replace("cpi_", "other_"), encoding="utf-8")
    return store, other


WRITES = [["data", "import", "{other}"], ["data", "rename", "cpi_yoy", "renamed"], ["data", "rm", "cpi_mom", "--yes"],
          ["data", "rm", "--vintage", "1", "--yes"]]


def _clean_store_error(o, store: Path, *words: str) -> None:
    assert o.code == 2 and not o.crashed and "Traceback" not in o.err, o.crashed or o.err
    assert str(store) in " ".join(o.err.split()).replace(" ", "") or store.name in o.err, o.err
    for w in words:
        assert w in o.err, o.err


def test_a_read_only_store_file_reads_and_refuses_writes(seeded_store):
    store, other = seeded_store
    before, raw = dump(store), store.read_bytes()
    with _read_only(store):
        o = run_cli(["data", "show", "cpi_yoy", "--store", str(store)])
        assert o.code == 0 and "0.80" in o.out  # CPI YoY Dec 2025 = 0.8 (NBS)
        for cmd in WRITES:
            o = run_cli([a.replace("{other}", str(other)) for a in cmd] + ["--store", str(store)])
            _clean_store_error(o, store, "read-only")
    assert store.read_bytes() == raw and dump(store) == before


def test_a_read_only_folder_refuses_writes_and_new_stores(seeded_store):
    store, other = seeded_store
    before = dump(store)
    with _read_only(store.parent):
        assert run_cli(["data", "show", "cpi_yoy", "--store", str(store)]).code == 0
        for cmd in WRITES[:2]:
            o = run_cli([a.replace("{other}", str(other)) for a in cmd] + ["--store", str(store)])
            _clean_store_error(o, store, "read-only", "nothing was written")
        for new in (store.parent / "new.duckdb", store.parent / "sub" / "new.duckdb"):
            o = run_cli(["data", "import", str(other), "--store", str(new)])
            assert o.code == 2 and not o.crashed and "new.duckdb" in o.err, o.crashed or o.err
    assert dump(store) == before
    assert sorted(p.name for p in store.parent.iterdir()) == ["s.duckdb"]


_LIMITED = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG instead of killing
resource.setrlimit(resource.RLIMIT_FSIZE, (int(sys.argv[1]), int(sys.argv[1])))
sys.argv = ["macrodesk", *sys.argv[2:]]
from macrodesk.cli import main
main()
"""


def test_a_full_disk_is_a_clean_error_and_writes_nothing(tmp_path, seeded_store):
    # RLIMIT_FSIZE: no file of the process may grow past the limit, as on a disk that fills up mid-import.
    store, _ = seeded_store
    before = dump(store)
    big = tmp_path / "big.csv"
    _big_csv(big, 30)  # 360 rows: more write-ahead log than the 4 KB a file may hold
    limit = 4096
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    p = subprocess.run([sys.executable, "-c", _LIMITED, str(limit), "data", "import", str(big), "--store", str(store)],
                       cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert p.returncode == 2 and "Traceback" not in p.stderr, p.stderr
    assert "disk is full" in p.stderr and "s.duckdb" in p.stderr, p.stderr
    assert dump(store) == before
    o = run_cli(["data", "import", str(big), "--store", str(store)])  # with room again, the same import goes in
    assert o.code == 0 and len([i for i in _ids(store) if i.startswith("big_")]) == 30


_HOLD = """
import sys, time
from macrodesk.series.store import Store
st = Store(sys.argv[1])  # a writer holding the store, as an import does while it runs
print("holding", flush=True)
time.sleep(60)
"""


def test_a_reader_during_an_import_is_told_the_store_is_busy(seeded_store):
    store, other = seeded_store
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    holder = subprocess.Popen([sys.executable, "-c", _HOLD, str(store)], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                              text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        for cmd in (["data", "show", "cpi_yoy"], ["data", "list"], ["data", "import", str(other)]):
            o = run_cli(cmd + ["--store", str(store)])
            _clean_store_error(o, store, "is busy", "retry")
            assert "Conflicting lock" not in o.err and "IO Error" not in o.err
    finally:
        holder.kill()
        holder.communicate()
    assert run_cli(["data", "show", "cpi_yoy", "--store", str(store)]).code == 0
