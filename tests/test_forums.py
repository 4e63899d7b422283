"""Which summit an article's lead names (corpus.extract.forums), on sentences written for the tests."""
from __future__ import annotations

import pytest

from corpus.extract.forums import lead_forums
from corpus.lexicons import load_yaml


@pytest.mark.parametrize("text,expected", [
    ("انطلقت في دوشنبه قمة رابطة الدول المستقلة بمشاركة بوتين وعلييف.", {"cis"}),
    ("وصل علييف إلى موسكو للمشاركة في اجتماع مجلس رؤساء دول الكومنولث.", {"cis"}),
    ("عقد المجلس الاقتصادي الأوراسي الأعلى اجتماعه في الكرملين.", {"eaeu"}),
    ("ناقش رؤساء دول الاتحاد الاقتصادي الاوراسي التعاون في الطاقة.", {"eaeu"}),
    ("التقى بوتين وعلييف على هامش قمة منظمة شنغهاي للتعاون.", {"sco"}),
    ("بدأت أعمال القمة السادسة للدول المطلة على بحر قزوين في عشق آباد.", {"caspian"}),
    ("يشارك علييف في قمة البريكس في قازان.", {"brics"}),
    ("انطلقت في طهران القمة الثلاثية بين روسيا وإيران وأذربيجان بحضور بوتين وعلييف.", {"trilateral"}),
    ("بحث بوتين وعلييف العلاقات الثنائية في سوتشي.", set()),
    ("", set()),
])
def test_organisation_named_in_the_lead(text, expected):
    assert lead_forums(text) == expected


def test_an_organisation_recalled_after_the_lead_does_not_count():
    text = ("التقى بوتين وعلييف في دوشنبه. وجرى اللقاء بعد فتور طويل. وناقشا قضايا إقليمية. "
            "وكانا قد تصافحا في قمة منظمة شنغهاي للتعاون الشهر الماضي.")
    assert lead_forums(text) == set()


def test_stems_take_any_ending_and_the_article():
    assert lead_forums("أشاد بوتين بدور اللجنة الأوراسية في الاجتماع.") == {"eaeu"}


def test_forums_lexicon_entries_are_nonempty_lists_of_strings():
    data = load_yaml("forums.yaml")
    assert {"cis", "eaeu", "sco", "brics", "caspian"} <= set(data)
    for name, entry in data.items():
        assert set(entry) <= {"phrases", "stems"}, name
        words = entry.get("phrases", []) + entry.get("stems", [])
        assert words and all(isinstance(w, str) and w.strip() for w in words), name
        assert len(words) == len(set(words)), f"{name}: duplicate entries"
