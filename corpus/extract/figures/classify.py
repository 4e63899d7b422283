"""Which unit a number mention has, from the words around it, or none (then it is no figure);
and whether an ordinal- or year-shaped mention may still be an amount."""
from __future__ import annotations

from ..numbers import NumberMention
from .lexicon import Lex
from .metrics import Context
from .multiples import multiple_after
from .restated import restates_an_amount
from .units import (Unit, count_from_context, currency_of_earlier_amount, signed_documents, symbol_before, unit_after,
                    usd_implied)
from .words import Word, is_word_in, match_at, strip1, words_in

# Endings of the singular (accusative or feminine) noun that 11 and more count: "شركة", "مشروعا".
_SINGULAR_COUNT_ENDINGS = ("ه", "ا")


def classify(text: str, m: NumberMention, after: list[Word], before: list[Word],
             ctx: Context, lex: Lex) -> Unit | None:
    """Unit (and, for counts, metric) of a number from the words around it; None = no figure."""
    unit = unit_after(after, lex)
    if unit is not None:
        if unit.unit == "USD" or unit.currency is not None:
            quoted = after[unit.next_word: unit.next_word + 1]
            if quoted and quoted[0].norm in lex.market_quotes:
                return None  # "65 دولارا للبرميل": a market quote
            if before and before[-1].norm in lex.market_names:
                return None  # "برنت 48,84 دولار": a ticker's quote
        return unit
    multiple = multiple_after(after, before, ctx, lex)
    if multiple is not None:
        return multiple
    visitors = match_at(after, 0, lex.visitor_nouns, allow_clitic=False) if ctx.travel else None
    if visitors is None and ctx.travel and m.scaled:
        visitors = match_at(after, 0, lex.passenger_nouns, allow_clitic=False)  # passengers, in thousands
    if visitors is None and ctx.freight:
        visitors = match_at(after, 0, lex.freight_nouns, allow_clitic=False)  # lorries, in a freight sentence
    if visitors is not None:
        return Unit("count", "other", None, after[visitors[1] - 1].end, visitors[1])
    signed = signed_documents(after, before, lex)
    if signed is not None:
        return signed
    if after and (after[0].norm in lex.not_figures or strip1(after[0].norm) in lex.not_figures):
        return None
    symbol = symbol_before(text, m)
    if symbol is not None:
        return Unit(symbol[0], None, None, m.end, 0)
    if not m.scaled and m.qualifier_start == m.start and before \
            and is_word_in(before[-1], lex.percent_before):
        return Unit("percent", None, None, m.end, 0)  # "ارتفع بنسبة 5ر13 خلال ..."
    if m.scaled and usd_implied(after, lex):
        return Unit("USD", None, None, m.end, 0)  # "... بما يعادله بالدولار"
    if m.scaled and ctx.metric(m.start):
        if restates_an_amount(before, lex):
            return None  # "(قرابة 895 مليون دينار)": another currency than the amount it restates
        # an amount in a trade sentence: in the currency of the amount just before it, if any
        earlier = currency_of_earlier_amount(before, lex)
        return earlier._replace(end=m.end) if earlier is not None else Unit("other", None, None, m.end, 0)
    counted = count_from_context(before, lex)
    if counted is not None:
        return Unit("count", counted, None, m.end, 0)
    return None


def may_be_figure(text: str, m: NumberMention, lex: Lex) -> bool:
    """A plain number may be a figure; an ordinal or a year only when an amount's unit follows."""
    if m.kind == "ordinal":
        return _money_or_percent_after(text, m, lex)
    if m.kind == "year":
        return _year_shaped_amount(text, m, lex)
    return m.kind == "number"


def _money_or_percent_after(text: str, m: NumberMention, lex: Lex) -> bool:
    """"تجاوزت الـ 10%", "الـ 500 دولار": a number after the article is an amount, not an
    ordinal, when money or a percent follows it."""
    unit = unit_after(words_in(text, m.end, min(len(text), m.end + 40)), lex)
    return unit is not None and (unit.unit in ("USD", "percent") or unit.currency is not None)


def _year_shaped_amount(text: str, m: NumberMention, lex: Lex) -> bool:
    """"قرابة 1800 شركة", "2000 مشروع": a number that looks like a year is a count or an amount
    when a unit follows it and no year word or period preposition (عام, في, خلال ...) precedes it."""
    after = words_in(text, m.end, min(len(text), m.end + 40))
    unit = unit_after(after, lex)
    if unit is None:
        return False
    if unit.unit == "count" and after[0].norm[-1:] not in _SINGULAR_COUNT_ENDINGS:
        return False  # 11 and more count a singular noun (1800 شركة, 2000 مشروعا); "2022 مشاريع" is a year
    before = words_in(text, max(0, m.qualifier_start - 30), m.qualifier_start)
    return not before or not (is_word_in(before[-1], lex.year_words)
                               or is_word_in(before[-1], lex.period_prepositions))
