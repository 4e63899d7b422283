"""The ledger on the Figures page (issue 12 §2): AppTest over a real in-memory store, values on screen.

Three short articles of our own quote the 2023 trade turnover: 4.2 billion, "more than 4 billion"
and a misread 40 billion (so the line disagrees until an editor removes it), a 2025 forecast, a
count of companies with no period (undated) and road maps (another metric: unplaced).
"""
from __future__ import annotations

import io

import pandas as pd
import pytest

from corpus.ingest import ingest_documents
from corpus.ledger import LineKey, build_ledger, find_line, line_id, quote_records
from corpus.models import RawDocument
from corpus.store import Store

from test_app_pages import ROOT, AppTest, _texts

ARTICLES = [
    ("l1.txt", "وكالة الأناضول",
     "باكو 10 مايو 2024 - أكد الرئيس الأذربيجاني إلهام علييف خلال استقباله الرئيس الروسي فلاديمير بوتين أن "
     "التبادل التجاري بين البلدين بلغ 4.2 مليار دولار في عام 2023. وتعمل في أذربيجان نحو 1200 شركة روسية."),
    ("l2.txt", "روسيا اليوم",
     "موسكو 12 مايو 2024 - قال الرئيس فلاديمير بوتين بعد محادثاته مع الرئيس إلهام علييف إن حجم التجارة بين "
     "روسيا وأذربيجان تجاوز 4 مليارات دولار في عام 2023، ومن المتوقع أن يصل إلى 6 مليارات دولار في عام 2025."),
    ("l3.txt", "سبوتنيك",
     "سوتشي 14 مايو 2024 - ذكرت وكالة أنباء أن بوتين أبلغ علييف خلال لقائهما أن التبادل التجاري بين روسيا "
     "وأذربيجان بلغ 40 مليار دولار في عام 2023. ووقع الجانبان 7 خرائط طريق للتعاون."),
]
TURNOVER_2023 = "trade_turnover|USD|2023|RU-AZ|achieved"
FORECAST_2025 = "trade_turnover|USD|2025|RU-AZ|forecast"
MISREAD_TEXT = "40 مليار دولار في عام 2023"


@pytest.fixture
def ledger_store():
    from components import data
    store = Store("sqlite://")
    ingest_documents(store, [RawDocument(name, text, "txt", hints={"outlet": outlet})
                             for name, outlet, text in ARTICLES], "test")
    data.use_store(store)
    yield store
    data.use_store(None)
    store.close()


def _figures(line: str | None = None, lang: str = "ar", secrets: dict | None = None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30).switch_page("views/figures.py")
    at.secrets["test_marker"] = "1"  # isolates the test from any local secrets.toml
    for key, value in (secrets or {}).items():
        at.secrets[key] = value
    if line:
        at.query_params["line"] = line
    if lang != "ar":
        at.query_params["lang"] = lang
    return at


def _metrics(at: AppTest) -> dict[str, str]:
    return {m.label: str(m.value) for m in at.metric}


def _ledger_table(at: AppTest) -> pd.DataFrame:
    [table] = [d.value for d in at.dataframe if {"تعارض", "Disagree"} & set(d.value.columns)]
    return table


def _quotes_on_page(at: AppTest) -> list[str]:
    """The quoted values (bold lines) of the chosen line's quote cards, in order."""
    return [m.value.strip("*").replace("\\", "") for m in at.markdown
            if m.value.startswith("**") and m.value.endswith("**")]


def test_the_store_gives_the_lines_the_page_shows(ledger_store):
    ledger = build_ledger(ledger_store.figures().to_dict("records"))
    assert [line_id(ln.key) for ln in ledger.lines] == [TURNOVER_2023, FORECAST_2025]
    assert (ledger.undated, ledger.unplaced) == (1, 1)


