"""Rules of Arabic news writing for economic figures that the development articles did not teach
the first version: multiples, amounts after a detached article, counts of visitors, price units,
page counters, territory shares, fractions and ranks in words. Sentences are our own."""
from __future__ import annotations

import pytest
from figure_support import figures_at_their_place

from corpus.extract.figures import find_figures

PUB = "2024-05-01"


def _figs(text):
    return figures_at_their_place(text, PUB, "qualifier")


# ---------------------------------------------------------------- multiples

@pytest.mark.parametrize("text, expected", [
    ("زادت صادرات الحمضيات إلى السوق الروسية سبعة أضعاف.", [("سبعة أضعاف", 7, "other", "exact")]),
    ("نما التبادل التجاري بين الجانبين بأربع مرات خلال عقد.", [("بأربع مرات", 4, "other", "exact")]),
    ("ارتفعت الاستثمارات 2.5 مرة مقارنة بالعام السابق.", [("2.5 مرة", 2.5, "other", "exact")]),
    ("أصبحت الواردات أكبر بنحو 3 مرات.", [("بنحو 3 مرات", 3, "other", "approx")]),
    ("تضاعف حجم الشحنات أكثر من 10 مرات.", [("أكثر من 10 مرات", 10, "other", "more_than")]),
    ("وارتفعت صادرات الأسماك مرتين في الربع الأول.", [("مرتين", 2, "other", "exact")]),
    # a dual and a half more; freight counted in containers is economic
    ("ارتفع عدد الحاويات المنقولة عبر الممر مرتين ونصف خلال عام.", [("مرتين ونصف", 2.5, "other", "exact")]),
])
def test_multiples_after_a_change_word(text, expected):
    assert [(t, v, u, q) for t, v, u, q in _figs(text) if u == "other"] == expected


@pytest.mark.parametrize("text", [
    "التقى الرئيسان ثلاث مرات لبحث التجارة.",
    "التقى الوزيران مرتين هذا الشهر لبحث الاستثمارات.",
    "شوهد هذا الخبر 1500 مرة.",
    "زار الوفد المدينة خمس مرات.",  # a change word is missing and the sentence is not economic
    "ارتفع عدد الزيارات ثلاث مرات.",  # a change word but nothing economic
    "ناقش الطرفان زيادة التجارة، وأجلا الاجتماع ثلاث مرات.",  # the change word is in another clause
])
def test_repetitions_are_not_multiples(text):
    assert _figs(text) == []


# ---------------------------------------------------------------- counts of tourists and visitors

@pytest.mark.parametrize("text, value", [
    ("استقبلت المنتجعات 120 ألف سائح أجنبي.", 120_000),
    ("ويتوقع أن تستقبل مصر 4 ملايين زائر بحلول 2030.", 4_000_000),
    ("قصد المنتجعات مليونان و300 ألف زائر.", 2_300_000),
    ("وصل إلى البلاد مليونان و300 ألف سائح.", 2_300_000),
    ("بلغ عدد السياح القادمين من الخارج نحو 1.5 مليون.", 1_500_000),
    # scheduled flights counted after "عدد" and their noun
    ("وكان عدد الرحلات الأسبوعية بين موسكو وباكو قد بلغ نحو 90 رحلة.", 90),
    # lorries through a border crossing
    ("وعبر معبر يالاما الحدودي نحو 30 ألف شاحنة منذ مطلع العام.", 30_000),
    ("وبلغ عدد الشاحنات العابرة يوميا نحو 1500 شاحنة.", 1500),
    ("وعبرت أكثر من 300 شاحنة روسية الحدود إلى أذربيجان أمس.", 300),
    # passengers, in a sentence about flights or travellers
    ("تراجعت حركة الركاب بين البلدين بعد أن بلغت العام الماضي 1.2 مليون مسافر.", 1_200_000),
    ("نقلت الرحلات بين باكو وموسكو قرابة 300 ألف مسافر خلال الصيف.", 300_000),
    ("ارتفعت حركة الركاب بين روسيا وأذربيجان إلى 1.5 مليون راكب.", 1_500_000),
])
def test_tourist_and_visitor_counts(text, value):
    figs = find_figures(text, PUB)
    assert [(f.value, f.unit) for f in figs] == [(value, "count")]


