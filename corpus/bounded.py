"""Reading and extracting one uploaded file in a worker process, within a time and memory budget.

A file within every size limit can still cost minutes (a compressed .docx that expands to
millions of characters, a CSV of one endless line). Run in the server's own threads, that work
holds the interpreter that serves every other session and goes on after its tab is closed. Here
it runs in a child process (``python -m corpus.bounded``): other sessions keep their CPU share
and their pages, the child is killed when it overruns its budget, and the caller kills it when
its session ends (the dashboard polls between Streamlit calls, which raise when the session
stops; ``BoundedPreview`` is a context manager whose exit kills a child still running). At most
``MAX_WORKERS`` children run at once in one server; further files wait for a slot.

A fresh interpreter per file (about half a second) rather than a fork: the server is
multi-threaded, and a forked child can inherit a lock some other thread held.
"""
from __future__ import annotations

import pickle
import resource
import subprocess
import sys
import threading
import time
from typing import Any

from . import settings
from .config import ROOT
from .preview import Outcome, Preview, preview_bytes, rejection

# Read when a worker starts, so a test or a deployment can change them (corpus.settings).
EXTRACT_BUDGET_S = settings.EXTRACT_BUDGET_S
EXTRACT_MEMORY_BYTES = settings.EXTRACT_MEMORY_BYTES
MAX_WORKERS = settings.EXTRACT_WORKERS

_slots = threading.BoundedSemaphore(MAX_WORKERS)

Result = tuple[list[Preview], list[Outcome]]


def _limit_memory(memory: int) -> None:
    try:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    except (ValueError, OSError):  # a lower hard limit already set by the host: keep it
        pass


def work(stdin: Any, stdout: Any) -> None:
    """The child's side: (name, data, memory) pickled on stdin, (previews, rejections) on stdout."""
    name, data, memory = pickle.load(stdin)
    _limit_memory(memory)
    try:
        result: Result = preview_bytes(name, data)
    except MemoryError:
        result = ([], [rejection(name, name, "too_big_to_extract",
                                 "the file needs more memory to extract than one upload may use",
                                 mb=memory // 2**20)])
    pickle.dump(result, stdout, protocol=pickle.HIGHEST_PROTOCOL)
    stdout.flush()


class BoundedPreview:
    """``preview_bytes(name, data)`` in a child process with a time and memory budget.

    Poll with ``wait(seconds)`` (True once there is a result); ``result()`` gives previews and
    rejections (a rejection naming the file when the budget ran out or the child died);
    leaving the ``with`` block, or ``cancel()``, kills a child that is still running.
    """

    def __init__(self, name: str, data: bytes, budget_s: float | None = None,
                 memory_bytes: int | None = None) -> None:
        self.name = name
        self._data: bytes | None = data
        self.budget_s = EXTRACT_BUDGET_S if budget_s is None else budget_s
        self.memory_bytes = EXTRACT_MEMORY_BYTES if memory_bytes is None else memory_bytes
        self._proc: subprocess.Popen[bytes] | None = None
        self._talker: threading.Thread | None = None
        self._output: list[bytes] = []
        self._started_at: float | None = None
        self._has_slot = False
        self._result: Result | None = None

    # -- lifecycle -------------------------------------------------------------------------------

    def __enter__(self) -> BoundedPreview:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.cancel()

    @property
    def pid(self) -> int | None:
        """The worker's process id while it runs."""
        return self._proc.pid if self._proc is not None else None

    @property
    def started(self) -> bool:
        """False while the file waits for a free worker."""
        return self._proc is not None

    def _start(self) -> bool:
        if not _slots.acquire(blocking=False):
            return False
        self._has_slot = True
        try:
            proc = subprocess.Popen([sys.executable, "-m", "corpus.bounded"], cwd=ROOT,
                                    stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        except BaseException:
            self._release()
            raise
        payload = pickle.dumps((self.name, self._data, self.memory_bytes), protocol=pickle.HIGHEST_PROTOCOL)
        self._proc, self._data = proc, None
        self._talker = threading.Thread(target=self._talk, args=(proc, payload), daemon=True,
                                        name=f"extract:{self.name[:40]}")
        self._talker.start()
        self._started_at = time.monotonic()
        return True

    def _talk(self, proc: subprocess.Popen[bytes], payload: bytes) -> None:
        try:
            out, _ = proc.communicate(payload)
        except (OSError, ValueError):  # killed while writing: no answer
            return
        self._output.append(out)

    def _release(self) -> None:
        if self._has_slot:
            self._has_slot = False
            _slots.release()

    def cancel(self) -> None:
        """Kill the child if it still runs and give its slot back."""
        proc, self._proc = self._proc, None
        if proc is not None and proc.poll() is None:
            proc.kill()
        if self._talker is not None:
            self._talker.join(timeout=5)
        self._release()

    # -- waiting ---------------------------------------------------------------------------------

    def wait(self, seconds: float) -> bool:
        """Wait up to ``seconds`` for the result; True when it is there (or the budget ran out)."""
        if self._result is not None:
            return True
        deadline = time.monotonic() + seconds
        if not self.started:
            while not self._start():
                if time.monotonic() >= deadline:
                    return False
                time.sleep(min(0.05, max(0.0, deadline - time.monotonic())))
        assert self._talker is not None and self._started_at is not None
        budget_end = self._started_at + self.budget_s
        self._talker.join(max(0.0, min(deadline, budget_end) - time.monotonic()))
        if not self._talker.is_alive():
            self._result = self._read_answer()
        elif time.monotonic() >= budget_end:
            self._result = self._failed("too_slow", f"extraction took longer than {self.budget_s:g} s",
                                        seconds=f"{self.budget_s:g}")
        else:
            return False
        self.cancel()
        return True

    def _read_answer(self) -> Result:
        try:
            answer: Result = pickle.loads(self._output[0])
            return answer
        except (IndexError, EOFError, pickle.UnpicklingError):  # the child died without an answer
            return self._failed("worker_died", "the extraction stopped unexpectedly")

    def _failed(self, code: str, reason: str, **params: Any) -> Result:
        return [], [rejection(self.name, self.name, code, reason, **params)]

    def result(self) -> Result:
        """Previews and rejections; waits for them (within the budget) if need be."""
        while not self.wait(0.5):
            pass
        assert self._result is not None
        return self._result


if __name__ == "__main__":
    work(sys.stdin.buffer, sys.stdout.buffer)
