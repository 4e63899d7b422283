"""The store accessor and cached reads for the pages.

One ``Store`` per process (``st.cache_resource``). Every read is cached with ``st.cache_data``
keyed by ``store.version()`` and the filters' URL form, so an upload (which bumps the version)
shows at once and equal views share results. Filters travel as their encoded JSON key; the
Filters object and the store are passed as underscore arguments, which Streamlit does not hash.
Article bodies are fetched one at a time (``article``), never inside the big cached frames.

Counts, facets, events, outlet counts and coverage come from the store's in-memory tallies
(``Store.tally``: the live articles' facts read once per corpus version, a filter as a mask), equal
to its SQL reads and a hundred times faster at 100k articles.

Tests may install a store with ``use_store(store)`` (AppTest runs pages in the same process).
"""
from __future__ import annotations

import json
from typing import Any

import pandas as pd
import streamlit as st
from streamlit.logger import get_logger

from corpus import coverage as cov
from corpus.config import database_url, snapshot_cache_dir
from corpus.filters import Filters, encode
from corpus.ingest import ensure_built
from corpus.records import MeetingRecord, events_with_briefs, meeting_record
from corpus.store import STATEMENT_LIMIT, FigurePage, StatementRows, Store, StoreLike

_LOG = get_logger("dashboard.data")
_OVERRIDE: dict[str, StoreLike] = {}
TTL_SECONDS = 600
EXPORT_LIMIT = 1_000_000  # rows of a download: all of them, in practice


def use_store(store: StoreLike | None) -> None:
    """Make pages read from ``store`` (tests); ``None`` goes back to the configured database."""
    if store is None:
        _OVERRIDE.pop("store", None)
    else:
        _OVERRIDE["store"] = store


@st.cache_resource(show_spinner=False)
def _open_store(url: str) -> StoreLike:
    store = Store(url)
    store.keep_snapshots_in(snapshot_cache_dir())  # a restart finds the articles' facts there
    ensure_built(store)
    return store


def get_store() -> StoreLike:
    """The process-wide store for the configured database (built from data/raw on first use)."""
    if "store" in _OVERRIDE:
        return _OVERRIDE["store"]
    from .auth import secrets_state
    state = secrets_state()
    url = database_url(secrets=state.values, unreadable=state.unreadable)
    store = _open_store(url)
    if store.replaced():  # the SQLite file was recreated under the running app
        _LOG.warning("the database file was replaced: opening it again")
        reopen_store()
        store = _open_store(url)
    return store


def reopen_store() -> None:
    """Forget the open store(s), so the next ``get_store`` opens (and migrates) the database
    again: after the database was recreated while the app ran."""
    _open_store.clear()


def filters_key(filters: Filters) -> str:
    """A stable string for a filter set (its URL form, language excluded: data does not depend on it)."""
    params = encode(filters)
    params.pop("lang", None)
    return json.dumps(params, sort_keys=True, ensure_ascii=False)


def version(store: StoreLike | None = None) -> str:
    store = store if store is not None else get_store()
    try:
        return str(store.version())
    except Exception:
        return "0"


