"""Load test: N simulated students on the real app, over Streamlit's own websocket protocol.

    python benchmarks/load_test.py --students 30          # the classroom case
    python benchmarks/load_test.py --students 10
    python benchmarks/load_test.py --short                # 5 students, tiny trainings, < 1 min
    python benchmarks/load_test.py --lesson --students 30 --minutes 5 [--py-spy out.svg]  # the whole lesson

Starts ``streamlit run app.py`` on a free loopback port (its own process group, always
killed at the end), then drives N students, each one a real websocket client speaking
the browser's protocol on ``ws://127.0.0.1:PORT/_stcore/stream``: it sends ``BackMsg``
reruns (page, query string ``lang=en``, widget states) and reads the ``ForwardMsg``
stream (``new_session``, deltas, ``script_finished``). Like the browser, it reruns a
fragment every ``run_every`` seconds when the server asks for it (``auto_rerun``), which
is how the training page polls its shared run.

Each student: opens Home, then Softmax (types a vector, moves the decimals slider), then
Training (moves the iterations, train-size and seed widgets, presses Start and stays
until the final report); in the full mode they then open Translation and Convolution
and move a slider there. About half the students train identical settings (one shared
computation in the server's hub), the others each a different seed.

Measured:
- render latency: from sending a rerun to its ``script_finished`` (per page kind);
- training wait: from pressing Start to the first checkpoint on screen (progress > 0);
- training completion: from pressing Start to the final report (heading "Result");
- errors: exception elements, disconnects, timeouts, page-not-found;
- the server's peak RSS (server process and its children), sampled every 0.2 s.

Class-board mode (``--board``): the server gets ``BOARD_DATABASE_URL`` on a fresh SQLite file
in a temporary directory. A simulated teacher (a websocket session too) opens the "board" page,
presses "Create a class", reads the class code and its key from the page, asks a number question
(through ``core.board.store.BoardStore`` on the same database) and keeps the board open: its
fragment reruns every 3 s. Each student then joins with the link's query string
(``?class=CODE``) on its first visit, answers the question in the sidebar, trains as usual and
presses "Share with the class" under its final report. Also measured:
- share latency: from sending the share click to its ``script_finished``;
- board refresh: each rerun of the board's fragment (send to its ``script_finished``);
- board visibility: from a share click to the board's "Shared runs" count first including it
  (the k-th share to finish is taken as the k-th run on the board);
and checked at the end through the store: as many runs and answers as the students made.

Whole-lesson mode (``--lesson``): N students arrive within 10 s (spread uniformly) on the freshly
started server; each fetches the first page as a browser does (index.html, the scripts, module
preloads, styles, font and icon it names, six connections at a time, /_stcore/health and
host-config, then the websocket and the first script run), then goes through every page in the
lesson's order, again while ``--minutes`` last (at least one whole lesson; at most 12):
- home: "other digits"; softmax: types a vector, moves the temperature and the decimals;
- training and five-layers: Start with the lesson's settings (one run for the class), then changed
  settings, one widget at a time, and Start again: the even students all the same change (a few
  runs shared by half the class), the odd ones their own seed (a run each);
- overfitting: the four "Limites" experiments one after the other (each section starts its shared
  grid of runs when shown), and, for a third of the class, another L2 strength (one more run);
- translation: the models panel (a quarter of the class switches to the server's models), the shift
  slider, then the whole test set (accuracy curves and map, shared jobs);
- convolution: the stepper's row slider (a fragment's widget: a fragment rerun, as the browser
  sends it), the learned network, the shift section and its slider, then a small convolutional
  network trained live (half the class with the page's settings: one run; the others their own seed);
- board: opened (on a throw-away SQLite database).
After each Start (or section that starts work) the student keeps the page's fragments polling, as a
browser does, until the page stops polling, then checks on the page that the run is done (its final
report, the grid's charts, every model ready and measured, the convolution page's answer).
Measured, every render of the run counted (arrivals included): renders; "click answered", from
sending a change or click to the first delta that shows its result or a run's progress (a page's
title for a page change; the script_finished when no delta matched, counted apart); the first page;
errors (exceptions, failure alerts, websocket failures, timeouts); lost sessions; trainings started
and completed; PSS summed over the server's process tree from /proc/<pid>/smaps_rollup every 0.5 s
(its worker processes included) and the server process's own RSS. The issue's targets are printed
as pass/fail; the exit status says only whether the lesson worked (errors, sessions, trainings,
pages), never how fast. ``--py-spy FILE`` attaches ``py-spy record --gil`` to the server for the run
(``.json``: speedscope, ``.svg``: a flame graph drawn from the raw stacks kept beside it, else raw
collapsed stacks) and counts the share of its GIL samples whose stack holds training or fitting code.

Prints a table and writes ``benchmarks/load_test.json`` (or ``--output``). Only loopback,
everything bounded by ``--timeout`` (default 300 s; with --lesson, --minutes plus 15 min).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "benchmarks" / "load_test.json"
STARTUP_TIMEOUT = 90.0
RENDER_TIMEOUT = 60.0       # one page render longer than this is counted as an error
TIMELINE_SLICE = 10         # seconds: the renders are also summarised by slice of the run
FINAL_TITLE = "Result"       # core/texts.py "final_title" in English
LANGUAGE_QUERY = "lang=en"
# the class board, in English (core/texts.py): what the teacher's page and the students' sidebar show
BOARD_PAGE = "board"
BOARD_RUNS_LABEL = "Shared runs"                                     # "board_runs"
BOARD_CODE = re.compile(r"Class code: \*\*([A-Z0-9]{3}-[A-Z0-9]{3})\*\*")  # "board_code_big"
BOARD_KEY = re.compile(r"Write this key down[^*]*\*\*([^*\s]+)\*\*")    # "board_key_note"
BOARD_ANSWERED = "Answer sent"                                       # "board_answered"
BOARD_SHARED = "Shared with the class."                              # "board_shared"
BOARD_WAIT_AFTER = 20.0     # seconds the teacher's board may take, after the last share, to show every run
VERBOSE = bool(os.environ.get("LOAD_TEST_VERBOSE"))  # every message of every student on stderr

try:  # the websocket client Streamlit itself depends on
    from websockets.asyncio.client import connect as ws_connect
    from websockets.exceptions import ConnectionClosed
except ImportError as error:  # pragma: no cover
    raise SystemExit(f"the 'websockets' package is needed (a Streamlit dependency): {error}")

sys.path.insert(0, str(ROOT))
from streamlit.proto.BackMsg_pb2 import BackMsg  # noqa: E402
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg  # noqa: E402

from benchmarks.app_server import descendants, start_app, stop_app  # noqa: E402

FINISHED_OK = ForwardMsg.ScriptFinishedStatus.Value("FINISHED_SUCCESSFULLY")
FINISHED_COMPILE_ERROR = ForwardMsg.ScriptFinishedStatus.Value("FINISHED_WITH_COMPILE_ERROR")
FINISHED_EARLY = ForwardMsg.ScriptFinishedStatus.Value("FINISHED_EARLY_FOR_RERUN")
FINISHED_FRAGMENT = ForwardMsg.ScriptFinishedStatus.Value("FINISHED_FRAGMENT_RUN_SUCCESSFULLY")


# ------------------------------------------------------------------------ the server
class Server:
    """``streamlit run app.py`` on a free loopback port, in its own process group."""

    def __init__(self, log_path: Path):
        self.log_path = log_path
        self.process: subprocess.Popen | None = None
        self.base_url = ""

    def start(self) -> float:
        """Start the server; the seconds until it answered."""
        started = time.monotonic()
        self.process, self.base_url = start_app(self.log_path, STARTUP_TIMEOUT)
        return time.monotonic() - started

    def stop(self) -> None:
        stop_app(self.process)


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


class MemorySampler(threading.Thread):
    """RSS of the server and its children every ``period`` seconds (psutil if present, else /proc)."""

    def __init__(self, pid: int, period: float = 0.2):
        super().__init__(daemon=True)
        self.pid, self.period = pid, period
        self.samples: list[tuple[float, float]] = []  # (time, MB)
        self._stop_event = threading.Event()
        try:
            import psutil  # optional

            self._psutil = psutil.Process(pid)
        except Exception:
            self._psutil = None

    def rss_mb(self) -> float:
        if self._psutil is not None:
            try:
                processes = [self._psutil] + self._psutil.children(recursive=True)
                return sum(p.memory_info().rss for p in processes) / 2**20
            except Exception:
                return 0.0
        return sum(_rss_kb(p) for p in [self.pid] + descendants(self.pid)) / 1024

    def run(self) -> None:
        while not self._stop_event.is_set():
            self.samples.append((time.monotonic(), self.rss_mb()))
            self._stop_event.wait(self.period)

    def stop(self) -> None:
        self._stop_event.set()
        self.join(timeout=2)

    @property
    def peak_mb(self) -> float:
        return max((mb for _, mb in self.samples), default=0.0)


class CpuSampler:
    """The server's CPU time (user + system, children included) between two readings."""

    def __init__(self, pid: int):
        self.pid = pid
        self.ticks = os.sysconf("SC_CLK_TCK")

    def seconds(self) -> float:
        total = 0
        for pid in [self.pid] + descendants(self.pid):
            try:
                with open(f"/proc/{pid}/stat") as stat:
                    fields = stat.read().rsplit(")", 1)[1].split()
                total += int(fields[11]) + int(fields[12])
            except (OSError, IndexError, ValueError):
                continue
        return total / self.ticks


# ------------------------------------------------------------------------ the students
@dataclass
class Results:
    renders: list[dict] = field(default_factory=list)      # {"student", "page", "action", "seconds", "training_running"}
    fragments: list[float] = field(default_factory=list)   # fragment (auto-rerun) round trips
    trainings: list[dict] = field(default_factory=list)
    errors: list[dict] = field(default_factory=list)
    sessions_completed: int = 0
    trainings_running: int = 0                              # students currently waiting for a training
    # full runs that ended without their script_finished (see Student.receive): rendered, but
    # Streamlit lost the message in its race between a full run's end and a fragment's tick
    lost_finished: list[dict] = field(default_factory=list)
    # the class board (--board)
    shares: list[dict] = field(default_factory=list)        # {"student", "sent", "finished", "seconds"}
    answers: int = 0
    board_renders: list[dict] = field(default_factory=list)  # the teacher's own full reruns
    board_refreshes: list[float] = field(default_factory=list)  # the board fragment's reruns
    board_refreshes_early: list[float] = field(default_factory=list)  # those ended FINISHED_EARLY_FOR_RERUN
    board_observations: list[tuple[float, int]] = field(default_factory=list)  # (time, "Shared runs" shown)
    board_checked: dict = field(default_factory=dict)      # what the store holds at the end
    # the whole lesson (--lesson)
    clicks: list[dict] = field(default_factory=list)        # {"student", "page", "action", "seconds", "marked", ...}
    first_pages: list[dict] = field(default_factory=list)   # {"student", "seconds", "html_s", "assets_s", ...}
    pages_rendered: dict = field(default_factory=dict)      # student -> the lesson's pages rendered
    lessons_completed: int = 0

    def error(self, student: int, kind: str, detail: str) -> None:
        self.errors.append({"student": student, "kind": kind, "detail": detail[:300], "t": time.monotonic()})


class StudentError(Exception):
    pass


def _widget_of(element):
    """(element kind, its message) when this element is a widget with an id, else None."""
    kind = element.WhichOneof("type")
    if kind is None:
        return None
    message = getattr(element, kind)
    if hasattr(message, "id") and isinstance(getattr(message, "id", None), str) and message.id:
        return kind, message
    return None


_STEP = re.compile(r"^\s*([\d\s\u202f\u00a0,]+)\s*/")


