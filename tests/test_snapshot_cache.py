"""The snapshot kept in a file (``corpus.store.snapcache``): a restarted store reads it instead of
the tables only while it is the database's current one. Every check compares with the snapshot
read from the tables (``load_snapshot``, the reference), field by field, on SQLite and PostgreSQL.
"""
from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import numpy as np
import pytest

from components import data
from corpus import config, synth
from corpus.models import Extraction, Meeting, RawDocument
from corpus.store import Store, schema, snapcache
from corpus.store.snapshot import Snapshot

NEW_BODY = ("افتتح في مدينة قبالة معرض للصناعات اليدوية الروسية والأذربيجانية بحضور وزيري الثقافة تماما "
            "كما جرى في الدورة السابقة من المعرض قبل عامين.")


def _as_plain(snap: Snapshot) -> dict:
    """Every field of a snapshot as comparable values (arrays by dtype and content)."""
    def plain(value):
        if isinstance(value, np.ndarray):
            return (str(value.dtype), value.astype(str).tolist() if value.dtype.kind == "M" else value.tolist())
        if dataclasses.is_dataclass(value):
            return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
        if isinstance(value, dict):
            return {k: plain(v) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return [plain(v) for v in value]
        return value
    return plain(snap)


def _from_tables(url: str) -> Snapshot:
    """The reference: a store that keeps nothing reads the tables."""
    store = Store(url)
    try:
        return store.snapshot()
    finally:
        store.close()


def _cached_store(url: str, folder: Path) -> Store:
    store = Store(url)
    store.keep_snapshots_in(folder)
    return store


def _files(folder: Path) -> list[Path]:
    return sorted(folder.glob(snapcache.PREFIX + "*.npz"))


def _add_article(store: Store) -> int:
    ex = Extraction(title="مقال جديد", outlet="Outlet New", published="2023-05-06", language="ar",
                    meetings=[Meeting(date="2023-05-05", city="Baku", kind="talks", status="held",
                                      evidence="جملة", date_basis="explicit", primary=True)],
                    figures=[], topics=["energy"], clean_text=NEW_BODY, provenance={})
    result = store.add_article(RawDocument("new.txt", NEW_BODY, "txt", "utf-8"), ex, "tester")
    assert result.status == "added" and result.article_id is not None
    return result.article_id


@pytest.fixture
def corpus_url(db_url: str) -> str:
    synth.write_database(60, db_url, seed=5)
    return db_url


def test_a_restarted_store_reads_the_kept_file_equal_to_the_tables(corpus_url, tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    first = _cached_store(corpus_url, folder)
    made = first.snapshot()
    first.close()
    assert len(_files(folder)) == 1
    reference = _from_tables(corpus_url)
    assert _as_plain(made) == _as_plain(reference)

    def no_table_read(*args, **kwargs):
        raise AssertionError("the tables were read although the kept snapshot is current")
    monkeypatch.setattr("corpus.store.tallies.load_snapshot", no_table_read)
    restarted = _cached_store(corpus_url, folder)
    kept = restarted.snapshot()
    restarted.close()
    assert kept.size == reference.size > 0
    assert _as_plain(kept) == _as_plain(reference)


def test_a_write_makes_the_kept_file_stale(corpus_url, tmp_path):
    folder = tmp_path / "cache"
    store = _cached_store(corpus_url, folder)
    before = store.snapshot()
    store.close()
    writer = Store(corpus_url)  # another process writes while no dashboard runs
    new_id = _add_article(writer)
    writer.close()
    restarted = _cached_store(corpus_url, folder)
    after = restarted.snapshot()
    restarted.close()
    assert after.stamp[0] > before.stamp[0]
    assert after.size == before.size + 1 and new_id in after.ids.tolist()
    assert _as_plain(after) == _as_plain(_from_tables(corpus_url))
    assert len(_files(folder)) == 1  # the newer version replaced the older one


def test_a_running_store_keeps_the_new_version_after_a_write(corpus_url, tmp_path):
    folder = tmp_path / "cache"
    store = _cached_store(corpus_url, folder)
    before = store.snapshot()
    new_id = _add_article(store)
    after = store.snapshot()
    store.close()
    assert new_id in after.ids.tolist() and new_id not in before.ids.tolist()
    restarted = _cached_store(corpus_url, folder)
    assert _as_plain(restarted.snapshot()) == _as_plain(after) == _as_plain(_from_tables(corpus_url))
    restarted.close()


def test_a_removal_makes_the_kept_file_stale(corpus_url, tmp_path):
    folder = tmp_path / "cache"
    store = _cached_store(corpus_url, folder)
    before = store.snapshot()
    gone = int(before.ids[3])
    assert store.remove_article(gone)
    store.close()
    restarted = _cached_store(corpus_url, folder)
    after = restarted.snapshot()
    restarted.close()
    assert gone not in after.ids.tolist() and after.size == before.size - 1
    assert _as_plain(after) == _as_plain(_from_tables(corpus_url))


def test_a_regrouping_at_the_same_version_makes_the_kept_file_stale(corpus_url, tmp_path):
    """``rebuild_events`` does not bump the corpus version, but may change events and dates: here
    the kept file holds an older grouping (its cities), and the regrouping restores them."""
    folder = tmp_path / "cache"
    writer = Store(corpus_url)
    with writer.engine.begin() as conn:  # an older grouping, at the same versions
        conn.execute(schema.events.update().values(city="Stale"))
    store = _cached_store(corpus_url, folder)
    before = store.snapshot()
    store.close()
    assert set(before.events.cities) == {"Stale"}
    writer.rebuild_events()
    writer.close()
    restarted = _cached_store(corpus_url, folder)
    after = restarted.snapshot()
    restarted.close()
    assert after.stamp == before.stamp
    assert "Stale" not in after.events.cities and len(after.events.ids) > 0
    assert _as_plain(after) == _as_plain(_from_tables(corpus_url))


def test_a_running_store_sees_a_regrouping_made_elsewhere_at_the_same_version(corpus_url):
    """A dashboard's store keeps its snapshot in memory; ``python -m corpus rebuild`` regroups the
    events from another process without moving the corpus version. The next read sees the new
    grouping, not the one in memory."""
    writer = Store(corpus_url)
    with writer.engine.begin() as conn:  # an older grouping, at the same versions
        conn.execute(schema.events.update().values(city="Stale"))
    running = Store(corpus_url)
    assert set(running.snapshot().events.cities) == {"Stale"}
    writer.rebuild_events()
    writer.close()
    after = running.snapshot()
    running.close()
    assert "Stale" not in after.events.cities and len(after.events.ids) > 0
    assert _as_plain(after) == _as_plain(_from_tables(corpus_url))


def test_a_database_recreated_at_the_same_place_with_the_same_versions_is_not_served_the_old_file(tmp_path):
    path = tmp_path / "corpus.sqlite"
    url = f"sqlite:///{path}"
    folder = tmp_path / "cache"
    synth.write_database(40, url, seed=1)
    store = _cached_store(url, folder)
    old = store.snapshot()
    store.close()
    for leftover in tmp_path.glob("corpus.sqlite*"):
        leftover.unlink()
    synth.write_database(25, url, seed=2)
    second = Store(url)
    with second.engine.begin() as conn:  # same versions as the first database
        for key, value in (("corpus_version", old.stamp[0]), ("events_version", old.stamp[1])):
            conn.execute(schema.meta.update().where(schema.meta.c.key == key).values(value=str(value)))
    second.close()
    restarted = _cached_store(url, folder)
    new = restarted.snapshot()
    restarted.close()
    assert new.stamp == old.stamp and new.size != old.size
    assert _as_plain(new) == _as_plain(_from_tables(url))


def _key_now(store: Store) -> snapcache.SnapshotKey:
    with store.engine.connect() as conn, conn.begin():
        meta = dict(conn.execute(schema.meta.select()).tuples().all())
        stamp = (int(meta["corpus_version"]), int(meta.get("events_version", -1)))
        return snapcache.read_key(conn, str(snapcache.database_name(store.url)), stamp)


def test_the_key_follows_writes_regroupings_and_recreation(tmp_path):
    """Each part of the key on its own: the others may hide a part that stopped changing."""
    url = f"sqlite:///{tmp_path / 'corpus.sqlite'}"
    synth.write_database(20, url, seed=8)
    store = Store(url)
    start = _key_now(store)
    new_id = _add_article(store)
    written = _key_now(store)
    assert written.stamp[0] == start.stamp[0] + 1 and written.stamp[1] == start.stamp[1]
    assert written.max_article_id == new_id > start.max_article_id
    assert written.events_generation == start.events_generation
    store.ensure_events()
    regrouped = _key_now(store)
    assert regrouped.stamp == (written.stamp[0], written.stamp[0])
    assert regrouped.events_generation == written.events_generation + 1
    store.rebuild_events()  # again, at the same version
    again = _key_now(store)
    assert again.stamp == regrouped.stamp and again.events_generation == regrouped.events_generation + 1
    assert store.remove_article(new_id)
    removed = _key_now(store)
    assert removed.stamp[0] == again.stamp[0] + 1
    store.close()
    for leftover in tmp_path.glob("corpus.sqlite*"):
        leftover.unlink()
    synth.write_database(20, url, seed=8)
    recreated = Store(url)
    fresh = _key_now(recreated)
    recreated.close()
    assert fresh.database == start.database and fresh.created != start.created
    assert fresh.file_name() != start.file_name()


def test_a_file_kept_by_other_code_or_damaged_is_not_used(corpus_url, tmp_path):
    folder = tmp_path / "cache"
    store = _cached_store(corpus_url, folder)
    snap = store.snapshot()
    with store.engine.connect() as conn, conn.begin():
        key = snapcache.read_key(conn, str(snapcache.database_name(corpus_url)), snap.stamp)
    store.close()
    assert snapcache.read(folder, key) is not None
    assert snapcache.read(folder, dataclasses.replace(key, code="other code")) is None
    assert snapcache.read(folder, dataclasses.replace(key, format=key.format + 1)) is None
    _files(folder)[0].write_bytes(b"not a numpy file")
    assert snapcache.read(folder, key) is None
    restarted = _cached_store(corpus_url, folder)
    assert _as_plain(restarted.snapshot()) == _as_plain(snap)  # read from the tables again
    restarted.close()
    assert snapcache.read(folder, key) is not None  # and kept again


def test_a_key_must_match_the_snapshot_it_keeps(sqlite_url, tmp_path):
    synth.write_database(10, sqlite_url, seed=3)
    snap = _from_tables(sqlite_url)
    key = snapcache.SnapshotKey(database="x", created="t", schema=8, stamp=(snap.stamp[0] + 1, snap.stamp[1]),
                                events_generation=0, max_article_id=1)
    with pytest.raises(ValueError):
        snapcache.write(tmp_path, key, snap)


def test_only_the_newest_files_are_kept(sqlite_url, tmp_path):
    synth.write_database(10, sqlite_url, seed=4)
    snap = _from_tables(sqlite_url)
    folder = tmp_path / "cache"
    keys = [snapcache.SnapshotKey(database=f"db{i}", created="t", schema=8, stamp=snap.stamp,
                                  events_generation=0, max_article_id=1) for i in range(snapcache.MAX_FILES + 3)]
    for i, key in enumerate(keys):
        path = snapcache.write(folder, key, snap)
        assert path is not None
        os.utime(path, (1_000_000 + i, 1_000_000 + i))  # distinct ages, oldest first
    assert len(_files(folder)) == snapcache.MAX_FILES
    assert snapcache.read(folder, keys[0]) is None and snapcache.read(folder, keys[-1]) is not None


def test_an_unwritable_folder_and_a_memory_database_keep_nothing(sqlite_url, tmp_path):
    synth.write_database(10, sqlite_url, seed=6)
    blocked = tmp_path / "a file, not a folder"
    blocked.write_text("")
    store = _cached_store(sqlite_url, blocked)
    assert _as_plain(store.snapshot()) == _as_plain(_from_tables(sqlite_url))  # works, keeps nothing
    store.close()
    memory = Store("sqlite://")
    memory.keep_snapshots_in(tmp_path / "mem")
    memory.snapshot()
    memory.close()
    assert not (tmp_path / "mem").exists()


def test_the_dashboard_cache_folder_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("CORPUS_CACHE_DIR", str(tmp_path / "here"))
    assert config.snapshot_cache_dir() == tmp_path / "here"
    monkeypatch.setenv("CORPUS_CACHE_DIR", "off")
    assert config.snapshot_cache_dir() is None
    monkeypatch.delenv("CORPUS_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert config.snapshot_cache_dir() == tmp_path / "xdg" / "corpus-dashboard"


def test_the_dashboards_store_keeps_its_snapshot_in_the_configured_folder(sqlite_url, tmp_path, monkeypatch):
    synth.write_database(10, sqlite_url, seed=9)
    monkeypatch.setenv("CORPUS_CACHE_DIR", str(tmp_path / "kept"))
    data.reopen_store()
    try:
        store = data._open_store(sqlite_url)
        store.snapshot()
    finally:
        data.reopen_store()
        store.close()
    assert len(_files(tmp_path / "kept")) == 1


INGESTED = ("بوتين وعلييف يبحثان التعاون في باكو\n\n"
            "بحث الرئيس الروسي فلاديمير بوتين مع نظيره الأذربيجاني إلهام علييف في باكو يوم 19 أغسطس 2024 "
            "العلاقات الثنائية، وقال إن حجم التبادل التجاري بلغ 4 مليارات دولار.\n")


def test_the_command_line_keeps_the_snapshot_the_dashboard_then_reads(sqlite_url, tmp_path, monkeypatch, capsys):
    from corpus.__main__ import main
    folder = tmp_path / "cache"
    monkeypatch.setenv("CORPUS_CACHE_DIR", str(folder))
    synth.write_database(40, sqlite_url, seed=2)
    before = _from_tables(sqlite_url).size
    article = tmp_path / "new.txt"
    article.write_text(INGESTED, encoding="utf-8")
    assert main(["ingest", str(article), "--db", sqlite_url]) == 0
    assert "added" in capsys.readouterr().out
    assert len(_files(folder)) == 1
    reference = _from_tables(sqlite_url)  # after the ingest: the file must be of the new version

    def no_table_read(*args, **kwargs):
        raise AssertionError("the tables were read although the command kept the snapshot")
    with monkeypatch.context() as m:
        m.setattr("corpus.store.tallies.load_snapshot", no_table_read)
        started = _cached_store(sqlite_url, folder)
        kept = started.snapshot()
        started.close()
    assert kept.size == reference.size == before + 1
    assert _as_plain(kept) == _as_plain(reference)


def test_the_snapshot_command_keeps_it_unless_the_cache_is_off(sqlite_url, tmp_path, monkeypatch):
    from corpus.__main__ import main
    synth.write_database(30, sqlite_url, seed=4)
    monkeypatch.setenv("CORPUS_CACHE_DIR", "off")
    assert main(["snapshot", "--db", sqlite_url]) == 0
    folder = tmp_path / "cache"
    assert not folder.exists()
    monkeypatch.setenv("CORPUS_CACHE_DIR", str(folder))
    assert main(["snapshot", "--db", sqlite_url]) == 0
    [path] = _files(folder)
    store = Store(sqlite_url)
    try:
        with store.engine.connect() as conn:
            key = snapcache.read_key(conn, str(snapcache.database_name(sqlite_url)), store.snapshot().stamp)
    finally:
        store.close()
    assert path.name == key.file_name()
    assert _as_plain(snapcache.read(folder, key)) == _as_plain(_from_tables(sqlite_url))
