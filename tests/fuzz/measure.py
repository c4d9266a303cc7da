"""Run the whole corpus once and print the counts for the closing note.

    python tests/fuzz/measure.py            # every case
    python tests/fuzz/measure.py wind       # the cases whose name holds 'wind'

It measures this checkout's code (its root goes first on sys.path). Prints each case that breaks a
promise, the counts per family and in all: inputs, rejected cleanly, tracebacks, zero exits, messages
that do not name the file (or do not say what they must), store changes.
"""

from __future__ import annotations

import sys
import tempfile
import time
import warnings
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parents[1]), str(HERE.parent)]

from fuzz.corpus import all_cases  # noqa: E402
from fuzz.harness import check, dump, run_cli, seed_csv  # noqa: E402

KINDS = {"traceback": "tracebacks", "exit 0": "zero exits", "message does not name": "unnamed files",
         "message does not say": "wrong reasons", "store changed": "store changes"}


def main(only: str = "") -> int:
    warnings.simplefilter("ignore")
    with tempfile.TemporaryDirectory() as d:
        root = Path(d)
        (root / "seed.csv").write_text(seed_csv(), encoding="utf-8")
        seeded = root / "seed.duckdb"
        assert run_cli(["data", "import", str(root / "seed.csv"), "--store", str(seeded)]).code == 0
        before = dump(seeded)
        cases = [c for c in all_cases() if only in c.name]
        total: Counter = Counter()
        per: dict[str, Counter] = {}
        t = time.time()
        for i, c in enumerate(cases):
            tmp = root / f"c{i}"
            tmp.mkdir()
            broken = check(c, seeded, tmp, before)
            fam = per.setdefault(c.family, Counter())
            for counter in (total, fam):
                counter["inputs"] += 1
                counter["rejected cleanly"] += not broken
                for k, label in KINDS.items():
                    counter[label] += any(b.startswith(k) for b in broken)
            if broken:
                print(f"[{c.name}]", " | ".join(b.replace("\n", " ")[-250:] for b in broken))
        cols = ["inputs", "rejected cleanly", *KINDS.values()]
        print(f"{'family':16}" + "".join(f"{k:>18}" for k in cols))
        for name, cnt in sorted(per.items()):
            print(f"{name:16}" + "".join(f"{cnt[k]:>18}" for k in cols))
        print(f"{'all':16}" + "".join(f"{total[k]:>18}" for k in cols))
        print(f"{time.time() - t:.1f}s")
        return 0 if total["inputs"] == total["rejected cleanly"] else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else ""))
