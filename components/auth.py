"""The editor gate on the Upload page: sign-in (OIDC), passcode, or a local run.

The decision itself is pure (``corpus.auth``); this module only reads ``st.secrets`` and
``st.user``, draws the sign-in / passcode widgets and keeps the passcode in the session.
"""
from __future__ import annotations

import importlib.util
import time
from dataclasses import dataclass
from typing import Any, Mapping

import streamlit as st

from components.i18n import t
from components.text import safe_inline
from corpus import auth

# Session keys (prefixed so they never clash with the dashboard's widgets).
_CODE_KEY = "_editor_passcode"
_FAILS_KEY = "_editor_passcode_failures"
_LAST_FAIL_KEY = "_editor_passcode_last_failure"


@dataclass(frozen=True)
class Editor:
    """Someone allowed to write; ``who`` is what the history records."""

    who: str
    mode: str


def secrets_mapping() -> Mapping[str, Any]:
    """``st.secrets`` as a plain dict; empty when there is no secrets.toml (a local run)."""
    try:
        return st.secrets.to_dict()
    except Exception:  # no file, or a malformed one: treat as unconfigured, the page says so
        return {}


def current_user() -> dict[str, Any]:
    """The signed-in user's claims (``is_logged_in``, ``email``, ``email_verified``)."""
    try:
        return dict(st.user.to_dict())
    except Exception:
        return {"is_logged_in": False}


def _authlib_installed() -> bool:
    return importlib.util.find_spec("authlib") is not None


def write_access(lang: str) -> Editor | None:
    """Draw the gate and return the editor, or None when this visitor may only read."""
    config = auth.auth_config_from(secrets_mapping())
    if config.mode == auth.OPEN:
        st.info(t("auth.open_notice", lang))
        return Editor(auth.LOCAL_WHO, config.mode)
    if config.mode == auth.CLOSED:
        st.error(t("auth.closed", lang, problems=safe_inline("; ".join(config.problems))))
        return None
    if config.mode == auth.PASSCODE:
        return _passcode_gate(config, lang)
    return _oidc_gate(config, lang)


def _passcode_gate(config: auth.AuthConfig, lang: str) -> Editor | None:
    # Re-checked on every run, so changing the passcode in the secrets signs everyone out.
    if auth.passcode_matches(st.session_state.get(_CODE_KEY), config.passcode):
        _signed_in_line(auth.PASSCODE_WHO, lang)
        if st.button(t("auth.sign_out", lang), key="editor_sign_out"):
            st.session_state.pop(_CODE_KEY, None)
            st.rerun()
        return Editor(auth.PASSCODE_WHO, config.mode)
    st.caption(t("auth.passcode_needed", lang))
    with st.form("editor_passcode_form", clear_on_submit=True):
        given = st.text_input(t("auth.passcode", lang), type="password", key="editor_passcode_input")
        submitted = st.form_submit_button(t("auth.sign_in", lang))
    if not submitted:
        return None
    return _check_passcode(config, given, lang)


def _check_passcode(config: auth.AuthConfig, given: str, lang: str) -> Editor | None:
    now = time.monotonic()
    wait = auth.lockout_remaining(st.session_state.get(_FAILS_KEY, 0),
                                  st.session_state.get(_LAST_FAIL_KEY), now)
    if wait > 0:
        st.error(t("auth.locked", lang, seconds=int(wait) + 1))
        return None
    if not auth.passcode_matches(given, config.passcode):
        st.session_state[_FAILS_KEY] = st.session_state.get(_FAILS_KEY, 0) + 1
        st.session_state[_LAST_FAIL_KEY] = now
        st.error(t("auth.wrong_passcode", lang))
        return None
    st.session_state[_CODE_KEY] = given
    st.session_state[_FAILS_KEY] = 0
    st.rerun()  # draw the page again without the form
    return None


def _oidc_gate(config: auth.AuthConfig, lang: str) -> Editor | None:
    if not _authlib_installed():
        st.error(t("auth.no_authlib", lang))
        return None
    user = current_user()
    if not user.get("is_logged_in"):
        st.caption(t("auth.login_needed", lang))
        if st.button(t("auth.login", lang), key="editor_login"):
            if config.provider:
                st.login(config.provider)
            else:
                st.login()
        return None
    email = user.get("email")
    if config.problems:
        st.warning(t("auth.config_note", lang, problems=safe_inline("; ".join(config.problems))))
    if not auth.may_write(config, email=email, email_verified=user.get("email_verified")):
        st.warning(t("auth.not_editor", lang, email=safe_inline(email or "?")))
        _logout_button(lang)
        return None
    who = auth.identity_label(config, email)
    _signed_in_line(who, lang)
    _logout_button(lang)
    return Editor(who, config.mode)


def _signed_in_line(who: str, lang: str) -> None:
    st.caption(t("auth.signed_in_as", lang, who=safe_inline(who)))


def _logout_button(lang: str) -> None:
    if st.button(t("auth.sign_out", lang), key="editor_logout"):
        st.logout()
