"""Synthetic Arabic news articles for scale tests and benchmarks.

Articles are assembled from our own templates (``data/lexicons/synth_templates.yaml``, read in
``templates``): a header with an outlet and a publication stamp in one of many date styles
(``dates``), a lead sentence (a Putin–Aliyev meeting held or announced, a meeting of one of them
with someone else, a denial, or economic news), figure sentences with numbers in every written form
(``figures``), filler sentences and page furniture (read-more lists, tags, share lines:
``sentences``). About 5% are exact duplicates and 5% near-duplicates of earlier articles
(``articles``).

``generate(n, seed)`` yields ``(name, text, truth)``; ``truth`` holds what the text was built to say
(meeting date/city/kind/status, figures with values) so tests can sanity-check extraction
(``truth_extraction``). The same seed gives the same corpus. Usage::

    python -m corpus.synth --n 100000 --out /tmp/synth100k [--seed 7]
    python -m corpus.synth --n 100000 --db sqlite:////tmp/synth100k.sqlite
"""
from __future__ import annotations

from .articles import CLASS_WEIGHTS, FIRST_DAY, KIND_WEIGHTS, LAST_DAY, Event, generate
from .cli import main
from .database import write_database
from .files import write_files
from .templates import TEMPLATES
from .truth import truth_extraction, truth_topics

__all__ = ["CLASS_WEIGHTS", "FIRST_DAY", "KIND_WEIGHTS", "LAST_DAY", "TEMPLATES", "Event", "generate", "main",
           "truth_extraction", "truth_topics", "write_database", "write_files"]
