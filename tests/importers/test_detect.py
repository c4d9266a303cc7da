"""Format detection from the file's content, and the dispatch of read_paths (with --format forcing)."""

from __future__ import annotations

import gzip
import types

import pytest

from importers.conftest import WindCol, month_ends, wind_rows, write_workbook
from importers.test_nbs import CPI_Y, monthly_rows, write_csv
from macrodesk.exceptions import InputFileError
from macrodesk.importers import read_paths
from macrodesk.importers.detect import HEAD_BYTES, detect
from macrodesk.importers.mapping import parse_mapping

# NBS CPI YoY (%), 2025-09..12.
TIDY = "series_id,date,value,unit,source,origin\n" + "".join(
    f"cpi_yoy,{d},{v},pct_yoy,NBS,test\n" for d, v in zip(["2025-09-30", "2025-10-31", "2025-11-30", "2025-12-31"],
                                                            [-0.3, 0.2, 0.7, 0.8]))
CUSTOMS_HEAD = "商品编码,商品名称,贸易伙伴编码,贸易伙伴名称,第一数量,第一计量单位,美元,数据年月\n"


@pytest.fixture
def files(tmp_path):
    nbs = monthly_rows({"居民消费价格指数(上年同月=100)": CPI_Y})
    wind = wind_rows([WindCol("CPI:当月同比", "月", "%", "M0000612", [-0.3, 0.2, 0.7, 0.8])], month_ends("2025-09", 4))
    gz = tmp_path / "tidy.csv.gz"
    gz.write_bytes(gzip.compress(TIDY.encode()))
    return {
        "tidy": (tmp_path / "tidy.csv", "csv"),
        "tidy_bom": (tmp_path / "tidy_bom.csv", "csv"),
        "gz": (gz, "csv"),
        "nbs_gbk": (write_csv(tmp_path / "nbs_gbk.csv", nbs, "gbk"), "nbs"),
        "nbs_utf8": (write_csv(tmp_path / "nbs_utf8.csv", nbs, "utf-8"), "nbs"),
        "nbs_xls": (write_workbook(tmp_path / "nbs.xls", {"sheet1": nbs}), "nbs"),
        "nbs_xlsx_named_csv": (write_workbook(tmp_path / "nbs.xlsx", {"sheet1": nbs}), "nbs"),
        "wind": (write_workbook(tmp_path / "wind.xlsx", {"Sheet1": wind}), "edb"),
    }


def test_each_format_is_told_from_the_content(files):
    files["tidy"][0].write_text(TIDY, encoding="utf-8")
    files["tidy_bom"][0].write_text(TIDY, encoding="utf-8-sig")
    for name, (path, fmt) in files.items():
        assert detect(path) == fmt, name


def test_the_name_does_not_decide(tmp_path, files):
    # An NBS download saved as .xls but holding CSV text, and a workbook whose suffix says nothing.
    disguised = tmp_path / "nbs_as.xls"
    disguised.write_bytes(files["nbs_gbk"][0].read_bytes())
    assert detect(disguised) == "nbs"
    assert {s.id for s in read_paths([disguised])} == {"cpi_index_prev_year"}


def test_only_the_head_is_read(tmp_path):
    # A valid header followed by more bytes than the head: detection does not look past HEAD_BYTES.
    p = tmp_path / "big.csv"
    p.write_bytes(TIDY.encode() + b"x" * (3 * HEAD_BYTES) + b"\xff\xfe")
    assert detect(p) == "csv"


def test_undetectable_file_names_it_and_lists_formats(tmp_path):
    p = tmp_path / "notes.csv"
    p.write_text("date;cpi\n2025-12;0.8\n", encoding="utf-8")
    with pytest.raises(InputFileError) as e:
        read_paths([p])
    msg = str(e.value)
    assert msg.startswith("file 'notes.csv': cannot tell what this file is")
    for fmt in ("csv:", "nbs:", "edb:", "wide:"):
        assert fmt in msg


def test_utf16_text_is_refused_with_a_hint(tmp_path):
    p = tmp_path / "u16.csv"
    p.write_bytes(TIDY.encode("utf-16"))
    with pytest.raises(InputFileError, match=r"file 'u16.csv': the file is UTF-16 text; save it as CSV in UTF-8 or GBK"):
        detect(p)


def test_format_can_be_forced(files):
    nbs = files["nbs_gbk"][0]
    with pytest.raises(InputFileError, match=r"file 'nbs_gbk.csv'.*(missing column|not a readable CSV)"):
        read_paths([nbs], format="csv")
    assert {s.id for s in read_paths([nbs], format="nbs")} == {"cpi_index_prev_year"}
    with pytest.raises(InputFileError, match=r"unknown format 'xml'; formats: csv, nbs, customs, edb, wide"):
        read_paths([nbs], format="xml")


def test_edb_workbooks_still_go_to_read_wind(files):
    mapping = parse_mapping(b'[series.M0000612]\nid = "cpi_yoy"\n', "map.toml")
    (s,) = read_paths([files["wind"][0]], mapping=mapping)
    assert s.id == "cpi_yoy" and s.unit == "pct_yoy"
    assert s.observations().tolist() == [-0.3, 0.2, 0.7, 0.8]


def test_customs_csv_is_dispatched_to_the_customs_importer(tmp_path, monkeypatch):
    calls: list[tuple] = []
    stub = types.ModuleType("macrodesk.importers.customs")
    stub.sniff = lambda head: head.lstrip("\ufeff").startswith("商品编码")  # type: ignore[attr-defined]
    stub.read_customs = lambda path, mapping=None: calls.append((path.name, mapping)) or []  # type: ignore[attr-defined]
    monkeypatch.setitem(__import__("sys").modules, "macrodesk.importers.customs", stub)
    p = tmp_path / "海关.csv"
    p.write_bytes((CUSTOMS_HEAD + "85423100,处理器及控制器,502,美国,1000,个,\"1,234\",202501\n").encode("gbk"))
    assert detect(p) == "customs"
    assert read_paths([p]) == [] and calls == [("海关.csv", None)]


def test_layout_and_format_conflict(tmp_path, files):
    lay = tmp_path / "l.toml"
    lay.write_text('[columns.a]\nid = "a"\nunit = "pct"\nfreq = "M"\n', encoding="utf-8")
    with pytest.raises(InputFileError, match="cannot be used with format 'nbs'"):
        read_paths([files["nbs_gbk"][0]], layout=lay, format="nbs")
