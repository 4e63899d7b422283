"""CSV (UTF-8 with BOM, so spreadsheet programs read Arabic) and JSON downloads."""
from __future__ import annotations

import json
from typing import Any, Callable

import pandas as pd
import streamlit as st

from corpus.export import csv_bytes

from .i18n import t

BOM = "\ufeff"


def _jsonable(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    if isinstance(value, float) and pd.isna(value):
        return None
    return value


def _flat_cell(value: Any) -> Any:
    """Lists become text: snippet segments (text, is_hit) are rejoined, other lists use '; '."""
    if not isinstance(value, (list, tuple)):
        return value
    if value and all(isinstance(v, (list, tuple)) for v in value):
        return "".join(str(v[0]) for v in value if v)
    return "; ".join(str(v) for v in value)


def to_csv_bytes(df: pd.DataFrame) -> bytes:
    """CSV in UTF-8 with a byte-order mark; list cells flattened to text; formula-like text
    neutralised (``corpus.export.csv_bytes``, the one writer of every CSV)."""
    flat = df.copy()
    for col in flat.columns:
        if flat[col].dtype == object:  # kept object: map() would turn ints beside None into floats
            flat[col] = pd.Series([_flat_cell(v) for v in flat[col]], index=flat.index, dtype=object)
    return csv_bytes(flat)


def to_json_bytes(df: pd.DataFrame) -> bytes:
    """A JSON array of row objects, UTF-8, Arabic kept as is (not \\u-escaped)."""
    rows = [{str(k): _jsonable(v) for k, v in row.items()} for row in df.to_dict(orient="records")]
    return json.dumps(rows, ensure_ascii=False, indent=1).encode("utf-8")


def download_buttons(df: pd.DataFrame, name: str, lang: str, key: str) -> None:
    """CSV and JSON download buttons side by side for ``df`` (the raw codes, not display labels)."""
    c1, c2 = st.columns(2)
    c1.download_button(t("common.download_csv", lang), to_csv_bytes(df), file_name=f"{name}.csv",
                       mime="text/csv", key=f"{key}_csv", on_click="ignore")
    c2.download_button(t("common.download_json", lang), to_json_bytes(df), file_name=f"{name}.json",
                       mime="application/json", key=f"{key}_json", on_click="ignore")


def csv_download(df: pd.DataFrame, name: str, lang: str, key: str) -> None:
    """One CSV download button for ``df`` (the data behind a chart, raw values)."""
    st.download_button(t("common.download_csv", lang), to_csv_bytes(df), file_name=f"{name}.csv",
                       mime="text/csv", key=key, on_click="ignore")


def deferred_download_buttons(make: Callable[[], pd.DataFrame], name: str, lang: str, key: str) -> None:
    """Like ``download_buttons``, but the frame is built only when a button is clicked (Streamlit
    runs the callable then): for exports that cost queries, such as the events with their briefs."""
    c1, c2 = st.columns(2)
    c1.download_button(t("common.download_csv", lang), lambda: to_csv_bytes(make()),
                       file_name=f"{name}.csv", mime="text/csv", key=f"{key}_csv", on_click="ignore")
    c2.download_button(t("common.download_json", lang), lambda: to_json_bytes(make()),
                       file_name=f"{name}.json", mime="application/json", key=f"{key}_json",
                       on_click="ignore")
