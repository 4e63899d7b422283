"""Topic tags from data/lexicons/topics.yaml: energy, transport, trade, Karabakh, ...

A topic is tagged when the text contains one of its strong terms, or two different weak terms
(one weak word such as "الطاقة" or "أرمينيا" is too common to mean the article is about it).
Matching runs on normalised words and lets clitics stand in front of a word: "والغاز" and
"بالغاز" match "الغاز"; "غاز" (without ال) matches it too.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, repeat
from operator import itemgetter

from ..lexicons import load_yaml
from ..normalize import CLITIC_PREFIXES, normalize
from .gates import article_tokens

LEXICON = "topics.yaml"
_WORD = re.compile(r"\w+")
# At least this many letters must remain when a clitic group is taken off.
_MIN_STEM = 3


@dataclass(frozen=True)
class Topic:
    id: str
    ar: str
    en: str
    strong: tuple[tuple[str, ...], ...]  # normalised term words, longest terms first
    weak: tuple[tuple[str, ...], ...]
    ignore: tuple[tuple[str, ...], ...] = ()


def _terms(items) -> tuple[tuple[str, ...], ...]:
    terms = {tuple(_WORD.findall(normalize(str(t)))) for t in items or ()}
    return tuple(sorted((t for t in terms if t), key=len, reverse=True))


@lru_cache(maxsize=1)
def topics() -> tuple[Topic, ...]:
    """All topics, in the order of the lexicon file."""
    return tuple(Topic(t["id"], t["ar"], t["en"], _terms(t.get("strong")), _terms(t.get("weak")),
                       _terms(t.get("ignore")))
                 for t in load_yaml(LEXICON)["topics"])


def topic_labels(lang: str = "ar") -> dict[str, str]:
    """Topic id → label in ``lang`` ('ar' or 'en'; anything else falls back to Arabic)."""
    key = "en" if lang == "en" else "ar"
    return {t.id: getattr(t, key) for t in topics()}


@lru_cache(maxsize=65536)
def word_forms(word: str) -> frozenset[str]:
    """A normalised word and what remains after dropping one leading clitic group."""
    forms = {word}
    for p in CLITIC_PREFIXES:
        if word.startswith(p) and len(word) - len(p) >= _MIN_STEM:
            forms.add(word[len(p):])
    return frozenset(forms)


@lru_cache(maxsize=65536)
def _forms_among(word: str, firsts: frozenset[str]) -> frozenset[str]:
    """``word_forms(word) & firsts``, remembered per word (most words have none)."""
    return word_forms(word) & firsts


@lru_cache(maxsize=65536)
def _term_forms(word: str) -> frozenset[str]:
    return frozenset({word, word[2:]}) if word.startswith("ال") and len(word) > 4 else \
        frozenset({word})


class _Index:
    """Where each word form occurs in a text, to find term starts without scanning every word."""

    def __init__(self, text: str, firsts: frozenset[str] | None = None):
        """``firsts``: the only forms looked up in ``at`` (None: every form)."""
        self.words = text_words(normalize(text))
        looked_up = list(map(word_forms, self.words)) if firsts is None else \
            list(map(_forms_among, self.words, repeat(firsts)))
        self.at: dict[str, list[int]] = {}
        for i in compress(range(len(looked_up)), looked_up):  # most words have no form looked up
            for f in looked_up[i]:
                self.at.setdefault(f, []).append(i)

    def starts(self, first: frozenset[str]) -> list[int]:
        """Word indexes where a term whose first word has the forms ``first`` may start, in order
        (each list of ``at`` is already ascending and without repeats)."""
        hits = [self.at[f] for f in first if f in self.at]
        if len(hits) == 1:
            return hits[0]
        return sorted({i for h in hits for i in h})


def text_words(norm: str) -> list[str]:
    """``_WORD.findall(norm)``. The other stages split the same text into [^\\W_]+ words first
    (``gates.article_tokens``, kept per text): without "_" those are the same words."""
    if "_" in norm:
        return _WORD.findall(norm)
    return list(map(itemgetter(1), article_tokens(norm)[0]))


# A term with the forms each of its words may take (see _term_forms), built once per process.
_FormedTerm = tuple[tuple[str, ...], tuple[frozenset[str], ...]]


def _formed(terms: tuple[tuple[str, ...], ...]) -> tuple[_FormedTerm, ...]:
    return tuple((term, tuple(_term_forms(w) for w in term)) for term in terms)


@lru_cache(maxsize=1)
def _formed_topics() -> tuple[tuple[Topic, tuple[_FormedTerm, ...], tuple[_FormedTerm, ...],
                                    tuple[_FormedTerm, ...]], ...]:
    """Each topic with its ignore, strong and weak terms formed."""
    return tuple((t, _formed(t.ignore), _formed(t.strong), _formed(t.weak)) for t in topics())


@lru_cache(maxsize=1)
def _first_forms() -> frozenset[str]:
    """Every form a term's first word takes: the only ones _count_terms looks up in an index."""
    return frozenset(f for _, *groups in _formed_topics() for terms in groups for _, tf in terms for f in tf[0])


@lru_cache(maxsize=1)
def _topic_first_forms() -> tuple[frozenset[str], ...]:
    """Per topic (in _formed_topics' order), every form the first word of one of its terms takes:
    a text holding none of them has none of its terms."""
    return tuple(frozenset(f for terms in groups for _, tf in terms for f in tf[0]) for _, *groups in _formed_topics())


def _count_terms(index: _Index, terms: tuple[_FormedTerm, ...], used: list[bool]) -> set[tuple[str, ...]]:
    """Distinct terms found in the text; a matched stretch (``used``) is not reused."""
    found: set[tuple[str, ...]] = set()
    words = index.words
    at = index.at
    for term, tf in terms:  # longest first
        if at.keys().isdisjoint(tf[0]):
            continue  # its first word is nowhere in the text
        n = len(term)
        for i in index.starts(tf[0]):
            if i + n > len(words) or any(used[i:i + n]):
                continue
            if all(word_forms(words[i + k]) & tf[k] for k in range(1, n)):
                found.add(term)
                for k in range(n):
                    used[i + k] = True
    return found


def topic_evidence(text: str) -> dict[str, list[str]]:
    """Topic id → the terms that tagged it (only for tagged topics)."""
    if not text:
        return {}
    index = _Index(text, _first_forms())
    out: dict[str, list[str]] = {}
    for (topic, ignore, strong_terms, weak_terms), firsts in zip(_formed_topics(), _topic_first_forms()):
        if index.at.keys().isdisjoint(firsts):
            continue  # none of its terms can start anywhere: not tagged
        used = [False] * len(index.words)
        _count_terms(index, ignore, used)
        strong = _count_terms(index, strong_terms, used)
        weak = _count_terms(index, weak_terms, used)
        if strong or len(weak) >= 2:
            out[topic.id] = sorted(" ".join(t) for t in strong | weak)
    return out


def find_topics(text: str) -> list[str]:
    """Topic ids of ``text``, in the lexicon's order."""
    return list(topic_evidence(text))
