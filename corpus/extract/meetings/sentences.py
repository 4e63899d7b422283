"""One sentence of an article: which leaders it names (and whom the titles mean), its meeting words
and their kind, whether it announces an encounter or counts days from another; the article's lead.
Whether it reports or denies an encounter is ``reports``'s to say."""
from __future__ import annotations

import bisect
import re
from dataclasses import InitVar, dataclass, field
from datetime import date
from functools import lru_cache
from itertools import islice
from typing import Any, Callable

from ...lexicons import load_yaml
from ..arabic import alternation
from ..dates import to_date
from ..gates import Token, find_all, find_first, firsts_of_all, may_match, none_can_match, text_tokens
from .lexicon import TOKEN, lexicon
from .places import visit_destination

# Sentences of the body whose date is the article's "lead" date (and whose place its lead place).
LEAD_SENTENCES = 3


@dataclass
class Sentence:
    start: int  # offsets in the normalised text
    end: int
    norm: str
    putin: bool = False
    aliyev: bool = False
    aliyev_named: bool = False
    pair: bool = False
    other_leader: bool = False
    terms: list[tuple[int, str]] = field(default_factory=list)  # (position in sentence, kind)
    trilateral: bool = False
    putin_visit_az: bool = False
    # Positions of verbs of convening in a gathering's relative clause ("القمة التي تنعقد اليوم"):
    # the gathering's words, told as background to the sentence's own clause; and those clauses.
    convened: frozenset[int] = frozenset()
    convened_clauses: tuple[tuple[int, int, int], ...] = ()  # (gathering word, clause start, end)
    # The words of ``norm`` and where they start (see gates): patterns are tried only at the words
    # their matches can start with.
    tokens: tuple[Token, ...] = field(init=False, compare=False, repr=False)
    words: frozenset[str] = field(init=False, compare=False, repr=False)
    # Answers about the sentence's meeting words, by (question, position): counted_days and
    # counted_from ask them of each other over a phrase, and several rules ask them again.
    memo: dict[tuple[str, int], Any] = field(default_factory=dict, init=False, compare=False, repr=False)
    # The words, when the caller has them (a superset does: they are only where patterns are tried).
    known_tokens: InitVar[tuple[Token, ...] | None] = None

    def __post_init__(self, known_tokens: tuple[Token, ...] | None) -> None:
        self.tokens = text_tokens(self.norm) if known_tokens is None else known_tokens
        self.words = frozenset(word for _, word in self.tokens)


def holds(s: Sentence, pat: re.Pattern) -> bool:
    """Does ``pat`` match the sentence?"""
    return find_first(pat, s.norm, s.tokens) is not None


def masked(norm: str, tokens: tuple[Token, ...] | None = None) -> str:
    """Heydar Aliyev (and titles that lead to him) blanked out, offsets unchanged (``tokens``:
    the text's words, when known)."""
    lex = lexicon()
    tokens = text_tokens(norm) if tokens is None else tokens
    # Each blanks whole words: the text's words still hold the words left.
    return _blanked(lex.not_putin, _blanked(lex.not_aliyev, norm, tokens), tokens)


def _blanked(pat: re.Pattern, text: str, tokens: tuple[Token, ...]) -> str:
    """``pat.sub`` with spaces as long as each match."""
    parts, pos = [], 0
    for m in find_all(pat, text, tokens):
        parts += [text[pos:m.start()], " " * (m.end() - m.start())]
        pos = m.end()
    return "".join(parts) + text[pos:] if parts else text


@lru_cache(maxsize=1)
def _not_president_period() -> tuple[date, date]:
    period = load_yaml("people.yaml")["putin_not_president"]
    start, end = to_date(period["from"]), to_date(period["to"])
    assert start is not None and end is not None, "people.yaml: putin_not_president needs two dates"
    return start, end


def another_holder_named(norm: str, tokens: tuple[Token, ...] | None = None) -> bool:
    """Does the (normalised, unmasked) article name another holder of Putin's title as the
    current one ("الرئيس الروسي دميتري مدفيديف", not "… السابق" or "… آنذاك")?"""
    for m in find_all(lexicon().not_putin, norm, text_tokens(norm) if tokens is None else tokens):
        # "السابق", "آنذاك": a former holder, recalled; the title's bare uses are not his
        if not lexicon().former.search(norm[max(0, m.start() - 12): m.end() + 14]):
            return True
    return False


