"""A ledger of quoted figures: the same quantity quoted by several articles, as one line.

A quantity is a metric (trade turnover, growth, investment, companies, agreements) of a country
pair for a period, achieved or forecast. Every quote of it becomes part of one ledger line that
keeps each quote with its sentence and outlet, the value the quotes agree on, their spread and a
flag where they disagree beyond rounding.

Rounding: a quote stands for an interval. "4 مليارات" was rounded to its last significant digit,
so it stands for 3.5–4.5 billion; "4.2 مليار" for 4.15–4.25; "نحو 4 مليارات" for the same as "4"
widened a little; "أكثر من 4 مليارات" for 4–5; "بين 4 و6 مليارات" for 4–6. Quotes agree when one
value fits every interval; the agreed value is then the most precise quote's, moved into the
common part. Quotes with no period, or of a metric the ledger does not merge, are left out and
counted, so a chart can say how many it does not show.

Forecasts and targets ("سيصل", "من المتوقع", "نسعى إلى") are told from achieved values by the
words of the figure's own clause (``data/lexicons/ledger.yaml``); they get lines of their own.
Pure: no database and no Streamlit; the input is the rows ``Store.figures`` returns.
"""
from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from statistics import median
from typing import Any, Iterable, Mapping, Sequence

from .extract.arabic import CLITIC, alternation
from .lexicons import load_yaml
from .normalize import normalize
from .vocab import UNITS

RUSSIA_AZERBAIJAN = "RU-AZ"
# "نحو 4 مليارات": a little wider than the rounding of "4 مليارات".
APPROX_WIDENING = 1.1
# Significant digits looked for when guessing how a value was rounded.
MAX_DIGITS = 6
# Clause breaks: the forecast words must be in the figure's own clause.
_CLAUSE_BREAK = re.compile(r"[،,;؛:]|\s[وف](?=[^\W\d_]{3,}\s)")


@dataclass(frozen=True)
class Quote:
    """One article's quote of a quantity."""

    article_id: int
    outlet: str | None
    published: Any
    text: str
    sentence: str
    value: float
    value_max: float | None
    qualifier: str | None
    low: float
    high: float
    idx: int | None = None  # the figure's place in its article (what a misread mark removes)


@dataclass(frozen=True)
class LineKey:
    metric: str
    unit: str
    period: str
    pair: str
    forecast: bool


@dataclass
class LedgerLine:
    key: LineKey
    quotes: list[Quote] = field(default_factory=list)

    @property
    def common(self) -> tuple[float, float] | None:
        """The values every quote allows, or None when they disagree."""
        low = max(q.low for q in self.quotes)
        high = min(q.high for q in self.quotes)
        return (low, high) if low <= high else None

    @property
    def disagree(self) -> bool:
        return self.common is None

    @property
    def spread(self) -> tuple[float, float]:
        """Lowest and highest value the quotes state (ranges count with both ends)."""
        return (min(q.value for q in self.quotes), max(q.value_max or q.value for q in self.quotes))

    @property
    def value(self) -> float:
        """The agreed value: the most precise quote's, moved into what every quote allows; when
        the quotes disagree, the median of their middles."""
        common = self.common
        if common is None:
            return median((q.low + q.high) / 2 for q in self.quotes)
        best = min(self.quotes, key=lambda q: (q.high - q.low, -q.value))
        point = best.value if best.value_max is None else (best.value + best.value_max) / 2
        return min(max(point, common[0]), common[1])

    @property
    def outlets(self) -> list[str]:
        return sorted({q.outlet for q in self.quotes if q.outlet})


@dataclass
class Ledger:
    lines: list[LedgerLine]
    undated: int  # quotes of a ledger metric with no period
    unplaced: int  # quotes of other metrics or with no value or unit
    undated_by_metric: dict[str, int] = field(default_factory=dict)


# ---------------------------------------------------------------- rounding

