"""Two editors store the same article with different corrections (issue 13, item 11, first half):
the one who stores second is told that the corrections were not stored and where the article is.
Two Upload-page sessions over one database: AppTest sessions, and two browsers against a running app."""
from __future__ import annotations

import pytest
import sqlalchemy as sa
from hosted_support import hosted_dashboard, settle
from streamlit.testing.v1 import AppTest
from upload_support import FakeUpload, fake_uploader

from devtools.dashboard import ROOT

TEXT = """بوتين وعلييف يبحثان التعاون في مجال الطاقة
موسكو - 15 مارس 2024
استقبل الرئيس الروسي فلاديمير بوتين نظيره الأذربيجاني إلهام علييف في الكرملين اليوم الجمعة، وبحث الجانبان مشروعات النقل والطاقة.
وقال بوتين إن حجم التبادل التجاري بين البلدين بلغ نحو 4 مليارات دولار في العام الماضي.
"""
READ = "قراءة الملفات ومعاينتها"
STORE = "حفظ المقالات المحددة"


def _session() -> AppTest:
    at = AppTest.from_file(str(ROOT / "views" / "upload.py"), default_timeout=60)
    at.secrets["test_marker"] = "1"
    return at.run()


def _preview_with_title(at: AppTest, title: str) -> None:
    [b for b in at.button if b.label == READ][0].click()
    at.run()
    [field] = [ti for ti in at.text_input if str(ti.key).endswith("_0_title")]
    field.input(title)


def test_second_editor_is_told_their_corrections_were_not_stored(tmp_path, monkeypatch):
    from components import data
    from corpus.store import Store
    store = Store(f"sqlite:///{tmp_path / 'editors.sqlite'}")
    fake_uploader(monkeypatch, [FakeUpload("talks.txt", TEXT.encode())])
    data.use_store(store)
    try:
        first, second = _session(), _session()
        _preview_with_title(first, "عنوان المحرر الأول")
        _preview_with_title(second, "عنوان المحرر الثاني")
        [b for b in first.button if b.label == STORE][0].click()
        first.run()
        [b for b in second.button if b.label == STORE][0].click()
        second.run()
        assert not first.exception and not second.exception
        warnings = [w.value for w in second.warning]
        assert any("لم تُحفظ تصحيحاتك" in w and "title" in w for w in warnings), warnings
        frame = store.articles(None)
        assert frame["title"].tolist() == ["عنوان المحرر الأول"]
    finally:
        data.use_store(None)
        store.close()


@pytest.mark.browser
@pytest.mark.slow
def test_two_editors_in_two_browsers_store_the_same_article_with_different_titles(browser, tmp_path):
    """The same race against a running app: two browser sessions (open writing on a loopback run)
    preview one file, each types its own title, the first stores, then the second."""
    db = f"sqlite:///{tmp_path / 'race.sqlite'}"
    app, _ = hosted_dashboard(tmp_path, f'[database]\nurl = "{db}"\n')
    main = "[data-testid='stMain']"
    try:
        pages = []
        for title in ("عنوان المحرر الأول", "عنوان المحرر الثاني"):
            page = browser.new_context(locale="ar").new_page()
            page.goto(f"{app.base}/upload", wait_until="domcontentloaded")
            settle(page)
            area = page.locator(main)
            area.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(
                files=[{"name": "talks.txt", "mimeType": "text/plain", "buffer": TEXT.encode()}])
            area.locator('[data-testid="stFileChipName"][title="talks.txt"]').wait_for(timeout=60_000)
            area.get_by_role("button", name=READ).click()
            field = area.get_by_label("العنوان").first
            field.wait_for(timeout=120_000)
            field.fill(title)
            pages.append(page)
        for page in pages:
            page.locator(main).get_by_role("button", name=STORE).click()
            page.locator(main).get_by_role("heading", name="النتيجة لكل ملف").wait_for(timeout=120_000)
            settle(page)
        second = pages[1].locator(main).locator('[data-testid="stAlert"]').filter(has_text="لم تُحفظ تصحيحاتك")
        second.wait_for(timeout=60_000)
        assert "title" in second.inner_text() or "العنوان" in second.inner_text()
        engine = sa.create_engine(db)
        with engine.connect() as conn:
            titles = [r[0] for r in conn.execute(sa.text("SELECT title FROM articles"))]
        engine.dispose()
        # The bundled articles were built on first start; of the race, only the first title stands.
        assert "عنوان المحرر الأول" in titles and "عنوان المحرر الثاني" not in titles
    finally:
        app.stop()
