"""Putin–Aliyev encounters reported or announced by an article.

A sentence reports an encounter when it names both leaders (by name, title or "نظيره
الأذربيجاني") together with a meeting word (التقى, مباحثات, اتصال هاتفي, قمة, زيارة …), or the
pair ("الرئيسان", "رئيسا البلدين") with a meeting word, or a Russia–Azerbaijan–Armenia
trilateral summit, or a visit of Putin to Azerbaijan. Not an encounter: Putin or Aliyev with
someone else only, a denial ("لا توجد خطط"), an interview praising the other, Heydar Aliyev.

The first such sentence that is not a reference to an earlier encounter ("آخر لقاء", "وكان قد")
opens the article's main meeting; later compatible sentences fill in what it lacks (city, date,
kind). Earlier encounters mentioned in passing become meetings with ``primary=False``.
Date: the date expression nearest to the meeting word that is not owned by something else
(an agreement, a crash), resolved against the publication date; else the article's lead date;
else the publication date for a reported (held) meeting. City: a place named after a locative
preposition in a meeting sentence (في سوتشي, بموسكو, إلى باكو, في الكرملين), else the capital
of the country visited.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from ..lexicons import load_yaml
from ..models import Meeting
from ..normalize import normalize_with_offsets
from .arabic import ARTICLE_CLITIC, CLITIC, PRONOUN, SUFFIX, alternation, forms, sentence_spans
from .dates import DateMention, find_dates, infer_year, resolve_weekday, to_date

# How far (characters) a past-reference word may be from the meeting word it qualifies.
PAST_WINDOW = 70
# How far (characters) before a date an agreement/crash word may own it.
ANCHOR_WINDOW = 80
# Sentences of the body whose date is the article's "lead" date.
LEAD_SENTENCES = 3
# Two dates this many days apart still describe the same meeting (multi-day visits).
SAME_MEETING_DAYS = 2

_TOKEN = re.compile(r"[^\W_]+")
# A nisba adjective ("التركمانية", "الروسي") between "في العاصمة" and the city name.
_NISBA = re.compile(r"^ال\w{3,}(?:يه|ي)$")
_NOT_PLACE_BEFORE = frozenset({"من", "بين", "عن", "مع"})


# The meetings this module finds (a Meeting carries the year-less day and month it read).
FoundMeeting = Meeting


# ---------------------------------------------------------------- lexicon patterns

# Before a pronoun suffix a final hamza takes a seat (لقاء → لقائه، لقاؤهما) and a final taa
# marbuta (normalised ه) opens to ت (زيارة → زيارته): the stem changes, so a plain alternation
# of the bare noun misses these forms.
_ENDS_HAMZA = re.compile(r"اء$")
_ENDS_TAA = re.compile(r"(?<=\w\w)ه$")


def _suffixed_alt(words) -> str:
    """Alternation of the forms plus their pronoun-suffixed stems (see PRONOUN)."""
    out = []
    for f in forms(words):
        esc = r"\s+".join(re.escape(p) for p in f.split())
        if _ENDS_HAMZA.search(f):
            out.append(rf"{esc[:-1]}[ئؤ]{PRONOUN}")
        elif _ENDS_TAA.search(f) and " " not in f:
            out.append(rf"{esc[:-1]}ت{PRONOUN}")
        out.append(esc)
    return "|".join(out)


def _word_re(words, prefix: str = CLITIC, suffix: str = "") -> re.Pattern:
    alt = _suffixed_alt(words) if suffix else alternation(words)
    return re.compile(rf"(?<![^\W_]){prefix}(?:{alt}){suffix}(?![^\W_])")


@dataclass(frozen=True)
class _Lex:
    putin: re.Pattern
    putin_name: re.Pattern
    not_putin: re.Pattern
    by_message: re.Pattern
    aliyev_name: re.Pattern
    aliyev_title: re.Pattern
    not_aliyev: re.Pattern
    pair: re.Pattern
    others: re.Pattern
    terms: dict[str, re.Pattern]
    announced: re.Pattern
    past: re.Pattern
    denial: re.Pattern
    separately: re.Pattern
    anchors: re.Pattern
    cities: list[tuple[str, re.Pattern, tuple[str, ...]]]
    countries: list[tuple[str, re.Pattern]]
    venue_countries: list[tuple[str, re.Pattern]]
    fillers: frozenset[str]
    prepositions: frozenset[str]
    visit_verbs: frozenset[str]
    titles: frozenset[str]
    vague_future: re.Pattern
    vague_past: re.Pattern
    attends: re.Pattern
    past_adjective: re.Pattern
    third_leaders: list[tuple[str, re.Pattern]]
    route_end: re.Pattern
    arrival: re.Pattern
    relative: re.Pattern
    kremlin: re.Pattern
    azerbaijan: re.Pattern
    armenia: re.Pattern
    russia: re.Pattern
    leaders_of: re.Pattern
    russia_country: re.Pattern
    azerbaijan_country: re.Pattern


def _kind_words(terms: dict, kind: str) -> list[str]:
    """Trigger words of a kind: its list, plus (for talks) acts the two leaders perform together
    (signing, attending: "وقع بوتين ونظيره …", "بحضور الرئيسين"), plus nouns that report the
    encounter only with a pronoun suffix ("اتصاله"; bare "الاتصالات" is telecoms)."""
    words = list(terms["kinds"][kind])
    if kind == "talks":
        words += terms.get("joint_acts", [])
    words += [w + p for w in terms.get("with_pronoun", {}).get(kind, []) for p in ("ه", "ها", "هما")]
    return words


@lru_cache(maxsize=1)
def _lex() -> _Lex:
    people = load_yaml("people.yaml")
    terms = load_yaml("meeting_terms.yaml")
    places = load_yaml("cities.yaml")
    named = load_yaml("meeting_countries.yaml")
    cities = []
    for c in places["cities"]:
        if c.get("ar"):
            cities.append((c["en"], _word_re(c["ar"], CLITIC), tuple(forms(c.get("not_after", [])))))
    countries = [(c["capital"], _word_re(c["ar"], CLITIC)) for c in places.get("countries", [])]
    venue_countries = [(c["capital"], _word_re(c["ar"], CLITIC)) for c in places.get("countries", [])
                       if c.get("venue_is_capital")]
    return _Lex(
        putin=_word_re(people["putin"]["names"] + people["putin"]["titles"]),
        putin_name=_word_re(people["putin"]["names"]),
        # "الرئيس الروسي (دميتري) مدفيديف": a title followed by another holder's name.
        not_putin=re.compile(rf"(?<![^\W_]){CLITIC}(?:{alternation(people['putin']['titles'])})(?:\s+[^\W\d_]+)?"
                             rf"\s+(?:{alternation(people['not_putin'])})(?![^\W_])"),
        by_message=_word_re(terms["by_message"], ARTICLE_CLITIC, SUFFIX),
        aliyev_name=_word_re(people["aliyev"]["names"]),
        aliyev_title=_word_re(people["aliyev"]["titles"]),
        not_aliyev=_word_re(people["not_aliyev"]),
        pair=_word_re(people["pair"]),
        others=_word_re(people["others"] + people["other_counterpart"]),
        terms={kind: _word_re(_kind_words(terms, kind), ARTICLE_CLITIC, SUFFIX) for kind in terms["kinds"]},
        announced=_word_re(terms["announced"], CLITIC),
        past=_word_re(terms["past_reference"], CLITIC),
        denial=_word_re(terms["denial"], CLITIC),
        separately=_word_re(terms["separately"], ARTICLE_CLITIC),
        anchors=_word_re(terms["other_anchors"], ARTICLE_CLITIC, SUFFIX),
        cities=cities,
        countries=countries,
        venue_countries=venue_countries,
        fillers=frozenset(forms(terms["place_fillers"])),
        prepositions=frozenset(forms(terms["place_prepositions"])),
        visit_verbs=frozenset(forms(terms["visit_verbs"])),
        titles=frozenset(forms(terms["person_titles"])),
        vague_future=_word_re(terms["vague_future"], ARTICLE_CLITIC),
        vague_past=_word_re(terms["vague_past"], ARTICLE_CLITIC),
        attends=_word_re(terms["attends"], ARTICLE_CLITIC, SUFFIX),
        third_leaders=[(name, _word_re(aliases)) for name, aliases in people["third_leaders"].items()],
        past_adjective=re.compile(rf"\s+(?:{alternation(terms['past_adjectives'])})(?![^\W_])"),
        # "من X، …، إلى " right before a place: the place ends a route.
        route_end=re.compile(rf"(?<![^\W_])من\s+[^\s،,]+(?:\s*[،,][^،,]{{0,40}}[،,])?\s*"
                             rf"(?:{alternation(terms['route_to'])})\s+$"),
        arrival=_word_re(terms["arrival_verbs"], r"[وف]?"),
        relative=re.compile(rf"(?:{alternation(terms['relative_pronouns'])})\s+$"),
        kremlin=_word_re(named["kremlin"]),
        azerbaijan=_word_re(named["azerbaijan"], ARTICLE_CLITIC, r"(?:ه|ة|ين)?"),
        armenia=_word_re(named["armenia"], ARTICLE_CLITIC, r"(?:ه|ة|ين)?"),
        russia=_word_re(named["russia"]),
        leaders_of=_word_re(people["leaders_of"], CLITIC),
        russia_country=_word_re(named["russia_country"], CLITIC),
        azerbaijan_country=_word_re(named["azerbaijan_country"], CLITIC),
    )


# ---------------------------------------------------------------- sentence analysis

@dataclass
class _Sentence:
    start: int  # offsets in the normalised text
    end: int
    norm: str
    putin: bool = False
    aliyev: bool = False
    aliyev_named: bool = False
    pair: bool = False
    other_leader: bool = False
    terms: list[tuple[int, str]] = field(default_factory=list)  # (position in sentence, kind)
    trilateral: bool = False
    putin_visit_az: bool = False


def _masked(norm: str) -> str:
    """Heydar Aliyev (and titles that lead to him) blanked out, offsets unchanged."""
    lex = _lex()
    out = lex.not_aliyev.sub(lambda m: " " * len(m.group()), norm)
    return lex.not_putin.sub(lambda m: " " * len(m.group()), out)


@lru_cache(maxsize=1)
def _not_president_period() -> tuple[date, date]:
    period = load_yaml("people.yaml")["putin_not_president"]
    start, end = to_date(period["from"]), to_date(period["to"])
    assert start is not None and end is not None, "people.yaml: putin_not_president needs two dates"
    return start, end


def titles_mean_putin(today: date | None) -> bool:
    """Do Putin's titles ("الرئيس الروسي", "الرئيسان") refer to him? Not in an article of
    Medvedev's presidency: Putin, then prime minister, is named by name there."""
    if today is None:
        return True
    start, end = _not_president_period()
    return not start <= today < end


