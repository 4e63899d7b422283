"""Web pages that are not articles, and HTML reading without its parser (issue 13, item 12),
through the command line in a subprocess: refused with the reason, never quietly degraded."""
from __future__ import annotations

import json
import os
import subprocess
import sys

from devtools.dashboard import ROOT

ONE_WORD = "<html><head><title>x</title></head><body><p>بوتين</p></body></html>"
ARTICLE = ("<html><head><title>بوتين يستقبل علييف</title></head><body><nav>الرئيسية | أخبار | رياضة</nav>"
           "<article><p>استقبل الرئيس الروسي فلاديمير بوتين اليوم في موسكو نظيره الأذربيجاني إلهام علييف، "
           "وبحث الرئيسان التعاون في الطاقة والنقل والتبادل التجاري الذي بلغ أربعة مليارات دولار.</p>"
           "</article></body></html>")
# Runs the CLI with one of trafilatura's dependencies made unimportable.
WITHOUT_JUSTEXT = ("import sys; sys.modules['justext'] = None; from corpus.__main__ import main; "
                   "raise SystemExit(main(sys.argv[1:]))")


def _run(args: list[str], tmp_path, code: str | None = None) -> subprocess.CompletedProcess:
    command = [sys.executable, "-c", code, *args] if code else [sys.executable, "-m", "corpus", *args]
    return subprocess.run(command, cwd=ROOT, capture_output=True, timeout=180, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT),
                               "CORPUS_DB_URL": f"sqlite:///{tmp_path / 'cli.sqlite'}"})


def _lines(proc: subprocess.CompletedProcess) -> list[dict]:
    return [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]


def test_one_word_page_is_refused_by_ingest_with_the_reason(tmp_path):
    page = tmp_path / "one-word.html"
    page.write_text(ONE_WORD, encoding="utf-8")
    proc = _run(["ingest", str(page)], tmp_path)
    [line] = _lines(proc)
    assert (line["status"], line["article_id"]) == ("rejected", None)
    assert "no article body" in line["reason"] and proc.returncode == 1
    assert "0 articles in the corpus" in proc.stderr


def test_one_word_page_is_refused_by_extract(tmp_path):
    page = tmp_path / "one-word.html"
    page.write_text(ONE_WORD, encoding="utf-8")
    [line] = _lines(_run(["extract", str(page)], tmp_path))
    assert "no article body" in line["error"]


def test_an_article_page_is_still_read(tmp_path):
    page = tmp_path / "article.html"
    page.write_text(ARTICLE, encoding="utf-8")
    [line] = _lines(_run(["extract", str(page)], tmp_path))
    assert "error" not in line and line["title"]


def test_html_without_trafilatura_fails_loudly(tmp_path):
    page = tmp_path / "article.html"
    page.write_text(ARTICLE, encoding="utf-8")
    proc = _run(["extract", str(page)], tmp_path, code=WITHOUT_JUSTEXT)
    [line] = _lines(proc)
    assert "trafilatura cannot be imported" in line.get("error", ""), line
    assert proc.returncode == 1
    assert "HTML reading is unavailable" in proc.stderr
    ingest = _run(["ingest", str(page)], tmp_path, code=WITHOUT_JUSTEXT)
    [line] = _lines(ingest)
    assert line["status"] == "rejected" and "trafilatura" in line["reason"]
