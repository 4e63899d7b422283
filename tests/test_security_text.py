"""The one safe-text helper also keeps bare URLs and e-mail addresses from becoming links
(issue 13, items 8 and 12); the browser tests are in tests/reliability/test_hosted_links.py."""
from __future__ import annotations

import re

import pytest

from components.text import safe_inline, safe_md

# What GitHub-flavoured Markdown autolinks, applied to the text after backslash escapes resolve.
GFM_AUTOLINK = re.compile(r"(?i)(https?://|www\.)[^\s]|[-.\w+]+@[-\w]+\.[-\w]")


def _resolved(markdown: str) -> str:
    return re.sub(r"\\(.)", r"\1", markdown)


@pytest.mark.parametrize("text", [
    "[Log in again](http://evil.example/login)", "HTTPS://EVIL.example", "www.evil.example",
    "x@evil.example", "mailto:x@evil.example", "بوتين http://evil.example/مقال", "وwww.evil.example",
])
def test_bare_urls_are_not_autolinked(text):
    for helper in (safe_md, safe_inline):
        assert not GFM_AUTOLINK.search(_resolved(helper(text)))


@pytest.mark.parametrize("text", ["http://evil.example/a", "x@evil.example", "www.e.org"])
def test_only_invisible_joiners_are_added(text):
    assert _resolved(safe_inline(text)).replace("\u2060", "") == text
