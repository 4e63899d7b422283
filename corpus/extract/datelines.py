"""The article's day as the text gives it besides a publication stamp: a newsroom's dateline (full,
year-less under a stamp or a crawler's stamp, parenthesised, Latin or numeric), a full date the lead
marks as today, the lead's first full date, a print edition's running header or footer, a signature
date line, a Solar or Hijri date line under the title, and the days a header line gives a
translation's original or a recorded interview. ``published`` weighs them against the stamps."""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from ..lexicons import load_yaml
from ..normalize import normalize, normalize_digits
from .dates import find_dates, month_number
from .header_lines import WORD
from .hijri import confirmed_day, hijri_dates
from .items import is_item_label, item_labels, label_at
from .line_dates import (CRAWL_LABEL, DATELINE_LINES, DIGIT, ORIGINAL_SOURCE_LABEL, RECORDED_LABEL, STAMP_LABEL,
                         TRANSLATION_LABEL,
                         ends_a_range, full_dates, hijri_opening, is_date_line, normalized_line)
from .solar import solar_dates

# How far into a paragraph a parenthesised dateline may end.
DATELINE_CHARS = 160
# A dateline's date starts within this many characters of its paragraph (city, agency first).
DATELINE_START = 40
# The lead, where a full date is the article's news day: this many characters of the body.
LEAD_CHARS = 400
# A year-less dateline may differ from the page's stamp by this many days.
SAME_DAY_SLIP = 2
# The lead is the first paragraph of at least this many words.
LEAD_MIN_WORDS = 8
# A paragraph this long is body text, never a header line (titles are shorter).
BODY_PARAGRAPH_WORDS = 20
# A signature date line ("باكو، 11 يونيو 2017") is looked for among this many last lines.
SIGNATURE_LINES = 4
# A Solar Hijri date line has at most this many words (weekday, day, month, era marks).
SOLAR_LINE_WORDS = 6

_OPEN_PAREN_DATELINE = re.compile(r"^\s*\((?P<inner>[^()\n]{3,%d})\)" % DATELINE_CHARS)


def translated_from(lines: list[str]) -> date | None:
    """The original's date on a translation's header line ("النص الأصلي: 28.12.2024 — تاريخ الترجمة:
    30 ديسمبر 2024"): the day its "اليوم" means, before the translation's label."""
    for line in lines[:DATELINE_LINES]:
        norm = normalized_line(line)
        label = TRANSLATION_LABEL.search(norm)
        if label is None:
            continue
        before = [d for d in full_dates(norm) if d.end <= label.start()]
        if before:
            return before[0].date
    return None


def copied_from(lines: list[str]) -> date | None:
    """The original's date on a portal copy's header line ("المصدر الأصلي: سبوتنيك، 24.02.2022"): the
    day the copy's relative days count from (the first full date after the label)."""
    for line in lines[:DATELINE_LINES]:
        norm = normalized_line(line)
        label = ORIGINAL_SOURCE_LABEL.search(norm)
        if label is None:
            continue
        after = [d for d in full_dates(norm) if d.start >= label.end()]
        if after:
            return after[0].date
    return None


def recorded_on(lines: list[str]) -> date | None:
    """The day an interview was recorded, on a header line that says so ("أجري الحوار … يوم
    الجمعة 10 أكتوبر 2025 قبل يومين من نشره"): the day its guest's "أمس" counts from."""
    for line in lines[:DATELINE_LINES]:
        label = RECORDED_LABEL.search(normalized_line(line))
        if label is None:
            continue
        found = [d for d in full_dates(normalized_line(line)) if d.start >= label.end()]
        if found:
            return found[0].date
    return None


def _paragraphs_to_lead(body: str) -> list[str]:
    """The page's first three paragraphs, and up to DATELINE_LINES while none of them is a body
    paragraph (BODY_PARAGRAPH_WORDS words): a site-name line, a menu and a title may come before
    the dateline that opens the lead."""
    head: list[str] = []
    for para in body.split("\n"):
        if not para.strip():
            continue
        head.append(para)
        if len(head) >= DATELINE_LINES or len(head) >= 3 and any(
                len(WORD.findall(h)) >= BODY_PARAGRAPH_WORDS for h in head):
            break
    return head


