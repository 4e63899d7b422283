"""The ledger of quoted figures (corpus.ledger): rounding, forecasts, agreement, spread."""
from __future__ import annotations

import pytest

from corpus.ingest import ingest_texts
from corpus.ledger import (LineKey, build_ledger, figures_without, find_line, is_forecast, line_id, line_records,
                           parse_line_id, quote_interval, quote_records, rounding_unit)
from corpus.store import Store

B = 1e9


@pytest.mark.parametrize("value,unit", [
    (4e9, 1e9), (4.2e9, 1e8), (4.25e9, 1e7), (1200, 100), (600, 100), (17, 1), (17.5, 0.1), (0.5, 0.1),
])
def test_rounding_unit_is_the_place_of_the_last_significant_digit(value, unit):
    assert rounding_unit(value) == pytest.approx(unit)


@pytest.mark.parametrize("value,value_max,qualifier,interval", [
    (4 * B, None, "exact", (3.5 * B, 4.5 * B)),
    (4.2 * B, None, None, (4.15 * B, 4.25 * B)),
    (4 * B, None, "approx", (3.45 * B, 4.55 * B)),
    (4 * B, None, "more_than", (4 * B, 5 * B)),
    (4 * B, None, "less_than", (3 * B, 4 * B)),
    (4 * B, 6 * B, None, (4 * B, 6 * B)),
])
def test_a_quote_stands_for_the_values_its_rounding_allows(value, value_max, qualifier, interval):
    assert quote_interval(value, value_max, qualifier) == pytest.approx(interval)


@pytest.mark.parametrize("sentence,figure,forecast", [
    ("بلغ حجم التبادل التجاري 4 مليارات دولار العام الماضي.", "4 مليارات دولار", False),
    ("قال بوتين إن التبادل بلغ 4 مليارات دولار، ونسعى إلى رفعه إلى 10 مليارات دولار.", "10 مليارات دولار", True),
    ("قال بوتين إن التبادل بلغ 4 مليارات دولار، ونسعى إلى رفعه إلى 10 مليارات دولار.", "4 مليارات دولار", False),
    ("ومن المتوقع أن يصل حجم التجارة إلى 5 مليارات دولار بحلول عام 2026.", "5 مليارات دولار", True),
    ("وسيصل عدد الشركات المشتركة إلى 1000 شركة.", "1000 شركة", True),
    ("ارتفع التبادل التجاري بنسبة 17 في المئة.", "17 في المئة", False),
    ("وتعمل في أذربيجان نحو 1200 شركة روسية، وتهدف الحكومتان إلى مضاعفة الاستثمارات.", "1200 شركة", False),
])
def test_forecast_words_in_the_figures_own_clause(sentence, figure, forecast):
    assert is_forecast(sentence, figure) is forecast


def _row(article_id, text, value, *, value_max=None, qualifier="exact", metric="trade_turnover", unit="USD",
         period="2023", outlet="A", sentence=None, pair=None):
    return {"article_id": article_id, "outlet": outlet, "published": None, "text": text, "value": value,
            "value_max": value_max, "unit": unit, "metric": metric, "qualifier": qualifier, "period": period,
            "sentence": sentence or f"بلغ حجم التبادل {text}.", "pair": pair}


def test_quotes_that_agree_within_rounding_make_one_line_with_the_precise_value():
    ledger = build_ledger([_row(1, "4 مليارات دولار", 4 * B, outlet="RT"),
                           _row(2, "4.2 مليار دولار", 4.2 * B, outlet="Sputnik"),
                           _row(3, "أكثر من 4 مليارات دولار", 4 * B, qualifier="more_than", outlet="Anadolu")])
    [line] = ledger.lines
    assert line.key == LineKey("trade_turnover", "USD", "2023", "RU-AZ", False)
    assert not line.disagree
    assert line.value == pytest.approx(4.2 * B)
    assert line.spread == (4 * B, 4.2 * B)
    assert line.outlets == ["Anadolu", "RT", "Sputnik"]


