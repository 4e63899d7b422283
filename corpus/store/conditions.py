"""The filter table's ``Where`` entries as SQL: the WHERE clause of a ``Filters``, the values a
``OneOf`` filter offers, and the (article, value) pairs its facet counts count.

Columns are named "table.column" (``corpus.filterspec``): ``articles`` is the article's own row, the
others are rows joined to it by ``article_id`` (``main_meeting``: its primary meeting only).
The text query (``TextMatch``) is matched by ``textsearch``, not here.
"""
from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from ..filters import Filters, rows_of
from ..filterspec import Compare, FilterRow, OneOf
from . import schema

A = schema.articles
LIVE = A.c.removed_at.is_(None)
# Tables joined to an article by ``article_id``, with the condition their rows must meet.
RELATED: dict[str, tuple[sa.Table, tuple[Any, ...]]] = {
    "sources": (schema.sources, ()),
    "main_meeting": (schema.meetings, (schema.meetings.c.primary.is_(True),)),
    "topics": (schema.topics, ()),
}


def _split(column: str) -> tuple[str, str]:
    table, _, name = column.partition(".")
    if table != "articles" and table not in RELATED:
        raise ValueError(f"unknown filter table {table!r} in {column!r}")
    return table, name


def related_column(column: str) -> tuple[str, str, tuple[Any, ...]]:
    """("table", "column", conditions its rows must meet) of a filter column: "main_meeting.city"
    is the meetings table's city over primary meetings only."""
    table, name = _split(column)
    if table == "articles":
        return A.name, name, ()
    rel, extra = RELATED[table]
    return rel.name, name, extra


def _one_of(column: str, values: tuple[Any, ...]) -> Any:
    table, name = _split(column)
    if table == "articles":
        return A.c[name].in_(values)
    rel, extra = RELATED[table]
    # "id IN (the related rows' article ids)", not a correlated EXISTS per article: SQLite builds
    # the id set once, several times faster over 100k articles (same rows).
    return A.c.id.in_(sa.select(rel.c.article_id).where(*extra, rel.c[name].in_(values)))


def row_condition(row: FilterRow, value: Any) -> Any | None:
    """The condition of one row at ``value`` (None: no condition — its default, or not SQL here)."""
    if value == row.default:
        return None
    where = row.where
    if isinstance(where, Compare):
        table, name = _split(where.column)
        if table != "articles":
            raise ValueError(f"Compare works on the articles' own columns, not {where.column!r}")
        column = A.c[name]
        return column >= value if where.op == ">=" else column <= value
    if isinstance(where, OneOf):
        parts = [_one_of(column, tuple(value)) for column in where.columns]
        return parts[0] if len(parts) == 1 else sa.or_(*parts)
    return None  # TextMatch (the search index) or None (does not narrow)


def filter_conditions(filters: Filters | None) -> list[Any]:
    """The WHERE conditions of the live articles passing ``filters`` (its text query aside)."""
    conds: list[Any] = [LIVE]
    if filters is None:
        return conds
    for row in rows_of(type(filters)):
        cond = row_condition(row, getattr(filters, row.name))
        if cond is not None:
            conds.append(cond)
    return conds


def facet_rows(cls: type[Filters]) -> list[tuple[FilterRow, OneOf]]:
    """The rows whose options come from the corpus, with counts: the ``OneOf`` filters (and their
    ``where``)."""
    return [(row, row.where) for row in rows_of(cls) if isinstance(row.where, OneOf)]


def _pairs_of(column: str, ids: Any) -> tuple[Any, Any, tuple[Any, ...]]:
    """(article id column, value column, conditions) of ``column`` for the articles ``ids``."""
    table, name = _split(column)
    if table == "articles":
        return A.c.id, A.c[name], (A.c.id.in_(ids),)
    rel, extra = RELATED[table]
    return rel.c.article_id, rel.c[name], (*extra, rel.c.article_id.in_(ids))


def value_counts_select(where: OneOf, ids: Any) -> Any:
    """Select (value, n): how many of the articles ``ids`` have each value in any of the columns
    (an article counts once per value)."""
    parts = [_pairs_of(column, ids) for column in where.columns]
    if len(parts) == 1:
        article_id, value, conds = parts[0]
        return (sa.select(value, sa.func.count(sa.distinct(article_id)).label("n"))
                .where(*conds).group_by(value))
    value_name = where.columns[0].partition(".")[2]
    pairs = sa.union(*(sa.select(article_id.label("article_id"), value.label(value_name)).where(*conds)
                       for article_id, value, conds in parts)).subquery()
    return sa.select(pairs.c[value_name], sa.func.count().label("n")).group_by(pairs.c[value_name])


def live_values_selects(where: OneOf) -> list[Any]:
    """Selects of the distinct values of the columns over the live articles."""
    out = []
    for column in where.columns:
        table, name = _split(column)
        if table == "articles":
            out.append(sa.select(A.c[name]).where(LIVE).distinct())
        else:
            rel, extra = RELATED[table]
            out.append(sa.select(rel.c[name]).join(A, A.c.id == rel.c.article_id).where(LIVE, *extra).distinct())
    return out


def value_ids_selects(where: OneOf, dialect: str) -> list[Any]:
    """Selects of (value, its article ids joined by commas) whose union is what a ``OneOf`` filter
    matches on (as ``row_condition``), for the in-memory facet index: one row per value, far
    fewer rows to turn into Python objects than (article, value) pairs. Removed articles are in
    (the index leaves them out)."""
    def grouped(value: Any, article_id: Any, *extra: Any) -> Any:
        ids = (sa.func.group_concat(article_id, ",") if dialect == "sqlite"
               else sa.func.string_agg(sa.cast(article_id, sa.Text), ","))
        return sa.select(value, ids).where(*extra).group_by(value)

    selects = []
    for column in where.columns:
        table, name = _split(column)
        if table == "articles":
            selects.append(grouped(A.c[name], A.c.id))
        else:
            rel, extra = RELATED[table]
            selects.append(grouped(rel.c[name], rel.c.article_id, *extra))
    return selects
