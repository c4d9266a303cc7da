"""``macrodesk report --style`` and the project file's ``style``: the cover, the analysts, bad style files."""

from __future__ import annotations

import pytest

from macrodesk.project import FILENAME, parse_project

STYLE = """institution = "华东证券研究所"
disclaimer = "本报告仅供华东证券客户使用。"

[[analyst]]
name = "王明"
certificate = "S0860520010001"
"""


@pytest.fixture()
def in_dir(tmp_path, monkeypatch):
    monkeypatch.delenv("MACRODESK_STORE", raising=False)
    monkeypatch.setenv("MACRODESK_CACHE", "off")
    monkeypatch.setattr("macrodesk.reports.model.FIGURE_DPI", 30)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_style_option_and_project_key(cli, sample_store_path, in_dir):
    (in_dir / "house.toml").write_text(STYLE, encoding="utf-8")
    code, _, err = cli("report", "inflation-review", "--store", sample_store_path, "--format", "md", "--out", "plain")
    assert code == 0, err
    md = (in_dir / "plain" / "inflation-review.md").read_text(encoding="utf-8")
    assert "*内部研究草稿，非证券研究报告*" in md and "分析师" not in md

    code, _, err = cli("report", "inflation-review", "--store", sample_store_path, "--format", "md", "--out", "styled",
                       "--style", "house.toml")
    assert code == 0, err
    md = (in_dir / "styled" / "inflation-review.md").read_text(encoding="utf-8")
    assert "*华东证券研究所*" in md and "分析师：王明（执业证书编号：S0860520010001）" in md
    assert "本报告仅供华东证券客户使用。" in md and "草稿" not in md
    assert "供分析师参考" not in md and "_mom" not in md  # the client edition names no series ids

    (in_dir / FILENAME).write_text(f'store = "{sample_store_path}"\nstyle = "house.toml"\n', encoding="utf-8")
    code, _, err = cli("report", "inflation-review", "--format", "md", "--out", "proj")
    assert code == 0, err
    assert "*华东证券研究所*" in (in_dir / "proj" / "inflation-review.md").read_text(encoding="utf-8")


def test_bad_style_file_is_one_line_exit_2(cli, sample_store_path, in_dir):
    (in_dir / "bad.toml").write_text(STYLE.replace('certificate = "S0860520010001"\n', ""), encoding="utf-8")
    code, _, err = cli("report", "inflation-review", "--store", sample_store_path, "--format", "md", "--style", "bad.toml")
    assert code == 2
    assert "bad.toml" in err and "analyst[1].certificate" in err and "Traceback" not in err
    assert not (in_dir / "macrodesk-report").exists()


def test_project_style_must_be_a_path(tmp_path):
    from macrodesk.exceptions import InputFileError

    with pytest.raises(InputFileError, match="key 'style'"):
        parse_project("style = 3\n", tmp_path / FILENAME)
    assert parse_project('style = "house.toml"\n', tmp_path / FILENAME).style == tmp_path.resolve() / "house.toml"