class Student:
    """One browser tab: a websocket session, its widget states and its fragment timers."""

    counts_as_student = True  # its completed session is counted in ``sessions_completed``

    def __init__(self, index: int, ws_url: str, results: Results, plan: dict, deadline: float):
        self.index, self.ws_url, self.results, self.plan, self.deadline = index, ws_url, results, plan, deadline
        self.ws = None
        self.pages: dict[str, str] = {}          # url path -> page_script_hash
        self.page_hash = ""
        self.page_name = ""
        self.widget_ids: dict[str, str] = {}     # user key -> widget id (current page)
        self.states: dict[str, tuple[str, object]] = {}  # widget id -> (value field, value)
        self.fragment_timers: dict[str, asyncio.Task] = {}
        self.pending: asyncio.Future | None = None
        self.pending_what = ""                   # "page/action" of the full rerun awaited
        self.pending_fragments: dict[str, float] = {}
        self.superseded_fragments: list[float] = []  # fragment reruns asked for before a full run began
        self.training_started: float | None = None
        self.first_checkpoint: float | None = None
        self.training_done: asyncio.Event = asyncio.Event()
        self.final_seen: float | None = None
        self.closed = False
        self.exception_count = 0
        self.full_running = False  # a full script run is in progress (fragment timers wait for its end)
        self.render_log = results.renders        # where this session's timed reruns go
        self.query_once = ""                     # the query string of the next full rerun only (a join link)
        self.markdowns: list[str] = []           # markdown texts and alerts received since the last action
        self.alerts: list[str] = []
        self.run_fragments: list[str] = []       # the fragments of the run being received ([] = a full run)
        self.last_auto_rerun = ""                # the last fragment that asked to be rerun periodically
        self.delta_fragment = ""                 # the fragment the delta being handled belongs to ("" = none)

    # -------------------------------------------------------------- protocol
    def query_string(self) -> str:
        """The query string this tab's reruns carry."""
        return LANGUAGE_QUERY

    async def send_rerun(self, fragment_id: str = "", triggers: tuple[str, ...] = (), page_name: str = "",
                         auto: bool = True) -> None:
        msg = BackMsg()
        state = msg.rerun_script
        state.query_string = self.query_string()
        if self.query_once and not fragment_id:
            state.query_string, self.query_once = self.query_once, ""
        if page_name:
            state.page_name = page_name
        else:
            state.page_script_hash = self.page_hash
        if fragment_id:  # a fragment's timer tick (auto), or a widget inside the fragment moved
            state.fragment_id = fragment_id
            state.is_auto_rerun = auto
        for widget_id, (value_field, value) in self.states.items():
            widget = state.widget_states.widgets.add()
            widget.id = widget_id
            if value_field == "string_array_value":
                widget.string_array_value.data.extend(value)
            elif value_field == "double_array_value":
                widget.double_array_value.data.extend(value)
            else:
                setattr(widget, value_field, value)
        for key in triggers:
            widget = state.widget_states.widgets.add()
            widget.id = self.widget_ids[key]
            widget.trigger_value = True
        if VERBOSE:
            print(f"[{time.monotonic():.2f}] s{self.index} -> rerun fragment={fragment_id!r} page={self.page_hash[:8]}"
                  f" triggers={triggers}", file=sys.stderr)
        await self.ws.send(msg.SerializeToString())

    def _on_element(self, element) -> None:
        kind = element.WhichOneof("type")
        if kind == "exception":
            self.exception_count += 1
            self.results.error(self.index, "exception", f"{element.exception.type}: {element.exception.message}")
            return
        if kind == "heading" and element.heading.body.strip() == FINAL_TITLE and self.training_started:
            if self.final_seen is None:
                self.final_seen = time.monotonic()
                self.training_done.set()
            return
        if kind == "markdown":
            self.markdowns.append(element.markdown.body)
            self.on_markdown(element.markdown.body)
            return
        if kind == "alert":
            self.alerts.append(element.alert.body)
            return
        if kind == "metric":
            self.on_metric(element.metric.label, element.metric.body)
            return
        if kind == "progress" and self.training_started and self.first_checkpoint is None:
            match = _STEP.match(element.progress.text)
            if match:
                digits = re.sub(r"\D", "", match.group(1))
                if digits and int(digits) > 0:
                    self.first_checkpoint = time.monotonic()
            return
        widget = _widget_of(element)
        if widget is not None:
            _, message = widget
            widget_id = message.id
            # "$$ID-<hash>-<user key>": the key may itself hold dashes (a share button's key does)
            user_key = widget_id.split("-", 2)[2] if widget_id.startswith("$$ID-") and widget_id.count("-") >= 2 else ""
            if user_key:
                self.widget_ids[user_key] = widget_id

    def on_markdown(self, body: str) -> None:
        """A markdown element (the teacher's page reads its class code and key here)."""

    def on_metric(self, label: str, value: str) -> None:
        """A metric element (the teacher's board counts its shared runs here)."""

    def on_message(self, kind: str, msg) -> None:
        """Every ForwardMsg, before it is handled (the lesson's students watch runs start and end here)."""

    def _fragment_finished(self, fragment_ids: list[str], now: float) -> None:
        """A fragment run ended: the round trip of every fragment rerun asked for (one on the pages)."""
        for sent in self.pending_fragments.values():
            self.results.fragments.append(now - sent)
        self.pending_fragments.clear()

    def _fragment_ended_early(self, fragment_ids: list[str], now: float) -> None:
        """A fragment run reported FINISHED_EARLY_FOR_RERUN (another rerun was waiting)."""

    def _clear_fragment_timers(self) -> None:
        for task in self.fragment_timers.values():
            task.cancel()
        self.fragment_timers.clear()

    async def _fragment_timer(self, fragment_id: str, interval: float) -> None:
        """What the browser does for st.fragment(run_every=...): rerun it every ``interval``."""
        try:
            while not self.closed:
                await asyncio.sleep(interval)
                if self.full_running:
                    # Never preempt a full run with a timer tick (a fragment-scoped request would
                    # interrupt it): the tick is skipped, as a page still rendering would not poll.
                    continue
                if fragment_id not in self.pending_fragments:
                    self.pending_fragments[fragment_id] = time.monotonic()
                await self.send_rerun(fragment_id=fragment_id)
        except (asyncio.CancelledError, ConnectionClosed):
            pass

    async def receive(self) -> None:
        try:
            async for raw in self.ws:
                msg = ForwardMsg()
                msg.ParseFromString(raw)
                kind = msg.WhichOneof("type")
                if VERBOSE:
                    detail = ""
                    if kind == "script_finished":
                        detail = ForwardMsg.ScriptFinishedStatus.Name(msg.script_finished)
                    elif kind == "auto_rerun":
                        detail = f"{msg.auto_rerun.fragment_id} {msg.auto_rerun.interval}"
                    elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
                        element = msg.delta.new_element
                        detail = element.WhichOneof("type") or ""
                        if detail in ("progress", "heading", "alert"):
                            detail += " " + str(getattr(element, detail)).replace("\n", " ")[:120]
                    if kind in ("script_finished", "new_session") and msg.metadata.run.fragment_ids:
                        detail += f" fragments={list(msg.metadata.run.fragment_ids)}"
                    if not detail.startswith(("markdown", "plotly", "empty")):  # printed, never skipped
                        print(f"[{time.monotonic():.2f}] s{self.index} <- {kind} {detail}", file=sys.stderr)
                self.on_message(kind, msg)
                if kind == "new_session":
                    new = msg.new_session
                    self.pages.update({page.url_pathname: page.page_script_hash for page in new.app_pages})
                    self.page_hash = new.page_script_hash
                    self.run_fragments = list(msg.metadata.run.fragment_ids)
                    if not msg.metadata.run.fragment_ids:  # a full run (not a fragment's) starts:
                        self.full_running = True
                        self.widget_ids = {}
                        self._clear_fragment_timers()  # it registers its fragments again
                        # A fragment rerun asked for before this full run is answered by it (the full
                        # run draws its fragments again): timed to its end, not to a later fragment's.
                        self.superseded_fragments += self.pending_fragments.values()
                        self.pending_fragments.clear()
                    elif self.full_running:
                        # A fragment's run starts while a full run never said it finished: the
                        # session runs one script at a time, so the full run has ended and its
                        # script_finished was lost. Streamlit 1.67 does this when a fragment's
                        # auto-rerun tick (the browser sends them unguarded, even while a rerun is
                        # pending) reaches the session just as a full run stops: it starts a new
                        # ScriptRunner and drops the old one's last events. The page was drawn.
                        self.full_running = False
                        if self.pending is not None and not self.pending.done():
                            self.results.lost_finished.append({"student": self.index, "action": self.pending_what})
                            self.pending.set_result(time.monotonic())
                elif kind == "navigation":  # st.navigation's pages and the current one
                    navigation = msg.navigation
                    self.pages.update({page.url_pathname: page.page_script_hash for page in navigation.app_pages})
                    self.pages.update({"home": page.page_script_hash for page in navigation.app_pages
                                       if page.is_default})
                    self.page_hash = navigation.page_script_hash or self.page_hash
                elif kind == "delta":
                    delta = msg.delta
                    self.delta_fragment = delta.fragment_id
                    if delta.WhichOneof("type") == "new_element":
                        self._on_element(delta.new_element)
                elif kind == "auto_rerun":
                    fragment_id, interval = msg.auto_rerun.fragment_id, msg.auto_rerun.interval
                    self.last_auto_rerun = fragment_id
                    if fragment_id not in self.fragment_timers:
                        self.fragment_timers[fragment_id] = asyncio.create_task(
                            self._fragment_timer(fragment_id, max(0.1, interval)))
                elif kind == "stop_auto_rerun":
                    for fragment_id in msg.stop_auto_rerun.fragment_ids:
                        task = self.fragment_timers.pop(fragment_id, None)
                        if task:
                            task.cancel()
                elif kind == "page_not_found":
                    self.results.error(self.index, "page_not_found", msg.page_not_found.page_name)
                elif kind == "script_finished":
                    status = msg.script_finished
                    if status == FINISHED_FRAGMENT:
                        self._fragment_finished(list(msg.metadata.run.fragment_ids), time.monotonic())
                    elif status == FINISHED_EARLY and msg.metadata.run.fragment_ids:
                        self._fragment_ended_early(list(msg.metadata.run.fragment_ids), time.monotonic())
                    elif status in (FINISHED_OK, FINISHED_COMPILE_ERROR):
                        self.full_running = False
                        now = time.monotonic()
                        self.results.fragments.extend(now - sent for sent in self.superseded_fragments)
                        self.superseded_fragments = []
                        if status == FINISHED_COMPILE_ERROR:
                            self.results.error(self.index, "compile_error", "script compile error")
                        if self.pending is not None and not self.pending.done():
                            self.pending.set_result(time.monotonic())
        except ConnectionClosed as closed:
            if not self.closed:
                self.results.error(self.index, "disconnect", f"websocket closed: {closed}")
        finally:
            if self.pending is not None and not self.pending.done():
                self.pending.set_exception(StudentError("disconnected"))
            self._clear_fragment_timers()

    async def rerun(self, page: str, action: str, triggers: tuple[str, ...] = (), page_name: str = "") -> float:
        """One user action: a full rerun, timed to its script_finished."""
        loop = asyncio.get_running_loop()
        self.pending = loop.create_future()
        self.pending_what = f"{page}/{action}"
        sent = time.monotonic()
        running = self.results.trainings_running
        self.markdowns, self.alerts = [], []
        await self.send_rerun(triggers=triggers, page_name=page_name)
        timeout = min(RENDER_TIMEOUT, max(0.1, self.deadline - time.monotonic()))
        try:
            finished = await asyncio.wait_for(self.pending, timeout)
        except asyncio.TimeoutError:
            self.results.error(self.index, "timeout", f"{page}/{action}: no script_finished within {timeout:.0f} s")
            raise StudentError("render timeout")
        seconds = finished - sent
        self.render_log.append({"student": self.index, "page": page, "action": action,
                                "seconds": seconds, "trainings_running": running, "sent": sent})
        return seconds

    async def open_page(self, url_path: str) -> None:
        self.states = {}  # the browser forgets the widgets of the page it leaves
        self.page_hash = self.pages[url_path]
        await self.rerun(url_path, "open")

    def set_widget(self, key: str, value_field: str, value) -> None:
        self.states[self.widget_ids[key]] = (value_field, value)

    async def think(self) -> None:
        await asyncio.sleep(self.plan["rng"].uniform(*self.plan["think"]))

    # -------------------------------------------------------------- the scenario
    async def run(self) -> None:
        plan = self.plan
        await asyncio.sleep(plan["arrival"])
        async with ws_connect(self.ws_url, subprotocols=["streamlit"], max_size=None, proxy=None,
                              open_timeout=30, ping_interval=None, compression=None) as ws:
            self.ws = ws
            receiver = asyncio.create_task(self.receive())
            try:
                await self.scenario()
                if self.counts_as_student:
                    self.results.sessions_completed += 1
            finally:
                self.closed = True
                self._clear_fragment_timers()
                await ws.close()
                receiver.cancel()
                try:
                    await receiver
                except (asyncio.CancelledError, Exception):
                    pass

    async def answer_question(self) -> None:
        """The class's question in the sidebar: type a number, press "Answer"."""
        answer_keys = sorted(key for key in self.widget_ids if key.startswith("board_answer_"))
        if not answer_keys:
            joined = any("you are" in text for text in self.markdowns)
            self.results.error(self.index, "board", f"no question in the sidebar after the join link "
                                                    f"(in the class: {joined}; alerts: {self.alerts[:2]})")
            return
        question_id = answer_keys[-1][len("board_answer_"):]
        self.set_widget(answer_keys[-1], "double_value", float(self.plan["answer"]))
        await self.rerun("home", "answer", triggers=(f"board_send_{question_id}",))
        if any(text.startswith(BOARD_ANSWERED) for text in self.markdowns):
            self.results.answers += 1
        else:
            self.results.error(self.index, "board", f"answer not confirmed on the page (alerts: {self.alerts[:2]})")

    async def share_run(self) -> None:
        """The "Share with the class" button under the final report, timed to its script_finished."""
        limit = time.monotonic() + 15.0
        keys: list[str] = []
        while time.monotonic() < limit:
            keys = sorted(key for key in self.widget_ids if key.startswith("board_share_"))
            if keys and not self.full_running:
                break
            await asyncio.sleep(0.1)
        if not keys:
            self.results.error(self.index, "board", f"no share button under the final report "
                                                    f"(alerts: {self.alerts[:2]})")
            return
        sent = time.monotonic()
        seconds = await self.rerun("training", "share", triggers=(keys[-1],))
        if any(BOARD_SHARED in text for text in self.markdowns):
            self.results.shares.append({"student": self.index, "sent": sent, "finished": sent + seconds,
                                        "seconds": seconds})
        else:
            self.results.error(self.index, "board", f"share not confirmed on the page (alerts: {self.alerts[:2]})")

    async def scenario(self) -> None:
        plan = self.plan
        board_code = plan.get("board_code")
        if board_code:  # the teacher's join link: ?class=CODE on the first visit only
            self.query_once = f"class={board_code}&{LANGUAGE_QUERY}"
        await self.rerun("home", "open", page_name="")  # first visit, like a tab opening the URL
        await self.think()
        if board_code:
            await self.answer_question()
            await self.think()
        await self.open_page("softmax")
        await self.think()
        self.set_widget("softmax_vector", "string_value", plan["vector"])
        await self.rerun("softmax", "type vector")
        await self.think()
        self.set_widget("softmax_decimals", "double_array_value", [plan["decimals"]])
        await self.rerun("softmax", "move slider")
        await self.think()

        await self.open_page("training")
        await self.think()
        self.set_widget("training_iterations", "string_array_value", [str(plan["iterations"])])
        self.set_widget("training_train_size", "string_array_value", [str(plan["train_size"])])
        self.set_widget("training_seed", "double_value", float(plan["seed"]))
        await self.rerun("training", "settings")
        await self.think()
        self.training_started = time.monotonic()
        self.results.trainings_running += 1
        try:
            await self.rerun("training", "start", triggers=("softmax_start",))
            timeout = max(0.1, self.deadline - time.monotonic())
            try:
                await asyncio.wait_for(self.training_done.wait(), timeout)
            except asyncio.TimeoutError:
                self.results.error(self.index, "timeout", f"training not finished within {timeout:.0f} s")
                raise StudentError("training timeout")
        finally:
            self.results.trainings_running -= 1
            self.results.trainings.append({
                "student": self.index, "group": plan["group"], "seed": plan["seed"],
                "iterations": plan["iterations"], "train_size": plan["train_size"],
                "wait_s": None if self.first_checkpoint is None else self.first_checkpoint - self.training_started,
                "completion_s": None if self.final_seen is None else self.final_seen - self.training_started,
            })
        # the final report's own rerun (st.rerun(scope="app")) has been rendered; let it settle
        await self.think()
        if board_code:
            await self.share_run()
            await self.think()
        await self.open_page("home")
        await self.think()
        await self.open_page("softmax")
        await self.think()
        self.set_widget("softmax_vector", "string_value", plan["vector2"])
        await self.rerun("softmax", "type vector")
        if plan["extra_pages"]:
            await self.think()
            await self.open_page("translation")
            await self.think()
            self.set_widget("translation_dx", "double_array_value", [float(plan["shift"])])
            await self.rerun("translation", "move slider")
            await self.think()
            await self.open_page("convolution")
            await self.think()
            self.set_widget("conv_row", "double_array_value", [float(plan["row"])])
            await self.rerun("convolution", "move slider")


