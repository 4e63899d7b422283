"""Metadata: title, outlet, publication date, language, with provenance."""
from __future__ import annotations

from datetime import date

import pytest

from corpus.extract.metadata import extract_metadata, find_title, guess_language, is_commentary, is_item_list
from corpus.extract.datelines import dateline_month_day
from corpus.extract.published import find_published, find_today

BODY = "التقى الرئيس الروسي نظيره الأذربيجاني في سوتشي وبحثا العلاقات الثنائية بين البلدين."


@pytest.mark.parametrize("head,expected", [
    ("عنوان الخبر هنا\nتاريخ النشر: 22nd, April 2024 GMT", "2024-04-22"),
    ("عنوان الخبر هنا\nنشر في 26.11.2021 18:23", "2021-11-26"),
    ("عنوان الخبر هنا\n10:49 م الأحد 18 أغسطس 2024", "2024-08-18"),
    ("عنوان الخبر هنا\nعرب وعالم19-8-2024 | 15:40", "2024-08-19"),
    ("عنوان الخبر هنا\n٢٢ أبريل ٢٠٢٤", "2024-04-22"),
    # a crawler's " date …" under the page's own date line is the crawl's
    ("إندبندنت عربية | اقتصاد\nالخميس 16 أكتوبر 2025 9:15\nعنوان الخبر هنا\n date 2025-10-17", "2025-10-16"),
    ("عنوان الخبر هنا\n date 2025-10-09", "2025-10-09"),
    # ... but a byline's "بتاريخ" under a page header's date is the article's
    ("الأحد 18 أغسطس 2024\nعنوان الخبر هنا\nبتاريخ 10 أغسطس 2024", "2024-08-10"),
    # the English order with an Arabic month, as blog platforms print it
    ("القدس العربي | عربي دولي\nسبتمبر 30, 2014", "2014-09-30"),
    ("عنوان الخبر هنا\nنشر في أكتوبر 5، 2020", "2020-10-05"),
    # a crawl stamp is not a publication date; the labelled one below it is
    ("صحيفة ما:\n2025-05-28@00:20:02 GMT\nعنوان\nتاريخ النشر: 19th, August 2024 GMT", "2024-08-19"),
    ("صحيفة ما:\n2025-05-28@00:20:02 GMT\nعنوان الخبر هنا", None),
    # a stamp late in the evening in universal time is the next day under the newsroom's dateline
    ("باكو – 20 أغسطس 2024\nتاريخ النشر: 2024-08-19T21:15Z", "2024-08-20"),
    ("باكو – 20 أغسطس 2024\nتاريخ النشر: 19.08.2024 23:05 GMT", "2024-08-20"),
    # not in the morning, and not without the dateline a day after
    ("باكو – 20 أغسطس 2024\nتاريخ النشر: 2024-08-19T09:15Z", "2024-08-19"),
    ("باكو – 22 أغسطس 2024\nتاريخ النشر: 2024-08-19T21:15Z", "2024-08-19"),
    ("عنوان الخبر هنا\nتاريخ النشر: 2024-08-19T21:15Z", "2024-08-19"),
    ("باكو – 20 أغسطس 2024\nتاريخ النشر: 2024-08-19 21:15 GMT+3", "2024-08-19"),
])
def test_published_from_header(head, expected):
    assert find_published(BODY, head)[0] == expected


def test_published_from_parenthesised_dateline():
    text = "عنوان الخبر\n\n(وكالة ما / سبوتنيك - 11 كانون الثاني 2021ء) أعلن الكرملين اليوم عن محادثات."
    assert find_published(text) == ("2021-01-11", "text: dateline")


def test_date_in_running_text_is_not_publication():
    text = ("عنوان الخبر هنا\nوقال الكرملين إن الاتفاقات الموقعة بتاريخ 9 نوفمبر 2020 ما زالت سارية "
            "وإن البلدين أقاما علاقات في 4 أبريل 1992.")
    assert find_published(text)[0] is None


def test_published_from_url_when_text_has_none():
    assert find_published(BODY, "", "https://example.com/news/2022/10/31/some-title") == ("2022-10-31", "url")
    assert find_published(BODY, "", "https://example.com/a/2418760")[0] is None


