"""Integrity of data/lexicons/boilerplate.yaml (page furniture markers used by corpus/clean.py)."""
from __future__ import annotations

import re

import pytest

from corpus.lexicons import load_yaml
from corpus.normalize import normalize

KEYS = {"tail_markers", "tag_prefixes", "source_prefixes", "share_lines", "social_names", "ad_lines",
        "app_promo_prefixes", "language_codes", "byline_prefixes", "byline_labels", "stamp_labels",
        "section_labels", "agency_boilerplate", "commentary_kickers",
        "fact_check_labels", "item_time_units"}
_ARABIC = re.compile(r"[\u0600-\u06FF]")


@pytest.fixture(scope="module")
def lexicon() -> dict:
    return load_yaml("boilerplate.yaml")


def test_has_exactly_the_known_sections(lexicon: dict) -> None:
    assert isinstance(lexicon, dict)
    assert set(lexicon) == KEYS


@pytest.mark.parametrize("key", sorted(KEYS))
def test_section_is_a_clean_list_without_duplicates(lexicon: dict, key: str) -> None:
    entries = lexicon[key]
    assert isinstance(entries, list) and entries, key
    seen: set[str] = set()
    for entry in entries:
        assert isinstance(entry, str) and entry and entry == entry.strip(), (key, entry)
        norm = " ".join(normalize(entry).split())
        assert norm, (key, entry)
        if _ARABIC.search(entry):
            assert _ARABIC.search(norm), f"{key}: {entry!r} loses its Arabic letters"
        assert norm not in seen, f"{key}: duplicate after normalising: {entry!r}"
        seen.add(norm)


def test_language_codes_are_short_single_words(lexicon: dict) -> None:
    for code in lexicon["language_codes"]:
        assert " " not in code and len(code) <= 10, code


def test_markers_are_short_phrases(lexicon: dict) -> None:
    # Long entries would mean a copied sentence, not a general marker.
    for key in KEYS - {"agency_boilerplate"}:
        for entry in lexicon[key]:
            assert len(entry.split()) <= 4, (key, entry)
    for entry in lexicon["agency_boilerplate"]:
        assert len(entry.split()) <= 8, entry


def test_tag_prefixes_also_end_the_article(lexicon: dict) -> None:
    tails = {normalize(t) for t in lexicon["tail_markers"]}
    assert normalize("كلمات دلالية") in tails
