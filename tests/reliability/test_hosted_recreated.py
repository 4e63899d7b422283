"""A database recreated under a running dashboard (issue 13, item 9, last part): the SQLite file is
deleted and built anew while the server runs; the next page shows the new database instead of
errors (or the deleted file's data) until a restart. Headless Chromium."""
from __future__ import annotations

import pytest

from hosted_support import main_text, open_page
from hostile_corpus import VALID
from reliability_support import Dashboard

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _database(path, texts: list[str]) -> None:
    from corpus.ingest import ingest_bytes
    from corpus.store import Store
    store = Store(f"sqlite:///{path}")
    for i, text in enumerate(texts):
        ingest_bytes(store, f"a{i}.txt", text.encode("utf-8"))
    store.version()
    store.close()


def _articles_metric(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[lines.index("المقالات") + 1]


def test_recreated_sqlite_file_is_opened_again(browser, tmp_path):
    path = tmp_path / "corpus.sqlite"
    _database(path, VALID[:3])
    with Dashboard(f"sqlite:///{path}", tmp_path / "server.log") as app:
        context, page = open_page(browser, app.base, "overview")
        before = _articles_metric(main_text(page))
        context.close()
        for suffix in ("", "-wal", "-shm"):  # deleted and built anew with other articles
            path.with_name(path.name + suffix).unlink(missing_ok=True)
        _database(path, VALID[5:6])
        context, page = open_page(browser, app.base, "overview")
        text = main_text(page)
        context.close()
    assert before == "3"
    assert "تعذر" not in text and _articles_metric(text) == "1", text[:600]
    assert "the database file was replaced" in (tmp_path / "server.log").read_text()
