"""Split a news article from its page furniture.

Scraped Arabic news pages carry material that is not the article: a related-articles tail
(إقرأ أيضاً, مقالات مشابهة ...), tag lists, share/comment lines, ads, app promos, language switchers,
repeated headlines, bylines, agency boilerplate and date stamps. Their dates and numbers must not
reach extraction, so ``clean_article`` removes them and reports what it removed and why.

Rules (all markers come from data/lexicons/boilerplate.yaml and are matched on normalised text):
- a tail marker line (or a marker glued after a sentence end) drops everything after it, once
  the article has started; before that it is only a navigation line;
- furniture lines are dropped only when short (a line of more than 8 words is never dropped
  unless it lies in a tail, starts with a tag/source/agency phrase or repeats an earlier line
  exactly): we would rather keep a stray line than lose a paragraph;
- a run of bulleted headlines closing the page is a related-articles block;
- the header zone (lines before the first real paragraph) keeps the title and long lines; its
  short lines (dateline city, outlet name, photo caption, section name) go to ``head``.
Cleaning is idempotent: ``clean_article(clean_article(x).text).text == clean_article(x).text``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .lexicons import load_yaml
from .markup import strip_markup
from .normalize import normalize, normalize_with_offsets
from .unwrap import unwrap_hard_lines

LEXICON = "boilerplate.yaml"

# A real paragraph has more than this many words: such a line is never dropped as furniture.
MAX_FURNITURE_WORDS = 8
# Header zone: at most this many kept lines before the article proper begins.
MAX_HEADER_LINES = 6
# Short header lines (dateline city, outlet, caption) have at most this many words.
MAX_HEADER_SHORT_WORDS = 4
# A header line with this many words is a paragraph even without final punctuation.
LONG_LINE_WORDS = 25

_WORD = re.compile(r"[^\W_]+")
_SENTENCE_END = r"[.!?؟…\"»”)\]]"
_FINAL_PUNCT = re.compile(_SENTENCE_END + r"\s*$")
_SENTENCE_STOP = re.compile(r"[^.][.!?؟]\s*$")
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_NON_WORD = re.compile(r"[\W_\d]+")
_BULLET = re.compile(r"^\s*[•●▪◦·\-*–►◄■□✓»]\s*\S")
# Latin-letter furniture: "AA AA" agency logos, "A+ A-" font controls.
_LATIN_BADGE = re.compile(r"^(?:[a-z]{1,3}[+\-]?\s*){1,6}$")
# What makes a line look like a date/time stamp.
_STAMP_SIGNAL = re.compile(r"(?:19|20)\d\d|\d{1,2}[-./]\d{1,2}[-./]\d{2,4}|\d{1,2}:\d\d")
_STAMP_NOISE = re.compile(r"\d+(?:st|nd|rd|th)?|[^\w\s]|_")
_STAMP_MAX_WORDS = 3


def _phrase_pattern(phrases: list[str]) -> str:
    """Alternation of normalised phrases, longest first, spaces matching any run of spaces."""
    forms = sorted({normalize(p).strip() for p in phrases if normalize(p).strip()},
                   key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(w) for w in f.split()) for f in forms)


@dataclass(frozen=True)
class _Rules:
    tail: re.Pattern[str]
    tags: re.Pattern[str]
    source: re.Pattern[str]
    agency: re.Pattern[str]
    promo: re.Pattern[str]
    byline: re.Pattern[str]
    stamp_label: re.Pattern[str]
    social: re.Pattern[str]
    glued: re.Pattern[str]
    share: frozenset[str]
    ads: frozenset[str]
    languages: frozenset[str]
    sections: tuple[str, ...]


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    lex = load_yaml(LEXICON)
    tail = _phrase_pattern(lex["tail_markers"])
    tags = _phrase_pattern(lex["tag_prefixes"])
    source = _phrase_pattern(lex["source_prefixes"])
    agency = _phrase_pattern(lex["agency_boilerplate"])
    share_glued = _phrase_pattern([p for p in lex["share_lines"] if len(p.split()) > 1]
                                  + ["مشاركة"])
    # The marker may carry a count in brackets ("التعليقات (4)").
    after_marker = r"\s*(?:\(\s*\d+\s*\)\s*)?(?:$|[:：\-–—…])"
    # Markers glued into a line after a sentence end: the line is cut there.
    glued = (rf"(?<={_SENTENCE_END})\s*(?:(?:{tail}|{tags}|{source}|{share_glued}){after_marker}"
             rf"|(?:{agency}))")

    def norm_set(key: str) -> frozenset[str]:
        return frozenset(_squash(normalize(x)) for x in lex[key])

    return _Rules(
        # "(المقالات ذات الصلة)": a marker may stand in brackets.
        tail=re.compile(rf"^[(\[«]?\s*(?:{tail})\s*[)\]»]?{after_marker}"),
        tags=re.compile(rf"^(?:{tags})\s*(?:$|[:：\-–—])"),
        source=re.compile(rf"^\(?\s*(?:{source})\s*[:：]"),
        agency=re.compile(rf"^(?:{agency})"),
        promo=re.compile(rf"^(?:{_phrase_pattern(lex['app_promo_prefixes'])})"),
        byline=re.compile(rf"^(?:(?:{_phrase_pattern(lex['byline_prefixes'])})\s"
                          rf"|(?:{_phrase_pattern(lex['byline_labels'])})\s*[:：])"),
        stamp_label=re.compile(rf"^(?:{_phrase_pattern(lex['stamp_labels'])})(?=\W|\d|$)"),
        social=re.compile(rf"(?:{_phrase_pattern(lex['social_names'])})"),
        glued=re.compile(glued),
        share=norm_set("share_lines"),
        ads=norm_set("ad_lines"),
        languages=norm_set("language_codes"),
        sections=tuple(sorted({_squash(normalize(x)).replace(" ", "")
                               for x in lex["section_labels"]}, key=len, reverse=True)),
    )


@lru_cache(maxsize=256)  # a line is squashed by several rules in a row (share, ad, language, key)
def _squash(text: str) -> str:
    """Words only, single-spaced: the form compared with whole-line lists."""
    return " ".join(_NON_WORD.sub(" ", text).split())


# A line's words are counted by several rules in a row (furniture, paragraph, title): kept.
@lru_cache(maxsize=256)
def _words(norm: str) -> int:
    return len(_WORD.findall(norm))


@dataclass
class Cleaned:
    """The article body, the header material useful for metadata, and what was removed."""

    text: str
    head: str = ""
    removed: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, reason) in input


@dataclass
class _Segment:
    start: int  # offsets in the input text
    end: int
    norm: str  # normalised, stripped


def _segments(text: str) -> list[_Segment]:
    """Lines of ``text``, further cut where a furniture marker is glued after a sentence end."""
    rules = _rules()
    out: list[_Segment] = []
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        norm = normalize_with_offsets(line)
        cuts = [0]
        for m in rules.glued.finditer(norm.text):
            cut = norm.offsets[m.start()]
            if cut > cuts[-1]:
                cuts.append(cut)
        if len(cuts) == 1:
            out.append(_Segment(start, start + len(line), norm.text.strip()))
            continue
        cuts.append(len(line))
        for a, b in zip(cuts, cuts[1:]):
            out.append(_Segment(start + a, start + b, normalize(line[a:b]).strip()))
    return out


def _is_share(norm: str, rules: _Rules) -> bool:
    words = _squash(rules.social.sub(" ", _URL.sub(" ", norm))).split()
    kept = [w for w in words if len(w) > 1]  # clitic و left by "وتويتر"
    stripped = " ".join(kept)
    if bool(stripped) and stripped in rules.share:
        return True
    # "تابعوا RT على": the outlet's own Latin name inside a short follow line.
    if len(kept) <= 4 and any(w.isascii() for w in kept):
        arabic = [w for w in kept if not w.isascii()]
        while arabic and arabic[-1] in _DANGLING:
            arabic.pop()
        return bool(arabic) and " ".join(arabic) in rules.share
    return False


# Prepositions a follow line ends on when its channel names were links ("تابعونا على").
_DANGLING = tuple(normalize(w) for w in ("على", "عبر"))


def _is_language_switch(norm: str, rules: _Rules) -> bool:
    parts = _squash(norm).split()
    return 0 < len(parts) <= 6 and all(p in rules.languages for p in parts)


def _is_stamp(norm: str, rules: _Rules, in_header: bool) -> bool:
    """A line that is only a date/time stamp (optionally labelled "تاريخ النشر:" etc.)."""
    labelled = rules.stamp_label.match(norm)
    if not labelled and not (in_header and _STAMP_SIGNAL.search(norm)):
        return False
    rest = rules.stamp_label.sub(" ", norm, count=1) if labelled else norm
    if labelled and not _STAMP_SIGNAL.search(rest) and not re.search(r"\d", rest):
        return False
    words = [w for w in _STAMP_NOISE.sub(" ", rest).split() if len(w) > 1]
    return len(words) <= _STAMP_MAX_WORDS


def _is_section(norm: str, rules: _Rules) -> bool:
    rest = _squash(norm).replace(" ", "")
    if not rest:
        return False
    changed = True
    while rest and changed:
        changed = False
        for label in rules.sections:
            if rest.startswith(label):
                rest, changed = rest[len(label):], True
                break
    return not rest


def _line_kind(norm: str, rules: _Rules, in_header: bool) -> str | None:
    """Reason to drop a whole segment, or None. ``tail`` means: drop it and what follows."""
    if rules.tail.match(norm):
        return "tail"
    if rules.tags.match(norm):
        return "tags"
    if rules.source.match(norm):
        return "source"
    if rules.agency.match(norm):
        return "agency"
    if _words(norm) > MAX_FURNITURE_WORDS:
        return None
    if _is_share(norm, rules):
        return "share"
    if _squash(norm) in rules.ads:
        return "ad"
    if rules.promo.match(norm):
        return "promo"
    if _is_language_switch(norm, rules):
        return "language"
    if _LATIN_BADGE.match(norm) or rules.byline.match(norm):
        return "byline"
    if _is_stamp(norm, rules, in_header):
        return "stamp"
    if in_header and _is_section(norm, rules):
        return "section"
    if _URL.fullmatch(norm):
        return "share"
    return None


def _is_paragraph(norm: str) -> bool:
    """The article proper has begun: a sentence-like line, not a headline."""
    n = _words(norm)
    return n >= LONG_LINE_WORDS or (n > MAX_FURNITURE_WORDS and bool(_FINAL_PUNCT.search(norm)))


# Reasons whose lines are useful for metadata and therefore copied into ``head``.
_HEAD_REASONS = frozenset({"source", "byline", "stamp", "header"})


def clean_article(text: str) -> Cleaned:
    """Article body of ``text`` without page furniture; see the module docstring for the rules."""
    if not text:
        return Cleaned("")
    text = unwrap_hard_lines(strip_markup(text))  # same length as the markup-free text: ``removed`` holds for it
    rules = _rules()
    segments = _segments(text)
    removed: list[tuple[int, int, str]] = []
    head: list[str] = []
    kept: list[_Segment] = []
    seen: set[str] = set()
    in_header, header_kept, has_title = True, 0, False
    title = ""
    for seg in segments:
        norm = seg.norm
        if not norm:
            continue
        kind = _line_kind(norm, rules, in_header)
        if kind in ("tail", "tags") and not in_header:
            removed.append((seg.start, len(text), "tail"))
            break
        if kind == "tail":
            kind = "nav"
        key = _squash(norm)
        if kind is None and key and key in seen:
            kind = "repeat"
        if kind is None and title and _starts_with_title(key, title):
            kind = "repeat"
        if kind is None and in_header:
            kind = _header_line_kind(norm, has_title)
        if key:
            seen.add(key)
        original = text[seg.start:seg.end].strip()
        if kind is not None:
            removed.append((seg.start, seg.end, kind))
            if kind in _HEAD_REASONS:
                head.append(original)
            continue
        kept.append(seg)
        if in_header and not _is_paragraph(norm):
            head.append(original)
            header_kept += 1
            if not has_title:
                has_title, title = True, key
        if in_header and (_is_paragraph(norm) or header_kept >= MAX_HEADER_LINES):
            in_header = False
    removed.extend(_trailing_bullets(kept))
    removed.sort()
    return Cleaned(_assemble(text, removed), "\n".join(head), removed)


def _header_line_kind(norm: str, has_title: bool) -> str | None:
    """In the header zone: keep the title and long lines; short lines are header material."""
    if _is_paragraph(norm):
        return None
    words = _words(norm)
    if not has_title and words >= 2 and not norm.endswith(":"):
        return None
    if _SENTENCE_STOP.search(norm):
        return None  # a short sentence, not a dateline or a caption
    return "header" if words <= MAX_HEADER_SHORT_WORDS else None


def _starts_with_title(key: str, title: str) -> bool:
    """A headline repeated with a photo caption glued on ("عنوانالرئيسان الروسي ...")."""
    if len(title.split()) < 2 or key == title or not key.startswith(title):
        return False
    return _words(key[len(title):]) <= 6 and _words(key) <= LONG_LINE_WORDS


# "● 22:31 الكرملين: …": a bullet with a clock time is a ticker's item, news of the page itself.
_TIMED_BULLET = re.compile(r"^\s*[•●▪◦·\-*–►◄■□✓»]\s*\d{1,2}[:.]\d{2}(?!\d)")


def _trailing_bullets(kept: list[_Segment]) -> list[tuple[int, int, str]]:
    """A list of bulleted headlines closing the page is a related-articles block, when the page
    has a body above it; a ticker (items with clock times) or a page that is only the list is the
    news itself."""
    run: list[_Segment] = []
    for seg in reversed(kept):
        if not _BULLET.match(seg.norm) or _words(seg.norm) > LONG_LINE_WORDS or _TIMED_BULLET.match(seg.norm):
            break
        run.append(seg)
    if len(run) < 2 or not any(_is_paragraph(seg.norm) for seg in kept[:len(kept) - len(run)]):
        return []
    return [(seg.start, seg.end, "related") for seg in run]


_MANY_BLANKS = re.compile(r"\n{3,}")
# Bidirectional controls (LRM, RLM, ALM, embeddings, overrides, isolates) and zero-width
# characters (space, non-joiner, joiner, BOM, soft hyphen) carry no meaning for reading the text
# but split a number from its digits ("\u200f12 مليار") or a word in two ("بو\u200cتين"): pages and
# keyboards paste them freely. The reader sees the text without them, so the extractor does too.
_INVISIBLE_CONTROLS = re.compile("[\u200b-\u200f\u061c\u202a-\u202e\u2066-\u2069\ufeff\u00ad]")
_TRAILING_WS = re.compile(r"[ \t\r\f\v]+$", re.MULTILINE)
# A run of spaces inside a line is one space to the reader; scraped pages double them freely,
# which would split "1 200 000" or a name from its title for every pattern written with one.
_SPACE_RUN = re.compile(r"(?<=\S)[ \t\u00a0\u2009\u202f]{2,}(?=\S)")


def _assemble(text: str, removed: list[tuple[int, int, str]]) -> str:
    """Input minus the removed spans; a line emptied by a removal disappears with its line end."""
    spans = sorted((s, e) for s, e, _ in removed if e > s)  # disjoint, so ends are sorted too
    out: list[str] = []
    first = pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        while first < len(spans) and spans[first][1] <= start:
            first += 1
        kept: list[str] = []
        at, touched = start, False
        for k in range(first, len(spans)):
            s, e = spans[k]
            if s >= max(end, start + 1):
                break
            touched = True
            if s > at:
                kept.append(text[at:s])
            at = max(at, e)
        if not touched:
            out.append(line)
            continue
        if at < end:
            kept.append(text[at:end])
        rest = "".join(kept)
        if rest.strip():
            out.append(rest)
    body = _TRAILING_WS.sub("", _SPACE_RUN.sub(" ", _INVISIBLE_CONTROLS.sub("", "\n".join(out))))
    return _MANY_BLANKS.sub("\n\n", body).strip()
