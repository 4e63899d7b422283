"""The meeting lexicons (people.yaml, meeting_terms.yaml, cities.yaml, meeting_countries.yaml)
compiled once into clitic- and suffix-aware patterns over normalised text."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ...lexicons import load_yaml
from ..arabic import ARTICLE_CLITIC, CLITIC, PRONOUN, SUFFIX, alternation, first_words, forms
from ..date_patterns import weekday_table

# A word of normalised text.
TOKEN = re.compile(r"[^\W_]+")
_TO = forms(["إلى"])[0]  # the preposition as normalised text writes it


# Before a pronoun suffix a final hamza takes a seat (لقاء → لقائه، لقاؤهما) and a final taa
# marbuta (normalised ه) opens to ت (زيارة → زيارته): the stem changes, so a plain alternation
# of the bare noun misses these forms.
_ENDS_HAMZA = re.compile(r"اء$")
_ENDS_TAA = re.compile(r"(?<=\w\w)ه$")


def _suffixed_alt(words) -> str:
    """Alternation of the forms plus their pronoun-suffixed stems (see PRONOUN)."""
    out = []
    for f in forms(words):
        esc = r"\s+".join(re.escape(p) for p in f.split())
        if _ENDS_HAMZA.search(f):
            out.append(rf"{esc[:-1]}[ئؤ]{PRONOUN}")
        elif _ENDS_TAA.search(f) and " " not in f:
            out.append(rf"{esc[:-1]}ت{PRONOUN}")
        out.append(esc)
    return "|".join(out)


def _subject_comes_after(parts: dict) -> list[str]:
    """"يأتي الاجتماع بعد": each verb, subject and word of coming after, as one phrase."""
    return [f"{v} {s} {a}" for v in parts["verbs"] for s in parts["subjects"] for a in parts["after"]]


def _word_re(words, prefix: str = CLITIC, suffix: str = "") -> re.Pattern:
    alt = _suffixed_alt(words) if suffix else alternation(words)
    return re.compile(rf"(?<![^\W_]){prefix}(?:{alt}){suffix}(?![^\W_])")


@dataclass(frozen=True)
class Lex:
    putin: re.Pattern
    putin_name: re.Pattern
    not_putin: re.Pattern
    former: re.Pattern
    by_message: re.Pattern
    aliyev_name: re.Pattern
    aliyev_title: re.Pattern
    not_aliyev: re.Pattern
    pair: re.Pattern
    others: re.Pattern
    named_partners: re.Pattern
    terms: dict[str, re.Pattern]
    announced: re.Pattern
    no_plans: re.Pattern
    perfect_verbs: re.Pattern
    imperfect_verbs: re.Pattern
    subordinator: re.Pattern
    future_span: re.Pattern  # "للمرحلة المقبلة": a future adjective of a span of time
    past: re.Pattern
    denial: re.Pattern
    ago_span: re.Pattern
    qa_question: re.Pattern
    qa_answer: re.Pattern
    officials: re.Pattern
    question: re.Pattern
    anniversary: re.Pattern
    anniversary_noun: re.Pattern
    attendees: re.Pattern
    background_after: re.Pattern
    background_note: re.Pattern
    repeated_contacts: re.Pattern
    visit_began: re.Pattern
    began_then_visit: tuple[re.Pattern, re.Pattern]
    sidelines: re.Pattern
    no_day_for_future: re.Pattern
    future_indefinite: re.Pattern
    clause_break: re.Pattern
    contrasted: re.Pattern
    another_day: re.Pattern
    encounter_after_clause: re.Pattern
    held_clause: re.Pattern
    counted_from: re.Pattern
    sequenced: re.Pattern
    long_after: re.Pattern
    counted_days: dict[str, int]
    gathering_day: re.Pattern
    gathering_opened: re.Pattern
    days_after_opening: re.Pattern
    days_after: dict[str, int]
    days_from: re.Pattern
    separately: re.Pattern
    bilateral_term: re.Pattern
    gathering_term: re.Pattern
    anchors: re.Pattern
    issue_day: re.Pattern  # ends right before a newspaper issue's day ("الصادرة اليوم")
    claim: re.Pattern  # ends right before a quoted claim ("المتداولة على أنها «")
    claiming: re.Pattern  # a verb of claiming ("وزعم مستخدمون أن …")
    claim_paragraph: re.Pattern  # a fact-check's paragraph stating its claim ("ادعاء: …")
    other_story: re.Pattern  # a line pointing at another story ("الخبر السابق: …")
    informal: re.Pattern  # an informal encounter ("لقاء غير رسمي", "على فنجان شاي")
    reported: re.Pattern  # a verb of reporting up to its "أن" ("كتبت الصحيفة صباح الجمعة أن")
    two_leaders: re.Pattern  # the two named as such ("بين الرئيسين"), once an encounter of theirs is told
    cities: list[tuple[str, re.Pattern, tuple[str, ...], tuple[str, ...]]]  # (name, pattern, not after, needs)
    countries: list[tuple[str, re.Pattern, tuple[str, ...]]]  # (capital, pattern, needs: see first_words)
    venue_countries: list[tuple[str, re.Pattern, tuple[str, ...]]]
    place_forms: frozenset[str]
    capital_by_adjective: list[tuple[str, re.Pattern]]
    fillers: frozenset[str]
    prepositions: frozenset[str]
    visit_verbs: frozenset[str]
    host_verbs: frozenset[str]
    gathering_nouns: frozenset[str]
    titles: frozenset[str]
    vague_future: re.Pattern
    vague_past: re.Pattern
    attends: re.Pattern
    past_adjective: re.Pattern
    earlier_term: re.Pattern
    third_leaders: list[tuple[str, re.Pattern]]
    route_end: re.Pattern
    arrival: re.Pattern
    invited_by: re.Pattern
    return_to: re.Pattern
    return_then_day: re.Pattern
    relative: re.Pattern
    convening: re.Pattern
    document_clause: re.Pattern
    document_signers: re.Pattern
    news_day: re.Pattern
    recent_day: re.Pattern
    habit_span: re.Pattern
    habit_words: re.Pattern
    still_running: re.Pattern
    kremlin: re.Pattern
    azerbaijan: re.Pattern
    armenia: re.Pattern
    russia: re.Pattern
    leaders_of: re.Pattern
    russia_country: re.Pattern
    azerbaijan_country: re.Pattern


def _kind_words(terms: dict, kind: str) -> list[str]:
    """Trigger words of a kind: its list, plus (for talks) acts the two leaders perform together
    (signing, attending: "وقع بوتين ونظيره …", "بحضور الرئيسين"), plus nouns that report the
    encounter only with a pronoun suffix ("اتصاله"; bare "الاتصالات" is telecoms)."""
    words = list(terms["kinds"][kind])
    if kind == "talks":
        words += terms.get("joint_acts", [])
    words += [w + p for w in terms.get("with_pronoun", {}).get(kind, []) for p in ("ه", "ها", "هما")]
    return words


def _day_words() -> list[str]:
    """Weekdays and days told relative to the article's (اليوم، أمس …)."""
    return list(weekday_table()) + [w for words in load_yaml("weekdays.yaml")["relative_days"].values() for w in words]


