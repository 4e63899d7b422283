"""The meeting record (``corpus.records.MeetingRecord``) on screen.

Article titles and evidence sentences are Arabic: they are drawn inside containers keyed
``artext_*`` (right to left in both UI languages; the dates and marks around them follow the UI),
always through ``safe_inline``/``safe_md`` or data grids, never as HTML. The English brief is
shown in the English interface only.
"""
from __future__ import annotations

import pandas as pd
import streamlit as st

from corpus.filters import Filters
from corpus.records import MeetingRecord, OutletGroup, RecordArticle
from corpus.store import StoreLike

from .article_view import event_summary
from .auth import Editor
from .filterbar import link_params
from .i18n import outlet_label, t, topic_label
from .statements import statement_card
from .tables import show_table
from .text import ltr, safe_inline, safe_md, safe_url

# The quote and its sentence first: in Arabic the grid opens at its first columns (on the right).
FIGURE_COLUMNS = ["text", "sentence", "metric", "value", "value_max", "unit", "qualifier", "period",
                  "outlet", "published"]


def record_summary_lines(record: MeetingRecord, lang: str) -> list[str]:
    """Plain-text lines under the metrics: counts, first to report, topics. Pure. The date comes
    early in its line, so a narrow screen does not wrap it at a hyphen."""
    articles = record.articles
    lines = [t("meeting.summary", lang, n=len(articles), m=len(record.outlets))]
    first = [a for a in articles if a.first]
    if first and record.first_reported is not None:
        names = list(dict.fromkeys(outlet_label(a.outlet, lang) for a in first))
        lines.append(t("meeting.first", lang, outlets=("، " if lang == "ar" else ", ").join(names),
                       date=ltr(record.first_reported.isoformat())))
    if record.topics:
        sep = "، " if lang == "ar" else ", "
        lines.append(f"{t('meeting.topics', lang)}: {sep.join(topic_label(x, lang) for x in record.topics)}")
    return lines


def article_marks(article: RecordArticle, lang: str) -> str:
    """'(first to report) (inferred)' as they apply; '' for neither. Pure."""
    marks = [t("meeting.first_mark", lang) if article.first else "",
             t("common.inferred_mark", lang) if article.inferred else ""]
    return " ".join(m for m in marks if m)


def _outlet_group(group: OutletGroup, index: int, filters: Filters) -> None:
    lang = filters.lang
    name = outlet_label(group.outlet, lang, empty=t("meeting.no_outlet", lang))
    st.markdown(f"### {safe_inline(name)} ({len(group.articles)})")
    for article in group.articles:
        with st.container(border=True, key=f"rec_article_{index}_{article.article_id}"):
            with st.container(key=f"artext_rec_title_{index}_{article.article_id}"):  # Arabic: RTL
                st.markdown(f"**{safe_inline(article.title or t('common.untitled', lang))}**")
            day = ltr(article.published.isoformat()) if article.published else t("common.no_date", lang)
            meta = " · ".join(x for x in (day, article_marks(article, lang)) if x)
            st.caption(safe_inline(meta))
            cols = st.columns(2)
            cols[0].page_link("views/articles.py", label=t("meeting.read", lang),
                              icon=":material/article:",
                              query_params=link_params(filters, {"article": article.article_id}))
            url = safe_url(article.url)
            if url:
                cols[1].link_button(t("col.url", lang), url)


def _evidence(record: MeetingRecord, lang: str) -> None:
    for i, item in enumerate(record.evidence):
        mark = t("common.inferred_mark", lang) if item.inferred else ""
        who = " ".join(x for x in (outlet_label(item.outlet, lang, empty=""), mark) if x)
        attribution = f"\n>\n> — {safe_inline(who)}" if who else ""
        with st.container(key=f"artext_rec_evidence_{i}"):
            st.markdown(f"> {safe_inline(item.sentence)}{attribution}")


# Statements drawn on the record (all of them are in the Who said what page, filtered to it).
MAX_RECORD_STATEMENTS = 30


