"""CSV (or tab-separated) and JSONL batches: one document per row, from its "text" column or key,
with title/url/outlet/published as hints; row problems listed up to a cap, then counted."""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping

from ..models import RawDocument, ReadProblem
from .errors import Limits, Result
from .text import decode_text_file, finish_text, is_blank

_HINT_KEYS = ("title", "url", "outlet", "published")
# Individual row problems reported per batch before they are summarised.
MAX_ROW_PROBLEMS = 20


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
    if not isinstance(text, str) or is_blank(text):
        return ReadProblem(source, "no text in this row")
    hints = {k: finish_text(str(record[k])).strip() for k in _HINT_KEYS
             if isinstance(record.get(k), (str, int, float)) and str(record[k]).strip()}
    return RawDocument(source=source, text=finish_text(text).strip(), fmt=fmt, encoding=enc,
                       hints=hints)


def read_csv(data: bytes, source: str, limits: Limits) -> list[Result]:
    text, enc = decode_text_file(data)
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


def read_jsonl(data: bytes, source: str, limits: Limits) -> list[Result]:
    text, enc = decode_text_file(data)
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
