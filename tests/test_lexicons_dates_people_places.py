"""Integrity of the lexicons behind dates, metadata and meetings."""
from __future__ import annotations

import pytest

from corpus.lexicons import load_yaml
from corpus.normalize import normalize

KINDS = {"visit", "talks", "phone_call", "multilateral_summit", "other"}


def _norm(word) -> str:
    return " ".join(normalize(str(word)).split())


def _assert_clean_list(words, where: str) -> None:
    assert isinstance(words, list) and words, f"{where}: empty or not a list"
    forms = [_norm(w) for w in words]
    assert all(isinstance(w, str) and w.strip() for w in words), f"{where}: empty entry"
    assert all(forms), f"{where}: entry normalises to nothing"
    dupes = {f for f in forms if forms.count(f) > 1}
    assert not dupes, f"{where}: duplicates after normalisation {dupes}"


def test_months_cover_twelve_months_without_clashes():
    months = load_yaml("months.yaml")
    assert sorted(months) == list(range(1, 13))
    owner: dict[str, int] = {}
    for num, names in months.items():
        _assert_clean_list(names, f"months {num}")
        for name in names:
            assert owner.setdefault(_norm(name), num) == num, f"{name} names two months"


@pytest.mark.parametrize("name,month", [("كانون الثاني", 1), ("شباط", 2), ("آذار", 3), ("نيسان", 4),
                                        ("أيار", 5), ("حزيران", 6), ("تموز", 7), ("آب", 8), ("أيلول", 9),
                                        ("تشرين الأول", 10), ("تشرين الثاني", 11), ("كانون الأول", 12),
                                        ("يونيه", 6), ("يوليوز", 7), ("غشت", 8), ("شتنبر", 9), ("نونبر", 11),
                                        ("دجنبر", 12), ("ماي", 5)])
def test_regional_month_names_present(name, month):
    months = load_yaml("months.yaml")
    assert _norm(name) in {_norm(n) for n in months[month]}


def test_weekdays_are_seven_distinct_days():
    data = load_yaml("weekdays.yaml")
    assert sorted(data["weekdays"]) == list(range(7))
    for day, words in data["weekdays"].items():
        _assert_clean_list(words, f"weekday {day}")
    for key in ("past_markers", "future_markers", "current_markers", "not_today"):
        _assert_clean_list(data[key], key)
    for offset, words in data["relative_days"].items():
        assert isinstance(offset, int) and -3 <= offset <= 3
        _assert_clean_list(words, f"relative {offset}")


def test_ordinals_structure():
    data = load_yaml("ordinals.yaml")
    assert sorted(data["units"]) == list(range(1, 11))
    assert sorted(data["compound_units"]) == list(range(1, 10))
    assert sorted(data["tens"]) == [20, 30]
    for key in ("units", "compound_units", "tens"):
        for n, words in data[key].items():
            _assert_clean_list(words, f"ordinals {key} {n}")
    _assert_clean_list(data["teen_suffix"], "teen_suffix")


def test_people_lists():
    data = load_yaml("people.yaml")
    for who in ("putin", "aliyev"):
        _assert_clean_list(data[who]["names"], f"{who} names")
        _assert_clean_list(data[who]["titles"], f"{who} titles")
    for key in ("not_aliyev", "pair", "others", "other_counterpart", "named_partners"):
        _assert_clean_list(data[key], key)
    putin = {_norm(w) for w in data["putin"]["names"] + data["putin"]["titles"]}
    aliyev = {_norm(w) for w in data["aliyev"]["names"] + data["aliyev"]["titles"]}
    others = {_norm(w) for w in data["others"] + data["other_counterpart"]}
    assert not putin & aliyev and not putin & others and not aliyev & others


