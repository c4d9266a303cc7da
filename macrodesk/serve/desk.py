"""What the web desk shows, as JSON-ready dicts: one :class:`Desk` over one store opened read-only.

Every read goes through :class:`~macrodesk.series.store.Store` methods (no SQL is built from a
request); the store is opened read-only, so nothing a request does can write to it. Expensive
results (the nowcast, its real-time backtest) go through the results cache
(:mod:`macrodesk.cache`) keyed by the exact series they read, like the reports' own.
Labels are made with :func:`macrodesk.text.tr`; numbers are rates in percent as published.

A store file cannot change while the desk holds it open read-only (DuckDB refuses a writer), so the
series read and the answers given (as compact JSON bytes, :meth:`Desk.answer`) are kept in memory,
bounded, least recently used first out; a store on a database server can change meanwhile, so there
each request first checks the last vintage and drops what was kept when it moved.
"""

from __future__ import annotations

import datetime as _dt
import io
import json
import math
import threading
import tomllib
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
import pandas as pd

from macrodesk import cache
from macrodesk.exceptions import ReportError, ScenarioError, StoreError
from macrodesk.project import Project, ProjectReport, load_state, results_cache
from macrodesk.series import MacroSeries
from macrodesk.series.store import Store
from macrodesk.text import tr

__all__ = ["Desk", "REPORT_FORMATS", "NOWCAST_TARGETS"]

_T = TypeVar("_T")

#: The report files the desk opens, by format (extension).
REPORT_FORMATS = ("html", "pdf", "md", "xlsx", "docx")
#: Nowcast targets the desk shows: short name -> target series.
NOWCAST_TARGETS = {"cpi": "cpi_yoy", "ppi": "ppi_yoy"}
#: The desk's nowcast model: the bridge (seconds to fit; the combination refits a factor model each month).
NOWCAST_MODEL = "bridge"
#: Default length of the backtest window, months.
BACKTEST_MONTHS = 36
#: How many series and how many answers the desk keeps in memory.
KEPT_SERIES, KEPT_ANSWERS = 256, 512


class _Kept(OrderedDict[Hashable, Any]):
    """A bounded mapping: the least recently used entry goes first when it is full."""

    def __init__(self, size: int) -> None:
        super().__init__()
        self.size = size

    def look(self, key: Hashable) -> Any:
        if key not in self:
            return None
        self.move_to_end(key)
        return self[key]

    def keep(self, key: Hashable, value: Any) -> None:
        self[key] = value
        self.move_to_end(key)
        while len(self) > self.size:
            self.popitem(last=False)


def _plain(x: Any) -> Any:
    """A JSON value for what ``json`` does not know: numpy numbers, dates, periods, paths."""
    if isinstance(x, (bool, np.bool_)):
        return bool(x)
    if isinstance(x, np.integer):
        return int(x)
    if isinstance(x, np.floating):
        return _num(x, 12)
    if isinstance(x, (_dt.date, pd.Timestamp)):
        return x.isoformat()
    if isinstance(x, (pd.Period, Path)):
        return str(x)
    if isinstance(x, (set, frozenset, tuple, np.ndarray)):
        return list(x)
    raise TypeError(f"not JSON: {type(x).__name__}")


