"""Reads shaped for one dashboard page each, fast at 100,000 articles.

``figure_page``: the Figures page's newest figure rows, how many figure rows the filters match and
how many articles, from one pass over the filtered articles. Which articles quote figures, how
many each, and their publication order come from a ``FigureIndex`` built once per corpus version
(every write bumps the version), so a filter change reads the filtered article ids and then the
shown rows only: the same rows as ``Queries.figures(filters, limit)``, the same total as
``Queries.count_figures(filters)``.

``facet_counts``: the filter bar's counts from a ``FacetIndex`` (``facetindex``), same per version.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import pandas as pd
import sqlalchemy as sa

from ..filters import Filters, rows_of
from . import schema
from .conditions import facet_rows, value_ids_selects
from .facetindex import FacetIndex, parse_ids
from .queries import Queries

A, F = schema.articles, schema.figures
_ID_CHUNK = 500  # ids per IN (...) list
IDS_KEPT = 16  # filter sets whose article ids are kept (90k ids: 0.7 MB)


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


class PageReads(Queries):
    """Page-shaped reads on top of ``Queries``."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._ids_cache: OrderedDict[tuple[int, Filters], np.ndarray] = OrderedDict()
        self._ids_lock = threading.Lock()

    _figure_index_cache: FigureIndex | None = None
    _figure_index_lock = threading.Lock()
    _facet_index_cache: tuple[type[Filters], FacetIndex] | None = None
    _facet_index_lock = threading.Lock()

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

    def filtered_ids(self, filters: Filters | None) -> np.ndarray:
        """Ids of the live articles passing ``filters`` (text query included), unordered; the last
        few filter sets' ids are kept for the corpus version (a page's count, facet counts and
        rows read them once)."""
        key = (self.version(), replace(filters or Filters(), lang=""))
        with self._ids_lock:
            if key in self._ids_cache:
                self._ids_cache.move_to_end(key)
                return self._ids_cache[key]
        ids = self._read_ids(self._ids_select(filters))
        ids.setflags(write=False)  # shared between callers
        with self._ids_lock:
            self._ids_cache[key] = ids
            while len(self._ids_cache) > IDS_KEPT:
                self._ids_cache.popitem(last=False)
        return ids

    def count(self, filters: Filters | None = None) -> int:
        """``Queries.count``; with filters, the number of ``filtered_ids`` (read once for the page)."""
        if filters is None or filters.is_empty():
            return super().count(filters)
        return len(self.filtered_ids(filters))

    def _read_ids(self, stmt: Any) -> np.ndarray:
        """The first column of ``stmt`` as integers."""
        return np.fromiter((row[0] for row in self._read_raw(stmt)), dtype=np.int64)

    def _read_raw(self, stmt: Any) -> list[Any]:
        """The rows of ``stmt`` as the driver returns them, read through its cursor: 100k rows
        through SQLAlchemy's row objects take several times longer (no type processing here:
        for ids and plain strings)."""
        compiled = stmt.compile(dialect=self.engine.dialect, compile_kwargs={"render_postcompile": True})
        params: Any = compiled.construct_params()
        if compiled.positiontup:
            params = tuple(params[name] for name in compiled.positiontup)
        with self.engine.connect() as conn:
            cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
            try:
                cursor.execute(str(compiled), params)
                return list(cursor.fetchall())
            finally:
                cursor.close()

    # --- facet counts ---

    def facet_index(self, cls: type[Filters] = Filters) -> FacetIndex:
        """The ``FacetIndex`` of the current corpus version over the list filters of ``cls``'s
        table (built on first use after a write)."""
        version = self.version()
        cached = self._facet_index_cache
        if cached is not None and cached[0] is cls and cached[1].version == version:
            return cached[1]
        with self._facet_index_lock:
            cached = self._facet_index_cache
            if cached is not None and cached[0] is cls and cached[1].version == version:
                return cached[1]
            live: Any = self._read_ids(sa.select(A.c.id).where(A.c.removed_at.is_(None)))
            groups = {row.name: [(value, parse_ids(ids)) for stmt in value_ids_selects(where, self.dialect)
                                 for value, ids in self._read_raw(stmt)]
                      for row, where in facet_rows(cls)}
            index = FacetIndex.build(version, live, groups)
            self._facet_index_cache = (cls, index)
        return index

    def facet_counts(self, filters: Filters | None = None) -> dict[str, dict[str, int]]:
        """``Queries.facet_counts`` (its SQL stays the reference the tests compare with) from the
        ``FacetIndex``: the filters that are not lists (text query, dates) are read as ids, the
        lists applied in memory."""
        base = filters or Filters()
        lists = [row.name for row, _ in facet_rows(type(base))]
        index = self.facet_index(type(base))
        cleared: dict[str, Any] = {name: () for name in lists}
        others = replace(base, **cleared)
        narrowed = any(row.where is not None and getattr(others, row.name) != row.default
                       for row in rows_of(type(base)))
        ids = self.filtered_ids(others) if narrowed else None
        return index.counts(ids, {name: getattr(base, name) for name in lists})

    def figure_page(self, filters: Filters | None = None, limit: int = 2000) -> FigurePage:
        """``FigurePage`` of ``filters``: one read of the filtered ids, one of the shown rows."""
        index = self.figure_index()
        if filters is None or filters.is_empty():  # every live article: no id list
            newest, total = newest_quoting(index, index.ids, limit)
            n_articles = self.count(filters)
        else:
            ids = self.filtered_ids(filters)
            (newest, total), n_articles = newest_quoting(index, ids, limit), len(ids)
        rows: list[Any] = []
        for start in range(0, len(newest), _ID_CHUNK):
            rows += self._read(self._figure_select().where(F.c.article_id.in_(newest[start:start + _ID_CHUNK])))
        place = {article_id: i for i, article_id in enumerate(newest)}
        rows.sort(key=lambda r: (place[r[0]], -r[4]))  # newest first, the last figure of an article first
        return FigurePage(self._figure_frame(rows[:limit][::-1]), total, n_articles)
