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

from corpus.filters import FILTERS, UI_LANGS, VIEW_PARAMS, Filters, decode, encode, inverted_ranges, \
    without_inverted_ranges

from .filterwidgets import FacetCounts, draw_widgets, fit_value, from_state, to_state
from .i18n import t
from .text import safe_inline
from .theme import apply_theme

_KEYS = {row.name: row.widget.key for row in FILTERS}  # a Filters field → its widget's session key
_LANG_PARAM = next(row.param for row in FILTERS if row.name == "lang")
_STATE = "_flt_filters"  # the session's current Filters (survives page switches)
_LAST_URL = "_flt_last_params"  # the query params we wrote last
_DRAWN_ON = "_flt_drawn_on"  # the page whose run drew the filter widgets last
_NOTICE = "_flt_notice"  # names of ignored parameters, shown until the URL changes
# The Overview (served at the root, url_path "") draws coverage over time.
VIEW_PAGES = ("", "home")
# Page parameters, a table beside the filter table: (URL parameter, url paths of the pages it
# belongs to). They also live in the URL but are not filters, so they bypass the filter codec; the
# page reads (and checks) its own, and another page drops them. The meeting record (/meeting) and
# the timeline read the same ``event`` id; the statements page (/said) its ``speaker``
# (``corpus.filters.decode_speaker``); the Figures page its ledger ``line`` (``corpus.ledger.line_id``);
# the Overview its second query and bucket size (``q2``, ``per``: ``corpus.filters.decode_view``).
PAGE_PARAM_TABLE: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("event", ("timeline", "meeting")),
    ("article", ("articles",)),
    ("speaker", ("said",)),
    ("line", ("figures",)),
    *((param, VIEW_PAGES) for param in VIEW_PARAMS),
)
PAGE_PARAMS = tuple(param for param, _ in PAGE_PARAM_TABLE)
# Pages with a selection of their own (their path is replaced when a link names another page).
_SELECTION_PAGES = {page for _, pages in PAGE_PARAM_TABLE for page in pages if page not in VIEW_PAGES}
_PAGE_PATH = "_flt_page_path"  # url_path of the page this run draws (set by app.py)


def set_current_page(url_path: str) -> None:
    """Remember which page this run draws (app.py calls it with the navigation's page)."""
    st.session_state[_PAGE_PATH] = url_path or ""


def current_page() -> str:
    return str(st.session_state.get(_PAGE_PATH) or "")


def _page_params(page: str) -> tuple[str, ...]:
    return tuple(param for param, pages in PAGE_PARAM_TABLE if page in pages)


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
    if segments and segments[-1] in {*known_pages, *_SELECTION_PAGES, "overview", "upload", page}:
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
    for row in FILTERS:
        st.session_state[row.widget.key] = to_state(getattr(filters, row.name))


def _reset() -> None:
    lang = st.session_state.get(_KEYS["lang"], UI_LANGS[0])
    _set_widgets(Filters(lang=lang))


def _widget_filters() -> Filters:
    ss = st.session_state
    return Filters(**{row.name: from_state(row, ss.get(row.widget.key)) for row in FILTERS})


def fit_to_widgets(filters: Filters, facets: Mapping[str, Any], today: dt.date
                   ) -> tuple[Filters, list[str]]:
    """Drop what the widgets cannot show: list values the corpus does not offer, dates outside
    the pickers' range. Returns the filters and the names of the parameters dropped. Pure."""
    dropped: list[str] = []
    changes: dict[str, Any] = {}
    for row in FILTERS:
        value, lost = fit_value(row, getattr(filters, row.name), facets, today)
        if lost:
            dropped.append(row.param)
            changes[row.name] = value
    return (replace(filters, **changes) if changes else filters), dropped


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
                ss[key] = to_state(getattr(filters, name))
    ss[_DRAWN_ON] = current_page()

    if ss.get(_KEYS["lang"]) not in UI_LANGS:
        ss[_KEYS["lang"]] = filters.lang if filters.lang in UI_LANGS else UI_LANGS[0]
    lang = ss[_KEYS["lang"]]
    apply_theme(lang)
    draw_widgets(FILTERS, lang, facets, counts(without_inverted_ranges(_widget_filters())) if counts else None)
    st.sidebar.button(t("filters.reset", lang), on_click=_reset)

    filters = _widget_filters()
    if inverted_ranges(filters):
        st.sidebar.warning(t("filters.bad_dates", lang))
    filters = without_inverted_ranges(filters)
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


def share_link(filters: Filters) -> None:
    """The copyable link to this view, in the sidebar (call last: it includes page selections)."""
    with st.sidebar:
        st.caption(t("filters.share", filters.lang))
        st.code(share_url(filters), language=None, wrap_lines=True)


def current_lang() -> str:
    """The UI language before the filter bar runs (navigation labels): session, then URL, then ar."""
    lang = st.session_state.get(_KEYS["lang"])
    if lang not in UI_LANGS:
        lang = st.query_params.get(_LANG_PARAM)
    if lang not in UI_LANGS:
        current = st.session_state.get(_STATE)
        lang = getattr(current, "lang", UI_LANGS[0])
    return lang if lang in UI_LANGS else UI_LANGS[0]
