"""Who said what in the store (SQLite and PostgreSQL): statements written at ingest, read back
with the dashboard's filters, the speaker and the search syntax on the statement text; schema v6."""
from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa
from statement_articles import ARTICLES, CORRIDOR, ENERGY, EXPORTS, HARVEST, PEACE

from corpus.extract import extract_document
from corpus.filters import Filters, decode_speaker
from corpus.ingest import ingest_bytes
from corpus.store import Store, comparable_text, migrations, schema


@pytest.fixture
def said(db_url):
    store = Store(db_url)
    ids = {}
    for name, text in ARTICLES.items():
        ids[name] = next(r.article_id for r in ingest_bytes(store, name, text.encode("utf-8")))
    yield store, ids
    store.close()


def texts(result) -> list[str]:
    return list(result.rows["text"])


def test_ingest_stores_each_statement_with_its_article_and_meeting(said):
    store, ids = said
    result = store.statements(Filters())
    assert result.total == 5
    rows = result.rows
    assert list(zip(rows["speaker"], rows["mode"], rows["text"])) == [
        ("putin", "reported", ENERGY), ("aliyev", "direct", CORRIDOR),      # 2024-08-19, in article order
        ("aliyev", "reported", PEACE), ("putin", "reported", EXPORTS),      # 2023-05-02
        ("putin", "reported", HARVEST)]                                     # 2022-01-10
    first = rows.iloc[1]
    assert first["sentence"] == f"وقال علييف: «{CORRIDOR}»."
    assert (first["verb"], first["outlet"], first["published"]) == ("قال", "Sputnik", dt.date(2024, 8, 19))
    assert first["title"] == "بوتين وعلييف يبحثان الطاقة في باكو"
    assert first["topics"] == ["energy", "transport"]
    events = store.events(Filters())
    baku = int(events[events["city"] == "Baku"]["id"].iloc[0])
    call = int(events[events["kind"] == "phone_call"]["id"].iloc[0])
    assert list(rows["event_id"]) == [baku, baku, call, call, None]  # the cabinet meeting is no meeting
    assert list(rows["article_id"]) == [ids["baku.txt"]] * 2 + [ids["call.txt"]] * 2 + [ids["grain.txt"]]


def test_speaker_limit_and_total(said):
    store, _ = said
    putin = store.statements(Filters(), speaker="putin")
    assert (putin.total, texts(putin)) == (3, [ENERGY, EXPORTS, HARVEST])
    assert texts(store.statements(Filters(), speaker="aliyev")) == [CORRIDOR, PEACE]
    first_two = store.statements(Filters(), limit=2)
    assert (first_two.total, texts(first_two)) == (5, [ENERGY, CORRIDOR])
    with pytest.raises(ValueError):
        store.statements(Filters(), speaker="peskov")


def test_query_syntax_applies_to_the_statement_text(said):
    store, _ = said
    def found(query, **kw):
        return texts(store.statements(Filters(), query=query, **kw))
    assert found("الحبوب") == [EXPORTS, HARVEST]
    assert found("الحبوب -محصول") == [EXPORTS]                       # exclusion
    assert found("-الحبوب") == [ENERGY, CORRIDOR, PEACE]              # exclusion only
    assert found('"جنوب القوقاز"') == [PEACE]                         # phrase
    assert found('"القوقاز جنوب"') == []                              # a phrase keeps its order
    assert found("الطاقه OR الخليج") == [ENERGY, CORRIDOR]            # OR; ta marbuta, clitics
    assert found("الحبوب", speaker="putin") == [EXPORTS, HARVEST]
    assert found("الحبوب", speaker="aliyev") == []
    # Words of the article outside the statement do not match it: باكو is in the lead only.
    assert found("باكو") == [] and store.search("باكو")
    # filters.q is the default query; an explicit query replaces it
    assert texts(store.statements(Filters(q="السلام"))) == [PEACE]
    assert texts(store.statements(Filters(q="السلام"), query="")) == texts(store.statements(Filters()))


def test_hits_mark_the_query_words_in_the_statement(said):
    store, _ = said
    rows = store.statements(Filters(), query='الطاقة "ثلاث سنوات"').rows
    assert rows.empty  # AND: no statement has both
    rows = store.statements(Filters(), query='الطاقة OR "ثلاث سنوات"').rows
    marked = [[text[a:b] for a, b in hits] for text, hits in zip(rows["text"], rows["hits"])]
    assert marked == [["الطاقة"], ["ثلاث سنوات"]]
    assert list(store.statements(Filters()).rows["hits"]) == [[]] * 5


def test_article_filters_apply_to_statements(said):
    store, ids = said
    def found(**kw):
        return texts(store.statements(Filters(**kw)))
    assert found(outlets=("Al Mayadeen",)) == [PEACE, EXPORTS]
    assert found(date_from=dt.date(2023, 1, 1), date_to=dt.date(2023, 12, 31)) == [PEACE, EXPORTS]
    assert found(cities=("Baku",)) == [ENERGY, CORRIDOR]
    assert found(kinds=("phone_call",)) == [PEACE, EXPORTS]
    assert found(topics=("energy",)) == [ENERGY, CORRIDOR]
    assert found(topics=("energy",), outlets=("RT Arabic",)) == []
    assert store.remove_article(ids["call.txt"])
    assert texts(store.statements(Filters())) == [ENERGY, CORRIDOR, HARVEST]


def test_reprocess_writes_the_statements_again(said):
    store, ids = said
    with store.engine.begin() as conn:
        conn.execute(schema.statements.delete())
    assert store.statements(Filters()).total == 0
    store.reprocess(extractor=extract_document)
    store.reprocess(extractor=extract_document)  # twice: replaced, not added again
    assert store.statements(Filters()).total == 5


@pytest.mark.parametrize("value, expected", [
    (None, (None, True)), ("", (None, True)), ("putin", ("putin", True)), (["aliyev"], ("aliyev", True)),
    (" Aliyev ", ("aliyev", True)), ("peskov", (None, False)), ("<b>", (None, False))])
def test_speaker_parameter(value, expected):
    assert decode_speaker(value) == expected


# --- schema v6 -------------------------------------------------------------------------------

def test_a_schema_v5_database_gains_the_statements_of_its_articles(db_url):
    engine = Store(db_url, migrate=False).engine
    assert migrations.migrate(engine, target=5) == 5
    body = ("موسكو 22 أبريل 2024 - استقبل الرئيس الروسي فلاديمير بوتين نظيره الأذربيجاني إلهام علييف.\n"
            "وقال بوتين إن العلاقات بين البلدين استراتيجية.")
    with engine.begin() as conn:  # an article stored by schema v5
        assert not sa.inspect(conn).has_table("statements")
        conn.execute(schema.articles.insert().values(
            content_hash="h1", title="قديم", published=dt.date(2024, 4, 22), raw_text=body, clean_text=body,
            norm_text=comparable_text(body), norm_len=len(body), created_at=dt.datetime(2024, 4, 22)))
    engine.dispose()
    store = Store(db_url)
    with store.engine.connect() as conn:
        assert migrations.current_version(conn) == migrations.LATEST == 9
    result = store.statements(Filters())
    assert (result.total, texts(result), list(result.rows["speaker"])) == (
        1, ["العلاقات بين البلدين استراتيجية"], ["putin"])
    assert Store(db_url).statements(Filters()).total == 1  # opening again changes nothing
    store.close()
