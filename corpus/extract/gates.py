"""The words a pattern's matches can start with, read from the pattern itself: a cheap test
(a set intersection with a text's words) before a search that would try every position.

Most lexicon patterns are "(?<![^\\W_]) clitics, one of many forms, suffixes (?![^\\W_])": every match
starts at the start of a word of the text and its first word is one of a finite set of spellings.
``first_words`` lists that set by walking the parsed pattern; where it cannot be sure (a match that
may start inside a word, a repeat of letters, an anchor) it says None and the pattern is always
searched. So ``may_match`` never says no to a text the pattern matches.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from collections.abc import Iterable
from typing import Any

from re import _constants as C  # type: ignore[attr-defined]  # the parser's opcodes
from re import _parser  # type: ignore[attr-defined]

# A word of normalised text, as the patterns' boundaries (?<![^\W_]) and (?![^\W_]) see it.
WORD = re.compile(r"[^\W_]+")
_WORD_CHAR = re.compile(r"[^\W_]")
_BOUNDARY = _parser.parse(r"[^\W_]").data  # the body of (?<![^\W_]) and (?![^\W_])
_MAX_SET = 24  # a character class enumerated letter by letter only when this small
_MAX_WORDS = 200_000
_MAX_DEPTH = 200


class _Unknown(Exception):
    """The walk cannot tell a match's first word."""


def text_words(text: str) -> frozenset[str]:
    return frozenset(WORD.findall(text))


@lru_cache(maxsize=4096)
def first_words(pattern: re.Pattern) -> frozenset[str] | None:
    """Every first word a match of ``pattern`` can have (a match starting at a word's start, its
    first word a finite spelling), or None when that cannot be read from the pattern."""
    if pattern.flags & ~re.UNICODE:
        return None
    try:
        items = list(_parser.parse(pattern.pattern).data)
        out: set[str] = set()
        _walk(items, "", True, out, 0, {})
        return frozenset(out)
    except (_Unknown, RecursionError):
        return None


def may_match(pattern: re.Pattern, words: frozenset[str]) -> bool:
    """False only when no match of ``pattern`` can lie in a text whose words are ``words``."""
    firsts = _firsts(pattern)
    return firsts is None or not words.isdisjoint(firsts)


Token = tuple[int, str]  # (start, word) of a word of a text


def text_tokens(text: str, pos: int = 0, endpos: int | None = None) -> tuple[Token, ...]:
    """The words of ``text`` (of text[pos:endpos], as a pattern searching there sees it)."""
    found = list(WORD.finditer(text, pos, len(text) if endpos is None else endpos))
    return tuple(zip(map(_START, found), map(_GROUP, found)))  # (m.start(), m.group()) of each, in C


_START, _GROUP = re.Match.start, re.Match.group


@lru_cache(maxsize=64)
def article_tokens(text: str) -> tuple[tuple[Token, ...], tuple[int, ...]]:
    """The words of a whole text and their starts, read once for every stage that asks."""
    tokens = text_tokens(text)
    return tokens, tuple(pos for pos, _ in tokens)


def tokens_between(article: tuple[tuple[Token, ...], tuple[int, ...]], pos: int, endpos: int) -> tuple[Token, ...]:
    """``text_tokens(text, pos, endpos)`` from ``article_tokens(text)``, for a stretch whose ends
    no word crosses (a line, a sentence)."""
    tokens, starts = article
    return tokens[bisect.bisect_left(starts, pos):bisect.bisect_left(starts, endpos)]


def find_all(pattern: re.Pattern, text: str, tokens: tuple[Token, ...], pos: int = 0,
             endpos: int | None = None) -> list[re.Match]:
    """``list(pattern.finditer(text, pos, endpos))``, trying the pattern only at the words its
    matches can start with (``tokens``: the words of that stretch, or of a text it was made from
    by blanking words)."""
    endpos = len(text) if endpos is None else endpos
    known = _known.get(id(pattern))  # _firsts and _words_of inlined: called ~100 times an article
    firsts = known[1] if known is not None and known[0] is pattern else _firsts(pattern)
    if firsts is None:
        return list(pattern.finditer(text, pos, endpos))
    seen = _token_words.get(id(tokens))
    if firsts.isdisjoint(seen[1] if seen is not None and seen[0] is tokens else _words_of(tokens)):
        return []  # most patterns, most stretches: none of their first words is there
    out = []
    floor = pos  # where the previous match ended: finditer goes on from there
    for start, word in tokens:
        if start >= floor and word in firsts:
            m = pattern.match(text, start, endpos)
            if m is not None:
                out.append(m)
                floor = m.end()
    return out


def find_first(pattern: re.Pattern, text: str, tokens: tuple[Token, ...]) -> re.Match | None:
    """``pattern.search(text)``, tried only where ``find_all`` tries it."""
    known = _known.get(id(pattern))  # as in find_all
    firsts = known[1] if known is not None and known[0] is pattern else _firsts(pattern)
    if firsts is None:
        return pattern.search(text)
    seen = _token_words.get(id(tokens))
    if firsts.isdisjoint(seen[1] if seen is not None and seen[0] is tokens else _words_of(tokens)):
        return None
    for start, word in tokens:
        if word in firsts:
            m = pattern.match(text, start)
            if m is not None:
                return m
    return None


