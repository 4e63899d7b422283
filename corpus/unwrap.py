"""Join the lines of hard-wrapped text back into its paragraphs.

Text copied from a PDF, an e-mail or a plain-text archive is often wrapped at a fixed width: a
paragraph is cut into lines of 60–100 characters, mid-sentence. Every reader of the text after this
(cleaning, headers, sentences, dates) takes a line end for a boundary, so a wrapped article loses
its sentences. A wrapped text shows itself by its line lengths: no line longer than a screen line,
and many lines filled close to the same width without a sentence's final mark. Only then are such
full lines joined to the line under them; short lines (a title, a dateline, a paragraph's last
line) and lines ending a sentence keep their line ends. The newline becomes a space, so every
offset into the text stays valid.
"""
from __future__ import annotations

import re

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
    """``text`` with the line ends inside its wrapped paragraphs turned into spaces (same length).
    Joined lines can make the rest look wrapped at a wider width: repeated until nothing joins, so
    unwrapping an unwrapped text changes nothing."""
    while True:
        joined = _unwrap_once(text)
        if joined == text:
            return text
        text = joined


def _unwrap_once(text: str) -> str:
    lines = text.split("\n")
    width = _wrap_width(lines)
    if width is None:
        return text
    out = []
    for line, following in zip(lines, lines[1:] + [""]):
        stripped = line.rstrip()
        joins = len(stripped) >= FULL_LINE * width and not _FINISHED.search(stripped) and following.strip()
        out.append(line + (" " if joins else "\n"))
    return "".join(out)[:len(text)]
