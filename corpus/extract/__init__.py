"""One article → Extraction (clean → metadata → meetings → figures → topics → statements); several
articles → Extractions whose undated meetings are linked to the events other articles date.

Extraction never raises: each stage is guarded, a failing stage is logged and leaves its field
empty, so one odd file cannot stop an ingest.
"""
from __future__ import annotations

import logging
from typing import Any, Callable, Iterable, TypeVar

from ..clean import clean_article
from ..collection import collection_paused
from ..models import Extraction
from .dates import to_date
from .events import ArticleMeeting, EventGroup, cluster_meetings
from .figures import find_figures
from .meetings import find_meetings
from .metadata import extract_metadata
from .statements import find_statements
from .topics import find_topics

log = logging.getLogger(__name__)

# Stored with every extraction; bump it when the rules change, so stale rows can be told apart
# (``python -m corpus reprocess`` re-extracts every article whatever its version).
EXTRACTOR_VERSION = "2026.12.9.4"
T = TypeVar("T")

Doc = tuple  # (source, text) or (source, text, hints)


def _guard(stage: str, source: str, fn: Callable[[], T], default: T) -> T:
    try:
        return fn()
    except Exception:  # noqa: BLE001 - extraction must survive any input
        log.exception("extraction stage %s failed for %r", stage, source)
        return default


def extract_document(text: str, source: str = "", hints: dict[str, Any] | None = None) -> Extraction:
    """Everything we extract from one article's text (never raises)."""
    try:
        with collection_paused():
            return _extract(text if isinstance(text, str) else str(text or ""), source, hints or {})
    except Exception:  # noqa: BLE001
        log.exception("extraction failed for %r", source)
        return Extraction()


def _extract(text: str, source: str, hints: dict[str, Any]) -> Extraction:
    cleaned = _guard("clean", source, lambda: clean_article(text), None)
    body = cleaned.text if cleaned is not None else text
    head = cleaned.head if cleaned is not None else ""
    meta = _guard("metadata", source, lambda: extract_metadata(body, hints, head=head), None)
    out = Extraction(clean_text=body)
    if meta is not None:
        out.title, out.outlet, out.published, out.language = meta.title, meta.outlet, meta.published, meta.language
        out.provenance = dict(meta.provenance)
    today = meta.today if meta is not None else None
    dateline_day = meta.dateline_day if meta is not None else None
    lead_not_news = meta.lead_not_news if meta is not None else False
    out.meetings = _guard("meetings", source, lambda: find_meetings(body, today, dateline_day, lead_not_news), [])
    out.figures = _guard("figures", source, lambda: find_figures(body, today), [])
    if out.meetings and out.meetings[0].date_basis:
        out.provenance["meeting_date"] = _meeting_date_provenance(out.meetings[0].date_basis, out.provenance)
    out.topics = _guard("topics", source, lambda: find_topics(body), [])
    out.statements = _guard("statements", source, lambda: find_statements(body, to_date(today)), [])
    return out


def _meeting_date_provenance(basis: str, provenance: dict[str, str]) -> str:
    """Say how the meeting's day was read, and against which "today" when it was resolved."""
    if basis in ("weekday", "publication", "relative") and provenance.get("today"):
        return f"{basis}, resolved against the {provenance['today']}"
    return basis


def _unique_keys(sources: Iterable[str]) -> list[str]:
    seen: dict[str, int] = {}
    keys = []
    for s in sources:
        seen[s] = seen.get(s, 0) + 1
        keys.append(s if seen[s] == 1 else f"{s}#{seen[s]}")
    return keys


def _unpack(doc: Doc) -> tuple[str, str, dict[str, Any] | None]:
    source, text = doc[0], doc[1]
    hints = doc[2] if len(doc) > 2 else None
    return str(source), text, hints


def extract_many_with_events(docs: list[Doc]) -> tuple[list[Extraction], list[EventGroup]]:
    """Extractions in input order plus the meeting events they form (members are source names,
    made unique with "#n" when a source repeats)."""
    unpacked = [_unpack(d) for d in docs]
    extractions = [extract_document(text, source, hints) for source, text, hints in unpacked]
    keys = _unique_keys(source for source, _, _ in unpacked)
    items = [ArticleMeeting(key=k, meeting=ex.meetings[0], published=ex.published, text=ex.clean_text)
             for k, ex in zip(keys, extractions) if ex.meetings]
    no_events: list[EventGroup] = []
    events = _guard("events", "<batch>", lambda: cluster_meetings(items), no_events)
    for item in items:
        if item.meeting.date_basis == "linked":
            ex = extractions[keys.index(item.key)]
            ex.provenance["meeting_date"] = "linked to an event dated by other articles"
    return extractions, events


def extract_many(docs: list[Doc]) -> list[Extraction]:
    """Extractions in input order; undated meetings are linked across the given documents."""
    return extract_many_with_events(docs)[0]
