"""Ingest as a stream: files read while the workers extract, and a document met again in the same
run (same text and hints) not extracted again. Results, their order, the rejections' reasons and
every stored row are those of extracting and storing each document on its own."""
from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

from corpus import ingest
from corpus.extract import extract_document
from corpus.extract import pool as extract_pool
from corpus.language import not_arabic_reason
from corpus.models import RawDocument, ReadProblem
from corpus.readers import iter_path, read_path
from corpus.store import Store

from ingest_support import documents, dump

ENGLISH = "Putin met Aliyev in Baku to discuss trade and energy, the ministry said on Monday."
DIGITS = "2024 - 19 - 08 | 15:40"


def _reference(store: Store, items: list[RawDocument | ReadProblem]) -> list[tuple]:
    """What ingest reported before: rejections by the same rules, every other document extracted
    and stored one at a time, in input order; events grouped at the end."""
    out: list[tuple] = []
    for item in items:
        if isinstance(item, ReadProblem):
            out.append((item.source, "rejected", None, None, item.reason))
        elif not item.text.strip():
            out.append((item.source, "rejected", None, None, "no text found"))
        elif (reason := not_arabic_reason(item.text)) is not None:
            out.append((item.source, "rejected", None, None, reason))
        else:
            r = store.add_article(item, extract_document(item.text, item.source, dict(item.hints)), "cli")
            out.append((item.source, r.status, r.article_id, r.duplicate_of, None))
    store.rebuild_events()
    return out


def _as_tuples(results: list[ingest.FileResult]) -> list[tuple]:
    return [(r.source, r.status, r.article_id, r.duplicate_of, r.reason) for r in results]


def _with_exact_copies(docs: list[RawDocument]) -> list[RawDocument]:
    """``docs`` with exact copies: right after their original, a few batches later, and copies of
    copies; one copy with other hints (extracted on its own: hints can change the extraction)."""
    out: list[RawDocument] = []
    for i, doc in enumerate(docs):
        out.append(doc)
        if i % 9 == 0:
            out.append(RawDocument(f"next-{doc.source}", doc.text, "md", "utf-8"))
    for i in range(3, len(docs), 11):
        out.append(RawDocument(f"late-{docs[i].source}", docs[i].text, "txt"))
        out.append(RawDocument(f"later-{docs[i].source}", docs[i].text, "txt"))
    out.append(RawDocument("hinted.html", docs[0].text, "html", hints={"title": "عنوان آخر", "outlet": "RT"}))
    return out


def test_copies_in_one_run_are_not_extracted_again_and_store_what_they_stored(tmp_path, monkeypatch):
    docs = _with_exact_copies(documents()[:150])
    plain = Store(f"sqlite:///{tmp_path / 'plain.sqlite'}")
    expected = _reference(plain, docs)
    extracted: list[str] = []

    def counted(doc: RawDocument):
        extracted.append(doc.source)
        return extract_and_prepare(doc)

    extract_and_prepare = ingest.extract_and_prepare
    monkeypatch.setattr(ingest, "extract_and_prepare", counted)
    monkeypatch.setattr(ingest, "BATCH", 40)
    monkeypatch.setattr(ingest, "REUSE_WINDOW", 60)  # some originals out of the window: extracted again
    streamed = Store(f"sqlite:///{tmp_path / 'streamed.sqlite'}")
    got = _as_tuples(ingest.ingest_documents(streamed, docs, who="cli", use_pool=False))
    assert got == expected
    assert dump(streamed) == dump(plain)
    statuses = Counter(status for _, status, *_ in got)
    assert statuses["source_added"] >= 30 and statuses["added"] > 100
    assert "hinted.html" in extracted  # other hints: its own extraction
    assert not any(s.startswith("next-") for s in extracted)  # the copy right after its original
    late = [s for s in extracted if s.startswith(("late-", "later-"))]
    assert 0 < len(late) < sum(s.startswith(("late-", "later-")) for s, *_ in got)  # some out of the window
    assert not any(s.startswith("later-") and f"late-{s[6:]}" not in extracted for s in late)


def test_copies_with_the_pool_store_what_they_stored(tmp_path, monkeypatch):
    docs = _with_exact_copies(documents()[:120])
    plain = Store(f"sqlite:///{tmp_path / 'plain.sqlite'}")
    expected = _reference(plain, docs)
    monkeypatch.setattr(ingest, "BATCH", extract_pool.POOL_MIN_DOCS + 5)
    pooled = Store(f"sqlite:///{tmp_path / 'pooled.sqlite'}")
    assert _as_tuples(ingest.ingest_documents(pooled, docs, who="cli")) == expected
    assert dump(pooled) == dump(plain)


