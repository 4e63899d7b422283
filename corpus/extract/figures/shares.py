"""Shares: a fraction in words before an economic term ("ثلث واردات البلاد") is a figure; a share
of land, people or votes ("20% من أراضيها", "ثلث السكان") is not."""
from __future__ import annotations

from functools import lru_cache

from ...models import Figure
from ..numbers import vocab
from .lexicon import Lex
from .qualifiers import qualifier_ending_at
from .sentences import Sentence
from .words import Word, after_conj, is_word_in, match_at

_FRACTION_CLITICS = ("وب", "وك", "فب", "و", "ف", "ب", "ك", "ل")


@lru_cache(maxsize=1 << 16)
def _fraction_of(word: str) -> float | None:
    """"ثلث", "بنحو" no; "بثلث", "وربع" → the fraction; never with ال ("النصف الأول" is a period)."""
    fractions = vocab().fractions
    if word in fractions:
        return fractions[word]
    for p in _FRACTION_CLITICS:
        if word.startswith(p) and word[len(p):] in fractions:
            return fractions[word[len(p):]]
    return None


def as_percent(fraction: float) -> float:
    """A fraction in words as the percentage readers compare it with: ثلث → 33.3, ربع → 25."""
    return round(fraction * 100, 1)


def may_open_share(norm: str) -> bool:
    """Can a word spelled ``norm`` open a fraction share (the words ``fraction_figures`` starts from)?"""
    return _fraction_of(norm) is not None


def fraction_figures(text: str, sent: Sentence, words: list[Word], lex: Lex) -> list[Figure]:
    """"ثلث واردات البلاد", "نحو نصف التجارة الخارجية": a fraction in words right before an
    economic term is a share (a percentage: ربع is 25). "نصف مليار" is an amount
    (the numbers package), "النصف الأول" a period and "ثلث الأراضي" a share of land: none is taken here."""
    scales = vocab().scales
    out = []
    for k, w in enumerate(words[:-1]):
        value = _fraction_of(w.norm)
        if value is None or words[k + 1].norm in scales:
            continue
        if k > 0 and (words[k - 1].norm in scales or words[k - 1].norm[:1].isdigit()):
            continue  # "مليار ونصف", "3 ونصف": part of an amount
        got = match_at(words, k + 1, lex.metrics) or match_at(words, k + 1, lex.economic)
        if got is None or any(is_word_in(x, lex.share_of_not_economic) for x in words[k + 1:k + 3]):
            continue
        qual = qualifier_ending_at(words, k)
        start = after_conj(words[qual[1]]) if qual else after_conj(w)
        end = words[got[1] - 1].end
        out.append(Figure(text=text[start:end], value=as_percent(value), value_max=None, unit="percent",
                          metric="other", qualifier=qual[0] if qual else "exact", period=None,
                          sentence=text[sent.start:sent.end], start=start))
    return out


def share_of_land_or_people(after: list[Word], k: int, lex: Lex) -> bool:
    """"20% من أراضيها", "ثلث السكان": a share of territory, people or votes."""
    if k < len(after) and after[k].norm in lex.share_prepositions:
        k += 1
    elif k > 0:
        return False
    return any(is_word_in(w, lex.share_of_not_economic) for w in after[k:k + 3])
