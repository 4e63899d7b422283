"""The filter table's SQL against a brute-force filter over the rows, on a small real store (the
devset's articles, one more copy of an article under another outlet, one article removed), on
SQLite and PostgreSQL: the articles listed, their count, the facets and the facet counts.

The reference reads the tables whole and applies each filter in Python. A text query is the one
part it does not redo: its matches are the store's search alone (tests/test_search.py checks that
against a scan), intersected with the other filters here.
"""
from __future__ import annotations

import datetime as dt
import json
import random
from dataclasses import dataclass, field, replace
from pathlib import Path

import pytest
import sqlalchemy as sa

from corpus.filters import Filters
from corpus.ingest import ingest_bytes, ingest_paths
from corpus.store import Store, schema
from corpus.store.rows import to_date
from filters_legacy import legacy_facets

LISTS = ("outlets", "cities", "kinds", "topics")
QUERIES = ("بوتين", "الغاز", "باكو", "علييف -موسكو")


@dataclass
class Row:
    """What the filters look at in one article."""
    live: bool
    sort_date: dt.date | None
    outlets: set[str] = field(default_factory=set)  # its own outlet and its sources'
    cities: set[str] = field(default_factory=set)  # of its primary meeting(s)
    kinds: set[str] = field(default_factory=set)
    topics: set[str] = field(default_factory=set)


def read_rows(store: Store) -> dict[int, Row]:
    A, S, M, T = schema.articles, schema.sources, schema.meetings, schema.topics
    with store.engine.connect() as conn:
        rows = {r.id: Row(r.removed_at is None, to_date(r.sort_date), {r.outlet} - {None})
                for r in conn.execute(sa.select(A.c.id, A.c.removed_at, A.c.sort_date, A.c.outlet))}
        for r in conn.execute(sa.select(S.c.article_id, S.c.outlet)):
            rows[r.article_id].outlets |= {r.outlet} - {None}
        for r in conn.execute(sa.select(M.c.article_id, M.c.city, M.c.kind, M.c.primary)):
            if r.primary:
                rows[r.article_id].cities |= {r.city} - {None}
                rows[r.article_id].kinds |= {r.kind} - {None}
        for r in conn.execute(sa.select(T.c.article_id, T.c.topic)):
            rows[r.article_id].topics.add(r.topic)
    return rows


def passes(row: Row, f: Filters) -> bool:
    if not row.live:
        return False
    if f.date_from and not (row.sort_date and row.sort_date >= f.date_from):
        return False
    if f.date_to and not (row.sort_date and row.sort_date <= f.date_to):
        return False
    return all(not getattr(f, name) or getattr(row, name) & set(getattr(f, name)) for name in LISTS)


def brute_ids(rows: dict[int, Row], f: Filters, matched: dict[str, set[int]]) -> set[int]:
    ids = {i for i, row in rows.items() if passes(row, f)}
    return ids & matched[f.q] if f.q else ids


def random_filters(rng: random.Random, facets: dict, days: list[dt.date]) -> Filters:
    def some(name: str) -> tuple[str, ...]:
        if rng.random() < 0.55:
            return ()
        pool = list(facets[name]) + ["Nowhere"]
        return tuple(rng.sample(pool, rng.randint(1, min(3, len(pool)))))
    date_from = rng.choice(days) if rng.random() < 0.35 else None
    date_to = rng.choice(days) if rng.random() < 0.35 else None
    if date_from and date_to and date_from > date_to:
        date_from, date_to = date_to, date_from
    return Filters(q=rng.choice(QUERIES) if rng.random() < 0.25 else "", date_from=date_from, date_to=date_to,
                   **{name: some(name) for name in LISTS})


@pytest.fixture
def real_store(db_url, devset_dir: Path):
    store = Store(db_url)
    paths = sorted((devset_dir / "articles").glob("*.txt"))
    results = ingest_paths(store, paths, who="tester")
    added = [r.article_id for r in results if r.status == "added"]
    assert len(added) >= 15, results
    # One more copy of an article under another outlet (a source of the first), one article removed.
    copy = {"text": paths[0].read_text(encoding="utf-8"), "outlet": "Mirror Outlet", "published": "2020-01-01"}
    again = ingest_bytes(store, "copy.jsonl", json.dumps(copy, ensure_ascii=False).encode("utf-8"))
    assert [r.status for r in again] == ["source_added"], again
    assert store.remove_article(added[-1], who="tester")
    yield store
    store.close()


def test_filters_agree_with_a_brute_force_filter_over_the_rows(real_store):
    store = real_store
    rows = read_rows(store)
    facets = store.facets()
    assert facets == legacy_facets(store)
    live = [r for r in rows.values() if r.live]
    for name in LISTS:
        assert facets[name] == sorted(set().union(*(getattr(r, name) for r in live))), name
    assert "Mirror Outlet" in facets["outlets"] and any(not r.live for r in rows.values())
    matched = {q: set(store.articles(Filters(q=q))["id"]) for q in QUERIES}
    assert all(matched.values())
    days = sorted({r.sort_date for r in live if r.sort_date})
    rng = random.Random(20261207)
    cases = [Filters(), Filters(outlets=("Mirror Outlet",)), Filters(date_from=days[len(days) // 2])]
    cases += [random_filters(rng, facets, days) for _ in range(60)]
    nonempty = 0
    for f in cases:
        expected = brute_ids(rows, f, matched)
        nonempty += bool(expected) and not f.is_empty()
        assert set(store.articles(f)["id"]) == expected, f
        assert store.count(f) == len(expected), f
        counts = store.facet_counts(f)
        for name in LISTS:
            want = {value: len(brute_ids(rows, replace(f, **{name: (value,)}), matched))
                    for value in facets[name]}
            assert counts[name] == {v: n for v, n in want.items() if n}, (f, name)
    assert nonempty >= 20  # the cases do narrow to something most of the time
