"""The date attached to a meeting.

Date: the date expression nearest to the meeting word that is not owned by something else
(an agreement, a crash), resolved against the publication date; else the article's lead date;
else the publication date for a reported (held) meeting.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from ...models import Meeting
from ..arabic import CLAUSE_COMMA
from ..date_patterns import opening_year
from ..datelines import is_dateline
from ..dates import HELD, DateMention, infer_year, resolve_weekday, safe_date, to_date
from ..gates import may_match
from .lexicon import lexicon
from .others import others_clause_terms
from .sentences import Sentence, counted_days, counted_from, told_as_bilateral

# How far (characters) before a date an agreement/crash word may own it.
ANCHOR_WINDOW = 80
# Two dates this many days apart still describe the same meeting (multi-day visits).
SAME_MEETING_DAYS = 2


def owned_by_other(norm: str, d_start: int, term_positions: list[int], sentence_start: int = 0,
                    window: int = ANCHOR_WINDOW) -> bool:
    """A date (or a place) after an agreement, forum, war, crash or statement word of its own
    sentence, closer than any meeting word, is that thing's."""
    window_start = max(0, d_start - window, sentence_start)
    anchors = list(lexicon().anchors.finditer(norm[window_start: d_start]))
    if not anchors:
        return False
    anchor_pos = window_start + anchors[-1].start()
    before_terms = [p for p in term_positions if p <= d_start]
    return not before_terms or anchor_pos > max(before_terms)


@dataclass
class DateChoice:
    when: date | None
    basis: str | None
    weekday: int | None
    month: int | None = None
    day: int | None = None


def year_by_weekday(month: int, day: int, weekday: int, reference: date) -> int | None:
    """"الخميس 27 سبتمبر" without a year: the one year next to the reference's (the year before,
    the same, the next) in which that day falls on that weekday; None when none or several do."""
    years = [y for y in (reference.year - 1, reference.year, reference.year + 1)
             if (d := safe_date(y, month, day)) is not None and d.weekday() == weekday]
    return years[0] if len(years) == 1 else None


def resolve_choice(m: DateMention, published: date | None, status: str, weekday: int | None = None,
             told_past: bool = False, told_ahead: bool = False) -> DateChoice:
    """The day a mention gives the meeting; ``weekday``: a weekday written right next to it;
    ``told_past``: the encounter is told with a verb in the perfect, so its day is not ahead;
    ``told_ahead``: only in the imperfect, so a bare weekday is the next one."""
    if m.kind in ("explicit", "stamp"):
        basis = "explicit"
        if not m.year_known and m.month and m.day and m.direction is None:
            if weekday is not None:
                # The weekday picks the year; a year it contradicts would be a wrong date.
                year = year_by_weekday(m.month, m.day, weekday, published) if published else None
            elif published is not None:
                year = infer_year(m.month, m.day, published, HELD, slack_days=1) if told_past else \
                    infer_year(m.month, m.day, published, "future" if status == "announced" else None)
            else:
                year = None
            when = date(year, m.month, m.day) if year else None
            return DateChoice(when, basis, weekday, m.month, m.day)
        if m.date is not None and not m.year_known and weekday is not None and m.date.weekday() != weekday:
            return DateChoice(None, basis, weekday, m.month, m.day)  # the inferred year disagrees
        return DateChoice(m.date, basis, m.weekday if weekday is None else weekday, m.month, m.day)
    if m.kind == "weekday":
        when = m.date
        if published is not None and m.weekday is not None and m.offset_days is None and m.direction is None:
            ahead = status == "announced" or told_ahead
            when = resolve_weekday(m.weekday, published, "on_or_after" if ahead else "on_or_before")
        return DateChoice(when, "weekday", m.weekday)
    if m.kind == "relative":
        return DateChoice(m.date, "publication" if m.offset_days == 0 else "weekday", None)
    return DateChoice(None, None, None)


