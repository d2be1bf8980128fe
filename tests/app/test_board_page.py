"""The class board through AppTest: a teacher creates a class, students join, share runs and answer."""

import pytest
from streamlit.testing.v1 import AppTest

from core.board.records import ShiftCurve, ShiftCurveRecord, shipped_curve_record
from core.board.store import BoardStore
from core.texts import t
from tests.app.conftest import APP, PAGES, open_page
from tests.app.test_training_page import has_result, run_until


def store(url) -> BoardStore:
    return BoardStore(url)


def student_on(page: str, params: dict, lang: str = "en") -> AppTest:
    """A student's session opening ``page`` through a link with ``params``."""
    at = AppTest.from_file(APP, default_timeout=120)
    at.session_state["lang"] = lang
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    if page != "home":
        at.switch_page(PAGES[page])
        at.run()
    assert not at.exception, at.exception
    return at


def teacher_on_board(code: str, key: str, lang: str = "en") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.session_state["lang"] = lang
    at.session_state["board_teacher"] = {"code": code, "key": key}
    at.run()
    at.switch_page(PAGES["board"])
    at.run()
    assert not at.exception, at.exception
    return at


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_teacher_creates_a_class_and_gets_its_code_link_and_key(lang, board_database):
    at = open_page("board", lang)
    assert not at.exception
    at.button(key="board_create").click().run()
    assert not at.exception, at.exception
    teacher = at.session_state["board_teacher"]
    info = store(board_database).class_info(teacher["code"])
    assert info.students == 0 and info.runs == 0
    store(board_database).check_key(teacher["code"], teacher["key"], "test")  # the key works
    assert any(f"?class={teacher['code']}" in c.value for c in at.code)       # the join link
    assert any(teacher["key"] in m.value for m in at.markdown)                  # shown once, to write down
    assert [i.value for i in at.info] == [t("board_no_runs", lang)]


def test_a_student_joins_by_link_shares_a_run_and_the_board_shows_it(board_database):
    info, key = store(board_database).create_class()
    at = student_on("training", {"class": info.code.replace("-", "").lower()})   # typed loosely: still joins
    student = at.session_state["board_student"]
    assert student.code == info.code and student.number == 1
    assert "class" not in at.query_params                                       # the URL forgets the code
    at.select_slider(key="training_iterations").set_value(500).run()
    at.select_slider(key="training_train_size").set_value(5000).run()
    at.number_input(key="training_seed").set_value(7).run()
    at.button(key="softmax_start").click().run()
    run_until(at, has_result("en"))
    share = [b for b in at.button if b.key and b.key.startswith("board_share_")]
    assert [b.label for b in share] == [t("board_share", "en")]
    share[0].click().run()
    assert not at.exception, at.exception
    assert t("board_shared", "en") in [c.value for c in at.caption]
    runs = store(board_database).runs(info.code)
    assert len(runs) == 1
    run, record = runs[0], runs[0].record
    assert (record.page, record.model, record.seed, run.student_number) == ("training", "softmax", 7, 1)
    assert record.settings["iterations"] == 500 and record.settings["train_size"] == 5000
    final = at.session_state["softmax_run"].run.checkpoints[-1]
    assert record.test_accuracy == pytest.approx(final.test_accuracy)
    # shared once: the button is gone on the next run
    at.run()
    assert not [b for b in at.button if b.key and b.key.startswith("board_share_")]

    board = teacher_on_board(info.code, key)
    metrics = {m.label: m.value for m in board.metric}
    assert metrics[t("board_students", "en")] == "1" and metrics[t("board_runs", "en")] == "1"
    table = board.dataframe[0].value
    assert table[t("col_board_seed", "en")].tolist() == [7]
    assert table[t("col_board_test_accuracy", "en")].tolist() == [pytest.approx(100 * final.test_accuracy, abs=0.01)]
    assert table[t("col_board_student", "en")].tolist() == [t("board_student_number", "en", number=1)]
    # replaying the run: a link to its page with its exact settings
    links = [m.value for m in board.markdown if "/training?" in m.value]
    assert links and "seed=7" in links[0] and "iter=500" in links[0] and "train=5000" in links[0]


