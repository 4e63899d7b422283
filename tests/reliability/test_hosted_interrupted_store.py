"""Issue 13 item 11 against a running app in Chromium: an editor starts storing a large batch and
closes the tab; once the session has ended, the editor's next visit to the Upload page says how
many of the batch's articles were stored, and that is what the database holds."""
from __future__ import annotations

import re
import time

import pytest
import sqlalchemy as sa
from hosted_support import hosted_dashboard, settle

pytestmark = [pytest.mark.browser, pytest.mark.slow]

MAIN = "[data-testid='stMain']"
# 1,500 distinct short articles in one CSV: several seconds to store, so the tab closes mid-way.
ROWS = [f'"التقى مسؤولون من البلدين في اجتماع رقم {i} لبحث ملف {i * 7919 % 100003} من ملفات التعاون المشترك."'
        for i in range(1500)]
CSV = ("text\n" + "\n".join(ROWS)).encode()


def _stored(db: str) -> int:
    engine = sa.create_engine(db)
    with engine.connect() as conn:
        count = conn.execute(sa.text("SELECT COUNT(*) FROM articles")).scalar_one()
    engine.dispose()
    return int(count)


def test_a_store_cut_off_by_a_closed_tab_is_reported_on_the_next_visit(browser, tmp_path):
    db = f"sqlite:///{tmp_path / 'cut.sqlite'}"
    app, _ = hosted_dashboard(tmp_path, f'[database]\nurl = "{db}"\n', env={"CORPUS_BATCH_QUIET_S": "2"})
    try:
        context = browser.new_context(locale="ar")
        page = context.new_page()
        page.goto(f"{app.base}/upload", wait_until="domcontentloaded")
        settle(page)
        before = _stored(db)
        main = page.locator(MAIN)
        main.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(
            files=[{"name": "many.csv", "mimeType": "text/csv", "buffer": CSV}])
        main.locator('[data-testid="stFileChipName"][title="many.csv"]').wait_for(timeout=60_000)
        main.get_by_role("button", name="قراءة الملفات ومعاينتها").click()
        store = main.get_by_role("button", name="حفظ المقالات المحددة")
        store.wait_for(timeout=120_000)
        store.click()
        deadline = time.monotonic() + 60
        while _stored(db) == before and time.monotonic() < deadline:
            time.sleep(0.2)
        context.close()  # the editor closes the tab half-way
        # The session ends when Streamlit drops it (disconnectedSessionTTL), its run stops at the
        # next Streamlit call; then nothing is stored any more.
        previous, settled_at = -1, time.monotonic() + 400
        while time.monotonic() < settled_at:
            now = _stored(db)
            if now == previous:
                break
            previous = now
            time.sleep(5)
        stored = _stored(db) - before
        assert 0 < stored < len(ROWS), stored

        page = browser.new_context(locale="ar").new_page()
        page.goto(f"{app.base}/upload", wait_until="domcontentloaded")
        settle(page)
        notice = page.locator(MAIN).locator('[data-testid="stAlert"]').filter(has_text="توقّف آخر حفظ")
        notice.wait_for(timeout=60_000)
        text = notice.inner_text()
        assert re.search(rf"حُفظت\s+{stored}\s+من\s+{len(ROWS)}\s+مقالة", text), text
        assert "many.csv" in text
    finally:
        app.stop()
