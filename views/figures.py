"""Figures: the numbers the articles quote, over time, per metric, each traceable to its sentence."""
import streamlit as st

from components.charts import drawable_figures, figures_figure, metric_units, plotly_config
from components.exports import download_buttons
from components.i18n import code_label, number, t
from components.page import end_page, start_page, stop_if_empty
from components.tables import show_table

METRICS = ("trade_turnover", "trade_growth", "investment", "companies", "agreements", "other")
# On screen the tables keep to what fits the page; the downloads carry every column.
TAB_COLUMNS = ["published", "outlet", "text", "qualifier", "period", "sentence", "human_checked"]
ALL_COLUMNS = ["published", "outlet", "metric", "text", "qualifier", "period", "sentence"]
# Rows read per rerun (the most recent): 100k articles quote ~130k figures, too many to tabulate,
# chart and serialise on every filter change. The full set is one button away as a download.
FIGURE_ROWS = 2000

filters, data = start_page("figures.title")
lang = filters.lang
stop_if_empty(data, filters)
figures = data.figures(limit=FIGURE_ROWS)
n_figures = data.count_figures() if len(figures) >= FIGURE_ROWS else len(figures)
if figures.empty:
    st.info(t("empty.no_figures", lang))
    end_page(filters)
    st.stop()

if n_figures > len(figures):
    st.caption(t("figures.capped", lang, shown=len(figures), total=n_figures))

present = [m for m in METRICS if (figures["metric"].fillna("other") == m).any()] or ["trade_turnover"]
for tab, metric in zip(st.tabs([code_label("metric", m, lang) for m in present]), present):
    with tab:
        subset = figures[figures["metric"].fillna("other") == metric]
        for unit in metric_units(subset, metric)[:2]:
            part = subset[subset["unit"].fillna("other") == unit]
            title = code_label("metric", metric, lang)
            if metric == "trade_turnover":
                title = t("figures.turnover_chart", lang)
            st.plotly_chart(figures_figure(part, lang, title, unit), key=f"fig_{metric}_{unit}",
                            config=plotly_config(f"figures_{metric}_{unit}"))
        st.caption(t("figures.range_note", lang))
        if drawable_figures(subset) < len(subset):
            st.caption(t("figures.not_drawn", lang, n=number(len(subset) - drawable_figures(subset))))
        show_table(subset, TAB_COLUMNS, lang, key=f"fig_table_{metric}")

st.header(t("figures.table", lang), anchor=False)
show_table(figures, ALL_COLUMNS, lang, key="fig_table_all")
if n_figures > len(figures):
    if st.button(t("figures.full_download", lang, n=n_figures), key="fig_full"):
        download_buttons(data.figures(), "figures", lang, key="fig_dl")
else:
    download_buttons(figures, "figures", lang, key="fig_dl")
end_page(filters)
