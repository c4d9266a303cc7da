"""The FastAPI app of the web desk: five pages and a JSON API under ``/api/`` over one :class:`~macrodesk.serve.desk.Desk`.

Pages are Jinja2 templates that draw with the vendored ECharts file (``static/echarts.min.js``, loaded
only by the pages with a chart) and plain JavaScript (``static/desk.js``); nothing is loaded from
another host (the pages send a Content-Security-Policy that allows only this server). The static
files are named with a hash of their content (``?v=``) and may be kept by the browser for a year.
Chinese text is drawn with the font the PDFs and PNGs embed (Noto Sans CJK SC), cut to the
characters the desk can show (:mod:`macrodesk.serve.fonts`), the whole font (:data:`FONT_URL`)
behind it, so it shows on a machine without Chinese fonts. The API's answers are compact JSON,
kept by the desk once computed (:meth:`~macrodesk.serve.desk.Desk.answer`): a second request for
the same series and view is a lookup. Requests are answered only for the local
host names (a page of another site cannot reach the desk through DNS rebinding), and a POST must
be ``application/json`` (a form on another site cannot trigger a rebuild). Chinese by default;
``?lang=en`` switches to English and is remembered in a cookie. The month pickers are drawn in that
language, not the browser's (``templates/_month.html``), and the ``/api`` page lists each operation
with its Chinese text (``x-zh`` in the schema, given beside the route's English summary and docstring).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import AsyncIterator, Callable, Hashable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel, Field
from starlette.datastructures import Headers, MutableHeaders
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from macrodesk.exceptions import MacrodeskError, UnknownSeriesError
from macrodesk.project import Project
from macrodesk.serve.desk import NOWCAST_TARGETS, Desk
from macrodesk.text import MONTHS_EN, SUPPORTED_LANGS, tr

__all__ = ["create_app", "FONT_URL", "LOCAL_HOSTS"]

_HERE = Path(__file__).parent
#: Host names the desk answers to by default.
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")
_CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
        "connect-src 'self'; font-src 'self'; object-src 'none'; frame-ancestors 'self'; base-uri 'none'")

#: Where the whole Chinese font is served (the pages' ``@font-face`` rules name it after the subset).
FONT_URL = "/fonts/noto-sans-cjk-sc.otf"
#: Where the subset is served: ``{key}`` is a hash of the font and its characters.
SUBSET_URL = "/fonts/macrodesk-cjk-{key}.otf"
#: The pages that draw a chart (and so load ECharts).
CHART_PAGES = ("explorer", "nowcast", "scenarios")
#: The pages with a month picker (``templates/_month.html``).
MONTH_PAGES = ("nowcast", "scenarios")
_YEAR = "public, max-age=31536000, immutable"

#: The pages: path -> (template, Chinese title, English title).
PAGES = {
    "explorer": ("explorer.html", "序列", "Series"),
    "news": ("news.html", "最新数据", "What's new"),
    "nowcast": ("nowcast.html", "实时预测", "Nowcast"),
    "scenarios": ("scenarios.html", "情景", "Scenarios"),
    "reports": ("reports.html", "报告", "Reports"),
}


class ScenarioRun(BaseModel):
    """A scenario run: numbers of the file to change (path -> value), the information set and the YoY method."""

    changes: dict[str, float] = Field(default_factory=dict, description="path -> new value, e.g. "
                                      "{\"scenarios/optimistic/shocks/0/shock_pct\": 4.0}")
    as_of: str | None = Field(None, description="last month of data to use, YYYY-MM (default: latest)")
    method: str | None = Field(None, description="'published' or 'chained' (default: the file's)")


class _Guard:
    """Every response: the Content-Security-Policy and the other safety headers, the language cookie
    when ``?lang=`` chose one, a year of browser caching for the hashed static files; a POST that is
    not ``application/json`` is refused (415). A plain ASGI middleware: no per-request task or body copy."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if scope["method"] == "POST" and not Headers(scope=scope).get("content-type", "").startswith("application/json"):
            await JSONResponse({"error": "POST requests must send application/json"}, status_code=415)(scope, receive, send)
            return
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        lang = (query.get("lang") or [None])[-1]
        static = scope["path"].startswith("/static/")
        versioned = static and "v" in query

        async def send_with(message: Message) -> None:
            if message["type"] == "http.response.start":
                h = MutableHeaders(scope=message)
                h["Content-Security-Policy"] = _CSP
                h["X-Content-Type-Options"] = "nosniff"
                h["Referrer-Policy"] = "no-referrer"
                if static:
                    h["Cache-Control"] = _YEAR if versioned else "no-cache"
                if lang in SUPPORTED_LANGS:
                    h.append("set-cookie", f"lang={lang}; HttpOnly; Path=/; SameSite=strict")
            await send(message)

        await self.app(scope, receive, send_with)