def test_hints_win():
    meta = extract_metadata(BODY, {"title": "عنوان من HTML", "published": "2024-01-02", "outlet": "X"})
    assert (meta.title, meta.published, meta.outlet) == ("عنوان من HTML", "2024-01-02", "X")
    assert meta.provenance == {"title": "hint", "published": "hint", "outlet": "hint", "language": "letters",
                               "today": "publication date"}


@pytest.mark.parametrize("header,expected", [
    ("روسيا اليوم | أخبار العالم | ٢٧ تشرين الثاني ٢٠٢١ | ١٠:٤٥ ت.غ", "2021-11-27"),
    ("موقع الأخبار | أخبار العالم | 19 أوت 2024 - 18:30", "2024-08-19"),
    ('بودكاست "ما وراء الخبر" | حلقة 30 ديسمبر 2024', "2024-12-30"),  # a one-word label
    ("موقع الأخبار | بوتين يزور باكو في 19 أوت 2024 | سياسة", None),  # a title segment, not a date
])
def test_a_header_of_segments_one_of_them_the_date_dates_the_page(header, expected):
    text = f"{header}\n\nعنوان الخبر\n\nبحث الوزيران اليوم العلاقات الثنائية بين البلدين وسبل تطويرها في المجالات كافة."
    assert find_published(text)[0] == expected


def test_an_update_stamp_gives_way_to_the_header_date():
    body = "بحث الوزيران العلاقات الثنائية بين البلدين وسبل تطويرها في المجالات كافة."
    text = f"القدس العربي | 27 - نوفمبر - 2021\n\nعنوان الخبر\n\n{body}\n\nآخر تحديث: 28 - نوفمبر - 2021 | 09:14"
    assert find_published(text)[0] == "2021-11-27"
    assert find_published(f"آخر تحديث: 28 - نوفمبر - 2021 | 09:14\n\n{body}")[0] == "2021-11-28"  # the only stamp
    # the published date before the update's label on one line
    assert find_published(f"قازان، 23 أكتوبر 2024 (تاس)\n24.10.2024 - محدث : 25.10.2024\n\n{body}")[0] == "2024-10-24"


@pytest.mark.parametrize("header,published,today", [
    # a republished page: its text's first publication, which is also its today
    ("من الأرشيف | نُشر هذا التقرير لأول مرة في 11 يناير 2021، وأعيد نشره في 10 نوفمبر 2021",
     "2021-01-11", "2021-01-11"),
    ("حدث في مثل هذا اليوم | نُشر لأول مرة في 13 أغسطس 2013 - أعيد نشره في 13 أغسطس 2023",
     "2013-08-13", "2013-08-13"),
    # a translation: the Arabic text's date, its today the original's
    ("ترجمة خاصة | النص الأصلي: 28.12.2024 — تاريخ الترجمة: 30 ديسمبر 2024", "2024-12-30", "2024-12-28"),
    # a portal's copy: its own stamp, its today the original's
    ("نُشر: 12.03.2024 - 09:30 | المصدر الأصلي: وكالة الأناضول، 11.03.2024", "2024-03-12", "2024-03-11"),
    ("ترجمات | النص الأصلي منشور بالروسية في 22 فبراير 2022 | الترجمة العربية: 25 فبراير 2022",
     "2022-02-25", "2022-02-22"),
])
def test_a_page_with_its_texts_first_date_and_a_later_one(header, published, today):
    meta = extract_metadata(f"{header}\n\nعنوان الخبر\n\n{BODY}")
    assert (meta.published, meta.today) == (published, today)


@pytest.mark.parametrize("code,expected", [
    ("كونا121812 جمت أكت 23", "2023-10-12"),
    ("كونا٢٩١٨٣٥ جمت سبت ١٤", "2014-09-29"),  # Arabic-Indic digits
    ("كونا010930 جمت ينا 25", "2025-01-01"),
    ("كونا261422 جمت مايو 23", "2023-05-26"),  # the month in full
])
def test_an_agency_transmission_code_at_the_end_dates_the_wire(code, expected):
    text = ("بيشكيك - 12 - 10 (كونا) -- بحث وزيرا الخارجية اليوم العلاقات الثنائية.\n"
            f"وأضاف البيان أن الجانبين اتفقا على مواصلة التشاور. (النهاية)\nع ص ح / م ع ا\n{code}")
    assert find_published(text) == (expected, "text: agency transmission code")


