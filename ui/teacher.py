"""The teacher's page, piece by piece: the server's readiness, the class link, the plan and its questions.

The plan and its questions are declared in ``core.teacher.plan``; the answers they expect are the
lesson's measurements read from the server (``ui.measurements``), never typed in. A prepared
question goes on the class board in one click (``core.board.store.BoardStore.ask``) and is
revealed beside the value the app measured; the board's own page finds that value too
(:func:`prepared_measured`).
"""

from __future__ import annotations

import datetime
import functools
from typing import Any

import numpy as np
import streamlit as st

from core.board.errors import BoardError
from core.lesson import experiments, measures, slides
from core.models.convnet import shipped
from core import texts
from core.numbers import format_number
from core.teacher import handout, plan
from core.training.hub import DONE, FAILED
from ui import board, measurements
from ui.common import PAGE_FILES, PAGE_TITLES, lang, tr, tr_choice
from ui.live import live
from ui.server import configured_key, load_shipped_networks, store, training_data
from ui.share import qr_png
from ui.warm_up import warm_up

ASKED_KEY = "teacher_asked"     # {board question id: (prepared question id, language)} in the teacher's session
READY_POLL_SECONDS = 1.0


# ------------------------------------------------------------------ the server's readiness
def work_state(opened) -> tuple[str, dict]:
    """(text key, values) saying where one of the server's lesson computations stands."""
    language = lang()
    if getattr(opened, "computed_elsewhere", False) and not opened.finished:
        return "teacher_state_elsewhere", {}
    if opened.state == FAILED or (opened.finished and getattr(opened, "error", None) is not None):
        return "teacher_state_failed", {"error": type(opened.error).__name__}
    if opened.state == DONE:
        result = opened.checkpoints[-1] if hasattr(opened, "checkpoints") else opened.result
        return "teacher_state_ready", {"value": slides.format_percent(result.test_accuracy, 1, language)}
    position = opened.queue_position()
    produced = getattr(opened, "produced_step", -1)
    if position is not None and produced < 0:
        return "teacher_state_queued", {"position": position + 1}
    total = getattr(opened, "total_steps", 0)
    progress = 100 * max(produced, 0) / total if total else 0
    return "teacher_state_computing", {"progress": format_number(progress, 0, language)}


def server_readiness() -> None:
    """Each of the lesson's shared computations (ui.warm_up): ready, computing or queued, live until all are done."""
    work = warm_up()

    def panel() -> None:
        ready = all(opened.finished for opened in work.values())
        if ready:
            st.success(tr("teacher_all_ready"), icon=":material/check_circle:")
        else:
            st.info(tr("teacher_not_ready"), icon=":material/hourglass_top:")
        for name, opened in work.items():
            key, values = work_state(opened)
            icon = ":material/check_circle:" if key == "teacher_state_ready" else ":material/pending:"
            st.markdown(f"{icon} **{tr_choice('teacher_work_', name)}** — {tr(key, **values)}")
        networks = load_shipped_networks()  # read from data/ when the server starts, checked
        for name, network in experiments.SHIPPED_MODELS.items():
            if isinstance(networks, shipped.ShippedNetworkError):
                line = ":material/error: **{}** — " + tr("teacher_state_failed", error=str(networks))
            else:
                line = ":material/check_circle: **{}** — " + tr(
                    "teacher_state_ready", value=slides.format_percent(shipped.SHIPPED[network].test_accuracy, 1, lang()))
            st.markdown(line.format(tr_choice("teacher_work_", name)))

    live(panel, lambda: all(opened.finished for opened in work.values()), base=READY_POLL_SECONDS)


# ------------------------------------------------------------------ the class
def teacher_class() -> dict | None:
    """The class this session teaches ({"code", "key"}), if any."""
    return st.session_state.get(board.TEACHER_KEY)


def _create_class() -> None:
    try:
        info, key = store().create_class()
        st.session_state[board.TEACHER_KEY] = {"code": info.code, "key": key}
        st.session_state.pop("teacher_error", None)
    except BoardError as error:
        st.session_state["teacher_error"] = board.error_text(error, detail=True)


