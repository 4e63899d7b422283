"""AppTest of the meeting record page (/meeting?event=…) on a real store filled through ingest."""
from __future__ import annotations

import re
from urllib.parse import parse_qs

import pytest
from page_support import ingested_store, open_page, serving
from record_articles import ARTICLES

from corpus.filters import Filters
from corpus.store import Store


@pytest.fixture(scope="module")
def record_store():
    with ingested_store(ARTICLES) as store:
        yield store


@pytest.fixture
def installed(record_store):
    with serving(record_store) as store:
        yield store


def _event(store: Store, **fields) -> str:
    for row in store.events(Filters()).itertuples():
        if all(getattr(row, k) == v for k, v in fields.items()):
            return str(row.id)
    raise AssertionError(fields)


def _open(params: dict[str, str]):
    return open_page("views/meeting.py", params)


def _metric(at, label: str) -> str:
    return next(str(m.value) for m in at.metric if m.label == label)


def _plain(markdown: str) -> str:
    """Markdown as the reader sees it: escapes and direction isolates removed."""
    return re.sub(r"\\(.)", r"\1", markdown).replace("\u2066", "").replace("\u2069", "")


def _markdown(at) -> list[str]:
    return [_plain(m.value) for m in at.markdown]


def _captions(at) -> list[str]:
    return [_plain(c.value) for c in at.caption]


def test_record_page_in_arabic_shows_the_meeting_from_the_url(installed):
    baku = _event(installed, city="Baku", kind="talks")
    at = _open({"event": baku})
    assert not at.exception
    assert at.title[0].value == "سجل اللقاء"
    assert at.selectbox(key="mr_event").value == baku
    assert at.query_params["event"] == baku
    assert (_metric(at, "التاريخ"), _metric(at, "المدينة"), _metric(at, "النوع"), _metric(at, "الحالة")) == \
        ("2024-08-19", "باكو", "محادثات", "عُقد")
    texts = _markdown(at)
    assert "3 مقالة من 2 مصدر" in texts
    assert "أول من نقل اللقاء في 2024-08-19: سبوتنيك" in texts
    assert "الموضوعات: الطاقة، النقل وممر شمال–جنوب، التجارة" in texts
    assert "### سبوتنيك (1)" in texts and "### الميادين (2)" in texts
    captions = _captions(at)
    assert sum("(أول من نقله)" in c for c in captions) == 1
    assert sum("(مستنتج)" in c for c in captions) == 1
    assert any(t.startswith("> الرئيسان يناقشان ممر النقل في باكو") and "(مستنتج)" in t for t in texts)
    figures = at.dataframe[0].value
    assert figures["القيمة"].tolist() == ["4,000,000,000", "1,000", "11"]
    assert list(figures.columns)[-2:] == ["الجملة", "النص"]  # mirrored: the quote on the right
    assert "English brief" not in [s.value for s in at.header]
    assert not any("Generated from extracted fields" in t for t in texts)


def test_record_page_in_english_shows_the_brief(installed):
    baku = _event(installed, city="Baku", kind="talks")
    at = _open({"event": baku, "lang": "en"})
    assert not at.exception
    assert at.title[0].value == "Meeting record"
    assert (_metric(at, "City"), _metric(at, "Kind"), _metric(at, "Status")) == ("Baku", "Talks", "Held")
    texts = _markdown(at)
    assert "3 article(s) from 2 outlet(s)" in texts
    assert "### Sputnik (1)" in texts and "### Al Mayadeen (2)" in texts
    assert "English brief" in [s.value for s in at.header]
    brief = next(t for t in texts if t.startswith("Generated from extracted fields"))
    assert brief.split("  \n") == [
        "Generated from extracted fields; not a translation.", "Date: 2024-08-19", "City: Baku",
        "Kind: talks", "Status: held", "Participants: Vladimir Putin, Ilham Aliyev",
        "Figures: trade turnover: more than USD 4 billion (2023); companies: more than 1,000 "
        "(period not reported); trade growth: 11% (2023)",
        "Topics: Energy; Transport and the North–South corridor; Trade"]
    assert "First reported on 2024-08-19 by: Sputnik" in texts
    assert sum("(inferred)" in c for c in _captions(at)) == 1


