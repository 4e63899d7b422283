"""Event clustering and date linking of undated meetings."""
from __future__ import annotations

from corpus.extract.events import ArticleMeeting, cluster_meetings
from corpus.extract.meetings import FoundMeeting

VISIT_TEXT = "زيارة دولة بوتين إلى باكو مباحثات علييف اتفاقيات الطاقة بحر قزوين"
CALL_TEXT = "اتصال هاتفي بوتين علييف اعتذار تحطم الطائرة الأذربيجانية أكتاو"


def _item(key, date=None, city=None, kind="talks", weekday=None, month=None, day=None, text="",
          status="held", published=None):
    m = FoundMeeting(date=date, city=city, kind=kind, status=status, evidence="", weekday=weekday,
                     date_basis="explicit" if date else None, month=month, day=day)
    return ArticleMeeting(key=key, meeting=m, published=published, text=text)


def _groups(items):
    return {tuple(g.members) for g in cluster_meetings(items)}


def test_two_day_visit_reported_on_both_days_is_one_event():
    items = [_item("a", "2024-08-18", "Baku", "visit"), _item("b", "2024-08-19", "Baku", "talks"),
             _item("c", "2024-08-19", None, "talks")]
    assert _groups(items) == {("a", "b", "c")}


def test_summit_and_same_day_bilateral_in_same_city_are_one_event():
    items = [_item("a", "2021-11-26", "Sochi", "multilateral_summit"), _item("b", "2021-11-26", "Sochi", "talks")]
    (g,) = cluster_meetings(items)
    assert g.kind == "multilateral_summit" and g.id == "2021-11-26_Sochi_multilateral_summit"


def test_different_cities_or_far_dates_are_different_events():
    items = [_item("a", "2024-08-19", "Baku"), _item("b", "2024-08-19", "Moscow"), _item("c", "2024-04-22", "Baku")]
    assert _groups(items) == {("a",), ("b",), ("c",)}


def test_phone_call_is_not_the_in_person_meeting_of_the_same_day():
    items = [_item("a", "2024-08-19", "Baku", "visit"), _item("b", "2024-08-19", None, "phone_call")]
    assert _groups(items) == {("a",), ("b",)}


def test_undated_weekday_meeting_linked_to_the_matching_day():
    items = [_item("a", "2024-08-18", "Baku", "visit", text=VISIT_TEXT),
             _item("b", "2024-08-19", "Baku", "talks", text=VISIT_TEXT),
             _item("u", None, "Baku", "visit", weekday=6, text=VISIT_TEXT)]
    (g,) = cluster_meetings(items)
    u = items[2].meeting
    assert (u.date, u.date_basis) == ("2024-08-18", "linked")
    assert g.inferred == ["u"] and g.members == ["a", "b", "u"]


def test_a_weekday_under_a_yearless_dateline_links_only_to_a_day_of_that_week():
    # Mondays in Baku: 8 August 2016 and 19 August 2024; the wire is dated "8 أغسطس"
    wire = "باكو، 8 أغسطس (أذرتاج). أجرى الرئيسان يوم الاثنين محادثات. " + VISIT_TEXT
    only_2024 = [_item("a", "2024-08-19", "Baku", text=VISIT_TEXT), _item("u", None, "Baku", weekday=0, text=wire)]
    cluster_meetings(only_2024)
    assert only_2024[1].meeting.date is None  # 19 August is not in the week of 8 August
    both = [_item("a", "2024-08-19", "Baku", text=VISIT_TEXT), _item("b", "2016-08-08", "Baku", text=VISIT_TEXT),
            _item("u", None, "Baku", weekday=0, text=wire)]
    cluster_meetings(both)
    assert both[2].meeting.date == "2016-08-08"


def test_undated_day_month_meeting_takes_the_event_year():
    items = [_item("a", "2024-08-19", "Baku"), _item("u", None, "Baku", month=8, day=19)]
    cluster_meetings(items)
    assert items[1].meeting.date == "2024-08-19"


def test_incompatible_weekday_is_not_linked():
    items = [_item("a", "2024-08-19", "Baku"), _item("u", None, "Baku", weekday=3)]
    assert _groups(items) == {("a",), ("u",)}
    assert items[1].meeting.date is None


def test_undated_without_clues_goes_to_the_most_similar_event():
    items = [_item("a", "2024-08-19", "Baku", "visit", text=VISIT_TEXT),
             _item("b", "2024-12-28", None, "phone_call", text=CALL_TEXT),
             _item("u", None, None, "visit", text=VISIT_TEXT + " الرئيسان")]
    cluster_meetings(items)
    assert items[2].meeting.date == "2024-08-19"


def test_undated_meetings_with_no_dated_event_are_grouped_by_similarity():
    items = [_item("x", None, None, "phone_call", weekday=5, text=CALL_TEXT),
             _item("y", None, None, "other", text=CALL_TEXT + " الكرملين"),
             _item("z", None, "Sochi", "talks", text="قمة سوتشي البحر الأسود")]
    groups = cluster_meetings(items)
    assert {tuple(g.members) for g in groups} == {("x", "y"), ("z",)}
    assert all(g.date is None and g.id.startswith("undated_") for g in groups)


