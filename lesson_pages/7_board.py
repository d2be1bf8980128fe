"""Tableau de classe / Class board: the teacher creates a class and projects every student's runs live."""

from __future__ import annotations

from urllib.parse import urlencode

import streamlit as st

from core.board.errors import BoardError, WrongKey
from core.figures import board as bf
from core.numbers import format_count, format_number
from core.settings import links
from core.settings.pages import entries, replay_values
from core.texts import families
from ui import board
from ui.common import chart, context, lang, number_table, option_labels, tr, tr_choice
from ui.server import configured_key, store
from ui.share import qr_png
from ui.teacher import prepared_measured

REFRESH_SECONDS = 3.0
language = lang()

st.title(tr("board_title"))
st.markdown(tr("board_intro"))


def _open_board(code: str, key: str) -> None:
    try:
        store().check_key(code, key, board.client())
        info = store().class_info(code)
        st.session_state[board.TEACHER_KEY] = {"code": info.code, "key": key}
        st.session_state.pop("board_teacher_error", None)
    except BoardError as error:
        st.session_state["board_teacher_error"] = board.error_text(error, detail=True)


def _create_clicked() -> None:
    fixed = configured_key()
    typed = st.session_state.get("board_install_key_input", "")
    try:
        if fixed is not None and typed != fixed:
            raise WrongKey("wrong installation key")
        info, key = store().create_class(fixed)
        st.session_state[board.TEACHER_KEY] = {"code": info.code, "key": key}
        st.session_state.pop("board_teacher_error", None)
    except BoardError as error:
        st.session_state["board_teacher_error"] = board.error_text(error, detail=True)


def _resume_clicked() -> None:
    _open_board(st.session_state.get("board_resume_code", ""), st.session_state.get("board_resume_key", ""))


def start() -> None:
    """No class in this session yet: create one, or resume one with its code and key."""
    problem = st.session_state.get("board_teacher_error")
    if problem:
        st.error(problem, icon=":material/error:")
    left, right = st.columns(2, gap="large")
    with left:
        st.subheader(tr("board_create"))
        st.caption(tr("board_create_help"))
        if configured_key() is not None:
            st.text_input(tr("board_installation_key"), type="password", key="board_install_key_input")
        st.button(tr("board_create"), on_click=_create_clicked, type="primary", icon=":material/add:",
                  key="board_create")
    with right:
        st.subheader(tr("board_resume"))
        st.caption(tr("board_resume_help"))
        st.text_input(tr("board_code"), key="board_resume_code", max_chars=12, placeholder="K7P-4QA")
        st.text_input(tr("board_teacher_key"), type="password", key="board_resume_key")
        st.button(tr("board_open"), on_click=_resume_clicked, icon=":material/login:", key="board_resume")


def replay_link(run) -> str | None:
    """The link that opens a run's page with its settings (a teacher link, see ui/share.py).

    The training pages get every setting, seed included (same seed, same result); the other
    pages open on the section and setting the run came from.
    """
    record = run.record
    by_page = {
        "training": record.settings,
        "five-layers": record.settings,
        "overfitting": {"section": "overfitting"},
        "translation": {"section": "test_set", "direction": None if record.curve is None else record.curve.direction},
        # a network trained on the page (its settings), or a shipped network's curve (the chart that opens it)
        "convolution": {"section": "train", **record.settings} if record.curve is None else
                       {"direction": record.curve.direction},
    }.get(record.page)
    if by_page is None:
        return None
    params = links.to_params(entries(record.page), replay_values(record.page, by_page), context())
    if language != "fr":
        params["lang"] = language
    return f"/{record.page}" + ("?" + urlencode(params) if params else "")


teacher = st.session_state.get(board.TEACHER_KEY)
try:
    store()
except BoardError as error:
    st.error(board.error_text(error, detail=True), icon=":material/cloud_off:")
    st.stop()

if teacher is None:
    start()
    st.stop()

code, key = teacher["code"], teacher["key"]
try:
    info = store().class_info(code)
except BoardError as error:
    st.error(board.error_text(error, detail=True), icon=":material/cloud_off:")
    if st.button(tr("board_leave_board"), key="board_close"):
        st.session_state.pop(board.TEACHER_KEY, None)
        st.rerun()
    st.stop()

