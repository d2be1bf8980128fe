"""Every page through Streamlit's AppTest: renders in both languages, reacts, never raises."""

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from core import data
from core.lesson import slides
from core.texts import t
from tests.app.conftest import APP, PAGES, open_page

TITLES = {
    "home": "home_title",
    "softmax": "softmax_title",
    "training": "training_title",
    "five_layers": "mlp_title",
    "overfitting": "overfit_title",
    "translation": "trans_title",
    "convolution": "conv_title",
    "board": "board_title",
    "teacher": "teacher_title",
}


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("page", list(PAGES))
def test_every_page_renders_in_both_languages(page, lang):
    at = open_page(page, lang)
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    assert at.title[0].value == t(TITLES[page], lang)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_sidebar_credit_follows_the_language(lang):
    at = open_page("home", lang)
    captions = [c.value for c in at.sidebar.caption]
    assert captions[-1] == t("sidebar_credit", lang, **slides.credits()) and t("share_copy", lang) not in captions
    at.session_state["share_box"] = True  # the share box opened: made now, in the same language
    at.run()
    captions = [c.value for c in at.sidebar.caption]
    assert captions[-1] == t("sidebar_credit", lang, **slides.credits()) and t("share_copy", lang) in captions


def test_home_shows_digits_and_redraws_them():
    at = open_page("home")
    first = at.get("plotly_chart")[0].proto.spec
    at.button(key="home_other_digits").click().run()
    assert not at.exception
    assert at.get("plotly_chart")[0].proto.spec != first


@pytest.mark.parametrize("lang, shown", [("fr", "(0,01; 0,08; 0,04; 0,60; 0,22; 0,03)"),
                                         ("en", "(0.01, 0.08, 0.04, 0.60, 0.22, 0.03)")])
def test_softmax_default_shows_the_lessons_numbers(lang, shown):
    at = open_page("softmax", lang)
    assert at.success[0].value == t("lesson_check_ok", lang, vector=shown)
    table = at.dataframe[0].value
    assert list(table[t("col_softmax", lang)]) == shown.strip("()").split("; " if lang == "fr" else ", ")


def test_softmax_reacts_to_a_new_vector():
    at = open_page("softmax")
    at.text_input(key="softmax_vector").set_value("0; 0; 0; 10").run()
    assert not at.exception and not at.error
    assert not at.success  # no longer the lesson's example
    column = list(at.dataframe[0].value[t("col_softmax", "fr")])
    assert column == ["0,00", "0,00", "0,00", "0,99"]  # e^10/(3+e^10) = 0.99986, truncated
    at.radio(key="softmax_rounding").set_value("round").run()
    assert list(at.dataframe[0].value[t("col_softmax", "fr")])[-1] == "1,00"


@pytest.mark.parametrize("text, key, details", [
    ("1; abc", "vector_not_a_number", {"token": "abc"}),
    ("", "vector_empty", {}),
    (" ".join(["1"] * 51), "vector_too_long", {"max": 50}),
    ("1; NaN", "vector_not_finite", {"token": "NaN"}),
    ("1; inf", "vector_not_finite", {"token": "inf"}),
    ("1e400; 2", "vector_too_large", {"token": "1e400", "max": 1e6}),
])
def test_softmax_bad_input_gets_a_message_and_keeps_the_last_result(text, key, details):
    at = open_page("softmax")
    at.text_input(key="softmax_vector").set_value("2; 1").run()
    at.text_input(key="softmax_vector").set_value(text).run()
    assert not at.exception
    assert [e.value for e in at.error] == [t(key, "fr", **details)]
    # the last valid vector (2; 1) is still the one computed and shown
    assert list(at.dataframe[0].value[t("col_z", "fr")]) == ["2,0000", "1,0000"]


def test_extreme_values_stay_finite():
    at = open_page("softmax", "en")
    at.text_input(key="softmax_vector").set_value("1000, -1000, 0").run()
    assert not at.exception and not at.error
    assert list(at.dataframe[0].value[t("col_softmax", "en")]) == ["1.00", "0.00", "0.00"]


def test_cross_entropy_follows_the_label_and_the_normalisation():
    at = open_page("softmax")
    result = [m.value for m in at.markdown if m.value.startswith("### ")]
    assert result == ["### " + t("ce_result", "fr", label=6, probability="0,391", loss="0,938")]
    at.segmented_control(key="softmax_true_digit").set_value(3).run()
    result = [m.value for m in at.markdown if m.value.startswith("### ")]
    assert result == ["### " + t("ce_result", "fr", label=3, probability="0,130", loss="2,037")]
    at.text_input(key="softmax_scores").set_value("-1 0 0 0 0 0 0 0 0 0").run()
    assert [e.value for e in at.error] == [t("ce_negative", "fr")]
    at.radio(key="softmax_normalisation").set_value("softmax").run()
    assert not at.error and not at.exception
    at.text_input(key="softmax_scores").set_value("1 2 3").run()
    assert [e.value for e in at.error] == [t("ce_need_ten", "fr", count=3)]


def test_a_broken_data_file_gives_a_message_not_a_traceback(tmp_path, monkeypatch):
    broken = tmp_path / "mnist.npz"
    broken.write_bytes(b"corrupt")
    monkeypatch.setenv(data.PATH_VARIABLE, str(broken))
    st.cache_resource.clear()
    try:
        at = open_page("home", "en")
        assert not at.exception
        assert len(at.error) == 1 and str(broken) in at.error[0].value
        assert "git checkout -- data/mnist.npz" in at.error[0].value
    finally:
        monkeypatch.delenv(data.PATH_VARIABLE)
        st.cache_resource.clear()


def test_the_url_chooses_the_language_and_keeps_it_across_pages():
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = "en"
    at.run()
    assert at.title[0].value == t("home_title", "en")
    at.switch_page(PAGES["softmax"]).run()
    assert at.title[0].value == t("softmax_title", "en")
    assert at.query_params["lang"] in ("en", ["en"])  # AppTest keeps the raw value or a list


def test_an_unknown_language_in_the_url_falls_back_to_french():
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = "<script>"
    at.run()
    assert not at.exception and at.title[0].value == t("home_title", "fr")
    assert "lang" not in at.query_params
