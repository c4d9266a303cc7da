"""The results cache: keys follow every input and the code; a hit returns what was computed; it is bounded."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from macrodesk import cache
from macrodesk.cache import ResultsCache, cached, fingerprint


def _bumped(s, period: str, delta: float):
    data = s.data.copy()
    data[pd.Period(period, freq="M")] += delta
    return s.with_data(data)


# ---------------------------------------------------------------- keys
def test_fingerprint_follows_values_metadata_and_order(sample_series):
    cpi = next(s for s in sample_series if s.id == "cpi_yoy")
    assert fingerprint(cpi) == fingerprint(cpi.with_data(cpi.data.copy()))
    # the November 2025 print was 0.7; a revision to any other value is another key
    assert fingerprint(cpi) != fingerprint(_bumped(cpi, "2025-11", 0.1))
    assert fingerprint(cpi) != fingerprint(cpi.slice(None, "2025-11"))
    assert fingerprint(cpi) != fingerprint(cpi.with_data(cpi.data, name_en="CPI, other name"))
    assert fingerprint("a", 1) != fingerprint(1, "a") != fingerprint(("a", 1))
    assert fingerprint(1) != fingerprint(1.0) != fingerprint("1")
    assert fingerprint(pd.Period("2025-11", freq="M")) != fingerprint(pd.Period("2025-12", freq="M"))
    assert fingerprint({"a": cpi}) == fingerprint({"a": cpi})


def test_fingerprint_reads_files_and_refuses_unknown_objects(tmp_path):
    p = tmp_path / "spec.toml"
    p.write_text("x = 1\n")
    before = fingerprint(p)
    p.write_text("x = 2\n")
    assert fingerprint(p) != before
    with pytest.raises(TypeError, match="cannot fingerprint a object"):
        fingerprint(object())


def test_code_version_names_the_package_version():
    import macrodesk

    assert cache.code_version().startswith(macrodesk.__version__ + "+")


# ---------------------------------------------------------------- the folder
def test_get_put_clear_and_info(tmp_path):
    rc = ResultsCache(tmp_path / "c")
    assert rc.get("k") == (False, None) and rc.misses == 1
    frame = pd.DataFrame({"x": [0.7, 0.8]}, index=pd.period_range("2025-11", periods=2, freq="M"))
    assert rc.put("k", frame)
    hit, got = rc.get("k")
    assert hit and got.equals(frame) and rc.hits == 1
    assert rc.info()["entries"] == 1 and rc.info()["bytes"] > 0
    assert rc.clear() == 1 and rc.get("k") == (False, None)
    assert not (tmp_path / "c").exists()


def test_bound_drops_the_least_recently_used(tmp_path):
    import os

    rc = ResultsCache(tmp_path / "c", max_bytes=10 ** 9)
    blob = b"x" * 10_000
    for i, k in enumerate(("old", "used", "new")):
        rc.put(k, blob)
        os.utime(rc._path(k), (1_000_000 + i, 1_000_000 + i))
    rc.get("old")  # reading refreshes: "used" is now the least recent
    rc.max_bytes = 2 * rc._path("new").stat().st_size
    assert rc.prune() == 1
    assert {p.stem for p in rc.entries()} == {"old", "new"}


def test_unwritable_folder_is_a_no_op(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    rc = ResultsCache(blocker / "cache")  # a folder inside a file cannot be made
    calls = []
    with cache.use(rc):
        assert cached("k", (1,), lambda: calls.append(1) or 42) == 42
        assert cached("k", (1,), lambda: calls.append(1) or 42) == 42
    assert len(calls) == 2 and not rc.writable


# ---------------------------------------------------------------- cached()
def test_cached_hits_only_the_same_inputs_and_code(tmp_path, monkeypatch):
    calls: list[int] = []

    def work(x: float) -> float:
        calls.append(1)
        return x * 2

    assert cached("double", (1.5,), lambda: work(1.5)) == 3.0  # no active cache: computed
    assert cached("double", (1.5,), lambda: work(1.5)) == 3.0
    assert len(calls) == 2
    rc = ResultsCache(tmp_path / "c")
    with cache.use(rc):
        assert cached("double", (1.5,), lambda: work(1.5)) == 3.0
        assert cached("double", (1.5,), lambda: work(1.5)) == 3.0
        assert len(calls) == 3
        assert cached("double", (2.5,), lambda: work(2.5)) == 5.0  # another input
        assert len(calls) == 4
        monkeypatch.setattr(cache, "_CODE", ["0.0.0+othercode"])  # another macrodesk
        assert cached("double", (1.5,), lambda: work(1.5)) == 3.0
        assert len(calls) == 5
    assert cache.active() is None


def test_exceptions_are_not_cached(tmp_path):
    from macrodesk.exceptions import ModelError

    def boom():
        raise ModelError("no data")

    with cache.use(ResultsCache(tmp_path / "c")) as rc:
        for _ in range(2):
            with pytest.raises(ModelError):
                cached("boom", (), boom)
        assert rc is not None and rc.writes == 0


def test_outlook_factor_model_cached_and_invalidated(tmp_path, sample_store_path):
    """The factor model of the outlook: a hit equals the fit; a revised PPI print misses."""
    from macrodesk.analyses import inflation_outlook as R
    import importlib

    C = importlib.import_module("macrodesk.analyses.inflation_outlook.compute")
    from macrodesk.analyses import report_inputs
    from macrodesk.analyses._common import Inputs
    from macrodesk.series.store import Store

    with Store(sample_store_path, read_only=True) as st:
        inputs, end = report_inputs(st, R.REQUIRED, R.OPTIONAL, "2025-11")
    plain = C._factor(inputs, end)
    rc = ResultsCache(tmp_path / "c")
    with cache.use(rc):
        first = C._factor(inputs, end)
        again = C._factor(inputs, end)
        assert (rc.writes, rc.hits) == (1, 1)
        revised = dict(inputs.series, ppi_yoy=_bumped(inputs.series["ppi_yoy"], "2024-06", 0.1))
        other = C._factor(Inputs(revised, inputs.missing), end)
        assert (rc.writes, rc.hits) == (2, 1)
    for out in (first, again):
        assert out.fit is not None and plain.fit is not None
        assert np.allclose(out.fit.params.to_numpy(), plain.fit.params.to_numpy(), rtol=0, atol=0)
    assert other.fit is not None and not np.allclose(other.fit.params.to_numpy(), plain.fit.params.to_numpy())
