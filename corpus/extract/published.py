"""The publication date, the article's own "today" and a year-less dateline, from the text.

Sources, strongest first: hints from the container (HTML meta, CSV columns, read by ``metadata``),
then the article's own header: a labelled stamp ("تاريخ النشر:", "نشر في", "date 2025-10-09" even
when the body follows on the same line), a date line under the title (or a header segment that is
only a date), an update's stamp only when nothing else dates the page; then the page's URL when the
input has one; then a dateline opening one of the first paragraphs ("(سبوتنيك - 11 كانون الثاني
2021ء)", "موسكو 12 مارس 2019 (رويترز) -"), then a full date in the lead that the text marks as
today ("اليوم الاثنين 4 أبريل 2022", or a weekday that agrees with the date), a signature date
line, an agency's transmission code. A date deep inside the body is never the publication date,
and a crawl stamp glued to a time ("2025-05-28@00:20:02") is when the page was fetched.

The article's own "today", against which relative and partial dates are resolved, is the
newsroom's dateline when it is a day or two off the publication date, else the publication date,
else the first full date of the lead: news leads date the news.
"""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import Callable

from ..lexicons import load_yaml
from ..normalize import normalize, normalize_digits
from .arabic import alternation
from .dates import DateMention, find_dates, month_number, safe_date
from .header_lines import WORD, head_lines
from .hijri import confirmed_day, hijri_dates
from .items import is_item_label, item_labels, label_at
from .solar import solar_dates
from .wire_codes import wire_code_date

# How far into a paragraph a parenthesised dateline may end.
DATELINE_CHARS = 160
# A dateline's date starts within this many characters of its paragraph (city, agency first).
DATELINE_START = 40
# The lead, where a full date is the article's news day: this many characters of the body.
LEAD_CHARS = 400
# Header lines where a dateline or a stamp is looked for.
DATELINE_LINES = 6
# A year-less dateline may differ from the page's stamp by this many days.
SAME_DAY_SLIP = 2
# The lead is the first paragraph of at least this many words.
LEAD_MIN_WORDS = 8
# A paragraph this long is body text, never a header line (titles are shorter).
BODY_PARAGRAPH_WORDS = 20
# A labelled stamp's date starts within this many characters of the label's line.
STAMP_START = 30
# A signature date line ("باكو، 11 يونيو 2017") is looked for among this many last lines.
SIGNATURE_LINES = 4
# A Solar Hijri date line has at most this many words (weekday, day, month, era marks).
SOLAR_LINE_WORDS = 6

_STAMPS = load_yaml("stamps.yaml")
_LABEL = re.compile(rf"(?:{alternation(_STAMPS['labels'])})\s*:?", re.I)
_FIRST_PUBLISHED = re.compile(rf"(?:{alternation(_STAMPS['first_published_labels'])})", re.I)
_REPUBLISHED = re.compile(rf"(?:{alternation(_STAMPS['republished_labels'])})", re.I)
_TRANSLATED = re.compile(rf"(?:{alternation(_STAMPS['translation_labels'])})\s*:?", re.I)
RECORDED_BASIS = "text: the day the interview was recorded"
_RECORDED = re.compile(rf"(?:{alternation(_STAMPS['recorded_labels'])})", re.I)
_UPDATE_LABEL = re.compile(rf"(?:{alternation(_STAMPS['update_labels'])})\s*:?", re.I)
# "روسيا اليوم | أخبار العالم | ٢٧ تشرين الثاني ٢٠٢١ | ١٠:٤٥": a header of segments, one of them the date.
_SEGMENT_BAR = re.compile(r"\s[|•]\s")
SEGMENT_LABEL_WORDS = 1  # "حلقة 30 ديسمبر 2024": a segment's date may carry a one-word label
# Stamp words that are not sentence words, as normalised text writes them.
_STAMP_FURNITURE = frozenset(w.lower() for phrase in _STAMPS["furniture"] for w in normalize(phrase).split())
# A numeric Hijri date ("6/3/1445 هـ") printed before the Gregorian one.
_NUMERIC_HIJRI = re.compile(r"(?<!\d)\d{1,2}/\d{1,2}/1[34]\d\d(?!\d)")
# A year standing alone on a stamp line ("GMT 18:20 2023 السبت 14 أكتوبر").
_DIGIT = re.compile(r"\d")
_LONE_YEAR = re.compile(r"(?<![\d:/.\-])(?P<y>(?:19|20)\d\d)(?![\d:/.\-])")
# Labels that only say "date" (a crawler's or a template's stamp), not the publisher's own
# "published"/"updated": a newsroom dateline a day off may correct them.
_GENERIC_LABEL = re.compile(r"^\s*(?:date|بتاريخ)\b", re.I)
# A crawler's own stamp ("crawled: 2024-12-29T07:14:03Z"): when the page was fetched, not
# published; it gives the year of a year-less newsroom dateline a day or two before it.
_CRAWL_LABEL = re.compile(r"^\s*(?:crawled|fetched|retrieved|scraped|archived)(?:\s+(?:at|on))?\s*:", re.I)
_OPEN_PAREN_DATELINE = re.compile(r"^\s*\((?P<inner>[^()\n]{3,%d})\)" % DATELINE_CHARS)
_URL_DATE = re.compile(r"(?<!\d)(?P<y>20\d\d|19\d\d)[/_-](?P<m>\d{1,2})[/_-](?P<d>\d{1,2})(?!\d)")




