"""An editor's session resumed by someone else (issue 13, item 4): after an editor signs in with
the passcode in Chromium and closes the tab, a cookie-less websocket client presents the session's
id (as Streamlit's own reconnect does) and reruns the Upload page. It must get the passcode form,
not the uploader: a grant does not travel with the session id alone."""
from __future__ import annotations

import asyncio
import threading

import pytest

from hosted_support import has_uploader, hosted_dashboard, settle, try_passcode

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _watch_session(page) -> dict:
    """Record the session id and the Upload page's script hash from the page's websocket."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
    seen: dict = {}

    def on_frame(payload) -> None:
        if isinstance(payload, str):
            return
        try:
            msg = ForwardMsg.FromString(payload)
        except Exception:  # noqa: BLE001 - not a ForwardMsg
            return
        if msg.HasField("new_session"):
            seen["session_id"] = msg.new_session.initialize.session_id
        if msg.HasField("navigation"):  # st.navigation sends the page list (Streamlit ≥ 1.4x)
            for app_page in msg.navigation.app_pages:
                if app_page.url_pathname == "upload":
                    seen["upload_hash"] = app_page.page_script_hash
    page.on("websocket", lambda ws: ws.on("framereceived", on_frame))
    return seen


async def _resume(port: int, session_id: str, page_hash: str, timeout: float = 60) -> dict:
    """Connect without cookies presenting ``session_id``, rerun the Upload page, collect what the
    server sends until the run finishes."""
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
    from tornado.websocket import websocket_connect

    conn = await websocket_connect(f"ws://127.0.0.1:{port}/_stcore/stream",
                                   subprotocols=["streamlit", "no-xsrf-token", session_id])
    back = BackMsg()
    back.rerun_script.page_script_hash = page_hash
    back.rerun_script.page_name = "upload"
    back.rerun_script.query_string = ""
    await conn.write_message(back.SerializeToString(), binary=True)
    got: dict = {"elements": [], "session_ids": [], "labels": []}
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
            if widget is not None and hasattr(widget, "label"):
                got["labels"].append(widget.label)
        elif kind == "script_finished" and got["session_ids"]:
            break
    conn.close()
    return got


def _run_in_thread(coro) -> dict:
    """Playwright's sync API owns this thread's event loop: run the client in another thread."""
    box: dict = {}

    def target() -> None:
        try:
            box["value"] = asyncio.run(coro)
        except BaseException as exc:  # noqa: BLE001 - re-raised below
            box["error"] = exc
    thread = threading.Thread(target=target)
    thread.start()
    thread.join(90)
    if "error" in box:
        raise box["error"]
    return box["value"]


def test_a_resumed_editor_session_without_the_browser_is_not_an_editor(browser, tmp_path):
    db = f'[database]\nurl = "sqlite:///{tmp_path / "session.sqlite"}"\n'
    app, _ = hosted_dashboard(tmp_path, 'editor_passcode = "right-passcode"\n' + db)
    try:
        context = browser.new_context(locale="ar")
        page = context.new_page()
        seen = _watch_session(page)
        page.goto(f"{app.base}/upload", wait_until="domcontentloaded")
        settle(page)
        try_passcode(page, "right-passcode")
        assert has_uploader(page), "the editor could not sign in"
        assert seen.get("session_id") and seen.get("upload_hash"), seen
        context.close()  # the editor leaves; the session waits for a reconnect

        got = _run_in_thread(_resume(app.port, seen["session_id"], seen["upload_hash"]))
        assert seen["session_id"] in got["session_ids"], got  # the session was resumed
        assert "file_uploader" not in got["elements"], got
        assert "رمز المحرر" in got["labels"], got  # the passcode form instead
        log = (tmp_path / "server.log").read_text()
        assert "passcode grant dropped" in log
    finally:
        app.stop()
