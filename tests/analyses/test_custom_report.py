"""Custom reports from a TOML file: the shipped example builds; every error names the file and key, exit 2."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from macrodesk.analyses.custom import build_custom, load_custom
from macrodesk.exceptions import ReportError
from macrodesk.reports.model import Figure, Paragraph

EXAMPLE = resources.files("macrodesk.reports").joinpath("custom_report_example.toml")


def _write(tmp_path: Path, text: str, name: str = "my.toml") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


_HEAD = '[report]\ntitle = "测试"\n'


@pytest.fixture(scope="module")
def bundled(sample_series):
    return {s.id: s for s in sample_series}


@pytest.fixture(autouse=True)
def _low_dpi(monkeypatch):
    monkeypatch.setattr("macrodesk.reports.model.FIGURE_DPI", 30)  # these tests read text and numbers


def test_the_shipped_example_builds_from_the_sample(bundled, tmp_path, review_report_zh):
    spec = load_custom(_write(tmp_path, EXAMPLE.read_text(encoding="utf-8"), "example.toml"))
    rep = build_custom(spec, bundled, lang="zh", reports={"inflation-review": review_report_zh})
    assert rep.title == "猪价、养殖利润与美元" and rep.date == "数据截至2025年12月"
    heads = [s.heading for s in rep.sections]
    assert heads[:2] == ["猪周期", "美元与通胀"] and heads[2] == "翘尾因素与新涨价因素"  # the review's "四、" dropped
    figs = [b for s in rep.sections for b in s.blocks if isinstance(b, Figure)]
    caps = [f.caption for f in figs[:5]]
    assert caps == ["生猪价格指数同比（2021年以来）", "猪肉CPI与生猪价格", "生猪养殖利润与猪粮比（截至2023年9月）",
                    "美元指数（2016年以来）", "CPI与PPI同比（2016年以来）"]
    assert isinstance(rep.sections[0].blocks[0], Paragraph)
    # the figure's data are the published prints: Dec 2025 CPI +0.8%, PPI -1.9% (NBS)
    assert figs[4].data is not None and figs[4].data.iloc[-1].tolist() == [0.8, -1.9]

    # English, at an earlier month; the included review section is matched on section_en
    one = _write(tmp_path, '[report]\ntitle = "美元"\ntitle_en = "The dollar"\n[[section]]\nheading = "美元"\n'
                 'heading_en = "Dollar"\nblocks = [{ exhibit = "dollar_index" }]\n', "dollar_en.toml")
    en = build_custom(load_custom(one), bundled, as_of="2024-12", lang="en")
    assert en.title == "The dollar" and en.date == "Data to Dec 2024" and en.sections[0].heading == "Dollar"
    assert en.sections[0].blocks[0].caption == "US dollar index since 2015"


@pytest.mark.parametrize("body, message", [
    ('[[section]]\nheading = "a"\nblocks = [{ exhibit = "gold_demand" }]\n',
     "my.toml: section[0].blocks[0].exhibit: unknown built-in exhibit 'gold_demand'; available: cpi_ppi_history"),
    ('[[section]]\nheading = "a"\nblocks = [{ figure = "nope" }]\n',
     "my.toml: section[0].blocks[0].figure: no [[figure]] with id 'nope' in the file"),
    ('[[section]]\nheading = "a"\nblocks = [{ report = "weekly", section = "x" }]\n',
     "my.toml: section[0].blocks[0].report: unknown report 'weekly'"),
    ('[[figure]]\nid = "f"\ntitle = "t"\nkind = "pie"\nseries = ["cpi_yoy"]\n'
     '[[section]]\nheading = "a"\nblocks = [{ figure = "f" }]\n',
     "my.toml: figure[0] 'f'.kind: unknown chart kind 'pie'"),
    ('[[section]]\nheading = "a"\nblocks = []\n', "my.toml: section[0].blocks: give a list of blocks"),
    ('', "my.toml: no [[section]]"),
])
def test_file_errors_name_the_file_and_key(tmp_path, body, message):
    with pytest.raises(ReportError) as err:
        load_custom(_write(tmp_path, _HEAD + body))
    assert str(err.value).startswith(message)


def test_unknown_series_id_stops_before_building(bundled, tmp_path):
    spec = load_custom(_write(tmp_path, _HEAD + '[[figure]]\nid = "f"\ntitle = "t"\n'
                              'series = ["cpi_yoy", { id = "gold_jewellery_demand_t", axis = "right" }]\n'
                              '[[section]]\nheading = "a"\nblocks = [{ figure = "f" }]\n'))
    with pytest.raises(ReportError, match=r"^my.toml: figure\[0\] 'f'.series\[1\].id: unknown series id "
                                          r"'gold_jewellery_demand_t' \(not in the store"):
        build_custom(spec, bundled)


def test_cli_custom_report(cli, sample_store_path, tmp_path):
    good = _write(tmp_path, _HEAD + '[[section]]\nheading = "美元"\nblocks = [{ exhibit = "dollar_index" }]\n', "dollar.toml")
    code, out, err = cli("report", "custom", good, "--store", sample_store_path, "--out", tmp_path / "out", "--format", "md")
    assert code == 0, err
    md = (tmp_path / "out" / "dollar.md").read_text(encoding="utf-8")
    assert "图1：美元指数（2016年以来）" in md and "## 美元" in md
    bad = _write(tmp_path, _HEAD + '[[figure]]\nid = "f"\ntitle = "t"\nseries = [{ id = "cpi_yoy", transform = "logdiff" }]\n'
                 '[[section]]\nheading = "a"\nblocks = [{ figure = "f" }]\n', "bad.toml")
    code, out, err = cli("report", "custom", bad, "--store", sample_store_path, "--out", tmp_path / "out2")
    assert code == 2 and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert "bad.toml: figure[0] 'f'.series[0].transform: unknown transform 'logdiff'" in err
    assert not (tmp_path / "out2").exists()
    code, _, err = cli("report", "custom", "--store", sample_store_path)
    assert code == 2 and "macrodesk report custom my_report.toml" in err
