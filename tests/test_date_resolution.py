"""The article's own "today" and the dates, places and encounters resolved against it.

Every sentence here is written for these tests, in the styles of Arabic news writing; none is
taken from the development sets.
"""
from __future__ import annotations

from datetime import date

import pytest

from corpus.extract.dates import find_dates
from corpus.extract import extract_document
from corpus.extract.meetings import find_meetings, year_by_weekday
from corpus.extract.meetings.lexicon import lexicon
from corpus.extract.metadata import extract_metadata
from corpus.extract.datelines import lead_date
from corpus.extract.published import find_published
from corpus.normalize import normalize

MEETING = "عقد الرئيس الروسي فلاديمير بوتين محادثات مع نظيره الأذربيجاني إلهام علييف"


@pytest.mark.parametrize("text,published,basis", [
    # A labelled stamp glued to the first paragraph by the crawler.
    (f"date 2023-03-14 {MEETING} في موسكو.", "2023-03-14", "text: labelled stamp"),
    # A dateline: city, full date, agency in brackets, dash.
    (f"موسكو 12 مارس 2019 (رويترز) - {MEETING} اليوم في الكرملين.", "2019-03-12", "text: dateline"),
    (f"باكو - 5 أيار 2021 - {MEETING}.", "2021-05-05", "text: dateline"),
    # A full date in the lead that the text marks as today (weekday agrees: 4 April 2022 was a Monday).
    (f"قالت الوزارة في بيان أصدرته اليوم الاثنين 4 أبريل/نيسان 2022 إن {MEETING} بحثا التعاون.",
     "2022-04-04", "text: lead date marked today"),
    (f"أعلن الكرملين، الاثنين 4 أبريل 2022، أن {MEETING}.", "2022-04-04", "text: lead date marked today"),
    # A weekday that is not the date's own: not marked as today, no publication date.
    (f"أعلن الكرملين، الجمعة 4 أبريل 2022، أن {MEETING}.", None, None),
    # A date deep in the lead about something else: not the publication date.
    (f"{MEETING}، وكان البلدان قد وقعا في 9 نوفمبر 2020 إعلانا.", None, None),
])
def test_publication_date_from_the_text(text, published, basis):
    assert find_published(text) == (published, basis)


def test_yearless_dateline_under_a_stamp_one_day_off_takes_the_datelines_day():
    text = " date 2024-03-11 باكو، 12 مارس، وكالة الأنباء\n\nشارك الوزير في الاجتماع الدوري للمجلس."
    assert find_published(text) == ("2024-03-12", "text: dateline, year from the stamp")


def test_yearless_dateline_far_from_the_stamp_leaves_the_stamp():
    text = " date 2024-03-11 باكو، 25 مارس، وكالة الأنباء\n\nشارك الوزير في الاجتماع الدوري للمجلس."
    assert find_published(text) == ("2024-03-11", "text: labelled stamp")


@pytest.mark.parametrize("body,expected", [
    ("وقع الجانبان في 3 يونيو 2021 اتفاقية للتعاون في مجال الطاقة بين البلدين.", date(2021, 6, 3)),
    # Only the first paragraph is the lead: a historic date further down is background.
    ("يتوجه الرئيس إلى باكو يوم الخميس المقبل للقاء نظيره الأذربيجاني.\n\n"
     "أقيمت العلاقات الدبلوماسية بين البلدين في الرابع من أبريل سنة 1992 رسميا.", None),
])
def test_lead_date_is_the_first_full_date_of_the_first_paragraph(body, expected):
    assert lead_date(body) == expected


def test_today_falls_back_to_the_lead_date_with_its_provenance():
    meta = extract_metadata("وقع الجانبان في 3 يونيو 2021 اتفاقية للتعاون في مجال الطاقة بين البلدين.")
    assert meta.published is None
    assert (meta.today, meta.provenance["today"]) == ("2021-06-03", "first full date of the lead")


