"""Storing articles: prepare outside the lock, then insert (or attach a source to the stored copy),
write the extraction's rows, the shingles and the search index; soft removal and restoring."""
from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from typing import Any, Iterable, Sequence

import sqlalchemy as sa

from ..extract import EXTRACTOR_VERSION
from ..models import Extraction, RawDocument
from ..search import index_string
from . import migrations, schema
from .batchcopies import BatchCopies
from .duplicates import comparable_text, content_hash, shingle_hashes
from .engine import StoreBase
from .rows import (clean_json, figure_rows, main_meeting_columns, main_meeting_values, meeting_rows, scrub,
                   statement_rows, to_date, utc_now)

A, S, M, F, T = schema.articles, schema.sources, schema.meetings, schema.figures, schema.topics
E, EA, H, ST = schema.events, schema.event_articles, schema.history, schema.statements

# Statements of the write path, built once: constructing Core statements per row costs far more
# than executing them.
_Q_SOURCE = sa.select(S.c.id).where(S.c.article_id == sa.bindparam("aid"), S.c.source == sa.bindparam("src"),
                                    S.c.url == sa.bindparam("u"))
_INS_ARTICLE, _INS_SOURCE, _INS_HISTORY = A.insert(), S.insert(), H.insert()
_INS_MEETING, _INS_FIGURE, _INS_TOPIC, _INS_SHINGLE = M.insert(), F.insert(), T.insert(), schema.shingles.insert()
_INS_STATEMENT = ST.insert()


@dataclass
class AddResult:
    status: str  # added | duplicate | source_added
    article_id: int
    duplicate_of: int | None = None


@dataclass
class Prepared:
    """Everything add_article computes before taking the write lock."""

    doc: RawDocument
    extraction: Extraction
    clean_text: str
    norm_text: str
    content_hash: str
    shingles: list[int]
    terms: str
    url: str
    source_outlet: str | None


def _normalize_url(url: str | None) -> str:
    return (url or "").strip()


def extractor_version() -> str:
    return EXTRACTOR_VERSION


def prepare(doc: RawDocument, extraction: Extraction) -> Prepared:
    doc, extraction = scrub(doc), scrub(extraction)
    clean = extraction.clean_text or doc.text
    norm = comparable_text(clean)
    return Prepared(doc, extraction, clean, norm, content_hash(norm), shingle_hashes(norm),
                    index_string(extraction.title, clean), _normalize_url(doc.hints.get("url")),
                    doc.hints.get("outlet") or extraction.outlet)


def prepared_copy(p: Prepared, doc: RawDocument) -> Prepared:
    """``prepare`` of ``doc``, a document with the same text and hints as ``p.doc`` (so the same
    extraction, normalised text, hash, keys, terms, url and outlet): only the document differs
    (its source, format, encoding)."""
    return replace(p, doc=scrub(doc))


@dataclass
class _Later:
    """Rows no duplicate check reads (extraction rows, search index, history), written once per
    batch, one statement per table; each table's rows keep their order, and so their ids."""

    rows: dict[Any, list[dict[str, Any]]] = field(default_factory=dict)  # insert → rows in order
    index: list[tuple[int, str]] = field(default_factory=list)

    def insert(self, statement: Any, rows: list[dict[str, Any]]) -> None:
        self.rows.setdefault(statement, []).extend(rows)

    def flush(self, conn: sa.Connection) -> None:
        for statement, rows in self.rows.items():
            if rows:
                conn.execute(statement, rows)
        migrations.write_indexes(conn, self.index)
        self.rows, self.index = {}, []


def add_all(conn: sa.Connection, prepared: Sequence[Prepared], who: str) -> list[AddResult]:
    """Insert prepared articles in order, each checked against those stored before it (what the
    checks read is read once for the batch: ``BatchCopies``)."""
    later = _Later()
    copies = BatchCopies.read(conn, prepared)
    results = [_add(conn, p, who, later, copies) for p in prepared]
    later.flush(conn)
    return results


def _add(conn: sa.Connection, p: Prepared, who: str, later: _Later, copies: BatchCopies) -> AddResult:
    """Insert one prepared article; a copy of a stored one becomes another source of it. Rows no
    later check reads from the database go to ``later``, written once per batch."""
    existing = copies.copy_of(p)
    if existing is not None:
        added = attach_source(conn, existing, p, who)
        status = "source_added" if added else "duplicate"
        later.insert(_INS_HISTORY, [_history_row(who, "duplicate", existing,
                                                 f"{p.doc.source}: {'new source' if added else 'already stored'}")])
        return AddResult(status, existing, existing)
    ex = p.extraction
    article_id = conn.execute(_INS_ARTICLE, dict(
        content_hash=p.content_hash, title=ex.title, outlet=ex.outlet,
        published=to_date(ex.published), language=ex.language, raw_text=p.doc.text,
        clean_text=p.clean_text, norm_text=p.norm_text, norm_len=len(p.norm_text),
        fmt=p.doc.fmt, hints=clean_json(p.doc.hints), provenance=clean_json(ex.provenance),
        extractor_version=extractor_version(), created_at=utc_now(), human_checked={}, checked=False,
        removed_at=None, **main_meeting_values(ex),
    )).inserted_primary_key[0]
    attach_source(conn, article_id, p, who, new_article=True)
    copies.add(article_id, p)  # the next articles' checks find it there, not in the tables
    later.insert(_INS_SHINGLE, [{"article_id": article_id, "h": h} for h in p.shingles])
    for statement, rows in extraction_rows(article_id, ex):
        later.insert(statement, rows)
    later.index.append((article_id, p.terms))
    later.insert(_INS_HISTORY, [_history_row(who, "added", article_id, p.doc.source)])
    return AddResult("added", article_id, None)


