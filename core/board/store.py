"""The class board's storage: classes, students, shared runs and questions, in one database.

A teacher creates a *class* and reads its short code aloud; students join with it, share
finished training runs, and answer the teacher's questions before an experiment. Everything
lives in a database rather than in the server's memory so that the board survives a restart
and, on PostgreSQL, is shared by several app servers behind one address. The default is an
embedded SQLite file in WAL mode: readers never wait for the writer, and writers take the write
lock at the start of their transaction (``BEGIN IMMEDIATE``), so many threads of one server can
write at once without the lock-upgrade deadlock of SQLite's default deferred transactions.

The same SQLAlchemy Core statements run on both databases (the tables: ``core.board.schema``).
Every database failure surfaces as :class:`~core.board.errors.BoardUnavailable`, never as a raw
driver exception, so the UI has one thing to catch (``core.board.errors``). What is typed is
checked before it is stored (``core.board.validation``); a shared result is a typed record,
checked, stored and read back by ``core.board.records``; codes, keys and the slowing down of
wrong tries follow ``core.board.keys``. Nothing here knows about Streamlit: the caller passes a
``client`` string (one per browser session) for throttling wrong guesses.
"""

from __future__ import annotations

import csv
import io
import json
import math
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy import exc as sa_exc
from sqlalchemy.dialects import postgresql as pg_dialect
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.pool import StaticPool

from core.board.errors import (
    FAILURE_WINDOW,
    LABEL_MAX,
    MAX_CHOICES,
    MIN_CHOICES,
    POST_WINDOW,
    QUESTION_MAX,
    BoardError,
    BoardFull,
    BoardUnavailable,
    InvalidInput,
    PostingClosed,
    Throttled,
    WrongCode,
    WrongKey,
)
from core.board.keys import (
    class_scope,
    client_scope,
    hash_key,
    key_matches,
    new_code,
    new_key,
    normalize_code,
    throttle_wait,
)
from core.board.records import Record, curve_data, read_record, record_columns
from core.board.schema import (
    answer_table,
    class_table,
    create_or_migrate,
    failure_table,
    question_table,
    result_table,
    run_table,
    schema_table,
    student_table,
)
from core.board.validation import clean_nickname, plain_text, real

# The server's finished shared computations (see core.training.results)
RESULTS_KEPT = 200               # finished results kept, the oldest deleted first
RESULT_MAX_BYTES = 64 * 2**20    # one result's payload at the most
CLAIM_SECONDS = 120.0            # a claim not renewed for this long is taken over by another server


# ------------------------------------------------------------------- what the store returns
@dataclass(frozen=True)
class ClassInfo:
    code: str
    created_at: float
    expires_at: float
    posting_open: bool
    auto_share: bool
    hide_names: bool
    students: int
    runs: int


@dataclass(frozen=True)
class Student:
    id: int
    code: str
    number: int
    nickname: str  # "" when none was chosen: the UI shows "Student <number>"


@dataclass(frozen=True)
class SharedRun:
    """A result on the class's board: who shared it, when, and what (a record of core.board.records)."""

    id: int
    student_number: int
    nickname: str
    created_at: float
    record: Record


@dataclass(frozen=True)
class Question:
    id: int
    text: str
    kind: str  # "number" or "choice"
    choices: tuple[str, ...]
    low: float | None
    high: float | None
    revealed: bool
    measured: float | str | None
    created_at: float


@dataclass(frozen=True)
class Answers:
    question: Question
    values: tuple  # floats for a number question, choice strings for a choice question

    @property
    def count(self) -> int:
        return len(self.values)


