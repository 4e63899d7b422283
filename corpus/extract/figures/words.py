"""Words of the original text (normalised, with offsets) and matching lexicon terms on them.

A term is (normalised words, payload). Terms are kept longest first (so that "حجم التبادل
التجاري" wins over "التبادل التجاري") and indexed by their first word; the first word of a term
may carry clitics (و ف ب ل ك, ال, لل), later words و and/or ال.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, NamedTuple

from ...normalize import normalize
from ..arabic import SINGLE_CLITICS

# Words in the original text (harakat and tatweel stay inside the word), or single symbols.
_WORD = re.compile(r"[\w\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]+|[%٪$€]|[^\s\w]")


class Word(NamedTuple):
    norm: str
    start: int
    end: int


# News vocabularies repeat: each distinct word is normalised once (per process).
_normalize_word = lru_cache(maxsize=65536)(normalize)


def words_in(text: str, start: int, end: int) -> list[Word]:
    """Normalised words of text[start:end] with their original offsets."""
    out = []
    for m in _WORD.finditer(text, start, end):
        norm = _normalize_word(m.group(0))
        if norm:
            out.append(Word(norm, m.start(), m.end()))
    return out


Term = tuple[tuple[str, ...], Any]  # the payload differs per table (see Lex)


class Terms:
    def __init__(self, terms: list[Term]):
        self.terms = tuple(sorted(terms, key=lambda t: (-len(t[0]), t[0])))
        self.rank = {t: n for n, t in enumerate(self.terms)}
        self.by_first: dict[str, list[Term]] = {}
        for t in self.terms:
            if t[0]:
                self.by_first.setdefault(t[0][0], []).append(t)

    def starting_with(self, word: str, allow_clitic: bool) -> list[Term]:
        """Terms whose first word ``word`` may spell (longest first)."""
        keys = term_words_for(word) if allow_clitic else (word,)
        found = [t for key in keys for t in self.by_first.get(key, ())]
        return sorted(set(found), key=self.rank.__getitem__)


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
    for term in terms.starting_with(words[k].norm, allow_clitic):
        toks = term[0]
        if k + len(toks) > len(words):
            continue
        if all(_word_eq(words[k + n].norm, t) for n, t in enumerate(toks) if n > 0):
            return term, k + len(toks)
    return None


def find_terms(words: list[Word], terms: Terms) -> list[tuple[int, int, Term]]:
    """All (word index, end index, term) matches of ``terms`` in ``words`` (clitic-aware)."""
    hits = []
    k = 0
    while k < len(words):
        got = match_at(words, k, terms)
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
    return w.norm in words or strip1(w.norm) in words or any(k in words for k in term_words_for(w.norm))


def after_conj(w: Word) -> int:
    return w.start + 1 if w.norm[:1] in ("و", "ف") and len(w.norm) > 3 else w.start
