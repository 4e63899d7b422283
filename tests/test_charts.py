"""Charts without a browser: mirroring for Arabic, the figures and outlets charts, the timeline (labels, crowding, theme, margins), hover text."""
from __future__ import annotations

import json
import re

import pandas as pd
import plotly.graph_objects as go
import pytest
from component_support import events_frame

from components import i18n
from components.chart_theme import TEXT_GREY, has_template, own_theme
from components.charts import figures_figure, hover_text, mirror, outlets_figure, plotly_config
from components.timeline_chart import TIMELINE_LABELS_MAX, label_margins, timeline_figure

# ---- charts --------------------------------------------------------------------------------------

def _figures() -> pd.DataFrame:
    return pd.DataFrame({
        "article_id": [1, 2, 3], "title": ["<b>عنوان</b>", "ب", "ج"], "outlet": ["وكالة أ", None, "وكالة أ"],
        "published": ["2024-08-19", "2024-04-22", "2023-01-05"],
        "text": ["4 مليارات دولار", "4-6 مليارات", "أقل من 3 مليارات"],
        "value": [4e9, 4e9, 3e9], "value_max": [None, 6e9, None], "unit": ["USD"] * 3,
        "metric": ["trade_turnover"] * 3, "qualifier": ["more_than", "exact", "less_than"],
        "period": ["2023", "2024", "2022"], "period_start": ["2023-01-01", "2024-01-01", None],
        "sentence": ["<script>x</script> تجاوز التبادل 4 مليارات دولار"] * 3, "human_checked": [False] * 3})


def test_mirror_puts_axis_title_legend_right_in_arabic():
    import plotly.graph_objects as go
    ar = mirror(go.Figure(), "ar", "عنوان")
    en = mirror(go.Figure(), "en", "Title")
    assert ar.layout.yaxis.side == "right" and en.layout.yaxis.side == "left"
    assert ar.layout.title.xanchor == "right" and en.layout.title.xanchor == "left"
    assert ar.layout.legend.xanchor == "right" and ar.layout.hoverlabel.align == "right"
    assert ar.layout.xaxis.autorange is None  # time keeps running left → right


def test_figures_chart_symbols_ranges_and_outlets():
    fig = figures_figure(_figures(), "ar", "حجم التبادل", "USD")
    names = [tr.name for tr in fig.data]
    assert names == ["وكالة أ", "مصدر غير مذكور"]  # colour by outlet; a missing outlet is labelled
    first = fig.data[0]
    assert list(first.marker.symbol) == ["triangle-up", "triangle-down"]
    assert list(first.y) == [4.0, 3.0]  # billions of USD
    second = fig.data[1]
    assert list(second.error_y.array) == [2.0] and list(second.error_y.arrayminus) == [0]
    hover = json.dumps([list(map(list, tr.customdata)) for tr in fig.data], ensure_ascii=False)
    assert "<script>" not in hover and "<b>عنوان" not in hover and "&lt;script&gt;" in hover


def test_charts_get_plain_unicode_arabic_not_reshaped():
    fig = timeline_figure(events_frame(), "ar")
    text = json.dumps(json.loads(fig.to_json()), ensure_ascii=False)
    assert "زيارة" in text and "باكو" in text
    assert not re.search("[\ufe70-\ufeff\ufb50-\ufdff]", text)  # no presentation forms


def test_timeline_sizes_grow_with_articles():
    fig = timeline_figure(events_frame(), "en")
    sizes = {tr.name: list(tr.marker.size)[0] for tr in fig.data}
    assert sizes["Visit"] > sizes["Talks"]


def test_timeline_writes_neighbouring_city_names_above_and_below_in_turn():
    events = pd.DataFrame({"id": [1, 2, 3], "date": ["2024-08-19", "2021-11-26", "2024-04-22"],
                           "city": ["Baku", "Sochi", "Moscow"], "kind": ["talks"] * 3,
                           "status": ["held"] * 3, "n_articles": [1, 1, 1]})
    [trace] = timeline_figure(events, "en").data
    assert list(trace.text) == ["Sochi", "Moscow", "Baku"]
    assert list(trace.textposition) == ["top center", "bottom center", "top center"]


def _crowd(n: int) -> pd.DataFrame:
    """``n`` meetings of every kind over a few years, cities and counts varying, one undated."""
    kinds = ["visit", "talks", "phone_call", "multilateral_summit", "other", "state_dinner"]
    cities = ["Baku", "Moscow", None, "Sochi", "Ashgabat"]
    days = pd.date_range("2015-01-01", periods=n, freq="3D").strftime("%Y-%m-%d").tolist()
    days[7] = None
    return pd.DataFrame({"id": range(100, 100 + n), "date": days, "city": [cities[i % 5] for i in range(n)],
                         "kind": [kinds[i % 6] for i in range(n)], "status": ["held"] * n,
                         "n_articles": [i % 17 for i in range(n)]})


def _points(fig) -> list[tuple]:
    """Every drawn marker: (row, date, id, city, articles, status, size)."""
    return sorted((str(y), str(x), *map(str, row[:4]), round(float(size), 6))
                  for tr in fig.data for x, y, row, size in zip(tr.x, tr.y, tr.customdata, tr.marker.size))


def _reference_points(events: pd.DataFrame, lang: str) -> list[tuple]:
    """The same, computed row by row from the meetings (the brute-force reference)."""
    out = []
    for row in events.itertuples():
        if row.date is None:
            continue
        size = 10 + 6 * min(row.n_articles, 12) ** 0.8
        out.append((i18n.kind_label(row.kind, lang), row.date, str(row.id), i18n.city_label(row.city, lang),
                    str(row.n_articles), i18n.code_label("status", row.status, lang), round(size, 6)))
    return sorted(out)


