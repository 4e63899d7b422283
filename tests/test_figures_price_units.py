"""A quantity after "لكل", "مقابل كل" or, after a price, "للـ" ("per …") is the unit of a price,
not a figure; nor is the price per unit (not an amount of the relations: charted beside trade in
dollars it would read as one).
Sentences are our own."""
from __future__ import annotations

import pytest
from figure_support import figures_at_their_place

PUB = "2024-05-01"


def _figs(text):
    return figures_at_their_place(text, PUB, "metric")


@pytest.mark.parametrize("text, expected", [
    # the per word with a scale word, digits, Arabic-Indic digits, a count of tonnes
    ("وقعت الشركتان عقدا بسعر 300 دولار لكل ألف متر مكعب.", []),
    ("حدد الجانبان سعرا قدره 195 دولارا مقابل كل ألف متر مكعب.", []),
    # an amount per unit with no price word stays a figure, metric other (a payment, a saving)
    ("وتدفع المطاحن 40 دولارا مقابل كل 10 أطنان من القمح.", [("40 دولارا", 40, "USD", "other")]),
    ("ارتفعت الأسعار إلى 12 دولارا لكل مليون وحدة حرارية.", []),
    # the detached article after a price, before a measure
    ("يباع الغاز للمستهلكين بسعر 210 دولارات للـ 1000 متر مكعب.", []),
    ("وبلغ سعر التوريد 320 دولارا للـ ١٠٠٠ متر مكعب في عام 2023.", []),
    ("وبيعت الشحنة بنحو 90 دولارا للـ 100 طن.", [("بنحو 90 دولارا", 90, "USD", "other")]),
    # glued or spelled per words
    ("وصدرت الشركة الغاز بسعر 280 دولارا للألف متر مكعب.", []),
    # a price per measure with "لل"
    ("وبلغ متوسط سعر القمح المستورد 235 دولارا للطن.", []),
    ("وبيعت الطماطم بسعر 1.2 دولار للكيلوغرام في الأسواق.", []),
    # the price of one thing, told without a unit
    ("وقال إن متوسط سعر الليلة في فنادق باكو بلغ 90 دولارا.", []),
    # a price word before an amount of trade: not a unit price
    ("وبلغت قيمة العقد بسعر إجمالي 2 مليار دولار.", [("2 مليار دولار", 2e9, "USD", "other")]),
    # a price unit next to a real figure of the same sentence
    ("وبلغ حجم التبادل التجاري 4 مليارات دولار، وسعر الغاز 250 دولارا لكل ألف متر مكعب.",
     [("4 مليارات دولار", 4e9, "USD", "trade_turnover")]),
])
def test_the_quantity_a_price_is_for_is_not_a_figure(text, expected):
    assert _figs(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "للـ" without a price, or before what is not a measure, keeps its own figure
    ("قدمت الحكومة دعما للـ 20 شركة في باكو.",
     [("20 شركة", 20, "count", "companies")]),
    ("خصص الصندوق 5 ملايين دولار للـ 20 شركة الناشئة.",
     [("5 ملايين دولار", 5e6, "USD", "other"), ("20 شركة", 20, "count", "companies")]),
    # a volume that is not per anything stays a volume
    ("صدرت روسيا إلى أذربيجان 2 مليار متر مكعب من الغاز.",
     [("2 مليار متر مكعب", 2e9, "other", "other")]),
    # "كل عام" is "every year": the amount keeps its metric
    ("بلغ حجم التبادل التجاري 4 مليارات دولار كل عام.",
     [("4 مليارات دولار", 4e9, "USD", "trade_turnover")]),
    # "مقابل" alone compares two amounts: both are figures
    ("بلغت الصادرات 3 مليارات دولار مقابل 2 مليار دولار.",
     [("3 مليارات دولار", 3e9, "USD", "other"), ("2 مليار دولار", 2e9, "USD", "other")]),
])
def test_other_quantities_after_these_words_stay_figures(text, expected):
    assert _figs(text) == expected