def test_auto_share_and_closed_posting(board_database):
    info, key = store(board_database).create_class()
    store(board_database).set_options(info.code, key, "t", auto_share=True)
    at = student_on("training", {"class": info.code})
    at.select_slider(key="training_iterations").set_value(500).run()
    at.select_slider(key="training_train_size").set_value(5000).run()
    at.button(key="softmax_start").click().run()
    run_until(at, has_result("en"))
    assert len(store(board_database).runs(info.code)) == 1                      # shared without a click
    store(board_database).set_options(info.code, key, "t", posting_open=False, auto_share=False)
    at.number_input(key="training_seed").set_value(3).run()
    at.button(key="softmax_start").click().run()
    run_until(at, has_result("en"))
    assert t("board_err_closed", "en") in [c.value for c in at.caption]
    assert len(store(board_database).runs(info.code)) == 1


def test_predict_then_reveal(board_database):
    info, key = store(board_database).create_class()
    teacher = teacher_on_board(info.code, key)
    teacher.text_input(key="board_ask_text").input("Accuracy at 3 pixels?")
    teacher.number_input(key="board_ask_low").set_value(0.0)
    teacher.number_input(key="board_ask_high").set_value(100.0)
    teacher.button[[b.label for b in teacher.button].index(t("board_ask", "en"))].click().run()
    assert not teacher.exception, teacher.exception
    question = store(board_database).current_question(info.code)
    assert question.text == "Accuracy at 3 pixels?" and question.kind == "number"

    answers = []
    for value in (30.0, 45.0, 80.0):
        at = student_on("softmax", {"class": info.code})
        at.number_input(key=f"board_answer_{question.id}").set_value(value).run()
        at.button(key=f"board_send_{question.id}").click().run()
        assert not at.exception, at.exception
        assert t("board_answered", "en", answer=value) in [c.value for c in at.caption]
        answers.append(at)
    # hidden until the reveal: the teacher sees a count, the students nothing
    teacher.run()
    assert t("board_answer_count", "en", count=3) in [c.value for c in teacher.caption]
    assert not teacher.get("plotly_chart")                                      # no histogram yet
    teacher.text_input(key=f"board_measured_{question.id}").input("37,5")
    teacher.button(key=f"board_reveal_{question.id}").click().run()
    assert not teacher.exception, teacher.exception
    revealed = store(board_database).current_question(info.code)
    assert revealed.revealed and revealed.measured == pytest.approx(37.5)
    assert t("board_answers_summary", "en", count=3, median="45.0") in [c.value for c in teacher.caption]
    assert len(teacher.get("plotly_chart")) == 1                                # the histogram
    answers[0].run()
    assert t("board_question_revealed", "en", measured=37.5) in [c.value for c in answers[0].caption]


def test_the_sidebar_reads_a_class_question_once_for_the_whole_class(board_database, monkeypatch):
    """Students' reruns share one read of the class's question; one asked elsewhere (another
    server, the load test) shows once QUESTION_SECONDS have passed."""
    from ui import board

    info, key = store(board_database).create_class()
    store(board_database).ask(info.code, key, "test", text="First?", kind="number", low=0.0, high=10.0)
    reads = []
    original = BoardStore.current_question
    monkeypatch.setattr(BoardStore, "current_question", lambda self, code: reads.append(code) or original(self, code))
    monkeypatch.setattr(board, "QUESTION_SECONDS", 3600.0)  # no expiry during the test, however slow
    board.question_changed()
    students = [student_on("softmax", {"class": info.code}) for _ in range(3)]
    for at in students:
        at.run()
    assert reads == [info.code]  # nine renders, one read
    assert all("First?" in [x.value for x in at.sidebar.text] for at in students)
    second = store(board_database).ask(info.code, key, "test", text="Second?", kind="number", low=0.0, high=10.0)
    students[0].run()
    assert "First?" in [x.value for x in students[0].sidebar.text]  # asked elsewhere: not seen yet
    monkeypatch.setattr(board, "QUESTION_SECONDS", 0.0)  # its time has passed
    students[0].run()
    assert "Second?" in [x.value for x in students[0].sidebar.text]
    assert students[0].number_input(key=f"board_answer_{second.id}") and len(reads) == 2