def test_a_crowded_timeline_keeps_its_markers_and_hover_but_drops_the_city_labels():
    n = TIMELINE_LABELS_MAX + 1
    events = pd.DataFrame({"id": range(n), "date": pd.date_range("2015-01-01", periods=n).strftime("%Y-%m-%d"),
                           "city": ["Baku"] * n, "kind": ["talks"] * n, "status": ["held"] * n, "n_articles": [1] * n})
    [trace] = timeline_figure(events, "en").data
    assert trace.mode == "markers" and trace.text is None and len(trace.x) == n
    assert {row[1] for row in trace.customdata} == {"Baku"}  # the hover still names the city


@pytest.mark.parametrize("n", [TIMELINE_LABELS_MAX + 1, TIMELINE_LABELS_MAX + 2, 3000])
@pytest.mark.parametrize("lang", ["ar", "en"])
def test_timeline_draws_every_dated_meeting_once_with_its_hover_fields_crowded_or_not(n, lang):
    events = _crowd(n)
    assert _points(timeline_figure(events, lang)) == _reference_points(events, lang)


def test_a_crowded_timeline_drops_the_white_rings_a_readable_one_keeps_them():
    readable = timeline_figure(_crowd(TIMELINE_LABELS_MAX + 1), "ar")  # one of them undated
    crowded = timeline_figure(_crowd(TIMELINE_LABELS_MAX + 2), "ar")
    assert {tr.marker.line.width for tr in readable.data} == {1}
    assert {tr.marker.line.width for tr in crowded.data} == {0}  # plotly.js rings sized markers by default
    assert {tr.marker.opacity for tr in crowded.data} == {0.9}  # the colours themselves unchanged
    assert {tr.marker.color for tr in crowded.data} == {tr.marker.color for tr in readable.data}


def test_timeline_carries_the_theme_itself_and_a_revision_of_its_data():
    """Shown with theme=None: no template, the light theme's values under its own, marker sizes as
    a plain list (a numpy block is redrawn on Streamlit's copy), a revision that follows the data."""
    events = _crowd(TIMELINE_LABELS_MAX + 5)
    fig = timeline_figure(events, "ar")
    spec = json.loads(fig.to_json())
    assert "template" not in spec["layout"]
    assert all(isinstance(tr["marker"]["size"], list) for tr in spec["data"])
    assert spec["layout"]["xaxis"]["showgrid"] is False and spec["layout"]["font"]["color"] == TEXT_GREY
    assert spec["layout"]["plot_bgcolor"] == "white"  # the figure's own value (mirror) wins
    assert spec["layout"]["margin"]["r"] == label_margins([tr.name for tr in fig.data], "ar")["r"]
    assert spec["layout"]["hovermode"] == "closest" and spec["layout"]["dragmode"] == "pan"
    same = timeline_figure(events.copy(), "ar").layout.datarevision
    busier = events.assign(n_articles=events["n_articles"] + 1)
    assert fig.layout.datarevision == same
    assert timeline_figure(busier, "ar").layout.datarevision != same
    assert timeline_figure(events, "en").layout.datarevision != same


def test_own_theme_fills_what_the_figure_leaves_unset():
    fig = go.Figure(go.Bar(x=[1], y=[2]))
    fig.update_layout(plot_bgcolor="#fafafa", legend={"x": 1})
    own_theme(fig, "r1")
    assert fig.layout.plot_bgcolor == "#fafafa" and fig.layout.paper_bgcolor == "#FFFFFF"
    assert fig.layout.legend.x == 1 and fig.layout.legend.font.size == 12
    assert fig.layout.datarevision == "r1" and not has_template(fig)


def test_timeline_margins_hold_the_longest_kind_label_on_the_axis_side():
    fig_ar, fig_en = timeline_figure(_crowd(30), "ar"), timeline_figure(_crowd(30), "en")
    longest_ar = max(len(tr.name) for tr in fig_ar.data)  # قمة متعددة الأطراف: 18 characters
    longest_en = max(len(tr.name) for tr in fig_en.data)  # Multilateral summit: 19
    assert (longest_ar, longest_en) == (18, 19)
    # The value axis is on the right in Arabic: that side holds the labels; the other the date ends.
    assert fig_ar.layout.margin.r == 12 + 6 * 18 and fig_ar.layout.margin.l == 30
    assert fig_en.layout.margin.l == 12 + 7 * 19 and fig_en.layout.margin.r == 30
    # Wider than the labels measured in Chromium (107 px Arabic, 137 px English at 12 px): no
    # second automargin pass.
    assert fig_ar.layout.margin.r >= 107 and fig_en.layout.margin.l >= 137
    assert fig_ar.layout.margin.b == fig_en.layout.margin.b == 48
    assert label_margins(["ab"], "en") == {"l": 30, "r": 30, "b": 48}  # short labels: the edge margin
    assert label_margins([], "ar") == {"l": 30, "r": 30, "b": 48}


def test_outlets_chart_is_mirrored_in_arabic():
    counts = pd.DataFrame({"outlet": ["أ", "ب"], "n_articles": [3, 1]})
    assert outlets_figure(counts, "ar").layout.xaxis.autorange == "reversed"
    assert outlets_figure(counts, "en").layout.xaxis.autorange is None


def test_plotly_config_names_the_png():
    cfg = plotly_config("timeline")
    assert cfg["toImageButtonOptions"] == {"format": "png", "filename": "timeline", "scale": 2}


def test_hover_text_escapes_and_wraps():
    out = hover_text("<img src=x> " + "كلمة " * 40)
    assert "<img" not in out and "&lt;img" in out and "<br>" in out
