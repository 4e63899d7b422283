"""The editor gate on the Upload page: sign-in (OIDC), passcode, or a local run.

The decision itself is pure (``corpus.auth``); this module reads ``st.secrets`` (and notices when
the secrets files change or cannot be parsed), ``st.user`` and the connection (bind address,
client address, proxy headers), draws the sign-in / passcode widgets, keeps the passcode in the
session and throttles wrong passcodes across sessions. Closed writing and wrong passcodes are
logged on the server.
"""
from __future__ import annotations

import hashlib
import importlib.util
import os
import re
import threading
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

import streamlit as st
from streamlit import runtime
from streamlit.logger import get_logger
from streamlit.runtime.scriptrunner import get_script_run_ctx

from components.i18n import has, t
from components.text import safe_inline
from corpus import auth

_LOG = get_logger("dashboard.auth")

# Session keys (prefixed so they never clash with the dashboard's widgets).
_CODE_KEY = "_editor_passcode"
_BINDING_KEY = "_editor_binding"  # which browser the passcode was typed in
_XSRF_COOKIE = "_streamlit_xsrf"


@dataclass(frozen=True)
class Editor:
    """Someone allowed to write; ``who`` is what the history records."""

    who: str
    mode: str


@dataclass(frozen=True)
class SecretsState:
    """The secrets as read now; ``unreadable`` lists files that exist but cannot be parsed."""

    values: Mapping[str, Any]
    unreadable: tuple[auth.Problem, ...] = ()


_seen_lock = threading.Lock()
_seen: dict[str, Any] = {"fingerprint": None, "logged": set()}


def _secret_paths() -> list[str]:
    try:
        return [str(p) for p in (st.get_option("secrets.files") or [])]
    except Exception:
        return []


def _fingerprint(paths: list[str]) -> tuple[tuple[str, int | None, int | None], ...]:
    out = []
    for path in paths:
        try:
            info = os.stat(path)
            out.append((path, info.st_mtime_ns, info.st_size))
        except OSError:
            out.append((path, None, None))
    return tuple(out)


def _reload_if_changed(paths: list[str]) -> None:
    """Make ``st.secrets`` read the files again when they changed since the last run.

    Streamlit's own watcher stops for good once a change leaves the file unparsable, after which a
    rotated passcode would never be taken; comparing modification times on every run does not.
    """
    current = _fingerprint(paths)
    with _seen_lock:
        previous, _seen["fingerprint"] = _seen["fingerprint"], current
    if previous is not None and previous != current:
        reset = getattr(st.secrets, "_reset", None)
        if callable(reset):
            reset()
        _LOG.info("secrets files changed: read again")


def display_name(path: str) -> str:
    """A secrets file named without the server's absolute path (relative, ~, else the name)."""
    resolved = Path(path).resolve()
    for base, prefix in ((Path.cwd().resolve(), ""), (Path.home().resolve(), "~/")):
        try:
            return prefix + str(resolved.relative_to(base))
        except ValueError:
            continue
    return resolved.name


def _parse_problem(path: str) -> auth.Problem | None:
    """Why one secrets file cannot be parsed (None when it can, or is absent)."""
    if not path.endswith(".toml") or not os.path.isfile(path):
        return None
    try:
        with open(path, encoding="utf-8") as fh:
            tomllib.loads(fh.read())  # the parser st.secrets uses, so both agree on what is malformed
    except Exception as exc:  # TomlDecodeError, UnicodeDecodeError, OSError …
        _log_once(f"secrets file {path} cannot be parsed: {_short_reason(exc)}")
        return auth.unreadable_problem(display_name(path), _position(exc))
    return None


def _short_reason(exc: Exception) -> str:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text[:160]


_POSITION = re.compile(r"line \d+,? column \d+")  # toml: "line 1 column 14", tomllib: "line 1, column 14"


def _position(exc: Exception) -> str:
    """Where the parser stopped, for the page: its message may quote part of a secret, the
    position does not (the whole message goes to the server log)."""
    found = _POSITION.search(str(exc))
    return f"{found.group(0)}" if found else type(exc).__name__


