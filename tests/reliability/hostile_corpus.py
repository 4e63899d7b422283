"""A generated corpus of hostile and malformed files, mixed with a few valid articles.

``build(out_dir)`` writes every case into ``out_dir`` (big files included, so give it a tmp dir)
and returns the list of ``Case`` objects saying what each file is and what must happen to it:

- ``reject``: nothing from this file may be stored; it must get a message naming it;
- ``accept``: the article(s) in it must be stored (``articles`` = how many);
- ``either``: a defensible reader may store it or refuse it (e.g. NUL bytes inside an article),
  but it must get a message and whatever is stored must be clean text.

The valid articles are short texts written for these tests (not copied from any outlet).
Run ``python -m tests.reliability.hostile_corpus OUT_DIR`` to look at the files.
"""
from __future__ import annotations

import io
import json
import os
import random
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

MB = 1024 * 1024

# --- valid articles written for these tests -----------------------------------------------------
# Each one is built from its own subject, city, date and figure sentence, so no two are near-duplicates
# of each other (the store would merge those into one article with two sources).

_SUBJECTS = [
    ("ممر النقل بين الشمال والجنوب", "وبحث الرئيسان تطوير السكك الحديدية وزيادة الرحلات الجوية بين المدن."),
    ("إمدادات الغاز ومشروعات الكهرباء", "وتناول الجانبان بناء محطات توليد جديدة وربط الشبكات الكهربائية."),
    ("الوضع في جنوب القوقاز", "وتبادل الزعيمان الرأي حول ترسيم الحدود وفتح طرق المواصلات في المنطقة."),
    ("الملاحة في بحر قزوين", "وأكدا أهمية حماية الثروة السمكية ومكافحة تلوث مياه البحر."),
    ("صادرات الفواكه والخضروات", "واتفقا على تسهيل إجراءات الحجر الزراعي في المنافذ الحدودية."),
    ("عمل قوات حفظ السلام", "وناقشا انسحاب الوحدات وتسليم المواقع وفق جدول زمني متفق عليه."),
    ("التعاون في التعليم الجامعي", "وأعلنا زيادة المنح الدراسية وافتتاح فرع لجامعة روسية في المدينة."),
    ("تشجيع السياحة المتبادلة", "وبحثا تبسيط التأشيرات وإطلاق خطوط طيران موسمية إلى المنتجعات."),
    ("صناعة السفن وبناء الموانئ", "وتطرقا إلى تحديث حوض بناء السفن وتوسيع ميناء الشحن التجاري."),
    ("التعاون في الفضاء والاتصالات", "وبحثا إطلاق قمر صناعي مشترك لخدمات البث والإنترنت."),
    ("الأمن الغذائي وتوريد القمح", "وأكدا استمرار شحنات الحبوب رغم تقلبات الأسعار العالمية."),
    ("التبادل الثقافي والإعلامي", "واتفقا على تنظيم أيام ثقافية وتبادل البرامج بين القنوات الرسمية."),
    ("الرعاية الصحية وإنتاج الأدوية", "وبحثا إنشاء مصنع مشترك للقاحات ومستلزمات المستشفيات."),
    ("صناعة السيارات والشاحنات", "وناقشا تجميع شاحنات روسية في مصنع جديد قرب العاصمة."),
    ("المصارف والتسويات بالعملات الوطنية", "واتفقا على توسيع استخدام الروبل والمانات في التجارة."),
    ("حماية البيئة وإدارة المياه", "وتناولا تقاسم مياه الأنهار ومكافحة التصحر في المناطق الزراعية."),
]
_PLACES = [("موسكو", "استقبل الرئيس الروسي فلاديمير بوتين نظيره الأذربيجاني إلهام علييف في الكرملين"),
           ("باكو", "أجرى الرئيس الأذربيجاني إلهام علييف محادثات مع الرئيس الروسي فلاديمير بوتين في باكو"),
           ("سوتشي", "التقى الرئيس الروسي فلاديمير بوتين الرئيس الأذربيجاني إلهام علييف في منتجع سوتشي"),
           ("عشق آباد", "التقى بوتين وعلييف على هامش قمة إقليمية في عشق آباد")]
