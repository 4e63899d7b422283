"""The days a page gives an encounter that its own sentences do not: the day heading a block of
lines, a chronology item's label, the lead's news day (under a dateline or a stamp), and the
page's weekdays near its date."""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from ...models import Meeting
from ..dates import DateMention
from ..items import ItemLabel
from .dating import DateChoice, apply_date, has_date_info, norm_pos, resolve_choice
from .sentences import Sentence, counted_from, lead_sentences

_LETTER = re.compile(r"[^\W\d_]")


def _day_heading(nt, mentions: list[DateMention], start: int, end: int) -> tuple[DateMention, int | None] | None:
    """The day of line ``nt.text[start:end]`` when the line is nothing but one day (a weekday with
    it allowed): its explicit mention and the weekday."""
    inside = [m for m in mentions if start <= norm_pos(nt, m.start) < end]
    days = [m for m in inside if m.kind in ("explicit", "stamp") and m.month and m.day and not m.hijri and not m.crawl]
    if len(days) != 1:
        return None
    rest = nt.text[start:end]
    for m in sorted(inside, key=lambda m: m.start, reverse=True):
        a, b = norm_pos(nt, m.start) - start, norm_pos(nt, m.end) - start
        rest = rest[:max(a, 0)] + rest[max(b, 0):]
    if _LETTER.search(rest):
        return None  # a headline or a sentence that names a day
    return days[0], next((m.weekday for m in inside if m.kind == "weekday"), None)


def heading_date(first: Sentence, mentions: list[DateMention], nt, published: date | None,
                 status: str) -> DateChoice | None:
    """"الاثنين 22 أبريل" on a line of its own right above the paragraph the meeting sentence opens,
    or heading the block of lines it opens one of, in an article laid out under several such lines
    (a weekly roundup, a chronology, a live page, an alert log):
    the day of what that paragraph tells. One such line is the page's own date stamp, which dates
    the page, not the paragraph under it."""
    text = nt.text
    line_start = text.rfind("\n", 0, first.start) + 1
    if text[line_start:first.start].strip():
        return None  # the sentence does not open its paragraph
    above = text[:line_start].rstrip()
    h_start = above.rfind("\n") + 1
    heading = _day_heading(nt, mentions, h_start, len(above)) if above[h_start:].strip() else None
    # or the first line of its block of lines ("الاثنين 19 أغسطس 2024" over an alert log's items)
    while heading is None and text[line_start - 2: line_start] not in ("\n\n", "") and line_start > 0:
        line_start = text.rfind("\n", 0, line_start - 1) + 1
        h_start = line_start
        line_end = text.find("\n", line_start)
        heading = _day_heading(nt, mentions, line_start, line_end) if text[line_start:line_end].strip() else None
    if heading is None:
        return None
    others, pos = 0, 0
    for line in text.split("\n"):
        if pos != h_start and line.strip() and _day_heading(nt, mentions, pos, pos + len(line)):
            others += 1
        pos += len(line) + 1
    if not others:
        return None
    return resolve_choice(heading[0], published, status, heading[1])


def item_date(label: ItemLabel, published: date | None, status: str) -> DateChoice | None:
    """The day a chronology paragraph's label gives what the paragraph tells (None for a month's label)."""
    return resolve_choice(label.mention, published, status, label.weekday) if label.mention is not None else None


# A statement or another happening dated this many days before publication, in the meeting's
# own sentences, means the meeting may be that day rather than the publication day.
RECENT_OTHER_DAYS = 7


def dated_just_before(merged: list[Sentence], mentions: list[DateMention], nt, published: date | None) -> bool:
    """"اتصل … وفق بيان صدر يوم 5 مارس" published on 6 March: the call is not the news of the
    publication day; the text dates something else just before it."""
    if published is None:
        return False
    for m in mentions:
        pos = norm_pos(nt, m.start)
        if m.date is not None and any(s.start <= pos < s.end for s in merged) \
                and 0 < (published - m.date).days <= RECENT_OTHER_DAYS:
            return True
    return False


