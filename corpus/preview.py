"""Upload in two steps: read and extract without storing (a preview), then store what the editor
confirmed, with their changes recorded as corrections.

Corrections are not baked into the stored extraction: the article is stored as extracted and
every field the editor changed goes through ``Store.correct``, so it is marked human-checked and
survives re-processing. Pure apart from the store calls: no Streamlit.

Language policy: only Arabic text is accepted. A text in which fewer than half of the letters are
Arabic (the threshold ``metadata.guess_language`` uses for "ar") is refused with its share
named, because extraction and search are built for Arabic: such a text would enter the corpus
with no meetings, no figures and unsearchable words, and distort counts by outlet and month.
"""
from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Sequence

from . import settings
from .extract import extract_document
from .models import Extraction, Figure, Meeting, RawDocument, ReadProblem
# The language policy lives in ``language`` (ingest applies it too); the Upload page reads it here.
from .language import MIN_ARABIC_RATIO as MIN_ARABIC_RATIO
from .language import language_check
from .language import not_arabic_reason as not_arabic_reason
from .readers import read_bytes

log = logging.getLogger(__name__)
CORRECTABLE = ("title", "outlet", "published", "meetings", "figures", "topics")
# Meeting and figure fields the editor sees and may change; the rest is carried over unchanged.
MEETING_FIELDS = ("date", "city", "kind", "status", "evidence")
FIGURE_FIELDS = ("text", "value", "value_max", "unit", "metric", "qualifier", "period")

Extractor = Callable[[str, str, dict[str, Any]], Extraction]


class CorrectionError(ValueError):
    """An edited value that cannot be stored (``field``: published, meetings.date, figures.value …)."""

    def __init__(self, field_name: str, value: Any) -> None:
        super().__init__(f"{field_name}: {value!r} is not valid")
        self.field = field_name
        self.value = value


@dataclass
class Preview:
    """One article read from an upload, extracted but not stored."""

    file: str  # the uploaded file's name
    doc: RawDocument
    extraction: Extraction

    @property
    def source(self) -> str:
        return self.doc.source


@dataclass
class Outcome:
    """What happened to one source (an article, or a file/part that could not be used)."""

    file: str
    source: str
    status: str  # added | duplicate | source_added | rejected | skipped
    article_id: int | None = None
    duplicate_of: int | None = None
    duplicate_title: str | None = None
    reason: str | None = None  # plain words (English), for rejected
    code: str | None = None  # our own reasons: a key the UI translates (with ``params``)
    params: dict[str, Any] = field(default_factory=dict)
    corrected: list[str] = field(default_factory=list)


# --- step 1: read and extract ------------------------------------------------------------------

def rejection(file: str, source: str, code: str, reason: str, **params: Any) -> Outcome:
    return Outcome(file, source, "rejected", reason=reason, code=code, params=params)


def _default_extractor() -> Extractor:
    return extract_document


def _default_reader() -> Callable[[bytes, str], list[RawDocument | ReadProblem]]:
    return read_bytes


def preview_bytes(name: str, data: bytes, *, extractor: Extractor | None = None,
                  reader: Callable[[bytes, str], Sequence[RawDocument | ReadProblem]] | None = None,
                  ) -> tuple[list[Preview], list[Outcome]]:
    """Read one uploaded file (a zip/csv/jsonl may hold many articles) and extract each article.

    Returns (previews, rejections); nothing is stored. Never raises for bad input: an unexpected
    error becomes a rejection naming the file.
    """
    previews: list[Preview] = []
    rejected: list[Outcome] = []
    try:
        extractor = extractor or _default_extractor()
        reader = reader or _default_reader()
        items = list(reader(data, name))
    except Exception as exc:  # readers should not raise; if one does, the upload still reports it
        return [], [rejection(name, name, "read_failed",
                              f"the file could not be read ({type(exc).__name__})", error=type(exc).__name__)]
    if not items:
        rejected.append(rejection(name, name, "no_article", "the file holds no article"))
    for item in items:
        if isinstance(item, ReadProblem):
            code = getattr(item, "code", "")
            rejected.append(rejection(name, item.source, code, item.reason,
                                      **getattr(item, "params", {})) if code else
                            Outcome(name, item.source, "rejected", reason=item.reason))
            continue
        refused = language_check(item.text)
        if refused:
            code, params, reason = refused
            rejected.append(rejection(name, item.source, code, reason, **params))
            continue
        try:
            extraction = extractor(item.text, item.source, dict(item.hints))
        except Exception as exc:  # one bad article must not lose the rest of a batch
            rejected.append(rejection(name, item.source, "extract_failed",
                                      f"extraction failed ({type(exc).__name__})", error=type(exc).__name__))
            continue
        previews.append(Preview(name, item, extraction))
    return previews, rejected


