"""``ingest_paths`` of one checkout next to another's, alternated in one run: the same synthetic
files (``ingestbench.end_to_end``'s, seed 13) into a fresh SQLite, wall time and CPU of the caller
and of its workers. On this shared machine wall time follows the others' load; CPU per article
is what to compare.

    python -m benchmarks.ingestab --n 1000 --repeats 3 /path/to/old/checkout .

Each checkout runs in its own interpreter, this file run as a script (``--one REPO N``), so that
``corpus`` (and a spawned worker's main module) come from that checkout.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SEED = 13


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def one(repo: str, n: int, folder: Path) -> dict[str, float]:
    """Ingest ``folder`` with the checkout at ``repo`` (imported from there) into a fresh SQLite."""
    sys.path.insert(0, repo)  # imported here: from the checkout under test, not this one
    from corpus import synth
    from corpus.ingest import ingest_paths
    from corpus.store import Store

    if not folder.exists():
        synth.write_files(n, folder, seed=SEED, truth_file=False)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(f"sqlite:///{Path(tmp) / 'ingest.sqlite'}")
        start, me, kids = time.perf_counter(), _cpu(resource.RUSAGE_SELF), _cpu(resource.RUSAGE_CHILDREN)
        ingest_paths(store, [folder], who="bench")
        wall = time.perf_counter() - start
        caller, workers = _cpu(resource.RUSAGE_SELF) - me, _cpu(resource.RUSAGE_CHILDREN) - kids
        stored = store.count()
        store.close()
    return {"wall_s": wall, "caller_cpu_s": caller, "workers_cpu_s": workers,
            "cpu_ms_per_article": (caller + workers) / n * 1e3, "stored": stored, "load": os.getloadavg()[0]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("repos", nargs="*", help="checkouts to compare, run in turn")
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--one", nargs=2, metavar=("REPO", "N"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    folder = Path(tempfile.gettempdir()) / f"ingestab_files_{args.n if not args.one else args.one[1]}"
    if args.one:
        print(json.dumps(one(str(Path(args.one[0]).resolve()), int(args.one[1]), folder)))
        return
    for _ in range(args.repeats):
        for repo in args.repos:
            out = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--one", repo, str(args.n)],
                                 capture_output=True, text=True, check=True, cwd=repo)
            print(repo, out.stdout.strip(), flush=True)


if __name__ == "__main__":
    main()
