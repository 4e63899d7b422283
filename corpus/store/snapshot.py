"""The filterable facts of every live article, in memory as numpy arrays: a maintained aggregate.

The dashboard's counts, facet counts, events, outlet counts and coverage all ask the same
question of different subsets: which live articles pass these filters, and how do they spread
over outlets, cities, kinds, topics, events and periods. Asked in SQL, each is a scan with
correlated EXISTS per row (1–4 s at 100k articles). Here the facts those filters and tallies read
are loaded once per corpus version (a few hundred ms at 100k, a few MB), and a filter becomes a
boolean mask over the articles (``corpus.store.tally``): every tally is then a ``bincount``.

Articles are numbered by position (``ids`` ascending). Many-valued facts are (article position,
value code) pairs, deduplicated; string values are coded against one vocabulary per fact.
Reading is plain SQL that both SQLite and PostgreSQL answer the same way.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Sequence

import numpy as np
import pandas as pd
import sqlalchemy as sa

from ..filters import Filters
from .conditions import facet_rows, related_column
from .rows import to_date

@dataclass(frozen=True)
class Pairs:
    """(article position, value code) pairs of a many-valued fact, each pair once."""

    article: np.ndarray  # int64 positions
    code: np.ndarray  # int64 codes into ``values``
    values: tuple[str, ...]

    def codes_of(self, wanted: Sequence[str]) -> np.ndarray:
        index = {v: i for i, v in enumerate(self.values)}
        return np.array([index[v] for v in wanted if v in index], dtype=np.int64)


@dataclass(frozen=True)
class EventTable:
    """The events (one row each, in id order) and their links to live articles."""

    ids: np.ndarray
    dates: list[dt.date | None]
    cities: list[str | None]
    kinds: list[str | None]
    statuses: list[str | None]
    link_event: np.ndarray  # position in ``ids``, one per (event, live article)
    link_article: np.ndarray  # article position
    link_inferred: np.ndarray  # bool: any of the article's links to the event inferred


@dataclass(frozen=True)
class Snapshot:
    """Facts of the live articles at one corpus version."""

    # (corpus version, version the events were grouped at): events are regrouped without a bump
    stamp: tuple[int, int]
    ids: np.ndarray  # article ids, ascending
    sort_day: np.ndarray  # datetime64[D]; NaT when undated
    day: np.ndarray  # coverage day: published, else the meeting date (datetime64[D], NaT)
    outlet: np.ndarray  # code of the article's own outlet (its first copy's) into ``outlet_values``
    outlet_values: tuple[str | None, ...]
    # Per list filter of the filter table (corpus.filters, ``OneOf``): the (article, value) pairs
    # it matches on, e.g. "outlets": every outlet an article was stored under (its own and its
    # sources'), "cities": its primary meetings' cities.
    lists: dict[str, Pairs]
    n_figures: np.ndarray  # figure rows per article
    events: EventTable

    @property
    def size(self) -> int:
        return len(self.ids)

    @cached_property
    def months(self) -> tuple[np.ndarray, np.ndarray, list[str]]:
        """(whether an article has a coverage day, its month's code, the label of each code)."""
        return _periods(self.day.astype("datetime64[M]"), lambda first, n: [
            str(m) for m in np.arange(first, first + n, dtype=np.int64).astype("datetime64[M]")])

    @cached_property
    def weeks(self) -> tuple[np.ndarray, np.ndarray, list[str]]:
        """The same by ISO week, labelled by its Monday (1970-01-01 was a Thursday)."""
        days = self.day.astype(np.int64)
        mondays = (days - (days + 3) % 7).astype("datetime64[D]")
        mondays[np.isnat(self.day)] = np.datetime64("NaT")
        return _periods(mondays, lambda first, n: [
            str(d) for d in np.arange(first, first + 7 * n, 7, dtype=np.int64).astype("datetime64[D]")],
            step=7)

    def periods(self, granularity: str) -> tuple[np.ndarray, np.ndarray, list[str]]:
        return self.months if granularity == "month" else self.weeks

    def positions(self, article_ids: Any) -> np.ndarray:
        """Positions of those ``article_ids`` that are live articles (others dropped)."""
        pos, found = lookup(self.ids, article_ids)
        return pos[found]


def lookup(sorted_ids: np.ndarray, wanted: Any) -> tuple[np.ndarray, np.ndarray]:
    """(position in ``sorted_ids`` of each of ``wanted``, whether it is there at all)."""
    wanted = np.asarray(wanted, dtype=np.int64)
    if not len(sorted_ids):
        return np.zeros(len(wanted), dtype=np.int64), np.zeros(len(wanted), dtype=bool)
    pos = np.searchsorted(sorted_ids, wanted)
    pos[pos >= len(sorted_ids)] = 0
    return pos, sorted_ids[pos] == wanted


def _periods(starts: np.ndarray, labels: Any, step: int = 1) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Codes 0.. of the periods beginning at ``starts`` (NaT: none), counted from the first."""
    dated = ~np.isnat(starts)
    numbers = starts.astype(np.int64)
    if not dated.any():
        return dated, np.zeros(len(starts), dtype=np.int64), []
    first, last = int(numbers[dated].min()), int(numbers[dated].max())
    codes = np.where(dated, (numbers - first) // step, 0)
    return dated, codes, labels(first, (last - first) // step + 1)


UNDATED = -10**9  # a day number standing for NULL in the concatenated lists


def _concat(column: str, dialect: str) -> str:
    """An aggregate joining ``column`` (integers) of every row into one comma-separated text."""
    return f"group_concat({column})" if dialect == "sqlite" else f"string_agg(CAST({column} AS TEXT), ',')"


def _day_number(column: str, dialect: str) -> str:
    """Days since 1970-01-01 of a date column, ``UNDATED`` for NULL."""
    days = (f"CAST(julianday({column}) - 2440587.5 AS INTEGER)" if dialect == "sqlite"
            else f"({column} - DATE '1970-01-01')")
    return f"coalesce({days}, {UNDATED})"


def numbers(text: str | None) -> np.ndarray:
    """The integers of a comma-separated text (an aggregate of ``_concat``; None: none)."""
    return np.fromstring(text, dtype=np.int64, sep=",") if text else np.zeros(0, dtype=np.int64)


SEPARATOR = "\x1f"  # joins texts (topic keys, outlet names) of many rows in one text
NULL_TEXT = "\x1e"  # stands for NULL in such a joined text (the aggregates skip NULLs)


def _joined_texts(column: str, dialect: str) -> str:
    """An aggregate joining the text ``column`` of every row with ``SEPARATOR``, NULL as ``NULL_TEXT``."""
    value = f"coalesce({column}, '{NULL_TEXT}')"
    return (f"group_concat({value}, '{SEPARATOR}')" if dialect == "sqlite"
            else f"string_agg({value}, '{SEPARATOR}')")


def _factorized(text: str | None, rows: int) -> tuple[np.ndarray, list[str | None]] | None:
    """(code of each row, the distinct values) of a ``_joined_texts`` aggregate of ``rows`` rows;
    None when a value held the separator itself (the caller reads the rows one by one instead)."""
    parts = text.split(SEPARATOR) if text else []
    if len(parts) != rows:
        return None
    codes, values = pd.factorize(np.array(parts, dtype=object))
    return codes.astype(np.int64), [None if v == NULL_TEXT else str(v) for v in values]


def _factorized_rows(conn: sa.Connection, sql: str) -> tuple[np.ndarray, np.ndarray, list[str | None]]:
    """(ids, code of each row, the distinct values) of ``sql``'s (id, text) rows, read one by one."""
    rows = conn.exec_driver_sql(sql).fetchall()
    codes, values = pd.factorize(np.array([r[1] for r in rows], dtype=object), use_na_sentinel=False)
    return (np.array([r[0] for r in rows], dtype=np.int64), codes.astype(np.int64),
            [None if v is None or v != v else str(v) for v in values])


def _value_ids(conn: sa.Connection, column: str, table: str, where: str = "",
               id_column: str = "article_id") -> list[tuple[Any, np.ndarray]]:
    """(value of ``column``, the ``article_id`` of its rows) for each value (NULL included). The
    rows are read as two joined texts: no row per value, and no GROUP BY (in SQLite, grouping
    topics walks the topic index and visits every row: three times slower)."""
    d = conn.dialect.name
    ids_text, values_text = conn.exec_driver_sql(
        f"SELECT {_concat(id_column, d)}, {_joined_texts(column, d)} FROM {table} {where}").one()
    ids = numbers(ids_text)
    coded = _factorized(values_text, len(ids))
    if coded is None:  # a value holding the separator: the rows one by one
        ids, codes, values = _factorized_rows(conn, f"SELECT {id_column}, {column} FROM {table} {where}")
    else:
        codes, values = coded
    return [(value, ids[codes == code]) for code, value in enumerate(values)]


def _pairs(snap_ids: np.ndarray, groups: list[tuple[Any, np.ndarray]]) -> Pairs:
    """Pairs from each value's article ids (a value may come in several groups): dead articles and
    the NULL value dropped, each pair once."""
    by_value: dict[str, list[np.ndarray]] = {}
    for value, ids in groups:
        if value is not None:
            by_value.setdefault(str(value), []).append(ids)
    articles, codes = [], []
    for code, id_lists in enumerate(by_value.values()):
        pos, live = lookup(snap_ids, np.concatenate(id_lists))
        articles.append(_distinct(pos[live]))
        codes.append(np.full(len(articles[-1]), code, dtype=np.int64))
    if not by_value:
        return Pairs(np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), ())
    return Pairs(np.concatenate(articles), np.concatenate(codes), tuple(by_value))


