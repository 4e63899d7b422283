"""``find_meetings``: the article's main meeting and the earlier encounters it mentions.

The first meeting sentence that is not a reference to an earlier encounter ("آخر لقاء", "وكان قد")
opens the article's main meeting; later compatible sentences fill in what it lacks (city, date,
kind). Earlier encounters mentioned in passing become meetings with ``primary=False``.
"""
from __future__ import annotations

import re
from datetime import date

from ...models import Meeting
from ...normalize import normalize_with_offsets
from ..arabic import sentence_spans
from ..dates import DateMention, find_dates, to_date
from ..gates import Token, article_tokens, may_match, tokens_between
from ..items import ItemLabel, item_labels
from .dating import (DateChoice, apply_date, compatible, date_for, forget_date, fronted_year, has_date_info,
                     last_day_named, norm_pos, tells_an_issue, without_claimed_days)
from .history import is_past_reference, past_reason
from .layout import (blanked, dated_by_item, days_ahead_under_headline, headline_only, in_item, item_at, item_spans,
                     lead_pairs_another, not_the_news, outside_items, pair_named_as_others, pair_of_others,
                     title_over_history)
from .lexicon import Lex, lexicon
from .page_dates import date_from_lead, dated_just_before, heading_date, in_page_weekdays, item_date, lead_news_day
from .places import PLACE_PIN, capitals_by_adjective, cities_in, visit_destination
from .reports import claimed_denial, is_denial, is_meeting_sentence
from .sentences import (LEAD_SENTENCES, Sentence, aliyev_is_ilham, aliyev_titles, analyse, answers_joined, counted_from,
                        in_relative_clause, kind_of, lead_sentences, masked, speakers_into_quotes, status_of,
                        third_leaders, titles_mean_putin)
from .venue import city_for, outside_others, place_anchors

# The meetings this package finds (a Meeting carries the year-less day and month it read).
FoundMeeting = Meeting


_DEFINITE = re.compile(r"(?:[وفب]?ال|لل)")
# How many sentences back a meeting sentence's gathering may have been introduced.
ANTECEDENT_SENTENCES = 2
# An encounter dated this many days before publication or fewer is the news, even in the pluperfect;
# up to a week when no other encounter came first ("وكان بوتين قد اتصل … السبت الماضي" in a story of
# the week after: the call is still its peg; after "التقى لافروف نظيره بيراموف اليوم" it is background).
RECENT_NEWS_DAYS = 3
RECENT_NEWS_DAYS_ALONE = 7
# An encounter dated more than this many days before publication is background.
STALE_DAYS = 45


def _from_antecedent(primary: FoundMeeting, first: Sentence, sentences: list[Sentence],
                     mentions: list[DateMention], nt, published: date | None) -> None:
    """"انعقدت قمة الرابطة في دوشنبه يوم الجمعة 28 أيلول. وحضر القمة بوتين وعلييف": a meeting
    sentence whose meeting word is definite and that names no place or day refers back to the
    gathering the sentence before it introduces; that sentence's place and day are its own. So
    does a sentence before it in which one of the two takes part in the gathering ("شارك علييف
    أمس في جلسة ترأسها بوتين. وتبادل الرئيسان الحديث على هامشها"), up to ANTECEDENT_SENTENCES back."""
    if lexicon().vague_past.search(first.norm):
        return
    definite = any(_DEFINITE.match(first.norm, pos) and not counted_from(first, pos) for pos, _ in first.terms)
    in_person = primary.kind != "phone_call"
    before = [s for s in sentences if s.end <= first.start][-ANTECEDENT_SENTENCES:]
    for prev in reversed(before):
        if primary.city is not None and has_date_info(primary):
            return
        if primary.status == "held" and prev.terms and status_of(prev) == "announced":
            return  # "… للمشاركة في اجتماع المجلس المقرر غدا": a gathering still to come frames no held one
        if is_past_reference(prev):
            return  # an earlier encounter
        if prev.other_leader:
            # "تحدث علييف وباشينيان على هامش قمة الرابطة يوم الجمعة. وكانت القمة التي حضرها بوتين …":
            # another pair's encounter on a gathering's sidelines is of the gathering's day and place
            if definite and primary.kind == "multilateral_summit" and primary.status == "held" \
                    and status_of(prev) == "held" and not lexicon().contrasted.match(first.norm) \
                    and _sidelines_of_gathering(prev):
                _take_place_and_day(primary, prev, mentions, nt, published)
            return  # else another leader's encounter
        introduces = definite and any(kind == primary.kind or in_person and kind != "phone_call"
                                      for _, kind in prev.terms)
        takes_part = in_person and (prev.putin or prev.aliyev) and bool(lexicon().attends.search(prev.norm))
        if not (introduces or takes_part):
            return
        _take_place_and_day(primary, prev, mentions, nt, published)


