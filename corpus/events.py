"""Group article meetings into events (one per real meeting) and date the undated ones.

Dated meetings join an event when the city agrees (or one side does not know it), the kind
agrees (a phone call is never an in-person meeting) and the day is within a couple of days
(a two-day visit is reported on both days; a trilateral summit and the bilateral on its
sidelines are one event). Undated meetings (only a weekday, a day-month without year, or
nothing) are linked to the dated event that fits their city, kind, weekday or day-month and
whose articles share the most distinctive words with them; the link is marked inferred and the
meeting gets ``date_basis='linked'`` and the event's day. Meetings that fit no dated event are
grouped with similar undated ones. Everything is deterministic (items are processed by key).
"""
from __future__ import annotations

import hashlib
import math
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from .dates import to_date
from .models import Meeting
from .normalize import strip_clitics, tokens

# Two dated reports of one meeting are at most this many days apart (multi-day visits).
SAME_EVENT_DAYS = 2
# An event never spans more than this many days.
MAX_EVENT_SPAN = 3
# A phone call happens on one day: reports may differ by one (time zones, "أمس" slips), no more.
CALL_DAYS = 1
# Minimum text similarity to link an undated meeting when its clues leave several events.
LINK_SIMILARITY = 0.05
# Minimum text similarity to group two undated meetings with each other.
GROUP_SIMILARITY = 0.15
# Articles of an event compared with a candidate (bounds the cost on large corpora).
MAX_COMPARED = 40
IN_PERSON = ("visit", "talks", "multilateral_summit")


@dataclass
class ArticleMeeting:
    key: str  # the article's identity (source name)
    meeting: Meeting
    published: str | date | None = None
    text: str = ""  # article text, for similarity when linking undated meetings


@dataclass
class EventGroup:
    id: str
    date: str | None
    city: str | None
    kind: str | None
    members: list[str] = field(default_factory=list)  # article keys
    inferred: list[str] = field(default_factory=list)  # keys whose date was linked, not read
    dates: list[str] = field(default_factory=list)  # distinct dates the articles give

    @property
    def first_date(self) -> date | None:
        return to_date(min(self.dates)) if self.dates else None

    @property
    def last_date(self) -> date | None:
        return to_date(max(self.dates)) if self.dates else None


@dataclass
class _Event:
    items: list[ArticleMeeting] = field(default_factory=list)
    linked: list[ArticleMeeting] = field(default_factory=list)

    def days(self) -> list[date]:
        return sorted({to_date(i.meeting.date) for i in self.items if i.meeting.date})

    def city(self) -> str | None:
        cities = Counter(i.meeting.city for i in self.items + self.linked if i.meeting.city)
        return _most_common(cities)

    def kind(self) -> str | None:
        kinds = Counter(i.meeting.kind for i in self.items + self.linked if i.meeting.kind)
        if kinds.get("multilateral_summit"):
            return "multilateral_summit"
        return _most_common(kinds)

    def main_day(self) -> date | None:
        """The day of the talks when articles differ (arrival vs talks of a visit), else the
        day most articles give, the later one on ties."""
        talks = Counter(i.meeting.date for i in self.items if i.meeting.date and i.meeting.kind != "visit")
        counts = talks or Counter(i.meeting.date for i in self.items if i.meeting.date)
        if not counts:
            return None
        best = max(counts.items(), key=lambda kv: (kv[1], kv[0]))[0]
        return to_date(best)


def _most_common(counter: Counter) -> str | None:
    if not counter:
        return None
    return max(counter.items(), key=lambda kv: (kv[1], kv[0]))[0]


