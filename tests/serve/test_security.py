"""The desk refuses what a request must not do: leave a report folder, write the store, run SQL."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest


def _sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


@pytest.mark.parametrize("name", ["..%2Fsecret.txt", "..%2F..%2Fmacrodesk.toml", "%2e%2e/%2e%2e/secret.txt",
                                  "%2Fetc%2Fpasswd", "..%5C..%5Csecret.txt", "inflation-review.md%00.png"])
def test_report_files_stay_in_their_folder(client, name):
    r = client.get(f"/reports/0/{name}")
    assert r.status_code == 404 and "outside" not in r.text


def test_report_folder_check_itself(desk_app, desk_project):
    from macrodesk.exceptions import ReportError

    desk = desk_app.state.desk
    assert desk.report_file(0, "inflation-review.md").name == "inflation-review.md"
    for bad in ("../../secret.txt", str(desk_project / "secret.txt"), "../inflation-review", ""):
        with pytest.raises(ReportError):
            desk.report_file(0, bad)


def test_the_store_cannot_be_written(client, desk_app, sample_store_path, sample_series):
    before = _sha(sample_store_path)
    for method in ("post", "put", "delete", "patch"):
        assert getattr(client, method)("/api/series/cpi_yoy").status_code in (405, 415)
    from macrodesk.series import MacroSeries

    s = sample_series[0]
    copy = MacroSeries(s.meta.replace(id="attempt_copy"), s.data)  # a new series: the write is not a no-op
    with pytest.raises(Exception, match="read-only"):
        desk_app.state.desk.store.write([copy], label="attempt")
    assert _sha(sample_store_path) == before


def test_no_sql_from_request_strings(client, sample_store_path):
    before = _sha(sample_store_path)
    r = client.get("/api/series", params={"q": "'; DROP TABLE series; --"})
    assert r.status_code == 200 and r.json()["total"] == 0
    assert client.get("/api/series/cpi_yoy' OR '1'='1").status_code == 404
    assert client.get("/api/series/cpi_yoy; DELETE FROM observations").status_code == 404
    assert client.get("/api/series/cpi_yoy").json()["values"][-1] == ["2025-12", 0.8]
    assert _sha(sample_store_path) == before
    # the desk reads through Store methods only: no SQL text and no connection in its code
    for p in Path(__file__).parents[2].joinpath("macrodesk", "serve").glob("*.py"):
        text = p.read_text(encoding="utf-8")
        assert ".con." not in text and "execute(" not in text and "duckdb" not in text, p.name


def test_only_local_hosts_and_json_posts(client):
    assert client.get("/api/series", headers={"host": "evil.example"}).status_code == 400
    r = client.post("/api/scenarios/cpi_2026.toml/run", content="a=1",
                    headers={"content-type": "application/x-www-form-urlencoded"})
    assert r.status_code == 415
    csp = client.get("/explorer").headers["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp
