"""Arabic date expressions: find them with offsets, parse them, resolve them against a reference.

Every expression is resolved against the *publication* date (never today's date). Forms handled:
day + month (+ year) with Egyptian/Gulf, Levantine, Maghrebi and English month names, paired
months ("نوفمبر/ تشرين الثاني", "أيلول (سبتمبر) 2018"), day ordinals in words ("التاسع من
نوفمبر"), glued article ("ال25 من ديسمبر"), era suffixes (2024م, 2021ء; هـ marks a Hijri year,
which is never read as Gregorian), numeric stamps (19-8-2024, 26.11.2021, 2024/8/18, 2025-05-28,
"…@00:20:02" crawl stamps are flagged), English "22nd, April 2024", weekdays with اليوم / أمس /
غدا / الماضي / المقبل, relative days (اليوم, أمس, الليلة الماضية, غدا) and relative years
(العام الماضي / الجاري / المقبل).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from ..lexicons import load_yaml
from ..normalize import normalize
from .date_patterns import (CRAWL_TAIL, Scan, bare_ordinal_table, direction_of, month_number, ordinal_table,
                            rel_offset_table, scan, weekday_table)

WEEKDAY_DIRECTIONS = ("past", "future", "nearest", "same_week", "on_or_before", "on_or_after")


@dataclass(frozen=True)
class DateMention:
    start: int  # offsets in the original text
    end: int
    text: str
    date: date | None  # the resolved calendar day, when the day is known
    year_known: bool  # the year was written (not inferred from the publication date)
    kind: str  # explicit | weekday | relative | stamp | month | year
    weekday: int | None = None  # 0=Monday … 6=Sunday when a weekday is named
    year: int | None = None
    month: int | None = None
    day: int | None = None
    offset_days: int | None = None  # relative day (اليوم=0, أمس=-1, غدا=1)
    direction: str | None = None  # past/future/current marker written after the expression
    crawl: bool = False  # a crawl/scrape stamp ("2025-05-28@00:20:02"), not a publication date
    hijri: bool = False  # a Hijri year (هـ): not a Gregorian date

    @property
    def has_day(self) -> bool:
        return self.date is not None or (self.month is not None and self.day is not None)


# ---------------------------------------------------------------- calendar helpers

def resolve_weekday(weekday: int, reference: date, direction: str = "nearest") -> date:
    """The day with ``weekday`` (0=Monday) relative to ``reference`` (a publication date).

    past: the latest such day strictly before reference ("الأحد الماضي", "أمس الأحد");
    future: the first strictly after ("الجمعة المقبل"); on_or_before / on_or_after include the
    reference day itself; nearest: within three days either way (a bare "الإثنين" in a news
    report); same_week: in the reference's Monday-to-Sunday week.
    """
    if direction not in WEEKDAY_DIRECTIONS:
        raise ValueError(f"unknown direction {direction!r}")
    delta = (weekday - reference.weekday()) % 7  # 0..6 days forward
    if direction == "on_or_after":
        return reference + timedelta(days=delta)
    if direction == "future":
        return reference + timedelta(days=delta or 7)
    back = (reference.weekday() - weekday) % 7
    if direction == "on_or_before":
        return reference - timedelta(days=back)
    if direction == "past":
        return reference - timedelta(days=back or 7)
    if direction == "same_week":
        return reference - timedelta(days=reference.weekday()) + timedelta(days=weekday)
    # nearest: prefer the past on ties (news report events that happened).
    return reference + timedelta(days=delta) if delta < back else reference - timedelta(days=back)


# "اليوم الأربعاء" may name the day before or after the reference (a stamp one day off the
# dateline, time zones); farther than that the weekday and the reference disagree.
WEEKDAY_SLIP_DAYS = 1

# infer_year's direction for an encounter told in the perfect: the latest occurrence no later than
# the slack after publication.
HELD = "held"

# A year-less date later than publication (beyond the slack) counts this many times its distance:
# news mostly reports the recent past, but announces the coming days.
FUTURE_WEIGHT = 3


def infer_year(month: int, day: int | None, published: date | None, direction: str | None = None,
               slack_days: int = 7) -> int | None:
    """Year of a day/month written without one. Without a marker: the occurrence nearest to the
    publication date, a later one weighing three times its distance (so "25 ديسمبر" written in
    August is last December, "16 يونيو" written on 7 June is this June); with الماضي the latest
    before publication; with المقبل the next one after it; "held" (an encounter told in the
    perfect): the latest no later than the slack after publication."""
    if published is None:
        return None
    d = day or 1
    if direction is None and day is not None:
        best: tuple[int, int] | None = None
        for year in (published.year - 1, published.year, published.year + 1):
            candidate = safe_date(year, month, d)
            if candidate is None:
                continue
            gap = (candidate - published).days
            cost = -gap if gap <= slack_days else gap * FUTURE_WEIGHT
            cost = max(cost, 0)
            if best is None or cost < best[0]:
                best = (cost, year)
        return best[1] if best else None
    if direction == HELD:
        limit = published + timedelta(days=slack_days)
        return next((year for year in (published.year + 1, published.year, published.year - 1)
                     if (candidate := safe_date(year, month, d)) is not None and candidate <= limit), None)
    for year in (published.year + 1, published.year, published.year - 1):
        candidate = safe_date(year, month, d)
        if candidate is None:
            continue
        if direction == "future":
            earlier = safe_date(year - 1, month, d)
            if candidate > published and not (earlier and earlier > published):
                return year  # the first occurrence after publication
            continue
        limit = published if direction == "past" else published + timedelta(days=slack_days)
        if direction == "past" and candidate >= published.replace(day=1) and day is None:
            continue  # "أبريل الماضي" in April means last year's April
        if candidate <= limit:
            return year
    return None


def safe_date(year: int, month: int, day: int) -> date | None:
    """The calendar day, or None when there is no such day (31 April)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


