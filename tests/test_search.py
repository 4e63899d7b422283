"""Search: query syntax, Arabic-aware keys, snippets, and the same results on SQLite and PostgreSQL."""
from __future__ import annotations

import datetime as dt
import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.filters import Filters
from corpus.models import Extraction, RawDocument
from corpus.search import (Term, brute_force, fts5_exclusion, fts5_match, matches, matches_keys,
                           parse_query, text_keys, ts_exclusion, tsquery, tsvector_literal)
from corpus.snippets import find_hits, kwic_lines, snippet
from corpus.store import Store

# --- keys: the same key for the forms a reader considers the same word ---------------------

SAME_KEY = [
    ("الطاقة", "والطاقة"),
    ("الطاقة", "طاقة"),
    ("علاقة", "العلاقات"),
    ("علاقة", "بالعلاقة"),
    ("آذار", "اذار"),
    ("أذار", "آذار"),
    ("٢٠٢٣", "2023"),
    ("۲۰۲۳", "2023"),
    ("مستشفى", "مستشفي"),
    ("المُفاوضات", "المفاوضات"),
    ("الاستثمارات", "استثمار"),
    ("المهندسين", "مهندس"),
    ("RT", "rt"),
]


@pytest.mark.parametrize("a,b", SAME_KEY)
def test_variants_share_a_key(a, b):
    assert text_keys(a) == text_keys(b)


@pytest.mark.parametrize("text,keys", [
    ("في عام 2024م", ["في", "عام", "2024", "م"]),
    ("لـ24 ساعة", ["ل", "24", "ساع"]),
    ("4.5 مليار", ["4", "5", "مليار"]),
    ("", []),
])
def test_text_keys_split_digits_from_letters(text, keys):
    assert text_keys(text) == keys


# --- query syntax ----------------------------------------------------------------------------

def _keys(terms):
    return [t.keys for t in terms]


def test_implicit_and():
    q = parse_query("الطاقة باكو")
    assert [_keys(c) for c in q.clauses] == [[("طاق",)], [("اكو",)]]
    assert q.excluded == ()


def test_phrase_and_exclusion():
    q = parse_query('"الغاز الطبيعي" -النفط')
    assert [_keys(c) for c in q.clauses] == [[("غاز", "طبيعي")]]
    assert _keys(q.excluded) == [("نفط",)]


def test_excluded_phrase():
    q = parse_query('قمة -"البحر الأسود"')
    assert _keys(q.excluded) == [("بحر", "اسود")]


@pytest.mark.parametrize("text", ["باكو OR موسكو", "باكو or موسكو", "باكو أو موسكو", "باكو او موسكو"])
def test_or_in_latin_and_arabic(text):
    q = parse_query(text)
    assert [_keys(c) for c in q.clauses] == [[("اكو",), ("موسكو",)]]


def test_or_binds_tighter_than_and():
    q = parse_query("قمة باكو OR موسكو")
    assert [_keys(c) for c in q.clauses] == [[("قمه",)], [("اكو",), ("موسكو",)]]


@pytest.mark.parametrize("text", ["", "   ", "OR", "أو", "% _ *", '"', "-", "()", "\x00"])
def test_queries_without_words_are_empty(text):
    assert parse_query(text).is_empty


@pytest.mark.parametrize("text", [
    "'; DROP TABLE articles; --", 'NEAR(a b) AND "x', "col:val ^start *", "a%b_c", "\\' OR 1=1",
])
def test_metacharacters_become_plain_words(text):
    q = parse_query(text)
    for clause in q.clauses:
        for term in clause:
            assert all(re.fullmatch(r"[^\W_]+", k) for k in term.keys)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_parse_never_raises_and_emits_only_safe_syntax(text):
    q = parse_query(text)
    for s in (fts5_match(q), fts5_exclusion(q)):
        if s:
            # Only quoted alphanumeric keys, spaces, parentheses and the operators we add.
            assert re.fullmatch(r'(\(|\)|"[^\W_]+( [^\W_]+)*"| OR | AND )+', s), s
    for s in (tsquery(q), ts_exclusion(q)):
        if s:
            assert re.fullmatch(r"(\(|\)|'[^\W_]+'| <-> | \| | & )+", s), s


