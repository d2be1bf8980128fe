"""French typography in every French text as a page shows it, English typography in the English ones.

A French teacher projects the app: "92 %" must not break between "92" and "%", nor "60 000"
between its thousands, nor « un 0 » inside its quotation marks. French puts a no-break space
(U+00A0) before ":" and "%" and inside « », a narrow one (U+202F) before ";" "!" "?" and between
thousands, and writes a decimal comma. English writes none of those.
"""

from __future__ import annotations

import re
import string

import pytest

from core import texts
from core.numbers import NBSP, NNBSP, format_count, format_number, format_percent, format_unit, format_vector
from core.texts.typography import french

# ---------------------------------------------------------------- sample values, as the pages format them
DECIMALS = {"accuracy", "at0", "at_shift", "best", "p", "percent", "probability", "loss", "low", "end",
            "train", "test", "total", "median", "measured", "seconds", "fit_seconds", "feature_seconds",
            "value", "softmax", "mlp", "conv", "high", "rate", "t", "global_cnn"}
COUNTS = {"count", "digits", "n", "features", "step", "done", "every", "size", "batch", "epochs", "epoch",
          "position", "number", "id", "max", "min", "hours", "width", "height", "layers", "max_layers",
          "decimals", "shift", "row", "col", "digit", "truth", "label", "iterations", "seed", "side",
          "parameters"}
WORDS = {"vector", "dx", "dy", "unit", "direction", "model", "name", "token", "reason", "answer", "code",
         "secret", "error", "path", "problem", "settings", "shape", "act", "activation", "solver", "places",
         "expected", "allowed", "date", "deck", "deck_author", "event", "five_at", "five_url", "mnist", "mnist_authors",
         "mnist_url", "moment", "page", "speaker", "start", "talk", "term", "training_at", "training_url", "url",
         "points", "slide"}
# the lesson's measurements, written as percentages by core.lesson.slides.format_value
PERCENTS = {"beside", "cnn_global_4", "cnn_test", "mlp_test", "mlp_train", "overfit_test", "overfit_train",
            "shift_augmented_4", "shift_mlp_4", "softmax_test", "softmax_z_largest", "slide_test", "slide_train"}
COUNTS |= {"minutes", "progress", "students", "runs", "pixels", "test_digits", "train_digits", "shift_mlp_half",
           "shown", "rows"}  # a chart's values: the first {shown} rows of {rows}


def sample(name: str, lang: str) -> str:
    """A value of placeholder ``name`` written as the page writes it."""
    if name == "vector":
        return format_vector([0.01, 0.6, 12.5], 2, lang)
    if name in PERCENTS:
        return format_percent(92.35, 2, lang)
    if name in DECIMALS:
        return format_number(12345.25 if name in ("total",) else 92.35, 2, lang)
    if name in COUNTS:
        return format_count(60000 if name in ("digits", "n", "count", "features") else 3, lang)
    if name in ("dx", "dy"):
        return "+3"
    return {"fr": "mot", "en": "word"}[lang]


def filled(key: str, lang: str) -> str:
    text = texts.TEXTS[key][lang]
    names = {name for _, name, _, _ in string.Formatter().parse(text) if name}
    return texts.t(key, lang, **{name: sample(name, lang) for name in names}) if names else text


def test_every_placeholder_has_a_sample_value():
    names = {name for entry in texts.TEXTS.values() for _, name, _, _ in string.Formatter().parse(entry["fr"])
             if name}
    assert names - DECIMALS - COUNTS - WORDS - PERCENTS == set()


# What French typography leaves alone: code, links, a quoted example of what a student may type
# (the vector field accepts English notation, « 1, 3, 2.5 »), the name of a licence.
_VERBATIM = re.compile(r"`[^`]*`|\]\([^)]*\)|https?://\S+|«[^»]*»|CC BY-SA 3\.0")


def prose(text: str) -> str:
    return _VERBATIM.sub("«\u00a0…\u00a0»", text)


