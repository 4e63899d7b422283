"""What a new user did in the browser (issue 11), each step performed as a person would."""
from __future__ import annotations

import datetime as dt
from urllib.parse import parse_qs, urlsplit

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

TIMEOUT = 120_000
TITLES = {"": ("نظرة عامة", "Overview"), "overview": ("نظرة عامة", "Overview"),
          "timeline": ("الخط الزمني للقاءات", "Timeline of meetings"),
          "figures": ("الأرقام الاقتصادية", "Economic figures"), "articles": ("المقالات", "Articles"),
          "upload": ("رفع المقالات", "Upload articles")}


def settle(page) -> None:
    """Wait until the script run (and any rerun it asked for) has finished."""
    page.wait_for_selector('[data-test-script-state="notRunning"]', timeout=TIMEOUT)
    page.wait_for_timeout(700)
    page.wait_for_selector('[data-test-script-state="notRunning"]', timeout=TIMEOUT)


def open_url(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector('[data-testid="stSidebarNav"]', timeout=TIMEOUT)
    page.wait_for_selector("h1", timeout=45_000)
    settle(page)


def query(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def share_link(page) -> str:
    return page.locator('[data-testid="stSidebar"] [data-testid="stCode"]').inner_text().strip()


def no_error_on_page(page) -> None:
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.get_by_text("Page not found").count() == 0
    assert page.get_by_text("Traceback").count() == 0


# ---- 1. a date outside the picker's range ---------------------------------------------------------

@pytest.mark.parametrize("param", ["from=2030-01-01", "to=1980-01-01", "from={soon}"])
def test_date_outside_the_picker_range_is_ignored_with_a_notice(page, app_url, param):
    soon = (dt.date.today() + dt.timedelta(days=4)).isoformat()
    open_url(page, f"{app_url}/timeline?lang=en&{param.format(soon=soon)}")
    no_error_on_page(page)
    sidebar = page.locator('[data-testid="stSidebar"]')
    sidebar.locator('[data-testid="stDateInput"]').nth(1).wait_for(timeout=30_000)  # filters still there
    assert sidebar.locator('[data-testid="stDateInput"]').count() == 2
    notice = page.locator('[data-testid="stAlert"]').filter(has_text="ignored")
    notice.first.wait_for(timeout=TIMEOUT)
    assert param.split("=")[0] in notice.first.inner_text()
    assert page.locator("h1").first.inner_text() == "Timeline of meetings"


# ---- 2. every page's share link, opened in a fresh browser ----------------------------------------

@pytest.mark.parametrize("path", list(TITLES))
def test_every_page_share_link_opens_the_same_view_in_a_fresh_browser(browser, app_url, path):
    first = browser.new_context(viewport={"width": 1400, "height": 1000})
    second = browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        page = first.new_page()
        open_url(page, f"{app_url}/{path}?lang=en&city=Baku")
        no_error_on_page(page)
        link = share_link(page)
        assert link.startswith(app_url)
        fresh = second.new_page()
        open_url(fresh, link)
        fresh.wait_for_timeout(800)
        no_error_on_page(fresh)
        assert fresh.locator("h1").first.inner_text() == TITLES[path][1]
        assert fresh.get_by_role("radio", name="English").is_checked()
        chips = fresh.locator('[data-testid="stSidebar"] [data-testid="stMultiSelectTagsContainer"] '
                              '[data-tag]').all_inner_texts()
        assert chips == ["Baku"]
        assert share_link(fresh) == link
    finally:
        first.close()
        second.close()


# ---- 3. switching the language keeps the chosen meeting ------------------------------------------

def _pick_option(page, container, index: int) -> str:
    container.locator('[data-testid="stSelectbox"]').first.click()
    options = page.get_by_role("option")
    options.first.wait_for(timeout=TIMEOUT)
    text = options.nth(index).inner_text()
    options.nth(index).click()
    settle(page)
    return text


def test_switching_language_on_the_timeline_keeps_the_chosen_meeting(page, app_url):
    open_url(page, f"{app_url}/timeline")
    default_event = query(page)["event"][0]
    main = page.locator('[data-testid="stMain"]')
    _pick_option(page, main, 0)
    chosen = query(page)["event"][0]
    assert chosen != default_event
    date_shown = main.locator('[data-testid="stMetricValue"]').first.inner_text()
    page.locator('[data-testid="stSidebar"]').get_by_text("English", exact=True).click()
    settle(page)
    page.locator("h1").filter(has_text="Timeline of meetings").wait_for(timeout=TIMEOUT)
    assert query(page)["event"] == [chosen]
    assert main.locator('[data-testid="stMetricValue"]').first.inner_text() == date_shown
    page.locator('[data-testid="stSidebar"]').get_by_text("العربية", exact=True).click()
    settle(page)
    assert query(page)["event"] == [chosen]
