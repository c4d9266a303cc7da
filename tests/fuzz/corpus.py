"""The fuzz corpus: hand-written families of malformed inputs, expanded combinatorially, plus
hypothesis-drawn ones (derandomized, so the corpus is the same on every run)."""

from __future__ import annotations

import gzip
import io
import random

from fuzz.harness import CPI_MOM_2025, CPI_YOY_2025, HEADER, MONTH_ENDS_2025, Case

IMPORT = ["data", "import", "{f}/{name}", "--store", "{store}"]

BAD_VALUES = ["inf", "-inf", "Infinity", "1e309", "-1e309", "NaN", "nan", "abc", "1,5", "12,34,5", "TRUE",
              "FALSE", "#DIV/0!", "#N/A", "#VALUE!", "--", "1.2.3", "0x10", "1e400", "½", "=1+1", "1 2", "五"]
BAD_DATES = ["2025-13-31", "2025-02-30", "today", "yesterday", "now", "0000-01-31", "Jan", "2025Q5", "2025-00-31",
             "2025-06-15", "31.31.2025", "1e5", "2025-12-31T25:00", "TRUE", "99999-12-31", "-2025-01-31"]


def _rows(sid="cpi_yoy", unit="pct_yoy", values=CPI_YOY_2025, dates=MONTH_ENDS_2025) -> list[str]:
    return [f"{sid},{d},{v},{unit},NBS,fuzz\n" for d, v in zip(dates, values)]


def _csv(rows, header=HEADER, enc="utf-8") -> bytes:
    return (header + "".join(rows)).encode(enc)


def _import(name: str, data: bytes, cname: str, extra=()) -> Case:
    return Case(cname, [a.replace("{name}", name) for a in IMPORT] + list(extra), {name: data})


