"""Read anything a user may hand us into ``RawDocument`` objects, safely.

Formats: .txt/.md, .html/.htm (trafilatura), .docx (python-docx), .zip of those (nested up to
``Limits.max_depth``), .csv and .jsonl batches (one document per row). Encodings are detected, not
assumed: BOMs, BOM-less UTF-16, strict UTF-8, then Windows-1256 / ISO-8859-6 for Arabic, then
charset-normalizer. Every failure becomes a ``ReadProblem`` with a plain-words reason; no exception
escapes ``read_path`` or ``read_bytes``. Language is not decided here.
"""
from __future__ import annotations

import csv
import io
import json
import logging
import os
import re
import stat
import unicodedata
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from .models import RawDocument, ReadProblem
from .normalize import arabic_ratio, is_arabic_letter

Result = RawDocument | ReadProblem

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Guards against oversized input and archive bombs."""

    max_file_bytes: int = 10 * MB  # one file (or one zip entry, or one upload)
    max_total_bytes: int = 50 * MB  # everything unpacked from one zip, nested zips included
    max_ratio: float = 100.0  # uncompressed / compressed size of a zip
    max_entries: int = 1000  # files in one zip, nested zips included
    max_depth: int = 2  # a zip inside a zip is depth 2
    max_rows: int = 100_000  # rows of one CSV/JSONL batch
    # Characters of one article's text: news articles are far shorter, and extraction time grows
    # with the text (a 9 MB .docx of 22 M characters ran for minutes).
    max_text_chars: int = 300_000


DEFAULT_LIMITS = Limits()

TEXT_FORMATS = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md",
                ".html": "html", ".htm": "html", ".xhtml": "html",
                ".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl"}
BINARY_FORMATS = {".docx": "docx", ".zip": "zip"}
SUPPORTED = ", ".join(sorted({*TEXT_FORMATS, *BINARY_FORMATS}))
_HINT_KEYS = ("title", "url", "outlet", "published")
# Individual row problems reported per batch before they are summarised.
MAX_ROW_PROBLEMS = 20

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
# Shown names: no controls, no bidi overrides/isolates (they can disguise a name).
_NAME_JUNK = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff]")
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]")
_MAX_CONTROL_SHARE = 0.02
_MAX_NUL_SHARE = 0.01


class _Unreadable(Exception):
    """Internal: carries the plain-words reason for a ReadProblem (and a code for interfaces)."""

    def __init__(self, reason: str, code: str = "", **params: Any) -> None:
        super().__init__(reason)
        self.code, self.params = code, params


# A web page whose main text has fewer words than this (its title aside) holds no article body.
MIN_PAGE_WORDS = 10
_LOG = logging.getLogger("corpus.readers")


# --- names ---------------------------------------------------------------------------------------
def display_name(name: str) -> str:
    """``name`` without control or bidi-override characters (Arabic and spaces are kept)."""
    cleaned = _NAME_JUNK.sub("", name).strip()
    return cleaned or "(unnamed)"


def _extension(name: str) -> str:
    return PurePosixPath(name.replace("\\", "/")).suffix.lower()


# --- encodings -----------------------------------------------------------------------------------
_BOMS = ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
         (b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
# High bytes of UTF-16 code units for Latin/ASCII (00), Arabic (06), punctuation (20), Arabic
# presentation forms (FB, FE): a BOM-less UTF-16 text has nearly only these on one side.
_UTF16_HIGH = frozenset({0x00, 0x06, 0x20, 0xFB, 0xFE})


def _bom_encoding(data: bytes) -> str | None:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return enc
    return None


def _bomless_utf16(data: bytes) -> str | None:
    sample = data[:8192]
    sample = sample[: len(sample) // 2 * 2]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]

    def share(part: bytes, allowed: frozenset[int]) -> float:
        return sum(1 for b in part if b in allowed) / len(part)

    for enc, high, low in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if (share(high, _UTF16_HIGH) >= 0.95 and share(high, frozenset({0, 6})) >= 0.6
                and share(low, _UTF16_HIGH) < 0.5):
            return enc
    return None


def _arabic_score(text: str) -> float:
    """How much ``text`` reads like Arabic: letter share plus the share of words with ال."""
    words = text.split()
    if not words:
        return 0.0
    al = sum(1 for w in words if w.startswith(("ال", "وال", "بال"))) / len(words)
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
    enc = _bom_encoding(data) or _bomless_utf16(data)
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
    # Legacy Arabic code pages: Windows-1256 unless ISO-8859-6 reads clearly better.
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
    text, enc = _charset_normalizer_guess(data)
    if not _looks_like_text(text):
        raise ValueError("the text encoding could not be recognised (the bytes do not read as "
                         "text in any known encoding)")
    return text, enc


_PREFERRED_LEGACY = ("cp1252", "latin_1", "iso8859_15", "cp1256")


def _charset_normalizer_guess(data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes

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


# --- text checks ---------------------------------------------------------------------------------
def _magic_kind(data: bytes) -> str | None:
    head = data[:32]
    if _RIFF_LIKE.match(head):
        return "a media file"
    for magic, kind in _MAGIC:
        if kind and head.startswith(magic):
            return kind
    return None


def _finish_text(text: str) -> str:
    """NFC, no NUL/control characters, \\n line ends, no BOM."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text).lstrip("\ufeff")
    return unicodedata.normalize("NFC", text)