def titles_mean_putin(today: date | None, norm: str | None = None, tokens: tuple[Token, ...] | None = None) -> bool:
    """Do Putin's titles ("الرئيس الروسي", "الرئيسان") refer to him? Not in an article of
    Medvedev's presidency: Putin, then prime minister, is named by name there. Nor in an article
    that gives the title to another holder: its bare "الرئيس الروسي" is that holder too."""
    if norm is not None and another_holder_named(norm, tokens):
        return False
    if today is None:
        return True
    start, end = _not_president_period()
    return not start <= today < end


@lru_cache(maxsize=1)
def _aliyev_people() -> tuple[re.Pattern, re.Pattern, date]:
    people = load_yaml("people.yaml")
    since = to_date(people["ilham_president_from"])
    assert since is not None, "people.yaml: ilham_president_from needs a date"
    return (re.compile(rf"(?<![^\W_])(?:{alternation(people['ilham'])})(?![^\W_])"),
            re.compile(rf"(?<![^\W_])(?:{alternation(people['heydar_former'])})(?![^\W_])"), since)


def aliyev_is_ilham(today: date | None, norm: str, tokens: tuple[Token, ...] | None = None) -> bool:
    """Does the article's Aliyev mean Ilham? Not when it is dated before Ilham took office (an
    article of 2001 naming "نجله إلهام علييف" reports Heydar's encounters); yes when it names Ilham;
    not when it names Heydar as the sitting president ("الرئيس الأذربيجاني حيدر علييف", not
    "الراحل", nor with a year of his presidency near, in a dated article): then its bare "علييف"
    and "الرئيس الأذربيجاني" are Heydar."""
    ilham, former, since = _aliyev_people()
    if today is not None and today < since:
        return False
    tokens = text_tokens(norm) if tokens is None else tokens
    if find_first(ilham, norm, tokens):
        return True
    for m in find_all(lexicon().not_aliyev, norm, tokens):
        if former.search(norm[max(0, m.start() - 30): m.end() + 30]):
            continue
        # "حين التقى بوتين الرئيس حيدر علييف في باكو مطلع 2001": Heydar in his own years is history
        if today is not None and _YEAR_BEFORE_ILHAM.search(norm, max(0, m.start() - HEYDAR_YEAR_WINDOW),
                                                            m.end() + HEYDAR_YEAR_WINDOW):
            continue
        return False
    return True


# A year of Heydar Aliyev's presidency (1993–2003) written near his name.
_YEAR_BEFORE_ILHAM = re.compile(r"(?<!\d)(?:199[3-9]|200[0-3])(?!\d)")
HEYDAR_YEAR_WINDOW = 60


# A head of government: "his Azerbaijani counterpart" of a prime minister is the Azerbaijani one.
_PRIME_MINISTER = re.compile(r"(?<![^\W_])(?:رئيس الوزراء|رئيس الحكومه|رئيس حكومه)(?![^\W_])")


def aliyev_titles(sent: str) -> bool:
    """A title that refers to Ilham (not one that goes on to name Heydar, nor the counterpart of
    a prime minister: "رئيس الوزراء الروسي … نظيره الأذربيجاني" is the Azerbaijani premier)."""
    for m in lexicon().aliyev_title.finditer(sent):
        tail = sent[m.end(): m.end() + 35]
        if "حيدر" in tail or "الراحل" in tail or "الاول" in tail[:8]:
            continue
        if "نظير" in m.group() and _PRIME_MINISTER.search(sent, 0, m.start()):
            continue
        return True
    return False


def without_document_clauses(text: str, tokens: tuple[Token, ...] | None = None) -> str:
    """The sentence with the relative clauses of documents blanked (offsets kept): "الاتفاقات
    التي توصل إليها رئيسا البلدين" (or "البيان وقعه أيضا …") names the authors of an earlier
    agreement, not who met (unless ``document_clause_kept``). ``tokens``: the text's words, when
    known (the clauses are tried only at their first words)."""
    lex = lexicon()
    tokens = text_tokens(text) if tokens is None else tokens
    for pattern in (lex.document_clause, lex.document_signers):  # blanking keeps the words' offsets
        parts, pos = [], 0
        for m in find_all(pattern, text, tokens):
            parts += [text[pos:m.start()], blanked_clause(m, text)]
            pos = m.end()
        text = "".join(parts) + text[pos:] if parts else text
    return text


def blanked_clause(m: re.Match, text: str) -> str:
    """A document's match with its clause blanked, or as it is when the clause is kept."""
    if document_clause_kept(m, text):
        return m.group()
    return m.group()[: m.start("clause") - m.start()] + " " * len(m.group("clause"))