def test_quotes_that_no_single_value_fits_are_flagged():
    ledger = build_ledger([_row(1, "4 مليارات دولار", 4 * B),
                           _row(2, "4.8 مليار دولار", 4.8 * B),
                           _row(3, "بين 4 و6 مليارات دولار", 4 * B, value_max=6 * B)])
    [line] = ledger.lines
    assert line.disagree and line.common is None
    assert line.spread == (4 * B, 6 * B)
    assert line.value == pytest.approx(4.8 * B)  # the median of the quotes' middles (4, 4.8, 5)


def test_a_misread_quote_taken_out_recomputes_the_line():
    rows = [_row(1, "4 مليارات دولار", 4 * B), _row(2, "40 مليار دولار", 40 * B), _row(3, "4.1 مليار دولار", 4.1 * B)]
    assert build_ledger(rows).lines[0].disagree
    [line] = build_ledger([r for r in rows if r["article_id"] != 2]).lines
    assert not line.disagree and line.value == pytest.approx(4.1 * B)


def test_forecasts_periods_pairs_and_units_are_separate_lines():
    target = "ونسعى إلى رفع التبادل إلى 10 مليارات دولار."
    ledger = build_ledger([_row(1, "4 مليارات دولار", 4 * B),
                           _row(2, "10 مليارات دولار", 10 * B, sentence=target),
                           _row(3, "3 مليارات دولار", 3 * B, period="2022"),
                           _row(4, "2 مليار دولار", 2 * B, pair="AZ-TR"),
                           _row(5, "17 بالمئة", 17, unit="percent", metric="trade_growth")])
    keys = {(ln.key.metric, ln.key.period, ln.key.pair, ln.key.forecast, ln.key.unit) for ln in ledger.lines}
    assert keys == {("trade_turnover", "2023", "RU-AZ", False, "USD"),
                    ("trade_turnover", "2023", "RU-AZ", True, "USD"),
                    ("trade_turnover", "2022", "RU-AZ", False, "USD"),
                    ("trade_turnover", "2023", "AZ-TR", False, "USD"),
                    ("trade_growth", "2023", "RU-AZ", False, "percent")}


def test_quotes_without_a_period_or_of_other_metrics_are_counted_not_placed():
    ledger = build_ledger([_row(1, "4 مليارات دولار", 4 * B, period=None),
                           _row(2, "300 دولار", 300, metric="other"),
                           _row(3, "نحو 600 شركة", 600, unit="count", metric="companies", qualifier="approx")])
    assert (ledger.undated, ledger.unplaced) == (1, 1)
    [line] = ledger.lines
    assert line.key.metric == "companies" and line.value == 600


ARTICLES = [
    ("a.txt", "موسكو 22 أبريل 2024 - قال الرئيس الروسي فلاديمير بوتين خلال محادثات مع نظيره الأذربيجاني إلهام علييف "
              "إن حجم التبادل التجاري بين روسيا وأذربيجان بلغ 4 مليارات دولار في عام 2023."),
    ("b.txt", "باكو 23 أبريل 2024 - أعلن الرئيس الأذربيجاني إلهام علييف أن التبادل التجاري مع روسيا بلغ 4.4 مليار "
              "دولار في عام 2023، مشيرا إلى اتفاق مع بوتين على تعزيز التعاون."),
]


def test_a_ledger_from_a_real_store_keeps_each_quote_with_its_sentence():
    store = Store("sqlite://")
    ingest_texts(store, ARTICLES)
    ledger = build_ledger(store.figures().to_dict("records"))
    [line] = [ln for ln in ledger.lines if ln.key.metric == "trade_turnover"]
    # "4 مليارات" (3.5–4.5) and "4.4 مليار" (4.35–4.45) agree; the precise quote gives the value.
    assert line.key.period == "2023" and not line.disagree and line.value == pytest.approx(4.4 * B)
    assert sorted(q.value for q in line.quotes) == [4 * B, 4.4 * B]
    assert all(q.text in q.sentence for q in line.quotes)
    store.close()


# ---- the line's id in the URL, its tables, and a misread mark that survives reprocess ----------


