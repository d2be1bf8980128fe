"""What the class board refuses, and the limits it refuses by.

Every failure of the board is a :class:`BoardError`, so the UI has one thing to catch; its
subclasses say which failure it is (a database that cannot be used, a wrong code or key, too
many tries, posting closed, a full board, a value that will not be stored) and the UI picks its
sentence from the class. The limits below are the board's promises to a class: how long a
nickname, a label or a question may be, how large a run's settings and curve may grow as JSON,
how many wrong tries are free and how long the next one waits, how many runs a student posts a
minute. The schema sizes its columns from them (``core.board.schema``) and the checks refuse
what exceeds them (``core.board.validation``).
"""

from __future__ import annotations


class BoardError(Exception):
    """Anything the board refuses or cannot do; the message is short English for the UI's log."""


class BoardUnavailable(BoardError):
    """The database cannot be used: unreachable, corrupt, unreadable, or newer than this code."""


class WrongCode(BoardError):
    """No live class has this code (it never existed, or it expired)."""


class WrongKey(BoardError):
    """The teacher key does not match the class's key."""


class Throttled(BoardError):
    """Too many wrong tries or posts: wait ``retry_after`` seconds before trying again."""

    def __init__(self, message: str, retry_after: float):
        super().__init__(message)
        self.retry_after = float(retry_after)


class PostingClosed(BoardError):
    """The teacher closed posting for this class."""


class BoardFull(BoardError):
    """The class already holds as many runs as the board keeps."""


class InvalidInput(BoardError):
    """A value the board will not store; ``field`` names which one (e.g. "nickname")."""

    def __init__(self, message: str, field: str):
        super().__init__(message)
        self.field = field


# ------------------------------------------------------------------------------- limits
NICKNAME_MAX = 24
LABEL_MAX = 40          # page, model, a choice, a textual measured value
QUESTION_MAX = 200
SETTINGS_MAX_BYTES = 4096
CURVE_MAX_BYTES = 16384
MIN_CHOICES, MAX_CHOICES = 2, 6
FAILURE_WINDOW = 600.0  # wrong tries older than this are forgotten
FREE_FAILURES = 5       # wrong tries allowed in the window before each try must wait
MAX_WAIT = 60.0
POST_WINDOW = 60.0
SCOPE_MAX = 200         # who a wrong try is counted against: "client:<id>" or "class:<code>"
