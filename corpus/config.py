"""Where things are: the project root, the bundled data and the database URL."""
from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
RAW_DIR = DATA_DIR / "raw"
LEXICON_DIR = DATA_DIR / "lexicons"
DEFAULT_DB_PATH = DATA_DIR / "corpus.sqlite"


def database_url(explicit: str | None = None) -> str:
    """``--db`` wins, then ``CORPUS_DB_URL``, then the embedded SQLite file under data/."""
    if explicit:
        return explicit
    env = os.environ.get("CORPUS_DB_URL", "").strip()
    if env:
        return env
    return f"sqlite:///{DEFAULT_DB_PATH}"
