"""A ledger line's permalink (/figures?line=<line id>) opened in a fresh browser (issue 12 §2)."""
from __future__ import annotations

from urllib.parse import parse_qs, quote, urlsplit

import pytest

from browser.conftest import WAIT, browser_store, fresh_page
from corpus.ledger import build_ledger, line_id

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def busiest_line(corpus_db) -> dict:
    """The ledger line with the most quotes in the browser tests' database, with its quotes."""
    with browser_store(corpus_db) as store:
        ledger = build_ledger(store.figures().to_dict("records"))
    assert ledger.lines, "the seeds quote no figure with a period"
    line = max(ledger.lines, key=lambda ln: len(ln.quotes))
    return {"id": line_id(line.key), "quotes": sorted(q.text for q in line.quotes)}


def test_a_line_link_shows_its_quotes_in_a_fresh_browser(browser, app_url, busiest_line):
    dialogs: list[str] = []
    with fresh_page(browser) as page:
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(f"{app_url}/figures?line={quote(busiest_line['id'], safe='')}")
        page.wait_for_selector('[class*="st-key-artext_lg_quote_0"]', timeout=WAIT)
        page.wait_for_selector('[data-test-script-state="notRunning"]', timeout=WAIT)
        assert page.locator('[data-testid="stException"]').count() == 0
        assert page.locator("h1").first.inner_text() == "الأرقام الاقتصادية"
        assert parse_qs(urlsplit(page.url).query)["line"] == [busiest_line["id"]]

        cards = page.locator('[class*="st-key-artext_lg_quote_"]')
        assert cards.count() == len(busiest_line["quotes"])
        shown = sorted(cards.nth(i).locator("strong").first.inner_text().strip() for i in range(cards.count()))
        assert shown == busiest_line["quotes"]
        # Arabic quotes read right to left; each card links to its article.
        # (the page may run once more after writing line= back to the URL: wait for the last drawing)
        page.wait_for_selector('[data-test-script-state="notRunning"]', timeout=WAIT)
        page.wait_for_function("""() => { const p = document.querySelector('[class*="st-key-artext_lg_quote_0"] p');
            return p && getComputedStyle(p).direction === 'rtl'; }""", timeout=30_000)
        assert cards.first.locator("p").first.evaluate("e => getComputedStyle(e).direction") == "rtl"
        links = page.locator('[class*="st-key-lg_quote_"] a[href*="articles?"]')
        links.nth(len(busiest_line["quotes"]) - 1).wait_for(timeout=WAIT)  # drawn after the quotes
        assert links.count() == len(busiest_line["quotes"])
        assert "article=" in (links.first.get_attribute("href") or "")
        assert not dialogs
