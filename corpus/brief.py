"""An English brief of one meeting, written from its extracted fields only.

The brief never translates the Arabic text: it lists the meeting's date, city, kind, status,
participants, the figures its articles quote (unit, qualifier and period) and its topics, and its
first line says so. Its words live in ``data/lexicons/brief_en.yaml``; topic labels in
``topics.yaml``. Pure: fields in, text out.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Iterable, Mapping

from .extract.topics import topic_labels
from .lexicons import load_yaml


@dataclass(frozen=True)
class BriefFigure:
    """One quoted figure, as the brief needs it."""

    metric: str | None
    value: float | None
    value_max: float | None
    unit: str | None
    qualifier: str | None = None
    period: str | None = None
    currency: str | None = None


@dataclass(frozen=True)
class BriefFields:
    """What the brief is written from: the event's fields and what its articles quote."""

    date: dt.date | None
    city: str | None
    kind: str | None
    status: str | None
    third_leaders: tuple[str, ...] = ()
    figures: tuple[BriefFigure, ...] = ()
    topics: tuple[str, ...] = ()


def words() -> Mapping[str, Any]:
    """The brief's vocabulary (brief_en.yaml)."""
    data = load_yaml("brief_en.yaml")
    if not isinstance(data, Mapping):
        raise ValueError("brief_en.yaml must be a mapping")
    return data


def _number(x: float) -> str:
    """4.0 → '4', 4.25 → '4.25', 1000 → '1,000' (at most three decimals, zeros trimmed)."""
    if float(x).is_integer():
        return f"{int(x):,}"
    return f"{x:,.3f}".rstrip("0").rstrip(".")


def _scale(value: float) -> tuple[float, str]:
    for step in words()["scales"]:
        if abs(value) >= float(step["from"]):
            return float(step["from"]), str(step["word"])
    return 1.0, ""


def _scaled(value: float) -> str:
    factor, word = _scale(value)
    return f"{_number(value / factor)} {word}" if word else _number(value)


def amount(value: float | None, value_max: float | None, unit: str | None,
           currency: str | None = None) -> str:
    """'USD 4 billion', 'USD 4–6 billion', '11%', '1,000', 'RUB 5 billion'; '' without a value."""
    if value is None:
        return ""
    if value_max is not None and value_max != value:
        low_factor, low_word = _scale(value)
        high_factor, high_word = _scale(value_max)
        if (low_factor, low_word) == (high_factor, high_word):
            number = f"{_number(value / low_factor)}–{_number(value_max / high_factor)}"
            number = f"{number} {low_word}" if low_word else number
        else:
            number = f"{_scaled(value)}–{_scaled(value_max)}"
    else:
        number = _scaled(value)
    style = words()["units"].get(unit or "other") or {}
    if currency and unit not in ("USD", "percent", "count"):
        return f"{currency} {number}"
    return f"{style.get('prefix', '')}{number}{style.get('suffix', '')}"


def figure_phrase(figure: BriefFigure) -> str:
    """'trade turnover: more than USD 4 billion (2023)'."""
    w = words()
    metric = w["metrics"].get(figure.metric or "", None) or figure.metric or w["missing"]["metric"]
    qualifier = w["qualifiers"].get(figure.qualifier or "exact", "")
    period = figure.period or w["missing"]["period"]
    return f"{metric}: {qualifier}{amount(figure.value, figure.value_max, figure.unit, figure.currency)}" \
        f" ({period})"


def _label(table: str, code: str | None, missing: str) -> str:
    w = words()
    if not code:
        return str(w["missing"][missing])
    return str(w[table].get(code, code))


def english_brief(fields: BriefFields) -> str:
    """The brief: a label line, then one 'Field: value' line per field, figures in quoting order
    (the same phrase once), topics in the order given."""
    w = words()
    names = w["fields"]
    topics_en = topic_labels("en")
    phrases = list(dict.fromkeys(figure_phrase(f) for f in fields.figures if f.value is not None))
    topics = [topics_en.get(t, t) for t in dict.fromkeys(fields.topics)]
    full_names = w.get("third_leaders") or {}
    participants = list(dict.fromkeys([*w["leaders"],
                                       *(full_names.get(n, n) for n in fields.third_leaders)]))
    lines = [
        str(w["label"]),
        f"{names['date']}: {fields.date.isoformat() if fields.date else w['missing']['date']}",
        f"{names['city']}: {fields.city or w['missing']['city']}",
        f"{names['kind']}: {_label('kinds', fields.kind, 'kind')}",
        f"{names['status']}: {_label('statuses', fields.status, 'status')}",
        f"{names['participants']}: {', '.join(participants)}",
        f"{names['figures']}: {'; '.join(phrases) if phrases else w['missing']['figures']}",
        f"{names['topics']}: {'; '.join(topics) if topics else w['missing']['topics']}",
    ]
    return "\n".join(lines)


def brief_figures(rows: Iterable[Mapping[str, Any]]) -> tuple[BriefFigure, ...]:
    """Figure rows (store dicts) → brief figures; a figure about another country pair is left out."""
    out = []
    for r in rows:
        if r.get("pair"):
            continue
        out.append(BriefFigure(metric=r.get("metric"), value=_float(r.get("value")),
                               value_max=_float(r.get("value_max")), unit=r.get("unit"),
                               qualifier=r.get("qualifier"), period=r.get("period"),
                               currency=r.get("currency")))
    return tuple(out)


def _float(value: Any) -> float | None:
    if value is None:
        return None
    try:
        x = float(value)
    except (TypeError, ValueError):
        return None
    return None if x != x else x