@lru_cache(maxsize=1)
def lexicon() -> Lex:
    people = load_yaml("people.yaml")
    terms = load_yaml("meeting_terms.yaml")
    places = load_yaml("cities.yaml")
    named = load_yaml("meeting_countries.yaml")
    cities = []
    for c in places["cities"]:
        if c.get("ar"):
            cities.append((c["en"], _word_re(c["ar"], CLITIC), tuple(forms(c.get("not_after", []))),
                           first_words(c["ar"])))
    countries = [(c["capital"], _word_re(c["ar"], CLITIC), first_words(c["ar"])) for c in places.get("countries", [])
                 if c.get("ar")]
    venue_countries = [(c["capital"], _word_re(c["ar"], CLITIC), first_words(c["ar"]))
                       for c in places.get("countries", []) if c.get("venue_is_capital")]
    # "في العاصمة الأذربيجانية", "بالعاصمة الروسية": the capital named by its country's adjective.
    host = rf"(?:{alternation(terms['host_verbs'])})(?:ها|ه|هما)?\s+"
    capital_by_adjective = [(c["capital"], re.compile(rf"(?<![^\W_])(?:في\s+|{_TO}\s+|ب|{host})?(?:ال)?عاصمه\s+"
                                                      rf"(?:{alternation(c['adjectives'])})(?![^\W_])"))
                            for c in places.get("countries", []) if c.get("adjectives")]
    # "كان من المقرر أن يلتقي", "كان مقررا عقد القمة": a plan, then an encounter's word.
    encounter_words = [w for k in terms["kinds"] for w in _kind_words(terms, k)] + terms["attends"]
    unrealised_plan = (rf"(?<![^\W_])[وف]?(?:{alternation(terms['unrealised_plan'])})\s+(?:ان\s+)?"
                       rf"(?:[^\s،,.]+\s+)?(?:{_suffixed_alt(encounter_words)})")
    # "في غياب الرئيس الأذربيجاني": a leader's absence, within three words of the word.
    leaders = (people["putin"]["names"] + people["putin"]["titles"] + people["aliyev"]["names"]
               + people["aliyev"]["titles"])
    # "لا توجد حتى الآن خطط محددة", "لا توجد في الوقت الحالي خطط": no plan, up to three words between
    no_plans = (rf"(?<![^\W_])[وف]?(?:{alternation(terms['no_plans']['verbs'])})(?:\s+[^\s،,.]+){{0,3}}?\s+"
                rf"(?:{alternation(terms['no_plans']['nouns'])})(?![^\W_])")
    no_date = (rf"(?<![^\W_])[وف]?(?:{alternation(terms['no_date_set']['verbs'])})(?:\s+[^\s،,.]+){{0,2}}?\s+"
               rf"(?:{alternation(terms['no_date_set']['nouns'])})(?![^\W_])")
    no_day_for_future = (rf"(?<![^\W_])[وف]?(?:{alternation(terms['no_day_for_future'])})\s+"
                         rf"(?:{alternation(terms['no_date_set']['nouns'])})(?![^\W_])")
    absent_leader = (rf"(?<![^\W_])(?:في\s+)?(?:{alternation(terms['absence'])})(?:\s+[^\s،,.]+){{0,3}}?\s+"
                     rf"(?:{alternation(leaders)})(?![^\W_])"
                     rf"|(?<![^\W_])[وف]?(?:{alternation(terms['not_accompanying'])})(?:\s+[^\s،,.]+){{0,3}}?\s+"
                     rf"(?:{alternation(people['putin']['names'] + people['aliyev']['names'])})(?![^\W_])")
    # "لدى عودته إلى", "عاد علييف إلى العاصمة": a return word, its subject, إلى and the place's fillers
    return_to_place = (rf"(?<![^\W_])[وفل]?(?:لدى\s+|بعد\s+)?(?:{alternation(terms['return_words'])})"
                       rf"(?:\s+[^\s،,.]+){{0,4}}?\s+(?:{alternation(['إلى'])})"
                       rf"(?:\s+(?:{alternation(terms['place_fillers'])}))*")
    not_a_term = rf"(?!(?:{alternation(terms['term_false_friends'])})(?![^\W_]))"
    kind_terms = {kind: re.compile(not_a_term + _word_re(_kind_words(terms, kind), ARTICLE_CLITIC, SUFFIX).pattern)
                  for kind in terms["kinds"]}
    # "تلقى أمس اتصالا من نظيره", "إثر اتصال تلقاه علييف": a call named by "اتصال" and the verb that
    # made or received it, before or after.
    call_verb = (rf"(?<![^\W_])[وف]?(?:{alternation(terms['call_verbs'])})(?:\s+[^\s،,.]+){{0,8}}?\s+اتصالا(?![^\W_])"
                 rf"|(?<![^\W_])[وبل]?اتصالا?\s+(?:{alternation(terms['call_verbs_after'])})(?![^\W_])")
    called = (rf"(?<![^\W_])[وف]?(?:{alternation(terms['called_verbs'])})(?:\s+[^\s،,.]+){{0,3}}?\s+"
              rf"(?:{alternation(terms['called_objects'])})(?![^\W_])")
    kind_terms["phone_call"] = re.compile(kind_terms["phone_call"].pattern + "|" + call_verb + "|" + called)
    # "جلس الرئيس الروسي فلاديمير بوتين إلى جانب الرئيس الأذربيجاني": sitting beside, in one clause.
    sat_beside = (rf"(?<![^\W_])[وف]?(?:{alternation(terms['sat_verbs'])})(?:\s+[^\s،,.]+){{0,8}}?\s+"
                  rf"(?:{alternation(terms['beside'])})(?![^\W_])")
    kind_terms["talks"] = re.compile(kind_terms["talks"].pattern + "|" + sat_beside)
    return Lex(
        putin=_word_re(people["putin"]["names"] + people["putin"]["titles"]),
        putin_name=_word_re(people["putin"]["names"]),
        # "الرئيس الروسي (آنذاك) (دميتري) مدفيديف": a title followed by another holder's name.
        not_putin=re.compile(rf"(?<![^\W_]){CLITIC}(?:{alternation(people['putin']['titles'])})"
                             rf"(?:\s+(?:{alternation(people['former'])}))?(?:\s+[^\W\d_]+)?"
                             rf"\s+(?:{alternation(people['not_putin'])})(?![^\W_])"),
        former=_word_re(people["former"], ""),
        by_message=_word_re(terms["by_message"], ARTICLE_CLITIC, SUFFIX),
        aliyev_name=_word_re(people["aliyev"]["names"]),
        aliyev_title=_word_re(people["aliyev"]["titles"]),
        not_aliyev=_word_re(people["not_aliyev"]),
        pair=_word_re(people["pair"]),
        others=_word_re(people["others"] + people["other_counterpart"]),
        named_partners=_word_re(people["named_partners"]),
        terms=kind_terms,
        announced=_word_re(terms["announced"], CLITIC),
        perfect_verbs=_word_re(terms["perfect_verbs"], "[وف]?"),
        imperfect_verbs=_word_re(terms["imperfect_verbs"], "[وف]?"),
        # conjunctions and the relative pronouns (relative_pronouns below) open a clause of their own
        subordinator=_word_re(terms["subordinators"] + terms["relative_pronouns"], "[وف]?"),
        # "للمرحلة المقبلة": a span of time qualified, not the encounter's future
        future_span=re.compile(rf"(?<![^\W_])(?:[وفبل]|لل|في\s+)?(?:{alternation(terms['future_spans'])})"
                               rf"\s+(?:ال)?(?:مقبله|قادمه|مقبل|قادم)(?![^\W_])"),
        past=_word_re(terms["past_reference"], CLITIC),
        habit_words=_word_re(terms["habit_words"], CLITIC),
        still_running=_word_re(terms["period_still_running"], CLITIC),
        habit_span=re.compile(rf"(?<![^\W_])(?:{alternation(terms['habit_span']['lead'])})(?:\s+[^\s،,.]+){{0,2}}?"
                              rf"\s+(?:{alternation(terms['habit_span']['units'])})(?![^\W_])"),
        no_plans=re.compile(no_plans),
        denial=re.compile(_word_re(terms["denial"], CLITIC).pattern + "|" + unrealised_plan + "|" + absent_leader
                          + "|" + no_date + "|" + no_plans),
        sidelines=_word_re(terms["sidelines"], r"(?:على\s+)?", SUFFIX),
        no_day_for_future=re.compile(no_day_for_future),
        future_indefinite=_word_re(terms["future_indefinite"], ""),
        # a comma or semicolon, or a conjunction that opens a clause ("…، فيما أعلن …")
        clause_break=re.compile(rf"[،,؛;]|(?<![^\W_])(?:{alternation(terms['clause_conjunctions'])})(?![^\W_])"),
        contrasted=re.compile(rf"\s*[وف]?(?:{alternation(terms['contrast_words'])})(?![^\W_])"),
        another_day=_word_re(terms["another_day"], r"(?:[وف]?(?:في\s+)?)"),
        # ", خلال لقائهم في موسكو يوم الاثنين الماضي،": the encounter right after a document's
        # clause, with the day it was held, up to the clause's end
        encounter_after_clause=re.compile(
            rf"\s*[،,]?\s*(?:{alternation(terms['during'])})\s+(?:{_suffixed_alt(encounter_words)})"
            rf"[^،,.؛:]*?(?<![^\W_])(?:يوم\s+)?[وف]?(?:{alternation(_day_words())})(?![^\W_])"),
        held_clause=re.compile(rf"[،,]\s*(?:(?:{alternation(terms['relative_pronouns'])})\s+)?"
                               rf"(?:{alternation(terms['held_verbs'])})\s+$"),
        anniversary=_word_re(terms["anniversary"], CLITIC),
        anniversary_noun=_word_re(terms["anniversary_nouns"], CLITIC),
        attendees=_word_re(terms["attendee_nouns"], CLITIC),
        background_after=_word_re(terms["background_after"] + _subject_comes_after(terms["background_after_subject"])),
        background_note=_word_re(terms["background_note"]),
        repeated_contacts=re.compile(rf"(?<![^\W_]){ARTICLE_CLITIC}(?:{alternation(terms['repeated_contacts']['nouns'])})"
                                     rf"\s+(?:{alternation(terms['repeated_contacts']['adjectives'])})(?![^\W_])"),
        # the visit's word, up to three words, a verb of beginning, right before a date
        visit_began=re.compile(rf"(?<![^\W_])[وبل]?(?:ال)?(?:{alternation(terms['kinds']['visit'])})\S*"
                               rf"(?:\s+[^\s،,.]+){{0,3}}?\s+(?:التي\s+)?(?:{alternation(terms['visit_began'])})"
                               # ... and its subject ("زيارة الدولة التي بدأها الضيف الروسي مساء الأحد")
                               rf"(?:\s+[^\s،,.]+){{0,3}}?\s+$"),
        # "بدأ الرئيس الروسي مساء الأحد زيارة دولة": a verb of beginning (up to four words) before the
        # date, and the visit's word right after it
        began_then_visit=(re.compile(rf"(?<![^\W_])[وف]?(?:{alternation(terms['visit_began'])})(?:\s+[^\s،,.]+){{0,4}}?\s+$"),
                          re.compile(rf"\s*(?:{alternation(terms['kinds']['visit'])})")),
        qa_question=re.compile(rf"\s*(?:{alternation(terms['qa_question'])})\s*[:\-–]"),
        qa_answer=re.compile(rf"\s*(?:{alternation(terms['qa_answer'])})\s*[:\-–]"),
        officials=_word_re(people["officials"] + people["not_putin"] + people["not_aliyev"]),
        # at the sentence's start or after a colon ("نسأل ضيوفنا: هل …")
        question=re.compile(rf"(?:^|:)\s*[وف]?(?:{alternation(terms['question_words'])})(?![^\W_])"
                            rf"|(?<![^\W_])(?:{alternation(terms['indirect_question'])})(?![^\W_])"),
        # ("قبل نحو عامين", "قبل أقل من خمسة أشهر": "أقل/أكثر من" before up to two words of number)
        ago_span=re.compile(rf"(?<![^\W_])(?:{alternation(terms['ago_span']['lead'])})"
                            rf"(?:\s+(?:{alternation(terms['ago_span']['bounds'])}))?"
                            rf"(?:\s+[^\s،,.]+){{0,2}}?"
                            rf"\s+(?:{alternation(terms['ago_span']['units'])})(?![^\W_])"),
        # the encounter right after "عشية"/"غداة" (and a phase of it): the text before its word
        counted_from=re.compile(rf"(?<![^\W_])(?P<word>{alternation(terms['counted_from'])})\s+"
                                rf"(?:(?:{alternation(terms['event_phases'])})\s+){{0,2}}$"),
        counted_days={forms([w])[0]: days for w, days
                      in (terms["counted_from"] | terms["days_from"] | terms["gathering_day"]).items()},
        gathering_day=re.compile(rf"(?<![^\W_])(?:في\s+)?(?P<word>{alternation(terms['gathering_day'])})\s+$"),
        # "التي افتتحت (أعمالها) " right before a day: a weekday or a day's number
        gathering_opened=re.compile(rf"(?<![^\W_])(?:{alternation(terms['relative_pronouns'])})\s+"
                                    rf"(?:{alternation(terms['gathering_opened'])})"
                                    rf"(?:\s+(?:{alternation(terms['gathering_opened_objects'])}))?\s+(?:يوم\s+)?"
                                    rf"(?=\d|(?:{alternation(list(weekday_table()))})(?![^\W_]))"),
        days_after_opening=re.compile(rf"^\W*[وف]?بعد\s+(?P<span>{alternation(list(terms['days_after_opening']))})"
                                      rf"\s+(?:{alternation(['على', 'من'])})\s+"),
        days_after={forms([w])[0]: days for w, days in terms["days_after_opening"].items()},
        days_from=re.compile(rf"(?<![^\W_])(?P<word>{alternation(terms['days_from'])})\s+"
                             rf"(?:(?:{alternation(terms['event_phases'])})\s+){{0,2}}$"),
        # "بعد لقاء", "قبل ساعات من انطلاق قمة": before or after, some time, a phase
        sequenced=re.compile(rf"(?<![^\W_])(?:{alternation(terms['sequence_words'])})"
                             rf"(?:\s+(?:{alternation(terms['sequence_spans'])})\s+من)?\s+"
                             rf"(?:(?:{alternation(terms['event_phases'])})\s+){{0,2}}$"),
        # ... with a count or "نحو" before the span ("بعد نحو خمسة أسابيع من لقاء")
        long_after=re.compile(rf"(?<![^\W_])[وف]?(?:{alternation(terms['long_after']['lead'])})(?:\s+[^\s،,.]+){{0,2}}?\s+"
                              rf"(?:{alternation(terms['long_after']['spans'])})\s+(?:{alternation(['من', 'على'])})\s+"
                              rf"(?:(?:{alternation(terms['event_phases'])})\s+){{0,2}}$"),
        separately=_word_re(terms["separately"], ARTICLE_CLITIC),
        # matched at a meeting word's start: the word, then the mark of a two-sided encounter
        bilateral_term=re.compile(rf"[^\s،,.]+\s+(?:{alternation(terms['bilateral_marks'])})(?![^\W_])"),
        # matched at a meeting word's start: the word, up to one more, then a gathering's name
        gathering_term=re.compile(rf"[^\s،,.]+\s+(?:[^\s،,.]+\s+)?{ARTICLE_CLITIC}"
                                  rf"(?:{alternation(terms['gathering_names'])})(?![^\W_])"),
        anchors=_word_re(terms["other_anchors"], ARTICLE_CLITIC, SUFFIX),
        claiming=_word_re(terms["claiming_verbs"], CLITIC),
        informal=_word_re(terms["informal_words"], CLITIC),
        reported=re.compile(rf"(?<![^\W_])[وف]?(?:{alternation(terms['reporting_verbs'])})(?![^\W_])"
                            rf"[^.؟?!]{{0,80}}?(?<![^\W_])(?:ب?ان)(?![^\W_])"),
        two_leaders=_word_re(people["pair"] + terms["the_two"], CLITIC),
        # "ادعاء: …", "التحقق من ادعاء: …": a label opening its line, a word or two before it
        claim_paragraph=re.compile(rf"^[ \t]*(?:[^\s:：]+[ \t]+){{0,2}}?"
                                   rf"(?:{alternation(terms['claim_labels'])})[ \t]*[:：]", re.M),
        other_story=re.compile(rf"^[ \t]*(?:{alternation(terms['other_story_labels'])})[ \t]*[:：|]", re.M),
        claim=re.compile(rf"(?<![^\W_])[وف]?(?:{alternation(terms['claim_words'])})\s*:?\s*$"),
        issue_day=re.compile(rf"(?<![^\W_])[وف]?(?:{alternation(terms['issue_words'])})(?:\s+(?:يوم|في))?\s*$"),
        cities=cities,
        countries=countries,
        venue_countries=venue_countries,
        # Every spelling of a place, to tell a name that starts with و/ف/ب/ل (بيلاروسيا، باكو،
        # فالداي) from a clitic before a name (بموسكو، وباكو).
        place_forms=frozenset(forms([a for c in places["cities"] for a in c.get("ar", [])]
                                    + [a for c in places.get("countries", []) for a in c.get("ar", [])])),
        capital_by_adjective=capital_by_adjective,
        fillers=frozenset(forms(terms["place_fillers"])),
        prepositions=frozenset(forms(terms["place_prepositions"])),
        visit_verbs=frozenset(forms(terms["visit_verbs"])),
        # with the gathering as their object pronoun ("القمة التي استضافتها مدينة أكتاو")
        host_verbs=frozenset(v + p for v in forms(terms["host_verbs"]) for p in ("", "ها", "ه", "هما")),
        gathering_nouns=frozenset(c + n for n in forms(terms["gathering_nouns"]) for c in ("", "و", "ل", "ب")),
        titles=frozenset(forms(terms["person_titles"])),
        vague_future=_word_re(terms["vague_future"], ARTICLE_CLITIC),
        vague_past=_word_re(terms["vague_past"], ARTICLE_CLITIC),
        attends=_word_re(terms["attends"], ARTICLE_CLITIC, SUFFIX),
        third_leaders=[(name, _word_re(aliases)) for name, aliases in people["third_leaders"].items()],
        past_adjective=re.compile(rf"\s+(?:{alternation(terms['past_adjectives'])})(?![^\W_])"),
        # the meeting word, at most one word (a place: "قمة سوتشي السابقة"), then the adjective
        earlier_term=re.compile(rf"[^\s،,.]+(?:\s+[^\s،,.]+)?\s+(?:{alternation(terms['past_adjectives'])})(?![^\W_])"),
        # "من X، …، إلى " right before a place: the place ends a route.
        route_end=re.compile(rf"(?<![^\W_])من\s+[^\s،,]+(?:\s*[،,][^،,]{{0,40}}[،,])?\s*"
                             rf"(?:{alternation(terms['route_to'])})\s+$"),
        arrival=_word_re(terms["arrival_verbs"], r"[وف]?"),
        invited_by=_word_re(terms["invited_by"], r"[وف]?"),
        # the return word, up to four words (its subject), then "إلى" and the place's fillers, at the window's end
        return_to=re.compile(return_to_place + r"\s*$"),
        # ... and the place itself, right before a day ("عاد علييف إلى باكو مساء أمس"): the return's day
        return_then_day=re.compile(return_to_place + r"\s+[^\s،,.]+\s*$"),
        relative=re.compile(rf"(?:{alternation(terms['relative_pronouns'])})\s+$"),
        # a verb of convening right after a relative pronoun ("القمة التي تنعقد"), or an adjective of
        # convening ("القمة المقرر عقدها غدا")
        convening=re.compile(rf"(?:(?:{alternation(terms['relative_pronouns'])})\s+"
                             rf"(?:{alternation(terms['convening_verbs'])})"
                             rf"|(?:{alternation(terms['convening_adjectives'])}))(?![^\W_])"),
        # اليوم, أمس, غدا …: a day told relative to the article's own.
        news_day=_word_re([w for words in load_yaml("weekdays.yaml")["relative_days"].values() for w in words],
                          r"[وف]?"),
        # a weekday or a day told relative to the article's: a day of the last week or so
        recent_day=_word_re(_day_words(), r"[وف]?"),
        # "الاتفاقات التي توصل إليها …" up to the clause's end: a document's relative clause.
        document_clause=re.compile(rf"(?<![^\W_]){ARTICLE_CLITIC}(?:{alternation(terms['documents'])}){SUFFIX}"
                                   rf"(?![^\W_])(?:\s+[^\W\d_]+){{0,5}}?[»”\x22']?\s*[،,]?\s+(?P<clause>[وف]?"
                                   rf"(?:{alternation(terms['relative_pronouns'])})(?![^\W_])[^،,.؛:]*)"),
        # "البيان وقعه أيضا الرئيس علييف …": a definite document, then its signing with its pronoun
        document_signers=re.compile(rf"(?<![^\W_])(?:وال|فال|بال|ال)(?:{alternation(terms['documents'])})"
                                    rf"\s+(?P<clause>(?:{alternation(terms['documents_signed_by'])})(?![^\W_])[^،,.؛:]*)"),
        kremlin=_word_re(named["kremlin"]),
        azerbaijan=_word_re(named["azerbaijan"], ARTICLE_CLITIC, r"(?:ه|ة|ين)?"),
        armenia=_word_re(named["armenia"], ARTICLE_CLITIC, r"(?:ه|ة|ين)?"),
        russia=_word_re(named["russia"]),
        leaders_of=_word_re(people["leaders_of"], CLITIC),
        russia_country=_word_re(named["russia_country"], CLITIC),
        azerbaijan_country=_word_re(named["azerbaijan_country"], CLITIC),
    )
