"""Articles: results with highlighted snippets, keyword in context, the reader, a word cloud."""
import streamlit as st

from components.article_view import article_reader, article_title, result_item
from components.exports import deferred_download_buttons
from components.filterbar import page_param, set_page_param
from components.i18n import number, t
from components.page import end_page, start_page, stop_if_empty
from components.tables import newest_first, show_kwic, show_table, titled
from components.wordcloud import render_wordcloud
from corpus.store import textsearch

LIST_LIMIT = 30
# The word cloud reads article bodies: only when asked for, and from the most recent few hundred.
CLOUD_ARTICLES = 400
TABS_KEY = "art_tabs"  # the tab open
RESULT_COLUMNS = ["published", "outlet", "title", "meeting_date", "city", "kind", "topics",
                  "n_sources", "human_checked"]

filters, data = start_page("articles.title")
lang = filters.lang
n = stop_if_empty(data, filters)
articles = newest_first(data.articles(limit=500)) if not filters.q else data.articles(limit=500)
st.caption(t("articles.results", lang, n=n))
if filters.q and data.search_order() == "newest":
    st.caption(t("articles.order_newest", lang, n=number(textsearch.RANK_MAX_MATCHES)))


def results_tab() -> None:
    for _, row in articles.head(LIST_LIMIT).iterrows():
        result_item(row, lang)
    show_table(titled(articles, lang), RESULT_COLUMNS, lang, key="art_table")
    # The files are written when a button is clicked, not on every rerun.
    deferred_download_buttons(lambda: articles.drop(columns=["snippet"], errors="ignore"), "articles", lang,
                              key="art_dl")


def kwic_tab() -> None:
    if not filters.q:
        st.info(t("empty.no_query", lang))
        return
    lines = data.kwic(filters.q)
    if lines.empty:
        st.info(t("empty.no_match", lang))
    else:
        show_kwic(lines, lang, key="kwic_table")


def reader_tab() -> None:
    ids = [str(i) for i in articles["id"]]
    titles = {str(i): article_title(title, lang) for i, title in zip(articles["id"], articles["title"])}
    if st.session_state.get("art_pick") not in ids:
        wanted = page_param("article")
        st.session_state["art_pick"] = wanted if wanted in ids else ids[0]
    picked = st.selectbox(t("articles.select", lang), ids, key="art_pick",
                          format_func=lambda i: titles.get(i, i))
    # Only a chosen article goes into the link (the first one is merely what the tab opens on).
    set_page_param("article", picked if picked != ids[0] or page_param("article") == picked else None)
    article = data.article(int(picked) if picked.isdigit() else picked)
    if article:
        article_reader(article, lang, filters.q, event_date=lambda i: (data.event(i) or {}).get("date"))


def cloud_tab() -> None:  # the cloud also waits for its toggle
    if st.toggle(t("articles.cloud_show", lang), key="art_cloud"):
        terms = data.terms(top=80, max_articles=CLOUD_ARTICLES)
        if len(terms) < 3:
            st.info(t("empty.no_terms", lang))
        else:
            st.image(render_wordcloud(terms), caption=t("articles.cloud_caption", lang))
            if n > CLOUD_ARTICLES:
                st.caption(t("articles.cloud_note", lang, n=CLOUD_ARTICLES))


# The tabs keep which one is open and rerun on a switch: a rerun draws the open tab only. A link
# naming an article (``article=``) opens on the reader.
TABS = {"articles.tab_results": results_tab, "articles.tab_kwic": kwic_tab, "articles.tab_reader": reader_tab,
        "articles.tab_cloud": cloud_tab}
opening = t("articles.tab_reader", lang) if page_param("article") else None
for tab, draw in zip(st.tabs([t(label, lang) for label in TABS], default=opening, key=TABS_KEY,
                             on_change="rerun"), TABS.values()):
    if tab.open is not False:
        with tab:
            draw()
end_page(filters)
