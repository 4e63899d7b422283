"""Streamlit's chart look written into a figure's own layout, for charts shown with ``theme=None``.

Streamlit applies its chart theme in the browser twice: when a chart mounts, and again in an
effect right after, on a deep copy of the figure. plotly compares ``layout.template`` by identity,
so the copy's new template object redraws every point a second time; with thousands of markers
(the timeline at 100k articles) that second draw costs as much as the first. A chart built with
``own_theme`` carries the theme's values in its layout and no template at all, and a
``datarevision`` digest of what it shows: the copy then has the same layout values and the same
revision, and plotly does not draw it again. Such a chart must be shown with
``st.plotly_chart(fig, theme=None, ...)`` (the theme would bring the template back).

The values are the ones Streamlit 1.67's light theme (the app's ``[theme] base = "light"``) gives
the timeline, read from the drawn chart; the figure's own settings (``charts.mirror``) win.
"""
from __future__ import annotations

import hashlib
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from .theme import FONT_STACK

TEXT_GREY = "#808495"  # axis labels and the default text of the theme
HEADING = "#2F2D2B"
SMALL = 12  # tick labels, legend and hover text
CATEGORICAL = ["#0068c9", "#83c9ff", "#ff2b2b", "#ffabab", "#29b09d", "#7defa1", "#ff8700", "#ffd16a",
               "#6d3fc0", "#d5dae5"]
_AXIS = {"tickfont": {"size": SMALL, "color": TEXT_GREY}, "ticklabelposition": "outside", "automargin": True}
LIGHT_LAYOUT: dict[str, Any] = {
    "font": {"color": TEXT_GREY, "family": FONT_STACK},
    "title": {"font": {"family": '"Source Sans", sans-serif', "size": 16, "color": HEADING, "weight": 700},
              "pad": {"l": 2}},
    "legend": {"font": {"size": SMALL, "color": "#262730"}, "bgcolor": "#FFFFFF", "bordercolor": "rgba(0,0,0,0)"},
    "hoverlabel": {"bgcolor": "#FFFFFF", "bordercolor": "rgba(47, 45, 43, 0.2)",
                   "font": {"size": SMALL, "color": TEXT_GREY}},
    "paper_bgcolor": "#FFFFFF",
    "plot_bgcolor": "#FFFFFF",
    "colorway": CATEGORICAL,
    "margin": {"pad": 8},
    "xaxis": {**_AXIS, "showgrid": False},
    "yaxis": dict(_AXIS),
}


def data_revision(frame: pd.DataFrame, *more: str) -> str:
    """A digest of ``frame``'s values (and of ``more``): equal data, equal revision."""
    digest = hashlib.blake2b(digest_size=8)
    digest.update(pd.util.hash_pandas_object(frame, index=False).to_numpy().tobytes())
    for part in more:
        digest.update(part.encode())
    return digest.hexdigest()


def own_theme(fig: go.Figure, revision: str) -> go.Figure:
    """``fig`` with the light theme's values under its own layout settings, no template, and
    ``revision`` as its ``datarevision`` (``data_revision`` of what the figure was built from)."""
    own = fig.layout.to_plotly_json()
    own.pop("template", None)
    layout = go.Layout(LIGHT_LAYOUT)
    layout.update(own)
    layout.datarevision = revision
    fig.layout = layout
    fig.layout.template = None
    return fig


def has_template(fig: go.Figure) -> bool:
    """Whether the figure would reach the browser with a template (``own_theme``'s have none)."""
    return "template" in fig.to_plotly_json().get("layout", {})
