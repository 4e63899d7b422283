"""Group article meetings into events (one per real meeting) and date the undated ones.

Dated meetings join an event when the city agrees (or one side does not know it), the kind
agrees (a phone call is never an in-person meeting) and the day is within a couple of days
(a two-day visit is reported on both days; a trilateral summit and the bilateral on its
sidelines are one event). Undated meetings (only a weekday, a day-month without year, or
nothing) are linked to the dated event that fits their city, kind, weekday or day-month and
whose articles share the most distinctive words with them; the link is marked inferred and the
meeting gets ``date_basis='linked'`` and the event's day. Meetings that fit no dated event are
grouped with similar undated ones. Everything is deterministic (items are processed by key).

Scale: events are indexed by the days they cover, so a dated meeting is compared only with events
within two days and an undated one only with events near its publication date; each event keeps
its days, city and kind counts up to date as members join; word vectors are built on first use and
text similarity is computed only to break ties. 100k meetings cluster in seconds.
"""
from __future__ import annotations

import hashlib
import math
from bisect import insort
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from ..models import Meeting
from ..normalize import strip_clitics, tokens
from .dates import safe_date, to_date
from .forums import lead_forums
from .datelines import dateline_month_day

Day = date  # an alias the dataclasses below can use beside their own "date" fields

# Two dated reports of one meeting are at most this many days apart (multi-day visits).
SAME_EVENT_DAYS = 2
# An event never spans more than this many days.
MAX_EVENT_SPAN = 3
# A phone call happens on one day: reports may differ by one (time zones, "أمس" slips), no more.
CALL_DAYS = 1
# Minimum text similarity to link an undated meeting when its clues leave several events.
LINK_SIMILARITY = 0.05
# Without a day-month or a publication date, every dated event of the corpus is a candidate:
# the text must then resemble the event's articles this closely, less when it agrees with the
# event on its city or on a kind rarer than talks, less again on both. The weekday the text
# names, with one of those, narrows it as much as a publication date does (city and kind alone
# do not: summits come back to the same capitals, and so do their third leaders).
LOOSE_LINK_SIMILARITY = 0.3
ONE_CLUE_LINK_SIMILARITY = 0.15
CLUE_LINK_SIMILARITY = 0.1
DISTINCT_KINDS = ("visit", "multilateral_summit")
# The best event's similarity must exceed the next one's (on another day) by this much.
LINK_MARGIN = 0.05
# Similarity bonus for an event whose city the meeting names too, and for one whose articles name
# a third leader the meeting names (these only rank; the thresholds are on the text alone).
CITY_BONUS = 0.05
THIRD_LEADER_BONUS = 0.1
# Minimum text similarity to group two undated meetings with each other.
GROUP_SIMILARITY = 0.15
# ... or this much when they name the same city and the same kind rarer than talks (grouping
# gives no date, so it may lean on weaker evidence than linking).
CLUE_GROUP_SIMILARITY = 0.1
# Articles of an event compared with a candidate (bounds the cost on large corpora).
MAX_COMPARED = 40
IN_PERSON = ("visit", "talks", "multilateral_summit")


@dataclass
class ArticleMeeting:
    key: str  # the article's identity (source name)
    meeting: Meeting
    published: str | date | None = None
    text: str = ""  # article text, for similarity when linking undated meetings
    _forums: frozenset[str] | None = field(default=None, init=False, repr=False, compare=False)
    _dateline: tuple[int, int] | None | bool = field(default=False, init=False, repr=False, compare=False)

    @property
    def dateline(self) -> tuple[int, int] | None:
        """(month, day) of a year-less dateline opening the text ("باكو، 8 أغسطس (أذرتاج)"), read
        once, on first use."""
        if self._dateline is False:
            self._dateline = dateline_month_day(self.text)
        return self._dateline if isinstance(self._dateline, tuple) else None

    @property
    def forums(self) -> frozenset[str]:
        """Organisations whose summit the article's lead names (computed once, on first use)."""
        if self._forums is None:
            self._forums = lead_forums(self.text)
        return self._forums


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
    def first_date(self) -> Day | None:
        return to_date(min(self.dates)) if self.dates else None

    @property
    def last_date(self) -> Day | None:
        return to_date(max(self.dates)) if self.dates else None


