"""Human corrections: checked on the way in, recorded, applied, and re-applied after every
``reprocess`` (the latest correction of each field wins)."""
from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from ..search import index_string
from . import migrations, schema
from .engine import StoreBase
from .rows import (clean_json, figure_from_dict, figure_rows, meeting_from_dict, meeting_rows, to_date,
                   utc_now)
from .writes import log_action, refresh_main_meeting

A, M, F, T, C = schema.articles, schema.meetings, schema.figures, schema.topics, schema.corrections
EA = schema.event_articles

CORRECTABLE = ("title", "outlet", "published", "meetings", "figures", "topics", "event")


def validate_correction(field_name: str, value: Any) -> Any:
    if field_name not in CORRECTABLE:
        raise ValueError(f"cannot correct {field_name!r}; correctable: {', '.join(CORRECTABLE)}")
    if field_name in ("title", "outlet"):
        if value is not None and not isinstance(value, str):
            raise ValueError(f"{field_name} must be text")
        return value.strip() if isinstance(value, str) else None
    if field_name == "published":
        if value in (None, ""):
            return None
        parsed = to_date(value)
        if parsed is None:
            raise ValueError("published must be a date YYYY-MM-DD")
        return parsed.isoformat()
    if field_name == "event":
        return validate_event_correction(value)
    if field_name == "topics":
        if not isinstance(value, (list, tuple)) or not all(isinstance(t, str) for t in value):
            raise ValueError("topics must be a list of names")
        return list(dict.fromkeys(t.strip() for t in value if t.strip()))
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, dict) for v in value):
        raise ValueError(f"{field_name} must be a list of objects")
    convert = meeting_from_dict if field_name == "meetings" else figure_from_dict
    items = [convert(v) for v in value]  # raises on bad numbers
    return [clean_json(vars(item)) for item in items]


def validate_event_correction(value: Any) -> dict[str, Any] | None:
    """An editor's grouping of an article's meeting: ``{"with": ARTICLE_ID}`` (the event that
    article's meeting is in), ``{"alone": True}`` (an event of its own), or None (back to the
    automatic grouping)."""
    if value is None:
        return None
    if isinstance(value, dict) and set(value) == {"with"} and isinstance(value["with"], int) \
            and not isinstance(value["with"], bool):
        return {"with": value["with"]}
    if isinstance(value, dict) and value == {"alone": True}:
        return {"alone": True}
    raise ValueError('event must be {"with": article id}, {"alone": true} or null')


def apply_correction(conn: sa.Connection, article_id: int, field_name: str, value: Any, who: str) -> None:
    if field_name in ("title", "outlet", "published"):
        conn.execute(A.update().where(A.c.id == article_id).values(
            **{field_name: to_date(value) if field_name == "published" else value}))
        if field_name == "title":
            body = conn.execute(sa.select(A.c.clean_text).where(A.c.id == article_id)).scalar()
            migrations.write_index(conn, article_id, index_string(value, body))
    elif field_name == "meetings":
        conn.execute(M.delete().where(M.c.article_id == article_id))
        if value:
            conn.execute(M.insert(), meeting_rows(article_id, [meeting_from_dict(v) for v in value]))
    elif field_name == "figures":
        conn.execute(F.delete().where(F.c.article_id == article_id))
        if value:
            conn.execute(F.insert(), figure_rows(article_id, [figure_from_dict(v) for v in value]))
    elif field_name == "event":
        pass  # read when events are regrouped (store.events): nothing of the article changes
    elif field_name == "topics":
        conn.execute(T.delete().where(T.c.article_id == article_id))
        if value:
            conn.execute(T.insert(), [{"article_id": article_id, "topic": t} for t in value])
    refresh_main_meeting(conn, article_id)
    checked = dict(conn.execute(sa.select(A.c.human_checked).where(A.c.id == article_id)).scalar() or {})
    checked[field_name] = {"by": who, "at": utc_now().isoformat(timespec="seconds")}
    conn.execute(A.update().where(A.c.id == article_id).values(human_checked=checked, checked=True))


def reapply_corrections(conn: sa.Connection, article_id: int) -> None:
    rows = conn.execute(sa.select(C.c.field, C.c.value, C.c.author).where(
        C.c.article_id == article_id).order_by(C.c.id)).all()
    latest = {row.field: row for row in rows}
    for row in latest.values():
        apply_correction(conn, article_id, row.field, row.value, row.author or "system")


class Corrections(StoreBase):
    def correct(self, article_id: int, field_name: str, value: Any, who: str = "system") -> None:
        """Record a human correction, apply it and mark the field human-checked.

        Corrections are kept and re-applied after every ``reprocess``. Raises KeyError for an
        unknown article and ValueError for an unknown field or a malformed value.
        """
        value = validate_correction(field_name, value)

        def run(conn: sa.Connection) -> None:
            if conn.execute(sa.select(A.c.id).where(A.c.id == article_id)).first() is None:
                raise KeyError(article_id)
            conn.execute(C.insert().values(article_id=article_id, field=field_name, value=value,
                                           author=who, at=utc_now()))
            apply_correction(conn, article_id, field_name, value, who)
            log_action(conn, who, "corrected", article_id, field_name)
        self._transact(run)

    def merge_events(self, keep: int, merged: int, who: str = "system") -> int:
        """Put every article of event ``merged`` into event ``keep`` (an editor's correction of a
        grouping; it survives ``reprocess``). Returns how many articles moved."""
        anchor = self._first_article(keep)
        if anchor is None:
            raise KeyError(keep)
        moved = [a for a in self._event_articles(merged) if a != anchor]
        for article_id in moved:
            self.correct(article_id, "event", {"with": anchor}, who)
        return len(moved)

    def split_event(self, article_ids: list[int], who: str = "system") -> None:
        """Take these articles out of their event into one new event of their own (an editor's
        correction of a grouping; it survives ``reprocess``)."""
        if not article_ids:
            return
        first, *rest = article_ids
        self.correct(first, "event", {"alone": True}, who)
        for article_id in rest:
            self.correct(article_id, "event", {"with": first}, who)

    def _event_articles(self, event_id: int) -> list[int]:
        rows = self._read(sa.select(EA.c.article_id).where(EA.c.event_id == event_id).order_by(EA.c.article_id))
        return list(dict.fromkeys(r.article_id for r in rows))

    def _first_article(self, event_id: int) -> int | None:
        members = self._event_articles(event_id)
        return members[0] if members else None
