"""The dashboard's filters, declared once as a table, and their URL form.

Each field of ``Filters`` is a row of the table (``corpus.filterspec.filter_row``): its URL
parameter, its codec, how it narrows the articles (built into SQL by ``corpus.store.conditions``)
and its widget (drawn by ``components.filterbar``). Encoding, decoding, the sidebar, the WHERE
clause, the facet counts and ``is_empty`` all iterate over ``rows_of(Filters)``; adding a filter is
adding a row (and its i18n strings). A subclass of ``Filters`` with more fields is a bigger table.

Every view is a link: ``encode`` turns filters into query parameters and ``decode`` reads them back,
ignoring (and reporting) anything malformed instead of raising. Both are pure.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields, replace
from typing import Any, Mapping, TypeVar, overload

from .filterspec import (ROW_KEY, ChoiceCodec, Compare, DateCodec, FilterRow, ListCodec, OneOf, TextCodec,
                         TextMatch, Widget, filter_row)
from .vocab import KINDS

SPEAKERS = ("putin", "aliyev")  # whose statements the "who said what" page lists
GRANULARITIES = ("month", "week")  # coverage buckets; the first is the default
UI_LANGS = ("ar", "en")  # interface languages; the first is the default
MAX_QUERY_LEN = 300
MAX_LIST_ITEMS = 50
MAX_VALUE_LEN = 200

_LIST = ListCodec(MAX_LIST_ITEMS, MAX_VALUE_LEN)


@dataclass(frozen=True)
class Filters:
    """The filters of a view. Each field is a row of the filter table (see the module docstring)."""
    q: str = filter_row("", "q", TextCodec(MAX_QUERY_LEN), TextMatch(),
                        Widget("text", "filters.query", "flt_q", help="filters.query_help"))
    date_from: dt.date | None = filter_row(None, "from", DateCodec(), Compare("articles.sort_date", ">="),
                                           Widget("date", "filters.date_from", "flt_from"))
    date_to: dt.date | None = filter_row(None, "to", DateCodec(), Compare("articles.sort_date", "<="),
                                         Widget("date", "filters.date_to", "flt_to"), not_after="date_from")
    outlets: tuple[str, ...] = filter_row((), "outlet", _LIST, OneOf(("articles.outlet", "sources.outlet")),
                                          Widget("multiselect", "filters.outlets", "flt_outlets",
                                                 options="outlets", value_label="outlet"))
    cities: tuple[str, ...] = filter_row((), "city", _LIST, OneOf(("main_meeting.city",)),
                                         Widget("multiselect", "filters.cities", "flt_cities",
                                                options="cities", value_label="city"))
    kinds: tuple[str, ...] = filter_row((), "kind", ListCodec(MAX_LIST_ITEMS, MAX_VALUE_LEN, KINDS),
                                        OneOf(("main_meeting.kind",)),
                                        Widget("multiselect", "filters.kinds", "flt_kinds",
                                               options=KINDS, value_label="kind"))
    topics: tuple[str, ...] = filter_row((), "topic", _LIST, OneOf(("topics.topic",)),
                                         Widget("multiselect", "filters.topics", "flt_topics",
                                                options="topics", value_label="topic"))
    lang: str = filter_row(UI_LANGS[0], "lang", ChoiceCodec(UI_LANGS), None,  # the UI language: no narrowing
                           Widget("radio", "filters.language", "flt_lang", options=UI_LANGS, value_label="lang"))

    def is_empty(self) -> bool:
        """True when nothing narrows the articles (the UI language aside)."""
        return all(getattr(self, row.name) == row.default for row in rows_of(type(self)) if row.where is not None)

    def without_query(self) -> "Filters":
        return replace(self, q="")


F = TypeVar("F", bound=Filters)
_TABLES: dict[type[Filters], tuple[FilterRow, ...]] = {}


def rows_of(cls: type[Filters]) -> tuple[FilterRow, ...]:
    """The filter table of ``cls``: one row per field, in field order (the URL's order)."""
    if cls not in _TABLES:
        _TABLES[cls] = tuple(replace(f.metadata[ROW_KEY], name=f.name) for f in fields(cls))
    return _TABLES[cls]


FILTERS = rows_of(Filters)  # the dashboard's filter table


def encode(filters: Filters) -> dict[str, str | list[str]]:
    """Filters → query parameters; defaults are left out so links stay short."""
    params: dict[str, str | list[str]] = {}
    for row in rows_of(type(filters)):
        value: Any = row.codec.encode(getattr(filters, row.name))
        if value is not None:
            params[row.param] = value
    return params


@overload
def decode(params: Mapping[str, str | list[str]]) -> tuple[Filters, list[str]]: ...
@overload
def decode(params: Mapping[str, str | list[str]], cls: type[F]) -> tuple[F, list[str]]: ...


def decode(params: Mapping[str, str | list[str]], cls: type[Filters] = Filters) -> tuple[Filters, list[str]]:
    """Query parameters → (filters of ``cls``'s table, names of the parameters that were ignored)."""
    rows = rows_of(cls)
    by_name = {row.name: row for row in rows}
    known = {row.param for row in rows}
    ignored = sorted(k for k in params if k not in known)
    values: dict[str, Any] = {}
    for row in rows:
        values[row.name], ok = row.codec.decode(params.get(row.param))
        if not ok:
            ignored.append(row.param)
        low = by_name[row.not_after] if row.not_after else None
        if low and values[low.name] and values[row.name] and values[low.name] > values[row.name]:
            ignored.extend([low.param, row.param])
            values[low.name], values[row.name] = low.default, row.default
    return cls(**values), list(dict.fromkeys(ignored))


def inverted_ranges(filters: Filters) -> list[tuple[str, str]]:
    """(low, high) field names of the ranges whose low end is after the high end."""
    out = []
    for row in rows_of(type(filters)):
        if row.not_after:
            low, high = getattr(filters, row.not_after), getattr(filters, row.name)
            if low and high and low > high:
                out.append((row.not_after, row.name))
    return out


def without_inverted_ranges(filters: F) -> F:
    """``filters`` with each range whose start is after its end ignored (both ends back to none)."""
    defaults = {row.name: row.default for row in rows_of(type(filters))}
    changes = {name: defaults[name] for pair in inverted_ranges(filters) for name in pair}
    return replace(filters, **changes) if changes else filters


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
