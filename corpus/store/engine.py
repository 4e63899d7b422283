"""The database engine: URLs, SQLite settings (WAL, read-only files), the write transaction and
its retries. ``StoreBase`` is what every part of ``Store`` builds on.

Writes go through ``_transact``: one transaction that first takes the database's write lock
(SQLite ``BEGIN IMMEDIATE``; PostgreSQL ``pg_advisory_xact_lock``), so near-duplicate checks and
inserts are never interleaved between threads or processes, then bumps ``corpus_version`` (readers
key their caches on it). Unique constraints back this up and transient errors are retried.
"""
from __future__ import annotations

import logging
import os
import random
import re
import sqlite3
import time
from pathlib import Path
from typing import Any, Callable
from urllib.parse import quote

import sqlalchemy as sa

from ..config import database_url
from . import migrations, schema

WRITE_LOCK = 7_203_002  # PostgreSQL advisory lock key for writes
_RETRYABLE = re.compile(r"locked|busy|deadlock|could not serialize|serializ", re.I)
_Q_BUMP = schema.meta.update().where(schema.meta.c.key == "corpus_version").values(
    value=sa.cast(sa.cast(schema.meta.c.value, sa.Integer) + 1, sa.Text))

_LOG = logging.getLogger("corpus.store")
_READ_ONLY = ("readonly database", "read-only transaction", "read-only file system",
              "attempt to write a readonly")


def is_read_only_error(exc: BaseException) -> bool:
    """A write refused because the database (or its file) is read-only."""
    text = str(getattr(exc, "orig", None) or exc).lower()
    return any(marker in text for marker in _READ_ONLY)


def _is_retryable(exc: Exception) -> bool:
    if isinstance(exc, sa.exc.IntegrityError):
        return True
    code = getattr(getattr(exc, "orig", None), "sqlstate", None)
    return code in ("40001", "40P01", "55P03") or bool(_RETRYABLE.search(str(exc)))


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


class StoreBase:
    """The connection to one database: opening (and migrating) it, the write transaction, reads."""

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

    def _read(self, stmt: Any, params: dict[str, Any] | None = None) -> list[Any]:
        with self.engine.connect() as conn:
            return list(conn.execute(stmt, params or {}).all())
