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
