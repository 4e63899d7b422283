"""AppTest of every page: filters and URL parameters in, values on screen out.

Two data sources: a small in-memory store written here (hostile text, empty corpus, exact counts),
and the real database built from the seeds in data/raw (when corpus.store exists).
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from corpus.filters import Filters
from corpus.normalize import normalize

st_testing = pytest.importorskip("streamlit.testing.v1")
AppTest = st_testing.AppTest

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = "<img src=x onerror=alert(1)> سعر $5 و $6 *نجمة* :red[أحمر] _مائل_"


# ---- a small store with the read API of corpus.store.Store -------------------------------------

ARTICLES = [
    dict(id=1, title="بوتين يزور باكو", outlet="وكالة أ", published="2024-08-19", language="ar",
         clean_text="زار الرئيس بوتين باكو اليوم وبلغ التبادل التجاري 4 مليارات دولار.",
         meeting_date="2024-08-19", city="Baku", kind="visit", topics=["energy"], event=10,
         figures=[dict(text="4 مليارات دولار", value=4e9, value_max=None, unit="USD",
                       metric="trade_turnover", qualifier="more_than", period="2023",
                       period_start="2023-01-01", sentence="بلغ التبادل التجاري 4 مليارات دولار.")]),
    dict(id=2, title="علييف في موسكو", outlet="صحيفة ب", published="2024-04-22", language="ar",
         clean_text="التقى علييف بوتين في موسكو وبحثا الطاقة والنقل.",
         meeting_date="2024-04-22", city="Moscow", kind="talks", topics=["transport"], event=11,
         figures=[]),
    dict(id=3, title=HOSTILE, outlet="موقع ج", published="2024-08-20", language="ar",
         clean_text=HOSTILE + "\nبوتين في باكو.", meeting_date="2024-08-19", city="Baku",
         kind="visit", topics=[], event=10, figures=[]),
]


def _match(article: dict, f: Filters) -> bool:
    if f.q and normalize(f.q) not in normalize(article["title"] + " " + article["clean_text"]):
        return False
    published = dt.date.fromisoformat(article["published"])
    if f.date_from and published < f.date_from or f.date_to and published > f.date_to:
        return False
    if f.outlets and article["outlet"] not in f.outlets:
        return False
    if f.cities and article["city"] not in f.cities:
        return False
    if f.kinds and article["kind"] not in f.kinds:
        return False
    return not (f.topics and not set(f.topics) & set(article["topics"]))


class FakeStore:
    def __init__(self, articles: list[dict] | None = None):
        self.items = list(ARTICLES if articles is None else articles)

    def _sel(self, f: Filters) -> list[dict]:
        return [a for a in self.items if _match(a, f)]

    def version(self) -> str:
        return f"fake-{len(self.items)}"

    def count(self, f: Filters) -> int:
        return len(self._sel(f))

    def facets(self, f: Filters | None = None) -> dict:
        dates = [a["published"] for a in self.items]
        return dict(outlets=sorted({a["outlet"] for a in self.items}),
                    cities=sorted({a["city"] for a in self.items}),
                    kinds=sorted({a["kind"] for a in self.items}),
                    topics=sorted({x for a in self.items for x in a["topics"]}),
                    min_date=min(dates) if dates else None, max_date=max(dates) if dates else None)

    def articles(self, f: Filters, limit: int = 100) -> pd.DataFrame:
        rows = [dict(id=a["id"], title=a["title"], outlet=a["outlet"], published=a["published"],
                     language="ar", n_sources=1, topics=a["topics"], meeting_date=a["meeting_date"],
                     city=a["city"], kind=a["kind"], human_checked=False,
                     snippet=[(a["clean_text"][:20], False), (a["clean_text"][20:30], True)])
                for a in self._sel(f)][:limit]
        return pd.DataFrame(rows, columns=["id", "title", "outlet", "published", "language", "n_sources",
                                           "topics", "meeting_date", "city", "kind", "human_checked",
                                           "snippet"])

    def article(self, article_id: Any) -> dict | None:
        for a in self.items:
            if a["id"] == int(article_id):
                return dict(title=a["title"], outlet=a["outlet"], published=a["published"],
                            clean_text=a["clean_text"], raw_text=a["clean_text"], language="ar",
                            provenance={"title": "first line"},
                            sources=[dict(source=f"{a['id']}.txt", url="javascript:alert(1)",
                                          outlet=a["outlet"])],
                            meetings=[dict(date=a["meeting_date"], city=a["city"], kind=a["kind"],
                                           status="held", evidence=a["clean_text"][:40])],
                            figures=a["figures"], topics=a["topics"], corrections=[],
                            human_checked=False, removed=None)
        return None

    def events(self, f: Filters) -> pd.DataFrame:
        groups: dict[int, list[dict]] = {}
        for a in self._sel(f):
            groups.setdefault(a["event"], []).append(a)
        rows = [dict(id=eid, date=items[0]["meeting_date"], city=items[0]["city"], kind=items[0]["kind"],
                     status="held", n_articles=len(items), inferred_any=False)
                for eid, items in groups.items()]
        return pd.DataFrame(rows, columns=["id", "date", "city", "kind", "status", "n_articles",
                                           "inferred_any"])

    def event(self, event_id: Any) -> dict | None:
        items = [a for a in self.items if a["event"] == int(event_id)]
        if not items:
            return None
        return dict(id=int(event_id), date=items[0]["meeting_date"], city=items[0]["city"],
                    kind=items[0]["kind"], status="held",
                    articles=[dict(article_id=a["id"], title=a["title"], outlet=a["outlet"],
                                   url="https://example.org/a", source=f"{a['id']}.txt",
                                   evidence=a["clean_text"][:40], inferred=a["id"] == 3)
                              for a in items])

    def figures(self, f: Filters) -> pd.DataFrame:
        rows = [dict(article_id=a["id"], title=a["title"], outlet=a["outlet"], published=a["published"],
                     human_checked=False, **fig) for a in self._sel(f) for fig in a["figures"]]
        return pd.DataFrame(rows, columns=["article_id", "title", "outlet", "published", "text", "value",
                                           "value_max", "unit", "metric", "qualifier", "period",
                                           "period_start", "sentence", "human_checked"])

    def coverage(self, f: Filters) -> pd.DataFrame:
        months = pd.Series([a["published"][:7] for a in self._sel(f)]).value_counts().sort_index()
        return pd.DataFrame({"month": months.index, "n_articles": months.values})

    def outlet_counts(self, f: Filters) -> pd.DataFrame:
        counts = pd.Series([a["outlet"] for a in self._sel(f)]).value_counts()
        return pd.DataFrame({"outlet": counts.index, "n_articles": counts.values})

    def kwic(self, query: str, f: Filters, width: int = 60, limit: int = 100) -> pd.DataFrame:
        rows = []
        for a in self._sel(f):
            i = a["clean_text"].find(query)
            if i >= 0:
                rows.append(dict(article_id=a["id"], title=a["title"], left=a["clean_text"][max(0, i - width):i],
                                 match=query, right=a["clean_text"][i + len(query):i + len(query) + width]))
        return pd.DataFrame(rows, columns=["article_id", "title", "left", "match", "right"])

    def term_frequencies(self, f: Filters, top: int = 50) -> list[tuple[str, int]]:
        words = pd.Series([w for a in self._sel(f) for w in a["clean_text"].split() if len(w) > 2])
        return [(w, int(c)) for w, c in words.value_counts().head(top).items()]


# ---- helpers ----------------------------------------------------------------------------------

def _page(name: str) -> AppTest:
    """The app as a browser opens it: app.py (page config, navigation) running the view ``name``."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    return at if name == "overview" else at.switch_page(f"views/{name}.py")  # overview: the root


