"""Re-extraction of every stored article from its raw text (after the extraction rules changed):
new extraction rows, shingles and index entry, corrections re-applied, events regrouped."""
from __future__ import annotations

from typing import Any, Callable

import sqlalchemy as sa

from ..extract.pool import extract_all, make_pool
from ..models import Extraction, RawDocument
from ..search import index_string
from . import migrations, schema
from .corrections import reapply_corrections
from .duplicates import comparable_text, shingle_hashes
from .events import Events
from .rows import clean_json, scrub, to_date
from .writes import extractor_version, write_extraction

A, S = schema.articles, schema.sources


def replace_extraction(conn: sa.Connection, article_id: int, ex: Extraction) -> None:
    raw = conn.execute(sa.select(A.c.raw_text).where(A.c.id == article_id)).scalar_one()
    clean = ex.clean_text or raw
    norm = comparable_text(clean)
    conn.execute(A.update().where(A.c.id == article_id).values(
        title=ex.title, outlet=ex.outlet, published=to_date(ex.published), language=ex.language,
        clean_text=clean, norm_text=norm, norm_len=len(norm), provenance=clean_json(ex.provenance),
        extractor_version=extractor_version()))
    write_extraction(conn, article_id, ex)
    conn.execute(schema.shingles.delete().where(schema.shingles.c.article_id == article_id))
    hashes = shingle_hashes(norm)
    if hashes:
        conn.execute(schema.shingles.insert(), [{"article_id": article_id, "h": h} for h in hashes])
    migrations.write_index(conn, article_id, index_string(ex.title, clean))
    reapply_corrections(conn, article_id)


def _replace_extractions(conn: sa.Connection, work: list[tuple[int, Extraction]]) -> None:
    for article_id, ex in work:
        replace_extraction(conn, article_id, ex)


class Reprocessing(Events):
    def reprocess(self, progress: Callable[[int, int], None] | None = None, batch: int = 500,
                  extractor: Callable[[str, str, dict[str, Any]], Extraction] | None = None) -> int:
        """Re-run extraction on every article's stored text, re-apply corrections, rebuild events.

        ``extractor(text, source, hints)`` defaults to ``extract.extract_document``, run in the
        extraction process pool (``extract.pool``) for large corpora.
        """
        ids = [r.id for r in self._read(sa.select(A.c.id).order_by(A.c.id))]
        pool = make_pool(len(ids)) if extractor is None else None
        try:
            for start in range(0, len(ids), batch):
                chunk = ids[start:start + batch]
                rows = self._read(sa.select(A.c.id, A.c.raw_text, A.c.hints, A.c.fmt,
                                            sa.select(sa.func.min(S.c.source)).where(S.c.article_id == A.c.id)
                                            .scalar_subquery().label("source")).where(A.c.id.in_(chunk)))
                docs = [RawDocument(r.source or f"article-{r.id}", r.raw_text, r.fmt or "txt",
                                    hints=dict(r.hints or {})) for r in rows]
                if extractor is None:
                    extractions = extract_all(docs, pool)
                else:
                    extractions = [extractor(d.text, d.source, d.hints) for d in docs]
                work = [(r.id, scrub(ex)) for r, ex in zip(rows, extractions)]
                self._transact(lambda conn: _replace_extractions(conn, work))
                if progress:
                    progress(min(start + batch, len(ids)), len(ids))
        finally:
            if pool is not None:
                pool.shutdown()
        if ids:
            self.rebuild_events()
        return len(ids)