def _distinct(values: np.ndarray) -> np.ndarray:
    """Each value once, ascending (a sort: faster here than ``np.unique``'s hashing)."""
    ordered = np.sort(values)
    keep = np.ones(len(ordered), dtype=bool)
    keep[1:] = ordered[1:] != ordered[:-1]
    return ordered[keep]


def _plain(column: str, dialect: str) -> str:
    """A date column as the driver returns it cheaply (ISO text in SQLite)."""
    return f"substr({column}, 1, 10)" if dialect == "sqlite" else column


def _days(numbers: np.ndarray) -> np.ndarray:
    days = numbers.astype("datetime64[D]")
    days[numbers == UNDATED] = np.datetime64("NaT")
    return days


def load_snapshot(conn: sa.Connection, stamp: tuple[int, int]) -> Snapshot:
    """Read the facts of the live articles (one consistent read: call inside a transaction)."""
    d = conn.dialect.name
    # One pass over the live articles (SQLite: its listing index alone), every column a joined text.
    id_text, sort_text, day_text, outlet_text = conn.exec_driver_sql(
        f"SELECT {_concat('id', d)}, {_concat(_day_number('sort_date', d), d)}, "
        f"{_concat(_day_number('coalesce(published, meeting_date)', d), d)}, {_joined_texts('outlet', d)} "
        "FROM articles WHERE removed_at IS NULL").one()
    ids = numbers(id_text)
    order = np.argsort(ids, kind="stable")
    snap_ids = ids[order]
    coded = _factorized(outlet_text, len(ids))
    if coded is None:  # an outlet name holding the separator: the rows one by one, in id order
        _, outlet_codes, outlet_values = _factorized_rows(
            conn, "SELECT id, outlet FROM articles WHERE removed_at IS NULL ORDER BY id")
    else:
        outlet_codes, outlet_values = coded[0][order], coded[1]
    own = [(value, snap_ids[outlet_codes == code]) for code, value in enumerate(outlet_values)]
    f_text, n_text = conn.exec_driver_sql(
        f"SELECT {_concat('article_id', d)}, {_concat('n', d)} FROM "
        "(SELECT article_id, count(*) AS n FROM figures GROUP BY article_id) AS f").one()
    n_figures = np.zeros(len(snap_ids), dtype=np.int64)
    pos, live = lookup(snap_ids, numbers(f_text))
    n_figures[pos[live]] = numbers(n_text)[live]
    return Snapshot(stamp=stamp, ids=snap_ids, sort_day=_days(numbers(sort_text)[order]),
                    day=_days(numbers(day_text)[order]), outlet=outlet_codes,
                    outlet_values=tuple(outlet_values), lists=_lists(conn, snap_ids, own), n_figures=n_figures,
                    events=_load_events(conn, snap_ids))