def _spreadsheet_safe(value: Any) -> Any:
    """Text a spreadsheet would run as a formula (=, +, -, @, tab, CR first) made inert with a quote."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


# ------------------------------------------------------------------------------ settings
def _board_secrets(secrets: Mapping | None) -> Mapping:
    """The ``[board]`` table of the secrets; {} when there is none (st.secrets without a file raises)."""
    if secrets is None:
        return {}
    try:
        board = secrets["board"]
    except (KeyError, OSError, TypeError, AttributeError):
        return {}
    return board if isinstance(board, Mapping) else {}


def _setting(environ: Mapping[str, str], variable: str, board: Mapping, name: str) -> Any:
    value = environ.get(variable)
    if value is not None and str(value).strip():
        return str(value).strip()
    value = board.get(name)
    return value.strip() if isinstance(value, str) else value


def database_url(url: str) -> sa.URL:
    """The SQLAlchemy URL for ``url``: postgres:// and postgresql:// use psycopg 3."""
    if not isinstance(url, str) or not url.strip():
        raise BoardUnavailable("no database URL was given for the class board")
    text = url.strip()
    for prefix in ("postgres://", "postgresql://"):
        if text.startswith(prefix):
            text = "postgresql+psycopg://" + text[len(prefix):]
    try:
        parsed = sa.make_url(text)
    except (sa_exc.ArgumentError, ValueError):
        raise BoardUnavailable("the class board's database URL cannot be read") from None
    if parsed.drivername not in ("sqlite", "sqlite+pysqlite") and parsed.get_backend_name() != "postgresql":
        raise BoardUnavailable("the class board needs an sqlite:/// or postgresql:// database URL")
    return parsed


def _sqlite_connect(dbapi_connection, connection_record) -> None:
    # SQLAlchemy's recipe: stop Python's sqlite3 from emitting BEGIN itself (see _sqlite_begin)
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
    finally:
        cursor.close()


