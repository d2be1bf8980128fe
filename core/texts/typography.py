"""French typography, applied once to every French text when the texts are loaded.

The texts are written with ordinary spaces, as anyone types them; French puts a space that a
line never breaks before its high punctuation and inside its quotation marks, or a projected
line may end on "92" and start the next with "%". So that no text (nor one added later) can
forget it, the French texts are set here, once, at import:

- a no-break space (U+00A0) before ":" and "%", inside « », and between a number and its unit
  ("12 s", "3 h");
- a narrow no-break space (U+202F) before ";", "!" and "?", and between thousands (60 000).

Only a space that is there is replaced: the lesson's vectors (0,01; 0,08), a URL's "http:" or
Streamlit's ":green[...]" have none. ``tests/unit/test_typography.py`` checks every text as a
page shows it, values filled in.
"""

from __future__ import annotations

import re

from core.numbers import NBSP, NNBSP

_RULES = (
    (re.compile(r"« +"), "«" + NBSP),
    (re.compile(r" +»"), NBSP + "»"),
    (re.compile(r" +([;!?])"), NNBSP + r"\1"),
    (re.compile(r" +:(?=\s|$|\*|\))"), NBSP + ":"),    # a colon as punctuation, not ":green[" nor "http:"
    (re.compile(r" +%"), NBSP + "%"),
    (re.compile(r"(?<=\d) (?=\d{3}(?!\d))"), NNBSP),   # 60 000, 1 000 000
    (re.compile(r"(?<=[\d}]) (?=[sh]\b(?!'))"), NBSP),  # 12 s, {hours} h
)


def french(text: str) -> str:
    """``text`` with French typography's no-break spaces (see the module's docstring)."""
    for pattern, replacement in _RULES:
        text = pattern.sub(replacement, text)
    return text
