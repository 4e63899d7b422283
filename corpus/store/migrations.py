"""Forward-only schema migrations, applied in order when a ``Store`` opens a database.

``MIGRATIONS[i]`` brings the schema from version i to i + 1. Each runs in the transaction that
records it in ``schema_version``, under a lock (SQLite: BEGIN IMMEDIATE; PostgreSQL: an advisory
lock), so several processes opening a fresh database at once apply each step exactly once.
New steps are appended; existing ones are never edited once released.
"""
from __future__ import annotations

import datetime as dt
from typing import Callable

import sqlalchemy as sa

from ..extract.statements import find_statements
from ..search import index_string, tsvector_literal
from . import schema
from .duplicates import shingle_hashes
from .rows import statement_rows, to_date

MIGRATION_LOCK = 7_203_001  # PostgreSQL advisory lock key for migrations


def _v1_core_tables(conn: sa.Connection) -> None:
    schema.metadata.create_all(conn, tables=schema.V1_TABLES)
    columns = schema.LISTING_COLUMNS if conn.dialect.name == "sqlite" else schema.LISTING_COLUMNS[:3]
    conn.exec_driver_sql(f"CREATE INDEX ix_articles_listing ON articles ({', '.join(columns)})")
    conn.execute(schema.meta.insert().values(key="corpus_version", value="0"))


def _v2_search_and_shingles(conn: sa.Connection) -> None:
    """Search index over normalised, clitic-stripped, lightly stemmed keys; shingle sketches."""
    schema.metadata.create_all(conn, tables=schema.V2_TABLES)
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("CREATE VIRTUAL TABLE articles_fts USING fts5(terms, tokenize='ascii')")
    else:
        conn.exec_driver_sql(
            "CREATE TABLE search_index (article_id INTEGER PRIMARY KEY REFERENCES articles(id) "
            "ON DELETE CASCADE, terms TEXT NOT NULL, tsv TSVECTOR NOT NULL)")
        conn.exec_driver_sql("CREATE INDEX ix_search_index_tsv ON search_index USING GIN (tsv)")
    # Backfill articles stored before this version.
    rows = conn.execute(sa.select(schema.articles.c.id, schema.articles.c.title,
                                  schema.articles.c.clean_text, schema.articles.c.norm_text))
    for row in rows.all():
        write_index(conn, row.id, index_string(row.title, row.clean_text))
        hashes = shingle_hashes(row.norm_text)
        if hashes:
            conn.execute(schema.shingles.insert(), [{"article_id": row.id, "h": h} for h in hashes])


def _v3_events(conn: sa.Connection) -> None:
    schema.metadata.create_all(conn, tables=schema.V3_TABLES)


def _v4_lsh_sketches(conn: sa.Connection) -> None:
    """Near-duplicate sketches become LSH band keys (the bottom-k sketch scaled quadratically)."""
    conn.execute(schema.shingles.delete())
    rows = conn.execute(sa.select(schema.articles.c.id, schema.articles.c.norm_text)).all()
    values = [{"article_id": r.id, "h": h} for r in rows for h in dict.fromkeys(shingle_hashes(r.norm_text))]
    if values:
        conn.execute(schema.shingles.insert(), values)


def _v5_meeting_day_month(conn: sa.Connection) -> None:
    """A meeting's year-less day and month and its third leaders, so that linking in the store
    sees what the text says (``reprocess`` fills them for articles stored before)."""
    have = {c["name"] for c in sa.inspect(conn).get_columns("meetings")}
    for column, kind in (("month", "INTEGER"), ("day", "INTEGER"), ("participants", "TEXT")):
        if column not in have:  # a fresh database got them from the table definition
            conn.exec_driver_sql(f"ALTER TABLE meetings ADD COLUMN {column} {kind}")


_BACKFILL_CHUNK = 500


