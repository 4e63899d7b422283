"""The dashboard's fast counts (``Store.tally``: the articles' facts in memory, filters as masks)
against a brute-force reference computed in Python from the stored rows, and against the SQL
reads they replace on the pages (``count``, ``facet_counts``, ``events``, ``outlet_counts``,
``count_figures``, ``coverage``, ``coverage_by_outlet``, ``facets``), on SQLite and PostgreSQL.

The store holds synthetic articles (events grouped by the store) and hand-written ones for the
edges: an outlet known only from a second copy, no outlet, no date, a meeting without a city, a
secondary meeting, a removed article.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import replace
from typing import Any

import pandas as pd
import pytest
import sqlalchemy as sa

from corpus import synth
from corpus.filters import Filters
from corpus.models import Extraction, Figure, Meeting, RawDocument
from corpus.store import Store, schema

# Distinct texts: near-copies of one text would be stored as sources of the first.
BODIES = {
    "no-outlet": "استقبل الرئيس علييف ضيفه الروسي في قصر زاغولبا وتناولت المباحثات مشروعات الطاقة المتجددة "
                 "ومحطات الرياح على ساحل قزوين وتمويلها من صندوق مشترك.",
    "undated": "نشرت صحيفة محلية تحليلا مطولا عن تاريخ العلاقات بين موسكو وباكو منذ تسعينيات القرن الماضي "
               "دون أن تذكر موعدا محددا لأي لقاء قادم بين الزعيمين.",
    "copied": "أجرى بوتين اتصالا هاتفيا بعلييف هنأه فيه بالعام الجديد وبحثا تسيير القطارات عبر ممر الشمال "
              "والجنوب وزيادة صادرات الحبوب الروسية إلى أذربيجان.",
    "removed": "وصل وفد برلماني روسي إلى باكو لبحث التعاون التشريعي وتبادل الخبرات في مجال الانتخابات "
               "المحلية والرقابة على الميزانيات العامة خلال الدورة المقبلة.",
    "new": "افتتح في مدينة قبالة معرض للصناعات اليدوية الروسية والأذربيجانية بحضور وزيري الثقافة تماما "
           "كما جرى في الدورة السابقة من المعرض قبل عامين.",
}


def _edge(store: Store, name: str, *, outlet: str | None, published: str | None,
          meetings: list[Meeting], topics: list[str], figures: int = 0) -> int:
    body = BODIES[name]
    ex = Extraction(title=f"مقال {name}", outlet=outlet, published=published, language="ar", meetings=meetings,
                    figures=[Figure(f"{i} مليار", float(i), None, "USD", "trade_turnover", "exact", None, "جملة")
                             for i in range(1, figures + 1)],
                    topics=topics, clean_text=body, provenance={})
    result = store.add_article(RawDocument(f"{name}.txt", body, "txt", "utf-8"), ex, "tester")
    assert result.status == "added" and result.article_id is not None
    return result.article_id


def _meeting(date: str | None, city: str | None, kind: str, primary: bool = True) -> Meeting:
    return Meeting(date=date, city=city, kind=kind, status="held", evidence="جملة الدليل",
                   date_basis="explicit" if date else None, primary=primary)


@pytest.fixture
def store(db_url):
    synth.write_database(120, db_url, seed=7)
    s = Store(db_url)
    edge_id = _edge(s, "no-outlet", outlet=None, published="2019-03-04",
          meetings=[_meeting("2019-03-01", None, "visit"), _meeting("2018-01-01", "Sochi", "talks", False)],
          topics=["energy", "trade"], figures=2)
    _edge(s, "undated", outlet="Outlet Z", published=None,
          meetings=[], topics=[])
    copied = _edge(s, "copied", outlet="Outlet A", published="2021-12-31",
                   meetings=[_meeting("2021-12-27", "Moscow", "phone_call")], topics=["caspian"], figures=1)
    with s.engine.begin() as conn:  # a second copy from another outlet: the outlet filter counts it
        conn.execute(schema.sources.insert().values(article_id=copied, source="copied-b.txt", url="",
                                                    outlet="Outlet B", added_at=dt.datetime(2024, 1, 1)))
        conn.execute(schema.meta.update().where(schema.meta.c.key == "corpus_version")
                     .values(value=sa.cast(sa.cast(schema.meta.c.value, sa.Integer) + 1, sa.Text)))
    removed = _edge(s, "removed", outlet="Outlet A", published="2020-06-01",
                    meetings=[_meeting("2020-06-01", "Baku", "talks")], topics=["energy"], figures=3)
    s.remove_article(removed)
    _link_twice(s, edge_id)  # last: a write would regroup the events
    yield s
    s.close()


def _link_twice(store: Store, article_id: int) -> None:
    """Both meetings of an article in one event, the second inferred (an editor's grouping can do
    that): the event counts the article once, and as inferred."""
    EA = schema.event_articles
    store.ensure_events()
    with store.engine.begin() as conn:
        event_id = conn.execute(sa.select(sa.func.min(schema.events.c.id))).scalar()
        conn.execute(EA.delete().where(EA.c.article_id == article_id))
        conn.execute(EA.insert(), [{"event_id": event_id, "article_id": article_id, "meeting_idx": 0,
                                    "inferred": False},
                                   {"event_id": event_id, "article_id": article_id, "meeting_idx": 1,
                                    "inferred": True}])


# --- the reference: every live article's facts from the rows, then plain Python ---------------

def _facts(store: Store) -> dict[int, dict[str, Any]]:
    A, S, M, T, F = schema.articles, schema.sources, schema.meetings, schema.topics, schema.figures
    with store.engine.connect() as conn:
        rows = conn.execute(sa.select(A.c.id, A.c.outlet, A.c.sort_date, A.c.published, A.c.meeting_date)
                            .where(A.c.removed_at.is_(None))).all()
        facts = {r.id: {"outlet": r.outlet, "outlets": {r.outlet} - {None}, "sort": _day(r.sort_date),
                        "day": _day(r.published) or _day(r.meeting_date), "cities": set(), "kinds": set(),
                        "topics": set(), "figures": 0} for r in rows}
        for article_id, outlet in conn.execute(sa.select(S.c.article_id, S.c.outlet)):
            if article_id in facts and outlet is not None:
                facts[article_id]["outlets"].add(outlet)
        for article_id, city, kind in conn.execute(sa.select(M.c.article_id, M.c.city, M.c.kind)
                                                   .where(M.c.primary.is_(True))):
            if article_id in facts:
                facts[article_id]["cities"] |= {city} - {None}
                facts[article_id]["kinds"] |= {kind} - {None}
        for article_id, topic in conn.execute(sa.select(T.c.article_id, T.c.topic)):
            if article_id in facts:
                facts[article_id]["topics"].add(topic)
        for (article_id,) in conn.execute(sa.select(F.c.article_id)):
            if article_id in facts:
                facts[article_id]["figures"] += 1
    return facts


def _day(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(str(value)[:10]) if value else None


def _passing(store: Store, facts: dict[int, dict[str, Any]], f: Filters) -> set[int]:
    # The text query's matches come from the search index (not what is tested here): the ids the
    # SQL listing gives for the query alone.
    text = set(store.articles(Filters(q=f.q))["id"]) if f.q else set(facts)
    return {i for i, a in facts.items() if i in text
            and (f.date_from is None or (a["sort"] is not None and a["sort"] >= f.date_from))
            and (f.date_to is None or (a["sort"] is not None and a["sort"] <= f.date_to))
            and (not f.outlets or a["outlets"] & set(f.outlets))
            and (not f.cities or a["cities"] & set(f.cities))
            and (not f.kinds or a["kinds"] & set(f.kinds))
            and (not f.topics or a["topics"] & set(f.topics))}


def _facet_reference(store: Store, facts: dict[int, dict[str, Any]], f: Filters) -> dict[str, dict[str, int]]:
    out = {}
    for name in ("outlets", "cities", "kinds", "topics"):
        ids = _passing(store, facts, replace(f, **{name: ()}))
        counts = Counter(v for i in ids for v in facts[i][name])
        out[name] = {v: n for v, n in counts.items() if v.strip()}
    return out


def _events_reference(store: Store, ids: set[int]) -> pd.DataFrame:
    E, EA = schema.events, schema.event_articles
    with store.engine.connect() as conn:
        events = {r.id: r for r in conn.execute(sa.select(E))}
        links = conn.execute(sa.select(EA.c.event_id, EA.c.article_id, EA.c.inferred)).all()
    members: dict[int, set[int]] = {}
    inferred: dict[int, bool] = {}
    for event_id, article_id, flag in links:
        if article_id in ids:
            members.setdefault(event_id, set()).add(article_id)
            inferred[event_id] = inferred.get(event_id, False) or bool(flag)
    order = sorted(members, key=lambda e: (_day(events[e].date) is None,
                                           -(_day(events[e].date) or dt.date.min).toordinal(), e))
    return pd.DataFrame({"id": order, "date": [_day(events[e].date) for e in order],
                         "city": [events[e].city for e in order], "kind": [events[e].kind for e in order],
                         "status": [events[e].status for e in order],
                         "n_articles": [len(members[e]) for e in order],
                         "inferred_any": [inferred[e] for e in order]})


def _bucket(day: dt.date, granularity: str) -> str:
    return f"{day:%Y-%m}" if granularity == "month" else (day - dt.timedelta(days=day.weekday())).isoformat()


FILTERS = [
    Filters(),
    Filters(kinds=("talks",)),
    Filters(kinds=("visit", "phone_call")),
    Filters(cities=("Baku",)),
    Filters(cities=("Sochi",)),  # only a secondary meeting of an edge article is in Sochi
    Filters(outlets=("Outlet B",)),  # known only from the second copy
    Filters(outlets=("Outlet A", "Outlet Z")),
    Filters(topics=("energy",)),
    Filters(topics=("energy", "caspian"), kinds=("talks", "visit")),
    Filters(date_from=dt.date(2019, 1, 1)),
    Filters(date_from=dt.date(2018, 6, 1), date_to=dt.date(2021, 12, 31)),
    Filters(date_to=dt.date(2016, 3, 1)),
    Filters(date_from=dt.date(2019, 3, 1)),  # the sort date of an edge article: bounds are inclusive
    Filters(date_to=dt.date(2019, 3, 1), outlets=("Outlet A", "Outlet Z", "")),
    Filters(q="باكو"),
    Filters(q="بوتين -موسكو"),
    Filters(q="-موسكو", kinds=("talks",)),  # exclusions only
    Filters(q="سوتشي OR طهران", kinds=("talks",)),
    Filters(q='"التبادل التجاري"', date_from=dt.date(2017, 1, 1), topics=("trade",)),
    Filters(q="كلمةلاتوجد"),
    Filters(kinds=("talks",), cities=("Moscow",), outlets=("Outlet A",)),  # nothing
]


@pytest.mark.parametrize("f", FILTERS, ids=[str(i) for i in range(len(FILTERS))])
def test_tallies_equal_a_brute_force_count_and_the_sql_reads(store, f):
    facts = _facts(store)
    ids = _passing(store, facts, f)
    tally = store.tally(f)
    assert tally.count() == len(ids) == store.count(f)
    assert tally.count_figures() == sum(facts[i]["figures"] for i in ids) == store.count_figures(f)
    assert tally.facet_counts() == _facet_reference(store, facts, f) == store.facet_counts(f)
    pd.testing.assert_frame_equal(tally.events(), _events_reference(store, ids))
    pd.testing.assert_frame_equal(tally.events(), store.events(f))
    outlets = Counter(facts[i]["outlet"] or "" for i in ids)
    expected = sorted(outlets.items(), key=lambda r: (-r[1], r[0]))
    assert list(tally.outlet_counts().itertuples(index=False, name=None)) == expected
    # SQL puts the unknown outlet ("") first among equal counts on SQLite, last on PostgreSQL;
    # the tally puts it first on both.
    sql = store.outlet_counts(f)
    assert sorted(sql.itertuples(index=False, name=None), key=lambda r: (-r[1], r[0])) == expected
    assert list(sql.columns) == list(tally.outlet_counts().columns)
    for granularity in ("month", "week"):
        periods = Counter(_bucket(facts[i]["day"], granularity) for i in ids if facts[i]["day"])
        assert list(tally.coverage(granularity).itertuples(index=False, name=None)) == sorted(periods.items())
        pd.testing.assert_frame_equal(tally.coverage(granularity), store.coverage(f, granularity))
        by_outlet = Counter((_bucket(facts[i]["day"], granularity), facts[i]["outlet"] or "")
                            for i in ids if facts[i]["day"])
        assert [((p, o), n) for p, o, n in tally.coverage_by_outlet(granularity).itertuples(index=False)] == \
            sorted(by_outlet.items())
        sql = store.coverage_by_outlet(f, granularity)  # the unknown outlet: last in a period on PostgreSQL
        assert sorted(sql.itertuples(index=False, name=None)) == \
            list(tally.coverage_by_outlet(granularity).itertuples(index=False, name=None))


def test_the_fixture_reaches_the_edges(store):
    """The edge cases are there (a test of the test): otherwise the comparisons prove little."""
    facts = _facts(store)
    assert any(a["outlet"] is None for a in facts.values())
    assert any(a["sort"] is None for a in facts.values())
    assert any(len(a["outlets"]) > 1 for a in facts.values())
    assert store.tally(Filters(outlets=("Outlet B",))).count() == 1
    assert store.tally(Filters(date_from=dt.date(2019, 3, 1), date_to=dt.date(2019, 3, 1))).count() >= 1
    with store.engine.connect() as conn:  # an article linked twice to one event, once inferred
        twice = conn.execute(sa.text("SELECT event_id FROM event_articles GROUP BY event_id, article_id "
                                     "HAVING count(*) > 1")).scalars().all()
    assert len(twice) == 1
    events = store.tally().events().set_index("id")
    assert bool(events.loc[twice[0], "inferred_any"])
    assert store.tally().count() == len(facts) > 100
    assert len(store.tally().events()) > 10 and store.tally(Filters(q="باكو")).count() > 10


def test_widget_values_equal_the_sql_facets(store):
    assert store.tally_facets() == store.facets()
    assert "Outlet B" in store.tally_facets()["outlets"]


def test_a_write_is_seen_at_once_and_a_removal_too(store):
    before = store.tally(Filters(outlets=("Outlet New",))).count()
    article_id = _edge(store, "new", outlet="Outlet New", published="2024-02-02",
                       meetings=[_meeting("2024-02-01", "Baku", "talks")], topics=["energy"])
    assert (before, store.tally(Filters(outlets=("Outlet New",))).count()) == (0, 1)
    assert store.tally(Filters(q="تماما")).count() == store.count(Filters(q="تماما")) == 1
    store.remove_article(article_id)
    assert store.tally(Filters(outlets=("Outlet New",))).count() == 0
    assert store.tally(Filters(q="تماما")).count() == 0
    assert store.tally().count() == store.count()


def test_an_empty_store_tallies_to_nothing(db_url):
    store = Store(db_url)
    tally = store.tally(Filters(q="باكو", kinds=("talks",)))
    assert (tally.count(), tally.count_figures(), len(tally.events()), len(tally.coverage())) == (0, 0, 0, 0)
    assert store.tally_facets() == store.facets()
    assert store.tally().facet_counts() == {"outlets": {}, "cities": {}, "kinds": {}, "topics": {}}
    store.close()


def test_names_holding_the_joining_characters_are_read_one_by_one(sqlite_url):
    """The snapshot reads a column of many rows as one joined text; a name holding the joining
    character (or the NULL mark) must not shift the rows after it."""
    store = Store(sqlite_url)
    names = {"no-outlet": "Outlet\x1fOne", "undated": "\x1e", "copied": None}
    for name, outlet in names.items():
        _edge(store, name, outlet=outlet, published="2020-01-01", meetings=[], topics=["energy"])
    assert store.tally_facets() == store.facets()
    pd.testing.assert_frame_equal(store.tally().outlet_counts(), store.outlet_counts())
    assert store.tally(Filters(outlets=("Outlet\x1fOne",))).count() == 1
    store.close()