_MONTHS = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر",
           "نوفمبر", "ديسمبر"]


def valid_article(i: int) -> str:
    """The i-th valid test article (0 <= i < 16)."""
    subject, detail = _SUBJECTS[i]
    city, lead = _PLACES[i % len(_PLACES)]
    day, month, year = 1 + (i * 3) % 27, _MONTHS[i % 12], 2016 + i % 9
    return (f"بوتين وعلييف يبحثان {subject}\n{city} - {day} {month} {year}\n"
            f"{lead} لبحث {subject}.\n{detail}\n"
            f"وقال مسؤول إن التبادل التجاري بين البلدين بلغ نحو {i + 2} مليارات دولار في العام الماضي.\n")


VALID = [valid_article(i) for i in range(len(_SUBJECTS))]

ENGLISH = ("Putin and Aliyev met in Moscow on Monday to discuss energy projects, transport links "
           "and the situation in the South Caucasus, officials said.\n") * 3
SCRIPT_PAYLOAD = "<script>alert(1)</script>"


@dataclass
class Case:
    name: str  # file name inside the corpus dir (may contain spaces, Arabic, control chars)
    expect: str  # reject | accept | either
    why: str
    articles: int = 0  # articles that must be stored (accept), or the most that may be (either)
    rejected_parts: int = 0  # for containers: parts that must be refused (e.g. bad JSONL lines)
    language_only: bool = False  # readable text refused only because it is not Arabic

    @property
    def must_store(self) -> int:
        return self.articles if self.expect == "accept" else 0


# --- helpers that make bytes --------------------------------------------------------------------

