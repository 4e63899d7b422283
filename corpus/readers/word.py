"""Word (.docx) files: paragraphs, then table rows, and the document title as a hint."""
from __future__ import annotations

import io
import zipfile

from ..models import RawDocument, ReadProblem
from .archives import check_archive
from .errors import Limits, Result
from .text import finish_text, is_blank


def read_docx(data: bytes, source: str, limits: Limits) -> list[Result]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            check_archive(zf, len(data), limits, what="Word file")
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
    text = finish_text("\n".join(lines)).strip()
    if is_blank(text):
        return [ReadProblem(source, "the Word file contains no text")]
    hints = {}
    title = (document.core_properties.title or "").strip()
    if title:
        hints["title"] = finish_text(title)
    return [RawDocument(source=source, text=text, fmt="docx", hints=hints)]
