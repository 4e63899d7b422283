"""Upload page parts: file reading with progress, editable previews, results, removal with undo,
and the history. The logic is in ``corpus.preview``; this module draws and keeps session state.

All article and user text is shown through plain widgets or ``safe_inline`` (never unsafe HTML).
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Any, Sequence

import pandas as pd
import streamlit as st

from components.auth import Editor
from components.i18n import catalogue, city_label, code_label, has, kind_label, t, topic_label
from components.tables import file_name, show_table, titled
from components.text import safe_inline, truncate
from corpus import preview as pv
from corpus.bounded import MAX_WORKERS, BoundedPreview
from corpus.vocab import KINDS, METRICS, QUALIFIERS, STATUSES, UNITS
from corpus.readers import DEFAULT_LIMITS, MB

MAX_EDITABLE = 25  # previews drawn as forms; the rest are stored as extracted
MAX_ERROR_LINES = 40
# Seconds between checks on a file being extracted in its worker process. Each check redraws the
# progress bar, and that Streamlit call is where a closed tab or a new run stops this one (the
# worker is then killed on the way out).
POLL_S = 0.25
# The uploader refuses in the browser what the reader would refuse on the server (whole MB).
UPLOAD_MB = max(1, DEFAULT_LIMITS.max_file_bytes // MB)

# Session keys.
_PREVIEWS = "upload_previews"
_READ_REJECTED = "upload_read_rejected"
_OUTCOMES = "upload_outcomes"
_BATCH = "upload_batch"  # bumps per read: fresh widget keys and an empty uploader
_REMOVED = "upload_last_removed"
_RESTORED = "upload_last_restored"


def _batch() -> int:
    return int(st.session_state.get(_BATCH, 0))


def _next_batch() -> None:
    st.session_state[_BATCH] = _batch() + 1


# --- step 1: choose files, read and extract ------------------------------------------------------

def upload_files(lang: str) -> None:
    """The uploader and the read button; fills the session with previews and read rejections."""
    # Any type is accepted here so that the readers explain a refusal per file in plain words.
    files = st.file_uploader(t("upload.files", lang), accept_multiple_files=True,
                             key=f"upload_files_{_batch()}", max_upload_size=UPLOAD_MB)
    # Streamlit's own size line is English and hidden by the theme: this one is in the UI language.
    st.caption(t("upload.limits", lang, mb=UPLOAD_MB))
    if not st.button(t("upload.read", lang), key="upload_read", type="primary"):
        return
    if not files:
        st.warning(t("upload.no_files", lang))
        return
    previews, rejected = read_files(files, lang)
    st.session_state[_PREVIEWS] = previews
    st.session_state[_READ_REJECTED] = rejected
    st.session_state.pop(_OUTCOMES, None)
    _next_batch()
    st.rerun()


def read_files(files: Sequence[Any], lang: str) -> tuple[list[pv.Preview], list[pv.Outcome]]:
    bar = st.progress(0.0)
    previews: list[pv.Preview] = []
    rejected: list[pv.Outcome] = []
    for i, f in enumerate(files):
        name = safe_inline(f.name)
        with BoundedPreview(f.name, f.getvalue()) as job:
            while not job.wait(POLL_S):
                key = "upload.reading" if job.started else "upload.waiting_for_worker"
                bar.progress(i / len(files), text=t(key, lang, name=name, i=i + 1, n=len(files), workers=MAX_WORKERS))
            got, bad = job.result()
        previews += got
        rejected += bad
    bar.progress(1.0)
    return previews, rejected


# --- step 2: preview and correct -----------------------------------------------------------------

def _topic_options(extraction_topics: Sequence[str], lang: str) -> list[str]:
    try:
        from corpus.extract.topics import topic_labels
        known = list(topic_labels(lang))
    except Exception:  # topics lexicon unavailable: offer what was extracted
        known = []
    return list(dict.fromkeys([*known, *extraction_topics]))


def _city_options(current: Sequence[Any]) -> list[str]:
    from components.i18n import city_names_ar
    return list(dict.fromkeys([*sorted(city_names_ar()), *[c for c in current if c]]))


def _order(columns: Sequence[str], lang: str) -> list[str]:
    # Grids do not mirror: in Arabic the first column goes on the right.
    return list(columns)[::-1] if lang == "ar" else list(columns)


def _meetings_editor(p: pv.Preview, key: str, lang: str) -> list[dict[str, Any]]:
    rows = pv.meeting_rows(p.extraction)
    if not rows:
        st.caption(t("upload.no_meetings", lang))
        return []
    st.caption(t("upload.meetings", lang))
    frame = pd.DataFrame(rows, columns=["keep", *pv.MEETING_FIELDS])
    cc = st.column_config
    edited = st.data_editor(frame, key=key, hide_index=True, num_rows="fixed",
                            column_order=_order(frame.columns, lang), column_config={
        "keep": cc.CheckboxColumn(t("upload.meeting_keep", lang), width="small"),
        "date": cc.TextColumn(t("col.date", lang), help="YYYY-MM-DD", width="small"),
        "city": cc.SelectboxColumn(t("col.city", lang), options=_city_options(frame["city"]),
                                   width="small", format_func=lambda c: city_label(c, lang)),
        "kind": cc.SelectboxColumn(t("col.kind", lang), options=list(KINDS), width="small",
                                   format_func=lambda k: kind_label(k, lang)),
        "status": cc.SelectboxColumn(t("col.status", lang), options=list(STATUSES), width="small",
                                     format_func=lambda v: code_label("status", v, lang)),
        "evidence": cc.TextColumn(t("col.evidence", lang), disabled=True, width="medium"),
    })
    return edited.to_dict("records")


def _figures_editor(p: pv.Preview, key: str, lang: str) -> list[dict[str, Any]]:
    rows = pv.figure_rows(p.extraction)
    if not rows:
        st.caption(t("upload.no_figures", lang))
        return []
    st.caption(t("upload.figures", lang))
    # The quoted text goes last: it is long, and the numbers next to "keep" are what gets edited.
    frame = pd.DataFrame(rows, columns=["keep", *[c for c in pv.FIGURE_FIELDS if c != "text"], "text"])
    cc = st.column_config
    edited = st.data_editor(frame, key=key, hide_index=True, num_rows="fixed",
                            column_order=_order(frame.columns, lang), column_config={
        "keep": cc.CheckboxColumn(t("upload.figure_keep", lang), width="small"),
        "text": cc.TextColumn(t("col.text", lang), disabled=True, width="medium"),
        "value": cc.NumberColumn(t("col.value", lang), format="%.6g", width="small"),
        "value_max": cc.NumberColumn(t("col.value_max", lang), format="%.6g", width="small"),
        "unit": cc.SelectboxColumn(t("col.unit", lang), options=list(UNITS), width="small",
                                   format_func=lambda v: code_label("unit", v, lang)),
        "metric": cc.SelectboxColumn(t("col.metric", lang), options=list(METRICS), width="small",
                                     format_func=lambda v: code_label("metric", v, lang)),
        "qualifier": cc.SelectboxColumn(t("col.qualifier", lang), options=list(QUALIFIERS), width="small",
                                        format_func=lambda v: code_label("qualifier", v, lang)),
        "period": cc.TextColumn(t("col.period", lang), width="small"),
    })
    return edited.to_dict("records")


def _preview_form(i: int, p: pv.Preview, lang: str) -> tuple[bool, dict[str, Any]]:
    """One article's editable preview; returns (store it?, edited values)."""
    ex = p.extraction
    k = f"pv{_batch()}_{i}"
    with st.container(border=True):
        st.markdown(f"**{safe_inline(p.source)}**")
        keep = st.checkbox(t("upload.include", lang), value=True, key=f"{k}_keep")
        c1, c2, c3 = st.columns([3, 2, 2])
        edited: dict[str, Any] = {
            "title": c1.text_input(t("upload.field_title", lang), value=ex.title or "", key=f"{k}_title"),
            "outlet": c2.text_input(t("upload.field_outlet", lang), value=ex.outlet or "", key=f"{k}_outlet"),
            "published": c3.text_input(t("upload.field_published", lang), value=ex.published or "",
                                       key=f"{k}_published"),
            "topics": st.multiselect(t("upload.field_topics", lang), _topic_options(ex.topics, lang),
                                     default=list(ex.topics), key=f"{k}_topics",
                                     format_func=lambda c: topic_label(c, lang)),
        }
        edited["meetings"] = _meetings_editor(p, f"{k}_meetings", lang)
        edited["figures"] = _figures_editor(p, f"{k}_figures", lang)
        with st.expander(t("upload.text_excerpt", lang)):
            st.text(truncate(ex.clean_text or p.doc.text, 800))
    return keep, edited


