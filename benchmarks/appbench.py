"""Dashboard timings: warm page reruns (AppTest), cold start and peak memory (real server + Chromium).

    python -m benchmarks.appbench --db-url URL [--pages overview,timeline,meeting] [--no-profile]
    python -m benchmarks.appbench --db-url URL --first-page [--repeats 3] [--baseline]

The first form prints the warm reruns of the pages (``warm_reruns``), the second the cold start
alone (``first_page``; with ``--baseline`` alternated with a one-metric app's): both as JSON, with
the load average before and after.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from devtools.dashboard import CHROMIUM, CHROMIUM_ARGS, ROOT, Dashboard
PAGES = ("overview", "timeline", "meeting", "figures", "articles", "said", "upload")
# Typing in the sidebar's search box is timed on every page.
TYPING_PAGES = ("overview", "timeline", "meeting", "figures", "articles", "said", "upload")
TYPED_QUERY = "باكو"
TYPING_DELAY_MS = 80  # between keys, as a person types
IDLE_QUIET_MS = 500  # the page counts as idle once nothing changed for this long
PAGE_TIMEOUT_MS = 60_000
RUN_TIMEOUT_S = 180
# Filter changes timed on every page: (label, widget kind, key, value).
# The fourth value is a second change of the same widget, sampled to show where the time goes.
CHANGES = (("kind = talks", "multiselect", "flt_kinds", ["talks"], ["visit"]),
           ("query = باكو", "text_input", "flt_q", "باكو", "موسكو"))


def _widget(at: Any, kind: str, key: str) -> Any:
    return getattr(at, kind)(key=key)


def _profile_top(fn, limit: int = 8, interval: float = 0.005) -> list[str]:
    """Where one call of ``fn`` spends its time, by sampling every thread's stack.

    AppTest runs the page script in another thread, which cProfile does not see: a sampler sees
    all threads. Each line: approximate cumulative ms of a project (or library) function.
    """
    import collections
    import threading

    counts: collections.Counter[str] = collections.Counter()
    samples = 0
    done = threading.Event()
    me = threading.get_ident()

    def sample() -> None:
        nonlocal samples
        while not done.is_set():
            for tid, frame in sys._current_frames().items():
                if tid in (me, sampler.ident):
                    continue
                seen: set[str] = set()
                while frame is not None:
                    code = frame.f_code
                    where = _where(code.co_filename, code.co_firstlineno, code.co_name)
                    if where and where not in seen:
                        seen.add(where)
                        counts[where] += 1
                    frame = frame.f_back
            samples += 1
            time.sleep(interval)

    sampler = threading.Thread(target=sample, daemon=True)
    start = time.perf_counter()
    sampler.start()
    try:
        fn()
    finally:
        done.set()
        sampler.join()
    elapsed = time.perf_counter() - start
    if not samples:
        return []
    return [f"{n / samples * elapsed * 1e3:.0f} ms {where}" for where, n in counts.most_common(limit)]


def _where(filename: str, line: int, name: str) -> str | None:
    """Short name of a frame worth reporting: project code, or pandas/plotly/sqlalchemy/sqlite."""
    if str(ROOT) in filename and "/.venv/" not in filename and "/benchmarks/" not in filename:
        return f"{Path(filename).relative_to(ROOT)}:{line} {name}"
    for lib in ("pandas", "plotly", "sqlalchemy"):
        if f"/site-packages/{lib}/" in filename and name in ("read_sql", "execute", "__init__"):
            return None
    return None


def warm_reruns(db_url: str, profile_over_ms: float = 300,
                pages: tuple[str, ...] = PAGES) -> list[dict[str, Any]]:
    """Per page: first run, then the rerun after each filter change (same process, warm caches).

    ``db_url`` may be a SQLite or a PostgreSQL URL. A rerun slower than ``profile_over_ms`` is
    followed by a sampled run of a similar change (``_profile_top``); ``float("inf")``: none."""
    os.environ["CORPUS_DB_URL"] = db_url
    import logging

    import streamlit as st
    from streamlit.testing.v1 import AppTest

    for name in list(logging.root.manager.loggerDict):  # bare-mode warnings, one per cache call
        if name.startswith("streamlit"):
            logging.getLogger(name).setLevel(logging.ERROR)

    results = []
    for page in pages:
        # Each page starts from empty data caches (the store stays open): a page must not find the
        # filtered data a page measured before it left in the cache.
        st.cache_data.clear()
        # Through app.py (its navigation), as the app serves it: page links need the pages.
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=RUN_TIMEOUT_S)
        if page != "overview":  # the overview is the root page
            at.switch_page(f"views/{page}.py")
        start = time.perf_counter()
        try:
            at.run()
        except Exception as exc:  # AppTest timeout: the page is too slow to measure further
            results.append({"page": page, "first_run_ms": None, "errors": [type(exc).__name__]})
            continue
        row: dict[str, Any] = {"page": page, "first_run_ms": (time.perf_counter() - start) * 1e3,
                               "errors": [str(e.value)[:200] for e in at.exception]}
        for label, kind, key, value, other in CHANGES:
            try:
                _widget(at, kind, key).set_value(value)
            except Exception as exc:  # the page has no such widget
                row[label] = None
                row.setdefault("errors", []).append(f"{label}: {type(exc).__name__}")
                continue
            start = time.perf_counter()
            try:
                at.run()
            except Exception as exc:
                row[label] = None
                row["errors"].append(f"{label}: {type(exc).__name__}")
                break
            ms = (time.perf_counter() - start) * 1e3
            row[label] = ms
            reset = [] if kind == "multiselect" else ""
            if profile_over_ms < ms < 30_000:  # a similar change (its data not cached yet), sampled
                _widget(at, kind, key).set_value(other)
                row.setdefault("profile", {})[label] = _profile_top(at.run)
            _widget(at, kind, key).set_value(reset)
            at.run()
        results.append(row)
    return results


def _peak_rss_mb(pid: int) -> float:
    """VmHWM (peak resident set) of a process, in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _cpu_s(pid: int) -> float:
    """CPU seconds (user + system) a process has used so far: less swayed by the machine's load
    than wall-clock times."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _browser_cpu_s() -> float:
    """CPU seconds used so far by the Chromium processes this process started (its descendants
    named chromium: the browser, its renderers, GPU and utility processes)."""
    children: dict[int, list[int]] = {}
    names: dict[int, str] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                head, tail = (entry / "stat").read_text().rsplit(")", 1)
            except OSError:  # gone meanwhile
                continue
            pid = int(entry.name)
            names[pid] = head.split("(", 1)[1]
            children.setdefault(int(tail.split()[1]), []).append(pid)
    total, todo = 0.0, list(children.get(os.getpid(), []))
    while todo:
        pid = todo.pop()
        todo += children.get(pid, [])
        if names.get(pid, "").startswith("chrom"):
            try:
                total += _cpu_s(pid)
            except OSError:
                pass
    return total


def browser_session(db_url: str) -> dict[str, Any]:
    """Start ``streamlit run app.py`` on the database, open it in headless Chromium.

    Cold start = from launching the server process to the overview's metrics being visible.
    Then every page is opened, and a filter link on each; the server's peak RSS is read at the end.
    """
    from playwright.sync_api import sync_playwright

    out: dict[str, Any] = {"pages": {}}
    with sync_playwright() as pw, tempfile.TemporaryDirectory() as tmp:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        start = time.perf_counter()
        with Dashboard(db_url, Path(tmp) / "streamlit.log") as app:  # returns once /_stcore/health answers
            out["health_s"] = time.perf_counter() - start
            _open_home(page, app.base)
            out["first_page_s"] = time.perf_counter() - start
            for name in PAGES:
                for suffix in ("", "?kind=talks&q=%D8%A8%D8%A7%D9%83%D9%88"):
                    t0 = time.perf_counter()
                    try:
                        page.goto(f"{app.base}/{name}{suffix}")
                        page.wait_for_selector('[data-testid="stMainBlockContainer"] h1', timeout=PAGE_TIMEOUT_MS)
                        page.wait_for_selector('[data-test-script-state="notRunning"]', timeout=PAGE_TIMEOUT_MS)
                        out["pages"][f"/{name}{suffix}"] = time.perf_counter() - t0
                    except Exception:  # too slow: record it and go on with the other pages
                        out["pages"][f"/{name}{suffix}"] = None
            out["peak_rss_mb"] = _peak_rss_mb(app.proc.pid)
        browser.close()
    return out


# Installed in the page before typing: resolves with the ms from the Enter key to the moment the
# page became idle (script not running, no stale element left), once it stayed so IDLE_QUIET_MS.
_IDLE_AFTER_ENTER_JS = """([quiet, timeout]) => {
  const state = () => (document.querySelector('[data-test-script-state]') || {}).getAttribute?.(
    'data-test-script-state');
  let enter = null, sawRun = false, idleSince = null, runs = 0;
  document.addEventListener('keydown', e => {
    if (e.key === 'Enter' && enter === null) enter = performance.now();
  }, true);
  new MutationObserver(() => { if (enter !== null && state() === 'running') { sawRun = true; runs += 1; } })
    .observe(document.body, {attributes: true, subtree: true, attributeFilter: ['data-test-script-state']});
  window.__idleAfterEnter = new Promise(resolve => {
    const tick = () => {
      const now = performance.now();
      if (enter !== null && state() === 'running') sawRun = true;
      const idle = enter !== null && sawRun && state() === 'notRunning'
        && !document.querySelector('[data-stale="true"]');
      if (!idle) idleSince = null; else if (idleSince === null) idleSince = now;
      if (idleSince !== null && now - idleSince >= quiet) return resolve({ms: idleSince - enter, runs});
      if (enter !== null && now - enter > timeout) return resolve({ms: null, runs});
      requestAnimationFrame(tick);
    };
    tick();
  });
}"""


def _open_idle(page: Any, url: str) -> None:
    page.goto(url)
    page.wait_for_selector('[data-testid="stMainBlockContainer"] h1', timeout=PAGE_TIMEOUT_MS)
    page.wait_for_selector('[data-test-script-state="notRunning"]', timeout=PAGE_TIMEOUT_MS)
    page.wait_for_timeout(IDLE_QUIET_MS)


def type_query(page: Any, query: str = TYPED_QUERY) -> dict[str, Any]:
    """Type ``query`` into the sidebar's search box key by key, press Enter, and wait for the page
    to be idle: {"ms": Enter to idle (None past PAGE_TIMEOUT_MS), "runs": script runs seen}."""
    page.evaluate(_IDLE_AFTER_ENTER_JS, [IDLE_QUIET_MS, PAGE_TIMEOUT_MS])
    box = page.locator('[data-testid="stSidebar"] .st-key-flt_q input')
    box.click()
    page.keyboard.type(query, delay=TYPING_DELAY_MS)
    page.keyboard.press("Enter")
    result = page.evaluate("() => window.__idleAfterEnter")
    if box.input_value() != query:  # the page must have kept what was typed
        result["error"] = "query lost"
    return result


def typing_session(db_url: str, pages: tuple[str, ...] = TYPING_PAGES, rounds: int = 2) -> dict[str, Any]:
    """Per page, in a real server and headless Chromium: open it (no filters, a new session) and
    time typing the query into the sidebar. Round 1 is the first time the query is asked on that
    page (the server's data caches hold the unfiltered pages only); round 2 asks it again.
    {"pages": {page: [ms per round]}, "runs": {page: [script runs]}, "errors": [...],
    "server_cpu_ms" / "browser_cpu_ms": {page: [CPU ms per round]}}: the CPU the server process and
    Chromium's processes used from the first key until idle was confirmed (the typing and the quiet
    wait included: a page drawing little shows that floor); less swayed by the machine's load than
    the wall clock, and they say whether the server's script or the browser's drawing costs more."""
    from playwright.sync_api import sync_playwright

    out: dict[str, Any] = {"query": TYPED_QUERY, "pages": {}, "runs": {}, "errors": [],
                           "server_cpu_ms": {}, "browser_cpu_ms": {}}
    with sync_playwright() as pw, tempfile.TemporaryDirectory() as tmp:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        with Dashboard(db_url, Path(tmp) / "streamlit.log") as app:
            for _ in range(rounds):
                for name in pages:
                    try:
                        _open_idle(page, f"{app.base}/{'' if name == 'overview' else name}")
                        server_cpu, browser_cpu = _cpu_s(app.proc.pid), _browser_cpu_s()
                        result = type_query(page)
                        out["server_cpu_ms"].setdefault(name, []).append((_cpu_s(app.proc.pid) - server_cpu) * 1e3)
                        out["browser_cpu_ms"].setdefault(name, []).append((_browser_cpu_s() - browser_cpu) * 1e3)
                    except Exception as exc:  # too slow or broken: record it and go on
                        result = {"ms": None, "error": type(exc).__name__}
                    if result.get("error"):
                        out["errors"].append(f"{name}: {result['error']}")
                    out["pages"].setdefault(name, []).append(None if result.get("error") else result.get("ms"))
                    out["runs"].setdefault(name, []).append(result.get("runs"))
        browser.close()
    return out


def _open_home(page: Any, base: str) -> None:
    """Open ``/`` and wait until the overview's metrics are drawn and its script has finished."""
    page.goto(f"{base}/")
    page.wait_for_selector('[data-testid="stMetric"]', timeout=180_000)
    page.wait_for_selector('[data-test-script-state="notRunning"]', timeout=180_000)


