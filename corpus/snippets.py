"""Hits and snippets: where a query's words are in an article's original text, and the few
lines around the first of them (``snippet``), reading only as much of the text as that needs.

A hit is a token (or a phrase's run of tokens) of the normalised text whose search key is a
positive query term; its span is mapped back to the original text, so the reader sees the
article as written. ``find_hits`` reads the whole text: the reference the windowed snippet is
tested against.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from .normalize import keeps_positions, normalize, normalize_with_offsets
from .search import TOKEN, Query, key_of


@dataclass(frozen=True)
class Hit:
    start: int  # span in the ORIGINAL text
    end: int


def _past_marks(text: str, pos: int) -> int:
    """Extend a span over the harakat and tatweel that follow its last letter."""
    while pos < len(text) and (text[pos] == "\u0640" or unicodedata.category(text[pos]) == "Mn"):
        pos += 1
    return pos


@dataclass(frozen=True)
class _Plan:
    """What finding hits needs from a query, worked out once per query."""

    wanted: frozenset[str]  # every key of the positive terms
    pattern: re.Pattern[str] | None  # finds any of them (longest first) in lower-cased text
    singles: frozenset[str]  # keys that are a hit on their own
    phrases: tuple[tuple[str, ...], ...]  # key sequences that are a hit together
    longest: int  # keys in the longest of those


@lru_cache(maxsize=256)
def _plan(query: Query) -> _Plan:
    wanted = frozenset(query.positive_keys())
    pattern = re.compile("|".join(re.escape(k) for k in sorted(wanted, key=lambda k: (-len(k), k)))) \
        if wanted else None
    variants = [(t, v) for c in query.clauses for t in c for v in t.variants]
    return _Plan(wanted, pattern, frozenset(v[0] for t, v in variants if not t.is_phrase),
                 tuple(v for t, v in variants if t.is_phrase), max((len(v) for _, v in variants), default=1))


def _candidate_tokens(plan: _Plan, norm_text: str, spans: list[tuple[int, int]]) -> list[int]:
    """Indexes of the tokens that contain one of the query's keys, in order.

    A key is a substring of its lower-cased token and never spans two tokens (keys are all letters
    or all digits), so one regex pass over the text finds every token that can match, and only
    those get keyed. Most tokens of an article contain no query key.
    """
    if plan.pattern is None:
        return []
    lower = norm_text.lower()
    if len(lower) != len(norm_text):  # lower-casing changed offsets (rare letters): test each token
        return [i for i, (a, b) in enumerate(spans) if any(k in norm_text[a:b].lower() for k in plan.wanted)]
    starts = [a for a, _ in spans]
    found: list[int] = []
    for m in plan.pattern.finditer(lower):
        i = bisect_right(starts, m.start()) - 1
        if i >= 0 and spans[i][1] > m.start() and (not found or found[-1] != i):
            found.append(i)
    return found


def _covered(plan: _Plan, norm_text: str, spans: list[tuple[int, int]],
             complete: int) -> list[tuple[int, int]]:
    """Token index ranges of the hits among the first ``complete`` tokens (phrases inside them)."""
    keys: dict[int, str] = {}

    def key_at(i: int) -> str:
        if i not in keys:
            keys[i] = key_of(norm_text[spans[i][0]:spans[i][1]]) if i < complete else ""
        return keys[i]

    covered: list[tuple[int, int]] = []
    for i in _candidate_tokens(plan, norm_text, spans[:complete]):
        key = key_at(i)
        if key in plan.singles:
            covered.append((i, i + 1))
        for ph in plan.phrases:
            if key == ph[0] and all(key_at(i + j) == ph[j] for j in range(1, len(ph))):
                covered.append((i, i + len(ph)))
    return sorted(covered)


def _to_hits(text: str, offsets: Sequence[int], spans: list[tuple[int, int]],
             covered: list[tuple[int, int]]) -> list[Hit]:
    """Hits in the original ``text`` of the token ranges ``covered`` (``offsets``: the index in
    ``text`` of each normalised character, and of the end)."""
    hits: list[Hit] = []
    for a, b in covered:
        start, end = offsets[spans[a][0]], _past_marks(text, offsets[spans[b - 1][1] - 1] + 1)
        if hits and start <= hits[-1].end:
            hits[-1] = Hit(hits[-1].start, max(end, hits[-1].end))
        else:
            hits.append(Hit(start, end))
    return hits


def find_hits(query: Query, text: str) -> list[Hit]:
    """Spans of the original ``text`` whose words are positive query terms (phrases as a whole)."""
    norm = normalize_with_offsets(text)
    spans = [m.span() for m in TOKEN.finditer(norm.text)]
    return _to_hits(text, norm.offsets, spans, _covered(_plan(query), norm.text, spans, len(spans)))


def _normalized_piece(text: str, start: int, end: int, prefix: str) -> tuple[str, Sequence[int]]:
    """``text[start:end]`` normalised, and the index in ``text`` of each of its characters (and
    of its end): a plain range when normalising moved nothing (most texts have no harakat).
    ``prefix``: the normalised opening of ``text`` when that moved nothing ("" when unknown)."""
    if end <= len(prefix):
        return prefix[start:end], range(start, end + 1)
    piece = text[start:end]
    if keeps_positions(piece):
        return normalize(piece), range(start, start + len(piece) + 1)
    norm = normalize_with_offsets(piece)
    return norm.text, [start + o for o in norm.offsets]


@dataclass(frozen=True)
class _Start:
    """Where hits can start in a text: no word before ``begin`` (just after a space) holds a
    query key, the first one found is at ``first``; ``prefix``, the normalised opening read to
    find it when normalising moved no character ("" otherwise)."""

    begin: int
    first: int
    prefix: str


def _hits_start(plan: _Plan, text: str, look: int) -> _Start | None:
    """Where the words that can hold hits start; None when no word holds a query key.

    Prefixes of ``look``, four times that, … characters are normalised until one holds a key (a
    prefix normalises to a prefix of the normalised text). Keys never cross a space, so no word
    before the last space ahead of the first key holds one, and hits start after that space."""
    assert plan.pattern is not None
    size = look
    while True:
        piece = text[:size]
        norm = normalize(piece)
        lower = norm.lower()
        first = plan.pattern.search(lower)
        if first is not None:
            if len(lower) != len(norm):  # lower-casing moved positions (rare letters): from the start
                return _Start(0, 0, "")
            if keeps_positions(piece):
                return _Start(text.rfind(" ", 0, first.start()) + 1, first.start(), norm)
            pos = normalize_with_offsets(piece).offsets[first.start()]
            return _Start(text.rfind(" ", 0, pos) + 1, pos, "")
        if size >= len(text):
            return None
        size *= 4


def _leading_hits(query: Query, text: str, width: int) -> list[Hit]:
    """The hits ``snippet`` shows (the first hit and those starting within ``width`` after it),
    as ``find_hits`` finds them, reading only as much of ``text`` as that needs.

    Normalisation maps each character on its own, so a piece of the text starting at a space
    normalises to the matching piece of the normalised text, with the same tokens except the last
    one (it may be cut). The piece starts at the space before the first query key (no hit starts
    earlier, ``_hits_start``). Hits that start before its last ``longest phrase`` tokens are then
    exactly the full text's; when the first of them and the snippet window after it end before
    that point, the rest of the text cannot change the snippet. Otherwise a four times longer
    piece is read, up to the whole rest of the text.
    """
    plan = _plan(query)
    if plan.pattern is None:
        return []
    start = _hits_start(plan, text, 2 * width + 80)
    if start is None:
        return []  # no token holds a query key (a match in the title only, say): no hits
    begin = start.begin
    # Enough for the first key and the window after it; too short only costs another round.
    size = start.first - begin + width + 100
    while begin + size < len(text):
        norm, offsets = _normalized_piece(text, begin, begin + size, start.prefix)
        spans = [m.span() for m in TOKEN.finditer(norm)]
        complete = len(spans) - 1 if spans and spans[-1][1] == len(norm) else len(spans)
        safe = complete - (plan.longest - 1)  # ranges starting before token ``safe`` are all known
        if safe > 0:
            covered = [r for r in _covered(plan, norm, spans, complete) if r[0] < safe]
            hits = _to_hits(text, offsets, spans, covered)
            safe_pos = offsets[spans[safe][0]] if safe < len(spans) else begin + size
            if hits and hits[0].end + width <= safe_pos and _snap_right(text, hits[0].end + width) <= safe_pos:
                return hits
        size *= 4
    norm, offsets = _normalized_piece(text, begin, len(text), start.prefix)
    spans = [m.span() for m in TOKEN.finditer(norm)]
    return _to_hits(text, offsets, spans, _covered(plan, norm, spans, len(spans)))


_SPACE = re.compile(r"\s+")


def _snap_left(text: str, pos: int) -> int:
    if pos <= 0:
        return 0
    space = text.rfind(" ", 0, pos)
    return pos if space < 0 or pos - space > 20 else space + 1


def _snap_right(text: str, pos: int) -> int:
    if pos >= len(text):
        return len(text)
    space = text.find(" ", pos)
    return pos if space < 0 or space - pos > 20 else space


def snippet(query: Query, text: str, width: int = 110) -> list[tuple[str, bool]]:
    """Segments (text, is_hit) of the original ``text`` around its first hits.

    Without hits (an exclusion-only query, or a title-only match) the opening of the text.
    """
    hits = _leading_hits(query, text, width)
    if not hits:
        head = text[: 2 * width]
        return [(_SPACE.sub(" ", head).strip() + ("…" if len(text) > 2 * width else ""), False)]
    start = _snap_left(text, hits[0].start - width)
    end = _snap_right(text, hits[0].end + width)
    segments: list[tuple[str, bool]] = []
    if start > 0:
        segments.append(("…", False))
    pos = start
    for hit in hits:
        if hit.start >= end:
            break
        if hit.start > pos:
            segments.append((_SPACE.sub(" ", text[pos:hit.start]), False))
        segments.append((text[hit.start:min(hit.end, end)], True))
        pos = min(hit.end, end)
    if pos < end:
        segments.append((_SPACE.sub(" ", text[pos:end]), False))
    if end < len(text):
        segments.append(("…", False))
    return segments


def kwic_lines(query: Query, text: str, width: int = 60) -> list[tuple[str, str, str]]:
    """(left, match, right) for each hit in the original ``text``."""
    out = []
    for hit in find_hits(query, text):
        left = _SPACE.sub(" ", text[max(0, hit.start - width):hit.start])
        right = _SPACE.sub(" ", text[hit.end:hit.end + width])
        out.append((left, text[hit.start:hit.end], right))
    return out