def _lists(conn: sa.Connection, snap_ids: np.ndarray, own_outlets: list[tuple[Any, np.ndarray]]) -> dict[str, Pairs]:
    """The pairs of every list filter of the filter table, from the columns its ``where`` names
    (the articles' own outlets are already read)."""
    out: dict[str, Pairs] = {}
    for row, where in facet_rows(Filters):
        groups: list[tuple[Any, np.ndarray]] = []
        for column in where.columns:
            table, name, extra = related_column(column)
            if table == "articles" and name == "outlet":
                groups += own_outlets
                continue
            condition = "" if not extra else "WHERE " + str(sa.and_(*extra).compile(
                dialect=conn.dialect, compile_kwargs={"literal_binds": True}))
            groups += _value_ids(conn, name, table, condition,
                                 id_column="id" if table == "articles" else "article_id")
        out[row.name] = _pairs(snap_ids, groups)
    return out


def _load_events(conn: sa.Connection, snap_ids: np.ndarray) -> EventTable:
    d = conn.dialect.name
    rows = conn.exec_driver_sql(f"SELECT id, {_plain('date', d)}, city, kind, status FROM events "
                                "ORDER BY id").fetchall()
    e_ids, dates, cities, kinds, statuses = ([list(c) for c in zip(*rows)] if rows else [[] for _ in range(5)])
    ev_ids = np.array(e_ids, dtype=np.int64)
    inferred_int = "CAST(inferred AS INTEGER)"
    l_event, l_article, l_inferred = (numbers(t) for t in conn.exec_driver_sql(
        f"SELECT {_concat('event_id', d)}, {_concat('article_id', d)}, {_concat(inferred_int, d)} "
        "FROM event_articles").one())
    ev, ev_found = lookup(ev_ids, l_event)
    art, art_found = lookup(snap_ids, l_article)
    ok = ev_found & art_found
    width = max(len(snap_ids), 1)
    key, inferred = ev[ok] * width + art[ok], l_inferred[ok].astype(bool)
    # One link per (event, article); inferred when any of the article's meetings in it is.
    order = np.lexsort((~inferred, key))
    key, inferred = key[order], inferred[order]
    first = np.ones(len(key), dtype=bool)
    first[1:] = key[1:] != key[:-1]
    key, inferred = key[first], inferred[first]
    return EventTable(ids=ev_ids, dates=[to_date(v) for v in dates], cities=list(cities), kinds=list(kinds),
                      statuses=list(statuses), link_event=key // width, link_article=key % width,
                      link_inferred=inferred)
