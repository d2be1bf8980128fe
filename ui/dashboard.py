"""The live training dashboard and its run controls, written once for every model page.

A page describes its model with a :class:`ModelView` (how to build a trainer
from settings, what the axes are called) and calls :func:`settings_panel`, :func:`run_controls`,
:func:`live_dashboard` and :func:`final_report`. The computation itself is a
:class:`core.training.hub.SharedRun` from the server-wide hub: identical settings are
computed once; each student's cursor, pause and charts stay in their session.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

import numpy as np
import pandas as pd
import streamlit as st

from core.board.records import training_record
from core.figures import dashboard
from core.numbers import format_count, format_number, format_percent, format_unit
from core.settings.pages import DashboardSettings, shown
from core.training.checkpoint import confusion_matrix
from core.training.hub import DONE as RUN_DONE
from core.training.hub import FAILED as RUN_FAILED
from core.training.hub import WAITING, HubFull, SharedRun
from core.training.run_state import FAILED, PAUSED, RUNNING, RunState
from ui import board, share
from ui.common import (chart, frozen, lang, polling_view, presenting, shared_chart, shared_figure, tr,
                       tr_choice, written_table)
from ui.live import POLL_SECONDS, live, show_failure
from ui.server import TrainingData, poll_every, training_data, viewer_id
from ui.settings import problem_text, widget
from ui.shared_work import logistic_reference_job, open_run

# With all six views on screen a redraw costs several times a single view's, in the server's
# one Python and in the browser, which mounts every changed chart anew (two Plotly drawings
# each): redraw them less often. On this 2-core machine, with Chromium beside the server, the
# default run's Start to result went from 2.7x the plain loop at 0.8 s to 2.4x at 1.2 s
# (benchmarks/run.py, browser). A network's epoch and a run's end do not wait for the next
# poll (core.training.hub.Run.await_news). Both periods grow with the number of students polling
# (core.training.polling), up to 4 s for a class (core.training.polling.MAX_PERIOD).
POLL_SECONDS_ALL_VIEWS = 1.2
# The longest a live poll waits for news (core.training.hub.Run.await_news): a click made meanwhile is
# answered once the wait is over, since Streamlit stops a run only at its next element.
NEWS_WAIT_SECONDS = 0.5
# ... and the longest it waits for the run's end when the end is due before the next poll: one more drawing
# of the six views mid-run took the browser a second of a core, which on a shared 2-core machine slowed the
# run itself (benchmarks/run.py, browser: the default run's Start to result 3.4-3.7 s with that drawing,
# 2.0-2.1 s without it). A click made meanwhile waits as long, once, near a run's end.
END_WAIT_SECONDS = 1.2
REFERENCE_POLL_SECONDS = 1.0  # the library's reference fit: a few seconds to wait, one line to refresh


@dataclass(frozen=True)
class ModelView:
    """What the shared dashboard needs to know about one model page."""

    name: str                                  # namespace of this page's state, e.g. "softmax"
    page: str                                  # the page's url path (its settings: core.settings.pages)
    step_label: str                            # text key of the x axis ("iterations", "epochs")
    reference: tuple[float, str] | None        # the lesson's accuracy, and its text key
    weight_titles: Callable[[int], list[str]]
    describe: Callable[[Any], dict]            # settings -> the columns of the runs table
    short_name: Callable[[Any], str] = str     # settings -> a label for comparison curves
    batch_title: str = "view_batch"
    weights_title: str = "view_weights"
    weights_explain: str = "explain_weights"   # what the weights view shows, under it
    train_curve: str = "curve_train"           # what the training curve measures


# ------------------------------------------------------------------- state
@dataclass
class Watched:
    """The run a student watches on a page: its settings, the shared run and their place in it."""

    settings: Any
    run: SharedRun
    state: RunState

    def tell_run(self) -> None:
        """How far this student wants the run computed (also their heartbeat)."""
        self.run.want(viewer_id(), self.state.wanted_step(self.run.checkpoints, self.settings.total_steps,
                                                          self.settings.chunk))


def watched(view: ModelView) -> Watched | None:
    """The run this session watches on ``view``'s page, if any."""
    return st.session_state.get(f"{view.name}_run")