@pytest.mark.parametrize("text,reference,expected", [
    ("اليوم (الأربعاء)", date(2019, 3, 13), date(2019, 3, 13)),
    ("اليوم الأربعاء", date(2019, 3, 12), date(2019, 3, 13)),  # a stamp one day off: the weekday wins
    ("اليوم الأربعاء", date(2019, 3, 16), None),  # three days off: a conflict, no day
    ("أمس الأحد", date(2024, 4, 22), date(2024, 4, 21)),
])
def test_relative_weekday_against_the_reference(text, reference, expected):
    found = [d for d in find_dates(text, reference) if d.kind == "weekday"]
    assert found and found[0].date == expected


@pytest.mark.parametrize("month,day,weekday,reference,year", [
    (9, 27, 3, date(2018, 6, 1), 2018),  # Thursday 27 September: 2018 is the one year near 2018
    (9, 27, 3, date(1992, 4, 4), None),  # no Thursday 27 September in 1991-1993
    (8, 19, 0, date(2024, 8, 1), 2024),
])
def test_year_by_weekday_picks_the_one_year_that_fits(month, day, weekday, reference, year):
    assert year_by_weekday(month, day, weekday, reference) == year


def _meeting(text, today=None):
    found = find_meetings(text, today)
    return (found[0].date, found[0].city, found[0].kind) if found else None


def test_relative_day_resolves_against_the_lead_date_when_there_is_no_publication_date():
    text = f"موسكو 12 مارس 2019 (رويترز) - {MEETING} اليوم في الكرملين."
    ex = extract_document(text)
    assert ex.meetings[0].date == "2019-03-12"
    assert ex.provenance["today"] == "publication date"


def test_weekday_next_to_a_yearless_day_month_does_not_take_a_year_it_contradicts():
    text = ("يتوجه الرئيس الروسي فلاديمير بوتين يوم الخميس 27 أيلول إلى باكو للقاء نظيره الأذربيجاني "
            "إلهام علييف.")
    assert _meeting(text, date(2015, 4, 4))[0] is None  # 27 September 2014–2016 was no Thursday
    assert _meeting(text, date(2018, 9, 20))[0] == "2018-09-27"


@pytest.mark.parametrize("text,city", [
    # The two ends of a plane's route are not a venue.
    ("اعتذر الرئيس الروسي فلاديمير بوتين لنظيره الأذربيجاني إلهام علييف عن حادث الطائرة.\n"
     "وكانت الطائرة في طريقها من باكو، عاصمة أذربيجان، إلى غروزني عندما تحطمت.", None),
    # A traveller arriving from one city to another is at the second one.
    ("وصل الرئيس الروسي فلاديمير بوتين قادما من موسكو إلى باكو حيث التقى نظيره الأذربيجاني إلهام علييف.",
     "Baku"),
    # A country that hosts in its capital stands for it; Russia does not.
    ("التقى الرئيس الروسي فلاديمير بوتين نظيره الأذربيجاني إلهام علييف في طاجيكستان.", "Dushanbe"),
    ("التقى الرئيس الروسي فلاديمير بوتين نظيره الأذربيجاني إلهام علييف في قيرغيزستان.", "Bishkek"),
])
def test_meeting_place(text, city):
    assert _meeting(text)[1] == city


@pytest.mark.parametrize("text,found", [
    ("تستضيف العاصمة اليوم القمة الخامسة لدول بحر قزوين، ويشارك فيها قادة روسيا وأذربيجان وإيران وكازاخستان.",
     True),
    ("اتفق رؤساء روسيا وإيران وأذربيجان خلال اجتماع ثلاثي في باكو على إنشاء ممر للنقل.", True),
    ("اجتمع قادة روسيا وأرمينيا وبيلاروسيا في موسكو لبحث التعاون.", False),
    ("الكرملين ينفي وجود اتصالات هاتفية وشيكة بين بوتين ورئيس أذربيجان علييف.", False),
    ("أشار المتحدث إلى عدم وجود خطط لاتصال هاتفي بين الرئيس بوتين والرئيس علييف.", False),
])
def test_encounter_detection_by_countries_and_denials(text, found):
    assert bool(find_meetings(text)) is found


