"""readers: formats, encodings, hints, batches, folders (the hostile cases are in test_hostile_inputs)."""
from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from corpus.models import RawDocument, ReadProblem
from corpus.readers import Limits, decode_bytes, display_name, read_bytes, read_path
from corpus.readers.encoding import bomless_utf16
from fixtures_gen import ARABIC_TEXT, make_docx, make_zip, nested_zip


def _one_doc(results: list) -> RawDocument:
    assert len(results) == 1, results
    assert isinstance(results[0], RawDocument), results
    return results[0]


def _problems(results: list) -> list[ReadProblem]:
    return [r for r in results if isinstance(r, ReadProblem)]


# --- encodings ----------------------------------------------------------------------------------
LATIN = "Putin and Aliyev met in Baku on Monday to discuss trade and transport links."


def _utf16_bomless(text: str, codec: str) -> bytes:
    return text.encode(codec)


@pytest.mark.parametrize("raw, expected_encoding, text", [
    (ARABIC_TEXT.encode("utf-8"), "utf-8", ARABIC_TEXT),
    (b"\xef\xbb\xbf" + ARABIC_TEXT.encode("utf-8"), "utf-8-sig", ARABIC_TEXT),
    (ARABIC_TEXT.encode("utf-16"), "utf-16-le", ARABIC_TEXT),  # BOM, little endian
    (b"\xfe\xff" + ARABIC_TEXT.encode("utf-16-be"), "utf-16-be", ARABIC_TEXT),
    (ARABIC_TEXT.encode("utf-16-le"), "utf-16-le", ARABIC_TEXT),  # no BOM
    (ARABIC_TEXT.encode("utf-16-be"), "utf-16-be", ARABIC_TEXT),  # no BOM
    (LATIN.encode("utf-16-le"), "utf-16-le", LATIN),
    (LATIN.encode("utf-16-be"), "utf-16-be", LATIN),
    (ARABIC_TEXT.encode("utf-32"), "utf-32-le", ARABIC_TEXT),
    (ARABIC_TEXT.encode("cp1256"), "cp1256", ARABIC_TEXT),
    (ARABIC_TEXT.encode("iso8859_6"), "iso8859_6", ARABIC_TEXT),
    (LATIN.encode("ascii"), "utf-8", LATIN),
])
def test_encodings_detected(raw: bytes, expected_encoding: str, text: str) -> None:
    doc = _one_doc(read_bytes(raw, "article.txt"))
    assert doc.encoding == expected_encoding
    assert doc.text == text
    assert doc.fmt == "txt"


def test_cp1256_with_latin_words_and_digits() -> None:
    text = "بلغ حجم التجارة 4 مليارات دولار وفق وكالة RT العربية في عام 2023."
    doc = _one_doc(read_bytes(text.encode("cp1256"), "a.txt"))
    assert (doc.encoding, doc.text) == ("cp1256", text)


def test_iso8859_6_is_not_mistaken_for_cp1256() -> None:
    text = "وقال الرئيس إن المحادثات كانت مفيدة للغاية وإن الوفدين سيلتقيان قريبا في موسكو."
    doc = _one_doc(read_bytes(text.encode("iso8859_6"), "a.txt"))
    assert (doc.encoding, doc.text) == ("iso8859_6", text)


def test_latin1_text_still_readable() -> None:
    text = "Rencontre à Bakou: les présidents ont signé un accord économique élargi."
    doc = _one_doc(read_bytes(text.encode("cp1252"), "a.txt"))
    assert doc.text == text


def test_utf8_cut_mid_character_is_still_utf8() -> None:
    raw = ARABIC_TEXT.encode("utf-8")[:-1]  # a page cut in the middle of a letter
    doc = _one_doc(read_bytes(raw, "a.txt"))
    assert doc.encoding == "utf-8"
    assert doc.text.startswith(ARABIC_TEXT[:40])


def test_decode_bytes_public_helper() -> None:
    assert decode_bytes("سلام".encode("cp1256") * 5) == ("سلام" * 5, "cp1256")


def test_text_is_normalised_nfc_crlf_nul() -> None:
    raw = "أ\r\nب\rج\x00د".encode("utf-8") + "ا\u0654".encode("utf-8")  # alef + combining hamza
    doc = _one_doc(read_bytes(raw, "a.txt"))
    assert doc.text == "أ\nب\nجدأ"