class Teacher(Student):
    """The teacher's tab on the board page: creates the class, asks a question, keeps the board open."""

    counts_as_student = False

    def __init__(self, ws_url: str, results: Results, deadline: float, store):
        super().__init__("teacher", ws_url, results, {"rng": random.Random(0), "think": (0.2, 0.5), "arrival": 0.0},
                         deadline)
        self.render_log = results.board_renders
        self.store = store                    # core.board.store.BoardStore on the server's database
        self.code = self.key = ""
        self.question_id: int | None = None
        self.ready = asyncio.Event()          # the class exists and has its question: students may come
        self.students_done = asyncio.Event()
        self.board_fragment = ""              # the live board's fragment id
        self.runs_seen = 0

    def on_markdown(self, body: str) -> None:
        found = BOARD_CODE.search(body)
        if found:
            self.code = found.group(1)
        found = BOARD_KEY.search(body)
        if found:
            self.key = found.group(1)

    def on_metric(self, label: str, value: str) -> None:
        if label != BOARD_RUNS_LABEL:
            return
        digits = re.sub(r"\D", "", value)
        if not digits:
            return
        self.runs_seen = max(self.runs_seen, int(digits))
        self.results.board_observations.append((time.monotonic(), int(digits)))
        if not self.board_fragment:
            if len(self.run_fragments) == 1:
                self.board_fragment = self.run_fragments[0]
            elif not self.run_fragments:  # a full run: the fragment's auto_rerun came just before its body
                self.board_fragment = self.last_auto_rerun

    def _fragment_finished(self, fragment_ids: list[str], now: float, early: bool = False) -> None:
        for fragment_id in fragment_ids or list(self.pending_fragments):
            sent = self.pending_fragments.pop(fragment_id, None)
            if sent is not None and fragment_id == self.board_fragment:
                self.results.board_refreshes.append(now - sent)
                if early:
                    self.results.board_refreshes_early.append(now - sent)

    def _fragment_ended_early(self, fragment_ids: list[str], now: float) -> None:
        # Streamlit ends a fragment run with FINISHED_EARLY_FOR_RERUN when another fragment's rerun
        # is queued behind it (the board's two 3 s fragments tick together): still a refresh.
        self._fragment_finished(fragment_ids, now, early=True)

    async def scenario(self) -> None:
        await self.rerun("home", "open", page_name="")
        await self.think()
        await self.open_page(BOARD_PAGE)
        await self.think()
        await self.rerun(BOARD_PAGE, "create", triggers=("board_create",))
        if not (self.code and self.key):
            self.results.error(self.index, "board", f"no class code and key on the board page after 'create' "
                                                    f"(code {self.code!r}; alerts: {self.alerts[:2]})")
            raise StudentError("no class")
        question = await asyncio.to_thread(
            self.store.ask, self.code, self.key, "loadtest", text="Test accuracy after the training (%)?",
            kind="number", low=0.0, high=100.0)
        self.question_id = question.id
        await self.rerun(BOARD_PAGE, "refresh")  # the page now shows the question and its answer count
        self.ready.set()
        await self.students_done.wait()
        # let the board show every shared run (its fragment reruns every few seconds)
        limit = min(self.deadline, time.monotonic() + BOARD_WAIT_AFTER)
        while self.runs_seen < len(self.results.shares) and time.monotonic() < limit:
            await asyncio.sleep(0.2)


def board_visibility(results: Results) -> list[float]:
    """From each share click to the board's count first including it (k-th share finished = k-th run)."""
    seconds = []
    for rank, share in enumerate(sorted(results.shares, key=lambda share: share["finished"]), start=1):
        seen = [when for when, count in results.board_observations if count >= rank and when >= share["sent"]]
        if seen:
            seconds.append(min(seen) - share["sent"])
    return seconds


def make_plans(students: int, short: bool, seed: int) -> list[dict]:
    """Arrivals spread over a few seconds; about half the students on identical settings."""
    master = random.Random(seed)
    spread = 3.0 if short else max(5.0, 0.5 * students)
    plans = []
    for index in range(students):
        rng = random.Random(master.random())
        shared = index % 2 == 0
        plans.append({
            "rng": rng,
            "arrival": spread * index / max(1, students),
            "group": "identical" if shared else "different",
            "seed": 0 if shared else 100 + index,
            "iterations": 200 if short else 1000,
            "train_size": 10000 if short else 60000,
            "vector": ", ".join(f"{rng.uniform(-3, 3):.1f}" for _ in range(rng.randint(3, 6))),
            "vector2": ", ".join(f"{rng.uniform(-3, 3):.1f}" for _ in range(rng.randint(3, 6))),
            "decimals": float(rng.randint(0, 6)),
            "shift": rng.randint(-3, 3) or 1,
            "row": rng.randint(1, 10),
            "extra_pages": not short,
            "think": (0.1, 0.4) if short else (0.3, 1.2),  # seconds between two actions
            "answer": float(rng.randint(50, 99)),  # the class question's answer (--board)
        })
    return plans


async def drive(ws_url: str, plans: list[dict], timeout: float, results: Results, store=None) -> None:
    """The students; with ``store`` (the board's BoardStore), a teacher's board first."""
    deadline = time.monotonic() + timeout

    async def one(student: Student) -> None:
        try:
            await student.run()
        except StudentError:
            pass
        except (ConnectionClosed, OSError) as error:
            results.error(student.index, "disconnect", repr(error))
        except KeyError as error:  # a widget or a page the student expected was not there
            results.error(student.index, "missing", f"{error!r}")
        except Exception as error:  # noqa: BLE001 - reported, never hidden
            results.error(student.index, "client", repr(error))

    teacher = teacher_task = None
    if store is not None:
        teacher = Teacher(ws_url, results, deadline, store)
        teacher_task = asyncio.create_task(one(teacher))
        ready = asyncio.create_task(teacher.ready.wait())
        await asyncio.wait({ready, teacher_task}, timeout=min(timeout, 120.0), return_when=asyncio.FIRST_COMPLETED)
        ready.cancel()
        if not teacher.ready.is_set():
            results.error("teacher", "board", "the teacher's board was not ready: no student started")
            teacher_task.cancel()
            await asyncio.gather(teacher_task, return_exceptions=True)
            return
        for plan in plans:
            plan["board_code"] = teacher.code
        deadline = time.monotonic() + timeout  # the students' time starts once the class exists
        teacher.deadline = deadline + BOARD_WAIT_AFTER + 15

    students = [Student(i, ws_url, results, plan, deadline) for i, plan in enumerate(plans)]
    tasks = [asyncio.create_task(one(student)) for student in students]
    done, not_done = await asyncio.wait(tasks, timeout=timeout + 5)
    for task in not_done:
        task.cancel()
    if not_done:
        results.error(-1, "timeout", f"{len(not_done)} students still running at the global timeout")
        await asyncio.gather(*not_done, return_exceptions=True)
    if teacher is None:
        return

    teacher.students_done.set()
    try:
        await asyncio.wait_for(teacher_task, BOARD_WAIT_AFTER + 15)
    except asyncio.TimeoutError:
        results.error("teacher", "timeout", "the teacher's session did not end")
    try:  # what the store holds: every confirmed share and answer, nothing lost
        runs = await asyncio.to_thread(store.runs, teacher.code)
        answered = await asyncio.to_thread(store.answer_count, teacher.code, teacher.question_id)
    except Exception as error:  # noqa: BLE001 - reported
        results.error("teacher", "board", f"cannot read the board's store: {error!r}")
        runs, answered = [], None
    results.board_checked = {"code": teacher.code, "runs": len(runs), "answers": answered,
                             "runs_seen": teacher.runs_seen}
    if len(runs) != len(results.shares):
        why = ("a share's page never confirmed it (the run was stored)" if len(runs) > len(results.shares)
               else "confirmed shares are missing from the store")
        results.error("board", "lost_share", f"{len(results.shares)} shares confirmed on the pages, "
                                             f"{len(runs)} runs in the store: {why}")
    if answered is not None and answered != results.answers:
        results.error("board", "lost_answer", f"{results.answers} answers confirmed on the pages, "
                                              f"{answered} in the store")
    if teacher.runs_seen < len(runs):
        results.error("teacher", "board", f"the board showed {teacher.runs_seen} shared runs of {len(runs)} "
                                          f"within {BOARD_WAIT_AFTER:.0f} s of the last share")


