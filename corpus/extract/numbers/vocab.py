"""The number vocabulary of data/lexicons/numbers.yaml, normalised once per process."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ...lexicons import load_yaml
from ...normalize import normalize

LEXICON = "numbers.yaml"


@dataclass(frozen=True)
class Vocab:
    units: dict[str, float]
    compound_only: dict[str, float]
    teens: frozenset[str]
    tens: dict[str, float]
    hundreds: dict[str, float]
    scales: dict[str, tuple[float, str]]  # word → (value, form)
    fractions: dict[str, float]
    ordinals: dict[str, int]
    construct_ordinals: dict[str, int]
    qualifiers: tuple[tuple[tuple[str, ...], str], ...]  # (phrase tokens, class), longest first
    trailing_approx: frozenset[str]
    range_to: frozenset[str]
    range_between: tuple[tuple[str, ...], ...]
    range_from: frozenset[str]
    change_verbs: frozenset[str]
    all_words: frozenset[str]  # every word that can start a number expression
    counted_nouns: frozenset[str]  # first words of units.yaml's currencies, volumes and counted nouns


def _norm_map(entries: dict) -> dict[str, float]:
    return {normalize(str(k)): float(v) for k, v in entries.items()}


def _norm_set(entries) -> frozenset[str]:
    return frozenset(normalize(w) for w in entries)


def _qualifier_phrases(groups: dict) -> tuple[tuple[tuple[str, ...], str], ...]:
    """(phrase tokens, class) pairs, longest phrase first so "أكثر من" wins over a shorter one."""
    quals = [(tuple(normalize(p).split()), cls) for cls, phrases in groups.items() for p in phrases]
    quals.sort(key=lambda q: -len(q[0]))
    return tuple(quals)


def _starting_words(data: dict) -> frozenset[str]:
    """Every word that can open a number expression: cardinals, fractions and scales."""
    cardinals = frozenset(normalize(str(w)) for key in ("units", "compound_only_units", "tens",
                                                        "hundreds", "fractions")
                          for w in data[key])
    return cardinals | {normalize(s["word"]) for s in data["scales"]}


def _counted_nouns() -> frozenset[str]:
    """The first word of each unit a number can count (units.yaml): "مليونا طن" is two million."""
    units = load_yaml("units.yaml")
    words = [c["term"] for c in units["currencies"]] + list(units["volumes"])
    words += [w for nouns in units["count_nouns"].values() for w in nouns]
    return frozenset(normalize(str(w)).split()[0] for w in words if normalize(str(w)).split())


@lru_cache(maxsize=1)
def vocab() -> Vocab:
    """The number vocabulary, normalised once."""
    data = load_yaml(LEXICON)
    return Vocab(
        units=_norm_map(data["units"]),
        compound_only=_norm_map(data["compound_only_units"]),
        teens=_norm_set(data["teen_words"]),
        tens=_norm_map(data["tens"]),
        hundreds=_norm_map(data["hundreds"]),
        scales={normalize(s["word"]): (float(s["value"]), s["form"]) for s in data["scales"]},
        fractions=_norm_map(data["fractions"]),
        ordinals={normalize(k): int(v) for k, v in data["ordinals"].items()},
        construct_ordinals={normalize(k): int(v) for k, v in data["construct_ordinals"].items()},
        qualifiers=_qualifier_phrases(data["qualifiers"]),
        trailing_approx=_norm_set(data["trailing_approx"]),
        range_to=_norm_set(data["range_to"]),
        range_between=tuple(tuple(normalize(p).split()) for p in data["range_between"]),
        range_from=_norm_set(data["range_from"]),
        change_verbs=_norm_set(data["change_verbs"]),
        all_words=_starting_words(data),
        counted_nouns=_counted_nouns(),
    )
