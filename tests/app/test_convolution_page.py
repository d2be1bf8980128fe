"""The convolution page through AppTest: a filter step by step, the bank, shifts, the learning pipeline."""

import numpy as np
import pytest

from core.texts import t
from tests.app.conftest import open_page
from tests.app.test_training_page import run_until


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_filter_slides_one_multiply_and_add_at_a_time(lang):
    at = open_page("convolution", lang)
    assert not at.exception
    assert at.title[0].value == t("conv_title", lang)
    assert at.slider(key="conv_row").value == 7 and at.slider(key="conv_col").value == 7
    expected = t("conv_step_sum", lang, row=7, col=7, value="")
    first = [m.value for m in at.markdown if m.value.startswith(expected[:10])]
    assert first and first[0].startswith(expected.rstrip("*"))
    at.button(key="conv_next").click().run()
    assert (at.slider(key="conv_row").value, at.slider(key="conv_col").value) == (7, 8)
    at.slider(key="conv_col").set_value(27).run()
    at.button(key="conv_next").click().run()
    assert (at.slider(key="conv_row").value, at.slider(key="conv_col").value) == (8, 0)   # next row
    at.button(key="conv_previous").click().run()
    assert (at.slider(key="conv_row").value, at.slider(key="conv_col").value) == (7, 27)
    assert len(at.get("plotly_chart")) == 4      # kernel, digit and map, step maps, products


def test_a_typed_filter_is_checked():
    at = open_page("convolution", "en")
    at.selectbox(key="convolution_filter").set_value("custom").run()
    assert not at.exception and not at.error
    assert len(at.get("plotly_chart")) == 4
    at.selectbox(key="convolution_filter").set_value("blur_5").run()
    assert not at.exception


def test_the_bank_shift_and_pipeline_sections():
    at = open_page("convolution", "en")
    at.segmented_control(key="convolution_section").set_value("bank").run()
    assert not at.exception and len(at.get("plotly_chart")) == 3
    assert any("392" in m.value for m in at.markdown)
    at.segmented_control(key="convolution_section").set_value("shift").run()
    metrics = {m.label: float(m.value) for m in at.metric}
    pixels = metrics[t("conv_similarity_pixels_metric", "en")]
    pooled = metrics[t("conv_similarity_pooled_metric", "en")]
    assert pooled > pixels + 0.1                       # a 3-pixel shift: pooled maps stay closer
    at.slider(key="convolution_dx").set_value(0).run()
    assert float(at.metric[0].value) == 1.0
    at.segmented_control(key="convolution_section").set_value("pipeline").run()
    reading = lambda a: [m.value for m in a.markdown if m.value.startswith("At 2 pixels")]  # noqa: E731
    run_until(at, lambda a: reading(a), timeout=240)
    numbers = [float(part.rstrip("%")) for part in reading(at)[0].replace("*", "").split() if part.endswith("%")]
    conv, softmax = numbers[0], numbers[1]
    assert conv > softmax + 10, reading(at)
    assert any(m.value.startswith("**9") for m in at.markdown)   # the pipeline's test accuracy, above 90 %


def test_my_drawing_is_offered_once_there_is_one():
    at = open_page("convolution", "fr")
    at.segmented_control(key="conv_source").set_value("drawing").run()
    assert [i.value for i in at.info] == [t("conv_no_drawing", "fr")]
    assert [n.key for n in at.number_input] == ["convolution_digit"]      # meanwhile, a test digit
    drawing = np.zeros((28, 28), dtype=np.uint8)
    drawing[4:24, 13:15] = 255                           # a "1"
    at.session_state["trans_drawing"] = drawing
    at.run()
    assert not at.info and not at.exception
    assert [n.key for n in at.number_input] == []
    assert any("0,71" not in m.value and m.value.startswith("Somme") for m in at.markdown)