def test_tsvector_literal_positions():
    assert tsvector_literal("طاق اكو طاق") == "'طاق':1,3 'اكو':2"


# --- matching, hits and snippets -------------------------------------------------------------

MATCH_CASES = [
    ("علاقة", "تتطور العلاقات بين البلدين", True),
    ("الطاقة", "وبحث الجانبان التعاون والطاقة", True),
    ('"الطاقة النووية"', "مشروع للطاقة النووية في البلاد", True),
    ('"الطاقة النووية"', "النووية مشاريع الطاقة", False),
    ("الغاز -النفط", "صادرات الغاز والنفط", False),
    ("الغاز -النفط", "صادرات الغاز ارتفعت", True),
    ("باكو OR موسكو", "وصل الرئيس إلى موسكو", True),
    ("باكو OR موسكو", "وصل الرئيس إلى أنقرة", False),
    ("آذار", "في أذار الماضي", True),
    ("2023", "في عام ٢٠٢٣ ارتفع", True),
    ("-الحرب", "أي نص بلا الكلمة", True),
]


@pytest.mark.parametrize("query,text,expected", MATCH_CASES)
def test_reference_matching(query, text, expected):
    assert matches(parse_query(query), text) is expected


def test_hits_land_on_the_original_text():
    text = "قالَ الرئيسُ إنّ العلاقاتِ تتطوّر، وإن العلاقة قوية."
    hits = find_hits(parse_query("علاقة"), text)
    assert [text[h.start:h.end] for h in hits] == ["العلاقاتِ", "العلاقة"]


def test_phrase_hit_covers_both_words():
    text = "افتتح مشروع الطاقة النووية أمس"
    hits = find_hits(parse_query('"الطاقة النووية"'), text)
    assert [text[h.start:h.end] for h in hits] == ["الطاقة النووية"]


def test_snippet_marks_hits_and_keeps_original_spelling():
    text = "بدأ الاجتماع صباحاً. " * 20 + "وناقش الطرفان إمدادات الغاز إلى أوروبا. " + "ثم انتهى. " * 20
    segments = snippet(parse_query("الغاز"), text, width=40)
    assert ("الغاز", True) in segments
    assert segments[0] == ("…", False) and segments[-1] == ("…", False)
    assert sum(len(s) for s, _ in segments) < 160


def test_snippet_without_hits_is_the_opening():
    segments = snippet(parse_query("-الحرب"), "نص قصير")
    assert segments == [("نص قصير", False)]


def test_kwic_lines():
    lines = kwic_lines(parse_query("باكو"), "زار الرئيس باكو أمس", width=5)
    assert lines == [("رئيس ", "باكو", " أمس")]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["الطاقة", "والعلاقات", "بِباكو", "2023", "،", "أذار", "x"]),
                max_size=12), st.sampled_from(["طاقة", "علاقة", "باكو", "٢٠٢٣", "آذار"]))
def test_hits_are_exactly_the_matching_words(words, word):
    text = " ".join(words)
    q = parse_query(word)
    hits = find_hits(q, text)
    assert bool(hits) == matches(q, text)
    for h in hits:
        assert tuple(text_keys(text[h.start:h.end])) in q.clauses[0][0].variants


# --- the databases ---------------------------------------------------------------------------

DOCS = [
    "تتطور العلاقات الروسية الأذربيجانية في مجال الطاقة",
    "وبحث الجانبان التعاون والطاقة المتجددة في باكو",
    "مشروع للطاقة النووية قرب موسكو",
    "صادرات الغاز والنفط ارتفعت في آذار ٢٠٢٣",
    "صادرات الغاز ارتفعت في عام 2023",
    "قال التقرير إن 50% من الشركات تعمل في مجال النقل",
]