@pytest.mark.parametrize("text", [
    "زار المعرض مليونان و300 ألف زائر.",  # visitors, but nothing says travel
    "وسجل الموقع 20 ألف زائر خلال ساعة من نشر الخبر.",
    "أقلت الحافلة 40 مسافرا حين انقلبت على طريق جبلي.",  # passengers, but nothing says travel traffic
    # passengers not in thousands are people on board, not traffic
    "تحطمت طائرة ركاب قرب أكتاو وعلى متنها 62 مسافرا في رحلة من باكو.",
    "وتعويض 150 مسافرا تضرروا من إلغاء الرحلات.",
    # an airshow's visitors are no travel
    "استقبل معرض الطيران الدولي قرب المطار أكثر من 450 ألف زائر.",
    # lorries outside freight: a crash, a war
    "أسفر حادث تصادم بين 3 شاحنات على طريق باكو شماخي عن مقتل شخصين.",
    "اصطدمت 3 شاحنات على طريق باكو شماخي، ونقل المصابون إلى المستشفى.",
    "دمرت القوات 12 شاحنة عسكرية في منطقة حدودية.",
])
def test_visitors_need_a_travel_sentence(text):
    assert find_figures(text, PUB) == []


# ---------------------------------------------------------------- page counters, price units, shares

@pytest.mark.parametrize("text, values", [
    ("ارتفعت الصادرات إلى 3 مليارات دولار 2.4 ألف مشاهدة", [3e9]),
    ("ارتفعت الصادرات إلى 3 مليارات دولار | عدد القراءات: 5 آلاف", [3e9]),
    ("التجارة بين البلدين في نمو شوهد 12 ألف مرة", []),
    ("بيع الغاز بسعر 180 دولارا لكل ألف متر مكعب.", []),
    # the price's clause ends at the comma: the restated amount has no price word of its own
    ("تصل كلفة النقل إلى 40 دولارا عن كل طن، أي نحو مليار دولار لكل مليون طن.", [1e9]),
    ("وبلغ حجم التبادل 4 مليارات دولار، وسعر القمح 230 دولارا للطن.", [4e9]),
    # a ticker of market quotes over the page
    ("أسواق | برنت 81,20 دولار | تكساس 77,05 دولار\nبلغ التبادل التجاري 4 مليارات دولار.", [4e9]),
])
def test_counters_and_price_units_are_not_figures(text, values):
    assert [f.value for f in find_figures(text, PUB)] == values


