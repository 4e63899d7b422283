"""Numbers that are not figures because of what stands before them: a page counter
("المشاهدات: 1.2 ألف") or the quantity a price is for.

A rule of Arabic news writing: a quantity after "لكل", "مقابل كل" or, after a price, "للـ" ("per
…") is the unit of that price ("بسعر 300 دولار لكل ألف متر مكعب"), never a figure of its own.
Nor is a price a figure of the relations: "سعر القمح 235 دولارا للطن" is not an amount of trade
or investment, and charted beside them in dollars it would read as one (every blind set's
writers, six of them, left prices out). Another amount per unit, with no price word before it
("وفرت 2500 دولار مقابل كل 15 طنا", a saving), stays a figure with the metric other.
"""
from __future__ import annotations

from ..numbers import NumberMention, vocab
from .lexicon import Lex
from .units import Unit
from .sentences import clause_before
from .words import Word, find_terms, match_at

# Separators between a page counter's label and its number ("عدد القراءات: 3400").
_COUNTER_SEPARATORS = frozenset((":", "-", "|"))
# How many words before a per word (or a bare scale word) may hold the price's currency.
_PRICE_WORDS = 3


def not_a_figure_by_what_precedes(text: str, m: NumberMention, before: list[Word], after: list[Word],
                                  lex: Lex) -> bool:
    """A page counter or the unit of a price: no figure, whatever follows the number."""
    return _page_counter(before, lex) or _unit_of_a_price(text, m, before, after, lex)


def _page_counter(before: list[Word], lex: Lex) -> bool:
    """"المشاهدات: 1.2 ألف": a counter label shortly before the number, in its clause."""
    words = [w for w in before if w.norm not in _COUNTER_SEPARATORS][-lex.counter_window:]
    return any(w.norm in lex.counter_labels for w in words)


def _unit_of_a_price(text: str, m: NumberMention, before: list[Word], after: list[Word], lex: Lex) -> bool:
    """"لكل ألف متر مكعب", "مقابل كل 15 طنا", "300 دولار للـ 1000 متر مكعب", "250 دولارا مقابل
    ألف متر مكعب": what the price before it is for."""
    if not before:
        return False
    if before[-1].norm in lex.per_unit:
        return True
    if before[-1].norm in lex.per_unit_after_price:
        # "للـ" is "to the" too: "5 ملايين دولار للـ 20 شركة" gives to 20 companies. Only a
        # measured quantity after a price is what the price is for.
        return _currency_in(before[-1 - _PRICE_WORDS:-1], lex) \
            and match_at(after, 0, lex.volumes, allow_clitic=False) is not None
    return _bare_scale_after_money(text, m, before, lex)


def _bare_scale_after_money(text: str, m: NumberMention, before: list[Word], lex: Lex) -> bool:
    """"250 دولارا مقابل ألف متر مكعب": a bare scale word (no digits) right after a money unit
    names what the price is for."""
    if not (m.words and m.scaled and m.value in (1e3, 1e6)) or m.qualifier_start != m.start:
        return False
    if (before and before[-1].norm == "و") or text[m.start - 1:m.start] == "و":
        return False  # "200 مليون دولار ومليون طن": a second figure, coordinated
    return _currency_in(before[-_PRICE_WORDS:], lex)


def _currency_in(words: list[Word], lex: Lex) -> bool:
    return any(match_at(words, k, lex.currencies, allow_clitic=False) for k in range(len(words)))


# A money amount under this after a price word is the price of one thing ("متوسط سعر الليلة في
# الفنادق 90 دولارا"), not an amount of trade: those run to millions.
UNIT_PRICE_MAX = 100_000


def is_money(unit: Unit) -> bool:
    return unit.unit == "USD" or unit.currency is not None


def a_price(before: list[Word], lex: Lex) -> bool:
    """A price word ("سعر", "بكلفة") in the clause before an amount."""
    return bool(find_terms(clause_before(before, lex), lex.price_words))


def priced_per_unit(unit: Unit, after: list[Word], lex: Lex) -> bool:
    """Is this money a price per unit: "300 دولار لكل ألف متر مكعب", "40 دولارا مقابل كل طن",
    "210 دولارات للـ 1000 متر مكعب", "235 دولارا للطن"? A per word right after the money (or after
    one word: "مقابل كل", "عن كل"), then a quantity or a measure ("كل عام" is "every year": no
    price); or a measure with "لل"."""
    if not is_money(unit):
        return False
    k = unit.next_word
    for n in (k, k + 1):
        if n < len(after) and after[n].norm in lex.per_unit:
            return _quantity_at(after, n + 1, lex)
        if n < len(after) and after[n].norm in lex.per_unit_after_price:
            # "للـ" is "to the" too: "5 ملايين دولار للـ 20 شركة" gives to 20 companies
            return _measure_at(after, n + 1, lex)
        if match_at(after, n, lex.per_measure, allow_clitic=False) is not None:
            return True
        # "280 دولارا للألف متر مكعب": a glued "لل" on the quantity before a measure
        if n < len(after) and after[n].norm.startswith("لل") and match_at(after, n + 1, lex.volumes,
                                                                         allow_clitic=False) is not None:
            return True
    return False


def _measure_at(words: list[Word], k: int, lex: Lex) -> bool:
    """A measure ("متر مكعب"), or a number and a measure ("1000 متر مكعب"), at words[k]."""
    return any(match_at(words, n, lex.volumes, allow_clitic=False) is not None for n in (k, k + 1)
               if n == k or (k < len(words) and _quantity_at(words, k, lex)))


def _quantity_at(words: list[Word], k: int, lex: Lex) -> bool:
    """Digits, a number or scale word, or a measure ("برميل", "متر مكعب") at words[k]."""
    if k >= len(words):
        return False
    w = words[k].norm
    return w[:1].isdigit() or w in vocab().all_words or match_at(words, k, lex.volumes, allow_clitic=False) is not None
