"""Tables in the UI language: localised headers and, in Arabic, the first column on the right.

Data grids do not mirror themselves, so in Arabic mode the column order is reversed; headers
come from the ``col.*`` strings. Pure helpers plus one ``show_table`` that draws.
"""
from __future__ import annotations

from typing import Any, Callable, Sequence

import pandas as pd
import streamlit as st

from .i18n import (city_label, code_label, has, kind_label, number, outlet_label, t, topic_label,
                   yes_no)
from .text import safe_inline


def header(column: str, lang: str) -> str:
    key = f"col.{column}"
    return t(key, lang) if has(key) else column


def _join_topics(value: Any, lang: str) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, str):
        items = [v for v in value.replace(";", ",").split(",") if v.strip()]
    else:
        items = list(value)
    return "، ".join(topic_label(str(v).strip(), lang) for v in items) if lang == "ar" else \
        ", ".join(topic_label(str(v).strip(), lang) for v in items)


def file_name(value: Any) -> str:
    """A stored source as the user knows it: the file's name (and its place inside a zip),
    never the server's folders."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    text = str(value)
    outer, sep, inner = text.partition(".zip/")
    name = outer.replace("\\", "/").rsplit("/", 1)[-1]
    return f"{name}{sep}{inner}" if sep else name


def _fmt_date(value: Any) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return str(value)[:10]


# Per-column display conversions (codes → labels in the UI language).
_CONVERT: dict[str, Callable[[Any, str], Any]] = {
    "kind": kind_label,
    "city": city_label,
    "value": lambda v, lang: number(v),
    "value_max": lambda v, lang: number(v),
    "outlet": lambda v, lang: outlet_label(v, lang, empty=""),
    "status": lambda v, lang: code_label("status", v, lang),
    "unit": lambda v, lang: code_label("unit", v, lang),
    "metric": lambda v, lang: code_label("metric", v, lang),
    "qualifier": lambda v, lang: code_label("qualifier", v, lang),
    "topics": _join_topics,
    "human_checked": lambda v, lang: "✓" if bool(v) and not pd.isna(v) else "",
    "inferred": yes_no,
    "inferred_any": yes_no,
    "published": lambda v, lang: _fmt_date(v),
    "source": lambda v, lang: file_name(v),
    "meeting_date": lambda v, lang: _fmt_date(v),
    "date": lambda v, lang: _fmt_date(v),
}


# Pixel widths: data grids do not scroll from the right, so in Arabic mode a table wider than the
# page would hide its first columns; these widths keep the usual tables within the main area.
WIDTHS: dict[str, int] = {
    "id": 50, "article_id": 60, "published": 95, "date": 95, "meeting_date": 95, "month": 80,
    "outlet": 120, "title": 220, "sentence": 320, "evidence": 320, "text": 160, "value": 110,
    "value_max": 100, "unit": 70, "qualifier": 80, "period": 125, "metric": 130, "city": 90,
    "kind": 150, "status": 90, "n_articles": 100, "n_sources": 70, "topics": 120,
    "human_checked": 110, "inferred": 70, "inferred_any": 120, "url": 150, "source": 150,
    "left": 260, "right": 260, "match": 100, "language": 60, "score": 70,
    "when": 150, "who": 190, "action": 100, "detail": 200,
    "agreed": 130, "disagree": 60, "quoted_range": 150, "n_quotes": 80, "n_outlets": 70, "line_kind": 140,
    "pair": 120, "line_period": 130,
}


def localize(df: pd.DataFrame, columns: Sequence[str], lang: str) -> pd.DataFrame:
    """The given columns (those present), values labelled and headers translated; reversed in Arabic."""
    present = [c for c in columns if c in df.columns]
    out = df.loc[:, present].copy()
    for col in present:
        convert = _CONVERT.get(col)
        if convert is not None:
            out[col] = [convert(v, lang) for v in out[col]]
        if out[col].dtype == object:  # missing text shows as an empty cell, not "None"
            out[col] = [("" if v is None or (isinstance(v, float) and pd.isna(v)) else v)
                        for v in out[col]]
    out.columns = [header(c, lang) for c in present]
    if lang == "ar":
        out = out.iloc[:, ::-1]
    return out


def titled(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Articles with the untitled label where the title is missing (a blank cell reads as nothing)."""
    if "title" not in df.columns:
        return df
    out = df.copy()
    untitled = t("common.untitled", lang)
    out["title"] = [v if isinstance(v, str) and v.strip() else untitled for v in out["title"]]
    return out


