"""Rules of Arabic news writing for economic figures that the development articles did not teach
the first version: multiples, amounts after a detached article, counts of visitors, price units,
page counters, territory shares, fractions and ranks in words. Sentences are our own."""
from __future__ import annotations

import pytest

from corpus.figures import find_figures

PUB = "2024-05-01"


def _figs(text):
    figs = find_figures(text, PUB)
    for f in figs:
        assert text[f.start:f.start + len(f.text)] == f.text
    return [(f.text, f.value, f.unit, f.qualifier) for f in figs]


# ---------------------------------------------------------------- multiples

@pytest.mark.parametrize("text, expected", [
    ("زادت صادرات الحمضيات إلى السوق الروسية سبعة أضعاف.", [("سبعة أضعاف", 7, "other", "exact")]),
    ("نما التبادل التجاري بين الجانبين بأربع مرات خلال عقد.", [("بأربع مرات", 4, "other", "exact")]),
    ("ارتفعت الاستثمارات 2.5 مرة مقارنة بالعام السابق.", [("2.5 مرة", 2.5, "other", "exact")]),
    ("أصبحت الواردات أكبر بنحو 3 مرات.", [("بنحو 3 مرات", 3, "other", "approx")]),
    ("تضاعف حجم الشحنات أكثر من 10 مرات.", [("أكثر من 10 مرات", 10, "other", "more_than")]),
    ("وارتفعت صادرات الأسماك مرتين في الربع الأول.", [("مرتين", 2, "other", "exact")]),
])
def test_multiples_after_a_change_word(text, expected):
    assert [(t, v, u, q) for t, v, u, q in _figs(text) if u == "other"] == expected


@pytest.mark.parametrize("text", [
    "التقى الرئيسان ثلاث مرات لبحث التجارة.",
    "التقى الوزيران مرتين هذا الشهر لبحث الاستثمارات.",
    "شوهد هذا الخبر 1500 مرة.",
    "زار الوفد المدينة خمس مرات.",  # a change word is missing and the sentence is not economic
    "ارتفع عدد الزيارات ثلاث مرات.",  # a change word but nothing economic
    "ناقش الطرفان زيادة التجارة، وأجلا الاجتماع ثلاث مرات.",  # the change word is in another clause
])
def test_repetitions_are_not_multiples(text):
    assert _figs(text) == []
