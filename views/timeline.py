"""Timeline: meetings over time, one selected meeting with its articles, coverage per month."""
import pandas as pd
import streamlit as st

from components.article_view import default_event, event_articles, event_label, event_summary
from components.charts import coverage_figure, plotly_config, selected_points
from components.exports import deferred_download_buttons
from components.filterbar import link_params, page_param, set_page_param
from components.i18n import number, t
from components.meeting_lists import TABLE_ROWS, newest_meetings, picker_ids, sized_by_coverage
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

# newest first (meeting_lists): the table and the picker show the first TABLE_ROWS of this order
events = newest_meetings(events)
ids = [str(i) for i in events["id"]]

# A point clicked in the chart (state from the previous run) or the URL chooses the meeting.
clicked = [str(p["customdata"][0]) for p in selected_points(st.session_state.get("tl_chart"))
           if p.get("customdata")]
if clicked and clicked[0] in ids and clicked[0] != st.session_state.get("_tl_clicked"):
    st.session_state["_tl_clicked"] = clicked[0]
    st.session_state["tl_event"] = clicked[0]
if st.session_state.get("tl_event") not in ids:
    from_url = page_param("event")
    oldest_first = ids[::-1]
    st.session_state["tl_event"] = from_url if from_url in ids else default_event(oldest_first,
                                                                                  list(events["date"])[::-1])

# theme=None: the figure holds the theme's look itself, so the browser draws its markers once.
# Markers sized by each meeting's whole coverage: the same meetings give the same chart, which
# the browser already holds (sent by reference).
chart_events = sized_by_coverage(events[["id", "date", "city", "kind", "status", "n_articles"]],
                                 data.all_events())
st.plotly_chart(timeline_figure(chart_events, lang), config=plotly_config("timeline"), key="tl_chart",
                on_select="rerun", selection_mode="points", theme=None)
st.caption(t("timeline.hint", lang))
st.caption(t("timeline.marker_size", lang))
undated = int(pd.to_datetime(events["date"], errors="coerce").isna().sum())
if undated:  # undated meetings come last: past the table's rows only the CSV has them
    st.caption(t("timeline.undated" if len(ids) <= TABLE_ROWS else "timeline.undated_capped", lang, n=undated))

options = picker_ids(ids, st.session_state.get("tl_event"), TABLE_ROWS)
shown = events[events["id"].astype(str).isin(set(options))]
labels = {str(i): event_label(d, c, k, lang)
          for i, d, c, k in zip(shown["id"], shown["date"], shown["city"], shown["kind"])}
event_id = st.selectbox(t("timeline.select", lang), options, key="tl_event",
                        format_func=lambda i: labels.get(i, i))
if len(ids) > TABLE_ROWS:
    st.caption(t("timeline.picker_capped", lang, shown=number(TABLE_ROWS), total=number(len(ids))))
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
if len(events) > TABLE_ROWS:
    st.caption(t("timeline.table_capped", lang, shown=number(TABLE_ROWS), total=number(len(events))))
show_table(events.head(TABLE_ROWS), ["date", "city", "kind", "status", "n_articles", "inferred_any"], lang,
           key="tl_table")
deferred_download_buttons(data.events_export, "events", lang, key="tl_dl")  # with brief_en
end_page(filters)