def _aliyev_titles(sent: str) -> bool:
    """A title that refers to Ilham (not one that goes on to name Heydar)."""
    for m in _lex().aliyev_title.finditer(sent):
        tail = sent[m.end(): m.end() + 35]
        if "حيدر" not in tail and "الراحل" not in tail and "الاول" not in tail[:8]:
            return True
    return False


def _analyse(norm: str, start: int, end: int, doc_has_both: bool, doc_az_arm: bool,
             putin_titles: bool = True) -> _Sentence:
    lex = _lex()
    text = norm[start:end]
    s = _Sentence(start, end, text)
    s.putin = bool((lex.putin if putin_titles else lex.putin_name).search(text))
    s.aliyev_named = bool(lex.aliyev_name.search(text))
    s.aliyev = s.aliyev_named or _aliyev_titles(text) or _aliyev_by_country(text)
    s.pair = bool(lex.pair.search(text)) and doc_has_both and putin_titles or _leaders_by_country(text)
    s.other_leader = bool(lex.others.search(text))
    for kind, pat in lex.terms.items():
        s.terms.extend((m.start(), kind) for m in pat.finditer(text))
    s.terms.sort()
    has_multi = any(k == "multilateral_summit" for _, k in s.terms)
    russia_side = s.putin or bool(lex.russia.search(text)) or bool(lex.kremlin.search(text))
    # A summit sentence naming another leader and neither Aliyev nor Azerbaijan is that leader's
    # encounter ("استقبل بوتين باشينيان قبيل قمة …"), even in an article that mentions Azerbaijan.
    about_az = s.aliyev or not s.other_leader or bool(lex.azerbaijan.search(text))
    s.trilateral = has_multi and russia_side and doc_az_arm and about_az
    s.putin_visit_az = (s.putin and any(k == "visit" for _, k in s.terms)
                        and bool(_visit_destination(text, "Baku")))
    return s