def published_from_dateline(body: str) -> date | None:
    """"(Agency - 11 كانون الثاني 2021ء) text…" or "City 12 مارس 2019 (Agency) - text…" at the
    start of one of the first paragraphs, up to the lead: a full date after at most a place and
    an agency."""
    paragraphs = _paragraphs_to_lead(body)
    # a chronology's first item ("السبت 17 آب/أغسطس 2024: …") dates its news, not the page
    chronology = bool(item_labels(body))
    for para in paragraphs:
        if chronology and is_item_label(para):
            continue
        m = _OPEN_PAREN_DATELINE.match(para)
        if m:
            found = full_dates(m.group("inner"))
            if found:
                return found[0].date
        found = full_dates(para[:DATELINE_START + 40])
        if found and found[0].start <= DATELINE_START and _closes_dateline(para, found[0].end) \
                and not ends_a_range(para, found[0]) \
                and _is_dateline_head(para[:found[0].start]):
            return found[0].date
    return None


@lru_cache(maxsize=1)
def _dateline_words() -> frozenset[str]:
    """Words a dateline may hold before its date: places and their countries, outlets, weekdays."""
    words: set[str] = set()
    for city in load_yaml("cities.yaml")["cities"]:
        for alias in city.get("ar", []):
            words.update(normalize(alias).split())
    datelines = load_yaml("dateline_places.yaml")
    for place in datelines["places"] + datelines["countries"]:
        words.update(normalize(place).split())
    for outlet in load_yaml("outlets.yaml")["outlets"]:
        for alias in outlet["ar"]:
            words.update(normalize(alias).split())
    for names in load_yaml("weekdays.yaml")["weekdays"].values():
        words.update(normalize(n) for n in names)
    return frozenset(words)


def _is_dateline_head(prefix: str) -> bool:
    """"موسكو", "(سبوتنيك) باكو،", "موسكو في", "": a dateline's place and agency, not a
    sentence's verb and subject ("أعلن الكرملين، الجمعة 4 أبريل 2022، أن …"). A Hijri date
    given first ("الرياض 27 ذو الحجة 1445 هـ الموافق") belongs to the dateline."""
    words = WORD.findall(hijri_opening().sub(" ", normalize(prefix)))
    if words and words[-1] == "في":  # "موسكو في 28 يونيو /قنا/"
        words = words[:-1]
    return len(words) <= 3 and all(w in _dateline_words() or w.isascii() or _CYRILLIC_WORD.fullmatch(w) for w in words)


# A place written in Cyrillic by copy from Russian sources ("Астана, 3 июля 2024 года – РИА Новости").
_CYRILLIC_WORD = re.compile(r"[\u0400-\u04ff]+")


# What closes a dateline's date: an agency in brackets, a dash, a comma, a line end.
_DATELINE_AFTER = re.compile(r"\s*(?:[(\[\-–—،,:|/]|$)", re.M)
# Or an agency's short name with nothing after it on the line ("… 03 يوليو 2024 م واس").
_AGENCY_TO_LINE_END = re.compile(r"[ \t]*(?P<words>[^\W\d_]+(?:[ \t]+[^\W\d_]+){0,2})[ \t]*$", re.M)


# Russian copy writes "года" ("of the year") or "г." after the year.
_RUSSIAN_YEAR_WORD = re.compile(r"\s*(?:года|г\.)")


def _closes_dateline(line: str, end: int) -> bool:
    """Whether the dateline's date ending at ``end`` is followed by what closes a dateline."""
    year_word = _RUSSIAN_YEAR_WORD.match(line, end)
    if year_word is not None:
        end = year_word.end()
    if _DATELINE_AFTER.match(line, end):
        return True
    agency = _AGENCY_TO_LINE_END.match(line, end)
    return agency is not None and all(w in _dateline_words() for w in normalize(agency.group("words")).split())


def is_dateline(text: str, start: int, end: int) -> bool:
    """Is the date at text[start:end] its paragraph's dateline ("باكو - 13-06-2015 (و م ع) - …"):
    at most a place and an agency before it, and what closes a dateline after it?"""
    para_start = text.rfind("\n", 0, start) + 1
    if start - para_start > DATELINE_START:
        return False
    line_end = text.find("\n", end)
    line = text[para_start: line_end if line_end >= 0 else len(text)]
    return _is_dateline_head(text[para_start:start]) and _closes_dateline(line, end - para_start)