def _decode_text_file(data: bytes) -> tuple[str, str]:
    """Bytes of a file with a text extension → (finished text, encoding); raises _Unreadable."""
    kind = _magic_kind(data)
    if kind:
        raise _Unreadable(f"this is {kind}, not a text file")
    utf16 = _bom_encoding(data) or _bomless_utf16(data)
    if not utf16 and data.count(0) > max(2, len(data) * _MAX_NUL_SHARE):
        raise _Unreadable("binary content (many NUL bytes): this is not a text file")
    if not utf16 and len(_CONTROL_BYTES.findall(data[:65536])) > max(2, min(len(data), 65536)
                                                                      * _MAX_CONTROL_SHARE):
        raise _Unreadable("binary content (control characters): this is not a text file")
    try:
        text, enc = decode_bytes(data)
    except ValueError as exc:
        raise _Unreadable(str(exc)) from None
    body = text.replace("\r", "").replace("\n", "").replace("\t", "").replace("\f", "")
    controls = len(_CONTROL.findall(body))
    if body and controls > max(2, len(body) * _MAX_CONTROL_SHARE):
        raise _Unreadable("binary content (control characters): this is not a text file")
    return _finish_text(text), enc


# --- formats -------------------------------------------------------------------------------------
def _is_blank(text: str) -> bool:
    """Only white space and invisible formatting characters (RLM, ZWNJ, BOM...)."""
    return not any(not c.isspace() and unicodedata.category(c) != "Cf" for c in text)


def _read_plain(data: bytes, source: str, fmt: str) -> list[Result]:
    text, enc = _decode_text_file(data)
    if _is_blank(text):
        return [ReadProblem(source, "the file contains no text (only white space)")]
    return [RawDocument(source=source, text=text, fmt=fmt, encoding=enc)]


def _read_html(data: bytes, source: str) -> list[Result]:
    html, enc = _decode_text_file(data)
    if _is_blank(html):
        return [ReadProblem(source, "the file contains no text (only white space)")]
    body, hints = _html_main_text(html)
    if _is_blank(body):
        return [ReadProblem(source, "the web page has no readable text")]
    words = len(body.split())
    if words < MIN_PAGE_WORDS:
        counted = f"{words} word" if words == 1 else f"{words} words"
        return [ReadProblem(source, f"the web page holds no article body ({counted} besides its "
                                    f"title; an article has at least {MIN_PAGE_WORDS})",
                            code="no_body", params={"words": words, "min": MIN_PAGE_WORDS})]
    text = _with_title(body, hints.get("title"))
    return [RawDocument(source=source, text=text, fmt="html", encoding=enc, raw=html, hints=hints)]


def _with_title(body: str, title: str | None) -> str:
    if title and title not in body[: len(title) + 200]:
        return f"{title}\n\n{body}"
    return body


def _trafilatura() -> Any:
    """trafilatura, or a refusal naming what is missing: without it (or one of its dependencies)
    HTML would quietly be read as raw page text, menus and all."""
    try:
        import trafilatura
    except ImportError as exc:
        _LOG.error("HTML reading is unavailable: trafilatura cannot be imported (%s)", exc)
        raise _Unreadable(f"HTML reading is unavailable on this server: trafilatura cannot be "
                          f"imported ({exc})", "html_unavailable", error=str(exc)) from exc
    return trafilatura


