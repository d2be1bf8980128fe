"""Teacher links through AppTest: a link sets a page's widgets, hides some, says what it could not apply."""

import pytest
from streamlit.testing.v1 import AppTest

from core.texts import t
from tests.app.conftest import APP, PAGES


def open_link(page: str, params: dict, lang: str = "en") -> AppTest:
    """The app opened on ``page`` with the link's query parameters, as a student following it would."""
    at = AppTest.from_file(APP, default_timeout=120)
    at.session_state["lang"] = lang
    at.run()
    for key, value in params.items():
        at.query_params[key] = value
    if page != "home":
        at.switch_page(PAGES[page])
    at.run()
    assert not at.exception, at.exception
    return at


def open_share_box(at: AppTest) -> AppTest:
    """Open the sidebar's share box, as a teacher clicking it (which reruns the page)."""
    at.session_state["share_box"] = True
    at.run()
    assert not at.exception, at.exception
    return at


def test_a_link_sets_the_training_page_and_hides_what_it_says():
    at = open_link("training", {"lr": "0.01", "iter": "2000", "train": "10000", "hide": "seed,lr"})
    sliders = {s.key: s.value for s in at.select_slider}
    assert sliders["training_iterations"] == 2000 and sliders["training_train_size"] == 10000
    assert "training_learning_rate" not in sliders and [n.key for n in at.number_input] == []   # hidden
    assert not at.warning
    at.button(key="softmax_start").click().run()
    settings = at.session_state["softmax_run"].settings
    assert settings.learning_rate == 0.01 and settings.iterations == 2000
    assert settings.train_size == 10000 and settings.seed == 0
    # the teacher's share box (made when opened) starts from the link's hidden controls
    open_share_box(at)
    assert at.multiselect(key="share_hide_training").value == ["lr", "seed"]


def test_a_bad_value_falls_back_to_the_default_with_a_notice():
    at = open_link("training", {"iter": "12345", "seed": "abc", "batch": "200"})
    assert [w.value for w in at.warning] == [
        t("link_bad_value", "en", name="iter", value="12345"), t("link_bad_value", "en", name="seed", value="abc")]
    sliders = {s.key: s.value for s in at.select_slider}
    assert sliders["training_iterations"] == 10000 and sliders["training_batch_size"] == 200
    assert at.number_input(key="training_seed").value == 0


def test_the_url_follows_the_widgets_and_the_share_box_gives_the_link():
    at = open_link("five_layers", {"layers": "100-50", "act": "relu"})
    assert at.text_input(key="five_layers_hidden_layers").value == "100-50"
    assert at.segmented_control(key="five_layers_activation").value == "relu"
    at.select_slider(key="five_layers_epochs").set_value(5).run()
    assert at.query_params["epochs"] == "5" and at.query_params["act"] == "relu"
    assert at.query_params["lang"] == "en"
    assert not at.sidebar.code  # the share box is made when opened
    open_share_box(at)
    links = [c.value for c in at.sidebar.code]
    assert links == ["/five-layers?lang=en&layers=100-50&act=relu&epochs=5"]
    at.multiselect(key="share_hide_five-layers").set_value(["layers", "seed"]).run()
    at.toggle(key="share_present").set_value(True).run()
    assert [c.value for c in at.sidebar.code] == [
        "/five-layers?lang=en&layers=100-50&act=relu&epochs=5&hide=layers,seed&present=1"]
    assert not (at.sidebar.get("imgs") or at.sidebar.get("image"))  # the QR code only when asked for
    at.toggle(key="share_show_qr").set_value(True).run()
    assert at.sidebar.get("imgs") or at.sidebar.get("image")     # the QR code


@pytest.mark.parametrize("page, params, check", [
    ("translation", {"dx": "5", "digit": "12"},
     lambda at: at.slider(key="translation_dx").value == 5 and at.number_input(key="translation_digit").value == 12),
    ("convolution", {"filter": "blur", "digit": "3"},
     lambda at: at.selectbox(key="convolution_filter").value == "blur" and at.number_input(key="convolution_digit").value == 3),
    ("softmax", {"z": "1; 2; 3", "decimals": "3"},
     lambda at: at.text_input(key="softmax_vector").value == "1; 2; 3" and at.slider(key="softmax_decimals").value == 3),
    ("overfitting", {"section": "plateau"}, lambda at: at.segmented_control(key="overfitting_section").value == "plateau"),
])
def test_links_reach_every_page(page, params, check):
    at = open_link(page, params, lang="fr")
    assert check(at) and not at.warning


def test_presenter_mode_shows_one_chart_at_a_time_with_larger_type():
    at = open_link("training", {"present": "1"})
    assert at.segmented_control(key="training_view").value == "accuracy"
    assert any("font-size: 1.3rem" in str(h.proto) for h in at.get("html"))
    plain = open_link("training", {})
    assert plain.segmented_control(key="training_view").value == "all"
    assert not plain.get("html")


def test_an_old_url_of_this_session_does_not_move_a_widget_back():
    """A rerun sent before the browser had the last URL carries an older one: it is not a new link."""
    at = open_link("training", {})
    at.select_slider(key="training_iterations").set_value(2000).run()
    assert at.query_params["iter"] == "2000"
    at.select_slider(key="training_iterations").set_value(5000).run()
    assert at.query_params["iter"] == "5000"
    at.query_params["iter"] = "2000"          # the URL the browser still had when the student moved on
    at.select_slider(key="training_iterations").set_value(20000).run()
    assert not at.exception
    assert at.select_slider(key="training_iterations").value == 20000
    assert at.query_params["iter"] == "20000"
    # a link this session never wrote is still applied
    at.query_params["iter"] = "1000"
    at.run()
    assert at.select_slider(key="training_iterations").value == 1000
