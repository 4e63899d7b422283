"""The dashboard as it started before the server warm-up (``appbench --first-page`` times both):
the same pages without app.py's ``st.App`` lifespan, so the first page does the imports, opens
the store and reads the snapshot itself."""
from components.navigation import show_pages

show_pages()
