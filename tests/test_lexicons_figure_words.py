"""Integrity of the function words the figure rules (corpus/extract/figures/) read from the
lexicons instead of inline lists: lead nouns, pair openers, count heads, share and period
prepositions, and the per word that needs a price."""
from __future__ import annotations

import pytest

from corpus.lexicons import load_yaml
from corpus.normalize import normalize


def _check(words, where):
    assert isinstance(words, list) and words, where
    assert all(isinstance(w, str) and w.strip() == w and w for w in words), where
    norms = [normalize(w) for w in words]
    assert all(n.strip() and " " not in n for n in norms), f"one word per entry in {where}"
    assert len(norms) == len(set(norms)), f"duplicates in {where}"


@pytest.mark.parametrize("name, path", [
    ("metrics.yaml", ("lead_nouns",)),
    ("metrics.yaml", ("pair_openers",)),
    ("metrics.yaml", ("periods", "year_of")),
    ("units.yaml", ("count_heads",)),
    ("not_figures.yaml", ("share_prepositions",)),
])
def test_word_lists(name, path):
    data = load_yaml(name)
    for key in path:
        data = data[key]
    _check(data, f"{name}:{'.'.join(path)}")


def test_lead_nouns_are_lead_words():
    # a lead noun stands where a lead verb would: it must be one itself to be seen at all
    metrics = load_yaml("metrics.yaml")
    lead = {normalize(w) for w in metrics["lead_verbs"]}
    assert {normalize(w) for w in metrics["lead_nouns"]} <= lead


def test_count_heads_are_not_count_nouns():
    units = load_yaml("units.yaml")
    counts = {normalize(t) for ts in units["count_nouns"].values() for t in ts}
    assert not counts & {normalize(w) for w in units["count_heads"]}


def test_pair_openers_are_not_countries():
    metrics = load_yaml("metrics.yaml")
    names = {normalize(t) for ts in metrics["countries"].values() for t in ts}
    assert not names & {normalize(w) for w in metrics["pair_openers"]}


def test_per_unit_after_price():
    nf = load_yaml("not_figures.yaml")
    _check(nf["per_unit_after_price"], "per_unit_after_price")
    # a word that always marks a price unit belongs in per_unit_words, not in both lists
    assert not {normalize(w) for w in nf["per_unit_after_price"]} & {normalize(w) for w in nf["per_unit_words"]}
