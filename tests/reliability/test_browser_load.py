"""Browser sessions under load: 10 headless sessions (one Chromium, 10 contexts) use the dashboard at
once for a bounded time. Each session cycles through the pages and, on each, changes a filter (a
search typed into the sidebar). Asserted: every page rendered every time (a title, no exception
box, no error in the page). Measured, not asserted: page load times and the latency of a filter
change (Enter → the URL carries the new filter and the script run has ended), with p50/p95.

Script mode writes the measured figures into docs/reliability.md (between the LOAD markers)::

    .venv/bin/python tests/reliability/test_browser_load.py [--sessions 10] [--seconds 60] [--write-docs]
"""
from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

import pytest

sys.path[:0] = [str(Path(__file__).resolve().parent), str(Path(__file__).resolve().parents[2])]
from reliability_support import CHROMIUM, CHROMIUM_ARGS, ROOT, Dashboard, skip_or_fail  # noqa: E402

SESSIONS = 10
SECONDS = float(os.environ.get("RELIABILITY_LOAD_SECONDS", "60"))
N_ARTICLES = 300
PAGES = ["overview", "timeline", "figures", "articles"]
QUERIES = ["بوتين", "الطاقة", "باكو", "التبادل التجاري", "الغاز", "موسكو OR سوتشي", "علييف -الغاز", "مليار"]
DOCS = ROOT / "docs" / "reliability.md"
START, END = "<!-- LOAD:START -->", "<!-- LOAD:END -->"
READY_JS = """() => {
  const app = document.querySelector("[data-testid='stApp']");
  return app && app.getAttribute('data-test-script-state') === 'notRunning'
    && !document.querySelector("[data-testid='stStatusWidget']")
    && document.querySelector("[data-testid='stMainBlockContainer'] h1, [data-testid='stMainBlockContainer'] [data-testid='stAlert']");
}"""


@dataclass
class Results:
    page_loads: list[float] = field(default_factory=list)
    filter_changes: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    visits: int = 0


def build_database(folder: Path, n: int = N_ARTICLES) -> str:
    from corpus.ingest import ingest_texts
    from corpus.store import Store
    from corpus.synth import generate
    url = f"sqlite:///{folder / 'load.sqlite'}"
    store = Store(url)
    try:
        ingest_texts(store, ((name, text) for name, text, _ in generate(n, seed=3)), who="load")
    finally:
        store.close()
    return url


async def _check_rendered(page, label: str, errors: list[str], results: Results) -> None:
    problems = await page.evaluate("""() => {
      const out = [];
      if (document.querySelector("[data-testid='stException']")) out.push('exception box');
      const h1 = document.querySelector("[data-testid='stMainBlockContainer'] h1");
      if (!h1) out.push('no title');
      return out;
    }""")
    if problems or errors:
        results.failures.append(f"{label}: {problems + errors}")
    errors.clear()


async def _session(browser, base: str, index: int, deadline: float, results: Results) -> None:
    context = await browser.new_context(locale="ar", viewport={"width": 1280, "height": 900})
    page = await context.new_page()
    page.set_default_timeout(90_000)
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(f"page error: {e}"))
    i = index
    try:
        while time.monotonic() < deadline:
            name = PAGES[i % len(PAGES)]
            started = time.perf_counter()
            await page.goto(f"{base}/{name}", wait_until="domcontentloaded")
            await page.wait_for_function(READY_JS, polling=50)
            results.page_loads.append(time.perf_counter() - started)
            results.visits += 1
            await _check_rendered(page, f"session {index} {name}", errors, results)
            if time.monotonic() >= deadline:
                break
            query = QUERIES[i % len(QUERIES)]
            box = page.locator(".st-key-flt_q input")
            await box.fill(query)
            started = time.perf_counter()
            await box.press("Enter")
            wanted = urllib.parse.quote_plus(query)
            await page.wait_for_function(
                "(q) => window.location.search.includes('q=' + q) || "
                "decodeURIComponent(window.location.search.replace(/\\+/g, ' ')).includes('q=' + q)",
                arg=wanted, polling=50)
            await page.wait_for_function(READY_JS, polling=50)
            results.filter_changes.append(time.perf_counter() - started)
            await _check_rendered(page, f"session {index} {name} q={query}", errors, results)
            i += 1
    except Exception as exc:  # noqa: BLE001 - recorded as a failure of this session
        results.failures.append(f"session {index}: {type(exc).__name__}: {str(exc)[:300]}")
    finally:
        await context.close()


