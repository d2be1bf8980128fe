"""Every sentence a person reads, in French (the lesson's language) and English, one module a page.

``t(key, lang, **values)`` returns the text of ``key`` in ``lang`` with the
``{placeholders}`` filled in. French is the default; an unknown language falls
back to French. A missing key raises ``KeyError``: a test checks that every key
has both languages and the same placeholders in each.

The modules write their texts with ordinary spaces; the French ones are given French
typography's no-break spaces here, once, when they are loaded (``typography.french``).
"""

from __future__ import annotations

from core.texts import (board, common, convolution, five_layers, handout, home, limits, links, slides, softmax, teacher,
                        training, translation)
from core.texts.typography import french

LANGUAGES = ("fr", "en")
DEFAULT_LANGUAGE = "fr"
LANGUAGE_NAMES = {"fr": "Français", "en": "English"}


def _merged(*modules) -> dict[str, dict[str, str]]:
    """Every page's texts in one table; a key defined twice is a mistake, found at import."""
    merged: dict[str, dict[str, str]] = {}
    for module in modules:
        doubled = merged.keys() & module.TEXTS.keys()
        if doubled:
            raise KeyError(f"text keys defined twice: {sorted(doubled)}")
        merged.update(module.TEXTS)
    return merged


def _typeset(table: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    """Every French text with French typography's no-break spaces (core.texts.typography)."""
    return {key: {lang: french(text) if lang == "fr" else text for lang, text in entry.items()}
            for key, entry in table.items()}


TEXTS = _typeset(_merged(common, home, softmax, training, five_layers, limits, translation, convolution, links, board,
                         slides, teacher, handout))


def t(key: str, lang: str = DEFAULT_LANGUAGE, **values) -> str:
    """The text of ``key`` in ``lang`` (French if ``lang`` is unknown), formatted."""
    entry = TEXTS[key]
    text = entry.get(lang if lang in LANGUAGES else DEFAULT_LANGUAGE)
    return text.format(**values) if values else text


def parse_language(value) -> str:
    """A language code from a URL or widget value; anything unknown gives French."""
    if isinstance(value, (list, tuple)):
        value = value[-1] if value else None
    value = str(value or "").strip().lower()[:2]
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def singular(count: int, lang: str) -> bool:
    """Whether ``count`` takes the singular: 0 and 1 in French ("0 décimale"), only 1 in English."""
    return count in (0, 1) if lang == "fr" else count == 1
