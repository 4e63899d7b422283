"""Several writers at once lose nothing and create no duplicates, on SQLite and PostgreSQL."""
from __future__ import annotations

import multiprocessing
import random
import threading

import sqlalchemy as sa

from corpus.models import Extraction, RawDocument
from corpus.store import Store, schema

WORDS = ["الرئيس", "بوتين", "علييف", "باكو", "موسكو", "الطاقة", "النقل", "التجارة", "الغاز",
         "القمة", "الاتفاقية", "الممر", "الاستثمار", "الشركات", "الزراعة", "السياحة"]


def text_for(i: int) -> str:
    # A different random word sequence per i: no two texts are near-duplicates.
    rng = random.Random(i)
    return f"نص رقم {i} " + " ".join(rng.choice(WORDS) for _ in range(30))


def doc(i: int, name: str) -> tuple[RawDocument, Extraction]:
    body = text_for(i)
    return RawDocument(name, body, "txt"), Extraction(title=f"عنوان {i}", clean_text=body)


def _writer(url: str, worker: int, shared: int, own: int, errors: list) -> None:
    store = Store(url)
    try:
        for i in range(shared):  # every worker adds the same shared articles, same source name
            store.add_article(*doc(i, f"shared-{i}.txt"), who=f"w{worker}")
        for j in range(own):
            store.add_article(*doc(1000 + worker * 100 + j, f"own-{worker}-{j}.txt"), who=f"w{worker}")
    except Exception as exc:  # noqa: BLE001 - reported to the test
        errors.append(repr(exc))
    finally:
        store.close()


def _check(url: str, workers: int, shared: int, own: int) -> None:
    store = Store(url)
    assert store.count() == shared + workers * own
    with store.engine.connect() as conn:
        hashes = conn.execute(sa.select(schema.articles.c.content_hash)).scalars().all()
        n_sources = conn.execute(sa.select(sa.func.count()).select_from(schema.sources)).scalar()
    assert len(hashes) == len(set(hashes))
    assert n_sources == shared + workers * own  # the shared source name is recorded once
    assert store.version() == workers * (shared + own)
    assert len(store.search("بوتين OR باكو OR الطاقة OR الغاز OR النقل OR رقم", limit=1000)) == store.count()


def test_threads_add_concurrently(db_url):
    Store(db_url).close()  # schema first, as the app does on start
    workers, shared, own = 6, 12, 6
    errors: list = []
    threads = [threading.Thread(target=_writer, args=(db_url, w, shared, own, errors)) for w in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    _check(db_url, workers, shared, own)


def _process_writer(url: str, worker: int, shared: int, own: int, queue) -> None:
    errors: list = []
    _writer(url, worker, shared, own, errors)
    queue.put(errors)


def test_processes_add_concurrently(db_url):
    # Fresh database: the processes also race to create the schema.
    workers, shared, own = 3, 8, 4
    ctx = multiprocessing.get_context("fork")  # fast start; children open their own engines
    queue = ctx.Queue()
    procs = [ctx.Process(target=_process_writer, args=(db_url, w, shared, own, queue)) for w in range(workers)]
    for p in procs:
        p.start()
    results = [queue.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(timeout=60)
    assert results == [[]] * workers
    _check(db_url, workers, shared, own)
