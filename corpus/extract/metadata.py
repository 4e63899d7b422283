"""Article metadata: title, outlet, publication date and language, each with its provenance.

The dates are read by ``published`` (the publication date, the article's own "today", a year-less
dateline); the outlet by ``outlets``; the title and language here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from functools import lru_cache

from ..lexicons import load_yaml
from ..normalize import arabic_letter_count, ascii_letter_count, letter_count, normalize
from .datelines import dateline_month_day
from .dates import to_date
from .header_lines import SOURCE_LINE, WORD, head_lines
from .line_dates import full_dates, is_date_line
from .outlets import find_outlet, outlet_named
from .published import RECORDED_BASIS, find_published, find_today

# A title is a line of at least this many words and at most this many characters.
TITLE_MIN_WORDS = 3
TITLE_MAX_CHARS = 200
# Bidi overrides/isolates, marks and control characters: never kept in a displayed field.
_INVISIBLE = re.compile(r"[\u0000-\u0008\u000b-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_STAMP_ONLY = re.compile(r"^[\d\s:/.\-|,،@()]*$")


@dataclass
class Metadata:
    title: str | None = None
    outlet: str | None = None
    published: str | None = None  # YYYY-MM-DD
    language: str | None = None
    today: str | None = None  # the article's own "today": published, else the lead's full date
    dateline_day: tuple[int, int] | None = None  # (month, day) of a year-less dateline, when no today
    lead_not_news: bool = False  # the page's lead is not the news of its day (see is_commentary, is_item_list)
    provenance: dict[str, str] = field(default_factory=dict)


# ---------------------------------------------------------------- title and language

def find_title(text: str, head: str = "") -> str | None:
    """First meaningful header line (not a stamp, outlet or section line); a headline glued to
    its own repetition or a caption keeps only the headline."""
    lines = [ln.strip() for ln in head_lines(text, head)]
    for line in lines:
        if _STAMP_ONLY.match(line) or full_dates(line) and is_date_line(line, full_dates(line)):
            continue
        if len(WORD.findall(line)) < TITLE_MIN_WORDS or SOURCE_LINE.match(line) or line.endswith((":", "：")):
            continue
        if _is_site_line(line):
            continue
        if len(line) > TITLE_MAX_CHARS:
            return None  # the text starts with a paragraph: no title shown
        return _strip_repeat(line)
    return None


# Separators of a site's name line: "إندبندنت عربية | حوارات", "ارنا - وكالة الجمهورية الاسلامية للانباء".
_SITE_PARTS = re.compile(r"\s*\|\s*|\s+[-–—]\s+")
# A part of a site's name line is at most this many words (a name, a section, a tagline).
SITE_PART_WORDS = 5


def _is_site_line(line: str) -> bool:
    """A header line that opens with an outlet's name and goes on with short parts (its sections,
    its tagline: "وكالة الأناضول | العالم | أوروبا"), or is only a path of one- or two-word section
    names ("إندبندنت عربية | حوارات"); not a headline that ends with its outlet ("بوتين في باكو -
    روسيا اليوم")."""
    parts = [part for part in _SITE_PARTS.split(line) if part.strip()]
    if len(parts) < 2 or any(len(WORD.findall(part)) > SITE_PART_WORDS for part in parts):
        return False
    return bool(outlet_named(parts[0])[0]) or all(len(WORD.findall(part)) <= 2 for part in parts)


def clean_field(value: str | None) -> str | None:
    """A metadata string fit for display: invisible/bidi controls removed, spaces collapsed."""
    if value is None:
        return None
    text = " ".join(_INVISIBLE.sub("", str(value)).split())
    return text or None


def _strip_repeat(line: str) -> str:
    """"Headline" + "Headline" + caption glued together → "Headline"."""
    n = len(line)
    for size in range(n // 3, n // 2 + 1):
        head = line[:size].strip()
        if len(head) >= 10 and line[size:].lstrip().startswith(head):
            return head
    return line


def guess_language(text: str) -> str | None:
    letters = letter_count(text)
    if not letters:
        return None
    ratio = arabic_letter_count(text) / letters  # arabic_ratio, its letters counted once
    if ratio >= 0.5:
        return "ar"
    latin = ascii_letter_count(text) / letters
    return "en" if latin >= 0.7 else "other"


# ---------------------------------------------------------------- analysis and opinion pages

# A kicker is the first segment of a header line: "رأي | القوقاز في ظل الحرب", "تحليل: …".
_KICKER_END = re.compile(r"\s*[|:：\-–—]\s*")
_ARABIC_RUN = re.compile(r"[\u0621-\u064a]+")
COMMENTARY_LINES = 3  # the kicker is among the first header lines
FACT_CHECK_LABEL_CHARS = 24  # a fact-check's label opens its line ("التقييم: مضلل")


@lru_cache(maxsize=1)
def _commentary_kickers() -> frozenset[str]:
    return frozenset(normalize(k).lower() for k in load_yaml("boilerplate.yaml")["commentary_kickers"])


@lru_cache(maxsize=1)
def _fact_check_label() -> re.Pattern:
    labels = "|".join(re.escape(normalize(k)) for k in load_yaml("boilerplate.yaml")["fact_check_labels"])
    return re.compile(rf"\s*(?:{labels})\s*[:：]")


def is_commentary(text: str, head: str = "") -> bool:
    """Whether the page weighs news rather than telling it: an analysis or an opinion piece (one of
    its first header lines opens with such a kicker: "تحليلات", "رأي | …", "Topتحليلات" with a
    menu's word glued to it), or a fact-check (a line labelled "التقييم:" or "الادعاء:")."""
    kickers = _commentary_kickers()
    for line in head_lines(text, head)[:COMMENTARY_LINES]:
        first = _KICKER_END.split(normalize(line.strip()), maxsplit=1)[0].lower()
        arabic = " ".join(_ARABIC_RUN.findall(first))
        if first in kickers or arabic and arabic in kickers:
            return True
    return ":" in text and any(_fact_check_label().match(normalize(line[:FACT_CHECK_LABEL_CHARS]))
                               for line in text.split("\n") if ":" in line[:FACT_CHECK_LABEL_CHARS])



@lru_cache(maxsize=1)
def _item_time() -> re.Pattern:
    """"· منذ 14 ساعة", "— قبل يومين", "منذ 3 ساعات": an item's own time in a list of items."""
    units = "|".join(re.escape(normalize(u)) for u in load_yaml("boilerplate.yaml")["item_time_units"])
    return re.compile(rf"(?<![^\W_])(?:منذ|قبل)\s+(?:\d+\s+)?(?:{units})(?![^\W_])")


ITEM_LIST_LINES = 2  # a list has at least two items timed on their own lines
ITEM_LINE_WORDS = 8  # an item's time line is short: an outlet, a dot, the time


def is_item_list(text: str) -> bool:
    """Whether the page lists others' items each with its own time (a news search's results, a
    feed: "سبوتنيك عربي — قبل يومين" over each headline): its lead is no news of the page's day."""
    if "منذ" not in text and "قبل" not in text:
        return False
    timed = sum(1 for line in text.split("\n")
                if len(line.split()) <= ITEM_LINE_WORDS and _item_time().search(normalize(line)))
    return timed >= ITEM_LIST_LINES


# ---------------------------------------------------------------- entry point

def extract_metadata(text: str, hints: dict[str, Any] | None = None, head: str = "") -> Metadata:
    """Title, outlet, publication date and language of an article (``head``: the header lines
    that cleaning set aside, when available)."""
    hints = hints or {}
    meta = Metadata()
    url = hints.get("url")
    if hints.get("title"):
        meta.title, meta.provenance["title"] = str(hints["title"]).strip(), "hint"
    else:
        meta.title = find_title(text, head)
        if meta.title:
            meta.provenance["title"] = "text: first line"
    hinted = to_date(hints.get("published"))
    if hinted:
        meta.published, meta.provenance["published"] = hinted.isoformat(), "hint"
    else:
        meta.published, how = find_published(text, head, url)
        if how:
            meta.provenance["published"] = how
    meta.lead_not_news = is_commentary(text, head) or is_item_list(text)
    today, basis = find_today(text, head, to_date(meta.published))
    if today is not None and basis is not None:
        meta.today, meta.provenance["today"] = today.isoformat(), basis
        # an interview recorded before its page is no news of the page's day either
        meta.lead_not_news = meta.lead_not_news or basis == RECORDED_BASIS
    else:
        meta.dateline_day = dateline_month_day(text, head)
        if meta.dateline_day:
            meta.provenance["today"] = "year-less dateline (month and day only)"
    if hints.get("outlet"):
        meta.outlet, meta.provenance["outlet"] = str(hints["outlet"]).strip(), "hint"
    else:
        meta.outlet, how = find_outlet(text, head, url)
        if how:
            meta.provenance["outlet"] = how
    meta.title, meta.outlet = clean_field(meta.title), clean_field(meta.outlet)
    meta.language = guess_language(text)
    if meta.language:
        meta.provenance["language"] = "letters"
    return meta
