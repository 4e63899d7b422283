"""Whether a sentence reports an encounter of the two: it names them with a meeting word, and neither
denies it, nor asks about it, nor gives it to another official as host, nor carries it by a written
message; whether it denies one, and whether the denial is only a claim the sentence reports."""
from __future__ import annotations

import re

from ..arabic import CLAUSE_COMMA, clause_around, clause_ends
from ..dates import find_dates
from ..gates import find_all, find_first
from .lexicon import lexicon
from .sentences import Sentence, holds, remembered, status_of


def is_meeting_sentence(s: Sentence) -> bool:
    if not s.terms:
        return False
    if holds(s, lexicon().denial) or no_day_for_future(s) or _asks_about_it(s) or _another_host(s):
        return False
    message = find_first(lexicon().by_message, s.norm, s.tokens)
    if message is not None and _by_message(s, message.start()) and not any(k == "phone_call" for _, k in s.terms):
        # A greeting or an apology sent in writing is not an encounter, and the meetings a
        # message recalls ("مشيرا في برقيته إلى اللقاء الذي جمعهما") are earlier ones. A message
        # word after the encounter is told ("… ووقعا الإعلان في خطوة بدت رسالة إلى الغرب") is not.
        return False
    if s.putin and s.aliyev:
        return True
    if s.pair or s.trilateral or s.putin_visit_az:
        return True
    return False


# How far before the encounter's word its subject may stand ("ميدفيديف يستقبل", "رئيس الوزراء
# ميشوستين استقبل"), and how far after it (the subject of a verb-first clause, before the object).
HOST_BEFORE, HOST_AFTER = 40, 80
_CLAUSE_END = re.compile(r"[،,.؛:]")


def _another_host(s: Sentence) -> bool:
    """Is the first person named around the encounter's word another official ("استقبل نائب رئيس
    مجلس الأمن دميتري ميدفيديف وفدا أذربيجانيا", "ميدفيديف يستقبل وفدا ويتحدث عن بوتين وعلييف"),
    not one of the two leaders? Then the encounter is that official's."""
    if not s.terms:
        return False
    lex = lexicon()
    term = s.terms[0][0]
    start = max(0, term - HOST_BEFORE)
    stop = _CLAUSE_END.search(s.norm, term)
    end = min(stop.start() if stop else len(s.norm), term + HOST_AFTER)
    official = lex.officials.search(s.norm, start, end)
    if official is None:
        return False
    leaders = [m.start() for pat in (lex.putin, lex.aliyev_name, lex.aliyev_title)
               if (m := pat.search(s.norm, start, end)) is not None]
    return not leaders or official.start() < min(leaders)


def _asks_about_it(s: Sentence) -> bool:
    """"نسأل ضيوفنا: هل يمكن أن يلتقي الرئيسان قريبا؟", "وسئل عما إذا كان بوتين سيتصل بعلييف": the
    encounter's word inside a yes-no question, direct or indirect. A question after the report
    ("لقاء سوتشي … ولا يزال السؤال مطروحا: هل تتحول التفاهمات …؟") does not take it back."""
    asked = lexicon().question.search(s.norm)
    return asked is not None and s.terms[0][0] > asked.start()


def _first(patterns: tuple[re.Pattern, ...], text: str) -> int:
    return min((m.start() for p in patterns if (m := p.search(text))), default=len(text))


# A message word, then (up to two words on) "إلى": sent to someone; when no leader follows within
# reach, a signal to others ("رسالة إلى يريفان وطهران", "رسائل إلى أكثر من عاصمة").
_FIGURATIVE = re.compile(r"\S+(?:\s+\S+){0,2}?\s+الي(?![^\W_])")
FIGURATIVE_REACH = 40


