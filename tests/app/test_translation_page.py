"""The translation page through AppTest: shift a digit, the whole test set, the drawing area, own models.

The page's models are small ones here (tests/app/conftest.py), trained in a second or two, so that
the page can be driven to its results; the real ones are trained by the browser tests' server.
"""

import pytest

from core.lesson import experiments
from core.texts import t
from tests.app.conftest import SMALL_TRANSLATION_MODELS, open_page
from tests.app.test_training_page import has_result, run_until

# the lesson's three models (small ones here) and the two convolutional networks shipped trained
MODELS = (*SMALL_TRANSLATION_MODELS, *experiments.SHIPPED_MODELS)
LABELS = {name: {lang: t(f"trans_model_{name}", lang) for lang in ("fr", "en")} for name in MODELS}


def ready_count(at) -> int:
    return sum(m.value.startswith(":material/check_circle:") for m in at.markdown)


def verdicts(at, lang):
    """{model label: (digit read, right?)} from the verdict lines."""
    found = {}
    for line in (m.value for m in at.markdown):
        for name, labels in LABELS.items():
            if line.startswith(f"**{labels[lang]}**"):
                digit = int(line.split("**")[3])
                found[name] = (digit, ":green[" in line)
    return found


def open_ready(lang="fr"):
    at = open_page("translation", lang)
    assert not at.exception
    assert at.title[0].value == t("trans_title", lang)
    return run_until(at, lambda a: ready_count(a) == len(MODELS), timeout=120)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_well_read_digit_breaks_when_shifted(lang):
    at = open_ready(lang)
    at.number_input(key="translation_digit").set_value(0).run()     # a 7 that every model reads
    assert all(right for _, right in verdicts(at, lang).values()) and len(verdicts(at, lang)) == len(MODELS)
    at.slider(key="translation_dx").set_value(6).run()
    shifted = verdicts(at, lang)
    assert not shifted["softmax"][1] and not shifted["mlp"][1], shifted
    assert at.number_input(key="translation_digit").value == 0
    assert len(at.get("plotly_chart")) == 3          # the two images, the probabilities, the sweep
    at.button(key="trans_recentre").click().run()
    assert at.slider(key="translation_dx").value == 0 and at.slider(key="translation_dy").value == 0
    assert all(right for _, right in verdicts(at, lang).values())


def test_a_well_recognised_digit_is_read_right_by_every_model():
    at = open_ready("en")
    chosen = set()
    for _ in range(3):
        at.button(key="trans_recognised").click().run()
        assert all(right for _, right in verdicts(at, "en").values()) and len(verdicts(at, "en")) == len(MODELS)
        chosen.add(at.number_input(key="translation_digit").value)
    assert len(chosen) > 1                            # at random among them
    at.button(key="trans_random").click().run()
    assert not at.exception


def test_the_whole_test_set_shows_the_collapse_and_the_remedy():
    at = open_ready("en")
    at.segmented_control(key="translation_section").set_value("test_set").run()
    readings = lambda a: [m.value for m in a.markdown if "unshifted" in m.value]  # noqa: E731
    run_until(at, lambda a: len(readings(a)) == len(MODELS) and len(a.get("plotly_chart")) == 2, timeout=120)
    values = {}
    for line in readings(at):
        numbers = [float(part.split("%")[0]) for part in line.split(": ", 1)[1].split("**") if "%" in part]
        values[line.split("**")[1]] = numbers[:2]    # (unshifted, at 4 pixels)
    plain, augmented = values[LABELS["mlp"]["en"]], values[LABELS["augmented"]["en"]]
    assert plain[1] < plain[0] - 30 and augmented[1] > plain[1] + 20, values
    at.segmented_control(key="translation_direction").set_value("diagonal").run()
    assert not at.exception and any("(diagonal)" in m.value for m in at.markdown)
    assert any(m.value.startswith(t("trans_remedy_text", "en", shift=4)[:40]) for m in at.markdown)


def test_the_drawing_area_waits_for_a_digit():
    at = open_ready("fr")
    at.segmented_control(key="translation_section").set_value("draw").run()
    assert not at.exception
    assert [i.value for i in at.info] == [t("trans_draw_prompt", "fr")]
    assert at.toggle(key="translation_skip_centering").value is False
    assert any(getattr(element, "key", None) == "trans_canvas_0" for element in at.main)
    at.button(key="trans_clear").click().run()
    assert any(getattr(element, "key", None) == "trans_canvas_1" for element in at.main)


def test_a_student_who_trained_the_ten_neuron_model_gets_it_tested():
    at = open_page("training", "en")
    at.select_slider(key="training_iterations").set_value(200).run()
    at.select_slider(key="training_train_size").set_value(5000).run()
    at.button(key="softmax_start").click().run()
    run_until(at, has_result("en"))
    at.switch_page("lesson_pages/5_translation.py").run()
    run_until(at, lambda a: ready_count(a) == len(MODELS), timeout=120)
    lines = [m.value for m in at.markdown if m.value.startswith(":material/check_circle:")]
    assert "yours" in lines[0] and t("trans_own_softmax", "en", rate="0.003", iterations="200") in lines[0], lines
    assert "yours" not in lines[1]
    at.toggle(key="trans_use_own").set_value(False).run()
    run_until(at, lambda a: ready_count(a) == len(MODELS), timeout=120)
    lines = [m.value for m in at.markdown if m.value.startswith(":material/check_circle:")]
    assert "yours" not in lines[0]


def test_a_models_prediction_on_a_digit_is_computed_once_for_the_server():
    """A class opens the page on the lesson's digit: each model predicts it once, not once per student."""
    from types import SimpleNamespace
    from uuid import uuid4

    import numpy as np

    from ui import translation_view as tv

    calls = []
    model = SimpleNamespace(key=("a test model", uuid4().hex))

    def compute():
        calls.append(1)
        return np.array([0.25, 0.75])

    first = tv.shared_prediction(model, ("moved", 3, 1, 0), compute)
    again = tv.shared_prediction(model, ("moved", 3, 1, 0), compute)
    moved = tv.shared_prediction(model, ("moved", 3, 2, 0), compute)
    other = tv.shared_prediction(SimpleNamespace(key=("another model", uuid4().hex)), ("moved", 3, 1, 0), compute)
    assert len(calls) == 3 and again is first and moved is not first and other is not first
    assert first.tolist() == [0.25, 0.75] and not first.flags.writeable  # shared: nobody may change it
