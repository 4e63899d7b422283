"""Dashboard building blocks without a browser: safe text, strings, tables, exports, URL state, word cloud (charts: test_charts.py)."""
from __future__ import annotations

import datetime as dt
import html
import json
import re
from pathlib import Path

import pandas as pd
import pytest
from component_support import events_frame
from hypothesis import given, settings
from hypothesis import strategies as st_h

from components import i18n
from components.article_view import is_checked, with_event_dates
from components.exports import BOM, to_csv_bytes, to_json_bytes
from components.filterbar import fit_to_widgets, page_link, resolve_url_state, share_query
from components.i18n import t
from components.tables import context_after, context_before, localize
from components.text import highlight_segments, highlight_text, ltr, safe_inline, safe_md, safe_url, truncate
from components.theme import LTR_CSS, RTL_CSS, css_for, css_string
from components.wordcloud import layout_words, render_wordcloud, visual_text
from corpus.filters import Filters

ROOT = Path(__file__).resolve().parent.parent
_UNESCAPE = re.compile(r"\\(.)", re.S)


def _render_literal(md: str) -> str:
    """What a Markdown renderer shows for our escaped source: backslash escapes, entities, breaks."""
    return html.unescape(_UNESCAPE.sub(r"\1", md.replace("  \n", "\n")))


# ---- safe text ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "<img src=x onerror=alert(1)>",
    "<script>alert('x')</script> بوتين",
    "السعر $5 و $6 للبرميل",
    "*نجمة* و _مائل_ و **عريض**",
    ":red[أحمر] :smile: :orange-background[خلفية]",
    "# عنوان\n- بند\n1. أول\n> اقتباس",
    "[رابط](javascript:alert(1))",
    "`code` ~~شطب~~ | جدول |",
    "&lt;b&gt; و &amp;",
])
def test_safe_md_shows_text_literally(text):
    md = safe_md(text)
    assert "<" not in md and ">" not in md.replace("&gt;", "")
    assert not re.search(r"(?<!\\)[$*_\[\]`:#|~]", md.replace("&lt;", "").replace("&gt;", "")
                         .replace("&amp;", "").replace("&quot;", ""))
    assert _render_literal(md) == text


@settings(max_examples=200, deadline=None)
@given(st_h.text(alphabet=st_h.sampled_from(list("ابتثجحخ بوتين$*_[]()#:-.!|~>`<&;\\\n 0123456789ab")),
                 max_size=60))
def test_safe_md_round_trips_any_text(text):
    assert _render_literal(safe_md(text)) == text


def test_safe_inline_keeps_one_line():
    assert "\n" not in safe_inline("سطر\nآخر")


def test_highlight_escapes_hits_and_context():
    segments = [("قال <b>الرئيس</b> إن ", False), ("]**:red[باكو", True), (" $1 مليار", False)]
    md = highlight_segments(segments)
    assert md.count(":orange-background[**") == 1
    assert "<b>" not in md and not re.search(r"(?<!\\)\$", md)
    inner = md.split(":orange-background[**", 1)[1].rsplit("**]", 1)[0]
    assert _render_literal(inner) == "]**:red[باكو"


def test_highlight_keeps_spaces_outside_markers_and_skips_blank_hits():
    md = highlight_segments([("في ", False), (" موسكو ", True), ("  ", True), ("اليوم", False)])
    assert md.count(":orange-background") == 1
    assert ":orange-background[**موسكو**]" in md
    assert highlight_segments(None) == "" and highlight_segments([]) == ""


@pytest.mark.parametrize("url, expected", [
    ("https://example.org/a?b=1", "https://example.org/a?b=1"),
    ("http://x.az/خبر", "http://x.az/خبر"),
    ("javascript:alert(1)", None), ("JaVaScRiPt:alert(1)", None), ("data:text/html,<b>", None),
    ("https://x.org/\"onmouseover=alert(1)", None), ("", None), (None, None), ("/relative", None),
])
def test_safe_url_allows_only_http(url, expected):
    assert safe_url(url) == expected


def test_highlight_text_marks_spans_keeps_paragraphs_and_escapes():
    text = "زار بوتين باكو.\n<b>بوتين</b> $5"
    md = highlight_text(text, [(4, 9), (19, 24), (30, 40)])  # the last span is out of range
    assert md.count(":orange-background[**بوتين**]") == 2
    assert "  \n" in md and "<b>" not in md and "\\$5" in md
    assert _render_literal(highlight_text(text, [])) == text


def test_ltr_isolates_without_override():
    assert ltr("2024-08-19") == "\u20662024-08-19\u2069"
    assert ltr("") == "" and "\u202e" not in ltr("x") and "\u202d" not in ltr("x")


