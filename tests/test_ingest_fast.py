"""The fast ingest (files read here, extraction and preparation in forked workers, duplicate checks
of a batch answered from one read: ``BatchCopies``) stores what storing the same files one by one
stores, each article checked by the per-article SQL (``duplicates.stored_copy``)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
import sqlalchemy as sa

from corpus import ingest
from corpus.extract import extract_document
from corpus.extract import pool as extract_pool
from corpus.models import RawDocument
from corpus.readers import read_path
from corpus.store import Store, batchcopies, duplicates, schema, writes

from ingest_support import documents, dump

ROOT = Path(__file__).resolve().parent.parent


def _with_copies(docs: list[RawDocument]) -> list[RawDocument]:
    """``docs`` with, after some of them, an exact copy and a copy cut short by its last 40% of
    lines (same title and day: found by the shortened-copy rule, not the near-duplicate one)."""
    out: list[RawDocument] = []
    for i, doc in enumerate(docs):
        out.append(doc)
        if i % 7 == 3:
            out.append(RawDocument(source=f"copy-{doc.source}", text=doc.text, fmt="txt"))
        if i % 5 == 1:
            lines = doc.text.splitlines()
            cut = "\n".join(lines[:max(3, len(lines) * 3 // 5)])
            if cut.strip() != doc.text.strip():
                out.append(RawDocument(source=f"cut-{doc.source}", text=cut, fmt="txt"))
    return out


def _write_files(docs: list[RawDocument], folder: Path) -> Path:
    folder.mkdir()
    for i, doc in enumerate(docs):
        (folder / f"{i:05d}.txt").write_text(doc.text, encoding="utf-8")
    return folder


class _Checked(batchcopies.BatchCopies):
    """Batch checks that also ask the per-article SQL (right only for batches of one: the rows of
    articles added earlier in a batch are written at its end) and record both answers."""

    answers: list[tuple[int | None, int | None, str]] = []

    def copy_of(self, a: batchcopies.Incoming) -> int | None:
        ours = super().copy_of(a)
        ex = a.extraction
        by_hash = self.conn.execute(duplicates._Q_BY_HASH, {"h": a.content_hash}).scalar()
        near = duplicates.similar_text(self.conn, a.norm_text, a.shingles)
        cut = duplicates.shortened_copy(self.conn, a.norm_text, ex)
        rule = "hash" if by_hash else "near" if near else "cut" if cut else "new"
        reference = duplicates.stored_copy(self.conn, a.content_hash, a.norm_text, a.shingles, ex)
        self.answers.append((ours, reference, rule))
        return ours


def _one_by_one(store: Store, docs: list, monkeypatch: pytest.MonkeyPatch) -> list[tuple[int | None, int | None, str]]:
    """The reference: each document extracted here and stored in a transaction of its own."""
    monkeypatch.setattr(_Checked, "answers", [])
    monkeypatch.setattr(writes, "BatchCopies", _Checked)
    for doc in docs:
        store.add_article(doc, extract_document(doc.text, doc.source, dict(doc.hints)), "cli")
    store.rebuild_events()
    answers = _Checked.answers
    monkeypatch.undo()
    return answers


def _ingest_in_a_fresh_process(url: str, folder: Path, batch: int) -> list[str]:
    """``ingest_paths`` as the command line runs it: in a process where only its thread runs (so
    the workers fork; threads left by other tests in this one would make them spawn)."""
    code = ("import json; from corpus import ingest; from corpus.extract import pool; from corpus.store import Store\n"
            f"ingest.BATCH = {batch}\n"
            "method = pool.start_method()\n"
            f"results = ingest.ingest_paths(Store({url!r}), [{str(folder)!r}], who='cli')\n"
            "print(json.dumps([method, [r.status for r in results]]))")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env, check=True)
    method, statuses = json.loads(done.stdout.strip().splitlines()[-1])
    if sys.platform.startswith("linux"):
        assert method == "fork"  # the path the command line takes
    return statuses


def test_fast_ingest_of_files_stores_what_storing_them_one_by_one_stores(tmp_path, monkeypatch):
    docs = _with_copies(documents())
    folder = _write_files(docs, tmp_path / "files")
    read = [d for d in read_path(folder) if isinstance(d, RawDocument)]
    assert len(read) == len(docs)
    batch = extract_pool.POOL_MIN_DOCS + 20  # several batches, copies often in their original's
    monkeypatch.setattr(ingest, "BATCH", batch)
    fast_url = f"sqlite:///{tmp_path / 'fast.sqlite'}"
    statuses = _ingest_in_a_fresh_process(fast_url, folder, batch)
    fast, plain = Store(fast_url), Store(f"sqlite:///{tmp_path / 'plain.sqlite'}")
    answers = _one_by_one(plain, [d for d in read if d.text.strip()], monkeypatch)
    assert [ours for ours, _, _ in answers] == [reference for _, reference, _ in answers]
    rules = Counter(rule for _, _, rule in answers)
    assert rules["hash"] > 20 and rules["near"] > 10 and rules["cut"] > 3 and rules["new"] > 300, rules
    expected, got = dump(plain), dump(fast)
    assert Counter(statuses)["source_added"] == rules["hash"] + rules["near"] + rules["cut"]
    assert expected["events"] and expected["figures"] and expected["shingles"]
    for name in expected:
        assert got[name] == expected[name], name


def test_fast_ingest_into_postgresql_finds_the_copies_storing_one_by_one_finds(pg_url, tmp_path, monkeypatch):
    """PostgreSQL (the batch's IN lists of titles and days, workers forked beside pooled
    connections): the same status and stored article for every file as the one-by-one reference
    (on SQLite: the same ids, since both number rows in insertion order), the same row counts."""
    docs = _with_copies(documents()[:200])
    folder = _write_files(docs, tmp_path / "files")
    monkeypatch.setattr(ingest, "BATCH", extract_pool.POOL_MIN_DOCS + 20)
    fast = Store(pg_url)
    results = ingest.ingest_paths(fast, [folder], who="cli")
    plain = Store(f"sqlite:///{tmp_path / 'plain.sqlite'}")
    reference = []
    for doc in read_path(folder):
        assert isinstance(doc, RawDocument)
        reference.append(plain.add_article(doc, extract_document(doc.text, doc.source, dict(doc.hints)), "cli"))
    assert [(r.status, r.article_id, r.duplicate_of) for r in results] == \
        [(r.status, r.article_id, r.duplicate_of) for r in reference]
    assert Counter(r.status for r in results)["source_added"] > 20
    assert _row_counts(fast) == _row_counts(plain)


def _row_counts(store: Store) -> dict[str, int]:
    tables = ("articles", "sources", "meetings", "figures", "topics", "statements", "shingles", "history")
    with store.engine.connect() as conn:
        return {t.name: conn.execute(sa.select(sa.func.count()).select_from(t)).scalar_one()
                for t in schema.metadata.sorted_tables if t.name in tables}


def test_batch_checks_find_copies_added_earlier_in_the_same_batch(tmp_path):
    docs = _with_copies(documents()[:60])
    store = Store(f"sqlite:///{tmp_path / 'one.sqlite'}")
    results = store.add_articles([(d, extract_document(d.text, d.source, dict(d.hints))) for d in docs], "cli")
    by_source = {d.source: r for d, r in zip(docs, results)}
    copies = [s for s in by_source if s.startswith(("copy-", "cut-"))]
    assert len(copies) > 10
    for source in copies:
        original = by_source[source.split("-", 1)[1]]
        assert by_source[source].status == "source_added", source
        assert by_source[source].article_id == original.article_id


def test_workers_fork_only_when_no_other_thread_runs(monkeypatch):
    seen: list[str] = []
    worker = threading.Thread(target=lambda: seen.append(extract_pool.start_method()))
    blocker = threading.Event()
    other = threading.Thread(target=blocker.wait)
    other.start()
    try:
        worker.start()
        worker.join()
    finally:
        blocker.set()
        other.join()
    assert seen == ["spawn"]
    if sys.platform.startswith("linux"):
        # alone (threads other tests left behind are set aside for this check)
        monkeypatch.setattr(threading, "active_count", lambda: 1)
        assert extract_pool.start_method() == "fork"


def _band_keys_per_shingle(norm_text: str) -> list[int]:
    """The reference: MinHash band keys with each shingle's hash made an int on its own."""
    shingles = duplicates.word_shingles(norm_text)
    if not shingles:
        return []
    hashes = np.array([duplicates._hash64(s) for s in shingles], dtype=np.int64).view(np.uint64)
    mins = ((hashes[None, :] ^ duplicates._MASKS[:, None]) * duplicates._MULT).min(axis=1)
    rows = duplicates.ROWS
    return list(dict.fromkeys(duplicates._hash64(f"{b}:{mins[b * rows:(b + 1) * rows].tobytes().hex()}")
                              for b in range(duplicates.BANDS)))


def _shingles_by_slicing(norm_text: str) -> set[str]:
    words = norm_text.split()
    size = duplicates.SHINGLE_SIZE
    return {" ".join(words[i:i + size]) for i in range(max(1, len(words) - size + 1))} if words else set()


def test_shingles_equal_slicing_each_run():
    texts = [duplicates.comparable_text(d.text) for d in documents()[:150]]
    texts += ["", "ا", "ا ب ج", "ا ب ج د", "ا ب ج د ه", "ا ب ا ب ا ب ا ب"]
    for text in texts:
        assert duplicates.word_shingles(text) == _shingles_by_slicing(text)
    assert duplicates.word_shingles("ا ب ج د ه") == {"ا ب ج د", "ب ج د ه"}


def test_band_keys_equal_the_per_shingle_reference():
    texts = [duplicates.comparable_text(d.text) for d in documents()[:150]] + ["", "ا", "ا ب ج", "ا ب ج د ه"]
    keys = [duplicates.shingle_hashes(t) for t in texts]
    assert keys == [_band_keys_per_shingle(t) for t in texts]
    assert sum(len(k) == duplicates.BANDS for k in keys) > 100
