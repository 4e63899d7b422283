"""Re-extraction of every stored article from its raw text (after the extraction rules changed):
new extraction rows, shingles and index entry, corrections re-applied, events regrouped.

Extraction and what follows from it alone (normalised text, near-duplicate keys, index terms) run
in the extraction process pool, batches ahead of the single writer (``extract.pool.in_batches``).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import partial
from typing import Any, Callable, Iterator, Sequence

import sqlalchemy as sa

from ..extract import extract_document
from ..extract.pool import in_batches, make_pool
from ..models import Extraction, RawDocument
from ..search import index_string
from . import migrations, schema
from .corrections import reapply_corrections
from .duplicates import comparable_text, shingle_hashes
from .events import Events
from .rows import clean_json, main_meeting_values, scrub, to_date
from .writes import extraction_rows, extractor_version

A, S, M, F, T, ST = (schema.articles, schema.sources, schema.meetings, schema.figures, schema.topics,
                     schema.statements)
C, E, EA = schema.corrections, schema.events, schema.event_articles
Extractor = Callable[[str, str, dict[str, Any]], Extraction]


@dataclass
class Reextracted:
    """An article's new extraction with the rows derived from it, ready to write."""

    article_id: int
    extraction: Extraction
    clean_text: str
    norm_text: str
    shingles: list[int]
    terms: str


def reextract(item: tuple[int, RawDocument], extractor: Extractor = extract_document) -> Reextracted:
    """Extraction of a stored article's raw text and what the store derives from it (a worker's job)."""
    article_id, doc = item
    ex = scrub(extractor(doc.text, doc.source, dict(doc.hints)))
    clean = ex.clean_text or doc.text
    norm = comparable_text(clean)
    return Reextracted(article_id, ex, clean, norm, shingle_hashes(norm), index_string(ex.title, clean))


# Statements of the batch writer, built once.
_UPDATE_ARTICLE = A.update().where(A.c.id == sa.bindparam("b_id"))
_EXTRACTION_TABLES = (M, F, T, ST, schema.shingles)
_INS_SHINGLE = schema.shingles.insert()


def _event_dates(conn: sa.Connection, ids: list[int]) -> dict[tuple[int, int], dt.date | None]:
    """(article id, meeting index) → date of the event the meeting is linked to, for ``ids``."""
    rows = conn.execute(sa.select(EA.c.article_id, EA.c.meeting_idx, E.c.date)
                        .join(E, EA.c.event_id == E.c.id).where(EA.c.article_id.in_(ids)))
    out: dict[tuple[int, int], dt.date | None] = {}
    for row in rows:
        out.setdefault((row.article_id, row.meeting_idx), row.date)
    return out


def _article_row(r: Reextracted, event_dates: dict[tuple[int, int], dt.date | None]) -> dict[str, Any]:
    """The article's new columns; the main meeting by ``rows.main_meeting_columns``."""
    ex = r.extraction
    return {"b_id": r.article_id, "title": ex.title, "outlet": ex.outlet, "published": to_date(ex.published),
            "language": ex.language, "clean_text": r.clean_text, "norm_text": r.norm_text,
            "norm_len": len(r.norm_text), "provenance": clean_json(ex.provenance),
            "extractor_version": extractor_version(),
            **main_meeting_values(ex, lambda idx: event_dates.get((r.article_id, idx)))}


def _corrected(conn: sa.Connection, ids: list[int]) -> list[int]:
    """Those of ``ids`` that have corrections, in order."""
    return sorted(conn.execute(sa.select(C.c.article_id).where(C.c.article_id.in_(ids)).distinct()).scalars())


def _write_all(conn: sa.Connection, work: list[Reextracted]) -> None:
    """Write a batch's re-extractions with a few statements per table (not per article): the
    batch's old rows deleted at once, the new ones inserted in one executemany per table, then
    the corrections of the articles that have some re-applied."""
    if not work:
        return
    ids = [r.article_id for r in work]
    event_dates = _event_dates(conn, ids)
    conn.execute(_UPDATE_ARTICLE, [_article_row(r, event_dates) for r in work])
    for table in _EXTRACTION_TABLES:
        conn.execute(table.delete().where(table.c.article_id.in_(ids)))
    later: dict[Any, list[dict[str, Any]]] = {}
    for r in work:
        for statement, rows in extraction_rows(r.article_id, r.extraction):
            later.setdefault(statement, []).extend(rows)
        later.setdefault(_INS_SHINGLE, []).extend({"article_id": r.article_id, "h": h} for h in r.shingles)
    for statement, rows in later.items():
        if rows:
            conn.execute(statement, rows)
    migrations.write_indexes(conn, [(r.article_id, r.terms) for r in work])
    for article_id in _corrected(conn, ids):
        reapply_corrections(conn, article_id)


class Reprocessing(Events):
    def _stored_documents(self, ids: Sequence[int], batch: int) -> Iterator[list[tuple[int, RawDocument]]]:
        """(article id, its raw text as a document) a batch at a time, read when asked for."""
        for start in range(0, len(ids), batch):
            chunk = ids[start:start + batch]
            rows = self._read(sa.select(A.c.id, A.c.raw_text, A.c.hints, A.c.fmt,
                                        sa.select(sa.func.min(S.c.source)).where(S.c.article_id == A.c.id)
                                        .scalar_subquery().label("source")).where(A.c.id.in_(chunk)))
            yield [(r.id, RawDocument(r.source or f"article-{r.id}", r.raw_text, r.fmt or "txt",
                                      hints=dict(r.hints or {}))) for r in rows]

    def reprocess(self, progress: Callable[[int, int], None] | None = None, batch: int = 500,
                  extractor: Extractor | None = None) -> int:
        """Re-run extraction on every article's stored text, re-apply corrections, rebuild events.

        ``extractor(text, source, hints)`` defaults to ``extract.extract_document``, run in the
        extraction process pool (``extract.pool``) for large corpora; a given one runs here.
        """
        ids = [r.id for r in self._read(sa.select(A.c.id).order_by(A.c.id))]
        pool = make_pool(len(ids)) if extractor is None else None
        work = reextract if extractor is None else partial(reextract, extractor=extractor)
        done = 0
        try:
            for results in in_batches(work, self._stored_documents(ids, batch), pool):
                self._transact(lambda conn: _write_all(conn, results))
                done += len(results)
                if progress:
                    progress(done, len(ids))
        finally:
            if pool is not None:
                pool.shutdown()
        if ids:
            self.rebuild_events()
        return len(ids)