def test_truncate_cuts_at_word_boundary():
    assert truncate("التقى الرئيسان في باكو اليوم", 14) == "التقى الرئيسان…"
    assert truncate("قصير", 10) == "قصير"


# ---- strings ------------------------------------------------------------------------------------

_PLACEHOLDER = re.compile(r"{(\w+)}")


def test_catalogue_has_both_languages_and_same_placeholders():
    cat = i18n.catalogue()
    assert len(cat) > 100
    for key, entry in cat.items():
        assert entry.get("ar", "").strip() and entry.get("en", "").strip(), key
        assert set(_PLACEHOLDER.findall(entry["ar"])) == set(_PLACEHOLDER.findall(entry["en"])), key


def test_every_key_used_in_code_exists():
    used: set[str] = set()
    for path in [*ROOT.glob("components/*.py"), *ROOT.glob("views/*.py"), ROOT / "app.py"]:
        used |= set(re.findall(r"""\bt\(\s*["']([a-z_]+\.[a-z_.0-9]+)["']""", path.read_text("utf-8")))
    assert used, "no t('…') calls found"
    missing = sorted(k for k in used if not i18n.has(k))
    assert not missing


def test_translated_reader_reasons_are_the_readers_own_words():
    readers = "\n".join(p.read_text("utf-8") for p in sorted((ROOT / "corpus" / "readers").glob("*.py")))
    reasons = {k: v for k, v in i18n.catalogue().items() if k.startswith("upload.reader.")}
    assert reasons
    for key, entry in reasons.items():
        assert f'"{entry["en"]}"' in readers, key  # a reworded reason would silently stay English


def test_translation_and_fallbacks():
    assert i18n.t("nav.timeline", "ar") == "الخط الزمني"
    assert i18n.t("nav.timeline", "en") == "Timeline"
    assert i18n.t("articles.results", "ar", n=3) == "النتائج (3)"
    assert i18n.t("no.such.key", "ar") == "no.such.key"
    assert i18n.kind_label("phone_call", "ar") == "اتصال هاتفي"
    assert i18n.code_label("metric", "weird_code", "en") == "weird_code"


def test_city_labels_from_lexicon():
    if not i18n.city_names_ar():
        pytest.skip("cities.yaml not present")
    assert i18n.city_label("Baku", "ar") == "باكو"
    assert i18n.city_label("Baku", "en") == "Baku"
    assert i18n.city_label("Atlantis", "ar") == "Atlantis"
    assert i18n.city_label(None, "ar") == "غير معروف"


def test_city_entry_shapes_are_all_understood():
    assert i18n._city_entry_names(None, {"en": "Baku", "ar": ["باكو", "باكوا"]}) == ("Baku", "باكو")
    assert i18n._city_entry_names("Moscow", {"ar": "موسكو"}) == ("Moscow", "موسكو")
    assert i18n._city_entry_names("Sochi", ["سوتشي"]) == ("Sochi", "سوتشي")
    assert i18n._city_entry_names("Baku", "باكو") == ("Baku", "باكو")
    assert i18n._city_entry_names("X", 3) == (None, None)


# ---- theme ---------------------------------------------------------------------------------------

def test_css_sets_direction_without_override():
    assert "direction: rtl" in RTL_CSS and "text-align: right" in RTL_CSS
    # Arabic-only blocks (concordance, mirrored grids) are right to left in both UI languages
    ltr_page = re.sub(r'\[class\*="st-key-[^{]*\{[^}]*\}', "", LTR_CSS)
    assert "direction: rtl" not in ltr_page and "direction: ltr" in LTR_CSS
    rtl_page = re.sub(r'\[class\*="st-key-[^{]*\{[^}]*\}', "", RTL_CSS)
    assert "unicode-bidi: plaintext" in ltr_page and "plaintext" not in rtl_page
    for css in (RTL_CSS, LTR_CSS):  # article text blocks are right to left in both UI languages
        block = css.split('[class*="st-key-artext"]', 1)[1].split("}", 1)[0]
        assert "direction: rtl" in block and "text-align: right" in block
    for css in (RTL_CSS, LTR_CSS):
        assert "bidi-override" not in css
        assert "@import" not in css and "url(" not in css  # no network font
        assert "Noto Naskh Arabic" in css
        assert css.startswith("<style>") and css.count("<") == 2  # nothing but the style block
    assert css_for("ar") is RTL_CSS and css_for("en") is LTR_CSS
    # plots and sliders stay left-to-right inside the RTL page
    ltr_block = RTL_CSS.split('[data-testid="stSlider"]', 1)[1].split("}", 1)[0]
    assert "direction: ltr" in ltr_block


def test_css_string_cannot_be_ended_by_the_text_it_carries():
    assert css_string("أفلت الملفات هنا") == '"أفلت الملفات هنا"'
    hostile = css_string('a"; } body { display: none } </style><script>')
    inner = hostile[1:-1]
    assert hostile[0] == hostile[-1] == '"' and not any(c in inner for c in "\"';{}<>/")
    assert "\\00003c" in inner  # "<" as a CSS escape


