"""The work a fresh server does once, before any browser asks: the page modules' imports (pandas,
SQLAlchemy, the store), opening the store, reading its snapshot (from the kept file, else the
tables), the overview's default data into the data caches, and plotly's first figures (plotly
loads its validators on a process's first figure). Run by ``components.startup`` in a thread at
server start, while the first browser loads Streamlit's bundle; a page that asks for the same
thing meanwhile waits for it (Streamlit's caches compute a value once)."""
from __future__ import annotations

from corpus.filters import CoverageView, Filters

from .charts import outlets_figure
from .coverage import comparison_figure, outlets_over_time_figure
from .data import Data, get_store


def warm_up() -> None:
    """Open the store and fill the caches the overview reads with no filters."""
    data = Data(Filters(), get_store())
    data.facets()
    data.facet_counts()
    if not data.count():
        return
    view, lang = CoverageView(), Filters().lang
    data.events()
    data.count_figures()
    comparison_figure(data.compare(view.q2, view.per), view.per, lang)
    outlets_over_time_figure(data.coverage_by_outlet(view.per), view.per, lang)
    outlets_figure(data.outlet_counts(), lang)