def _hashes(folder: Path, names: tuple[str, ...]) -> dict[str, str]:
    """``/static/NAME?v=HASH`` per file: the URL changes when the file does."""
    return {n: f"/static/{n}?v={hashlib.sha256((folder / n).read_bytes()).hexdigest()[:12]}" for n in names}


def _lang(request: Request) -> str:
    q = request.query_params.get("lang")
    if q is not None:
        if q not in SUPPORTED_LANGS:
            raise MacrodeskError(f"lang must be one of {', '.join(SUPPORTED_LANGS)}; got '{q}'")
        return q
    c = request.cookies.get("lang")
    return c if c in SUPPORTED_LANGS else "zh"


def _labels(lang: str) -> dict[str, str]:
    """The words the pages' script shows, in ``lang``."""
    words = {
        "search": ("搜索序列：代码或中英文名称", "Search series: id or Chinese/English name"),
        "level": ("原值", "As published"), "yoy": ("同比", "YoY"), "mom": ("环比", "MoM"),
        "ytd": ("累计环比（自1月）", "Cumulative MoM (from Jan)"), "cagr2y": ("两年复合增速", "Two-year CAGR"),
        "left": ("左轴", "Left axis"), "right": ("右轴", "Right axis"), "add_right": ("加到右轴", "Add on right axis"),
        "clear_right": ("移除右轴", "Remove right axis"), "no_results": ("没有匹配的序列", "No matching series"),
        "results": ("条结果", "results"), "download": ("下载", "Download"), "revisions": ("修订记录", "Revisions"),
        "vintage": ("版本", "Vintage"), "imported": ("导入时间", "Imported"), "values": ("数值个数", "Values"),
        "no_revisions": ("该序列没有修订：每个数值只有一个版本。", "No revisions: every value has one vintage."),
        "period": ("期间", "Period"), "value": ("数值", "Value"), "prior": ("前值", "Prior"),
        "consensus": ("一致预期", "Consensus"), "surprise": ("超预期", "Surprise"), "released": ("发布日", "Released"),
        "old": ("原值", "Old"), "new": ("新值", "New"), "nowcast": ("预测", "Nowcast"), "actual": ("实际", "Actual"),
        "interval": ("80%区间", "80% interval"), "input": ("输入", "Input"), "change": ("本月输入", "This month's input"),
        "mom_pp": ("环比拉动(pp)", "MoM contribution (pp)"), "yoy_pp": ("同比拉动(pp)", "YoY contribution (pp)"),
        "carry": ("翘尾及前值（环比为0时的同比）", "Carry (YoY with a zero MoM)"),
        "total": ("合计（同比预测）", "Total (YoY nowcast)"), "loading": ("计算中…", "Computing…"),
        "run": ("运行", "Run"), "reset": ("恢复文件数值", "Reset to the file"), "file": ("情景文件", "Scenario file"),
        "as_of": ("数据截至", "Data to"), "method": ("同比算法", "YoY method"), "history": ("实际", "Actual"),
        "edited": ("修改后", "edited"), "asfile": ("文件原值", "as in the file"), "mean": ("全年中枢", "Average"),
        "min": ("最低", "Min"), "max": ("最高", "Max"), "end": ("年末", "Year end"), "scenario": ("情景", "Scenario"),
        "changed": ("已修改的参数", "Changed parameters"), "none_changed": ("未修改参数：两组路径相同。",
                                                                     "Nothing changed: the two sets are the same."),
        "report": ("报告", "Report"), "lang": ("语言", "Language"), "files": ("文件", "Files"),
        "built": ("生成时间", "Built"), "rebuild": ("重新生成", "Rebuild"), "rebuilding": ("生成中…", "Building…"),
        "rebuilt": ("已生成", "Built"), "seconds": ("秒", "s"), "no_project": (
            "未找到项目文件（macrodesk.toml）：在项目文件夹中运行 macrodesk serve 以列出报告。",
            "No project file (macrodesk.toml): run macrodesk serve in a project folder to list its reports."),
        "prints": ("新数据", "New prints"), "revised": ("修订", "Revisions"), "stale": ("滞后的输入", "Stale inputs"),
        "calendar": ("发布日历", "Release calendar"), "by_series": ("各序列的发布日期", "Release dates by series"), "months_behind": ("滞后月数", "Months behind"),
        "last_period": ("最新期", "Last period"), "next_release": ("下次发布", "Next release"),
        "body": ("发布机构", "Publisher"), "est": ("~ 为按发布规律估计的日期", "~ marks dates estimated from the rules"),
        "no_prints": ("上一次导入没有新数据（新序列不计入）。", "The last import brought no new prints (new series aside)."),
        "no_revised": ("上一次导入没有修订。", "The last import revised nothing."),
        "no_stale": ("所有输入都已更新到报告月份。", "Every input reaches the report's month."),
        "new_series": ("新序列", "new series"), "last_import": ("上一次导入", "Last import"),
        "error": ("错误", "Error"), "series": ("序列", "Series"), "model": ("模型", "Model"),
        "backtest": ("实时回测", "Real-time backtest"), "start": ("起", "From"), "stop": ("止", "To"),
    }
    return {k: tr(zh, en, lang) for k, (zh, en) in words.items()}


