"""The lesson in 55 minutes: for each page, what to project, say and ask, and the answer to expect.

Each part's words are text keys (core.texts.teacher); its expected answer names the measurements
that fill it in (core.lesson.measures), read from the server like the slide boxes. Each part has
one or two :class:`Question` ready to ask on the class board in one click (``core.board.store.ask``)
and to reveal beside the value the app measured.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.lesson import experiments, measures

LESSON_MINUTES = 55
# what the server computes for the lesson at start (ui.warm_up), by name
SERVER_WORK = (*experiments.TRANSLATION_MODELS, "reference")
SHIPPED_WORK = tuple(experiments.SHIPPED_MODELS)  # the convolutional networks, loaded from data/ at start


@dataclass(frozen=True)
class Question:
    """A predict-then-reveal question: asked on the board, revealed beside measurement ``measure``."""

    id: str
    measure: str
    low: float | None = None    # a number question's bounds (in the unit students answer in)
    high: float | None = None

    @property
    def kind(self) -> str:
        return "choice" if measures.measure(self.measure).unit == "choice" else "number"

    @property
    def choices(self) -> tuple[str, ...]:
        return measures.CHOICES.get(self.measure, ())

    def answer(self, value):
        """The measured value as students answer it: 92.4 for 0.924, a choice's id, a count."""
        if value is None:
            return None
        unit = measures.measure(self.measure).unit
        if unit == "percent":
            return round(measures.as_percent(value), 1)
        if unit in ("count", "pixels"):
            return int(value)
        return value


@dataclass(frozen=True)
class Part:
    """One part of the lesson: a page, its minutes, and its questions (the words are text keys ``plan_*_<id>``)."""

    id: str
    page: str                     # the page's url path
    minutes: int
    expected: tuple[str, ...]     # the measurements its expected answer quotes (placeholders of plan_expected_<id>)
    questions: tuple[Question, ...] = ()


PARTS: tuple[Part, ...] = (
    Part("home", "home", 5, ("pixels", "train_digits", "test_digits"),
         (Question("pixels", "pixels", 0, 2000),)),
    Part("softmax", "softmax", 7, ("softmax_z_largest",),
         (Question("softmax", "softmax_z_largest", 0, 100),)),
    Part("training", "training", 10, ("softmax_test",),
         (Question("ten", "softmax_test", 0, 100),)),
    Part("five_layers", "five-layers", 10, ("mlp_test", "mlp_train"),
         (Question("five", "mlp_test", 0, 100), Question("five_train", "mlp_train", 0, 100))),
    Part("overfitting", "overfitting", 8, ("overfit_train", "overfit_test"),
         (Question("overfit", "overfit_which"),)),
    Part("translation", "translation", 7, ("shift_mlp_half", "shift_mlp_4", "shift_augmented_4"),
         (Question("shift", "shift_mlp_half", 0, 8), Question("robust", "shift_most_robust"))),
    Part("convolution", "convolution", 6, ("cnn_test", "cnn_global_4"),
         (Question("convolution", "cnn_global_4", 0, 100),)),
    Part("board", "board", 2, ()),
)

PART_IDS = tuple(part.id for part in PARTS)

# what the students' handout shows (core.teacher.handout): the slides' claims, the measured
# accuracies as bars, and the words
HANDOUT_CLAIMS = ("training_92", "five_test", "five_train", "overfit", "plateau", "translation", "convolution")
HANDOUT_BARS = ("softmax_test", "mlp_test", "cnn_test", "shift_mlp_4", "shift_augmented_4", "cnn_global_4")
HANDOUT_TERMS = ("softmax", "cross_entropy", "batch", "learning_rate", "gradient_descent", "epoch", "accuracy",
                 "overfitting", "convolution", "pooling")
QUESTIONS: dict[str, Question] = {question.id: question for part in PARTS for question in part.questions}


def total_minutes() -> int:
    return sum(part.minutes for part in PARTS)


def schedule() -> list[tuple[Part, int, int]]:
    """(part, start minute, end minute) for each part, from 0 to LESSON_MINUTES."""
    found, start = [], 0
    for part in PARTS:
        found.append((part, start, start + part.minutes))
        start += part.minutes
    return found


def clock(minute: int) -> str:
    """0:05 for minute 5."""
    return f"{minute // 60}:{minute % 60:02d}"


def measures_needed() -> tuple[str, ...]:
    """Every measurement the plan quotes or reveals."""
    names = [name for part in PARTS for name in part.expected]
    names += [question.measure for part in PARTS for question in part.questions]
    return tuple(dict.fromkeys(names))
