"""The search's fast paths against their references: key strings tested without the index,
newest-first pages found from them, snippets from a window of the text, ``Store.search`` against
``Store.articles``."""
from __future__ import annotations

import datetime as dt
import random

import pytest

import corpus.snippets as snippets_module
from corpus.filters import Filters
from corpus.models import Extraction, RawDocument
from corpus.search import index_string, key_string_matcher, matches_keys, parse_query, text_keys
from corpus.snippets import find_hits, snippet
from corpus.store import Store, textsearch
from tests.test_search import VOCAB, _random_queries, _synthetic_docs


def test_key_string_matcher_equals_matches_keys():
    docs = _synthetic_docs(600, seed=23) + ["", "باكو", "بحر قزوين", "قزوين البحر"]
    queries = _random_queries(150, seed=31) + ['"البحر قزوين"', "-باكو", "باكو -باكو", "2023 OR ٢٠٢٣"]
    checked = 0
    for query in queries:
        parsed = parse_query(query)
        match = key_string_matcher(parsed)
        for doc in docs:
            keys = text_keys(doc)
            expected = matches_keys(parsed, keys)
            assert match(index_string(None, doc)) == expected, (query, doc)
            checked += expected
    assert checked > 1000  # many matches, not only misses


# Marks normalisation deletes or expands, letters it folds, other spaces: the window a snippet is
# built from must map back to the original exactly as the whole text's offsets do.
MARKED = ["الـطاقة", "الطّاقة", "وَالغَاز", "ﻻ", "ﷲ", "٢٠٢٣م", "RT", "İstanbul", "قزوين\u200c", "\u200fباكو",
          "بـ2023", "\u00a0", "\n", "،", "(لـ24)", "ـ", "ًً"]


def _marked_texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    words = VOCAB + MARKED
    return ["".join(rng.choice(words) + rng.choice([" ", " ", " ", "", "\n", "  "])
                    for _ in range(rng.randint(0, 400))) for _ in range(n)]


def test_snippet_from_a_window_equals_the_snippet_from_all_hits(monkeypatch):
    texts = _marked_texts(70, seed=4) + ["", " ", "باكو", "ﻻ باكو", " الـطاقة"]
    queries = _random_queries(20, seed=13) + ['"بحر قزوين"', "الطاقة", "2023", "rt", "istanbul", "باكو"]
    fast = [[snippet(parse_query(q), t, w) for q in queries for w in (110, 3)] for t in texts]
    monkeypatch.setattr(snippets_module, "_leading_hits", lambda q, t, w: find_hits(q, t))
    full = [[snippet(parse_query(q), t, w) for q in queries for w in (110, 3)] for t in texts]
    assert fast == full
    assert sum(any(hit for _, hit in s) for row in full for s in row) > 1500  # hits, not only openings


@pytest.fixture(params=["sqlite", "postgresql"])
def dated_store(request):
    """1,500 generated articles over a few days (ties, some undated), and the keys of each; the
    word ارشيف only in the oldest third (common, yet in none of the newest articles)."""
    url = request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "pg_url")
    store = Store(url)
    rng = random.Random(5)
    texts = _synthetic_docs(1500, seed=29)
    days = [None if rng.random() < 0.1 else f"2024-{rng.randint(1, 3):02d}-{rng.randint(1, 28):02d}"
            for _ in texts]
    texts = [f"{t} ارشيف" if d and d < "2024-02" else t for t, d in zip(texts, days)]
    results = store.add_articles([(RawDocument(f"d{i}.txt", t, "txt"), Extraction(clean_text=t, published=d))
                                  for i, (t, d) in enumerate(zip(texts, days))], who="test")
    keyed = {r.article_id: text_keys(t) for r, t in zip(results, texts)}
    day = {r.article_id: d for r, d in zip(results, days)}
    yield store, keyed, day
    store.close()