@pytest.mark.parametrize("text, values", [
    ("تنتج المنطقة النفط وتشكل 15% من أراضي البلاد.", []),
    ("يعيش 30 بالمئة من السكان في قطاع الزراعة والتجارة.", []),
    ("حصد الحزب 60% من الأصوات بفضل برنامجه الاقتصادي.", []),
    ("أيد 70 بالمئة من المشاركين في الاستطلاع الإصلاحات الاقتصادية.", []),
    ("شكلت الصادرات 20% من إجمالي التجارة.", [20]),
    ("ارتفعت التجارة عبر أراضي البلاد 12%.", [12]),
    ("وقال إن نحو 4 ملايين طن من البضائع عبرت الأراضي الروسية ضمن الممر.", [4e6]),
    ("ولم تحسم القمة تقاسم قاع البحر، إذ تطالب طهران بحصة 20 بالمئة، فيما تتمسك موسكو بالخط الأوسط.", []),
    ("تخطط سوكار لزيادة إنتاج الغاز من حقول قاع البحر بنسبة 15 في المئة.", [15]),
    ("ارتفعت صادرات أذربيجان النفطية 12 بالمئة بعد أن لامست الأسعار القاع العام الماضي.", [12]),
    ("وتعترض باكو على منح أي دولة أكثر من 11 في المئة من الجرف القاري.", []),
    # an economic thing that grew, in a sentence about territory, is a figure; a turnout that grew is not
    ("وعرض زيادة عبور البضائع عبر أراضيها، إذ زادت الشحنات على الجزء الجنوبي 25 في المئة خلال عام.", [25]),
    ("وارتفعت نسبة المشاركة في الانتخابات إلى 70 في المئة في الأراضي المحررة.", []),
    # ... and an economic word elsewhere in the sentence does not make a vote, land or people share one
    ("وارتفعت نسبة المشاركة في الانتخابات البلدية إلى 45 في المئة رغم الأزمة الاقتصادية.", []),
    ("وزادت القوات سيطرتها على الأراضي إلى 18 في المئة، في حين تراجعت صادرات الحبوب.", []),
    ("وارتفع عدد العائدين إلى الأراضي المحررة بنسبة 40 في المئة مع انطلاق المشاريع الاقتصادية.", []),
    # the land goods cross or go to is their way
    ("وأشارت الصحيفة إلى أن حركة الشحن عبر الأراضي الأذربيجانية ارتفعت بنسبة 30%.", [30]),
    ("وارتفعت الصادرات الروسية إلى الأراضي الأذربيجانية بنسبة 20 في المئة خلال العام.", [20]),
])
def test_shares_of_land_people_or_votes_are_not_figures(text, values):
    assert [f.value for f in find_figures(text, PUB)] == values


# ---------------------------------------------------------------- "من X إلى Y" after a change word

@pytest.mark.parametrize("text, value, value_max", [
    ("تسعى الحكومة إلى رفع قدرة الميناء من 15 إلى 25 مليون طن.", 25e6, None),
    ("وتم الاتفاق على زيادة الإمدادات من 2 إلى 3 مليارات متر مكعب.", 3e9, None),
    ("ويهدف الجانبان لرفع التجارة من 5 مليارات إلى 8 مليارات دولار.", 8e9, None),
    ("تتراوح كلفة المشروع من 2 إلى 3 مليارات دولار.", 2e9, 3e9),  # no change: a range
])
def test_a_change_from_to_is_its_target(text, value, value_max):
    f, = find_figures(text, PUB)
    assert (f.value, f.value_max) == (value, value_max)


# ---------------------------------------------------------------- ranks in words

@pytest.mark.parametrize("text, span, value", [
    ("تحتل الصين المركز الثاني بين الشركاء التجاريين للبلاد.", "المركز الثاني", 2),
    ("جاءت تركيا في المرتبة الرابعة من حيث حجم الاستثمارات.", "المرتبة الرابعة", 4),
    ("وتحل إيطاليا في المرتبة الأولى بين المستوردين.", "المرتبة الأولى", 1),
    ("وتأتي الهند في المرتبة الـ7 بين شركاء البلاد التجاريين.", "المرتبة الـ7", 7),
    ("وأصبحت الصين ثالث أكبر شريك تجاري للبلاد.", "ثالث أكبر شريك", 3),
    ("تعتبر هولندا خامس أكبر مستثمر في الاقتصاد الوطني.", "خامس أكبر مستثمر", 5),
    ("وتعد الصين الشريك التجاري الثالث للبلاد.", "الشريك التجاري الثالث", 3),
    ("وحلت البرازيل في المركز الرابع بين الدول المستوردة للقهوة.", "المركز الرابع", 4),
])
def test_economic_ranks(text, span, value):
    assert _figs(text) == [(span, value, "other", "exact")]


@pytest.mark.parametrize("text", [
    "حل المنتخب في المرتبة الثانية في البطولة.",
    "جاءت المدينة في المركز الأول في مسابقة الجمال.",
    "تعد باكو ثاني أكبر مدينة على بحر قزوين.",
    "احتل الفيلم المرتبة الثالثة من حيث عدد المشاهدين.",
    "انضم الشريك الثاني إلى مكتب المحاماة.",
])
def test_other_ranks_are_not_figures(text):
    assert _figs(text) == []


