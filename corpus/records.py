"""A meeting as a record: everything the corpus holds about one event, assembled for display.

``meeting_record(store, event_id)`` returns a ``MeetingRecord``: the event's date, city, kind and
status; the live articles that report it grouped by outlet (outlets in order of their first
article, articles by publication date), with the first to report it marked (the earliest
publication date; several when they share that day; none when no article is dated); the evidence
sentences; the figures quoted in its articles, each with its sentence; which links were inferred
(the meeting's date taken from other articles); its topics and third leaders; and its English
brief (``corpus.brief``).

``events_with_briefs(store, filters)`` is the events table with a ``brief_en`` column (exports).

Reads go through the store's public methods (``event``, ``events``) plus a few bulk queries of
our own on its engine (publication dates, participants, figures, topics of an event's articles).
Pure Python: no Streamlit.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

import pandas as pd
import sqlalchemy as sa

from .brief import BriefFields, brief_figures, english_brief
from .extract.topics import topic_labels
from .filters import Filters
from .store import schema
from .store.rows import to_date

A, EA, M, F, T, ST = (schema.articles, schema.event_articles, schema.meetings, schema.figures,
                      schema.topics, schema.statements)
_CHUNK = 500


@dataclass(frozen=True)
class RecordArticle:
    article_id: int
    title: str | None
    outlet: str | None
    published: dt.date | None
    url: str | None
    source: str | None
    inferred: bool  # every link of this article to the event was inferred
    first: bool  # among the first to report the meeting
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class OutletGroup:
    outlet: str | None
    articles: tuple[RecordArticle, ...]


@dataclass(frozen=True)
class RecordFigure:
    article_id: int
    outlet: str | None
    published: dt.date | None
    text: str | None
    value: float | None
    value_max: float | None
    unit: str | None
    metric: str | None
    qualifier: str | None
    period: str | None
    sentence: str | None
    currency: str | None = None
    pair: str | None = None


@dataclass(frozen=True)
class Evidence:
    article_id: int
    outlet: str | None
    sentence: str
    inferred: bool


@dataclass(frozen=True)
class RecordStatement:
    """What a leader said in one of the meeting's articles (``corpus.extract.statements``)."""
    article_id: int
    outlet: str | None
    published: dt.date | None
    speaker: str  # putin, aliyev
    mode: str  # direct, reported
    text: str
    sentence: str | None


@dataclass(frozen=True)
class MeetingRecord:
    event_id: int
    key: str | None
    date: dt.date | None
    city: str | None
    kind: str | None
    status: str | None
    outlets: tuple[OutletGroup, ...]
    evidence: tuple[Evidence, ...]
    figures: tuple[RecordFigure, ...]
    topics: tuple[str, ...]
    third_leaders: tuple[str, ...]
    brief_en: str
    first_reported: dt.date | None = None
    statements: tuple[RecordStatement, ...] = ()

    @property
    def articles(self) -> tuple[RecordArticle, ...]:
        return tuple(a for g in self.outlets for a in g.articles)

    @property
    def n_inferred(self) -> int:
        return sum(a.inferred for a in self.articles)


# ---- bulk reads on the store's engine ------------------------------------------------------------

@dataclass
class _Details:
    published: dict[int, dt.date | None] = field(default_factory=dict)
    third_leaders: list[str] = field(default_factory=list)
    article_ids: list[int] = field(default_factory=list)


def _text(value: Any) -> str | None:
    """A text cell of a frame, None when empty or missing (None, NaN)."""
    if value is None or (isinstance(value, float) and value != value) or not str(value).strip():
        return None
    return str(value)


def _chunks(values: Sequence[int]) -> Iterable[list[int]]:
    for i in range(0, len(values), _CHUNK):
        yield list(values[i:i + _CHUNK])


