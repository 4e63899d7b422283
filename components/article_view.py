"""Article reader and result list: all article text goes through safe_md / st.text, never HTML."""
from __future__ import annotations

from typing import Any, Callable, Iterable, Mapping

import pandas as pd
import streamlit as st

from .i18n import city_label, code_label, kind_label, outlet_label, t, topic_label
from .tables import show_table, titled
from .text import LRI, PDI, RLM, highlight_segments, highlight_text, ltr, safe_inline, safe_url


def is_checked(human_checked: Any, field: str | None = None) -> bool:
    """Whether a person confirmed the article (or one field of it): bool or {field: bool} forms."""
    if isinstance(human_checked, Mapping):
        if field is None:
            return any(bool(v) for v in human_checked.values())
        return bool(human_checked.get(field))
    if isinstance(human_checked, (list, tuple, set)):
        return bool(human_checked) if field is None else field in human_checked
    try:
        return bool(human_checked) and not pd.isna(human_checked)
    except (TypeError, ValueError):
        return bool(human_checked)


def article_title(title: Any, lang: str) -> str:
    """An article's title, or the untitled label set right to left like the Arabic titles it is
    listed with: in the English UI the label is an English run (isolated) in a right-to-left line,
    so "(untitled)" keeps its parentheses and stands at the right edge with the others."""
    if isinstance(title, str) and title.strip():
        return title
    label = t("common.untitled", lang)
    return label if lang == "ar" else f"{RLM}{LRI}{label}{PDI}"


def meta_line(outlet: Any, published: Any, lang: str) -> str:
    """'outlet · date' as escaped Markdown; what is unknown is left out (may be empty)."""
    date = "" if published is None or (isinstance(published, float) and pd.isna(published)) \
        else str(published)[:10]
    parts = [outlet_label(outlet, lang, empty=""), ltr(date) if date else ""]
    return safe_inline(" · ".join(p for p in parts if p))


def result_item(row: Mapping[str, Any], lang: str) -> None:
    """One search result: title, outlet and date, highlighted snippet."""
    with st.container(border=True, key=f"artext_result_{row.get('id')}"):  # Arabic: right to left
        title = article_title(row.get("title"), lang)
        checked = f" {t('common.checked', lang)}" if is_checked(row.get("human_checked")) else ""
        st.markdown(f"**{safe_inline(title)}**{safe_inline(checked)}")
        meta = meta_line(row.get("outlet"), row.get("published"), lang)
        if meta:
            st.caption(meta)
        snippet = row.get("snippet")
        body = highlight_segments(snippet) if isinstance(snippet, (list, tuple)) and len(snippet) else ""
        if body:  # snippets exist for keyword searches only
            st.markdown(body)


def _as_frame(items: Iterable[Mapping[str, Any]] | None) -> pd.DataFrame:
    return pd.DataFrame(list(items or []))


def article_reader(article: Mapping[str, Any], lang: str, query: str = "",
                   event_date: Callable[[Any], Any] | None = None) -> None:
    """The full article: title, meta, checks, text (the search terms marked), meetings, figures,
    topics, sources, provenance."""
    checked = article.get("human_checked")
    title = article_title(article.get("title"), lang)
    with st.container(key="artext_reader_title"):  # article text is right to left in either UI
        st.header(safe_inline(title), anchor=False)
        meta = meta_line(article.get("outlet"), article.get("published"), lang)
        if meta:
            st.caption(meta)
    if is_checked(checked):
        st.success(t("common.checked", lang))

    topics = [topic_label(x, lang) for x in article.get("topics") or []]
    if topics:
        st.markdown(f"**{safe_inline(t('articles.topics', lang))}:** " +
                    safe_inline(("، " if lang == "ar" else ", ").join(topics)))

    meetings = with_event_dates(_as_frame(article.get("meetings")), event_date, lang)
    st.markdown(f"### {safe_inline(t('articles.meetings', lang))}")
    if meetings.empty:
        st.caption(t("empty.no_events", lang))
    else:
        show_table(meetings, ["date", "city", "kind", "status", "inferred", "evidence"], lang,
                   key="reader_meetings")

    figures = _as_frame(article.get("figures"))
    st.markdown(f"### {safe_inline(t('articles.figures', lang))}")
    if figures.empty:
        st.caption(t("empty.no_figures", lang))
    else:
        show_table(figures, ["text", "value", "value_max", "unit", "metric", "qualifier", "period",
                             "human_checked"], lang, key="reader_figures")

    st.markdown(f"### {safe_inline(t('articles.text', lang))}")
    with st.container(border=True, key="artext_reader_body"):
        st.markdown(highlight_text(article.get("clean_text") or "", _hits(query, article.get("clean_text"))))

    sources = _as_frame(article.get("sources"))
    if not sources.empty:
        st.markdown(f"### {safe_inline(t('articles.sources', lang))}")
        if "url" in sources.columns:
            sources["url"] = [safe_url(u) for u in sources["url"]]
        show_table(sources, ["source", "outlet", "url"], lang, key="reader_sources",
                   link_columns=["url"])

    provenance = article.get("provenance") or {}
    corrections = article.get("corrections") or []
    with st.expander(t("articles.provenance", lang)):
        if isinstance(provenance, Mapping) and provenance:
            rows = pd.DataFrame([{"field": k, "source": str(v)} for k, v in provenance.items()])
            st.dataframe(rows, hide_index=True)
        if corrections:
            st.markdown(f"**{safe_inline(t('articles.corrections', lang))}**")
            st.dataframe(pd.DataFrame([c if isinstance(c, Mapping) else {"value": str(c)}
                                       for c in corrections]).astype(str), hide_index=True)
    removed = article.get("removed")
    if isinstance(removed, str) and removed.strip():
        with st.expander(t("articles.removed", lang)):
            st.text(removed)


