"""A link with two queries (/?q=…&q2=…) opened in a fresh browser draws both series (issue 12 §4)."""
from __future__ import annotations

from urllib.parse import parse_qs, quote, urlsplit

import pytest

from browser.conftest import WAIT, browser_store, fresh_page
from corpus import coverage
from corpus.filters import Filters

pytestmark = [pytest.mark.browser, pytest.mark.slow]

Q, Q2 = "باكو", "موسكو"
FSI, PDI = "\u2068", "\u2069"


@pytest.fixture(scope="module")
def expected(corpus_db) -> dict[str, dict[str, int]]:
    """The comparison as the core computes it on the browser tests' database: name → {x: y}."""
    with browser_store(corpus_db) as store:
        frame = coverage.compare(store, Filters(q=Q), Q2, "month")
    out: dict[str, dict[str, int]] = {}
    for query, start, n in zip(frame["query"], frame["start"], frame["n_articles"]):
        out.setdefault(query, {})[start.isoformat()] = int(n)
    assert sum(out[Q].values()) and sum(out[Q2].values())
    return out


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_a_link_with_two_queries_draws_both_series(browser, app_url, expected, lang):
    with fresh_page(browser) as page:
        suffix = "&lang=en" if lang == "en" else ""
        page.goto(f"{app_url}/?q={quote(Q)}&q2={quote(Q2)}{suffix}")
        page.wait_for_selector("h1", timeout=WAIT)
        page.wait_for_selector('[data-test-script-state="notRunning"]', timeout=WAIT)
        chart = page.locator('[data-testid="stMain"] [data-testid="stPlotlyChart"]').first
        chart.locator(".main-svg").first.wait_for(state="attached", timeout=WAIT)
        assert page.locator('[data-testid="stException"]').count() == 0
        traces = chart.locator(".js-plotly-plot").first.evaluate(
            "e => (e._fullData || []).map(t => ({name: t.name, type: t.type,"
            " x: Array.from(t.x || []).map(String), y: Array.from(t.y || [])}))")
        got = {tr["name"].replace(FSI, "").replace(PDI, ""): {x[:10]: y for x, y in zip(tr["x"], tr["y"])}
               for tr in traces}
        assert got == expected
        # both names are drawn in the legend, as plain text
        legend = chart.locator(".legend").first.text_content() or ""
        assert Q in legend and Q2 in legend
        # the second query box shows the link's q2, and the URL keeps it
        box = page.locator('.st-key-cov_q2 input')
        assert box.input_value() == Q2
        assert parse_qs(urlsplit(page.url).query).get("q2") == [Q2]
