"""The ledger of quoted figures (``corpus.ledger``) on the Figures page: charts of ledger lines,
the table of lines, the chosen line's quotes (in the URL as ``line=<line id>``), downloads, and for
editors the mark that removes a misread quote from its article.

Quotes and sentences are Arabic article text: drawn inside containers keyed ``artext_*`` through
``safe_inline``, never as HTML. Chart hover text is built in ``components.charts.ledger_figure``.
"""
from __future__ import annotations

from typing import Any, Mapping, Sequence

import pandas as pd
import streamlit as st

from corpus.filters import Filters
from corpus.ledger import (Ledger, LedgerLine, figures_without, find_line, line_id, line_records,
                           lines_by_metric, parse_line_id, quote_records)

from .auth import Editor
from .charts import figures_figure, ledger_figure, pair_label, plotly_config, range_label, selected_points
from .exports import download_buttons
from .filterbar import link_params, page_param, set_page_param
from .i18n import amount_label, code_label, number, outlet_label, t, yes_no
from .tables import show_table
from .text import FSI, PDI, ltr, safe_inline

TABS_KEY = "lg_tabs"  # the metric tab open
SELECT_KEY = "fig_line"  # the line chosen in the list (its id, "" for none)
_SHOWN = "_lg_shown"  # the line shown last run: a URL naming another one was opened
_PICKED = "_lg_picked"  # a line clicked in a chart, for the list to take
_PENDING = "_lg_pending"  # a misread mark waiting for confirmation: (article_id, idx, text)
_FLASH = "_lg_flash"  # what the last mark did, shown once after the rerun
METRIC_ORDER = ("trade_turnover", "trade_growth", "investment", "companies", "agreements")
# The flag early: a phone (or the mirrored grid's scroller) shows the first columns first.
LINE_COLUMNS = ["metric", "line_period", "agreed", "disagree", "quoted_range", "n_quotes", "n_outlets", "line_kind",
                "pair"]


def _plain(text: str) -> str:
    """Direction isolates are for plotly's labels; a table cell or a Markdown line drops them."""
    return text.replace(FSI, "").replace(PDI, "")


def kind_text(line: LedgerLine, lang: str) -> str:
    return t("ledger.forecast" if line.key.forecast else "ledger.achieved", lang)


def lines_frame(ledger: Ledger, lang: str) -> pd.DataFrame:
    """The ledger table as shown: one row per line, values in words of the UI language. Pure."""
    rows = [{"metric": ln.key.metric, "line_period": ln.key.period, "pair": pair_label(ln.key.pair, lang),
             "line_kind": kind_text(ln, lang), "agreed": amount_label(ln.value, ln.key.unit, lang),
             "quoted_range": _plain(range_label(*ln.spread, ln.key.unit, lang)),
             "n_quotes": len(ln.quotes), "n_outlets": len(ln.outlets),
             "disagree": yes_no(ln.disagree, lang) if ln.disagree else ""} for ln in ledger.lines]
    return pd.DataFrame(rows, columns=LINE_COLUMNS)


def line_label(line: LedgerLine, lang: str) -> str:
    """How a line reads in the list: metric · period · achieved/forecast · value (· disagree). Pure."""
    parts = [code_label("metric", line.key.metric, lang), line.key.period, kind_text(line, lang),
             amount_label(line.value, line.key.unit, lang)]
    if line.key.pair != "RU-AZ":
        parts.insert(2, pair_label(line.key.pair, lang))
    if line.disagree:
        parts.append("⚠ " + t("ledger.disagree", lang))
    return " · ".join(parts)


def left_out_text(ledger: Ledger, lang: str) -> str:
    return t("ledger.left_out", lang, undated=number(ledger.undated), unplaced=number(ledger.unplaced))


# ---- charts -----------------------------------------------------------------------------------------