def with_event_dates(meetings: pd.DataFrame, event_date: Callable[[Any], Any] | None,
                     lang: str) -> pd.DataFrame:
    """A meeting the article does not date shows the date of the event it is linked to, as the
    timeline does, marked inferred."""
    if meetings.empty or event_date is None or "event_id" not in meetings.columns:
        return meetings
    out = meetings.copy()
    if "date" not in out.columns:
        out["date"] = None
    for i, row in out.iterrows():
        undated = row.get("date") is None or (isinstance(row.get("date"), float) and pd.isna(row.get("date")))
        event_id = row.get("event_id")
        if undated and event_id is not None and not (isinstance(event_id, float) and pd.isna(event_id)):
            linked = event_date(int(event_id))
            if linked:
                out.at[i, "date"] = str(linked)[:10]
                out.at[i, "inferred"] = True
    return out


def _hits(query: str, text: Any) -> list[tuple[int, int]]:
    if not query or not text:
        return []
    from corpus.search import parse_query
    from corpus.snippets import find_hits
    return [(h.start, h.end) for h in find_hits(parse_query(query), str(text))]


def event_articles(event: Mapping[str, Any], lang: str) -> None:
    """The articles of one event: a table with links, then each evidence sentence (inferred marked)."""
    items = _as_frame(event.get("articles"))
    if items.empty:
        st.caption(t("empty.no_match", lang))
        return
    if "url" in items.columns:
        items["url"] = [safe_url(u) for u in items["url"]]
    show_table(titled(items, lang), ["title", "outlet", "url", "inferred"], lang, key="event_articles",
               link_columns=["url"])
    for i, row in items.iterrows():
        mark = t("common.inferred_mark", lang) if bool(row.get("inferred")) else ""
        who = " ".join(x for x in (outlet_label(row.get("outlet"), lang, empty=""), mark) if x)
        evidence = row.get("evidence") or ""
        if evidence:  # two paragraphs: each takes its own direction (Arabic quote, English mark)
            attribution = f"\n>\n> — {safe_inline(who)}" if who else ""
            with st.container(key=f"artext_evidence_{i}"):
                st.markdown(f"> {safe_inline(evidence)}{attribution}")


def event_summary(event: Mapping[str, Any], lang: str) -> None:
    """Date, city, kind and status of an event as four metrics."""
    cols = st.columns(4)
    cols[0].metric(t("col.date", lang), str(event.get("date") or t("common.no_date", lang))[:10])
    cols[1].metric(t("col.city", lang), city_label(event.get("city"), lang))
    cols[2].metric(t("col.kind", lang), kind_label(event.get("kind"), lang))
    cols[3].metric(t("col.status", lang), code_label("status", event.get("status"), lang))


def event_label(date: Any, city: Any, kind: Any, lang: str) -> str:
    """'date · city · kind' for a meeting; a meeting without a date says so (never "None")."""
    has_date = date is not None and not (isinstance(date, float) and pd.isna(date)) and str(date).strip() \
        and str(date) not in ("NaT", "None", "nan")
    day = ltr(str(date)[:10]) if has_date else t("common.no_date", lang)
    return f"{day} · {city_label(city, lang)} · {kind_label(kind, lang)}"


def default_event(ids: list[str], dates: list[Any]) -> str | None:
    """The meeting a timeline opens on: the latest one with a date (an undated one only if none is)."""
    dated = [i for i, d in zip(ids, dates)
             if d is not None and not (isinstance(d, float) and pd.isna(d)) and str(d) not in ("", "NaT", "None")]
    return dated[-1] if dated else (ids[-1] if ids else None)