@pytest.mark.parametrize("scan_rows", [10**6, 40])
def test_newest_first_pages_from_key_strings_equal_the_sorted_scan(dated_store, monkeypatch, scan_rows):
    """Newest first, the page read from the newest articles' key strings (or from the index: when
    the rows read did not hold the page, ارشيف; when too many would be needed, ``scan_rows``
    small) is the scan's hits sorted by date, within other filters, at any offset; and
    ``Store.search`` gives the rows ``Store.articles`` does."""
    store, keyed, day = dated_store
    monkeypatch.setattr(textsearch, "RANK_MAX_MATCHES", 100)  # most queries newest first
    monkeypatch.setattr(textsearch, "NEWEST_SCAN_MAX_ROWS", scan_rows)
    paths = {"keys": 0, "index": 0}
    by_keys = textsearch.TextSearch._newest_by_keys

    def counted(self, *args):
        rows = by_keys(self, *args)
        paths["keys" if rows is not None else "index"] += 1
        return rows
    monkeypatch.setattr(textsearch.TextSearch, "_newest_by_keys", counted)

    def by_date(ids: set[int]) -> list[int]:
        return sorted(ids, key=lambda i: (day[i] is not None, day[i] or "", i), reverse=True)

    queries = ["بوتين", "الطاقة -النفط", "-الغاز", '"الرئيس بوتين"', "قزوين OR سوتشي", "باكو موسكو",
               "ارشيف", "ارشيف الطاقة", "ارشيف OR سوتشي"]
    queries += _random_queries(30, seed=41)
    newest = 0
    for n, query in enumerate(queries):
        parsed = parse_query(query)
        since = {0: None, 1: "2024-03-20", 2: "2024-02-01"}[n % 3]
        filters = Filters(q=query, date_from=dt.date.fromisoformat(since) if since else None)
        if store.search_order(filters) != "newest":
            continue
        newest += 1
        expected = by_date({i for i, keys in keyed.items() if matches_keys(parsed, keys)
                            and (since is None or (day[i] is not None and day[i] >= since))})
        for offset in (0, 7, 45):
            ranked, order = store._search_ids(parsed, store._conditions(filters), 20, offset)
            assert order == "newest" and [i for i, _ in ranked] == expected[offset:offset + 20], (query, offset)
        frame = store.articles(filters, limit=20, snippets=20)
        hits = store.search(query, filters, limit=20)
        assert [(h.article_id, h.score, h.snippet, h.order) for h in hits] == \
            list(zip(frame["id"], frame["score"], frame["snippet"], [frame.attrs["order"]] * len(frame))), query
    assert newest >= 10
    if scan_rows > 1000:
        assert paths["keys"] >= 10 and paths["index"] >= 3, paths  # ارشيف: the rows read hold no page
    else:
        assert paths["index"] >= 10, paths


def test_search_equals_the_articles_page_when_ranked(sqlite_url):
    store = Store(sqlite_url)
    texts = _synthetic_docs(300, seed=3)
    store.add_articles([(RawDocument(f"r{i}.txt", t, "txt"), Extraction(clean_text=t)) for i, t in enumerate(texts)],
                       who="test")
    for query in _random_queries(25, seed=8):
        if store.search_order(Filters(q=query)) != "relevance" or parse_query(query).is_empty:
            continue
        frame = store.articles(Filters(q=query), limit=10, snippets=10)
        hits = store.search(query, limit=10)
        assert [(h.article_id, h.score, h.snippet) for h in hits] == \
            list(zip(frame["id"], frame["score"], frame["snippet"])), query


def test_share_of_matches_follows_the_pages_read_not_the_ids_on_postgresql(pg_url, monkeypatch):
    """PostgreSQL lists a GIN index's matches part by part of search_index, each in its pages'
    order, which is not the id order once rows are rewritten: the share the capped count reports
    (and so the choice of the newest-first page from the newest articles) must not depend on it.
    Here the index rows are laid out newest first; a word in every article still counts as a
    share of about 1, and one in every other article as about a half."""
    monkeypatch.setattr(textsearch, "RANK_MAX_MATCHES", 100)
    store = Store(pg_url)
    texts = [f"{'باكو' if i % 2 else 'موسكو'} سوتشي {t}" for i, t in enumerate(_synthetic_docs(600, seed=7))]
    store.add_articles([(RawDocument(f"s{i}.txt", t, "txt"), Extraction(clean_text=t)) for i, t in enumerate(texts)],
                       who="test")
    with store.engine.begin() as conn:
        conn.exec_driver_sql("CREATE TEMP TABLE moved AS SELECT * FROM search_index")
        conn.exec_driver_sql("DELETE FROM search_index")
        conn.exec_driver_sql("INSERT INTO search_index SELECT * FROM moved ORDER BY article_id DESC")
    with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql("VACUUM FULL search_index")
        conn.exec_driver_sql("ANALYZE search_index")
        first, largest = conn.exec_driver_sql("SELECT (SELECT article_id FROM search_index_p0 ORDER BY ctid LIMIT 1), "
                                              "(SELECT max(article_id) FROM search_index_p0)").one()
    assert first == largest  # the layout the test is about: the newest articles on the first page
    every, half = store._matches(parse_query("سوتشي")), store._matches(parse_query("باكو"))
    assert every.order == half.order == "newest" and every.n == half.n == 101
    assert every.share > 0.8 and 0.3 < half.share < 0.7, (every, half)
    paths = []
    by_keys = textsearch.TextSearch._newest_by_keys
    monkeypatch.setattr(textsearch.TextSearch, "_newest_by_keys",
                        lambda self, *args: paths.append(by_keys(self, *args)) or paths[-1])
    hits = store.search("سوتشي", limit=20)
    assert [h.article_id for h in hits] == list(range(600, 580, -1)) and paths[0] is not None
    store.close()