@pytest.mark.parametrize("text,today,found", [
    # Another holder of the title, named after it.
    ("التقى الرئيس الروسي دميتري مدفيديف نظيره الأذربيجاني إلهام علييف في موسكو.", None, False),
    # Medvedev's presidency: a bare title is his; Putin named as prime minister is Putin.
    ("التقى الرئيس الروسي نظيره الأذربيجاني إلهام علييف في سوتشي اليوم.", date(2010, 9, 3), False),
    ("التقى الرئيس الروسي نظيره الأذربيجاني إلهام علييف في سوتشي اليوم.", date(2015, 9, 3), True),
    ("التقى رئيس الوزراء الروسي فلاديمير بوتين الرئيس الأذربيجاني إلهام علييف في موسكو.", date(2010, 9, 3), True),
    ("اختتم الرئيس الروسي زيارة إلى باكو. ووقع الرئيسان معاهدة. وأشاد برئيس الوزراء فلاديمير بوتين.",
     date(2010, 9, 3), False),
    # Greetings in writing are not encounters; by phone they are.
    ("هنأ الرئيس الروسي فلاديمير بوتين نظيره الأذربيجاني إلهام علييف في برقية بمناسبة عيد الاستقلال.", None, False),
    ("بعث الرئيس الروسي فلاديمير بوتين رسالة إلى نظيره الأذربيجاني إلهام علييف هنأه فيها بالعيد.", None, False),
    ("هنأ الرئيس الروسي فلاديمير بوتين نظيره الأذربيجاني إلهام علييف هاتفيا بعيد ميلاده.", None, True),
    # A planned encounter one leader stayed away from, and talks that will not take place.
    ("لم يحضر الرئيس الأذربيجاني إلهام علييف القمة التي ترأسها الرئيس الروسي فلاديمير بوتين في موسكو.", None,
     False),
    ("لن تكون هناك محادثات ثلاثية بين بوتين وعلييف وباشينيان، لكن ستجرى مشاورات ثنائية.", None, False),
])
def test_who_meets_whom(text, today, found):
    assert bool(find_meetings(text, today)) is found


@pytest.mark.parametrize("text,today,expected", [
    # The date of another happening in the meeting's sentence is that happening's.
    ("يلتقي الرئيس الروسي فلاديمير بوتين نظيره الأذربيجاني إلهام علييف على هامش القمة، بعد أن شارك "
     "الأخير في منتدى الطاقة الذي عقد في 12 أكتوبر 2023.", date(2023, 10, 20), "2023-10-20"),
    ("التقى الرئيس الروسي فلاديمير بوتين نظيره الأذربيجاني إلهام علييف في موسكو، لبحث تداعيات الحرب "
     "التي اندلعت في 27 سبتمبر 2020.", date(2020, 10, 20), "2020-10-20"),
    # Reported speech keeps the meeting's own day.
    ("أعلن الكرملين أن الرئيس الروسي فلاديمير بوتين التقى نظيره الأذربيجاني إلهام علييف اليوم في موسكو.",
     date(2020, 10, 20), "2020-10-20"),
    # A statement dated the day before publication: the call is not the news of the publication day.
    ("أجرى الرئيس الروسي فلاديمير بوتين اتصالا هاتفيا مع نظيره الأذربيجاني إلهام علييف، وفق بيان للكرملين "
     "صدر يوم 5 مارس 2024.", date(2024, 3, 6), None),
    # A vague time: no day.
    ("التقى الرئيس الروسي فلاديمير بوتين نظيره الأذربيجاني إلهام علييف مؤخرا في موسكو.", date(2022, 12, 27), None),
    ("التقى الرئيس الروسي فلاديمير بوتين نظيره الأذربيجاني إلهام علييف عشية القمة في سانت بطرسبورغ.",
     date(2022, 12, 27), None),
])
def test_the_meeting_takes_its_own_date_not_another_events(text, today, expected):
    assert find_meetings(text, today)[0].date == expected