def ledger_charts(ledger: Ledger, figures: pd.DataFrame, lang: str) -> None:
    """One tab per metric quoted: the ledger's lines of that metric (one chart per unit, at most
    two; a clicked point chooses its line) and how many of its quotes have no period; then the
    figures of other metrics, one point each, as quoted. ``figures``: the rows the ledger read.
    Only the open tab is drawn (a switch reruns the page)."""
    grouped = lines_by_metric(ledger)
    quoted = set(figures["metric"].dropna()) if "metric" in figures.columns else set()
    metrics = [m for m in METRIC_ORDER if m in grouped or ledger.undated_by_metric.get(m)]
    others = figures[figures["metric"] == "other"] if "other" in quoted else figures.iloc[0:0]
    tabs = [*metrics, *(["other"] if not others.empty else [])]
    if not tabs:
        st.info(t("ledger.empty", lang))
        return
    # The tabs keep which one is open and rerun on a switch: only the open tab's charts are built.
    for tab, metric in zip(st.tabs([code_label("metric", m, lang) for m in tabs], key=TABS_KEY,
                                   on_change="rerun"), tabs):
        if tab.open is False:
            continue
        with tab:
            if metric == "other":
                _other_figures(others, lang)
                continue
            units = pd.Series([ln.key.unit for ln in grouped.get(metric, [])]).value_counts().index[:2]
            for unit in units:
                title = t("figures.turnover_chart", lang) if metric == "trade_turnover" else \
                    code_label("metric", metric, lang)
                key = f"lg_chart_{metric}_{unit}"
                state = st.plotly_chart(ledger_figure(grouped[metric], lang, title, unit), key=key,
                                        config=plotly_config(f"ledger_{metric}_{unit}"),
                                        on_select="rerun", selection_mode="points")
                _take_click(key, state)
            undated = ledger.undated_by_metric.get(metric, 0)
            if undated:
                st.caption(t("figures.not_drawn", lang, n=number(undated)))
    st.caption(t("ledger.chart_note", lang))
    st.caption(left_out_text(ledger, lang))


def _other_figures(rows: pd.DataFrame, lang: str) -> None:
    """Figures of no ledger metric (road maps, tourists, volumes): not merged, one point each."""
    drawable = rows[rows["value"].notna() & rows["period_start"].notna()] if "period_start" in rows.columns \
        else rows[rows["value"].notna()]
    for unit in drawable["unit"].dropna().value_counts().index[:2]:
        st.plotly_chart(figures_figure(drawable[drawable["unit"] == unit], lang, code_label("metric", "other", lang),
                                       unit), key=f"lg_other_{unit}", config=plotly_config(f"figures_other_{unit}"))
    missing = len(rows) - len(drawable)
    if missing:
        st.caption(t("figures.not_drawn", lang, n=number(missing)))


def _take_click(key: str, state: Any) -> None:
    """A point newly selected in a chart becomes the chosen line (once: the chart keeps its
    selection across reruns, the list may have moved on since)."""
    points = selected_points(state)
    custom = points[0].get("customdata") if points else None
    clicked = str(custom[0]) if custom else None
    seen = f"_lg_click_{key}"
    if clicked and clicked != st.session_state.get(seen):
        st.session_state[_PICKED] = clicked
    st.session_state[seen] = clicked


# ---- the table and the chosen line ------------------------------------------------------------------

def ledger_section(ledger: Ledger, filters: Filters, store: Any, editor: Editor | None) -> None:
    """The table of lines with its download, the chosen line (``line=`` in the URL) and its quotes."""
    lang = filters.lang
    st.header(t("ledger.heading", lang), anchor=False)
    st.caption(t("ledger.intro", lang))
    flash = st.session_state.pop(_FLASH, None)
    if flash:
        done, message = flash
        (st.success if done else st.warning)(message)
    if not ledger.lines:
        st.info(t("ledger.empty", lang))
        return
    show_table(lines_frame(ledger, lang), LINE_COLUMNS, lang, key="lg_table")
    st.caption(t("ledger.download_lines", lang))
    download_buttons(pd.DataFrame(line_records(ledger)), "ledger_lines", lang, key="lg_dl_lines")

    line = _chosen_line(ledger, lang)
    if line is not None:
        _line_view(line, filters, store, editor)


def _chosen_line(ledger: Ledger, lang: str) -> LedgerLine | None:
    """The line of the URL (a link opened), of a chart click, or of the list; written to the URL."""
    ss = st.session_state
    ids = [line_id(ln.key) for ln in ledger.lines]
    by_id = dict(zip(ids, ledger.lines))
    wanted = page_param("line")
    if wanted and wanted != ss.get(_SHOWN):
        if find_line(ledger, parse_line_id(wanted)) is not None:
            ss[SELECT_KEY] = wanted
        else:
            st.warning(t("ledger.not_found", lang, id=safe_inline(wanted[:80])))
    picked = ss.pop(_PICKED, None)
    if picked in by_id:
        ss[SELECT_KEY] = picked
    if ss.get(SELECT_KEY) not in ("", *ids):
        ss[SELECT_KEY] = ""
    chosen = st.selectbox(t("ledger.select", lang), ["", *ids], key=SELECT_KEY,
                          format_func=lambda i: line_label(by_id[i], lang) if i else t("ledger.none", lang))
    set_page_param("line", chosen or None)
    ss[_SHOWN] = chosen or None
    return by_id.get(chosen) if chosen else None


