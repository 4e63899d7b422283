"""Integrity of data/lexicons/synth_templates.yaml (the synthetic corpus templates)."""
from __future__ import annotations

import re
import string

import pytest

from corpus import synth
from corpus.synth.figures import FIGURE_MAKERS
from corpus.vocab import KINDS
from corpus.lexicons import load_yaml
from corpus.normalize import normalize

TPL = load_yaml(synth.TEMPLATES)
PLACEHOLDERS = {"putin", "aliyev", "aliyev_obj", "putin_obj", "guest", "guest_obj", "host", "host_obj",
                "guest_short", "host_short", "when", "place", "dest", "city", "summit", "other",
                "kremlin", "fig", "period", "y", "n", "d", "month", "wd", "outlet", "stamp", "label",
                "section", "dateline"}
_ARABIC = re.compile(r"[\u0600-\u06FF]")


def _strings(node):
    """Every string leaf of a YAML node."""
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)


def _lists(node, path="root"):
    """Every list of plain strings, with where it is."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _lists(value, f"{path}.{key}")
    elif isinstance(node, list):
        if all(isinstance(v, str) for v in node):
            yield path, node
        else:
            for i, value in enumerate(node):
                yield from _lists(value, f"{path}[{i}]")


def test_top_level_sections():
    expected = {"outlets", "sections", "stamp_labels", "header_styles", "months", "weekdays",
                "relative_days", "cities", "kind_cities", "summits", "people", "meeting_held",
                "meeting_announced", "non_meeting_putin", "non_meeting_aliyev", "denials",
                "economy_leads", "titles", "figure_templates", "periods", "speakers", "said",
                "clauses", "fillers", "tails", "near_dup_swaps", "numbers", "topic_hints",
                "year_suffix", "host_cities", "datelines", "said_link"}
    assert set(TPL) == expected


def test_no_empty_strings():
    for text in _strings(TPL):
        assert text.strip(), "empty entry"
        assert text == text.strip() or text.startswith(" "), repr(text)


def test_arabic_entries_normalise_to_non_empty():
    for text in _strings(TPL):
        if _ARABIC.search(text):
            assert normalize(text).strip()


@pytest.mark.parametrize("path, values", list(_lists(TPL)))
def test_no_duplicates_in_lists(path, values):
    if path.startswith("root.kind_cities") or path.startswith("root.weekdays"):
        return  # repeats there are weights / identical spellings on purpose
    assert len(values) == len(set(values)), path


def test_placeholders_are_known():
    fmt = string.Formatter()
    for text in _strings(TPL):
        names = {name for _, name, _, _ in fmt.parse(text) if name}
        assert names <= PLACEHOLDERS, (text, names - PLACEHOLDERS)


def test_months_and_weekdays():
    for style, names in TPL["months"].items():
        assert len(names) == 12, style
    assert len(TPL["weekdays"]) == 7
    assert all(len(spellings) >= 1 for spellings in TPL["weekdays"])


def test_cities():
    names = [c["en"] for c in TPL["cities"]]
    assert len(names) == len(set(names))
    for city in TPL["cities"]:
        assert set(city) == {"en", "ar", "country", "desc"}
        assert city["desc"]
    for kind, cities in TPL["kind_cities"].items():
        assert kind in KINDS and kind != "phone_call"
        assert set(cities) <= set(names)


def test_meeting_templates_cover_every_kind():
    assert set(TPL["meeting_held"]) == set(KINDS)
    assert set(TPL["meeting_announced"]) <= set(KINDS)
    for group in (TPL["meeting_held"], TPL["meeting_announced"]):
        for kind, templates in group.items():
            for template in templates:
                assert "{when}" in template, template
                assert any(p in template for p in ("{place}", "{dest}", "{city}")) == (kind != "phone_call"), template


def test_figure_templates():
    assert set(TPL["figure_templates"]) == set(FIGURE_MAKERS)
    for templates in TPL["figure_templates"].values():
        for entry in templates:
            text = entry["text"] if isinstance(entry, dict) else entry
            assert "{fig}" in text
            if isinstance(entry, dict):
                assert entry["qualifier"] in ("approx", "more_than", "less_than")


def test_numbers():
    nums = TPL["numbers"]
    assert len(nums["masculine"]) == len(nums["feminine"]) == 10
    assert [s["value"] for s in nums["scales"]] == [1000, 1000000, 1000000000]
    assert {c["unit"] for c in nums["currencies"]} <= {"USD", "other"}
    assert all(c.get("currency") for c in nums["currencies"] if c["unit"] == "other")
    assert set(nums["qualifiers"]) == {"approx", "more_than", "less_than"}
    for nouns in nums["count_nouns"].values():
        for noun in nouns:
            assert noun["gender"] in ("m", "f")


def test_near_dup_swaps_are_pairs_of_different_words():
    for pair in TPL["near_dup_swaps"]:
        assert len(pair) == 2 and pair[0] != pair[1]


def test_topic_hints_name_known_topics():
    known = {t["id"] for t in load_yaml("topics.yaml")["topics"]}
    assert set(TPL["topic_hints"]) <= known


def test_host_cities_are_known_cities_with_a_default():
    names = {c["en"] for c in TPL["cities"]}
    hosts = TPL["host_cities"]
    assert set(hosts) == {"other_putin", "other_aliyev", "default"}
    for cls, cities in hosts.items():
        assert cities and set(cities) <= names, cls
    countries = {c["en"]: c["country"] for c in TPL["cities"]}
    assert {countries[c] for c in hosts["other_putin"]} == {"RU"}  # Putin receives in Russia
    assert {countries[c] for c in hosts["other_aliyev"]} == {"AZ"}  # Aliyev in Azerbaijan


def test_datelines_start_with_a_known_city():
    arabic = {c["ar"] for c in TPL["cities"]}
    assert TPL["datelines"]
    for dateline in TPL["datelines"]:
        assert dateline.split(" - ")[0] in arabic, dateline


def test_short_names_are_in_every_full_form():
    people = TPL["people"]
    for who in ("putin", "aliyev"):
        short = people[f"{who}_short"]
        assert isinstance(short, str) and _ARABIC.search(short)
        for form in people[who] + people[f"{who}_obj"]:
            assert short in form, form


def test_said_link_covers_every_verb_of_saying():
    links = TPL["said_link"]
    assert set(links) - {"default"} <= set(TPL["said"])
    assert links == {"قال": "إن", "default": "أن"}


def test_year_suffix_and_weekday_lead():
    assert TPL["year_suffix"] == "م"
    assert TPL["relative_days"]["on_weekday"].format(wd="الثلاثاء") == "يوم الثلاثاء"
