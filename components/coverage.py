"""Coverage over time on the Overview: the week/month switch and the second query (both in the URL
through ``corpus.filters.encode_view/decode_view``), the comparison chart and the by-outlet chart.

The queries are user text and outlet names come from articles: in legends and hover labels they
are HTML-escaped (plotly renders a subset of HTML) and wrapped in direction isolates, never put
into a hover template itself (``%{…}`` in a query would be read as a placeholder).
"""
from __future__ import annotations

import html

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from corpus.coverage import OTHER_OUTLETS, outlet_order, period_start, periods_between
from corpus.filters import GRANULARITIES, MAX_QUERY_LEN, VIEW_PARAMS, CoverageView, decode_view, encode_view

from .charts import PALETTE, hover_lines, integer_ticks, mirror, month_ticks, pad_time_range
from .filterbar import set_page_param
from .i18n import outlet_label, t
from .text import isolate, safe_inline, truncate

_KEY_PER, _KEY_Q2 = "cov_per", "cov_q2"
_LAST = "_cov_last_params"  # the view parameters we wrote last
SERIES_COLOURS = {"q": "#0f6e6e", "q2": "#c2571a"}
LEGEND_CHARS = 40
BAR_DAYS = {"month": 24, "week": 5}  # bar width on the time axis
# Past this many periods the by-outlet chart is stacked areas, one shape per outlet: a stacked bar
# per outlet and period is a sliver at that width, and 1,188 of them (9 outlets, 11 years by month)
# cost the browser as much to draw as the timeline's 3,000 markers.
AREA_FROM_PERIODS = 36
DAY_MS = 24 * 3600 * 1000


# ---- the controls and the URL --------------------------------------------------------------------

def _url_view_params() -> dict[str, list[str]]:
    qp = st.query_params
    return {k: list(qp.get_all(k)) for k in VIEW_PARAMS if k in qp}


def coverage_controls(lang: str) -> CoverageView:
    """The week/month switch and the second query box; returns the view they show.

    A link that changed the URL since we last wrote it wins (the widgets are set from it, bad values
    are ignored with a notice); otherwise the widgets win and the URL is rewritten from them.
    """
    ss = st.session_state
    params = _url_view_params()
    if params != ss.get(_LAST) or _KEY_PER not in ss:
        view, ignored = decode_view(params)
        ss[_KEY_PER], ss[_KEY_Q2] = view.per, view.q2
        if ignored:
            st.warning(t("filters.ignored", lang, names=safe_inline(", ".join(ignored))))
    left, right = st.columns([1, 2])
    left.radio(t("coverage.per", lang), list(GRANULARITIES), key=_KEY_PER, horizontal=True,
               format_func=lambda g: t(f"coverage.per_{g}", lang))
    right.text_input(t("coverage.q2", lang), key=_KEY_Q2, help=t("coverage.q2_help", lang))
    view = CoverageView(q2=str(ss.get(_KEY_Q2) or "").strip()[:MAX_QUERY_LEN],
                        per=ss.get(_KEY_PER) if ss.get(_KEY_PER) in GRANULARITIES else GRANULARITIES[0])
    wanted = encode_view(view)
    for name in VIEW_PARAMS:
        set_page_param(name, wanted.get(name))
    ss[_LAST] = {k: [v] for k, v in wanted.items()}
    return view


# ---- labels --------------------------------------------------------------------------------------

def series_label(query: str, lang: str) -> str:
    """A series' name: its query as typed (shortened), or "all articles" without a query. Plain text."""
    return truncate(query, LEGEND_CHARS) if query.strip() else t("coverage.all_articles", lang)


def period_text(label: str, granularity: str, lang: str) -> str:
    return label if granularity == "month" else t("coverage.week_of", lang, day=label)


def plain(text: str) -> str:
    """Text for a plotly legend or hover value: HTML-escaped and isolated (keeps its direction)."""
    return isolate(html.escape(text, quote=False))


def outlet_name(outlet: str, lang: str) -> str:
    if outlet == OTHER_OUTLETS:
        return t("coverage.other_outlets", lang)
    return outlet_label(outlet, lang, empty=t("figures.no_outlet", lang))


# ---- charts --------------------------------------------------------------------------------------
# Per-bar values go to plotly as numpy arrays of numbers or text: it takes and copies those as a
# block, where a list is validated and copied item by item (a dozen traces of 130 months each).

def _days(starts: pd.Series) -> np.ndarray:
    return np.array([d.isoformat() for d in starts], dtype=str)


def _period_texts(periods: pd.Series, granularity: str, lang: str) -> np.ndarray:
    return np.array([plain(period_text(p, granularity, lang)) for p in periods], dtype=str)


def _hover_data(periods: pd.Series, label: str, granularity: str, lang: str) -> np.ndarray:
    """customdata of a series' bars: (its period as text, the series' name)."""
    texts = _period_texts(periods, granularity, lang)
    return np.column_stack([texts, np.full(len(texts), label)]) if len(texts) else np.zeros((0, 2), dtype=str)


def _time_axis(fig: go.Figure, xs: list[str], granularity: str, top: float) -> None:
    integer_ticks(fig, top)
    pad_time_range(fig, xs, 400 if granularity == "month" else 70)
    if granularity == "month":
        month_ticks(fig, xs)
    else:  # numeric dates as on the other charts (plotly's own labels are English: "Nov 21"),
        # on two lines and upright, so a phone does not tilt them into the legend
        fig.update_xaxes(tickformat="%m-%d<br>%Y", tickangle=0)
        fig.update_layout(legend_y=-0.26, margin_b=60)
    fig.update_xaxes(type="date")
    fig.update_yaxes(title=None, rangemode="tozero")