def today_marked_in_lead(body: str) -> date | None:
    """A full date in the lead written as today: "اليوم الاثنين 4 أبريل 2022", or a weekday
    right before it that is the date's own weekday."""
    lead = body[:LEAD_CHARS]
    mentions = find_dates(lead)
    items = item_labels(body)  # a chronology's item tells its own day's news
    for i, d in enumerate(mentions):
        if d.date is None or not d.year_known or d.crawl or d.hijri or label_at(items, d.start):
            continue
        before = [m for m in mentions[:i] if 0 <= d.start - m.end <= 3]
        for m in before:
            if m.kind == "weekday" and m.weekday == d.date.weekday():
                return d.date
            if m.kind == "relative" and m.offset_days == 0:
                return d.date
    return None


def lead_date(body: str) -> date | None:
    """The first full date of the lead, the first paragraph of the body (a news day when nothing
    else dates the article; dates further down are mostly background)."""
    for para in body.split("\n"):
        if len(WORD.findall(para)) >= LEAD_MIN_WORDS:
            found = full_dates(para[:LEAD_CHARS])
            return found[0].date if found else None
    return None


def yearless_dateline(lines: list[str], near: date) -> date | None:
    """"باكو، 29 سبتمبر، أذرتاج" under a stamp of 2025-09-28: the dateline's day with the
    stamp's year. A crawler's stamp may be a day off (time zones); the newsroom's dateline is
    the day the article was written. Only within SAME_DAY_SLIP days of the stamp."""
    for line in lines[:DATELINE_LINES]:
        for d in find_dates(line, near):
            if d.kind == "explicit" and not d.year_known and d.date is not None and d.start <= DATELINE_START \
                    and abs((d.date - near).days) <= SAME_DAY_SLIP and _closes_dateline(line, d.end) \
                    and _is_dateline_head(line[:d.start]):
                return d.date
    return None


def dateline_under_crawl_stamp(lines: list[str]) -> date | None:
    """A year-less dateline ("موسكو - 28 دجنبر -") on a page a crawler stamped a day or two later."""
    for line in lines[:DATELINE_LINES]:
        if CRAWL_LABEL.match(line):
            stamps = [d.date for d in find_dates(line) if d.date is not None and d.year_known]
            if stamps:
                dateline = yearless_dateline(lines, stamps[0])
                if dateline is not None and dateline <= stamps[0]:
                    return dateline
    return None


def full_dateline(lines: list[str]) -> date | None:
    """"قازان، 23 أكتوبر 2024 (تاس)": a header or first-paragraph line opening with a place or an
    agency and a full date."""
    for line in lines[:DATELINE_LINES]:
        found = full_dates(line[:DATELINE_START + 40])
        if found and found[0].start <= DATELINE_START and _closes_dateline(line, found[0].end) \
                and _is_dateline_head(line[:found[0].start]) and not STAMP_LABEL.match(normalized_line(line).lstrip()):
            return found[0].date
    return None


# "BAKU, Aug. 19 (IRNA) –": a Latin dateline over an Arabic body, month and day without a year.
_LATIN_DATELINE = re.compile(r"^\s*[A-Za-z][A-Za-z .'\-]{1,30},\s*(?P<m>[A-Za-z]{3,9})\.?\s+(?P<d>\d{1,2})(?!\d)")
# An agency's numeric dateline, day then month, before the agency's name in brackets
# ("باكو - 8 - 8 (كونا) --").
_NUMERIC_DATELINE = re.compile(r"^\s*[^\W\d_]+(?:\s+[^\W\d_]+)?\s*[-–]\s*(?P<d>\d{1,2})\s*[-–/]\s*"
                               r"(?P<m>\d{1,2})\s*[(/]")


