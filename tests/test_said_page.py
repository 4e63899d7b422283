"""AppTest of the "who said what" page (/said?speaker=…) on a real store filled through ingest."""
from __future__ import annotations

import re
from urllib.parse import parse_qs

import pandas as pd
import pytest
from page_support import ingested_store, open_page, serving
from statement_articles import ARTICLES, CORRIDOR, ENERGY, EXPORTS, HARVEST, PEACE

from components.exports import to_csv_bytes
from components.statements import article_filters, export_frame, statement_markdown
from corpus.filters import Filters
from corpus.store import Store
HOSTILE = "=HYPERLINK(\"http://x\") <script>alert(1)</script> *نجمة* $5"


@pytest.fixture(scope="module")
def said_store():
    with ingested_store(ARTICLES) as store:
        yield store


@pytest.fixture
def installed(said_store):
    with serving(said_store) as store:
        yield store


def _open(params: dict[str, str]):
    return open_page("views/said.py", params)


def _plain(markdown: str) -> str:
    """Markdown as the reader sees it: escapes, highlights and direction isolates removed."""
    text = re.sub(r":orange-background\[\*\*(.*?)\*\*\]", r"[\1]", markdown)
    return re.sub(r"\\(.)", r"\1", text).replace("\u2066", "").replace("\u2069", "")


def _markdown(at) -> list[str]:
    return [_plain(m.value) for m in at.markdown]


def _baku(store: Store) -> str:
    events = store.events(Filters())
    return str(int(events[events["city"] == "Baku"]["id"].iloc[0]))


def test_said_page_in_arabic_lists_putins_statements_from_the_url(installed):
    at = _open({"speaker": "putin"})
    assert not at.exception
    assert at.title[0].value == "من قال ماذا"
    assert at.radio(key="said_speaker").value == "putin"
    assert at.query_params["speaker"] == "putin"
    texts = _markdown(at)
    assert "**عدد التصريحات: 3**" in texts
    assert [t for t in texts if t in (ENERGY, EXPORTS, HARVEST, PEACE)] == [ENERGY, EXPORTS, HARVEST]
    assert "**بوتين · كلام منقول**" in texts
    captions = [_plain(c.value) for c in at.caption]
    assert "2024-08-19 · سبوتنيك" in captions
    assert "وقال بوتين إن التعاون في مجال الطاقة بين البلدين يتطور بثبات." in captions
    links = [(p.proto.page, parse_qs(p.proto.query_string), p.proto.label) for p in at.get("page_link")]
    ids = installed.ids_by_name
    assert links[:2] == [("articles", {"article": [str(ids["baku.txt"])]}, "المقالة"),
                         ("meeting", {"event": [_baku(installed)]}, "سجل اللقاء")]
    assert [p for p, _, _ in links].count("meeting") == 2  # the cabinet meeting has no meeting record


def test_said_page_in_english_with_query_and_filters(installed):
    at = _open({"lang": "en", "q": "الحبوب OR الخليج", "from": "2023-01-01"})
    assert not at.exception
    assert at.title[0].value == "Who said what"
    assert at.radio(key="said_speaker").value == "both"
    texts = _markdown(at)
    assert "**Statements: 2**" in texts
    assert "«ممر شمال جنوب سيربط موانئنا [بالخليج] خلال ثلاث سنوات»" in texts  # direct quote, word marked
    assert "صادرات [الحبوب] الروسية إلى أذربيجان ارتفعت هذا العام" in texts
    assert texts.count("**Aliyev · direct quote**") == 1 and texts.count("**Putin · reported speech**") == 1
    sources = [_plain(c.value) for c in at.caption if " · " in c.value]
    assert sources == ["2024-08-19 · Sputnik", "2023-05-02 · Al Mayadeen"]
    links = [parse_qs(p.proto.query_string) for p in at.get("page_link") if p.proto.page == "articles"]
    assert links[0] == {"lang": ["en"], "q": ["الحبوب OR الخليج"], "from": ["2023-01-01"],
                        "article": [str(installed.ids_by_name["baku.txt"])]}


def test_choosing_a_speaker_writes_the_url_and_a_bad_one_is_reported(installed):
    at = _open({"lang": "en", "speaker": "peskov"})
    assert not at.exception
    assert any("“peskov” in the link is unknown" in w.value for w in at.warning)
    assert at.radio(key="said_speaker").value == "both" and "speaker" not in at.query_params
    assert "**Statements: 5**" in _markdown(at)
    at.radio(key="said_speaker").set_value("aliyev").run()
    assert at.query_params["speaker"] == "aliyev"
    assert [t for t in _markdown(at) if t.strip("«»") in (CORRIDOR, PEACE, ENERGY)] == [f"«{CORRIDOR}»", PEACE]


def test_nothing_matches_says_so(installed):
    at = _open({"lang": "en", "q": "باكو"})  # only in a lead, in nobody's statement
    assert not at.exception
    assert "**Statements: 0**" in _markdown(at)
    assert any("No statement of Putin or Aliyev" in i.value for i in at.info)


def test_statement_text_is_shown_literally_and_the_csv_is_neutralised():
    markdown = statement_markdown(HOSTILE, [(0, 10)], "direct")
    assert "<script>" not in markdown and "\\*نجمة\\*" in markdown and "\\$5" in markdown
    rows = pd.DataFrame([{"speaker": "putin", "mode": "direct", "text": HOSTILE, "sentence": "-1+1",
                          "hits": [], "article_id": 1, "event_id": None, "topics": ["energy"]}])
    frame = export_frame(rows)
    assert list(frame.columns)[:4] == ["speaker", "mode", "text", "sentence"] and "hits" not in frame
    csv = to_csv_bytes(frame).decode("utf-8-sig")
    ids = to_csv_bytes(pd.DataFrame({"event_id": pd.Series([2, None], dtype=object)})).decode("utf-8-sig")
    assert ids.splitlines() == ["event_id", "2", '""']  # an event id stays an integer beside a missing one
    assert "'=HYPERLINK" in csv and ",'-1+1," in csv and csv.endswith(",energy\r\n")


def test_a_direct_quote_is_put_in_quotation_marks_once():
    assert statement_markdown("نواصل حوارنا", [], "direct") == "«نواصل حوارنا»"
    assert statement_markdown('"نواصل حوارنا', [], "direct") == '"نواصل حوارنا'
    assert statement_markdown("نواصل حوارنا", [], "reported") == "نواصل حوارنا"


def test_article_links_keep_a_query_unless_it_excludes_words():
    assert article_filters(Filters(q="الحبوب")).q == "الحبوب"
    assert article_filters(Filters(q="الحبوب -محصول", lang="en")) == Filters(lang="en")