def _take_place_and_day(primary: FoundMeeting, prev: Sentence, mentions: list[DateMention], nt,
                        published: date | None) -> None:
    """What the meeting lacks of place and day, from the sentence that introduced its gathering."""
    if primary.city is None:
        primary.city = city_for(prev, primary.kind or "other")
    if not has_date_info(primary):
        apply_date(primary, date_for(prev, mentions, nt, published, primary.status or "held"))


def _sidelines_of_gathering(s: Sentence) -> bool:
    """Is a summit of the sentence named as the frame of its encounter ("على هامش قمة …")?"""
    ends = {m.end() for m in lexicon().sidelines.finditer(s.norm)}
    return any(kind == "multilateral_summit" and any(s.norm[e:pos].isspace() for e in ends if e < pos)
               for pos, kind in s.terms)


def _told_as_today(merged: list[Sentence], mentions: list[DateMention], nt) -> bool:
    """Does a meeting sentence say the encounter is today ("اليوم", "اليوم الاثنين")?"""
    return any(m.offset_days == 0 and any(s.start <= norm_pos(nt, m.start) < s.end for s in merged)
               for m in mentions)


def _tokens_within(article: tuple[tuple[Token, ...], tuple[int, ...]], a: int, b: int) -> tuple[Token, ...]:
    """The article's words inside [a, b) (a sentence: words never cross its ends), offsets from a.
    They were read before masking: a superset of the masked sentence's, which is all a search needs."""
    return tuple((pos - a, word) for pos, word in tokens_between(article, a, b))


def _evidence(text: str, nt, s: Sentence) -> str:
    a, b = nt.to_original(s.start, s.end)
    return " ".join(text[a:b].split()).strip(" ،,:-–")