def _store_id(store: StoreLike) -> str:
    # Distinguishes stores in one process (tests swap databases): part of every cache key.
    return f"{type(store).__name__}:{id(store)}"


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False, max_entries=256)
def _count(sid: str, ver: str, fkey: str, _store: StoreLike, _filters: Filters) -> int:
    return _store.tally(_filters).count()


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False, max_entries=64)
def _facets(sid: str, ver: str, _store: StoreLike) -> dict[str, Any]:
    return _store.tally_facets()


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False, max_entries=128)
def _articles(sid: str, ver: str, fkey: str, limit: int, _store: StoreLike, _filters: Filters) -> pd.DataFrame:
    return _store.articles(_filters, limit=limit)


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False, max_entries=128)
def _search_order(sid: str, ver: str, fkey: str, _store: StoreLike, _filters: Filters) -> str | None:
    return _store.search_order(_filters)


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False, max_entries=128)
def _events(sid: str, ver: str, fkey: str, _store: StoreLike, _filters: Filters) -> pd.DataFrame:
    return _store.tally(_filters).events()


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False, max_entries=32)
def _figures(sid: str, ver: str, fkey: str, limit: int | None, _store: StoreLike,
             _filters: Filters) -> pd.DataFrame:
    return _store.figures(_filters, limit=limit)


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False, max_entries=32)
def _figure_page(sid: str, ver: str, fkey: str, limit: int, _store: StoreLike, _filters: Filters) -> FigurePage:
    return _store.figure_page(_filters, limit=limit)


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False, max_entries=128)
def _count_figures(sid: str, ver: str, fkey: str, _store: StoreLike, _filters: Filters) -> int:
    return _store.tally(_filters).count_figures()


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False, max_entries=64)
def _statements(sid: str, ver: str, fkey: str, speaker: str | None, limit: int, _store: StoreLike,
                _filters: Filters) -> StatementRows:
    return _store.statements(_filters, speaker=speaker, limit=limit)


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False, max_entries=128)
def _coverage(sid: str, ver: str, fkey: str, _store: StoreLike, _filters: Filters) -> pd.DataFrame:
    return _store.tally(_filters).coverage()


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False, max_entries=128)
def _compare(sid: str, ver: str, fkey: str, q2: str, granularity: str, _store: StoreLike,
             _filters: Filters) -> pd.DataFrame:
    return cov.compare_with(lambda f: _store.tally(f).coverage(granularity), _filters, q2, granularity)


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False, max_entries=128)
def _by_outlet(sid: str, ver: str, fkey: str, granularity: str, top: int, _store: StoreLike,
               _filters: Filters) -> pd.DataFrame:
    return cov.fold_outlets(_store.tally(_filters).coverage_by_outlet(granularity), granularity, top)


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False, max_entries=256)
def _facet_counts(sid: str, ver: str, fkey: str, _store: StoreLike, _filters: Filters) -> dict[str, dict[str, int]]:
    return _store.tally(_filters).facet_counts()


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False, max_entries=128)
def _outlet_counts(sid: str, ver: str, fkey: str, _store: StoreLike, _filters: Filters) -> Any:
    return _store.tally(_filters).outlet_counts()


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False, max_entries=128)
def _kwic(sid: str, ver: str, fkey: str, query: str, width: int, limit: int, _store: StoreLike,
          _filters: Filters) -> pd.DataFrame:
    return _store.kwic(query, _filters, width=width, limit=limit)


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False, max_entries=128)
def _terms(sid: str, ver: str, fkey: str, top: int, max_articles: int | None, _store: StoreLike,
           _filters: Filters) -> list:
    if max_articles is None:
        return list(_store.term_frequencies(_filters, top=top))
    return list(_store.term_frequencies(_filters, top=top, max_articles=max_articles))


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False, max_entries=64)
def _article(sid: str, ver: str, article_id: Any, _store: StoreLike) -> dict | None:
    return _store.article(article_id)


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False, max_entries=64)
def _event(sid: str, ver: str, event_id: Any, _store: StoreLike) -> dict | None:
    return _store.event(event_id)


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False, max_entries=64)
def _record(sid: str, ver: str, event_id: int, _store: Any) -> MeetingRecord | None:
    return meeting_record(_store, event_id)