# ---------------------------------------------------------------- controls
def _form_key(view: ModelView) -> str:
    return f"{view.name}_form"


def form_settings(view: ModelView) -> tuple[Any, list[tuple[str, dict]]]:
    """The settings the page's panel made last, and why they cannot be used (nothing drawn yet: a reason)."""
    return st.session_state.get(_form_key(view), (None, [("no settings drawn yet", {})]))


def settings_panel(view: ModelView, draw: Callable[[], tuple[Any, list[tuple[str, dict]]]]) -> None:
    """The page's settings, drawn by ``draw`` (which returns the settings and their problems), as a fragment.

    Moving a setting reruns this panel only, not the page's dashboard, final report and slide box: a
    whole five-layer page is 40 ms of the page server, and a class moving its settings at once (their
    shared run has just ended) queued up to 3 s behind each other in the whole-lesson load test. The run
    controls drawn after it (:func:`run_controls`, a whole page's run) read the settings made here last.
    """
    page_run = [True]  # the first call is the page's run, the next ones the fragment's own

    @st.fragment
    def panel() -> None:
        settings, problems = draw()
        st.session_state[_form_key(view)] = (settings, problems)
        for key, values in problems:
            st.error(problem_text(key, values, type(settings)), icon=":material/error:")
        current = watched(view)
        if current is not None and current.settings != settings and not current.state.active:
            st.info(tr("run_settings_changed"), icon=":material/info:")
        if not page_run[0]:
            share.sync_link(view.page)  # the URL follows the settings (a page's run writes it after the page)
            if share.box_open():
                st.rerun(scope="app")  # the sidebar's link to share follows them too
        page_run[0] = False

    panel()


def start(view: ModelView, settings, stepping: bool = False) -> None:
    reset(view)
    try:
        run = open_run(settings)
    except HubFull:
        st.session_state[f"{view.name}_busy"] = True
        return
    current = Watched(settings, run, RunState.started(stepping))
    current.tell_run()
    st.session_state[f"{view.name}_run"] = current


def start_from_form(view: ModelView) -> None:
    """Start with the settings the panel shows (nothing when they cannot be used: the panel says why)."""
    settings, problems = form_settings(view)
    if not problems:
        start(view, settings)


def step_from_form(view: ModelView) -> None:
    settings, problems = form_settings(view)
    if not problems:
        step(view, settings)


def pause_or_resume(view: ModelView) -> None:
    current = watched(view)
    if current is not None and not current.state.finished:
        current.state.pause_or_resume()
        current.tell_run()


def step(view: ModelView, settings) -> None:
    current = watched(view)
    if current is None or current.state.finished:
        start(view, settings, stepping=True)
        return
    current.state.step()
    current.tell_run()


def reset(view: ModelView) -> None:
    current = watched(view)
    if current is not None:
        current.run.release(viewer_id())
    st.session_state.pop(f"{view.name}_run", None)
    st.session_state.pop(f"{view.name}_busy", None)


