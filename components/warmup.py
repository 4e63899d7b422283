"""The work a fresh server does once, before any browser asks: the data layer's imports (pandas,
SQLAlchemy, the store), opening the store, reading its snapshot (from the kept file, else the
tables) and the overview's default data into the data caches. Run by ``components.startup`` in a
thread at server start, while the first browser loads Streamlit's bundle.

Plotly's figures are not built here: at 100k articles the overview's three cost ~0.11 s of CPU
on a fresh process and ~0.08 s after a first build, so building them twice costs more than it saves."""
from __future__ import annotations

from corpus.filters import CoverageView, Filters

from .data import Data, get_store


def warm_up() -> None:
    """Open the store and fill the caches the overview reads with no filters."""
    data = Data(Filters(), get_store())
    data.facets()
    data.facet_counts()
    if not data.count():
        return
    view = CoverageView()
    data.events()
    data.outlet_counts()
    data.count_figures()
    data.compare(view.q2, view.per)
    data.coverage_by_outlet(view.per)
