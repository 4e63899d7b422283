"""The filter table (corpus.filters): the codec built from it agrees with the hand-written codec it
replaced (tests/filters_legacy.py) on any parameters, encode∘decode is the identity on valid
filters, the WHERE clause is the same SQL as before, and a filter added as one row works end to end
(URL, SQL, facets, widget)."""
from __future__ import annotations

import datetime as dt
import subprocess
import sys
from dataclasses import dataclass, replace

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings, strategies as st
from sqlalchemy.dialects import postgresql, sqlite

from components.filterwidgets import fit_value, from_state, options_of, to_state
from corpus.filters import FILTERS, MAX_LIST_ITEMS, MAX_QUERY_LEN, UI_LANGS, Filters, decode, encode, rows_of
from corpus.filterspec import Compare, ListCodec, OneOf, Widget, filter_row
from corpus.models import Extraction, Meeting, RawDocument
from corpus.store import Store, schema
from corpus.store.conditions import facet_rows, filter_conditions, value_counts_select
from corpus.vocab import KINDS, STATUSES
from filters_legacy import decode as legacy_decode, encode as legacy_encode, legacy_conditions, \
    legacy_facet_count_selects

PARAM_NAMES = ["q", "from", "to", "outlet", "city", "kind", "topic", "lang", "x", "utm_source"]
RAW_TEXT = st.one_of(st.text(max_size=12), st.sampled_from(["", " ", "2024-01-05", " 2023-12-31 ", "20240105",
                                                            "talks", "visit", "ar", "en", "fr", " Baku ", "x" * 301]))
RAW_PARAMS = st.dictionaries(st.sampled_from(PARAM_NAMES),
                             st.one_of(RAW_TEXT, st.lists(RAW_TEXT, max_size=4)))

VALUE = st.text(min_size=1, max_size=30).map(str.strip).filter(bool)
DATE = st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31))


@st.composite
def valid_filters(draw: st.DrawFn) -> Filters:
    """Any Filters a link can carry: a bounded query, a range in order, distinct stripped values."""
    date_from, date_to = draw(st.one_of(st.none(), DATE)), draw(st.one_of(st.none(), DATE))
    if date_from and date_to and date_from > date_to:
        date_from, date_to = date_to, date_from

    def values(elements: st.SearchStrategy[str]) -> tuple[str, ...]:
        return tuple(draw(st.lists(elements, max_size=6, unique=True)))
    return Filters(q=draw(st.text(max_size=MAX_QUERY_LEN).filter(lambda q: "\x00" not in q)),
                   date_from=date_from, date_to=date_to, outlets=values(VALUE), cities=values(VALUE),
                   kinds=values(st.sampled_from(KINDS)), topics=values(VALUE), lang=draw(st.sampled_from(UI_LANGS)))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(RAW_PARAMS)
def test_every_link_decodes_as_before(params):
    filters, ignored = decode(params)
    old_filters, old_ignored = legacy_decode(params)
    assert filters == old_filters
    # The old codec could name a parameter twice (``kind`` with an unknown and too many values).
    assert ignored == list(dict.fromkeys(old_ignored))


@settings(max_examples=300, deadline=None)
@given(valid_filters())
def test_encode_then_decode_is_the_identity_and_encodes_as_before(filters):
    params = encode(filters)
    assert params == legacy_encode(filters)
    assert decode(params) == (filters, [])


def test_a_parameter_named_twice_by_the_old_codec_is_reported_once():
    params = {"kind": ["party", *KINDS * 11]}
    assert legacy_decode(params)[1] == ["kind", "kind"]
    assert decode(params) == (Filters(), ["kind"])


def test_the_table_is_the_fields_of_filters_in_url_order():
    assert [r.name for r in FILTERS] == ["q", "date_from", "date_to", "outlets", "cities", "kinds", "topics",
                                         "lang"]
    assert [r.param for r in FILTERS] == ["q", "from", "to", "outlet", "city", "kind", "topic", "lang"]
    assert len({r.widget.key for r in FILTERS}) == len(FILTERS)
    assert Filters(lang="en").is_empty() and not Filters(topics=("energy",)).is_empty()


