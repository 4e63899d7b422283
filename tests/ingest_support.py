"""Documents and table dumps shared by the ingest equality tests (``test_ingest_equal``,
``test_ingest_fast``): generated and real articles, and every stored row but the write times."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from corpus import synth
from corpus.models import RawDocument
from corpus.preview import not_arabic_reason
from corpus.store import Store, schema

ROOT = Path(__file__).resolve().parent
REAL_SETS = [ROOT / "heldout", ROOT / "heldout2", ROOT / "heldout3", Path("/work/shared/devset2/articles")]
N = int(os.environ.get("INGEST_EQUAL_N", "240"))
CLOCK_COLUMNS = {"created_at", "added_at", "at", "applied_at"}  # when a row was written differs
TABLES = ("articles", "sources", "meetings", "figures", "topics", "statements", "shingles", "events",
          "event_articles", "history")


def documents() -> list[RawDocument]:
    docs = [RawDocument(source=name, text=text, fmt="txt") for name, text, _ in synth.generate(N, 21)]
    for folder in REAL_SETS:
        for path in sorted(folder.glob("*.txt")) if folder.is_dir() else []:
            docs.append(RawDocument(source=f"{folder.name}/{path.name}", text=path.read_text(encoding="utf-8"),
                                    fmt="txt"))
    return [d for d in docs if d.text.strip() and not_arabic_reason(d.text) is None]  # what ingest stores


def dump(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    tables = {t.name: t for t in schema.metadata.sorted_tables}
    out: dict[str, list[tuple[Any, ...]]] = {}
    with store.engine.connect() as conn:
        for name in TABLES:
            table = tables[name]
            cols = [c for c in table.columns if c.name not in CLOCK_COLUMNS]
            rows = conn.execute(sa.select(*cols).order_by(*table.primary_key.columns)).all()
            out[name] = [tuple(r) for r in rows]
        out["articles_fts"] = [tuple(r) for r in conn.execute(
            sa.text("SELECT rowid, terms FROM articles_fts ORDER BY rowid")).all()]
    return out
