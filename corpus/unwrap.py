"""Join the lines of hard-wrapped text back into its paragraphs.

Text copied from a PDF, an e-mail or a plain-text archive is often wrapped at a fixed width: a
paragraph is cut into lines of 60–100 characters, mid-sentence. Every reader of the text after this
(cleaning, headers, sentences, dates) takes a line end for a boundary, so a wrapped article loses
its sentences. A wrapped text shows itself by its line lengths: no line longer than a screen line,
and many lines filled close to the same width without a sentence's final mark. Only then are such
full lines joined to the line under them; short lines (a title, a dateline, a paragraph's last
line) and lines ending a sentence keep their line ends. The newline becomes a space, so every
offset into the text stays valid.

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

_FINISHED = re.compile(r"[.!?؟…:\"»”)\]]\s*$")
_LAST_WORD = re.compile(r"(\S+)\s*$")
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


def _unwrap_once(text: str) -> str:
    lines = text.split("\n")
    width = _wrap_width(lines)
    if width is None:
        return text
    out = []
    for line, following in zip(lines, lines[1:] + [""]):
        stripped = line.rstrip()
        joins = len(stripped) >= FULL_LINE * width and not _FINISHED.search(stripped) and following.strip()
        out.append(_joined(line) if joins else line + "\n")
    return "".join(out)[:len(text)]
