"""README's server, started for real: warm when its port opens (app.py's start-up hook).

A class arrives within ten seconds of the server starting: by the time /_stcore/health answers,
the worker processes must already run and the lesson's shared models be computing, so that the
first student waits for nothing (issue 16). Nothing here asserts a duration.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

from app_server import command_line, descendants, start_app, stop_app  # noqa: E402

LESSON_MODELS = 4  # the three translation models and the default LogisticRegression reference


def test_the_server_is_warm_when_its_port_opens(tmp_path, monkeypatch):
    database = tmp_path / "board.sqlite3"
    monkeypatch.setenv("BOARD_DATABASE_URL", f"sqlite:///{database}")
    process, _ = start_app(tmp_path / "server.log", timeout=120)
    try:
        # the first answer of /_stcore/health: the workers run already, one per core
        workers = [pid for pid in descendants(process.pid) if "core.training.workers" in command_line(pid)]
        assert len(workers) == (os.cpu_count() or 1), (workers, (tmp_path / "server.log").read_text())
        # and the lesson's models were opened before the port: each one's claim is in the database
        with sqlite3.connect(database) as connection:
            rows = connection.execute("SELECT description, state FROM shared_results").fetchall()
        assert len(rows) == LESSON_MODELS, rows
        assert {state for _, state in rows} <= {"computing", "done"}
    finally:
        stop_app(process)
    assert process.poll() is not None
    deadline = time.monotonic() + 10
    def alive():  # a worker is reparented once the server is gone: followed by its own pid
        return [pid for pid in workers if "core.training.workers" in command_line(pid)]

    while alive() and time.monotonic() < deadline:  # its workers leave with it
        time.sleep(0.2)
    assert not alive()
