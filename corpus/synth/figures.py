"""Figure sentences: amounts of money, percentages, counts and volumes written every way Arabic news
writes them (digits, Indic digits, words, scale words with agreement, ranges, reversed decimals),
with a qualifier, a period and the value the text says."""
from __future__ import annotations

import datetime as dt
import random
from typing import Any

from .templates import fill, sentence, templates, to_indic


def _fmt_plain(value: float) -> str:
    """4 → "4", 4.5 → "4.5" (no trailing zeros)."""
    return f"{value:.2f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))


def _fmt_grouped(value: int) -> str:
    return f"{value:,}"


def _scale_phrase(rng: random.Random, mantissa: float, scale: dict[str, Any]) -> str:
    """Number + scale word with Arabic agreement: 1 → مليار, 2 → ملياري, 3–10 → مليارات, else مليار."""
    if mantissa == 1:
        return scale["one"]
    if mantissa == 2:
        return scale["dual"]
    words = templates()["numbers"]["masculine"]
    whole = mantissa == int(mantissa)
    if whole and 3 <= mantissa <= 10:
        if rng.random() < 0.35:
            return f"{words[int(mantissa) - 1]} {scale['plural']}"
        return f"{int(mantissa)} {scale['plural']}"
    return f"{_fmt_plain(mantissa)} {scale['one']}"


def _money_amount(rng: random.Random) -> tuple[str, float, float | None]:
    """A written amount (without currency) and its value (and upper bound for ranges)."""
    scales = templates()["numbers"]["scales"]
    scale = scales[2] if rng.random() < 0.6 else scales[1]
    form = rng.random()
    if form < 0.12:  # reversed decimal used by some agencies: 5ر13 = 13.5
        whole, frac = rng.randint(1, 30), rng.randint(1, 9)
        return f"{frac}ر{whole} {scale['one']}", (whole * 10 + frac) * scale["value"] // 10, None
    if form < 0.24:  # compound: 3 مليارات و350 مليون
        big, small_scale = scales[2], scales[1]
        whole, rest = rng.randint(1, 9), rng.randint(1, 9) * 50
        head = _scale_phrase(rng, whole, big)
        return (f"{head} و{rest} {small_scale['one']}",
                whole * big["value"] + rest * small_scale["value"], None)
    if form < 0.34:  # range: 4 -6 مليارات / بين 4 و6 مليارات
        low = rng.randint(2, 7)
        high = low + rng.randint(1, 3)
        if rng.random() < 0.5:
            text = f"{low} -{high} {scale['plural'] if high <= 10 else scale['one']}"
        else:
            text = f"بين {low} و{high} {scale['plural'] if high <= 10 else scale['one']}"
        return text, low * scale["value"], high * scale["value"]
    if form < 0.5:  # decimal
        tenths = rng.randint(10, 199)
        text = _fmt_plain(tenths / 10) + " " + scale["one"]
        if rng.random() < 0.4:
            text = to_indic(text)
        return text, tenths * scale["value"] // 10, None
    mantissa = rng.choice((1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 15, 20, 25, 30, 45))
    text = _scale_phrase(rng, mantissa, scale)
    if rng.random() < 0.25:
        text = to_indic(text)
    return text, mantissa * scale["value"], None


def _money(rng: random.Random) -> dict[str, Any]:
    amount, value, value_max = _money_amount(rng)
    cur = rng.choice(templates()["numbers"]["currencies"])
    text = f"{amount} {cur['word']}"
    if cur["word"] == "$":  # written before the amount: $4 مليارات
        text = f"${amount}"
    return {"text": text, "value": float(value), "value_max": None if value_max is None else float(value_max),
            "unit": cur["unit"],
            "currency": cur.get("currency")}