def firsts_of_all(patterns: Iterable[re.Pattern]) -> frozenset[str] | None:
    """Every first word a match of any of ``patterns`` can have (None when one of them cannot be
    read): for ``none_can_match``, which rules a whole table of patterns out with one set test."""
    out: set[str] = set()
    for pattern in patterns:
        firsts = _firsts(pattern)
        if firsts is None:
            return None
        out |= firsts
    return frozenset(out)


def none_can_match(firsts: frozenset[str] | None, tokens: tuple[Token, ...]) -> bool:
    """True only when ``find_all`` of each pattern whose first words ``firsts`` (``firsts_of_all``)
    gathers would find nothing in the stretch of ``tokens``: none of their first words is there."""
    return firsts is not None and firsts.isdisjoint(_words_of(tokens))


def _firsts(pattern: re.Pattern) -> frozenset[str] | None:
    known = _known.get(id(pattern))
    if known is None or known[0] is not pattern:  # hashing a pattern hashes its whole code
        known = _known[id(pattern)] = (pattern, first_words(pattern))
    return known[1]


# id(pattern) → (pattern, its first words); the pattern is kept, so its id is not reused.
_known: dict[int, tuple[re.Pattern, frozenset[str] | None]] = {}


def _words_of(tokens: tuple[Token, ...]) -> frozenset[str]:
    """The words of ``tokens`` as a set: a stretch's tokens are asked about by many patterns in a
    row (a sentence's meeting terms, a line's people), each ruled out by one set test."""
    known = _token_words.get(id(tokens))
    if known is None or known[0] is not tokens:
        if len(_token_words) >= _MAX_TOKEN_WORDS:
            _token_words.clear()
        known = _token_words[id(tokens)] = (tokens, frozenset(word for _, word in tokens))
    return known[1]


# id(tokens) → (tokens, their words), for the last few hundred stretches; the tuple is kept, so
# its id is not reused while it is here.
_token_words: dict[int, tuple[tuple[Token, ...], frozenset[str]]] = {}
_MAX_TOKEN_WORDS = 256


def _is_boundary(av: Any) -> bool:
    return list(av[1].data) == list(_BOUNDARY)


# What a walk remembers: id of each item of a list walked after some letters → (the list, the
# endings it adds to any such letters); the list is kept, so its items' ids are not reused.
_Memo = dict[tuple[int, ...], tuple[list, frozenset[str]]]
_SOME_LETTERS = "\0"  # stands for the letters read so far while the endings are collected


def _walk(items: list, acc: str, at_start: bool, out: set[str], depth: int, memo: _Memo) -> None:
    """Add to ``out`` the first words of the matches of ``items`` after ``acc`` (the word's
    letters read so far); ``at_start``: nothing consumed yet."""
    if depth > _MAX_DEPTH or len(out) > _MAX_WORDS:
        raise _Unknown
    if not items:
        raise _Unknown  # the pattern ends inside its first word: the text's word may go on
    (op, av), rest = items[0], items[1:]
    if acc and not at_start and op in (C.BRANCH, C.SUBPATTERN):
        return _walk_after_letters(items, acc, out, depth, memo)
    if op is C.ASSERT_NOT:
        if av[0] == -1 and at_start and _is_boundary(av):
            return _walk(rest, acc, False, out, depth + 1, memo)  # the match starts a word
        if av[0] == 1 and acc and _is_boundary(av):
            out.add(acc)  # (?![^\W_]): the word ends here
            return None
        if at_start and av[0] == -1:
            raise _Unknown  # the match may start inside a word
        return _walk(rest, acc, at_start, out, depth + 1, memo)  # it only narrows the matches (a lookahead first too)
    if op is C.BRANCH or op is C.SUBPATTERN:
        return _walk_group(op, av, rest, acc, at_start, out, depth, memo)
    if op is C.ASSERT and not (at_start and av[0] == -1):
        return _walk(rest, acc, at_start, out, depth + 1, memo)  # zero-width, only narrows
    if at_start:
        raise _Unknown  # something consumed before the match is known to start a word
    if op is C.LITERAL:
        return _letter(chr(av), rest, acc, out, depth, memo)
    if op is C.IN:
        chars = _set_chars(av)
        if chars is None:
            if acc and _never_word(av):
                out.add(acc)  # a space or punctuation ends the word
                return None
            raise _Unknown
        for ch in chars:
            _letter(ch, rest, acc, out, depth, memo)
        return None
    if op in (C.MAX_REPEAT, C.MIN_REPEAT):
        lo, hi, body = av
        if lo == 0:
            _walk(rest, acc, at_start, out, depth + 1, memo)
        if hi == 0:
            return None
        again = [] if hi == 1 else [(op, (max(lo - 1, 0), hi if hi is C.MAXREPEAT else hi - 1, body))]
        return _walk(list(body.data) + again + rest, acc, at_start, out, depth + 1, memo)
    raise _Unknown  # anchors, back references, any character…


