"""Every chart's text alternative: its values, folded under it, written in the page's language."""

import re

import pytest

from core.texts import t
from tests.app.conftest import open_page

VALUES_KEY = re.compile(r".+_values(_\d+)?")


def values_keys(at) -> list[str]:
    """The keys of the values expanders on the page (``ui.common.chart``)."""
    return [key for key in at.session_state.keys() if VALUES_KEY.fullmatch(key)]


def open_values(at):
    """Open every chart's values expander, as a student clicking each one (each reruns the page)."""
    for key in values_keys(at):
        at.session_state[key] = True
    return at.run()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_softmax_pages_charts_each_show_their_values(lang):
    at = open_page("softmax", lang)
    assert not at.exception, at.exception
    charts = at.get("plotly_chart")
    folded = [expander for expander in at.expander if expander.label == t("chart_values_title", lang)]
    assert charts and len(folded) == len(charts) == len(values_keys(at))  # one under each chart
    for expander in folded:
        assert expander.proto.expanded is False  # folded: the chart stays what the page shows
        assert len(expander.table) == 0  # made and sent only when opened
    open_values(at)
    assert not at.exception, at.exception
    folded = [expander for expander in at.expander if expander.label == t("chart_values_title", lang)]
    assert len(folded) == len(charts)
    for expander in folded:
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
    at = open_values(open_page("softmax", "en"))
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
    assert sorted(values_keys(at)) == ["settled_values", "still_values"]
    open_values(at)
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
    open_values(at)
    assert not at.exception, at.exception
    assert len(at.table) == len(folded)


def _one_chart_opened_then_the_same_twice():
    import plotly.graph_objects as go
    import streamlit as st

    from ui.common import chart

    chart(go.Figure(go.Bar(x=[1, 2], y=[1, 2]), layout=dict(title=dict(text="Same"))))
    chart(go.Figure(go.Bar(x=[1, 2], y=[3, 4]), layout=dict(title=dict(text="Same"))))
    if st.session_state.get("third"):
        chart(go.Figure(go.Bar(x=[1], y=[9]), layout=dict(title=dict(text="Other"))))


def test_values_expanders_get_keys_that_differ_and_stay_open_across_runs():
    """Two charts with one title get two keys; an opened table stays open when the page runs again."""
    from streamlit.testing.v1 import AppTest
    at = AppTest.from_function(_one_chart_opened_then_the_same_twice).run()
    assert not at.exception, at.exception
    keys = sorted(values_keys(at), key=len)  # the first chart's key, then the second's ("…_2")
    assert len(keys) == 2 and keys[1] == keys[0] + "_2"
    at.session_state[keys[1]] = True
    at.session_state["third"] = True
    at.run()
    assert not at.exception, at.exception
    assert len(values_keys(at)) == 3
    assert [sorted(table.value.iloc[:, -1].tolist()) for table in at.table] == [["3", "4"]]  # only the second
    assert at.session_state[keys[1]] is True and at.session_state[keys[0]] is False