def run_controls(view: ModelView) -> None:
    """Start, Pause/Resume, Step and Reset, disabled where they make no sense (after :func:`settings_panel`)."""
    current = watched(view)
    mode = current.state.mode if current else None
    valid = not form_settings(view)[1]
    cols = st.columns(4)
    cols[0].button(tr("run_start"), type="primary", icon=":material/play_arrow:", disabled=not valid,
                   on_click=start_from_form, args=(view,), key=f"{view.name}_start", width="stretch")
    paused = mode in ("paused", "stepping")
    cols[1].button(tr("run_resume") if paused else tr("run_pause"),
                   icon=":material/play_circle:" if paused else ":material/pause:",
                   disabled=mode not in ("running", "paused", "stepping"), on_click=pause_or_resume, args=(view,),
                   key=f"{view.name}_pause", width="stretch")
    cols[2].button(tr("run_step"), icon=":material/skip_next:", disabled=not valid or mode == "running",
                   on_click=step_from_form, args=(view,), key=f"{view.name}_step", width="stretch")
    cols[3].button(tr("run_reset"), icon=":material/restart_alt:", disabled=current is None, on_click=reset,
                   args=(view,), key=f"{view.name}_reset", width="stretch")
    if st.session_state.get(f"{view.name}_busy"):
        st.warning(tr("run_server_full"), icon=":material/hourglass_top:")


# --------------------------------------------------------------- dashboard
def _status(view: ModelView, current: Watched) -> None:
    run, settings = current.run, current.settings
    step_now = current.state.cursor_step(run.checkpoints)
    fraction = min(1.0, step_now / settings.total_steps) if settings.total_steps else 1.0
    language = lang()
    label = tr("run_progress", step=format_count(step_now, language),
               total=format_count(settings.total_steps, language), unit=tr(view.step_label))
    st.progress(fraction, text=label)
    mode = current.state.mode
    if mode == FAILED:
        show_failure(run.error)
    elif run.computed_elsewhere:
        st.info(tr("run_elsewhere"), icon=":material/dns:")
    elif run.state == WAITING and not run.checkpoints:
        position = run.queue_position()
        st.info(tr("run_waiting", position=(position or 0) + 1), icon=":material/hourglass_top:")
    elif mode == PAUSED:
        st.caption(tr("run_paused"))
    if run.live_viewers() > 1:
        st.caption(tr("run_shared", count=run.live_viewers()))


def _views(view: ModelView, current: Watched, which: str, arrays: TrainingData) -> None:
    run = current.run
    checkpoints = run.checkpoints[:current.state.cursor + 1]
    if not checkpoints:
        st.caption(tr("run_no_data"))
        return
    last = checkpoints[-1]
    total = current.settings.total_steps
    x_title = tr(view.step_label)
    single = which != "all"
    height = 620 if single else 400
    names = (tr(view.train_curve), tr("curve_test") + ("" if last.test_size == arrays.y_test.size
                                                     else tr("curve_test_sample", n=last.test_size)))
    reference = (view.reference[0], tr(view.reference[1])) if view.reference else None
    steps = np.array([c.step for c in checkpoints])
    layers = list(last.weight_percentiles)
    others = [(label, x, y) for label, x, y in st.session_state.get(f"{view.name}_previous", [])
              if label != view.short_name(current.settings)]
    render = {
        "accuracy": lambda: dashboard.accuracy_figure(checkpoints, tr("view_accuracy"), x_title, names, height,
                                                      reference, total, others=others),
        "loss": lambda: dashboard.loss_figure(checkpoints, tr("view_loss"), x_title, names, height, total),
        "batch": lambda: dashboard.digits_figure(arrays.images_train[last.batch_indices],
                                                 arrays.y_train[last.batch_indices], last.batch_predictions,
                                                 tr(view.batch_title), height=height + 60),
        "test": lambda: dashboard.digits_figure(arrays.images_test[last.test_indices],
                                                arrays.y_test[last.test_indices], last.test_predictions,
                                                tr("view_test", n=last.test_size), height=height + 60),
        "weights": lambda: dashboard.weight_images_figure(last.pixel_weights,
                                                          view.weight_titles(last.pixel_weights.shape[1]),
                                                          tr(view.weights_title), height),
        "weight_spread": lambda: dashboard.layers_spread_figure(
            steps, {name: np.array([c.weight_percentiles[name] for c in checkpoints]) for name in layers},
            tr("view_weight_spread"), x_title, tr("layer_word"), height, total, tr("curve_median")),
        "biases": lambda: dashboard.biases_figure(
            steps, {name: np.array([c.biases[name] for c in checkpoints]) for name in layers},
            tr("view_biases"), x_title, tr("layer_word"), height, total),
    }
    # With a class polling, the dashboard's figures are most of the server's Python time. Each
    # one is a function of the run, how far this student's cursor is and how the page is shown,
    # so it is built once for the server and shown to every student at that point of that run
    # (half a class often trains the lesson's settings), and again at each poll that finds
    # nothing new. Only the accuracy chart also draws this student's own earlier runs.
    shown = (view.name, run.key, run.created, current.state.cursor, lang(), presenting(), height)
    mine = frozen(others)

    def figure(name: str):
        return shared_figure(shown + (name, mine if name == "accuracy" else ()), render[name])

    if single:
        chart(figure(which), key=f"{view.name}_view_{which}")
        if which == "weights":
            chart(figure("weight_spread"), key=f"{view.name}_view_weight_spread")
        st.caption(tr(view.weights_explain) if which == "weights" else tr_choice("explain_", which))
        return
    layout = [("accuracy", "loss"), ("batch", "test"), ("weights", "weight_spread"), ("biases", None)]
    for left, right in layout:
        columns = st.columns(2)
        for column, name in zip(columns, (left, right)):
            if name is not None:
                with column:
                    chart(figure(name), key=f"{view.name}_grid_{name}")


