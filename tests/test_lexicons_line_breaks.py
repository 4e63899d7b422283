"""Integrity of data/lexicons/line_breaks.yaml (words after which corpus/unwrap.py joins a line on)."""
from __future__ import annotations

import re

from corpus.lexicons import load_yaml
from corpus.normalize import normalize

ENDS = load_yaml("line_breaks.yaml")["unfinished_line_end"]


def test_every_entry_is_one_arabic_word() -> None:
    assert len(ENDS) >= 40
    bad = [w for w in ENDS if not re.fullmatch(r"[\u0621-\u064A]+", w)]
    assert bad == []


def test_no_entry_is_listed_twice_once_normalised() -> None:
    normalised = [normalize(w) for w in ENDS]
    assert len(set(normalised)) == len(normalised)


def test_no_entry_is_a_word_a_sentence_or_headline_can_end_with() -> None:
    # nouns and verbs that end headlines and sentences must never be listed
    for word in ("باكو", "موسكو", "علييف", "بوتين", "اليوم", "أمس", "البلدين", "الطاقة", "فقط", "أيضا"):
        assert normalize(word) not in {normalize(w) for w in ENDS}