def test_bad_codes_keys_and_nicknames_get_messages(board_database):
    info, key = store(board_database).create_class()
    at = open_page("softmax", "en")
    at.text_input(key="board_code_input").input("ZZZ-ZZZ")
    at.button(key="board_join").click().run()
    assert not at.exception
    assert t("board_err_code", "en") in [e.value for e in at.error]
    assert "board_student" not in at.session_state
    at.text_input(key="board_code_input").input(info.code)
    at.text_input(key="board_nickname_input").input("bad\x07name")
    at.button(key="board_join").click().run()
    assert t("board_err_invalid_nickname", "en") in [e.value for e in at.error]
    at.text_input(key="board_nickname_input").input("**Ada** <b>")
    at.button(key="board_join").click().run()
    assert not at.error and at.session_state["board_student"].nickname == "**Ada** <b>"
    # the nickname is shown as plain text, not as Markdown
    shown = [m.value for m in at.markdown if "Ada" in m.value]
    assert shown and "\\*\\*Ada\\*\\*" in shown[0] and "<b>" not in shown[0]

    board = open_page("board", "en")
    board.text_input(key="board_resume_code").input(info.code)
    board.text_input(key="board_resume_key").input("not the key")
    board.button(key="board_resume").click().run()
    assert t("board_err_key", "en") in [e.value for e in board.error]
    assert "board_teacher" not in board.session_state
    board.text_input(key="board_resume_key").input(key)
    board.button(key="board_resume").click().run()
    assert board.session_state["board_teacher"]["code"] == info.code


def test_an_unreachable_database_leaves_the_lessons_working(monkeypatch):
    from ui import server

    monkeypatch.setenv("BOARD_DATABASE_URL", "postgresql://nobody@127.0.0.1:9/none")
    server._store.clear()
    at = open_page("softmax", "en")
    at.text_input(key="board_code_input").input("K7P-4QA")
    at.button(key="board_join").click().run()
    assert not at.exception
    assert any(e.value.startswith(t("board_err_unavailable", "en", reason="")[:20]) for e in at.error)
    assert at.title[0].value == t("softmax_title", "en")     # the lesson page is all there
    page = open_page("board", "en")
    page.button(key="board_create").click().run()
    assert not page.exception
    assert any(e.value.startswith(t("board_err_unavailable", "en", reason="")[:20]) for e in page.error)


def test_an_experiment_grid_is_shared_in_one_click(board_database, monkeypatch):
    """The overfitting experiment (small here: 300/600 digits, 3 epochs) goes on the board, run by run."""
    from dataclasses import replace

    from core.lesson import experiments

    monkeypatch.setattr(experiments, "OVERFIT_BASE", replace(experiments.OVERFIT_BASE, epochs=3,
                                                             hidden_layers=(32,)))
    monkeypatch.setattr(experiments, "OVERFIT_SIZES", (300, 600))
    info, _ = store(board_database).create_class()
    at = student_on("overfitting", {"class": info.code})
    share_key = "board_share_grid-overfit"
    run_until(at, lambda a: any(b.key == share_key for b in a.button), timeout=120)
    button = next(b for b in at.button if b.key == share_key)
    assert button.label == t("board_share_experiment", "en")
    button.click().run()
    assert not at.exception, at.exception
    runs = store(board_database).runs(info.code)
    assert sorted(run.record.settings["train_size"] for run in runs) == [300, 600]
    assert {run.record.page for run in runs} == {"overfitting"}
    assert all(run.record.train_accuracy is not None for run in runs)