HOME_CHARTS = 3  # plotly charts on the overview
BASELINE_APP = ROOT / "benchmarks" / "baseline_app.py"
UNWARMED_APP = ROOT / "benchmarks" / "unwarmed_app.py"


# Installed before the page loads: the wall-clock ms of the first animation frame (a frame about to
# be painted) showing a metric; showing a metric once the script has finished (``ready``: the first
# page as the target defines it); and showing every chart. Playwright's own waits answer only when
# the page's main thread is free, so after plotly's 4.7 MB bundle is parsed and the charts drawn.
_MILESTONES_JS = """(() => {
  const seen = {}; window.__milestones = seen;
  const tick = () => {
    const metric = document.querySelector('[data-testid="stMetric"]');
    if (!seen.metric && metric) seen.metric = Date.now();
    if (!seen.ready && metric && document.querySelector('[data-test-script-state="notRunning"]'))
      seen.ready = Date.now();
    if (!seen.charts && document.querySelectorAll('[data-testid="stPlotlyChart"] .main-svg').length >= %d)
      seen.charts = Date.now();
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()"""


def _wait_charts_drawn(page: Any, n: int) -> None:
    """Wait until ``n`` plotly charts are drawn (their SVG is in the page) and no script runs."""
    page.wait_for_function(
        "n => document.querySelectorAll('[data-testid=\"stPlotlyChart\"] .main-svg').length >= n", arg=n,
        timeout=180_000)
    page.wait_for_selector('[data-test-script-state="notRunning"]', timeout=180_000)