def test_deterministic_regardless_of_input_order():
    items = [_item("a", "2024-08-18", "Baku", "visit", text=VISIT_TEXT), _item("b", "2024-08-19", "Baku"),
             _item("u", None, "Baku", weekday=0, text=VISIT_TEXT)]
    first = [(g.id, g.members) for g in cluster_meetings(items)]
    second = [(g.id, g.members) for g in cluster_meetings(list(reversed(items)))]
    assert first == second


VISIT_TEXT = "وصل بوتين إلى باكو في زيارة دولة وأجرى مباحثات مع علييف حول الطاقة والنقل"


def test_event_date_prefers_the_talks_day_of_a_visit():
    items = [_item("a", "2024-08-18", "Baku", "visit", text=VISIT_TEXT),
             _item("b", "2024-08-18", "Baku", "visit", text=VISIT_TEXT),
             _item("c", "2024-08-19", "Baku", "talks", text=VISIT_TEXT),
             _item("u", None, "Baku", "visit", text=VISIT_TEXT)]
    (g,) = cluster_meetings(items)
    assert g.date == "2024-08-19" and g.dates == ["2024-08-18", "2024-08-19"]
    assert items[3].meeting.date == "2024-08-19"


def test_undated_meeting_with_only_a_city_in_common_is_not_linked():
    """No day clue, no publication date, nothing in common but the city: a linked date would be
    a guess, so the meeting keeps no date and forms its own event."""
    items = [_item("a", "2024-08-19", "Baku", "talks", text=VISIT_TEXT),
             _item("u", None, "Baku", "talks", text="تناول الرئيسان قضايا الأمن الإقليمي وتسوية النزاع")]
    groups = cluster_meetings(items)
    assert items[1].meeting.date is None and len(groups) == 2


def test_undated_meeting_between_two_equally_similar_events_is_not_linked():
    items = [_item("a", "2021-01-11", "Moscow", "talks", text=VISIT_TEXT),
             _item("b", "2024-04-22", "Moscow", "talks", text=VISIT_TEXT),
             _item("u", None, "Moscow", "talks", text=VISIT_TEXT)]
    cluster_meetings(items)
    assert items[2].meeting.date is None


def test_phone_calls_two_days_apart_are_two_calls():
    items = [_item("a", "2024-04-17", None, "phone_call"), _item("b", "2024-04-19", None, "phone_call"),
             _item("c", "2024-04-18", None, "phone_call")]
    groups = _groups(items)
    assert ("a", "b", "c") not in groups and len(groups) == 2


def _synthetic_meetings(n_events: int, per_event: int):
    """Events 9 days apart, cycling cities and kinds; each reported on its day or the next, and
    every fifth report gives only the weekday (published the day after)."""
    import datetime as dt
    cities = ["Baku", "Moscow", "Sochi", "Astana", "Dushanbe"]
    kinds = ["talks", "visit", "multilateral_summit", "phone_call"]
    items, truth = [], {}
    for e in range(n_events):
        day = dt.date(2000, 1, 3) + dt.timedelta(days=9 * e)
        kind = kinds[e % len(kinds)]
        city = None if kind == "phone_call" else cities[e % len(cities)]
        keys = []
        for k in range(per_event):
            key = f"e{e:05d}-{k:02d}"
            keys.append(key)
            text = f"حدث{e} لقاء الرئيسين"
            if k % 5 == 4:
                items.append(_item(key, None, city, kind, weekday=day.weekday(), text=text,
                                   published=day + dt.timedelta(days=1)))
            else:
                shift = 1 if (k in (1, 3) and kind != "phone_call") else 0  # second day of a visit
                items.append(_item(key, (day + dt.timedelta(days=shift)).isoformat(), city, kind, text=text,
                                   published=day + dt.timedelta(days=shift)))
        truth[tuple(keys)] = day.isoformat()
    return items, truth


def test_thousands_of_meetings_cluster_into_the_right_events():
    items, truth = _synthetic_meetings(500, 10)  # 5,000 meetings
    groups = cluster_meetings(items)
    assert {tuple(g.members): g.date for g in groups} == truth
    linked = [i for i in items if i.meeting.date_basis == "linked"]
    assert len(linked) == 1000 and all(i.meeting.date for i in linked)


def test_a_shared_third_leader_ranks_the_event_that_names_him_first():
    """Two Monday summits in Baku; the undated report names Rouhani, as the 2016 one's articles do."""
    text = "قمة ثلاثية في باكو بحثت الممر الدولي بين الشمال والجنوب والتعاون في الطاقة"
    a = _item("a", "2016-08-08", "Baku", "multilateral_summit", text=text)
    a.meeting.participants = ("Rouhani",)
    b = _item("b", "2024-08-19", "Baku", "multilateral_summit", text=text)
    u = _item("u", None, "Baku", "multilateral_summit", weekday=0, text=text)
    u.meeting.participants = ("Rouhani",)
    cluster_meetings([a, b, u])
    assert u.meeting.date == "2016-08-08"
    u.meeting.participants, u.meeting.date, u.meeting.date_basis = (), None, None
    cluster_meetings([a, b, u])
    assert u.meeting.date is None  # without him the two Mondays are equally likely