def test_a_transmission_code_inside_the_body_or_impossible_dates_nothing():
    body = "كونا121812 جمت أكت 23 رقم ورد في التقرير.\n" + "\n".join(f"سطر {i} من التقرير الاقتصادي." for i in range(8))
    assert find_published(body) == (None, None)
    assert find_published("نص الخبر.\nكونا311200 جمت فبر 23") == (None, None)  # 31 February


@pytest.mark.parametrize("text,expected", [
    (BODY + "\nالمصدر: نوفوستي\nالمصدر: RT Arabic", "RT Arabic"),
    (BODY + "\nالمصدر: عين ليبيا", "Ain Libya"),
    (BODY + "\nالمصدر: نوفوستي", "RIA Novosti"),
    ("وكالة الأناضول للأنباء\nموسكو\n" + BODY, "Anadolu Agency"),
])
def test_outlet(text, expected):
    assert extract_metadata(text).outlet == expected


def test_outlet_from_url_domain():
    assert extract_metadata(BODY, {"url": "https://arabic.rt.com/world/1558528-x/"}).outlet == "RT Arabic"


@pytest.mark.parametrize("text,expected", [
    ("بوتين وعلييف يلتقيان في سوتشي\n\n" + BODY, "بوتين وعلييف يلتقيان في سوتشي"),
    ("إعلان\n\nبوتين يصل إلى أذربيجان في زيارة رسمية\n\n" + BODY, "بوتين يصل إلى أذربيجان في زيارة رسمية"),
    ("بوتين يصل إلى باكو اليوم بوتين يصل إلى باكو اليوم صورة الرئيسين\n" + BODY, "بوتين يصل إلى باكو اليوم"),
    (BODY * 4, None),  # the page starts with a paragraph: no title shown
])
def test_title(text, expected):
    assert find_title(text) == expected


@pytest.mark.parametrize("text,lang", [(BODY, "ar"), ("Putin met Aliyev in Sochi on Friday.", "en"),
                                       ("Путин встретился с Алиевым", "other"), ("12345", None)])
def test_language(text, lang):
    assert guess_language(text) == lang


def test_bidi_controls_never_reach_the_title():
    text = "\u202eبوتين\u202e\u2066 و\u2067علييف\u202c يبحثان التعاون\n\n" + BODY
    assert extract_metadata(text).title == "بوتين وعلييف يبحثان التعاون"
    assert extract_metadata(BODY, {"title": "عنوان\u202e مقلوب"}).title == "عنوان مقلوب"


def test_a_yearless_dateline_under_a_crawl_stamp_takes_the_stamps_year():
    text = ("crawled: 2024-12-30T06:10:00Z | source: example.ma\n\n"
            "موسكو - 29 دجنبر (وكالة) - أعلن الديوان اليوم الأحد عن برنامج الزيارة.")
    assert find_published(text) == ("2024-12-29", "text: dateline, year from the crawl stamp")


def test_a_crawl_stamp_alone_is_not_a_publication_date():
    assert find_published("crawled: 2024-12-30T06:10:00Z\n\nنص الخبر بلا تاريخ ولا مكان.") == (None, None)


