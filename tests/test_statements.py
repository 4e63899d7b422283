"""Who said what (corpus/extract/statements): attribution on sentences written for the project
(tests/data/statements_labelled.jsonl), offsets, and the shape of a statement."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.extract.statements import find_statements
from corpus.models import Statement

LABELLED = Path(__file__).parent / "data" / "statements_labelled.jsonl"
ROWS = [json.loads(line) for line in LABELLED.read_text(encoding="utf-8").splitlines() if line.strip()]


def _find(row) -> list[Statement]:
    today = date.fromisoformat(row["today"]) if row.get("today") else None
    return find_statements(row["text"], today=today)


def _matches(found: Statement, expected: dict) -> bool:
    return found.speaker == expected["speaker"] and expected["text"] in found.text


def _score() -> tuple[int, int, int, int, int]:
    """(correct found, found, matched expected, expected, matched with the right mode)."""
    correct = found_n = matched = expected_n = mode_ok = 0
    for row in ROWS:
        found = _find(row)
        found_n += len(found)
        expected_n += len(row["expected"])
        correct += sum(any(_matches(f, e) for e in row["expected"]) for f in found)
        for e in row["expected"]:
            hit = next((f for f in found if _matches(f, e)), None)
            matched += hit is not None
            mode_ok += hit is not None and hit.mode == e["mode"]
    return correct, found_n, matched, expected_n, mode_ok


def test_labelled_set_is_large_and_varied():
    assert len(ROWS) >= 60
    expected = [e for row in ROWS for e in row["expected"]]
    assert {e["speaker"] for e in expected} == {"putin", "aliyev"}
    assert {e["mode"] for e in expected} == {"direct", "reported"}
    assert sum(not row["expected"] for row in ROWS) >= 15  # sentences with nothing to attribute
    for row in ROWS:
        for e in row["expected"]:
            assert e["text"] in row["text"], row["note"]


def test_attribution_precision_and_recall(capsys):
    correct, found_n, matched, expected_n, mode_ok = _score()
    precision = correct / found_n
    recall = matched / expected_n
    with capsys.disabled():
        print(f"\nstatements: precision {precision:.3f} ({correct}/{found_n}), "
              f"recall {recall:.3f} ({matched}/{expected_n}), mode right {mode_ok}/{matched}")
    assert precision >= 0.9
    assert recall >= 0.8
    assert mode_ok >= 0.9 * matched


@pytest.mark.parametrize("row", [r for r in ROWS if not r["expected"]], ids=lambda r: r["note"])
def test_nothing_attributed(row):
    assert _find(row) == []


@pytest.mark.parametrize("row", [r for r in ROWS if r["expected"]], ids=lambda r: r["note"])
def test_expected_statements_found(row):
    found = _find(row)
    for e in row["expected"]:
        assert any(_matches(f, e) for f in found), (e, [(f.speaker, f.text) for f in found])


def test_statement_fields():
    text = "قال الصحفي شيئا.\nوقال بوتين إن العلاقات ممتازة، مضيفا أن التجارة تنمو."
    first, second = find_statements(text)
    assert (first.speaker, first.mode, first.verb, first.text) == ("putin", "reported", "قال", "العلاقات ممتازة")
    assert first.sentence == "وقال بوتين إن العلاقات ممتازة، مضيفا أن التجارة تنمو."
    assert (second.verb, second.text) == ("مضيفا", "التجارة تنمو")
    assert text[second.start:second.end] == second.text
    assert first.to_contract()["speaker"] == "putin"


def test_offsets_survive_diacritics():
    text = "وقالَ بوتينُ: «نحنُ جيرانٌ»."
    (s,) = find_statements(text)
    assert text[s.start:s.end] == s.text == "نحنُ جيرانٌ"
    assert s.mode == "direct"


_PIECES = ["وقال بوتين إن ", "وأضاف أن ", "قال علييف: «", "»", "\"", "، مضيفا أن ", "العلاقات ممتازة",
           "بيسكوف ", "الرئيس الروسي ", ". ", "\n", "نحنُ ", "قوله: ", "عن بوتين ", "ً", " ", ":", "«"]


@pytest.mark.parametrize("text", ["وقال بوتين إن 0ً", "وقال بوتين إن العلاقات ممتازةً", "وقال علييف إن الشراكة قويةٌ جدًّا"])
def test_a_statement_ending_in_a_diacritic_lies_in_its_sentence(text):
    [found] = find_statements(text)
    assert found.text in found.sentence and found.sentence == text


@pytest.mark.parametrize("text", ["قال علييف: «0\x85", "قال علييف: «العلاقات ممتازة\u2028", "وقال بوتين إن العلاقات ممتازة\x1f"])
def test_a_statement_ends_before_any_kind_of_space(text):
    [found] = find_statements(text)
    assert found.text == found.text.strip() and found.text


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=6)), max_size=14))
def test_offsets_slice_the_statement(pieces):
    text = "".join(pieces)
    for s in find_statements(text):
        assert text[s.start:s.end] == s.text
        assert s.text and s.text.strip() == s.text
        assert s.speaker in ("putin", "aliyev") and s.mode in ("direct", "reported")
        assert s.text in s.sentence or s.mode == "direct"