DB_CASES = [
    ("علاقة", {0}),
    ("الطاقة", {0, 1, 2}),
    ('"الطاقة النووية"', {2}),
    ("الغاز -النفط", {4}),
    ("باكو OR موسكو", {1, 2}),
    ("باكو أو موسكو الطاقة", {1, 2}),
    ("اذار", {3}),
    ("2023", {3, 4}),
    ("٢٠٢٣ الغاز", {3, 4}),
    ("-الغاز", {0, 1, 2, 5}),
    ("50%", {5}),
    ("'; DROP TABLE articles; --", set()),
    ("الطاقة' OR '1'='1", {0, 1, 2}),  # a real OR of الطاقة and the phrase "1 1"
    ("%", None),  # no words: no text restriction
    ('NEAR("الطاقة" المتجددة)', set()),  # NEAR("الطاقة" is the phrase "near الطاقة"
    ("articles_fts:الطاقة", set()),
]


def _fill(url: str) -> tuple[Store, dict[int, int]]:
    store = Store(url)
    ids = {}
    for i, text in enumerate(DOCS):
        result = store.add_article(RawDocument(f"d{i}.txt", text, "txt"),
                                   Extraction(clean_text=text), "test")
        ids[result.article_id] = i
    return store, ids


def test_database_search(db_url):
    store, ids = _fill(db_url)
    for query, expected in DB_CASES:
        found = {ids[i] for i in store.articles(Filters(q=query))["id"]}
        assert found == (set(range(len(DOCS))) if expected is None else expected), query
    assert store.count() == len(DOCS)  # nothing was injected


def test_search_api_and_snippets(db_url):
    store, ids = _fill(db_url)
    hits = store.search("الطاقة", limit=2)
    assert len(hits) == 2
    assert all(any(is_hit for _, is_hit in h.snippet) for h in hits)
    assert store.search("%") == []


def test_same_results_on_sqlite_and_postgresql(sqlite_url, pg_url):
    lite, lite_ids = _fill(sqlite_url)
    pg, pg_ids = _fill(pg_url)
    for query, _ in DB_CASES:
        a = {lite_ids[i] for i in lite.articles(Filters(q=query))["id"]}
        b = {pg_ids[i] for i in pg.articles(Filters(q=query))["id"]}
        assert a == b, query


VOCAB = ["العلاقات", "علاقة", "والطاقة", "الطاقة", "طاقة", "النووية", "باكو", "بموسكو", "موسكو",
         "الغاز", "والنفط", "النفط", "آذار", "أذار", "اذار", "٢٠٢٣", "2023", "الرئيس", "بوتين",
         "علييف", "الشركات", "شركة", "المشروعات", "التجارة", "التجاري", "القمة", "سوتشي", "لـ24",
         "الاستثمار", "استثمارات", "النقل", "الممر", "البحر", "قزوين", "اتفاقية", "الاتفاقيات"]


def _synthetic_docs(n: int, seed: int = 11) -> list[str]:
    rng = random.Random(seed)
    return [" ".join(rng.choice(VOCAB) for _ in range(rng.randint(4, 14))) + f" وثيقة{i}"
            for i in range(n)]


def _random_queries(n: int, seed: int = 5) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        parts = []
        for _ in range(rng.randint(1, 3)):
            roll = rng.random()
            a, b = rng.choice(VOCAB), rng.choice(VOCAB)
            if roll < 0.2:
                parts.append(f'"{a} {b}"')
            elif roll < 0.4:
                parts.append(f"-{a}")
            elif roll < 0.6:
                parts.append(f"{a} {rng.choice(['OR', 'أو'])} {b}")
            else:
                parts.append(a)
        out.append(" ".join(parts))
    return out


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_database_agrees_with_brute_force_scan(backend, request):
    url = request.getfixturevalue("sqlite_url" if backend == "sqlite" else "pg_url")
    store = Store(url)
    texts = _synthetic_docs(2000)
    results = store.add_articles([(RawDocument(f"s{i}.txt", t, "txt"), Extraction(clean_text=t))
                                  for i, t in enumerate(texts)], who="test")
    assert {r.status for r in results} == {"added"}
    keyed = [(r.article_id, text_keys(t)) for r, t in zip(results, texts)]
    assert brute_force(parse_query("علاقة"), [(1, texts[0])]) == ({1} if "علاق" in keyed[0][1] else set())
    for query in _random_queries(60):
        parsed = parse_query(query)
        expected = {doc_id for doc_id, keys in keyed if matches_keys(parsed, keys)}
        got = set(store.articles(Filters(q=query))["id"])
        assert got == expected, query


