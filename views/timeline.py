"""Timeline: meetings over time, one selected meeting with its articles, coverage per month."""
import pandas as pd
import streamlit as st

from components.article_view import default_event, event_articles, event_label, event_summary
from components.charts import coverage_figure, plotly_config, selected_points
from components.exports import deferred_download_buttons
from components.filterbar import link_params, page_param, set_page_param
from components.i18n import t
from components.page import end_page, start_page, stop_if_empty
from components.tables import show_table
from components.timeline_chart import timeline_figure

filters, data = start_page("timeline.title")
lang = filters.lang
stop_if_empty(data, filters)
events = data.events()
if events.empty:
    st.info(t("empty.no_events", lang))
    end_page(filters)
    st.stop()

events = events.sort_values("date", na_position="last").reset_index(drop=True)
ids = [str(i) for i in events["id"]]
labels = {str(i): event_label(d, c, k, lang)
          for i, d, c, k in zip(events["id"], events["date"], events["city"], events["kind"])}

# A point clicked in the chart (state from the previous run) or the URL chooses the meeting.
clicked = [str(p["customdata"][0]) for p in selected_points(st.session_state.get("tl_chart"))
           if p.get("customdata")]
if clicked and clicked[0] in ids and clicked[0] != st.session_state.get("_tl_clicked"):
    st.session_state["_tl_clicked"] = clicked[0]
    st.session_state["tl_event"] = clicked[0]
if st.session_state.get("tl_event") not in ids:
    from_url = page_param("event")
    st.session_state["tl_event"] = from_url if from_url in ids else default_event(ids, list(events["date"]))

# theme=None: the figure holds the theme's look itself, so the browser draws its markers once
st.plotly_chart(timeline_figure(events, lang), config=plotly_config("timeline"), key="tl_chart",
                on_select="rerun", selection_mode="points", theme=None)
st.caption(t("timeline.hint", lang))
undated = int(pd.to_datetime(events["date"], errors="coerce").isna().sum())
if undated:
    st.caption(t("timeline.undated", lang, n=undated))

event_id = st.selectbox(t("timeline.select", lang), ids, key="tl_event",
                        format_func=lambda i: labels.get(i, i))
set_page_param("event", event_id)
event = data.event(int(event_id) if str(event_id).isdigit() else event_id)
if event:
    st.header(t("timeline.details", lang), anchor=False)
    event_summary(event, lang)
    st.markdown(f"### {t('timeline.articles', lang)}")
    event_articles(event, lang)
    if any(bool(a.get("inferred")) for a in event.get("articles") or []):
        st.caption(t("timeline.inferred_note", lang))
    st.page_link("views/meeting.py", label=t("timeline.open_record", lang), icon=":material/event_note:",
                 query_params=link_params(filters, {"event": event_id}))

st.plotly_chart(coverage_figure(data.coverage(), lang, t("timeline.coverage", lang)),
                config=plotly_config("coverage"), key="tl_coverage")

st.header(t("timeline.events_table", lang), anchor=False)
show_table(events, ["date", "city", "kind", "status", "n_articles", "inferred_any"], lang, key="tl_table")
deferred_download_buttons(data.events_export, "events", lang, key="tl_dl")  # with brief_en
end_page(filters)
