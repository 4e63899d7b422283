"""The cyclic garbage collector paused over one unit of work (an article's extraction).

Extraction builds large short-lived containers (token tuples, word sets, match lists): the
collector, triggered by allocations, traverses them again and again while they are alive, and
its full collections traverse the lexicons' millions of references. Almost none of it is cyclic
garbage: reference counting frees it when the work ends. Paused, the collector runs after the
work, when what it would have traversed is gone (~5% of an article's extraction CPU).
"""
from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collection_paused() -> Iterator[None]:
    """No automatic collection inside the block; resumed on leaving it only if it ran before
    (nested blocks and a caller that disabled it itself are left as they were)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
