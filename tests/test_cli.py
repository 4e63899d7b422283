"""The command line: extract (no database), ingest, events, search, export, reprocess."""
from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from corpus.__main__ import main

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ("بوتين وعلييف يبحثان التعاون في باكو\n\n"
           "بحث الرئيس الروسي فلاديمير بوتين مع نظيره الأذربيجاني إلهام علييف في باكو يوم 19 أغسطس 2024 "
           "العلاقات الثنائية، وقال إن حجم التبادل التجاري بلغ 4 مليارات دولار.\n")
PHONE = ("اتصال هاتفي\n\nأجرى الرئيس بوتين اتصالا هاتفيا بالرئيس علييف يوم 5 مايو 2023 وبحثا "
         "مشروعات النقل والطاقة بين البلدين.\n")


def run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "corpus", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, env={**os.environ, **(env or {})})


def lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.fixture
def files(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(ARTICLE, encoding="utf-8")
    b.write_text(PHONE, encoding="utf-8")
    return a, b


def test_help_lists_every_command():
    out = run("--help")
    assert out.returncode == 0
    for command in ("ingest", "extract", "search", "events", "reprocess", "export"):
        assert command in out.stdout
    for command in ("ingest", "extract", "search", "events", "reprocess", "export"):
        assert run(command, "--help").returncode == 0


def test_extract_prints_one_line_per_file_in_order_without_a_database(tmp_path, files):
    a, b = files
    db = tmp_path / "should-not-exist.sqlite"
    missing = str(tmp_path / "missing.txt")
    out = run("extract", str(b), missing, str(a), env={"CORPUS_DB_URL": f"sqlite:///{db}"})
    assert out.returncode == 0, out.stderr
    rows = lines(out.stdout)
    assert [r["source"] for r in rows] == [str(b), missing, str(a)]
    assert "error" in rows[1] and rows[1]["error"]
    for row in (rows[0], rows[2]):
        assert set(row) == {"source", "title", "outlet", "published", "meetings", "figures", "topics"}
    assert rows[2]["title"] == "بوتين وعلييف يبحثان التعاون في باكو"
    assert not db.exists()


def test_extract_matches_extract_many(seeds_dir, capsys):
    from corpus.extract import extract_many
    paths = sorted(str(p) for p in seeds_dir.glob("*.txt"))
    assert main(["extract", *paths]) == 0
    rows = lines(capsys.readouterr().out)
    expected = [ex.to_contract(p) for p, ex in zip(
        paths, extract_many([(p, Path(p).read_text(encoding="utf-8")) for p in paths]))]
    assert [r["source"] for r in rows] == paths
    assert [r["meetings"] for r in rows] == [e["meetings"] for e in expected]


def test_ingest_events_search_export(db_url, files, tmp_path, capsys):
    a, b = files
    assert main(["ingest", str(a), str(b), "--db", db_url]) == 0
    results = lines(capsys.readouterr().out)
    assert [r["status"] for r in results] == ["added", "added"]
    assert main(["ingest", str(a), "--db", db_url]) == 0
    assert lines(capsys.readouterr().out)[0]["status"] == "duplicate"

    assert main(["events", "--db", db_url]) == 0
    events = lines(capsys.readouterr().out)
    assert all(set(e) == {"id", "date", "city", "kind", "articles"} for e in events)
    assert sorted(name for e in events for name in e["articles"]) == ["a.txt", "b.txt"]

    assert main(["search", "علاقة", "--db", db_url]) == 0
    hits = lines(capsys.readouterr().out)
    assert [h["title"] for h in hits] == ["بوتين وعلييف يبحثان التعاون في باكو"]
    assert "[العلاقات]" in hits[0]["snippet"]
    assert main(["search", "'; DROP TABLE articles; --", "--db", db_url]) == 0
    assert lines(capsys.readouterr().out) == []

    out_csv = tmp_path / "articles.csv"
    assert main(["export", "--format", "csv", "--what", "articles", "--out", str(out_csv), "--db", db_url]) == 0
    raw = out_csv.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == 2 and "title" in rows[0]
    out_json = tmp_path / "events.json"
    assert main(["export", "--format", "json", "--what", "events", "--out", str(out_json), "--db", db_url]) == 0
    assert isinstance(json.loads(out_json.read_text(encoding="utf-8")), list)
    out_fig = tmp_path / "figures.json"
    assert main(["export", "--format", "json", "--what", "figures", "--out", str(out_fig), "--db", db_url]) == 0
    assert isinstance(json.loads(out_fig.read_text(encoding="utf-8")), list)

    assert main(["reprocess", "--db", db_url]) == 0
    capsys.readouterr()
    assert main(["events", "--db", db_url]) == 0
    assert sorted(n for e in lines(capsys.readouterr().out) for n in e["articles"]) == ["a.txt", "b.txt"]


def test_ingest_of_nothing_readable_fails(sqlite_url, tmp_path, capsys):
    assert main(["ingest", str(tmp_path / "nothing-here"), "--db", sqlite_url]) == 1
    assert lines(capsys.readouterr().out)[0]["status"] == "rejected"
