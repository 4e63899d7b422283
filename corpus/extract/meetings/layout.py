"""Which spans of a page tell its own news: a chronology's items (each paragraph its own day's news,
the two leaders together only within one), a fact-check's claim and a pointer to another story
(neither is the page's news), where "الرئيسان" means another pair than Putin and Aliyev, and when a
headline's encounter yields to its lead's or to the history its lead tells."""
from __future__ import annotations

import re
from datetime import date
from itertools import islice

from ...models import Meeting
from ..items import ItemLabel
from .dating import DateChoice, has_date_info, in_the_encounters_clause, norm_pos
from .lexicon import TOKEN, Lex
from .sentences import LEAD_SENTENCES, Sentence, aliyev_titles


def not_the_news(norm: str, lex: Lex) -> list[tuple[int, int]]:
    """The spans of lines that do not tell the page's news: a fact-check's claim ("ادعاء: …") and a
    pointer to another story ("الخبر السابق: …"). (Lines opening with a clock time are not among
    them: a live page's updates and an alert log are the news.)"""
    starts = [m.start() for pat in (lex.claim_paragraph, lex.other_story) for m in pat.finditer(norm)]
    spans = []
    for start in sorted(starts):
        end = norm.find("\n", start)
        spans.append((start, len(norm) if end < 0 else end))
    return spans


def blanked(norm: str, spans: list[tuple[int, int]]) -> str:
    """``norm`` with the given spans blanked (offsets kept)."""
    chars = list(norm)
    for a, b in spans:
        chars[a:b] = " " * (b - a)
    return "".join(chars)


def lead_pairs_another(norm: str, lex: Lex, sentences: list[tuple[int, int]]) -> bool:
    """Does the lead name one of the two with another leader and not the other ("وقع علييف
    وباشينيان …")? Then "الزعيمان" later in the article are that pair, not Putin and Aliyev.
    ``sentences``: the sentence spans of ``norm``."""
    spans = list(islice(((a, b) for a, b in sentences if len(TOKEN.findall(norm[a:b])) > 6), LEAD_SENTENCES))
    for a, b in spans:
        lead = norm[a:b]
        putin, aliyev = bool(lex.putin.search(lead)), bool(lex.aliyev_name.search(lead) or aliyev_titles(lead))
        if putin and aliyev:
            return False
        if (putin or aliyev) and lex.others.search(lead):
            return True
    return False


# How far back "الرئيسان" may look for the two it means.
PAIR_ANTECEDENT_CHARS = 400


def pair_of_others(norm: str, s: Sentence, putin_titles: bool, lex: Lex) -> bool:
    """"الرئيسان" after another leader named with Aliyev since Putin was last named ("وقع الرئيس
    إلهام علييف والرئيس قاسم جومارت توكاييف … كما شهد الرئيسان"): the two are those, not Putin and
    Aliyev."""
    before = norm[max(0, s.start - PAIR_ANTECEDENT_CHARS): s.start]
    putin = lex.putin if putin_titles else lex.putin_name
    last_putin = max((m.end() for m in putin.finditer(before)), default=-1)
    since = before[last_putin + 1:] if last_putin >= 0 else before
    return bool(lex.others.search(since)) and bool(lex.aliyev_name.search(since))


# How far after "الرئيسان" the names that say which two they are may stand.
PAIR_NAMES_CHARS = 40


def pair_named_as_others(s: Sentence, lex: Lex) -> bool:
    """"شارك فيها الرئيسان إبراهيم رئيسي وفلاديمير بوتين": the two named right after the pair's word,
    one of them another leader and neither Aliyev, are those two."""
    for m in lex.pair.finditer(s.norm):
        names = s.norm[m.end(): m.end() + PAIR_NAMES_CHARS]
        if (lex.others.search(names) or lex.named_partners.search(names)) and not lex.aliyev_name.search(names):
            return True
    return False


def item_spans(labels: list[ItemLabel], nt) -> list[tuple[int, int, ItemLabel]]:
    """The chronology's labelled paragraphs in normalised offsets."""
    return [(norm_pos(nt, lb.start), norm_pos(nt, lb.end), lb) for lb in labels]


def item_at(items: list[tuple[int, int, ItemLabel]], position: int) -> tuple[int, int, ItemLabel] | None:
    return next((it for it in items if it[0] <= position < it[1]), None)


def outside_items(items: list[tuple[int, int, ItemLabel]], sentences: list[Sentence]) -> list[Sentence]:
    """The sentences that tell the page's own news: outside a chronology's items, and in other items
    those that name one of the two leaders ("الأربعاء 8 أكتوبر: يصل بوتين إلى دوشنبه")."""
    if not items:
        return sentences
    return [s for s in sentences if item_at(items, s.start) is None or s.putin or s.aliyev or s.pair]