def _leaders_by_country(text: str) -> bool:
    """"قادة روسيا وأذربيجان وإيران": leaders named by a list of countries holding both."""
    for m in _lex().leaders_of.finditer(text):
        listed = _COUNTRY_LIST.match(text, m.end())
        if listed and _lex().russia_country.search(listed.group()) and _lex().azerbaijan_country.search(listed.group()):
            return True
    return False


def _aliyev_by_country(text: str) -> bool:
    """"رئيسي أذربيجان وأرمينيا", "قادة أذربيجان وتركيا": a list of countries that begins the
    leaders' noun and holds Azerbaijan names Aliyev among them ("رؤساء وزراء أذربيجان" does not:
    the list must start with a country)."""
    lex = _lex()
    for m in lex.leaders_of.finditer(text):
        listed = _COUNTRY_LIST.match(text, m.end())
        if not listed or not lex.azerbaijan_country.search(listed.group()):
            continue
        first = listed.group().split()[0]
        if first == "دول" or any(pat.fullmatch(first) for _, pat in lex.countries):
            return True
    return False


# Up to seven names joined by و or commas ("روسيا وأذربيجان وإيران، وكازاخستان"), maybe after دول.
_COUNTRY_LIST = re.compile(r"(?:\s+دول)?(?:\s*[،,]?\s*[^\W\d_]+){1,7}")


