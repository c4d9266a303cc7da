"""Read the customs online query CSV (海关统计数据在线查询, GACC) into the trade flash's series.

The site's CSV download is GBK-encoded (GB18030 and UTF-8, with or without BOM, are accepted too),
one header row, then one row per product × partner × month (and × trade mode, × registry when
those are ticked)::

    数据年月,商品编码,商品名称,贸易伙伴编码,贸易伙伴名称,[贸易方式编码,贸易方式名称,]
    [注册地编码,注册地名称,]第一数量,第一计量单位,第二数量,第二计量单位,美元      (or 人民币)
    202501,85423100,处理器及控制器,502,美国,"1,234","个",...,"12,345,678"

* 数据年月 is ``YYYYMM`` (the query's 分月展示 must be ticked); numbers carry thousands separators.
* The site does not write the direction: the query form chooses 出口 or 进口. It is read from a
  进出口 (or 贸易流向) column when there is one, else from the file name (出口/export, 进口/import).
* A cumulative query (累计) is recognised from 累计 in the file name or a header; its ids end ``_ytd``.

Aggregation (tables shipped beside this module, :mod:`._tables`):

* rows without a product (商品编码 blank or 总值) by partner → ``exports_usd_region_<key>``:
  a partner that *is* the region (美国, or a region total such as 欧盟 or 东盟) counts directly;
  otherwise member countries are summed (EU members by 数据年月: EU28 to 2019-12, EU27 from 2020-01;
  ASEAN's ten; Africa = partner codes 2xx, Latin America = 4xx). A region total wins over its
  members in a month where the file has both.
* rows without product and partner → ``exports_usd_level``.
* rows with an HS code → ``exports_usd_product_<key>`` (value) and, for single items,
  ``exports_qty_product_<key>`` (sum of 第一数量) from the rows whose 商品编码 starts with one of the
  product's HS prefixes. Values are summed over partners, trade modes and registries (rows with
  partner 总值 are used instead when the file has them; region totals such as 欧盟 are skipped), so
  the query must not filter partners or trade modes for these ids to be China's totals.
  A product whose codes are finer than the file's code level (phones 851712 from a 4-digit query)
  is not built.

Units: 美元 → ``usd_thousand``, 人民币 → ``cny_10k`` (ids ``exports_cny_…``); quantities 千克 → ``t``,
吨 → ``t``, 个/台/辆/艘/件/套/只/部 → ``units``. Imports get ``imports_…`` ids.

Errors (:class:`InputFileError` naming file, row, column and series; nothing is returned): an
undecodable file, a missing column, a bad 数据年月, text in a number column, a duplicate row, a
first-quantity unit that changes within one product, two code levels in one file.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from macrodesk.importers.detect import read_file
from macrodesk.exceptions import InputFileError
from macrodesk.importers.customs._tables import TOTAL_WORDS, Product, products, region_keys_of, regions
from macrodesk.importers.mapping import Mapping, load_mapping
from macrodesk.series import units as _units
from macrodesk.series._container import MacroSeries, SeriesMeta
from macrodesk.series.checks import to_numbers
from macrodesk.series.periods import read_period_text

__all__ = ["FORMAT", "sniff", "read_customs", "QUANTITY_UNITS"]

FORMAT = "customs"
SOURCE = "海关总署"

#: Header aliases → canonical column names.
_ALIASES: dict[str, str] = {
    "数据年月": "month", "年月": "month", "月份": "month",
    "商品编码": "hs", "商品名称": "hs_name",
    "贸易伙伴编码": "partner_code", "贸易伙伴名称": "partner",
    "贸易方式编码": "mode_code", "贸易方式名称": "mode",
    "注册地编码": "reg_code", "注册地名称": "reg",
    "第一数量": "qty", "第一计量单位": "qty_unit", "第二数量": "qty2", "第二计量单位": "qty2_unit",
    "美元": "usd", "美元值": "usd", "金额(美元)": "usd", "人民币": "cny", "人民币值": "cny", "人民币元": "cny",
    "进出口": "flow", "进出口类型": "flow", "贸易流向": "flow", "流向": "flow", "进出口标志": "flow",
}
_CURRENCY = {"usd": ("usd", "usd_thousand", 1e-3, "美元"), "cny": ("cny", "cny_10k", 1e-4, "人民币")}

#: 第一计量单位 → (unit code, factor).
QUANTITY_UNITS: dict[str, tuple[str, float]] = {
    "千克": ("t", 1e-3), "公斤": ("t", 1e-3), "吨": ("t", 1.0),
    **{u: ("units", 1.0) for u in ("个", "台", "辆", "艘", "件", "套", "只", "部", "架")},
}
_FLOW_WORDS = {"exports": ("出口", "Exports", "to"), "imports": ("进口", "Imports", "from")}


def _norm(cell: str) -> str:
    return re.sub(r"\s+", "", cell.replace("\ufeff", "")).replace("（", "(").replace("）", ")")


def sniff(head: str) -> bool:
    """True when the decoded first lines are a customs query CSV's header."""
    for line in head.splitlines():
        if not line.strip():
            continue
        cols = {_ALIASES.get(_norm(c).strip('"')) for c in next(csv.reader([line]), [])}
        return ("usd" in cols or "cny" in cols) and bool(cols & {"hs", "partner", "partner_code"})
    return False


