"""Shared fixtures: paths to the shared data, and a fresh database on SQLite and PostgreSQL.

PostgreSQL tests use the server named by ``TEST_PG_URL`` (``.ci/run`` starts one on loopback with
``scripts/pg_test_server.sh``). Without it they are skipped locally, but fail under ``CI=true``, so
CI can never pass by silently skipping the real database.
"""
from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS_DIR = SHARED / "seeds"
DEVSET_DIR = SHARED / "devset"
DEVSET2_DIR = SHARED / "devset2"
RAW_DIR = ROOT / "data" / "raw"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS_DIR.is_dir():
        pytest.skip("../shared/seeds is not beside the project")
    return SEEDS_DIR


@pytest.fixture(scope="session")
def devset_dir() -> Path:
    if not DEVSET_DIR.is_dir():
        pytest.skip("../shared/devset is not beside the project")
    return DEVSET_DIR


@pytest.fixture(scope="session")
def devset2_dir() -> Path:
    if not DEVSET2_DIR.is_dir():
        pytest.skip("../shared/devset2 is not beside the project")
    return DEVSET2_DIR


def _pg_admin_url() -> str | None:
    url = os.environ.get("TEST_PG_URL", "").strip()
    if url:
        return url
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail("CI=true but TEST_PG_URL is not set: .ci/run must start PostgreSQL")
    return None


@pytest.fixture
def pg_url():
    """A fresh, empty PostgreSQL database for one test; dropped afterwards."""
    admin = _pg_admin_url()
    if admin is None:
        pytest.skip("no PostgreSQL server (set TEST_PG_URL)")
    import sqlalchemy as sa

    name = f"t_{uuid.uuid4().hex[:12]}"
    engine = sa.create_engine(admin, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}" TEMPLATE template0 ENCODING UTF8'))
    url = admin.rsplit("/", 1)[0] + "/" + name
    try:
        yield url
    finally:
        with engine.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        engine.dispose()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'corpus.sqlite'}"


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path: Path) -> str:
    """The same test on both databases."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'corpus.sqlite'}"
    return request.getfixturevalue("pg_url")


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole run (two sync Playwrights cannot share a process)."""
    from devtools.dashboard import CHROMIUM, CHROMIUM_ARGS

    if not Path(CHROMIUM).exists():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI=true but {CHROMIUM} is missing")
        pytest.skip(f"no {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(autouse=True, scope="session")
def _local_bind_for_apptest():
    """AppTest runs pages without a server; the pages see a local run (bound to loopback), where
    writing is open when nothing is configured (tests of hosted runs set another address)."""
    from streamlit import config

    previous = config.get_option("server.address")
    config.set_option("server.address", "127.0.0.1")
    yield
    config.set_option("server.address", previous)


@pytest.fixture(autouse=True, scope="session")
def _snapshot_files_in_a_temporary_folder(tmp_path_factory):
    """Stores the dashboard opens keep their snapshot file (``CORPUS_CACHE_DIR``) in this run's
    temporary folder, not in the user's cache."""
    previous = os.environ.get("CORPUS_CACHE_DIR")
    os.environ["CORPUS_CACHE_DIR"] = str(tmp_path_factory.mktemp("snapshot-files"))
    yield
    if previous is None:
        os.environ.pop("CORPUS_CACHE_DIR", None)
    else:
        os.environ["CORPUS_CACHE_DIR"] = previous
