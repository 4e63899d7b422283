"""Synthetic Arabic news articles for scale tests and benchmarks.

Articles are assembled from our own templates (``data/lexicons/synth_templates.yaml``): a header with
an outlet and a publication stamp in one of many date styles, a lead sentence (a Putin–Aliyev
meeting held or announced, a meeting of one of them with someone else, a denial, or economic news),
figure sentences with numbers in every written form, filler sentences and page furniture (read-more
lists, tags, share lines). About 5% are exact duplicates and 5% near-duplicates of earlier articles.

``generate(n, seed)`` yields ``(name, text, truth)``; ``truth`` holds what the text was built to say
(meeting date/city/kind/status, figures with values) so tests can sanity-check extraction. The same
seed gives the same corpus. Usage::

    python -m corpus.synth --n 100000 --out /tmp/synth100k [--seed 7]
    python -m corpus.synth --n 100000 --db sqlite:////tmp/synth100k.sqlite
"""
from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import random
import sys
import time
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator

from .lexicons import load_yaml
from .models import Extraction, Figure, Meeting, RawDocument

TEMPLATES = "synth_templates.yaml"
FIRST_DAY = dt.date(2015, 1, 1)
LAST_DAY = dt.date(2025, 12, 31)
EXACT_DUP_SHARE = 0.05
NEAR_DUP_SHARE = 0.05
# Mix of article classes (the rest, after duplicates, is drawn with these weights).
CLASS_WEIGHTS = {"meeting": 0.60, "other_putin": 0.12, "other_aliyev": 0.10,
                 "economy": 0.13, "denial": 0.05}
KIND_WEIGHTS = {"talks": 0.35, "visit": 0.2, "phone_call": 0.25, "multilateral_summit": 0.15,
                "other": 0.05}
RECENT = 400  # originals kept for duplicating

_INDIC = str.maketrans("0123456789.", "٠١٢٣٤٥٦٧٨٩٫")


@dataclass(frozen=True)
class Event:
    """One meeting that several articles report."""

    id: int
    date: dt.date
    city: str | None  # English exonym; None for phone calls
    kind: str
    summit: str | None


def _tpl() -> dict[str, Any]:
    return load_yaml(TEMPLATES)


def _to_indic(text: str) -> str:
    return text.translate(_INDIC)


# ---------------------------------------------------------------- numbers

def _fmt_plain(value: float) -> str:
    """4 → "4", 4.5 → "4.5" (no trailing zeros)."""
    return f"{value:.2f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))


def _fmt_grouped(value: int) -> str:
    return f"{value:,}"


def _scale_phrase(rng: random.Random, mantissa: float, scale: dict[str, Any]) -> str:
    """Number + scale word with Arabic agreement: 1 → مليار, 2 → ملياري, 3–10 → مليارات, else مليار."""
    if mantissa == 1:
        return scale["one"]
    if mantissa == 2:
        return scale["dual"]
    words = _tpl()["numbers"]["masculine"]
    whole = mantissa == int(mantissa)
    if whole and 3 <= mantissa <= 10:
        if rng.random() < 0.35:
            return f"{words[int(mantissa) - 1]} {scale['plural']}"
        return f"{int(mantissa)} {scale['plural']}"
    return f"{_fmt_plain(mantissa)} {scale['one']}"


