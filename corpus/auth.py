"""Who may write to the corpus: a pure function of the Streamlit secrets mapping.

Viewing needs no account. Uploading, correcting and removing need an editor, decided by one of
four modes (first that applies wins):

- ``closed``: the secrets cannot be read (a malformed file), or something about writing is
  configured but unusable: an incomplete ``[auth]``, ``[auth]`` holding only ``editors``, a
  top-level ``editors`` without ``[auth]``, an ``editor_passcode`` that is empty or not text
  (``editor_passcode = false``), a writing key under another table (``[database]
  editor_passcode``), an ``open_writing`` that is not ``true``. Nobody may write, and the
  problems say why: a typo in a deployment must not open the corpus to everyone.
- ``oidc``: an ``[auth]`` section complete enough for ``st.login`` (``redirect_uri``,
  ``cookie_secret`` and a provider: ``client_id``/``client_secret``/``server_metadata_url`` in
  ``[auth]`` itself or in a ``[auth.<provider>]`` subsection). Editors are the signed-in users whose
  e-mail is on the allow-list ``editors`` (top level, or inside ``[auth]``: TOML puts a key written
  after ``[auth]`` into that table, so both places are read). An empty allow-list admits no one.
- ``passcode``: ``editor_passcode`` is set (no identity provider); compared in constant time.
- ``open``: everyone may write, and the page says so. Only with the explicit top-level setting
  ``open_writing = true``, or when nothing about writing is configured and the server is a local
  run (bound to loopback only and reached without a proxy: ``local=True``). A server reachable
  from other machines with nothing configured is ``closed``.

The identity recorded in the history is the e-mail, ``"passcode editor"`` or ``"local"``.
"""
from __future__ import annotations

import hashlib
import hmac
import ipaddress
import threading
from collections import deque
from dataclasses import dataclass
from typing import Any, Mapping, Sequence

OIDC = "oidc"
PASSCODE = "passcode"
OPEN = "open"
CLOSED = "closed"
MODES = (OIDC, PASSCODE, OPEN, CLOSED)

PASSCODE_WHO = "passcode editor"
LOCAL_WHO = "local"

_PROVIDER_KEYS = ("client_id", "client_secret", "server_metadata_url")
# Keys that say who may write; anywhere but where they are read they close writing.
WRITING_KEYS = ("editors", "editor_passcode", "open_writing")
OPEN_SETTING = "open_writing"
_GENERAL_KEYS = ("redirect_uri", "cookie_secret")
# Wrong passcodes allowed before the form pauses, and how long it pauses (seconds).
MAX_FAILURES = 5
LOCKOUT_SECONDS = 30.0


class Problem(str):
    """A reason writing is closed: English text (for logs and tests) plus a code and values so the
    page can say it in the interface's language (``auth.problem.<code>`` in ui_strings.yaml)."""

    code: str
    params: dict[str, str]

    def __new__(cls, text: str, code: str = "", **params: str) -> "Problem":
        obj = super().__new__(cls, text)
        obj.code = code
        obj.params = dict(params)
        return obj


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
        if holder is not None and isinstance(_get(holder, "editor_passcode"), str):
            return _get(holder, "editor_passcode")
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
    return any(k not in WRITING_KEYS for k in auth)


def unreadable_problem(name: str, reason: str) -> Problem:
    """The problem of a secrets file that exists but cannot be parsed."""
    return Problem(f"{name} cannot be read: {reason}", "unreadable", file=name, reason=reason)


def _misplaced(secrets: Mapping[str, Any]) -> list[Problem]:
    """Writing keys under a table where nobody reads them ([database] editor_passcode = …)."""
    found = []
    for table in secrets:
        value = _get(secrets, table)
        if table == "auth" or not isinstance(value, Mapping):
            continue
        for key in WRITING_KEYS:
            if key in value:
                found.append(Problem(f"{key} is written under [{table}], where it is not read: move "
                                     f"it above the first [table]", "misplaced", name=key,
                                     table=str(table)))
    auth = _section(secrets, "auth")
    if auth is not None and OPEN_SETTING in auth:
        found.append(Problem(f"{OPEN_SETTING} is written under [auth], where it is not read: move "
                             f"it above the first [table]", "misplaced", name=OPEN_SETTING,
                             table="auth"))
    return found


def _type_problems(secrets: Mapping[str, Any]) -> list[Problem]:
    """Writing keys whose values cannot mean what they seem to (editor_passcode = false)."""
    found = []
    for holder in (secrets, _section(secrets, "auth")):
        if holder is None:
            continue
        code = _get(holder, "editor_passcode")
        if code is not None and not isinstance(code, str):
            found.append(Problem("editor_passcode must be text in quotes, not "
                                 f"{type(code).__name__}", "passcode_type",
                                 type=type(code).__name__))
        editors = _get(holder, "editors")
        if editors is not None and not _editors_valid(editors):
            found.append(Problem("editors must be a list of e-mail addresses in quotes",
                                 "editors_type"))
    setting = _get(secrets, OPEN_SETTING)
    if setting is not None and setting is not True:
        found.append(Problem(f"{OPEN_SETTING} must be true (without quotes) to open writing; it is "
                             f"{setting!r}", "open_value", value=repr(setting)))
    return found


def _editors_valid(value: Any) -> bool:
    if isinstance(value, str):
        return True
    return isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value)


