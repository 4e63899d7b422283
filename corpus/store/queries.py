"""Reads: counts, facets, filtered and searched article lists, one article, events, figures,
statements and aggregates (the history and removal reads are in ``history``). They return pandas
DataFrames or plain dicts; big frames never carry article bodies."""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any, Sequence

import pandas as pd
import sqlalchemy as sa

from ..filters import GRANULARITIES, SPEAKERS, Filters
from ..search import Query, matches, parse_query, top_words, written_words
from ..snippets import find_hits, kwic_lines, snippet
from . import schema
from .conditions import LIVE, facet_rows, filter_conditions, live_values_selects, value_counts_select
from .rows import to_date, to_iso
from .events import versions
from .history import HistoryReads
from .textsearch import Order, parsed_query

A, S, M, F, T = schema.articles, schema.sources, schema.meetings, schema.figures, schema.topics
E, EA, C, H = schema.events, schema.event_articles, schema.corrections, schema.history
ST = schema.statements

SNIPPET_ROWS = 30  # snippets for the first rows only (they read the bodies): the Articles page lists 30
TERM_FREQ_MAX_ARTICLES = 3000


@dataclass
class SearchHit:
    article_id: int
    score: float
    snippet: list[tuple[str, bool]] = field(default_factory=list)
    order: Order = "relevance"  # the search's order: by relevance, or newest first (textsearch)


STATEMENT_COLUMNS = ["article_id", "idx", "speaker", "mode", "text", "sentence", "verb", "title", "outlet",
                     "published", "event_id", "topics", "hits"]
STATEMENT_LIMIT = 200
FIGURE_COLUMNS = ["article_id", "title", "outlet", "published", "idx", "text", "value", "value_max",
                  "unit", "metric", "qualifier", "period", "period_start", "sentence", "currency",
                  "pair", "human_checked"]


@dataclass
class StatementRows:
    """One page of statements (``rows``, newest first, at most the limit) and how many match."""

    rows: pd.DataFrame
    total: int


_YEAR = re.compile(r"^\s*(\d{4})")


def period_start(period: str | None, published: dt.date | None) -> dt.date | None:
    """Plotting date of a figure: 1 January of the period's year, else the publication date."""
    m = _YEAR.match(period or "")
    if m and 1900 <= int(m.group(1)) <= 2100:
        return dt.date(int(m.group(1)), 1, 1)
    return published


