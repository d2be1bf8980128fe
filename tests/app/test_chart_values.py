"""Every chart's text alternative: its values, folded under it, written in the page's language."""

import re

import pytest

from core.texts import t
from tests.app.conftest import open_page


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_softmax_pages_charts_each_show_their_values(lang):
    at = open_page("softmax", lang)
    assert not at.exception, at.exception
    charts = at.get("plotly_chart")
    folded = [expander for expander in at.expander if expander.label == t("chart_values_title", lang)]
    assert charts and len(folded) == len(charts)  # one under each chart
    for expander in folded:
        assert expander.proto.expanded is False  # folded: the chart stays what the page shows
        assert len(expander.table) == 1 and not expander.table[0].value.empty
    # the softmax chart's probabilities, as the page writes numbers: 0,604813 in French, 0.604813 in English
    probabilities = next(expander.table[0].value for expander in folded
                         if t("axis_probability", lang) in expander.table[0].value.columns
                         and t("axis_component", lang) in expander.table[0].value.columns)
    cells = list(probabilities[t("axis_probability", lang)])
    assert len(cells) == 6
    mark = "," if lang == "fr" else "."
    assert all(re.fullmatch(rf"0{re.escape(mark)}\d+", cell) for cell in cells), cells
    assert sum(float(cell.replace(",", ".")) for cell in cells) == pytest.approx(1.0, abs=1e-5)


def test_the_values_name_the_columns_after_the_axes():
    at = open_page("softmax", "en")
    tables = [table.value for table in at.table]
    assert any({t("axis_component", "en"), t("axis_value", "en")} <= set(table.columns) for table in tables)



def _two_charts_one_polling():
    import plotly.graph_objects as go

    from ui.common import chart, polling_view

    chart(go.Figure(go.Bar(x=[1, 2], y=[3, 4])), key="still")
    with polling_view():
        chart(go.Figure(go.Bar(x=[1, 2], y=[5, 6])), key="polling")
    with polling_view(False):
        chart(go.Figure(go.Bar(x=[1, 2], y=[7, 8])), key="settled")


def test_a_chart_redrawn_at_every_poll_waits_for_its_values_table():
    """A live view's figures are new at every poll: their tables (a sixth of the server's time with thirty
    students) are shown once the view has settled, when the page runs again."""
    from streamlit.testing.v1 import AppTest
    at = AppTest.from_function(_two_charts_one_polling).run()
    assert not at.exception, at.exception
    assert len(at.get("plotly_chart")) == 3
    shown = [sorted(table.value.iloc[:, -1].tolist()) for table in at.table]
    assert shown == [["3", "4"], ["7", "8"]]  # the polling chart's values (5, 6) wait


def test_a_finished_run_shows_every_views_values():
    from tests.app.test_training_page import has_result, run_until
    at = open_page("training", "en")
    at.select_slider(key="training_iterations").set_value(1000).run()
    at.button(key="softmax_start").click().run()
    run_until(at, has_result("en"), timeout=120)
    folded = [e for e in at.expander if e.label == t("chart_values_title", "en")]
    assert len(folded) == len(at.get("plotly_chart")) and folded  # the six views and the confusion matrix
