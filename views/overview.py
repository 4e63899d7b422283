"""Overview: counts, latest meetings, coverage over time (a second query beside the first, by
outlet), top outlets; a CSV behind every chart."""
import streamlit as st

from components.charts import known_outlets, outlets_figure, plotly_config
from components.coverage import (comparison_figure, comparison_table, coverage_controls, outlets_over_time_figure,
                                 outlets_table)
from components.exports import csv_download
from components.i18n import number, t
from components.page import end_page, start_page, stop_if_empty
from components.tables import show_table

filters, data = start_page("overview.title")
lang = filters.lang
n_articles = stop_if_empty(data, filters)
events, outlets = data.events(), data.outlet_counts()

cols = st.columns(4)
cols[0].metric(t("overview.articles", lang), number(n_articles))
cols[1].metric(t("overview.events", lang), number(len(events)))
cols[2].metric(t("overview.outlets", lang), number(known_outlets(outlets)))
cols[3].metric(t("overview.figures", lang), number(data.count_figures()))

st.header(t("overview.latest", lang), anchor=False)
if events.empty:
    st.caption(t("empty.no_events", lang))
else:
    latest = events.sort_values("date", ascending=False, na_position="last").head(8)
    show_table(latest, ["date", "city", "kind", "status", "n_articles"], lang, key="ov_latest")

st.header(t("coverage.title", lang), anchor=False)
view = coverage_controls(lang)
compared = data.compare(view.q2, view.per)
st.plotly_chart(comparison_figure(compared, view.per, lang), config=plotly_config(f"coverage_{view.per}"),
                key="ov_coverage")
csv_download(comparison_table(compared), f"coverage_{view.per}", lang, key="ov_coverage_csv")
st.caption(t("coverage.note", lang))

left, right = st.columns(2)
with left:
    by_outlet = data.coverage_by_outlet(view.per)
    st.plotly_chart(outlets_over_time_figure(by_outlet, view.per, lang),
                    config=plotly_config(f"coverage_by_outlet_{view.per}"), key="ov_by_outlet")
    csv_download(outlets_table(by_outlet), f"coverage_by_outlet_{view.per}", lang, key="ov_by_outlet_csv")
with right:
    st.plotly_chart(outlets_figure(outlets, lang), config=plotly_config("outlets"), key="ov_outlets")
    csv_download(outlets[["outlet", "n_articles"]], "outlets", lang, key="ov_outlets_csv")
end_page(filters)
