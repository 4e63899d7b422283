"""extract_document / extract_many: the glue, the contract, robustness, tails kept out."""
from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus import extract as extract_mod
from corpus.extract import extract_document, extract_many, extract_many_with_events
from corpus.models import Extraction

ARTICLE = """بوتين وعلييف يلتقيان في سوتشي
نشر في 26.11.2021 18:23

التقى الرئيس الروسي فلاديمير بوتين، الجمعة، نظيره الأذربيجاني إلهام علييف في مدينة سوتشي.
وقال بوتين إن حجم التبادل التجاري بين البلدين ارتفع 11 بالمئة في أول 9 أشهر من العام الجاري.
"""


def test_extract_document_contract():
    ex = extract_document(ARTICLE, "a.txt")
    out = ex.to_contract("a.txt")
    assert out["source"] == "a.txt" and out["published"] == "2021-11-26"
    assert out["title"] == "بوتين وعلييف يلتقيان في سوتشي"
    (m,) = out["meetings"]
    assert (m["date"], m["city"], m["kind"], m["status"]) == ("2021-11-26", "Sochi", "talks", "held")
    assert any(f["unit"] == "percent" and f["value"] == 11 for f in out["figures"])
    assert all(f["text"] in ARTICLE for f in out["figures"])
    json.dumps(out, ensure_ascii=False)  # serialisable


def test_hints_are_used():
    ex = extract_document("نص قصير عن العلاقات الروسية الأذربيجانية.", "b.html",
                          {"title": "عنوان", "published": "2024-08-19", "url": "https://x.org/1"})
    assert ex.title == "عنوان" and ex.published == "2024-08-19"


def test_a_failing_stage_leaves_its_field_empty(monkeypatch):
    def boom(*_a, **_k):
        raise RuntimeError("broken stage")
    monkeypatch.setattr(extract_mod, "find_figures", boom)
    ex = extract_document(ARTICLE, "a.txt")
    assert ex.figures == [] and ex.meetings and ex.published == "2021-11-26"


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_extract_document_never_raises(text):
    ex = extract_document(text, "x")
    assert isinstance(ex, Extraction)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(["بوتين", "علييف", "التقى", "في", "باكو", "اليوم", "الاثنين", "أمس", "الأحد",
                                 "19-8-2024", "مليار", "دولار", "4", "%", "\n", "المصدر:", "إقرأ أيضاً:",
                                 "الكرملين", "قمة", "ثلاثية", "هاتفيا", "سيلتقي", "٢٠٢٤", "نوفمبر/", "تشرين"]),
                max_size=60))
def test_extract_document_never_raises_on_arabic_soup(words):
    ex = extract_document(" ".join(words), "soup")
    assert isinstance(ex, Extraction)


def test_non_string_input_does_not_raise():
    assert isinstance(extract_document(None, "none"), Extraction)  # type: ignore[arg-type]


def test_extract_many_links_undated_meeting_to_dated_event():
    dated = ("dated.txt", "بوتين في باكو\nتاريخ النشر: 19th, August 2024 GMT\n\n"
             "أجرى الرئيس الروسي بوتين اليوم الاثنين مباحثات مع نظيره الأذربيجاني علييف في باكو حول الطاقة.", None)
    undated = ("undated.txt", "أجرى الرئيس الروسي بوتين، الاثنين، مباحثات مع علييف في العاصمة باكو حول الطاقة.", None)
    exs, events = extract_many_with_events([dated, undated])
    assert exs[0].meetings[0].date == "2024-08-19"
    m = exs[1].meetings[0]
    assert (m.date, m.date_basis) == ("2024-08-19", "linked")
    assert len(events) == 1 and events[0].members == ["dated.txt", "undated.txt"]
    assert events[0].inferred == ["undated.txt"]
    assert [e.title for e in extract_many([dated])] == [exs[0].title]


def test_repeated_sources_get_distinct_keys():
    doc = ("same.txt", ARTICLE, None)
    _, events = extract_many_with_events([doc, doc])
    assert events[0].members == ["same.txt", "same.txt#2"]


# ---------------------------------------------------------------- real seeds (skip when absent)

def _seed(seeds_dir, prefix):
    (path,) = seeds_dir.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def _tail(text: str) -> str:
    return text[text.index("إقرأ أيضاً"):]


def test_seed_001_tail_does_not_reach_extraction(seeds_dir):
    text = _seed(seeds_dir, "001")
    ex = extract_document(text, "001")
    tail = _tail(text)
    assert "إقرأ أيضاً" not in ex.clean_text and "السيسي" not in ex.clean_text
    assert all(f.sentence not in tail for f in ex.figures)
    assert all(m.evidence not in tail for m in ex.meetings)
    assert ex.outlet == "RT Arabic" and ex.published == "2024-04-22"
    assert ex.meetings[0].city == "Moscow"


def test_seed_004_tail_does_not_reach_extraction(seeds_dir):
    text = _seed(seeds_dir, "004")
    ex = extract_document(text, "004")
    assert "8 ديسمبر" not in ex.clean_text and "52" not in ex.clean_text
    assert not any(f.value == 52 for f in ex.figures)
    assert all("ديسمبر" not in (m.evidence or "") for m in ex.meetings)
    assert ex.meetings[0].city == "Baku" and ex.meetings[0].weekday == 0
    assert ex.outlet == "Ain Libya"