def _v6_statements(conn: sa.Connection) -> None:
    """What Putin and Aliyev said, one row per statement; filled at once for the stored articles
    from their cleaned text, with the publication date as the article's "today" (``reprocess``
    re-extracts them with the "today" the pipeline reads, which may be a lead date)."""
    schema.metadata.create_all(conn, tables=schema.V6_TABLES)
    A = schema.articles
    ids = [r.id for r in conn.execute(sa.select(A.c.id).order_by(A.c.id))]
    for start in range(0, len(ids), _BACKFILL_CHUNK):
        rows = conn.execute(sa.select(A.c.id, A.c.clean_text, A.c.published)
                            .where(A.c.id.in_(ids[start:start + _BACKFILL_CHUNK]))).all()
        values = [v for r in rows
                  for v in statement_rows(r.id, find_statements(r.clean_text or "", to_date(r.published)))]
        if values:
            conn.execute(schema.statements.insert(), values)


def _v7_newest_first_index(conn: sa.Connection) -> None:
    """PostgreSQL: the live articles newest first (undated last) straight from an index, for the
    listings and for searches of a very common word (``store.textsearch``), which stop after a
    page instead of sorting every article. SQLite's ``ix_articles_listing`` already gives that
    order (NULLs sort first, so last when descending)."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql("CREATE INDEX ix_articles_newest ON articles (sort_date DESC NULLS LAST, id DESC) "
                             "WHERE removed_at IS NULL")


def _v8_title_day_index(conn: sa.Connection) -> None:
    """The shortened-copy check (``duplicates.shortened_copy``) looks up the live articles with an
    article's title and publication day on every insert; without an index it read every article
    (quadratic ingest: at 90k articles the writer, not extraction, set the pace). PostgreSQL
    indexes the day alone (a B-tree entry cannot hold an arbitrarily long title)."""
    columns = "title, published" if conn.dialect.name == "sqlite" else "published"
    conn.exec_driver_sql(f"CREATE INDEX ix_articles_title_day ON articles ({columns})")


# PostgreSQL: a search_index row stores its key string and tsvector out of line (TOAST) once the row
# passes this many bytes, uncompressed: the row itself is a few dozen bytes.
SEARCH_ROW_TARGET = 128
# PostgreSQL: search_index is split by a hash of the article id into this many parts, each with its
# GIN index, read in turn (``search_index_p0`` first).
SEARCH_PARTS = 8


def _v9_search_parts(conn: sa.Connection) -> None:
    """PostgreSQL: search_index rebuilt as ``SEARCH_PARTS`` hash partitions of narrow rows.

    Counting a query's first 5,001 matches (``store.textsearch``) made the GIN index list all
    of a common word's matches (72,793 at 100k) before the table's pages were read: each part's
    index lists only its own, and the parts are read in turn, so a word in half the articles
    is counted in the first part's index (an eighth of the matches). Rows keep their key string
    and tsvector out of line and uncompressed: ~75 rows per page instead of ~6 (the count reads
    a page per few matches), and a phrase's recheck and the newest-first test unpack nothing."""
    if conn.dialect.name != "postgresql":
        return
    conn.exec_driver_sql("ALTER TABLE search_index RENAME TO search_index_v8")
    conn.exec_driver_sql("ALTER TABLE search_index_v8 RENAME CONSTRAINT search_index_pkey TO search_index_v8_pkey")
    conn.exec_driver_sql("ALTER TABLE search_index_v8 DROP CONSTRAINT search_index_article_id_fkey")
    conn.exec_driver_sql("DROP INDEX ix_search_index_tsv")
    conn.exec_driver_sql(
        "CREATE TABLE search_index (article_id INTEGER PRIMARY KEY REFERENCES articles(id) "
        "ON DELETE CASCADE, terms TEXT NOT NULL, tsv TSVECTOR NOT NULL) PARTITION BY HASH (article_id)")
    for part in range(SEARCH_PARTS):
        conn.exec_driver_sql(
            f"CREATE TABLE search_index_p{part} PARTITION OF search_index FOR VALUES WITH "
            f"(MODULUS {SEARCH_PARTS}, REMAINDER {part}) WITH (toast_tuple_target = {SEARCH_ROW_TARGET})")
        conn.exec_driver_sql(f"ALTER TABLE search_index_p{part} ALTER COLUMN terms SET STORAGE EXTERNAL, "
                             "ALTER COLUMN tsv SET STORAGE EXTERNAL")
    # The values are rebuilt (a plain copy keeps their compressed form); in id order.
    conn.exec_driver_sql("INSERT INTO search_index (article_id, terms, tsv) SELECT article_id, terms || '', "
                         "tsv || ''::tsvector FROM search_index_v8 ORDER BY article_id")
    conn.exec_driver_sql("DROP TABLE search_index_v8")
    conn.exec_driver_sql("CREATE INDEX ix_search_index_tsv ON search_index USING GIN (tsv)")
    conn.exec_driver_sql("ANALYZE search_index")


