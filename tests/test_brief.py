"""The English meeting brief: exact wording from extracted fields, and its vocabulary file."""
from __future__ import annotations

import datetime as dt

import pytest

from corpus.brief import BriefFields, BriefFigure, amount, brief_figures, english_brief, words
from corpus.vocab import KINDS
from corpus.lexicons import load_yaml

LABEL = "Generated from extracted fields; not a translation."
TURNOVER_2023 = BriefFigure("trade_turnover", 4e9, None, "USD", "more_than", "2023")
GROWTH_2023 = BriefFigure("trade_growth", 11.0, None, "percent", "exact", "2023")
INVESTMENT_RANGE = BriefFigure("investment", 4e9, 6e9, "USD", "approx", None)
COMPANIES = BriefFigure("companies", 1000.0, None, "count", "more_than", None)


@pytest.mark.parametrize(("fields", "expected"), [
    pytest.param(
        BriefFields(date=dt.date(2024, 8, 19), city="Baku", kind="talks", status="held",
                    third_leaders=("Pashinyan",), figures=(TURNOVER_2023,),
                    topics=("energy", "trade")),
        [LABEL, "Date: 2024-08-19", "City: Baku", "Kind: talks", "Status: held",
         "Participants: Vladimir Putin, Ilham Aliyev, Nikol Pashinyan",
         "Figures: trade turnover: more than USD 4 billion (2023)",
         "Topics: Energy; Trade"],
        id="full-fields"),
    pytest.param(
        BriefFields(date=None, city=None, kind="phone_call", status="held"),
        [LABEL, "Date: date not reported", "City: city not reported", "Kind: phone call",
         "Status: held", "Participants: Vladimir Putin, Ilham Aliyev", "Figures: none quoted",
         "Topics: none tagged"],
        id="missing-date-and-city"),
    pytest.param(
        BriefFields(date=dt.date(2025, 4, 15), city="Baku", kind="visit", status="announced",
                    topics=("transport",)),
        [LABEL, "Date: 2025-04-15", "City: Baku", "Kind: visit",
         "Status: announced, not yet held", "Participants: Vladimir Putin, Ilham Aliyev",
         "Figures: none quoted", "Topics: Transport and the North–South corridor"],
        id="announced-status"),
    pytest.param(
        BriefFields(date=dt.date(2023, 1, 9), city="Moscow", kind="multilateral_summit",
                    status=None,
                    figures=(TURNOVER_2023, GROWTH_2023, INVESTMENT_RANGE, COMPANIES, TURNOVER_2023)),
        [LABEL, "Date: 2023-01-09", "City: Moscow", "Kind: multilateral summit",
         "Status: status not reported", "Participants: Vladimir Putin, Ilham Aliyev",
         "Figures: trade turnover: more than USD 4 billion (2023); trade growth: 11% (2023); "
         "investment: about USD 4–6 billion (period not reported); "
         "companies: more than 1,000 (period not reported)",
         "Topics: none tagged"],
        id="several-figures-repeated-once"),
])
def test_brief_wording_for_known_meetings(fields, expected):
    assert english_brief(fields).split("\n") == expected


@pytest.mark.parametrize(("value", "value_max", "unit", "currency", "text"), [
    (4e9, None, "USD", None, "USD 4 billion"),
    (3.35e9, None, "USD", None, "USD 3.35 billion"),
    (4e9, 6e9, "USD", None, "USD 4–6 billion"),
    (4e8, 1.2e9, "USD", None, "USD 400 million–1.2 billion"),
    (13.5, None, "percent", None, "13.5%"),
    (1000, None, "count", None, "1,000"),
    (5e9, None, "other", "RUB", "RUB 5 billion"),
    (2e6, None, "other", None, "2 million (unit not recorded)"),
    (None, None, "USD", None, ""),
])
def test_amount_writes_scale_unit_and_range(value, value_max, unit, currency, text):
    assert amount(value, value_max, unit, currency) == text


def test_brief_figures_leave_out_other_country_pairs_and_keep_the_rest():
    rows = [dict(metric="trade_turnover", value=4e9, value_max=None, unit="USD", qualifier="exact",
                 period="2023", currency=None, pair=None),
            dict(metric="trade_turnover", value=9e9, value_max=None, unit="USD", qualifier="exact",
                 period="2023", currency=None, pair="Russia–Turkey")]
    assert brief_figures(rows) == (BriefFigure("trade_turnover", 4e9, None, "USD", "exact", "2023"),)


# ---- the vocabulary file (integrity) ----------------------------------------------------------------

def _ui_codes(group: str) -> dict[str, str]:
    from components.i18n import catalogue
    return {k.split(".", 1)[1]: v["en"] for k, v in catalogue().items() if k.startswith(group + ".")}


def test_brief_words_name_every_kind_status_metric_qualifier_and_unit():
    w = words()
    assert set(w["kinds"]) == set(KINDS)
    assert set(w["statuses"]) == set(_ui_codes("status")) == {"held", "announced"}
    assert set(w["metrics"]) == set(_ui_codes("metric"))
    assert set(w["qualifiers"]) == set(_ui_codes("qualifier"))
    assert set(w["units"]) == set(_ui_codes("unit"))
    assert set(w["third_leaders"]) == set(load_yaml("people.yaml")["third_leaders"])


def test_brief_kind_and_metric_words_are_the_english_ui_labels():
    w = words()
    for group, table in (("kind", "kinds"), ("metric", "metrics")):
        for code, label in _ui_codes(group).items():
            assert w[table][code] == label.lower(), (group, code)


def test_brief_label_says_it_is_not_a_translation():
    assert "not a translation" in words()["label"]
    assert english_brief(BriefFields(None, None, None, None)).split("\n")[0] == words()["label"]
