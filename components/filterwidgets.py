"""The filter table's widgets (``corpus.filters``): each row's ``Widget`` kind drawn as a Streamlit
widget in the sidebar, and the row's value moved to and from that widget's session state.

Kinds: ``text`` (text_input), ``date`` (date_input, within the corpus' dates), ``multiselect``
(its options from ``Store.facets`` or a fixed vocabulary, each with how many articles it matches)
and ``radio`` (a fixed choice, drawn above the other filters: the interface language).
"""
from __future__ import annotations

import datetime as dt
from typing import Any, Callable, Iterable, Mapping

import streamlit as st

from corpus.filterspec import FilterRow, TextCodec
from corpus.store.rows import to_date

from .i18n import city_label, kind_label, number, outlet_label, t, topic_label
from .text import isolate

FacetCounts = Mapping[str, Mapping[str, int]]
# How an option is shown, by the row's ``value_label``: (code, UI language) → label.
VALUE_LABELS: dict[str, Callable[[str, str], str]] = {
    "outlet": outlet_label, "city": city_label, "kind": kind_label, "topic": topic_label,
    "lang": lambda code, lang: t(f"lang.{code}", lang),
}
# The date pickers' range: the corpus' dates, widened to 1990 and to today.
EARLIEST_DATE = dt.date(1990, 1, 1)


def date_bounds(facets: Mapping[str, Any], today: dt.date) -> tuple[dt.date, dt.date]:
    """(earliest, latest) date the pickers offer: the corpus' range widened to 1990 and today. Pure."""
    lo, hi = to_date(facets.get("min_date")), to_date(facets.get("max_date"))
    return min(filter(None, [lo, EARLIEST_DATE])), max(filter(None, [hi, today]))


def facet_options(facets: Mapping[str, Any], name: str) -> list[str]:
    """A facet's values as widget options: distinct, non-blank strings, sorted. Pure."""
    values = facets.get(name) or []
    if isinstance(values, Mapping):
        values = list(values)
    return sorted({str(v) for v in values if v is not None and str(v).strip()})


def options_of(row: FilterRow, facets: Mapping[str, Any]) -> list[str]:
    """The options the row's widget offers: its fixed codes, or the facet it names. Pure."""
    source = row.widget.options
    if isinstance(source, tuple):
        return list(source)
    return facet_options(facets, source) if source else []


def to_state(value: Any) -> Any:
    """A ``Filters`` value as a widget holds it (lists, not tuples)."""
    return list(value) if isinstance(value, tuple) else value


def from_state(row: FilterRow, state: Any) -> Any:
    """A widget's session value as the row's ``Filters`` value. Pure."""
    kind = row.widget.kind
    if kind == "text":
        text = str(state or "").strip()
        return text[:row.codec.max_len] if isinstance(row.codec, TextCodec) else text
    if kind == "date":
        return to_date(state)
    if kind == "multiselect":
        return tuple(state or ())
    return state if state in (row.widget.options or ()) else row.default


def fit_value(row: FilterRow, value: Any, facets: Mapping[str, Any], today: dt.date) -> tuple[Any, bool]:
    """(what of ``value`` the row's widget can show, whether anything was dropped): list values
    the widget does not offer, a date outside the pickers' range. Pure."""
    kind = row.widget.kind
    if kind == "date" and value is not None:
        lo, hi = date_bounds(facets, today)
        return (value, False) if lo <= value <= hi else (row.default, True)
    if kind == "multiselect":
        allowed = set(options_of(row, facets))
        kept = tuple(v for v in value if v in allowed)
        return kept, len(kept) != len(value)
    return value, False


def option_label(label: str, count: int | None) -> str:
    """A filter option with the number of articles it would match: "RT Arabic (12)". The name is
    isolated so that the count stays after it in either direction (a Latin name in the Arabic UI,
    an Arabic one in the English UI). Pure."""
    return label if count is None else f"{isolate(label)} ({number(count)})"


def _labeller(row: FilterRow, lang: str, counts: FacetCounts | None) -> Callable[[str], str]:
    shown = VALUE_LABELS.get(row.widget.value_label or "", lambda code, _lang: str(code))
    if row.widget.kind != "multiselect":
        return lambda code: shown(code, lang)
    return lambda code: option_label(
        shown(code, lang), None if counts is None else int((counts.get(row.name) or {}).get(code, 0)))


def draw_widget(row: FilterRow, lang: str, facets: Mapping[str, Any], counts: FacetCounts | None) -> None:
    """Draw the row's widget in the sidebar (its value is in ``st.session_state[row.widget.key]``)."""
    sb, w = st.sidebar, row.widget
    label = t(w.label, lang)
    if w.kind == "text":
        # No max_chars: its counter overlaps the typed query in right-to-left; the codec bounds it.
        sb.text_input(label, key=w.key, help=t(w.help, lang) if w.help else None)
    elif w.kind == "date":
        lo, hi = date_bounds(facets, dt.date.today())
        value = to_date(st.session_state.get(w.key))
        if value is not None and not lo <= value <= hi:  # a value kept from an older range
            st.session_state[w.key] = None
        sb.date_input(label, key=w.key, min_value=lo, max_value=hi, format="YYYY-MM-DD")
    elif w.kind == "multiselect":
        sb.multiselect(label, options_of(row, facets), key=w.key, format_func=_labeller(row, lang, counts),
                       placeholder=t("filters.choose", lang))
    else:
        sb.radio(label, options_of(row, facets), key=w.key, horizontal=True,
                 format_func=_labeller(row, lang, counts))


def draw_widgets(rows: Iterable[FilterRow], lang: str, facets: Mapping[str, Any],
                 counts: FacetCounts | None) -> None:
    """The filter widgets: the choices (the interface language) first, then the header and the
    filters in the table's order."""
    rows = list(rows)
    for row in rows:
        if row.widget.kind == "radio":
            draw_widget(row, lang, facets, counts)
    st.sidebar.header(t("filters.header", lang))
    for row in rows:
        if row.widget.kind != "radio":
            draw_widget(row, lang, facets, counts)
