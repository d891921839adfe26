"""`kotacerdas serve` really serves the site (the command `make demo` ends with), static files included."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_answers_in_indonesian_with_local_static_files(tmp_path):
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["KOTACERDAS_DATA_DIR"] = str(tmp_path)
    cli = Path(sys.executable).with_name("kotacerdas")
    proc = subprocess.Popen(
        [str(cli), "serve", "--port", str(port), "--workers", "1"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        body = None
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and body is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/masuk/", timeout=15) as resp:
                    assert resp.status == 200
                    body = resp.read().decode()
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                assert proc.poll() is None, proc.stdout.read()
                time.sleep(0.3)
        assert body is not None, "server did not answer within 60 s"
        assert 'lang="id"' in body
        assert "Masuk" in body
        assert not re.search(r'(src|href)="(https?:)?//', body)  # nothing loaded from a CDN
        stylesheets = re.findall(r'href="(/static/[^"]+\.css)"', body)
        assert stylesheets
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{stylesheets[0]}", timeout=5) as resp:
            assert resp.status == 200
    finally:
        proc.terminate()
        proc.wait(timeout=20)
