"""Quantities: digits or number words with their scale word (ألف, مليون, مليار), lone scales
("مليار", "ملياري"), fractions of a scale ("نصف مليار") and compounds ("3 مليارات و350 مليون")."""
from __future__ import annotations

from typing import NamedTuple

from .digits import parse_digits
from .tokens import Scanner, strip_word_prefix
from .words import read_words

_YEAR_MIN, _YEAR_MAX = 1800, 2100


class Quantity(NamedTuple):
    value: float
    i: int  # first token index
    j: int  # one past the last token index
    scaled: bool
    last_scale: float  # 1 when unscaled
    words: bool
    year: bool


def scale_at(sc: Scanner, i: int) -> tuple[float, str] | None:
    w = sc.word(i)
    if w is None:
        return None
    if w in sc.v.scales:
        return sc.v.scales[w]
    return None


def _foreign_scale_at(sc: Scanner, i: int) -> tuple[float, str] | None:
    """A Latin or Cyrillic scale word ("bn", "million", "млрд") at i: mixed-script copy writes them
    after digits only."""
    t = sc.tok(i)
    return sc.v.scales.get(t.text) if t is not None and t.kind == "other" else None


def multiplying_scale_at(sc: Scanner, i: int) -> tuple[float, str] | None:
    """The scale word at i that multiplies a number before it: not a dual ("ملياري" carries its
    own two: "في 2021 ملياري دولار" is a year, then two billion)."""
    hit = scale_at(sc, i) or _foreign_scale_at(sc, i)
    return hit if hit is not None and hit[1] != "dual" else None


def read_atom(sc: Scanner, i: int) -> tuple[float, int, bool, bool] | None:
    """(value, next index, words?, year?) for digits or number words at i."""
    t = sc.tok(i)
    if t is None:
        return None
    if t.kind == "num":
        if sc.is_date_or_time(i):
            return None
        scale_next = multiplying_scale_at(sc, i + 1) is not None
        val = parse_digits(t.text, scaled=scale_next)
        if val is None:
            return None
        year = (t.text.isdigit() and len(t.text) == 4 and _YEAR_MIN <= val <= _YEAR_MAX
                and not scale_next)
        return val, i + 1, False, year
    words = read_words(sc, i)
    if words is not None:
        return words[0], words[1], True, False
    return None


def read_head(sc: Scanner, i: int) -> tuple[float, int, bool, bool, float | None] | None:
    """(value, next index, words?, year?, scale) of a number with its scale word."""
    atom = read_atom(sc, i)
    if atom is not None:
        value, j, words, year = atom
        hit = multiplying_scale_at(sc, j)
        if hit is None or not sc.same_line(j - 1, j):
            return value, j, words, year, None
        return value * hit[0], j + 1, words, False, hit[0]
    w = sc.word(i)
    if w is None:
        return None
    hit = scale_at(sc, i)
    if hit is not None and sc.v.units.get(sc.word(i + 1) or "") == 1:
        return hit[0], i + 2, True, False, hit[0]  # "مليون واحد": one million
    lone = strip_word_prefix(w, sc.v.scales)  # "مليار", "ملياري", "بمليار"
    if lone is not None and (lone[1][1] in ("singular", "dual")
                             or (lone[1][1] == "accusative" and lone[1][0] >= 1e6)):
        # "مليارا ونصف", "بلغ مليونا و200 ألف": the accusative is one scale too ("ألفا" is
        # left alone: it also spells a name)
        scale, form = lone[1]
        return scale * (2 if form == "dual" or _dual_construct(sc, i, form) else 1), i + 1, True, False, scale
    frac = strip_word_prefix(w, sc.v.fractions)
    nxt = scale_at(sc, i + 1)
    if frac is not None and nxt is not None:  # "نصف مليار"
        return frac[1] * nxt[0], i + 2, True, False, nxt[0]
    return None


def _dual_construct(sc: Scanner, i: int, form: str) -> bool:
    """"نقل مليونا طن": the accusative spelling right before a counted noun is the nominative dual
    in construct (two million tonnes); "بلغ مليونا" or "مليونا و200 ألف" is one million."""
    nxt = sc.word(i + 1)
    return form == "accusative" and nxt is not None and sc.same_line(i, i + 1) and nxt in sc.v.counted_nouns


def read_quantity(sc: Scanner, i: int) -> Quantity | None:
    """digits/words [scale] [و smaller part]*, or a lone scale / fraction + scale."""
    head = read_head(sc, i)
    if head is None:
        return None
    value, j, words, year, scale = head
    if scale is None:
        return Quantity(value, i, j, False, 1.0, words, year)
    # Compounds: "3 مليارات و350 مليون", "مليار ونصف", "ألف وخمسمائة".
    last = scale
    while True:
        part = read_compound_part(sc, j, last)
        if part is None:
            break
        add, j, last, w = part
        value += add
        words = words or w
    return Quantity(value, i, j, True, scale, words, False)


def read_compound_part(sc: Scanner, j: int,
                       last_scale: float) -> tuple[float, int, float, bool] | None:
    """The part after و in a compound, when it is smaller than the scale before it."""
    t = sc.tok(j)
    if t is None or not sc.same_line(j - 1, j):
        return None
    k = j
    if t.kind == "word" and t.text == "و":
        k = j + 1
        t = sc.tok(k)
        if t is None or not sc.same_line(j, k):
            return None
    elif t.kind == "num" and t.pre != "و":
        return None
    elif t.kind == "word" and not t.text.startswith("و"):
        return None
    if t.kind == "word":
        stem = t.text[1:] if k == j else t.text
        if stem in sc.v.fractions:
            return sc.v.fractions[stem] * last_scale, k + 1, last_scale, True
    if t.kind == "num":
        val = parse_digits(t.text, scaled=scale_at(sc, k + 1) is not None)
        nk, words = k + 1, False
    else:
        got = read_words(sc, k, glued_waw=(k == j))
        if got is None:
            return None
        val, nk = got
        words = True
    if val is None:
        return None
    hit = scale_at(sc, nk)
    if hit is not None and hit[0] < last_scale:
        return val * hit[0], nk + 1, hit[0], words
    if hit is None and words and val < last_scale:
        return val, nk, last_scale, True
    return None
