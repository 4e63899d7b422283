"""Plain values ↔ table rows: dates, JSON-safe copies, meeting, figure and statement rows. No database here."""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import fields, is_dataclass, replace
from typing import Any, Callable, Sequence

from ..models import Extraction, Figure, Meeting, Statement


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def to_date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value if not isinstance(value, dt.datetime) else value.date()
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None


def to_iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def clean_json(value: Any) -> Any:
    """JSON-safe copy (dates → ISO strings)."""
    return json.loads(json.dumps(value, ensure_ascii=False, default=str))


def scrub(value: Any) -> Any:
    """Copy without NUL characters (PostgreSQL text cannot hold them), through dataclasses too."""
    if isinstance(value, str):
        return value.replace("\x00", "")
    if isinstance(value, list):
        return [scrub(v) for v in value]
    if isinstance(value, dict):
        return {scrub(k): scrub(v) for k, v in value.items()}
    if is_dataclass(value) and not isinstance(value, type):
        return replace(value, **{f.name: scrub(getattr(value, f.name)) for f in fields(value)})
    return value


def meeting_rows(article_id: int, meetings: Sequence[Meeting]) -> list[dict[str, Any]]:
    return [{"article_id": article_id, "idx": i, "date": to_date(m.date), "date_basis": m.date_basis,
             "city": m.city, "kind": m.kind, "status": m.status, "evidence": m.evidence,
             "weekday": m.weekday, "primary": bool(m.primary), "month": m.month, "day": m.day,
             "participants": ",".join(m.participants) or None}
            for i, m in enumerate(meetings)]


def figure_rows(article_id: int, figures: Sequence[Figure]) -> list[dict[str, Any]]:
    return [{"article_id": article_id, "idx": i, "text": f.text, "start": f.start, "value": f.value,
             "value_max": f.value_max, "unit": f.unit, "metric": f.metric, "qualifier": f.qualifier,
             "period": f.period, "sentence": f.sentence, "currency": f.currency, "pair": f.pair}
            for i, f in enumerate(figures)]


def statement_rows(article_id: int, statements: Sequence[Statement]) -> list[dict[str, Any]]:
    return [{"article_id": article_id, "idx": i, "speaker": s.speaker, "mode": s.mode, "text": s.text,
             "sentence": s.sentence, "start": s.start, "end": s.end, "verb": s.verb}
            for i, s in enumerate(statements)]


MainMeeting = tuple[int, Any, "str | None", "str | None"]  # (meeting index, date, city, kind)


def main_meeting_columns(main: MainMeeting | None, published: dt.date | None,
                         event_date: Callable[[int], dt.date | None] | None = None) -> dict[str, Any]:
    """The article's denormalised main-meeting columns (the one rule, for new, reprocessed and
    corrected articles): the first primary meeting's date, city and kind; when it has no date,
    the date of the event it is linked to (``event_date(meeting index)``); the sort date falls back
    to the publication date."""
    date = city = kind = None
    if main is not None:
        idx, raw_date, city, kind = main
        date = to_date(raw_date)
        if date is None and event_date is not None:
            date = event_date(idx)
    return {"meeting_date": date, "city": city, "kind": kind, "sort_date": date or published}


def main_meeting_values(ex: Extraction,
                        event_date: Callable[[int], dt.date | None] | None = None) -> dict[str, Any]:
    """``main_meeting_columns`` of an extraction (a new article has no event yet)."""
    main = next(((idx, m.date, m.city, m.kind) for idx, m in enumerate(ex.meetings) if m.primary), None)
    return main_meeting_columns(main, to_date(ex.published), event_date)


def meeting_from_dict(d: dict[str, Any]) -> Meeting:
    return Meeting(date=to_iso(to_date(d.get("date"))), city=d.get("city"), kind=d.get("kind"),
                   status=d.get("status"), evidence=d.get("evidence") or "",
                   date_basis=d.get("date_basis") or "corrected", weekday=d.get("weekday"),
                   primary=bool(d.get("primary", True)))


def figure_from_dict(d: dict[str, Any]) -> Figure:
    def num(key: str) -> float | None:
        value = d.get(key)
        return None if value in (None, "") else float(value)
    return Figure(text=d.get("text") or "", value=num("value"), value_max=num("value_max"),
                  unit=d.get("unit"), metric=d.get("metric"), qualifier=d.get("qualifier"),
                  period=None if d.get("period") is None else str(d.get("period")),
                  sentence=d.get("sentence") or "", start=int(d.get("start", -1) or -1),
                  currency=d.get("currency"), pair=d.get("pair"))