def preview_and_store(editor: Editor, store: Any, lang: str) -> None:
    """The previews of the last read as one form; its submit stores the ticked articles."""
    previews: list[pv.Preview] = st.session_state.get(_PREVIEWS) or []
    rejected: list[pv.Outcome] = st.session_state.get(_READ_REJECTED) or []
    if not previews and not rejected:
        return
    if rejected and not previews:
        st.session_state[_OUTCOMES] = rejected
        _clear_preview()
        st.info(t("upload.preview_none", lang))
        return
    for o in rejected[:MAX_ERROR_LINES]:
        st.error(f"**{safe_inline(o.source)}**: {outcome_text(o, lang)}")
    st.header(t("upload.preview_header", lang, n=len(previews)), anchor=False)
    with st.form(f"upload_preview_{_batch()}", border=False):
        choices = [_preview_form(i, p, lang) for i, p in enumerate(previews[:MAX_EDITABLE])]
        rest = previews[MAX_EDITABLE:]
        if rest:
            st.info(t("upload.more_as_extracted", lang, n=len(rest)))
        store_clicked = st.form_submit_button(t("upload.store", lang), type="primary")
    if st.button(t("upload.discard", lang), key="upload_discard"):
        _clear_preview()
        st.rerun()
    if store_clicked:
        _store(editor, store, previews, choices, rejected, lang)


