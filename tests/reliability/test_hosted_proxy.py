"""Viewers' uploads through the reverse proxy of docs/deployment.md (issue 13, item 5): Streamlit
takes PUT /_stcore/upload_file/… from any session, so the proxy caps them. The upload location
and zones are read from the guide itself, put in front of a running dashboard with nginx on
loopback, and attacked: a file over the readers' limit, then a burst of small ones.
Skipped without nginx (apt install nginx-light)."""
from __future__ import annotations

import http.client
import re
import shutil
import subprocess
import time
import uuid
from pathlib import Path

import pytest

from reliability_support import Dashboard

from devtools.dashboard import ROOT, free_port

pytestmark = [pytest.mark.slow]
GUIDE = ROOT / "docs" / "deployment.md"


def _guide_upload_config() -> tuple[str, str]:
    """(http-level zones, the upload location block) as the deployment guide writes them."""
    text = GUIDE.read_text(encoding="utf-8")
    blocks = re.findall(r"```nginx\n(.*?)```", text, re.S)
    [block] = [b for b in blocks if "location /_stcore/upload_file/" in b]
    zones = "\n".join(line for line in block.splitlines() if line.startswith("limit_") and "_zone" in line)
    location = block[block.index("location /_stcore/upload_file/"):]
    return zones, location


def _nginx_conf(folder: Path, port: int, upstream: int) -> str:
    zones, location = _guide_upload_config()
    temp = "\n".join(f"    {kind}_temp_path {folder / kind};" for kind in
                     ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    return f"""
user root;
worker_processes 1;
pid {folder / 'nginx.pid'};
error_log {folder / 'error.log'} warn;
events {{ worker_connections 64; }}
http {{
    access_log {folder / 'access.log'};
{temp}
    {zones}
    upstream dashboard {{ server 127.0.0.1:{upstream}; }}
    server {{
        listen 127.0.0.1:{port};
        client_max_body_size 50m;
        {location}
        location / {{ proxy_pass http://dashboard; }}
    }}
}}
"""


@pytest.fixture(scope="module")
def proxied(tmp_path_factory):
    nginx = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    if nginx is None:
        pytest.skip("nginx is not installed")
    from corpus.store import Store
    folder = tmp_path_factory.mktemp("proxy")
    url = f"sqlite:///{folder / 'proxy.sqlite'}"
    Store(url).close()
    app = Dashboard(url, folder / "server.log")
    port = free_port()
    conf = folder / "nginx.conf"
    conf.write_text(_nginx_conf(folder, port, app.port), encoding="utf-8")
    proc = subprocess.Popen([nginx, "-p", str(folder), "-c", str(conf), "-g", "daemon off;"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                pytest.fail(f"nginx did not start: {proc.stderr.read().decode()[-1500:]}")
            try:
                if _request(port, "GET", "/_stcore/health")[0] == 200:
                    break
            except OSError:
                time.sleep(0.2)
        yield port
    finally:
        proc.terminate()
        proc.wait(10)
        app.stop()


def _request(port: int, method: str, path: str, body: bytes = b"") -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        conn.request(method, path, body=body or None,
                     headers={"Content-Type": "application/octet-stream"} if body else {})
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def _upload_path() -> str:
    return f"/_stcore/upload_file/{uuid.uuid4()}/{uuid.uuid4()}"


def test_a_file_over_the_readers_limit_never_reaches_the_server(proxied):
    status, _ = _request(proxied, "PUT", _upload_path(), b"\0" * (11 * 1024 * 1024))
    assert status == 413


def test_a_burst_of_uploads_from_one_address_is_cut_off(proxied):
    statuses = [_request(proxied, "PUT", _upload_path(), b"x" * 1024)[0] for _ in range(12)]
    assert 413 not in statuses
    assert statuses[0] != 429  # the first ones reach the dashboard (which refuses unknown sessions)
    assert statuses.count(429) >= 12 - 6, statuses  # burst 5 (+1 allowed), the rest refused
