"""The ``Snapshot`` of one database kept in a file, so that a restarted server reads it in
milliseconds instead of rebuilding it from the tables (0.5–1 s at 100k articles).

A cache file is only used when its ``SnapshotKey`` equals the database's current one, read in the
same transaction as the facts: the database itself (its URL and the moment its schema was
created, so a file or database recreated at the same URL is another one), its schema version, the
corpus version and the version its events were grouped at, how many times events were grouped
(a regrouping at the same corpus version changes events and dates), its largest article id, and
the source of the code that builds a snapshot. Any write to the corpus bumps its version, so the
cached file goes stale with it.

Files hold numpy arrays and one JSON text, written atomically and read without pickle; a
missing, stale or unreadable file is a miss (the caller reads the tables). One file per database,
the oldest pruned beyond ``MAX_FILES``.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np
import sqlalchemy as sa

from .events import events_generation
from .rows import to_date
from .snapshot import EventTable, Pairs, Snapshot

_LOG = logging.getLogger("corpus.store")
FORMAT = 1  # of the file layout below
MAX_FILES = 8  # cache files kept in a folder (one per database)
PREFIX = "snapshot-"
# The code a snapshot follows from: a change to any of these makes every cached file stale.
_SOURCES = [Path(__file__).with_name(n) for n in ("snapcache.py", "snapshot.py", "conditions.py", "rows.py")] + \
    [Path(__file__).parent.parent / n for n in ("filters.py", "filterspec.py")]
CODE_HASH = hashlib.sha256(b"".join(p.read_bytes() for p in _SOURCES)).hexdigest()[:16]


@dataclass(frozen=True)
class SnapshotKey:
    """What a cached snapshot must match to stand for the database's current facts."""

    database: str  # the URL, password hidden; a SQLite file by its absolute path
    created: str  # when the database's first migration ran
    schema: int
    stamp: tuple[int, int]  # (corpus version, events version), as ``Snapshot.stamp``
    events_generation: int
    max_article_id: int
    code: str = CODE_HASH
    format: int = FORMAT

    def file_name(self) -> str:
        """One file per database (a newer version replaces the older one)."""
        return PREFIX + hashlib.sha256(f"{self.database}\n{self.created}".encode()).hexdigest()[:24] + ".npz"


def database_name(url: str) -> str | None:
    """The database a URL names, password hidden; a SQLite file by its absolute path; None for
    an in-memory database (nothing to keep)."""
    parsed = sa.engine.make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database in (None, "", ":memory:"):
            return None
        return "sqlite:" + str(Path(parsed.database).expanduser().resolve())
    return parsed.render_as_string(hide_password=True)


def read_key(conn: sa.Connection, database: str, stamp: tuple[int, int]) -> SnapshotKey:
    """The key of the facts ``conn`` sees (call in the transaction that reads the snapshot)."""
    created, schema_version = conn.exec_driver_sql(
        "SELECT (SELECT CAST(applied_at AS TEXT) FROM schema_version WHERE version = 1), "
        "(SELECT max(version) FROM schema_version)").one()
    max_id = conn.exec_driver_sql("SELECT max(id) FROM articles").scalar()
    return SnapshotKey(database=database, created=str(created), schema=int(schema_version or 0), stamp=stamp,
                       events_generation=events_generation(conn), max_article_id=int(max_id or 0))


def _key_text(key: SnapshotKey) -> str:
    return json.dumps(asdict(key), sort_keys=True)


def _arrays(snap: Snapshot) -> dict[str, Any]:
    ev = snap.events
    out = {"ids": snap.ids, "sort_day": snap.sort_day, "day": snap.day, "outlet": snap.outlet,
           "n_figures": snap.n_figures, "ev_ids": ev.ids, "ev_link_event": ev.link_event,
           "ev_link_article": ev.link_article, "ev_link_inferred": ev.link_inferred}
    for i, pairs in enumerate(snap.lists.values()):
        out[f"list{i}_article"], out[f"list{i}_code"] = pairs.article, pairs.code
    return out


def _texts(snap: Snapshot) -> dict[str, Any]:
    ev = snap.events
    return {"stamp": list(snap.stamp), "outlet_values": list(snap.outlet_values),
            "lists": [[name, list(pairs.values)] for name, pairs in snap.lists.items()],
            "ev_dates": [d.isoformat() if d is not None else None for d in ev.dates],
            "ev_cities": ev.cities, "ev_kinds": ev.kinds, "ev_statuses": ev.statuses}


def write(folder: Path, key: SnapshotKey, snap: Snapshot) -> Path | None:
    """Keep ``snap`` under ``key`` in ``folder`` (atomically); the path, or None when the folder
    cannot be written (logged: the dashboard works without the file)."""
    if tuple(key.stamp) != tuple(snap.stamp):
        raise ValueError(f"key {key.stamp} does not match the snapshot's version {snap.stamp}")
    target = folder / key.file_name()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".tmp-", suffix=".npz", delete=False) as fh:
            np.savez(fh, allow_pickle=False, key=np.array(_key_text(key)), texts=np.array(json.dumps(_texts(snap))),
                     **_arrays(snap))
        os.replace(fh.name, target)
    except OSError as exc:
        _LOG.warning("the snapshot could not be kept in %s: %s", folder, exc)
        return None
    _prune(folder, keep=target)
    return target


def _prune(folder: Path, keep: Path) -> None:
    """Remove all but the ``MAX_FILES`` newest cache files (and never ``keep``)."""
    files = sorted(folder.glob(PREFIX + "*.npz"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in [f for f in files if f != keep][MAX_FILES - 1:]:
        try:
            old.unlink()
        except OSError:
            pass


def read(folder: Path, key: SnapshotKey) -> Snapshot | None:
    """The snapshot kept for ``key`` in ``folder``; None when there is none, it was kept under
    another key (stale), or the file cannot be read."""
    path = folder / key.file_name()
    try:
        with np.load(path, allow_pickle=False) as data:
            if str(data["key"]) != _key_text(key):
                return None
            return _snapshot(data, json.loads(str(data["texts"])))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError) as exc:  # a damaged or foreign file: read the tables
        _LOG.warning("the kept snapshot %s cannot be read: %s", path, exc)
        return None


def _snapshot(data: Any, texts: dict[str, Any]) -> Snapshot:
    lists = {name: Pairs(data[f"list{i}_article"], data[f"list{i}_code"], tuple(values))
             for i, (name, values) in enumerate(texts["lists"])}
    dates: list[dt.date | None] = [to_date(d) for d in texts["ev_dates"]]
    events = EventTable(ids=data["ev_ids"], dates=dates, cities=texts["ev_cities"], kinds=texts["ev_kinds"],
                        statuses=texts["ev_statuses"], link_event=data["ev_link_event"],
                        link_article=data["ev_link_article"], link_inferred=data["ev_link_inferred"])
    stamp = texts["stamp"]
    return Snapshot(stamp=(int(stamp[0]), int(stamp[1])), ids=data["ids"], sort_day=data["sort_day"],
                    day=data["day"], outlet=data["outlet"], outlet_values=tuple(texts["outlet_values"]),
                    lists=lists, n_figures=data["n_figures"], events=events)
