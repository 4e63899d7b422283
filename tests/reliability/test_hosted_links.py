"""Shared links that carry Markdown in their parameter names (issue 13, item 8): the notice about
ignored parameters must show the names as typed: no link, no image fetched, no javascript: link.
A real dashboard in headless Chromium; each hostile URL opened once."""
from __future__ import annotations

import urllib.parse

import pytest

from hosted_support import MAIN, alerts, open_page
from reliability_support import Dashboard

pytestmark = [pytest.mark.browser, pytest.mark.slow]

HOSTILE_NAMES = [
    "[Log in again](http://evil.example/login)",
    "![t](http://127.0.0.1:{port}/tracker.png)",
    "[x](javascript:alert(1))",
    "<https://evil.example/auto>",
    "**bold** :red[red] $x^2$",
    "see www.evil.example or mail x@evil.example",
]

# Anything in the main area built from the parameter names.
BUILT_JS = f"""() => {{
  const main = document.querySelector("{MAIN}");
  const out = [];
  for (const a of main.querySelectorAll('a[href]')) {{
    const h = a.getAttribute('href');
    if (/evil|javascript|tracker/i.test(h)) out.push('link ' + h);
  }}
  for (const i of main.querySelectorAll('img')) out.push('img ' + i.getAttribute('src'));
  for (const k of main.querySelectorAll('.katex, strong')) out.push('markup ' + k.textContent);
  return out;
}}"""
LINKS_ONLY_JS = BUILT_JS.replace("'.katex, strong'", "'.katex'")  # titles are bold on purpose


@pytest.fixture(scope="module")
def links_app(tmp_path_factory):
    from corpus.ingest import ensure_built
    from corpus.store import Store

    folder = tmp_path_factory.mktemp("links")
    url = f"sqlite:///{folder / 'links.sqlite'}"
    store = Store(url)
    ensure_built(store)
    store.close()
    app = Dashboard(url, folder / "server.log")
    yield app
    app.stop()


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_ignored_parameter_names_show_literally(browser, links_app, name):
    name = name.replace("{port}", str(links_app.port))
    query = urllib.parse.urlencode({name: "1"})
    context, page = open_page(browser, links_app.base, f"overview?{query}")
    requested = page.evaluate("() => performance.getEntriesByType('resource').map(e => e.name)")
    built = page.evaluate(BUILT_JS)
    # Shown as typed; the invisible word joiners that keep bare URLs from becoming links aside.
    shown = [a.replace("\u2060", "") for a in alerts(page)]
    context.close()
    assert built == []
    assert any(name in a for a in shown), shown
    assert not [u for u in requested if "tracker.png" in u or "evil.example" in u]


# --- item 12: bare URLs in titles and outlets --------------------------------------------------

URL_TITLE = "بوتين وعلييف http://evil.example/title www.evil.example"
URL_OUTLET = "https://evil.example/outlet x@evil.example"


@pytest.fixture(scope="module")
def url_app(tmp_path_factory):
    from hostile_corpus import VALID

    from corpus.extract import extract_document
    from corpus.models import RawDocument
    from corpus.store import Store

    folder = tmp_path_factory.mktemp("urls")
    url = f"sqlite:///{folder / 'urls.sqlite'}"
    store = Store(url)
    text = f"{URL_TITLE}\n{VALID[0]}"
    doc = RawDocument(source="urls.txt", text=text, fmt="txt", hints={})
    ex = extract_document(text, doc.source, {})
    ex.title, ex.outlet = URL_TITLE, URL_OUTLET
    article_id = store.add_article(doc, ex, who="test").article_id
    store.rebuild_events()
    store.close()
    app = Dashboard(url, folder / "server.log")
    app.article_id = article_id
    yield app
    app.stop()


@pytest.mark.parametrize("path", ["overview", "articles", "articles?q=evil", "timeline", "figures",
                                  "upload", "articles?article={id}"])
def test_urls_in_titles_and_outlets_are_not_links(browser, url_app, path):
    context, page = open_page(browser, url_app.base, path.replace("{id}", str(url_app.article_id)))
    for summary in page.query_selector_all("[data-testid='stExpander'] summary"):
        if summary.is_visible():
            summary.click()
    page.wait_for_timeout(500)
    built = page.evaluate(LINKS_ONLY_JS)
    context.close()
    assert built == []
