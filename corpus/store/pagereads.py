"""Reads shaped for one dashboard page each, fast at 100,000 articles.

``figure_page``: the Figures page's newest figure rows, how many figure rows the filters match and
how many articles, from one pass over the filtered articles. Which articles quote figures, how
many each, and their publication order come from a ``FigureIndex`` built once per corpus version
(every write bumps the version), so a filter change reads the filtered article ids and then the
shown rows only: the same rows as ``Queries.figures(filters, limit)``, the same total as
``Queries.count_figures(filters)``.

The filtered articles come from the in-memory tally (``tallies``): no SQL for the filters.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import ARRAY

from ..filters import Filters
from . import schema
from .queries import Queries
from .tallies import Tallies

A, F = schema.articles, schema.figures
_ID_CHUNK = 500  # ids per IN (...) list on SQLite (PostgreSQL takes them as one array)


@dataclass(frozen=True)
class FigureIndex:
    """The live articles that quote figures, newest first (published descending, undated last, then id
    descending: the order of ``Queries.figures``), with their number of figure rows."""

    version: int
    ids: np.ndarray
    counts: np.ndarray


@dataclass
class FigurePage:
    """The newest ``limit`` figure rows of the filtered articles (in publication order, as
    ``Queries.figures``), the number of figure rows they have and the number of articles."""

    rows: pd.DataFrame
    total: int
    n_articles: int


def newest_quoting(index: FigureIndex, article_ids: np.ndarray, limit: int) -> tuple[list[int], int]:
    """The newest of ``article_ids`` that together hold the newest ``limit`` figure rows (fewer
    articles when they hold fewer), and the figure rows of all ``article_ids``. Pure."""
    keep = np.isin(index.ids, article_ids)
    ids, counts = index.ids[keep], index.counts[keep]
    before = np.cumsum(counts) - counts  # figure rows of the newer articles
    return [int(i) for i in ids[before < limit]], int(counts.sum())


class PageReads(Queries, Tallies):
    """Page-shaped reads on top of ``Queries`` and the in-memory ``Tallies``."""

    _figure_index_cache: FigureIndex | None = None
    _figure_index_lock = threading.Lock()

    def figure_index(self) -> FigureIndex:
        """The ``FigureIndex`` of the current corpus version (built on first use after a write)."""
        version = self.version()
        cached = self._figure_index_cache
        if cached is not None and cached.version == version:
            return cached
        with self._figure_index_lock:
            cached = self._figure_index_cache
            if cached is not None and cached.version == version:
                return cached
            stmt = (sa.select(F.c.article_id, sa.func.count()).join(A, A.c.id == F.c.article_id)
                    .where(A.c.removed_at.is_(None)).group_by(F.c.article_id, A.c.published)
                    .order_by(A.c.published.desc().nulls_last(), F.c.article_id.desc()))
            rows = self._read(stmt)
            index = FigureIndex(version, np.array([r[0] for r in rows], dtype=np.int64),
                                np.array([r[1] for r in rows], dtype=np.int64))
            self._figure_index_cache = index
        return index

    def figure_page(self, filters: Filters | None = None, limit: int = 2000) -> FigurePage:
        """``FigurePage`` of ``filters``: the filtered articles from the tally, one read of the shown rows."""
        index = self.figure_index()
        if filters is None or filters.is_empty():  # every live article: no id list
            newest, total = newest_quoting(index, index.ids, limit)
            n_articles = self.tally(filters).count()
        else:
            tally = self.tally(filters)
            ids = tally.snap.ids[tally.selected]
            (newest, total), n_articles = newest_quoting(index, ids, limit), len(ids)
        rows = self._figure_rows_of(newest)
        place = {article_id: i for i, article_id in enumerate(newest)}
        rows.sort(key=lambda r: (place[r[0]], -r[4]))  # newest first, the last figure of an article first
        return FigurePage(self._figure_frame(rows[:limit][::-1]), total, n_articles)

    def _figure_rows_of(self, article_ids: list[int]) -> list[Any]:
        """The figure rows of ``article_ids`` (``_figure_select``, unordered). On PostgreSQL in one
        query, the ids bound as one array (each query is a round trip to the server)."""
        if self.dialect == "postgresql":
            ids = sa.bindparam("ids", article_ids, type_=ARRAY(sa.BigInteger))
            return self._read(self._figure_select().where(F.c.article_id == sa.any_(ids)))
        rows: list[Any] = []
        for start in range(0, len(article_ids), _ID_CHUNK):
            rows += self._read(self._figure_select().where(F.c.article_id.in_(article_ids[start:start + _ID_CHUNK])))
        return rows
