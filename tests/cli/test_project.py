"""The project file: `init`, validation, the store it names, the demo folder, and builds through the cache."""

from __future__ import annotations

import json

import pytest

from macrodesk.exceptions import InputFileError
from macrodesk.project import FILENAME, find_project, load_project, parse_project

from .conftest import csv_file



# ---------------------------------------------------------------- init and validation
def test_init_writes_a_valid_file_and_refuses_to_overwrite(cli, in_dir):
    code, out, err = cli("init", "proj", "--report", "inflation-review", "--lang", "zh,en", "--format", "md")
    assert code == 0, err
    project = load_project(in_dir / "proj" / FILENAME)
    assert project.store == (in_dir / "proj" / "store.duckdb").resolve()
    (rep,) = project.reports
    assert (rep.name, rep.as_of, rep.langs, rep.formats) == ("inflation-review", None, ("zh", "en"), ("md",))
    assert rep.out == (in_dir / "proj" / "reports" / "inflation-review").resolve()
    assert [rep.basename(lg) for lg in rep.langs] == ["inflation-review-zh", "inflation-review-en"]
    code, _, err = cli("init", "proj")
    assert code == 2 and FILENAME in err and "--force" in err and "Traceback" not in err
    assert cli("init", "proj", "--force")[0] == 0
    assert [r.name for r in load_project(in_dir / "proj" / FILENAME).reports] == [
        "inflation-review", "inflation-outlook", "trade-flash", "cpi-ppi-flash"]
    code, _, err = cli("init", "other", "--report", "nope")
    assert code == 2 and "unknown report 'nope'" in err


@pytest.mark.parametrize("text, key, message", [
    ('stor = "x.duckdb"\n', "stor", "unknown key"),
    ("store = 3\n", "store", "must be a path"),
    ('sources = "akshare"\n', "sources", "list of names"),
    ("[cache]\nenabled = \"yes\"\n", "cache.enabled", "true or false"),
    ("[cache]\nmax_mb = 0\n", "cache.max_mb", "whole number"),
    ('[[report]]\nname = "cpi-weekly"\n', "report[1].name", "unknown report 'cpi-weekly'"),
    ('[[report]]\nname = "inflation-review"\nlang = ["fr"]\n', "report[1].lang", "unknown value 'fr'"),
    ('[[report]]\nname = "inflation-review"\nas_of = "2025-13"\n', "report[1].as_of", "2025-12"),
    ('[[report]]\nname = "inflation-review"\nmonth = "2025-12"\n', "report[1].month", "unknown key"),
    ('[[report]]\nname = "trade-flash"\n[[report]]\nname = "trade-flash"\n', "report", "same folder"),
])
def test_validation_names_the_file_and_key(tmp_path, text, key, message):
    f = tmp_path / FILENAME
    with pytest.raises(InputFileError) as info:
        parse_project(text, f)
    assert info.value.file == str(f)
    assert f"key '{key}'" in str(info.value) and message in str(info.value)


def test_a_broken_project_file_stops_commands_with_one_line(cli, in_dir):
    (in_dir / FILENAME).write_text("store = [1]\n")
    code, out, err = cli("data", "list")
    assert code == 2 and "Traceback" not in err
    assert FILENAME in err and "key 'store'" in err and len(err.strip().splitlines()) == 1


# ---------------------------------------------------------------- the store: --store, env, project file, default
def test_store_resolution_order(cli, in_dir, cpi_csv, monkeypatch):
    (in_dir / FILENAME).write_text('store = "data/team.duckdb"\n')
    sub = in_dir / "notes" / "2025"
    sub.mkdir(parents=True)
    monkeypatch.chdir(sub)  # found in a parent folder, as git finds .git
    assert find_project() == in_dir / FILENAME
    code, _, err = cli("data", "import", cpi_csv)
    assert code == 0, err
    assert (in_dir / "data" / "team.duckdb").exists()
    code, out, _ = cli("data", "show", "cpi_mom", "--json")
    assert code == 0 and '"2025-12"' in out and "0.2" in out  # NBS: Dec 2025 CPI MoM +0.2
    monkeypatch.setenv("MACRODESK_STORE", str(in_dir / "env.duckdb"))
    code, _, err = cli("data", "list")
    assert code == 2 and "env.duckdb" in err  # the environment wins over the project file
    code, out, _ = cli("data", "list", "--store", in_dir / "data" / "team.duckdb", "--json")
    assert code == 0 and "cpi_mom" in out  # and --store over both