def document_clause_kept(m: re.Match, text: str) -> bool:
    """A document's clause that tells the news: one that says it happened in the last days
    ("البيان الذي وقعه الرئيسان اليوم", "… يوم الثلاثاء الماضي"), that the encounter after it dates
    ("، خلال لقائهم في موسكو يوم الاثنين الماضي"), that says the document came of an encounter
    ("البيان الذي أصدره الكرملين عقب الاتصال الهاتفي بين بوتين وعلييف"), or that is a gathering's
    named between the document and the pronoun ("البيان الختامي لقمة دول قزوين التي عقدت في طهران")."""
    lex = lexicon()
    clause = m.group("clause")
    return bool(lex.recent_day.search(clause) or lex.encounter_after_clause.match(text, m.end())
                or any(p.search(clause) for k, p in lex.terms.items() if k != "talks")
                or any(p.search(text, m.start() + 1, m.start("clause")) for p in lex.terms.values()))


def analyse(norm: str, start: int, end: int, doc_has_both: bool, doc_az_arm: bool,
            putin_titles: bool = True, tokens: tuple[Token, ...] | None = None) -> Sentence:
    """The sentence norm[start:end] (``tokens``: its words, offsets in the sentence, when known)."""
    lex = lexicon()
    s = Sentence(start, end, norm[start:end], known_tokens=tokens)
    # Blanking document clauses only removes words (offsets kept): the sentence's words hold the text's.
    words, tokens = s.words, s.tokens
    text = without_document_clauses(s.norm, tokens) if may_match(lex.document_clause, words) else s.norm

    def found(pat: re.Pattern) -> bool:
        return find_first(pat, text, tokens) is not None
    s.putin = found(lex.putin if putin_titles else lex.putin_name)
    s.aliyev_named = found(lex.aliyev_name)
    s.aliyev = s.aliyev_named or may_match(lex.aliyev_title, words) and aliyev_titles(text) \
        or may_match(lex.leaders_of, words) and _aliyev_by_country(text)
    s.pair = found(lex.pair) and doc_has_both and putin_titles \
        or may_match(lex.leaders_of, words) and _leaders_by_country(text)
    s.other_leader = found(lex.others)
    if not none_can_match(_term_firsts(), tokens):  # most sentences hold no meeting word
        for kind, pat in lex.terms.items():
            s.terms.extend((m.start(), kind) for m in find_all(pat, text, tokens))
    s.terms.sort()
    if may_match(lex.convening, words):
        s.convened_clauses = _convened_clauses(s, text)
        s.convened = frozenset(p for p, _ in s.terms if any(a < p < b for _, a, b in s.convened_clauses))
        s.terms = [(p, "multilateral_summit" if p in s.convened else k) for p, k in s.terms]
    has_multi = any(k == "multilateral_summit" for _, k in s.terms)
    # Russia or the Kremlin stands for Putin only while the titles are his (not under Medvedev).
    russia_side = s.putin or putin_titles and (found(lex.russia) or found(lex.kremlin))
    # A summit sentence naming another leader and neither Aliyev nor Azerbaijan is that leader's
    # encounter ("استقبل بوتين باشينيان قبيل قمة …"), even in an article that mentions Azerbaijan.
    about_az = s.aliyev or not s.other_leader or found(lex.azerbaijan)
    s.trilateral = has_multi and russia_side and doc_az_arm and about_az
    s.putin_visit_az = (s.putin and any(k == "visit" for _, k in s.terms)
                        and bool(visit_destination(text, "Baku")))
    return s


@lru_cache(maxsize=1)
def _term_firsts() -> frozenset[str] | None:
    """The words a meeting word of any kind (``lexicon().terms``) can start with."""
    return firsts_of_all(lexicon().terms.values())


def _convened_clauses(s: Sentence, text: str) -> tuple[tuple[int, int, int], ...]:
    """The relative clauses of a gathering that open with a verb of convening ("القمة التي تنعقد غدا
    في دوشنبه"), from the pronoun to the clause's end, with the gathering's word: what they tell
    (the verb, its day, its future) is the gathering's."""
    clauses = []
    for m in lexicon().convening.finditer(text):
        gathering = [p for p, k in s.terms if k == "multilateral_summit" and m.start() - RELATIVE_PHRASE_CHARS <= p
                     < m.start() and not PHRASE_BREAK.search(text, p, m.start())]
        if gathering:
            end = PHRASE_BREAK.search(text, m.end())
            clauses.append((gathering[-1], m.start(), end.start() if end else len(text)))
    return tuple(clauses)