def class_panel() -> None:
    """The class's join link and QR code, or the app's link and a button to create a class."""
    problem = st.session_state.pop("teacher_error", None)
    if problem:
        st.error(problem, icon=":material/error:")
    current = teacher_class()
    if current is not None:
        link = board.join_link(current["code"], lang())
        st.markdown(f"**{tr('teacher_class_link', code=current['code'])}**")
    else:
        link = board.app_link({"lang": lang()} if lang() != "fr" else None)
        st.markdown(f"**{tr('teacher_app_link')}**")
    st.code(link, language=None, wrap_lines=True)
    st.image(qr_png(link), width=220)
    if current is None:
        st.caption(tr("teacher_no_class"))
        if configured_key() is not None:
            st.caption(tr("teacher_class_needs_key"))
            st.page_link("lesson_pages/7_board.py", label=tr("page_board"), icon=":material/groups:")
        else:
            st.button(tr("teacher_create_class"), on_click=_create_class, type="primary", icon=":material/add:",
                      key="teacher_create_class")


# ------------------------------------------------------------------ measured values as the plan says them
def shown_value(name: str, reading: measurements.Reading | None) -> str:
    """A measurement as the plan and the questions show it; "…" until it is ready."""
    if reading is None or not reading.ready:
        return tr("teacher_pending")
    unit = measures.measure(name).unit
    if unit == "choice":
        return tr_choice("question_choice_", reading.value)
    return slides.format_value(unit, reading.value, 1, lang())


def expected_text(part: plan.Part, readings: dict[str, measurements.Reading]) -> str:
    return tr_choice("plan_expected_", part.id, **{name: shown_value(name, readings.get(name)) for name in part.expected})


# ------------------------------------------------------------------ prepared questions on the board
def _asked() -> dict:
    return st.session_state.setdefault(ASKED_KEY, {})


def reveal_value(question: plan.Question, reading: measurements.Reading | None, language: str) -> Any:
    """What the board shows as the measured value: a number in the answers' unit, or the right choice's label."""
    if reading is None or not reading.ready:
        return None
    if question.kind == "choice":
        return tr_choice("question_choice_", reading.value)
    return question.answer(reading.value)


def ask(question_id: str) -> None:
    """Put a prepared question on the class board (the class's current question from now on)."""
    current = teacher_class()
    question = plan.QUESTIONS[question_id]
    language = lang()
    try:
        asked = store().ask(current["code"], current["key"], board.client(), text=tr_choice("question_", question_id),
                            kind=question.kind, choices=[tr_choice("question_choice_", choice)
                                                         for choice in question.choices],
                            low=question.low, high=question.high)
        _asked()[asked.id] = (question_id, language)
        board.question_changed()
    except BoardError as error:
        st.session_state["teacher_error"] = board.error_text(error, detail=True)


def reveal(board_question_id: int, measured) -> None:
    current = teacher_class()
    try:
        store().reveal(current["code"], current["key"], board.client(), board_question_id, measured)
        board.question_changed()
    except BoardError as error:
        st.session_state["teacher_error"] = board.error_text(error, detail=True)


def current_board_question():
    """The class's current question, or None (no class, or the database unreachable: said once)."""
    current = teacher_class()
    if current is None:
        return None
    try:
        return store().current_question(current["code"])
    except BoardError as error:
        st.warning(board.error_text(error, detail=True), icon=":material/cloud_off:")
        return None


def question_controls(question: plan.Question, readings: dict, on_board) -> None:
    """One prepared question: its text, Ask, and once asked its answers' count and Reveal with the measured value."""
    st.markdown(f"> {tr_choice('question_', question.id)}")
    current = teacher_class()
    if current is None:
        st.caption(tr("teacher_need_class"))
        return
    mine = on_board is not None and _asked().get(on_board.id, (None,))[0] == question.id
    if mine and on_board.revealed:
        measured = on_board.measured
        shown = "—" if measured is None else (format_number(measured, None, lang()) if isinstance(measured, float)
                                              else str(measured))
        st.caption(tr("teacher_revealed", value=shown))
    elif mine:
        try:
            count = store().answer_count(current["code"], on_board.id)
        except BoardError:
            count = 0
        st.caption(tr("teacher_asked", count=count))
        measured = reveal_value(question, readings.get(question.measure), lang())
        label = tr("teacher_reveal_unmeasured") if measured is None else tr(
            "teacher_reveal", value=measured if isinstance(measured, str) else format_number(measured, None, lang()))
        st.button(label, key=f"teacher_reveal_{question.id}", icon=":material/visibility:", on_click=reveal,
                  args=(on_board.id, measured))
    st.button(tr("teacher_ask"), key=f"teacher_ask_{question.id}", icon=":material/help:", on_click=ask,
              args=(question.id,), type="secondary" if mine else "primary")


