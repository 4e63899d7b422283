"""unwrap_hard_lines: paragraphs cut at a fixed width are joined again; other text is left alone."""
from __future__ import annotations

import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.extract import extract_document
from corpus.unwrap import _is_stamp, unwrap_hard_lines

# Written for these tests.
TITLE = "بوتين وعلييف يبحثان التعاون في باكو"
LEAD = ("باكو 19 أغسطس 2024 - أجرى الرئيس الروسي فلاديمير بوتين اليوم الاثنين محادثات مع نظيره الأذربيجاني إلهام "
        "علييف في العاصمة باكو، تناولت التعاون في مجالات الطاقة والنقل والتجارة بين البلدين.")
TRADE = ("وقال بوتين إن حجم التبادل التجاري بين البلدين بلغ 4.8 مليار دولار في العام الماضي، وإن الجانبين "
         "يعملان على زيادته عبر ممر الشمال والجنوب الذي يربط روسيا بإيران مرورا بالأراضي الأذربيجانية.")


def _wrapped(width: int) -> str:
    return "\n".join([TITLE, "", textwrap.fill(LEAD, width), "", textwrap.fill(TRADE, width)])


@pytest.mark.parametrize("width", [60, 72, 80])
def test_wrapped_paragraphs_are_joined_again(width: int) -> None:
    assert unwrap_hard_lines(_wrapped(width)).split("\n") == [TITLE, "", LEAD, "", TRADE]


def test_two_cut_lines_are_too_few_to_tell_a_wrapped_text() -> None:
    assert unwrap_hard_lines(_wrapped(100)) == _wrapped(100)  # left as it is: MIN_WRAPPED_LINES


@pytest.mark.parametrize("width", [60, 80])
def test_a_wrapped_article_reads_as_the_unwrapped_one(width: int) -> None:
    plain = extract_document("\n".join([TITLE, "", LEAD, "", TRADE]))
    wrapped = extract_document(_wrapped(width))
    assert (wrapped.published, [(m.date, m.city, m.kind) for m in wrapped.meetings],
            [(f.value, f.unit) for f in wrapped.figures]) == \
           (plain.published, [(m.date, m.city, m.kind) for m in plain.meetings],
            [(f.value, f.unit) for f in plain.figures]) == \
           ("2024-08-19", [("2024-08-19", "Baku", "talks")], [(4.8e9, "USD")])


@pytest.mark.parametrize("text", [
    # one paragraph per line: a line longer than a screen line says so
    "\n".join([TITLE, LEAD, TRADE]),
    # short lines: a title, a stamp, short sentences each ending with a full stop
    "\n".join([TITLE, "19.08.2024 | 10:22", "التقى الرئيسان في باكو اليوم.", "وبحثا التعاون.", "وقعا اتفاقات."]),
    # headlines of a related-articles list, none longer than a screen line but not cut at a width
    "\n".join(["• بوتين يلتقي علييف في سوتشي", "• علييف يزور موسكو", "• قمة ثلاثية في طهران"]),
    # repeated headlines around a related-links marker (found by the property below): all too short
    "\n".join([TITLE, "", TITLE, "اقرأ أيضا", TITLE]),
])
def test_text_that_is_not_wrapped_is_unchanged(text: str) -> None:
    assert unwrap_hard_lines(text) == text


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from([TITLE, LEAD, TRADE, "", "اقرأ أيضا", "2024"]), max_size=8),
       st.integers(min_value=40, max_value=130))
def test_unwrapping_keeps_length_and_is_idempotent(parts: list[str], width: int) -> None:
    text = "\n".join(textwrap.fill(p, width) if len(p) > width else p for p in parts)
    once = unwrap_hard_lines(text)
    assert len(once) == len(text)
    assert unwrap_hard_lines(once) == once
    assert once.replace("\n", " ") == text.replace("\n", " ")  # only line ends may change


# Lines cut at no width: after a word no Arabic sentence ends with.
@pytest.mark.parametrize("cut,joined", [
    ("أجرى الرئيس الروسي محادثات مع نظيره الأذربيجاني في\nالعاصمة باكو.",
     "أجرى الرئيس الروسي محادثات مع نظيره الأذربيجاني في العاصمة باكو."),
    ("وقال المتحدث باسم الكرملين إن الرئيسين اتفقا على أن\nتعقد القمة المقبلة في موسكو.",
     "وقال المتحدث باسم الكرملين إن الرئيسين اتفقا على أن تعقد القمة المقبلة في موسكو."),
    ("وبحث الجانبان المشاريع المشتركة التي\r\nأعلن عنها الشهر الماضي.",
     "وبحث الجانبان المشاريع المشتركة التي  أعلن عنها الشهر الماضي."),
])
def test_a_line_ending_with_a_word_no_sentence_ends_with_goes_on(cut: str, joined: str) -> None:
    assert unwrap_hard_lines(cut) == joined


