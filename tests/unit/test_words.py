"""The lesson's words, as a French teacher reads them: one term a notion, the lesson's own words, no slips,
and texts short enough for a projected slide.
"""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from core import texts
from core.texts import families

ROOT = Path(__file__).resolve().parents[2]
PAGE_SOURCES = [ROOT / "lesson.py", *sorted((ROOT / "lesson_pages").glob("*.py")), *sorted((ROOT / "ui").glob("*.py"))]
FRENCH = {key: entry["fr"] for key, entry in texts.TEXTS.items()}

# ------------------------------------------------------------------------------- one term a notion
# Accuracy is "taux de réussite" (or "réussite" in a short label): what it measures, the share of
# digits read right, in the words a lycéen uses for a mark. "Précision" is a false friend (the
# precision of a classifier is another measure), "exactitude" the normative term (ISO 5725,
# scikit-learn's French documentation) but opaque to a class.
ACCURACY = re.compile(r"\bpr[ée]cision\b", re.IGNORECASE)


@pytest.mark.parametrize("key", sorted(FRENCH))
def test_accuracy_is_the_taux_de_reussite(key):
    assert not ACCURACY.search(FRENCH[key])


# The students read "log" as base 10: the natural logarithm of the cross-entropy is written ln.
LOG = re.compile(r"\blog\b|\\log\b")


@pytest.mark.parametrize("key", sorted(texts.TEXTS))
def test_the_natural_logarithm_is_ln_in_every_text(key):
    assert not any(LOG.search(text) for text in texts.TEXTS[key].values())


def test_the_formulas_and_axes_write_ln():
    sources = [*PAGE_SOURCES, *sorted((ROOT / "core" / "figures").glob("*.py"))]
    found = [f"{source.name}: {line.strip()}" for source in sources for line in source.read_text().splitlines()
             if re.search(r"\\log\b|[\"'−-]log\(", line) and "np.log" not in line]
    assert found == []


def test_the_lesson_s_own_words_are_used():
    """The deck's words (/work/shared/lesson/deck.txt): "Minimisation de la fonction de coût",
    "Apprentissage supervisé", "Dans les années 80 => Systèmes Experts", "Autre méthode avec le
    connexionnisme"."""
    everything = " ".join(FRENCH.values()).lower()
    for words in ("fonction de coût", "apprentissage supervisé", "connexionnisme", "systèmes experts des années 80"):
        assert words in everything, words


# ----------------------------------------------------------------------------------- agreement
def test_decimals_agree_with_their_number():
    for lang, one, two in (("fr", "1 décimale", "2 décimales"), ("en", "1 decimal", "2 decimals")):
        for mode in families.FAMILIES["precision_shown_"]:
            key = families.key("precision_shown_", mode)
            for count, expected in ((1, one), (2, two)):
                word = "decimal_place" if texts.singular(count, lang) else "decimal_places"
                assert expected in texts.t(key, lang, places=texts.t(word, lang, count=count))
    assert texts.singular(0, "fr") and not texts.singular(0, "en")  # "0 décimale", "0 decimals"


def test_a_shift_s_direction_agrees_with_the_word_shift():
    """"décalage" is masculine: a direction is written horizontal, not horizontale, wherever it goes."""
    for key, text in FRENCH.items():
        if "{direction}" not in text:
            continue
        for direction in families.FAMILIES["direction_"]:
            label = texts.t(families.key("direction_", direction), "fr")
            assert not label.endswith("e"), label
    assert texts.t("trans_direction", "fr") == "Décalage"


# ------------------------------------------------------------------------- short, for a projector
# One idea in two lines of a projected slide (about 20 words a line in the app's wide column): a
# text shown unfolded has at most this many words. Tooltips ("_help") open on demand; the rest of
# an explanation is a "_more" text, folded in an expander by ui.common.folded.
MAX_WORDS_SHOWN = 40


# Never projected: the teacher's page is read on the teacher's own screen, the handout is printed.
NOT_PROJECTED = set(texts.teacher.TEXTS) | set(texts.handout.TEXTS)


def shown_unfolded(key: str) -> bool:
    return not key.endswith(("_help", "_more")) and key not in NOT_PROJECTED


def words(text: str) -> int:
    return len(re.sub(r"[*_`]", "", text).split())


@pytest.mark.parametrize("key", sorted(k for k in FRENCH if shown_unfolded(k)))
def test_a_text_shown_unfolded_fits_two_projected_lines(key):
    for lang in texts.LANGUAGES:
        entry = texts.TEXTS[key][lang]
        names = {name for _, name, _, _ in string.Formatter().parse(entry) if name}
        assert words(texts.t(key, lang, **{name: "7" for name in names})) <= MAX_WORDS_SHOWN, (lang, entry)


def test_folded_texts_are_shown_only_folded():
    """A "_more" text is only ever shown through ui.common.folded, which puts it in an expander."""
    misplaced, folded = [], set()
    for source in PAGE_SOURCES:
        for node in ast.walk(ast.parse(source.read_text())):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
            first = node.args[0]
            if isinstance(first, ast.Constant) and first.value in texts.TEXTS and first.value.endswith("_more"):
                (folded.add(first.value) if name == "folded" else misplaced.append(f"{source.name}:{node.lineno}"))
    assert misplaced == []
    assert folded == {key for key in texts.TEXTS if key.endswith("_more")}
