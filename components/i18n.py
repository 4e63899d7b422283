"""UI strings in Arabic and English from data/ui_strings.yaml, plus labels for corpus codes.

Pure (no Streamlit): pages and components call ``t(key, lang)``. A missing key shows the key
itself rather than failing, so a typo is visible on screen and caught by the catalogue test.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping

from corpus.config import DATA_DIR
from corpus.lexicons import load_yaml, parse_yaml

UI_STRINGS_PATH: Path = DATA_DIR / "ui_strings.yaml"
LANGS = ("ar", "en")


@lru_cache(maxsize=1)
def catalogue() -> dict[str, dict[str, str]]:
    """The parsed catalogue, key → {ar, en} (two-level groups are flattened to dotted keys)."""
    with UI_STRINGS_PATH.open(encoding="utf-8") as fh:
        raw = parse_yaml(fh) or {}
    return _flatten(raw)


def _flatten(raw: Mapping[str, Any], prefix: str = "") -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for key, value in raw.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping) and set(value) & set(LANGS) and all(
                isinstance(v, str) for v in value.values()):
            out[name] = {k: str(v) for k, v in value.items()}
        elif isinstance(value, Mapping):
            out.update(_flatten(value, f"{name}."))
    return out


def t(key: str, lang: str = "ar", **values: Any) -> str:
    """The UI string ``key`` in ``lang`` (falls back to English, then to the key)."""
    entry = catalogue().get(key)
    if entry is None:
        return key
    text = entry.get(lang) or entry.get("en") or key
    if values:
        try:
            return text.format(**values)
        except (KeyError, IndexError, ValueError):
            return text
    return text


def has(key: str) -> bool:
    return key in catalogue()


def code_label(group: str, code: str | None, lang: str) -> str:
    """Label of a corpus code such as kind/visit or metric/trade_turnover; unknown codes pass through."""
    if not code:
        return t("common.unknown", lang)
    key = f"{group}.{code}"
    return t(key, lang) if has(key) else str(code)


def kind_label(kind: str | None, lang: str) -> str:
    return code_label("kind", kind, lang)


# ---- cities: Arabic names come from the extraction helper's lexicon (format may vary) -------------

def _city_entry_names(key: Any, value: Any) -> tuple[str | None, str | None]:
    """(english, arabic) from one entry of cities.yaml in any of the shapes we accept."""
    if isinstance(value, Mapping):
        en = value.get("en") or value.get("name") or value.get("english") or key
        ar = value.get("display") or value.get("ar") or value.get("arabic")
        if isinstance(ar, (list, tuple)):  # a list of spellings: the first is the usual one
            ar = ar[0] if ar else None
        if ar is None:
            aliases = value.get("aliases") or value.get("ar_aliases") or value.get("names")
            if isinstance(aliases, (list, tuple)) and aliases:
                ar = aliases[0]
        return (str(en) if en else None, str(ar) if ar else None)
    if isinstance(value, (list, tuple)) and value:
        return (str(key) if key else None, str(value[0]))
    if isinstance(value, str):
        return (str(key) if key else None, value)
    return (None, None)


def _lexicon_or_none(name: str) -> Any:
    """The parsed lexicon ``name``, or None when it is missing or unreadable (a broken lexicon
    must never break the UI: names are then shown as stored)."""
    try:
        return load_yaml(name)
    except Exception:  # noqa: BLE001 - missing file or bad YAML
        return None


@lru_cache(maxsize=1)
def city_names_ar() -> dict[str, str]:
    """English exonym → Arabic display name; empty when the lexicon is missing or unreadable."""
    data = _lexicon_or_none("cities.yaml")
    if data is None:
        return {}
    if isinstance(data, Mapping) and "cities" in data and not isinstance(data["cities"], str):
        data = data["cities"]
    names: dict[str, str] = {}
    if isinstance(data, Mapping):
        items = list(data.items())
    elif isinstance(data, list):
        items = [(None, item) for item in data]
    else:
        return {}
    for key, value in items:
        en, ar = _city_entry_names(key, value)
        if en and ar:
            names.setdefault(en, ar)
    return names


def city_label(city: str | None, lang: str) -> str:
    """A city for display: the Arabic name in Arabic mode when the lexicon knows it."""
    if not city:
        return t("common.unknown", lang)
    if lang == "ar":
        return city_names_ar().get(city, city)
    return city


@lru_cache(maxsize=1)
def outlet_names_ar() -> dict[str, str]:
    """Canonical outlet name → its usual Arabic name (the first Arabic alias in outlets.yaml)."""
    data = _lexicon_or_none("outlets.yaml")
    if data is None:
        return {}
    entries = data.get("outlets") if isinstance(data, Mapping) else None
    names: dict[str, str] = {}
    for entry in entries or []:
        if not isinstance(entry, Mapping) or not entry.get("name"):
            continue
        aliases = entry.get("ar") or []
        aliases = [aliases] if isinstance(aliases, str) else aliases
        arabic = [a for a in aliases if isinstance(a, str) and any("\u0621" <= c <= "\u064a" for c in a)]
        if arabic:
            names.setdefault(str(entry["name"]), arabic[0])
    return names


def outlet_label(outlet: Any, lang: str, empty: str | None = None) -> str:
    """An outlet for display: its Arabic name in the Arabic UI; ``empty`` (default: unknown) if none."""
    if outlet is None or (isinstance(outlet, float) and outlet != outlet) or not str(outlet).strip():
        return t("common.unknown", lang) if empty is None else empty
    name = str(outlet).strip()
    return outlet_names_ar().get(name, name) if lang == "ar" else name


@lru_cache(maxsize=2)
def _topic_labels(lang: str) -> dict[str, str]:
    try:
        from corpus.extract.topics import topic_labels
        labels = topic_labels(lang)
        return dict(labels) if isinstance(labels, Mapping) else {}
    except Exception:  # the topics module may not exist yet; codes then show as they are
        return {}


def topic_label(topic: str | None, lang: str) -> str:
    if not topic:
        return ""
    return _topic_labels(lang).get(topic, topic)


def yes_no(value: Any, lang: str) -> str:
    return t("common.yes" if bool(value) else "common.no", lang)


def number(value: Any) -> str:
    """A number for display with thousands separators (4000000000 → 4,000,000,000); blank if none."""
    try:
        x = float(value)
    except (TypeError, ValueError):
        return "" if value is None else str(value)
    if x != x:  # NaN
        return ""
    if x.is_integer():
        return f"{int(x):,}"
    return f"{x:,.4f}".rstrip("0").rstrip(".")


def amount_label(value: Any, unit: str | None, lang: str) -> str:
    """A value with its unit as a reader says it: 4.4 billion USD / 4.4 مليار دولار, 11% / 11٪,
    1,200 (counts); blank if none."""
    try:
        x = float(value)
    except (TypeError, ValueError):
        return ""
    if x != x:
        return ""

    def short(v: float) -> str:
        return f"{v:,.3f}".rstrip("0").rstrip(".")
    if unit == "percent":
        return f"{short(x)}{'٪' if lang == 'ar' else '%'}"
    if unit == "count":
        return number(round(x, 3))
    label = code_label("unit", unit, lang) if unit else ""
    if unit == "USD" and abs(x) >= 1e6:
        scaled, scale = (x / 1e9, "billion") if abs(x) >= 1e9 else (x / 1e6, "million")
        # Arabic counts 3 to 10 with the plural: 4 مليارات، 7 ملايين (but 4.4 مليار، 12 مليار).
        plural = float(scaled).is_integer() and 3 <= abs(scaled) <= 10
        text = f"{short(scaled)} {t(f'ledger.{scale}s' if plural else f'ledger.{scale}', lang)}"
    else:
        text = number(round(x, 3))
    return f"{text} {label}".strip()
