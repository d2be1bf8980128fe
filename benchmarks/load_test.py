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
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "benchmarks" / "load_test.json"
STARTUP_TIMEOUT = 90.0
RENDER_TIMEOUT = 60.0       # one page render longer than this is counted as an error
FINAL_TITLE = "Result"       # core/texts.py "final_title" in English
LANGUAGE_QUERY = "lang=en"
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
        self.pending_fragments: dict[str, float] = {}
        self.training_started: float | None = None
        self.first_checkpoint: float | None = None
        self.training_done: asyncio.Event = asyncio.Event()
        self.final_seen: float | None = None
        self.closed = False
        self.exception_count = 0
        self.full_running = False  # a full script run is in progress (fragment timers wait for its end)

    # -------------------------------------------------------------- protocol
    async def send_rerun(self, fragment_id: str = "", triggers: tuple[str, ...] = (), page_name: str = "") -> None:
        msg = BackMsg()
        state = msg.rerun_script
        state.query_string = LANGUAGE_QUERY
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
            user_key = widget_id.rsplit("-", 1)[-1] if widget_id.startswith("$$ID-") else ""
            if user_key:
                self.widget_ids[user_key] = widget_id

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
                    if detail.startswith(("markdown", "plotly", "empty")):
                        continue
                    print(f"[{time.monotonic():.2f}] s{self.index} <- {kind} {detail}", file=sys.stderr)
                if kind == "new_session":
                    new = msg.new_session
                    self.pages.update({page.url_pathname: page.page_script_hash for page in new.app_pages})
                    self.page_hash = new.page_script_hash
                    if not msg.metadata.run.fragment_ids:  # a full run (not a fragment's) starts:
                        self.full_running = True
                        self.widget_ids = {}
                        self._clear_fragment_timers()  # it registers its fragments again
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
                        now = time.monotonic()
                        for fragment_id, sent in list(self.pending_fragments.items()):
                            self.results.fragments.append(now - sent)
                        self.pending_fragments.clear()
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
        sent = time.monotonic()
        running = self.results.trainings_running
        await self.send_rerun(triggers=triggers, page_name=page_name)
        timeout = min(RENDER_TIMEOUT, max(0.1, self.deadline - time.monotonic()))
        try:
            finished = await asyncio.wait_for(self.pending, timeout)
        except asyncio.TimeoutError:
            self.results.error(self.index, "timeout", f"{page}/{action}: no script_finished within {timeout:.0f} s")
            raise StudentError("render timeout")
        seconds = finished - sent
        self.results.renders.append({"student": self.index, "page": page, "action": action,
                                     "seconds": seconds, "trainings_running": running})
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

    async def scenario(self) -> None:
        plan = self.plan
        await self.rerun("home", "open", page_name="")  # first visit, like a tab opening the URL
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
        })
    return plans


async def drive(ws_url: str, plans: list[dict], timeout: float, results: Results) -> None:
    deadline = time.monotonic() + timeout
    students = [Student(i, ws_url, results, plan, deadline) for i, plan in enumerate(plans)]

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

    tasks = [asyncio.create_task(one(student)) for student in students]
    done, not_done = await asyncio.wait(tasks, timeout=timeout + 5)
    for task in not_done:
        task.cancel()
    if not_done:
        results.error(-1, "timeout", f"{len(not_done)} students still running at the global timeout")
        await asyncio.gather(*not_done, return_exceptions=True)


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
    errors_by_kind: dict[str, int] = {}
    for error in results.errors:
        errors_by_kind[error["kind"]] = errors_by_kind.get(error["kind"], 0) + 1
    return {
        "students": students,
        "mode": "short" if args.short else "full",
        "errors": len(results.errors),
        "errors_by_kind": errors_by_kind,
        "error_samples": [{k: v for k, v in e.items() if k != "t"} for e in results.errors[:10]],
        "sessions_completed": results.sessions_completed,
        "lost_sessions": students - results.sessions_completed,
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


def print_table(summary: dict) -> None:
    def fmt(value, unit=" s"):
        return "-" if value is None else f"{value:.2f}{unit}"

    rows = [
        ("students", str(summary["students"])),
        ("errors", f"{summary['errors']} {summary['errors_by_kind'] or ''}".strip()),
        ("sessions completed", f"{summary['sessions_completed']} (lost {summary['lost_sessions']})"),
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
    parser.add_argument("--server-log", type=Path, default=ROOT / "test-artifacts" / "load-test-server.log")
    args = parser.parse_args(argv)
    students = args.students if args.students is not None else (5 if args.short else 10)
    if not 1 <= students <= 60:
        parser.error("--students must be between 1 and 60")
    args.timeout = args.timeout if args.timeout is not None else (50.0 if args.short else 300.0)

    server = Server(args.server_log)
    memory = None
    started = time.monotonic()
    try:
        startup = server.start()
        memory = MemorySampler(server.process.pid)
        memory.start()
        cpu = CpuSampler(server.process.pid)
        cpu_before = cpu.seconds()
        results = Results()
        ws_url = server.base_url.replace("http://", "ws://") + "/_stcore/stream"
        plans = make_plans(students, args.short, args.seed)
        begin = time.monotonic()
        asyncio.run(drive(ws_url, plans, args.timeout, results))
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
    summary["wall_s"] = round(time.monotonic() - started, 2)
    print_table(summary)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(summary, indent=2) + "\n")
    print(f"\nwritten: {args.output}")
    return 0 if summary["errors"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
