"""Entry point: page setup and navigation only (views/ hold the pages, components/ the parts)."""
import streamlit as st

from components.filterbar import current_lang, set_current_page
from components.i18n import t
from components.page import redirect_page

_lang = current_lang()
st.set_page_config(page_title=t("app.title", _lang), page_icon="📰", layout="wide",
                   initial_sidebar_state="auto")
# The favicon is an emoji (drawn locally): a :material: icon is fetched from a font server.
# The default page is served at the root; its own name (/overview) redirects there.
_overview = st.Page("views/overview.py", title=t("nav.overview", _lang), icon=":material/dashboard:",
                    url_path="home", default=True)
_pages = [
    _overview,
    st.Page("views/timeline.py", title=t("nav.timeline", _lang), icon=":material/timeline:", url_path="timeline"),
    st.Page("views/meeting.py", title=t("nav.meeting", _lang), icon=":material/event_note:", url_path="meeting"),
    st.Page("views/figures.py", title=t("nav.figures", _lang), icon=":material/monitoring:", url_path="figures"),
    st.Page("views/articles.py", title=t("nav.articles", _lang), icon=":material/article:", url_path="articles"),
    st.Page("views/said.py", title=t("nav.said", _lang), icon=":material/record_voice_over:", url_path="said"),
    st.Page("views/upload.py", title=t("nav.upload", _lang), icon=":material/upload_file:", url_path="upload"),
    redirect_page(_overview, "overview"),
]
_page = st.navigation(_pages)
set_current_page(_page.url_path)
_page.run()
