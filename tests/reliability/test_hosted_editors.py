"""Two editors store the same article with different corrections (issue 13, item 11, first half):
the one who stores second is told that the corrections were not stored and where the article is.
Two Upload-page sessions (AppTest) over one database."""
from __future__ import annotations

from dataclasses import dataclass

import streamlit as st
from streamlit.testing.v1 import AppTest

from devtools.dashboard import ROOT

TEXT = """بوتين وعلييف يبحثان التعاون في مجال الطاقة
موسكو - 15 مارس 2024
استقبل الرئيس الروسي فلاديمير بوتين نظيره الأذربيجاني إلهام علييف في الكرملين اليوم الجمعة، وبحث الجانبان مشروعات النقل والطاقة.
وقال بوتين إن حجم التبادل التجاري بين البلدين بلغ نحو 4 مليارات دولار في العام الماضي.
"""
READ = "قراءة الملفات ومعاينتها"
STORE = "حفظ المقالات المحددة"


@dataclass
class _Upload:
    name: str
    data: bytes

    def getvalue(self) -> bytes:
        return self.data


def _session() -> AppTest:
    at = AppTest.from_file(str(ROOT / "views" / "upload.py"), default_timeout=60)
    at.secrets["test_marker"] = "1"
    return at.run()


def _preview_with_title(at: AppTest, title: str) -> None:
    [b for b in at.button if b.label == READ][0].click()
    at.run()
    [field] = [ti for ti in at.text_input if str(ti.key).endswith("_0_title")]
    field.input(title)


def test_second_editor_is_told_their_corrections_were_not_stored(tmp_path, monkeypatch):
    from components import data
    from corpus.store import Store
    store = Store(f"sqlite:///{tmp_path / 'editors.sqlite'}")
    real_uploader = st.file_uploader

    def uploader(*args, **kwargs):
        real_uploader(*args, **kwargs)
        return [_Upload("talks.txt", TEXT.encode())]
    monkeypatch.setattr(st, "file_uploader", uploader)
    data.use_store(store)
    try:
        first, second = _session(), _session()
        _preview_with_title(first, "عنوان المحرر الأول")
        _preview_with_title(second, "عنوان المحرر الثاني")
        [b for b in first.button if b.label == STORE][0].click()
        first.run()
        [b for b in second.button if b.label == STORE][0].click()
        second.run()
        assert not first.exception and not second.exception
        warnings = [w.value for w in second.warning]
        assert any("لم تُحفظ تصحيحاتك" in w and "title" in w for w in warnings), warnings
        frame = store.articles(None)
        assert frame["title"].tolist() == ["عنوان المحرر الأول"]
    finally:
        data.use_store(None)
        store.close()
