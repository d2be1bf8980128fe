"""AppTest helpers: run the real app script, switch pages, pick a language."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from core.lesson import experiments
from core.models import mlp, softmax_regression

APP = str(Path(__file__).resolve().parents[2] / "lesson.py")

PAGES = {
    "home": "lesson_pages/0_home.py",
    "softmax": "lesson_pages/1_softmax.py",
    "training": "lesson_pages/2_training.py",
    "five_layers": "lesson_pages/3_five_layers.py",
    "overfitting": "lesson_pages/4_overfitting.py",
    "translation": "lesson_pages/5_translation.py",
    "convolution": "lesson_pages/6_convolution.py",
    "board": "lesson_pages/7_board.py",
    "teacher": "lesson_pages/8_teacher.py",
}


def open_page(page: str, lang: str = "fr", timeout: float = 120) -> AppTest:
    """The app run once on ``page`` in ``lang``, as a student opening it would see it."""
    at = AppTest.from_file(APP, default_timeout=timeout)
    at.session_state["lang"] = lang
    at.run()
    if page != "home":
        at.switch_page(PAGES[page])
        at.run()
    return at


@pytest.fixture
def app_page():
    return open_page


# The translation page's models, small enough to be trained in a second or two: every AppTest
# that opens the page (test_pages included) uses these, never the real minute-long ones, which
# the browser tests' server trains.
SMALL_TRANSLATION_MODELS = {
    "softmax": softmax_regression.SoftmaxSettings(iterations=500, eval_every=100, train_size=10000),
    "mlp": mlp.MLPSettings(hidden_layers=(64,), activation="relu", epochs=3, train_size=10000, test_digits=2000),
    "augmented": mlp.MLPSettings(hidden_layers=(64,), activation="relu", epochs=3, train_size=10000,
                                 test_digits=2000, shift_augmentation=4),
}


@pytest.fixture(autouse=True)
def small_translation_models(monkeypatch):
    monkeypatch.setattr(experiments, "TRANSLATION_MODELS", SMALL_TRANSLATION_MODELS)


@pytest.fixture(autouse=True)
def board_database(tmp_path, monkeypatch):
    """Every AppTest's class board in its own SQLite file (never the app's var/ folder)."""
    from ui import board, server

    url = f"sqlite:///{tmp_path / 'board.sqlite3'}"
    monkeypatch.setenv("BOARD_DATABASE_URL", url)
    monkeypatch.delenv("BOARD_TEACHER_KEY", raising=False)
    server._store.clear()
    board.question_changed()
    yield url
    server._store.clear()
    board.question_changed()
