"""The overfitting page through AppTest: the shared experiments start and their charts appear."""

from core.texts import t
from tests.app.conftest import open_page
from tests.app.test_training_page import run_until


def chart_count(at):
    return len(at.get("plotly_chart"))


def test_the_first_experiment_draws_its_charts_and_remedies_can_be_switched():
    at = open_page("overfitting", "en")
    assert [h.value for h in at.header] == [t("overfit_section", "en")]
    run_until(at, lambda a: chart_count(a) >= 2, timeout=120)
    at.segmented_control(key="overfitting_section").set_value("remedies").run()
    assert [h.value for h in at.header] == [t("remedies_section", "en")]
    at.pills(key="remedies").set_value(["more_data"]).run()
    assert not at.exception
    assert at.select_slider(key="overfitting_l2").disabled  # no L2 chosen: its strength is greyed out
