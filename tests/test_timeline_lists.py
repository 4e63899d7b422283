"""The timeline at thousands of meetings: the table and the picker show the newest TABLE_ROWS
(equal to the first rows of the full ordered result, with the full count stated), a meeting chosen
by the URL stays reachable, and the chart depends only on which meetings the filters keep."""
from __future__ import annotations

import json
import random

import pandas as pd
import pytest

from components import meeting_lists
from components.meeting_lists import newest_meetings, picker_ids, sized_by_coverage
from components.tables import header
from test_app_pages import _event_id, _page, _texts, small_store  # noqa: F401  (a fixture)


def _events(n: int, seed: int = 7) -> pd.DataFrame:
    rng = random.Random(seed)
    days = [None if rng.random() < 0.1 else f"20{rng.randint(10, 25)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"
            for _ in range(n)]
    return pd.DataFrame({"id": rng.sample(range(1, 10 * n), n), "date": days,
                         "city": ["Baku"] * n, "kind": ["talks"] * n, "n_articles": [1] * n})


def _reference_order(events: pd.DataFrame) -> list[int]:
    """Newest first by brute force: dated ones by (day, id) descending, then undated by id descending."""
    rows = list(zip(events["date"], events["id"]))
    dated = sorted((r for r in rows if r[0]), key=lambda r: (r[0], r[1]), reverse=True)
    undated = sorted((r for r in rows if not r[0]), key=lambda r: r[1], reverse=True)
    return [int(i) for _, i in dated + undated]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_newest_meetings_is_the_full_order_newest_first(seed):
    events = _events(400, seed)
    ordered = newest_meetings(events)
    assert ordered["id"].astype(int).tolist() == _reference_order(events)
    assert len(ordered) == len(events)
    # the table's rows are the first N of that full order
    assert ordered.head(50)["id"].astype(int).tolist() == _reference_order(events)[:50]


def test_picker_lists_the_newest_and_keeps_an_older_choice():
    newest = [str(i) for i in range(10, 0, -1)]
    assert picker_ids(newest, None, 3) == ["10", "9", "8"]
    assert picker_ids(newest, "9", 3) == ["10", "9", "8"]
    assert picker_ids(newest, "2", 3) == ["10", "9", "8", "2"]
    assert picker_ids(newest, "99", 3) == ["10", "9", "8"]  # not a meeting of this filter set
    assert picker_ids(newest[:2], "9", 3) == ["10", "9"]


def test_markers_are_sized_by_whole_coverage():
    shown = pd.DataFrame({"id": [3, 1, 7], "n_articles": [1, 1, 2]})
    whole = pd.DataFrame({"id": [1, 3, 5], "n_articles": [4, 9, 2]})
    assert sized_by_coverage(shown, whole)["n_articles"].tolist() == [9, 4, 2]  # 7 unknown: its own
    assert shown["n_articles"].tolist() == [1, 1, 2]  # not changed in place


# ---- the page ----------------------------------------------------------------------------------

def _table(at) -> pd.DataFrame:
    return at.dataframe[-1].value


def test_capped_table_and_picker_state_the_full_count(small_store, monkeypatch):  # noqa: F811
    monkeypatch.setattr(meeting_lists, "TABLE_ROWS", 1)
    baku, moscow = _event_id(small_store, "Baku"), _event_id(small_store, "Moscow")
    at = _page("timeline")
    at.query_params["lang"] = "en"
    at.run()
    assert not at.exception
    table = _table(at)
    assert table[header("date", "en")].tolist() == ["2024-08-19"]  # the newest of the two
    assert "Showing the newest 1 of 2 meetings" in _texts(at)
    assert "The list holds the newest 1 of 2 meetings" in _texts(at)
    box = at.selectbox(key="tl_event")
    assert box.value == baku and box.options == ["\u20662024-08-19\u2069 · Baku · Visit"]
    # an older meeting from the URL is added to the list and chosen
    at = _page("timeline")
    at.query_params["event"] = moscow
    at.run()
    box = at.selectbox(key="tl_event")
    assert box.value == moscow and len(box.options) == 2 and box.options[1].startswith("\u20662024-04-22")
    assert "أحدث 1 لقاء من أصل 2" in _texts(at)


def test_uncapped_table_has_every_meeting_newest_first(small_store):  # noqa: F811
    at = _page("timeline").run()
    assert _table(at)[header("date", "ar")].tolist() == ["2024-08-19", "2024-04-22"]
    assert "من أصل" not in _texts(at)


def _chart_spec(at) -> str:
    [chart] = [c for c in at.get("plotly_chart") if "tl_chart" in c.proto.id]
    return chart.proto.spec


def test_chart_is_the_same_when_a_query_keeps_the_same_meetings(small_store):  # noqa: F811
    plain = _page("timeline").run()
    narrowed = _page("timeline")
    narrowed.query_params["q"] = "علييف OR التبادل"  # articles 1 and 2: both meetings, Baku's with 1 of 2
    narrowed.run()
    assert not narrowed.exception
    n_col = header("n_articles", "ar")
    assert sorted(_table(narrowed)[n_col].tolist()) == [1, 1]  # the table counts what the query matched
    assert _chart_spec(narrowed) == _chart_spec(plain)  # the chart: whole coverage, byte for byte
    sizes = {p[0]: p[2] for tr in json.loads(_chart_spec(plain))["data"] for p in tr["customdata"]}
    assert sizes[_event_id(small_store, "Baku")] == "2"
