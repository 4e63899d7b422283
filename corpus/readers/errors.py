"""The reader's limits and its one internal failure type."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..models import RawDocument, ReadProblem

Result = RawDocument | ReadProblem

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Guards against oversized input and archive bombs."""

    max_file_bytes: int = 10 * MB  # one file (or one zip entry, or one upload)
    max_total_bytes: int = 50 * MB  # everything unpacked from one zip, nested zips included
    max_ratio: float = 100.0  # uncompressed / compressed size of a zip
    max_entries: int = 1000  # files in one zip, nested zips included
    max_depth: int = 2  # a zip inside a zip is depth 2
    max_rows: int = 100_000  # rows of one CSV/JSONL batch
    # Characters of one article's text: news articles are far shorter, and extraction time grows
    # with the text (a 9 MB .docx of 22 M characters ran for minutes).
    max_text_chars: int = 300_000


DEFAULT_LIMITS = Limits()


class Unreadable(Exception):
    """Internal: carries the plain-words reason for a ReadProblem (and a code for interfaces)."""

    def __init__(self, reason: str, code: str = "", **params: Any) -> None:
        super().__init__(reason)
        self.code, self.params = code, params


def too_big(size: int, limits: Limits) -> str:
    return (f"the file is {size / MB:.1f} MB, more than the limit of "
            f"{limits.max_file_bytes / MB:.0f} MB")
