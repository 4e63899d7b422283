"""Ingest and reprocess throughput: extraction per core, the store's write path, end-to-end ingest."""
from __future__ import annotations

import multiprocessing as mp
import os
import resource
import shutil
import time
from pathlib import Path
from typing import Any

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


def end_to_end(n: int, seed: int = 13) -> dict[str, Any] | None:
    """``ingest_paths`` over n synthetic .txt files into a fresh database (None without it)."""
    try:
        from corpus.ingest import ingest_paths
    except ImportError:
        return None
    from corpus.store import Store

    folder = WORKDIR / f"files_{n}"
    if not folder.exists():
        synth.write_files(n, folder, seed=seed, truth_file=False)
    path = WORKDIR / f"ingest_{n}.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    store = Store(f"sqlite:///{path}")
    start, cpu = time.perf_counter(), _cpu()
    results = ingest_paths(store, [folder], who="bench")
    wall = time.perf_counter() - start
    cores = os.cpu_count() or 1
    out = {"n": n, "seconds": wall, "per_s": n / wall, "per_core_per_s": n / wall / cores,
           "cores_used": (_cpu() - cpu) / wall, "stored": store.count(),
           "statuses": _statuses(results)}
    start = time.perf_counter()
    try:
        store.reprocess()
        out["reprocess_s"] = time.perf_counter() - start
        out["reprocess_per_s"] = out["stored"] / out["reprocess_s"]
    except Exception as exc:  # not wired up yet
        out["reprocess_error"] = " ".join(f"{type(exc).__name__}: {exc}".split())[:200]
    store.close()
    shutil.rmtree(folder, ignore_errors=True)
    return out


def _statuses(results: Any) -> dict[str, int]:
    counts: dict[str, int] = {}
    for r in results or []:
        status = getattr(r, "status", None) or (r.get("status") if isinstance(r, dict) else "?")
        counts[status] = counts.get(status, 0) + 1
    return counts
