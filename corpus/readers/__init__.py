"""Read anything a user may hand us into ``RawDocument`` objects, safely.

Formats: .txt/.md (``text``), .html/.htm (``web_page``, trafilatura), .docx (``word``,
python-docx), .zip of those (``archives``, nested up to ``Limits.max_depth``), .csv and .jsonl
batches (``batches``, one document per row); ``dispatch`` picks the reader by extension, ``paths``
walks files and folders (``iter_path``: one file at a time). Encodings are detected, not assumed
(``encoding``): BOMs, BOM-less UTF-16, strict UTF-8, then Windows-1256 / ISO-8859-6 for Arabic,
then charset-normalizer. Every failure becomes a ``ReadProblem`` with a plain-words reason; no
exception escapes ``read_path`` or ``read_bytes``. Language is not decided here.
"""
from __future__ import annotations

from .batches import MAX_ROW_PROBLEMS
from .dispatch import BINARY_FORMATS, SUPPORTED, TEXT_FORMATS, read_bytes
from .encoding import decode_bytes
from .errors import DEFAULT_LIMITS, MB, Limits, Result
from .names import display_name
from .paths import iter_path, read_path
from .web_page import MIN_PAGE_WORDS

__all__ = ["BINARY_FORMATS", "DEFAULT_LIMITS", "MAX_ROW_PROBLEMS", "MB", "MIN_PAGE_WORDS", "SUPPORTED",
           "TEXT_FORMATS", "Limits", "Result", "decode_bytes", "display_name", "iter_path", "read_bytes",
           "read_path"]
