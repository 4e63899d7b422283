"""Statements of Putin and Aliyev in an article: direct quotes and reported speech.

Per paragraph (a line), the quotes are found first (« » “ ” ‘ ’ and paired straight quotes) and
sentences split outside them. Each speech verb outside quotes (قال, أكد, مضيفا, قوله …) gets a
speaker and, when something follows that was said, a statement:

* the speaker of a past verb is the subject after it ("وقال الرئيس الروسي فلاديمير بوتين");
  an unknown noun there ("قال مسؤول") is someone else; no subject ("وقال إنه", "وأضاف في كلمته
  أن") continues the earlier speaker of the sentence, else the subject before the verb ("بوتين،
  من جهته، قال"), else the last speaker (or subject) of the paragraph, and a paragraph that opens
  with such a verb continues the previous paragraph's last speaker;
* a participle (مضيفا, مشيرا) continues the sentence's speaker; "قوله" is said by the person
  named after عن before it ("نقل عن بوتين قوله");
* what was said: the quote after the verb (and a colon), the words after a colon, the clause after
  إن/أن (or the verb's own preposition: "أعرب عن", "أشار إلى") to the sentence end or the next
  statement of the sentence, a direct object after أكد/أعلن with a named speaker, or the quote just
  before "، قال بوتين";
* not attributed: third persons, words inside a quote (a leader quoting someone: the outer quote is
  his statement, what it quotes is not anyone's), a verb whose clause names someone else first
  ("قال بوتين إن علييف أكد أن …": Aliyev's words as Putin reports them), a planned statement
  (no past verb: "سيلقي كلمة"), and a journalist's paraphrase with no speech verb.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ...models import Statement
from ...normalize import Normalized, normalize_with_offsets
from ..arabic import SENTENCE_END
from ..gates import Token, article_tokens, find_all, tokens_between
from ..meetings import titles_mean_putin
from .lexicon import W, Mention, Verb, find_mentions, lex

OURS = ("putin", "aliyev")
_CLOSE = {"«": "»", "“": "”", "„": "”", "‘": "’", '"': '"', "”": "”"}
_SLOT = 200  # how far after a past verb its subject and complementizer may lie
_SKIP = re.compile(r"[\s،,]*")
_TRIM = " \t\u00a0،,.:;؛!?؟-–"
_MARK = re.compile("[\u064b-\u065f\u0670\u0640]")  # harakat and tatweel after a letter
_QUOTE_CHAR = re.compile("[" + re.escape("".join(sorted(set(_CLOSE) | set(_CLOSE.values())))) + "]")


@dataclass
class _Found:
    start: int  # the verb with its clitic, normalised offsets
    vstart: int
    end: int
    verb: Verb
    speaker: str | None = None  # putin, aliyev, other; None: unknown
    explicit: bool = False
    nested: bool = False
    span: tuple[int, int] | None = None  # the statement, normalised offsets
    mode: str = "reported"
    open_end: bool = False  # a reported clause that runs to the next statement


def _skip(norm: str, pos: int, end: int | None = None) -> int:
    """Past the spaces and commas at ``pos``."""
    m = _SKIP.match(norm, pos, len(norm) if end is None else end)
    return m.end() if m else pos


def _quotes(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    """Top-level quote spans (opener, closer + 1) of a paragraph; an unclosed «“‘ runs to its end."""
    seg = norm[start:end]
    skip = seg.rfind('"') if seg.count('"') % 2 else -1
    spans: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    for q in _QUOTE_CHAR.finditer(seg):  # other characters neither open nor close a quote
        i, ch = q.start(), q.group()
        if i == skip:
            continue
        if stack and ch == _CLOSE[stack[-1][0]]:
            opener, pos = stack.pop()
            if not stack:
                spans.append((start + pos, start + i + 1))
        elif ch in _CLOSE and ch != "’":  # ” opens a quote too ("أضاف :”…”")
            stack.append((ch, i))
    if stack:
        spans.append((start + stack[0][1], end))
    return spans


def _sentences(norm: str, start: int, end: int, quotes) -> list[tuple[int, int]]:
    out, pos = [], start
    for m in SENTENCE_END.finditer(norm, start, end):
        if any(a < m.start() < b for a, b in quotes):
            continue
        out.append((pos, m.end()))
        pos = m.end()
    out.append((pos, end))
    return [(s, e) for s, e in out if norm[s:e].strip()]


def _marker(norm: str, f: _Found, limit: int, quotes) -> tuple[str, int, int] | None:
    """The first thing after the verb that opens what was said: (kind, start, content start)."""
    lx, best = lex(), None
    openers = {a for a, _ in quotes}
    for pos in range(f.end, limit):
        ch = norm[pos]
        if ch == ":" or pos in openers:
            after = _skip(norm, pos + 1 if ch == ":" else pos)
            q = next(((a, b) for a, b in quotes if a == after), None)
            if q and ch != ":" and len(norm[q[0] + 1:q[1] - 1].split()) < 3:
                continue  # a quoted name or title ("وصرح “بوتين”", "مجلة “الدفاع الوطني”")
            if q:
                return ("quote", pos, q[0] + 1)
            return ("colon", pos, after) if ch == ":" else None
        if pos > f.end and norm[pos - 1].isalnum() or not ch.isalpha():
            continue
        if any(a < pos < b for a, b in quotes):
            continue
        prev = re.search(rf"({W}+)\s+$", norm[max(0, pos - 12):pos])
        m = lx.comp_pronoun.match(norm, pos)
        if m:
            return ("pronoun", pos, pos)
        m = lx.comp_bare.match(norm, pos)
        if m and not (prev and prev.group(1) in lx.not_comp_after):
            best = ("bare", pos, _skip(norm, m.end()))
            return best
        for p in f.verb.preps:
            rx = rf"{p}(?=ال)" if len(p) == 1 else rf"{p}(?!{W})"
            if re.match(rx, norm[pos:pos + len(p) + 2]):
                return ("prep", pos, pos)
    return None


def _subject(norm: str, a: int, b: int, mentions: list[Mention]) -> tuple[str | None, int, bool]:
    """Who the words ``norm[a:b]`` after a past verb name as subject: (who, where the subject ends,
    explicit). (None, a, False) when there is no subject; ("other", …) for an unknown noun."""
    lx, pos = lex(), _skip(norm, a, b)
    if pos < b and norm[pos] in _CLOSE:  # a quoted name: "وأضاف “بوتين” أنه"
        close = norm.find(_CLOSE[norm[pos]], pos + 1, min(b, pos + 30))
        named = find_mentions(norm, pos + 1, close, True, lambda p: False) if close > 0 else []
        if named and not norm[pos + 1:named[0].start].strip() and not norm[named[0].end:close].strip():
            return named[0].who, close + 1, True
    while pos < b:
        m = next((m for m in mentions if m.start == pos), None)
        if m:
            # "أكد بوتين وعلييف …": a joint subject is neither leader alone
            joint = re.match(r"[\s،,]*و\s*", norm[m.end:b])
            if joint and any(n.start in (m.end + joint.end(), m.end + joint.end() - 1) for n in mentions):
                return "other", m.end, True
            return m.who, m.end, True
        h = lx.honorific_re.match(norm, pos) or lx.filler_re.match(norm, pos)
        if not h:
            break
        pos = _skip(norm, h.end(), b)
    if pos >= b:
        return None, a, False
    if lx.adverbial_re.match(norm, pos):
        m = next((m for m in mentions if pos <= m.start < b and not m.oblique), None)
        return (m.who, m.end, True) if m else (None, a, False)
    return "other", a, True


def _verbs(norm: str, s: int, e: int, quotes, tokens: tuple[Token, ...]) -> list[_Found]:
    """The speech verbs of sentence [s, e) (``tokens``: its words: the verbs are tried at those
    they can start with)."""
    lx, out = lex(), []
    for m in find_all(lx.verb_re, norm, tokens, s, e):  # lx.verb_re.finditer(norm, s, e)
        if not any(a <= m.start() < b for a, b in quotes):
            out.append(_Found(m.start(), m.start("v"), m.end(), lx.verbs[m.group("v")]))
    return out


def _analyse(norm: str, s: int, e: int, quotes, mentions, last: str | None, carry: str | None,
             para_start: int, tokens: tuple[Token, ...]) -> tuple[list[_Found], str | None, str]:
    """Speakers and statements of the verbs of sentence [s, e); returns them, the last speaker
    and where it came from: "speech" (a speech verb: only that speaker carries to the next
    paragraph), "topic" (the sentence's subject) or "" (the sentence names nobody)."""
    found = _verbs(norm, s, e, quotes, tokens)
    active: _Found | None = None
    in_sent = [m for m in mentions if s <= m.start < e]
    for i, f in enumerate(found):
        limit = found[i + 1].start if i + 1 < len(found) else e
        if f.verb.kind == "masdar":
            src = [m for m in in_sent if m.end <= f.start and _prev_word(norm, m.start) in lex().masdar_from]
            f.speaker, f.explicit = (src[-1].who, True) if src else (None, False)
            marker = _marker(norm, f, min(limit, f.end + 40), quotes)
        else:
            window = min(limit, f.end + (_SLOT if f.verb.kind == "past" else 60))
            marker = _marker(norm, f, window, quotes)
            subj_end = f.end
            if f.verb.kind == "past":
                f.speaker, subj_end, f.explicit = _subject(norm, f.end, marker[1] if marker else window, in_sent)
            if not f.explicit:
                clause = active.span[0] if active and active.span else (active.end if active else s)
                if active and f.verb.kind == "past" and any(
                        clause <= m.start < f.start and not m.oblique for m in in_sent):
                    f.nested = True
                    continue
                before = next((m for m in in_sent if m.end <= f.start and not m.oblique), None)
                at_para_start = not norm[para_start:f.start].strip()
                f.speaker = (active.speaker if active else before.who if before else
                             last if last else carry if at_para_start else None)
            elif f.verb.obj and (marker is None or marker[1] > _skip(norm, subj_end) and not lex().adverbial_re.match(
                    norm, _skip(norm, subj_end))):
                marker = ("object", subj_end, _skip(norm, subj_end))
        if f.verb.kind == "participle" and f.verb.obj and marker is None:
            marker = ("object", f.end, _skip(norm, f.end))
        if marker:
            kind, _pos, content = marker
            if kind == "quote":
                close = next(b for a, b in quotes if a == content - 1)
                f.span, f.mode = (content, close - 1 if norm[close - 1] in _CLOSE.values() else close), "direct"
            else:
                f.span, f.open_end = (content, e), True
                f.mode = "direct" if kind == "colon" else "reported"
                if kind == "colon" and any(m.who == f.speaker and not m.oblique and content <= m.start
                                           for m in in_sent):
                    f.span = None  # "فقال: تحدث بوتين مع …": someone else speaks of him
        elif f.verb.kind == "past" and f.explicit:
            q = next(((a, b) for a, b in quotes if s <= a and b <= f.start
                      and not norm[b:f.start].strip(" \t،,و")), None)
            if q:
                f.span, f.mode = (q[0] + 1, q[1] - 1), "direct"
        if f.span or f.explicit:
            active = f
    # a reported clause runs to the next statement or named speaker of its sentence
    cuts = [f.start for f in found if not f.nested and (f.span or f.explicit)]
    for f in found:
        if f.span and f.open_end:
            nxt = [c for c in cuts if c > f.span[0]]
            if nxt:
                f.span = (f.span[0], min(nxt[0], f.span[1]))
    speakers = [f.speaker for f in found if not f.nested and f.speaker and (f.span or f.explicit)]
    if speakers:
        return found, speakers[-1], "speech"
    topic = next((m.who for m in mentions if s <= m.start < e and not m.oblique), None)
    return found, topic or last, "topic" if topic else ""


def _prev_word(norm: str, pos: int) -> str:
    m = re.search(rf"({W}+)[\s،,]*$", norm[max(0, pos - 12):pos])
    return m.group(1) if m else ""


def _trim(text: str, a: int, b: int, direct: bool) -> tuple[int, int]:
    """The statement's span without the spaces around it (any space, NEL and the separators
    included: a quotation's text is trimmed as ``str.strip`` would), and for a reported one its
    punctuation too."""
    def trimmed(ch: str) -> bool:
        return ch.isspace() or not direct and ch in _TRIM
    while a < b and trimmed(text[a]):
        a += 1
    while b > a and trimmed(text[b - 1]):
        b -= 1
    return a, b


def find_statements(text: str, today: date | None = None) -> list[Statement]:
    """Statements of Putin and Aliyev in ``text``, in order. ``today`` (the article's date), when
    known, keeps Putin's titles from meaning him during Medvedev's presidency."""
    nz: Normalized = normalize_with_offsets(text)
    norm, out, carry = nz.text, [], None
    putin_titles = titles_mean_putin(today)
    words = article_tokens(norm)  # the words of each line are taken from these
    pos = 0
    for line in norm.split("\n"):
        ps, pe, pos = pos, pos + len(line), pos + len(line) + 1
        if not line.strip():
            continue
        quotes = _quotes(norm, ps, pe)
        mentions = find_mentions(norm, ps, pe, putin_titles,
                                 lambda p, q=quotes: any(a < p < b for a, b in q), tokens_between(words, ps, pe))
        last, spoke = None, False
        for s, e in _sentences(norm, ps, pe, quotes):
            # a sentence ends after a punctuation mark or at the line's end: no word crosses its ends
            found, last, said = _analyse(norm, s, e, quotes, mentions, last, carry, ps, tokens_between(words, s, e))
            spoke = spoke if not said else said == "speech"
            for f in found:
                if f.nested or f.speaker not in OURS or not f.span:
                    continue
                out.append(_statement(text, nz, f, s, e))
        carry = last if spoke else None
    return [st for st in out if st is not None and re.search(W, st.text)]


def _past_marks(text: str, i: int) -> int:
    """``i`` moved past the diacritics written on the letter before it (normalising drops them)."""
    while i < len(text) and _MARK.match(text[i]):
        i += 1
    return i


def _statement(text: str, nz: Normalized, f: _Found, s: int, e: int) -> Statement:
    assert f.span and f.speaker
    fs = nz.text[f.span[0]:f.span[1]]
    cut = lex().connector_re.search(fs) if f.mode == "reported" else None
    b = f.span[0] + (cut.start() if cut else len(fs))
    a, b = nz.to_original(f.span[0], b)
    a, b = _trim(text, a, _past_marks(text, b), f.mode == "direct")
    ss, se = nz.to_original(s, e)
    se = _past_marks(text, se)  # the sentence keeps the marks of its last letter, as the statement does
    vs, ve = nz.to_original(f.vstart, f.end)
    return Statement(speaker=f.speaker, mode=f.mode, text=text[a:b], sentence=text[ss:se].strip(),
                     start=a, end=b, verb=text[vs:ve])
