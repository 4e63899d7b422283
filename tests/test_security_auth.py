"""Who may write (issue 13, items 1-3): the pure policy in corpus/auth.py and the Upload page on a
server that is not bound to loopback. The attacks on a running server are in
tests/reliability/test_hosted_auth.py."""
from __future__ import annotations

import pytest
from streamlit import config as st_config
from streamlit.testing.v1 import AppTest

from corpus import auth
from corpus.config import SecretsUnreadable, database_url

ROOT = __import__("pathlib").Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("secrets, code", [
    ({"editor_passcode": False}, "passcode_type"),
    ({"editor_passcode": 1234}, "passcode_type"),
    ({"auth": {"editor_passcode": True}}, "passcode_type"),
    ({"editors": "a@x.org"}, "editors_without_signin"),
    ({"editors": ["a@x.org"]}, "editors_without_signin"),
    ({"auth": {"editors": ["a@x.org"]}}, "editors_without_signin"),
    ({"editors": [1, 2]}, "editors_type"),
    ({"database": {"url": "sqlite://", "editor_passcode": "pw"}}, "misplaced"),
    ({"database": {"editors": ["a@x.org"]}}, "misplaced"),
    ({"auth": {"open_writing": True}}, "misplaced"),
    ({"open_writing": "true"}, "open_value"),
    ({"open_writing": False}, "open_value"),
])
def test_settings_that_mention_writing_but_cannot_be_used_close_it_even_locally(secrets, code):
    config = auth.auth_config_from(secrets, local=True)
    assert config.mode == auth.CLOSED
    assert [p.code for p in config.problems] == [code]


def test_passcode_false_is_not_the_passcode_false():
    config = auth.auth_config_from({"editor_passcode": False}, local=True)
    assert config.passcode is None
    assert not auth.may_write(config, passcode_ok=auth.passcode_matches("False", config.passcode))


def test_unreadable_secrets_close_writing_whatever_else_is_known():
    problem = auth.unreadable_problem("secrets.toml", "Unbalanced quotes (line 1 column 9 char 8)")
    config = auth.auth_config_from({}, local=True, unreadable=(problem,))
    assert (config.mode, config.problems) == (auth.CLOSED, (problem,))
    assert problem.params == {"file": "secrets.toml", "reason": "Unbalanced quotes (line 1 column 9 char 8)"}


@pytest.mark.parametrize("local, mode", [(True, auth.OPEN), (False, auth.CLOSED)])
def test_nothing_configured_is_open_only_on_a_local_run(local, mode):
    config = auth.auth_config_from({"database": {"url": "sqlite://"}}, local=local)
    assert config.mode == mode
    if mode == auth.CLOSED:
        assert [p.code for p in config.problems] == ["not_configured"]


def test_open_writing_true_opens_a_hosted_run():
    assert auth.write_mode({"open_writing": True}, local=False) == auth.OPEN


def test_a_passcode_beats_open_writing():
    assert auth.write_mode({"open_writing": True, "editor_passcode": "pw"}) == auth.PASSCODE


@pytest.mark.parametrize("address, loopback", [
    ("127.0.0.1", True), ("127.0.0.2", True), ("::1", True), ("[::1]", True), ("localhost", True),
    ("", False), (None, False), ("0.0.0.0", False), ("::", False), ("192.168.1.5", False),
    ("example.org", False), ("unix:///run/app.sock", False),
])
def test_loopback_addresses(address, loopback):
    assert auth.is_loopback(address) is loopback


@pytest.mark.parametrize("bind, client, headers, local", [
    ("127.0.0.1", None, {"host": "127.0.0.1:8501"}, True),
    ("127.0.0.1", "127.0.0.1", {}, True),
    ("127.0.0.1", None, {"X-Forwarded-For": "203.0.113.5"}, False),  # behind a proxy
    ("127.0.0.1", None, {"x-real-ip": "203.0.113.5"}, False),
    ("127.0.0.1", None, {"Forwarded": "for=203.0.113.5"}, False),
    ("0.0.0.0", None, {}, False),
    ("", None, {}, False),  # Streamlit's default: every interface
    ("127.0.0.1", "192.168.1.7", {}, False),
])
def test_local_run(bind, client, headers, local):
    assert auth.is_local_run(bind, client, headers) is local


def test_throttle_counts_per_address_across_sessions():
    throttle = auth.PasscodeThrottle(per_address=5, overall=20, window=60)
    for i in range(5):
        assert throttle.wait("10.0.0.1", 100.0 + i) == 0
        throttle.failure("10.0.0.1", 100.0 + i)
    assert throttle.wait("10.0.0.1", 105.0) == pytest.approx(55.0)
    assert throttle.wait("10.0.0.2", 105.0) == 0  # another address still may try
    assert throttle.wait("10.0.0.1", 160.0) == 0  # the oldest failure left the window


def test_throttle_caps_all_addresses_together():
    throttle = auth.PasscodeThrottle(per_address=5, overall=20, window=60)
    for i in range(20):
        throttle.failure(f"10.0.0.{i}", 100.0)
    assert throttle.wait("10.9.9.9", 101.0) == pytest.approx(59.0)
    assert throttle.wait("10.9.9.9", 161.0) == 0


def test_throttle_forgets_idle_addresses():
    throttle = auth.PasscodeThrottle(window=60)
    for i in range(1000):
        throttle.failure(f"10.0.{i // 250}.{i % 250}", float(i))
    throttle.failure("10.1.1.1", 5000.0)
    assert len(throttle._by_address) == 1


def test_unreadable_secrets_do_not_fall_back_to_the_local_database(monkeypatch):
    monkeypatch.delenv("CORPUS_DB_URL", raising=False)
    problem = auth.unreadable_problem("secrets.toml", "Unbalanced quotes")
    with pytest.raises(SecretsUnreadable, match="secrets.toml cannot be read"):
        database_url(secrets={}, unreadable=(problem,))
    monkeypatch.setenv("CORPUS_DB_URL", "sqlite:///elsewhere.sqlite")
    assert database_url(secrets={}, unreadable=(problem,)) == "sqlite:///elsewhere.sqlite"


@pytest.fixture
def bound_to_all_interfaces():
    previous = st_config.get_option("server.address")
    st_config.set_option("server.address", "0.0.0.0")
    yield
    st_config.set_option("server.address", previous)


def test_upload_page_on_a_public_server_with_nothing_configured_is_closed(bound_to_all_interfaces,
                                                                         sqlite_url):
    from components import data
    from corpus.store import Store

    store = Store(sqlite_url)
    data.use_store(store)
    try:
        at = AppTest.from_file(str(ROOT / "views" / "upload.py"), default_timeout=30)
        at.secrets["test_marker"] = "1"
        at.run()
    finally:
        data.use_store(None)
        store.close()
    assert not at.exception
    errors = [e.value for e in at.error]
    assert any("open\\_writing = true" in e or "open_writing = true" in e for e in errors), errors
    assert not at.get("file_uploader")
