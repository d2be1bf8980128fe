"""The text keys built while the app runs: a prefix, and every value it is completed with.

A page that writes ``direction_`` + the chosen direction names a family of keys, one per
value. Each family is declared here with all its values, so that a missing text shows in the
tests (``tests/unit/test_texts.py`` resolves every family) and not only when a student picks
that one option; ``ui.common.tr_choice`` and ``ui.common.option_labels`` refuse a prefix or a
value that is not declared. The widgets' option labels come from the settings' declarations.
"""

from __future__ import annotations

from core.data import PROBLEMS as DATA_PROBLEMS
from core.figures.board import TABLE_COLUMNS
from core.figures.dashboard import RUN_COLUMNS
from core.lesson import convolution, examples, experiments, slides, translation
from core.models import mlp
from core.settings.pages import PAGES, VIEWS
from core.teacher import glossary, plan

MODELS = ("softmax", "mlp", "cnn")                   # the models a student trains on a page
TESTED_MODELS = (*experiments.TRANSLATION_MODELS, *experiments.SHIPPED_MODELS)  # the translation page's models


def _option_families() -> dict[str, tuple]:
    """Each declared setting's option labels: its prefix and its choices."""
    found: dict[str, set] = {}
    for groups in PAGES.values():
        for group in groups:
            for declared in group.declared():
                if declared.option_prefix is not None:
                    found.setdefault(declared.option_prefix, set()).update(declared.choices)
    return {prefix: tuple(sorted(values, key=str)) for prefix, values in found.items()}


FAMILIES: dict[str, tuple] = {
    **_option_families(),
    "direction_": translation.DIRECTIONS,
    "trans_model_": TESTED_MODELS,
    "trans_model_default_": TESTED_MODELS,
    "model_": MODELS,
    "col_": RUN_COLUMNS,
    "col_board_": TABLE_COLUMNS,
    "explain_": tuple(view for view in VIEWS if view != "all"),
    "preset_": tuple(mlp.PRESETS),
    "filter_": (*convolution.PRESETS, "custom"),
    "conv_similarity_": ("pixels", "features"),  # core.lesson.convolution.feature_similarity
    "conv_source_": ("test", "drawing"),
    "speed_": ("pixel", "row"),
    "remedy_": ("none", *experiments.REMEDIES),
    "precision_shown_": ("truncate", "round"),
    "shape_": tuple(name for name, _, _ in examples.shapes(1)),
    "board_kind_": ("number", "choice"),  # a class board question asks for a number or a choice
    "board_err_invalid_": ("nickname", "answer", "question", "choices", "range"),
    "data_problem_": DATA_PROBLEMS,  # what is wrong with the MNIST file (core.data.MnistDataError)
    "slide_claim_": slides.CLAIM_IDS,     # what a slide box's measured value is
    "slide_why_": slides.CLAIM_IDS,       # why it differs from the slide's number
    "slide_absent_": slides.OPENED_ON_A_PAGE,  # where to go to measure it
    "teacher_work_": plan.SERVER_WORK + plan.SHIPPED_WORK,    # what the server computes at start
    "plan_project_": plan.PART_IDS,       # the lesson's parts: what to project, say, ask, expect
    "plan_say_": plan.PART_IDS,
    "plan_ask_": plan.PART_IDS,
    "plan_expected_": plan.PART_IDS,
    "question_": tuple(plan.QUESTIONS),   # the prepared questions
    "question_choice_": tuple(dict.fromkeys(choice for question in plan.QUESTIONS.values() for choice in question.choices)),
    "handout_row_": plan.HANDOUT_CLAIMS,
    "handout_bar_": plan.HANDOUT_BARS,
    "glossary_term_": glossary.TERM_IDS,
    "glossary_def_": glossary.TERM_IDS,
}


def key(prefix: str, value) -> str:
    """The text key of ``value`` in family ``prefix``; KeyError if either is not declared."""
    if value not in FAMILIES[prefix]:
        raise KeyError(f"{value!r} is not declared in the text family {prefix!r}")
    return f"{prefix}{value}"