def rounding_unit(value: float) -> float:
    """The place of the last significant digit: 4e9 → 1e9, 4.2e9 → 1e8, 1200 → 100, 17 → 1."""
    if value == 0 or not math.isfinite(value):
        return 1.0
    magnitude = 10 ** math.floor(math.log10(abs(value)))
    unit = magnitude
    for _ in range(MAX_DIGITS):
        if math.isclose(value / unit, round(value / unit), rel_tol=0, abs_tol=1e-6):
            return unit
        unit /= 10
    return unit


def quote_interval(value: float, value_max: float | None, qualifier: str | None) -> tuple[float, float]:
    """The values a quote allows (see the module docstring)."""
    if value_max is not None and value_max > value:
        return value, value_max
    unit = rounding_unit(value)
    if qualifier == "more_than":
        return value, value + unit
    if qualifier == "less_than":
        return value - unit, value
    half = unit / 2 * (APPROX_WIDENING if qualifier == "approx" else 1.0)
    return value - half, value + half


# ---------------------------------------------------------------- forecasts

@lru_cache(maxsize=1)
def _forecast_pattern() -> re.Pattern:
    words = load_yaml("ledger.yaml")["forecast_markers"]
    return re.compile(rf"(?<![^\W_]){CLITIC}(?:{alternation(words)})")


@lru_cache(maxsize=1)
def ledger_metrics() -> frozenset[str]:
    return frozenset(load_yaml("ledger.yaml")["metrics"])


def is_forecast(sentence: str, figure_text: str) -> bool:
    """Does the clause that leads to the figure speak of a forecast, a target or a plan?"""
    at = sentence.find(figure_text)
    before = sentence[:at] if at >= 0 else sentence
    clause = _CLAUSE_BREAK.split(normalize(before))[-1]
    return bool(_forecast_pattern().search(clause))


# ---------------------------------------------------------------- building

def _key(row: Mapping[str, Any]) -> LineKey | None:
    metric, unit, period = row.get("metric"), row.get("unit"), row.get("period")
    if metric not in ledger_metrics() or not unit or not period:
        return None
    return LineKey(metric=str(metric), unit=str(unit), period=str(period),
                   pair=str(row.get("pair") or RUSSIA_AZERBAIJAN),
                   forecast=is_forecast(str(row.get("sentence") or ""), str(row.get("text") or "")))


def _quote(row: Mapping[str, Any]) -> Quote:
    value = float(row["value"])
    value_max = row.get("value_max")
    value_max = float(value_max) if value_max is not None and not _missing(value_max) else None
    low, high = quote_interval(value, value_max, row.get("qualifier"))
    return Quote(article_id=int(row["article_id"]), outlet=row.get("outlet"), published=row.get("published"),
                 text=str(row.get("text") or ""), sentence=str(row.get("sentence") or ""),
                 value=value, value_max=value_max, qualifier=row.get("qualifier"), low=low, high=high,
                 idx=None if _missing(row.get("idx")) else int(row["idx"]))


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def build_ledger(rows: Iterable[Mapping[str, Any]]) -> Ledger:
    """Ledger lines from figure rows (``Store.figures(...).to_dict("records")``), largest first."""
    lines: dict[LineKey, LedgerLine] = {}
    undated = unplaced = 0
    undated_by_metric: dict[str, int] = defaultdict(int)
    for row in rows:
        if _missing(row.get("value")) or not row.get("unit"):
            unplaced += 1
            continue
        key = _key(row)
        if key is None:
            if row.get("metric") in ledger_metrics():
                undated += 1
                undated_by_metric[str(row.get("metric"))] += 1
            else:
                unplaced += 1
            continue
        lines.setdefault(key, LedgerLine(key)).quotes.append(_quote(row))
    ordered = sorted(lines.values(), key=lambda ln: (-len({q.article_id for q in ln.quotes}),
                                                      ln.key.metric, ln.key.period, ln.key.forecast))
    return Ledger(lines=ordered, undated=undated, unplaced=unplaced, undated_by_metric=dict(undated_by_metric))


def lines_by_metric(ledger: Ledger) -> dict[str, list[LedgerLine]]:
    """Ledger lines grouped by metric, in period order (what a chart of one metric plots)."""
    grouped: dict[str, list[LedgerLine]] = defaultdict(list)
    for line in ledger.lines:
        grouped[line.key.metric].append(line)
    return {m: sorted(ls, key=lambda ln: (ln.key.period, ln.key.forecast)) for m, ls in grouped.items()}