def _month_picker(lang: str, years: list[int]) -> dict[str, Any]:
    """The month pickers' lists in ``lang``: years ("2025年" / "2025", the latest first) and months ("6月" / "Jun"),
    valued YYYY and MM."""
    return {"years": [(str(y), tr(f"{y}年", str(y), lang)) for y in reversed(years)],  # the latest first
            "months": [(f"{m:02d}", tr(f"{m}月", MONTHS_EN[m - 1], lang)) for m in range(1, 13)],
            "year": tr("年", "Year", lang), "month": tr("月", "Month", lang)}


def _zh(summary: str, description: str = "") -> dict[str, Any]:
    """An API operation's Chinese summary and description, beside its English ones (the route's ``summary``
    and docstring): kept in the schema as ``x-zh``, shown by the ``/api`` page in Chinese by default."""
    return {"openapi_extra": {"x-zh": {"summary": summary, "description": description}}}


def _api_rows(spec: dict[str, Any], lang: str) -> list[tuple[str, str, str, str]]:
    """The ``/api`` page's rows from the OpenAPI schema: method, path, summary and description in ``lang``."""
    rows = []
    for path, ops in spec["paths"].items():
        for method, op in ops.items():
            zh = op.get("x-zh", {})
            en_summary = op.get("summary", "")
            en_doc = (op.get("description") or "").strip().replace("``", "")
            rows.append((method.upper(), path, tr(zh.get("summary") or en_summary, en_summary, lang),
                         tr(zh.get("description", en_doc), en_doc, lang)))
    return rows


