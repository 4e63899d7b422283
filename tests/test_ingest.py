"""Ingest: files, folders, uploads → stored articles with per-document results; idempotent."""
from __future__ import annotations

import io
import zipfile

import pytest

from corpus.extract import pool as extract_pool
from corpus.ingest import ensure_built, ingest_bytes, ingest_paths, ingest_texts
from corpus.store import Store

ARTICLE_1 = ("بوتين يستقبل علييف في سوتشي\n\n"
             "استقبل الرئيس الروسي فلاديمير بوتين نظيره الأذربيجاني إلهام علييف في سوتشي يوم "
             "الجمعة 12 أكتوبر 2018، وبحث الجانبان التعاون الاقتصادي والتجارة بين البلدين.\n")
ARTICLE_2 = ("اتصال هاتفي بين بوتين وعلييف\n\n"
             "أجرى الرئيس فلاديمير بوتين اتصالا هاتفيا مع الرئيس إلهام علييف يوم 3 مارس 2022 "
             "تناول العلاقات الثنائية ومشروعات النقل والطاقة.\n")


@pytest.fixture
def folder(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "one.txt").write_text(ARTICLE_1, encoding="utf-8")
    (d / "two.txt").write_text(ARTICLE_2, encoding="cp1256")  # legacy Arabic encoding
    (d / "copy-of-one.txt").write_text(ARTICLE_1, encoding="utf-8")
    (d / "empty.txt").write_text("   \n", encoding="utf-8")
    return d


def test_text_that_is_not_arabic_is_refused(sqlite_url, tmp_path):
    (tmp_path / "en.txt").write_text("Putin met Aliyev in Baku to discuss trade and energy.", encoding="utf-8")
    (tmp_path / "digits.txt").write_text("2024 - 19 - 08 | 15:40", encoding="utf-8")
    store = Store(sqlite_url)
    results = ingest_paths(store, [tmp_path / "en.txt", tmp_path / "digits.txt"])
    assert [r.status for r in results] == ["rejected", "rejected"]
    assert all(r.reason for r in results) and store.count() == 0


def by_name(results):
    return {r.source.rsplit("/", 1)[-1]: r for r in results}


def test_ingest_folder_reports_each_file(db_url, folder):
    store = Store(db_url)
    results = by_name(ingest_paths(store, [folder], who="tester"))
    assert results["one.txt"].status == "added" or results["copy-of-one.txt"].status == "added"
    statuses = sorted(r.status for r in results.values())
    assert statuses == ["added", "added", "rejected", "source_added"]
    dup = next(r for r in results.values() if r.status == "source_added")
    assert dup.duplicate_of is not None and dup.article_id == dup.duplicate_of
    assert results["empty.txt"].reason
    assert store.count() == 2


def test_ingesting_twice_changes_nothing(db_url, folder):
    store = Store(db_url)
    ingest_paths(store, [folder])
    count, version = store.count(), store.version()
    again = ingest_paths(store, [folder])
    assert store.count() == count
    assert {r.status for r in again} == {"duplicate", "rejected"}
    assert store.version() > version  # duplicates are recorded in the history


def test_ingest_bytes_for_uploads(db_url):
    store = Store(db_url)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("a.txt", ARTICLE_1)
        zf.writestr("b.txt", ARTICLE_2)
    results = ingest_bytes(store, "bundle.zip", buffer.getvalue(), who="uploader")
    assert [r.status for r in results] == ["added", "added"]
    assert all("bundle.zip" in r.source for r in results)
    single = ingest_bytes(store, "again.txt", ARTICLE_2.encode("utf-8"), who="uploader")
    assert [(r.status, r.duplicate_of) for r in single] == [("source_added", results[1].article_id)]
    bad = ingest_bytes(store, "picture.png", b"\x89PNG\r\n\x1a\n" + bytes(200), who="uploader")
    assert [r.status for r in bad] == ["rejected"] and bad[0].reason
    history = store.history()
    assert set(history["who"]) == {"uploader"}


def test_ingest_extracts_and_builds_events(db_url, folder):
    store = Store(db_url)
    ingest_paths(store, [folder])
    frame = store.articles()
    assert set(frame["title"]) >= {"بوتين يستقبل علييف في سوتشي"}
    events = store.events()
    assert len(events) >= 1


@pytest.mark.slow  # starts a process pool
def test_pool_path_gives_the_same_results(sqlite_url, monkeypatch):
    monkeypatch.setattr(extract_pool, "POOL_MIN_DOCS", 2)
    store = Store(sqlite_url)
    items = [(f"t{i}.txt", ARTICLE_1.replace("2018", str(1990 + i)) + f"\nرقم الوثيقة {i} " + "كلمة " * i)
             for i in range(6)]
    summary = ingest_texts(store, items, who="bulk")
    assert (summary.count, summary.rejected) == (6, 0)
    assert summary.added + summary.duplicates == 6
    assert store.count() == summary.added


def test_ensure_built_only_when_empty(sqlite_url, seeds_dir):
    store = Store(sqlite_url)
    added = ensure_built(store, seeds_dir)
    assert added == 5 and store.count() == 5
    assert ensure_built(store, seeds_dir) == 0


def test_batch_failure_falls_back_to_one_by_one(sqlite_url, monkeypatch, folder):
    store = Store(sqlite_url)
    original = Store.add_articles

    def broken(self, items, who="system"):
        raise RuntimeError("batch failed")
    monkeypatch.setattr(Store, "add_articles", broken)
    results = ingest_paths(store, [folder])
    monkeypatch.setattr(Store, "add_articles", original)
    assert sorted(r.status for r in results) == ["added", "added", "rejected", "source_added"]
