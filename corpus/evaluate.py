"""Score extraction on folders with gold labels (the devset or the seeds layout).

    python -m corpus.evaluate DIR [DIR ...] [--json] [--floors data/eval_floors.json] [--set NAME]
                              [--link-with DIR ...] [--half A|B]

DIR holds ``gold.jsonl`` and the articles either in ``DIR/articles/*.txt`` (devset) or beside it
(``DIR/*.txt``, seeds). All articles are extracted in one run (``extract_many``), so meetings the
text does not date can be linked to events other articles date. Only the text is used, as
``python -m corpus extract FILE`` sees it; ``--url-hints`` also passes the page URL recorded with
each gold article, as an HTML reader would have it.

Metrics (see ../shared/devset/README.md): meeting detection P/R/F1; date accuracy for dates the
text fixes and for all dated meetings; city accuracy where gold has a city; published accuracy
where gold has a date; figure P/R/F1 (value within 1 %, unit agrees, gold unit "other" matches
any); event clustering pairwise F1 over the gold meeting articles. With ``--floors`` the exit
status is 1 when any metric is below the floor pinned for this set (``--set``, default: the
folder's name).

Also reported: ``published_text``, publication dates on items whose gold ``published_basis`` is
"text" (shown in the text itself); ``dates_given_right``, the share of the meeting dates the system
gives (on gold meeting articles) that are right, since a wrong date is worse than none; and
``date_reachable``, dates of gold meetings that the text fixes or that another article of the run
(scored or ``--link-with``) fixes for the same event.

Several DIRs are scored each on its own but extracted in one batch, so linking sees all of them;
``--link-with`` adds folders to the batch without scoring them. ``--half A|B`` keeps one half of
the events of the given DIRs (a split by event, balanced on article counts, see ``split_halves``),
so rules can be developed on one half while the other stays unread.
"""
from __future__ import annotations

import argparse
import json
import sys
import zlib
from collections import defaultdict
from itertools import combinations
from pathlib import Path
from typing import Any

from .extract import extract_many_with_events
from .models import Extraction

FIGURE_TOLERANCE = 0.01
# Phrases in gold date_basis that mean the text alone does not fix the date.
NOT_TEXT_FIXED = ("public record", "other articles")


def load_gold(folder: Path) -> list[dict[str, Any]]:
    with (folder / "gold.jsonl").open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def article_path(folder: Path, name: str) -> Path:
    nested = folder / "articles" / name
    return nested if nested.exists() else folder / name


def read_text(path: Path) -> str:
    return path.read_bytes().decode("utf-8", errors="replace")


def _ratio(num: int, den: int) -> float | None:
    return round(num / den, 4) if den else None


def _prf(tp: int, n_sys: int, n_gold: int) -> tuple[float | None, float | None, float | None]:
    p, r = _ratio(tp, n_sys), _ratio(tp, n_gold)
    if p is None or r is None:
        return p, r, None
    return p, r, round(2 * p * r / (p + r), 4) if p + r else 0.0


def _figure_matches(system: list[Any], gold: list[dict[str, Any]]) -> int:
    """One-to-one matches: value within 1 % and unit agreeing (gold "other" matches any)."""
    used: set[int] = set()
    hits = 0
    for g in gold:
        gv = g.get("value")
        for i, f in enumerate(system):
            if i in used or f.value is None or gv is None:
                continue
            close = abs(f.value - gv) <= FIGURE_TOLERANCE * abs(gv) if gv else f.value == 0
            unit_ok = g.get("unit") == "other" or f.unit == g.get("unit")
            if close and unit_ok:
                used.add(i)
                hits += 1
                break
    return hits


def _text_fixed(meeting: dict[str, Any]) -> bool:
    return bool(meeting.get("date")) and not any(p in (meeting.get("date_basis") or "") for p in NOT_TEXT_FIXED)