def csv_cases() -> list[Case]:
    out = []
    # A bad value at the end of an otherwise good file, for a stored series (a revision) and a new one.
    for v in BAD_VALUES:
        for sid, unit, vals in (("cpi_yoy", "pct_yoy", CPI_YOY_2025), ("new_mom", "pct_mom", CPI_MOM_2025)):
            rows = _rows(sid, unit, vals)
            rows[-1] = f'{sid},2025-12-31,"{v}",{unit},NBS,fuzz\n'
            out.append(_import("v.csv", _csv(rows), f"value {v!r} in {sid}"))
    # A bad date in the middle of a good file.
    for d in BAD_DATES:
        for sid, unit in (("cpi_yoy", "pct_yoy"), ("new_yoy", "pct_yoy")):
            rows = _rows(sid, unit)
            rows[5] = f"{sid},{d},9.9,{unit},NBS,fuzz\n"
            out.append(_import("d.csv", _csv(rows), f"date {d!r} in {sid}"))
    # Structure.
    good = _rows()
    structural = {
        "empty": b"",
        "header only": HEADER.encode(),
        "header only crlf": HEADER.replace("\n", "\r\n").encode(),
        "missing value column": b"series_id,date,unit\ncpi_yoy,2025-01-31,pct_yoy\n",
        "missing unit column": b"series_id,date,value\ncpi_yoy,2025-01-31,0.5\n",
        "duplicate date": _csv(good + [good[3]]),
        "duplicate month": _csv(good + ["cpi_yoy,2025-04-15,9.9,pct_yoy,NBS,fuzz\n"]),
        "unit clash with store": _csv(_rows(unit="pct_mom")),
        "unit clash in file": _csv(good[:6] + [r.replace("pct_yoy", "pct_mom") for r in good[6:]]),
        "unknown unit": _csv(_rows(unit="percent")),
        "freq clash with store": _csv([r.replace("fuzz\n", "fuzz,Q\n") for r in good], HEADER[:-1] + ",freq\n"),
        "unknown freq": _csv([r.replace("fuzz\n", "fuzz,hourly\n") for r in good], HEADER[:-1] + ",freq\n"),
        "bom + bad value": b"\xef\xbb\xbf" + _csv(good[:-1] + ["cpi_yoy,2025-12-31,abc,pct_yoy,NBS,fuzz\n"]),
        "gbk + bad value": _csv(good[:-1] + ["cpi_yoy,2025-12-31,无,pct_yoy,国家统计局,fuzz\n"], enc="gbk"),
        "crlf + bad value": _csv(good[:-1] + ["cpi_yoy,2025-12-31,inf,pct_yoy,NBS,fuzz\n"]).replace(b"\n", b"\r\n"),
        "semicolons": _csv([r.replace(",", ";") for r in good], HEADER.replace(",", ";")),
        "quoted comma decimal": _csv(good[:-1] + ['cpi_yoy,2025-12-31,"0,8",pct_yoy,NBS,fuzz\n']),
        "quoted thousands": _csv(good[:-1] + ['cpi_yoy,2025-12-31,"1,234",pct_yoy,NBS,fuzz\n']),
        "ragged row": _csv(good[:-1] + ["cpi_yoy,2025-12-31,0.8,pct_yoy,NBS,fuzz,extra,more,cells\n"]),
        "unclosed quote": _csv(good[:-1] + ['cpi_yoy,2025-12-31,"0.8,pct_yoy,NBS,fuzz\n']),
        "empty id": _csv(good[:-1] + [",2025-12-31,0.8,pct_yoy,NBS,fuzz\n"]),
        "nul bytes": _csv(good) + b"\x00\x00\x00",
        "utf16": HEADER.encode("utf-16"),
        "binary": bytes(range(256)) * 8,
        "bad released": _csv([r[:-1] + ",2025-13-01\n" for r in good], HEADER[:-1] + ",released\n"),
        "released today": _csv([r[:-1] + ",today\n" for r in good], HEADER[:-1] + ",released\n"),
        "absurd value": _csv(good[:-1] + ["cpi_yoy,2025-12-31,1e300,pct_yoy,NBS,fuzz\n"]),
    }
    for n, b in structural.items():
        out.append(_import("s.csv", b, n))
    # Ids that must not reach SQL, paths or terminals unchecked.
    for sid in ["x" * 5000, "a'b", 'a"b', "a;b", "x'); DROP TABLE observations; --", "../../etc/passwd", "a/b",
                "a\\b", "a\tb", "a\x1bb", "a\x00b", ".."]:
        rows = _rows()[:-1] + [f'"{sid}",2025-12-31,0.8,pct_yoy,NBS,fuzz\n'.replace('""', '"')]
        if '"' in sid:
            rows[-1] = '"' + sid.replace('"', '""') + '",2025-12-31,0.8,pct_yoy,NBS,fuzz\n'
        out.append(_import("id.csv", _csv(rows), f"id {sid[:30]!r}"))
    # Gzip.
    full = gzip.compress(_csv(good))
    for cut in (12, len(full) // 2, len(full) - 4):
        out.append(_import("t.csv.gz", full[:cut], f"truncated gzip at {cut}"))
    out.append(_import("g.csv.gz", b"\x1f\x8b" + b"\x00" * 200, "gzip magic then zeros"))
    out.append(_import("b.csv.gz", gzip.compress(_csv(good[:-1] + ["cpi_yoy,2025-12-31,inf,pct_yoy,NBS,x\n"])),
                       "gzip holding inf"))
    return out


def excel_cases() -> list[Case]:
    out = []
    out.append(_import("text.xlsx", b"series_id,date\nthis is not a workbook\n", "text named .xlsx"))
    out.append(_import("zip.xlsx", b"PK\x03\x04" + b"\x00" * 300, "zip magic then zeros"))
    out.append(_import("ole.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 5600, "OLE header then zeros"))
    out.append(_import("ole2.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(random.Random(3).randrange(256)
                                                                               for _ in range(4000)), "OLE + noise"))
    wb = _wind_xlsx(CPI_YOY_2025)
    for label, cut in (("100 bytes", 100), ("half", len(wb) // 2), ("all but 30 bytes", len(wb) - 30)):
        out.append(_import("cut.xlsx", wb[:cut], f"truncated xlsx: {label}"))
    for v in ["TRUE", "#DIV/0!", "#N/A", "abc", "inf", "1e309", "=1/0"]:
        out.append(_import("w.xlsx", _wind_xlsx(CPI_YOY_2025[:-1] + [v]), f"wind value {v!r}"))
    for d in ["2025Q5", "TRUE", "2025-13", "today", "0000-01-31", "Jan"]:
        out.append(_import("wd.xlsx", _wind_xlsx(CPI_YOY_2025, bad_date=d), f"wind date {d!r}"))
    return out


def _wind_xlsx(values, bad_date=None) -> bytes:
    import openpyxl

    import datetime as dt

    wb = openpyxl.Workbook()
    wb.properties.created = wb.properties.modified = dt.datetime(2026, 1, 5)
    ws = wb.active
    for row in (["指标名称", "CPI:当月同比"], ["频率", "月"], ["单位", "%"], ["指标ID", "M0000612"], ["来源", "国家统计局"]):
        ws.append(row)

    for i, (d, v) in enumerate(zip(MONTH_ENDS_2025, values)):
        cell = dt.date.fromisoformat(d) if not (bad_date and i == 6) else bad_date
        if isinstance(v, str) and v in ("TRUE",):
            v = True
        ws.append([cell, v])
    ws.append(["数据来源：Wind"])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def toml_cases() -> list[Case]:
    out = []
    good = _csv(_rows())
    maps = {
        "invalid toml": b"[series\nid = ",
        "wrong type": b"[series.M0000612]\nid = 5\n",
        "unknown key": b"[series.M0000612]\nid = 'cpi_yoy'\nbogus = 1\n",
        "not utf8": b"\xff\xfe\x00[",
        "bad unit": b"[series.M0000612]\nid = 'cpi_yoy'\nunit = 'furlongs'\n",
    }
    for n, b in maps.items():
        out.append(Case(f"mapping {n}", ["data", "import", "{f}/c.csv", "--map", "{f}/m.toml", "--store", "{store}"],
                        {"m.toml": b, "c.csv": good}))
    lays = {"invalid toml": b"date = [", "wrong type": b"date_column = 5\n", "empty": b"",
            "unknown key": b"bogus = 1\n"}
    for n, b in lays.items():
        out.append(Case(f"layout {n}", ["data", "import", "{f}/c.csv", "--layout", "{f}/l.toml", "--store",
                                        "{store}"], {"l.toml": b, "c.csv": good}))
    head = 'target = "cpi"\nmom = "cpi_mom"\nyoy = "cpi_yoy"\nhorizon = ["2026-01", "2026-12"]\n'
    base = '[scenarios.a]\nbaseline = { window = [2025, 2025], stat = "mean" }\n'
    scen = {
        "invalid toml": "target = ",
        "empty": "",
        "unknown key": head + base + "bogus = 1\n",
        "horizon 2026-13": head.replace("2026-12", "2026-13") + base,
        "horizon 2026Q5": head.replace("2026-12", "2026Q5") + base,
        "horizon a..b": head.replace('"2026-12"', '"a..b"') + base,
        "reversed horizon": head.replace('"2026-01", "2026-12"', '"2026-12", "2026-01"') + base,
        "absurd mom": head + base + "[[scenarios.a.set]]\nmonths = '2026-03'\nmom_pct = " + "9" * 400 + "\n",
        "absurd mom float": head + base + "[[scenarios.a.set]]\nmonths = '2026-03'\nmom_pct = 1e308\n",
        "inf mom": head + base + "[[scenarios.a.set]]\nmonths = '2026-03'\nmom_pct = inf\n",
        "nan mom": head + base + "[[scenarios.a.set]]\nmonths = '2026-03'\nmom_pct = nan\n",
        "bad month spec": head + base + "[[scenarios.a.set]]\nmonths = '2026-13'\nmom_pct = 0.1\n",
        "mom 10**400": head + base + "[[scenarios.a.set]]\nmonths = '2026-03'\nmom_pct = 1" + "0" * 400 + "\n",
        "mom -100": head + base + "[[scenarios.a.set]]\nmonths = '2026-03'\nmom_pct = -100.0\n",
        "mom 1e6": head + base + "[[scenarios.a.set]]\nmonths = '2026-03'\nmom_pct = 1e6\n",
        "month spec 2026Q5": head + base + "[[scenarios.a.set]]\nmonths = '2026Q5'\nmom_pct = 0.1\n",
        "month spec a..b": head + base + "[[scenarios.a.set]]\nmonths = 'a..b'\nmom_pct = 0.1\n",
        "month outside horizon": head + base + "[[scenarios.a.set]]\nmonths = '2030-01'\nmom_pct = 0.1\n",
        "month set twice": head + base + "[[scenarios.a.set]]\nmonths = '2026-03'\nmom_pct = 0.1\n"
                           "[[scenarios.a.set]]\nmonths = '2026Q1'\nmom_pct = 0.2\n",
        "shock absurd": head + base + "[[scenarios.a.shocks]]\ncomponent = 'pork'\nshock_pct = 1e300\n"
                        "weight_pct = 2.0\nmonths = '2026-03'\n",
        "adjust absurd": head + base + "[[scenarios.a.adjust]]\npp = -1e9\nmonths = '2026'\n",
        "adjust not a number": head + base + "[[scenarios.a.adjust]]\npp = 'big'\nmonths = '2026'\n",
        "assume absurd": head.replace("horizon", "assume = { \"2025-12\" = 1e300 }\nhorizon") + base,
        "extends cycle": head + '[scenarios.a]\nextends = "b"\n[scenarios.b]\nextends = "a"\n',
        "extends self": head + '[scenarios.a]\nextends = "a"\n',
        "extends missing": head + '[scenarios.a]\nextends = "zz"\n',
        "missing target series": head.replace('"cpi_mom"', '"no_such_mom"') + base,
        "yoy as mom": head.replace('mom = "cpi_mom"', 'mom = "cpi_yoy"') + base,
        "wrong type horizon": head.replace('["2026-01", "2026-12"]', "5") + base,
        "window years absurd": head + '[scenarios.a]\nbaseline = { window = [1, 9999], stat = "mean" }\n',
        "window end absurd": head + '[scenarios.a]\nbaseline = { window = [2021, 99999999], stat = "mean" }\n',
        "window by month absurd": head + '[scenarios.a]\nbaseline = { window = [2021, 2025], stat = "mean", '
                                         'window_by_month = { "12" = [2021, 99999999] } }\n',
        "no scenarios": head,
        "stat unknown": head + '[scenarios.a]\nbaseline = { window = [2025, 2025], stat = "mode" }\n',
        "not utf8": "\udcff",
    }
    for n, t in scen.items():
        data = t.encode("utf-8", "surrogateescape")
        out.append(Case(f"scenario {n}", ["scenario", "run", "{f}/s.toml", "--store", "{store}"], {"s.toml": data},
                        says=SCENARIO_SAYS.get(n)))
    return out


# What each scenario case's message must point at (the key, or the words of the check that must catch it).
SCENARIO_SAYS = {
    "unknown key": "scenarios.a.bogus: unknown key", "horizon 2026-13": "horizon[1]", "horizon 2026Q5": "horizon[1]",
    "horizon a..b": "horizon[1]", "reversed horizon": "horizon: starts", "absurd mom": "set[0].mom_pct",
    "absurd mom float": "set[0].mom_pct", "inf mom": "set[0].mom_pct: expected a finite number",
    "nan mom": "set[0].mom_pct: expected a finite number", "bad month spec": "set[0].months",
    "mom 10**400": "set[0].mom_pct: expected a finite number", "mom -100": "set[0].mom_pct",
    "mom 1e6": "set[0].mom_pct", "month spec 2026Q5": "set[0].months", "month spec a..b": "set[0].months",
    "month outside horizon": "outside the horizon", "month set twice": "set[1].months",
    "shock absurd": "shocks[0].shock_pct", "adjust absurd": "adjust[0].pp", "adjust not a number": "adjust[0].pp",
    "assume absurd": "assume.2025-12", "extends cycle": "circular extends", "extends self": "circular extends",
    "extends missing": "no scenario 'zz'", "missing target series": "no_such_mom", "yoy as mom": "unit is pct_yoy",
    "wrong type horizon": "horizon", "window years absurd": "baseline.window",
    "window end absurd": "year 99999999", "window by month absurd": "year 99999999", "no scenarios": "scenarios: missing",
    "stat unknown": "baseline.stat",
}


def arg_cases() -> list[Case]:
    out = []
    for v in ["2025-13", "yesterday", "today", "0000-01", "2025Q5", "1e5", "-1", "", "2025-02-30", "99999-01"]:
        for opt in ("--as-of", "--start", "--end"):
            if opt == "--as-of":
                args = ["calc", "yoy", "cpi_mom", "--as-of", v, "--store", "{store}"]
            else:
                args = ["data", "show", "cpi_yoy", opt, v, "--store", "{store}"]
            out.append(Case(f"{opt} {v!r}", args, {}, names=None))
        out.append(Case(f"--known-on {v!r}", ["data", "show", "cpi_yoy", "--known-on", v, "--store", "{store}"], {}))
        out.append(Case(f"--vintage {v!r}", ["data", "show", "cpi_yoy", "--vintage", v, "--store", "{store}"], {}))
    for args in (["data", "show", "no_such_id"], ["data", "history", "no_such_id"], ["data", "rm", "no_such", "--yes"],
                 ["data", "rm", "--vintage", "99", "--yes"], ["data", "rm", "--vintage", "x", "--yes"],
                 ["calc", "yoy", "no_such_id"], ["calc", "no_such_calc", "cpi_mom"],
                 ["calc", "cum", "cpi_mom", "--months", "13-1"], ["calc", "cum", "cpi_mom", "--months", "a-b"],
                 ["calc", "seasonal-norm", "cpi_mom", "--years", "1-9999"],
                 ["calc", "seasonal-norm", "cpi_mom", "--years", "2024-2021"],
                 ["report", "no_such_report"], ["report", "inflation-review", "--format", "doc"],
                 ["data", "show", "cpi_yoy", "--lang", "fr"], ["data", "rename", "cpi_yoy", "cpi_mom"],
                 ["data", "rename", "cpi_yoy", "../x"]):
        out.append(Case(" ".join(args), [*args, "--store", "{store}"], {}))
    return out


def drawn_cases(n: int = 80) -> list[Case]:
    """Seeded junk in the value or date cell of one row of an otherwise good file."""
    alphabet = "0123456789.,-+eE:/年月日QqHh ∞NaInfTRUE#!%$@汉"
    rnd = random.Random(20251231)
    out: list[Case] = []
    seen: set[str] = set()
    while len(out) < n:
        v = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 10))).strip()
        col = rnd.choice(["value", "date"])
        if not v or (col, v) in seen or (col == "value" and _is_plain_number(v)):
            continue
        seen.add((col, v))
        rows = _rows()
        k = rnd.randrange(12)
        rows[k] = (f'cpi_yoy,{MONTH_ENDS_2025[k]},"{v}",pct_yoy,NBS,fuzz\n' if col == "value"
                   else f'cpi_yoy,"{v}",0.0,pct_yoy,NBS,fuzz\n')
        out.append(_import("h.csv", _csv(rows), f"drawn {col} {v!r}"))
    return out


def _is_plain_number(s: str) -> bool:
    try:
        return abs(float(s)) < 1e300
    except ValueError:
        return False


# NBS portal download: CPI 上年同月=100 and 上月=100, 2025-01..2025-12 (100 + the published prints above).
NBS_YOY = [round(100 + v, 1) for v in CPI_YOY_2025]
NBS_MOM = [round(100 + v, 1) for v in CPI_MOM_2025]


def _nbs(yoy=None, mom=None, heads=None, database="数据库：月度数据", extra=(), enc="gbk") -> bytes:
    heads = heads or [f"2025年{m}月" for m in range(12, 0, -1)]  # newest first, as the portal writes
    rows = [[database], ["时间：2025年1月-2025年12月"], ["指标", *heads],
            ["居民消费价格指数(上年同月=100)", *reversed(yoy or NBS_YOY)],
            ["居民消费价格指数(上月=100)", *reversed(mom or NBS_MOM)], *extra,
            ["注：1.以上数据来源于国家统计局。"], ["数据来源：国家统计局"]]
    return ("\r\n".join(",".join(str(c) for c in r) for r in rows) + "\r\n").encode(enc)


def nbs_cases() -> list[Case]:
    out = []
    for v in ["abc", "inf", "1e309", "1e300", "#N/A", "TRUE", "--5", "五", '"1,5"', '"12,34,5"']:
        out.append(_import("nbs.csv", _nbs(yoy=NBS_YOY[:-1] + [v]), f"nbs value {v!r}"))
    bad_heads = {"2025年13月": 0, "2025年0月": 0, "2025年第五季度": 3, "today": 5, "2025年": 6, "2025年1月": 2}
    for h, i in bad_heads.items():  # 2025年1月 at position 2 duplicates the last heading
        heads = [f"2025年{m}月" for m in range(12, 0, -1)]
        heads[i] = h
        out.append(_import("nbs.csv", _nbs(heads=heads), f"nbs heading {h!r}"))
    gap = [f"2025年{m}月" for m in range(12, 0, -1) if m != 6]
    out.append(_import("nbs.csv", _nbs(yoy=NBS_YOY[:5] + NBS_YOY[6:], mom=NBS_MOM[:5] + NBS_MOM[6:], heads=gap),
                       "nbs skipped month"))
    structural = {
        "nbs unknown indicator": _nbs(extra=[["不存在的指标(上年同月=100)", *reversed(NBS_YOY)]]),
        "nbs duplicate indicator": _nbs(extra=[["居民消费价格指数(上月=100)", *reversed(NBS_MOM)]]),
        "nbs short row": _nbs(extra=[["居民消费价格指数(上年同月=100)", "100.8"]]),
        "nbs weekly database": _nbs(database="数据库：周度数据"),
        "nbs header only": "数据库：月度数据\r\n时间：2025年\r\n指标,2025年12月\r\n".encode("gbk"),
        "nbs values without a name": _nbs(extra=[["", *reversed(NBS_YOY)]]),
        "nbs utf16": "数据库：月度数据\r\n".encode("utf-16"),
    }
    for n, b in structural.items():
        out.append(_import("nbs.csv", b, n))
    full = _nbs()
    out.append(_import("nbs.csv", full[: len(full) // 2], "nbs truncated mid-row"))
    out.append(_import("nbs.csv.gz", gzip.compress(full)[:60], "nbs truncated gzip"))
    return out


# Customs online query, exports by partner, USD (GACC; 2019-12 and 2020-01, as in the shared trade data).
CUSTOMS_HEADER = "数据年月,商品编码,商品名称,贸易伙伴编码,贸易伙伴名称,第一数量,第一计量单位,第二数量,第二计量单位,美元"
CUSTOMS_REAL = {"201912": [("502", "美国", 34573938.0), ("116", "日本", 12418263.0), ("", "东盟", 37532245.0)],
                "202001": [("502", "美国", 32495748.175), ("116", "日本", 12065461.137), ("", "东盟", 29918473.861)]}


def _customs_rows() -> list[list[str]]:
    return [[m, "", "", code, name, "", "", "", "", f"{round(v * 1000):,}"]
            for m, vals in CUSTOMS_REAL.items() for code, name, v in vals]


def _customs(rows, header=CUSTOMS_HEADER, enc="gbk") -> bytes:
    import csv as _csv

    buf = io.StringIO()
    w = _csv.writer(buf, lineterminator="\r\n")
    w.writerow(header.split(","))
    w.writerows(rows)
    return buf.getvalue().encode(enc)


def customs_cases() -> list[Case]:
    out = []
    for v in ["n/a", "inf", "1e309", "-", "TRUE", "1e300", "12,34,5.5.5", "#DIV/0!", "1,5", "34,573,93"]:
        rows = _customs_rows()
        rows[4][-1] = v
        out.append(_import("出口.csv", _customs(rows), f"customs value {v!r}"))
    for m in ["202513", "201900", "2019-12-31", "abc", "0000", "99991"]:
        rows = _customs_rows()
        rows[2][0] = m
        out.append(_import("出口.csv", _customs(rows), f"customs month {m!r}"))
    rows = _customs_rows()
    out.append(_import("出口.csv", _customs(rows + [list(rows[1])]), "customs duplicate row"))
    out.append(_import("出口.csv", _customs([r[:-1] for r in rows], CUSTOMS_HEADER.rsplit(",", 1)[0]),
                       "customs missing value column"))
    out.append(_import("出口.csv", _customs([]), "customs header only"))
    out.append(_import("出口.csv", _customs(rows)[:150], "customs truncated"))
    out.append(_import("出口.csv", _customs(rows[:2] + [r + ["extra", "cells"] for r in rows[2:]]), "customs ragged"))
    return out


WIDE_LAYOUT = b"""header_row = 3
date_column = "Date"
source = "CEIC"

[columns."China CPI YoY"]
id = "wide_cpi_yoy"
unit = "pct_yoy"
freq = "M"
"""


def _wide(values=CPI_YOY_2025, dates=None) -> bytes:
    dates = dates or [f"2025-{m:02d}-01" for m in range(1, 13)]
    rows = [["CEIC Data Export"], ["Frequency: Monthly"], ["Date", "China CPI YoY", "Note"]]
    rows += [[d, v, "x"] for d, v in zip(dates, values)]
    rows.append(["Source: National Bureau of Statistics", "", ""])
    return ("\n".join(",".join(str(c) for c in r) for r in rows) + "\n").encode()


def _wide_case(data: bytes, name: str, layout: bytes = WIDE_LAYOUT, names: str | None = None) -> Case:
    return Case(name, ["data", "import", "{f}/w.csv", "--layout", "{f}/l.toml", "--store", "{store}"],
                {"w.csv": data, "l.toml": layout}, names=names)


def wide_cases() -> list[Case]:
    out = []
    for v in ["abc", "inf", "1e309", "1e300", "-0.1%", "#N/A", "TRUE", "1,5"]:
        out.append(_wide_case(_wide(CPI_YOY_2025[:-1] + [f'"{v}"' if "," in v else v]), f"wide value {v!r}"))
    for d in ["2025-13-01", "today", "0000-01-01", "Feb 2025", "2025-03-15", "2025Q5"]:
        dates = [f"2025-{m:02d}-01" for m in range(1, 13)]
        dates[3] = d
        out.append(_wide_case(_wide(dates=dates), f"wide date {d!r}"))
    dates = [f"2025-{m:02d}-01" for m in range(1, 13) if m != 6]
    out.append(_wide_case(_wide(CPI_YOY_2025[:5] + CPI_YOY_2025[6:], dates), "wide skipped month"))
    out.append(_wide_case(_wide().replace(b"China CPI YoY", b"China CPI"), "wide column missing"))
    out.append(_wide_case(b"", "wide empty"))
    layouts = {
        "wide layout unknown key": WIDE_LAYOUT + b"bogus = 1\n",
        "wide layout header_row 0": WIDE_LAYOUT.replace(b"header_row = 3", b"header_row = 0"),
        "wide layout header_row huge": WIDE_LAYOUT.replace(b"header_row = 3", b"header_row = 99999999"),
        "wide layout unit clash with store": WIDE_LAYOUT.replace(b'"wide_cpi_yoy"', b'"cpi_yoy"')
                                                        .replace(b'"pct_yoy"', b'"pct_mom"'),
        "wide layout id with path": WIDE_LAYOUT.replace(b'"wide_cpi_yoy"', b'"../../x"'),
        "wide layout id with quote": WIDE_LAYOUT.replace(b'"wide_cpi_yoy"', b"\"a'; DROP TABLE series; --\""),
    }
    for n, lay in layouts.items():
        out.append(_wide_case(_wide(), n, lay, names="w.csv" if "clash" in n or "huge" in n else "l.toml"))
    return out


def all_cases() -> list[Case]:
    import dataclasses

    families = {"csv": csv_cases, "excel": excel_cases, "toml": toml_cases, "cli args": arg_cases,
                "drawn csv": drawn_cases, "nbs": nbs_cases, "customs": customs_cases, "wide": wide_cases}
    return [dataclasses.replace(c, family=f) for f, make in families.items() for c in make()]
