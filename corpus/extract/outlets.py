"""The outlet of an article: a "المصدر: X" line (the last publisher named; an agency only when
alone), the page's domain, or an outlet named in a short header line (data/lexicons/outlets.yaml)."""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import compress

from ..lexicons import load_yaml
from ..normalize import normalize
from .header_lines import SOURCE_LINE, at_most_words, head_lines


@lru_cache(maxsize=1)
def _outlets() -> list[tuple[str, bool, tuple[str, ...]]]:
    data = load_yaml("outlets.yaml")["outlets"]
    return [(o["name"], bool(o.get("agency")), tuple(normalize(a) for a in o["ar"])) for o in data]


@lru_cache(maxsize=1)
def _outlet_aliases() -> tuple[tuple[str, bool, str, re.Pattern[str]], ...]:
    """(name, is_agency, alias, the alias as a whole word) of every outlet alias, compiled once."""
    return tuple((name, agency, alias, re.compile(rf"(?<!\w){re.escape(alias)}(?!\w)"))
                 for name, agency, aliases in _outlets() for alias in aliases)


@lru_cache(maxsize=1)
def _alias_texts() -> tuple[str, ...]:
    return tuple(alias for _, _, alias, _ in _outlet_aliases())


def outlet_named(phrase: str) -> tuple[str | None, bool]:
    """(canonical name, is_agency) of an outlet alias found in ``phrase``."""
    norm = normalize(phrase)
    best: tuple[int, str, bool] | None = None
    # only the aliases the phrase holds (tested in C, in order): most phrases hold none
    for name, agency, alias, word in compress(_outlet_aliases(), map(norm.__contains__, _alias_texts())):
        if word.search(norm) and (best is None or len(alias) > best[0]):
            best = (len(alias), name, agency)
    return (best[1], best[2]) if best else (None, False)


def _outlet_from_sources(text: str) -> str | None:
    """Last non-agency "المصدر: X" line is the publisher; an agency only when it is alone."""
    names = [m.group("name").strip(" .:-") for m in SOURCE_LINE.finditer(text)]
    canonical = [(outlet_named(n)[0] or n, outlet_named(n)[1]) for n in names if n]
    publishers = [n for n, agency in canonical if not agency]
    if publishers:
        return publishers[-1]
    return canonical[-1][0] if canonical else None


def _outlet_from_domain(url: str | None) -> str | None:
    if not url:
        return None
    host = re.sub(r"^https?://", "", url).split("/")[0].lower()
    domains = load_yaml("outlets.yaml").get("domains", {})
    for domain, name in domains.items():
        if host == domain or host.endswith("." + domain):
            return name
    return None


def find_outlet(text: str, head: str = "", url: str | None = None) -> tuple[str | None, str | None]:
    named = _outlet_from_sources(head + "\n" + text)
    if named:
        return named, "text: source line"
    by_domain = _outlet_from_domain(url)
    if by_domain:
        return by_domain, "url"
    found = [outlet_named(ln) for ln in head_lines(text, head)
             if at_most_words(ln, 8) or ln.lstrip().startswith("(")]
    found = [f for f in found if f[0]]
    publishers = [n for n, agency in found if not agency]
    if publishers:
        return publishers[0], "text: header"
    if found:
        return found[0][0], "text: header agency"
    return None, None
