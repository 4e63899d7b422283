"""Coverage of a query over time (issue 12 §4): counts per week and month, by outlet, for two
queries, and the facet counts beside the filter options, against brute-force counts in Python.

The articles are written here (Arabic, dated at the edges of years, months and ISO weeks) and
ingested through ``corpus.ingest.ingest_bytes`` as a JSON Lines upload, on SQLite and PostgreSQL.
"""
from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from dataclasses import replace

import pytest

from corpus import coverage
from corpus.filters import GRANULARITIES, CoverageView, Filters, decode_view, encode_view
from corpus.ingest import ingest_bytes
from corpus.store import Store

# (published, outlet, text). Gas (الغاز) and trains (القطارات) are the two queries compared.
ROWS = [
    ("2024-12-30", "RT Arabic", "استقبل الرئيس الروسي فلاديمير بوتين نظيره الأذربيجاني إلهام علييف في موسكو "
     "وبحث الجانبان إمدادات الغاز عبر بحر قزوين وأسعاره في الشتاء."),
    ("2025-01-01", "Sputnik", "قال الرئيس إلهام علييف إن بلاده ستواصل تصدير الغاز إلى أوروبا، مشيرًا إلى "
     "اتصال هاتفي أجراه مع بوتين تناول خطوط الأنابيب الجديدة."),
    ("2025-01-05", "RT Arabic", "ناقش وزيرا النقل في روسيا وأذربيجان تسيير القطارات بين باكو وموسكو عبر "
     "ممر الشمال والجنوب، وتحديث محطات الشحن على الحدود."),
    ("2025-01-06", "Anadolu Agency", "أعلنت سكك الحديد الأذربيجانية زيادة عدد القطارات المتجهة إلى إيران، "
     "بعد محادثات بوتين وعلييف حول الممرات التجارية، ولم يذكر الغاز."),
    ("2024-01-31", "Sputnik", "تناول لقاء بوتين وعلييف في سوتشي ملف الغاز المسال وبناء محطة جديدة على "
     "ساحل قزوين بتمويل مشترك من البلدين."),
    ("2024-02-01", "Al Mayadeen", "وصل الرئيس علييف إلى العاصمة الروسية في زيارة رسمية يلتقي خلالها بوتين "
     "لبحث التعاون الزراعي وتبادل الطلاب بين الجامعات."),
    ("2024-02-29", "RT Arabic", "أكد الكرملين أن بوتين سيناقش مع علييف مشروعات القطارات السريعة وربط "
     "الموانئ الأذربيجانية بالشبكة الروسية خلال العام."),
    ("2024-03-01", "Independent Arabia", "رحب خبراء اقتصاديون بتوقيع اتفاقيات بين موسكو وباكو تشمل "
     "الطاقة المتجددة والسياحة، وسط تراجع أسعار النفط عالميًا."),
]
GAS, TRAINS = "الغاز", "القطارات"


def _fill(store: Store) -> Store:
    lines = [json.dumps({"text": text, "title": text.split("،")[0][:60], "outlet": outlet,
                         "published": day}, ensure_ascii=False)
             for day, outlet, text in ROWS]
    results = ingest_bytes(store, "coverage.jsonl", "\n".join(lines).encode("utf-8"))
    assert sum(1 for r in results if r.article_id is not None) == len(ROWS), results
    return store


@pytest.fixture
def store(db_url):
    s = _fill(Store(db_url))
    yield s
    s.close()


@pytest.fixture
def memory_store():
    s = _fill(Store("sqlite://"))
    yield s
    s.close()


# ---- brute force: the stored articles read one by one, counted in Python ----------------------

def _articles(store: Store, filters: Filters) -> list[dict]:
    """The articles passing ``filters``, each read whole (``Store.article``): the reference set."""
    ids = store.articles(filters)["id"].tolist()
    return [store.article(int(i)) for i in ids]


def _day(article: dict) -> dt.date:
    return article["published"] or article["meeting_date"]


def _brute_coverage(store: Store, filters: Filters, granularity: str) -> dict[str, int]:
    return dict(Counter(coverage.period_label(_day(a), granularity) for a in _articles(store, filters)))


def _brute_by_outlet(store: Store, filters: Filters, granularity: str) -> dict[tuple[str, str], int]:
    return dict(Counter((coverage.period_label(_day(a), granularity), a["outlet"] or "")
                        for a in _articles(store, filters)))


def _matches(text: str, word: str) -> bool:
    return word in text


