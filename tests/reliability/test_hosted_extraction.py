"""Issue 13 item 6 against a running app in Chromium: a file within every size limit that takes
long to extract is refused by name once its time budget runs out, and its worker process is gone;
a worker whose run the visitor leaves (another page opened) is killed at once."""
from __future__ import annotations

import subprocess
import time

import pytest
from hosted_support import hosted_dashboard, settle

pytestmark = [pytest.mark.browser, pytest.mark.slow]

TALKS = "التقى الرئيس الروسي فلاديمير بوتين نظيره الأذربيجاني إلهام علييف في سوتشي اليوم الاثنين."
# 15,000 short articles in one CSV (3 MB, within every size limit): about 20 s of extraction on the
# test machine (1.3 ms each), five times the 4 s budget (at 3,000 they came within it once extraction sped up).
SLOW_CSV = ("text\n" + "\n".join(f'"{TALKS} وبلغ التبادل {i} مليون دولار."' for i in range(15_000))).encode()
MAIN = "[data-testid='stMain']"


def _workers() -> list[str]:
    """Command lines of the extraction workers running on this machine."""
    out = subprocess.run(["pgrep", "-af", "corpus.bounded"], capture_output=True, text=True).stdout
    return [line for line in out.splitlines() if "pgrep" not in line]


def _wait(predicate, seconds: float) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.2)
    return predicate()


def _upload(page, base: str, name: str, data: bytes) -> None:
    page.goto(f"{base}/upload", wait_until="domcontentloaded")
    settle(page)
    main = page.locator(MAIN)
    main.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(
        files=[{"name": name, "mimeType": "text/csv", "buffer": data}])
    main.locator(f'[data-testid="stFileChipName"][title="{name}"]').wait_for(timeout=60_000)
    main.get_by_role("button", name="قراءة الملفات ومعاينتها").click()


@pytest.fixture
def dashboard(tmp_path):
    db = f'[database]\nurl = "sqlite:///{tmp_path / "x.sqlite"}"\n'
    app, _ = hosted_dashboard(tmp_path, db, env={"CORPUS_EXTRACT_BUDGET_S": "4"})
    try:
        yield app
    finally:
        app.stop()


def test_a_slow_file_is_refused_by_name_when_its_budget_runs_out(browser, dashboard):
    assert not _workers()
    page = browser.new_context(locale="ar").new_page()
    _upload(page, dashboard.base, "many.csv", SLOW_CSV)
    assert _wait(lambda: bool(_workers()), 30), "the file was not extracted in a worker process"
    error = page.locator(MAIN).locator('[data-testid="stAlert"]').filter(has_text="many.csv")
    error.wait_for(timeout=90_000)
    assert "تجاوز استخراج الملف مهلته (4 ث)" in error.inner_text()
    assert _wait(lambda: not _workers(), 5), _workers()


def test_leaving_the_page_mid_extraction_kills_the_worker(browser, tmp_path):
    db = f'[database]\nurl = "sqlite:///{tmp_path / "y.sqlite"}"\n'
    app, _ = hosted_dashboard(tmp_path, db, env={"CORPUS_EXTRACT_BUDGET_S": "120"})
    try:
        page = browser.new_context(locale="ar").new_page()
        _upload(page, app.base, "many.csv", SLOW_CSV)
        assert _wait(lambda: bool(_workers()), 30), "the file was not extracted in a worker process"
        page.goto(f"{app.base}/timeline", wait_until="domcontentloaded")  # a new run of the session
        assert _wait(lambda: not _workers(), 10), _workers()
    finally:
        app.stop()
