"""Arabic-aware search: query syntax, index terms, matching and snippets.

One pipeline turns text into *search keys* for both the index and the query, so the two always
agree: normalise (alef/ya/ta marbuta, digits, harakat) → split into letter runs and digit runs →
drop one leading clitic group (و ف ب ل ك ال) → drop one common suffix (ات ون ين ه). Thus والطاقة,
الطاقة and طاقة share a key, and so do العلاقات and علاقة. Stripping cannot tell a clitic from a
first letter (بوتين keys as وتين, لبوتين as بوت), so a query word also looks for the keys of its
clitic-prefixed forms: بوتين searches وتين OR بوت OR …, and finds بوتين, لبوتين and وبوتين.
The keys are plain alphanumeric strings joined by spaces, which SQLite FTS5 (``ascii`` tokenizer)
and PostgreSQL (a tsvector we build ourselves, no parser in between) index identically.

Query syntax: words (implicit AND), "exact phrases", -exclusion, OR / أو between alternatives.
Everything else a user types is treated as text: FTS operators and SQL metacharacters never reach
the database as syntax (keys are alphanumeric, and values travel as bind parameters).
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterable, Sequence

from .lexicons import lexicon_path
from .normalize import keeps_positions, normalize, normalize_with_offsets, strip_clitics, strip_harakat

MAX_KEY_LEN = 60  # PostgreSQL lexemes are limited; nothing real is this long
MAX_QUERY_TERMS = 32
# Clitic groups a query word may carry in a text (one group or two stacked, e.g. و+ب).
_QUERY_CLITICS = ("", "و", "ف", "ب", "ل", "ك", "ال", "وال", "فال", "بال", "كال", "لل", "وبال",
                  "وب", "ول", "وك", "فب", "فل", "فك", "ولل", "فلل")
_SUFFIXES = ("ات", "ون", "ين", "ه")
_MIN_STEM = 3
# Letter runs and digit runs are separate tokens: "2024م" and "لـ24" index 2024 and 24.
_TOKEN = re.compile(r"\d+|[^\W\d_]+")
_QUERY_PART = re.compile(r'(-?)"([^"]*)"?|(\S+)')
_OR_WORDS = {"or", "او"}  # "او" is أو normalised


def light_stem(word: str) -> str:
    """Drop one common plural/feminine suffix when at least three letters remain."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_STEM:
            return word[: -len(suffix)]
    return word


def key_of(token: str) -> str:
    """Search key of one normalised token."""
    token = token.lower()[:MAX_KEY_LEN]
    if token.isdigit():
        return token
    return light_stem(strip_clitics(token))


def text_keys(text: str) -> list[str]:
    """Search keys of ``text`` in order (the index content and the phrase positions)."""
    return [key_of(t) for t in _TOKEN.findall(normalize(text))]


def index_string(title: str | None, body: str | None) -> str:
    """The space-separated key string stored in the search index for one article."""
    return " ".join(text_keys(f"{title or ''}\n{body or ''}"))


def word_keys(norm_word: str) -> tuple[str, ...]:
    """Keys a query word matches: its own key first, then those of its clitic-prefixed forms."""
    if norm_word.isdigit():
        return (key_of(norm_word),)
    return tuple(dict.fromkeys(key_of(p + norm_word) for p in _QUERY_CLITICS))


@dataclass(frozen=True)
class Term:
    """One word (a single key) or one phrase (several keys in a row).

    ``first_keys`` are the alternative keys of the first word (see ``word_keys``); later words of a
    phrase must appear as written (one key each), which keeps a phrase to a handful of variants.
    """

    keys: tuple[str, ...]
    first_keys: tuple[str, ...] = ()

    @property
    def is_phrase(self) -> bool:
        return len(self.keys) > 1

    @property
    def variants(self) -> tuple[tuple[str, ...], ...]:
        """Key sequences any of which matches the term."""
        firsts = self.first_keys or self.keys[:1]
        return tuple((k, *self.keys[1:]) for k in dict.fromkeys((self.keys[0], *firsts)))