class Data:
    """Cached reads for one page run: ``Data(filters).articles()`` etc."""

    def __init__(self, filters: Filters, store: StoreLike | None = None):
        self.filters = filters
        self.store = store if store is not None else get_store()
        self.sid = _store_id(self.store)
        self.ver = version(self.store)
        self.fkey = filters_key(filters)

    def count(self) -> int:
        return _count(self.sid, self.ver, self.fkey, self.store, self.filters)

    def total(self) -> int:
        return _count(self.sid, self.ver, filters_key(Filters()), self.store, Filters())

    def facets(self) -> dict[str, Any]:
        return _facets(self.sid, self.ver, self.store)

    def articles(self, limit: int = 500) -> pd.DataFrame:
        return _articles(self.sid, self.ver, self.fkey, limit, self.store, self.filters)

    def search_order(self) -> str | None:
        """How ``articles()`` orders a text search: "relevance", "newest" (a very common word,
        or exclusions only), None without a query."""
        return _search_order(self.sid, self.ver, self.fkey, self.store, self.filters)

    def events(self) -> pd.DataFrame:
        return _events(self.sid, self.ver, self.fkey, self.store, self.filters)

    def all_events(self) -> pd.DataFrame:
        """Every meeting, the filters aside: ``n_articles`` is its whole coverage."""
        return _events(self.sid, self.ver, filters_key(Filters()), self.store, Filters())

    def figures(self, limit: int | None = None) -> pd.DataFrame:
        """Figure rows; with ``limit``, the most recent ``limit`` only (keeps cached frames small)."""
        return _figures(self.sid, self.ver, self.fkey, limit, self.store, self.filters)

    def figure_page(self, limit: int) -> FigurePage:
        """The newest ``limit`` figure rows with the number of figure rows and of articles the
        filters match (``Store.figure_page``: equal to ``figures(limit)``, ``count_figures()``
        and ``count()``, from one read of the filtered articles)."""
        return _figure_page(self.sid, self.ver, self.fkey, limit, self.store, self.filters)

    def count_figures(self) -> int:
        return _count_figures(self.sid, self.ver, self.fkey, self.store, self.filters)

    def statements(self, speaker: str | None = None, limit: int = STATEMENT_LIMIT) -> StatementRows:
        """Statements of ``speaker`` (None: both) in the filtered articles, the query matched on
        their text (``Store.statements``): the newest ``limit`` rows and the total."""
        return _statements(self.sid, self.ver, self.fkey, speaker, limit, self.store, self.filters)

    def statements_export(self, speaker: str | None = None) -> pd.DataFrame:
        """Every matching statement, uncached: called when a download is clicked."""
        return self.store.statements(self.filters, speaker=speaker, limit=EXPORT_LIMIT).rows

    def coverage(self) -> pd.DataFrame:
        return _coverage(self.sid, self.ver, self.fkey, self.store, self.filters)

    def compare(self, q2: str = "", granularity: str = "month") -> pd.DataFrame:
        """Articles per period for the query and ``q2`` (``corpus.coverage.compare``)."""
        return _compare(self.sid, self.ver, self.fkey, q2, granularity, self.store, self.filters)

    def coverage_by_outlet(self, granularity: str = "month", top: int = cov.TOP_OUTLETS) -> pd.DataFrame:
        """Articles per period and outlet, the top ``top`` outlets (``corpus.coverage.by_outlet``)."""
        return _by_outlet(self.sid, self.ver, self.fkey, granularity, top, self.store, self.filters)

    def facet_counts(self) -> dict[str, dict[str, int]]:
        """How many articles each filter option matches under the other filters."""
        return _facet_counts(self.sid, self.ver, self.fkey, self.store, self.filters)

    def outlet_counts(self) -> pd.DataFrame:
        return as_outlet_frame(_outlet_counts(self.sid, self.ver, self.fkey, self.store, self.filters))

    def kwic(self, query: str, width: int = 60, limit: int = 200) -> pd.DataFrame:
        return _kwic(self.sid, self.ver, self.fkey, query, width, limit, self.store, self.filters)

    def terms(self, top: int = 80, max_articles: int | None = None) -> list[tuple[str, int]]:
        return [(str(a), int(b)) for a, b in _terms(self.sid, self.ver, self.fkey, top, max_articles,
                                                    self.store, self.filters)]

    def article(self, article_id: Any) -> dict | None:
        return _article(self.sid, self.ver, article_id, self.store)

    def event(self, event_id: Any) -> dict | None:
        return _event(self.sid, self.ver, event_id, self.store)

    def record(self, event_id: int) -> MeetingRecord | None:
        """One meeting as a record (``corpus.records``), or None when there is no such event."""
        return _record(self.sid, self.ver, int(event_id), self.store)

    def events_export(self) -> pd.DataFrame:
        """The events with their English briefs, uncached: called when a download is clicked."""
        return events_with_briefs(self.store, self.filters)


def as_outlet_frame(value: Any) -> pd.DataFrame:
    """outlet_counts may come as a DataFrame, a dict or pairs: always DataFrame[outlet, n_articles]."""
    if isinstance(value, pd.DataFrame):
        df = value.copy()
        if "n_articles" not in df.columns:
            numeric = [c for c in df.columns if c != "outlet" and pd.api.types.is_numeric_dtype(df[c])]
            if numeric:
                df = df.rename(columns={numeric[0]: "n_articles"})
        return df
    if isinstance(value, dict):
        pairs = list(value.items())
    else:
        pairs = list(value or [])
    return pd.DataFrame(pairs, columns=["outlet", "n_articles"])
