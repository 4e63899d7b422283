"""The sidebar filter bar shared by every page; all of its state lives in the URL.

On each run: the URL (``st.query_params``) is decoded with ``corpus.filters.decode``. If it changed
since we last wrote it (a shared link was opened), it wins and the widgets are set from it;
otherwise the widgets win and the URL is rewritten from them. Page switches that drop the query
string restore the session's filters. Bad parameters are ignored with a notice, never an error.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any, Callable, Iterable, Mapping
from urllib.parse import quote, urlsplit

import streamlit as st

from corpus.filters import MAX_QUERY_LEN, VIEW_PARAMS, Filters, decode, encode
from corpus.store.rows import to_date
from corpus.vocab import KINDS

from .i18n import city_label, kind_label, number, outlet_label, t, topic_label
from .text import isolate, safe_inline
from .theme import apply_theme

_KEYS = {"q": "flt_q", "date_from": "flt_from", "date_to": "flt_to", "outlets": "flt_outlets",
         "cities": "flt_cities", "kinds": "flt_kinds", "topics": "flt_topics", "lang": "flt_lang"}
_STATE = "_flt_filters"  # the session's current Filters (survives page switches)
_LAST_URL = "_flt_last_params"  # the query params we wrote last
_DRAWN_ON = "_flt_drawn_on"  # the page whose run drew the filter widgets last
_NOTICE = "_flt_notice"  # names of ignored parameters, shown until the URL changes
# Page-level selections that also live in the URL (the meeting or article being read); they are
# not filters, so they bypass the codec. Each belongs to its pages: another page drops it. The
# meeting record (/meeting) and the timeline read the same ``event`` id; the statements page
# (/said) its ``speaker`` (``corpus.filters.decode_speaker``); the Figures page its ledger ``line``
# (``corpus.ledger.line_id``).
PAGE_PARAMS = ("event", "article", "speaker", "line", *VIEW_PARAMS)
PAGE_PARAM_OF = {"timeline": "event", "meeting": "event", "articles": "article", "said": "speaker",
                 "figures": "line"}
# The Overview (served at the root, url_path "") draws coverage over time: its second query and
# bucket size (``q2``, ``per``, read by ``corpus.filters.decode_view``) belong to it.
VIEW_PAGES = ("", "home")
_PAGE_PATH = "_flt_page_path"  # url_path of the page this run draws (set by app.py)
# The date pickers' range: the corpus' dates, widened to 1990 and to today.
EARLIEST_DATE = dt.date(1990, 1, 1)


def set_current_page(url_path: str) -> None:
    """Remember which page this run draws (app.py calls it with the navigation's page)."""
    st.session_state[_PAGE_PATH] = url_path or ""


def current_page() -> str:
    return str(st.session_state.get(_PAGE_PATH) or "")


def date_bounds(facets: Mapping[str, Any], today: dt.date) -> tuple[dt.date, dt.date]:
    """(earliest, latest) date the pickers offer: the corpus' range widened to 1990 and today. Pure."""
    lo, hi = to_date(facets.get("min_date")), to_date(facets.get("max_date"))
    return min(filter(None, [lo, EARLIEST_DATE])), max(filter(None, [hi, today]))


def _page_params(page: str) -> tuple[str, ...]:
    own = PAGE_PARAM_OF.get(page)
    return ((own,) if own else ()) + (VIEW_PARAMS if page in VIEW_PAGES else ())


def read_query_params() -> dict[str, list[str]]:
    """Current filter parameters (page selections excluded) with repeated keys kept as lists."""
    qp = st.query_params
    return {key: list(qp.get_all(key)) for key in qp.keys() if key not in PAGE_PARAMS}


def page_param(name: str) -> str | None:
    """A page selection from the URL (``event``/``article``), or None."""
    value = st.query_params.get(name)
    return str(value) if value not in (None, "") else None


def set_page_param(name: str, value: object | None) -> None:
    """Put a page selection in the URL (None removes it) without touching the filters."""
    current = st.query_params.get(name)
    if value is None or value == "":
        if current is not None:
            del st.query_params[name]
    elif current != str(value):
        st.query_params[name] = str(value)


def _normalise_params(params: Mapping[str, Any]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for key, value in params.items():
        values = [value] if isinstance(value, str) else list(value)
        out[key] = [str(v) for v in values]
    return out


def _readable(text: str) -> str:
    """Percent-encode what a URL needs encoded but keep letters readable (Arabic stays Arabic).

    Browsers accept such links (IRIs) and encode them on the way out. Reserved ASCII, spaces,
    controls and the invisible direction marks are still encoded, so the link cannot be misread.
    """
    out = []
    for ch in text:
        if ord(ch) > 0x7F and ch.isalnum():
            out.append(ch)
        else:
            out.append(quote(ch, safe="-._~"))
    return "".join(out)


def share_query(filters: Filters, extra: Mapping[str, str] | None = None) -> str:
    """The query string that reproduces ``filters`` (repeated keys for lists), readable. Pure."""
    pairs = []
    for key, value in [*encode(filters).items(), *(extra or {}).items()]:
        for item in ([value] if isinstance(value, str) else value):
            pairs.append(f"{_readable(key)}={_readable(str(item))}")
    return "&".join(pairs)


def page_link(context_url: str, page: str, query: str, known_pages: Iterable[str] = ()) -> str:
    """The link to ``page`` with ``query`` on the server of ``context_url``. Pure.

    ``context_url`` is the address the browser shows, which may name another page (or
    /overview, served at the root): its last path segment is replaced by the page's own path.
    """
    parts = urlsplit(context_url or "")
    path = parts.path or "/"
    segments = path.rstrip("/").split("/")
    if segments and segments[-1] in {*known_pages, *PAGE_PARAM_OF, "overview", "upload", page}:
        segments = segments[:-1]
    base_path = "/".join(segments).rstrip("/")
    base = f"{parts.scheme}://{parts.netloc}{base_path}" if parts.netloc else base_path
    url = f"{base}/{page}" if page else f"{base}/"
    return f"{url}?{query}" if query else url


def link_params(filters: Filters, selection: Mapping[str, str]) -> dict[str, str | list[str]]:
    """Query parameters of a link to another page: the filters (language included) and that
    page's selection, so the link keeps the view whether it opens here or in a new tab. Pure."""
    return {**encode(filters), **{k: str(v) for k, v in selection.items()}}


def share_url(filters: Filters) -> str:
    """A full link to the current page with ``filters`` and its own selection (else relative)."""
    page = current_page()
    own = {k: str(st.query_params.get(k)) for k in _page_params(page) if st.query_params.get(k)}
    try:
        context_url = st.context.url or ""
    except Exception:  # no browser context (AppTest)
        context_url = ""
    return page_link(context_url, page, share_query(filters, own))


def _restrict(values: tuple[str, ...], options: Iterable[str]) -> tuple[tuple[str, ...], bool]:
    """Keep values offered by the widget; report whether any were dropped."""
    allowed = set(options)
    kept = tuple(v for v in values if v in allowed)
    return kept, len(kept) != len(values)


def _options(facets: Mapping[str, Any], name: str) -> list[str]:
    values = facets.get(name) or []
    if isinstance(values, Mapping):
        values = list(values)
    return sorted({str(v) for v in values if v is not None and str(v).strip()})


def resolve_url_state(params: dict[str, list[str]], session: Mapping[str, Any]) -> tuple[Filters, list[str], bool]:
    """(filters, ignored parameter names, came_from_url) for this run. Pure: no Streamlit calls.

    The URL wins when it differs from what we wrote last; an empty URL in a session that has
    filters (a page switch drops the query string) restores the session's filters.
    """
    last = session.get(_LAST_URL)
    current: Filters | None = session.get(_STATE)
    if current is not None and params == last:
        return current, [], False
    if current is not None and not params:
        return current, [], False
    filters, ignored = decode(params)
    return filters, ignored, True


def _set_widgets(filters: Filters) -> None:
    ss = st.session_state
    ss[_KEYS["q"]] = filters.q
    ss[_KEYS["date_from"]] = filters.date_from
    ss[_KEYS["date_to"]] = filters.date_to
    for name in ("outlets", "cities", "kinds", "topics"):
        ss[_KEYS[name]] = list(getattr(filters, name))
    ss[_KEYS["lang"]] = filters.lang


def _reset() -> None:
    lang = st.session_state.get(_KEYS["lang"], "ar")
    _set_widgets(Filters(lang=lang))


def _widget_filters() -> Filters:
    ss = st.session_state
    lang = ss.get(_KEYS["lang"]) or "ar"
    date_from = to_date(ss.get(_KEYS["date_from"]))
    date_to = to_date(ss.get(_KEYS["date_to"]))
    return Filters(
        q=str(ss.get(_KEYS["q"]) or "").strip()[:MAX_QUERY_LEN],
        date_from=date_from, date_to=date_to,
        outlets=tuple(ss.get(_KEYS["outlets"]) or ()),
        cities=tuple(ss.get(_KEYS["cities"]) or ()),
        kinds=tuple(ss.get(_KEYS["kinds"]) or ()),
        topics=tuple(ss.get(_KEYS["topics"]) or ()),
        lang=lang if lang in ("ar", "en") else "ar",
    )


def fit_to_widgets(filters: Filters, facets: Mapping[str, Any], today: dt.date
                   ) -> tuple[Filters, list[str]]:
    """Drop what the widgets cannot show: list values the corpus does not offer, dates outside
    the pickers' range. Returns the filters and the names of the parameters dropped. Pure."""
    dropped: list[str] = []
    changes: dict[str, Any] = {}
    lo, hi = date_bounds(facets, today)
    for name, param in (("date_from", "from"), ("date_to", "to")):
        value = getattr(filters, name)
        if value is not None and not lo <= value <= hi:
            dropped.append(param)
            changes[name] = None
    for name, param, options in (("outlets", "outlet", _options(facets, "outlets")),
                                 ("cities", "city", _options(facets, "cities")),
                                 ("kinds", "kind", list(KINDS)),
                                 ("topics", "topic", _options(facets, "topics"))):
        kept, lost = _restrict(getattr(filters, name), options)
        if lost:
            dropped.append(param)
            changes[name] = kept
    return (replace(filters, **changes) if changes else filters), dropped


FacetCounts = Mapping[str, Mapping[str, int]]


def option_label(label: str, count: int | None) -> str:
    """A filter option with the number of articles it would match: "RT Arabic (12)". The name is
    isolated so that the count stays after it in either direction (a Latin name in the Arabic UI,
    an Arabic one in the English UI). Pure."""
    return label if count is None else f"{isolate(label)} ({number(count)})"


def filter_bar(facets: Mapping[str, Any] | None = None,
               counts: Callable[[Filters], FacetCounts] | None = None) -> Filters:
    """Render the sidebar filters (and the theme) and return the filters of this view.

    Call first on every page, before anything is drawn. ``facets`` (outlets, cities, topics,
    min_date, max_date) gives the widget options; ``counts`` (filters → ``Store.facet_counts``)
    puts next to each option how many articles it matches under the other current filters.
    """
    ss = st.session_state
    facets = facets or {}
    params = read_query_params()
    filters, ignored, from_url = resolve_url_state(params, ss)
    if from_url:
        filters, dropped = fit_to_widgets(filters, facets, dt.date.today())
        ignored = list(dict.fromkeys([*ignored, *dropped]))
        _set_widgets(filters)
        ss[_NOTICE] = ignored
    elif ss.get(_DRAWN_ON) not in (None, current_page()):
        # A page switch: the sidebar's widgets belong to the page that drew them, and the new
        # page's fresh widgets would start from their defaults (Arabic, no filters). Nothing was
        # changed on the way, so the session's filters are put back into every widget.
        _set_widgets(filters)
    else:
        for name, key in _KEYS.items():  # widgets cleaned up by a page switch come back
            if key not in ss:
                value = getattr(filters, name)
                ss[key] = list(value) if isinstance(value, tuple) else value
    ss[_DRAWN_ON] = current_page()

    if ss.get(_KEYS["lang"]) not in ("ar", "en"):
        ss[_KEYS["lang"]] = filters.lang if filters.lang in ("ar", "en") else "ar"
    lang = ss[_KEYS["lang"]]
    apply_theme(lang)
    _render_widgets(lang, facets, counts(_sane_dates(_widget_filters())) if counts else None)

    filters = _widget_filters()
    if filters.date_from and filters.date_to and filters.date_from > filters.date_to:
        st.sidebar.warning(t("filters.bad_dates", lang))
    filters = _sane_dates(filters)
    ss[_STATE] = filters
    new_params = _normalise_params(encode(filters))
    own = _page_params(current_page())
    stale = [k for k in PAGE_PARAMS if k not in own and k in st.query_params]
    if new_params != params or stale:
        keep = {k: st.query_params.get_all(k) for k in own if k in st.query_params}
        st.query_params.from_dict({**encode(filters), **keep})
    ss[_LAST_URL] = new_params

    if ss.get(_NOTICE):
        # Parameter names come from whoever wrote the link: shown literally, never as Markdown.
        st.warning(t("filters.ignored", filters.lang, names=safe_inline(", ".join(ss[_NOTICE]))))
        if not from_url:
            ss[_NOTICE] = []
    return filters


def _sane_dates(filters: Filters) -> Filters:
    """A start after the end is ignored (the bar warns about it)."""
    if filters.date_from and filters.date_to and filters.date_from > filters.date_to:
        return replace(filters, date_from=None, date_to=None)
    return filters


def share_link(filters: Filters) -> None:
    """The copyable link to this view, in the sidebar (call last: it includes page selections)."""
    with st.sidebar:
        st.caption(t("filters.share", filters.lang))
        st.code(share_url(filters), language=None, wrap_lines=True)


def _render_widgets(lang: str, facets: Mapping[str, Any], counts: FacetCounts | None = None) -> None:
    sb = st.sidebar

    def n(name: str, value: str) -> int | None:
        return None if counts is None else int((counts.get(name) or {}).get(value, 0))

    sb.radio(t("filters.language", lang), ["ar", "en"], key=_KEYS["lang"], horizontal=True,
             format_func=lambda code: t(f"lang.{code}", lang))
    sb.header(t("filters.header", lang))
    # No max_chars: its counter overlaps the typed query in right-to-left; the codec bounds it.
    sb.text_input(t("filters.query", lang), key=_KEYS["q"], help=t("filters.query_help", lang))
    lo_bound, hi_bound = date_bounds(facets, dt.date.today())
    for key in (_KEYS["date_from"], _KEYS["date_to"]):  # a value kept from an older range
        value = to_date(st.session_state.get(key))
        if value is not None and not lo_bound <= value <= hi_bound:
            st.session_state[key] = None
    sb.date_input(t("filters.date_from", lang), key=_KEYS["date_from"], min_value=lo_bound,
                  max_value=hi_bound, format="YYYY-MM-DD")
    sb.date_input(t("filters.date_to", lang), key=_KEYS["date_to"], min_value=lo_bound,
                  max_value=hi_bound, format="YYYY-MM-DD")
    choose = t("filters.choose", lang)
    sb.multiselect(t("filters.outlets", lang), _options(facets, "outlets"), key=_KEYS["outlets"],
                   format_func=lambda o: option_label(outlet_label(o, lang), n("outlets", o)),
                   placeholder=choose)
    sb.multiselect(t("filters.cities", lang), _options(facets, "cities"), key=_KEYS["cities"],
                   format_func=lambda c: option_label(city_label(c, lang), n("cities", c)), placeholder=choose)
    sb.multiselect(t("filters.kinds", lang), list(KINDS), key=_KEYS["kinds"],
                   format_func=lambda k: option_label(kind_label(k, lang), n("kinds", k)), placeholder=choose)
    sb.multiselect(t("filters.topics", lang), _options(facets, "topics"), key=_KEYS["topics"],
                   format_func=lambda c: option_label(topic_label(c, lang), n("topics", c)),
                   placeholder=choose)
    sb.button(t("filters.reset", lang), on_click=_reset)


def current_lang() -> str:
    """The UI language before the filter bar runs (navigation labels): session, then URL, then ar."""
    lang = st.session_state.get(_KEYS["lang"])
    if lang not in ("ar", "en"):
        lang = st.query_params.get("lang")
    if lang not in ("ar", "en"):
        current = st.session_state.get(_STATE)
        lang = getattr(current, "lang", "ar")
    return lang if lang in ("ar", "en") else "ar"
