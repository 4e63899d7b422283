"""The corpus database: one ``Store`` over SQLite (embedded) or PostgreSQL (hosted, multi-replica).

Writes go through ``_transact``: one transaction that first takes the database's write lock
(SQLite ``BEGIN IMMEDIATE``; PostgreSQL ``pg_advisory_xact_lock``), so near-duplicate checks and
inserts are never interleaved between threads or processes, then bumps ``corpus_version`` (readers
key their caches on it). Unique constraints back this up and transient errors are retried.

Reads return pandas DataFrames or plain dicts; big frames never carry article bodies.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import random
import re
import time
from collections import Counter
from dataclasses import dataclass, field, fields, is_dataclass, replace
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

import numpy as np
import pandas as pd
import sqlalchemy as sa
from rapidfuzz.distance import Indel

from . import migrations, schema
from .config import database_url
from .extract import EXTRACTOR_VERSION
from .extract.events import ArticleMeeting, cluster_meetings
from .extract.pool import extract_all, make_pool
from .filters import Filters
from .models import Extraction, Figure, Meeting, RawDocument
from .normalize import normalize
from .search import (Query, fts5_exclusion, fts5_match, index_string, kwic_lines, parse_query,
                     snippet, top_words, ts_exclusion, tsquery, written_words)

A, S, M, F, T = schema.articles, schema.sources, schema.meetings, schema.figures, schema.topics
E, EA, C, H = schema.events, schema.event_articles, schema.corrections, schema.history

WRITE_LOCK = 7_203_002  # PostgreSQL advisory lock key for writes
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
SNIPPET_ROWS = 100  # snippets are computed for the first rows only (they need the body)
TERM_FREQ_MAX_ARTICLES = 3000
EVENT_TEXT_CHARS = 3000  # of each article, for the clustering's text similarity
CORRECTABLE = ("title", "outlet", "published", "meetings", "figures", "topics")
_RETRYABLE = re.compile(r"locked|busy|deadlock|could not serialize|serializ", re.I)

# Statements of the write path, built once: constructing Core statements per row costs far more
# than executing them.
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
_Q_SOURCE = sa.select(S.c.id).where(S.c.article_id == sa.bindparam("aid"), S.c.source == sa.bindparam("src"),
                                    S.c.url == sa.bindparam("u"))
_Q_BUMP = schema.meta.update().where(schema.meta.c.key == "corpus_version").values(
    value=sa.cast(sa.cast(schema.meta.c.value, sa.Integer) + 1, sa.Text))
_INS_ARTICLE, _INS_SOURCE, _INS_HISTORY = A.insert(), S.insert(), H.insert()
_INS_MEETING, _INS_FIGURE, _INS_TOPIC, _INS_SHINGLE = M.insert(), F.insert(), T.insert(), schema.shingles.insert()


@dataclass
class AddResult:
    status: str  # added | duplicate | source_added
    article_id: int
    duplicate_of: int | None = None


@dataclass
class SearchHit:
    article_id: int
    score: float
    snippet: list[tuple[str, bool]] = field(default_factory=list)


# --- helpers that need no database -----------------------------------------------------------

def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def _date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value if not isinstance(value, dt.datetime) else value.date()
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def comparable_text(text: str) -> str:
    """Normalised text with white space collapsed: what duplicates are judged on."""
    return " ".join(normalize(text).split())


def content_hash(norm_text: str) -> str:
    return hashlib.sha256(norm_text.encode("utf-8")).hexdigest()


def _hash64(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "big",
                          signed=True)


def _word_shingles(norm_text: str) -> set[str]:
    """Runs of SHINGLE_SIZE words (the whole text when it is shorter)."""
    words = norm_text.split()
    if not words:
        return set()
    return {" ".join(words[i:i + SHINGLE_SIZE]) for i in range(max(1, len(words) - SHINGLE_SIZE + 1))}


def shingle_hashes(norm_text: str) -> list[int]:
    """LSH band keys of a MinHash over word 4-shingles.

    Two texts share a band key only when they share most shingles, so the candidate lookup stays
    a few rows per insert however much boilerplate the corpus repeats (a bottom-k sketch made
    every article that quotes the same agency lines a candidate: quadratic ingest).
    """
    shingles = _word_shingles(norm_text)
    if not shingles:
        return []
    hashes = np.fromiter((_hash64(s) for s in shingles), dtype=np.int64, count=len(shingles)).view(np.uint64)
    mins = ((hashes[None, :] ^ _MASKS[:, None]) * _MULT).min(axis=1)  # uint64 arithmetic wraps
    return list(dict.fromkeys(_hash64(f"{b}:{mins[b * ROWS:(b + 1) * ROWS].tobytes().hex()}")
                              for b in range(BANDS)))


def _normalize_url(url: str | None) -> str:
    return (url or "").strip()


def _clean_json(value: Any) -> Any:
    """JSON-safe copy (dates → ISO strings)."""
    return json.loads(json.dumps(value, ensure_ascii=False, default=str))


@dataclass
class _Prepared:
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


def _scrub(value: Any) -> Any:
    """Copy without NUL characters (PostgreSQL text cannot hold them), through dataclasses too."""
    if isinstance(value, str):
        return value.replace("\x00", "")
    if isinstance(value, list):
        return [_scrub(v) for v in value]
    if isinstance(value, dict):
        return {_scrub(k): _scrub(v) for k, v in value.items()}
    if is_dataclass(value) and not isinstance(value, type):
        return replace(value, **{f.name: _scrub(getattr(value, f.name)) for f in fields(value)})
    return value


def prepare(doc: RawDocument, extraction: Extraction) -> _Prepared:
    doc, extraction = _scrub(doc), _scrub(extraction)
    clean = extraction.clean_text or doc.text
    norm = comparable_text(clean)
    return _Prepared(doc, extraction, clean, norm, content_hash(norm), shingle_hashes(norm),
                     index_string(extraction.title, clean), _normalize_url(doc.hints.get("url")),
                     doc.hints.get("outlet") or extraction.outlet)


def _meeting_rows(article_id: int, meetings: Sequence[Meeting]) -> list[dict[str, Any]]:
    return [{"article_id": article_id, "idx": i, "date": _date(m.date), "date_basis": m.date_basis,
             "city": m.city, "kind": m.kind, "status": m.status, "evidence": m.evidence,
             "weekday": m.weekday, "primary": bool(m.primary), "month": m.month, "day": m.day,
             "participants": ",".join(m.participants) or None}
            for i, m in enumerate(meetings)]


def _figure_rows(article_id: int, figures: Sequence[Figure]) -> list[dict[str, Any]]:
    return [{"article_id": article_id, "idx": i, "text": f.text, "start": f.start, "value": f.value,
             "value_max": f.value_max, "unit": f.unit, "metric": f.metric, "qualifier": f.qualifier,
             "period": f.period, "sentence": f.sentence, "currency": f.currency, "pair": f.pair}
            for i, f in enumerate(figures)]


def _main_meeting_values(ex: Extraction) -> dict[str, Any]:
    """Denormalised main-meeting columns for a new article (no event link yet)."""
    main = next((m for m in ex.meetings if m.primary), None)
    date = _date(main.date) if main else None
    return {"meeting_date": date, "city": main.city if main else None,
            "kind": main.kind if main else None, "sort_date": date or _date(ex.published)}


def _meeting_from_dict(d: dict[str, Any]) -> Meeting:
    return Meeting(date=_iso(_date(d.get("date"))), city=d.get("city"), kind=d.get("kind"),
                   status=d.get("status"), evidence=d.get("evidence") or "",
                   date_basis=d.get("date_basis") or "corrected", weekday=d.get("weekday"),
                   primary=bool(d.get("primary", True)))


def _figure_from_dict(d: dict[str, Any]) -> Figure:
    def num(key: str) -> float | None:
        value = d.get(key)
        return None if value in (None, "") else float(value)
    return Figure(text=d.get("text") or "", value=num("value"), value_max=num("value_max"),
                  unit=d.get("unit"), metric=d.get("metric"), qualifier=d.get("qualifier"),
                  period=None if d.get("period") is None else str(d.get("period")),
                  sentence=d.get("sentence") or "", start=int(d.get("start", -1) or -1),
                  currency=d.get("currency"), pair=d.get("pair"))


def _validate_correction(field_name: str, value: Any) -> Any:
    if field_name not in CORRECTABLE:
        raise ValueError(f"cannot correct {field_name!r}; correctable: {', '.join(CORRECTABLE)}")
    if field_name in ("title", "outlet"):
        if value is not None and not isinstance(value, str):
            raise ValueError(f"{field_name} must be text")
        return value.strip() if isinstance(value, str) else None
    if field_name == "published":
        if value in (None, ""):
            return None
        parsed = _date(value)
        if parsed is None:
            raise ValueError("published must be a date YYYY-MM-DD")
        return parsed.isoformat()
    if field_name == "topics":
        if not isinstance(value, (list, tuple)) or not all(isinstance(t, str) for t in value):
            raise ValueError("topics must be a list of names")
        return list(dict.fromkeys(t.strip() for t in value if t.strip()))
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, dict) for v in value):
        raise ValueError(f"{field_name} must be a list of objects")
    convert = _meeting_from_dict if field_name == "meetings" else _figure_from_dict
    items = [convert(v) for v in value]  # raises on bad numbers
    return [_clean_json(vars(item)) for item in items]


def _is_retryable(exc: Exception) -> bool:
    if isinstance(exc, sa.exc.IntegrityError):
        return True
    code = getattr(getattr(exc, "orig", None), "sqlstate", None)
    return code in ("40001", "40P01", "55P03") or bool(_RETRYABLE.search(str(exc)))


# --- engine ----------------------------------------------------------------------------------

def _engine_url(url: str) -> str:
    """Plain postgresql:// URLs use psycopg 3 (the driver we ship), not psycopg2."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def make_engine(url: str) -> sa.Engine:
    url = _engine_url(url)
    if url.startswith("sqlite"):
        parsed = sa.engine.make_url(url)
        memory = parsed.database in (None, "", ":memory:")
        path = Path(parsed.database or ":memory:").expanduser()
        read_only = None if memory else _read_only_sqlite(path)
        if not memory and read_only is None:
            path.parent.mkdir(parents=True, exist_ok=True)
        kwargs: dict[str, Any] = {"connect_args": {"check_same_thread": False, "timeout": 30}}
        if memory:
            kwargs["poolclass"] = sa.pool.StaticPool
        if read_only is not None:
            _LOG.warning("%s is read-only: opened for reading only (%s)", parsed.database, read_only)
            kwargs["creator"] = _read_only_connector(path, read_only)
        engine = sa.create_engine(url, **kwargs)
        _configure_sqlite(engine, memory)
        return engine
    return sa.create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=10)