def _city_ok(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def _kind_ok(a: str | None, b: str | None) -> bool:
    if a in (None, "other") or b in (None, "other"):
        return True
    return (a == "phone_call") == (b == "phone_call")


# ---------------------------------------------------------------- similarity

def _bag(text: str) -> Counter:
    words = (strip_clitics(t) for t in tokens(text))
    return Counter(w for w in words if len(w) >= 3 and not w.isdigit())


class _Similarity:
    def __init__(self, items: list[ArticleMeeting]):
        self.bags = {i.key: _bag(i.text) for i in items}
        df = Counter(w for bag in self.bags.values() for w in bag)
        n = max(len(self.bags), 1)
        self.idf = {w: math.log((n + 1) / (c + 0.5)) for w, c in df.items()}
        self.vectors = {k: self._vector(b) for k, b in self.bags.items()}

    def _vector(self, bag: Counter) -> dict[str, float]:
        vec = {w: (1 + math.log(c)) * self.idf.get(w, 0.0) for w, c in bag.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        return {w: v / norm for w, v in vec.items()}

    def pair(self, a: str, b: str) -> float:
        va, vb = self.vectors.get(a, {}), self.vectors.get(b, {})
        if len(va) > len(vb):
            va, vb = vb, va
        return sum(v * vb.get(w, 0.0) for w, v in va.items())

    def to_event(self, key: str, event: _Event) -> float:
        members = [i.key for i in event.items + event.linked if i.key != key][:MAX_COMPARED]
        return max((self.pair(key, m) for m in members), default=0.0)


# ---------------------------------------------------------------- clustering

def _join_dated(events: list[_Event], item: ArticleMeeting, sim: _Similarity) -> None:
    day = to_date(item.meeting.date)
    best: tuple[int, float, int] | None = None
    for idx, ev in enumerate(events):
        days = ev.days()
        if not _city_ok(ev.city(), item.meeting.city) or not _kind_ok(ev.kind(), item.meeting.kind):
            continue
        gap = min(abs((day - d).days) for d in days)
        span = (max(days[-1], day) - min(days[0], day)).days
        call = "phone_call" in (ev.kind(), item.meeting.kind)
        if gap > (CALL_DAYS if call else SAME_EVENT_DAYS) or span > (CALL_DAYS if call else MAX_EVENT_SPAN):
            continue
        score = (gap, -sim.to_event(item.key, ev), idx)
        if best is None or score < best:
            best = score
    if best is None:
        events.append(_Event(items=[item]))
    else:
        events[best[2]].items.append(item)


def _day_for(item: ArticleMeeting, ev: _Event) -> date | None:
    """The event day that fits the undated meeting's clues, or None when none fits."""
    m = item.meeting
    days = ev.days()
    span = [days[0] + timedelta(days=k) for k in range((days[-1] - days[0]).days + 1)]
    month, day = getattr(m, "month", None), getattr(m, "day", None)
    if month and day:
        hits = [d for d in span if d.month == month and d.day == day]
        return hits[0] if hits else None
    if m.weekday is not None:
        hits = [d for d in span if d.weekday() == m.weekday]
        return hits[0] if hits else None
    return ev.main_day()


def _published_ok(item: ArticleMeeting, day: date) -> bool:
    pub = to_date(item.published)
    if pub is None:
        return True
    if item.meeting.status == "announced":
        return -1 <= (day - pub).days <= 60
    return -60 <= (day - pub).days <= 1


def _link_undated(events: list[_Event], item: ArticleMeeting, sim: _Similarity) -> bool:
    m = item.meeting
    candidates = []
    for idx, ev in enumerate(events):
        if not ev.items or not _city_ok(ev.city(), m.city) or not _kind_ok(ev.kind(), m.kind):
            continue
        day = _day_for(item, ev)
        if day is None or not _published_ok(item, day):
            continue
        score = sim.to_event(item.key, ev) + (0.05 if m.city and ev.city() == m.city else 0.0)
        candidates.append((-score, idx, day))
    if not candidates:
        return False
    candidates.sort()
    neg_score, idx, day = candidates[0]
    has_clue = m.city is not None or m.weekday is not None or getattr(m, "month", None) is not None
    if len(candidates) > 1 and -neg_score < LINK_SIMILARITY and not has_clue:
        return False
    if len(candidates) == 1 and not has_clue and -neg_score < LINK_SIMILARITY:
        return False
    m.date, m.date_basis = day.isoformat(), "linked"
    events[idx].linked.append(item)
    return True


def _group_unlinked(rest: list[ArticleMeeting], sim: _Similarity) -> list[_Event]:
    groups: list[_Event] = []
    for item in rest:
        best: tuple[float, int] | None = None
        for idx, g in enumerate(groups):
            first = g.linked[0].meeting
            if not _city_ok(first.city, item.meeting.city) or not _kind_ok(first.kind, item.meeting.kind):
                continue
            if first.weekday is not None and item.meeting.weekday is not None and first.weekday != item.meeting.weekday:
                continue
            score = sim.to_event(item.key, g)
            if score >= GROUP_SIMILARITY and (best is None or score > best[0]):
                best = (score, idx)
        if best is None:
            groups.append(_Event(linked=[item]))
        else:
            groups[best[1]].linked.append(item)
    return groups


def _clue_rank(item: ArticleMeeting) -> tuple[int, str]:
    m = item.meeting
    if getattr(m, "month", None) and getattr(m, "day", None):
        return 0, item.key
    clues = (m.weekday is not None) + (m.city is not None)
    return 3 - clues, item.key


def _event_id(day: date | None, city: str | None, kind: str | None, keys: list[str]) -> str:
    if day is None:
        digest = hashlib.sha1("\n".join(sorted(keys)).encode("utf-8")).hexdigest()[:10]
        return f"undated_{digest}"
    return f"{day.isoformat()}_{(city or 'unknown').replace(' ', '-')}_{kind or 'meeting'}"


def cluster_meetings(items: list[ArticleMeeting]) -> list[EventGroup]:
    """Events from article meetings, ordered by date (undated last). Undated meetings that are
    linked get ``date`` and ``date_basis='linked'`` set on their Meeting object (in place)."""
    items = sorted(items, key=lambda i: i.key)
    sim = _Similarity(items)
    dated = [i for i in items if to_date(i.meeting.date) and i.meeting.date_basis != "linked"]
    undated = [i for i in items if i not in dated]
    for i in undated:
        if i.meeting.date_basis == "linked":
            i.meeting.date, i.meeting.date_basis = None, None  # re-link from scratch
    events: list[_Event] = []
    for item in sorted(dated, key=lambda i: (i.meeting.date, i.key)):
        _join_dated(events, item, sim)
    # Strongest clues first, so that weaker ones can lean on the articles linked before them.
    rest = [i for i in sorted(undated, key=_clue_rank) if not _link_undated(events, i, sim)]
    events.extend(_group_unlinked(rest, sim))
    return _to_groups(events)


def _to_groups(events: list[_Event]) -> list[EventGroup]:
    groups: list[EventGroup] = []
    seen: Counter = Counter()
    for ev in events:
        members = ev.items + ev.linked
        day = ev.main_day()
        keys = sorted({i.key for i in members})
        gid = _event_id(day, ev.city(), ev.kind(), keys)
        seen[gid] += 1
        if seen[gid] > 1:
            gid = f"{gid}_{seen[gid]}"
        groups.append(EventGroup(id=gid, date=day.isoformat() if day else None, city=ev.city(), kind=ev.kind(),
                                 members=keys, inferred=sorted({i.key for i in ev.linked}),
                                 dates=sorted({i.meeting.date for i in members if i.meeting.date})))
    groups.sort(key=lambda g: (g.date is None, g.date or "", g.id))
    return groups