def _store(editor: Editor, store: Any, previews: list[pv.Preview],
           choices: list[tuple[bool, dict[str, Any]]], rejected: list[pv.Outcome], lang: str) -> None:
    todo: list[tuple[pv.Preview, dict[str, Any]]] = []
    outcomes: list[pv.Outcome] = list(rejected)
    for i, p in enumerate(previews):
        keep, edited = choices[i] if i < len(choices) else (True, {})
        if not keep:
            outcomes.append(pv.skipped(p))
            continue
        try:
            todo.append((p, pv.corrections_from(p.extraction, edited)))
        except pv.CorrectionError as err:
            # Validate everything before storing anything: a typo must not leave half a batch.
            st.error(t("upload.bad_value", lang, value=safe_inline(err.value), source=safe_inline(p.source),
                       field=safe_inline(err.field)))
            return
    bar = st.progress(0.0)

    def progress(i: int, n: int, p: pv.Preview) -> None:
        bar.progress(i / max(n, 1), text=t("upload.storing", lang, name=safe_inline(p.source), i=i + 1,
                                                       n=n))

    outcomes += pv.store_previews(store, todo, editor.who, progress)
    bar.progress(1.0)
    st.session_state[_OUTCOMES] = outcomes
    _clear_preview()
    st.rerun()


def _clear_preview() -> None:
    st.session_state.pop(_PREVIEWS, None)
    st.session_state.pop(_READ_REJECTED, None)
    _next_batch()


# --- results -------------------------------------------------------------------------------------

def outcome_text(o: pv.Outcome, lang: str) -> str:
    """One result in plain words (Markdown-safe)."""
    title = safe_inline(o.duplicate_title or t("common.unknown", lang))
    if o.status == "added":
        text = t("upload.result.added", lang, id=o.article_id)
        if o.corrected:
            text += " · " + t("upload.result.corrected", lang, fields=", ".join(o.corrected))
    elif o.status in ("duplicate", "source_added"):
        text = t(f"upload.result.{o.status}", lang, title=title, id=o.duplicate_of or o.article_id)
    elif o.status == "skipped":
        text = t("upload.result.skipped", lang)
    else:
        text = t("upload.result.rejected", lang, reason=_reason(o, lang))
    if o.reason and o.status != "rejected":
        text += " · " + _reason(o, lang)
    return text


