"""Plotly charts (graph_objects: several times faster to build than plotly.express).

Arabic mode mirrors the frame, not the data: the value axis sits on the right, title and legend
are right-aligned, hover labels are right-aligned Arabic. Time axes keep running left → right in
both languages: that is how dates read in Arabic news graphics too, and reversing them would put
the latest meeting first on the left while the year ticks read the other way (a confusing mix).
Category bar charts (outlets) do mirror: their bars grow from the right-hand axis.

Text is passed to plotly as plain Unicode in logical order (the browser shapes Arabic); strings
from articles are HTML-escaped because plotly renders a subset of HTML tags in labels.
"""
from __future__ import annotations

import html
import math
import re
from typing import Any, Callable, Sequence

import pandas as pd
import plotly.graph_objects as go

from corpus.ledger import RUSSIA_AZERBAIJAN, LedgerLine, line_id
from corpus.store.queries import period_start

from .i18n import amount_label, code_label, outlet_label, t
from .text import isolate, line_in, truncate
from .theme import FONT_STACK

QUALIFIER_SYMBOLS = {"exact": "circle", "approx": "diamond", "more_than": "triangle-up",
                     "less_than": "triangle-down"}
PALETTE = ("#0f6e6e", "#c2571a", "#6a4c93", "#1f77b4", "#d62728", "#8c564b", "#e377c2",
           "#2ca02c", "#bcbd22", "#17becf", "#7f7f7f", "#ff7f0e")
# Scale per unit for the value axis (USD in billions reads better than 4000000000).
UNIT_SCALE = {"USD": 1e9}

_WRAP = re.compile(r"(.{1,70})(?:\s+|$)")
_YEAR_IN_PERIOD = re.compile(r"((?:19|20)\d\d)")
# Claims drawn per figures chart (the most recent); the table and the download carry the rest.
MAX_FIGURE_POINTS = 800
# One trace per outlet costs ~10 ms of plotly validation each: the rest share one colour.
MAX_OUTLET_TRACES = 8


class Block(str):
    """A hover template part holding article text already split into isolated lines (hover_text)."""


def hover_lines(lines: Sequence[str], lang: str) -> str:
    """A hover template from lines; each line takes the UI direction (fields are isolated by the
    caller with ``isolate``), so an Arabic label keeps its colon and a number stays in place.
    ``Block`` parts are multi-line article text whose lines carry their own direction."""
    return "<br>".join(line if isinstance(line, Block) else line_in(line, lang) for line in lines) \
        + "<extra></extra>"


def plotly_config(filename: str) -> dict[str, Any]:
    """Modebar with a PNG download (camera button) named after the chart."""
    return {"displaylogo": False,
            "toImageButtonOptions": {"format": "png", "filename": filename, "scale": 2},
            "modeBarButtonsToRemove": ["lasso2d"]}


def hover_text(value: Any, limit: int = 220) -> str:
    """Article text for a hover label: shortened, HTML-escaped, wrapped with <br>; each line is
    isolated so it takes its own direction (Arabic reads right to left in either UI language)."""
    s = html.escape(truncate(value, limit), quote=False)
    lines = [m.group(1) for m in _WRAP.finditer(s) if m.group(1)] or ([s] if s else [])
    return "<br>".join(isolate(line) for line in lines)


def mirror(fig: go.Figure, lang: str, title: str | None = None, *, time_x: bool = True) -> go.Figure:
    """Apply the language's layout: RTL puts value axis, title and legend on the right."""
    rtl = lang == "ar"
    fig.update_layout(
        font={"family": FONT_STACK, "size": 14},
        # The title sits under the toolbar row (the toolbar shows on hover at the top right).
        title={"text": html.escape(title or "", quote=False), "x": 0.98 if rtl else 0.02,
               "xanchor": "right" if rtl else "left", "yref": "container", "y": 1,
               "yanchor": "top", "pad": {"t": 34}},
        legend={"orientation": "h", "x": 1 if rtl else 0, "xanchor": "right" if rtl else "left",
                "y": -0.18, "yanchor": "top"},
        hoverlabel={"align": "right" if rtl else "left", "font": {"family": FONT_STACK}},
        margin={"l": 30, "r": 30, "t": 84, "b": 40},
        plot_bgcolor="white",
    )
    fig.update_yaxes(side="right" if rtl else "left", gridcolor="#e6e6e6", zeroline=False)
    fig.update_xaxes(gridcolor="#f0f0f0")
    if not time_x and rtl:
        fig.update_xaxes(autorange="reversed")
    return fig


