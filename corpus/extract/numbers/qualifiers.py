"""Qualifiers in front of a number: أكثر من, نحو, حوالي, أقل من (vocabulary in numbers.yaml)."""
from __future__ import annotations

from ..arabic import CONJUNCTIONS
from .tokens import Scanner, Tok

# A qualifier's first word may carry a conjunction and then ب: "ونحو", "بنحو", "وبأكثر".
_QUALIFIER_CLITICS = ("وب", "فب", "و", "ف", "ب")


def qualifier_before(sc: Scanner, i: int) -> tuple[str, int] | None:
    """(class, token index where the phrase starts) for a qualifier ending just before i."""
    last = sc.word(i - 1)
    for phrase, cls in sc.v.qualifiers:
        if phrase and (last is None or len(phrase) > 1 and phrase[-1] != last):
            continue  # its last word is not the word before i: _phrase_at would say no
        k = i - len(phrase)
        if k >= 0 and _phrase_at(sc, phrase, k, i):
            return cls, k
    return None


def _phrase_at(sc: Scanner, phrase: tuple[str, ...], k: int, i: int) -> bool:
    """Do tokens k.. spell ``phrase`` on the line of token i (a clitic allowed on its first word)?"""
    for n, p in enumerate(phrase):
        w = sc.word(k + n)
        if w is None or not sc.same_line(k + n, i):
            return False
        if w != p and not (n == 0 and _qualifier_clitic(w, p)):
            return False
    return True


def _qualifier_clitic(word: str, phrase_word: str) -> bool:
    """"ونحو", "بنحو", "وبأكثر": a qualifier's first word may carry و/ف and then ب."""
    for p in _QUALIFIER_CLITICS:
        if word.startswith(p) and word[len(p):] == phrase_word:
            return True
    return False


def skip_conj(tok: Tok, sc: Scanner) -> int:
    """Start a qualifier after a glued و/ف but keep ب: "ونحو" → "نحو", "وبنحو" → "بنحو"."""
    rest = tok.text[1:]
    if tok.text[:1] in CONJUNCTIONS and any(
            p[0] in (rest, rest[1:] if rest[:1] == "ب" else None) for p, _ in sc.v.qualifiers):
        return tok.s + 1
    return tok.s
