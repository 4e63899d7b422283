"""The corpus database: one ``Store`` over SQLite (embedded) or PostgreSQL (hosted, multi-replica).

``Store`` is put together from one part per job, each in its own module. Imports point one way:
``schema`` and ``rows`` at the bottom, then ``duplicates``, ``migrations``, ``engine``; the parts
(``writes`` → ``corrections``; ``events`` → ``textsearch`` → ``queries`` and ``tallies``; ``reprocess``
over all three) build on ``engine.StoreBase``, and this module composes them. Nothing here imports ``corpus.ingest``.

- ``engine``: URLs, SQLite settings, the locked, retried write transaction (``StoreBase``)
- ``writes``: adding articles (duplicates become sources of the first copy), removal, restoring
- ``duplicates``: content hashes, MinHash band keys, exact and near-duplicate lookups
- ``corrections``: human corrections, re-applied after every reprocess
- ``events``: meetings grouped into events, regrouped lazily after writes
- ``reprocess``: re-extraction of every stored article (``extract.pool``)
- ``textsearch``: keyword search in the index: matching, the order (relevance, or newest first for a
  very common word), ranking and cutting inside the index query
- ``queries``: every read (counts, facets, filtered and searched lists, events, figures, statements,
  history)
- ``pagereads``: reads shaped for one page over the tallies (the Figures page's newest rows and counts)
- ``snapshot``, ``tally``, ``tallies``: the live articles' filterable facts in memory (read once per
  corpus version) and counts, facet counts, events and coverage over them as masks (the dashboard's
  fast path; the SQL reads of ``queries`` are the reference); ``snapcache``: the snapshot kept in a
  file between restarts, used only while its key (database, versions, code) is the current one
- ``schema``, ``migrations``, ``rows``: tables, forward-only migrations, values ↔ rows
- ``protocol``: ``StoreLike``, the reads the dashboard needs (``Store`` satisfies it)
"""
from __future__ import annotations

from .corrections import CORRECTABLE, Corrections
from .duplicates import (BANDS, CONTAINED_SHARE, MAX_CANDIDATES, MIN_TITLE_WORDS, NEAR_DUP_RATIO, ROWS,
                         SHINGLE_SIZE, comparable_text, content_hash, shingle_hashes)
from .engine import WRITE_LOCK, is_read_only_error, make_engine
from .events import EVENT_TEXT_CHARS
from .protocol import StoreLike
from .queries import (SNIPPET_ROWS, STATEMENT_COLUMNS, STATEMENT_LIMIT, TERM_FREQ_MAX_ARTICLES, SearchHit,
                      StatementRows, period_start)
from .pagereads import FigurePage, PageReads
from .reprocess import Reprocessing
from .tally import Tally
from .textsearch import RANK_MAX_MATCHES
from .writes import AddResult, Prepared, Writes, prepare, prepared_copy

__all__ = ["Store", "StoreLike", "Tally", "AddResult", "SearchHit", "StatementRows", "STATEMENT_COLUMNS",
           "STATEMENT_LIMIT", "FigurePage", "make_engine", "is_read_only_error", "comparable_text",
           "content_hash", "shingle_hashes", "prepare", "prepared_copy", "Prepared", "period_start", "CORRECTABLE",
           "WRITE_LOCK", "NEAR_DUP_RATIO", "MIN_TITLE_WORDS", "CONTAINED_SHARE", "SHINGLE_SIZE", "BANDS", "ROWS",
           "MAX_CANDIDATES", "SNIPPET_ROWS", "TERM_FREQ_MAX_ARTICLES", "EVENT_TEXT_CHARS", "RANK_MAX_MATCHES"]


class Store(Writes, Corrections, Reprocessing, PageReads):
    """The corpus database. ``url`` defaults to ``config.database_url()``."""


def _satisfies_protocol(store: Store) -> StoreLike:
    return store  # mypy checks here that Store keeps the reads the dashboard relies on
