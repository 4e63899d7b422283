"""Who said what on screen: the speaker choice (its ``speaker`` URL parameter), one card per
statement, and the table behind the CSV download.

Statements and their sentences are Arabic: drawn inside containers keyed ``artext_*`` (right to left
in both UI languages) through ``highlight_text``/``safe_inline``, never as HTML. The speaker lives in
the URL as the page selection ``speaker`` (``components.filterbar.PAGE_PARAM_TABLE``), read and checked
by the pure ``corpus.filters.decode_speaker``.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Any, Mapping

import pandas as pd
import streamlit as st

from corpus.filters import SPEAKERS, Filters, decode_speaker
from corpus.search import parse_query

from .filterbar import link_params, page_param, set_page_param
from .i18n import outlet_label, t
from .text import highlight_text, ltr, safe_inline, truncate

SPEAKER_KEY = "said_speaker"
_SHOWN = "_said_speaker_url"  # the speaker this page last wrote to the URL
_UNSET = object()
OPTIONS = ("both", *SPEAKERS)
# The CSV: the statement and its sentence first, then where it comes from (codes, not labels).
EXPORT_COLUMNS = ["speaker", "mode", "text", "sentence", "verb", "outlet", "published", "title", "article_id",
                  "event_id", "topics"]


def speaker_choice(lang: str) -> str | None:
    """The speaker radio (both, Putin, Aliyev), kept in the URL's ``speaker``; None means both.

    A link that names another speaker than the one shown last chooses it; an unknown value gets
    a notice and shows both."""
    raw = page_param("speaker")
    wanted, valid = decode_speaker(raw)
    if not valid:
        st.warning(t("said.bad_speaker", lang, value=safe_inline(truncate(raw, 20))))
    ss = st.session_state
    if raw is not None and raw != ss.get(_SHOWN, _UNSET):
        ss[SPEAKER_KEY] = wanted or "both"
    elif ss.get(SPEAKER_KEY) not in OPTIONS:
        ss[SPEAKER_KEY] = "both"
    choice = st.radio(t("said.speaker", lang), OPTIONS, key=SPEAKER_KEY, horizontal=True,
                      format_func=lambda code: t(f"said.speaker.{code}", lang))
    speaker = None if choice == "both" else str(choice)
    set_page_param("speaker", speaker)
    ss[_SHOWN] = speaker
    return speaker


def article_filters(filters: Filters) -> Filters:
    """The filters a link to a statement's article carries: the query too (the reader marks its
    words), unless it excludes words, which may hide the article though not the statement. Pure."""
    return filters if not parse_query(filters.q).excluded else replace(filters, q="")


def card_who(row: Mapping[str, Any], lang: str) -> str:
    """'speaker · direct quote/reported speech' as escaped Markdown. Pure."""
    speaker, mode = row.get("speaker"), row.get("mode")
    return safe_inline(f"{t(f'said.speaker.{speaker}', lang)} · {t(f'said.mode.{mode}', lang)}")


def card_source(row: Mapping[str, Any], lang: str) -> str:
    """'date · outlet' as escaped Markdown, what is unknown left out. The date comes first, so a
    narrow screen does not wrap it at a hyphen. Pure."""
    published = row.get("published")
    parts = [ltr(str(published)[:10]) if published is not None and not pd.isna(published) else "",
             outlet_label(row.get("outlet"), lang, empty="")]
    return safe_inline(" · ".join(p for p in parts if p))


_QUOTE_MARKS = "\"'«»“”‘’„"


def statement_markdown(text: Any, hits: Any, mode: Any) -> str:
    """The statement as Markdown with the query's words marked; a direct quote in « » unless the
    text already opens with a quotation mark. Pure."""
    body = highlight_text(text, hits if isinstance(hits, (list, tuple)) else [])
    quoted = mode == "direct" and not str(text or "").lstrip().startswith(tuple(_QUOTE_MARKS))
    return f"«{body}»" if quoted else body


def event_of(row: Mapping[str, Any]) -> int | None:
    value = row.get("event_id")
    return None if value is None or pd.isna(value) else int(value)


def statement_card(row: Mapping[str, Any], index: int, filters: Filters) -> None:
    """One statement: who and how, what was said, its sentence, outlet and date, the links."""
    lang = filters.lang
    with st.container(border=True, key=f"said_card_{index}"):
        st.markdown(f"**{card_who(row, lang)}**")
        source = card_source(row, lang)
        if source:
            st.caption(source)
        with st.container(key=f"artext_said_text_{index}"):  # Arabic: right to left in both UIs
            st.markdown(statement_markdown(row.get("text"), row.get("hits"), row.get("mode")))
        with st.container(key=f"artext_said_sentence_{index}"):  # the whole sentence, smaller
            st.caption(safe_inline(row.get("sentence")))
        cols = st.columns(2)
        cols[0].page_link("views/articles.py", label=t("said.read", lang), icon=":material/article:",
                          query_params=link_params(article_filters(filters), {"article": row.get("article_id")}))
        event_id = event_of(row)
        if event_id is not None:
            cols[1].page_link("views/meeting.py", label=t("said.meeting", lang), icon=":material/event_note:",
                              query_params=link_params(filters, {"event": event_id}))


def export_frame(rows: pd.DataFrame) -> pd.DataFrame:
    """The statements as the CSV holds them (codes, not labels; no highlight spans). Pure."""
    return rows.reindex(columns=EXPORT_COLUMNS)
