"""Who may write on a hosted dashboard, attacked as a visitor would (issue 13, items 1-3).

A real ``streamlit run app.py`` on loopback reads its secrets from a file the test rewrites while
the server runs; headless Chromium opens the Upload page in fresh sessions. Bounded: two servers,
at most 30 page runs each.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from hosted_support import (alerts, has_passcode_form, has_uploader, hosted_dashboard, main_text, ws_page,
                            open_page, rewrite, try_passcode)

from devtools.dashboard import ROOT

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CLOSED = "متوقفة"  # "… are switched off …" in the closed notice and the unreadable-secrets notice
WRONG = "الرمز غير صحيح"
LOCKED = "انتظر"


def _database(folder: Path) -> str:
    return f'[database]\nurl = "sqlite:///{folder / "hosted.sqlite"}"\n'


def _local_sqlite() -> tuple[bool, int]:
    path = ROOT / "data" / "corpus.sqlite"
    return path.exists(), path.stat().st_mtime_ns if path.exists() else 0


@pytest.fixture(scope="module")
def malformed_app(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hosted_malformed")
    before = _local_sqlite()
    # An unclosed quote: the whole file is unreadable, [database] url included.
    app, secrets = hosted_dashboard(folder, 'editor_passcode = "first\n' + _database(folder))
    app.folder, app.secrets, app.local_before = folder, secrets, before
    yield app
    app.stop()


def test_malformed_secrets_close_writing_and_open_no_other_database(browser, malformed_app):
    context, page = open_page(browser, malformed_app.base)
    text, uploader = main_text(page), has_uploader(page)
    context.close()
    assert CLOSED in text and "secrets.toml" in text and "line 1" in text
    assert not uploader
    assert "no editor sign-in" not in text.lower() and "يستطيع كل من" not in text
    assert _local_sqlite() == malformed_app.local_before, "the app fell back to data/corpus.sqlite"
    assert not (malformed_app.folder / "hosted.sqlite").exists()
    log = (malformed_app.folder / "server.log").read_text()
    # The parser's own words (tomllib's since Streamlit 1.67) reach the log, not the page.
    assert "secrets cannot be read" in log and "line 1" in log


def test_secrets_fixed_then_broken_then_rotated_are_followed(browser, malformed_app):
    folder, secrets = malformed_app.folder, malformed_app.secrets
    rewrite(secrets, 'editor_passcode = "first-passcode"\n' + _database(folder))
    context, page = open_page(browser, malformed_app.base)
    assert has_passcode_form(page) and not has_uploader(page)
    try_passcode(page, "first-passcode")
    assert has_uploader(page), alerts(page)
    context.close()

    rewrite(secrets, 'editor_passcode = "second\n' + _database(folder))  # broken again
    context, page = open_page(browser, malformed_app.base)
    assert CLOSED in main_text(page) and not has_passcode_form(page)
    context.close()

    rewrite(secrets, 'editor_passcode = "second-passcode"\n' + _database(folder))  # rotated
    context, page = open_page(browser, malformed_app.base)
    assert any(WRONG in a for a in try_passcode(page, "first-passcode"))
    assert not has_uploader(page)
    try_passcode(page, "second-passcode")
    assert has_uploader(page), alerts(page)
    context.close()
    assert _local_sqlite() == malformed_app.local_before


@pytest.fixture(scope="module")
def hosted_app(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hosted")
    # The throttle test's 22 tries must fall in one window even on a loaded machine (the window's
    # length is the only thing changed: the counts are the deployed ones).
    app, secrets = hosted_dashboard(folder, _database(folder),
                                    env={"DASHBOARD_PASSCODE_WINDOW": "900"})
    app.folder, app.secrets = folder, secrets
    yield app
    app.stop()


# Each mentions who may write and cannot be used as written; the text the page must name.
UNUSABLE = {
    "auth_with_only_editors": ('[auth]\neditors = ["ed@example.org"]\n', "[auth]"),
    "top_level_editors_only": ('editors = ["ed@example.org"]\n', "editors"),
    "passcode_under_database": ('[database]\neditor_passcode = "pw"\n', "editor_passcode"),
    "passcode_false": ("editor_passcode = false\n", "bool"),
    "open_writing_as_text": ('open_writing = "yes"\n', "open_writing"),
}


def test_nothing_configured_on_loopback_is_open(browser, hosted_app):
    """The control: a local run with nothing about writing configured may write (else the tests
    below could pass on a page that never opens writing)."""
    rewrite(hosted_app.secrets, _database(hosted_app.folder))
    context, page = open_page(browser, hosted_app.base)
    assert has_uploader(page), main_text(page)
    context.close()


@pytest.mark.parametrize("name", list(UNUSABLE))
def test_unusable_writing_settings_close_writing_and_say_why(browser, hosted_app, name):
    extra, named = UNUSABLE[name]
    text = _database(hosted_app.folder)
    if extra.startswith("[database]"):
        text = text + extra.split("\n", 1)[1]
    else:
        text = (extra + text) if not extra.startswith("[") else (text + extra)
    rewrite(hosted_app.secrets, text)
    context, page = open_page(browser, hosted_app.base)
    shown = main_text(page)
    uploader, form = has_uploader(page), has_passcode_form(page)
    context.close()
    assert CLOSED in shown and named in shown, shown
    assert not uploader and not form
    log = (hosted_app.folder / "server.log").read_text()
    assert re.search(r"writing is closed: .*" + re.escape(named), log), log[-2000:]


def test_nothing_configured_behind_a_proxy_is_closed(browser, hosted_app):
    """A loopback-bound server behind a reverse proxy is public: the proxy's headers close it.
    The headers travel on the websocket handshake, as a proxy sends them (a raw client)."""
    rewrite(hosted_app.secrets, _database(hosted_app.folder))
    got = ws_page(hosted_app.port, "upload", {"X-Forwarded-For": "203.0.113.5"})
    shown = "\n".join(got["texts"])
    assert "file_uploader" not in got["elements"], got["elements"]
    assert CLOSED in shown and "open_writing" in shown, shown
    # The control: the same client without the proxy's header is a local run and may write.
    assert "file_uploader" in ws_page(hosted_app.port, "upload", {})["elements"]


def test_open_writing_true_opens_behind_a_proxy(browser, hosted_app):
    rewrite(hosted_app.secrets, "open_writing = true\n" + _database(hosted_app.folder))
    context, page = open_page(browser, hosted_app.base, headers={"X-Forwarded-For": "203.0.113.5"})
    uploader = has_uploader(page)
    context.close()
    assert uploader


def test_passcode_guesses_are_throttled_across_sessions_and_logged(browser, hosted_app):
    """Item 3: a new session does not reset the count."""
    rewrite(hosted_app.secrets, 'editor_passcode = "right-passcode"\n' + _database(hosted_app.folder))
    context, page = open_page(browser, hosted_app.base)
    for i in range(5):
        assert any(WRONG in a for a in try_passcode(page, f"guess-{i}")), alerts(page)
    context.close()
    # A fresh session from the same address: locked, even with the right passcode.
    context, page = open_page(browser, hosted_app.base)
    got = try_passcode(page, "right-passcode")
    assert any(LOCKED in a for a in got) and not has_uploader(page), got
    context.close()
    log = (hosted_app.folder / "server.log").read_text()
    assert log.count("wrong editor passcode from client 127.0.0.1") == 5


def test_passcode_guesses_from_many_addresses_share_an_overall_cap(browser, hosted_app):
    """Item 3: other addresses behind the proxy share an overall cap (20) and are logged."""
    rewrite(hosted_app.secrets, 'editor_passcode = "other-passcode"\n' + _database(hosted_app.folder))
    context, page = open_page(browser, hosted_app.base, headers={"X-Real-IP": "198.51.100.1"})
    assert any(WRONG in a or LOCKED in a for a in try_passcode(page, "probe")), alerts(page)
    context.close()
    log = (hosted_app.folder / "server.log").read_text()
    if "client 198.51.100.1" not in log:
        pytest.skip("this headless Chromium sends no extra headers on the websocket handshake, so "
                    "the server cannot see the addresses a proxy would give it")
    for n in range(2, 5):
        context, page = open_page(browser, hosted_app.base, headers={"X-Real-IP": f"198.51.100.{n}"})
        for i in range(5):
            assert any(WRONG in a or LOCKED in a for a in try_passcode(page, f"g{n}-{i}")), alerts(page)
        context.close()
    context, page = open_page(browser, hosted_app.base, headers={"X-Real-IP": "198.51.100.99"})
    got = try_passcode(page, "other-passcode")
    assert any(LOCKED in a for a in got) and not has_uploader(page), got
    context.close()
    log = (hosted_app.folder / "server.log").read_text()
    assert "wrong editor passcode from client 198.51.100.3" in log
    assert "refused while throttled (client 198.51.100.99" in log