def _mixed_folder(folder: Path, docs: list[RawDocument]) -> Path:
    """Arabic articles with, between them, English, digits only, an empty file, an unsupported
    type, a hidden file and an exact copy."""
    folder.mkdir()
    for i, doc in enumerate(docs):
        (folder / f"{i:04d}.txt").write_text(doc.text, encoding="utf-8")
    (folder / "0007a.txt").write_text(ENGLISH, encoding="utf-8")
    (folder / "0031a.txt").write_text(DIGITS, encoding="utf-8")
    (folder / "0052a.txt").write_text("  \n", encoding="utf-8")
    (folder / "0066a.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    (folder / ".hidden.txt").write_text(ENGLISH, encoding="utf-8")
    (folder / "0090a.txt").write_text(docs[3].text, encoding="utf-8")
    sub = folder / "sub"
    sub.mkdir()
    (sub / "z.txt").write_text(ENGLISH, encoding="utf-8")
    (sub / "a.txt").write_text(docs[5].text, encoding="utf-8")
    return folder


def test_rejections_in_a_big_run_keep_their_reason_and_place(tmp_path, monkeypatch):
    folder = _mixed_folder(tmp_path / "files", documents()[:110])
    read = read_path(folder)
    plain = Store(f"sqlite:///{tmp_path / 'plain.sqlite'}")
    expected = _reference(plain, read)
    monkeypatch.setattr(ingest, "BATCH", extract_pool.POOL_MIN_DOCS + 5)
    seen: list[tuple[int, int]] = []
    streamed = Store(f"sqlite:///{tmp_path / 'streamed.sqlite'}")
    got = _as_tuples(ingest.ingest_paths(streamed, [folder], who="cli", progress=lambda *a: seen.append(a)))
    assert got == expected
    assert dump(streamed) == dump(plain)
    rejected = {source.rsplit("/", 1)[-1]: reason for source, status, _, _, reason in got if status == "rejected"}
    assert set(rejected) == {"0007a.txt", "0031a.txt", "0052a.txt", "0066a.doc", "z.txt"}
    assert rejected["0007a.txt"] == not_arabic_reason(ENGLISH) and "no text" in rejected["0052a.txt"]
    assert seen[-1] == (len(read), len(read))  # the total once every file is read
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)


def test_progress_of_a_list_knows_its_total_from_the_start(tmp_path):
    docs = documents()[:5] + [RawDocument("en.txt", ENGLISH, "txt"), RawDocument("blank.txt", " \n", "txt")]
    seen: list[tuple[int, int]] = []
    store = Store(f"sqlite:///{tmp_path / 'one.sqlite'}")
    results = ingest.ingest_documents(store, docs, progress=lambda *a: seen.append(a), use_pool=False)
    assert [(r.status, r.reason) for r in results][-2:] == [("rejected", not_arabic_reason(ENGLISH)),
                                                          ("rejected", "no text found")]
    assert seen == [(7, 7)]


def test_nothing_to_read_gives_no_results(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'one.sqlite'}")
    assert ingest.ingest_documents(store, iter(())) == []
    assert ingest.ingest_documents(store, [ReadProblem("x.doc", "unsupported")]) == [
        ingest.FileResult("x.doc", "rejected", reason="unsupported")]
    assert store.count() == 0


def test_iter_path_reads_what_read_path_reads_one_file_at_a_time(tmp_path):
    folder = _mixed_folder(tmp_path / "files", documents()[:8])
    os.symlink(folder / "0001.txt", folder / "0002b.txt")
    found = iter_path(folder)
    first = next(found)
    assert isinstance(first, RawDocument) and first.source.endswith("0000.txt")
    assert [first, *found] == read_path(folder)
    assert list(iter_path(tmp_path / "missing.txt")) == read_path(tmp_path / "missing.txt")
    assert list(iter_path(folder / "0001.txt")) == read_path(folder / "0001.txt")


def test_every_batch_goes_to_the_pool_once_there_is_one():
    pool = extract_pool.make_pool(extract_pool.POOL_MIN_DOCS)
    assert pool is not None
    try:
        batches = [("a", [-1, -2, -3]), ("b", [-4]), ("c", []), ("d", list(range(-50, 0)))]
        got = list(extract_pool.in_tagged_batches(abs, batches, pool))
    finally:
        pool.shutdown()
    assert got == [(tag, [abs(x) for x in xs]) for tag, xs in batches]
    assert list(extract_pool.in_batches(abs, [[-1], [-2, -3]], None)) == [[1], [2, 3]]