@dataclass(frozen=True)
class Query:
    """AND over ``clauses`` (each an OR over terms), minus any document containing ``excluded``."""

    clauses: tuple[tuple[Term, ...], ...] = ()
    excluded: tuple[Term, ...] = ()
    text: str = ""

    @property
    def is_empty(self) -> bool:
        return not self.clauses and not self.excluded

    def positive_keys(self) -> set[str]:
        return {k for clause in self.clauses for term in clause for v in term.variants for k in v}


@dataclass
class _Part:
    term: Term | None
    negative: bool = False
    is_or: bool = False


def _parts(q: str) -> list[_Part]:
    parts: list[_Part] = []
    for m in _QUERY_PART.finditer(q):
        neg, phrase, word = m.group(1), m.group(2), m.group(3)
        if word is not None:
            if normalize(word).lower() in _OR_WORDS:
                parts.append(_Part(None, is_or=True))
                continue
            neg = "-" if word.startswith("-") and len(word) > 1 else ""
            # A word with punctuation inside (a-b, x.y) is a small phrase of its pieces.
            text = word
        else:
            text = phrase
        tokens = _TOKEN.findall(normalize(text))
        if tokens:
            term = Term(tuple(key_of(t) for t in tokens), word_keys(tokens[0].lower()[:MAX_KEY_LEN]))
            parts.append(_Part(term, negative=bool(neg)))
    return parts


def parse_query(q: str | None) -> Query:
    """Parse user input into a ``Query``; never raises, whatever the input."""
    q = (q or "").replace("\x00", " ")
    clauses: list[list[Term]] = []
    excluded: list[Term] = []
    pending_or = False
    for part in _parts(q):
        if part.is_or:
            pending_or = bool(clauses)
            continue
        assert part.term is not None
        if part.negative:
            excluded.append(part.term)
            pending_or = False
        elif pending_or:
            clauses[-1].append(part.term)
            pending_or = False
        else:
            clauses.append([part.term])
    clauses = clauses[:MAX_QUERY_TERMS]
    return Query(tuple(tuple(dict.fromkeys(c)) for c in clauses),
                 tuple(dict.fromkeys(excluded[:MAX_QUERY_TERMS])), q.strip())


# --- database query strings (values are bound as parameters, never spliced into SQL) ---------

def _fts5_term(term: Term) -> str:
    return " OR ".join('"' + " ".join(v) + '"' for v in term.variants)


def _fts5_or(terms: Sequence[Term]) -> str:
    return "(" + " OR ".join(_fts5_term(t) for t in terms) + ")"


def fts5_match(query: Query) -> str | None:
    """FTS5 MATCH string for the positive part of ``query`` (None when there is none)."""
    if not query.clauses:
        return None
    return " AND ".join(_fts5_or(c) for c in query.clauses)


def fts5_exclusion(query: Query) -> str | None:
    """FTS5 MATCH string matching any excluded term."""
    return _fts5_or(query.excluded) if query.excluded else None


def _ts_lexeme(key: str) -> str:
    return "'" + key.replace("\\", "\\\\").replace("'", "''") + "'"


def _ts_term(term: Term) -> str:
    return " | ".join("(" + " <-> ".join(_ts_lexeme(k) for k in v) + ")" for v in term.variants)


def _ts_or(terms: Sequence[Term]) -> str:
    return "(" + " | ".join(_ts_term(t) for t in terms) + ")"


def tsquery(query: Query) -> str | None:
    """PostgreSQL tsquery literal for the positive part of ``query``."""
    if not query.clauses:
        return None
    return " & ".join(_ts_or(c) for c in query.clauses)


def ts_exclusion(query: Query) -> str | None:
    return _ts_or(query.excluded) if query.excluded else None


def tsvector_literal(index_text: str) -> str:
    """A tsvector literal with positions for a key string (PostgreSQL caps positions at 16383)."""
    positions: dict[str, list[int]] = {}
    for i, key in enumerate(index_text.split(), start=1):
        positions.setdefault(key, []).append(min(i, 16383))
    return " ".join(f"{_ts_lexeme(k)}:{','.join(map(str, dict.fromkeys(p)))}"
                    for k, p in positions.items())