async def _warm_up(browser, base: str) -> None:
    """One visit first, so the figures measure a running server, not its first imports."""
    context = await browser.new_context()
    page = await context.new_page()
    await page.goto(f"{base}/overview", wait_until="domcontentloaded")
    await page.wait_for_function(READY_JS, polling=100, timeout=120_000)
    await context.close()


async def run_load(base: str, sessions: int, seconds: float) -> Results:
    from playwright.async_api import async_playwright
    results = Results()
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            await _warm_up(browser, base)
            deadline = time.monotonic() + seconds
            await asyncio.gather(*[_session(browser, base, i, deadline, results) for i in range(sessions)])
        finally:
            await browser.close()
    return results


def _run_in_own_loop(coro) -> Results:
    """asyncio.run in a fresh thread: under pytest the sync Playwright of other browser tests may
    already own an event loop in this thread, and asyncio.run refuses to nest."""
    box: dict[str, object] = {}

    def target() -> None:
        try:
            box["result"] = asyncio.run(coro)
        except BaseException as exc:  # re-raised in the caller's thread
            box["error"] = exc

    worker = threading.Thread(target=target)
    worker.start()
    worker.join()
    if "error" in box:
        raise box["error"]  # type: ignore[misc]
    return box["result"]  # type: ignore[return-value]


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def summary(results: Results, sessions: int, seconds: float) -> str:
    def row(name: str, values: list[float]) -> str:
        if not values:
            return f"| {name} | 0 | – | – | – |"
        return (f"| {name} | {len(values)} | {statistics.median(values):.2f} s | "
                f"{percentile(values, 0.95):.2f} s | {max(values):.2f} s |")
    return "\n".join([
        f"{sessions} sessions (one headless Chromium, {sessions} contexts) for {seconds:.0f} s over "
        f"{N_ARTICLES} articles on {os.cpu_count()} CPU cores (load average {os.getloadavg()[0]:.1f} at the "
        f"end: other jobs share the machine); {results.visits} page renders, {len(results.failures)} "
        "failures.", "",
        "| measure | n | p50 | p95 | max |", "|---|---|---|---|---|",
        row("page load (navigation → script run ended)", results.page_loads),
        row("filter change (Enter → URL updated and run ended)", results.filter_changes)])


def write_docs(text: str) -> None:
    doc = DOCS.read_text(encoding="utf-8") if DOCS.exists() else ""
    block = f"{START}\n{text}\n{END}"
    if START in doc and END in doc:
        doc = doc[:doc.index(START)] + block + doc[doc.index(END) + len(END):]
    else:
        doc += f"\n{block}\n"
    DOCS.write_text(doc, encoding="utf-8")


@pytest.mark.browser
@pytest.mark.slow
def test_ten_sessions_at_once(tmp_path):
    if not Path(CHROMIUM).exists():
        skip_or_fail(f"no Chromium at {CHROMIUM}")
    pytest.importorskip("playwright")
    url = build_database(tmp_path)
    app = Dashboard(url, tmp_path / "streamlit.log")
    try:
        results = _run_in_own_loop(run_load(app.base, SESSIONS, SECONDS))
    finally:
        app.stop()
    print("\n" + summary(results, SESSIONS, SECONDS))
    assert results.failures == [], results.failures[:10]
    assert results.visits >= SESSIONS  # every session rendered at least one page
    assert len(results.filter_changes) >= SESSIONS // 2


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=SESSIONS)
    parser.add_argument("--seconds", type=float, default=SECONDS)
    parser.add_argument("--write-docs", action="store_true", help=f"write the figures into {DOCS}")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = build_database(Path(tmp))
        app = Dashboard(url, Path(tmp) / "streamlit.log")
        try:
            results = asyncio.run(run_load(app.base, args.sessions, args.seconds))
        finally:
            app.stop()
    text = summary(results, args.sessions, args.seconds)
    print(text)
    for failure in results.failures[:20]:
        print("FAILURE", failure)
    if args.write_docs:
        write_docs(text)
    return 1 if results.failures else 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main())
