"""Held-out extraction check on articles written for this project (tests/heldout, see docs/heldout.md).

The articles are our own wording in the styles of many Arabic outlets; no rule was tuned on them.
Floors in tests/heldout/floors.json are pinned at the measured scores (rounded down), so they can
only go up: raise them when extraction improves.
"""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from corpus.evaluate import METRICS, check_floors, evaluate_folder, load_gold

HELDOUT = Path(__file__).resolve().parent / "heldout"
FLOORS = json.loads((HELDOUT / "floors.json").read_text(encoding="utf-8"))["heldout"]
GOLD = load_gold(HELDOUT)

KINDS = {"visit", "talks", "phone_call", "multilateral_summit", "other"}
STATUSES = {"held", "announced"}
UNITS = {"USD", "percent", "count", "other"}
QUALIFIERS = {"exact", "approx", "more_than", "less_than"}
CITIES = {"Moscow", "Baku", "Sochi", "Saint Petersburg", "Ashgabat", "Astana", "Dushanbe", "Bishkek", "Aktau"}


@pytest.fixture(scope="module")
def result() -> dict:
    return evaluate_folder(HELDOUT)


def _is_iso(value: str | None) -> bool:
    if value is None:
        return True
    date.fromisoformat(value)
    return len(value) == 10


@pytest.mark.parametrize("gold", GOLD, ids=[g["file"] for g in GOLD])
def test_gold_entry_is_consistent(gold: dict) -> None:
    text = (HELDOUT / gold["file"]).read_text(encoding="utf-8")
    assert 200 <= len(text) <= 1500
    assert _is_iso(gold["published"])
    meeting = gold["meeting"]
    assert gold["is_putin_aliyev_meeting"] == (meeting is not None)
    if meeting:
        assert _is_iso(meeting["date"]) and meeting["date"]
        assert meeting["kind"] in KINDS and meeting["status"] in STATUSES
        assert meeting["city"] is None or meeting["city"] in CITIES
        assert meeting["date_basis"].strip() and meeting["event_id"].strip()
    for fig in gold["figures"]:
        assert fig["text"] in text, fig["text"]
        assert fig["unit"] in UNITS and fig["qualifier"] in QUALIFIERS
        assert fig["value"] > 0
        assert fig.get("value_max") is None or fig["value_max"] > fig["value"]


def test_gold_files_match_articles() -> None:
    names = [g["file"] for g in GOLD]
    assert len(names) == len(set(names))
    assert sorted(names) == sorted(p.name for p in HELDOUT.glob("h-*.txt"))
    assert 30 <= len(names) <= 40


def test_floors_cover_every_metric() -> None:
    assert set(FLOORS) == set(METRICS)


def test_heldout_scores_meet_floors(result: dict) -> None:
    failures = check_floors(result, FLOORS)
    assert not failures, "\n".join(failures + result["misses"])


def test_no_boilerplate_tail_number_is_extracted() -> None:
    """Numbers that only occur in 'اقرأ أيضا' / 'مقالات ذات صلة' / 'الأكثر قراءة' tails never count."""
    from corpus.evaluate import article_path, read_text
    from corpus.extract import extract_many

    tail_only = {"h-05.txt": (780.0, 40.1e9), "h-12.txt": (49.25, 38.0), "h-14.txt": (3e9, 32.0),
                 "h-19.txt": (4000.0, 2.0)}
    docs = [(name, read_text(article_path(HELDOUT, name)), None) for name in tail_only]
    for (name, values), ex in zip(tail_only.items(), extract_many(docs)):
        found = {f.value for f in ex.figures}
        assert not found & set(values), (name, found)
