"""Entry point: page setup and navigation only (pages/ hold the views, components/ the parts)."""
from pathlib import Path

import streamlit as st

from components.filterbar import current_lang
from components.i18n import t

st.set_page_config(page_title=t("app.title", "ar"), page_icon=":material/newspaper:", layout="wide",
                   initial_sidebar_state="expanded")
_lang = current_lang()
_pages = [
    st.Page("pages/overview.py", title=t("nav.overview", _lang), icon=":material/dashboard:", url_path="overview",
            default=True),
    st.Page("pages/timeline.py", title=t("nav.timeline", _lang), icon=":material/timeline:", url_path="timeline"),
    st.Page("pages/figures.py", title=t("nav.figures", _lang), icon=":material/monitoring:", url_path="figures"),
    st.Page("pages/articles.py", title=t("nav.articles", _lang), icon=":material/article:", url_path="articles"),
]
if (Path(__file__).parent / "pages" / "upload.py").is_file():  # written by the upload work
    _pages.append(st.Page("pages/upload.py", title=t("nav.upload", _lang), icon=":material/upload_file:", url_path="upload"))
st.navigation(_pages).run()