def answers_joined(norm: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentence spans with each answer of a question-and-answer box ("ج: أمس السبت، في اتصال
    هاتفي") joined to its question ("س: متى تحدث الرئيسان؟"): the answer's subject is there."""
    lex = lexicon()
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and lex.qa_answer.match(norm, start) and lex.qa_question.match(norm, out[-1][0]):
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def _leaders_by_country(text: str) -> bool:
    """"قادة روسيا وأذربيجان وإيران": leaders named by a list of countries holding both."""
    for m in lexicon().leaders_of.finditer(text):
        listed = _COUNTRY_LIST.match(text, m.end())
        if listed and lexicon().russia_country.search(listed.group()) \
                and lexicon().azerbaijan_country.search(listed.group()):
            return True
    return False


def _aliyev_by_country(text: str) -> bool:
    """"رئيسي أذربيجان وأرمينيا", "قادة أذربيجان وتركيا": a list of countries that begins the
    leaders' noun and holds Azerbaijan names Aliyev among them ("رؤساء وزراء أذربيجان" does not:
    the list must start with a country)."""
    lex = lexicon()
    for m in lex.leaders_of.finditer(text):
        listed = _COUNTRY_LIST.match(text, m.end())
        if not listed or not lex.azerbaijan_country.search(listed.group()):
            continue
        first = listed.group().split()[0]
        if first == "دول" or any(pat.fullmatch(first) for _, pat, _ in lex.countries):
            return True
    return False


# Up to seven names joined by و or commas ("روسيا وأذربيجان وإيران، وكازاخستان"), maybe after دول.
_COUNTRY_LIST = re.compile(r"(?:\s+دول)?(?:\s*[،,]?\s*[^\W\d_]+){1,7}")


# A speaker's label at a line's start: up to three words, then a colon ("بوتين:", "الرئيس علييف:").
_SPEAKER_LABEL = re.compile(r"[ \t]*(?P<name>[^\W\d_]+(?:[ \t]+[^\W\d_]+){0,2})[ \t]*:")


def speakers_into_quotes(norm: str, sentences: list[Sentence]) -> None:
    """"قال بوتين: «… جرت محادثة مع الرئيس الأذربيجاني»": a quotation is split from the sentence
    that introduces it, and what it says in the first person its speaker did. The leader who
    speaks before the colon takes part in the encounters the quotation reports."""
    for prev, s in zip(sentences, sentences[1:]):
        if ":" not in norm[prev.end: s.start]:
            continue
        if prev.putin and not s.putin:
            s.putin = True
        if prev.aliyev and not s.aliyev:
            s.aliyev = True
    # A transcript's paragraph under a speaker's label ("بوتين: … أجرينا اليوم مع الرئيس علييف
    # محادثات"): every sentence of it is the speaker's, in the first person.
    lex = lexicon()
    for s in sentences:
        line_start = norm.rfind("\n", 0, s.start) + 1
        label = _SPEAKER_LABEL.match(norm, line_start)
        if label is None or label.end() > s.end:
            continue
        name = label.group("name")
        s.putin = s.putin or bool(lex.putin_name.search(name))
        s.aliyev = s.aliyev or bool(lex.aliyev_name.search(name))


def kind_of(s: Sentence) -> str:
    lex = lexicon()
    kinds = [k for _, k in s.terms]
    foreign_call = s.other_leader and not s.aliyev_named
    if "phone_call" in kinds and not foreign_call:
        return "phone_call"
    if "multilateral_summit" in kinds and told_as_bilateral(s) and not _THREE_WAY.search(s.norm):
        return "talks"  # "شارك في القمة … وأجرى لقاء ثنائيا مع بوتين": the two-sided encounter on its occasion
    if "multilateral_summit" in kinds:
        return "multilateral_summit"
    third = bool(re.search(r"باشينيان|باشنيان|ارمينيا|الارمني", s.norm)) and s.putin and s.aliyev
    if third and not lex.separately.search(s.norm):
        return "multilateral_summit"
    for k in kinds:
        if k in ("visit", "talks", "other"):
            return k
    return "other"


_THREE_WAY = re.compile(r"ثلاثي")


# How far a two-sided meeting word's clause is read for who meets, before and after it.
BILATERAL_CLAUSE_CHARS = 120
_CLAUSE_BREAK = re.compile(r"[،,.؛:]")
# A verb in the dual right before the meeting word: the two named in the sentence are its subject.
_DUAL_VERB = re.compile(r"(?<![^\W_])[وف]?[^\W\d_]{2,}ا\s+$")


def told_as_bilateral(s: Sentence) -> bool:
    """Is one of the sentence's meeting words told as the two's own two-sided encounter ("أجرى لقاء
    ثنائيا مع بوتين", "عقد بوتين وعلييف محادثات ثنائية", "التقى الرئيس الروسي نظيره الأذربيجاني في
    اجتماع منفصل", "وعقدا على هامشها لقاء ثنائيا")? Not another pair's ("عقد وزيرا الخارجية اجتماعا
    منفصلا", "لقاء منفصل بين بوتين وباشينيان", "محادثات ثنائية مع عدد من القادة")."""
    lex = lexicon()
    for p, k in s.terms:
        if k != "talks" or not lex.bilateral_term.match(s.norm, p):
            continue
        breaks = [m.end() for m in _CLAUSE_BREAK.finditer(s.norm, max(0, p - BILATERAL_CLAUSE_CHARS), p)]
        before = s.norm[breaks[-1] if breaks else max(0, p - BILATERAL_CLAUSE_CHARS): p]
        end = p + BILATERAL_CLAUSE_CHARS
        stop = _CLAUSE_BREAK.search(s.norm, p, end) or lex.subordinator.search(s.norm, p, end)
        after = s.norm[p: stop.start() if stop else end]
        if lex.others.search(after) or lex.others.search(before):
            continue
        one = (lex.putin, lex.aliyev_name, lex.aliyev_title, lex.pair)
        counterpart = any(pat.search(after) for pat in one)
        both_before = lex.putin.search(before) and (lex.aliyev_name.search(before) or lex.aliyev_title.search(before)) \
            or lex.pair.search(before) or _DUAL_VERB.search(before) and s.putin and s.aliyev
        if counterpart or both_before:
            return True
    return False





def status_of(s: Sentence) -> str:
    """"announced" when a word of the future tells the sentence's encounter. One in the relative
    clause of a gathering the encounter is only framed by ("عشية القمة التي تنعقد غدا", "على هامش
    القمة التي ستعقد") tells the gathering's."""
    framed = [(a, b) for g, a, b in s.convened_clauses if counted_from(s, g) or lexicon().sidelines.search(s.norm)]
    # "يرسم العلاقات للمرحلة المقبلة": the future of a span of time, not of the encounter
    framed += [m.span() for m in lexicon().future_span.finditer(s.norm)] if "مقبل" in s.norm or "قادم" in s.norm else []
    return "announced" if any(not any(a <= m.start() < b for a, b in framed)
                              for m in find_all(lexicon().announced, s.norm, s.tokens)) else "held"


# "بعد"/"قبل"/"عقب" right before a meeting word: another encounter before or after the one the
# sentence has already named ("أجرى محادثات أمس الاثنين بعد لقاء غير رسمي مساء الأحد"), also
# some time and a phase between ("قبل ساعات من انطلاق قمة شنغهاي").
SAME_PHRASE_CHARS = 25
# "عشية قمة رابطة الدول المستقلة التي تنعقد اليوم": through a relative pronoun, a longer phrase.
RELATIVE_PHRASE_CHARS = 60
PHRASE_BREAK = re.compile(r"[،,.؛;:]|\s(?:و|ثم)\s")
SEQUENCED_CHARS = 40
COUNTED_FROM_CHARS = 30  # "عشية انطلاق أعمال " before the meeting word


def remembered(s: Sentence, question: str, pos: int, answer: Callable[[], Any]) -> Any:
    key = (question, pos)
    if key not in s.memo:
        s.memo[key] = answer()
    return s.memo[key]


def _same_phrase_before(s: Sentence, pos: int) -> list[int]:
    """Meeting words before ``pos`` in its phrase: close by, or further back when a relative
    pronoun opens the clause of the word at ``pos`` ("القمة التي تنعقد")."""
    relative = lexicon().relative.search(s.norm[max(0, pos - 12): pos]) is not None
    reach = RELATIVE_PHRASE_CHARS if relative else SAME_PHRASE_CHARS
    # s.terms is sorted: the words within reach are one slice of it
    near = s.terms[bisect.bisect_left(s.terms, (pos - reach,)):bisect.bisect_left(s.terms, (pos,))]
    return [p for p, _ in near if not PHRASE_BREAK.search(s.norm, p, pos)]


def counted_days(s: Sentence, pos: int) -> int | None:
    """The days from the encounter whose word is at ``pos`` to the one a sentence counts from it
    ("محادثة عشية القمة": -1, "غداة اللقاء": +1), or None when no عشية/غداة governs the word."""
    return remembered(s, "days", pos, lambda: _counted_days(s, pos))


def _counted_days(s: Sentence, pos: int) -> int | None:
    counted = lexicon().counted_from
    m = counted.search(s.norm, max(0, pos - COUNTED_FROM_CHARS), pos) if may_match(counted, s.words) else None
    if m is not None:
        return lexicon().counted_days.get(m.group("word"))
    m = lexicon().days_from.search(s.norm, max(0, pos - COUNTED_FROM_CHARS), pos)
    if m is not None and any(p < m.start() for p, _ in s.terms):
        return lexicon().counted_days.get(m.group("word"))
    # "في اليوم الثاني لقمة … التي افتتحت أعمالها الخميس": so many days after the gathering opened
    m = lexicon().gathering_day.search(s.norm, max(0, pos - COUNTED_FROM_CHARS), pos) \
        if s.norm.startswith("ل", pos) and (pos, "multilateral_summit") in s.terms else None
    if m is not None and _opened_on_a_day(s, pos):
        return lexicon().counted_days.get(m.group("word"))
    # "عشية القمة التي تعقد في …": a meeting word in the same phrase goes with it
    return next((days for p in _same_phrase_before(s, pos) if (days := counted_days(s, p)) is not None), None)


# How far after the gathering's word its relative clause of opening may start.
OPENED_CLAUSE_CHARS = 60


def _opened_on_a_day(s: Sentence, pos: int) -> bool:
    """Does the gathering at ``pos`` have a clause of its own telling the day it opened, the day
    right after the verb ("…، التي افتتحت أعمالها الخميس 15 سبتمبر")?"""
    m = lexicon().gathering_opened.search(s.norm, pos)
    # (a word of convening between is the gathering's own: "المنعقدة في سمرقند")
    return m is not None and m.start() - pos <= OPENED_CLAUSE_CHARS \
        and not any(pos < p < m.start() and p not in s.convened for p, _ in s.terms)


def _sequenced(s: Sentence, pos: int) -> bool:
    seq = lexicon().sequenced
    return may_match(seq, s.words) and seq.search(s.norm, max(0, pos - SEQUENCED_CHARS), pos) is not None


def counted_from(s: Sentence, pos: int) -> bool:
    """Is the meeting word at ``pos`` the encounter a day is counted from ("عقدت القمة غداة لقاء
    غير رسمي", "محادثة عشية القمة"), or one the sentence sets its own encounter after or before
    ("أجرى محادثات … بعد لقاء غير رسمي"), not the one the sentence reports? With no meeting word
    before it ("قال بوتين بعد محادثاته مع علييف اليوم") it is the sentence's own."""
    return bool(remembered(s, "from", pos, lambda: _counted_from(s, pos)))


def _counted_from(s: Sentence, pos: int) -> bool:
    if counted_days(s, pos) is not None:
        return True
    if _sequenced(s, pos) and any(p < pos and not _sequenced(s, p) for p, _ in s.terms):
        return True
    # "بعد لقاء غير رسمي جمعهما مساء الأحد": a meeting word in the same phrase goes with it
    return any(counted_from(s, p) for p in _same_phrase_before(s, pos))


def in_relative_clause(s: Sentence) -> bool:
    """Is the sentence's encounter word (its first) inside a relative clause about a document or
    an event ("الوثيقة التي وقعها قادة روسيا وأذربيجان")? A later term there ("اتصال هاتفي عن
    الحادث الذي وقع") is another matter's."""
    for pos, _ in s.terms[:1]:
        rel = lexicon().relative.search(s.norm[max(0, pos - 12): pos])
        if rel:
            head = s.norm[max(0, pos - 12 + rel.start() - 30): max(0, pos - 12) + rel.start()]
            if list(lexicon().anchors.finditer(head)):
                return True
    return False


def third_leaders(sentences: list[Sentence]) -> tuple[str, ...]:
    """Third leaders named in the sentences of the encounter, by the lexicon's names."""
    return tuple(sorted({name for name, pat in lexicon().third_leaders for s in sentences if holds(s, pat)}))


def lead_sentences(sentences: list[Sentence]) -> list[Sentence]:
    """The article's lead: its first LEAD_SENTENCES sentences of more than six words."""
    return list(islice((s for s in sentences if len(TOKEN.findall(s.norm)) > 6), LEAD_SENTENCES))  # counted until found
