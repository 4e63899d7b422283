"""The pipelined ingest (extraction and preparation in worker processes, overlapping the writer)
stores exactly what the plain path stores: extract each document here, ``Store.add_articles``
in batches, events grouped once at the end.

``INGEST_EQUAL_N`` sets how many synthetic articles (default 240; the change was checked at 3,000).
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from corpus import synth
from corpus.extract import extract_document
from corpus.extract.pool import AHEAD, POOL_MIN_DOCS
from corpus import ingest
from corpus.models import Extraction, RawDocument
from corpus.preview import not_arabic_reason
from corpus.store import Store, schema

ROOT = Path(__file__).resolve().parent
REAL_SETS = [ROOT / "heldout", ROOT / "heldout2", ROOT / "heldout3", Path("/work/shared/devset2/articles")]
N = int(os.environ.get("INGEST_EQUAL_N", "240"))
CLOCK_COLUMNS = {"created_at", "added_at", "at", "applied_at"}  # when a row was written differs
TABLES = ("articles", "sources", "meetings", "figures", "topics", "statements", "shingles", "events",
          "event_articles", "history")


def _documents() -> list[RawDocument]:
    docs = [RawDocument(source=name, text=text, fmt="txt") for name, text, _ in synth.generate(N, 21)]
    for folder in REAL_SETS:
        for path in sorted(folder.glob("*.txt")) if folder.is_dir() else []:
            docs.append(RawDocument(source=f"{folder.name}/{path.name}", text=path.read_text(encoding="utf-8"),
                                    fmt="txt"))
    return [d for d in docs if d.text.strip() and not_arabic_reason(d.text) is None]  # what ingest stores


def _plain_ingest(store: Store, docs: list[RawDocument], batch: int) -> None:
    """The reference: one process, extraction then ``add_articles`` per batch, then events."""
    for start in range(0, len(docs), batch):
        chunk = docs[start:start + batch]
        store.add_articles([(d, extract_document(d.text, d.source, dict(d.hints))) for d in chunk], "cli")
    store.rebuild_events()


def _dump(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    tables = {t.name: t for t in schema.metadata.sorted_tables}
    out: dict[str, list[tuple[Any, ...]]] = {}
    with store.engine.connect() as conn:
        for name in TABLES:
            table = tables[name]
            cols = [c for c in table.columns if c.name not in CLOCK_COLUMNS]
            rows = conn.execute(sa.select(*cols).order_by(*table.primary_key.columns)).all()
            out[name] = [tuple(r) for r in rows]
        out["articles_fts"] = [tuple(r) for r in conn.execute(
            sa.text("SELECT rowid, terms FROM articles_fts ORDER BY rowid")).all()]
    return out


def test_pipelined_ingest_stores_what_the_plain_path_stores(tmp_path, monkeypatch):
    batch = POOL_MIN_DOCS + 20  # batches big enough for the pool, and many of them in flight
    monkeypatch.setattr(ingest, "BATCH", batch)
    docs = _documents()
    assert len(docs) > (AHEAD + 2) * batch
    plain, piped = Store(f"sqlite:///{tmp_path / 'plain.sqlite'}"), Store(f"sqlite:///{tmp_path / 'piped.sqlite'}")
    _plain_ingest(plain, docs, batch)
    results = ingest.ingest_documents(piped, docs, who="cli")
    expected, got = _dump(plain), _dump(piped)
    assert len(expected["articles"]) > N // 2 and expected["events"] and expected["figures"]
    assert {r.status for r in results} >= {"added", "source_added"}
    for name in expected:
        assert got[name] == expected[name], name


def test_reprocess_in_the_pool_stores_what_a_plain_ingest_stores(tmp_path, monkeypatch):
    """Articles first stored without meetings, figures, topics or statements (the same texts and
    so the same duplicates), then reprocessed (pool, writer overlapping the workers), end with
    the rows a plain ingest of the same texts writes."""
    docs = _documents()
    plain, redone = Store(f"sqlite:///{tmp_path / 'plain.sqlite'}"), Store(f"sqlite:///{tmp_path / 'redone.sqlite'}")
    _plain_ingest(plain, docs, 200)
    bare = [Extraction(title=ex.title, outlet=ex.outlet, published=ex.published, language=ex.language,
                       clean_text=ex.clean_text, provenance={"all": "stale"})
            for ex in (extract_document(d.text, d.source, dict(d.hints)) for d in docs)]
    redone.add_articles(list(zip(docs, bare)), "cli")
    expected = _dump(plain)
    assert _dump(redone)["figures"] == [] != expected["figures"]
    batch = POOL_MIN_DOCS + 20
    assert redone.reprocess(batch=batch) == len(expected["articles"]) > (AHEAD + 2) * batch
    got = _dump(redone)
    for name in ("meetings", "figures", "topics", "statements", "shingles", "events", "event_articles",
                 "articles_fts"):
        assert got[name] == expected[name], name
    dumped = [c.name for c in schema.articles.columns if c.name not in CLOCK_COLUMNS]
    same_columns = [i for i, name in enumerate(dumped) if name != "content_hash"]
    assert [[row[i] for i in same_columns] for row in got["articles"]] == \
        [[row[i] for i in same_columns] for row in expected["articles"]]
