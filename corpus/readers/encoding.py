"""Which encoding some text bytes are in: BOMs, BOM-less UTF-16, strict (then mostly) UTF-8, the
legacy Arabic code pages, then charset-normalizer. ``decode_bytes`` is the entry point."""
from __future__ import annotations

import unicodedata
from functools import cache

from ..lexicons import load_yaml
from ..normalize import arabic_ratio, is_arabic_letter

SIGNS = "encoding_signs.yaml"

_BOMS = ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
         (b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
# High bytes of UTF-16 code units for Latin/ASCII (00), Arabic (06), punctuation (20), Arabic
# presentation forms (FB, FE): a BOM-less UTF-16 text has nearly only these on one side.
_UTF16_HIGH_BYTES = bytes([0x00, 0x06, 0x20, 0xFB, 0xFE])
_LATIN_OR_ARABIC_HIGH = bytes([0x00, 0x06])


def bom_encoding(data: bytes) -> str | None:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return enc
    return None


def bomless_utf16(data: bytes) -> str | None:
    sample = data[:8192]
    sample = sample[: len(sample) // 2 * 2]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    for enc, high, low in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if (_share(high, _UTF16_HIGH_BYTES) >= 0.95 and _share(high, _LATIN_OR_ARABIC_HIGH) >= 0.6
                and _share(low, _UTF16_HIGH_BYTES) < 0.5):
            return enc
    return None


def _share(part: bytes, allowed: bytes) -> float:
    """Share of the bytes of ``part`` that are in ``allowed`` (deleting them counts them in C)."""
    return (len(part) - len(part.translate(None, allowed))) / len(part)


@cache
def _article_starts() -> tuple[str, ...]:
    return tuple(load_yaml(SIGNS)["definite_article_starts"])


def _arabic_score(text: str) -> float:
    """How much ``text`` reads like Arabic: letter share plus the share of words with ال."""
    words = text.split()
    if not words:
        return 0.0
    al = sum(1 for w in words if w.startswith(_article_starts())) / len(words)
    return arabic_ratio(text) + al


_TEXT_PUNCT = frozenset(".,;:!?؟،؛\"'()[]{}-–—/«»%&@#*+=<>|_…“”‘’$€£•·")


def _looks_like_text(text: str) -> bool:
    """Words separated by spaces, mostly letters, digits and ordinary punctuation."""
    sample = text[:20000]
    visible = [c for c in sample if not c.isspace() and unicodedata.category(c) != "Mn"]
    if not visible:
        return True
    good = sum(1 for c in visible if c.isalnum() or c in _TEXT_PUNCT)
    spaces = sum(1 for c in sample if c.isspace())
    return good / len(visible) >= 0.85 and (len(visible) < 60 or spaces * 30 >= len(visible))


def _core_arabic_share(text: str) -> float:
    """Share of Arabic-script letters that are in the basic Arabic block (not Urdu/Persian extras,
    which is what random high bytes decode to in Windows-1256)."""
    letters = [c for c in text[:20000] if is_arabic_letter(c)]
    if not letters:
        return 0.0
    return sum(1 for c in letters if "\u0621" <= c <= "\u064a") / len(letters)


_LEAD_BYTES = bytes(range(0xC2, 0xF5))
_SCORE_SAMPLE = 200_000  # bytes enough to tell code pages apart


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few broken bytes (a file cut mid-character): decode, replacing them."""
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    multibyte = len(data) - len(data.translate(None, _LEAD_BYTES))  # UTF-8 lead bytes
    if broken <= max(1, len(data) // 1000) and multibyte > 4 * broken:
        return text
    return None


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode text bytes, detecting the encoding; returns (text, encoding name).

    Raises ``ValueError`` with a plain-words reason when no encoding fits.
    """
    enc = bom_encoding(data) or bomless_utf16(data)
    if enc:
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError:
            if enc.startswith("utf-8"):
                raise ValueError("the file starts like UTF-8 but contains invalid bytes") from None
            text = data.decode(enc, errors="replace")
            if text.count("\ufffd") <= max(1, len(text) // 1000):
                return text, enc
            raise ValueError(f"the file looks like {enc.upper()} but does not decode") from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    mostly = _mostly_utf8(data)
    if mostly is not None:
        return mostly, "utf-8"
    legacy = _legacy_arabic(data)
    if legacy is not None:
        return legacy
    text, enc = _charset_normalizer_guess(data)
    if not _looks_like_text(text):
        raise ValueError("the text encoding could not be recognised (the bytes do not read as "
                         "text in any known encoding)")
    return text, enc


def _legacy_arabic(data: bytes) -> tuple[str, str] | None:
    """Legacy Arabic code pages: Windows-1256 unless ISO-8859-6 reads clearly better; None when
    neither reads as Arabic text."""
    scored: list[tuple[float, str, str]] = []
    for codec in ("cp1256", "iso8859_6"):
        try:
            decoded = data.decode(codec)
        except UnicodeDecodeError:
            continue
        scored.append((_arabic_score(decoded[:_SCORE_SAMPLE]), codec, decoded))
    if scored:
        best = max(scored, key=lambda s: s[0])
        cp = next((s for s in scored if s[1] == "cp1256"), None)
        if cp and cp[0] >= best[0] - 0.02:
            best = cp
        sample = best[2][:_SCORE_SAMPLE]
        if arabic_ratio(sample) >= 0.5 and _core_arabic_share(sample) >= 0.8 \
                and _looks_like_text(sample):
            return best[2], best[1]
    return None


_PREFERRED_LEGACY = ("cp1252", "latin_1", "iso8859_15", "cp1256")


def _charset_normalizer_guess(data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes  # heavy, needed only for the rare unknown encoding

    matches = from_bytes(data)
    match = matches.best()
    if match is not None:
        # Equally good guesses: take the code page most common for news text.
        ties = {m.encoding: m for m in matches
                if m.chaos == match.chaos and m.coherence == match.coherence}
        match = next((ties[e] for e in _PREFERRED_LEGACY if e in ties), match)
    if match is None or not match.encoding:
        raise ValueError("the text encoding could not be recognised")
    try:
        return data.decode(match.encoding), match.encoding
    except (UnicodeDecodeError, LookupError):
        raise ValueError("the text encoding could not be recognised") from None
