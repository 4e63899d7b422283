"""Helpers of the reliability tests: corpus snapshots and consistency checks, a running dashboard
(``streamlit run app.py`` on a free port) and page-ready waits for headless Chromium.

Browser tests need /usr/bin/chromium and playwright; without them they skip locally and fail
under ``CI=true`` (so CI cannot pass by skipping). The fixtures are in conftest.py.
"""
from __future__ import annotations

import contextlib
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent

from devtools.dashboard import CHROMIUM, CHROMIUM_ARGS, Dashboard, free_port, wait_healthy  # noqa: E402,F401
IN_CI = os.environ.get("CI", "").lower() == "true"


def skip_or_fail(reason: str) -> None:
    if IN_CI:
        pytest.fail(f"CI=true but {reason}")
    pytest.skip(reason)



# --- corpus snapshots -----------------------------------------------------------------------

@dataclass(frozen=True)
class Snapshot:
    count: int
    texts: dict[int, str]  # article id → sha256 of raw_text + clean_text + title

    def checksum(self) -> str:
        h = hashlib.sha256()
        for article_id in sorted(self.texts):
            h.update(f"{article_id}:{self.texts[article_id]}\n".encode())
        return h.hexdigest()


_ARTICLE_TEXTS = "SELECT id, title, raw_text, clean_text FROM articles"


def snapshot(url: str) -> Snapshot:
    """Count and per-article checksum of every stored text (raw and clean) of the database."""
    rows = query_rows(url, _ARTICLE_TEXTS)
    texts = {r.id: hashlib.sha256(f"{r.title}\x1f{r.raw_text}\x1f{r.clean_text}".encode(
        "utf-8", "surrogatepass")).hexdigest() for r in rows}
    return Snapshot(len(rows), texts)


def stored_texts(url: str) -> dict[int, tuple[str, str, str]]:
    return {r.id: (r.title or "", r.raw_text, r.clean_text) for r in query_rows(url, _ARTICLE_TEXTS)}


def source_names(url: str) -> list[str]:
    return [r[0] for r in query_rows(url, "SELECT source FROM sources ORDER BY id")]


def query_rows(url: str, sql: str) -> list:
    """All rows of ``sql`` on the database ``url`` (an engine of its own, disposed after)."""
    import sqlalchemy as sa

    from corpus.store import make_engine
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return list(conn.execute(sa.text(sql)).all())
    finally:
        engine.dispose()


# --- consistency checks (crash recovery, concurrency) ------------------------------------------