def date_for(s: Sentence, mentions: list[DateMention], nt, published: date | None,
             status: str) -> DateChoice | None:
    """The date of the encounter in sentence ``s`` (None when it names none)."""
    # "عقدت القمة غداة لقاء غير رسمي مساء الاثنين": a meeting word after غداة/عشية names the
    # encounter the day is counted from; a date next to it is that encounter's, not this one's.
    reference_terms = {s.start + p for p, _ in s.terms if counted_from(s, p)}
    # "مع قمة سوتشي السابقة في 26 تشرين الثاني": a date next to an earlier encounter is that one's.
    reference_terms |= {s.start + p for p, _ in s.terms if lexicon().earlier_term.match(s.norm, p)}
    # "…، حتى استقبل أمس في بطرسبورغ الرئيس التركي": a date next to another leader's encounter is its.
    reference_terms |= {s.start + p for p in others_clause_terms(s)}
    term_positions = [s.start + p for p, _ in s.terms]
    # "بحث … عشية انطلاق قمة … المقررة الخميس 4 يوليو": the summit's date, a day before, is this one's.
    shifted = {s.start + p: days for p, _ in s.terms if (days := counted_days(s, p)) is not None}
    frames = _frame_terms(s)
    candidates: list[tuple[int, int, int, DateMention, int]] = []
    issues: list[tuple[int, DateMention]] = []  # a newspaper issue's day ("في عددها الصادر أمس")
    for m in mentions:
        n_start = norm_pos(nt, m.start)
        if not (s.start <= n_start < s.end) or m.crawl or m.hijri:
            continue
        if lexicon().issue_day.search(nt.text, max(s.start, n_start - ISSUE_WINDOW), n_start):
            issues.append((n_start, m))
            continue
        if m.kind in ("month", "year"):
            continue  # a month or year alone does not date a meeting
        if status == "announced" and m.direction == "past":
            continue  # "أمس" cannot date a meeting still to come
        if owned_by_other(nt.text, n_start, term_positions, s.start) or _after_return_place(nt.text, n_start):
            continue
        # A date goes with the meeting word of its own clause ("… في سوتشي في 31 تشرين الأول، تبدو
        # المقارنة مع قمة …"): a comma between them counts as far away when choosing the word;
        # the dates are then ranked by their plain distance from the words they go with.
        _, nearest = min(((abs(n_start - p) + (CLAUSE_DISTANCE if _comma_between(nt.text, n_start, p) else 0), p)
                          for p in term_positions), default=(0, -1))
        distance = abs(n_start - nearest) if nearest >= 0 else 0
        specificity = 0 if m.kind in ("explicit", "stamp") else 1
        # a gathering's day on its sidelines, or the day a visit began ("زيارة دولة بدأت مساء الأحد"),
        # comes after the sentence's own encounter's day
        tier = 1 if nearest in frames or _visit_began_at(nt.text, n_start, norm_pos(nt, m.end)) else 0
        if nearest in shifted and (m.kind in ("explicit", "stamp") and m.day
                                   or m.kind == "relative" and m.date is not None):
            candidates.append((tier, distance, specificity, m, shifted[nearest]))
            continue
        if nearest in reference_terms:
            continue
        candidates.append((tier, distance, specificity, m, 0))
    if not candidates:
        return _days_after_opening(s, published)
    candidates = _inside_the_report(s, candidates, nt)
    candidates = _without_dateline(candidates, nt, term_positions)
    candidates.sort(key=lambda c: c[:3])
    _, _, _, best, shift = candidates[0]
    # A weekday written right next to a day-month ("الثلاثاء 19 أغسطس") is the same day: the
    # day-month wins (sources get weekdays wrong more often than day numbers), and the weekday
    # picks its year when none is written.
    weekday = None
    if best.kind == "weekday":
        for _, _, _, m, m_shift in candidates:
            if m.kind in ("explicit", "stamp") and abs(norm_pos(nt, m.start) - norm_pos(nt, best.end)) <= 3:
                best, weekday, shift = m, best.weekday, m_shift
                break
    elif best.kind in ("explicit", "stamp"):
        weekday = next((m.weekday for _, _, _, m, _ in candidates if m.kind == "weekday"
                        and abs(norm_pos(nt, best.start) - norm_pos(nt, m.end)) <= 3), None)
    # what an issue of another day says of "أمس" counts from that issue's day
    issue_shift = next((i.offset_days for at, i in reversed(issues) if at < norm_pos(nt, best.start)
                        and i.offset_days), 0) if best.kind == "relative" else 0
    told_past = status == "held" and _told_in_tense(s, lexicon().perfect_verbs)
    told_ahead = not told_past and _told_in_tense(s, lexicon().imperfect_verbs)
    return _shifted(resolve_choice(best, published, status, weekday, told_past, told_ahead), shift + (issue_shift or 0))


# How far after "بعد يومين على" the encounter's word may start ("لقاء", "الاتصال الهاتفي": its noun first).
OPENING_OBJECT_CHARS = 16


