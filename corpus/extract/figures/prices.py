"""Numbers that are not figures because of what stands before them: a page counter
("المشاهدات: 1.2 ألف") or the quantity a price is for ("لكل ألف متر مكعب")."""
from __future__ import annotations

from ..numbers import NumberMention
from .lexicon import Lex
from .words import Word, match_at


def counter_or_price_unit(before: list[Word], lex: Lex) -> bool:
    """"المشاهدات: 1.2 ألف" (a page counter) or "لكل ألف متر مكعب" (what a price is for)."""
    if before and before[-1].norm in lex.per_unit:
        return True
    words = [w for w in before if w.norm not in (":", "-", "|")][-lex.counter_window:]
    return any(w.norm in lex.counter_labels for w in words)


def per_volume_of_a_price(text: str, m: NumberMention, before: list[Word], lex: Lex) -> bool:
    """"250 دولارا مقابل ألف متر مكعب": a bare scale word (no digits) right after a money unit
    names what the price is for."""
    if not (m.words and m.scaled and m.value in (1e3, 1e6)) or m.qualifier_start != m.start:
        return False
    if (before and before[-1].norm == "و") or text[m.start - 1:m.start] == "و":
        return False  # "200 مليون دولار ومليون طن": a second figure, coordinated
    recent = before[-3:]
    return any(match_at(recent, k, lex.currencies, allow_clitic=False) for k in range(len(recent)))
