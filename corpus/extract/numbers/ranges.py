"""One number mention with its second part: ranges ("4 -6 مليارات", "بين 3 و5", "من 10% إلى 15%")
and changes ("ارتفع من X إلى Y" is a change to Y, not a range); "19-8-2024" is a date, not a range."""
from __future__ import annotations

from .scales import Quantity, read_quantity
from .tokens import Scanner, Tok

# The letters a change word may carry in front: "وارتفع", "لرفع", "ولزيادة".
_CHANGE_CLITIC_LETTERS = "وفلب"


def read_mention(sc: Scanner, i: int) -> tuple[dict | None, int] | None:
    """One mention starting at token i → (fields, next index); fields None for a date stamp."""
    q1 = read_quantity(sc, i)
    if q1 is None:
        return None
    fields: dict = {"first": q1.i, "last": q1.j, "value": q1.value, "value_max": None,
                    "scaled": q1.scaled, "words": q1.words, "year": q1.year,
                    "from_value": None, "lead": None}
    j = q1.j
    t = sc.tok(j)
    # Skip a percent sign on the first part of a range ("10% إلى 15%").
    k = j + 1 if t is not None and t.kind == "pct" else j
    conn = sc.tok(k)
    q2 = None
    if conn is not None and sc.same_line(j - 1, k):
        q2 = _second_part(sc, i, k, conn)
        if q2 is not None and conn.kind == "dash" and _date_continues(sc, q2):
            return None, q2.j + 2  # 19-8-2024: a date
    if q2 is not None and conn is not None and q1.year == q2.year:
        _apply_range(sc, i, conn, q1, q2, fields)
    return fields, fields["last"]


def _second_part(sc: Scanner, i: int, k: int, conn: Tok) -> Quantity | None:
    """The quantity after a range connector at k: a dash, إلى/حتى, or و after "بين"."""
    v = sc.v
    if conn.kind == "dash" or (conn.kind == "word" and conn.text in v.range_to):
        return read_quantity(sc, k + 1) if sc.same_line(k, k + 1) else None
    if (conn.kind == "word" and conn.text[:1] == "و") or (conn.kind == "num" and conn.pre == "و"):
        if sc.phrase_before(i, v.range_between) is not None:
            return read_quantity(sc, k + 1 if conn.text == "و" else k)
    return None


def _date_continues(sc: Scanner, q2: Quantity) -> bool:
    """"19-8-2024": a third number glued by a dash, slash or dot after the second part."""
    after, beyond = sc.tok(q2.j), sc.tok(q2.j + 1)
    return (after is not None and after.kind in ("dash", "punct") and after.text in "-–—/."
            and after.s == sc.toks[q2.j - 1].e and beyond is not None and beyond.kind == "num")


def _apply_range(sc: Scanner, i: int, conn: Tok, q1: Quantity, q2: Quantity, fields: dict) -> None:
    """Make the mention a range (or, after "ارتفع من", a change to the second value)."""
    combined = _combine_range(q1, q2)
    if combined is None:
        return
    v = sc.v
    fields.update(value=combined[0], value_max=combined[1], last=q2.j,
                  scaled=q1.scaled or q2.scaled, words=q1.words or q2.words)
    between = sc.phrase_before(i, v.range_between)
    if conn.kind != "dash" and conn.text not in v.range_to and between is not None:
        fields["lead"] = between
    elif conn.kind == "word" and conn.text in v.range_to and i > 0 \
            and sc.word(i - 1) in v.range_from:
        # "ارتفع من X إلى Y" is a change to Y; "من X إلى Y" alone is a range.
        if any(_is_change_word(sc.word(i - 2 - n), v.change_verbs) for n in range(4)):
            fields.update(value=combined[1], value_max=None, from_value=combined[0])
        fields["lead"] = i - 1


def _combine_range(lo: Quantity, hi: Quantity) -> tuple[float, float] | None:
    """Values of a range; a scale written only on the second part applies to both."""
    lo_val = lo.value
    if not lo.scaled and hi.scaled:
        lo_val = lo.value * hi.last_scale
    if hi.value < lo_val:
        return None
    return lo_val, hi.value


def _is_change_word(word: str | None, change_words: frozenset[str]) -> bool:
    """"ارتفع", "وارتفع", "لرفع", "ولزيادة": a change word behind up to two clitic letters."""
    if not word:
        return False
    return any(word[n:] in change_words for n in range(3) if len(word) - n >= 3
               and all(c in _CHANGE_CLITIC_LETTERS for c in word[:n]))