# ------------------------------------------------------------------ joining
top_left, top_right = st.columns([2, 1], gap="large")
with top_left:
    st.markdown(f"## {tr('board_code_big', code=code)}")
    link = board.join_link(code, language)
    st.caption(tr("board_join_link"))
    st.code(link, language=None, wrap_lines=True)
    st.caption(tr("board_expires", hours=format_number(store().class_hours, 0, language)))
    with st.expander(tr("board_show_key"), icon=":material/key:", expanded=False):
        st.markdown(tr("board_key_note", secret=key))
with top_right:
    st.image(qr_png(link), width=260)

# ------------------------------------------------------------------ options


def _set_option(name: str) -> None:
    try:
        store().set_options(code, key, board.client(), **{name: st.session_state[f"board_opt_{name}"]})
    except BoardError as error:
        st.session_state["board_teacher_error"] = board.error_text(error, detail=True)


options = st.columns(4)
options[0].toggle(tr("board_posting_open"), value=info.posting_open, key="board_opt_posting_open",
                  on_change=_set_option, args=("posting_open",))
options[1].toggle(tr("board_auto_share"), value=info.auto_share, key="board_opt_auto_share",
                  on_change=_set_option, args=("auto_share",), help=tr("board_auto_share_help"))
options[2].toggle(tr("board_hide_names"), value=info.hide_names, key="board_opt_hide_names",
                  on_change=_set_option, args=("hide_names",))
with options[3]:
    try:
        csv_text = store().export_csv(code, key, board.client())
        st.download_button(tr("board_export"), csv_text.encode("utf-8"), file_name=f"class-{code}.csv",
                           mime="text/csv", icon=":material/download:", key="board_export")
    except BoardError as error:
        st.caption(board.error_text(error, detail=True))
problem = st.session_state.pop("board_teacher_error", None)
if problem:
    st.error(problem, icon=":material/error:")


# ------------------------------------------------------------------ the live board
@st.fragment(run_every=REFRESH_SECONDS)
def live_board() -> None:
    try:
        current = store().class_info(code)
        runs = store().runs(code)
        asked = store().current_question(code)
        answered = store().answer_count(code, asked.id) if asked and not asked.revealed else None
    except BoardError as error:
        st.warning(board.error_text(error, detail=True), icon=":material/cloud_off:")
        return
    hide = current.hide_names
    numbers = st.columns(2)
    numbers[0].metric(tr("board_students"), format_count(current.students, language))
    numbers[1].metric(tr("board_runs"), format_count(current.runs, language))
    if answered is not None:  # one refreshing block for the whole board (two would interrupt each other)
        st.caption(tr("board_answer_count", count=answered))
    if not runs:
        st.info(tr("board_no_runs"), icon=":material/hourglass_empty:")
        return
    student_label = tr("board_student_number", number="{number}")
    tabs = st.tabs([tr("board_tab_table"), tr("board_tab_overfitting"), tr("board_tab_rate"), tr("board_tab_shift")])
    with tabs[0]:
        labels = {name: tr_choice("col_board_", name) for name in bf.TABLE_COLUMNS}
        labels["student_number"] = student_label
        places = {labels[name]: d for name, d in (("train_accuracy", 2), ("test_accuracy", 2), ("test_loss", 4),
                                                   ("seconds", 1))}
        st.dataframe(number_table(bf.runs_table(runs, hide, labels, language), places,
                                  as_is=(labels["id"], labels["seed"])), hide_index=True, width="stretch")
    with tabs[1]:
        chart(bf.overfitting_figure(runs, tr("board_fig_overfitting"), tr("board_axis_train"),
                                    tr("board_axis_test"), tr("board_axis_size"), hide, student_label),
              key="board_fig_overfitting")
    model_labels = {name: tr_choice("trans_model_", name) for name in families.TESTED_MODELS}
    model_labels["cnn"] = tr("model_cnn")
    with tabs[2]:
        chart(bf.learning_rate_figure(runs, tr("board_fig_rate"), tr("board_axis_rate"), tr("board_axis_test"),
                                      hide, student_label, model_labels=model_labels), key="board_fig_rate")
    with tabs[3]:
        chart(bf.shift_figure(runs, tr("board_fig_shift"), tr("board_axis_shift"), tr("board_axis_test"),
                              model_labels, tr("board_median"), hide, student_label), key="board_fig_shift")
    replay(runs, model_labels)