def _speakers_into_quotes(norm: str, sentences: list[_Sentence]) -> None:
    """"قال بوتين: «… جرت محادثة مع الرئيس الأذربيجاني»": a quotation is split from the sentence
    that introduces it, and what it says in the first person its speaker did. The leader who
    speaks before the colon takes part in the encounters the quotation reports."""
    for prev, s in zip(sentences, sentences[1:]):
        if ":" not in norm[prev.end: s.start]:
            continue
        if prev.putin and not s.putin:
            s.putin = True
        if prev.aliyev and not s.aliyev:
            s.aliyev = True


def _is_meeting_sentence(s: _Sentence) -> bool:
    if not s.terms:
        return False
    if _lex().denial.search(s.norm):
        return False
    if _lex().by_message.search(s.norm) and not any(k == "phone_call" for _, k in s.terms):
        # A greeting or an apology sent in writing is not an encounter, and the meetings a
        # message recalls ("مشيرا في برقيته إلى اللقاء الذي جمعهما") are earlier ones.
        return False
    if s.putin and s.aliyev:
        return True
    if s.pair or s.trilateral or s.putin_visit_az:
        return True
    return False


def _is_denial(s: _Sentence) -> bool:
    """A sentence denying an encounter of the two ("لا خطط للقاء بوتين وعلييف"), or a leader's
    part in a gathering ("علييف يلغي مشاركته في احتفالات موسكو")."""
    lex = _lex()
    return (bool(s.terms) or bool(lex.attends.search(s.norm))) and (s.putin or s.aliyev or s.pair) \
        and bool(lex.denial.search(s.norm))


def _kind(s: _Sentence) -> str:
    lex = _lex()
    kinds = [k for _, k in s.terms]
    foreign_call = s.other_leader and not s.aliyev_named
    if "phone_call" in kinds and not foreign_call:
        return "phone_call"
    if "multilateral_summit" in kinds:
        return "multilateral_summit"
    third = bool(re.search(r"باشينيان|باشنيان|ارمينيا|الارمني", s.norm)) and s.putin and s.aliyev
    if third and not lex.separately.search(s.norm):
        return "multilateral_summit"
    for k in kinds:
        if k in ("visit", "talks", "other"):
            return k
    return "other"


# Pluperfect "وكان + subject + قد + verb" (up to four words of subject): a background event.
_PLUPERFECT = re.compile(r"(?<![^\W_])[وف]?كان(?:\s+[^\W_]+){0,4}?\s+قد(?![^\W_])")


def _is_past_reference(s: _Sentence) -> bool:
    first_term = s.terms[0][0] if s.terms else 0
    for m in _PLUPERFECT.finditer(s.norm):
        if abs(m.start() - first_term) <= PAST_WINDOW:
            return True
    for m in _lex().past.finditer(s.norm):
        if abs(m.start() - first_term) <= PAST_WINDOW:
            return True
    # "لقاءاته الأخيرة", "القمة السابقة": a meeting noun qualified as an earlier one.
    return any(_lex().past_adjective.match(s.norm, end) for end in _term_ends(s))


def _term_ends(s: _Sentence) -> list[int]:
    ends = []
    for pat in _lex().terms.values():
        ends += [m.end() for m in pat.finditer(s.norm)]
    return ends


def _status(s: _Sentence) -> str:
    return "announced" if _lex().announced.search(s.norm) else "held"


# ---------------------------------------------------------------- places

def _preceding_tokens(text: str, pos: int, n: int = 5) -> list[str]:
    return _TOKEN.findall(text[max(0, pos - 60): pos])[-n:]


def _is_locative(text: str, start: int, matched: str) -> bool:
    """Is the place at ``start`` introduced as where something happens (في/إلى/ب…)?"""
    lex = _lex()
    if matched.startswith("ب") and not matched.startswith(("باكو", "بيشكيك", "بطرس", "بكين")):
        return True  # بموسكو, بالكرملين
    if matched.startswith(("وب", "فب", "وفي")):
        return True
    if matched.startswith(("و", "ف")) and not matched.startswith(("فالداي",)):
        return False  # second member of a list ("بين يريفان وباكو")
    tokens = _preceding_tokens(text, start)
    while tokens and (tokens[-1] in lex.fillers or _NISBA.match(tokens[-1])
                      or tokens[-1].startswith(("بمدينه", "بالعاصمه", "بمنتجع"))):
        if tokens[-1].startswith("ب"):
            return True
        tokens.pop()
    if tokens and (tokens[-1] in lex.prepositions or tokens[-1] in lex.visit_verbs):
        return True
    return len(tokens) >= 2 and tokens[-2] in lex.visit_verbs  # verb + subject + place


