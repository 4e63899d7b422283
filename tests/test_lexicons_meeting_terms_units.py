"""Integrity of the meeting-term, pronoun-noun, unit and economic-word lexicons."""
from __future__ import annotations

import pytest

from corpus.lexicons import load_yaml
from corpus.normalize import normalize

KINDS = {"phone_call", "multilateral_summit", "visit", "talks", "other"}


def _check(words, where):
    assert isinstance(words, list) and words, where
    assert all(isinstance(w, str) and w.strip() for w in words), where
    assert all(normalize(w).strip() for w in words), where
    norms = [normalize(w) for w in words]
    assert len(norms) == len(set(norms)), f"duplicates in {where}"


@pytest.mark.parametrize("key", ["joint_acts", "person_titles", "vague_future", "bilateral_marks", "gathering_names", "not_accompanying", "documents_signed_by", "indirect_question", "gathering_nouns"])
def test_meeting_term_lists(key):
    _check(load_yaml("meeting_terms.yaml")[key], key)


def test_pronoun_only_nouns():
    data = load_yaml("meeting_terms.yaml")["with_pronoun"]
    assert set(data) <= KINDS
    for kind, words in data.items():
        _check(words, kind)


@pytest.mark.parametrize("key", ["signed_documents", "signing_words", "document_remainder", "volumes"])
def test_unit_lists(key):
    _check(load_yaml("units.yaml")[key], key)


def test_economic_words():
    _check(load_yaml("metrics.yaml")["economic_words"], "economic_words")


def test_signed_documents_are_also_not_figures_elsewhere():
    # The signing rule overrides not_figures.yaml only for the nouns both files list.
    docs = {normalize(w) for w in load_yaml("units.yaml")["signed_documents"]}
    not_fig = {normalize(w) for w in load_yaml("not_figures.yaml")["nouns"]["documents"]}
    assert {"وثيقه", "وثائق"} <= docs and {"وثيقه", "وثائق"} <= not_fig