# --- the editable form of an extraction ----------------------------------------------------------

def meeting_rows(extraction: Extraction) -> list[dict[str, Any]]:
    """The primary meetings as editable rows (``keep`` unticked = not a Putin–Aliyev meeting)."""
    return [{"keep": True, **{k: getattr(m, k) for k in MEETING_FIELDS}}
            for m in extraction.meetings if m.primary]


def figure_rows(extraction: Extraction) -> list[dict[str, Any]]:
    return [{"keep": True, **{k: getattr(f, k) for k in FIGURE_FIELDS}} for f in extraction.figures]


def _blank(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and value != value:  # NaN from a data editor
        return True
    return isinstance(value, str) and not value.strip()


def _clean_value(value: Any) -> Any:
    if _blank(value):
        return None
    return value.strip() if isinstance(value, str) else value


def parse_date(value: Any, field_name: str = "published") -> str | None:
    """A YYYY-MM-DD string from a date/str; None for blank. Raises CorrectionError otherwise."""
    if _blank(value):
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(str(value).strip()).isoformat()
    except ValueError:
        raise CorrectionError(field_name, value) from None


def _meeting_dicts(extraction: Extraction, rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Kept rows as Store meeting dicts; rows match the primary meetings by position."""
    primaries = [m for m in extraction.meetings if m.primary]
    out = []
    for i, row in enumerate(rows):
        if not row.get("keep", True):
            continue
        base = primaries[i] if i < len(primaries) else Meeting(None, None, None, None, "")
        d = {k: getattr(base, k) for k in ("date", "city", "kind", "status", "evidence",
                                             "date_basis", "weekday", "primary")}
        for k in MEETING_FIELDS:
            d[k] = _clean_value(row.get(k))
        d["date"] = parse_date(d["date"], "meetings.date")
        d["evidence"] = d["evidence"] or ""
        if d["date"] != base.date:
            d["date_basis"] = "corrected"
        out.append(d)
    # Past meetings mentioned in passing are not shown for editing: keep them as they were.
    out += [{k: getattr(m, k) for k in ("date", "city", "kind", "status", "evidence", "date_basis",
                                        "weekday", "primary")}
            for m in extraction.meetings if not m.primary]
    return out


def _number(value: Any, field_name: str) -> float | None:
    value = _clean_value(value)
    if value is None:
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        raise CorrectionError(field_name, value) from None


def _figure_dicts(extraction: Extraction, rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for i, row in enumerate(rows):
        if not row.get("keep", True):
            continue
        base = extraction.figures[i] if i < len(extraction.figures) else Figure(
            "", None, None, None, None, None, None, "")
        d = {k: getattr(base, k) for k in ("text", "value", "value_max", "unit", "metric",
                                             "qualifier", "period", "sentence", "start",
                                             "currency", "pair")}
        for k in FIGURE_FIELDS:
            d[k] = _clean_value(row.get(k))
        d["value"] = _number(d["value"], "figures.value")
        d["value_max"] = _number(d["value_max"], "figures.value_max")
        d["text"] = d["text"] or ""
        d["period"] = None if d["period"] is None else str(d["period"])
        out.append(d)
    return out


def _as_extracted(extraction: Extraction, name: str) -> Any:
    if name == "meetings":
        return _meeting_dicts(extraction, meeting_rows(extraction))
    if name == "figures":
        return _figure_dicts(extraction, figure_rows(extraction))
    if name == "topics":
        return list(extraction.topics)
    return getattr(extraction, name)


def corrections_from(extraction: Extraction, edited: dict[str, Any]) -> dict[str, Any]:
    """The fields whose edited value differs from the extraction, in Store.correct form.

    ``edited`` may hold title, outlet, published (str/date), topics (list), meetings and figures
    (rows as from ``meeting_rows``/``figure_rows``, possibly changed, with ``keep``). Missing keys
    mean unchanged. Raises CorrectionError for a malformed date or number.
    """
    changes: dict[str, Any] = {}
    for name in ("title", "outlet"):
        if name in edited:
            value = _clean_value(edited[name])
            if value != _clean_value(getattr(extraction, name)):
                changes[name] = value
    if "published" in edited:
        value = parse_date(edited["published"])
        if value != extraction.published:
            changes["published"] = value
    if "topics" in edited:
        value = list(dict.fromkeys(str(t).strip() for t in edited["topics"] or [] if str(t).strip()))
        if sorted(value) != sorted(extraction.topics):
            changes["topics"] = value
    if "meetings" in edited:
        value = _meeting_dicts(extraction, list(edited["meetings"]))
        if value != _as_extracted(extraction, "meetings"):
            changes["meetings"] = value
    if "figures" in edited:
        value = _figure_dicts(extraction, list(edited["figures"]))
        if value != _as_extracted(extraction, "figures"):
            changes["figures"] = value
    return changes


# --- step 2: store -------------------------------------------------------------------------------

def _title_of(store: Any, article_id: int | None) -> str | None:
    if article_id is None:
        return None
    try:
        found = store.article(article_id)
    except Exception:
        return None
    return (found or {}).get("title")


def _is_removed(store: Any, article_id: int | None) -> bool:
    try:
        return article_id is not None and bool(store.removed_ids([article_id]))
    except Exception:  # a store without the query
        return False


def store_preview(store: Any, preview: Preview, changes: dict[str, Any], who: str) -> Outcome:
    """Store one previewed article, then its corrections (only when it is new).

    A duplicate keeps the stored article as it is: its own corrections, if any, are made on it.
    """
    result = store.add_article(preview.doc, preview.extraction, who)
    outcome = Outcome(preview.file, preview.source, result.status, result.article_id,
                      result.duplicate_of)
    if result.status != "added":
        target = result.duplicate_of or result.article_id
        outcome.duplicate_title = _title_of(store, target)
        if _is_removed(store, target):
            from .ingest import removed_duplicate_reason
            outcome.reason = removed_duplicate_reason(target)
            outcome.code, outcome.params = "duplicate_of_removed", {"id": target}
        elif changes:  # someone stored the same text first: say so rather than drop them silently
            fields = ", ".join(changes)
            outcome.reason = (f"your corrections ({fields}) were not stored: article {target} already "
                              f"holds this text; correct it there")
            outcome.code, outcome.params = "corrections_not_stored", {"fields": fields, "id": target}
        return outcome
    failed = []
    for name, value in changes.items():
        try:
            store.correct(result.article_id, name, value, who)
            outcome.corrected.append(name)
        except (KeyError, ValueError):
            failed.append(name)
    if failed:
        outcome.reason = f"these corrections were not valid and were not stored: {', '.join(failed)}"
        outcome.code, outcome.params = "corrections_failed", {"fields": ", ".join(failed)}
    return outcome


def store_previews(store: Any, items: Iterable[tuple[Preview, dict[str, Any]]], who: str,
                   progress: Callable[[int, int, Preview], None] | None = None) -> list[Outcome]:
    """Store confirmed previews in order; a failure on one is reported and the rest go on.

    Events are regrouped once at the end so the timeline shows the new meetings.
    """
    items = list(items)
    outcomes: list[Outcome] = []
    batch = store.begin_batch(who, [p.file for p, _ in items], len(items))
    for i, (preview, changes) in enumerate(items):
        if progress:
            progress(i, len(items), preview)
        try:
            outcomes.append(store_preview(store, preview, changes, who))
        except Exception as exc:  # a database error on one article must not lose the others
            outcomes.append(rejection(preview.file, preview.source, "store_failed",
                                      f"it could not be stored ({type(exc).__name__})",
                                      error=type(exc).__name__))
    store.end_batch(batch, who, sum(1 for o in outcomes if o.status in ("added", "source_added")))
    return outcomes


# A batch with no stored article for this long is no longer running (its tab closed, its server
# stopped): one still running stores an article every few seconds.
BATCH_QUIET_S = settings.BATCH_QUIET_S


def interrupted_batch(store: Any, who: str, now: dt.datetime, quiet_s: float | None = None) -> dict[str, Any] | None:
    """``who``'s last batch of stored articles if it stopped half-way: started, never ended, and
    quiet for ``quiet_s`` seconds (BATCH_QUIET_S; ``now`` and the store's times are naive UTC)."""
    batch = store.unfinished_batch(who)
    quiet = BATCH_QUIET_S if quiet_s is None else quiet_s
    if batch is None or (now - batch["last_at"]).total_seconds() < quiet:
        return None
    return batch


def skipped(preview: Preview) -> Outcome:
    return Outcome(preview.file, preview.source, "skipped")

