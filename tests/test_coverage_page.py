"""The Overview's coverage over time in AppTest: the comparison chart's series and values, the
``q2``/``per`` URL parameters restoring it, the facet counts in the filter options, the CSVs.

Runs on the articles of tests/test_coverage.py (written there, ingested through ingest_bytes).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from components.coverage import comparison_table
from components.exports import to_csv_bytes
from components.text import FSI, PDI
from corpus import coverage
from corpus.filters import Filters
from corpus.store import Store
from test_coverage import GAS, ROWS, TRAINS, _fill

st_testing = pytest.importorskip("streamlit.testing.v1")
AppTest = st_testing.AppTest
ROOT = Path(__file__).resolve().parent.parent
HOSTILE_Q2 = "<img src=x onerror=alert(1)> %{x} القطارات"


@pytest.fixture
def store():
    from components import data
    s = _fill(Store("sqlite://"))
    data.use_store(s)
    yield s
    data.use_store(None)
    s.close()


def _overview(**params: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def _chart(at: AppTest, key: str) -> dict:
    for chart in at.get("plotly_chart"):
        if chart.proto.id and key in chart.proto.id:
            return json.loads(chart.proto.spec)
    raise AssertionError(f"no chart {key!r}")


def _series(spec: dict) -> dict[str, dict[str, int]]:
    """Trace name → {x (period start): y} for the traces of a chart, zeros left out."""
    return {tr["name"]: {str(x)[:10]: y for x, y in zip(tr["x"], tr["y"]) if y}
            for tr in spec["data"]}


def _plain(text: str) -> str:
    return text.replace(FSI, "").replace(PDI, "")


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_two_queries_from_the_url_are_two_series_with_their_counts(store, lang):
    params = {"q": GAS, "q2": TRAINS} | ({"lang": "en"} if lang == "en" else {})
    at = _overview(**params)
    assert not at.exception
    assert at.text_input(key="cov_q2").value == TRAINS
    assert at.radio(key="cov_per").value == "month"
    spec = _chart(at, "ov_coverage")
    assert [tr["type"] for tr in spec["data"]] == ["bar", "bar"]
    assert _series(spec) == {
        f"{FSI}{GAS}{PDI}": {"2024-01-01": 1, "2024-12-01": 1, "2025-01-01": 2},
        f"{FSI}{TRAINS}{PDI}": {"2024-02-01": 1, "2025-01-01": 2}}
    # every month between the first and the last is drawn, empty ones at zero
    assert len(spec["data"][0]["x"]) == len(coverage.periods_between("2024-01", "2025-01", "month")) == 13
    title = spec["layout"]["title"]["text"]
    assert title == ("عدد المقالات شهريًا" if lang == "ar" else "Articles per month")
    # the mirrored frame in Arabic: value axis and legend on the right
    assert spec["layout"]["yaxis"]["side"] == ("right" if lang == "ar" else "left")
    assert spec["layout"]["legend"]["xanchor"] == ("right" if lang == "ar" else "left")


def test_week_from_the_url_and_the_by_outlet_chart(store):
    at = _overview(q2=TRAINS, per="week", lang="en")
    assert not at.exception
    assert at.radio(key="cov_per").value == "week"
    spec = _chart(at, "ov_coverage")
    assert _series(spec) == {
        f"{FSI}All articles{PDI}": {"2024-01-29": 2, "2024-02-26": 2, "2024-12-30": 3, "2025-01-06": 1},
        f"{FSI}{TRAINS}{PDI}": {"2024-02-26": 1, "2024-12-30": 1, "2025-01-06": 1}}
    hover = spec["data"][1]["customdata"]
    assert _plain(hover[0][0]) == "Week of 2024-01-29"
    outlets = _series(_chart(at, "ov_by_outlet"))
    assert outlets[f"{FSI}RT Arabic{PDI}"] == {"2024-02-26": 1, "2024-12-30": 2}
    assert sum(sum(v.values()) for v in outlets.values()) == len(ROWS)


def test_the_by_outlet_chart_names_outlets_in_arabic(store):
    spec = _chart(_overview(), "ov_by_outlet")
    names = [_plain(tr["name"]) for tr in spec["data"]]
    assert names[0] == "روسيا اليوم" and "سبوتنيك" in names  # RT Arabic, Sputnik
    assert "Independent Arabia" in names  # no Arabic name in the lexicon: as stored


def test_changing_the_widgets_writes_q2_and_per_into_the_url(store):
    at = _overview(lang="en")
    assert "q2" not in at.query_params and "per" not in at.query_params
    assert [_plain(tr["name"]) for tr in _chart(at, "ov_coverage")["data"]] == ["All articles"]
    at.text_input(key="cov_q2").input(GAS).run()
    assert at.query_params["q2"] == GAS
    at.radio(key="cov_per").set_value("week").run()
    assert at.query_params["per"] == "week"
    spec = _chart(at, "ov_coverage")
    assert _series(spec)[f"{FSI}{GAS}{PDI}"] == {"2024-01-29": 1, "2024-12-30": 2, "2025-01-06": 1}
    at.text_input(key="cov_q2").input("").run()
    assert "q2" not in at.query_params and at.query_params["per"] == "week"


def test_other_pages_drop_the_coverage_view(store):
    at = _overview(q2=TRAINS, per="week")
    at.switch_page("views/articles.py").run()
    assert not at.exception
    assert "q2" not in at.query_params and "per" not in at.query_params


def test_a_bad_per_is_ignored_with_a_notice(store):
    at = _overview(per="day", lang="en")
    assert not at.exception
    assert at.radio(key="cov_per").value == "month"
    assert any("per" in w.value for w in at.warning)


def test_a_hostile_second_query_stays_plain_text(store):
    at = _overview(q2=HOSTILE_Q2, lang="en")
    assert not at.exception
    spec = _chart(at, "ov_coverage")
    name = spec["data"][1]["name"]
    assert "<img" not in name and "&lt;img" in name
    # the query is an escaped value in customdata, never part of the hover template
    assert all("onerror" not in tr["hovertemplate"] and "%{x}" not in tr["hovertemplate"]
               for tr in spec["data"])
    assert "&lt;img" in spec["data"][1]["customdata"][0][1]


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_filter_options_show_how_many_articles_they_match(store, lang):
    params = {"q": GAS} | ({"lang": "en"} if lang == "en" else {})
    at = _overview(**params)
    outlets = [_plain(o) for o in at.multiselect(key="flt_outlets").options]
    if lang == "en":
        assert sorted(outlets) == ["Al Mayadeen (0)", "Anadolu Agency (1)", "Independent Arabia (0)",
                                   "RT Arabic (1)", "Sputnik (2)"]
    else:
        assert "سبوتنيك (2)" in outlets and "روسيا اليوم (1)" in outlets and "الميادين (0)" in outlets
    counts = store.facet_counts(Filters(q=GAS))
    kinds = [_plain(k) for k in at.multiselect(key="flt_kinds").options]
    assert len(kinds) == 5 and all(k.endswith(")") for k in kinds)
    assert sum(int(k.rsplit("(", 1)[1][:-1]) for k in kinds) == sum(counts["kinds"].values())


def test_choosing_an_option_keeps_its_value_in_the_url_not_its_label(store):
    at = _overview(lang="en")
    at.multiselect(key="flt_outlets").select("Sputnik").run()
    assert at.query_params["outlet"] in ("Sputnik", ["Sputnik"])
    # the outlet's own counts stay those of the other filters: every outlet remains choosable
    assert "RT Arabic (3)" in [_plain(o) for o in at.multiselect(key="flt_outlets").options]
    spec = _chart(at, "ov_coverage")
    assert sum(spec["data"][0]["y"]) == 2


def test_the_comparison_csv_neutralises_a_formula_query(store):
    frame = coverage.compare(store, Filters(), "=HYPERLINK(\"http://x\")", "month")
    text = to_csv_bytes(comparison_table(frame)).decode("utf-8-sig")
    assert text.splitlines()[0] == "period,series,query,n_articles"
    assert "'=HYPERLINK" in text and "\n=HYPERLINK" not in text and ",=HYPERLINK" not in text