def integer_ticks(fig: go.Figure, top: float, axis: str = "y") -> None:
    """Counts get whole-number ticks (no 0.5 article)."""
    step = 1 if top <= 8 else None
    update = fig.update_yaxes if axis == "y" else fig.update_xaxes
    if step:
        update(dtick=step, tick0=0)
    update(tickformat=",d", rangemode="tozero")


def pad_time_range(fig: go.Figure, xs: Sequence[Any], min_days: int = 400) -> None:
    """A few points close together would get hour ticks: widen the time axis to at least a year."""
    stamps = pd.to_datetime(pd.Series(list(xs)), errors="coerce").dropna()
    if stamps.empty:
        return
    lo, hi = stamps.min(), stamps.max()
    if (hi - lo).days < min_days:
        mid = lo + (hi - lo) / 2
        half = pd.Timedelta(days=min_days / 2)
        fig.update_xaxes(range=[mid - half, mid + half])


def month_ticks(fig: go.Figure, xs: Sequence[Any]) -> None:
    """Month labels (%Y-%m) never repeat: ticks at least a month apart, wider on long ranges."""
    stamps = pd.to_datetime(pd.Series(list(xs)), errors="coerce").dropna()
    span = (stamps.max() - stamps.min()).days if not stamps.empty else 0
    if span <= 300:  # plotly would pick week ticks here: two labels per month
        fig.update_xaxes(tickformat="%Y-%m", dtick="M1")
    else:  # plotly's own month-or-longer steps, few enough for a phone
        fig.update_xaxes(tickformat="%Y-%m", nticks=8)


def _point_or_year_ticks(fig: go.Figure, xs: Sequence[Any], most: int,
                         label: Callable[[pd.Timestamp], str]) -> None:
    """Up to ``most`` distinct points get a tick each, at the point, named by ``label``; more get
    year ticks."""
    stamps = sorted(set(pd.to_datetime(pd.Series(list(xs)), errors="coerce").dropna()))
    if 0 < len(stamps) <= most:
        fig.update_xaxes(tickmode="array", tickvals=stamps, ticktext=[label(s) for s in stamps])
    else:
        fig.update_xaxes(tickformat="%Y", dtick="M12")


def year_or_point_ticks(fig: go.Figure, xs: Sequence[Any]) -> None:
    """A few points get a tick each, at the point (a year for mid-year periods); many get years."""
    _point_or_year_ticks(fig, xs, 6, lambda s: str(s.year) if (s.month, s.day) == (7, 1) else s.strftime("%Y-%m-%d"))


def drawable_figures(figures: pd.DataFrame) -> int:
    """How many figure rows a chart can place (a numeric value and a date to put it at)."""
    if figures is None or figures.empty:
        return 0
    has_value = pd.to_numeric(figures["value"], errors="coerce").notna()
    return int((has_value & period_positions(figures).notna()).sum())


def coverage_figure(coverage: pd.DataFrame, lang: str, title: str | None = None) -> go.Figure:
    """Articles per month as bars."""
    fig = go.Figure()
    if coverage is not None and not coverage.empty:
        months = pd.to_datetime(coverage["month"].astype(str).str[:7], format="%Y-%m", errors="coerce")
        fig.add_trace(go.Bar(
            x=months, y=coverage["n_articles"], marker_color="#0f6e6e",
            name=t("col.n_articles", lang),
            hovertemplate=hover_lines([isolate("%{x|%Y-%m}"),
                                       f"{t('col.n_articles', lang)}: {isolate('%{y}')}"], lang)))
    mirror(fig, lang, title or t("overview.coverage", lang))
    fig.update_layout(height=320, bargap=0.15, showlegend=False)
    integer_ticks(fig, float(coverage["n_articles"].max()) if coverage is not None and not coverage.empty else 1)
    month_ticks(fig, [x for trace in fig.data for x in (trace.x if trace.x is not None else [])])
    fig.update_yaxes(title=t("col.n_articles", lang), rangemode="tozero")
    return fig


def known_outlets(counts: pd.DataFrame) -> int:
    """How many named outlets published (articles without an outlet are not an outlet)."""
    if counts is None or counts.empty:
        return 0
    named = counts["outlet"].fillna("").astype(str).str.strip() != ""
    return int(((counts["n_articles"] > 0) & named).sum())