def prepared_measured(board_question_id: int) -> str:
    """For the board's reveal box: the measured value of a prepared question this session asked ("" otherwise)."""
    asked = st.session_state.get(ASKED_KEY, {}).get(board_question_id)
    if asked is None:
        return ""
    question = plan.QUESTIONS[asked[0]]
    value = reveal_value(question, measurements.read(question.measure), asked[1])
    if value is None:
        return ""
    return value if isinstance(value, str) else format_number(value, None, asked[1])


# ------------------------------------------------------------------ the plan
def plan_section(readings: dict) -> None:
    """Each part of the lesson: its time, page, what to project, say and ask, the answer to expect, its questions."""
    on_board = current_board_question()
    page_titles = page_names()
    for part, start, end in plan.schedule():
        with st.container(border=True, key=f"teacher_part_{part.id}"):
            header, link = st.columns([3, 1], vertical_alignment="center")
            header.markdown("#### " + tr("teacher_part_header", start=plan.clock(start), end=plan.clock(end),
                                         page=page_titles[part.page], minutes=part.minutes))
            with link:
                st.page_link(PAGE_FILES[part.page], label=tr("teacher_open_page"), icon=":material/arrow_forward:")
            st.markdown(f"**{tr('teacher_label_project')}** — {tr_choice('plan_project_', part.id)}")
            st.markdown(f"**{tr('teacher_label_say')}** — {tr_choice('plan_say_', part.id)}")
            st.markdown(f"**{tr('teacher_label_ask')}** — {tr_choice('plan_ask_', part.id)}")
            st.markdown(f"**{tr('teacher_label_expected')}** — {expected_text(part, readings)}")
            if part.questions:
                columns = st.columns(len(part.questions))
                for column, question in zip(columns, part.questions):
                    with column:
                        question_controls(question, readings, on_board)


def page_names() -> dict[str, str]:
    return {page: tr(key) for page, key in PAGE_TITLES.items()}


# ------------------------------------------------------------------ the handout
# every measurement the page shows: the plan's, the questions', the handout's
NEEDED = tuple(dict.fromkeys((*plan.measures_needed(), *plan.HANDOUT_BARS,
                              *(claim.measure for claim in slides.CLAIMS if claim.id in plan.HANDOUT_CLAIMS))))


def sample_digits() -> np.ndarray:
    """One test digit of each kind, 0 to 9 (the first of each in MNIST's test set)."""
    arrays = training_data()
    return np.stack([arrays.images_test[int(np.flatnonzero(arrays.y_test == digit)[0])] for digit in range(10)])


def class_runs() -> handout.ClassRuns | None:
    """The class this session teaches, with the runs shared on its board (None without a class, or unreachable)."""
    current = teacher_class()
    if current is None:
        return None
    try:
        info = store().class_info(current["code"])
        return handout.ClassRuns(info.code, info.students, tuple(store().runs(current["code"])))
    except BoardError:
        return None


def handout_data(language: str, readings: dict) -> handout.HandoutData:
    today = datetime.date.today()
    date = today.strftime("%d/%m/%Y") if language == "fr" else today.isoformat()
    return handout.HandoutData(language, measurements.values(readings), date, sample_digits(), class_runs())


def handout_section(readings: dict) -> None:
    """The handout's language and its download (the PDF is made when the button is pressed)."""
    st.markdown(tr("teacher_handout_text"))
    language = st.segmented_control(tr("teacher_handout_language"), list(texts.LANGUAGES), default=lang(),
                                    format_func=texts.LANGUAGE_NAMES.get, required=True, key="teacher_handout_language")
    data = handout_data(language or lang(), readings)
    st.download_button(tr("teacher_handout_download"), data=functools.partial(handout.build, data),
                       file_name=f"ia-et-nous-{data.language}.pdf", mime="application/pdf", type="primary",
                       icon=":material/picture_as_pdf:", key="teacher_handout_download", on_click="ignore")
