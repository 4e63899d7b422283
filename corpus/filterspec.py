"""What one row of the filter table says: its URL codec, how it narrows the articles, its widget.

``corpus.filters`` declares the dashboard's filters with these, one row each (``filter_row``). The
pieces are plain data and pure functions, so ``corpus.filters`` stays importable without
SQLAlchemy or Streamlit: the store (``corpus.store.conditions``) turns a row's ``Where`` into SQL
and the filter bar (``components.filterbar``) turns its ``Widget`` into a Streamlit widget.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal, Union

RawParam = Union[str, list[str], tuple[str, ...], None]  # a URL parameter as read: one value or a list


def first_value(raw: RawParam) -> str | None:
    """The first value of a URL parameter (None when absent or an empty list)."""
    if isinstance(raw, (list, tuple)):
        raw = raw[0] if raw else None
    return None if raw is None else str(raw)


def all_values(raw: RawParam) -> list[str]:
    """Every non-blank value of a URL parameter, stripped. Lists travel as repeated parameters
    (``?city=Baku&city=Moscow``): a name may contain commas."""
    if raw is None:
        return []
    values = [raw] if isinstance(raw, str) else raw
    return [str(item).strip() for item in values if str(item).strip()]


# ---- codecs: value <-> URL parameter, pure; ``decode`` returns (value, whether the raw was valid) ----

@dataclass(frozen=True)
class TextCodec:
    """Free text (a search query): at most ``max_len`` characters, no NUL; else ignored."""
    max_len: int

    def encode(self, value: str) -> str | None:
        return value or None

    def decode(self, raw: RawParam) -> tuple[str, bool]:
        text = first_value(raw) or ""
        if len(text) > self.max_len or "\x00" in text:
            return "", False
        return text, True


@dataclass(frozen=True)
class DateCodec:
    """An ISO date (``2024-08-19``); anything else given is ignored."""

    def encode(self, value: dt.date | None) -> str | None:
        return value.isoformat() if value else None

    def decode(self, raw: RawParam) -> tuple[dt.date | None, bool]:
        text = first_value(raw)
        if text is None:
            return None, True
        try:
            return dt.date.fromisoformat(text.strip()), True
        except ValueError:
            return None, False


@dataclass(frozen=True)
class ListCodec:
    """Several values as a repeated parameter, repeats dropped, order kept. With ``allowed``, other
    values are dropped (and reported); more than ``max_items`` values, or one longer than
    ``max_len``, empties the list (reported)."""
    max_items: int
    max_len: int
    allowed: tuple[str, ...] | None = None

    def encode(self, value: tuple[str, ...]) -> list[str] | None:
        return list(value) or None

    def decode(self, raw: RawParam) -> tuple[tuple[str, ...], bool]:
        values = all_values(raw)
        ok = True
        if self.allowed is not None:
            kept = [v for v in values if v in self.allowed]
            ok, values = len(kept) == len(values), kept
        if len(values) > self.max_items or any(len(v) > self.max_len for v in values):
            return (), False
        return tuple(dict.fromkeys(values)), ok


@dataclass(frozen=True)
class ChoiceCodec:
    """One of ``options``; the first is the default (absent or empty means it, unknown is reported)."""
    options: tuple[str, ...]

    def encode(self, value: str) -> str | None:
        return None if value == self.options[0] else value

    def decode(self, raw: RawParam) -> tuple[str, bool]:
        value = first_value(raw) or self.options[0]
        return (value, True) if value in self.options else (self.options[0], False)


Codec = Union[TextCodec, DateCodec, ListCodec, ChoiceCodec]


# ---- how a filter narrows the articles (built into SQL by corpus.store.conditions) ----------------
# Columns are named "table.column": ``articles`` is the article's own row; ``sources`` its stored
# copies, ``main_meeting`` its primary meeting, ``topics`` its topics (the store knows the joins).

@dataclass(frozen=True)
class TextMatch:
    """The search query: matched by the search index (``corpus.store.textsearch``)."""


@dataclass(frozen=True)
class Compare:
    """``column op value``, e.g. ``articles.sort_date >= 2024-01-01``."""
    column: str
    op: Literal[">=", "<="]


@dataclass(frozen=True)
class OneOf:
    """The article has one of the chosen values in any of ``columns`` (an empty choice: no
    condition). Such a filter also gets per-value counts (``Store.facet_counts``) and its options
    from the corpus (``Store.facets``)."""
    columns: tuple[str, ...]


Where = Union[TextMatch, Compare, OneOf, None]  # None: the value does not narrow the articles


# ---- the widget: a kind that components/filterbar maps to a Streamlit widget ----------------------

WidgetKind = Literal["text", "date", "multiselect", "radio"]


@dataclass(frozen=True)
class Widget:
    """``kind``: text | date | multiselect | radio; ``label``: its i18n key; ``key``: its session
    key; ``options``: a facet name of ``Store.facets`` or a fixed tuple of codes; ``value_label``:
    how an option is shown (outlet, city, kind, topic, lang; None: as it is); ``help``: i18n key."""
    kind: WidgetKind
    label: str
    key: str
    options: str | tuple[str, ...] | None = None
    value_label: str | None = None
    help: str | None = None


@dataclass(frozen=True)
class FilterRow:
    """One filter: the ``Filters`` field ``name``, its URL ``param``, ``codec``, ``where`` it narrows
    the articles, its ``widget``; ``not_after``: the field this one may not exceed (a date range:
    when it does, both are ignored)."""
    name: str
    default: Any
    param: str
    codec: Codec
    where: Where
    widget: Widget
    not_after: str | None = None


ROW_KEY = "filter_row"  # where a ``Filters`` field keeps its row (dataclass field metadata)


def filter_row(default: Any, param: str, codec: Codec, where: Where, widget: Widget,
               not_after: str | None = None) -> Any:
    """A ``Filters`` field declared with its row (the field's name is filled in by ``rows_of``)."""
    row = FilterRow("", default, param, codec, where, widget, not_after)
    return field(default=default, metadata={ROW_KEY: row})
