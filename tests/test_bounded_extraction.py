"""Uploaded files are read and extracted in a worker process with a time budget (corpus.bounded)."""
from __future__ import annotations

import os
import threading
import time

import pytest

from corpus import bounded
from corpus.bounded import BoundedPreview

TALKS = "التقى الرئيس الروسي فلاديمير بوتين نظيره الأذربيجاني إلهام علييف في سوتشي اليوم الاثنين."
# Many articles in one CSV: several seconds of extraction, far more than the budgets below.
SLOW_CSV = ("text\n" + "\n".join(f"\"{TALKS} وبلغ التبادل التجاري {i} مليار دولار.\"" for i in range(4000))).encode()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat") as fh:  # a zombie is dead too
        return fh.read().split(") ")[-1][0] != "Z"


def _gone_within(pid: int, seconds: float) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if not _alive(pid):
            return True
        time.sleep(0.05)
    return False


def test_the_worker_returns_the_files_articles_as_extracted():
    with BoundedPreview("talks.txt", TALKS.encode()) as job:
        previews, rejected = job.result()
    assert rejected == []
    [p] = previews
    assert p.file == "talks.txt"
    [meeting] = p.extraction.meetings
    assert (meeting.city, meeting.kind) == ("Sochi", "talks")


def test_the_worker_reports_a_bad_file_as_a_rejection_naming_it():
    with BoundedPreview("empty.txt", b"") as job:
        previews, [outcome] = job.result()
    assert previews == [] and outcome.file == "empty.txt" and outcome.status == "rejected"


def test_a_file_over_its_budget_is_refused_and_its_worker_killed():
    started = time.monotonic()
    with BoundedPreview("many.csv", SLOW_CSV, budget_s=1.5) as job:
        while not job.wait(0.1):
            pid = job.pid
        previews, [outcome] = job.result()
    assert time.monotonic() - started < 5
    assert previews == []
    assert (outcome.file, outcome.code, outcome.params) == ("many.csv", "too_slow", {"seconds": "1.5"})
    assert pid is not None and _gone_within(pid, 2)


def test_leaving_the_block_early_kills_the_worker():
    """What happens when the session stops: the Streamlit call in the polling loop raises."""
    class SessionStopped(Exception):
        pass

    with pytest.raises(SessionStopped):
        with BoundedPreview("many.csv", SLOW_CSV) as job:
            while not job.wait(0.1):
                if job.pid is not None:
                    pid = job.pid
                    raise SessionStopped
    assert _gone_within(pid, 2)


def test_files_beyond_the_worker_limit_wait_for_a_free_slot(monkeypatch):
    monkeypatch.setattr(bounded, "_slots", threading.BoundedSemaphore(1))
    with BoundedPreview("many.csv", SLOW_CSV) as first:
        first.wait(0.01)
        assert first.started
        with BoundedPreview("talks.txt", TALKS.encode()) as second:
            assert not second.wait(0.3) and not second.started
            first.cancel()  # the first file's session ends: its slot goes to the waiting file
            previews, rejected = second.result()
    assert second.started is False  # finished and released
    assert [p.file for p in previews] == ["talks.txt"] and rejected == []
