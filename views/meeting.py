"""Meeting record: one meeting with everything reported about it; ``/meeting?event=<id>`` restores it.

The meeting comes from the URL's ``event`` (the same id the Timeline uses), else the list; a link
to a meeting the filters hide still opens it (the record is not filtered).
"""
import streamlit as st

from components.article_view import default_event, event_label
from components.auth import current_editor
from components.filterbar import page_param, set_page_param
from components.i18n import t
from components.meeting_record import grouping_controls, meeting_record_view
from components.page import end_page, start_page

filters, data = start_page("meeting.title")
lang = filters.lang
events = data.events().sort_values("date", na_position="last").reset_index(drop=True)
labels = {str(i): event_label(d, c, k, lang)
          for i, d, c, k in zip(events["id"], events["date"], events["city"], events["kind"])}
ids = list(labels)

wanted = page_param("event")
wanted_record = data.record(int(wanted)) if wanted and wanted.isdigit() else None
if wanted and wanted_record is None:
    st.warning(t("meeting.not_found", lang, id=wanted[:20]))
dates = list(events["date"])
if wanted_record is not None and wanted not in labels:  # hidden by the filters: still shown
    labels[wanted] = event_label(wanted_record.date, wanted_record.city, wanted_record.kind, lang)
    ids.append(wanted)
    dates.append(wanted_record.date)
if not ids:
    st.info(t("empty.no_events", lang))
    end_page(filters)
    st.stop()

# A URL naming another meeting than the one shown last (a link opened) chooses it; otherwise the
# list keeps its choice, and opens on the latest dated meeting.
if wanted_record is not None and wanted != st.session_state.get("_mr_shown"):
    st.session_state["mr_event"] = wanted
elif st.session_state.get("mr_event") not in ids:
    st.session_state["mr_event"] = default_event(ids, dates)
event_id = st.selectbox(t("timeline.select", lang), ids, key="mr_event", format_func=lambda i: labels.get(i, i))
set_page_param("event", event_id)
st.session_state["_mr_shown"] = event_id
record = wanted_record if event_id == wanted else data.record(int(event_id))
if record is not None:
    meeting_record_view(record, filters)
    editor = current_editor()
    if editor is not None:
        grouping_controls(record, {i: label for i, label in labels.items() if i != event_id}, editor,
                          data.store, lang)
end_page(filters)