def test_cities_and_countries():
    data = load_yaml("cities.yaml")
    names = [c["en"] for c in data["cities"]]
    assert len(names) == len(set(names))
    owner: dict[str, str] = {}
    for city in data["cities"]:
        assert set(city) <= {"en", "ar", "not_after"}
        assert city["en"].strip() and city["en"].isascii()
        _assert_clean_list(city["ar"], city["en"])
        for alias in city["ar"]:
            assert owner.setdefault(_norm(alias), city["en"]) == city["en"], f"{alias} names two cities"
        if "not_after" in city:
            _assert_clean_list(city["not_after"], f"{city['en']} not_after")
    for country in data["countries"]:
        assert country["capital"] in names
        # a country is named by its names, or only by its adjective after "العاصمة"
        assert "ar" in country or "adjectives" in country, country["en"]
        assert not country.get("venue_is_capital") or "ar" in country, country["en"]
        for key in ("ar", "adjectives"):
            if key in country:
                _assert_clean_list(country[key], f"{country['en']} {key}")


def test_meeting_terms():
    data = load_yaml("meeting_terms.yaml")
    assert set(data["kinds"]) == KINDS
    for kind, words in data["kinds"].items():
        _assert_clean_list(words, f"kind {kind}")
    for key in ("announced", "past_reference", "denial", "separately", "other_anchors", "place_fillers",
                "place_prepositions", "visit_verbs"):
        _assert_clean_list(data[key], key)


def test_outlets():
    data = load_yaml("outlets.yaml")
    names = [o["name"] for o in data["outlets"]]
    assert len(names) == len(set(names))
    owner: dict[str, str] = {}
    for outlet in data["outlets"]:
        assert set(outlet) == {"name", "agency", "ar"} and isinstance(outlet["agency"], bool)
        _assert_clean_list(outlet["ar"], outlet["name"])
        for alias in outlet["ar"]:
            assert owner.setdefault(_norm(alias), outlet["name"]) == outlet["name"], f"{alias} twice"
    for domain, name in data["domains"].items():
        assert "." in domain and domain == domain.lower() and isinstance(name, str) and name.strip()


def test_hijri_months_are_twelve_and_never_clash_with_gregorian_names():
    data = load_yaml("hijri_months.yaml")
    assert sorted(int(k) for k in data) == list(range(1, 13))
    gregorian = {_norm(n) for names in load_yaml("months.yaml").values() for n in names}
    for num, names in data.items():
        _assert_clean_list(names, f"hijri month {num}")
        assert not {_norm(n) for n in names} & gregorian


def test_dateline_places_are_not_meeting_places():
    places = load_yaml("dateline_places.yaml")["places"]
    _assert_clean_list(places, "dateline places")
    venues = {_norm(a) for c in load_yaml("cities.yaml")["cities"] for a in c.get("ar", [])}
    assert not {_norm(p) for p in places} & venues


def test_dateline_countries_are_clean_and_not_meeting_places():
    countries = load_yaml("dateline_places.yaml")["countries"]
    _assert_clean_list(countries, "dateline countries")
    venues = {_norm(a) for c in load_yaml("cities.yaml")["cities"] for a in c.get("ar", [])}
    assert not {_norm(c) for c in countries} & venues


def test_stamp_words_are_clean_lists():
    data = load_yaml("stamps.yaml")
    lists = ("labels", "update_labels", "furniture", "first_published_labels", "republished_labels",
             "translation_labels", "print_furniture", "recorded_labels", "original_source_labels")
    assert set(data) == {*lists, "wire_codes"}
    for key in lists:
        _assert_clean_list(data[key], f"stamps {key}")
    assert set(data["update_labels"]) <= set(data["labels"])  # an update label is a label
    # a first publication, a republication and a translation are told apart by their labels
    assert not set(data["first_published_labels"]) & set(data["republished_labels"])


def test_wire_codes_name_every_month_once():
    codes = load_yaml("stamps.yaml")["wire_codes"]
    _assert_clean_list(codes["agencies"], "wire code agencies")
    _assert_clean_list(codes["zones"], "wire code zones")
    assert sorted(codes["months"].values()) == list(range(1, 13))
    assert all(len(abbr) == 3 for abbr in codes["months"])
