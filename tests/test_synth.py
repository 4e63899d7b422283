"""The synthetic corpus generator: deterministic, the right mix, every written form present."""
from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from rapidfuzz import fuzz

from corpus import synth
from corpus.synth.templates import templates
from corpus.normalize import arabic_ratio
from corpus.vocab import KINDS, QUALIFIERS, STATUSES, UNITS

N = 2000


@pytest.fixture(scope="module")
def corpus() -> list[tuple[str, str, dict]]:
    return list(synth.generate(N, seed=11))


@pytest.fixture(scope="module")
def all_text(corpus) -> str:
    return "\n".join(text for _, text, _ in corpus)


def test_same_seed_same_corpus():
    assert list(synth.generate(200, seed=5)) == list(synth.generate(200, seed=5))


def test_other_seed_other_corpus():
    a = [text for _, text, _ in synth.generate(50, seed=5)]
    b = [text for _, text, _ in synth.generate(50, seed=6)]
    assert a != b


@pytest.mark.parametrize("n", [0, 1, 7, 150])
def test_exact_count_and_unique_names(n):
    names = [name for name, _, _ in synth.generate(n, seed=1)]
    assert len(names) == n
    assert len(set(names)) == n
    assert all(name.endswith(".txt") for name in names)


def test_about_five_percent_exact_duplicates(corpus):
    texts = {name: text for name, text, _ in corpus}
    dups = [(name, truth["duplicate_of"]) for name, _, truth in corpus if truth["duplicate_of"]]
    assert 0.03 * N <= len(dups) <= 0.07 * N
    assert all(texts[name] == texts[src] for name, src in dups)


def test_about_five_percent_near_duplicates(corpus):
    texts = {name: text for name, text, _ in corpus}
    near = [(name, truth["near_duplicate_of"]) for name, _, truth in corpus if truth["near_duplicate_of"]]
    assert 0.03 * N <= len(near) <= 0.07 * N
    for name, src in near:
        assert texts[name] != texts[src]
        assert fuzz.ratio(texts[name], texts[src]) > 80


def test_near_duplicate_has_another_outlet(corpus):
    truths = {name: truth for name, _, truth in corpus}
    for name, truth in truths.items():
        if truth["near_duplicate_of"]:
            assert truth["outlet"] != truths[truth["near_duplicate_of"]]["outlet"]
            assert truth["meeting"] == truths[truth["near_duplicate_of"]]["meeting"]


def test_text_is_arabic(corpus):
    for _, text, _ in corpus[:300]:
        assert arabic_ratio(text) > 0.9
        assert len(text) > 200


def test_class_mix(corpus):
    classes = [truth["class"] for _, _, truth in corpus]
    share = {c: classes.count(c) / N for c in synth.CLASS_WEIGHTS}
    assert 0.5 < share["meeting"] < 0.7
    assert all(share[c] > 0.02 for c in synth.CLASS_WEIGHTS)


def test_meeting_truth_is_well_formed(corpus):
    seen_kinds, seen_status = set(), set()
    for _, _, truth in corpus:
        meeting = truth["meeting"]
        if truth["class"] != "meeting":
            assert meeting is None
            continue
        day = dt.date.fromisoformat(meeting["date"])
        assert synth.FIRST_DAY <= day <= synth.LAST_DAY
        assert meeting["kind"] in KINDS
        assert meeting["status"] in STATUSES
        assert (meeting["city"] is None) == (meeting["kind"] == "phone_call")
        published = dt.date.fromisoformat(truth["published"])
        assert (published >= day) == (meeting["status"] == "held")
        seen_kinds.add(meeting["kind"])
        seen_status.add(meeting["status"])
    assert seen_kinds == set(KINDS)
    assert seen_status == {"held", "announced"}


def test_figure_text_is_in_the_article(corpus):
    count = 0
    for _, text, truth in corpus:
        for fig in truth["figures"]:
            assert fig["text"] in text and fig["sentence"] in text
            assert fig["text"] in fig["sentence"]
            assert fig["unit"] in UNITS
            assert fig["qualifier"] in QUALIFIERS
            assert fig["value"] > 0
            assert fig["value_max"] is None or fig["value_max"] > fig["value"]
            count += 1
    assert count > N  # most meeting articles quote figures


_REVERSED = re.compile(r"^(?:\D+ )?(\d)ر(\d+) (مليار|مليون)")
_SCALE = {"مليار": 1e9, "مليون": 1e6}


def test_reversed_decimal_values(corpus):
    checked = 0
    for _, _, truth in corpus:
        for fig in truth["figures"]:
            m = _REVERSED.match(fig["text"])
            if m:
                expected = (int(m.group(2)) + int(m.group(1)) / 10) * _SCALE[m.group(3)]
                assert fig["value"] == pytest.approx(expected)
                checked += 1
    assert checked > 10


_QUALIFIER = re.compile(r"^(?:أكثر من|ما يزيد على|نحو|حوالي|ما يقرب من|قرابة|أقل من) ")


def _without_qualifier(text: str) -> str:
    return _QUALIFIER.sub("", text)


