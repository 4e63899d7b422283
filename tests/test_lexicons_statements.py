"""Integrity of data/lexicons/statements.yaml (the grammar of corpus/extract/statements)."""
from __future__ import annotations

import pytest

from corpus.lexicons import load_yaml
from corpus.normalize import normalize

LISTS = ["masdar", "masdar_from", "complementizers", "complementizers_with_pronoun", "not_complement_after",
         "third_parties", "oblique_before", "honorifics", "fillers", "adverbial", "connectors"]


def _check(words, where):
    assert isinstance(words, list) and words, where
    assert all(isinstance(w, str) and w.strip() == w and normalize(w).strip() for w in words), where
    norms = [" ".join(normalize(w).split()) for w in words]
    assert len(norms) == len(set(norms)), f"duplicates in {where}"


def _data():
    return load_yaml("statements.yaml")


def test_only_known_keys():
    assert set(_data()) == {"verbs", *LISTS}


@pytest.mark.parametrize("key", LISTS)
def test_lists(key):
    _check(_data()[key], key)


def test_verbs():
    seen = []
    for entry in _data()["verbs"]:
        assert set(entry) == {"past", "participles", "prepositions", "object"}, entry
        assert isinstance(entry["past"], str) and entry["past"].strip(), entry
        assert isinstance(entry["object"], bool), entry
        assert isinstance(entry["participles"], list) and isinstance(entry["prepositions"], list), entry
        seen += [entry["past"], *entry["participles"]]
    _check(seen + _data()["masdar"], "verb forms")


def test_speakers_are_not_third_parties():
    people = load_yaml("people.yaml")
    ours = {normalize(w) for who in ("putin", "aliyev") for key in ("names", "titles") for w in people[who][key]}
    assert not ours & {normalize(w) for w in _data()["third_parties"]}


def test_no_verb_is_a_filler_or_adverbial():
    verbs = {normalize(e["past"]) for e in _data()["verbs"]}
    words = {normalize(w) for key in ("fillers", "adverbial", "honorifics", "oblique_before") for w in _data()[key]}
    assert not verbs & words
