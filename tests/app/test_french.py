"""What a French class reads on the pages: numbers, widgets, tables and charts in French typography."""

from __future__ import annotations

import pandas as pd

from core.numbers import NNBSP
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


def test_charts_are_served_in_the_pages_language():
    import json

    for language, separators in (("fr", ",\u202f"), ("en", ".,")):
        at = open_page("softmax", language)
        specs = [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]
        assert specs and all(spec["layout"]["separators"] == separators for spec in specs)
