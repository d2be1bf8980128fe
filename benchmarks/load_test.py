"""Load test: N simulated students on the real app, over Streamlit's own websocket protocol.

    python benchmarks/load_test.py --students 30          # the classroom case
    python benchmarks/load_test.py --students 10
    python benchmarks/load_test.py --short                # 5 students, tiny trainings, < 1 min

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
(through ``core.board_store.BoardStore`` on the same database) and keeps the board open: its
fragment reruns every 3 s. Each student then joins with the link's query string
(``?class=CODE``) on its first visit, answers the question in the sidebar, trains as usual and
presses "Share with the class" under its final report. Also measured:
- share latency: from sending the share click to its ``script_finished``;
- board refresh: each rerun of the board's fragment (send to its ``script_finished``);
- board visibility: from a share click to the board's "Shared runs" count first including it
  (the k-th share to finish is taken as the k-th run on the board);
and checked at the end through the store: as many runs and answers as the students made.

Prints a table and writes ``benchmarks/load_test.json`` (or ``--output``). Only loopback,
everything bounded by ``--timeout`` (default 300 s).
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
import statistics
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
from benchmarks.app_server import start_app, stop_app  # noqa: E402
from streamlit.proto.BackMsg_pb2 import BackMsg  # noqa: E402
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg  # noqa: E402

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


def _children(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as children:
                    for child in children.read().split():
                        found.append(int(child))
                        todo.append(int(child))
        except OSError:
            continue
    return found


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
        return sum(_rss_kb(p) for p in [self.pid] + _children(self.pid)) / 1024

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
        for pid in [self.pid] + _children(self.pid):
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

    # -------------------------------------------------------------- protocol
    async def send_rerun(self, fragment_id: str = "", triggers: tuple[str, ...] = (), page_name: str = "") -> None:
        msg = BackMsg()
        state = msg.rerun_script
        state.query_string = LANGUAGE_QUERY
        if self.query_once and not fragment_id:
            state.query_string, self.query_once = self.query_once, ""
        if page_name:
            state.page_name = page_name
        else:
            state.page_script_hash = self.page_hash
        if fragment_id:
            state.fragment_id = fragment_id
            state.is_auto_rerun = True
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
                if kind == "new_session":
                    new = msg.new_session
                    self.pages.update({page.url_pathname: page.page_script_hash for page in new.app_pages})
                    self.page_hash = new.page_script_hash
                    self.run_fragments = list(msg.metadata.run.fragment_ids)
                    if not msg.metadata.run.fragment_ids:  # a full run (not a fragment's) starts:
                        self.full_running = True
                        self.widget_ids = {}
                        self._clear_fragment_timers()  # it registers its fragments again
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
        self.set_widget("softmax_z", "string_value", plan["vector"])
        await self.rerun("softmax", "type vector")
        await self.think()
        self.set_widget("softmax_decimals", "double_array_value", [plan["decimals"]])
        await self.rerun("softmax", "move slider")
        await self.think()

        await self.open_page("training")
        await self.think()
        self.set_widget("softmax_iterations", "string_array_value", [str(plan["iterations"])])
        self.set_widget("softmax_train_size", "string_array_value", [str(plan["train_size"])])
        self.set_widget("softmax_seed", "double_value", float(plan["seed"]))
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
        self.set_widget("softmax_z", "string_value", plan["vector2"])
        await self.rerun("softmax", "type vector")
        if plan["extra_pages"]:
            await self.think()
            await self.open_page("translation")
            await self.think()
            self.set_widget("trans_dx", "double_array_value", [float(plan["shift"])])
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
        self.store = store                    # core.board_store.BoardStore on the server's database
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
    parser.add_argument("--server-log", type=Path, default=ROOT / "test-artifacts" / "load-test-server.log")
    args = parser.parse_args(argv)
    students = args.students if args.students is not None else (5 if args.short else 10)
    if not 1 <= students <= 60:
        parser.error("--students must be between 1 and 60")
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
            from core.board_store import BoardStore

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