# --- formats ------------------------------------------------------------------------------------
def test_markdown() -> None:
    doc = _one_doc(read_bytes(("# عنوان\n\n" + ARABIC_TEXT).encode(), "note.md"))
    assert doc.fmt == "md" and doc.text.startswith("# عنوان")


HTML = """<!doctype html><html lang="ar" dir="rtl"><head>
<meta charset="utf-8"><title>بوتين وعلييف يبحثان التعاون</title>
<meta property="og:site_name" content="وكالة الأنباء التجريبية">
<meta property="og:url" content="https://news.example/article/1">
<meta property="article:published_time" content="2024-08-19T10:00:00Z">
<script>var secret = "SCRIPT-TEXT";</script><style>.x { color: red }</style>
</head><body><nav><a href="/">الرئيسية</a></nav><article><h1>بوتين وعلييف يبحثان التعاون</h1>
<p>التقى الرئيس الروسي نظيره الأذربيجاني في باكو يوم الاثنين وبحثا العلاقات الثنائية.</p>
<script>document.write("SCRIPT-TEXT-2")</script>
<p>وقال الرئيسان إن حجم التبادل التجاري تجاوز أربعة مليارات دولار في العام الماضي.</p>
<p>وأضافا أن التعاون في مجالي الطاقة والنقل سيتوسع خلال السنوات المقبلة بشكل كبير.</p>
</article><footer>جميع الحقوق محفوظة</footer></body></html>"""


@pytest.mark.parametrize("codec", ["utf-8", "cp1256"])
def test_html_main_text_and_hints(codec: str) -> None:
    raw = HTML.replace('<meta charset="utf-8">', "").encode(codec)
    doc = _one_doc(read_bytes(raw, "page.html"))
    assert doc.fmt == "html" and doc.encoding == codec
    assert "التقى الرئيس الروسي نظيره الأذربيجاني" in doc.text
    assert "أربعة مليارات دولار" in doc.text
    assert "SCRIPT-TEXT" not in doc.text and "color: red" not in doc.text
    assert doc.hints["title"] == "بوتين وعلييف يبحثان التعاون"
    assert doc.hints["published"] == "2024-08-19"
    assert doc.hints["outlet"] == "وكالة الأنباء التجريبية"
    assert doc.hints["url"] == "https://news.example/article/1"
    assert doc.raw is not None and "<article>" in doc.raw
    assert doc.text.startswith("بوتين وعلييف يبحثان التعاون")


def test_html_short_page_falls_back_to_plain_text() -> None:
    # Short, but an article body (a page of one or two words is refused: test_security_readers).
    short = "نص قصير عن لقاء الرئيسين بوتين وعلييف في موسكو لبحث التعاون الاقتصادي"
    raw = f"<html><body><p>{short}</p><script>x()</script></body></html>".encode()
    doc = _one_doc(read_bytes(raw, "short.htm"))
    assert short in doc.text and "x()" not in doc.text


def test_html_without_text_is_a_problem() -> None:
    results = read_bytes(b"<html><body><script>1</script></body></html>", "empty.html")
    assert _problems(results) and "no readable text" in results[0].reason


def test_docx_paragraphs_tables_and_title() -> None:
    raw = make_docx(["عنوان الخبر", ARABIC_TEXT], title="عنوان الملف",
                    table=[["البند", "القيمة"], ["التجارة", "4 مليارات"]])
    doc = _one_doc(read_bytes(raw, "خبر.docx"))
    assert doc.fmt == "docx"
    assert doc.text.startswith("عنوان الخبر\n" + ARABIC_TEXT.split("\n")[0])
    assert "التجارة | 4 مليارات" in doc.text
    assert doc.hints == {"title": "عنوان الملف"}


def test_docx_without_text_is_a_problem() -> None:
    results = read_bytes(make_docx([]), "empty.docx")
    assert _problems(results) and "no text" in results[0].reason


def test_zip_of_mixed_formats_with_arabic_names() -> None:
    raw = make_zip({
        "مقالات/خبر 1.txt": ARABIC_TEXT.encode("cp1256"),
        "مقالات/صفحة.html": HTML.encode(),
        "doc.docx": make_docx([ARABIC_TEXT]),
        "folder/": b"",
        "__MACOSX/._x.txt": b"\0\0junk",
        "notes.pdf": b"%PDF-1.4",
    })
    results = read_bytes(raw, "حزمة.zip")
    docs = {r.source: r for r in results if isinstance(r, RawDocument)}
    assert set(docs) == {"حزمة.zip/مقالات/خبر 1.txt", "حزمة.zip/مقالات/صفحة.html",
                         "حزمة.zip/doc.docx"}
    assert docs["حزمة.zip/مقالات/خبر 1.txt"].encoding == "cp1256"
    assert [p.source for p in _problems(results)] == ["حزمة.zip/notes.pdf"]


