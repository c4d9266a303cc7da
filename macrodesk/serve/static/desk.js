/* macrodesk web desk: plain JavaScript over the JSON API; charts with the vendored ECharts. */
"use strict";
(function () {
  const CFG = JSON.parse(document.getElementById("desk-config").textContent);
  const L = CFG.labels || {};
  const LANG = CFG.lang;
  const $ = (id) => document.getElementById(id);
  const COLORS = ["#b3261e", "#1f5fa8", "#2e7d32", "#ef8b00", "#6a3d9a", "#6b7785"];
  window.DESK_READY = false;
  // the charts draw their text on a canvas in the page's font, which names the desk's Chinese font
  const FAMILY = getComputedStyle(document.body).fontFamily;
  const CHARTS = new Set();

  function esc(s) {
    return String(s == null ? "" : s).replace(/[&<>"']/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c]));
  }
  function api(path, opts) {
    const sep = path.includes("?") ? "&" : "?";
    return fetch(path + sep + "lang=" + LANG, opts).then((r) => r.json().then((body) => {
      if (!r.ok) throw new Error(body.error || r.statusText);
      return body;
    }));
  }
  function post(path, body) {
    return api(path, {method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify(body || {})});
  }
  function fmt(x, d) { return x == null ? "—" : Number(x).toFixed(d == null ? 2 : d); }
  function signed(x, d) { return x == null ? "—" : (x > 0 ? "+" : "") + Number(x).toFixed(d == null ? 2 : d); }
  function table(head, rows, numeric) {
    const th = head.map((h, i) => `<th${numeric && numeric[i] ? ' class="n"' : ""}>${esc(h)}</th>`).join("");
    const tr = rows.map((r) => "<tr>" + r.map((c, i) => `<td${numeric && numeric[i] ? ' class="n"' : ""}>${c}</td>`).join("") + "</tr>").join("");
    return `<table class="data"><thead><tr>${th}</tr></thead><tbody>${tr}</tbody></table>`;
  }
  // the month pickers (templates/_month.html): a year and a month list in the desk's language, read as YYYY-MM
  function monthOf(id) {
    const y = $(id).querySelector(".month-y").value, m = $(id).querySelector(".month-m").value;
    return y && m ? `${y}-${m}` : "";
  }
  function setMonth(id, value) {
    const [y, m] = String(value || "").split("-");
    $(id).querySelector(".month-y").value = y || "";
    $(id).querySelector(".month-m").value = m || "";
  }
  function showError(el, err) { el.innerHTML = `<p class="error">${esc(L.error)}: ${esc(err.message || err)}</p>`; }
  // a chart draws once ECharts (loaded async, parsed while the data is fetched) and, on a Chinese page,
  // the Chinese font are in: a canvas does not redraw when a font arrives
  const ECHARTS = new Promise((resolve) => {
    const tag = $("echarts-js");
    if (window.echarts || !tag) resolve();
    else { tag.addEventListener("load", () => resolve()); tag.addEventListener("error", () => resolve()); }
  });
  const FONT = document.fonts && LANG === "zh" ? document.fonts.load('14px "macrodesk-cjk"', "中").catch(() => null) : Promise.resolve();
  const PAINT = Promise.all([ECHARTS, FONT]);
  function chart(el) {
    const c = echarts.getInstanceByDom(el) || echarts.init(el, null, {renderer: "canvas"});
    if (!CHARTS.has(c)) { CHARTS.add(c); window.addEventListener("resize", () => c.resize()); }
    return c;
  }
  function paint(el, opt) { return PAINT.then(() => { const c = chart(el); c.setOption(opt, true); return c; }); }
  const baseOption = () => ({
    animation: false, color: COLORS, textStyle: {fontFamily: FAMILY}, tooltip: {trigger: "axis"}, legend: {top: 0},
    grid: {left: 56, right: 56, top: 36, bottom: 56}, dataZoom: [{type: "inside"}, {type: "slider", height: 18, bottom: 8}],
  });
  // ready: the page has drawn what it first shows (DESK_READY_MS: milliseconds since navigation start)
  function ready() { window.DESK_READY_MS = performance.now(); window.DESK_READY = true; document.body.dataset.ready = "1"; }

  // ---------------------------------------------------------------- series explorer
  function explorer() {
    const views = ["level", "yoy", "mom", "ytd", "cagr2y"];
    const state = {left: {id: CFG.series, view: "level"}, right: null};
    for (const sel of [$("left-view"), $("right-view")]) {
      sel.innerHTML = views.map((v) => `<option value="${v}">${esc(L[v])}</option>`).join("");
    }
    let timer = null;
    $("q").addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(search, 150); });
    $("left-view").addEventListener("change", (e) => { state.left.view = e.target.value; draw(); });
    $("right-view").addEventListener("change", (e) => { if (state.right) { state.right.view = e.target.value; draw(); } });
    $("right-clear").addEventListener("click", () => { state.right = null; $("right-name").textContent = "—"; draw(); });

    function search() {
      const q = $("q").value;
      api("/api/series?limit=60&q=" + encodeURIComponent(q)).then((res) => {
        $("hits-count").textContent = res.total ? `${res.total} ${L.results}` : L.no_results;
        $("hits").innerHTML = res.results.map((r) =>
          `<li data-id="${esc(r.id)}"><span class="meta">${esc(r.freq)} ${esc(r.first.slice(0, 7))}–${esc(r.last.slice(0, 7))}</span>` +
          `${esc(r.name)}<br><span class="sid">${esc(r.id)} · ${esc(r.unit_label)}</span>` +
          `<button type="button" data-right="${esc(r.id)}">${esc(L.add_right)}</button></li>`).join("");
      }).catch((e) => showError($("hits"), e));
    }
    $("hits").addEventListener("click", (e) => {
      const right = e.target.getAttribute("data-right");
      if (right) { state.right = {id: right, view: $("right-view").value}; draw(); return; }
      const li = e.target.closest("li");
      if (li) { state.left = {id: li.dataset.id, view: $("left-view").value}; draw(); }
    });

    function draw() {
      const parts = [state.left, state.right].filter(Boolean);
      const revs = api(`/api/series/${encodeURIComponent(state.left.id)}/revisions`);  // asked at once, shown after
      return Promise.all(parts.map((p) => api(`/api/series/${encodeURIComponent(p.id)}?view=${p.view}`))).then((res) => {
        const opt = baseOption();
        opt.xAxis = {type: "category", boundaryGap: false};
        opt.yAxis = res.map((r, i) => ({type: "value", scale: true, name: r.unit_label, position: i ? "right" : "left",
                                        splitLine: {show: i === 0}}));
        opt.series = res.map((r, i) => ({name: LANG === "zh" ? `${r.name}（${L[r.view]}）` : `${r.name} (${L[r.view]})`, type: "line", showSymbol: false,
                                         yAxisIndex: i, data: r.values, connectNulls: false}));
        opt.xAxis.data = mergeKeys(res.map((r) => r.values.map((v) => v[0])));
        opt.series.forEach((s) => { const m = new Map(s.data); s.data = opt.xAxis.data.map((k) => m.has(k) ? m.get(k) : null); });
        const drawn = paint($("chart"), opt);
        $("left-name").textContent = `${res[0].name} (${res[0].series_id})`;
        if (res[1]) $("right-name").textContent = `${res[1].name} (${res[1].series_id})`;
        $("series-note").textContent = res.map((r) => r.note).filter(Boolean).join(" ");
        const l = state.left;
        $("dl-csv").href = `/api/series/${encodeURIComponent(l.id)}/download?view=${l.view}&format=csv`;
        $("dl-xlsx").href = `/api/series/${encodeURIComponent(l.id)}/download?view=${l.view}&format=xlsx`;
        history.replaceState(null, "", `/explorer?id=${encodeURIComponent(l.id)}`);
        return Promise.all([drawn, revs.then(revisions)]);
      }).catch((e) => showError($("series-note"), e));
    }
    function mergeKeys(lists) {
      const all = new Set(); lists.forEach((l) => l.forEach((k) => all.add(k)));
      return Array.from(all).sort();
    }
    function revisions(r) {
      const rows = r.vintages.map((v) => [esc(v.vintage), esc(v.imported_at), esc(v.label), esc(v.values)]);
      let html = table([L.vintage, L.imported, "", L.values], rows, [false, false, false, true]);
      if (!r.revised.length) html += `<p class="muted">${esc(L.no_revisions)}</p>`;
      else html += table([L.period, L.old, L.new], r.revised.slice(-60).reverse().map((p) => [esc(p.period),
        p.values.slice(0, -1).map((v) => `${fmt(v.value)} (v${v.vintage})`).join(" → "), fmt(p.values[p.values.length - 1].value)]),
        [false, true, true]);
      $("revisions").innerHTML = html;
      const rc = $("rev-chart");
      if (r.as_of_vintage.length > 1) {
        rc.classList.remove("hidden");
        const opt = baseOption();
        opt.xAxis = {type: "category", boundaryGap: false, data: mergeKeys(r.as_of_vintage.map((v) => v.values.map((x) => x[0])))};
        opt.yAxis = {type: "value", scale: true};
        opt.series = r.as_of_vintage.map((v) => { const m = new Map(v.values);
          return {name: `${L.vintage} ${v.vintage}`, type: "line", showSymbol: false, data: opt.xAxis.data.map((k) => m.has(k) ? m.get(k) : null)}; });
        return paint(rc, opt);
      }
      rc.classList.add("hidden");
      return null;
    }
    $("q").value = "";
    search();
    draw().then(ready, ready);
  }

  // ---------------------------------------------------------------- what's new
  function news() {
    api("/api/news").then((n) => {
      $("import-line").textContent = n.vintage == null ? "" :
        `${L.last_import}: ${L.vintage} ${n.vintage} · ${n.imported_at} · ${n.label}` + (n.new_series ? ` · ${n.new_series} ${L.new_series}` : "");
      $("prints").innerHTML = n.prints.length ? table([L.series, L.period, L.value, L.prior, L.consensus, L.surprise, L.released],
        n.prints.map((p) => [`${esc(p.name)}<br><span class="muted">${esc(p.series_id)}</span>`, esc(p.period), fmt(p.value),
          fmt(p.prior_value), fmt(p.consensus), signed(p.surprise), esc(p.released || "—")]),
        [false, false, true, true, true, true, false]) : `<p class="muted">${esc(L.no_prints)}</p>`;
      $("revised").innerHTML = n.revisions.length ? table([L.series, L.period, L.old, L.new],
        n.revisions.map((r) => [`${esc(r.name)}<br><span class="muted">${esc(r.series_id)}</span>`, esc(r.period),
          `${fmt(r.old_value)} (v${r.old_vintage})`, fmt(r.new_value)]), [false, false, true, true]) : `<p class="muted">${esc(L.no_revised)}</p>`;
      const mark = (d, est) => d == null ? "—" : (est ? "~" + d : d);
      const cal = n.calendar;
      $("calendar").innerHTML = table([L.report, L.body, L.period, L.next_release],
        cal.reports.map((r) => [esc(r.report), esc(r.body_name || "—"), esc(r.period || "—"), esc(mark(r.date, r.estimated))])) +
        `<p class="muted">${esc(L.est)}</p><details><summary>${esc(L.by_series)} (${cal.series.length})</summary>` +
        table([L.series, L.body, L.last_period, L.released, L.next_release],
        cal.series.map((s) => [esc(s.id), esc(s.body_name), esc(s.last_period), esc(mark(s.last_release, s.last_estimated)),
          esc(`${s.next_period}: ${mark(s.next_release, s.next_estimated)}`)])) + "</details>";
      $("stale").innerHTML = n.stale.map((r) => `<h4>${esc(r.report)} · ${esc(r.as_of || "")}</h4>` + (r.error ?
        `<p class="error">${esc(r.error)}</p>` : r.inputs.length ? table([L.series, "", L.last_period, L.months_behind],
        r.inputs.map((i) => [esc(i.id), esc(i.name), esc(i.last_period), esc(i.months_behind)]), [false, false, false, true]) :
        `<p class="muted">${esc(L.no_stale)}</p>`)).join("");
      ready();
    }).catch((e) => { showError($("prints"), e); ready(); });
  }

  // ---------------------------------------------------------------- nowcast
  function nowcast() {
    const shown = [];
    for (const t of CFG.targets) {
      const el = document.querySelector(`#nc-${t} .nc-body`);
      shown.push(api(`/api/nowcast/${t}`).then((n) => {
        const rows = (n.contributions || []).map((c) => [esc(c.label), esc(c.change_text), signed(c.mom_pp, 3), signed(c.yoy_pp, 3)]);
        rows.push([esc(L.carry), "", "", signed(n.carry - 0, 3)]);
        rows.push([`<strong>${esc(L.total)}</strong>`, "", signed(n.nowcast_mom, 3), `<strong>${signed(n.nowcast_unrounded, 3)}</strong>`]);
        el.classList.remove("muted");
        el.innerHTML = `<p><span class="big">${signed(n.nowcast, 1)}%</span> ${esc(n.month)} · ${esc(L.interval)} ` +
          `${signed(n.interval_80[0], 1)}% – ${signed(n.interval_80[1], 1)}%</p><p>${esc(n.text)}</p>` +
          table([L.input, L.change, L.mom_pp, L.yoy_pp], rows, [false, false, true, true]);
      }).catch((e) => showError(el, e)));
    }
    function run(ev) {
      if (ev) ev.preventDefault();
      const t = $("bt-target").value, s = monthOf("bt-start"), e = monthOf("bt-end");
      $("bt-text").textContent = L.loading;
      return api(`/api/nowcast/${t}/backtest?` + (s ? `start=${s}&` : "") + (e ? `end=${e}` : "")).then((b) => {
        setMonth("bt-start", b.start); setMonth("bt-end", b.end);
        const opt = baseOption();
        opt.xAxis = {type: "category", boundaryGap: false, data: b.rows.map((r) => r.month)};
        opt.yAxis = {type: "value", scale: true, name: "%"};
        opt.series = [
          {name: L.interval, type: "line", data: b.rows.map((r) => r.lower), lineStyle: {opacity: 0}, stack: "band", symbol: "none"},
          {name: L.interval, type: "line", data: b.rows.map((r) => r.upper == null || r.lower == null ? null : r.upper - r.lower),
           lineStyle: {opacity: 0}, areaStyle: {color: "rgba(179,38,30,0.12)"}, stack: "band", symbol: "none"},
          {name: L.actual, type: "line", data: b.rows.map((r) => r.actual), color: "#1d2733", symbolSize: 4},
          {name: L.nowcast, type: "line", data: b.rows.map((r) => r.nowcast), color: "#b3261e", symbolSize: 4},
          {name: L.consensus, type: "line", data: b.rows.map((r) => r.consensus), color: "#1f5fa8", lineStyle: {type: "dashed"}, symbolSize: 4},
        ];
        opt.tooltip = {trigger: "axis", formatter: (ps) => ps.filter((p) => p.seriesIndex > 1).map((p) => `${p.seriesName}: ${fmt(p.value, 1)}`).join("<br>")};
        $("bt-text").textContent = b.text;
        return paint($("bt-chart"), opt);
      }).catch((e) => showError($("bt-text"), e));
    }
    $("bt-form").addEventListener("submit", run);
    shown.push(run());
    Promise.all(shown).then(ready);
  }

  // ---------------------------------------------------------------- scenarios
  function scenarios() {
    $("sc-file").innerHTML = CFG.files.map((f) => `<option>${esc(f)}</option>`).join("");
    let params = [];
    function load() {
      return api(`/api/scenarios/${encodeURIComponent($("sc-file").value)}`).then((s) => {
        params = s.params;
        $("sc-title").textContent = `${s.title} (${s.horizon[0]} – ${s.horizon[1]})`;
        $("sc-params").innerHTML = s.params.map((p, i) =>
          `<tr data-i="${i}"><td>${esc(p.label)}</td><td><input type="number" step="any" data-i="${i}" value="${p.value}"></td>` +
          `<td class="muted"><code>${esc(p.path)}</code></td></tr>`).join("");
      });
    }
    function changes() {
      const out = {};
      document.querySelectorAll("#sc-params input").forEach((inp) => {
        const p = params[Number(inp.dataset.i)], v = Number(inp.value);
        inp.closest("tr").classList.toggle("changed", inp.value !== "" && v !== p.value);
        if (inp.value !== "" && v !== p.value) out[p.path] = v;
      });
      return out;
    }
    function draw(el, res, yrange) {
      const months = res.history.map((h) => h[0]).concat(res.scenarios[0].yoy.map((y) => y[0]));
      const opt = baseOption();
      delete opt.dataZoom; opt.grid.bottom = 30;
      opt.xAxis = {type: "category", boundaryGap: false, data: months};
      opt.yAxis = {type: "value", name: "%", min: yrange[0], max: yrange[1]};
      const pad = (n) => new Array(n).fill(null);
      opt.series = [{name: L.history, type: "line", color: "#1d2733", data: res.history.map((h) => h[1]).concat(pad(months.length - res.history.length))}]
        .concat(res.scenarios.map((s) => ({name: s.label, type: "line", symbolSize: 4,
          data: pad(res.history.length).concat(s.yoy.map((y) => y[1]))})));
      return paint(el, opt);
    }
    function run(ev) {
      if (ev) ev.preventDefault();
      const body = {changes: changes(), as_of: monthOf("sc-asof") || null, method: $("sc-method").value || null};
      $("sc-changed").textContent = L.loading;
      return post(`/api/scenarios/${encodeURIComponent($("sc-file").value)}/run`, body).then((r) => {
        const vals = [];
        for (const res of [r.base, r.edited]) {
          res.history.forEach((h) => vals.push(h[1]));
          res.scenarios.forEach((s) => s.yoy.forEach((y) => vals.push(y[1])));
        }
        const lo = Math.floor(Math.min(...vals.filter((v) => v != null)) - 0.5), hi = Math.ceil(Math.max(...vals.filter((v) => v != null)) + 0.5);
        const drawn = Promise.all([draw($("sc-chart-base"), r.base, [lo, hi]), draw($("sc-chart-edited"), r.edited, [lo, hi])]);
        const ch = Object.entries(r.changed);
        $("sc-changed").textContent = ch.length ? `${L.changed}: ` + ch.map(([p, v]) => `${p} ${v.from} → ${v.to}`).join("; ") : L.none_changed;
        const rows = r.base.scenarios.map((s, i) => {
          const e = r.edited.scenarios[i];
          return [esc(s.label)].concat(["mean", "min", "max", "end"].map((k) => `${fmt(s[k])} → <strong>${fmt(e[k])}</strong>`));
        });
        $("sc-table").innerHTML = `<h3>${esc(L.asfile)} → ${esc(L.edited)}</h3>` +
          table([L.scenario, L.mean, L.min, L.max, L.end], rows, [false, true, true, true, true]);
        return drawn.then(() => { document.body.dataset.scenarioRuns = String(Number(document.body.dataset.scenarioRuns || 0) + 1); });
      }).catch((e) => showError($("sc-changed"), e));
    }
    $("sc-form").addEventListener("submit", run);
    $("sc-params").addEventListener("input", changes);
    $("sc-file").addEventListener("change", () => load().then(run));
    $("sc-reset").addEventListener("click", () => load().then(run));
    load().then(run).then(ready, ready);
  }

  // ---------------------------------------------------------------- reports
  function reports() {
    function render() {
      return api("/api/reports").then((r) => {
        if (!r.project) { $("reports").innerHTML = `<p class="muted">${esc(L.no_project)}</p>`; return; }
        $("reports").innerHTML = table([L.report, L.lang, L.as_of, L.files, L.built, ""], r.reports.map((x) => [
          `<strong>${esc(x.name)}</strong><br><span class="muted">${esc(x.folder)}/ · ${esc(x.help)}</span>`, esc(x.lang),
          esc(x.built_as_of || x.as_of),
          x.files.map((f) => `<a href="/reports/${x.slot}/${encodeURIComponent(x.basename + "." + f)}" target="_blank">${esc(f.toUpperCase())}</a>`).join(" · ") || "—",
          `<span class="nowrap">${esc((x.built_at || "—").replace("T", " ").slice(0, 16))}</span>`, `<button type="button" data-slot="${x.slot}">${esc(L.rebuild)}</button> <span id="rb-${x.slot}" class="muted"></span>`]));
      });
    }
    $("reports").addEventListener("click", (e) => {
      const slot = e.target.getAttribute("data-slot");
      if (slot == null) return;
      e.target.disabled = true;
      $("rb-" + slot).textContent = L.rebuilding;
      post(`/api/reports/${slot}/rebuild`).then((r) => render().then(() => { $("rb-" + slot).textContent = `${L.rebuilt} (${r.seconds} ${L.seconds})`; }))
        .catch((err) => { e.target.disabled = false; showError($("rb-" + slot), err); });
    });
    render().then(ready, (e) => { showError($("reports"), e); ready(); });
  }

  const PAGES = {explorer, news, nowcast, scenarios, reports, api: ready};
  // the data is asked for at once; charts wait for ECharts and (Chinese page) the font in paint().
  // An English page draws at once and redraws its charts if a Chinese name brings the font in later.
  if (document.fonts) document.fonts.addEventListener("loadingdone", () => CHARTS.forEach((c) => c.setOption({textStyle: {fontFamily: FAMILY}})));
  (PAGES[CFG.page] || ready)();
})();
