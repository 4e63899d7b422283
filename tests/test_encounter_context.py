"""Which encounter a sentence reports, and on which day, from what surrounds it: gatherings and
their sidelines, other days and other events in the sentence, other officials, questions,
anniversaries, documents, live pages and answer boxes. Sentences are our own."""
from __future__ import annotations

from datetime import date

import pytest

from corpus.extract import extract_document
from corpus.extract.meetings import find_meetings

SAT = date(2025, 10, 11)  # a Saturday
WED = date(2021, 1, 13)  # a Wednesday


@pytest.mark.parametrize("text,published,expected", [
    # the eve of a dated gathering is the day before it, a phase of the gathering between
    ("بحث الرئيس الروسي فلاديمير بوتين مع الرئيس الأذربيجاني إلهام علييف في أستانا عشية انطلاق قمة منظمة "
     "شنغهاي، المقررة الخميس 4 يوليو 2024، ملفات النقل.", date(2024, 7, 5), "2024-07-03"),
    ("التقى بوتين علييف في دوشنبه عشية القمة التي تعقد في 10 أكتوبر 2025.", SAT, "2025-10-09"),
    # the day after
    ("اجتمع بوتين وعلييف في موسكو غداة اختتام أعمال القمة التي انعقدت في 8 أكتوبر 2024.", date(2024, 10, 10),
     "2024-10-09"),
    # the gathering's day, through its relative clause, counted back from the eve
    ("عقد بوتين، أمس الخميس، لقاء مع علييف في بيشكك، عشية قمة رابطة الدول المستقلة التي تنعقد اليوم.",
     date(2023, 10, 13), "2023-10-12"),
    # some hours before the opening of a gathering dated today
    ("التقى بوتين أمس الأربعاء علييف في أستانا، قبل ساعات من انطلاق قمة منظمة شنغهاي اليوم الخميس.",
     date(2024, 7, 4), "2024-07-03"),
    # an interview's day is the interview's
    ("قال علييف، في مقابلة تلفزيونية بثت اليوم، إن المكالمة التي أجراها معه بوتين أمس السبت لم تكن كافية.",
     date(2024, 12, 29), "2024-12-28"),
    # on a gathering's sidelines, the encounter's own date; the gathering's when it has none
    ("اختتمت في العاصمة الطاجيكية، أمس الجمعة، أعمال قمة رابطة الدول المستقلة، التي شهدت على هامشها لقاء "
     "بين الرئيس الروسي فلاديمير بوتين ونظيره الأذربيجاني إلهام علييف، عقد أول أمس الخميس.", SAT, "2025-10-09"),
    ("التقى بوتين علييف على هامش قمة رابطة الدول المستقلة التي انعقدت أمس الجمعة في دوشنبه.", SAT, "2025-10-10"),
    # a past time next to the encounter the sentence comes after is that one's
    ("عقد رؤساء إيران وروسيا فلاديمير بوتين وأذربيجان إلهام علييف اليوم الأربعاء قمتهم الثلاثية الثانية في "
     "طهران، بعد قمة باكو العام الماضي.", date(2017, 11, 1), "2017-11-01"),
    # an encounter told on the day before is another one
    ("19 أغسطس 2024 ، 14:20 ، باكو\n\nفي إطار زيارة الدولة إلى جمهورية أذربيجان، أجرى فلاديمير بوتين محادثات "
     "مع رئيس جمهورية أذربيجان إلهام علييف.\n\nفي اليوم السابق، 18 أغسطس، عقد فلاديمير بوتين وإلهام علييف "
     "لقاء غير رسميا في مقر إقامة الرئيس الأذربيجاني.", date(2024, 8, 19), "2024-08-19"),
    # a moment ago on a live page is the page's day
    ("تغطية مباشرة | تطورات اليوم\n\n09:12\nمجلس الاتحاد يجتمع لبحث طلب الرئيس.\n\n10:35\nالمستشار الألماني "
     "يعلن وقف إجراءات المصادقة.\n\n12:48\nفي الكرملين، وصل الرئيس الأذربيجاني إلهام علييف في زيارة رسمية، "
     "واستقبله بوتين قبل قليل.", date(2022, 2, 22), "2022-02-22"),
    # a document's clause followed by the dated encounter is the news
    ("يمثل الاتفاق الذي توصل إليه الرئيس الروسي فلاديمير بوتين والرئيس الأذربيجاني إلهام علييف ورئيس "
     "الوزراء الأرميني، خلال لقائهم في موسكو يوم الاثنين الماضي، فرصة اقتصادية للمنطقة.", WED, "2021-01-11"),
    # an answer takes the subject of its question
    ("أسئلة وأجوبة: ماذا قال بوتين لعلييف؟\n\nس: متى تحدث الرئيسان؟\n"
     "ج: أمس السبت، في اتصال هاتفي بمبادرة من الجانب الروسي، بحسب بيان الكرملين.", date(2024, 12, 29), "2024-12-28"),
    # a gathering convened today in its relative clause, the encounter the day before
    ("يشارك بوتين في القمة التي تنعقد اليوم الجمعة في دوشنبه، فيما التقى أمس الخميس نظيره الأذربيجاني "
     "إلهام علييف.", date(2025, 10, 10), "2025-10-09"),
    ("يحضر الرئيسان المنتدى الذي يختتم اليوم، وكان بوتين قد استقبل علييف أمس الأحد في المقر.",
     date(2024, 4, 22), "2024-04-21"),
    # the verb with no gathering before it is the encounter's own
    ("تعقد اليوم الاثنين في موسكو محادثات بين بوتين وعلييف.", date(2024, 4, 22), "2024-04-22"),
    # the eve of a gathering convened tomorrow is the page's day
    ("التقى الرئيس إلهام علييف والرئيس فلاديمير بوتين في دوشنبه، عشية قمة رابطة الدول المستقلة التي تنعقد "
     "غدا في العاصمة الطاجيكية.", date(2025, 10, 9), "2025-10-09"),
    # an undated encounter under a lead that tells its news as yesterday's is yesterday's
    ("انطلقت مساء أمس الجمعة في باكو منافسات الألعاب الأوروبية الأولى في حفل افتتاح استمر ساعتين.\n"
     "وتابع الحفل الرئيس إلهام علييف إلى جانب الرئيس فلاديمير بوتين، وقد التقى الرئيسان قبل الحفل.",
     date(2015, 6, 13), "2015-06-12"),
    # ... and the page's day under a lead that tells today's
    ("انطلقت مساء اليوم الجمعة في باكو منافسات الألعاب الأوروبية الأولى في حفل افتتاح استمر ساعتين.\n"
     "وتابع الحفل الرئيس إلهام علييف إلى جانب الرئيس فلاديمير بوتين، وقد التقى الرئيسان قبل الحفل.",
     date(2015, 6, 12), "2015-06-12"),
    # one leader's arrival for a gathering tomorrow, then the two's encounter held on the sidelines today
    ("دوشنبه، 9 أكتوبر 2025\n\nاستقبل رئيس طاجيكستان اليوم في دوشنبه رؤساء الدول المشاركة في القمة، وفي "
     "مقدمتهم الرئيس الروسي فلاديمير بوتين.\nكما وصل إلى دوشنبه للمشاركة في اجتماع مجلس رؤساء الدول المقرر "
     "غدا رئيس أذربيجان إلهام علييف.\nوعلى هامش الفعاليات عقد الرئيس الروسي لقاء ثنائيا مع الرئيس الأذربيجاني.",
     date(2025, 10, 9), "2025-10-09"),
    # a page whose date line names the wrong weekday names the encounter's day with the same slip
    ("الأربعاء 22 فبراير 2022 - 18:32\n\nوقع الرئيس الروسي فلاديمير بوتين ونظيره الأذربيجاني إلهام علييف في "
     "الكرملين، الأربعاء، إعلانا حول التعاون.", date(2022, 2, 22), "2022-02-22"),
    ("الأربعاء 22 فبراير 2022 - 18:32\n\nوكان الرئيس الروسي فلاديمير بوتين قد استقبل الرئيس إلهام علييف في "
     "الكرملين الثلاثاء، وبحثا التعاون.", date(2022, 2, 22), "2022-02-21"),
    # the day a visit began, told after the visit's word, is not the day of the talks the sentence reports
    ("أجرى الرئيس الروسي فلاديمير بوتين اليوم الاثنين محادثات مع الرئيس إلهام علييف في باكو، في ثاني أيام زيارة "
     "دولة بدأت مساء الأحد بلقاء غير رسمي.", date(2024, 8, 19), "2024-08-19"),
    ("وصل بوتين إلى باكو في زيارة دولة بدأها مساء أمس الأحد، والتقى خلالها الرئيس إلهام علييف.",
     date(2024, 8, 19), "2024-08-18"),
    # a day before or after a dated gathering, in so many words
    ("بحث علييف وبوتين العلاقات الثنائية خلال لقاء جمعهما في أستانا، قبل يوم واحد من قمة شنغهاي في 4 يوليو 2024.",
     date(2024, 7, 3), "2024-07-03"),
    ("التقى بوتين علييف في موسكو بعد يومين من قمة الرابطة التي انعقدت في 8 أكتوبر 2024.", date(2024, 10, 11),
     "2024-10-10"),
    # ... but with no encounter named before it, the one after "بعد يوم واحد من" is the sentence's own
    ("أعلنت الخارجية الأذربيجانية، أمس الثلاثاء، أن باكو تقدمت بطلب للانضمام إلى بريكس، وذلك بعد يوم واحد من "
     "المحادثات التي أجراها الرئيس إلهام علييف مع نظيره فلاديمير بوتين في باكو يوم الاثنين.", date(2024, 8, 21),
     "2024-08-19"),
    # the day a visit began, told before the visit's word, against the day the two met
    ("وفي آخر فصول هذه العلاقة، بدأ الرئيس الروسي مساء الأحد زيارة دولة إلى أذربيجان، والتقى الرئيسان أمس "
     "الاثنين في باكو.", date(2024, 8, 20), "2024-08-19"),
    # a cancellation told as background does not end the article; the news after it stands
    ("وكان علييف قد ألغى مشاركته في القمة غير الرسمية للرابطة.\nوبعد ثلاثة أيام من الصمت، أجرى بوتين أمس "
     "السبت اتصالا هاتفيا بعلييف.", date(2024, 12, 29), "2024-12-28"),
    # a call told with the verb of calling and the one called
    ("الكرملين: الرئيس الأذربيجاني إلهام علييف اتصل اليوم بالرئيس بوتين وقدم اعتذاره عن إسقاط المروحية.",
     date(2020, 11, 9), "2020-11-09"),
    # the official talks a day after an informal encounter told first are the visit's encounter
    ("وصل بوتين إلى باكو مساء الأحد 18 أغسطس، حيث جمعه لقاء غير رسمي بالرئيس إلهام علييف في مقر إقامته.\n"
     "أما المحادثات الرسمية بين الرئيسين فجرت يوم الاثنين 19 أغسطس في باكو.", date(2024, 8, 21), "2024-08-19"),
    ("الأحد 18 أغسطس 2024: بوتين يصل إلى باكو وعلييف يستقبله بلقاء غير رسمي على فنجان شاي.\n"
     "الاثنين 19 أغسطس: مباحثات بوتين وعلييف في باكو بصيغتين.", None, "2024-08-19"),
    # an alert log under day headings: each line takes its block's day
    ("سجل الإشعارات\n\nالأحد 18 أغسطس 2024\n21:30  عاجل | طائرة الرئيس الروسي تهبط في باكو\n22:10  علييف وبوتين "
     "يتبادلان الحديث ويشربان الشاي في جلسة غير رسمية\n\nالاثنين 19 أغسطس 2024\n10:05  مراسم الاستقبال الرسمي\n"
     "11:40  عاجل | بدء المحادثات الرسمية بين بوتين وعلييف بصيغة موسعة\n", None, "2024-08-19"),
    # talks the day before a dinner stay the encounter's day
    ("أجرى بوتين وعلييف محادثات في باكو يوم الاثنين 19 أغسطس.\nوفي اليوم التالي أقام علييف مأدبة عشاء غير رسمية "
     "على شرف الرئيس بوتين والوفد المرافق.", date(2024, 8, 21), "2024-08-19"),
    # a day between a verb of reporting and its "أن" is the report's; the reported clause's own day goes first
    ("كتبت الصحيفة صباح الجمعة أن اللقاء الذي جرى أمس الخميس في دوشنبه بين بوتين وعلييف أنهى التوتر.",
     date(2025, 10, 10), "2025-10-09"),
    ("قال الكرملين اليوم إن بوتين وعلييف بحثا هاتفيا الوضع في المنطقة.", date(2025, 10, 10), "2025-10-10"),
    # ... and stays when the only other day in the reported clause is another thing's, further off
    ("أعلن الكرملين اليوم الأحد أن الرئيس بوتين أبلغ الرئيس علييف في اتصال هاتفي تعازيه، في إشارة إلى "
     "تحطم مروحية النقل العسكرية الروسية التي كانت تقل طاقما من ثلاثة أفراد قرب الحدود الأرمينية "
     "الأذربيجانية مساء الخميس الماضي.", date(2020, 11, 15), "2020-11-15"),
    # a day inside a quoted claim is the claim's
    ("انتشرت صورة بوتين وعلييف مع تعليق: «لقاء طارئ في موسكو اليوم الأربعاء»، والتقطت الصورة يوم الاثنين "
     "22 أبريل 2024 خلال زيارة علييف ولقائه بوتين في الكرملين.", date(2024, 4, 24), "2024-04-22"),
    # what a newspaper's issue of yesterday says of "أمس" counts from that day
    ("كتبت صحيفة «أزربيجان» في عددها الصادر أمس الثلاثاء أن الرئيس علييف التقى «أمس» في سوتشي الرئيس بوتين.",
     date(2022, 11, 2), "2022-10-31"),
    # a press review's papers of today tell an older encounter: not dated by the page
    ("تناولت الصحف الصادرة اليوم الثلاثاء نتائج المحادثات التي جمعت الرئيسين بوتين وعلييف في الكرملين.",
     date(2024, 4, 23), None),
    # a sentence opening so many days after its encounter, its own clause undated, counts back from the page
    ("بعد يومين على لقاء الرئيسين بوتين وعلييف في سوتشي، عادت الرحلات الجوية بين البلدين.", date(2025, 10, 11),
     "2025-10-09"),
    ("وبعد ثلاثة أيام من القمة الثلاثية التي جمعت بوتين وعلييف وباشينيان، بدأت مجموعة العمل اجتماعاتها.",
     date(2021, 1, 14), "2021-01-11"),
    ("بعد يومين من الاتصال الهاتفي الذي أجراه بوتين مع علييف، لا يزال ملف الطائرة مفتوحا.", date(2024, 12, 30),
     "2024-12-28"),
    # ... not when the days are counted from something else, or its encounter has its own day
    ("بعد يومين من اشتباكات حدودية، التقى بوتين علييف اليوم في موسكو.", date(2025, 10, 11), "2025-10-11"),
    ("بعد يومين على لقاء بوتين وعلييف مساء الخميس في دوشنبه، عادت الرحلات.", date(2025, 10, 13), "2025-10-09"),
    # ... but not a verbal noun, someone else's verb or an impersonal one: a day just ahead stays ahead
    ("قمة بوتين وعلييف في سوتشي يوم 3 يناير لبحث ملف النقل.", date(2023, 12, 30), "2024-01-03"),
    ("اجتماع بوتين وعلييف في موسكو يوم 5 يناير وبحث ملف الغاز على جدول الأعمال.", date(2024, 1, 2), "2024-01-05"),
    ("يلتقي بوتين وعلييف في سوتشي يوم 3 يناير، بعد أن زار لافروف باكو.", date(2023, 12, 30), "2024-01-03"),
    ("جرى الاتفاق على عقد قمة بين بوتين وعلييف في سوتشي يوم 3 يناير.", date(2023, 12, 28), "2024-01-03"),
    # a pluperfect encounter of last week after someone else's encounter told first is background
    # (see the table of what the context leaves); the year a sentence opens with governs its own clause only
    ("في 2023، بلغ حجم التبادل التجاري 4 مليارات دولار، حسبما قال بوتين خلال لقائه علييف اليوم في موسكو.",
     date(2024, 4, 23), "2024-04-23"),
    # a day in a clause of its own does not push the dateline aside
    ("موسكو - 13-06-2015 (و م ع) - أجرى الرئيس بوتين محادثات مع الرئيس إلهام علييف في الكرملين، بعد أن وصل "
     "علييف أمس إلى موسكو.", date(2015, 6, 13), "2015-06-13"),
    # a bare weekday told only in the imperfect is the next one; in the perfect, the last one
    ("يستقبل الرئيس بوتين، الخميس، نظيره إلهام علييف في الكرملين في زيارة عمل.", date(2024, 4, 22), "2024-04-25"),
    ("استقبل الرئيس بوتين، الخميس، نظيره إلهام علييف في الكرملين في زيارة عمل.", date(2024, 4, 22), "2024-04-18"),
    # a sentence opening with this year tells some day of it, not the page's
    ("وفي عام 2023، التقى بوتين وعلييف في الكرملين وبحثا التعاون.", date(2023, 11, 8), None),
    # the dateline is the day of filing; the lead's "أمس" is the encounter's, wherever it stands
    ("الرباط - 13-06-2015 (و م ع) - حضر الرئيس الروسي فلاديمير بوتين، مساء أمس الجمعة في باكو، حفل الافتتاح "
     "بدعوة من الرئيس إلهام علييف.", date(2015, 6, 13), "2015-06-12"),
    ("موسكو - 13-06-2015 (و م ع) - التقى الرئيس بوتين الرئيس إلهام علييف في الكرملين.", date(2015, 6, 13),
     "2015-06-13"),
    # a day and month without a year, told in the perfect, are the last such day before the page
    ("التقى بوتين وعلييف في موسكو يوم 3 يناير وبحثا ملف النقل.", date(2024, 1, 20), "2024-01-03"),
    ("بحث بوتين وعلييف في اجتماعهما بالكرملين في 28 ديسمبر ملف النقل.", date(2024, 1, 2), "2023-12-28"),
    # without a verb of the perfect, a day just ahead is this coming one
    ("قمة بوتين وعلييف في سوتشي يوم 3 يناير.", date(2023, 12, 30), "2024-01-03"),
    # a two-sided encounter beside a gathering of its sentence keeps its own day; the gathering (its name
    # right after a meeting word) has the other one
    ("شارك علييف اليوم في الاجتماع الموسع لمجلس رؤساء دول منظمة شنغهاي في أستانا، بعد أن عقد مساء الثلاثاء "
     "2 يوليو لقاء ثنائيا مع بوتين.", date(2024, 7, 4), "2024-07-02"),
    ("حضر الرئيس علييف اليوم قمة رابطة الدول المستقلة في دوشنبه، بعدما أجرى أمس الخميس محادثات ثنائية مع "
     "الرئيس بوتين.", date(2025, 10, 10), "2025-10-09"),
    # ... but another pair's two-sided meeting does not frame the two's gathering
    ("شارك الرئيسان بوتين وعلييف اليوم في قمة رابطة الدول المستقلة في عشق آباد، فيما عقد وزيرا الخارجية "
     "لافروف وبيراموف اجتماعا منفصلا أمس.", date(2024, 10, 10), "2024-10-10"),
    ("حضر بوتين وعلييف اليوم اجتماع قمة رابطة الدول المستقلة في دوشنبه، وكان اللقاء الثنائي بينهما قد عقد "
     "الأربعاء في موسكو.", date(2024, 10, 11), "2024-10-11"),
    # ... and without a day of its own, the gathering's
    ("عقد بوتين وعلييف اليوم لقاء ثنائيا على هامش قمة رابطة الدول المستقلة في بيشكيك.", date(2023, 10, 13),
     "2023-10-13"),
    # a headline in the present under the page's furniture, whose lead sets the encounter days ahead
    ("موسكو - وكالات\n23.11.2021\nقمة ثلاثية تجمع بوتين وعلييف وباشينيان في سوتشي\nأعلن الكرملين، الثلاثاء، أن "
     "الرئيس بوتين سيستضيف يوم الجمعة المقبل في سوتشي قمة ثلاثية مع الرئيس إلهام علييف ورئيس الوزراء "
     "باشينيان.", date(2021, 11, 23), "2021-11-26"),
    # ... not a lead that tells today's encounter and a later one
    ("موسكو - وكالات\n23.11.2021\nبوتين يستقبل علييف في الكرملين\nأجرى الرئيس بوتين اليوم محادثات مع الرئيس "
     "علييف في الكرملين، على أن يزور بوتين باكو يوم الجمعة المقبل.", date(2021, 11, 23), "2021-11-23"),
    ("موسكو - وكالات\n23.11.2021\nبوتين وعلييف يلتقيان في موسكو\nيلتقي الرئيسان بوتين وعلييف اليوم في الكرملين، "
     "وسيوقعان يوم الجمعة المقبل إعلانا مشتركا.", date(2021, 11, 23), "2021-11-23"),
    # a day counted from a clause of its own sentence under an undated lead is the lead's encounter's;
    # a sentence opening with another day tells another encounter
    ("حصاد الأسبوع: زيارة الدولة التي قام بها بوتين إلى أذربيجان.\nوصل بوتين إلى باكو مساء الأحد، وأجرى في "
     "اليوم التالي، الاثنين 19 أغسطس، محادثات مع الرئيس إلهام علييف.", date(2024, 8, 24), "2024-08-19"),
    ("أجرى بوتين في إطار زيارة الدولة محادثات مع الرئيس إلهام علييف في باكو.\nفي اليوم السابق، 18 أغسطس، "
     "عقد بوتين وعلييف لقاء غير رسمي.", date(2024, 8, 19), "2024-08-19"),
    ("أجرى بوتين في إطار زيارة الدولة محادثات مع الرئيس إلهام علييف في باكو.\nوكان الرئيسان قد عقدا في اليوم "
     "السابق، 18 أغسطس، لقاء غير رسمي.", date(2024, 8, 19), "2024-08-19"),
    # "أول من أمس" is the day before yesterday; the day of a leader's return home is the return's
    ("لم يكن الاجتماع الذي احتضنه الكرملين أول من أمس بين الرئيس بوتين والرئيس علييف مجرد صورة.",
     date(2021, 1, 13), "2021-01-11"),
    ("عاد الرئيس إلهام علييف إلى باكو مساء أمس بعد زيارة رسمية إلى روسيا، توجت أول من أمس الجمعة بمحادثات مع "
     "الرئيس بوتين.", date(2004, 2, 8), "2004-02-06"),
    # a relative clause after a gathering named between it and a document is the gathering's
    ("سعى المسؤولون إلى طمأنة واشنطن بعد توقيع الرئيس إلهام علييف على البيان الختامي لقمة دول قزوين التي عقدت "
     "في طهران يوم الثلاثاء الماضي بحضور الرئيس الروسي فلاديمير بوتين.", date(2007, 10, 20), "2007-10-16"),
    # a document of the last days, or one that came of an encounter, keeps its clause's encounter
    ("فإعلان التعاون الذي وقعه الرئيس علييف مع الرئيس بوتين في الكرملين يوم الثلاثاء الماضي جاء قبل أقل من 48 "
     "ساعة من بدء العملية.", date(2022, 2, 25), "2022-02-22"),
    ("لم يكن صعبا أن يلتقط المتابع في البيان الذي أصدره الكرملين عقب الاتصال الهاتفي بين فلاديمير بوتين وإلهام "
     "علييف، يوم السبت 28 ديسمبر، حجم الحذر.", date(2025, 1, 2), "2024-12-28"),
    # a call told in the pluperfect on the week after is still the story's peg
    ("ملف الطائرة يثقل العلاقات.\nوكان بوتين قد اتصل هاتفيا بعلييف السبت الماضي وقدم اعتذاره.",
     date(2025, 1, 3), "2024-12-28"),
])
def test_the_encounters_own_day_among_the_days_of_its_sentence(text, published, expected):
    assert find_meetings(text, published)[0].date == expected