def _money_amount(rng: random.Random) -> tuple[str, float, float | None]:
    """A written amount (without currency) and its value (and upper bound for ranges)."""
    scales = _tpl()["numbers"]["scales"]
    scale = scales[2] if rng.random() < 0.6 else scales[1]
    form = rng.random()
    if form < 0.12:  # reversed decimal used by some agencies: 5ر13 = 13.5
        whole, frac = rng.randint(1, 30), rng.randint(1, 9)
        return f"{frac}ر{whole} {scale['one']}", (whole * 10 + frac) * scale["value"] // 10, None
    if form < 0.24:  # compound: 3 مليارات و350 مليون
        big, small_scale = scales[2], scales[1]
        whole, rest = rng.randint(1, 9), rng.randint(1, 9) * 50
        head = _scale_phrase(rng, whole, big)
        return (f"{head} و{rest} {small_scale['one']}",
                whole * big["value"] + rest * small_scale["value"], None)
    if form < 0.34:  # range: 4 -6 مليارات / بين 4 و6 مليارات
        low = rng.randint(2, 7)
        high = low + rng.randint(1, 3)
        if rng.random() < 0.5:
            text = f"{low} -{high} {scale['plural'] if high <= 10 else scale['one']}"
        else:
            text = f"بين {low} و{high} {scale['plural'] if high <= 10 else scale['one']}"
        return text, low * scale["value"], high * scale["value"]
    if form < 0.5:  # decimal
        tenths = rng.randint(10, 199)
        text = _fmt_plain(tenths / 10) + " " + scale["one"]
        if rng.random() < 0.4:
            text = _to_indic(text)
        return text, tenths * scale["value"] // 10, None
    mantissa = rng.choice((1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 15, 20, 25, 30, 45))
    text = _scale_phrase(rng, mantissa, scale)
    if rng.random() < 0.25:
        text = _to_indic(text)
    return text, mantissa * scale["value"], None


def _money(rng: random.Random) -> dict[str, Any]:
    amount, value, value_max = _money_amount(rng)
    cur = rng.choice(_tpl()["numbers"]["currencies"])
    text = f"{amount} {cur['word']}"
    if cur["word"] == "$":  # written before the amount: $4 مليارات
        text = f"${amount}"
    return {"text": text, "value": float(value), "value_max": None if value_max is None else float(value_max),
            "unit": cur["unit"],
            "currency": cur.get("currency")}


def _percent(rng: random.Random) -> dict[str, Any]:
    value = rng.choice((rng.randint(2, 60), rng.randint(11, 399) / 10))
    digits = _fmt_plain(value)
    if rng.random() < 0.25:
        digits = _to_indic(digits)
    word = rng.choice(_tpl()["numbers"]["percent"])
    text = f"{digits}{word}" if word == "%" else f"{digits} {word}"
    return {"text": text, "value": float(value), "value_max": None, "unit": "percent"}


def _count(rng: random.Random, metric: str) -> dict[str, Any]:
    nums = _tpl()["numbers"]
    noun = rng.choice(nums["count_nouns"][metric])
    form = rng.random()
    if form < 0.3:  # 3–10 in words with the plural noun
        n = rng.randint(3, 10)
        words = nums["feminine"] if noun["gender"] == "f" else nums["masculine"]
        text = f"{words[n - 1]} {noun['plural']}"
    elif form < 0.4 and metric == "companies":  # ألف شركة / ألفي شركة
        n = rng.choice((1000, 2000))
        scale = nums["scales"][0]
        text = f"{scale['one'] if n == 1000 else scale['dual']} {noun['one']}"
    else:
        n = rng.randint(11, 40) if metric == "agreements" else rng.randint(11, 2500)
        digits = _fmt_grouped(n) if n >= 1000 and rng.random() < 0.5 else str(n)
        if rng.random() < 0.25:
            digits = _to_indic(digits).replace(",", "٬")
        text = f"{digits} {noun['one']}"
    return {"text": text, "value": float(n), "value_max": None, "unit": "count"}


def _volume(rng: random.Random) -> dict[str, Any]:
    nums = _tpl()["numbers"]
    scale = nums["scales"][1]
    mantissa = rng.choice((1, 2, 3, 4, 5, 7, 12, 15, 1.5, 2.5))
    text = f"{_scale_phrase(rng, mantissa, scale)} {rng.choice(nums['volume_units'])}"
    return {"text": text, "value": mantissa * scale["value"], "value_max": None, "unit": "other"}


