"""Which summit an article reports: the organisations its lead names (CIS, EAEU, SCO, …).

Summits come back to the same capitals (a CIS council in Moscow one year, a Eurasian Economic
Union council there the next), so city and kind cannot tell two undated summit reports apart;
the organisation the lead names can. Only the lead counts: the body often recalls other summits
("تصافحا على هامش قمة شنغهاي الماضية").
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..lexicons import load_yaml
from ..normalize import normalize
from .arabic import ARTICLE_CLITIC, alternation, forms, sentence_spans

# The lead: the title and the first sentences, up to this many characters of normalised text.
LEAD_CHARS = 600
LEAD_SENTENCES = 3


def _without_article(phrases: list[str]) -> list[str]:
    """Entries lose their leading article: the clitic pattern puts it back, fused or not
    ("الدول" also as "للدول", "بالدول")."""
    return [p[2:] if p.startswith("ال") and len(p) > 4 else p for p in phrases]


@lru_cache(maxsize=1)
def _forum_patterns() -> tuple[tuple[str, re.Pattern], ...]:
    patterns = []
    for name, entry in load_yaml("forums.yaml").items():
        parts = []
        if entry.get("phrases"):
            parts.append(rf"(?:{alternation(_without_article(entry['phrases']))})(?![^\W_])")
        if entry.get("stems"):
            parts.append(rf"(?:{'|'.join(re.escape(f) for f in forms(entry['stems']))})[^\W\d_]*")
        patterns.append((name, re.compile(rf"(?<![^\W_]){ARTICLE_CLITIC}(?:{'|'.join(parts)})")))
    return tuple(patterns)


def lead_of(text: str) -> str:
    """The title and first sentences of an article, normalised."""
    norm = normalize(text[: LEAD_CHARS * 2])
    spans = sentence_spans(norm)[:LEAD_SENTENCES]
    return norm[: spans[-1][1]][:LEAD_CHARS] if spans else ""


def forums_named(text: str) -> frozenset[str]:
    """Organisations named in ``text`` (already normalised)."""
    return frozenset(name for name, pat in _forum_patterns() if pat.search(text))


def lead_forums(text: str) -> frozenset[str]:
    """Organisations whose summit the article's lead names."""
    return forums_named(lead_of(text))
