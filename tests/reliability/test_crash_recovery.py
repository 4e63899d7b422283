"""Crash recovery: SIGKILL ``python -m corpus ingest`` in the middle of a 2,000-article batch, on
SQLite and PostgreSQL, then run the same batch again.

After the kill the database is consistent: SQLite integrity_check and foreign keys ok, the search
index in sync with the articles, every article with its source row, near-duplicate sketch and
the extraction rows its text gives, and what is stored is exactly the files read before the kill
(in order: no half-stored batch). The second run completes the batch without duplicates: the
article count and the grouping of copies equal what the generator built (``corpus.synth`` truth:
exact duplicates are extra sources of their original), every file is stored once.
"""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from reliability_support import ROOT, consistency_problems, query_rows

N_ARTICLES = 2000
SAMPLE = 40  # stored articles whose extraction rows are re-derived from their text


@pytest.fixture(scope="module")
def synth_batch(tmp_path_factory) -> tuple[Path, list[str], dict[str, dict]]:
    from corpus.synth import generate
    folder = tmp_path_factory.mktemp("crash") / "batch"
    folder.mkdir()
    truth = {}
    for name, text, t in generate(N_ARTICLES, seed=5):
        (folder / name).write_text(text, encoding="utf-8")
        truth[name] = t
    return folder, sorted(truth), truth


def _engine(url: str) -> sa.Engine:
    from corpus.store import make_engine
    return make_engine(url)


def _sources(url: str) -> dict[str, int]:
    """File name → article id, for every source row (a file stored twice fails the test)."""
    out: dict[str, int] = {}
    for source, article_id in query_rows(url, "SELECT source, article_id FROM sources"):
        name = Path(source).name
        assert name not in out, f"{name} stored twice"
        out[name] = article_id
    return out


def _count(url: str) -> int:
    try:
        return query_rows(url, "SELECT COUNT(*) FROM articles")[0][0] or 0
    except sa.exc.DBAPIError:
        return 0


def _start_ingest(url: str, folder: Path, log: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "corpus", "ingest", str(folder), "--db", url],
                            cwd=ROOT, stdout=log.open("wb"), stderr=subprocess.STDOUT,
                            start_new_session=True)  # its own group: the extraction workers too


def _kill_mid_batch(proc: subprocess.Popen, url: str, rng: random.Random, timeout: float = 300) -> None:
    """SIGKILL once the first articles are committed, a random moment later (mid-transaction)."""
    deadline = time.monotonic() + timeout
    while _count(url) == 0:
        assert proc.poll() is None, "ingest ended before storing anything"
        assert time.monotonic() < deadline, "ingest stored nothing in time"
        time.sleep(0.1)
    time.sleep(rng.uniform(0.1, 1.0))
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(30)
    time.sleep(1.0)
    try:  # orphaned extraction workers of the killed process (same process group)
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def _extraction_rows_match(url: str, sample: int) -> list[str]:
    """Stored meetings/figures/topics of sampled articles equal a fresh extraction of their text."""
    from corpus.extract import extract_document
    engine = _engine(url)
    problems = []
    try:
        with engine.connect() as conn:
            ids = [r[0] for r in conn.execute(sa.text("SELECT id FROM articles ORDER BY id"))]
            for article_id in random.Random(1).sample(ids, min(sample, len(ids))):
                raw, source = conn.execute(sa.text(
                    "SELECT a.raw_text, (SELECT MIN(s.source) FROM sources s WHERE s.article_id = a.id) "
                    "FROM articles a WHERE a.id = :i"), {"i": article_id}).one()
                ex = extract_document(raw, source, {})
                got = [conn.execute(sa.text(f"SELECT COUNT(*) FROM {t} WHERE article_id = :i"), {"i": article_id})
                       .scalar() for t in ("meetings", "figures", "topics")]
                want = [len(ex.meetings), len(ex.figures), len(set(ex.topics))]
                if got != want:
                    problems.append(f"article {article_id}: rows {got}, extraction gives {want}")
    finally:
        engine.dispose()
    return problems


@pytest.mark.slow
def test_sigkill_mid_batch_then_rerun(db_url, synth_batch, tmp_path):
    from corpus.store import Store
    folder, names, truth = synth_batch
    originals = [n for n in names if not truth[n]["duplicate_of"] and not truth[n]["near_duplicate_of"]]
    Store(db_url).close()  # the schema exists before we start polling it

    proc = _start_ingest(db_url, folder, tmp_path / "killed.log")
    _kill_mid_batch(proc, db_url, random.Random(db_url.split(":")[0]))
    assert proc.returncode == -signal.SIGKILL

    # 1. Consistent after the kill; what is stored is exactly the files read before it, in order.
    assert consistency_problems(db_url) == []
    stored = _sources(db_url)
    k = len(stored)
    assert 0 < k < N_ARTICLES, f"killed too late to test anything ({k} of {N_ARTICLES} stored)"
    assert set(stored) == set(names[:k]), "a batch was stored in part, or out of order"
    assert _extraction_rows_match(db_url, SAMPLE) == []

    # 2. The same batch again completes it, without duplicates.
    log = tmp_path / "rerun.log"
    rerun = subprocess.run([sys.executable, "-m", "corpus", "ingest", str(folder), "--db", db_url],
                           cwd=ROOT, capture_output=True, timeout=900)
    log.write_bytes(rerun.stdout + rerun.stderr)
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    assert b"Traceback" not in rerun.stderr
    import json
    statuses = {Path(r["source"]).name: r["status"] for r in map(json.loads, rerun.stdout.splitlines())}
    again = [n for n in names[:k] if statuses.get(n) != "duplicate"]
    assert again == [], f"files stored before the kill were not recognised: {again[:5]}"

    final = _sources(db_url)
    assert sorted(final) == names, "files missing after the rerun"
    # Exact copies always join their original. A near copy joins it when the near-duplicate check
    # judges it close enough (not every rewrite is); either way it is one article, never two.
    near_apart = 0
    for name in names:
        if truth[name]["duplicate_of"]:
            assert final[name] == final[truth[name]["duplicate_of"]], f"exact copy {name} stored apart"
        elif truth[name]["near_duplicate_of"] and final[name] != final[truth[name]["near_duplicate_of"]]:
            near_apart += 1
    assert _count(db_url) == len(originals) + near_apart
    assert consistency_problems(db_url) == []
    assert _extraction_rows_match(db_url, SAMPLE) == []
    print(f"\nkilled after {k} of {N_ARTICLES} files on {db_url.split(':')[0]}; rerun stored the rest: "
          f"{_count(db_url)} articles ({near_apart} near copies kept apart), {N_ARTICLES} sources, "
          "0 lost, 0 duplicated")