_FIGURE_MAKERS = {
    "trade_turnover": _money, "investment": _money, "trade_growth": _percent,
    "companies": lambda rng: _count(rng, "companies"),
    "agreements": lambda rng: _count(rng, "agreements"), "volume": _volume,
}
_METRIC_NAME = {"volume": "other"}  # contract metric for our template groups


def _qualified(rng: random.Random, fig: dict[str, Any], fixed: str | None) -> dict[str, Any]:
    """Put a qualifier word in front of the figure (or record the one the verb implies)."""
    if fixed:
        fig["qualifier"] = fixed
        return fig
    if fig["value_max"] is None and rng.random() < 0.45:
        kind = rng.choice(("approx", "approx", "more_than", "less_than"))
        word = rng.choice(_tpl()["numbers"]["qualifiers"][kind])
        fig["text"] = f"{word} {fig['text']}"
        fig["qualifier"] = kind
    else:
        fig["qualifier"] = "exact"
    return fig


# ---------------------------------------------------------------- dates

def _month_name(rng: random.Random, month: int) -> str:
    months = _tpl()["months"]
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
    return rng.choice(_tpl()["weekdays"][day.weekday()])


def _written_date(rng: random.Random, day: dt.date, with_year: bool = True) -> str:
    """A date written in running text: "19 أغسطس 2024", "١٩ آب ٢٠٢٤م", "19-8-2024"."""
    style = rng.random()
    if style < 0.1 and with_year:
        text = rng.choice((f"{day.day}-{day.month}-{day.year}", f"{day.day}.{day.month:02d}.{day.year}",
                           f"{day.day}/{day.month}/{day.year}"))
    else:
        text = f"{day.day} {_month_name(rng, day.month)}"
        if with_year:
            text += f" {day.year}" + ("م" if rng.random() < 0.12 else "")
    if rng.random() < 0.15:
        text = _to_indic(text)
    return text


def _when(rng: random.Random, meeting: dt.date, published: dt.date) -> str:
    """How the article says when the meeting was (or will be), relative to its publication date."""
    rel = _tpl()["relative_days"]
    delta = (published - meeting).days
    wd = _weekday(rng, meeting)
    explicit = rng.random() < 0.35
    if explicit or abs(delta) > 6:
        lead = f"يوم {wd} " if rng.random() < 0.3 else ""
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


def _stamp(rng: random.Random, day: dt.date) -> str:
    """Publication stamp in the header, in the many styles outlets use."""
    months = _tpl()["months"]
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
        return _to_indic(f"{day.year}/{day.month:02d}/{day.day:02d}")
    if style == 5:
        return f"{_weekday(rng, day)} {day.day} {_month_name(rng, day.month)} {day.year}"
    if style == 6:
        return f"{_weekday(rng, day)}، {day.day} {_month_name(rng, day.month)} {day.year} - {hh:02d}:{mm:02d}"
    if style == 7:
        return f"{day.day} {_month_name(rng, day.month)} {day.year}م"
    return f"{day.isoformat()} {hh:02d}:{mm:02d}"


# ---------------------------------------------------------------- sentences

def _city(name: str) -> dict[str, Any]:
    return next(c for c in _tpl()["cities"] if c["en"] == name)


def _place(rng: random.Random, city: dict[str, Any]) -> str:
    """"في باكو", "بموسكو", "في مدينة سوتشي", "في العاصمة الأذربيجانية باكو"."""
    r = rng.random()
    if r < 0.4:
        return f"في {city['ar']}"
    if r < 0.55:
        return f"ب{city['ar']}"
    return f"في {rng.choice(city['desc'])} {city['ar']}"


def _destination(rng: random.Random, city: dict[str, Any]) -> str:
    """After "إلى": "باكو", "العاصمة الأذربيجانية باكو"."""
    return city["ar"] if rng.random() < 0.6 else f"{rng.choice(city['desc'])} {city['ar']}"