# ---------------------------------------------------------------- finding

def _year_value(m: re.Match) -> tuple[int | None, bool]:
    """(year, is_hijri) from a match with groups y/era."""
    y = m.groupdict().get("y")
    if not y:
        return None, False
    era = m.groupdict().get("era")
    if era == "ه":
        return int(y), True
    year = int(y)
    return (year, False) if 1800 <= year <= 2200 else (None, False)


def _relative_year(marker: str | None, published: date | None) -> int | None:
    if not marker or published is None or not re.search(r"عام|سنه", marker):
        return None
    direction = direction_of(marker)
    return {"past": published.year - 1, "current": published.year,
            "future": published.year + 1}.get(direction or "")


def _build(nt, m: re.Match, original: str, **kw) -> DateMention:
    start, end = nt.to_original(m.start(), m.end())
    return DateMention(start=start, end=end, text=original[start:end], **kw)


def _month_of(m: re.Match) -> int | None:
    return month_number(m.group("m1"))


# Latin month names that are also words or cut short ("may", "mai", "mars", "mar"): a day
# before them is a date only with its year. "on 19 August", "le 15 juin" need none.
_LATIN_WORD_MONTHS = frozenset({"may", "mai", "mars"})


def _weak_latin_month(name: str) -> bool:
    """Whether a Latin month name needs a year to make a day before it a date."""
    name = name.strip().lower()
    return name.isascii() and (len(name) <= 3 or name in _LATIN_WORD_MONTHS)


def _ordinal_day(m: re.Match, ordinals: dict[str, int]) -> int | None:
    """The day an ordinal in words gives ("التاسع من", "أول")."""
    if m.group("od"):
        return ordinals.get(" ".join(m.group("od").split()))
    return bare_ordinal_table().get(m.group("bare"))


def _day_month_mentions(sc: Scan, text: str, published: date | None) -> list[DateMention]:
    out: list[DateMention] = []
    nt = sc.nt
    ordinals = ordinal_table()
    for name, ordinal in (("day_month", False), ("ordinal_day_month", True)):
        for m in sc.found[name]:
            month = _month_of(m)
            day = _ordinal_day(m, ordinals) if ordinal else int(m.group("d"))
            if not month or not day or not 1 <= day <= 31:
                continue
            if ordinal is False and not m.group("y") and _weak_latin_month(m.group("m1")):
                continue  # "5 may", "3 mar" in Latin text are too weak without a year
            year, hijri = _year_value(m)
            rel = m.group("rel")
            direction = direction_of(rel)
            year_known = year is not None and not hijri
            if year is None and not hijri:
                year = _relative_year(rel, published)
                if year is None and direction == "current" and published is not None:
                    year = published.year  # "25 ديسمبر الجاري": this month of the publication year
                if year is None:
                    year = infer_year(month, day, published, direction if direction != "current" else None)
            when = None if hijri or year is None else safe_date(year, month, day)
            out.append(_build(nt, m, text, date=when, year_known=year_known, kind="explicit",
                              year=None if hijri else year, month=month, day=day,
                              direction=direction, hijri=hijri))
    return out


