"""Hijri (Islamic lunar) dates: Umm al-Qura conversion, taken only when the page confirms the day."""
from __future__ import annotations

from datetime import date

import pytest

from corpus.extract.hijri import confirmed_day, hijri_dates, umm_al_qura
from corpus.extract.meetings import find_meetings
from corpus.extract.published import find_published, find_today


@pytest.mark.parametrize("hijri,gregorian", [
    ((1443, 4, 21), date(2021, 11, 26)),
    ((1445, 3, 27), date(2023, 10, 12)),
    ((1445, 10, 13), date(2024, 4, 22)),
    ((1445, 9, 1), date(2024, 3, 11)),  # the first of Ramadan 1445 in the Umm al-Qura tables
])
def test_umm_al_qura_days(hijri, gregorian):
    assert umm_al_qura(*hijri) == gregorian


@pytest.mark.parametrize("hijri", [(1445, 13, 1), (1445, 2, 31), (1600, 1, 1), (1200, 1, 1)])
def test_no_such_hijri_day_is_none(hijri):
    assert umm_al_qura(*hijri) is None


@pytest.mark.parametrize("text,expected", [
    ("الجمعة 21 ربيع الثاني 1443هـ", [(1443, 4, 21, 4)]),
    ("الخميس، 27 ربيع الأول 1445 هـ", [(1445, 3, 27, 3)]),
    ("1445/3/27هـ", [(1445, 3, 27, None)]),
    ("27/3/1445 هـ", [(1445, 3, 27, None)]),
    ("١٤٤٥/٣/٢٧هـ", [(1445, 3, 27, None)]),
    ("12 رمضان 1444", []),  # no era mark: not read as Hijri
    ("2024/3/27", []),
])
def test_hijri_dates_written_with_their_year(text, expected):
    assert hijri_dates(text) == expected


@pytest.mark.parametrize("args,expected", [
    # the weekday picks the day among the three around the table's (a sighted month one day off)
    ((1443, 4, 21, 4), date(2021, 11, 26)),
    ((1443, 4, 21, 3), date(2021, 11, 25)),
    ((1443, 4, 21, 5), date(2021, 11, 27)),
    ((1443, 4, 21, 0), None),  # a weekday two days off: nothing agrees
    # a Gregorian day and month of the same page confirms it; nothing confirms: None
    ((1445, 3, 27, None, (10, 12)), date(2023, 10, 12)),
    ((1445, 3, 27, None, (10, 13)), date(2023, 10, 13)),
    ((1445, 3, 27, None, (10, 20)), None),
    ((1445, 3, 27, None), None),
])
def test_a_hijri_day_is_taken_only_when_confirmed(args, expected):
    assert confirmed_day(*args) == expected


SAUDI = """صحيفة يومية | العالم
الجمعة 21 ربيع الثاني 1443هـ

سوتشي - واس
عقد الرئيس الروسي فلاديمير بوتين اليوم في منتجع سوتشي اجتماعا مع الرئيس الأذربيجاني إلهام علييف.
"""
KUWAITI = """صحيفة يومية
1445/3/27هـ

بيشكيك - 12 - 10 (كونا) -- عقد الرئيس الروسي فلاديمير بوتين والرئيس الأذربيجاني إلهام علييف محادثات اليوم.
"""


def test_a_hijri_date_line_with_its_weekday_is_the_articles_today_not_its_publication():
    assert find_published(SAUDI) == (None, None)
    assert find_today(SAUDI, "", None) == (date(2021, 11, 26), "Hijri date line, confirmed")


def test_a_numeric_hijri_date_line_confirmed_by_the_agencys_dateline():
    assert find_today(KUWAITI, "", None)[0] == date(2023, 10, 12)
    # without the dateline nothing confirms the table's day
    alone = KUWAITI.replace("بيشكيك - 12 - 10 (كونا) -- ", "")
    assert find_today(alone, "", None) == (None, None)


def test_an_encounter_told_as_today_under_a_hijri_date_line():
    from corpus.extract import extract_document
    (m,) = extract_document(SAUDI).meetings
    assert (m.date, m.city) == ("2021-11-26", "Sochi")