def compact_json(obj: Any) -> bytes:
    """JSON bytes without spaces (UTF-8, Chinese as is)."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False, default=_plain).encode("utf-8")


def _num(x: Any, digits: int = 4) -> float | None:
    """A JSON number (None for missing)."""
    if x is None:
        return None
    try:
        f = float(x)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(f) or math.isinf(f) else round(f, digits)


def _tuples(df: pd.DataFrame) -> Iterator[Any]:
    """The rows of ``df`` as named tuples (typed loosely: the columns are known by name)."""
    return iter(df.itertuples())


def _groups(df: pd.DataFrame, col: str) -> Iterator[tuple[Any, pd.DataFrame]]:
    return iter(df.groupby(col, sort=True))


def _period(p: Any) -> str:
    return p.strftime("%Y-%m") if isinstance(p, pd.Period) and p.freqstr.startswith("M") else str(p)


@dataclass(frozen=True)
class _Slot:
    """One built report of the project: its entry, language and file base name."""

    report: ProjectReport
    lang: str
    basename: str

    @property
    def key(self) -> str:
        return f"{self.report.out}/{self.basename}"


class Desk:
    """The web desk's data: a read-only store, the project file (optional) and the results cache."""

    def __init__(self, store: str | Path, project: Project | None = None) -> None:
        from macrodesk.series.store_backends import location

        self.store_path = location(store)  # a file, or a postgresql:// URL (text)
        self.store = Store(self.store_path, read_only=True)
        self.project = project
        self.rcache = results_cache(self.store_path, project)
        self._lock = threading.Lock()
        self._font_lock = threading.Lock()
        self._memo: dict[tuple, Any] = {}
        self._listing: pd.DataFrame | None = None
        self._series: _Kept = _Kept(KEPT_SERIES)
        self._answers: _Kept = _Kept(KEPT_ANSWERS)
        # a file opened read-only cannot change; a database server's store can (checked per request)
        self._server = not isinstance(self.store_path, Path)
        self._generation = self.store.last_vintage() if self._server else None

    @property
    def store_name(self) -> str:
        """The store as the pages show it: the file's name, or the URL without its password."""
        return self.store_path.name if isinstance(self.store_path, Path) else str(self.store.path)

    def close(self) -> None:
        self.store.close()

    @contextmanager
    def _reading(self) -> Iterator[Store]:
        """The store, one request at a time (a DuckDB connection is not shared between threads)."""
        with self._lock:
            yield self.store

    def fresh(self) -> None:
        """Drop what was kept if the store moved on since (only a database server's store can)."""
        if not self._server:
            return
        with self._lock:
            now = self.store.last_vintage()
            if now != self._generation:
                self._generation = now
                self._memo.clear()
                self._series.clear()
                self._answers.clear()
                self._listing = None

    def kept(self, key: Hashable) -> bytes | None:
        """The answer kept for ``key`` (JSON bytes) when it is surely current (a file store), else None:
        a lookup that never waits for the store (a database server's store needs :meth:`answer`)."""
        if self._server:
            return None
        with self._lock:
            out: bytes | None = self._answers.look(key)
            return out

    def answer(self, key: Hashable, fn: Callable[[], Any]) -> bytes:
        """``fn()`` as compact JSON bytes, kept under ``key`` (a hashable of everything the answer depends on)."""
        self.fresh()
        with self._lock:
            hit: bytes | None = self._answers.look(key)
        if hit is not None:
            return hit
        out = compact_json(fn())
        with self._lock:
            self._answers.keep(key, out)
        return out

    def get_many(self, series_ids: Iterable[str], missing: str = "raise") -> dict[str, MacroSeries]:
        """The series as stored (``Store.get_many``), read once and kept (the store does not change)."""
        ids = list(dict.fromkeys(series_ids))
        with self._reading() as st:
            have = {i: self._series.look(i) for i in ids}
            need = [i for i, s in have.items() if s is None]
            if need:
                got = st.get_many(need, missing=missing)
                for i, s in got.items():
                    self._series.keep(i, s)
                    have[i] = s
        return {i: s for i, s in have.items() if s is not None}

    def get(self, series_id: str) -> MacroSeries:
        """One series as stored (kept like :meth:`get_many`'s)."""
        return self.get_many([series_id])[series_id]

    def _memoised(self, key: tuple, fn: Callable[[], _T]) -> _T:
        if key not in self._memo:
            self._memo[key] = fn()
        out: _T = self._memo[key]
        return out

    # ------------------------------------------------------------ series
    def listing(self) -> pd.DataFrame:
        if self._listing is None:
            with self._reading() as st:
                self._listing = st.list()
        return self._listing

    def years(self) -> list[int]:
        """The years the store's monthly series span, first to last (what the pages' month pickers offer)."""
        df = self.listing()
        monthly = df[(df["freq"] == "M") & df["first"].notna()]
        if monthly.empty:
            return []
        return list(range(pd.Timestamp(monthly["first"].min()).year, pd.Timestamp(monthly["last"].max()).year + 1))

    def _unit(self, code: str, lang: str) -> str:
        from macrodesk.series.units import get_unit

        try:
            u = get_unit(code)
        except Exception:  # an unknown unit is shown as its code
            return code
        return tr(u.zh, u.en, lang)

    def search(self, q: str, lang: str = "zh", limit: int = 30) -> dict[str, Any]:
        """Stored series whose id or name contains ``q`` (all words), best matches first."""
        from macrodesk.series.catalogue import search

        df = self.listing()
        hits = search(df, q[:200], ranked=True) if q.strip() else df
        rows = [
            {"id": r.series_id, "name": tr(r.name_zh, r.name_en, lang) or r.name_zh or r.name_en or r.series_id,
             "unit": r.unit, "unit_label": self._unit(r.unit, lang), "freq": r.freq,
             "first": str(r.first)[:10], "last": str(r.last)[:10], "n": int(r.n)}
            for r in _tuples(hits.head(max(1, min(int(limit), 200))))
        ]
        return {"query": q, "total": int(len(hits)), "results": rows}

    def series(self, series_id: str, view: str = "level", lang: str = "zh", start: str | None = None,
               end: str | None = None) -> dict[str, Any]:
        """One series in one explorer view (level, yoy, mom, ytd, cagr2y), as ``[[period, value], …]``."""
        from macrodesk.series import period_key
        from macrodesk.transforms.registry import view as make_view

        s = self.get(series_id)
        res = make_view(s, view)
        data = res.data
        if start or end:
            data = data.loc[start or None:end or None] if isinstance(data.index, pd.PeriodIndex) else data
        keys = period_key(data.index)
        return {
            "series_id": s.id, "name": s.name(lang), "unit": res.unit, "unit_label": self._unit(res.unit, lang),
            "stored_unit": s.unit, "freq": s.freq, "view": view, "note": res.note,
            "values": [[k, _num(v)] for k, v in zip(keys, data.to_numpy())],
        }

    def table(self, series_id: str, view: str = "level") -> pd.DataFrame:
        """The series in one view as a two-column frame (period, value) for a download."""
        from macrodesk.series import period_key
        from macrodesk.transforms.registry import view as make_view

        s = self.get(series_id)
        res = make_view(s, view)
        return pd.DataFrame({"period": period_key(res.data.index), f"{s.id}_{view}" if view != "level" else s.id:
                             res.data.to_numpy()})

    def download(self, series_id: str, view: str, fmt: str) -> bytes:
        """The series as CSV (UTF-8 with BOM, so Excel reads the Chinese header) or as an .xlsx workbook."""
        frame = self.table(series_id, view)
        if fmt == "csv":
            return frame.to_csv(index=False).encode("utf-8-sig")
        buf = io.BytesIO()
        try:
            frame.to_excel(buf, index=False, sheet_name=series_id[:31], engine="xlsxwriter")
        except ImportError:
            raise ReportError('an .xlsx download needs xlsxwriter: pip install "macrodesk[serve]"') from None
        return buf.getvalue()

    def revisions(self, series_id: str, lang: str = "zh", limit: int = 6) -> dict[str, Any]:
        """The vintages of a series: each import that changed it, the periods revised (old → new),
        and the series as of each of its last ``limit`` vintages (for the chart)."""
        from macrodesk.series import period_key

        with self._reading() as st:
            meta = st.meta(series_id)
            hist = st.history(series_id)
            vint = sorted({int(v) for v in hist["vintage"]})
            shown = vint[-limit:]
            asof = {v: st.get(series_id, vintage=v).observations() for v in shown} if len(vint) > 1 else {}
        hist = hist.copy()
        idx = pd.DatetimeIndex(hist["date"])
        hist["period"] = period_key(idx.to_period("M")) if meta.freq == "M" else [str(d)[:10] for d in idx]
        vintages = []
        for v, g in _groups(hist, "vintage"):
            vintages.append({"vintage": int(v), "imported_at": str(g["imported_at"].iloc[0])[:19],
                             "label": str(g["label"].iloc[0] or ""), "values": int(len(g))})
        revised = []
        for p, g in _groups(hist, "period"):
            if len(g) > 1:
                revised.append({"period": p, "values": [
                    {"vintage": int(r.vintage), "value": _num(r.value), "imported_at": str(r.imported_at)[:19],
                     "released": None if pd.isna(r.released) else str(r.released)[:10]}
                    for r in _tuples(g)]})
        return {
            "series_id": series_id, "name": meta.name(lang), "vintages": vintages, "revised": revised,
            "as_of_vintage": [{"vintage": v, "values": [[k, _num(x)] for k, x in zip(period_key(o.index), o.to_numpy())]}
                              for v, o in asof.items()],
        }

    # ------------------------------------------------------------ what's new
    def news(self, lang: str = "zh", today: _dt.date | None = None) -> dict[str, Any]:
        """The last import's new prints and revisions, the reports' stale inputs and the release calendar."""
        from macrodesk.analyses.releases import release_rows
        from macrodesk.series.calendar import body_name
        from macrodesk.series.news import news_of_vintage

        start = today or _dt.date.today()

        def read() -> tuple[Any, ...]:
            with self._reading() as st:
                v = st.last_vintage()
                return v, st.vintages(), news_of_vintage(st, v), *release_rows(st, start)

        # the store is read-only while the desk runs: what it says is computed once
        v, vint, nw, reports, series = self._memoised(("news", start), read)
        row = vint[vint["vintage"] == v] if v is not None else vint.iloc[0:0]

        def name(p: Any) -> str:
            return tr(p.name_zh, p.name_en, lang) or p.name_zh or p.name_en or p.series_id

        return {
            "vintage": v,
            "imported_at": str(row["imported_at"].iloc[0])[:19] if len(row) else None,
            "label": str(row["label"].iloc[0] or "") if len(row) else "",
            "prints": [{**p.to_dict(), "name": name(p)} for p in nw.prints],
            "revisions": [{**r.to_dict(), "name": name(r)} for r in nw.revisions],
            "new_series": len(nw.new_series),
            "stale": self._memoised(("stale", lang), lambda: self.stale(lang)),
            "calendar": {
                "from": start.isoformat(),
                "reports": [{**r, "body_name": body_name(r["body"], lang) if r["body"] else None} for r in reports],
                "series": [{**r, "body_name": body_name(r["body"], lang)} for r in series],
            },
        }

    def stale(self, lang: str = "zh") -> list[dict[str, Any]]:
        """Per report (the project's, else every recipe at its latest month): the inputs whose last value
        is before the report's month, read from the store's listing (each series' last date), not from
        the series themselves. The report's month is its ``as_of``, else its first input's last month."""
        from macrodesk._typing import PERIOD_FREQS
        from macrodesk.analyses import REPORTS

        wanted = [(r.name, r.as_of) for r in self.project.reports] if self.project is not None and \
            self.project.reports else [(n, None) for n in REPORTS]
        listed: dict[str, Any] = {r.series_id: r for r in _tuples(self.listing())}
        out: list[dict[str, Any]] = []
        for name, as_of in dict.fromkeys(wanted):
            mod = REPORTS[name].load()
            first = mod.REQUIRED[0]
            missing = [i for i in mod.REQUIRED if i not in listed]
            if missing or pd.isna(listed[first].last):
                what = missing[0] if missing else first
                out.append({"report": name, "as_of": as_of, "inputs": [], "error": tr(
                    f"数据库中没有 {what}：报告需要 {', '.join(mod.REQUIRED)}",
                    f"the store has no data for {what}; the report needs {', '.join(mod.REQUIRED)}", lang)})
                continue
            month = pd.Period(as_of or pd.Timestamp(listed[first].last), "M")
            rows = []
            present = [i for i in dict.fromkeys((*mod.REQUIRED, *mod.OPTIONAL))
                       if i in listed and not pd.isna(listed[i].last)]
            for sid in present:
                r = listed[sid]
                last = pd.Timestamp(r.last)
                if as_of is not None and last.to_period("M") > month:
                    continue  # runs past the report's month: current
                behind = (month - last.to_period("M")).n
                if behind > 0:
                    freq = PERIOD_FREQS.get(r.freq, "D")
                    rows.append({"id": sid, "name": tr(r.name_zh, r.name_en, lang) or r.name_zh or sid,
                                 "last_period": _period(pd.Period(last, freq)), "months_behind": behind})
            rows.sort(key=lambda x: (-x["months_behind"], x["id"]))
            out.append({"report": name, "as_of": _period(month), "inputs": rows, "n_inputs": len(present)})
        return out

    # ------------------------------------------------------------ the pages' font
    def font(self) -> tuple[str, Path] | None:
        """The pages' Chinese font: (the subset's key, the whole font file); None without the font package."""
        from macrodesk.exceptions import MacrodeskError
        from macrodesk.plotting._fonts import cjk_font_path
        from macrodesk.serve.fonts import font_key

        def find() -> tuple[str, Path] | None:
            try:
                path = Path(cjk_font_path())
            except MacrodeskError:
                return None
            return font_key(path, self.font_characters()), path

        return self._memoised(("font",), find)

    def font_characters(self) -> frozenset[str]:
        """The Chinese characters the pages can show: the package's text, the store's series names and
        the project's scenario files."""
        from macrodesk.serve.fonts import cjk_characters, package_characters

        def chars() -> frozenset[str]:
            df = self.listing()
            texts = [" ".join(df[c].dropna().astype(str)) for c in ("name_zh", "name_en") if c in df]
            texts += [p.read_text(encoding="utf-8", errors="ignore") for p in self.scenario_files().values()]
            return package_characters() | cjk_characters(texts)

        return self._memoised(("font_chars",), chars)

    def font_subset(self) -> bytes:
        """The pages' font cut to :meth:`font_characters` (made once, kept in the results cache)."""
        from macrodesk.serve.fonts import subset_font

        found = self.font()
        if found is None:
            raise ReportError("the CJK font package 'mplfonts' is not installed")
        key, path = found
        with self._font_lock:  # one request makes it; the others wait for it
            return self._memoised(("font_subset", key), lambda: self._cached(
                "serve.font", (key, str(path)), lambda: subset_font(self.font_characters())))

    def warm(self) -> None:
        """Compute the slow answers ahead (the font, what's new, both nowcasts), e.g. in a thread when the server starts."""
        from macrodesk.exceptions import MacrodeskError

        for fn in (self.font_subset, lambda: self.news("zh"), lambda: self.nowcast("cpi"), lambda: self.nowcast("ppi")):
            try:
                fn()
            except MacrodeskError:
                pass  # the page shows the error when asked

    # ------------------------------------------------------------ nowcast
    def _nowcast_data(self, target: str) -> tuple[Any, dict[str, Any]]:
        from macrodesk.models.nowcast import make_model

        if target not in NOWCAST_TARGETS:
            raise StoreError(f"unknown nowcast target '{target}'; choose {' or '.join(NOWCAST_TARGETS)}")
        m = make_model(NOWCAST_MODEL, NOWCAST_TARGETS[target])
        return m, self.get_many(list(m.series_ids()) + [m.target.consensus_id], missing="skip")

    def nowcast(self, target: str, lang: str = "zh", date: str | None = None) -> dict[str, Any]:
        """This month's nowcast: the month after the last print (or the month not yet released on
        ``date``), its 80% interval and each input's contribution."""
        from macrodesk.exceptions import ModelError
        from macrodesk.models.nowcast.data import as_timestamp
        from macrodesk.reports.views.nowcast import input_label, input_value_text, nowcast_text

        m, data = self._nowcast_data(target)
        yoy = data.get(m.target.yoy_id)
        if yoy is None or not len(yoy.observations()):
            raise ModelError(f"the store has no {m.target.yoy_id} print to nowcast from")
        if date is None:
            month = yoy.observations().index[-1] + 1
            date = month.asfreq("D", how="end").strftime("%Y-%m-%d")
        else:
            date = as_timestamp(date, "date").strftime("%Y-%m-%d")
        ids = list(m.series_ids())
        read = [data[i] for i in ids if i in data]
        nc = self._memoised(("nowcast", target, date), lambda: self._cached(
            "serve.nowcast", (NOWCAST_MODEL, m.target.yoy_id, date, ids, *read),
            lambda: m.predict(m.info_set(data, date))))
        if not getattr(nc, "computable", False):
            raise ModelError(f"cannot nowcast {m.target.yoy_id} as of {date}: {getattr(nc, 'reason', '')}")
        d = nc.to_dict()
        for c in d.get("contributions", []):
            c["label"] = input_label(c["input"], lang)
            c["change_text"] = input_value_text(c["input"], None if c["change"] is None else c["change"] / 100,
                                                nc.month, lang)
        d["missing_labels"] = [input_label(i, lang) for i in d.get("missing_inputs", [])]
        d["text"] = nowcast_text(nc, lang)
        d["name"] = tr(m.target.name_zh, m.target.name_en, lang)
        return d

    def backtest(self, target: str, lang: str = "zh", start: str | None = None, end: str | None = None) -> dict[str, Any]:
        """The real-time backtest over ``start..end`` (default: the last 36 months with a consensus, else with a print)."""
        from macrodesk.models.nowcast import month_range
        from macrodesk.reports.views.nowcast import backtest_text

        m, data = self._nowcast_data(target)
        last = data[m.target.yoy_id].observations().index[-1]
        cons = data.get(m.target.consensus_id)
        if cons is not None and len(cons.observations()):
            last = min(last, pd.Period(cons.observations().index[-1], "M"))
        e = pd.Period(end, "M") if end else last
        s = pd.Period(start, "M") if start else e - (BACKTEST_MONTHS - 1)
        month_range(str(s), str(e))  # checks the window
        ids = [*m.series_ids(), m.target.consensus_id]
        read = [data[i] for i in ids if i in data]
        res = self._memoised(("backtest", target, str(s), str(e)), lambda: self._cached(
            "serve.backtest", (NOWCAST_MODEL, m.target.yoy_id, str(s), str(e), ids, *read),
            lambda: m.backtest(data, str(s), str(e))))
        rows = [{"month": _period(p), "nowcast": _num(r["nowcast"]), "actual": _num(r["actual"]),
                 "consensus": _num(r["consensus"]), "lower": _num(r.get("lower")), "upper": _num(r.get("upper"))}
                for p, r in res.rows.iterrows()]
        st = res.stats()
        return {"target": m.target.yoy_id, "model": res.model, "start": str(s), "end": str(e), "rows": rows,
                "stats": {k: _num(v) for k, v in st.items() if isinstance(v, (int, float))},
                "text": backtest_text(res, lang), "name": tr(m.target.name_zh, m.target.name_en, lang)}

    def _cached(self, kind: str, parts: tuple[Any, ...], fn: Callable[[], _T]) -> _T:
        with cache.use(self.rcache):
            return cache.cached(kind, parts, fn)

    # ------------------------------------------------------------ scenarios
    def scenario_files(self) -> dict[str, Path]:
        """The scenario files on offer: the shipped ones and ``scenarios/*.toml`` beside the project file."""
        from macrodesk.scenarios import shipped_files

        files = {p.name: p for p in shipped_files()}
        if self.project is not None:
            folder = self.project.root / "scenarios"
            if folder.is_dir():
                files.update({p.name: p for p in sorted(folder.glob("*.toml"))})
        return files

    def _scenario_raw(self, file: str) -> tuple[Path, dict[str, Any]]:
        files = self.scenario_files()
        if file not in files:
            raise ScenarioError(f"unknown scenario file '{file}'; choose one of {', '.join(files)}")
        path = files[file]
        try:
            return path, tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise ScenarioError(f"{file}: cannot read the file: {exc}") from None

    def scenario_text(self, file: str) -> str:
        """The text of scenario file ``file`` (ScenarioError for a file not on offer)."""
        path, _ = self._scenario_raw(file)
        return path.read_text(encoding="utf-8")

    def scenario_params(self, file: str, lang: str = "zh") -> dict[str, Any]:
        """The file's scenarios and every number in them a form may change, as ``path -> value``."""
        from macrodesk.scenarios import spec_from_dict

        _, raw = self._scenario_raw(file)
        spec = spec_from_dict(raw, file)
        params = [{"path": p, "value": v, "label": _param_label(p, raw, lang)} for p, v in _numbers(raw)]
        return {"file": file, "title": tr(raw.get("title_zh", ""), raw.get("title_en", ""), lang) or file,
                "scenarios": [{"name": s.name, "label": tr(s.label_zh, s.label_en, lang) or s.name}
                              for s in spec.scenarios],
                "horizon": [_period(spec.horizon[0]), _period(spec.horizon[1])], "params": params}

    def run_scenarios(self, file: str, changes: Mapping[str, float] | None = None, as_of: str | None = None,
                      method: str | None = None, lang: str = "zh") -> dict[str, Any]:
        """Run the file as it is and with ``changes`` (path -> number; the file is not written):
        both sets of paths, side by side."""
        from macrodesk.scenarios import run, spec_from_dict

        _, raw = self._scenario_raw(file)
        known = dict(_numbers(raw))
        changed = {}
        for path, value in (changes or {}).items():
            if path not in known:
                raise ScenarioError(f"{file}: '{path}' is not a number of the file; the form offers: "
                                    f"{', '.join(list(known)[:8])}…")
            if not isinstance(value, (int, float)) or isinstance(value, bool) or not math.isfinite(value):
                raise ScenarioError(f"{file}: {path} must be a number, got {value!r}")
            if value != known[path]:
                changed[path] = float(value)
        base = spec_from_dict(raw, file)
        edited = spec_from_dict(_with(raw, changed), file) if changed else base
        data = self.get_many(base.series_ids(), missing="skip")
        out = {"file": file, "changed": {p: {"from": known[p], "to": v} for p, v in changed.items()}}
        out["base"] = _scenario_json(run(base, data, as_of, method=method), lang)
        out["edited"] = _scenario_json(run(edited, data, as_of, method=method), lang) if changed else out["base"]
        return out

    # ------------------------------------------------------------ reports
    def _slots(self) -> list[_Slot]:
        if self.project is None:
            return []
        return [_Slot(r, lg, r.basename(lg)) for r in self.project.reports for lg in r.langs]

    def reports(self, lang: str = "zh") -> dict[str, Any]:
        """The project's reports: per report and language its folder, the files built and when."""
        from macrodesk.analyses import REPORTS

        state = load_state(self.project).get("reports", {}) if self.project is not None else {}
        rows = []
        for i, sl in enumerate(self._slots()):
            files = {f: (sl.report.out / f"{sl.basename}.{f}") for f in REPORT_FORMATS}
            have = {f: p for f, p in files.items() if p.is_file()}
            built = state.get(sl.key, {})
            stamp = built.get("built_at") or (
                _dt.datetime.fromtimestamp(max(p.stat().st_mtime for p in have.values())).strftime("%Y-%m-%dT%H:%M:%S")
                if have else None)
            rows.append({"slot": i, "name": sl.report.name, "lang": sl.lang, "basename": sl.basename,
                         "as_of": sl.report.as_of or "latest", "built_as_of": built.get("as_of"),
                         "formats": list(sl.report.formats), "files": sorted(have), "built_at": stamp,
                         "folder": sl.report.out.name,
                         "help": REPORTS[sl.report.name].describe(lang) if sl.report.name in REPORTS else ""})
        return {"project": str(self.project.file.name) if self.project else None, "reports": rows}

    def report_file(self, slot: int, name: str) -> Path:
        """The file ``name`` of report ``slot``: only a file inside that report's folder (its own
        reports and the Markdown's figures); anything else, ``..`` included, is refused."""
        slots = self._slots()
        if not 0 <= slot < len(slots):
            raise ReportError(f"no report {slot}")
        folder = slots[slot].report.out.resolve()
        if not name or "\x00" in name or name.startswith(("/", "\\")):
            raise ReportError("not a report file")
        p = (folder / name).resolve()
        if not p.is_relative_to(folder) or not p.is_file() or p.suffix.lower().lstrip(".") not in (
                *REPORT_FORMATS, "png", "svg"):
            raise ReportError("not a report file")
        return p

    def rebuild(self, slot: int) -> dict[str, Any]:
        """Build report ``slot`` again as the project configures it (the store is only read)."""
        from macrodesk.analyses.files import write_report
        from macrodesk.reports.style import load_style

        slots = self._slots()
        if not 0 <= slot < len(slots):
            raise ReportError(f"no report {slot}")
        sl = slots[slot]
        assert self.project is not None
        house = load_style(self.project.style) if self.project.style is not None else None
        t0 = _dt.datetime.now()
        with self._reading() as st:
            paths = write_report(sl.report.name, st, sl.report.as_of, sl.report.out, sl.report.formats, sl.lang,
                                 basename=sl.basename, rcache=self.rcache, style=house)
        secs = (_dt.datetime.now() - t0).total_seconds()
        return {"slot": slot, "name": sl.report.name, "files": sorted(paths), "seconds": round(secs, 2)}


