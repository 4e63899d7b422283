"""The dashboard's filters and their URL form.

Every view is a link: ``encode`` turns filters into query parameters and ``decode`` reads them back,
ignoring (and reporting) anything malformed instead of raising. Both are pure.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Mapping

from .vocab import KINDS

SPEAKERS = ("putin", "aliyev")  # whose statements the "who said what" page lists
GRANULARITIES = ("month", "week")  # coverage buckets; the first is the default
MAX_QUERY_LEN = 300
MAX_LIST_ITEMS = 50


@dataclass(frozen=True)
class Filters:
    q: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    outlets: tuple[str, ...] = ()
    cities: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    lang: str = "ar"  # UI language: ar or en

    def is_empty(self) -> bool:
        return self == Filters(lang=self.lang)

    def without_query(self) -> "Filters":
        return replace(self, q="")


# URL parameter names, short so links stay readable.
_PARAM = {"q": "q", "date_from": "from", "date_to": "to", "outlets": "outlet",
          "cities": "city", "kinds": "kind", "topics": "topic", "lang": "lang"}
_LIST_FIELDS = ("outlets", "cities", "kinds", "topics")


def encode(filters: Filters) -> dict[str, str | list[str]]:
    """Filters → query parameters; defaults are left out so links stay short."""
    params: dict[str, str | list[str]] = {}
    if filters.q:
        params["q"] = filters.q
    if filters.date_from:
        params["from"] = filters.date_from.isoformat()
    if filters.date_to:
        params["to"] = filters.date_to.isoformat()
    for name in _LIST_FIELDS:
        values = getattr(filters, name)
        if values:
            params[_PARAM[name]] = list(values)
    if filters.lang != "ar":
        params["lang"] = filters.lang
    return params


def _as_list(value: str | list[str] | tuple[str, ...] | None) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    # Lists travel as repeated parameters (?city=Baku&city=Moscow): names may contain commas.
    return [str(item).strip() for item in value if str(item).strip()]


def _parse_date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value.strip())
    except (ValueError, AttributeError):
        return None


def decode(params: Mapping[str, str | list[str]]) -> tuple[Filters, list[str]]:
    """Query parameters → (filters, names of the parameters that were ignored)."""
    ignored: list[str] = []
    known = set(_PARAM.values())
    ignored.extend(sorted(k for k in params if k not in known))

    def first(name: str) -> str | None:
        raw = params.get(name)
        if isinstance(raw, (list, tuple)):
            raw = raw[0] if raw else None
        return None if raw is None else str(raw)

    q = first("q") or ""
    if len(q) > MAX_QUERY_LEN or "\x00" in q:
        ignored.append("q")
        q = ""

    dates: dict[str, dt.date | None] = {}
    for name in ("date_from", "date_to"):
        raw = first(_PARAM[name])
        parsed = _parse_date(raw) if raw is not None else None
        if raw is not None and parsed is None:
            ignored.append(_PARAM[name])
        dates[name] = parsed
    if dates["date_from"] and dates["date_to"] and dates["date_from"] > dates["date_to"]:
        ignored.extend(["from", "to"])
        dates = {"date_from": None, "date_to": None}

    lists: dict[str, tuple[str, ...]] = {}
    for name in _LIST_FIELDS:
        values = _as_list(params.get(_PARAM[name]))
        if name == "kinds":
            bad = [v for v in values if v not in KINDS]
            if bad:
                ignored.append(_PARAM[name])
            values = [v for v in values if v in KINDS]
        if len(values) > MAX_LIST_ITEMS or any(len(v) > 200 for v in values):
            ignored.append(_PARAM[name])
            values = []
        lists[name] = tuple(dict.fromkeys(values))  # drop repeats, keep order

    lang = first("lang") or "ar"
    if lang not in ("ar", "en"):
        ignored.append("lang")
        lang = "ar"

    return Filters(q=q, date_from=dates["date_from"], date_to=dates["date_to"], outlets=lists["outlets"],
                   cities=lists["cities"], kinds=lists["kinds"], topics=lists["topics"], lang=lang), ignored




def decode_speaker(value: str | list[str] | None) -> tuple[str | None, bool]:
    """The ``speaker`` page parameter → (putin | aliyev | None for both, whether it was valid).

    Not a filter of ``Filters``: it belongs to the statements page alone (``/said?speaker=putin``).
    Absent or empty means both; anything else unknown is reported, and means both."""
    if isinstance(value, (list, tuple)):
        value = value[0] if value else None
    if value is None or not str(value).strip():
        return None, True
    code = str(value).strip().lower()
    return (code, True) if code in SPEAKERS else (None, False)


# ---- the coverage view (Overview): a second query to compare with, and the bucket size ----------

@dataclass(frozen=True)
class CoverageView:
    """How the Overview draws coverage over time: ``q2`` is a second query drawn beside the
    current one (same filters), ``per`` the bucket size (``month`` or ``week``)."""
    q2: str = ""
    per: str = GRANULARITIES[0]


VIEW_PARAMS = ("q2", "per")


def encode_view(view: CoverageView) -> dict[str, str]:
    """CoverageView → query parameters (``q2``, ``per``); defaults are left out. Pure."""
    params: dict[str, str] = {}
    if view.q2:
        params["q2"] = view.q2
    if view.per != GRANULARITIES[0]:
        params["per"] = view.per
    return params


def decode_view(params: Mapping[str, str | list[str]]) -> tuple[CoverageView, list[str]]:
    """Query parameters → (CoverageView, names ignored); other parameters are not looked at. Pure."""
    ignored: list[str] = []

    def first(name: str) -> str | None:
        raw = params.get(name)
        if isinstance(raw, (list, tuple)):
            raw = raw[0] if raw else None
        return None if raw is None else str(raw)

    q2 = (first("q2") or "").strip()
    if len(q2) > MAX_QUERY_LEN or "\x00" in q2:
        ignored.append("q2")
        q2 = ""
    per = first("per")
    if per is not None and per not in GRANULARITIES:
        ignored.append("per")
        per = None
    return CoverageView(q2=q2, per=per or GRANULARITIES[0]), ignored
