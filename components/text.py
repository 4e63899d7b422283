"""Safe display of article text: everything users or articles wrote is shown literally.

``st.markdown`` interprets Markdown, ``$…$`` LaTeX, ``:red[…]`` directives, emoji shortcodes and
(with unsafe_allow_html) HTML. ``safe_md`` escapes all of them so the text renders as typed; it is
the only path for article text into Markdown. Pure functions: no Streamlit here.
"""
from __future__ import annotations

import html
import re
from typing import Iterable, Sequence

# Every ASCII punctuation mark Markdown may treat as syntax; a backslash makes it literal.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>$:=^])")
_NEWLINES = re.compile(r"\r\n?|\n")
# GitHub-flavoured Markdown turns bare http://…, www.… and a@b.c into links even after backslash
# escapes (they are found in the decoded text). An invisible WORD JOINER breaks each pattern:
# after "http"/"https" before ":", after "www" before ".", and after "@".
_AUTOLINK = re.compile(r"(?i)(https?)(?=\\:)|(www)(?=\\\.)|(@)")
_JOINER = "\u2060"


def safe_md(text: object) -> str:
    """Markdown source that renders ``text`` literally (HTML escaped, Markdown/LaTeX neutralised)."""
    if text is None:
        return ""
    escaped = html.escape(str(text), quote=False)
    escaped = _MD_SPECIAL.sub(r"\\\1", escaped)
    escaped = _AUTOLINK.sub(lambda m: m.group(0) + _JOINER, escaped)
    # Hard line breaks keep the article's paragraphs without Markdown block syntax.
    return _NEWLINES.sub("  \n", escaped)


def safe_inline(text: object) -> str:
    """Like ``safe_md`` but on one line (labels, table cells rendered as Markdown)."""
    return safe_md(_NEWLINES.sub(" ", "" if text is None else str(text)))


def highlight_segments(segments: Iterable[Sequence[object]] | None) -> str:
    """Markdown for a snippet given as (segment_text, is_hit) pairs: hits in bold on a highlight.

    Each segment is escaped first, so a hostile hit cannot close the highlight or inject syntax.
    """
    parts: list[str] = []
    for segment in segments or ():
        if not segment:
            continue
        text = str(segment[0]) if segment[0] is not None else ""
        is_hit = bool(segment[1]) if len(segment) > 1 else False
        if not text:
            continue
        if is_hit and text.strip():
            # Keep surrounding spaces outside the markers (Markdown ignores "** x**").
            lead = text[: len(text) - len(text.lstrip())]
            trail = text[len(text.rstrip()):]
            parts.append(f"{safe_inline(lead)}:orange-background[**{safe_inline(text.strip())}**]"
                         f"{safe_inline(trail)}")
        else:
            parts.append(safe_inline(text))
    return "".join(parts)


def highlight_text(text: object, spans: Iterable[Sequence[int]] | None) -> str:
    """Markdown for a whole article (paragraph breaks kept) with the (start, end) spans marked
    like snippet hits. Every piece is escaped; overlapping or out-of-range spans are ignored."""
    s = "" if text is None else str(text)
    parts: list[str] = []
    pos = 0
    for start, end in sorted((int(a), int(b)) for a, b in (spans or ()) if 0 <= a < b <= len(s)):
        if start < pos:
            continue
        parts.append(safe_md(s[pos:start]))
        hit = s[start:end]
        parts.append(highlight_segments([(hit, True)]) if "\n" not in hit else safe_md(hit))
        pos = end
    parts.append(safe_md(s[pos:]))
    return "".join(parts)


def truncate(text: object, limit: int = 160) -> str:
    """Shortened plain text for lists and hover labels (ellipsis at a word boundary)."""
    s = "" if text is None else " ".join(str(text).split())
    if len(s) <= limit:
        return s
    cut = s[:limit] if s[limit] == " " else (s[:limit].rsplit(" ", 1)[0] or s[:limit])
    return cut + "…"


_SAFE_SCHEMES = ("http://", "https://")


def safe_url(url: object) -> str | None:
    """A link target only when it is plain http(s); anything else (javascript:, data:) is dropped."""
    if url is None:
        return None
    s = str(url).strip()
    if not s.lower().startswith(_SAFE_SCHEMES) or any(c in s for c in "\n\r\t <>\"'`"):
        return None
    return s


def ltr(text: object) -> str:
    """Isolate a left-to-right fragment (ISO date, URL, code) inside Arabic text.

    After an Arabic letter, digits become Arabic numbers and "2024-08-19" would show as
    "19-08-2024"; a left-to-right isolate (U+2066 … U+2069) keeps it whole, without overriding
    anything else (never bidi-override).
    """
    s = "" if text is None else str(text)
    return f"\u2066{s}\u2069" if s else ""


FSI, RLI, LRI, PDI = "\u2068", "\u2067", "\u2066", "\u2069"
RLM = "\u200f"  # a right-to-left mark: a strong right-to-left letter that draws nothing


def isolate(text: object) -> str:
    """First-strong isolate: a field keeps its own direction (a number, a date, Arabic or Latin
    words) without pulling its neighbours along; the surrounding order stays as written."""
    s = "" if text is None else str(text)
    return f"{FSI}{s}{PDI}"


def line_in(text: object, lang: str) -> str:
    """One line of a label in the UI language's direction (plotly's SVG text is left-to-right)."""
    s = "" if text is None else str(text)
    return f"{RLI}{s}{PDI}" if lang == "ar" else f"{LRI}{s}{PDI}"
