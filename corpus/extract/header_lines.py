"""The header zone of an article: its first non-blank lines (where stamps, titles, datelines and
source lines stand), the words of a line, and "المصدر: X" source lines."""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice

# Header lines scanned for stamps, a title and an outlet.
HEAD_LINES = 12
WORD = re.compile(r"[^\W\d_]+")
SOURCE_LINE = re.compile(r"^\s*(?:المصدر|مصدر\s+الخبر|source)\s*[:：]\s*(?P<name>.+?)\s*$", re.I | re.M)


# The start of a text holding more than N words ([^\W\d_]+ runs), each run and each gap taken whole.
_MORE_WORDS: dict[int, re.Pattern[str]] = {}


def at_most_words(text: str, n: int) -> bool:
    """``len(WORD.findall(text)) <= n``, reading no further than the (n+1)th word."""
    more = _MORE_WORDS.get(n)
    if more is None:
        more = _MORE_WORDS[n] = re.compile(rf"(?:[\W\d_]*+[^\W\d_]++){{{n + 1}}}")
    return more.match(text) is None


def head_lines(text: str, head: str = "") -> list[str]:
    """The first HEAD_LINES non-blank lines of the header material and the text after it."""
    return list(_head_lines(text, head))


# The title, outlet, stamp and dateline rules each ask for an article's header lines: kept for
# the last few articles (splitting the whole text each time cost more than the rules' reading).
@lru_cache(maxsize=8)
def _head_lines(text: str, head: str) -> tuple[str, ...]:
    return tuple(islice(filter(str.strip, (head + "\n" + text).split("\n")), HEAD_LINES))
