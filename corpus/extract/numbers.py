"""Arabic numbers in running text: digits, words, scales, compounds, ranges and qualifiers.

``find_numbers(text)`` returns every number expression with offsets into the *original* text;
``parse_arabic_number(s)`` reads one expression. Matching runs on normalised text (Arabic-Indic
digits → ASCII, tatweel removed, so "لـ٢٤" reads as "ل24") and offsets are mapped back.
Vocabulary (number words, scales, qualifiers) lives in data/lexicons/numbers.yaml.

What this module does not decide: whether a number is an economic figure (figures.py does that
from the unit and the nouns around it). It does flag years, ordinals and dates so they can be
skipped, and it never emits dates ("19-8-2024", "26.11.2021") or clock times ("15:40").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from collections.abc import Mapping
from typing import Any, NamedTuple

from ..lexicons import load_yaml
from ..normalize import Normalized, normalize, normalize_with_offsets
from .arabic import CLITIC_GROUPS, CONJUNCTIONS

LEXICON = "numbers.yaml"

# One pass over normalised text. A number may carry glued clitics (و350, ل24, ب5, ال25) but must
# start a word: "كوب29" is a name, not a number.
_TOKEN = re.compile(
    r"(?P<num>(?<!\w)(?P<pre>[وف]?(?:[بلك]?ال|لل|[بلك])?)"
    r"(?P<digits>\d+ر\d+|\d+(?:[.,،]\d+)*))"
    r"|(?P<word>[\u0621-\u064A]+)"
    r"|(?P<pct>[%٪])"
    r"|(?P<dash>[-–—])"
    r"|(?P<punct>[^\s\w])"
    r"|(?P<other>\w+)"
)
_REVERSED_DECIMAL = re.compile(r"^(\d+)ر(\d+)$")  # agency style: 5ر13 = 13.5
_DIGIT_GROUPS = re.compile(r"^[0-9]+(?:[.,][0-9]+)*$")
_YEAR_MIN, _YEAR_MAX = 1800, 2100


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


class _Tok(NamedTuple):
    kind: str  # num, word, pct, dash, punct, other
    text: str  # normalised token text (for num: the digits only)
    s: int  # normalised start (including any glued prefix)
    e: int
    pre: str = ""  # glued clitic prefix of a num token


class _Quantity(NamedTuple):
    value: float
    i: int  # first token index
    j: int  # one past the last token index
    scaled: bool
    last_scale: float  # 1 when unscaled
    words: bool
    year: bool


@dataclass(frozen=True)
class _Vocab:
    units: dict[str, float]
    compound_only: dict[str, float]
    teens: frozenset[str]
    tens: dict[str, float]
    hundreds: dict[str, float]
    scales: dict[str, tuple[float, str]]  # word → (value, form)
    fractions: dict[str, float]
    ordinals: dict[str, int]
    construct_ordinals: dict[str, int]
    qualifiers: tuple[tuple[tuple[str, ...], str], ...]  # (phrase tokens, class), longest first
    trailing_approx: frozenset[str]
    range_to: frozenset[str]
    range_between: tuple[tuple[str, ...], ...]
    range_from: frozenset[str]
    change_verbs: frozenset[str]
    all_words: frozenset[str]  # every word that can start a number expression


def _norm_map(entries: dict) -> dict[str, float]:
    return {normalize(str(k)): float(v) for k, v in entries.items()}


@lru_cache(maxsize=1)
def vocab() -> _Vocab:
    """The number vocabulary, normalised once."""
    data = load_yaml(LEXICON)
    quals = [(tuple(normalize(p).split()), cls)
             for cls, phrases in data["qualifiers"].items() for p in phrases]
    quals.sort(key=lambda q: -len(q[0]))
    return _Vocab(
        units=_norm_map(data["units"]),
        compound_only=_norm_map(data["compound_only_units"]),
        teens=frozenset(normalize(w) for w in data["teen_words"]),
        tens=_norm_map(data["tens"]),
        hundreds=_norm_map(data["hundreds"]),
        scales={normalize(s["word"]): (float(s["value"]), s["form"]) for s in data["scales"]},
        fractions=_norm_map(data["fractions"]),
        ordinals={normalize(k): int(v) for k, v in data["ordinals"].items()},
        construct_ordinals={normalize(k): int(v) for k, v in data["construct_ordinals"].items()},
        qualifiers=tuple(quals),
        trailing_approx=frozenset(normalize(w) for w in data["trailing_approx"]),
        range_to=frozenset(normalize(w) for w in data["range_to"]),
        range_between=tuple(tuple(normalize(p).split()) for p in data["range_between"]),
        range_from=frozenset(normalize(w) for w in data["range_from"]),
        change_verbs=frozenset(normalize(w) for w in data["change_verbs"]),
        all_words=frozenset(normalize(str(w)) for key in ("units", "compound_only_units", "tens",
                                                          "hundreds", "fractions")
                            for w in data[key]) | {normalize(s["word"]) for s in data["scales"]},
    )


# --------------------------------------------------------------------------- digits

def parse_digits(s: str, scaled: bool = False) -> float | None:
    """Value of a digit string with , . separators (ASCII digits; normalise first).

    "1,200" → 1200; "4.5" → 4.5; "1.200" → 1200 unless a scale follows ("1.200 مليار" → 1.2e9,
    a dot before a scale is a decimal point; "1,200 مليار" keeps the comma as thousands);
    "1,200.5" and "1.200,5" → 1200.5; "5ر13" → 13.5; "26.11.2021" → None (a date).
    """
    s = s.replace("،", ",")  # an Arabic comma between digits separates like a comma: 4،5 = 4.5
    m = _REVERSED_DECIMAL.match(s)
    if m:
        return float(f"{m.group(2)}.{m.group(1)}")
    if not _DIGIT_GROUPS.match(s):
        return None
    has_dot, has_comma = "." in s, "," in s
    if has_dot and has_comma:
        dec = "." if s.rfind(".") > s.rfind(",") else ","
        thou = "," if dec == "." else "."
        whole, _, frac = s.rpartition(dec)
        groups = whole.split(thou)
        if not _thousand_groups(groups):
            return None
        return float("".join(groups) + "." + frac)
    if not has_dot and not has_comma:
        return float(s)
    sep = "." if has_dot else ","
    groups = s.split(sep)
    if len(groups) > 2:
        return float("".join(groups)) if _thousand_groups(groups) else None
    whole, frac = groups
    if len(frac) == 3 and _thousand_groups(groups) and (sep == "," or not scaled):
        return float(whole + frac)  # 1,200 / 1.200 → thousands
    return float(whole + "." + frac)  # 4.5 / 4,5 / 1.200 مليار → decimal


def _thousand_groups(groups: list[str]) -> bool:
    return 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])


# --------------------------------------------------------------------------- tokens

def _tokenize(norm: str) -> list[_Tok]:
    toks: list[_Tok] = []
    for m in _TOKEN.finditer(norm):
        if m.group("num"):
            toks.append(_Tok("num", m.group("digits"), m.start(), m.end(), m.group("pre") or ""))
        else:
            toks.append(_Tok(m.lastgroup or "other", m.group(0), m.start(), m.end()))
    return toks


def _strip_word_prefix(word: str, table: Mapping[str, Any]) -> tuple[str, Any] | None:
    """Look a word up, allowing one glued و/ف (or ب/ل/ك when 3+ letters remain)."""
    if word in table:
        return word, table[word]
    for p in CLITIC_GROUPS:
        rest = word[len(p):]
        if word.startswith(p) and rest in table and (p in CONJUNCTIONS or len(rest) >= 3):
            return rest, table[rest]
    return None


class _Scanner:
    """Reads number expressions from a token list (normalised coordinates)."""

    def __init__(self, norm: str, toks: list[_Tok], original: str = ""):
        self.norm = norm
        self.original = original
        self.toks = toks
        self.v = vocab()

    # -- helpers
    def tok(self, i: int) -> _Tok | None:
        return self.toks[i] if 0 <= i < len(self.toks) else None

    def same_line(self, i: int, j: int) -> bool:
        """No line break between tokens i and j (i < j)."""
        a, b = self.tok(i), self.tok(j)
        return a is not None and b is not None and "\n" not in self.norm[a.e:b.s]

    def word(self, i: int) -> str | None:
        t = self.tok(i)
        return t.text if t is not None and t.kind == "word" else None

    def is_date_or_time(self, i: int) -> bool:
        """num token followed by :, / or . and another number (15:40, 19/8/2024)."""
        t, sep, nxt = self.tok(i), self.tok(i + 1), self.tok(i + 2)
        if t is None or sep is None or nxt is None or sep.kind != "punct" or nxt.kind != "num":
            return False
        return sep.text in ":/" and sep.s == t.e and nxt.s == sep.e

    # -- words
    def word_value(self, i: int, continuation: bool) -> tuple[str, float, int] | None:
        """(category, value, next index) for a cardinal word at i (a continuation needs و)."""
        w = self.word(i)
        if w is None:
            return None
        if continuation:
            if w == "و":
                return self.word_value(i + 1, False) if self.same_line(i, i + 1) else None
            if not w.startswith("و"):
                return None
            w = w[1:]
        v = self.v
        for cat, table in (("unit", v.units), ("tens", v.tens), ("hundreds", v.hundreds),
                           ("compound", v.compound_only)):
            hit = (w, table[w]) if w in table else (None if continuation
                                                   else _strip_word_prefix(w, table))
            if hit is None:
                continue
            val = hit[1]
            nxt = self.word(i + 1)
            if cat in ("unit", "compound") and nxt in v.teens and self.same_line(i, i + 1):
                return "teen", val + 10, i + 2
            if cat == "unit" and nxt is not None and nxt in v.hundreds and v.hundreds[nxt] == 100 \
                    and self.same_line(i, i + 1):
                return "hundreds", val * 100, i + 2
            if cat == "compound":
                return None  # أحد / إحدى alone mean "one of"
            return cat, val, i + 1
        return None

    def read_words(self, i: int, glued_waw: bool = False) -> tuple[float, int] | None:
        """A run of cardinal words: ثلاثمائة وخمسة وعشرون → 325 ("وخمسة" when glued_waw)."""
        first = self.word_value(i, glued_waw)
        if first is None:
            return None
        cat, total, j = first
        seen = {cat}
        while True:
            nxt = self.word_value(j, True)
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

    def may_be_number_word(self, w: str) -> bool:
        """Fast filter: could this word (after up to two clitic letters) start a number?"""
        words = self.v.all_words
        return w in words or w[1:] in words or w[2:] in words

    def is_number_word(self, w: str) -> bool:
        v = self.v
        return any(w in table for table in (v.units, v.tens, v.hundreds, v.compound_only,
                                            v.scales, v.fractions))

    # -- quantities
    def scale_at(self, i: int) -> tuple[float, str] | None:
        w = self.word(i)
        if w is None:
            return None
        if w in self.v.scales:
            return self.v.scales[w]
        return None

    def read_atom(self, i: int) -> tuple[float, int, bool, bool] | None:
        """(value, next index, words?, year?) for digits or number words at i."""
        t = self.tok(i)
        if t is None:
            return None
        if t.kind == "num":
            if self.is_date_or_time(i):
                return None
            scale_next = self.scale_at(i + 1) is not None
            val = parse_digits(t.text, scaled=scale_next)
            if val is None:
                return None
            year = (t.text.isdigit() and len(t.text) == 4 and _YEAR_MIN <= val <= _YEAR_MAX
                    and not scale_next)
            return val, i + 1, False, year
        words = self.read_words(i)
        if words is not None:
            return words[0], words[1], True, False
        return None

    def read_head(self, i: int) -> tuple[float, int, bool, bool, float | None] | None:
        """(value, next index, words?, year?, scale) of a number with its scale word."""
        atom = self.read_atom(i)
        if atom is not None:
            value, j, words, year = atom
            sc = self.scale_at(j)
            if sc is None or not self.same_line(j - 1, j):
                return value, j, words, year, None
            return value * sc[0], j + 1, words, False, sc[0]
        w = self.word(i)
        if w is None:
            return None
        sc = self.scale_at(i)
        if sc is not None and self.v.units.get(self.word(i + 1) or "") == 1:
            return sc[0], i + 2, True, False, sc[0]  # "مليون واحد": one million
        lone = _strip_word_prefix(w, self.v.scales)  # "مليار", "ملياري", "بمليار"
        if lone is not None and (lone[1][1] in ("singular", "dual")
                                 or (lone[1][1] == "accusative" and lone[1][0] >= 1e6)):
            # "مليارا ونصف", "بلغ مليونا و200 ألف": the accusative is one scale too ("ألفا" is
            # left alone: it also spells a name)
            scale, form = lone[1]
            return scale * (2 if form == "dual" else 1), i + 1, True, False, scale
        frac = _strip_word_prefix(w, self.v.fractions)
        nxt = self.scale_at(i + 1)
        if frac is not None and nxt is not None:  # "نصف مليار"
            return frac[1] * nxt[0], i + 2, True, False, nxt[0]
        return None

    def read_quantity(self, i: int) -> _Quantity | None:
        """digits/words [scale] [و smaller part]*, or a lone scale / fraction + scale."""
        head = self.read_head(i)
        if head is None:
            return None
        value, j, words, year, scale = head
        if scale is None:
            return _Quantity(value, i, j, False, 1.0, words, year)
        # Compounds: "3 مليارات و350 مليون", "مليار ونصف", "ألف وخمسمائة".
        last = scale
        while True:
            part = self.read_compound_part(j, last)
            if part is None:
                break
            add, j, last, w = part
            value += add
            words = words or w
        return _Quantity(value, i, j, True, scale, words, False)

    def read_compound_part(self, j: int,
                           last_scale: float) -> tuple[float, int, float, bool] | None:
        """The part after و in a compound, when it is smaller than the scale before it."""
        t = self.tok(j)
        if t is None or not self.same_line(j - 1, j):
            return None
        k = j
        if t.kind == "word" and t.text == "و":
            k = j + 1
            t = self.tok(k)
            if t is None or not self.same_line(j, k):
                return None
        elif t.kind == "num" and t.pre != "و":
            return None
        elif t.kind == "word" and not t.text.startswith("و"):
            return None
        if t.kind == "word":
            stem = t.text[1:] if k == j else t.text
            if stem in self.v.fractions:
                return self.v.fractions[stem] * last_scale, k + 1, last_scale, True
        if t.kind == "num":
            val = parse_digits(t.text, scaled=self.scale_at(k + 1) is not None)
            nk, words = k + 1, False
        else:
            got = self.read_words(k, glued_waw=(k == j))
            if got is None:
                return None
            val, nk = got
            words = True
        if val is None:
            return None
        sc = self.scale_at(nk)
        if sc is not None and sc[0] < last_scale:
            return val * sc[0], nk + 1, sc[0], words
        if sc is None and words and val < last_scale:
            return val, nk, last_scale, True
        return None

    # -- qualifiers and context
    def qualifier_before(self, i: int) -> tuple[str, int] | None:
        """(class, token index where the phrase starts) for a qualifier ending just before i."""
        for phrase, cls in self.v.qualifiers:
            k = i - len(phrase)
            if k < 0:
                continue
            ok = True
            for n, p in enumerate(phrase):
                w = self.word(k + n)
                if w is None or not self.same_line(k + n, i):
                    ok = False
                    break
                if w != p and not (n == 0 and _qualifier_clitic(w, p)):
                    ok = False
                    break
            if ok:
                return cls, k
        return None

    def phrase_before(self, i: int, phrases) -> int | None:
        for phrase in phrases:
            k = i - len(phrase)
            if k >= 0 and all(self.word(k + n) in (p, "و" + p) for n, p in enumerate(phrase)):
                return k
        return None


def _qualifier_clitic(word: str, phrase_word: str) -> bool:
    """"ونحو", "بنحو", "وبأكثر": a qualifier's first word may carry و/ف and then ب."""
    for p in ("وب", "فب", "و", "ف", "ب"):
        if word.startswith(p) and word[len(p):] == phrase_word:
            return True
    return False


