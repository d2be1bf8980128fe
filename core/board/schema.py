"""The class board's tables, their version, and how an older database is brought up to date.

One schema serves SQLite and PostgreSQL alike (SQLAlchemy Core; JSON kept as text so that both
behave the same). The database records its ``SCHEMA_VERSION``: a new database gets every table
at once, an older one runs the missing steps of ``MIGRATIONS`` in the same transaction, and a
database written by a newer version of the app is refused rather than damaged. On PostgreSQL,
where several app servers may start together, an advisory lock lets one of them at a time create
or migrate the tables.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa

from core.board.errors import LABEL_MAX, NICKNAME_MAX, QUESTION_MAX, SCOPE_MAX, BoardUnavailable

SCHEMA_VERSION = 2
metadata = sa.MetaData()

# sqlite_autoincrement: SQLite must never hand out an id again after rows were deleted, or a
# board refreshing with runs(after_id=...) would miss the runs shared after clear_runs.
schema_table = sa.Table("board_schema", metadata, sa.Column("version", sa.Integer, nullable=False))

class_table = sa.Table(
    "classes", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("code", sa.String(7), nullable=False, unique=True),
    sa.Column("key_hash", sa.String(200), nullable=False),
    sa.Column("created_at", sa.Double, nullable=False),
    sa.Column("expires_at", sa.Double, nullable=False, index=True),
    sa.Column("posting_open", sa.Boolean, nullable=False),
    sa.Column("auto_share", sa.Boolean, nullable=False),
    sa.Column("hide_names", sa.Boolean, nullable=False),
    sa.Column("joined", sa.Integer, nullable=False),  # the last student number handed out
    sqlite_autoincrement=True,
)

student_table = sa.Table(
    "students", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("class_id", sa.Integer, sa.ForeignKey("classes.id", ondelete="CASCADE"), nullable=False),
    sa.Column("number", sa.Integer, nullable=False),
    sa.Column("nickname", sa.String(NICKNAME_MAX), nullable=False),
    sa.Column("created_at", sa.Double, nullable=False),
    sa.UniqueConstraint("class_id", "number", name="students_number_once"),
    sqlite_autoincrement=True,
)

run_table = sa.Table(
    "runs", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("class_id", sa.Integer, sa.ForeignKey("classes.id", ondelete="CASCADE"), nullable=False),
    sa.Column("student_id", sa.Integer, sa.ForeignKey("students.id", ondelete="CASCADE"), nullable=False),
    sa.Column("page", sa.String(LABEL_MAX), nullable=False),
    sa.Column("model", sa.String(LABEL_MAX), nullable=False),
    sa.Column("settings", sa.Text, nullable=False),
    sa.Column("seed", sa.BigInteger),
    sa.Column("train_accuracy", sa.Double),
    sa.Column("test_accuracy", sa.Double),
    sa.Column("train_loss", sa.Double),
    sa.Column("test_loss", sa.Double),
    sa.Column("seconds", sa.Double),
    sa.Column("curve", sa.Text),
    sa.Column("created_at", sa.Double, nullable=False),
    sa.Index("runs_by_class", "class_id", "id"),
    sa.Index("runs_by_student", "student_id", "created_at"),
    sqlite_autoincrement=True,
)

question_table = sa.Table(
    "questions", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("class_id", sa.Integer, sa.ForeignKey("classes.id", ondelete="CASCADE"), nullable=False),
    sa.Column("text", sa.String(QUESTION_MAX), nullable=False),
    sa.Column("kind", sa.String(10), nullable=False),
    sa.Column("choices", sa.Text, nullable=False),  # JSON list
    sa.Column("low", sa.Double),
    sa.Column("high", sa.Double),
    sa.Column("revealed", sa.Boolean, nullable=False),
    sa.Column("measured", sa.Text),                 # JSON: a number, a string or null
    sa.Column("created_at", sa.Double, nullable=False),
    sa.Index("questions_by_class", "class_id", "id"),
    sqlite_autoincrement=True,
)

answer_table = sa.Table(
    "answers", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("question_id", sa.Integer, sa.ForeignKey("questions.id", ondelete="CASCADE"), nullable=False),
    sa.Column("student_id", sa.Integer, sa.ForeignKey("students.id", ondelete="CASCADE"), nullable=False),
    sa.Column("number", sa.Double),
    sa.Column("choice", sa.String(LABEL_MAX)),
    sa.Column("answered_at", sa.Double, nullable=False),
    sa.UniqueConstraint("question_id", "student_id", name="answers_once_per_student"),
    sqlite_autoincrement=True,
)

failure_table = sa.Table(
    "failures", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("scope", sa.String(SCOPE_MAX), nullable=False),  # "client:<id>" or "class:<code>"
    sa.Column("created_at", sa.Double, nullable=False, index=True),
    sa.Index("failures_by_scope", "scope", "created_at"),
    sqlite_autoincrement=True,
)

# The server's finished shared computations (the lesson's models, the pipeline's fit), kept across
# restarts and shared by several servers on one database: a key names the settings and the code
# version; one server at a time computes a key (its claim, renewed while it works).
result_table = sa.Table(
    "shared_results", metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("description", sa.String(400), nullable=False),
    sa.Column("state", sa.String(10), nullable=False),  # "computing" or "done"
    sa.Column("owner", sa.String(80), nullable=False),
    sa.Column("heartbeat_at", sa.Double, nullable=False),
    sa.Column("payload", sa.LargeBinary),
    sa.Column("created_at", sa.Double, nullable=False, index=True),
)


def _to_version_2(connection: sa.Connection) -> None:
    result_table.create(connection)


# MIGRATIONS[v] upgrades a database from version v - 1 to v, inside the set-up transaction.
# Version 1 held the classes; version 2 adds the shared results. A version 3 is: change the tables
# above, set SCHEMA_VERSION = 3, and add ``MIGRATIONS[3] = _to_version_3`` (altering a v2 database).
MIGRATIONS: dict[int, Callable[[sa.Connection], None]] = {2: _to_version_2}
assert sorted(MIGRATIONS) == list(range(2, SCHEMA_VERSION + 1)), "one migration per version after 1"

_ADVISORY_LOCK = 0x0B0A_4D00  # PostgreSQL: one server at a time creates or migrates the tables


def create_or_migrate(connection: sa.Connection, postgresql: bool) -> None:
    """Create the tables of an empty database, or migrate an older one, inside ``connection``'s transaction."""
    if postgresql:  # several servers may start at once
        connection.execute(sa.select(sa.func.pg_advisory_xact_lock(_ADVISORY_LOCK)))
    version = None
    if sa.inspect(connection).has_table("board_schema"):
        version = connection.scalar(sa.select(sa.func.max(schema_table.c.version)))
    if version is None:
        metadata.create_all(connection)
        connection.execute(schema_table.insert().values(version=SCHEMA_VERSION))
        return
    if version > SCHEMA_VERSION:
        raise BoardUnavailable("the database was written by a newer version of the app")
    for step in range(version + 1, SCHEMA_VERSION + 1):
        MIGRATIONS[step](connection)
    if version < SCHEMA_VERSION:
        connection.execute(schema_table.update().values(version=SCHEMA_VERSION))
