"""``macrodesk report``: exit codes for a bad report name or format."""

from __future__ import annotations


def test_report_unknown_name_and_bad_format(cli, sample_store_path, tmp_path):
    code, _, err = cli("report", "nope", "--store", sample_store_path, "--out", tmp_path)
    assert code == 2 and "unknown report 'nope'; available: inflation-review" in err
    code, _, err = cli("report", "inflation-review", "--format", "rtf", "--store", sample_store_path)
    assert code == 2 and "unknown format 'rtf'; choose from html, pdf, md, xlsx, docx" in err
