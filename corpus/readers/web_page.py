"""HTML pages: the article's main text and metadata hints (title, date, outlet, url) via
trafilatura, with plain lxml text and a regex strip as fallbacks."""
from __future__ import annotations

import html as htmlmod
import logging
import re
from typing import Any

from ..models import RawDocument, ReadProblem
from .errors import Result, Unreadable
from .text import decode_text_file, finish_text, is_blank

# A web page whose main text has fewer words than this (its title aside) holds no article body.
MIN_PAGE_WORDS = 10
_LOG = logging.getLogger("corpus.readers")

_DROP_TAGS = ("script", "style", "noscript", "template", "iframe", "object", "svg", "head")
_SCRIPT_BLOCK = re.compile(r"<(script|style|noscript|template|head)\b.*?</\1\s*>",
                           re.IGNORECASE | re.DOTALL)
_CODE_BLOCK = re.compile(r"<(script|style|noscript|template)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]{0,2000}>")
_BLOCK_TAG = re.compile(r"<(?:br|/p|/div|/li|/h\d|/tr)\b[^>]{0,2000}>", re.IGNORECASE)


def read_html(data: bytes, source: str) -> list[Result]:
    html, enc = decode_text_file(data)
    if is_blank(html):
        return [ReadProblem(source, "the file contains no text (only white space)")]
    body, hints = _html_main_text(html)
    if is_blank(body):
        return [ReadProblem(source, "the web page has no readable text")]
    words = len(body.split())
    if words < MIN_PAGE_WORDS:
        counted = f"{words} word" if words == 1 else f"{words} words"
        return [ReadProblem(source, f"the web page holds no article body ({counted} besides its "
                                    f"title; an article has at least {MIN_PAGE_WORDS})",
                            code="no_body", params={"words": words, "min": MIN_PAGE_WORDS})]
    text = _with_title(body, hints.get("title"))
    return [RawDocument(source=source, text=text, fmt="html", encoding=enc, raw=html, hints=hints)]


def _with_title(body: str, title: str | None) -> str:
    if title and title not in body[: len(title) + 200]:
        return f"{title}\n\n{body}"
    return body


def _trafilatura() -> Any:
    """trafilatura, or a refusal naming what is missing: without it (or one of its dependencies)
    HTML would quietly be read as raw page text, menus and all. Imported on the first page read:
    it is slow to import and a missing one must refuse the page, not break every reader."""
    try:
        import trafilatura
    except ImportError as exc:
        _LOG.error("HTML reading is unavailable: trafilatura cannot be imported (%s)", exc)
        raise Unreadable(f"HTML reading is unavailable on this server: trafilatura cannot be "
                         f"imported ({exc})", "html_unavailable", error=str(exc)) from exc
    return trafilatura


def _html_main_text(html: str) -> tuple[str, dict[str, str]]:
    """Main text (without the title) and metadata hints via trafilatura; plain lxml text, then a
    regex strip as fallbacks for pages trafilatura cannot parse. A missing trafilatura refuses."""
    hints: dict[str, str] = {}
    text = ""
    trafilatura = _trafilatura()
    try:
        # extensive_search off: htmldate's free-text date hunt loads every dateparser locale (11–20 s
        # on the first file of a process); meta tags and URL dates are still read, and our own
        # metadata.py finds Arabic dates in the text.
        doc = trafilatura.bare_extraction(_CODE_BLOCK.sub(" ", html), with_metadata=True, include_comments=False,
                                          include_tables=True,
                                          date_extraction_params={"extensive_search": False})
        if doc is not None:
            text = doc.text or ""
            for key, value in (("title", doc.title), ("published", doc.date),
                               ("outlet", doc.sitename), ("url", doc.url)):
                if isinstance(value, str) and value.strip():
                    hints[key] = finish_text(value).strip()
    except (Exception, RecursionError):  # noqa: BLE001 - any parser failure → fallback
        text = ""
    if not text.strip():
        text = _lxml_text(html)
    if not text.strip():
        text = _regex_text(html)
    return finish_text(text).strip(), hints


def _lxml_text(html: str) -> str:
    try:
        from lxml import etree
        from lxml import html as lhtml

        root = lhtml.document_fromstring(html)
        etree.strip_elements(root, *_DROP_TAGS, with_tail=False)
        for br in root.iter("br", "p", "div", "li", "h1", "h2", "h3", "h4", "tr"):
            br.tail = "\n" + (br.tail or "")
        return root.text_content()
    except (Exception, RecursionError):  # noqa: BLE001
        return ""


def _regex_text(html: str) -> str:
    """Last resort for pages lxml cannot parse (e.g. absurdly deep nesting)."""
    text = _SCRIPT_BLOCK.sub(" ", html)
    text = _BLOCK_TAG.sub("\n", text)
    text = _TAG.sub(" ", text)
    return htmlmod.unescape(text)
