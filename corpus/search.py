"""Arabic-aware search: query syntax, index terms and matching (hits and snippets: ``snippets``).

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
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterable, Sequence

from .lexicons import lexicon_path
from .normalize import normalize, strip_clitics, strip_harakat

MAX_KEY_LEN = 60  # PostgreSQL lexemes are limited; nothing real is this long
MAX_QUERY_TERMS = 32
# Clitic groups a query word may carry in a text (one group or two stacked, e.g. و+ب).
_QUERY_CLITICS = ("", "و", "ف", "ب", "ل", "ك", "ال", "وال", "فال", "بال", "كال", "لل", "وبال",
                  "وب", "ول", "وك", "فب", "فل", "فك", "ولل", "فلل")
_SUFFIXES = ("ات", "ون", "ين", "ه")
_MIN_STEM = 3
# Letter runs and digit runs are separate tokens: "2024م" and "لـ24" index 2024 and 24.
TOKEN = re.compile(r"\d+|[^\W\d_]+")
_QUERY_PART = re.compile(r'(-?)"([^"]*)"?|(\S+)')
_OR_WORDS = {"or", "او"}  # "او" is أو normalised


def light_stem(word: str) -> str:
    """Drop one common plural/feminine suffix when at least three letters remain."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_STEM:
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=1 << 16)
def key_of(token: str) -> str:
    """Search key of one normalised token (remembered: an article's words are mostly the ones
    seen before, and keying each token was half of preparing an article for the store)."""
    token = token.lower()[:MAX_KEY_LEN]
    if token.isdigit():
        return token
    return light_stem(strip_clitics(token))


def text_keys(text: str) -> list[str]:
    """Search keys of ``text`` in order (the index content and the phrase positions)."""
    return list(map(key_of, TOKEN.findall(normalize(text))))


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
        tokens = TOKEN.findall(normalize(text))
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


# --- matching in Python (reference semantics) -----------------------------------------------

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
