"""The training page through AppTest: a short run from Start to the result, and its controls."""

import time

import pytest

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
    at.select_slider(key="softmax_iterations").set_value(500).run()
    at.select_slider(key="softmax_train_size").set_value(5000).run()
    at.button(key="softmax_start").click().run()
    assert not at.exception
    run_until(at, has_result(lang))
    metrics = {m.label: m.value for m in at.metric}
    accuracy = metrics[t("final_test_accuracy", lang)]
    assert 85 < float(accuracy.replace(",", ".").rstrip(" %")) < 95
    # the run is in this student's table, downloadable
    table = at.dataframe[-1].value
    assert table[t("col_iterations", lang)].tolist() == [500]
    assert table[t("col_train_digits", lang)].tolist() == [5000]
    assert at.get("download_button")


def test_step_advances_one_measurement_then_pauses():
    at = open_page("training")
    at.select_slider(key="softmax_iterations").set_value(1000).run()
    at.button(key="softmax_step").click().run()
    run_until(at, lambda a: any(p.proto.text.startswith("100 / 1 000") for p in a.get("progress")))
    time.sleep(0.5)
    at.run()
    assert [p.proto.text for p in at.get("progress")] == ["100 / 1 000 " + t("unit_iterations", "fr")]
    # paused: nothing new, so the next rerun shows the very figures drawn before, not new ones
    drawn = dict(at.session_state["softmax_drawn"][1])
    assert set(drawn) == {"accuracy", "loss", "batch", "test", "weights", "weight_spread", "biases"}
    at.run()
    again = at.session_state["softmax_drawn"][1]
    assert all(again[name] is figure for name, figure in drawn.items())
    assert len(at.get("plotly_chart")) == 7
    at.button(key="softmax_step").click().run()
    run_until(at, lambda a: any(p.proto.text.startswith("200 / 1 000") for p in a.get("progress")))
    assert at.session_state["softmax_drawn"][1]["accuracy"] is not drawn["accuracy"]  # a new step: drawn anew
    at.button(key="softmax_reset").click().run()
    assert [i.value for i in at.info] == [t("run_press_start", "fr")]


def test_an_impossible_setting_is_refused_with_a_message():
    at = open_page("training")
    at.select_slider(key="softmax_iterations").set_value(100).run()
    at.select_slider(key="softmax_eval_every").set_value(500).run()
    assert [e.value for e in at.error] == [t("setting_interval_too_long", "fr", every=500, total=100)]
    assert at.button(key="softmax_start").disabled
