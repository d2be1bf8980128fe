"""Who may do what on the class board: class codes, teacher keys, and slowing down guessers.

A class is found by its *code*, six characters read aloud to the room (``K7P-4QA``), drawn
from an alphabet without lookalikes (no 0/O, 1/I/L, 2/Z, 5/S, 8/B) and accepted however a
student types it. The teacher's *key* opens the class's controls; only its salted PBKDF2 hash
is stored. Guessing either is slowed down: each wrong try is counted against a *scope* (the
browser session that tried, and for a key the class itself, since guesses may come from many
sessions), and past a few free tries every new try waits, twice as long each time, up to a
minute. The store keeps the counts in its database; the rules are here.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import secrets
from typing import Any

from core.board.errors import FREE_FAILURES, MAX_WAIT, SCOPE_MAX, WrongCode

CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"  # no 0/O, 1/I/L, 2/Z, 5/S, 8/B lookalikes
CODE_LENGTH = 6
_CODE_SEPARATORS = set(" -_.\u2010\u2011\u2012\u2013\u2014\u2212")
KEY_ITERATIONS = 100_000


# -------------------------------------------------------------------------------- codes
def new_code() -> str:
    """A fresh random class code such as ``K7P-4QA``: 3 + 3 characters easy to read aloud."""
    chars = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return f"{chars[:3]}-{chars[3:]}"


def normalize_code(text: str) -> str:
    """``text`` as typed by a student (any case, spaces, dashes) as ``XXX-XXX``, or WrongCode."""
    if not isinstance(text, str):
        raise WrongCode("a class code is six characters, like K7P-4QA")
    chars = "".join(char for char in text if char not in _CODE_SEPARATORS and not char.isspace()).upper()
    if len(chars) != CODE_LENGTH or any(char not in CODE_ALPHABET for char in chars):
        raise WrongCode("a class code is six characters, like K7P-4QA")
    return f"{chars[:3]}-{chars[3:]}"


# ------------------------------------------------------------------------- teacher keys
def new_key() -> str:
    """A fresh random teacher key (16 characters), for a class without the installation's key."""
    return secrets.token_urlsafe(12)


@functools.lru_cache(maxsize=256)
def _derive(key: str, salt: bytes, iterations: int) -> bytes:
    # cached: a teacher's board checks the same key on every refresh; PBKDF2 is slow on purpose
    return hashlib.pbkdf2_hmac("sha256", key.encode("utf-8", "surrogatepass"), salt, iterations)


def hash_key(key: str) -> str:
    """The key as stored: ``pbkdf2_sha256$<iterations>$<salt>$<digest>``, a new salt each time."""
    salt = secrets.token_bytes(16)
    return f"pbkdf2_sha256${KEY_ITERATIONS}${salt.hex()}${_derive(key, salt, KEY_ITERATIONS).hex()}"


def key_matches(key: Any, stored: str) -> bool:
    """Whether ``key`` is the one ``stored`` was hashed from (False for anything but a non-empty text)."""
    if not isinstance(key, str) or not key:
        return False
    try:
        scheme, iterations, salt, digest = stored.split("$")
        candidate = _derive(key, bytes.fromhex(salt), int(iterations))
    except ValueError:
        return False
    return scheme == "pbkdf2_sha256" and hmac.compare_digest(candidate, bytes.fromhex(digest))


# ---------------------------------------------------------------------------- wrong tries
def client_scope(client: str) -> str:
    """The scope of one browser session's wrong tries."""
    return f"client:{client}"[:SCOPE_MAX]


def class_scope(code: str) -> str:
    """The scope of the wrong keys tried on one class, from any session."""
    return f"class:{code}"


def throttle_wait(failures: int, last: float, now: float) -> float:
    """How long a scope with ``failures`` recent wrong tries, the last at ``last``, still waits (<= 0: none).

    The first FREE_FAILURES tries are free; then each try waits 1, 2, 4... seconds after the
    last one, at most MAX_WAIT.
    """
    if failures < FREE_FAILURES:
        return 0.0
    return last + min(MAX_WAIT, 2.0 ** min(failures - FREE_FAILURES, 16)) - now