def _sign_in_problems(secrets: Mapping[str, Any], auth: Mapping[str, Any] | None) -> list[Problem]:
    """An allow-list without the sign-in it is meant for."""
    if auth is not None and "editors" in auth:
        return [Problem("[auth] holds editors but no sign-in settings (redirect_uri, cookie_secret, "
                        "a provider)", "editors_without_signin", where="[auth]")]
    if _get(secrets, "editors") is not None:
        return [Problem("editors is set but sign-in ([auth]) is not configured",
                        "editors_without_signin", where="editors")]
    return []


def _closed(editors: frozenset[str], problems: Sequence[str]) -> AuthConfig:
    return AuthConfig(CLOSED, editors, problems=tuple(problems))


def auth_config_from(secrets: Mapping[str, Any] | None, *, local: bool = False,
                     unreadable: Sequence[str] = ()) -> AuthConfig:
    """Decide the write mode from a secrets mapping (``st.secrets`` or a plain dict).

    ``local``: the server is bound to loopback only and this visitor did not come through a proxy,
    so with nothing configured writing is open (a run on one's own machine). ``unreadable``:
    problems of secrets files that exist but could not be parsed (see ``unreadable_problem``);
    any of them closes writing, since nobody can tell what the file meant to allow.
    """
    if unreadable:
        return _closed(frozenset(), unreadable)
    secrets = secrets or {}
    try:
        editors = editors_from(secrets)
    except (TypeError, ValueError):
        editors = frozenset()
    problems = _misplaced(secrets) + _type_problems(secrets)
    if problems:
        return _closed(editors, problems)
    auth = _section(secrets, "auth")
    if _wants_oidc(auth):
        provider, oidc_problems = _oidc_setup(auth or {})
        if oidc_problems:
            return _closed(editors, oidc_problems)
        notes = () if editors else ("the editors allow-list is empty: nobody may write",)
        return AuthConfig(OIDC, editors, provider=provider or None, problems=notes)
    passcode = _passcode_from(secrets)
    if passcode is not None:
        if not passcode.strip():
            return _closed(editors, (Problem("editor_passcode is empty", "passcode_empty"),))
        return AuthConfig(PASSCODE, editors, passcode=passcode)
    sign_in = _sign_in_problems(secrets, auth)
    if sign_in:
        return _closed(editors, sign_in)
    if _get(secrets, OPEN_SETTING) is True or local:
        return AuthConfig(OPEN, editors)
    return _closed(editors, (Problem(
        "no editor access is configured and the server can be reached from other machines: set "
        "editor_passcode, or [auth] with editors, or open_writing = true", "not_configured"),))


def is_loopback(address: str | None) -> bool:
    """Whether a bind or client address is this machine only (127.0.0.0/8, ::1, localhost).
    An empty bind address means every interface: not loopback."""
    text = (address or "").strip().strip("[]")
    if not text:
        return False
    if text.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(text).is_loopback
    except ValueError:
        return False


PROXY_HEADERS = ("x-forwarded-for", "x-real-ip", "forwarded", "x-forwarded-host")


def is_local_run(bind_address: str | None, client_address: str | None,
                 headers: Mapping[str, Any] | None) -> bool:
    """A run on one's own machine: bound to loopback, and the visitor came neither from another
    machine nor through a reverse proxy (which would make a loopback-bound server public)."""
    if not is_loopback(bind_address):
        return False
    if client_address and not is_loopback(client_address):
        return False
    names = {str(k).lower() for k in (headers or {})}
    return not names & set(PROXY_HEADERS)


def write_mode(secrets: Mapping[str, Any] | None, *, local: bool = False) -> str:
    return auth_config_from(secrets, local=local).mode


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


# Wrong passcodes across all sessions of this process: per client address and overall.
ADDRESS_FAILURES = MAX_FAILURES
OVERALL_FAILURES = 20
THROTTLE_WINDOW_SECONDS = 60.0


class PasscodeThrottle:
    """Counts wrong passcodes in a sliding window, per client address and for the whole process,
    so a client cannot reset the count by opening a new session. Thread-safe (sessions run on
    their own threads). ``wait`` is how long a client must wait before its next try."""

    def __init__(self, per_address: int = ADDRESS_FAILURES, overall: int = OVERALL_FAILURES,
                 window: float = THROTTLE_WINDOW_SECONDS) -> None:
        self.per_address, self.overall, self.window = per_address, overall, window
        self._lock = threading.Lock()
        self._by_address: dict[str, deque[float]] = {}
        self._all: deque[float] = deque()

    def _prune(self, times: deque[float], now: float) -> None:
        while times and times[0] <= now - self.window:
            times.popleft()

    def _wait_for(self, times: deque[float], limit: int, now: float) -> float:
        self._prune(times, now)
        if len(times) < limit:
            return 0.0
        return max(0.0, times[-limit] + self.window - now)

    def wait(self, address: str, now: float) -> float:
        """Seconds before ``address`` may try again (0 when it may try now)."""
        with self._lock:
            mine = self._by_address.get(address, deque())
            return max(self._wait_for(mine, self.per_address, now),
                       self._wait_for(self._all, self.overall, now))

    def failure(self, address: str, now: float) -> int:
        """Record a wrong passcode; returns the failures of ``address`` in the window."""
        with self._lock:
            mine = self._by_address.setdefault(address, deque())
            mine.append(now)
            self._all.append(now)
            self._prune(mine, now)
            self._prune(self._all, now)
            self._forget_idle(now)
            return len(mine)

    def _forget_idle(self, now: float) -> None:
        # Keeps memory bounded when many addresses try once.
        for key in [k for k, v in self._by_address.items() if not v or v[-1] <= now - self.window]:
            del self._by_address[key]
