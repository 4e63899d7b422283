"""Exact and near-duplicate detection: content hashes, MinHash band keys over word shingles, and
the lookups that find an already stored copy of a text (run inside the write transaction)."""
from __future__ import annotations

import hashlib
from functools import partial
from operator import methodcaller
from typing import Iterable

import numpy as np
import sqlalchemy as sa
from rapidfuzz.distance import Indel

from ..models import Extraction
from ..normalize import normalize
from . import schema
from .rows import to_date

A = schema.articles

NEAR_DUP_RATIO = 0.9
# A shortened copy: same title (of at least this many words), outlet and day, and this share of
# the shorter text's word shingles inside the longer one.
MIN_TITLE_WORDS = 3
CONTAINED_SHARE = 0.9
SHINGLE_SIZE = 4
BANDS, ROWS = 8, 3  # MinHash of 24 values in 8 LSH bands of 3
_MASKS = np.random.default_rng(20261123).integers(0, 2**63, size=BANDS * ROWS, dtype=np.uint64)
_MULT = np.uint64(0x9E3779B97F4A7C15)
MAX_CANDIDATES = 20

# Statements built once: constructing Core statements per row costs far more than executing them.
_Q_BY_HASH = sa.select(A.c.id).where(A.c.content_hash == sa.bindparam("h"))
_Q_SHARED = (sa.select(schema.shingles.c.article_id, sa.func.count().label("shared"))
             .where(schema.shingles.c.h.in_(sa.bindparam("hs", expanding=True)))
             .group_by(schema.shingles.c.article_id).having(sa.func.count() >= sa.bindparam("need"))
             .order_by(sa.desc("shared"), schema.shingles.c.article_id).limit(MAX_CANDIDATES))
_Q_NEAR_TEXTS = sa.select(A.c.id, A.c.norm_text).where(
    A.c.id.in_(sa.bindparam("ids", expanding=True)), A.c.norm_len.between(sa.bindparam("lo"), sa.bindparam("hi")))
# Live articles with the same title and publication date: candidates for a shortened copy.
_Q_SAME_TITLE = sa.select(A.c.id, A.c.norm_text, A.c.outlet).where(
    A.c.title == sa.bindparam("title"), A.c.published == sa.bindparam("published"), A.c.removed_at.is_(None))


def comparable_text(text: str) -> str:
    """Normalised text with white space collapsed: what duplicates are judged on."""
    return " ".join(normalize(text).split())


def content_hash(norm_text: str) -> str:
    return hashlib.sha256(norm_text.encode("utf-8")).hexdigest()


