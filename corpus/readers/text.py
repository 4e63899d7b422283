"""Bytes of a file with a text extension → checked, finished text (binary content refused), and
.txt/.md files read as one document."""
from __future__ import annotations

import re
import unicodedata

from ..models import RawDocument, ReadProblem
from .encoding import bom_encoding, bomless_utf16, decode_bytes
from .errors import Result, Unreadable

_MAGIC: tuple[tuple[bytes, str | None], ...] = (  # None: a signature that is not refused by itself
    (b"%PDF", "a PDF document"), (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"), (b"GIF89a", "a GIF image"), (b"PK\x03\x04", "a zip or Word file"),
    (b"\x1f\x8b", "a gzip archive"), (b"\x7fELF", "a program"), (b"MZ\x90\x00", "a program"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"), (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"), (b"RIFF", "a media file"), (b"BM", None),
    (b"II*\x00", "a TIFF image"), (b"MM\x00*", "a TIFF image"), (b"\x00\x00\x01\x00", "an icon"),
    (b"OggS", "an audio file"), (b"ID3", "an audio file"), (b"fLaC", "an audio file"),
    (b"SQLite format 3\x00", "a database file"),
)
_RIFF_LIKE = re.compile(rb"^(?:RIFF....(?:WEBP|WAVE|AVI )|\x00\x00\x00.ftyp)", re.DOTALL)
# C0/C1 controls except tab, newline, carriage return, form feed; plus DEL.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ud800-\udfff]")  # + lone surrogates (unstorable)
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]")
_MAX_CONTROL_SHARE = 0.02
_MAX_NUL_SHARE = 0.01


def _magic_kind(data: bytes) -> str | None:
    head = data[:32]
    if _RIFF_LIKE.match(head):
        return "a media file"
    for magic, kind in _MAGIC:
        if kind and head.startswith(magic):
            return kind
    return None


def finish_text(text: str) -> str:
    """NFC, no NUL/control characters, \\n line ends, no BOM."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text).lstrip("\ufeff")
    return unicodedata.normalize("NFC", text)


def decode_text_file(data: bytes) -> tuple[str, str]:
    """Bytes of a file with a text extension → (finished text, encoding); raises Unreadable."""
    kind = _magic_kind(data)
    if kind:
        raise Unreadable(f"this is {kind}, not a text file")
    utf16 = bom_encoding(data) or bomless_utf16(data)
    if not utf16 and data.count(0) > max(2, len(data) * _MAX_NUL_SHARE):
        raise Unreadable("binary content (many NUL bytes): this is not a text file")
    if not utf16 and len(_CONTROL_BYTES.findall(data[:65536])) > max(2, min(len(data), 65536)
                                                                     * _MAX_CONTROL_SHARE):
        raise Unreadable("binary content (control characters): this is not a text file")
    try:
        text, enc = decode_bytes(data)
    except ValueError as exc:
        raise Unreadable(str(exc)) from None
    body = text.replace("\r", "").replace("\n", "").replace("\t", "").replace("\f", "")
    controls = len(_CONTROL.findall(body))
    if body and controls > max(2, len(body) * _MAX_CONTROL_SHARE):
        raise Unreadable("binary content (control characters): this is not a text file")
    return finish_text(text), enc


def is_blank(text: str) -> bool:
    """Only white space and invisible formatting characters (RLM, ZWNJ, BOM...)."""
    return not any(not c.isspace() and unicodedata.category(c) != "Cf" for c in text)


def read_plain(data: bytes, source: str, fmt: str) -> list[Result]:
    text, enc = decode_text_file(data)
    if is_blank(text):
        return [ReadProblem(source, "the file contains no text (only white space)")]
    return [RawDocument(source=source, text=text, fmt=fmt, encoding=enc)]
