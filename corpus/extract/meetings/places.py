"""The places a text names as where something happens: a city after a locative preposition
(في سوتشي, بموسكو, إلى باكو, في الكرملين), the country a visit goes to, a country named as the
venue (by their capitals). Not a venue: a city alias that is part of a person's name, the end of a
"from X to Y" route nobody arrives by, an origin ("من").

A meeting's city (chosen in ``find``): a place named after a locative preposition in a meeting
sentence, else the capital of the country visited.
"""
from __future__ import annotations

import re

from ..arabic import holds_any
from .lexicon import TOKEN, lexicon

# A nisba adjective ("التركمانية", "الروسي") between "في العاصمة" and the city name.
_NISBA = re.compile(r"^ال\w{3,}(?:يه|ي)$")
_NOT_PLACE_BEFORE = frozenset({"من", "بين", "عن", "مع"})
_CAPITAL = "عاصمه"  # "العاصمة" as normalised text writes it


def _preceding_tokens(text: str, pos: int, n: int = 5) -> list[str]:
    return TOKEN.findall(text[max(0, pos - 60): pos])[-n:]


def _clitic_before_place(matched: str) -> str:
    """The clitic letters before a matched place name: "" for بيلاروسيا or باكو (names that start
    like a clitic), "و" for وباكو, "ب" for بموسكو, "وب" for وبباكو."""
    forms = lexicon().place_forms
    name = " ".join(matched.split())
    if name in forms:
        return ""
    for size in (2, 1):
        if name[size:] in forms:
            return name[:size]
    return name[:1]


# A social post's location tag, right before the place's name.
PLACE_PIN = "\U0001F4CD"


def _is_locative(text: str, start: int, matched: str) -> bool:
    """Is the place at ``start`` introduced as where something happens (في/إلى/ب…, a verb of
    visiting)?"""
    lex = lexicon()
    clitic = _clitic_before_place(matched)
    if clitic in ("ب", "وب", "فب"):
        return True  # بموسكو, بالكرملين, وبباكو
    if clitic in ("و", "ف"):
        return False  # second member of a list ("بين يريفان وباكو")
    if text[max(0, start - 3): start].strip().endswith(PLACE_PIN):
        return True  # a post's place tag ("📍باكو. بوتين وعلييف يجريان محادثات")
    tokens = _preceding_tokens(text, start)
    while tokens and (tokens[-1] in lex.fillers or _NISBA.match(tokens[-1])
                      or tokens[-1].startswith(("بمدينه", "بالعاصمه", "بمنتجع"))):
        if tokens[-1].startswith("ب"):
            return True
        tokens.pop()
    if tokens and (tokens[-1] in lex.prepositions or tokens[-1] in lex.visit_verbs):
        return True
    return len(tokens) >= 2 and tokens[-2] in lex.visit_verbs  # verb + subject + place


def _host_verb_before(text: str, start: int) -> str | None:
    """The verb of hosting the place at ``start`` is the subject of: "القمة التي احتضنتها طهران",
    "استضافتها مدينة أكتاو" (its pronoun, the gathering just named: as strong as a preposition),
    "تستضيف باكو في نوفمبر مؤتمر كوب 29" (bare: it may host another thing than the encounter)."""
    lex = lexicon()
    tokens = _preceding_tokens(text, start)
    while tokens and (tokens[-1] in lex.fillers or _NISBA.match(tokens[-1])):
        tokens.pop()
    return tokens[-1] if tokens and tokens[-1] in lex.host_verbs else None


# How far after the hosted place the encounter's word may start ("استضافت موسكو اليوم محادثات بين …").
HOSTED_TERM_CHARS = 16


def _hosts_an_encounter(text: str, end: int) -> bool:
    """Is what the place hosts, right after it, an encounter ("احتضنت سوتشي اليوم قمة")?"""
    window = text[end: end + HOSTED_TERM_CHARS]
    return any(pat.search(window) for pat in lexicon().terms.values())


# The object pronouns a verb of hosting refers back to the gathering with ("احتضنتها").
_HOST_PRONOUNS = ("ها", "ه", "هما")


def _refers_to_the_gathering(host_verb: str) -> bool:
    """A verb of hosting with the pronoun of the gathering just named: as strong as a preposition."""
    return host_verb.endswith(_HOST_PRONOUNS)


# Russian-style surnames (نزارباييف، توكاييف، ميرزوييف، بردي محمدوف) end in -يف/-وف(ا).
_SURNAME = re.compile(r"^[^\W_]{2,}(?:يف|وف|يفا|وفا)$")


def _is_person_name(text: str, start: int, end: int) -> bool:
    """A city alias that is part of a person's name ("الرئيس الكازاخستاني نور سلطان نزارباييف"):
    followed by a surname, or preceded by a title (nisba adjectives may stand between)."""
    after = TOKEN.findall(text[end: end + 30])[:1]
    if after and _SURNAME.match(after[0]):
        return True
    before = _preceding_tokens(text, start, 3)
    while before and _NISBA.match(before[-1]) and before[-1] not in lexicon().titles:
        before.pop()
    return bool(before) and before[-1] in lexicon().titles


