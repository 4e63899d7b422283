"""The collector paused over an extraction (corpus/collection.py)."""
from __future__ import annotations

import gc

from corpus.collection import collection_paused
from corpus.extract import extract_document


def test_paused_inside_and_resumed_after():
    assert gc.isenabled()
    with collection_paused():
        assert not gc.isenabled()
        with collection_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the inner block leaves it as the outer one set it
    assert gc.isenabled()


def test_resumed_after_an_error():
    try:
        with collection_paused():
            raise ValueError
    except ValueError:
        pass
    assert gc.isenabled()


def test_left_off_when_the_caller_turned_it_off():
    gc.disable()
    try:
        with collection_paused():
            pass
        assert not gc.isenabled()
        extract_document("التقى الرئيس الروسي فلاديمير بوتين نظيره الأذربيجاني إلهام علييف في موسكو أمس.")
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_extraction_resumes_collection():
    ex = extract_document("التقى الرئيس الروسي فلاديمير بوتين نظيره الأذربيجاني إلهام علييف في موسكو أمس.")
    assert gc.isenabled()
    assert ex.meetings and ex.meetings[0].city == "Moscow"
