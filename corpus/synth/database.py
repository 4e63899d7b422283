"""The synthetic corpus stored in a database with its truth extractions (no extraction runs)."""
from __future__ import annotations

import sys
from typing import Callable

from ..models import Extraction, RawDocument
from .articles import generate
from .truth import truth_extraction


def write_database(n: int, url: str, seed: int = 0, batch: int = 1000,
                   progress: Callable[[int, int], None] | None = None, events: bool = True) -> int:
    """Store ``n`` articles with their truth extractions through ``Store.add_articles``; returns n.

    Fast (no extraction runs): for scale tests of the store, search and pages. Run
    ``python -m corpus reprocess`` afterwards to replace the truth with real extraction.
    """
    # Imported here, not at the top: the store (SQLAlchemy) takes ~1.5 s to import and nothing else in
    # corpus.synth needs it; ``from corpus import synth`` stays as light as the generator. (No cycle:
    # corpus.store never imports corpus.synth.)
    from ..store import Store

    store = Store(url)
    pending: list[tuple[RawDocument, Extraction]] = []
    done = 0
    for name, text, truth in generate(n, seed):
        pending.append((RawDocument(source=name, text=text, fmt="txt",
                                    hints={"outlet": truth["outlet"]}), truth_extraction(text, truth)))
        if len(pending) >= batch:
            store.add_articles(pending, who="synth")
            done += len(pending)
            pending = []
            if progress:
                progress(done, n)
    if pending:
        store.add_articles(pending, who="synth")
    try:
        if events:
            store.rebuild_events()
    except NotImplementedError:  # the store's event clustering is still being wired up
        print("events not built: Store.rebuild_events is not implemented yet", file=sys.stderr)
    store.close()
    return n