@pytest.mark.parametrize("text", [
    "تابعونا على\nبوتين يستقبل علييف في الكرملين.",  # furniture whose icon was dropped: too short
    "أجرى الرئيس الروسي محادثات مع نظيره في\n\nالعاصمة باكو.",  # a blank line is a paragraph's end
    "أجرى الرئيس الروسي محادثات مع نظيره في\n- العاصمة باكو.",  # a list item
    "بوتين وعلييف يبحثان التعاون الاقتصادي\nباكو - أجرى الرئيسان محادثات.",  # a headline's last word
])
def test_lines_that_end_otherwise_keep_their_line_end(text: str) -> None:
    assert unwrap_hard_lines(text) == text


def test_a_meeting_sentence_cut_after_a_preposition_reads_as_the_whole() -> None:
    whole = "\n".join([TITLE, "", LEAD, "", TRADE])
    cut = whole.replace("محادثات مع ", "محادثات مع\n", 1)
    assert "مع\n" in cut
    plain, broken = extract_document(whole), extract_document(cut)
    assert [(m.date, m.city, m.kind) for m in broken.meetings] == [(m.date, m.city, m.kind) for m in plain.meetings]
    assert [(m.date, m.city) for m in plain.meetings] == [("2024-08-19", "Baku")]


# A wrapped article under a title of nearly the wrap's width: the title and the stamp under it are
# not part of the first paragraph.
LONG_TITLE = "الرئيسان الروسي والأذربيجاني يبحثان في باكو التعاون الاقتصادي والنقل والطاقة"


@pytest.mark.parametrize("stamp", ["19/08/2024", "19.08.2024 [17:05]", "الاثنين 19 أغسطس 2024",
                                   "نشر: 19 أغسطس 2024"])
def test_a_stamp_under_a_wrapped_title_keeps_its_own_line(stamp: str) -> None:
    text = "\n".join([LONG_TITLE, stamp, "", textwrap.fill(LEAD, 80), "", textwrap.fill(TRADE, 80)])
    assert unwrap_hard_lines(text).split("\n")[:2] == [LONG_TITLE, stamp]


def test_under_a_greedy_wrap_a_title_the_next_word_would_have_fitted_on_was_not_cut() -> None:
    # 72 characters: "أجرى" (4) would have fitted within 80 had the line been cut at the width
    title = "بوتين وعلييف يبحثان التعاون الاقتصادي في باكو وسط تحضيرات لتوقيع اتفاقات"
    assert len(title) + 1 + len("أجرى") <= 80
    text = "\n".join([title, textwrap.fill(LEAD.replace("باكو 19 أغسطس 2024 - ", ""), 80), "",
                      textwrap.fill(TRADE, 80)])
    assert unwrap_hard_lines(text).split("\n")[0] == title


def test_under_a_greedy_wrap_a_line_cut_after_a_bracket_is_joined() -> None:
    lead = ("باكو 19 أغسطس 2024 - التقى الرئيس الروسي فلاديمير بوتين اليوم (الاثنين) نظيره الأذربيجاني إلهام "
            "علييف في العاصمة باكو، وبحثا التعاون في مجالات الطاقة والنقل والتجارة بين البلدين الجارين.")
    # cut right after "(الاثنين)" by a width that the next word does not fit
    width = lead.index("(الاثنين)") + len("(الاثنين)")
    wrapped = textwrap.fill(lead, width)
    assert wrapped.split("\n")[0].endswith("(الاثنين)")
    text = "\n".join([TITLE, "", wrapped, "", textwrap.fill(TRADE, width)])
    assert unwrap_hard_lines(text).split("\n") == [TITLE, "", lead, "", TRADE]


@pytest.mark.parametrize("line,is_stamp", [
    ("30/12/2024", True), ("12.12.2023 [17:05]", True), ("الاثنين 30 ديسمبر 2024", True),
    ("22nd, April 2024 GMT", True),
    ("2024.", False),  # a sentence's end
    ("وبلغ حجم التبادل 4 مليارات دولار", False),  # words, one number
    ("", False),
])
def test_stamp_lines(line: str, is_stamp: bool) -> None:
    assert _is_stamp(line) is is_stamp


def test_an_alert_log_keeps_each_clock_led_line_apart():
    lines = ["08:45  عاجل | بوتين يبحث هاتفيا مع رئيس الوزراء الأرميني الوضع في جنوب القوقاز والممرات",
             "10:20  علييف يتلقى اتصالا من الرئيس الأوزبكي شوكت ميرضيائيف ويهنئه بالعيد وبحث معه التعاون",
             "12:00  عاجل | إلهام علييف: لن نسمح بالإملاءات في كلمة أمام منتدى باكو للطاقة في دورته",
             "13:15  أذربيجان: صادرات النفط تراجعت بنسبة 6% خلال خمسة أشهر من العام الجاري وفق البيانات"]
    text = "الإشعارات · الثلاثاء 3 يونيو 2025\n\n" + "\n".join(lines) + "\n"
    assert unwrap_hard_lines(text) == text
