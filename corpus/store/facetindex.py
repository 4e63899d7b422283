"""Facet counts from an in-memory index of the filter lists, built once per corpus version.

The filter bar shows, next to each outlet, city, kind and topic, how many articles it would match
under the other filters (``Queries.facet_counts``, four SQL passes over the filtered articles per
filter change). ``FacetIndex`` holds the live article ids and, per list, the distinct (article,
value) pairs the filter matches on; a filter change then costs one read of the ids passing the
text query and dates (none without them) and a few array operations. Pure: the store reads the
values' ids (``conditions.value_ids_selects``, one per list filter of the filter table) and
passes them in.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping, Sequence

import numpy as np

def parse_ids(text: str | None) -> np.ndarray:
    """"3,1,2" → array([3, 1, 2])."""
    return np.array(text.split(","), dtype=np.int64) if text else np.zeros(0, dtype=np.int64)


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
              groups: Mapping[str, Sequence[tuple[Any, np.ndarray]]]) -> "FacetIndex":
        """From the live ids and, per list, (value, article ids) rows (a value may come in several
        rows; repeated ids, None values and removed articles are dropped)."""
        ids = np.unique(np.asarray(live_ids, dtype=np.int64))
        out: dict[str, _Pairs] = {}
        for name, group in groups.items():
            rows = [(v, a) for v, a in group if v is not None]
            values = list(dict.fromkeys(v for v, _ in rows))
            code_of = {v: i for i, v in enumerate(values)}
            article_ids = np.concatenate([a for _, a in rows]) if rows else np.zeros(0, dtype=np.int64)
            codes = np.repeat(np.array([code_of[v] for v, _ in rows], dtype=np.int64), [len(a) for _, a in rows])
            positions = np.searchsorted(ids, article_ids)
            inside = positions < len(ids)
            keep = np.zeros(len(article_ids), dtype=bool)
            keep[inside] = ids[positions[inside]] == article_ids[inside]  # a live article
            # One pair per (article, value): an article counts once for a value.
            width = max(len(values), 1)
            pair_keys = np.unique(positions[keep] * width + codes[keep])
            out[name] = _Pairs(pair_keys // width, pair_keys % width, np.array(values, dtype=object), code_of)
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
        for name in self.pairs:
            mask = base.copy()
            for other, member in members.items():
                if other != name:
                    mask &= member
            p = self.pairs[name]
            n = np.bincount(p.codes[mask[p.positions]], minlength=len(p.values))
            out[name] = {str(v): int(k) for v, k in zip(p.values, n) if k and str(v).strip()}
        return out
