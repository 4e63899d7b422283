"""Keyword search in the database: which articles match, in which order, with bounded work.

A query becomes one index expression: an FTS5 MATCH string on SQLite, a tsquery on PostgreSQL,
with its exclusions folded in (``(a) NOT (b)``, ``(a) & !(b)``), so the index alone decides which
articles match. The order the reader gets:

- at most ``RANK_MAX_MATCHES`` matches: by relevance (bm25 / ts_rank), ranked and cut to the page
  inside the index query; the article rows are joined after, for the page's rows only;
- more than that (a word in most articles, بوتين): newest first (sort date, then id, both
  descending), what news tools do. Relevance among tens of thousands of articles that all say
  the word tells the reader little, and scoring every one of them is the slowest part of a search;
- a query with exclusions only has nothing to rank: newest first too.

Newest first, a word in a good share of the articles (the capped count tells about which share)
fills a page after a few dozen of the newest ones: those are read with their index key strings
and tested in Python exactly as the index would match them (``_newest_by_keys``), instead of the
index listing every one of its tens of thousands of matches first. A rarer word, or one the
newest articles lack, is left to the index query.

``search_order`` says which order a query gets, so the pages can tell the reader.
"""
from __future__ import annotations

import re
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, Iterator, Literal, Sequence

import sqlalchemy as sa

from ..filters import Filters
from ..search import (Query, fts5_exclusion, fts5_match, key_string_matcher, parse_query, ts_exclusion,
                      tsquery)
from . import schema
from .events import Events

A, SI = schema.articles, schema.search_index
FTS = sa.table("articles_fts", sa.column("rowid", sa.Integer), sa.column("terms", sa.Text))
NEWEST_ORDER = (A.c.sort_date.desc().nulls_last(), A.c.id.desc())

RANK_MAX_MATCHES = 5000  # above this many matching articles, newest first instead of by relevance
# Ranked, the best scored matches checked against the other filters first: at least this many
# (4 × the rows wanted when more); all the matches when too few of those pass.
RANKED_CANDIDATES = 200
# Newest first, the newest articles' index keys are tested before the index query is used, when
# the share of articles matching predicts a page within a third of this many rows; at most this
# many are read (3 × the prediction). Reading a row costs ~10× what the index query spends per match.
NEWEST_SCAN_MAX_ROWS = 600
Order = Literal["relevance", "newest"]
# PostgreSQL: the first ``cap`` matches counted per part of search_index (``migrations._v9_search_parts``),
# with the part's name and size as last analysed (reltuples -1 and relpages 0 before).
_PG_COUNT_PARTS = sa.text(
    "SELECT CAST(CAST(tableoid AS regclass) AS text) AS relname, n, last_id, last_row, "
    "(SELECT reltuples FROM pg_class WHERE oid = f.tableoid) AS reltuples, "
    "(SELECT relpages FROM pg_class WHERE oid = f.tableoid) AS relpages FROM (SELECT tableoid, count(*) AS n, "
    "max(article_id) AS last_id, max(ctid) AS last_row FROM (SELECT tableoid, article_id, ctid FROM search_index "
    "WHERE tsv @@ CAST(:m AS tsquery) LIMIT :cap) AS first GROUP BY tableoid) AS f")
_PART_NUMBER = re.compile(r"_p(\d+)$")
# PostgreSQL, for the reads of a search (its transaction): starting parallel workers (ms each) costs
# more than they save on a page (the newest-first walk stops after a few hundred rows).
_PG_SEARCH_SETTINGS = "SET LOCAL max_parallel_workers_per_gather = 0"


@dataclass(frozen=True)
class Matches:
    """What the capped count tells about a query: its order, how many indexed articles match
    (exact up to ``RANK_MAX_MATCHES``; -1 with exclusions only), about which share of them."""

    order: Order
    n: int
    share: float


def parsed_query(filters: Filters | None) -> Query | None:
    """The filters' text query, None when there is none (or it has no words)."""
    if filters is None or not filters.q:
        return None
    query = parse_query(filters.q)
    return None if query.is_empty else query


# The connection a search in progress reads through, with the engine it belongs to (``_reading``).
_SEARCH_CONNECTION: ContextVar[tuple[sa.Engine, sa.Connection] | None] = ContextVar("search_connection",
                                                                                  default=None)


def _share_read(n: int | None, rows_read: float | None) -> float:
    """The share of the rows read that matched (0.0 when none were read), at most 1."""
    return min(1.0, (n or 0) / rows_read) if rows_read else 0.0