def _read_only_sqlite(path: Path) -> str | None:
    """How to open an existing SQLite file we may not write: ``mode=ro``, or ``immutable=1`` when
    its folder is read-only too (a WAL database then cannot get its -shm file); None: writable."""
    if not path.exists() or os.access(path, os.W_OK):
        return None
    return "mode=ro" if os.access(path.parent, os.W_OK) else "immutable=1"


def _read_only_connector(path: Path, how: str) -> Callable[[], Any]:
    import sqlite3
    from urllib.parse import quote

    def connect() -> Any:
        return sqlite3.connect(f"file:{quote(str(path))}?{how}", uri=True, check_same_thread=False,
                               timeout=30)
    return connect


def _configure_sqlite(engine: sa.Engine, memory: bool) -> None:
    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (below)
        cur = dbapi_conn.cursor()
        if not memory:
            try:
                cur.execute("PRAGMA journal_mode=WAL")
            except Exception as exc:  # a read-only file keeps its journal mode and stays readable
                if not is_read_only_error(exc):
                    raise
        cur.execute("PRAGMA busy_timeout=30000")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @sa.event.listens_for(engine, "begin")
    def _on_begin(conn: sa.Connection) -> None:
        # Writers take the lock up front, so a read-then-write transaction never fails midway.
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("write")
                             else "BEGIN")


_LOG = logging.getLogger("corpus.store")
_READ_ONLY = ("readonly database", "read-only transaction", "read-only file system",
              "attempt to write a readonly")


def is_read_only_error(exc: BaseException) -> bool:
    """A write refused because the database (or its file) is read-only."""
    text = str(getattr(exc, "orig", None) or exc).lower()
    return any(marker in text for marker in _READ_ONLY)


# --- the store -------------------------------------------------------------------------------

