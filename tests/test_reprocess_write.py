"""The reprocess writer's batch path (a few statements per table for a whole batch) stores what
writing each article on its own stores (the reference: one update, ``write_extraction`` with
``refresh_main_meeting``, shingles, ``write_index`` and ``reapply_corrections`` per article)."""
from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import sqlalchemy as sa

from corpus.extract import extract_document
from corpus.models import Extraction, Meeting, RawDocument
from corpus.store import Store, migrations, schema
from corpus.store.corrections import reapply_corrections
from corpus.store.reprocess import Reextracted, _write_all, reextract
from corpus.store.rows import clean_json, to_date
from corpus.store.writes import extractor_version, write_extraction

from test_store import BODY_A, BODY_B, BODY_C, add, meeting

A = schema.articles
TABLES = ("articles", "meetings", "figures", "topics", "statements", "shingles", "corrections")
EVENT_DATE = dt.date(2023, 5, 1)


def write_one_by_one(conn: sa.Connection, work: list[Reextracted]) -> None:
    """The reference: each article written on its own, as the writer did before batching."""
    for r in work:
        ex = r.extraction
        conn.execute(A.update().where(A.c.id == r.article_id).values(
            title=ex.title, outlet=ex.outlet, published=to_date(ex.published), language=ex.language,
            clean_text=r.clean_text, norm_text=r.norm_text, norm_len=len(r.norm_text),
            provenance=clean_json(ex.provenance), extractor_version=extractor_version()))
        write_extraction(conn, r.article_id, ex)
        conn.execute(schema.shingles.delete().where(schema.shingles.c.article_id == r.article_id))
        if r.shingles:
            conn.execute(schema.shingles.insert(), [{"article_id": r.article_id, "h": h} for h in r.shingles])
        migrations.write_index(conn, r.article_id, r.terms)
        reapply_corrections(conn, r.article_id)


def _extractor(b_id: int):
    """Real extraction, except article b: a dated side meeting, then an undated primary one (so
    the main meeting is the second, dated by its event), and no figures or topics."""
    def extract(text: str, source: str, hints: dict[str, Any]) -> Extraction:
        if source == f"article-{b_id}":
            side = Meeting(date="2023-04-01", city="Sochi", kind="talks", status="held", evidence="x",
                           primary=False)
            main = Meeting(date=None, city="Moscow", kind="phone_call", status="held", evidence="y")
            return Extraction(title="آلي", outlet="Robot", published="2023-05-03", meetings=[side, main],
                              clean_text=text, provenance={"title": "robot"})
        return extract_document(text, source, hints)
    return extract


def _dump(conn: sa.Connection) -> dict[str, list[tuple[Any, ...]]]:
    tables = {t.name: t for t in schema.metadata.sorted_tables}
    out: dict[str, list[tuple[Any, ...]]] = {}
    for name in TABLES:
        table = tables[name]
        rows = conn.execute(sa.select(table).order_by(*table.primary_key.columns)).mappings().all()
        out[name] = [tuple((k, _without_clock(v) if k == "human_checked" else v) for k, v in r.items())
                     for r in rows]
    if conn.dialect.name == "sqlite":
        out["index"] = [tuple(r) for r in conn.execute(sa.text("SELECT rowid, terms FROM articles_fts ORDER BY rowid"))]
    else:
        out["index"] = [tuple(r) for r in conn.execute(sa.text(
            "SELECT article_id, terms, tsv::text FROM search_index ORDER BY article_id"))]
    return out


def _without_clock(checked: dict[str, Any] | None) -> Any:
    return {field: mark["by"] for field, mark in (checked or {}).items()}


def _stored(store: Store, writer, work: list[Reextracted], b_id: int) -> dict[str, list[tuple[Any, ...]]]:
    """What ``writer`` leaves in the store (rolled back afterwards), article b's primary meeting
    linked to a dated event first."""
    with store.engine.connect() as conn:
        with conn.begin() as tx:
            event = conn.execute(schema.events.insert().values(date=EVENT_DATE, city="Moscow", key="k")
                                 .returning(schema.events.c.id)).scalar_one()
            conn.execute(schema.event_articles.insert().values(event_id=event, article_id=b_id, meeting_idx=1,
                                                               inferred=False))
            writer(conn, work)
            out = _dump(conn)
            tx.rollback()
    return out


@pytest.fixture
def store(db_url):
    s = Store(db_url)
    yield s
    s.close()


def test_the_batch_writer_stores_what_writing_each_article_stores(store):
    a = add(store, "a.txt", BODY_A, title="بوتين في باكو", meetings=[meeting("2024-08-19")]).article_id
    b = add(store, "b.txt", BODY_B, meetings=[meeting(None, city=None, kind="phone_call")]).article_id
    c = add(store, "c.txt", BODY_C, topics=["energy"]).article_id
    store.correct(a, "title", "عنوان بشري", "ed")
    store.correct(a, "topics", ["agriculture"], "ed")
    store.correct(c, "published", "2021-02-03", "ed")
    store.correct(c, "title", "أول", "ed")
    store.correct(c, "title", "ثان", "ed")  # the latest wins
    stored = store._read(sa.select(A.c.id, A.c.raw_text))
    docs = {r.id: RawDocument(f"article-{r.id}", r.raw_text, "txt") for r in stored}
    work = [reextract((aid, docs[aid]), extractor=_extractor(b)) for aid in sorted(docs)]
    assert [r.article_id for r in work] == [a, b, c] and work[1].extraction.meetings[1].date is None
    expected = _stored(store, write_one_by_one, work, b)
    got = _stored(store, _write_all, work, b)
    assert got == expected
    articles = {row[0][1]: dict(row) for row in got["articles"]}
    assert articles[b]["meeting_date"] == EVENT_DATE == articles[b]["sort_date"]  # the event's date
    assert articles[b]["city"] == "Moscow" and articles[b]["title"] == "آلي"
    assert articles[a]["title"] == "عنوان بشري" and articles[c]["title"] == "ثان"
    assert articles[c]["published"] == dt.date(2021, 2, 3)
    assert got["shingles"] and got["meetings"] and len(got["index"]) == 3


def test_an_empty_batch_writes_nothing(store):
    with store.engine.begin() as conn:
        _write_all(conn, [])
        assert conn.execute(sa.select(sa.func.count()).select_from(A)).scalar() == 0
