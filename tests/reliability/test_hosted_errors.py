"""Errors on a hosted dashboard (issue 13, item 9), in headless Chromium: a failing page shows a
short notice without traceback or server paths and the server log has the details; a database
that cannot be opened is logged; a read-only SQLite file with stale events is still readable."""
from __future__ import annotations

import shutil
import subprocess

import pytest

from hosted_support import main_text, open_page
from hostile_corpus import VALID
from reliability_support import Dashboard

from devtools.dashboard import free_port

pytestmark = [pytest.mark.browser, pytest.mark.slow]

LEAKS = ("Traceback", "/work/", "site-packages", "File \"", ".py\", line")


def _built(url: str, stale: bool = False) -> None:
    from corpus.ingest import ensure_built, ingest_bytes
    from corpus.store import Store
    store = Store(url)
    ensure_built(store)
    store.version()  # events grouped
    if stale:  # one more article: events are regrouped by the next reader
        ingest_bytes(store, "late.txt", VALID[3].encode("utf-8"))
    store.close()


def test_uncaught_error_shows_a_short_notice_and_logs_the_traceback(browser, tmp_path):
    import sqlalchemy as sa
    url = f"sqlite:///{tmp_path / 'broken.sqlite'}"
    _built(url)
    engine = sa.create_engine(url)
    with engine.begin() as conn:  # a damaged database: one table gone
        conn.exec_driver_sql("DROP TABLE figures")
    engine.dispose()
    with Dashboard(url, tmp_path / "server.log") as app:
        context, page = open_page(browser, app.base, "figures")
        text = main_text(page)
        context.close()
    assert not [leak for leak in LEAKS if leak in text], text[:800]
    assert "figures" not in text.split("\n", 1)[-1] or "no such table" not in text
    log = (tmp_path / "server.log").read_text()
    assert "Traceback" in log and "no such table: figures" in log


def test_database_that_cannot_be_opened_is_named_briefly_and_logged(browser, tmp_path):
    url = f"postgresql+psycopg://dashboard:s3cret-pw@127.0.0.1:{free_port()}/corpus"
    with Dashboard(url, tmp_path / "server.log") as app:
        context, page = open_page(browser, app.base, "overview")
        text = main_text(page)
        context.close()
    assert "تعذر فتح قاعدة البيانات" in text
    assert not [leak for leak in (*LEAKS, "s3cret-pw", "127.0.0.1") if leak in text], text[:800]
    log = (tmp_path / "server.log").read_text()
    assert "the database could not be opened" in log and "OperationalError" in log


@pytest.fixture
def read_only_db(tmp_path):
    if shutil.which("chattr") is None:
        pytest.skip("chattr is needed to make a file read-only for root")
    folder = tmp_path / "ro"
    folder.mkdir()
    path = folder / "corpus.sqlite"
    _built(f"sqlite:///{path}", stale=True)
    made = subprocess.run(["chattr", "+i", str(path), str(folder)], capture_output=True)
    if made.returncode != 0:
        pytest.skip(f"chattr +i failed: {made.stderr.decode()[:200]}")
    yield f"sqlite:///{path}"
    subprocess.run(["chattr", "-i", str(path), str(folder)], check=False)


def test_read_only_sqlite_with_stale_events_is_readable(browser, read_only_db, tmp_path):
    with Dashboard(read_only_db, tmp_path / "server.log") as app:
        pages = {}
        for path in ("overview", "timeline"):
            context, page = open_page(browser, app.base, path)
            pages[path] = main_text(page)
            context.close()
    for path, text in pages.items():
        assert not [leak for leak in LEAKS if leak in text], (path, text[:800])
        assert "readonly" not in text and "تعذر" not in text, (path, text[:800])
    assert "6" in pages["overview"]  # the late article is counted
    log = (tmp_path / "server.log").read_text()
    assert "database is read-only" in log
