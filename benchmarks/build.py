"""Benchmark databases: synthetic articles with their truth extractions, built once under /tmp."""
from __future__ import annotations

import hashlib
import json
import os
import resource
import time
from pathlib import Path
from typing import Any

from corpus import synth

WORKDIR = Path(os.environ.get("BENCH_DIR", "/tmp/corpus_bench"))
SEED = 1


def schema_fingerprint() -> str:
    """Changes whenever the store's schema code does: a database built before is rebuilt."""
    root = Path(__file__).resolve().parent.parent / "corpus" / "store"
    digest = hashlib.sha256()
    for name in ("schema.py", "migrations.py"):
        digest.update((root / name).read_bytes())
    return digest.hexdigest()[:16]


def db_path(n: int) -> Path:
    return WORKDIR / f"synth_{n}.sqlite"


def db_url(n: int) -> str:
    return f"sqlite:///{db_path(n)}"


def _cpu_seconds() -> float:
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def build(n: int, force: bool = False) -> dict[str, Any]:
    """Build (or reuse) the n-article database; returns how long the build took."""
    WORKDIR.mkdir(parents=True, exist_ok=True)
    path, stamp = db_path(n), db_path(n).with_suffix(".json")
    if path.exists() and stamp.exists() and not force:
        info = json.loads(stamp.read_text())
        if info.get("schema") == schema_fingerprint():
            return info | {"reused": True}
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    start, cpu = time.perf_counter(), _cpu_seconds()
    synth.write_database(n, db_url(n), seed=SEED, events=True)  # events grouped by rebuild_events
    info = {"n": n, "seconds": time.perf_counter() - start, "cpu_seconds": _cpu_seconds() - cpu,
            "seed": SEED, "schema": schema_fingerprint(), "events": "rebuild_events"}
    stamp.write_text(json.dumps(info))
    return info | {"reused": False}


def ingest_build(n: int, folder: Path, db: Path) -> dict[str, Any]:
    """Build an n-article database the way users do: ``synth`` files (written to ``folder`` unless
    there) through ``corpus.ingest.ingest_paths`` (read, extracted in the pool, stored with the
    near-duplicate check, events grouped). Returns time, articles/s and cores busy."""
    from corpus.ingest import ingest_paths
    from corpus.store import Store

    if not folder.exists():
        synth.write_files(n, folder, seed=SEED, truth_file=False)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    db.parent.mkdir(parents=True, exist_ok=True)
    store = Store(f"sqlite:///{db}")
    start, cpu = time.perf_counter(), _cpu_seconds()
    results = ingest_paths(store, [folder], who="bench")
    wall = time.perf_counter() - start
    statuses: dict[str, int] = {}
    for r in results:
        statuses[r.status] = statuses.get(r.status, 0) + 1
    info = {"n": len(results), "seconds": wall, "per_s": len(results) / wall,
            "per_core_per_s": len(results) / wall / (os.cpu_count() or 1),
            "cores_busy": (_cpu_seconds() - cpu) / wall, "stored": store.count(), "statuses": statuses,
            "load_after": os.getloadavg()}
    store.close()
    return info


def _mark_events_fresh(conn: Any) -> None:
    """The events stored are those of the current corpus version: without this stamp the first
    reader would regroup them (``Store.ensure_events``), which is quadratic and takes hours at 100k."""
    import sqlalchemy as sa

    conn.execute(sa.text("DELETE FROM meta WHERE key = 'events_version'"))
    conn.execute(sa.text("INSERT INTO meta (key, value) SELECT 'events_version', value FROM meta "
                         "WHERE key = 'corpus_version'"))


def restamp(n: int) -> dict[str, Any]:
    """Bring a database built by older code up to the current schema in place, instead of a
    rebuild (30 min at 100k), and stamp it with the current schema fingerprint.

    Databases migrated while migration 6 was a PostgreSQL-only index record version 6 without the
    statements table (migration 6 since): it is created and filled here as the migration does.
    Events filled from the truth before ``events_version`` existed are marked fresh.
    """
    import sqlalchemy as sa

    from corpus.store import Store, migrations

    stamp = db_path(n).with_suffix(".json")
    info = json.loads(stamp.read_text())
    engine = sa.create_engine(db_url(n))
    notes = []
    with engine.begin() as conn:
        if not sa.inspect(conn).has_table("statements"):
            migrations.MIGRATIONS[5](conn)  # _v6_statements: the table, filled from the bodies
            notes.append("statements table added and filled in place")
        has_stamp = conn.execute(sa.text("SELECT 1 FROM meta WHERE key = 'events_version'")).first()
        if info.get("events") == "truth" and not has_stamp:
            _mark_events_fresh(conn)
            notes.append("events (from the truth) marked fresh")
    engine.dispose()
    Store(db_url(n)).close()  # the remaining migrations
    note = "; ".join(filter(None, [info.get("note"), *notes, f"restamped for schema {schema_fingerprint()}"]))
    info |= {"schema": schema_fingerprint(), "note": note}
    stamp.write_text(json.dumps(info))
    return info


