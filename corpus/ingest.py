"""read → extract → de-duplicate → store, with one result per document read.

Extraction of large batches runs in a small process pool (``extract.pool``; it is pure Python and
CPU-bound), and so does preparing each article for the store (normalised text, hash, near-duplicate
keys, index terms); storing is single-writer and batched (``Store.add_prepared``: one transaction
per batch) and overlaps with the workers extracting the next batches. Documents are read as the
work goes (the workers start on the first batch while the next files are read), and a document
with the same text and hints as one met shortly before in the run is not extracted again: it
reuses that one's preparation (the store still decides it is a copy). Meeting events are rebuilt
once at the end, so undated meetings link to events across the whole corpus.
"""
from __future__ import annotations

import itertools
import logging
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sized

from . import config
from .collection import collection_paused
from .extract import extract_document
from .extract.pool import in_tagged_batches, make_pool
from .language import not_arabic_reason
from .models import RawDocument, ReadProblem
from .readers import iter_path
from .store import AddResult, Prepared, Store, prepare, prepared_copy

log = logging.getLogger(__name__)

BATCH = 200  # documents per write transaction
REUSE_WINDOW = 1000  # documents of a run remembered, by text, so that a copy is not extracted again
# Hint values whose repr tells two of them apart (a document with other hints is extracted anew).
PLAIN_HINTS = (str, int, float, bool, type(None))
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
    """Store documents; results in input order. Rebuilds events if anything changed.

    ``items`` is consumed as the work goes (``ingest_paths`` reads files while the workers extract
    the first ones); ``progress`` gets ``total`` when given, else the number of items once known
    (a list's length at once, a stream's when it ends; 0 until then)."""
    run = _Run(total or (len(items) if isinstance(items, Sized) else 0))
    batches = _batches(items, run, _Copies())
    first = next(batches, None)
    if first is None:
        return run.finish(store, rebuild)
    pool = None
    if use_pool:  # sized on the first batch: BATCH documents, or all of them when fewer
        pool = make_pool(len(first), warm=lambda: extract_and_prepare(first[0].doc))
    try:
        tagged = ((batch, _to_extract(batch)) for batch in itertools.chain([first], batches))
        for batch, extracted in in_tagged_batches(extract_and_prepare, tagged, pool):
            with collection_paused():  # the batch's rows and statements: freed when it is written
                stored = _store_batch(store, _assemble(batch, extracted), who)
            run.record(batch, stored, progress)
    finally:
        if pool is not None:
            pool.shutdown()
    return run.finish(store, rebuild)


@dataclass
class _Slot:
    """A document to store, at its place in the input: extracted by the workers, or a copy of an
    earlier document of this run (same text and hints: the same extraction) that reuses its
    ``original``'s preparation."""

    index: int
    doc: RawDocument
    original: _Slot | None = None
    prepared: Prepared | None = None  # an original's, once extracted (kept for its copies)


class _Copies:
    """The documents of this run seen last (``REUSE_WINDOW`` of them), by text and hints: a document
    met again is not extracted again. A copy holds its original's slot, so the original stays at
    hand until the copy is stored, whatever the window drops."""

    def __init__(self) -> None:
        self.seen: OrderedDict[tuple[str, str], _Slot] = OrderedDict()

    def slot(self, index: int, doc: RawDocument) -> _Slot:
        key = _reuse_key(doc)
        if key is None:
            return _Slot(index, doc)
        original = self.seen.get(key)
        if original is not None:
            self.seen.move_to_end(key)
            return _Slot(index, doc, original)
        self.seen[key] = slot = _Slot(index, doc)
        if len(self.seen) > REUSE_WINDOW:
            self.seen.popitem(last=False)
        return slot


def _reuse_key(doc: RawDocument) -> tuple[str, str] | None:
    """What extraction and preparation depend on (text and hints; the source only names the
    document in logs), or None when a hint is not a plain value whose repr tells it apart."""
    if not all(isinstance(v, PLAIN_HINTS) for v in doc.hints.values()):
        return None
    return doc.text, repr(sorted(doc.hints.items()))


@dataclass
class _Run:
    """One ingest's results in input order, filled as documents are read (rejections) and stored."""

    total: int
    results: list[FileResult | None] = field(default_factory=list)
    done: int = 0

    def read(self, item: RawDocument | ReadProblem) -> RawDocument | None:
        """Note one item read: the document to store, or None when its rejection is its result."""
        rejected = _rejection(item)
        self.results.append(rejected)
        self.done += rejected is not None
        return item if rejected is None and isinstance(item, RawDocument) else None

    def record(self, batch: list[_Slot], stored: list[FileResult], progress: Progress | None) -> None:
        for slot, result in zip(batch, stored):
            self.results[slot.index] = result
        self.done += len(batch)
        if progress:
            progress(self.done, self.total)

    def finish(self, store: Store, rebuild: bool) -> list[FileResult]:
        final = [r for r in self.results if r is not None]
        _mark_removed_duplicates(store, final)
        if rebuild and any(r.status in ("added", "source_added") for r in final):
            store.rebuild_events()
        return final


def _rejection(item: RawDocument | ReadProblem) -> FileResult | None:
    """The result of an item ingest does not store (unreadable, empty, not Arabic), else None."""
    if isinstance(item, ReadProblem):
        return FileResult(item.source, "rejected", reason=item.reason)
    if not (item.text or "").strip():
        return FileResult(item.source, "rejected", reason="no text found")
    if (refused := not_arabic_reason(item.text)) is not None:
        return FileResult(item.source, "rejected", reason=refused)
    return None


def _batches(items: Iterable[RawDocument | ReadProblem], run: _Run, copies: _Copies) -> Iterator[list[_Slot]]:
    """The documents to store, ``BATCH`` at a time, as ``items`` are read (rejections go to ``run``)."""
    batch: list[_Slot] = []
    for item in items:
        index = len(run.results)
        if (doc := run.read(item)) is not None:
            batch.append(copies.slot(index, doc))
            if len(batch) == BATCH:
                yield batch
                batch = []
    run.total = run.total or len(run.results)  # every item read: the total is known
    if batch:
        yield batch


def _to_extract(batch: list[_Slot]) -> list[RawDocument]:
    return [slot.doc for slot in batch if slot.original is None]


def _assemble(batch: list[_Slot], extracted: list[Prepared]) -> list[Prepared]:
    """The batch's preparations in order: the workers' for originals, their original's for copies
    (an original comes before its copies, in this batch or an earlier one, already assembled)."""
    fresh = iter(extracted)
    out = []
    for slot in batch:
        if slot.original is None:
            slot.prepared = next(fresh)
            out.append(slot.prepared)
        else:
            assert slot.original.prepared is not None  # assembled before: it comes first
            out.append(prepared_copy(slot.original.prepared, slot.doc))
    return out


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
    items = (item for path in paths for item in iter_path(path))  # read while the workers extract
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