# "من باكو إلى غروزني", "من موسكو باتجاه سوتشي": the two ends of a journey (a flight, a
# pipeline, a corridor), not where leaders meet. A traveller who arrives ("وصل قادما من موسكو إلى باكو") is
# at the route's end: it is a venue.
def _is_route_end(text: str, start: int) -> bool:
    """Is the place at ``start`` the end of a "from X to Y" route that nobody arrives by?"""
    window = text[max(0, start - 70): start]
    return bool(lexicon().route_end.search(window)) and not lexicon().arrival.search(window)


# How far before a place its return word ("لدى عودته إلى") may start.
RETURN_WINDOW = 60


def _is_return_to(text: str, start: int) -> bool:
    """Is the place at ``start`` where a leader returns to ("عاد الرئيس علييف إلى باكو")?"""
    return lexicon().return_to.search(text, max(0, start - RETURN_WINDOW), start) is not None


def cities_in(text: str, locative_only: bool = True) -> list[tuple[int, str]]:
    """(position, English name) of meeting places named after a locative preposition (else after a
    verb of hosting); with
    ``locative_only=False`` also bare city names that are not an origin ("من"), one side of a
    "بين X وY", a list member or the Kremlin as a speaker."""
    found, hosted = [], []
    for name, pat, not_after, needs in lexicon().cities:
        if not holds_any(text, needs):
            continue
        for m in pat.finditer(text):
            before = _preceding_tokens(text, m.start(), 2)
            if any(" ".join(before).endswith(w) for w in not_after):
                continue
            if _is_person_name(text, m.start(), m.end()) or _is_route_end(text, m.start()) \
                    or _is_return_to(text, m.start()):
                continue
            host = _host_verb_before(text, m.start())
            if _is_locative(text, m.start(), m.group()) or host and (
                    _refers_to_the_gathering(host) or _hosts_an_encounter(text, m.end())):
                found.append((m.start(), name))
            elif host:
                hosted.append((m.start(), name))
            elif not locative_only and not _NOT_PLACE_BEFORE.intersection(before[-1:]) \
                    and not m.group().startswith(("و", "ف")) and "كر" not in m.group():
                found.append((m.start(), name))
    return sorted(found or hosted)


def cities_named_by_gathering(text: str) -> list[tuple[int, str]]:
    """(position, English name) of cities right after a gathering's noun ("قمة سوتشي", "لقاء موسكو")."""
    found = []
    for name, pat, _, needs in lexicon().cities:
        if holds_any(text, needs):
            found += [(m.start(), name) for m in pat.finditer(text) if _after_gathering_noun(text, m.start())]
    return sorted(found)


def _after_gathering_noun(text: str, start: int) -> bool:
    before = _preceding_tokens(text, start, 1)
    return bool(before) and before[0] in lexicon().gathering_nouns


def visit_destination(text: str, capital: str | None = None) -> str | None:
    """Capital of a country that a visit sentence goes to ("زيارة … إلى أذربيجان", "إلى العاصمة
    الأذربيجانية"), else the first city it names."""
    for cap, pat, needs in lexicon().countries:
        if capital and cap != capital or not holds_any(text, needs):
            continue
        for m in pat.finditer(text):
            g = m.group()
            if g.startswith(("ل", "ب")) or _is_locative(text, m.start(), g):
                return cap
    # "زيارة … إلى العاصمة الأذربيجانية": a capital named by its country's adjective
    for pos, city in cities_in(text) + capitals_by_adjective(text):
        if capital is None or city == capital:
            return city
    return None


def venue_country_capital(text: str) -> str | None:
    """"التقى … في طاجيكستان": the capital of a country named as the venue, for countries that
    host such encounters in their capital (``venue_is_capital`` in cities.yaml)."""
    for cap, pat, needs in lexicon().venue_countries:
        if not holds_any(text, needs):
            continue
        for m in pat.finditer(text):
            host = _host_verb_before(text, m.start())  # "القمة التي استضافتها تركمانستان"
            if _is_locative(text, m.start(), m.group()) or host and _refers_to_the_gathering(host):
                return cap
    return None


def capitals_by_adjective(text: str) -> list[tuple[int, str]]:
    """(position, capital) of "عقدت في العاصمة الأذربيجانية", "زيارة إلى العاصمة الروسية",
    "تستضيفها العاصمة الطاجيكية": capitals named only by their country's adjective, after a
    place preposition (or ب fused to it) or a verb of hosting."""
    if _CAPITAL not in text:
        return []  # every capital_by_adjective pattern needs it
    found = [(m.start(), cap) for cap, pat in lexicon().capital_by_adjective for m in pat.finditer(text)
             if not m.group().startswith(("عاصمه", "العاصمه"))]  # after a preposition or a host verb
    return sorted(found)