# ---------------------------------------------------------------- scenario forms
def _numbers(raw: Any, prefix: str = "") -> list[tuple[str, float]]:
    """Every number of a scenario file's ``scenarios`` and ``assume`` tables as ``(path, value)``;
    a path is the keys joined by '/', list items by their index (``scenarios/optimistic/shocks/0/shock_pct``)."""
    out: list[tuple[str, float]] = []

    def walk(x: Any, path: str) -> None:
        if isinstance(x, bool):
            return
        if isinstance(x, (int, float)):
            out.append((path, float(x)))
        elif isinstance(x, dict):
            for k, v in x.items():
                walk(v, f"{path}/{k}" if path else str(k))
        elif isinstance(x, list):
            for i, v in enumerate(x):
                walk(v, f"{path}/{i}")

    for top in ("assume", "scenarios"):
        if isinstance(raw, dict) and top in raw:
            walk(raw[top], top)
    return out


def _with(raw: dict[str, Any], changes: Mapping[str, float]) -> dict[str, Any]:
    """A deep copy of ``raw`` with the numbers at ``changes``' paths replaced (ints stay ints when whole)."""
    import copy

    out = copy.deepcopy(raw)
    for path, value in changes.items():
        keys = path.split("/")
        node: Any = out
        for k in keys[:-1]:
            node = node[int(k)] if isinstance(node, list) else node[k]
        last = keys[-1]
        old = node[int(last)] if isinstance(node, list) else node[last]
        new: float | int = int(value) if isinstance(old, int) and float(value).is_integer() else value
        if isinstance(node, list):
            node[int(last)] = new
        else:
            node[last] = new
    return out