# --- matching in Python (reference semantics, KWIC and highlighting) -------------------------

def _contains(keys: Sequence[str], key_set: set[str], term: Term) -> bool:
    if not term.is_phrase:
        return any(v[0] in key_set for v in term.variants)
    n = len(term.keys)
    return any(v[0] in key_set and any(keys[i] == v[0] and tuple(keys[i:i + n]) == v
                                       for i in range(len(keys) - n + 1))
               for v in term.variants)


def matches_keys(query: Query, keys: Sequence[str]) -> bool:
    """Does a document with these keys match? (The reference the databases must agree with.)"""
    key_set = set(keys)
    if any(_contains(keys, key_set, t) for t in query.excluded):
        return False
    return all(any(_contains(keys, key_set, t) for t in clause) for clause in query.clauses)


def matches(query: Query, text: str) -> bool:
    return matches_keys(query, text_keys(text))


def _padded(variant: Sequence[str]) -> str:
    return " " + " ".join(variant) + " "


def key_string_matcher(query: Query) -> Callable[[str], bool]:
    """A test of one stored index string (``index_string``: keys joined by single spaces) that
    equals ``matches_keys`` on its keys: a term's variant is its keys as a run of whole keys,
    ``" k1 k2 "`` inside ``" " + keys + " "`` (keys hold no spaces). Substring tests, no splitting."""
    clauses = [tuple(_padded(v) for t in clause for v in t.variants) for clause in query.clauses]
    excluded = tuple(_padded(v) for t in query.excluded for v in t.variants)

    def match(index_text: str) -> bool:
        padded = f" {index_text} "
        return not any(v in padded for v in excluded) and all(any(v in padded for v in c) for c in clauses)
    return match


@dataclass(frozen=True)
class Hit:
    start: int  # span in the ORIGINAL text
    end: int


def _past_marks(text: str, pos: int) -> int:
    """Extend a span over the harakat and tatweel that follow its last letter."""
    while pos < len(text) and (text[pos] == "\u0640" or unicodedata.category(text[pos]) == "Mn"):
        pos += 1
    return pos


@dataclass(frozen=True)
class _Plan:
    """What finding hits needs from a query, worked out once per query."""

    wanted: frozenset[str]  # every key of the positive terms
    pattern: re.Pattern[str] | None  # finds any of them (longest first) in lower-cased text
    singles: frozenset[str]  # keys that are a hit on their own
    phrases: tuple[tuple[str, ...], ...]  # key sequences that are a hit together
    longest: int  # keys in the longest of those


@lru_cache(maxsize=256)
def _plan(query: Query) -> _Plan:
    wanted = frozenset(query.positive_keys())
    pattern = re.compile("|".join(re.escape(k) for k in sorted(wanted, key=lambda k: (-len(k), k)))) \
        if wanted else None
    variants = [(t, v) for c in query.clauses for t in c for v in t.variants]
    return _Plan(wanted, pattern, frozenset(v[0] for t, v in variants if not t.is_phrase),
                 tuple(v for t, v in variants if t.is_phrase), max((len(v) for _, v in variants), default=1))


def _candidate_tokens(plan: _Plan, norm_text: str, spans: list[tuple[int, int]]) -> list[int]:
    """Indexes of the tokens that contain one of the query's keys, in order.

    A key is a substring of its lower-cased token and never spans two tokens (keys are all letters
    or all digits), so one regex pass over the text finds every token that can match, and only
    those get keyed. Most tokens of an article contain no query key.
    """
    if plan.pattern is None:
        return []
    lower = norm_text.lower()
    if len(lower) != len(norm_text):  # lower-casing changed offsets (rare letters): test each token
        return [i for i, (a, b) in enumerate(spans) if any(k in norm_text[a:b].lower() for k in plan.wanted)]
    starts = [a for a, _ in spans]
    found: list[int] = []
    for m in plan.pattern.finditer(lower):
        i = bisect_right(starts, m.start()) - 1
        if i >= 0 and spans[i][1] > m.start() and (not found or found[-1] != i):
            found.append(i)
    return found


