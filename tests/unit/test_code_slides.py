"""The deck's code beside the app's (core.lesson.code): the app's side is its live source, every deck line is tied."""

import inspect
from pathlib import Path

import pytest

from core.lesson import code
from core.models.softmax_regression import SoftmaxSettings
from core.texts import TEXTS

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("name", sorted(code.SOURCES))
def test_the_shown_app_code_is_the_live_source(name):
    shown = code.source_lines(name)
    obj = code.SOURCES[name]
    assert "\n".join(shown.text) + "\n" == inspect.getsource(obj)
    # and it is what the file holds at those lines (the page names them: file:line)
    path = Path(inspect.getsourcefile(obj))
    on_disk = path.read_text().splitlines()[shown.first - 1:shown.last]
    assert list(shown.text) == on_disk
    if path.resolve().is_relative_to(ROOT):
        assert (ROOT / shown.path).resolve() == path.resolve()


@pytest.mark.parametrize("slide", code.SLIDES, ids=lambda slide: slide.id)
def test_every_line_of_the_decks_code_maps_to_app_lines_that_exist(slide):
    linked = [link.tf for link in slide.links]
    assert sorted(set(linked)) == sorted(set(slide.code_lines()))        # every code line, and nothing else
    for link in slide.links:
        assert link.ranges
        for lines in link.app_lines():                                   # every anchor found in the live source
            whole = code.source_lines(lines.source)
            assert whole.first <= lines.first <= lines.last <= whole.last
            assert lines.text[0].strip() and lines.where.startswith(lines.path)
        assert link.note is None or link.note in TEXTS


def test_the_decks_lesson_numbers_are_the_apps_defaults():
    model = code.slide("model")
    run = code.slide("run")
    assert "GradientDescentOptimizer(0.003)" in model.tf_code and "next_batch(100)" in run.tf_code
    assert SoftmaxSettings().learning_rate == 0.003 and SoftmaxSettings().batch_size == 100
    layers = code.slide("five_layers").code_lines()
    assert sum("tf.nn.sigmoid" in line for line in layers) == 4 and "tf.nn.softmax" in layers[-1]


def test_an_anchor_that_is_gone_is_said():
    with pytest.raises(LookupError):
        code.find("SoftmaxRegression.step", "no such line of code")
    with pytest.raises(LookupError):
        code.find("SoftmaxRegression.step", "work = images @ self.weights", "no such last line")


def test_the_pages_show_their_slides_and_the_full_sources_are_functions():
    assert [slide.id for slide in code.slides_for("training")] == ["init", "model", "run"]
    assert [slide.id for slide in code.slides_for("five-layers")] == ["five_layers"]
    assert code.slides_for("home") == ()
    names = code.sources_of(code.slides_for("training"))
    assert "SoftmaxRegression.step" in names and "softmax_module" not in names
