"""Fixtures of the reliability tests (helpers live in reliability_support.py, the generated bad
files in hostile_corpus.py; both are imported by plain name from this folder)."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Iterator

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import hostile_corpus  # noqa: E402
from reliability_support import CHROMIUM, CHROMIUM_ARGS, skip_or_fail  # noqa: E402

@pytest.fixture(scope="session")
def size_limit() -> int:
    """The readers' per-file size limit (the hostile corpus puts a file just over it)."""
    try:
        from corpus.readers import Limits
        limit = getattr(Limits(), "max_file_bytes", None) or getattr(Limits(), "max_bytes", None)
        if limit:
            return int(limit)
    except ImportError:
        pass
    return 20 * hostile_corpus.MB


@pytest.fixture(scope="session")
def hostile_dir(tmp_path_factory, size_limit) -> tuple[Path, list[hostile_corpus.Case]]:
    out = tmp_path_factory.mktemp("hostile") / "corpus"
    cases = hostile_corpus.build(out, size_limit)
    return out, cases


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """One headless Chromium for a test module."""
    if not Path(CHROMIUM).exists():
        skip_or_fail(f"no Chromium at {CHROMIUM}")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        skip_or_fail("playwright is not installed")
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()