def _percent(rng: random.Random) -> dict[str, Any]:
    value = rng.choice((rng.randint(2, 60), rng.randint(11, 399) / 10))
    digits = _fmt_plain(value)
    if rng.random() < 0.25:
        digits = to_indic(digits)
    word = rng.choice(templates()["numbers"]["percent"])
    text = f"{digits}{word}" if word == "%" else f"{digits} {word}"
    return {"text": text, "value": float(value), "value_max": None, "unit": "percent"}


def _count(rng: random.Random, metric: str) -> dict[str, Any]:
    nums = templates()["numbers"]
    noun = rng.choice(nums["count_nouns"][metric])
    form = rng.random()
    if form < 0.3:  # 3–10 in words with the plural noun
        n = rng.randint(3, 10)
        words = nums["feminine"] if noun["gender"] == "f" else nums["masculine"]
        text = f"{words[n - 1]} {noun['plural']}"
    elif form < 0.4 and metric == "companies":  # ألف شركة / ألفي شركة
        n = rng.choice((1000, 2000))
        scale = nums["scales"][0]
        text = f"{scale['one'] if n == 1000 else scale['dual']} {noun['one']}"
    else:
        n = rng.randint(11, 40) if metric == "agreements" else rng.randint(11, 2500)
        digits = _fmt_grouped(n) if n >= 1000 and rng.random() < 0.5 else str(n)
        if rng.random() < 0.25:
            digits = to_indic(digits).replace(",", "٬")
        text = f"{digits} {noun['one']}"
    return {"text": text, "value": float(n), "value_max": None, "unit": "count"}


def _volume(rng: random.Random) -> dict[str, Any]:
    nums = templates()["numbers"]
    scale = nums["scales"][1]
    mantissa = rng.choice((1, 2, 3, 4, 5, 7, 12, 15, 1.5, 2.5))
    text = f"{_scale_phrase(rng, mantissa, scale)} {rng.choice(nums['volume_units'])}"
    return {"text": text, "value": mantissa * scale["value"], "value_max": None, "unit": "other"}


FIGURE_MAKERS = {
    "trade_turnover": _money, "investment": _money, "trade_growth": _percent,
    "companies": lambda rng: _count(rng, "companies"),
    "agreements": lambda rng: _count(rng, "agreements"), "volume": _volume,
}
_METRIC_NAME = {"volume": "other"}  # contract metric for our template groups


def _qualified(rng: random.Random, fig: dict[str, Any], fixed: str | None) -> dict[str, Any]:
    """Put a qualifier word in front of the figure (or record the one the verb implies)."""
    if fixed:
        fig["qualifier"] = fixed
        return fig
    if fig["value_max"] is None and rng.random() < 0.45:
        kind = rng.choice(("approx", "approx", "more_than", "less_than"))
        word = rng.choice(templates()["numbers"]["qualifiers"][kind])
        fig["text"] = f"{word} {fig['text']}"
        fig["qualifier"] = kind
    else:
        fig["qualifier"] = "exact"
    return fig


def figure_sentence(rng: random.Random, published: dt.date) -> tuple[str, dict[str, Any]]:
    tpl = templates()
    group = rng.choice(list(FIGURE_MAKERS))
    entry = rng.choice(tpl["figure_templates"][group])
    template, fixed = (entry["text"], entry.get("qualifier")) if isinstance(entry, dict) else (entry, None)
    fig = _qualified(rng, FIGURE_MAKERS[group](rng), fixed)
    period_kind = rng.choice(("year", "year", "last_year", "this_year"))
    if period_kind == "year":
        year = rng.randint(max(2013, published.year - 3), published.year)
        period = rng.choice(tpl["periods"]["year"]).format(y=year)
        fig["period"] = str(year)
    else:
        period = rng.choice(tpl["periods"][period_kind])
        fig["period"] = str(published.year - 1 if period_kind == "last_year" else published.year)
    if "{period}" not in template:
        fig["period"] = None
    fig["metric"] = _METRIC_NAME.get(group, group)
    text = sentence(fill(template, {"fig": fig["text"], "period": period}))
    fig["sentence"] = text
    return text, fig