# The header lines are normalised by several rules in turn (labels, stamps, datelines): kept.
_normalized_line = lru_cache(maxsize=64)(normalize)


def full_dates(text: str) -> list[DateMention]:
    """Dates with day, month and written year, excluding crawl stamps and Hijri years."""
    if not _DIGIT.search(text):
        return []  # a written year is digits (normalising makes no digit of anything else)
    return [d for d in find_dates(text) if d.date is not None and d.year_known and not d.crawl and not d.hijri]


def _is_leading_stamp(line: str, found: list[DateMention]) -> bool:
    """"date 2025-10-09 قال …": a label opening the line, its date right after it, whatever
    follows (crawled pages glue the stamp to the first paragraph)."""
    return bool(_LABEL.match(_normalized_line(line).lstrip())) and found[0].start <= STAMP_START


def _split_year_stamp(line: str) -> list[DateMention]:
    """"GMT 18:20 2023 السبت 14 أكتوبر": a stamp whose year stands apart from its day and month,
    completed (a weekday named with it must agree), as a full date of the line."""
    years = {int(m.group("y")) for m in _LONE_YEAR.finditer(normalize_digits(line))}
    if len(years) != 1:
        return []
    year = years.pop()
    mentions = find_dates(line)
    weekdays = {m.weekday for m in mentions if m.kind == "weekday"}
    out = []
    for d in mentions:
        if d.kind == "explicit" and not d.year_known and d.month and d.day and not d.hijri:
            when = safe_date(year, d.month, d.day)
            if when is not None and weekdays <= {when.weekday()}:
                out.append(DateMention(d.start, d.end, d.text, when, True, "explicit", month=d.month, day=d.day,
                                       year=year))
    return out


def _published_from_head(lines: list[str]) -> tuple[date | None, str | None]:
    """A labelled stamp wins; else the first line that is essentially a date (or a header segment
    that is); an update's stamp ("آخر تحديث") only when nothing else dates the page."""
    first_line_date: date | None = None
    update: date | None = None
    for line in lines:
        found = [d for d in full_dates(line) or _split_year_stamp(line) if not _ends_a_range(line, d)]
        if not found or _CRAWL_LABEL.match(line):  # when a crawler fetched the page, not published
            continue
        norm = _normalized_line(line)
        paired = _first_text_date(norm)
        if paired is not None:
            return paired, "text: labelled stamp"
        if _LABEL.search(norm) and is_date_line(line, found, max_words=6) or _is_leading_stamp(line, found):
            updated = _UPDATE_LABEL.search(norm)
            # "24.10.2024 - محدث : 24.10.2024": a date before the update's label is the publication's
            if updated is None or full_dates(norm[:updated.start()]):
                return _after_label(norm, found), "text: labelled stamp"
            update = update or found[0].date
            continue
        if first_line_date is None:
            first_line_date = found[0].date if is_date_line(line, found) else _date_segment(line)
    if first_line_date:
        return first_line_date, "text: date line"
    return (update, "text: labelled stamp") if update else (None, None)