# ---------------------------------------------------------------- reading the file
def _decode(raw: bytes, fname: str) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputFileError(
            "the file is UTF-16 text; save it as CSV in GBK (as the customs site writes it) or UTF-8",
            file=fname,
        )
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    for enc in ("utf-8", "gb18030"):
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            continue
    raise InputFileError(
        "the file is neither GBK (GB18030) nor UTF-8 text; download the CSV again from the customs site",
        file=fname,
    )


@dataclass
class _Row:
    line: int
    flow: str
    month: pd.Period
    hs: str  # "" = all goods
    partner: str  # name; "" = all partners
    partner_code: str
    values: dict[str, float]  # currency -> raw value (元 / 美元)
    qty: float
    qty_unit: str


def _flow_of_name(fname: str) -> str | None:
    s = fname.lower().replace("进出口", "")
    ex = "出口" in s or "export" in s
    im = "进口" in s or "import" in s
    return "exports" if ex and not im else "imports" if im and not ex else None


def _month(text: str, fname: str, line: int) -> pd.Period:
    s = text.strip()
    if re.fullmatch(r"\d{6}", s):
        s = f"{s[:4]}-{s[4:]}"
    try:
        p = read_period_text(s)
    except ValueError as exc:
        raise InputFileError(f"数据年月 '{text}' is not a month ({exc}); the site writes YYYYMM",
                             file=fname, row=line) from None
    if p is None or p.freqstr != "M":
        raise InputFileError(f"数据年月 '{text}' is not a month; the site writes YYYYMM", file=fname, row=line)
    return p