def _html_main_text(html: str) -> tuple[str, dict[str, str]]:
    """Main text (without the title) and metadata hints via trafilatura; plain lxml text, then a
    regex strip as fallbacks for pages trafilatura cannot parse. A missing trafilatura refuses."""
    hints: dict[str, str] = {}
    text = ""
    trafilatura = _trafilatura()
    try:
        # extensive_search off: htmldate's free-text date hunt loads every dateparser locale (11–20 s
        # on the first file of a process); meta tags and URL dates are still read, and our own
        # metadata.py finds Arabic dates in the text.
        doc = trafilatura.bare_extraction(_CODE_BLOCK.sub(" ", html), with_metadata=True, include_comments=False,
                                          include_tables=True,
                                          date_extraction_params={"extensive_search": False})
        if doc is not None:
            text = doc.text or ""
            for key, value in (("title", doc.title), ("published", doc.date),
                               ("outlet", doc.sitename), ("url", doc.url)):
                if isinstance(value, str) and value.strip():
                    hints[key] = _finish_text(value).strip()
    except (Exception, RecursionError):  # noqa: BLE001 - any parser failure → fallback
        text = ""
    if not text.strip():
        text = _lxml_text(html)
    if not text.strip():
        text = _regex_text(html)
    return _finish_text(text).strip(), hints


_DROP_TAGS = ("script", "style", "noscript", "template", "iframe", "object", "svg", "head")


def _lxml_text(html: str) -> str:
    try:
        from lxml import etree
        from lxml import html as lhtml

        root = lhtml.document_fromstring(html)
        etree.strip_elements(root, *_DROP_TAGS, with_tail=False)
        for br in root.iter("br", "p", "div", "li", "h1", "h2", "h3", "h4", "tr"):
            br.tail = "\n" + (br.tail or "")
        return root.text_content()
    except (Exception, RecursionError):  # noqa: BLE001
        return ""


_SCRIPT_BLOCK = re.compile(r"<(script|style|noscript|template|head)\b.*?</\1\s*>",
                           re.IGNORECASE | re.DOTALL)
_CODE_BLOCK = re.compile(r"<(script|style|noscript|template)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]{0,2000}>")
_BLOCK_TAG = re.compile(r"<(?:br|/p|/div|/li|/h\d|/tr)\b[^>]{0,2000}>", re.IGNORECASE)


def _regex_text(html: str) -> str:
    """Last resort for pages lxml cannot parse (e.g. absurdly deep nesting)."""
    import html as htmlmod

    text = _SCRIPT_BLOCK.sub(" ", html)
    text = _BLOCK_TAG.sub("\n", text)
    text = _TAG.sub(" ", text)
    return htmlmod.unescape(text)


def _read_docx(data: bytes, source: str, limits: Limits) -> list[Result]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            _check_archive(zf, len(data), limits, what="Word file")
    except zipfile.BadZipFile:
        return [ReadProblem(source, "not a valid Word (.docx) file")]
    try:
        import docx

        document = docx.Document(io.BytesIO(data))
    except Exception:  # noqa: BLE001 - python-docx raises many kinds
        return [ReadProblem(source, "not a valid Word (.docx) file")]
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append(" | ".join(cell.text for cell in row.cells))
    text = _finish_text("\n".join(lines)).strip()
    if _is_blank(text):
        return [ReadProblem(source, "the Word file contains no text")]
    hints = {}
    title = (document.core_properties.title or "").strip()
    if title:
        hints["title"] = _finish_text(title)
    return [RawDocument(source=source, text=text, fmt="docx", hints=hints)]


# --- batches -------------------------------------------------------------------------------------
class _RowProblems:
    """Collects per-row problems; after MAX_ROW_PROBLEMS they are only counted."""

    def __init__(self, source: str, unit: str) -> None:
        self.source, self.unit = source, unit
        self.items: list[ReadProblem] = []
        self.extra = 0

    def add(self, number: int, reason: str) -> None:
        if len(self.items) < MAX_ROW_PROBLEMS:
            self.items.append(ReadProblem(f"{self.source}#{self.unit} {number}", reason))
        else:
            self.extra += 1

    def results(self) -> list[Result]:
        out: list[Result] = list(self.items)
        if self.extra:
            out.append(ReadProblem(self.source, f"{self.extra} more {self.unit}s had problems "
                                                f"(only the first {MAX_ROW_PROBLEMS} are listed)"))
        return out


