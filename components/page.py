"""What every page does first and last: open the store, draw the filter bar, title, empty states."""
from __future__ import annotations

import re
from typing import Any

import streamlit as st
from streamlit.logger import get_logger

from corpus.config import SecretsUnreadable
from corpus.filters import Filters
from corpus.store import StoreLike

from .data import Data, get_store, reopen_store
from .filterbar import filter_bar, share_link
from .i18n import t

_LOG = get_logger("dashboard.page")


_YEAR = re.compile(r"(19|20)\d\d")


def redirect_page(target: Any, url_path: str) -> Any:
    """A hidden page at ``/url_path`` that opens ``target`` with the same query parameters."""
    def go() -> None:
        params = {k: st.query_params.get_all(k) for k in st.query_params}
        st.switch_page(target, query_params=params)
    go.__name__ = f"redirect_{url_path}"
    return st.Page(go, title=url_path, url_path=url_path, visibility="hidden")


def start_page(title_key: str) -> tuple[Filters, Data]:
    """Filters of this view and its data reader; stops the page with a notice when the store fails."""
    try:
        store, facets = _open()
    except Exception as exc:  # a broken database must give a readable page, not a traceback
        filters = filter_bar({})
        _store_failed(exc, filters.lang)
        st.stop()
        raise  # unreachable: st.stop raises
    filters = filter_bar(facets, counts=lambda f: Data(f, store).facet_counts())
    st.title(t(title_key, filters.lang))
    return filters, Data(filters, store)


_MISSING_SCHEMA = ("no such table", "does not exist")


def _open() -> tuple[StoreLike, dict]:
    """The store and its facets; a database recreated empty under the running app (its tables
    gone) is opened again once, which creates the schema, instead of failing until a restart."""
    store = get_store()
    try:
        return store, Data(Filters(), store).facets()
    except Exception as exc:
        if not any(m in str(exc).lower() for m in _MISSING_SCHEMA) or _test_store_installed():
            raise
        _LOG.warning("the database lost its tables (recreated?): opening it again (%s)",
                     str(exc).splitlines()[0])
        reopen_store()
        store = get_store()
        return store, Data(Filters(), store).facets()


def _test_store_installed() -> bool:
    from .data import _OVERRIDE  # a store given by a test is not reopened
    return "store" in _OVERRIDE


def _store_failed(exc: Exception, lang: str) -> None:
    """A short reason on the page; the details (traceback included) in the server log."""
    if isinstance(exc, SecretsUnreadable):
        from .auth import problem_text
        _LOG.error("secrets cannot be read, the database is not opened: %s", exc)
        st.error(t("common.error_secrets", lang,
                   problems="; ".join(problem_text(p, lang) for p in exc.problems)))
        return
    _LOG.error("the database could not be opened", exc_info=exc)
    st.error(t("common.error_store", lang, error=type(exc).__name__))


def end_page(filters: Filters) -> None:
    share_link(filters)


def stop_if_empty(data: Data, filters: Filters, count: int | None = None) -> int:
    """Stop with a what-to-do notice when the corpus is empty or nothing matches; else the count."""
    n = data.count() if count is None else count
    if n:
        return n
    total = data.total() if not filters.is_empty() else 0
    st.info(t("empty.no_match" if total else "empty.corpus", filters.lang))
    if total and _YEAR.fullmatch(filters.q.strip()):
        st.info(t("empty.year_hint", filters.lang, year=filters.q.strip()))
    end_page(filters)
    st.stop()
    return 0