_PARAM_WORDS = {
    "shock_pct": ("冲击（%）", "shock (%)"), "weight_pct": ("权重（%）", "weight (%)"),
    "pp": ("调整（百分点）", "adjustment (pp)"), "mom_pct": ("环比（%）", "MoM (%)"),
    "elasticity": ("弹性", "elasticity"), "window": ("基准年份", "baseline years"),
    "window_by_month": ("分月基准年份", "baseline years by month"),
}


def _param_label(path: str, raw: dict[str, Any], lang: str) -> str:
    """'情景二（乐观） · 猪肉 · 冲击（%）' for scenarios/optimistic/shocks/0/shock_pct."""
    keys = path.split("/")
    if keys[0] == "assume":
        return tr(f"假设 {keys[1]} 环比（%）", f"assumed MoM {keys[1]} (%)", lang)
    parts: list[str] = []
    node: Any = raw
    for k in keys:
        node = node[int(k)] if isinstance(node, list) else node.get(k) if isinstance(node, dict) else None
        if isinstance(node, dict) and (node.get("label_zh") or node.get("label_en")):
            parts.append(tr(node.get("label_zh", ""), node.get("label_en", ""), lang) or k)
        elif isinstance(node, dict) and "path" in node and keys[-1] == "elasticity":
            parts.append(str(node["path"]))
    words = [w for k in keys if k in _PARAM_WORDS for w in [tr(*_PARAM_WORDS[k], lang)]]
    last = keys[-1]
    if last.isdigit():
        words.append(tr(("起", "止")[min(int(last), 1)], ("from", "to")[min(int(last), 1)], lang))
    elif last not in _PARAM_WORDS:
        words.append(last)
    return " · ".join(parts + words)


def _scenario_json(res: Any, lang: str) -> dict[str, Any]:
    hist = res.history.iloc[-12:]
    return {
        "as_of": _period(res.as_of), "method": res.method, "anchor": _period(res.anchor),
        "history": [[_period(p), _num(v * 100)] for p, v in hist.items()],
        "scenarios": [
            {"name": s.name, "label": tr(s.label_zh, s.label_en, lang) or s.name,
             "yoy": [[_period(p), _num(v * 100)] for p, v in s.yoy.items()],
             "projected": [bool(s.projected[p]) for p in s.yoy.index],
             "mean": _num(s.mean * 100), "min": _num(s.min * 100), "max": _num(s.max * 100),
             "end": _num(s.end * 100)}
            for s in res.scenarios
        ],
    }
