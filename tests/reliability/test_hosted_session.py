"""An editor's session resumed by someone else (issue 13, item 4): after an editor signs in with
the passcode in Chromium and closes the tab, a cookie-less websocket client presents the session's
id (as Streamlit's own reconnect does) and reruns the Upload page. It must get the passcode form,
not the uploader: a grant does not travel with the session id alone."""
from __future__ import annotations

import pytest
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from tornado.websocket import websocket_connect

from hosted_support import (has_uploader, hosted_dashboard, rerun_message, run_in_thread, settle, try_passcode,
                            watch_run)

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _watch_session(page) -> dict:
    """Record the session id and the Upload page's script hash from the page's websocket."""
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
    conn = await websocket_connect(f"ws://127.0.0.1:{port}/_stcore/stream",
                                   subprotocols=["streamlit", "no-xsrf-token", session_id])
    return await watch_run(conn, rerun_message("upload", page_hash), timeout, until="session_ids")


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

        got = run_in_thread(_resume(app.port, seen["session_id"], seen["upload_hash"]), 90)
        assert seen["session_id"] in got["session_ids"], got  # the session was resumed
        assert "file_uploader" not in got["elements"], got
        assert "رمز المحرر" in got["labels"], got  # the passcode form instead
        log = (tmp_path / "server.log").read_text()
        assert "passcode grant dropped" in log
    finally:
        app.stop()