def find_meetings(text: str, published: date | str | None = None,
                  dateline_day: tuple[int, int] | None = None, lead_not_news: bool = False) -> list[Meeting]:
    """Putin–Aliyev meetings in an (already cleaned) article, the main one first.
    ``dateline_day``: (month, day) of a year-less dateline, for an article with no "today";
    ``lead_not_news``: a page whose lead is not the news of its day (an analysis, an opinion, a
    fact-check, an interview recorded before, a list of others' items with their own times)."""
    published = to_date(published)
    if not text or not text.strip():
        return []
    nt = normalize_with_offsets(text)
    article = article_tokens(nt.text)  # the article's words: patterns are tried only at those they can start with
    tokens = article[0]
    words = frozenset(word for _, word in tokens)
    norm = masked(nt.text, tokens)
    lex = lexicon()
    if not aliyev_is_ilham(published, nt.text, tokens):
        return []  # the article's Aliyev is Heydar: no encounter with Ilham
    putin_titles = titles_mean_putin(published, nt.text, tokens)
    claims = not_the_news(norm, lex) if ":" in norm else []
    # the page's own text: without a claim it weighs or a pointer to another story
    own = blanked(norm, claims) if claims else norm
    doc_putin = bool((lex.putin if putin_titles else lex.putin_name).search(own))
    spans = answers_joined(norm, sentence_spans(norm))
    doc_both = doc_putin and bool(lex.aliyev_name.search(own) or aliyev_titles(own)) \
        and not lead_pairs_another(norm, lex, spans)
    doc_az_arm = may_match(lex.armenia, words) and bool(lex.azerbaijan.search(norm)) and bool(lex.armenia.search(norm))
    # A chronology's paragraphs each tell their own news: the two leaders go together only within one.
    items = item_spans(item_labels(text, published), nt)
    sentences = [analyse(norm, a, b, *(in_item(norm, items, a, putin_titles, lex, doc_both, doc_az_arm)),
                         putin_titles, _tokens_within(article, a, b))
                 for a, b in spans]
    speakers_into_quotes(norm, sentences)
    for s in sentences:
        if s.pair and (not s.putin and pair_of_others(norm, s, putin_titles, lex) or pair_named_as_others(s, lex)):
            s.pair = False  # "علييف وتوكاييف يطلقان … كما شهد الرئيسان توقيع": the two named last
    mentions: list[DateMention] | None = None  # the article's dates: read for its first meeting sentence

    primary: FoundMeeting | None = None
    secondary: list[FoundMeeting] = []
    merged: list[Sentence] = []  # the sentences that describe the main meeting
    others_first = False  # a meeting sentence not of the two came before the main meeting
    history: set[int] = set()  # (starts of) sentences telling an encounter of the past
    for s in sentences:
        if claims and any(a <= s.start < b for a, b in claims):
            continue  # "ادعاء: … والتقى الرئيس فلاديمير بوتين": the claim a fact-check weighs; another story
        if primary is None and is_denial(s):
            if past_reason(s) == "pluperfect":
                continue  # "وكان علييف قد ألغى مشاركته في القمة": a cancellation told as background
            return []  # the article is about a denial: later mentions do not make a meeting
        if primary is not None and mentions is not None and not is_meeting_sentence(s) \
                and _official_talks_of_the_two(s, primary, merged, mentions, nt, published, lex):
            merged.append(s)  # "أما المحادثات الرسمية بين الرئيسين فجرت يوم الاثنين": the visit's day
            continue
        if primary is None and s.terms and not (s.putin and s.aliyev or s.pair or s.trilateral):
            others_first = True  # someone else's encounter told first ("التقى لافروف نظيره …")
        if not is_meeting_sentence(s) or claimed_denial(s):
            continue
        if not s.putin and not s.aliyev and not s.pair and not s.trilateral and not s.putin_visit_az:
            continue
        kind = kind_of(s)
        status = status_of(s)
        if mentions is None:
            mentions = _article_dates(text, published, nt)
        choice = date_for(s, mentions, nt, published, status)
        item = item_at(items, s.start)
        if item is not None and dated_by_item(choice, item[2]):
            choice = item_date(item[2], published, status)  # "الخميس 9 أكتوبر: … لقاء ثنائيا مع علييف"
        elif choice is None:
            choice = heading_date(s, mentions, nt, published, status)  # the day heading its block of lines
        city = city_for(s, kind)
        last_day = choice.when if choice and choice.when else last_day_named(s, mentions, nt)
        days_before = (published - last_day).days if published and last_day else None
        reason = past_reason(s)
        recent_days = RECENT_NEWS_DAYS if others_first else RECENT_NEWS_DAYS_ALONE
        # "وكان علييف قد أجرى يوم الجمعة محادثات": the pluperfect of an analysis the day after is
        # still the news; an encounter dated weeks before publication is background whatever the tense.
        past = reason == "marker" or reason == "pluperfect" and not (days_before is not None
                                                                     and 0 <= days_before <= recent_days) \
            or days_before is not None and days_before > STALE_DAYS
        if past:
            history.add(s.start)
        if primary is None and not past:
            primary = FoundMeeting(date=None, city=city, kind=kind, status=status,
                                   evidence=_evidence(text, nt, s))
            apply_date(primary, choice)
            merged.append(s)
            if kind == "visit" and city is None:
                primary.city = visit_destination(s.norm)
            continue
        if primary is not None and past and len(merged) == 1 and not has_date_info(primary) \
                and kind == primary.kind and city in (None, primary.city) \
                and title_over_history(merged[0], s, sentences, nt.text, reason == "marker" or (
                    fronted_year(s) is not None and days_before is not None and days_before > STALE_DAYS)):
            primary = None
            merged.clear()
            continue
        named_both = s.putin and s.aliyev or s.pair
        arrival_only = primary is not None and named_both and all(_one_leader_arrives(x) for x in merged)
        day_differs = choice is not None and choice.when is not None and primary is not None \
            and primary.date is not None and choice.when.isoformat() != primary.date
        if primary is not None and not past and ((status != primary.status or day_differs)
                                                 and (headline_only(merged, sentences, nt.text) or arrival_only)
                                                 or days_ahead_under_headline(primary, s, status, choice, published)
                                                 and headline_only(merged, sentences, nt.text, under_furniture=True)):
            # "بوتين يتوجه إلى باكو الاثنين": a headline's present tense may be the news of the day
            # or of days ahead; the lead under it says which ("سيزور … يوم الاثنين المقبل"). And a
            # leader's arrival is not yet the encounter: "وصل بوتين مساء اليوم الأحد إلى باكو"
            # then "ومن المقرر أن يجري غدا الاثنين محادثات مع علييف" is the talks of Monday.
            primary = FoundMeeting(date=None, city=city or primary.city, kind=kind, status=status,
                                   evidence=_evidence(text, nt, s))
            apply_date(primary, choice)
            merged[:] = [s]
            continue
        # A sentence about the next encounter ("الاجتماع المقبل سيعقد في طهران") says nothing of
        # the one held.
        next_one = primary is not None and primary.status == "held" and status == "announced"
        # One encounter has one place: a sentence placing the two elsewhere ("كما شارك الرئيسان في
        # قمة موسكو في 8 أكتوبر") tells another one.
        elsewhere = primary is not None and None not in (primary.city, city) and primary.city != city
        # "في اليوم السابق، 18 أغسطس، عقد الرئيسان لقاء غير رسمي": another day's encounter. Counted
        # from a day of its own sentence under an undated lead ("وصل مساء الأحد، وأجرى في اليوم
        # التالي محادثات"), it is the day of the lead's encounter.
        shift = lex.another_day.search(s.norm) if primary is not None else None
        another_day = primary is not None and shift is not None \
            and (has_date_info(primary) or not _day_named_before(s, shift.start(), mentions, nt))
        if primary is not None and not past and not next_one and not elsewhere and not another_day \
                and compatible(primary, choice):
            if primary.city is None and primary.kind != "phone_call":
                primary.city = city or (visit_destination(s.norm) if kind == "visit" else None)
            if primary.kind == "other" and kind != "other":
                primary.kind = kind
            if kind == "phone_call" and primary.kind != "phone_call" and primary.city is None:
                primary.kind = "phone_call"
            if _talks_after_informal(primary, merged, s, choice, lex):
                forget_date(primary)
            apply_date(primary, choice)
            merged.append(s)
            continue
        if past or (choice and choice.when):
            m = FoundMeeting(date=None, city=city, kind=kind, status="held", evidence=_evidence(text, nt, s),
                             primary=False)
            apply_date(m, choice)
            secondary.append(m)
    if primary is None:
        found = _shared_venue([s for s in sentences if s.start not in history], text, nt)
        if found is not None:
            primary, gathering = found
            mentions = _article_dates(text, published, nt) if mentions is None else mentions
            apply_date(primary, date_for(gathering, mentions, nt, published, primary.status or "held"))
            merged.append(gathering)
    if primary is None or mentions is None:  # (the dates are read whenever there is a primary)
        return []  # encounters mentioned only in passing do not make a meeting article
    if primary.city is None and primary.kind != "phone_call":
        # No place after a preposition in the meeting sentences: the place the lead or the headline
        # gives the two ("علييف في الكرملين"), else a bare city name in the meeting sentences.
        kind = primary.kind or "other"
        primary.city = _item_place(items, merged[0], sentences, primary.status) \
            or _lead_place(outside_items(items, sentences), primary.status) \
            or _pinned_place(norm, merged[0].start) \
            or next((c for c in (city_for(s, kind, locative_only=False) for s in merged) if c), None)
    if primary.kind == "phone_call":
        primary.city = None
    primary.participants = third_leaders(merged)
    if primary.status == "announced" and lex.vague_future.search(merged[0].norm):
        # "أعلن، اليوم الجمعة، أن … سيعقد لقاء الأسبوع المقبل": the weekday is the announcement's;
        # the meeting has only a week, so its day is left to event linking.
        if primary.date_basis in ("weekday", "publication"):
            primary.date, primary.date_basis, primary.weekday = None, None, None
        return [primary, *secondary]
    _from_antecedent(primary, merged[0], sentences, mentions, nt, published)
    # ("كانون الثاني: أول لقاء ثلاثي …": a paragraph of a month in review has no day of its own)
    vague = any(lex.vague_past.search(s.norm) or in_relative_clause(s) for s in merged) \
        or dated_just_before(merged, mentions, nt, published) \
        or any((item := item_at(items, s.start)) is not None and item[2].mention is None for s in merged) \
        or any(tells_an_issue(s, mentions, nt) for s in merged) \
        or fronted_year(merged[0]) is not None  # "وفي عام 2023، التقى …": some day of that year
    if not has_date_info(primary) and not vague:
        apply_date(primary, heading_date(merged[0], mentions, nt, published, primary.status or "held"))
    if not has_date_info(primary) and not vague:
        # The lead's news day, unless the meeting's own sentences place it vaguely before
        # ("جرت محادثة عشية القمة"): then the lead's "اليوم" is another encounter's.
        date_from_lead(primary, sentences, mentions, nt, published)
    day = to_date(primary.date)
    if published is not None and day is not None and day > published:
        primary.status = "announced"  # "يستضيف … غدا": a day after publication has not happened yet
    in_lead = merged[0] in lead_sentences(sentences) or sentences.index(merged[0]) < LEAD_SENTENCES
    if primary.date is None and primary.month is None and dateline_day and not vague and primary.status == "held" \
            and (_told_as_today(merged, mentions, nt) or in_lead and primary.weekday is None):
        # "BAKU, Aug. 19 – … التقى اليوم", or a lead under "السبت 28 ديسمبر" that names no day: the
        # dateline's month and day, the year left to linking.
        primary.month, primary.day = dateline_day
    if primary.date is None and published is not None and primary.status == "held" and primary.weekday is None \
            and not vague and in_lead and not lead_not_news:
        # A lead that reports a held meeting and names no day tells the news of its day, the
        # page's unless the lead tells it as yesterday's ("انطلقت أمس الجمعة … الألعاب"); deeper in
        # a long article an undated encounter may be any day, so it is left to linking.
        news_day = lead_news_day(sentences, mentions, nt, published)
        if news_day is not None:
            apply_date(primary, news_day)
        else:
            primary.date, primary.date_basis = published.isoformat(), "publication"
    return [primary, *secondary]


