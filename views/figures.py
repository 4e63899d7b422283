"""Figures: the numbers the articles quote, as a ledger (one line per quantity, with its quotes),
charted over time; each line's quotes lead to their sentences and articles (``?line=`` restores one)."""
import streamlit as st

from components.auth import current_editor
from components.exports import deferred_download_buttons, download_buttons
from components.i18n import t
from components.ledger import ledger_charts, ledger_section
from components.page import end_page, start_page, stop_if_empty
from components.tables import show_table
from corpus.ledger import build_ledger

# On screen the table keeps to what fits the page; the downloads carry every column.
ALL_COLUMNS = ["published", "outlet", "metric", "text", "qualifier", "period", "sentence"]
# Rows read per rerun (the most recent): 100k articles quote ~130k figures, too many to tabulate,
# chart and serialise on every filter change. The full set is one button away as a download.
FIGURE_ROWS = 2000

filters, data = start_page("figures.title")
lang = filters.lang
page = data.figure_page(FIGURE_ROWS)
stop_if_empty(data, filters, count=page.n_articles)
figures, n_figures = page.rows, page.total
if figures.empty:
    st.info(t("empty.no_figures", lang))
    end_page(filters)
    st.stop()

if n_figures > len(figures):
    st.caption(t("figures.capped", lang, shown=len(figures), total=n_figures))

ledger = build_ledger(figures.to_dict("records"))
ledger_charts(ledger, figures, lang)
ledger_section(ledger, filters, data.store, current_editor())

st.header(t("figures.table", lang), anchor=False)
show_table(figures, ALL_COLUMNS, lang, key="fig_table_all")
if n_figures > len(figures):
    if st.button(t("figures.full_download", lang, n=n_figures), key="fig_full"):
        download_buttons(data.figures(), "figures", lang, key="fig_dl")
else:  # the files are written when a button is clicked, not on every rerun
    deferred_download_buttons(lambda: figures, "figures", lang, key="fig_dl")
end_page(filters)
