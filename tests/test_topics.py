"""Topic tags (corpus/extract/topics.py)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.clean import clean_article
from corpus.normalize import normalize
from corpus.extract.topics import (_count_terms, _first_forms, _formed_topics, _Index, find_topics, topic_evidence,
                                   text_words, topic_labels, topics, word_forms)
from corpus.synth import generate


@pytest.mark.parametrize("text, expected", [
    ("بحث الرئيسان التعاون في قطاع الطاقة والنفط والغاز.", {"energy"}),
    ("ناقش الجانبان تطوير ممر شمال جنوب للنقل.", {"transport"}),
    ("ارتفع حجم التبادل التجاري بين البلدين.", {"trade"}),
    ("تعمل الاستثمارات الروسية في اقتصاد أذربيجان.", {"investment"}),
    ("تطرقا إلى الوضع في إقليم قره باغ.", {"karabakh"}),
    ("سعى إلى توقيع اتفاق السلام بين يريفان وباكو.", {"armenia_peace"}),
    ("تناولا قضايا الأمن الإقليمي.", {"south_caucasus_security"}),
    ("الوضع في بحر قزوين يقلق الجميع.", {"caspian"}),
    ("اقترح إنشاء جامعة روسية في باكو لتعليم اللغة الروسية.", {"education_culture"}),
    ("أشاد بدور قوات حفظ السلام الروسية.", {"peacekeepers"}),
    ("اعتذر عن تحطم طائرة ركاب أذربيجانية.", {"aviation"}),
    ("التقيا بقدامى العاملين في خط بايكال أمور.", {"railways"}),
    ("تحدثا عن حماية البيئة.", {"environment"}),
    ("تستضيف باكو مؤتمر المناخ كوب29.", {"climate_cop29"}),
    ("تستضيف باكو مؤتمر كوب 29.", {"climate_cop29"}),
    ("اعترفت روسيا بها في أعقاب الثورة البلشفية.", {"history"}),
    ("عقدت القمة الثلاثية في سوتشي.", {"trilateral"}),
    ("في إطار مجموعة مينسك.", {"minsk_group"}),
    ("على خلفية الحرب في أوكرانيا.", {"ukraine_war"}),
])
def test_one_topic(text, expected):
    assert set(find_topics(text)) == expected


def test_neutral_text_has_no_topic():
    assert find_topics("وصل الرئيس إلى العاصمة اليوم والتقى نظيره.") == []
    assert find_topics("") == []


@pytest.mark.parametrize("text, absent", [
    ("وصل الرئيس إلى باكو اليوم والتقى نظيره.", "trade"),
    ("اتصل باشينيان بالرئيس.", "armenia_peace"),  # one weak term is not enough
    ("أشاد بدور قوات حفظ السلام وباشينيان.", "armenia_peace"),  # السلام inside حفظ السلام
    ("رافقه وزير الطاقة والموارد الطبيعية.", "energy"),  # a minister's title
    ("ناقشا الأمور الثنائية بأم أعينهما.", "railways"),
    ("ناقش الرئيسان النفط.", "energy"),  # one weak term
])
def test_weak_or_ignored_terms_do_not_tag(text, absent):
    assert absent not in find_topics(text)


def test_two_weak_terms_tag():
    assert "energy" in find_topics("صدرت البلاد النفط وكذلك الغاز.")
    assert "armenia_peace" in find_topics("تحدث باشينيان عن التسوية.")


def test_clitics_in_front_of_terms():
    assert "caspian" in find_topics("على ضفاف وبحر قزوين")
    assert "trade" in find_topics("والتبادل التجاري ينمو")
    assert "investment" in find_topics("بالاستثمارات الروسية")


def test_evidence_names_the_terms():
    ev = topic_evidence("تطرقا إلى الوضع في إقليم قره باغ.")
    assert ev == {"karabakh": ["قره باغ"]}


def test_order_follows_the_lexicon():
    ids = [t.id for t in topics()]
    found = find_topics("قره باغ وحجم التجارة وبحر قزوين")
    assert found == sorted(found, key=ids.index)


def test_labels_in_both_languages():
    ar, en = topic_labels("ar"), topic_labels("en")
    assert set(ar) == set(en) == {t.id for t in topics()}
    assert en["energy"] == "Energy" and ar["energy"] == "الطاقة"
    assert topic_labels("xx") == ar


def test_word_forms_keep_a_stem_of_three_letters():
    assert word_forms("والغاز") >= {"والغاز", "الغاز", "غاز"}
    assert "ام" not in word_forms("بام")


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=100))
def test_never_raises(text):
    assert set(find_topics(text)) <= {t.id for t in topics()}


def _evidence_trying_every_topic(text: str) -> dict[str, list[str]]:
    """The reference: every topic's term groups counted, none skipped by the text's forms."""
    index = _Index(text, _first_forms())
    out: dict[str, list[str]] = {}
    for topic, ignore, strong_terms, weak_terms in _formed_topics():
        used = [False] * len(index.words)
        _count_terms(index, ignore, used)
        strong = _count_terms(index, strong_terms, used)
        weak = _count_terms(index, weak_terms, used)
        if strong or len(weak) >= 2:
            out[topic.id] = sorted(" ".join(t) for t in strong | weak)
    return out


def test_topics_skipped_by_their_first_forms_equal_trying_every_topic():
    texts = [clean_article(t).text for _, t, _ in generate(150, 5)]
    texts += [p.read_text(encoding="utf-8") for p in sorted(Path(__file__).parent.glob("heldout*/*.txt"))]
    tagged = 0
    for text in texts:
        expected = _evidence_trying_every_topic(text)
        assert topic_evidence(text) == expected
        tagged += bool(expected)
    assert tagged > 50  # the texts do have topics


def test_text_words_equal_the_plain_split():
    """The words read from ``gates.article_tokens`` are ``\\w+`` of the normalised text."""
    texts = [clean_article(t).text for _, t, _ in generate(60, 7)]
    texts += [p.read_text(encoding="utf-8") for p in sorted(Path(__file__).parent.glob("heldout*/*.txt"))]
    texts += ["a_b والغاز_المسال 12_3", "", "_", "بوتين، علييف: 2024", "x\u0640y ـ z"]
    for text in texts:
        norm = normalize(text)
        assert text_words(norm) == re.findall(r"\w+", norm)
    assert text_words("a_b ج") == ["a_b", "ج"]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="اب_ 1\u0640ـ،.a", max_size=40))
def test_text_words_equal_the_plain_split_on_any_text(text):
    assert text_words(text) == re.findall(r"\w+", text)