class Store:
    """The corpus database. ``url`` defaults to ``config.database_url()``."""

    def __init__(self, url: str | None = None, *, migrate: bool = True) -> None:
        self.url = database_url(url)
        self.engine = make_engine(self.url)
        self.dialect = self.engine.dialect.name
        if migrate:
            migrations.migrate(self.engine)
        self._file_id = self._sqlite_file_id()

    def _sqlite_file_id(self) -> tuple[int, int] | None:
        """(device, inode) of the SQLite file; None for other databases and in-memory ones."""
        if self.dialect != "sqlite":
            return None
        path = sa.engine.make_url(_engine_url(self.url)).database
        if path in (None, "", ":memory:"):
            return None
        try:
            info = Path(path).expanduser().stat()
        except OSError:
            return (-1, -1)
        return (info.st_dev, info.st_ino)

    def replaced(self) -> bool:
        """The SQLite file was deleted or replaced since this store opened it (its pooled
        connections still read the old file): open a new Store."""
        return self._file_id is not None and self._sqlite_file_id() != self._file_id

    def close(self) -> None:
        self.engine.dispose()

    # --- transactions ---

    def _transact(self, fn: Callable[[sa.Connection], Any], *, bump: bool = True,
                  attempts: int = 10) -> Any:
        delay = 0.02
        for attempt in range(attempts):
            try:
                with self.engine.connect().execution_options(write=True) as conn:
                    with conn.begin():
                        if self.dialect == "postgresql":
                            conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": WRITE_LOCK})
                        result = fn(conn)
                        if bump:
                            self._bump_version(conn)
                    return result
            except sa.exc.DBAPIError as exc:
                if attempt == attempts - 1 or not _is_retryable(exc):
                    raise
                time.sleep(delay * (1 + random.random()))
                delay = min(delay * 2, 1.0)
        raise AssertionError("unreachable")

    @staticmethod
    def _bump_version(conn: sa.Connection) -> None:
        conn.execute(_Q_BUMP)

    # --- writes ---

    def add_article(self, doc: RawDocument, extraction: Extraction, who: str = "system") -> AddResult:
        """Store one article; exact and near duplicates become extra sources of the first copy."""
        prepared = prepare(doc, extraction)
        return self._transact(lambda conn: self._add(conn, prepared, who))

    def add_articles(self, items: Iterable[tuple[RawDocument, Extraction]],
                     who: str = "system") -> list[AddResult]:
        """Store a batch in one transaction (the bulk path of ingest)."""
        prepared = [prepare(doc, ex) for doc, ex in items]
        if not prepared:
            return []
        return self._transact(lambda conn: [self._add(conn, p, who) for p in prepared])

    def _add(self, conn: sa.Connection, p: _Prepared, who: str) -> AddResult:
        existing = conn.execute(_Q_BY_HASH, {"h": p.content_hash}).scalar()
        if existing is None:
            existing = self._near_duplicate(conn, p)
        if existing is not None:
            added = self._attach_source(conn, existing, p, who)
            status = "source_added" if added else "duplicate"
            self._log(conn, who, "duplicate", existing,
                      f"{p.doc.source}: {'new source' if added else 'already stored'}")
            return AddResult(status, existing, existing)
        ex = p.extraction
        article_id = conn.execute(_INS_ARTICLE, dict(
            content_hash=p.content_hash, title=ex.title, outlet=ex.outlet,
            published=_date(ex.published), language=ex.language, raw_text=p.doc.text,
            clean_text=p.clean_text, norm_text=p.norm_text, norm_len=len(p.norm_text),
            fmt=p.doc.fmt, hints=_clean_json(p.doc.hints), provenance=_clean_json(ex.provenance),
            extractor_version=_extractor_version(), created_at=_now(), human_checked={}, checked=False,
            removed_at=None, **_main_meeting_values(ex),
        )).inserted_primary_key[0]
        self._attach_source(conn, article_id, p, who)
        self._write_extraction(conn, article_id, ex, fresh=True)
        if p.shingles:
            conn.execute(_INS_SHINGLE, [{"article_id": article_id, "h": h} for h in p.shingles])
        migrations.write_index(conn, article_id, p.terms)
        self._log(conn, who, "added", article_id, p.doc.source)
        return AddResult("added", article_id, None)

    def _near_duplicate(self, conn: sa.Connection, p: _Prepared) -> int | None:
        return self._similar_text(conn, p) or self._shortened_copy(conn, p)

    @staticmethod
    def _similar_text(conn: sa.Connection, p: _Prepared) -> int | None:
        """A stored text within NEAR_DUP_RATIO of this one (MinHash band keys find candidates)."""
        if not p.shingles:
            return None
        candidates = conn.execute(_Q_SHARED, {"hs": p.shingles, "need": 1}).all()
        if not candidates:
            return None
        size = len(p.norm_text)
        rows = conn.execute(_Q_NEAR_TEXTS, {"ids": [c.article_id for c in candidates],
                                            "lo": int(size * 0.8), "hi": int(size * 1.25) + 1}).all()
        best, best_score = None, 0.0
        for row in sorted(rows, key=lambda r: r.id):
            score = Indel.normalized_similarity(p.norm_text, row.norm_text, score_cutoff=NEAR_DUP_RATIO)
            if score >= NEAR_DUP_RATIO and score > best_score:
                best, best_score = row.id, score
        return best

    @staticmethod
    def _shortened_copy(conn: sa.Connection, p: _Prepared) -> int | None:
        """A copy cut short or run on (same title, outlet and day; one text's word shingles nearly
        all inside the other's): news sites republish an article with its end trimmed."""
        ex = p.extraction
        if not ex.title or not ex.published or len(ex.title.split()) < MIN_TITLE_WORDS:
            return None
        mine = _word_shingles(p.norm_text)
        for row in conn.execute(_Q_SAME_TITLE, {"title": ex.title, "published": _date(ex.published)}).all():
            if ex.outlet and row.outlet and ex.outlet != row.outlet:
                continue
            theirs = _word_shingles(row.norm_text)
            shorter, longer = (mine, theirs) if len(mine) <= len(theirs) else (theirs, mine)
            if shorter and len(shorter & longer) >= CONTAINED_SHARE * len(shorter):
                return row.id
        return None

    def _attach_source(self, conn: sa.Connection, article_id: int, p: _Prepared, who: str) -> bool:
        found = conn.execute(_Q_SOURCE, {"aid": article_id, "src": p.doc.source, "u": p.url}).first()
        if found:
            return False
        conn.execute(_INS_SOURCE, dict(article_id=article_id, source=p.doc.source, url=p.url,
                                       outlet=p.source_outlet, fmt=p.doc.fmt, encoding=p.doc.encoding,
                                       added_at=_now(), added_by=who))
        return True

    def _write_extraction(self, conn: sa.Connection, article_id: int, ex: Extraction,
                          fresh: bool = False) -> None:
        if not fresh:
            for table in (M, F, T):
                conn.execute(table.delete().where(table.c.article_id == article_id))
        if ex.meetings:
            conn.execute(_INS_MEETING, _meeting_rows(article_id, ex.meetings))
        if ex.figures:
            conn.execute(_INS_FIGURE, _figure_rows(article_id, ex.figures))
        topics = list(dict.fromkeys(t for t in ex.topics if t))
        if topics:
            conn.execute(_INS_TOPIC, [{"article_id": article_id, "topic": t} for t in topics])
        if not fresh:
            self._refresh_main_meeting(conn, article_id)

    @staticmethod
    def _refresh_main_meeting(conn: sa.Connection, article_id: int) -> None:
        """Copy the main meeting (first primary one; its event date when it has none) to the article."""
        main = conn.execute(sa.select(M.c.idx, M.c.date, M.c.city, M.c.kind).where(
            M.c.article_id == article_id, M.c.primary.is_(True)).order_by(M.c.idx).limit(1)).first()
        date = city = kind = None
        if main is not None:
            date, city, kind = main.date, main.city, main.kind
            if date is None:
                date = conn.execute(sa.select(E.c.date).join(EA, EA.c.event_id == E.c.id).where(
                    EA.c.article_id == article_id, EA.c.meeting_idx == main.idx)).scalar()
        published = conn.execute(sa.select(A.c.published).where(A.c.id == article_id)).scalar()
        conn.execute(A.update().where(A.c.id == article_id).values(
            meeting_date=date, city=city, kind=kind, sort_date=date or published))

    @staticmethod
    def _log(conn: sa.Connection, who: str, action: str, article_id: int | None, detail: str = "") -> None:
        conn.execute(_INS_HISTORY, dict(at=_now(), who=who, action=action, article_id=article_id,
                                         detail=detail[:500]))

    def remove_article(self, article_id: int, who: str = "system") -> bool:
        """Soft delete (undo with ``restore_article``); False when there is no such live article."""
        def run(conn: sa.Connection) -> bool:
            done = conn.execute(A.update().where(A.c.id == article_id, A.c.removed_at.is_(None))
                                .values(removed_at=_now())).rowcount
            if done:
                self._log(conn, who, "removed", article_id)
            return bool(done)
        return self._transact(run)

    def restore_article(self, article_id: int, who: str = "system") -> bool:
        def run(conn: sa.Connection) -> bool:
            done = conn.execute(A.update().where(A.c.id == article_id, A.c.removed_at.is_not(None))
                                .values(removed_at=None)).rowcount
            if done:
                self._log(conn, who, "restored", article_id)
            return bool(done)
        return self._transact(run)

    def correct(self, article_id: int, field_name: str, value: Any, who: str = "system") -> None:
        """Record a human correction, apply it and mark the field human-checked.

        Corrections are kept and re-applied after every ``reprocess``. Raises KeyError for an
        unknown article and ValueError for an unknown field or a malformed value.
        """
        value = _validate_correction(field_name, value)

        def run(conn: sa.Connection) -> None:
            if conn.execute(sa.select(A.c.id).where(A.c.id == article_id)).first() is None:
                raise KeyError(article_id)
            conn.execute(C.insert().values(article_id=article_id, field=field_name, value=value,
                                           author=who, at=_now()))
            self._apply_correction(conn, article_id, field_name, value, who)
            self._log(conn, who, "corrected", article_id, field_name)
        self._transact(run)

    def _apply_correction(self, conn: sa.Connection, article_id: int, field_name: str, value: Any,
                          who: str) -> None:
        if field_name in ("title", "outlet", "published"):
            conn.execute(A.update().where(A.c.id == article_id).values(
                **{field_name: _date(value) if field_name == "published" else value}))
            if field_name == "title":
                body = conn.execute(sa.select(A.c.clean_text).where(A.c.id == article_id)).scalar()
                migrations.write_index(conn, article_id, index_string(value, body))
        elif field_name == "meetings":
            conn.execute(M.delete().where(M.c.article_id == article_id))
            if value:
                conn.execute(M.insert(), _meeting_rows(article_id, [_meeting_from_dict(v) for v in value]))
        elif field_name == "figures":
            conn.execute(F.delete().where(F.c.article_id == article_id))
            if value:
                conn.execute(F.insert(), _figure_rows(article_id, [_figure_from_dict(v) for v in value]))
        elif field_name == "topics":
            conn.execute(T.delete().where(T.c.article_id == article_id))
            if value:
                conn.execute(T.insert(), [{"article_id": article_id, "topic": t} for t in value])
        self._refresh_main_meeting(conn, article_id)
        checked = dict(conn.execute(sa.select(A.c.human_checked).where(A.c.id == article_id)).scalar() or {})
        checked[field_name] = {"by": who, "at": _now().isoformat(timespec="seconds")}
        conn.execute(A.update().where(A.c.id == article_id).values(human_checked=checked, checked=True))

    def _reapply_corrections(self, conn: sa.Connection, article_id: int) -> None:
        rows = conn.execute(sa.select(C.c.field, C.c.value, C.c.author).where(
            C.c.article_id == article_id).order_by(C.c.id)).all()
        latest = {row.field: row for row in rows}
        for row in latest.values():
            self._apply_correction(conn, article_id, row.field, row.value, row.author or "system")

    def rebuild_events(self) -> int:
        """Group the meetings of all live articles into events (``events.cluster_meetings``).

        Events are derived data: clustering runs outside the write lock on a snapshot, and the
        result is stored with the corpus version it was computed from (``events_version``). A
        result older than the stored one is dropped; one older than the corpus is stored and
        redone by the next ``ensure_events``.
        """
        with self.engine.connect() as conn:
            version = _corpus_version(conn)
            items = _meeting_items(conn)
        groups = _cluster(items)

        def write(conn: sa.Connection) -> int:
            if _events_version(conn) > version:
                return len(groups)  # a newer snapshot is already stored
            stored = _store_events(conn, groups)
            _set_events_version(conn, version)
            return stored
        # No version bump: events follow from the corpus version they were grouped at, and
        # version() regroups before it answers, so caches keyed by it never see stale events.
        return self._transact(write, bump=False)

    def ensure_events(self) -> bool:
        """Regroup events when writes happened since they were last grouped; True if it did.

        Writers only bump the corpus version, so a burst of uploads costs one regrouping, done
        by the next reader, instead of one per upload under the write lock.
        """
        with self.engine.connect() as conn:
            fresh = _events_version(conn) >= _corpus_version(conn)
        if fresh:
            return False
        try:
            self.rebuild_events()
        except sa.exc.DBAPIError as exc:
            if not is_read_only_error(exc):
                raise
            # A read-only database (a file without write permission, a read-only replica) is
            # still readable: serve the events as last grouped rather than fail every page.
            _LOG.warning("events are stale and the database is read-only; showing them as last "
                         "grouped (%s)", str(exc.orig).splitlines()[0] if exc.orig else exc)
            return False
        return True

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
                work = [(r.id, _scrub(ex)) for r, ex in zip(rows, extractions)]
                self._transact(lambda conn: self._replace_extractions(conn, work))
                if progress:
                    progress(min(start + batch, len(ids)), len(ids))
        finally:
            if pool is not None:
                pool.shutdown()
        if ids:
            self.rebuild_events()
        return len(ids)

    def _replace_extractions(self, conn: sa.Connection, work: list[tuple[int, Extraction]]) -> None:
        for article_id, ex in work:
            self._replace_extraction(conn, article_id, ex)

    def _replace_extraction(self, conn: sa.Connection, article_id: int, ex: Extraction) -> None:
        raw = conn.execute(sa.select(A.c.raw_text).where(A.c.id == article_id)).scalar_one()
        clean = ex.clean_text or raw
        norm = comparable_text(clean)
        conn.execute(A.update().where(A.c.id == article_id).values(
            title=ex.title, outlet=ex.outlet, published=_date(ex.published), language=ex.language,
            clean_text=clean, norm_text=norm, norm_len=len(norm), provenance=_clean_json(ex.provenance),
            extractor_version=_extractor_version()))
        self._write_extraction(conn, article_id, ex)
        conn.execute(schema.shingles.delete().where(schema.shingles.c.article_id == article_id))
        hashes = shingle_hashes(norm)
        if hashes:
            conn.execute(schema.shingles.insert(), [{"article_id": article_id, "h": h} for h in hashes])
        migrations.write_index(conn, article_id, index_string(ex.title, clean))
        self._reapply_corrections(conn, article_id)

    # --- reads: basics ---

    def _read(self, stmt: Any, params: dict[str, Any] | None = None) -> list[Any]:
        with self.engine.connect() as conn:
            return list(conn.execute(stmt, params or {}).all())

    def version(self) -> int:
        """The corpus version, for cache keys; events are regrouped first when they are stale."""
        self.ensure_events()
        with self.engine.connect() as conn:
            value = conn.execute(sa.select(schema.meta.c.value).where(
                schema.meta.c.key == "corpus_version")).scalar()
        return int(value or 0)

    def count(self, filters: Filters | None = None) -> int:
        """Live articles (passing ``filters`` when given)."""
        stmt, _ = self._filtered(filters, [A.c.id])
        return self._read(sa.select(sa.func.count()).select_from(stmt.subquery()))[0][0]

    def total_count(self) -> int:
        """All stored articles, removed ones included."""
        return self._read(sa.select(sa.func.count()).select_from(A))[0][0]

    def facets(self, filters: Filters | None = None) -> dict[str, Any]:
        """Values the filter widgets offer, over the whole live corpus (``filters`` is ignored)."""
        live = A.c.removed_at.is_(None)
        outlets = {r[0] for r in self._read(sa.select(A.c.outlet).where(live).distinct()) if r[0]}
        outlets |= {r[0] for r in self._read(sa.select(S.c.outlet).join(A, A.c.id == S.c.article_id)
                                             .where(live).distinct()) if r[0]}
        def meeting_values(col: Any) -> list[str]:
            rows = self._read(sa.select(col).join(A, A.c.id == M.c.article_id)
                              .where(live, M.c.primary.is_(True)).distinct())
            return sorted(r[0] for r in rows if r[0])
        topics = self._read(sa.select(T.c.topic).join(A, A.c.id == T.c.article_id).where(live).distinct())
        lo, hi = self._read(sa.select(sa.func.min(A.c.sort_date), sa.func.max(A.c.sort_date)).where(live))[0]
        return {"outlets": sorted(outlets), "cities": meeting_values(M.c.city),
                "kinds": meeting_values(M.c.kind), "topics": sorted(r[0] for r in topics),
                "min_date": _date(lo), "max_date": _date(hi)}

    # --- reads: filtering and search ---

    def _conditions(self, filters: Filters | None) -> list[Any]:
        conds: list[Any] = [A.c.removed_at.is_(None)]
        if filters is None:
            return conds
        if filters.date_from:
            conds.append(A.c.sort_date >= filters.date_from)
        if filters.date_to:
            conds.append(A.c.sort_date <= filters.date_to)
        if filters.outlets:
            conds.append(sa.or_(A.c.outlet.in_(filters.outlets), sa.exists().where(
                S.c.article_id == A.c.id, S.c.outlet.in_(filters.outlets))))
        if filters.cities:
            conds.append(sa.exists().where(M.c.article_id == A.c.id, M.c.primary.is_(True),
                                           M.c.city.in_(filters.cities)))
        if filters.kinds:
            conds.append(sa.exists().where(M.c.article_id == A.c.id, M.c.primary.is_(True),
                                           M.c.kind.in_(filters.kinds)))
        if filters.topics:
            conds.append(sa.exists().where(T.c.article_id == A.c.id, T.c.topic.in_(filters.topics)))
        return conds

    def _hits_subquery(self, query: Query) -> tuple[Any | None, Any | None]:
        """(subquery of article_id, score for the positive terms, NOT-IN select for exclusions)."""
        hits: Any = None
        excluded: Any = None
        if self.dialect == "sqlite":
            match, excl = fts5_match(query), fts5_exclusion(query)
            if match:
                hits = sa.text("SELECT rowid AS article_id, -bm25(articles_fts) AS score "
                               "FROM articles_fts WHERE articles_fts MATCH :m").bindparams(m=match)
            if excl:
                excluded = sa.text("SELECT rowid AS article_id FROM articles_fts "
                                   "WHERE articles_fts MATCH :x").bindparams(x=excl)
        else:
            match, excl = tsquery(query), ts_exclusion(query)
            if match:
                hits = sa.text("SELECT article_id, ts_rank(tsv, CAST(:m AS tsquery)) AS score "
                               "FROM search_index WHERE tsv @@ CAST(:m AS tsquery)").bindparams(m=match)
            if excl:
                excluded = sa.text("SELECT article_id FROM search_index "
                                   "WHERE tsv @@ CAST(:x AS tsquery)").bindparams(x=excl)
        if hits is not None:
            hits = hits.columns(article_id=sa.Integer, score=sa.Float).subquery("hits")
        if excluded is not None:
            excluded = sa.select(excluded.columns(article_id=sa.Integer).subquery("excl").c.article_id)
        return hits, excluded

    def _filtered(self, filters: Filters | None, columns: Sequence[Any]) -> tuple[Any, Query | None]:
        """A select of ``columns`` over the live articles passing ``filters`` (with a score column)."""
        query = parse_query(filters.q) if filters and filters.q else None
        if query is not None and query.is_empty:
            query = None
        conds = self._conditions(filters)
        score: Any = sa.literal(0.0, sa.Float).label("score")
        from_: Any = A
        if query is not None:
            hits, excluded = self._hits_subquery(query)
            if hits is not None:
                from_ = A.join(hits, hits.c.article_id == A.c.id)
                score = hits.c.score.label("score")
            if excluded is not None:
                conds.append(A.c.id.not_in(excluded))
        stmt = sa.select(*columns, score).select_from(from_).where(*conds)
        return stmt, query

    def _ids_select(self, filters: Filters | None) -> Any:
        stmt, _ = self._filtered(filters, [A.c.id])
        return sa.select(stmt.subquery().c.id)

    def _plain_date(self, column: Any) -> Any:
        """SQLite keeps dates as ISO text: fetch the text and parse it faster than the ORM type."""
        return sa.type_coerce(column, sa.String).label(column.name) if self.dialect == "sqlite" else column

    def _topic_list(self) -> Any:
        agg = (sa.func.group_concat(T.c.topic, "|") if self.dialect == "sqlite"
               else sa.func.string_agg(T.c.topic, "|"))
        return sa.select(agg).where(T.c.article_id == A.c.id).scalar_subquery().label("topics")

    def articles(self, filters: Filters | None = None, limit: int | None = None) -> pd.DataFrame:
        """One row per live article passing ``filters``; with a query, ranked, with snippets."""
        n_sources = (sa.select(sa.func.count()).where(S.c.article_id == A.c.id)
                     .scalar_subquery().label("n_sources"))
        cols = [A.c.id, A.c.title, A.c.outlet, self._plain_date(A.c.published), A.c.language, n_sources,
                self._topic_list(), self._plain_date(A.c.meeting_date), A.c.city, A.c.kind, A.c.checked]
        stmt, query = self._filtered(filters, cols)
        if query is not None:
            stmt = stmt.order_by(sa.desc("score"), A.c.id)
        else:
            stmt = stmt.order_by(A.c.sort_date.desc().nulls_last(), A.c.id.desc())
        if limit is not None:
            stmt = stmt.limit(int(limit))
        with self.engine.connect() as conn:
            rows = conn.execute(stmt).tuples().all()
        (ids, titles, outlets, published, languages, n_src, topics, meeting_dates, cities, kinds,
         checked, scores) = (list(c) for c in zip(*rows)) if rows else ([[] for _ in range(12)])
        frame = pd.DataFrame({
            "id": ids, "title": titles, "outlet": outlets, "published": [_date(d) for d in published],
            "language": languages, "n_sources": n_src,
            "topics": [sorted(t.split("|")) if t else [] for t in topics],
            "meeting_date": [_date(d) for d in meeting_dates], "city": cities, "kind": kinds,
            "human_checked": [bool(c) for c in checked], "score": [float(x or 0.0) for x in scores]},
            columns=["id", "title", "outlet", "published", "language", "n_sources", "topics",
                     "meeting_date", "city", "kind", "human_checked", "score"])
        frame["snippet"] = self._snippets(query, ids) if query else [[] for _ in ids]
        return frame

    def _snippets(self, query: Query, ids: list[int]) -> list[list[tuple[str, bool]]]:
        head = ids[:SNIPPET_ROWS]
        bodies = {r.id: r.clean_text for r in self._read(
            sa.select(A.c.id, A.c.clean_text).where(A.c.id.in_(head)))} if head else {}
        return [snippet(query, bodies[i]) if i in bodies else [] for i in ids]

    def search(self, query: str, filters: Filters | None = None, limit: int = 50) -> list[SearchHit]:
        """Ranked hits for ``query`` (within ``filters``); [] when the query has no words."""
        if parse_query(query).is_empty:
            return []
        base = filters or Filters()
        frame = self.articles(replace(base, q=query), limit=limit)
        return [SearchHit(int(r.id), float(r.score), r.snippet) for r in frame.itertuples()]

    # --- reads: one article ---

    def article(self, article_id: int) -> dict[str, Any] | None:
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(A).where(A.c.id == article_id)).first()
            if row is None:
                return None
            sources = conn.execute(sa.select(S.c.source, S.c.url, S.c.outlet, S.c.fmt, S.c.encoding,
                                             S.c.added_at, S.c.added_by)
                                   .where(S.c.article_id == article_id).order_by(S.c.id)).all()
            meetings = conn.execute(sa.select(M).where(M.c.article_id == article_id).order_by(M.c.idx)).all()
            figures = conn.execute(sa.select(F).where(F.c.article_id == article_id).order_by(F.c.idx)).all()
            topics = conn.execute(sa.select(T.c.topic).where(T.c.article_id == article_id)
                                  .order_by(T.c.topic)).scalars().all()
            corrections = conn.execute(sa.select(C.c.field, C.c.value, C.c.author, C.c.at)
                                       .where(C.c.article_id == article_id).order_by(C.c.id)).all()
            events = conn.execute(sa.select(EA.c.event_id, EA.c.meeting_idx, EA.c.inferred)
                                  .where(EA.c.article_id == article_id)).all()
        linked = {e.meeting_idx: e for e in events}

        def meeting_dict(m: Any) -> dict[str, Any]:
            d = {k: v for k, v in m._mapping.items() if k != "article_id"}
            d["date"] = _iso(_date(d["date"]))
            link = linked.get(m.idx)
            d["event_id"] = link.event_id if link else None
            d["inferred"] = bool(link.inferred) if link else False
            return d
        return {
            "id": row.id, "title": row.title, "outlet": row.outlet, "published": _date(row.published),
            "language": row.language, "clean_text": row.clean_text, "raw_text": row.raw_text,
            "provenance": row.provenance or {}, "hints": row.hints or {},
            "extractor_version": row.extractor_version, "created_at": row.created_at,
            "meeting_date": _date(row.meeting_date), "city": row.city, "kind": row.kind,
            "sources": [dict(s._mapping) for s in sources],
            "meetings": [meeting_dict(m) for m in meetings],
            "figures": [{k: v for k, v in f._mapping.items() if k != "article_id"} for f in figures],
            "topics": list(topics),
            "corrections": [dict(c._mapping) for c in corrections],
            "human_checked": row.human_checked or {}, "removed": row.removed_at is not None,
            "removed_at": row.removed_at,
        }

    # --- reads: events, figures, aggregates ---

    def events(self, filters: Filters | None = None) -> pd.DataFrame:
        self.ensure_events()
        ids = self._ids_select(filters)
        inferred = sa.func.max(sa.case((EA.c.inferred.is_(True), 1), else_=0)).label("inferred_any")
        stmt = (sa.select(E.c.id, E.c.date, E.c.city, E.c.kind, E.c.status,
                          sa.func.count(sa.distinct(EA.c.article_id)).label("n_articles"), inferred)
                .join(EA, EA.c.event_id == E.c.id).where(EA.c.article_id.in_(ids))
                .group_by(E.c.id, E.c.date, E.c.city, E.c.kind, E.c.status)
                .order_by(E.c.date.desc().nulls_last(), E.c.id))
        rows = self._read(stmt)
        return pd.DataFrame({
            "id": [r.id for r in rows], "date": [_date(r.date) for r in rows],
            "city": [r.city for r in rows], "kind": [r.kind for r in rows],
            "status": [r.status for r in rows], "n_articles": [r.n_articles for r in rows],
            "inferred_any": [bool(r.inferred_any) for r in rows]})

    def event(self, event_id: int) -> dict[str, Any] | None:
        self.ensure_events()
        with self.engine.connect() as conn:
            ev = conn.execute(sa.select(E).where(E.c.id == event_id)).first()
            if ev is None:
                return None
            first_source = (sa.select(S.c.source).where(S.c.article_id == A.c.id)
                            .order_by(S.c.id).limit(1).scalar_subquery())
            first_url = (sa.select(S.c.url).where(S.c.article_id == A.c.id)
                         .order_by(S.c.id).limit(1).scalar_subquery())
            rows = conn.execute(
                sa.select(A.c.id, A.c.title, A.c.outlet, first_source.label("source"),
                          first_url.label("url"), M.c.evidence, EA.c.inferred)
                .select_from(EA.join(A, A.c.id == EA.c.article_id).outerjoin(
                    M, sa.and_(M.c.article_id == EA.c.article_id, M.c.idx == EA.c.meeting_idx)))
                .where(EA.c.event_id == event_id, A.c.removed_at.is_(None))
                .order_by(A.c.published, A.c.id)).all()
        return {"id": ev.id, "key": ev.key, "date": _date(ev.date), "city": ev.city, "kind": ev.kind,
                "status": ev.status,
                "articles": [{"article_id": r.id, "title": r.title, "outlet": r.outlet,
                              "url": r.url or None, "source": r.source, "evidence": r.evidence,
                              "inferred": bool(r.inferred)} for r in rows]}

    def event_sources(self) -> list[dict[str, Any]]:
        """Every event with the source names of its live articles (the CLI ``events`` output)."""
        self.ensure_events()
        with self.engine.connect() as conn:
            evs = conn.execute(sa.select(E).order_by(E.c.date.nulls_last(), E.c.id)).all()
            links = conn.execute(sa.select(EA.c.event_id, S.c.source)
                                 .join(A, A.c.id == EA.c.article_id).join(S, S.c.article_id == A.c.id)
                                 .where(A.c.removed_at.is_(None)).order_by(S.c.id)).all()
        by_event: dict[int, list[str]] = {}
        for link in links:
            names = by_event.setdefault(link.event_id, [])
            if link.source not in names:
                names.append(link.source)
        return [{"id": e.id, "date": _iso(_date(e.date)), "city": e.city, "kind": e.kind,
                 "articles": by_event[e.id]} for e in evs if e.id in by_event]

    def count_figures(self, filters: Filters | None = None) -> int:
        """Figure rows of the live articles passing ``filters`` (a count, no rows fetched)."""
        stmt = sa.select(sa.func.count()).select_from(F).where(
            F.c.article_id.in_(self._ids_select(filters)))
        return int(self._read(stmt)[0][0])

    def _ids_with_figures(self, filters: Filters | None, limit: int) -> Any:
        """The ``limit`` most recently published filtered articles that have figure rows."""
        stmt, _ = self._filtered(filters, [A.c.id])
        stmt = (stmt.where(sa.exists().where(F.c.article_id == A.c.id))
                .order_by(A.c.published.desc().nulls_last(), A.c.id.desc()).limit(limit))
        return sa.select(stmt.subquery().c.id)

    def figures(self, filters: Filters | None = None, limit: int | None = None) -> pd.DataFrame:
        """Figure rows in publication order; with ``limit``, only the most recent ``limit`` of them."""
        columns = ["article_id", "title", "outlet", "published", "idx", "text", "value", "value_max",
                   "unit", "metric", "qualifier", "period", "period_start", "sentence", "currency",
                   "pair", "human_checked"]
        checked = sa.exists().where(C.c.article_id == F.c.article_id, C.c.field == "figures")
        stmt = (sa.select(F.c.article_id, A.c.title, A.c.outlet, self._plain_date(A.c.published), F.c.idx,
                          F.c.text, F.c.value, F.c.value_max, F.c.unit, F.c.metric, F.c.qualifier,
                          F.c.period, F.c.sentence, F.c.currency, F.c.pair, checked.label("checked"))
                .join(A, A.c.id == F.c.article_id))
        if limit is None:
            stmt = stmt.where(F.c.article_id.in_(self._ids_select(filters)))
            stmt = stmt.order_by(A.c.published, F.c.article_id, F.c.idx)
        else:
            # The ``limit`` most recent articles that quote a figure hold the ``limit`` most recent
            # figures (each has at least one): sort articles, not every figure row, then cut.
            newest = self._ids_with_figures(filters, limit)
            stmt = stmt.where(F.c.article_id.in_(newest))
            stmt = stmt.order_by(A.c.published.desc().nulls_last(), F.c.article_id.desc(),
                                 F.c.idx.desc()).limit(limit)
        with self.engine.connect() as conn:
            rows = list(conn.execute(stmt).tuples().all())
        if limit is not None:
            rows.reverse()
        data = [list(c) for c in zip(*rows)] if rows else [[] for _ in range(16)]
        data[3] = published = [_date(d) for d in data[3]]
        data[15] = [bool(c) for c in data[15]]
        data.insert(12, [period_start(p, d) for p, d in zip(data[11], published)])
        return pd.DataFrame(dict(zip(columns, data)), columns=columns)

    def coverage(self, filters: Filters | None = None) -> pd.DataFrame:
        """Articles per month of their own date (published, else the meeting date)."""
        day = sa.func.coalesce(A.c.published, A.c.meeting_date)
        # One GROUP BY in the database: dates are ISO text in SQLite, real dates in PostgreSQL.
        month = (sa.func.substr(day, 1, 7) if self.dialect == "sqlite"
                 else sa.func.to_char(day, "YYYY-MM")).label("month")
        stmt, _ = self._filtered(filters, [month])
        sub = stmt.subquery()
        rows = self._read(sa.select(sub.c.month, sa.func.count().label("n"))
                          .where(sub.c.month.is_not(None)).group_by(sub.c.month).order_by(sub.c.month))
        return pd.DataFrame([(str(r.month), int(r.n)) for r in rows], columns=["month", "n_articles"])

    def outlet_counts(self, filters: Filters | None = None) -> pd.DataFrame:
        stmt, _ = self._filtered(filters, [A.c.outlet])
        sub = stmt.subquery()
        rows = self._read(sa.select(sub.c.outlet, sa.func.count().label("n"))
                          .group_by(sub.c.outlet).order_by(sa.desc("n"), sub.c.outlet))
        return pd.DataFrame([(r.outlet or "", r.n) for r in rows], columns=["outlet", "n_articles"])

    def kwic(self, query: str, filters: Filters | None = None, width: int = 60,
             limit: int = 200) -> pd.DataFrame:
        """Keyword in context: one row per hit, from the original text."""
        columns = ["article_id", "title", "left", "match", "right"]
        parsed = parse_query(query)
        if not parsed.clauses:
            return pd.DataFrame(columns=columns)
        base = filters or Filters()
        stmt, _ = self._filtered(replace(base, q=query), [A.c.id, A.c.title])
        ranked = self._read(stmt.order_by(sa.desc("score"), A.c.id))
        out: list[tuple[Any, ...]] = []
        for start in range(0, len(ranked), 50):
            chunk = ranked[start:start + 50]
            bodies = {r.id: r.clean_text for r in self._read(
                sa.select(A.c.id, A.c.clean_text).where(A.c.id.in_([c.id for c in chunk])))}
            for r in chunk:
                for left, match, right in kwic_lines(parsed, bodies.get(r.id, ""), width):
                    out.append((r.id, r.title, left, match, right))
                    if len(out) >= limit:
                        return pd.DataFrame(out, columns=columns)
        return pd.DataFrame(out, columns=columns)

    def term_frequencies(self, filters: Filters | None = None, top: int = 80,
                         max_articles: int = TERM_FREQ_MAX_ARTICLES) -> list[tuple[str, int]]:
        """Most frequent words (original spelling, stop words left out) of the filtered articles.

        Counted over at most ``max_articles`` articles (the most recent) to stay fast.
        """
        stmt, _ = self._filtered(filters, [A.c.id])
        ids = [r.id for r in self._read(stmt.order_by(A.c.sort_date.desc().nulls_last(), A.c.id.desc())
                                        .limit(max_articles))]
        written: Counter[str] = Counter()
        for start in range(0, len(ids), 500):
            for (text,) in self._read(sa.select(A.c.clean_text).where(A.c.id.in_(ids[start:start + 500]))):
                written.update(written_words(text))
        return top_words(written, top)

    def history(self, limit: int = 200) -> pd.DataFrame:
        rows = self._read(sa.select(H.c.at, H.c.who, H.c.action, H.c.article_id, A.c.title, H.c.detail)
                          .outerjoin(A, A.c.id == H.c.article_id)
                          .order_by(H.c.id.desc()).limit(limit))
        return pd.DataFrame([tuple(r) for r in rows],
                            columns=["at", "who", "action", "article_id", "title", "detail"])

    def removed_articles(self, limit: int = 1000) -> pd.DataFrame:
        """Removed (hidden) articles, the latest removal first: what ``restore_article`` can undo."""
        rows = self._read(sa.select(A.c.id, A.c.title, A.c.outlet, A.c.published, A.c.removed_at)
                          .where(A.c.removed_at.is_not(None))
                          .order_by(A.c.removed_at.desc(), A.c.id.desc()).limit(limit))
        return pd.DataFrame([tuple(r) for r in rows],
                            columns=["id", "title", "outlet", "published", "removed_at"])

    def removed_ids(self, article_ids: Iterable[int | None]) -> set[int]:
        """Those of ``article_ids`` that are removed."""
        ids = sorted({int(i) for i in article_ids if i is not None})
        if not ids:
            return set()
        rows = self._read(sa.select(A.c.id).where(A.c.id.in_(ids), A.c.removed_at.is_not(None)))
        return {int(r.id) for r in rows}