@dataclass
class _Event:
    """An event being built; days, city and kind counts are cached and updated on each add."""
    items: list[ArticleMeeting] = field(default_factory=list)
    linked: list[ArticleMeeting] = field(default_factory=list)
    _days: list[date] = field(default_factory=list)
    _cities: Counter = field(default_factory=Counter)
    _kinds: Counter = field(default_factory=Counter)
    _participants: Counter = field(default_factory=Counter)
    _forums: tuple[int, frozenset[str]] = (0, frozenset())  # (members counted, their organisations)

    def __post_init__(self) -> None:
        for i in self.items:
            self._count(i, dated=True)
        for i in self.linked:
            self._count(i, dated=False)

    def _count(self, item: ArticleMeeting, dated: bool) -> None:
        m = item.meeting
        if m.city:
            self._cities[m.city] += 1
        if m.kind:
            self._kinds[m.kind] += 1
        for name in getattr(m, "participants", ()):
            self._participants[name] += 1
        day = to_date(m.date) if dated else None
        if day is not None and day not in self._days:
            insort(self._days, day)

    def add(self, item: ArticleMeeting, linked: bool = False) -> None:
        (self.linked if linked else self.items).append(item)
        self._count(item, dated=not linked)

    def days(self) -> list[date]:
        return self._days

    def city(self) -> str | None:
        return _most_common(self._cities)

    def participants(self) -> set[str]:
        """Third leaders any of its articles name."""
        return set(self._participants)

    def forums(self) -> frozenset[str]:
        """Organisations named in the leads of its articles (recounted only when members join)."""
        members = len(self.items) + len(self.linked)
        if self._forums[0] != members:
            self._forums = (members, frozenset().union(*(i.forums for i in self.items + self.linked)))
        return self._forums[1]

    def kind(self) -> str | None:
        if self._kinds.get("multilateral_summit"):
            return "multilateral_summit"
        return _most_common(self._kinds)

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


