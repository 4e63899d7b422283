"""Whether a sentence's encounter is an earlier one (history) rather than the article's news: a
marker of the past near its word ("آخر لقاء", "سبق أن", "قبل ثماني سنوات", "لقاءاته الأخيرة", an
anniversary, a habit of years), or background told in the pluperfect ("وكان … قد أجرى") or as what
the news comes after ("ويأتي ذلك في أعقاب …"), which the text may still date as the news."""
from __future__ import annotations

import re

from ..arabic import CLAUSE_COMMA
from ..gates import find_all, find_first
from .lexicon import lexicon
from .sentences import PHRASE_BREAK, Sentence, counted_from, holds

# How far (characters) a past-reference word may be from the meeting word it qualifies.
PAST_WINDOW = 70


# Pluperfect "وكان/وكانت + subject + قد + verb" (up to six words of subject): a background event.
_PLUPERFECT = re.compile(r"(?<![^\W_])[وف]?كان(?:ت|وا|تا)?(?:\s+[^\W_]+){0,6}?\s+قد(?![^\W_])")


def is_past_reference(s: Sentence) -> bool:
    return past_reason(s) is not None


def past_reason(s: Sentence) -> str | None:
    """Why the sentence's encounter is an earlier one: "marker" (آخر لقاء، سبق أن، لقاءاته
    الأخيرة، a habit of years) or "pluperfect" (وكان … قد أجرى, ويأتي ذلك بعد …: background, unless the text dates
    it as the news of the day); None when it reads as the news."""
    first_term = s.terms[0][0] if s.terms else 0
    if holds(s, lexicon().habit_span) or holds(s, lexicon().habit_words) or holds(s, lexicon().anniversary) \
            or _anniversary_of(s, first_term):
        return "marker"
    for m in find_all(lexicon().past, s.norm, s.tokens):
        if m.group().startswith("اخر") and lexicon().still_running.search(s.norm, m.end(), m.end() + 80):
            continue  # "في آخر لقاء له … هذه السنة": the last one so far is this one
        if _marks_another_encounter(s, m.start()):
            continue  # "عقدوا قمتهم اليوم في طهران، بعد قمة باكو العام الماضي": the other one's time
        if abs(m.start() - first_term) <= PAST_WINDOW and not _clause_between(s.norm, m.end(), first_term):
            return "marker"
    # "في قمتهم الأولى بباكو قبل ثماني سنوات": months or years ago, after the encounter's words; or
    # opening the sentence before them ("قبل عام وأسابيع قليلة، … جلس بوتين"), not "قبل عام من …"
    ends = _term_ends(s)
    for m in find_all(lexicon().ago_span, s.norm, s.tokens):
        if any(0 <= m.start() - end <= AGO_WINDOW and not _REPORTED.search(s.norm, end, m.start()) for end in ends):
            return "marker"
        if m.start() <= OPENING_CHARS and m.end() <= first_term and not _COUNTED_ON.match(s.norm, m.end()):
            return "marker"
    # "بعد أسابيع من قمة سوتشي": the news comes weeks or more after its first encounter word
    long_after = lexicon().long_after.search(s.norm, max(0, first_term - LONG_AFTER_CHARS), first_term) \
        if s.terms else None
    if long_after is not None and not _main_clause_after(s, long_after):
        return "marker"
    # "لقاءاته الأخيرة", "القمة السابقة": a meeting noun qualified as an earlier one.
    if any(lexicon().past_adjective.match(s.norm, end) for end in ends):
        return "marker"
    for m in _PLUPERFECT.finditer(s.norm):
        if abs(m.start() - first_term) <= PAST_WINDOW:
            return "pluperfect"
    # "ويأتي ذلك في أعقاب زيارة الدولة …": told as what the news comes after, like the pluperfect;
    # so is a closing note's recollection ("يذكر أن بوتين زار باكو في أغسطس الماضي"), unless it
    # announces ("يذكر أن بوتين سيزور باكو الشهر المقبل")
    lex = lexicon()
    notes = (lex.background_after,) if find_first(lex.announced, s.norm, s.tokens) else \
        (lex.background_after, lex.background_note)
    for pattern in notes:
        # the encounter's word after the note ("ويأتي ذلك بعد قمة …", "ويأتي الاجتماع بعد قمة …")
        if any(m.start() <= first_term and any(0 <= p - m.end() <= PAST_WINDOW for p, _ in s.terms)
               for m in find_all(pattern, s.norm, s.tokens)):
            return "pluperfect"
    # contacts told as repeated or regular, anywhere in the sentence
    if lex.repeated_contacts.search(s.norm):
        return "pluperfect"
    return None