_YEAR = re.compile(r"^\s*(\d{4})")


def period_start(period: str | None, published: dt.date | None) -> dt.date | None:
    """Plotting date of a figure: 1 January of the period's year, else the publication date."""
    m = _YEAR.match(period or "")
    if m and 1900 <= int(m.group(1)) <= 2100:
        return dt.date(int(m.group(1)), 1, 1)
    return published


def _extractor_version() -> str:
    return EXTRACTOR_VERSION


# --- events ------------------------------------------------------------------------------------

@dataclass
class _EventGroup:
    date: dt.date | None
    city: str | None
    kind: str | None
    status: str | None
    members: list[tuple[int, int, bool]]  # (article_id, meeting idx, date inferred)
    key: str | None = None  # the clustering's own id (date_city_kind)


def _meeting_items(conn: sa.Connection) -> list[dict[str, Any]]:
    """Every meeting of every live article, with what clustering needs to know."""
    first_source = (sa.select(S.c.source).where(S.c.article_id == A.c.id)
                    .order_by(S.c.id).limit(1).scalar_subquery())
    rows = conn.execute(
        sa.select(M.c.article_id, M.c.idx, M.c.date, M.c.date_basis, M.c.city, M.c.kind, M.c.status,
                  M.c.evidence, M.c.weekday, M.c.month, M.c.day, M.c.participants, M.c.primary,
                  A.c.published, A.c.title,
                  first_source.label("source"))
        .join(A, A.c.id == M.c.article_id).where(A.c.removed_at.is_(None))
        .order_by(M.c.article_id, M.c.idx)).all()
    texts: dict[int, str] = {
        row[0]: row[1] for row in conn.execute(sa.select(A.c.id, sa.func.substr(A.c.clean_text, 1, EVENT_TEXT_CHARS))
                                               .where(A.c.removed_at.is_(None), sa.exists().where(
                                                   M.c.article_id == A.c.id, M.c.primary.is_(True))))}
    return [{**row._mapping, "date": _date(row.date), "published": _date(row.published),
             "text": texts.get(row.article_id, "")} for row in rows]