@pytest.mark.parametrize("text,published,field,expected", [
    ("الكرملين: الرئيس الأذربيجاني إلهام علييف اتصل اليوم بالرئيس بوتين.", date(2020, 11, 9), "kind", "phone_call"),
    # a meeting word told as two-sided beside a gathering is a bilateral on its occasion; a three-way one
    # stays the gathering's
    ("شارك علييف في قمة منظمة شنغهاي في أستانا وأجرى اليوم لقاء ثنائيا مع الرئيس بوتين.", date(2024, 7, 3),
     "kind", "talks"),
    ("شارك علييف في قمة منظمة شنغهاي في أستانا وعقد اليوم مع الرئيس بوتين لقاء.", date(2024, 7, 3),
     "kind", "multilateral_summit"),
    ("عقد بوتين وعلييف وباشينيان في سوتشي قمة ثلاثية سبقتها محادثات ثنائية.", date(2022, 10, 31),
     "kind", "multilateral_summit"),
    # ... and so does a gathering of the two beside another pair's two-sided meeting
    ("شارك بوتين وعلييف اليوم في قمة رابطة الدول المستقلة في دوشنبه، وعقد علييف لقاء ثنائيا مع الرئيس "
     "الطاجيكي إمام علي رحمان.", date(2025, 10, 10), "kind", "multilateral_summit"),
    ("جمعت قمة سوتشي أمس الرئيس بوتين والرئيس علييف ورئيس الوزراء باشينيان، ودعا البيان إلى استئناف "
     "المفاوضات الثنائية بين باكو ويريفان.", date(2021, 11, 27), "kind", "multilateral_summit"),
    ("استضاف بوتين أمس في سوتشي قمة مع الرئيس علييف ورئيس الوزراء باشينيان، وسبقها لقاء منفصل بين بوتين "
     "وباشينيان.", date(2021, 11, 27), "kind", "multilateral_summit"),
    # a word of the future in a gathering's relative clause is the gathering's: the encounter was held
    ("التقى بوتين وعلييف في دوشنبه، عشية القمة التي تنعقد غدا.", date(2025, 10, 9), "status", "held"),
    ("سيلتقي بوتين وعلييف في دوشنبه، عشية القمة التي تنعقد غدا.", date(2025, 10, 9), "status", "announced"),
    ("يلتقي بوتين وعلييف غدا في دوشنبه على هامش القمة التي تنعقد في العاصمة الطاجيكية.", date(2025, 10, 8),
     "status", "announced"),
    # the future of a span of time ("للمرحلة المقبلة") is not the encounter's
    ("وقع الرئيسان بوتين وعلييف أول من أمس الثلاثاء في موسكو إعلانا يرسم العلاقات للمرحلة المقبلة.",
     date(2022, 2, 24), "status", "held"),
    ("وقع بوتين وعلييف أمس اتفاقا للتعاون خلال السنوات القادمة.", date(2022, 2, 24), "status", "held"),
    ("سيبحث بوتين وعلييف في اللقاء المقبل العلاقات للمرحلة المقبلة.", date(2022, 2, 24), "status", "announced"),
    ("بوتين رح يلتقي علييف بالصيف، هيك عم يقولوا.", date(2024, 4, 23), "status", "announced"),
    # an adjective of convening opens the gathering's clause as a relative pronoun does
    ("عقد بوتين وعلييف محادثات اليوم في بيشكيك عشية القمة المقرر عقدها غدا.", date(2023, 10, 12), "status", "held"),
    ("أجرى بوتين وعلييف محادثات اليوم في أستانا عشية القمة المرتقبة غدا.", date(2024, 7, 3), "status", "held"),
    ("سيعقد بوتين وعلييف محادثات في بيشكيك عشية القمة المقرر عقدها الجمعة.", date(2023, 10, 10), "status",
     "announced"),
    ("أسئلة وأجوبة: ماذا قال بوتين لعلييف؟\n\nس: متى تحدث الرئيسان؟\nج: أمس السبت، في اتصال هاتفي.",
     date(2024, 12, 29), "kind", "phone_call"),
    ("اختتمت في العاصمة الطاجيكية، أمس الجمعة، أعمال قمة رابطة الدول المستقلة، التي شهدت على هامشها لقاء "
     "بين بوتين وعلييف، عقد أول أمس الخميس.", SAT, "city", "Dushanbe"),
    ("في إطار زيارة الدولة إلى جمهورية أذربيجان، أجرى فلاديمير بوتين محادثات مع الرئيس إلهام علييف.",
     date(2024, 8, 19), "city", "Baku"),
    # a capital named by its country's adjective, for a country that hosts in several cities
    ("أجرى بوتين اليوم الأربعاء محادثات مع علييف على هامش قمة شنغهاي في العاصمة الكازاخستانية.",
     date(2024, 7, 3), "city", "Astana"),
    ("التقى بوتين وعلييف اليوم في العاصمة الإيرانية قبيل القمة الثلاثية.", date(2018, 9, 7), "city", "Tehran"),
    # a place a leader returns to is not the encounter's
    ("عاد الرئيس إلهام علييف إلى باكو بعد زيارة عمل أجرى خلالها أمس محادثات مع الرئيس بوتين في الكرملين.",
     date(2024, 4, 23), "city", "Moscow"),
    ("قال روحاني لدى عودته إلى طهران إن القمة التي جمعته أمس في باكو مع الرئيسين بوتين وعلييف كانت ناجحة.",
     date(2016, 8, 9), "city", "Baku"),
    # ... but a place after a preposition comes first: the verb may host another thing there
    ("تستضيف باكو في نوفمبر مؤتمر كوب 29، وقد بحث الرئيسان بوتين وعلييف اليوم في سوتشي التحضيرات له.",
     date(2024, 8, 1), "city", "Sochi"),
    # a speaker's institution and its city are another thing's; a gathering named by its city names it
    ("حاورت القناة الباحث في معهد الدراسات الشرقية بموسكو حول نتائج قمة سوتشي الثلاثية التي انعقدت يوم الاثنين "
     "الماضي بمشاركة الرئيس بوتين والرئيس علييف ورئيس الوزراء باشينيان.", date(2022, 11, 2), "city", "Sochi"),
    # a residence or palace names its city
    ("التقى بوتين اليوم في قصر قسطنطين رئيسي أذربيجان إلهام علييف وأرمينيا سركيسيان.", date(2016, 6, 20),
     "city", "Saint Petersburg"),
    # the place a verb of hosting names, before or after it, hosts the gathering
    ("شارك علييف وبوتين أمس في القمة التي احتضنتها طهران، ثم توجه علييف اليوم إلى باكو.", date(2017, 11, 2),
     "city", "Tehran"),
    ("وقع قادة الدول الخمس ومنهم بوتين وعلييف الاتفاقية خلال القمة التي استضافتها مدينة أكتاو الساحلية.",
     date(2018, 8, 12), "city", "Aktau"),
    ("استضافت عشق آباد اليوم قمة الدول المطلة على بحر قزوين بمشاركة بوتين وعلييف.", date(2022, 6, 29),
     "city", "Ashgabat"),
    # a place after another thing's word (remarks to the press) is that thing's
    ("تحدث الرئيس علييف في مؤتمر صحفي في باكو عن محادثاته مع الرئيس بوتين في سوتشي أمس.", date(2021, 11, 27),
     "city", "Sochi"),
    # a visit to a capital named by its country's adjective, Aliyev named in the next sentence
    ("بوتين في باكو\n\nلم تكن زيارة الرئيس الروسي فلاديمير بوتين إلى العاصمة الأذربيجانية يوم الثلاثاء زيارة "
     "بروتوكولية، فقد رافقه ستة وزراء.\n\nوخلال المحادثات التي جمعته بالرئيس إلهام علييف، جرى التوقيع على "
     "اتفاق للنفط.", date(2013, 8, 17), "city", "Baku"),
    # a leaders' residence names its city, and a spelling with a Persian letter is the same city
    ("استضاف بوتين اليوم في مقر بوتشاروف روتشي الرئيس الأذربيجاني إلهام علييف.", date(2021, 11, 26), "city", "Sochi"),
    ("بدأت في مدينة سوچي الروسية اليوم محادثات بين بوتين وعلييف.", date(2021, 11, 26), "city", "Sochi"),
    # a post's location tag places the sentence after it on its line
    ("كتب الكرملين على تيليغرام:\n«📍باكو. فلاديمير بوتين وإلهام علييف يجريان محادثات بصيغة ضيقة.»",
     date(2024, 8, 19), "city", "Baku"),
    ("كتب الكرملين على تيليغرام:\n«📍باكو. افتتاح معرض للكتاب.»\nوفي موسكو أجرى بوتين وعلييف محادثات اليوم.",
     date(2024, 8, 19), "city", "Moscow"),
    # an earlier encounter's place in the lead does not place the news
    ("أعلن الكرملين أن الرئيس فلاديمير بوتين استقبل اليوم الثلاثاء نظيره الأذربيجاني إلهام علييف، ووقعا إعلانا.\n"
     "وكان علييف قد التقى بوتين آخر مرة في سوتشي في تشرين الثاني الماضي.", date(2022, 2, 22), "city", None),
    # the leaders' own encounter with an official present stays theirs
    ("استقبل الرئيس فلاديمير بوتين اليوم الرئيس إلهام علييف في الكرملين بحضور وزير الخارجية لافروف.",
     date(2024, 4, 22), "city", "Moscow"),
    # a question after the report keeps the encounter
    ("مرت خمسة أيام على لقاء سوتشي الذي استضاف فيه الرئيس فلاديمير بوتين الرئيس إلهام علييف في السادس "
     "والعشرين من نوفمبر، ولا يزال السؤال نفسه مطروحا: هل تتحول التفاهمات إلى مشاريع؟", date(2021, 12, 1),
     "city", "Sochi"),
])
def test_what_the_context_says_of_the_encounter(text, published, field, expected):
    assert getattr(find_meetings(text, published)[0], field) == expected