@pytest.mark.parametrize("text,expected", [
    ("عقد الرئيس الروسي فلاديمير بوتين اجتماع المجلس الاقتصادي في الكرملين. واستقبل القصر الرئيس البيلاروسي "
     "لوكاشينكو. ووصل إلى الكرملين الرئيس الأذربيجاني إلهام علييف أيضا.", ("multilateral_summit", "Moscow")),
    ("عقد الرئيس الأذربيجاني إلهام علييف اجتماعا موسعا في باكو. وشارك في الاجتماع في باكو الرئيس الروسي "
     "فلاديمير بوتين.", ("talks", "Baku")),
    # Different venues: no encounter.
    ("عقد الرئيس الروسي فلاديمير بوتين اجتماعا في الكرملين. ووصل الرئيس الأذربيجاني إلهام علييف إلى باكو.", None),
    ("شارك الرئيس الأذربيجاني إلهام علييف في منتدى في موسكو. وعقد بوتين اجتماعا مع الحكومة في سوتشي.", None),
])
def test_leaders_brought_to_the_same_venue_meet_there(text, expected):
    found = find_meetings(text)
    assert ((found[0].kind, found[0].city) if found else None) == expected


@pytest.mark.parametrize("text,expected", [
    # A document's relative clause tells an earlier signing, not the news of the day: no date
    # (and no encounter either, see test_meetings.py).
    ("الوثيقة التي وقعها قادة روسيا وأذربيجان خطوة كبيرة في العلاقات.", None),
    ("وقع قادة روسيا وأذربيجان اليوم وثيقة للتعاون.", "2022-02-25"),
    # A relative clause about the guest is the encounter itself.
    ("قدم الرئيس بوتين اعتذاره لضيفه الرئيس علييف، الذي استقبله في مدينة سوتشي.", "2022-02-25"),
])
def test_publication_day_of_a_held_meeting_that_names_no_day(text, expected):
    found = find_meetings(text, date(2022, 2, 25))
    assert (found[0].date if found else None) == expected


def test_meetings_a_message_recalls_are_not_the_articles_encounter():
    text = ("بعث الرئيس الروسي فلاديمير بوتين برقية تهنئة إلى الرئيس الأذربيجاني إلهام علييف بمناسبة عيد "
            "ميلاده.\nوأعرب بوتين في برقيته عن تقديره لعلييف، مشيرا إلى اللقاء المثمر الذي جمعهما في موسكو.")
    assert find_meetings(text) == []


@pytest.mark.parametrize("text", [
    "علييف يلغي مشاركته في احتفالات يوم النصر بموسكو\nوكان من المقرر أن يلتقي الرئيس بوتين الرئيس علييف هناك.",
    "أجرى الرئيس بوتين محادثات مع الرئيس الكازاخستاني في أستانا، وتطرق إلى لقاءاته الأخيرة مع قادة المنطقة "
    "ومنهم الرئيس الأذربيجاني إلهام علييف.",
])
def test_cancelled_and_earlier_encounters_are_not_the_articles(text):
    assert [m for m in find_meetings(text) if m.primary] == []


def test_an_encounter_at_a_shared_venue_keeps_the_day_and_month_its_sentence_gives():
    text = ("في الخامس والعشرين من مايو الجاري عقد الرئيس الروسي فلاديمير بوتين اجتماع المجلس في الكرملين. "
            "ووصل إلى الكرملين الرئيس الأذربيجاني إلهام علييف أيضا.")
    (m,) = find_meetings(text)
    assert (m.date, m.month, m.day, m.city) == (None, 5, 25, "Moscow")


def test_third_leaders_named_with_the_encounter():
    text = "اتفق رؤساء روسيا وإيران وأذربيجان فلاديمير بوتين وحسن روحاني وإلهام علييف خلال اجتماع ثلاثي في باكو."
    assert find_meetings(text)[0].participants == ("Rouhani",)