def first_page(db_url: str, script: Path = ROOT / "app.py", charts: int = HOME_CHARTS,
               cache_dir: Path | None = None) -> dict[str, Any]:
    """Cold start alone: seconds from launching ``streamlit run app.py`` until the server answers
    (``health_s``), until the overview's metrics are drawn in headless Chromium and its script is
    done (``first_page_s``), and until its ``charts`` plotly charts are drawn too (``charts_s``,
    when ``charts``), and the server's peak RSS by then; ``metric_painted_s`` and
    ``charts_painted_s``: when a frame first showed a metric, and every chart, timed in the page;
    ``ready_painted_s``: when a frame first showed a metric with the script finished (the first
    page, timed in the page: ``first_page_s`` is when Playwright saw it, later while plotly's
    bundle keeps the page's main thread busy);
    ``server_cpu_s``: the CPU time the server used until the first page (load-independent).
    ``script``: another app (the baseline). ``cache_dir``: where the server keeps the snapshot
    (``snapshot_kept``: a file was there before the start); None: a new empty folder, as on a
    first start."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw, tempfile.TemporaryDirectory() as tmp:
        folder = cache_dir if cache_dir is not None else Path(tmp) / "snapshot-cache"
        kept = any(folder.glob("snapshot-*.npz"))
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.add_init_script(_MILESTONES_JS % max(charts, 1))
        start, wall = time.perf_counter(), time.time()
        with Dashboard(db_url, Path(tmp) / "streamlit.log", script=script,
                       extra_env={"CORPUS_CACHE_DIR": str(folder)}) as app:
            health = time.perf_counter() - start
            _open_home(page, app.base)
            out: dict[str, Any] = {"health_s": health, "first_page_s": time.perf_counter() - start,
                                   "server_cpu_s": _cpu_s(app.proc.pid)}
            if charts:
                _wait_charts_drawn(page, charts)
                out["charts_s"] = time.perf_counter() - start
            seen = page.evaluate("() => window.__milestones")
            out.update({f"{name}_painted_s": ms / 1000 - wall for name, ms in seen.items()})
            out["peak_rss_mb"] = _peak_rss_mb(app.proc.pid)
            out["snapshot_kept"] = kept
        browser.close()
    return out


def first_pages(db_url: str, repeats: int, baseline: bool, unwarmed: bool = False,
                new_starts: bool = True) -> dict[str, list[dict[str, Any]]]:
    """``repeats`` rounds of cold starts, each alternating (so all see the same load): app.py on
    a new empty snapshot folder (``first_page_new``: the first start after a corpus change, or of a
    new deployment whose setup did not keep the snapshot) and on a folder where the snapshot is
    kept (``first_page``: a restart); with ``unwarmed``, the same two of the pages without the
    server warm-up (``unwarmed_*``); with ``baseline``, the one-metric app's. ``new_starts``:
    False times restarts only."""
    kinds = [("first_page", ROOT / "app.py", True), ("first_page_new", ROOT / "app.py", False)]
    if unwarmed:
        kinds += [("unwarmed_first_page", UNWARMED_APP, True), ("unwarmed_first_page_new", UNWARMED_APP, False)]
    kinds = [k for k in kinds if new_starts or k[2]]
    out: dict[str, list[dict[str, Any]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        kept = Path(tmp) / "kept"
        keep_snapshot(db_url, kept)
        for _ in range(repeats):
            if baseline:
                out.setdefault("baseline_first_page", []).append(first_page(db_url, BASELINE_APP, charts=0))
            for name, script, with_file in kinds:
                folder = kept if with_file else Path(tempfile.mkdtemp(dir=tmp))
                out.setdefault(name, []).append(first_page(db_url, script, cache_dir=folder))
    return out


def keep_snapshot(db_url: str, folder: Path) -> None:
    """Keep the database's snapshot in ``folder``, as a server would (or the ingest command)."""
    from corpus.store import Store

    store = Store(db_url)
    try:
        store.keep_snapshots_in(folder)
        store.snapshot()
    finally:
        store.close()


