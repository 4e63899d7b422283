"""The date in an agency's transmission code at the end of a wire.

Some agencies close every wire with a code that carries the time it was sent: KUNA's
"كونا121812 جمت أكت 23" is day 12, 18:12 GMT, October 2023 (the month abbreviated or in full:
"جمت مايو 23"). The code is the wire's own day; it
dates an article whose header does not (``metadata.find_published`` reads it last).
"""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from ..lexicons import load_yaml
from ..normalize import normalize, normalize_digits
from .arabic import alternation
from .dates import safe_date

# The code stands on one of the wire's last lines.
CODE_LINES = 4


@lru_cache(maxsize=1)
def _code() -> tuple[re.Pattern, dict[str, int]]:
    data = load_yaml("stamps.yaml")["wire_codes"]
    months = {normalize(k): int(v) for k, v in data["months"].items()}
    pattern = re.compile(rf"(?<![^\W_])(?:{alternation(data['agencies'])})\s*(?P<d>\d{{2}})\d{{4}}\s+"
                         rf"(?:{alternation(data['zones'])})\s+(?P<m>{alternation(data['months'])})[^\W\d_]*\s+"
                         rf"(?P<y>\d{{2}})(?!\d)")
    return pattern, months


def wire_code_date(text: str) -> date | None:
    """The day of the transmission code on one of the last lines of ``text``, or None."""
    pattern, months = _code()
    lines = [ln for ln in text.split("\n") if ln.strip()][-CODE_LINES:]
    for line in reversed(lines):
        m = pattern.search(normalize(normalize_digits(line)))
        if m:
            return safe_date(2000 + int(m.group("y")), months[m.group("m")], int(m.group("d")))
    return None