def _people(rng: random.Random) -> dict[str, str]:
    p = _tpl()["people"]
    return {"putin": rng.choice(p["putin"]), "aliyev": rng.choice(p["aliyev"]),
            "aliyev_obj": rng.choice(p["aliyev_obj"]), "putin_obj": rng.choice(p["putin_obj"]),
            "kremlin": rng.choice(p["kremlin"])}


def _guest_host(rng: random.Random, city: dict[str, Any] | None, names: dict[str, str]) -> dict[str, str]:
    """In Azerbaijan Putin is the guest; in Russia Aliyev is."""
    if city is not None and city["country"] == "AZ":
        return {"guest": names["putin"], "guest_obj": names["putin_obj"], "guest_short": "بوتين",
                "host": names["aliyev"], "host_obj": names["aliyev_obj"], "host_short": "علييف"}
    return {"guest": names["aliyev"], "guest_obj": names["aliyev_obj"], "guest_short": "علييف",
            "host": names["putin"], "host_obj": names["putin_obj"], "host_short": "بوتين"}


def _fill(template: str, values: dict[str, str]) -> str:
    return template.format_map(values)


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    return text if text.endswith((".", "!", "؟")) else text + "."


def _figure_sentence(rng: random.Random, published: dt.date) -> tuple[str, dict[str, Any]]:
    tpl = _tpl()
    group = rng.choice(list(_FIGURE_MAKERS))
    entry = rng.choice(tpl["figure_templates"][group])
    template, fixed = (entry["text"], entry.get("qualifier")) if isinstance(entry, dict) else (entry, None)
    fig = _qualified(rng, _FIGURE_MAKERS[group](rng), fixed)
    period_kind = rng.choice(("year", "year", "last_year", "this_year"))
    if period_kind == "year":
        year = rng.randint(max(2013, published.year - 3), published.year)
        period = rng.choice(tpl["periods"]["year"]).format(y=year)
        fig["period"] = str(year)
    else:
        period = rng.choice(tpl["periods"][period_kind])
        fig["period"] = str(published.year - 1 if period_kind == "last_year" else published.year)
    if "{period}" not in template:
        fig["period"] = None
    fig["metric"] = _METRIC_NAME.get(group, group)
    sentence = _sentence(_fill(template, {"fig": fig["text"], "period": period}))
    fig["sentence"] = sentence
    return sentence, fig


def _filler(rng: random.Random) -> str:
    tpl = _tpl()
    if rng.random() < 0.3:
        return rng.choice(tpl["fillers"])
    said = rng.choice(tpl["said"])
    link = "إن" if said == "قال" else "أن"
    return _sentence(f"و{said} {rng.choice(tpl['speakers'])} {link} {rng.choice(tpl['clauses'])}")


def _tail(rng: random.Random, published: dt.date) -> str:
    """Page furniture with dates and numbers of its own."""
    t = _tpl()["tails"]
    months = _tpl()["months"]["egyptian"]
    lines: list[str] = []
    if rng.random() < 0.5:
        lines.append(rng.choice(t["share"]))
    if rng.random() < 0.7:
        lines.append(rng.choice(t["read_more"] + t["related"]))
        for _ in range(rng.randint(2, 4)):
            head = rng.choice(t["headlines"]).format(
                n=rng.randint(2, 95), d=rng.randint(1, 28), month=rng.choice(months))
            lines.append(f"  • {head}")
    if rng.random() < 0.5:
        tags = rng.sample(t["tags"], rng.randint(3, 6))
        lines.append(f"{rng.choice(t['tags_label'])} {'، '.join(tags)}")
    if rng.random() < 0.3:
        lines.append(rng.choice(t["rights"]).format(y=published.year))
    return "\n".join(lines)


# ---------------------------------------------------------------- articles

@dataclass
class _Parts:
    title: str
    body: list[str]  # paragraphs
    tail: str
    truth: dict[str, Any]


