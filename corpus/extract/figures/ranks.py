"""Ranks among trade partners, investors or suppliers: "المرتبة الثالثة", "ثاني أكبر شريك تجاري",
"الشريك التجاري الثاني" (unit other, the value is the rank)."""
from __future__ import annotations

import re

from ...models import Figure
from ..numbers import vocab
from .lexicon import Lex
from .sentences import Sentence
from .words import Word, after_conj, is_word_in, match_at, strip1

_RANK_DIGITS = re.compile(r"^(?:ال)?(\d{1,3})$")


def _rank_after(words: list[Word], k: int) -> tuple[float, int] | None:
    """(rank, index after it) for the ordinal at k: "الثالثة", "الـ5", "ال12", "15"."""
    if k >= len(words):
        return None
    w = words[k].norm
    ordinals = vocab().ordinals
    if w in ordinals:
        return float(ordinals[w]), k + 1
    m = _RANK_DIGITS.match(w)
    if m:
        return float(m.group(1)), k + 1
    if w == "ال" and k + 1 < len(words) and words[k + 1].norm.isdigit() and len(words[k + 1].norm) <= 3:
        return float(words[k + 1].norm), k + 2
    return None


def _economic_rank(words: list[Word], lex: Lex) -> bool:
    """Is a rank in this sentence a rank among trade partners, investors or suppliers?"""
    norms = {w.norm for w in words} | {strip1(w.norm) for w in words}
    return bool(norms & lex.rank_actors) or bool(norms & lex.rank_context and norms & lex.rank_needs)


def _ranked_by_economic_measure(words: list[Word], k: int, lex: Lex) -> bool:
    """"... من حيث حجم التبادل التجاري": the rank at words[:k] is by an economic measure."""
    got = match_at(words, k, lex.rank_by, allow_clitic=False) or \
        match_at(words, k + 1, lex.rank_by, allow_clitic=False)  # "المركز الخامس عالميا في"
    if got is None:
        return False
    return any(match_at(words, n, terms) for n in range(got[1], min(got[1] + 2, len(words)))
               for terms in (lex.metrics, lex.economic))


def ranks(text: str, sent: Sentence, words: list[Word], lex: Lex) -> list[Figure]:
    """"المرتبة الثالثة" / "ثاني أكبر شريك تجاري" among trade partners, investors or suppliers, or
    by an economic measure → a rank figure (unit other, the value is the rank)."""
    construct = vocab().construct_ordinals
    out = []
    economic: list[bool] = []  # computed once, when a rank word is met

    def is_economic() -> bool:
        if not economic:
            economic.append(_economic_rank(words, lex))
        return economic[0]

    for k, noun in enumerate(words):
        if is_word_in(noun, lex.rank_nouns):
            got = _rank_after(words, k + 1)
            if got is None or not (is_economic() or _ranked_by_economic_measure(words, got[1], lex)):
                continue
            value, end = got
        elif (noun.norm in construct or strip1(noun.norm) in construct) and is_economic():
            actor_end = _superlative_of_actor(words, k + 1, lex)
            if actor_end is None:
                continue
            end = actor_end
            value = float(construct.get(noun.norm) or construct[strip1(noun.norm)])
        elif is_word_in(noun, lex.rank_partner_nouns) and k + 2 < len(words) \
                and words[k + 1].norm in lex.rank_needs and words[k + 2].norm in vocab().ordinals:
            value, end = float(vocab().ordinals[words[k + 2].norm]), k + 3  # "الشريك التجاري الثاني"
        else:
            continue
        start = after_conj(noun)
        out.append(Figure(text=text[start:words[end - 1].end], value=value, value_max=None,
                          unit="other", metric="other", qualifier="exact", period=None,
                          sentence=text[sent.start:sent.end], start=start))
    return out


def may_open_rank(norm: str, lex: Lex) -> bool:
    """Can a word spelled ``norm`` open a rank (the words ``ranks`` starts from)?"""
    w = Word(norm, 0, 0)
    construct = vocab().construct_ordinals
    return is_word_in(w, lex.rank_nouns) or norm in construct or strip1(norm) in construct \
        or is_word_in(w, lex.rank_partner_nouns)


def _superlative_of_actor(words: list[Word], k: int, lex: Lex) -> int | None:
    """"(ثاني) أكبر شريك/مستثمر": a superlative, then a partner or an economic actor within two
    words → the index after the actor."""
    if k >= len(words) or words[k].norm not in lex.rank_superlatives:
        return None
    for n in range(k + 1, min(k + 3, len(words))):
        if is_word_in(words[n], lex.rank_context) or is_word_in(words[n], lex.rank_actors):
            return n + 1
    return None
