"""No SQL is built from user strings, and no output path from a report name or series id can leave --out."""

from __future__ import annotations

import ast
from pathlib import Path

import pandas as pd
import pytest

from fuzz.harness import CPI_YOY_2025, HEADER, MONTH_ENDS_2025, dump, run_cli, seed_csv
from macrodesk.exceptions import MacrodeskError, UnknownSeriesError
from macrodesk.series import MacroSeries, SeriesMeta
from macrodesk.series.store import Store

ROOT = Path(__file__).resolve().parents[2]
STORE_PY = ROOT / "macrodesk" / "series" / "store.py"

# The only names an f-string in store.py's SQL may interpolate: fragments the store writes itself.
CONSTANT_FRAGMENTS = {"self._rel", "self._key", "self._meta_sql()", "where", "scope"}


def _sql_calls(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "execute":
            if node.args:
                yield node.args[0]


def _interpolated(expr: ast.AST, assigned: dict[str, ast.AST]) -> list[str]:
    """The source of every value an SQL expression interpolates (through f-strings, + and local names)."""
    if isinstance(expr, ast.JoinedStr):
        out = []
        for v in expr.values:
            if isinstance(v, ast.FormattedValue):
                if isinstance(v.value, ast.IfExp):  # "JOIN …" if day is not None else "": two constants
                    out += [ast.unparse(x) for x in (v.value.body, v.value.orelse) if not isinstance(x, ast.Constant)]
                else:
                    out.append(ast.unparse(v.value))
        return out
    if isinstance(expr, ast.BinOp):
        return _interpolated(expr.left, assigned) + _interpolated(expr.right, assigned)
    if isinstance(expr, ast.Name) and expr.id in assigned:
        return _interpolated(assigned[expr.id], assigned)
    if isinstance(expr, ast.List):  # a loop over a module list of statements (the DDL, the migration)
        return [x for e in expr.elts for x in _interpolated(e, assigned)]
    if isinstance(expr, ast.Constant):
        return []
    return [ast.unparse(expr)]


def test_store_sql_interpolates_only_its_own_fragments():
    tree = ast.parse(STORE_PY.read_text(encoding="utf-8"))
    assigned = {t.id: n.value for n in ast.walk(tree) if isinstance(n, (ast.Assign, ast.AnnAssign)) and n.value
                for t in (n.targets if isinstance(n, ast.Assign) else [n.target]) if isinstance(t, ast.Name)}
    assigned.update({n.target.id: n.iter for n in ast.walk(tree)  # for ddl in _DDL: ddl stands for _DDL's items
                     if isinstance(n, ast.For) and isinstance(n.target, ast.Name) and isinstance(n.iter, ast.Name)})
    calls = list(_sql_calls(tree))
    assert len(calls) > 30  # the audit sees the store's queries
    found = {s for c in calls for s in _interpolated(c, assigned)}
    assert found <= CONSTANT_FRAGMENTS, found - CONSTANT_FRAGMENTS
    # and each fragment is built from literals only (no parameter reaches it)
    for name in ("where", "scope"):
        for n in ast.walk(tree):
            if isinstance(n, (ast.Assign, ast.AugAssign)):
                targets = n.targets if isinstance(n, ast.Assign) else [n.target]
                if any(isinstance(t, ast.Name) and t.id == name for t in targets):
                    assert _literal(n.value), ast.unparse(n)


def _literal(x: ast.AST) -> bool:
    """SQL text made of literals only (or the store's release-date column)."""
    if isinstance(x, ast.Constant):
        return True
    if isinstance(x, ast.IfExp):
        return _literal(x.body) and _literal(x.orelse)
    if isinstance(x, ast.JoinedStr):
        return set(_interpolated(x, {})) <= {"self._rel"}
    return False


NASTY = ["a'b", 'a"b', "a;b", "x'); DROP TABLE observations; --", "名'; DELETE FROM series; --", "a\\'b", "%s?$1"]


def test_ids_and_labels_with_quotes_and_semicolons_round_trip(tmp_path):
    store = tmp_path / "s.duckdb"
    idx = pd.PeriodIndex(MONTH_ENDS_2025, freq="M")
    series = [MacroSeries(SeriesMeta(sid, "pct_yoy", "M", name_zh=sid, name_en=sid, source=sid, origin=sid),
                          pd.Series(CPI_YOY_2025, index=idx)) for sid in NASTY]
    with Store(store) as st:
        st.write(series, label="'; DROP TABLE vintages; --")
    with Store(store, read_only=True) as st:
        assert sorted(st.list()["series_id"]) == sorted(NASTY)
        for sid in NASTY:
            got = st.get(sid)
            assert got.meta.name_zh == sid and got.meta.origin == sid
            assert got.observations().tolist() == CPI_YOY_2025  # the NBS 2025 prints, unchanged
            assert len(st.history(sid)) == 12
        assert st.vintages()["label"].tolist() == ["'; DROP TABLE vintages; --"]
        with pytest.raises(UnknownSeriesError):
            st.get("nope' OR '1'='1")
    with Store(store) as st:
        st.remove(["a;b"])
        assert not st.has("a;b") and st.has("a'b")
    with Store(store, read_only=True) as st:
        assert len(st.list()) == len(NASTY) - 1


def test_quoted_labels_from_a_csv_round_trip(tmp_path):
    name = "CPI'; DROP TABLE series; --"
    csv = tmp_path / "q.csv"
    csv.write_text(HEADER[:-1] + ",name_zh\n" + "".join(
        f'cpi_yoy,{d},{v},pct_yoy,"NBS; \'x\'",origin,"{name}"\n' for d, v in zip(MONTH_ENDS_2025, CPI_YOY_2025)),
        encoding="utf-8")
    store = tmp_path / "s.duckdb"
    assert run_cli(["data", "import", str(csv), "--store", str(store)]).code == 0
    with Store(store, read_only=True) as st:
        m = st.meta("cpi_yoy")
        assert (m.name_zh, m.source) == (name, "NBS; 'x'")
        assert st.get("cpi_yoy").observations().iloc[-1] == 0.8  # CPI YoY Dec 2025 (NBS)


# ---------------------------------------------------------------- output paths
def _tree(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")}


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    root = tmp_path_factory.mktemp("paths")
    (root / "seed.csv").write_text(seed_csv(), encoding="utf-8")
    store = root / "s.duckdb"
    assert run_cli(["data", "import", str(root / "seed.csv"), "--store", str(store)]).code == 0
    return store, dump(store)


@pytest.mark.parametrize("name", ["../escape", "../../escape", "/tmp/abs-escape", "inflation-review/../../escape",
                                  "..", ".", "inflation-review/x", "inflation-review\\..\\..\\x", ""])
def test_a_report_name_cannot_write_outside_out(tmp_path, seeded, name):
    store, content = seeded
    before = _tree(tmp_path)
    out = tmp_path / "deep" / "out"
    o = run_cli(["report", name, "--out", str(out), "--store", str(store), "--format", "md"])
    assert o.code == 2 and not o.crashed and "unknown report" in o.err, o.crashed or o.err
    assert _tree(tmp_path) == before and not Path("/tmp/abs-escape").exists()
    assert dump(store) == content


@pytest.mark.parametrize("new", ["../x", "a/b", "/abs", "..", "x'; DROP TABLE series; --"])
def test_a_series_id_with_a_path_or_quote_is_refused_before_anything_is_written(tmp_path, seeded, new):
    store, content = seeded
    o = run_cli(["data", "rename", "cpi_yoy", new, "--store", str(store)])
    assert o.code == 2 and not o.crashed and "not a valid id" in o.err, o.crashed or o.err
    bad = tmp_path / "bad.csv"
    bad.write_text(seed_csv().replace("cpi_mom,", f'"{new}",'.replace('""', '"')), encoding="utf-8")
    o = run_cli(["data", "import", str(bad), "--store", str(store)])
    assert o.code == 2 and "bad.csv" in o.err and "row 14" in o.err, o.err
    assert dump(store) == content
