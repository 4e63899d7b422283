"""The language policy shared by ingest and the Upload page: which texts are refused as not Arabic.

Its own module (it needs only ``normalize``) so that ingest can apply it without importing the
Upload page's preview, which imports ingest in turn.
"""
from __future__ import annotations

from typing import Any

from .normalize import arabic_ratio

MIN_ARABIC_RATIO = 0.5


def language_check(text: str) -> tuple[str, dict[str, Any], str] | None:
    """(code, params, plain reason) when a text is refused as not Arabic; None when accepted."""
    if not any(c.isalpha() for c in text):
        return "no_words", {}, "the file holds no words"
    ratio = arabic_ratio(text)
    if ratio >= MIN_ARABIC_RATIO:
        return None
    pct = round(ratio * 100)
    return ("not_arabic", {"pct": pct}, f"the text is not Arabic (only {pct}% of its letters are "
            "Arabic); this dashboard covers the Arabic press")


def not_arabic_reason(text: str) -> str | None:
    """Why a text is refused as not Arabic, or None when it is Arabic enough."""
    found = language_check(text)
    return found[2] if found else None
