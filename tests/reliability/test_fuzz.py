"""Fuzz: no exception escapes the functions that take untrusted input, whatever the input.

Hypothesis draws bytes and text biased towards what breaks Arabic pipelines: Arabic letters,
harakat, tatweel, Arabic-Indic digits, bidi controls, NUL and other control characters, lone
surrogates, markup and the separators the parsers split on. Examples are bounded so the module
runs in seconds.
"""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from corpus.clean import Cleaned, clean_article
from corpus.extract import extract_document
from corpus.models import Extraction, RawDocument, ReadProblem
from corpus.search import Query, parse_query

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

PIECES = [
    "بوتين", "علييف", "إلهام", "الرئيس", "موسكو", "باكو", "مليار", "مليارات", "دولار", "بالمئة", "%",
    "نوفمبر/ تشرين الثاني", "اليوم الإثنين", "2024م", "٢٠٢٣", "۱۲", "5ر13", "4 -6", "أكثر من",
    "إقرأ أيضاً", "كلمات دلالية", "شارك", "\u064e\u0650", "\u0640\u0640", "\u202e", "\u2066", "\u200f",
    "\ufeff", "\x00", "\x1b[31m", "\r\n", "\n\n", "\t", "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>", "**", "$x^2$", ":red[x]", "[l](javascript:alert(1))", '"', "'",
    "-", "OR", "أو", "NEAR(", "*", "%", "_", ";", "--", "\\", "\ud800", "\udfff", "𝒳", "🇷🇺",
]
fragments = st.one_of(st.sampled_from(PIECES), st.text(max_size=12))
hostile_text = st.lists(fragments, max_size=40).map(" ".join) | st.text(max_size=400)
hostile_bytes = st.one_of(
    st.binary(max_size=2048),
    hostile_text.map(lambda s: s.encode("utf-8", "surrogatepass")),
    hostile_text.map(lambda s: s.encode("cp1256", "replace")),
    hostile_text.map(lambda s: s.encode("utf-16", "surrogatepass")),
)
NAMES = ["a.txt", "a.md", "a.html", "a.htm", "a.csv", "a.jsonl", "a.docx", "a.zip", "a", "a.exe",
         "مقال.txt", "../x.txt", "a\x00b.txt", " .csv"]


@FUZZ
@given(hostile_text)
def test_clean_article_never_raises(text):
    cleaned = clean_article(text)
    assert isinstance(cleaned, Cleaned) and isinstance(cleaned.text, str)
    for start, end, _reason in cleaned.removed:
        assert 0 <= start <= end <= len(text)


@FUZZ
@given(hostile_text, st.dictionaries(st.sampled_from(["title", "outlet", "published", "url"]),
                                     st.one_of(st.none(), st.text(max_size=30), st.integers())))
def test_extract_document_never_raises(text, hints):
    ex = extract_document(text, "fuzz.txt", hints)
    assert isinstance(ex, Extraction)
    contract = ex.to_contract("fuzz.txt")
    for fig in contract["figures"]:
        assert fig["text"] in ex.clean_text  # the contract: text is an exact substring


@FUZZ
@given(st.one_of(st.none(), hostile_text))
def test_parse_query_never_raises(q):
    query = parse_query(q)
    assert isinstance(query, Query)
    for clause in query.clauses:
        for term in clause:
            # keys reach FTS5/tsquery: they must be plain word characters, never syntax
            assert all(k and all(ch.isalnum() for ch in k) for k in term.keys), term


ARABIC = "استقبل الرئيس بوتين نظيره علييف في موسكو وبحثا التعاون".encode()


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_bytes, st.sampled_from(NAMES))
# Escapes that decode to characters no database can store: lone surrogates and NUL.
@example(b'{"text": "\\ud800 ' + ARABIC + b'"}', "a.jsonl")
@example(b'{"text": "\\u0000 ' + ARABIC + b'"}', "a.jsonl")
@example(b'{"text": "' + ARABIC + b'", "title": "\\udfff"}', "a.jsonl")
@example(b"<html><body><p>&#xD800; &#0; " + ARABIC + b"</p></body></html>", "a.html")
@example(b"title,text\n\"\x00\",\"" + ARABIC + b"\"\n", "a.csv")
def test_read_bytes_never_raises(data, name):
    readers = pytest.importorskip("corpus.readers")
    items = list(readers.read_bytes(data, name))
    for item in items:
        assert isinstance(item, (RawDocument, ReadProblem))
        if isinstance(item, ReadProblem):
            assert item.reason.strip(), item
        else:
            assert isinstance(item.text, str)
            assert "\x00" not in item.text, "NUL reaches the database (PostgreSQL refuses it)"
            item.text.encode("utf-8")  # no lone surrogates (the database cannot store them)
            for key, value in item.hints.items():
                if isinstance(value, str):
                    assert "\x00" not in value, key
                    value.encode("utf-8")
