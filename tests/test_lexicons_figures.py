"""Integrity of the lexicon entries for multiples, visitors, price units, page counters, shares,
fractions and ranks (corpus/extract/figures/)."""
from __future__ import annotations

import pytest

from corpus.lexicons import load_yaml
from corpus.normalize import normalize


def _check(words, where):
    assert isinstance(words, list) and words, where
    assert all(isinstance(w, str) and w.strip() == w and w for w in words), where
    norms = [normalize(w) for w in words]
    assert all(n.strip() for n in norms), where
    assert len(norms) == len(set(norms)), f"duplicates in {where}"


def _number_words() -> set[str]:
    data = load_yaml("numbers.yaml")
    words = {normalize(str(w)) for key in ("units", "compound_only_units", "tens", "hundreds",
                                           "fractions") for w in data[key]}
    return words | {normalize(s["word"]) for s in data["scales"]}


def test_multiplier_nouns():
    units = load_yaml("units.yaml")
    _check(units["multiplier_nouns"], "multiplier_nouns")
    duals = units["multiplier_duals"]
    _check(list(duals), "multiplier_duals")
    assert all(v == 2 for v in duals.values())
    # a multiple is never also a unit of money, volume or count
    other = {normalize(t) for key in ("percent", "volumes") for t in units[key]}
    other |= {normalize(t) for ts in units["count_nouns"].values() for t in ts}
    assert not other & {normalize(w) for w in units["multiplier_nouns"]}
    assert not _number_words() & {normalize(w) for w in [*units["multiplier_nouns"], *duals]}


def test_multiplier_context():
    metrics = load_yaml("metrics.yaml")
    _check(metrics["multiplier_context"], "multiplier_context")
    assert isinstance(metrics["multiplier_window"], int) and 3 <= metrics["multiplier_window"] <= 20


@pytest.mark.parametrize("key", ["counter_nouns", "counter_labels", "per_unit_words",
                                 "share_of_not_economic", "frequency_words"])
def test_not_figure_lists(key):
    _check(load_yaml("not_figures.yaml")[key], key)


def test_counter_window():
    w = load_yaml("not_figures.yaml")["counter_window"]
    assert isinstance(w, int) and 1 <= w <= 5


def test_counter_nouns_are_not_economic_counts():
    units = load_yaml("units.yaml")
    counts = {normalize(t) for ts in units["count_nouns"].values() for t in ts}
    counters = load_yaml("not_figures.yaml")["counter_nouns"]
    assert not counts & {normalize(w) for w in counters}


def test_visitor_nouns_are_economic_counts_not_counter_labels():
    # "بلغ عدد الزوار 3 ملايين" is a figure: visitors must not be a page-counter label
    labels = {normalize(w) for w in load_yaml("not_figures.yaml")["counter_labels"]}
    assert not labels & {normalize(w) for w in ["الزوار", "زوار", "السياح", "سياح"]}


@pytest.mark.parametrize("key", ["rank_actors", "rank_by", "rank_superlatives", "rank_partner_nouns"])
def test_rank_lists(key):
    _check(load_yaml("metrics.yaml")[key], key)


def test_construct_ordinals_are_ranks_two_to_ten_and_not_cardinals():
    data = load_yaml("numbers.yaml")
    construct = data["construct_ordinals"]
    _check(list(construct), "construct_ordinals")
    assert sorted(construct.values()) == list(range(2, 11))
    assert not {normalize(w) for w in construct} & _number_words()


def test_fraction_values():
    fractions = load_yaml("numbers.yaml")["fractions"]
    assert all(0 < v < 1 for v in fractions.values())


def test_percent_before():
    units = load_yaml("units.yaml")
    _check(units["percent_before"], "percent_before")
    assert not {normalize(w) for w in units["percent_before"]} & {normalize(w) for w in units["percent"]}


def test_visitor_lists():
    units = load_yaml("units.yaml")
    _check(units["visitor_nouns"], "visitor_nouns")
    _check(units["visitor_context"], "visitor_context")
    counts = {normalize(t) for ts in units["count_nouns"].values() for t in ts}
    assert not counts & {normalize(w) for w in units["visitor_nouns"]}


def test_definite_multiples_and_change_words():
    units = load_yaml("units.yaml")
    definite = units["multiplier_definite"]
    _check(list(definite), "multiplier_definite")
    assert all(v == 2 for v in definite.values())
    _check(units["change_by_words"], "change_by_words")