@pytest.mark.parametrize("text,expected", [
    ("BAKU, Aug. 19 (AGENCY) –\nنص الخبر هنا عن الزيارة.", (8, 19)),
    ("MOSCOW, December 28 (Agency)\nنص الخبر هنا عن الاتصال.", (12, 28)),
    ("باكو، 24 أكتوبر (وكالة) - نص الخبر هنا عن الاتصال.", (10, 24)),
    ("نص الخبر هنا يذكر 24 أكتوبر في وسط الجملة لا في أولها ولا في سطر التاريخ.", None),
    # a year-less date line under the site's name
    ("الموقع - دولية\nالخميس 7 أكتوبر\nبوتين يتلقى تهنئة من علييف", (10, 7)),
])
def test_month_and_day_of_a_yearless_dateline(text, expected):
    assert dateline_month_day(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a site-name line, a menu and a title before the dateline that opens the lead
    ("وكالة الأنباء الإيرانية\nالرئيسية | سياسة | اقتصاد\n\nقادة خمس دول يجتمعون في العاصمة الإيرانية\n\n"
     "طهران، 16 تشرين الاول/اكتوبر 2007 (ارنا) - افتتح الرؤساء صباح اليوم الثلاثاء قمتهم الثانية في القاعة الكبرى",
     "2007-10-16"),
    # a Gulf dateline: the Hijri date first, the Gregorian after «الموافق», the agency's short name last
    ("الرياض 14 رمضان 1445 هـ الموافق 24 مارس 2024 م واس\nاستقبل الوزير اليوم وفدا تجاريا زائرا في مقر الوزارة",
     "2024-03-24"),
    ("عمّان 5 ربيع الأول 1446 هـ الموافق 8 سبتمبر 2024 م (بترا) - بحث الجانبان اليوم التعاون الاقتصادي بين البلدين",
     "2024-09-08"),
    # a paper's header line: weekday, Hijri date, Gregorian date, issue number
    ("الصحيفة\nالخميس - 12 رجب 1445 هـ - 25 يناير 2024 مـ رقم العدد [16521]\n\nعنوان الخبر", "2024-01-25"),
    # numeric Hijri date, «الموافق», an update label, a clock time and its zone
    ("عنوان الخبر\nالأحد 14/5/1446 هـ - الموافق 17/11/2024 م (آخر تحديث) الساعة: 09:41 (مكة المكرمة)\n\nنص",
     "2024-11-17"),
    # the year apart from day and month; a weekday that disagrees leaves it null
    ("عنوان الخبر\nGMT 09:05 2024 الأحد 17 نوفمبر\n\nنص", "2024-11-17"),
    ("عنوان الخبر\nGMT 09:05 2024 الاثنين 17 نوفمبر\n\nنص", None),
    ("عنوان الخبر\nGMT ٠٩:٠٥ ٢٠٢٤ الأحد ١٧ نوفمبر\n\nنص", "2024-11-17"),  # in Arabic-Indic digits
    # a foreign dateline: the city, its country, the date, the agency
    ("أستانا، كازاخستان 3 يوليو 2024 (شينخوا) عقد قادة الدول اجتماعهم يوم الأربعاء ( 3 يوليو ) في العاصمة", "2024-07-03"),
    ("سوتشي ، روسيا ، 19 أكتوبر 2023 (أ ف ب) - التقى الرئيسان اليوم في المدينة الساحلية وبحثا التعاون", "2023-10-19"),
    # a dateline in Cyrillic, "года" or "г." after the year
    ("Астана, 3 июля 2024 года – РИА Новости\n\nالتقى الرئيس الروسي فلاديمير بوتين في أستانا نظيره", "2024-07-03"),
    ("Москва, 22 апреля 2024 г. /ТАСС/ - استقبل الرئيس الروسي نظيره الأذربيجاني في الكرملين اليوم", "2024-04-22"),
    # a sentence's subject before a date is no dateline
    ("روسيا وأذربيجان 12 أغسطس 2018 وقعتا اتفاقية حول بحر قزوين في المدينة الساحلية", None),
    # a weekly's period is no day of publication; a dash after a place or an issue number is no range
    ("مجلة الأسبوع\nمن 20 إلى 26 شوال 1445هـ (29 أبريل - 5 مايو 2024م)\n\nعنوان", None),
    ("مجلة الأسبوع\n1–7 مايو 2024\n\nعنوان", None),
    ("مجلة الأسبوع\nمن 28 إلى 30 أبريل 2024\n\nعنوان", None),
    ("الصحيفة\nالعدد 16432 - 5 مايو 2024\n\nعنوان", "2024-05-05"),
    ("الموقع\nنشر في 10:30 - 5 مايو 2024\n\nعنوان", "2024-05-05"),
    # a title whose last segment, after a long dash, is its date (the Kremlin's pages)
    ("Телефонный разговор\nاتصال هاتفي مع رئيس أذربيجان إلهام علييف – 28 декабря 2024 года, 14:40\n\nأجرى بوتين "
     "اتصالا هاتفيا", "2024-12-28"),
    ("محادثات مع رئيس أذربيجان – 22 أبريل 2024، 15:30\n\nجرت في الكرملين محادثات", "2024-04-22"),
    # an interview's line: recorded on one day, published on the next
    ("صحفي يروي\n\nحوار أجري يوم 2 نوفمبر 2022 ونشر في 3 نوفمبر 2022\n\nنص", "2022-11-03"),
    # a French stamp on an Arabic page
    ("موقع | دولي\n\nPublié le 27/12/2022 à 09h40 | Mis à jour le 27/12/2022 à 10h15\n\nعنوان الخبر", "2022-12-27"),
])
def test_published_from_a_dateline_below_the_page_header(text, expected):
    assert find_published(text)[0] == expected


