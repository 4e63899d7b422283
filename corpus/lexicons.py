"""Loads language data from data/lexicons/ (YAML and TSV), once per process."""
from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from .config import LEXICON_DIR

# libyaml's safe loader when PyYAML was built with it (ten times faster; the tests hold it equal
# to the pure-Python one on every file we ship), else the pure-Python one.
SAFE_LOADER: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(stream: Any) -> Any:
    """``yaml.safe_load`` with ``SAFE_LOADER``."""
    return yaml.load(stream, Loader=SAFE_LOADER)  # noqa: S506 - a safe loader


def lexicon_path(name: str) -> Path:
    return LEXICON_DIR / name


@lru_cache(maxsize=None)
def load_yaml(name: str) -> Any:
    """Parsed YAML file ``data/lexicons/<name>`` (cached: treat the result as read-only)."""
    with lexicon_path(name).open(encoding="utf-8") as fh:
        return parse_yaml(fh)


@lru_cache(maxsize=None)
def load_tsv(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a tab-separated file with a header line, as dicts (cached, read-only)."""
    with lexicon_path(name).open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t")
        return tuple(dict(row) for row in reader)
