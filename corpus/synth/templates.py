"""The generator's templates and word lists (data/lexicons/synth_templates.yaml) and the small text
helpers every part of an article uses."""
from __future__ import annotations

from typing import Any

from ..lexicons import load_yaml

TEMPLATES = "synth_templates.yaml"

_INDIC = str.maketrans("0123456789.", "٠١٢٣٤٥٦٧٨٩٫")


def templates() -> dict[str, Any]:
    """The parsed template file (cached by the lexicon loader: read-only)."""
    return load_yaml(TEMPLATES)


def to_indic(text: str) -> str:
    return text.translate(_INDIC)


def fill(template: str, values: dict[str, str]) -> str:
    return template.format_map(values)


def sentence(text: str) -> str:
    text = " ".join(text.split())
    return text if text.endswith((".", "!", "؟")) else text + "."
