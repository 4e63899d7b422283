"""Arabic numbers: digits, words, scales, compounds, ranges, qualifiers (corpus/extract/numbers/)."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.extract.numbers import find_numbers, parse_arabic_number, parse_digits
from corpus.vocab import QUALIFIERS


@pytest.mark.parametrize("s, expected", [
    ("1200", 1200), ("1,200", 1200), ("1.200", 1200), ("4.5", 4.5), ("4,5", 4.5),
    ("1,200,000", 1_200_000), ("1.200.000", 1_200_000), ("1,200.5", 1200.5),
    ("1.200,5", 1200.5), ("5ر13", 13.5), ("0.4", 0.4), ("26.11.2021", None), ("1,20,0", None),
    ("1,200ر4", None), ("", None), ("abc", None),
])
def test_parse_digits(s, expected):
    assert parse_digits(s) == expected


def test_dot_with_three_digits_is_decimal_before_a_scale():
    assert parse_digits("1.200", scaled=True) == 1.2
    assert parse_digits("1,200", scaled=True) == 1200
    assert parse_arabic_number("1.200 مليار") == 1.2e9
    assert parse_arabic_number("4,4 مليار") == 4.4e9


@pytest.mark.parametrize("s, expected", [
    ("4 مليارات", 4e9), ("٤ مليارات", 4e9), ("۴ مليارات", 4e9), ("4.5 مليار", 4.5e9),
    ("٤٫٥ مليار", 4.5e9), ("1,200", 1200), ("١٬٢٠٠", 1200), ("5ر13", 13.5),
    ("ثلاثة", 3), ("ثلاث", 3), ("اثنين", 2), ("ثماني", 8), ("عشرة", 10), ("أحد عشر", 11),
    ("ثلاثة عشر", 13), ("عشرون", 20), ("خمسة وعشرون", 25), ("مئة", 100), ("مائة", 100),
    ("مئتان", 200), ("ثلاثمائة", 300), ("ثلاث مئة", 300), ("ثلاثمائة وخمسة وعشرين", 325),
    ("ألف", 1000), ("ألفين", 2000), ("سبعة آلاف", 7000), ("ألف وخمسمائة", 1500),
    ("مليون", 1e6), ("مليوني", 2e6), ("ملايين", None), ("مليار", 1e9), ("ملياري", 2e9),
    ("مليارين", 2e9), ("بليون", 1e9), ("تريليون", 1e12), ("ترليون", 1e12), ("20 مليارا", 20e9),
    ("3 مليارات و350 مليون", 3.35e9), ("مليار و200 مليون", 1.2e9), ("مليار ونصف", 1.5e9),
    ("نصف مليار", 0.5e9), ("ربع مليون", 250_000), ("ثلاثة مليارات", 3e9),
    ("لـ24", 24), ("ل24", 24), ("بـ5", 5), ("و350", 350), ("لـ٢٤", 24),
    ("4 -6 مليارات", 4e9), ("", None), ("مرحبا", None), ("أحد", None), ("3 و 4", None),
])
def test_parse_arabic_number(s, expected):
    assert parse_arabic_number(s) == expected


# The accusative spelling before a counted noun is the nominative dual in construct.
@pytest.mark.parametrize("text, value", [
    ("نقل الخط مليونا طن من النفط", 2e6),
    ("بلغت الاستثمارات مليارا دولار", 2e9),
    ("زار البلاد مليونا سائح", 2e6),
    ("بلغ عدد الزوار مليونا في العام الماضي", 1e6),  # one million: no counted noun follows
    ("وصلت إلى مليونا و200 ألف", 1.2e6),
    ("بلغ مليونا.", 1e6),
])
def test_an_accusative_scale_before_a_counted_noun_is_two(text, value):
    assert [n.value for n in find_numbers(text)] == [value]


def _one(text):
    found = [m for m in find_numbers(text) if m.kind == "number"]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("text, value, value_max", [
    ("وصل إلى 4 -6 مليارات", 4e9, 6e9),
    ("ما بين 2 و3 مليارات دولار", 2e9, 3e9),
    ("بين 2 و3 مليارات دولار", 2e9, 3e9),
    ("من 10 إلى 15% سنويا", 10, 15),
    ("من 10% إلى 15%", 10, 15),
    ("نحو 3 أو 4 ملايين", 3e6, 4e6),
    ("بين ثلاثة وخمسة مليارات", 3e9, 5e9),
])
def test_ranges_share_the_scale(text, value, value_max):
    m = _one(text)
    assert (m.value, m.value_max) == (value, value_max)


def test_change_from_to_is_the_new_value():
    m = _one("ارتفع حجم التجارة من 2 إلى 3 مليارات")
    assert (m.value, m.value_max, m.from_value) == (3e9, None, 2e9)


@pytest.mark.parametrize("text, qualifier, span", [
    ("بلغ أكثر من 4 مليارات", "more_than", "أكثر من 4 مليارات"),
    ("ما يزيد عن 100 مليون", "more_than", "ما يزيد عن 100 مليون"),
    ("ما يزيد على 100 مليون", "more_than", "ما يزيد على 100 مليون"),
    ("تجاوز 4 مليارات", "more_than", "تجاوز 4 مليارات"),
    ("يتجاوز 4 مليارات", "more_than", "يتجاوز 4 مليارات"),
    ("تخطى 4 مليارات", "more_than", "تخطى 4 مليارات"),
    ("ونحو 0.4 بالمئة", "approx", "نحو 0.4"),
    ("حوالي 50 اتفاقية", "approx", "حوالي 50"),
    ("قرابة 20 شركة", "approx", "قرابة 20"),
    ("زهاء ثلاثة مليارات", "approx", "زهاء ثلاثة مليارات"),
    ("ما يقرب من 5 ملايين", "approx", "ما يقرب من 5 ملايين"),
    ("ما يناهز 5 ملايين", "approx", "ما يناهز 5 ملايين"),
    ("أقل من 2 مليار", "less_than", "أقل من 2 مليار"),
    ("دون 5 بالمئة", "less_than", "دون 5"),
    ("لا يتجاوز 5 بالمئة", "less_than", "لا يتجاوز 5"),
    ("بلغ 5 مليارات تقريبا", "approx", "5 مليارات تقريبا"),
    ("بلغ 5 مليارات", "exact", "5 مليارات"),
])
def test_qualifiers(text, qualifier, span):
    m = _one(text)
    assert m.qualifier == qualifier
    assert text[m.qualifier_start:m.end] == span


@pytest.mark.parametrize("text, span", [
    ("عروض لـ24 مشروعا", "لـ24"),
    ("وبـ5 شركات", "بـ5"),
    ("3 مليارات و350 مليون دولار", "3 مليارات و350 مليون"),
    ("وثلاثة وعشرون شركة", "ثلاثة وعشرون"),
    ("وبملياري دولار", "بملياري"),
    ("مليون واحد", "مليون واحد"),
    ("واحد وعشرون", "واحد وعشرون"),
])
def test_spans_keep_glued_prepositions_but_not_conjunctions(text, span):
    m = _one(text)
    assert text[m.start:m.end] == span


@pytest.mark.parametrize("text, kind", [
    ("في عام 2023", "year"),
    ("خلال 1992-1994", "year"),
    ("الذكرى الـ 50 للعلاقات", "ordinal"),
    ("الأربعاء ال25 من ديسمبر", "ordinal"),
    ("منظومة إس-400", "label"),
    # an ordinal never takes a scale word: a detached article before an amount is definiteness
    ("تخطت الـ 20 مليار", "number"),
    ("تتجاوز الـ12 مليون", "number"),
])
def test_kinds(text, kind):
    assert [m.kind for m in find_numbers(text)] == [kind]


@pytest.mark.parametrize("text", [
    "19-8-2024 | 15:40", "نشر في 26.11.2021", "الساعة 15:40", "19/8/2024", "كوب29",
    "2025-05-28@00:20:02", "أحد الشركاء", "ملايين الدولارات", "آلاف الأشخاص",
])
def test_no_numbers(text):
    assert [m for m in find_numbers(text) if m.kind == "number"] == []


@pytest.mark.parametrize("text, span, qualifier", [
    ("قيمتها تتجاوز الـ 20 مليار", "تتجاوز الـ 20 مليار", "more_than"),
    ("بلغت نحو الـ7 ملايين", "نحو الـ7 ملايين", "approx"),
])
def test_detached_article_before_an_amount_is_kept_with_its_qualifier(text, span, qualifier):
    m = _one(text)
    assert (text[m.qualifier_start:m.end], m.qualifier) == (span, qualifier)


def test_offsets_point_into_the_original_text_with_harakat_and_tatweel():
    text = "بلغ حجمُ التبادل نحوَ ٤ ملياراتٍ"
    m = _one(text)
    assert text[m.qualifier_start:m.end] == "نحوَ ٤ ملياراتٍ"
    assert text[m.start:m.end] == "٤ ملياراتٍ"


def test_mixed_separators_never_raise():
    assert [m.value for m in find_numbers("1,200ر4")] == [1200.0]


def test_line_break_ends_an_expression():
    found = find_numbers("بلغ 4\nمليارات")
    assert [m.value for m in found] == [4]


_PIECES = [*"0123456789٠١٢٣٤٥٦٧٨٩.,٫٬ر -–%$:/\nولبـ\u064b", "مليار", "مليون", "ألف", "آلاف",
           "ثلاثة", "عشر", "أكثر من", "نحو", "بين", "من", "إلى", "نصف", "ملياري", "مئة", "أحد",
           "الـ", "ال", " و"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=25).map("".join))
def test_find_numbers_never_raises_and_spans_are_sane(text):
    for m in find_numbers(text):
        assert 0 <= m.qualifier_start <= m.start < m.end <= len(text)
        assert m.value_max is None or m.value_max >= m.value
        assert m.qualifier in QUALIFIERS
    parse_arabic_number(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_arbitrary_text_never_raises(text):
    find_numbers(text)
    parse_arabic_number(text)


@pytest.mark.parametrize("text, value", [
    ("بلغت مليارا ونصف", 1.5e9),
    ("وصلت إلى مليونا و200 ألف", 1.2e6),
    ("قدرها مليارا", 1e9),
])
def test_a_lone_accusative_scale_is_one_scale(text, value):
    assert _one(text).value == value


def test_a_lone_accusative_thousand_is_left_alone():
    assert [m for m in find_numbers("فريق ألفا") if m.kind == "number"] == []


@pytest.mark.parametrize("text, value", [
    ("4،5 مليار", 4.5e9),
    ("1،200 شركة", 1200),
])
def test_an_arabic_comma_between_digits_separates_like_a_comma(text, value):
    assert _one(text).value == value


@pytest.mark.parametrize("text, value", [
    ("نحو 2.9 bn USD", 2.9e9),
    ("بلغ 5 billion دولار", 5e9),
    ("قدرها 300 mln دولار", 3e8),
    ("نحو 1.2 million طن", 1.2e6),
    # Russian copy: a comma for the decimal point, the scale abbreviated
    ("قارب 4,3 млрд долларов", 4.3e9),
    ("نحو 1,5 млн тонн", 1.5e6),
    ("أكثر من 2 миллиарда долларов", 2e9),
])
def test_a_foreign_scale_after_digits_multiplies_them(text, value):
    assert _one(text).value == value


@pytest.mark.parametrize("text", ["قال إن billion دولار", "شركة mln للتجارة", "قال إن млрд долларов"])
def test_a_foreign_scale_alone_is_no_number(text):
    assert [m for m in find_numbers(text) if m.kind == "number"] == []
