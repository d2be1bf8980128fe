"""Numbers as a person reads them, in French or in English."""

from __future__ import annotations


def format_number(value: float, decimals: int | None, lang: str) -> str:
    """A number as a person reads it: decimal comma in French, point in English.

    ``decimals=None`` writes the shortest form with up to 6 significant digits.
    """
    text = f"{value:.6g}" if decimals is None else f"{value:.{decimals}f}"
    if text.startswith("-") and float(text) == 0:
        text = text[1:]
    return text.replace(".", ",") if lang == "fr" else text


def format_count(count: int, lang: str) -> str:
    """A whole number with its thousands marked: 10 000 in French, 10,000 in English."""
    return f"{int(count):,}".replace(",", " " if lang == "fr" else ",")


def format_vector(values, decimals: int | None, lang: str) -> str:
    """A vector as written in the lesson: ``(0,01; 0,08)`` or ``(0.01, 0.08)``."""
    separator = "; " if lang == "fr" else ", "
    return "(" + separator.join(format_number(v, decimals, lang) for v in values) + ")"
