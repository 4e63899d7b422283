"""read → extract → de-duplicate → store, with one result per document read.

Extraction of large batches runs in a small process pool (``extract.pool``; it is pure Python and
CPU-bound), and so does preparing each article for the store (normalised text, hash, near-duplicate
keys, index terms); storing is single-writer and batched (``Store.add_prepared``: one transaction
per batch) and overlaps with the workers extracting the next batches. Meeting events are rebuilt
once at the end, so undated meetings link to events across the whole corpus.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from . import config
from .collection import collection_paused
from .extract import extract_document
from .extract.pool import in_batches, make_pool
from .models import RawDocument, ReadProblem
from .store import AddResult, Prepared, Store, prepare

log = logging.getLogger(__name__)

BATCH = 200  # documents per write transaction
Progress = Callable[[int, int], None]


@dataclass
class FileResult:
    source: str
    status: str  # added | duplicate | source_added | rejected
    article_id: int | None = None
    duplicate_of: int | None = None
    reason: str | None = None


@dataclass
class IngestSummary:
    count: int = 0
    added: int = 0
    duplicates: int = 0
    rejected: int = 0


def _to_result(doc: RawDocument, added: AddResult) -> FileResult:
    return FileResult(doc.source, added.status, added.article_id, added.duplicate_of)


def extract_and_prepare(doc: RawDocument) -> Prepared:
    """What a worker does for one document: extraction, then the store's preparation of it."""
    with collection_paused():  # both build short-lived containers only: collected once, after
        return prepare(doc, extract_document(doc.text, doc.source, dict(doc.hints)))


def _store_batch(store: Store, batch: list[Prepared], who: str) -> list[FileResult]:
    """One transaction for the batch; if it fails for a reason retries cannot fix, one by one."""
    try:
        return [_to_result(p.doc, r) for p, r in zip(batch, store.add_prepared(batch, who))]
    except Exception:  # noqa: BLE001 - find the document at fault, keep the others
        log.exception("batch insert failed; storing one by one")
    out = []
    for p in batch:
        try:
            out.append(_to_result(p.doc, store.add_prepared([p], who)[0]))
        except Exception as exc:  # noqa: BLE001
            log.exception("could not store %r", p.doc.source)
            out.append(FileResult(p.doc.source, "rejected", reason=f"could not be stored ({type(exc).__name__})"))
    return out


def ingest_documents(store: Store, items: Iterable[RawDocument | ReadProblem], who: str = "cli",
                     progress: Progress | None = None, total: int | None = None,
                     rebuild: bool = True, use_pool: bool = True) -> list[FileResult]:
    """Store documents already read; results in input order. Rebuilds events if anything changed."""
    items = list(items)
    total = total or len(items)
    results: list[FileResult | None] = [None] * len(items)
    from .preview import not_arabic_reason  # the Upload page's language policy, shared
    pending: list[tuple[int, RawDocument]] = []
    for i, item in enumerate(items):
        if isinstance(item, ReadProblem):
            results[i] = FileResult(item.source, "rejected", reason=item.reason)
        elif not (item.text or "").strip():
            results[i] = FileResult(item.source, "rejected", reason="no text found")
        elif (refused := not_arabic_reason(item.text)) is not None:
            results[i] = FileResult(item.source, "rejected", reason=refused)
        else:
            pending.append((i, item))
    done = len(items) - len(pending)
    pool = None
    if use_pool and pending:
        pool = make_pool(len(pending), warm=lambda: extract_and_prepare(pending[0][1]))
    try:
        starts = range(0, len(pending), BATCH)
        docs = ([doc for _, doc in pending[start:start + BATCH]] for start in starts)
        for start, batch in zip(starts, in_batches(extract_and_prepare, docs, pool)):
            with collection_paused():  # the batch's rows and statements: freed when it is written
                stored = _store_batch(store, batch, who)
            for (i, _), result in zip(pending[start:start + BATCH], stored):
                results[i] = result
            done += len(batch)
            if progress:
                progress(done, total)
    finally:
        if pool is not None:
            pool.shutdown()
    final = [r for r in results if r is not None]
    _mark_removed_duplicates(store, final)
    if rebuild and any(r.status in ("added", "source_added") for r in final):
        store.rebuild_events()
    return final


def removed_duplicate_reason(article_id: int) -> str:
    """Why a file was not stored although nothing visible holds its text, and how to get it back."""
    return (f"article {article_id} holds this text but was removed: restore it with "
            f"`python -m corpus restore {article_id}` or on the Upload page (removed articles)")


def _mark_removed_duplicates(store: Store, results: list[FileResult]) -> None:
    targets = {r.duplicate_of or r.article_id: r for r in results
               if r.status in ("duplicate", "source_added")}
    if not targets:
        return
    try:
        removed = store.removed_ids(targets)
    except Exception:  # noqa: BLE001 - a store without the query: results as they are
        return
    for r in results:
        target = r.duplicate_of or r.article_id
        if r.status in ("duplicate", "source_added") and target in removed:
            r.reason = removed_duplicate_reason(target)


def ingest_paths(store: Store, paths: Iterable[str | Path], who: str = "cli",
                 progress: Progress | None = None) -> list[FileResult]:
    """Files, folders and archives → stored articles; one result per document found."""
    from .readers import read_path
    items: list[RawDocument | ReadProblem] = []
    for path in paths:
        items.extend(read_path(path))
    return ingest_documents(store, items, who, progress)


def ingest_bytes(store: Store, name: str, data: bytes, who: str = "upload") -> list[FileResult]:
    """An upload (its name picks the format) → stored articles; same results as ``ingest_paths``.

    No process pool: this runs inside the web server, where starting processes is unwelcome. Events
    are regrouped lazily by the next reader (``Store.ensure_events``), not once per upload.
    """
    from .readers import read_bytes
    return ingest_documents(store, read_bytes(data, name), who, rebuild=False, use_pool=False)


def ingest_texts(store: Store, items: Iterable[tuple[str, str]], who: str = "cli",
                 progress: Progress | None = None, batch: int = 2000) -> IngestSummary:
    """Bulk path for plain texts ``(name, text)``, streamed in batches (scale tests, synth)."""
    summary = IngestSummary()
    chunk: list[RawDocument] = []

    def flush() -> None:
        for r in ingest_documents(store, chunk, who, rebuild=False):
            summary.count += 1
            summary.added += r.status == "added"
            summary.duplicates += r.status in ("duplicate", "source_added")
            summary.rejected += r.status == "rejected"
        chunk.clear()
        if progress:
            progress(summary.count, 0)

    for name, text in items:
        chunk.append(RawDocument(source=name, text=text, fmt="txt"))
        if len(chunk) >= batch:
            flush()
    if chunk:
        flush()
    if summary.added or summary.duplicates:
        store.rebuild_events()
    return summary


def ensure_built(store: Store, raw_dir: Path | str = config.RAW_DIR) -> int:
    """Build the database from the bundled articles when it holds none; returns articles added."""
    raw_dir = Path(raw_dir)
    if store.total_count() > 0 or not raw_dir.is_dir():
        return 0
    results = ingest_paths(store, [raw_dir], who="bundled")
    return sum(r.status == "added" for r in results)