def _details(engine: sa.Engine, event_ids: Sequence[int]) -> dict[int, _Details]:
    """Per event: its live articles' publication dates and the third leaders its meetings name."""
    out: dict[int, _Details] = {int(e): _Details() for e in event_ids}
    with engine.connect() as conn:
        for chunk in _chunks([int(e) for e in event_ids]):
            rows = conn.execute(
                sa.select(EA.c.event_id, EA.c.article_id, A.c.published, M.c.participants)
                .select_from(EA.join(A, A.c.id == EA.c.article_id).outerjoin(
                    M, sa.and_(M.c.article_id == EA.c.article_id, M.c.idx == EA.c.meeting_idx)))
                .where(EA.c.event_id.in_(chunk), A.c.removed_at.is_(None))
                .order_by(EA.c.event_id, A.c.published, EA.c.article_id, EA.c.meeting_idx)).all()
            for r in rows:
                d = out[int(r.event_id)]
                d.published[int(r.article_id)] = to_date(r.published)
                if int(r.article_id) not in d.article_ids:
                    d.article_ids.append(int(r.article_id))
                for name in (r.participants or "").split(","):
                    if name.strip() and name.strip() not in d.third_leaders:
                        d.third_leaders.append(name.strip())
    return out


def _figure_rows(engine: sa.Engine, article_ids: Sequence[int]) -> dict[int, list[dict[str, Any]]]:
    """Figure rows (as dicts, in article order) of each article."""
    out: dict[int, list[dict[str, Any]]] = {int(a): [] for a in article_ids}
    with engine.connect() as conn:
        for chunk in _chunks(sorted({int(a) for a in article_ids})):
            rows = conn.execute(sa.select(F).where(F.c.article_id.in_(chunk))
                                .order_by(F.c.article_id, F.c.idx)).all()
            for r in rows:
                out[int(r.article_id)].append(dict(r._mapping))
    return out


def _statement_rows(engine: sa.Engine, article_ids: Sequence[int]) -> dict[int, list[dict[str, Any]]]:
    """Statement rows of each article, in the article's order."""
    out: dict[int, list[dict[str, Any]]] = {int(a): [] for a in article_ids}
    with engine.connect() as conn:
        for chunk in _chunks(sorted({int(a) for a in article_ids})):
            rows = conn.execute(sa.select(ST).where(ST.c.article_id.in_(chunk))
                                .order_by(ST.c.article_id, ST.c.idx)).all()
            for r in rows:
                out[int(r.article_id)].append(dict(r._mapping))
    return out


