"""Page-shaped reads (``corpus.store.pagereads``) equal the plain reads they replace.

The Figures page reads ``figure_page``: its rows must be ``figures(filters, limit)``, its total
``count_figures(filters)`` and its article count ``count(filters)``, for every filter and limit,
on a store of real articles (the shared sets), and after a write (the index follows the version).
The filter bar's counts (``Store.tally(filters).facet_counts()``, in memory) must equal the SQL of
``Queries.facet_counts``.
"""
from __future__ import annotations

import datetime as dt
import itertools

import numpy as np
import pytest

from corpus.filters import Filters
from corpus.ingest import ingest_paths
from corpus.models import Extraction, Figure, Meeting, RawDocument
from corpus.store import Store
from corpus.store.pagereads import FigureIndex, newest_quoting
from corpus.store.queries import Queries

LIMITS = (1, 2, 3, 7, 50, 2000)


@pytest.fixture(scope="module")
def real_store(request):
    """Every article of the shared sets (devset, devset2, seeds), in memory."""
    dirs = [request.getfixturevalue(name) for name in ("devset_dir", "devset2_dir", "seeds_dir")]
    store = Store("sqlite://")
    ingest_paths(store, [d / "articles" if (d / "articles").is_dir() else d for d in dirs], "test")
    yield store
    store.close()


def _filter_sets(store: Store) -> list[Filters]:
    """No filter, each value of each list filter, a few words, dates and combinations."""
    facets = store.facets()
    out = [Filters()]
    out += [Filters(kinds=(k,)) for k in facets["kinds"]]
    out += [Filters(cities=(c,)) for c in facets["cities"]]
    out += [Filters(topics=(t,)) for t in facets["topics"][:4]]
    out += [Filters(outlets=(o,)) for o in facets["outlets"][:4]]
    out += [Filters(q=q) for q in ("بوتين", "باكو", "التبادل التجاري", "-موسكو", "كلمةلاتوجد")]
    lo, hi = facets["min_date"], facets["max_date"]
    if lo and hi:
        middle = lo + (hi - lo) / 2
        out += [Filters(date_from=middle), Filters(date_to=middle)]
    if facets["kinds"] and facets["cities"]:
        out.append(Filters(q="بوتين", kinds=(facets["kinds"][0],), cities=tuple(facets["cities"][:2])))
    return out


def _assert_page_equals_plain_reads(store: Store, filters: Filters, limit: int) -> None:
    page = store.figure_page(filters, limit=limit)
    plain = store.figures(filters, limit=limit)
    assert page.rows.equals(plain), (filters, limit)
    assert page.total == store.count_figures(filters) == len(store.figures(filters))
    assert page.n_articles == store.count(filters)


def test_figure_page_equals_the_plain_reads_on_real_articles(real_store):
    sets = _filter_sets(real_store)
    assert real_store.count_figures() > 20  # the sets quote figures: the comparison means something
    assert any(0 < real_store.count_figures(f) < real_store.count_figures() for f in sets)
    for filters, limit in itertools.product(sets, LIMITS):
        _assert_page_equals_plain_reads(real_store, filters, limit)


def test_figure_page_follows_removal_and_restoring(real_store):
    newest = int(real_store.figure_page(Filters(), limit=1).rows["article_id"].iloc[0])
    before = real_store.figure_page(Filters(), limit=5)
    real_store.remove_article(newest, "test")
    try:
        after = real_store.figure_page(Filters(), limit=5)
        assert newest not in set(after.rows["article_id"])
        assert after.total < before.total and after.n_articles == before.n_articles - 1
        _assert_page_equals_plain_reads(real_store, Filters(), 5)
    finally:
        real_store.restore_article(newest, "test")
    assert real_store.figure_page(Filters(), limit=5).rows.equals(before.rows)


def _combined_filter_sets(store: Store) -> list[Filters]:
    """Single filters and pairs of them (a list's counts depend on the other lists' choices)."""
    facets = store.facets()
    singles = _filter_sets(store)
    pairs = [Filters(kinds=(k,), topics=(t,), outlets=tuple(facets["outlets"][:2]))
             for k in facets["kinds"] for t in facets["topics"][:3]]
    pairs += [Filters(q="بوتين", cities=(c,), topics=tuple(facets["topics"][:2])) for c in facets["cities"]]
    return singles + pairs


def test_facet_counts_equal_the_sql_reference_on_real_articles(real_store):
    sets = _combined_filter_sets(real_store)
    assert len(real_store.facets()["topics"]) > 2 and len(real_store.facets()["kinds"]) > 1
    seen = set()
    for filters in sets:
        counts = real_store.tally(filters).facet_counts()
        assert counts == Queries.facet_counts(real_store, filters), filters
        seen.add(repr(counts))
    assert len(seen) > 5  # the filters change the counts: the comparison covers more than one case


def test_facet_counts_follow_removal(real_store):
    article_id = int(real_store.articles(Filters(), limit=1)["id"].iloc[0])
    before = real_store.tally(Filters()).facet_counts()
    real_store.remove_article(article_id, "test")
    try:
        after = real_store.tally(Filters()).facet_counts()
        assert after == Queries.facet_counts(real_store, Filters()) and after != before
    finally:
        real_store.restore_article(article_id, "test")
    assert real_store.tally(Filters()).facet_counts() == before


def test_newest_quoting_takes_articles_until_the_limit_is_covered():
    index = FigureIndex(1, np.array([9, 7, 5, 3, 1]), np.array([2, 1, 3, 1, 4]))
    assert newest_quoting(index, np.array([1, 3, 5, 7, 9]), 3) == ([9, 7], 11)
    assert newest_quoting(index, np.array([1, 3, 5, 7, 9]), 4) == ([9, 7, 5], 11)
    assert newest_quoting(index, np.array([5, 1, 8]), 3) == ([5], 7)  # 8 quotes nothing
    assert newest_quoting(index, np.array([], dtype=np.int64), 3) == ([], 0)


def _add(store: Store, i: int, published: str | None, figures: list[Figure], kind: str) -> None:
    ex = Extraction(title=f"عنوان {i}", outlet="RT Arabic", published=published, language="ar",
                    meetings=[Meeting(date=published, city="Baku", kind=kind, status="held",
                                      evidence="جملة", date_basis="explicit", primary=True)],
                    figures=figures, topics=[], clean_text=f"نص {i} بوتين", provenance={})
    store.add_article(RawDocument(f"{i}.txt", f"نص {i} بوتين", "txt", "utf-8"), ex, "tester")


def test_page_reads_on_both_databases_with_undated_and_tied_articles(db_url):
    """Undated articles sort last and same-day articles by id, as ``figures`` orders them."""
    store = Store(db_url)
    try:
        day = dt.date(2024, 5, 1).isoformat()
        for i, (published, n, kind) in enumerate([(day, 2, "talks"), (None, 3, "visit"), (day, 1, "visit"),
                                                  ("2023-01-01", 2, "talks"), (None, 1, "talks")]):
            _add(store, i, published, [Figure(f"{j + 1} مليار دولار", (j + 1) * 1e9, None, "USD", "trade_turnover",
                                              "exact", "2023", "جملة") for j in range(n)], kind)
        for filters in (Filters(), Filters(kinds=("visit",)), Filters(q="بوتين", kinds=("talks",))):
            for limit in (1, 2, 3, 4, 6, 9, 20):
                _assert_page_equals_plain_reads(store, filters, limit)
            assert store.tally(filters).facet_counts() == Queries.facet_counts(store, filters)
    finally:
        store.close()
