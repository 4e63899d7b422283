"""The figure vocabulary: data/lexicons/units.yaml, metrics.yaml and not_figures.yaml, loaded
and normalised once into ``Lex`` (numbers.yaml is read by the numbers package)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ...lexicons import load_yaml
from ...normalize import normalize
from .words import Terms, words_in


@dataclass(frozen=True)
class Lex:
    currencies: Terms  # payload: (unit, currency)
    percent: Terms
    volumes: Terms
    count_nouns: Terms  # payload: metric
    usd_implied: Terms
    usd_window: int
    equivalence: Terms  # "أي ما يعادل": an amount restated in another currency follows
    adjectives: frozenset[str]
    complements: Terms
    complement_words: int
    not_figures: frozenset[str]
    non_economic: Terms
    metrics: Terms  # payload: metric
    growth: frozenset[str]
    lead_verbs: frozenset[str]
    lead_nouns: frozenset[str]
    fronted: Terms  # payload: qualifier
    fronted_window: int
    rank_nouns: frozenset[str]
    rank_context: frozenset[str]
    rank_needs: frozenset[str]
    rank_actors: frozenset[str]
    rank_by: Terms
    rank_superlatives: frozenset[str]
    rank_partner_nouns: frozenset[str]
    periods: dict
    countries: Terms  # payload: country name
    pair_openers: frozenset[str]
    economic: Terms
    signed_docs: Terms
    signing: frozenset[str]
    doc_remainder: frozenset[str]
    people: frozenset[str]
    counter_labels: frozenset[str]
    counter_window: int
    per_unit: frozenset[str]
    per_unit_after_price: frozenset[str]
    per_measure: Terms
    price_words: Terms
    market_quotes: frozenset[str]
    market_names: frozenset[str]
    share_prepositions: frozenset[str]
    share_of_not_economic: frozenset[str]
    percent_before: frozenset[str]
    count_heads: frozenset[str]
    visitor_nouns: Terms
    passenger_nouns: Terms
    visitor_context: Terms
    freight_nouns: Terms
    freight_context: Terms
    frequency: Terms
    year_words: frozenset[str]
    period_prepositions: frozenset[str]
    multiplier_nouns: Terms
    multiplier_duals: dict[str, float]
    multiplier_half: frozenset[str]
    multiplier_definite: dict[str, float]
    change_by: frozenset[str]
    multiplier_context: frozenset[str]
    multiplier_window: int


def _terms(pairs) -> Terms:
    """Terms from (text, payload) pairs."""
    return Terms(list({(tuple(w.norm for w in words_in(t, 0, len(t))), payload)
                       for t, payload in pairs}))


def _plain(items) -> Terms:
    return _terms((t, None) for t in items)


def _grouped(groups: dict) -> Terms:
    """{payload: [terms]} → terms carrying their group name."""
    return _terms((t, key) for key, items in groups.items() for t in items)


def _wordset(items) -> frozenset[str]:
    return frozenset(normalize(w) for w in items)


@lru_cache(maxsize=1)
def lexicon() -> Lex:
    units = load_yaml("units.yaml")
    metrics = load_yaml("metrics.yaml")
    nf = load_yaml("not_figures.yaml")
    return Lex(
        currencies=_terms((c["term"], (c["unit"], c.get("currency")))
                          for c in units["currencies"]),
        percent=_plain(units["percent"]),
        volumes=_plain(units["volumes"]),
        count_nouns=_grouped(units["count_nouns"]),
        usd_implied=_plain(units["usd_implied"]),
        usd_window=int(units["usd_implied_window"]),
        equivalence=_plain(units["equivalence"]),
        adjectives=_wordset(units["count_adjectives"]),
        complements=_plain(units["complements"]),
        complement_words=int(units["complement_words"]),
        not_figures=_wordset([*(w for group in nf["nouns"].values() for w in group),
                              *nf["counter_nouns"]]),
        people=_wordset(nf["nouns"]["people"]),
        counter_labels=_wordset(nf["counter_labels"]),
        counter_window=int(nf["counter_window"]),
        per_unit=_wordset(nf["per_unit_words"]),
        per_unit_after_price=_wordset(nf["per_unit_after_price"]),
        per_measure=_plain(nf["per_measure"]),
        price_words=_plain(nf["price_words"]),
        market_quotes=_wordset(nf["market_quote_units"]),
        market_names=_wordset(nf["market_quote_names"]),
        share_prepositions=_wordset(nf["share_prepositions"]),
        share_of_not_economic=_wordset(nf["share_of_not_economic"]),
        non_economic=_plain(nf["context_words"]),
        metrics=_grouped(metrics["metrics"]),
        growth=_wordset(metrics["growth_terms"]),
        lead_verbs=_wordset(metrics["lead_verbs"]),
        lead_nouns=_wordset(metrics["lead_nouns"]),
        fronted=_grouped(metrics["fronted_verbs"]),
        fronted_window=int(metrics["fronted_window"]),
        rank_nouns=_wordset(metrics["rank_nouns"]),
        rank_context=_wordset(metrics["rank_context"]),
        rank_needs=_wordset(metrics["rank_context_needs"]),
        rank_actors=_wordset(metrics["rank_actors"]),
        rank_by=_plain(metrics["rank_by"]),
        rank_superlatives=_wordset(metrics["rank_superlatives"]),
        rank_partner_nouns=_wordset(metrics["rank_partner_nouns"]),
        periods=metrics["periods"],
        countries=_grouped(metrics["countries"]),
        pair_openers=_wordset(metrics["pair_openers"]),
        economic=_plain(metrics["economic_words"]),
        signed_docs=_plain(units["signed_documents"]),
        signing=_wordset(units["signing_words"]),
        doc_remainder=_wordset(units["document_remainder"]),
        percent_before=_wordset(units["percent_before"]),
        count_heads=_wordset(units["count_heads"]),
        visitor_nouns=_plain(units["visitor_nouns"]),
        passenger_nouns=_plain(units["passenger_nouns"]),
        visitor_context=_plain(units["visitor_context"]),
        freight_nouns=_plain(units["freight_nouns"]),
        freight_context=_plain(units["freight_context"]),
        frequency=_plain(nf["frequency_words"]),
        year_words=_wordset(metrics["periods"]["year_words"]),
        period_prepositions=_wordset(metrics["periods"]["prepositions"]),
        multiplier_nouns=_plain(units["multiplier_nouns"]),
        multiplier_duals={normalize(w): float(v) for w, v in units["multiplier_duals"].items()},
        multiplier_half=_wordset(units["multiplier_half"]),
        multiplier_definite={normalize(w): float(v) for w, v in units["multiplier_definite"].items()},
        change_by=_wordset(units["change_by_words"]),
        multiplier_context=_wordset(metrics["multiplier_context"]) | _wordset(metrics["growth_terms"]),
        multiplier_window=int(metrics["multiplier_window"]),
    )