def replay(runs: list, model_labels: dict[str, str]) -> None:
    """Pick a shared run and open its page with its exact settings."""
    st.subheader(tr("board_replay"))
    by_id = {run.id: run for run in reversed(runs) if replay_link(run)}
    if not by_id:
        st.caption(tr("board_replay_none"))
        return
    number = tr("col_board_id")

    def described(run_id: int) -> str:
        record = by_id[run_id].record
        return f"{number} {run_id} · {model_labels.get(record.model, record.model)} · {bf.size_label(record.hidden_layers)}"

    chosen = st.selectbox(tr("board_replay"), list(by_id), key="board_replay_choice", format_func=described,
                          help=tr("board_replay_help"), label_visibility="collapsed")
    st.markdown(f"[{tr('board_replay_link', id=chosen)}]({replay_link(by_id[chosen])})")


live_board()

# ------------------------------------------------------------------ predict, then reveal
st.subheader(tr("board_ask_title"))
try:
    question = store().current_question(code)
except BoardError as error:
    question = None
    st.warning(board.error_text(error, detail=True), icon=":material/cloud_off:")

with st.form("board_ask_form", clear_on_submit=False, border=True):
    text = st.text_input(tr("board_ask_text"), placeholder=tr("board_ask_placeholder"), max_chars=200,
                         key="board_ask_text")
    kind = st.segmented_control(tr("board_ask_kind"), ["number", "choice"], default="number", required=True,
                                format_func=option_labels("board_kind_"), key="board_ask_kind")
    bounds = st.columns(2)
    low = bounds[0].number_input(tr("board_ask_low"), value=0.0, key="board_ask_low")
    high = bounds[1].number_input(tr("board_ask_high"), value=100.0, key="board_ask_high")
    choices = st.text_area(tr("board_ask_choices"), key="board_ask_choices", height=110)
    if st.form_submit_button(tr("board_ask"), icon=":material/help:"):
        try:
            store().ask(code, key, board.client(), text=text, kind=kind,
                              choices=[line.strip() for line in choices.splitlines() if line.strip()]
                              if kind == "choice" else (),
                              low=low if kind == "number" else None, high=high if kind == "number" else None)
            board.question_changed()
            st.rerun()
        except BoardError as error:
            st.error(board.error_text(error, detail=True), icon=":material/error:")

if question is not None:
    st.markdown(f"**{tr('board_current_question')}**")
    st.text(question.text)

    def answers_view() -> None:
        """The histogram once revealed (before that, the live board counts the answers)."""
        if not question.revealed:
            return
        try:
            answers = store().answers(code, question.id, key, board.client())
        except BoardError as error:
            st.warning(board.error_text(error, detail=True), icon=":material/cloud_off:")
            return
        summary = bf.answer_summary(answers)
        median = "—" if summary["median"] is None else format_number(summary["median"], 1, language)
        st.caption(tr("board_answers_summary", count=summary["count"], median=median))
        chart(bf.answers_figure(answers, tr("board_fig_answers"), tr("board_axis_count"),
                                tr("board_measured_label")), key="board_fig_answers")

    answers_view()
    if not question.revealed:
        # a question prepared on the teacher's page comes with the value the app measured
        measured_text = st.text_input(tr("board_measured"), value=prepared_measured(question.id),
                                      key=f"board_measured_{question.id}")
        if st.button(tr("board_reveal"), icon=":material/visibility:", key=f"board_reveal_{question.id}"):
            measured, readable = measured_text.strip() or None, True
            if measured is not None and question.kind == "number":
                try:
                    measured = float(measured.replace(",", ".").replace(" ", "").replace("%", ""))
                except ValueError:
                    readable = False
                    st.error(tr("board_err_invalid", reason=measured_text), icon=":material/error:")
            if readable:
                try:
                    store().reveal(code, key, board.client(), question.id, measured)
                    board.question_changed()
                    st.rerun()
                except BoardError as error:
                    st.error(board.error_text(error, detail=True), icon=":material/error:")

# ------------------------------------------------------------------ clearing, closing
with st.expander(tr("board_clear"), icon=":material/delete:"):
    if st.button(tr("board_clear_confirm"), key="board_clear_confirm", type="primary"):
        try:
            count = store().clear_runs(code, key, board.client())
            st.success(tr("board_cleared", count=count))
        except BoardError as error:
            st.error(board.error_text(error, detail=True), icon=":material/error:")
if st.button(tr("board_leave_board"), key="board_close", icon=":material/logout:"):
    st.session_state.pop(board.TEACHER_KEY, None)
    st.rerun()
