"""Extraction of many documents, in a small process pool when the batch is large enough.

Extraction is pure Python and CPU-bound; ingest and ``Store.reprocess`` both run their batches
through here. Workers are spawned, not forked: callers (Streamlit) run threads, and forking a
threaded process is unsafe.
"""
from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from typing import Sequence

from ..models import Extraction, RawDocument
from . import extract_document

POOL_MIN_DOCS = 40  # below this a process pool costs more than it saves
MAX_WORKERS = 2


def _extract_one(doc: RawDocument) -> Extraction:
    return extract_document(doc.text, doc.source, dict(doc.hints))


def extract_all(docs: Sequence[RawDocument], pool: ProcessPoolExecutor | None) -> list[Extraction]:
    """Extractions of ``docs`` in order; through ``pool`` when there is one and the batch is big."""
    if pool is None or len(docs) < POOL_MIN_DOCS:
        return [_extract_one(d) for d in docs]
    return list(pool.map(_extract_one, docs, chunksize=max(1, len(docs) // (4 * MAX_WORKERS))))


def make_pool(n_docs: int) -> ProcessPoolExecutor | None:
    """A process pool for ``n_docs`` documents, or None when they are too few (or one core)."""
    workers = min(MAX_WORKERS, os.cpu_count() or 1)
    if n_docs < POOL_MIN_DOCS or workers < 2:
        return None
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))