def _events(rng: random.Random, n: int) -> list[Event]:
    """A pool of meetings over the decade; several articles report each."""
    tpl = _tpl()
    span = (LAST_DAY - FIRST_DAY).days
    kinds, weights = list(KIND_WEIGHTS), list(KIND_WEIGHTS.values())
    out: list[Event] = []
    for i in range(max(12, min(3000, n // 20))):
        kind = rng.choices(kinds, weights)[0]
        city = None if kind == "phone_call" else rng.choice(tpl["kind_cities"][kind])
        summit = rng.choice(tpl["summits"]) if kind == "multilateral_summit" else None
        out.append(Event(i, FIRST_DAY + dt.timedelta(days=rng.randint(10, span - 10)), city, kind, summit))
    return out


def _meeting_article(rng: random.Random, event: Event) -> _Parts:
    tpl = _tpl()
    announced = rng.random() < 0.15
    offset = -rng.randint(1, 12) if announced else rng.choice((0, 0, 0, 1, 1, 2, 3))
    published = event.date + dt.timedelta(days=offset)
    names = _people(rng)
    city = _city(event.city) if event.city else None
    values = {**names, **_guest_host(rng, city, names), "when": _when(rng, event.date, published),
              "place": _place(rng, city) if city else "", "dest": _destination(rng, city) if city else "",
              "city": city["ar"] if city else "", "summit": event.summit or ""}
    group = tpl["meeting_announced" if announced else "meeting_held"][event.kind]
    lead = _sentence(_fill(rng.choice(group), values))
    titles = tpl["titles"]["visit"] if event.kind == "visit" and rng.random() < 0.5 else tpl["titles"]["meeting"]
    truth = {"class": "meeting", "published": published.isoformat(), "event_id": event.id,
             "meeting": {"date": event.date.isoformat(), "city": event.city, "kind": event.kind,
                         "status": "announced" if announced else "held", "evidence": lead}}
    return _body(rng, _fill(rng.choice(titles), values), lead, published, truth, figures=True)


def _other_article(rng: random.Random, cls: str) -> _Parts:
    tpl = _tpl()
    published = FIRST_DAY + dt.timedelta(days=rng.randint(0, (LAST_DAY - FIRST_DAY).days))
    day = published - dt.timedelta(days=rng.choice((0, 0, 1)))
    names = _people(rng)
    # Putin receives in Russia, Aliyev in Azerbaijan; economic news may come from either.
    city_names = {"other_putin": ("Moscow", "Sochi", "Saint Petersburg"), "other_aliyev": ("Baku",)}
    city = _city(rng.choice(city_names.get(cls, ("Moscow", "Baku"))))
    values = {**names, "when": _when(rng, day, published), "place": _place(rng, city),
              "city": city["ar"]}
    if cls == "other_putin":
        values["other"] = rng.choice(tpl["people"]["others_of_putin"])
        lead, title = rng.choice(tpl["non_meeting_putin"]), rng.choice(tpl["titles"]["non_meeting"])
    elif cls == "other_aliyev":
        values["other"] = rng.choice(tpl["people"]["others_of_aliyev"])
        lead, title = rng.choice(tpl["non_meeting_aliyev"]), rng.choice(tpl["titles"]["non_meeting"])
    elif cls == "denial":
        lead, title = rng.choice(tpl["denials"]), rng.choice(tpl["titles"]["denial"])
    else:
        lead, title = rng.choice(tpl["economy_leads"]), rng.choice(tpl["titles"]["economy"])
    truth = {"class": cls, "published": published.isoformat(), "event_id": None, "meeting": None}
    return _body(rng, title, _sentence(_fill(lead, values)), published, truth,
                 figures=cls == "economy")


def _body(rng: random.Random, title: str, lead: str, published: dt.date, truth: dict[str, Any],
          figures: bool) -> _Parts:
    paragraphs = [lead]
    figs: list[dict[str, Any]] = []
    n_figs = rng.choice((0, 1, 2, 2, 3, 4)) if figures else 0
    sentences: list[str] = [_filler(rng) for _ in range(rng.randint(4, 12))]
    for _ in range(n_figs):
        sentence, fig = _figure_sentence(rng, published)
        figs.append(fig)
        sentences.insert(rng.randint(0, len(sentences)), sentence)
    # Two or three sentences per paragraph.
    while sentences:
        take = rng.randint(1, 3)
        paragraphs.append(" ".join(sentences[:take]))
        sentences = sentences[take:]
    truth["figures"] = figs
    tail = _tail(rng, published) if rng.random() < 0.75 else ""
    return _Parts(title, paragraphs, tail, truth)


def _header(rng: random.Random, outlet: str, published: dt.date, city_ar: str) -> str:
    tpl = _tpl()
    return rng.choice(tpl["header_styles"]).format(
        outlet=outlet, stamp=_stamp(rng, published), label=rng.choice(tpl["stamp_labels"]),
        section=rng.choice(tpl["sections"]), dateline=city_ar)


def _render(rng: random.Random, parts: _Parts, outlet: str) -> str:
    published = dt.date.fromisoformat(parts.truth["published"])
    dateline = rng.choice(("موسكو", "باكو", "موسكو - وكالات", "باكو - خاص"))
    text = f"{parts.title}\n\n{_header(rng, outlet, published, dateline)}\n\n" + "\n\n".join(parts.body)
    return text + (f"\n\n{parts.tail}\n" if parts.tail else "\n")


def _near_duplicate(rng: random.Random, parts: _Parts) -> _Parts:
    """The same story lightly rewritten: a few words swapped (figures and names untouched)."""
    swaps = _tpl()["near_dup_swaps"]
    body = list(parts.body)
    changed = 0
    for old, new in rng.sample(swaps, len(swaps)):
        for i in range(1, len(body)):  # leave the lead alone: it carries the meeting
            if f" {old} " in body[i] and not any(f["sentence"] in body[i] for f in parts.truth["figures"]):
                body[i] = body[i].replace(f" {old} ", f" {new} ", 1)
                changed += 1
                break
        if changed >= 3:
            break
    if changed == 0:
        body.append(_filler(rng))
    return _Parts(parts.title, body, parts.tail, dict(parts.truth))


def generate(n: int, seed: int = 0) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """Yield ``n`` articles as ``(file name, text, truth)``; deterministic for ``seed``."""
    rng = random.Random(seed)
    outlets = _tpl()["outlets"]
    events = _events(rng, n)
    classes, weights = list(CLASS_WEIGHTS), list(CLASS_WEIGHTS.values())
    recent: deque[tuple[str, str, _Parts, str]] = deque(maxlen=RECENT)
    width = max(6, len(str(n)))
    for i in range(n):
        name = f"synth_{i:0{width}d}.txt"
        roll = rng.random()
        if recent and roll < EXACT_DUP_SHARE:
            src_name, src_text, parts, outlet = rng.choice(recent)
            truth = {**parts.truth, "outlet": outlet, "title": parts.title,
                     "duplicate_of": src_name, "near_duplicate_of": None}
            yield name, src_text, truth
            continue
        if recent and roll < EXACT_DUP_SHARE + NEAR_DUP_SHARE:
            src_name, _, src_parts, src_outlet = rng.choice(recent)
            parts = _near_duplicate(rng, src_parts)
            outlet = rng.choice([o for o in outlets if o != src_outlet])
            text = _render(rng, parts, outlet)
            truth = {**parts.truth, "outlet": outlet, "title": parts.title,
                     "duplicate_of": None, "near_duplicate_of": src_name}
            yield name, text, truth
            continue
        cls = rng.choices(classes, weights)[0]
        parts = _meeting_article(rng, rng.choice(events)) if cls == "meeting" else _other_article(rng, cls)
        outlet = rng.choice(outlets)
        text = _render(rng, parts, outlet)
        recent.append((name, text, parts, outlet))
        yield name, text, {**parts.truth, "outlet": outlet, "title": parts.title,
                           "duplicate_of": None, "near_duplicate_of": None}


# ---------------------------------------------------------------- output

def write_files(n: int, out: Path, seed: int = 0, truth_file: bool = True) -> int:
    """Write ``n`` articles as UTF-8 .txt files (plus ``truth.jsonl``); returns the count."""

    out.mkdir(parents=True, exist_ok=True)
    count = 0
    with contextlib.ExitStack() as stack:
        fh = stack.enter_context((out / "truth.jsonl").open("w", encoding="utf-8")) if truth_file else None
        for name, text, truth in generate(n, seed):
            (out / name).write_text(text, encoding="utf-8")
            if fh is not None:
                fh.write(json.dumps({"file": name, **truth}, ensure_ascii=False) + "\n")
            count += 1
    return count


def truth_topics(text: str) -> list[str]:
    """Topic ids for the truth extraction: the template hint words present in the text."""
    return [topic for topic, words in _tpl()["topic_hints"].items() if any(w in text for w in words)]


def truth_extraction(text: str, truth: dict[str, Any]) -> Extraction:
    """The extraction the text was written to yield (what a perfect extractor would return)."""
    meetings = []
    if truth["meeting"]:
        m = truth["meeting"]
        meetings.append(Meeting(date=m["date"], city=m["city"], kind=m["kind"], status=m["status"],
                                evidence=m["evidence"], date_basis="explicit"))
    figures = [Figure(text=f["text"], value=f["value"], value_max=f["value_max"], unit=f["unit"],
                      metric=f["metric"], qualifier=f["qualifier"], period=f["period"],
                      sentence=f["sentence"], start=text.find(f["text"]), currency=f.get("currency"))
               for f in truth["figures"]]
    return Extraction(title=truth["title"], outlet=truth["outlet"], published=truth["published"],
                      language="ar", meetings=meetings, figures=figures, topics=truth_topics(text),
                      provenance={"all": "synthetic truth"}, clean_text=text)


def write_database(n: int, url: str, seed: int = 0, batch: int = 1000,
                   progress: Callable[[int, int], None] | None = None, events: bool = True) -> int:
    """Store ``n`` articles with their truth extractions through ``Store.add_articles``; returns n.

    Fast (no extraction runs): for scale tests of the store, search and pages. Run
    ``python -m corpus reprocess`` afterwards to replace the truth with real extraction.
    """
    from .store import Store  # imported late: the generator itself needs no database

    store = Store(url)
    pending: list[tuple[RawDocument, Extraction]] = []
    done = 0
    for name, text, truth in generate(n, seed):
        pending.append((RawDocument(source=name, text=text, fmt="txt",
                                    hints={"outlet": truth["outlet"]}), truth_extraction(text, truth)))
        if len(pending) >= batch:
            store.add_articles(pending, who="synth")
            done += len(pending)
            pending = []
            if progress:
                progress(done, n)
    if pending:
        store.add_articles(pending, who="synth")
    try:
        if events:
            store.rebuild_events()
    except NotImplementedError:  # the store's event clustering is still being wired up
        print("events not built: Store.rebuild_events is not implemented yet", file=sys.stderr)
    store.close()
    return n


def _report_progress(done: int, total: int) -> None:
    print(f"\r{done}/{total}", end="\n" if done >= total else "", file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m corpus.synth", description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, required=True, help="number of articles")
    parser.add_argument("--out", type=Path, help="folder for the .txt files (and truth.jsonl)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--db", help="database URL: store the articles with their truth extractions "
                        "(Store.add_articles) instead of writing files")
    args = parser.parse_args(argv)
    if not args.out and not args.db:
        parser.error("give --out DIR or --db URL")
    started = time.perf_counter()
    if args.db:
        count = write_database(args.n, args.db, args.seed, progress=_report_progress)
    else:
        count = write_files(args.n, args.out, args.seed)
    print(f"{count} articles in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
