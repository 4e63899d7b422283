"""Ingest and reprocess throughput: extraction per core, the store's write path, end-to-end ingest
and reprocess (ours next to the plain way: extraction in the pool, then storing, in turn), and
event grouping (day-blocked next to the all-pairs reference)."""
from __future__ import annotations

import multiprocessing as mp
import os
import resource
import shutil
import time
from pathlib import Path
from typing import Any, Callable

import sqlalchemy as sa

from corpus import synth

from .build import WORKDIR


def _cpu() -> float:
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def _extract(item: tuple[str, str]) -> int:
    from corpus.extract import extract_document
    name, text = item
    return len(extract_document(text, name, {}).figures)


def extraction(n: int = 400, seed: int = 5) -> dict[str, Any]:
    """extract_document alone: one core, then a pool over all cores."""
    items = [(name, text) for name, text, _ in synth.generate(n, seed)]
    _extract(items[0])  # lexicons loaded
    start = time.perf_counter()
    for item in items:
        _extract(item)
    single = time.perf_counter() - start
    cores = os.cpu_count() or 1
    start, cpu = time.perf_counter(), _cpu()
    pool = mp.get_context("fork").Pool(cores)
    pool.map(_extract, items * 2, chunksize=16)
    pool.close()
    pool.join()  # reaped workers count in RUSAGE_CHILDREN
    wall = time.perf_counter() - start
    return {"n": n, "ms_per_article": single / n * 1e3, "per_core_per_s": n / single,
            "pool_per_s": 2 * n / wall, "pool_cores_used": (_cpu() - cpu) / wall}


def store_writes(n: int, seed: int = 9) -> dict[str, Any]:
    """Store.add_articles with truth extractions (no extraction runs): the single writer's speed."""
    path = WORKDIR / f"writes_{n}.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    start = time.perf_counter()
    synth.write_database(n, f"sqlite:///{path}", seed=seed)
    return {"n": n, "per_s": n / (time.perf_counter() - start)}


def _fresh_store(name: str) -> Any:
    from corpus.store import Store

    path = WORKDIR / name
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return Store(f"sqlite:///{path}")


def _timed(fn: Callable[[], Any]) -> tuple[Any, float, float]:
    """(result, wall seconds, cores busy: CPU seconds of this process and its workers per second)."""
    start, cpu = time.perf_counter(), _cpu()
    result = fn()
    wall = time.perf_counter() - start
    return result, wall, (_cpu() - cpu) / wall


def plain_ingest(store: Any, folder: Path) -> list[Any]:
    """The way ingest worked before: each batch extracted in the pool, then stored in this process
    (prepared here) while the workers wait; events grouped at the end."""
    from corpus.extract.pool import extract_all, make_pool
    from corpus.ingest import BATCH
    from corpus.readers import read_path

    docs = list(read_path(folder))
    pool = make_pool(len(docs))
    results: list[Any] = []
    try:
        for start in range(0, len(docs), BATCH):
            chunk = docs[start:start + BATCH]
            results += store.add_articles(list(zip(chunk, extract_all(chunk, pool))), "bench")
    finally:
        if pool is not None:
            pool.shutdown()
    store.rebuild_events()
    return results


def plain_reprocess(store: Any, batch: int = 500) -> int:
    """The way reprocess worked before: each batch extracted in the pool, then the rows derived and
    written in this process while the workers wait; events regrouped at the end."""
    from corpus.extract.pool import extract_all, make_pool
    from corpus.store import reprocess as rp

    ids = [r.id for r in store._read(sa.select(rp.A.c.id).order_by(rp.A.c.id))]
    pool = make_pool(len(ids))
    try:
        for items in store._stored_documents(ids, batch):
            extractions = extract_all([doc for _, doc in items], pool)
            work = [rp.reextract(item, extractor=lambda *_, ex=ex: ex) for item, ex in zip(items, extractions)]
            store._transact(lambda conn: rp._write_all(conn, work))
    finally:
        if pool is not None:
            pool.shutdown()
    store.rebuild_events()
    return len(ids)


