"""The file uploader in the UI language with the reader's size limit,
landmarks and headings for screen readers, and untitled articles aligned with their list."""
from __future__ import annotations

import re

import pytest
from browser.conftest import WAIT, open_page, settle

from components.i18n import t
from components.upload import UPLOAD_MB
from corpus.readers import DEFAULT_LIMITS

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PATHS = ["", "timeline", "figures", "articles", "upload"]
MARKS = re.compile("[\u200e\u200f\u2066-\u2069]")
STREAMLIT_WORDS = ("Upload", "Browse", "Drag and drop", "per file", "Limit")


def uploader(page):
    return page.locator('[data-testid="stMain"] [data-testid="stFileUploader"]').first


# ---- the file uploader ------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["ar", "en"])
def test_file_uploader_shows_its_button_and_limit_in_the_ui_language(page, app_url, lang):
    open_page(page, f"{app_url}/upload?lang={lang}")
    box = uploader(page)
    box.wait_for(timeout=WAIT)
    # the button is named by our string (drawn by the theme), Streamlit's English word is gone
    button = box.get_by_role("button", name=t("upload.choose_button", lang), exact=True)
    assert button.is_visible()
    shown = box.inner_text() + " " + button.evaluate(
        "e => getComputedStyle(e.querySelector('[data-has-shortcut]'), '::after').content")
    assert not [w for w in STREAMLIT_WORDS if w in shown], shown
    assert box.locator('[data-testid="stFileUploaderDropzoneInstructions"]').is_hidden()
    # our own line says the limit the reader applies
    limit = t("upload.limits", lang, mb=UPLOAD_MB)
    assert page.locator('[data-testid="stMain"] [data-testid="stCaptionContainer"]').filter(
        has_text=limit).count() == 1
    assert UPLOAD_MB * 1024 * 1024 == DEFAULT_LIMITS.max_file_bytes


def test_file_uploader_refuses_in_the_browser_a_file_over_the_readers_limit(page, app_url, tmp_path):
    """The widget's own limit (max_upload_size) is the reader's, not the server's 50 MB."""
    big, small = tmp_path / "big.txt", tmp_path / "small.txt"
    big.write_bytes("ب".encode() * (UPLOAD_MB * 1024 * 1024 // 2 + 1))  # just over the limit
    small.write_text("بوتين وعلييف", encoding="utf-8")
    open_page(page, f"{app_url}/upload")
    box = uploader(page)
    box.locator('input[type="file"]').set_input_files([str(big), str(small)])
    chips = box.locator('[data-testid="stFileChip"]')
    chips.nth(1).wait_for(timeout=WAIT)
    settle(page)
    refused = {c.locator('[data-testid="stFileChipName"]').inner_text(): c.get_attribute("aria-invalid")
               for c in chips.all()}
    assert refused == {"big.txt": "true", "small.txt": None}, refused


def test_dragging_a_file_over_the_uploader_says_drop_here_in_the_ui_language(page, app_url):
    open_page(page, f"{app_url}/upload")
    zone = uploader(page).locator('[data-testid="stFileUploaderDropzone"]')
    zone.wait_for(timeout=WAIT)
    # a file dragged over the box, as the browser reports it
    zone.evaluate("""z => { const d = new DataTransfer();
        d.items.add(new File(['x'], 'a.txt', {type: 'text/plain'}));
        z.dispatchEvent(new DragEvent('dragenter', {dataTransfer: d, bubbles: true})); }""")
    overlay = zone.locator(":scope > div > span:only-child")
    overlay.wait_for(timeout=WAIT)
    english, after = overlay.evaluate(
        "e => [getComputedStyle(e).fontSize, getComputedStyle(e, '::after').content]")
    assert english == "0px", "Streamlit's English words are not drawn"
    assert after == f'"{t("upload.drop_here", "ar")}"', after


# ---- landmarks and headings ------------------------------------------------------------------------

_HEADINGS = """root => Array.from(root.querySelectorAll('h1, h2, h3, h4, h5, h6'))
    .map(h => Number(h.tagName[1]))"""


@pytest.mark.parametrize("path", PATHS)
def test_every_page_has_a_main_landmark_a_labelled_navigation_and_ordered_headings(page, app_url, path):
    open_page(page, f"{app_url}/{path}")
    assert page.get_by_role("main").count() == 1
    nav = page.locator('[data-testid="stSidebar"]').get_by_role("navigation")
    assert nav.count() == 1 and (nav.get_attribute("aria-label") or "").strip()
    assert nav.get_by_role("link").filter(has_text=t("nav.timeline", "ar")).count() == 1
    assert page.locator("h1").count() == 1
    levels = page.locator('[data-testid="stMain"]').evaluate(_HEADINGS)
    assert levels[0] == 1, levels
    jumps = [(a, b) for a, b in zip(levels, levels[1:]) if b > a + 1]
    assert not jumps, f"a heading level is skipped: {levels}"
    sidebar = page.locator('[data-testid="stSidebar"]').evaluate(_HEADINGS)
    assert sidebar and min(sidebar) == 2, sidebar


# ---- untitled articles -----------------------------------------------------------------------------

_RIGHT_GAP = """e => { const r = document.createRange(); r.selectNodeContents(e);
    return e.getBoundingClientRect().right - r.getBoundingClientRect().right; }"""


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_untitled_article_is_aligned_like_the_other_titles_of_the_list(page, app_url, lang):
    open_page(page, f"{app_url}/articles?lang={lang}")
    results = page.locator('[role="tabpanel"]:visible [class*="st-key-artext_result_"]')
    results.first.wait_for(timeout=WAIT)
    titles = [r.locator("p").first for r in results.all()]
    untitled = [p for p in titles if MARKS.sub("", p.inner_text()).strip() == t("common.untitled", lang)]
    assert len(untitled) == 1 and len(titles) > 2
    gaps = [round(p.evaluate(_RIGHT_GAP)) for p in titles]
    assert max(gaps) < 4, f"every title ends at the right edge of its box: {gaps}"
    # the label reads in its own direction, its parentheses around the word: "(untitled)" from
    # the left, «(بلا عنوان)» from the right
    text = untitled[0].inner_text()
    spans = untitled[0].evaluate("""(e, s) => { const n = document.createTreeWalker(e, NodeFilter.SHOW_TEXT)
        .nextNode(); const at = c => { const i = n.data.indexOf(c), r = document.createRange();
        r.setStart(n, i); r.setEnd(n, i + 1); return r.getBoundingClientRect().left; };
        return [at('('), at(s), at(')')]; }""", MARKS.sub("", text).strip()[1])
    assert (spans[0] < spans[1] < spans[2]) if lang == "en" else (spans[0] > spans[1] > spans[2]), text