def secrets_state() -> SecretsState:
    """The secrets now, and which files could not be parsed (those close writing)."""
    paths = _secret_paths()
    _reload_if_changed(paths)
    try:
        return SecretsState(st.secrets.to_dict())
    except Exception as exc:  # no file (fine: unconfigured), or a malformed one (not fine)
        problems = tuple(p for p in map(_parse_problem, paths) if p is not None)
        if not problems and any(os.path.exists(p) for p in paths):
            problems = (auth.unreadable_problem("secrets", _short_reason(exc)),)
        return SecretsState({}, problems)


def secrets_mapping() -> Mapping[str, Any]:
    """``st.secrets`` as a plain dict; empty when there is no secrets.toml or it cannot be read
    (``secrets_state`` says which)."""
    return secrets_state().values


def _log_once(message: str) -> None:
    with _seen_lock:
        if message in _seen["logged"]:
            return
        _seen["logged"].add(message)
    _LOG.warning(message)


def _headers() -> dict[str, str]:
    """The connection's request headers, lower-cased; empty without a browser connection (AppTest,
    whose runtime answers with mocks: only text is taken)."""
    try:
        headers = st.context.headers
        pairs = [(k, headers.get(k)) for k in headers.keys()]
    except Exception:
        return {}
    return {k.lower(): v for k, v in pairs if isinstance(k, str) and isinstance(v, str)}


def _ip_address() -> str | None:
    try:
        ip = st.context.ip_address
    except Exception:
        return None
    return ip if isinstance(ip, str) else None  # AppTest's runtime answers with mocks


def local_run() -> bool:
    """Bound to loopback only and reached directly from this machine (not through a proxy)."""
    try:
        bind = st.get_option("server.address")
    except Exception:
        bind = None
    return auth.is_local_run(bind, _ip_address(), _headers())


def current_config() -> auth.AuthConfig:
    """The write policy for this visitor; a closed policy is logged once per distinct reason."""
    state = secrets_state()
    config = auth.auth_config_from(state.values, local=local_run(), unreadable=state.unreadable)
    if config.mode == auth.CLOSED:
        _log_once("writing is closed: " + "; ".join(config.problems))
    return config


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
    config = current_config()
    if config.mode == auth.OPEN:
        st.info(t("auth.open_notice", lang))
        return Editor(auth.LOCAL_WHO, config.mode)
    if config.mode == auth.CLOSED:
        st.error(t("auth.closed", lang, problems="; ".join(problem_text(p, lang)
                                                           for p in config.problems)))
        return None
    if config.mode == auth.PASSCODE:
        return _passcode_gate(config, lang)
    return _oidc_gate(config, lang)


def current_editor() -> Editor | None:
    """This visitor's editor, drawing nothing (pages other than Upload offer editing only to whom
    the Upload page's gate lets in): an open or local run, a passcode typed on the Upload page in
    this browser, or a signed-in user on the allow-list. None for everyone else."""
    config = current_config()
    if config.mode == auth.OPEN:
        return Editor(auth.LOCAL_WHO, config.mode)
    if config.mode == auth.PASSCODE:
        return Editor(auth.PASSCODE_WHO, config.mode) if _granted(config) else None
    if config.mode != auth.OIDC or not _authlib_installed():
        return None
    user = current_user()
    email = user.get("email")
    if not user.get("is_logged_in") or not auth.may_write(config, email=email,
                                                          email_verified=user.get("email_verified")):
        return None
    return Editor(auth.identity_label(config, email), config.mode)


def problem_text(problem: str, lang: str) -> str:
    """A closing reason in the interface's language, Markdown-safe."""
    code = getattr(problem, "code", "")
    if code and has(f"auth.problem.{code}"):
        params = {k: safe_inline(v) for k, v in getattr(problem, "params", {}).items()}
        return t(f"auth.problem.{code}", lang, **params)
    return safe_inline(problem)