# ------------------------------------------------------------------------ the whole lesson (--lesson)
# Each student goes through every page in the lesson's order, moves widgets, presses every start
# button (the two models with the defaults and with changed settings), opens the four "Limites"
# experiments, the translation page's models and test-set section, the convolution page's four
# sections (a network trained live included) and the class board; and again while --minutes last.
LESSON_PAGES = ("home", "softmax", "training", "five-layers", "overfitting", "translation", "convolution", "board")
LESSON_ARRIVAL_S = 10.0       # the class arrives within this many seconds, spread uniformly
LESSON_THINK_S = (0.4, 1.2)   # between two actions of one student
LESSON_MAX_LOOPS = 12         # lessons per student at most, whatever --minutes says
LESSON_GRACE_S = 900.0        # after --minutes, the last lessons' trainings may take this long to finish
SETTLE_QUIET_S = 0.6          # a page has stopped polling: no fragment timer and no message for this long
TRAINING_TIMEOUT_S = 600.0    # one training (a run, a grid, the models of a page) must finish within this
STALLED_RUN_S = 30.0          # a full run silent this long, no fragment polling: its script_finished was lost
HTTP_TIMEOUT_S = 30.0
BROWSER_CONNECTIONS = 6       # parallel HTTP connections per host, as a browser opens
MEMORY_PERIOD_S = 0.5
# the issue's targets
TARGET_RENDER_P95_S = 2.0
TARGET_CLICK_P95_S = 2.0
TARGET_FIRST_PAGE_P95_S = 3.0
TARGET_MEMORY_MB = 2048.0     # 2 GiB, PSS of the server and all its child processes
TARGET_TRAINING_SHARE = 0.05  # py-spy --gil: at most this share of the page server's samples in training/fitting

# what the pages say in English (core/texts.py), read to tell a result from a wait
READ_AS = "Read as z ="                                   # softmax_read_as
SETTINGS_CHANGED = "The settings changed"                 # run_settings_changed
REFERENCE_RESULT = "`LogisticRegression` (same model"     # reference_result
GRID_PROGRESS = "Experiments finished:"                   # grid_progress
MODEL_READY = "ready —"                                   # trans_model_ready
CURVES_READING = "unshifted, **"                          # trans_curves_reading
HEATMAP_CAPTION = "Measured on"                           # trans_heatmap_caption
COMPUTING = ("Computing, once for the whole server", "Queued (position")  # trans_computing(_waiting)
CNN_SETTINGS = "The network to train"                    # conv_train_settings
FAILURE_ALERTS = ("The training stopped on an error",     # run_failed
                  "Learning diverged",                    # run_diverged
                  "The server is very busy")              # run_server_full
DEFAULT_SOFTMAX_LR = "0.003"   # the training page's learning rate as its select slider shows it
TRANSLATION_MODELS = 3         # the translation page tests three models (core/experiments.TRANSLATION_MODELS)
GRID_CHARTS = {"overfitting": "overfit_sizes", "remedies": "remedies_gap", "plateau": "plateau_chart",
               "slow": "slow_chart"}
# py-spy frames counted as training or fitting code (the issue's list)
TRAINING_FILES = ("core/training/checkpoint.py", "core/models/mlp.py", "core/models/reference.py", "core/models/softmax_regression.py")
_FRAME = re.compile(r"^(?P<function>.*) \((?P<file>[^()]*?)(?::(?P<line>\d+))?\)$")


def _element_text(kind: str, message) -> str:
    if kind in ("markdown", "heading", "alert"):
        return message.body
    if kind == "progress":
        return message.text
    if kind == "metric":
        return f"{message.label} {message.body}"
    return ""


def _user_key(message) -> str:
    """The user key of an element's id ("$$ID-<hash>-<user key>"), else ""."""
    element_id = getattr(message, "id", "")
    if isinstance(element_id, str) and element_id.startswith("$$ID-") and element_id.count("-") >= 2:
        return element_id.split("-", 2)[2]
    return ""


# markers: what shows that an action was answered, (kind, user key, text) -> bool
def by_key(*keys: str):
    return lambda kind, key, text: key in keys


def by_text(kinds: tuple[str, ...] | str, *fragments: str):
    kinds = (kinds,) if isinstance(kinds, str) else kinds
    return lambda kind, key, text: kind in kinds and any(fragment in text for fragment in fragments)


def by_kind(kind: str):
    return lambda k, key, text: k == kind


def any_of(*markers):
    return lambda kind, key, text: any(marker(kind, key, text) for marker in markers)


TITLE = by_kind("heading")  # a page's first heading: its title (the sidebar has none)
PROGRESS = by_kind("progress")


