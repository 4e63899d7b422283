"""The hostile corpus (hostile_corpus.py: 45 bad or odd files, 12 articles among them) through
``python -m corpus ingest DIR --db URL`` in a subprocess, on SQLite and PostgreSQL.

Every file gets at least one JSON result line naming it; the process ends normally; the articles
already in the database are unchanged; exactly the valid articles are added (plus at most one per
"either" file), and what was added is clean text; nothing is written outside the corpus folder;
a second run adds nothing. Refusing non-Arabic text is checked separately. (A language-only
refusal is not required in the first test: see ``test_cli_refuses_text_that_is_not_arabic``.)
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from reliability_support import ROOT, consistency_problems, snapshot, stored_texts
from corpus.readers import display_name

STORED = ("added", "duplicate", "source_added")
STATUSES = (*STORED, "rejected")
ESCAPES = ("evil_parent.txt", "evil_abs.txt", "evil_win.txt")


def run_ingest(db_url: str, *paths: Path, timeout: float = 300) -> tuple[subprocess.CompletedProcess, list[dict]]:
    proc = subprocess.run([sys.executable, "-m", "corpus", "ingest", *map(str, paths), "--db", db_url],
                          cwd=ROOT, capture_output=True, timeout=timeout,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    lines = [json.loads(line) for line in proc.stdout.decode("utf-8").splitlines() if line.strip()]
    return proc, lines


def _baseline(db_url: str) -> None:
    """Two articles already in the corpus before the hostile batch."""
    from corpus.extract import extract_document
    from corpus.models import RawDocument
    from corpus.store import Store
    from corpus.synth import generate
    store = Store(db_url)
    try:
        for name, text, _ in generate(2, seed=31):
            store.add_article(RawDocument(name, text, "txt"), extract_document(text, name, {}), "baseline")
    finally:
        store.close()


def _by_case(folder: Path, cases, lines) -> tuple[dict[str, list[dict]], list[dict]]:
    """Result lines grouped by the case (file) they belong to; and lines matching no case."""
    bases = sorted(((display_name(str(folder / c.name)), c.name) for c in cases), key=lambda b: -len(b[0]))
    grouped: dict[str, list[dict]] = defaultdict(list)
    orphans = []
    for line in lines:
        src = line["source"]
        for base, name in bases:
            if src == base or src.startswith(base + "#") or src.startswith(base + "/"):
                grouped[name].append(line)
                break
        else:
            orphans.append(line)
    return grouped, orphans


@pytest.fixture
def hostile_run(db_url, hostile_dir):
    folder, cases = hostile_dir
    for name in ESCAPES:
        assert not (Path("/tmp") / name).exists(), f"/tmp/{name} exists before the test"
    _baseline(db_url)
    before = snapshot(db_url)
    proc, lines = run_ingest(db_url, folder)
    return folder, cases, before, proc, lines


@pytest.mark.slow
def test_every_hostile_file_gets_a_message_and_only_articles_are_stored(db_url, hostile_run):
    folder, cases, before, proc, lines = hostile_run
    stderr = proc.stderr.decode("utf-8", "replace")
    assert proc.returncode in (0, 1), stderr[-2000:]
    assert "Traceback" not in stderr, stderr[-2000:]
    grouped, orphans = _by_case(folder, cases, lines)
    assert orphans == []
    for line in lines:
        assert line["status"] in STATUSES, line
        if line["status"] == "rejected":
            assert (line["reason"] or "").strip(), line

    problems = []
    for case in cases:
        got = grouped.get(case.name, [])
        stored = [g for g in got if g["status"] in STORED]
        refused = [g for g in got if g["status"] == "rejected"]
        if not got:
            problems.append(f"{case.name!r}: no message")
        elif case.expect == "reject" and stored and not case.language_only:
            problems.append(f"{case.name!r}: stored {len(stored)} ({case.why})")
        elif case.expect == "accept" and (len([g for g in stored if g["status"] == "added"]) != case.articles
                                          or len(refused) < case.rejected_parts):
            problems.append(f"{case.name!r}: {len(stored)} stored, {len(refused)} refused; expected "
                            f"{case.articles} added and {case.rejected_parts} refused ({refused})")
        elif case.expect == "either" and len(stored) > case.articles:
            problems.append(f"{case.name!r}: stored {len(stored)} > {case.articles}")
    assert problems == []

    after = snapshot(db_url)
    assert {i: after.texts[i] for i in before.texts} == before.texts, "existing articles changed"
    added = [g for g in lines if g["status"] == "added"]
    assert after.count == before.count + len(added)
    new_texts = {i: t for i, t in stored_texts(db_url).items() if i not in before.texts}
    for article_id, (title, raw, clean) in new_texts.items():
        for value in (title, raw, clean):
            assert "\x00" not in value and "<script" not in value.lower() and "alert(1)" not in value, article_id
    assert consistency_problems(db_url) == []
    for name in ESCAPES:  # zip entries with ../ or absolute paths were never written anywhere
        assert not (Path("/tmp") / name).exists()
        assert not list(folder.parent.parent.rglob(name))

    # The same batch again adds nothing and changes nothing.
    proc, again = run_ingest(db_url, folder)
    assert proc.returncode in (0, 1) and b"Traceback" not in proc.stderr
    assert [g for g in again if g["status"] == "added"] == []
    assert len(again) == len(lines)
    assert snapshot(db_url) == after


@pytest.mark.slow
def test_cli_refuses_text_that_is_not_arabic(hostile_dir, sqlite_url):
    """The Upload page refuses text that is not Arabic (corpus.preview); the CLI must too, or the
    corpus gets English, digit-only and junk 'articles' the extraction and search cannot use."""
    folder, cases = hostile_dir
    language_cases = [c for c in cases if c.language_only]
    proc, lines = run_ingest(sqlite_url, *[folder / c.name for c in language_cases])
    grouped, _ = _by_case(folder, language_cases, lines)
    stored = {c.name: [g["status"] for g in grouped.get(c.name, [])] for c in language_cases}
    assert all("added" not in s for s in stored.values()), stored
