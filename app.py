"""Entry point. Streamlit runs this file as every page's script (``__main__``): page setup and
navigation. ``streamlit run app.py`` first imports it as a module to find ``app``: an ``st.App``
serving this same file, whose lifespan warms the server up at start (``components.startup``)."""
import streamlit as st

from components.startup import lifespan, wait_for_warm_up

if __name__ == "__main__":
    wait_for_warm_up()
    from components.navigation import show_pages
    show_pages()
else:
    app = st.App(__file__, lifespan=lifespan)
