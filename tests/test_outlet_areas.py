"""The overview's by-outlet chart over many periods: stacked areas, one shape per outlet, holding
exactly the counts of the by-outlet frame (every period drawn, zero where an outlet had none)."""
from __future__ import annotations

import random

import pandas as pd
import pytest

from components.coverage import AREA_FROM_PERIODS, dense_outlets, outlets_over_time_figure
from corpus import coverage


def _by_outlet(n_months: int, seed: int = 3) -> pd.DataFrame:
    rng = random.Random(seed)
    rows = [{"month": f"{2014 + m // 12}-{m % 12 + 1:02d}", "outlet": o, "n_articles": rng.randint(1, 40)}
            for m in range(n_months) for o in ("RT Arabic", "Sputnik", "BBC", "X", "Y")
            if rng.random() < 0.7]
    return coverage.fold_outlets(pd.DataFrame(rows), "month", top=3)


def _drawn(fig) -> dict[tuple[str, str], int]:
    return {(tr.name, str(x)[:10]): int(y) for tr in fig.data for x, y in zip(tr.x, tr.y)}


def test_dense_outlets_fills_every_period_with_zero_and_keeps_the_counts():
    frame = _by_outlet(60)
    dense = dense_outlets(frame, "month")
    months = coverage.periods_between(min(frame["period"]), max(frame["period"]), "month")
    assert len(dense) == len(months) * frame["outlet"].nunique()
    given = {(p, o): n for p, o, n in zip(frame["period"], frame["outlet"], frame["n_articles"])}
    for p, o, n in zip(dense["period"], dense["outlet"], dense["n_articles"]):
        assert n == given.get((p, o), 0)
    assert dense["n_articles"].sum() == frame["n_articles"].sum()


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_many_periods_are_stacked_areas_with_the_same_counts(lang):
    frame = _by_outlet(AREA_FROM_PERIODS + 24)
    fig = outlets_over_time_figure(frame, "month", lang)
    assert {tr.type for tr in fig.data} == {"scatter"}
    assert {tr.stackgroup for tr in fig.data} == {"outlets"} and {tr.mode for tr in fig.data} == {"lines"}
    assert len(fig.data) == 4  # the top 3 and the rest as one
    assert sum(_drawn(fig).values()) == frame["n_articles"].sum()
    per_month = frame.groupby("period")["n_articles"].sum()
    stacked = pd.Series(_drawn(fig)).groupby(level=1).sum()
    assert {k[:7]: int(v) for k, v in stacked.items() if v} == {k: int(v) for k, v in per_month.items()}


def test_few_periods_stay_bars():
    frame = _by_outlet(AREA_FROM_PERIODS)
    fig = outlets_over_time_figure(frame, "month", "en")
    assert {tr.type for tr in fig.data} == {"bar"}
    assert sum(_drawn(fig).values()) == frame["n_articles"].sum()


def test_weeks_are_filled_monday_by_monday():
    rows = [{"week": "2024-01-01", "outlet": "RT Arabic", "n_articles": 2},
            {"week": "2024-01-22", "outlet": "Sputnik", "n_articles": 1}]
    dense = dense_outlets(coverage.fold_outlets(pd.DataFrame(rows), "week"), "week")
    assert sorted(set(dense["period"])) == ["2024-01-01", "2024-01-08", "2024-01-15", "2024-01-22"]
    assert dict(zip(zip(dense["period"], dense["outlet"]), dense["n_articles"]))[("2024-01-22", "Sputnik")] == 1
    assert dense["n_articles"].sum() == 3 and len(dense) == 8
