"""Shared set-up of the AppTest page tests: a store filled through ingest, installed as the pages'
store, and a page opened the way a browser opens it (app.py, then the view)."""
from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import pytest

from components import data
from corpus.ingest import ingest_bytes
from corpus.store import Store

st_testing = pytest.importorskip("streamlit.testing.v1")
ROOT = Path(__file__).resolve().parent.parent


@contextmanager
def ingested_store(articles: Mapping[str, str]) -> Iterator[Store]:
    """A fresh in-memory store holding ``articles`` (file name → text), each ingested as an upload;
    ``store.ids_by_name`` maps each file name to its article id."""
    store = Store("sqlite://")
    store.ids_by_name = {}  # type: ignore[attr-defined]
    for name, text in articles.items():
        results = ingest_bytes(store, name, text.encode("utf-8"))
        store.ids_by_name[name] = next(r.article_id for r in results if r.article_id)  # type: ignore[attr-defined]
    try:
        yield store
    finally:
        store.close()


@contextmanager
def serving(store: Store) -> Iterator[Store]:
    """``store`` as the store the pages read while the block runs."""
    data.use_store(store)
    try:
        yield store
    finally:
        data.use_store(None)


def open_page(view: str, params: Mapping[str, str]):  # -> AppTest (streamlit's testing types are untyped)
    """Run app.py on the page ``view`` (e.g. "views/said.py") with ``params`` as its URL query."""
    at = st_testing.AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.switch_page(view)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()
