"""The meeting record's permalink (/meeting?event=<id>) opened in a fresh browser (issue 12)."""
from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from browser.conftest import WAIT, browser_store, fresh_page, settle
from corpus.filters import Filters
from corpus.records import meeting_record

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _settle(page) -> None:
    """The run has ended, the theme's style block is in and the four metrics are drawn."""
    settle(page)
    page.wait_for_function("() => Array.from(document.querySelectorAll('style'))"
                           ".some(s => s.textContent.includes('stMarkdownContainer'))", timeout=WAIT)
    page.wait_for_function("() => document.querySelectorAll('[data-testid=\"stMetricValue\"]').length >= 4",
                           timeout=WAIT)


@pytest.fixture(scope="module")
def busiest_event(corpus_db) -> dict:
    """The event with the most articles in the browser tests' database, with its record."""
    with browser_store(corpus_db) as store:
        events = store.events(Filters()).sort_values(["n_articles", "id"], ascending=[False, True])
        event_id = int(events["id"].iloc[0])
        record = meeting_record(store, event_id)
    assert record is not None
    return {"id": event_id, "record": record}


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_record_permalink_restores_the_meeting_in_a_fresh_browser(browser, app_url, busiest_event, lang):
    event_id, record = busiest_event["id"], busiest_event["record"]
    with fresh_page(browser) as page:
        suffix = "&lang=en" if lang == "en" else ""
        page.goto(f"{app_url}/meeting?event={event_id}{suffix}")
        page.wait_for_selector("h1", timeout=WAIT)
        _settle(page)
        assert page.locator('[data-testid="stException"]').count() == 0
        assert page.locator("h1").first.inner_text() == ("Meeting record" if lang == "en" else "سجل اللقاء")
        assert parse_qs(urlsplit(page.url).query)["event"] == [str(event_id)]

        values = page.locator('[data-testid="stMetricValue"]').all_inner_texts()
        assert values[0].strip() == (record.date.isoformat() if record.date else
                                     ("no date" if lang == "en" else "بلا تاريخ"))
        n_articles = len(record.articles)
        summary = (f"{n_articles} article(s) from {len(record.outlets)} outlet(s)" if lang == "en"
                   else f"{n_articles} مقالة من {len(record.outlets)} مصدر")
        assert page.get_by_text(summary, exact=True).count() == 1
        cards = page.locator('[class*="st-key-rec_article_"][data-testid="stVerticalBlock"]')
        assert cards.count() == n_articles
        # Arabic titles are right to left in both interface languages.
        title = cards.first.locator('[class*="st-key-artext_rec_title_"] p').first
        assert title.evaluate("e => getComputedStyle(e).direction") == "rtl"
        # "start" in a right-to-left paragraph is the right edge too
        assert title.evaluate("e => getComputedStyle(e).textAlign") in ("right", "start")

        brief = page.locator('[class*="st-key-brief_en"]')
        if lang == "en":
            text = brief.inner_text()
            assert text.splitlines()[0] == "Generated from extracted fields; not a translation."
            assert text.splitlines() == record.brief_en.splitlines()
        else:
            assert brief.count() == 0
