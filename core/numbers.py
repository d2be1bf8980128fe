"""Numbers as a person reads them, in French or in English.

French typography (Imprimerie nationale's rules, as a French teacher expects them): a decimal
comma, thousands separated by a narrow no-break space (U+202F: 60 000, which a projected line
never breaks) and a no-break space (U+00A0) between a number and its unit or "%" (92 %).
English: a decimal point, thousands marked by commas (60,000), "92%" and "12.5 s".
"""

from __future__ import annotations

import re

NBSP = "\u00a0"    # no-break space: before ":" and "%", inside « », between a number and its unit
NNBSP = "\u202f"   # narrow no-break space: before ";" "!" "?", and between thousands
_GROUPS = re.compile(r"(\d)(?=(\d{3})+(?!\d))")


def _group(integer_part: str, separator: str) -> str:
    return _GROUPS.sub(r"\1" + separator, integer_part)


def format_number(value: float, decimals: int | None, lang: str) -> str:
    """A number as a person reads it: decimal comma in French, point in English.

    ``decimals=None`` writes the shortest form with up to 6 significant digits. In French,
    a whole part of 5 digits or more has its thousands marked (22 026,47), as French does.
    """
    text = f"{value:.6g}" if decimals is None else f"{value:.{decimals}f}"
    if text.startswith("-") and float(text) == 0:
        text = text[1:]
    if lang != "fr":
        return text
    whole, dot, rest = text.partition(".")
    digits = whole.lstrip("-")
    if digits.isdigit() and len(digits) >= 5:
        whole = whole[:len(whole) - len(digits)] + _group(digits, NNBSP)
    return whole + ("," if dot else "") + rest


def format_count(count: int, lang: str) -> str:
    """A whole number with its thousands marked: 10 000 (narrow no-break spaces) in French, 10,000 in English.

    French leaves a number of four digits whole (2000, as the Imprimerie nationale does), English does not (2,000).
    """
    if lang == "fr":
        return format_number(int(count), 0, lang)
    return f"{int(count):,}"


def format_percent(value: float, decimals: int | None, lang: str) -> str:
    """A percentage (``value`` already in %): "92,35 %" (no-break space) in French, "92.35%" in English."""
    return format_number(value, decimals, lang) + (NBSP + "%" if lang == "fr" else "%")


def format_unit(value: float, decimals: int | None, unit: str, lang: str) -> str:
    """A measure and its unit ("12,5 s", "12.5 s"), never split at the end of a line."""
    return format_number(value, decimals, lang) + NBSP + unit


def format_vector(values, decimals: int | None, lang: str) -> str:
    """A vector as written in the lesson: ``(0,01; 0,08)`` or ``(0.01, 0.08)``."""
    separator = "; " if lang == "fr" else ", "
    return "(" + separator.join(format_number(v, decimals, lang) for v in values) + ")"
