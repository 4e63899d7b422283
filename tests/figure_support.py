"""Shared helper of the figure extraction tests."""
from __future__ import annotations

from corpus.extract.figures import find_figures


def figures_at_their_place(text: str, published: str, last_field: str) -> list[tuple]:
    """``find_figures`` on ``text`` as (text, value, unit, <last_field>) tuples, after checking that
    every figure's text stands in ``text`` at its start offset."""
    figs = find_figures(text, published)
    for f in figs:
        assert text[f.start:f.start + len(f.text)] == f.text
    return [(f.text, f.value, f.unit, getattr(f, last_field)) for f in figs]
