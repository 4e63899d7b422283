"""The Upload page: preview logic (corpus/preview.py) and the page itself through AppTest.

AppTest in Streamlit 1.51 has no file-uploader element, so the tests replace ``st.file_uploader``
with a wrapper that draws the real widget and returns in-memory files.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st
from fixtures_gen import make_zip
from upload_support import FakeUpload, fake_uploader

from corpus import bounded
from corpus import preview as pv
from corpus.models import RawDocument, ReadProblem

st_testing = pytest.importorskip("streamlit.testing.v1")
AppTest = st_testing.AppTest

ROOT = Path(__file__).resolve().parent.parent

# Short articles written for these tests.
MOSCOW_TALKS = """بوتين وعلييف يبحثان التعاون في مجال الطاقة
موسكو - 15 مارس 2024
استقبل الرئيس الروسي فلاديمير بوتين نظيره الأذربيجاني إلهام علييف في الكرملين اليوم الجمعة، وبحث الجانبان مشروعات النقل والطاقة.
وقال بوتين إن حجم التبادل التجاري بين البلدين بلغ نحو 4 مليارات دولار في العام الماضي.
"""
PHONE_CALL = """علييف يتلقى اتصالا هاتفيا من بوتين
باكو - 3 يونيو 2023
أجرى الرئيس الأذربيجاني إلهام علييف اتصالا هاتفيا مع الرئيس الروسي فلاديمير بوتين، تناول الوضع في جنوب القوقاز وممر النقل بين الشمال والجنوب.
واتفق الرئيسان على مواصلة الاتصالات في الأسابيع المقبلة.
"""
HOSTILE = """<img src=x onerror=alert(1)> بوتين *يلتقي* علييف :red[في] سوتشي $5$
سوتشي - 10 أكتوبر 2022
التقى الرئيس الروسي فلاديمير بوتين الرئيس الأذربيجاني إلهام علييف في مدينة سوتشي لبحث العلاقات الثنائية والتعاون الإقليمي.
"""
ENGLISH = ("Putin and Aliyev met in Moscow on Friday to discuss energy and transport projects "
           "between the two countries.\n")


def plain_reader(data: bytes, name: str) -> list[RawDocument | ReadProblem]:
    """A stand-in for corpus.readers in the pure preview tests."""
    if not data:
        return [ReadProblem(name, "the file is empty")]
    return [RawDocument(source=name, text=data.decode("utf-8"), fmt="txt")]


@pytest.fixture
def store(sqlite_url):
    from corpus.store import Store
    s = Store(sqlite_url)
    yield s
    s.close()


# ---- corpus/preview.py ------------------------------------------------------------------------

@pytest.mark.parametrize("text, refused", [
    (MOSCOW_TALKS, False),
    (ENGLISH, True),
    ("بوتين met Aliyev in Moscow to talk about trade and energy", True),
    ("1234 5678 !!", True),  # no words at all
    ("التقى بوتين Aliyev في موسكو", False),
])
def test_language_policy(text, refused):
    assert (pv.not_arabic_reason(text) is not None) is refused


def test_not_arabic_reason_names_the_share():
    reason = pv.not_arabic_reason("بوتين and Aliyev met in Moscow")
    assert reason is not None and "not Arabic" in reason and "%" in reason


def test_preview_extracts_without_storing(store):
    before = store.version()
    previews, rejected = pv.preview_bytes("talks.txt", MOSCOW_TALKS.encode(), reader=plain_reader)
    assert rejected == []
    [p] = previews
    assert (p.file, p.source) == ("talks.txt", "talks.txt")
    assert p.extraction.title == "بوتين وعلييف يبحثان التعاون في مجال الطاقة"
    assert p.extraction.published == "2024-03-15"
    assert store.version() == before


@pytest.mark.parametrize("name, data, reason_part", [
    ("empty.txt", b"", "empty"),
    ("english.txt", ENGLISH.encode(), "not Arabic"),
])
def test_preview_rejections_name_file_and_reason(name, data, reason_part):
    previews, rejected = pv.preview_bytes(name, data, reader=plain_reader)
    assert previews == []
    [o] = rejected
    assert (o.file, o.source, o.status) == (name, name, "rejected")
    assert reason_part in o.reason


def test_reader_that_raises_is_a_rejection_not_a_crash():
    def broken(data, name):
        raise RuntimeError("boom")
    previews, [o] = pv.preview_bytes("x.txt", b"abc", reader=broken)
    assert previews == [] and o.status == "rejected" and "RuntimeError" in o.reason


def test_reader_returning_nothing_is_a_rejection():
    previews, [o] = pv.preview_bytes("x.zip", b"PK", reader=lambda d, n: [])
    assert previews == [] and o.reason == "the file holds no article"


def test_extractor_failure_keeps_the_rest_of_a_batch():
    def reader(data, name):
        return [RawDocument("b.csv#row 1", MOSCOW_TALKS, "csv"), RawDocument("b.csv#row 2", PHONE_CALL, "csv")]

    def extractor(text, source, hints):
        if source.endswith("2"):
            raise ValueError("bad")
        from corpus.extract import extract_document
        return extract_document(text, source, hints)
    previews, rejected = pv.preview_bytes("b.csv", b"", reader=reader, extractor=extractor)
    assert [p.source for p in previews] == ["b.csv#row 1"]
    assert [(o.source, o.reason) for o in rejected] == [("b.csv#row 2", "extraction failed (ValueError)")]


def _preview(text: str = MOSCOW_TALKS, name: str = "talks.txt") -> pv.Preview:
    [p], _ = pv.preview_bytes(name, text.encode(), reader=plain_reader)
    return p


def test_unchanged_edits_are_no_corrections():
    p = _preview()
    ex = p.extraction
    edited = {"title": ex.title, "outlet": "", "published": ex.published, "topics": list(reversed(ex.topics)),
              "meetings": pv.meeting_rows(ex), "figures": pv.figure_rows(ex)}
    assert pv.corrections_from(ex, edited) == {}


def test_changed_fields_become_corrections():
    ex = _preview().extraction
    meetings = pv.meeting_rows(ex)
    meetings[0]["city"] = "Sochi"
    figures = pv.figure_rows(ex)
    figures[0]["keep"] = False
    changes = pv.corrections_from(ex, {"title": "  عنوان مصحح ", "outlet": "وكالة الاختبار",
                                       "published": "2024-03-16", "topics": ["energy"],
                                       "meetings": meetings, "figures": figures})
    assert changes["title"] == "عنوان مصحح"
    assert changes["outlet"] == "وكالة الاختبار"
    assert changes["published"] == "2024-03-16"
    assert changes["topics"] == ["energy"]
    assert [m["city"] for m in changes["meetings"]] == ["Sochi"]
    assert changes["meetings"][0]["evidence"] == ex.meetings[0].evidence
    assert changes["figures"] == []


def test_meeting_that_is_not_one_is_dropped_and_date_change_marked():
    ex = _preview().extraction
    rows = pv.meeting_rows(ex)
    rows[0]["date"] = "2024-03-14"
    [m] = pv.corrections_from(ex, {"meetings": rows})["meetings"]
    assert (m["date"], m["date_basis"]) == ("2024-03-14", "corrected")
    rows[0]["keep"] = False
    assert pv.corrections_from(ex, {"meetings": rows})["meetings"] == []


@pytest.mark.parametrize("edited, field", [
    ({"published": "15/03/2024"}, "published"),
    ({"published": "2024-02-30"}, "published"),
])
def test_bad_dates_raise_correction_error(edited, field):
    ex = _preview().extraction
    with pytest.raises(pv.CorrectionError) as err:
        pv.corrections_from(ex, edited)
    assert err.value.field == field


def test_bad_figure_value_raises():
    ex = _preview().extraction
    rows = pv.figure_rows(ex)
    rows[0]["value"] = "أربعة"
    with pytest.raises(pv.CorrectionError) as err:
        pv.corrections_from(ex, {"figures": rows})
    assert err.value.field == "figures.value"


def test_blank_published_is_a_correction_to_none():
    ex = _preview().extraction
    assert pv.corrections_from(ex, {"published": "  "}) == {"published": None}


def test_store_applies_corrections_marks_them_and_survives_reprocess(store):
    p = _preview()
    changes = pv.corrections_from(p.extraction, {"title": "عنوان صححه محرر", "published": "2024-03-16"})
    [o] = pv.store_previews(store, [(p, changes)], "editor@x.org")
    assert (o.status, o.corrected) == ("added", ["title", "published"])
    art = store.article(o.article_id)
    assert art["title"] == "عنوان صححه محرر"
    assert str(art["published"]) == "2024-03-16"
    assert set(art["human_checked"]) == {"title", "published"}
    assert art["human_checked"]["title"]["by"] == "editor@x.org"
    store.reprocess()
    art = store.article(o.article_id)
    assert (art["title"], str(art["published"])) == ("عنوان صححه محرر", "2024-03-16")


def test_second_copy_is_reported_with_the_stored_title(store):
    first = _preview(name="a.txt")
    [o1] = pv.store_previews(store, [(first, {})], "local")
    [o2] = pv.store_previews(store, [(_preview(name="a.txt"), {"title": "x"})], "local")
    assert o1.status == "added"
    assert (o2.status, o2.duplicate_of, o2.duplicate_title) == (
        "duplicate", o1.article_id, "بوتين وعلييف يبحثان التعاون في مجال الطاقة")
    assert o2.corrected == []  # a duplicate's edits are not applied to the stored article
    [o3] = pv.store_previews(store, [(_preview(name="b.txt"), {})], "local")
    assert (o3.status, o3.duplicate_of) == ("source_added", o1.article_id)


def test_store_failure_on_one_article_is_reported_and_others_stored(store):
    class Flaky:
        def __init__(self, inner):
            self.inner = inner

        def __getattr__(self, name):
            return getattr(self.inner, name)

        def add_article(self, doc, ex, who):
            if doc.source == "bad.txt":
                raise RuntimeError("disk full")
            return self.inner.add_article(doc, ex, who)
    outcomes = pv.store_previews(Flaky(store), [(_preview(name="bad.txt"), {}),
                                                (_preview(PHONE_CALL, "ok.txt"), {})], "local")
    assert [(o.source, o.status) for o in outcomes] == [("bad.txt", "rejected"), ("ok.txt", "added")]
    assert "RuntimeError" in outcomes[0].reason
    assert store.total_count() == 1


# ---- the page (AppTest) -----------------------------------------------------------------------

@pytest.fixture
def page(store, monkeypatch):
    """The Upload page over a fresh SQLite store; ``page.files`` is what the uploader returns."""
    from components import data
    chosen = fake_uploader(monkeypatch)
    data.use_store(store)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30).switch_page("views/upload.py")
    at.secrets["test_marker"] = "1"  # isolates the test from any local secrets.toml
    at.files = chosen
    at.store = store
    yield at
    data.use_store(None)


def _buttons(at) -> dict[str, object]:
    return {b.label: b for b in at.button}


def _click(at, label: str):
    _buttons(at)[label].click()
    return at.run()


def _submit_preview(at):
    [button] = [b for b in at.button if b.label in ("حفظ المقالات المحددة", "Store the ticked articles")]
    button.click()
    return at.run()


def _plain(markdown: str) -> str:
    """Markdown source as read on screen (the safe-text helper backslash-escapes punctuation)."""
    return markdown.replace("\\", "")


def _shown(at, kind: str) -> list[str]:
    return [_plain(str(e.value)) for e in getattr(at, kind)]


def test_local_run_allows_upload_and_says_so(page):
    page.run()
    assert not page.exception
    assert "تشغيل محلي" in page.info[0].value
    assert "قراءة الملفات ومعاينتها" in _buttons(page)


def test_upload_preview_store_and_history(page):
    page.files.append(FakeUpload("talks.txt", MOSCOW_TALKS.encode()))
    page.run()
    _click(page, "قراءة الملفات ومعاينتها")
    assert not page.exception
    titles = [w.value for w in page.text_input if w.label == "العنوان"]
    assert titles == ["بوتين وعلييف يبحثان التعاون في مجال الطاقة"]
    assert page.store.total_count() == 0  # nothing stored before confirmation
    page.files.clear()
    _submit_preview(page)
    assert not page.exception
    assert page.store.total_count() == 1
    assert "أُضيفت 1، مكررة 0، مرفوضة 0." in [s.value for s in page.success]
    history = page.store.history()
    assert list(history["action"]) == ["added"] and list(history["who"]) == ["local"]


def test_correction_in_preview_is_stored_as_human_checked(page):
    page.files.append(FakeUpload("talks.txt", MOSCOW_TALKS.encode()))
    page.run()
    _click(page, "قراءة الملفات ومعاينتها")
    [published] = [w for w in page.text_input if w.label.startswith("تاريخ النشر")]
    published.set_value("2024-03-16")
    [outlet] = [w for w in page.text_input if w.label == "المصدر"]
    outlet.set_value("وكالة التجربة")
    _submit_preview(page)
    assert not page.exception
    [article_id] = list(page.store.articles()["id"])
    art = page.store.article(int(article_id))
    assert (str(art["published"]), art["outlet"]) == ("2024-03-16", "وكالة التجربة")
    assert set(art["human_checked"]) == {"published", "outlet"}
    assert {c["field"] for c in art["corrections"]} == {"published", "outlet"}


def test_bad_date_in_preview_stores_nothing(page):
    page.files.append(FakeUpload("talks.txt", MOSCOW_TALKS.encode()))
    page.run()
    _click(page, "قراءة الملفات ومعاينتها")
    [published] = [w for w in page.text_input if w.label.startswith("تاريخ النشر")]
    published.set_value("32/13/2024")
    _submit_preview(page)
    assert not page.exception
    assert page.store.total_count() == 0
    assert any("32/13/2024" in e and "talks.txt" in e for e in _shown(page, "error"))


def test_unticked_article_is_not_stored(page):
    page.files.extend([FakeUpload("talks.txt", MOSCOW_TALKS.encode()),
                       FakeUpload("call.txt", PHONE_CALL.encode())])
    page.run()
    _click(page, "قراءة الملفات ومعاينتها")
    page.checkbox[0].uncheck()
    _submit_preview(page)
    assert page.store.total_count() == 1
    assert page.store.articles()["title"].tolist() == ["علييف يتلقى اتصالا هاتفيا من بوتين"]


def test_duplicate_upload_names_the_stored_article(page):
    page.files.append(FakeUpload("talks.txt", MOSCOW_TALKS.encode()))
    page.run()
    _click(page, "قراءة الملفات ومعاينتها")
    _submit_preview(page)
    _click(page, "قراءة الملفات ومعاينتها")
    _submit_preview(page)
    assert page.store.total_count() == 1
    [results] = [d.value for d in page.dataframe if "النتيجة" in d.value.columns]
    assert results["النتيجة"].str.startswith(
        "مكررة: النص نفسه موجود في «بوتين وعلييف يبحثان التعاون في مجال الطاقة»").all()


def test_bad_files_get_a_message_each_and_corpus_unchanged(page):
    page.files.extend([FakeUpload("empty.txt", b""),
                       FakeUpload("english.txt", ENGLISH.encode()),
                       FakeUpload("random.bin.txt", bytes(range(256)) * 40),
                       FakeUpload("report.pdf", b"%PDF-1.4 not an article"),
                       FakeUpload("folders.zip", make_zip({"أخبار/": b"", "__MACOSX/._x": b"x"}))])
    page.run()
    before = page.store.version()
    _click(page, "قراءة الملفات ومعاينتها")
    assert not page.exception
    errors = _shown(page, "error")
    for name in ("empty.txt", "english.txt", "random.bin.txt", "report.pdf", "folders.zip"):
        assert any(name in e for e in errors), (name, errors)
    assert any("النص ليس عربيًا" in e for e in errors)
    assert any("folders.zip" in e and "ملف zip لا يحوي ملفات تُقرأ" in e for e in errors), errors
    assert page.store.version() == before and page.store.total_count() == 0


def test_a_file_over_the_extraction_budget_is_refused_by_name_and_the_page_stays_up(page, monkeypatch):
    monkeypatch.setattr(bounded, "EXTRACT_BUDGET_S", 2)  # 3,000 articles take 4-5 s (1.5 ms each)
    rows = "\n".join(f'"{MOSCOW_TALKS} {i}"' for i in range(3000))
    page.files.extend([FakeUpload("big.csv", f"text\n{rows}".encode()),
                       FakeUpload("talks.txt", MOSCOW_TALKS.encode())])
    page.run()
    _click(page, "قراءة الملفات ومعاينتها")
    assert not page.exception
    [error] = [e for e in _shown(page, "error") if "big.csv" in e]
    assert "تجاوز استخراج الملف مهلته (2 ث)" in error
    # The next file of the same batch is read as usual, and nothing is stored before the editor confirms.
    assert any(b.label in ("حفظ المقالات المحددة",) for b in page.button)
    assert page.store.total_count() == 0


def test_hostile_title_is_shown_literally(page):
    page.files.append(FakeUpload("<b>x</b>.txt", HOSTILE.encode()))
    page.run()
    _click(page, "قراءة الملفات ومعاينتها")
    assert not page.exception
    shown = "\n".join(m.value for m in page.markdown)
    assert "<b>" not in shown and "&lt;b&gt;" in shown  # the file name, escaped
    _submit_preview(page)
    assert not page.exception
    for m in page.markdown:
        assert not getattr(m.proto, "allow_html", False) or "onerror" not in m.value


def _add_two(store):
    for name, text in (("talks.txt", MOSCOW_TALKS), ("call.txt", PHONE_CALL)):
        pv.store_previews(store, [(_preview(text, name), {})], "local")


def test_remove_and_undo(page):
    _add_two(page.store)
    page.run()
    choice = page.selectbox(key="upload_remove_choice")
    target = choice.options[0]
    choice.select(target)
    page.run()
    _click(page, "حذف")
    assert not page.exception
    assert (page.store.count(), page.store.total_count()) == (1, 2)
    assert any("حُذفت" in w.value for w in page.warning)
    _click(page, "تراجع عن الحذف")
    assert page.store.count() == 2
    assert any("أُعيدت" in s.value for s in page.success)
    actions = page.store.history()["action"].tolist()
    assert actions[:2] == ["restored", "removed"]


def test_history_is_shown_to_editors(page):
    _add_two(page.store)
    page.run()
    assert "السجل: من أضاف أو صحح أو حذف ماذا" in [h.value for h in page.header]
    [table] = [d for d in page.dataframe if "من" in d.value.columns]
    assert set(table.value["من"]) == {"local"}


# ---- who may write (AppTest) -------------------------------------------------------------------

def test_passcode_hides_upload_until_right_passcode(page):
    page.secrets["editor_passcode"] = "كلمة-سر-طويلة"
    page.run()
    assert "قراءة الملفات ومعاينتها" not in _buttons(page)
    page.text_input(key="editor_passcode_input").input("wrong")
    [submit] = [b for b in page.button if b.label == "دخول"]
    submit.click()
    page.run()
    assert any("الرمز غير صحيح" in e.value for e in page.error)
    assert "قراءة الملفات ومعاينتها" not in _buttons(page)
    page.text_input(key="editor_passcode_input").input("كلمة-سر-طويلة")
    [submit] = [b for b in page.button if b.label == "دخول"]
    submit.click()
    page.run()
    assert not page.exception
    assert "قراءة الملفات ومعاينتها" in _buttons(page)
    assert any("passcode editor" in c for c in _shown(page, "caption"))


def test_passcode_editor_is_recorded_in_history(page):
    page.secrets["editor_passcode"] = "pw"
    page.run()
    page.text_input(key="editor_passcode_input").input("pw")
    [submit] = [b for b in page.button if b.label == "دخول"]
    submit.click()
    page.run()
    page.files.append(FakeUpload("talks.txt", MOSCOW_TALKS.encode()))
    _click(page, "قراءة الملفات ومعاينتها")
    _submit_preview(page)
    assert page.store.history()["who"].tolist() == ["passcode editor"]


def test_passcode_locks_after_repeated_failures(page):
    page.secrets["editor_passcode"] = "pw"
    page.run()
    for _ in range(6):
        page.text_input(key="editor_passcode_input").input("nope")
        [submit] = [b for b in page.button if b.label == "دخول"]
        submit.click()
        page.run()
    page.text_input(key="editor_passcode_input").input("pw")
    [submit] = [b for b in page.button if b.label == "دخول"]
    submit.click()
    page.run()
    assert any("انتظر" in e.value for e in page.error)
    assert "قراءة الملفات ومعاينتها" not in _buttons(page)


def test_incomplete_auth_closes_writing(page):
    page.secrets["auth"] = {"redirect_uri": "https://x/oauth2callback"}
    page.run()
    assert not page.exception
    assert any("cookie_secret" in e for e in _shown(page, "error"))
    assert "قراءة الملفات ومعاينتها" not in _buttons(page)


OIDC = {"redirect_uri": "https://x/oauth2callback", "cookie_secret": "c", "client_id": "i",
        "client_secret": "s", "server_metadata_url": "https://idp.example/.well-known/openid-configuration"}


@pytest.mark.parametrize("user, allowed", [
    ({"is_logged_in": True, "email": "Editor@Example.org", "email_verified": True}, True),
    ({"is_logged_in": True, "email": "reader@example.org", "email_verified": True}, False),
    ({"is_logged_in": False}, False),
])
def test_oidc_allow_list(page, monkeypatch, user, allowed):
    from components import auth as auth_ui
    monkeypatch.setattr(auth_ui, "current_user", lambda: dict(user))
    monkeypatch.setattr(auth_ui, "_authlib_installed", lambda: True)
    page.secrets["auth"] = OIDC
    page.secrets["editors"] = ["editor@example.org"]
    page.run()
    assert not page.exception
    assert ("قراءة الملفات ومعاينتها" in _buttons(page)) is allowed
    if allowed:
        # safe_inline puts an invisible word joiner after "@" (no mailto: autolink).
        assert any("editor@example.org" in c.replace("\u2060", "") for c in _shown(page, "caption"))
    elif user["is_logged_in"]:
        assert any("ليس في قائمة المحررين" in w.value for w in page.warning)
    else:
        assert "تسجيل الدخول" in _buttons(page)


def test_english_ui(page):
    page.query_params["lang"] = "en"
    page.run()
    assert not page.exception
    assert "Read and preview" in _buttons(page)
    assert any("Only Arabic articles are accepted" in c.value for c in page.caption)


def test_missing_reader_module_is_a_rejection(monkeypatch):
    def missing():
        raise ModuleNotFoundError("No module named 'corpus.readers'")
    monkeypatch.setattr(pv, "_default_reader", missing)
    previews, [o] = pv.preview_bytes("a.txt", MOSCOW_TALKS.encode())
    assert previews == [] and o.status == "rejected" and "ModuleNotFoundError" in o.reason


def test_every_ui_string_used_by_the_upload_page_exists_in_both_languages():
    import re

    from components.i18n import catalogue
    used = set()
    for rel in ("views/upload.py", "components/upload.py", "components/auth.py"):
        used |= set(re.findall(r"""\bt\(\s*["']([\w.]+)["']""", (ROOT / rel).read_text(encoding="utf-8")))
    # Keys built at run time.
    used |= {f"upload.result.{s}" for s in ("added", "duplicate", "source_added", "rejected", "skipped")}
    used |= {f"upload.action.{a}" for a in ("added", "duplicate", "corrected", "removed", "restored")}
    used |= {f"upload.reason.{c}" for c in ("not_arabic", "no_words", "no_article", "read_failed",
                                            "extract_failed", "store_failed", "corrections_failed")}
    cat = catalogue()
    missing = sorted(k for k in used if k not in cat)
    assert missing == []
    assert all(cat[k].get("ar", "").strip() and cat[k].get("en", "").strip() for k in used)
    assert len(used) > 40


@pytest.mark.parametrize("auth_section, provider", [
    (OIDC, None),
    ({"redirect_uri": "https://x/oauth2callback", "cookie_secret": "c",
      "google": {k: OIDC[k] for k in ("client_id", "client_secret", "server_metadata_url")}}, "google"),
])
def test_login_button_starts_oidc_with_the_configured_provider(page, monkeypatch, auth_section, provider):
    from components import auth as auth_ui
    calls = []
    monkeypatch.setattr(auth_ui, "current_user", lambda: {"is_logged_in": False})
    monkeypatch.setattr(auth_ui, "_authlib_installed", lambda: True)
    monkeypatch.setattr(st, "login", lambda *args: calls.append(args))
    page.secrets["auth"] = auth_section
    page.secrets["editors"] = ["editor@example.org"]
    page.run()
    _click(page, "تسجيل الدخول")
    assert not page.exception
    assert calls == [(provider,) if provider else ()]


def test_oidc_without_authlib_refuses_writes_and_says_why(page, monkeypatch):
    from components import auth as auth_ui
    monkeypatch.setattr(auth_ui, "_authlib_installed", lambda: False)
    page.secrets["auth"] = OIDC
    page.run()
    assert any("Authlib" in e for e in _shown(page, "error"))
    assert "قراءة الملفات ومعاينتها" not in _buttons(page)


def _zip(entries: dict[str, bytes]) -> bytes:
    import io
    import zipfile
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return buf.getvalue()


def test_zip_bundle_gives_a_result_per_entry(page):
    pytest.importorskip("corpus.readers")
    bundle = _zip({"a/talks.txt": MOSCOW_TALKS.encode(), "a/call.txt": PHONE_CALL.encode("utf-16"),
                   "a/english.txt": ENGLISH.encode(), "../escape.txt": MOSCOW_TALKS.encode()})
    page.files.append(FakeUpload("bundle.zip", bundle))
    page.run()
    _click(page, "قراءة الملفات ومعاينتها")
    assert not page.exception
    assert len([w for w in page.text_input if w.label == "العنوان"]) == 2
    errors = _shown(page, "error")
    assert any("english.txt" in e and "النص ليس عربيًا" in e for e in errors)
    assert any("escape.txt" in e for e in errors), errors
    _submit_preview(page)
    assert page.store.count() == 2
    [results] = [d.value for d in page.dataframe if "النتيجة" in d.value.columns]
    assert sorted(results["الملف"]) == ["bundle.zip/../escape.txt", "bundle.zip/a/call.txt",
                                        "bundle.zip/a/english.txt", "bundle.zip/a/talks.txt"]


def test_csv_batch_rows_and_bad_row(page):
    pytest.importorskip("corpus.readers")
    import csv
    import io
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["title", "outlet", "text"])
    writer.writerow(["", "وكالة أ", MOSCOW_TALKS])
    writer.writerow(["", "وكالة ب", PHONE_CALL])
    writer.writerow(["بلا نص", "وكالة ج", ""])
    page.files.append(FakeUpload("batch.csv", buf.getvalue().encode("utf-8")))
    page.run()
    _click(page, "قراءة الملفات ومعاينتها")
    assert not page.exception
    assert len([w for w in page.text_input if w.label == "العنوان"]) == 2
    assert any("batch.csv#row 3" in e and "لا نص في هذا الصف" in e for e in _shown(page, "error"))
    _submit_preview(page)
    assert page.store.count() == 2


def test_articles_beyond_the_editable_ones_are_stored_as_extracted(page, monkeypatch):
    from components import upload as upload_ui
    monkeypatch.setattr(upload_ui, "MAX_EDITABLE", 1)
    page.files.extend([FakeUpload("talks.txt", MOSCOW_TALKS.encode()),
                       FakeUpload("call.txt", PHONE_CALL.encode())])
    page.run()
    _click(page, "قراءة الملفات ومعاينتها")
    assert len([w for w in page.text_input if w.label == "العنوان"]) == 1
    assert any("1 مقالة أخرى" in i.value for i in page.info)
    _submit_preview(page)
    assert page.store.count() == 2


def test_history_names_the_bundled_corpus_and_untitled_articles_in_words():
    import pandas as pd

    from components.upload import history_table
    history = pd.DataFrame({"at": ["2026-12-07 02:49:02.5"] * 2, "who": ["bundled", "local"],
                            "action": ["added", "added"], "article_id": [1, 2], "title": ["أ", "ب"],
                            "detail": ["a.txt", "b.txt"]})
    assert history_table(history, "ar")["who"].tolist() == ["المقالات المرفقة بالتطبيق", "local"]
    assert history_table(history, "en")["who"].tolist() == ["bundled articles", "local"]
    history["title"] = [None, None]
    history["article_id"] = [3, None]
    assert history_table(history, "ar")["title"].tolist() == ["(بلا عنوان)", None]


def test_a_store_cut_off_half_way_is_reported_on_the_next_visit(page, monkeypatch):
    from corpus.extract import extract_document
    monkeypatch.setattr(pv, "BATCH_QUIET_S", 0)
    store = page.store
    batch = store.begin_batch("local", ["many.zip"], total=4)
    store.add_article(RawDocument("many.zip#1", MOSCOW_TALKS, "txt"), extract_document(MOSCOW_TALKS), "local")
    assert batch
    page.run()
    assert not page.exception
    [warning] = [w.value for w in page.warning if "توقّف آخر حفظ" in w.value]
    assert "حُفظت 1 من 4 مقالة" in _plain(warning) and "many.zip" in _plain(warning)
    # A batch that ran to its end leaves no notice.
    store.end_batch(store.begin_batch("local", ["b.txt"], total=1), "local", stored=0)
    page.run()
    assert not [w for w in page.warning if "توقّف آخر حفظ" in w.value]
