"""Arabic normalisation for matching, with offsets back to the original text.

We normalise for *matching* and always display the original. Every function here is pure and
idempotent: ``normalize(normalize(x)) == normalize(x)``.

Rules (see DESIGN.md): alef forms أ إ آ ٱ → ا, ى → ي, ة → ه, harakat and tatweel removed,
Persian ی ک → ي ك, Arabic-Indic and Persian digits → ASCII digits. Latin letters are lower-cased so
that "RT" and "rt" match. Bidi control characters are dropped.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# One table: character → replacement ("" deletes it). Built once.
_ALEF = {c: "ا" for c in "أإآٱٲٳ"}
_YA = {"ى": "ي", "ی": "ي"}
_TA_MARBUTA = {"ة": "ه"}
_KAF = {"ک": "ك", "ڪ": "ك"}
_HA = {"ۀ": "ه", "ھ": "ه"}
_DIGITS = {chr(0x0660 + i): str(i) for i in range(10)} | {chr(0x06F0 + i): str(i) for i in range(10)}
# Harakat U+064B–U+065F, superscript alef U+0670, Quranic marks U+06D6–U+06ED, tatweel U+0640.
_DELETE = {chr(c): "" for c in (*range(0x064B, 0x0660), 0x0670, *range(0x06D6, 0x06EE), 0x0640)}
# Invisible formatting: ZWJ/ZWNJ, LRM/RLM/ALM, embeddings/overrides/isolates, BOM, soft hyphen.
_INVISIBLE = {chr(c): "" for c in (0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x061C, 0xFEFF, 0x00AD,
                                   *range(0x202A, 0x202F), *range(0x2066, 0x206A))}
_PUNCT = {"٫": ".", "٬": ",", "\u00a0": " "}

_TABLE: dict[str, str] = {**_ALEF, **_YA, **_TA_MARBUTA, **_KAF, **_HA, **_DIGITS, **_DELETE,
                          **_INVISIBLE, **_PUNCT}


def _map_char(ch: str) -> str:
    mapped = _TABLE.get(ch)
    if mapped is not None:
        return mapped
    if "A" <= ch <= "Z":
        return ch.lower()
    if "\uFB50" <= ch <= "\uFEFC":
        # Presentation forms (pasted from PDFs): fold to the base letter, then map that.
        folded = unicodedata.normalize("NFKC", ch)
        return "".join(_TABLE.get(c, c) for c in folded)
    return ch


# Translation tables built once (str.maketrans per call cost more than the translation itself).
_ALEF_TABLE = str.maketrans(_ALEF)
_YA_TABLE = str.maketrans(_YA)
_DIGITS_TABLE = str.maketrans(_DIGITS)
_DELETE_TABLE = str.maketrans(_DELETE)


def normalize_alef(text: str) -> str:
    """أ إ آ ٱ → ا."""
    return text.translate(_ALEF_TABLE)


def normalize_ya(text: str) -> str:
    """ى (alef maqsura) and Persian ی → ي."""
    return text.translate(_YA_TABLE)


_INDIC_DIGIT = re.compile("[" + "".join(_DIGITS) + "]")


def normalize_digits(text: str) -> str:
    """Arabic-Indic ٠-٩ and Persian ۰-۹ → 0-9."""
    # translate looks every character up; most lines have no such digit (one regex search says so)
    return text if _INDIC_DIGIT.search(text) is None else text.translate(_DIGITS_TABLE)


def strip_harakat(text: str) -> str:
    """Remove diacritics and tatweel."""
    return text.translate(_DELETE_TABLE)


@dataclass(frozen=True)
class Normalized:
    """Normalised text plus, for every normalised character, its index in the original."""

    text: str
    offsets: tuple[int, ...]  # len(offsets) == len(text) + 1; last entry == len(original)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of the normalised text to a span of the original text."""
        start = max(0, min(start, len(self.text)))
        end = max(start, min(end, len(self.text)))
        if end == start:
            pos = self.offsets[start]
            return pos, pos
        return self.offsets[start], self.offsets[end - 1] + 1