def _reason(o: pv.Outcome, lang: str) -> str:
    """Our own reasons in the UI language; the readers' reasons as they wrote them."""
    key = f"upload.reason.{o.code}"
    if o.code and has(key):
        return t(key, lang, **{k: safe_inline(v) for k, v in o.params.items()})
    known = reader_reason_keys().get(o.reason or "")
    return t(known, lang) if known else safe_inline(o.reason or "")


@lru_cache(maxsize=1)
def reader_reason_keys() -> dict[str, str]:
    """The readers' fixed English reasons → catalogue keys (upload.reader.*) that translate them."""
    return {entry["en"]: key for key, entry in catalogue().items()
            if key.startswith("upload.reader.") and entry.get("en")}


def show_outcomes(outcomes: Sequence[pv.Outcome], lang: str) -> None:
    """A summary, an error line per rejected source (naming it), and a table of every result."""
    st.header(t("upload.results", lang), anchor=False)
    counts = {s: sum(1 for o in outcomes if o.status == s) for s in
              ("added", "duplicate", "source_added", "rejected", "skipped")}
    bad = [o for o in outcomes if o.status == "rejected"]
    if len(outcomes) == 1 and bad:  # one bad file: one message
        st.error(f"**{safe_inline(bad[0].source)}**: {outcome_text(bad[0], lang)}")
        return
    summary = t("upload.summary", lang, added=counts["added"],
                duplicate=counts["duplicate"] + counts["source_added"], rejected=counts["rejected"])
    # Green only when everything went in; nothing added is an error, a mix a warning.
    box = st.error if bad and not counts["added"] else st.warning if bad else \
        st.success if counts["added"] else st.info
    box(summary)
    for o in bad[:MAX_ERROR_LINES]:
        st.error(f"**{safe_inline(o.source)}**: {outcome_text(o, lang)}")
    # Stored elsewhere, so what the editor did here did not take: said above the table.
    noted = [o for o in outcomes if o.code in ("corrections_not_stored", "duplicate_of_removed")]
    for o in noted[:MAX_ERROR_LINES]:
        st.warning(f"**{safe_inline(o.source)}**: {outcome_text(o, lang)}")
    table = pd.DataFrame({"source": [o.source for o in outcomes],
                          "result": [_plain(outcome_text(o, lang)) for o in outcomes]})
    show_table(table, ["source", "result"], lang, key=f"upload_results_{_batch()}")


def _plain(markdown: str) -> str:
    # The table shows text literally: undo the Markdown escaping made for alerts.
    return markdown.replace("\\", "")


def last_outcomes(lang: str) -> None:
    outcomes = st.session_state.get(_OUTCOMES)
    if outcomes:
        show_outcomes(outcomes, lang)


# --- removal with undo ---------------------------------------------------------------------------

def _article_label(row: Any) -> str:
    parts = [str(x) for x in (row.outlet, row.published) if x is not None and not pd.isna(x)]
    meta = f" ({', '.join(parts)})" if parts else ""
    return f"#{row.id} · {truncate(row.title or '', 90)}{meta}"


def remove_article(editor: Editor, articles: pd.DataFrame, store: Any, lang: str) -> None:
    st.header(t("upload.remove_header", lang), anchor=False)
    _undo_box(editor, store, lang)
    if articles.empty:
        st.caption(t("upload.no_articles", lang))
        return
    st.caption(t("upload.remove_hint", lang))
    labels = {int(r.id): _article_label(r) for r in articles.itertuples()}
    titles = {int(r.id): r.title or f"#{int(r.id)}" for r in articles.itertuples()}
    chosen = st.selectbox(t("upload.remove_select", lang), list(labels), index=None,
                          format_func=lambda i: labels.get(i, str(i)), key="upload_remove_choice",
                          placeholder=t("filters.choose", lang))
    if st.button(t("upload.remove_button", lang), key="upload_remove", disabled=chosen is None):
        if store.remove_article(int(chosen), editor.who):
            st.session_state[_REMOVED] = (int(chosen), titles[chosen])
            st.session_state.pop(_RESTORED, None)
            st.session_state.pop("upload_remove_choice", None)
        st.rerun()