# A part of the month an ordinal may count instead of its days.
_SPAN_OF_THE_MONTH = re.compile(r"(?<![^\W_])[وفبل]?(?:ال)?(?:اسبوع|نصف|عشر|عشره|ايام|ربع|ثلث|اسابيع)\s+$")


def _day_of_named_month_mentions(sc: Scan, text: str, published: date | None) -> list[DateMention]:
    """"في 21 من الشهر الجاري": the day of the page's month (the month before or after it for
    الماضي / المقبل); unknown without a page date."""
    out: list[DateMention] = []
    if published is None:
        return out
    shift = {"current": 0, "past": -1, "future": 1}
    for m in sc.found["day_of_named_month"]:
        if _SPAN_OF_THE_MONTH.search(sc.nt.text, max(0, m.start() - 12), m.start()):
            continue  # "في الأسبوع الأول من الشهر المقبل", "النصف الثاني من الشهر الجاري": no day
        day = int(m.group("d")) if m.group("d") else ordinal_table().get(" ".join(m.group("od").split()))
        direction = direction_of(m.group("rel"))
        if not day or direction not in shift:
            continue
        months = published.year * 12 + published.month - 1 + shift[direction]
        when = safe_date(months // 12, months % 12 + 1, day)
        if when is not None:
            out.append(_build(sc.nt, m, text, date=when, year_known=True, kind="explicit", year=when.year,
                              month=when.month, day=day, direction=direction))
    return out


def _month_year_mentions(sc: Scan, text: str, published: date | None) -> list[DateMention]:
    out = []
    nt = sc.nt
    for m in sc.found["month_year"]:
        month = _month_of(m)
        if not month:
            continue
        year, hijri = _year_value(m)
        rel = m.groupdict().get("rel")
        direction = direction_of(rel)
        year_known = year is not None and not hijri
        if year is None and not hijri:
            year = _relative_year(rel, published)
            if year is None and direction in ("past", "future", "current"):
                year = infer_year(month, None, published, None if direction == "current" else direction)
        if not year_known and not rel:
            continue
        out.append(_build(nt, m, text, date=None, year_known=year_known, kind="month",
                          year=None if hijri else year, month=month, direction=direction, hijri=hijri))
    return out


def _english_mentions(sc: Scan, text: str) -> list[DateMention]:
    out = []
    nt = sc.nt
    for name in ("english_dmy", "english_mdy", "month_day_year"):
        for m in sc.found[name]:
            month = _month_of(m)
            year = int(m.group("y"))
            when = safe_date(year, month, int(m.group("d"))) if month else None
            if when:
                out.append(_build(nt, m, text, date=when, year_known=True, kind="stamp",
                                  year=year, month=month, day=when.day))
    return out


def _numeric_mentions(sc: Scan, text: str) -> list[DateMention]:
    out = []
    nt = sc.nt
    for name in ("numeric_ymd", "numeric_dmy"):
        for m in sc.found[name]:
            year, month, day = int(m.group("y")), int(m.group("m")), int(m.group("d"))
            if not 1900 <= year <= 2200:
                continue
            when = safe_date(year, month, day)
            if when is None and name == "numeric_dmy":
                when = safe_date(year, day, month)  # M/D/Y written the US way
            if when is None:
                continue
            crawl = bool(CRAWL_TAIL.match(nt.text, m.end()))
            mention = _build(nt, m, text, date=when, year_known=True, kind="stamp", year=year,
                             month=when.month, day=when.day, crawl=crawl)
            out.append(mention)
    return out


@lru_cache(maxsize=1)
def _not_today_phrases() -> tuple[str, ...]:
    return tuple(normalize(p) for p in load_yaml("weekdays.yaml")["not_today"])


def _is_not_today(norm: str, start: int, end: int) -> bool:
    window = norm[max(0, start - 8): end + 12]
    return any(p in window for p in _not_today_phrases())


def _weekday_mentions(sc: Scan, text: str, published: date | None) -> list[DateMention]:
    out = []
    nt = sc.nt
    offsets = rel_offset_table()
    for m in sc.found["weekday"]:
        weekday = weekday_table()[m.group("wd")]
        pre = " ".join(m.group("pre").split()) if m.group("pre") else None
        offset = offsets.get(pre) if pre else None
        direction = direction_of(m.group("post"))
        if offset is not None and offset < 0:
            direction = direction or "past"
        elif offset is not None and offset > 0:
            direction = direction or "future"
        when = None
        if published is not None:
            if offset is not None:  # "أمس الأحد": the named day next to publication − 1
                when = resolve_weekday(weekday, published + timedelta(days=offset), "nearest")
                if abs((when - published - timedelta(days=offset)).days) > WEEKDAY_SLIP_DAYS:
                    when = None  # "اليوم الأربعاء" in an article of a Saturday: a conflict, no day
            elif direction in ("past", "future"):
                when = resolve_weekday(weekday, published, direction)
            elif direction == "current":
                when = resolve_weekday(weekday, published, "same_week")
        out.append(_build(nt, m, text, date=when, year_known=False, kind="weekday", weekday=weekday,
                          offset_days=offset, direction=direction))
    return out


def _relative_day_mentions(sc: Scan, text: str, published: date | None) -> list[DateMention]:
    out = []
    nt = sc.nt
    offsets = rel_offset_table()
    for m in sc.found["relative_day"]:
        if _is_not_today(nt.text, m.start(), m.end()):
            continue
        offset = offsets[" ".join(m.group("rd").split())]
        when = published + timedelta(days=offset) if published else None
        out.append(_build(nt, m, text, date=when, year_known=False, kind="relative", offset_days=offset,
                          direction="past" if offset < 0 else "future" if offset > 0 else "current"))
    return out


def _relative_year_mentions(sc: Scan, text: str, published: date | None) -> list[DateMention]:
    out = []
    nt = sc.nt
    for m in sc.found["relative_year"]:
        direction = direction_of(m.group("ry"))
        year = {"past": -1, "current": 0, "future": 1}.get(direction or "")
        value = published.year + year if published is not None and year is not None else None
        out.append(_build(nt, m, text, date=None, year_known=False, kind="year", year=value,
                          direction=direction))
    return out


_PRIORITY = {"stamp": 0, "explicit": 1, "weekday": 2, "month": 3, "relative": 4, "year": 5}


def _drop_overlaps(mentions: list[DateMention]) -> list[DateMention]:
    """Keep the longest (then most specific) of overlapping mentions."""
    ranked = sorted(mentions, key=lambda d: (-(d.end - d.start), _PRIORITY[d.kind], d.start))
    kept: list[DateMention] = []
    for d in ranked:
        if all(d.end <= k.start or d.start >= k.end for k in kept):
            kept.append(d)
    return sorted(kept, key=lambda d: d.start)


def find_dates(text: str, published: date | None = None) -> list[DateMention]:
    """All date expressions in ``text`` in order, resolved against ``published`` when given."""
    return list(_dates_in(text, published)) if text else []


# Extraction asks about the same line or sentence several times (metadata, then meetings): the
# mentions of the last few hundred are kept (they are frozen, so sharing them is safe).
@lru_cache(maxsize=512)
def _dates_in(text: str, published: date | None) -> tuple[DateMention, ...]:
    sc = scan(text)
    found = (_numeric_mentions(sc, text) + _english_mentions(sc, text)
             + _day_month_mentions(sc, text, published) + _day_of_named_month_mentions(sc, text, published)
             + _month_year_mentions(sc, text, published)
             + _weekday_mentions(sc, text, published) + _relative_day_mentions(sc, text, published)
             + _relative_year_mentions(sc, text, published))
    return tuple(_drop_overlaps(found))


def parse_date_expression(expr: str, published: date | None = None) -> date | None:
    """The calendar day of a single expression ("19 أغسطس/آب 2024", "أمس الأحد"), or None."""
    for mention in find_dates(expr, published):
        if mention.date is not None:
            return mention.date
    return None


def to_date(value) -> date | None:
    """A ``date`` from a date, an ISO string or None (lenient: bad strings give None)."""
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