FILTER_CASES = [Filters(), Filters(q=GAS), Filters(q=TRAINS), Filters(outlets=("RT Arabic",)),
                Filters(date_from=dt.date(2024, 2, 1), date_to=dt.date(2025, 1, 5)),
                Filters(q=GAS, outlets=("Sputnik", "RT Arabic"))]


# ---- counts against brute force, on both databases ---------------------------------------------

@pytest.mark.parametrize("granularity", GRANULARITIES)
def test_coverage_counts_equal_brute_force(store, granularity):
    for filters in FILTER_CASES:
        frame = store.coverage(filters, granularity=granularity)
        assert list(frame.columns) == [granularity, "n_articles"]
        got = dict(zip(frame[granularity], frame["n_articles"]))
        assert got == _brute_coverage(store, filters, granularity), filters
        assert list(frame[granularity]) == sorted(got)


def test_the_query_is_counted_like_reading_the_texts(store):
    """The reference set itself, from the texts written above: the query's word in the text."""
    for word in (GAS, TRAINS):
        expected = Counter(coverage.period_label(dt.date.fromisoformat(day), "month")
                           for day, _, text in ROWS if _matches(text, word))
        frame = store.coverage(Filters(q=word))
        assert dict(zip(frame["month"], frame["n_articles"])) == dict(expected)


@pytest.mark.parametrize("granularity", GRANULARITIES)
def test_coverage_by_outlet_equals_brute_force_and_adds_up(store, granularity):
    for filters in FILTER_CASES:
        frame = store.coverage_by_outlet(filters, granularity=granularity)
        got = {(p, o): n for p, o, n in zip(frame[granularity], frame["outlet"], frame["n_articles"])}
        assert got == _brute_by_outlet(store, filters, granularity), filters
        total = store.coverage(filters, granularity=granularity)
        per_period = frame.groupby(granularity)["n_articles"].sum().to_dict()
        assert per_period == dict(zip(total[granularity], total["n_articles"]))


def test_facet_counts_are_the_counts_of_each_option_under_the_other_filters(store):
    for filters in [Filters(), Filters(q=GAS), Filters(outlets=("RT Arabic",), q=TRAINS),
                    Filters(date_from=dt.date(2025, 1, 1))]:
        counts = store.facet_counts(filters)
        facets = store.facets()
        for name, options in (("outlets", facets["outlets"]), ("cities", facets["cities"]),
                              ("kinds", facets["kinds"]), ("topics", facets["topics"])):
            for value in options:
                alone = store.count(replace(filters, **{name: (value,)}))
                assert counts[name].get(value, 0) == alone, (filters, name, value)


def test_facet_counts_of_outlets_by_hand(store):
    assert store.facet_counts(Filters())["outlets"] == {
        "RT Arabic": 3, "Sputnik": 2, "Anadolu Agency": 1, "Al Mayadeen": 1, "Independent Arabia": 1}
    # choosing an outlet does not change the outlet counts (the others stay choosable) ...
    assert store.facet_counts(Filters(outlets=("Sputnik",)))["outlets"]["RT Arabic"] == 3
    # ... but the query does
    assert store.facet_counts(Filters(q=GAS))["outlets"] == {"RT Arabic": 1, "Sputnik": 2,
                                                             "Anadolu Agency": 1}


# ---- bucketing at the edges of years, months and weeks (SQLite in memory) ------------------------

def test_weeks_start_on_monday_across_the_new_year(memory_store):
    frame = memory_store.coverage(granularity="week")
    assert dict(zip(frame["week"], frame["n_articles"])) == {
        "2024-01-29": 2,  # Wed 31 January and Thu 1 February 2024: one ISO week, two months
        "2024-02-26": 2,  # Thu 29 February (a leap day) and Fri 1 March 2024
        "2024-12-30": 3,  # Mon 30 December 2024, Wed 1 and Sun 5 January 2025
        "2025-01-06": 1,  # Mon 6 January 2025 opens the next week
    }


def test_months_split_at_the_first_of_the_month_and_the_year(memory_store):
    frame = memory_store.coverage(granularity="month")
    assert dict(zip(frame["month"], frame["n_articles"])) == {
        "2024-01": 1, "2024-02": 2, "2024-03": 1, "2024-12": 1, "2025-01": 3}