# Extraction normalises the same sentence several times over (dates, meetings, figures); the
# result is frozen, so the last few hundred are kept.
@lru_cache(maxsize=256)
def normalize_with_offsets(text: str) -> Normalized:
    """Normalise ``text`` keeping a map from each output character to its source index."""
    first = _RESIZED_RE.search(text)
    if first is None:  # most text: every character maps to one, the offsets are the identity
        return Normalized(normalize(text), tuple(range(len(text) + 1)))
    out: list[str] = []
    offsets: list[int] = []
    pos = 0
    # Stretches between the characters deleted or expanded map one to one: normalised whole.
    for m in _RESIZED_RE.finditer(text, first.start()):
        i = m.start()
        if i > pos:
            out.append(normalize(text[pos:i]))
            offsets.extend(range(pos, i))
        mapped = _CHANGED[m.group()]
        out.append(mapped)
        offsets.extend([i] * len(mapped))
        pos = i + 1
    out.append(normalize(text[pos:]))
    offsets.extend(range(pos, len(text)))
    offsets.append(len(text))
    return Normalized("".join(out), tuple(offsets))


_WS = re.compile(r"[ \t\u00a0]+")


# Every character _map_char changes, with its replacement: most Arabic text needs few changes, so
# one regex pass over just those is ~10x faster than mapping each character (matters at 100k docs).
_CHANGED = {ch: _map_char(ch) for ch in [*_TABLE, *map(chr, range(ord("A"), ord("Z") + 1)),
                                         *map(chr, range(0xFB50, 0xFEFD))]}
_CHANGED = {ch: out for ch, out in _CHANGED.items() if out != ch}
_CHANGED_RE = re.compile("[" + "".join(re.escape(ch) for ch in sorted(_CHANGED)) + "]")


# The letters Arabic text changes most often (a few in every sentence) are replaced by str.replace,
# one C-level pass each; the regex then calls back only for the rare rest (half the time overall).
_FREQUENT = ("ة", "أ", "إ", "ى", "آ")
_RARE = {ch: out for ch, out in _CHANGED.items() if ch not in _FREQUENT}
_RARE_RE = re.compile("[" + "".join(re.escape(ch) for ch in sorted(_RARE)) + "]")


def normalize(text: str) -> str:
    """Normalise for matching (length may shrink: diacritics and invisibles are removed)."""
    for ch in _FREQUENT:
        if ch in text:
            text = text.replace(ch, _CHANGED[ch])
    return _RARE_RE.sub(lambda m: _RARE[m.group()], text)


# The characters normalisation deletes or turns into several: a text without any keeps every
# character's position (its normalised character i comes from its character i).
_RESIZED_RE = re.compile("[" + "".join(re.escape(ch) for ch, out in sorted(_CHANGED.items()) if len(out) != 1) + "]")


def keeps_positions(text: str) -> bool:
    """Does ``normalize(text)`` map each character to exactly one (offsets are the identity)?"""
    return _RESIZED_RE.search(text) is None


def normalize_spaces(text: str) -> str:
    """Collapse runs of horizontal white space (newlines are kept: they separate paragraphs)."""
    return _WS.sub(" ", text)


# Clitic groups that attach in front of words (و ف ب ل ك and the article). Longest first.
CLITIC_PREFIXES = ("وبال", "وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب", "ل", "ك")
_WORD = re.compile(r"[^\W_]+")  # letters and digits of any script


def tokens(text: str) -> list[str]:
    """Normalised word tokens of ``text`` (digits kept as words)."""
    return _WORD.findall(normalize(text))


def strip_clitics(word: str, min_stem: int = 3) -> str:
    """Drop one leading clitic group (و ف ب ل ك and ال) when enough of the word remains.

    Names are matched through alias lists, not this: it only serves search and topic matching.
    """
    for p in CLITIC_PREFIXES:
        if word.startswith(p) and len(word) - len(p) >= min_stem:
            return word[len(p):]
    return word


def is_arabic_letter(ch: str) -> bool:
    return "\u0621" <= ch <= "\u064A" or "\u0671" <= ch <= "\u06D3"


# Runs of anything but the characters is_arabic_letter accepts (all of them letters), and but the
# ASCII letters: what is left once they are removed is counted (no list of matches is built).
_NOT_ARABIC_LETTERS = re.compile("[^\u0621-\u064A\u0671-\u06D3]+")
_NOT_ASCII_LETTERS = re.compile("[^A-Za-z]+")


def letter_count(text: str) -> int:
    """How many characters of ``text`` are letters (``str.isalpha``)."""
    return sum(map(str.isalpha, text))


def ascii_letter_count(text: str) -> int:
    return len(_NOT_ASCII_LETTERS.sub("", text))


def arabic_letter_count(text: str) -> int:
    """How many characters of ``text`` is_arabic_letter accepts."""
    return len(_NOT_ARABIC_LETTERS.sub("", text))


def arabic_ratio(text: str) -> float:
    """Share of letters that are Arabic: the basis of our language guess."""
    letters = letter_count(text)
    if not letters:
        return 0.0
    return arabic_letter_count(text) / letters
