"""The duplicate checks of a whole batch of inserts with a few reads: what ``duplicates.stored_copy``
would read for each article (the stored articles with one of the batch's content hashes, MinHash
band keys, or titles and days) is read once before the batch, and the articles the batch adds are
added to it as they are inserted, so each check answers as ``stored_copy`` would at that point
(tested against it). Run inside the write transaction, like the per-article checks."""
from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterator, Protocol, Sequence, TypeVar

import sqlalchemy as sa

from ..models import Extraction
from . import schema
from .duplicates import MAX_CANDIDATES, closest_text, first_containing, length_bounds, may_have_shortened_copy
from .rows import to_date

A, SH = schema.articles, schema.shingles
IN_CHUNK = 2000  # values bound in one IN list (SQLite allows 32,766 host parameters)

_Q_BY_HASHES = sa.select(A.c.content_hash, A.c.id).where(A.c.content_hash.in_(sa.bindparam("hs", expanding=True)))
_Q_BY_KEYS = (sa.select(SH.c.h, SH.c.article_id).where(SH.c.h.in_(sa.bindparam("hs", expanding=True)))
              .order_by(SH.c.article_id))
_Q_LENGTHS = sa.select(A.c.id, A.c.norm_len).where(A.c.id.in_(sa.bindparam("ids", expanding=True)))
_Q_TEXTS = sa.select(A.c.id, A.c.norm_text).where(A.c.id.in_(sa.bindparam("ids", expanding=True)))
# Live articles with one of the titles and one of the days (then paired in Python).
_Q_BY_TITLES = (sa.select(A.c.id, A.c.title, A.c.published, A.c.outlet)
                .where(A.c.title.in_(sa.bindparam("titles", expanding=True)),
                       A.c.published.in_(sa.bindparam("days", expanding=True)), A.c.removed_at.is_(None))
                .order_by(A.c.id))

T = TypeVar("T")


class Incoming(Protocol):
    """What the checks need of one article to store (``writes.Prepared`` has it)."""

    content_hash: str
    norm_text: str
    shingles: list[int]
    extraction: Extraction


@dataclass
class BatchCopies:
    """The stored articles a batch's duplicate checks can find, kept up to date through the batch.
    Texts are read only for the articles a check compares (as the per-article SQL reads them)."""

    conn: sa.Connection
    by_hash: dict[str, int] = field(default_factory=dict)
    by_key: dict[int, list[int]] = field(default_factory=dict)  # band key → article ids, ascending
    lengths: dict[int, int] = field(default_factory=dict)  # id → norm_len
    texts: dict[int, str] = field(default_factory=dict)  # id → norm_text, of those compared so far
    by_title_day: dict[tuple[str, dt.date], list[tuple[int, str | None]]] = field(default_factory=dict)

    @classmethod
    def read(cls, conn: sa.Connection, batch: Sequence[Incoming]) -> BatchCopies:
        known = cls(conn)
        for hs in _chunks(sorted({a.content_hash for a in batch})):
            known.by_hash.update((r.content_hash, r.id) for r in conn.execute(_Q_BY_HASHES, {"hs": hs}))
        for keys in _chunks(sorted({h for a in batch for h in a.shingles})):
            for r in conn.execute(_Q_BY_KEYS, {"hs": keys}):
                known.by_key.setdefault(r.h, []).append(r.article_id)
        for ids in _chunks(sorted({i for ids in known.by_key.values() for i in ids})):
            known.lengths.update((r.id, r.norm_len) for r in conn.execute(_Q_LENGTHS, {"ids": ids}))
        pairs = {(a.extraction.title or "", to_date(a.extraction.published)) for a in batch
                 if may_have_shortened_copy(a.extraction)}
        days = sorted({day for _, day in pairs if day is not None})
        for titles in _chunks(sorted({title for title, _ in pairs})):
            for r in conn.execute(_Q_BY_TITLES, {"titles": titles, "days": days}) if days else ():
                if (r.title, r.published) in pairs:
                    known.by_title_day.setdefault((r.title, r.published), []).append((r.id, r.outlet))
        return known

    def copy_of(self, a: Incoming) -> int | None:
        """``duplicates.stored_copy`` of ``a`` over the stored articles and those added so far."""
        existing = self.by_hash.get(a.content_hash)
        if existing is None:
            existing = self._similar_text(a) or self._shortened_copy(a)
        return existing

    def _similar_text(self, a: Incoming) -> int | None:
        shared = Counter(i for h in dict.fromkeys(a.shingles) for i in self.by_key.get(h, ()))
        candidates = sorted(shared.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_CANDIDATES]
        lo, hi = length_bounds(a.norm_text)
        ids = sorted(i for i, _ in candidates if i in self.lengths and lo <= self.lengths[i] <= hi)
        return closest_text(a.norm_text, zip(ids, self._texts(ids)))

    def _shortened_copy(self, a: Incoming) -> int | None:
        ex = a.extraction
        if not may_have_shortened_copy(ex):
            return None
        day = to_date(ex.published)  # a date that does not parse finds no row, as in SQL
        rows = self.by_title_day.get((ex.title or "", day), []) if day is not None else []
        texts = self._texts([i for i, _ in rows])
        return first_containing(a.norm_text, ex, ((i, text, outlet) for (i, outlet), text in zip(rows, texts)))

    def _texts(self, ids: list[int]) -> list[str]:
        missing = [i for i in ids if i not in self.texts]
        if missing:
            self.texts.update((r.id, r.norm_text) for r in self.conn.execute(_Q_TEXTS, {"ids": missing}))
        return [self.texts[i] for i in ids]

    def add(self, article_id: int, a: Incoming) -> None:
        """``a`` was stored as a new article with this id (larger than every id read)."""
        self.by_hash[a.content_hash] = article_id
        for h in dict.fromkeys(a.shingles):
            self.by_key.setdefault(h, []).append(article_id)
        self.lengths[article_id] = len(a.norm_text)
        self.texts[article_id] = a.norm_text
        ex = a.extraction
        published = to_date(ex.published)
        if ex.title is not None and published is not None:
            self.by_title_day.setdefault((ex.title, published), []).append((article_id, ex.outlet))


def _chunks(values: list[T]) -> Iterator[list[T]]:
    for start in range(0, len(values), IN_CHUNK):
        yield values[start:start + IN_CHUNK]
