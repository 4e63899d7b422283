"""A read number as a ``NumberMention``: offsets in the original text, qualifier and kind
(number, year, ordinal "ال25", label "إس-400")."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ...normalize import Normalized
from ..arabic import CONJUNCTIONS
from .qualifiers import qualifier_before, skip_conj
from .tokens import Scanner
from .words import is_number_word

# Harakat and tatweel that normalisation dropped after the last letter ("ملياراتٍ").
_MARKS = re.compile(r"[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]*")


@dataclass(frozen=True)
class NumberMention:
    """One number expression. Offsets are into the original text."""

    start: int  # first character of the number (glued ل/ب/ال included, و/ف excluded)
    end: int  # one past the last character (scale words included)
    value: float
    value_max: float | None = None  # upper bound of a range
    qualifier: str = "exact"  # exact, approx, more_than, less_than
    qualifier_start: int = -1  # where the qualifier phrase begins (== start when there is none)
    kind: str = "number"  # number, year, ordinal, label (إس-400)
    scaled: bool = False  # a scale word (ألف, مليون, مليار) is part of it
    words: bool = False  # written (at least partly) in words
    from_value: float | None = None  # "ارتفع من X إلى Y": X (value is Y)


def mention_from_fields(sc: Scanner, norm: Normalized, f: dict) -> NumberMention:
    """Offsets (mapped back to the original text), qualifier and kind of a read mention."""
    toks = sc.toks
    lead = f["lead"]
    start_n = _number_start(sc, f["first"])
    end_n = toks[f["last"] - 1].e
    qual_tok = f["first"] if lead is None else lead
    if lead is None and _bare_article_before(sc, qual_tok):
        qual_tok -= 1  # "تتجاوز الـ 30 مليار", "الـ 50": the article belongs to the number
        start_n = toks[qual_tok].s
    qualifier, q_start_n = "exact", None
    q = qualifier_before(sc, qual_tok)
    if q is not None:
        qualifier = q[0]
        q_start_n = skip_conj(toks[q[1]], sc)
    elif sc.word(f["last"]) in sc.v.trailing_approx and sc.same_line(f["last"] - 1, f["last"]):
        qualifier = "approx"
        end_n = toks[f["last"]].e
    if lead is not None and q_start_n is None:
        q_start_n = toks[lead].s
    start, end = norm.to_original(start_n, end_n)
    end = _past_marks(sc.original, end)
    q_start = norm.to_original(q_start_n, q_start_n + 1)[0] if q_start_n is not None else start
    return NumberMention(start=start, end=end, value=f["value"], value_max=f["value_max"],
                         qualifier=qualifier, qualifier_start=min(q_start, start),
                         kind=_kind_of(sc, f["first"], f["year"], f["scaled"]), scaled=f["scaled"],
                         words=f["words"], from_value=f["from_value"])


def _number_start(sc: Scanner, first: int) -> int:
    """Normalised start of the number at token ``first``, after a glued conjunction."""
    first_tok = sc.toks[first]
    if first_tok.kind == "num" and first_tok.pre[:1] in CONJUNCTIONS:
        return first_tok.s + 1  # the conjunction is not part of the number
    if first_tok.kind == "word" and first_tok.text[:1] in CONJUNCTIONS \
            and not is_number_word(sc, first_tok.text):
        return first_tok.s + 1  # "وثلاثة": a glued conjunction ("واحد" is a number word itself)
    return first_tok.s


def _bare_article_before(sc: Scanner, i: int) -> bool:
    """A detached article ("الـ 30", tatweel already removed) right before token i."""
    return i > 0 and sc.word(i - 1) == "ال" and sc.same_line(i - 1, i)


def _kind_of(sc: Scanner, i: int, year: bool, scaled: bool = False) -> str:
    """ordinal ("ال25", "الـ 50"), label ("إس-400"), year (2023) or number.

    An ordinal never takes a scale word: "الـ 30 مليار" is a definite amount, not a 30th.
    """
    t = sc.toks[i]
    if scaled:
        return "label" if _is_label(sc, i) else "number"
    if t.kind == "num" and (t.pre.endswith("ال") or t.pre.endswith("لل")):
        return "ordinal"
    if _bare_article_before(sc, i):
        return "ordinal"  # "الـ 50" (tatweel already removed)
    if _is_label(sc, i):
        return "label"
    return "year" if year else "number"


def _past_marks(text: str, end: int) -> int:
    """Move an end offset past harakat/tatweel that normalisation dropped ("ملياراتٍ")."""
    m = _MARKS.match(text, end)  # the pattern matches the empty string: never None
    return m.end() if m else end


def _is_label(sc: Scanner, i: int) -> bool:
    """A number glued by a dash to a word is a model name or code: إس-400, سو-35."""
    dash, word = sc.tok(i - 1), sc.tok(i - 2)
    return (dash is not None and word is not None and dash.kind == "dash"
            and word.kind in ("word", "other") and word.e == dash.s and dash.e == sc.toks[i].s)
