"""Events: the meetings of all live articles grouped (``extract.events.cluster_meetings``) and
stored as derived data, with ids kept across regroupings so that links to an event keep working.

Events are regrouped lazily: writers only bump the corpus version, and the next reader regroups
(``ensure_events``) when the stored grouping is older than the corpus.
"""
from __future__ import annotations

import datetime as dt
import logging
from collections import Counter
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from ..extract.events import ArticleMeeting, DayIndex, cluster_meetings
from ..models import Meeting
from . import schema
from .engine import StoreBase, is_read_only_error
from .rows import to_date, to_iso

A, S, M, C = schema.articles, schema.sources, schema.meetings, schema.corrections
E, EA = schema.events, schema.event_articles

EVENT_TEXT_CHARS = 3000  # of each article, for the clustering's text similarity
# meta key counting the groupings stored: a regrouping at the same corpus version (``rebuild_events``
# called again, by the CLI or after a code change) changes events and dates but not the versions.
EVENTS_GENERATION = "events_generation"
_LOG = logging.getLogger("corpus.store")


@dataclass
class _EventGroup:
    date: dt.date | None
    city: str | None
    kind: str | None
    status: str | None
    members: list[tuple[int, int, bool]]  # (article_id, meeting idx, date inferred)
    key: str | None = None  # the clustering's own id (date_city_kind)


def _meeting_items(conn: sa.Connection) -> list[dict[str, Any]]:
    """Every meeting of every live article, with what clustering needs to know."""
    first_source = (sa.select(S.c.source).where(S.c.article_id == A.c.id)
                    .order_by(S.c.id).limit(1).scalar_subquery())
    rows = conn.execute(
        sa.select(M.c.article_id, M.c.idx, M.c.date, M.c.date_basis, M.c.city, M.c.kind, M.c.status,
                  M.c.evidence, M.c.weekday, M.c.month, M.c.day, M.c.participants, M.c.primary,
                  A.c.published, A.c.title,
                  first_source.label("source"))
        .join(A, A.c.id == M.c.article_id).where(A.c.removed_at.is_(None))
        .order_by(M.c.article_id, M.c.idx)).all()
    texts: dict[int, str] = {
        row[0]: row[1] for row in conn.execute(sa.select(A.c.id, sa.func.substr(A.c.clean_text, 1, EVENT_TEXT_CHARS))
                                               .where(A.c.removed_at.is_(None), sa.exists().where(
                                                   M.c.article_id == A.c.id, M.c.primary.is_(True))))}
    return [{**row._mapping, "date": to_date(row.date), "published": to_date(row.published),
             "text": texts.get(row.article_id, "")} for row in rows]


def _cluster(items: list[dict[str, Any]], index_type: type[DayIndex] = DayIndex) -> list[_EventGroup]:
    """Each article's main meeting goes to ``extract.events.cluster_meetings``, keyed by article id
    (``index_type=EveryEvent``: the all-pairs reference, for benchmarks)."""
    main: dict[str, dict[str, Any]] = {}
    for it in items:
        key = str(it["article_id"])
        if it["primary"] and key not in main:
            main[key] = it
    inputs = [ArticleMeeting(key=key, meeting=Meeting(
        date=to_iso(it["date"]), city=it["city"], kind=it["kind"], status=it["status"],
        evidence=it["evidence"] or "", date_basis=it["date_basis"], weekday=it["weekday"],
        month=it["month"], day=it["day"],
        participants=tuple(filter(None, (it["participants"] or "").split(",")))),
        published=it["published"], text=f"{it['title'] or ''}\n{it['text'] or ''}")
        for key, it in main.items()]
    groups = []
    for g in cluster_meetings(inputs, index_type):
        members = [main[k] for k in g.members if k in main]
        inferred = set(g.inferred)
        status = "held" if any(m["status"] == "held" for m in members) else (
            members[0]["status"] if members else None)
        groups.append(_EventGroup(to_date(g.date), g.city, g.kind, status,
                                  [(m["article_id"], m["idx"], str(m["article_id"]) in inferred)
                                   for m in members], key=g.id))
    return groups


def _event_corrections(conn: sa.Connection) -> list[tuple[int, dict[str, Any]]]:
    """Editors' groupings (field "event"), the latest per live article, in the order made."""
    rows = conn.execute(sa.select(C.c.id, C.c.article_id, C.c.value).join(A, A.c.id == C.c.article_id)
                        .where(C.c.field == "event", A.c.removed_at.is_(None)).order_by(C.c.id)).all()
    latest: dict[int, tuple[int, Any]] = {r.article_id: (r.id, r.value) for r in rows}
    return [(aid, value) for aid, (_, value) in sorted(latest.items(), key=lambda kv: kv[1][0])
            if isinstance(value, dict)]