def test_a_dateline_with_the_agency_after_it_gives_month_and_day():
    text = "موسكو في 28 يونيو /قنا/ بحث وزيرا الخارجية اليوم العلاقات الثنائية بين البلدين وسبل تطويرها"
    assert dateline_month_day(text) == (6, 28)
    assert find_published(text)[0] is None  # no year anywhere: no publication date


def test_a_signature_date_line_at_the_end_dates_a_printed_letter():
    body = "\n".join(f"سطر رقم {i} من نص البرقية الطويلة التي بعثها الرئيس إلى نظيره بمناسبة العيد الوطني." for i in range(15))
    text = f"عنوان البرقية\n{body}\nإلهام علييف\nرئيس جمهورية أذربيجان\nباكو، 11 يونيو 2017"
    assert find_published(text) == ("2017-06-11", "text: signature date line")
    assert find_published(f"عنوان البرقية\n{body}\nووقعت الاتفاقية في باكو، 11 يونيو 2017 بحضور الوزيرين.") == (None, None)


@pytest.mark.parametrize("text,expected", [
    ("إندبندنت عربية | حوارات\nبوتين وعلييف يبحثان في باكو التعاون\nنص", "بوتين وعلييف يبحثان في باكو التعاون"),
    ("وكالة الأناضول | العالم | أوروبا\nقمة زعماء الرابطة في موسكو\nنص", "قمة زعماء الرابطة في موسكو"),
    ("ارنا - وكالة الجمهورية الاسلامية للانباء\nقادة الدول يبدأون قمتهم الثانية في طهران\nنص",
     "قادة الدول يبدأون قمتهم الثانية في طهران"),
    # a headline that ends with its outlet, or a longer headline with a section after it, is the title
    ("بوتين في باكو - روسيا اليوم\nنص", "بوتين في باكو - روسيا اليوم"),
    ("زيارة بوتين إلى باكو | تحليل\nنص", "زيارة بوتين إلى باكو | تحليل"),
])
def test_a_site_name_line_is_not_the_title(text, expected):
    assert find_title(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("باكو - 8 - 8 (كونا) -- عقد الرئيسان اليوم محادثات في العاصمة", (8, 8)),
    ("موسكو - ١٦ - ١١ (كونا) -- قال المتحدث إن الرئيسين بحثا الوضع", (11, 16)),
    ("باكو - 31 - 13 (كونا) -- نص", None),  # no 13th month
    ("تقرير 2020 - 11 - 5 (ملحق) نص", None),  # a year first is no dateline
])
def test_an_agencys_numeric_dateline_gives_day_and_month(text, expected):
    assert dateline_month_day(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a print edition's running header left mid-text by a PDF export dates the edition
    ("سوتشي - «الصحيفة»: اتفق الرئيسان أمس على مواصلة الحوار بين البلدين في ختام القمة.\n"
     "الصحيفة - السنة الرابعة - العدد 10522 - الثلاثاء 1 تشرين الثاني/نوفمبر 2022 - 3\n"
     "وقال بوتين إن القمة كانت مفيدة.", "2022-11-01"),
    ("عقد الرؤساء أمس قمتهم في باكو وبحثوا التعاون.\nتشرين - العدد 12612 - الثلاثاء 9 آب 2016 - الصفحة 3\n"
     "وأجرى بوتين قبيل القمة لقاء ثنائيا.", "2016-08-09"),
    # a line of segments with two dates dates nothing
    ("عقد الرؤساء أمس قمتهم.\nالعدد 5 - 9 آب 2016 - 10 آب 2016\nوأجرى بوتين لقاء.", None),
    # a sentence with dashes is no header
    ("قال الوزير - في تصريح للصحفيين - إن الاتفاق وقع في 9 آب 2016 - بعد مفاوضات طويلة - في باكو.", None),
])
def test_published_from_a_running_page_header(text, expected):
    assert find_published(text)[0] == expected