class Queries(HistoryReads):
    """Everything the dashboard and the CLI read."""

    # --- basics ---

    def version(self) -> int:
        """The corpus version, for cache keys; events are regrouped first when they are stale.
        Both versions come in one query (every page asks this several times per run)."""
        with self.engine.connect() as conn:
            corpus, events = versions(conn)
        if events >= corpus:
            return corpus
        self.ensure_events()
        with self.engine.connect() as conn:
            return versions(conn)[0]

    def count(self, filters: Filters | None = None) -> int:
        """Live articles (passing ``filters`` when given)."""
        stmt, _ = self._filtered(filters, [A.c.id])
        return self._read(sa.select(sa.func.count()).select_from(stmt.subquery()))[0][0]

    def total_count(self) -> int:
        """All stored articles, removed ones included."""
        return self._read(sa.select(sa.func.count()).select_from(A))[0][0]

    def facets(self, filters: Filters | None = None) -> dict[str, Any]:
        """Values the filter widgets offer, over the whole live corpus (``filters`` is ignored):
        for each ``OneOf`` filter of the table its values, and the range of the dates."""
        out: dict[str, Any] = {}
        for row, where in facet_rows(type(filters) if filters is not None else Filters):
            out[row.name] = sorted({r[0] for select in live_values_selects(where) for r in self._read(select) if r[0]})
        lo, hi = self._read(sa.select(sa.func.min(A.c.sort_date), sa.func.max(A.c.sort_date)).where(LIVE))[0]
        return {**out, "min_date": to_date(lo), "max_date": to_date(hi)}

    # --- filtering and search ---

    def _conditions(self, filters: Filters | None) -> list[Any]:
        return filter_conditions(filters)  # one per row of the filter table (corpus.filters)

    def _filtered(self, filters: Filters | None, columns: Sequence[Any]) -> tuple[Any, Query | None]:
        """A select of ``columns`` over the live articles passing ``filters`` (text query included)."""
        query = parsed_query(filters)
        stmt = sa.select(*columns).where(*self._conditions(filters), *self._text_conditions(query))
        return stmt, query

    def _ids_select(self, filters: Filters | None) -> Any:
        stmt, _ = self._filtered(filters, [A.c.id])
        return sa.select(stmt.subquery().c.id)

    def _plain_date(self, column: Any) -> Any:
        """SQLite keeps dates as ISO text: fetch the text and parse it faster than the ORM type."""
        return sa.type_coerce(column, sa.String).label(column.name) if self.dialect == "sqlite" else column

    def _topic_list(self) -> Any:
        agg = (sa.func.group_concat(T.c.topic, "|") if self.dialect == "sqlite"
               else sa.func.string_agg(T.c.topic, "|"))
        return sa.select(agg).where(T.c.article_id == A.c.id).scalar_subquery().label("topics")

    def articles(self, filters: Filters | None = None, limit: int | None = None,
                 snippets: int = SNIPPET_ROWS) -> pd.DataFrame:
        """One row per live article passing ``filters``, newest first; with a text query, in the
        search order (``search_order``: by relevance, or newest first for a very common word), with
        snippets for the first ``snippets`` rows. ``frame.attrs["order"]`` names the order."""
        n_sources = (sa.select(sa.func.count()).where(S.c.article_id == A.c.id)
                     .scalar_subquery().label("n_sources"))
        cols = [A.c.id, A.c.title, A.c.outlet, self._plain_date(A.c.published), A.c.language, n_sources,
                self._topic_list(), self._plain_date(A.c.meeting_date), A.c.city, A.c.kind, A.c.checked]
        query = parsed_query(filters)
        order: str = "newest"
        if query is not None and limit is not None:
            # The search picks and cuts the page inside the index query; the row columns and the
            # per-row subqueries (sources, topics) then run for the page's rows only.
            ranked, order = self._search_ids(query, self._conditions(filters), int(limit))
            score = dict(ranked)
            by_id = {r[0]: r for r in self._read(sa.select(*cols).where(A.c.id.in_(list(score))))}
            rows = [(*by_id[i], score[i]) for i, _ in ranked if i in by_id]
        else:
            if query is not None:  # every match, in the search order
                page, order = self._search_page(query, self._conditions(filters))
                stmt = (sa.select(*cols, page.c.score).select_from(page.join(A, A.c.id == page.c.id))
                        .order_by(*self._page_order(page, order)))
            else:
                stmt = (sa.select(*cols, sa.literal(0.0, sa.Float).label("score"))
                        .where(*self._conditions(filters))
                        .order_by(A.c.sort_date.desc().nulls_last(), A.c.id.desc()))
                if limit is not None:
                    stmt = stmt.limit(int(limit))
            with self.engine.connect() as conn:
                rows = list(conn.execute(stmt).tuples().all())
        (ids, titles, outlets, published, languages, n_src, topics, meeting_dates, cities, kinds,
         checked, scores) = (list(c) for c in zip(*rows)) if rows else ([[] for _ in range(12)])
        frame = pd.DataFrame({
            "id": ids, "title": titles, "outlet": outlets, "published": [to_date(d) for d in published],
            "language": languages, "n_sources": n_src,
            "topics": [sorted(t.split("|")) if t else [] for t in topics],
            "meeting_date": [to_date(d) for d in meeting_dates], "city": cities, "kind": kinds,
            "human_checked": [bool(c) for c in checked], "score": [float(x or 0.0) for x in scores]},
            columns=["id", "title", "outlet", "published", "language", "n_sources", "topics",
                     "meeting_date", "city", "kind", "human_checked", "score"])
        frame["snippet"] = self._snippets(query, ids[:snippets], len(ids)) if query else [[] for _ in ids]
        frame.attrs["order"] = order if query is not None else None
        return frame

    def _snippets(self, query: Query, head: list[int], n: int) -> list[list[tuple[str, bool]]]:
        """Snippets for the ``head`` ids (their bodies read), [] for the other ``n - len(head)``."""
        bodies: dict[int, str] = {}
        if head:
            with self._reading() as conn:
                rows = conn.execute(sa.select(A.c.id, A.c.clean_text).where(A.c.id.in_(head)))
                bodies = {i: text for i, text in rows}
        return [snippet(query, bodies[i]) if i in bodies else [] for i in head] + [[] for _ in range(n - len(head))]

    def search(self, query: str, filters: Filters | None = None, limit: int = 50) -> list[SearchHit]:
        """Ranked hits for ``query`` (within ``filters``); [] when the query has no words."""
        parsed = parse_query(query)
        if parsed.is_empty:
            return []
        # What ``articles(..., limit=limit, snippets=limit)`` gives, without the rows' other
        # columns: the page in the search order, then the snippets of its rows.
        conds = self._conditions(replace(filters or Filters(), q=query))
        with self._reading():  # the count, the page and the bodies through one connection
            ranked, order = self._search_ids(parsed, conds, int(limit))
            snippets = self._snippets(parsed, [i for i, _ in ranked], len(ranked))
        return [SearchHit(i, score, snip, order) for (i, score), snip in zip(ranked, snippets)]

    # --- one article ---

    def article(self, article_id: int) -> dict[str, Any] | None:
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(A).where(A.c.id == article_id)).first()
            if row is None:
                return None
            sources = conn.execute(sa.select(S.c.source, S.c.url, S.c.outlet, S.c.fmt, S.c.encoding,
                                             S.c.added_at, S.c.added_by)
                                   .where(S.c.article_id == article_id).order_by(S.c.id)).all()
            meetings = conn.execute(sa.select(M).where(M.c.article_id == article_id).order_by(M.c.idx)).all()
            figures = conn.execute(sa.select(F).where(F.c.article_id == article_id).order_by(F.c.idx)).all()
            topics = conn.execute(sa.select(T.c.topic).where(T.c.article_id == article_id)
                                  .order_by(T.c.topic)).scalars().all()
            corrections = conn.execute(sa.select(C.c.field, C.c.value, C.c.author, C.c.at)
                                       .where(C.c.article_id == article_id).order_by(C.c.id)).all()
            events = conn.execute(sa.select(EA.c.event_id, EA.c.meeting_idx, EA.c.inferred)
                                  .where(EA.c.article_id == article_id)).all()
        linked = {e.meeting_idx: e for e in events}

        def meeting_dict(m: Any) -> dict[str, Any]:
            d = {k: v for k, v in m._mapping.items() if k != "article_id"}
            d["date"] = to_iso(to_date(d["date"]))
            link = linked.get(m.idx)
            d["event_id"] = link.event_id if link else None
            d["inferred"] = bool(link.inferred) if link else False
            return d
        return {
            "id": row.id, "title": row.title, "outlet": row.outlet, "published": to_date(row.published),
            "language": row.language, "clean_text": row.clean_text, "raw_text": row.raw_text,
            "provenance": row.provenance or {}, "hints": row.hints or {},
            "extractor_version": row.extractor_version, "created_at": row.created_at,
            "meeting_date": to_date(row.meeting_date), "city": row.city, "kind": row.kind,
            "sources": [dict(s._mapping) for s in sources],
            "meetings": [meeting_dict(m) for m in meetings],
            "figures": [{k: v for k, v in f._mapping.items() if k != "article_id"} for f in figures],
            "topics": list(topics),
            "corrections": [dict(c._mapping) for c in corrections],
            "human_checked": row.human_checked or {}, "removed": row.removed_at is not None,
            "removed_at": row.removed_at,
        }

    # --- events, figures, aggregates ---

    def events(self, filters: Filters | None = None) -> pd.DataFrame:
        self.ensure_events()
        ids = self._ids_select(filters)
        inferred = sa.func.max(sa.case((EA.c.inferred.is_(True), 1), else_=0)).label("inferred_any")
        stmt = (sa.select(E.c.id, E.c.date, E.c.city, E.c.kind, E.c.status,
                          sa.func.count(sa.distinct(EA.c.article_id)).label("n_articles"), inferred)
                .join(EA, EA.c.event_id == E.c.id).where(EA.c.article_id.in_(ids))
                .group_by(E.c.id, E.c.date, E.c.city, E.c.kind, E.c.status)
                .order_by(E.c.date.desc().nulls_last(), E.c.id))
        rows = self._read(stmt)
        return pd.DataFrame({
            "id": [r.id for r in rows], "date": [to_date(r.date) for r in rows],
            "city": [r.city for r in rows], "kind": [r.kind for r in rows],
            "status": [r.status for r in rows], "n_articles": [r.n_articles for r in rows],
            "inferred_any": [bool(r.inferred_any) for r in rows]})

    def event(self, event_id: int) -> dict[str, Any] | None:
        self.ensure_events()
        with self.engine.connect() as conn:
            ev = conn.execute(sa.select(E).where(E.c.id == event_id)).first()
            if ev is None:
                return None
            first_source = (sa.select(S.c.source).where(S.c.article_id == A.c.id)
                            .order_by(S.c.id).limit(1).scalar_subquery())
            first_url = (sa.select(S.c.url).where(S.c.article_id == A.c.id)
                         .order_by(S.c.id).limit(1).scalar_subquery())
            rows = conn.execute(
                sa.select(A.c.id, A.c.title, A.c.outlet, first_source.label("source"),
                          first_url.label("url"), M.c.evidence, EA.c.inferred)
                .select_from(EA.join(A, A.c.id == EA.c.article_id).outerjoin(
                    M, sa.and_(M.c.article_id == EA.c.article_id, M.c.idx == EA.c.meeting_idx)))
                .where(EA.c.event_id == event_id, A.c.removed_at.is_(None))
                .order_by(A.c.published, A.c.id)).all()
        return {"id": ev.id, "key": ev.key, "date": to_date(ev.date), "city": ev.city, "kind": ev.kind,
                "status": ev.status,
                "articles": [{"article_id": r.id, "title": r.title, "outlet": r.outlet,
                              "url": r.url or None, "source": r.source, "evidence": r.evidence,
                              "inferred": bool(r.inferred)} for r in rows]}

    def event_sources(self) -> list[dict[str, Any]]:
        """Every event with the source names of its live articles (the CLI ``events`` output)."""
        self.ensure_events()
        with self.engine.connect() as conn:
            evs = conn.execute(sa.select(E).order_by(E.c.date.nulls_last(), E.c.id)).all()
            links = conn.execute(sa.select(EA.c.event_id, S.c.source)
                                 .join(A, A.c.id == EA.c.article_id).join(S, S.c.article_id == A.c.id)
                                 .where(A.c.removed_at.is_(None)).order_by(S.c.id)).all()
        by_event: dict[int, list[str]] = {}
        for link in links:
            names = by_event.setdefault(link.event_id, [])
            if link.source not in names:
                names.append(link.source)
        return [{"id": e.id, "date": to_iso(to_date(e.date)), "city": e.city, "kind": e.kind,
                 "articles": by_event[e.id]} for e in evs if e.id in by_event]

    def count_figures(self, filters: Filters | None = None) -> int:
        """Figure rows of the live articles passing ``filters`` (a count, no rows fetched)."""
        stmt = sa.select(sa.func.count()).select_from(F).where(
            F.c.article_id.in_(self._ids_select(filters)))
        return int(self._read(stmt)[0][0])

    def _ids_with_figures(self, filters: Filters | None, limit: int) -> Any:
        """The ``limit`` most recently published filtered articles that have figure rows."""
        stmt, _ = self._filtered(filters, [A.c.id])
        stmt = (stmt.where(sa.exists().where(F.c.article_id == A.c.id))
                .order_by(A.c.published.desc().nulls_last(), A.c.id.desc()).limit(limit))
        return sa.select(stmt.subquery().c.id)

    def figures(self, filters: Filters | None = None, limit: int | None = None) -> pd.DataFrame:
        """Figure rows in publication order; with ``limit``, only the most recent ``limit`` of them."""
        stmt = self._figure_select()
        if limit is None:
            stmt = stmt.where(F.c.article_id.in_(self._ids_select(filters)))
            stmt = stmt.order_by(A.c.published, F.c.article_id, F.c.idx)
        else:
            # The ``limit`` most recent articles that quote a figure hold the ``limit`` most recent
            # figures (each has at least one): sort articles, not every figure row, then cut.
            newest = self._ids_with_figures(filters, limit)
            stmt = stmt.where(F.c.article_id.in_(newest))
            stmt = stmt.order_by(A.c.published.desc().nulls_last(), F.c.article_id.desc(),
                                 F.c.idx.desc()).limit(limit)
        with self.engine.connect() as conn:
            rows = list(conn.execute(stmt).tuples().all())
        if limit is not None:
            rows.reverse()
        return self._figure_frame(rows)

    def _figure_select(self) -> Any:
        """Figure rows with their articles' title, outlet, date and whether a person checked them
        (the columns ``_figure_frame`` reads, in its order)."""
        checked = sa.exists().where(C.c.article_id == F.c.article_id, C.c.field == "figures")
        return (sa.select(F.c.article_id, A.c.title, A.c.outlet, self._plain_date(A.c.published), F.c.idx,
                          F.c.text, F.c.value, F.c.value_max, F.c.unit, F.c.metric, F.c.qualifier,
                          F.c.period, F.c.sentence, F.c.currency, F.c.pair, checked.label("checked"))
                .join(A, A.c.id == F.c.article_id))

    @staticmethod
    def _figure_frame(rows: Sequence[Sequence[Any]]) -> pd.DataFrame:
        """Rows of ``_figure_select`` as the figures frame (dates parsed, plotting date added)."""
        data = [list(c) for c in zip(*rows)] if rows else [[] for _ in range(16)]
        data[3] = published = [to_date(d) for d in data[3]]
        data[15] = [bool(c) for c in data[15]]
        data.insert(12, [period_start(p, d) for p, d in zip(data[11], published)])
        return pd.DataFrame(dict(zip(FIGURE_COLUMNS, data)), columns=FIGURE_COLUMNS)

    # --- statements (who said what) ---

    def statements(self, filters: Filters | None = None, query: str | None = None, speaker: str | None = None,
                   limit: int = STATEMENT_LIMIT) -> StatementRows:
        """Statements of Putin and Aliyev in the live articles passing ``filters`` (their dates,
        outlets, cities, kinds, topics), newest article first, in article order within one.

        ``query`` (default: ``filters.q``) uses the search syntax (phrases, -exclusion, OR) and is
        matched against the statement's own text, not the article's; ``hits`` gives its spans in
        that text. ``speaker`` is ``putin``, ``aliyev`` or None for both. Each row names the
        article (title, outlet, published, topics) and the event of its main meeting, if any.
        """
        if speaker is not None and speaker not in SPEAKERS:
            raise ValueError(f"unknown speaker {speaker!r}; choose from {', '.join(SPEAKERS)}")
        self.ensure_events()
        parsed = parse_query(filters.q if query is None and filters is not None else query)
        conds = [*self._conditions(filters)]
        if speaker is not None:
            conds.append(ST.c.speaker == speaker)
        if parsed.clauses:  # a statement matches only where its article does: narrow with the index
            conds.extend(self._text_conditions(Query(clauses=parsed.clauses)))
        base = sa.select(ST.c.article_id, ST.c.idx).select_from(ST.join(A, A.c.id == ST.c.article_id)).where(*conds)
        newest = (A.c.published.desc().nulls_last(), ST.c.article_id.desc(), ST.c.idx)
        if parsed.is_empty:
            total = int(self._read(sa.select(sa.func.count()).select_from(base.subquery()))[0][0])
            keys = [(r.article_id, r.idx) for r in self._read(base.order_by(*newest).limit(int(limit)))]
        else:
            found = [(r.article_id, r.idx) for r in self._read(base.add_columns(ST.c.text).order_by(*newest))
                     if matches(parsed, r.text)]
            total, keys = len(found), found[:int(limit)]
        return StatementRows(self._statement_rows(keys, parsed), total)

    def _statement_rows(self, keys: list[tuple[int, int]], query: Query) -> pd.DataFrame:
        """The statements ``keys`` (article id, idx) with their articles, in the order given."""
        ids = sorted({a for a, _ in keys})
        main_event = (sa.select(EA.c.event_id)
                      .join(M, sa.and_(M.c.article_id == EA.c.article_id, M.c.idx == EA.c.meeting_idx))
                      .where(EA.c.article_id == A.c.id, M.c.primary.is_(True))
                      .order_by(EA.c.meeting_idx).limit(1).scalar_subquery().label("event_id"))
        by_key: dict[tuple[int, int], dict[str, Any]] = {}
        for start in range(0, len(ids), 500):
            rows = self._read(sa.select(ST.c.article_id, ST.c.idx, ST.c.speaker, ST.c.mode, ST.c.text,
                                        ST.c.sentence, ST.c.verb, A.c.title, A.c.outlet,
                                        self._plain_date(A.c.published), main_event, self._topic_list())
                              .join(A, A.c.id == ST.c.article_id).where(ST.c.article_id.in_(ids[start:start + 500])))
            for r in rows:
                by_key[(r.article_id, r.idx)] = {
                    **r._mapping, "published": to_date(r.published),
                    "topics": sorted(r.topics.split("|")) if r.topics else [],
                    "hits": [(h.start, h.end) for h in find_hits(query, r.text)] if query.clauses else []}
        found = [by_key[k] for k in keys if k in by_key]
        frame = pd.DataFrame(found, columns=STATEMENT_COLUMNS)
        # An article without a meeting has no event: None, not NaN in a float column.
        frame["event_id"] = pd.Series([r["event_id"] for r in found], dtype=object)
        return frame

    def _bucket(self, granularity: str) -> Any:
        """The coverage bucket of an article as ISO text: ``YYYY-MM`` for a month, the Monday
        ``YYYY-MM-DD`` of its ISO week for a week. The article's day is its publication date, else
        its meeting date. Computed in the database (dates are ISO text in SQLite, real dates in
        PostgreSQL) so coverage is one GROUP BY."""
        if granularity not in GRANULARITIES:
            raise ValueError(f"unknown granularity {granularity!r}; choose from {', '.join(GRANULARITIES)}")
        day = sa.func.coalesce(A.c.published, A.c.meeting_date)
        if self.dialect == "sqlite":
            # 'weekday 0' moves on to the Sunday ending the ISO week; six days back is its Monday.
            return (sa.func.substr(day, 1, 7) if granularity == "month"
                    else sa.func.date(day, "weekday 0", "-6 days"))
        if granularity == "month":
            return sa.func.to_char(day, "YYYY-MM")
        return sa.func.to_char(sa.func.date_trunc("week", sa.cast(day, sa.DateTime)), "YYYY-MM-DD")

    def coverage(self, filters: Filters | None = None, granularity: str = "month") -> pd.DataFrame:
        """Live articles passing ``filters`` (their query included) per month or per ISO week of
        their own date (published, else the meeting date); periods without articles are absent.
        Columns: the granularity (``month`` = ``YYYY-MM``, ``week`` = its Monday ``YYYY-MM-DD``)
        and ``n_articles``, in period order."""
        stmt, _ = self._filtered(filters, [self._bucket(granularity).label("period")])
        sub = stmt.subquery()
        rows = self._read(sa.select(sub.c.period, sa.func.count().label("n"))
                          .where(sub.c.period.is_not(None)).group_by(sub.c.period).order_by(sub.c.period))
        return pd.DataFrame([(str(r.period), int(r.n)) for r in rows], columns=[granularity, "n_articles"])

    def coverage_by_outlet(self, filters: Filters | None = None, granularity: str = "month") -> pd.DataFrame:
        """``coverage`` split by outlet: one row per (period, outlet) with articles. An article
        counts once, under the outlet of its first stored copy ("" when none is known), so the
        outlets of a period add up to its ``coverage``. Columns: the granularity, ``outlet``,
        ``n_articles``."""
        stmt, _ = self._filtered(filters, [self._bucket(granularity).label("period"), A.c.outlet])
        sub = stmt.subquery()
        rows = self._read(sa.select(sub.c.period, sub.c.outlet, sa.func.count().label("n"))
                          .where(sub.c.period.is_not(None)).group_by(sub.c.period, sub.c.outlet)
                          .order_by(sub.c.period, sub.c.outlet))
        return pd.DataFrame([(str(r.period), r.outlet or "", int(r.n)) for r in rows],
                            columns=[granularity, "outlet", "n_articles"])

    def facet_counts(self, filters: Filters | None = None) -> dict[str, dict[str, int]]:
        """For each ``OneOf`` filter of the table (outlets, cities, kinds, topics): how many live
        articles each value would match under the *other* current filters (query and dates
        included), i.e. ``count(filters with that list set to just the value)``. Values matching
        nothing are absent. An article counts for every outlet it was stored under (its sources),
        as the filter does."""
        base = filters or Filters()
        out: dict[str, dict[str, int]] = {}
        for row, where in facet_rows(type(base)):
            ids = self._ids_select(replace(base, **{row.name: row.default}))
            out[row.name] = self._value_counts(value_counts_select(where, ids))
        return out

    def _value_counts(self, stmt: Any) -> dict[str, int]:
        return {str(value): int(n) for value, n in self._read(stmt) if value is not None and str(value).strip()}

    def outlet_counts(self, filters: Filters | None = None) -> pd.DataFrame:
        stmt, _ = self._filtered(filters, [A.c.outlet])
        sub = stmt.subquery()
        rows = self._read(sa.select(sub.c.outlet, sa.func.count().label("n"))
                          .group_by(sub.c.outlet).order_by(sa.desc("n"), sub.c.outlet))
        return pd.DataFrame([(r.outlet or "", r.n) for r in rows], columns=["outlet", "n_articles"])

    def kwic(self, query: str, filters: Filters | None = None, width: int = 60,
             limit: int = 200) -> pd.DataFrame:
        """Keyword in context: one row per hit, from the original text."""
        columns = ["article_id", "title", "left", "match", "right"]
        parsed = parse_query(query)
        if not parsed.clauses:
            return pd.DataFrame(columns=columns)
        base = replace(filters or Filters(), q=query)
        out: list[tuple[Any, ...]] = []
        offset, step = 0, 50
        while True:  # pages of the search order until ``limit`` lines (each page cut in the index query)
            ranked, _ = self._search_ids(parsed, self._conditions(base), step, offset)
            ids = [i for i, _ in ranked]
            bodies = {r.id: (r.title, r.clean_text) for r in self._read(
                sa.select(A.c.id, A.c.title, A.c.clean_text).where(A.c.id.in_(ids)))} if ids else {}
            for i in ids:
                title, body = bodies.get(i, (None, ""))
                for left, match, right in kwic_lines(parsed, body or "", width):
                    out.append((i, title, left, match, right))
                    if len(out) >= limit:
                        return pd.DataFrame(out, columns=columns)
            if len(ids) < step:
                return pd.DataFrame(out, columns=columns)
            offset += step

    def term_frequencies(self, filters: Filters | None = None, top: int = 80,
                         max_articles: int = TERM_FREQ_MAX_ARTICLES) -> list[tuple[str, int]]:
        """Most frequent words (original spelling, stop words left out) of the filtered articles.

        Counted over at most ``max_articles`` articles (the most recent) to stay fast.
        """
        stmt, _ = self._filtered(filters, [A.c.id])
        ids = [r.id for r in self._read(stmt.order_by(A.c.sort_date.desc().nulls_last(), A.c.id.desc())
                                        .limit(max_articles))]
        written: Counter[str] = Counter()
        for start in range(0, len(ids), 500):
            for (text,) in self._read(sa.select(A.c.clean_text).where(A.c.id.in_(ids[start:start + 500]))):
                written.update(written_words(text))
        return top_words(written, top)
