"""Chronology items: paragraphs that open with their own day.

A weekly roundup, an agenda, a newsletter or a year in review lays its news out as paragraphs
that each open with a label and a colon: "الخميس 9 أكتوبر: تنعقد القمة …", "الإثنين 7 يوليو،
ريو دي جانيرو: …", "كانون الثاني: أول لقاء ثلاثي …". A rule of such pages: everything a
paragraph tells happened (or will happen) on its label's day, not on the page's; the leaders a
paragraph names are its own, not the next paragraph's; and no label is the page's own date.
One such paragraph is no chronology (a dateline may end with a colon): it takes two.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from ..normalize import normalize
from .date_patterns import month_number, weekday_table
from .dates import DateMention, find_dates, safe_date

# A label is short: the colon that closes it comes within this many characters of the paragraph's start.
LABEL_CHARS = 48
# Words a label may hold after its day: a place ("، ريو دي جانيرو") or a time of day.
LABEL_PLACE_WORDS = 4
_WORD = re.compile(r"[^\W\d_]+")
# Before the day, only a weekday and these ("يوم الخميس 9 أكتوبر", "صباح الاثنين").
_BEFORE_DAY = frozenset({"يوم", "مساء", "صباح", "ليله"})
# What separates a label's day from the place after it.
_PLACE_SEPARATOR = re.compile(r"\s*[،,\-–—|]\s*")


@dataclass(frozen=True)
class ItemLabel:
    start: int  # the paragraph, in original offsets
    end: int
    mention: DateMention | None  # the label's day and month; None for a month's label
    weekday: int | None  # a weekday written in the label
    month: int | None  # the month of a label that names a month alone ("أيار:")


def _weekday_of(word: str) -> int | None:
    return weekday_table().get(word)


def _day_label(head: str, found: list[DateMention]) -> tuple[DateMention, int | None] | None:
    """The day a label names, when ``head`` (the text before the colon) is only that day: a
    weekday and "يوم" before it, a place after a comma."""
    days = [m for m in found if m.kind in ("explicit", "stamp") and m.month and m.day and not m.hijri and not m.crawl]
    if len(days) != 1:
        return None
    day = days[0]
    before = normalize(head[:day.start]).split()
    if any(_weekday_of(w) is None and w not in _BEFORE_DAY for w in before):
        return None
    weekday = next((wd for w in before if (wd := _weekday_of(w)) is not None), None)
    after = head[day.end:]
    if after.strip():
        sep = _PLACE_SEPARATOR.match(after)
        if sep is None or len(_WORD.findall(after)) > LABEL_PLACE_WORDS:
            return None
    return day, weekday


def _month_label(head: str) -> int | None:
    """The month of a label that is a month's name alone ("كانون الثاني", "أيار 2021")."""
    words = normalize(head).split()
    if words and words[-1].isdigit() and len(words[-1]) == 4:
        words = words[:-1]
    return month_number(" ".join(words)) if 0 < len(words) <= 2 else None


def _label_of(paragraph: str, start: int, published: date | None) -> ItemLabel | None:
    colon = paragraph.find(":", 0, LABEL_CHARS)
    if colon <= 0:
        return None
    head = paragraph[:colon]
    if not head.strip() or paragraph[colon + 1:colon + 2].isdigit():
        return None  # a clock time ("10:30"), not a label
    found = find_dates(head, published)
    day = _day_label(head, found)
    end = start + len(paragraph)
    if day is not None:
        mention = day[0]
        shifted = replace(mention, start=mention.start + start, end=mention.end + start)
        return ItemLabel(start, end, shifted, day[1], None)
    month = _month_label(head) if all(m.kind == "month" for m in found) else None
    return ItemLabel(start, end, None, None, month) if month else None


def item_labels(text: str, published: date | None = None) -> list[ItemLabel]:
    """The labelled paragraphs of a page laid out as a chronology (two or more of them), else []."""
    if text.count(":") < 2:
        return []
    labels: list[ItemLabel] = []
    pos = 0
    year: int | None = None  # the chronology's year, from the last label that wrote one
    for line in text.split("\n"):
        stripped = line.lstrip()
        if ":" in stripped[:LABEL_CHARS]:
            label = _label_of(stripped, pos + len(line) - len(stripped), published)
            if label is not None and label.mention is not None:
                if label.mention.year_known:
                    year = label.mention.year
                elif year is not None:
                    label = _in_year(label, year)
            if label is not None:
                labels.append(label)
        pos += len(line) + 1
    return labels if len(labels) >= 2 else []


def _in_year(label: ItemLabel, year: int) -> ItemLabel:
    """"الأحد 18 آب/أغسطس:" under "السبت 17 آب/أغسطس 2024:": the year an earlier label wrote, unless
    the label's weekday says otherwise."""
    m = label.mention
    assert m is not None and m.month is not None and m.day is not None
    day = safe_date(year, m.month, m.day)
    if day is None or label.weekday is not None and day.weekday() != label.weekday:
        return label
    return replace(label, mention=replace(m, date=day, year=year, year_known=True))


def is_item_label(paragraph: str) -> bool:
    """Whether a paragraph opens with a chronology item's label (a day or a month, then a colon)."""
    stripped = paragraph.lstrip()
    return ":" in stripped[:LABEL_CHARS] and _label_of(stripped, 0, None) is not None


def label_at(labels: list[ItemLabel], position: int) -> ItemLabel | None:
    """The label of the paragraph holding ``position`` (original offsets)."""
    return next((lb for lb in labels if lb.start <= position < lb.end), None)
