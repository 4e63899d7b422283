"""The period a figure belongs to: "في عام 2023", "العام الماضي", "النصف الأول من 2024", "أول 9
أشهر من العام", written after the figure or earlier in its clause."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple, Sequence

from ...lexicons import load_yaml
from ...normalize import normalize, normalize_with_offsets
from ..numbers import vocab
from .lexicon import lexicon
from .sentences import NEAR, Sentence, start_of_clause

_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")


class Period(NamedTuple):
    value: str | None
    start: int
    end: int


@lru_cache(maxsize=1)
def _period_patterns() -> tuple[re.Pattern, ...]:
    p = lexicon().periods

    def alt(words) -> str:
        return "|".join(re.escape(normalize(w)) for w in sorted(words, key=len, reverse=True))

    prep = rf"(?:(?:{alt(p['prepositions'])})\s+)?"
    year = (rf"(?:(?:{alt(p['year_words'])})\s+)?(?P<year>(?:1[89]|20)\d\d)(?!\d)"
            rf"|(?P<cur>{alt(p['current_year'])})|(?P<last>{alt(p['last_year'])})")
    number_words = alt("ال" + normalize(w) for w, v in load_yaml("numbers.yaml")["units"].items()
                       if 2 <= v <= 12)
    months = (rf"(?:{alt(p['first_words'])})\s+(?P<n>\d{{1,2}})\s+(?:{alt(p['months_words'])})"
              rf"|(?:{alt(p['months_words_definite'])})\s+(?:(?P<nw>{number_words})|"
              rf"ال(?P<n2>\d{{1,2}}))\s+(?:{alt(p['first_after'])})")
    halves = rf"(?P<half>{alt(p['halves'].keys())})"
    partial = rf"{prep}(?:{months}|{halves})\s+(?:(?:{alt(p['year_of'])})\s+)?(?:{year})"
    return (re.compile(partial), re.compile(rf"{prep}(?:{year})"))


def _period_at(norm: str, published: str | None) -> tuple[str | None, int] | None:
    """A period expression at the start of normalised ``norm`` → (value, normalised length)."""
    partial, whole = _period_patterns()
    m = partial.match(norm)
    kind = "partial"
    if m is None:
        m = whole.match(norm)
        kind = "whole"
    if m is None:
        return None
    year = _year_of(m, published)
    if year is None:
        # "العام الجاري" without a publication date: keep the words, leave the period unknown.
        return (None, m.end()) if m.group("cur") or m.group("last") else None
    if kind == "whole":
        return year, m.end()
    months = _months_of(m)
    if months is not None:
        if not 1 <= months <= 12:
            return None
        return f"{year}-01..{year}-{months:02d}", m.end()
    span = lexicon().periods["halves"]
    rng = {normalize(k): v for k, v in span.items()}[m.group("half")]
    lo, hi = rng.split("..")
    return f"{year}-{lo}..{year}-{hi}", m.end()


def _months_of(m: re.Match) -> int | None:
    """The N of "first N months", in digits or in words ("الأشهر التسعة الأولى")."""
    if m.group("n") or m.group("n2"):
        return int(m.group("n") or m.group("n2"))
    if m.group("nw"):
        return int(vocab().units[m.group("nw")[2:]])
    return None


def _year_of(m: re.Match, published: str | None) -> str | None:
    if m.group("year"):
        return m.group("year")
    pub_year = published[:4] if published and _YEAR.match(published[:4]) else None
    if pub_year is None:
        return None
    if m.group("cur"):
        return pub_year
    return str(int(pub_year) - 1)


def period_after(text: str, pos: int, limit: int, published: str | None) -> Period | None:
    """A period right after ``pos`` (only white space between) in the original text."""
    i = pos
    while i < limit and text[i] in " \t":
        i += 1
    if i >= limit:
        return None
    seg = text[i:min(limit, i + NEAR)]
    norm, back = _norm_map(seg)
    got = _period_at(norm, published)
    if got is None:
        return None
    value, n_len = got
    return Period(value, i, i + back[n_len - 1] + 1)


def period_before(text: str, sent: Sentence, pos: int, published: str | None) -> str | None:
    """The nearest "في عام 2023" / "العام الماضي" in the clause before the number (or in the
    clause before that, when the number opens its clause: "في عام 2021، 2.9 مليار دولار")."""
    clause_start = start_of_clause(text, sent.start, pos)
    if not text[clause_start:pos].strip() and clause_start > sent.start:
        clause_start = start_of_clause(text, sent.start, clause_start - 1)
    norm, _ = _norm_map(text[max(clause_start, pos - NEAR):pos])
    best = None
    k = 0
    while k < len(norm):
        got = _period_at(norm[k:], published) if k == 0 or norm[k - 1] in " \t" else None
        if got is not None:
            best = got[0] if got[0] is not None else best
            k += max(got[1], 1)
        else:
            k += 1
    return best


def _norm_map(seg: str) -> tuple[str, Sequence[int]]:
    """Normalised segment and, per normalised char, its index in ``seg`` (normalising maps each
    character on its own)."""
    nt = normalize_with_offsets(seg)
    return nt.text, nt.offsets[:-1]