def test_record_page_opens_a_meeting_the_filters_hide(installed):
    baku = _event(installed, city="Baku", kind="talks")
    at = _open({"event": baku, "city": "Moscow", "lang": "en"})
    assert not at.exception
    assert at.selectbox(key="mr_event").value == baku
    assert _metric(at, "City") == "Baku"


def test_record_page_says_when_the_event_does_not_exist(installed):
    at = _open({"event": "9999", "lang": "en"})
    assert not at.exception
    assert any("There is no meeting with the id 9999" in w.value for w in at.warning)
    latest = _event(installed, status="announced")  # 2025-04-15, the latest dated meeting
    assert at.selectbox(key="mr_event").value == latest


def test_choosing_another_meeting_writes_it_to_the_url(installed):
    baku = _event(installed, city="Baku", kind="talks")
    moscow = _event(installed, city="Moscow")
    at = _open({"event": baku, "lang": "en"})
    at.selectbox(key="mr_event").select(moscow).run()
    assert at.query_params["event"] == moscow
    assert _metric(at, "City") == "Moscow"
    brief = next(t for t in _markdown(at) if t.startswith("Generated from extracted fields"))
    assert "Nikol Pashinyan" in brief


def test_timeline_links_to_the_record_of_the_chosen_meeting(installed):
    baku = _event(installed, city="Baku", kind="talks")
    at = open_page("views/timeline.py", {"event": baku})
    assert not at.exception
    links = [p.proto for p in at.get("page_link")]
    assert [(p.page, p.query_string, p.label) for p in links] == [
        ("meeting", f"event={baku}", "افتح سجل هذا اللقاء")]
    at.query_params["lang"] = "en"
    at.query_params["city"] = "Baku"
    at.run()
    links = [p.proto for p in at.get("page_link")]
    assert [(p.page, parse_qs(p.query_string)) for p in links] == [
        ("meeting", {"city": ["Baku"], "lang": ["en"], "event": [baku]})]


def test_record_links_each_article_to_the_reader_keeping_the_language(installed):
    baku = _event(installed, city="Baku", kind="talks")
    at = _open({"event": baku, "lang": "en"})
    links = [parse_qs(p.proto.query_string) for p in at.get("page_link")
             if p.proto.page == "articles" and p.proto.label == "Read the article"]
    assert links == [{"lang": ["en"], "article": [str(a)]}
                     for a in (installed.ids_by_name[n] for n in
                               ("baku_sputnik.txt", "baku_mayadeen.txt", "baku_mayadeen_undated.txt"))]


def test_record_page_shows_a_hostile_title_and_evidence_literally():
    hostile = ("بوتين يستقبل علييف <img src=x onerror=alert(1)> $5 *نجمة*\n\n"
               "موسكو 12 مارس 2025 - استقبل الرئيس الروسي فلاديمير بوتين اليوم الأربعاء نظيره "
               "الأذربيجاني إلهام علييف في الكرملين <script>alert(2)</script>.\n")
    with ingested_store({"hostile.txt": hostile}) as store, serving(store):
        at = _open({"event": _event(store, city="Moscow"), "lang": "en"})
        assert not at.exception
        raw = [m.value for m in at.markdown]
        title = next(v for v in raw if v.startswith("**") and "img" in v)
        assert "&lt;img src\\=x onerror\\=alert\\(1\\)&gt;" in title and "\\$5 \\*نجمة\\*" in title
        assert not any("<img" in v or "<script" in v for v in raw)


def test_record_shows_what_each_leader_said(installed):
    baku = _event(installed, city="Baku", kind="talks")
    at = _open({"event": baku, "lang": "en"})
    assert not at.exception
    assert "What each leader said" in [h.value for h in at.subheader] + [h.value for h in at.header]
    assert any(_plain(m.value) == "**Putin · reported speech**" for m in at.markdown)