def _tid_page(tid: str) -> int:
    """The page number of a PostgreSQL row address ``(page,item)``."""
    return int(str(tid).strip("()").split(",")[0])


def _part_number(name: str) -> int:
    found = _PART_NUMBER.search(name)
    return int(found.group(1)) if found else 0


def _pg_share(parts: Sequence[Any], cap: int) -> float:
    """About which share of the indexed articles match, from the capped count per part of
    search_index (name, n, largest id, last row address, rows and pages as analysed).

    The parts are read in turn, each in its pages' order (not by id: rewritten rows move), and
    every part holds an even share of the articles (a hash of the id): the rows read are those
    of the parts before the last one counted, and of that one's pages up to its last match.
    Without statistics (never analysed): the count over the largest id, as on SQLite."""
    n = sum(p.n for p in parts)
    ordered = sorted(parts, key=lambda p: _part_number(p.relname))
    if any(p.reltuples <= 0 or p.relpages <= 0 for p in ordered):
        return _share_read(n, max((p.last_id for p in ordered), default=0))
    if n < cap:  # every part read to its end
        return _share_read(n, sum(p.reltuples for p in ordered))
    last = ordered[-1]
    rows = sum(p.reltuples for p in ordered[:-1]) + (_tid_page(last.last_row) + 1) * last.reltuples / last.relpages
    return _share_read(n, rows)