def _topic_rows(engine: sa.Engine, article_ids: Sequence[int]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {int(a): [] for a in article_ids}
    with engine.connect() as conn:
        for chunk in _chunks(sorted({int(a) for a in article_ids})):
            rows = conn.execute(sa.select(T.c.article_id, T.c.topic).where(T.c.article_id.in_(chunk))
                                .order_by(T.c.article_id, T.c.topic)).all()
            for r in rows:
                out[int(r.article_id)].append(str(r.topic))
    return out


def _ordered_topics(per_article: Iterable[list[str]]) -> tuple[str, ...]:
    """Topics of the articles: most articles first, then in topics.yaml order."""
    counts: dict[str, int] = {}
    for topics in per_article:
        for t in dict.fromkeys(topics):
            counts[t] = counts.get(t, 0) + 1
    order = {t: i for i, t in enumerate(topic_labels("en"))}
    return tuple(sorted(counts, key=lambda t: (-counts[t], order.get(t, len(order)), t)))


def _sort_key(published: dt.date | None, article_id: int) -> tuple[int, dt.date, int]:
    return (published is None, published or dt.date.max, article_id)


# ---- the record -----------------------------------------------------------------------------------

def meeting_record(store: Any, event_id: int) -> MeetingRecord | None:
    """Everything about one meeting event, or None when there is no such event."""
    event = store.event(int(event_id))
    if event is None:
        return None
    details = _details(store.engine, [int(event_id)])[int(event_id)]
    published = details.published
    links: dict[int, dict[str, Any]] = {}
    for item in event.get("articles") or []:
        aid = int(item["article_id"])
        link = links.setdefault(aid, {**item, "inferred_all": True, "evidence": []})
        link["inferred_all"] = link["inferred_all"] and bool(item.get("inferred"))
        sentence = (item.get("evidence") or "").strip()
        if sentence and sentence not in link["evidence"]:
            link["evidence"].append(sentence)
    ids = sorted(links, key=lambda a: _sort_key(published.get(a), a))
    dated = [d for d in (published.get(a) for a in ids) if d is not None]
    first_day = min(dated) if dated else None

    articles = [RecordArticle(
        article_id=a, title=links[a].get("title"), outlet=links[a].get("outlet"),
        published=published.get(a), url=links[a].get("url") or None, source=links[a].get("source"),
        inferred=bool(links[a]["inferred_all"]),
        first=first_day is not None and published.get(a) == first_day,
        evidence=tuple(links[a]["evidence"])) for a in ids]
    groups: dict[str | None, list[RecordArticle]] = {}
    for art in articles:
        groups.setdefault(art.outlet, []).append(art)
    outlets = tuple(OutletGroup(o, tuple(items)) for o, items in groups.items())
    evidence = tuple(Evidence(a.article_id, a.outlet, s, a.inferred) for a in articles for s in a.evidence)

    figure_rows = _figure_rows(store.engine, ids)
    figures = tuple(RecordFigure(
        article_id=a, outlet=links[a].get("outlet"), published=published.get(a),
        text=r.get("text"), value=r.get("value"), value_max=r.get("value_max"), unit=r.get("unit"),
        metric=r.get("metric"), qualifier=r.get("qualifier"), period=r.get("period"),
        sentence=r.get("sentence"), currency=r.get("currency"), pair=r.get("pair"))
        for a in ids for r in figure_rows.get(a, []))
    statement_rows = _statement_rows(store.engine, ids)
    statements = tuple(RecordStatement(
        article_id=a, outlet=links[a].get("outlet"), published=published.get(a), speaker=str(r["speaker"]),
        mode=str(r["mode"]), text=str(r["text"]), sentence=r.get("sentence"))
        for a in ids for r in statement_rows.get(a, []))
    topics = _ordered_topics(_topic_rows(store.engine, ids).values())
    date = to_date(event.get("date"))
    brief = english_brief(BriefFields(
        date=date, city=event.get("city"), kind=event.get("kind"), status=event.get("status"),
        third_leaders=tuple(details.third_leaders),
        figures=brief_figures(r for a in ids for r in figure_rows.get(a, [])), topics=topics))
    return MeetingRecord(
        event_id=int(event["id"]), key=event.get("key"), date=date, city=event.get("city"),
        kind=event.get("kind"), status=event.get("status"), outlets=outlets, evidence=evidence,
        figures=figures, topics=topics, third_leaders=tuple(details.third_leaders), brief_en=brief,
        first_reported=first_day, statements=statements)


def event_briefs(store: Any, events: pd.DataFrame) -> list[str]:
    """The English brief of each row of an events frame (id, date, city, kind, status), in order;
    a few bulk queries whatever the number of events."""
    if events.empty:
        return []
    event_ids = [int(e) for e in events["id"]]
    details = _details(store.engine, event_ids)
    article_ids = sorted({a for d in details.values() for a in d.article_ids})
    figure_rows = _figure_rows(store.engine, article_ids)
    topic_rows = _topic_rows(store.engine, article_ids)
    briefs = []
    for row in events.itertuples(index=False):
        d = details[int(row.id)]
        ids = sorted(d.article_ids, key=lambda a: _sort_key(d.published.get(a), a))
        briefs.append(english_brief(BriefFields(
            date=to_date(row.date), city=_text(row.city), kind=_text(row.kind),
            status=_text(row.status), third_leaders=tuple(d.third_leaders),
            figures=brief_figures(r for a in ids for r in figure_rows.get(a, [])),
            topics=_ordered_topics(topic_rows.get(a, []) for a in ids))))
    return briefs


def events_with_briefs(store: Any, filters: Filters | None = None) -> pd.DataFrame:
    """``store.events(filters)`` with a ``brief_en`` column (the events export)."""
    frame = store.events(filters).copy()
    frame["brief_en"] = event_briefs(store, frame)
    return frame