RANK_CAP = 150  # articles ranked by relevance at most, in the test below (the default is far higher)


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_ranked_and_newest_first_searches_agree_with_brute_force(backend, request, monkeypatch):
    """Both orders against a plain scan: a query matching more than ``RANK_MAX_MATCHES`` articles
    lists them newest first, exactly the top N of the scan's hits sorted by date (then id, both
    descending, undated last), within the other filters too; one matching fewer is ranked, its
    top N drawn from the scan's hits with falling scores. The full hit set is the same either way."""
    from corpus.store import textsearch

    monkeypatch.setattr(textsearch, "RANK_MAX_MATCHES", RANK_CAP)
    monkeypatch.setattr(textsearch, "RANKED_CANDIDATES", 30)  # narrow filters need all matches ranked
    url = request.getfixturevalue("sqlite_url" if backend == "sqlite" else "pg_url")
    store = Store(url)
    rng = random.Random(3)
    texts = _synthetic_docs(1200, seed=17)
    # Few distinct days (ties broken by id) and some undated articles.
    days = [None if rng.random() < 0.1 else f"2024-{rng.randint(1, 3):02d}-{rng.randint(1, 28):02d}"
            for _ in texts]
    results = store.add_articles([(RawDocument(f"n{i}.txt", t, "txt"), Extraction(clean_text=t, published=d))
                                  for i, (t, d) in enumerate(zip(texts, days))], who="test")
    keyed = {r.article_id: text_keys(t) for r, t in zip(results, texts)}
    day = {r.article_id: d for r, d in zip(results, days)}

    def by_date(ids: set[int]) -> list[int]:
        return sorted(ids, key=lambda i: (day[i] is not None, day[i] or "", i), reverse=True)

    seen = {"newest": 0, "relevance": 0}
    queries = ["بوتين", "الطاقة -النفط", "-الغاز", '"الرئيس بوتين"', "قزوين OR سوتشي"] + _random_queries(40, seed=9)
    for n, query in enumerate(queries):
        parsed = parse_query(query)
        # A filter besides the words, sometimes; a narrow one leaves few of the best scored.
        since = {0: None, 1: "2024-03-24", 2: "2024-02-01"}[n % 3]
        filters = Filters(q=query, date_from=dt.date.fromisoformat(since) if since else None)
        expected = {i for i, keys in keyed.items() if matches_keys(parsed, keys)
                    and (since is None or (day[i] is not None and day[i] >= since))}
        assert set(store.articles(filters)["id"]) == expected, query
        text_hits = sum(1 for keys in keyed.values() if matches_keys(parsed, keys))
        order = store.search_order(filters)
        assert order == ("newest" if text_hits > RANK_CAP or not parsed.clauses else "relevance"), query
        seen[order] += 1
        frame = store.articles(filters, limit=20)
        hits = store.search(query, filters, limit=20)
        every = store.articles(filters)  # uncut: the same order from the first row
        assert every["id"].tolist()[:20] == frame["id"].tolist(), query
        assert frame.attrs["order"] == order and all(h.order == order for h in hits), query
        assert [h.article_id for h in hits] == frame["id"].tolist(), query
        if order == "newest":
            assert frame["id"].tolist() == by_date(expected)[:20], query
        else:
            assert len(frame) == min(20, len(expected)) and set(frame["id"]) <= expected, query
            assert frame["score"].tolist() == sorted(frame["score"], reverse=True), query
        assert all(any(is_hit for _, is_hit in h.snippet) for h in hits if parsed.clauses), query
    assert seen["newest"] >= 5 and seen["relevance"] >= 5, seen


