"""The work a fresh server does once, before any browser asks: the imports of the data layer
(pandas, SQLAlchemy, the store) and of the first page's modules, opening the store, reading its
snapshot (from the kept file, else the tables) and the overview's default data into the data
caches. Run by ``components.startup`` in a thread at server start, while the first browser loads
Streamlit's bundle.

It also takes away what Streamlit made the first page's run pay once per process (CPU at 100k
articles, all modules loaded): its emoji catalogue, loaded for the favicon (35 ms; loaded here);
its hint for a script run without ``streamlit run``, for which it asks ``inspect.stack()``
whether it runs in a REPL, mapping each of the ~1,500 loaded modules to its file (55 ms; a
server never needs the hint: marked as given); and, after every run, its collection of all
generations of garbage, which walked the ~155,000 objects of the imports and caches (85 ms, before
the browser heard that the script had finished; ``components.startup`` freezes them out of the
collector once the warm-up is done).

Plotly's figures are not built here: small figures of the same data cost ~85 ms and spare the
page's ~20 ms (plotly's first use); building the overview's own twice costs more than it saves."""
from __future__ import annotations

import importlib
import importlib.util

import streamlit.delta_generator

from corpus.filters import CoverageView, Filters

# The first page's modules, imported here rather than on its run.
from . import charts, coverage, exports, navigation, tables  # noqa: F401
from .data import Data, get_store

# Streamlit's modules that its first page run would import (the favicon's emoji check).
STREAMLIT_LAZY = ("streamlit.emojis",)


def warm_up() -> None:
    """Open the store, fill the caches the overview reads with no filters, and take away
    Streamlit's once-per-process costs of a first page."""
    data = Data(Filters(), get_store())
    data.facets()
    data.facet_counts()
    if data.count():
        view = CoverageView()
        data.events()
        data.outlet_counts()
        data.count_figures()
        data.compare(view.q2, view.per)
        data.coverage_by_outlet(view.per)
    prepare_streamlit()


def prepare_streamlit() -> None:
    """Streamlit's lazy imports of a first page, and its REPL check marked done."""
    for name in STREAMLIT_LAZY:
        if importlib.util.find_spec(name) is not None:
            importlib.import_module(name)
    # Only read by Streamlit's once-per-process hint (a script imported without `streamlit run`).
    streamlit.delta_generator._use_warning_has_been_displayed = True