def test_an_arrival_the_evening_before_the_talks_joins_the_visit():
    items = [_item("talks", "2024-08-19", "Baku", "talks", text=VISIT_TEXT),
             _item("arrival", None, "Baku", "visit", weekday=6, text=VISIT_TEXT)]  # "مساء الأحد"
    (g,) = cluster_meetings(items)
    assert items[1].meeting.date == "2024-08-18" and g.date == "2024-08-19"
    assert g.inferred == ["arrival"]


def test_undated_meetings_grouped_together_are_not_marked_inferred():
    items = [_item("a", None, "Tehran", "multilateral_summit", text=VISIT_TEXT),
             _item("b", None, "Tehran", "multilateral_summit", text=VISIT_TEXT)]
    (g,) = cluster_meetings(items)
    assert g.date is None and g.members == ["a", "b"] and g.inferred == []


# Two reports of summits in one city whose leads name different organisations: a Commonwealth
# council and a Eurasian Economic Union council, written for this test.
CIS_LEAD = ("بوتين يستقبل قادة رابطة الدول المستقلة في الكرملين\n"
            "استقبل الرئيس الروسي قادة دول الكومنولث في الكرملين اليوم والتقى علييف قبل الجلسة.")
EAEU_LEAD = ("اجتماع المجلس الاقتصادي الأوراسي الأعلى في موسكو\n"
             "ترأس بوتين اجتماع المجلس الأوراسي الأعلى بحضور علييف ضيفا في الكرملين اليوم.")


def test_undated_summits_whose_leads_name_different_organisations_stay_apart():
    items = [_item("cis", None, "Moscow", "multilateral_summit", text=CIS_LEAD),
             _item("eaeu", None, "Moscow", "multilateral_summit", text=EAEU_LEAD)]
    assert _groups(items) == {("cis",), ("eaeu",)}


def test_undated_summit_is_not_linked_to_a_dated_summit_of_another_organisation():
    items = [_item("dated", "2024-10-08", "Moscow", "multilateral_summit", text=CIS_LEAD),
             _item("undated", None, "Moscow", "multilateral_summit", month=10, day=8, text=EAEU_LEAD)]
    groups = cluster_meetings(items)
    assert {tuple(g.members) for g in groups} == {("dated",), ("undated",)}
    assert items[1].meeting.date is None


def test_undated_summit_naming_the_same_organisation_still_links():
    items = [_item("dated", "2024-10-08", "Moscow", "multilateral_summit", text=CIS_LEAD),
             _item("undated", None, "Moscow", "multilateral_summit", month=10, day=8,
                   text=CIS_LEAD.replace("اليوم", "الثلاثاء"))]
    assert _groups(items) == {("dated", "undated")}
    assert items[1].meeting.date == "2024-10-08"


def test_undated_summit_naming_other_leaders_is_not_linked_to_the_event():
    """Same city, same kind, same words: a report naming Rouhani is not the summit of Ahmadinejad."""
    text = "قمة في طهران لرؤساء الدول بحثت التعاون الإقليمي والطاقة والنقل"
    dated = _item("dated", "2007-10-16", "Tehran", "multilateral_summit", text=text)
    dated.meeting.participants = ("Ahmadinejad",)
    undated = _item("undated", None, "Tehran", "multilateral_summit", month=10, day=16, text=text)
    undated.meeting.participants = ("Rouhani",)
    cluster_meetings([dated, undated])
    assert undated.meeting.date is None
    undated.meeting.participants = ()
    cluster_meetings([dated, undated])
    assert undated.meeting.date == "2007-10-16"  # naming nobody else, it fits


def test_undated_trilateral_summit_is_not_linked_to_a_caspian_summit_in_the_same_city():
    caspian = "بدأت في طهران القمة الثانية للدول المطلة على بحر قزوين بمشاركة بوتين وعلييف"
    trilateral = "عقدت في طهران القمة الثلاثية بين روسيا وإيران وأذربيجان بمشاركة بوتين وعلييف"
    items = [_item("dated", "2007-10-16", "Tehran", "multilateral_summit", text=caspian),
             _item("undated", None, "Tehran", "multilateral_summit", text=trilateral)]
    cluster_meetings(items)
    assert items[1].meeting.date is None


def test_a_weekday_with_day_and_month_picks_the_year_among_events_of_that_day():
    text = "اتصال هاتفي تهنئة بعيد الميلاد بوتين علييف الممرات جنوب القوقاز"
    dated = [_item(f"y{y}", f"{y}-10-07", None, "phone_call", text=text) for y in (2020, 2021, 2022, 2023)]
    undated = _item("u", None, None, "phone_call", weekday=3, month=10, day=7, text=text)  # a Thursday
    cluster_meetings([*dated, undated])
    assert undated.meeting.date == "2021-10-07"
    undated.meeting.weekday, undated.meeting.date, undated.meeting.date_basis = None, None, None
    cluster_meetings([*dated, undated])
    assert undated.meeting.date is None  # four years fit as well: no day
