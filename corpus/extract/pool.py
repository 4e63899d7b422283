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
Tag = TypeVar("Tag")


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
    for _, out in in_tagged_batches(fn, ((None, chunk) for chunk in batches), pool):
        yield out


def in_tagged_batches(fn: Callable[[In], Out], batches: Iterable[tuple[Tag, Sequence[In]]],
                      pool: ProcessPoolExecutor | None) -> Iterator[tuple[Tag, list[Out]]]:
    """``in_batches`` of ``(tag, batch)`` pairs, each batch's results yielded with its tag (what
    the caller needs to put them back in place). With a pool, every batch goes to it, however
    small: the workers are running already, and a batch done here would keep the caller from
    storing while they wait."""
    queued: deque[tuple[Tag, Iterator[Out]]] = deque()
    for tag, chunk in batches:
        if pool is None:
            yield tag, [fn(item) for item in chunk]
            continue
        queued.append((tag, pool.map(fn, chunk, chunksize=_chunksize(len(chunk)))))
        if len(queued) > AHEAD:
            tag_done, done = queued.popleft()
            yield tag_done, list(done)
    while queued:
        tag_done, done = queued.popleft()
        yield tag_done, list(done)


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