def _rows(text: str, fname: str) -> tuple[list[_Row], bool, list[str]]:
    """Parsed rows, whether the query is cumulative, and the currencies present."""
    table = list(csv.reader(io.StringIO(text)))
    start = next((i for i, r in enumerate(table) if any(c.strip() for c in r)), None)
    if start is None:
        raise InputFileError("the file is empty", file=fname)
    header = [_norm(c) for c in table[start]]
    while header and header[-1] == "":
        header.pop()
    cols: dict[str, int] = {}
    for j, h in enumerate(header):
        key = _ALIASES.get(h) or _ALIASES.get(re.sub(r"[(（].*?[)）]", "", h).replace("累计", ""))
        if key is not None and key not in cols:
            cols[key] = j
    currencies: list[str] = [c for c in ("usd", "cny") if c in cols]
    missing = [zh for zh, k in (("数据年月", "month"),) if k not in cols]
    if not currencies:
        missing.append("美元 (or 人民币)")
    if not cols.keys() & {"hs", "partner", "partner_code"}:
        missing.append("商品编码 or 贸易伙伴名称")
    if missing:
        shown = ", ".join(header[:6]) + (", …" if len(header) > 6 else "")
        raise InputFileError(
            f"missing column(s) {', '.join(missing)}; the header reads '{shown}'. A customs query CSV "
            "(GBK or UTF-8) has 数据年月, 商品编码, 贸易伙伴名称, 第一数量, 第一计量单位, 美元 or 人民币 "
            "(tick 分月展示 for 数据年月)",
            file=fname, row=start + 1,
        )
    cumulative = "累计" in fname or any("累计" in h for h in header)
    name_flow = _flow_of_name(fname)
    if "flow" not in cols and name_flow is None:
        raise InputFileError(
            "cannot tell exports from imports: the customs site does not write the direction into "
            "the file; put 出口/export or 进口/import in the file name, or add a 进出口 column",
            file=fname,
        )

    def cell(r: list[str], key: str) -> str:
        j = cols.get(key)
        return r[j].strip() if j is not None and j < len(r) else ""

    out: list[_Row] = []
    seen: dict[tuple[str, ...], int] = {}
    raw_values: dict[str, list[str]] = {c: [] for c in currencies}
    raw_qty: list[str] = []
    months: dict[str, pd.Period] = {}  # 数据年月 text -> month, parsed once
    for i in range(start + 1, len(table)):
        r, line = table[i], i + 1
        if not any(c.strip() for c in r):
            continue
        if len(r) > len(header) and any(c.strip() for c in r[len(header):]):
            raise InputFileError(f"the row has {len(r)} cells but the header {len(header)}", file=fname, row=line)
        if "flow" in cols:
            f = cell(r, "flow").replace("进出口", "")
            flow = "exports" if f in ("出口", "export", "Export") else "imports" if f in ("进口", "import", "Import") else ""
            if not flow:
                raise InputFileError(f"进出口 '{cell(r, 'flow')}' is neither 出口 nor 进口", file=fname, row=line)
        else:
            flow = str(name_flow)
        mtext = cell(r, "month")
        month = months.get(mtext) or months.setdefault(mtext, _month(mtext, fname, line))
        hs = cell(r, "hs").lstrip("'")
        hs = "" if hs in TOTAL_WORDS else hs
        if hs and not re.fullmatch(r"\d{2,10}", hs):
            raise InputFileError(f"商品编码 '{hs}' is not an HS code (2 to 10 digits, or 总值)", file=fname, row=line)
        pname, pcode = cell(r, "partner"), cell(r, "partner_code")
        if pname in TOTAL_WORDS and pcode in TOTAL_WORDS:
            pname = pcode = ""
        for c in currencies:
            raw_values[c].append(cell(r, c))
        raw_qty.append(cell(r, "qty"))
        dup_key = (flow, str(month), hs, pname, pcode, cell(r, "mode_code"), cell(r, "mode"),
               cell(r, "reg_code"), cell(r, "reg"))
        if dup_key in seen:
            raise InputFileError(
                f"duplicate row: rows {seen[dup_key]} and {line} have the same 数据年月, 商品编码, 贸易伙伴"
                f"{', 贸易方式' if 'mode' in cols or 'mode_code' in cols else ''}"
                f"{', 注册地' if 'reg' in cols or 'reg_code' in cols else ''}",
                file=fname, row=line, series_id=_describe(hs, pname),
            )
        seen[dup_key] = line
        out.append(_Row(line, flow, month, hs, pname, pcode, {}, np.nan, cell(r, "qty_unit")))
    if not out:
        raise InputFileError("the file has a header but no rows", file=fname)
    for c in currencies:
        nums = _numbers(raw_values[c], out, _CURRENCY[c][3], fname, blank_ok=False)
        for row, v in zip(out, nums):
            row.values[c] = float(v)
    for row, v in zip(out, _numbers(raw_qty, out, "第一数量", fname, blank_ok=True)):
        row.qty = float(v)
    return out, cumulative, currencies


def _numbers(raw: list[str], rows: list[_Row], col: str, fname: str, *, blank_ok: bool) -> np.ndarray:
    """The column's numbers (thousands separators read); an error names the first bad row."""
    arr = np.array(raw, dtype=object)
    num, present, bad = to_numbers(arr, thousands=True)
    wrong = bad if blank_ok else ~present
    if wrong.any():
        i = int(np.argmax(wrong))
        what = "is not a number" if bad[i] else "is empty"
        raise InputFileError(f"{col} '{raw[i]}' {what}", file=fname, row=rows[i].line,
                             series_id=_describe(rows[i].hs, rows[i].partner))
    return num


