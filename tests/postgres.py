"""A throwaway PostgreSQL server for tests, from Debian's binaries, and a fresh database per test.

The tests never use a cluster the machine may already run: ``postgres_server()`` initialises a
data folder in a temporary directory, starts its own server on a free loopback port (fsync off:
nothing here has to survive a crash), and always stops it and deletes the folder afterwards,
also when the test run is interrupted (atexit). Debian's ``initdb`` refuses to run as root, so as
root the binaries run as the ``postgres`` user through ``runuser``.

Fixtures (registered for every test in tests/conftest.py):

- ``postgres_server`` (session): the running :class:`PostgresServer`, started on first use.
- ``postgres_url``: the URL (``postgresql://postgres@127.0.0.1:<port>/test_<n>``) of a new, empty
  database for this test only.

Missing binaries skip the tests that use them (``apt-get install postgresql``), except in CI
(``CI=true``), where they fail, as the browser tests do.
"""

from __future__ import annotations

import atexit
import itertools
import os
import re
import shutil
import socket
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest

BINARIES = "/usr/lib/postgresql/*/bin"
START_TIMEOUT = 60


class PostgresMissing(RuntimeError):
    """PostgreSQL's server binaries are not installed."""


def find_binaries() -> Path:
    """The bin folder of the highest PostgreSQL version installed by Debian that has initdb and pg_ctl."""
    folders = [folder for folder in Path("/").glob(BINARIES.lstrip("/"))
               if (folder / "initdb").is_file() and (folder / "pg_ctl").is_file()]
    if not folders:
        raise PostgresMissing("PostgreSQL is not installed (apt-get install postgresql)")

    def version(folder: Path) -> tuple[int, ...]:
        return tuple(int(part) for part in re.findall(r"\d+", folder.parent.name)) or (0,)

    return max(folders, key=version)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class PostgresServer:
    """A running server: ``superuser`` may connect without a password from 127.0.0.1."""

    binaries: Path
    folder: Path
    port: int
    host: str = "127.0.0.1"
    superuser: str = "postgres"
    _numbers: Iterator[int] = field(default_factory=lambda: itertools.count(1))
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{self.superuser}@{self.host}:{self.port}/{database}"

    def new_database(self, prefix: str = "test") -> str:
        """A new empty database; its URL."""
        import psycopg  # imported here: the other tests must not need psycopg

        with self._lock:
            name = f"{prefix}_{next(self._numbers)}"
        with psycopg.connect(host=self.host, port=self.port, user=self.superuser, dbname="postgres",
                             autocommit=True, connect_timeout=10) as connection:
            # FILE_COPY (PostgreSQL 15+) copies the small template at once instead of logging it page by page
            strategy = " STRATEGY FILE_COPY" if connection.info.server_version >= 150000 else ""
            connection.execute(f'CREATE DATABASE "{name}" TEMPLATE template0{strategy}')
        return self.url(name)


def _as_postgres_user(command: list[str]) -> list[str]:
    """initdb and pg_ctl refuse root: as root, run them as the postgres user."""
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *command]
    return command


def _run(command: list[str]) -> None:
    finished = subprocess.run(_as_postgres_user(command), capture_output=True, text=True,
                              timeout=START_TIMEOUT, check=False)
    if finished.returncode != 0:
        raise RuntimeError(f"{' '.join(command[:2])} failed ({finished.returncode}): "
                           f"{finished.stderr.strip() or finished.stdout.strip()}")


@contextmanager
def postgres_server() -> Iterator[PostgresServer]:
    """A new PostgreSQL server in a temporary folder, stopped and deleted on exit (or at interpreter exit)."""
    binaries = find_binaries()
    folder = Path(tempfile.mkdtemp(prefix="board-postgres-"))
    data = folder / "data"
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    stopped = False

    def stop() -> None:
        nonlocal stopped
        if stopped:
            return
        stopped = True
        if (data / "postmaster.pid").exists():
            subprocess.run(_as_postgres_user([str(binaries / "pg_ctl"), "-D", str(data), "-m", "fast", "-w",
                                              "stop"]), capture_output=True, timeout=START_TIMEOUT, check=False)
        shutil.rmtree(folder, ignore_errors=True)

    atexit.register(stop)
    try:
        _run([str(binaries / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "--no-sync",
              "-E", "UTF8", "--locale=C", "--no-instructions"])
        for attempt in range(3):  # the free port may be taken between probing and starting
            port = free_port()
            options = (f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off "
                       "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200")
            try:
                _run([str(binaries / "pg_ctl"), "-D", str(data), "-l", str(folder / "server.log"), "-o", options,
                      "-w", "-t", str(START_TIMEOUT), "start"])
                break
            except RuntimeError:
                if attempt == 2:
                    log = folder / "server.log"
                    raise RuntimeError("PostgreSQL did not start: "
                                       + (log.read_text()[-2000:] if log.exists() else "no log")) from None
        yield PostgresServer(binaries=binaries, folder=folder, port=port)
    finally:
        stop()
        atexit.unregister(stop)


def skip_or_fail(why: str) -> None:
    """Skip a test for a missing tool, except in CI (CI=true), where every test must run."""
    if os.environ.get("CI", "").strip().lower() == "true":
        pytest.fail(f"the PostgreSQL tests must run in CI, but {why}", pytrace=False)
    pytest.skip(why)


@pytest.fixture(scope="session", name="postgres_server")
def postgres_server_fixture() -> Iterator[PostgresServer]:
    """The session's PostgreSQL server (fixture name ``postgres_server``), started on first use."""
    try:
        manager = postgres_server()
        server = manager.__enter__()
    except PostgresMissing as missing:
        skip_or_fail(str(missing))
    try:
        yield server
    finally:
        manager.__exit__(None, None, None)


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> str:
    """The URL of a new, empty database on the session's PostgreSQL server."""
    return postgres_server.new_database()
