"""Which metric a sentence speaks of (trade turnover, investment, …), whether it is economic at
all, its growth words and the country pair it names."""
from __future__ import annotations

import bisect

from ..numbers import NumberMention
from .lexicon import Lex
from .words import Word, find_terms, match_at, term_words_for, words_keys

# "الروسية-التركية": a dash (or a stray tatweel) between the two countries of a pair.
_PAIR_DASHES = frozenset(("-", "–", "—", "ـ"))


class Context:
    """What a sentence says around its figures (metric terms, growth words, country pairs),
    computed once per sentence and looked up by offset."""

    def __init__(self, words: list[Word], lex: Lex):
        # What the sentence's words may spell, read once: a table none of whose terms starts
        # with one of them finds nothing here (the same answers as scanning the words for it).
        keys = words_keys(words)
        hits = find_terms(words, lex.metrics, keys)
        self.metric_starts = [words[k].start for k, _, _ in hits]
        self.metrics = [term[1] for _, _, term in hits]
        self.non_economic = bool(find_terms(words, lex.non_economic, keys))
        self.economic = bool(find_terms(words, lex.economic, keys))
        self.growth_starts = [] if keys.isdisjoint(lex.growth) else \
            [w.start for w in words if any(key in lex.growth for key in term_words_for(w.norm))]
        self.pairs = [] if lex.countries.cannot_start(keys) else _pairs(words, lex)
        self.travel = bool(find_terms(words, lex.visitor_context, keys) or find_terms(words, lex.countries, keys))
        self.freight = bool(find_terms(words, lex.freight_context, keys))

    def metric(self, pos: int) -> str | None:
        """The metric term closest before ``pos``, else the closest after it."""
        i = bisect.bisect_left(self.metric_starts, pos)
        if i > 0:
            return self.metrics[i - 1]
        return self.metrics[0] if self.metrics else None

    def growth_before(self, pos: int) -> bool:
        return bool(self.growth_starts) and self.growth_starts[0] < pos

    def pair(self, pos: int) -> str | None:
        """The country pair named nearest before ``pos`` (else the first), unless Russia–Azerbaijan."""
        if not self.pairs:
            return None
        before = [p for p in self.pairs if p[0] < pos]
        _, c1, c2 = before[-1] if before else self.pairs[0]
        return None if {c1, c2} == {"Russia", "Azerbaijan"} else f"{c1}–{c2}"


def _pairs(words: list[Word], lex: Lex) -> list[tuple[int, str, str]]:
    """Country pairs named in a sentence: "بين روسيا وتركيا", "التجارة الروسية التركية"."""
    found: list[tuple[int, str, str]] = []
    k = 0
    while k < len(words):
        a = match_at(words, k, lex.countries)
        if a is None:
            k += 1
            continue
        j = a[1]
        if j < len(words) and words[j].norm in _PAIR_DASHES:
            j += 1
        b = match_at(words, j, lex.countries) if j < len(words) else None
        between = k > 0 and words[k - 1].norm in lex.pair_openers
        if b is not None and b[0][1] != a[0][1] and (
                between or words[j].norm[:1] != "و" or words[k].norm.startswith("ال")):
            found.append((words[k].start, a[0][1], b[0][1]))
            k = b[1]
        else:
            k = a[1]
    return found


def metric_of(kind: str, ctx: Context, m: NumberMention) -> str:
    """Metric of money, percentages and volumes from the terms of the sentence."""
    metric = ctx.metric(m.start)
    if kind == "percent":
        if metric == "trade_turnover" and ctx.growth_before(m.start):
            return "trade_growth"
        return "other"
    if kind == "count":
        return "other"
    return metric or "other"
