"""Tokens of normalised text and the scanner's view of them (lines, words, date stamps)."""
from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, NamedTuple

from ..arabic import CLITIC_GROUPS, CONJUNCTIONS
from .vocab import vocab

# One pass over normalised text. A number may carry glued clitics (و350, ل24, ب5, ال25) but must
# start a word: "كوب29" is a name, not a number.
_TOKEN = re.compile(
    r"(?P<num>(?<!\w)(?P<pre>[وف]?(?:[بلك]?ال|لل|[بلك])?)"
    # "1 200 000": thousands separated by spaces (French and Russian habit), groups of three
    r"(?P<digits>\d+ر\d+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)|\d+(?:[.,،]\d+)*))"
    r"|(?P<word>[\u0621-\u064A]+)"
    r"|(?P<pct>[%٪])"
    r"|(?P<dash>[-–—])"
    r"|(?P<punct>[^\s\w])"
    r"|(?P<other>\w+)"
)


class Tok(NamedTuple):
    kind: str  # num, word, pct, dash, punct, other
    text: str  # normalised token text (for num: the digits only)
    s: int  # normalised start (including any glued prefix)
    e: int
    pre: str = ""  # glued clitic prefix of a num token


def tokenize(norm: str) -> list[Tok]:
    toks: list[Tok] = []
    append = toks.append
    new = tuple.__new__  # Tok(...) without its Python-level __new__: one per word of the text
    for m in _TOKEN.finditer(norm):
        kind = m.lastgroup  # the alternative's group ("num" encloses "pre" and "digits")
        if kind == "num":
            start, end = m.span()
            append(new(Tok, ("num", m.group("digits"), start, end, m.group("pre") or "")))
        else:  # the token's text is the match's (no slice of ``norm``), its span unpacked in place
            append(new(Tok, (kind or "other", m.group(), *m.span(), "")))
    return toks


def strip_word_prefix(word: str, table: Mapping[str, Any]) -> tuple[str, Any] | None:
    """Look a word up, allowing one glued و/ف (or ب/ل/ك when 3+ letters remain)."""
    if word in table:
        return word, table[word]
    for p in CLITIC_GROUPS:
        rest = word[len(p):]
        if word.startswith(p) and rest in table and (p in CONJUNCTIONS or len(rest) >= 3):
            return rest, table[rest]
    return None


class Scanner:
    """A token list (normalised coordinates) with the lookups every reading rule needs."""

    def __init__(self, norm: str, toks: list[Tok], original: str = ""):
        self.norm = norm
        self.original = original
        self.toks = toks
        self.v = vocab()

    def tok(self, i: int) -> Tok | None:
        return self.toks[i] if 0 <= i < len(self.toks) else None

    def same_line(self, i: int, j: int) -> bool:
        """No line break between tokens i and j (i < j)."""
        a, b = self.tok(i), self.tok(j)
        return a is not None and b is not None and "\n" not in self.norm[a.e:b.s]

    def word(self, i: int) -> str | None:
        t = self.tok(i)
        return t.text if t is not None and t.kind == "word" else None

    def is_date_or_time(self, i: int) -> bool:
        """num token followed by :, / or . and another number (15:40, 19/8/2024)."""
        t, sep, nxt = self.tok(i), self.tok(i + 1), self.tok(i + 2)
        if t is None or sep is None or nxt is None or sep.kind != "punct" or nxt.kind != "num":
            return False
        return sep.text in ":/" and sep.s == t.e and nxt.s == sep.e

    def phrase_before(self, i: int, phrases) -> int | None:
        """Where one of ``phrases`` (token tuples) starts when it ends right before token i."""
        for phrase in phrases:
            k = i - len(phrase)
            if k >= 0 and all(self.word(k + n) in (p, "و" + p) for n, p in enumerate(phrase)):
                return k
        return None