def score(gold: list[dict[str, Any]], extractions: list[Extraction], events: list[Any],
          keys: list[str], fixed_events: set[str] | None = None) -> dict[str, Any]:
    """Metrics of one set. ``fixed_events``: event ids that some article of the run dates by its
    text (for ``date_reachable``; by default, those of this set)."""
    if fixed_events is None:
        fixed_events = {g["meeting"]["event_id"] for g in gold
                        if g.get("meeting") and g["meeting"].get("event_id") and _text_fixed(g["meeting"])}
    det_tp = det_sys = det_gold = 0
    fixed_ok = fixed_n = all_ok = all_n = city_ok = city_n = pub_ok = pub_n = 0
    given_n = given_ok = reach_n = reach_ok = pubt_n = pubt_ok = 0
    fig_tp = fig_sys = fig_gold = 0
    misses: list[str] = []
    for g, ex in zip(gold, extractions):
        name = g["file"]
        primary = [m for m in ex.meetings if m.primary]
        found = bool(primary)
        det_sys += found
        det_gold += bool(g.get("is_putin_aliyev_meeting"))
        det_tp += found and bool(g.get("is_putin_aliyev_meeting"))
        if found != bool(g.get("is_putin_aliyev_meeting")):
            misses.append(f"{name}: detection {found}")
        gm = g.get("meeting") or {}
        m0 = primary[0] if primary else None
        if g.get("is_putin_aliyev_meeting") and m0 is not None and m0.date:
            given_n += 1
            given_ok += m0.date == gm.get("date")
        if gm.get("date"):
            ok = m0 is not None and m0.date == gm["date"]
            all_n += 1
            all_ok += ok
            if _text_fixed(gm):
                fixed_n += 1
                fixed_ok += ok
            if _text_fixed(gm) or gm.get("event_id") in fixed_events:
                reach_n += 1
                reach_ok += ok
            if not ok:
                misses.append(f"{name}: date {m0.date if m0 else None} != {gm['date']}")
        if gm.get("city"):
            ok = m0 is not None and m0.city == gm["city"]
            city_n += 1
            city_ok += ok
            if not ok:
                misses.append(f"{name}: city {m0.city if m0 else None} != {gm['city']}")
        if g.get("published"):
            pub_n += 1
            pub_ok += ex.published == g["published"]
            if g.get("published_basis") == "text":
                pubt_n += 1
                pubt_ok += ex.published == g["published"]
            if ex.published != g["published"]:
                misses.append(f"{name}: published {ex.published} != {g['published']}")
        gold_figs = g.get("figures") or []
        hits = _figure_matches(ex.figures, gold_figs)
        fig_tp += hits
        fig_sys += len(ex.figures)
        fig_gold += len(gold_figs)
        if hits < len(gold_figs) or hits < len(ex.figures):
            misses.append(f"{name}: figures {hits} matched of {len(ex.figures)} found, {len(gold_figs)} gold")
    dp, dr, df = _prf(det_tp, det_sys, det_gold)
    fp, fr, ff = _prf(fig_tp, fig_sys, fig_gold)
    cp, cr, cf = _clustering(gold, events, keys)
    return {
        "articles": len(gold),
        "detection_precision": dp, "detection_recall": dr, "detection_f1": df,
        "date_text_fixed": _ratio(fixed_ok, fixed_n), "date_text_fixed_n": fixed_n,
        "date_all": _ratio(all_ok, all_n), "date_all_n": all_n,
        "date_reachable": _ratio(reach_ok, reach_n), "date_reachable_n": reach_n,
        "dates_given_right": _ratio(given_ok, given_n), "dates_given_n": given_n,
        "city": _ratio(city_ok, city_n), "city_n": city_n,
        "published": _ratio(pub_ok, pub_n), "published_n": pub_n,
        "published_text": _ratio(pubt_ok, pubt_n), "published_text_n": pubt_n,
        "figure_precision": fp, "figure_recall": fr, "figure_f1": ff,
        "clustering_precision": cp, "clustering_recall": cr, "clustering_f1": cf,
        "misses": misses,
    }


def _clustering(gold: list[dict[str, Any]], events: list[Any], keys: list[str]):
    event_of = {k: e.id for e in events for k in e.members}
    arts = [(k, g["meeting"]["event_id"]) for k, g in zip(keys, gold)
            if g.get("is_putin_aliyev_meeting") and (g.get("meeting") or {}).get("event_id")]
    gold_pairs = {(a, b) for (a, ea), (b, eb) in combinations(arts, 2) if ea == eb}
    sys_pairs = {(a, b) for (a, _), (b, _) in combinations(arts, 2)
                 if event_of.get(a) is not None and event_of.get(a) == event_of.get(b)}
    tp = len(gold_pairs & sys_pairs)
    return _prf(tp, len(sys_pairs), len(gold_pairs))


def _group_key(set_name: str, g: dict[str, Any]) -> str:
    return (g.get("meeting") or {}).get("event_id") or f"{set_name}/{g['file']}"


def split_halves(golds: dict[str, list[dict[str, Any]]]) -> dict[tuple[str, str], str]:
    """(set, file) -> "A" or "B": whole events (a distractor is its own group) go to one half,
    the largest first, each to the half with fewer articles so far; ties broken by a CRC of the
    event id, so the split is fixed and needs no reading of the articles."""
    groups: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for set_name, gold in golds.items():
        for g in gold:
            groups[_group_key(set_name, g)].append((set_name, g["file"]))
    size = {"A": 0, "B": 0}
    half: dict[tuple[str, str], str] = {}
    for key in sorted(groups, key=lambda k: (-len(groups[k]), zlib.crc32(k.encode()))):
        h = min("AB", key=lambda x: (size[x], x))
        size[h] += len(groups[key])
        for member in groups[key]:
            half[member] = h
    return half