class TextSearch(Events):
    """Matching, ordering and cutting keyword searches inside the database."""

    @contextmanager
    def _reading(self) -> Iterator[sa.Connection]:
        """A connection for the reads of one search: the one opened by an enclosing ``_reading``
        of this store (the count, the page and the snippets' bodies then share one checkout and
        transaction: on PostgreSQL each checkout is a ping and each transaction two more round
        trips), else a new one for the block (on PostgreSQL, with ``_PG_SEARCH_SETTINGS``)."""
        shared = _SEARCH_CONNECTION.get()
        if shared is not None and shared[0] is self.engine:
            yield shared[1]
            return
        with self.engine.connect() as conn:
            if self.dialect == "postgresql":
                conn.exec_driver_sql(_PG_SEARCH_SETTINGS)
            token = _SEARCH_CONNECTION.set((self.engine, conn))
            try:
                yield conn
            finally:
                _SEARCH_CONNECTION.reset(token)

    def _index_expressions(self, query: Query) -> tuple[str | None, str | None]:
        """(expression for the positive part with exclusions folded in, expression of the
        exclusions when there is no positive part)."""
        if self.dialect == "sqlite":
            positive, excluded = fts5_match(query), fts5_exclusion(query)
            if positive and excluded:
                return f"({positive}) NOT {excluded}", None
        else:
            positive, excluded = tsquery(query), ts_exclusion(query)
            if positive and excluded:
                return f"({positive}) & !{excluded}", None
        return positive, excluded

    def _matching_ids(self, expression: str) -> Any:
        """A select of the ids of the indexed articles matching ``expression`` (removed ones too)."""
        if self.dialect == "sqlite":
            text = sa.text("SELECT rowid AS article_id FROM articles_fts WHERE articles_fts MATCH :m")
        else:
            text = sa.text("SELECT article_id FROM search_index WHERE tsv @@ CAST(:m AS tsquery)")
        sub = text.bindparams(m=expression).columns(article_id=sa.Integer).subquery("matching")
        return sa.select(sub.c.article_id)

    def _scored(self, expression: str, first: int | None = None) -> Any:
        """A subquery (article_id, score) of the articles matching ``expression``; with ``first``,
        only the ``first`` best scored (ties by id), cut inside the index query."""
        if self.dialect == "sqlite":
            sql = ("SELECT rowid AS article_id, -bm25(articles_fts) AS score FROM articles_fts "
                   "WHERE articles_fts MATCH :m")
            cut = " ORDER BY bm25(articles_fts), rowid LIMIT :k"
        else:
            sql = ("SELECT article_id, ts_rank(tsv, CAST(:m AS tsquery)) AS score FROM search_index "
                   "WHERE tsv @@ CAST(:m AS tsquery)")
            cut = " ORDER BY score DESC, article_id LIMIT :k"
        text = sa.text(sql + cut).bindparams(m=expression, k=first) if first is not None else \
            sa.text(sql).bindparams(m=expression)
        return text.columns(article_id=sa.Integer, score=sa.Float).subquery("hits")

    def _text_conditions(self, query: Query | None) -> list[Any]:
        """Conditions on ``articles.id`` restricting to the articles matching ``query``."""
        if query is None:
            return []
        positive, excluded = self._index_expressions(query)
        conds = []
        if positive:
            conds.append(A.c.id.in_(self._matching_ids(positive)))
        if excluded:
            conds.append(A.c.id.not_in(self._matching_ids(excluded)))
        return conds

    def _count_capped(self, expression: str, cap: int) -> tuple[int, float]:
        """How many indexed articles match ``expression``, counting no further than ``cap``; and
        about which share of the indexed articles match (``_share_read``)."""
        if self.dialect == "sqlite":  # FTS5 lists its matches by id: n of the first ``last`` ids
            first = self._matching_ids(expression).limit(cap).subquery("first")
            with self._reading() as conn:
                n, last = conn.execute(sa.select(sa.func.count(), sa.func.max(first.c.article_id))).one()
            return int(n or 0), _share_read(n, last)
        with self._reading() as conn:
            # With a LIMIT the planner prefers reading the table until ``cap`` rows match, which
            # unpacks every row's tsvector; the GIN index finds them without that. Only here: a
            # page with narrow filters may rightly read the articles table through.
            conn.exec_driver_sql("SET LOCAL enable_seqscan = off")
            parts = conn.execute(_PG_COUNT_PARTS.bindparams(m=expression, cap=cap)).all()
            conn.exec_driver_sql("SET LOCAL enable_seqscan TO DEFAULT")
        return sum(p.n for p in parts), _pg_share(parts, cap)

    def _matches(self, query: Query) -> Matches:
        """The order of ``query``'s results, how many indexed articles match its words (exact
        when ranked; -1 for a query with exclusions only) and about which share of them."""
        positive, _ = self._index_expressions(query)
        if positive is None:
            return Matches("newest", -1, 1.0)
        n, share = self._count_capped(positive, RANK_MAX_MATCHES + 1)
        return Matches("newest" if n > RANK_MAX_MATCHES else "relevance", n, share)

    def search_order(self, filters: Filters | None = None) -> Order | None:
        """The order ``articles(filters)`` lists a text search in: ``"relevance"``, or
        ``"newest"`` when more than ``RANK_MAX_MATCHES`` articles match the words (or the query
        only excludes words); None without a text query."""
        query = parsed_query(filters)
        return None if query is None else self._matches(query).order

    def _page_select(self, query: Query, order: Order, conds: list[Any], first: int | None) -> Any:
        """Select (id, score) of the articles matching ``query`` and passing ``conds``, in the
        search order; ranked, only among the ``first`` best scored matches (None: all)."""
        if order == "relevance":
            positive, _ = self._index_expressions(query)
            assert positive is not None
            hits = self._scored(positive, first)
            return (sa.select(A.c.id, hits.c.score).select_from(A.join(hits, hits.c.article_id == A.c.id))
                    .where(*conds).order_by(hits.c.score.desc(), A.c.id))
        return (sa.select(A.c.id, sa.literal(0.0, sa.Float).label("score"))
                .where(*conds, *self._text_conditions(query)).order_by(*NEWEST_ORDER))

    def _search_ids(self, query: Query, conds: list[Any], limit: int,
                    offset: int = 0) -> tuple[list[tuple[int, float]], Order]:
        """(id, score) of the ``limit`` articles after ``offset`` in the search order among those
        matching ``query`` and passing ``conds``; and that order.

        Ranked, the index scores and cuts its matches first (a few hundred best), and only those
        are checked against ``conds``; if too few pass (removed articles, narrow filters), all
        matches are (at most ``RANK_MAX_MATCHES``). Newest first, the newest articles' index keys
        are tested first (``_newest_by_keys``). Either way the result is the exact page."""
        m = self._matches(query)
        if m.order == "newest":
            newest = self._newest_by_keys(query, conds, limit, offset, m.share)
            if newest is not None:
                return newest, m.order
        first: int | None = min(m.n, max(4 * (offset + limit), RANKED_CANDIDATES)) \
            if m.order == "relevance" else None
        while True:
            stmt = self._page_select(query, m.order, conds, first).limit(int(limit)).offset(int(offset))
            with self._reading() as conn:
                rows = [(int(i), float(score or 0.0)) for i, score in conn.execute(stmt).tuples()]
            if len(rows) == limit or first is None or first >= m.n:
                return rows, m.order
            first = None

    def _index_keys(self) -> Any:
        """The index key string of ``articles.id`` (NULL when it is not indexed), per row."""
        if self.dialect == "sqlite":
            return sa.select(FTS.c.terms).where(FTS.c.rowid == A.c.id).scalar_subquery()
        return sa.select(SI.c.terms).where(SI.c.article_id == A.c.id).scalar_subquery()

    def _newest_by_keys(self, query: Query, conds: list[Any], limit: int, offset: int,
                        share: float) -> list[tuple[int, float]] | None:
        """The newest-first page found without the index query: the articles passing ``conds``
        are read newest first with their index key strings, each tested like the index would
        (``key_string_matcher``), until the page is full. A word in most articles fills a page
        of 50 after some 60 articles, where the index query would list all its tens of thousands
        of matches first. None (use the index) when about ``share`` of the articles match and
        the page would need more than ``NEWEST_SCAN_MAX_ROWS`` of them, or when that many read
        did not fill it (words rare among recent articles)."""
        wanted = offset + limit
        expected = wanted / share if share > 0 else float("inf")
        if expected > NEWEST_SCAN_MAX_ROWS / 3:
            return None
        window = min(NEWEST_SCAN_MAX_ROWS, int(3 * expected) + wanted)
        with self._reading() as conn:
            if self.dialect == "postgresql":
                found, exhausted = self._newest_tested_by_tsvector(conn, query, conds, window, wanted)
            else:
                found, exhausted = self._newest_tested_by_keys(conn, query, conds, window, wanted)
        if len(found) < wanted and exhausted:
            return None  # the window did not hold the page: more articles may match
        return [(i, 0.0) for i in found[offset:]]

    def _newest_tested_by_keys(self, conn: sa.Connection, query: Query, conds: list[Any], window: int,
                               wanted: int) -> tuple[list[int], bool]:
        """The first ``wanted`` matches among the newest ``window`` articles passing ``conds``, by
        their key strings tested here; and whether all ``window`` were read."""
        match = key_string_matcher(query)
        stmt = sa.select(A.c.id, self._index_keys()).where(*conds).order_by(*NEWEST_ORDER).limit(window)
        found: list[int] = []
        result = conn.execute(stmt)
        read = 0
        for article_id, keys in result:  # rows come as read: the walk stops at the page's end
            read += 1
            if keys is not None and match(keys):
                found.append(int(article_id))
                if len(found) == wanted:
                    break
        result.close()
        return found, read == window

    def _newest_tested_by_tsvector(self, conn: sa.Connection, query: Query, conds: list[Any],
                                   window: int, wanted: int) -> tuple[list[int], bool]:
        """``_newest_tested_by_keys`` on PostgreSQL: each of the newest articles' tsvector is
        tested by the query's own tsquery where it is stored (the client's cursor would fetch the
        whole window's key strings before the first is tested); the walk stops at the page's end."""
        positive, excluded = self._index_expressions(query)
        test = (sa.text("search_index.tsv @@ CAST(:m AS tsquery)").bindparams(m=positive) if positive
                else sa.text("NOT search_index.tsv @@ CAST(:m AS tsquery)").bindparams(m=excluded))
        newest = sa.select(A.c.id, A.c.sort_date).where(*conds).order_by(*NEWEST_ORDER).limit(window).subquery()
        stmt = (sa.select(newest.c.id).select_from(newest.join(SI, SI.c.article_id == newest.c.id))
                .where(test).order_by(newest.c.sort_date.desc().nulls_last(), newest.c.id.desc()).limit(wanted))
        found = [int(i) for i in conn.execute(stmt).scalars()]
        if len(found) == wanted:
            return found, False
        read = conn.execute(sa.select(sa.func.count()).select_from(newest)).scalar_one()
        return found, read == window

    def _search_page(self, query: Query, conds: list[Any]) -> tuple[Any, Order]:
        """(subquery ``page(id, score)`` of all the matching articles passing ``conds``, in the
        search order; that order): for uncut lists."""
        order = self._matches(query).order
        return self._page_select(query, order, conds, None).subquery("page"), order

    def _page_order(self, page: Any, order: Order) -> list[Any]:
        """ORDER BY for rows joined to a ``_search_page`` (the page's own order, again)."""
        if order == "relevance":
            return [page.c.score.desc(), A.c.id]
        return list(NEWEST_ORDER)
