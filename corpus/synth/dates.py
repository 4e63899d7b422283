"""Dates as articles write them: month names of the Egyptian, Levantine and Maghrebi styles (and
paired), weekdays, relative days ("أمس", "الثلاثاء المقبل"), and publication stamps of many outlets."""
from __future__ import annotations

import datetime as dt
import random

from .templates import templates, to_indic


def _month_name(rng: random.Random, month: int) -> str:
    months = templates()["months"]
    style = rng.random()
    if style < 0.45:
        return months["egyptian"][month - 1]
    if style < 0.65:
        return months["levantine"][month - 1]
    if style < 0.75:
        return months["maghrebi"][month - 1]
    # Paired forms, both orders: "نوفمبر/ تشرين الثاني", "تشرين الثاني (نوفمبر)".
    eg, lev = months["egyptian"][month - 1], months["levantine"][month - 1]
    return rng.choice((f"{eg}/ {lev}", f"{lev}/{eg}", f"{lev} ({eg})"))


def _weekday(rng: random.Random, day: dt.date) -> str:
    return rng.choice(templates()["weekdays"][day.weekday()])


def _written_date(rng: random.Random, day: dt.date, with_year: bool = True) -> str:
    """A date written in running text: "19 أغسطس 2024", "١٩ آب ٢٠٢٤م", "19-8-2024"."""
    style = rng.random()
    if style < 0.1 and with_year:
        text = rng.choice((f"{day.day}-{day.month}-{day.year}", f"{day.day}.{day.month:02d}.{day.year}",
                           f"{day.day}/{day.month}/{day.year}"))
    else:
        text = f"{day.day} {_month_name(rng, day.month)}"
        if with_year:
            text += f" {day.year}" + (templates()["year_suffix"] if rng.random() < 0.12 else "")
    if rng.random() < 0.15:
        text = to_indic(text)
    return text


def when(rng: random.Random, meeting: dt.date, published: dt.date) -> str:
    """How the article says when the meeting was (or will be), relative to its publication date."""
    rel = templates()["relative_days"]
    delta = (published - meeting).days
    wd = _weekday(rng, meeting)
    explicit = rng.random() < 0.35
    if explicit or abs(delta) > 6:
        lead = rel["on_weekday"].format(wd=wd) + " " if rng.random() < 0.3 else ""
        same_year = meeting.year == published.year
        return lead + _written_date(rng, meeting, with_year=not same_year or rng.random() < 0.6)
    if delta == 0:
        return rng.choice((f"{rng.choice(rel['today'])} {wd}", f"{rng.choice(rel['today'])} {wd}", wd))
    if delta == 1:
        return rng.choice((f"{rng.choice(rel['yesterday'])} {wd}", rng.choice(rel["last"]).format(wd=wd)))
    if delta > 1:
        return rng.choice(rel["last"]).format(wd=wd)
    if delta == -1 and rng.random() < 0.5:
        return f"{rng.choice(rel['tomorrow'])} {wd}"
    return rng.choice(rel["next"]).format(wd=wd)


def stamp(rng: random.Random, day: dt.date) -> str:
    """Publication stamp in the header, in the many styles outlets use."""
    months = templates()["months"]
    hh, mm = rng.randint(6, 23), rng.randint(0, 59)
    style = rng.randrange(9)
    if style == 0:
        return f"{day.day}-{day.month}-{day.year} | {hh:02d}:{mm:02d}"
    if style == 1:
        return f"{day.day:02d}.{day.month:02d}.{day.year} {hh:02d}:{mm:02d}"
    if style == 2:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(day.day % 10 if day.day not in (11, 12, 13) else 0, "th")
        return f"{day.day}{suffix}, {months['english'][day.month - 1]} {day.year} GMT"
    if style == 3:
        return f"{day.year}/{day.month:02d}/{day.day:02d}"
    if style == 4:
        return to_indic(f"{day.year}/{day.month:02d}/{day.day:02d}")
    if style == 5:
        return f"{_weekday(rng, day)} {day.day} {_month_name(rng, day.month)} {day.year}"
    if style == 6:
        return f"{_weekday(rng, day)}، {day.day} {_month_name(rng, day.month)} {day.year} - {hh:02d}:{mm:02d}"
    if style == 7:
        return f"{day.day} {_month_name(rng, day.month)} {day.year}م"
    return f"{day.isoformat()} {hh:02d}:{mm:02d}"
