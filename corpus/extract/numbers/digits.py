"""Digit strings: thousands separators, decimal points and the agencies' reversed decimals."""
from __future__ import annotations

import re

_REVERSED_DECIMAL = re.compile(r"^(\d+)ر(\d+)$")  # agency style: 5ر13 = 13.5
_DIGIT_GROUPS = re.compile(r"^[0-9]+(?:[.,][0-9]+)*$")
_SPACED_THOUSANDS = re.compile(r"(?<=\d)[ \u00a0\u202f](?=\d{3}(?!\d))")


def parse_digits(s: str, scaled: bool = False) -> float | None:
    """Value of a digit string with , . separators (ASCII digits; normalise first).

    "1,200" → 1200; "4.5" → 4.5; "1.200" → 1200 unless a scale follows ("1.200 مليار" → 1.2e9,
    a dot before a scale is a decimal point; "1,200 مليار" keeps the comma as thousands);
    "1,200.5" and "1.200,5" → 1200.5; "5ر13" → 13.5; "26.11.2021" → None (a date).
    """
    s = s.replace("،", ",")  # an Arabic comma between digits separates like a comma: 4،5 = 4.5
    s = _SPACED_THOUSANDS.sub("", s)  # "1 200 000" → 1200000
    m = _REVERSED_DECIMAL.match(s)
    if m:
        return float(f"{m.group(2)}.{m.group(1)}")
    if not _DIGIT_GROUPS.match(s):
        return None
    has_dot, has_comma = "." in s, "," in s
    if has_dot and has_comma:
        return _both_separators(s)
    if not has_dot and not has_comma:
        return float(s)
    sep = "." if has_dot else ","
    groups = s.split(sep)
    if len(groups) > 2:
        return float("".join(groups)) if _thousand_groups(groups) else None
    whole, frac = groups
    if len(frac) == 3 and _thousand_groups(groups) and (sep == "," or not scaled):
        return float(whole + frac)  # 1,200 / 1.200 → thousands
    return float(whole + "." + frac)  # 4.5 / 4,5 / 1.200 مليار → decimal


def _both_separators(s: str) -> float | None:
    """"1,200.5" / "1.200,5": the last separator is the decimal point, the other groups thousands."""
    dec = "." if s.rfind(".") > s.rfind(",") else ","
    thou = "," if dec == "." else "."
    whole, _, frac = s.rpartition(dec)
    groups = whole.split(thou)
    if not _thousand_groups(groups):
        return None
    return float("".join(groups) + "." + frac)


def _thousand_groups(groups: list[str]) -> bool:
    return 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])