def _days_after_opening(s: Sentence, published: date | None) -> DateChoice | None:
    """"بعد يومين على لقاء الرئيسين، بدأت …": a sentence that opens so many days after its
    encounter and names no day is told on the page's day, the encounter that many days before."""
    lex = lexicon()
    m = lex.days_after_opening.match(s.norm) if published is not None else None
    if m is None or published is None \
            or not any(m.end() <= p <= m.end() + OPENING_OBJECT_CHARS for p, _ in s.terms):
        return None
    return DateChoice(published - timedelta(days=lex.days_after[" ".join(m.group("span").split())]), "weekday", None)


# How near a verb of meeting a leader or the encounter's word stands: its subject or object.
LEADER_NEAR_VERB = 25


def _told_in_tense(s: Sentence, verbs: re.Pattern) -> bool:
    """Does a verb of meeting of that tense tell the sentence's encounter, a leader or the
    encounter's word right before or after it ("التقى الرئيس بوتين", "بوتين وعلييف تباحثا", "آخر لقاء
    … قد انعقد", "يصل علييف")? A verb of someone else's act ("بعد أن زار لافروف باكو") has neither next to it."""
    lex = lexicon()
    for verb in verbs.finditer(s.norm):
        start, end = max(0, verb.start() - LEADER_NEAR_VERB), verb.end() + LEADER_NEAR_VERB
        around = s.norm[start:end]
        if lex.putin.search(around) or lex.aliyev_name.search(around) or lex.pair.search(around) \
                or any(start <= p < end and not verb.start() <= p < verb.end() for p, _ in s.terms):
            return True
    return False


# How far before a day the return word of "عاد علييف إلى باكو مساء أمس" may start.
RETURN_WINDOW = 80


def _after_return_place(norm: str, at: int) -> bool:
    """Is the day at ``at`` told right after the place a leader returns to ("عاد الرئيس علييف إلى باكو
    مساء أمس بعد زيارة …")? It is the return's day. ("وعاد الرئيسان أمس إلى بحث الملف": resumed.)"""
    return lexicon().return_then_day.search(norm, max(0, at - RETURN_WINDOW), at) is not None


def _without_dateline(candidates: list, nt, term_positions: list[int]) -> list:
    """Without the lead's dateline when the lead tells its encounter's own day against it ("باكو -
    13-06-2015 (و م ع) - حضر بوتين، مساء أمس الجمعة، …": the dateline is the day of filing, أمس the
    encounter's); a day in a clause of its own ("… على أن يتوجه علييف غدا إلى سوتشي") is not that."""
    if not any(c[3].offset_days and in_the_encounters_clause(nt.text, norm_pos(nt, c[3].start), term_positions)
               for c in candidates):
        return candidates  # none, or "اليوم": the dateline's own day
    return [c for c in candidates if c[3].offset_days is not None
            or not is_dateline(nt.text, norm_pos(nt, c[3].start), norm_pos(nt, c[3].end))]


def in_the_encounters_clause(norm: str, at: int, term_positions: list[int]) -> bool:
    """Is the day at ``at`` in the clause of its nearest meeting word (no word opening a clause of
    its own between them)?"""
    if not term_positions:
        return False
    term = min(term_positions, key=lambda p: abs(p - at))
    return lexicon().subordinator.search(norm, min(term, at), max(term, at)) is None


def _inside_the_report(s: Sentence, candidates: list, nt) -> list:
    """Without the days that date the report itself ("كتبت الصحيفة صباح الجمعة أن …"), when a day
    inside what it reports remains."""
    if not may_match(lexicon().reported, s.words):
        return candidates
    spans = [(s.start + m.start(), s.start + m.end()) for m in lexicon().reported.finditer(s.norm)]
    of_report = [c for c in candidates if any(a <= norm_pos(nt, c[3].start) < b for a, b in spans)]
    # ... a day the reported clause gives another thing further off ("في إشارة إلى تحطم طائرة … قرب
    # أكتاو يوم الأربعاء الماضي") does not push the report's own day aside
    terms = [s.start + p for p, _ in s.terms]
    rest = [c for c in candidates if c not in of_report
            and not owned_by_other(nt.text, norm_pos(nt, c[3].start), terms, s.start, REPORTED_ANCHOR_WINDOW)]
    return rest if of_report and rest else candidates


# How far before a reported clause's day another thing's word (a crash, a war) may stand and own it.
REPORTED_ANCHOR_WINDOW = 120
# How far before a day a newspaper issue's word may stand ("الصادرة اليوم", "الصادر يوم أمس").
ISSUE_WINDOW = 20


