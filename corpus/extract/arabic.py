"""Words and sentences of Arabic news text, shared by the extraction modules.

One home for what every rule needs: the clitics that attach in front of a word (و ف ب ل ك, the
article ال), the suffixes after it, regex alternations built from lexicon entries (normalised,
longest first, any run of spaces between the words of a phrase) and sentence spans.
Patterns here work on normalised text (see ``corpus.normalize``).
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

from ..normalize import normalize
from .gates import with_first_char

# Single-letter clitics: conjunctions و ف, prepositions ب ل ك.
SINGLE_CLITICS = ("و", "ف", "ب", "ل", "ك")
# Clitic groups before a word without the article, longest first ("وب" in "وبموسكو").
CLITIC_GROUPS = ("وب", "ول", "فب", "فل", "و", "ف", "ب", "ل", "ك")
# Conjunctions alone: "و4 مليارات" joins a list, it is not part of the figure.
CONJUNCTIONS = ("و", "ف")
# Regex fragment: clitics before a name, verb or place ("وبوتين", "فالتقى", "بموسكو").
CLITIC = r"(?:[وفبلك]|وب|ول|فب|فل|وك)?"  # CLITIC_GROUPS and وك, as a regex
# Regex fragment: clitics and the article before a noun ("والمباحثات", "للقمة").
ARTICLE_CLITIC = r"(?:وال|فال|بال|كال|لل|ال|[وفبلك]|وب|ول|فب)?"
# Regex fragment: plural and pronoun endings of a noun or verb ("مباحثاتهما", "التقيا").
SUFFIX = r"(?:ات|اته|اتها|اتهما|اتهم|ه|ها|هما|هم|ا|ان|ين|تين|ت|تا)?"
# Pronoun suffixes (his, her, their two, their, …), after a stem that may change form.
PRONOUN = r"(?:ه|ها|هما|هم|هن|كم|نا)"

# Sentence ends: ! ? ؟ ؛ ; a line break, and a full stop that is not a decimal point (a dot
# between two digits; "عام 2023." ends a sentence).
_SENTENCE_END = r"[!?؟؛;\n]|(?<!\d)\.|\.(?!\d)"
SENTENCE_END = with_first_char(re.compile(_SENTENCE_END))  # behind a lookahead for its characters
# ... and a colon that opens a quotation: the quote is its own sentence (its subject is the
# speaker, not the verb inside it).
_SENTENCE_SPLIT = with_first_char(re.compile(rf"(?:{_SENTENCE_END}|:\s*(?=[\"«“]))+"))


def forms(words: Iterable[object]) -> list[str]:
    """Distinct normalised forms of lexicon entries, longest first, spaces collapsed."""
    return sorted({" ".join(normalize(str(w)).split()) for w in words if str(w).strip()}, key=len, reverse=True)


def alternation(words: Iterable[object]) -> str:
    """Regex alternation of the entries' normalised forms; a phrase allows any run of spaces."""
    return "|".join(r"\s+".join(re.escape(p) for p in f.split()) for f in forms(words))


def first_words(words: Iterable[object]) -> tuple[str, ...]:
    """The first word of each of the entries' normalised forms: every match of a pattern built on
    ``alternation(words)`` holds one of them, so a text holding none needs no search."""
    return tuple(sorted({f.split()[0] for f in forms(words)}))


def last_words(words: Iterable[object]) -> tuple[str, ...]:
    """The last word of each of the entries' normalised forms: every match of a pattern built on
    ``alternation(words)`` holds one of them too (often a rarer word than the first)."""
    return tuple(sorted({f.split()[-1] for f in forms(words)}))


def holds_any(text: str, words: tuple[str, ...]) -> bool:
    """Does ``text`` contain one of ``words`` (anywhere, even inside a word)?"""
    return any(map(text.__contains__, words))  # ``any(w in text for w in words)``, without a frame per word


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank sentence of ``text``."""
    spans, pos = [], 0
    for m in _SENTENCE_SPLIT.finditer(text):
        if m.start() > pos:
            spans.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        spans.append((pos, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


CLAUSE_COMMA = re.compile(r"[،,]")


def clause_ends(text: str, breaks: re.Pattern = CLAUSE_COMMA) -> list[int]:
    """Where the clauses of ``text`` start, past each break, with 0 and the text's end + 1."""
    return [0] + [m.end() for m in breaks.finditer(text)] + [len(text) + 1]


def clause_around(ends: list[int], pos: int) -> tuple[int, int]:
    """The clause holding ``pos``, given ``clause_ends`` of its text: from the last clause start at
    or before it to the next one."""
    i = bisect.bisect_right(ends, pos)
    return ends[i - 1], ends[i]