# Russian-style surnames (نزارباييف، توكاييف، ميرزوييف، بردي محمدوف) end in -يف/-وف(ا).
_SURNAME = re.compile(r"^[^\W_]{2,}(?:يف|وف|يفا|وفا)$")


def _is_person_name(text: str, start: int, end: int) -> bool:
    """A city alias that is part of a person's name ("الرئيس الكازاخستاني نور سلطان نزارباييف"):
    followed by a surname, or preceded by a title (nisba adjectives may stand between)."""
    after = _TOKEN.findall(text[end: end + 30])[:1]
    if after and _SURNAME.match(after[0]):
        return True
    before = _preceding_tokens(text, start, 3)
    while before and _NISBA.match(before[-1]) and before[-1] not in _lex().titles:
        before.pop()
    return bool(before) and before[-1] in _lex().titles


# "من باكو إلى غروزني", "من موسكو باتجاه سوتشي": the two ends of a journey (a flight, a
# pipeline, a corridor), not where leaders meet.


# A traveller who arrives ("وصل قادما من موسكو إلى باكو") is at the route's end: it is a venue.


def _is_route_end(text: str, start: int) -> bool:
    """Is the place at ``start`` the end of a "from X to Y" route that nobody arrives by?"""
    window = text[max(0, start - 70): start]
    return bool(_lex().route_end.search(window)) and not _lex().arrival.search(window)


def _cities_in(text: str, locative_only: bool = True) -> list[tuple[int, str]]:
    """(position, English name) of meeting places named after a locative preposition; with
    ``locative_only=False`` also bare city names that are not an origin ("من"), one side of a
    "بين X وY", a list member or the Kremlin as a speaker."""
    found = []
    for name, pat, not_after in _lex().cities:
        for m in pat.finditer(text):
            before = _preceding_tokens(text, m.start(), 2)
            if any(" ".join(before).endswith(w) for w in not_after):
                continue
            if _is_person_name(text, m.start(), m.end()) or _is_route_end(text, m.start()):
                continue
            if _is_locative(text, m.start(), m.group()):
                found.append((m.start(), name))
            elif not locative_only and not _NOT_PLACE_BEFORE.intersection(before[-1:]) \
                    and not m.group().startswith(("و", "ف")) and "كر" not in m.group():
                found.append((m.start(), name))
    return sorted(found)


def _visit_destination(text: str, capital: str | None = None) -> str | None:
    """Capital of a country that a visit sentence goes to ("زيارة … إلى أذربيجان")."""
    for cap, pat in _lex().countries:
        if capital and cap != capital:
            continue
        for m in pat.finditer(text):
            g = m.group()
            if g.startswith(("ل", "ب")) or _is_locative(text, m.start(), g):
                return cap
    for pos, city in _cities_in(text):
        if capital is None or city == capital:
            return city
    return None


def _venue_country_capital(text: str) -> str | None:
    """"التقى … في طاجيكستان": the capital of a country named as the venue, for countries that
    host such encounters in their capital (``venue_is_capital`` in cities.yaml)."""
    for cap, pat in _lex().venue_countries:
        for m in pat.finditer(text):
            if _is_locative(text, m.start(), m.group()):
                return cap
    return None


def _city_for(s: _Sentence, kind: str, locative_only: bool = True) -> str | None:
    if kind == "phone_call":
        return None
    cities = _cities_in(s.norm, locative_only) or [
        (0, cap) for cap in [_venue_country_capital(s.norm)] if cap]
    if not cities:
        return None
    anchors = [p for p, _ in s.terms] or [0]
    return min(cities, key=lambda c: min(abs(c[0] - a) for a in anchors))[1]


# ---------------------------------------------------------------- dates

def _owned_by_other(norm: str, d_start: int, term_positions: list[int], sentence_start: int = 0) -> bool:
    """A date after an agreement, forum, war or crash word of its own sentence, closer than any
    meeting word, dates that thing."""
    window_start = max(0, d_start - ANCHOR_WINDOW, sentence_start)
    anchors = list(_lex().anchors.finditer(norm[window_start: d_start]))
    if not anchors:
        return False
    anchor_pos = window_start + anchors[-1].start()
    before_terms = [p for p in term_positions if p <= d_start]
    return not before_terms or anchor_pos > max(before_terms)


@dataclass
class _DateChoice:
    when: date | None
    basis: str | None
    weekday: int | None
    month: int | None = None
    day: int | None = None


