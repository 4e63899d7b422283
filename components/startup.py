"""The server's start hook (``st.App``'s lifespan): warms the server up in a thread, so the
server answers at once while the imports and reads of ``components.warmup`` run beside the first
browser's download of Streamlit's bundle.

This module imports nothing heavy: ``streamlit run app.py`` imports app.py (and so this) before
the server listens; ``components.warmup`` is imported in the thread, which is the point of it."""
from __future__ import annotations

import gc
import importlib
import threading
import time
from contextlib import asynccontextmanager
from typing import Any, AsyncIterator

from streamlit.logger import get_logger

_LOG = get_logger("dashboard.startup")
# A page waits this long at most for the warm-up (which may be building the database from
# data/raw on a first start); then it goes on and waits in Streamlit's caches for what it needs.
WAIT_S = 120.0
_started: list[threading.Thread] = []


def warm_up_in_background() -> threading.Thread:
    """Start ``components.warmup.warm_up`` in a daemon thread (failures are logged: the pages
    then do the same work themselves and show what went wrong)."""
    thread = threading.Thread(target=_warm_up, name="dashboard-warm-up", daemon=True)
    _started.append(thread)
    thread.start()
    return thread


def wait_for_warm_up(timeout: float = WAIT_S) -> None:
    """Block until the warm-up is done (at once when none was started: AppTest, a plain import).
    A page script calls this before its imports: two threads importing the same modules at once
    can each find the other's half-initialised ones (an ImportError)."""
    for thread in _started:
        thread.join(timeout)


def _warm_up() -> None:
    start = time.perf_counter()
    try:
        importlib.import_module("components.warmup").warm_up()
    except Exception:
        _LOG.warning("warming up failed (the first page will do the work)", exc_info=True)
        return
    freeze_long_lived()
    _LOG.info("warmed up in %.2f s (%.2f s of CPU in this process so far)", time.perf_counter() - start,
              time.process_time())


def freeze_long_lived() -> None:
    """Move what the server holds for its lifetime (imports, the store, the corpus snapshot, the
    overview's cached data) out of the garbage collector's sight. Streamlit runs a full
    collection after every script run (``runner.postScriptGC``): at 100k articles one walked the
    snapshot's object arrays for 100–330 ms per rerun, before the last elements reached the
    browser. Frozen objects are still freed when no longer referenced; only reference cycles
    among them would stay."""
    gc.freeze()
    _LOG.info("%d objects frozen out of the collector's sight", gc.get_freeze_count())


@asynccontextmanager
async def lifespan(_app: Any) -> AsyncIterator[None]:
    """Warm up once the server is ready to answer; nothing to undo at shutdown."""
    warm_up_in_background()
    yield