# Every table a page reads (the statements of schema v6 included); shingles (duplicate lookups
# on upload) are left out.
PG_TABLES = ("meta", "articles", "sources", "meetings", "figures", "topics", "events", "event_articles",
             "statements", "corrections", "history")


def pg_url(n: int, admin_url: str) -> str:
    """The PostgreSQL benchmark database for size ``n`` on the server of ``admin_url``."""
    return admin_url.rsplit("/", 1)[0] + f"/bench_synth_{n}"


def pg_copy(n: int, admin_url: str, force: bool = False) -> dict[str, Any]:
    """Copy the n-article SQLite benchmark database into PostgreSQL (``bench_synth_<n>``), for the
    same measurements there (search, page reruns); reused while the SQLite build and the schema
    are unchanged.

    Rows are copied table by table (the store's own schema, made by its migrations); the search
    index is filled from the FTS5 table's key strings, as ``write_index`` would; shingles
    (duplicate lookups on upload) are left out. The GIN index is built after the rows.
    """
    import sqlalchemy as sa

    from corpus.search import tsvector_literal
    from corpus.store import Store, schema

    sqlite_info = build(n)
    stamp = json.dumps({k: sqlite_info[k] for k in ("n", "seconds", "schema")}, sort_keys=True)
    url = pg_url(n, admin_url)
    admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    name = url.rsplit("/", 1)[1]
    with admin.connect() as conn:
        exists = conn.execute(sa.text("SELECT 1 FROM pg_database WHERE datname = :d"), {"d": name}).first()
    if exists and not force:
        target = sa.create_engine(url)
        with target.connect() as conn:
            have = conn.execute(sa.text("SELECT value FROM meta WHERE key = 'bench_copy_of'")).scalar()
        target.dispose()
        if have == stamp:
            admin.dispose()
            return {"url": url, "reused": True}
    start = time.perf_counter()
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(sa.text(f'CREATE DATABASE "{name}" TEMPLATE template0 ENCODING UTF8'))
    admin.dispose()
    Store(url).close()  # the schema, by the store's migrations
    source, target = sa.create_engine(db_url(n)), sa.create_engine(url)
    tables = {t.name: t for t in schema.metadata.sorted_tables}
    with source.connect() as src, target.begin() as dst:
        dst.execute(sa.text("DROP INDEX ix_search_index_tsv"))
        dst.execute(tables["meta"].delete())
        for table_name in PG_TABLES:
            table = tables[table_name]
            result = src.execute(sa.select(table)).mappings()
            while chunk := result.fetchmany(2000):
                dst.execute(table.insert(), [dict(r) for r in chunk])
        keys = src.execute(sa.text("SELECT rowid, terms FROM articles_fts"))
        insert = sa.text("INSERT INTO search_index (article_id, terms, tsv) "
                         "VALUES (:id, :terms, CAST(:tsv AS tsvector))")
        while rows := keys.fetchmany(2000):
            dst.execute(insert, [{"id": i, "terms": t, "tsv": tsvector_literal(str(t))} for i, t in rows])
        dst.execute(sa.text("CREATE INDEX ix_search_index_tsv ON search_index USING GIN (tsv)"))
        for table_name in ("articles", "sources", "events", "corrections", "history"):
            dst.execute(sa.text(f"SELECT setval(pg_get_serial_sequence('{table_name}', 'id'), "
                                f"(SELECT coalesce(max(id), 1) FROM {table_name}))"))
        dst.execute(tables["meta"].insert().values(key="bench_copy_of", value=stamp))
    with target.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(sa.text("VACUUM ANALYZE"))
    source.dispose()
    target.dispose()
    return {"url": url, "reused": False, "seconds": time.perf_counter() - start}


if __name__ == "__main__":
    import sys
    size = int(sys.argv[1])
    if "--ingest" in sys.argv:  # python -m benchmarks.build N --ingest FOLDER DB
        at = sys.argv.index("--ingest")
        print(ingest_build(size, Path(sys.argv[at + 1]), Path(sys.argv[at + 2])))
    else:
        print(restamp(size) if "--restamp" in sys.argv else build(size, force="--force" in sys.argv))