# ---------------------------------------------------------------- fractions in words

# A share in words is the percentage readers compare it with (ربع = 25%).
@pytest.mark.parametrize("text, value, qualifier", [
    ("وتوفر الشركة ثلث صادرات البلاد من الحبوب.", 33.3, "exact"),
    ("يشكل القطن نحو ربع الصادرات الزراعية.", 25, "approx"),
    ("تمثل أوروبا أكثر من نصف التجارة الخارجية للبلاد.", 50, "more_than"),
    ("وتستحوذ الشركات الأجنبية على ثلثي الاستثمارات.", 66.7, "exact"),
])
def test_fractions_of_economic_quantities(text, value, qualifier):
    (span, got, unit, qual), = _figs(text)
    assert (got, unit, qual) == (value, "percent", qualifier)


@pytest.mark.parametrize("text", [
    "تراجعت الصادرات في النصف الأول من العام الجاري.",
    "استمر اللقاء نصف ساعة.",
    "تسيطر القوات على ثلث الأراضي الزراعية.",
    "يعيش ربع السكان في العاصمة.",
    "مرت ربع قرن على توقيع اتفاقية التجارة.",
])
def test_other_fractions_are_not_figures(text):
    assert _figs(text) == []


def test_a_fraction_inside_an_amount_is_the_amount():
    assert _figs("بلغت الاستثمارات مليارا ونصف دولار.") == [("مليارا ونصف دولار", 1.5e9, "USD", "exact")]


# ---------------------------------------------------------------- more ways to write an amount

@pytest.mark.parametrize("text, value, unit, qualifier", [
    ("وتجاوزت نسبة نمو الصادرات الـ 12% العام الماضي.", 12, "percent", "more_than"),
    ("ارتفعت الواردات بما يزيد عن الـ8 بالمئة.", 8, "percent", "more_than"),
    ("بلغت الاستثمارات ما يربو على 700 مليون دولار.", 7e8, "USD", "more_than"),
    ("لا يتعدى حجم التجارة 90 مليون دولار.", 9e7, "USD", "less_than"),
    ("لا يتجاوز حجم الاستثمارات 50 مليون دولار.", 5e7, "USD", "less_than"),
    ("تجاوزت صادرات النفط 3 مليارات دولار.", 3e9, "USD", "more_than"),
    ("انخفض معدل التضخم 1.5 نقطة مئوية.", 1.5, "percent", "exact"),
    ("تنقل الأنابيب 10 مليارات م3 من الغاز سنويا.", 1e10, "other", "exact"),
    ("تنتج المحطة 800 ميغاوات من الكهرباء.", 800, "other", "exact"),
    ("بلغت الصادرات 40 مليار ليرة تركية.", 4e10, "other", "exact"),
    ("وتبلغ الاستثمارات 3 مليارات يوان.", 3e9, "other", "exact"),
])
def test_more_amount_shapes(text, value, unit, qualifier):
    f, = find_figures(text, PUB)
    assert (f.value, f.unit, f.qualifier) == (value, unit, qualifier)


@pytest.mark.parametrize("text", [
    "احتفل البلدان بالذكرى الـ 30 لإقامة العلاقات التجارية.",
    "وفي اليوم ال25 من الشهر ارتفعت الصادرات.",
])
def test_ordinals_after_the_article_stay_out(text):
    assert find_figures(text, PUB) == []


# ---------------------------------------------------------------- percentages without a percent word

@pytest.mark.parametrize("text, value", [
    ("ارتفعت صادرات القطن بنسبة 7ر12 خلال الربع الأول.", 12.7),
    ("وزادت الواردات بنسبة 18 مقارنة بالعام السابق.", 18),
])
def test_a_number_after_binisba_is_a_percentage(text, value):
    f, = find_figures(text, PUB)
    assert (f.value, f.unit) == (value, "percent")