def test_the_eve_of_a_gathering_given_without_a_year_dates_nothing():
    assert find_meetings("التقى بوتين علييف في دوشنبه عشية القمة المقررة في 10 أكتوبر.")[0].date is None


@pytest.mark.parametrize("text,published,found", [
    # a gathering held in a leader's absence
    ("انطلقت، الخميس، في سان بطرسبورغ القمة غير الرسمية لزعماء رابطة الدول المستقلة، في غياب الرئيس "
     "الأذربيجاني إلهام علييف، بمشاركة الرئيس الروسي فلاديمير بوتين.", SAT, False),
    ("عقدت القمة بغياب علييف الذي عاد إلى باكو، فيما ترأس بوتين الجلسة.", SAT, False),
    # the absence of something else is no one's absence
    ("التقى بوتين علييف في موسكو في غياب أي تقدم في ملف الحدود.", SAT, True),
    # months or years ago, told of the encounter: an earlier one
    ("وبحث رؤساء روسيا وإيران وأذربيجان هذا الممر في قمتهم الأولى بباكو قبل ثماني سنوات.", SAT, False),
    ("والتقى بوتين علييف في سوتشي قبل ثلاثة أشهر لبحث الملف نفسه.", SAT, False),
    # the first encounter in months is the news
    ("التقى بوتين، الخميس، علييف في دوشنبه، في أول لقاء بين الرئيسين منذ ثلاثة أشهر من التوتر.", SAT, True),
    # a time ago in a reported clause dates what is reported, not the encounter
    ("قال بوتين خلال لقائه علييف اليوم في موسكو إن المشروع بدأ قبل ثماني سنوات.", SAT, True),
    # a document's clause with no dated encounter stays background
    ("يمثل الاتفاق الذي توصل إليه الرئيس الروسي فلاديمير بوتين والرئيس الأذربيجاني إلهام علييف، خلال "
     "لقائهم في موسكو، أساس العلاقات.", WED, False),
    # a possible encounter, no date set
    ("قال يوري أوشاكوف ردا على سؤال عن لقاء محتمل بين بوتين والرئيس الأذربيجاني إن أي موعد لم يحدد.", SAT, False),
    # an anniversary column recalls history
    ("وفي مثل هذا اليوم من عام ألفين وستة عشر، احتضنت العاصمة الأذربيجانية باكو أول قمة ثلاثية جمعت الرؤساء "
     "الروسي فلاديمير بوتين والإيراني حسن روحاني والأذربيجاني إلهام علييف.", date(2025, 8, 8), False),
    # an anniversary of an encounter recalls it
    ("تمر اليوم الذكرى العاشرة للزيارة التي قام بها الرئيس الروسي فلاديمير بوتين إلى باكو ولقائه الرئيس "
     "إلهام علييف.", date(2023, 8, 13), False),
    ("وتحتفل باكو بذكرى لقاء الرئيسين بوتين وعلييف في سوتشي قبل عام.", date(2022, 10, 31), False),
    # a memory of something else next to today's encounter does not make it history
    ("التقى بوتين علييف اليوم في موسكو، في الذكرى الثلاثين لإقامة العلاقات الدبلوماسية.", date(2022, 4, 4), True),
    # congratulations an envoy conveys are a message, not an encounter
    ("وكان الرئيس الأذربيجاني إلهام علييف في مقدمة الضيوف، فيما مثل روسيا في الحفل رئيس مجلس الدوما، الذي "
     "نقل تهاني الرئيس فلاديمير بوتين.", date(2023, 6, 3), False),
    # a gathering one leader hosts that the next sentence says included the other
    ("استضاف الرئيس الروسي فلاديمير بوتين اليوم في سان بطرسبورغ اللقاء غير الرسمي لقادة رابطة الدول المستقلة.\n"
     "وضم اللقاء كلا من رئيس أذربيجان إلهام علييف وقادة كازاخستان وقرغيزستان.", date(2022, 12, 26), True),
    # a handshake in a gallery's caption
    ("بالصور: قادة الرابطة في سان بطرسبورغ\n\nصورة 2: بوتين يصافح الرئيس الأذربيجاني إلهام علييف ويتبادلان "
     "الأحاديث قبل انطلاق الجلسة. (صورة: الكرملين)", date(2019, 12, 20), True),
    # those present, in the sentence right after a gathering's
    ("تحولت سان بطرسبورغ، مدينة الرئيس الروسي فلاديمير بوتين، أمس الجمعة إلى مقصد لقادة الرابطة الذين اجتمعوا "
     "في لقاء غير رسمي.\nوكان في مقدمة الحاضرين الرئيس الأذربيجاني إلهام علييف.", date(2019, 12, 21), True),
    # ... not two sentences on, where they may be another event's
    ("تحولت سان بطرسبورغ، مدينة الرئيس الروسي فلاديمير بوتين، أمس الجمعة إلى مقصد لقادة الرابطة الذين اجتمعوا "
     "في لقاء غير رسمي.\nوتستضيف المدينة الأسبوع المقبل معرضا للكتاب.\nوكان في مقدمة الحاضرين في حفل "
     "الافتتاح الرئيس الأذربيجاني إلهام علييف.", date(2019, 12, 21), False),
    # no day set for the next encounter, the statement named between
    ("وأشار الوزيران إلى التحضير للاتصالات المقبلة. ولم يحدد البيان موعد اللقاء المقبل بين الرئيسين فلاديمير "
     "بوتين وإلهام علييف.", date(2025, 3, 14), False),
    # what the news comes after is its background ...
    ("أعلنت الجمارك أن التبادل التجاري بلغ 3.6 مليار دولار. ويأتي ذلك في أعقاب زيارة الدولة التي قام بها الرئيس "
     "الروسي فلاديمير بوتين إلى باكو ولقائه الرئيس إلهام علييف في أغسطس الماضي.", date(2024, 10, 15), False),
    # ... unless the text dates it as the news of the day
    ("أعلن الكرملين توقيع اتفاق للنقل، ويأتي ذلك بعد محادثات أجراها الرئيس فلاديمير بوتين مع الرئيس إلهام علييف "
     "اليوم في موسكو.", date(2024, 4, 22), True),
    # a correction retracts the encounter an earlier version told
    ("بحث رئيس الوزراء الروسي اليوم في موسكو مع نظيره الأذربيجاني التعاون.\nتصحيح: ورد في نسخة سابقة أن الرئيس "
     "فلاديمير بوتين استقبل الرئيس إلهام علييف، والصحيح أن اللقاء جمع رئيسي الحكومتين.", date(2023, 3, 15), False),
    # no plan yet, words between
    ("قال بيسكوف إنه لا توجد حتى الآن خطط محددة لعقد لقاء ثنائي بين الرئيسين فلاديمير بوتين وإلهام علييف.",
     date(2025, 10, 7), False),
    # a document's relative clause after its quoted name
    ("من يعيد قراءة «إعلان التعاون التحالفي» الذي وقعه بوتين وعلييف في الكرملين، يدرك حجم التحول.",
     date(2025, 7, 14), False),
    # sitting at one table is an encounter
    ("وفي السادس والعشرين من نوفمبر الماضي، جلس فلاديمير بوتين إلى طاولة واحدة مع إلهام علييف ونيكول باشينيان في "
     "سوتشي.", date(2021, 12, 22), True),
    # a place named after Heydar Aliyev is not the man: the article's Aliyev is still Ilham
    ("عاجل: بوتين وعلييف يجريان اتصالا هاتفيا.\nوتجمعت عائلات الضحايا في مطار حيدر علييف الدولي.",
     date(2024, 12, 28), True),
    # a transcript's paragraph under a leader's label is told in his first person
    ("النص الحرفي للمؤتمر الصحفي\n\nبوتين: الأصدقاء الأعزاء. أجرينا اليوم مع الرئيس علييف محادثات مفصلة في "
     "الكرملين.", date(2024, 4, 22), True),
    # ... and not a journalist's question under his own label
    ("النص الحرفي للمؤتمر الصحفي\n\nسؤال: هل تحدثتم مع الرئيس علييف؟", date(2024, 4, 22), False),
    # a time ago opening the sentence puts its encounter in the past; "قبل عام من" counts from something else
    ("قبل عام وأسابيع قليلة، وفي منتصف الليل، جلس بوتين أمام الكاميرات، بينما وقع علييف وباشينيان البيان.",
     date(2021, 11, 27), False),
    ("قبل عام من الانتخابات، التقى بوتين علييف اليوم في موسكو.", date(2024, 4, 22), True),
    # many encounters at once are a history
    ("ثم جاءت حرب خريف 2020، وبعدها عشرات اللقاءات بين بوتين وعلييف في سوتشي وموسكو.", date(2024, 8, 20), False),
    # ... a series of meetings on one day is not
    ("وكان بوتين قد عقد أمس سلسلة لقاءات ثنائية على هامش القمة، شملت الرئيس الأذربيجاني إلهام علييف.",
     date(2024, 7, 4), True),
    # an article dated before Ilham Aliyev took office reports Heydar's encounters
    ("بدأ الرئيس الروسي فلاديمير بوتين أمس زيارة رسمية لأذربيجان، وأجرى محادثات مع الرئيس علييف.\n"
     "وحضر جانبا من المراسم نجله إلهام علييف، النائب الأول لرئيس شركة النفط الحكومية.", date(2001, 1, 10), False),
    # a yes-no question asks about an encounter, it does not report one
    ("نسأل ضيوفنا: هل يمكن أن يلتقي الرئيسان بوتين وعلييف قريبا؟", date(2025, 7, 4), False),
    ("هل التقى بوتين علييف في سوتشي؟", date(2025, 7, 4), False),
    # an encounter of any kind in a negative sentence is none
    ("ولم يشر بيان الكرملين إلى أي اتصال مماثل مع الرئيس الأذربيجاني إلهام علييف، وقال بيسكوف إن الرئيس بوتين "
     "على تواصل مع الجميع.", date(2025, 7, 4), False),
    ("قالت زاخاروفا إنه لا يوجد ما يمكن الإعلان عنه الآن بشأن قمة بين الرئيسين بوتين وعلييف.", date(2025, 7, 4), False),
    ("وسط تقديرات بأن الرئيسين بوتين وعلييف لن يلتقيا قبل الخريف.", date(2025, 7, 4), False),
    ("قال بيسكوف إنه لا توجد في الوقت الحالي خطط لعقد لقاء بين الرئيس بوتين والرئيس علييف.", date(2025, 3, 14), False),
    # a claim's denial neither denies nor tells an encounter; the page's own report stands
    ("وزعم بعض المستخدمين أن الرئيسين بوتين وعلييف لم يلتقيا في أستانا.", date(2024, 7, 5), False),
    ("وزعم مستخدمون أن بوتين وعلييف لم يلتقيا.\nالحقيقة: فقد التقى بوتين وعلييف في أستانا يوم الأربعاء.",
     date(2024, 7, 5), True),
    # a fact-check's claim paragraph tells the claim, not the page's news
    ("ادعاء: نشرت قناة خبرا يقول إن علييف وصل سرا إلى موسكو يوم 15 مارس والتقى الرئيس بوتين.\n"
     "الحقيقة: لم نعثر على أي دليل على هذا اللقاء.", date(2025, 3, 18), False),
    ("التحقق من ادعاء: علييف ألغى زيارته إلى موسكو\nالحقيقة: الادعاء زائف. فقد وصل علييف إلى موسكو والتقى الرئيس "
     "فلاديمير بوتين في الكرملين أمس الثلاثاء.", date(2022, 2, 23), True),
    # a welcome in person
    ("1 / 7 — الرئيس فلاديمير بوتين يرحب بالرئيس إلهام علييف في مقر بوتشاروف روتشي اليوم.", date(2021, 11, 26), True),
    ("رحب الرئيس بوتين بقرار الرئيس علييف إرسال مساعدات.", date(2021, 11, 26), False),
    # a visit whose day is not set is none yet
    ("يبحث الوزيران التحضير لزيارة مرتقبة للرئيس بوتين إلى أذربيجان لم يحدد موعدها.", date(2024, 5, 22), False),
    # colloquial meeting verbs, and colloquial futures that are speculation, not a held encounter
    ("بوتين وعلييف تلاقاو الخميس فدوشنبه، وهادي أول مرة يتقابلو وجه لوجه.", date(2025, 10, 10), True),
    ("الناس عم تحكي إنو بوتين وعلييف اتقابلوا مبارح بالكرملين.", date(2024, 4, 23), True),
    # a pointer to another story of the site is not the page's news
    ("الخبر السابق: بوتين وعلييف يلتقيان في بيشكيك قبيل قمة الرابطة\n\nأقر قادة الرابطة اليوم خطة للتعاون.",
     date(2023, 10, 13), False),
    # "the two presidents" after Aliyev and another leader named since Putin are those two
    ("وكان الرئيسان بوتين وعلييف قد التقيا في الكرملين في أبريل.\n\nوقع الرئيس إلهام علييف والرئيس قاسم جومارت "
     "توكاييف في باكو اليوم اتفاقا للطاقة. كما شهد الرئيسان توقيع مذكرات تفاهم.", date(2024, 8, 23), False),
    # reports of an encounter that nobody confirms are no encounter
    ("وقال علييف إن الحوار مع موسكو مستمر، لكنه لم يؤكد تقارير عن لقاء قريب مع الرئيس الروسي بوتين.", date(2025, 7, 4), False),
    ("وتحدثت وسائل إعلام عن أنباء غير مؤكدة بشأن قمة تجمع بوتين وعلييف في سوتشي الشهر المقبل.", date(2025, 7, 4), False),
    ("وقال بيسكوف إنه لم يؤكد ولم ينف أن الرئيس بوتين سيلتقي الرئيس علييف في دوشنبه.", date(2025, 7, 4), False),
    ("التقى بوتين علييف في سوتشي اليوم، فهل تنتهي الأزمة؟", date(2025, 7, 4), True),
    # another official's encounter, or an archive, is not theirs
    ("ميدفيديف يستقبل وفدا أذربيجانيا ويتحدث عن الرئيس بوتين والرئيس علييف", date(2024, 4, 22), False),
    ("استقبل رئيس الوزراء الروسي ميخائيل ميشوستين في موسكو الرئيس إلهام علييف، ونقل إليه تحيات بوتين.",
     date(2024, 4, 22), False),
    ("نشرت الرئاسة صورا أرشيفية من لقاءات بوتين وعلييف في باكو.", date(2024, 4, 22), False),
    # a day and month told in the perfect on a page of days before it are the last year's: background
    ("التقى بوتين وعلييف في موسكو يوم 3 يناير وبحثا ملف النقل.", date(2023, 12, 30), False),
    # a sentence opening with a past year tells that year, whatever the page's day
    ("وفي عام 2020، وقع الرئيس إلهام علييف والرئيس بوتين ورئيس الوزراء الأرميني بيانا ثلاثيا أوقف القتال.",
     date(2023, 11, 8), False),
    ("في سنة 2019 استقبل الرئيس بوتين الرئيس علييف في سوتشي.", date(2023, 11, 8), False),
    # a recollection of these days of another year
    ("وفي مثل هذه الأيام من عام 2016، التقى الرئيس إلهام علييف والرئيس بوتين في باكو.", date(2023, 8, 8), False),
    # a meeting said not to be scheduled ("مبرمج" as Maghreb papers write it)
    ("الكرملين: لا لقاء مبرمجا بين بوتين وعلييف في الأسابيع المقبلة", date(2018, 5, 16), False),
    # a closing note recalls an earlier encounter; recent, it is still the news
    ("هنأ الكرملين علييف بفوزه في الانتخابات.\nيذكر أن بوتين زار باكو في أغسطس الماضي.", date(2013, 10, 10), False),
    ("وتجدر الإشارة إلى أن الرئيس بوتين استقبل الرئيس علييف في سوتشي مطلع العام.", date(2019, 10, 10), False),
    ("يذكر أن الرئيسين بوتين وعلييف التقيا أمس في موسكو.", date(2019, 10, 10), True),
    # calls told as repeated are a habit, not one call
    ("التقى لافروف نظيره بيراموف، وأشار الوزيران إلى الاتصالات الهاتفية المتكررة بين الرئيسين بوتين وعلييف.",
     date(2020, 10, 12), False),
    # an undated title over a lead telling the same visit as history is that history
    ("قبل عشرين عاما.. زيارة بوتين الأولى إلى باكو\n\nوفي عام 2001، حل بوتين بباكو في زيارة رسمية. "
     "وبعد 2003 واصل إلهام علييف النهج.", date(2021, 1, 9), False),
    # Putin with an Armenian president of earlier years, at a summit, is not an encounter with Aliyev
    ("بوتين يستقبل كوتشاريان في موسكو على هامش قمة رابطة الدول المستقلة\n\nوتناول اللقاء قره باغ ومواقف أذربيجان.",
     date(2007, 10, 6), False),
    # "في مثل هذا الوقت" without "من" + a year is only "at such a time"
    ("أكد بوتين خلال لقائه علييف اليوم في موسكو أهمية التنسيق في مثل هذا الوقت الحرج.", date(2024, 4, 23), True),
    ("التقى بوتين وعلييف اليوم في سوتشي في مثل هذا الأسبوع الحافل.", date(2024, 4, 23), True),
    # regular or repeated contacts are background, unless the sentence's own encounter is dated now
    ("بحث الرئيس بوتين مع الرئيس إلهام علييف في اتصال هاتفي اليوم الوضع في المنطقة، واتفقا على مواصلة "
     "الاتصالات المنتظمة.", date(2024, 4, 23), True),
    # a closing note announcing is no recollection
    ("يذكر أن بوتين سيزور باكو الشهر المقبل للقاء علييف.", date(2024, 4, 23), True),
    # an old pluperfect encounter deep under a title does not erase the title's own
    ("بوتين وعلييف يجريان محادثات في موسكو\n\nيصل الرئيس الأذربيجاني إلى العاصمة الروسية اليوم في زيارة عمل.\n"
     "وكان الرئيسان قد أجريا محادثات في موسكو في أبريل الماضي.", date(2024, 10, 8), True),
    # an encounter of the two last week, recalled after someone else's encounter of today, is background
    ("التقى وزير الخارجية الروسي لافروف نظيره الأذربيجاني بيراموف في باكو اليوم.\nوكان بوتين وعلييف قد "
     "التقيا في موسكو الاثنين الماضي.", date(2024, 10, 12), False),
    # an encounter the news comes weeks after is history, even with its day
    ("أبرمت الشركتان اتفاقا للغاز، ويأتي ذلك بعد أسابيع من قمة سوتشي في 31 أكتوبر الماضي التي جمع فيها بوتين "
     "الرئيس علييف.", date(2022, 11, 18), False),
    ("التقى بوتين علييف في موسكو اليوم، عقب أسابيع من التوتر.", date(2022, 11, 18), True),
    # an expected summit whose day nobody confirms is none yet
    ("وتتحدث موسكو عن قمة ثلاثية مرتقبة في الكرملين يُنتظر أن يشارك فيها الرئيس علييف، من دون أن يؤكد "
     "الكرملين موعدها.", date(2021, 1, 10), False),
    # "no contacts are planned between the two" denies, even with no meeting word of its own
    ("وقال بيسكوف أمس إنه لا توجد اتصالات مقررة بين الرئيسين بوتين وعلييف في الوقت الراهن.\nوتتراكم الخلافات "
     "منذ الأزمة، إذ اكتفى بوتين في اتصال هاتفي مع علييف بالاعتذار.", date(2025, 7, 2), False),
    # the leaders agreeing as subjects, with a day and a place, met
    ("قمة طهران تراهن على الممر\n\nاتفق الرئيس الروسي فلاديمير بوتين ونظيراه الأذربيجاني إلهام علييف والإيراني "
     "حسن روحاني، أمس الأربعاء في طهران، على تسريع إنجاز الممر.", date(2017, 11, 2), True),
    ("اتفق وزيرا الخارجية لافروف وبيراموف على التحضير لقمة بين الرئيسين بوتين وعلييف.", date(2021, 3, 2), False),
    # a leader who did not go along on the other's visit
    ("أجرى الرئيس الروسي دميتري ميدفيديف أمس في باكو محادثات مع نظيره إلهام علييف.\nولم يرافق رئيس الوزراء "
     "فلاديمير بوتين الرئيس في الزيارة، لكن ميدفيديف نقل إلى علييف تحياته.", date(2008, 7, 4), False),
    # an encounter expected with no day any side confirms is none yet
    ("ويتوقع دبلوماسيون في موسكو أن يلتقي الرئيسان بوتين وعلييف هذا العام، ربما على هامش قمة، من دون أن يؤكد "
     "أي من الطرفين موعدا أو مكانا.", date(2025, 2, 20), False),
    # ... but a held encounter whose day was not announced beforehand, or with no obstacle to other talks,
    # or that a minister did not go along to, is held
    ("التقى بوتين وعلييف اليوم في سوتشي، في لقاء لم تعلن الرئاسة الأذربيجانية مسبقا موعده.", date(2024, 8, 18),
     True),
    ("التقى بوتين وعلييف اليوم في سوتشي، وأكد بيسكوف أنه لا توجد الآن أي عقبات أمام محادثات السلام.",
     date(2024, 8, 18), True),
    ("استقبل الرئيس بوتين اليوم في الكرملين الرئيس علييف، الذي لم يرافقه وزير الخارجية في الزيارة.",
     date(2024, 8, 18), True),
    # asked whether they will talk is no talk; a call none has planned is none
    ("وسئل بيسكوف عما إذا كان بوتين سيتصل بعلييف، فأجاب بأنه لا يوجد ما يمكن الإعلان عنه.", date(2024, 12, 27),
     False),
    ("وقال بيسكوف إنه لا يعرف ما إذا كان الرئيسان بوتين وعلييف سيلتقيان في دوشنبه.", date(2025, 10, 1), False),
    ("الكرملين: لا مكالمة مقررة بين بوتين وعلييف حاليا", date(2025, 7, 1), False),
    ("قال بيسكوف اليوم إنه لا توجد في الوقت الحالي أي مكالمة هاتفية مقررة بين الرئيس بوتين ونظيره الأذربيجاني "
     "إلهام علييف.", date(2025, 7, 1), False),
    # a definite document, then its signing with its pronoun: who signed it, not an encounter
    ("قال باشينيان إنه أجرى عدة مكالمات مع بوتين قبل توقيع البيان.\nوأوضح أن البيان وقعه أيضا الرئيس "
     "الأذربيجاني إلهام علييف والرئيس الروسي.", date(2020, 11, 10), False),
    ("إعلان التعاون وثيقة سياسية وقعها الرئيس بوتين والرئيس علييف في الكرملين في 22 فبراير 2022.",
     date(2022, 2, 25), True),
    # what the encounter just told comes after, by its definite word, is background
    ("التقى علييف وباشينيان أمس في بروكسل بدعوة من ميشال.\nويأتي الاجتماع بعد قمة ثلاثية عقدت الشهر الماضي "
     "في سوتشي بوساطة الرئيس بوتين.", date(2021, 12, 15), False),
    ("ويأتي اللقاء بين بوتين وعلييف اليوم في موسكو بعد قمة سوتشي الشهر الماضي.", date(2021, 12, 15), True),
    # a leader at a ceremony in a city another, long-past visit of the other leader brought him to
    ("أقيمت اليوم مراسم رسمية في باكو حضرها الرئيس إلهام علييف.\nويستعيد الإعلام زيارة الرئيس بوتين إلى باكو ومحادثاته مع حيدر علييف "
     "في كانون الثاني 2001.", date(2013, 12, 12), False),
    # greetings in writing, several at once, are no encounter
    ("أرسل الرئيس بوتين برقيات تهنئة بعيد الاستقلال إلى قادة عدة دول، منهم الرئيس إلهام علييف.",
     date(2024, 3, 21), False),
    ("أرسل الرئيس بوتين إلى الرئيس إلهام علييف ونظرائه في آسيا الوسطى رسائل تهنئة بعيد النوروز.",
     date(2024, 3, 21), False),
])
def test_whether_the_context_leaves_an_encounter_of_the_two(text, published, found):
    assert bool(find_meetings(text, published)) is found


@pytest.mark.parametrize("text,expected", [
    # a flash under a year-less date line takes its month and day
    ("عاجل | السبت 28 ديسمبر\n\nعاجل | الكرملين: بوتين يعتذر لعلييف في اتصال هاتفي عن الحادث المأساوي "
     "الذي وقع في المجال الجوي الروسي.", (None, 12, 28, "phone_call", "held")),
    # an encounter tomorrow is announced
    ("موسكو - 12 - 8 (وكالة) -- يبدأ الرئيس الروسي فلاديمير بوتين غدا الثلاثاء زيارة إلى أذربيجان يجري خلالها "
     "محادثات مع الرئيس إلهام علييف.", (None, None, None, "visit", "announced")),
])
def test_a_yearless_page_gives_month_day_and_status(text, expected):
    found = extract_document(text).meetings[0]
    assert (found.date, found.month, found.day, found.kind, found.status) == expected
