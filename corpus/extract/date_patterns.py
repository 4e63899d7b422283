"""The date lexicons (months.yaml, weekdays.yaml, ordinals.yaml) compiled once into patterns over
normalised text, and the scan of a text by them (``scan``: every match of every pattern, each family
of patterns run only on a text holding a word every match of it needs). ``dates`` reads the matches.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, fields
from functools import lru_cache

from ..lexicons import load_yaml
from ..normalize import Normalized, normalize, normalize_with_offsets
from .arabic import alternation, first_words, holds_any, last_words
from .gates import with_first_char

# ---------------------------------------------------------------- lexicon-built patterns

@lru_cache(maxsize=1)
def month_table() -> dict[str, int]:
    table: dict[str, int] = {}
    for num, names in load_yaml("months.yaml").items():
        for name in names:
            table[" ".join(normalize(str(name)).split())] = int(num)
    return table


@lru_cache(maxsize=1)
def weekday_table() -> dict[str, int]:
    data = load_yaml("weekdays.yaml")["weekdays"]
    return {normalize(w): int(n) for n, words in data.items() for w in words}


@lru_cache(maxsize=1)
def ordinal_table() -> dict[str, int]:
    """Normalised day ordinal phrase → day number (1–31), generated from ordinals.yaml."""
    data = load_yaml("ordinals.yaml")
    table: dict[str, int] = {}
    for n, words in data["units"].items():
        for w in words:
            table[normalize(w)] = int(n)
    for n, words in data["compound_units"].items():
        for w in words:
            for suffix in data["teen_suffix"]:
                table[f"{normalize(w)} {normalize(suffix)}"] = 10 + int(n)
            for tens, tens_words in data["tens"].items():
                for t in tens_words:
                    if int(tens) + int(n) <= 31:
                        table[f"{normalize(w)} و{normalize(t)}"] = int(tens) + int(n)
    for tens, tens_words in data["tens"].items():
        for t in tens_words:
            table[normalize(t)] = int(tens)
    return table


@lru_cache(maxsize=1)
def bare_ordinal_table() -> dict[str, int]:
    """Normalised ordinal written without the article before a month ("أول سبتمبر") → day."""
    return {normalize(w): int(n) for n, words in load_yaml("ordinals.yaml")["bare"].items() for w in words}


def month_number(phrase: str) -> int | None:
    """The month a name gives (any of months.yaml's spellings, Arabic or English), else None."""
    return month_table().get(" ".join(normalize(phrase).split()))


_THIS_MONTH = "الشهر"  # every match of day_of_named_month holds it


def _markers(key: str) -> str:
    return alternation(load_yaml("weekdays.yaml")[key])


# "وفي عام 2020، وقع الرئيسان …": a year fronted at the opening of a sentence tells the whole
# sentence in that year (a fronted time adverbial scopes over its clause).
_OPENING_YEAR = re.compile(r"^\W*(?:[وف])?(?:في\s+(?:(?:ال)?(?:عام|سنه)\s+)?|(?:ال)?(?:عام|سنه)\s+)"
                           r"(?P<y>(?:19|20)\d\d)(?!\d)")


def opening_year(norm_sentence: str) -> int | None:
    """The year a normalised sentence opens with ("وفي عام 2020، …", "في 2019 …"), else None."""
    m = _OPENING_YEAR.match(norm_sentence)
    return int(m.group("y")) if m else None


@dataclass(frozen=True)
class Patterns:
    day_month: re.Pattern
    ordinal_day_month: re.Pattern
    month_year: re.Pattern
    english_dmy: re.Pattern
    english_mdy: re.Pattern
    month_day_year: re.Pattern
    day_of_named_month: re.Pattern
    numeric_dmy: re.Pattern
    numeric_ymd: re.Pattern
    weekday: re.Pattern
    relative_day: re.Pattern
    relative_year: re.Pattern


# A date glued to "@hh:mm" is the time a crawler fetched the page, not a publication date.
CRAWL_TAIL = re.compile(r"\s?@\s?\d")
_B = r"(?<![\w])"  # left word boundary that also works after punctuation
_E = r"(?![\w])"


@lru_cache(maxsize=1)
def patterns() -> Patterns:
    """The date patterns as the scan runs them (behind their first-character lookaheads)."""
    return _fast(plain_patterns())


@lru_cache(maxsize=1)
def plain_patterns() -> Patterns:
    """The date patterns as written (the reference ``patterns`` equals)."""
    months = alternation(month_table())
    # A month, optionally paired with its other name: "نوفمبر/ تشرين الثاني", "أيلول (سبتمبر)".
    month = rf"(?P<m1>{months})(?:\s*[/(\-–]\s*(?P<m2>{months})\s*\)?)?"
    # Year with optional era suffix: م/ء (Gregorian) or ه (Hijri, after normalisation of هـ).
    year = r"(?P<y>\d{4})(?:\s?(?P<era>م|ء|ه)" + _E + r")?"
    year_opt = rf"(?:\s*[,،/\-]?\s*(?:من\s+)?(?:(?:ال)?عام\s+|سنه\s+)?{year})?"
    markers = f"{_markers('past_markers')}|{_markers('future_markers')}|{_markers('current_markers')}"
    rel_group = rf"(?P<rel>(?:ال)?(?:عام|سنه|شهر)\s+(?:{markers})|{markers})"
    after = rf"(?:\s+(?:من\s+)?{rel_group}{_E})?"
    ordinals = alternation(ordinal_table())
    weekdays = alternation(weekday_table())
    eng_months = "|".join(sorted((m for m in month_table() if m.isascii()), key=len, reverse=True))
    rel_days = load_yaml("weekdays.yaml")["relative_days"]
    rel_alt = alternation([w for words in rel_days.values() for w in words])
    return Patterns(
        day_month=re.compile(
            rf"(?:(?<![\w])[وفبل]|(?<!\d))(?:يوم\s+)?(?:ال\s*)?(?P<d>\d{{1,2}})(?:\s*من)?(?:\s+شهر)?\s*[/\-–]?\s*{month}{_E}{year_opt}{after}"),
        ordinal_day_month=re.compile(
            rf"{_B}(?:يوم\s+)?(?:(?P<od>{ordinals})\s+من\s+|(?P<bare>{alternation(bare_ordinal_table())})\s+)"
            rf"(?:شهر\s+)?{month}{_E}{year_opt}{after}"),
        month_year=re.compile(
            rf"{_B}(?:[وفب]?(?:شهر\s+)|[وفب](?=\S))?{month}{_E}(?:\s*[,،]?\s*(?:من\s+)?(?:(?:ال)?عام\s+|سنه\s+)?{year}|\s+(?:من\s+)?{rel_group}{_E})"),
        english_dmy=re.compile(
            rf"(?<!\d)(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s*(?P<m1>{eng_months})\.?\s*,?\s*(?P<y>\d{{4}})(?!\d)"),
        english_mdy=re.compile(
            rf"(?<![a-z])(?P<m1>{eng_months})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s*(?P<y>\d{{4}})(?!\d)"),
        # the English order with an Arabic month, as blog platforms print it ("سبتمبر 30, 2014")
        month_day_year=re.compile(
            rf"{_B}(?P<m1>{months})\s+(?P<d>\d{{1,2}})\s*[,،]\s*(?P<y>\d{{4}})(?!\d)"),
        # a day of the page's month, or of the month before or after it ("في 21 من الشهر الجاري",
        # "في الحادي عشر من الشهر الماضي")
        day_of_named_month=re.compile(
            rf"{_B}(?:يوم\s+)?(?:ال)?(?:(?P<d>\d{{1,2}})|(?P<od>{ordinals}))\s+من\s+(?:هذا\s+)?الشهر\s+(?P<rel>{markers}){_E}"),
        numeric_dmy=re.compile(
            r"(?<![\d.\-/])(?P<d>\d{1,2})\s?(?P<sep>[-./])\s?(?P<m>\d{1,2})\s?(?P=sep)\s?(?P<y>\d{4})(?![\d])"),
        numeric_ymd=re.compile(
            r"(?<![\d.\-/])(?P<y>\d{4})(?P<sep>[-./])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?![\d])"),
        weekday=re.compile(
            rf"(?:(?P<pre>{rel_alt})\s*(?:[,،(]\s*)?)?{_B}(?:[وفب]|يوم\s+|ليلة\s+|مساء\s+|صباح\s+)?(?P<wd>{weekdays}){_E}"
            rf"(?:\s+(?P<post>{_markers('past_markers')}|{_markers('future_markers')}|{_markers('current_markers')}){_E})?"),
        relative_day=re.compile(rf"{_B}[وف]?(?P<rd>{rel_alt}){_E}"),
        relative_year=re.compile(
            rf"{_B}[وفلب]?(?:ال)?(?:عام|سنه)\s+(?P<ry>{_markers('past_markers')}|{_markers('future_markers')}|{_markers('current_markers')}){_E}"),
    )


def _fast(pats: Patterns) -> Patterns:
    """Each pattern behind a lookahead for the characters its matches start with (same matches:
    see gates.with_first_char): most positions of a text then fail at the first test."""
    return Patterns(**{f.name: with_first_char(getattr(pats, f.name)) for f in fields(pats)})


@lru_cache(maxsize=1)
def rel_offset_table() -> dict[str, int]:
    """Relative-day words (normalised) → day offset; built once (read-only)."""
    rel = load_yaml("weekdays.yaml")["relative_days"]
    return {" ".join(normalize(w).split()): int(n) for n, words in rel.items() for w in words}


@lru_cache(maxsize=1)
def _direction_markers() -> tuple[tuple[str, frozenset[str]], ...]:
    """(direction, its normalised marker words), in the order they are tried; built once."""
    data = load_yaml("weekdays.yaml")
    return tuple((direction, frozenset(normalize(w) for w in data[f"{direction}_markers"]))
                 for direction in ("past", "future", "current"))


def direction_of(marker: str | None) -> str | None:
    if not marker:
        return None
    last = marker.split()[-1]
    return next((direction for direction, words in _direction_markers() if last in words), None)


@dataclass(frozen=True)
class Scan:
    """A text's matches of every date pattern (by Patterns field name), read once whatever the
    publication date they are then resolved against."""
    nt: Normalized
    found: dict[str, tuple[re.Match, ...]]


_DIGIT = re.compile(r"\d")
_LATIN = re.compile("[a-z]")  # every English month name has these letters
_NUMERIC = re.compile(r"\d\s?[-./]\s?\d")  # in every numeric stamp, either order
_YEAR_WORDS = ("عام", "سنه")  # relative_year needs one of them


@lru_cache(maxsize=512)
def scan(text: str) -> Scan:
    nt = normalize_with_offsets(text)
    norm, words, pats = nt.text, _trigger_words(), patterns()
    digit = _DIGIT.search(norm) is not None
    latin = _LATIN.search(norm) is not None
    numeric = digit and _NUMERIC.search(norm) is not None
    english = digit and latin and holds_any(norm, words.english_months)
    month = holds_any(norm, words.arabic_months) or latin and holds_any(norm, words.english_months)
    year_word = holds_any(norm, _YEAR_WORDS)
    marker = (month or year_word) and holds_any(norm, words.markers)
    # Each pattern runs only on a text holding a word (or digit) every match of it needs: a day
    # of the month is digits or an ordinal, a month's year digits, a relative year a marker.
    present = {"numeric_ymd": numeric, "numeric_dmy": numeric, "english_dmy": english, "english_mdy": english,
               "month_day_year": month and digit, "day_of_named_month": _THIS_MONTH in norm,
               "day_month": month and digit, "ordinal_day_month": month and holds_any(norm, words.ordinals),
               "month_year": month and (digit or marker), "weekday": holds_any(norm, words.weekdays),
               "relative_day": holds_any(norm, words.relative_days), "relative_year": year_word and marker}
    return Scan(nt, {name: tuple(getattr(pats, name).finditer(norm)) if ran else () for name, ran in present.items()})


@dataclass(frozen=True)
class _TriggerWords:
    """Words one of which every match of a pattern built on month, weekday or relative-day forms
    holds: the first word of each form (the last for relative days: "في وقت سابق اليوم" is looked
    for by "اليوم", not by "في"), less any word that holds another one (a text holding it holds
    the other)."""
    arabic_months: tuple[str, ...]
    english_months: tuple[str, ...]  # as the English patterns spell them (month_table's ASCII keys)
    weekdays: tuple[str, ...]
    relative_days: tuple[str, ...]
    markers: tuple[str, ...]  # past, future and current ("الماضي", "المقبل", "الجاري")
    ordinals: tuple[str, ...]  # a day's ordinal, with or without the article ("الاول", "اول")


def _cover(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(w for w in words if not any(o != w and o in w for o in words))


@lru_cache(maxsize=1)
def _trigger_words() -> _TriggerWords:
    rel_days = load_yaml("weekdays.yaml")["relative_days"]
    months = first_words(month_table())
    english = tuple(sorted({m.split()[0] for m in month_table() if m.isascii()} | {m for m in months if m.isascii()}))
    assert all(_LATIN.search(m) for m in english), "months.yaml: an English month name without letters"
    return _TriggerWords(_cover(tuple(m for m in months if not m.isascii())), _cover(english),
                         _cover(first_words(weekday_table())),
                         _cover(last_words([w for words in rel_days.values() for w in words])),
                         _cover(first_words(w for key in ("past_markers", "future_markers", "current_markers")
                                            for w in load_yaml("weekdays.yaml")[key])),
                         _cover(first_words([*ordinal_table(), *bare_ordinal_table()])))
