"""Helpers of the hosted-deployment tests: a dashboard whose secrets file the test rewrites, pages
opened in fresh browser contexts (a new session each, optionally with proxy headers), and the
passcode form driven as a visitor would."""
from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Coroutine
from pathlib import Path
from typing import Any

from reliability_support import wait_for_page
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from tornado.httpclient import HTTPRequest
from tornado.websocket import WebSocketClientConnection, websocket_connect

from devtools.dashboard import Dashboard

MAIN = "[data-testid='stMainBlockContainer']"
PASSCODE_LABEL = "رمز المحرر"
SIGN_IN = "دخول"
UPLOADER = "[data-testid='stFileUploader']"

_WATCH_RUNS = """() => {
  window.__runs = 0;
  // Count every change of the script state anywhere in the page (the element carrying it may be
  // replaced), so a quick run that goes running -> notRunning is not missed.
  new MutationObserver((records) => { window.__runs += records.length; })
    .observe(document.body, {attributes: true, subtree: true,
                             attributeFilter: ['data-test-script-state']});
}"""
_RUN_ENDED = """() => window.__runs > 0 && document.querySelector('[data-test-script-state]')
  .getAttribute('data-test-script-state') === 'notRunning'"""


def hosted_dashboard(folder: Path, secrets_text: str, bind: str = "127.0.0.1",
                     env: dict[str, str] | None = None) -> tuple[Dashboard, Path]:
    """``streamlit run app.py`` reading its secrets from ``folder/secrets.toml`` only, with no
    ``CORPUS_DB_URL`` (the secrets name the database)."""
    secrets = folder / "secrets.toml"
    secrets.write_text(secrets_text, encoding="utf-8")
    app = Dashboard("", folder / "server.log", extra_env=env,
                    extra_args=["--secrets.files", str(secrets), "--server.address", bind])
    return app, secrets


def rewrite(path: Path, text: str) -> None:
    """Replace the secrets file so that its modification time surely changes."""
    before = path.stat().st_mtime_ns if path.exists() else 0
    path.write_text(text, encoding="utf-8")
    while path.stat().st_mtime_ns == before:  # coarse clocks: write again a moment later
        time.sleep(0.01)
        path.write_text(text, encoding="utf-8")


# Generous: a loaded 2-core machine (other test runs beside these) took over 60 s for one run.
PAGE_TIMEOUT_MS = 150_000


def settle(page, timeout_ms: int = PAGE_TIMEOUT_MS) -> None:
    """Wait until the runs a page view starts (the first one may rerun) have ended and drawn."""
    wait_for_page(page, timeout_ms)
    for _ in range(3):
        page.wait_for_function("() => !document.querySelector(\"[data-testid='stSkeleton']\")",
                               timeout=timeout_ms)
        page.wait_for_timeout(700)
        wait_for_page(page, timeout_ms)
        if not page.query_selector("[data-testid='stSkeleton'], [data-stale='true']"):
            return


def open_page(browser, base: str, path: str = "upload", headers: dict[str, str] | None = None):
    """(context, page) of a new session on ``path`` after its runs ended."""
    context = browser.new_context(locale="ar", extra_http_headers=headers or {})
    page = context.new_page()
    page.goto(f"{base}/{path}", wait_until="domcontentloaded")
    settle(page)
    return context, page


def main_text(page) -> str:
    return page.evaluate(f"() => document.querySelector(\"{MAIN}\").innerText")


def alerts(page) -> list[str]:
    return page.evaluate(f"() => [...document.querySelectorAll(\"{MAIN} [data-testid='stAlert']\")]"
                         ".map(e => e.innerText)")


def has_uploader(page) -> bool:
    return page.query_selector(UPLOADER) is not None


def has_passcode_form(page) -> bool:
    return page.get_by_label(PASSCODE_LABEL).count() > 0


def try_passcode(page, code: str, timeout_ms: int = PAGE_TIMEOUT_MS) -> list[str]:
    """Type ``code`` into the passcode form, submit, wait for the run it starts; the alerts."""
    page.evaluate(_WATCH_RUNS)
    page.get_by_label(PASSCODE_LABEL).fill(code)
    page.get_by_role("button", name=SIGN_IN, exact=True).click()
    try:
        page.wait_for_function(_RUN_ENDED, timeout=15_000)
    except Exception:  # noqa: BLE001 - the run's state change was not seen: settle decides
        page.wait_for_timeout(1000)
    # A right passcode reruns once more (the page without the form).
    settle(page, timeout_ms)
    return alerts(page)


def rerun_message(page_name: str, page_hash: str = "") -> BackMsg:
    """The message a browser sends to run the page ``page_name`` (by script hash too, when given)."""
    back = BackMsg()
    if page_hash:
        back.rerun_script.page_script_hash = page_hash
    back.rerun_script.page_name = page_name
    back.rerun_script.query_string = ""
    return back


async def watch_run(conn: WebSocketClientConnection, back: BackMsg, timeout: float, until: str) -> dict:
    """Send ``back`` on the open websocket ``conn``, collect what the server sends until a run
    finishes once ``got[until]`` holds something (or ``timeout`` seconds pass), then close ``conn``.
    ``got``: the new elements' types, their text bodies, their widget labels, the session ids."""
    await conn.write_message(back.SerializeToString(), binary=True)
    got: dict = {"elements": [], "texts": [], "labels": [], "session_ids": []}
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while loop.time() < deadline:
        raw = await asyncio.wait_for(conn.read_message(), deadline - loop.time())
        if raw is None:
            break
        msg = ForwardMsg.FromString(raw)
        kind = msg.WhichOneof("type")
        if kind == "new_session":
            got["session_ids"].append(msg.new_session.initialize.session_id)
        elif kind == "delta" and msg.delta.HasField("new_element"):
            element = msg.delta.new_element
            name = element.WhichOneof("type")
            got["elements"].append(name)
            widget = getattr(element, name, None)
            body = getattr(widget, "body", None)
            if isinstance(body, str):
                got["texts"].append(body)
            if widget is not None and hasattr(widget, "label"):
                got["labels"].append(widget.label)
        elif kind == "script_finished" and got[until]:
            break
    conn.close()
    return got


def run_in_thread(coro: Coroutine[Any, Any, dict], timeout: float) -> dict:
    """Playwright's sync API owns this thread's event loop: run the websocket client ``coro`` in
    another thread (waiting ``timeout`` seconds at most); its exception is raised here."""
    box: dict = {}

    def target() -> None:
        try:
            box["value"] = asyncio.run(coro)
        except BaseException as exc:  # noqa: BLE001 - re-raised below
            box["error"] = exc
    thread = threading.Thread(target=target)
    thread.start()
    thread.join(timeout)
    if "error" in box:
        raise box["error"]
    return box["value"]


async def _ws_page(port: int, path: str, headers: dict[str, str], timeout: float) -> dict:
    request = HTTPRequest(f"ws://127.0.0.1:{port}/_stcore/stream",
                          headers={**headers, "Sec-WebSocket-Protocol": "streamlit"})
    conn = await websocket_connect(request)
    return await watch_run(conn, rerun_message(path), timeout, until="elements")


def ws_page(port: int, path: str, headers: dict[str, str], timeout: float = 90) -> dict:
    """What a raw websocket client sending ``headers`` on its handshake (as a reverse proxy does)
    gets for the page ``path``: element types and text bodies. Headless Chromium sends no extra
    headers on a websocket handshake, so a proxy's headers are tested this way."""
    return run_in_thread(_ws_page(port, path, headers, timeout), timeout + 30)