def _covered(plan: _Plan, norm_text: str, spans: list[tuple[int, int]],
             complete: int) -> list[tuple[int, int]]:
    """Token index ranges of the hits among the first ``complete`` tokens (phrases inside them)."""
    keys: dict[int, str] = {}

    def key_at(i: int) -> str:
        if i not in keys:
            keys[i] = key_of(norm_text[spans[i][0]:spans[i][1]]) if i < complete else ""
        return keys[i]

    covered: list[tuple[int, int]] = []
    for i in _candidate_tokens(plan, norm_text, spans[:complete]):
        key = key_at(i)
        if key in plan.singles:
            covered.append((i, i + 1))
        for ph in plan.phrases:
            if key == ph[0] and all(key_at(i + j) == ph[j] for j in range(1, len(ph))):
                covered.append((i, i + len(ph)))
    return sorted(covered)


def _to_hits(text: str, offsets: Sequence[int], spans: list[tuple[int, int]],
             covered: list[tuple[int, int]]) -> list[Hit]:
    """Hits in the original ``text`` of the token ranges ``covered`` (``offsets``: the index in
    ``text`` of each normalised character, and of the end)."""
    hits: list[Hit] = []
    for a, b in covered:
        start, end = offsets[spans[a][0]], _past_marks(text, offsets[spans[b - 1][1] - 1] + 1)
        if hits and start <= hits[-1].end:
            hits[-1] = Hit(hits[-1].start, max(end, hits[-1].end))
        else:
            hits.append(Hit(start, end))
    return hits


def find_hits(query: Query, text: str) -> list[Hit]:
    """Spans of the original ``text`` whose words are positive query terms (phrases as a whole)."""
    norm = normalize_with_offsets(text)
    spans = [m.span() for m in _TOKEN.finditer(norm.text)]
    return _to_hits(text, norm.offsets, spans, _covered(_plan(query), norm.text, spans, len(spans)))


def _normalized_piece(text: str, start: int, end: int, prefix: str) -> tuple[str, Sequence[int]]:
    """``text[start:end]`` normalised, and the index in ``text`` of each of its characters (and
    of its end): a plain range when normalising moved nothing (most texts have no harakat).
    ``prefix``: the normalised opening of ``text`` when that moved nothing ("" when unknown)."""
    if end <= len(prefix):
        return prefix[start:end], range(start, end + 1)
    piece = text[start:end]
    if keeps_positions(piece):
        return normalize(piece), range(start, start + len(piece) + 1)
    norm = normalize_with_offsets(piece)
    return norm.text, [start + o for o in norm.offsets]


@dataclass(frozen=True)
class _Start:
    """Where hits can start in a text: no word before ``begin`` (just after a space) holds a
    query key, the first one found is at ``first``; ``prefix``, the normalised opening read to
    find it when normalising moved no character ("" otherwise)."""

    begin: int
    first: int
    prefix: str


def _hits_start(plan: _Plan, text: str, look: int) -> _Start | None:
    """Where the words that can hold hits start; None when no word holds a query key.

    Prefixes of ``look``, four times that, … characters are normalised until one holds a key (a
    prefix normalises to a prefix of the normalised text). Keys never cross a space, so no word
    before the last space ahead of the first key holds one, and hits start after that space."""
    assert plan.pattern is not None
    size = look
    while True:
        piece = text[:size]
        norm = normalize(piece)
        lower = norm.lower()
        first = plan.pattern.search(lower)
        if first is not None:
            if len(lower) != len(norm):  # lower-casing moved positions (rare letters): from the start
                return _Start(0, 0, "")
            if keeps_positions(piece):
                return _Start(text.rfind(" ", 0, first.start()) + 1, first.start(), norm)
            pos = normalize_with_offsets(piece).offsets[first.start()]
            return _Start(text.rfind(" ", 0, pos) + 1, pos, "")
        if size >= len(text):
            return None
        size *= 4


