"""The pipelined ingest (extraction and preparation in worker processes, overlapping the writer)
stores exactly what the plain path stores: extract each document here, ``Store.add_articles``
in batches, events grouped once at the end.

``INGEST_EQUAL_N`` sets how many synthetic articles (default 240; the change was checked at 3,000).
"""
from __future__ import annotations

from corpus import ingest
from corpus.extract import extract_document
from corpus.extract.pool import AHEAD, POOL_MIN_DOCS
from corpus.models import Extraction, RawDocument
from corpus.store import Store, schema

from ingest_support import CLOCK_COLUMNS, N, documents, dump


def _plain_ingest(store: Store, docs: list[RawDocument], batch: int) -> None:
    """The reference: one process, extraction then ``add_articles`` per batch, then events."""
    for start in range(0, len(docs), batch):
        chunk = docs[start:start + batch]
        store.add_articles([(d, extract_document(d.text, d.source, dict(d.hints))) for d in chunk], "cli")
    store.rebuild_events()


def test_pipelined_ingest_stores_what_the_plain_path_stores(tmp_path, monkeypatch):
    batch = POOL_MIN_DOCS + 20  # batches big enough for the pool, and many of them in flight
    monkeypatch.setattr(ingest, "BATCH", batch)
    docs = documents()
    assert len(docs) > (AHEAD + 2) * batch
    plain, piped = Store(f"sqlite:///{tmp_path / 'plain.sqlite'}"), Store(f"sqlite:///{tmp_path / 'piped.sqlite'}")
    _plain_ingest(plain, docs, batch)
    results = ingest.ingest_documents(piped, docs, who="cli")
    expected, got = dump(plain), dump(piped)
    assert len(expected["articles"]) > N // 2 and expected["events"] and expected["figures"]
    assert {r.status for r in results} >= {"added", "source_added"}
    for name in expected:
        assert got[name] == expected[name], name


def test_reprocess_in_the_pool_stores_what_a_plain_ingest_stores(tmp_path, monkeypatch):
    """Articles first stored without meetings, figures, topics or statements (the same texts and
    so the same duplicates), then reprocessed (pool, writer overlapping the workers), end with
    the rows a plain ingest of the same texts writes."""
    docs = documents()
    plain, redone = Store(f"sqlite:///{tmp_path / 'plain.sqlite'}"), Store(f"sqlite:///{tmp_path / 'redone.sqlite'}")
    _plain_ingest(plain, docs, 200)
    bare = [Extraction(title=ex.title, outlet=ex.outlet, published=ex.published, language=ex.language,
                       clean_text=ex.clean_text, provenance={"all": "stale"})
            for ex in (extract_document(d.text, d.source, dict(d.hints)) for d in docs)]
    redone.add_articles(list(zip(docs, bare)), "cli")
    expected = dump(plain)
    assert dump(redone)["figures"] == [] != expected["figures"]
    batch = POOL_MIN_DOCS + 20
    assert redone.reprocess(batch=batch) == len(expected["articles"]) > (AHEAD + 2) * batch
    got = dump(redone)
    for name in ("meetings", "figures", "topics", "statements", "shingles", "events", "event_articles",
                 "articles_fts"):
        assert got[name] == expected[name], name
    dumped = [c.name for c in schema.articles.columns if c.name not in CLOCK_COLUMNS]
    same_columns = [i for i, name in enumerate(dumped) if name != "content_hash"]
    assert [[row[i] for i in same_columns] for row in got["articles"]] == \
        [[row[i] for i in same_columns] for row in expected["articles"]]