def _combine_range(lo: _Quantity, hi: _Quantity) -> tuple[float, float] | None:
    """Values of a range; a scale written only on the second part applies to both."""
    lo_val = lo.value
    if not lo.scaled and hi.scaled:
        lo_val = lo.value * hi.last_scale
    if hi.value < lo_val:
        return None
    return lo_val, hi.value


def _read_mention(sc: _Scanner, i: int) -> tuple[dict | None, int] | None:
    """One mention starting at token i → (fields, next index); fields None for a date stamp."""
    q1 = sc.read_quantity(i)
    if q1 is None:
        return None
    fields: dict = {"first": q1.i, "last": q1.j, "value": q1.value, "value_max": None,
                    "scaled": q1.scaled, "words": q1.words, "year": q1.year,
                    "from_value": None, "lead": None}
    j = q1.j
    v = sc.v
    t = sc.tok(j)
    # Skip a percent sign on the first part of a range ("10% إلى 15%").
    k = j + 1 if t is not None and t.kind == "pct" else j
    conn = sc.tok(k)
    q2 = None
    if conn is not None and sc.same_line(j - 1, k):
        if conn.kind == "dash":
            q2 = sc.read_quantity(k + 1) if sc.same_line(k, k + 1) else None
            if q2 is not None:
                after, beyond = sc.tok(q2.j), sc.tok(q2.j + 1)
                if after is not None and after.kind in ("dash", "punct") and after.text in "-–—/." \
                        and after.s == sc.toks[q2.j - 1].e and beyond is not None and beyond.kind == "num":
                    return None, q2.j + 2  # 19-8-2024: a date
        elif conn.kind == "word" and conn.text in v.range_to:
            q2 = sc.read_quantity(k + 1) if sc.same_line(k, k + 1) else None
        elif (conn.kind == "word" and conn.text[:1] == "و") or (conn.kind == "num"
                                                                 and conn.pre == "و"):
            if sc.phrase_before(i, v.range_between) is not None:
                q2 = sc.read_quantity(k + 1 if conn.text == "و" else k)
    if q2 is not None and conn is not None and q1.year == q2.year:
        combined = _combine_range(q1, q2)
        if combined is not None:
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
    return fields, fields["last"]


