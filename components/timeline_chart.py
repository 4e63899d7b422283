"""The timeline chart: meetings over time, one row per kind.

Thousands of meetings at 100k articles, and the chart is drawn anew in the browser after every
filter change, so what it asks of the browser is kept small:

- every per-point value goes to plotly as a numpy array of numbers or text, which it takes and
  copies as a block (a list, or an array of Python objects, it validates item by item);
- a crowded chart (over ``TIMELINE_LABELS_MAX`` meetings) has no city labels and no white ring
  round each marker: thousands of overlapping labels smear, the rings only draw a white mesh over
  the colours, and both cost the browser far more than the markers (the hover names the city);
- the margins are wide enough for the axis labels before plotly draws (``label_margins``);
- it carries Streamlit's look in its own layout and no template (``chart_theme.own_theme``): shown
  with ``theme=None`` it is drawn once per change instead of twice.
"""
from __future__ import annotations

import html
from typing import Any, Callable, Iterable, Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from .chart_theme import data_revision, own_theme
from .charts import column, hover_lines, mirror, month_ticks, pad_time_range
from .i18n import city_label, code_label, kind_label, t
from .text import isolate

KIND_COLOURS = {"visit": "#0f6e6e", "talks": "#c2571a", "phone_call": "#6a4c93",
                "multilateral_summit": "#1f77b4", "other": "#7f7f7f"}
# Meetings up to which each marker carries its city's name and a white ring.
TIMELINE_LABELS_MAX = 300

# Streamlit's chart theme turns plotly's automargin on: a margin too narrow for its axis labels is
# widened only after every marker was drawn, and then every marker is drawn again (with 3,000
# markers that second pass cost as much as the first). The margins are set wide enough up front,
# from a generous width per character of the 12 px tick labels (Chromium here: 5.3 px an Arabic
# letter, 6.6 a Latin one); should a font run wider still, automargin widens them as before.
TICK_LABEL_PX_PER_CHAR = {"ar": 6, "en": 7}
TICK_LABEL_PAD_PX = 12  # the tick and its gap
EDGE_MARGIN_PX = 30  # half a date label overhangs each end of the time axis (as mirror leaves it)
BOTTOM_MARGIN_PX = 48  # the date labels under the axis (the legend below them pushes on its own)


def label_margins(labels: Sequence[str], lang: str) -> dict[str, int]:
    """Plot margins that hold the category labels on the value axis's side (right in Arabic,
    left in English) and the time axis's end labels on the other."""
    per_char = TICK_LABEL_PX_PER_CHAR.get(lang, max(TICK_LABEL_PX_PER_CHAR.values()))
    side = TICK_LABEL_PAD_PX + per_char * max((len(label) for label in labels), default=0)
    side = max(side, EDGE_MARGIN_PX)
    rtl = lang == "ar"
    return {"l": EDGE_MARGIN_PX if rtl else side, "r": side if rtl else EDGE_MARGIN_PX, "b": BOTTOM_MARGIN_PX}


def timeline_figure(events: pd.DataFrame, lang: str) -> go.Figure:
    """Events over time: one row per kind, marker size by the number of articles. Show it with
    ``theme=None`` (its layout holds the theme's values: ``chart_theme``)."""
    fig = go.Figure()
    days = pd.Series([], dtype="datetime64[ns]")
    if events is not None and not events.empty:
        df = events.copy()
        df["_date"] = pd.to_datetime(df["date"], errors="coerce")
        df = df.dropna(subset=["_date"])
        n = pd.to_numeric(df.get("n_articles", 1), errors="coerce").fillna(1)
        df["_size"] = (10 + 6 * n.clip(upper=12) ** 0.8).astype(float)
        kinds = df["kind"].fillna("other")
        days = df["_date"]
        crowded = len(df) > TIMELINE_LABELS_MAX
        for kind in [k for k in KIND_COLOURS if k in set(kinds)] + \
                [k for k in sorted(set(df["kind"].dropna())) if k not in KIND_COLOURS]:
            part = df[kinds == kind].sort_values("_date", kind="stable")
            fig.add_trace(_kind_trace(part, kind, lang, crowded))
    mirror(fig, lang, t("timeline.chart", lang))
    n_kinds = max(1, len(fig.data))
    # the modes Streamlit sets for a point-selecting chart when a figure has none (setting them
    # after the chart mounts would be another change for plotly to apply)
    fig.update_layout(height=200 + 50 * n_kinds, clickmode="event+select", hovermode="closest", dragmode="pan",
                      margin=label_margins([trace.name for trace in fig.data], lang))
    pad_time_range(fig, days, 120)
    fig.update_yaxes(type="category", title=None)
    month_ticks(fig, days)
    return own_theme(fig, data_revision(events if events is not None else pd.DataFrame(), lang))


def _kind_trace(part: pd.DataFrame, kind: str, lang: str, crowded: bool) -> go.Scatter:
    """One kind's meetings as markers; ``customdata`` per point is [id, city, number of articles,
    status, date], all text (the hover and a click read them as text)."""
    label = kind_label(kind, lang)
    cities = _labels(column(part, "city"), lambda c: city_label(c, lang))
    dates = part["_date"].dt.strftime("%Y-%m-%d").to_numpy(dtype=str)
    custom = np.column_stack([
        part["id"].astype(str).to_numpy(dtype=str), np.array(cities, dtype=str),
        np.array([str(int(n or 0)) for n in column(part, "n_articles")], dtype=str),
        np.array(_labels(column(part, "status"), lambda s: code_label("status", s, lang)), dtype=str),
        dates])
    marker: dict[str, Any] = {"size": _as_list(part["_size"]), "color": KIND_COLOURS.get(kind, "#7f7f7f"),
                              "opacity": 0.9}
    names: dict[str, Any] = {}
    if crowded:  # plotly.js rings markers of varying size in white unless told not to
        marker["line"] = {"width": 0}
    else:
        marker["line"] = {"width": 1, "color": "white"}
        # neighbours' city names above and below in turn: close meetings (Moscow in April, Baku
        # in August) do not write over each other on a phone
        names = {"text": np.array([html.escape(c, quote=False) for c in cities], dtype=str),
                 "textposition": np.where(np.arange(len(part)) % 2 == 0, "top center", "bottom center"),
                 "textfont": {"size": 12, "color": "#444"}}
    return go.Scatter(
        x=dates, y=np.full(len(part), label), mode="markers" if crowded else "markers+text", name=label,
        marker=marker, customdata=custom, **names,
        hovertemplate=hover_lines([
            f"<b>{isolate('%{customdata[4]}')}</b>",
            f"{t('col.city', lang)}: {isolate('%{customdata[1]}')}",
            f"{t('col.kind', lang)}: {isolate(label)}",
            f"{t('timeline.n_all', lang)}: {isolate('%{customdata[2]}')}",
            f"{t('col.status', lang)}: {isolate('%{customdata[3]}')}"], lang))


def _labels(values: Iterable[Any], label: Callable[[Any], str]) -> list[str]:
    """``label`` of each value, computed once per distinct value (a few cities for thousands of rows)."""
    seen: dict[Any, str] = {}
    return [seen[v] if v in seen else seen.setdefault(v, label(v)) for v in values]


def _as_list(values: pd.Series) -> list[float]:
    """Numbers as a plain list. A numpy array would reach plotly.js as a binary block
    (``{"dtype", "bdata"}``), which it cannot tell equal to its copy: Streamlit's deep copy of the
    figure right after the chart mounts would then make it draw every marker again. A list is
    left alone while the figure's ``datarevision`` is unchanged."""
    return values.astype(float).tolist()
