"""Plain data types passed between the corpus modules (no behaviour, no I/O)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class RawDocument:
    """One article as read from a file, before cleaning and extraction."""

    source: str  # what the user gave: file name, "bundle.zip/inner.txt", "batch.csv#row 3"
    text: str  # decoded article text (for HTML: the main text trafilatura found)
    fmt: str  # txt, md, html, docx, csv, jsonl
    encoding: str | None = None  # detected encoding of the bytes, when the format has one
    raw: str | None = None  # the decoded original when it differs from text (HTML source)
    hints: dict[str, Any] = field(default_factory=dict)  # title/url/outlet/published from HTML or CSV


@dataclass
class ReadProblem:
    """A file (or part of one) that could not be read; ``reason`` is plain words for users.
    ``code``/``params`` (optional) let an interface say the same in its own language."""

    source: str
    reason: str
    code: str = ""
    params: dict[str, Any] = field(default_factory=dict)


@dataclass
class Figure:
    text: str  # exact substring of the article
    value: float | None
    value_max: float | None
    unit: str | None  # USD, percent, count, other
    metric: str | None  # trade_turnover, trade_growth, investment, companies, agreements, other
    qualifier: str | None  # exact, approx, more_than, less_than
    period: str | None
    sentence: str
    start: int = -1  # offset of text in the cleaned article, for highlighting
    currency: str | None = None  # original currency when unit is other (RUB, AZN, EUR)
    pair: str | None = None  # country pair when the text says it is not Russia–Azerbaijan

    def to_contract(self) -> dict[str, Any]:
        return {"text": self.text, "value": self.value, "value_max": self.value_max,
                "unit": self.unit, "metric": self.metric, "qualifier": self.qualifier,
                "period": self.period, "sentence": self.sentence}


@dataclass
class Meeting:
    date: str | None  # YYYY-MM-DD
    city: str | None  # English exonym
    kind: str | None  # visit, talks, phone_call, multilateral_summit, other
    status: str | None  # held, announced
    evidence: str  # the sentence
    date_basis: str | None = None  # explicit, weekday, publication, linked
    weekday: int | None = None  # 0=Monday … 6=Sunday when the text names one
    primary: bool = True  # False for a past meeting mentioned in passing
    month: int | None = None  # a day and month the text gives without a year, for linking
    day: int | None = None
    participants: tuple[str, ...] = ()  # third leaders named with the encounter (Pashinyan, …)

    def to_contract(self) -> dict[str, Any]:
        return {"date": self.date, "city": self.city, "kind": self.kind,
                "status": self.status, "evidence": self.evidence}


@dataclass
class Statement:
    """Words of Putin or Aliyev in an article: a direct quote or reported speech."""

    speaker: str  # putin, aliyev
    mode: str  # direct (quoted words), reported (the clause after قال … إن)
    text: str  # the statement: text[start:end] of the article
    sentence: str  # the whole sentence it stands in, as in the article
    start: int  # offsets of the statement in the text given to find_statements
    end: int
    verb: str  # the speech verb as written (قال, مضيفا, قوله …), without و/ف

    def to_contract(self) -> dict[str, Any]:
        return {"speaker": self.speaker, "mode": self.mode, "text": self.text,
                "sentence": self.sentence, "verb": self.verb}


@dataclass
class Extraction:
    """Everything extracted from one article. ``to_contract`` gives the CLI JSON object."""

    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    language: str | None = None
    meetings: list[Meeting] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)  # Putin's and Aliyev's words, in order
    provenance: dict[str, str] = field(default_factory=dict)  # field → where it came from
    clean_text: str = ""

    def to_contract(self, source: str) -> dict[str, Any]:
        return {"source": source, "title": self.title, "outlet": self.outlet,
                "published": self.published,
                "meetings": [m.to_contract() for m in self.meetings if m.primary],
                "figures": [f.to_contract() for f in self.figures],
                "topics": list(self.topics)}