class LessonStudent(Student):
    """A student who goes through the whole lesson, as a browser tab would, for ``--minutes``."""

    def __init__(self, index: int, ws_url: str, base_url: str, results: Results, plan: dict, deadline: float):
        super().__init__(index, ws_url, results, plan, deadline)
        self.base_url = base_url
        self.widgets: dict[str, tuple[str, object, str]] = {}  # user key -> (kind, proto, fragment id)
        # (kind, user key, text) of every element since the page's last full run began
        self.page_elements: list[tuple[str, str, str]] = []
        self.click: dict | None = None      # the action waiting for the delta that shows its result
        self.training: dict | None = None   # the training being watched (its first progress)
        self.query = LANGUAGE_QUERY         # the URL's query string, as the server last wrote it
        self.last_message = time.monotonic()
        self.fragment_pending: asyncio.Future | None = None
        self.fragment_wanted = ""
        self.changed: list[str] = []        # the widgets moved since the last action
        self.loop = 0
        self.page = ""

    # ------------------------------------------------------------ protocol
    def query_string(self) -> str:
        return self.query

    def on_message(self, kind: str, msg) -> None:
        now = self.last_message = time.monotonic()
        if kind == "new_session":
            fragments = list(msg.metadata.run.fragment_ids)
            if not fragments:  # a full run: the page is drawn again from the top
                self.page_elements = []
                self.widgets = {}
            click = self.click
            if click is not None and not click["started"]:
                if (not click["fragment"] and not fragments) or click["fragment"] in fragments:
                    click["started"] = now
        elif kind == "page_info_changed":  # the app wrote the page's settings in the URL (ui/share.sync_link)
            self.query = msg.page_info_changed.query_string
        elif kind == "script_finished" and msg.script_finished == FINISHED_FRAGMENT:
            pending = self.fragment_pending
            if pending is not None and not pending.done() and self.fragment_wanted in msg.metadata.run.fragment_ids:
                pending.set_result(now)

    def _on_element(self, element) -> None:
        kind = element.WhichOneof("type")
        if kind is None:
            return
        message = getattr(element, kind)
        key, text = _user_key(message), _element_text(kind, message)
        now = time.monotonic()
        self.page_elements.append((kind, key, text))
        click = self.click
        if click is not None and click["started"] and click["answered"] is None and click["marker"] is not None \
                and click["marker"](kind, key, text):
            click["answered"] = now
        training = self.training
        if training is not None and kind == "progress" and training["first_progress"] is None:
            match = _STEP.match(text)
            steps = int(re.sub(r"\D", "", match.group(1)) or 0) if match else 0
            if message.value > 0 or steps > 0:
                training["first_progress"] = now
        if kind == "alert" and any(failure in text for failure in FAILURE_ALERTS):
            self.results.error(self.index, "alert", f"{self.page}: {text}")
        if key and _widget_of(element) is not None:
            self.widgets[key] = (kind, message, self.delta_fragment)
        super()._on_element(element)

    # ------------------------------------------------------------- actions
    def count(self, marker) -> int:
        return sum(1 for kind, key, text in self.page_elements if marker(kind, key, text))

    def option(self, key: str, wanted: str | int) -> str:
        """A select slider's or a segmented control's option as the browser sends it (its label)."""
        kind, message, _ = self.widgets[key]
        options = [option.content for option in message.options] if kind == "button_group" else list(message.options)
        if isinstance(wanted, int):
            return options[wanted]
        if wanted in options:
            return wanted
        # a number is labelled as the page writes it ("10,000", "10 000"): found by its digits
        found = [option for option in options if _digits_only(option) == wanted]
        if not found:
            raise KeyError(f"{key}: no option {wanted!r} in {options[:12]}")
        return found[0]

    def choose(self, key: str, wanted: str | int) -> None:
        self.set_widget(key, "string_array_value", [self.option(key, wanted)])

    def set_widget(self, key: str, value_field: str, value) -> None:
        super().set_widget(key, value_field, value)
        self.changed.append(key)

    async def act(self, action: str, marker=None, triggers: tuple[str, ...] = (), page_name: str | None = None,
                  fragment_key: str = "") -> None:
        """One action: a rerun timed to its script_finished (a render) and to the delta that answers it.

        As the browser does, a widget moved or a button clicked inside a fragment (a page's settings
        panel, the stepper) reruns that fragment only; anything else reruns the page.
        """
        keys = [fragment_key] if fragment_key else [*triggers, *self.changed]
        self.changed = []
        fragment = next((self.widgets[key][2] for key in keys if key in self.widgets and self.widgets[key][2]), "")
        self.click = click = {"marker": marker, "fragment": fragment, "started": None, "answered": None,
                              "sent": time.monotonic()}
        try:
            if fragment:  # a widget inside a fragment: the browser reruns that fragment only
                seconds = await self.fragment_rerun(action, fragment)
            else:
                seconds = await self.rerun(self.page, action, triggers=triggers,
                                           **({"page_name": page_name} if page_name is not None else {}))
        finally:
            self.click = None
        answered = click["answered"]
        self.results.clicks.append({
            "student": self.index, "loop": self.loop, "page": self.page, "action": action, "sent": click["sent"],
            "seconds": (answered - click["sent"]) if answered is not None else seconds,
            "marked": answered is not None,
        })

    async def fragment_rerun(self, action: str, fragment: str) -> float:
        self.fragment_pending = asyncio.get_running_loop().create_future()
        self.fragment_wanted = fragment
        sent = time.monotonic()
        await self.send_rerun(fragment_id=fragment, auto=False)
        timeout = min(RENDER_TIMEOUT, max(0.1, self.deadline - time.monotonic()))
        try:
            finished = await asyncio.wait_for(self.fragment_pending, timeout)
        except asyncio.TimeoutError:
            self.results.error(self.index, "timeout", f"{self.page}/{action}: no fragment script_finished "
                                                      f"within {timeout:.0f} s")
            raise StudentError("fragment timeout")
        seconds = finished - sent
        self.render_log.append({"student": self.index, "page": self.page, "action": action, "seconds": seconds,
                                "trainings_running": self.results.trainings_running, "sent": sent})
        return seconds

    async def visit(self, page: str) -> None:
        """Open a page from the sidebar (its settings are kept by the session, persist_state)."""
        self.states = {}
        self.page = page
        self.page_hash = self.pages[page]
        self.query = LANGUAGE_QUERY  # Streamlit clears the URL's parameters on a page change; the app writes lang again
        self.changed = []  # a page change: a full run whatever was moved before
        await self.act("open", TITLE)
        self.results.pages_rendered.setdefault(self.index, set()).add(page)

    async def think(self, scale: float = 1.0) -> None:
        await asyncio.sleep(scale * self.plan["rng"].uniform(*LESSON_THINK_S))

    async def settle(self, what: str, started: float) -> None:
        """Until the page stops polling: a browser's tab keeps its fragments refreshing until every run
        it shows is done (each page then reruns in full without a timer). Bounded by TRAINING_TIMEOUT_S."""
        end = min(started + TRAINING_TIMEOUT_S, self.deadline)
        while time.monotonic() < end:
            if self.closed:
                raise StudentError("closed")
            quiet = time.monotonic() - self.last_message
            if not self.full_running and not self.fragment_timers and quiet >= SETTLE_QUIET_S:
                return
            if self.full_running and not self.fragment_timers and quiet >= STALLED_RUN_S:
                # The page's last full run (started by a fragment's st.rerun) never said it finished
                # and nothing polls any more (a browser would show the page as it was drawn): counted
                # with Streamlit's race (lost_script_finished); the check below says what is missing.
                self.results.lost_finished.append({"student": self.index, "action": f"{self.page}/{what} (settle)"})
                self.full_running = False
            await asyncio.sleep(0.1)
        shown = [text[:60] for kind, _, text in self.page_elements if kind == "progress" or
                 (kind in ("markdown", "alert") and any(word in text for word in (MODEL_READY, *COMPUTING)))]
        self.results.error(self.index, "timeout", f"{self.page}/{what}: still polling after "
                                                  f"{time.monotonic() - started:.0f} s (full run going: "
                                                  f"{self.full_running}, timers {len(self.fragment_timers)}, last "
                                                  f"message {time.monotonic() - self.last_message:.1f} s ago; "
                                                  f"shown: {shown[-3:]})")
        raise StudentError("training timeout")

    async def train(self, what: str, start, complete) -> None:
        """A training (a run, a grid of runs, a page's models and measurements): started by ``start()``,
        watched until the page stops polling, then checked on the page by ``complete()`` (None: done)."""
        started = time.monotonic()
        record = self.training = {"student": self.index, "loop": self.loop, "page": self.page, "what": what,
                                  "group": self.plan["group"], "first_progress": None,
                                  "wait_s": None, "completion_s": None, "problem": None}
        self.results.trainings_running += 1
        try:
            await start()
            await self.settle(what, started)
            problem = complete()
            if problem:
                record["problem"] = problem
                self.results.error(self.index, "incomplete", f"{self.page}/{what}: {problem}")
            else:
                record["completion_s"] = time.monotonic() - started
                first = record["first_progress"]
                record["wait_s"] = (first - started) if first is not None else record["completion_s"]
        finally:
            self.training = None
            self.results.trainings_running -= 1
            self.results.trainings.append({k: v for k, v in record.items() if k != "first_progress"})

    def missing(self, **wanted) -> str | None:
        """What the settled page lacks: ``name=(marker, count)``."""
        lacking = [f"{name} ({self.count(marker)} of {count})" for name, (marker, count) in wanted.items()
                   if self.count(marker) < count]
        still = self.count(by_text("progress", GRID_PROGRESS))
        if still:
            lacking.append(f"{still} grid progress bars still shown")
        return ", ".join(lacking) or None

    # ---------------------------------------------------------- first page
    async def http_get(self, path: str) -> bytes:
        """GET ``path`` on the app's loopback server (HTTP/1.1, one connection, as a browser's first visit)."""
        host, port = self.base_url.removeprefix("http://").split(":")
        if host != "127.0.0.1":
            raise StudentError(f"not a loopback URL: {self.base_url}")
        reader, writer = await asyncio.wait_for(asyncio.open_connection(host, int(port)), HTTP_TIMEOUT_S)
        try:
            writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nAccept: */*\r\n"
                         f"Accept-Encoding: gzip\r\nConnection: close\r\n\r\n".encode())
            await writer.drain()
            raw = await asyncio.wait_for(reader.read(), HTTP_TIMEOUT_S)
        finally:
            writer.close()
        head, _, body = raw.partition(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1]) if lines and len(lines[0].split()) > 1 else 0
        headers = {name.strip().lower(): value.strip()
                   for name, _, value in (line.partition(":") for line in lines[1:])}
        if status != 200:
            raise StudentError(f"GET {path}: HTTP {status}")
        if headers.get("transfer-encoding", "").lower() == "chunked":
            body = _unchunk(body)
        if headers.get("content-encoding", "").lower() == "gzip":
            import gzip

            body = gzip.decompress(body)
        return body

    async def arrive(self) -> dict:
        """What a browser fetches before the websocket: the page, its scripts and styles, health, host config."""
        started = time.monotonic()
        html = (await self.http_get(f"/?{LANGUAGE_QUERY}")).decode("utf-8", "replace")
        html_done = time.monotonic()
        assets = _page_assets(html)
        connections = asyncio.Semaphore(BROWSER_CONNECTIONS)
        sizes: list[int] = []

        async def fetch(path: str) -> None:
            async with connections:
                sizes.append(len(await self.http_get(path)))

        await asyncio.gather(*(fetch(path) for path in assets))
        assets_done = time.monotonic()
        await asyncio.gather(fetch("/_stcore/health"), fetch("/_stcore/host-config"))
        return {"student": self.index, "started": started, "html_s": html_done - started,
                "assets": len(assets), "assets_kb": round(sum(sizes) / 1024, 1),
                "assets_s": assets_done - html_done, "config_s": time.monotonic() - assets_done}

    async def run(self) -> None:
        plan = self.plan
        await asyncio.sleep(plan["arrival"])
        try:
            first = await self.arrive()
        except (OSError, asyncio.TimeoutError, ValueError, EOFError) as error:
            self.results.error(self.index, "http", f"first page: {error!r}")
            raise StudentError("first page") from error
        connecting = time.monotonic()
        async with ws_connect(self.ws_url, subprotocols=["streamlit"], max_size=None, proxy=None,
                              open_timeout=30, ping_interval=None, compression=None) as ws:
            self.ws = ws
            first["websocket_s"] = time.monotonic() - connecting
            receiver = asyncio.create_task(self.receive())
            try:
                self.page = "home"
                before = time.monotonic()
                await self.act("arrive", TITLE, page_name="")  # the first script run, like a tab opening the URL
                self.results.pages_rendered.setdefault(self.index, set()).add("home")
                first["first_run_s"] = time.monotonic() - before
                first["seconds"] = time.monotonic() - first["started"]
                self.results.first_pages.append({k: v for k, v in first.items() if k != "started"})
                await self.scenario()
                self.results.sessions_completed += 1
            finally:
                self.closed = True
                self._clear_fragment_timers()
                await ws.close()
                receiver.cancel()
                try:
                    await receiver
                except (asyncio.CancelledError, Exception):
                    pass

    # ------------------------------------------------------------ the lesson
    async def scenario(self) -> None:
        end = self.plan["lesson_end"]
        for loop in range(LESSON_MAX_LOOPS):
            if loop and time.monotonic() >= end:
                break
            self.loop = loop
            await self.lesson(loop)
            self.results.lessons_completed += 1

    async def lesson(self, loop: int) -> None:
        plan = self.plan
        if loop:
            await self.visit("home")
        await self.think()
        await self.act("other digits", by_key("home_grid"), triggers=("home_other_digits",))
        await self.think()

        await self.visit("softmax")
        await self.think()
        self.set_widget("softmax_vector", "string_value", plan["vectors"][loop % len(plan["vectors"])])
        await self.act("type vector", by_text("markdown", READ_AS))
        await self.think()
        self.choose("softmax_temperature", plan["temperature"] + loop)
        await self.act("temperature", by_key("chart_softmax"))
        await self.think(0.5)
        self.set_widget("softmax_decimals", "double_array_value", [float((plan["decimals"] + loop) % 7)])
        await self.act("decimals", by_key("chart_softmax"))
        await self.think()

        await self.visit("training")
        learning_rate = plan["softmax_lr"][loop % len(plan["softmax_lr"])]
        await self.model_page("softmax", loop, [
            *([("training_learning_rate", "choose", learning_rate)] if learning_rate != DEFAULT_SOFTMAX_LR else []),
            ("training_seed", "double_value", float(plan["seed"] + 1000 * loop)),
        ], lambda: self.missing(result=(by_text("heading", FINAL_TITLE), 1),
                                reference=(by_text("markdown", REFERENCE_RESULT), 1)))

        await self.visit("five-layers")
        await self.model_page("mlp", loop, [
            ("five_layers_activation", "choose", 1),           # ReLU
            ("five_layers_epochs", "choose", plan["mlp_epochs"]),
            ("five_layers_train_size", "choose", plan["mlp_train_size"]),
            ("five_layers_seed", "double_value", float(plan["seed"] + 1000 * loop)),
        ], lambda: self.missing(result=(by_text("heading", FINAL_TITLE), 1)))

        await self.limits(loop)
        await self.translation(loop)
        await self.convolution(loop)

        await self.visit("board")
        await self.settle("open", time.monotonic())
        await self.think()

    async def model_page(self, name: str, loop: int, changes: list, complete) -> None:
        """The lesson's settings, then changed ones: Start each time, watched to the final report."""
        await self.think()
        await self.train(f"{name} default", lambda: self.act("start default", PROGRESS, triggers=(f"{name}_start",)),
                         complete)
        await self.think()
        for key, field_name, value in changes:  # one widget at a time, as a student moves them
            if field_name == "choose":
                self.choose(key, value)
            else:
                self.set_widget(key, field_name, value)
            await self.act(f"set {key.split('_', 1)[1]}", by_text("alert", SETTINGS_CHANGED))
            await self.think(0.5)
        await self.train(f"{name} changed", lambda: self.act("start changed", PROGRESS, triggers=(f"{name}_start",)),
                         complete)
        await self.think()

    async def limits(self, loop: int) -> None:
        """The four "Limites" experiments: each section starts its shared grid of runs when shown."""
        for index, section in enumerate(GRID_CHARTS):
            chart = by_key(GRID_CHARTS[section])
            answered = any_of(by_text("progress", GRID_PROGRESS), chart)

            def complete(chart=chart, section=section):
                return self.missing(**{f"{section} chart": (chart, 1)})

            async def start(index=index, section=section, answered=answered):
                if index == 0:  # the first experiment starts when the page opens
                    await self.visit("overfitting")
                    await self.think(0.5)
                    if not loop:
                        return
                    # a later lesson opens on the section seen last (the session keeps it)
                self.choose("overfitting_section", index)
                await self.act(f"section {section}", answered)

            await self.train(section, start, complete)
            await self.think()
            if section == "remedies" and self.plan["move_l2"]:  # another L2 strength: one more run
                self.choose("overfitting_l2", (2 + loop) % 3)
                await self.train("remedies l2", lambda: self.act("l2 strength", answered), complete)
                await self.think()

    async def translation(self, loop: int) -> None:
        """The models panel (the student's own models or the server's), a shift, then the whole test set."""
        await self.visit("translation")
        await self.think()
        if self.plan["server_models"] and "trans_use_own" in self.widgets:
            self.set_widget("trans_use_own", "bool_value", False)
            await self.act("server's models", any_of(by_text("markdown", MODEL_READY), PROGRESS))
            await self.think()
        if loop and "translation_dx" not in self.widgets:  # a later lesson opens on the section seen last
            self.choose("translation_section", 0)
            await self.act("section shift", by_key("trans_pair"))
        self.set_widget("translation_dx", "double_array_value", [float(self.plan["shift"])])
        await self.act("shift slider", by_key("trans_pair"))
        await self.think()

        async def test_set():
            self.choose("translation_section", 1)
            await self.act("section test set", any_of(by_text("markdown", *COMPUTING), by_key("trans_curves"),
                                                      by_key("trans_heatmap"), by_text("alert", "")))

        await self.train("translation models and test set", test_set, lambda: self.missing(
            **{"models ready": (by_text("markdown", MODEL_READY), TRANSLATION_MODELS),
               "accuracy curves": (by_text("markdown", CURVES_READING), TRANSLATION_MODELS),
               "accuracy map": (by_text("markdown", HEATMAP_CAPTION), 1)}))
        await self.think()

    async def convolution(self, loop: int) -> None:
        """The answer's chart, a filter stepped by hand (a fragment's slider), the learned network layer by
        layer, a shift, then a small convolutional network trained live (half the class with the page's
        settings, the others each with their own seed)."""
        await self.visit("convolution")
        await self.think()
        if "conv_row" not in self.widgets:  # a later lesson opens on the section seen last
            self.choose("convolution_section", 0)
            await self.act("section filter", by_key("conv_map"))
        self.set_widget("conv_row", "double_array_value", [float(self.plan["row"])])
        await self.act("row slider", by_key("conv_step_maps"), fragment_key="conv_row")
        await self.think()
        self.choose("convolution_section", 1)
        await self.act("section network", by_key("conv_learned_filters"))
        await self.think()
        self.choose("convolution_section", 2)
        await self.act("section shift", by_key("conv_shift_pictures"))
        await self.think(0.5)
        self.set_widget("convolution_dx", "double_array_value", [float(self.plan["conv_shift"])])
        await self.act("shift slider", by_key("conv_shift_pictures"))
        await self.think()
        self.choose("convolution_section", 3)
        await self.act("section train", by_text("markdown", CNN_SETTINGS))
        if self.plan["group"] != "identical":  # the other half: a seed each
            self.set_widget("convolution_seed", "double_value", float(self.plan["seed"] + 1000 * loop))
            await self.act("set seed", by_key("convolution_seed"))  # the settings panel: a fragment
        await self.train("cnn", lambda: self.act("start", PROGRESS, triggers=("cnn_start",)),
                         lambda: self.missing(result=(by_text("heading", FINAL_TITLE), 1),
                                              answer=(by_key("conv_answer_chart"), 1)))
        await self.think()


def _digits_only(label: str) -> str:
    """A number's label without its thousands separators (",", a space, U+00A0, U+202F)."""
    return re.sub(r"[,\s\u00a0\u202f]", "", label)


def _unchunk(body: bytes) -> bytes:
    """An HTTP/1.1 chunked body, decoded (bounded by its length)."""
    out, position = bytearray(), 0
    while position < len(body):
        end = body.find(b"\r\n", position)
        if end < 0:
            break
        size = int(body[position:end].split(b";")[0] or b"0", 16)
        if size == 0:
            break
        out += body[end + 2:end + 2 + size]
        position = end + 2 + size + 2
    return bytes(out)


def _page_assets(html: str) -> list[str]:
    """What a browser fetches for Streamlit's index.html: its scripts, module preloads, styles, fonts, icon."""
    paths = re.findall(r"<script[^>]*\bsrc=\"([^\"]+)\"", html)
    for tag in re.findall(r"<link\b[^>]*>", html):
        rel = re.search(r"\brel=\"([^\"]+)\"", tag)
        href = re.search(r"\bhref=\"([^\"]+)\"", tag)
        if rel and href and rel.group(1) in ("stylesheet", "modulepreload", "preload", "shortcut icon", "icon"):
            paths.append(href.group(1))
    # relative to the page's URL ("/"), never another host
    return [("/" + path.lstrip("./")) if not path.startswith("/") else path
            for path in dict.fromkeys(paths) if "://" not in path and not path.startswith("//")]


def make_lesson_plans(students: int, seed: int, lesson_end: float) -> list[dict]:
    """Arrivals spread uniformly over LESSON_ARRIVAL_S; half the class on shared changed settings.

    Every student trains each model with the lesson's settings (one run for the class), then with
    changed ones: the even students all the same change (a learning rate for the 10-neuron model,
    ReLU and fewer epochs and digits for the network: a few runs shared by half the class), the
    odd ones their own seed (a run each). A later lesson changes them again.
    """
    master = random.Random(seed)
    plans = []
    for index in range(students):
        rng = random.Random(master.random())
        shared = index % 2 == 0
        plans.append({
            "rng": rng,
            "arrival": LESSON_ARRIVAL_S * index / max(1, students),
            "lesson_end": lesson_end,
            "group": "identical" if shared else "different",
            "seed": 0 if shared else 100 + index,
            "softmax_lr": ["0.01", "0.03", "0.001"] if shared else [DEFAULT_SOFTMAX_LR],
            "mlp_epochs": "3" if shared else "2",
            "mlp_train_size": "10000",
            "vectors": [", ".join(f"{rng.uniform(-3, 3):.1f}" for _ in range(rng.randint(3, 6))) for _ in range(3)],
            "temperature": rng.randint(0, 3),
            "decimals": rng.randint(0, 6),
            "shift": rng.randint(-5, 5) or 2,
            "conv_shift": rng.randint(-5, 5) or 1,
            "row": rng.randint(3, 24),
            "move_l2": index % 3 == 0,          # a third of the class tries another L2 strength
            "server_models": index % 4 == 0,    # a quarter tests the server's models instead of their own
        })
    return plans


async def drive_lesson(ws_url: str, base_url: str, plans: list[dict], timeout: float, results: Results) -> None:
    deadline = time.monotonic() + timeout

    async def one(student: LessonStudent) -> None:
        try:
            await student.run()
        except StudentError:
            pass
        except (ConnectionClosed, OSError) as error:
            results.error(student.index, "disconnect", repr(error))
        except KeyError as error:  # a widget, an option or a page the student expected was not there
            results.error(student.index, "missing", f"{student.page}: {error!r}")
        except Exception as error:  # noqa: BLE001 - reported, never hidden
            results.error(student.index, "client", repr(error))

    students = [LessonStudent(i, ws_url, base_url, results, plan, deadline) for i, plan in enumerate(plans)]
    tasks = [asyncio.create_task(one(student)) for student in students]
    done, not_done = await asyncio.wait(tasks, timeout=timeout + 5)
    for task in not_done:
        task.cancel()
    if not_done:
        results.error(-1, "timeout", f"{len(not_done)} students still running at the global timeout")
        await asyncio.gather(*not_done, return_exceptions=True)


# ---------------------------------------------------------------- memory and py-spy (--lesson)
def _pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


class TreeMemorySampler(threading.Thread):
    """Every ``period`` s: PSS summed over the server's process tree (its workers included, shared pages
    counted once), the tree's RSS (``samples``, as MemorySampler's) and the server process's own RSS."""

    def __init__(self, pid: int, period: float = MEMORY_PERIOD_S, limit: float = 7200.0):
        super().__init__(daemon=True)
        self.pid, self.period, self.limit = pid, period, limit
        self.samples: list[tuple[float, float]] = []      # (time, MB) RSS of the tree
        self.pss: list[tuple[float, float, int]] = []      # (time, MB, processes)
        self.server_rss: list[tuple[float, float]] = []
        self._stop_event = threading.Event()

    def sample(self) -> None:
        now = time.monotonic()
        tree = [self.pid] + descendants(self.pid)
        self.pss.append((now, sum(_pss_kb(pid) for pid in tree) / 1024, len(tree)))
        self.samples.append((now, sum(_rss_kb(pid) for pid in tree) / 1024))
        self.server_rss.append((now, _rss_kb(self.pid) / 1024))

    def run(self) -> None:
        end = time.monotonic() + self.limit
        while not self._stop_event.is_set() and time.monotonic() < end:
            self.sample()
            self._stop_event.wait(self.period)

    def stop(self) -> None:
        self._stop_event.set()
        self.join(timeout=5)

    @property
    def peak_mb(self) -> float:
        return max((mb for _, mb in self.samples), default=0.0)

    @property
    def peak_pss_mb(self) -> float:
        return max((mb for _, mb, _ in self.pss), default=0.0)

    @property
    def peak_server_rss_mb(self) -> float:
        return max((mb for _, mb in self.server_rss), default=0.0)

    @property
    def max_processes(self) -> int:
        return max((count for _, _, count in self.pss), default=0)


class PySpy:
    """``py-spy record --gil`` on the server for the run: raw collapsed stacks, speedscope, or an SVG
    flame graph drawn here from the raw stacks (so that every output can be read back and counted)."""

    def __init__(self, pid: int, output: Path, rate: int = 100):
        self.pid, self.output, self.rate = pid, output, rate
        suffix = output.suffix.lower()
        self.format = "speedscope" if suffix == ".json" else "raw"
        self.recorded = output.with_suffix(".raw.txt") if suffix == ".svg" else output
        self.process: subprocess.Popen | None = None
        self.log = output.with_suffix(output.suffix + ".log")

    def start(self) -> None:
        executable = shutil.which("py-spy") or str(Path(sys.executable).parent / "py-spy")
        self.output.parent.mkdir(parents=True, exist_ok=True)
        # --nonblocking: the server is never paused to be sampled (its pages are what is measured)
        command = [executable, "record", "--gil", "--nonblocking", "--pid", str(self.pid), "--rate", str(self.rate),
                   "--format", self.format, "-o", str(self.recorded)]
        with open(self.log, "wb") as log:
            self.process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        time.sleep(1.0)
        if self.process.poll() is not None:
            raise RuntimeError(f"py-spy exited at once: {self.log.read_text(errors='replace')[-500:]}")

    def stop(self) -> None:
        """SIGINT: py-spy writes its file and exits (killed if it has not within 60 s)."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)

    def stacks(self) -> list[tuple[list[str], int]]:
        """(frames root first, samples) of every stack recorded."""
        if not self.recorded.exists():
            return []
        if self.format == "speedscope":
            document = json.loads(self.recorded.read_text())
            frames = [f"{frame['name']} ({frame.get('file', '')}:{frame.get('line', 0)})"
                      for frame in document["shared"]["frames"]]
            found = []
            for profile in document["profiles"]:
                # weights are seconds (1 / rate each): counted back as samples
                for sample, weight in zip(profile["samples"], profile.get("weights", [])):
                    found.append(([frames[i] for i in sample], max(1, round(float(weight) * self.rate))))
            return found
        found = []
        for line in self.recorded.read_text(errors="replace").splitlines():
            stack, _, count = line.rpartition(" ")
            if stack and count.isdigit():
                found.append((stack.split(";"), int(count)))
        return found

    def summary(self) -> dict:
        stacks = self.stacks()
        if self.output.suffix.lower() == ".svg":
            write_flamegraph(stacks, self.output, f"py-spy record --gil, server pid {self.pid}")
        total = sum(count for _, count in stacks)
        kinds = {"training": 0, "training_in_background": 0, "training_in_pages": 0, "background": 0, "pages": 0,
                 "imports": 0}
        for frames, count in stacks:
            training, background, page, computing = False, False, False, False
            for frame in frames:
                match = _FRAME.match(frame)
                function, file = (match.group("function"), match.group("file")) if match else (frame, "")
                file = file.replace("\\", "/")
                if (any(file.endswith(name) for name in TRAINING_FILES) or "sklearn/" in file
                        or (file.endswith("core/lesson/convolution.py") and "fit" in function)):
                    training = True
                    computing = computing or function != "<module>"  # not only the library being imported
                if file.endswith("core/training/hub.py") and function.endswith("_work"):
                    background = True
                if "scriptrunner" in file:
                    page = True
            kinds["training"] += count if training else 0
            kinds["imports"] += count if training and not computing else 0
            kinds["training_in_background"] += count if training and background else 0
            kinds["training_in_pages"] += count if training and page and not background else 0
            kinds["background"] += count if background else 0
            kinds["pages"] += count if page else 0
        share = (lambda n: round(n / total, 4) if total else None)
        return {
            "output": str(self.output), "recorded": str(self.recorded), "format": self.format, "rate_hz": self.rate,
            "samples": total,
            "training_samples": kinds["training"],
            "training_share": share(kinds["training"]),
            "training_share_in_background_threads": share(kinds["training_in_background"]),
            "training_share_in_page_scripts": share(kinds["training_in_pages"]),
            # of training_share: stacks whose training frames are all module bodies (scikit-learn imported)
            "training_share_imports_only": share(kinds["imports"]),
            "background_work_share": share(kinds["background"]),
            "page_scripts_share": share(kinds["pages"]),
            "target_share": TARGET_TRAINING_SHARE,
            "pass": bool(total) and kinds["training"] / total < TARGET_TRAINING_SHARE,
            "top_training_frames": _top_frames(stacks),
        }


def _top_frames(stacks: list[tuple[list[str], int]], count: int = 8) -> list[list]:
    """The innermost training/fitting frames holding the GIL most often."""
    tally: dict[str, int] = {}
    for frames, samples in stacks:
        for frame in reversed(frames):
            match = _FRAME.match(frame)
            file = match.group("file") if match else ""
            if any(file.endswith(name) for name in TRAINING_FILES) or "sklearn/" in file or (
                    file.endswith("core/lesson/convolution.py") and "fit" in (match.group("function") if match else "")):
                tally[frame] = tally.get(frame, 0) + samples
                break
    return [[frame, samples] for frame, samples in sorted(tally.items(), key=lambda item: -item[1])[:count]]


def write_flamegraph(stacks: list[tuple[list[str], int]], path: Path, title: str) -> None:
    """A plain SVG flame graph (root at the bottom, hover a box for its frame and samples)."""
    from html import escape

    tree: dict = {"children": {}, "count": 0}
    for frames, count in stacks:
        node = tree
        node["count"] += count
        for frame in frames:
            node = node["children"].setdefault(frame, {"children": {}, "count": 0})
            node["count"] += count
    total = tree["count"] or 1
    width, row = 1600.0, 16
    boxes: list[str] = []

    def depth_of(node) -> int:
        return 1 + max((depth_of(child) for child in node["children"].values()), default=0)

    levels = min(depth_of(tree), 400)
    height = levels * row + 40

    def draw(node, x: float, depth: int) -> None:
        if depth >= levels:
            return
        for frame, child in sorted(node["children"].items()):
            w = width * child["count"] / total
            if w >= 0.5:
                y = height - (depth + 1) * row - 10
                hue = 20 + (hash(frame.split(" (")[0]) % 40)
                short = frame if w > 7 * len(frame) else frame[:max(0, int(w / 7) - 2)] + ("…" if w > 21 else "")
                label = escape(short)
                boxes.append(f'<g><title>{escape(frame)} ({child["count"]} samples, '
                             f'{100 * child["count"] / total:.2f}%)</title><rect x="{x:.1f}" y="{y}" width="{w:.1f}" '
                             f'height="{row - 1}" fill="hsl({hue},80%,60%)"/><text x="{x + 2:.1f}" y="{y + row - 4}" '
                             f'font-size="11">{label if w > 21 else ""}</text></g>')
                draw(child, x, depth + 1)
            x += w

    draw(tree, 0.0, 0)
    path.write_text(f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height}" '
                    f'font-family="monospace"><text x="4" y="16" font-size="13">{escape(title)}: {total} samples'
                    f'</text>{"".join(boxes)}</svg>\n')


# ------------------------------------------------------------------------ the report
def percentile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def _r(value, digits: int = 3):
    return None if value is None else round(value, digits)


def summarize(students: int, results: Results, peak_rss: float, duration: float, startup: float,
              cpu_seconds: float, args, memory: MemorySampler) -> dict:
    renders = [r["seconds"] for r in results.renders]
    non_training = [r["seconds"] for r in results.renders if r["page"] != "training"]
    during = [r["seconds"] for r in results.renders if r["page"] != "training" and r["trainings_running"] > 0]
    waits = [t["wait_s"] for t in results.trainings if t["wait_s"] is not None]
    completions = [t["completion_s"] for t in results.trainings if t["completion_s"] is not None]
    by_page = {}
    for page in sorted({r["page"] for r in results.renders}):
        values = [r["seconds"] for r in results.renders if r["page"] == page]
        by_page[page] = {"count": len(values), "p50_s": _r(percentile(values, 50)),
                         "p95_s": _r(percentile(values, 95)), "max_s": _r(max(values))}
    by_action = {}
    for page, action in sorted({(r["page"], r["action"]) for r in results.renders}):
        values = [r["seconds"] for r in results.renders if (r["page"], r["action"]) == (page, action)]
        by_action[f"{page}/{action}"] = {"count": len(values), "p50_s": _r(percentile(values, 50)),
                                         "p95_s": _r(percentile(values, 95)), "max_s": _r(max(values))}
    # the same renders in 10-second slices of the run (by when they were asked): a slow start
    # (the first visits load the libraries and MNIST) is told apart from a slow middle
    timeline = []
    if results.renders:
        first = min(r["sent"] for r in results.renders)
        slices: dict[int, list[float]] = {}
        for r in results.renders:
            slices.setdefault(int((r["sent"] - first) // TIMELINE_SLICE), []).append(r["seconds"])
        timeline = [{"from_s": index * TIMELINE_SLICE, "renders": len(values), "p50_s": _r(percentile(values, 50)),
                     "p95_s": _r(percentile(values, 95)), "max_s": _r(max(values))}
                    for index, values in sorted(slices.items())]
    errors_by_kind: dict[str, int] = {}
    for error in results.errors:
        errors_by_kind[error["kind"]] = errors_by_kind.get(error["kind"], 0) + 1
    summary = {
        "students": students,
        "mode": "short" if args.short else "full",
        "errors": len(results.errors),
        "errors_by_kind": errors_by_kind,
        "error_samples": [{k: v for k, v in e.items() if k != "t"} for e in results.errors[:10]],
        "sessions_completed": results.sessions_completed,
        "lost_sessions": students - results.sessions_completed,
        "lost_script_finished": len(results.lost_finished),
        "renders": len(renders),
        "render_p50_s": _r(percentile(renders, 50)),
        "render_p95_s": _r(percentile(renders, 95)),
        "render_max_s": _r(max(renders, default=None) if renders else None),
        "render_other_pages_p50_s": _r(percentile(non_training, 50)),
        "render_other_pages_p95_s": _r(percentile(non_training, 95)),
        "render_other_pages_during_training_p95_s": _r(percentile(during, 95)),
        "render_other_pages_during_training_count": len(during),
        "render_by_page": by_page,
        "render_by_action": by_action,
        "render_timeline": timeline,
        "fragment_reruns": len(results.fragments),
        "fragment_p50_s": _r(percentile(results.fragments, 50)),
        "fragment_p95_s": _r(percentile(results.fragments, 95)),
        "trainings": len(results.trainings),
        "trainings_completed": len(completions),
        "training_wait_p50_s": _r(percentile(waits, 50)),
        "training_wait_p95_s": _r(percentile(waits, 95)),
        "training_completion_p50_s": _r(percentile(completions, 50)),
        "training_completion_p95_s": _r(percentile(completions, 95)),
        "training_completion_max_s": _r(max(completions, default=None) if completions else None),
        "training_settings": {"iterations": 200 if args.short else 1000,
                              "train_size": 10000 if args.short else 60000,
                              "identical": sum(1 for t in results.trainings if t["group"] == "identical"),
                              "different": sum(1 for t in results.trainings if t["group"] == "different")},
        "peak_rss_mb": round(peak_rss, 1),
        "rss_start_mb": round(memory.samples[0][1], 1) if memory.samples else None,
        "rss_end_mb": round(memory.samples[-1][1], 1) if memory.samples else None,
        "server_cpu_s": round(cpu_seconds, 1),
        "server_cpu_utilisation": round(cpu_seconds / duration, 2) if duration else None,
        "startup_s": round(startup, 2),
        "duration_s": round(duration, 2),
        "timeout_s": args.timeout,
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
    }
    if getattr(args, "board", False):
        shares = [share["seconds"] for share in results.shares]
        visibility = board_visibility(results)
        teacher = [r["seconds"] for r in results.board_renders]
        summary.update({
            "board": True,
            "shares": len(results.shares),
            "answers": results.answers,
            "share_p50_s": _r(percentile(shares, 50)),
            "share_p95_s": _r(percentile(shares, 95)),
            "share_max_s": _r(max(shares) if shares else None),
            "board_refreshes": len(results.board_refreshes),
            "board_refresh_p50_s": _r(percentile(results.board_refreshes, 50)),
            "board_refresh_p95_s": _r(percentile(results.board_refreshes, 95)),
            "board_refresh_max_s": _r(max(results.board_refreshes) if results.board_refreshes else None),
            "board_refreshes_ended_early": len(results.board_refreshes_early),
            "board_visibility_p50_s": _r(percentile(visibility, 50)),
            "board_visibility_p95_s": _r(percentile(visibility, 95)),
            "board_visibility_count": len(visibility),
            "board_runs_seen": results.board_checked.get("runs_seen", 0),
            "board_store_runs": results.board_checked.get("runs"),
            "board_store_answers": results.board_checked.get("answers"),
            "board_page_renders": len(teacher),
            "board_page_render_p95_s": _r(percentile(teacher, 95)),
        })
    return summary


def print_table(summary: dict) -> None:
    def fmt(value, unit=" s"):
        return "-" if value is None else f"{value:.2f}{unit}"

    rows = [
        ("students", str(summary["students"])),
        ("errors", f"{summary['errors']} {summary['errors_by_kind'] or ''}".strip()),
        ("sessions completed", f"{summary['sessions_completed']} (lost {summary['lost_sessions']})"),
        ("full runs without script_finished", f"{summary['lost_script_finished']} (drawn; Streamlit's fragment race)"),
        ("renders", str(summary["renders"])),
        ("render p50 / p95 / max", f"{fmt(summary['render_p50_s'])} / {fmt(summary['render_p95_s'])} / "
                                   f"{fmt(summary['render_max_s'])}"),
        ("other pages p50 / p95", f"{fmt(summary['render_other_pages_p50_s'])} / "
                                  f"{fmt(summary['render_other_pages_p95_s'])}"),
        ("other pages during trainings p95", f"{fmt(summary['render_other_pages_during_training_p95_s'])} "
                                             f"({summary['render_other_pages_during_training_count']} renders)"),
        ("fragment reruns p50 / p95", f"{fmt(summary['fragment_p50_s'])} / {fmt(summary['fragment_p95_s'])} "
                                      f"({summary['fragment_reruns']})"),
        ("training wait p50 / p95", f"{fmt(summary['training_wait_p50_s'])} / {fmt(summary['training_wait_p95_s'])}"),
        ("training completion p50 / p95 / max", f"{fmt(summary['training_completion_p50_s'])} / "
                                                f"{fmt(summary['training_completion_p95_s'])} / "
                                                f"{fmt(summary['training_completion_max_s'])}"),
        ("trainings completed", f"{summary['trainings_completed']} / {summary['trainings']}"),
        ("peak server RSS", fmt(summary["peak_rss_mb"], " MB")),
        ("server CPU", f"{summary['server_cpu_s']:.1f} s ({summary['server_cpu_utilisation']} cores busy)"),
        ("startup / duration", f"{fmt(summary['startup_s'])} / {fmt(summary['duration_s'])}"),
    ]
    width = max(len(name) for name, _ in rows)
    print(f"\nLoad test: {summary['students']} students ({summary['mode']} mode)")
    print("-" * (width + 40))
    for name, value in rows:
        print(f"{name:<{width}}  {value}")
    print("-" * (width + 40))
    print(f"{'page / action':<26}{'count':>7}{'p50':>9}{'p95':>9}{'max':>9}")
    for page, stats in list(summary["render_by_page"].items()) + list(summary["render_by_action"].items()):
        print(f"{page:<26}{stats['count']:>7}{stats['p50_s']:>9.2f}{stats['p95_s']:>9.2f}{stats['max_s']:>9.2f}")
    if summary.get("render_timeline"):
        print("-" * (width + 40))
        for stats in summary["render_timeline"]:
            name = f"renders from {stats['from_s']:>3} s"
            print(f"{name:<26}{stats['renders']:>7}{stats['p50_s']:>9.2f}{stats['p95_s']:>9.2f}{stats['max_s']:>9.2f}")
    if summary.get("board"):
        board_rows = [
            ("shares / answers", f"{summary['shares']} / {summary['answers']} (store: {summary['board_store_runs']} "
                                 f"runs, {summary['board_store_answers']} answers)"),
            ("share p50 / p95 / max", f"{fmt(summary['share_p50_s'])} / {fmt(summary['share_p95_s'])} / "
                                      f"{fmt(summary['share_max_s'])}"),
            ("board refresh p50 / p95 / max", f"{fmt(summary['board_refresh_p50_s'])} / "
                                              f"{fmt(summary['board_refresh_p95_s'])} / "
                                              f"{fmt(summary['board_refresh_max_s'])} ({summary['board_refreshes']})"),
            ("board refreshes ended early", f"{summary['board_refreshes_ended_early']} of "
                                            f"{summary['board_refreshes']} (FINISHED_EARLY_FOR_RERUN)"),
            ("share to board p50 / p95", f"{fmt(summary['board_visibility_p50_s'])} / "
                                         f"{fmt(summary['board_visibility_p95_s'])} "
                                         f"({summary['board_visibility_count']} seen)"),
            ("runs seen on the board", str(summary["board_runs_seen"])),
            ("teacher page renders p95", f"{fmt(summary['board_page_render_p95_s'])} "
                                         f"({summary['board_page_renders']})"),
        ]
        print("-" * (width + 40))
        print("class board")
        for name, value in board_rows:
            print(f"{name:<{width}}  {value}")
    for error in summary["error_samples"]:
        print(f"error: student {error['student']} {error['kind']}: {error['detail']}")


def _stats(values: list[float]) -> dict:
    return {"count": len(values), "p50_s": _r(percentile(values, 50)), "p95_s": _r(percentile(values, 95)),
            "max_s": _r(max(values) if values else None)}


def summarize_lesson(students: int, results: Results, duration: float, startup: float, cpu_seconds: float,
                     args, memory: TreeMemorySampler, py_spy: dict | None) -> dict:
    """The figures of ``summarize`` (same keys) and the lesson's own: clicks, first pages, trainings by
    kind, pages rendered, memory of the whole process tree, py-spy's share, the targets passed or not."""
    summary = summarize(students, results, memory.peak_mb, duration, startup, cpu_seconds, args, memory)
    clicks = [c["seconds"] for c in results.clicks]
    first = [f["seconds"] for f in results.first_pages]
    by_action: dict[str, list[float]] = {}
    unmarked: dict[str, int] = {}
    for click in results.clicks:
        name = f"{click['page']}/{click['action']}"
        by_action.setdefault(name, []).append(click["seconds"])
        if not click["marked"]:
            unmarked[name] = unmarked.get(name, 0) + 1
    trainings: dict[str, dict] = {}
    for training in results.trainings:
        entry = trainings.setdefault(training["what"], {"started": 0, "completed": 0, "waits": [], "completions": []})
        entry["started"] += 1
        if training["completion_s"] is not None:
            entry["completed"] += 1
            entry["completions"].append(training["completion_s"])
            entry["waits"].append(training["wait_s"])
    pages = {page: sum(1 for seen in results.pages_rendered.values() if page in seen) for page in LESSON_PAGES}
    missing = {str(student): sorted(set(LESSON_PAGES) - results.pages_rendered.get(student, set()))
               for student in range(students) if set(LESSON_PAGES) - results.pages_rendered.get(student, set())}
    started = len(results.trainings)
    completed = sum(1 for t in results.trainings if t["completion_s"] is not None)
    summary.update({
        "mode": "lesson",
        "lesson": True,
        "minutes": args.minutes,
        "lessons_completed": results.lessons_completed,
        "lesson_pages": list(LESSON_PAGES),
        "pages_rendered": pages,
        "students_missing_pages": missing,
        "clicks": len(clicks),
        "click_p50_s": _r(percentile(clicks, 50)),
        "click_p95_s": _r(percentile(clicks, 95)),
        "click_max_s": _r(max(clicks) if clicks else None),
        "clicks_without_their_delta": unmarked,  # answered only by script_finished (no delta matched)
        "click_by_action": {name: _stats(values) for name, values in sorted(by_action.items())},
        "first_page_p50_s": _r(percentile(first, 50)),
        "first_page_p95_s": _r(percentile(first, 95)),
        "first_page_max_s": _r(max(first) if first else None),
        "first_page_parts_p95_s": {part: _r(percentile([f[part] for f in results.first_pages if part in f], 95))
                                   for part in ("html_s", "assets_s", "config_s", "websocket_s", "first_run_s")},
        "first_page_assets": results.first_pages[0]["assets"] if results.first_pages else None,
        "first_page_assets_kb": results.first_pages[0]["assets_kb"] if results.first_pages else None,
        "trainings_started": started,
        "trainings_completed": completed,
        "trainings_by_kind": {name: {"started": entry["started"], "completed": entry["completed"],
                                     "wait_p95_s": _r(percentile(entry["waits"], 95)),
                                     "completion_p50_s": _r(percentile(entry["completions"], 50)),
                                     "completion_p95_s": _r(percentile(entry["completions"], 95)),
                                     "completion_max_s": _r(max(entry["completions"], default=None))}
                              for name, entry in trainings.items()},
        "training_settings": {"identical": sum(1 for t in results.trainings if t["group"] == "identical"),
                              "different": sum(1 for t in results.trainings if t["group"] == "different")},
        "peak_pss_mb": round(memory.peak_pss_mb, 1),
        "peak_server_rss_mb": round(memory.peak_server_rss_mb, 1),
        "server_processes_max": memory.max_processes,
        "memory_samples": len(memory.pss),
        "memory_period_s": memory.period,
    })
    if py_spy is not None:
        summary["py_spy"] = py_spy
    peak_pss = summary["peak_pss_mb"]
    targets = {
        "errors": (summary["errors"], "0", summary["errors"] == 0),
        "lost_sessions": (summary["lost_sessions"], "0", summary["lost_sessions"] == 0),
        "trainings_completed": (f"{completed} / {started}", "all", started > 0 and completed == started),
        "pages_rendered": (f"{sum(pages.values())} / {students * len(LESSON_PAGES)}", "all", not missing),
        "render_p95_s": (summary["render_p95_s"], f"< {TARGET_RENDER_P95_S:g} s",
                         summary["render_p95_s"] is not None and summary["render_p95_s"] < TARGET_RENDER_P95_S),
        "click_p95_s": (summary["click_p95_s"], f"< {TARGET_CLICK_P95_S:g} s",
                        summary["click_p95_s"] is not None and summary["click_p95_s"] < TARGET_CLICK_P95_S),
        "first_page_p95_s": (summary["first_page_p95_s"], f"< {TARGET_FIRST_PAGE_P95_S:g} s",
                             summary["first_page_p95_s"] is not None
                             and summary["first_page_p95_s"] < TARGET_FIRST_PAGE_P95_S),
        "peak_pss_mb": (peak_pss, f"< {TARGET_MEMORY_MB:g} MB", 0 < peak_pss < TARGET_MEMORY_MB),
    }
    if py_spy is not None:
        targets["py_spy_training_share"] = (py_spy["training_share"], f"< {100 * TARGET_TRAINING_SHARE:g} %",
                                            py_spy["pass"])
    summary["targets"] = {name: {"value": value, "target": target, "pass": bool(passed)}
                          for name, (value, target, passed) in targets.items()}
    summary["targets_passed"] = all(t["pass"] for t in summary["targets"].values())
    return summary


def print_lesson(summary: dict) -> None:
    def fmt(value, unit=" s"):
        return "-" if value is None else f"{value:.2f}{unit}"

    print_table(summary)
    print("-" * 70)
    print(f"whole lesson: {summary['lessons_completed']} lessons completed by {summary['students']} students "
          f"in {summary['duration_s']:.0f} s (at least {summary['minutes']:g} min each)")
    print(f"{'pages rendered':<36}" + ", ".join(f"{page} {count}" for page, count in summary["pages_rendered"].items()))
    print(f"{'clicks answered p50 / p95 / max':<36}{fmt(summary['click_p50_s'])} / {fmt(summary['click_p95_s'])} / "
          f"{fmt(summary['click_max_s'])} ({summary['clicks']})")
    if summary["clicks_without_their_delta"]:
        print(f"{'clicks timed to script_finished':<36}{summary['clicks_without_their_delta']}")
    parts = summary["first_page_parts_p95_s"]
    print(f"{'first page p50 / p95 / max':<36}{fmt(summary['first_page_p50_s'])} / "
          f"{fmt(summary['first_page_p95_s'])} / {fmt(summary['first_page_max_s'])} "
          f"({summary['first_page_assets']} assets, {summary['first_page_assets_kb']} kB)")
    print(f"{'  p95 of: html / assets / config':<36}{fmt(parts['html_s'])} / {fmt(parts['assets_s'])} / "
          f"{fmt(parts['config_s'])}; websocket {fmt(parts['websocket_s'])}, first run {fmt(parts['first_run_s'])}")
    print(f"{'memory peak: PSS tree / RSS server':<36}{summary['peak_pss_mb']:.0f} MB / "
          f"{summary['peak_server_rss_mb']:.0f} MB ({summary['server_processes_max']} processes at most)")
    print(f"{'training (started, completed)':<44}{'wait p95':>10}{'done p50':>10}{'done p95':>10}{'max':>9}")
    for name, entry in summary["trainings_by_kind"].items():
        label = f"  {name} ({entry['started']}, {entry['completed']})"
        print(f"{label:<44}{fmt(entry['wait_p95_s']):>10}{fmt(entry['completion_p50_s']):>10}"
              f"{fmt(entry['completion_p95_s']):>10}{fmt(entry['completion_max_s']):>9}")
    print(f"{'click (page/action)':<36}{'count':>7}{'p50':>9}{'p95':>9}{'max':>9}")
    for name, stats in summary["click_by_action"].items():
        print(f"  {name:<34}{stats['count']:>7}{stats['p50_s']:>9.2f}{stats['p95_s']:>9.2f}{stats['max_s']:>9.2f}")
    spy = summary.get("py_spy")
    if spy:
        share = (lambda v: "-" if v is None else f"{100 * v:.1f} %")
        print(f"{'py-spy --gil samples':<36}{spy['samples']} ({spy['output']})")
        print(f"{'  in training/fitting code':<36}{share(spy['training_share'])} (background threads "
              f"{share(spy['training_share_in_background_threads'])}, page scripts "
              f"{share(spy['training_share_in_page_scripts'])}; only imports {share(spy['training_share_imports_only'])})")
        print(f"{'  background work / page scripts':<36}{share(spy['background_work_share'])} / "
              f"{share(spy['page_scripts_share'])}")
        for frame, samples in spy["top_training_frames"][:5]:
            print(f"    {samples:>6}  {frame[:110]}")
    print("-" * 70)
    print("targets")
    for name, target in summary["targets"].items():
        value = target["value"]
        shown = f"{value:.2f}" if isinstance(value, float) else str(value)
        print(f"  {name:<34}{shown:>14}  {target['target']:<10} {'PASS' if target['pass'] else 'FAIL'}")


def run_lesson(args, students: int) -> int:
    """``--lesson``: a fresh server, N students through the whole lesson for ``--minutes``, the report."""
    args.timeout = args.timeout if args.timeout is not None else args.minutes * 60 + LESSON_GRACE_S
    server = Server(args.server_log)
    memory: TreeMemorySampler | None = None
    spy: PySpy | None = None
    spy_summary = None
    board_dir = Path(tempfile.mkdtemp(prefix="load-test-lesson-"))  # the board page's database, thrown away
    saved_env = {name: os.environ.get(name) for name in ("BOARD_DATABASE_URL", "BOARD_TEACHER_KEY")}
    started = time.monotonic()
    try:
        os.environ["BOARD_DATABASE_URL"] = f"sqlite:///{board_dir / 'class_board.sqlite3'}"
        os.environ.pop("BOARD_TEACHER_KEY", None)
        try:
            startup = server.start()
        finally:
            for name, value in saved_env.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value
        memory = TreeMemorySampler(server.process.pid, limit=args.timeout + 600)
        memory.start()
        if args.py_spy is not None:
            spy = PySpy(server.process.pid, args.py_spy)
            spy.start()
        cpu = CpuSampler(server.process.pid)
        cpu_before = cpu.seconds()
        results = Results()
        ws_url = server.base_url.replace("http://", "ws://") + "/_stcore/stream"
        begin = time.monotonic()
        plans = make_lesson_plans(students, args.seed, begin + 60 * args.minutes)
        asyncio.run(drive_lesson(ws_url, server.base_url, plans, args.timeout, results))
        duration = time.monotonic() - begin
        cpu_seconds = cpu.seconds() - cpu_before
        if server.process.poll() is not None:
            results.error(-1, "server", f"the server exited with code {server.process.returncode}")
        if spy is not None:
            spy.stop()
            spy_summary = spy.summary()
        memory.stop()
        summary = summarize_lesson(students, results, duration, startup, cpu_seconds, args, memory, spy_summary)
    finally:
        if spy is not None:
            spy.stop()
        if memory is not None:
            memory.stop()
        server.stop()
        shutil.rmtree(board_dir, ignore_errors=True)
    summary["wall_s"] = round(time.monotonic() - started, 2)
    print_lesson(summary)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(summary, indent=2, default=str) + "\n")
    print(f"\nwritten: {args.output}")
    # the exit status says whether the lesson worked (errors, sessions, trainings, pages), not how fast
    targets = summary["targets"]
    working = all(targets[name]["pass"]
                  for name in ("errors", "lost_sessions", "trainings_completed", "pages_rendered"))
    return 0 if working else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--students", type=int, default=None, help="simulated students (default 10; 5 with --short)")
    parser.add_argument("--short", action="store_true", help="5 students, tiny trainings, under a minute")
    parser.add_argument("--timeout", "--duration", dest="timeout", type=float, default=None,
                        help="global bound on the students' run, seconds (default 300; 50 with --short)")
    parser.add_argument("--output", type=Path, default=OUTPUT, help=f"JSON output (default {OUTPUT})")
    parser.add_argument("--seed", type=int, default=0, help="seed of the students' choices")
    parser.add_argument("--board", action="store_true",
                        help="class-board mode: a teacher's board, students answering a question and sharing runs")
    parser.add_argument("--lesson", action="store_true",
                        help="whole-lesson mode: every page in order, every start button, for --minutes")
    parser.add_argument("--minutes", type=float, default=5.0,
                        help="--lesson: each student goes through the lesson again while this lasts (default 5)")
    parser.add_argument("--py-spy", dest="py_spy", type=Path, default=None,
                        help="--lesson: attach 'py-spy record --gil' to the server, written here (.svg: a flame "
                             "graph, .json: speedscope, else raw collapsed stacks)")
    parser.add_argument("--server-log", type=Path, default=ROOT / "test-artifacts" / "load-test-server.log")
    args = parser.parse_args(argv)
    students = args.students if args.students is not None else (5 if args.short else 10)
    if not 1 <= students <= 60:
        parser.error("--students must be between 1 and 60")
    if args.lesson:
        if args.short or args.board:
            parser.error("--lesson is a mode of its own: not with --short or --board")
        if not 0 <= args.minutes <= 60:
            parser.error("--minutes must be between 0 and 60")
        return run_lesson(args, students)
    if args.py_spy is not None:
        parser.error("--py-spy goes with --lesson")
    args.timeout = args.timeout if args.timeout is not None else (50.0 if args.short else 300.0)

    server = Server(args.server_log)
    memory = None
    store = None
    board_dir = None
    saved_env: dict[str, str | None] = {}
    started = time.monotonic()
    try:
        if args.board:  # a fresh database for the class board; the server inherits this environment
            board_dir = Path(tempfile.mkdtemp(prefix="load-test-board-"))
            url = f"sqlite:///{board_dir / 'class_board.sqlite3'}"
            saved_env = {name: os.environ.get(name) for name in ("BOARD_DATABASE_URL", "BOARD_TEACHER_KEY")}
            os.environ["BOARD_DATABASE_URL"] = url
            os.environ.pop("BOARD_TEACHER_KEY", None)  # the teacher creates the class without an installation key
            from core.board.store import BoardStore

            store = BoardStore(url)
        try:
            startup = server.start()
        finally:
            for name, value in saved_env.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value
        memory = MemorySampler(server.process.pid)
        memory.start()
        cpu = CpuSampler(server.process.pid)
        cpu_before = cpu.seconds()
        results = Results()
        ws_url = server.base_url.replace("http://", "ws://") + "/_stcore/stream"
        plans = make_plans(students, args.short, args.seed)
        begin = time.monotonic()
        asyncio.run(drive(ws_url, plans, args.timeout, results, store))
        duration = time.monotonic() - begin
        cpu_seconds = cpu.seconds() - cpu_before
        if server.process.poll() is not None:
            results.error(-1, "server", f"the server exited with code {server.process.returncode}")
        memory.stop()
        summary = summarize(students, results, memory.peak_mb, duration, startup, cpu_seconds, args, memory)
    finally:
        if memory is not None:
            memory.stop()
        server.stop()
        if store is not None:
            store.close()
        if board_dir is not None:
            shutil.rmtree(board_dir, ignore_errors=True)
    summary["wall_s"] = round(time.monotonic() - started, 2)
    print_table(summary)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(summary, indent=2) + "\n")
    print(f"\nwritten: {args.output}")
    return 0 if summary["errors"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
