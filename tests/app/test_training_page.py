"""The training page through AppTest: a short run from Start to the result, and its controls."""

import time

import pytest

from core.numbers import format_count
from core.texts import t
from tests.app.conftest import open_page


def run_until(at, predicate, timeout=90.0):
    deadline = time.monotonic() + timeout
    while not predicate(at):
        assert time.monotonic() < deadline, "the page never got there"
        time.sleep(0.2)
        at.run()
        assert not at.exception, at.exception
    return at


def has_result(lang):
    return lambda at: any(h.value == t("final_title", lang) for h in at.header)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_short_run_from_start_to_result(lang):
    at = open_page("training", lang)
    assert [i.value for i in at.info] == [t("run_press_start", lang)]
    at.select_slider(key="training_iterations").set_value(500).run()
    at.select_slider(key="training_train_size").set_value(5000).run()
    at.button(key="softmax_start").click().run()
    assert not at.exception
    run_until(at, has_result(lang))
    metrics = {m.label: m.value for m in at.metric}
    accuracy = metrics[t("final_test_accuracy", lang)]
    assert 85 < float(accuracy.replace(",", ".").rstrip(" %")) < 95
    # the run is in this student's table, downloadable
    table = at.dataframe[-1].value
    assert table[t("col_iterations", lang)].tolist() == ["500"]
    assert table[t("col_train_digits", lang)].tolist() == ["5000" if lang == "fr" else "5,000"]  # four digits: no space in French
    assert at.get("download_button")


DASHBOARD_FIGURES = ("accuracy_figure", "loss_figure", "digits_figure", "weight_images_figure",
                     "layers_spread_figure", "biases_figure")


@pytest.fixture
def figures_built(monkeypatch):
    """How many dashboard figures were built (each renderer counted), from a cleared shared cache."""
    from core.figures import dashboard
    from ui import common

    common.shared_figure.clear()
    built = []
    for name in DASHBOARD_FIGURES:
        def counting(*args, _original=getattr(dashboard, name), _name=name, **kwargs):
            built.append(_name)
            return _original(*args, **kwargs)
        monkeypatch.setattr(dashboard, name, counting)
    yield built
    common.shared_figure.clear()


def first_step(at):
    at.select_slider(key="training_iterations").set_value(1000).run()
    at.button(key="softmax_step").click().run()
    return run_until(at, lambda a: any(p.proto.text.startswith(f"100 / {format_count(1000, 'fr')} ") for p in a.get("progress")))


def test_step_advances_one_measurement_then_pauses(figures_built):
    at = first_step(open_page("training"))
    time.sleep(0.5)
    at.run()
    assert [p.proto.text for p in at.get("progress")] == [f"100 / {format_count(1000, 'fr')} " + t("unit_iterations", "fr")]
    assert len(at.get("plotly_chart")) == 7 and len(figures_built) == 7
    # paused: nothing new, so the next rerun shows the very figures built before, not new ones
    at.run()
    assert len(at.get("plotly_chart")) == 7 and len(figures_built) == 7
    # a second student at the same point of the same run is shown them too, built once for both
    other = first_step(open_page("training"))
    assert len(figures_built) == 7
    assert [c.proto.spec for c in other.get("plotly_chart")] == [c.proto.spec for c in at.get("plotly_chart")]
    at.button(key="softmax_step").click().run()
    run_until(at, lambda a: any(p.proto.text.startswith(f"200 / {format_count(1000, 'fr')} ") for p in a.get("progress")))
    assert len(figures_built) == 14  # a new step: built anew
    at.button(key="softmax_reset").click().run()
    assert [i.value for i in at.info] == [t("run_press_start", "fr")]


def test_an_impossible_setting_is_refused_with_a_message():
    at = open_page("training")
    at.select_slider(key="training_iterations").set_value(100).run()
    at.select_slider(key="training_eval_every").set_value(500).run()
    assert [e.value for e in at.error] == [t("setting_interval_too_long", "fr", every=500, total=100)]
    assert at.button(key="softmax_start").disabled
