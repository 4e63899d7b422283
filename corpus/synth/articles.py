"""Articles: a pool of meetings, the article classes (a Putin–Aliyev meeting held or announced, a
meeting of one of them with someone else, a denial, economic news) assembled from templates,
rendered with a header, and ``generate``, which mixes them with exact and near duplicates."""
from __future__ import annotations

import datetime as dt
import random
from collections import deque
from dataclasses import dataclass
from typing import Any, Iterator

from .dates import stamp, when
from .figures import figure_sentence
from .sentences import city_named, destination, filler, guest_host, page_furniture, pick_names, place
from .templates import fill, sentence, templates

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


@dataclass(frozen=True)
class Event:
    """One meeting that several articles report."""

    id: int
    date: dt.date
    city: str | None  # English exonym; None for phone calls
    kind: str
    summit: str | None


@dataclass
class Parts:
    title: str
    body: list[str]  # paragraphs
    tail: str
    truth: dict[str, Any]


def meeting_pool(rng: random.Random, n: int) -> list[Event]:
    """A pool of meetings over the decade; several articles report each."""
    tpl = templates()
    span = (LAST_DAY - FIRST_DAY).days
    kinds, weights = list(KIND_WEIGHTS), list(KIND_WEIGHTS.values())
    out: list[Event] = []
    for i in range(max(12, min(3000, n // 20))):
        kind = rng.choices(kinds, weights)[0]
        city = None if kind == "phone_call" else rng.choice(tpl["kind_cities"][kind])
        summit = rng.choice(tpl["summits"]) if kind == "multilateral_summit" else None
        out.append(Event(i, FIRST_DAY + dt.timedelta(days=rng.randint(10, span - 10)), city, kind, summit))
    return out


def _meeting_article(rng: random.Random, event: Event) -> Parts:
    tpl = templates()
    announced = rng.random() < 0.15
    offset = -rng.randint(1, 12) if announced else rng.choice((0, 0, 0, 1, 1, 2, 3))
    published = event.date + dt.timedelta(days=offset)
    names = pick_names(rng)
    city = city_named(event.city) if event.city else None
    values = {**names, **guest_host(rng, city, names), "when": when(rng, event.date, published),
              "place": place(rng, city) if city else "", "dest": destination(rng, city) if city else "",
              "city": city["ar"] if city else "", "summit": event.summit or ""}
    group = tpl["meeting_announced" if announced else "meeting_held"][event.kind]
    lead = sentence(fill(rng.choice(group), values))
    titles = tpl["titles"]["visit"] if event.kind == "visit" and rng.random() < 0.5 else tpl["titles"]["meeting"]
    truth = {"class": "meeting", "published": published.isoformat(), "event_id": event.id,
             "meeting": {"date": event.date.isoformat(), "city": event.city, "kind": event.kind,
                         "status": "announced" if announced else "held", "evidence": lead}}
    return _body(rng, fill(rng.choice(titles), values), lead, published, truth, figures=True)


def _other_article(rng: random.Random, cls: str) -> Parts:
    tpl = templates()
    published = FIRST_DAY + dt.timedelta(days=rng.randint(0, (LAST_DAY - FIRST_DAY).days))
    day = published - dt.timedelta(days=rng.choice((0, 0, 1)))
    names = pick_names(rng)
    hosts = tpl["host_cities"]
    city = city_named(rng.choice(hosts.get(cls, hosts["default"])))
    values = {**names, "when": when(rng, day, published), "place": place(rng, city),
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
    return _body(rng, title, sentence(fill(lead, values)), published, truth,
                 figures=cls == "economy")


def _body(rng: random.Random, title: str, lead: str, published: dt.date, truth: dict[str, Any],
          figures: bool) -> Parts:
    paragraphs = [lead]
    figs: list[dict[str, Any]] = []
    n_figs = rng.choice((0, 1, 2, 2, 3, 4)) if figures else 0
    sentences: list[str] = [filler(rng) for _ in range(rng.randint(4, 12))]
    for _ in range(n_figs):
        text, fig = figure_sentence(rng, published)
        figs.append(fig)
        sentences.insert(rng.randint(0, len(sentences)), text)
    # Two or three sentences per paragraph.
    while sentences:
        take = rng.randint(1, 3)
        paragraphs.append(" ".join(sentences[:take]))
        sentences = sentences[take:]
    truth["figures"] = figs
    tail = page_furniture(rng, published) if rng.random() < 0.75 else ""
    return Parts(title, paragraphs, tail, truth)


def _header(rng: random.Random, outlet: str, published: dt.date, city_ar: str) -> str:
    tpl = templates()
    return rng.choice(tpl["header_styles"]).format(
        outlet=outlet, stamp=stamp(rng, published), label=rng.choice(tpl["stamp_labels"]),
        section=rng.choice(tpl["sections"]), dateline=city_ar)


def _render(rng: random.Random, parts: Parts, outlet: str) -> str:
    published = dt.date.fromisoformat(parts.truth["published"])
    dateline = rng.choice(templates()["datelines"])
    text = f"{parts.title}\n\n{_header(rng, outlet, published, dateline)}\n\n" + "\n\n".join(parts.body)
    return text + (f"\n\n{parts.tail}\n" if parts.tail else "\n")


def _near_duplicate(rng: random.Random, parts: Parts) -> Parts:
    """The same story lightly rewritten: a few words swapped (figures and names untouched)."""
    swaps = templates()["near_dup_swaps"]
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
        body.append(filler(rng))
    return Parts(parts.title, body, parts.tail, dict(parts.truth))


def generate(n: int, seed: int = 0) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """Yield ``n`` articles as ``(file name, text, truth)``; deterministic for ``seed``."""
    rng = random.Random(seed)
    outlets = templates()["outlets"]
    events = meeting_pool(rng, n)
    classes, weights = list(CLASS_WEIGHTS), list(CLASS_WEIGHTS.values())
    recent: deque[tuple[str, str, Parts, str]] = deque(maxlen=RECENT)
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