def _forums_ok(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two reports can be of one summit unless their leads name different organisations."""
    return not a or not b or bool(a & b)


def _participants_ok(a: set[str], b: set[str]) -> bool:
    """Two reports can be of one gathering unless each names other leaders and none in common
    (a Tehran summit with Ahmadinejad is not the one with Rouhani)."""
    return not a or not b or bool(a & b)


def _kind_ok(a: str | None, b: str | None) -> bool:
    if a in (None, "other") or b in (None, "other"):
        return True
    return (a == "phone_call") == (b == "phone_call")


# ---------------------------------------------------------------- similarity

def _bag(text: str, stems: dict[str, str]) -> Counter:
    """Word counts of ``text``; ``stems`` caches strip_clitics per token (news vocabularies repeat)."""
    bag: Counter = Counter()
    for tok, count in Counter(tokens(text)).items():
        word = stems.get(tok)
        if word is None:
            word = stems[tok] = strip_clitics(tok)
        if len(word) >= 3 and not word.isdigit():
            bag[word] += count
    return bag


class _Similarity:
    def __init__(self, items: list[ArticleMeeting]):
        stems: dict[str, str] = {}
        self.bags = {i.key: _bag(i.text, stems) for i in items}
        df = Counter(w for bag in self.bags.values() for w in bag)
        n = max(len(self.bags), 1)
        self.idf = {w: math.log((n + 1) / (c + 0.5)) for w, c in df.items()}
        self.vectors: dict[str, dict[str, float]] = {}  # built on first use: most items never need one

    def _vector(self, bag: Counter) -> dict[str, float]:
        vec = {w: (1 + math.log(c)) * self.idf.get(w, 0.0) for w, c in bag.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        return {w: v / norm for w, v in vec.items()}

    def vector(self, key: str) -> dict[str, float]:
        vec = self.vectors.get(key)
        if vec is None:
            vec = self.vectors[key] = self._vector(self.bags.get(key, Counter()))
        return vec

    def pair(self, a: str, b: str) -> float:
        va, vb = self.vector(a), self.vector(b)
        return sum(va[w] * vb[w] for w in va.keys() & vb.keys())

    def to_event(self, key: str, event: _Event) -> float:
        members = [i.key for i in event.items + event.linked if i.key != key][:MAX_COMPARED]
        return max((self.pair(key, m) for m in members), default=0.0)


# ---------------------------------------------------------------- clustering

class DayIndex:
    """Events by each day they cover, so a meeting is compared only with events near its day."""

    def __init__(self) -> None:
        self.by_day: dict[date, set[int]] = defaultdict(set)

    def add(self, idx: int, days: list[date]) -> None:
        for d in days:
            self.by_day[d].add(idx)

    def near(self, day: date, radius: int) -> set[int]:
        found: set[int] = set()
        for k in range(-radius, radius + 1):
            found |= self.by_day.get(day + timedelta(days=k), set())
        return found


class EveryEvent(DayIndex):
    """The all-pairs reference (tests, benchmarks): every event counts as near every day, so each
    meeting is compared with every event so far. ``cluster_meetings`` must give the same result."""

    def near(self, day: date, radius: int) -> set[int]:
        return set().union(*self.by_day.values())


def _join_dated(events: list[_Event], item: ArticleMeeting, sim: _Similarity, index: DayIndex) -> None:
    day = to_date(item.meeting.date)
    assert day is not None, "only dated meetings join by date"
    fits: list[tuple[int, int]] = []  # (gap, idx)
    for idx in index.near(day, SAME_EVENT_DAYS):
        ev = events[idx]
        days = ev.days()
        if not _city_ok(ev.city(), item.meeting.city) or not _kind_ok(ev.kind(), item.meeting.kind):
            continue
        gap = min(abs((day - d).days) for d in days)
        span = (max(days[-1], day) - min(days[0], day)).days
        call = "phone_call" in (ev.kind(), item.meeting.kind)
        if gap > (CALL_DAYS if call else SAME_EVENT_DAYS) or span > (CALL_DAYS if call else MAX_EVENT_SPAN):
            continue
        fits.append((gap, idx))
    if not fits:
        events.append(_Event(items=[item]))
        index.add(len(events) - 1, [day])
        return
    closest = min(gap for gap, _ in fits)
    tied = sorted(idx for gap, idx in fits if gap == closest)
    # Text similarity only breaks ties between equally close events (it is the costly part).
    best = tied[0] if len(tied) == 1 else min(tied, key=lambda i: (-sim.to_event(item.key, events[i]), i))
    events[best].add(item)
    index.add(best, [day])


def _day_for(item: ArticleMeeting, ev: _Event) -> date | None:
    """The event day that fits the undated meeting's clues, or None when none fits."""
    m = item.meeting
    days = ev.days()
    # A state visit begins with the arrival, often the evening before the first dated talks.
    first = days[0] - timedelta(days=1) if m.kind == "visit" else days[0]
    span = [first + timedelta(days=k) for k in range((days[-1] - first).days + 1)]
    month, day = getattr(m, "month", None), getattr(m, "day", None)
    if month and day:
        hits = [d for d in span if d.month == month and d.day == day]
        return hits[0] if hits else None
    if m.weekday is not None:
        hits = [d for d in span if d.weekday() == m.weekday and _within_dateline_week(item, d)]
        return hits[0] if hits else None
    return ev.main_day()


# "باكو، 8 أغسطس … أجرى الرئيسان يوم الاثنين محادثات": a weekday told under a dateline is a day of
# the dateline's week, before it for an encounter held, after it for one announced.
DATELINE_WEEK = 6


def _within_dateline_week(item: ArticleMeeting, day: date) -> bool:
    dateline = item.dateline
    if dateline is None:
        return True
    for year in (day.year - 1, day.year, day.year + 1):
        written = safe_date(year, *dateline)
        if written is None:
            continue
        ahead = (day - written).days if item.meeting.status == "announced" else (written - day).days
        if 0 <= ahead <= DATELINE_WEEK:
            return True
    return False


def _published_ok(item: ArticleMeeting, day: date) -> bool:
    pub = to_date(item.published)
    if pub is None:
        return True
    if item.meeting.status == "announced":
        return -1 <= (day - pub).days <= 60
    return -60 <= (day - pub).days <= 1


# Linked days lie within this many days of the publication date (see _published_ok).
PUBLISHED_WINDOW = 60


def _link_candidates(events: list[_Event], item: ArticleMeeting, index: DayIndex) -> list[int]:
    """Indexes of dated events that may hold the meeting: near its publication date when known."""
    pub = to_date(item.published)
    if pub is None:
        return [idx for idx, ev in enumerate(events) if ev.items]
    return sorted(index.near(pub, PUBLISHED_WINDOW + MAX_EVENT_SPAN + 1))


def _clue_bonus(m: Meeting, ev: _Event) -> float:
    """Ranking bonus of an event that names the meeting's city or one of its third leaders."""
    city = CITY_BONUS if m.city and ev.city() == m.city else 0.0
    return city + (THIRD_LEADER_BONUS if set(m.participants) & ev.participants() else 0.0)


def _link_threshold(m: Meeting, ev: _Event, narrowed: bool) -> float:
    """How similar an undated meeting's text must be to the event's articles to take its day."""
    same_city = m.city is not None and ev.city() == m.city
    same_kind = m.kind in DISTINCT_KINDS and ev.kind() == m.kind
    if getattr(m, "month", None) and getattr(m, "day", None) and (same_city or same_kind):
        return 0.0  # the same day and month in the same city: the text need not say more
    if narrowed or ((same_city or same_kind) and m.weekday is not None):
        return LINK_SIMILARITY
    if same_city and same_kind:
        return CLUE_LINK_SIMILARITY
    return ONE_CLUE_LINK_SIMILARITY if same_city or same_kind else LOOSE_LINK_SIMILARITY


def _link_undated(events: list[_Event], item: ArticleMeeting, sim: _Similarity, index: DayIndex) -> bool:
    """Link an undated meeting to the dated event that fits what its text says. A wrong date is
    worse than none: without a day-month or a publication date to narrow the candidates the text
    must resemble the event's articles closely, and the best event must stand clear of the next."""
    m = item.meeting
    candidates = []
    for idx in _link_candidates(events, item, index):
        ev = events[idx]
        if not ev.items or not _city_ok(ev.city(), m.city) or not _kind_ok(ev.kind(), m.kind):
            continue
        if not _forums_ok(ev.forums(), item.forums) or not _participants_ok(ev.participants(), set(m.participants)):
            continue
        day = _day_for(item, ev)
        if day is None or not _published_ok(item, day):
            continue
        candidates.append((idx, day))
    if not candidates:
        return False
    if len(candidates) > 1 and m.weekday is not None:
        # "الخميس 7 أكتوبر" and an event on 7 October of several years: the weekday picks the
        # year (alone it may be a source's slip, so it only narrows a choice).
        agreeing = [(idx, day) for idx, day in candidates if day.weekday() == m.weekday]
        candidates = agreeing or candidates
    narrowed = bool(getattr(m, "month", None) and getattr(m, "day", None)) or to_date(item.published) is not None
    similarity = {idx: sim.to_event(item.key, events[idx]) for idx, _ in candidates}
    scored = sorted(((similarity[idx] + _clue_bonus(m, events[idx]), idx, day) for idx, day in candidates),
                    key=lambda c: (-c[0], c[1]))
    best, idx, day = scored[0]
    need = _link_threshold(m, events[idx], narrowed)
    if similarity[idx] < need:  # the thresholds are on the text alone; the city bonus only ranks
        return False
    if len(scored) > 1 and scored[1][2] != day and best - scored[1][0] < LINK_MARGIN:
        return False  # two events fit about as well: no day is better than a guess
    m.date, m.date_basis = day.isoformat(), "linked"
    events[idx].add(item, linked=True)
    return True


def _same_place_and_kind(a: Meeting, b: Meeting) -> bool:
    """Both name the same city and the same kind rarer than talks (a summit in Tehran)."""
    return a.city is not None and a.city == b.city and a.kind in DISTINCT_KINDS and a.kind == b.kind


def _group_unlinked(rest: list[ArticleMeeting], sim: _Similarity) -> list[_Event]:
    """Undated meetings that fit no dated event, grouped with each other. They stay undated and
    are not inferred links (nothing was inferred for them)."""
    groups: list[_Event] = []
    for item in rest:
        best: tuple[float, int] | None = None
        for idx, g in enumerate(groups):
            first = g.items[0].meeting
            if not _city_ok(first.city, item.meeting.city) or not _kind_ok(first.kind, item.meeting.kind):
                continue
            if first.weekday is not None and item.meeting.weekday is not None and first.weekday != item.meeting.weekday:
                continue
            if not _forums_ok(g.forums(), item.forums):
                continue
            score = sim.to_event(item.key, g)
            need = CLUE_GROUP_SIMILARITY if _same_place_and_kind(first, item.meeting) else GROUP_SIMILARITY
            if score >= need and (best is None or score > best[0]):
                best = (score, idx)
        if best is None:
            groups.append(_Event(items=[item]))
        else:
            groups[best[1]].add(item)
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


def cluster_meetings(items: list[ArticleMeeting], index_type: type[DayIndex] = DayIndex) -> list[EventGroup]:
    """Events from article meetings, ordered by date (undated last). Undated meetings that are
    linked get ``date`` and ``date_basis='linked'`` set on their Meeting object (in place).
    ``index_type=EveryEvent`` compares every meeting with every event (the slow reference)."""
    items = sorted(items, key=lambda i: i.key)
    sim = _Similarity(items)
    dated = [i for i in items if to_date(i.meeting.date) and i.meeting.date_basis != "linked"]
    dated_ids = {id(i) for i in dated}
    undated = [i for i in items if id(i) not in dated_ids]
    for i in undated:
        if i.meeting.date_basis == "linked":
            i.meeting.date, i.meeting.date_basis = None, None  # re-link from scratch
    events: list[_Event] = []
    index = index_type()
    for item in sorted(dated, key=lambda i: (i.meeting.date, i.key)):
        _join_dated(events, item, sim, index)
    # Strongest clues first, so that weaker ones can lean on the articles linked before them.
    rest = [i for i in sorted(undated, key=_clue_rank) if not _link_undated(events, i, sim, index)]
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