# ---------------------------------------------------------------- the demo folder, and builds from the cache
def test_demo_then_everyday_commands_in_its_folder(cli, in_dir, monkeypatch, low_dpi):
    from macrodesk.analyses import DemoRun

    import macrodesk.datasets as ds

    full_load = ds.load
    monkeypatch.setattr("macrodesk.analyses.DEMO_RUNS", (DemoRun("inflation-review", None, "inflation-review"),))
    monkeypatch.setattr(ds, "load", lambda names=None: full_load(["cpi", "ppi", "hog"]))  # what the review reads
    code, out, err = cli("demo", "--format", "md")
    assert code == 0, err
    demo = in_dir / "macrodesk-demo"
    fresh = (demo / "inflation-review" / "inflation-review.md").read_text(encoding="utf-8")
    monkeypatch.chdir(demo)
    code, out, err = cli("data", "list", "--json")
    assert code == 0, err
    assert '"cpi_yoy"' in out and '"hog_spot_price_index_zhuyi"' in out
    # the demo recorded its build: the first `update` finds the review up to date, nothing is rebuilt
    code, out, err = cli("update", "--json")
    assert code == 0, err
    assert [(r["name"], r["status"]) for r in json.loads(out)["reports"]] == [("inflation-review", "up to date")]
    # the demo's store knows the NBS release days: on 9 November 2025 the latest CPI known was October's 0.2
    code, out, err = cli("data", "show", "cpi_yoy", "--known-on", "2025-11-09", "--start", "2025-01", "--json")
    assert code == 0, err
    values = json.loads(out)["values"]
    assert list(values.items())[-1] == ("2025-10", 0.2) and values["2025-09"] == -0.3
    # the scenario commands read the project's store too (they once looked in the default store)
    code, out, err = cli("scenario", "run", "cpi_2026.toml", "--as-of", "2025-12", "--json")
    assert code == 0, err
    assert '"neutral"' in out or '"中性"' in out
    code, out, err = cli("cache", "info", "--json")
    assert code == 0 and '"entries": 1' in out  # the demo's build
    (demo / "inflation-review" / "inflation-review.md").unlink()
    code, out, err = cli("report", "--json")  # no name: the project's reports, from the cache
    assert code == 0, err
    assert (demo / "inflation-review" / "inflation-review.md").read_text(encoding="utf-8") == fresh
    assert len(list((demo / "inflation-review" / "figures").glob("*.png"))) >= 3
    code, out, _ = cli("cache", "clear", "--json")
    assert code == 0 and '"removed": 1' in out
    code, _, err = cli("report", "--lang", "fr")
    assert code == 2 and "fr" in err


def test_report_without_name_outside_a_project(cli, in_dir):
    code, _, err = cli("report")
    assert code == 2 and "macrodesk init" in err


def test_new_print_rebuilds_and_the_rebuild_equals_a_fresh_build(in_dir, sample_series, low_dpi):
    """A store to November 2025, then the December CPI print (YoY 0.8, MoM 0.2): the second build misses."""
    from macrodesk.analyses import _MappingSource
    from macrodesk.cache import ResultsCache
    from macrodesk.cli.report import _build

    full = {s.id: s for s in sample_series}
    nov = dict(full, cpi_yoy=full["cpi_yoy"].slice(None, "2025-11"), cpi_mom=full["cpi_mom"].slice(None, "2025-11"))
    rc = ResultsCache(in_dir / "c")
    _build("inflation-review", _MappingSource(nov), None, in_dir / "a", ("md",), "en", quiet=True, rcache=rc)
    _build("inflation-review", _MappingSource(nov), None, in_dir / "b", ("md",), "en", quiet=True, rcache=rc)
    assert (rc.writes, rc.hits) == (1, 1)
    a, b = ((in_dir / d / "inflation-review.md").read_text(encoding="utf-8") for d in "ab")
    assert a == b and "Data to Nov 2025" in a
    _build("inflation-review", _MappingSource(full), None, in_dir / "c2", ("md",), "en", quiet=True, rcache=rc)
    assert (rc.writes, rc.hits) == (2, 1)
    dec = (in_dir / "c2" / "inflation-review.md").read_text(encoding="utf-8")
    assert "Data to Dec 2025" in dec and "0.8%" in dec
