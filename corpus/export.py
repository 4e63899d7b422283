"""Export articles, events or figures as CSV (UTF-8 with BOM, so Excel shows Arabic) or JSON.

Every CSV the project writes goes through ``csv_bytes``: a text cell that a spreadsheet would read
as a formula (it starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return, after any
spaces) gets a leading apostrophe, as OWASP's CSV-injection advice says, so an exported title such
as ``=HYPERLINK("http://…")`` shows as text in Excel or LibreOffice instead of running.
"""
from __future__ import annotations

import datetime as dt
import io
import json
import math
from typing import Any

import pandas as pd

from .filters import Filters
from .records import events_with_briefs
from .store import Store

WHAT = ("articles", "events", "figures")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
FORMATS = ("csv", "json")


def _frame(store: Store, what: str, filters: Filters | None) -> pd.DataFrame:
    if what == "articles":
        frame = store.articles(filters)
        return frame.drop(columns=[c for c in ("snippet", "score") if c in frame.columns])
    if what == "events":  # with each meeting's English brief (corpus.brief)
        return events_with_briefs(store, filters)
    if what == "figures":
        return store.figures(filters)
    raise ValueError(f"unknown export {what!r}; choose from {', '.join(WHAT)}")


def _plain(value: Any) -> Any:
    """JSON-ready value: dates as ISO strings, NaN as null, numpy scalars as Python ones."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item") and not isinstance(value, (list, dict, str)):
        return value.item()
    return value


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return [{k: _plain(v) for k, v in row.items()} for row in frame.to_dict("records")]


def neutralise_cell(value: Any) -> Any:
    """A text cell that cannot start a spreadsheet formula; numbers and other values unchanged."""
    if isinstance(value, str) and value.lstrip(" \u00a0").startswith(FORMULA_START):
        return "'" + value
    if isinstance(value, str) and value.startswith(FORMULA_START):  # "\t=…" (lstrip keeps tabs)
        return "'" + value
    return value


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """CSV (RFC 4180) in UTF-8 with a byte-order mark; lists as "a; b"; formula-like text
    neutralised."""
    out = frame.copy()
    out.columns = [neutralise_cell(str(c)) for c in out.columns]
    for column in out.columns:
        # An object Series: a plain list beside None would be re-inferred (event ids 2 → "2.0").
        out[column] = pd.Series([neutralise_cell("; ".join(map(str, v)) if isinstance(v, (list, tuple)) else v)
                                 for v in out[column]], index=out.index, dtype=object)
    buffer = io.StringIO()
    # RFC 4180 line ends: a cell holding a lone CR is then quoted too, not split into a new row.
    out.to_csv(buffer, index=False, lineterminator="\r\n")
    return buffer.getvalue().encode("utf-8-sig")


def records(store: Store, what: str, filters: Filters | None = None) -> list[dict[str, Any]]:
    return _records(_frame(store, what, filters))


def export_bytes(store: Store, what: str, fmt: str, filters: Filters | None = None) -> bytes:
    """The export file's bytes."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    frame = _frame(store, what, filters)
    if fmt == "json":
        return json.dumps(_records(frame), ensure_ascii=False, indent=1).encode("utf-8")
    return csv_bytes(frame)