def year_by_weekday(month: int, day: int, weekday: int, reference: date) -> int | None:
    """"الخميس 27 سبتمبر" without a year: the one year next to the reference's (the year before,
    the same, the next) in which that day falls on that weekday; None when none or several do."""
    years = [y for y in (reference.year - 1, reference.year, reference.year + 1)
             if (d := _safe_day(y, month, day)) is not None and d.weekday() == weekday]
    return years[0] if len(years) == 1 else None


def _safe_day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _resolve(m: DateMention, published: date | None, status: str, weekday: int | None = None) -> _DateChoice:
    """The day a mention gives the meeting; ``weekday``: a weekday written right next to it."""
    if m.kind in ("explicit", "stamp"):
        basis = "explicit"
        if not m.year_known and m.month and m.day and m.direction is None:
            if weekday is not None:
                # The weekday picks the year; a year it contradicts would be a wrong date.
                year = year_by_weekday(m.month, m.day, weekday, published) if published else None
            elif published is not None:
                year = infer_year(m.month, m.day, published, "future" if status == "announced" else None)
            else:
                year = None
            when = date(year, m.month, m.day) if year else None
            return _DateChoice(when, basis, weekday, m.month, m.day)
        if m.date is not None and not m.year_known and weekday is not None and m.date.weekday() != weekday:
            return _DateChoice(None, basis, weekday, m.month, m.day)  # the inferred year disagrees
        return _DateChoice(m.date, basis, m.weekday if weekday is None else weekday, m.month, m.day)
    if m.kind == "weekday":
        when = m.date
        if published is not None and m.weekday is not None and m.offset_days is None and m.direction is None:
            when = resolve_weekday(m.weekday, published, "on_or_after" if status == "announced" else "on_or_before")
        return _DateChoice(when, "weekday", m.weekday)
    if m.kind == "relative":
        return _DateChoice(m.date, "publication" if m.offset_days == 0 else "weekday", None)
    return _DateChoice(None, None, None)


def _date_for(s: _Sentence, mentions: list[DateMention], nt, published: date | None,
              status: str) -> _DateChoice | None:
    """The date of the encounter in sentence ``s`` (None when it names none)."""
    term_positions = [s.start + p for p, _ in s.terms]
    candidates = []
    for m in mentions:
        n_start = _norm_pos(nt, m.start)
        if not (s.start <= n_start < s.end) or m.crawl or m.hijri:
            continue
        if m.kind in ("month", "year"):
            continue  # a month or year alone does not date a meeting
        if status == "announced" and m.direction == "past":
            continue  # "أمس" cannot date a meeting still to come
        if _owned_by_other(nt.text, n_start, term_positions, s.start):
            continue
        distance = min((abs(n_start - p) for p in term_positions), default=0)
        specificity = 0 if m.kind in ("explicit", "stamp") else 1
        candidates.append((distance, specificity, m))
    if not candidates:
        return None
    candidates.sort(key=lambda c: (c[0], c[1]))
    best = candidates[0][2]
    # A weekday written right next to a day-month ("الثلاثاء 19 أغسطس") is the same day: the
    # day-month wins (sources get weekdays wrong more often than day numbers), and the weekday
    # picks its year when none is written.
    weekday = None
    if best.kind == "weekday":
        for _, _, m in candidates:
            if m.kind in ("explicit", "stamp") and abs(_norm_pos(nt, m.start) - _norm_pos(nt, best.end)) <= 3:
                best, weekday = m, best.weekday
                break
    elif best.kind in ("explicit", "stamp"):
        weekday = next((m.weekday for _, _, m in candidates if m.kind == "weekday"
                        and abs(_norm_pos(nt, best.start) - _norm_pos(nt, m.end)) <= 3), None)
    return _resolve(best, published, status, weekday)


def _norm_pos(nt, original_index: int) -> int:
    """Index in the normalised text of an original-text offset (first char at or after it)."""
    offsets = nt.offsets
    lo, hi = 0, len(offsets) - 1
    while lo < hi:
        mid = (lo + hi) // 2
        if offsets[mid] < original_index:
            lo = mid + 1
        else:
            hi = mid
    return lo


# ---------------------------------------------------------------- assembly

def _evidence(text: str, nt, s: _Sentence) -> str:
    a, b = nt.to_original(s.start, s.end)
    return " ".join(text[a:b].split()).strip(" ،,:-–")


def _compatible(primary: FoundMeeting, choice: _DateChoice | None) -> bool:
    day = to_date(primary.date)
    if choice is None or choice.when is None or day is None:
        return True
    return abs((day - choice.when).days) <= SAME_MEETING_DAYS


