"""The synthetic corpus written as UTF-8 .txt files, with what each was built to say in truth.jsonl."""
from __future__ import annotations

import contextlib
import json
from pathlib import Path

from .articles import generate


def write_files(n: int, out: Path, seed: int = 0, truth_file: bool = True) -> int:
    """Write ``n`` articles as UTF-8 .txt files (plus ``truth.jsonl``); returns the count."""

    out.mkdir(parents=True, exist_ok=True)
    count = 0
    with contextlib.ExitStack() as stack:
        fh = stack.enter_context((out / "truth.jsonl").open("w", encoding="utf-8")) if truth_file else None
        for name, text, truth in generate(n, seed):
            (out / name).write_text(text, encoding="utf-8")
            if fh is not None:
                fh.write(json.dumps({"file": name, **truth}, ensure_ascii=False) + "\n")
            count += 1
    return count
