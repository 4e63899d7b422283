"""Who said what: statements of Putin and Aliyev in the filtered articles, newest first.

``/said?speaker=putin`` (or ``aliyev``; none: both) with the usual filters; the keywords are
matched against the statements themselves.
"""
import streamlit as st

from components.exports import deferred_download_buttons
from components.i18n import t
from components.page import end_page, start_page
from components.statements import export_frame, speaker_choice, statement_card

CARDS = 50  # cards drawn; the download holds every matching statement

filters, data = start_page("said.title")
lang = filters.lang
st.caption(t("said.intro", lang))
speaker = speaker_choice(lang)
result = data.statements(speaker, limit=CARDS)
st.markdown(f"**{t('said.count', lang, n=result.total)}**")
if result.total > len(result.rows):
    st.caption(t("said.shown", lang, shown=len(result.rows)))
if result.rows.empty:
    st.info(t("said.none", lang))
else:
    for i, row in enumerate(result.rows.to_dict("records")):
        statement_card(row, i, filters)
    deferred_download_buttons(lambda: export_frame(data.statements_export(speaker)), "statements", lang,
                              key="said_dl")
end_page(filters)