def outlets_figure(counts: pd.DataFrame, lang: str, top: int = 12) -> go.Figure:
    """Horizontal bars of articles per outlet (largest first); mirrored in Arabic."""
    fig = go.Figure()
    if counts is not None and not counts.empty:
        known = counts[counts["outlet"].fillna("").astype(str).str.strip() != ""]  # no "unknown" bar
        df = known.sort_values(["n_articles", "outlet"], ascending=[False, True]).head(top).iloc[::-1]
        fig.add_trace(go.Bar(
            x=df["n_articles"],
            y=[html.escape(outlet_label(o, lang), quote=False) for o in df["outlet"]],
            orientation="h", marker_color="#c2571a",
            hovertemplate=hover_lines([isolate("%{y}"),
                                       f"{t('col.n_articles', lang)}: {isolate('%{x}')}"], lang)))
    mirror(fig, lang, t("overview.top_outlets", lang), time_x=False)
    integer_ticks(fig, float(counts["n_articles"].max()) if counts is not None and not counts.empty else 1, "x")
    fig.update_layout(height=max(260, 36 * min(top, len(counts) if counts is not None else 0) + 120),
                      showlegend=False)
    return fig


def period_position(row: pd.Series) -> pd.Timestamp | None:
    """Where a figure sits on the time axis: its period start, else the middle of its year, else publication."""
    for key in ("period_start",):
        value = row.get(key)
        if value is not None and not (isinstance(value, float) and pd.isna(value)) and str(value):
            stamp = pd.to_datetime(str(value), errors="coerce")
            if not pd.isna(stamp):
                return stamp
    period = str(row.get("period") or "")
    match = re.search(r"(19|20)\d\d", period)
    if match:
        return pd.Timestamp(int(match.group(0)), 7, 1)
    stamp = pd.to_datetime(row.get("published"), errors="coerce")
    return None if pd.isna(stamp) else stamp


def column(df: pd.DataFrame, name: str) -> pd.Series:
    """``df[name]``, or a column of None when the frame lacks it."""
    return df[name] if name in df.columns else pd.Series([None] * len(df), index=df.index, dtype=object)


def period_positions(df: pd.DataFrame) -> pd.Series:
    """``period_position`` for every row at once (vectorised: figure tables reach 100k rows)."""
    start = pd.to_datetime(column(df, "period_start").astype(str).where(column(df, "period_start").notna()),
                           errors="coerce")
    years = pd.to_numeric(column(df, "period").fillna("").astype(str).str.extract(_YEAR_IN_PERIOD)[0],
                          errors="coerce")
    mid_year = pd.to_datetime(years.astype("Int64").astype(str) + "-07-01", format="%Y-%m-%d",
                              errors="coerce")
    published = pd.to_datetime(column(df, "published").astype(str).where(column(df, "published").notna()),
                               errors="coerce")
    return start.fillna(mid_year).fillna(published)