def _docs(folder: Path, gold: list[dict[str, Any]], url_hints: bool) -> list[tuple]:
    docs = []
    for g in gold:
        hints = {"url": g["url"]} if url_hints and g.get("url") else None
        docs.append((f"{folder.resolve().name}/{g['file']}", read_text(article_path(folder, g["file"])), hints))
    return docs


def evaluate_sets(folders: list[Path], link_with: list[Path] | None = None, half: str | None = None,
                  url_hints: bool = False) -> dict[str, dict[str, Any]]:
    """Scores per folder name. All folders (and ``link_with``) are extracted in one batch."""
    golds = {f.resolve().name: load_gold(f) for f in folders}
    if half:
        halves = split_halves(golds)
        golds = {n: [g for g in gold if halves[(n, g["file"])] == half] for n, gold in golds.items()}
    docs: list[tuple] = []
    spans: dict[str, tuple[int, int]] = {}
    for folder in folders:
        name = folder.resolve().name
        spans[name] = (len(docs), len(docs) + len(golds[name]))
        docs += _docs(folder, golds[name], url_hints)
    extra_gold: list[dict[str, Any]] = []
    for folder in link_with or []:
        gold = load_gold(folder) if (folder / "gold.jsonl").exists() else []
        extra_gold += gold
        docs += _docs(folder, gold, url_hints)
    extractions, events = extract_many_with_events(docs)
    keys = [d[0] for d in docs]
    fixed_events = {g["meeting"]["event_id"] for gold in [*golds.values(), extra_gold] for g in gold
                    if g.get("meeting") and g["meeting"].get("event_id") and _text_fixed(g["meeting"])}
    results = {}
    for name, (a, b) in spans.items():
        results[name] = score(golds[name], extractions[a:b], events, keys[a:b], fixed_events)
    return results


def evaluate_folder(folder: Path, url_hints: bool = False, link_with: list[Path] | None = None) -> dict[str, Any]:
    return evaluate_sets([folder], link_with=link_with, url_hints=url_hints)[folder.resolve().name]


METRICS = ("detection_f1", "date_text_fixed", "date_all", "date_reachable", "dates_given_right", "city",
           "published", "published_text", "figure_f1", "clustering_f1")


def check_floors(result: dict[str, Any], floors: dict[str, float]) -> list[str]:
    """Metrics below their floor (a metric with no data cannot fail)."""
    failures = []
    for metric, floor in floors.items():
        value = result.get(metric)
        if value is not None and value + 1e-9 < floor:
            failures.append(f"{metric} {value:.4f} < floor {floor:.2f}")
    return failures


def _print(result: dict[str, Any]) -> None:
    for key in ("articles", *METRICS, "dates_given_n", "detection_precision", "detection_recall", "figure_precision",
                "figure_recall", "clustering_precision", "clustering_recall"):
        print(f"{key:22} {result.get(key)}")
    for line in result["misses"]:
        print("  miss:", line)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m corpus.evaluate", description=__doc__.split("\n")[0])
    ap.add_argument("folders", type=Path, nargs="+")
    ap.add_argument("--json", action="store_true", help="print the metrics as one JSON object per set")
    ap.add_argument("--floors", type=Path, help="JSON file of pinned floors per set")
    ap.add_argument("--set", dest="set_name", help="which floors to apply (default: the folder name)")
    ap.add_argument("--link-with", type=Path, nargs="*", default=[],
                    help="folders extracted in the same batch for linking, not scored")
    ap.add_argument("--half", choices=("A", "B"), help="score one half of the events of the given folders")
    ap.add_argument("--url-hints", action="store_true", help="pass the gold page URL as a hint (as HTML input has it)")
    args = ap.parse_args(argv)
    for folder in [*args.folders, *args.link_with]:
        if not (folder / "gold.jsonl").exists():
            print(f"no gold.jsonl in {folder}", file=sys.stderr)
            return 2
    results = evaluate_sets(args.folders, link_with=args.link_with, half=args.half, url_hints=args.url_hints)
    failures = []
    floors = json.loads(args.floors.read_text(encoding="utf-8")) if args.floors else {}
    for name, result in results.items():
        if args.json:
            print(json.dumps({"set": name, **result}, ensure_ascii=False))
        else:
            print(f"== {name}")
            _print(result)
        if args.floors:
            set_name = args.set_name if (args.set_name and len(results) == 1) else name
            failures += [f"{name}: {f}" for f in check_floors(result, floors.get(set_name, {}))]
    for f in failures:
        print("BELOW FLOOR:", f, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
