"""What the timeline shows of thousands of meetings, decided once: pure (no Streamlit).

At 100,000 articles a filter set can hold 3,000 meetings. A reader scans the newest first, as in
any news tool; the rest are a narrower filter, a click on the chart or the CSV away. So:

- the meetings table shows the newest ``TABLE_ROWS`` (``newest_meetings``), and says how many
  there are in all;
- the meeting picker lists those same newest meetings, plus the one chosen by a click on the chart
  or by the URL when it is older (``picker_ids``): every meeting stays reachable and shareable;
- the chart sizes each marker by the meeting's whole coverage, whatever the filters
  (``sized_by_coverage``): the filters only choose which meetings are drawn, so a filter change
  that keeps the same meetings gives the same chart, which the browser already holds (Streamlit
  sends an unchanged element by reference only).
"""
from __future__ import annotations

from typing import Iterable, Sequence

import pandas as pd

TABLE_ROWS = 200  # meetings in the table and the picker


def newest_meetings(events: pd.DataFrame) -> pd.DataFrame:
    """All meetings newest first, undated ones last, ties by id (highest first): the order of the
    table and of the picker, the same on every run."""
    if events.empty:
        return events.reset_index(drop=True)
    day = pd.to_datetime(events["date"], errors="coerce")
    ids = pd.to_numeric(events["id"], errors="coerce")
    order = events.assign(_day=day, _id=ids).sort_values(
        ["_day", "_id"], ascending=[False, False], na_position="last", kind="stable")
    return order.drop(columns=["_day", "_id"]).reset_index(drop=True)


def picker_ids(newest: Sequence[str], chosen: str | None, limit: int = TABLE_ROWS) -> list[str]:
    """The picker's options: the first ``limit`` of ``newest``, then ``chosen`` if it is a meeting
    of the filter set not among them."""
    shown = list(newest[:limit])
    if chosen is not None and chosen not in shown and chosen in set(newest):
        shown.append(chosen)
    return shown


def sized_by_coverage(events: pd.DataFrame, coverage: pd.DataFrame) -> pd.DataFrame:
    """``events`` with ``n_articles`` replaced by each meeting's whole coverage (``coverage``: the
    meetings under no filter, id and n_articles); a meeting missing there keeps its own count."""
    if events.empty or coverage.empty:
        return events
    whole = dict(zip(_keys(coverage["id"]), coverage["n_articles"]))
    own = events["n_articles"].tolist()
    return events.assign(n_articles=[whole.get(k, n) for k, n in zip(_keys(events["id"]), own)])


def _keys(ids: Iterable[object]) -> list[str]:
    return [str(i) for i in ids]
