"""Arabic date expressions: forms, offsets, resolution against the publication date."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.extract.date_patterns import opening_year
from corpus.extract.dates import find_dates, infer_year, parse_date_expression, resolve_weekday
from corpus.normalize import normalize

PUB = date(2024, 8, 19)  # a Monday


@pytest.mark.parametrize("text,expected", [
    ("24 - كانون الأول - 2021", date(2021, 12, 24)),  # dashes between day, month and year
    # Egyptian/Gulf, Levantine, Maghrebi, French-loan months
    ("وصل في 18 أغسطس 2024 إلى المدينة", date(2024, 8, 18)),
    ("وصل في 18 اغسطس 2024", date(2024, 8, 18)),
    ("عقد الاجتماع في 3 حزيران 2019", date(2019, 6, 3)),
    ("الموعد 12 كانون الأول 2020", date(2020, 12, 12)),
    ("الموعد 12 كانون الثاني 2021", date(2021, 1, 12)),
    ("في 7 تشرين الأول 2023", date(2023, 10, 7)),
    ("في 5 شتنبر 2022", date(2022, 9, 5)),
    ("في 14 غشت 2022", date(2022, 8, 14)),
    ("في 2 دجنبر 2021", date(2021, 12, 2)),
    ("في 20 نونبر 2021", date(2021, 11, 20)),
    ("في 9 يوليوز 2020", date(2020, 7, 9)),
    ("في 30 يونيه 2020", date(2020, 6, 30)),
    ("في 1 ماي 2023", date(2023, 5, 1)),
    ("في 15 جوان 2023", date(2023, 6, 15)),
    # paired forms
    ("في 11 نوفمبر/ تشرين الثاني 2020 وقع", date(2020, 11, 11)),
    ("اليوم 22 ابريل/نيسان 2024", date(2024, 4, 22)),
    ("في 27 سبتمبر (أيلول) 2020", date(2020, 9, 27)),
    # digits and era marks
    ("٢٢ أبريل ٢٠٢٤", date(2024, 4, 22)),
    ("في 12 مايو 2024م", date(2024, 5, 12)),
    ("(سبوتنيك - 11 كانون الثاني 2021ء) أعلن", date(2021, 1, 11)),
    # numeric stamps
    ("نشر في 26.11.2021 18:23", date(2021, 11, 26)),
    ("عرب وعالم19-8-2024 | 15:40", date(2024, 8, 19)),
    ("بتاريخ 2024/8/18", date(2024, 8, 18)),
    ("2025-05-28 10:00", date(2025, 5, 28)),
    # English
    ("تاريخ النشر: 22nd, April 2024 GMT", date(2024, 4, 22)),
    ("19th, August 2024", date(2024, 8, 19)),
    ("April 3, 2023", date(2023, 4, 3)),
    # Russian, in copy from Russian sources (the genitive; "года" after the year)
    ("حلّ ضيفا على الكرملين 22 апреля 2024 года، في زيارة", date(2024, 4, 22)),
    ("Астана, 3 июля 2024 года – РИА Новости", date(2024, 7, 3)),
    # French, on Maghrebi pages
    ("Tunis, le 15 juin 2024", date(2024, 6, 15)),
    ("Alger, le 3 février 2023 -", date(2023, 2, 3)),
    ("le 28 août 2024", date(2024, 8, 28)),
    # day in words, glued article
    ("في التاسع من نوفمبر 2020", date(2020, 11, 9)),
    ("الخامس والعشرين من ديسمبر 2024", date(2024, 12, 25)),
    ("الحادي عشر من يناير 2021", date(2021, 1, 11)),
    ("صباح الأربعاء ال25 من ديسمبر 2024", date(2024, 12, 25)),
    ("بين 9 نوفمبر 2020 و11 يناير 2021", date(2020, 11, 9)),
    # the first day written "أول" straight before the month
    ("تيانجين أول سبتمبر 2025 (شينخوا)", date(2025, 9, 1)),
    ("الأحد أول أيلول/سبتمبر 2024", date(2024, 9, 1)),
])
def test_explicit_forms(text, expected):
    found = [d for d in find_dates(text) if d.date]
    assert found and found[0].date == expected
    assert found[0].year_known


@pytest.mark.parametrize("text,published,expected", [
    # a full Latin month name without its year, inside an Arabic sentence: the page's year
    ("توجت on 19 August بجولة محادثات موسعة", date(2024, 8, 20), date(2024, 8, 19)),
    ("وصل الوفد le 15 juin إلى باكو", date(2024, 6, 20), date(2024, 6, 15)),
    # a short or ambiguous Latin name needs its year
    ("it may 5 times", date(2024, 8, 20), None),
    ("العدد 5 may الماضي", date(2024, 8, 20), None),
    ("نحو 3 mar من", date(2024, 8, 20), None),
    ("le 3 mars", date(2024, 8, 20), None),
    # a Russian month without its year
    ("يوم 4 июля.", date(2024, 7, 5), date(2024, 7, 4)),
])
def test_a_yearless_latin_day_and_month(text, published, expected):
    found = [d.date for d in find_dates(text, published) if d.date]
    assert (found[0] if found else None) == expected


def test_offsets_point_into_original_text():
    text = "قال إنه في ١١ كانون الثاني ٢٠٢١ء التقى"
    (d,) = find_dates(text)
    assert text[d.start:d.end] == d.text == "١١ كانون الثاني ٢٠٢١ء"


def test_second_date_of_a_list_with_conjunction():
    found = [d.date for d in find_dates("بياني 9 نوفمبر 2020 و11 يناير 2021")]
    assert found == [date(2020, 11, 9), date(2021, 1, 11)]


def test_hijri_year_is_not_gregorian():
    (d,) = [d for d in find_dates("في 5 مايو 1445 هـ") if d.month]
    assert d.hijri and d.date is None


def test_crawl_stamp_is_flagged():
    (d,) = find_dates("2025-05-28@00:20:02 GMT")
    assert d.crawl and d.date == date(2025, 5, 28)
    (e,) = find_dates("2025-05-28 GMT")
    assert not e.crawl


@pytest.mark.parametrize("text,expected", [
    ("في 25 ديسمبر", date(2023, 12, 25)),  # no year: latest occurrence before publication
    ("في 21 أغسطس", date(2024, 8, 21)),  # a few days after publication is still this year
    ("في 10 سبتمبر", date(2024, 9, 10)),  # three weeks ahead beats eleven months back
    ("في 1 مايو", date(2024, 5, 1)),
    ("في 25 ديسمبر الجاري", date(2024, 12, 25)),
    ("في التاسع من نوفمبر الماضي", date(2023, 11, 9)),
    ("في 3 مارس المقبل", date(2025, 3, 3)),
    ("في 11 كانون الثاني من العام الماضي", date(2023, 1, 11)),
])
def test_missing_year_is_inferred_from_publication(text, expected):
    found = [d for d in find_dates(text, PUB) if d.month]
    assert found[0].date == expected and not found[0].year_known


@pytest.mark.parametrize("text,expected", [
    ("بدأها في 21 من الشهر الجاري بمحادثات", date(2024, 8, 21)),
    ("التقيا في الحادي عشر من الشهر الحالي", date(2024, 8, 11)),
    ("يوم 30 من الشهر الماضي", date(2024, 7, 30)),
    ("في 5 من الشهر المقبل", date(2024, 9, 5)),
])
def test_a_day_of_the_pages_month(text, expected):
    (d,) = find_dates(text, PUB)
    assert d.date == expected and d.kind == "explicit"


@pytest.mark.parametrize("text", ["في الأسبوع الأول من الشهر المقبل", "في النصف الثاني من الشهر الجاري",
                                  "في العشر الأواخر من الشهر الماضي"])
def test_a_part_of_the_month_is_no_day_of_it(text):
    assert find_dates(text, PUB) == []


def test_a_day_of_the_pages_month_without_a_page_date_is_none():
    assert find_dates("في 21 من الشهر الجاري") == []


def test_missing_year_without_publication_stays_unknown():
    (d,) = find_dates("في 11 كانون الثاني")
    assert d.date is None and (d.month, d.day, d.year) == (1, 11, None)


@pytest.mark.parametrize("text,month,year", [
    ("في أكتوبر/تشرين الأول من العام الماضي", 10, 2023),
    ("في أبريل الماضي", 4, 2024),
    ("في أغسطس الماضي", 8, 2023),  # written in August: last year's August
    ("في أيلول (سبتمبر) 2018", 9, 2018),
    ("في نوفمبر/تشرين الثاني المقبل", 11, 2024),
])
def test_month_mentions(text, month, year):
    (d,) = [d for d in find_dates(text, PUB) if d.kind == "month"]
    assert (d.month, d.year, d.date) == (month, year, None)


@pytest.mark.parametrize("text,expected,weekday", [
    ("أعلن اليوم الإثنين", date(2024, 8, 19), 0),
    ("أعلن اليوم الاثنين", date(2024, 8, 19), 0),
    ("وصل امس الأحد", date(2024, 8, 18), 6),
    ("وصل أمس الأحد", date(2024, 8, 18), 6),
    ("الجمعة المقبل", date(2024, 8, 23), 4),
    ("يوم الجمعة القادم", date(2024, 8, 23), 4),
    ("الأربعاء الماضي", date(2024, 8, 14), 2),
    ("غدا الثلاثاء", date(2024, 8, 20), 1),
])
def test_weekdays_resolved_against_publication(text, expected, weekday):
    (d,) = [d for d in find_dates(text, PUB) if d.kind == "weekday"]
    assert (d.date, d.weekday) == (expected, weekday)


def test_bare_weekday_without_publication_keeps_the_weekday_only():
    (d,) = find_dates("التقى الرئيسان الخميس")
    assert d.kind == "weekday" and d.weekday == 3 and d.date is None


@pytest.mark.parametrize("text,offset", [("اليوم", 0), ("أمس", -1), ("الليلة الماضية", -1), ("غدا", 1),
                                         ("أول أمس", -2), ("أول من أمس", -2)])
def test_relative_days(text, offset):
    (d,) = find_dates(f"وقال {text} إن", PUB)
    assert d.offset_days == offset and d.date == PUB + timedelta(days=offset)


@pytest.mark.parametrize("text", ["نقلت روسيا اليوم الخبر", "ما زال قائما حتى اليوم"])
def test_today_inside_names_and_idioms_is_not_a_date(text):
    assert not [d for d in find_dates(text, PUB) if d.kind == "relative"]


@pytest.mark.parametrize("text,year", [("العام الماضي", 2023), ("العام الجاري", 2024), ("العام الحالي", 2024),
                                       ("العام المقبل", 2025)])
def test_relative_years(text, year):
    (d,) = find_dates(f"في {text}", PUB)
    assert d.kind == "year" and d.year == year


def test_numbers_that_are_not_dates():
    assert find_dates("ارتفع 11 بالمئة في أول 9 أشهر وبلغ 4 مليارات دولار") == []


@pytest.mark.parametrize("direction,expected", [
    ("past", date(2024, 8, 18)), ("future", date(2024, 8, 25)), ("nearest", date(2024, 8, 18)),
    ("on_or_before", date(2024, 8, 18)), ("on_or_after", date(2024, 8, 25)), ("same_week", date(2024, 8, 25)),
])
def test_resolve_weekday_directions(direction, expected):
    assert resolve_weekday(6, PUB, direction) == expected


def test_resolve_weekday_same_day():
    assert resolve_weekday(0, PUB, "nearest") == PUB
    assert resolve_weekday(0, PUB, "on_or_before") == PUB
    assert resolve_weekday(0, PUB, "past") == PUB - timedelta(days=7)


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 1, 1)), st.integers(0, 6),
       st.sampled_from(["past", "future", "nearest", "on_or_before", "on_or_after", "same_week"]))
def test_resolve_weekday_properties(ref, weekday, direction):
    got = resolve_weekday(weekday, ref, direction)
    assert got.weekday() == weekday
    assert abs((got - ref).days) <= 7
    if direction == "past":
        assert got < ref
    if direction == "future":
        assert got > ref
    if direction == "nearest":
        assert abs((got - ref).days) <= 3


@given(st.dates(min_value=date(2000, 3, 1), max_value=date(2080, 1, 1)), st.integers(1, 12), st.integers(1, 28))
def test_infer_year_is_near_publication_preferring_the_past(pub, month, day):
    got = date(infer_year(month, day, pub), month, day)
    assert pub - timedelta(days=366) < got <= pub + timedelta(days=123)
    assert infer_year(month, day, pub, "past") <= pub.year
    assert date(infer_year(month, day, pub, "future"), month, day) > pub


@settings(max_examples=60)
@given(st.text(alphabet=st.sampled_from(list("0123456789٠١٢٣٤٥٦٧٨٩/-.@ :أبريلنيسانكانونالثانيعامالماضيمسالأحد")),
               max_size=60))
def test_find_dates_never_raises_and_offsets_are_valid(text):
    for d in find_dates(text, PUB):
        assert 0 <= d.start < d.end <= len(text)
        assert text[d.start:d.end] == d.text


def test_parse_date_expression():
    assert parse_date_expression("19 أغسطس/آب 2024") == date(2024, 8, 19)
    assert parse_date_expression("أمس الأحد", PUB) == date(2024, 8, 18)
    assert parse_date_expression("لا تاريخ هنا") is None


def test_stamp_glued_to_a_section_label():
    (d,) = find_dates("أخبار العالم5 أغسطس 2021م")
    assert d.date == date(2021, 8, 5)


def test_future_year_is_the_first_occurrence_after_publication():
    assert infer_year(10, 4, date(2017, 10, 3), "future") == 2017
    assert infer_year(3, 1, date(2017, 10, 3), "future") == 2018


@pytest.mark.parametrize("text", ["التقيا أول أمس الخميس", "في أول لقاء منذ مارس 2024", "أول مرة في مايو"])
def test_first_before_other_words_is_no_day_of_a_month(text):
    assert [d.day for d in find_dates(text) if d.day == 1] == []


@pytest.mark.parametrize("text", ["روى تفاصيل اليوم الطويل في سوتشي", "في اليوم الأخير من القمة", "في اليوم نفسه"])
def test_the_day_with_an_adjective_is_not_today(text):
    assert [d for d in find_dates(text, date(2022, 11, 2)) if d.kind == "relative"] == []


@pytest.mark.parametrize("text,expected", [
    ("سبوتنيك عربي — قبل يومين", date(2021, 11, 26)),
    ("نشر منذ يومين", date(2021, 11, 26)),
    ("التقيا قبل يومين من القمة", None),  # two days before something else
])
def test_two_days_ago(text, expected):
    found = [d.date for d in find_dates(text, date(2021, 11, 28)) if d.kind == "relative"]
    assert (found[0] if found else None) == expected


@pytest.mark.parametrize("text,offset", [
    ("مبارح الاتنين علييف كان بموسكو", -1),  # Levantine
    ("بوتين قابل علييف امبارح", -1),  # Egyptian
    ("التقوا في أستانا أمس الليل", -1),  # Gulf
    ("الرئيسان تلاقاو البارح", -1),  # Maghrebi
    ("هيقابله النهارده في الكرملين", 0),
    ("راح يجتمع باجر مع أردوغان", 1),
    ("يحضر الرئيسان غدوة القمة", 1),
])
def test_colloquial_relative_days(text, offset):
    found = [d.offset_days for d in find_dates(text, date(2024, 7, 4)) if d.offset_days is not None]
    assert found and found[0] == offset


@pytest.mark.parametrize("text,weekday", [("يوم التلات اللي فات", 1), ("نهار الاتنين", 0)])
def test_colloquial_weekdays(text, weekday):
    found = [d for d in find_dates(text, date(2024, 7, 4)) if d.kind == "weekday"]
    assert found and found[0].weekday == weekday


@pytest.mark.parametrize("sentence,year", [
    ("وفي عام 2020، وقع الرئيسان بيانا", 2020),
    ("في 2019 التقى الرئيسان", 2019),
    ("فى سنه 2008 زار الرئيس باكو", 2008),
    ("عام 2013 شهد زيارة دولة", 2013),
    ("« وفي العام 2016 عقدت قمة", 2016),
    # a year elsewhere in the sentence, a number that is no year, or a year governed by a noun
    ("التقى الرئيسان في عام 2020", None),
    ("في 250 ألف طن", None),
    ("لعام 2023 بلغ التبادل", None),
    ("في 20201 حالة", None),
])
def test_the_year_a_sentence_opens_with(sentence, year):
    assert opening_year(normalize(sentence)) == year