def _official_talks_of_the_two(s: Sentence, primary: FoundMeeting, merged: list[Sentence],
                               mentions: list[DateMention], nt, published: date | None, lex: Lex) -> bool:
    """A sentence naming the two only as "الرئيسين" after an informal encounter told first, with
    the visit's official talks on a later day: the talks' day becomes the encounter's."""
    if not s.terms or not lex.two_leaders.search(s.norm) or is_denial(s) or past_reason(s):
        return False
    choice = date_for(s, mentions, nt, published, status_of(s))
    if not compatible(primary, choice) or not _talks_after_informal(primary, merged, s, choice, lex):
        return False
    forget_date(primary)
    apply_date(primary, choice)
    if status_of(s) == "held":
        primary.status = "held"  # "فجرت يوم الاثنين": the talks were held, whatever was announced before
    return True


def _talks_after_informal(primary: FoundMeeting, merged: list[Sentence], s: Sentence, choice: DateChoice | None,
                          lex: Lex) -> bool:
    """"جمعه لقاء غير رسمي مساء الأحد … أما المحادثات الرسمية فجرت يوم الاثنين": the official talks a
    day or two after an informal encounter told first are the visit's encounter (its day replaces
    the informal one's)."""
    if choice is None or choice.when is None or primary.date is None or lex.informal.search(s.norm) \
            or not any(kind in ("talks", "visit") for _, kind in s.terms):
        return False
    day = to_date(primary.date)
    return day is not None and day < choice.when and any(lex.informal.search(x.norm) for x in merged)