def show_table(df: pd.DataFrame, columns: Sequence[str], lang: str, *, key: str | None = None,
               height: int | str = "auto", link_columns: Sequence[str] = (),
               selectable: bool = False) -> Any:
    """Draw ``df`` localised (st.dataframe); link columns open in a new tab."""
    table = localize(df, columns, lang)
    config: dict[str, Any] = {}
    for col in columns:
        if col not in df.columns:
            continue
        label = header(col, lang)
        width = WIDTHS.get(col)
        if col in link_columns:
            config[label] = st.column_config.LinkColumn(label, width=width)
        else:
            config[label] = st.column_config.Column(label, width=width)
    kwargs: dict[str, Any] = {}
    if selectable:
        kwargs = {"on_select": "rerun", "selection_mode": "single-row"}
    if lang != "ar":
        return st.dataframe(table, hide_index=True, column_config=config, key=key, height=height,
                            **kwargs)
    # Grids scroll from the left; the mirrored grid gets its full width inside a right-to-left
    # scroller, which starts at the right: on a phone the first columns show first.
    with st.container(key=f"rtlgrid_{key or id(table)}"):
        return st.dataframe(table, hide_index=True, column_config=config, key=key, height=height,
                            width=grid_width(columns, df.columns), **kwargs)


def grid_width(columns: Sequence[str], present: Sequence[str]) -> int:
    """Pixel width of a grid with these columns (the WIDTHS, 120 for others, plus borders). Pure."""
    return sum(WIDTHS.get(c, 120) for c in columns if c in present) + 4


# ---- keyword in context ----------------------------------------------------------------------------

KWIC_CONTEXT_CHARS = 48


def context_before(text: object, limit: int = KWIC_CONTEXT_CHARS) -> str:
    """The end of the text before a hit (the words next to it), cut at a word, "…" at the far end."""
    s = " ".join(str(text or "").split())
    if len(s) <= limit:
        return s
    tail = s[-limit:]
    cut = tail.split(" ", 1)[1] if " " in tail and s[-limit - 1] != " " else tail
    return "…" + cut.lstrip()


def context_after(text: object, limit: int = KWIC_CONTEXT_CHARS) -> str:
    """The start of the text after a hit, cut at a word, "…" at the far end."""
    s = " ".join(str(text or "").split())
    if len(s) <= limit:
        return s
    head = s[:limit]
    cut = head.rsplit(" ", 1)[0] if " " in head and s[limit] != " " else head
    return cut.rstrip() + "…"


def kwic_frame(lines: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Concordance rows for display: title, the words before, the hit, the words after. Pure.

    Contexts are shortened from their far ends so the words next to the hit always show. The
    column order is the reading order of Arabic (before | hit | after, right to left); the table
    is drawn right to left in both UI languages because the text is Arabic.
    """
    out = pd.DataFrame({
        "title": [str(v or "") for v in lines.get("title", pd.Series(dtype=object))],
        "left": [context_before(v) for v in lines.get("left", pd.Series(dtype=object))],
        "match": [str(v or "") for v in lines.get("match", pd.Series(dtype=object))],
        "right": [context_after(v) for v in lines.get("right", pd.Series(dtype=object))],
    })
    out.columns = [header(c, lang) for c in out.columns]
    return out


def show_kwic(lines: pd.DataFrame, lang: str, key: str) -> None:
    """The concordance as a right-to-left HTML table (cells wrap: nothing is cut off). st.table
    renders its cells as Markdown (``$…$`` as LaTeX, bare URLs as links), so every cell goes
    through safe_inline."""
    with st.container(key=key):
        st.table(kwic_frame(lines, lang).map(safe_inline), hide_index=True)


def newest_first(df: pd.DataFrame) -> pd.DataFrame:
    """Articles newest first, undated ones last, ties by id: the same order on every run. Pure."""
    if df.empty or "published" not in df.columns:
        return df
    key = pd.to_datetime(df["published"].astype(str).str[:10], format="%Y-%m-%d", errors="coerce")
    order = df.assign(_p=key).sort_values(["_p", "id"], ascending=[False, False], na_position="last",
                                          kind="stable")
    return order.drop(columns="_p").reset_index(drop=True)
