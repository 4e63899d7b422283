"""What a synthetic article was written to say, as the extraction a perfect extractor would return."""
from __future__ import annotations

from typing import Any

from ..models import Extraction, Figure, Meeting
from .templates import templates


def truth_topics(text: str) -> list[str]:
    """Topic ids for the truth extraction: the template hint words present in the text."""
    return [topic for topic, words in templates()["topic_hints"].items() if any(w in text for w in words)]


def truth_extraction(text: str, truth: dict[str, Any]) -> Extraction:
    """The extraction the text was written to yield (what a perfect extractor would return)."""
    meetings = []
    if truth["meeting"]:
        m = truth["meeting"]
        meetings.append(Meeting(date=m["date"], city=m["city"], kind=m["kind"], status=m["status"],
                                evidence=m["evidence"], date_basis="explicit"))
    figures = [Figure(text=f["text"], value=f["value"], value_max=f["value_max"], unit=f["unit"],
                      metric=f["metric"], qualifier=f["qualifier"], period=f["period"],
                      sentence=f["sentence"], start=text.find(f["text"]), currency=f.get("currency"))
               for f in truth["figures"]]
    return Extraction(title=truth["title"], outlet=truth["outlet"], published=truth["published"],
                      language="ar", meetings=meetings, figures=figures, topics=truth_topics(text),
                      provenance={"all": "synthetic truth"}, clean_text=text)