@pytest.mark.parametrize("text,found", [
    ("ونقلت الوكالة عن بوتين قوله خلال لقائه باشينيان في سان بطرسبورغ: «بدأنا الحديث عن التسوية»، مشيرا "
     "إلى أنه جرت محادثة ثلاثية مع باشينيان والرئيس الأذربيجاني.", True),
    ("وقال بوتين: «أجريت محادثات مع الرئيس التركي».", False),
    ("وقال بوتين عن علييف: «إنه شريك موثوق».", False),
])
def test_a_quotations_speaker_takes_part_in_what_it_reports(text, found):
    assert bool(find_meetings(text)) is found


@pytest.mark.parametrize("text,today,expected", [
    # A part of a month or hours before something is no day: not the publication day either.
    ("عادت القضية إلى الواجهة بعد القمة التي جمعت الرئيسين الروسي فلاديمير بوتين والأذربيجاني إلهام علييف "
     "في باكو مطلع الشهر الجاري.", date(2019, 6, 20), (None, "held")),
    ("وقع الرئيس الروسي فلاديمير بوتين والرئيس الأذربيجاني إلهام علييف الإعلان في الكرملين قبل ساعات من "
     "اندلاع الأزمة.", date(2019, 6, 20), (None, "held")),
    # Talks the day before, set after an informal dinner of the evening before that.
    ("اختتم الرئيس الروسي فلاديمير بوتين زيارته، وأجرى خلالها أمس الثلاثاء محادثات مع نظيره الأذربيجاني "
     "إلهام علييف في باكو، بعد لقاء غير رسمي جمعهما مساء الاثنين في مقر الإقامة.", date(2019, 6, 19),
     ("2019-06-18", "held")),
    # The date of the clause that tells the summit, not the earlier summit it is compared with.
    ("بعد أيام على القمة التي جمعت الرئيس الروسي فلاديمير بوتين بالرئيس الأذربيجاني إلهام علييف في سوتشي "
     "في 14 حزيران، تبدو المقارنة مع قمة سوتشي السابقة في 3 أيار من العام الماضي مفيدة.",
     date(2019, 6, 20), ("2019-06-14", "held")),
    # Preparing an encounter is announcing it.
    ("موسكو تحضر للقاء جديد بين الرئيس الروسي فلاديمير بوتين والرئيس الأذربيجاني إلهام علييف.",
     date(2019, 6, 20), (None, "announced")),
    # A headline in the present tense, read by its lead: the visit is ahead.
    ("بوتين يتوجه إلى باكو الاثنين للقاء علييف\nأعلن الكرملين اليوم الخميس أن الرئيس فلاديمير بوتين سيزور "
     "باكو يوم الاثنين المقبل حيث يجري محادثات مع نظيره الأذربيجاني إلهام علييف.", date(2019, 6, 20),
     ("2019-06-24", "announced")),
    # Arriving is not yet meeting: the talks are tomorrow.
    ("وصل الرئيس الروسي فلاديمير بوتين، مساء اليوم الأحد، إلى العاصمة الأذربيجانية باكو في زيارة دولة. "
     "ومن المقرر أن يجري بوتين غدا الاثنين محادثات مع الرئيس إلهام علييف.", date(2019, 6, 23),
     ("2019-06-24", "announced")),
])
def test_which_day_and_status_the_encounter_takes(text, today, expected):
    found = find_meetings(text, today)
    assert (found[0].date, found[0].status) == expected


ROUNDUP = ("حصاد الأسبوع\n\nالأحد 16 حزيران\nاستقبل الرئيس الروسي فلاديمير بوتين نظيره الأذربيجاني إلهام علييف في "
           "سوتشي وبحثا التعاون.\n\nالخميس 20 حزيران\nأعلنت الحكومة خطة جديدة للاستثمار.")