def _cluster(items: list[dict[str, Any]]) -> list[_EventGroup]:
    """Each article's main meeting goes to ``extract.events.cluster_meetings``, keyed by article id."""
    main: dict[str, dict[str, Any]] = {}
    for it in items:
        key = str(it["article_id"])
        if it["primary"] and key not in main:
            main[key] = it
    inputs = [ArticleMeeting(key=key, meeting=Meeting(
        date=_iso(it["date"]), city=it["city"], kind=it["kind"], status=it["status"],
        evidence=it["evidence"] or "", date_basis=it["date_basis"], weekday=it["weekday"],
        month=it["month"], day=it["day"],
        participants=tuple(filter(None, (it["participants"] or "").split(",")))),
        published=it["published"], text=f"{it['title'] or ''}\n{it['text'] or ''}")
        for key, it in main.items()]
    groups = []
    for g in cluster_meetings(inputs):
        members = [main[k] for k in g.members if k in main]
        inferred = set(g.inferred)
        status = "held" if any(m["status"] == "held" for m in members) else (
            members[0]["status"] if members else None)
        groups.append(_EventGroup(_date(g.date), g.city, g.kind, status,
                                  [(m["article_id"], m["idx"], str(m["article_id"]) in inferred)
                                   for m in members], key=g.id))
    return groups


