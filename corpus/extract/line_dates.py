"""The dates a header or body line holds, read alike by the publication stamp's readers and the
datelines': a line's full dates, whether a line is only its date, a date that closes a range of
days, and the labels of stamps (``stamps.yaml``) both look for or step over."""
from __future__ import annotations

import re
from functools import lru_cache

from ..lexicons import load_yaml
from ..normalize import normalize
from .arabic import alternation
from .dates import DateMention, find_dates
from .header_lines import WORD

# Header lines where a dateline or a stamp is looked for.
DATELINE_LINES = 6

_STAMPS = load_yaml("stamps.yaml")
STAMP_LABEL = re.compile(rf"(?:{alternation(_STAMPS['labels'])})\s*:?", re.I)
TRANSLATION_LABEL = re.compile(rf"(?:{alternation(_STAMPS['translation_labels'])})\s*:?", re.I)
ORIGINAL_SOURCE_LABEL = re.compile(rf"(?:{alternation(_STAMPS['original_source_labels'])})\s*:?", re.I)
RECORDED_LABEL = re.compile(rf"(?:{alternation(_STAMPS['recorded_labels'])})", re.I)
# Stamp words that are not sentence words, as normalised text writes them.
_STAMP_FURNITURE = frozenset(w.lower() for phrase in _STAMPS["furniture"] for w in normalize(phrase).split())
# A numeric Hijri date ("6/3/1445 هـ") printed before the Gregorian one.
_NUMERIC_HIJRI = re.compile(r"(?<!\d)\d{1,2}/\d{1,2}/1[34]\d\d(?!\d)")
# A digit: a line without one holds no full date, nor an issue's or a page's number.
DIGIT = re.compile(r"\d")
# A crawler's own stamp ("crawled: 2024-12-29T07:14:03Z"): when the page was fetched, not
# published; it gives the year of a year-less newsroom dateline a day or two before it.
CRAWL_LABEL = re.compile(r"^\s*(?:crawled|fetched|retrieved|scraped|archived)(?:\s+(?:at|on))?\s*:", re.I)

# The header lines are normalised by several rules in turn (labels, stamps, datelines): kept.
normalized_line = lru_cache(maxsize=64)(normalize)


def full_dates(text: str) -> list[DateMention]:
    """Dates with day, month and written year, excluding crawl stamps and Hijri years."""
    if not DIGIT.search(text):
        return []  # a written year is digits (normalising makes no digit of anything else)
    return [d for d in find_dates(text) if d.date is not None and d.year_known and not d.crawl and not d.hijri]


# "29 أبريل - 5 مايو 2024", "1–7 مايو 2024", "من 28 إلى 30 أبريل 2024": a weekly's period.
_RANGE_SEPARATOR = re.compile(r"(?:[-–—]|(?<![^\W_])(?:إلى|الى|حتى))\s*$")
_RANGE_DAY = re.compile(r"(?<![\d:.])\d{1,2}\s*$")


def ends_a_range(line: str, d: DateMention) -> bool:
    """Whether the date ``d`` of ``line`` closes a range of days: an issue's week, not a day."""
    before = line[:d.start].rstrip()
    sep = _RANGE_SEPARATOR.search(before)
    if sep is None:
        return False
    first = before[:sep.start()].rstrip()
    if _RANGE_DAY.search(first):
        return True
    return any(m.kind == "explicit" and m.end == len(first) for m in find_dates(first))


def is_date_line(line: str, found: list[DateMention], max_words: int = 4) -> bool:
    """A short line whose words are mostly the date (weekday, time marks, a section label, the
    Hijri date a paper prints beside the Gregorian one)."""
    rest = line
    for d in found:
        rest = rest.replace(d.text, " ")
    rest = hijri_opening().sub(" ", normalize(_NUMERIC_HIJRI.sub(" ", rest)))
    return len([w for w in WORD.findall(rest) if w.lower() not in _STAMP_FURNITURE and w not in _weekday_words()]) \
        <= max_words


@lru_cache(maxsize=1)
def _weekday_words() -> frozenset[str]:
    return frozenset(normalize(n) for names in load_yaml("weekdays.yaml")["weekdays"].values() for n in names)


@lru_cache(maxsize=1)
def hijri_opening() -> re.Pattern:
    """"27 ذو الحجة 1445 هـ الموافق": a Hijri date a Gulf dateline gives before the Gregorian one."""
    months = alternation(name for names in load_yaml("hijri_months.yaml").values() for name in names)
    return re.compile(rf"\d{{1,2}}\s+(?:{months})\s+\d{{3,4}}\s*ه?\s*(?:الموافق\s*(?:ل\s*)?)?")