def _sqlite_begin(connection: sa.Connection) -> None:
    # A write takes the write lock at once: a deferred transaction that reads and then writes can
    # find another writer ahead of it, and SQLite then fails at once instead of waiting.
    write = connection.get_execution_options().get("board_write", False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def _reason(error: BaseException) -> str:
    original = getattr(error, "orig", None) or error
    text = str(original).strip().splitlines()[0] if str(original).strip() else type(original).__name__
    return text[:200]


# -------------------------------------------------------------------------------- store
class BoardStore:
    """The board's database, shared by every session of a server (and by several servers)."""

    def __init__(self, url: str, *, class_hours: float = 12.0, max_runs: int = 2000, posts_per_minute: int = 30,
                 clock: Callable[[], float] = time.time):
        if not class_hours > 0 or max_runs < 1 or posts_per_minute < 1:
            raise ValueError("class_hours, max_runs and posts_per_minute must be positive")
        self.class_hours = float(class_hours)
        self.max_runs = int(max_runs)
        self.posts_per_minute = int(posts_per_minute)
        self._clock = clock
        self._lock = threading.Lock()
        self._engine: sa.Engine | None = None
        self._writer: sa.Engine | None = None
        self._ready = False
        try:
            self._url: sa.URL | None = database_url(url)
            self._url_error: BoardUnavailable | None = None
            self.url_for_display = self._url.render_as_string(hide_password=True)
        except BoardUnavailable as error:  # reported by every method, like an unreachable database
            self._url, self._url_error = None, error
            self.url_for_display = "(unreadable database URL)"

    # ------------------------------------------------------------------ configuration
    @classmethod
    def from_settings(cls, environ: Mapping[str, str], secrets: Mapping | None, default_path: Path) -> BoardStore:
        """The store the deployment asks for: BOARD_DATABASE_URL / [board] database_url, else a SQLite file."""
        board = _board_secrets(secrets)
        url = _setting(environ, "BOARD_DATABASE_URL", board, "database_url")
        if not url:
            url = f"sqlite:///{Path(default_path).expanduser().resolve()}"
        hours = _setting(environ, "BOARD_CLASS_HOURS", board, "class_hours")
        try:
            class_hours = 12.0 if hours in (None, "") else float(hours)
        except (TypeError, ValueError):
            class_hours = math.nan
        if not (math.isfinite(class_hours) and 0 < class_hours <= 24 * 366):
            raise BoardUnavailable("BOARD_CLASS_HOURS (or [board] class_hours) must be a positive number of hours")
        return cls(str(url), class_hours=class_hours)

    @staticmethod
    def configured_teacher_key(environ: Mapping[str, str], secrets: Mapping | None) -> str | None:
        """A permanent teacher key set by the installation (BOARD_TEACHER_KEY / [board] teacher_key)."""
        key = _setting(environ, "BOARD_TEACHER_KEY", _board_secrets(secrets), "teacher_key")
        return str(key) if key else None

    # --------------------------------------------------------------------- connection
    @property
    def _is_postgresql(self) -> bool:
        return self._url is not None and self._url.get_backend_name() == "postgresql"

    def _make_engine(self) -> sa.Engine:
        url = self._url
        if self._is_postgresql:
            return sa.create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=10, pool_timeout=30,
                                    connect_args={"connect_timeout": 5})
        database = url.database or ""
        in_memory = database in ("", ":memory:") or database.startswith("file::memory:")
        if not in_memory:
            Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        options: dict[str, Any] = {"connect_args": {"timeout": 30, "check_same_thread": False}}
        if in_memory:
            options["poolclass"] = StaticPool  # one connection, or every connection sees its own empty database
        else:
            options.update(pool_size=5, max_overflow=10, pool_timeout=30)
        engine = sa.create_engine(url, **options)
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
        return engine

    def _ensure_ready(self) -> None:
        """The engine made and the tables created or migrated, once; retried after a failure."""
        if self._ready:
            return
        if self._url_error is not None:
            raise self._url_error
        with self._lock:
            if self._ready:
                return
            try:
                if self._engine is None:
                    self._engine = self._make_engine()
                    self._writer = self._engine.execution_options(board_write=True)
                with self._writer.begin() as connection:
                    create_or_migrate(connection, self._is_postgresql)
            except BoardError:
                raise
            except (sa_exc.SQLAlchemyError, sqlite3.Error, OSError, ImportError) as error:
                raise self._unavailable(error) from error
            self._ready = True

    def _unavailable(self, error: BaseException) -> BoardUnavailable:
        if isinstance(error, sa_exc.IntegrityError):
            return _Conflict(f"the class board's database refused a change: {_reason(error)}")
        return BoardUnavailable(f"the class board's database ({self.url_for_display}) cannot be used: "
                                f"{_reason(error)}")

    @contextmanager
    def _transaction(self, write: bool) -> Iterator[sa.Connection]:
        self._ensure_ready()
        engine = self._writer if write else self._engine
        try:
            with engine.begin() as connection:
                yield connection
        except BoardError:
            raise
        except (sa_exc.SQLAlchemyError, sqlite3.Error, OSError) as error:
            raise self._unavailable(error) from error

    def _read(self) -> AbstractContextManager[sa.Connection]:
        """A read-only transaction: a consistent snapshot, never waiting for writers."""
        return self._transaction(write=False)

    def _write(self) -> AbstractContextManager[sa.Connection]:
        """A write transaction (BEGIN IMMEDIATE on SQLite)."""
        return self._transaction(write=True)

    def check(self) -> None:
        """BoardUnavailable with a clear message if the database cannot be used now."""
        with self._read() as connection:
            connection.scalar(sa.select(sa.func.max(schema_table.c.version)))

    def close(self) -> None:
        """Close every pooled connection; the store reconnects if it is used again."""
        with self._lock:
            if self._engine is not None:
                self._engine.dispose()
            self._engine = self._writer = None
            self._ready = False

    # -------------------------------------------------------------------- throttling
    def _check_throttle(self, scopes: Sequence[str]) -> None:
        """Throttled when a scope had FREE_FAILURES wrong tries lately and its wait is not over."""
        now = self._clock()
        with self._read() as connection:
            for scope in scopes:
                count, last = connection.execute(
                    sa.select(sa.func.count(), sa.func.max(failure_table.c.created_at))
                    .where(failure_table.c.scope == scope, failure_table.c.created_at > now - FAILURE_WINDOW)).one()
                wait = throttle_wait(count, last, now)
                if wait > 0:
                    raise Throttled(f"too many wrong tries: wait {math.ceil(wait)} s", wait)

    def _record_failure(self, scopes: Sequence[str]) -> None:
        now = self._clock()
        with self._write() as connection:
            connection.execute(failure_table.delete().where(failure_table.c.created_at < now - FAILURE_WINDOW))
            connection.execute(failure_table.insert(), [{"scope": scope, "created_at": now} for scope in scopes])

    # ------------------------------------------------------------------------ classes
    def _live_class(self, connection: sa.Connection, code: str, lock: bool = False) -> sa.Row:
        query = sa.select(class_table).where(class_table.c.code == code, class_table.c.expires_at > self._clock())
        if lock:
            query = query.with_for_update()
        row = connection.execute(query).first()
        if row is None:
            raise WrongCode("no class has this code (or it has ended)")
        return row

    def _class_info(self, connection: sa.Connection, row: sa.Row) -> ClassInfo:
        student_count = connection.scalar(sa.select(sa.func.count()).where(student_table.c.class_id == row.id))
        run_count = connection.scalar(sa.select(sa.func.count()).where(run_table.c.class_id == row.id))
        return ClassInfo(code=row.code, created_at=row.created_at, expires_at=row.expires_at,
                         posting_open=bool(row.posting_open), auto_share=bool(row.auto_share),
                         hide_names=bool(row.hide_names), students=int(student_count), runs=int(run_count))

    def create_class(self, teacher_key: str | None = None) -> tuple[ClassInfo, str]:
        """A new class and its teacher key: the installation's permanent key, or a new random one."""
        if teacher_key is None:
            key = new_key()
        else:
            key = plain_text(teacher_key, "key", 200, "teacher key")
        key_hash = hash_key(key)
        self.purge_expired()
        for _ in range(20):
            now = self._clock()
            try:
                with self._write() as connection:
                    code = new_code()
                    result = connection.execute(class_table.insert().values(
                        code=code, key_hash=key_hash, created_at=now, expires_at=now + self.class_hours * 3600.0,
                        posting_open=True, auto_share=False, hide_names=False, joined=0))
                    row = connection.execute(
                        sa.select(class_table).where(class_table.c.id == result.inserted_primary_key[0])).one()
                    return self._class_info(connection, row), key
            except _Conflict:  # the code is taken by a live class: draw another one
                continue
        raise BoardUnavailable("could not find a free class code")

    def class_info(self, code: str) -> ClassInfo:
        code = normalize_code(code)
        with self._read() as connection:
            return self._class_info(connection, self._live_class(connection, code))

    def _authorize(self, code: str, key: str, client: str) -> str:
        """The normalized code once ``key`` is the class's teacher key; WrongCode, WrongKey or Throttled."""
        session = client_scope(client)
        try:
            code = normalize_code(code)
        except WrongCode:
            self._check_throttle([session])
            self._record_failure([session])
            raise
        scopes = [session, class_scope(code)]
        self._check_throttle(scopes)
        with self._read() as connection:
            row = connection.execute(
                sa.select(class_table.c.key_hash)
                .where(class_table.c.code == code, class_table.c.expires_at > self._clock())).first()
        if row is None:
            self._record_failure([session])
            raise WrongCode("no class has this code (or it has ended)")
        if not key_matches(key, row.key_hash):
            self._record_failure(scopes)
            raise WrongKey("this is not the class's teacher key")
        return code

    def check_key(self, code: str, key: str, client: str) -> None:
        self._authorize(code, key, client)

    def set_options(self, code: str, key: str, client: str, *, posting_open: bool | None = None,
                    auto_share: bool | None = None, hide_names: bool | None = None) -> ClassInfo:
        code = self._authorize(code, key, client)
        changes = {name: bool(value) for name, value in
                   (("posting_open", posting_open), ("auto_share", auto_share), ("hide_names", hide_names))
                   if value is not None}
        with self._write() as connection:
            row = self._live_class(connection, code, lock=True)
            if changes:
                connection.execute(class_table.update().where(class_table.c.id == row.id).values(**changes))
                row = connection.execute(sa.select(class_table).where(class_table.c.id == row.id)).one()
            return self._class_info(connection, row)

    def clear_runs(self, code: str, key: str, client: str) -> int:
        """Delete the class's runs, questions and answers; the number of runs deleted."""
        code = self._authorize(code, key, client)
        with self._write() as connection:
            row = self._live_class(connection, code, lock=True)
            deleted = connection.execute(run_table.delete().where(run_table.c.class_id == row.id)).rowcount
            connection.execute(question_table.delete().where(question_table.c.class_id == row.id))
            return int(deleted)

    def export_csv(self, code: str, key: str, client: str) -> str:
        """Every run of the class as CSV for a spreadsheet (settings and curve as JSON text)."""
        code = self._authorize(code, key, client)
        shared = self.runs(code, limit=2**31 - 1)
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["run", "student", "nickname", "page", "model", "seed", "train_accuracy", "test_accuracy",
                         "train_loss", "test_loss", "seconds", "shared_at_utc", "settings", "curve"])
        for run in shared:
            shared_at = datetime.fromtimestamp(run.created_at, timezone.utc).strftime("%Y-%m-%d %H:%M:%S")
            record = run.record
            cells = [run.id, run.student_number, run.nickname, record.page, record.model, record.seed,
                     record.train_accuracy, record.test_accuracy, record.train_loss, record.test_loss, record.seconds,
                     shared_at, json.dumps(record.settings, ensure_ascii=False),
                     "" if record.curve is None else json.dumps(curve_data(record.curve), ensure_ascii=False)]
            writer.writerow(["" if cell is None else _spreadsheet_safe(cell) for cell in cells])
        return out.getvalue()

    # ------------------------------------------------------------------ shared results
    def result(self, key: str) -> bytes | None:
        """The finished result stored under ``key``, or None."""
        with self._read() as connection:
            return connection.scalar(sa.select(result_table.c.payload).where(
                result_table.c.key == key, result_table.c.state == "done"))

    def claim_result(self, key: str, owner: str, description: str = "") -> bool:
        """Whether ``owner`` may compute ``key`` now: nobody else is (or their claim went stale), not done."""
        now = self._clock()
        with self._write() as connection:
            row = connection.execute(sa.select(result_table).where(result_table.c.key == key)
                                     .with_for_update()).first()
            if row is None:
                connection.execute(result_table.insert().values(
                    key=key, description=description[:400], state="computing", owner=owner[:80],
                    heartbeat_at=now, payload=None, created_at=now))
                return True
            if row.state == "done":
                return False
            if row.owner != owner[:80] and now - row.heartbeat_at < CLAIM_SECONDS:
                return False
            connection.execute(result_table.update().where(result_table.c.key == key)
                               .values(owner=owner[:80], heartbeat_at=now))
            return True

    def renew_claim(self, key: str, owner: str) -> None:
        """``owner`` is still computing ``key``."""
        with self._write() as connection:
            connection.execute(result_table.update().where(
                result_table.c.key == key, result_table.c.owner == owner[:80],
                result_table.c.state == "computing").values(heartbeat_at=self._clock()))

    def release_claim(self, key: str, owner: str) -> None:
        """``owner`` gave up computing ``key`` (it failed): another server may take it at once."""
        with self._write() as connection:
            connection.execute(result_table.delete().where(
                result_table.c.key == key, result_table.c.owner == owner[:80],
                result_table.c.state == "computing"))

    def store_result(self, key: str, owner: str, payload: bytes, description: str = "") -> bool:
        """Keep ``payload`` as the finished result of ``key``; False when it is larger than allowed."""
        if len(payload) > RESULT_MAX_BYTES:
            self.release_claim(key, owner)
            return False
        now = self._clock()
        with self._write() as connection:
            done = dict(state="done", owner=owner[:80], heartbeat_at=now, payload=payload)
            if connection.execute(result_table.update().where(result_table.c.key == key).values(**done)).rowcount == 0:
                connection.execute(result_table.insert().values(key=key, description=description[:400],
                                                                created_at=now, **done))
            kept = sa.select(result_table.c.key).where(result_table.c.state == "done").order_by(
                result_table.c.created_at.desc()).limit(RESULTS_KEPT)
            connection.execute(result_table.delete().where(result_table.c.state == "done",
                                                           result_table.c.key.not_in(kept)))
        return True

    def purge_expired(self) -> int:
        """Delete the ended classes with everything of theirs; how many classes were deleted."""
        now = self._clock()
        with self._write() as connection:
            connection.execute(failure_table.delete().where(failure_table.c.created_at < now - FAILURE_WINDOW))
            return int(connection.execute(class_table.delete().where(class_table.c.expires_at <= now)).rowcount)

    # ----------------------------------------------------------------------- students
    def _live_student(self, connection: sa.Connection, student: Student, lock: bool = False) -> tuple[sa.Row, sa.Row]:
        """The student's class (live) and the student's row, or WrongCode."""
        if not isinstance(student, Student):
            raise TypeError("student must be a Student from join()")
        class_row = self._live_class(connection, student.code, lock=lock)
        row = connection.execute(sa.select(student_table).where(
            student_table.c.id == student.id, student_table.c.class_id == class_row.id)).first()
        if row is None:
            raise WrongCode("this student is not in the class any more")
        return class_row, row

    def join(self, code: str, client: str, nickname: str = "") -> Student:
        """A new student of the class, numbered 1, 2, 3... in the order of joining."""
        nickname = clean_nickname(nickname)
        session = client_scope(client)
        self._check_throttle([session])
        try:
            code = normalize_code(code)
            now = self._clock()
            with self._write() as connection:
                # the counter's row lock makes concurrent joins (and servers) take turns
                counted = connection.execute(
                    class_table.update().where(class_table.c.code == code, class_table.c.expires_at > now)
                    .values(joined=class_table.c.joined + 1).returning(class_table.c.id, class_table.c.joined)).first()
                if counted is None:
                    raise WrongCode("no class has this code (or it has ended)")
                result = connection.execute(student_table.insert().values(
                    class_id=counted.id, number=counted.joined, nickname=nickname, created_at=now))
                return Student(id=int(result.inserted_primary_key[0]), code=code, number=int(counted.joined),
                               nickname=nickname)
        except WrongCode:
            self._record_failure([session])
            raise

    def rename(self, student: Student, nickname: str) -> Student:
        nickname = clean_nickname(nickname)
        with self._write() as connection:
            _, row = self._live_student(connection, student)
            connection.execute(student_table.update().where(student_table.c.id == row.id).values(nickname=nickname))
        return Student(id=student.id, code=student.code, number=int(row.number), nickname=nickname)

    # --------------------------------------------------------------------------- runs
    def share_run(self, student: Student, record: Record) -> SharedRun:
        """Put a finished result on the class's board (``record``: see core.board.records)."""
        values = record_columns(record)
        now = self._clock()
        with self._write() as connection:
            # the class row's lock makes posts of one class take turns: ids are committed in order,
            # so a board reading runs(after_id=...) never skips a run committed late
            class_row, student_row = self._live_student(connection, student, lock=True)
            if not class_row.posting_open:
                raise PostingClosed("the teacher has closed posting")
            count = connection.scalar(sa.select(sa.func.count()).where(run_table.c.class_id == class_row.id))
            if count >= self.max_runs:
                raise BoardFull(f"the board is full ({self.max_runs} runs)")
            recent = connection.scalars(
                sa.select(run_table.c.created_at)
                .where(run_table.c.student_id == student_row.id, run_table.c.created_at > now - POST_WINDOW)
                .order_by(run_table.c.created_at.desc()).limit(self.posts_per_minute)).all()
            if len(recent) >= self.posts_per_minute:
                wait = max(recent[-1] + POST_WINDOW - now, 0.001)
                raise Throttled(f"too many runs shared: wait {math.ceil(wait)} s", wait)
            result = connection.execute(run_table.insert().values(
                class_id=class_row.id, student_id=student_row.id, created_at=now, **values))
            run_id = int(result.inserted_primary_key[0])
        # read back as the board will read it from the database
        return SharedRun(id=run_id, student_number=int(student_row.number), nickname=student_row.nickname,
                         created_at=now, record=read_record(values))

    def runs(self, code: str, after_id: int = 0, limit: int = 5000) -> list[SharedRun]:
        """The class's runs after ``after_id``, oldest first (a board refreshes with its last id)."""
        code = normalize_code(code)
        with self._read() as connection:
            class_row = self._live_class(connection, code)
            rows = connection.execute(
                sa.select(run_table, student_table.c.number, student_table.c.nickname)
                .join(student_table, student_table.c.id == run_table.c.student_id)
                .where(run_table.c.class_id == class_row.id, run_table.c.id > int(after_id))
                .order_by(run_table.c.id).limit(max(0, int(limit)))).all()
        return [SharedRun(id=row.id, student_number=row.number, nickname=row.nickname, created_at=row.created_at,
                          record=read_record(row._mapping)) for row in rows]

    # ---------------------------------------------------------------------- questions
    @staticmethod
    def _question(row: sa.Row) -> Question:
        return Question(id=row.id, text=row.text, kind=row.kind, choices=tuple(json.loads(row.choices)),
                        low=row.low, high=row.high, revealed=bool(row.revealed),
                        measured=None if row.measured is None else json.loads(row.measured),
                        created_at=row.created_at)

    @staticmethod
    def _class_question(connection: sa.Connection, class_id: int, question_id: int) -> sa.Row:
        row = connection.execute(sa.select(question_table).where(
            question_table.c.id == int(question_id), question_table.c.class_id == class_id)).first()
        if row is None:
            raise InvalidInput("this class has no such question", "question")
        return row

    def ask(self, code: str, key: str, client: str, *, text: str, kind: str, choices: Sequence[str] = (),
            low: float | None = None, high: float | None = None) -> Question:
        """A new question for the class (it replaces the current one; the old ones stay stored)."""
        text = plain_text(text, "question", QUESTION_MAX, "question")
        if kind == "number":
            if low is None and high is None:
                low, high = 0.0, 100.0
            low, high = real(low, "range"), real(high, "range")
            if low is None or high is None or not low < high:
                raise InvalidInput("a number question needs a lowest value below its highest value", "range")
            choice_list: list[str] = []
        elif kind == "choice":
            if isinstance(choices, str):
                raise InvalidInput("the choices must be a list of texts", "choices")
            choice_list = [plain_text(choice, "choices", LABEL_MAX, "choice") for choice in choices]
            if not MIN_CHOICES <= len(choice_list) <= MAX_CHOICES:
                raise InvalidInput(f"a choice question needs {MIN_CHOICES} to {MAX_CHOICES} choices", "choices")
            if len(set(choice_list)) != len(choice_list):
                raise InvalidInput("the choices must all be different", "choices")
            low = high = None
        else:
            raise InvalidInput('a question is of kind "number" or "choice"', "kind")
        code = self._authorize(code, key, client)
        now = self._clock()
        with self._write() as connection:
            class_row = self._live_class(connection, code, lock=True)
            result = connection.execute(question_table.insert().values(
                class_id=class_row.id, text=text, kind=kind, choices=json.dumps(choice_list, ensure_ascii=False),
                low=low, high=high, revealed=False, measured=None, created_at=now))
            return self._question(connection.execute(
                sa.select(question_table).where(question_table.c.id == result.inserted_primary_key[0])).one())

    def current_question(self, code: str) -> Question | None:
        code = normalize_code(code)
        with self._read() as connection:
            class_row = self._live_class(connection, code)
            row = connection.execute(sa.select(question_table).where(question_table.c.class_id == class_row.id)
                                     .order_by(question_table.c.id.desc()).limit(1)).first()
        return None if row is None else self._question(row)

    def answer(self, student: Student, question_id: int, value) -> None:
        """The student's answer to the current question (answering again replaces it)."""
        now = self._clock()
        with self._write() as connection:
            class_row, student_row = self._live_student(connection, student)
            row = self._class_question(connection, class_row.id, question_id)
            newest = connection.scalar(sa.select(sa.func.max(question_table.c.id))
                                       .where(question_table.c.class_id == class_row.id))
            if row.id != newest:
                raise InvalidInput("this question was replaced by a newer one", "answer")
            if row.revealed:
                raise InvalidInput("the answers are already revealed", "answer")
            if row.kind == "number":
                number, choice = real(value, "answer", row.low, row.high), None
                if number is None:
                    raise InvalidInput("the answer is empty", "answer")
            else:
                number, choice = None, value
                if not isinstance(value, str) or value not in json.loads(row.choices):
                    raise InvalidInput("the answer is not one of the choices", "answer")
            insert = (pg_dialect.insert if self._is_postgresql else sqlite_dialect.insert)(answer_table)
            connection.execute(insert.values(question_id=row.id, student_id=student_row.id, number=number,
                                             choice=choice, answered_at=now)
                               .on_conflict_do_update(index_elements=["question_id", "student_id"],
                                                      set_={"number": number, "choice": choice, "answered_at": now}))

    def answer_count(self, code: str, question_id: int) -> int:
        code = normalize_code(code)
        with self._read() as connection:
            class_row = self._live_class(connection, code)
            row = self._class_question(connection, class_row.id, question_id)
            return int(connection.scalar(sa.select(sa.func.count()).where(answer_table.c.question_id == row.id)))

    def my_answer(self, student: Student, question_id: int):
        """The student's own answer (a float or a choice), or None."""
        with self._read() as connection:
            _, student_row = self._live_student(connection, student)
            row = connection.execute(sa.select(answer_table.c.number, answer_table.c.choice)
                                     .where(answer_table.c.question_id == int(question_id),
                                            answer_table.c.student_id == student_row.id)).first()
        if row is None:
            return None
        return row.number if row.choice is None else row.choice

    def reveal(self, code: str, key: str, client: str, question_id: int,
               measured: float | str | None = None) -> Question:
        """Show everyone the answers, beside the value the experiment measured."""
        if isinstance(measured, str):
            measured = plain_text(measured, "measured", LABEL_MAX, "measured value")
        else:
            measured = real(measured, "measured")
        code = self._authorize(code, key, client)
        with self._write() as connection:
            class_row = self._live_class(connection, code, lock=True)
            row = self._class_question(connection, class_row.id, question_id)
            connection.execute(question_table.update().where(question_table.c.id == row.id)
                               .values(revealed=True, measured=None if measured is None else json.dumps(measured)))
            return self._question(
                connection.execute(sa.select(question_table).where(question_table.c.id == row.id)).one())

    def answers(self, code: str, question_id: int, key: str | None = None, client: str = "") -> Answers:
        """The answers, sorted (who answered what is not shown): with the teacher key, or after the reveal."""
        code = normalize_code(code)
        with self._read() as connection:
            class_row = self._live_class(connection, code)
            revealed = bool(self._class_question(connection, class_row.id, question_id).revealed)
        if not revealed:
            if key is None:
                raise WrongKey("the answers are hidden until the teacher reveals them")
            self._authorize(code, key, client)
        with self._read() as connection:
            class_row = self._live_class(connection, code)
            question = self._question(self._class_question(connection, class_row.id, question_id))
            rows = connection.execute(sa.select(answer_table.c.number, answer_table.c.choice)
                                      .where(answer_table.c.question_id == question.id)).all()
        if question.kind == "number":
            values = tuple(sorted(row.number for row in rows if row.number is not None))
        else:
            order = {choice: index for index, choice in enumerate(question.choices)}
            values = tuple(sorted((row.choice for row in rows if row.choice is not None),
                                  key=lambda choice: order.get(choice, len(order))))
        return Answers(question=question, values=values)


class _Conflict(BoardUnavailable):
    """A uniqueness rule of the database refused a row (e.g. a class code drawn twice)."""
