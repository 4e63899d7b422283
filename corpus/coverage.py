"""Coverage of a query over time (issue 12 §4): the attention chart of news research.

Articles per month or per ISO week for the current query and filters, the same split by outlet
(the top outlets and the rest folded into one), and a second query beside the first on one time
axis. Built on the store's public reads (``coverage``, ``coverage_by_outlet``: one GROUP BY each in
the database); this module only fills the periods without articles with zeros and folds outlets,
working on the grouped rows. Pure: no Streamlit.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Callable, Iterable

import pandas as pd

from .filters import GRANULARITIES, Filters
from .store.protocol import StoreLike

OTHER_OUTLETS = "(other)"  # the outlets beyond the top ones, folded into one row per period
TOP_OUTLETS = 8
COMPARE_COLUMNS = ["period", "start", "series", "query", "n_articles"]
OUTLET_COLUMNS = ["period", "start", "outlet", "n_articles"]


def period_start(label: str, granularity: str) -> dt.date:
    """The first day of a period label (``2024-08`` → 1 August; a week is labelled by its Monday)."""
    if granularity == "month":
        return dt.date(int(label[:4]), int(label[5:7]), 1)
    return dt.date.fromisoformat(label[:10])


def period_label(day: dt.date, granularity: str) -> str:
    """The label of the period holding ``day``: ``YYYY-MM``, or the Monday of its ISO week."""
    if granularity == "month":
        return f"{day.year:04d}-{day.month:02d}"
    return (day - dt.timedelta(days=day.weekday())).isoformat()


def periods_between(first: str, last: str, granularity: str) -> list[str]:
    """Every period label from ``first`` to ``last`` inclusive, none skipped."""
    if granularity not in GRANULARITIES:
        raise ValueError(f"unknown granularity {granularity!r}")
    day, end = period_start(first, granularity), period_start(last, granularity)
    out: list[str] = []
    while day <= end:
        out.append(period_label(day, granularity))
        if granularity == "month":
            day = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
        else:
            day += dt.timedelta(days=7)
    return out


def _span(labels: Iterable[str], granularity: str) -> list[str]:
    present = sorted(set(labels))
    return periods_between(present[0], present[-1], granularity) if present else []


def compare(store: StoreLike, filters: Filters, q2: str = "", granularity: str = "month") -> pd.DataFrame:
    """Articles per period for the filters' query (series ``q``) and, when ``q2`` is given, for
    ``q2`` under the same other filters (series ``q2``). Long form, one row per series and period,
    every period between the first and the last with articles of either series (zeros included).
    Columns: period (label), start (date), series, query (its text, "" for all articles), n_articles."""
    return compare_with(lambda f: store.coverage(f, granularity=granularity), filters, q2, granularity)


def compare_with(coverage_of: Callable[[Filters], pd.DataFrame], filters: Filters, q2: str = "",
                 granularity: str = "month") -> pd.DataFrame:
    """``compare`` with the coverage of a filter set read by ``coverage_of`` (a frame as
    ``Store.coverage`` returns it, in ``granularity``)."""
    queries = [("q", filters.q)] + ([("q2", q2)] if q2 else [])
    counts = {}
    for series, query in queries:
        frame = coverage_of(replace(filters, q=query))
        counts[series] = dict(zip(frame[granularity].astype(str), frame["n_articles"].astype(int)))
    span = _span((p for c in counts.values() for p in c), granularity)
    rows = [(p, period_start(p, granularity), series, query, counts[series].get(p, 0))
            for series, query in queries for p in span]
    return pd.DataFrame(rows, columns=COMPARE_COLUMNS)


def by_outlet(store: StoreLike, filters: Filters, granularity: str = "month",
              top: int = TOP_OUTLETS) -> pd.DataFrame:
    """Articles per period and outlet: the ``top`` outlets by articles over the whole span (ties by
    name), the rest summed as ``OTHER_OUTLETS``. Rows with articles only, outlets in rank order
    (the rest last) within each period. An article counts under the outlet of its first copy; the
    outlets of a period add up to its coverage. Columns: period, start, outlet, n_articles."""
    return fold_outlets(store.coverage_by_outlet(filters, granularity=granularity), granularity, top)


def fold_outlets(frame: pd.DataFrame, granularity: str = "month", top: int = TOP_OUTLETS) -> pd.DataFrame:
    """``by_outlet`` of a frame as ``Store.coverage_by_outlet`` returns it."""
    if frame.empty:
        return pd.DataFrame(columns=OUTLET_COLUMNS)
    totals = frame.groupby("outlet")["n_articles"].sum()
    ranked = sorted(totals.index, key=lambda o: (-int(totals[o]), str(o)))
    kept = ranked[:top] if len(ranked) > top else ranked
    rank = {o: i for i, o in enumerate(kept)}
    folded = frame.assign(outlet=[o if o in rank else OTHER_OUTLETS for o in frame["outlet"]])
    summed = folded.groupby([granularity, "outlet"], as_index=False)["n_articles"].sum()
    summed["_rank"] = [rank.get(o, len(rank)) for o in summed["outlet"]]
    summed = summed.sort_values([granularity, "_rank"], kind="stable")
    return pd.DataFrame({
        "period": summed[granularity].astype(str).tolist(),
        "start": [period_start(p, granularity) for p in summed[granularity].astype(str)],
        "outlet": summed["outlet"].tolist(), "n_articles": summed["n_articles"].astype(int).tolist()},
        columns=OUTLET_COLUMNS)


def outlet_order(frame: pd.DataFrame) -> list[str]:
    """The outlets of a ``by_outlet`` frame, largest first and ``OTHER_OUTLETS`` last."""
    if frame is None or frame.empty:
        return []
    totals = frame.groupby("outlet")["n_articles"].sum()
    return sorted(totals.index, key=lambda o: (o == OTHER_OUTLETS, -int(totals[o]), str(o)))
