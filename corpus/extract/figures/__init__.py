"""Economic figures in an article: money, percentages, counts of companies/agreements/projects,
volumes and trade-partner ranks, each with its unit, metric, qualifier, period and sentence.

A number becomes a figure only on positive evidence: a currency, a percent sign or word, a volume
unit or an economic count noun right after it; a scaled amount ("4 -6 مليارات") whose currency is
implied nearby or whose sentence speaks of trade/investment; or "عدد الشركات ... 1200". Everything
else (dates, durations, casualties, distances, schools, anniversaries, documents) stays out,
and nouns in not_figures.yaml veto a number even in an economic sentence.
Vocabulary: data/lexicons/units.yaml, metrics.yaml, not_figures.yaml (numbers.yaml for numbers).

Modules, each importing only those above it:
``words`` (text words, term matching) → ``lexicon`` (the vocabulary) → ``sentences`` (sentences,
clauses) → ``metrics`` (which metric a sentence speaks of) → ``units`` (the unit of a number) →
``periods`` (في عام 2023) → ``qualifiers`` (where a figure starts, نحو / تجاوز) → ``multiples``
(أضعاف, مرتين, الثلث) → ``ranks`` (المرتبة الثالثة) → ``shares`` (fractions, shares of land) →
``prices`` (page counters, what a price is for) → ``classify`` (unit or no figure) → ``find``.
"""
from __future__ import annotations

from .find import find_figures
from .sentences import Sentence, split_sentences

__all__ = ["Sentence", "find_figures", "split_sentences"]
