"""Page setup and navigation (run by app.py on every script run)."""
from pathlib import Path

import streamlit as st

from .filterbar import current_lang, set_current_page
from .i18n import t
from .page import redirect_page

# By absolute path: a benchmark's entry script elsewhere serves the same pages.
VIEWS = Path(__file__).resolve().parent.parent / "views"


def show_pages() -> None:
    """Set the page up, list the pages and run the one the URL asks for."""
    lang = current_lang()
    st.set_page_config(page_title=t("app.title", lang), page_icon="📰", layout="wide",
                       initial_sidebar_state="auto")
    # The favicon is an emoji (drawn locally): a :material: icon is fetched from a font server.
    # The default page is served at the root; its own name (/overview) redirects there.
    overview = st.Page(VIEWS / "overview.py", title=t("nav.overview", lang), icon=":material/dashboard:",
                       url_path="home", default=True)
    pages = [
        overview,
        st.Page(VIEWS / "timeline.py", title=t("nav.timeline", lang), icon=":material/timeline:", url_path="timeline"),
        st.Page(VIEWS / "meeting.py", title=t("nav.meeting", lang), icon=":material/event_note:", url_path="meeting"),
        st.Page(VIEWS / "figures.py", title=t("nav.figures", lang), icon=":material/monitoring:", url_path="figures"),
        st.Page(VIEWS / "articles.py", title=t("nav.articles", lang), icon=":material/article:", url_path="articles"),
        st.Page(VIEWS / "said.py", title=t("nav.said", lang), icon=":material/record_voice_over:", url_path="said"),
        st.Page(VIEWS / "upload.py", title=t("nav.upload", lang), icon=":material/upload_file:", url_path="upload"),
        redirect_page(overview, "overview"),
    ]
    page = st.navigation(pages)
    set_current_page(page.url_path)
    page.run()