def _assign_ids(conn: sa.Connection, groups: list[_EventGroup]) -> list[int | None]:
    """Keep an event's id across rebuilds when it keeps most of its members (shareable links)."""
    old: dict[tuple[int, int], int] = {(r.article_id, r.meeting_idx): r.event_id
                                       for r in conn.execute(sa.select(EA)).all()}
    taken: set[int] = set()
    ids: list[int | None] = []
    for group in groups:
        votes = Counter(old[(a, i)] for a, i, _ in group.members if (a, i) in old)
        chosen = next((eid for eid, _ in votes.most_common() if eid not in taken), None)
        if chosen is not None:
            taken.add(chosen)
        ids.append(chosen)
    return ids


def _corpus_version(conn: sa.Connection) -> int:
    value = conn.execute(sa.select(schema.meta.c.value).where(schema.meta.c.key == "corpus_version")).scalar()
    return int(value or 0)


def _events_version(conn: sa.Connection) -> int:
    value = conn.execute(sa.select(schema.meta.c.value).where(schema.meta.c.key == "events_version")).scalar()
    return -1 if value is None else int(value)


def _set_events_version(conn: sa.Connection, version: int) -> None:
    updated = conn.execute(schema.meta.update().where(schema.meta.c.key == "events_version")
                           .values(value=str(version))).rowcount
    if not updated:
        conn.execute(schema.meta.insert().values(key="events_version", value=str(version)))


