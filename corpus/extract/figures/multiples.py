"""Multiples and changes by a fraction: "ارتفعت الصادرات ثلاثة أضعاف", "مرتين", "بنحو الثلث",
"بمقدار الضعف" (unit other, the value is the multiple), only after a change word in an economic
clause."""
from __future__ import annotations

from ...models import Figure
from ..numbers import vocab
from .lexicon import Lex
from .metrics import Context
from .qualifiers import qualifier_ending_at
from .sentences import Sentence, clause_before, clause_len
from .shares import as_percent
from .units import Unit
from .words import Word, after_conj, find_terms, is_word_in, match_at, strip1


def _change_in_clause(before: list[Word], lex: Lex) -> bool:
    """A change or comparison word and an economic term in the clause before a multiple, and no
    people counted there ("تضاعف عدد اللاجئين 3 مرات")."""
    return _change_or_economic(clause_before(before, lex), lex, change=True)


def _change_or_economic(clause: list[Word], lex: Lex, change: bool) -> bool:
    """An economic term in ``clause`` (and a change or comparison word, when ``change``), and no
    people counted there."""
    if change and not any(is_word_in(w, lex.multiplier_context) for w in clause):
        return False
    if any(is_word_in(w, lex.people) for w in clause):
        return False
    return bool(find_terms(clause, lex.economic) or find_terms(clause, lex.metrics))


def _verb_first_change(before: list[Word], after: list[Word], lex: Lex) -> bool:
    """"ارتفع بمقدار 3 مرات حجم التبادل": the change word opens the clause right before the
    multiple and the economic subject follows it."""
    clause = clause_before(before, lex)
    if not clause or len(clause) > 2 or not any(is_word_in(w, lex.multiplier_context) for w in clause):
        return False
    rest = after[:clause_len(after)][:4]
    return bool(find_terms(rest, lex.metrics) or find_terms(rest, lex.economic))


# A clause this short right before a multiple is only its change word (and an opener such as
# "بعدما"): its subject is the one of the clause before.
_ELLIPTIC_CLAUSE_WORDS = 2


def _elided_subject_change(before: list[Word], lex: Lex) -> bool:
    """"بلغ التبادل التجاري 4 مليارات دولار، بعدما ارتفع ثلاثة أضعاف": a change word alone after the
    comma, its economic subject in the clause before it."""
    clause = clause_before(before, lex)
    if not clause or len(clause) > _ELLIPTIC_CLAUSE_WORDS or len(clause) == len(before) \
            or not any(is_word_in(w, lex.multiplier_context) for w in clause):
        return False
    earlier = clause_before(before[:len(before) - len(clause) - 1], lex)
    return _change_or_economic(earlier, lex, change=False)


def multiple_after(after: list[Word], before: list[Word], ctx: Context, lex: Lex) -> Unit | None:
    """"ارتفعت الصادرات ثلاثة أضعاف", "أكبر بـ3.5 مرات": a multiple after a change or comparison
    word in an economic sentence (unit other, the value is the multiple)."""
    got = match_at(after, 0, lex.multiplier_nouns, allow_clitic=False)
    if got is None or not (_change_in_clause(before, lex) or _verb_first_change(before, after[got[1]:], lex)
                           or _elided_subject_change(before, lex)):
        return None
    if match_at(after, got[1], lex.frequency, allow_clitic=False):
        return None  # "3 مرات أسبوعيا": how often, not how much
    return Unit("other", "other", None, after[got[1] - 1].end, got[1])


def dual_multiples(text: str, sent: Sentence, words: list[Word], contexts: dict, lex: Lex) -> list[Figure]:
    """"ارتفع حجم التبادل مرتين": a dual that is a multiple by itself, same conditions."""
    out = []
    for k, w in enumerate(words):
        norm = w.norm if w.norm in lex.multiplier_duals else strip1(w.norm)
        if norm not in lex.multiplier_duals or not _change_in_clause(words[:k], lex) \
                or match_at(words, k + 1, lex.frequency, allow_clitic=False):
            continue
        ctx = contexts.get(sent) or Context(words, lex)
        value, end = lex.multiplier_duals[norm], w.end
        if k + 1 < len(words) and words[k + 1].norm in lex.multiplier_half:
            value, end = value + 0.5, words[k + 1].end  # "مرتين ونصف"
        out.append(Figure(text=text[w.start:end], value=value, value_max=None,
                          unit="other", metric="other", qualifier="exact", period=None,
                          sentence=text[sent.start:sent.end], start=w.start, pair=ctx.pair(w.start)))
    return out


def _definite_change(word: str, lex: Lex) -> tuple[float, str] | None:
    """"الثلث", "بالربع" → (the fraction as a percentage, "percent"); "الضعف" → (2, "other"): a
    glued ب is allowed."""
    for w in (word, word[1:] if word[:1] == "ب" else None):
        if not w:
            continue
        if w in lex.multiplier_definite:
            return lex.multiplier_definite[w], "other"
        if w.startswith("ال") and w[2:] in vocab().fractions:
            return as_percent(vocab().fractions[w[2:]]), "percent"
    return None


def may_open_multiple(norm: str, lex: Lex) -> bool:
    """Can a word spelled ``norm`` be a dual multiple or a definite change (the words
    ``dual_multiples`` and ``definite_changes`` start from)?"""
    duals = lex.multiplier_duals
    return norm in duals or strip1(norm) in duals or _definite_change(norm, lex) is not None


def definite_changes(text: str, sent: Sentence, words: list[Word], lex: Lex) -> list[Figure]:
    """"ارتفعت الصادرات بنحو الثلث", "زاد التبادل التجاري بمقدار الضعف": a change by a definite
    fraction or by double, after a change word and an economic term in the clause. "النصف
    الأول" (a period: an ordinal follows) is not one."""
    ordinals = vocab().ordinals
    out = []
    for k, w in enumerate(words):
        change = _definite_change(w.norm, lex)
        if change is None or (k + 1 < len(words) and words[k + 1].norm in ordinals):
            continue
        value, unit = change
        if not _change_in_clause(words[:k], lex):
            continue
        qual = qualifier_ending_at(words, k)
        introduced = w.norm[:1] == "ب" or qual is not None \
            or (k > 0 and is_word_in(words[k - 1], lex.change_by))
        if not introduced:
            continue  # "خلال الربع الماضي": a period
        start = after_conj(words[qual[1]]) if qual else w.start
        out.append(Figure(text=text[start:w.end], value=value, value_max=None, unit=unit,
                          metric="other", qualifier=qual[0] if qual else "exact", period=None,
                          sentence=text[sent.start:sent.end], start=start))
    return out
