"""Command line: python -m corpus {ingest|extract|search|events|reprocess|export|removed|restore|snapshot} ...

The database URL comes from --db, else CORPUS_DB_URL, else the SQLite file under data/.
Output is JSON Lines on stdout (one object per line); progress and summaries go to stderr.
Commands that change the corpus (ingest, reprocess, restore) end by keeping its snapshot where the
dashboard looks for it (``CORPUS_CACHE_DIR``), so the dashboard's next start does not build it;
``snapshot`` does only that (at a deployment's setup).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path, PurePosixPath
from typing import Any, Sequence

from .config import database_url, snapshot_cache_dir


def _print(obj: Any) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, default=str) + "\n")


def _store(args: argparse.Namespace) -> Any:
    from .store import Store
    return Store(database_url(args.db))


def _keep_snapshot(store: Any) -> None:
    """Keep the corpus's snapshot in the dashboard's cache folder (nothing when it is off)."""
    folder = snapshot_cache_dir()
    if folder is None:
        return
    store.keep_snapshots_in(folder)
    snap = store.snapshot()
    print(f"snapshot of {snap.size} articles kept in {folder}", file=sys.stderr)


def _progress(done: int, total: int) -> None:
    print(f"\r{done}/{total}" if total else f"\r{done}", end="", file=sys.stderr, flush=True)


def cmd_ingest(args: argparse.Namespace) -> int:
    from .ingest import ingest_paths
    store = _store(args)
    results = ingest_paths(store, args.paths, who=args.who,
                           progress=_progress if args.progress else None)
    if args.progress:
        print(file=sys.stderr)
    for r in results:
        _print({"source": r.source, "status": r.status, "article_id": r.article_id,
                "duplicate_of": r.duplicate_of, "reason": r.reason})
    counts: dict[str, int] = {}
    for r in results:
        counts[r.status] = counts.get(r.status, 0) + 1
    summary = ", ".join(f"{n} {status}" for status, n in sorted(counts.items())) or "nothing found"
    print(f"{summary}; {store.count()} articles in the corpus", file=sys.stderr)
    _keep_snapshot(store)
    return 0 if results and any(r.status != "rejected" for r in results) else 1


def cmd_extract(args: argparse.Namespace) -> int:
    """Never touches the database: read, extract (linking undated meetings across FILEs), print."""
    from .extract import extract_many
    from .models import RawDocument, ReadProblem
    from .readers import read_path
    slots: list[tuple[str, Any]] = []  # (source to print, RawDocument | error reason)
    for name in args.files:
        found = read_path(name)
        docs = [d for d in found if isinstance(d, RawDocument) and d.text.strip()]
        if not docs:
            problems = [p.reason for p in found if isinstance(p, ReadProblem)]
            slots.append((name, problems[0] if problems else "no text found"))
        elif len(docs) == 1:
            slots.append((name, docs[0]))
        else:  # an archive or a table: one line per document inside
            slots.extend((d.source, d) for d in docs)
    todo = [(src, d.text, d.hints) for src, d in slots if not isinstance(d, str)]
    extractions = iter(extract_many(todo))
    for src, d in slots:
        if isinstance(d, str):
            _print({"source": src, "error": d})
        else:
            _print(next(extractions).to_contract(src))
    return 0 if any(not isinstance(d, str) for _, d in slots) else 1


def _snippet_text(segments: list[tuple[str, bool]]) -> str:
    return "".join(f"[{text}]" if hit else text for text, hit in segments)


def cmd_search(args: argparse.Namespace) -> int:
    from .filters import Filters
    store = _store(args)
    frame = store.articles(Filters(q=args.query), limit=args.limit)
    for row in frame.to_dict("records"):
        _print({"id": row["id"], "score": round(row["score"], 6), "title": row["title"],
                "outlet": row["outlet"], "published": row["published"],
                "snippet": _snippet_text(row["snippet"])})
    return 0


def _file_name(source: str) -> str:
    return PurePosixPath(source.replace("\\", "/")).name or source


def cmd_events(args: argparse.Namespace) -> int:
    store = _store(args)
    for event in store.event_sources():
        names = list(dict.fromkeys(_file_name(s) for s in event["articles"]))
        _print({"id": event["id"], "date": event["date"], "city": event["city"],
                "kind": event["kind"], "articles": names})
    return 0


def cmd_reprocess(args: argparse.Namespace) -> int:
    store = _store(args)
    n = store.reprocess(progress=_progress)
    print(f"\n{n} articles reprocessed", file=sys.stderr)
    _keep_snapshot(store)
    return 0


def cmd_snapshot(args: argparse.Namespace) -> int:
    _keep_snapshot(_store(args))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from .export import export_bytes
    data = export_bytes(_store(args), args.what, args.format)
    if args.out:
        Path(args.out).write_bytes(data)
        print(f"wrote {args.out} ({len(data)} bytes)", file=sys.stderr)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    return 0


def cmd_removed(args: argparse.Namespace) -> int:
    """The removed (hidden) articles, latest removal first: what ``restore`` brings back."""
    frame = _store(args).removed_articles(limit=args.limit)
    for row in frame.to_dict("records"):
        _print({"id": int(row["id"]), "title": row["title"], "outlet": row["outlet"],
                "published": row["published"], "removed_at": row["removed_at"]})
    print(f"{len(frame)} removed articles", file=sys.stderr)
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    store = _store(args)
    failed = 0
    for article_id in args.ids:
        done = store.restore_article(article_id, args.who)
        _print({"id": article_id, "restored": done})
        if not done:
            failed += 1
            print(f"article {article_id} is not a removed article", file=sys.stderr)
    if len(args.ids) > failed:
        store.rebuild_events()
        _keep_snapshot(store)
    return 1 if failed else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m corpus", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def with_db(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
        p.add_argument("--db", metavar="URL", help="SQLAlchemy database URL (default: "
                       "$CORPUS_DB_URL, else the SQLite file under data/)")
        return p

    p = with_db(sub.add_parser("ingest", help="store articles from files, folders and zips",
                               description="Read, extract, de-duplicate and store articles. Prints one "
                               "JSON line per document: source, status (added, duplicate, "
                               "source_added, rejected), article_id, duplicate_of, reason."))
    p.add_argument("paths", nargs="+", metavar="PATH", help="file, folder or zip")
    p.add_argument("--who", default="cli", help="name recorded in the history (default: cli)")
    p.add_argument("--progress", action="store_true", help="show progress on stderr")
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("extract", help="extract without storing (JSON Lines, one per FILE)",
                       description="Print the extraction contract object for each FILE, in input "
                       "order; never touches the database. Unreadable files print "
                       '{"source": FILE, "error": reason}.')
    p.add_argument("files", nargs="+", metavar="FILE")
    p.set_defaults(func=cmd_extract)

    p = with_db(sub.add_parser("search", help="search the corpus",
                               description='Words (all must occur), "exact phrases", -excluded, '
                               "a OR b (also أو). Alef, ya, ta marbuta and digit forms match; "
                               "و ف ب ل ك and ال prefixes are ignored."))
    p.add_argument("query", metavar="QUERY")
    p.add_argument("--limit", type=int, default=20, help="most results to print (default: 20)")
    p.set_defaults(func=cmd_search)

    p = with_db(sub.add_parser("events", help="print the meeting events (JSON Lines)",
                               description='One line per event: {"id", "date", "city", "kind", '
                               '"articles": [source file names]}.'))
    p.set_defaults(func=cmd_events)

    p = with_db(sub.add_parser("reprocess", help="re-run extraction on every stored article",
                               description="Re-extract from the stored text, re-apply human "
                               "corrections, rebuild events and the search index."))
    p.set_defaults(func=cmd_reprocess)

    p = with_db(sub.add_parser("export", help="export articles, events or figures",
                               description="CSV is UTF-8 with a BOM (opens in Excel); JSON is a list."))
    p.add_argument("--format", choices=("csv", "json"), default="csv")
    p.add_argument("--what", choices=("articles", "events", "figures"), default="articles")
    p.add_argument("--out", metavar="FILE", help="write here instead of stdout")
    p.set_defaults(func=cmd_export)

    p = with_db(sub.add_parser("removed", help="list removed articles (JSON Lines)",
                               description="Removed articles are hidden, not erased: one line per "
                               'article, latest removal first: {"id", "title", "outlet", '
                               '"published", "removed_at"}. Bring one back with restore ID.'))
    p.add_argument("--limit", type=int, default=1000, help="most articles to list (default: 1000)")
    p.set_defaults(func=cmd_removed)

    p = with_db(sub.add_parser("restore", help="restore removed articles",
                               description="Show removed articles again (see removed); recorded in "
                               "the history."))
    p.add_argument("ids", nargs="+", type=int, metavar="ID")
    p.add_argument("--who", default="cli", help="name recorded in the history (default: cli)")
    p.set_defaults(func=cmd_restore)

    p = with_db(sub.add_parser("snapshot", help="keep the corpus's snapshot for the dashboard",
                               description="Read the articles' facts the dashboard tallies and keep "
                               "them in its cache folder ($CORPUS_CACHE_DIR), so its next start "
                               "reads them in milliseconds; ingest, reprocess and restore do it too."))
    p.set_defaults(func=cmd_snapshot)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except BrokenPipeError:  # output piped into head & co.
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
