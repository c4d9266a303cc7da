"""Tidy CSV importer: reading, frequency/names from the catalogue, and every error path."""

from __future__ import annotations

import gzip

import pandas as pd
import pytest

from macrodesk.exceptions import InputFileError, UnitError
from macrodesk.importers import merge_series, read_csv, read_paths

HEADER = "series_id,date,value,unit,source,origin\n"
# NBS: CPI YoY 2025-10..12 = 0.2, 0.7, 0.8; PPI YoY 2025-11, 12 = -2.2, -1.9.
GOOD = HEADER + (
    "cpi_yoy,2025-10-31,0.2,pct_yoy,NBS,test\n"
    "cpi_yoy,2025-11-30,0.7,pct_yoy,NBS,test\n"
    "cpi_yoy,2025-12-31,0.8,pct_yoy,NBS,test\n"
    "ppi_yoy,2025-11-30,-2.2,pct_yoy,NBS,test\n"
    "ppi_yoy,2025-12-31,-1.9,pct_yoy,NBS,test\n"
)


def write(tmp_path, text, name="data.csv"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_reads_series_with_catalogue_names_and_freq(tmp_path):
    got = {s.id: s for s in read_csv(write(tmp_path, GOOD))}
    assert set(got) == {"cpi_yoy", "ppi_yoy"}
    cpi = got["cpi_yoy"]
    assert cpi.freq == "M" and cpi.unit == "pct_yoy"
    assert cpi.meta.name_zh == "CPI:当月同比"
    assert cpi.data.tolist() == [0.2, 0.7, 0.8]
    assert got["ppi_yoy"].data[pd.Period("2025-12", "M")] == -1.9


def test_extra_columns_are_ignored_and_gzip_is_read(tmp_path):
    text = GOOD.replace("origin\n", "origin,comment\n").replace(",test\n", ",test,x\n")
    p = tmp_path / "data.csv.gz"
    with gzip.open(p, "wt", encoding="utf-8") as fh:
        fh.write(text)
    assert len(read_csv(p)) == 2


def test_unknown_series_frequency_is_inferred_from_dates(tmp_path):
    text = HEADER + "".join(f"my_weekly,{d},{v},index,me,x\n" for d, v in [("2024-01-05", 1), ("2024-01-12", 2), ("2024-01-19", 3)])
    (s,) = read_csv(write(tmp_path, text))
    assert s.freq == "W"


def test_monthly_gap_is_kept_as_nan_inside_the_range(tmp_path):
    text = HEADER + "x,2025-01-31,1,pct_yoy,,\nx,2025-03-31,3,pct_yoy,,\n"
    (s,) = read_csv(write(tmp_path, text))
    assert len(s.data) == 3 and s.data.isna().sum() == 1 and len(s) == 2


@pytest.mark.parametrize(
    "body, exc, message",
    [
        ("cpi_yoy,2025-13-31,0.8,pct_yoy,NBS,t\n", InputFileError,
         r"file 'data.csv', row 2, series 'cpi_yoy': '2025-13-31' is not a date"),
        ("cpi_yoy,2025-11-30,0.7,pct_yoy,NBS,t\ncpi_yoy,2025-12-31,n/a,pct_yoy,NBS,t\n", InputFileError,
         r"file 'data.csv', row 3, series 'cpi_yoy': value 'n/a' is not a number"),
        ("cpi_yoy,2025-12-31,0.8,pct_yoy,NBS,t\ncpi_yoy,2025-12-31,0.8,pct_yoy,NBS,t\n", InputFileError,
         r"file 'data.csv', row 3, series 'cpi_yoy': duplicate date 2025-12 \(rows 2 and 3\)"),
        ("cpi_yoy,2025-12-31,0.8,percent,NBS,t\n", UnitError,
         r"file 'data.csv', row 2, series 'cpi_yoy': unknown unit 'percent'"),
        ("cpi_yoy,2025-11-30,0.7,pct_yoy,NBS,t\ncpi_yoy,2025-12-31,100.8,index_prev_year_100,NBS,t\n", UnitError,
         r"row 3, series 'cpi_yoy': unit 'index_prev_year_100' clashes with 'pct_yoy'"),
        ("cpi_yoy,2025-12-31,0.8,pct_yoy,NBS,t\n,2025-12-31,1,pct_yoy,NBS,t\n", InputFileError,
         r"file 'data.csv', row 3: empty series_id"),
    ],
)
def test_bad_rows_name_file_row_and_series(tmp_path, body, exc, message):
    with pytest.raises(exc, match=message):
        read_csv(write(tmp_path, HEADER + body))


def test_missing_columns(tmp_path):
    with pytest.raises(InputFileError, match=r"file 'data.csv': missing column\(s\) unit"):
        read_csv(write(tmp_path, "series_id,date,value\ncpi_yoy,2025-12-31,0.8\n"))


def test_header_only_file(tmp_path):
    with pytest.raises(InputFileError, match="header but no rows"):
        read_csv(write(tmp_path, HEADER))


def test_empty_file(tmp_path):
    with pytest.raises(InputFileError, match="not a readable CSV"):
        read_csv(write(tmp_path, ""))


def test_folder_import_and_unsupported_files(tmp_path):
    (tmp_path / "d").mkdir()
    write(tmp_path / "d", GOOD, "a.csv")
    write(tmp_path / "d", "ignore me", "notes.txt")
    assert {s.id for s in read_paths([tmp_path / "d"])} == {"cpi_yoy", "ppi_yoy"}
    with pytest.raises(InputFileError, match=r"unsupported file type '.txt'"):
        read_paths([tmp_path / "d" / "notes.txt"])
    with pytest.raises(InputFileError, match="no such file or folder"):
        read_paths([tmp_path / "nope.csv"])
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputFileError, match="folder has no importable files"):
        read_paths([tmp_path / "empty"])


