"""The 5-layer network page through AppTest, with a tiny network so that it trains in seconds."""

from core.models import mlp
from core.numbers import format_count
from core.texts import t
from tests.app.conftest import open_page
from tests.app.test_training_page import has_result, run_until


def test_tiny_network_trains_to_its_result():
    at = open_page("five_layers", "en")
    at.button(key="mlp_preset_tiny").click().run()
    assert at.text_input(key="five_layers_hidden_layers").value == "16"
    at.select_slider(key="five_layers_train_size").set_value(2000).run()
    at.select_slider(key="five_layers_epochs").set_value(3).run()
    at.segmented_control(key="five_layers_activation").set_value("relu").run()
    at.button(key="mlp_start").click().run()
    run_until(at, has_result("en"))
    metrics = {m.label: m.value for m in at.metric}
    test_accuracy = float(metrics[t("final_test_accuracy", "en")].rstrip(" %"))
    assert 40 < test_accuracy < 95  # far above chance (10 %): measured 62.7 % after 3 epochs on 2 000 digits
    table = at.dataframe[-1].value
    assert table[t("col_layers", "en")].tolist() == ["16"]
    assert table[t("col_epochs", "en")].tolist() == ["3"]


def test_the_diagram_and_parameter_count_follow_the_layers():
    at = open_page("five_layers")
    expected = format_count(mlp.parameter_count((200, 100, 60, 30)), "fr")
    assert any(expected in c.value for c in at.caption)
    at.text_input(key="five_layers_hidden_layers").set_value("50-20").run()
    expected = format_count(mlp.parameter_count((50, 20)), "fr")  # 40 480, a narrow no-break space
    assert any(expected in c.value for c in at.caption)


def test_invalid_layers_get_a_message_and_start_is_disabled():
    at = open_page("five_layers")
    for text, key, details in [
        ("200-abc", "layers_not_a_number", {"token": "abc"}),
        ("1-2-3-4-5-6-7", "layers_too_many", {"max": 6, "count": 7}),
        ("5000", "layers_out_of_range", {"token": "5000", "max": 2000}),
        ("", "layers_empty", {}),
    ]:
        at.text_input(key="five_layers_hidden_layers").set_value(text).run()
        assert not at.exception
        assert [e.value for e in at.error] == [t(key, "fr", **details)]
        assert at.button(key="mlp_start").disabled