def _store_events(conn: sa.Connection, groups: list[_EventGroup]) -> int:
    ids = _assign_ids(conn, groups)
    conn.execute(EA.delete())
    conn.execute(E.delete())
    links: list[dict[str, Any]] = []
    event_dates: dict[tuple[int, int], dt.date | None] = {}
    # Kept ids first: SQLite hands freed rowids to new rows, which would clash with a kept id;
    # PostgreSQL's sequence is moved past them before any new row takes a number from it.
    ordered = sorted(zip(groups, ids), key=lambda pair: pair[1] is None)
    sequence_moved = conn.dialect.name != "postgresql"
    for group, event_id in ordered:
        values = {"date": group.date, "city": group.city, "kind": group.kind, "status": group.status,
                  "key": group.key}
        if event_id is not None:
            conn.execute(E.insert().values(id=event_id, **values))
        else:
            if not sequence_moved:
                _move_event_sequence(conn)
                sequence_moved = True
            event_id = conn.execute(E.insert().values(**values)).inserted_primary_key[0]
        seen: set[tuple[int, int]] = set()
        for article_id, idx, inferred in group.members:
            if (article_id, idx) not in seen:
                seen.add((article_id, idx))
                links.append({"event_id": event_id, "article_id": article_id, "meeting_idx": idx,
                              "inferred": bool(inferred)})
                event_dates[(article_id, idx)] = group.date
    if links:
        conn.execute(EA.insert(), links)
    if not sequence_moved:
        _move_event_sequence(conn)
    _refresh_meeting_dates(conn, event_dates)
    return len(groups)