def live_dashboard(view: ModelView) -> None:
    """Progress and the six views, refreshed in place while this student's run goes on."""
    arrays = training_data()
    top = st.columns([3, 1])
    shown_as = shown(view.page, DashboardSettings)
    which = widget(shown_as, "view", top[0], default="accuracy" if presenting() else None)  # one view on a projector
    slow = widget(shown_as, "slow", top[1])
    first = watched(view)
    if first is None:
        st.info(tr("run_press_start"), icon=":material/play_arrow:")
        return
    active = first.state.active

    base = POLL_SECONDS_ALL_VIEWS if which == "all" else POLL_SECONDS
    poll = poll_every(base) if active else None

    page_run = [True]  # the first call is the page's run, the next ones are the fragment's polls

    @st.fragment(run_every=poll)
    def live() -> None:
        current = watched(view)
        if current is None:
            return
        state, run = current.state, current.run
        wanted = poll_every(base)  # also: this session still polls
        if poll is not None and state.active:
            if wanted >= 2 * poll or 2 * wanted <= poll:  # the class grew or left: poll at the new pace
                st.rerun(scope="app")
        if poll is not None and state.mode == RUNNING and not page_run[0]:
            # A poll waits (in this session's thread, the GIL free) for news due soon: never
            # a page's run, which answers a click.
            run.await_news(state.cursor_step(run.checkpoints) if state.cursor >= 0 else -1,
                           min(poll, NEWS_WAIT_SECONDS), end_within=min(poll, END_WAIT_SECONDS))
        page_run[0] = False
        was_active = state.active
        current.tell_run()  # also this student's heartbeat
        state.follow(len(run.checkpoints) - 1, slow, run_done=run.state == RUN_DONE, run_failed=run.state == RUN_FAILED)
        if was_active and not state.active:
            if state.done:
                _record(view, current)
            # Stop polling and show the final report, without drawing the views here first:
            # the whole page's run draws them again at once (a browser mounts each changed
            # chart anew, the six views took a busy laptop about a second).
            st.rerun(scope="app")
        _status(view, current)
        with polling_view(poll is not None):
            _views(view, current, which, arrays)

    live()