def _article_dates(text: str, published: date | None, nt) -> list[DateMention]:
    """The article's date mentions, weekdays read in the page's calendar, none inside a quoted claim."""
    return without_claimed_days(in_page_weekdays(find_dates(text, published), published), nt)


def _item_place(items: list[tuple[int, int, ItemLabel]], first: Sentence, sentences: list[Sentence],
                status: str | None) -> str | None:
    """The place a chronology item names for its encounter (its paragraph is its lead; the
    page's lead and the other items tell other news)."""
    item = item_at(items, first.start)
    if item is None:
        return None
    return _lead_place([s for s in sentences if item[0] <= s.start < item[1]], status)


def _one_leader_arrives(s: Sentence) -> bool:
    """Does the sentence tell only one of the two arriving ("وصل بوتين مساء اليوم إلى باكو", "كما وصل
    إلى دوشنبه للمشاركة في اجتماع … رئيس أذربيجان")? That is not yet their encounter."""
    lex = lexicon()
    if s.pair or s.trilateral or not (s.putin_visit_az or lex.arrival.search(s.norm)):
        return False
    if s.putin != s.aliyev:
        return True
    # "… بدعوة من الرئيس إلهام علييف": the host named only as the one who invited (and no talks
    # told in the same sentence: "…، وأجرى معه محادثات")
    invited = lex.invited_by.search(s.norm)
    if invited is None or any(kind != "visit" for _, kind in s.terms):
        return False
    before = s.norm[:invited.start()]
    return bool(lex.putin.search(before)) != bool(lex.aliyev_name.search(before) or aliyev_titles(before))


