"""Join the lines of hard-wrapped text back into its paragraphs.

Text copied from a PDF, an e-mail or a plain-text archive is often wrapped at a fixed width: a
paragraph is cut into lines of 60–100 characters, mid-sentence. Every reader of the text after this
(cleaning, headers, sentences, dates) takes a line end for a boundary, so a wrapped article loses
its sentences. A wrapped text shows itself by its line lengths: no line longer than a screen line,
and many lines filled close to the same width without a sentence's final mark. Only then are such
full lines joined to the line under them; short lines (a title, a dateline, a paragraph's last
line) and lines ending a sentence keep their line ends, and so does a line over a stamp standing
alone (a title over its date). When the cut lines agree with a greedy wrap (a word goes down only
when it does not fit), a line the next word would still have fitted on was not cut. The newline
becomes a space, so every offset into the text stays valid.

A line can also be cut at no width at all (a ``<br>`` inside a paragraph, a narrow column copied).
Such a cut shows itself only where the line ends with a word no Arabic sentence or headline ends
with (a preposition, a conjunction, a relative pronoun: ``lexicons/line_breaks.yaml``); there the
next line is joined on, whatever the widths.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .lexicons import load_yaml
from .normalize import normalize

# A wrapped text has no line longer than this; a text of one paragraph per line nearly always has.
MAX_WRAP_WIDTH = 120
# Nor is any text wrapped narrower than this: lines all shorter are headlines, lists, captions.
MIN_WRAP_WIDTH = 50
# A line this full (share of the widest line) was cut by the wrapping, unless it ends a sentence.
FULL_LINE = 0.7
# How many full unfinished lines, and what share of the non-empty lines, make a text wrapped.
MIN_WRAPPED_LINES = 3
MIN_WRAPPED_SHARE = 0.25
# Share of cut-looking lines whose next word would have fitted that a greedy wrap still allows
# (the lines that were not cut: a title, a paragraph's unpunctuated end).
GREEDY_MISFITS = 0.25

_FINISHED = re.compile(r"[.!?؟…:\"»”)\]]\s*$")
_SENTENCE_END = re.compile(r"[.!?؟…:]\W*$")
_LAST_WORD = re.compile(r"(\S+)\s*$")
# A stamp line: this many words at most, half of them without an Arabic letter.
MAX_STAMP_WORDS = 5
_NOT_ARABIC_WORD = re.compile(r"[^\u0600-\u06FF]+")
# A cut line holds a sentence's start; shorter lines ending so are page furniture whose link or
# icon was dropped ("تابعونا على", "تابعوا RT على").
MIN_CUT_LINE_WORDS = 5
# The next line goes on the sentence: it starts with a letter or a digit (not a list's dash, a
# bullet, a quote's mark).
_CONTINUES = re.compile(r"^\s*[^\W_]")


@lru_cache(maxsize=1)
def _unfinished_ends() -> frozenset[str]:
    return frozenset(normalize(w) for w in load_yaml("line_breaks.yaml")["unfinished_line_end"])


def _ends_unfinished(line: str) -> bool:
    """``line`` holds a sentence's start and ends with a word that cannot end a sentence (``في``,
    ``التي``, ``أن`` …)."""
    if len(line.split()) < MIN_CUT_LINE_WORDS:
        return False
    last = _LAST_WORD.search(line)
    return last is not None and normalize(last.group(1)) in _unfinished_ends()


def _wrap_width(lines: list[str]) -> int | None:
    """The width ``lines`` were wrapped at, or None when they do not look wrapped."""
    filled = [ln.rstrip() for ln in lines if ln.strip()]
    if len(filled) < MIN_WRAPPED_LINES:
        return None
    width = max(len(ln) for ln in filled)
    if not MIN_WRAP_WIDTH <= width <= MAX_WRAP_WIDTH:
        return None
    cut = sum(1 for ln in filled if len(ln) >= FULL_LINE * width and not _FINISHED.search(ln))
    if cut < MIN_WRAPPED_LINES or cut < MIN_WRAPPED_SHARE * len(filled):
        return None
    return width


def unwrap_hard_lines(text: str) -> str:
    """``text`` with the line ends inside its wrapped paragraphs, and after a word no sentence ends
    with, turned into spaces (same length). Widths are read first (a line joined after "في" would
    hide the width); joined lines can make the rest look wrapped at a wider width: repeated until
    nothing joins, so unwrapping an unwrapped text changes nothing."""
    while True:
        text = _unwrap_widths(text)
        joined = join_unfinished_lines(text)
        if joined == text:
            return text
        text = joined


def _unwrap_widths(text: str) -> str:
    while True:
        joined = _unwrap_once(text)
        if joined == text:
            return text
        text = joined


def _joined(line: str) -> str:
    """``line`` with its line end (``\\n``, or ``\\r\\n`` as spaces both) made a space: same length."""
    return (line[:-1] + " " if line.endswith("\r") else line) + " "


def join_unfinished_lines(text: str) -> str:
    """``text`` with each line end after a word no sentence ends with (``في``, ``التي``) turned
    into a space, where the next line goes on (same length)."""
    if "\n" not in text:
        return text
    lines = text.split("\n")
    out = []
    for line, following in zip(lines, lines[1:] + [""]):
        joins = bool(following) and _CONTINUES.match(following) is not None and _ends_unfinished(line)
        out.append(_joined(line) if joins else line + "\n")
    return "".join(out)[:len(text)]


def _is_stamp(line: str) -> bool:
    """``line`` is a date or time stamp standing alone (``30/12/2024``, ``12.12.2023 [17:05]``,
    ``الاثنين 30 ديسمبر 2024``): a few words, half of them numbers or Latin, no sentence's end. A
    wrapped paragraph's last line ends with its sentence's mark; a stamp under a title does not."""
    words = line.split()
    if not words or len(words) > MAX_STAMP_WORDS or _SENTENCE_END.search(line):
        return False
    numeric = sum(1 for w in words if _NOT_ARABIC_WORD.fullmatch(w))
    return any(ch.isdigit() for ch in line) and 2 * numeric >= len(words)


def _looks_cut(line: str, following: str, width: int, finished: re.Pattern[str] = _FINISHED) -> bool:
    """``line`` is full enough to have been cut at ``width``, ends no sentence (``finished``), and a
    line follows that is not a stamp of its own."""
    stripped = line.rstrip()
    return (len(stripped) >= FULL_LINE * width and not finished.search(stripped) and bool(following.strip())
            and not _is_stamp(following) and not _CLOCK_LED.match(following))


# A line opening with a clock time ("15:02  عاجل | …"): an alert log's or a live page's next item,
# never the rest of a cut line.
_CLOCK_LED = re.compile(r"\s*\d{1,2}:\d{2}\s")


def _first_word_len(line: str) -> int:
    words = line.split()
    return len(words[0]) if words else 0


def _greedy_width(pairs: list[tuple[str, str]]) -> int | None:
    """The width of a greedy wrap (a word goes down only when it does not fit), when the cut-looking
    lines agree with one; else None (a proportional font, a hand-made layout).

    A greedy wrap at width W leaves every cut line at most W long, and the next line's first word
    would have made it longer than W. The widest cut line gives W."""
    if len(pairs) < MIN_WRAPPED_LINES:
        return None
    width = max(len(line.rstrip()) for line, _ in pairs)
    fits = sum(1 for line, following in pairs if len(line.rstrip()) + 1 + _first_word_len(following) <= width)
    return width if fits <= GREEDY_MISFITS * len(pairs) else None


def _unwrap_once(text: str) -> str:
    lines = text.split("\n")
    width = _wrap_width(lines)
    if width is None:
        return text
    pairs = list(zip(lines, lines[1:] + [""]))
    cut = [(line, following) for line, following in pairs if _looks_cut(line, following, width)]
    # Under a greedy wrap, a full line whose next word would still have fitted was not cut: a title
    # over its date line, a paragraph's last line without a full stop.
    greedy = _greedy_width(cut)
    out = []
    for line, following in pairs:
        if greedy is None:
            joins = _looks_cut(line, following, width)
        else:
            # The wrap is sure: a full line the next word did not fit on was cut, even after a
            # bracket or a quote ("اليوم (الخميس)"), unless a sentence's own mark ends it.
            joins = (_looks_cut(line, following, width, _SENTENCE_END)
                     and len(line.rstrip()) + 1 + _first_word_len(following) > greedy)
        out.append(_joined(line) if joins else line + "\n")
    return "".join(out)[:len(text)]
