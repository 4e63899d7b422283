"""Markup a careless export leaves in an article's text: HTML tags and entities, JSON escapes,
Markdown marks and WordPress shortcodes. Read as text they split words ("&quot;شراكة"), hide names
("&#1593;&#1604;&#1610;&#1610;&#1601;") and glue paragraphs; the reader sees through them, so does
the extraction. Only text that shows markup is touched: Arabic prose has no "<p>" or "&quot;".
"""
from __future__ import annotations

import html
import re

_SHORTCODE = re.compile(r"\[/?(?:caption|embed|gallery|video)\b[^\]]*\]", re.I)
# What shows that a text carries markup: two kinds of these are needed.
_TAG_NAMES = r"(?:p|br|strong|em|b|i|a|div|span|img|time|article|h[1-6]|li|ul)"
_SIGNS = (re.compile(rf"</?{_TAG_NAMES}\b[^>]*>", re.I),  # a tag
          re.compile(rf"&lt;/?{_TAG_NAMES}\b", re.I),  # a tag escaped once more
          re.compile(r"&(?:#\d{2,5}|#x[0-9a-f]{2,4}|quot|amp|nbsp|laquo|raquo|ndash|mdash);", re.I),  # an entity
          re.compile(r'\\"'),  # a JSON-escaped quote
          re.compile(r"\\u[0-9a-fA-F]{4}"),  # a JSON-escaped letter
          re.compile(r"\\n"),  # a JSON-escaped line end
          re.compile(r"(?m)^#{1,6}\s"),  # a Markdown heading
          re.compile(r"\*\*[^*\n]+\*\*"),  # Markdown bold
          re.compile(r"\]\((?:https?:|/)"),  # a Markdown link
          _SHORTCODE)  # a WordPress shortcode
MIN_SIGNS = 2

_BLOCK_TAG = re.compile(r"<\s*(?:br|/p|p|/div|div|/li|li|/h[1-6]|h[1-6]|/article|article)\b[^>]*>", re.I)
_TAG = re.compile(r"<[^<>\n]{1,300}>")
_JSON_UNICODE = re.compile(r"\\u([0-9a-fA-F]{4})")
_MD_LINK = re.compile(r"\[([^\]\n]{1,200})\]\((?:[^)\s]{1,300})\)")
_MD_HEADING = re.compile(r"(?m)^[ \t]*#{1,6}[ \t]+")
_MD_QUOTE = re.compile(r"(?m)^[ \t]*>[ \t]?")
_MD_EMPHASIS = re.compile(r"\*\*|__")


def markup_signs(text: str) -> int:
    """How many kinds of markup ``text`` shows. An export leaves several (tags and entities, escapes
    and Markdown); one kind alone, however often, may be the article's own text (a piece quoting
    "<img src=x onerror=…>" keeps it, and shows it as text)."""
    return sum(1 for sign in _SIGNS if sign.search(text))


def strip_markup(text: str) -> str:
    """``text`` read through its markup: tags dropped (block tags as line breaks), entities and JSON
    escapes decoded, Markdown's headings, quotes, emphasis and links made plain. Unchanged when it
    shows fewer than MIN_SIGNS kinds of markup."""
    if "<" not in text and "&" not in text and "\\" not in text and "*" not in text and "#" not in text \
            and "[" not in text:
        return text
    if markup_signs(text) < MIN_SIGNS:
        return text
    text = text.replace("\\n", "\n").replace('\\"', '"').replace("\\/", "/")
    text = _JSON_UNICODE.sub(lambda m: chr(int(m.group(1), 16)), text)
    for _ in range(2):  # "&amp;quot;" and "&lt;p&gt;": escaped twice
        text = html.unescape(text)
    text = _SHORTCODE.sub(" ", text)
    text = _BLOCK_TAG.sub("\n", text)
    text = _TAG.sub(" ", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_HEADING.sub("", text)
    text = _MD_QUOTE.sub("", text)
    return _MD_EMPHASIS.sub("", text).replace("\u00a0", " ")
