"""AppTest of every page: filters and URL parameters in, values on screen out.

Two data sources, both real stores: a small in-memory one written here (hostile text, empty
corpus, exact counts), and a database built from the seeds in data/raw.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from corpus import ingest
from corpus.filters import Filters
from corpus.models import Extraction, Figure, Meeting, RawDocument
from corpus.store import Store

st_testing = pytest.importorskip("streamlit.testing.v1")
AppTest = st_testing.AppTest

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = "<img src=x onerror=alert(1)> سعر $5 و $6 *نجمة* :red[أحمر] _مائل_"


# ---- a small in-memory store, written through Store.add_article --------------------------------

# Article 3's meeting has no date of its own: its day and month (19 August, no year) link it to the
# Baku visit that article 1 dates, so the timeline shows it as inferred.
ARTICLES = [
    dict(title="بوتين يزور باكو", outlet="وكالة أ", published="2024-08-19",
         clean_text="زار الرئيس بوتين باكو اليوم وبلغ التبادل التجاري 4 مليارات دولار.",
         meeting_date="2024-08-19", city="Baku", kind="visit", topics=["energy"],
         figures=[Figure(text="4 مليارات دولار", value=4e9, value_max=None, unit="USD",
                         metric="trade_turnover", qualifier="more_than", period="2023",
                         sentence="بلغ التبادل التجاري 4 مليارات دولار.")]),
    dict(title="علييف في موسكو", outlet="صحيفة ب", published="2024-04-22",
         clean_text="التقى علييف بوتين في موسكو وبحثا الطاقة والنقل.",
         meeting_date="2024-04-22", city="Moscow", kind="talks", topics=["transport"], figures=[]),
    dict(title=HOSTILE, outlet="موقع ج", published="2024-08-20",
         clean_text=HOSTILE + "\nبوتين في باكو.", meeting_date=None, day_month=(8, 19), city="Baku",
         kind="visit", topics=[], figures=[]),
]


def _fill(store: Store, articles: list[dict]) -> Store:
    """Store ``articles`` (ids 1, 2, … in order) as ingest would, then group their events."""
    for expected_id, a in enumerate(articles, start=1):
        month, day = a.get("day_month", (None, None))
        meeting = Meeting(date=a["meeting_date"], city=a["city"], kind=a["kind"], status="held",
                          evidence=a["clean_text"][:40], date_basis="explicit" if a["meeting_date"] else None,
                          month=month, day=day)
        figures = [replace(f, start=a["clean_text"].find(f.text)) for f in a["figures"]]
        extraction = Extraction(title=a["title"], outlet=a["outlet"], published=a["published"], language="ar",
                                meetings=[meeting], figures=figures, topics=list(a["topics"]),
                                provenance={"title": "first line"}, clean_text=a["clean_text"])
        doc = RawDocument(f"{expected_id}.txt", a["title"] + "\n\n" + a["clean_text"], "txt",
                          hints={"url": "javascript:alert(1)", "outlet": a["outlet"]})
        assert store.add_article(doc, extraction).article_id == expected_id
    store.rebuild_events()
    return store


def _event_id(store: Store, city: str) -> str:
    """The id of the (only) dated event in ``city``, as the page's URL and selectbox show it."""
    events = store.events(Filters(cities=(city,)))
    return str(int(events[events["date"].notna()]["id"].iloc[0]))


# ---- helpers ----------------------------------------------------------------------------------