def connection_binding() -> str:
    """What ties a passcode grant to the browser it was typed in, not to the session id alone.

    A session can be resumed by any client that presents its id (Streamlit reconnects that way,
    and ids appear in upload URLs). The browser's XSRF cookie, sent with every connection of that
    browser, stands for it; without one (XSRF protection off) the connection object itself does,
    so any reconnect asks for the passcode again."""
    try:
        token = st.context.cookies.get(_XSRF_COOKIE)
    except Exception:  # no browser connection (AppTest)
        token = None
    if isinstance(token, str) and token:
        return "cookie:" + hashlib.sha256(str(token).encode()).hexdigest()
    if not _headers():  # no browser connection at all (AppTest): nothing to tie the grant to
        return "none"
    try:
        client = runtime.get_instance().get_client(_session_id())
    except Exception:
        client = None
    return f"connection:{id(client)}" if client is not None else "none"


def _granted(config: auth.AuthConfig) -> bool:
    """The passcode in the session is the current one and was typed in this browser."""
    if not auth.passcode_matches(st.session_state.get(_CODE_KEY), config.passcode):
        return False
    if st.session_state.get(_BINDING_KEY) == connection_binding():
        return True
    _LOG.warning("passcode grant dropped: session resumed by another connection (client %s)",
                 client_address())
    st.session_state.pop(_CODE_KEY, None)
    st.session_state.pop(_BINDING_KEY, None)
    return False


def _passcode_gate(config: auth.AuthConfig, lang: str) -> Editor | None:
    # Re-checked on every run, so changing the passcode in the secrets signs everyone out.
    if _granted(config):
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


def _throttle_window() -> float:
    """The throttle's window in seconds: ``DASHBOARD_PASSCODE_WINDOW`` (tests on a slow machine
    lengthen it so that their guesses stay inside one window), else 60."""
    try:
        return max(1.0, float(os.environ.get("DASHBOARD_PASSCODE_WINDOW", "")))
    except ValueError:
        return auth.THROTTLE_WINDOW_SECONDS


_THROTTLE = auth.PasscodeThrottle(window=_throttle_window())


def reset_throttle() -> None:
    """Forget every recorded wrong passcode (tests)."""
    global _THROTTLE
    _THROTTLE = auth.PasscodeThrottle(window=_throttle_window())


def client_address() -> str:
    """Who is trying, for the throttle: the connection's address; behind a reverse proxy on
    loopback, the address it reports (X-Real-IP, else the first X-Forwarded-For). Without a
    connection (AppTest) the session stands in for the address."""
    ip = _ip_address()
    headers = _headers()
    if ip is None or auth.is_loopback(ip):
        forwarded = headers.get("x-real-ip") or headers.get("x-forwarded-for", "").split(",")[0]
        if forwarded.strip():
            return forwarded.strip()
        if ip is None and not headers:
            return f"session:{_session_id()}"
        return ip or "127.0.0.1"
    return ip


def _session_id() -> str:
    try:
        ctx = get_script_run_ctx()
        return ctx.session_id if ctx is not None else "?"
    except Exception:
        return "?"


def _check_passcode(config: auth.AuthConfig, given: str, lang: str) -> Editor | None:
    now = time.monotonic()
    address = client_address()
    wait = _THROTTLE.wait(address, now)
    if wait > 0:
        _LOG.warning("passcode try refused while throttled (client %s, %.0f s left)", address, wait)
        st.error(t("auth.locked", lang, seconds=int(wait) + 1))
        return None
    if not auth.passcode_matches(given, config.passcode):
        n = _THROTTLE.failure(address, now)
        _LOG.warning("wrong editor passcode from client %s (%d in the last %.0f s)", address, n,
                     _THROTTLE.window)
        st.error(t("auth.wrong_passcode", lang))
        return None
    _LOG.info("editor passcode accepted from client %s", address)
    st.session_state[_CODE_KEY] = given
    st.session_state[_BINDING_KEY] = connection_binding()
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
