"""The URL codec as it was before the filters became one table (commit bd8986b), kept verbatim as
the reference the table-driven codec must agree with (tests/test_filters_table.py)."""
from __future__ import annotations

import datetime as dt
from typing import Mapping

import sqlalchemy as sa

from corpus.filters import Filters
from corpus.store import schema
from corpus.store.rows import to_date

KINDS = ("visit", "talks", "phone_call", "multilateral_summit", "other")
MAX_QUERY_LEN = 300
MAX_LIST_ITEMS = 50


# URL parameter names, short so links stay readable.
_PARAM = {"q": "q", "date_from": "from", "date_to": "to", "outlets": "outlet",
          "cities": "city", "kinds": "kind", "topics": "topic", "lang": "lang"}
_LIST_FIELDS = ("outlets", "cities", "kinds", "topics")


def encode(filters: Filters) -> dict[str, str | list[str]]:
    """Filters → query parameters; defaults are left out so links stay short."""
    params: dict[str, str | list[str]] = {}
    if filters.q:
        params["q"] = filters.q
    if filters.date_from:
        params["from"] = filters.date_from.isoformat()
    if filters.date_to:
        params["to"] = filters.date_to.isoformat()
    for name in _LIST_FIELDS:
        values = getattr(filters, name)
        if values:
            params[_PARAM[name]] = list(values)
    if filters.lang != "ar":
        params["lang"] = filters.lang
    return params


def _as_list(value: str | list[str] | tuple[str, ...] | None) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    # Lists travel as repeated parameters (?city=Baku&city=Moscow): names may contain commas.
    return [str(item).strip() for item in value if str(item).strip()]


def _parse_date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value.strip())
    except (ValueError, AttributeError):
        return None


def decode(params: Mapping[str, str | list[str]]) -> tuple[Filters, list[str]]:
    """Query parameters → (filters, names of the parameters that were ignored)."""
    ignored: list[str] = []
    known = set(_PARAM.values())
    ignored.extend(sorted(k for k in params if k not in known))

    def first(name: str) -> str | None:
        raw = params.get(name)
        if isinstance(raw, (list, tuple)):
            raw = raw[0] if raw else None
        return None if raw is None else str(raw)

    q = first("q") or ""
    if len(q) > MAX_QUERY_LEN or "\x00" in q:
        ignored.append("q")
        q = ""

    dates: dict[str, dt.date | None] = {}
    for name in ("date_from", "date_to"):
        raw = first(_PARAM[name])
        parsed = _parse_date(raw) if raw is not None else None
        if raw is not None and parsed is None:
            ignored.append(_PARAM[name])
        dates[name] = parsed
    if dates["date_from"] and dates["date_to"] and dates["date_from"] > dates["date_to"]:
        ignored.extend(["from", "to"])
        dates = {"date_from": None, "date_to": None}

    lists: dict[str, tuple[str, ...]] = {}
    for name in _LIST_FIELDS:
        values = _as_list(params.get(_PARAM[name]))
        if name == "kinds":
            bad = [v for v in values if v not in KINDS]
            if bad:
                ignored.append(_PARAM[name])
            values = [v for v in values if v in KINDS]
        if len(values) > MAX_LIST_ITEMS or any(len(v) > 200 for v in values):
            ignored.append(_PARAM[name])
            values = []
        lists[name] = tuple(dict.fromkeys(values))  # drop repeats, keep order

    lang = first("lang") or "ar"
    if lang not in ("ar", "en"):
        ignored.append("lang")
        lang = "ar"

    return Filters(q=q, date_from=dates["date_from"], date_to=dates["date_to"], outlets=lists["outlets"],
                   cities=lists["cities"], kinds=lists["kinds"], topics=lists["topics"], lang=lang), ignored


# The WHERE conditions as ``Queries._conditions`` built them before the table (commit bd8986b).

def legacy_conditions(filters: Filters | None) -> list[sa.ColumnElement]:
    A, S, M, T = schema.articles, schema.sources, schema.meetings, schema.topics
    conds: list[sa.ColumnElement] = [A.c.removed_at.is_(None)]
    if filters is None:
        return conds
    if filters.date_from:
        conds.append(A.c.sort_date >= filters.date_from)
    if filters.date_to:
        conds.append(A.c.sort_date <= filters.date_to)
    # Related rows as "id IN (their article ids)" (bd8986b wrote a correlated EXISTS; the speed work
    # changed the form, the brute-force tests in test_filters_store.py show the rows are the same).
    if filters.outlets:
        conds.append(sa.or_(A.c.outlet.in_(filters.outlets), A.c.id.in_(
            sa.select(S.c.article_id).where(S.c.outlet.in_(filters.outlets)))))
    if filters.cities:
        conds.append(A.c.id.in_(sa.select(M.c.article_id).where(M.c.primary.is_(True),
                                                                M.c.city.in_(filters.cities))))
    if filters.kinds:
        conds.append(A.c.id.in_(sa.select(M.c.article_id).where(M.c.primary.is_(True),
                                                                M.c.kind.in_(filters.kinds))))
    if filters.topics:
        conds.append(A.c.id.in_(sa.select(T.c.article_id).where(T.c.topic.in_(filters.topics))))
    return conds


# The facet count selects of ``Queries.facet_counts`` before the table (commit bd8986b), over the
# ids of the articles passing the other filters.

def legacy_facet_count_selects(ids: sa.Select) -> dict[str, sa.Select]:
    A, S, M, T = schema.articles, schema.sources, schema.meetings, schema.topics
    pairs = sa.union(sa.select(A.c.id.label("article_id"), A.c.outlet).where(A.c.id.in_(ids)),
                     sa.select(S.c.article_id, S.c.outlet).where(S.c.article_id.in_(ids))).subquery()
    out = {"outlets": sa.select(pairs.c.outlet, sa.func.count().label("n")).group_by(pairs.c.outlet)}
    for name, column in (("cities", M.c.city), ("kinds", M.c.kind)):
        out[name] = (sa.select(column, sa.func.count(sa.distinct(M.c.article_id)).label("n"))
                     .where(M.c.primary.is_(True), M.c.article_id.in_(ids)).group_by(column))
    out["topics"] = (sa.select(T.c.topic, sa.func.count(sa.distinct(T.c.article_id)).label("n"))
                     .where(T.c.article_id.in_(ids)).group_by(T.c.topic))
    return out


def legacy_facets(store) -> dict:
    """``Queries.facets`` before the table."""
    A, S, M, T = schema.articles, schema.sources, schema.meetings, schema.topics
    live = A.c.removed_at.is_(None)
    outlets = {r[0] for r in store._read(sa.select(A.c.outlet).where(live).distinct()) if r[0]}
    outlets |= {r[0] for r in store._read(sa.select(S.c.outlet).join(A, A.c.id == S.c.article_id)
                                          .where(live).distinct()) if r[0]}

    def meeting_values(col):
        rows = store._read(sa.select(col).join(A, A.c.id == M.c.article_id)
                           .where(live, M.c.primary.is_(True)).distinct())
        return sorted(r[0] for r in rows if r[0])
    topics = store._read(sa.select(T.c.topic).join(A, A.c.id == T.c.article_id).where(live).distinct())
    lo, hi = store._read(sa.select(sa.func.min(A.c.sort_date), sa.func.max(A.c.sort_date)).where(live))[0]
    return {"outlets": sorted(outlets), "cities": meeting_values(M.c.city),
            "kinds": meeting_values(M.c.kind), "topics": sorted(r[0] for r in topics),
            "min_date": to_date(lo), "max_date": to_date(hi)}
