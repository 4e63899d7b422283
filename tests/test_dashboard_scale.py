"""Reads and chart helpers that keep dashboard reruns fast at 100k articles (issue 6):
figure counts without rows, the most recent figures only, coverage grouped in SQL, capped
word counts, vectorised chart positions and capped chart points."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from components.charts import figures_figure, period_position, period_positions
from corpus.filters import Filters
from corpus.models import Extraction, Figure, Meeting, RawDocument
from corpus.store import Store

# Short sentences written for these tests.
BODIES = [
    "استقبل الرئيس بوتين الرئيس علييف في موسكو وبحثا التعاون في الطاقة والنقل بين البلدين.",
    "قال علييف إن التبادل التجاري مع روسيا تجاوز ثلاثة مليارات دولار خلال العام الماضي.",
    "أعلن الكرملين أن بوتين سيزور باكو الشهر المقبل لبحث ممر الشمال الجنوب مع علييف.",
    "وقع البلدان عشر اتفاقيات في مجالات الزراعة والطاقة خلال زيارة علييف إلى سوتشي.",
]


def _add(store: Store, i: int, published: str, figures: list[Figure], kind: str = "talks") -> int:
    ex = Extraction(title=f"عنوان {i}", outlet="RT Arabic", published=published, language="ar",
                    meetings=[Meeting(date=published, city="Baku", kind=kind, status="held",
                                      evidence="جملة", date_basis="explicit", primary=True)],
                    figures=figures, topics=[], clean_text=BODIES[i], provenance={})
    return store.add_article(RawDocument(f"{i}.txt", BODIES[i], "txt", "utf-8"), ex, "tester").article_id


def _fig(text: str, value: float, period: str | None = None) -> Figure:
    return Figure(text, value, None, "USD", "trade_turnover", "exact", period, text)


@pytest.fixture
def store(db_url):
    s = Store(db_url)
    _add(s, 0, "2022-01-10", [_fig("مليار دولار", 1e9, "2021")])
    _add(s, 1, "2023-05-02", [_fig("ملياري دولار", 2e9), _fig("ثلاثة مليارات", 3e9, "2022")],
         kind="visit")
    _add(s, 2, "2023-05-20", [])
    _add(s, 3, "2024-08-19", [_fig("أربعة مليارات", 4e9)])
    yield s
    s.close()


def test_count_figures_matches_the_rows(store):
    assert store.count_figures() == len(store.figures()) == 4
    visits = Filters(kinds=("visit",))
    assert store.count_figures(visits) == len(store.figures(visits)) == 2
    assert store.count_figures(Filters(q="سوتشي")) == 1


def test_figures_limit_keeps_the_most_recent_in_publication_order(store):
    full = store.figures()
    assert full["text"].tolist() == ["مليار دولار", "ملياري دولار", "ثلاثة مليارات", "أربعة مليارات"]
    last2 = store.figures(limit=2)
    assert last2["text"].tolist() == ["ثلاثة مليارات", "أربعة مليارات"]
    assert list(last2.columns) == list(full.columns)
    assert store.figures(limit=0).empty


def test_coverage_is_grouped_by_month(store):
    assert store.coverage().to_dict("records") == [
        {"month": "2022-01", "n_articles": 1}, {"month": "2023-05", "n_articles": 2},
        {"month": "2024-08", "n_articles": 1}]
    assert store.coverage(Filters(kinds=("visit",))).to_dict("records") == [
        {"month": "2023-05", "n_articles": 1}]


def test_term_frequencies_counts_only_the_most_recent_articles(store):
    every = dict(store.term_frequencies())
    newest = dict(store.term_frequencies(max_articles=1))
    assert every["علييف"] == 4
    assert newest["علييف"] == 1 and "سوتشي" in newest and "موسكو" not in newest


# ---- charts -------------------------------------------------------------------------------------

_PERIOD = st.one_of(st.none(), st.sampled_from(["2021", "عام 2019", "الربع الأول", "", "1998-1999"]))
_START = st.one_of(st.none(), st.dates(dt.date(1995, 1, 1), dt.date(2030, 1, 1)))
_PUBLISHED = st.one_of(st.none(), st.dates(dt.date(1995, 1, 1), dt.date(2030, 1, 1)))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_START, _PERIOD, _PUBLISHED), min_size=1, max_size=8))
def test_period_positions_equal_the_row_by_row_rule(rows):
    df = pd.DataFrame(rows, columns=["period_start", "period", "published"])
    fast = period_positions(df).tolist()
    slow = [period_position(r) for _, r in df.iterrows()]
    assert [None if pd.isna(v) else v for v in fast] == [None if v is None or pd.isna(v) else v for v in slow]


def _claims(n: int) -> pd.DataFrame:
    days = pd.date_range("2020-01-01", periods=n, freq="D")
    return pd.DataFrame({"published": [d.date() for d in days], "outlet": ["وكالة"] * n,
                         "text": [f"{i} مليار" for i in range(n)], "value": [float(i) * 1e9 for i in range(n)],
                         "value_max": [None] * n, "qualifier": ["exact"] * n, "period": [None] * n,
                         "period_start": [None] * n, "sentence": ["جملة"] * n, "title": ["عنوان"] * n})


def test_figures_chart_draws_at_most_max_points_the_most_recent():
    fig = figures_figure(_claims(50).sample(frac=1, random_state=1), "ar", "حجم", "USD", max_points=10)
    ys = sorted(y for tr in fig.data for y in tr.y)
    assert ys == [float(i) for i in range(40, 50)]


def test_figures_chart_below_the_cap_draws_everything():
    fig = figures_figure(_claims(5), "en", "Volume", "USD")
    assert sum(len(tr.y) for tr in fig.data) == 5


def test_figures_chart_merges_small_outlets_into_one_trace():
    from components.charts import MAX_OUTLET_TRACES
    df = _claims(40)
    df["outlet"] = [f"وكالة {i % 20}" for i in range(40)]
    fig = figures_figure(df, "ar", "حجم", "USD")
    assert len(fig.data) == MAX_OUTLET_TRACES and fig.data[-1].name == "مصادر أخرى"
    assert sum(len(tr.y) for tr in fig.data) == 40