# "29 أبريل - 5 مايو 2024", "1–7 مايو 2024", "من 28 إلى 30 أبريل 2024": a weekly's period.
_RANGE_SEPARATOR = re.compile(r"(?:[-–—]|(?<![^\W_])(?:إلى|الى|حتى))\s*$")
_RANGE_DAY = re.compile(r"(?<![\d:.])\d{1,2}\s*$")


def _ends_a_range(line: str, d: DateMention) -> bool:
    """Whether the date ``d`` of ``line`` closes a range of days: an issue's week, not a day."""
    before = line[:d.start].rstrip()
    sep = _RANGE_SEPARATOR.search(before)
    if sep is None:
        return False
    first = before[:sep.start()].rstrip()
    if _RANGE_DAY.search(first):
        return True
    return any(m.kind == "explicit" and m.end == len(first) for m in find_dates(first))


def _after_label(norm: str, found: list[DateMention]) -> date:
    """The publication date of a stamp line: its first date, unless the line first says when an
    interview was recorded ("حوار أجري يوم 2 نوفمبر 2022 ونشر في 3 نوفمبر 2022": the 3rd)."""
    first = found[0].date
    assert first is not None  # full dates have their day
    recorded = _RECORDED.search(norm) if len(found) > 1 else None
    if recorded is None:
        return first
    label = next((m for m in _LABEL.finditer(norm) if m.start() >= recorded.end()), None)
    if label is None:
        return first
    return next((d.date for d in full_dates(norm) if d.start >= label.end() and d.date is not None), first)


def _first_text_date(norm: str) -> date | None:
    """A line of two dates, the text's first publication and a later one: the first publication's
    for a republished page, the translation's for a translated one (``norm``: the normalised line).
    The labels are looked for first: most lines have none."""
    translated = _TRANSLATED.search(norm)
    label = translated if translated else _FIRST_PUBLISHED.search(norm) if _REPUBLISHED.search(norm) else None
    if label is None:
        return None
    found = full_dates(norm)
    if len(found) < 2:
        return None
    return next((d.date for d in found if d.start >= label.end()), None)


def _translated_from(lines: list[str]) -> date | None:
    """The original's date on a translation's header line ("النص الأصلي: 28.12.2024 — تاريخ الترجمة:
    30 ديسمبر 2024"): the day its "اليوم" means, before the translation's label."""
    for line in lines[:DATELINE_LINES]:
        norm = _normalized_line(line)
        label = _TRANSLATED.search(norm)
        if label is None:
            continue
        before = [d for d in full_dates(norm) if d.end <= label.start()]
        if before:
            return before[0].date
    return None


def _recorded_on(lines: list[str]) -> date | None:
    """The day an interview was recorded, on a header line that says so ("أجري الحوار … يوم
    الجمعة 10 أكتوبر 2025 قبل يومين من نشره"): the day its guest's "أمس" counts from."""
    for line in lines[:DATELINE_LINES]:
        label = _RECORDED.search(_normalized_line(line))
        if label is None:
            continue
        found = [d for d in full_dates(_normalized_line(line)) if d.start >= label.end()]
        if found:
            return found[0].date
    return None


# "اتصال هاتفي مع رئيس أذربيجان – 28 декабря 2024 года, 14:40": a title, a dash, its date last.
_LAST_DASH = re.compile(r"\s[–—]\s(?=[^–—]*$)")


def _date_segment(line: str) -> date | None:
    """The date of a header line of segments ("الموقع | القسم | 19 أوت 2024 - 18:30") one of
    which is a date and nothing else, or of a title whose last segment, after a long dash, is its
    date ("اتصال هاتفي مع رئيس أذربيجان – 28 декабря 2024 года, 14:40", as the Kremlin's pages)."""
    dash = _LAST_DASH.search(line)
    if dash is not None:
        last = line[dash.end():]
        found = full_dates(last)
        if found and found[0].start <= 1 and is_date_line(last, found, max_words=SEGMENT_LABEL_WORDS):
            return found[0].date
    if not _SEGMENT_BAR.search(line):
        return None
    for segment in _SEGMENT_BAR.split(line):
        found = full_dates(segment)
        if found and is_date_line(segment, found, max_words=SEGMENT_LABEL_WORDS):
            return found[0].date
    return None


