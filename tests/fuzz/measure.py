"""Run the whole corpus once and print the counts (python -m fuzz.measure from tests/)."""

from __future__ import annotations

import sys
import tempfile
import time
import warnings
from pathlib import Path

from fuzz.corpus import all_cases
from fuzz.harness import check, dump, run_cli, seed_csv

if __name__ == "__main__":
    warnings.simplefilter("ignore")
    only = sys.argv[1] if len(sys.argv) > 1 else ""
    with tempfile.TemporaryDirectory() as d:
        root = Path(d)
        (root / "seed.csv").write_text(seed_csv(), encoding="utf-8")
        seeded = root / "seed.duckdb"
        assert run_cli(["data", "import", str(root / "seed.csv"), "--store", str(seeded)]).code == 0
        before = dump(seeded)
        cases = [c for c in all_cases() if only in c.name]
        counts = {"traceback": 0, "exit 0": 0, "message does not name": 0, "store changed": 0}
        clean = 0
        t = time.time()
        for i, c in enumerate(cases):
            tmp = root / f"c{i}"
            tmp.mkdir()
            broken = check(c, seeded, tmp, before)
            for k in counts:
                counts[k] += any(b.startswith(k) for b in broken)
            clean += not broken
            if broken:
                print(f"[{c.name}]", " | ".join(b.replace("\n", " ")[-250:] for b in broken))
        print(f"inputs {len(cases)}, rejected cleanly {clean}, {counts}, {time.time() - t:.1f}s")
