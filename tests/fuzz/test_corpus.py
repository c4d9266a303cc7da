"""Every malformed input of the corpus is rejected cleanly: non-zero exit, no traceback, the file
named in the message, the store's content unchanged."""

from __future__ import annotations

import pytest

from fuzz.corpus import all_cases
from fuzz.harness import check, dump, run_cli, seed_csv

CASES = all_cases()

# Still broken; each is a known gap (strict: the test fails once it is fixed, so the mark goes).
KNOWN: dict[str, str] = {}


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    root = tmp_path_factory.mktemp("seed")
    (root / "seed.csv").write_text(seed_csv(), encoding="utf-8")
    store = root / "seed.duckdb"
    assert run_cli(["data", "import", str(root / "seed.csv"), "--store", str(store)]).code == 0
    return store, dump(store)


def test_the_corpus_is_large_and_deterministic():
    names = [c.name for c in CASES]
    assert len(CASES) >= 300
    assert names == [c.name for c in all_cases()]
    assert set(KNOWN) <= set(names)


def test_seed_holds_the_published_prints(seeded):
    tables = dict(seeded[1])
    obs = [r for r in tables["observations"] if "cpi_yoy" in r]
    assert len(obs) == 12 and any("0.8" in r for r in obs)  # CPI YoY Dec 2025 = 0.8 (NBS)


@pytest.mark.parametrize(
    "case",
    [pytest.param(c, marks=pytest.mark.xfail(reason=KNOWN[c.name], strict=True)) if c.name in KNOWN else c
     for c in CASES],
    ids=[f"{i:03d}" for i in range(len(CASES))],
)
def test_rejected_cleanly(case, seeded, tmp_path):
    assert check(case, seeded[0], tmp_path, seeded[1]) == [], case.name