def _page(name: str) -> AppTest:
    """The app as a browser opens it: app.py (page config, navigation) running the view ``name``."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    return at if name == "overview" else at.switch_page(f"views/{name}.py")  # overview: the root


@pytest.fixture
def small_store():
    from components import data
    store = _fill(Store("sqlite://"), ARTICLES)
    data.use_store(store)
    yield store
    data.use_store(None)
    store.close()


@pytest.fixture
def empty_store():
    from components import data
    store = Store("sqlite://")
    data.use_store(store)
    yield store
    data.use_store(None)
    store.close()


def _texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + \
        [x.value for x in at.info] + [x.value for x in at.warning] + [x.value for x in at.title] + \
        [x.value for x in at.header]
    return "\n".join(str(p) for p in parts)


def _metric(at: AppTest, label: str) -> str:
    for m in at.metric:
        if m.label == label:
            return str(m.value)
    raise AssertionError(f"no metric {label!r} in {[m.label for m in at.metric]}")


# ---- pages on the small store -----------------------------------------------------------------

def test_overview_counts_arabic(small_store):
    at = _page("overview").run()
    assert not at.exception
    assert at.title[0].value == "نظرة عامة"
    assert _metric(at, "المقالات") == "3"
    assert _metric(at, "اللقاءات") == "2"
    assert _metric(at, "المصادر") == "3"
    assert _metric(at, "الأرقام") == "1"


def test_overview_url_filters_and_english(small_store):
    at = _page("overview")
    at.query_params["lang"] = "en"
    at.query_params["city"] = "Moscow"
    at.run()
    assert not at.exception
    assert at.title[0].value == "Overview"
    assert _metric(at, "Articles") == "1"
    assert at.multiselect(key="flt_cities").value == ["Moscow"]
    latest = at.dataframe[0].value
    assert list(latest.columns)[0] == "Date"  # English: natural order


def test_latest_meetings_table_is_mirrored_in_arabic(small_store):
    at = _page("overview").run()
    table = at.dataframe[0].value
    assert list(table.columns)[-1] == "التاريخ"  # first column drawn on the right
    assert "باكو" in set(table["المدينة"])  # Arabic city names from the lexicon


def test_bad_url_parameters_are_ignored_with_a_notice(small_store):
    at = _page("overview")
    at.query_params["from"] = "2024-13-45"
    at.query_params["kind"] = "dinner"
    at.query_params["city"] = "Atlantis"
    at.run()
    assert not at.exception
    notice = at.warning[0].value
    assert "from" in notice and "kind" in notice and "city" in notice
    assert _metric(at, "المقالات") == "3"
    assert at.multiselect(key="flt_cities").value == []


def test_widget_change_writes_the_url(small_store):
    at = _page("overview").run()
    at.text_input(key="flt_q").input("موسكو").run()
    assert at.query_params["q"] == "موسكو"
    assert _metric(at, "المقالات") == "1"
    at.multiselect(key="flt_kinds").select("visit").run()
    assert at.query_params["kind"] == "visit"
    assert _metric(at, "المقالات") == "0" if at.metric else True
    assert "لا توجد نتائج" in _texts(at)


def test_language_toggle_switches_labels(small_store):
    at = _page("overview").run()
    at.radio(key="flt_lang").set_value("en").run()
    assert at.query_params["lang"] == "en"
    assert at.title[0].value == "Overview"
    assert at.multiselect(key="flt_kinds").label == "Meeting kind"
    at.radio(key="flt_lang").set_value("ar").run()
    assert "lang" not in at.query_params
    assert at.title[0].value == "نظرة عامة"


def test_empty_corpus_says_what_to_do(empty_store):
    for name in ("overview", "timeline", "figures", "articles"):
        at = _page(name).run()
        assert not at.exception, name
        assert "لا توجد مقالات بعد" in _texts(at), name


def test_no_match_says_what_to_do_in_english(small_store):
    at = _page("figures")
    at.query_params["q"] = "غير موجود إطلاقا"
    at.query_params["lang"] = "en"
    at.run()
    assert "Nothing matches the current filters" in _texts(at)


def test_timeline_selects_event_from_url(small_store):
    baku = _event_id(small_store, "Baku")
    at = _page("timeline")
    at.query_params["event"] = baku
    at.run()
    assert not at.exception
    assert at.selectbox(key="tl_event").value == baku
    assert _metric(at, "المدينة") == "باكو"
    assert _metric(at, "النوع") == "زيارة"
    text = _texts(at)
    # article 3 (outlet ج) is linked by inference, article 1 (outlet أ) is not
    assert any("موقع ج" in line and "مستنتج" in line for line in text.splitlines())
    assert not any("وكالة أ" in line and "مستنتج" in line for line in text.splitlines())
    articles = at.dataframe[0].value
    assert len(articles) == 2


def test_timeline_never_opens_on_an_undated_meeting_nor_labels_it_none():
    from components import data
    # Published months after the Moscow talks: nothing links it, so its meeting keeps no date.
    undated = dict(ARTICLES[1], meeting_date=None, published="2024-09-01", title="بلا تاريخ",
                   clean_text="التقى علييف بوتين مرة أخرى وبحثا الملفات العالقة بين البلدين.")
    store = _fill(Store("sqlite://"), [*ARTICLES, undated])
    assert store.events()["date"].isna().sum() == 1
    data.use_store(store)
    try:
        at = _page("timeline").run()
        assert not at.exception
        box = at.selectbox(key="tl_event")
        assert box.value == _event_id(store, "Baku")  # the latest dated meeting, not the undated one sorted last
        labels = [box.format_func(o) for o in box.options]
        assert not any("None" in label for label in labels)
        assert any(label.startswith("بلا تاريخ") for label in labels)
        assert "لا يظهر في الرسم" in _texts(at)
    finally:
        data.use_store(None)
        store.close()


def test_timeline_choosing_a_meeting_updates_url(small_store):
    moscow = _event_id(small_store, "Moscow")
    at = _page("timeline").run()
    at.selectbox(key="tl_event").select(moscow).run()
    assert at.query_params["event"] == moscow
    assert _metric(at, "المدينة") == "موسكو"


def test_figures_table_and_downloads(small_store):
    at = _page("figures").run()
    assert not at.exception
    table = at.dataframe[-1].value
    assert list(table.columns)[-1] == "تاريخ النشر"
    assert table["النص"].tolist() == ["4 مليارات دولار"]
    assert table["الدقة"].tolist() == ["أكثر من"]
    assert any(t.label == "حجم التبادل التجاري" for t in at.tabs)


def test_articles_reader_shows_hostile_text_literally(small_store):
    at = _page("articles")
    at.query_params["article"] = "3"
    at.run()
    assert not at.exception
    assert at.selectbox(key="art_pick").value == "3"
    bodies = [m.value for m in at.markdown]
    hostile_md = [b for b in bodies if "onerror" in b]
    assert hostile_md, "the hostile text should be on the page"
    for body in hostile_md:
        assert "<img" not in body  # escaped: &lt;img
        assert "$5" not in body or "\\$5" in body
        assert ":red[" not in body
    # unsafe link schemes never become links
    sources = [d.value for d in at.dataframe if "الرابط" in d.value.columns]
    assert sources and not any("javascript" in str(u) for u in sources[0]["الرابط"])


def test_reader_marks_the_search_terms_in_the_article(small_store):
    at = _page("articles")
    at.query_params["q"] = "باكو"
    at.query_params["article"] = "1"
    at.run()
    assert not at.exception
    body = [m.value for m in at.markdown if "التبادل التجاري" in m.value and "زار" in m.value]
    assert body and ":orange-background[**باكو**]" in body[0]


def test_articles_kwic_and_results(small_store):
    at = _page("articles")
    at.query_params["q"] = "موسكو"
    at.run()
    assert not at.exception
    assert "النتائج (1)" in _texts(at)
    assert not [d for d in at.table if "الكلمة" in d.value.columns]  # a closed tab is not drawn
    at.session_state["art_tabs"] = "الكلمة في سياقها"  # the tab clicked
    at.run()
    kwic = [d.value for d in at.table if "الكلمة" in d.value.columns]
    assert kwic and kwic[0]["الكلمة"].tolist() == ["موسكو"]
    assert list(kwic[0].columns) == ["العنوان", "السياق السابق", "الكلمة", "السياق اللاحق"]


def test_articles_say_when_a_search_is_listed_newest_first(small_store, monkeypatch):
    """A word in more articles than are ranked comes newest first, and the page says so."""
    from corpus.store import textsearch
    at = _page("articles")
    at.query_params["q"] = "بوتين"  # in all three articles
    at.run()
    assert not at.exception
    assert "مرتبة من الأحدث" not in _texts(at)  # three matches: ranked by relevance
    monkeypatch.setattr(textsearch, "RANK_MAX_MATCHES", 2)
    import streamlit as st
    st.cache_data.clear()  # the order was cached for this store and query
    at = _page("articles")
    at.query_params["q"] = "بوتين"
    at.query_params["lang"] = "en"
    at.run()
    assert not at.exception
    assert "Listed newest first, not by relevance: the search matches more than 2 articles " \
           "(or only excludes words)." in _texts(at)


# ---- pages on the real database built from the seeds in data/raw -----------------------------

@pytest.fixture(scope="module")
def seed_store(tmp_path_factory):
    """A SQLite database built from data/raw by corpus.ingest (the app's own first-start path)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('seeddb') / 'corpus.sqlite'}"
    store = Store(url)
    added = ingest.ensure_built(store)
    assert added == len(list((ROOT / "data" / "raw").glob("*.txt")))
    return store


@pytest.fixture
def seeded(seed_store):
    from components import data
    data.use_store(seed_store)
    yield seed_store
    data.use_store(None)


def test_seed_overview_matches_the_store(seeded):
    at = _page("overview").run()
    assert not at.exception
    assert _metric(at, "المقالات") == str(seeded.count())
    assert _metric(at, "اللقاءات") == str(len(seeded.events(Filters())))
    assert _metric(at, "الأرقام") == str(len(seeded.figures(Filters())))


def test_seed_city_filter_from_url(seeded):
    baku = seeded.count(Filters(cities=("Baku",)))
    assert baku > 0
    at = _page("overview")
    at.query_params["city"] = "Baku"
    at.run()
    assert _metric(at, "المقالات") == str(baku)
    assert at.multiselect(key="flt_cities").value == ["Baku"]
    assert set(at.dataframe[0].value["المدينة"]) == {"باكو"}


def test_seed_keyword_search_highlights_hits(seeded):
    at = _page("articles")
    at.query_params["q"] = "باكو"
    at.run()
    assert not at.exception
    n = seeded.count(Filters(q="باكو"))
    assert f"النتائج ({n})" in _texts(at)
    assert any(":orange-background[**" in m.value for m in at.markdown)


def test_seed_figures_page_lists_every_figure(seeded):
    at = _page("figures").run()
    assert not at.exception
    assert len(at.dataframe[-1].value) == len(seeded.figures(Filters()))


def test_seed_timeline_every_page_in_english(seeded):
    for name, title in (("overview", "Overview"), ("timeline", "Timeline of meetings"),
                        ("figures", "Economic figures"), ("articles", "Articles")):
        at = _page(name)
        at.query_params["lang"] = "en"
        at.run()
        assert not at.exception, name
        assert at.title[0].value == title
