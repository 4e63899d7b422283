"""Encounters of other leaders told beside the two's: a clause or a lead sentence whose day and place
belong to another leader's encounter, not to Putin's and Aliyev's."""
from __future__ import annotations

from ..arabic import clause_around, clause_ends
from .lexicon import lexicon
from .sentences import Sentence, aliyev_titles, remembered


def others_clauses(s: Sentence) -> list[tuple[int, int]]:
    """The clauses (comma to comma, positions in the sentence, after the sentence last names Aliyev)
    holding a meeting word that name another leader and neither of the two ("…، حتى استقبل أمس في
    بطرسبورغ الرئيس التركي أردوغان"): they tell the other leader's encounter, so their days and
    places are not the two's.
    None when every meeting word is in one (the sentence is then about no one else's)."""
    return remembered(s, "others_clauses", 0, lambda: _others_clauses(s))


def _others_clauses(s: Sentence) -> list[tuple[int, int]]:
    if not s.other_leader or len(s.terms) < 2:
        return []
    lex = lexicon()
    ends = clause_ends(s.norm)
    # only a clause after every mention of Aliyev or the two: a comma may also set off an apposition
    # ("التقى باشينيان اليوم في سوتشي، بوساطة بوتين، علييف")
    last_ours = max((m.end() for pat in (lex.aliyev_name, lex.aliyev_title, lex.pair) for m in pat.finditer(s.norm)),
                    default=len(s.norm))
    out: list[tuple[int, int]] = []
    for p, _ in s.terms:
        a, b = clause_around(ends, p)
        if a < last_ours:
            continue
        clause = s.norm[a:b]
        if lex.others.search(clause) and not (lex.aliyev_name.search(clause) or aliyev_titles(clause)
                                              or lex.pair.search(clause) or lex.putin.search(clause)):
            out.append((a, b))
    if sum(1 for p, _ in s.terms if any(a <= p < b for a, b in out)) == len(s.terms):
        return []
    return sorted(set(out))


def others_clause_terms(s: Sentence) -> set[int]:
    """The meeting words inside ``others_clauses``."""
    return {p for p, _ in s.terms if any(a <= p < b for a, b in others_clauses(s))}
