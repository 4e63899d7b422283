"""The hostile corpus through the Upload page (AppTest, the page script run in-process).

All 45 files are chosen at once, read, previewed and stored. Every file gets a line in the
results (an error naming it, or a row of the result table); the page never shows an exception;
the articles already stored are unchanged; exactly the valid articles are added (plus at most
one per "either" file); the page refuses non-Arabic text; and what was added is clean text.

AppTest has no file-uploader element, so ``st.file_uploader`` is wrapped to return in-memory files
(as tests/test_upload_page.py does).
"""
from __future__ import annotations

import pytest
from reliability_support import ROOT, consistency_problems, snapshot, stored_texts
from upload_support import FakeUpload, fake_uploader

from corpus import preview as pv
from corpus.readers import display_name, read_bytes

AppTest = pytest.importorskip("streamlit.testing.v1").AppTest
READ = ("قراءة الملفات ومعاينتها", "Read and preview the files")
STORE = ("حفظ المقالات المحددة", "Store the ticked articles")


@pytest.fixture
def page(sqlite_url, monkeypatch):
    from components import data
    from corpus.extract import extract_document
    from corpus.models import RawDocument
    from corpus.store import Store
    from corpus.synth import generate
    store = Store(sqlite_url)
    for name, text, _ in generate(2, seed=31):  # articles already in the corpus
        store.add_article(RawDocument(name, text, "txt"), extract_document(text, name, {}), "baseline")
    read_bytes(b"<html><body><p>\xd8\xa8</p></body></html>", "warm.html")  # one-time parser start-up
    chosen = fake_uploader(monkeypatch)
    data.use_store(store)
    at = AppTest.from_file(str(ROOT / "views" / "upload.py"), default_timeout=60)
    at.secrets["test_marker"] = "1"  # no local secrets.toml: a local run may write
    at.files, at.store, at.url = chosen, store, sqlite_url
    yield at
    data.use_store(None)
    store.close()


def _click(at, labels) -> None:
    [button] = [b for b in at.button if b.label in labels]
    button.click()
    at.run()


def _shown_text(at) -> str:
    parts = []
    for kind in ("markdown", "caption", "info", "warning", "error", "success", "subheader", "header"):
        parts += [str(e.value) for e in getattr(at, kind)]
    for frame in at.dataframe:
        parts += [str(v) for v in frame.value.to_numpy().ravel()]
    return "\n".join(parts).replace("\\", "")


@pytest.mark.slow
def test_hostile_files_through_the_upload_page(page, hostile_dir):
    folder, cases = hostile_dir
    before = snapshot(page.url)
    page.files.extend(FakeUpload(c.name, (folder / c.name).read_bytes()) for c in cases)
    page.run()
    _click(page, READ)
    assert not page.exception, page.exception
    expected_previews = sum(c.articles for c in cases if c.expect == "accept")
    titles = [w for w in page.text_input if w.label in ("العنوان", "Title")]
    assert expected_previews <= len(titles) <= expected_previews + sum(
        c.articles for c in cases if c.expect == "either")
    assert page.store.count() == before.count  # nothing stored before confirmation
    page.files.clear()
    _click(page, STORE)
    assert not page.exception, page.exception

    shown = _shown_text(page)
    missing = [c.name for c in cases if display_name(c.name) not in shown]
    assert missing == [], f"no message for {missing}"

    outcomes = page.session_state["upload_outcomes"]
    by_file: dict[str, list[pv.Outcome]] = {}
    for o in outcomes:
        by_file.setdefault(o.file, []).append(o)
    problems = []
    for case in cases:
        got = by_file.get(case.name, [])
        added = [o for o in got if o.status == "added"]
        refused = [o for o in got if o.status == "rejected"]
        if not got:
            problems.append(f"{case.name!r}: no outcome")
        elif case.expect == "reject" and added:
            problems.append(f"{case.name!r}: stored ({case.why})")
        elif case.expect == "accept" and (len(added) != case.articles or len(refused) < case.rejected_parts):
            problems.append(f"{case.name!r}: {len(added)} added, {len(refused)} refused ({case.why})")
        elif case.expect == "either" and len(added) > case.articles:
            problems.append(f"{case.name!r}: {len(added)} added")
        if any(not (o.reason or "").strip() for o in refused):
            problems.append(f"{case.name!r}: a refusal without a reason")
    assert problems == []

    after = snapshot(page.url)
    assert {i: after.texts[i] for i in before.texts} == before.texts, "existing articles changed"
    n_added = sum(o.status == "added" for o in outcomes)
    assert after.count == before.count + n_added
    for article_id, (title, raw, clean) in stored_texts(page.url).items():
        if article_id in before.texts:
            continue
        for value in (title, raw, clean):
            assert "\x00" not in value and "<script" not in value.lower() and "alert(1)" not in value
    assert consistency_problems(page.url) == []
