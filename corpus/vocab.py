"""The code vocabularies of the extraction contract (DESIGN.md), in one home: what a meeting's
kind and status, a figure's unit, metric and qualifier, and a stored file's result may be. Code,
pages and tests import them from here; their words in each language are in data/ui_strings.yaml."""
from __future__ import annotations

KINDS = ("visit", "talks", "phone_call", "multilateral_summit", "other")
STATUSES = ("held", "announced")
UNITS = ("USD", "percent", "count", "other")
METRICS = ("trade_turnover", "trade_growth", "investment", "companies", "agreements", "other")
QUALIFIERS = ("exact", "approx", "more_than", "less_than")
# What storing one article can come to (corpus.store AddResult.status, and a refused file).
RESULT_STATUSES = ("added", "duplicate", "source_added", "rejected")