def figures_figure(figures: pd.DataFrame, lang: str, title: str, unit: str | None = None,
                   max_points: int = MAX_FIGURE_POINTS) -> go.Figure:
    """Quoted figures over time: one point per claim at its period, coloured by outlet.

    Ranges draw a vertical segment from value to value_max; "more than" is a triangle up, "less
    than" a triangle down, approximate values a diamond. At most ``max_points`` claims are drawn
    (the most recently published): thousands of markers with hover text make the browser crawl.
    """
    fig = go.Figure()
    scale = UNIT_SCALE.get(unit or "", 1.0)
    if figures is not None and not figures.empty:
        df = figures
        if max_points and len(df) > max_points:
            df = df.tail(max_points) if "published" not in df.columns else \
                df.assign(_p=pd.to_datetime(df["published"].astype(str), errors="coerce")) \
                  .sort_values("_p", kind="stable", na_position="first").tail(max_points)
        df = df.copy()
        df["_x"] = period_positions(df)
        df = df.dropna(subset=["_x"])
        df = df[pd.to_numeric(df["value"], errors="coerce").notna()]
        unknown = t("figures.no_outlet", lang)  # a legend entry, not an outlet
        df["_outlet"] = [outlet_label(o, lang, empty=unknown) for o in df["outlet"]]
        outlets = list(dict.fromkeys(df["_outlet"]))
        if len(outlets) > MAX_OUTLET_TRACES:
            keep = set(df["_outlet"].value_counts().index[:MAX_OUTLET_TRACES - 1])
            other = t("figures.other_outlets", lang)
            df["_outlet"] = df["_outlet"].where(df["_outlet"].isin(keep), other)
            outlets = [o for o in outlets if o in keep] + [other]
        for i, outlet in enumerate(outlets):
            part = df[df["_outlet"] == outlet]
            values = pd.to_numeric(part["value"], errors="coerce") / scale
            maxes = pd.to_numeric(part.get("value_max"), errors="coerce") / scale
            upper = (maxes - values).where(maxes.notna() & (maxes > values), 0).fillna(0)
            symbols = [QUALIFIER_SYMBOLS.get(str(q), "circle") for q in part["qualifier"]]
            custom = [[hover_text(sentence), hover_text(title_, 120),
                       html.escape(str(text or ""), quote=False), code_label("qualifier", qualifier, lang),
                       html.escape(str(period or "—"), quote=False)]
                      for sentence, title_, text, qualifier, period in zip(
                          column(part, "sentence"), column(part, "title"), column(part, "text"),
                          column(part, "qualifier"), column(part, "period"))]
            colour = PALETTE[i % len(PALETTE)]
            fig.add_trace(go.Scatter(
                x=part["_x"], y=values, mode="markers", name=html.escape(outlet, quote=False),
                marker={"symbol": symbols, "size": 13, "color": colour,
                        "line": {"width": 1, "color": "white"}},
                error_y={"type": "data", "symmetric": False, "array": upper.tolist(),
                         "arrayminus": [0] * len(part), "thickness": 2, "width": 0, "color": colour},
                customdata=custom,
                hovertemplate=hover_lines([
                    f"<b>{isolate('%{customdata[2]}')}</b> ({isolate('%{customdata[3]}')})",
                    f"{t('col.period', lang)}: {isolate('%{customdata[4]}')}",
                    Block("%{customdata[0]}"),
                    Block("<i>%{customdata[1]}</i>")], lang),
            ))
    mirror(fig, lang, title)
    y_title = {"USD": t("figures.y_usd", lang), "percent": t("figures.y_percent", lang),
               "count": t("figures.y_count", lang)}.get(unit or "", t("figures.y_value", lang))
    fig.update_yaxes(title=y_title, rangemode="tozero")
    xs = [x for trace in fig.data for x in (trace.x if trace.x is not None else [])]
    fig.update_xaxes(title=t("figures.x_period", lang), type="date")
    year_or_point_ticks(fig, xs)
    pad_time_range(fig, xs)
    # The legend stands at the foot of the chart, below the axis title: placed under the plot
    # area it ran into the date ticks, which a phone writes slanted and taller.
    fig.update_layout(height=440, legend={"yref": "container", "y": 0, "yanchor": "bottom"},
                      margin={"b": 110})
    return fig


def selected_points(state: Any) -> list[dict]:
    """Points selected in a plotly chart drawn with on_select (empty when none / unsupported)."""
    try:
        return list(state.selection.points)  # type: ignore[union-attr]
    except AttributeError:
        try:
            return list(state["selection"]["points"])
        except (KeyError, TypeError):
            return []


def metric_units(figures: pd.DataFrame, metric: str) -> Sequence[str]:
    """Units present for a metric, most frequent first (a chart shows one unit at a time)."""
    if figures is None or figures.empty:
        return []
    part = figures[figures["metric"] == metric]
    return list(part["unit"].fillna("other").value_counts().index)


# ---- the ledger of quoted figures ------------------------------------------------------------------

# (forecast, disagree) → legend string, marker symbol, colour. Forecasts are hollow, lines whose
# quotes disagree are diamonds: both tell apart without colour.
LEDGER_TRACES = (
    ((False, False), "ledger.legend_agreed", "circle", "#0f6e6e"),
    ((False, True), "ledger.legend_disagree", "diamond", "#c2571a"),
    ((True, False), "ledger.legend_forecast", "circle-open", "#6a4c93"),
    ((True, True), "ledger.legend_forecast_disagree", "diamond-open", "#c2571a"),
)


def pair_label(pair: str, lang: str) -> str:
    """Russia–Azerbaijan in the UI language; other pairs as the corpus names them."""
    return t("ledger.pair_ru_az", lang) if pair == RUSSIA_AZERBAIJAN else pair


def line_position(line: LedgerLine) -> pd.Timestamp | None:
    """Where a ledger line sits on the time axis: the start of its period."""
    start = period_start(line.key.period, None)
    return None if start is None else pd.Timestamp(start)


def _singular(words: str) -> str:
    """Scale words with Arabic's plural after 3–10 folded back ("مليارات" → "مليار")."""
    return words.replace("مليارات", "مليار").replace("ملايين", "مليون")


