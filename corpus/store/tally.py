"""Counts over the live articles passing a set of filters, from a ``Snapshot``: one boolean mask
per filter part, every tally a ``bincount``. Pure (numpy and pandas, no database).

Each result equals the SQL read of the same name in ``queries`` (``count``, ``facet_counts``,
``events``, ``outlet_counts``, ``count_figures``, ``coverage``, ``coverage_by_outlet``); the
tests compare them on real stores.
"""
from __future__ import annotations

import datetime as dt
from typing import Any, Mapping

import numpy as np
import pandas as pd

from ..filters import GRANULARITIES, Filters
from .snapshot import Pairs, Snapshot

EVENT_COLUMNS = ["id", "date", "city", "kind", "status", "n_articles", "inferred_any"]


def pairs_mask(snap: Snapshot, pairs: Pairs, wanted: tuple[str, ...]) -> np.ndarray:
    """The articles holding any of ``wanted`` in ``pairs``."""
    mask = np.zeros(snap.size, dtype=bool)
    mask[pairs.article[np.isin(pairs.code, pairs.codes_of(wanted))]] = True
    return mask


def filter_masks(snap: Snapshot, filters: Filters | None, text: np.ndarray | None) -> dict[str, np.ndarray]:
    """A mask per filter part that restricts anything (``text``: the articles matching the query)."""
    masks: dict[str, np.ndarray] = {}
    if filters is None:
        return masks
    if filters.date_from or filters.date_to:  # undated articles pass no date bound, as in SQL
        mask = np.ones(snap.size, dtype=bool)
        if filters.date_from:
            mask &= snap.sort_day >= np.datetime64(filters.date_from, "D")
        if filters.date_to:
            mask &= snap.sort_day <= np.datetime64(filters.date_to, "D")
        masks["date"] = mask
    for name, pairs in snap.lists.items():
        wanted = getattr(filters, name, ())
        if wanted:
            masks[name] = pairs_mask(snap, pairs, tuple(wanted))
    if text is not None:
        masks["text"] = text
    return masks


class Tally:
    """The live articles of ``snap`` passing every mask in ``masks``, and what they add up to."""

    def __init__(self, snap: Snapshot, masks: Mapping[str, np.ndarray]) -> None:
        self.snap = snap
        self.masks = dict(masks)
        self.selected = self._passing()

    def _passing(self, without: str | None = None) -> np.ndarray:
        mask = np.ones(self.snap.size, dtype=bool)
        for name, part in self.masks.items():
            if name != without:
                mask &= part
        return mask

    def count(self) -> int:
        return int(self.selected.sum())

    def count_figures(self) -> int:
        return int(self.snap.n_figures[self.selected].sum())

    def facet_counts(self) -> dict[str, dict[str, int]]:
        """Per filter list, how many articles each value matches under the *other* filters."""
        return {name: _value_counts(pairs, self._passing(without=name)) for name, pairs in self.snap.lists.items()}

    def events(self) -> pd.DataFrame:
        """Events with at least one selected article: how many, and whether any link is inferred;
        latest first (undated last), then by id."""
        ev = self.snap.events
        chosen = self.selected[ev.link_article]
        which = ev.link_event[chosen]
        n = np.bincount(which, minlength=len(ev.ids))
        inferred = np.bincount(which, weights=ev.link_inferred[chosen], minlength=len(ev.ids)) > 0
        shown = sorted((int(i) for i in np.flatnonzero(n)), key=lambda i: _latest_first(ev.dates[i], int(ev.ids[i])))
        return pd.DataFrame({
            "id": [int(ev.ids[i]) for i in shown], "date": [ev.dates[i] for i in shown],
            "city": [ev.cities[i] for i in shown], "kind": [ev.kinds[i] for i in shown],
            "status": [ev.statuses[i] for i in shown], "n_articles": [int(n[i]) for i in shown],
            "inferred_any": [bool(inferred[i]) for i in shown]}, columns=EVENT_COLUMNS)

    def outlet_counts(self) -> pd.DataFrame:
        """Articles per own outlet ("" when unknown), most first, then by name."""
        counts = np.bincount(self.snap.outlet[self.selected], minlength=len(self.snap.outlet_values))
        rows = [(value or "", int(counts[i])) for i, value in enumerate(self.snap.outlet_values) if counts[i]]
        rows.sort(key=lambda r: (-r[1], r[0]))
        return pd.DataFrame(rows, columns=["outlet", "n_articles"])

    def coverage(self, granularity: str = "month") -> pd.DataFrame:
        """Articles per period of their day (published, else the meeting date), undated left out."""
        dated, codes, labels = self._periods(granularity)
        counts = np.bincount(codes[self.selected & dated], minlength=len(labels))
        return pd.DataFrame([(labels[i], int(counts[i])) for i in np.flatnonzero(counts)],
                            columns=[granularity, "n_articles"])

    def coverage_by_outlet(self, granularity: str = "month") -> pd.DataFrame:
        """``coverage`` split by the articles' own outlet ("" when unknown)."""
        dated, codes, labels = self._periods(granularity)
        values = self.snap.outlet_values
        width = max(len(values), 1)
        chosen = self.selected & dated
        counts = np.bincount(codes[chosen] * width + self.snap.outlet[chosen], minlength=len(labels) * width)
        rows = [(labels[k // width], values[k % width] or "", int(counts[k])) for k in np.flatnonzero(counts)]
        rows.sort(key=lambda r: (r[0], r[1]))
        return pd.DataFrame(rows, columns=[granularity, "outlet", "n_articles"])

    def _periods(self, granularity: str) -> tuple[np.ndarray, np.ndarray, list[str]]:
        if granularity not in GRANULARITIES:
            raise ValueError(f"unknown granularity {granularity!r}; choose from {', '.join(GRANULARITIES)}")
        return self.snap.periods(granularity)


def _latest_first(date: dt.date | None, event_id: int) -> tuple[bool, int, int]:
    """Sort key: latest date first, undated last, then by id."""
    return date is None, -date.toordinal() if date is not None else 0, event_id


def _value_counts(pairs: Pairs, passing: np.ndarray) -> dict[str, int]:
    counts = np.bincount(pairs.code[passing[pairs.article]], minlength=len(pairs.values))
    return {value: int(counts[i]) for i, value in enumerate(pairs.values) if counts[i] and value.strip()}


def facet_values(snap: Snapshot) -> dict[str, Any]:
    """The values the filter widgets offer over the whole live corpus, as ``Queries.facets``."""
    def present(pairs: Pairs) -> list[str]:
        used = np.bincount(pairs.code, minlength=len(pairs.values))
        return sorted(v for i, v in enumerate(pairs.values) if used[i] and v)
    dated = snap.sort_day[~np.isnat(snap.sort_day)]
    return {**{name: present(pairs) for name, pairs in snap.lists.items()},
            "min_date": dated.min().item() if len(dated) else None,
            "max_date": dated.max().item() if len(dated) else None}
