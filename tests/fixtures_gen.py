"""Generate test inputs in memory or in tmp dirs: encodings, zips, bombs, docx. No binary fixtures
are committed; every hostile file is built here at test time."""
from __future__ import annotations

import io
import stat
import struct
import zipfile
from pathlib import Path

MB = 1024 * 1024

# Short sentences written for the tests.
ARABIC_TEXT = ("قال الرئيس الروسي إن العلاقات مع أذربيجان تتطور في جميع المجالات.\n"
               "وأضاف أن حجم التبادل التجاري بين البلدين ارتفع خلال العام الماضي.")


def make_zip(entries: dict[str, bytes], *, symlinks: dict[str, str] | None = None,
             compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A zip with the given entries (names are stored as given, '../' included)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as zf:
        for name, data in entries.items():
            zf.writestr(zipfile.ZipInfo(name), data, compress_type=compression)
        for name, target in (symlinks or {}).items():
            info = zipfile.ZipInfo(name)
            info.create_system = 3  # Unix, so external_attr carries the file mode
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            zf.writestr(info, target)
    return buf.getvalue()


def zip_of_zeros(uncompressed: int, name: str = "zeros.txt") -> bytes:
    """A zip bomb: ``uncompressed`` bytes of zeros, written in chunks (the zip stays tiny)."""
    buf = io.BytesIO()
    chunk = b"\0" * MB
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        with zf.open(name, "w", force_zip64=True) as fh:
            left = uncompressed
            while left > 0:
                fh.write(chunk[: min(left, MB)])
                left -= MB
    return buf.getvalue()


def zip_with_lying_sizes(real: bytes, declared: int, name: str = "small.txt") -> bytes:
    """A zip whose headers claim ``declared`` bytes while the entry really holds more."""
    data = bytearray(make_zip({name: real}))
    for sig, size_offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        pos = data.find(sig)
        struct.pack_into("<I", data, pos + size_offset, declared)
    return bytes(data)


def encrypted_zip(name: str = "secret.txt") -> bytes:
    """A zip whose entry is flagged as encrypted (zipfile cannot write real encryption)."""
    data = bytearray(make_zip({name: ARABIC_TEXT.encode()}, compression=zipfile.ZIP_STORED))
    for sig, flag_offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        pos = data.find(sig)
        (flags,) = struct.unpack_from("<H", data, pos + flag_offset)
        struct.pack_into("<H", data, pos + flag_offset, flags | 0x1)
    return bytes(data)


def nested_zip(depth: int, inner_name: str = "article.txt") -> bytes:
    """A text file wrapped in ``depth`` zips."""
    data, name = ARABIC_TEXT.encode(), inner_name
    for level in range(depth):
        data, name = make_zip({name: data}), f"level{level + 1}.zip"
    return data


def make_docx(paragraphs: list[str], title: str | None = None,
              table: list[list[str]] | None = None) -> bytes:
    import docx

    document = docx.Document()
    for p in paragraphs:
        document.add_paragraph(p)
    if table:
        t = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                t.cell(r, c).text = value
    if title:
        document.core_properties.title = title
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def write_long_line(path: Path, size: int) -> Path:
    """A single-line text file of ``size`` bytes, written in chunks."""
    chunk = ("كلمة " * 20000).encode()[:MB]
    with path.open("wb") as fh:
        left = size
        while left > 0:
            fh.write(chunk[: min(left, len(chunk))])
            left -= len(chunk)
    return path