def dateline_month_day(text: str, head: str = "") -> tuple[int, int] | None:
    """Month and day of a year-less dateline ("باكو، 24 أكتوبر -", "BAKU, Aug. 19 (IRNA)") or date
    line under the title ("الخميس 7 أكتوبر"): the day the newsroom wrote the article, for an
    article whose year nothing gives."""
    lines = [ln for ln in (head + "\n" + text).split("\n") if ln.strip()][:DATELINE_LINES]
    for line in lines:
        latin = _LATIN_DATELINE.match(line)
        if latin:
            month, day = month_number(latin.group("m")), int(latin.group("d"))
            if month and 1 <= day <= 31:
                return month, day
        numeric = _NUMERIC_DATELINE.match(normalize_digits(line))
        if numeric and 1 <= int(numeric.group("m")) <= 12 and 1 <= int(numeric.group("d")) <= 31:
            return int(numeric.group("m")), int(numeric.group("d"))
        for d in find_dates(line, None):
            if d.kind != "explicit" or d.year_known or not (d.month and d.day):
                continue
            dateline = d.start <= DATELINE_START and _closes_dateline(line, d.end) \
                and _is_dateline_head(line[:d.start])
            if dateline or is_date_line(line, [d], max_words=0):
                return d.month, d.day
    return None


def hijri_date_line(lines: list[str], month_day: tuple[int, int] | None) -> date | None:
    """"الجمعة 21 ربيع الثاني 1443هـ" or "1445/3/27هـ" alone under a Gulf paper's name: the
    article's day when its weekday or the page's Gregorian day and month confirm the conversion
    (``hijri.confirmed_day``); not a publication date (the gold conventions keep those Gregorian)."""
    for line in lines[:DATELINE_LINES]:
        if len(WORD.findall(line)) > SOLAR_LINE_WORDS or full_dates(line):
            continue
        for year, month, day, weekday in hijri_dates(line):
            found = confirmed_day(year, month, day, weekday, month_day)
            if found is not None:
                return found
    return None


def solar_date_line(lines: list[str]) -> date | None:
    """"الخميس 17 مهر 1399 هـ.ش" under an Iranian outlet's title: a short header line whose date is
    in the Solar Hijri calendar (the article's day; not taken as a publication date, which the
    gold conventions keep for Gregorian dates)."""
    for line in lines[:DATELINE_LINES]:
        days = solar_dates(line)
        if days and len(WORD.findall(line)) <= SOLAR_LINE_WORDS:
            return days[0]
    return None


# A running header's segments: " - ", " | ", " – " between them.
_RUNNING_SEPARATOR = re.compile(r"\s[-–|]\s")
RUNNING_HEADER_CHARS = 160  # a running header is one short line


@lru_cache(maxsize=1)
def _print_furniture() -> frozenset[str]:
    return frozenset(normalize(w) for w in load_yaml("stamps.yaml")["print_furniture"])


def running_header_date(text: str) -> date | None:
    """The date of a print edition's running header or footer, wherever a PDF export left it
    ("تشرين - العدد 12612 - الثلاثاء 9 آب 2016 - الصفحة 3"): a short line of three or more
    segments, one of them a date alone, another an issue's or a page's number."""
    for line in text.split("\n"):
        if len(line) > RUNNING_HEADER_CHARS or not _RUNNING_SEPARATOR.search(line) or not DIGIT.search(line):
            continue
        segments = [seg.strip() for seg in _RUNNING_SEPARATOR.split(line) if seg.strip()]
        if len(segments) < 3:
            continue
        dated = [(i, found[0].date) for i, seg in enumerate(segments)
                 if (found := full_dates(seg)) and is_date_line(seg, found, max_words=0)]
        furniture = any(set(normalize(seg).split()) & _print_furniture() or seg.isdigit()
                        for i, seg in enumerate(segments) if all(i != j for j, _ in dated))
        if len(dated) == 1 and furniture:
            return dated[0][1]
    return None


def signature_date_line(text: str) -> date | None:
    """"باكو، 11 يونيو 2017" alone on one of the last lines: the place and day a letter or a
    statement the article prints was signed, the article's day when nothing above dates it."""
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()][-SIGNATURE_LINES:]
    for line in reversed(lines):
        found = [d for d in full_dates(line) if not ends_a_range(line, d)]
        if len(found) == 1 and not line[found[0].end:].strip(" .،,") \
                and _is_dateline_head(line[:found[0].start].strip(" ،,-")):
            return found[0].date
    return None