def _day_named_before(s: Sentence, at: int, mentions: list[DateMention] | None, nt) -> bool:
    """Does the sentence name a day before its position ``at`` ("وصل مساء الأحد، وأجرى في اليوم التالي")?"""
    return any(m.kind in ("weekday", "relative", "explicit", "stamp")
               and s.start <= norm_pos(nt, m.start) < s.start + at for m in mentions or [])


def _shared_venue(sentences: list[Sentence], text: str, nt) -> tuple[FoundMeeting, Sentence] | None:
    """"اجرى بوتين اجتماع المجلس … في الكرملين. ووصل إلى الكرملين الرئيس الأذربيجاني": one leader
    holds a meeting at a venue, and a sentence of the same article brings the other one there
    (``sentences``: without those telling an encounter of the past)."""
    lex = lexicon()
    for s in sentences:
        if not (s.putin or s.aliyev) or (s.putin and s.aliyev) or lex.denial.search(s.norm):
            continue
        kinds = {k for _, k in s.terms}
        if not kinds & {"talks", "multilateral_summit"} or "phone_call" in kinds or is_past_reference(s):
            continue
        venues = {city for _, city in cities_in(s.norm)}
        for other in sentences:
            if other is s or lex.denial.search(other.norm) or not lex.attends.search(other.norm):
                continue
            if (other.aliyev and not other.putin if s.putin else other.putin and not other.aliyev) \
                    and (venues & {city for _, city in cities_in(other.norm)}
                         or _same_gathering_next(s, other, sentences)):
                # Other leaders received between the two sentences make it a multilateral gathering.
                between = sentences[min(sentences.index(s), sentences.index(other)):
                                    max(sentences.index(s), sentences.index(other)) + 1]
                several = any(x.other_leader for x in between) or "multilateral_summit" in kinds
                kind = "multilateral_summit" if several else "talks"
                shared = sorted(venues & {c for _, c in cities_in(other.norm)}) or sorted(venues)
                return FoundMeeting(date=None, city=shared[0] if shared else None,
                                    kind=kind, status=status_of(s), evidence=_evidence(text, nt, s)), s
    return None


def _same_gathering_next(s: Sentence, other: Sentence, sentences: list[Sentence]) -> bool:
    """"استضاف بوتين اللقاء غير الرسمي في سان بطرسبرغ. … وحضر اللقاء رؤساء أذربيجان علييف …": a
    sentence shortly after brings the other leader to the gathering by its definite meeting word,
    or the very next one among those present ("وكان في مقدمة الحاضرين الرئيس الأذربيجاني")."""
    gap = sentences.index(other) - sentences.index(s)
    if not 0 < gap <= ANTECEDENT_SENTENCES:
        return False
    if gap == 1 and lexicon().attendees.search(other.norm):
        return True
    kinds = {k for _, k in s.terms}
    return any(k in kinds and _DEFINITE.match(other.norm, pos) for pos, k in other.terms)


# How far before a sentence, on its line, a post's place tag ("📍باكو. …") places it.
PIN_REACH = 40


def _pinned_place(norm: str, start: int) -> str | None:
    """The place a social post's location tag gives the sentence right after it on its line
    ("«📍باكو. فلاديمير بوتين وإلهام علييف يجريان محادثات …")."""
    line_start = norm.rfind("\n", 0, start) + 1
    head = norm[max(line_start, start - PIN_REACH): start]
    if PLACE_PIN not in head:
        return None
    return next((city for _, city in cities_in(head[head.rindex(PLACE_PIN):])), None)


def _lead_place(sentences: list[Sentence], status: str | None = None) -> str | None:
    """The place the lead names after a preposition ("وقع القادة … في مدينة أكتاو"): news leads
    say where, and later sentences name the leaders without repeating it. Only lead sentences
    about an encounter or its leaders count (a plane's route in the lead is not a venue), and
    for a held encounter not one about the next ("الاجتماع المقبل سيعقد في طهران")."""
    for s in lead_sentences(sentences):
        if not (s.terms or s.putin or s.aliyev or s.pair):
            continue
        if status == "held" and s.terms and status_of(s) == "announced":
            continue
        if s.terms and is_past_reference(s):
            continue  # "وكان علييف قد التقى بوتين آخر مرة في سوتشي": an earlier encounter's place
        cities = outside_others(s, cities_in(s.norm) + capitals_by_adjective(s.norm))
        if cities:
            # the place nearest the meeting word ("قالت مصادر في موسكو إن … يعقد في سوتشي")
            anchors = place_anchors(s)
            return min(cities, key=lambda c: (min(abs(c[0] - a) for a in anchors), c[0]))[1]
    return None
