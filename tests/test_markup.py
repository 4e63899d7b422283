"""Markup left in an article's text (corpus/markup.py): read through, or left alone when there is none."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.clean import clean_article
from corpus.extract import extract_document
from corpus.markup import strip_markup


@pytest.mark.parametrize("text,expected", [
    # HTML tags and entities
    ("<p>استقبل الرئيس &quot;بوتين&quot; نظيره</p><p>وبحث الجانبان التعاون</p>",
     "\nاستقبل الرئيس \"بوتين\" نظيره\n\nوبحث الجانبان التعاون\n"),
    ("<strong>موسكو</strong> &ndash; &laquo;إعلان&raquo;", " موسكو  – «إعلان»"),
    # numeric entities spelling a name, escaped twice
    ("&amp;#1593;&amp;#1604;&amp;#1610;&amp;#1610;&amp;#1601; &lt;br&gt; التقى بوتين", "علييف \n التقى بوتين"),
    # JSON escapes
    ('{\\"title\\": \\"\\u0628\\u0648\\u062a\\u064a\\u0646 \\u064a\\u0633\\u062a\\u0642\\u0628\\u0644\\"}\\nنص',
     '{"title": "بوتين يستقبل"}\nنص'),
    # Markdown
    ("## علييف في الكرملين\n\n**موسكو، 22 أبريل 2024** — استقبل [بوتين](https://x.example/a) نظيره\n> قال بوتين",
     "علييف في الكرملين\n\nموسكو، 22 أبريل 2024 — استقبل بوتين نظيره\nقال بوتين"),
])
def test_markup_is_read_through(text, expected):
    assert strip_markup(text) == expected


@pytest.mark.parametrize("text", [
    "التقى بوتين علييف في الكرملين & بحثا التعاون",  # a lone ampersand
    "قال إن النمو بلغ 5% * 2 في العام",  # one star
    "انظر الفقرة [1] من البيان",  # a bracketed number
    "<p>فقرة واحدة</p>",  # one kind of markup is not enough
    # however often: an article that quotes a hostile tag keeps it as text (shown escaped)
    "<img src=x onerror=alert(1)> بوتين <img src=x onerror=alert(1)> وعلييف <img src=x onerror=alert(1)>",
    "**bold** بوتين **bold** وعلييف **bold**",
])
def test_text_with_fewer_than_two_signs_is_left_alone(text):
    assert strip_markup(text) == text


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0x0621, max_codepoint=0x064A) | st.sampled_from(" \n.،0123456789"),
               max_size=200))
def test_arabic_prose_is_never_changed(text):
    assert strip_markup(text) == text


def test_an_article_exported_with_markup_reads_as_the_plain_one():
    marked = ("## علييف في الكرملين\n\n**موسكو، 22 أبريل 2024** &ndash; استقبل الرئيس فلاديمير بوتين اليوم في "
              "[الكرملين](https://kremlin.example/e) نظيره الأذربيجاني إلهام علييف.<br/>وقال إن التبادل التجاري "
              "بلغ 4.3 مليار دولار العام الماضي.")
    plain = ("علييف في الكرملين\n\nموسكو، 22 أبريل 2024 – استقبل الرئيس فلاديمير بوتين اليوم في الكرملين نظيره "
             "الأذربيجاني إلهام علييف.\nوقال إن التبادل التجاري بلغ 4.3 مليار دولار العام الماضي.")
    a, b = extract_document(marked), extract_document(plain)
    assert [(m.date, m.city) for m in a.meetings] == [(m.date, m.city) for m in b.meetings] == [("2024-04-22", "Moscow")]
    assert [(f.value, f.unit) for f in a.figures] == [(f.value, f.unit) for f in b.figures] == [(4.3e9, "USD")]
    assert "<br" not in clean_article(marked).text