# How far before the encounter's word "بعد أسابيع من" (and a phase: "انعقاد") may start.
LONG_AFTER_CHARS = 40
# How far before the encounter's word an anniversary noun governs it ("الذكرى العشرون للزيارة").
ANNIVERSARY_WINDOW = 30


def _anniversary_of(s: Sentence, term: int) -> bool:
    """Is the encounter's word at ``term`` the object of an anniversary ("تمر اليوم الذكرى العشرون
    للزيارة التي قام بها بوتين")?"""
    start = max(0, term - ANNIVERSARY_WINDOW)
    return any(not PHRASE_BREAK.search(s.norm, m.end(), term)
               for m in lexicon().anniversary_noun.finditer(s.norm, start, term))


# How far after an encounter's words "قبل ثماني سنوات" still tells its time; a comma or a
# reported clause ("خلال لقائه علييف إن المشروع بدأ قبل ثماني سنوات") between dates something else.
AGO_WINDOW = 40
# ... and how near the sentence's start a time ago opens it; "قبل عام من" counts from something else.
OPENING_CHARS = 12
_COUNTED_ON = re.compile(r"\s+من(?![^\W_])")
_REPORTED = re.compile(r"[،,]|(?<![^\W_])(?:ان|بان|لان|انه|بانه)(?![^\W_])")


def _marks_another_encounter(s: Sentence, at: int) -> bool:
    """Is the meeting word nearest a time marker at ``at`` one the sentence sets its own encounter
    after or before ("بعد قمة باكو العام الماضي"), the marker that one's time?"""
    if len(s.terms) < 2:
        return False
    nearest = min((p for p, _ in s.terms), key=lambda p: abs(p - at))
    return nearest != s.terms[0][0] and counted_from(s, nearest)


def _main_clause_after(s: Sentence, fronted: re.Match) -> bool:
    """Does a sentence that opens with "بعد شهرين من …،" tell an encounter of its own after the
    fronted clause ("بعد شهرين من توقيعه اتفاقا في واشنطن، التقى علييف أمس بوتين")? The weeks
    are counted from the fronted clause's event, not from the main clause's."""
    if fronted.start() > OPENING_CHARS:
        return False
    # the encounter's word opening the clause after a comma, not one deeper in it that may point back
    # ("…، لا تزال نتائج اللقاء غير واضحة", "…، قال إن الزعيمين اتفقا خلال اللقاء")
    commas = [m.end() for m in CLAUSE_COMMA.finditer(s.norm, fronted.end())]
    return any(c < p and s.norm[c:p].isspace() for p, _ in s.terms for c in commas)


def _clause_between(norm: str, end: int, term: int) -> bool:
    """A comma between a time marker and the meeting word after it: the marker closes the
    clause before ("إسقاط الطائرة أواخر العام الماضي، خلال لقائه …" dates the crash)."""
    return end <= term and bool(CLAUSE_COMMA.search(norm, end, term))


def _term_ends(s: Sentence) -> list[int]:
    ends = []
    for pat in lexicon().terms.values():
        ends += [m.end() for m in find_all(pat, s.norm, s.tokens)]
    return ends
