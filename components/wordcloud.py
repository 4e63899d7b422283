"""A word cloud of frequent terms drawn with Pillow (pure: returns a PIL image).

Arabic needs shaping outside the browser. With libraqm (``PIL.features.check('raqm')``) Pillow
shapes and orders the text itself, so it gets the logical string with ``direction='rtl'``; a
second shaping by arabic-reshaper would break it. Without raqm we reshape and reorder with
arabic-reshaper + python-bidi. Fonts come from the system (no network): Noto Naskh Arabic, else
Noto Sans Arabic, else DejaVu Sans.
"""
from __future__ import annotations

import math
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

from PIL import Image, ImageDraw, ImageFont, features

from corpus.normalize import is_arabic_letter

FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoNaskhArabicUI-Regular.ttf",
    "/usr/share/fonts/opentype/noto/NotoNaskhArabic-Regular.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
)
# Noto Arabic fonts lack Latin letters and most punctuation: other words use DejaVu Sans, which
# covers Latin and Arabic (mixed words such as "الشمال-الجنوب" included).
LATIN_FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
)
COLOURS = ("#0f6e6e", "#c2571a", "#6a4c93", "#1f77b4", "#8c564b", "#2f4f4f", "#b8860b")
HAS_RAQM: bool = bool(features.check("raqm"))


@lru_cache(maxsize=1)
def font_path() -> str | None:
    """The first installed font with Arabic glyphs (None: Pillow's default bitmap font)."""
    for candidate in FONT_CANDIDATES:
        if Path(candidate).is_file():
            return candidate
    return None


@lru_cache(maxsize=1)
def latin_font_path() -> str | None:
    for candidate in LATIN_FONT_CANDIDATES:
        if Path(candidate).is_file():
            return candidate
    return font_path()


def _arabic_font_covers(word: str) -> bool:
    """Arabic letters, digits and spaces only: what the Arabic font has glyphs for."""
    return all(is_arabic_letter(c) or c.isdigit() or c.isspace() or "\u0600" <= c <= "\u06FF"
               for c in word)


def font_for(word: str, size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return _font(size, _arabic_font_covers(word))


@lru_cache(maxsize=128)
def _font(size: int, arabic: bool = True) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    path = font_path() if arabic else latin_font_path()
    if path is None:
        return ImageFont.load_default()
    layout = ImageFont.Layout.RAQM if HAS_RAQM else ImageFont.Layout.BASIC
    return ImageFont.truetype(path, size, layout_engine=layout)


def is_rtl(word: str) -> bool:
    return any(is_arabic_letter(c) for c in word)


def visual_text(word: str) -> tuple[str, dict]:
    """(text to draw, extra draw options): logical text for raqm, reshaped visual text otherwise."""
    if not is_rtl(word):
        return word, {}
    if HAS_RAQM:
        return word, {"direction": "rtl", "language": "ar"}
    import arabic_reshaper
    from bidi.algorithm import get_display
    return get_display(arabic_reshaper.reshape(word)), {}


def _sizes(counts: Sequence[int], smallest: int, largest: int) -> list[int]:
    hi, lo = max(counts), min(counts)
    if hi == lo:
        return [int((smallest + largest) / 2)] * len(counts)
    # Square-root scaling keeps mid-frequency words readable.
    return [int(smallest + (largest - smallest) * math.sqrt((c - lo) / (hi - lo))) for c in counts]


def _overlaps(box: tuple[int, int, int, int], placed: list[tuple[int, int, int, int]], pad: int) -> bool:
    x0, y0, x1, y1 = box
    for a0, b0, a1, b1 in placed:
        if x0 < a1 + pad and x1 + pad > a0 and y0 < b1 + pad and y1 + pad > b0:
            return True
    return False


def layout_words(terms: Iterable[tuple[str, int]], width: int = 900, height: int = 500,
                 max_words: int = 60, smallest: int = 16, largest: int = 72
                 ) -> list[tuple[str, int, tuple[int, int, int, int]]]:
    """Place words on an outward spiral from the centre: [(word, font size, box)], biggest first."""
    items = sorted(((w, c) for w, c in terms if str(w).strip() and c > 0), key=lambda x: -x[1])
    items = items[:max_words]
    if not items:
        return []
    sizes = _sizes([c for _, c in items], smallest, largest)
    probe = ImageDraw.Draw(Image.new("RGB", (1, 1)))
    placed: list[tuple[str, int, tuple[int, int, int, int]]] = []
    boxes: list[tuple[int, int, int, int]] = []
    for (word, _), size in zip(items, sizes):
        text, opts = visual_text(word)
        left, top, right, bottom = probe.textbbox((0, 0), text, font=font_for(word, size), **opts)
        w, h = right - left, bottom - top
        for step in range(0, 2500):
            angle = 0.35 * step
            radius = 2.2 * angle
            cx = width / 2 + radius * math.cos(angle) * 1.6  # wider than tall, like the canvas
            cy = height / 2 + radius * math.sin(angle)
            box = (int(cx - w / 2), int(cy - h / 2), int(cx + w / 2), int(cy + h / 2))
            if box[0] < 4 or box[1] < 4 or box[2] > width - 4 or box[3] > height - 4:
                if radius > max(width, height):
                    break
                continue
            if not _overlaps(box, boxes, 6):
                boxes.append(box)
                placed.append((word, size, (box[0] - left, box[1] - top, box[2], box[3])))
                break
    return placed


def render_wordcloud(terms: Iterable[tuple[str, int]], width: int = 900, height: int = 500,
                     max_words: int = 60, background: str = "white") -> Image.Image:
    """The word cloud image for (term, count) pairs."""
    image = Image.new("RGB", (width, height), background)
    draw = ImageDraw.Draw(image)
    for i, (word, size, box) in enumerate(layout_words(terms, width, height, max_words)):
        text, opts = visual_text(word)
        draw.text((box[0], box[1]), text, font=font_for(word, size), fill=COLOURS[i % len(COLOURS)], **opts)
    return image
