"""The lesson's models across restarts and servers, on README's real server (``streamlit run app.py``).

    python benchmarks/restart_check.py                          # SQLite file in a temporary folder
    python benchmarks/restart_check.py --database postgresql://user:pw@host/board

1. restart: server A starts on an empty database and computes the lesson's shared models (the
   translation page's three networks and the LogisticRegression reference, ui.warm_up.warm_up); once
   all four are stored, A is stopped and server B starts on the same database. Printed: how long A
   took, how long B took to open, whether the four were ready when B's port opened, and how much
   CPU B's workers spent in the next seconds (reading back, not training).
2. two servers: A starts on a fresh database, then B while A computes. Printed: which server
   computed each model (the owner of its claim) and each server's workers' CPU time: each model
   computed once, B reading A's results.

Prints figures; exits 1 if a model was computed twice or not read back. Uses only loopback ports.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import sqlalchemy as sa

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from app_server import command_line, descendants, start_app, stop_app  # noqa: E402

from core.board.store import database_url  # noqa: E402

LESSON_MODELS = 4  # the three translation models and the default LogisticRegression reference
TICKS = os.sysconf("SC_CLK_TCK")


def worker_cpu_seconds(server_pid: int) -> float:
    """CPU time (user + system) of the server's ``core.training.workers`` children so far."""
    total = 0.0
    for pid in descendants(server_pid):
        if "core.training.workers" not in command_line(pid):
            continue
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / TICKS
        except (OSError, IndexError, ValueError):  # gone meanwhile
            continue
    return total


def rows(engine: sa.Engine) -> list[tuple[str, str, str]]:
    """(description, state, owner) of every stored shared result."""
    try:
        with engine.connect() as connection:
            return [tuple(row) for row in connection.execute(
                sa.text("SELECT description, state, owner FROM shared_results ORDER BY description"))]
    except sa.exc.DatabaseError:  # not created yet
        return []


def wait_until_done(engine: sa.Engine, timeout: float) -> float:
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        found = rows(engine)
        if len(found) >= LESSON_MODELS and all(state == "done" for _, state, _ in found):
            return time.monotonic() - started
        time.sleep(0.5)
    raise SystemExit(f"the lesson's models were not all stored within {timeout:.0f} s: {rows(engine)}")


def start(database: str, log: Path) -> tuple:
    os.environ["BOARD_DATABASE_URL"] = database
    started = time.monotonic()
    process, url = start_app(log, timeout=180)
    return process, time.monotonic() - started


def restart(database: str, folder: Path, timeout: float) -> bool:
    engine = sa.create_engine(database_url(database))
    a, opened = start(database, folder / "a.log")
    try:
        print(f"server A open after               {opened:6.1f} s")
        computed = wait_until_done(engine, timeout)
        print(f"A's {LESSON_MODELS} lesson models stored in {computed:6.1f} s (workers' CPU {worker_cpu_seconds(a.pid):.0f} s)")
    finally:
        stop_app(a)
    b, opened = start(database, folder / "b.log")
    try:
        at_open = rows(engine)
        ready = len(at_open) == LESSON_MODELS and all(state == "done" for _, state, _ in at_open)
        idle = worker_cpu_seconds(b.pid)
        time.sleep(10)
        spent = worker_cpu_seconds(b.pid) - idle
        print(f"server B (restart) open after      {opened:6.1f} s, models ready at open: {ready}")
        print(f"B's workers' CPU in the 10 s after {spent:6.1f} s (training them again would take "
              f"{computed:.0f} s of both cores)")
        same_owner = {owner for _, _, owner in rows(engine)} == {owner for _, _, owner in at_open}
        # B's workers import their libraries when it starts (about 1 s each): anything near the
        # training's own time would mean B trained them again
        return ready and spent < 0.2 * computed and same_owner
    finally:
        stop_app(b)
        engine.dispose()


def two_servers(database: str, folder: Path, timeout: float) -> bool:
    engine = sa.create_engine(database_url(database))
    a, _ = start(database, folder / "a2.log")
    try:
        b, _ = start(database, folder / "b2.log")
        try:
            computed = wait_until_done(engine, timeout)
            names = {str(a.pid): "A", str(b.pid): "B"}
            print(f"two servers: {LESSON_MODELS} models stored in {computed:6.1f} s")
            by = {}
            for description, _, owner in rows(engine):
                server = names.get(owner.split(":")[1], owner)
                by.setdefault(server, 0)
                by[server] += 1
                print(f"  {description[:60]:<60} computed by {server}")
            print(f"  workers' CPU: A {worker_cpu_seconds(a.pid):.0f} s, B {worker_cpu_seconds(b.pid):.0f} s")
            return sum(by.values()) == LESSON_MODELS and worker_cpu_seconds(b.pid) < 0.2 * computed
        finally:
            stop_app(b)
    finally:
        stop_app(a)
        engine.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", help="a PostgreSQL URL (default: SQLite files in a temporary folder)")
    parser.add_argument("--timeout", type=float, default=600, help="seconds for the models to be stored")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="restart-check-") as folder:
        folder = Path(folder)
        first = args.database or f"sqlite:///{folder / 'restart.sqlite3'}"
        ok = restart(first, folder, args.timeout)
        if args.database:  # the same PostgreSQL database: emptied of the first part's results
            engine = sa.create_engine(database_url(args.database))
            with engine.begin() as connection:
                connection.execute(sa.text("DELETE FROM shared_results"))
            engine.dispose()
        second = args.database or f"sqlite:///{folder / 'two.sqlite3'}"
        ok = two_servers(second, folder, args.timeout) and ok
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
