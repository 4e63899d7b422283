"""Editors correct the grouping on the meeting record page: merge another meeting into this one,
move articles to a new meeting. Viewers see no controls. AppTest over a real SQLite store."""
from __future__ import annotations

from pathlib import Path

import pytest

from corpus.ingest import ingest_texts
from corpus.store import Store

st_testing = pytest.importorskip("streamlit.testing.v1")
ROOT = Path(__file__).resolve().parent.parent

ARTICLES = [
    ("moscow-1.txt", "موسكو 22 أبريل 2024 - استقبل الرئيس الروسي فلاديمير بوتين اليوم نظيره الأذربيجاني إلهام "
                     "علييف في الكرملين وبحثا التعاون في الطاقة."),
    ("moscow-2.txt", "موسكو 22 أبريل 2024 - أجرى الرئيسان بوتين وعلييف محادثات في الكرملين اليوم تناولت النقل "
                     "والممرات والتجارة بين البلدين."),
    ("sochi.txt", "سوتشي 26 نوفمبر 2021 - عقد بوتين وعلييف وباشينيان اليوم قمة ثلاثية في سوتشي لبحث ترسيم الحدود."),
]


@pytest.fixture
def store(tmp_path):
    from components import data
    store = Store(f"sqlite:///{tmp_path / 'grouping.sqlite'}")
    ingest_texts(store, ARTICLES)
    data.use_store(store)
    yield store
    data.use_store(None)
    store.close()


def _event_of(store: Store) -> dict[str, int]:
    return {a["source"]: int(e) for e in store.events()["id"] for a in store.event(int(e))["articles"]}


def _open(event_id: int, lang: str = "ar", secrets: dict | None = None):
    at = st_testing.AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.switch_page("views/meeting.py")
    at.query_params["event"] = str(event_id)
    at.query_params["lang"] = lang
    at.secrets["test_marker"] = "1"
    for key, value in (secrets or {}).items():
        at.secrets[key] = value
    return at.run()


def _button(at, key: str):
    return next(b for b in at.button if b.key == key)


def test_an_editor_merges_another_meeting_into_this_one(store):
    event_of = _event_of(store)
    at = _open(event_of["moscow-1.txt"])
    assert not at.exception
    at.selectbox(key="mr_merge_with").set_value(str(event_of["sochi.txt"])).run()
    _button(at, "mr_merge").click().run()
    assert not at.exception
    assert any("ضُمّت 1 مقالة" in s.value for s in at.success)
    after = _event_of(store)
    assert after["sochi.txt"] == after["moscow-1.txt"] == after["moscow-2.txt"]
    store.reprocess()
    again = _event_of(store)
    assert again["sochi.txt"] == again["moscow-1.txt"]


def test_an_editor_moves_an_article_to_a_new_meeting(store):
    event_of = _event_of(store)
    moscow = event_of["moscow-1.txt"]
    article = next(a["article_id"] for a in store.event(moscow)["articles"] if a["source"] == "moscow-2.txt")
    at = _open(moscow, lang="en")
    at.multiselect(key="mr_split").set_value([article]).run()
    _button(at, "mr_split_go").click().run()
    assert not at.exception
    assert any("1 article(s) moved to a new meeting" in s.value for s in at.success)
    after = _event_of(store)
    assert after["moscow-2.txt"] != after["moscow-1.txt"]


def test_a_meeting_cannot_be_emptied_by_a_split(store):
    moscow = _event_of(store)["moscow-1.txt"]
    articles = [a["article_id"] for a in store.event(moscow)["articles"]]
    at = _open(moscow, lang="en")
    at.multiselect(key="mr_split").set_value(articles).run()
    _button(at, "mr_split_go").click().run()
    assert any("Leave at least one article" in w.value for w in at.warning)
    assert len(store.event(moscow)["articles"]) == 2


def test_viewers_get_no_grouping_controls(store):
    at = _open(_event_of(store)["moscow-1.txt"], secrets={"editor_passcode": "a-long-passcode-for-editors"})
    assert not at.exception
    assert not [b for b in at.button if b.key in ("mr_merge", "mr_split_go")]
    assert not [e for e in at.expander if "grouping" in e.label or "التجميع" in e.label]
