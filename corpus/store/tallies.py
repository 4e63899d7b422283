"""Counts, facets, events and coverage of filtered articles from an in-memory ``Snapshot``.

``Store.tally(filters)`` gives a ``Tally`` of the live articles passing ``filters``: the snapshot of
the current corpus version (read once per version, under a lock, in one transaction) and a mask
per filter; a text query's mask comes from the search index, remembered for the last few queries.
The SQL reads of ``queries`` stay the reference (and serve the CLI); the dashboard reads these.
With ``keep_snapshots_in(folder)`` the snapshot is also kept in a file there (``snapcache``), so a
restarted process finds it without reading the tables, as long as the corpus did not change.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any

import numpy as np
import sqlalchemy as sa

from ..filters import Filters
from ..search import Query
from . import snapcache
from .events import EVENTS_GENERATION, meta_values, stamp_of, versions
from .snapshot import Snapshot, load_snapshot, numbers
from .tally import Tally, facet_values, filter_masks
from .textsearch import TextSearch, parsed_query

TEXT_MASKS = 32  # text queries whose matching articles are remembered (90 kB each at 90k articles)


class Tallies(TextSearch):
    """The store's in-memory snapshot of the articles' facts, and tallies over it."""

    def __init__(self, url: str | None = None, *, migrate: bool = True) -> None:
        super().__init__(url, migrate=migrate)
        self._snap: Snapshot | None = None
        self._snap_generation = -1  # the events generation the snapshot was read at
        self._snap_lock = threading.Lock()
        self._text_masks: OrderedDict[tuple[tuple[int, int], str | None, str | None], np.ndarray] = OrderedDict()
        self._snapshot_folder: Path | None = None

    def keep_snapshots_in(self, folder: Path | None) -> None:
        """Keep the snapshot in a file in ``folder`` and look there before reading the tables
        (None: do not). An in-memory database has nothing to keep."""
        self._snapshot_folder = folder if folder is not None and snapcache.database_name(self.url) else None

    def snapshot(self) -> Snapshot:
        """The facts of the live articles at the current corpus version (events regrouped first
        when stale); read again only when the version moved, or the events were regrouped."""
        stamp, generation = self._stamp()
        if stamp[1] < stamp[0]:
            self.ensure_events()
            stamp, generation = self._stamp()
        # A regrouping at the same corpus version (``rebuild`` from the command line) changes
        # events and dates without moving a version: its generation says so.
        snap = self._snap
        if snap is not None and (snap.stamp, self._snap_generation) == (stamp, generation):
            return snap
        with self._snap_lock:
            snap = self._snap
            if snap is None or (snap.stamp, self._snap_generation) != (stamp, generation):
                snap = self._load_snapshot()
                self._snap, self._snap_generation = snap, generation
                self._text_masks = OrderedDict()
        return snap

    def _stamp(self) -> tuple[tuple[int, int], int]:
        """(corpus version, events version) and the events generation, in one query: every page's
        tally asks this."""
        with self.engine.connect() as conn:
            values = meta_values(conn, (EVENTS_GENERATION,))
        return stamp_of(values), int(values.get(EVENTS_GENERATION) or 0)

    def _load_snapshot(self) -> Snapshot:
        """The snapshot kept in the folder when it is the current one, else read from the tables
        (and kept); its key and its facts are read in one transaction."""
        folder, key = self._snapshot_folder, None
        with self.engine.connect() as conn:
            if self.dialect == "postgresql":  # every table read as of one moment
                conn = conn.execution_options(isolation_level="REPEATABLE READ")
            with conn.begin():
                stamp = versions(conn)
                if folder is not None:
                    key = snapcache.read_key(conn, str(snapcache.database_name(self.url)), stamp)
                    kept = snapcache.read(folder, key)
                    if kept is not None:
                        return kept
                snap = load_snapshot(conn, stamp)
        if folder is not None and key is not None:
            snapcache.write(folder, key, snap)
        return snap

    def tally(self, filters: Filters | None = None) -> Tally:
        """The live articles passing ``filters`` (text query included), ready to be counted."""
        snap = self.snapshot()
        query = parsed_query(filters)
        text = self._text_mask(snap, query) if query is not None else None
        return Tally(snap, filter_masks(snap, filters, text))

    def tally_facets(self) -> dict[str, Any]:
        """The values the filter widgets offer (as ``facets``), from the snapshot."""
        return facet_values(self.snapshot())

    def _text_mask(self, snap: Snapshot, query: Query) -> np.ndarray:
        positive, excluded = self._index_expressions(query)
        key = (snap.stamp, positive, excluded)
        with self._snap_lock:
            cached = self._text_masks.get(key)
            if cached is not None:
                self._text_masks.move_to_end(key)
                return cached
        mask = np.ones(snap.size, dtype=bool)
        if positive:
            mask &= self._index_mask(snap, positive)
        if excluded:
            mask &= ~self._index_mask(snap, excluded)
        with self._snap_lock:
            self._text_masks[key] = mask
            while len(self._text_masks) > TEXT_MASKS:
                self._text_masks.popitem(last=False)
        return mask

    def _index_mask(self, snap: Snapshot, expression: str) -> np.ndarray:
        """The live articles the search index matches for ``expression``."""
        matching = self._matching_ids(expression).subquery()
        joined = (sa.func.group_concat(matching.c.article_id) if self.dialect == "sqlite"
                  else sa.func.string_agg(sa.cast(matching.c.article_id, sa.Text), ","))
        with self.engine.connect() as conn, conn.begin():  # one text of ids, not a row per match
            if self.dialect == "postgresql":
                # Left to itself the planner reads every row's tsvector for a common word (4× slower
                # than the GIN index, as in ``TextSearch._count_capped``).
                conn.exec_driver_sql("SET LOCAL enable_seqscan = off")
            ids = numbers(conn.execute(sa.select(joined)).scalar())
        mask = np.zeros(snap.size, dtype=bool)
        mask[snap.positions(ids)] = True
        return mask