def test_a_disagreeing_line_in_arabic_value_spread_flag_and_left_out_counts(ledger_store):
    at = _figures(TURNOVER_2023).run()
    assert not at.exception
    assert at.selectbox(key="fig_line").value == TURNOVER_2023
    metrics = _metrics(at)
    assert metrics["الوسيط (لا قيمة متفق عليها)"] == "4.5 مليار دولار"  # median of 4.2, 4.5 and 40
    assert metrics["المدى المذكور"] == "4 – 40 مليار دولار"
    assert (metrics["الاقتباسات"], metrics["المصادر"]) == ("3", "3")
    assert any("الاقتباسات متعارضة" in w.value for w in at.warning)
    table = _ledger_table(at)
    assert list(table.columns)[-1] == "المؤشر"  # mirrored: the first column on the right
    row = table[table["الفترة"] == "2023"].iloc[0]
    assert (row["تعارض"], row["القيمة المتفق عليها"], row["متحقق أم متوقع"]) == ("نعم", "4.5 مليار دولار", "متحقق")
    forecast = table[table["الفترة"] == "2025"].iloc[0]
    assert (forecast["تعارض"], forecast["متحقق أم متوقع"]) == ("", "توقع أو هدف")
    assert "لا تظهر في الرسوم ولا في السجل: 1 اقتباس بلا فترة، و1 اقتباس لمؤشرات أخرى" in _texts(at)
    assert sorted(_quotes_on_page(at)) == sorted(["4.2 مليار دولار في عام 2023", "تجاوز 4 مليارات دولار في عام 2023",
                                                  MISREAD_TEXT])


def test_the_same_line_in_english(ledger_store):
    at = _figures(TURNOVER_2023, lang="en").run()
    assert not at.exception
    metrics = _metrics(at)
    assert metrics["Median (no agreed value)"] == "4.5 billion USD"
    assert metrics["Quoted range"] == "4 – 40 billion USD"
    assert (metrics["Quotes"], metrics["Outlets"]) == ("3", "3")
    assert any("The quotes disagree" in w.value for w in at.warning)
    row = _ledger_table(at).set_index("Period").loc["2023"]
    assert (row["Disagree"], row["Agreed value"], row["Achieved or forecast"]) == ("yes", "4.5 billion USD", "achieved")
    assert ("Left out of the charts and the ledger: 1 quote(s) without a period and 1 of other metrics"
            in _texts(at))
    # Companies is quoted only without a period (its tab says so); other metrics get their own tab.
    assert [t.label for t in at.tabs] == ["Trade turnover", "Companies", "Other figures"]


def test_the_line_parameter_restores_the_choice_and_follows_it(ledger_store):
    at = _figures(FORECAST_2025).run()
    assert at.selectbox(key="fig_line").value == FORECAST_2025
    assert _quotes_on_page(at) == ["6 مليارات دولار في عام 2025"]
    assert _metrics(at)["القيمة المتفق عليها"] == "6 مليارات دولار"
    at.selectbox(key="fig_line").select(TURNOVER_2023).run()
    assert at.query_params["line"] == TURNOVER_2023
    at.selectbox(key="fig_line").select("").run()
    assert "line" not in at.query_params
    assert not _quotes_on_page(at)


def test_a_link_to_an_unknown_line_says_so_and_chooses_none(ledger_store):
    at = _figures("trade_turnover|USD|1999|RU-AZ|achieved").run()
    assert not at.exception
    assert any("لا يوجد السطر" in w.value for w in at.warning)
    assert at.selectbox(key="fig_line").value == ""
    assert "line" not in at.query_params


def test_the_line_parameter_stays_off_other_pages(ledger_store):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30).switch_page("views/overview.py")
    at.query_params["line"] = TURNOVER_2023
    at.run()
    assert not at.exception
    assert "line" not in at.query_params and not at.warning


def test_an_editor_marks_a_misread_quote_and_the_line_recomputes(ledger_store):
    at = _figures(TURNOVER_2023).run()  # a local run: writing is open
    quotes = _quotes_on_page(at)
    i = quotes.index(MISREAD_TEXT)
    at.button(key=f"lg_mark_{i}").click().run()
    assert any("سيُحذف هذا الرقم من المقالة 3" in w.value for w in at.warning)
    assert len(ledger_store.figures()) == 6  # nothing removed before the confirmation
    at.button(key=f"lg_mark_yes_{i}").click().run()
    assert not at.exception
    assert MISREAD_TEXT not in set(ledger_store.figures()["text"])
    assert ledger_store.article(3)["figures"][0]["text"] == "7 خرائط طريق"  # the other figure stays
    assert any("حُذف الرقم" in s.value for s in at.success)
    metrics = _metrics(at)
    assert metrics["القيمة المتفق عليها"] == "4.2 مليار دولار"
    assert metrics["المدى المذكور"] == "4 – 4.2 مليار دولار"
    assert metrics["الاقتباسات"] == "2"
    assert not any("الاقتباسات متعارضة" in w.value for w in at.warning)
    assert _ledger_table(at).set_index("الفترة").loc["2023", "تعارض"] == ""
    assert at.query_params["line"] == TURNOVER_2023
    history = ledger_store.history()
    assert "corrected" in set(history["action"])
    # The mark is a figures correction: reprocessing the articles does not bring the quote back.
    ledger_store.reprocess()
    line = find_line(build_ledger(ledger_store.figures().to_dict("records")),
                     LineKey("trade_turnover", "USD", "2023", "RU-AZ", False))
    assert len(line.quotes) == 2 and not line.disagree