def test_uploader_words_in_the_css_come_from_the_i18n_table():
    for css, lang in ((RTL_CSS, "ar"), (LTR_CSS, "en")):
        assert f"content: {css_string(t('upload.choose_button', lang))}" in css
        assert f"content: {css_string(t('upload.drop_here', lang))}" in css
        assert '[data-testid="stFileUploaderDropzoneInstructions"] { display: none; }' in css


# ---- tables and exports --------------------------------------------------------------------------

def test_untitled_articles_are_named_in_tables_not_left_blank():
    from components.tables import titled
    frame = pd.DataFrame({"title": ["بوتين في باكو", None, "  ", float("nan")], "id": [1, 2, 3, 4]})
    assert titled(frame, "ar")["title"].tolist() == ["بوتين في باكو"] + ["(بلا عنوان)"] * 3
    assert titled(frame, "en")["title"].tolist()[1] == "(untitled)"
    assert frame["title"].tolist()[1] is None  # the caller's frame is left as it was


def test_localize_reverses_columns_in_arabic_only():
    cols = ["date", "city", "kind", "n_articles"]
    ar = localize(events_frame(), cols, "ar")
    en = localize(events_frame(), cols, "en")
    assert list(en.columns) == ["Date", "City", "Kind", "Articles"]
    assert list(ar.columns) == ["عدد المقالات", "النوع", "المدينة", "التاريخ"]
    assert ar["النوع"].tolist() == ["زيارة", "محادثات"]
    assert en["Kind"].tolist() == ["Visit", "Talks"]


def test_localize_skips_missing_columns_and_blanks_none():
    df = pd.DataFrame({"title": ["عنوان", None], "outlet": [None, "وكالة"]})
    out = localize(df, ["title", "outlet", "nope"], "en")
    assert list(out.columns) == ["Title", "Outlet"]
    assert out["Title"].tolist() == ["عنوان", ""] and out["Outlet"].tolist() == ["", "وكالة"]


def test_csv_has_bom_and_arabic_and_flat_lists():
    df = pd.DataFrame({"title": ["بوتين في باكو"], "topics": [["energy", "transport"]],
                       "snippet": [[("قال ", False), ("بوتين", True)]]})
    data = to_csv_bytes(df)
    assert data.startswith(BOM.encode("utf-8"))
    text = data.decode("utf-8-sig")
    assert "بوتين في باكو" in text and "energy; transport" in text and "قال بوتين" in text
    back = pd.read_csv(__import__("io").BytesIO(data), encoding="utf-8-sig")
    assert back.loc[0, "title"] == "بوتين في باكو"


def test_json_keeps_arabic_and_dates():
    import datetime as dt
    df = pd.DataFrame({"title": ["علييف"], "published": [dt.date(2024, 8, 19)], "value": [4e9],
                       "value_max": [float("nan")]})
    data = to_json_bytes(df)
    assert "علييف".encode("utf-8") in data
    rows = json.loads(data)
    assert rows == [{"title": "علييف", "published": "2024-08-19", "value": 4e9, "value_max": None}]


def test_reader_meetings_take_the_linked_event_date_marked_inferred():
    meetings = pd.DataFrame([{"date": None, "city": "Baku", "event_id": 3, "inferred": False},
                             {"date": "2024-04-22", "city": "Moscow", "event_id": 2, "inferred": False}])
    out = with_event_dates(meetings, {3: "2024-08-19", 2: "2030-01-01"}.get, "ar")
    assert out["date"].tolist() == ["2024-08-19", "2024-04-22"]  # a written date is never replaced
    assert out["inferred"].tolist() == [True, False]


def test_is_checked_forms():
    assert is_checked(True) and not is_checked(False) and not is_checked(None)
    assert is_checked({"figures": True}) and not is_checked({}) and not is_checked({"x": False})
    assert is_checked({"figures": True}, "figures") and not is_checked({"figures": True}, "meetings")


# ---- URL state -----------------------------------------------------------------------------------

def test_url_wins_when_it_changed():
    session = {"_flt_filters": Filters(q="قديم"), "_flt_last_params": {"q": ["قديم"]}}
    filters, ignored, from_url = resolve_url_state({"q": ["جديد"], "kind": ["bogus"]}, session)
    assert filters.q == "جديد" and ignored == ["kind"] and from_url


def test_session_wins_when_url_unchanged_or_dropped_by_page_switch():
    current = Filters(q="بوتين", cities=("Baku",))
    session = {"_flt_filters": current, "_flt_last_params": {"q": ["بوتين"], "city": ["Baku"]}}
    assert resolve_url_state({"q": ["بوتين"], "city": ["Baku"]}, session) == (current, [], False)
    assert resolve_url_state({}, session) == (current, [], False)