def _apply_groupings(groups: list[_EventGroup], items: list[dict[str, Any]],
                     corrections: list[tuple[int, dict[str, Any]]]) -> list[_EventGroup]:
    """Editors' merges and splits over the automatic grouping: an article "alone" becomes an event
    of its own (its meeting's own date, city and kind), then one "with" another joins that
    article's event. Members placed by an editor are not marked inferred."""
    main = {it["article_id"]: it for it in items if it["primary"]}
    where: dict[int, _EventGroup] = {a: g for g in groups for a, _, _ in g.members}

    def take_out(article_id: int) -> tuple[int, int, bool] | None:
        group = where.pop(article_id, None)
        if group is None:
            return None
        member = next(m for m in group.members if m[0] == article_id)
        group.members.remove(member)
        return member

    for article_id, value in corrections:
        if article_id not in main:
            continue
        if value.get("alone"):
            member = take_out(article_id)
            it = main[article_id]
            group = _EventGroup(it["date"], it["city"], it["kind"], it["status"],
                                [(article_id, member[1] if member else it["idx"], False)])
            groups.append(group)
            where[article_id] = group
        elif isinstance(value.get("with"), int) and value["with"] in where and value["with"] != article_id:
            target = where[value["with"]]
            member = take_out(article_id)
            target.members.append((article_id, member[1] if member else main[article_id]["idx"], False))
            where[article_id] = target
    return [g for g in groups if g.members]


def _assign_ids(conn: sa.Connection, groups: list[_EventGroup]) -> list[int | None]:
    """Keep an event's id across rebuilds when it keeps most of its members (shareable links)."""
    old: dict[tuple[int, int], int] = {(r.article_id, r.meeting_idx): r.event_id
                                       for r in conn.execute(sa.select(EA)).all()}
    taken: set[int] = set()
    ids: list[int | None] = []
    for group in groups:
        votes = Counter(old[(a, i)] for a, i, _ in group.members if (a, i) in old)
        chosen = next((eid for eid, _ in votes.most_common() if eid not in taken), None)
        if chosen is not None:
            taken.add(chosen)
        ids.append(chosen)
    return ids


def meta_values(conn: sa.Connection, more: tuple[str, ...] = ()) -> dict[str, str]:
    """The corpus and events versions (and the ``more`` keys) from ``meta``, in one query."""
    meta = schema.meta
    return dict(conn.execute(sa.select(meta.c.key, meta.c.value).where(
        meta.c.key.in_(("corpus_version", "events_version", *more)))).tuples().all())


def stamp_of(values: dict[str, str]) -> tuple[int, int]:
    return int(values.get("corpus_version") or 0), int(values.get("events_version", -1))


def versions(conn: sa.Connection) -> tuple[int, int]:
    """(corpus version, version the events were grouped at; -1: never), in one query."""
    return stamp_of(meta_values(conn))


def _corpus_version(conn: sa.Connection) -> int:
    value = conn.execute(sa.select(schema.meta.c.value).where(schema.meta.c.key == "corpus_version")).scalar()
    return int(value or 0)


def _events_version(conn: sa.Connection) -> int:
    value = conn.execute(sa.select(schema.meta.c.value).where(schema.meta.c.key == "events_version")).scalar()
    return -1 if value is None else int(value)


def events_generation(conn: sa.Connection) -> int:
    """How many groupings were stored (0 before the first, or before this count was kept)."""
    value = conn.execute(sa.select(schema.meta.c.value).where(schema.meta.c.key == EVENTS_GENERATION)).scalar()
    return int(value or 0)


def _set_meta(conn: sa.Connection, key: str, value: str) -> None:
    updated = conn.execute(schema.meta.update().where(schema.meta.c.key == key).values(value=value)).rowcount
    if not updated:
        conn.execute(schema.meta.insert().values(key=key, value=value))


def _set_events_version(conn: sa.Connection, version: int) -> None:
    """Record a stored grouping: the corpus version it was made from, and one more generation."""
    _set_meta(conn, "events_version", str(version))
    _set_meta(conn, EVENTS_GENERATION, str(events_generation(conn) + 1))


