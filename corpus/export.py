"""Export articles, events or figures as CSV (UTF-8 with BOM, so Excel shows Arabic) or JSON."""
from __future__ import annotations

import datetime as dt
import io
import json
import math
from typing import Any

import pandas as pd

from .filters import Filters
from .store import Store

WHAT = ("articles", "events", "figures")
FORMATS = ("csv", "json")


def _frame(store: Store, what: str, filters: Filters | None) -> pd.DataFrame:
    if what == "articles":
        frame = store.articles(filters)
        return frame.drop(columns=[c for c in ("snippet", "score") if c in frame.columns])
    if what == "events":
        return store.events(filters)
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


def records(store: Store, what: str, filters: Filters | None = None) -> list[dict[str, Any]]:
    return _records(_frame(store, what, filters))


def export_bytes(store: Store, what: str, fmt: str, filters: Filters | None = None) -> bytes:
    """The export file's bytes."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    frame = _frame(store, what, filters)
    if fmt == "json":
        return json.dumps(_records(frame), ensure_ascii=False, indent=1).encode("utf-8")
    frame = frame.copy()
    for column in frame.columns:  # lists (topics) as "a; b"
        frame[column] = [("; ".join(map(str, v)) if isinstance(v, list) else v) for v in frame[column]]
    buffer = io.StringIO()
    frame.to_csv(buffer, index=False)
    return buffer.getvalue().encode("utf-8-sig")