def test_a_roundups_day_heading_dates_its_paragraph():
    assert find_meetings(ROUNDUP, date(2019, 6, 21))[0].date == "2019-06-16"


def test_a_day_heading_whose_weekday_disagrees_gives_no_year():
    found = find_meetings(ROUNDUP.replace("الأحد 16", "الاثنين 16"), date(2019, 6, 21))[0]
    assert (found.date, found.month, found.day) == (None, 6, 16)


def test_a_lone_date_line_over_a_paragraph_is_the_pages_stamp_not_a_heading():
    text = ("حوار\n\nالأحد 23 حزيران 2019\n\nاستقبل الرئيس الروسي فلاديمير بوتين نظيره الأذربيجاني إلهام علييف "
            "في سوتشي وبحثا التعاون.")
    assert find_meetings(text, None)[0].date is None


@pytest.mark.parametrize("text,today,found", [
    # A message word after the encounter is told is a figure of speech, not a letter.
    ("استقبل الرئيس الروسي فلاديمير بوتين، أمس الثلاثاء، الرئيس الأذربيجاني إلهام علييف ووقعا إعلانا، في خطوة "
     "بدت رسالة إلى الغرب.", date(2019, 6, 19), True),
    # A leader named only after the message word takes part by message.
    ("استقبل الرئيس إلهام علييف وزير الخارجية الروسي في باكو وتلقى منه رسالة من الرئيس فلاديمير بوتين.",
     date(2019, 6, 19), False),
    # Absent, or no date set: no encounter.
    ("أما الرئيس الروسي فلاديمير بوتين، الغائب عن قمة لم يدع إليها، فاكتفى ببيان عن لقاء الرئيس الأذربيجاني "
     "إلهام علييف بالزعماء.", date(2019, 6, 19), False),
    ("وقال المتحدث إن الوزيرين سيبحثان التحضير للاتصالات، من دون أن يحدد موعدا لأي لقاء بين الرئيسين فلاديمير "
     "بوتين وإلهام علييف.", date(2019, 6, 19), False),
    # A visit in a month told as past, months before publication, is background.
    ("نعم، فقد زار الرئيس الروسي فلاديمير بوتين باكو والتقى الرئيس إلهام علييف في آب الماضي.",
     date(2019, 11, 27), False),
])
def test_whether_the_sentence_reports_an_encounter_of_the_two(text, today, found):
    assert bool(find_meetings(text, today)) is found


@pytest.mark.parametrize("text,visit", [
    ("بحسب أرقام وزارة الاقتصاد", False),
    ("وزارات الخارجية", False),
    ("زار الرئيس باكو", True),
    ("وزاره الرئيس في مقر إقامته", False),  # read as the ministry: far the commoner word
    ("وزيارته إلى باكو", True),
])
def test_a_ministry_is_not_a_visit(text, visit):
    assert bool(lexicon().terms["visit"].search(normalize(text))) is visit


def test_the_headlines_venue_comes_before_a_bare_city_of_a_later_clause():
    text = ("علييف في الكرملين بعد ساعات من الاعتراف\n"
            "استقبل الرئيس الروسي فلاديمير بوتين، أمس الثلاثاء، الرئيس الأذربيجاني إلهام علييف، في خطوة بدت "
            "موجهة إلى الغرب وإلى أنقرة.")
    assert find_meetings(text, date(2019, 6, 19))[0].city == "Moscow"


def test_an_announced_encounter_without_a_set_date_is_still_announced_at_its_venue():
    text = ("موسكو تحضر لقمة جديدة\nقالت مصادر مطلعة في موسكو إن الرئيس الروسي فلاديمير بوتين يعتزم استضافة الرئيس "
            "الأذربيجاني إلهام علييف في لقاء جديد قد يعقد في منتجع سوتشي، من دون أن يحدد موعد نهائي.")
    found = find_meetings(text, date(2019, 6, 19))[0]
    assert (found.date, found.city, found.status) == (None, "Sochi", "announced")
