"""Blind held-out sets (tests/heldout2 … tests/heldout78; see docs/heldout.md): articles written for this
project by writers who saw neither the extraction code nor the shared sets, each scored cold once (the
scores are recorded in docs/heldout.md) and gated from then on."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from corpus.evaluate import METRICS, check_floors, evaluate_folder, load_gold
from corpus.vocab import KINDS, QUALIFIERS, STATUSES, UNITS

HERE = Path(__file__).resolve().parent
SETS = ("heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7", "heldout8", "heldout9", "heldout10",
        "heldout11", "heldout12", "heldout13", "heldout14", "heldout15", "heldout16", "heldout17", "heldout18",
        "heldout19", "heldout20", "heldout21", "heldout22", "heldout23", "heldout24", "heldout25", "heldout26",
        "heldout27", "heldout28", "heldout29", "heldout30", "heldout31", "heldout32", "heldout33", "heldout34",
        "heldout35", "heldout36", "heldout37", "heldout38", "heldout39", "heldout40", "heldout41", "heldout42",
        "heldout43", "heldout44", "heldout45", "heldout46", "heldout47", "heldout48", "heldout49", "heldout50",
        "heldout51", "heldout52", "heldout53", "heldout54", "heldout55", "heldout56", "heldout57", "heldout58",
        "heldout59", "heldout60", "heldout61", "heldout62", "heldout63", "heldout64", "heldout65", "heldout66",
        "heldout67", "heldout68", "heldout69", "heldout70", "heldout71", "heldout72",
        "heldout73", "heldout74", "heldout75", "heldout76", "heldout77", "heldout78")
GOLDS = {name: load_gold(HERE / name) for name in SETS}


def _floors(name: str) -> dict:
    return json.loads((HERE / name / "floors.json").read_text(encoding="utf-8"))[name]


@pytest.mark.parametrize("name,gold", [(n, g) for n in SETS for g in GOLDS[n]],
                         ids=[f"{n}/{g['file']}" for n in SETS for g in GOLDS[n]])
def test_gold_entry_is_consistent(name: str, gold: dict) -> None:
    text = (HERE / name / gold["file"]).read_text(encoding="utf-8")
    assert gold["published_basis"] == ("text" if gold["published"] else None)
    if gold["published"]:
        date.fromisoformat(gold["published"])
    meeting = gold["meeting"]
    assert gold["is_putin_aliyev_meeting"] == (meeting is not None)
    if meeting:
        assert meeting["kind"] in KINDS and meeting["status"] in STATUSES
        assert meeting["date"] is None or date.fromisoformat(meeting["date"])
        assert meeting["event_id"].strip() and meeting["date_basis"].strip()
    for fig in gold["figures"]:
        assert fig["text"] in text and fig["unit"] in UNITS and fig["qualifier"] in QUALIFIERS


@pytest.mark.parametrize("name", SETS)
def test_events_agree_on_date_and_kind(name: str) -> None:
    events: dict[str, set] = {}
    for g in GOLDS[name]:
        if g["meeting"]:
            m = g["meeting"]
            events.setdefault(m["event_id"], set()).add((m["date"], m["kind"]))
    assert all(len(v) == 1 for v in events.values())


@pytest.mark.parametrize("name", SETS)
def test_floors_cover_every_metric(name: str) -> None:
    assert set(_floors(name)) == set(METRICS)


@pytest.mark.parametrize("name", SETS)
def test_scores_meet_floors(name: str) -> None:
    result = evaluate_folder(HERE / name)
    failures = check_floors(result, _floors(name))
    assert not failures, "\n".join(failures + result["misses"])
