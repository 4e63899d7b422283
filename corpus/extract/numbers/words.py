"""Cardinal number words: ثلاثمائة وخمسة وعشرون → 325, teens, "أحد عشر", glued و."""
from __future__ import annotations

from .tokens import Scanner, strip_word_prefix


def word_value(sc: Scanner, i: int, continuation: bool) -> tuple[str, float, int] | None:
    """(category, value, next index) for a cardinal word at i (a continuation needs و)."""
    w = sc.word(i)
    if w is None:
        return None
    if continuation:
        if w == "و":
            return word_value(sc, i + 1, False) if sc.same_line(i, i + 1) else None
        if not w.startswith("و"):
            return None
        w = w[1:]
    v = sc.v
    for cat, table in (("unit", v.units), ("tens", v.tens), ("hundreds", v.hundreds),
                       ("compound", v.compound_only)):
        hit = (w, table[w]) if w in table else (None if continuation
                                               else strip_word_prefix(w, table))
        if hit is None:
            continue
        val = hit[1]
        nxt = sc.word(i + 1)
        if cat in ("unit", "compound") and nxt in v.teens and sc.same_line(i, i + 1):
            return "teen", val + 10, i + 2
        if cat == "unit" and nxt is not None and nxt in v.hundreds and v.hundreds[nxt] == 100 \
                and sc.same_line(i, i + 1):
            return "hundreds", val * 100, i + 2
        if cat == "compound":
            return None  # أحد / إحدى alone mean "one of"
        return cat, val, i + 1
    return None


def read_words(sc: Scanner, i: int, glued_waw: bool = False) -> tuple[float, int] | None:
    """A run of cardinal words: ثلاثمائة وخمسة وعشرون → 325 ("وخمسة" when glued_waw)."""
    first = word_value(sc, i, glued_waw)
    if first is None:
        return None
    cat, total, j = first
    seen = {cat}
    while True:
        nxt = word_value(sc, j, True)
        if nxt is None:
            break
        ncat, val, nj = nxt
        # Allowed order: hundreds, then a unit/teen, then tens ("خمسة وعشرون").
        if ncat == "hundreds" or ncat in seen or (ncat in ("unit", "teen") and "tens" in seen):
            break
        if ncat == "teen" and "unit" in seen:
            break
        total += val
        seen.add(ncat)
        j = nj
    return total, j


def may_be_number_word(sc: Scanner, w: str) -> bool:
    """Fast filter: could this word (after up to two clitic letters) start a number?"""
    words = sc.v.all_words
    return w in words or w[1:] in words or w[2:] in words


def is_number_word(sc: Scanner, w: str) -> bool:
    v = sc.v
    return any(w in table for table in (v.units, v.tens, v.hundreds, v.compound_only,
                                        v.scales, v.fractions))