def summary(runs: dict[str, list[dict[str, Any]]]) -> dict[str, dict[str, float]]:
    """Per kind of start, the median of each figure."""
    import statistics

    return {name: {key: statistics.median(r[key] for r in rows)
                   for key in rows[0] if isinstance(rows[0][key], float) and all(key in r for r in rows)}
            for name, rows in runs.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db-url", required=True, help="sqlite:///… or postgresql+psycopg://…")
    parser.add_argument("--pages", default=",".join(PAGES))
    parser.add_argument("--no-profile", action="store_true", help="no sampled run after a slow rerun")
    parser.add_argument("--first-page", action="store_true", help="time the cold start instead")
    parser.add_argument("--repeats", type=int, default=1, help="with --first-page: server starts")
    parser.add_argument("--baseline", action="store_true",
                        help="with --first-page: also time a one-metric app (Streamlit and the browser alone)")
    parser.add_argument("--restarts-only", action="store_true",
                        help="with --first-page: only starts that find the snapshot kept")
    parser.add_argument("--unwarmed", action="store_true",
                        help="with --first-page: also time the pages without the server warm-up")
    args = parser.parse_args(argv)
    out: dict[str, Any] = {"load_before": os.getloadavg()}
    if args.first_page:
        runs = first_pages(args.db_url, args.repeats, args.baseline, args.unwarmed,
                           new_starts=not args.restarts_only)
        out.update(runs)
        out["median"] = summary(runs)
    else:
        pages = tuple(p for p in args.pages.split(",") if p)
        out["reruns"] = warm_reruns(args.db_url, float("inf") if args.no_profile else 300, pages)
    out["load_after"] = os.getloadavg()
    print(json.dumps(out, ensure_ascii=False, indent=1, default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