def test_share_query_round_trips_arabic():
    from urllib.parse import parse_qs
    f = Filters(q="بوتين علييف", cities=("Baku", "Moscow"), lang="en")
    params = parse_qs(share_query(f))
    assert params == {"q": ["بوتين علييف"], "city": ["Baku", "Moscow"], "lang": ["en"]}


def test_share_query_keeps_arabic_readable_and_encodes_reserved_characters():
    query = share_query(Filters(q="بوتين & علييف", lang="en"), {"event": "7"})
    assert query == "q=بوتين%20%26%20علييف&lang=en&event=7"
    assert "\u2066" not in share_query(Filters(q="\u2066x"))  # invisible marks stay encoded


@pytest.mark.parametrize("context_url, page, expected", [
    ("http://h:8501/overview?lang=en", "", "http://h:8501/?lang=en"),
    ("http://h:8501/", "timeline", "http://h:8501/timeline?lang=en"),
    ("http://h:8501", "", "http://h:8501/?lang=en"),
    ("https://h/dash/articles?article=3", "figures", "https://h/dash/figures?lang=en"),
    ("https://h/dash/", "", "https://h/dash/?lang=en"),
    ("", "timeline", "/timeline?lang=en"),
])
def test_page_link_names_the_page_drawn_not_the_address_typed(context_url, page, expected):
    assert page_link(context_url, page, "lang=en", ["timeline", "figures", "articles"]) == expected


@pytest.mark.parametrize("filters, dropped", [
    (Filters(date_from=dt.date(2030, 1, 1)), ["from"]),
    (Filters(date_to=dt.date(1980, 1, 1)), ["to"]),
    (Filters(date_from=dt.date(2026, 1, 9)), ["from"]),  # a few days after today
    (Filters(date_from=dt.date(2024, 1, 1), date_to=dt.date(2026, 1, 5)), []),
    (Filters(date_from=dt.date(1985, 1, 1)), []),  # before 1990 but inside the corpus
])
def test_dates_outside_the_picker_range_are_dropped(filters, dropped):
    facets = {"min_date": "1984-05-01", "max_date": "2025-11-30"}
    fitted, names = fit_to_widgets(filters, facets, dt.date(2026, 1, 5))
    assert names == dropped
    for name in ("date_from", "date_to"):
        assert getattr(fitted, name) == (None if name.replace("date_", "") in names else getattr(filters, name))


def test_kwic_contexts_keep_the_words_next_to_the_hit():
    before = "في العاصمة الروسية موسكو وبحث الرئيسان التعاون في مجالات الطاقة والنقل والتجارة مع"
    after = "نظيره الأذربيجاني في الكرملين وقال إن حجم التبادل التجاري تجاوز أربعة مليارات دولار"
    short_before, short_after = context_before(before, 30), context_after(after, 30)
    assert short_before.startswith("…") and before.endswith(short_before[1:])
    assert short_after.endswith("…") and after.startswith(short_after[:-1])
    assert len(short_before) <= 31 and len(short_after) <= 31
    assert short_before[1:].split()[0] in before.split()  # whole words only
    assert short_after[:-1].split()[-1] in after.split()
    assert context_before("قصير") == "قصير" and context_after(None) == ""


# ---- word cloud ----------------------------------------------------------------------------------

TERMS = [("بوتين", 30), ("علييف", 25), ("أذربيجان", 20), ("باكو", 12), ("TASS", 8), ("2024", 6),
         ("الشمال-الجنوب", 5), ("التعاون", 4), ("الطاقة", 3)]


def test_wordcloud_places_every_word_without_overlap():
    placed = layout_words(TERMS, 900, 500)
    assert [w for w, _, _ in placed] == [w for w, _ in TERMS]
    sizes = [s for _, s, _ in placed]
    assert sizes == sorted(sizes, reverse=True)


def test_wordcloud_draws_an_image():
    image = render_wordcloud(TERMS, 600, 320)
    assert image.size == (600, 320)
    colours = image.convert("RGB").getcolors(maxcolors=1_000_000)
    assert len(colours) > 10  # words were drawn, anti-aliased


def test_wordcloud_shapes_arabic_once():
    from components import wordcloud
    text, opts = visual_text("بوتين")
    if wordcloud.HAS_RAQM:
        assert text == "بوتين" and opts["direction"] == "rtl"  # raqm shapes it
    else:
        assert text != "بوتين" and opts == {}  # reshaped and reordered by us
    assert visual_text("TASS") == ("TASS", {})


def test_wordcloud_empty_is_blank():
    image = render_wordcloud([], 200, 100)
    assert image.getcolors() == [(200 * 100, (255, 255, 255))]
