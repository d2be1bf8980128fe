"""The class board from the pages' side: the store, joining a class, sharing a run, answering.

A student joins with the teacher's link (``?class=K7P-4QA``) or by typing the code in the
sidebar's "Classe" box, and stays in the class for the rest of the session, on every page.
Pages call :func:`share_panel` under a finished run with its typed record (built by
``core.board.records``); the teacher's page is ``lesson_pages/7_board.py``. Without a class,
or when the database cannot be reached, every page works as before: the board's problems are
said in its own box, never as a traceback.
"""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import streamlit as st

from core.board import errors
from core.board.errors import NICKNAME_MAX, BoardError
from core.board.keys import normalize_code
from core.board.records import Record
from core.board.store import Student
from core.texts import families
from ui.common import tr, tr_choice
from ui.share import current_page
from ui.server import store, viewer_id

ROOT = Path(__file__).resolve().parent.parent
JOIN_PARAM = "class"
STUDENT_KEY = "board_student"     # the session's Student, once joined
TEACHER_KEY = "board_teacher"     # {"code": ..., "key": ...} in the teacher's session only
SHARED_KEY = "board_shared"       # the runs this session has shared (their signatures)


def app_link(params: dict[str, str] | None = None) -> str:
    """The app's root address (this page's address without the page), with ``params``."""
    base = (st.context.url or "").split("?")[0].split("#")[0].rstrip("/")
    page = current_page()
    if page and page != "home" and base.endswith("/" + page):
        base = base[:-len(page) - 1]
    return f"{base}/" + (f"?{urlencode(params)}" if params else "")


def join_link(code: str, language: str) -> str:
    """The class's join link (``/?class=K7P-4QA``, with the language when it is not French)."""
    params = {JOIN_PARAM: code}
    if language != "fr":
        params["lang"] = language
    return app_link(params)


def client() -> str:
    """Who is trying (for slowing down repeated wrong codes and keys): this session."""
    return viewer_id()


LOG = logging.getLogger(__name__)


ERROR_TEXTS = [(errors.Throttled, "board_err_throttled"), (errors.WrongCode, "board_err_code"),
               (errors.WrongKey, "board_err_key"), (errors.PostingClosed, "board_err_closed"),
               (errors.BoardFull, "board_err_full")]


def error_text(error: BoardError, detail: bool = False) -> str:
    """A board error as a sentence for the page, in the session's language.

    The reason an unavailable database gives (its address, the driver's words) is for the
    teacher's page and the server's log (``detail``), not for every student's sidebar.
    """
    for kind, key in ERROR_TEXTS:
        if isinstance(error, kind):
            return tr(key, seconds=round(getattr(error, "retry_after", 0) or 0))
    if isinstance(error, errors.InvalidInput):
        if error.field in families.FAMILIES["board_err_invalid_"]:  # what a person typed: said precisely
            return tr_choice("board_err_invalid_", error.field, reason=str(error))
        return tr("board_err_invalid", reason=str(error))
    LOG.warning("class board unavailable: %s", error)  # BoardUnavailable, or anything unforeseen
    return tr("board_err_unavailable", reason=str(error)) if detail else tr("board_err_unavailable_short")


def student() -> Student | None:
    return st.session_state.get(STUDENT_KEY)


def student_name(number: int, nickname: str = "") -> str:
    return nickname or tr("board_student_number", number=number)


MARKDOWN_SPECIAL = set("\\`*_{}[]()#+-.!|<>~$:&")


def plain(text: str) -> str:
    """A student's text made inert inside Markdown: every special character escaped."""
    return "".join("\\" + char if char in MARKDOWN_SPECIAL else char for char in str(text))


# ------------------------------------------------------------------- joining
def _join(code: str, nickname: str = "") -> None:
    try:
        st.session_state[STUDENT_KEY] = store().join(code, client(), nickname)
        st.session_state.pop("board_join_error", None)
    except BoardError as error:
        st.session_state["board_join_error"] = error_text(error)


def join_from_link() -> None:
    """A join link (``?class=CODE``) puts this session in the class, once; the URL then forgets it."""
    code = st.query_params.get(JOIN_PARAM)
    if code is None:
        return
    del st.query_params[JOIN_PARAM]
    current = student()
    if current is not None:
        try:
            if normalize_code(code) == current.code:
                return  # already in this class
        except BoardError:
            pass
    _join(code)


def _join_clicked() -> None:
    _join(st.session_state.get("board_code_input", ""), st.session_state.get("board_nickname_input", ""))


def _rename_clicked() -> None:
    current = student()
    try:
        st.session_state[STUDENT_KEY] = store().rename(current, st.session_state.get("board_rename_input", ""))
        st.session_state.pop("board_join_error", None)
    except BoardError as error:
        st.session_state["board_join_error"] = error_text(error)


def _leave_clicked() -> None:
    st.session_state.pop(STUDENT_KEY, None)


def class_box() -> None:
    """In the sidebar: join a class, or, once in one, the nickname and the class's question."""
    current = student()
    with st.sidebar.expander(tr("board_box_title"), icon=":material/groups:", expanded=current is not None):
        problem = st.session_state.get("board_join_error")
        if problem:
            st.error(problem, icon=":material/error:")
        if current is None:
            st.text_input(tr("board_code"), key="board_code_input", max_chars=12, placeholder="K7P-4QA")
            st.text_input(tr("board_nickname"), key="board_nickname_input", max_chars=NICKNAME_MAX,
                          help=tr("board_nickname_help"))
            st.button(tr("board_join"), on_click=_join_clicked, icon=":material/login:", key="board_join")
            return
        st.markdown(tr("board_in_class", code=current.code,
                       name=plain(student_name(current.number, current.nickname))))
        st.text_input(tr("board_nickname"), value=current.nickname, key="board_rename_input",
                      max_chars=NICKNAME_MAX, help=tr("board_nickname_help"))
        left, right = st.columns(2)
        left.button(tr("board_rename"), on_click=_rename_clicked, key="board_rename")
        right.button(tr("board_leave"), on_click=_leave_clicked, key="board_leave")
        _question_box(current)


