"""Integrity of data/lexicons/encoding_signs.yaml (what makes decoded bytes read as Arabic)."""
from __future__ import annotations

import re

from corpus.lexicons import load_yaml
from corpus.readers import decode_bytes
from corpus.readers.encoding import SIGNS

SIGNS_DATA = load_yaml(SIGNS)
_ARABIC_WORD = re.compile(r"^[\u0621-\u064a]+$")


def test_sections():
    assert set(SIGNS_DATA) == {"definite_article_starts"}


def test_definite_article_starts_are_distinct_arabic_words_ending_in_al():
    starts = SIGNS_DATA["definite_article_starts"]
    assert starts == ["ال", "وال", "بال"]
    assert len(starts) == len(set(starts))
    for start in starts:
        assert _ARABIC_WORD.match(start) and start.endswith("ال"), start


def test_windows_1256_text_is_told_from_iso_8859_6():
    text = "التقى الرئيس الروسي بالرئيس الأذربيجاني في العاصمة والتقى الوفدان في الكرملين"
    assert decode_bytes(text.encode("cp1256")) == (text, "cp1256")