def _apply_date(meeting: FoundMeeting, choice: _DateChoice | None) -> None:
    """Fill the meeting's day from ``choice`` unless the meeting already has day information
    (the first sentence that dates the meeting wins; later ones may not contradict it)."""
    if choice is None or _has_date_info(meeting):
        return
    if choice.when is not None:
        meeting.date, meeting.date_basis = choice.when.isoformat(), choice.basis
    meeting.weekday = choice.weekday
    if choice.month and choice.day:
        meeting.month, meeting.day = choice.month, choice.day


def _has_date_info(m: FoundMeeting) -> bool:
    return m.date is not None or m.weekday is not None or m.month is not None


def find_meetings(text: str, published: date | str | None = None) -> list[Meeting]:
    """Putin–Aliyev meetings in an (already cleaned) article, the main one first."""
    published = to_date(published)
    if not text or not text.strip():
        return []
    nt = normalize_with_offsets(text)
    norm = _masked(nt.text)
    lex = _lex()
    putin_titles = titles_mean_putin(published)
    doc_putin = bool((lex.putin if putin_titles else lex.putin_name).search(norm))
    doc_both = doc_putin and bool(lex.aliyev_name.search(norm) or _aliyev_titles(norm))
    doc_az_arm = bool(lex.azerbaijan.search(norm)) and bool(lex.armenia.search(norm))
    spans = sentence_spans(norm)
    sentences = [_analyse(norm, a, b, doc_both, doc_az_arm, putin_titles) for a, b in spans]
    _speakers_into_quotes(norm, sentences)
    mentions = find_dates(text, published)

    primary: FoundMeeting | None = None
    secondary: list[FoundMeeting] = []
    merged: list[_Sentence] = []  # the sentences that describe the main meeting
    for s in sentences:
        if primary is None and _is_denial(s):
            return []  # the article is about a denial: later mentions do not make a meeting
        if not _is_meeting_sentence(s):
            continue
        if not s.putin and not s.aliyev and not s.pair and not s.trilateral and not s.putin_visit_az:
            continue
        kind = _kind(s)
        status = _status(s)
        choice = _date_for(s, mentions, nt, published, status)
        city = _city_for(s, kind)
        past = _is_past_reference(s)
        if primary is None and not past:
            primary = FoundMeeting(date=None, city=city, kind=kind, status=status,
                                   evidence=_evidence(text, nt, s))
            _apply_date(primary, choice)
            merged.append(s)
            if kind == "visit" and city is None:
                primary.city = _visit_destination(s.norm)
            continue
        if primary is not None and not past and _compatible(primary, choice):
            if primary.city is None and primary.kind != "phone_call":
                primary.city = city or (_visit_destination(s.norm) if kind == "visit" else None)
            if primary.kind == "other" and kind != "other":
                primary.kind = kind
            if kind == "phone_call" and primary.kind != "phone_call" and primary.city is None:
                primary.kind = "phone_call"
            _apply_date(primary, choice)
            merged.append(s)
            continue
        if past or (choice and choice.when):
            m = FoundMeeting(date=None, city=city, kind=kind, status="held", evidence=_evidence(text, nt, s),
                             primary=False)
            _apply_date(m, choice)
            secondary.append(m)
    if primary is None:
        found = _shared_venue(sentences, text, nt)
        if found is not None:
            primary, gathering = found
            _apply_date(primary, _date_for(gathering, mentions, nt, published, primary.status or "held"))
            merged.append(gathering)
    if primary is None:
        return []  # encounters mentioned only in passing do not make a meeting article
    if primary.city is None and primary.kind != "phone_call":
        # No place after a preposition: a bare city name in the meeting sentences will do.
        kind = primary.kind or "other"
        primary.city = next((c for c in (_city_for(s, kind, locative_only=False) for s in merged) if c),
                            None) or _lead_place(sentences)
    if primary.kind == "phone_call":
        primary.city = None
    primary.participants = _third_leaders(merged)
    if primary.status == "announced" and lex.vague_future.search(merged[0].norm):
        # "أعلن، اليوم الجمعة، أن … سيعقد لقاء الأسبوع المقبل": the weekday is the announcement's;
        # the meeting has only a week, so its day is left to event linking.
        if primary.date_basis in ("weekday", "publication"):
            primary.date, primary.date_basis, primary.weekday = None, None, None
        return [primary, *secondary]
    vague = any(lex.vague_past.search(s.norm) or _in_relative_clause(s) for s in merged) \
        or _dated_just_before(merged, mentions, nt, published)
    if not _has_date_info(primary) and not vague:
        # The lead's news day, unless the meeting's own sentences place it vaguely before
        # ("جرت محادثة عشية القمة"): then the lead's "اليوم" is another encounter's.
        _date_from_lead(primary, sentences, mentions, nt, published)
    day = to_date(primary.date)
    if published is not None and day is not None and day > published:
        primary.status = "announced"  # "يستضيف … غدا": a day after publication has not happened yet
    if primary.date is None and published is not None and primary.status == "held" and primary.weekday is None \
            and not vague:  # a report of a held meeting that names no day is the news of its day
        primary.date, primary.date_basis = published.isoformat(), "publication"
    return [primary, *secondary]


