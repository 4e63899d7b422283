"""Where things are: the project root, the bundled data and the database URL."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Mapping, Sequence

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
RAW_DIR = DATA_DIR / "raw"
LEXICON_DIR = DATA_DIR / "lexicons"
DEFAULT_DB_PATH = DATA_DIR / "corpus.sqlite"
CACHE_OFF = ("", "off", "none")


class SecretsUnreadable(RuntimeError):
    """The secrets exist but cannot be parsed, so their ``[database] url`` is unknown."""

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = tuple(problems)


def database_url(explicit: str | None = None, secrets: Mapping[str, Any] | None = None,
                 unreadable: Sequence[str] = ()) -> str:
    """``--db`` wins, then ``CORPUS_DB_URL``, then ``[database] url`` in the deployment's secrets
    (Streamlit Community Cloud keeps no local files), then the embedded SQLite file under data/.

    ``unreadable``: problems of secrets files that could not be parsed. Then the URL they hold is
    unknown, and falling back to the local SQLite file would quietly write somewhere else, so
    ``SecretsUnreadable`` is raised (unless ``--db`` or ``CORPUS_DB_URL`` decide).
    """
    if explicit:
        return explicit
    env = os.environ.get("CORPUS_DB_URL", "").strip()
    if env:
        return env
    if unreadable:
        raise SecretsUnreadable(unreadable)
    section = (secrets or {}).get("database") or {}
    from_secrets = str(section.get("url") or "").strip() if isinstance(section, Mapping) else ""
    if from_secrets:
        return from_secrets
    return f"sqlite:///{DEFAULT_DB_PATH}"


def snapshot_cache_dir() -> Path | None:
    """Where the dashboard keeps the articles' snapshot between restarts (``corpus.store.snapcache``):
    ``CORPUS_CACHE_DIR`` ("off": nowhere), else ``corpus-dashboard`` in the user's cache folder."""
    explicit = os.environ.get("CORPUS_CACHE_DIR")
    if explicit is not None:
        return None if explicit.strip().lower() in CACHE_OFF else Path(explicit).expanduser()
    base = os.environ.get("XDG_CACHE_HOME", "").strip()
    return (Path(base) if base else Path.home() / ".cache") / "corpus-dashboard"