def _describe(hs: str, partner: str) -> str:
    return "/".join(x for x in (f"商品编码 {hs}" if hs else "", f"贸易伙伴 {partner}" if partner else "") if x) or "总值"


# ---------------------------------------------------------------- aggregation
class _Acc:
    """Monthly sums per series id, with labels and the first row that fed each."""

    def __init__(self) -> None:
        self.sums: dict[str, dict[pd.Period, float]] = defaultdict(lambda: defaultdict(float))
        self.meta: dict[str, tuple[str, str, str]] = {}  # id -> unit, zh, en

    def add(self, sid: str, month: pd.Period, v: float, unit: str, zh: str, en: str) -> None:
        self.sums[sid][month] += v
        self.meta.setdefault(sid, (unit, zh, en))


def _sid(flow: str, cur: str, kind: str, key: str, ytd: bool) -> str:
    return f"{flow}_{cur}_{kind}_{key}" + ("_ytd" if ytd else "")


def _label(flow: str, what_zh: str, what_en: str, measure: str, ytd: bool) -> tuple[str, str]:
    """Labels: measure 'region' (exports to a partner), 'value' or 'qty' (of a product)."""
    zh_f, en_f, prep = _FLOW_WORDS[flow]
    zh = f"{what_zh}:{zh_f}{'数量' if measure == 'qty' else '金额'}:{'累计值' if ytd else '当月值'}"
    if measure == "region":
        en = f"{en_f} {prep} {what_en}"
    else:
        en = f"{en_f} of {what_en}"
        en += ", quantity" if measure == "qty" else ""
    return zh, en + (", year to date" if ytd else "")


def _regions(rows: list[_Row], acc: _Acc, currencies: list[str], ytd: bool) -> None:
    info = {r.key: r for r in regions()}
    direct: _Acc = _Acc()
    members: _Acc = _Acc()
    for row in rows:
        if row.hs or not row.partner and not row.partner_code:
            continue
        is_, member = region_keys_of(row.partner, row.partner_code, row.month)
        for target, keys in ((direct, is_), (members, member)):
            for k in keys:
                reg = info[k]
                for c in currencies:
                    cur, unit, f, _ = _CURRENCY[c]
                    zh, en = _label(row.flow, reg.zh, reg.en, "region", ytd)
                    target.add(_sid(row.flow, cur, "region", k, ytd), row.month, row.values[c] * f, unit, zh, en)
    for sid in {*direct.sums, *members.sums}:
        d, m = direct.sums.get(sid, {}), members.sums.get(sid, {})
        for month in {*d, *m}:
            v = d[month] if month in d else m[month]
            acc.add(sid, month, v, *(direct.meta.get(sid) or members.meta[sid]))


def _totals(rows: list[_Row], acc: _Acc, currencies: list[str], ytd: bool) -> None:
    for row in rows:
        if row.hs or row.partner or row.partner_code:
            continue
        for c in currencies:
            cur, unit, f, _ = _CURRENCY[c]
            zh_f, en_f, _p = _FLOW_WORDS[row.flow]
            sid = f"{row.flow}_{cur}_level" + ("_ytd" if ytd else "")
            acc.add(sid, row.month, row.values[c] * f, unit, f"{zh_f}金额:{'累计值' if ytd else '当月值'}",
                    f"{en_f}" + (", year to date" if ytd else ""))