# Quotation marks around a claim, as normalised text keeps them.
_QUOTED = re.compile(r"«[^«»\n]{1,200}»|\"[^\"\n]{1,200}\"|“[^“”\n]{1,200}”")
CLAIM_WINDOW = 30  # how far before the opening mark the claim's word may end


def without_claimed_days(mentions: list[DateMention], nt) -> list[DateMention]:
    """The mentions outside quoted claims: "صورة متداولة على أنها «لقاء اليوم»", "مع تعليق: «لقاء
    طارئ في موسكو اليوم الأربعاء»" (a day the claim gives is the claim's, and a fact-check weighs it)."""
    if not mentions or not any(q in nt.text for q in ("«", '"', "“")):
        return mentions
    claims = [(q.start(), q.end()) for q in _QUOTED.finditer(nt.text)
              if lexicon().claim.search(nt.text, max(0, q.start() - CLAIM_WINDOW), q.start())]
    if not claims:
        return mentions
    return [m for m in mentions if not any(a < norm_pos(nt, m.start) < b for a, b in claims)]


def tells_an_issue(s: Sentence, mentions: list[DateMention], nt) -> bool:
    """"تناولت الصحف الصادرة اليوم نتائج المحادثات": the sentence dates newspapers' issues; the
    encounter they report is older than the page, and its day is not the page's."""
    for m in mentions:
        pos = norm_pos(nt, m.start)
        if s.start <= pos < s.end and lexicon().issue_day.search(nt.text, max(s.start, pos - ISSUE_WINDOW), pos):
            return True
    return False


# How far back from a date the visit's word and its verb of beginning are looked for.
VISIT_BEGAN_WINDOW = 60


def _visit_began_at(norm: str, at: int, end: int) -> bool:
    """Is the date at ``at`` (to ``end``) the day a visit began ("في ثاني أيام زيارة دولة بدأت مساء
    الأحد", "بدأ الرئيس الروسي مساء الأحد زيارة دولة")?"""
    if lexicon().visit_began.search(norm, max(0, at - VISIT_BEGAN_WINDOW), at) is not None:
        return True
    began, visit = lexicon().began_then_visit
    return visit.match(norm, end) is not None and began.search(norm, max(0, at - VISIT_BEGAN_WINDOW), at) is not None


def _frame_terms(s: Sentence) -> set[int]:
    """The gathering's words of a sentence that tells a two-sided encounter on its sidelines
    ("قمة … شهدت على هامشها لقاء بين بوتين وعلييف") or a gathering only in a relative clause ("يشارك
    في القمة التي تنعقد اليوم، فيما التقى أمس …"): positions in the article's text."""
    if not any(k in ("talks", "visit") for _, k in s.terms):
        return set()
    # ... or a two-sided encounter beside it ("شارك اليوم في اجتماع مجلس رؤساء الدول، بعد أن أجرى
    # مساء الخميس لقاء ثنائيا مع بوتين")
    if lexicon().sidelines.search(s.norm) or told_as_bilateral(s):
        return {s.start + p for p, k in s.terms
                if k == "multilateral_summit" or lexicon().gathering_term.match(s.norm, p)}
    # ... or a gathering in a clause of its own after the two's encounter ("جاء اللقاء الذي جمع بوتين
    # ونظيره مساء الخميس …، قبل أن يشارك الرئيسان أمس الجمعة في قمة …")
    return {s.start + p for p in s.convened} | {s.start + q for q in _gatherings_after_their_encounter(s)}


def _gatherings_after_their_encounter(s: Sentence) -> list[int]:
    first = next((p for p, k in s.terms if k in ("talks", "visit")), None)
    if first is None or not (s.putin and s.aliyev or s.pair):
        return []
    return [q for q, k in s.terms if k == "multilateral_summit" and q > first
            and lexicon().subordinator.search(s.norm, first, q) is not None]


def _shifted(choice: DateChoice, days: int) -> DateChoice:
    """The day ``days`` from the one chosen (a day-month with no year is no day to count from)."""
    if not days:
        return choice
    if choice.when is None:
        return DateChoice(None, None, None)
    when = choice.when + timedelta(days=days)
    return DateChoice(when, choice.basis, when.weekday(), when.month, when.day)


# Clause breaks a fronted year may stand before the encounter's word: "وفي عام 2020، وقع …" has
# one; "في 2023، بلغ التبادل 4 مليارات، حسبما قال بوتين خلال لقائه علييف" puts it in another clause.
FRONTED_YEAR_BREAKS = 1


