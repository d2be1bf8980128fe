"""The teacher's page through AppTest: the plan in both languages, a prepared question asked and revealed in one click."""

import pytest

from core.board.store import BoardStore
from core.lesson import slides
from core.teacher import plan
from core.texts import families, t
from tests.app.conftest import PAGES, open_page
from tests.app.test_training_page import run_until
from ui import measurements


def markdown(at) -> list[str]:
    return [m.value for m in at.markdown]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_teacher_page_shows_the_plan_the_questions_and_the_handout(lang):
    at = open_page("teacher", lang)
    assert not at.exception, at.exception
    assert at.title[0].value == t("teacher_title", lang)
    shown = markdown(at)
    for part, start, end in plan.schedule():
        header = [value for value in shown if value.startswith("#### ") and f"{plan.clock(start)}–{plan.clock(end)}" in value]
        assert len(header) == 1, part.id
        assert any(t(families.key("plan_say_", part.id), lang) in value for value in shown)
    assert plan.clock(55) in " ".join(shown)
    for question in plan.QUESTIONS.values():
        assert f"> {t(families.key('question_', question.id), lang)}" in shown
    assert [b.label for b in at.button if b.key == "teacher_create_class"] == [t("teacher_create_class", lang)]
    # the server's lesson models: one line each, ready or on their way
    work = [value for value in shown if value.startswith(":material/") and " — " in value]
    assert [value.split("**")[1] for value in work] == [t(families.key("teacher_work_", name), lang)
                                                         for name in plan.SERVER_WORK + plan.SHIPPED_WORK]
    assert t("teacher_handout_download", lang) in [b.label for b in at.get("download_button")]
    assert any(slides.TALK_URL in value and "t=2030s" in value for value in shown)  # the sources, at 33'50"


def test_the_expected_answer_is_read_from_the_servers_run():
    at = open_page("teacher", "en")
    run = measurements.lesson_run("softmax")
    run_until(at, lambda at: run.state == "done" and at.success, timeout=120)
    at.run()
    expected = t("plan_expected_training", "en", softmax_test=slides.format_percent(run.checkpoints[-1].test_accuracy, 1,
                                                                                   "en"))
    assert any(expected in value for value in markdown(at))


def test_a_prepared_question_goes_on_the_board_in_one_click_and_is_revealed_with_the_measured_value(board_database):
    at = open_page("teacher", "fr")
    at.button(key="teacher_create_class").click().run()
    assert not at.exception, at.exception
    code = at.session_state["board_teacher"]["code"]
    store = BoardStore(board_database)
    assert any(f"?class={code}" in c.value for c in at.code)                     # the class's link, with its QR code
    assert at.main.get("imgs") or at.main.get("image")

    at.button(key="teacher_ask_ten").click().run()                               # one click
    assert not at.exception, at.exception
    question = store.current_question(code)
    assert question.text == " ".join(t("question_ten", "fr").replace("\u202f", " ").replace("\u00a0", " ").split())
    assert (question.kind, question.low, question.high, question.revealed) == ("number", 0, 100, False)
    run = measurements.lesson_run("softmax")
    run_until(at, lambda at: run.state == "done" and any(b.key == "teacher_reveal_ten" and "…" not in b.label
                                                           for b in at.button), timeout=120)
    measured = round(100 * run.checkpoints[-1].test_accuracy, 1)

    # the board's own page offers the same value in its reveal box
    at.switch_page(PAGES["board"]).run()
    assert not at.exception, at.exception
    box = at.text_input(key=f"board_measured_{question.id}")
    assert float(box.value.replace(",", ".")) == measured

    at.switch_page(PAGES["teacher"]).run()
    at.button(key="teacher_reveal_ten").click().run()
    assert not at.exception, at.exception
    revealed = store.current_question(code)
    assert revealed.revealed and revealed.measured == pytest.approx(measured)
    assert any(c.value.startswith(t("teacher_revealed", "fr", value="")[:8]) for c in at.caption)


def test_a_choice_question_offers_the_choices_in_the_page_language(board_database):
    at = open_page("teacher", "en")
    at.button(key="teacher_create_class").click().run()
    at.button(key="teacher_ask_overfit").click().run()
    assert not at.exception, at.exception
    question = BoardStore(board_database).current_question(at.session_state["board_teacher"]["code"])
    assert question.kind == "choice"
    assert list(question.choices) == [t("question_choice_big", "en"), t("question_choice_small", "en")]