@pytest.mark.parametrize("text", [
    "قال إن نسبة 40 من الطلاب نجحوا.",  # not economic
    "ارتفعت الأسعار بنسبة كبيرة خلال 3 أيام.",
])
def test_binisba_alone_does_not_make_a_figure(text):
    assert find_figures(text, PUB) == []


def test_a_split_of_a_growth_keeps_each_share():
    text = "وتوزعت هذه الزيادة بواقع 6ر5 في المائة للنقل البحري و 3 في المائة للشحن الجوي."
    assert [(f.value, f.unit) for f in find_figures(text, PUB)] == [(5.6, "percent"), (3, "percent")]


def test_rank_in_an_economic_field():
    text = "تحتل البلاد المركز الثالث في التجارة الخارجية لروسيا."
    assert _figs(text) == [("المركز الثالث", 3, "other", "exact")]


# ---------------------------------------------------------------- counts that look like years

@pytest.mark.parametrize("text, values", [
    ("ويضم السوق قرابة 1800 شركة برأس مال أجنبي.", [1800]),
    ("وقدمت الشركات 2000 مشروعا.", [2000]),
    ("نفذت في 2022 مشاريع عدة.", []),
    ("وقعت عام 2021 اتفاقية للتجارة.", []),
    ("2023 شركات روسية استثمرت في البلاد.", []),  # a plural noun: 2023 is a year
])
def test_year_shaped_counts(text, values):
    assert [f.value for f in find_figures(text, PUB)] == values


# ---------------------------------------------------------------- an excerpt cut inside its last word

@pytest.mark.parametrize("text, expected", [
    ("بلغت قيمة العقود 3 مليارات دولار. وأكد الوزير أن القيمة تبلغ نحو 3 ملي",
     [(3e9, "exact"), (3e9, "approx")]),
    ("بلغت قيمة العقود 3 مليارات دولار. وأكد الوزير أن القيمة تبلغ نحو 4 ملي", [(3e9, "exact")]),
    ("بلغت قيمة العقود 3 مليارات دولار. وأكد الوزير أن 3 من", [(3e9, "exact")]),
    ("بلغت قيمة العقود 3 مليارات دولار. وأكد الوزير أن نحو 3 ملي في المنتصف", [(3e9, "exact")]),
])
def test_a_cut_restatement_of_an_earlier_figure(text, expected):
    assert [(f.value, f.qualifier) for f in find_figures(text, PUB)] == expected


@pytest.mark.parametrize("text", [
    "تقرر زيادة الرحلات لدعم النقل والسياحة إلى 3 مرات أسبوعيا.",
    "ارتفعت رحلات الشحن إلى مرتين في الأسبوع.",
    "حلت الشركة في المرتبة الأولى في مسابقة للابتكار بين الشركات الناشئة.",
])
def test_frequencies_and_contests_are_not_figures(text):
    assert _figs(text) == []


@pytest.mark.parametrize("text, expected", [
    ("وتضاعف عدد اللاجئين 3 مرات خلال الحرب التي أضرت بالاقتصاد.", []),
    ("وارتفع عدد الزيارات المتبادلة مرتين في إطار التعاون الاقتصادي.", []),
    ("التقى الرئيسان 20 مرة، وارتفع التبادل التجاري ثلاثة أضعاف.", [3]),
    ("وتضاعف عدد الشركات الأجنبية في البلاد 4 مرات.", [4]),
    ("ارتفعت الصادرات خلال العام الماضي 3 مرات.", [3]),  # a time word is not a counted person
    # a change word alone after the comma: its subject is the clause before
    ("بلغ التبادل التجاري قرابة 4 مليارات دولار، بعدما ارتفع ثلاثة أضعاف منذ عام 2004.", [4e9, 3]),
    ("بلغ عدد اللاجئين مليون شخص، بعدما ارتفع ثلاثة أضعاف.", []),
    ("ألقى الوزير كلمة طويلة، ثم ارتفع ثلاثة أضعاف.", []),
])
def test_a_multiple_needs_an_economic_subject_in_its_clause(text, expected):
    assert [v for _, v, _, _ in _figs(text)] == expected