def _leading_hits(query: Query, text: str, width: int) -> list[Hit]:
    """The hits ``snippet`` shows (the first hit and those starting within ``width`` after it),
    as ``find_hits`` finds them, reading only as much of ``text`` as that needs.

    Normalisation maps each character on its own, so a piece of the text starting at a space
    normalises to the matching piece of the normalised text, with the same tokens except the last
    one (it may be cut). The piece starts at the space before the first query key (no hit starts
    earlier, ``_hits_start``). Hits that start before its last ``longest phrase`` tokens are then
    exactly the full text's; when the first of them and the snippet window after it end before
    that point, the rest of the text cannot change the snippet. Otherwise a four times longer
    piece is read, up to the whole rest of the text.
    """
    plan = _plan(query)
    if plan.pattern is None:
        return []
    start = _hits_start(plan, text, 2 * width + 80)
    if start is None:
        return []  # no token holds a query key (a match in the title only, say): no hits
    begin = start.begin
    # Enough for the first key and the window after it; too short only costs another round.
    size = start.first - begin + width + 100
    while begin + size < len(text):
        norm, offsets = _normalized_piece(text, begin, begin + size, start.prefix)
        spans = [m.span() for m in _TOKEN.finditer(norm)]
        complete = len(spans) - 1 if spans and spans[-1][1] == len(norm) else len(spans)
        safe = complete - (plan.longest - 1)  # ranges starting before token ``safe`` are all known
        if safe > 0:
            covered = [r for r in _covered(plan, norm, spans, complete) if r[0] < safe]
            hits = _to_hits(text, offsets, spans, covered)
            safe_pos = offsets[spans[safe][0]] if safe < len(spans) else begin + size
            if hits and hits[0].end + width <= safe_pos and _snap_right(text, hits[0].end + width) <= safe_pos:
                return hits
        size *= 4
    norm, offsets = _normalized_piece(text, begin, len(text), start.prefix)
    spans = [m.span() for m in _TOKEN.finditer(norm)]
    return _to_hits(text, offsets, spans, _covered(plan, norm, spans, len(spans)))


_SPACE = re.compile(r"\s+")


def _snap_left(text: str, pos: int) -> int:
    if pos <= 0:
        return 0
    space = text.rfind(" ", 0, pos)
    return pos if space < 0 or pos - space > 20 else space + 1


def _snap_right(text: str, pos: int) -> int:
    if pos >= len(text):
        return len(text)
    space = text.find(" ", pos)
    return pos if space < 0 or space - pos > 20 else space


def snippet(query: Query, text: str, width: int = 110) -> list[tuple[str, bool]]:
    """Segments (text, is_hit) of the original ``text`` around its first hits.

    Without hits (an exclusion-only query, or a title-only match) the opening of the text.
    """
    hits = _leading_hits(query, text, width)
    if not hits:
        head = text[: 2 * width]
        return [(_SPACE.sub(" ", head).strip() + ("…" if len(text) > 2 * width else ""), False)]
    start = _snap_left(text, hits[0].start - width)
    end = _snap_right(text, hits[0].end + width)
    segments: list[tuple[str, bool]] = []
    if start > 0:
        segments.append(("…", False))
    pos = start
    for hit in hits:
        if hit.start >= end:
            break
        if hit.start > pos:
            segments.append((_SPACE.sub(" ", text[pos:hit.start]), False))
        segments.append((text[hit.start:min(hit.end, end)], True))
        pos = min(hit.end, end)
    if pos < end:
        segments.append((_SPACE.sub(" ", text[pos:end]), False))
    if end < len(text):
        segments.append(("…", False))
    return segments


def kwic_lines(query: Query, text: str, width: int = 60) -> list[tuple[str, str, str]]:
    """(left, match, right) for each hit in the original ``text``."""
    out = []
    for hit in find_hits(query, text):
        left = _SPACE.sub(" ", text[max(0, hit.start - width):hit.start])
        right = _SPACE.sub(" ", text[hit.end:hit.end + width])
        out.append((left, text[hit.start:hit.end], right))
    return out