def _products(rows: list[_Row], acc: _Acc, currencies: list[str], ytd: bool, fname: str) -> None:
    aggregate_names = {n for r in regions() if r.members or r.code_prefix for n in r.names}
    for flow in ("exports", "imports"):
        coded = [r for r in rows if r.hs and r.flow == flow]
        if not coded:
            continue
        totals = [r for r in coded if not r.partner and not r.partner_code]
        use = totals if totals else [r for r in coded if r.partner not in aggregate_names]
        first_line: dict[str, int] = {}
        for r in use:
            first_line.setdefault(r.hs, r.line)
        codes = sorted(first_line)
        for a, b in zip(codes, codes[1:]):  # sorted: a prefix sorts right before its extensions
            if b.startswith(a):
                raise InputFileError(
                    f"商品编码 {a} (row {first_line[a]}) and {b} (row {first_line[b]}) are two levels of one "
                    "code and would be counted twice; query one code length (编码长度) per file",
                    file=fname, row=first_line[b],
                )
        for p in products():
            if any(pre.startswith(c) and len(c) < len(pre) for c in codes for pre in p.hs):
                continue  # the file is coarser than the product's definition
            matched = [r for r in use if p.matches(r.hs)]
            if not matched:
                continue
            for c in currencies:
                cur, unit, f, _ = _CURRENCY[c]
                zh, en = _label(flow, p.zh, p.en, "value", ytd)
                for r in matched:
                    acc.add(_sid(flow, cur, "product", p.key, ytd), r.month, r.values[c] * f, unit, zh, en)
            if p.quantity:
                _quantity(p, matched, flow, acc, ytd, fname)


def _quantity(p: Product, matched: list[_Row], flow: str, acc: _Acc, ytd: bool, fname: str) -> None:
    sid = _sid(flow, "qty", "product", p.key, ytd)
    first = matched[0]
    for r in matched:
        if r.qty_unit != first.qty_unit:
            raise InputFileError(
                f"第一计量单位 '{r.qty_unit}' differs from '{first.qty_unit}' (row {first.line}) within "
                f"product '{p.key}' ({', '.join(p.hs)}); its quantities cannot be added up",
                file=fname, row=r.line, series_id=sid,
            )
        if not np.isfinite(r.qty):
            raise InputFileError(f"第一数量 is empty for 商品编码 {r.hs}", file=fname, row=r.line, series_id=sid)
    if first.qty_unit not in QUANTITY_UNITS:
        raise InputFileError(
            f"unknown 第一计量单位 '{first.qty_unit}'; known: {', '.join(QUANTITY_UNITS)}",
            file=fname, row=first.line, series_id=sid,
        )
    unit, f = QUANTITY_UNITS[first.qty_unit]
    zh, en = _label(flow, p.zh, p.en, "qty", ytd)
    for r in matched:
        acc.add(sid, r.month, r.qty * f, unit, zh, en)


# ---------------------------------------------------------------- public
def read_customs(
    path: str | os.PathLike[str], mapping: Mapping | str | os.PathLike[str] | None = None
) -> list[MacroSeries]:
    """Read a customs online-query CSV into the trade flash's series (see the module docstring).

    ``mapping`` (a :class:`~macrodesk.importers.mapping.Mapping` or a mapping file's path) is keyed
    by the ids this importer produces (e.g. ``[series.exports_usd_region_us]``) and renames them or
    overrides labels; a ``unit`` there converts the values explicitly.
    """
    p = Path(path).expanduser()
    fname = p.name
    if mapping is not None and not isinstance(mapping, Mapping):
        mapping = load_mapping(mapping)
    raw = read_file(p, fname)
    rows, ytd, currencies = _rows(_decode(raw, fname), fname)
    acc = _Acc()
    _totals(rows, acc, currencies, ytd)
    _regions(rows, acc, currencies, ytd)
    _products(rows, acc, currencies, ytd, fname)
    if not acc.sums:
        raise InputFileError(
            "no row feeds a trade-flash series: query by 贸易伙伴 with 商品编码 总值 for exports by region, "
            "or the HS codes of macrodesk/importers/customs/products.toml for exports by product",
            file=fname,
        )
    out = []
    for sid, by_month in acc.sums.items():
        unit, zh, en = acc.meta[sid]
        idx = pd.PeriodIndex(sorted(by_month), freq="M")
        data = pd.Series([by_month[m] for m in idx], index=idx, dtype="float64")
        entry = mapping.lookup(sid) if mapping is not None else None
        if entry is not None:
            if entry.unit and entry.unit != unit:
                data = _units.convert(data, unit, entry.unit)
                unit = entry.unit
            sid, zh, en = entry.id, entry.name_zh or zh, entry.name_en or en
        meta = SeriesMeta(id=sid, unit=unit, freq="M", name_zh=zh, name_en=en,
                          source=(entry.source if entry is not None and entry.source else SOURCE), origin=fname)
        out.append(MacroSeries(meta, data))
    return out
