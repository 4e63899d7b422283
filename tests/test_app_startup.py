"""The server's start: ``streamlit run app.py`` finds app.py's ``st.App``, whose lifespan warms the
server up in a thread (imports, store, snapshot, the overview's data) while
the server already answers; after the warm-up the overview reads nothing more from the store."""
from __future__ import annotations

import asyncio
import gc
import json
import threading
import subprocess
import sys
from pathlib import Path

import pytest
import streamlit as st

from components import data, startup, warmup
from corpus import synth
from corpus.store import Store

st_testing = pytest.importorskip("streamlit.testing.v1")
ROOT = Path(__file__).resolve().parent.parent
# What importing app.py (the module ``streamlit run`` loads before the server listens) may not load
# (plotly is in: Streamlit imports it itself).
HEAVY = ("pandas", "sqlalchemy", "corpus.store", "components.data", "components.warmup")


def test_streamlit_run_serves_the_app_with_the_warm_up_and_imports_nothing_heavy_first():
    from streamlit.web.server.app_discovery import discover_asgi_app
    found = discover_asgi_app(ROOT / "app.py")
    assert found.is_asgi_app and found.import_string == "app:app"
    probe = ("import json, sys, streamlit, app, components.startup as s; "
             "print(json.dumps([isinstance(app.app, streamlit.App), app.app._user_lifespan is s.lifespan, "
             f"[m for m in {HEAVY!r} if m in sys.modules]]))")
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout.strip().splitlines()[-1]) == [True, True, []]


def _metrics(at) -> dict[str, str]:
    return {m.label: str(m.value) for m in at.metric}


def _overview():
    return st_testing.AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()


@pytest.fixture
def unfrozen():
    """A collector with nothing frozen before and after (the warm-up freezes this process's objects)."""
    gc.unfreeze()
    yield
    gc.unfreeze()


@pytest.fixture
def corpus_store(tmp_path):
    url = f"sqlite:///{tmp_path / 'corpus.sqlite'}"
    synth.write_database(80, url, seed=3)
    store = Store(url)
    data.use_store(store)
    st.cache_data.clear()
    yield store
    data.use_store(None)
    st.cache_data.clear()
    store.close()


def test_after_the_warm_up_the_overview_reads_nothing_more_from_the_store(corpus_store, monkeypatch, unfrozen):
    reference = _overview()  # the page computing everything itself
    assert not reference.exception
    expected = _metrics(reference)
    assert len(expected) == 4 and expected["المقالات"] == str(corpus_store.count())
    st.cache_data.clear()

    async def serve() -> None:  # the lifespan as the server runs it; a page waits for the warm-up
        async with startup.lifespan(None):
            startup.wait_for_warm_up(timeout=60)
    # in a thread of its own: an earlier test may have left an event loop running in this one
    server = threading.Thread(target=lambda: asyncio.run(serve()))
    server.start()
    server.join()
    # what the server holds by then (the store among it) is out of the collector's sight
    assert gc.get_freeze_count() > 0
    assert not any(obj is corpus_store for obj in gc.get_objects())

    def no_read(*args, **kwargs):
        raise AssertionError("the overview read the store after the warm-up")
    for name in ("tally", "tally_facets", "snapshot"):
        monkeypatch.setattr(corpus_store, name, no_read)
    warmed = _overview()
    assert not warmed.exception
    assert _metrics(warmed) == expected
    assert len(warmed.get("plotly_chart")) == 3


def test_a_failed_warm_up_leaves_the_pages_to_do_the_work(monkeypatch, corpus_store, unfrozen):
    def broken() -> None:
        raise RuntimeError("no database")
    monkeypatch.setattr("components.warmup.warm_up", broken)
    startup.warm_up_in_background().join(60)
    assert gc.get_freeze_count() == 0  # nothing frozen: the pages' data is not there yet
    at = _overview()
    assert not at.exception
    assert _metrics(at)["المقالات"] == str(corpus_store.count())


def _is_repl_calls_on_a_first_element(monkeypatch, prepared: bool) -> int:
    """How often Streamlit asks whether it runs in a REPL (``inspect.stack()``) while a script
    draws its first element in a process where nothing was drawn yet."""
    import streamlit.delta_generator as dg
    from streamlit import env_util

    calls: list[int] = []
    monkeypatch.setattr(dg, "_use_warning_has_been_displayed", False)
    monkeypatch.setattr(env_util, "is_repl", lambda: calls.append(1) or False)
    if prepared:
        warmup.prepare_streamlit()
    at = st_testing.AppTest.from_string("import streamlit as st\nst.metric('n', 1)\n").run()
    assert not at.exception and at.metric[0].value == "1"
    return len(calls)


def test_the_warm_up_spares_the_first_page_streamlits_repl_check(monkeypatch):
    assert _is_repl_calls_on_a_first_element(monkeypatch, prepared=False) == 1
    assert _is_repl_calls_on_a_first_element(monkeypatch, prepared=True) == 0
    # what Streamlit's first page imports lazily is loaded
    assert set(warmup.STREAMLIT_LAZY) <= set(sys.modules)