def brute_force(query: Query, docs: Iterable[tuple[int, str]]) -> set[int]:
    """Ids of the documents matching ``query`` by a plain scan (for tests and small sets)."""
    return {doc_id for doc_id, text in docs if matches(query, text)}


# --- words for frequency lists -------------------------------------------------------------

STOPWORDS_FILE = "stopwords.txt"


@lru_cache(maxsize=1)
def load_stopwords() -> frozenset[str]:
    """Normalised stop words from data/lexicons/stopwords.txt (one per line, # comments)."""
    lines = lexicon_path(STOPWORDS_FILE).read_text(encoding="utf-8").splitlines()
    return frozenset(normalize(w.strip()) for w in lines if w.strip() and not w.startswith("#"))


def is_stopword(norm_word: str, stop: frozenset[str]) -> bool:
    return norm_word in stop or strip_clitics(norm_word) in stop


# A written word: Arabic letters with their harakat/tatweel, or Latin letters.
_WRITTEN_WORD = re.compile(r"[\u0621-\u063A\u0641-\u064A\u0671-\u06D3\u064B-\u065F\u0670\u0640]+|[A-Za-z]+")


COMPOUNDS_FILE = "compound_terms.txt"


@lru_cache(maxsize=1)
def load_compounds() -> frozenset[tuple[str, str]]:
    """Two-word names kept together in word counts (data/lexicons/compound_terms.txt), normalised."""
    try:
        lines = lexicon_path(COMPOUNDS_FILE).read_text(encoding="utf-8").splitlines()
    except OSError:
        return frozenset()
    pairs = (normalize(line).split() for line in lines if line.strip() and not line.startswith("#"))
    return frozenset((p[0], p[1]) for p in pairs if len(p) == 2)


def written_words(text: str) -> list[str]:
    """Words as written in ``text`` (regex only: fast enough for thousands of articles); the
    two-word names of compound_terms.txt (قره باغ) come out as one word."""
    words = _WRITTEN_WORD.findall(text)
    compounds = load_compounds()
    if not compounds:
        return words
    firsts = {a for a, _ in compounds}
    out: list[str] = []
    i = 0
    while i < len(words):
        word = words[i]
        if i + 1 < len(words) and len(word) <= 12 and normalize(word) in firsts \
                and (normalize(word), normalize(words[i + 1])) in compounds:
            out.append(f"{word} {words[i + 1]}")
            i += 2
            continue
        out.append(word)
        i += 1
    return out


def top_words(counts: Counter[str], top: int = 80) -> list[tuple[str, int]]:
    """Merge written variants by normalised form, drop stop words and one-letter words.

    Each word is shown in its most frequent spelling (harakat removed).
    """
    stop = load_stopwords()
    totals: Counter[str] = Counter()
    spelled: dict[str, Counter[str]] = {}
    for word, n in counts.items():
        norm = normalize(word)
        if len(norm) < 2 or is_stopword(norm, stop) or (norm[:1] in "وف" and norm[1:] in stop):
            continue
        totals[norm] += n
        spelled.setdefault(norm, Counter())[strip_harakat(word)] += n
    # و/ف joined to a word that also stands alone is the same word (وأذربيجان → أذربيجان).
    for norm in [w for w in totals if len(w) > 3 and w[0] in "وف" and w[1:] in totals]:
        totals[norm[1:]] += totals.pop(norm)
        spelled[norm[1:]].update(spelled.pop(norm))
    return [(max(spelled[w].items(), key=lambda kv: (kv[0] in spelled_alone(w, spelled), kv[1]))[0], n)
            for w, n in totals.most_common(top)]


def spelled_alone(norm: str, spelled: dict[str, Counter[str]]) -> set[str]:
    """Spellings of ``norm`` without a merged و/ف prefix (the form to show)."""
    return {s for s in spelled.get(norm, ()) if normalize(s) == norm}