def _digest8(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest()


_BLAKE8 = partial(hashlib.blake2b, digest_size=8)
_DIGEST = methodcaller("digest")


def _hash64(text: str) -> int:
    return int.from_bytes(_digest8(text), "big", signed=True)


def word_shingles(norm_text: str) -> set[str]:
    """Runs of SHINGLE_SIZE words (the whole text when it is shorter)."""
    words = norm_text.split()
    if not words:
        return set()
    if len(words) <= SHINGLE_SIZE:
        return {" ".join(words)}
    # words[i:i + SHINGLE_SIZE] for each i, joined in C: the runs are the zipped shifted lists
    return set(map(" ".join, zip(*(words[k:] for k in range(SHINGLE_SIZE)))))


def shingle_hashes(norm_text: str) -> list[int]:
    """LSH band keys of a MinHash over word 4-shingles.

    Two texts share a band key only when they share most shingles, so the candidate lookup stays
    a few rows per insert however much boilerplate the corpus repeats (a bottom-k sketch made
    every article that quotes the same agency lines a candidate: quadratic ingest).
    """
    shingles = word_shingles(norm_text)
    if not shingles:
        return []
    # _hash64 of each shingle, read as unsigned: its 8 digest bytes, big-endian, all in one buffer.
    digests = map(_DIGEST, map(_BLAKE8, map(str.encode, shingles)))  # _digest8 of each, in C
    hashes = np.frombuffer(b"".join(digests), dtype=">u8").astype(np.uint64)
    mins = ((hashes[None, :] ^ _MASKS[:, None]) * _MULT).min(axis=1)  # uint64 arithmetic wraps
    return list(dict.fromkeys(_hash64(f"{b}:{mins[b * ROWS:(b + 1) * ROWS].tobytes().hex()}")
                              for b in range(BANDS)))


def stored_copy(conn: sa.Connection, hash_: str, norm_text: str, shingles: list[int],
                ex: Extraction) -> int | None:
    """The stored article this text duplicates: same content hash, else a near duplicate."""
    existing = conn.execute(_Q_BY_HASH, {"h": hash_}).scalar()
    if existing is None:
        existing = similar_text(conn, norm_text, shingles) or shortened_copy(conn, norm_text, ex)
    return existing


def similar_text(conn: sa.Connection, norm_text: str, shingles: list[int]) -> int | None:
    """A stored text within NEAR_DUP_RATIO of this one (MinHash band keys find candidates)."""
    if not shingles:
        return None
    candidates = conn.execute(_Q_SHARED, {"hs": shingles, "need": 1}).all()
    if not candidates:
        return None
    lo, hi = length_bounds(norm_text)
    rows = conn.execute(_Q_NEAR_TEXTS, {"ids": [c.article_id for c in candidates], "lo": lo, "hi": hi}).all()
    return closest_text(norm_text, sorted((r.id, r.norm_text) for r in rows))


def length_bounds(norm_text: str) -> tuple[int, int]:
    """The stored lengths (``norm_len``, inclusive) a near duplicate of ``norm_text`` can have."""
    size = len(norm_text)
    return int(size * 0.8), int(size * 1.25) + 1


def closest_text(norm_text: str, rows: Iterable[tuple[int, str]]) -> int | None:
    """Id of the text most similar to ``norm_text`` at NEAR_DUP_RATIO or more (``rows``: (id, text)
    in id order; the first wins a tie)."""
    best, best_score = None, 0.0
    for article_id, text in rows:
        score = Indel.normalized_similarity(norm_text, text, score_cutoff=NEAR_DUP_RATIO)
        if score >= NEAR_DUP_RATIO and score > best_score:
            best, best_score = article_id, score
    return best


def may_have_shortened_copy(ex: Extraction) -> bool:
    """Whether the shortened-copy check applies: a title of MIN_TITLE_WORDS or more and a date."""
    return bool(ex.title and ex.published and len(ex.title.split()) >= MIN_TITLE_WORDS)


def shortened_copy(conn: sa.Connection, norm_text: str, ex: Extraction) -> int | None:
    """A copy cut short or run on (same title, outlet and day; one text's word shingles nearly
    all inside the other's): news sites republish an article with its end trimmed."""
    if not may_have_shortened_copy(ex):
        return None
    rows = conn.execute(_Q_SAME_TITLE, {"title": ex.title, "published": to_date(ex.published)}).all()
    return first_containing(norm_text, ex, ((r.id, r.norm_text, r.outlet) for r in rows))


def first_containing(norm_text: str, ex: Extraction, rows: Iterable[tuple[int, str, str | None]]) -> int | None:
    """The first of ``rows`` (id, text, outlet: live articles with the title and day of ``ex``)
    of the same outlet whose word shingles hold nearly all of ours, or ours theirs."""
    mine: set[str] | None = None  # worked out only when some stored article could be the copy
    for article_id, text, outlet in rows:
        if ex.outlet and outlet and ex.outlet != outlet:
            continue
        mine = word_shingles(norm_text) if mine is None else mine
        theirs = word_shingles(text)
        shorter, longer = (mine, theirs) if len(mine) <= len(theirs) else (theirs, mine)
        if shorter and len(shorter & longer) >= CONTAINED_SHARE * len(shorter):
            return article_id
    return None