def range_label(low: float, high: float, unit: str | None, lang: str) -> str:
    """'4 – 4.4 billion USD' (each end isolated; the scale and unit once when both ends share
    them), or one value when both ends are equal."""
    if math.isclose(low, high):
        return amount_label(low, unit, lang)
    lo, hi = amount_label(low, unit, lang), amount_label(high, unit, lang)
    lo_num, _, lo_rest = lo.partition(" ")
    hi_num, _, hi_rest = hi.partition(" ")
    if _singular(lo_rest) == _singular(hi_rest):  # one scale and unit: "4 – 40 billion USD"
        return f"{isolate(lo_num)} – {isolate(hi_num)} {hi_rest}".rstrip()  # the word agrees with the last number
    return f"{isolate(lo)} – {isolate(hi)}"


def period_ticks(fig: go.Figure, xs: Sequence[Any]) -> None:
    """Ledger points sit at their periods' starts: a few get a tick each, labelled with the year
    (with the month when a period starts mid-year); many get year ticks."""
    _point_or_year_ticks(fig, xs, 8, lambda s: str(s.year) if (s.month, s.day) == (1, 1) else s.strftime("%Y-%m"))


def ledger_figure(lines: Sequence[LedgerLine], lang: str, title: str, unit: str) -> go.Figure:
    """Ledger lines of one metric and unit over time: one point per line at its period's start,
    the agreed value with a bar over the quoted range. ``customdata[0]`` of a point is its line id
    (``corpus.ledger.line_id``), so a click can select the line."""
    fig = go.Figure()
    scale = UNIT_SCALE.get(unit, 1.0)
    lines = [ln for ln in lines if ln.key.unit == unit and line_position(ln) is not None]
    for (forecast, disagree), name_key, symbol, colour in LEDGER_TRACES:
        part = [ln for ln in lines if ln.key.forecast == forecast and ln.disagree == disagree]
        if not part:
            continue
        ys = [ln.value / scale for ln in part]
        up = [max(0.0, ln.spread[1] / scale - y) for ln, y in zip(part, ys)]
        down = [max(0.0, y - ln.spread[0] / scale) for ln, y in zip(part, ys)]
        custom = [[line_id(ln.key), html.escape(ln.key.period, quote=False),
                   amount_label(ln.value, unit, lang), range_label(*ln.spread, unit, lang),
                   (t("ledger.n_quotes", lang, n=len(ln.quotes), m=len(ln.outlets)) if ln.outlets
                    else t("ledger.n_quotes_no_outlet", lang, n=len(ln.quotes))),
                   html.escape(pair_label(ln.key.pair, lang), quote=False)] for ln in part]
        metric = code_label("metric", part[0].key.metric, lang)
        hover = [f"<b>{isolate(html.escape(metric, quote=False))}</b>",
                 f"{t('col.period', lang)}: {isolate('%{customdata[1]}')}",
                 f"{t('col.pair', lang)}: {isolate('%{customdata[5]}')}",
                 f"{t('ledger.median' if disagree else 'ledger.agreed', lang)}: {isolate('%{customdata[2]}')}",
                 f"{t('ledger.quoted_range', lang)}: {isolate('%{customdata[3]}')}",
                 isolate("%{customdata[4]}")]
        if forecast:
            hover.append(isolate(t("ledger.forecast", lang)))
        if disagree:
            hover.append(f"<b>{isolate(t('ledger.disagree', lang))}</b>")
        fig.add_trace(go.Scatter(
            x=[line_position(ln) for ln in part], y=ys, mode="markers",
            name=html.escape(t(name_key, lang), quote=False),
            marker={"symbol": symbol, "size": 14, "color": colour, "line": {"width": 2, "color": colour}},
            error_y={"type": "data", "symmetric": False, "array": up, "arrayminus": down,
                     "thickness": 2, "width": 0, "color": colour},
            customdata=custom, hovertemplate=hover_lines(hover, lang)))
    mirror(fig, lang, title)
    y_title = {"USD": t("figures.y_usd", lang), "percent": t("figures.y_percent", lang),
               "count": t("figures.y_count", lang)}.get(unit, t("figures.y_value", lang))
    fig.update_yaxes(title=y_title, rangemode="tozero")
    xs = [x for trace in fig.data for x in (trace.x if trace.x is not None else [])]
    # No axis title: the ticks are the periods, and a title would meet the legend on a phone.
    fig.update_xaxes(title=None, type="date")
    period_ticks(fig, xs)
    pad_time_range(fig, xs)
    fig.update_layout(height=420, clickmode="event+select", showlegend=True)
    return fig
