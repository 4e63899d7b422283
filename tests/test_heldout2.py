"""Second held-out set (tests/heldout2, see docs/heldout.md): 30 articles written for this project
by a writer who saw neither the extraction code nor the shared sets, scored cold once (the score
is recorded in docs/heldout.md) and gated from then on."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from corpus.evaluate import METRICS, check_floors, evaluate_folder, load_gold

HELDOUT2 = Path(__file__).resolve().parent / "heldout2"
FLOORS = json.loads((HELDOUT2 / "floors.json").read_text(encoding="utf-8"))["heldout2"]
GOLD = load_gold(HELDOUT2)
KINDS = {"visit", "talks", "phone_call", "multilateral_summit", "other"}
UNITS = {"USD", "percent", "count", "other"}
QUALIFIERS = {"exact", "approx", "more_than", "less_than"}


@pytest.mark.parametrize("gold", GOLD, ids=[g["file"] for g in GOLD])
def test_gold_entry_is_consistent(gold: dict) -> None:
    text = (HELDOUT2 / gold["file"]).read_text(encoding="utf-8")
    assert gold["published_basis"] == ("text" if gold["published"] else None)
    if gold["published"]:
        date.fromisoformat(gold["published"])
    meeting = gold["meeting"]
    assert gold["is_putin_aliyev_meeting"] == (meeting is not None)
    if meeting:
        assert meeting["kind"] in KINDS and meeting["status"] in {"held", "announced"}
        assert meeting["date"] is None or date.fromisoformat(meeting["date"])
        assert meeting["event_id"].strip() and meeting["date_basis"].strip()
    for fig in gold["figures"]:
        assert fig["text"] in text and fig["unit"] in UNITS and fig["qualifier"] in QUALIFIERS


def test_events_agree_on_date_city_and_kind() -> None:
    events: dict[str, set] = {}
    for g in GOLD:
        if g["meeting"]:
            m = g["meeting"]
            events.setdefault(m["event_id"], set()).add((m["date"], m["kind"]))
    assert all(len(v) == 1 for v in events.values())


def test_floors_cover_every_metric() -> None:
    assert set(FLOORS) == set(METRICS)


def test_heldout2_scores_meet_floors() -> None:
    result = evaluate_folder(HELDOUT2)
    failures = check_floors(result, FLOORS)
    assert not failures, "\n".join(failures + result["misses"])
