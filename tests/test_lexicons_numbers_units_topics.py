"""Integrity of the number, unit, metric, not-figure and topic lexicons."""
from __future__ import annotations

import re

import pytest

from corpus.lexicons import load_yaml
from corpus.normalize import normalize

UNITS = {"USD", "percent", "count", "other"}
METRICS = {"trade_turnover", "trade_growth", "investment", "companies", "agreements", "other"}
QUALIFIERS = {"approx", "more_than", "less_than"}
SCALE_FORMS = {"singular", "plural", "dual", "accusative"}
_ARABIC = re.compile(r"[\u0600-\u06FF]")


def _check_terms(terms, where: str) -> None:
    """Non-empty strings, Arabic ones normalise to something, no duplicates after normalising."""
    assert isinstance(terms, list) and terms, where
    seen = set()
    for t in terms:
        assert isinstance(t, str) and t.strip() == t and t, f"{where}: bad entry {t!r}"
        norm = normalize(t)
        if _ARABIC.search(t):
            assert norm.strip(), f"{where}: {t!r} normalises to nothing"
        assert norm not in seen, f"{where}: duplicate {t!r}"
        seen.add(norm)


def test_numbers_yaml():
    data = load_yaml("numbers.yaml")
    words: dict[str, float] = {}
    for section in ("units", "compound_only_units", "tens", "hundreds", "fractions", "ordinals"):
        entries = data[section]
        assert isinstance(entries, dict) and entries, section
        _check_terms(list(entries), section)
        for word, value in entries.items():
            assert isinstance(value, (int, float)) and value > 0, (section, word)
            norm = normalize(word)
            if section != "ordinals":
                assert norm not in words or words[norm] == value, f"{word} has two values"
                words[norm] = value
    scales = data["scales"]
    _check_terms([s["word"] for s in scales], "scales")
    for s in scales:
        assert s["form"] in SCALE_FORMS and s["value"] in (1e3, 1e6, 1e9, 1e12), s
        assert normalize(s["word"]) not in words, f"scale {s['word']} is also a number word"
    _check_terms(data["teen_words"], "teen_words")
    assert set(data["qualifiers"]) == QUALIFIERS
    all_quals = [q for qs in data["qualifiers"].values() for q in qs]
    _check_terms(all_quals, "qualifiers")
    for key in ("trailing_approx", "range_to", "range_between", "range_from", "change_verbs"):
        _check_terms(data[key], key)


def test_units_yaml():
    data = load_yaml("units.yaml")
    currencies = data["currencies"]
    _check_terms([c["term"] for c in currencies], "currencies")
    for c in currencies:
        assert c["unit"] in UNITS, c
        assert (c["unit"] == "other") == bool(c.get("currency")), c
        assert c.get("currency") in (None, "RUB", "AZN", "EUR", "TRY", "CNY", "SAR", "QAR", "OMR", "AED", "MAD",
                                     "KWD", "BHD", "JOD", "IQD", "EGP", "GBP"), c
    for key in ("percent", "volumes", "usd_implied", "count_adjectives", "complements"):
        _check_terms(data[key], key)
    assert set(data["count_nouns"]) <= METRICS
    _check_terms([t for ts in data["count_nouns"].values() for t in ts], "count_nouns")
    assert isinstance(data["usd_implied_window"], int) and data["usd_implied_window"] > 0
    assert isinstance(data["complement_words"], int) and data["complement_words"] >= 0


def test_not_figures_yaml():
    data = load_yaml("not_figures.yaml")
    nouns = [n for group in data["nouns"].values() for n in group]
    _check_terms(nouns, "not_figures.nouns")
    _check_terms(data["context_words"], "not_figures.context_words")
    units = load_yaml("units.yaml")
    economic = {normalize(t) for ts in units["count_nouns"].values() for t in ts}
    assert not economic & {normalize(n) for n in nouns}, "a noun is both economic and not"


def test_metrics_yaml():
    data = load_yaml("metrics.yaml")
    assert set(data["metrics"]) <= METRICS
    _check_terms([t for ts in data["metrics"].values() for t in ts], "metrics")
    for key in ("growth_terms", "lead_verbs", "rank_nouns", "rank_context", "rank_context_needs"):
        _check_terms(data[key], key)
    assert set(data["fronted_verbs"]) <= QUALIFIERS
    _check_terms([v for vs in data["fronted_verbs"].values() for v in vs], "fronted_verbs")
    periods = data["periods"]
    for key in ("prepositions", "year_words", "current_year", "last_year", "months_words",
                "first_words"):
        _check_terms(periods[key], f"periods.{key}")
    _check_terms(list(periods["halves"]), "periods.halves")
    for rng in periods["halves"].values():
        lo, hi = rng.split("..")
        assert 1 <= int(lo) <= int(hi) <= 12, rng
    _check_terms([f for fs in data["countries"].values() for f in fs], "countries")
    assert {"Russia", "Azerbaijan"} <= set(data["countries"])


def test_topics_yaml():
    entries = load_yaml("topics.yaml")["topics"]
    ids = [t["id"] for t in entries]
    assert len(ids) == len(set(ids)) and all(re.fullmatch(r"[a-z0-9_]+", i) for i in ids)
    required = {"energy", "transport", "trade", "investment", "karabakh", "armenia_peace",
                "south_caucasus_security", "caspian", "education_culture"}
    assert required <= set(ids)
    for t in entries:
        assert set(t) <= {"id", "ar", "en", "strong", "weak", "ignore"}, t["id"]
        assert _ARABIC.search(t["ar"]) and t["en"].strip(), t["id"]
        _check_terms(t["strong"], f"{t['id']}.strong")
        terms = list(t["strong"]) + list(t.get("weak") or [])
        _check_terms(terms, f"{t['id']} strong+weak")
        if t.get("ignore"):
            _check_terms(t["ignore"], f"{t['id']}.ignore")


@pytest.mark.parametrize("name", ["numbers.yaml", "units.yaml", "not_figures.yaml",
                                  "metrics.yaml", "topics.yaml"])
def test_loads_as_mapping(name):
    assert isinstance(load_yaml(name), dict)