def test_nested_zip_depth_two_is_read() -> None:
    doc = _one_doc(read_bytes(nested_zip(2), "outer.zip"))
    assert doc.source == "outer.zip/level1.zip/article.txt"
    assert doc.text == ARABIC_TEXT


# --- batches ------------------------------------------------------------------------------------
def test_csv_rows_become_documents_with_hints() -> None:
    csv_text = ("title,text,url,outlet,published,extra\n"
                "عنوان أول,\"نص أول، مع فاصلة\nوسطر ثان\",https://a.example/1,موقع,2024-08-19,x\n"
                ",,,,,\n"
                "عنوان بلا نص,,,,,\n"
                "\n"
                "عنوان رابع,نص رابع,,,,\n")
    results = read_bytes(csv_text.encode("utf-8-sig"), "batch.csv")
    docs = [r for r in results if isinstance(r, RawDocument)]
    assert [d.source for d in docs] == ["batch.csv#row 1", "batch.csv#row 4"]
    assert docs[0].text == "نص أول، مع فاصلة\nوسطر ثان"
    assert docs[0].hints == {"title": "عنوان أول", "url": "https://a.example/1", "outlet": "موقع",
                             "published": "2024-08-19"}
    assert docs[1].hints == {"title": "عنوان رابع"}
    assert [(p.source, p.reason) for p in _problems(results)] == [
        ("batch.csv#row 3", "no text in this row"), ("batch.csv", "1 empty row skipped")]


def test_csv_in_cp1256_and_tab_separated() -> None:
    raw = "text\ttitle\nنص الخبر الأول\tعنوان\n".encode("cp1256")
    doc = _one_doc(read_bytes(raw, "batch.csv"))
    assert (doc.text, doc.hints, doc.encoding) == ("نص الخبر الأول", {"title": "عنوان"}, "cp1256")


def test_csv_header_is_case_insensitive() -> None:
    doc = _one_doc(read_bytes("Text,Title\nنص,عنوان\n".encode(), "b.csv"))
    assert doc.text == "نص" and doc.hints == {"title": "عنوان"}


def test_csv_without_text_column() -> None:
    results = read_bytes("title,body\nعنوان,نص\n".encode(), "b.csv")
    assert len(results) == 1 and "no 'text' column" in results[0].reason
    assert "title, body" in results[0].reason


def test_csv_row_with_too_many_fields_is_reported_others_read() -> None:
    raw = "text,title\nنص أول,عنوان\nنص,عنوان,زائد,زائد\nنص ثالث,عنوان\n".encode()
    results = read_bytes(raw, "b.csv")
    assert [r.source for r in results if isinstance(r, RawDocument)] == ["b.csv#row 1", "b.csv#row 3"]
    assert [p.source for p in _problems(results)] == ["b.csv#row 2"]
    assert "3 fields" not in _problems(results)[0].reason and "4 fields" in _problems(results)[0].reason


def test_csv_header_only() -> None:
    results = read_bytes(b"text,title\n", "b.csv")
    assert len(results) == 1 and "no rows" in results[0].reason


def test_jsonl_good_and_bad_lines() -> None:
    lines = [
        json.dumps({"text": "نص أول", "title": "عنوان", "published": "2024-04-22"}, ensure_ascii=False),
        "",
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"title": "بلا نص"}, ensure_ascii=False),
        json.dumps({"text": "نص ثان", "outlet": "موقع", "url": None}, ensure_ascii=False),
    ]
    results = read_bytes("\n".join(lines).encode(), "batch.jsonl")
    docs = [r for r in results if isinstance(r, RawDocument)]
    assert [(d.source, d.text, d.hints) for d in docs] == [
        ("batch.jsonl#line 1", "نص أول", {"title": "عنوان", "published": "2024-04-22"}),
        ("batch.jsonl#line 6", "نص ثان", {"outlet": "موقع"}),
    ]
    assert [p.source for p in _problems(results)] == [
        "batch.jsonl#line 3", "batch.jsonl#line 4", "batch.jsonl#line 5"]
    assert all(d.fmt == "jsonl" for d in docs)