def _statements(record: MeetingRecord, filters: Filters) -> None:
    """What each leader said in the meeting's articles: Putin's statements, then Aliyev's."""
    lang = filters.lang
    st.header(t("meeting.said", lang), anchor=False)
    if not record.statements:
        st.caption(t("meeting.no_statements", lang))
        return
    ordered = sorted(record.statements, key=lambda s: (s.speaker != "putin", s.published is None,
                                                       s.published or 0, s.article_id))
    for i, s in enumerate(ordered[:MAX_RECORD_STATEMENTS]):
        statement_card({"speaker": s.speaker, "mode": s.mode, "text": s.text, "sentence": s.sentence,
                        "outlet": s.outlet, "published": s.published, "article_id": s.article_id,
                        "event_id": None, "hits": []}, i, filters)
    if len(ordered) > MAX_RECORD_STATEMENTS:
        st.caption(t("meeting.more_statements", lang, n=len(ordered) - MAX_RECORD_STATEMENTS))


def figures_frame(record: MeetingRecord) -> pd.DataFrame:
    """The record's figures as a table (codes, not labels). Pure."""
    return pd.DataFrame([{c: getattr(f, c) for c in FIGURE_COLUMNS} for f in record.figures],
                        columns=FIGURE_COLUMNS)


def meeting_record_view(record: MeetingRecord, filters: Filters) -> None:
    """Date, city, kind, status; counts and first report; the English brief (English UI); the
    articles by outlet; the evidence sentences; the figures with their sentences."""
    lang = filters.lang
    event_summary({"date": record.date, "city": record.city, "kind": record.kind,
                   "status": record.status}, lang)
    for line in record_summary_lines(record, lang):
        st.markdown(safe_inline(line))
    if lang == "en":
        st.header(t("meeting.brief", lang), anchor=False)
        with st.container(border=True, key="brief_en"):
            st.markdown(safe_md(record.brief_en))
        st.caption(t("meeting.brief_note", lang))

    st.header(t("meeting.articles", lang), anchor=False)
    for i, group in enumerate(record.outlets):
        _outlet_group(group, i, filters)
    if record.n_inferred:
        st.caption(t("timeline.inferred_note", lang))

    st.header(t("meeting.evidence", lang), anchor=False)
    _evidence(record, lang)

    _statements(record, filters)

    st.header(t("meeting.figures", lang), anchor=False)
    if not record.figures:
        st.caption(t("meeting.no_figures", lang))
    else:
        show_table(figures_frame(record), FIGURE_COLUMNS, lang, key="rec_figures")


def grouping_controls(record: MeetingRecord, others: dict[str, str], editor: Editor, store: StoreLike,
                      lang: str) -> None:
    """Editors merge another meeting into this one, or move some of its articles to a new one.
    ``others``: event id → label of the other meetings. Both are corrections the store keeps
    across ``reprocess`` (``Store.merge_events`` / ``Store.split_event``)."""
    with st.expander(t("meeting.grouping", lang)):
        st.caption(t("meeting.grouping_note", lang))
        other = st.selectbox(t("meeting.merge_with", lang), list(others), index=None, key="mr_merge_with",
                             format_func=lambda i: others.get(i, i))
        if st.button(t("meeting.merge_button", lang), key="mr_merge", disabled=other is None) and other:
            moved = store.merge_events(record.event_id, int(other), who=editor.who)
            st.session_state["_mr_notice"] = t("meeting.merged", lang, n=moved)
            st.rerun()
        articles = {a.article_id: a for g in record.outlets for a in g.articles}
        chosen = st.multiselect(t("meeting.split_articles", lang), list(articles), key="mr_split",
                                format_func=lambda a: articles[a].title or t("common.untitled", lang))
        if st.button(t("meeting.split_button", lang), key="mr_split_go", disabled=not chosen):
            if len(chosen) >= len(articles):
                st.warning(t("meeting.split_all", lang))
            else:
                store.split_event(list(chosen), who=editor.who)
                st.session_state["_mr_notice"] = t("meeting.split_done", lang, n=len(chosen))
                st.rerun()
    notice = st.session_state.pop("_mr_notice", None)
    if notice:
        st.success(notice)
