"""A real Streamlit server on a throw-away database and a headless Chromium for the browser tests.

The database is built from data/raw (the app's own first-start path) plus one hostile article
ingested through corpus.ingest. Skipped when /usr/bin/chromium is missing, unless CI=true.
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from corpus.store import Store
from devtools.dashboard import CHROMIUM, ROOT, Dashboard

SCREENSHOTS = ROOT / "tests" / "artifacts" / "screenshots"
HOSTILE_MARK = "<img src=x onerror=alert(1)>"
HOSTILE_TEXT = (
    f"بوتين يستقبل علييف في الكرملين {HOSTILE_MARK}\n\n"
    "موسكو 12 مارس 2025 - استقبل الرئيس الروسي فلاديمير بوتين اليوم الأربعاء نظيره الأذربيجاني "
    "إلهام علييف في الكرملين، وقال إن التبادل التجاري بلغ $5 مليارات *تقريبا* :red[أحمر] "
    "<script>alert(2)</script> في العام الماضي.\n"
)


def _need_browser() -> None:
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("CI=true but /usr/bin/chromium is missing")
        pytest.skip("no /usr/bin/chromium")


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory) -> dict:
    _need_browser()
    from corpus.ingest import ensure_built, ingest_bytes
    from corpus.store import Store

    url = f"sqlite:///{tmp_path_factory.mktemp('browserdb') / 'corpus.sqlite'}"
    store = Store(url)
    ensure_built(store)
    results = ingest_bytes(store, "hostile.txt", HOSTILE_TEXT.encode("utf-8"))
    hostile_id = next(r.article_id for r in results if r.article_id is not None)
    info = {"url": url, "hostile_id": hostile_id, "count": store.count()}
    store.close()
    return info


@pytest.fixture(scope="session")
def app_url(corpus_db, tmp_path_factory) -> str:
    app = Dashboard(corpus_db["url"], tmp_path_factory.mktemp("streamlit") / "server.log")
    try:
        yield app.base
    finally:
        app.stop()


@pytest.fixture
def page(browser):
    """A fresh page that records every JavaScript dialog (none may ever open)."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="ar")
    pg = context.new_page()
    pg.dialogs = []  # type: ignore[attr-defined]

    def on_dialog(dialog):
        pg.dialogs.append(dialog.message)  # type: ignore[attr-defined]
        dialog.dismiss()

    pg.on("dialog", on_dialog)
    yield pg
    context.close()


# ---- what every browser test does: open a page, wait for its script ----------------------------------

WAIT = 120_000  # ms, the longest any single wait may take (a loaded machine is slow)


def settle(page) -> None:
    """Wait until the script run (and any rerun it asked for) has finished."""
    page.wait_for_selector('[data-test-script-state="notRunning"]', timeout=WAIT)
    page.wait_for_timeout(700)
    page.wait_for_selector('[data-test-script-state="notRunning"]', timeout=WAIT)


@contextmanager
def fresh_page(browser) -> Iterator:
    """A page in a new browser context (1400×1000, the browser's own locale), closed after the block."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        yield context.new_page()
    finally:
        context.close()


@contextmanager
def browser_store(corpus_db: dict) -> Iterator[Store]:
    """The browser tests' database as a Store, closed after the block."""
    store = Store(corpus_db["url"])
    try:
        yield store
    finally:
        store.close()


def open_page(page, url: str) -> None:
    """Go to ``url`` and wait until the page's script has run and its theme is applied."""
    page.goto(url)
    page.wait_for_selector('[data-testid="stSidebarNav"]', state="attached", timeout=WAIT)
    page.wait_for_selector("h1", timeout=WAIT)
    settle(page)
    # the theme's style block lands a moment after the first elements (st.html renders late)
    page.wait_for_function("() => Array.from(document.querySelectorAll('style'))"
                           ".some(s => s.textContent.includes('stMarkdownContainer'))", timeout=WAIT)


@pytest.fixture(scope="session")
def screenshots_dir() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