def is_date_line(line: str, found: list[DateMention], max_words: int = 4) -> bool:
    """A short line whose words are mostly the date (weekday, time marks, a section label, the
    Hijri date a paper prints beside the Gregorian one)."""
    rest = line
    for d in found:
        rest = rest.replace(d.text, " ")
    rest = _hijri_opening().sub(" ", normalize(_NUMERIC_HIJRI.sub(" ", rest)))
    return len([w for w in WORD.findall(rest) if w.lower() not in _STAMP_FURNITURE and w not in _weekday_words()]) \
        <= max_words


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


def _published_from_dateline(body: str) -> date | None:
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
                and not _ends_a_range(para, found[0]) \
                and _is_dateline_head(para[:found[0].start]):
            return found[0].date
    return None


@lru_cache(maxsize=1)
def _weekday_words() -> frozenset[str]:
    return frozenset(normalize(n) for names in load_yaml("weekdays.yaml")["weekdays"].values() for n in names)


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


@lru_cache(maxsize=1)
def _hijri_opening() -> re.Pattern:
    """"27 ذو الحجة 1445 هـ الموافق": a Hijri date a Gulf dateline gives before the Gregorian one."""
    months = alternation(name for names in load_yaml("hijri_months.yaml").values() for name in names)
    return re.compile(rf"\d{{1,2}}\s+(?:{months})\s+\d{{3,4}}\s*ه?\s*(?:الموافق\s*(?:ل\s*)?)?")


def _is_dateline_head(prefix: str) -> bool:
    """"موسكو", "(سبوتنيك) باكو،", "موسكو في", "": a dateline's place and agency, not a
    sentence's verb and subject ("أعلن الكرملين، الجمعة 4 أبريل 2022، أن …"). A Hijri date
    given first ("الرياض 27 ذو الحجة 1445 هـ الموافق") belongs to the dateline."""
    words = WORD.findall(_hijri_opening().sub(" ", normalize(prefix)))
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


def _today_marked_in_lead(body: str) -> date | None:
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


def _published_from_url(url: str | None) -> date | None:
    if not url:
        return None
    for m in _URL_DATE.finditer(url):
        try:
            return date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        except ValueError:
            continue
    return None


def _yearless_dateline(lines: list[str], near: date) -> date | None:
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


def _dateline_under_crawl_stamp(lines: list[str]) -> date | None:
    """A year-less dateline ("موسكو - 28 دجنبر -") on a page a crawler stamped a day or two later."""
    for line in lines[:DATELINE_LINES]:
        if _CRAWL_LABEL.match(line):
            stamps = [d.date for d in find_dates(line) if d.date is not None and d.year_known]
            if stamps:
                dateline = _yearless_dateline(lines, stamps[0])
                if dateline is not None and dateline <= stamps[0]:
                    return dateline
    return None


def _full_dateline(lines: list[str]) -> date | None:
    """"قازان، 23 أكتوبر 2024 (تاس)": a header or first-paragraph line opening with a place or an
    agency and a full date."""
    for line in lines[:DATELINE_LINES]:
        found = full_dates(line[:DATELINE_START + 40])
        if found and found[0].start <= DATELINE_START and _closes_dateline(line, found[0].end) \
                and _is_dateline_head(line[:found[0].start]) and not _LABEL.match(_normalized_line(line).lstrip()):
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


