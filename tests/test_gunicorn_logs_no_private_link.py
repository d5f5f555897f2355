"""Behind the real gunicorn with the repository's gunicorn.conf.py, neither the access log nor the
error log shows a client's private link, and a form body in another charset gets a 400."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "kT3x_9QmZ-2bW8rLp0aYv7NcE4uHsJ1d"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def status_of(request: urllib.request.Request) -> int:
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return error.code


def test_it_logs_requests_to_private_links_without_the_token(tmp_path: Path) -> None:
    port = free_port()
    env = {
        "PATH": os.environ.get("PATH", ""),
        "DEBUG": "true",  # static files without a collectstatic manifest
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
    }
    gunicorn = Path(sys.executable).with_name("gunicorn")
    command = [str(gunicorn), "matchmaker.wsgi", "-c", "gunicorn.conf.py", "-b", f"127.0.0.1:{port}", "-w", "1"]
    with open(tmp_path / "out", "w") as out, open(tmp_path / "err", "w") as err:
        server = subprocess.Popen([*command, "--no-control-socket"], cwd=ROOT, env=env, stdout=out, stderr=err)
        try:
            base = f"http://127.0.0.1:{port}"
            for _ in range(100):
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                    break
                except OSError:
                    time.sleep(0.1)
            not_found = status_of(urllib.request.Request(f"{base}/c/{TOKEN}/nowhere/?from=/c/{TOKEN}/"))
            latin1 = status_of(
                urllib.request.Request(
                    f"{base}/c/{TOKEN}/delete/",
                    data=b"name=R\xe9my",
                    headers={
                        "Content-Type": "application/x-www-form-urlencoded; charset=latin-1",
                        "Referer": f"{base}/c/{TOKEN}/",
                    },
                )
            )
        finally:
            server.terminate()
            server.wait(timeout=20)

    logs = (tmp_path / "out").read_text() + (tmp_path / "err").read_text()
    assert not_found == 404
    assert latin1 == 400
    assert '"GET" 404' in logs and '"POST" 400' in logs, logs  # the access log is on, without the path
    assert TOKEN not in logs, logs
    # post_worker_init ran: the worker froze what it had loaded (matchmaker/worker_start.py).
    assert "long-lived objects kept out of the garbage collector's way" in logs, logs