@pytest.mark.parametrize("text,expected", [
    ("تحليلات\n\nالوثيقة التي وقعها الرئيسان قنبلة موقوتة\n\nوقع الرئيسان إعلانا للتعاون.", True),
    ("Topتحليلات\nالوثيقة التي وقعها الرئيسان\n\nوقع الرئيسان إعلانا للتعاون.", True),
    ("رأي | القوقاز في ظل الحرب: حسابات باكو\n\nبقلم: كاتب\n\nليس من السهل قراءة الموقف.", True),
    ("مقال رأي: لماذا تحتاج موسكو إلى باكو؟\n\nنص المقال.", True),
    # a news page, and a headline that merely starts with a kicker's word
    ("أخبار | العالم\n\nبوتين يستقبل علييف في الكرملين\n\nاستقبل الرئيس الروسي نظيره اليوم.", False),
    ("قراءة في نتائج قمة سوتشي بين الرؤساء الثلاثة\n\nنص التقرير.", False),
    # a fact-check: a rating or a claim labelled on its own line
    ("ما حقيقة صورة بوتين وعلييف؟\n\nفريق التحقق\n\nالادعاء: لقاء طارئ اليوم\nالتقييم: مضلل\n\nنص.", True),
    ("بوتين يستقبل علييف\n\nوقال إن التقييم العام للزيارة إيجابي.", False),
])
def test_an_analysis_or_opinion_page_by_its_kicker(text, expected):
    assert is_commentary(text) is expected


def test_an_analysis_page_does_not_date_its_leads_encounter_by_the_page():
    from corpus.extract import extract_document
    body = ("وقّع الرئيس الروسي فلاديمير بوتين ونظيره الأذربيجاني إلهام علييف إعلانا للتعاون التحالفي خلال "
            "زيارة علييف إلى الكرملين.\n\nويرى خبراء أن الوثيقة تفتح مرحلة جديدة.")
    stamp = "نشر في 25 فبراير 2022\n\n"
    (news,) = extract_document("الأخبار\n" + stamp + body).meetings
    (analysis,) = extract_document("تحليلات\n" + stamp + body).meetings
    assert news.date == "2022-02-25" and analysis.date is None


def test_an_interview_recorded_before_its_page_counts_its_days_from_the_recording():
    text = ("مسؤول في الكرملين: أمس طويت صفحة صعبة\n\nأجري الحوار في دوشنبه يوم الجمعة 10 أكتوبر 2025 قبل يومين "
            "من نشره.\nنشر في 12 أكتوبر 2025\n\nالمحاور: ما الذي حدث؟\nالمسؤول: أمس التقى الرئيس بوتين بالرئيس علييف.")
    assert find_published(text)[0] == "2025-10-12"
    assert find_today(text, "", date(2025, 10, 12)) == (date(2025, 10, 10), "text: the day the interview was recorded")
    # a page that says nothing of a recording keeps its own day
    plain = text.replace("أجري الحوار في دوشنبه يوم الجمعة 10 أكتوبر 2025 قبل يومين من نشره.\n", "")
    assert find_today(plain, "", date(2025, 10, 12))[0] == date(2025, 10, 12)


@pytest.mark.parametrize("text,expected", [
    ("أخبار — بحث\n\n● روسيا اليوم · منذ 14 ساعة\nبوتين يستقبل علييف في الكرملين\n\n● الشرق الأوسط · منذ 16 ساعة\n"
     "علييف في موسكو: نطمح إلى توسيع التجارة", True),
    ("سبوتنيك عربي — قبل يومين\nقمة سوتشي الثلاثية\n\nالجزيرة نت — قبل يومين\nباشينيان وعلييف يلتقيان", True),
    # one timed line is no list; a sentence that says "منذ ساعات" is no item's time line
    ("روسيا اليوم · منذ 14 ساعة\nبوتين يستقبل علييف في الكرملين", False),
    ("التقى بوتين علييف في الكرملين وقال الكرملين إن اللقاء انتهى منذ ساعة واحدة بعد محادثات طويلة ومثمرة.\n"
     "وأضاف المتحدث أن الرئيسين بحثا قبل يومين الملفات نفسها عبر الهاتف مطولا مع الوفدين.", False),
])
def test_a_list_of_items_with_their_own_times(text, expected):
    assert is_item_list(text) is expected
