"""Who may write to the corpus: a pure function of the Streamlit secrets mapping.

Viewing needs no account. Uploading, correcting and removing need an editor, decided by one of
four modes (first that applies wins):

- ``oidc``: an ``[auth]`` section complete enough for ``st.login`` (``redirect_uri``,
  ``cookie_secret`` and a provider: ``client_id``/``client_secret``/``server_metadata_url`` in
  ``[auth]`` itself or in a ``[auth.<provider>]`` subsection). Editors are the signed-in users whose
  e-mail is on the allow-list ``editors`` (top level, or inside ``[auth]``: TOML puts a key written
  after ``[auth]`` into that table, so both places are read). An empty allow-list admits no one.
- ``passcode``: ``editor_passcode`` is set (no identity provider); compared in constant time.
- ``closed``: something about writing is configured but unusable (an incomplete ``[auth]``, an
  empty passcode). Nobody may write: a typo in a deployment must not open the corpus to everyone.
- ``open``: nothing is configured (a local run): everyone may write, and the page says so.

The identity recorded in the history is the e-mail, ``"passcode editor"`` or ``"local"``.
"""
from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from typing import Any, Mapping

OIDC = "oidc"
PASSCODE = "passcode"
OPEN = "open"
CLOSED = "closed"
MODES = (OIDC, PASSCODE, OPEN, CLOSED)

PASSCODE_WHO = "passcode editor"
LOCAL_WHO = "local"

_PROVIDER_KEYS = ("client_id", "client_secret", "server_metadata_url")
_GENERAL_KEYS = ("redirect_uri", "cookie_secret")
# Wrong passcodes allowed before the form pauses, and how long it pauses (seconds).
MAX_FAILURES = 5
LOCKOUT_SECONDS = 30.0


@dataclass(frozen=True)
class AuthConfig:
    """The write policy read from the secrets. ``problems`` are plain words for the page."""

    mode: str
    editors: frozenset[str] = frozenset()
    passcode: str | None = None
    provider: str | None = None  # argument for st.login; None = the default provider
    problems: tuple[str, ...] = ()


def _section(secrets: Mapping[str, Any] | None, key: str) -> Mapping[str, Any] | None:
    if secrets is None:
        return None
    value = _get(secrets, key)
    return value if isinstance(value, Mapping) else None


def _get(mapping: Mapping[str, Any], key: str) -> Any:
    # st.secrets raises on missing keys in some versions instead of returning the default.
    try:
        return mapping.get(key)
    except (KeyError, AttributeError, FileNotFoundError):
        return None


def _has_text(mapping: Mapping[str, Any], key: str) -> bool:
    value = _get(mapping, key)
    return isinstance(value, str) and bool(value.strip())


def _named_providers(auth: Mapping[str, Any]) -> list[str]:
    """Subsections of [auth] that look like OIDC providers ([auth.google], [auth.microsoft])."""
    names = []
    for key in auth:
        value = _get(auth, key)
        if isinstance(value, Mapping) and any(k in value for k in _PROVIDER_KEYS):
            names.append(str(key))
    return sorted(names)


def _provider_problems(section: Mapping[str, Any], label: str) -> list[str]:
    missing = [k for k in _PROVIDER_KEYS if not _has_text(section, k)]
    if not missing:
        return []
    return [f"{label} is missing: {', '.join(missing)}"]


def normalize_email(email: str | None) -> str:
    """E-mail addresses compare case-insensitively and without surrounding spaces."""
    return (email or "").strip().lower()


def _editor_list(value: Any) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple, set, frozenset)):
        return []
    return [normalize_email(str(v)) for v in value if normalize_email(str(v))]


def editors_from(secrets: Mapping[str, Any] | None) -> frozenset[str]:
    """The allow-list: top-level ``editors`` plus ``[auth] editors``."""
    if secrets is None:
        return frozenset()
    found = _editor_list(_get(secrets, "editors"))
    auth = _section(secrets, "auth")
    if auth is not None:
        found += _editor_list(_get(auth, "editors"))
    return frozenset(found)


