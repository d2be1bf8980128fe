"""What students and teachers type or share, checked before the board stores it.

The board is written to by every browser of a class, so nothing reaches the database unchecked:
text is one line of printable characters (Unicode spaces made plain, runs of them collapsed)
within its limit, numbers are finite and within their range, a seed is a whole number that fits
the column, and JSON is plain data (numbers, text, lists, mappings) of bounded size. Each check
returns the value as it will be stored, or raises :class:`~core.board.errors.InvalidInput`
naming the field, which the UI turns into a sentence.
"""

from __future__ import annotations

import json
import math
import numbers
import unicodedata
from collections.abc import Mapping
from typing import Any

from core.board.errors import NICKNAME_MAX, InvalidInput


def plain_text(value: Any, field: str, limit: int, what: str, allow_empty: bool = False) -> str:
    """``value`` as one line of printable text: Unicode spaces made plain, runs of them collapsed."""
    if not isinstance(value, str):
        raise InvalidInput(f"the {what} must be text", field)
    text = unicodedata.normalize("NFC", value)
    text = "".join(" " if unicodedata.category(char) == "Zs" else char for char in text)
    if not text.isprintable():
        raise InvalidInput(f"the {what} contains control characters", field)
    text = " ".join(text.split())
    if not text and not allow_empty:
        raise InvalidInput(f"the {what} is empty", field)
    if len(text) > limit:
        raise InvalidInput(f"the {what} is longer than {limit} characters", field)
    return text


def clean_nickname(nickname: str) -> str:
    """The nickname as stored ("" for none), or InvalidInput(field="nickname")."""
    return plain_text(nickname, "nickname", NICKNAME_MAX, "nickname", allow_empty=True)


def real(value: Any, field: str, low: float | None = None, high: float | None = None) -> float | None:
    """``value`` as a finite float (None stays None) within [low, high], or InvalidInput."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise InvalidInput(f"{field} must be a number", field)
    number = float(value)
    if not math.isfinite(number):
        raise InvalidInput(f"{field} must be a finite number", field)
    if (low is not None and number < low) or (high is not None and number > high):
        raise InvalidInput(f"{field} must be between {low:g} and {high:g}", field)
    return number


def _plain_json(value: Any) -> Any:
    """json.dumps' fallback: NumPy scalars and arrays (anything with .tolist()) as plain lists/numbers."""
    tolist = getattr(value, "tolist", None)
    if callable(tolist):
        return tolist()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def json_object(value: Any, field: str, limit: int) -> str:
    """A mapping as compact JSON text of at most ``limit`` bytes (tuples become lists), or InvalidInput."""
    if not isinstance(value, Mapping):
        raise InvalidInput(f"{field} must be a mapping", field)
    try:
        text = json.dumps(dict(value), allow_nan=False, ensure_ascii=False, separators=(",", ":"),
                          default=_plain_json)
    except (TypeError, ValueError, RecursionError):
        raise InvalidInput(f"{field} cannot be stored as JSON (only numbers, text, lists, mappings)",
                           field) from None
    if len(text.encode("utf-8")) > limit:
        raise InvalidInput(f"{field} is larger than {limit} bytes as JSON", field)
    return text


def clean_seed(value: Any) -> int | None:
    """A run's seed as stored: None, or a whole number that fits a signed 64-bit column."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or not -2**63 <= int(value) < 2**63:
        raise InvalidInput("seed must be a whole number", "seed")
    return int(value)
