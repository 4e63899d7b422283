"""Words of the original text (normalised, with offsets) and matching lexicon terms on them.

A term is (normalised words, payload). Terms are kept longest first (so that "حجم التبادل
التجاري" wins over "التبادل التجاري") and indexed by their first word; the first word of a term
may carry clitics (و ف ب ل ك, ال, لل), later words و and/or ال.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from itertools import chain, repeat
from operator import itemgetter
from typing import Any, NamedTuple

from ...normalize import normalize
from ..arabic import SINGLE_CLITICS

# Words in the original text (harakat and tatweel stay inside the word), or single symbols.
_WORD = re.compile(r"[\w\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]+|[%٪$€]|[^\s\w]")


class Word(NamedTuple):
    norm: str
    start: int
    end: int


_NORM = itemgetter(0)  # Word.norm


# News vocabularies repeat: each distinct word is normalised once (per process).
_normalize_word = lru_cache(maxsize=65536)(normalize)


def scan_words(text: str, start: int, end: int) -> list[Word]:
    """Normalised words of text[start:end] with their original offsets, by scanning that stretch
    (the reference ``words_in`` equals)."""
    out = []
    for m in _WORD.finditer(text, start, end):
        norm = _normalize_word(m.group(0))
        if norm:
            out.append(Word(norm, m.start(), m.end()))
    return out


class _TextWords:
    """Every word of one text, scanned once. _WORD splits a text into maximal runs of word
    characters and single symbols, so the words of a stretch are the text's words inside it, a
    run cut by either end of the stretch being cut the same way."""

    def __init__(self, text: str):
        self.text = text
        found = list(_WORD.finditer(text))
        self.starts = list(map(re.Match.start, found))
        self.ends = list(map(re.Match.end, found))
        norms = list(map(_normalize_word, map(re.Match.group, found)))
        # Word(norm, start, end) for each, built without a Python call per word
        self.words = list(map(tuple.__new__, repeat(Word, len(norms)), zip(norms, self.starts, self.ends)))
        self.all_named = all(norms)

    def between(self, start: int, end: int) -> list[Word]:
        start, end = max(start, 0), min(end, len(self.text))
        i, j = bisect.bisect_right(self.ends, start), bisect.bisect_left(self.starts, end)
        out = self.words[i:j]
        if not out:
            return out
        if out[0].start < start:
            out[0] = self._cut(start, min(out[0].end, end))
        if out[-1].end > end:
            out[-1] = self._cut(out[-1].start, end)
        return out if self.all_named and out[0].norm and out[-1].norm else [w for w in out if w.norm]

    def _cut(self, start: int, end: int) -> Word:
        return Word(_normalize_word(self.text[start:end]), start, end)


# The figures of one text ask for the words of many stretches of it: its words are kept.
_last: _TextWords | None = None


def words_in(text: str, start: int, end: int) -> list[Word]:
    """Normalised words of text[start:end] with their original offsets (equal to
    ``scan_words``; the words of the last text asked about are kept)."""
    global _last
    known = _last
    if known is None or known.text is not text:
        known = _last = _TextWords(text)
    return known.between(start, end)


Term = tuple[tuple[str, ...], Any]  # the payload differs per table (see Lex)
_MEMO_WORDS = 1 << 16  # distinct text words remembered per table


class Terms:
    def __init__(self, terms: list[Term]):
        self.terms = tuple(sorted(terms, key=lambda t: (-len(t[0]), t[0])))
        self.rank = {t: n for n, t in enumerate(self.terms)}
        self.by_first: dict[str, list[Term]] = {}
        for t in self.terms:
            if t[0]:
                self.by_first.setdefault(t[0][0], []).append(t)
        self.firsts = frozenset(self.by_first)

        # word → its terms, with and without clitics: text words repeat, and most have none.
        self._starting: tuple[dict[str, tuple[Term, ...]], dict[str, tuple[Term, ...]]] = ({}, {})

    def cannot_start(self, keys: frozenset[str]) -> bool:
        """Is no term's first word among ``keys`` (``words_keys`` of some words)? Then no term
        starts at any of those words."""
        return self.firsts.isdisjoint(keys)

    def starting_with(self, word: str, allow_clitic: bool) -> tuple[Term, ...]:
        """Terms whose first word ``word`` may spell (longest first)."""
        memo = self._starting[allow_clitic]
        found = memo.get(word)
        if found is None:
            if len(memo) >= _MEMO_WORDS:
                memo.clear()  # bounded over a long ingest
            found = memo[word] = self._starting_with(word, allow_clitic)
        return found

    def _starting_with(self, word: str, allow_clitic: bool) -> tuple[Term, ...]:
        keys = term_words_for(word) if allow_clitic else (word,)
        found = [t for key in keys for t in self.by_first.get(key, ())]
        return tuple(sorted(set(found), key=self.rank.__getitem__))


def _word_eq(w: str, t: str) -> bool:
    """Does a later word ``w`` of a phrase spell term word ``t``? It may carry و and/or ال
    ("مذكرات التفاهم", "النفط والغاز"); the first word of a term goes through term_words_for.
    """
    if w == t:
        return True
    bare = t[2:] if t.startswith("ال") else t
    if w.startswith("و") and w[1:] in (t, "ال" + bare):
        return True
    return w == "ال" + bare and len(bare) >= 3


@lru_cache(maxsize=1 << 16)
def term_words_for(w: str) -> tuple[str, ...]:
    """The term words a text word may spell once its clitics (و ف ب ل ك, ال, لل) are dropped."""
    keys = [w]
    if w[:1] in SINGLE_CLITICS:
        keys.append(w[1:])
        if w[1:3] == "ال":
            keys.append(w[3:])
    if w.startswith("لل"):
        keys += [w[2:], "ال" + w[2:]]
    if w.startswith("ال") and len(w) >= 5:
        keys.append(w[2:])
    return tuple(keys)


def match_at(words: list[Word], k: int, terms: Terms,
             allow_clitic: bool = True) -> tuple[Term, int] | None:
    """The first (longest) term matching words[k:] → (term, index after it)."""
    if k >= len(words):
        return None
    return _first_match(words, k, terms.starting_with(words[k].norm, allow_clitic))


def _first_match(words: list[Word], k: int, candidates: tuple[Term, ...]) -> tuple[Term, int] | None:
    """The first of ``candidates`` (terms whose first word words[k] spells) that words[k:] spell."""
    for term in candidates:
        toks = term[0]
        if k + len(toks) > len(words):
            continue
        if all(_word_eq(words[k + n].norm, t) for n, t in enumerate(toks) if n > 0):
            return term, k + len(toks)
    return None


def words_keys(words: list[Word]) -> frozenset[str]:
    """Every term word the ``words`` may spell (``term_words_for`` of each)."""
    return frozenset(chain.from_iterable(map(term_words_for, map(_NORM, words))))  # in C


def find_terms(words: list[Word], terms: Terms, keys: frozenset[str] | None = None) -> list[tuple[int, int, Term]]:
    """All (word index, end index, term) matches of ``terms`` in ``words`` (clitic-aware;
    ``keys``: ``words_keys(words)``, when known: a table none of whose terms can start there
    is not scanned)."""
    if keys is not None and terms.cannot_start(keys):
        return []
    hits = []
    k = 0
    starting_with = terms.starting_with
    while k < len(words):
        candidates = starting_with(words[k].norm, True)
        got = _first_match(words, k, candidates) if candidates else None  # match_at, one call less
        if got is not None:
            hits.append((k, got[1], got[0]))
            k = got[1]
        else:
            k += 1
    return hits


@lru_cache(maxsize=1 << 16)
def strip1(w: str) -> str:
    return w[1:] if w[:1] in SINGLE_CLITICS and len(w) > 3 else w


def is_word_in(w: Word, words: frozenset[str]) -> bool:
    """Is ``w``, once its clitics and article are dropped, one of ``words``?"""
    return w.norm in words or _spelled_in(w.norm, words)


@lru_cache(maxsize=1 << 17)
def _spelled_in(norm: str, words: frozenset[str]) -> bool:
    return strip1(norm) in words or any(k in words for k in term_words_for(norm))


def after_conj(w: Word) -> int:
    return w.start + 1 if w.norm[:1] in ("و", "ف") and len(w.norm) > 3 else w.start
