"""Files and folders on disk: a folder is walked in sorted order, hidden files and symbolic links
skipped; every file goes through ``dispatch``."""
from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Iterator

from ..models import ReadProblem
from .dispatch import dispatch
from .errors import DEFAULT_LIMITS, Limits, Result, too_big
from .names import display_name


def read_path(path: Path | str, *, limits: Limits = DEFAULT_LIMITS) -> list[Result]:
    """Read a file or, recursively, a folder (sorted; hidden files and symlinks skipped)."""
    return list(iter_path(path, limits=limits))


def iter_path(path: Path | str, *, limits: Limits = DEFAULT_LIMITS) -> Iterator[Result]:
    """``read_path``, one file at a time: a caller can work on the first files (ingest hands them to
    its extraction workers) while the next ones are read."""
    path = Path(path)
    try:
        is_dir = path.is_dir()
        if is_dir and path.is_symlink():
            yield ReadProblem(display_name(str(path)), "symbolic link to a folder: not followed")
            return
        found = None if is_dir else _read_file(path, display_name(str(path)), limits)
    except OSError as exc:
        yield ReadProblem(display_name(str(path)), f"could not be read ({exc.strerror or exc})")
        return
    yield from _iter_folder(path, limits) if found is None else found


def _iter_folder(folder: Path, limits: Limits) -> Iterator[Result]:
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            file = Path(root) / name
            source = display_name(str(file))
            if file.is_symlink():
                yield ReadProblem(source, "symbolic link: not followed")
                continue
            try:
                found = _read_file(file, source, limits)
            except OSError as exc:
                found = [ReadProblem(source, f"could not be read ({exc.strerror or exc})")]
            yield from found


def _read_file(path: Path, source: str, limits: Limits) -> list[Result]:
    if not path.exists():
        return [ReadProblem(source, "no such file or folder")]
    info = path.stat()
    if not stat.S_ISREG(info.st_mode):
        return [ReadProblem(source, "not a regular file")]
    if info.st_size > limits.max_file_bytes:
        return [ReadProblem(source, too_big(info.st_size, limits))]
    with path.open("rb") as fh:
        data = fh.read(limits.max_file_bytes + 1)  # the file may grow while we read
    return dispatch(data, source, limits, 0, None)