def _undo_box(editor: Editor, store: Any, lang: str) -> None:
    removed = st.session_state.get(_REMOVED)
    restored = st.session_state.get(_RESTORED)
    if restored:
        st.success(t("upload.restored", lang, title=safe_inline(restored[1])))
    if not removed:
        return
    article_id, label = removed
    st.warning(t("upload.removed", lang, title=safe_inline(label)))
    if st.button(t("upload.undo", lang), key="upload_undo"):
        store.restore_article(article_id, editor.who)
        st.session_state[_RESTORED] = removed
        st.session_state.pop(_REMOVED, None)
        st.rerun()


def removed_articles(editor: Editor, store: Any, lang: str) -> None:
    """Every removed article, latest first, with a restore button (undo covers only the last)."""
    lister = getattr(store, "removed_articles", None)
    if lister is None:
        return
    st.header(t("upload.removed_header", lang), anchor=False)
    removed = lister()
    if removed.empty:
        st.caption(t("upload.removed_none", lang))
        return
    st.caption(t("upload.removed_hint", lang))
    table = removed.assign(removed_at=[str(v)[:19] for v in removed["removed_at"]])
    show_table(titled(table, lang), ["id", "title", "outlet", "published", "removed_at"], lang, key="upload_removed")
    labels = {int(r.id): _article_label(r) for r in removed.itertuples()}
    chosen = st.selectbox(t("upload.restore_select", lang), list(labels), index=None,
                          format_func=lambda i: labels.get(i, str(i)), key="upload_restore_choice",
                          placeholder=t("filters.choose", lang))
    if st.button(t("upload.restore_button", lang), key="upload_restore", disabled=chosen is None):
        if store.restore_article(int(chosen), editor.who):
            title = removed.loc[removed["id"] == chosen, "title"].iloc[0]
            st.session_state[_RESTORED] = (int(chosen), title or f"#{int(chosen)}")
            st.session_state.pop(_REMOVED, None)
        st.session_state.pop("upload_restore_choice", None)
        st.rerun()


# --- history -------------------------------------------------------------------------------------

def history_table(history: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The store's history with actions in words and times to the second."""
    frame = history.copy()
    frame["when"] = [str(v)[:19] for v in frame["at"]]
    frame["action"] = [t(f"upload.action.{a}", lang) if has(f"upload.action.{a}") else str(a)
                       for a in frame["action"]]
    frame["article_id"] = [None if pd.isna(v) else int(v) for v in frame["article_id"]]
    # the first start's own name for the bundled corpus is a code, not a person: said in words
    frame["who"] = [t(f"upload.who.{w}", lang) if w == "bundled" else w for w in frame["who"]]
    untitled = t("common.untitled", lang)  # an article without a title, not a row without an article
    frame["title"] = [untitled if not pd.isna(a) and not (isinstance(x, str) and x.strip()) else x
                      for a, x in zip(frame["article_id"], frame["title"])]
    frame["detail"] = [_no_folders(v) for v in frame["detail"]]
    return frame


_ABSOLUTE = re.compile(r"(?:(?<=\s)|^)(?:[A-Za-z]:)?[\\/]\S+")


def _no_folders(value: Any) -> str:
    """History details name files, never the server's folders (/srv/app/data/raw/a.txt → a.txt)."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    return _ABSOLUTE.sub(lambda m: file_name(m.group(0)), str(value))


def show_history(store: Any, lang: str, limit: int = 200) -> None:
    st.header(t("upload.history_header", lang), anchor=False)
    history = store.history(limit)
    if history.empty:
        st.caption(t("upload.history_empty", lang))
        return
    show_table(history_table(history, lang), ["when", "who", "action", "article_id", "title", "detail"],
               lang, key="upload_history")


def interrupted_notice(editor: Editor, store: Any, lang: str) -> None:
    """Say what an editor's batch that stopped half-way (a closed tab) got stored, and how to
    store the rest."""
    batch = pv.interrupted_batch(store, editor.who, dt.datetime.now(dt.timezone.utc).replace(tzinfo=None))
    if batch is None:
        return
    files = ("، " if lang == "ar" else ", ").join(safe_inline(file_name(f)) for f in batch["files"][:5]) or "—"
    st.warning(t("upload.interrupted", lang, stored=batch["stored"], total=batch["total"], files=files,
                 at=batch["at"].strftime("%Y-%m-%d %H:%M")))
