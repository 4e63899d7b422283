"""Injection: markup in article text never renders, SQL/FTS syntax in queries never executes.

1. SQL and FTS metacharacters in search queries and filters (both databases): the results equal a
   plain-Python reference, nothing is executed (the tables are still there, the count unchanged).
2. Script, HTML, Markdown and LaTeX payloads in titles, outlets, bodies, evidence sentences and
   file names, shown by the real dashboard in headless Chromium on every page that shows text:
   no dialog opens, no element is created from the content, the text shows literally.
"""
from __future__ import annotations

import dataclasses
import re
import urllib.parse
from pathlib import Path

import pytest

from reliability_support import Dashboard, scratch_database, wait_for_page
from hostile_corpus import VALID
from corpus.extract import extract_document
from corpus.filters import Filters, decode
from corpus.models import RawDocument
from corpus.search import brute_force, matches, parse_query

PAYLOADS = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "**bold**", "$x^2$",
            ":red[x]", "[link](javascript:alert(1))"]
PLOTLY_PAYLOADS = ['<a href="javascript:alert(1)">plotlink</a>', "<b>plotbold</b>"]
SQL_QUERIES = ["'; DROP TABLE articles; --", "%", "_", '"', "*", "NEAR(", "OR", "بوتين OR",
               "OR OR", '"بوتين', "بوتين*", "-", "--", "'", "\\", "%بوتين%", "بو_ين", "a' OR '1'='1",
               "NEAR(بوتين علييف)", "بوتين AND NOT", "(بوتين", "^بوتين", "{col}:x", "terms:بوتين",
               "articles_fts", "';DELETE FROM sources;--", "$1", ":m", "x'); DROP TABLE sources; --",
               "بوتين' || '", "\x00", "1=1", "NOT", "أو", "بوتين أو", "-بوتين", "\"\"", "' OR 1=1 --"]

# Short articles written for this test; the payloads sit inside Arabic sentences.
BODIES = [
    ("استقبل الرئيس الروسي فلاديمير بوتين الرئيس الأذربيجاني إلهام علييف في موسكو يوم 12 مارس 2024 "
     "{p} وبحثا التعاون في الطاقة.\nوقال بوتين إن التبادل التجاري بلغ 4 مليارات دولار {p} في عام 2023.\n"),
    ("أجرى علييف اتصالا هاتفيا مع بوتين يوم 5 مايو 2023 {p} تناول النقل والطاقة.\n"
     "وأشار إلى أن 100% من الشحنات {p} وصلت في موعدها وأن نسبة النمو بلغت 15 بالمئة.\n"),
]


def _payload_article(i: int, payload: str) -> tuple[RawDocument, object]:
    # A distinct article after the payload sentences, so the store does not merge them as duplicates.
    body = BODIES[i % 2].format(p=payload) + VALID[i]
    text = f"{payload} بوتين وعلييف {i}\n{body}"
    doc = RawDocument(source=f"{payload}.txt", text=text, fmt="txt",
                      hints={"url": "javascript:alert(1)" if i == 0 else f"https://example.org/{i}"})
    ex = extract_document(text, doc.source, {})
    ex.title = f"{payload} بوتين وعلييف {i}"
    ex.outlet = payload
    return doc, ex


def _fill_payload_store(url: str) -> dict[str, int]:
    """Store one article per payload; returns (payload → article id, ids of the meeting events)."""
    from corpus.store import Store
    store = Store(url)
    ids = {}
    try:
        for i, payload in enumerate(PAYLOADS + PLOTLY_PAYLOADS):
            doc, ex = _payload_article(i, payload)
            ids[payload] = store.add_article(doc, ex, who=payload).article_id
        store.rebuild_events()
        events = [int(e) for e in store.events()["id"]]
    finally:
        store.close()
    return ids, events


# --- 1. SQL / FTS metacharacters ----------------------------------------------------------------

META_ROWS = [
    ("'; DROP TABLE articles; --", "'; DROP TABLE articles; --",
     "بوتين وعلييف يبحثان '; DROP TABLE articles; -- التعاون في موسكو يوم 3 مارس 2024."),
    ("100% نمو", "%", "ارتفع التبادل التجاري بنسبة 100% وفق بيان مشترك صدر في باكو عن الرئيسين."),
    ("a_b", "_", "قال علييف إن الملف a_b يتعلق بالنقل وإن بوتين وافق على المشروع."),
    ('"quoted"', '"', 'أكد بوتين أن "الشراكة" مع أذربيجان ستستمر NEAR( كل الظروف OR غيرها.'),
    ("نص عادي", "وكالة", "التقى الرئيسان في سوتشي وبحثا الطاقة والزراعة والسياحة في المنطقة."),
]


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def meta_store(request, tmp_path_factory):
    """One store per database for the module: these tests only read (and check nothing changed)."""
    from corpus.store import Store
    with scratch_database(request.param, tmp_path_factory.mktemp("meta")) as url:
        store = Store(url)
        for title, outlet, body in META_ROWS:
            ex = extract_document(body, title, {})
            ex.title, ex.outlet = title, outlet
            store.add_article(RawDocument(source=f"{outlet}.txt", text=body, fmt="txt"), ex)
        yield store
        store.close()