def test_merge_refuses_conflicting_values_across_files(tmp_path):
    a = read_csv(write(tmp_path, GOOD, "a.csv"))
    b = read_csv(write(tmp_path, GOOD.replace("2025-12-31,0.8", "2025-12-31,0.9"), "b.csv"))
    with pytest.raises(InputFileError, match=r"series 'cpi_yoy': date 2025-12 has 0.8 in 'test' but 0.9"):
        merge_series(a + b)


def test_bundled_sample_reads_with_one_series_per_id(sample_series):
    ids = [s.id for s in sample_series]
    assert len(ids) == len(set(ids)) == 955  # distinct series_id values over the shared data's 17 CSV files
    by = {s.id: s for s in sample_series}
    # GACC: exports 2025-12 +6.6% YoY (USD), prior +5.9% — the seed 000 headline.
    ex = by["exports_usd_yoy"].data
    assert ex[pd.Period("2025-12", "M")] == 6.6 and ex[pd.Period("2025-11", "M")] == 5.9
    assert by["diesel_0_cny"].freq == "X" and by["breeding_sow_inventory_q"].freq == "Q"


def test_year_end_dates_are_annual(tmp_path):
    # Year-ends are quarter- and month-ends too; the importers (CSV and Wind alike) read them as annual.
    values = [4329.0, 4390.0, 4142.0, 4078.0, 4038.0]  # illustrative year-end stocks, 万头
    dates = [f"{y}-12-31" for y in range(2021, 2026)]
    text = HEADER + "".join(f"my_stock,{d},{v},10k_head,me,x\n" for d, v in zip(dates, values))
    (s,) = read_csv(write(tmp_path, text))
    assert s.freq == "A"
    assert s.data.index.equals(pd.period_range("2021", periods=5, freq="Y"))
    assert s.data.tolist() == values


def test_frequency_that_dates_do_not_tell_is_daily(tmp_path):
    # One month-end date is monthly; dates without a pattern keep their days (daily).
    one = HEADER + "new_m,2025-12-31,1.5,pct_yoy,me,x\n"
    assert read_csv(write(tmp_path, one, "one.csv"))[0].freq == "M"
    odd = HEADER + "new_d,2025-01-15,1,index,me,x\nnew_d,2025-03-02,2,index,me,x\nnew_d,2025-08-19,3,index,me,x\n"
    (s,) = read_csv(write(tmp_path, odd, "odd.csv"))
    assert s.freq == "D" and s.data.index[1] == pd.Timestamp("2025-03-02")


def test_duplicate_rows_name_the_first_date_given_twice(tmp_path):
    body = (
        "x,2025-10-31,1,pct_yoy,,\nx,2025-11-30,2,pct_yoy,,\n"
        "x,2025-11-30,2,pct_yoy,,\nx,2025-10-31,1,pct_yoy,,\n"
    )
    with pytest.raises(InputFileError, match=r"row 4, series 'x': duplicate date 2025-11 \(rows 3 and 4\)"):
        read_csv(write(tmp_path, HEADER + body))


# NBS release days of the CPI prints for 2025-10 and 2025-11 (release pages cited in nbs_releases.csv).
RELEASED = HEADER.replace("\n", ",released\n") + (
    "cpi_yoy,2025-10-31,0.2,pct_yoy,NBS,test,2025-11-09\n"
    "cpi_yoy,2025-11-30,0.7,pct_yoy,NBS,test,2025-12-10\n"
    "cpi_yoy,2025-12-31,0.8,pct_yoy,NBS,test,\n"
)


def test_released_column_is_kept_as_the_series_release_dates(tmp_path):
    (s,) = read_csv(write(tmp_path, RELEASED))
    assert s.released is not None
    assert s.released.dt.strftime("%Y-%m-%d").fillna("").tolist() == ["2025-11-09", "2025-12-10", ""]
    assert all(s.released is None for s in read_csv(write(tmp_path, GOOD, "plain.csv")))


def test_released_in_a_frame_may_be_timestamps():
    from macrodesk.importers.csv import read_frame

    df = pd.DataFrame({"series_id": ["cpi_yoy"], "date": [pd.Timestamp("2025-10-31")], "value": [0.2],
                       "unit": ["pct_yoy"], "released": [pd.Timestamp("2025-11-09")]})
    (s,) = read_frame(df, "akshare:macro_china_cpi")
    assert s.released.tolist() == [pd.Timestamp("2025-11-09")]


def test_unreadable_release_date_names_the_row(tmp_path):
    text = RELEASED.replace("2025-12-10", "10 Dec")
    with pytest.raises(InputFileError, match=r"file 'data.csv', row 3, series 'cpi_yoy': released '10 Dec' is not a date"):
        read_csv(write(tmp_path, text))


def test_merge_series_keeps_release_dates_from_every_file(tmp_path):
    # CPI YoY Oct/Nov 2025 (0.2, 0.7), released 2025-11-09 and 2025-12-10 (NBS release pages)
    from macrodesk.importers import read_paths

    a = tmp_path / "a.csv"
    a.write_text("series_id,date,value,unit,released\ncpi_yoy,2025-10-31,0.2,pct_yoy,2025-11-09\n", encoding="utf-8")
    b = tmp_path / "b.csv"
    b.write_text("series_id,date,value,unit,released\ncpi_yoy,2025-10-31,0.2,pct_yoy,\n"
                 "cpi_yoy,2025-11-30,0.7,pct_yoy,2025-12-10\n", encoding="utf-8")
    (s,) = read_paths([a, b])
    rel = s.released_observations()
    assert [d.date().isoformat() for d in rel] == ["2025-11-09", "2025-12-10"]