def create_app(store: str | Path, project: Project | None = None, *,
               allowed_hosts: tuple[str, ...] | list[str] | None = None) -> FastAPI:
    """The web desk over ``store`` (opened read-only) and, optionally, its project file."""
    from macrodesk import __version__

    desk = Desk(store, project)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        desk.close()

    app = FastAPI(
        lifespan=lifespan,
        title="macrodesk", version=__version__,
        description="The web desk's JSON API: series, transforms, revisions, what's new, nowcasts, scenarios "
                    "and reports from one store opened read-only. Rates are in percent.",
        docs_url=None, redoc_url=None, openapi_url="/api/openapi.json",  # the docs pages load scripts from a CDN
    )
    app.state.desk = desk
    app.add_middleware(_Guard)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts or LOCAL_HOSTS))
    templates = Jinja2Templates(directory=str(_HERE / "templates"))
    app.mount("/static", StaticFiles(directory=str(_HERE / "static")), name="static")
    assets = _hashes(_HERE / "static", ("desk.css", "desk.js", "echarts.min.js"))

    def fonts() -> dict[str, Any]:
        from macrodesk.serve.fonts import unicode_range

        found = desk.font()
        return {"subset": SUBSET_URL.format(key=found[0]) if found else None, "full": FONT_URL if found else None,
                "range": unicode_range()}

    async def answer(key: Hashable, fn: Callable[[], Any]) -> Response:
        """The desk's kept answer for ``key`` (a lookup on the event loop), else ``fn()`` in a worker thread."""
        body = desk.kept(key)
        if body is None:
            body = await run_in_threadpool(desk.answer, key, fn)
        return Response(body, media_type="application/json")

    @app.exception_handler(MacrodeskError)
    async def user_error(request: Request, exc: MacrodeskError) -> JSONResponse:
        status = 404 if isinstance(exc, UnknownSeriesError) else 400
        return JSONResponse({"error": str(exc).strip("'\"") if isinstance(exc, KeyError) else str(exc)},
                            status_code=status)

    # ------------------------------------------------------------ pages
    def page(request: Request, name: str, **extra: Any) -> HTMLResponse:
        lang = _lang(request)
        template, zh, en = PAGES[name]
        config = {"page": name, "lang": lang, "labels": _labels(lang), **extra}
        other = "en" if lang == "zh" else "zh"
        picker = _month_picker(lang, desk.years()) if name in MONTH_PAGES else None
        return templates.TemplateResponse(request, template, {
            "lang": lang, "other": other, "page": name, "title": tr(zh, en, lang),
            "pages": [(k, tr(z, e, lang)) for k, (_, z, e) in PAGES.items()],
            "t": lambda zh_, en_: tr(zh_, en_, lang), "config": json.dumps(config, ensure_ascii=False),
            "store": desk.store_name, "project": project.file.name if project else None,
            "assets": assets, "charts": name in CHART_PAGES, "fonts": fonts(), "picker": picker,
        })

    @app.get("/", include_in_schema=False)
    def root(request: Request) -> RedirectResponse:
        return RedirectResponse("/explorer" + (f"?{request.url.query}" if request.url.query else ""))

    @app.get("/explorer", response_class=HTMLResponse, include_in_schema=False)
    def explorer_page(request: Request, id: str | None = None) -> HTMLResponse:
        return page(request, "explorer", series=id or "cpi_yoy")

    @app.get("/news", response_class=HTMLResponse, include_in_schema=False)
    def news_page(request: Request) -> HTMLResponse:
        return page(request, "news")

    @app.get("/nowcast", response_class=HTMLResponse, include_in_schema=False)
    def nowcast_page(request: Request) -> HTMLResponse:
        return page(request, "nowcast", targets=list(NOWCAST_TARGETS))

    @app.get("/scenarios", response_class=HTMLResponse, include_in_schema=False)
    def scenarios_page(request: Request) -> HTMLResponse:
        return page(request, "scenarios", files=list(desk.scenario_files()))

    @app.get("/reports", response_class=HTMLResponse, include_in_schema=False)
    def reports_page(request: Request) -> HTMLResponse:
        return page(request, "reports")

    @app.get("/api", response_class=HTMLResponse, include_in_schema=False)
    def api_page(request: Request) -> HTMLResponse:
        lang = _lang(request)
        rows = _api_rows(app.openapi(), lang)
        return templates.TemplateResponse(request, "api.html", {
            "lang": lang, "other": "en" if lang == "zh" else "zh", "page": "api", "title": "API",
            "pages": [(k, tr(z, e, lang)) for k, (_, z, e) in PAGES.items()], "rows": rows,
            "t": lambda zh_, en_: tr(zh_, en_, lang), "config": json.dumps({"page": "api", "lang": lang}),
            "store": desk.store_name, "project": project.file.name if project else None,
            "assets": assets, "charts": False, "fonts": fonts(),
        })

    # ------------------------------------------------------------ API: series
    @app.get("/api/series", summary="Search the stored series",
             **_zh("搜索已入库的序列", "代码或中英文名称包含 q 中每个词的序列，最匹配的在前。"))
    async def api_search(request: Request, q: str = "", limit: int = 30) -> Response:
        """Series whose id or Chinese/English name contains every word of ``q``, best matches first."""
        lang = _lang(request)
        return await answer(("search", q, lang, limit), lambda: desk.search(q, lang, limit))

    @app.get("/api/series/{series_id}", summary="One series in one view",
             **_zh("一个序列的一种视图", "view：level（原值）、yoy（同比）、mom（环比）、ytd（自1月起的累计环比）、"
                   "cagr2y（两年复合增速）。"))
    async def api_series(request: Request, series_id: str, view: str = "level", start: str | None = None,
                         end: str | None = None) -> Response:
        """``view``: level (as published), yoy, mom, ytd (cumulative MoM from January), cagr2y (two-year)."""
        lang = _lang(request)
        return await answer(("series", series_id, view, lang, start, end),
                            lambda: desk.series(series_id, view, lang, start, end))

    @app.get("/api/series/{series_id}/revisions", summary="The vintages and revisions of a series",
             **_zh("序列的版本与修订", "每次改动该序列的导入、每个被修订的期间（原值和新值），以及该序列在最近几个版本时的数值。"))
    async def api_revisions(request: Request, series_id: str) -> Response:
        """Each import that changed the series, every revised period (old and new values) and the series
        as of each of its last vintages."""
        lang = _lang(request)
        return await answer(("revisions", series_id, lang), lambda: desk.revisions(series_id, lang))

    @app.get("/api/series/{series_id}/download", summary="Download a series as CSV or XLSX",
             **_zh("下载序列（CSV 或 XLSX）", "按 view 视图下载该序列，format 为 csv 或 xlsx。"))
    def api_download(series_id: str, view: str = "level", format: str = "csv") -> Response:
        """The series in ``view`` as ``format`` = csv or xlsx."""
        if format not in ("csv", "xlsx"):
            raise MacrodeskError(f"format must be csv or xlsx; got '{format}'")
        data = desk.download(series_id, view, format)
        media = "text/csv; charset=utf-8" if format == "csv" else \
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        name = f"{series_id}{'' if view == 'level' else '_' + view}.{format}"
        return Response(data, media_type=media, headers={"Content-Disposition": f'attachment; filename="{name}"'})

    # ------------------------------------------------------------ API: what's new, nowcasts
    @app.get("/api/news", summary="What the last import brought",
             **_zh("上一次导入带来的变化", "新数据（前值、一致预期、超预期）、修订、报告中滞后的输入和发布日历。"))
    async def api_news(request: Request) -> Response:
        """New prints (prior, consensus, surprise), revisions, stale report inputs and the release calendar."""
        import datetime as dt

        lang, today = _lang(request), dt.date.today()
        return await answer(("news", lang, today), lambda: desk.news(lang, today))

    @app.get("/api/nowcast/{target}", summary="This month's CPI or PPI nowcast",
             **_zh("当月 CPI 或 PPI 实时预测", "target：cpi 或 ppi。最近一次公布之后的月份（或 date 当天尚未公布的月份）的预测、"
                   "80%区间和每个输入的拉动（桥接模型）。"))
    async def api_nowcast(request: Request, target: str, date: str | None = None) -> Response:
        """``target``: cpi or ppi. The month after the last print (or the month not yet out on ``date``),
        its 80% interval and each input's contribution (bridge model)."""
        lang = _lang(request)
        return await answer(("nowcast", target, lang, date), lambda: desk.nowcast(target, lang, date))

    @app.get("/api/nowcast/{target}/backtest", summary="Real-time backtest against the consensus",
             **_zh("对照一致预期的实时回测", "每个月在月末用当时已公布的数据预测，与公布值和一致预期对比。"))
    async def api_backtest(request: Request, target: str, start: str | None = None, end: str | None = None) -> Response:
        """Each month nowcast on its last day with the data then published, against the print and the consensus."""
        lang = _lang(request)
        return await answer(("backtest", target, lang, start, end), lambda: desk.backtest(target, lang, start, end))

    # ------------------------------------------------------------ API: scenarios
    @app.get("/api/scenarios", summary="The scenario files on offer", **_zh("可用的情景文件"))
    def api_scenarios() -> dict[str, Any]:
        return {"files": list(desk.scenario_files())}

    @app.get("/api/scenarios/{file}", summary="A scenario file's scenarios and parameters",
             **_zh("情景文件中的情景和参数"))
    def api_scenario(request: Request, file: str) -> dict[str, Any]:
        return desk.scenario_params(file, _lang(request))  # read from the file each time: it may be edited

    @app.post("/api/scenarios/{file}/run", summary="Run a scenario file with changed parameters",
              **_zh("修改参数后运行情景文件", "按文件原值和按 changes 修改后的两组路径并列给出；文件本身不会被改写。"))
    def api_scenario_run(request: Request, file: str, body: ScenarioRun | None = None) -> Response:
        """The paths as in the file and with ``changes``, side by side; the file is not written."""
        run = body or ScenarioRun.model_validate({})
        lang = _lang(request)
        # kept by the file's text too: an edited file runs again
        key = ("scenario", file, desk.scenario_text(file), tuple(sorted(run.changes.items())), run.as_of, run.method, lang)
        return Response(desk.answer(key, lambda: desk.run_scenarios(file, run.changes, run.as_of, run.method, lang)),
                        media_type="application/json")

    # ------------------------------------------------------------ reports
    @app.get("/api/reports", summary="The project's built reports", **_zh("项目中已生成的报告"))
    def api_reports(request: Request) -> dict[str, Any]:
        return desk.reports(_lang(request))

    @app.post("/api/reports/{slot}/rebuild", summary="Build one report again",
              **_zh("重新生成一份报告", "按项目文件的配置重新生成该报告（经由结果缓存）。"))
    def api_rebuild(slot: int) -> dict[str, Any]:
        """Rebuilds the report as the project file configures it (through the results cache)."""
        return desk.rebuild(slot)

    @app.get(FONT_URL, include_in_schema=False)
    def cjk_font() -> Response:
        # the PDFs' and PNGs' font (Noto Sans CJK SC, OFL, from mplfonts), so Chinese shows with no system font
        found = desk.font()
        if found is None:
            return JSONResponse({"error": "the CJK font package 'mplfonts' is not installed"}, status_code=404)
        return FileResponse(found[1], media_type="font/otf", headers={"Cache-Control": "public, max-age=604800"})

    @app.get(SUBSET_URL.replace("{key}", "{name}"), include_in_schema=False)
    async def cjk_subset(name: str) -> Response:
        # the same font cut to the characters the desk can show; its name changes with them
        found = desk.font()
        if found is None or name != found[0]:
            return JSONResponse({"error": "no such font"}, status_code=404)
        data = await run_in_threadpool(desk.font_subset)
        return Response(data, media_type="font/otf", headers={"Cache-Control": _YEAR})

    @app.get("/reports/{slot}/{name:path}", include_in_schema=False)
    def report_file(slot: int, name: str) -> Response:
        try:
            path = desk.report_file(slot, name)
        except MacrodeskError:
            return JSONResponse({"error": "not a report file"}, status_code=404)
        return FileResponse(path)

    return app