MIGRATIONS: list[Callable[[sa.Connection], None]] = [
    _v1_core_tables,
    _v2_search_and_shingles,
    _v3_events,
    _v4_lsh_sketches,
    _v5_meeting_day_month,
    _v6_statements,
    _v7_newest_first_index,
    _v8_title_day_index,
    _v9_search_parts,
]
LATEST = len(MIGRATIONS)


_FTS_DELETE = sa.text("DELETE FROM articles_fts WHERE rowid = :id")
_FTS_INSERT = sa.text("INSERT INTO articles_fts(rowid, terms) VALUES (:id, :terms)")
_PG_UPSERT = sa.text("INSERT INTO search_index (article_id, terms, tsv) "
                     "VALUES (:id, :terms, CAST(:tsv AS tsvector)) ON CONFLICT (article_id) DO UPDATE "
                     "SET terms = EXCLUDED.terms, tsv = EXCLUDED.tsv")
_PG_DELETE = sa.text("DELETE FROM search_index WHERE article_id = :id")


def write_index(conn: sa.Connection, article_id: int, terms: str) -> None:
    """Insert or replace one article's entry in the search index."""
    write_indexes(conn, [(article_id, terms)])


def write_indexes(conn: sa.Connection, entries: list[tuple[int, str]]) -> None:
    """Insert or replace the search index entries ``(article id, terms)`` of distinct articles."""
    if not entries:
        return
    if conn.dialect.name == "sqlite":
        conn.execute(_FTS_DELETE, [{"id": article_id} for article_id, _ in entries])
        conn.execute(_FTS_INSERT, [{"id": article_id, "terms": terms} for article_id, terms in entries])
    else:
        conn.execute(_PG_UPSERT, [{"id": article_id, "terms": terms, "tsv": tsvector_literal(terms)}
                                  for article_id, terms in entries])


def delete_index(conn: sa.Connection, article_id: int) -> None:
    conn.execute(_FTS_DELETE if conn.dialect.name == "sqlite" else _PG_DELETE, {"id": article_id})


def current_version(conn: sa.Connection) -> int:
    if not sa.inspect(conn).has_table("schema_version"):
        return 0
    return conn.execute(sa.select(sa.func.max(schema.schema_version.c.version))).scalar() or 0


def migrate(engine: sa.Engine, target: int | None = None) -> int:
    """Apply the missing migrations up to ``target`` (default: latest); returns the version."""
    target = LATEST if target is None else target
    with engine.connect() as conn:
        if current_version(conn) >= target:
            return current_version(conn)
    with engine.connect().execution_options(write=True) as conn:
        with conn.begin():
            if conn.dialect.name == "postgresql":
                conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": MIGRATION_LOCK})
            version = current_version(conn)  # again, under the lock
            for number in range(version, target):
                MIGRATIONS[number](conn)
                conn.execute(schema.schema_version.insert().values(
                    version=number + 1, applied_at=dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)))
            return max(version, target)