# ---------------------------------------------------------------- a change by a definite fraction or by double

@pytest.mark.parametrize("text, value, unit, qualifier", [
    ("وارتفعت الواردات بنحو الثلث مقارنة بالعام السابق.", 33.3, "percent", "approx"),
    ("زاد حجم التبادل التجاري بمقدار الضعف.", 2, "other", "exact"),  # a multiple
    ("وتراجعت صادرات الحبوب إلى النصف.", 50, "percent", "exact"),
])
def test_a_change_by_a_definite_fraction(text, value, unit, qualifier):
    (span, got, got_unit, qual), = _figs(text)
    assert (got, got_unit, qual) == (value, unit, qualifier)


@pytest.mark.parametrize("text", [
    "ارتفعت الصادرات خلال الربع الماضي.",
    "وزادت الواردات في النصف الأول من العام.",
    "ارتفع عدد اللاجئين إلى الضعف.",
    "وصل الوفد إلى النصف الآخر من المدينة.",
])
def test_periods_and_non_economic_halves_are_not_changes(text):
    assert _figs(text) == []


def test_visits_before_a_count_are_not_a_page_counter():
    assert [f.value for f in find_figures("وتم خلال الزيارات توقيع 5 اتفاقيات.", PUB)] == [5]


@pytest.mark.parametrize("text, values", [
    ("يباع الغاز بـ 300 دولار مقابل ألف متر مكعب.", [300]),
    ("بلغت قيمة العقد 200 مليون دولار ومليون طن من القمح.", [2e8, 1e6]),
    ("بلغت الصادرات 5 مليارات دولار مقابل 4 مليارات دولار قبل عام.", [5e9, 4e9]),
])
def test_a_bare_thousand_after_a_price_is_its_unit(text, values):
    assert [f.value for f in find_figures(text, PUB)] == values


@pytest.mark.parametrize("text, expected", [
    ("ارتفع بمقدار 3.5 مرات حجم التبادل التجاري بين البلدين.", [3.5]),
    ("ارتفع 3 مرات عدد اللقاءات بين الرئيسين.", []),
])
def test_a_verb_first_multiple_with_its_subject_after(text, expected):
    assert [v for _, v, _, _ in _figs(text)] == expected


def test_visitors_named_by_nationality():
    assert [f.value for f in find_figures("بلغ عدد الزوار الروس 250 ألف زائر.", PUB)] == [250_000]


@pytest.mark.parametrize("text, expected", [
    # the currency of the amount before it, left out the second time
    ("تجاوز التبادل التجاري خمسة مليارات دولار، فيما تقارب الاستثمارات الروسية سبعة مليارات.",
     [(5e9, "USD", None), (7e9, "USD", None)]),
    ("بلغت التجارة 3,2 مليار يورو العام الماضي ونتوقع أن تتجاوز 4 مليارات هذا العام.",
     [(3.2e9, "other", "EUR"), (4e9, "other", "EUR")]),
    # no amount with a currency before it: the unit stays unknown
    ("بلغ حجم التبادل التجاري 4 مليارات العام الماضي.", [(4e9, "other", None)]),
])
def test_an_amount_without_its_currency_repeats_the_one_before(text, expected):
    assert [(f.value, f.unit, f.currency) for f in find_figures(text, PUB)] == expected


@pytest.mark.parametrize("text, expected", [
    ("وبلغ عدد الرحلات الجوية بين البلدين أكثر من 70 رحلة أسبوعيا.", [70]),
    ("وتسير الشركة 12 رحلة جوية بين باكو وموسكو.", [12]),
    ("قام الرئيس بثلاث رحلات إلى الخارج هذا العام.", []),  # any trip is not a flight schedule
])
def test_scheduled_flights_are_counted(text, expected):
    assert [v for _, v, _, _ in _figs(text)] == expected