def _by_message(s: Sentence, at: int) -> bool:
    """The message word at ``at`` carries the encounter: it comes before the meeting word, one of
    the two leaders is named only after it ("استقبل علييف لافروف وتلقى رسالة من بوتين"), or it is
    in the meeting word's clause. In a later clause ("…، في خطوة بدت رسالة إلى الغرب") it is not."""
    lex = lexicon()
    first_term = s.terms[0][0]
    if at > first_term and _FIGURATIVE.match(s.norm, at) and not any(
            p.search(s.norm, at, at + FIGURATIVE_REACH) for p in (lex.putin, lex.aliyev_name, lex.aliyev_title)):
        return False  # "المباحثات … تحمل رسائل إلى أكثر من عاصمة": a signal to others, not a letter
    return at < first_term or _first((lex.putin, lex.putin_name), s.norm) > at \
        or _first((lex.aliyev_name, lex.aliyev_title), s.norm) > at \
        or not CLAUSE_COMMA.search(s.norm, first_term, at)  # "هنأ بوتين علييف في برقية"


def is_denial(s: Sentence) -> bool:
    """A sentence denying an encounter of the two ("لا خطط للقاء بوتين وعلييف"), or a leader's
    part in a gathering ("علييف يلغي مشاركته في احتفالات موسكو"); not a claim's denial that the
    sentence reports ("وزعم مستخدمون أن الرئيسين لم يلتقيا")."""
    lex = lexicon()
    # "لا توجد اتصالات مقررة بين الرئيسين": the denial names the contacts itself
    return (bool(s.terms) or holds(s, lex.attends) or holds(s, lex.no_plans)) and (s.putin or s.aliyev or s.pair) \
        and (holds(s, lex.denial) or no_day_for_future(s)) and not claimed_denial(s)


NEXT_ADJECTIVE_CHARS = 12  # a meeting noun and its adjective ("لقاءات مقبلة")


def no_day_for_future(s: Sentence) -> bool:
    """"اتصال هاتفي بين الرئيسين سيجري عندما تقتضي الضرورة، من دون تحديد أي موعد": an encounter still to
    come with no day set, in a sentence that names no day, is none yet."""
    return bool(remembered(s, "no_day_for_future", 0, lambda: _no_day_for_future(s)))


def _no_day_for_future(s: Sentence) -> bool:
    if not s.terms or not holds(s, lexicon().no_day_for_future):
        return False
    # told as to come: a word of the future, or every meeting word a noun with "مقبل" right after it
    nexts = {m.start() for m in lexicon().future_indefinite.finditer(s.norm)}
    if status_of(s) != "announced" and not all(
            any(0 < n - p <= NEXT_ADJECTIVE_CHARS for n in nexts) for p, _ in s.terms):
        return False
    # every encounter of the sentence still to come: none in a clause without a word of the future
    # ("تبادل بوتين وعلييف الحديث، فيما أعلن أن القمة المقبلة ستعقد في طهران دون تحديد موعد")
    ends = clause_ends(s.norm, lexicon().clause_break)
    future = [m.start() for m in find_all(lexicon().announced, s.norm, s.tokens)] \
        + [m.start() for m in lexicon().future_indefinite.finditer(s.norm)]
    for p, _ in s.terms:
        a, b = clause_around(ends, p)
        if not any(a <= f < b for f in future):
            return False
    # a day after the encounter's first word (one before it, "قال بيسكوف، الأربعاء، إن …", is the saying's)
    first = s.terms[0][0]
    return not any(m.kind not in ("month", "year") and m.start > first for m in find_dates(s.norm))


def claimed_denial(s: Sentence) -> bool:
    """"وزعم بعض المستخدمين أن الرئيسين لم يلتقيا": a denial a verb of claiming reports. It neither
    denies the encounter the page tells nor tells one (a fact-check weighs it)."""
    lex = lexicon()
    claimed = find_first(lex.claiming, s.norm, s.tokens)
    if claimed is None:
        return False
    denied = find_first(lex.denial, s.norm, s.tokens)
    return denied is not None and claimed.start() < denied.start()
