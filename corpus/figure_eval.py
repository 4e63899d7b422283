"""Figure-only scoring against a folder's gold.jsonl (a stop-gap beside corpus/evaluate.py).

    python -m corpus.figure_eval ../shared/devset ../shared/seeds [-v]

A system figure matches a gold one in the same article when the value agrees within 1% and the
unit agrees (gold unit ``other`` matches any unit). Page tails (إقرأ أيضاً, مقالات مشابهة, ...)
are cut here, for scoring only: in the product clean.py removes them before extraction.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .extract.figures import find_figures
from .models import Figure

# Scoring only: where the page furniture starts (clean.py owns the real rule).
_TAIL = re.compile(r"^\s*(?:إقرأ أيضاً|إقرأ أيضا|اقرأ أيضاً|اقرأ أيضا|مقالات مشابهة|كلمات دلالية)",
                   re.MULTILINE)


def cut_tail(text: str) -> str:
    m = _TAIL.search(text)
    return text[:m.start()] if m else text


def read_gold(folder: Path) -> list[dict]:
    with (folder / "gold.jsonl").open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def article_path(folder: Path, name: str) -> Path:
    for candidate in (folder / "articles" / name, folder / name):
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(name)


def matches(fig: Figure, gold: dict) -> bool:
    gv = float(gold["value"])
    if fig.value is None:
        return False
    close = abs(fig.value - gv) <= 0.01 * abs(gv) if gv else fig.value == 0
    return close and (gold["unit"] == "other" or gold["unit"] == fig.unit)


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    details: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score_folder(folder: Path, score: Score | None = None) -> Score:
    score = score or Score()
    for gold in read_gold(folder):
        text = cut_tail(article_path(folder, gold["file"]).read_text(encoding="utf-8"))
        figs = find_figures(text, gold.get("published"))
        golds = list(gold.get("figures") or [])
        unmatched = list(golds)
        for fig in figs:
            hit = next((g for g in unmatched if matches(fig, g)), None)
            if hit is not None:
                unmatched.remove(hit)
                score.tp += 1
                score.details.append(f"TP {gold['file']}: {fig.text!r} {fig.value} {fig.unit} "
                                     f"{fig.metric} {fig.qualifier} {fig.period}")
            else:
                score.fp += 1
                score.details.append(f"FP {gold['file']}: {fig.text!r} {fig.value} {fig.unit}")
        for g in unmatched:
            score.fn += 1
            score.details.append(f"FN {gold['file']}: {g['text']!r} {g['value']} {g['unit']}")
    return score


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folders", nargs="+", type=Path)
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    total = Score()
    for folder in args.folders:
        s = score_folder(folder)
        print(f"{folder}: P={s.precision:.3f} R={s.recall:.3f} F1={s.f1:.3f} "
              f"(tp={s.tp} fp={s.fp} fn={s.fn})")
        if args.verbose:
            print("\n".join("  " + d for d in s.details))
        total.tp, total.fp, total.fn = total.tp + s.tp, total.fp + s.fp, total.fn + s.fn
    print(f"all: P={total.precision:.3f} R={total.recall:.3f} F1={total.f1:.3f} "
          f"(tp={total.tp} fp={total.fp} fn={total.fn})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
