"""Keyword search timings: ours (Store.search over FTS5) against pandas ``str.contains``."""
from __future__ import annotations

import re
import statistics
import time
from pathlib import Path
from typing import Any, Callable

import pandas as pd
import sqlalchemy as sa
import yaml

from corpus.normalize import normalize, strip_clitics

QUERIES_FILE = Path(__file__).with_name("queries.yaml")
_PART = re.compile(r'(-?)"([^"]*)"|(\S+)')


def queries() -> list[str]:
    return [str(q) for q in yaml.safe_load(QUERIES_FILE.read_text(encoding="utf-8"))["queries"]]


def load_frame(store: Any) -> pd.DataFrame:
    """id + normalised text of the live articles: what the naive search scans."""
    with store.engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT id, norm_text FROM articles WHERE removed_at IS NULL")).all()
    return pd.DataFrame(rows, columns=["id", "norm_text"])


def _naive_terms(q: str) -> tuple[list[list[str]], list[str]]:
    """(AND of OR-groups, excluded) as normalised substrings; a word loses one leading clitic."""
    groups: list[list[str]] = []
    excluded: list[str] = []
    pending_or = False
    for m in _PART.finditer(q):
        neg, phrase, word = m.group(1), m.group(2), m.group(3)
        if word is not None and normalize(word).lower() in ("or", "او"):
            pending_or = bool(groups)
            continue
        if word is not None:
            neg = "-" if word.startswith("-") and len(word) > 1 else ""
            text = strip_clitics(normalize(word.lstrip("-")))
        else:
            text = normalize(phrase)
        if not text:
            continue
        if neg:
            excluded.append(text)
        elif pending_or:
            groups[-1].append(text)
        else:
            groups.append([text])
        pending_or = False
    return groups, excluded


def naive_search(frame: pd.DataFrame, q: str, limit: int = 50) -> tuple[list[int], int]:
    """(first ``limit`` ids, number of matches) by substring tests over the whole column."""
    groups, excluded = _naive_terms(q)
    col = frame["norm_text"]
    mask = pd.Series(True, index=frame.index)
    for group in groups:
        any_mask = pd.Series(False, index=frame.index)
        for text in group:
            any_mask |= col.str.contains(text, regex=False)
        mask &= any_mask
    for text in excluded:
        mask &= ~col.str.contains(text, regex=False)
    ids = frame["id"][mask]
    return ids.head(limit).tolist(), int(mask.sum())


def timed(fn: Callable[[], Any], repeats: int) -> tuple[list[float], Any]:
    """Seconds per call for ``repeats`` calls after one untimed warm-up call; and the last result."""
    result = fn()
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        result = fn()
        samples.append(time.perf_counter() - start)
    return samples, result


def percentile(samples: list[float], p: float) -> float:
    if not samples:
        return float("nan")
    ordered = sorted(samples)
    k = (len(ordered) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def run(store: Any, repeats: int = 5) -> dict[str, Any]:
    """Per-query and overall timings for both searches on ``store``."""
    frame = load_frame(store)
    rows, ours_all, naive_all = [], [], []
    for q in queries():
        ours, hits = timed(lambda: store.search(q, limit=50), repeats)
        naive, (_, n_naive) = timed(lambda: naive_search(frame, q), repeats)
        n_ours = len(store.articles(_filters(q))) if hasattr(store, "articles") else len(hits)
        order = store.search_order(_filters(q)) if hasattr(store, "search_order") else "relevance"
        ours_all += ours
        naive_all += naive
        rows.append({"query": q, "ours_ms": statistics.median(ours) * 1e3,
                     "naive_ms": statistics.median(naive) * 1e3, "ours_hits": n_ours,
                     "naive_hits": n_naive, "order": order})
    return {"articles": len(frame), "rows": rows,
            "ours_p50": percentile(ours_all, 50) * 1e3, "ours_p95": percentile(ours_all, 95) * 1e3,
            "naive_p50": percentile(naive_all, 50) * 1e3, "naive_p95": percentile(naive_all, 95) * 1e3}


def _filters(q: str) -> Any:
    from corpus.filters import Filters
    return Filters(q=q)
