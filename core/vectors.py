"""Read a vector typed by a student, in French or English notation.

Accepted: ``1; 3; 2,5; 5`` (French: ';' separates, ',' is the decimal mark),
``1 3 2,5 5`` (spaces separate, ',' is a decimal mark), ``1, 3, 2.5, 5`` and
``1,3,2.5,5`` (English: ',' separates, '.' is the decimal mark), with optional
brackets and an optional ``z =`` in front. A ',' is read as a decimal mark
only where it cannot be a separator.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

import numpy as np

MIN_VALUES = 2
MAX_VALUES = 50
MAX_ABS_VALUE = 1e6
MAX_TEXT_LENGTH = 2000

_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
_PREFIX = re.compile(r"^\s*[A-Za-z]\w*\s*=\s*")
# A French number's thousands (1 000 000, as core.numbers writes it): a narrow or plain no-break
# space, or a thin space, between digits marks a group, never a separation between two values.
_GROUP_MARK = re.compile(r"(?<=\d)[\u202f\u00a0\u2009](?=\d{3}(?!\d))")


@dataclass
class VectorError(ValueError):
    """Why a text is not a valid vector: ``code`` names a message in core.texts."""

    code: str
    details: dict = field(default_factory=dict)

    def __str__(self) -> str:
        return f"{self.code} {self.details}"


def _tokens(text: str) -> list[str]:
    if ";" in text:
        # French notation: ';' (or blanks) separate, ',' is the decimal mark
        return [tok.replace(",", ".") for tok in re.split(r"[;\s]+", text) if tok]
    chunks = [chunk for chunk in re.split(r"\s+", text) if chunk]
    comma_is_decimal = "." not in text and len(chunks) > 1 and not re.search(r",\s|\s,", text)
    if comma_is_decimal:
        return [chunk.replace(",", ".") for chunk in chunks]
    return [tok for tok in re.split(r"[,\s]+", text) if tok]


def parse_vector(text: str, min_values: int = MIN_VALUES, max_values: int = MAX_VALUES,
                 max_abs: float = MAX_ABS_VALUE) -> np.ndarray:
    """Parse ``text`` into a float vector or raise :class:`VectorError`."""
    if text is None or not str(text).strip():
        raise VectorError("vector_empty")
    text = str(text)
    if len(text) > MAX_TEXT_LENGTH:
        raise VectorError("vector_too_long", {"max": max_values})
    text = _PREFIX.sub("", _GROUP_MARK.sub("", text).strip())
    text = text.strip().strip("()[]{}").strip()
    tokens = _tokens(text)
    if not tokens:
        raise VectorError("vector_empty")
    values = []
    for token in tokens:
        if not _NUMBER.match(token):
            lowered = token.lower().lstrip("+-")
            if lowered in {"nan", "inf", "infinity", "∞"}:
                raise VectorError("vector_not_finite", {"token": token})
            raise VectorError("vector_not_a_number", {"token": token})
        value = float(token)
        if not math.isfinite(value) or abs(value) > max_abs:
            raise VectorError("vector_too_large", {"token": token, "max": max_abs})
        values.append(value)
    if len(values) > max_values:
        raise VectorError("vector_too_long", {"max": max_values, "count": len(values)})
    if len(values) < min_values:
        raise VectorError("vector_too_short", {"min": min_values, "count": len(values)})
    return np.array(values, dtype=float)


