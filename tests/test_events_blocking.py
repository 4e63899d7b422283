"""Event grouping compares a meeting only with the events near its day (``DayIndex``); the result
must equal comparing it with every event so far (the all-pairs reference), on synthetic meetings
with every kind of clue and on the real article sets."""
from __future__ import annotations

import copy
import datetime as dt
import random
from pathlib import Path

import pytest

from corpus import synth
from corpus.extract import extract_document
from corpus.extract.events import ArticleMeeting, EveryEvent, cluster_meetings
from corpus.models import Meeting

ROOT = Path(__file__).resolve().parent
SHARED = Path("/work/shared")
REAL_SETS = [ROOT / "heldout", ROOT / "heldout2", ROOT / "heldout3", SHARED / "devset" / "articles",
             SHARED / "devset2" / "articles", SHARED / "seeds"]


def _both_ways(items: list[ArticleMeeting]) -> tuple[list, list]:
    """(blocked result, all-pairs result), each with the meetings' dates after linking."""
    mine, reference = copy.deepcopy(items), copy.deepcopy(items)
    blocked, every = cluster_meetings(mine), cluster_meetings(reference, index_type=EveryEvent)
    dates = [[(i.key, i.meeting.date, i.meeting.date_basis) for i in sorted(run, key=lambda i: i.key)]
             for run in (mine, reference)]
    return [blocked, dates[0]], [every, dates[1]]


def _synthetic(n: int, seed: int) -> list[ArticleMeeting]:
    """Generated meetings, some reported without a date (a weekday, a day and month, or nothing)
    and some without a publication date, so that every path of the grouping runs."""
    rng = random.Random(seed)
    items = []
    for name, text, truth in synth.generate(n, seed):
        m = truth["meeting"]
        if not m:
            continue
        day = dt.date.fromisoformat(m["date"])
        meeting = Meeting(date=m["date"], city=m["city"], kind=m["kind"], status=m["status"], evidence="",
                          date_basis="explicit")
        roll = rng.random()
        if roll < 0.2:
            meeting.date, meeting.date_basis, meeting.weekday = None, None, day.weekday()
        elif roll < 0.3:
            meeting.date, meeting.date_basis, meeting.month, meeting.day = None, None, day.month, day.day
        elif roll < 0.38:
            meeting.date, meeting.date_basis = None, None
        elif roll < 0.6:  # reported a day or two off (a visit's second day, "yesterday" slips)
            meeting.date = (day + dt.timedelta(days=rng.choice((-2, -1, 1, 2)))).isoformat()
        if rng.random() < 0.15:
            meeting.city = None
        published = None if rng.random() < 0.1 else truth["published"]
        items.append(ArticleMeeting(key=name, meeting=meeting, published=published, text=text[:3000]))
    return items


def _real() -> list[ArticleMeeting]:
    items = []
    for folder in REAL_SETS:
        for path in sorted(folder.glob("*.txt")) if folder.is_dir() else []:
            ex = extract_document(path.read_text(encoding="utf-8"), path.name, {})
            main = next((m for m in ex.meetings if m.primary), None)
            if main is not None:
                items.append(ArticleMeeting(key=f"{folder.name}/{path.name}", meeting=main, published=ex.published,
                                            text=f"{ex.title or ''}\n{(ex.clean_text or '')[:3000]}"))
    return items


@pytest.mark.parametrize("n,seed", [(3000, 3), (1500, 11)])
def test_blocked_grouping_equals_all_pairs_on_synthetic_meetings(n, seed):
    items = _synthetic(n, seed)
    blocked, every = _both_ways(items)
    assert blocked == every
    groups = blocked[0]
    linked = sum(1 for _, _, basis in blocked[1] if basis == "linked")
    assert len(items) > n // 3 and len(groups) > 50 and linked > 50  # every path ran
    assert any(g.date is None for g in groups)  # and some stayed undated


def test_blocked_grouping_equals_all_pairs_on_the_real_articles():
    items = _real()
    assert len(items) > 60
    blocked, every = _both_ways(items)
    assert blocked == every
    assert len(blocked[0]) > 20
