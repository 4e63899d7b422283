"""The place of a sentence's encounter: the city nearest its own meeting words, not one that belongs to
another thing (remarks, an earlier encounter, another leader's encounter)."""
from __future__ import annotations

from .dating import owned_by_other
from .lexicon import lexicon
from .others import others_clause_terms, others_clauses
from .places import capitals_by_adjective, cities_in, cities_named_by_gathering, venue_country_capital
from .sentences import Sentence


def city_for(s: Sentence, kind: str, locative_only: bool = True) -> str | None:
    if kind == "phone_call":
        return None
    # A capital named by its adjective competes with named cities: the nearer to the meeting
    # word wins ("زيارة إلى العاصمة الأذربيجانية، الأولى منذ عودته إلى الكرملين").
    cities = cities_in(s.norm, locative_only) + capitals_by_adjective(s.norm) or [
        (0, cap) for cap in [venue_country_capital(s.norm)] if cap]
    if not cities:
        return None
    anchors = place_anchors(s)
    # "في تصريحات للصحافيين في باكو، عن محادثاته مع بوتين في موسكو": a place after another thing's
    # word (the remarks), nearer than any meeting word, is that thing's
    own = [c for c in cities if not owned_by_other(s.norm, c[0], [p for p, _ in s.terms])]
    # ... and so is one in the clause of another leader's encounter ("حتى استقبل في بطرسبورغ أردوغان")
    own, cities = outside_others(s, own), outside_others(s, cities)
    if not cities:
        return None
    # ... and when every one is, a gathering named by its city ("حاورت الباحث في معهد … بموسكو حول
    # نتائج قمة سوتشي الثلاثية") names the place
    own = own or cities_named_by_gathering(s.norm)
    return min(own or cities, key=lambda c: min(abs(c[0] - a) for a in anchors))[1]


def outside_others(s: Sentence, cities: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The places not in a clause of another leader's encounter (``others_clauses``)."""
    others = others_clauses(s)
    return [c for c in cities if not any(a <= c[0] < b for a, b in others)] if others else cities


# How far after a marker of the past ("منذ القمة", "آخر لقاء") a meeting word is still that earlier one's.
PAST_MARKER_REACH = 30


def place_anchors(s: Sentence) -> list[int]:
    """The meeting words a place is measured from: not those of an earlier encounter the sentence
    counts from ("الأولى منذ القمة الخامسة التي عقدت في أكتاو")."""
    past = [m.start() for m in lexicon().past.finditer(s.norm)]
    terms = [p for p, _ in s.terms]
    earlier = {p for p in terms if any(0 <= p - m <= PAST_MARKER_REACH for m in past)}
    # ... with the relative clause that tells where it was held ("التي عقدت في أكتاو")
    earlier |= {p for g, a, b in s.convened_clauses if g in earlier for p in terms if a <= p < b}
    earlier |= others_clause_terms(s)  # ... nor another leader's ("حتى استقبل في بطرسبورغ أردوغان")
    return [p for p in terms if p not in earlier] or terms or [0]
