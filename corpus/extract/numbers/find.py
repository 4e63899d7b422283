"""The two entry points: every number of a text (``find_numbers``) and one expression's value
(``parse_arabic_number``)."""
from __future__ import annotations

import re

from ...normalize import normalize, normalize_with_offsets
from ..arabic import CONJUNCTIONS
from .mentions import NumberMention, mention_from_fields
from .ranges import read_mention
from .tokens import Scanner, tokenize
from .words import may_be_number_word

# Nothing but white space and punctuation.
_EDGE = re.compile(r"^[\s\W_]*$")


def find_numbers(text: str) -> list[NumberMention]:
    """Every number expression in ``text``, in order, with offsets into ``text``."""
    if not text:
        return []
    norm = normalize_with_offsets(text)
    toks = tokenize(norm.text)
    sc = Scanner(norm.text, toks, text)
    out: list[NumberMention] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        if t.kind not in ("num", "word"):
            i += 1
            continue
        if t.kind == "word" and not may_be_number_word(sc, t.text):
            i += 1
            continue
        if t.kind == "num" and sc.is_date_or_time(i):
            i = _skip_stamp(sc, i)
            continue
        read = read_mention(sc, i)
        if read is None:
            i += 1
            continue
        fields, nxt = read
        if fields is not None:
            out.append(mention_from_fields(sc, norm, fields))
        i = max(nxt, i + 1)
    return out


def _skip_stamp(sc: Scanner, i: int) -> int:
    """Skip a whole date/time stamp: 19/8/2024, 15:40:02."""
    while sc.is_date_or_time(i):
        i += 2
    return i + 1


def parse_arabic_number(s: str) -> float | None:
    """The value of ``s`` when it is one number expression ("4 مليارات" → 4e9), else None.

    Glued clitics and surrounding punctuation are allowed ("لـ٢٤" → 24); a range gives its
    lower bound ("4 -6 مليارات" → 4e9).
    """
    if not isinstance(s, str) or not s.strip():
        return None
    mentions = find_numbers(s)
    if len(mentions) != 1:
        return None
    m = mentions[0]
    before, after = s[:m.qualifier_start], s[m.end:]
    if not _EDGE.match(after) or not _clitic_only(before):
        return None
    return m.value


def _clitic_only(before: str) -> bool:
    rest = normalize(before).strip()
    return rest == "" or rest in CONJUNCTIONS or bool(_EDGE.match(rest))