def _walk_group(op: Any, av: Any, rest: list, acc: str, at_start: bool, out: set[str], depth: int,
                memo: _Memo) -> None:
    """``_walk`` of an alternation or a group, then ``rest``."""
    if op is C.BRANCH:
        for alt in av[1]:
            _walk(list(alt.data) + rest, acc, at_start, out, depth + 1, memo)
        return None
    if av[1] or av[2]:
        raise _Unknown  # inline flags
    return _walk(list(av[3].data) + rest, acc, at_start, out, depth + 1, memo)


def _walk_after_letters(items: list, acc: str, out: set[str], depth: int, memo: _Memo) -> None:
    """``_walk`` of ``items`` (an alternation or a group first) after the letters ``acc``: what it
    adds is ``acc`` followed by endings that do not depend on those letters, read once per list
    (a word list walked after each of its clitics, suffixes after each of its words)."""
    key = tuple(map(id, items))
    known = memo.get(key)
    if known is None:
        found: set[str] = set()
        (op, av), rest = items[0], items[1:]
        _walk_group(op, av, rest, _SOME_LETTERS, False, found, depth, memo)
        known = memo[key] = (items, frozenset(word[len(_SOME_LETTERS):] for word in found))
    out.update([acc + ending for ending in known[1]])
    if len(out) > _MAX_WORDS:
        raise _Unknown


def _letter(ch: str, rest: list, acc: str, out: set[str], depth: int, memo: _Memo) -> None:
    if _WORD_CHAR.match(ch):
        _walk(rest, acc + ch, False, out, depth + 1, memo)
    elif acc:
        out.add(acc)  # a space or punctuation ends the word
    else:
        raise _Unknown  # a match that starts with punctuation


def _set_chars(av: list) -> list[str] | None:
    """The characters of a small class of single characters, else None."""
    chars: list[str] = []
    for op, v in av:
        if op is C.LITERAL:
            chars.append(chr(v))
        elif op is C.RANGE and v[1] - v[0] < _MAX_SET:
            chars += [chr(c) for c in range(v[0], v[1] + 1)]
        else:
            return None
    return chars if len(chars) <= _MAX_SET else None


def _never_word(av: list) -> bool:
    """Does the class hold only spaces and punctuation (never a letter or digit)?"""
    for op, v in av:
        if op is C.CATEGORY and v is C.CATEGORY_SPACE:
            continue
        if op is C.LITERAL and not _WORD_CHAR.match(chr(v)):
            continue
        return False
    return True


# The class each category stands for inside a character class.
_CATEGORY_CLASS = {C.CATEGORY_DIGIT: r"\d", C.CATEGORY_NOT_DIGIT: r"\D", C.CATEGORY_SPACE: r"\s",
                   C.CATEGORY_NOT_SPACE: r"\S", C.CATEGORY_WORD: r"\w", C.CATEGORY_NOT_WORD: r"\W"}


def with_first_char(pattern: re.Pattern) -> re.Pattern:
    """The same pattern behind a lookahead for the characters a match can start with: the same
    matches, and a position whose character cannot start one is left at the first test instead
    of after the pattern's branches and look-behinds. Unchanged when that set is unknown."""
    if pattern.flags & ~re.UNICODE:
        return pattern
    try:
        chars, nullable = _first(list(_parser.parse(pattern.pattern).data))
    except _Unknown:
        return pattern
    if nullable or not chars:
        return pattern  # an empty match needs no first character
    return re.compile(f"(?=[{''.join(sorted(set(chars)))}])(?:{pattern.pattern})")


def _first(items: list) -> tuple[list[str], bool]:
    """(class pieces a match of ``items`` can start with, whether it can match empty)."""
    out: list[str] = []
    for item in items:
        chars, nullable = _first_of(*item)
        out += chars
        if not nullable:
            return out, False
    return out, True


def _first_of(op: Any, av: Any) -> tuple[list[str], bool]:
    if op is C.LITERAL:
        return [re.escape(chr(av))], False
    if op is C.IN:
        pieces = []
        for kind, v in av:
            if kind is C.LITERAL:
                pieces.append(re.escape(chr(v)))
            elif kind is C.RANGE:
                pieces.append(f"{re.escape(chr(v[0]))}-{re.escape(chr(v[1]))}")
            elif kind is C.CATEGORY and v in _CATEGORY_CLASS:
                pieces.append(_CATEGORY_CLASS[v])
            else:
                raise _Unknown  # a negated class
        return pieces, False
    if op in (C.ASSERT, C.ASSERT_NOT, C.AT):
        return [], True  # zero-width
    if op is C.BRANCH:
        out, nullable = [], False
        for alt in av[1]:
            chars, empty = _first(list(alt.data))
            out += chars
            nullable = nullable or empty
        return out, nullable
    if op is C.SUBPATTERN:
        if av[1] or av[2]:
            raise _Unknown
        return _first(list(av[3].data))
    if op in (C.MAX_REPEAT, C.MIN_REPEAT):
        chars, empty = _first(list(av[2].data))
        return chars, empty or av[0] == 0
    raise _Unknown  # any character, a back reference…