def test_a_shift_curve_and_a_shipped_network_are_shared_as_their_records(board_database):
    """The translation page shares a model with its curve, the convolution page a network shipped trained."""
    info, _ = store(board_database).create_class()
    at = student_on("translation", {"class": info.code})
    at.segmented_control(key="translation_section").set_value("test_set").run()
    share_key = "board_share_translation-mlp-horizontal-"
    run_until(at, lambda a: any(b.key and b.key.startswith(share_key) for b in a.button), timeout=120)
    next(b for b in at.button if b.key and b.key.startswith(share_key)).click().run()
    assert not at.exception, at.exception
    at.switch_page(PAGES["convolution"]).run()
    share_key = "board_share_convolution-cnn_global-horizontal-"
    run_until(at, lambda a: any(b.key and b.key.startswith(share_key) for b in a.button), timeout=240)
    next(b for b in at.button if b.key and b.key.startswith(share_key)).click().run()
    assert not at.exception, at.exception
    curve, network = (run.record for run in store(board_database).runs(info.code))
    assert isinstance(curve, ShiftCurveRecord) and (curve.page, curve.model) == ("translation", "mlp")
    assert curve.curve.shifts == tuple(range(9)) and curve.curve.direction == "horizontal"
    assert curve.settings["hidden_layers"] == [64] and curve.test_accuracy is not None
    assert isinstance(network, ShiftCurveRecord) and (network.page, network.model) == ("convolution", "cnn_global")
    assert network.settings["network"] == "global_pooling" and network.curve.direction == "horizontal"
    assert network.test_accuracy > 0.98 and len(network.curve.accuracy) == 9 and network.curve.accuracy[4] > 0.9


def test_every_shared_run_can_be_replayed_from_its_page(board_database):
    info, key = store(board_database).create_class()
    student = store(board_database).join(info.code, "test")
    store(board_database).share_run(student, shipped_curve_record("convolution", "cnn_global", "global_pooling", 0.99,
                                                                  (0, 1, 2), (0.99, 0.98, 0.97), "vertical"))
    store(board_database).share_run(student, ShiftCurveRecord(
        page="translation", model="mlp", settings={"seed": 0}, test_accuracy=0.97,
        curve=ShiftCurve(shifts=(0, 1, 2), accuracy=(0.97, 0.9, 0.6), direction="diagonal")))
    board = teacher_on_board(info.code, key)
    links = [m.value for m in board.markdown if "](/" in m.value]
    assert len(links) == 1 and "/translation?" in links[0] and "direction=diagonal" in links[0]  # the newest first
    board.selectbox(key="board_replay_choice").set_value(1).run()
    links = [m.value for m in board.markdown if "](/" in m.value]
    assert "/convolution?" in links[0] and "direction=vertical" in links[0]
    # the overfitting cloud, the learning-rate chart and the shift chart are drawn
    assert len(board.get("plotly_chart")) == 3


def _share_the_same_result_twice(code: str) -> None:
    """A page whose share callback runs twice for one click (Streamlit may do that on a rerun race)."""
    import streamlit as st

    from core.board.records import TrainingRecord
    from ui import board, server

    if "board_student" not in st.session_state:
        st.session_state["board_student"] = server.store().join(code, "twice")
    current = st.session_state["board_student"]
    record = TrainingRecord(page="training", model="softmax", settings={"learning_rate": 0.003}, seed=0,
                            test_accuracy=0.9)
    for _ in range(2):
        board._share(current, (current.code, "same-result"), [record], "same-result")
    st.write("done")


def test_a_result_is_stored_once_when_its_share_callback_runs_twice(board_database):
    info, _ = store(board_database).create_class()
    at = AppTest.from_function(_share_the_same_result_twice, args=(info.code,), default_timeout=60)
    at.run()
    assert not at.exception, at.exception
    assert len(store(board_database).runs(info.code)) == 1
    at.run()  # and again on a later run of the page
    assert len(store(board_database).runs(info.code)) == 1
