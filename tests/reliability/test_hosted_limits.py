"""Files within every size limit whose text is far longer than an article (issue 13, item 6, the
text cap only): refused quickly by the command line, naming the length, instead of extracting
for minutes. Subprocesses, each bounded by a timeout."""
from __future__ import annotations

import json
import os
import subprocess
import random
import sys
import time

import pytest

from fixtures_gen import make_docx

from devtools.dashboard import ROOT

SENTENCE = "وقال الرئيس بوتين إن التبادل التجاري مع أذربيجان بلغ أربعة مليارات دولار في العام الماضي. "


def _extract(path) -> tuple[dict, float]:
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "corpus", "extract", str(path)], cwd=ROOT, text=True,
                          capture_output=True, timeout=170, env={**os.environ, "PYTHONPATH": str(ROOT)})
    [line] = [json.loads(x) for x in proc.stdout.splitlines() if x.strip()]
    return line, time.perf_counter() - start


@pytest.mark.slow
def test_a_docx_of_millions_of_characters_is_refused_quickly(tmp_path):
    # Words in random order compress about 4 times, like real text: ≈ 2 M characters.
    rng = random.Random(13)
    words = SENTENCE.split() + [str(n) for n in range(1000)]
    paragraphs = [" ".join(rng.choices(words, k=120)) for _ in range(3000)]
    path = tmp_path / "long.docx"
    path.write_bytes(make_docx(paragraphs))
    assert path.stat().st_size < 10 * 1024 * 1024
    line, seconds = _extract(path)
    assert "too long for one article" in line.get("error", ""), line
    assert seconds < 120


@pytest.mark.slow
def test_a_one_line_csv_of_megabytes_is_refused_quickly(tmp_path):
    path = tmp_path / "one-line.csv"
    path.write_text("text\n\"" + SENTENCE.strip() * 60_000 + "\"\n", encoding="utf-8")
    assert path.stat().st_size < 10 * 1024 * 1024
    line, seconds = _extract(path)
    assert "too long for one article" in line.get("error", ""), line
    assert seconds < 120
