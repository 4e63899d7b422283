"""Facet counts from an in-memory index of the filter lists, built once per corpus version.

The filter bar shows, next to each outlet, city, kind and topic, how many articles it would match
under the other filters (``Queries.facet_counts``, four SQL passes over the filtered articles per
filter change). ``FacetIndex`` holds the live article ids and, per list, the distinct (article,
value) pairs the filter matches on; a filter change then costs one read of the ids passing the
text query and dates (none without them) and a few array operations. Pure: the store reads the
pairs (``facet_pairs_selects``) and passes them in.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping, Sequence

import numpy as np
import pandas as pd
import sqlalchemy as sa

from . import schema

A, S, M, T = schema.articles, schema.sources, schema.meetings, schema.topics
LISTS = ("outlets", "cities", "kinds", "topics")
_LIVE = A.c.removed_at.is_(None)


def facet_pairs_selects() -> dict[str, list[Any]]:
    """Per list, selects of (article id, value) whose union, over the live articles, is what the
    list's filter matches on (as ``Queries._conditions``): an article's outlet and its sources'
    outlets; its primary meetings' city and kind; its topics. No join: ``FacetIndex.build``
    leaves out the rows of removed articles."""
    primary = M.c.primary.is_(True)
    return {
        "outlets": [sa.select(A.c.id, A.c.outlet), sa.select(S.c.article_id, S.c.outlet)],
        "cities": [sa.select(M.c.article_id, M.c.city).where(primary)],
        "kinds": [sa.select(M.c.article_id, M.c.kind).where(primary)],
        "topics": [sa.select(T.c.article_id, T.c.topic)],
    }


@dataclass(frozen=True)
class _Pairs:
    """Distinct (article position, value code) pairs of one list; ``values[code]`` is the value."""

    positions: np.ndarray
    codes: np.ndarray
    values: np.ndarray
    code_of: dict[Any, int]


@dataclass(frozen=True)
class FacetIndex:
    version: int
    ids: np.ndarray  # the live article ids, ascending
    pairs: dict[str, _Pairs]

    @classmethod
    def build(cls, version: int, live_ids: Sequence[int],
              pairs: Mapping[str, Sequence[tuple[int, Any]]]) -> "FacetIndex":
        """From the live ids and, per list, (article id, value) rows (repeats and None dropped)."""
        ids = np.unique(np.asarray(live_ids, dtype=np.int64))
        out: dict[str, _Pairs] = {}
        for name in LISTS:
            rows = pairs.get(name, ())
            article_ids = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
            codes, values = pd.factorize(np.fromiter((r[1] for r in rows), dtype=object, count=len(rows)))  # None: -1
            positions = np.searchsorted(ids, article_ids)
            inside = positions < len(ids)
            keep = np.zeros(len(rows), dtype=bool)
            keep[inside] = ids[positions[inside]] == article_ids[inside]  # a live article
            keep &= codes >= 0
            # One pair per (article, value): an article counts once for a value.
            pair_keys = np.unique(positions[keep] * max(len(values), 1) + codes[keep])
            out[name] = _Pairs(pair_keys // max(len(values), 1), pair_keys % max(len(values), 1),
                               np.asarray(values, dtype=object), {v: i for i, v in enumerate(values)})
        return cls(version, ids, out)

    def _mask_of(self, article_ids: np.ndarray) -> np.ndarray:
        """The live articles among ``article_ids``, as a mask over ``ids``."""
        mask = np.zeros(len(self.ids), dtype=bool)
        if len(self.ids) and len(article_ids):
            pos = np.searchsorted(self.ids, article_ids)
            inside = pos < len(self.ids)
            pos, wanted = pos[inside], article_ids[inside]
            mask[pos[self.ids[pos] == wanted]] = True  # ids that are not live are left out
        return mask

    def _members(self, name: str, selected: Sequence[Any]) -> np.ndarray:
        """Articles with any of the ``selected`` values of the list ``name``."""
        p = self.pairs[name]
        codes = [p.code_of[v] for v in selected if v in p.code_of]
        mask = np.zeros(len(self.ids), dtype=bool)
        mask[p.positions[np.isin(p.codes, codes)]] = True
        return mask

    def counts(self, base_ids: np.ndarray | None,
               selected: Mapping[str, Sequence[Any]]) -> dict[str, dict[str, int]]:
        """Per list, {value: articles} among ``base_ids`` (None: every live article) that also
        pass the *other* lists' ``selected`` values; values matching nothing and blank ones are
        left out (as ``Queries.facet_counts``)."""
        base = np.ones(len(self.ids), dtype=bool) if base_ids is None else self._mask_of(base_ids)
        members = {name: self._members(name, values) for name, values in selected.items() if values}
        out: dict[str, dict[str, int]] = {}
        for name in LISTS:
            mask = base.copy()
            for other, member in members.items():
                if other != name:
                    mask &= member
            p = self.pairs[name]
            n = np.bincount(p.codes[mask[p.positions]], minlength=len(p.values))
            out[name] = {str(v): int(k) for v, k in zip(p.values, n) if k and str(v).strip()}
        return out
