"""AppTest has no file-uploader element: the Upload page tests wrap ``st.file_uploader`` so that it
draws its widget and returns in-memory files."""
from __future__ import annotations

from dataclasses import dataclass

import pytest
import streamlit as st


@dataclass
class FakeUpload:
    """What st.file_uploader returns, as far as the page uses it."""

    name: str
    data: bytes

    def getvalue(self) -> bytes:
        return self.data


def fake_uploader(monkeypatch: pytest.MonkeyPatch, chosen: list[FakeUpload] | None = None) -> list[FakeUpload]:
    """Make ``st.file_uploader`` draw its widget and return the files in the list returned (a test
    adds to it to choose files)."""
    files: list[FakeUpload] = [] if chosen is None else chosen
    real_uploader = st.file_uploader

    def uploader(*args, **kwargs):
        real_uploader(*args, **kwargs)
        return list(files)
    monkeypatch.setattr(st, "file_uploader", uploader)
    return files
