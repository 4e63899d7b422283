"""The same money again: an amount restated in another currency right after an amount.

A rule of Arabic news writing, Gulf and Maghrebi papers above all: an amount is followed by its
value in the local currency or in dollars, in brackets or after a word of equivalence ("2.9 مليار
دولار (قرابة 895 مليون دينار)", "3 مليارات دولار، أي ما يقارب 11.25 مليار ريال سعودي"). Such a
restatement is in a currency of its own: it never takes the currency of the amount it restates
(895 million dinars are not 895 million dollars). Written in a currency we can name, it is a
figure in that currency, as written; in one we cannot ("دينار" alone is several countries'), none.
"""
from __future__ import annotations

from .lexicon import Lex
from .words import Word, match_at

# How many words before the bracket or the word of equivalence the earlier amount's currency may end.
_EARLIER_WORDS = 2


def restates_an_amount(before: list[Word], lex: Lex) -> bool:
    """Whether the number whose preceding words are ``before`` restates the money amount just
    before it: an opening bracket or a word of equivalence, and a currency word shortly before."""
    if not before:
        return False
    k: int | None
    if before[-1].norm == "(":
        k = len(before) - 1
    else:
        k = _equivalence_start(before, lex)
        if k is None:
            return False
        if k > 0 and before[k - 1].norm in ("،", ","):
            k -= 1
    return _currency_ending_near(before, k, lex) is not None


def _equivalence_start(before: list[Word], lex: Lex) -> int | None:
    """Where a word of equivalence ending right before the number starts ("أي ما يعادل")."""
    for k in range(max(0, len(before) - 3), len(before)):
        got = match_at(before, k, lex.equivalence)
        if got is not None and got[1] == len(before):
            return k
    return None


def _currency_ending_near(before: list[Word], k: int, lex: Lex) -> str | None:
    """The unit ("USD", or the currency's code) of a money amount whose currency word ends within
    _EARLIER_WORDS words before index ``k``."""
    for j in range(max(0, k - _EARLIER_WORDS - 2), k):
        got = match_at(before, j, lex.currencies)
        if got is not None and k - _EARLIER_WORDS <= got[1] <= k:
            (_, (unit, currency)), _ = got
            return "USD" if unit == "USD" else currency
    return None
