"""The header zone of an article: its first non-blank lines (where stamps, titles, datelines and
source lines stand), the words of a line, and "المصدر: X" source lines."""
from __future__ import annotations

import re

# Header lines scanned for stamps, a title and an outlet.
HEAD_LINES = 12
WORD = re.compile(r"[^\W\d_]+")
SOURCE_LINE = re.compile(r"^\s*(?:المصدر|مصدر\s+الخبر|source)\s*[:：]\s*(?P<name>.+?)\s*$", re.I | re.M)


def head_lines(text: str, head: str = "") -> list[str]:
    """The first HEAD_LINES non-blank lines of the header material and the text after it."""
    return [ln for ln in (head + "\n" + text).split("\n") if ln.strip()][:HEAD_LINES]