# "الوثيقة التي وقعها قادة روسيا وأذربيجان": an encounter told in a relative clause about a
# document (an agreement, a declaration) is background to the news, not the news of the day.


def _in_relative_clause(s: _Sentence) -> bool:
    for pos, _ in s.terms:
        rel = _lex().relative.search(s.norm[max(0, pos - 12): pos])
        if rel:
            head = s.norm[max(0, pos - 12 + rel.start() - 30): max(0, pos - 12) + rel.start()]
            if list(_lex().anchors.finditer(head)):
                return True
    return False


# A statement or another happening dated this many days before publication, in the meeting's
# own sentences, means the meeting may be that day rather than the publication day.
RECENT_OTHER_DAYS = 7


def _dated_just_before(merged: list[_Sentence], mentions: list[DateMention], nt, published: date | None) -> bool:
    """"اتصل … وفق بيان صدر يوم 5 مارس" published on 6 March: the call is not the news of the
    publication day; the text dates something else just before it."""
    if published is None:
        return False
    for m in mentions:
        pos = _norm_pos(nt, m.start)
        if m.date is not None and any(s.start <= pos < s.end for s in merged) \
                and 0 < (published - m.date).days <= RECENT_OTHER_DAYS:
            return True
    return False


def _third_leaders(sentences: list[_Sentence]) -> tuple[str, ...]:
    """Third leaders named in the sentences of the encounter, by the lexicon's names."""
    return tuple(sorted({name for name, pat in _lex().third_leaders for s in sentences if pat.search(s.norm)}))


def _shared_venue(sentences: list[_Sentence], text: str, nt) -> tuple[FoundMeeting, _Sentence] | None:
    """"اجرى بوتين اجتماع المجلس … في الكرملين. ووصل إلى الكرملين الرئيس الأذربيجاني": one leader
    holds a meeting at a venue, and a sentence of the same article brings the other one there."""
    lex = _lex()
    for s in sentences:
        if not (s.putin or s.aliyev) or (s.putin and s.aliyev) or lex.denial.search(s.norm):
            continue
        kinds = {k for _, k in s.terms}
        if not kinds & {"talks", "multilateral_summit"} or "phone_call" in kinds or _is_past_reference(s):
            continue
        venues = {city for _, city in _cities_in(s.norm)}
        for other in sentences:
            if other is s or lex.denial.search(other.norm) or not lex.attends.search(other.norm):
                continue
            if (other.aliyev and not other.putin if s.putin else other.putin and not other.aliyev) \
                    and venues & {city for _, city in _cities_in(other.norm)}:
                # Other leaders received between the two sentences make it a multilateral gathering.
                between = sentences[min(sentences.index(s), sentences.index(other)):
                                    max(sentences.index(s), sentences.index(other)) + 1]
                several = any(x.other_leader for x in between) or "multilateral_summit" in kinds
                kind = "multilateral_summit" if several else "talks"
                return FoundMeeting(date=None, city=sorted(venues & {c for _, c in _cities_in(other.norm)})[0],
                                    kind=kind, status=_status(s), evidence=_evidence(text, nt, s)), s
    return None


def _lead_place(sentences: list[_Sentence]) -> str | None:
    """The place the lead names after a preposition ("وقع القادة … في مدينة أكتاو"): news leads
    say where, and later sentences name the leaders without repeating it. Only lead sentences
    about an encounter or its leaders count (a plane's route in the lead is not a venue)."""
    body = [s for s in sentences if len(_TOKEN.findall(s.norm)) > 6][:LEAD_SENTENCES]
    for s in body:
        if not (s.terms or s.putin or s.aliyev or s.pair):
            continue
        cities = _cities_in(s.norm)
        if cities:
            return cities[0][1]
    return None


def _date_from_lead(primary: FoundMeeting, sentences: list[_Sentence], mentions: list[DateMention], nt,
                    published: date | None) -> None:
    """The article's news day ("اليوم الإثنين" in the lead) when the meeting sentences give none."""
    body = [s for s in sentences if len(_TOKEN.findall(s.norm)) > 6][:LEAD_SENTENCES]
    for s in body:
        for m in mentions:
            pos = _norm_pos(nt, m.start)
            if s.start <= pos < s.end and m.kind in ("weekday", "relative") and m.offset_days == 0:
                choice = _resolve(m, published, primary.status or "held")
                _apply_date(primary, choice)
                if _has_date_info(primary):
                    return