def date_from_lead(primary: Meeting, sentences: list[Sentence], mentions: list[DateMention], nt,
                   published: date | None) -> None:
    """The article's news day ("اليوم الإثنين" in the lead) when the meeting sentences give none;
    or the day the lead gives the same gathering ("اختتم زعماء الدول قمتهم أمس الأربعاء", then
    "وضمت القمة بوتين وعلييف"): a lead sentence with a meeting word of the meeting's kind. For an
    announced encounter the lead's "اليوم" is the day of the announcement ("أعلن الكرملين اليوم أن
    بوتين سيستضيف يوم الاثنين المقبل القمة"): only a day ahead, given to the same gathering, dates it."""
    announced = primary.status == "announced"
    in_person = primary.kind != "phone_call"
    for s in lead_sentences(sentences):
        # The same gathering: a word of its kind, or of any in-person kind for an in-person one
        # ("عقد قادة الرابطة أمس اجتماعا" for the summit its next sentence names the two at).
        same_kind = any(kind == primary.kind or in_person and kind != "phone_call" for _, kind in s.terms)
        for m in mentions:
            pos = norm_pos(nt, m.start)
            if m.kind not in ("weekday", "relative") or not s.start <= pos < s.end:
                continue
            if _counted_from_nearest(s, pos):
                continue  # "غداة لقاء مساء الاثنين": that encounter's day
            offset = m.offset_days
            ahead = offset is not None and offset > 0 or m.direction == "future"  # غدا, الاثنين المقبل
            # "عقد زعماء الرابطة، يوم الجمعة، اجتماعهم": a bare weekday given the same gathering
            weekday_of_it = m.kind == "weekday" and offset is None and m.direction in (None, "past")
            behind = offset is not None and offset < 0 or weekday_of_it
            if same_kind and ahead if announced else offset == 0 or same_kind and behind:
                choice = resolve_choice(m, published, primary.status or "held")
                apply_date(primary, choice)
                if has_date_info(primary):
                    return


def lead_news_day(sentences: list[Sentence], mentions: list[DateMention], nt,
                  published: date | None) -> DateChoice | None:
    """The day the lead tells the article's news on, when that is not the page's day ("انطلقت مساء
    أمس الجمعة … منافسات الألعاب", published the next day): the first lead sentence that names a
    day decides; None when none does or it names today."""
    for s in lead_sentences(sentences):
        inside = [m for m in mentions
                  if m.kind in ("weekday", "relative") and s.start <= norm_pos(nt, m.start) < s.end
                  and not _counted_from_nearest(s, norm_pos(nt, m.start))]
        if not inside:
            continue
        if any(m.offset_days == 0 for m in inside):
            return None
        m = inside[0]
        behind = m.offset_days is not None and m.offset_days < 0 \
            or m.kind == "weekday" and m.offset_days is None and m.direction in (None, "past")
        choice = resolve_choice(m, published, "held") if behind else None
        return choice if choice is not None and choice.when is not None else None
    return None


def _counted_from_nearest(s: Sentence, pos: int) -> bool:
    """Is the meeting word nearest ``pos`` one a day is counted from ("غداة لقاء مساء الاثنين")?"""
    nearest = min(s.terms, key=lambda t: abs(s.start + t[0] - pos), default=None)
    return nearest is not None and counted_from(s, nearest[0])


# A weekday this close before the page's own date ("الأربعاء 22 فبراير 2022") labels it.
PAGE_WEEKDAY_GAP = 3


def in_page_weekdays(mentions: list[DateMention], published: date | None) -> list[DateMention]:
    """``mentions`` with their weekday names read in the page's own calendar: a page whose date line
    labels its day with another weekday ("الأربعاء 22 فبراير 2022", a Tuesday) names every weekday
    with the same slip, so "وقع الرئيسان الأربعاء" is its own day. The written day-month is trusted
    over the weekday; weekdays counted from the page ("الأربعاء الماضي") are left undated."""
    if published is None:
        return mentions
    label = next((w.weekday for d in mentions if d.kind in ("explicit", "stamp") and d.date == published
                  for w in mentions if w.kind == "weekday" and w.weekday is not None
                  and 0 <= d.start - w.end <= PAGE_WEEKDAY_GAP), None)
    if label is None or label == published.weekday():
        return mentions
    slip = label - published.weekday()
    return [replace(m, weekday=(m.weekday - slip) % 7, date=None if m.direction or m.offset_days else m.date)
            if m.kind == "weekday" and m.weekday is not None else m for m in mentions]
