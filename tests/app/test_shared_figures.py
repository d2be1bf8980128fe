"""Charts built once for the server and shown to every student with the same settings."""

import json

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from core.figures import style
from tests.app.conftest import APP, PAGES, open_page
from ui import common


@pytest.fixture
def bars_built(monkeypatch):
    """How many times the softmax page's bar charts were built, from a cleared shared cache."""
    common.shared_figure.clear()
    built = []
    original = style.bars

    def counting(*args, **kwargs):
        built.append(args[1])  # the chart's title
        return original(*args, **kwargs)

    monkeypatch.setattr(style, "bars", counting)
    yield built
    common.shared_figure.clear()


def specs(at) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def test_a_class_opening_the_softmax_page_has_its_charts_built_once(bars_built):
    first = open_page("softmax")
    assert len(bars_built) == 3  # z, softmax, sigmoid
    second = open_page("softmax")
    assert len(bars_built) == 3 and specs(second) == specs(first)
    # moving a widget of one section reruns the page: the other charts are not built again
    second.slider(key="softmax_decimals").set_value(3).run()
    assert len(bars_built) == 5  # the softmax and sigmoid bars write 3 decimals now; z's did not change
    second.text_input(key="softmax_vector").set_value("1; 2; 3").run()
    assert len(bars_built) == 8 and not second.exception
    z_bars = specs(second)[0]["data"][0]
    assert z_bars["type"] == "bar" and z_bars["text"] == ["1,00", "2,00", "3,00"]


def test_english_and_presenter_mode_get_their_own_charts(bars_built):
    french = open_page("softmax")
    english = open_page("softmax", "en")
    assert len(bars_built) == 6
    assert specs(english)[1]["layout"]["title"]["text"] != specs(french)[1]["layout"]["title"]["text"]
    projector = AppTest.from_file(APP, default_timeout=60)
    projector.query_params["present"] = "1"
    projector.run()
    projector.switch_page(PAGES["softmax"]).run()
    assert len(bars_built) == 9  # larger type and height: not the students' figures
    assert specs(projector)[1]["layout"]["height"] > specs(french)[1]["layout"]["height"]


def test_frozen_arguments_tell_arrays_apart_by_their_values():
    a, b = np.array([1.0, 2.0]), np.array([1.0, 2.0])
    assert common.frozen((a, {"y": [a]})) == common.frozen((b, {"y": [b]}))
    assert common.frozen(a) != common.frozen(np.array([1.0, 2.5]))
    assert common.frozen(a) != common.frozen(a.astype(np.float32))  # same numbers, another type
    hash(common.frozen((a, [np.float64(1.5)], {"k": (1, "x")})))