@pytest.fixture
def fake_store():
    from components import data
    store = FakeStore()
    data.use_store(store)
    yield store
    data.use_store(None)


@pytest.fixture
def empty_store():
    from components import data
    store = FakeStore([])
    data.use_store(store)
    yield store
    data.use_store(None)


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

def test_overview_counts_arabic(fake_store):
    at = _page("overview").run()
    assert not at.exception
    assert at.title[0].value == "نظرة عامة"
    assert _metric(at, "المقالات") == "3"
    assert _metric(at, "اللقاءات") == "2"
    assert _metric(at, "المصادر") == "3"
    assert _metric(at, "الأرقام") == "1"


def test_overview_url_filters_and_english(fake_store):
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


def test_latest_meetings_table_is_mirrored_in_arabic(fake_store):
    at = _page("overview").run()
    table = at.dataframe[0].value
    assert list(table.columns)[-1] == "التاريخ"  # first column drawn on the right
    assert "باكو" in set(table["المدينة"])  # Arabic city names from the lexicon


def test_bad_url_parameters_are_ignored_with_a_notice(fake_store):
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


def test_widget_change_writes_the_url(fake_store):
    at = _page("overview").run()
    at.text_input(key="flt_q").input("موسكو").run()
    assert at.query_params["q"] == "موسكو"
    assert _metric(at, "المقالات") == "1"
    at.multiselect(key="flt_kinds").select("visit").run()
    assert at.query_params["kind"] == "visit"
    assert _metric(at, "المقالات") == "0" if at.metric else True
    assert "لا توجد نتائج" in _texts(at)