def consistency_problems(url: str) -> list[str]:
    """Everything that would make the database inconsistent; [] when it is sound."""
    import sqlalchemy as sa

    from corpus.store import make_engine
    engine = make_engine(url)
    problems: list[str] = []
    q = lambda conn, sql: conn.execute(sa.text(sql)).scalar()  # noqa: E731
    try:
        with engine.connect() as conn:
            if engine.dialect.name == "sqlite":
                result = [r[0] for r in conn.execute(sa.text("PRAGMA integrity_check"))]
                if result != ["ok"]:
                    problems.append(f"integrity_check: {result[:5]}")
                fk = conn.execute(sa.text("PRAGMA foreign_key_check")).all()
                if fk:
                    problems.append(f"foreign_key_check: {fk[:5]}")
                try:
                    conn.execute(sa.text("INSERT INTO articles_fts(articles_fts) VALUES('integrity-check')"))
                except Exception as exc:  # noqa: BLE001 - reported as a problem
                    problems.append(f"fts integrity-check: {exc}")
                index = "articles_fts"
                missing_index = q(conn, "SELECT COUNT(*) FROM articles a WHERE NOT EXISTS "
                                        "(SELECT 1 FROM articles_fts f WHERE f.rowid = a.id)")
                stale_index = q(conn, "SELECT COUNT(*) FROM articles_fts f WHERE NOT EXISTS "
                                      "(SELECT 1 FROM articles a WHERE a.id = f.rowid)")
            else:
                index = "search_index"
                missing_index = q(conn, "SELECT COUNT(*) FROM articles a WHERE NOT EXISTS "
                                        "(SELECT 1 FROM search_index s WHERE s.article_id = a.id)")
                stale_index = q(conn, "SELECT COUNT(*) FROM search_index s WHERE NOT EXISTS "
                                      "(SELECT 1 FROM articles a WHERE a.id = s.article_id)")
            if missing_index:
                problems.append(f"{missing_index} articles missing from {index}")
            if stale_index:
                problems.append(f"{stale_index} {index} rows without an article")
            no_source = q(conn, "SELECT COUNT(*) FROM articles a WHERE NOT EXISTS "
                                "(SELECT 1 FROM sources s WHERE s.article_id = a.id)")
            if no_source:
                problems.append(f"{no_source} articles without a source row")
            no_shingles = q(conn, "SELECT COUNT(*) FROM articles a WHERE a.norm_len > 0 AND NOT EXISTS "
                                  "(SELECT 1 FROM shingles s WHERE s.article_id = a.id)")
            if no_shingles:
                problems.append(f"{no_shingles} articles without near-duplicate sketches")
            dup_hash = q(conn, "SELECT COUNT(*) FROM (SELECT content_hash FROM articles "
                               "GROUP BY content_hash HAVING COUNT(*) > 1) d")
            if dup_hash:
                problems.append(f"{dup_hash} duplicated content hashes")
            for table in ("meetings", "figures", "topics", "sources"):
                orphans = q(conn, f"SELECT COUNT(*) FROM {table} t WHERE NOT EXISTS "
                                  f"(SELECT 1 FROM articles a WHERE a.id = t.article_id)")
                if orphans:
                    problems.append(f"{orphans} orphan rows in {table}")
            added = q(conn, "SELECT COUNT(DISTINCT article_id) FROM history WHERE action = 'added'")
            total = q(conn, "SELECT COUNT(*) FROM articles")
            if added != total:
                problems.append(f"history records {added} additions for {total} articles")
    finally:
        engine.dispose()
    return problems


# --- a running dashboard -----------------------------------------------------------------------

def wait_for_page(page, timeout_ms: int = 60_000) -> None:
    """Wait until the app's script has finished a run and its main block has content."""
    page.wait_for_selector("[data-testid='stApp']", timeout=timeout_ms)
    page.wait_for_selector("[data-testid='stMainBlockContainer'] h1, "
                           "[data-testid='stMainBlockContainer'] [data-testid='stAlert']",
                           timeout=timeout_ms)
    page.wait_for_selector("[data-test-script-state='notRunning']", state="attached", timeout=timeout_ms)
    page.wait_for_function("() => !document.querySelector(\"[data-testid='stStatusWidget']\")",
                           timeout=timeout_ms)


# --- a database shared by the read-only tests of one module -----------------------------------

@contextlib.contextmanager
def scratch_database(kind: str, folder: Path) -> Iterator[str]:
    """A fresh SQLite file or PostgreSQL database (on ``TEST_PG_URL``), dropped afterwards.

    For module-scoped fixtures (the ``pg_url`` fixture of tests/conftest.py is per test).
    """
    if kind == "sqlite":
        yield f"sqlite:///{folder / 'scratch.sqlite'}"
        return
    admin = os.environ.get("TEST_PG_URL", "").strip()
    if not admin:
        skip_or_fail("no PostgreSQL server (set TEST_PG_URL)")
    import uuid

    import sqlalchemy as sa
    name = f"r_{uuid.uuid4().hex[:12]}"
    engine = sa.create_engine(admin, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}" TEMPLATE template0 ENCODING UTF8'))
    try:
        yield admin.rsplit("/", 1)[0] + "/" + name
    finally:
        with engine.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        engine.dispose()