def test_the_codec_module_does_not_load_sqlalchemy_or_streamlit():
    code = ("import sys, corpus.filters, corpus.filterspec; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'streamlit')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


@pytest.mark.parametrize("dialect", [sqlite.dialect(), postgresql.dialect()], ids=["sqlite", "postgresql"])
@pytest.mark.parametrize("filters", [
    None, Filters(), Filters(q="بوتين", lang="en"),
    Filters(date_from=dt.date(2024, 1, 1)), Filters(date_to=dt.date(2024, 1, 1)),
    Filters(date_from=dt.date(2021, 1, 1), date_to=dt.date(2024, 1, 1), outlets=("RT Arabic", "SANA"),
            cities=("Baku",), kinds=("talks", "visit"), topics=("energy", "trade")),
])
def test_the_where_clause_is_the_sql_of_before(filters, dialect):
    def compiled(conds):
        clause = sa.and_(*conds).compile(dialect=dialect)
        return clause.string, clause.params
    assert compiled(filter_conditions(filters)) == compiled(legacy_conditions(filters))


# ---- one more row: a filter on the main meeting's status, and one on the publication date -----------

@dataclass(frozen=True)
class MoreFilters(Filters):
    statuses: tuple[str, ...] = filter_row((), "status", ListCodec(MAX_LIST_ITEMS, 200, STATUSES),
                                           OneOf(("main_meeting.status",)),
                                           Widget("multiselect", "filters.statuses", "flt_statuses",
                                                  options=STATUSES, value_label="status"))
    published_from: dt.date | None = filter_row(None, "published", FILTERS[1].codec,
                                                Compare("articles.published", ">="),
                                                Widget("date", "filters.published_from", "flt_published"))


def test_an_added_row_travels_in_the_url():
    rows = rows_of(MoreFilters)
    assert [r.name for r in rows][-2:] == ["statuses", "published_from"]
    f = MoreFilters(q="غاز", statuses=("held",), published_from=dt.date(2024, 2, 1))
    params = encode(f)
    assert params == {"q": "غاز", "status": ["held"], "published": "2024-02-01"}
    assert decode(params, MoreFilters) == (f, [])
    assert decode({"status": ["held", "rumoured"], "published": "soon"}, MoreFilters) == (
        MoreFilters(statuses=("held",)), ["status", "published"])
    # The plain table does not know the new parameters: it reports them.
    assert decode(params) == (Filters(q="غاز"), ["published", "status"])
    assert not MoreFilters(statuses=("held",)).is_empty() and MoreFilters(lang="en").is_empty()


def test_an_added_row_gets_its_widget():
    statuses, published = rows_of(MoreFilters)[-2:]
    assert options_of(statuses, {}) == list(STATUSES)
    assert from_state(statuses, to_state(("held",))) == ("held",)
    assert fit_value(statuses, ("held", "rumoured"), {}, dt.date(2025, 1, 1)) == (("held",), True)
    assert fit_value(published, dt.date(1980, 1, 1), {}, dt.date(2025, 1, 1)) == (None, True)
    assert from_state(published, "2024-02-01") == dt.date(2024, 2, 1)


def _meeting(status: str, city: str) -> Meeting:
    return Meeting(date="2024-01-10", city=city, kind="talks", status=status, evidence="جملة",
                   date_basis="explicit", primary=True)


@pytest.fixture
def small_store(db_url):
    store = Store(db_url)
    texts = ["التقى بوتين وعلييف في باكو وبحثا الغاز والنقل بين البلدين.",
             "أعلن الكرملين أن بوتين سيستقبل علييف في موسكو الشهر المقبل لبحث التجارة.",
             "قال علييف إن صادرات الغاز إلى أوروبا سترتفع هذا العام بحسب وزارة الطاقة.",
             "بحث وزيرا الخارجية في سوتشي ملف الممر الشمالي الجنوبي والسكك الحديدية."]
    meetings = [[_meeting("held", "Baku")], [_meeting("announced", "Moscow")], [], [_meeting("held", "Sochi")]]
    published = ["2024-01-10", "2024-02-20", "2024-03-05", "2023-11-30"]
    ids = []
    for i, (text, ms, day) in enumerate(zip(texts, meetings, published)):
        ex = Extraction(title=f"t{i}", outlet="RT Arabic", published=day, language="ar", meetings=ms,
                        clean_text=text)
        ids.append(store.add_article(RawDocument(f"m{i}.txt", text, "txt", "utf-8"), ex, "tester").article_id)
    yield store, ids
    store.close()


def test_an_added_row_narrows_the_articles_and_counts_its_options(small_store):
    store, ids = small_store
    stored = store.articles()
    published = dict(zip(stored["id"], stored["published"]))
    def listed(filters: Filters) -> set[int]:
        return set(store.articles(filters)["id"])
    held, announced = {ids[0], ids[3]}, {ids[1]}
    assert listed(MoreFilters(statuses=("held",))) == held
    assert listed(MoreFilters(statuses=("announced",))) == announced
    assert listed(MoreFilters(statuses=("held", "announced"))) == held | announced
    assert listed(MoreFilters(statuses=("held",), cities=("Sochi",))) == {ids[3]}
    since = dt.date(2024, 2, 1)
    later = {i for i, day in published.items() if day >= since}
    assert later == {ids[1], ids[2]}
    assert listed(MoreFilters(published_from=since)) == later
    assert listed(MoreFilters(published_from=since, q="الغاز")) == {ids[2]}
    assert store.count(MoreFilters(statuses=("held",), published_from=since)) == 0
    assert store.facets(MoreFilters())["statuses"] == ["announced", "held"]
    counts = store.facet_counts(MoreFilters(statuses=("held",), published_from=dt.date(2024, 1, 1)))
    assert counts["statuses"] == {"held": 1, "announced": 1}  # under the other filters, its own left out
    assert counts["cities"] == {"Baku": 1}
    assert store.facet_counts(replace(MoreFilters(), q="الغاز"))["statuses"] == {"held": 1}


@pytest.mark.parametrize("dialect", [sqlite.dialect(), postgresql.dialect()], ids=["sqlite", "postgresql"])
def test_the_facet_count_selects_are_the_sql_of_before(dialect):
    ids = sa.select(schema.articles.c.id).where(schema.articles.c.removed_at.is_(None))
    legacy = legacy_facet_count_selects(ids)
    rows = facet_rows(Filters)
    assert [row.name for row, _ in rows] == list(legacy)
    for row, where in rows:
        new, old = (stmt.compile(dialect=dialect) for stmt in (value_counts_select(where, ids), legacy[row.name]))
        assert (new.string, new.params) == (old.string, old.params), row.name
