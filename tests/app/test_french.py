"""What a French class reads on the pages: numbers, widgets, tables and charts in French typography."""

from __future__ import annotations

import pandas as pd

from core.numbers import NNBSP
from core.texts import t
from tests.app.conftest import open_page
from ui import common


def test_count_widgets_mark_their_thousands_in_each_language():
    french = open_page("training")
    assert "10" + NNBSP + "000" in french.select_slider(key="training_iterations").options
    assert "60" + NNBSP + "000" in french.select_slider(key="training_train_size").options
    english = open_page("training", "en")
    assert "10,000" in english.select_slider(key="training_iterations").options
    assert "60,000" in english.select_slider(key="training_train_size").options


def test_a_table_shows_french_numbers_and_keeps_them_for_sorting(monkeypatch):
    table = pd.DataFrame({"n°": pd.array([3, 12], dtype="Int64"), "chiffres": [60000, 500],
                          "taux de réussite (%)": [92.3456, None], "taux": [0.003, 0.5]})
    for language, shown in (("fr", ["60\u202f000", "500", "92,35", "—", "0,003", "0,5", "3", "12"]),
                            ("en", ["60,000", "500", "92.35", "—", "0.003", "0.5"])):
        monkeypatch.setattr(common, "lang", lambda language=language: language)
        styled = common.number_table(table, {"taux de réussite (%)": 2}, as_is=("n°",))
        text = styled.to_string()
        assert all(value in text for value in shown), text
        assert styled.data["chiffres"].tolist() == [60000, 500]  # the values themselves are unchanged


def test_a_written_table_shows_the_same_words_as_a_styled_one(monkeypatch):
    table = pd.DataFrame({"n°": pd.array([3, 12], dtype="Int64"), "chiffres": [60000, 500],
                          "taux de réussite (%)": [92.3456, None], "taux": [0.003, 0.5], "nom": ["a", None]})
    for language, rows in (("fr", [["3", "60\u202f000", "92,35", "0,003", "a"], ["12", "500", "—", "0,5", "—"]]),
                           ("en", [["3", "60,000", "92.35", "0.003", "a"], ["12", "500", "—", "0.5", "—"]])):
        monkeypatch.setattr(common, "lang", lambda language=language: language)
        written = common.written_table(table, {"taux de réussite (%)": 2}, as_is=("n°",))
        assert written.values.tolist() == rows
        assert list(written.columns) == list(table.columns)


def test_charts_are_served_in_the_pages_language():
    import json

    for language, separators in (("fr", ",\u202f"), ("en", ".,")):
        at = open_page("softmax", language)
        specs = [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]
        assert specs and all(spec["layout"]["separators"] == separators for spec in specs)


def formulas_of(at) -> list[str]:
    return [latex.value.strip("$").strip() for latex in at.latex]  # st.latex's "$$\n...\n$$"


def test_the_softmax_page_writes_the_lessons_notation():
    """σ is the softmax and S the sigmoid, as the lesson's slide writes them; its main formula has no
    temperature (the page's own setting), which has a formula of its own."""
    at = open_page("softmax")
    formulas = formulas_of(at)
    main = next(f for f in formulas if f.startswith(r"\sigma(\vec{z})_i ="))
    assert "T" not in main and r"\frac{e^{z_i}}{\sum_{j=1}^{K} e^{z_j}}" in main
    assert r"S(x) = \frac{1}{1 + e^{-x}}" in formulas
    assert any(f.startswith(r"\sigma_T(\vec{z})_i") and "z_i / T" in f for f in formulas)
    assert not any(r"\mathrm{softmax}(z)" in f or r"\sigma(z_i)" in f for f in formulas)
    assert all(r"\log" not in f for f in formulas)
    table = at.dataframe[0].value
    assert t("col_softmax", "fr").startswith("σ(z)") and t("col_sigmoid", "fr").startswith("S(")
    assert t("col_softmax", "fr") in table.columns and t("col_sigmoid", "fr") in table.columns
    at.select_slider(key="softmax_temperature").set_value(2.0).run()
    assert t("col_softmax_temperature", "fr", t="2") in at.dataframe[0].value.columns


def test_the_five_layer_page_writes_s_and_sigma():
    at = open_page("five_layers")
    formulas = formulas_of(at)
    assert any(f.startswith("Y_k = S(") for f in formulas) and any(f.startswith(r"Y = \sigma(Y_{4}") for f in formulas)
    at.segmented_control(key="five_layers_activation").set_value("relu").run()
    assert any(f.startswith(r"Y_k = \mathrm{ReLU}(") for f in formulas_of(at))


def test_a_broken_data_file_is_explained_in_french(tmp_path, monkeypatch):
    """The problem in the page's words; the underlying error (English, technical) apart, folded."""
    from core import data
    from ui import server

    broken = tmp_path / "mnist.npz"
    broken.write_bytes(b"PK\x03\x04 a zip file cut short")
    monkeypatch.setattr(server, "_shared_mnist", lambda: data.load_mnist(broken))
    at = open_page("home")
    (message,) = [e.value for e in at.error]
    assert message == t("data_error", "fr", problem=t("data_problem_unreadable", "fr"), path=broken)
    assert "cannot" not in message and "BadZipFile" not in message
    assert any("BadZipFile" in code.value for code in at.code)  # the technical detail, in its expander
