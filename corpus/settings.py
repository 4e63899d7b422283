"""Operational tunables, each with its environment variable, in one place (the deployment guide
lists them). Algorithm constants stay beside the rules they tune, with the reason for their value."""
from __future__ import annotations

import os


def _number(name: str, default: float) -> float:
    try:
        return float(os.environ.get(name, default))
    except ValueError:
        return default


# Seconds of work one uploaded file may take (reading and extracting every article it holds).
EXTRACT_BUDGET_S = _number("CORPUS_EXTRACT_BUDGET_S", 60)
# Address space one extraction worker may use.
EXTRACT_MEMORY_BYTES = int(_number("CORPUS_EXTRACT_MEMORY_MB", 1536) * 2**20)
# Extraction workers running at once in one server, across all sessions.
EXTRACT_WORKERS = max(1, int(_number("CORPUS_EXTRACT_WORKERS", 2)))
# A batch of stored articles with nothing stored for this long is no longer running.
BATCH_QUIET_S = _number("CORPUS_BATCH_QUIET_S", 120)
