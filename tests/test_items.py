"""Chronology items: paragraphs opening with their own day (corpus/extract/items.py) and what they
date (find_meetings, find_published)."""
from __future__ import annotations

from datetime import date

import pytest

from corpus.extract.items import is_item_label, item_labels
from corpus.extract.meetings import find_meetings
from corpus.extract.published import find_published

AGENDA = """أجندة الأسبوع في آسيا الوسطى

الأربعاء 5 نوفمبر 2025

الأربعاء 5 نوفمبر: يصل رئيس الوزراء الياباني إلى أستانا في زيارة رسمية.

الخميس 6 نوفمبر: تبدأ قمة إقليمية في العاصمة الطاجيكية. وأعلن الكرملين أن بوتين سيعقد على هامشها لقاء مع الرئيس علييف.

السبت 8 نوفمبر، القاهرة: يختتم مؤتمر للطاقة أعماله.
"""

WEEKLY = """نشرة الأسبوع

الاثنين 3 مارس 2025: البرلمان الأذربيجاني يقر موازنة معدلة.

الثلاثاء 4 مارس: بوتين يستقبل علييف في الكرملين ويبحثان ملفات النقل والطاقة.

الخميس 6 مارس: وزير الخارجية الروسي يزور أنقرة.
"""


@pytest.mark.parametrize("paragraph,expected", [
    ("الخميس 9 أكتوبر: تنعقد القمة الثانية", True),
    ("الإثنين 7 يوليو، ريو دي جانيرو: اختتام القمة", True),
    ("يوم الجمعة 10 أكتوبر: قمة رؤساء الدول", True),
    ("السبت 17 آب/أغسطس 2024: الخارجية تستدعي سفيرا", True),
    ("كانون الثاني: أول لقاء ثلاثي بعد الحرب", True),
    ("أيار 2021: توتر على الحدود", True),
    # a sentence that quotes after a date, a dateline, a clock time, a label far from its start
    ("وقال بوتين في 9 أكتوبر: إن العلاقات جيدة", False),
    ("موسكو 12 مارس 2019: التقى الرئيسان", False),
    ("الخميس 9 أكتوبر الساعة 10:30 بتوقيت موسكو", False),
    ("قال الرئيس في مؤتمر صحفي عقده في العاصمة يوم الخميس 9 أكتوبر: إن", False),
    ("ملاحظة: المواعيد قابلة للتعديل", False),
])
def test_what_opens_a_chronology_item(paragraph, expected):
    assert is_item_label(paragraph) is expected


def test_one_labelled_paragraph_is_no_chronology():
    assert item_labels("الخميس 9 أكتوبر: تنعقد القمة.\n\nوقال مسؤول إن القمة مهمة.") == []


def test_items_without_a_year_take_the_year_an_earlier_label_wrote():
    labels = item_labels(WEEKLY)
    assert [lb.mention.date for lb in labels] == [date(2025, 3, 3), date(2025, 3, 4), date(2025, 3, 6)]


def test_a_weekday_that_contradicts_the_carried_year_keeps_the_item_undated():
    text = "الاثنين 3 مارس 2025: خبر أول.\n\nالأحد 4 مارس: خبر ثان."  # 4 March 2025 is a Tuesday
    assert [lb.mention.date for lb in item_labels(text)] == [date(2025, 3, 3), None]


def test_an_encounter_in_an_item_takes_the_items_day_and_is_announced_after_the_page():
    (m,) = find_meetings(AGENDA, date(2025, 11, 5))
    # the place is the item's (the Tajik capital), not the first item's Astana
    assert (m.date, m.city, m.status) == ("2025-11-06", "Dushanbe", "announced")


def test_an_encounter_in_a_weekly_item_is_dated_by_its_label_not_the_page():
    (m,) = find_meetings(WEEKLY, None)
    assert (m.date, m.city, m.status) == ("2025-03-04", "Moscow", "held")


def test_the_leaders_of_two_items_do_not_make_an_encounter():
    text = ("حصاد الأسبوع\n\nالاثنين 7 يوليو، ريو دي جانيرو: اختتام قمة بريكس بمشاركة الرئيس الروسي "
            "فلاديمير بوتين عبر الفيديو.\n\nالخميس 10 يوليو، أبوظبي: التقى الرئيس الأذربيجاني إلهام علييف "
            "ورئيس الوزراء الأرميني نيكول باشينيان وبحثا اتفاق السلام.\n")
    assert find_meetings(text, date(2025, 7, 12)) == []


def test_a_months_item_gives_its_encounter_no_day():
    text = ("حصاد 2021: عام في جنوب القوقاز\nنشر في 30 كانون الأول/ديسمبر 2021\n\n"
            "كانون الثاني: لقاء ثلاثي جمع بوتين وعلييف وباشينيان في موسكو واتفاق على مجموعة عمل.\n"
            "أيار: توتر على الحدود وتبادل اتهامات.\n")
    (m,) = find_meetings(text, date(2021, 12, 30))
    assert (m.date, m.city) == (None, "Moscow")


def test_a_chronologys_first_item_is_not_the_pages_date():
    assert find_published(WEEKLY) == (None, None)
    # while a page's own date line above its items still dates it
    assert find_published(AGENDA)[0] == "2025-11-05"
