"""``python -m corpus.synth``: write the synthetic corpus as files or into a database."""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .database import write_database
from .files import write_files

DESCRIPTION = "Synthetic Arabic news articles for scale tests and benchmarks."


def _report_progress(done: int, total: int) -> None:
    print(f"\r{done}/{total}", end="\n" if done >= total else "", file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m corpus.synth", description=DESCRIPTION)
    parser.add_argument("--n", type=int, required=True, help="number of articles")
    parser.add_argument("--out", type=Path, help="folder for the .txt files (and truth.jsonl)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--db", help="database URL: store the articles with their truth extractions "
                        "(Store.add_articles) instead of writing files")
    args = parser.parse_args(argv)
    if not args.out and not args.db:
        parser.error("give --out DIR or --db URL")
    started = time.perf_counter()
    if args.db:
        count = write_database(args.n, args.db, args.seed, progress=_report_progress)
    else:
        count = write_files(args.n, args.out, args.seed)
    print(f"{count} articles in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return 0
