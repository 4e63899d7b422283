"""clean_article: page furniture out, article in; spans and reasons reported; idempotent."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.clean import Cleaned, clean_article
from corpus.extract import extract_document

# Short sentences written for these tests (not taken from any article).
P1 = "استقبل الرئيس الروسي نظيره الأذربيجاني في العاصمة باكو وبحثا سبل تطوير التعاون بين البلدين."
P2 = "وقال الرئيس إن حجم التبادل التجاري بين البلدين ارتفع بنسبة كبيرة خلال العام الماضي."
P3 = "وأضاف أن الجانبين اتفقا على مواصلة المشاورات في المجالات الاقتصادية والإنسانية المختلفة."
OTHER = "وزير الخارجية يبحث مع نظيره التركي تعزيز العلاقات التجارية بين البلدين خلال زيارة قصيرة."
TITLE = "الرئيسان يبحثان العلاقات الثنائية في باكو"


def _body(text: str) -> str:
    return clean_article(text).text


def _reasons(text: str) -> list[str]:
    return [r for _, _, r in clean_article(text).removed]


# --- tails: everything from the marker on goes -------------------------------------------------
@pytest.mark.parametrize("marker", [
    "إقرأ أيضاً:", "اقرأ أيضا", "اقرأ أيضاً :", "مقالات مشابهة", "مقالات ذات صلة", "أخبار ذات صلة", "ذات صلة", "(المقالات ذات الصلة)", "التعليقات (4)",
    "كلمات دلالية", "الكلمات المفتاحية:", "اقرأ المزيد", "المزيد من الأخبار", "قد يهمك أيضاً",
])
def test_tail_marker_line_drops_the_rest(marker: str) -> None:
    text = f"{TITLE}\n\n{P1}\n\n{P2}\n\n{marker}\n{OTHER}\n\n{P3}"
    body = _body(text)
    assert P1 in body and P2 in body
    assert OTHER not in body and P3 not in body and "أيضا" not in body
    assert "tail" in _reasons(text)


def test_tail_marker_with_headline_on_same_line() -> None:
    text = f"{P1}\n{P2}\nاقرأ أيضا: {OTHER}\n{P3}"
    assert _body(text) == f"{P1}\n{P2}"


def test_tail_marker_glued_after_sentence_end() -> None:
    text = f"{P1} {P2} إقرأ أيضاً: {OTHER}"
    assert _body(text) == f"{P1} {P2}"


def test_tag_line_after_body_starts_tail() -> None:
    text = f"{P1}\n{P2}\nكلمات دلالية: روسيا أذربيجان الكرملين\n{OTHER}"
    cleaned = clean_article(text)
    assert cleaned.text == f"{P1}\n{P2}"
    assert cleaned.removed[-1][2] == "tail"


def test_tail_marker_before_the_article_is_only_navigation() -> None:
    # A menu line at the top must not swallow the whole article.
    text = f"اقرأ أيضا\n{TITLE}\n{P1}\n{P2}"
    cleaned = clean_article(text)
    assert P1 in cleaned.text and P2 in cleaned.text and TITLE in cleaned.text
    assert ("nav" in [r for _, _, r in cleaned.removed])


def test_marker_word_inside_a_sentence_is_not_a_tail() -> None:
    text = f"{P1}\nودعا الوزير المواطنين إلى أن يقرأوا أيضا ما نشرته الصحف عن الزيارة الرسمية الطويلة.\n{P2}"
    assert _body(text) == text


# --- single furniture lines ---------------------------------------------------------------------
@pytest.mark.parametrize("line, reason", [
    ("مشاركة :", "share"),
    ("شارك", "share"),
    ("أضف تعليق", "share"),
    ("تابعونا على فيسبوك وتويتر", "share"),
    ("انسخ الرابطhttps://example.com/a1", "share"),
    ("انسخ الرابط https://example.com/a1", "share"),
    ("https://example.com/news/123", "share"),
    ("إعلان", "ad"),
    ("Advertisement", "ad"),
    ("حمل تطبيق الموقع على هاتفك", "promo"),
    ("Ru En", "language"),
    ("AR | EN | FR", "language"),
    ("AA AA", "byline"),
    ("بقلم أحمد محمود", "byline"),
    ("كتب: سامي علي", "byline"),
    ("تاريخ النشر: 12 مايو 2023 - 10:15", "stamp"),
    ("آخر تحديث: 2023/05/12", "stamp"),
    ("المصدر: وكالة الأنباء", "source"),
])
def test_furniture_line_in_the_body_is_removed(line: str, reason: str) -> None:
    text = f"{TITLE}\n\n{P1}\n\n{line}\n\n{P2}"
    cleaned = clean_article(text)
    assert line.strip() not in cleaned.text
    assert P1 in cleaned.text and P2 in cleaned.text
    assert [r for _, _, r in cleaned.removed] == [reason]


def test_source_and_byline_lines_go_to_head() -> None:
    text = f"{P1}\nبقلم أحمد محمود\n{P2}\nالمصدر: وكالة الأنباء\nالمصدر: موقع الأخبار"
    cleaned = clean_article(text)
    assert cleaned.text == f"{P1}\n{P2}"
    assert cleaned.head.splitlines() == ["بقلم أحمد محمود", "المصدر: وكالة الأنباء",
                                         "المصدر: موقع الأخبار"]


def test_agency_boilerplate_glued_to_last_paragraph() -> None:
    boiler = ("الأخبار المنشورة على الصفحة الرسمية لوكالة الأنباء هي جزء من الخدمة. "
              "للاشتراك يرجى الاتصال بالرابط التالي.")
    text = f"{P1} {P2} {boiler}\nمشاركة :"
    cleaned = clean_article(text)
    assert cleaned.text == f"{P1} {P2}"
    assert [r for _, _, r in cleaned.removed] == ["agency", "share"]


def test_copyright_line_removed() -> None:
    assert _body(f"{P1}\nجميع الحقوق محفوظة © 2024") == P1


# --- header zone --------------------------------------------------------------------------------
def test_header_lines_move_to_head_title_stays() -> None:
    text = (f"{TITLE}\n\nوكالة الأنباء الدولية\nموسكو\nنشر في 03.05.2022 11:20\nAA AA\n\n"
            f"{P1}\n\n{P2}")
    cleaned = clean_article(text)
    assert cleaned.text == f"{TITLE}\n\n{P1}\n\n{P2}"
    assert cleaned.head.splitlines() == [TITLE, "وكالة الأنباء الدولية", "موسكو",
                                         "نشر في 03.05.2022 11:20", "AA AA"]
    assert [r for _, _, r in cleaned.removed] == ["header", "header", "stamp", "byline"]


def test_short_sentences_at_the_top_are_kept() -> None:
    text = "التقى الرئيسان اليوم.\nوبحثا التعاون.\n" + P1
    assert _body(text) == text


def test_source_glued_after_sentence_end() -> None:
    cleaned = clean_article(f"{P1} {P2} المصدر: وكالة الأنباء")
    assert cleaned.text == f"{P1} {P2}"
    assert cleaned.head == "المصدر: وكالة الأنباء"


def test_section_label_above_title() -> None:
    text = f"أخبار العالم\n{TITLE}\n{P1}"
    cleaned = clean_article(text)
    assert cleaned.text == f"{TITLE}\n{P1}"
    assert cleaned.head.splitlines()[0] == TITLE


def test_glued_section_labels() -> None:
    assert _body(f"سياسةالرئيسية\n{TITLE}\n{P1}") == f"{TITLE}\n{P1}"


def test_repeated_headline_and_glued_caption_removed() -> None:
    text = f"{TITLE}\n{TITLE}الرئيسان خلال اللقاء\n{P1}\n{TITLE}\n{P2}"
    cleaned = clean_article(text)
    assert cleaned.text == f"{TITLE}\n{P1}\n{P2}"
    assert [r for _, _, r in cleaned.removed] == ["repeat", "repeat"]


def test_stamp_line_under_title() -> None:
    text = f"{TITLE}\n١٥ مارس ٢٠٢٣\n{P1}"
    cleaned = clean_article(text)
    assert cleaned.text == f"{TITLE}\n{P1}"
    assert "١٥ مارس ٢٠٢٣" in cleaned.head


def test_subheading_in_body_is_kept() -> None:
    # Short lines after the article began are subheadings, not furniture.
    text = f"{P1}\nالتجارة والاستثمار\n{P2}\nموسكو\n{P3}"
    assert _body(text) == text


def test_date_line_in_body_is_kept() -> None:
    text = f"{P1}\n12 مايو 2023\n{P2}"
    assert _body(text) == text


def test_trailing_bullet_headlines_removed() -> None:
    text = f"{P1}\n{P2}\n• وزير يزور العاصمة\n• قمة اقتصادية الشهر المقبل\n• اتفاق جديد للنقل"
    cleaned = clean_article(text)
    assert cleaned.text == f"{P1}\n{P2}"
    assert [r for _, _, r in cleaned.removed] == ["related"] * 3


def test_bullets_inside_the_body_are_kept() -> None:
    text = f"{P1}\n• اتفاقية في مجال الطاقة\n• اتفاقية في مجال النقل\n{P2}"
    assert _body(text) == text


# --- conservatism -------------------------------------------------------------------------------
@pytest.mark.parametrize("sentence", [
    "شارك الرئيس الروسي في القمة الثلاثية التي عقدت في مدينة سوتشي المطلة على البحر الأسود.",
    "إعلان الرئيسين عن اتفاق جديد يفتح الباب أمام تعاون اقتصادي أوسع بين البلدين الجارين.",
    "تابعونا على الهواء مباشرة حيث ينقل مراسلنا وقائع المؤتمر الصحفي المشترك للرئيسين اليوم.",
    "نشر في الجريدة الرسمية نص الاتفاقية التي وقعها الرئيسان في باكو في شهر آب من عام 2024.",
])
def test_real_paragraphs_that_start_like_furniture_are_kept(sentence: str) -> None:
    text = f"{P1}\n{sentence}\n{P2}"
    assert _body(text) == text


def test_plain_article_unchanged() -> None:
    text = f"{TITLE}\n\n{P1}\n\n{P2}\n\n{P3}"
    cleaned = clean_article(text)
    assert cleaned == Cleaned(text, TITLE, [])


def test_empty_and_blank() -> None:
    assert clean_article("") == Cleaned("", "", [])
    assert clean_article("\n \n\r\n").text == ""


def test_windows_line_ends() -> None:
    text = f"{P1}\r\nإعلان\r\n{P2}\r\n"
    assert _body(text) == f"{P1}\n{P2}"


def test_removed_spans_point_at_the_input() -> None:
    text = f"{TITLE}\nإعلان\n{P1}\nمشاركة :\n{P2}\nاقرأ أيضا\n{OTHER}"
    cleaned = clean_article(text)
    pieces = {reason: text[s:e] for s, e, reason in cleaned.removed}
    assert pieces["ad"] == "إعلان"
    assert pieces["share"] == "مشاركة :"
    assert pieces["tail"] == f"اقرأ أيضا\n{OTHER}"


def test_matching_ignores_diacritics_and_alef_forms() -> None:
    assert _body(f"{P1}\nإِقْرَأْ أَيْضًا\n{OTHER}") == P1
    assert _body(f"{P1}\nاقرا ايضا\n{OTHER}") == P1


# --- real seeds (read at test time) -------------------------------------------------------------
@pytest.mark.parametrize("prefix", ["001_", "004_"])
def test_seed_tail_is_gone(seeds_dir: Path, prefix: str) -> None:
    files = sorted(seeds_dir.glob(f"{prefix}*.txt"))
    if not files:
        pytest.skip(f"no seed {prefix}*")
    text = files[0].read_text(encoding="utf-8")
    marker = text.index("إقرأ أيضاً")
    after = [ln.strip() for ln in text[marker:].splitlines()[1:] if len(ln.split()) > 3]
    assert after, "the seed should carry a related-articles tail"
    cleaned = clean_article(text)
    for line in after:
        assert line not in cleaned.text
    assert "كلمات دلالية" not in cleaned.text
    assert "المصدر:" not in cleaned.text and "المصدر:" in cleaned.head
    # The article itself survives: its first paragraph is still there.
    first_para = next(ln for ln in text.splitlines() if len(ln.split()) > 12)
    assert first_para.strip() in cleaned.text


def test_all_seeds_keep_their_long_paragraphs(seeds_dir: Path) -> None:
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        cleaned = clean_article(text)
        cut = min((text.find(m) for m in ("إقرأ أيضاً", "كلمات دلالية") if m in text),
                  default=len(text))
        for line in text[:cut].splitlines():
            if len(line.split()) > 12 and "الأخبار المنشورة" not in line:
                assert " ".join(line.split()) in cleaned.text, (path.name, line[:40])


def test_devset_articles_clean_without_losing_paragraphs(devset_dir: Path) -> None:
    for path in sorted((devset_dir / "articles").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        cleaned = clean_article(text)
        assert clean_article(cleaned.text).text == cleaned.text
        for line in text.splitlines():
            if len(line.split()) > 12:
                assert " ".join(line.split()) in cleaned.text, (path.name, line[:40])


# --- properties ---------------------------------------------------------------------------------
_PIECES = st.sampled_from([
    P1, P2, TITLE, OTHER, "\n", "\n\n", " ", ".", ":", "اقرأ أيضا", "كلمات دلالية:", "المصدر: ", "إعلان",
    "مشاركة :", "Ru En", "AA AA", "2024", "تاريخ النشر: ", "https://e.com/x", "• ", "\r\n", "ـ",
    "الأخبار المنشورة على الصفحة الرسمية لوكالة", "أخبار العالم", "موسكو", "انسخ الرابط", "«", "»",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_idempotent_on_article_like_text(text: str) -> None:
    once = clean_article(text)
    assert clean_article(once.text).text == once.text


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_never_raises_and_idempotent_on_any_text(text: str) -> None:
    once = clean_article(text)
    assert isinstance(once.text, str) and isinstance(once.head, str)
    for start, end, reason in once.removed:
        assert 0 <= start <= end <= len(text) and reason
    assert clean_article(once.text).text == once.text


@pytest.mark.parametrize("line", ["تابعوا RT على", "تابعونا على Telegram", "تابعونا عبر CNN"])
def test_a_follow_line_naming_the_outlet_in_latin_is_furniture(line):
    body = "التقى الرئيسان اليوم في موسكو وبحثا ملفات التعاون الاقتصادي والطاقة بين البلدين."
    assert clean_article(f"{line}\n\n{body}").text.strip() == body


def test_a_sentence_naming_an_outlet_in_latin_is_kept():
    text = "وقال بوتين لقناة RT على هامش القمة إن العلاقات جيدة."
    assert clean_article(text).text.strip() == text


# --- bidirectional controls: pasted around numbers and names, meaningless to the reader ---------
@pytest.mark.parametrize("mark", ["\u200f", "\u200e", "\u061c", "\u202b", "\u202c", "\u2067", "\u2069"])
def test_bidi_controls_are_dropped_from_the_body(mark: str) -> None:
    text = f"{P1}\nوبلغ حجم التبادل التجاري {mark}4{mark}.5 مليار دولار{mark} في العام الماضي."
    body = _body(text)
    assert mark not in body
    assert "4.5 مليار دولار في العام الماضي" in body


@pytest.mark.parametrize("mark", ["\u200f", "\u200e", "\u2066"])
def test_a_figure_split_by_a_bidi_control_is_still_read(mark: str) -> None:
    text = f"{P1}\nوبلغ حجم التبادل التجاري بين البلدين {mark}4.{mark}5 مليار دولار خلال العام الماضي."
    figures = extract_document(text).figures
    assert [(f.value, f.unit) for f in figures] == [(4.5e9, "USD")]


@pytest.mark.parametrize("mark", ["\u200b", "\u200c", "\u200d", "\ufeff", "\u00ad"])
def test_zero_width_characters_inside_words_are_dropped(mark: str) -> None:
    text = f"{P1}\nوقال بو{mark}تين إن حجم التبادل مع أذر{mark}بيجان بلغ 4{mark}.5 مليار دولار في العام الماضي."
    assert _body(text).splitlines()[-1] == "وقال بوتين إن حجم التبادل مع أذربيجان بلغ 4.5 مليار دولار في العام الماضي."


def test_a_name_split_by_a_non_joiner_is_read_as_the_name() -> None:
    text = ("استقبل الرئيس الروسي فلاديمير بوتين اليوم الخميس 6 ديسمبر 2018 في سان بطرسبورغ نظيره الأذربيجاني "
            "إلهام علي\u200cيف وبحثا التعاون الاقتصادي.")
    meetings = extract_document(text).meetings
    assert [(m.date, m.city) for m in meetings] == [("2018-12-06", "Saint Petersburg")]
    assert "\u200c" not in meetings[0].evidence


# --- doubled spaces: one space to the reader, so one space to every pattern ---------------------
def test_runs_of_spaces_inside_a_line_become_one() -> None:
    text = f"{P1}\nوقال  الرئيس\u00a0\u00a0إن  الصادرات بلغت 1  200  000 طن."
    assert _body(text).splitlines()[-1] == "وقال الرئيس إن الصادرات بلغت 1 200 000 طن."


@pytest.mark.parametrize("text, values", [
    ("وبلغت صادرات القمح إلى أذربيجان  1  200  000  طن في العام الماضي.", [(1_200_000, "other")]),
    ("وارتفع حجم التبادل التجاري  بنسبة  12  في المئة  خلال العام الماضي.", [(12, "percent")]),
])
def test_figures_written_with_doubled_spaces(text: str, values: list[tuple[float, str]]) -> None:
    assert [(f.value, f.unit) for f in extract_document(f"{P1}\n{text}").figures] == values


def test_a_premier_with_doubled_spaces_is_not_taken_for_aliyev() -> None:
    text = ("ومن  المقرر  أن  يلتقي  رئيس  الوزراء  الروسي  فلاديمير  بوتين  نظيره  الأذربيجاني  "
            "أرتور  راسي  زاده  في  وقت  لاحق  لبحث  ملفات  الطاقة.")
    assert extract_document(f"{P2}\n{text}").meetings == []


def test_a_ticker_of_timed_bullets_is_the_news_not_a_related_block():
    text = ("شريط الأخبار | آخر تحديث: 09-11-2020 22:40\n\n"
            "● 22:31 الكرملين: الرئيس الأذربيجاني اتصل اليوم بالرئيس الروسي وقدم اعتذاره.\n"
            "● 22:10 وزارة الدفاع: مقتل اثنين من طاقم المروحية.\n"
            "● 21:20 ارتفاع أسعار النفط بعد إعلان نتائج اللقاح.")
    assert "22:31 الكرملين" in clean_article(text).text
    related = ("بحث الوزيران في باكو اليوم سبل تطوير العلاقات الثنائية بين البلدين في مجالات الطاقة والنقل "
               "والتجارة، واتفقا على مواصلة المشاورات.\n\n● بوتين يزور باكو الشهر المقبل\n● ارتفاع أسعار النفط")
    assert "بوتين يزور باكو" not in clean_article(related).text