def test_people_counted_by_nationality_are_not_an_amount_of_trade():
    text = "بلغ التبادل التجاري 4.8 مليار دولار، فيما يقيم في روسيا ما يزيد على مليوني أذربيجاني."
    assert [v for _, v, _, _ in _figs(text)] == [4.8e9]


@pytest.mark.parametrize("text", [
    "إذ تستحوذ روسيا على ما يقرب من 12% من تجارتها الخارجية.",
    "وتتجه 15% من صادراتها غير النفطية إلى روسيا.",
])
def test_a_share_of_a_possessed_economic_noun_is_economic(text):
    assert [u for _, _, u, _ in _figs(text)] == ["percent"]


def test_a_share_of_flights_between_the_countries_is_economic():
    assert [v for _, v, _, _ in _figs("وأن ما يقرب من 30% من الرحلات الجوية بين البلدين لا تزال معلقة.")] == [30]


# ---------------------------------------------------------------- signed percentages

@pytest.mark.parametrize("text, expected", [
    ("• نمو التجارة مقارنة بالفترة نفسها من العام الماضي: -2,4%", [(-2.4, None)]),
    ("الصادرات إلى روسيا | 480 مليون دولار | 530 مليون دولار | −9.4%", [(-9.4, None)]),
    ("وتراجع التبادل التجاري بنسبة 3.4% خلال الربع الأول.", [(3.4, None)]),  # a decline told in words
    ("ونما التبادل التجاري بين 10-15% في العام الماضي.", [(10.0, 15.0)]),  # a range, not a sign
])
def test_a_minus_sign_before_a_percentage_is_kept(text, expected):
    assert [(f.value, f.value_max) for f in find_figures(text, PUB) if f.unit == "percent"] == expected


@pytest.mark.parametrize("text,expected", [
    # an amount restated in a currency we cannot name never takes the currency of the amount it restates
    ("بلغ حجم التبادل التجاري نحو 2.9 مليار دولار (قرابة 895 مليون دينار).", [(2.9e9, "USD", None)]),
    ("بلغت الصادرات 3 مليارات دولار، أي ما يعادل 11 مليار ريال.", [(3e9, "USD", None)]),
    # restated in a currency we can name, it is a figure in that currency, as written
    ("بلغ التبادل التجاري 3 مليارات دولار (نحو 1.1 مليار دينار كويتي) العام الماضي.",
     [(3e9, "USD", None), (1.1e9, "other", "KWD")]),
    ("بلغت الصادرات قرابة 3 مليارات دولار العام الماضي، أي ما يقارب 11.25 مليار ريال سعودي.",
     [(3e9, "USD", None), (11.25e9, "other", "SAR")]),
    ("بلغ حجم الاستثمارات 10 مليارات درهم إماراتي (2.7 مليار دولار).", [(1e10, "other", "AED"), (2.7e9, "USD", None)]),
    ("بلغ حجم التبادل التجاري نحو 895 مليون دينار كويتي.", [(8.95e8, "other", "KWD")]),
    # Russian copy keeps the currency in Cyrillic
    ("بعد أن قارب التبادل التجاري العام الماضي 4,3 млрд долларов.", [(4.3e9, "USD", None)]),
    ("وبلغت الاستثمارات الروسية 200 млн рублей.", [(2e8, "other", "RUB")]),
    # an amount in a trade sentence after another still takes its currency; a rate in brackets is no restatement
    ("تجاوز التبادل أربعة مليارات دولار، وتقارب الاستثمارات ستة مليارات.", [(4e9, "USD", None), (6e9, "USD", None)]),
    ("ارتفع التبادل التجاري إلى 4 مليارات دولار (بزيادة 15%).", [(4e9, "USD", None), (15.0, "percent", None)]),
])
def test_an_amount_restated_in_another_currency(text, expected):
    assert [(f.value, f.unit, f.currency) for f in find_figures(text, None)] == expected
