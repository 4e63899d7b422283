"""Solar Hijri (Persian) dates of Iranian outlets' Arabic copy, turned into Gregorian days."""
from __future__ import annotations

from datetime import date

import pytest

from corpus.extract.published import find_today
from corpus.extract.solar import solar_dates, solar_hijri_to_gregorian
from corpus.lexicons import load_yaml


@pytest.mark.parametrize("solar,gregorian", [
    ((1399, 1, 1), date(2020, 3, 20)),   # Nowruz
    ((1399, 7, 17), date(2020, 10, 8)),
    ((1382, 11, 18), date(2004, 2, 7)),
    ((1403, 1, 1), date(2024, 3, 20)),
    ((1402, 10, 11), date(2024, 1, 1)),
    ((1403, 12, 30), date(2025, 3, 20)),  # 1403 is a leap year: Esfand has 30 days
    ((1402, 12, 29), date(2024, 3, 19)),
])
def test_solar_hijri_to_gregorian(solar, gregorian):
    assert solar_hijri_to_gregorian(*solar) == gregorian


@pytest.mark.parametrize("solar", [(1399, 13, 1), (1399, 7, 31), (1399, 0, 5), (1399, 1, 0)])
def test_days_that_do_not_exist_are_none(solar):
    assert solar_hijri_to_gregorian(*solar) is None


def test_consecutive_solar_days_are_consecutive_gregorian_days():
    days = [solar_hijri_to_gregorian(1402, m, d) for m in range(1, 13) for d in range(1, 32 if m <= 6 else 31)]
    days = [d for d in days if d is not None]
    assert all((b - a).days == 1 for a, b in zip(days, days[1:]))


def test_solar_dates_in_text_and_the_day_of_a_date_line():
    assert solar_dates("الخميس 17 مهر 1399 هـ.ش") == [date(2020, 10, 8)]
    assert solar_dates("في مهر الماضي") == []
    text = "الموقع | العالم\nالخميس 17 مهر 1399 هـ.ش\nبوتين وعلييف يبحثان هاتفيا التطورات\n\nنص الخبر"
    assert find_today(text, "", None) == (date(2020, 10, 8), "Solar Hijri date line")


def test_solar_months_are_twelve():
    assert sorted(int(k) for k in load_yaml("solar_months.yaml")) == list(range(1, 13))