# ---------------------------------------------------------------- the line's id (URL) and tables

ACHIEVED, FORECAST = "achieved", "forecast"
_ID_SEP = "|"
# Letters, digits and . - – (periods "2024-01..2024-06", pairs "Russia–Turkey"), no separators.
_ID_PART = re.compile(r"[\w.\-\u2013]{1,40}")


def line_id(key: LineKey) -> str:
    """A stable text for a line (the ``line=`` URL parameter): metric|unit|period|pair|kind,
    e.g. ``trade_turnover|USD|2023|RU-AZ|achieved``."""
    return _ID_SEP.join((key.metric, key.unit, key.period, key.pair, FORECAST if key.forecast else ACHIEVED))


def parse_line_id(text: object) -> LineKey | None:
    """The key a ``line_id`` names, or None for anything else (a link may carry any text)."""
    parts = str(text or "").split(_ID_SEP)
    if len(parts) != 5 or not all(_ID_PART.fullmatch(p) for p in parts):
        return None
    metric, unit, period, pair, kind = parts
    if metric not in ledger_metrics() or unit not in UNITS or kind not in (ACHIEVED, FORECAST):
        return None
    return LineKey(metric=metric, unit=unit, period=period, pair=pair, forecast=kind == FORECAST)


def find_line(ledger: Ledger, key: LineKey | None) -> LedgerLine | None:
    return next((ln for ln in ledger.lines if ln.key == key), None) if key is not None else None


LINE_COLUMNS = ["line", "metric", "period", "pair", "kind", "value", "unit", "spread_low", "spread_high",
                "common_low", "common_high", "n_quotes", "n_outlets", "outlets", "disagree"]
QUOTE_COLUMNS = ["line", "article_id", "idx", "outlet", "published", "text", "sentence", "value", "value_max",
                 "qualifier", "low", "high"]


def line_record(line: LedgerLine) -> dict[str, Any]:
    """One line as a flat record (the ledger table and its CSV)."""
    key, common = line.key, line.common
    low, high = line.spread
    return {"line": line_id(key), "metric": key.metric, "period": key.period, "pair": key.pair,
            "kind": FORECAST if key.forecast else ACHIEVED, "value": line.value, "unit": key.unit,
            "spread_low": low, "spread_high": high,
            "common_low": common[0] if common else None, "common_high": common[1] if common else None,
            "n_quotes": len(line.quotes), "n_outlets": len(line.outlets), "outlets": "; ".join(line.outlets),
            "disagree": line.disagree}


def line_records(ledger: Ledger) -> list[dict[str, Any]]:
    return [line_record(line) for line in ledger.lines]


def quote_records(line: LedgerLine) -> list[dict[str, Any]]:
    """The quotes of a line as flat records, oldest publication first."""
    ordered = sorted(line.quotes, key=lambda q: (str(q.published or ""), q.article_id, q.idx or 0))
    return [{"line": line_id(line.key), "article_id": q.article_id, "idx": q.idx, "outlet": q.outlet,
             "published": q.published, "text": q.text, "sentence": q.sentence, "value": q.value,
             "value_max": q.value_max, "qualifier": q.qualifier, "low": q.low, "high": q.high}
            for q in ordered]


# ---------------------------------------------------------------- a misread quote

_FIGURE_FIELDS = ("text", "value", "value_max", "unit", "metric", "qualifier", "period", "sentence",
                  "start", "currency", "pair")


def figures_without(figures: Sequence[Mapping[str, Any]], idx: int, text: str) -> list[dict[str, Any]] | None:
    """An article's figures (``Store.article(id)["figures"]``) without the one at ``idx`` quoted as
    ``text``: the value of the ``figures`` correction that marks that quote as misread. None when
    no such figure is there any more (the article changed since the ledger was drawn)."""
    if not any(f.get("idx") == idx and f.get("text") == text for f in figures):
        return None
    return [{k: f.get(k) for k in _FIGURE_FIELDS} for f in figures if f.get("idx") != idx]