def _row_document(source: str, fmt: str, enc: str, record: Mapping[str, object]) -> Result:
    text = record.get("text")
    if not isinstance(text, str) or _is_blank(text):
        return ReadProblem(source, "no text in this row")
    hints = {k: _finish_text(str(record[k])).strip() for k in _HINT_KEYS
             if isinstance(record.get(k), (str, int, float)) and str(record[k]).strip()}
    return RawDocument(source=source, text=_finish_text(text).strip(), fmt=fmt, encoding=enc,
                       hints=hints)


def _read_csv(data: bytes, source: str, limits: Limits) -> list[Result]:
    text, enc = _decode_text_file(data)
    if not text.strip():
        return [ReadProblem(source, "the file contains no text (only white space)")]
    csv.field_size_limit(max(csv.field_size_limit(), limits.max_file_bytes))
    sample = text[:4096]
    delimiter = "\t" if sample.count("\t") > sample.count(",") and "\t" in sample.split("\n")[0] \
        else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except (csv.Error, StopIteration):
        return [ReadProblem(source, "the CSV file has no readable header row")]
    columns = [h.strip().lstrip("\ufeff").lower() for h in header]
    if "text" not in columns:
        shown = ", ".join(c for c in columns[:10] if c) or "none"
        return [ReadProblem(source, f"the CSV file has no 'text' column (columns found: {shown})")]
    out: list[Result] = []
    problems = _RowProblems(source, "row")
    number = empty = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            number += 1
            problems.add(number, f"malformed CSV row ({exc})")
            continue
        if not row:
            continue  # blank lines are not rows
        number += 1
        if number > limits.max_rows:
            out.append(ReadProblem(source, f"more than {limits.max_rows} rows: "
                                           f"the rest of the file was not read"))
            break
        if not any(cell.strip() for cell in row):
            empty += 1  # summarised once: spreadsheets export thousands of these
            continue
        if len(row) > len(columns):
            problems.add(number, f"this row has {len(row)} fields but the header has {len(columns)}")
            continue
        record = dict(zip(columns, row))
        doc = _row_document(f"{source}#row {number}", "csv", enc, record)
        if isinstance(doc, ReadProblem):
            problems.add(number, doc.reason)
        else:
            out.append(doc)
    out.extend(problems.results())
    if empty:
        out.append(ReadProblem(source, f"{empty} empty row{'s' if empty > 1 else ''} skipped"))
    elif not out:
        out.append(ReadProblem(source, "the CSV file has a header but no rows"))
    return out


def _read_jsonl(data: bytes, source: str, limits: Limits) -> list[Result]:
    text, enc = _decode_text_file(data)
    out: list[Result] = []
    problems = _RowProblems(source, "line")
    rows = 0
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        rows += 1
        if rows > limits.max_rows:
            out.append(ReadProblem(source, f"more than {limits.max_rows} rows: "
                                           f"the rest of the file was not read"))
            break
        try:
            record = json.loads(line)
        except (ValueError, RecursionError):
            problems.add(number, "this line is not valid JSON")
            continue
        if not isinstance(record, dict):
            problems.add(number, "this line is not a JSON object with a \"text\" key")
            continue
        doc = _row_document(f"{source}#line {number}", "jsonl", enc, record)
        if isinstance(doc, ReadProblem):
            problems.add(number, "no \"text\" value in this line")
        else:
            out.append(doc)
    out.extend(problems.results())
    if not out:
        out.append(ReadProblem(source, "the file contains no rows"))
    return out


# --- zips ----------------------------------------------------------------------------------------
def _is_symlink(info: zipfile.ZipInfo) -> bool:
    return stat.S_ISLNK(info.external_attr >> 16)


def _unsafe_entry_name(name: str) -> bool:
    norm = name.replace("\\", "/")
    if norm.startswith("/") or re.match(r"^[A-Za-z]:", norm):
        return True
    return any(part == ".." for part in norm.split("/"))