# How stale a class's question may be in its students' sidebars. The box is drawn on every rerun
# of every page of every student in a class: two database reads each time were 6 % of the
# server's Python time with thirty students (py-spy), for a question that changes a few times an
# hour. The teacher's own page sees its change at once (question_changed).
QUESTION_SECONDS = 2.0


QUESTIONS_KEPT = 200  # classes whose question is kept at once


@st.cache_resource(show_spinner=False)
def _questions() -> dict:
    """The server's last read of each class's question: code -> (when, question)."""
    return {}


_questions_lock = threading.Lock()


def _class_question(code: str):
    """The class's current question, read from the database at most every QUESTION_SECONDS."""
    now = time.monotonic()
    kept = _questions()
    with _questions_lock:
        entry = kept.get(code)
    if entry is not None and now - entry[0] < QUESTION_SECONDS:
        return entry[1]
    question = store().current_question(code)  # a BoardError is raised, never kept
    with _questions_lock:
        if len(kept) >= QUESTIONS_KEPT:
            for stale in sorted(kept, key=lambda known: kept[known][0])[:len(kept) - QUESTIONS_KEPT + 1]:
                del kept[stale]
        kept[code] = (now, question)
    return question


def question_changed() -> None:
    """The teacher asked or revealed a question: this server's students see it at their next rerun."""
    with _questions_lock:
        _questions().clear()


def _my_answer(current: Student, question_id: int):
    """This student's answer to the question, read once per question and then kept in the session."""
    answers = st.session_state.setdefault("board_my_answers", {})
    key = (current.code, current.number, question_id)
    if key not in answers:
        answers[key] = store().my_answer(current, question_id)
    return answers[key]


def _question_box(current: Student) -> None:
    """The teacher's current question: answer it before running the experiment."""
    try:
        question = _class_question(current.code)
        mine = _my_answer(current, question.id) if question is not None else None
    except BoardError as error:
        st.warning(error_text(error), icon=":material/cloud_off:")
        return
    if question is None:
        return
    st.markdown(f"**{tr('board_question')}**")
    st.text(question.text)  # plain text: a question is never read as Markdown or HTML
    if question.revealed:
        measured = question.measured
        st.caption(tr("board_question_revealed", measured="—" if measured is None else measured))
    elif question.kind == "number":
        low, high = float(question.low), float(question.high)
        value = st.number_input(tr("board_your_answer"), min_value=low, max_value=high,
                                value=float(mine) if mine is not None else low, key=f"board_answer_{question.id}")
        _answer_button(current, question.id, value)
    else:
        choices = list(question.choices)
        value = st.radio(tr("board_your_answer"), choices, index=choices.index(mine) if mine in choices else None,
                         key=f"board_answer_{question.id}")
        _answer_button(current, question.id, value)
    if mine is not None:
        st.caption(tr("board_answered", answer=mine))


def _answer_button(current: Student, question_id: int, value: Any) -> None:
    if st.button(tr("board_send_answer"), key=f"board_send_{question_id}", icon=":material/send:",
                 disabled=value is None):
        try:
            store().answer(current, question_id, value)
            st.session_state.setdefault("board_my_answers", {})[(current.code, current.number, question_id)] = \
                store().my_answer(current, question_id)  # as stored (a number may have been rounded)
            st.rerun()
        except BoardError as error:
            st.error(error_text(error), icon=":material/error:")


# ------------------------------------------------------------------- sharing
def share_many(key: str, records: list[Record], label: str) -> None:
    """One button sharing several results at once (an experiment's grid of runs)."""
    current = student()
    if current is None or not records:
        return
    shared = st.session_state.setdefault(SHARED_KEY, set())
    signature = (current.code, key)
    if signature in shared:
        st.caption(tr("board_shared"))
        return
    try:
        info = store().class_info(current.code)
    except BoardError as error:
        st.caption(error_text(error))
        return
    if not info.posting_open:
        st.caption(tr("board_err_closed"))
        return
    problem = st.session_state.pop(f"board_share_error_{key}", None)
    if problem:
        st.error(problem, icon=":material/error:")
    if info.auto_share:
        _share(current, signature, records, key)
        if signature in shared:
            st.caption(tr("board_shared"))
        return
    st.button(label, key=f"board_share_{key}", icon=":material/publish:", on_click=_share,
              args=(current, signature, records, key))


def _share(current: Student, signature: tuple, records: list[Record], key: str) -> None:
    # Once per result: Streamlit may call a button's callback a second time when a rerun (a live
    # view's poll, a finished job's) reaches the server while the click's run starts; the browser
    # test of two servers saw one click stored as two runs.
    if signature in st.session_state.get(SHARED_KEY, ()):
        return
    try:
        for record in records:
            store().share_run(current, record)
        st.session_state.setdefault(SHARED_KEY, set()).add(signature)
    except BoardError as error:
        st.session_state[f"board_share_error_{key}"] = error_text(error)


def share_panel(key: str, record: Record, label: str | None = None) -> None:
    """"Share with the class" for one finished result (automatic when the teacher asked for it).

    ``key`` identifies the result in this session (the same result is shared once).
    """
    share_many(key, [record], label or tr("board_share"))
