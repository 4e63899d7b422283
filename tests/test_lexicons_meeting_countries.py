"""Integrity of data/lexicons/meeting_countries.yaml (the country mentions of
corpus/extract/meetings/)."""
from __future__ import annotations

import pytest

from corpus.lexicons import load_yaml
from corpus.normalize import normalize

KEYS = ["kremlin", "azerbaijan", "armenia", "russia", "russia_country", "azerbaijan_country"]


def _norms(key: str) -> list[str]:
    return [normalize(w) for w in load_yaml("meeting_countries.yaml")[key]]


def test_only_known_keys():
    assert set(load_yaml("meeting_countries.yaml")) == set(KEYS)


@pytest.mark.parametrize("key", KEYS)
def test_lists(key):
    words = load_yaml("meeting_countries.yaml")[key]
    assert isinstance(words, list) and words, key
    assert all(isinstance(w, str) and w.strip() == w and w for w in words), key
    norms = _norms(key)
    assert len(norms) == len(set(norms)), f"duplicates in {key}"


def test_country_names_belong_to_their_side():
    assert set(_norms("russia_country")) <= set(_norms("russia"))
    assert set(_norms("azerbaijan_country")) <= set(_norms("azerbaijan"))


def test_sides_do_not_overlap():
    russia = set(_norms("russia")) | set(_norms("kremlin"))
    assert not russia & set(_norms("azerbaijan"))
    assert not russia & set(_norms("armenia"))
    assert not set(_norms("azerbaijan")) & set(_norms("armenia"))
