"""The real app on a free loopback port, for the browser tests and the load test.

``start_app`` runs ``python -m streamlit run app.py`` in its own process group (asked to
die with its parent on Linux) and waits for ``/_stcore/health``; ``stop_app`` SIGTERMs
that group, then SIGKILLs it if it lingers.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never via an http_proxy


class AppServerError(RuntimeError):
    """The server exited or did not answer in time; the message holds its command and output."""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def healthy(url: str) -> bool:
    try:
        with _DIRECT.open(url, timeout=2) as response:
            return response.status == 200 and response.read().strip() == b"ok"
    except (urllib.error.URLError, OSError):
        return False


def _die_with_parent() -> None:
    """In the server's process, before exec: ask Linux to SIGTERM it if its parent dies
    (killed by a CI timeout, say), when no ``finally`` or ``atexit`` gets a chance to run."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except Exception:  # not Linux: the caller's clean-up still applies
        pass


def descendants(pid: int) -> list[int]:
    """The process ids of ``pid``'s children, their children and so on (Linux's /proc)."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as children:
                    for child in children.read().split():
                        found.append(int(child))
                        todo.append(int(child))
        except OSError:
            continue
    return found


def cpu_seconds(pid: int) -> float:
    """The CPU time ``pid`` and its descendants have used so far (user and system, Linux's /proc)."""
    total = 0.0
    for each in [pid, *descendants(pid)]:
        try:
            with open(f"/proc/{each}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:  # gone meanwhile
            continue
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def wait_until_quiet(pid: int, busy: float = 0.05, window: float = 0.5, timeout: float = 60.0) -> float:
    """Wait until ``pid`` and its workers use less than ``busy`` of a core over ``window`` seconds.

    Returns the seconds waited. A benchmark that measures one student's run starts from a quiet
    server: a network's epoch still computing for a run just reset would share the cores.
    """
    started = time.monotonic()
    before = cpu_seconds(pid)
    while time.monotonic() - started < timeout:
        time.sleep(window)
        now = cpu_seconds(pid)
        if now - before < busy * window:
            break
        before = now
    return time.monotonic() - started


def command_line(pid: int) -> str:
    """``pid``'s command line, its arguments separated by spaces ('' once it is gone)."""
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as cmdline:
            return cmdline.read().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def stop_app(process: subprocess.Popen | None) -> None:
    """SIGTERM the server's process group, SIGKILL it if it lingers."""
    if process is None or process.poll() is not None:
        return
    for sig, grace in ((signal.SIGTERM, 10), (signal.SIGKILL, 5)):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            return
        try:
            process.wait(timeout=grace)
            return
        except subprocess.TimeoutExpired:
            continue


def app_command(port: int) -> list[str]:
    """README's ``streamlit run app.py`` and, added, only where it listens (a free loopback port).

    Every other setting is the production one of .streamlit/config.toml, so the load test and
    the browser tests measure the server a teacher gets (tests/unit/test_deployment.py).
    """
    return [sys.executable, "-m", "streamlit", "run", "app.py",
            "--server.port", str(port), "--server.address", "127.0.0.1"]


def start_app(log_path: Path, timeout: float) -> tuple[subprocess.Popen, str]:
    """Start the app and wait until it answers; returns the process and its base URL.

    Raises :class:`AppServerError` (after stopping the process) if it exits or does not
    answer 'ok' on /_stcore/health within ``timeout`` seconds.
    """
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    command = app_command(port)
    log_path.parent.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    with open(log_path, "wb") as log:
        process = subprocess.Popen(command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL, env=env, start_new_session=True,
                                   preexec_fn=_die_with_parent if sys.platform == "linux" else None)
    deadline = time.monotonic() + timeout
    while not healthy(f"{base_url}/_stcore/health"):
        if process.poll() is not None or time.monotonic() > deadline:
            why = (f"exited with code {process.returncode}" if process.poll() is not None
                   else f"did not answer 'ok' on /_stcore/health within {timeout:.0f} s")
            stop_app(process)
            output = log_path.read_text(errors="replace")
            raise AppServerError(f"the Streamlit server {why}.\ncommand: {' '.join(command)}\n"
                                 f"output ({log_path}):\n{output}")
        time.sleep(0.2)
    return process, base_url