def _entry_name(info: zipfile.ZipInfo) -> str:
    """Entry name; names stored without the UTF-8 flag are often UTF-8 anyway (Arabic names)."""
    if not info.flag_bits & 0x800:
        try:
            return info.filename.encode("cp437").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            pass
    return info.filename


def _is_junk_entry(name: str) -> bool:
    parts = name.replace("\\", "/").split("/")
    return parts[0] == "__MACOSX" or parts[-1] in (".DS_Store", "Thumbs.db", "desktop.ini")


def _check_archive(zf: zipfile.ZipFile, packed: int, limits: Limits, what: str = "zip") -> None:
    """Reject archives whose declared contents would be a bomb (raises _Unreadable)."""
    infos = zf.infolist()
    if len(infos) > limits.max_entries:
        raise _Unreadable(f"the {what} holds {len(infos)} files, more than the limit of "
                          f"{limits.max_entries}")
    total = sum(i.file_size for i in infos)
    if total > limits.max_total_bytes:
        raise _Unreadable(f"the {what} would unpack to {total / MB:.0f} MB, more than the limit "
                          f"of {limits.max_total_bytes / MB:.0f} MB")
    if total > MB and total / max(packed, 1) > limits.max_ratio:
        raise _Unreadable(f"the {what} is compressed {total / max(packed, 1):.0f} times, more than "
                          f"the limit of {limits.max_ratio:.0f} (a zip bomb?)")


@dataclass
class _Budget:
    """What is left of the limits across nested zips."""

    bytes_left: int
    entries_left: int


def _read_zip(data: bytes, source: str, limits: Limits, depth: int,
              budget: _Budget | None) -> list[Result]:
    if depth > limits.max_depth:
        return [ReadProblem(source, f"zip files nested more than {limits.max_depth} deep are "
                                    f"not opened")]
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError):
        return [ReadProblem(source, "not a valid zip archive")]
    budget = budget or _Budget(limits.max_total_bytes, limits.max_entries)
    out: list[Result] = []
    with zf:
        try:
            _check_archive(zf, len(data), limits)
        except _Unreadable as exc:
            return [ReadProblem(source, str(exc))]
        for info in zf.infolist():
            name = _entry_name(info)
            if info.is_dir() or _is_junk_entry(name):
                continue
            entry_source = f"{source}/{display_name(name)}"
            budget.entries_left -= 1
            if budget.entries_left < 0:
                out.append(ReadProblem(source, f"more than {limits.max_entries} files in the "
                                               f"zip (nested zips included): the rest were skipped"))
                break
            if _unsafe_entry_name(name):
                out.append(ReadProblem(entry_source, "unsafe path inside the zip (absolute or "
                                                     "with '..'): rejected"))
                continue
            if _is_symlink(info):
                out.append(ReadProblem(entry_source, "symbolic link inside the zip: rejected"))
                continue
            if info.flag_bits & 0x1:
                out.append(ReadProblem(entry_source, "the file is password-protected (encrypted)"))
                continue
            if info.file_size > limits.max_file_bytes:
                out.append(ReadProblem(entry_source, _too_big(info.file_size, limits)))
                continue
            cap = min(limits.max_file_bytes, budget.bytes_left)
            content = _read_entry(zf, info, cap)
            if content is None and cap < limits.max_file_bytes:
                out.append(ReadProblem(source, "the zip unpacks to more than the limit of "
                                               f"{limits.max_total_bytes / MB:.0f} MB (a zip bomb?): "
                                               "the rest was skipped"))
                break
            if content is None:
                out.append(ReadProblem(entry_source, "the unpacked file exceeds the size limit "
                                                     "(a zip bomb?)"))
                continue
            if isinstance(content, str):
                out.append(ReadProblem(entry_source, content))
                continue
            budget.bytes_left -= len(content)
            out.extend(_dispatch(content, entry_source, limits, depth, budget))
    return out


def _read_entry(zf: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int) -> bytes | str | None:
    """Entry bytes, never more than ``cap`` (declared sizes can lie); a str is a problem,
    None means the entry is bigger than ``cap``."""
    try:
        with zf.open(info) as fh:
            content = fh.read(cap + 1)
    except RuntimeError:
        return "the file is password-protected (encrypted)"
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
        return f"this entry of the zip is damaged or uses an unsupported compression ({exc})"
    if len(content) > cap:
        return None
    return content


