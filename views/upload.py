"""Upload: add articles (preview and correct first), remove with undo, and the history. Editors only."""
import streamlit as st

from components.auth import write_access
from components.i18n import t
from components.page import end_page, start_page
from components.upload import (interrupted_notice, last_outcomes, preview_and_store, remove_article,
                               removed_articles, show_history, upload_files)
from corpus.preview import MIN_ARABIC_RATIO

filters, data = start_page("upload.title")
lang = filters.lang
st.caption(t("upload.intro", lang))
st.caption(t("upload.language_policy", lang, pct=round(MIN_ARABIC_RATIO * 100)))

editor = write_access(lang)
if editor is None:
    st.caption(t("upload.read_only", lang))
    end_page(filters)
    st.stop()

interrupted_notice(editor, data.store, lang)
upload_files(lang)
preview_and_store(editor, data.store, lang)
last_outcomes(lang)
st.divider()
remove_article(editor, data.articles(limit=1000), data.store, lang)
removed_articles(editor, data.store, lang)
st.divider()
show_history(data.store, lang)
end_page(filters)
