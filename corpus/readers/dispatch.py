"""One file's bytes → its reader, chosen by extension, under the size and text limits; no
exception escapes (every failure becomes a ReadProblem)."""
from __future__ import annotations

from ..models import RawDocument, ReadProblem
from .archives import Budget, read_zip
from .batches import read_csv, read_jsonl
from .errors import DEFAULT_LIMITS, Limits, Result, Unreadable, too_big
from .names import display_name, extension
from .text import read_plain
from .web_page import read_html
from .word import read_docx

TEXT_FORMATS = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md",
                ".html": "html", ".htm": "html", ".xhtml": "html",
                ".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl"}
BINARY_FORMATS = {".docx": "docx", ".zip": "zip"}
SUPPORTED = ", ".join(sorted({*TEXT_FORMATS, *BINARY_FORMATS}))


def read_bytes(data: bytes, name: str, *, limits: Limits = DEFAULT_LIMITS) -> list[Result]:
    """Read an upload: ``name`` (its extension picks the format) and its bytes."""
    return dispatch(bytes(data), display_name(name), limits, 0, None)


def dispatch(data: bytes, source: str, limits: Limits, depth: int,
             budget: Budget | None) -> list[Result]:
    ext = extension(source)
    if len(data) > limits.max_file_bytes:
        return [ReadProblem(source, too_big(len(data), limits))]
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
                 budget: Budget | None) -> list[Result]:
    try:
        if fmt in ("txt", "md"):
            return read_plain(data, source, fmt)
        if fmt == "html":
            return read_html(data, source)
        if fmt == "csv":
            return read_csv(data, source, limits)
        if fmt == "jsonl":
            return read_jsonl(data, source, limits)
        if fmt == "docx":
            return read_docx(data, source, limits)
        return read_zip(data, source, limits, depth + 1, budget, dispatch)
    except Unreadable as exc:
        return [ReadProblem(source, str(exc), code=exc.code, params=exc.params)]
    except MemoryError:
        return [ReadProblem(source, "the file is too large to process")]
    except (Exception, RecursionError) as exc:  # noqa: BLE001 - never let one file stop a batch
        return [ReadProblem(source, f"the file could not be read ({type(exc).__name__})")]
