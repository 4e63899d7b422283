"""The publication date and the article's own "today", from the text: the stamps are read here,
the other dated lines (datelines, the lead, running headers, signature, Solar and Hijri date lines)
by ``datelines``, and weighed here.

Sources, strongest first: hints from the container (HTML meta, CSV columns, read by ``metadata``),
then the article's own header: a labelled stamp ("تاريخ النشر:", "نشر في", "date 2025-10-09" even
when the body follows on the same line; a stamp late in the evening in universal time yields to
the newsroom's dateline a day after it), a date line under the title (or a header segment that is
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
from typing import Callable

from ..lexicons import load_yaml
from ..normalize import normalize_digits
from .arabic import alternation
from .dates import DateMention, find_dates, safe_date
from .datelines import (SAME_DAY_SLIP, copied_from, dateline_month_day, dateline_under_crawl_stamp, full_dateline,
                        hijri_date_line, lead_date, published_from_dateline, recorded_on, running_header_date,
                        signature_date_line, solar_date_line, today_marked_in_lead, translated_from,
                        yearless_dateline)
from .header_lines import head_lines
from .line_dates import (CRAWL_LABEL, DATELINE_LINES, RECORDED_LABEL, STAMP_LABEL, TRANSLATION_LABEL, ends_a_range,
                         full_dates, is_date_line, normalized_line)
from .wire_codes import wire_code_date

# A labelled stamp's date starts within this many characters of the label's line.
STAMP_START = 30

_STAMPS = load_yaml("stamps.yaml")
_FIRST_PUBLISHED = re.compile(rf"(?:{alternation(_STAMPS['first_published_labels'])})", re.I)
_REPUBLISHED = re.compile(rf"(?:{alternation(_STAMPS['republished_labels'])})", re.I)
RECORDED_BASIS = "text: the day the interview was recorded"
_UPDATE_LABEL = re.compile(rf"(?:{alternation(_STAMPS['update_labels'])})\s*:?", re.I)
# "روسيا اليوم | أخبار العالم | ٢٧ تشرين الثاني ٢٠٢١ | ١٠:٤٥": a header of segments, one of them the date.
_SEGMENT_BAR = re.compile(r"\s[|•]\s")
SEGMENT_LABEL_WORDS = 1  # "حلقة 30 ديسمبر 2024": a segment's date may carry a one-word label
# A year standing alone on a stamp line ("GMT 18:20 2023 السبت 14 أكتوبر").
_LONE_YEAR = re.compile(r"(?<![\d:/.\-])(?P<y>(?:19|20)\d\d)(?![\d:/.\-])")
# Labels that only say "date" (a crawler's or a template's stamp), not the publisher's own
# "published"/"updated": a newsroom dateline a day off may correct them.
_GENERIC_LABEL = re.compile(r"^\s*(?:date|بتاريخ)\b", re.I)
_CRAWL_DATE_LABEL = re.compile(r"^\s*date\b", re.I)
# A stamp's clock in universal time ("2024-04-22T22:40Z", "22:40 GMT", "بتوقيت غرينتش"; not "GMT+3",
# a local time): late in the evening it may already be the next day where the region's newsrooms
# write (UTC+2 to +4). The hour only says it may; the newsroom's dateline of the next day says it is.
_UTC_CLOCK = re.compile(r"(?<!\d)(?P<h>[0-2]?\d):[0-5]\d(?::[0-5]\d)?\s*(?:Z\b|(?:UTC|GMT)(?!\s*[+-]\s*\d)|"
                        r"\+00:?00|(?:ب)?توقيت\s+(?:غرينتش|جرينتش|غرينيتش))", re.I)
UTC_LATE_HOUR = 20
_URL_DATE = re.compile(r"(?<!\d)(?P<y>20\d\d|19\d\d)[/_-](?P<m>\d{1,2})[/_-](?P<d>\d{1,2})(?!\d)")


def _is_leading_stamp(line: str, found: list[DateMention]) -> bool:
    """"date 2025-10-09 قال …": a label opening the line, its date right after it, whatever
    follows (crawled pages glue the stamp to the first paragraph)."""
    return bool(STAMP_LABEL.match(normalized_line(line).lstrip())) and found[0].start <= STAMP_START


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
        found = [d for d in full_dates(line) or _split_year_stamp(line) if not ends_a_range(line, d)]
        if not found or CRAWL_LABEL.match(line):  # when a crawler fetched the page, not published
            continue
        norm = normalized_line(line)
        if first_line_date is not None and _CRAWL_DATE_LABEL.match(norm):
            continue  # a crawler's " date …" below the page's own date line (not a byline's "بتاريخ")
        paired = _first_text_date(norm)
        if paired is not None:
            return paired, "text: labelled stamp"
        if STAMP_LABEL.search(norm) and is_date_line(line, found, max_words=6) or _is_leading_stamp(line, found):
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


def _after_label(norm: str, found: list[DateMention]) -> date:
    """The publication date of a stamp line: its first date, unless the line first says when an
    interview was recorded ("حوار أجري يوم 2 نوفمبر 2022 ونشر في 3 نوفمبر 2022": the 3rd)."""
    first = found[0].date
    assert first is not None  # full dates have their day
    recorded = RECORDED_LABEL.search(norm) if len(found) > 1 else None
    if recorded is None:
        return first
    label = next((m for m in STAMP_LABEL.finditer(norm) if m.start() >= recorded.end()), None)
    if label is None:
        return first
    return next((d.date for d in full_dates(norm) if d.start >= label.end() and d.date is not None), first)


def _first_text_date(norm: str) -> date | None:
    """A line of two dates, the text's first publication and a later one: the first publication's
    for a republished page, the translation's for a translated one (``norm``: the normalised line).
    The labels are looked for first: most lines have none."""
    translated = TRANSLATION_LABEL.search(norm)
    label = translated if translated else _FIRST_PUBLISHED.search(norm) if _REPUBLISHED.search(norm) else None
    if label is None:
        return None
    found = full_dates(norm)
    if len(found) < 2:
        return None
    return next((d.date for d in found if d.start >= label.end()), None)


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


def _published_from_url(url: str | None) -> date | None:
    if not url:
        return None
    for m in _URL_DATE.finditer(url):
        try:
            return date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        except ValueError:
            continue
    return None


def find_today(text: str, head: str, published: date | None) -> tuple[date | None, str | None]:
    """The article's own "today": the newsroom's dateline when it is within SAME_DAY_SLIP days of
    the publication date (a page stamped the next morning still says اليوم of the dateline's
    day), else the publication date, else the first full date of the lead."""
    lines = head_lines(text, head)
    original = translated_from(lines)
    if original is not None:
        return original, "text: the original's date of a translation"
    copied = copied_from(lines)
    if copied is not None:
        return copied, "text: the original's date of a portal's copy"
    recorded = recorded_on(lines)
    if recorded is not None:
        return recorded, RECORDED_BASIS
    if published is not None:
        dateline = full_dateline(lines) or yearless_dateline(lines, published)
        if dateline is not None and dateline != published and abs((dateline - published).days) <= SAME_DAY_SLIP:
            return dateline, "dateline"
        return published, "publication date"
    lead = lead_date(text)
    if lead:
        return lead, "first full date of the lead"
    solar = solar_date_line(lines)
    if solar:
        return solar, "Solar Hijri date line"
    hijri = hijri_date_line(lines, dateline_month_day(text, head))
    return (hijri, "Hijri date line, confirmed") if hijri else (None, None)


def _late_utc_stamp(lines: list[str]) -> bool:
    """Does a stamp line give a clock in universal time late in the evening?"""
    return any(STAMP_LABEL.search(normalized_line(line)) and (m := _UTC_CLOCK.search(line)) is not None
               and int(m.group("h")) >= UTC_LATE_HOUR for line in lines)


def find_published(text: str, head: str = "", url: str | None = None) -> tuple[str | None, str | None]:
    """(YYYY-MM-DD or None, provenance) from the header zone of an article."""
    lines = head_lines(text, head)
    when, how = _published_from_head(lines)
    generic = any(_GENERIC_LABEL.match(normalized_line(ln)) for ln in lines[:DATELINE_LINES])
    if when is not None and how == "text: labelled stamp" and generic:
        dateline = yearless_dateline(lines, when)
        if dateline is not None and dateline != when:
            when, how = dateline, "text: dateline, year from the stamp"
    if when is not None and how == "text: labelled stamp" and _late_utc_stamp(lines):
        local = full_dateline(lines)
        if local is not None and (local - when).days == 1:
            when, how = local, "text: dateline (the stamp is in universal time)"
    if when is None:
        # the fallbacks, strongest first, each with the provenance it gives
        fallbacks: tuple[tuple[Callable[[], date | None], str], ...] = (
            (lambda: dateline_under_crawl_stamp(lines), "text: dateline, year from the crawl stamp"),
            (lambda: _published_from_url(url), "url"),
            (lambda: published_from_dateline(text), "text: dateline"),
            (lambda: running_header_date(text), "text: running page header"),
            (lambda: today_marked_in_lead(text), "text: lead date marked today"),
            (lambda: signature_date_line(text), "text: signature date line"),
            (lambda: wire_code_date(text), "text: agency transmission code"),
        )
        when, how = next(((day, basis) for read, basis in fallbacks if (day := read()) is not None), (None, None))
    return (when.isoformat(), how) if when else (None, None)