def find_today(text: str, head: str, published: date | None) -> tuple[date | None, str | None]:
    """The article's own "today": the newsroom's dateline when it is within SAME_DAY_SLIP days of
    the publication date (a page stamped the next morning still says اليوم of the dateline's
    day), else the publication date, else the first full date of the lead."""
    lines = head_lines(text, head)
    original = _translated_from(lines)
    if original is not None:
        return original, "text: the original's date of a translation"
    recorded = _recorded_on(lines)
    if recorded is not None:
        return recorded, RECORDED_BASIS
    if published is not None:
        dateline = _full_dateline(lines) or _yearless_dateline(lines, published)
        if dateline is not None and dateline != published and abs((dateline - published).days) <= SAME_DAY_SLIP:
            return dateline, "dateline"
        return published, "publication date"
    lead = lead_date(text)
    if lead:
        return lead, "first full date of the lead"
    solar = _solar_date_line(lines)
    if solar:
        return solar, "Solar Hijri date line"
    hijri = _hijri_date_line(lines, dateline_month_day(text, head))
    return (hijri, "Hijri date line, confirmed") if hijri else (None, None)


def _hijri_date_line(lines: list[str], month_day: tuple[int, int] | None) -> date | None:
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


def _solar_date_line(lines: list[str]) -> date | None:
    """"الخميس 17 مهر 1399 هـ.ش" under an Iranian outlet's title: a short header line whose date is
    in the Solar Hijri calendar (the article's day; not taken as a publication date, which the
    gold conventions keep for Gregorian dates)."""
    for line in lines[:DATELINE_LINES]:
        days = solar_dates(line)
        if days and len(WORD.findall(line)) <= SOLAR_LINE_WORDS:
            return days[0]
    return None


def find_published(text: str, head: str = "", url: str | None = None) -> tuple[str | None, str | None]:
    """(YYYY-MM-DD or None, provenance) from the header zone of an article."""
    lines = head_lines(text, head)
    when, how = _published_from_head(lines)
    generic = any(_GENERIC_LABEL.match(_normalized_line(ln)) for ln in lines[:DATELINE_LINES])
    if when is not None and how == "text: labelled stamp" and generic:
        dateline = _yearless_dateline(lines, when)
        if dateline is not None and dateline != when:
            when, how = dateline, "text: dateline, year from the stamp"
    if when is None:
        # the fallbacks, strongest first, each with the provenance it gives
        fallbacks: tuple[tuple[Callable[[], date | None], str], ...] = (
            (lambda: _dateline_under_crawl_stamp(lines), "text: dateline, year from the crawl stamp"),
            (lambda: _published_from_url(url), "url"),
            (lambda: _published_from_dateline(text), "text: dateline"),
            (lambda: _running_header_date(text), "text: running page header"),
            (lambda: _today_marked_in_lead(text), "text: lead date marked today"),
            (lambda: _signature_date_line(text), "text: signature date line"),
            (lambda: wire_code_date(text), "text: agency transmission code"),
        )
        when, how = next(((day, basis) for read, basis in fallbacks if (day := read()) is not None), (None, None))
    return (when.isoformat(), how) if when else (None, None)


# A running header's segments: " - ", " | ", " – " between them.
_RUNNING_SEPARATOR = re.compile(r"\s[-–|]\s")
RUNNING_HEADER_CHARS = 160  # a running header is one short line


@lru_cache(maxsize=1)
def _print_furniture() -> frozenset[str]:
    return frozenset(normalize(w) for w in load_yaml("stamps.yaml")["print_furniture"])


def _running_header_date(text: str) -> date | None:
    """The date of a print edition's running header or footer, wherever a PDF export left it
    ("تشرين - العدد 12612 - الثلاثاء 9 آب 2016 - الصفحة 3"): a short line of three or more
    segments, one of them a date alone, another an issue's or a page's number."""
    for line in text.split("\n"):
        if len(line) > RUNNING_HEADER_CHARS or not _RUNNING_SEPARATOR.search(line) or not _DIGIT.search(line):
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


def _signature_date_line(text: str) -> date | None:
    """"باكو، 11 يونيو 2017" alone on one of the last lines: the place and day a letter or a
    statement the article prints was signed, the article's day when nothing above dates it."""
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()][-SIGNATURE_LINES:]
    for line in reversed(lines):
        found = [d for d in full_dates(line) if not _ends_a_range(line, d)]
        if len(found) == 1 and not line[found[0].end:].strip(" .،,") \
                and _is_dateline_head(line[:found[0].start].strip(" ،,-")):
            return found[0].date
    return None
