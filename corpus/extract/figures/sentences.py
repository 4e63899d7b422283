"""Sentences and clauses of an article body, and how far around a number its words may lie."""
from __future__ import annotations

import bisect
from typing import NamedTuple

from ..arabic import SENTENCE_END
from .lexicon import Lex
from .words import Word

# Punctuation that closes a clause.
PUNCT_BREAK = frozenset("،,:()[]{}«»\"“”'|")
NEAR = 300  # characters around a number that can hold its unit, verb, qualifier or noun


class Sentence(NamedTuple):
    start: int
    end: int


def split_sentences(text: str) -> list[Sentence]:
    """Sentence spans of ``text`` (Arabic punctuation, line breaks; decimals are not split)."""
    spans: list[Sentence] = []
    pos = 0
    for m in SENTENCE_END.finditer(text):
        end = m.end()
        if text[pos:end].strip():
            spans.append(_trim(text, pos, end))
        pos = end
    if text[pos:].strip():
        spans.append(_trim(text, pos, len(text)))
    return spans


def _trim(text: str, start: int, end: int) -> Sentence:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Sentence(start, end)


def sentence_of(sentences: list[Sentence], pos: int) -> Sentence | None:
    i = bisect.bisect_right([s.start for s in sentences], pos) - 1
    return sentences[i] if i >= 0 and pos < sentences[i].end else None


def clause_len(words: list[Word]) -> int:
    for k, w in enumerate(words):
        if w.norm in PUNCT_BREAK:
            return k
    return len(words)


def start_of_clause(text: str, floor: int, pos: int) -> int:
    return max(floor, text.rfind("،", floor, pos) + 1, text.rfind(",", floor, pos) + 1)


def clause_before(before: list[Word], lex: Lex) -> list[Word]:
    """The words of the clause before a number (after the last comma), at most a window."""
    window = before[-lex.multiplier_window:]
    for k in range(len(window) - 1, -1, -1):
        if window[k].norm in PUNCT_BREAK:
            return window[k + 1:]
    return window
