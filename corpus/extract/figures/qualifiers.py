"""Where a figure's text starts and what qualifies it: a qualifier ("نحو", "أكثر من"), a "$"/"%"
sign, a growth verb right before a percentage, or a verb opening the clause ("تجاوز حجم التجارة 4
مليارات" → more_than)."""
from __future__ import annotations

from ..numbers import NumberMention, vocab
from .lexicon import Lex
from .units import Unit, symbol_before
from .words import Word, after_conj, find_terms, match_at, strip1


def _lead_verb_start(words_before: list[Word], lex: Lex) -> int | None:
    """Start of a growth verb right before the number ("ارتفع 11", "ارتفع بنسبة 11")."""
    if not words_before:
        return None
    last = words_before[-1]
    if last.norm in lex.lead_verbs or strip1(last.norm) in lex.lead_verbs:
        if last.norm in lex.lead_nouns and len(words_before) > 1:
            prev = words_before[-2]
            if prev.norm in lex.lead_verbs or strip1(prev.norm) in lex.lead_verbs:
                return after_conj(prev)
        return after_conj(last)
    return None


def _fronted_verb(before: list[Word], kind: str, lex: Lex) -> tuple[int, str | None] | None:
    """A verb opening the clause with the metric as its subject: "تجاوز حجم التجارة 4 مليارات".

    → (offset where the verb starts, qualifier it implies: more_than/less_than, or None for a
    growth verb before a percentage).
    """
    window = before[-lex.fronted_window:]
    for k in range(len(window) - 1, -1, -1):
        if not window[k].norm[:1].isalpha():
            break  # punctuation or a number: another clause
        subject = window[k + 1:]
        if not subject or not (find_terms(subject, lex.metrics) or find_terms(subject, lex.economic)):
            continue
        got = match_at(window, k, lex.fronted)
        if got is not None and got[1] == k + len(got[0][0]):
            negated = match_at(window, k - 1, lex.fronted) if k > 0 else None
            if negated is not None and negated[1] == k + 1:  # "لا يتجاوز حجم التجارة ..."
                return after_conj(window[k - 1]), negated[0][1]
            return after_conj(window[k]), got[0][1]
        if kind == "percent" and (window[k].norm in lex.lead_verbs
                                  or strip1(window[k].norm) in lex.lead_verbs):
            return after_conj(window[k]), None
    return None


def span_start(text: str, m: NumberMention, unit: Unit, before: list[Word], qualifier: str,
               lex: Lex) -> tuple[int, str]:
    """Where the figure text starts: the qualifier, a "$"/"%" sign, or the verb before it."""
    start = m.qualifier_start
    symbol = symbol_before(text, m)
    if symbol is not None and unit.next_word == 0:
        start = min(start, symbol[1])
    fronted = _fronted_verb(before, unit.unit, lex) if m.qualifier_start == m.start else None
    if fronted is not None and (qualifier == "exact" or fronted[1] is None):
        return fronted[0], fronted[1] or qualifier
    lead = _lead_verb_start(before, lex) if unit.unit == "percent" else None
    return (lead if lead is not None else start), qualifier


def qualifier_ending_at(words: list[Word], k: int) -> tuple[str, int] | None:
    """(class, index where it starts) for a qualifier ("نحو", "أكثر من") ending right before k."""
    for phrase, cls in vocab().qualifiers:
        i = k - len(phrase)
        if i < 0:
            continue
        first = words[i].norm
        if not (first == phrase[0] or any(first == p + phrase[0] for p in ("و", "ب", "وب"))):
            continue
        if all(words[i + n].norm == t for n, t in enumerate(phrase) if n > 0):
            return cls, i
    return None
