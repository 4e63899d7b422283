"""File names as shown to users, and the extension that picks a format."""
from __future__ import annotations

import re
from pathlib import PurePosixPath

# Shown names: no controls, no bidi overrides/isolates (they can disguise a name).
_NAME_JUNK = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff]")


def display_name(name: str) -> str:
    """``name`` without control or bidi-override characters (Arabic and spaces are kept)."""
    cleaned = _NAME_JUNK.sub("", name).strip()
    return cleaned or "(unnamed)"


def extension(name: str) -> str:
    return PurePosixPath(name.replace("\\", "/")).suffix.lower()
