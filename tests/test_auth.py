"""Who may write: the mode decision and checks in corpus/auth.py (pure, no Streamlit)."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corpus import auth

OIDC_FULL = {"redirect_uri": "https://x.example/oauth2callback", "cookie_secret": "s3cret",
             "client_id": "id", "client_secret": "cs",
             "server_metadata_url": "https://idp.example/.well-known/openid-configuration"}


@pytest.mark.parametrize("secrets, mode", [
    (None, auth.OPEN),
    ({}, auth.OPEN),
    ({"database": {"url": "sqlite://"}}, auth.OPEN),
    ({"editor_passcode": "letmein"}, auth.PASSCODE),
    ({"auth": {"editor_passcode": "letmein"}}, auth.PASSCODE),
    ({"editor_passcode": "   "}, auth.CLOSED),
    ({"editor_passcode": ""}, auth.CLOSED),
    ({"auth": OIDC_FULL, "editors": ["a@x.org"]}, auth.OIDC),
    ({"auth": {**OIDC_FULL, "editors": ["a@x.org"]}}, auth.OIDC),
    # OIDC wins over a passcode when both are configured.
    ({"auth": OIDC_FULL, "editors": ["a@x.org"], "editor_passcode": "p"}, auth.OIDC),
    # An allow-list alone is not sign-in, and it does not leave writing open either.
    ({"auth": {"editors": ["a@x.org"]}}, auth.CLOSED),
    # Incomplete [auth] closes writing rather than opening it.
    ({"auth": {"redirect_uri": "https://x"}}, auth.CLOSED),
    ({"auth": {k: v for k, v in OIDC_FULL.items() if k != "cookie_secret"}}, auth.CLOSED),
    ({"auth": {k: v for k, v in OIDC_FULL.items() if k != "client_secret"}}, auth.CLOSED),
    ({"auth": {"redirect_uri": "r", "cookie_secret": "c"}, "editor_passcode": "p"}, auth.CLOSED),
])
def test_mode_from_secrets(secrets, mode):
    assert auth.write_mode(secrets, local=True) == mode


def test_named_provider_is_used_for_login():
    secrets = {"auth": {"redirect_uri": "r", "cookie_secret": "c",
                        "google": {"client_id": "i", "client_secret": "s",
                                   "server_metadata_url": "https://accounts.example/meta"}},
               "editors": ["ed@x.org"]}
    config = auth.auth_config_from(secrets)
    assert (config.mode, config.provider, config.problems) == (auth.OIDC, "google", ())


def test_default_provider_has_no_name():
    config = auth.auth_config_from({"auth": OIDC_FULL, "editors": ["ed@x.org"]})
    assert config.provider is None


def test_named_provider_missing_key_is_reported():
    secrets = {"auth": {"redirect_uri": "r", "cookie_secret": "c",
                        "google": {"client_id": "i"}}}
    config = auth.auth_config_from(secrets)
    assert config.mode == auth.CLOSED
    assert config.problems == ("[auth.google] is missing: client_secret, server_metadata_url",)


def test_missing_keys_are_named():
    config = auth.auth_config_from({"auth": {"cookie_secret": "c"}})
    assert "[auth] is missing redirect_uri" in config.problems
    assert any("identity provider" in p for p in config.problems)


def test_oidc_without_editors_admits_nobody_and_says_so():
    config = auth.auth_config_from({"auth": OIDC_FULL})
    assert config.mode == auth.OIDC
    assert config.problems == ("the editors allow-list is empty: nobody may write",)
    assert not auth.may_write(config, email="a@x.org", email_verified=True)


def test_editors_are_merged_and_normalised():
    secrets = {"editors": [" A@X.org ", ""], "auth": {**OIDC_FULL, "editors": "b@y.org"}}
    assert auth.editors_from(secrets) == frozenset({"a@x.org", "b@y.org"})


@pytest.mark.parametrize("email, verified, allowed", [
    ("a@x.org", True, True),
    ("A@X.ORG", True, True),
    (" a@x.org ", None, True),
    ("a@x.org", False, False),  # an unverified address is not trusted
    ("b@x.org", True, False),
    ("c@team.org", True, True),  # domain entry
    ("c@evilteam.org", True, False),
    ("team.org", True, False),
    ("", True, False),
    (None, True, False),
])
def test_oidc_allow_list(email, verified, allowed):
    config = auth.auth_config_from({"auth": OIDC_FULL, "editors": ["a@x.org", "@team.org"]})
    assert auth.may_write(config, email=email, email_verified=verified) is allowed


@pytest.mark.parametrize("given_code, expected, ok", [
    ("letmein", "letmein", True),
    ("letmein ", "letmein", False),
    ("LETMEIN", "letmein", False),
    ("", "letmein", False),
    (None, "letmein", False),
    ("x", None, False),
    ("كلمة-سر", "كلمة-سر", True),  # non-ASCII must not raise in compare_digest
    ("كلمة", "كلمة-سر", False),
])
def test_passcode_matches(given_code, expected, ok):
    assert auth.passcode_matches(given_code, expected) is ok


@given(st.text(min_size=1), st.text(min_size=1))
def test_passcode_matches_is_equality(a, b):
    assert auth.passcode_matches(a, b) is (a == b)


def test_may_write_per_mode():
    assert auth.may_write(auth.auth_config_from({}, local=True))
    code = auth.auth_config_from({"editor_passcode": "p"})
    assert not auth.may_write(code)
    assert auth.may_write(code, passcode_ok=True)
    closed = auth.auth_config_from({"editor_passcode": ""})
    assert not auth.may_write(closed, passcode_ok=True, email="a@x.org")


def test_identity_labels():
    assert auth.identity_label(auth.auth_config_from({}, local=True)) == "local"
    assert auth.identity_label(auth.auth_config_from({"editor_passcode": "p"})) == "passcode editor"
    oidc = auth.auth_config_from({"auth": OIDC_FULL, "editors": ["a@x.org"]})
    assert auth.identity_label(oidc, " A@x.org") == "a@x.org"


@pytest.mark.parametrize("failures, last, now, remaining", [
    (0, None, 100.0, 0.0),
    (4, 100.0, 100.0, 0.0),
    (5, 100.0, 100.0, 30.0),
    (5, 100.0, 120.0, 10.0),
    (7, 100.0, 200.0, 0.0),
])
def test_lockout_after_repeated_failures(failures, last, now, remaining):
    assert auth.lockout_remaining(failures, last, now) == pytest.approx(remaining)


class _RaisingSecrets(dict):
    """Like st.secrets when secrets.toml is absent: .get raises."""

    def get(self, key, default=None):
        raise FileNotFoundError("no secrets.toml")


def test_secrets_that_raise_count_as_unconfigured():
    assert auth.write_mode(_RaisingSecrets(), local=True) == auth.OPEN


def test_example_secrets_file_configures_oidc():
    import tomllib
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / ".streamlit" / "secrets.example.toml"
    secrets = tomllib.loads(path.read_text(encoding="utf-8"))
    config = auth.auth_config_from(secrets)
    assert (config.mode, config.problems) == (auth.OIDC, ())
    assert secrets["database"]["url"].startswith("postgresql+psycopg://")