def test_batch_row_limit() -> None:
    raw = ("text\n" + "نص\n" * 50).encode()
    results = read_bytes(raw, "b.csv", limits=Limits(max_rows=10))
    assert len([r for r in results if isinstance(r, RawDocument)]) == 10
    assert "more than 10 rows" in _problems(results)[-1].reason


# --- paths and names ----------------------------------------------------------------------------
def test_read_path_folder_recursive_sorted(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text(ARABIC_TEXT, encoding="utf-8")
    (tmp_path / "1.txt").write_bytes(ARABIC_TEXT.encode("cp1256"))
    (tmp_path / ".hidden.txt").write_text("x", encoding="utf-8")
    (tmp_path / "b" / "skip.png").write_bytes(b"\x89PNG....")
    results = read_path(tmp_path)
    assert [Path(r.source).name for r in results] == ["1.txt", "2.txt", "skip.png"]
    assert isinstance(results[2], ReadProblem) and "unsupported" in results[2].reason


def test_read_path_single_file_source_as_given(tmp_path: Path) -> None:
    path = tmp_path / "خبر مهم.txt"
    path.write_text(ARABIC_TEXT, encoding="utf-8")
    doc = _one_doc(read_path(path))
    assert doc.source == str(path)
    assert _one_doc(read_path(str(path))).text == ARABIC_TEXT


def test_read_path_missing() -> None:
    results = read_path(Path("/nonexistent/dir/x.txt"))
    assert len(results) == 1 and "no such file" in results[0].reason


def test_read_path_symlinks_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text(ARABIC_TEXT, encoding="utf-8")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "link.txt").symlink_to(outside)
    results = read_path(folder)
    assert len(results) == 1 and "symbolic link" in results[0].reason


@pytest.mark.parametrize("name, shown", [
    ("خبر مهم.txt", "خبر مهم.txt"),
    ("a\x00b\x1b[31m.txt", "ab[31m.txt"),
    ("evil\u202etxt.exe", "eviltxt.exe"),
    ("line\nbreak.txt", "linebreak.txt"),
    ("\x01\x02", "(unnamed)"),
])
def test_display_name(name: str, shown: str) -> None:
    assert display_name(name) == shown


def test_upload_name_is_sanitised_in_source() -> None:
    doc = _one_doc(read_bytes(ARABIC_TEXT.encode(), "مقال\x07 جديد\r.txt"))
    assert doc.source == "مقال جديد.txt"


def test_seed_files_read_as_utf8(seeds_dir: Path) -> None:
    results = read_path(seeds_dir)
    docs = [r for r in results if isinstance(r, RawDocument)]
    assert len(docs) >= 5 and all(d.encoding == "utf-8" for d in docs)
    assert any("gold.jsonl" in r.source for r in results)  # jsonl without text keys → problems


def _bomless_utf16_per_byte(data: bytes) -> str | None:
    """The reference: the BOM-less UTF-16 test as first written, one byte at a time."""
    sample = data[:8192]
    sample = sample[: len(sample) // 2 * 2]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    high_bytes = frozenset({0x00, 0x06, 0x20, 0xFB, 0xFE})

    def share(part: bytes, allowed: frozenset[int]) -> float:
        return sum(1 for b in part if b in allowed) / len(part)

    for enc, high, low in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if (share(high, high_bytes) >= 0.95 and share(high, frozenset({0, 6})) >= 0.6
                and share(low, high_bytes) < 0.5):
            return enc
    return None


def test_bomless_utf16_counts_bytes_as_the_per_byte_reference():
    rng = random.Random(7)
    samples = []
    for codec in ("utf-16-le", "utf-16-be", "utf-8", "cp1256"):
        data = (ARABIC_TEXT * 40).encode(codec, errors="replace")
        samples += [data, data[1:], data[:5], data[:9000]]
    for _ in range(3000):  # few distinct bytes, often 00 and 06: near the thresholds
        alphabet = bytes(rng.sample(range(256), rng.randrange(1, 6))) + b"\x00\x06"
        samples.append(bytes(rng.choice(alphabet) for _ in range(rng.randrange(0, 80))))
    found = [bomless_utf16(d) for d in samples]
    assert found == [_bomless_utf16_per_byte(d) for d in samples]
    assert {"utf-16-le", "utf-16-be", None} <= set(found)