@pytest.mark.parametrize("text, value", [
    ("أربعة مليارات دولار", 4e9), ("ملياري دولار", 2e9), ("مليار دولار", 1e9),
    ("15 مليار دولار", 15e9), ("ثلاث اتفاقيات", 3), ("ألفي شركة", 2000),
])
def test_word_forms_have_their_values(corpus, text, value):
    hits = [f for _, _, t in corpus for f in t["figures"]
            if _without_qualifier(f["text"]) in (text, text + " أمريكي")]
    assert hits, text
    assert all(f["value"] == value for f in hits)


FORMS = {
    "arabic-indic digits": r"[٠-٩]",
    "digits with separators": r"\d,\d{3} ",
    "reversed decimal": r"\dر\d",
    "decimal": r"\d\.\d (?:مليار|مليون)",
    "indic decimal": r"[٠-٩]٫[٠-٩]",
    "range with dash": r"\d -\d+ (?:مليارات|ملايين)",
    "range with words": r"بين \d+ و\d+ ",
    "compound": r"(?:مليارات|مليار|ملياري) و\d+ مليون",
    "dual": r"ملياري|مليوني|ألفي",
    "number word with scale": r"(?:ثلاثة|أربعة|خمسة|ستة|سبعة|ثمانية|تسعة|عشرة) (?:مليارات|ملايين)",
    "feminine number word": r"(?:ثلاث|أربع|خمس|ست|سبع|ثماني|تسع|عشر) (?:اتفاقيات|شركات|وثائق)",
    "qualifier": r"(?:أكثر من|نحو|حوالي|ما يقرب من|أقل من|قرابة) \S*\d",
    "verb qualifier": r"تجاوز",
    "currency other than dollar": r"روبل|مانات|يورو",
    "dollar sign": r"\$\d",
    "percent sign": r"\d%",
    "percent words": r"بالمئة|بالمائة|في المائة",
    "levantine month": r"تشرين الثاني|كانون الأول|شباط|آذار|أيار|أيلول",
    "maghrebi month": r"غشت|دجنبر|يوليوز|شتنبر|نونبر",
    "paired months": r"[^\s/]+/ ?(?:كانون|تشرين|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول)",
    "era suffix": r"\d{4}م\b",
    "dash stamp": r"\b\d{1,2}-\d{1,2}-\d{4} \| \d\d:\d\d",
    "dot stamp": r"\b\d\d\.\d\d\.\d{4} \d\d:\d\d",
    "english ordinal stamp": r"\d(?:st|nd|rd|th), [A-Z][a-z]+ \d{4} GMT",
    "today weekday": r"اليوم (?:الاثنين|الإثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس|الجمعة|السبت|الأحد|الاحد)",
    "yesterday weekday": r"أمس (?:الاثنين|الإثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس|الجمعة|السبت|الأحد|الاحد)",
    "next weekday": r"(?:الاثنين|الإثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس|الجمعة|السبت|الأحد|الاحد) (?:المقبل|القادم)",
    "read more tail": r"إقرأ أيضاً|اقرأ أيضا",
    "related tail": r"مقالات مشابهة|أخبار ذات صلة",
    "tags tail": r"كلمات دلالية:|الوسوم:",
    "share line": r"شارك على فيسبوك|مشاركة :|أضف تعليق",
    "clitic city": r"\bب(?:موسكو|باكو|سوتشي)",
    "other leader": r"باشينيان|أردوغان|توكاييف",
    "denial": r"نفى",
}


@pytest.mark.parametrize("form", list(FORMS))
def test_written_form_is_present(all_text, form):
    assert re.search(FORMS[form], all_text), form


def test_every_outlet_used(corpus):
    outlets = {truth["outlet"] for _, _, truth in corpus}
    assert outlets == set(templates()["outlets"])


def test_dates_span_the_decade(corpus):
    years = {truth["published"][:4] for _, _, truth in corpus}
    assert {str(y) for y in range(2015, 2026)} <= years


def test_write_files(tmp_path):
    assert synth.write_files(25, tmp_path, seed=3) == 25
    files = sorted(tmp_path.glob("*.txt"))
    assert len(files) == 25
    truth = [json.loads(line) for line in (tmp_path / "truth.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [t["file"] for t in truth] == [f.name for f in files]
    first = next(synth.generate(1, seed=3))
    assert files[0].read_text(encoding="utf-8") == first[1]


def test_cli_writes_files(tmp_path, capsys):
    assert synth.main(["--n", "5", "--out", str(tmp_path / "out"), "--seed", "2"]) == 0
    assert len(list((tmp_path / "out").glob("*.txt"))) == 5


def test_truth_extraction_matches_truth(corpus):
    for _, text, truth in corpus[:200]:
        ex = synth.truth_extraction(text, truth)
        assert ex.title == truth["title"] and ex.published == truth["published"]
        assert [m.to_contract()["date"] for m in ex.meetings] == ([truth["meeting"]["date"]] if truth["meeting"] else [])
        assert all(text[f.start:f.start + len(f.text)] == f.text for f in ex.figures)
        assert set(ex.topics) <= set(templates()["topic_hints"])


def test_write_database(sqlite_url):
    from corpus.store import Store

    assert synth.write_database(60, sqlite_url, seed=4, batch=25) == 60
    store = Store(sqlite_url)
    truths = [t for _, _, t in synth.generate(60, seed=4)]
    assert store.count() <= 60 - sum(1 for t in truths if t["duplicate_of"])
    assert not store.figures().empty
    store.close()