def french_problems(text: str) -> list[str]:
    """Where ``text`` breaks French typography, each as a few characters around the fault."""
    found = []

    def fault(pattern: str, why: str, source: str = None) -> None:
        source = prose(text) if source is None else source
        for match in re.finditer(pattern, source):
            found.append(f"{why}: {source[max(0, match.start() - 12):match.end() + 12]!r}")

    fault(r"[ \u00a0\u2009][;!?]", "a narrow no-break space (U+202F) before ; ! ?")
    fault(r"(?<![\u202f\d])[!?]", "a narrow no-break space (U+202F) before ! ?")
    fault(r"(?<![\u202f\d)])[;]", "a narrow no-break space (U+202F) before ;")  # (0,01; 0,08): the lesson's
    fault(r"(?<!\u00a0):(?=[\s*)]|$)", "a no-break space (U+00A0) before :")
    fault(r"(?<![\u00a0(])%", "a no-break space (U+00A0) before %")
    fault(r"«(?!\u00a0)|(?<!\u00a0)»", "no-break spaces (U+00A0) inside « »", text)
    fault(r"\d[ \u00a0]\d{3}(?!\d)", "a narrow no-break space (U+202F) between thousands")
    fault(r"(?<![\d.,\u202f])\d{5,}", "thousands marked (60 000)")
    fault(r"\d\.\d", "a decimal comma")
    fault(r"[\u201c\u201d]", "« » rather than English quotation marks")
    return found


def english_problems(text: str) -> list[str]:
    found = []
    for pattern, why in ((r"[ \u00a0\u202f\u2009](?:[;!?%]|:(?=\s|$))", "no space before : ; ! ? %"),
                         (r"[«»]", "English quotation marks"),
                         (r"\d[ \u00a0\u202f]\d{3}(?!\d)", "thousands marked by commas"),
                         (r"(?<![\d.,])\d{5,}(?![\d.]*\.\d)", "thousands marked by commas")):
        for match in re.finditer(pattern, prose(text).replace("«\u00a0…\u00a0»", "")):
            found.append(f"{why}: {text[max(0, match.start() - 12):match.end() + 12]!r}")
    return found


@pytest.mark.parametrize("key", sorted(texts.TEXTS))
def test_every_french_text_as_shown_follows_french_typography(key):
    assert french_problems(filled(key, "fr")) == []


@pytest.mark.parametrize("key", sorted(texts.TEXTS))
def test_every_english_text_as_shown_keeps_english_typography(key):
    assert english_problems(filled(key, "en")) == []


def test_the_checks_find_what_a_teacher_would_see():
    broken = " ".join(french_problems("Environ 92 % : 60 000 chiffres ; « un 0 » ? 0.5 et 10000"))
    for rule in ("before ; ! ?", "before :", "before %", "inside « »", "between thousands", "(60 000)",
                 "decimal comma"):
        assert rule in broken
    assert french_problems(french("Environ 92 % : 60 000 chiffres ; « un 0 » ? 0,5 !")) == []
    assert french_problems("softmax(z) = (0,01; 0,60)") == []           # the lesson's vector
    assert english_problems("About 92 % : 60 000") and english_problems("About 92%: 60,000") == []


def test_french_typography_leaves_what_is_not_punctuation():
    assert french("**{model}** lit **{digit}** — :green[juste]") == "**{model}** lit **{digit}** — :green[juste]"
    assert french("[MNIST](http://yann.lecun.com/exdb/mnist/)") == "[MNIST](http://yann.lecun.com/exdb/mnist/)"
    assert french("**Les poids :** chaque") == "**Les poids\u00a0:** chaque"
    assert french("en {seconds} s.") == "en {seconds}\u00a0s."
    assert french("3 3 est") == "3 3 est" and french("1 000 000") == "1\u202f000\u202f000"


# ------------------------------------------------------------------------------------- numbers
def test_numbers_as_a_french_teacher_writes_them():
    assert format_count(60000, "fr") == "60\u202f000" and format_count(60000, "en") == "60,000"
    assert format_number(22026.4658, 2, "fr") == "22\u202f026,47" and format_number(2202.5, 1, "fr") == "2202,5"
    assert format_number(-12345.0, 0, "fr") == "-12\u202f345" and format_number(12345.5, 1, "en") == "12345.5"
    assert format_percent(92.346, 2, "fr") == "92,35\u00a0%" and format_percent(92.346, 2, "en") == "92.35%"
    assert format_unit(1.25, 1, "s", "fr") == "1,2\u00a0s" and format_unit(1.25, 1, "s", "en") == "1.2\u00a0s"
    assert format_count(2000, "fr") == "2000" and format_count(2000, "en") == "2,000"
    assert NBSP == "\u00a0" and NNBSP == "\u202f"


def test_a_vector_written_with_french_thousands_reads_back():
    from core.vectors import parse_vector

    values = [1000000.0, -22026.5, 2.5]
    assert list(parse_vector(format_vector(values, None, "fr"))) == values
