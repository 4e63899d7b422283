"""Solar Hijri (Persian) dates, as Iranian outlets print them over Arabic copy ("الخميس 17 مهر 1399
هـ.ش"), turned into Gregorian days.

The conversion is the arithmetic of the 33-year cycle used by the Iranian calendar authority's
tables (exact for the years news covers, 1300–1500 AP); tests pin it on known days.
"""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from ..lexicons import load_yaml
from ..normalize import normalize
from .arabic import alternation

_GREGORIAN_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def solar_hijri_to_gregorian(year: int, month: int, day: int) -> date | None:
    """The Gregorian day of a Solar Hijri date; None when there is no such day."""
    if not (1 <= month <= 12 and 1 <= day <= (31 if month <= 6 else 30)):
        return None
    jy = year + 1595
    days = (-355668 + 365 * jy + (jy // 33) * 8 + ((jy % 33) + 3) // 4 + day
            + ((month - 1) * 31 if month < 7 else (month - 7) * 30 + 186))
    gy = 400 * (days // 146097)
    days %= 146097
    if days > 36524:
        days -= 1
        gy += 100 * (days // 36524)
        days %= 36524
        if days >= 365:
            days += 1
    gy += 4 * (days // 1461)
    days %= 1461
    if days > 365:
        gy += (days - 1) // 365
        days = (days - 1) % 365
    gd = days + 1
    leap = gy % 4 == 0 and gy % 100 != 0 or gy % 400 == 0
    for gm, length in enumerate(_GREGORIAN_DAYS, start=1):
        length += 1 if gm == 2 and leap else 0
        if gd <= length:
            return date(gy, gm, gd)
        gd -= length
    return None


@lru_cache(maxsize=1)
def _pattern() -> tuple[re.Pattern, dict[str, int]]:
    months = {" ".join(normalize(str(name)).split()): int(num)
              for num, names in load_yaml("solar_months.yaml").items() for name in names}
    # "17 مهر 1399 هـ.ش": a day, a Solar month, a year of the 1300s or 1400s (the era mark optional).
    return re.compile(rf"(?<!\d)(?P<d>\d{{1,2}})\s+(?P<m>{alternation(months)})\s+(?P<y>1[34]\d\d)(?!\d)"), months


def solar_dates(text: str) -> list[date]:
    """The Gregorian days of the Solar Hijri dates written in ``text`` (normalised or not)."""
    pattern, months = _pattern()
    out = []
    for m in pattern.finditer(normalize(text)):
        day = solar_hijri_to_gregorian(int(m.group("y")), months[m.group("m")], int(m.group("d")))
        if day is not None:
            out.append(day)
    return out