def _mention_from_fields(sc: _Scanner, norm: Normalized, f: dict) -> NumberMention:
    """Offsets (mapped back to the original text), qualifier and kind of a read mention."""
    toks = sc.toks
    first_tok = toks[f["first"]]
    lead = f["lead"]
    start_n = first_tok.s
    if first_tok.kind == "num" and first_tok.pre[:1] in CONJUNCTIONS:
        start_n += 1  # the conjunction is not part of the number
    elif first_tok.kind == "word" and first_tok.text[:1] in CONJUNCTIONS \
            and not sc.is_number_word(first_tok.text):
        start_n += 1  # "وثلاثة": a glued conjunction ("واحد" is a number word itself)
    end_n = toks[f["last"] - 1].e
    qual_tok = f["first"] if lead is None else lead
    if lead is None and _bare_article_before(sc, qual_tok):
        qual_tok -= 1  # "تتجاوز الـ 30 مليار", "الـ 50": the article belongs to the number
        start_n = toks[qual_tok].s
    qualifier, q_start_n = "exact", None
    q = sc.qualifier_before(qual_tok)
    if q is not None:
        qualifier = q[0]
        q_start_n = _skip_conj(toks[q[1]], sc)
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


def _bare_article_before(sc: _Scanner, i: int) -> bool:
    """A detached article ("الـ 30", tatweel already removed) right before token i."""
    return i > 0 and sc.word(i - 1) == "ال" and sc.same_line(i - 1, i)


