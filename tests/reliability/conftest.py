"""Fixtures of the reliability tests (helpers live in reliability_support.py, the generated bad
files in hostile_corpus.py; both are imported by plain name from this folder)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import hostile_corpus  # noqa: E402
import reliability_support  # noqa: E402,F401  (puts the helpers on the path for the tests)

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


# `browser` comes from tests/conftest.py: one Playwright per test session (two sync Playwrights
# cannot run in one process).
