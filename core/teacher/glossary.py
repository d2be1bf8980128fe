"""The lesson's words, in French and English, each tied to the page that uses it first.

A term's words and its definition are text keys (``glossary_term_<id>``, ``glossary_def_<id>``,
core.texts.teacher). Every lesson page shows the terms it introduces in one line under its slide
box (ui.glossary), each opening its definition in place; the teacher's page lists them all.
"""

from __future__ import annotations

# (term, the page that uses it first), in the lesson's order
TERMS: tuple[tuple[str, str], ...] = (
    ("neuron", "home"),
    ("softmax", "softmax"),
    ("logit", "softmax"),
    ("sigmoid", "softmax"),
    ("one_hot", "softmax"),
    ("cross_entropy", "softmax"),
    ("supervised_learning", "training"),
    ("weight", "training"),
    ("bias", "training"),
    ("batch", "training"),
    ("learning_rate", "training"),
    ("gradient_descent", "training"),
    ("loss", "training"),
    ("accuracy", "training"),
    ("epoch", "five-layers"),
    ("relu", "five-layers"),
    ("overfitting", "overfitting"),
    ("convolution", "convolution"),
    ("filter", "convolution"),
    ("pooling", "convolution"),
)

TERM_IDS = tuple(term for term, _ in TERMS)
# Named by the deck's slide of that page (« Apprentissage supervisé » on the 10-neuron model's,
# « Logits » on L = X·W + b's, « Minimisation de la fonction de coût » on the training's), not by
# the page's own text (which says "perte", "loss"): the teacher says them.
FROM_THE_SLIDE = ("supervised_learning", "logit", "loss")


def terms_for(page: str) -> tuple[str, ...]:
    """The terms ``page`` introduces (uses first in the lesson)."""
    return tuple(term for term, first in TERMS if first == page)