def end_to_end(n: int, seed: int = 13) -> dict[str, Any] | None:
    """``ingest_paths`` over n synthetic .txt files into a fresh database, then ``Store.reprocess``;
    each next to the plain way on the same files in the same run (None without ``corpus.ingest``)."""
    try:
        from corpus.ingest import ingest_paths
    except ImportError:
        return None

    folder = WORKDIR / f"files_{n}"
    if not folder.exists():
        synth.write_files(n, folder, seed=seed, truth_file=False)
    cores = os.cpu_count() or 1
    out: dict[str, Any] = {"n": n, "load_before": os.getloadavg()}
    plain_store = _fresh_store(f"ingest_plain_{n}.sqlite")
    _, wall, busy = _timed(lambda: plain_ingest(plain_store, folder))
    out["plain"] = {"seconds": wall, "per_s": n / wall, "per_core_per_s": n / wall / cores, "cores_used": busy}
    store = _fresh_store(f"ingest_{n}.sqlite")
    results, wall, busy = _timed(lambda: ingest_paths(store, [folder], who="bench"))
    out |= {"seconds": wall, "per_s": n / wall, "per_core_per_s": n / wall / cores, "cores_used": busy,
            "stored": store.count(), "statuses": _statuses(results)}
    out["same_as_plain"] = store.count() == plain_store.count()
    try:
        _, wall, busy = _timed(store.reprocess)
        out |= {"reprocess_s": wall, "reprocess_per_s": out["stored"] / wall, "reprocess_cores_used": busy}
        _, wall, busy = _timed(lambda: plain_reprocess(plain_store))
        out["plain_reprocess"] = {"seconds": wall, "per_s": out["stored"] / wall, "cores_used": busy}
    except Exception as exc:  # not wired up yet
        out["reprocess_error"] = " ".join(f"{type(exc).__name__}: {exc}".split())[:200]
    out["load_after"] = os.getloadavg()
    store.close()
    plain_store.close()
    shutil.rmtree(folder, ignore_errors=True)
    return out


def grouping(url: str, naive_sizes: tuple[int, ...] = (2_000, 5_000)) -> dict[str, Any]:
    """Event grouping of a stored corpus: ``Store.rebuild_events`` in full, then the clustering
    alone, day-blocked next to the all-pairs reference on the first articles (the reference is
    quadratic: the whole corpus would take hours)."""
    from corpus.extract.events import EveryEvent
    from corpus.store import Store
    from corpus.store import events as store_events

    store = Store(url)
    out: dict[str, Any] = {"load_before": os.getloadavg()}
    groups, out["rebuild_events_s"], _ = _timed(store.rebuild_events)
    with store.engine.connect() as conn:
        items, out["read_s"], _ = _timed(lambda: store_events._meeting_items(conn))
    out["meetings"], out["events"] = len(items), groups
    _, out["cluster_s"], _ = _timed(lambda: store_events._cluster(items))
    by_size = {}
    for size in naive_sizes:
        ids = sorted({it["article_id"] for it in items})[:size]
        subset = [it for it in items if it["article_id"] <= ids[-1]]
        ours, ours_s, _ = _timed(lambda: store_events._cluster(subset))
        every, every_s, _ = _timed(lambda: store_events._cluster(subset, EveryEvent))
        by_size[size] = {"ours_s": ours_s, "all_pairs_s": every_s, "equal": ours == every}
    out["by_size"] = by_size
    out["load_after"] = os.getloadavg()
    store.close()
    return out


def _statuses(results: Any) -> dict[str, int]:
    counts: dict[str, int] = {}
    for r in results or []:
        status = getattr(r, "status", None) or (r.get("status") if isinstance(r, dict) else "?")
        counts[status] = counts.get(status, 0) + 1
    return counts
