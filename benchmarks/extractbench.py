"""CPU per article of ``extract_document``, one checkout next to another in the same run.

    python benchmarks/extractbench.py [--before /work/main] [--rounds 3] [--n 400]

Each round measures every checkout in a fresh process (alternating which goes first), with
``time.process_time`` around ``extract_document`` only, over (a) ``n`` generated articles
(``corpus.synth.generate``, seed 1) and (b) the real articles read in place: /work/shared/seeds,
/work/shared/devset/articles, /work/shared/devset2/articles and tests/heldout*/. The lexicons are
loaded (one warm-up extraction) before the clock starts.

``--measure ROOT`` is the child: it imports ``corpus`` from ROOT and prints one JSON line.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parents[1]
SHARED = Path("/work/shared")


def real_paths(root: Path = HERE) -> list[Path]:
    """The real article files (``.txt``), read in place."""
    folders = [SHARED / "seeds", SHARED / "devset" / "articles", SHARED / "devset2" / "articles"]
    folders += sorted(p for p in (root / "tests").glob("heldout*") if p.is_dir())
    return [f for folder in folders for f in sorted(folder.glob("*.txt"))]


def _cpu_ms_per_article(extract: Any, docs: list[tuple[str, str, dict[str, Any]]]) -> float:
    start = time.process_time()
    for source, text, hints in docs:
        extract(text, source, dict(hints))
    return (time.process_time() - start) / len(docs) * 1e3


def measure(root: str, n: int) -> dict[str, Any]:
    """Child process: CPU ms per article of the ``corpus`` found under ``root``."""
    sys.path.insert(0, root)
    from corpus import synth
    from corpus.extract import extract_document
    from corpus.models import RawDocument
    from corpus.readers import read_path

    generated = [(name, text, {}) for name, text, _ in synth.generate(n, 1)]
    real = [(d.source, d.text, dict(d.hints)) for p in real_paths()
            for d in read_path(str(p)) if isinstance(d, RawDocument)]
    extract_document(*generated[0][:2])  # lexicons loaded, regexes compiled
    return {"root": root, "generated_n": len(generated), "real_n": len(real),
            "generated_ms": _cpu_ms_per_article(extract_document, generated),
            "real_ms": _cpu_ms_per_article(extract_document, real)}


def _run_child(root: str, n: int) -> dict[str, Any]:
    out = subprocess.run([sys.executable, __file__, "--measure", root, "--n", str(n)],
                         check=True, capture_output=True, text=True, cwd=root)
    return json.loads(out.stdout.strip().splitlines()[-1])


def compare(before: str, after: str, rounds: int, n: int) -> None:
    print(f"load before: {os.getloadavg()}")
    rows: dict[str, list[dict[str, Any]]] = {before: [], after: []}
    for r in range(rounds):
        order = (before, after) if r % 2 == 0 else (after, before)
        for root in order:
            res = _run_child(root, n)
            rows[root].append(res)
            print(f"round {r + 1} {root:>20}: generated {res['generated_ms']:.2f} ms ({res['generated_n']}), "
                  f"real {res['real_ms']:.2f} ms ({res['real_n']})  load {os.getloadavg()[0]:.2f}", flush=True)
    print(f"load after: {os.getloadavg()}")
    for label, root in (("before", before), ("after", after)):
        gen = sorted(x["generated_ms"] for x in rows[root])
        real = sorted(x["real_ms"] for x in rows[root])
        print(f"{label:>6} {root}: generated min {gen[0]:.2f} / median {gen[len(gen) // 2]:.2f} ms, "
              f"real min {real[0]:.2f} / median {real[len(real) // 2]:.2f} ms")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--before", default="/work/main")
    ap.add_argument("--after", default=str(HERE))
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--n", type=int, default=400)
    ap.add_argument("--measure", metavar="ROOT")
    args = ap.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure, args.n)))
    else:
        compare(args.before, args.after, args.rounds, args.n)


if __name__ == "__main__":
    main()