@pytest.mark.parametrize("key", [LineKey("trade_turnover", "USD", "2023", "RU-AZ", False),
                                 LineKey("trade_growth", "percent", "2021-01..2021-09", "RU-AZ", True),
                                 LineKey("companies", "count", "2024", "Russia–Turkey", False)])
def test_a_line_id_reads_back_as_its_key(key):
    assert parse_line_id(line_id(key)) == key


def test_line_id_is_readable_and_stable():
    assert line_id(LineKey("trade_turnover", "USD", "2023", "RU-AZ", True)) == "trade_turnover|USD|2023|RU-AZ|forecast"


@pytest.mark.parametrize("text", ["", None, "trade_turnover|USD|2023|RU-AZ", "other|USD|2023|RU-AZ|achieved",
                                  "trade_turnover|EUR|2023|RU-AZ|achieved", "trade_turnover|USD|2023|RU-AZ|maybe",
                                  "trade_turnover|USD|<script>|RU-AZ|achieved", "a|b|c|d|e|f",
                                  "trade_turnover|USD|" + "9" * 80 + "|RU-AZ|achieved"])
def test_a_link_with_a_bad_line_id_names_no_line(text):
    assert parse_line_id(text) is None


def test_line_and_quote_records_carry_value_spread_and_flag():
    ledger = build_ledger([_row(1, "4 مليارات دولار", 4 * B, outlet="RT"),
                           _row(2, "4.8 مليار دولار", 4.8 * B, outlet="Sputnik")])
    [record] = line_records(ledger)
    assert record["line"] == "trade_turnover|USD|2023|RU-AZ|achieved"
    assert (record["spread_low"], record["spread_high"]) == (4 * B, 4.8 * B)
    assert record["disagree"] is True and record["common_low"] is None
    assert (record["n_quotes"], record["n_outlets"], record["outlets"]) == (2, 2, "RT; Sputnik")
    line = find_line(ledger, parse_line_id(record["line"]))
    assert [q["text"] for q in quote_records(line)] == ["4 مليارات دولار", "4.8 مليار دولار"]
    assert find_line(ledger, LineKey("trade_turnover", "USD", "2022", "RU-AZ", False)) is None


def test_figures_without_drops_only_the_named_quote_and_refuses_a_changed_article():
    figures = [{"idx": 0, "text": "4 مليارات دولار", "value": 4e9, "unit": "USD", "sentence": "س"},
               {"idx": 1, "text": "40 مليار دولار", "value": 4e10, "unit": "USD", "sentence": "س"}]
    kept = figures_without(figures, 1, "40 مليار دولار")
    assert [f["text"] for f in kept] == ["4 مليارات دولار"] and "idx" not in kept[0]
    assert figures_without(figures, 1, "4 مليارات دولار") is None  # the text at idx 1 changed


MISREAD = ("c.txt", "أنقرة 24 أبريل 2024 - ذكرت الوكالة أن الرئيس بوتين قال خلال لقائه علييف إن حجم التبادل "
                    "التجاري بين روسيا وأذربيجان بلغ 40 مليار دولار في عام 2023.")


def _turnover_2023(store):
    ledger = build_ledger(store.figures().to_dict("records"))
    return find_line(ledger, LineKey("trade_turnover", "USD", "2023", "RU-AZ", False))


def test_a_misread_mark_removes_the_quote_recomputes_and_survives_reprocess():
    store = Store("sqlite://")
    ingest_texts(store, [*ARTICLES, MISREAD])
    line = _turnover_2023(store)
    assert len(line.quotes) == 3 and line.disagree
    [wrong] = [q for q in line.quotes if q.value == 40 * B]
    article = store.article(wrong.article_id)
    store.correct(wrong.article_id, "figures", figures_without(article["figures"], wrong.idx, wrong.text), "editor")
    line = _turnover_2023(store)
    assert len(line.quotes) == 2 and not line.disagree and line.value == pytest.approx(4.4 * B)
    assert store.reprocess() == 3
    line = _turnover_2023(store)
    assert sorted(q.value for q in line.quotes) == [4 * B, 4.4 * B] and not line.disagree
    store.close()
