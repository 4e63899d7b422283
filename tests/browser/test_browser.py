"""The dashboard in headless Chromium: direction, mirrored tables, shareable links, hostile text."""
from __future__ import annotations

from urllib.parse import quote

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PAGES = {"": ("نظرة عامة", "Overview"), "timeline": ("الخط الزمني للقاءات", "Timeline of meetings"),
         "figures": ("الأرقام الاقتصادية", "Economic figures"), "articles": ("المقالات", "Articles"),
         "upload": (None, None)}
NAV = {"ar": "نظرة عامة", "en": "Overview"}
TIMEOUT = 120_000


def open_view(page, base: str, path: str, query: str = "") -> None:
    """Go to a view and wait until its script has run (the nav label shows app.py ran)."""
    lang = "en" if "lang=en" in query else "ar"
    page.goto(f"{base}/{path}{'?' + query if query else ''}")
    page.locator('[data-testid="stSidebarNav"]').get_by_text(NAV[lang], exact=True).wait_for(timeout=TIMEOUT)
    page.wait_for_selector('[data-testid="stMainBlockContainer"] [data-testid="stVerticalBlock"]',
                           timeout=TIMEOUT)
    page.wait_for_selector('[data-test-script-state="notRunning"]', timeout=TIMEOUT)
    page.wait_for_timeout(800)
    # the theme's style block lands a moment after the first elements (st.html renders late)
    page.wait_for_function("() => Array.from(document.querySelectorAll('style'))"
                           ".some(s => s.textContent.includes('stMarkdownContainer'))", timeout=TIMEOUT)


def direction(page, selector: str) -> str:
    return page.locator(selector).first.evaluate("el => getComputedStyle(el).direction")


@pytest.mark.parametrize("path", list(PAGES))
@pytest.mark.parametrize("lang", ["ar", "en"])
def test_every_page_direction_and_screenshot(page, app_url, screenshots_dir, path, lang):
    open_view(page, app_url, path, "lang=en" if lang == "en" else "")
    want = "rtl" if lang == "ar" else "ltr"
    title = PAGES[path][0 if lang == "ar" else 1]
    if title:
        page.locator("h1").filter(has_text=title).first.wait_for(timeout=TIMEOUT)
        assert direction(page, "h1") == want
    assert direction(page, '[data-testid="stSidebar"]') == want
    assert direction(page, '[data-testid="stMainBlockContainer"] [data-testid="stMarkdownContainer"]') == want
    assert direction(page, '[data-testid="stWidgetLabel"]') == want
    if page.locator(".js-plotly-plot").count():
        assert direction(page, ".js-plotly-plot") == "ltr"  # plots keep their own geometry
    assert page.get_by_text("Page not found").count() == 0
    page.screenshot(path=str(screenshots_dir / f"{path or 'overview'}_{lang}.png"), full_page=True)
    assert page.dialogs == []


def test_table_first_column_is_on_the_right_in_arabic(page, app_url):
    open_view(page, app_url, "")
    page.wait_for_selector('[data-testid="stDataFrame"] th', state="attached", timeout=TIMEOUT)
    headers = page.locator('[data-testid="stDataFrame"]').first.locator("th").all_inner_texts()
    assert headers[-1].strip() == "التاريخ"  # the grid is left-to-right: last = rightmost
    open_view(page, app_url, "", "lang=en")
    page.wait_for_selector('[data-testid="stDataFrame"] th', state="attached", timeout=TIMEOUT)
    headers = page.locator('[data-testid="stDataFrame"]').first.locator("th").all_inner_texts()
    assert headers[0].strip() == "Date"


def test_shared_url_restores_the_view(page, app_url):
    query = f"q={quote('باكو')}&city=Baku&kind=talks&lang=en&from=2020-01-01"
    open_view(page, app_url, "articles", query)
    sidebar = page.locator('[data-testid="stSidebar"]')
    assert sidebar.locator('[data-testid="stTextInput"] input').first.input_value() == "باكو"
    chips = sidebar.locator('[data-testid="stMultiSelectTagsContainer"] [data-tag]').all_inner_texts()
    assert any("Baku" in c for c in chips) and any("Talks" in c for c in chips)
    shown = sidebar.locator('[data-testid="stDateInput"] input').first.input_value()
    assert shown.replace("\u2013", "-") == "2020-01-01"  # the widget draws en dashes
    assert sidebar.get_by_role("radio", name="English").is_checked()
    link = sidebar.locator('[data-testid="stCode"]').inner_text()
    assert "city=Baku" in link and "kind=talks" in link and "lang=en" in link
    assert page.dialogs == []


def test_bad_url_opens_with_a_notice(page, app_url):
    open_view(page, app_url, "timeline", "from=not-a-date&kind=dinner&lang=en")
    alert = page.locator('[data-testid="stAlert"]').filter(has_text="ignored")
    alert.first.wait_for(timeout=TIMEOUT)
    assert "from" in alert.first.inner_text() and "kind" in alert.first.inner_text()
    assert page.locator('[data-testid="stException"]').count() == 0


def test_hostile_article_shows_literally_and_runs_nothing(page, app_url, corpus_db):
    open_view(page, app_url, "articles", f"article={corpus_db['hostile_id']}")
    page.get_by_role("tab", name="قارئ المقالات").click()
    page.wait_for_timeout(1000)
    reader = page.locator('[role="tabpanel"]:visible')
    reader.get_by_text("onerror=alert(1)", exact=False).first.wait_for(timeout=TIMEOUT)
    body = reader.inner_text()
    assert "<img src=x onerror=alert(1)>" in body
    assert "<script>alert(2)</script>" in body and "$5" in body and ":red[" in body
    assert page.locator('img[src="x"]').count() == 0
    assert page.locator('[data-testid="stMainBlockContainer"] script').count() == 0
    open_view(page, app_url, "timeline")
    page.wait_for_timeout(1500)
    assert page.dialogs == []