def test_cancel_leaves_the_quote(ledger_store):
    at = _figures(TURNOVER_2023).run()
    i = _quotes_on_page(at).index(MISREAD_TEXT)
    at.button(key=f"lg_mark_{i}").click().run()
    at.button(key=f"lg_mark_no_{i}").click().run()
    assert len(ledger_store.figures()) == 6
    assert not any(b.key and b.key.startswith("lg_mark_yes") for b in at.button)


def test_viewers_see_the_quotes_but_no_mark(ledger_store):
    at = _figures(TURNOVER_2023, secrets={"editor_passcode": "pw"}).run()
    assert not at.exception
    assert len(_quotes_on_page(at)) == 3
    assert not [b for b in at.button if b.key and b.key.startswith("lg_mark")]
    assert not any("passcode" in (ti.label or "") for ti in at.text_input)  # no sign-in form here


def test_an_editor_signed_in_with_the_passcode_sees_the_mark(ledger_store):
    at = _figures(TURNOVER_2023, secrets={"editor_passcode": "pw"})
    at.session_state["_editor_passcode"] = "pw"  # typed on the Upload page of this browser
    at.session_state["_editor_binding"] = "none"  # AppTest has no browser connection
    at.run()
    assert len([b for b in at.button if b.key and b.key.startswith("lg_mark_")]) == 3
    assert any("passcode editor" in c.value for c in at.caption)


def test_quote_links_open_the_article_with_the_filters():
    from components.filterbar import link_params
    from corpus.filters import Filters
    assert link_params(Filters(lang="en"), {"article": 3}) == {"lang": "en", "article": "3"}


# ---- the chart and the downloads ---------------------------------------------------------------------

def _ledger(store: Store):
    return build_ledger(store.figures().to_dict("records"))


@pytest.mark.parametrize("lang,agreed,forecast,disagree", [
    ("ar", "متحقق، الاقتباسات متعارضة", "توقع أو هدف", "الاقتباسات متعارضة"),
    ("en", "achieved, quotes disagree", "forecast or target", "quotes disagree")])
def test_the_chart_has_one_point_per_line_apart_by_kind(ledger_store, lang, agreed, forecast, disagree):
    from components.charts import ledger_figure
    from components.text import FSI, LRI, RLI
    fig = ledger_figure(_ledger(ledger_store).lines, lang, "t", "USD")
    by_name = {trace.name: trace for trace in fig.data}
    assert set(by_name) == {agreed, forecast}
    line, target = by_name[agreed], by_name[forecast]
    assert line.marker.symbol == "diamond" and target.marker.symbol == "circle-open"
    assert str(pd.Timestamp(line.x[0]).date()) == "2023-01-01"  # the period's start
    assert line.y[0] == pytest.approx(4.5) and line.error_y.array[0] == pytest.approx(35.5)
    assert line.error_y.arrayminus[0] == pytest.approx(0.5)
    assert line.customdata[0][0] == TURNOVER_2023
    assert f"{FSI}{disagree}" in line.hovertemplate and disagree not in target.hovertemplate
    assert (RLI if lang == "ar" else LRI) in line.hovertemplate
    assert fig.layout.yaxis.side == ("right" if lang == "ar" else "left")


def test_the_csv_of_a_lines_quotes_is_safe_against_formulas(ledger_store):
    from components.exports import to_csv_bytes
    line = _ledger(ledger_store).lines[0]
    quotes = quote_records(line)
    quotes[0]["sentence"] = "=HYPERLINK(\"http://x\")"
    frame = pd.read_csv(io.BytesIO(to_csv_bytes(pd.DataFrame(quotes))), encoding="utf-8-sig")
    assert frame["sentence"][0].startswith("'=")
    assert set(frame["line"]) == {TURNOVER_2023}
    assert sorted(frame["value"]) == [4e9, 4.2e9, 4e10]
