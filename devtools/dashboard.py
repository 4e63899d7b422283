"""Run ``streamlit run app.py`` on a free loopback port over a given database, for browser tests,
load tests and benchmarks; and the flags Debian's Chromium needs on this closed network."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
# Without the background-networking flags Chromium keeps dialing hosts this machine cannot reach.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(base: str, proc: subprocess.Popen, timeout: float = 90) -> None:
    """Poll Streamlit's health endpoint until it answers (or the server dies, or time runs out)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as resp:
                if resp.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.3)
    raise TimeoutError(f"{base} not healthy after {timeout} s")


class Dashboard:
    """``streamlit run app.py`` on a free port over the database ``db_url`` (empty: leave
    ``CORPUS_DB_URL`` unset, so the secrets decide); a context manager. ``extra_args`` go to
    ``streamlit run`` after the defaults (a later flag wins, e.g. ``--secrets.files``); ``script``
    replaces app.py (a benchmark's baseline app). The kept snapshot (``CORPUS_CACHE_DIR``) goes
    beside the log unless ``extra_env`` says where: a test's server starts without one."""

    def __init__(self, db_url: str, log_path: Path, extra_env: dict[str, str] | None = None,
                 extra_args: list[str] | None = None, script: Path = ROOT / "app.py") -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        env = {**os.environ, "CORPUS_DB_URL": db_url, "PYTHONUNBUFFERED": "1",
               "PYTHONPATH": str(ROOT), "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false",
               "CORPUS_CACHE_DIR": str(Path(log_path).parent / "snapshot-cache"), **(extra_env or {})}
        self.log = Path(log_path).open("wb")
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(script),
             "--server.port", str(self.port), "--server.address", "127.0.0.1",
             "--server.headless", "true", "--server.fileWatcherType", "none",
             "--browser.gatherUsageStats", "false", *(extra_args or [])],
            cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT)
        try:
            wait_healthy(self.base, self.proc)
        except Exception:
            self.stop()
            raise

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
        self.log.close()

    def __enter__(self) -> "Dashboard":
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
