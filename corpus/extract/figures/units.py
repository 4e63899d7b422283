"""The unit written with a number (%, بالمئة, دولار, طن, شركة, اتفاقية, "$" before it, "عدد
الشركات … 1200") and how far the figure text runs after it (coordinated nouns, تقريبا, complements)."""
from __future__ import annotations

from typing import NamedTuple

from ..numbers import NumberMention, vocab
from .lexicon import Lex
from .words import Word, match_at, strip1


class Unit(NamedTuple):
    unit: str
    metric: str | None
    currency: str | None
    end: int  # original offset where the unit words end
    next_word: int  # index in the after-words list following the unit


def unit_after(words: list[Word], lex: Lex) -> Unit | None:
    """The unit written right after a number: %, بالمئة, دولار, روبل, طن, شركة, اتفاقية ..."""
    for terms, kind in ((lex.percent, "percent"), (lex.currencies, "currency"),
                        (lex.volumes, "volume"), (lex.count_nouns, "count")):
        got = match_at(words, 0, terms, allow_clitic=(kind == "percent"))
        if got is None:
            continue
        (_, payload), k = got
        end = words[k - 1].end
        if kind == "currency":
            unit, currency = payload
            return Unit(unit, None, currency, end, k)
        if kind == "count":
            return Unit("count", payload, None, end, k)
        return Unit("percent" if kind == "percent" else "other", None, None, end, k)
    return None


def symbol_before(text: str, m: NumberMention) -> tuple[str, int] | None:
    """"$" or "%" written right before the number ("$5", "%5") → (unit, its offset)."""
    i = m.start - 1
    while i >= 0 and text[i] == " ":
        i -= 1
    if i >= 0 and text[i] in "$%٪" and (i == 0 or not text[i - 1].isdigit()):
        return ("USD" if text[i] == "$" else "percent"), i
    return None


def currency_of_earlier_amount(before: list[Word], lex: Lex) -> Unit | None:
    """"تجاوز أربعة مليارات دولار، وعن استثمارات تقارب ستة مليارات": an amount written with a
    scale word and no unit repeats the currency of an amount shortly before it in the sentence."""
    for k in range(len(before) - 1, -1, -1):
        got = match_at(before, k, lex.currencies)
        if got is not None and k > 0 and before[k - 1].norm in vocab().scales:
            (_, (unit, currency)), _ = got
            return Unit(unit, None, currency, 0, 0)
    return None


def usd_implied(words: list[Word], lex: Lex) -> bool:
    limit = min(len(words), lex.usd_window)
    return any(match_at(words, k, lex.usd_implied) for k in range(limit))


def count_from_context(before: list[Word], lex: Lex) -> str | None:
    """"عدد الشركات الروسية في أذربيجان 1200" → companies (عدد + count noun shortly before)."""
    window = before[-8:]
    for k, w in enumerate(window):
        if strip1(w.norm) in lex.count_heads or w.norm in lex.count_heads:
            for n in range(k + 1, min(k + 3, len(window))):
                got = match_at(window, n, lex.count_nouns)
                if got is not None:
                    return got[0][1]  # the noun's metric
    return None


def signed_documents(after: list[Word], before: list[Word], lex: Lex) -> Unit | None:
    """"وقع الجانبان 8 وثائق", "وأقر الزعماء 12 وثيقة": documents counted as agreements when a
    signing or adopting word precedes the number in its sentence; not "ست وثائق أخرى" (the rest
    of a ceremony's documents after the one it names, not how many were signed)."""
    got = match_at(after, 0, lex.signed_docs, allow_clitic=False)
    if got is None or not any(w.norm in lex.signing or strip1(w.norm) in lex.signing for w in before):
        return None
    following = after[got[1]: got[1] + 1]
    if any(w.norm in lex.doc_remainder for w in following):
        return None
    return Unit("count", "agreements", None, after[got[1] - 1].end, got[1])


def extend_end(m: NumberMention, unit: Unit, after: list[Word], lex: Lex) -> tuple[int, str]:
    """Where the figure text ends (coordinated nouns, تقريبا, complements) and its qualifier."""
    end, k, qualifier = unit.end, unit.next_word, m.qualifier
    if unit.unit == "count" and k > 0:
        end, k = _extend_count(after, k, end, lex)
    if k < len(after) and after[k].norm in vocab().trailing_approx:
        qualifier = "approx" if qualifier == "exact" else qualifier
        end, k = after[k].end, k + 1
    return _extend_complement(after, k, end, lex), qualifier


def _extend_count(after: list[Word], k: int, end: int, lex: Lex) -> tuple[int, int]:
    """Keep coordinated count nouns and economic adjectives: "170 معاهدة واتفاقية"."""
    while k < len(after):
        w = after[k].norm
        if w in lex.adjectives:
            end, k = after[k].end, k + 1
            continue
        if w[:1] == "و":
            got = match_at([Word(w[1:], 0, 0), *after[k + 1:]], 0, lex.count_nouns,
                            allow_clitic=False)
            if got is not None:
                last = k + got[1] - 1
                end, k = after[last].end, last + 1
                continue
        break
    return end, k


def _extend_complement(after: list[Word], k: int, end: int, lex: Lex) -> int:
    """Keep "في المجال الاقتصادي" / "من إجمالي تجارة روسيا الخارجية" in the figure text."""
    got = match_at(after, k, lex.complements, allow_clitic=False)
    if got is None:
        return end
    j = got[1]
    stop = min(len(after), j + lex.complement_words)
    while j < stop and after[j].norm[:1].isalnum():
        j += 1
    return after[j - 1].end
