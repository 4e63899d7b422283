"""Hijri (Islamic lunar) dates on Gulf pages ("الجمعة 21 ربيع الثاني 1443هـ", "1445/3/27هـ"),
turned into Gregorian days only when the page confirms the day.

The conversion is the Umm al-Qura calendar (``hijridate``, Saudi Arabia's official tables,
1343–1500 AH). Other countries fix a month's first day by moon sighting and may print a date one
day off it, so a converted day is taken only when something on the page agrees: the weekday written
with it (the day among the three around the table's that falls on that weekday), or a Gregorian
day and month the page gives elsewhere (an agency's dateline "بيشكيك - 12 - 10 (كونا)"). A Hijri
date alone dates nothing: a day off is worse than none.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from hijridate import Hijri

from ..lexicons import load_yaml
from ..normalize import normalize
from .arabic import alternation
from .date_patterns import weekday_table

# How far (days) a sighted month's date may fall from the Umm al-Qura table's.
SIGHTING_SLIP = 1


def umm_al_qura(year: int, month: int, day: int) -> date | None:
    """The Gregorian day of a Hijri date by the Umm al-Qura tables; None outside them or no such day."""
    try:
        return Hijri(year, month, day).to_gregorian()
    except (ValueError, OverflowError):
        return None


@lru_cache(maxsize=1)
def _month_names() -> dict[str, int]:
    return {normalize(name): int(num) for num, names in load_yaml("hijri_months.yaml").items() for name in names}


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    weekdays = alternation(weekday_table())
    months = alternation(_month_names())
    named = re.compile(rf"(?:(?P<wd>{weekdays})\s*[،,\-–]?\s*)?(?<!\d)(?P<d>\d{{1,2}})\s+(?P<m>{months})\s+"
                       rf"(?P<y>1[34]\d\d)\s*ه(?![^\W\d_])")
    numeric = re.compile(rf"(?:(?P<wd>{weekdays})\s*[،,\-–]?\s*)?(?<![\d/])(?:(?P<y1>1[34]\d\d)/(?P<m1>\d{{1,2}})/"
                         rf"(?P<d1>\d{{1,2}})|(?P<d2>\d{{1,2}})/(?P<m2>\d{{1,2}})/(?P<y2>1[34]\d\d))\s*ه(?![^\W\d_])")
    return named, numeric


def hijri_dates(text: str) -> list[tuple[int, int, int, int | None]]:
    """(year, month, day, weekday or None) of each Hijri date written with its year in ``text``."""
    norm = normalize(text)
    named, numeric = _patterns()
    found: list[tuple[int, int, int, int | None]] = []
    for m in named.finditer(norm):
        wd = weekday_table().get(m.group("wd")) if m.group("wd") else None
        found.append((int(m.group("y")), _month_names()[m.group("m")], int(m.group("d")), wd))
    for m in numeric.finditer(norm):
        wd = weekday_table().get(m.group("wd")) if m.group("wd") else None
        y, mo, d = (m.group("y1"), m.group("m1"), m.group("d1")) if m.group("y1") else \
            (m.group("y2"), m.group("m2"), m.group("d2"))
        found.append((int(y), int(mo), int(d), wd))
    return found


def confirmed_day(year: int, month: int, day: int, weekday: int | None,
                  month_day: tuple[int, int] | None = None) -> date | None:
    """The Gregorian day of a Hijri date when the page confirms it: the written weekday picks the
    one day within SIGHTING_SLIP of the table's; else a Gregorian (month, day) the page gives
    within that slip. None when nothing confirms it."""
    table = umm_al_qura(year, month, day)
    if table is None:
        return None
    around = [table + timedelta(days=k) for k in range(-SIGHTING_SLIP, SIGHTING_SLIP + 1)]
    if weekday is not None:
        matching = [d for d in around if d.weekday() == weekday]
        return matching[0] if len(matching) == 1 else None
    if month_day is not None:
        return next((d for d in around if (d.month, d.day) == month_day), None)
    return None