def _passcode_from(secrets: Mapping[str, Any] | None) -> str | None:
    """``editor_passcode`` at top level or inside [auth]; None when absent."""
    if secrets is None:
        return None
    for holder in (secrets, _section(secrets, "auth")):
        if holder is not None and _get(holder, "editor_passcode") is not None:
            return str(_get(holder, "editor_passcode"))
    return None


def _oidc_setup(auth: Mapping[str, Any]) -> tuple[str | None, list[str]]:
    """(provider name for st.login, problems); provider "" means the default provider."""
    problems = [f"[auth] is missing {k}" for k in _GENERAL_KEYS if not _has_text(auth, k)]
    named = _named_providers(auth)
    has_default = any(k in auth for k in _PROVIDER_KEYS)
    if has_default:
        problems += _provider_problems(auth, "[auth]")
        provider = ""
    elif named:
        provider = named[0]
        problems += _provider_problems(_get(auth, provider), f"[auth.{provider}]")
    else:
        provider = None
        problems.append("[auth] names no identity provider (client_id, client_secret, "
                        "server_metadata_url)")
    return provider, problems


def _wants_oidc(auth: Mapping[str, Any] | None) -> bool:
    """[auth] is meant for sign-in when it holds anything besides our own two keys."""
    if auth is None:
        return False
    return any(k not in ("editors", "editor_passcode") for k in auth)


def auth_config_from(secrets: Mapping[str, Any] | None) -> AuthConfig:
    """Decide the write mode from a secrets mapping (``st.secrets`` or a plain dict)."""
    editors = editors_from(secrets)
    auth = _section(secrets, "auth")
    if _wants_oidc(auth):
        provider, problems = _oidc_setup(auth)
        if problems:
            return AuthConfig(CLOSED, editors, problems=tuple(problems))
        notes = () if editors else ("the editors allow-list is empty: nobody may write",)
        return AuthConfig(OIDC, editors, provider=provider or None, problems=notes)
    passcode = _passcode_from(secrets)
    if passcode is not None:
        if not passcode.strip():
            return AuthConfig(CLOSED, editors, problems=("editor_passcode is empty",))
        return AuthConfig(PASSCODE, editors, passcode=passcode)
    return AuthConfig(OPEN, editors)


def write_mode(secrets: Mapping[str, Any] | None) -> str:
    return auth_config_from(secrets).mode


def passcode_matches(given: str | None, expected: str | None) -> bool:
    """Constant-time comparison. Both sides are hashed first so that neither the length of the
    passcode leaks nor non-ASCII text trips compare_digest (it takes str only when ASCII)."""
    if not given or not expected:
        return False
    return hmac.compare_digest(hashlib.sha256(given.encode("utf-8")).digest(),
                               hashlib.sha256(expected.encode("utf-8")).digest())


def is_editor_email(email: str | None, editors: frozenset[str] | set[str]) -> bool:
    """On the allow-list: the exact address, or its domain written as ``@example.org``."""
    address = normalize_email(email)
    if not address or "@" not in address:
        return False
    domain = "@" + address.rsplit("@", 1)[1]
    return address in editors or domain in editors


def may_write(config: AuthConfig, *, email: str | None = None, email_verified: Any = None,
              passcode_ok: bool = False) -> bool:
    """Whether this visitor may upload, correct and remove under ``config``."""
    if config.mode == OPEN:
        return True
    if config.mode == PASSCODE:
        return passcode_ok
    if config.mode == OIDC:
        # Providers that report an unverified address do not get to claim it.
        return email_verified is not False and is_editor_email(email, config.editors)
    return False


def identity_label(config: AuthConfig, email: str | None = None) -> str:
    """The ``who`` written to the history for an editor under ``config``."""
    if config.mode == OIDC:
        return normalize_email(email) or "unknown"
    if config.mode == PASSCODE:
        return PASSCODE_WHO
    return LOCAL_WHO


def lockout_remaining(failures: int, last_failure: float | None, now: float,
                      max_failures: int = MAX_FAILURES,
                      lockout_seconds: float = LOCKOUT_SECONDS) -> float:
    """Seconds the passcode form stays paused after too many wrong tries (0 when open)."""
    if failures < max_failures or last_failure is None:
        return 0.0
    return max(0.0, last_failure + lockout_seconds - now)
