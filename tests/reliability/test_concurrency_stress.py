"""Concurrency: 8 writers upload 50 articles each while 8 readers search, on SQLite and PostgreSQL.

Every writer has its own ``Store`` (like a replica of the app) and uploads through the Upload
page's own code path (``corpus.preview``: read → extract → store, the outcome a user sees) or,
when it exists, the ingest API (``ingest_bytes``); writers alternate between the two. Besides its
own 50 articles each writer re-sends 10 of its neighbour's files, at the same time as the
neighbour, so the duplicate check races against the insert.

Checked afterwards: no article lost (every file name is a source of a stored article), no
duplicate (400 distinct originals make exactly 400 articles, each file name is stored once), no error of any kind reached a user (no rejected outcome, no exception in a reader), the
readers' counts never went backwards, and the database is consistent.
"""
from __future__ import annotations

import os
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest

from reliability_support import consistency_problems, source_names
from corpus import preview as pv
from corpus.filters import Filters
from corpus.models import RawDocument, ReadProblem

WRITERS, RESENT = 8, 10
PER_WRITER = int(os.environ.get("RELIABILITY_PER_WRITER", "50"))  # the issue asks for 50
READERS = 8
QUERIES = ["بوتين", "علييف الطاقة", '"التبادل التجاري"', "موسكو OR باكو", "الغاز -النفط", "مليار"]


def _articles() -> list[tuple[str, bytes]]:
    """WRITERS × PER_WRITER distinct synthetic articles (the generator's own duplicates left out)."""
    from corpus.synth import generate
    out = []
    for name, text, truth in generate(WRITERS * PER_WRITER * 2, seed=2024):
        if truth.get("duplicate_of") or truth.get("near_duplicate_of"):
            continue
        out.append((name, text.encode("utf-8")))
        if len(out) == WRITERS * PER_WRITER:
            return out
    raise AssertionError("the generator gave too few originals")


def _plain_reader(data: bytes, name: str) -> list[RawDocument | ReadProblem]:
    return [RawDocument(source=name, text=data.decode("utf-8"), fmt="txt")]


def _reader():
    try:
        from corpus.readers import read_bytes
        return read_bytes
    except ImportError:  # until the readers land
        return _plain_reader


def _upload_via_preview(store, name: str, data: bytes, who: str) -> list[str]:
    """The Upload page path; returns the messages a user would see for failures."""
    previews, rejected = pv.preview_bytes(name, data, reader=_reader())
    outcomes = rejected + pv.store_previews(store, [(p, {}) for p in previews], who)
    return [f"{o.source}: {o.reason}" for o in outcomes if o.status == "rejected"]


def _upload_via_ingest(store, name: str, data: bytes, who: str) -> list[str]:
    from corpus.ingest import ingest_bytes
    results = ingest_bytes(store, name, data)
    results = results if isinstance(results, list) else [results]
    bad = []
    for r in results:
        status = getattr(r, "status", None)
        if status not in ("added", "duplicate", "source_added"):
            bad.append(f"{getattr(r, 'source', name)}: {status} {getattr(r, 'reason', '')}")
    return bad


def _paths():
    try:
        from corpus.ingest import ingest_bytes  # noqa: F401
        return [_upload_via_preview, _upload_via_ingest]
    except ImportError:
        return [_upload_via_preview]


@pytest.mark.slow
def test_writers_and_readers_at_once(db_url, tmp_path):
    from corpus.store import Store
    articles = _articles()
    expected = len(articles)  # distinct originals: stored one after another they make 400 articles
    Store(db_url).close()  # migrate once, as a deployment does before replicas start
    paths = _paths()
    batches = [articles[w * PER_WRITER:(w + 1) * PER_WRITER] for w in range(WRITERS)]
    user_errors: list[str] = []
    reader_errors: list[str] = []
    counts_seen: list[list[int]] = [[] for _ in range(READERS)]
    searches = Counter()
    done = threading.Event()
    start = threading.Barrier(WRITERS + READERS)

    def writer(w: int) -> None:
        store = Store(db_url)
        upload = paths[w % len(paths)]
        # Own articles interleaved with the neighbour's first files (sent at the same moment).
        resend = batches[(w + 1) % WRITERS][:RESENT]
        jobs = [job for pair in zip(batches[w], resend + [None] * PER_WRITER) for job in pair if job]
        start.wait()
        try:
            for name, data in jobs:
                try:
                    user_errors.extend(upload(store, name, data, f"writer{w}"))
                except Exception as exc:  # noqa: BLE001 - an exception is an error a user would see
                    user_errors.append(f"{name}: {type(exc).__name__}: {exc}")
        finally:
            store.close()

    def reader(r: int) -> None:
        store = Store(db_url, migrate=False)
        start.wait()
        i = r
        try:
            while not done.is_set():
                q = QUERIES[i % len(QUERIES)]
                i += 1
                try:
                    store.search(q, limit=20)
                    store.articles(Filters(q=q), limit=50)
                    counts_seen[r].append(store.count())
                    searches[r] += 1
                    time.sleep(0.05)  # a person types between searches; without it readers hog the GIL
                except Exception as exc:  # noqa: BLE001
                    reader_errors.append(f"{q}: {type(exc).__name__}: {exc}")
        finally:
            store.close()

    started = time.perf_counter()
    with ThreadPoolExecutor(WRITERS + READERS) as pool:
        readers = [pool.submit(reader, r) for r in range(READERS)]
        writers = [pool.submit(writer, w) for w in range(WRITERS)]
        for f in writers:
            f.result()
        done.set()
        for f in readers:
            f.result()
    elapsed = time.perf_counter() - started

    assert user_errors == [], user_errors[:10]
    assert reader_errors == [], reader_errors[:10]
    assert not any("locked" in e for e in user_errors + reader_errors)
    for seen in counts_seen:
        assert seen == sorted(seen), "a reader saw the article count go down"
    assert all(searches[r] > 0 for r in range(READERS))

    store = Store(db_url)
    try:
        names = Counter(source_names(db_url))
        lost = [name for name, _ in articles if names[name] == 0]
        assert lost == [], f"{len(lost)} files lost: {lost[:5]}"
        assert [n for n, c in names.items() if c > 1] == [], "a file was stored twice"
        assert store.count() == expected, (store.count(), expected)
        assert consistency_problems(db_url) == []
    finally:
        store.close()
    print(f"\n{WRITERS}x{PER_WRITER} uploads (+{WRITERS * RESENT} resent) with {READERS} readers "
          f"({sum(searches.values())} searches) on {db_url.split(':')[0]}: {elapsed:.1f} s, "
          f"{expected} articles, 0 lost, 0 duplicated")