# --- dispatch ------------------------------------------------------------------------------------
def _too_big(size: int, limits: Limits) -> str:
    return (f"the file is {size / MB:.1f} MB, more than the limit of "
            f"{limits.max_file_bytes / MB:.0f} MB")


def _dispatch(data: bytes, source: str, limits: Limits, depth: int,
              budget: _Budget | None) -> list[Result]:
    ext = _extension(source)
    if len(data) > limits.max_file_bytes:
        return [ReadProblem(source, _too_big(len(data), limits))]
    if not data:
        return [ReadProblem(source, "the file is empty")]
    fmt = TEXT_FORMATS.get(ext) or BINARY_FORMATS.get(ext)
    if fmt is None:
        what = f"'{ext}'" if ext else "files without an extension"
        hint = " (save it as .docx)" if ext == ".doc" else ""
        return [ReadProblem(source, f"unsupported file type {what}{hint}; supported: {SUPPORTED}")]
    return [_within_text_cap(r, limits) for r in _read_format(fmt, data, source, limits, depth, budget)]


def _within_text_cap(result: Result, limits: Limits) -> Result:
    if isinstance(result, RawDocument) and len(result.text) > limits.max_text_chars:
        n = len(result.text)
        return ReadProblem(result.source, f"the text is too long for one article ({n:,} characters; "
                                          f"at most {limits.max_text_chars:,})",
                           code="text_too_long", params={"n": f"{n:,}", "max": f"{limits.max_text_chars:,}"})
    return result


def _read_format(fmt: str, data: bytes, source: str, limits: Limits, depth: int,
                 budget: _Budget | None) -> list[Result]:
    try:
        if fmt in ("txt", "md"):
            return _read_plain(data, source, fmt)
        if fmt == "html":
            return _read_html(data, source)
        if fmt == "csv":
            return _read_csv(data, source, limits)
        if fmt == "jsonl":
            return _read_jsonl(data, source, limits)
        if fmt == "docx":
            return _read_docx(data, source, limits)
        return _read_zip(data, source, limits, depth + 1, budget)
    except _Unreadable as exc:
        return [ReadProblem(source, str(exc), code=exc.code, params=exc.params)]
    except MemoryError:
        return [ReadProblem(source, "the file is too large to process")]
    except (Exception, RecursionError) as exc:  # noqa: BLE001 - never let one file stop a batch
        return [ReadProblem(source, f"the file could not be read ({type(exc).__name__})")]


def read_bytes(data: bytes, name: str, *, limits: Limits = DEFAULT_LIMITS) -> list[Result]:
    """Read an upload: ``name`` (its extension picks the format) and its bytes."""
    return _dispatch(bytes(data), display_name(name), limits, 0, None)


def read_path(path: Path | str, *, limits: Limits = DEFAULT_LIMITS) -> list[Result]:
    """Read a file or, recursively, a folder (sorted; hidden files and symlinks skipped)."""
    path = Path(path)
    try:
        if path.is_symlink() and path.is_dir():
            return [ReadProblem(display_name(str(path)), "symbolic link to a folder: not followed")]
        if path.is_dir():
            return _read_folder(path, limits)
        return _read_file(path, display_name(str(path)), limits)
    except OSError as exc:
        return [ReadProblem(display_name(str(path)), f"could not be read ({exc.strerror or exc})")]


def _read_folder(folder: Path, limits: Limits) -> list[Result]:
    out: list[Result] = []
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            file = Path(root) / name
            source = display_name(str(file))
            if file.is_symlink():
                out.append(ReadProblem(source, "symbolic link: not followed"))
                continue
            try:
                out.extend(_read_file(file, source, limits))
            except OSError as exc:
                out.append(ReadProblem(source, f"could not be read ({exc.strerror or exc})"))
    return out


def _read_file(path: Path, source: str, limits: Limits) -> list[Result]:
    if not path.exists():
        return [ReadProblem(source, "no such file or folder")]
    info = path.stat()
    if not stat.S_ISREG(info.st_mode):
        return [ReadProblem(source, "not a regular file")]
    if info.st_size > limits.max_file_bytes:
        return [ReadProblem(source, _too_big(info.st_size, limits))]
    with path.open("rb") as fh:
        data = fh.read(limits.max_file_bytes + 1)  # the file may grow while we read
    return _dispatch(data, source, limits, 0, None)