def fronted_year(s: Sentence) -> int | None:
    """The year the sentence opens with, when it governs the clause of its encounter's word."""
    year = opening_year(s.norm)
    if year is None or not s.terms:
        return year
    return year if s.norm.count("،", 0, s.terms[0][0]) + s.norm.count(",", 0, s.terms[0][0]) \
        <= FRONTED_YEAR_BREAKS else None


def last_day_named(s: Sentence, mentions: list[DateMention], nt) -> date | None:
    """The last day the date nearest the sentence's meeting word can mean ("نيسان 2002" → 30
    April 2002, "آب الماضي" → 31 August before today), for a mention with a written year (or a
    month told as past) that dates no agreement or crash of its own, else of a year the sentence opens
    with ("وفي عام 2020، وقع …"); None when neither gives a year."""
    term_positions = [s.start + p for p, _ in s.terms] or [s.start]
    inside = [m for m in mentions if s.start <= norm_pos(nt, m.start) < s.end and not m.crawl and not m.hijri
              and not owned_by_other(nt.text, norm_pos(nt, m.start), term_positions, s.start)]
    fronted = fronted_year(s)
    if not inside:
        return date(fronted, 12, 31) if fronted else None
    nearest = min(inside, key=lambda m: min(abs(norm_pos(nt, m.start) - p) for p in term_positions))
    # "في آب الماضي": a month the text places before today has its year from today.
    past_month = nearest.kind == "month" and nearest.direction == "past"
    if not (nearest.year_known or past_month) or nearest.year is None:
        return date(fronted, 12, 31) if fronted else None
    if nearest.date is not None:
        return nearest.date
    if nearest.month is not None:
        following = date(nearest.year + nearest.month // 12, nearest.month % 12 + 1, 1)
        return following - timedelta(days=1)
    return date(nearest.year, 12, 31)


def norm_pos(nt, original_index: int) -> int:
    """Index in the normalised text of an original-text offset (first char at or after it)."""
    offsets = nt.offsets
    lo, hi = 0, len(offsets) - 1
    while lo < hi:
        mid = (lo + hi) // 2
        if offsets[mid] < original_index:
            lo = mid + 1
        else:
            hi = mid
    return lo


def compatible(primary: Meeting, choice: DateChoice | None) -> bool:
    day = to_date(primary.date)
    if choice is None or choice.when is None or day is None:
        return True
    return abs((day - choice.when).days) <= SAME_MEETING_DAYS


def forget_date(meeting: Meeting) -> None:
    """Drop the day a meeting was given, so a better one may be applied."""
    meeting.date = meeting.date_basis = meeting.month = meeting.day = None
    meeting.weekday = None


def apply_date(meeting: Meeting, choice: DateChoice | None) -> None:
    """Fill the meeting's day from ``choice`` unless the meeting already has day information
    (the first sentence that dates the meeting wins; later ones may not contradict it)."""
    if choice is None or has_date_info(meeting):
        return
    if choice.when is not None:
        meeting.date, meeting.date_basis = choice.when.isoformat(), choice.basis
    meeting.weekday = choice.weekday
    if choice.month and choice.day:
        meeting.month, meeting.day = choice.month, choice.day


CLAUSE_DISTANCE = 1000  # added to the distance of a date from a meeting word in another clause


PARENTHESIS_LEAD = 12  # "، اليوم الثلاثاء 19 أغسطس،": a comma this close before the date opens an aside


def _comma_between(text: str, date_at: int, term_at: int) -> bool:
    """A clause boundary between a date and a meeting word: a comma, unless it only closes the
    aside the date stands in ("أجرى بوتين وعلييف، اليوم الثلاثاء، محادثات") or opens the clause
    of the encounter's holding ("لقاء بين الرئيسين، عقد أمس")."""
    commas = len(CLAUSE_COMMA.findall(text, min(date_at, term_at), max(date_at, term_at)))
    aside = bool(CLAUSE_COMMA.search(text, max(0, date_at - PARENTHESIS_LEAD), date_at))
    # "لقاء بين الرئيسين، عقد أول أمس الخميس": the comma opens the clause telling when it was held
    held = term_at < date_at and bool(lexicon().held_clause.search(text, term_at, date_at))
    return commas > (1 if aside or held else 0)


def has_date_info(m: Meeting) -> bool:
    return m.date is not None or m.weekday is not None or m.month is not None