# ------------------------------------------------------------ final report
def _record(view: ModelView, current: Watched) -> None:
    if current.state.recorded:
        return
    current.state.recorded = True
    checkpoints = current.run.checkpoints
    last = checkpoints[-1]
    previous = st.session_state.setdefault(f"{view.name}_previous", [])
    label = view.short_name(current.settings)
    previous[:] = [entry for entry in previous if entry[0] != label][-2:]
    previous.append((label, np.array([c.step for c in checkpoints]), np.array([c.test_accuracy for c in checkpoints])))
    runs = st.session_state.setdefault("run_table", [])
    runs.append({
        "run": len(runs) + 1,
        "model": view.name,
        **view.describe(current.settings),
        "test_accuracy": round(100 * last.test_accuracy, 2),
        "test_loss": round(last.test_loss, 4),
        "last_batch_accuracy": round(100 * last.train_accuracy, 1),
        "compute_s": round(last.seconds, 2),
    })


def final_report(view: ModelView, extra: Callable[[Any, list], Any] | None = None) -> None:
    """After a run: final accuracy, confusion matrix, the library's reference, this student's runs."""
    current = watched(view)
    if current is not None and current.state.done:
        arrays = training_data()
        last = current.run.checkpoints[-1]
        st.header(tr("final_title"), divider="red")
        left, right = st.columns([1, 2], gap="large")
        with left:
            language = lang()
            st.metric(tr("final_test_accuracy"), format_percent(100 * last.test_accuracy, 2, language))
            st.metric(tr("final_test_loss"), format_number(last.test_loss, 3, language))
            st.metric(tr("final_time"), format_unit(last.seconds, 2, "s", language))
            st.caption(tr("explain_test"))
            _share_with_class(view, current)
            if extra is not None:
                extra(current.settings, current.run.checkpoints)
        with right:
            matrix = confusion_matrix(arrays.y_test[last.test_indices], last.test_predictions)
            shared_chart(dashboard.confusion_figure, matrix, tr("confusion_title"), tr("confusion_predicted"),
                         tr("confusion_true"), key=f"{view.name}_confusion")
            st.caption(tr("confusion_explain"))
    runs = st.session_state.get("run_table", [])
    if runs:
        st.subheader(tr("runs_title"))
        table = pd.DataFrame(runs)
        table["model"] = table["model"].map(lambda name: tr_choice("model_", name))
        table.columns = [tr_choice("col_", column) for column in table.columns]
        places = {"test_accuracy": 2, "test_loss": 4, "last_batch_accuracy": 1, "compute_s": 2}
        st.dataframe(written_table(table, {tr_choice("col_", column): d for column, d in places.items()},
                                   as_is=(tr_choice("col_", "run"), tr_choice("col_", "seed"))),
                     hide_index=True, width="stretch")
        st.download_button(tr("runs_download"), table.to_csv(index=False).encode("utf-8"), file_name="runs.csv",
                           mime="text/csv", icon=":material/download:", key=f"{view.name}_download")


def _share_with_class(view: ModelView, current: Watched) -> None:
    """The finished run on the class board (for a student in a class)."""
    settings, last = current.settings, current.run.checkpoints[-1]
    board.share_panel(f"{view.name}-{hash(settings)}-{last.step}",
                      training_record(share.current_page(), view.name, settings, last))


def logistic_reference(settings, checkpoints=None) -> None:
    """scikit-learn's LogisticRegression on the same digits, fitted once per setting for the server."""
    job = logistic_reference_job(settings)
    language = lang()

    def show() -> None:
        st.markdown(f"**{tr('reference_title')}**")
        if not job.finished:
            position = job.queue_position()
            st.caption(tr("reference_waiting", position=position + 1) if position is not None
                       else tr("reference_running"))
            return
        if job.error is not None:
            show_failure(job.error)
            return
        result = job.result
        st.markdown(tr("reference_result", accuracy=format_number(100 * result.test_accuracy, 2, language),
                       seconds=format_number(result.fit_seconds, 1, language),
                       digits=format_count(result.train_size, language)))

    live(show, lambda: job.finished, base=REFERENCE_POLL_SECONDS)