def test_language_toggle_switches_labels(fake_store):
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


def test_no_match_says_what_to_do_in_english(fake_store):
    at = _page("figures")
    at.query_params["q"] = "غير موجود إطلاقا"
    at.query_params["lang"] = "en"
    at.run()
    assert "Nothing matches the current filters" in _texts(at)


def test_timeline_selects_event_from_url(fake_store):
    at = _page("timeline")
    at.query_params["event"] = "10"
    at.run()
    assert not at.exception
    assert at.selectbox(key="tl_event").value == "10"
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
    undated = dict(ARTICLES[1], id=4, event=12, meeting_date=None, published="2024-09-01", title="بلا تاريخ")
    data.use_store(FakeStore([*ARTICLES, undated]))
    try:
        at = _page("timeline").run()
        assert not at.exception
        box = at.selectbox(key="tl_event")
        assert box.value == "10"  # the latest dated meeting, not the undated one sorted last
        labels = [box.format_func(o) for o in box.options]
        assert not any("None" in label for label in labels)
        assert any(label.startswith("بلا تاريخ") for label in labels)
        assert "لا يظهر في الرسم" in _texts(at)
    finally:
        data.use_store(None)


def test_timeline_choosing_a_meeting_updates_url(fake_store):
    at = _page("timeline").run()
    at.selectbox(key="tl_event").select("11").run()
    assert at.query_params["event"] == "11"
    assert _metric(at, "المدينة") == "موسكو"


def test_figures_table_and_downloads(fake_store):
    at = _page("figures").run()
    assert not at.exception
    table = at.dataframe[-1].value
    assert list(table.columns)[-1] == "تاريخ النشر"
    assert table["النص"].tolist() == ["4 مليارات دولار"]
    assert table["الدقة"].tolist() == ["أكثر من"]
    assert any(t.label == "حجم التبادل التجاري" for t in at.tabs)


def test_articles_reader_shows_hostile_text_literally(fake_store):
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


def test_reader_marks_the_search_terms_in_the_article(fake_store):
    at = _page("articles")
    at.query_params["q"] = "باكو"
    at.query_params["article"] = "1"
    at.run()
    assert not at.exception
    body = [m.value for m in at.markdown if "التبادل التجاري" in m.value and "زار" in m.value]
    assert body and ":orange-background[**باكو**]" in body[0]


def test_articles_kwic_and_results(fake_store):
    at = _page("articles")
    at.query_params["q"] = "موسكو"
    at.run()
    assert not at.exception
    assert "النتائج (1)" in _texts(at)
    kwic = [d.value for d in at.table if "الكلمة" in d.value.columns]
    assert kwic and kwic[0]["الكلمة"].tolist() == ["موسكو"]
    assert list(kwic[0].columns) == ["العنوان", "السياق السابق", "الكلمة", "السياق اللاحق"]


# ---- pages on the real database built from the seeds in data/raw -----------------------------

@pytest.fixture(scope="module")
def seed_store(tmp_path_factory):
    """A SQLite database built from data/raw by corpus.ingest (the app's own first-start path)."""
    store_mod = pytest.importorskip("corpus.store")
    ingest = pytest.importorskip("corpus.ingest")
    url = f"sqlite:///{tmp_path_factory.mktemp('seeddb') / 'corpus.sqlite'}"
    store = store_mod.Store(url)
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