def dated_by_item(choice: DateChoice | None, label: ItemLabel) -> bool:
    """Whether a chronology item's label dates a sentence of its paragraph: the sentence names no
    day of its own, or only the label's day without the year the chronology gives it."""
    if choice is None or choice.when is None and not choice.day:
        return True
    m = label.mention
    return choice.when is None and m is not None and m.date is not None \
        and (choice.month, choice.day) == (m.month, m.day)


def in_item(norm: str, items: list[tuple[int, int, ItemLabel]], position: int, putin_titles: bool, lex: Lex,
            doc_both: bool, doc_az_arm: bool) -> tuple[bool, bool]:
    """(both leaders named, Azerbaijan and Armenia named) for the sentence at ``position``: the
    article's, or within its paragraph when that is a chronology's item."""
    item = item_at(items, position)
    if item is None:
        return doc_both, doc_az_arm
    part = norm[item[0]:item[1]]
    both = doc_both and bool((lex.putin if putin_titles else lex.putin_name).search(part)) \
        and bool(lex.aliyev_name.search(part) or aliyev_titles(part))
    az_arm = doc_az_arm and bool(lex.azerbaijan.search(part)) and bool(lex.armenia.search(part))
    return both, az_arm


# ---------------------------------------------------------------- headlines and titles over a lead

_LINE_END_PUNCT = re.compile(r"[.!؟?:…]\s*$")


# A title line is short; a longer line without a full stop is a paragraph cut by the page.
TITLE_CHARS = 150
# The lead under a title: at most this many sentences after it (a byline may stand between).
LEAD_AFTER_TITLE = 2


def _rest_of_line(s: Sentence, norm: str) -> tuple[str, int] | None:
    """The sentence's line from its start, and the whole line's length; None on the text's last line."""
    line_end = norm.find("\n", s.start)
    if line_end < 0:
        return None
    return norm[s.start:line_end], line_end - (norm.rfind("\n", 0, s.start) + 1)


def _title_like(s: Sentence, norm: str) -> bool:
    """Does the sentence end a short line without a full stop (a headline, a kicker's title)?"""
    line = _rest_of_line(s, norm)
    return line is not None and line[1] <= TITLE_CHARS and not _LINE_END_PUNCT.search(line[0])


def headline_only(merged: list[Sentence], sentences: list[Sentence], norm: str,
                   under_furniture: bool = False) -> bool:
    """The main encounter so far rests on the article's first line alone, a headline (no full stop);
    ``under_furniture``: a headline that only the page's furniture (outlet, dateline or stamp lines,
    with no meeting word) stands above."""
    if len(merged) != 1:
        return False
    at = sentences.index(merged[0])
    if under_furniture and (not 0 < at < LEAD_SENTENCES or any(s.terms for s in sentences[:at])) \
            or not under_furniture and at != 0:
        return False
    line = _rest_of_line(merged[0], norm)
    return line is not None and not _LINE_END_PUNCT.search(line[0])


def days_ahead_under_headline(primary: Meeting, s: Sentence, status: str, choice: DateChoice | None,
                               published: date | None) -> bool:
    """An undated headline told in the present ("قمة ثلاثية تجمع بوتين وعلييف") whose lead sets the
    encounter days ahead ("سيستضيف يوم الجمعة المقبل"), and tells no encounter of today or yesterday
    ("أجرى اليوم محادثات …، على أن يزور باكو يوم الجمعة المقبل")."""
    return primary.status == "held" and not has_date_info(primary) and status == "announced" \
        and choice is not None and choice.when is not None and published is not None \
        and choice.when > published and not _encounter_told_today(s)


# Today or yesterday, in a sentence's own words; and how near a meeting word it tells that word's day
# ("أجرى الرئيس بوتين اليوم محادثات", not "أعلن الكرملين اليوم أن بوتين سيستضيف … قمة").
_NEWS_DAY = re.compile(r"(?<![^\W_])[وف]?(?:اليوم|امس)(?![^\W_])")
NEWS_DAY_NEAR_TERM = 30


def _encounter_told_today(s: Sentence) -> bool:
    terms = [p for p, _ in s.terms]
    return any(abs(m.start() - p) <= NEWS_DAY_NEAR_TERM and in_the_encounters_clause(s.norm, m.start(), terms)
               for m in _NEWS_DAY.finditer(s.norm) for p in terms)


def title_over_history(title: Sentence, lead: Sentence, sentences: list[Sentence], norm: str,
                        marked_past: bool) -> bool:
    """An undated title whose lead, right under it, tells its encounter as history ("قبل 18 سنة..
    زيارة بوتين الأولى إلى باكو" over "في مثل هذه الأيام من 2001 حل بوتين بباكو"): ``marked_past``
    says the lead marks it so (a past year it opens with, an anniversary, years ago), not a mere
    pluperfect ("وكان الرئيسان قد أجريا محادثات في أبريل الماضي" recalls an older encounter)."""
    return marked_past and _title_like(title, norm) \
        and 0 < sentences.index(lead) - sentences.index(title) <= LEAD_AFTER_TITLE