def _line_view(line: LedgerLine, filters: Filters, store: Any, editor: Editor | None) -> None:
    lang = filters.lang
    unit = line.key.unit
    cols = st.columns([3, 4, 1.5, 1.5])  # the quoted range is the longest value
    cols[0].metric(t("ledger.median" if line.disagree else "ledger.agreed", lang),
                   amount_label(line.value, unit, lang))
    cols[1].metric(t("ledger.quoted_range", lang), _plain(range_label(*line.spread, unit, lang)))
    cols[2].metric(t("col.n_quotes", lang), len(line.quotes))
    cols[3].metric(t("col.n_outlets", lang), len(line.outlets))
    if line.disagree:
        st.warning(t("ledger.disagree_note", lang))
    quotes = quote_records(line)
    st.markdown(f"##### {safe_inline(t('ledger.quotes', lang, n=len(quotes)))}")
    may_mark = editor is not None and hasattr(store, "correct")
    if may_mark:
        st.caption(t("ledger.editor_note", lang, who=safe_inline(editor.who if editor else "")))
    for i, quote in enumerate(quotes):
        _quote_view(i, quote, unit, filters, store, editor if may_mark else None)
    st.caption(t("ledger.download_quotes", lang))
    download_buttons(pd.DataFrame(quotes), "ledger_quotes", lang, key="lg_dl_quotes")


def _quote_view(i: int, quote: Mapping[str, Any], unit: str, filters: Filters, store: Any,
                editor: Editor | None) -> None:
    lang = filters.lang
    with st.container(border=True, key=f"lg_quote_{i}"):
        with st.container(key=f"artext_lg_quote_{i}"):  # Arabic article text: right to left
            st.markdown(f"**{safe_inline(quote['text'])}**")
            st.markdown(f"> {safe_inline(quote['sentence'])}")
        published = quote.get("published")
        day = ltr(str(published)[:10]) if published else t("common.no_date", lang)
        meta = [outlet_label(quote.get("outlet"), lang, empty=t("figures.no_outlet", lang)), day,
                amount_label(quote["value"], unit, lang)
                + (f" – {amount_label(quote['value_max'], unit, lang)}" if quote.get("value_max") else ""),
                code_label("qualifier", quote.get("qualifier"), lang)]
        st.caption(safe_inline(" · ".join(m for m in meta if m)))
        cols = st.columns(2)
        cols[0].page_link("views/articles.py", label=t("meeting.read", lang), icon=":material/article:",
                          query_params=link_params(filters, {"article": quote["article_id"]}))
        if editor is not None and quote.get("idx") is not None:
            _misread_mark(cols[1], i, quote, store, editor, lang)


def _misread_mark(col: Any, i: int, quote: Mapping[str, Any], store: Any, editor: Editor, lang: str) -> None:
    """Two steps: the mark, then a confirmation that removes the figure through ``Store.correct``."""
    ss = st.session_state
    target = (int(quote["article_id"]), int(quote["idx"]), str(quote["text"]))
    if col.button(t("ledger.mark", lang), key=f"lg_mark_{i}", icon=":material/report:"):
        ss[_PENDING] = target
    if ss.get(_PENDING) != target:
        return
    st.warning(t("ledger.mark_warning", lang, id=target[0]))
    yes, no = st.columns(2)
    if no.button(t("ledger.mark_cancel", lang), key=f"lg_mark_no_{i}"):
        ss.pop(_PENDING, None)
        st.rerun()
    if yes.button(t("ledger.mark_confirm", lang), key=f"lg_mark_yes_{i}", type="primary"):
        ss.pop(_PENDING, None)
        ss[_FLASH] = mark_misread(store, target, editor.who, lang)
        st.rerun()


def mark_misread(store: Any, target: Sequence[Any], who: str, lang: str) -> tuple[bool, str]:
    """Remove the quoted figure from its article (a ``figures`` correction, re-applied after every
    reprocess): (done, the message to show). Nothing is removed when the article changed meanwhile."""
    article_id, idx, text = int(target[0]), int(target[1]), str(target[2])
    article = store.article(article_id)
    remaining = figures_without((article or {}).get("figures") or [], idx, text)
    if remaining is None:
        return False, t("ledger.mark_stale", lang)
    store.correct(article_id, "figures", remaining, who)
    return True, t("ledger.marked", lang, id=article_id, text=safe_inline(text))