def comparison_figure(frame: pd.DataFrame, granularity: str, lang: str) -> go.Figure:
    """Articles per period for the query and the second query, side by side (grouped bars); each
    series is named by its query text."""
    fig = go.Figure()
    frame = frame if frame is not None else pd.DataFrame(columns=["series"])
    drawn = [s for s in ("q", "q2") if not frame[frame["series"] == s].empty]
    # Explicit widths and offsets: a bar covers its period from its first day (plotly would centre
    # it on that day, and give a lone period a hairline bar).
    width = BAR_DAYS[granularity] * DAY_MS / max(1, len(drawn))
    for i, series in enumerate(drawn):
        part = frame[frame["series"] == series]
        label = plain(series_label(str(part["query"].iloc[0]), lang))
        fig.add_trace(go.Bar(
            x=_days(part["start"]), y=part["n_articles"].tolist(), name=label,
            marker_color=SERIES_COLOURS[series], width=width, offset=i * width,
            customdata=_hover_data(part["period"], label, granularity, lang),
            hovertemplate=hover_lines(["<b>%{customdata[1]}</b>", "%{customdata[0]}",
                                       f"{t('col.n_articles', lang)}: {isolate('%{y}')}"], lang)))
    mirror(fig, lang, t(f"coverage.chart_{granularity}", lang))
    fig.update_layout(height=380, bargap=0.2, barmode="group", showlegend=True)
    xs = [x for trace in fig.data for x in (trace.x if trace.x is not None else [])]
    top = float(frame["n_articles"].max()) if not frame.empty else 1.0
    _time_axis(fig, xs, granularity, top)
    return fig


def outlets_over_time_figure(frame: pd.DataFrame, granularity: str, lang: str) -> go.Figure:
    """Articles per period stacked by outlet (the top outlets, the rest as one): bars, or past
    ``AREA_FROM_PERIODS`` periods stacked areas (every period drawn, zero where an outlet had none)."""
    fig = go.Figure()
    order = outlet_order(frame)
    width = BAR_DAYS[granularity] * DAY_MS
    dense = dense_outlets(frame, granularity) if _periods(frame) > AREA_FROM_PERIODS else None
    for i, outlet in enumerate(order):
        part = (dense if dense is not None else frame)
        part = part[part["outlet"] == outlet]
        label = plain(outlet_name(outlet, lang))
        colour = "#9e9e9e" if outlet == OTHER_OUTLETS else PALETTE[i % len(PALETTE)]
        look: dict[str, object] = {"marker_color": colour, "width": width, "offset": 0}
        if dense is not None:
            look = {"mode": "lines", "stackgroup": "outlets", "line": {"width": 0.5, "color": colour},
                    "fillcolor": colour}
        trace = go.Scatter if dense is not None else go.Bar
        fig.add_trace(trace(
            x=_days(part["start"]), y=part["n_articles"].tolist(), name=label, **look,
            customdata=_period_texts(part["period"], granularity, lang),
            # the outlet's name read from the trace, not repeated in every point's customdata
            hovertemplate=hover_lines(["<b>%{fullData.name}</b>", "%{customdata}",
                                       f"{t('col.n_articles', lang)}: {isolate('%{y}')}"], lang)))
    mirror(fig, lang, t(f"coverage.by_outlet_{granularity}", lang))
    fig.update_layout(height=420, barmode="stack", showlegend=True)
    xs = [x for trace in fig.data for x in (trace.x if trace.x is not None else [])]
    per_period = frame.groupby("period")["n_articles"].sum() if frame is not None and not frame.empty else None
    _time_axis(fig, xs, granularity, float(per_period.max()) if per_period is not None else 1.0)
    return fig


def _periods(frame: pd.DataFrame | None) -> int:
    return 0 if frame is None or frame.empty else int(frame["period"].nunique())


def dense_outlets(frame: pd.DataFrame, granularity: str) -> pd.DataFrame:
    """``frame`` (a ``by_outlet`` frame) with a row for every outlet and every period from its
    first to its last, zero where the outlet had no article: a stacked area must not skip a
    period. Pure."""
    periods = periods_between(min(frame["period"]), max(frame["period"]), granularity)
    counts = {(p, o): int(n) for p, o, n in zip(frame["period"], frame["outlet"], frame["n_articles"])}
    outlets = outlet_order(frame)
    rows = [(p, period_start(p, granularity), o, counts.get((p, o), 0)) for o in outlets for p in periods]
    return pd.DataFrame(rows, columns=["period", "start", "outlet", "n_articles"])


# ---- the CSV behind each chart (raw values, not display labels) ----------------------------------

def comparison_table(frame: pd.DataFrame) -> pd.DataFrame:
    """period, series (q or q2), query, n_articles: what the comparison chart draws."""
    return frame[["period", "series", "query", "n_articles"]].reset_index(drop=True)


def outlets_table(frame: pd.DataFrame) -> pd.DataFrame:
    """period, outlet, n_articles: what the by-outlet chart draws (the rest as ``(other)``)."""
    return frame[["period", "outlet", "n_articles"]].reset_index(drop=True)