def _kind_of(sc: _Scanner, i: int, year: bool, scaled: bool = False) -> str:
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


_MARKS = re.compile(r"[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]*")


def _past_marks(text: str, end: int) -> int:
    """Move an end offset past harakat/tatweel that normalisation dropped ("ملياراتٍ")."""
    m = _MARKS.match(text, end)  # the pattern matches the empty string: never None
    return m.end() if m else end


def _is_change_word(word: str | None, change_words: frozenset[str]) -> bool:
    """"ارتفع", "وارتفع", "لرفع", "ولزيادة": a change word behind up to two clitic letters."""
    if not word:
        return False
    return any(word[n:] in change_words for n in range(3) if len(word) - n >= 3
               and all(c in "وفلب" for c in word[:n]))


def _is_label(sc: _Scanner, i: int) -> bool:
    """A number glued by a dash to a word is a model name or code: إس-400, سو-35."""
    dash, word = sc.tok(i - 1), sc.tok(i - 2)
    return (dash is not None and word is not None and dash.kind == "dash"
            and word.kind in ("word", "other") and word.e == dash.s and dash.e == sc.toks[i].s)


def _skip_conj(tok: _Tok, sc: _Scanner) -> int:
    """Start a qualifier after a glued و/ف but keep ب: "ونحو" → "نحو", "وبنحو" → "بنحو"."""
    rest = tok.text[1:]
    if tok.text[:1] in CONJUNCTIONS and any(
            p[0] in (rest, rest[1:] if rest[:1] == "ب" else None) for p, _ in sc.v.qualifiers):
        return tok.s + 1
    return tok.s


def find_numbers(text: str) -> list[NumberMention]:
    """Every number expression in ``text``, in order, with offsets into ``text``."""
    if not text:
        return []
    norm = normalize_with_offsets(text)
    toks = _tokenize(norm.text)
    sc = _Scanner(norm.text, toks, text)
    out: list[NumberMention] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        if t.kind not in ("num", "word"):
            i += 1
            continue
        if t.kind == "word" and not sc.may_be_number_word(t.text):
            i += 1
            continue
        if t.kind == "num" and sc.is_date_or_time(i):
            i = _skip_stamp(sc, i)
            continue
        read = _read_mention(sc, i)
        if read is None:
            i += 1
            continue
        fields, nxt = read
        if fields is not None:
            out.append(_mention_from_fields(sc, norm, fields))
        i = max(nxt, i + 1)
    return out


def _skip_stamp(sc: _Scanner, i: int) -> int:
    """Skip a whole date/time stamp: 19/8/2024, 15:40:02."""
    while sc.is_date_or_time(i):
        i += 2
    return i + 1


_EDGE = re.compile(r"^[\s\W_]*$")


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
