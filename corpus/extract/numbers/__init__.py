"""Arabic numbers in running text: digits, words, scales, compounds, ranges and qualifiers.

``find_numbers(text)`` returns every number expression with offsets into the *original* text;
``parse_arabic_number(s)`` reads one expression. Matching runs on normalised text (Arabic-Indic
digits → ASCII, tatweel removed, so "لـ٢٤" reads as "ل24") and offsets are mapped back.
Vocabulary (number words, scales, qualifiers) lives in data/lexicons/numbers.yaml.

What this package does not decide: whether a number is an economic figure (``figures`` does that
from the unit and the nouns around it). It does flag years, ordinals and dates so they can be
skipped, and it never emits dates ("19-8-2024", "26.11.2021") or clock times ("15:40").

Modules, each importing only those above it:
``vocab`` (numbers.yaml) → ``digits`` (digit strings) → ``tokens`` (tokens, the scanner) →
``words`` (number words) → ``scales`` (scale words, compounds) → ``qualifiers`` (نحو, أكثر من)
→ ``ranges`` (ranges and changes) → ``mentions`` (offsets and kinds) → ``find`` (entry points).
"""
from __future__ import annotations

from .digits import parse_digits
from .find import find_numbers, parse_arabic_number
from .mentions import NumberMention
from .vocab import Vocab, vocab

__all__ = ["NumberMention", "Vocab", "find_numbers", "parse_arabic_number", "parse_digits", "vocab"]
