"""Extraction of many documents, in a small process pool when the batch is large enough.

Extraction is pure Python and CPU-bound; ingest and ``Store.reprocess`` both run their batches
through here. Workers are forked when this process runs no other thread (the CLI, benchmarks,
tests): they start at once, with the modules and lexicons the caller loaded before (``warm``).
Otherwise (Streamlit runs the app's scripts in threads, and forking a threaded process is unsafe)
they are spawned, and each imports the extraction and loads its lexicons itself (~1 s of CPU).

``in_batches`` keeps the workers busy while the caller stores a batch: the next batch is handed to
the pool before the current one is yielded, so extraction and the single writer overlap.
"""
from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Iterable, Iterator, Sequence, TypeVar

from ..models import Extraction, RawDocument
from . import extract_document

POOL_MIN_DOCS = 40  # below this a process pool costs more than it saves
MAX_WORKERS = 2
AHEAD = 2  # batches handed to the pool before the caller's current one (bounds memory)

In = TypeVar("In")
Out = TypeVar("Out")


def _extract_one(doc: RawDocument) -> Extraction:
    return extract_document(doc.text, doc.source, dict(doc.hints))


def _chunksize(n_docs: int) -> int:
    return max(1, n_docs // (4 * MAX_WORKERS))


def extract_all(docs: Sequence[RawDocument], pool: ProcessPoolExecutor | None) -> list[Extraction]:
    """Extractions of ``docs`` in order; through ``pool`` when there is one and the batch is big."""
    if pool is None or len(docs) < POOL_MIN_DOCS:
        return [_extract_one(d) for d in docs]
    return list(pool.map(_extract_one, docs, chunksize=_chunksize(len(docs))))


def in_batches(fn: Callable[[In], Out], batches: Iterable[Sequence[In]],
               pool: ProcessPoolExecutor | None) -> Iterator[list[Out]]:
    """``fn`` of each item, yielded a batch at a time in input order. With a pool, up to ``AHEAD``
    later batches are already being worked on while the caller handles one (batches are read
    from ``batches`` only that far ahead)."""
    queued: deque[Iterator[Out]] = deque()
    for chunk in batches:
        if pool is None or len(chunk) < POOL_MIN_DOCS:
            while queued:
                yield list(queued.popleft())
            yield [fn(item) for item in chunk]
            continue
        queued.append(pool.map(fn, chunk, chunksize=_chunksize(len(chunk))))
        if len(queued) > AHEAD:
            yield list(queued.popleft())
    while queued:
        yield list(queued.popleft())


def start_method() -> str:
    """``fork`` on Linux when only this thread runs (forked workers share what is loaded), else ``spawn``."""
    if sys.platform.startswith("linux") and threading.active_count() == 1:
        return "fork"
    return "spawn"


def make_pool(n_docs: int, warm: Callable[[], object] | None = None) -> ProcessPoolExecutor | None:
    """A process pool for ``n_docs`` documents, or None when they are too few (or one core).
    ``warm`` (loading what the workers' first call would load) runs here first when they fork."""
    workers = min(MAX_WORKERS, os.cpu_count() or 1)
    if n_docs < POOL_MIN_DOCS or workers < 2:
        return None
    method = start_method()
    if method == "fork" and warm is not None:
        warm()
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method))