def _store_events(conn: sa.Connection, groups: list[_EventGroup]) -> int:
    ids = _assign_ids(conn, groups)
    conn.execute(EA.delete())
    conn.execute(E.delete())
    links: list[dict[str, Any]] = []
    event_dates: dict[tuple[int, int], dt.date | None] = {}
    # Kept ids first: SQLite hands freed rowids to new rows, which would clash with a kept id;
    # PostgreSQL's sequence is moved past them before any new row takes a number from it.
    ordered = sorted(zip(groups, ids), key=lambda pair: pair[1] is None)
    sequence_moved = conn.dialect.name != "postgresql"
    for group, event_id in ordered:
        values = {"date": group.date, "city": group.city, "kind": group.kind, "status": group.status,
                  "key": group.key}
        if event_id is not None:
            conn.execute(E.insert().values(id=event_id, **values))
        else:
            if not sequence_moved:
                _move_event_sequence(conn)
                sequence_moved = True
            event_id = conn.execute(E.insert().values(**values)).inserted_primary_key[0]
        seen: set[tuple[int, int]] = set()
        for article_id, idx, inferred in group.members:
            if (article_id, idx) not in seen:
                seen.add((article_id, idx))
                links.append({"event_id": event_id, "article_id": article_id, "meeting_idx": idx,
                              "inferred": bool(inferred)})
                event_dates[(article_id, idx)] = group.date
    if links:
        conn.execute(EA.insert(), links)
    if not sequence_moved:
        _move_event_sequence(conn)
    _refresh_meeting_dates(conn, event_dates)
    return len(groups)


def _move_event_sequence(conn: sa.Connection) -> None:
    """PostgreSQL: explicit ids do not advance the sequence; move it past the largest id."""
    conn.exec_driver_sql("SELECT setval(pg_get_serial_sequence('events', 'id'), "
                         "COALESCE((SELECT MAX(id) FROM events), 0) + 1, false)")


def _refresh_meeting_dates(conn: sa.Connection, event_dates: dict[tuple[int, int], dt.date | None]) -> None:
    """Articles whose main meeting has no written date take their event's date (shown as inferred)."""
    rows = conn.execute(sa.select(A.c.id, A.c.published, A.c.meeting_date, A.c.sort_date, M.c.idx, M.c.date)
                        .join(M, M.c.article_id == A.c.id).where(M.c.primary.is_(True))
                        .order_by(A.c.id, M.c.idx)).all()
    updates: list[dict[str, Any]] = []
    done: set[int] = set()
    for r in rows:
        if r.id in done:
            continue
        done.add(r.id)
        date = to_date(r.date) or event_dates.get((r.id, r.idx))
        sort_date = date or to_date(r.published)
        if date != to_date(r.meeting_date) or sort_date != to_date(r.sort_date):
            updates.append({"aid": r.id, "md": date, "sd": sort_date})
    if updates:
        conn.execute(A.update().where(A.c.id == sa.bindparam("aid"))
                     .values(meeting_date=sa.bindparam("md"), sort_date=sa.bindparam("sd")), updates)


class Events(StoreBase):
    """Grouping meetings into events, on demand."""

    def rebuild_events(self) -> int:
        """Group the meetings of all live articles into events (``events.cluster_meetings``).

        Events are derived data: clustering runs outside the write lock on a snapshot, and the
        result is stored with the corpus version it was computed from (``events_version``). A
        result older than the stored one is dropped; one older than the corpus is stored and
        redone by the next ``ensure_events``.
        """
        with self.engine.connect() as conn:
            version = _corpus_version(conn)
            items = _meeting_items(conn)
            corrections = _event_corrections(conn)
        groups = _apply_groupings(_cluster(items), items, corrections)

        def write(conn: sa.Connection) -> int:
            if _events_version(conn) > version:
                return len(groups)  # a newer snapshot is already stored
            stored = _store_events(conn, groups)
            _set_events_version(conn, version)
            return stored
        # No version bump: events follow from the corpus version they were grouped at, and
        # version() regroups before it answers, so caches keyed by it never see stale events.
        return self._transact(write, bump=False)

    def ensure_events(self) -> bool:
        """Regroup events when writes happened since they were last grouped; True if it did.

        Writers only bump the corpus version, so a burst of uploads costs one regrouping, done
        by the next reader, instead of one per upload under the write lock.
        """
        with self.engine.connect() as conn:
            corpus, events = versions(conn)
        if events >= corpus:
            return False
        try:
            self.rebuild_events()
        except sa.exc.DBAPIError as exc:
            if not is_read_only_error(exc):
                raise
            # A read-only database (a file without write permission, a read-only replica) is
            # still readable: serve the events as last grouped rather than fail every page.
            _LOG.warning("events are stale and the database is read-only; showing them as last "
                         "grouped (%s)", str(exc.orig).splitlines()[0] if exc.orig else exc)
            return False
        return True