def _zip(entries: list[tuple[str, bytes]], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as zf:
        for name, data in entries:
            zf.writestr(zipfile.ZipInfo(name), data, compress_type=compression)
    return buf.getvalue()


def _zip_bomb_ratio(uncompressed: int) -> bytes:
    """One entry of zeros: tiny on disk, ``uncompressed`` bytes when opened."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        info = zipfile.ZipInfo("zeros.txt")
        info.compress_type = zipfile.ZIP_DEFLATED
        with zf.open(info, "w", force_zip64=True) as fh:
            block = b"\0" * MB
            for _ in range(uncompressed // MB):
                fh.write(block)
    return buf.getvalue()


def _zip_nested(depth: int, inner: bytes) -> bytes:
    data, name = inner, "article.txt"
    for level in range(depth):
        data = _zip([(name, data)])
        name = f"level{level}.zip"
    return data


def _html(body: str) -> str:
    return f"<!doctype html><html><head><meta charset='utf-8'><title>t</title></head><body>{body}</body></html>"


def _arabic_html_with_scripts(text: str) -> bytes:
    paras = "".join(f"<p>{line}</p>" for line in text.splitlines() if line.strip())
    body = (f"{SCRIPT_PAYLOAD}<article><h1>{text.splitlines()[0]}</h1>{paras}"
            f"<img src=x onerror=alert(1)><script>document.write('x')</script></article>"
            "<iframe src='javascript:alert(1)'></iframe>")
    return _html(body).encode("utf-8")


def _nested_tags(n: int, text: str) -> bytes:
    return _html("<div>" * n + text + "</div>" * n).encode("utf-8")


# --- the cases ----------------------------------------------------------------------------------

Maker = Callable[[], bytes]


def _cases(size_limit: int) -> list[tuple[Case, Maker]]:
    v = VALID  # one distinct article per case that may store something
    rng = random.Random(7)
    random_bytes = bytes(rng.getrandbits(8) for _ in range(64 * 1024))
    cases: list[tuple[Case, Maker]] = [
        # valid articles: these and only these (plus "either") may enter the corpus
        (Case("valid_utf8.txt", "accept", "valid UTF-8 article", 1), lambda: v[0].encode("utf-8")),
        (Case("valid_cp1256.txt", "accept", "valid article in windows-1256", 1), lambda: v[1].encode("cp1256")),
        (Case("valid_utf16.txt", "accept", "valid article in UTF-16 with BOM", 1), lambda: v[2].encode("utf-16")),
        (Case("مقال صحيح عن القمة.txt", "accept", "Arabic file name with spaces", 1), lambda: v[3].encode("utf-8")),
        (Case("ctrl\x07name\x1b[31m red\ttab.txt", "accept", "control characters in the file name", 1),
         lambda: v[4].encode("utf-8")),
        # empty and binary
        (Case("empty.txt", "reject", "0-byte .txt"), lambda: b""),
        (Case("empty.html", "reject", "0-byte .html"), lambda: b""),
        (Case("empty.csv", "reject", "0-byte .csv"), lambda: b""),
        (Case("empty.jsonl", "reject", "0-byte .jsonl"), lambda: b""),
        (Case("empty.zip", "reject", "0-byte .zip"), lambda: b""),
        (Case("whitespace.txt", "reject", "only spaces, tabs and newlines"), lambda: b" \t\r\n" * 200),
        (Case("random.txt", "reject", "random bytes with a text extension"), lambda: random_bytes),
        (Case("image.html", "reject", "a PNG named .html"),
         lambda: b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + random_bytes[:4096]),
        (Case("elf.md", "reject", "an executable named .md"), lambda: b"\x7fELF\x02\x01\x01" + random_bytes[:8192]),
        (Case("fake.docx", "reject", "random bytes named .docx"), lambda: random_bytes[:2048]),
        (Case("text_as.docx", "reject", "an Arabic text file named .docx"), lambda: v[0].encode("utf-8")),
        (Case("notzip.zip", "reject", "a text file named .zip"), lambda: b"PK not really a zip " * 50),
        (Case("truncated.zip", "reject", "a zip cut short"), lambda: _zip([("x.txt", v[0].encode())])[:60]),
        # encodings
        (Case("unknown_encoding.txt", "reject", "high-bit bytes in no real encoding"),
         lambda: bytes(rng.choice(range(0x80, 0x100)) if i % 7 else 0x20 for i in range(20000))),
        (Case("japanese_sjis.txt", "reject", "Japanese in Shift-JIS (not Arabic)"),
         lambda: ("プーチン大統領とアリエフ大統領はモスクワで会談した。" * 40).encode("shift_jis")),
        (Case("mixed_encodings.txt", "either", "half UTF-8, half windows-1256 in one file", 1),
         lambda: v[5].encode("utf-8") + b"\n" + v[6].encode("cp1256")),
        (Case("nul_bytes.txt", "either", "NUL bytes between the words of an article", 1),
         lambda: v[7].encode("utf-8").replace(b" ", b" \0", 6)),
        (Case("utf32_nobom.txt", "either", "UTF-32 without a BOM", 1), lambda: v[8].encode("utf-32-le")),
        # size
        (Case("over_limit.txt", "reject", f"over the size limit ({size_limit + 1:,} bytes)"),
         lambda: (v[0] * (size_limit // len(v[0].encode()) + 2)).encode("utf-8")[: size_limit + 1]),
        (Case("single_line_50mb.txt", "reject", "50 MB on one line"),
         lambda: ("بوتين علييف " * (50 * MB // 22 + 1)).encode("utf-8")[: 50 * MB]),
        # zips
        (Case("bomb_ratio.zip", "reject", "zip bomb: 1 GiB of zeros in about 1 MB"),
         lambda: _zip_bomb_ratio(1024 * MB)),
        (Case("bomb_count.zip", "reject", "zip with 20,000 tiny entries"),
         lambda: _zip([(f"f{i}.txt", b"x") for i in range(20000)], zipfile.ZIP_STORED)),
        (Case("bomb_nested.zip", "reject", "zip nested 12 levels deep"), lambda: _zip_nested(12, v[0].encode())),
        (Case("slip.zip", "either", "entries with ../ and absolute paths (one holds an article)", 1),
         lambda: _zip([("../../evil_parent.txt", v[9].encode()), ("/tmp/evil_abs.txt", ENGLISH.encode()),
                       ("..\\..\\evil_win.txt", ENGLISH.encode())])),
        # CSV
        (Case("malformed_unclosed.csv", "reject", "CSV with an unclosed quote and ragged rows"),
         lambda: b'title,body\n"unclosed,\xd8\xa8\n' + b"x,y,z,w\n" * 10),
        (Case("malformed_no_text.csv", "reject", "CSV without any text column"), lambda: b"id,count\n1,2\n3,4\n"),
        (Case("million_empty_rows.csv", "reject", "CSV with a header and a million empty rows"),
         lambda: b"title,text\n" + b",\n" * 1_000_000),
        (Case("binary_in.csv", "reject", "CSV with binary junk"), lambda: b"title,text\n" + random_bytes[:8192]),
        # JSONL
        (Case("malformed.jsonl", "reject", "JSONL with no valid line"),
         lambda: b'{"text": \n[1,2,3]\n"just a string"\n{"title": "no text"}\n\xff\xfe\n'),
        (Case("mixed_valid_invalid.jsonl", "accept", "JSONL: 2 valid lines among 4 invalid ones", 2, 4),
         lambda: "\n".join([
             json.dumps({"title": "x", "text": v[10]}, ensure_ascii=False),
             "{broken json",
             json.dumps([1, 2]),
             json.dumps({"text": v[11]}, ensure_ascii=False),
             json.dumps({"text": 42}),
             '{"text": "\\ud800 \\udfff"}',  # JSON escapes of unpaired surrogates: no text at all
         ]).encode("utf-8")),
        # HTML
        (Case("scripts.html", "accept", "Arabic article among script/img/iframe payloads", 1),
         lambda: _arabic_html_with_scripts(v[12])),
        (Case("only_script.html", "reject", "HTML that is nothing but scripts"),
         lambda: _html(SCRIPT_PAYLOAD * 50).encode()),
        (Case("nested_10000.html", "either", "10,000 nested <div> tags around an article", 1),
         lambda: _nested_tags(10_000, v[13])),
        (Case("unclosed_tags.html", "either", "5,000 unclosed tags before an article", 1),
         lambda: _html("<b><i><span>" * 5000 + v[14]).encode()),
        # language and characters
        (Case("english.txt", "reject", "an English article", language_only=True), lambda: ENGLISH.encode()),
        (Case("digits_only.txt", "reject", "numbers and punctuation only", language_only=True),
         lambda: b"1234 5678, 90.12 !!\n" * 50),
        (Case("rlo_override.txt", "accept", "right-to-left override and isolate characters", 1),
         lambda: ("\u202e" + v[15].replace("بوتين", "بوتين\u202e\u2066").replace("علييف", "\u2067علييف\u202c"))
         .encode("utf-8")),
        (Case("zero_width.txt", "reject", "only zero-width and format characters"),
         lambda: ("\u200b\u200c\u200d\ufeff\u2066\u2069" * 500).encode("utf-8")),
        (Case("huge_word.md", "reject", "one 2 MB 'word' of Latin letters", language_only=True),
         lambda: b"a" * (2 * MB)),
        (Case("bidi_\u202etxt.exe.txt", "reject", "an RLO in the file name, English content", language_only=True),
         lambda: ENGLISH.encode()),
    ]
    return cases


def build(out: Path, size_limit: int = 20 * MB) -> list[Case]:
    """Write every case into ``out`` and return their descriptions (in file-name order)."""
    out.mkdir(parents=True, exist_ok=True)
    cases = []
    for case, make in _cases(size_limit):
        (out / case.name).write_bytes(make())
        cases.append(case)
    return cases


def case_bytes(size_limit: int = 20 * MB) -> list[tuple[Case, bytes]]:
    """Every case with its bytes, without writing files (the Upload page path)."""
    return [(case, make()) for case, make in _cases(size_limit)]


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "hostile_corpus")
    built = build(target)
    for case in built:
        size = os.path.getsize(target / case.name)
        print(f"{case.expect:7} {size:>12,}  {case.name!r}  {case.why}")
    print(f"{len(built)} files in {target}")
