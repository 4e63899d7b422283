"""Shared word and sentence helpers of the extraction modules (corpus/extract/arabic.py)."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, strategies as st

from corpus.extract.arabic import (ARTICLE_CLITIC, CLAUSE_COMMA, CLITIC, SUFFIX, alternation, clause_around, clause_ends,
                                   forms, sentence_spans)
from corpus.normalize import normalize


def test_forms_are_normalised_distinct_and_longest_first():
    assert forms(["القمة", "قمة", "القمّة", "رابطة  الدول"]) == ["رابطه الدول", "القمه", "قمه"]


@pytest.mark.parametrize("text,found", [
    ("والمباحثات", True), ("للقمه", True), ("بالقمه", True), ("مباحثاتهما", True), ("القمهالثانيه", False),
])
def test_clitic_and_suffix_fragments_wrap_an_alternation(text, found):
    pat = re.compile(rf"^{ARTICLE_CLITIC}(?:{alternation(['مباحثات', 'قمة'])}){SUFFIX}$")
    assert bool(pat.match(normalize(text))) is found


def test_a_phrase_matches_across_any_run_of_spaces():
    pat = re.compile(alternation(["رابطة الدول المستقلة"]))
    assert pat.search(normalize("قمة رابطة   الدول\tالمستقلة"))
    assert re.fullmatch(rf"{CLITIC}بوتين", "وبوتين")


@pytest.mark.parametrize("text,sentences", [
    ("التقى الرئيسان. وبحثا التعاون", ["التقى الرئيسان", " وبحثا التعاون"]),
    ("بلغ النمو 3.5 بالمئة؟ نعم", ["بلغ النمو 3.5 بالمئة", " نعم"]),
    ("التقيا في عام 2023. وقال الكرملين", ["التقيا في عام 2023", " وقال الكرملين"]),
    ("وقال بوتين: «نحن سعداء»", ["وقال بوتين", "«نحن سعداء»"]),
    ("سطر أول\nسطر ثان؛ وجزء", ["سطر أول", "سطر ثان", " وجزء"]),
])
def test_sentence_spans(text, sentences):
    assert [text[a:b] for a, b in sentence_spans(text)] == sentences


@given(st.text(alphabet="ابت .؟!\n:«»0123456789", max_size=60))
def test_sentence_spans_are_ordered_non_blank_slices(text):
    spans = sentence_spans(text)
    assert all(0 <= a < b <= len(text) and text[a:b].strip() for a, b in spans)
    assert all(b1 <= a2 for (_, b1), (a2, _) in zip(spans, spans[1:]))


@pytest.mark.parametrize("text,pos,clause", [
    ("التقى الرئيسان اليوم، ثم استقبل بوتين أردوغان", 30, "ثم استقبل بوتين أردوغان"),
    ("التقى الرئيسان اليوم، ثم استقبل بوتين أردوغان", 3, "التقى الرئيسان اليوم،"),
    ("بلا فاصلة", 4, "بلا فاصلة"),
])
def test_clause_around_gives_the_comma_bounded_clause(text, pos, clause):
    a, b = clause_around(clause_ends(text), pos)
    assert text[a:b].strip() == clause


@given(st.text(alphabet="اب، ,", max_size=40), st.data())
def test_clause_around_holds_the_position_and_no_comma_inside(text, data):
    pos = data.draw(st.integers(0, max(0, len(text) - 1)))
    a, b = clause_around(clause_ends(text), pos)
    body = text[a:min(b, len(text))]
    assert a <= pos < b and CLAUSE_COMMA.search(body[:-1]) is None  # a comma only as its last character