def _reference(store, q: str) -> set[int]:
    frame = store.articles()
    docs = [(int(r.id), f"{r.title}\n{store.article(int(r.id))['clean_text']}") for r in frame.itertuples()]
    return brute_force(parse_query(q), docs)


def _tables(store) -> set[str]:
    import sqlalchemy as sa
    return set(sa.inspect(store.engine).get_table_names())


@pytest.mark.parametrize("q", SQL_QUERIES)
def test_sql_metacharacters_in_search(meta_store, q):
    tables, count = _tables(meta_store), meta_store.count()
    got = set(meta_store.articles(Filters(q=q))["id"].astype(int))
    query = parse_query(q)
    if not query.clauses:
        # Exclusion-only or empty queries keep the articles not excluded (or all of them).
        assert got == {i for i in meta_store.articles()["id"].astype(int)} - (
            set() if not query.excluded else set(meta_store.articles()["id"].astype(int)) - _reference(meta_store, q))
    else:
        assert got == _reference(meta_store, q)
    hits = meta_store.search(q)
    assert {h.article_id for h in hits} <= got | set()
    meta_store.kwic(q)
    assert _tables(meta_store) == tables and meta_store.count() == count == len(META_ROWS)


def test_sql_queries_find_what_the_text_says(meta_store):
    titles = lambda q: set(meta_store.articles(Filters(q=q))["title"])  # noqa: E731
    assert titles("DROP TABLE") == {"'; DROP TABLE articles; --"}
    assert titles("a_b") == {"a_b"}  # "_" is not a wildcard
    assert titles("100%") == {"100% نمو"}  # "%" is not a wildcard
    assert titles('"الشراكة"') == {'"quoted"'}
    assert titles("NEAR(") == {'"quoted"'}  # NEAR is a word, not an FTS5 operator


@pytest.mark.parametrize("field", ["outlets", "cities", "kinds", "topics"])
@pytest.mark.parametrize("value", ["'; DROP TABLE articles; --", "%", "_", '"', "*", "' OR '1'='1"])
def test_sql_metacharacters_in_filters(meta_store, field, value):
    tables = _tables(meta_store)
    filters = dataclasses.replace(Filters(), **{field: (value,)})
    got = list(meta_store.articles(filters)["outlet"])
    expected = [o for _, o, _ in META_ROWS if o == value] if field == "outlets" else []
    assert sorted(got) == sorted(expected)  # exact match: % and _ are not LIKE wildcards
    meta_store.events(filters), meta_store.figures(filters), meta_store.coverage(filters)
    assert _tables(meta_store) == tables and meta_store.count() == len(META_ROWS)


def test_sql_metacharacters_through_the_url(meta_store):
    params = {"q": "'; DROP TABLE articles; --", "outlet": ["%", "'; DROP TABLE articles; --"],
              "city": ["' OR 1=1 --"], "from": "2024-01-01'; --", "kind": ["talks' --"]}
    filters, ignored = decode(params)
    assert set(ignored) >= {"from", "kind"}
    got = meta_store.articles(filters)
    assert got.empty  # the city filter matches no city
    assert meta_store.count() == len(META_ROWS) and "articles" in _tables(meta_store)


# --- 2. payloads in a real browser ----------------------------------------------------------------