def test_snippet_from_the_opening_equals_the_snippet_from_all_hits(monkeypatch):
    """``snippet`` reads only the opening of a long text when that decides it: the same segments
    as when every hit of the whole text is found first (long texts, phrases, hits late or none)."""
    import corpus.snippets as snippets_module

    rng = random.Random(8)
    texts = [" ".join(rng.choice(VOCAB + ["و", "—", "،", "(لـ2023)"]) for _ in range(rng.randint(0, 600)))
             for _ in range(150)]
    queries = _random_queries(40, seed=12) + ['"الرئيس بوتين"', "بحر قزوين", "2023"]
    fast = [[snippet(parse_query(q), t, w) for q in queries for w in (110, 25)] for t in texts]
    monkeypatch.setattr(snippets_module, "_leading_hits", lambda q, t, w: find_hits(q, t))
    full = [[snippet(parse_query(q), t, w) for q in queries for w in (110, 25)] for t in texts]
    assert fast == full


def test_term_is_hashable():
    assert len({Term(("a",)), Term(("a",))}) == 1


# --- clitic letters at the start of names (بوتين, باكو, فلاديمير) -------------------------------

CLITIC_DOCS = [
    "قال بوتين إن المحادثات كانت مفيدة",        # 0
    "نقلت الوكالة عن مصدر قريب لبوتين",          # 1
    "استقبل علييف وبوتين الوفود",               # 2
    "وصل الوفد بباكو صباح الأحد",               # 3
    "وتحدث وفلاديمير ضيفه عن العلاقات",          # 4
    "تناولت المحادثات العلاقات والطاقة",          # 5
    "نمو العلاقة التجارية بين البلدين",           # 6
    "ميناء باكو يستقبل السفن",                  # 7
    "الرئيس فلاديمير بوتين في سوتشي",            # 8
]

CLITIC_CASES = [
    ("بوتين", {0, 1, 2, 8}),
    ("لبوتين", {1, 2}),            # typed with a clitic: the forms with a clitic
    ("باكو", {3, 7}),
    ("فلاديمير", {4, 8}),
    ("علاقة", {4, 5, 6}),
    ("الطاقة", {5}),
    ('"فلاديمير بوتين"', {8}),
    ("بوتين -سوتشي", {0, 1, 2}),
    ("باكو OR فلاديمير", {3, 4, 7, 8}),
]


@pytest.mark.parametrize("query,expected", CLITIC_CASES)
def test_clitic_forms_in_python(query, expected):
    assert {i for i, t in enumerate(CLITIC_DOCS) if matches(parse_query(query), t)} == expected


def test_clitic_forms_in_the_database(db_url):
    store = Store(db_url)
    ids = {store.add_article(RawDocument(f"c{i}.txt", t, "txt"), Extraction(clean_text=t), "test")
           .article_id: i for i, t in enumerate(CLITIC_DOCS)}
    for query, expected in CLITIC_CASES:
        assert {ids[i] for i in store.articles(Filters(q=query))["id"]} == expected, query
        hits = store.search(query, limit=3)
        assert all(any(is_hit for _, is_hit in h.snippet) for h in hits), query


@pytest.mark.parametrize("word,form", [
    ("بوتين", "لبوتين"), ("بوتين", "وبوتين"), ("بوتين", "ببوتين"), ("باكو", "بباكو"),
    ("باكو", "وبباكو"), ("فلاديمير", "وفلاديمير"), ("كرملين", "والكرملين"), ("لافروف", "للافروف"),
])
def test_word_finds_its_clitic_form_and_highlights_it(word, form):
    q = parse_query(word)
    text = f"قال {form} أمس"
    assert matches(q, text)
    [hit] = find_hits(q, text)
    assert text[hit.start:hit.end] == form