def test_period_labels_and_the_span_between_them():
    assert coverage.period_label(dt.date(2025, 1, 1), "week") == "2024-12-30"
    assert coverage.period_label(dt.date(2024, 12, 29), "week") == "2024-12-23"
    assert coverage.period_label(dt.date(2024, 2, 29), "month") == "2024-02"
    assert coverage.periods_between("2024-11", "2025-02", "month") == ["2024-11", "2024-12", "2025-01", "2025-02"]
    assert coverage.periods_between("2024-12-23", "2025-01-06", "week") == ["2024-12-23", "2024-12-30", "2025-01-06"]
    assert coverage.period_start("2024-12", "month") == dt.date(2024, 12, 1)
    with pytest.raises(ValueError):
        coverage.periods_between("2024-01", "2024-02", "day")


def test_an_unknown_granularity_is_refused(memory_store):
    with pytest.raises(ValueError):
        memory_store.coverage(granularity="day")


# ---- two queries on one axis, outlets folded -----------------------------------------------------

def test_compare_two_queries_fills_empty_periods_with_zero(memory_store):
    frame = coverage.compare(memory_store, Filters(q=GAS), TRAINS, "month")
    assert list(frame.columns) == coverage.COMPARE_COLUMNS
    months = coverage.periods_between("2024-01", "2025-01", "month")
    gas = frame[frame["series"] == "q"]
    trains = frame[frame["series"] == "q2"]
    assert gas["period"].tolist() == months and trains["period"].tolist() == months
    assert set(gas["query"]) == {GAS} and set(trains["query"]) == {TRAINS}
    assert {p: n for p, n in zip(gas["period"], gas["n_articles"]) if n} == {
        "2024-01": 1, "2024-12": 1, "2025-01": 2}
    assert {p: n for p, n in zip(trains["period"], trains["n_articles"]) if n} == {
        "2024-02": 1, "2025-01": 2}
    assert gas["n_articles"].sum() == memory_store.count(Filters(q=GAS))


def test_compare_keeps_the_other_filters_for_the_second_query(memory_store):
    frame = coverage.compare(memory_store, Filters(q=GAS, outlets=("RT Arabic",)), TRAINS, "week")
    counts = {(s, p): n for s, p, n in zip(frame["series"], frame["period"], frame["n_articles"]) if n}
    assert counts == {("q", "2024-12-30"): 1, ("q2", "2024-12-30"): 1, ("q2", "2024-02-26"): 1}


def test_compare_without_a_second_query_is_one_series(memory_store):
    frame = coverage.compare(memory_store, Filters(), "", "month")
    assert set(frame["series"]) == {"q"} and frame["n_articles"].sum() == len(ROWS)


def test_by_outlet_keeps_the_top_outlets_and_folds_the_rest(memory_store):
    frame = coverage.by_outlet(memory_store, Filters(), "month", top=2)
    assert coverage.outlet_order(frame) == ["RT Arabic", "Sputnik", coverage.OTHER_OUTLETS]
    got = {(p, o): n for p, o, n in zip(frame["period"], frame["outlet"], frame["n_articles"])}
    assert got == {("2024-01", "Sputnik"): 1, ("2024-02", "RT Arabic"): 1,
                   ("2024-02", coverage.OTHER_OUTLETS): 1, ("2024-03", coverage.OTHER_OUTLETS): 1,
                   ("2024-12", "RT Arabic"): 1, ("2025-01", "RT Arabic"): 1, ("2025-01", "Sputnik"): 1,
                   ("2025-01", coverage.OTHER_OUTLETS): 1}
    assert frame["n_articles"].sum() == len(ROWS)
    assert coverage.by_outlet(memory_store, Filters(q="لاتوجدهذهالكلمة"), "month").empty


# ---- the view's URL form ---------------------------------------------------------------------------

def test_view_codec_round_trip_and_bad_values():
    view = CoverageView(q2="القطارات -إيران", per="week")
    assert encode_view(view) == {"q2": "القطارات -إيران", "per": "week"}
    assert decode_view(encode_view(view)) == (view, [])
    assert encode_view(CoverageView()) == {} and decode_view({}) == (CoverageView(), [])
    assert decode_view({"per": "day", "q2": "x" * 400}) == (CoverageView(), ["q2", "per"])
    assert decode_view({"q2": ["أ", "ب"], "q": "ignored"}) == (CoverageView(q2="أ"), [])


def test_view_decode_never_raises():
    from hypothesis import given, settings, strategies as st

    @settings(max_examples=60, deadline=None)
    @given(st.dictionaries(st.sampled_from(["q2", "per", "q", "x"]),
                           st.one_of(st.text(), st.lists(st.text(), max_size=3))))
    def check(params):
        view, ignored = decode_view(params)
        assert view.per in GRANULARITIES and len(view.q2) <= 300 and "\x00" not in view.q2
        assert set(ignored) <= {"q2", "per"}
    check()
