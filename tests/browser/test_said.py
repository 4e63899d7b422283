"""The "who said what" page opened from a link (/said?speaker=…) in a fresh browser (issue 12 §3)."""
from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from browser.conftest import WAIT, browser_store, settle
from corpus.filters import Filters

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def known(corpus_db) -> dict:
    """From the browser tests' database: Aliyev's statements, and Putin's in the hostile article."""
    with browser_store(corpus_db) as store:
        aliyev = store.statements(Filters(), speaker="aliyev")
        putin = store.statements(Filters(), speaker="putin").rows
        hostile = putin[putin["article_id"] == corpus_db["hostile_id"]].iloc[0].to_dict()
    assert aliyev.total and "<script>" in hostile["text"]
    return {"aliyev": aliyev.rows.iloc[0].to_dict(), "n_aliyev": aliyev.total, "hostile": hostile}


def _settle(page) -> None:
    settle(page)
    page.wait_for_selector('[class*="st-key-said_card_0"]', timeout=WAIT)


def _words(text: str) -> str:
    return " ".join(str(text).split())


def test_said_link_shows_aliyevs_statements_right_to_left(page, app_url, known):
    page.goto(f"{app_url}/said?speaker=aliyev")
    _settle(page)
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.locator("h1").first.inner_text() == "من قال ماذا"
    assert parse_qs(urlsplit(page.url).query)["speaker"] == ["aliyev"]
    assert page.get_by_text(f"عدد التصريحات: {known['n_aliyev']}", exact=True).count() == 1
    assert page.get_by_role("radio", name="علييف").is_checked()
    card = page.locator('[class*="st-key-said_card_0"]').first
    said = card.locator('[class*="st-key-artext_said_text_0"] p').first
    assert _words(said.inner_text()).strip("«»") == _words(known["aliyev"]["text"])
    assert said.evaluate("e => getComputedStyle(e).direction") == "rtl"
    assert "علييف" in card.inner_text() and "بوتين ·" not in card.inner_text()
    assert page.dialogs == []


def test_said_shows_a_hostile_statement_literally_with_its_links(page, app_url, known):
    row = known["hostile"]
    page.goto(f"{app_url}/said?speaker=putin&lang=en&q=مليارات")
    _settle(page)
    assert page.locator("h1").first.inner_text() == "Who said what"
    card = page.locator('[class*="st-key-said_card_0"]').first
    text = card.locator('[class*="st-key-artext_said_text_0"]').inner_text()
    assert "<script>alert(2)</script>" in text and "$5" in text and "*تقريبا*" in text
    assert _words(text).strip("«»") == _words(row["text"])
    links = card.locator('[data-testid="stPageLink-NavLink"]')
    links.last.wait_for(timeout=WAIT)
    hrefs = [a.get_attribute("href") or "" for a in links.all()]  # relative: "articles?…"
    article = [h for h in hrefs if urlsplit(h).path.endswith("articles")]
    assert parse_qs(urlsplit(article[0]).query)["article"] == [str(row["article_id"])]
    meeting = [h for h in hrefs if urlsplit(h).path.endswith("meeting")]
    assert parse_qs(urlsplit(meeting[0]).query)["event"] == [str(row["event_id"])]
    assert page.dialogs == []
