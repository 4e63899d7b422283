import pytest
from hypothesis import given, settings, strategies as st

from corpus.normalize import (
    _map_char,
    arabic_ratio,
    normalize,
    normalize_alef,
    normalize_digits,
    normalize_with_offsets,
    normalize_ya,
    strip_clitics,
    strip_harakat,
    tokens,
)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("آذار", "اذار"),
        ("أذار", "اذار"),
        ("إلهام", "الهام"),
        ("ٱلرئيس", "الرئيس"),
        ("على", "علي"),  # alef maqsura
        ("مدرسة", "مدرسه"),  # ta marbuta
        ("بوتـــين", "بوتين"),  # tatweel
        ("العَلاقاتُ", "العلاقات"),  # harakat
        ("ی ک", "ي ك"),  # Persian ya and kaf
        ("٢٠٢٣", "2023"),  # Arabic-Indic digits
        ("۲۰۲۳", "2023"),  # Persian digits
        ("5٫4", "5.4"),  # Arabic decimal separator
        ("RT Arabic", "rt arabic"),
        ("باكو\u200f", "باكو"),  # RLM dropped
        ("\ufefbلعلاقات", "لالعلاقات"),  # presentation form lam-alef folded
    ],
)
def test_normalize_table(text, expected):
    assert normalize(text) == expected


def test_single_purpose_helpers():
    assert normalize_alef("أإآ") == "ااا"
    assert normalize_ya("مستشفى") == "مستشفي"
    assert normalize_digits("١٩-٨-٢٠٢٤") == "19-8-2024"
    assert strip_harakat("مُحَمَّد") == "محمد"


def test_offsets_map_back_to_original():
    original = "التقى بُوتين بعلييف في ٢٠٢٤"
    n = normalize_with_offsets(original)
    start = n.text.index("بوتين")
    s, e = n.to_original(start, start + len("بوتين"))
    assert original[s:e] == "بُوتين"
    start = n.text.index("2024")
    s, e = n.to_original(start, start + 4)
    assert original[s:e] == "٢٠٢٤"


def test_offsets_length_invariant():
    n = normalize_with_offsets("قال: إنَّ الـتعاون")
    assert len(n.offsets) == len(n.text) + 1


@pytest.mark.parametrize(
    "word, expected",
    [("والطاقة", "طاقة"), ("بموسكو", "موسكو"), ("للتعاون", "تعاون"), ("الرئيس", "رئيس"), ("ولد", "ولد"), ("في", "في")],
)
def test_strip_clitics(word, expected):
    assert strip_clitics(word) == expected


def test_tokens_and_ratio():
    assert tokens("التقى بوتين، علييف ٢٠٢٤!") == ["التقي", "بوتين", "علييف", "2024"]
    assert arabic_ratio("بوتين وعلييف") == 1.0
    assert arabic_ratio("Putin met Aliyev") == 0.0
    assert arabic_ratio("1234") == 0.0


@settings(max_examples=300)
@given(st.text())
def test_normalize_is_idempotent(text):
    once = normalize(text)
    assert normalize(once) == once


@settings(max_examples=300)
@given(st.text())
def test_offsets_agree_with_plain_normalize(text):
    n = normalize_with_offsets(text)
    assert n.text == normalize(text)
    assert len(n.offsets) == len(n.text) + 1
    assert all(0 <= o <= len(text) for o in n.offsets)
    assert list(n.offsets) == sorted(n.offsets)


# Arabic letters (those normalisation changes most often among them), marks, presentation forms,
# digits, Latin capitals, invisibles: what ``normalize``'s replace-then-regex path must agree on.
_ARABIC_HEAVY = st.text(alphabet=st.sampled_from(
    [chr(c) for c in range(0x0600, 0x0700)] + [chr(c) for c in range(0xFB50, 0xFB60)]
    + [chr(c) for c in range(0xFEF5, 0xFEFD)] + list("ABZaz09 \u00a0\u200c\u200f") + ["ة", "أ", "إ", "ى", "آ"] * 8),
    max_size=60)


@settings(max_examples=400)
@given(_ARABIC_HEAVY)
def test_normalize_equals_mapping_each_character(text):
    assert normalize(text) == "".join(_map_char(ch) for ch in text)
    assert normalize(text) == normalize_with_offsets(text).text


def _offsets_char_by_char(text: str) -> tuple[str, tuple[int, ...]]:
    """The reference: each character mapped alone, its output characters pointing back to it."""
    out, offsets = [], []
    for i, ch in enumerate(text):
        mapped = _map_char(ch)
        out.append(mapped)
        offsets += [i] * len(mapped)
    return "".join(out), tuple(offsets + [len(text)])


@settings(max_examples=400)
@given(_ARABIC_HEAVY)
def test_offsets_equal_mapping_each_character(text):
    n = normalize_with_offsets(text)
    assert (n.text, n.offsets) == _offsets_char_by_char(text)


def test_offsets_of_text_without_deleted_characters_are_the_identity():
    text = "أعلنت الرئاسة ٢٠٢٤ RT"  # every changed character maps to one
    n = normalize_with_offsets(text)
    assert n.text == "اعلنت الرئاسه 2024 rt"
    assert n.offsets == tuple(range(len(text) + 1))
    marked = normalize_with_offsets("بُوتين ﻻ")  # a mark deleted, a ligature made two letters
    assert (marked.text, marked.offsets) == ("بوتين لا", (0, 2, 3, 4, 5, 6, 7, 7, 8))
