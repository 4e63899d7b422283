"""Zip archives: refuse bombs (entries, total size, ratio, depth), unsafe or linked entries and
encrypted ones; read each entry through the caller's reader (which may open a nested zip)."""
from __future__ import annotations

import io
import re
import stat
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

from ..models import ReadProblem
from .errors import MB, Limits, Result, Unreadable, too_big
from .names import display_name


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


def check_archive(zf: zipfile.ZipFile, packed: int, limits: Limits, what: str = "zip") -> None:
    """Reject archives whose declared contents would be a bomb (raises Unreadable)."""
    infos = zf.infolist()
    if len(infos) > limits.max_entries:
        raise Unreadable(f"the {what} holds {len(infos)} files, more than the limit of "
                          f"{limits.max_entries}")
    total = sum(i.file_size for i in infos)
    if total > limits.max_total_bytes:
        raise Unreadable(f"the {what} would unpack to {total / MB:.0f} MB, more than the limit "
                          f"of {limits.max_total_bytes / MB:.0f} MB")
    if total > MB and total / max(packed, 1) > limits.max_ratio:
        raise Unreadable(f"the {what} is compressed {total / max(packed, 1):.0f} times, more than "
                          f"the limit of {limits.max_ratio:.0f} (a zip bomb?)")


@dataclass
class Budget:
    """What is left of the limits across nested zips."""

    bytes_left: int
    entries_left: int


# Reads one unpacked entry: (bytes, source, limits, depth, budget) → results; it opens nested zips.
EntryReader = Callable[[bytes, str, Limits, int, Budget | None], list[Result]]


def read_zip(data: bytes, source: str, limits: Limits, depth: int, budget: Budget | None,
             read_entry: EntryReader) -> list[Result]:
    if depth > limits.max_depth:
        return [ReadProblem(source, f"zip files nested more than {limits.max_depth} deep are "
                                    f"not opened")]
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError):
        return [ReadProblem(source, "not a valid zip archive")]
    budget = budget or Budget(limits.max_total_bytes, limits.max_entries)
    out: list[Result] = []
    with zf:
        try:
            check_archive(zf, len(data), limits)
        except Unreadable as exc:
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
                out.append(ReadProblem(entry_source, too_big(info.file_size, limits)))
                continue
            cap = min(limits.max_file_bytes, budget.bytes_left)
            content = _entry_bytes(zf, info, cap)
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
            out.extend(read_entry(content, entry_source, limits, depth, budget))
    # A valid zip of nothing but folders or system files: say so, not silently nothing.
    return out or [ReadProblem(source, "the zip archive holds no files to read")]


def _entry_bytes(zf: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int) -> bytes | str | None:
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