@pytest.fixture(scope="module")
def payload_dashboard(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("inject")
    url = f"sqlite:///{tmp / 'inject.sqlite'}"
    ids, events = _fill_payload_store(url)
    app = Dashboard(url, tmp / "streamlit.log")
    app.ids, app.events = ids, events
    yield app
    app.stop()


DANGER_JS = """() => {
  const out = [];
  for (const el of document.querySelectorAll('img[src="x"], [onerror], [onload]:not(body):not(iframe), iframe[src^="javascript"]'))
    out.push('element ' + el.outerHTML.slice(0, 120));
  for (const s of document.scripts) if (s.textContent.includes('alert(1)')) out.push('script ' + s.textContent.slice(0, 80));
  for (const a of document.querySelectorAll('a[href], [href], [*|href]'))
    { const h = (a.getAttribute('href') || a.getAttribute('xlink:href') || '');
      if (h.trim().toLowerCase().startsWith('javascript')) out.push('link ' + a.outerHTML.slice(0, 120)); }
  for (const k of document.querySelectorAll('.katex, .katex-display')) out.push('katex ' + k.textContent.slice(0, 60));
  return out;
}"""

# Payloads that must appear literally where article text is shown as text (Markdown, captions).
LITERAL_ON = {
    "articles": PAYLOADS,
    "overview": PLOTLY_PAYLOADS,  # outlet names in the outlets chart (plotly reads some HTML tags)
    # The Figures page plots ledger lines, which name no outlet; its pages are still checked for
    # rendered markup, scripts and dialogs like every other page.
}
PAGES = ["overview", "timeline", "figures", "articles", "articles?q=bold", "articles?q=x",
         "articles?q=alert", "upload", "timeline?lang=en"]


def _visit(browser, base: str, path: str) -> tuple[list[str], list[str], str]:
    context = browser.new_context(locale="ar")
    page = context.new_page()
    dialogs: list[str] = []

    def on_dialog(d):
        dialogs.append(f"{d.type}: {d.message}")
        d.dismiss()
    page.on("dialog", on_dialog)
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{base}/{path}", wait_until="domcontentloaded")
    wait_for_page(page)
    # Open every tab and expander so lazily shown content is in the DOM too.
    for tab in page.query_selector_all("[data-baseweb='tab']"):
        if tab.is_visible():
            tab.click()
            page.wait_for_timeout(300)
    for summary in page.query_selector_all("[data-testid='stExpander'] summary"):
        if summary.is_visible():
            summary.click()
    page.wait_for_timeout(800)
    wait_for_page(page)
    danger = page.evaluate(DANGER_JS)
    text = page.evaluate("() => document.querySelector(\"[data-testid='stAppViewContainer']\").textContent")
    context.close()
    return dialogs + danger, errors, text


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("path", PAGES)
def test_payloads_do_not_render(browser, payload_dashboard, path):
    problems, _errors, text = _visit(browser, payload_dashboard.base, path)
    assert problems == [], problems
    page_name = path.split("?")[0]
    assert "Traceback" not in text and "StreamlitAPIException" not in text
    if page_name in LITERAL_ON:
        q = urllib.parse.parse_qs(urllib.parse.urlsplit(path).query).get("q", [""])[0]
        shown = [p for p in LITERAL_ON[page_name] if not q or matches(parse_query(q), p)]
        missing = [p for p in shown if p not in text]
        assert not missing, f"shown altered or not at all on {path}: {missing}"


@pytest.mark.browser
@pytest.mark.slow
def test_timeline_evidence_shows_payloads_literally(browser, payload_dashboard):
    """Each meeting of the payload articles opened on the timeline (the URL's event parameter):
    the evidence quotes and outlets show every payload literally, and nothing renders."""
    if not payload_dashboard.events:
        pytest.fail("no meeting events were grouped from the payload articles")
    texts = []
    for event_id in payload_dashboard.events:
        problems, _errors, text = _visit(browser, payload_dashboard.base, f"timeline?event={event_id}")
        assert problems == [], (event_id, problems)
        assert "Traceback" not in text
        texts.append(text)
    missing = [p for p in PAYLOADS if not any(p in text for text in texts)]
    assert missing == [], f"not shown literally on any event: {missing}"


@pytest.mark.browser
@pytest.mark.slow
def test_reader_shows_every_payload_article_literally(browser, payload_dashboard):
    """Each payload article opened in the reader (the URL's article parameter): literal text."""
    failures = []
    for payload, article_id in payload_dashboard.ids.items():
        problems, _errors, text = _visit(browser, payload_dashboard.base, f"articles?article={article_id}")
        if problems:
            failures.append((payload, problems))
        elif text.count(payload) < 2:  # title and body at least
            failures.append((payload, "not shown literally"))
    assert failures == []


def test_payload_fixture_holds_markup(tmp_path):
    """The browser test is only meaningful if the markup reached the database unchanged."""
    url = f"sqlite:///{tmp_path / 'p.sqlite'}"
    ids, _ = _fill_payload_store(url)
    from corpus.store import Store
    store = Store(url)
    try:
        for payload, article_id in ids.items():
            art = store.article(article_id)
            assert art["title"].startswith(payload) and art["outlet"] == payload
            assert payload in art["clean_text"], (payload, art["clean_text"][:200])
    finally:
        store.close()