def attach_source(conn: sa.Connection, article_id: int, p: Prepared, who: str, new_article: bool = False) -> bool:
    """Record where the text came from; False when the article already has this source (an
    article inserted just now has none, so it is not looked up)."""
    if not new_article and conn.execute(_Q_SOURCE, {"aid": article_id, "src": p.doc.source, "u": p.url}).first():
        return False
    conn.execute(_INS_SOURCE, dict(article_id=article_id, source=p.doc.source, url=p.url,
                                   outlet=p.source_outlet, fmt=p.doc.fmt, encoding=p.doc.encoding,
                                   added_at=utc_now(), added_by=who))
    return True


def extraction_rows(article_id: int, ex: Extraction) -> list[tuple[Any, list[dict[str, Any]]]]:
    """(insert statement, rows) of an extraction's meetings, figures, topics and statements."""
    topics = list(dict.fromkeys(t for t in ex.topics if t))
    out = [(_INS_MEETING, meeting_rows(article_id, ex.meetings) if ex.meetings else []),
           (_INS_FIGURE, figure_rows(article_id, ex.figures) if ex.figures else []),
           (_INS_TOPIC, [{"article_id": article_id, "topic": t} for t in topics]),
           (_INS_STATEMENT, statement_rows(article_id, ex.statements) if ex.statements else [])]
    return [(statement, rows) for statement, rows in out if rows]


def write_extraction(conn: sa.Connection, article_id: int, ex: Extraction, fresh: bool = False) -> None:
    if not fresh:
        for table in (M, F, T, ST):
            conn.execute(table.delete().where(table.c.article_id == article_id))
    for statement, rows in extraction_rows(article_id, ex):
        conn.execute(statement, rows)
    if not fresh:
        refresh_main_meeting(conn, article_id)


def refresh_main_meeting(conn: sa.Connection, article_id: int) -> None:
    """Copy the main meeting of the stored rows to the article (``main_meeting_columns``)."""
    row = conn.execute(sa.select(M.c.idx, M.c.date, M.c.city, M.c.kind).where(
        M.c.article_id == article_id, M.c.primary.is_(True)).order_by(M.c.idx).limit(1)).first()

    def event_date(idx: int) -> Any:
        return conn.execute(sa.select(E.c.date).join(EA, EA.c.event_id == E.c.id).where(
            EA.c.article_id == article_id, EA.c.meeting_idx == idx)).scalar()
    published = conn.execute(sa.select(A.c.published).where(A.c.id == article_id)).scalar()
    main = None if row is None else (row.idx, row.date, row.city, row.kind)
    conn.execute(A.update().where(A.c.id == article_id).values(
        **main_meeting_columns(main, to_date(published), event_date)))


def _history_row(who: str, action: str, article_id: int | None, detail: str = "") -> dict[str, Any]:
    return dict(at=utc_now(), who=who, action=action, article_id=article_id, detail=detail[:500])


def log_action(conn: sa.Connection, who: str, action: str, article_id: int | None, detail: str = "") -> None:
    """One line of the edit history."""
    conn.execute(_INS_HISTORY, _history_row(who, action, article_id, detail))


class Writes(StoreBase):
    """Adding, removing and restoring articles."""

    def add_article(self, doc: RawDocument, extraction: Extraction, who: str = "system") -> AddResult:
        """Store one article; exact and near duplicates become extra sources of the first copy."""
        return self.add_prepared([prepare(doc, extraction)], who)[0]

    def add_articles(self, items: Iterable[tuple[RawDocument, Extraction]],
                     who: str = "system") -> list[AddResult]:
        """Store a batch in one transaction (the bulk path of ingest)."""
        return self.add_prepared([prepare(doc, ex) for doc, ex in items], who)

    def add_prepared(self, prepared: Sequence[Prepared], who: str = "system") -> list[AddResult]:
        """Store articles already ``prepare``d (ingest prepares them in its worker processes),
        in one transaction."""
        if not prepared:
            return []
        return self._transact(lambda conn: add_all(conn, prepared, who))

    def begin_batch(self, who: str, files: Sequence[str], total: int) -> int:
        """Record that ``who`` starts storing ``total`` articles read from ``files``: if the run
        stops half-way (a closed tab), ``unfinished_batch`` can say what got stored."""
        detail = json.dumps({"files": list(dict.fromkeys(files))[:20], "total": total}, ensure_ascii=False)

        def write(conn: sa.Connection) -> int:
            row = conn.execute(_INS_HISTORY.returning(H.c.id),
                               dict(at=utc_now(), who=who, action="batch_started", article_id=None,
                                    detail=detail[:500]))
            return int(row.scalar_one())
        return int(self._transact(write, bump=False))

    def end_batch(self, batch_id: int, who: str, stored: int) -> None:
        """Record that the batch ``begin_batch`` opened ran to its end."""
        self._transact(lambda conn: log_action(conn, who, "batch_finished", None,
                                               json.dumps({"batch": batch_id, "stored": stored})), bump=False)

    def remove_article(self, article_id: int, who: str = "system") -> bool:
        """Soft delete (undo with ``restore_article``); False when there is no such live article."""
        def run(conn: sa.Connection) -> bool:
            done = conn.execute(A.update().where(A.c.id == article_id, A.c.removed_at.is_(None))
                                .values(removed_at=utc_now())).rowcount
            if done:
                log_action(conn, who, "removed", article_id)
            return bool(done)
        return self._transact(run)

    def restore_article(self, article_id: int, who: str = "system") -> bool:
        def run(conn: sa.Connection) -> bool:
            done = conn.execute(A.update().where(A.c.id == article_id, A.c.removed_at.is_not(None))
                                .values(removed_at=None)).rowcount
            if done:
                log_action(conn, who, "restored", article_id)
            return bool(done)
        return self._transact(run)
