"""The meeting record, assembled from a real in-memory store filled through corpus.ingest."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from record_articles import ARTICLES

from corpus.export import export_bytes
from corpus.filters import Filters
from corpus.ingest import ingest_bytes
from corpus.records import events_with_briefs, meeting_record
from corpus.store import Store

BAKU_BRIEF = "\n".join([
    "Generated from extracted fields; not a translation.",
    "Date: 2024-08-19", "City: Baku", "Kind: talks", "Status: held",
    "Participants: Vladimir Putin, Ilham Aliyev",
    "Figures: trade turnover: more than USD 4 billion (2023); companies: more than 1,000 "
    "(period not reported); trade growth: 11% (2023)",
    "Topics: Energy; Transport and the North–South corridor; Trade"])


def _fill(store: Store, names: list[str]) -> dict[str, int]:
    ids = {}
    for name in names:
        results = ingest_bytes(store, name, ARTICLES[name].encode("utf-8"))
        ids[name] = next(r.article_id for r in results if r.article_id is not None)
    return ids


@pytest.fixture
def store():
    s = Store("sqlite://")
    s.ids = _fill(s, list(ARTICLES))  # type: ignore[attr-defined]
    yield s
    s.close()


def _event_id(store: Store, **fields) -> int:
    events = store.events(Filters())
    for row in events.itertuples():
        if all(getattr(row, k) == v for k, v in fields.items()):
            return int(row.id)
    raise AssertionError(f"no event with {fields}: {events}")


def test_record_has_the_event_fields_and_its_articles_grouped_by_outlet(store):
    record = meeting_record(store, _event_id(store, city="Baku", kind="talks"))
    assert record is not None
    assert (record.date, record.city, record.kind, record.status) == (dt.date(2024, 8, 19), "Baku",
                                                                     "talks", "held")
    ids = store.ids
    assert [g.outlet for g in record.outlets] == ["Sputnik", "Al Mayadeen"]
    assert [[a.article_id for a in g.articles] for g in record.outlets] == [
        [ids["baku_sputnik.txt"]], [ids["baku_mayadeen.txt"], ids["baku_mayadeen_undated.txt"]]]
    assert [a.published for a in record.articles] == [dt.date(2024, 8, 19), dt.date(2024, 8, 20), None]


def test_record_marks_the_first_article_to_report_the_meeting(store):
    record = meeting_record(store, _event_id(store, city="Baku", kind="talks"))
    assert [a.article_id for a in record.articles if a.first] == [store.ids["baku_sputnik.txt"]]
    assert record.first_reported == dt.date(2024, 8, 19)


def test_articles_published_the_same_first_day_are_all_marked_first(store):
    record = meeting_record(store, _event_id(store, city="Moscow"))
    assert {a.article_id for a in record.articles if a.first} == {
        store.ids["moscow_tass.txt"], store.ids["moscow_reuters.txt"]}


def test_record_marks_the_inferred_link_only(store):
    record = meeting_record(store, _event_id(store, city="Baku", kind="talks"))
    assert [a.article_id for a in record.articles if a.inferred] == [store.ids["baku_mayadeen_undated.txt"]]
    assert record.n_inferred == 1
    assert [e.inferred for e in record.evidence] == [False, False, True]


def test_record_lists_evidence_sentences_and_figures_with_their_sentences(store):
    record = meeting_record(store, _event_id(store, city="Baku", kind="talks"))
    assert [e.sentence for e in record.evidence] == [
        "بوتين وعلييف يبحثان التجارة في باكو", "علييف يستقبل بوتين", "الرئيسان يناقشان ممر النقل في باكو"]
    assert [(f.metric, f.value, f.unit, f.period, f.outlet) for f in record.figures] == [
        ("trade_turnover", 4e9, "USD", "2023", "Sputnik"),
        ("companies", 1000.0, "count", None, "Sputnik"),
        ("trade_growth", 11.0, "percent", "2023", "Al Mayadeen")]
    for figure in record.figures:
        assert figure.text in figure.sentence


def test_record_topics_and_brief(store):
    record = meeting_record(store, _event_id(store, city="Baku", kind="talks"))
    assert record.topics == ("energy", "transport", "trade")
    assert record.brief_en == BAKU_BRIEF


def test_record_of_a_trilateral_meeting_names_the_third_leader(store):
    record = meeting_record(store, _event_id(store, city="Moscow"))
    assert record.third_leaders == ("Pashinyan",)
    assert "Participants: Vladimir Putin, Ilham Aliyev, Nikol Pashinyan" in record.brief_en.split("\n")
    assert "Figures: investment: about USD 6 billion (period not reported); trade turnover: " \
           "USD 4–6 billion (period not reported)" in record.brief_en.split("\n")


def test_record_of_an_undated_meeting_says_the_date_was_not_reported(store):
    record = meeting_record(store, _event_id(store, kind="phone_call"))
    assert record.date is None and record.city is None
    assert record.brief_en.split("\n")[1:3] == ["Date: date not reported", "City: city not reported"]
    assert [a.first for a in record.articles] == [False]  # its only article has no date either


def test_removed_article_leaves_the_record_and_the_next_one_becomes_first(store):
    event_id = _event_id(store, city="Baku", kind="talks")
    store.remove_article(store.ids["baku_sputnik.txt"])
    record = meeting_record(store, event_id)
    assert [g.outlet for g in record.outlets] == ["Al Mayadeen"]
    assert [a.article_id for a in record.articles if a.first] == [store.ids["baku_mayadeen.txt"]]
    assert [f.metric for f in record.figures] == ["trade_growth"]


def test_unknown_event_has_no_record(store):
    assert meeting_record(store, 9999) is None


def test_events_export_has_each_events_brief(store):
    frame = events_with_briefs(store, Filters())
    baku = _event_id(store, city="Baku", kind="talks")
    assert frame.set_index("id").loc[baku, "brief_en"] == BAKU_BRIEF
    announced = frame[frame["status"] == "announced"]["brief_en"].tolist()
    assert len(announced) == 1 and "Status: announced, not yet held" in announced[0]

    rows = list(csv.DictReader(io.StringIO(export_bytes(store, "events", "csv").decode("utf-8-sig"))))
    assert {int(r["id"]): r["brief_en"] for r in rows}[baku] == BAKU_BRIEF
    items = json.loads(export_bytes(store, "events", "json"))
    assert {i["id"]: i["brief_en"] for i in items}[baku] == BAKU_BRIEF


def test_record_holds_what_each_leader_said_in_its_articles(store):
    record = meeting_record(store, _event_id(store, city="Baku", kind="talks"))
    assert record is not None and record.statements
    speakers = {s.speaker for s in record.statements}
    assert "putin" in speakers
    said_by_putin = [s for s in record.statements if s.speaker == "putin"]
    assert any("4 مليارات دولار" in s.text for s in said_by_putin)
    member_ids = {a.article_id for a in record.articles}
    assert all(s.article_id in member_ids and s.text in (s.sentence or s.text) for s in record.statements)
