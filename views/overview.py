"""Overview: counts, latest meetings, coverage by month, top outlets."""
import streamlit as st

from components.charts import coverage_figure, known_outlets, outlets_figure, plotly_config
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

left, right = st.columns(2)
with left:
    st.plotly_chart(coverage_figure(data.coverage(), lang), config=plotly_config("coverage"),
                    key="ov_coverage")
with right:
    st.plotly_chart(outlets_figure(outlets, lang), config=plotly_config("outlets"), key="ov_outlets")
end_page(filters)
