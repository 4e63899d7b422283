"""Reads of the corpus's own records: the edit history, a user's unfinished batch of stored
articles, and the removed (hidden) articles that can be restored."""
from __future__ import annotations

import json
from typing import Any, Iterable

import pandas as pd
import sqlalchemy as sa

from . import schema
from .textsearch import TextSearch

A, H = schema.articles, schema.history


class HistoryReads(TextSearch):
    """The history and removal reads (``Queries`` builds on them)."""

    def history(self, limit: int = 200) -> pd.DataFrame:
        # Batch bookkeeping (unfinished_batch) is not an edit of the corpus.
        rows = self._read(sa.select(H.c.at, H.c.who, H.c.action, H.c.article_id, A.c.title, H.c.detail)
                          .outerjoin(A, A.c.id == H.c.article_id)
                          .where(H.c.action.notin_(("batch_started", "batch_finished")))
                          .order_by(H.c.id.desc()).limit(limit))
        return pd.DataFrame([tuple(r) for r in rows],
                            columns=["at", "who", "action", "article_id", "title", "detail"])

    def unfinished_batch(self, who: str) -> dict[str, Any] | None:
        """``who``'s latest batch of stored articles if it never reached its end (a closed tab, a
        crash): when it started, its files, how many articles it held and how many got stored."""
        rows = self._read(sa.select(H.c.id, H.c.at, H.c.detail).where(H.c.who == who, H.c.action == "batch_started")
                          .order_by(H.c.id.desc()).limit(1))
        if not rows:
            return None
        batch_id, at, detail = rows[0]
        later = self._read(sa.select(H.c.action, H.c.at).where(H.c.who == who, H.c.id > batch_id))
        if any(action == "batch_finished" for action, _ in later):
            return None
        info = _json_object(detail)
        stored = sum(1 for action, _ in later if action in ("added", "source_added"))
        return {"id": batch_id, "at": at, "last_at": max([at, *(when for _, when in later)]),
                "files": list(info.get("files") or []), "total": int(info.get("total") or 0), "stored": stored}

    def removed_articles(self, limit: int = 1000) -> pd.DataFrame:
        """Removed (hidden) articles, the latest removal first: what ``restore_article`` can undo."""
        rows = self._read(sa.select(A.c.id, A.c.title, A.c.outlet, A.c.published, A.c.removed_at)
                          .where(A.c.removed_at.is_not(None))
                          .order_by(A.c.removed_at.desc(), A.c.id.desc()).limit(limit))
        return pd.DataFrame([tuple(r) for r in rows],
                            columns=["id", "title", "outlet", "published", "removed_at"])

    def removed_ids(self, article_ids: Iterable[int | None]) -> set[int]:
        """Those of ``article_ids`` that are removed."""
        ids = sorted({int(i) for i in article_ids if i is not None})
        if not ids:
            return set()
        rows = self._read(sa.select(A.c.id).where(A.c.id.in_(ids), A.c.removed_at.is_not(None)))
        return {int(r.id) for r in rows}


def _json_object(text: str | None) -> dict[str, Any]:
    try:
        value = json.loads(text or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}