def _move_event_sequence(conn: sa.Connection) -> None:
    """PostgreSQL: explicit ids do not advance the sequence; move it past the largest id."""
    conn.exec_driver_sql("SELECT setval(pg_get_serial_sequence('events', 'id'), "
                         "COALESCE((SELECT MAX(id) FROM events), 0) + 1, false)")


def _refresh_meeting_dates(conn: sa.Connection, event_dates: dict[tuple[int, int], dt.date | None]) -> None:
    """Articles whose main meeting has no written date take their event's date (shown as inferred)."""
    rows = conn.execute(sa.select(A.c.id, A.c.published, A.c.meeting_date, A.c.sort_date, M.c.idx, M.c.date)
                        .join(M, M.c.article_id == A.c.id).where(M.c.primary.is_(True))
                        .order_by(A.c.id, M.c.idx)).all()
    updates: list[dict[str, Any]] = []
    done: set[int] = set()
    for r in rows:
        if r.id in done:
            continue
        done.add(r.id)
        date = _date(r.date) or event_dates.get((r.id, r.idx))
        sort_date = date or _date(r.published)
        if date != _date(r.meeting_date) or sort_date != _date(r.sort_date):
            updates.append({"aid": r.id, "md": date, "sd": sort_date})
    if updates:
        conn.execute(A.update().where(A.c.id == sa.bindparam("aid"))
                     .values(meeting_date=sa.bindparam("md"), sort_date=sa.bindparam("sd")), updates)
